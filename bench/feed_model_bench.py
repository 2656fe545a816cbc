"""The feed pane's model on a big store: SQL per first page, first page, ``fetchMore`` pages.

Measured for this checkout's code and, as the baseline in the same run, for another checkout
(``--baseline-code``, e.g. the main branch before the feed model kept ids and a row cache), each
in a process of its own on the same cached corpus:

* ``statements_first_page``: SQL statements the worker runs for the feed's first page
  (``data.feed_page``: mark, page, revision counts, total and the page's quoted passages);
* ``first_page_s``: from pointing a shown ``FeedPane`` at the store to its first page listed,
  on the corpus and on an empty store (the issue's target: the corpus within 1.3x the empty one);
* ``fetch_more``: 30 pages down from the top, from ``fetchMore`` to the rows inserted and laid
  out by the list with the real delegate: median and p95;
* ``held_chars``: characters of post text the model holds after those pages.

    QT_QPA_PLATFORM=offscreen python bench/feed_model_bench.py [--size 100k] \\
        [--baseline-code /path/to/other/checkout]

Prints one JSON object with a ``figures`` list for ``bench/run_all.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = 30


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def child(code: Path, corpus: Path, empty: Path) -> dict:
    """Measure the feed model of the checkout at ``code``. Runs in its own process."""
    sys.path.insert(0, str(code))
    sys.path.insert(1, str(ROOT / "bench"))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    import monitor
    from monitor.gui import data
    from monitor.gui.feed_pane import FeedPane
    from monitor.gui.workers import Runner
    from monitor.service import Monitor
    from monitor.store.feed import FeedFilter

    assert Path(monitor.__file__).resolve().is_relative_to(code.resolve()), monitor.__file__
    app = QApplication.instance() or QApplication([])

    def wait_for(signal, start) -> None:
        """Call ``start`` and run the event loop until ``signal`` fires (no polling: exact); not
        at all when it fired inside ``start`` (a page read ahead is inserted by ``fetchMore``)."""
        loop = QEventLoop()
        fired: list[bool] = []

        def done(*_args) -> None:
            fired.append(True)
            loop.quit()

        signal.connect(done)
        QTimer.singleShot(60_000, loop.quit)
        start()
        if not fired:
            loop.exec()
        signal.disconnect(done)

    with Monitor(corpus) as mon:
        statements: list[str] = []
        mon.db.conn.set_trace_callback(statements.append)
        page = data.feed_page(mon, FeedFilter(), None, 100, True)
        mon.db.conn.set_trace_callback(None)
        assert len(page.posts) == 100

    def first_page(path: Path) -> tuple[float, FeedPane, Runner]:
        pane = FeedPane()
        pane.resize(640, 900)
        pane.show()
        app.processEvents()
        runner = Runner(path)
        started = time.perf_counter()
        wait_for(pane.model.loadingChanged, lambda: pane.set_runner(runner))
        if pane.model.loading:  # the first signal said "loading"; wait for the page
            wait_for(pane.model.loadingChanged, lambda: None)
        app.processEvents()  # the list lays the page out
        elapsed = time.perf_counter() - started
        return elapsed, pane, runner

    # Warm the OS file cache and Python's imports on both stores first.
    for path in (empty, corpus):
        _, pane, runner = first_page(path)
        runner.shutdown()
        pane.close()
    empty_times, corpus_times = [], []
    for _ in range(3):
        elapsed, pane, runner = first_page(empty)
        empty_times.append(elapsed)
        runner.shutdown()
        pane.close()
        elapsed, pane, runner = first_page(corpus)
        corpus_times.append(elapsed)
        if len(corpus_times) < 3:
            runner.shutdown()
            pane.close()

    model = pane.model
    round_trips: list[float] = []
    for _ in range(PAGES):
        if not model.canFetchMore():
            break
        started = time.perf_counter()
        wait_for(model.rowsInserted, model.fetchMore)
        app.processEvents()  # the list's layout of the new rows
        round_trips.append((time.perf_counter() - started) * 1000)
    cache = getattr(model, "cache", None)
    # The old model held every loaded post.
    held = cache.chars if cache is not None else sum(len(p.body) + len(p.title or "") for p in model._rows)
    result = {
        "statements_first_page": len(statements),
        "first_page_empty_s": round(min(empty_times), 4),
        "first_page_corpus_s": round(min(corpus_times), 4),
        "fetch_more_rows": model.rowCount(),
        "fetch_more_median_ms": round(statistics.median(round_trips), 2),
        "fetch_more_p95_ms": round(_p95(round_trips), 2),
        "held_chars": held,
    }
    runner.shutdown()
    pane.close()
    return result


def _run_child(code: Path, corpus: Path, empty: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(code), str(corpus), str(empty)],
        capture_output=True, text=True, env=env, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"measuring {code} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _figure(name: str, value: float, unit: str, baseline: float, baseline_name: str,
            target: str = "", ok: bool | None = None) -> dict:
    return {"name": name, "value": value, "unit": unit, "baseline": baseline,
            "baseline_name": baseline_name, "ratio": round(value / baseline, 3) if baseline else None,
            "target": target, "ok": ok}


def run(size: int, seed: int, cache: Path, baseline_code: Path | None) -> dict:
    """Build or reuse the corpus; measure this checkout and the baseline checkout on it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import corpus_db

    corpus = corpus_db(size, seed, cache)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.db"
        subprocess.run([sys.executable, "-c", "import sys; from monitor.service import Monitor; "
                        "Monitor(sys.argv[1]).close()", str(empty)],
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
        now = _run_child(ROOT, corpus, empty)
        before = _run_child(baseline_code, corpus, empty) if baseline_code else None
    base = "previous code" if before else "empty store"
    figures = [
        _figure("feed.first_page_vs_empty", round(now["first_page_corpus_s"], 4), "s",
                now["first_page_empty_s"], "same pane, empty store", "<= 1.3x",
                now["first_page_corpus_s"] <= 1.3 * now["first_page_empty_s"]),
    ]
    if before:
        figures += [
            _figure("feed.statements_first_page", now["statements_first_page"], "statements",
                    before["statements_first_page"], base),
            _figure("feed.fetch_more_p95", now["fetch_more_p95_ms"], "ms", before["fetch_more_p95_ms"], base,
                    "<= 16 ms at 1M", None),
            _figure("feed.fetch_more_median", now["fetch_more_median_ms"], "ms",
                    before["fetch_more_median_ms"], base),
            _figure("feed.held_chars", now["held_chars"], "chars", before["held_chars"], base),
        ]
    return {"bench": "feed_model", "size": size, "seed": seed, "pages": PAGES,
            "now": now, "baseline": before, "figures": figures}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        code, corpus, empty = (Path(a) for a in sys.argv[2:5])
        print(json.dumps(child(code, corpus, empty)))
        return
    sys.path.insert(0, str(ROOT))
    sys.path.insert(1, str(ROOT / "bench"))
    from make_corpus import parse_size
    from search_bench import default_cache

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=parse_size, default=100_000)
    parser.add_argument("--seed", type=int, default=1)  # gui_scale.py's corpus
    parser.add_argument("--cache", type=Path, default=None, help="corpus database directory")
    parser.add_argument("--baseline-code", type=Path, default=None,
                        help="another checkout whose feed model is the baseline (e.g. the main branch)")
    args = parser.parse_args()
    print(json.dumps(run(args.size, args.seed, args.cache or default_cache(), args.baseline_code)))


if __name__ == "__main__":
    main()
