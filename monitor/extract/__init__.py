"""Extract engine: who said what in a post. Plain Python: never imports Qt."""

from __future__ import annotations

from monitor.extract.quotes import extract_quotes, extract_quotes_noted
from monitor.model.quotes import ExtractedQuote, speaker_key


def _is_reporter(quote: ExtractedQuote, byline: str | None) -> bool:
    """True when the quote's speaker is the post's own reporter (named in the byline)."""
    if not byline or not quote.speaker or quote.speaker_kind != "person":
        return False
    reporter = speaker_key(byline.removeprefix("By ").removeprefix("by "))
    name = speaker_key(quote.speaker)
    return name == reporter or (" " not in name and reporter.split()[-1:] == [name])


def extract_post(
    title: str | None, body: str, byline: str | None = None
) -> list[tuple[str, ExtractedQuote]]:
    """Quotes in a post's headline and body as ``(field, quote)``; offsets are into that field.

    The reporter of the byline is never a speaker: what they write is the story, not a quote.
    """
    return extract_post_noted(title, body, byline)[0]


def extract_post_noted(
    title: str | None, body: str, byline: str | None = None
) -> tuple[list[tuple[str, ExtractedQuote]], list[str]]:
    """:func:`extract_post`, and a note for each field read only in part (over the budget)."""
    found: list[tuple[str, ExtractedQuote]] = []
    notes: list[str] = []
    for field, text, headline in (("title", title, True), ("body", body or "", False)):
        if not text:
            continue
        quotes, note = extract_quotes_noted(text, headline=headline)
        found.extend((field, q) for q in quotes)
        if note:
            notes.append(f"{field}: {note}")
    return [(field, q) for field, q in found if not _is_reporter(q, byline)], notes


__all__ = ["ExtractedQuote", "extract_post", "extract_post_noted", "extract_quotes",
           "extract_quotes_noted"]
