"""The main window as the GUI benches open it: shown at a fixed size, settings of its own.

Not a bench itself (``bench/run_all.py`` passes over modules whose name starts with ``_``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from monitor.gui.main_window import MainWindow


def open_window(db_path: Path, settings_dir: Path) -> tuple[MainWindow, list[object]]:
    """A 1400×900 main window shown and opening ``db_path``, its QSettings file in ``settings_dir``.

    Returns the window and a list each applied snapshot is appended to; the caller runs the event
    loop until the list (and whatever else it waits for) says the store is open. The QApplication
    must already exist.
    """
    settings = QSettings(str(settings_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1400, 900)
    window.show()
    opened: list[object] = []
    window.snapshotApplied.connect(opened.append)
    window.open_database(db_path)
    return window, opened
