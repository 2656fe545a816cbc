"""Which poller polls a source: a PostgreSQL advisory lock per source, held while it is polled.

Every ``monitor watch`` on one team store sees the same due sources. Before polling one it takes
the source's lock with ``pg_try_advisory_lock`` (never waiting): a source another poller holds is
left to it this round. The lock is the session's, so a poller that dies lets go of its sources
with its connection.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg


def source_lock_key(source_id: int) -> int:
    """The advisory lock key of a source: a stable signed 64-bit hash of its id (the same in
    every process and every run, unlike Python's ``hash``; far from the store's write lock)."""
    digest = hashlib.blake2b(f"situation-monitor source {source_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class SourceLocks:
    """Claims and releases sources for polling on one connection (autocommit)."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        self.held: set[int] = set()

    def try_claim(self, source_id: int) -> bool:
        """Take the source's lock if no other session holds it; True when this one now does."""
        if source_id in self.held:
            return True
        row = self.conn.execute("select pg_try_advisory_lock(%s)", [source_lock_key(source_id)]).fetchone()
        if row is not None and row[0]:
            self.held.add(source_id)
            return True
        return False

    def release(self, source_id: int) -> None:
        """Let go of a source this session claimed (nothing when it holds none)."""
        if source_id in self.held:
            self.held.discard(source_id)
            self.conn.execute("select pg_advisory_unlock(%s)", [source_lock_key(source_id)])
