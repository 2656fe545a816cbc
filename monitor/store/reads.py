"""Which posts the reader has read: kept in the database, so it lasts across runs and windows.

A post is read when ``post_reads`` holds a row for it; removing the row makes it unread again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

#: Ids are checked this many at a time (SQLite's limit on bound parameters is far above it).
_CHUNK = 500


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def migrate_read_state(db: Database) -> None:
    """The ``post_reads`` table. Posts stored before it existed count as read: they were shown
    before the app could keep the difference, and an upgrade should not bring back every old post
    as unread."""
    db.execute(
        "create table if not exists post_reads ("
        " post_id integer primary key references posts(id) on delete cascade,"
        " read_at text not null)"
    )
    db.execute("insert or ignore into post_reads (post_id, read_at) select id, ? from posts", [_now()])


class ReadStore:
    """Read and unread posts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set_read(self, post_ids: Iterable[int], read: bool = True) -> int:
        """Mark posts read (or unread again); returns how many changed."""
        ids = [int(i) for i in post_ids]
        changed = 0
        with self.db.conn:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                if read:
                    cur = self.db.execute(
                        f"insert or ignore into post_reads (post_id, read_at) select id, ? from posts "
                        f"where id in ({marks})", [_now(), *chunk])
                else:
                    cur = self.db.execute(f"delete from post_reads where post_id in ({marks})", chunk)
                changed += max(cur.rowcount, 0)
        return changed

    def mark_all_read(self, source_id: int | None = None) -> int:
        """Mark every post (of one source) read; returns how many were unread."""
        where, args = ("where source_id = ?", [source_id]) if source_id is not None else ("", [])
        with self.db.conn:
            cur = self.db.execute(
                f"insert or ignore into post_reads (post_id, read_at) select id, ? from posts {where}",
                [_now(), *args])
        return max(cur.rowcount, 0)

    def unread_among(self, post_ids: Sequence[int]) -> set[int]:
        """Which of ``post_ids`` are unread."""
        unread: set[int] = set()
        ids = list(post_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"select id from posts where id in ({marks}) "
                "and not exists (select 1 from post_reads r where r.post_id = posts.id)", chunk)
            unread.update(int(r[0]) for r in rows)
        return unread

    def unread_counts(self) -> dict[int, int]:
        """Unread posts per source id (sources with none are left out)."""
        rows = self.db.execute(
            "select source_id, count(*) from posts "
            "where not exists (select 1 from post_reads r where r.post_id = posts.id) group by source_id")
        return {int(source): int(count) for source, count in rows}
