"""Immutable domain objects shared by every layer. No I/O here.

Each area keeps its dataclasses in a module of its own; this package re-exports them so callers
write ``from monitor.model import Post``.
"""

from monitor.model.changes import NO_CHANGES, ROUTE_CHANGED, OpChanges, merge_changes
from monitor.model.documents import FetchedDocument, PostDocument, StoredDocument
from monitor.model.journey import (
    JOURNEY_STATES,
    OBSERVATION_KINDS,
    STOP_KINDS,
    Estimate,
    Observation,
    Route,
    RouteSuggestion,
    Stop,
    StopEta,
)
from monitor.model.posts import PRECISIONS, TIERS, ItemCopy, ParsedPost, ParseResult, Post, Source, StoryItem
from monitor.model.quotes import (
    QUOTE_KINDS,
    SPEAKER_KINDS,
    ExtractedQuote,
    Quote,
    Speaker,
    speaker_key,
)
from monitor.model.timeutil import parse_iso, to_iso, utc_now

__all__ = [
    "FetchedDocument",
    "PostDocument",
    "StoredDocument",
    "ItemCopy",
    "StoryItem",
    "JOURNEY_STATES",
    "NO_CHANGES",
    "ROUTE_CHANGED",
    "OBSERVATION_KINDS",
    "PRECISIONS",
    "TIERS",
    "QUOTE_KINDS",
    "SPEAKER_KINDS",
    "STOP_KINDS",
    "Estimate",
    "ExtractedQuote",
    "Observation",
    "OpChanges",
    "ParseResult",
    "ParsedPost",
    "Post",
    "Quote",
    "Route",
    "RouteSuggestion",
    "Source",
    "Speaker",
    "Stop",
    "StopEta",
    "merge_changes",
    "parse_iso",
    "speaker_key",
    "to_iso",
    "utc_now",
]
