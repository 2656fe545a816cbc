"""Two windows on one team store (PostgreSQL): how soon each shows what another process wrote.

A new database on the cluster named by ``--dsn`` or ``MONITOR_TEST_PG`` (``bash .ci/pg-cluster.sh
with python bench/pg_live_bench.py``) gets the seed story; two main windows open on it (offscreen,
each with its listener). Each round times, on the GUI thread:

* ``post``: from another connection's ingest of one new post returning (committed and announced)
  until each window's feed lists it (``posts_ms``), and until window B's panes count it
  (``panes_ms``: on a team store the panes follow within ``TEAM_PANES_SETTLE_MS``);
* ``correction``: from a reassignment asked for in window A's inspector until window B shows the
  quote with its new speaker and author (``correction_ms``: A's write, the notification, B's read
  of the quote side).

The target is "within a second" (the baseline is that second); before the windows listened, a
window on a file saw another program's posts at its next look, up to ``POLL_MS`` (15 s) later.
Prints one JSON object with a ``figures`` list; without a cluster it says so and exits 0.

Usage: ``python bench/pg_live_bench.py [--rounds 5] [--dsn URL]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _pg_database import new_database  # noqa: E402

#: "Within a second": the target each latency is held against.
TARGET_MS = 1000.0


def _run_until(condition: Callable[[], bool], seconds: float = 30.0) -> float:
    """Run Qt's event loop until ``condition()`` holds, looking every millisecond; the
    milliseconds it took (raises TimeoutError past ``seconds``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    started = time.perf_counter()
    if not condition():
        loop = QEventLoop()
        checker = QTimer()
        checker.setInterval(1)
        checker.timeout.connect(lambda: condition() and loop.quit())
        checker.start()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        checker.stop()
        if not condition():
            raise TimeoutError(f"not within {seconds} s")
    return (time.perf_counter() - started) * 1000


def _shows_quote(window: object, quote_id: int, speaker_id: int, author: str) -> bool:
    situation = window.state.situation  # type: ignore[attr-defined]
    if situation is None:
        return False
    found = [q for q in situation.quotes if q.id == quote_id]
    return bool(found) and found[0].speaker_id == speaker_id and found[0].corrected_by == author


def measure(url: str, rounds: int, settings_dir: Path) -> dict:
    """Open two windows on ``url`` and time ``rounds`` posts and corrections."""
    from dataclasses import replace

    from _window import open_window

    from monitor.gui.app import make_application
    from monitor.model import ParsedPost, ParseResult
    from monitor.service import Monitor

    make_application([])
    windows = []
    for name in ("a", "b"):
        folder = settings_dir / name
        folder.mkdir()
        window, opened = open_window(url, folder)  # type: ignore[arg-type]  # (a URL opens a team store)
        _run_until(lambda o=opened: bool(o), 60)
        _run_until(lambda w=window: w.team is not None and w.team.listening, 30)
        windows.append(window)
    a, b = windows
    a.apply_preferences(replace(a.prefs, author="bench-a"))
    posts_ms: list[float] = []
    panes_ms: list[float] = []
    correction_ms: list[float] = []
    writer = Monitor(url)
    try:
        start = datetime.now(UTC)
        for n in range(rounds):
            counted = b.state.counts.posts
            post = ParsedPost(guid=f"live-{n}", title=f"Live report {n}", body=f"Report number {n}.",
                              published=start + timedelta(seconds=n), published_precision="minute")
            report = writer.ingest_result(ParseResult(kind="bench", posts=(post,), title="Bench"), "bench",
                                          source_key="bench:live", url="bench:live")
            post_id = next(iter(report.changes.posts_added))
            written = time.perf_counter()
            for window in windows:
                _run_until(lambda w=window, p=post_id: w.feed.model.row_of(p) is not None)
                posts_ms.append((time.perf_counter() - written) * 1000)
            _run_until(lambda c=counted: b.state.counts.posts == c + 1)
            panes_ms.append((time.perf_counter() - written) * 1000)
        _run_until(lambda: not (a._panes_settle.isActive() or b._panes_settle.isActive()))
        for _ in range(rounds):
            situation = a.state.situation
            quote = next(q for q in situation.quotes if q.speaker_id is not None)
            other = next(s for s in situation.speakers if s.id != quote.speaker_id)
            asked = time.perf_counter()
            a.inspector.reassignRequested.emit(quote.id, other.id)
            _run_until(lambda q=quote, s=other: _shows_quote(b, q.id, s.id, "bench-a"))
            correction_ms.append((time.perf_counter() - asked) * 1000)
            _run_until(lambda q=quote, s=other: _shows_quote(a, q.id, s.id, "bench-a"))
    finally:
        writer.close()
        for window in windows:
            window.close()
    return {"posts_ms": [round(v, 1) for v in posts_ms], "panes_ms": [round(v, 1) for v in panes_ms],
            "correction_ms": [round(v, 1) for v in correction_ms]}


def figure(name: str, values: list[float]) -> dict:
    median = statistics.median(values)
    return {"name": name, "value": round(median, 1), "unit": "ms", "worst": round(max(values), 1),
            "baseline": TARGET_MS, "baseline_name": "within a second", "ratio": round(median / TARGET_MS, 3),
            "target": f"<= {TARGET_MS:.0f} ms", "ok": max(values) <= TARGET_MS}


def run(dsn: str, rounds: int) -> dict:
    from monitor.service import Monitor

    seed = ROOT / "seeds" / "000_a40eac292bb8ed9e.txt"
    route = (ROOT / "seeds" / "seed-route.txt").read_text(encoding="utf-8").strip()
    with new_database(dsn, "bench_live") as url, tempfile.TemporaryDirectory() as folder:
        with Monitor(url) as monitor:
            monitor.set_route(route)
            monitor.ingest_path(seed)
        result = measure(url, rounds, Path(folder))
    return {"bench": "pg_live", "rounds": rounds, **result, "figures": [
        figure("pg_live.post_to_feed_median", result["posts_ms"]),
        figure("pg_live.correction_a_to_b_median", result["correction_ms"]),
        figure("pg_live.post_to_panes_median", result["panes_ms"]),
    ]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dsn", default=os.environ.get("MONITOR_TEST_PG"),
                        help="a PostgreSQL server (default: $MONITOR_TEST_PG)")
    args = parser.parse_args(argv)
    if not args.dsn:
        print(json.dumps({"bench": "pg_live", "skipped": "no PostgreSQL server: give --dsn or run "
                          "under bash .ci/pg-cluster.sh with ..."}))
        return 0
    print(json.dumps(run(args.dsn, args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
