"""Pick the parser for a document by its content, never by its name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from monitor.model import ParseResult
from monitor.sources.decoding import check_size, decode_text
from monitor.sources.errors import SourceError
from monitor.sources.livetext import parse_livetext, sniff_livetext


@dataclass(frozen=True, slots=True)
class Format:
    """A document format: a cheap test on the first bytes and the parser itself.

    ``sniff`` sees the raw bytes; ``parse`` gets the bytes and the name of the input, for errors.
    """

    name: str
    sniff: Callable[[bytes], bool]
    parse: Callable[[bytes, str], ParseResult]


def _parse_livetext(data: bytes, where: str) -> ParseResult:
    decoded = decode_text(data, where)
    result = parse_livetext(decoded.text)
    notes = (f"{where}: {decoded.note}",) if decoded.note else ()
    return ParseResult(result.kind, result.posts, result.title, result.link, result.errors + notes)


def _sniff_livetext(data: bytes) -> bool:
    try:
        text = decode_text(data, "").text
    except SourceError:
        return False
    return sniff_livetext(text)


#: Formats in the order they are tried; the most specific first, plain text last.
FORMATS: list[Format] = [
    Format("livetext", _sniff_livetext, _parse_livetext),
]


def register(fmt: Format, *, before: str | None = "livetext") -> None:
    """Add a format, by default ahead of the plain-text fallback."""
    names = [f.name for f in FORMATS]
    FORMATS.insert(names.index(before) if before in names else len(FORMATS), fmt)


def parse_document(data: bytes, where: str) -> ParseResult:
    """Parse ``data`` with the first format that recognises it.

    Raises SourceError naming ``where`` when the bytes are empty, too large, binary or of no
    known format, or when the chosen parser finds nothing to read.
    """
    check_size(data, where)
    for fmt in FORMATS:
        if fmt.sniff(data):
            result = fmt.parse(data, where)
            if not result.posts and not result.errors:
                raise SourceError(where, f"no posts found (read as {fmt.name})")
            if not result.posts:
                raise SourceError(where, "; ".join(result.errors))
            return result
    # Nothing recognised it: say what it looks like.
    decode_text(data, where)  # raises for binary input with a precise message
    raise SourceError(where, "unknown format (not a live page, feed or post list)")


def _register_builtin() -> None:
    """Register the built-in formats, most specific first (each goes ahead of plain text)."""
    from monitor.sources.feeds import parse_feed, sniff_feed
    from monitor.sources.jsonlines import parse_jsonlines, sniff_jsonlines
    from monitor.sources.liveblog import parse_liveblog, sniff_liveblog

    register(Format("jsonl", sniff_jsonlines, parse_jsonlines))
    register(Format("feed", sniff_feed, parse_feed))
    register(Format("liveblog", sniff_liveblog, parse_liveblog))


_register_builtin()
