"""Posts and the sources they come from."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

#: How exactly a timestamp is known, coarsest first.
PRECISIONS: tuple[str, ...] = ("date", "hour", "minute", "second")

#: What kind of source a reader says a source is: a news agency (``wire``), an official channel
#: of someone in the story (``primary``), a newsroom of its own (``outlet``), a site that
#: republishes others (``aggregator``) or a social-media account (``social``).
TIERS: tuple[str, ...] = ("wire", "primary", "outlet", "aggregator", "social")


@dataclass(frozen=True, slots=True)
class ParsedPost:
    """One post as a parser read it, before the store has given it an id.

    ``guid`` is the post's identity inside its source: the feed's own id where there is one,
    otherwise a key the parser derives (see each parser); ``match_keys`` are further keys that
    identify the same post. ``seq`` orders posts of one source
    from oldest (lowest) to newest, so that "newest first" survives when several posts share a
    date-only timestamp.
    """

    guid: str
    body: str
    title: str | None = None
    byline: str | None = None
    location: str | None = None
    published: datetime | None = None
    published_precision: str | None = None
    updated: datetime | None = None
    url: str | None = None
    seq: int = 0
    #: The source this post belongs to when the document carries it (a post list exported from
    #: another store); None means the source of the document itself.
    source_key: str | None = None
    #: Other keys the same post may be recognised by when its guid is new (e.g. a page whose
    #: headline was cut off before); the first stored post sharing one is updated instead.
    match_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a parser made of one document: the source's description and its posts.

    ``errors`` names entries that could not be read; the good entries are still in ``posts``.
    """

    kind: str
    posts: tuple[ParsedPost, ...]
    title: str | None = None
    link: str | None = None
    errors: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Source:
    """A feed, page or file that posts come from."""

    id: int
    key: str
    kind: str
    url: str
    title: str | None = None
    interval: int = 60
    enabled: bool = True
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    #: Consecutive failed polls (drives the backoff), when the next poll is due, last HTTP status.
    failures: int = 0
    next_poll: str | None = None
    http_status: int | None = None
    #: True when the source was added to be polled; False for a file ingested once.
    subscribed: bool = False
    #: Digest of the last document read from the source.
    body_hash: str | None = None
    #: What kind of source a reader marked it as (one of ``TIERS``); None until marked.
    tier: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """A stored post. Times are ISO 8601 strings in UTC, as in the database."""

    id: int
    source_id: int
    guid: str
    seq: int
    title: str | None
    byline: str | None
    location: str | None
    body: str
    published: str | None
    published_precision: str | None
    first_seen: str
    updated: str | None
    content_hash: str
    url: str | None = None
    revision_count: int = 0
    #: How many other sources hold a copy of this post's story item (filled by the feed's
    #: queries; 0 elsewhere).
    also_in: int = 0
    #: The tier of the post's source (``TIERS``; filled by the feed's queries, None elsewhere).
    source_tier: str | None = None


@dataclass(frozen=True)
class ItemCopy:
    """One post of a story item: which post, in which source, placed at what time (UTC)."""

    post_id: int
    source_id: int
    at: str


@dataclass(frozen=True)
class StoryItem:
    """Posts of different sources carrying the same text, as one item. ``id`` is None for a post
    not folded yet (stored before folding existed); ``lead`` is the earliest copy; ``also_in``
    counts the other sources holding a copy; ``copies`` are all posts, the lead first."""

    id: int | None
    lead: Post
    also_in: int
    copies: tuple[ItemCopy, ...]


def content_guid(title: str | None, body: str, when: str) -> str:
    """The id of a post its source gave none: a hash of its title (else the start of its body)
    and its time, so that the same update read again keeps its id."""
    basis = re.sub(r"\W+", " ", (title or body[:200]).casefold()).strip()
    return "c:" + hashlib.sha1(f"{basis}|{when}".encode()).hexdigest()[:20]

