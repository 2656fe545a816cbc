"""QApplication bootstrap: open the store, seed it if new, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QMessageBox

from monitor.service import Monitor
from monitor.store import StoreError


def run_app(db_path: Path, *, seed: bool = False) -> int:
    """Run the desktop app on ``db_path``; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Situation Monitor")
    try:
        monitor = Monitor(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, "Situation Monitor", str(exc))
        return 1
    if seed:
        monitor.seed_if_empty()
    window = QMainWindow()
    window.setWindowTitle(f"Situation Monitor — {db_path}")
    listing = QListWidget()
    for post in monitor.posts.posts(limit=500):
        listing.addItem(f"{post.title or '(no headline)'}\n{post.body[:160]}")
    window.setCentralWidget(listing)
    window.resize(900, 600)
    window.show()
    return app.exec()
