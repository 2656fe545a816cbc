"""QApplication bootstrap: logging, icon, palette, then the main window on a database.

The database is opened (and an empty default one seeded) on a worker thread; a file that
cannot be used is named in a dialog and the window stays up so another can be chosen. SIGTERM
(and Ctrl-C in the terminal) close the window as its close button does, which stops the ingest
process; the app then exits with 128 + the signal's number.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from monitor import __version__
from monitor.paths import APP_NAME, log_dir

ORGANISATION = "situation-monitor"
APPLICATION = "Situation Monitor"

log = logging.getLogger("monitor")

#: Full garbage collections run on this clock instead of whenever allocation counts say so.
#: Our data (posts, quotes) is freed by reference counting; only rare cycles wait for this.
FULL_GC_MS = 300_000


class GarbageCollector(QObject):
    """Keeps Python's full collections off the moments the user is working.

    A full collection walks every live object while holding the GIL; with tens of thousands of
    posts and quotes loaded that is a pause of tens of milliseconds, and a worker thread
    allocating heavily (ingest) triggers one every few seconds. Young generations still collect
    as usual; the full one is put off (high threshold) and run every five minutes on the GUI thread.
    Objects alive after start-up are frozen so no collection walks them again.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, 1_000_000)
        self.timer = QTimer(self)
        self.timer.setInterval(FULL_GC_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()
        QTimer.singleShot(0, gc.freeze)  # once the window is built: leave start-up objects be

    @staticmethod
    def collect() -> int:
        """Run a full collection now; returns the number of unreachable objects found."""
        return gc.collect()


class SignalCloser(QObject):
    """Closes a window when the process gets SIGTERM or SIGINT, then exits the event loop.

    A Python signal handler runs only when Python code runs, and Qt's event loop runs none
    while it waits, so a SIGTERM would wait for the next mouse move (or, offscreen, for ever)
    and a plain ``kill`` ended the app by default action, leaving its ingest process behind.
    Instead the signal's number is written to a socket (``signal.set_wakeup_fd``) that a
    QSocketNotifier watches: the loop wakes, and the window closes as its close button would.
    """

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.received: int | None = None
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        # The handler itself does nothing: the byte on the socket is what wakes the loop.
        self._previous = {sig: signal.signal(sig, lambda _signum, _frame: None) for sig in self.SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._read.recv(64)
        except BlockingIOError:
            return
        caught = [n for n in numbers if n in {int(s) for s in self.SIGNALS}]
        if not caught or self.received is not None:
            return
        self.received = caught[0]
        log.info("signal %s received: closing", signal.Signals(self.received).name)
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(128 + self.received)

    def restore(self) -> None:
        """Give the signals back their previous handlers and close the socket pair."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._read.close()
        self._write.close()


def setup_logging(directory: Path | None = None) -> Path | None:
    """Log to ``monitor.log`` in the user's state directory (rotated); returns its path."""
    directory = directory or log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "monitor.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError as exc:
        print(f"warning: cannot write a log file in {directory}: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


#: How long a thread holding the interpreter lock keeps it once another asks (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.001


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named, with the app icon and a style that follows the system palette;
    threads take turns with the interpreter lock every millisecond (``SWITCH_INTERVAL_S``)."""
    # The GUI thread and the read threads share the interpreter lock. A read gives it up at every
    # row SQLite steps through, and by default Python makes a thread that wants it back wait up to
    # 5 ms each time: while the list lays rows out, a page of 100 rows took 30-90 ms instead of 2.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    # Fusion draws the same everywhere and takes the light/dark palette from the platform.
    app.setStyle("Fusion")
    from monitor.gui.main_window import app_icon

    app.setWindowIcon(app_icon())
    if app.findChild(GarbageCollector) is None:
        GarbageCollector(app)
    return app


def last_database(settings: QSettings, default: Path) -> Path:
    """The database used last time when it still exists, else ``default``."""
    value = settings.value("last_db")
    if value and Path(str(value)).is_file():
        return Path(str(value))
    return default


def run_app(db_path: Path | str, *, seed: bool = False) -> int:
    """Run the desktop app on ``db_path`` (a database file, or a team store's ``postgresql://``
    URL); returns the exit code.

    ``seed`` means ``db_path`` is the default database: the one used last time is opened
    instead when there is one, and an empty default is filled from the built-in story.
    """
    app = make_application()
    log_path = setup_logging()
    log.info("Situation Monitor %s starting; log at %s", __version__, log_path)
    from monitor.gui.main_window import MainWindow

    settings = QSettings()
    if seed and isinstance(db_path, Path):
        db_path = last_database(settings, db_path)
    window = MainWindow(settings)
    window.show()
    closer = SignalCloser(window, app)
    window.open_database(db_path, seed=seed)
    code = app.exec()
    closer.restore()
    log.info("Situation Monitor exiting with %s", code)
    return code
