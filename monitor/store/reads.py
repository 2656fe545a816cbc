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
    as unread. Each row carries its post's source so that unread counts per source are two index
    scans (posts per source less reads per source), not a look-up per post."""
    db.execute(
        "create table if not exists post_reads ("
        " post_id integer primary key references posts(id) on delete cascade,"
        " source_id integer not null references sources(id),"
        " read_at text not null)"
    )
    db.execute("create index if not exists post_reads_source on post_reads (source_id)")
    db.execute("insert or ignore into post_reads (post_id, source_id, read_at) "
               "select id, source_id, ? from posts", [_now()])


class ReadStore:
    """Read and unread posts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set_read(self, post_ids: Iterable[int], read: bool = True) -> int:
        """Mark posts read (or unread again), each with its copies in other sources (the posts
        of its story item); returns how many changed."""
        ids = [int(i) for i in post_ids]
        changed = 0
        with self.db.conn:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                # A story item is read once: its copies in other sources go with the post.
                copies = (f"select o.post_id from story_item_posts s join story_item_posts o "
                          f"on o.item_id = s.item_id where s.post_id in ({marks})")
                if read:
                    cur = self.db.execute(
                        f"insert or ignore into post_reads (post_id, source_id, read_at) "
                        f"select id, source_id, ? from posts where id in ({marks}) or id in ({copies})",
                        [_now(), *chunk, *chunk])
                else:
                    cur = self.db.execute(
                        f"delete from post_reads where post_id in ({marks}) or post_id in ({copies})",
                        [*chunk, *chunk])
                changed += max(cur.rowcount, 0)
        return changed

    def mark_all_read(self, source_id: int | None = None) -> int:
        """Mark every post (of one source) read; returns how many were unread."""
        where, args = ("where source_id = ?", [source_id]) if source_id is not None else ("", [])
        with self.db.conn:
            cur = self.db.execute(
                f"insert or ignore into post_reads (post_id, source_id, read_at) "
                f"select id, source_id, ? from posts {where}",
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

    def unread_copies(self) -> int:
        """Unread posts that are a later copy of a story item's lead (a reprint in another
        source): the feed shows an item once, so "All sources" counts it once, and the unread
        total over every source is ``sum(unread_counts().values()) - unread_copies()``.

        Only items with more than one post are looked at: one pass over the ``item_id`` index
        finds them (most items are a single post), then their copies; a store where no post has
        a copy (one row per item: two table counts say so) costs nothing more (at 100,000
        posts the pass took 40–90 ms of a 2–3 s snapshot)."""
        folded = self.db.execute("select (select count(*) from story_item_posts) - "
                                 "(select count(*) from story_items)").fetchone()
        if not folded or not folded[0]:
            return 0
        row = self.db.execute(
            "select count(*) from (select item_id from story_item_posts group by item_id "
            "having count(*) > 1) as folded "
            "join story_items i on i.id = folded.item_id "
            "join story_item_posts s on s.item_id = folded.item_id and s.post_id != i.lead_post_id "
            "where not exists (select 1 from post_reads r where r.post_id = s.post_id)"
        ).fetchone()
        return int(row[0]) if row else 0

    def unread_counts(self) -> dict[int, int]:
        """Unread posts per source id (sources with none are left out)."""
        def per_source(table: str) -> dict[int, int]:
            sql = f"select source_id, count(*) from {table} group by source_id"
            return dict(self.db.execute(sql).fetchall())

        posts, read = per_source("posts"), per_source("post_reads")
        unread = {int(s): int(n) - int(read.get(s, 0)) for s, n in posts.items()}
        return {s: n for s, n in unread.items() if n > 0}
