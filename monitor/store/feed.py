"""Read queries behind a scrolling feed: keyset pages, filters, and what changed since a mark.

A feed view shows posts newest first and asks for the next page after the last row it holds.
Keyset paging (``(time, seq, id) < last``) keeps pages stable while new posts arrive on top,
where ``limit/offset`` would shift and show a post twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlite_utils import Database

from monitor.model import Post
from monitor.store.posts import _POST_COLUMNS, _row_to_post
from monitor.store.search import fts_query

# Sort key of a post in the feed: the same order as PostStore.posts (newest first).
_SORT_TIME = "coalesce(posts.published, posts.first_seen)"
_SORT_ORDER = f"{_SORT_TIME} desc, coalesce(posts.seq, 0) desc, posts.id desc"
_COLUMNS = ", ".join("posts." + c.strip() for c in _POST_COLUMNS.split(","))

#: (time, seq, id) of a post: where it sits in the feed.
SortKey = tuple[str, int, int]


def sort_key(post: Post) -> SortKey:
    """Where ``post`` sits in the feed; larger is newer."""
    return (post.published or post.first_seen, post.seq or 0, post.id)


@dataclass(frozen=True)
class FeedFilter:
    """What the feed shows. Empty fields do not filter."""

    text: str = ""
    source_id: int | None = None
    speaker_id: int | None = None
    as_of: str | None = None  # ISO 8601 UTC: only posts published up to then

    def is_empty(self) -> bool:
        """True when every post passes."""
        return not (fts_query(self.text) or self.source_id or self.speaker_id or self.as_of)


@dataclass(frozen=True)
class ChangeMark:
    """The newest post id and revision id a reader has seen; anything above is new."""

    post_id: int = 0
    revision_id: int = 0


class FeedQueries:
    """Paged, filtered reads over posts for a feed view."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _where(self, flt: FeedFilter) -> tuple[list[str], list]:
        clauses: list[str] = []
        args: list = []
        query = fts_query(flt.text)
        if query:
            clauses.append("posts.id in (select rowid from posts_fts where posts_fts match ?)")
            args.append(query)
        if flt.source_id is not None:
            clauses.append("posts.source_id = ?")
            args.append(flt.source_id)
        if flt.speaker_id is not None:
            if "quotes" in self.db.table_names():
                clauses.append(
                    "posts.id in (select post_id from quotes where speaker_id = ? and status = 'active')"
                )
                args.append(flt.speaker_id)
            else:
                clauses.append("0")  # no quotes stored yet: nobody has said anything
        if flt.as_of:
            clauses.append(f"{_SORT_TIME} <= ?")
            args.append(flt.as_of)
        return clauses, args

    def page(self, flt: FeedFilter, *, after: SortKey | None = None, limit: int = 100) -> list[Post]:
        """Up to ``limit`` posts passing ``flt``, newest first, older than ``after`` when given."""
        clauses, args = self._where(flt)
        if after is not None:
            clauses.append(f"({_SORT_TIME}, coalesce(posts.seq, 0), posts.id) < (?, ?, ?)")
            args.extend(after)
        where = f"where {' and '.join(clauses)}" if clauses else ""
        sql = f"select {_COLUMNS} from posts {where} order by {_SORT_ORDER} limit ?"
        rows = self.db.execute(sql, [*args, limit]).fetchall()
        return self._with_revision_counts([_row_to_post(r) for r in rows])

    def count(self, flt: FeedFilter) -> int:
        """How many posts pass ``flt``."""
        clauses, args = self._where(flt)
        where = f"where {' and '.join(clauses)}" if clauses else ""
        return int(self.db.execute(f"select count(*) from posts {where}", args).fetchone()[0])

    def mark(self) -> ChangeMark:
        """The current change mark: the highest post id and revision id."""
        post_id = self.db.execute("select coalesce(max(id), 0) from posts").fetchone()[0]
        rev_id = self.db.execute("select coalesce(max(id), 0) from post_revisions").fetchone()[0]
        return ChangeMark(int(post_id), int(rev_id))

    def changes(self, flt: FeedFilter, since: ChangeMark, *, limit: int = 500) -> tuple[
        list[Post], list[Post], int, ChangeMark
    ]:
        """What happened after ``since``: (new posts passing ``flt`` newest first, at most
        ``limit``; edited posts passing ``flt``; the number of new posts passing; the new mark)."""
        now = self.mark()
        clauses, args = self._where(flt)
        extra = " and ".join(clauses)
        extra = f" and {extra}" if extra else ""
        count = int(
            self.db.execute(
                f"select count(*) from posts where posts.id > ? and posts.id <= ?{extra}",
                [since.post_id, now.post_id, *args],
            ).fetchone()[0]
        )
        added_rows = self.db.execute(
            f"select {_COLUMNS} from posts where posts.id > ? and posts.id <= ?{extra} "
            f"order by {_SORT_ORDER} limit ?",
            [since.post_id, now.post_id, *args, limit],
        ).fetchall()
        edited_rows = self.db.execute(
            f"select {_COLUMNS} from posts where posts.id <= ? and posts.id in "
            f"(select post_id from post_revisions where id > ? and id <= ?){extra}",
            [since.post_id, since.revision_id, now.revision_id, *args],
        ).fetchall()
        added = self._with_revision_counts([_row_to_post(r) for r in added_rows])
        edited = self._with_revision_counts([_row_to_post(r) for r in edited_rows])
        return added, edited, count, now

    def posts_by_id(self, ids: list[int]) -> dict[int, Post]:
        """The posts with these ids (missing ids are left out)."""
        found: dict[int, Post] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"select {_COLUMNS} from posts where posts.id in ({marks})", chunk
            ).fetchall()
            for post in self._with_revision_counts([_row_to_post(r) for r in rows]):
                found[post.id] = post
        return found

    def time_span(self) -> tuple[str | None, str | None]:
        """The earliest and latest post time in the store (ISO 8601 UTC), or (None, None)."""
        row = self.db.execute(f"select min({_SORT_TIME}), max({_SORT_TIME}) from posts").fetchone()
        return row[0], row[1]

    def _with_revision_counts(self, posts: list[Post]) -> list[Post]:
        if not posts:
            return posts
        ids = [p.id for p in posts]
        marks = ",".join("?" * len(ids))
        counts = dict(
            self.db.execute(
                f"select post_id, count(*) from post_revisions where post_id in ({marks}) "
                "group by post_id",
                ids,
            ).fetchall()
        )
        if not counts:
            return posts
        return [replace(p, revision_count=int(counts.get(p.id, 0))) for p in posts]
