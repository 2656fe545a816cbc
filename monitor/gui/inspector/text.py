"""The inspector's words: an attribution as plain and as rich text, a post's time."""

from __future__ import annotations

from monitor.model import Post, Quote
from monitor.model.timefmt import short_post_time as format_post_time
from monitor.paint.safe_text import escape
from monitor.paint.theme import kind_colour

__all__ = [
    "format_post_time", "kind_colour", "post_sort_key", "quote_display", "quote_html", "quote_segments",
]


def post_sort_key(post: Post | None) -> str:
    """What a quote's Posted column sorts by: the stored ISO time (UTC), or "" without one."""
    return post.published or "" if post else ""


def quote_display(quote: Quote) -> str:
    """The attribution as plain text: marks around a direct quotation; reported speech as it is
    written, so the quoted words of a mixed clause keep the marks they have in the post."""
    text = " ".join(quote.text.split())
    if quote.kind != "direct":
        return text
    return "“" + text.strip("“”\"") + "”"


def quote_segments(quote: Quote) -> list[tuple[str, bool]]:
    """The content as (text, quoted) runs: the quoted ``parts`` and the reported words around them.

    A record without parts is all quoted when direct and all reported otherwise. Parts that do
    not lie inside the content (a hand-made or damaged row) are ignored.
    """
    text = quote.text
    spans = sorted((s - quote.start, e - quote.start) for s, e in quote.parts
                   if quote.start <= s < e <= quote.end)
    if not spans:
        return [(text, quote.kind == "direct")] if text else []
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start < at:
            continue  # overlapping parts: the first one wins
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def quote_html(quote: Quote) -> str:
    """The attribution as rich text (escaped, inert): the quoted parts upright, the reported words
    around them in italics (a mixed clause keeps the post's own marks around its parts; a direct
    quotation is put in marks)."""
    html = "".join(escape(words) if quoted else f"<i>{escape(words)}</i>"
                   for words, quoted in quote_segments(quote))
    html = " ".join(html.split())  # a quotation over paragraphs reads as one line
    return f"“{html}”" if quote.kind == "direct" else html
