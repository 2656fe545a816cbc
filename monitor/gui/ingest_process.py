"""A process of its own for the app's heavy writes: parsing, storing and extracting posts.

Extraction is pure Python and busy for a millisecond or more per post; on a thread of the app's
own process it competes with the GUI thread for Python's interpreter lock, and the window
stutters while a big page or an archive goes in. In a child process it has a core and a lock of
its own. The child opens its own connection to the same database (WAL lets the app's readers
carry on beside it) and hands back the same plain report objects a thread would.

The child ends with the app however the app ends (``monitor.procs``): a window killed with
``kill -9`` leaves no ingest process behind.

This module imports no Qt: the child loads it, and nothing else of the GUI.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import multiprocessing.spawn
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from monitor.procs import die_with_parent

log = logging.getLogger(__name__)

#: The child's Monitors, by database path (a child serves one app, which may switch databases).
_monitors: dict[str, Any] = {}


def _call(db_path: str, fn: Callable[..., Any], args: tuple) -> Any:
    """Run ``fn(monitor, *args)`` in the child with its Monitor on ``db_path``."""
    from monitor.extract.parallel import ExtractionPool
    from monitor.service import Monitor, is_postgres

    monitor = _monitors.get(db_path)
    if monitor is not None and monitor.team is not None and not monitor.team.alive():
        # The team store's server restarted: this connection is gone for good; open a new one.
        monitor.close()
        del _monitors[db_path]
        monitor = None
    if monitor is None:
        for other in _monitors.values():
            other.close()
        _monitors.clear()
        # A team store's URL stays the string it is (a Path would fold its ``//``).
        monitor = _monitors[db_path] = Monitor(db_path if is_postgres(db_path) else Path(db_path))
        # This process is the app's background already: extracting here, on one core, leaves
        # the other to the window and spares the app two more processes for its whole life.
        monitor.extraction = ExtractionPool(workers=1)
    return fn(monitor, *args)


def _close() -> None:
    for monitor in _monitors.values():
        monitor.close()
    _monitors.clear()


def _child_start() -> None:
    die_with_parent()
    atexit.register(_close)


class ProcessUnavailable(RuntimeError):
    """No child process could be started here (a sandbox, a missing interpreter)."""


@contextmanager
def _spawning_with(executable: str | None) -> Iterator[None]:
    """Children started inside use ``executable``: the interpreter a spawned process runs is
    one setting for the whole process (``multiprocessing.spawn``), so it is set only while
    this pool starts its child and put back after — set for good, it sent every later pool
    (the extraction workers') to the same interpreter."""
    if executable is None:
        yield
        return
    previous = multiprocessing.spawn.get_executable()
    multiprocessing.spawn.set_executable(executable)
    try:
        yield
    finally:
        multiprocessing.spawn.set_executable(previous)


class IngestProcess:
    """One child process, started on first use, that runs write jobs one at a time.

    ``fn`` must be a module-level function (it is sent to the child by name). A child that dies
    (killed, out of memory) is replaced on the next call; the call that was running fails with
    the reason. When no child can be started at all, calls raise ``ProcessUnavailable`` and the
    caller does the work itself. ``executable`` is the Python the child runs (default: this one).
    """

    def __init__(self, executable: str | None = None) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._executable = executable
        self.unavailable: str | None = None  # why no child can be started, once known
        self._answered = False  # a child has answered a call (so one can be started here)

    def call(self, db_path: Path | str, fn: Callable[..., Any], args: tuple) -> Any:
        """``fn(monitor, *args)`` in the child; blocks the calling (worker) thread until done."""
        if self.unavailable is not None:
            raise ProcessUnavailable(self.unavailable)
        pool = self._pool
        if pool is None:
            # "spawn": forking a process that runs Qt and threads is not safe.
            pool = self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_child_start)
        try:
            with _spawning_with(self._executable):  # the child starts on the first submit
                future = pool.submit(_call, str(db_path), fn, args)
        except OSError as exc:  # the child could not be started
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            self.unavailable = f"no ingest process can be started here: {exc}"
            log.warning("%s; imports and polls run in the app's own process", self.unavailable)
            raise ProcessUnavailable(self.unavailable) from exc
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            if not self._answered:
                # The very first child died before answering: children do not start here.
                self.unavailable = f"no ingest process can be started here: {exc}"
                log.warning("%s; imports and polls run in the app's own process", self.unavailable)
                raise ProcessUnavailable(self.unavailable) from exc
            raise RuntimeError(f"the ingest process stopped unexpectedly: {exc}") from exc
        except Exception:
            self._answered = True  # the job's own error, raised in the child and sent back
            raise
        self._answered = True
        return result

    def shutdown(self) -> None:
        """Stop the child (after the job it is running)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
