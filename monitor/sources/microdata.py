"""Live-blog updates from the HTML of a page that declares its ``LiveBlogPosting`` as microdata.

Some pages mark the live blog only with ``itemscope itemtype="https://schema.org/LiveBlogPosting"``
on the element holding the updates, and give no JSON-LD updates; the updates are then read from
that element's HTML. Nothing here knows any site: the updates are found by their shape.

Which elements are the updates:
- elements carrying ``itemprop="liveBlogUpdate"`` inside the blog element, when there are any;
- otherwise the largest set of sibling elements of one shape (the same tag and the same first
  class token) of which at least three hold a time. A time is an ``itemprop`` ``datePublished`` or
  ``dateCreated``, a ``<time>`` element (its ``datetime``, else its text), or an element whose
  whole text is a clock time (``9:05``, ``19:30``, ``7:30 pm``): a time inside running text (a
  score such as ``57:33``) is not one. Sets of siblings that sit inside one update (a results
  table in a post) are not taken, nor are wrappers whose members only hold updates (a section per
  day); sections of one shape at one depth are read together.

What each update gives: its text with paragraphs kept (``htmltext``: scripts, styles, media and
markup are dropped), less the element its time came from and its headline; the microdata
``articleBody``, ``headline``, ``author``, ``datePublished``, ``dateModified`` and ``url``
where present, else the first ``h2``–``h6`` as the headline. Identity: ``itemid``, else the
element's ``id`` (``#id``), else a hash of the time and the text.

Times: a full date-time is kept as it is. A clock time is put on the page's date: the blog's own
microdata dates, ``article:published_time`` and similar ``<meta>`` tags, then the JSON-LD dates
(``datePublished``, ``startDate``…), in the time zone that date is written in (UTC when it names
none, with a note). Walking from the oldest update, a clock that falls back by more than twelve
hours has passed midnight. An update without a time of its own carries the date only; with no
page date at all a clock time is kept undated, as the plain-text reader does.

Order: as for JSON-LD, the direction is read from the times when they differ, else the page is
taken as newest first. Work is bounded (elements read, updates kept), and an update that cannot
be read is named in the notes while the others are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from html.parser import HTMLParser
from typing import Any

from monitor.model import ParsedPost, parse_iso
from monitor.model.posts import content_guid
from monitor.model.timeutil import impossible_iso
from monitor.sources.htmltext import DropTally, clean_line, clean_text

#: An element's ``itemtype`` naming LiveBlogPosting (quoted or not, alone or among other types).
BLOG_TYPE = re.compile(r"""itemtype\s*=\s*["']?[^"'>]{0,300}?schema\.org/LiveBlogPosting\b""", re.I)
#: Elements of the blog read at most (a page is capped in size anyway; this bounds the tree).
_MAX_ELEMENTS = 100_000
#: Updates kept at most, and blog elements tried at most on one page.
_MAX_UPDATES = 5_000
_MAX_BLOGS = 4
#: Sibling elements of one shape, of which this many hold a time, before they count as updates.
_MIN_RUN = 3
#: A time element longer than this is not cut out of an update's text (it holds more than a time).
_MAX_TIME_TEXT = 60
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
     "source", "track", "wbr"}
)
#: Elements whose content is never a time or an update (code, media, embedded documents).
_OPAQUE = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "select",
     "textarea", "head", "title"}
)
_BLOCK = frozenset(
    {"p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "figure",
     "blockquote", "pre", "ul", "ol", "li", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6",
     "hr", "address", "details", "form", "fieldset"}
)
#: Start tags that end an open element of the same name (``<li>a<li>b``).
_SELF_CLOSING_SIBLINGS = frozenset({"li", "dt", "dd", "tr", "td", "th", "option"})
_CLOCK = re.compile(r"\A\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*\Z", re.I)
_HAS_TIME = re.compile(r"T\d{2}:\d{2}")
_HAS_SECONDS = re.compile(r"T\d{2}:\d{2}:\d{2}")
_DATE_PROPS = ("datePublished", "dateCreated")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: Where the page's date comes from, in order: the blog's microdata, ``<meta>`` tags, JSON-LD keys.
#: A start date (publication) is the date of the oldest update; an end date that of the newest.
_BLOG_DATE_PROPS = (("datePublished", "start"), ("coverageStartTime", "start"),
                    ("dateCreated", "start"), ("dateModified", "end"), ("coverageEndTime", "end"))
