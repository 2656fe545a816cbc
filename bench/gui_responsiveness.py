"""How long the GUI's event loop stalls while 10,000 posts are ingested with the window open.

A QTimer fires every 5 ms on the GUI thread and records the gap since its last tick; the longest
gap beyond the 5 ms interval is the longest stall a user would feel. The same measurement with
the window idle, in the same run, is the baseline. The posts go through the whole ingest (JSON
lines parsed, stored, quotes and route observations extracted) in the app's ingest process in
batches, and after each batch the window looks for new posts as it does after a poll.

    QT_QPA_PLATFORM=offscreen python bench/gui_responsiveness.py [--posts 10000] [--batch 500]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _window import open_window  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402

from monitor.gui import data  # noqa: E402
from monitor.gui.app import make_application  # noqa: E402
from monitor.model import to_iso  # noqa: E402
from monitor.service import Monitor  # noqa: E402

TICK_MS = 5
WORDS = ("train", "Khasan", "border", "Vladivostok", "summit", "delegation", "ceremony", "Kremlin",
         "statement", "officials", "station", "gauge", "wheels", "journey", "reporters")


def make_batch(start: int, count: int) -> bytes:
    """A JSON-lines document of posts (the shape ``monitor posts --json`` prints), 30 s apart."""
    base = datetime(2023, 9, 12, tzinfo=UTC)
    lines = []
    for i in range(start, start + count):
        words = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(40))
        body = (f"Update {i}. {words.capitalize()}.\n\n“A quoted line number {i},” "
                f"Kremlin spokesman Dmitry Peskov said.")
        lines.append(json.dumps({
            "guid": f"bench-{i}", "title": f"Bench update {i}", "body": body,
            "published": to_iso(base + timedelta(seconds=30 * i)), "published_precision": "second",
            "seq": i,
        }))
    return ("\n".join(lines) + "\n").encode("utf-8")




class GapMeter:
    """Records the gaps between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self._last = self.clock.nsecsElapsed() / 1e6
        self.timer.start()

    def stop(self) -> dict:
        self.timer.stop()
        gaps = sorted(self.gaps)
        return {
            "ticks": len(gaps),
            "longest_gap_ms": round(gaps[-1], 2) if gaps else None,
            "longest_stall_ms": round(max(0.0, gaps[-1] - TICK_MS), 2) if gaps else None,
            "p99_gap_ms": round(gaps[int(len(gaps) * 0.99) - 1], 2) if gaps else None,
            "median_gap_ms": round(statistics.median(gaps), 2) if gaps else None,
        }

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now


def _figure(name: str, value: float | None, baseline: float | None, target: float | None = None) -> dict:
    figure = {"name": name, "value": value, "unit": "ms", "baseline": baseline,
              "ratio": round(value / baseline, 2) if value and baseline else None}
    if target is not None:
        figure["target"] = target
        figure["ok"] = value is not None and value < target
    return figure


def run_loop(seconds: float, until: Callable[[], bool] | None = None) -> None:
    """Run Qt's own event loop (as app.exec() does) for ``seconds``, or until ``until()`` is true.

    No Python runs between events, so the gaps measured are the app's, not a polling loop's.
    """
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    checker = None
    if until is not None:
        if until():
            return
        checker = QTimer()
        checker.setInterval(20)
        checker.timeout.connect(lambda: until() and loop.quit())
        checker.start()
    loop.exec()
    if checker is not None:
        checker.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds of idle baseline")
    args = parser.parse_args()

    app = make_application([])  # kept: the QApplication must outlive the window
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        with Monitor(db_path) as monitor:
            monitor.seed_if_empty()
        window, opened = open_window(db_path, Path(tmp))
        run_loop(60, lambda: bool(opened) and not window.feed.model.loading)

        meter = GapMeter()
        meter.start()
        run_loop(args.idle)
        baseline = meter.stop()

        done = {"batches": 0, "added": 0}

        def stored(report) -> None:
            if not report.ok:
                raise RuntimeError(report.error)
            done["batches"] += 1
            done["added"] += report.added
            window.after_new_posts()

        # The posts are made before the clock starts: making them is the bench's work, not the app's.
        batches = [make_batch(start, min(args.batch, args.posts - start))
                   for start in range(0, args.posts, args.batch)]
        window.pane_step_ms.clear()
        meter.start()
        started = time.perf_counter()
        for posts in batches:
            # As the app's polls and imports do: in the ingest process, one write at a time.
            window.runner.ingest(data.ingest_document, posts, "bench feed", "bench:feed", "bench://feed",
                                 on_result=stored)
        batches = len(batches)
        run_loop(600, lambda: done["batches"] >= batches)
        ingest_seconds = time.perf_counter() - started
        # Keep measuring until the panes have taken the last snapshot (their settle time included).
        run_loop(60, lambda: not window.runner.busy)
        run_loop(2.5)
        loaded = meter.stop()
        # The app runs a full garbage collection every 5 minutes (monitor.gui.app.GarbageCollector);
        # how long one takes with all of this loaded is the pause the user gets then.
        gc_started = time.perf_counter()
        gc.collect()
        full_gc_ms = round((time.perf_counter() - gc_started) * 1000, 2)
        result = {
            "benchmark": "gui_responsiveness",
            "posts": done["added"],
            "batch": args.batch,
            "ingest_seconds": round(ingest_seconds, 2),
            "feed_rows": window.feed.model.rowCount(),
            "feed_total": window.feed.model.total,
            "tick_ms": TICK_MS,
            "baseline_idle": baseline,
            "during_ingest": loaded,
            "longest_stall_ms": loaded["longest_stall_ms"],
            "extra_stall_over_baseline_ms": round(
                (loaded["longest_stall_ms"] or 0) - (baseline["longest_stall_ms"] or 0), 2),
            "full_gc_every_5_min_ms": full_gc_ms,
            "longest_pane_update_ms": {k: round(v, 1) for k, v in sorted(window.pane_step_ms.items())},
            "target_ms": 50,
        }
        # The shape bench/run_all.py lists: each figure with the idle baseline of this run.
        result["figures"] = [
            _figure("gui.longest_stall_during_ingest", loaded["longest_stall_ms"],
                    baseline["longest_stall_ms"], target=50),
            _figure("gui.p99_gap_during_ingest", loaded["p99_gap_ms"], baseline["p99_gap_ms"]),
        ]
        window.close()
        app.processEvents()
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
