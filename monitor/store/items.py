"""Story items: posts of different sources that carry the same text, folded into one item.

Each folded post has a row in ``story_item_posts`` with its item, its time and its MinHash
signature (so the candidate index can be rebuilt for a time window when the store is opened);
``story_items`` names each item's lead, its earliest copy. Which posts fold is decided in
``monitor.extract.folding``; this module only reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from monitor.model import ItemCopy

_CHUNK = 500
# The feed's newest-first order (store/posts.py NEWEST_FIRST), qualified for a join.
_NEWEST_FIRST = "coalesce(posts.published, posts.first_seen) desc, posts.seq desc, posts.id desc"


def migrate_story_items(db: Database) -> None:
    """Story items and the item, time and signature of every folded post."""
    db.table("story_items").create(
        {"id": int, "lead_post_id": int, "title": str, "started": str},
        pk="id",
        foreign_keys=[("lead_post_id", "posts", "id")],
        not_null=["lead_post_id"],
    )
    db.table("story_item_posts").create(
        {"post_id": int, "item_id": int, "source_id": int, "at": str, "signature": bytes},
        pk="post_id",
        foreign_keys=[("post_id", "posts", "id"), ("item_id", "story_items", "id"),
                      ("source_id", "sources", "id")],
        not_null=["item_id", "source_id", "at", "signature"],
    )
    db.table("story_item_posts").create_index(["item_id"])
    db.table("story_item_posts").create_index(["at"])


@dataclass(frozen=True)
class SignatureRow:
    """A folded post as the candidate index needs it."""

    post_id: int
    at: str
    signature: bytes
    source_id: int


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


class ItemStore:
    """Reads and writes story items and their posts' fingerprints."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what folding reads -----------------------------------------------------------------

    def newest_at(self) -> str | None:
        """The latest time of any folded post."""
        return self.db.execute("select max(at) from story_item_posts").fetchone()[0]

    def signatures(self, *, since: str, before: str | None = None,
                   after_post: int | None = None) -> list[SignatureRow]:
        """(post id, time, signature) of folded posts at or after ``since`` (and before
        ``before``; and, with ``after_post``, only posts with a higher id)."""
        clauses: list[str] = ["at >= ?"]
        args: list[object] = [since]
        if before is not None:
            clauses.append("at < ?")
            args.append(before)
        if after_post is not None:
            clauses.append("post_id > ?")
            args.append(after_post)
        rows = self.db.execute(
            f"select post_id, at, signature, source_id from story_item_posts where {' and '.join(clauses)}",
            args).fetchall()
        return [SignatureRow(*row) for row in rows]

    def folded(self, post_ids: list[int]) -> set[int]:
        """Which of ``post_ids`` already belong to an item."""
        found: set[int] = set()
        for chunk in _chunks(post_ids):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"select post_id from story_item_posts where post_id in ({marks})", chunk))
        return found

    def placed(self, post_ids: list[int]) -> dict[int, tuple[int, int]]:
        """The item and source of each folded post among ``post_ids``."""
        found: dict[int, tuple[int, int]] = {}
        for chunk in _chunks(post_ids):
            marks = ",".join("?" * len(chunk))
            found.update((r[0], (r[1], r[2])) for r in self.db.execute(
                f"select post_id, item_id, source_id from story_item_posts where post_id in ({marks})",
                chunk))
        return found

    def texts(self, post_ids: list[int]) -> dict[int, tuple[str | None, str]]:
        """The headline and body of each post among ``post_ids``."""
        found: dict[int, tuple[str | None, str]] = {}
        for chunk in _chunks(post_ids):
            marks = ",".join("?" * len(chunk))
            found.update((r[0], (r[1], r[2])) for r in self.db.execute(
                f"select id, title, body from posts where id in ({marks})", chunk))
        return found

    def item_sources(self, item_ids: Iterable[int]) -> dict[int, set[int]]:
        """The sources holding a copy of each item."""
        ids = sorted(set(item_ids))
        held: dict[int, set[int]] = {i: set() for i in ids}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for item_id, source_id in self.db.execute(
                    f"select item_id, source_id from story_item_posts where item_id in ({marks})", chunk):
                held[item_id].add(source_id)
        return held

    def unfolded(self, after: tuple[str, int, int] | None, limit: int) -> list[tuple[str, int, int]]:
        """Posts in no item yet (stored before story items existed), oldest first, after the
        position ``after``: up to ``limit`` of their (time, seq, id) feed positions. Walks the
        feed's order index, so a batch costs its size plus the folded posts it steps over."""
        below = ("and (coalesce(published, first_seen), coalesce(seq, 0), id) > (?, ?, ?) "
                 "and coalesce(published, first_seen) >= ? ") if after is not None else ""
        rows = self.db.execute(
            "select coalesce(published, first_seen), coalesce(seq, 0), id from posts "
            "where not exists (select 1 from story_item_posts s where s.post_id = posts.id) "
            f"{below}order by coalesce(published, first_seen), coalesce(seq, 0), id limit ?",
            [*(list(after) + [after[0]] if after is not None else []), limit]).fetchall()
        return [(str(t), int(seq), int(i)) for t, seq, i in rows]

    def item_count(self) -> int:
        """How many story items the store holds."""
        return int(self.db.execute("select count(*) from story_items").fetchone()[0])

    def unfolded_count(self) -> int:
        """How many posts are in no item."""
        return int(self.db.execute(
            "select count(*) from posts where not exists "
            "(select 1 from story_item_posts s where s.post_id = posts.id)").fetchone()[0])

    # -- what folding writes ----------------------------------------------------------------

    def add(self, post_id: int, item_id: int | None, *, source_id: int, at: str, signature: bytes,
            title: str) -> int:
        """Put a post into ``item_id`` (a new item when None), making it the lead when it is
        the earliest copy. Returns the item's id."""
        if item_id is None:
            new_id = self.db.execute(
                "insert into story_items (lead_post_id, title, started) values (?, ?, ?)",
                (post_id, title, at)).lastrowid
            assert new_id is not None  # an insert into a rowid table always has one
            item_id = int(new_id)
        else:
            # Earliest copy leads; a tie goes to the post stored first.
            self.db.execute(
                "update story_items set lead_post_id = ?, title = ?, started = ? "
                "where id = ? and (started > ? or (started = ? and lead_post_id > ?))",
                (post_id, title, at, item_id, at, at, post_id))
        self.db.execute(
            "insert into story_item_posts (post_id, item_id, source_id, at, signature) "
            "values (?, ?, ?, ?, ?)", (post_id, item_id, source_id, at, signature))
        return item_id

    def update_signature(self, post_id: int, *, at: str, signature: bytes) -> None:
        """An edited post keeps its item; only its time and signature change."""
        self.db.execute("update story_item_posts set at = ?, signature = ? where post_id = ?",
                        (at, signature, post_id))

    # -- what readers ask -------------------------------------------------------------------

    def items_of(self, post_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Each folded post's item and how many OTHER sources hold a copy of it."""
        found: dict[int, tuple[int, int]] = {}
        for chunk in _chunks(post_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "select s.post_id, s.item_id, "
                "(select count(distinct o.source_id) from story_item_posts o "
                " where o.item_id = s.item_id and o.source_id != s.source_id) "
                f"from story_item_posts s where s.post_id in ({marks})", chunk).fetchall()
            found.update((post_id, (item_id, also_in)) for post_id, item_id, also_in in rows)
        return found

    def lead_post_ids(self, limit: int | None = None) -> list[int]:
        """One post per item, newest first in the feed's order: each item's lead, and every
        post not folded (yet) as an item of its own."""
        sql = (
            "select posts.id from posts "
            "left join story_item_posts s on s.post_id = posts.id "
            "left join story_items i on i.id = s.item_id "
            "where s.post_id is null or i.lead_post_id = posts.id "
            f"order by {_NEWEST_FIRST}"
        )
        args: list[int] = []
        if limit is not None:
            sql += " limit ?"
            args.append(limit)
        return [r[0] for r in self.db.execute(sql, args)]

    def copies(self, item_ids: list[int]) -> dict[int, list[ItemCopy]]:
        """Every post of each item, earliest first."""
        found: dict[int, list[ItemCopy]] = {i: [] for i in item_ids}
        for chunk in _chunks(item_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "select item_id, post_id, source_id, at from story_item_posts "
                f"where item_id in ({marks}) order by at, post_id", chunk).fetchall()
            for item_id, post_id, source_id, at in rows:
                found[item_id].append(ItemCopy(post_id, source_id, at))
        return found
