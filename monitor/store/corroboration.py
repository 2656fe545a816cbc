"""What corroboration counts read: each quote's speaker and words, and where its post came from.

Reads only columns the quotes table has always had (``post_id``, ``speaker_id``, ``text``) with
the post's source and story item, so it is independent of how quote records are split.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

_CHUNK = 500


@dataclass(frozen=True)
class QuoteReport:
    """One active quote with where its post came from: ``origin`` is the post's story item, or
    ``-post_id`` for a post in no item (an origin of its own)."""

    quote_id: int
    speaker_id: int
    text: str
    source_id: int
    origin: int
    #: The tier a reader marked the post's source with (None: not marked).
    tier: str | None = None


def quote_reports(db: Database, speaker_ids: Iterable[int], as_of: str | None = None) -> list[QuoteReport]:
    """Every active quote of these speakers (in posts published by ``as_of`` when given), with
    its post's source and origin."""
    ids = sorted(set(speaker_ids))
    found: list[QuoteReport] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            "select q.id, q.speaker_id, q.text, p.source_id, coalesce(s.item_id, -p.id), src.tier "
            "from quotes q join posts p on p.id = q.post_id join sources src on src.id = p.source_id "
            "left join story_item_posts s on s.post_id = q.post_id "
            f"where q.status = 'active' and q.speaker_id in ({marks})"
            + (" and coalesce(p.published, p.first_seen) <= ?" if as_of else ""),
            [*chunk, *([as_of] if as_of else [])]).fetchall()
        found.extend(QuoteReport(*row) for row in rows)
    return found


def quote_reports_within(db: Database, speaker_ids: Iterable[int],
                         windows: Iterable[tuple[str, str]]) -> list[QuoteReport]:
    """Every active quote of these speakers in posts whose time (published, else first seen)
    falls in one of ``windows`` (ISO 8601 UTC, inclusive; they should not overlap). Each window
    walks the feed's order index over its posts only, not every quote of the speakers."""
    ids = sorted(set(speaker_ids))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found: list[QuoteReport] = []
    for start, end in windows:
        rows = db.execute(
            "select q.id, q.speaker_id, q.text, p.source_id, coalesce(s.item_id, -p.id), src.tier "
            # "cross join": the window's posts first (the feed order index), then their quotes by
            # post; left to itself SQLite walks every active quote in the (status, speaker) index.
            "from posts p cross join quotes q on q.post_id = p.id join sources src on src.id = p.source_id "
            "left join story_item_posts s on s.post_id = p.id "
            "where coalesce(p.published, p.first_seen) >= ? and coalesce(p.published, p.first_seen) <= ? "
            f"and +q.status = 'active' and +q.speaker_id in ({marks})", [start, end, *ids]).fetchall()
        found.extend(QuoteReport(*row) for row in rows)
    return found


@dataclass(frozen=True)
class PostOrigin:
    """Where a post came from: its source, that source's tier, and its origin (its story item,
    or ``-post_id`` for a post in no item)."""

    source_id: int
    origin: int
    tier: str | None


def post_origins(db: Database, post_ids: Iterable[int]) -> dict[int, PostOrigin]:
    """The source, tier and origin of each post among ``post_ids``."""
    ids = sorted(set(post_ids))
    found: dict[int, PostOrigin] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            "select p.id, p.source_id, coalesce(s.item_id, -p.id), src.tier from posts p "
            "join sources src on src.id = p.source_id "
            f"left join story_item_posts s on s.post_id = p.id where p.id in ({marks})", chunk).fetchall()
        found.update((int(pid), PostOrigin(int(source), int(origin), tier))
                     for pid, source, origin, tier in rows)
    return found
