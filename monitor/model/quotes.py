"""Speakers and what they said."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.model.corroboration import Corroboration

SPEAKER_KINDS: tuple[str, ...] = ("person", "organisation", "anonymous")
#: ``direct``: the speaker's words in quotation marks; ``indirect``: reported speech with no quoted
#: words; ``mixed``: a reported clause with quoted words inside it (its ``parts``).
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")


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
    """One attribution: a statement attributed to a speaker, located by offsets in its post.

    ``start``/``end`` span the whole content (a direct quotation from its first to its last
    mark, or a reported clause); ``parts`` are the quoted fragments inside it, as
    ``(start, end)`` offsets into the same field (empty for reported speech).
    """

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
    #: "title" when the quote is in the post's headline, "body" otherwise; offsets are into it.
    field: str = "body"
    mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    parts: tuple[tuple[int, int], ...] = ()
    #: How widely the statement was reported (outlets, independent origins, tiers), where the
    #: reader asked for it (the situation at T); None elsewhere.
    reach: Corroboration | None = None
    #: Who made the analyst's last correction of it (None: the machine's, or made before
    #: corrections were signed), and when (ISO 8601 UTC).
    corrected_by: str | None = None
    corrected_at: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    """One attribution found in a text, with its speaker as the text names them.

    ``start``/``end`` are code-point offsets into the text (``text[start:end] == quote.text``) of
    the whole attributed content: inside the marks of a direct quotation (from the first mark
    to the last when one statement runs over several quotations), or the whole reported clause
    for ``indirect`` and ``mixed`` speech. ``parts`` are the quoted fragments inside it, as
    ``(start, end)`` offsets into the text, inside their marks;
    ``speaker_start``/``speaker_end`` locate the mention that carries the attribution (for a
    pronoun, the pronoun). ``speaker`` is the speaker's fullest name in the text, and
    ``speaker_index`` numbers the speakers of the text, so that quotes by one speaker under
    different names share it.
    """

    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_kind: str | None
    role: str | None
    organisation: str | None
    outlet: str | None
    sieve: str
    confidence: float
    speaker_index: int | None = None
    speaker_aliases: tuple[str, ...] = ()
    mention: str | None = None
    parts: tuple[tuple[int, int], ...] = ()


def speaker_key(name: str) -> str:
    """How speaker names are compared: case-folded, no leading "the", single spaces."""
    key = " ".join(name.replace("’", "'").split()).casefold()
    return key[4:] if key.startswith("the ") else key