_META_DATES = (("article:published_time", "start"), ("datepublished", "start"),
               ("date", "start"), ("dc.date", "start"), ("article:modified_time", "end"),
               ("og:updated_time", "end"), ("datemodified", "end"))
_JSONLD_DATES = (("datePublished", "start"), ("dateCreated", "start"),
                 ("coverageStartTime", "start"), ("startDate", "start"),
                 ("dateModified", "end"), ("coverageEndTime", "end"))
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[^>]*>", re.I)


class _Node:
    __slots__ = ("tag", "attrs", "start", "end", "children", "parent", "depth", "content", "index")

    def __init__(self, tag: str, attrs: dict[str, str], start: int, parent: _Node | None,
                 index: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.start = start
        self.end = start
        self.children: list[_Node] = []
        self.content: list[_Node | str] = []
        self.parent: _Node | None = parent
        self.depth: int = parent.depth + 1 if parent else 0
        self.index = index  # document order

    @property
    def shape(self) -> tuple[str, str]:
        classes = (self.attrs.get("class") or "").split()
        return self.tag, classes[0] if classes else ""

    def props(self) -> set[str]:
        return set((self.attrs.get("itemprop") or "").split())

    def text(self) -> str:
        """All the text inside, in document order (no block breaks: for short values only)."""
        out: list[str] = []
        stack: list[_Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
            elif item.tag not in _OPAQUE:
                stack.extend(reversed(item.content))
        return " ".join("".join(out).split())

    def walk(self) -> Iterator[_Node]:
        """This element and every element inside it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


class _Stop(Exception):
    """Raised inside the parser's callbacks to stop reading: the blog ended, or the cap was met."""


class _TreeBuilder(HTMLParser):
    """A small element tree of one element of the page (the blog), with source offsets.

    Unclosed elements end where the element around them does; ``<p>`` ends at the next block,
    ``<li>`` at the next ``<li>``; a stray end tag is ignored. At most ``_MAX_ELEMENTS`` elements.
    """

    def __init__(self, text: str, start: int) -> None:
        super().__init__(convert_charrefs=True)
        self.source = text
        self.base = start
        self.root: _Node | None = None
        self.stack: list[_Node] = []
        self.count = 0
        self.truncated = False
        self.done = False
        self._open: Counter[str] = Counter()
        fed = text[start:]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", fed)]
        try:
            self.feed(fed)
            self.close()
        except _Stop:
            pass  # the rest of the page is not the blog's (or is past the cap)
        for node in self.stack:  # still open at the end of the document
            node.end = len(text)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self._line_starts[line - 1] + col

    def _tag_end(self, at: int) -> int:
        end = self.source.find(">", at)
        return len(self.source) if end < 0 else end + 1

    def _pop(self, at: int) -> None:
        node = self.stack.pop()
        self._open[node.tag] -= 1
        node.end = at
        if not self.stack:
            self.done = True
            raise _Stop

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        at = self._offset()
        if self.stack and tag in _SELF_CLOSING_SIBLINGS and self.stack[-1].tag == tag:
            self._pop(at)
        if tag in _BLOCK and self.stack:
            for index in range(len(self.stack) - 1, 0, -1):
                if self.stack[index].tag == "p":
                    while len(self.stack) > index:
                        self._pop(at)
                    break
                if self.stack[index].tag in _BLOCK:
                    break
        if self.count >= _MAX_ELEMENTS:
            self.truncated = True
            raise _Stop
        self.count += 1
        parent = self.stack[-1] if self.stack else None
        node = _Node(tag, {k: v or "" for k, v in attrs}, at, parent, self.count)
        if parent is None:
            if self.root is not None:
                return
            self.root = node
        else:
            parent.children.append(node)
            parent.content.append(node)
        if tag in _VOID:
            node.end = self._tag_end(at)
            if parent is None:
                raise _Stop  # the blog is an empty element
        else:
            self.stack.append(node)
            self._open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1].tag == tag and tag not in _VOID:
            self._pop(self._tag_end(self._offset()))

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self._open[tag]:
            return
        end = self._tag_end(self._offset())
        while self.stack:
            closing = self.stack[-1].tag == tag
            self._pop(self._offset() if not closing else end)
            if closing:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and not self.done:
            self.stack[-1].content.append(data)


# -- times ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stamp:
    """A time found in an update: a full date-time, or a clock time of an unknown day."""

    rank: int  # 0 microdata date, 1 <time datetime>, 2 <time> clock, 3 an element that is a clock
    node: _Node
    when: datetime | None = None  # aware, when the date is known
    precision: str | None = None
    clock: time | None = None

    @property
    def order_key(self) -> float | None:
        if self.when is not None:
            return self.when.timestamp()
        if self.clock is not None:
            return self.clock.hour * 3600 + self.clock.minute * 60 + self.clock.second
        return None


def _clock(text: str) -> tuple[time, str] | None:
    match = _CLOCK.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    meridiem = (match.group(4) or "").replace(".", "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second), "second" if match.group(3) else "minute"


def _full_time(value: str) -> tuple[datetime, str] | None:
    """An ISO date-time with a time of day (a bare date is not the time of an update)."""
    value = value.strip()
    if not _HAS_TIME.search(value) or impossible_iso(value):
        return None
    try:
        when = parse_iso(value)
    except (ValueError, OverflowError):
        return None
    if when is None:
        return None
    return when, "second" if _HAS_SECONDS.search(value) else "minute"


def _prop_value(node: _Node) -> str:
    """A microdata property's value: ``content``, ``datetime``, ``href``/``src``, else the text."""
    for name in ("content", "datetime"):
        if node.attrs.get(name):
            return node.attrs[name]
    if node.tag in ("a", "link", "area") and node.attrs.get("href"):
        return node.attrs["href"]
    return node.text()


def _own_stamp(node: _Node, text: str | None) -> _Stamp | None:
    """The time this element itself states, if any (``text``: its whole text when short)."""
    props = node.props()
    if props & set(_DATE_PROPS):
        value = _prop_value(node)
        full = _full_time(value)
        if full:
            return _Stamp(0, node, when=full[0], precision=full[1])
        clock = _clock(value)
        if clock:
            return _Stamp(0, node, clock=clock[0], precision=clock[1])
    if node.tag == "time":
        value = node.attrs.get("datetime", "")
        full = _full_time(value) if value else None
        if full:
            return _Stamp(1, node, when=full[0], precision=full[1])
        clock = _clock(value) if value else None
        clock = clock or (_clock(text) if text else None)
        if clock:
            return _Stamp(2, node, clock=clock[0], precision=clock[1])
        return None
    if len(node.children) > 2:
        return None  # an element holding several elements is not a time label
    if text:
        clock = _clock(text)
        if clock:
            return _Stamp(3, node, clock=clock[0], precision=clock[1])
    return None


#: Texts longer than this are never a time label; longer ones are not kept while looking.
_SHORT = 16


def _first_stamps(root: _Node) -> dict[int, _Stamp]:
    """For every element, the best time inside it (lowest rank, then first in the document).

    Bottom-up in one pass: each element's short text is built from its children's (longer texts
    are not kept), so a deeply nested page costs no more than a flat one.
    """
    best: dict[int, _Stamp] = {}
    short: dict[int, str | None] = {}
    for node in reversed(list(root.walk())):  # children before their parents
        if node.tag in _OPAQUE:
            short[node.index] = ""
            continue
        pieces: list[str] = []
        size = 0
        for item in node.content:
            piece = item if isinstance(item, str) else short.get(item.index)
            if piece is None or size > _SHORT * 4:
                pieces = []
                size = -1
                break
            pieces.append(piece)
            size += len(piece)
        text = " ".join("".join(pieces).split()) if size >= 0 else None
        short[node.index] = text if text is not None and len(text) <= _SHORT else None
        found = _own_stamp(node, short[node.index])
        for child in node.children:
            inner = best.get(child.index)
            if inner is not None and (found is None or inner.rank < found.rank):
                found = inner
        if found is not None:
            best[node.index] = found
    return best


# -- which elements are the updates ---------------------------------------------------------------


@dataclass
class _Group:
    parent: _Node
    shape: tuple[str, str]
    members: list[_Node] = field(default_factory=list)
    timed: int = 0


def _candidate_groups(root: _Node, stamps: dict[int, _Stamp]) -> list[_Group]:
    groups: list[_Group] = []
    for parent in root.walk():
        if parent.tag in _OPAQUE or len(parent.children) < _MIN_RUN:
            continue
        by_shape: dict[tuple[str, str], _Group] = {}
        for child in parent.children:
            if child.tag in _VOID or child.tag in _OPAQUE:
                continue
            group = by_shape.setdefault(child.shape, _Group(parent, child.shape))
            group.members.append(child)
            group.timed += child.index in stamps
        groups.extend(g for g in by_shape.values() if g.timed >= _MIN_RUN)
    return groups


def _pick_updates(root: _Node, stamps: dict[int, _Stamp]) -> list[_Node]:
    """The update elements of the blog, in page order (empty when none can be told)."""
    marked = [n for n in root.walk() if "liveBlogUpdate" in n.props()]
    if marked:
        marked_ids = {n.index for n in marked}

        def outermost(node: _Node) -> bool:
            up = node.parent
            while up is not None:
                if up.index in marked_ids:
                    return False
                up = up.parent
            return True

        return [n for n in marked if outermost(n)]
    groups = _candidate_groups(root, stamps)
    if not groups:
        return []

    counts: dict[tuple[int, tuple[str, str]], int] = {}

    def timed_siblings(node: _Node) -> int:
        parent = node.parent
        if parent is None:
            return 0
        key = (parent.index, node.shape)
        if key not in counts:
            counts[key] = sum(1 for c in parent.children if c.shape == node.shape and c.index in stamps)
        return counts[key]

    def wrapper(group: _Group) -> bool:
        """Most of its members take their time from one of several timed elements of one shape
        inside them: they hold updates rather than being one (a section per day)."""
        inner = 0
        for member in group.members:
            stamp = stamps.get(member.index)
            node = stamp.node if stamp else None
            while node is not None and node is not member:
                if timed_siblings(node) >= 2:
                    inner += 1
                    break
                node = node.parent
        return inner * 2 > group.timed

    kept = [g for g in groups if not wrapper(g)] or groups
    member_of = {m.index: g for g in kept for m in g.members}

    def nested(group: _Group) -> bool:
        """Inside a member of another kept group (a list inside one update)."""
        node: _Node | None = group.parent
        while node is not None:
            if node.index in member_of and member_of[node.index] is not group:
                return True
            node = node.parent
        return False

    kept = [g for g in kept if not nested(g)] or kept
    best = max(kept, key=lambda g: (g.timed, len(g.members), -g.parent.depth))
    # Updates split into sections of one shape (a day each) are read together.
    chosen: list[_Node] = []
    for parent in root.walk():
        if parent is best.parent or (parent.depth == best.parent.depth and parent.shape == best.parent.shape):
            members = [c for c in parent.children if c.shape == best.shape]
            if parent is best.parent or any(m.index in stamps for m in members):
                chosen.extend(members)
    return sorted(chosen, key=lambda n: n.index)


# -- the page's date ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PageDate:
    day: date
    zone: tzinfo | None  # None: the date names no time zone
    anchor: str  # "start": the oldest update's date; "end": the newest's
    source: str


def _page_date_from(value: Any, anchor: str, source: str) -> _PageDate | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if impossible_iso(value):
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?",
                     value)
    if not match:
        return None
    try:
        parsed = datetime.fromisoformat(match.group(0).replace(" ", "T"))
    except ValueError:
        return None
    return _PageDate(parsed.date(), parsed.tzinfo, anchor, source)


def _in_updates(updates: list[_Node]) -> set[int]:
    return {inner.index for update in updates for inner in update.walk()}


def _blog_dates(root: _Node, updates: list[_Node]) -> Iterator[tuple[str, str, str]]:
    within = _in_updates(updates)
    for node in root.walk():
        props = node.props()
        if not props or node.index in within:
            continue
        for name, anchor in _BLOG_DATE_PROPS:
            if name in props:
                yield _prop_value(node), anchor, f"the blog's {name}"


def _metas(text: str) -> dict[str, str]:
    """``<meta>`` contents by ``property``, ``name`` or ``itemprop`` (lower case; the first wins)."""
    found: dict[str, str] = {}
    for number, tag in enumerate(_META_TAG.finditer(text)):
        if number > 2_000:
            break
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                 for m in _ATTR.finditer(tag.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content") and key not in found:
            found[key] = attrs["content"]
    return found


def _meta_dates(metas: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    for key, anchor in _META_DATES:
        if key in metas:
            yield metas[key], anchor, f"<meta {key}>"


def _jsonld_dates(nodes: list[dict]) -> Iterator[tuple[Any, str, str]]:
    for key, anchor in _JSONLD_DATES:
        for node in nodes:
            if key in node:
                yield node[key], anchor, f"JSON-LD {key}"


def _page_date(text: str, root: _Node, updates: list[_Node], nodes: list[dict]) -> _PageDate | None:
    for value, anchor, source in (*_blog_dates(root, updates), *_meta_dates(_metas(text)),
                                  *_jsonld_dates(nodes)):
        found = _page_date_from(value, anchor, source)
        if found:
            return found
    return None


# -- updates to posts ---------------------------------------------------------------------------


@dataclass
class _Draft:
    node: _Node
    stamp: _Stamp | None
    title: str | None
    body: str
    byline: str | None
    updated: datetime | None
    url: str | None
    ident: str | None


def _first_with(node: _Node, prop: str) -> _Node | None:
    for inner in node.walk():
        if inner is not node and prop in inner.props():
            return inner
    return None


def _slice_without(source: str, node: _Node, cut: list[_Node]) -> str:
    pieces, last = [], node.start
    for part in sorted(cut, key=lambda n: n.start):
        if part is node or part.start < last or part.end > node.end:
            continue
        pieces.append(source[last:part.start])
        last = part.end
    pieces.append(source[last:node.end])
    return "".join(pieces)


def _draft(source: str, node: _Node, stamp: _Stamp | None, tally: DropTally) -> _Draft | None:
    title_node = _first_with(node, "headline")
    if title_node is None:
        title_node = next((n for n in node.walk() if n.tag in _HEADINGS), None)
    title = clean_line(_prop_value(title_node)) if title_node else None
    body_node = _first_with(node, "articleBody") or _first_with(node, "text") or node
    cut = [title_node] if title_node is not None and title_node is not body_node else []
    if stamp is not None and stamp.node is not body_node and len(stamp.node.text()) <= _MAX_TIME_TEXT:
        cut.append(stamp.node)
    author = _first_with(node, "author")
    if author is not None:
        cut.append(author)
    body = clean_text(_slice_without(source, body_node, cut), tally)
    if not title and not body:
        return None
    byline = None
    if author is not None:
        name = _first_with(author, "name")
        byline = clean_line(_prop_value(name or author))
    modified = _first_with(node, "dateModified")
    updated = _full_time(_prop_value(modified)) if modified else None
    url_node = _first_with(node, "url")
    url = _prop_value(url_node).strip() if url_node else None
    ident = node.attrs.get("itemid") or None
    if not ident and node.attrs.get("id"):
        ident = "#" + node.attrs["id"].strip()
    return _Draft(node, stamp, title, body, byline, updated[0] if updated else None, url or None, ident)


def _newest_first(drafts: list[_Draft]) -> bool:
    """The page's direction, from the times of consecutive timed updates (ties: newest first)."""
    keys = [k for d in drafts if d.stamp and (k := d.stamp.order_key) is not None]
    falling = sum(1 for a, b in zip(keys, keys[1:], strict=False) if b < a)
    rising = sum(1 for a, b in zip(keys, keys[1:], strict=False) if b > a)
    return falling >= rising


def _place(drafts: list[_Draft], page: _PageDate | None) -> list[tuple[datetime | None, str | None]]:
    """(published, precision) for drafts given oldest first: a clock on the page's day, rolled
    over midnight when it falls back by more than twelve hours; no time, the date only."""
    zone = (page.zone if page else None) or UTC
    clocks = [d.stamp.clock if d.stamp else None for d in drafts]
    days: list[date | None] = []
    day = page.day if page else None
    previous: time | None = None
    for clock in clocks:
        if day is not None and clock is not None and previous is not None:
            back = (previous.hour * 60 + previous.minute) - (clock.hour * 60 + clock.minute)
            if back > 12 * 60:
                day += timedelta(days=1)
        previous = clock or previous
        days.append(day)
    if page is not None and page.anchor == "end" and days and days[-1] is not None:
        shift = page.day - days[-1]
        days = [d + shift if d is not None else None for d in days]
    out: list[tuple[datetime | None, str | None]] = []
    for draft, clock, on in zip(drafts, clocks, days, strict=True):
        stamp = draft.stamp
        if stamp is not None and stamp.when is not None:
            out.append((stamp.when, stamp.precision))
        elif on is not None and clock is not None:
            precision = stamp.precision if stamp else None
            out.append((datetime.combine(on, clock, zone).astimezone(UTC), precision))
        elif on is not None:
            out.append((datetime.combine(on, time(0, 0), UTC), "date"))
        else:
            out.append((None, None))
    return out


def _guid(draft: _Draft, published: datetime | None) -> str:
    if draft.ident:
        return draft.ident
    if draft.url:
        return draft.url
    when = published.isoformat() if published else ""
    if not when and draft.stamp and draft.stamp.clock:
        when = draft.stamp.clock.isoformat()
    return content_guid(draft.title, draft.body, when)


@dataclass
class MicrodataBlog:
    """What the blog element of a page gave: its posts (seq set), title, link and notes."""

    posts: list[ParsedPost]
    title: str | None
    link: str | None
    notes: list[str]


def _blog_starts(text: str) -> Iterator[int]:
    for number, match in enumerate(BLOG_TYPE.finditer(text)):
        if number >= _MAX_BLOGS:
            return
        start = text.rfind("<", 0, match.start())
        if start >= 0:
            yield start


def _page_meta(text: str, root: _Node, updates: list[_Node]) -> tuple[str | None, str | None]:
    title = link = None
    within = _in_updates(updates)
    for node in root.walk():
        if node is root or node.index in within:
            continue
        props = node.props()
        if not title and props & {"headline", "name"}:
            title = clean_line(_prop_value(node))
        if not link and "url" in props:
            link = _prop_value(node).strip() or None
    metas = _metas(text)
    title = title or clean_line(metas.get("og:title"))
    if not title and (found := _TITLE.search(text)):
        title = clean_line(found.group(1))
    link = link or metas.get("og:url")
    if not link and (canonical := _CANONICAL.search(text)):
        href = re.search(r"""\bhref\s*=\s*["']([^"']+)""", canonical.group(0))
        link = href.group(1) if href else None
    return title, link


def read_microdata_blog(
    text: str, jsonld_nodes: list[dict], tally: DropTally,
    same_time: Callable[[list[ParsedPost]], list[ParsedPost]] | None = None,
) -> MicrodataBlog | None:
    """The updates of the first ``LiveBlogPosting`` microdata element that has any, or None."""
    for start in _blog_starts(text):
        builder = _TreeBuilder(text, start)
        root = builder.root
        if root is None:
            continue
        stamps = _first_stamps(root)
        updates = _pick_updates(root, stamps)
        if not updates:
            continue
        notes: list[str] = []
        if builder.truncated:
            notes.append(f"the live blog has over {_MAX_ELEMENTS:,} elements; only the first were read")
        if len(updates) > _MAX_UPDATES:
            notes.append(f"{len(updates):,} updates; only the first {_MAX_UPDATES:,} were kept")
            updates = updates[:_MAX_UPDATES]
        drafts: list[_Draft] = []
        for number, node in enumerate(updates, 1):
            try:
                draft = _draft(text, node, stamps.get(node.index), tally)
            except (ValueError, OverflowError, RecursionError, AssertionError, IndexError) as exc:
                notes.append(f"update {number} could not be read ({exc}); skipped")
                continue
            if draft is None:
                notes.append(f"update {number} has neither headline nor text; skipped")
                continue
            drafts.append(draft)
        if not drafts:
            continue
        posts = _posts(text, root, updates, drafts, jsonld_nodes, notes)
        if same_time is not None:
            posts = same_time(posts)
        title, link = _page_meta(text, root, updates)
        if link:
            posts = [_with_url(p, link) for p in posts]
        return MicrodataBlog(posts, title, link, notes)
    return None


def _with_url(post: ParsedPost, link: str) -> ParsedPost:
    if post.url or not post.guid.startswith("#"):
        return post
    return replace(post, url=link.split("#", 1)[0] + post.guid)


def _posts(text: str, root: _Node, updates: list[_Node], drafts: list[_Draft],
           jsonld_nodes: list[dict], notes: list[str]) -> list[ParsedPost]:
    newest_first = _newest_first(drafts)
    oldest_first = list(reversed(drafts)) if newest_first else list(drafts)
    needs_day = any(d.stamp is None or d.stamp.when is None for d in drafts)
    page = _page_date(text, root, updates, jsonld_nodes) if needs_day else None
    if needs_day and any(d.stamp and d.stamp.clock for d in drafts):
        if page is None:
            notes.append("updates give a clock time but the page gives no date; kept undated")
        elif page.zone is None:
            notes.append(f"clock times are put on {page.day.isoformat()} (from {page.source}) and "
                         "taken as UTC: the page names no time zone")
    placed = _place(oldest_first, page)
    posts: list[ParsedPost] = []
    seen: set[str] = set()
    for seq, (draft, (published, precision)) in enumerate(zip(oldest_first, placed, strict=True), 1):
        guid = _guid(draft, published)
        if guid in seen:
            guid = f"{guid}-{seq}"
        seen.add(guid)
        posts.append(ParsedPost(
            guid=guid, title=draft.title, byline=draft.byline, body=draft.body or draft.title or "",
            published=published, published_precision=precision,
            updated=draft.updated if draft.updated and draft.updated != published else None,
            url=draft.url, seq=seq,
        ))
    return list(reversed(posts)) if newest_first else posts  # in page order, as the page lists them

