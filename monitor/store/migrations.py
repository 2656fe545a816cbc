"""Schema migrations. Each function moves the schema up one version; append, never edit.

The version applied last is kept in the ``schema_version`` table.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from monitor.store.alerts import migrate_alert_rules
from monitor.store.analysis import migrate_analysis_views, migrate_quotes_by_speaker_parts
from monitor.store.documents import migrate_documents
from monitor.store.feed_order import migrate_feed_order
from monitor.store.items import migrate_story_items
from monitor.store.journey import migrate_journey
from monitor.store.quotes import (
    migrate_correction_authors,
    migrate_quote_counts,
    migrate_quote_parts,
    migrate_quotes,
    migrate_report_indexes,
)
from monitor.store.reads import migrate_read_state
from monitor.store.sources import migrate_source_polling, migrate_source_tiers


def _v1_posts(db: Database) -> None:
    """Sources, posts, their revisions and full-text search over posts."""
    db.table("sources").create(
        {
            "id": int,
            "key": str,
            "kind": str,
            "url": str,
            "title": str,
            "interval": int,
            "enabled": int,
            "etag": str,
            "last_modified": str,
            "last_polled": str,
            "last_status": str,
            "last_error": str,
            "added": str,
        },
        pk="id",
        not_null=["key", "kind", "url"],
        defaults={"interval": 60, "enabled": 1},
    )
    db.table("sources").create_index(["key"], unique=True)
    db.table("posts").create(
        {
            "id": int,
            "source_id": int,
            "guid": str,
            "seq": int,
            "title": str,
            "byline": str,
            "location": str,
            "body": str,
            "url": str,
            "published": str,
            "published_precision": str,
            "first_seen": str,
            "updated": str,
            "content_hash": str,
            "match_keys": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
        not_null=["source_id", "guid", "body", "first_seen", "content_hash"],
    )
    db.table("posts").create_index(["source_id", "guid"], unique=True)
    db.table("posts").create_index(["published", "seq"])
    db.table("post_revisions").create(
        {
            "id": int,
            "post_id": int,
            "revision": int,
            "title": str,
            "byline": str,
            "location": str,
            "body": str,
            "published": str,
            "content_hash": str,
            "seen_at": str,
        },
        pk="id",
        foreign_keys=[("post_id", "posts", "id")],
        not_null=["post_id", "revision", "body", "seen_at"],
    )
    db.table("post_revisions").create_index(["post_id", "revision"], unique=True)
    db.table("posts").enable_fts(
        ["title", "byline", "location", "body"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )


def _v8_content_index(db: Database) -> None:
    """Index posts by (source, content hash): a post under a new guid is matched by content."""
    db.table("posts").create_index(["source_id", "content_hash"], index_name="posts_source_content",
                                   if_not_exists=True)


def _v9_attribution_parts(db: Database) -> None:
    """One record per attribution: quotes get their quoted ``parts``; ``partial`` is ``mixed``."""
    migrate_quote_parts(db)
    migrate_quotes_by_speaker_parts(db)


def _v10_read_state(db: Database) -> None:
    """Read and unread posts, kept in the store (``post_reads``)."""
    migrate_read_state(db)


def _v11_alert_rules(db: Database) -> None:
    """Alert rules (a search and what to do) and their hits until dismissed."""
    migrate_alert_rules(db)


def _v12_story_items(db: Database) -> None:
    """Story items: posts of different sources carrying the same text fold into one item."""
    migrate_story_items(db)


def _v13_documents(db: Database) -> None:
    """Provenance: each fetched or imported document's bytes and the post versions it carried."""
    migrate_documents(db)


def _v14_source_tiers(db: Database) -> None:
    """Source tiers: a reader marks a source as wire, primary, outlet, aggregator or social."""
    migrate_source_tiers(db)


def _v15_correction_authors(db: Database) -> None:
    """Who made each analyst's correction, and when (``quotes.corrected_by``, ``corrected_at``)."""
    migrate_correction_authors(db)


def _v16_report_indexes(db: Database) -> None:
    """Indexes a report's counts read instead of the tables (quotes by kind)."""
    migrate_report_indexes(db)


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_posts,
    migrate_journey,
    migrate_source_polling,
    migrate_quotes,
    migrate_analysis_views,
    migrate_feed_order,
    migrate_quote_counts,
    _v8_content_index,
    _v9_attribution_parts,
    _v10_read_state,
    _v11_alert_rules,
    _v12_story_items,
    _v13_documents,
    _v14_source_tiers,
    _v15_correction_authors,
    _v16_report_indexes,
]

#: Steps that only add indexes the queries look for before using them (``has_index``): a store
#: that lacks only these can be read as it is — on a read-only disk, where it cannot be
#: upgraded, it is read without them (slower) rather than refused.
READ_OPTIONAL: frozenset[Callable[[Database], None]] = frozenset({_v16_report_indexes})


def readable_at(version: int) -> bool:
    """Whether a store at schema ``version`` can be read without upgrading it: every step it
    lacks is in ``READ_OPTIONAL``."""
    return all(step in READ_OPTIONAL for step in MIGRATIONS[version:])
