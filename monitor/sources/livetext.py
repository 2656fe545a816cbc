"""The plain-text live page: a live blog saved as text, newest post first.

Format::

    [date YYYY-MM-DD]            optional header; text after it on the same line is body
    [HH:MM]                      optional time line opening a post
    Headline                     no closing full stop; may be a question
    [Byline]                     a person's name
    [In Place]                   a location line
    Body paragraph…              one paragraph per line

The newest post's headline may be cut off, so the page can start with body text. Headlines are
told from body by their form alone: length, the absence of closing punctuation, capitalisation,
and the byline or location that may follow them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from monitor.model import ParsedPost, ParseResult

KIND = "livetext"

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
_TIME_LINE = re.compile(r"\A(?:posted at\s+)?(\d{1,2})[:.](\d{2})\s*(am|pm)?(?:\s+[A-Z]{2,5})?\Z", re.I)
_LOCATION = re.compile(
    r"\A(?:In|From|Reporting from|At)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,4}\Z"
)
# A name: two to four capitalised words, allowing particles (de, van, bin, al-) between them.
_NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ]+)?"
_NAME = re.compile(
    rf"\A(?:By\s+)?{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|den|bin|al|la|le|du|dos)\s+){{0,2}}{_NAME_WORD}){{1,3}}\Z"
)
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!;:,…"
_MAX_HEADLINE_CHARS = 140
_MAX_HEADLINE_WORDS = 20
# Words a headline may start with in lower case would be odd; body rarely starts in lower case
# either, so a lower-case start rules a line out as a headline.
_LOWER_START = re.compile(r"\A[a-z]")


@dataclass
class _Draft:
    title: str | None = None
    byline: str | None = None
    location: str | None = None
    clock: time | None = None
    paragraphs: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.title or self.paragraphs)


def looks_like_headline(line: str) -> bool:
    """True when ``line`` has the form of a headline rather than a body paragraph."""
    if not line or len(line) > _MAX_HEADLINE_CHARS or _LOWER_START.match(line):
        return False
    if len(line.split()) > _MAX_HEADLINE_WORDS:
        return False
    end = line.rstrip(_CLOSERS)
    if not end:
        return False
    if end[-1] == "?":
        # Question headlines are short; a long question is a body paragraph.
        return len(line.split()) <= 12
    if end[-1] in _TERMINAL:
        return False
    # A sentence-like line whose quote closes after its full stop ("…war.”") ends above.
    return any(ch.isalpha() for ch in line)


def looks_like_byline(line: str) -> bool:
    """True for a line that is only a person's name (optionally "By …")."""
    return bool(_NAME.match(line)) and len(line) <= 60


def looks_like_location(line: str) -> bool:
    """True for a dateline such as "In Washington" or "Reporting from Seoul"."""
    return bool(_LOCATION.match(line)) and len(line) <= 60


def _clock(line: str) -> time | None:
    match = _TIME_LINE.match(line)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _split_header(text: str) -> tuple[date | None, str]:
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None, text
    return day, text[match.end():]


def _segment(lines: list[str]) -> list[_Draft]:
    """Group lines into posts, in file order (newest first)."""
    drafts: list[_Draft] = [_Draft()]
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        clock = _clock(line)
        if clock is not None:
            if not drafts[-1].empty():
                drafts.append(_Draft())
            drafts[-1].clock = clock
            i += 1
            continue
        current = drafts[-1]
        starts_post = looks_like_headline(line) and nxt is not None and (
            # A headline is followed by a byline, a location or a body paragraph,
            # never directly by another headline-shaped line unless that is a byline.
            not looks_like_headline(nxt) or looks_like_byline(nxt) or looks_like_location(nxt)
        )
        if starts_post:
            if current.title is not None or current.paragraphs:
                current = _Draft()
                drafts.append(current)
            current.title = line
            i += 1
            if i < len(lines) and looks_like_byline(lines[i]) and not looks_like_location(lines[i]):
                current.byline = re.sub(r"\ABy\s+", "", lines[i])
                i += 1
            if i < len(lines) and looks_like_location(lines[i]):
                current.location = lines[i]
                i += 1
            continue
        current.paragraphs.append(line)
        i += 1
    return [d for d in drafts if not d.empty()]


def _keys(day: date | None, draft: _Draft, seen: dict[str, int]) -> tuple[str, tuple[str, ...]]:
    """A post's identity inside its page and the other keys it may be recognised by.

    Keyed on content, not position, so a page that grows on top or loses its oldest posts keeps
    every post's identity. The headline is the identity where there is one; the opening words
    of the body are a second key, so that the newest post, whose headline may be cut off in one
    save and present in the next, is still the same post — and so is a post whose headline was
    reworded.
    """
    prefix = day.isoformat() if day else "undated"

    def key(kind: str, text: str, words: int) -> str:
        basis = " ".join(re.sub(r"\W+", " ", text.casefold()).split()[:words])
        return f"{prefix}/{kind}{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:16]}"

    first = draft.paragraphs[0] if draft.paragraphs else ""
    body_key = key("b", first, 12)
    keys = [key("h", draft.title, 40)] if draft.title else []
    if first:
        keys.append(body_key)
    guid = keys[0]
    seen[guid] = seen.get(guid, 0) + 1
    if seen[guid] > 1:
        guid = f"{guid}-{seen[guid]}"
        keys = [guid]
    return guid, tuple(k for k in keys if k != guid)


def parse_livetext(text: str) -> ParseResult:
    """Parse a plain-text live page into posts (returned in file order, newest first)."""
    day, rest = _split_header(text)
    lines = [" ".join(line.split()) for line in rest.splitlines()]
    lines = [line for line in lines if line]
    drafts = _segment(lines)
    seen: dict[str, int] = {}
    posts = []
    total = len(drafts)
    for index, draft in enumerate(drafts):
        published = None
        precision = None
        if day is not None and draft.clock is not None:
            published, precision = datetime.combine(day, draft.clock, UTC), "minute"
        elif day is not None:
            published, precision = datetime.combine(day, time(0, 0), UTC), "date"
        guid, match_keys = _keys(day, draft, seen)
        posts.append(
            ParsedPost(
                guid=guid,
                match_keys=match_keys,
                title=draft.title,
                byline=draft.byline,
                location=draft.location,
                body="\n\n".join(draft.paragraphs),
                published=published,
                published_precision=precision,
                seq=total - index,
            )
        )
    return ParseResult(kind=KIND, posts=tuple(posts))


def sniff_livetext(text: str) -> bool:
    """A last-resort format: any text that is not markup, JSON or a table may be a live page."""
    head = text.lstrip()[:200]
    return not head.startswith(("<", "{", "[")) and not looks_tabular(text)


def looks_tabular(text: str, sample: int = 50) -> bool:
    """True for tab-separated rows (a MANIFEST.tsv, a spreadsheet export): the first lines all
    carry the same number of tabs. No live page is written like that."""
    lines = [line for line in text[:20_000].splitlines()[:sample] if line.strip()]
    if len(lines) < 2:
        return False
    tabs = {line.count("\t") for line in lines}
    return len(tabs) == 1 and tabs != {0}
