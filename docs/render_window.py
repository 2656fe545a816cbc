"""Render the whole window on the seed story to a PNG (the picture in docs/ and the README).

    QT_QPA_PLATFORM=offscreen python docs/render_window.py --out docs/screenshot.png \
        [--at 2023-09-12T02:00:00Z] [--size 1600x1000] [--search TEXT]

Without ``--db`` it builds a fresh database from ``seeds/`` in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from monitor.gui.app import make_application  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402
from monitor.model import parse_iso  # noqa: E402
from monitor.service import Monitor  # noqa: E402


def spin(app, seconds: float) -> None:
    """Run the event loop for a while."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--at", default=None, help="replay time, ISO 8601")
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--search", default="")
    parser.add_argument("--speaker", default="", help="select the speaker with this name")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db
        if db_path is None:
            db_path = Path(tmp) / "seed.db"
            with Monitor(db_path) as monitor:
                monitor.seed_if_empty()
        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(width, height)
        window.show()
        applied: list[object] = []
        window.snapshotApplied.connect(applied.append)
        window.open_database(db_path)
        while not applied:
            spin(app, 0.05)
        if args.at:
            applied.clear()
            window.act_replay.setChecked(True)
            window.replay.set_as_of(parse_iso(args.at))
            while not applied or applied[-1].at != window.replay.as_of():
                spin(app, 0.05)
        if args.search:
            window.feed.set_search(args.search)
        if args.speaker and window.snapshot is not None:
            found = [s for s in window.snapshot.speakers if args.speaker.lower() in s.name.lower()]
            if found:
                window.inspector.speakerSelected.emit(found[0].id)
        spin(app, 1.5)
        window.statusBar().clearMessage()  # it names the temporary database file
        spin(app, 0.1)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(args.out))
        window.close()
    print(f"{args.out}: {'written' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
