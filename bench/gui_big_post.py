"""How long opening a very long post holds the window.

The window is opened on a database holding one post of about 5 MB (prose in paragraphs, or
with ``--shape line`` one paragraph with no line break at all) and a few short ones. The bench
selects the long post in the feed, then opens it (**Open post**, as a double-click does) and
measures two things: the time from the call to the dialog being painted, and the longest gap
of a 5 ms timer on the GUI thread over the next two seconds (the stall a user feels, including
any layout the dialog does after it is shown). The same timer with the window idle gives the
baseline.

    QT_QPA_PLATFORM=offscreen python bench/gui_big_post.py [--mb 5] [--shape paragraphs|line]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _window import open_window  # noqa: E402
from gui_responsiveness import GapMeter, _figure, run_loop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from monitor.gui.app import make_application  # noqa: E402
from monitor.model import ParsedPost  # noqa: E402
from monitor.service import Monitor  # noqa: E402

SENTENCE = ("The train left the station at dawn and officials said the delegation would reach the "
            "border crossing before noon, where the wheels are changed for the wider gauge. ")


def long_body(megabytes: float, shape: str) -> str:
    """About ``megabytes`` MB of prose: paragraphs of five sentences, or one unbroken line."""
    size = int(megabytes * 1_000_000)
    if shape == "line":
        return (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    paragraph = SENTENCE * 5
    return "\n\n".join([paragraph.strip()] * (size // (len(paragraph) + 2) + 1))[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--shape", choices=("paragraphs", "line"), default="paragraphs")
    parser.add_argument("--after", type=float, default=2.0, help="seconds measured after opening")
    args = parser.parse_args()

    app = make_application([])  # kept: the QApplication must outlive the window
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        body = long_body(args.mb, args.shape)
        start = datetime(2023, 9, 12, tzinfo=UTC)
        posts = [ParsedPost(guid=f"short-{i}", title=f"Short update {i}", body="A short update.",
                            published=start + timedelta(minutes=i)) for i in range(5)]
        posts.append(ParsedPost(guid="long", title="The whole transcript", body=body,
                                published=start + timedelta(hours=1)))
        with Monitor(db_path) as monitor:
            source_id = monitor.posts.ensure_source("bench:long", "test", "bench://long", "Bench")
            monitor.posts.ingest(source_id, posts)
        window, opened = open_window(db_path, Path(tmp))
        run_loop(60, lambda: bool(opened) and window.feed.model.rowCount() >= 6)
        feed = window.feed
        row = next(r for r in range(feed.model.rowCount())
                   if feed.model.post_at(r).title == "The whole transcript")

        meter = GapMeter()
        meter.start()
        run_loop(1.0)
        baseline = meter.stop()

        meter.start()
        started = time.perf_counter()
        feed.select_row(row)
        feed.open_post(row)
        dialog = feed.post_dialog
        dialog.repaint()  # painted now, as the first frame would be
        QApplication.processEvents()
        open_ms = (time.perf_counter() - started) * 1000
        run_loop(args.after)
        after = meter.stop()
        result = {
            "benchmark": "gui_big_post",
            "body_chars": len(body),
            "shape": args.shape,
            "open_to_painted_ms": round(open_ms, 1),
            "baseline_idle": baseline,
            "opening": after,
            "longest_stall_ms": after["longest_stall_ms"],
        }
        # The shape bench/run_all.py lists, each figure against the idle baseline of this run.
        result["figures"] = [
            _figure(f"gui.open_{args.mb:g}mb_post_{args.shape}_stall", after["longest_stall_ms"],
                    baseline["longest_stall_ms"], target=100),
            _figure(f"gui.open_{args.mb:g}mb_post_{args.shape}_to_paint", round(open_ms, 1), None),
        ]
        dialog.close()
        window.close()
        app.processEvents()
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
