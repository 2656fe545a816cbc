"""JSON Lines of posts, in the shape ``monitor posts --json`` prints.

Each line is one post object with at least ``guid`` and ``body``; ``source`` (the source's key)
keeps each post in the source it came from, so exporting a store and ingesting the export again
gives the same posts under the same identities: nothing is doubled, and an unchanged post is left
alone because its content hash is the same. Store-local fields (``id``, ``source_id``,
``first_seen``, ``content_hash``, ``revisions``) are ignored on the way in.
"""

from __future__ import annotations

import json
from datetime import datetime

from monitor.model import ParsedPost, ParseResult, parse_iso
from monitor.model.timeutil import impossible_iso
from monitor.sources.decoding import decode_text
from monitor.sources.errors import SourceError

KIND = "jsonl"
_REQUIRED = ("guid", "body")


def _first_line(data: bytes) -> bytes:
    """The first non-blank line, however long (a post list's first body may be megabytes)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end].strip()
        if line:
            return line
        start = end + 1
    return b""


def load_line(line: str | bytes) -> object:
    """One JSON value; ValueError (never RecursionError) for anything that is not readable JSON."""
    try:
        return json.loads(line)
    except RecursionError:
        # The C decoder stops cleanly at Python's recursion limit; say what it means.
        raise ValueError("JSON nested too deeply to read") from None


def sniff_jsonlines(data: bytes) -> bool:
    """True when the first non-blank line is a JSON object with a guid and a body."""
    line = _first_line(data)
    if not line.startswith(b"{"):
        return False
    try:
        row = load_line(line)
    except ValueError:
        return False
    return isinstance(row, dict) and all(key in row for key in _REQUIRED)


def _text(row: dict, key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key!r} is not a string")
    return value


def _time(row: dict, key: str, notes: list[str]) -> datetime | None:
    """The row's ``key`` time; None with a note when it is written but is no real date."""
    raw = _text(row, key)
    if not raw:
        return None
    try:
        value = None if impossible_iso(raw) else parse_iso(raw)
    except (ValueError, OverflowError):
        value = None
    if value is not None:
        return value
    notes.append(f"{key} {raw[:60]!r} is not a real date; kept undated")
    return None


def _row_to_post(row: dict, notes: list[str]) -> ParsedPost:
    guid = _text(row, "guid")
    body = _text(row, "body")
    if not guid:
        raise ValueError("no 'guid'")
    if body is None:
        raise ValueError("no 'body'")
    seq = row.get("seq") or 0
    if not isinstance(seq, int):
        raise ValueError("'seq' is not an integer")
    return ParsedPost(
        guid=guid,
        body=body,
        title=_text(row, "title"),
        byline=_text(row, "byline"),
        location=_text(row, "location"),
        published=(published := _time(row, "published", notes)),
        published_precision=_text(row, "published_precision") if published else None,
        updated=_time(row, "updated", notes),
        url=_text(row, "url"),
        seq=seq,
        source_key=_text(row, "source"),
    )


def parse_jsonlines(data: bytes, where: str) -> ParseResult:
    """Read one post per line; a bad line is named in the errors and the others are kept."""
    text = decode_text(data, where).text
    posts: list[ParsedPost] = []
    errors: list[str] = []
    # Lines end at "\n" only: str.splitlines would also split at U+2028, U+2029, \x85, \x1c-\x1e,
    # \v and \f, which JSON keeps unescaped inside strings, and so cut a post's body in two.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = load_line(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
            notes: list[str] = []
            posts.append(_row_to_post(row, notes))
            errors.extend(f"{where}: line {number}: {note}" for note in notes)
        except (ValueError, OverflowError) as exc:
            errors.append(f"{where}: line {number}: {exc}")
    if not posts:
        raise SourceError(where, "no readable posts: " + "; ".join(e.split(": ", 1)[1] for e in errors[:5]))
    return ParseResult(kind=KIND, posts=tuple(posts), errors=tuple(errors))
