"""Speakers and what they said."""

from __future__ import annotations

from dataclasses import dataclass

SPEAKER_KINDS: tuple[str, ...] = ("person", "organisation", "anonymous")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone (or some body) quoted in the story."""

    id: int
    name: str
    kind: str
    role: str | None = None
    organisation: str | None = None
    quote_count: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement attributed to a speaker, located by offsets in its post's body."""

    id: int
    post_id: int
    speaker_id: int | None
    kind: str
    text: str
    start: int
    end: int
    cue: str | None = None
    outlet: str | None = None
    confidence: float = 0.0
    sieve: str | None = None
    source_of_truth: str = "extracted"
    status: str = "active"
