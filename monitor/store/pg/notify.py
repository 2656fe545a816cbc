"""What a write changed, told to every process on a team store: LISTEN/NOTIFY on ``monitor_changes``.

A write on PostgreSQL sends its ``OpChanges`` as JSON (``publish``); ``ChangeListener`` is a
thread with a connection of its own that LISTENs and hands each change, as an ``OpChanges``, to
a callback — plain Python, no Qt (a window would pass the changes on to its thread by a signal).

A notification carries at most 8,000 bytes, so a big ingest's ids go out in several, each an
``OpChanges`` of its own: a listener merges them as it merges any two changes (``|``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from monitor.model import OpChanges
from monitor.store.pg.connection import connect, redact

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

#: The channel every write of a team store notifies.
CHANNEL = "monitor_changes"
#: Ids of one field per notification: a payload stays well under PostgreSQL's 8,000 bytes.
IDS_PER_NOTIFICATION = 400


def payloads(changes: OpChanges) -> list[str]:
    """``changes`` as the JSON payloads of its notifications: the flags and the first ids of each
    field in the first, the rest of the ids in as many more as they need; [] for no change."""
    if not changes:
        return []
    flags: dict[str, Any] = {}
    ids: dict[str, list[int]] = {}
    for f in fields(OpChanges):
        value = getattr(changes, f.name)
        if isinstance(value, bool):
            if value:
                flags[f.name] = True
        elif value:
            ids[f.name] = sorted(value)
    out = []
    start = 0
    while start == 0 or any(len(v) > start for v in ids.values()):
        part = {name: v[start:start + IDS_PER_NOTIFICATION] for name, v in ids.items() if len(v) > start}
        out.append(json.dumps({**(flags if start == 0 else {}), **part}, separators=(",", ":")))
        start += IDS_PER_NOTIFICATION
    return out


def changes_of(payload: str) -> OpChanges:
    """The ``OpChanges`` a notification's payload carries. Raises ValueError naming the payload
    when it is not one (a notification on the channel from something else)."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return OpChanges.of(**data)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{CHANNEL}: not a change: {payload[:80]!r} ({exc})") from exc


def publish(conn: psycopg.Connection, changes: OpChanges) -> None:
    """Notify every listener of ``changes``. Inside a transaction the notifications go out when
    it commits, and not at all when it rolls back."""
    for payload in payloads(changes):
        conn.execute("select pg_notify(%s, %s)", [CHANNEL, payload])


class ChangeListener:
    """Listens on a team store for what other processes' writes changed, on a thread of its own.

    ``on_change`` is called on that thread with each change (an ``OpChanges``); notifications
    from the connections whose backend pids are in ``ignore_pids`` (a process's own writer)
    are passed over. ``start()`` returns once it listens; ``stop()`` ends it within ``poll``
    seconds. ``errors`` keeps the reason it stopped on its own (a lost connection), if it did,
    and ``on_lost`` (when given) is called with it on the listener's thread, so a window can say
    so and listen again once the store is back.
    """

    def __init__(self, dsn: str, on_change: Callable[[OpChanges], None], *,
                 ignore_pids: Iterable[int] = (), poll: float = 0.25,
                 on_lost: Callable[[str], None] | None = None) -> None:
        self.dsn = dsn
        self.on_change = on_change
        self.on_lost = on_lost
        self.ignore_pids = set(ignore_pids)
        self.poll = poll
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ChangeListener:
        """Connect, LISTEN, and deliver changes on a daemon thread. Raises StoreError naming the
        store (password hidden) when it cannot connect."""
        conn = connect(self.dsn)
        conn.autocommit = True
        conn.execute(f"listen {CHANNEL}")
        self._thread = threading.Thread(target=self._run, args=(conn,), name="pg-change-listener",
                                        daemon=True)
        self._thread.start()
        return self

    def _run(self, conn: psycopg.Connection) -> None:
        import psycopg

        try:
            while not self._stop.is_set():
                for note in conn.notifies(timeout=self.poll):
                    if note.pid in self.ignore_pids:
                        continue
                    try:
                        changes = changes_of(note.payload)
                    except ValueError as exc:
                        log.warning("%s", exc)
                        continue
                    self.on_change(changes)
        except psycopg.Error as exc:
            problem = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            self.errors.append(f"{redact(self.dsn)}: stopped listening for changes ({problem})")
            log.warning("%s", self.errors[-1])
        finally:
            conn.close()
        if self.errors and self.on_lost is not None and not self._stop.is_set():
            self.on_lost(self.errors[-1])

    def stop(self) -> None:
        """Stop listening and close the connection (thread-safe)."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5 + self.poll)

    def __enter__(self) -> ChangeListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


