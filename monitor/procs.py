"""Child processes that end with their parent, however the parent ends.

A worker process waiting on its job queue never learns that its parent was killed (``kill -9``,
an out-of-memory kill): it holds the queue's pipe itself, so it waits for ever, keeps the
parent's stdout open (``monitor ingest … | tee log`` never ends) and keeps multiprocessing's
resource tracker alive with it. Each child process we start calls :func:`die_with_parent` first:

- on Linux the kernel signals the child when its parent goes (``prctl(PR_SET_PDEATHSIG)``);
- everywhere, a daemon thread waits on the parent's sentinel (a pipe end or a process handle
  that becomes ready when the parent is gone) or, for a child not started by multiprocessing,
  watches the parent pid.

Either way the child exits at once: its parent is not there to take its results, and a
transaction it had open is rolled back by SQLite. Once the children are gone, the resource
tracker (which multiprocessing starts for the pool's queue locks) reads the end of its pipe and
exits too.

This module is plain Python (no Qt): extraction workers and the app's ingest process load it.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)

#: prctl option: the signal this process gets when its parent ends (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: The signal asked for. Not SIGKILL: Linux sends it also when the *thread* that started the
#: child ends (a pool thread of the app, while the app lives on), so the handler first checks
#: that the parent process itself is gone.
PARENT_DEATH_SIGNAL = getattr(signal, "SIGUSR1", None)
#: Exit status of a child that outlived its parent (nobody reads it; it names the cause).
ORPHANED_EXIT = 70
#: Seconds between looks at the parent pid, where there is no sentinel to wait on.
PID_WATCH_SECONDS = 1.0


def _parent_pid() -> int:
    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None and parent.pid else os.getppid()


def _exit_if_orphaned(parent_pid: int) -> None:
    # Reparented (to init or a subreaper): the parent process has ended.
    if os.getppid() != parent_pid:
        os._exit(ORPHANED_EXIT)


def _set_parent_death_signal(parent_pid: int) -> bool:
    """Ask Linux to signal this process when its parent ends; False where that is not possible."""
    if not sys.platform.startswith("linux") or PARENT_DEATH_SIGNAL is None:
        return False
    if threading.current_thread() is not threading.main_thread():
        return False  # Python handlers can only be installed from the main thread
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        signal.signal(PARENT_DEATH_SIGNAL, lambda _signum, _frame: _exit_if_orphaned(parent_pid))
        if libc.prctl(PR_SET_PDEATHSIG, int(PARENT_DEATH_SIGNAL), 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    except (OSError, AttributeError, ValueError) as exc:
        log.debug("no parent-death signal here: %s", exc)
        return False
    return True


def _watch_parent(parent_pid: int) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        with contextlib.suppress(OSError, ValueError):
            parent.join()  # returns when the parent's sentinel is ready: the parent is gone...
        # ... or when the parent closed its end of the sentinel's pipe while it lives on (a
        # descriptor closed twice elsewhere in it, since reused by the pipe): then this worker
        # must not quit, or the pool breaks with "a child process terminated abruptly" in a
        # parent that is fine. Its pid tells: a child whose parent ended is reparented.
        _exit_if_orphaned(parent_pid)
    while True:
        _exit_if_orphaned(parent_pid)
        time.sleep(PID_WATCH_SECONDS)


def die_with_parent() -> None:
    """Make this (child) process exit as soon as the process that started it ends.

    Call it first thing in the child (a pool's ``initializer``); it returns at once. The check
    right after ``prctl`` covers a parent that ended before the request took effect.
    """
    parent_pid = _parent_pid()
    _set_parent_death_signal(parent_pid)
    _exit_if_orphaned(parent_pid)
    # Also where prctl worked: the watcher costs one sleeping thread and covers a child that
    # a debugger or a sandbox keeps from receiving the signal.
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()
