"""Documents as fetched or read: the raw bytes behind posts, and where and when they came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FetchedDocument:
    """One document's raw bytes as a poll fetched them or an import read them.

    ``fetched_at`` is ISO 8601 in UTC. ``etag`` and ``last_modified`` are the HTTP validators
    the server sent (a file has no ETag; its modification time is given as ``last_modified``,
    in the HTTP date format).
    """

    data: bytes
    url: str
    fetched_at: str
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store keeps it (without its bytes; see ``DocumentStore.data``).

    ``sha256`` and ``size`` are of the whole document as fetched, also when only its first
    bytes were kept (``truncated``) or its bytes were pruned (``pruned``).
    """

    id: int
    source_id: int | None
    url: str
    fetched_at: str
    sha256: str
    size: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    truncated: bool
    pruned: bool


@dataclass(frozen=True)
class PostDocument:
    """A version of a post (1 = as first stored) and the document that carried it."""

    post_id: int
    version: int
    document: StoredDocument
