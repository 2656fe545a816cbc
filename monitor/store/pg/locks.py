"""Which poller polls a source: a PostgreSQL advisory lock per source, held while it is polled.

Every ``monitor watch`` on one team store sees the same due sources. Before polling one it takes
the source's lock with ``pg_try_advisory_lock`` (never waiting): a source another poller holds is
left to it this round. The lock is the session's, so a poller that dies lets go of its sources
with its connection.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import TYPE_CHECKING

from monitor.store.errors import StoreError

if TYPE_CHECKING:
    import psycopg


def source_lock_key(source_id: int) -> int:
    """The advisory lock key of a source: a stable signed 64-bit hash of its id (the same in
    every process and every run, unlike Python's ``hash``; far from the store's write lock)."""
    digest = hashlib.blake2b(f"situation-monitor source {source_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class SourceLocks:
    """Claims and releases sources for polling on one connection (autocommit)."""

    def __init__(self, conn: psycopg.Connection, where: str = "the team store") -> None:
        self.conn = conn
        #: How messages name the store (its URL with any password hidden).
        self.where = where
        self.held: set[int] = set()

    def try_claim(self, source_id: int) -> bool:
        """Take the source's lock if no other session holds it; True when this one now does."""
        if source_id in self.held:
            return True
        import psycopg

        try:
            row = self.conn.execute("select pg_try_advisory_lock(%s)",
                                    [source_lock_key(source_id)]).fetchone()
        except psycopg.OperationalError as exc:  # a lost connection: the store's error, named
            problem = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.where}: {problem}") from exc
        if row is not None and row[0]:
            self.held.add(source_id)
            return True
        return False

    def release(self, source_id: int) -> None:
        """Let go of a source this session claimed (nothing when it holds none)."""
        if source_id in self.held:
            self.held.discard(source_id)
            import psycopg

            # A lost connection took the session's advisory locks with it: nothing is left to
            # release, and the error that lost it is the one to report.
            with contextlib.suppress(psycopg.OperationalError):
                self.conn.execute("select pg_advisory_unlock(%s)", [source_lock_key(source_id)])
