"""Pick the parser for a document by its content, never by its name."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from monitor.model import ParseResult
from monitor.model.timeutil import to_iso, unbelievable
from monitor.sources.decoding import check_size, decode_text, replace_surrogates, to_utf8
from monitor.sources.errors import NotRecognisedError, SourceError
from monitor.sources.livetext import parse_livetext, sniff_livetext

log = logging.getLogger(__name__)


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
    known format, or when the chosen parser finds nothing to read — and for any other exception
    a parser raises, so that one document that breaks a parser is that document's error and never
    stops the inputs after it. Every string in the result is storable UTF-8: a lone surrogate
    (a ``\\ud800`` escape in JSON, say) is replaced by U+FFFD.
    """
    try:
        return believable_times(without_surrogates(_parse(data, where)), where)
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001  (the last line of defence; known triggers are fixed)
        log.debug("parser failed on %s", where, exc_info=True)
        problem = replace_surrogates(f"could not be parsed: {type(exc).__name__}: {exc}")
        raise SourceError(where, problem) from exc


def _parse(data: bytes, where: str) -> ParseResult:
    check_size(data, where)
    data = to_utf8(data, where)
    for fmt in FORMATS:
        if fmt.sniff(data):
            result = fmt.parse(data, where)
            if not result.posts and not result.errors:
                raise SourceError(where, f"no posts found (read as {fmt.name})")
            if not result.posts:
                raise SourceError(where, "; ".join(result.errors))
            return result
    # Nothing recognised it: say what it looks like.
    try:
        decode_text(data, where)  # raises for binary input with a precise message
    except SourceError as exc:
        raise NotRecognisedError(where, exc.problem) from exc
    raise NotRecognisedError(where, "unknown format (not a live page, feed or post list)")


def _storable(value: Any) -> Any:
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, tuple):
        return tuple(_storable(v) for v in value)
    return value


def without_surrogates(result: ParseResult) -> ParseResult:
    """``result`` with every lone surrogate in its strings replaced (SQLite stores only UTF-8)."""
    posts = tuple(
        replace(post, **{f.name: _storable(getattr(post, f.name)) for f in fields(post)})
        for post in result.posts
    )
    return replace(result, posts=posts, title=_storable(result.title), link=_storable(result.link),
                   errors=_storable(result.errors))


def believable_times(result: ParseResult, where: str) -> ParseResult:
    """``result`` with times no post can have (see ``timeutil.unbelievable``) taken off, with a note.

    Such a post is kept, undated, so it sorts by when it was first seen instead of sitting on top
    of the feed for ever (year 9999) or below everything (1970).
    """
    notes: list[str] = []
    posts = []
    for post in result.posts:
        changes: dict = {}
        why = unbelievable(post.published) if post.published else None
        if why:
            notes.append(f"{where}: post {post.guid!r}: published time {to_iso(post.published)} {why}; "
                         "kept undated")
            changes.update(published=None, published_precision=None)
        if post.updated and unbelievable(post.updated):
            changes["updated"] = None
        posts.append(replace(post, **changes) if changes else post)
    if all(new is old for new, old in zip(posts, result.posts, strict=True)):
        return result
    return replace(result, posts=tuple(posts), errors=result.errors + tuple(notes))


def _register_builtin() -> None:
    """Register the built-in formats, most specific first (each goes ahead of plain text)."""
    from monitor.sources.feeds import parse_feed, sniff_feed
    from monitor.sources.jsonlines import parse_jsonlines, sniff_jsonlines
    from monitor.sources.liveblog import parse_liveblog, sniff_liveblog

    register(Format("jsonl", sniff_jsonlines, parse_jsonlines))
    register(Format("feed", sniff_feed, parse_feed))
    register(Format("liveblog", sniff_liveblog, parse_liveblog))


_register_builtin()
