"""Run store work off the GUI thread and hand results back by signals.

A job is a plain function ``fn(monitor, *args)``. It runs on a pool thread with that thread's
own Monitor (SQLite connections belong to the thread that opened them) and must never touch a
widget. Reads go to a small pool; writes go to a pool of one thread, so writes are serialised
and WAL lets the reads run beside them. Writes heavy on Python work (imports and polls: parsing
and extraction) are handed from that thread to a child process (``ingest_process.py``), so they
never hold the interpreter lock the GUI thread needs.

On a team store (a ``postgresql://`` URL) each thread's Monitor has its own connection, as psycopg
wants (a connection is never used by two threads at once). A connection lost to a server restart
is replaced at the thread's next job, and a read that failed because of it runs once more on the
new one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from monitor.gui.ingest_process import IngestProcess, ProcessUnavailable
from monitor.service import Monitor, is_postgres

log = logging.getLogger(__name__)

_local = threading.local()


#: Where a window's store is: a database file, or a team store's ``postgresql://`` URL kept as
#: the string it is (a Path would fold its ``//``; the URL may hold a password, so it is never shown).
Target = Path | str


def connection_lost(monitor: Monitor) -> bool:
    """True when ``monitor`` is on a team store whose connection is gone (the server restarted
    or went away): it cannot be used again, and a new one must be opened."""
    return monitor.team is not None and monitor.team.lost


def thread_monitor(db_path: Target, create: bool = False) -> Monitor:
    """This thread's Monitor on ``db_path`` (a file or a team store's URL), opened on first use,
    and opened again when its team store connection was lost; a missing file is an error unless
    ``create``. Each thread has its own: a connection is never used by two threads at once."""
    monitors: dict[str, Monitor] = getattr(_local, "monitors", None) or {}
    _local.monitors = monitors
    key = str(db_path)
    monitor = monitors.get(key)
    if monitor is not None and connection_lost(monitor):
        del monitors[key]
        monitor.close()
        monitor = None
    if monitor is None:
        monitor = Monitor(db_path, create=create)
        monitors[key] = monitor
    return monitor


def close_thread_monitors() -> None:
    """Close the Monitors this thread opened."""
    for monitor in getattr(_local, "monitors", {}).values():
        monitor.close()
    _local.monitors = {}


class WorkerSignals(QObject):
    """What a job reports. Connect before the job starts; delivered on the receiver's thread."""

    started = Signal()
    returned = Signal(object)
    errored = Signal(object)  # the exception
    finished = Signal()


