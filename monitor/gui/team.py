"""A window's live link to a team store (PostgreSQL): other processes' changes, and reconnecting.

Every write to a team store publishes what it changed (``OpChanges``, LISTEN/NOTIFY). The link
starts a listener (``Monitor.listen``: a thread with a connection of its own) on the writer
thread, so the window's own writes, made there, are passed over. The listener calls back on its
own thread; the link hands each change to the GUI thread by a queued Qt signal, merges a burst
(a big ingest's ids come in several notifications) and emits ``changed`` once per burst.

When the listener's connection is lost (the server restarted or stopped), the link says so
(``lost``, the store named with its password hidden) and tries again in the background with a
growing wait (``BACKOFF_S``): each try is a job on the writer thread, which checks its own
connection (opening a new one when the old is gone) and starts a new listener. Nothing here
blocks the GUI thread. Once a try works the link emits ``reconnected``, and the window reads
what it shows again (changes made while nobody listened are found by reading, not by replaying
notifications).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from shiboken6 import isValid

from monitor.gui import data
from monitor.gui.workers import Runner
from monitor.model import NO_CHANGES, OpChanges

if TYPE_CHECKING:
    from monitor.store.pg.notify import ChangeListener

log = logging.getLogger(__name__)

#: Seconds between tries to reconnect: the first soon (a restart takes a second or two), then
#: longer, never more than half a minute.
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
#: Notifications arriving within this many milliseconds are taken as one change.
SETTLE_MS = 40


def store_name(where: str) -> str:
    """A team store's URL (password already hidden) in a few words for the status bar: its
    database and host, "story on db.example.org" (the title and tooltips give the whole URL)."""
    parts = urlsplit(where)
    database = parts.path.lstrip("/") or "postgres"
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host") or "localhost"
    return f"{database} on {host}"


def backoff(attempt: int) -> float:
    """Seconds to wait before try number ``attempt`` (0 for the first)."""
    return BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)]


class TeamLink(QObject):
    """Listens on a team store for the window and keeps listening across lost connections."""

    #: OpChanges another process made (merged over a burst); on the GUI thread.
    changed = Signal(object)
    #: The connection is lost: the message names the store (password hidden) and the next try.
    lost = Signal(str)
    #: Listening again after a loss: the window reads what it shows again.
    reconnected = Signal()
    # From the listener's thread to this (the GUI) thread.
    _heard = Signal(object)
    _dropped = Signal(str)

    def __init__(self, runner: Runner, where: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        #: The store as messages name it (no password).
        self.where = where
        self.listener: ChangeListener | None = None
        #: Every listener a try started (appended on the writer thread), so ``stop`` ends one
        #: whose answer never reached this thread (the window closed while the try ran).
        self._started: list[ChangeListener] = []
        #: True from a loss until a new listener runs.
        self.is_lost = False
        #: Tries since the connection was lost.
        self.attempts = 0
        self._closed = False
        self._trying = False
        self._checking = False
        self._pending: OpChanges = NO_CHANGES
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._dropped.connect(self._on_dropped, Qt.ConnectionType.QueuedConnection)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._deliver)

    # -- starting and stopping -----------------------------------------------------------

    def start(self) -> None:
        """Start listening (off the GUI thread); a failure counts as a lost connection."""
        self._try()

    def stop(self) -> None:
        """Stop listening and trying; nothing is emitted after it. Call it again once no try
        can be running (the runner shut down) to end a listener a late try started."""
        self._closed = True
        if isValid(self):
            self._retry.stop()
            self._settle.stop()
        self.listener = None
        while self._started:
            self._started.pop().stop()

    @property
    def listening(self) -> bool:
        """True while a listener runs."""
        return self.listener is not None and not self.is_lost

    def check(self) -> None:
        """A read failed: ask the store (off the GUI thread) whether it is still there, and
        treat the connection as lost when it is not, though the listener has not noticed (its
        connection may outlive the others', as over a network that drops packets silently)."""
        if self._closed or self.is_lost or self._checking:
            return
        self._checking = True

        def answered(_: object) -> None:
            self._checking = False

        def failed(exc: Exception) -> None:
            self._checking = False
            self._on_dropped(str(exc) or type(exc).__name__)

        self.runner.read(data.probe, on_result=answered, on_error=failed)

    def _try(self) -> None:
        if self._closed or self._trying:
            return
        self._trying = True
        self.runner.write(data.listen, self._callback(self._heard), self._callback(self._dropped),
                          self._started, retry=True, on_result=self._listening, on_error=self._failed)

    def _callback(self, signal: SignalInstance) -> Callable[[object], None]:
        """A callback for the listener's thread that emits ``signal`` towards this thread, and
        does nothing once the link has gone with its window."""

        def emit(value: object) -> None:
            if isValid(self) and not self._closed:
                signal.emit(value)

        return emit

    def _listening(self, listener: ChangeListener) -> None:
        self._trying = False
        if self._closed or not isValid(self):
            listener.stop()  # the window closed while this try ran
            return
        self.listener = listener
        was_lost = self.is_lost
        self.is_lost = False
        self.attempts = 0
        log.info("%s: listening for the team's changes", self.where)
        if was_lost:
            self.reconnected.emit()

    def _failed(self, exc: Exception) -> None:
        self._trying = False
        if self._closed:
            return
        self._lose(str(exc) or type(exc).__name__)

    def _on_dropped(self, reason: str) -> None:
        if self._closed or self.is_lost:
            return  # already trying again (a read and the listener may both find the loss)
        if self.listener is not None:
            self.listener.stop()
            if self.listener in self._started:
                self._started.remove(self.listener)
            self.listener = None
        self._lose(reason)

    def _lose(self, reason: str) -> None:
        """Say the connection is lost and try again after the next wait."""
        self.is_lost = True
        wait = backoff(self.attempts)
        self.attempts += 1
        problem = reason.splitlines()[0] if reason else "no answer"
        if problem.startswith(self.where):
            problem = problem[len(self.where):].lstrip(": ")
        self.lost.emit(f"Connection to {self.where} lost ({problem}); reconnecting in {wait:g} s")
        self._retry.start(int(wait * 1000))

    # -- changes -------------------------------------------------------------------------

    def _on_heard(self, changes: OpChanges) -> None:
        if self._closed:
            return
        self._pending = self._pending | changes
        if not self._settle.isActive():
            self._settle.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, NO_CHANGES
        if changes and not self._closed:
            self.changed.emit(changes)
