"""The feed's sort order as an index (a migration of its own: the feed queries import the store)."""

from __future__ import annotations

from sqlite_utils import Database


def migrate_feed_order(db: Database) -> None:
    """An index in the feed's own order, so a page is a short index walk, not a sort of every post.

    Its expressions are the ones the queries below sort and compare on, word for word: SQLite
    uses an index on expressions only for the same expressions.
    """
    db.execute(
        "create index if not exists posts_feed_order on posts "
        "(coalesce(published, first_seen), coalesce(seq, 0), id)"
    )
