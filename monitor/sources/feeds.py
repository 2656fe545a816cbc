"""RSS 0.9x/1.0/2.0 and Atom feeds, read by feedparser from bytes we already hold.

Safety, in order:
1. feedparser is handed a stream of bytes, never a string, so it can never take the document for
   a URL or a file name and fetch or open anything.
2. Any entity declaration in the document type is refused before parsing (``<!ENTITY``: the
   billion-laughs and quadratic-blowup bombs, and external entities that would read a file or a
   URL). defusedxml then parses the prolog-checked document with entities and external references
   forbidden, so a declaration we failed to spot by eye is still caught by a real XML parser.
3. Entry HTML is turned into plain text by :mod:`monitor.sources.htmltext`: no script, no image
   and no remote resource survives into a post (so feedparser's own sanitiser is not needed).

Identity of an entry: its ``id``/``guid``, else its link, else a content key built from its
title (or first words of its body) and date, so an entry without an id still keeps one identity
across polls. A guid repeated inside one document keeps its first entry; the others are named in
the result's errors.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import threading
from datetime import UTC, datetime
from time import struct_time
from typing import Any
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from monitor.model import ParsedPost, ParseResult
from monitor.model.timeutil import impossible_iso
from monitor.sources.errors import SourceError
from monitor.sources.feedguard import harden_feedparser
from monitor.sources.htmltext import DropTally, clean_line, clean_text

harden_feedparser()

KIND = "feed"

# The root element of a feed, after any prolog (declaration, comments, PIs, doctype).
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_HTML_START = re.compile(rb"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")


def _prolog_end(data: bytes) -> int:
    """Offset of the first thing after the XML declaration, comments and processing instructions.

    Scanned, not windowed: a feed may open with a comment of any length (a server's banner).
    """
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while i < len(data) and data[i] in b" \t\r\n":
            i += 1
        if data.startswith(b"<?", i):
            end, skip = data.find(b"?>", i + 2), 2
        elif data.startswith(b"<!--", i):
            end, skip = data.find(b"-->", i + 4), 3
        else:
            return i
        if end < 0:
            return i
        i = end + skip


def sniff_feed(data: bytes) -> bool:
    """True for XML whose root looks like a feed, or any XML document type (so bombs are caught)."""
    start = _prolog_end(data)
    head = data[start:start + 8192]
    if _HTML_START.match(head):
        return False
    if _FEED_ROOT.search(head):
        return True
    # A document type with declarations is XML whatever its root; refuse it here, not later.
    return head[:9].upper() == b"<!DOCTYPE" or (
        data[:start].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and b"<!ENTITY" in head
    )


_DECLARED_ENCODING = re.compile(
    rb"""\A(\xef\xbb\xbf)?(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])([^"'<>]*)\3"""
)
_ENCODING_NAME = re.compile(rb"\A[A-Za-z][A-Za-z0-9._-]*\Z")


def _drop_bad_encoding_name(data: bytes) -> tuple[bytes, str | None]:
    """The document without an XML declaration's ``encoding`` when that is no encoding name.

    feedparser decodes the declared name as UTF-8 and raises on a byte that is not; the XML
    grammar allows only ``[A-Za-z][A-Za-z0-9._-]*``. Without the declaration, the encoding is
    found from the bytes (UTF-8, else a fallback that feedparser notes).
    """
    match = _DECLARED_ENCODING.match(data)
    if not match or _ENCODING_NAME.match(match[4]):
        return data, None
    name = match[4].decode("ascii", "backslashreplace")
    note = f"declared encoding '{name}' is not an encoding name; ignored"
    return (match[1] or b"") + match[2] + data[match.end():], note


def check_xml_safety(data: bytes, where: str) -> None:
    """Refuse entity declarations and external references before any parser sees the document.

    Raises SourceError naming ``where``. Malformed XML is not refused here: feedparser reads it
    leniently and reports it (bozo) itself.
    """
    # Declarations live in the prolog: look there, so an article *about* XML is not refused.
    root = _FEED_ROOT.search(data)
    if _ENTITY_DECL.search(data, 0, root.start() if root else len(data)):
        raise SourceError(
            where,
            "refused: the XML declares entities (<!ENTITY>), the form of entity-expansion bombs "
            "and external-entity attacks; nothing was expanded or fetched",
        )
    try:
        defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(where, f"refused: unsafe XML ({type(exc).__name__}: {exc})") from exc
    except (ParseError, ValueError, LookupError):
        # Not well-formed, or declaring an encoding expat does not know (LookupError): left to
        # feedparser's lenient reading, which expands no entity (declarations were refused above).
        pass


def _struct_to_datetime(value: struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _precision(raw: str | None) -> str:
    if raw and _HAS_SECONDS.search(raw):
        return "second"
    if raw and _HAS_TIME.search(raw):
        return "minute"
    return "date"


def _entry_body(entry: dict[str, Any], tally: DropTally) -> str:
    """The fullest text of an entry: its content (HTML preferred), else its summary."""
    contents = entry.get("content") or []
    best = None
    for item in contents:
        if best is None or "html" in (item.get("type") or ""):
            best = item
    raw = (best or {}).get("value") or entry.get("summary") or entry.get("description") or ""
    return clean_text(raw, tally)


def _content_key(title: str | None, body: str, published: datetime | None) -> str:
    basis = re.sub(r"\W+", " ", (title or " ".join(body.split()[:20])).casefold()).strip()
    if published is not None:
        basis += "|" + published.isoformat()
    return "c:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


#: Held while feedparser is told to use its lenient reader (a module-wide switch).
_LENIENT = threading.Lock()


def _parse_leniently(data: bytes) -> Any:
    """feedparser's result from its lenient (non-XML) reader, which ``feedparser.parse`` uses for
    feeds its strict reader rejects; the switch is module-wide, so one thread at a time."""
    with _LENIENT:
        saved = feedparser.api._XML_AVAILABLE
        feedparser.api._XML_AVAILABLE = False
        try:
            return feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
        finally:
            feedparser.api._XML_AVAILABLE = saved


def parse_feed(data: bytes, where: str) -> ParseResult:
    """Parse RSS or Atom ``data`` (named ``where`` in errors) into posts, newest first.

    Raises SourceError when the document is unsafe or has no readable entries at all; entries
    that cannot be read are named in ``ParseResult.errors`` and the rest are kept.
    """
    check_xml_safety(data, where)
    data, encoding_note = _drop_bad_encoding_name(data)
    # feedparser's own sanitiser keeps "safe" markup and costs more than half the parse; we keep
    # no markup at all (htmltext drops scripts, styles, frames and images), so it is off, and
    # relative links need no resolving because addresses are not kept.
    errors: list[str] = [f"{where}: {encoding_note}"] if encoding_note else []
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except ValueError as exc:
        # feedparser's strict reader unpacks every element name into a namespace and a local
        # name, and a name the SAX parser splits otherwise (a mangled prefix) breaks it; its own
        # lenient reader, which it uses for feeds that are not well-formed, reads such a feed
        parsed = _parse_leniently(data)
        errors.append(f"{where}: malformed element name ({exc}); read leniently")
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = parsed.get("entries") or []
    if bozo is not None:
        problem = _bozo_message(bozo)
        if not entries:
            raise SourceError(where, f"not a readable feed: {problem}; no entries could be read")
        errors.append(f"{where}: {problem}; read leniently")
    if not entries:
        if not parsed.get("version") and not parsed.get("feed"):
            raise SourceError(where, "not a feed (no RSS or Atom elements)")
        raise SourceError(where, "feed has no entries")
    feed = parsed.get("feed") or {}
    posts: list[ParsedPost] = []
    seen: set[str] = set()
    tally = DropTally()
    total = len(entries)
    for index, entry in enumerate(entries):
        try:
            dates: list[str] = []
            post = _entry_to_post(entry, total - index, tally, dates)
            errors.extend(f"{where}: entry {index + 1}: {note}" for note in dates)
        except (ValueError, TypeError, AttributeError) as exc:
            errors.append(f"{where}: entry {index + 1} could not be read ({exc})")
            continue
        if post is None:
            errors.append(f"{where}: entry {index + 1} has neither title nor text; skipped")
            continue
        if post.guid in seen:
            errors.append(f"{where}: entry {index + 1} repeats id {post.guid!r}; kept the first")
            continue
        seen.add(post.guid)
        posts.append(post)
    if left_out := tally.note(where):
        errors.append(left_out)
    if not posts and bozo is not None:
        raise SourceError(where, f"not a readable feed: {_bozo_message(bozo)}; no entry could be read")
    if not posts:
        raise SourceError(where, "no readable entries: " + "; ".join(e.split(": ", 1)[1] for e in errors))
    return ParseResult(
        kind=KIND,
        posts=tuple(posts),
        title=clean_line(feed.get("title")),
        link=feed.get("link"),
        errors=tuple(errors),
    )


def _entry_time(entry: dict[str, Any], key: str, notes: list[str]) -> datetime | None:
    """The entry's ``key`` time, or None (with a note) when it is written but is no real date.

    feedparser rolls impossible ISO fields over (``2023-13-45`` becomes a day in 2024), so the
    raw text is checked first.
    """
    raw = dict.get(entry, key)
    if not raw:
        return None
    value = None if impossible_iso(raw) else _struct_to_datetime(dict.get(entry, f"{key}_parsed"))
    if value is None:
        notes.append(f"{key} date {raw[:60]!r} is not a real date; kept undated")
    return value


def _entry_to_post(entry: dict[str, Any], seq: int, tally: DropTally, notes: list[str]) -> ParsedPost | None:
    title = clean_line(entry.get("title"))
    body = _entry_body(entry, tally)
    if not title and not body:
        return None
    # dict.get, not entry.get: feedparser's own get maps a missing "updated" to "published"
    # with a deprecation warning; we want to know which one the feed really gave.
    published = raw_date = None
    unreadable: list[str] = []
    for key in ("published", "updated", "created"):
        published = _entry_time(entry, key, unreadable)
        if published is not None:
            raw_date = dict.get(entry, key)
            break
    if published is None:
        notes.extend(unreadable)
    updated = _entry_time(entry, "updated", [])
    link = entry.get("link") or None
    guid = (entry.get("id") or "").strip() or link or _content_key(title, body, published)
    author = clean_line(entry.get("author"))
    return ParsedPost(
        guid=guid,
        title=title,
        byline=author,
        body=body or title or "",
        published=published,
        published_precision=_precision(raw_date) if published else None,
        updated=updated if updated and updated != published else None,
        url=link,
        seq=seq,
    )


def _bozo_message(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "CharacterEncodingOverride":
        return f"declared encoding was wrong ({exc})"
    if name == "CharacterEncodingUnknown":
        return f"unknown character encoding ({exc})"
    if name == "NonXMLContentType":
        return f"served as non-XML ({exc})"
    message = getattr(exc, "getMessage", None)
    text = message() if callable(message) else str(exc)
    return f"not well-formed XML ({text})"
