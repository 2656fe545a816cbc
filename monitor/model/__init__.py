"""Immutable domain objects shared by every layer. No I/O here.

Each area keeps its dataclasses in a module of its own; this package re-exports them so callers
write ``from monitor.model import Post``. The re-exports load on first use (PEP 562), so
importing one area (``monitor.model.quotes`` for ``monitor extract``) does not load the others
and their dependencies (dateutil, the journey model): start-up time of small commands.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from monitor.model.posts import (
        PRECISIONS,
        TIERS,
        ItemCopy,
        ParsedPost,
        ParseResult,
        Post,
        Source,
        StoryItem,
    )
    from monitor.model.quotes import (
        QUOTE_KINDS,
        SPEAKER_KINDS,
        ExtractedQuote,
        Quote,
        Speaker,
        speaker_key,
    )
    from monitor.model.timeutil import parse_iso, to_iso, utc_now

_HOME = {
    "NO_CHANGES": "monitor.model.changes",
    "ROUTE_CHANGED": "monitor.model.changes",
    "OpChanges": "monitor.model.changes",
    "merge_changes": "monitor.model.changes",
    "FetchedDocument": "monitor.model.documents",
    "PostDocument": "monitor.model.documents",
    "StoredDocument": "monitor.model.documents",
    "JOURNEY_STATES": "monitor.model.journey",
    "OBSERVATION_KINDS": "monitor.model.journey",
    "STOP_KINDS": "monitor.model.journey",
    "Estimate": "monitor.model.journey",
    "Observation": "monitor.model.journey",
    "Route": "monitor.model.journey",
    "RouteSuggestion": "monitor.model.journey",
    "Stop": "monitor.model.journey",
    "StopEta": "monitor.model.journey",
    "PRECISIONS": "monitor.model.posts",
    "TIERS": "monitor.model.posts",
    "ItemCopy": "monitor.model.posts",
    "ParsedPost": "monitor.model.posts",
    "ParseResult": "monitor.model.posts",
    "Post": "monitor.model.posts",
    "Source": "monitor.model.posts",
    "StoryItem": "monitor.model.posts",
    "QUOTE_KINDS": "monitor.model.quotes",
    "SPEAKER_KINDS": "monitor.model.quotes",
    "ExtractedQuote": "monitor.model.quotes",
    "Quote": "monitor.model.quotes",
    "Speaker": "monitor.model.quotes",
    "speaker_key": "monitor.model.quotes",
    "parse_iso": "monitor.model.timeutil",
    "to_iso": "monitor.model.timeutil",
    "utc_now": "monitor.model.timeutil",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


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