class Job(QRunnable):
    """One call of ``fn(monitor, *args)`` on a pool thread."""

    def __init__(self, db_path: Target, fn: Callable[..., Any], args: tuple,
                 process: IngestProcess | None = None, create: bool = False, retry: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        #: A read may run once more on a new connection when the team store's was lost under it
        #: (the server restarted): nothing was written, and the window gets its answer at once.
        self.retry = retry
        # Not ``self.create``: that name is QRunnable's own (a static factory).
        self.create_db = create
        self.fn = fn
        self.args = args
        self.process = process
        self.signals = WorkerSignals()

    def _call_here(self) -> Any:
        monitor = thread_monitor(self.db_path, self.create_db)
        try:
            return self.fn(monitor, *self.args)
        except Exception:
            if not (self.retry and connection_lost(monitor)):
                raise
        log.info("%s: the connection was lost; reading again on a new one", monitor.where)
        return self.fn(thread_monitor(self.db_path, self.create_db), *self.args)

    def run(self) -> None:  # noqa: D102 - QRunnable API
        self.signals.started.emit()
        try:
            result = None
            if self.process is not None:
                try:
                    result = self.process.call(self.db_path, self.fn, self.args)
                except ProcessUnavailable:
                    self.process = None  # no child here: the write thread does the work itself
            if self.process is None:
                result = self._call_here()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none kills the pool
            log.warning("%s failed: %s", getattr(self.fn, "__name__", self.fn), exc, exc_info=True)
            self.signals.errored.emit(exc)
        else:
            self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()


class Runner(QObject):
    """Starts jobs on a database: reads beside each other, writes one at a time."""

    busyChanged = Signal(bool)

    def __init__(self, db_path: Target, parent: QObject | None = None, *, create: bool = False) -> None:
        super().__init__(parent)
        #: The file, or the team store's URL as given (with any password: never shown).
        self.db_path: Target = db_path if is_postgres(db_path) else Path(db_path)
        #: Whether opening may make the file (File → New, the default database); else a missing
        #: file is an error and nothing is created.
        self.create_db = create
        #: Set by shutdown(): no job starts after it.
        self._shut = False
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        for pool in (self._reads, self._writes):
            # Threads (and their connections) live as long as the runner.
            pool.setExpiryTimeout(-1)
        self._active: set[Job] = set()
        self._process = IngestProcess()

    def read(self, fn: Callable[..., Any], *args: Any,
             on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None) -> WorkerSignals:
        """Run a read-only job; callbacks run on the GUI thread."""
        return self._start(self._reads, fn, args, on_result, on_error, retry=True)

    def write(self, fn: Callable[..., Any], *args: Any,
              on_result: Callable[[Any], None] | None = None,
              on_error: Callable[[Exception], None] | None = None, retry: bool = False) -> WorkerSignals:
        """Run a job that writes; writes never overlap. ``retry``: a job safe to run twice runs
        again on a new connection when the team store's was lost under it."""
        return self._start(self._writes, fn, args, on_result, on_error, retry=retry)

    def ingest(self, fn: Callable[..., Any], *args: Any,
               on_result: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None) -> WorkerSignals:
        """Run a write that parses and extracts (import, poll) in the ingest process, in turn
        with the other writes; ``fn`` must be a module-level function. Callbacks run on the
        GUI thread."""
        return self._start(self._writes, fn, args, on_result, on_error, self._process)

    def _start(self, pool: QThreadPool, fn: Callable[..., Any], args: tuple,
               on_result: Callable[[Any], None] | None,
               on_error: Callable[[Exception], None] | None,
               process: IngestProcess | None = None, retry: bool = False) -> WorkerSignals:
        job = Job(self.db_path, fn, args, process, self.create_db, retry)
        job.setAutoDelete(False)
        if self._shut:
            # A result that arrived while the window closed asked for more work: nothing runs
            # after shutdown (its threads closed their connections), and nothing waits for it.
            log.debug("%s not run: the runner is shut down", getattr(fn, "__name__", fn))
            return job.signals
        if on_result is not None:
            job.signals.returned.connect(on_result)
        if on_error is not None:
            job.signals.errored.connect(on_error)
        job.signals.finished.connect(lambda: self._done(job))
        if not self._active:
            self.busyChanged.emit(True)
        self._active.add(job)
        pool.start(job)
        return job.signals

    def _done(self, job: Job) -> None:
        self._active.discard(job)
        if not isValid(self):
            return  # the runner went with its window while the job finished: nobody to tell
        # The callbacks hold the job and the job holds their signals: deleting the signals'
        # QObject drops the connections, so neither outlives the job.
        job.signals.deleteLater()
        if not self._active:
            self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        """True while any job is queued or running."""
        return bool(self._active)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every job has run (for shutdown and tests); True when all finished."""
        ok = self._writes.waitForDone(msecs)
        return self._reads.waitForDone(msecs) and ok

    def shutdown(self) -> None:
        """Drop queued jobs, wait for running ones and close each thread's connections; no job
        starts after it."""
        self._shut = True
        for pool in (self._reads, self._writes):
            pool.clear()
        self.wait()
        self._process.shutdown()
        for pool in (self._reads, self._writes):
            for _ in range(pool.maxThreadCount()):
                pool.start(close_thread_monitors)
            pool.waitForDone(5000)
        # Every job has ended or was dropped: the runner is idle even where a job's "finished"
        # signal never arrives (queued to a window already gone).
        had_jobs = bool(self._active)
        self._active.clear()
        if had_jobs and isValid(self):
            self.busyChanged.emit(False)
