"""Live-blog pages: schema.org ``LiveBlogPosting`` JSON-LD, one post per ``liveBlogUpdate``.

Where the JSON-LD is found:
- in HTML, every ``<script type="application/ld+json">`` block;
- a document that is JSON itself (a saved JSON-LD object, list or ``@graph``);
- anything else that mentions ``LiveBlogPosting`` (a saved JavaScript object literal, say): the
  object literal around the mention.

Broken JSON (trailing commas, ``//`` comments, single quotes, unclosed brackets) is repaired by
json-repair after strict parsing fails; a block that cannot be repaired is named in the errors and
the other blocks are still read. A page that declares its LiveBlogPosting only as microdata
(``itemscope itemtype=".../LiveBlogPosting"``) and has no JSON-LD updates has its updates read from
the HTML of that element (``microdata.py``). A page with no live-blog updates but an article node
(NewsArticle, Article, BlogPosting…) gives that article as one post.

Paragraphs: an update's ``articleBody`` often comes with its paragraph breaks stripped, so that
quotation marks would pair across what were separate paragraphs. Where the page itself holds the
updates' HTML (``<p>``, ``<li>``, ``<blockquote>`` elements, in the markup or in the strings of a
saved page object), a body with no breaks gets them back wherever one of those paragraphs starts.
Failing that, paragraphs run together with no space (``two nations.Kim``) are split there.

Order: updates are listed newest first on most sites, oldest first on others. When the updates
carry distinct times the list's direction is read from them; when every update has the same time
(some sites stamp each with the blog's own time) the list is taken as newest first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

import json_repair

from monitor.model import ParsedPost, ParseResult, parse_iso
from monitor.model.posts import content_guid
from monitor.model.timeutil import impossible_iso
from monitor.sources.decoding import decode_text
from monitor.sources.errors import SourceError
from monitor.sources.htmltext import DropTally, clean_line, clean_text
from monitor.sources.microdata import BLOG_TYPE as _MICRODATA_LIVEBLOG
from monitor.sources.microdata import read_microdata_blog

KIND = "liveblog"

_JSONLD_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.I | re.S,
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle"}
_TYPED_LIVEBLOG = re.compile(
    rb"""["']?@type["']?\s*:\s*\[?\s*["'](?:https?://schema\.org/)?LiveBlogPosting["']"""
)
_HAS_TIME = re.compile(r"T\d{2}:\d{2}")
_HAS_SECONDS = re.compile(r"T\d{2}:\d{2}:\d{2}")


def sniff_liveblog(data: bytes) -> bool:
    """HTML or JSON carrying JSON-LD, or other text holding a ``"@type": "LiveBlogPosting"`` object.

    A plain-text page that merely mentions the word is left to the plain-text reader.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return b'"@context"' in data[:65536] or b'"@type"' in data[:65536]
    if head.startswith(b"<"):
        lowered = data.lower()
        return b"application/ld+json" in lowered or b"schema.org/liveblogposting" in lowered
    return bool(_TYPED_LIVEBLOG.search(data))


def _load_json(text: str) -> Any:
    """Strict JSON first; repaired JSON when that fails. Raises ValueError when neither works."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    except RecursionError:
        # Strict JSON nested past the recursion limit; repairing it would recurse as deep.
        raise ValueError("JSON nested too deeply to read") from None
    try:
        repaired = json_repair.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to repair") from None
    if repaired in ("", None, [], {}):
        raise ValueError("not JSON, and not repairable")
    return repaired


def _enclosing_object(text: str, pos: int) -> str | None:
    """The ``{…}`` literal (JavaScript or JSON) that encloses offset ``pos``, or None."""
    stack: list[int] = []
    target: int | None = None
    quote: str | None = None
    i = 0
    n = len(text)
    while i < n:
        if target is None and i >= pos:
            target = stack[-1] if stack else -1
            if target < 0:
                return None
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'`":
            quote = ch
        elif ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            start = stack.pop()
            if start == target:
                return text[start : i + 1]
        i += 1
    return None


def _json_blocks(text: str) -> Iterator[tuple[str, str]]:
    """(label, raw JSON) for every JSON-LD candidate in the document."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        yield "document", stripped
        return
    blocks = _JSONLD_SCRIPT.findall(text)
    for number, block in enumerate(blocks, 1):
        yield f"JSON-LD block {number}", block
    if blocks:
        return
    seen: set[int] = set()
    for match in re.finditer(r"LiveBlogPosting", text):
        literal = _enclosing_object(text, match.start())
        if literal and hash(literal) not in seen:
            seen.add(hash(literal))
            yield f"object at offset {match.start()}", literal


def _types(node: dict) -> set[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values}


def _nodes(value: Any) -> Iterator[dict]:
    """Every JSON object in ``value``, depth first (so @graph wrappers and lists are covered).

    Walks with a stack of its own, not recursion: a document may nest as deep as the JSON decoder
    allows, which is as deep as Python's own recursion limit.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _names(value: Any) -> str | None:
    """Author names from a Person, an Organization, a list of them or a plain string."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return ", ".join(dict.fromkeys(names)) or None


def _when(value: Any, notes: list[str]) -> tuple[datetime | None, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, None
    try:
        when = None if impossible_iso(value) else parse_iso(value.strip())
    except (ValueError, OverflowError):
        when = None
    if when is None:
        notes.append(f"date {value.strip()[:60]!r} is not a real date; kept undated")
        return None, None
    precision = "second" if _HAS_SECONDS.search(value) else "minute" if _HAS_TIME.search(value) else "date"
    return when, precision


def _text(value: Any, tally: DropTally) -> str:
    if isinstance(value, list):
        return "\n\n".join(_text(v, tally) for v in value if isinstance(v, str) and v)
    return clean_text(value, tally) if isinstance(value, str) else ""


def _update_to_post(
    node: dict, parent_title: str | None, base_url: str | None, tally: DropTally
) -> ParsedPost | None:
    title = clean_line(node.get("headline") or node.get("name"))
    if title and parent_title and title == parent_title:
        title = None  # some sites repeat the blog's headline on every update
    body = _text(node.get("articleBody") or node.get("text") or node.get("description"), tally)
    if not title and not body:
        return None
    published, precision = _when(node.get("datePublished") or node.get("dateCreated"), tally.notes)
    updated, _ = _when(node.get("dateModified"), [])
    url = node.get("url") if isinstance(node.get("url"), str) else None
    ident = node.get("@id") if isinstance(node.get("@id"), str) else None
    if not url and ident and base_url and not ident.startswith(("http:", "https:")):
        url = f"{base_url}#{ident}"
    guid = ident or url
    if not guid:
        guid = content_guid(title, body, published.isoformat() if published else "")
    return ParsedPost(
        guid=guid,
        title=title,
        byline=_names(node.get("author")),
        body=body or title or "",
        published=published,
        published_precision=precision,
        updated=updated if updated and updated != published else None,
        url=url,
    )


_PAGE_PARAGRAPH = re.compile(r"<(p|li|blockquote|h[2-4])\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
#: At most this many paragraphs of the page are indexed (a page is capped in size anyway).
_MAX_PAGE_PARAGRAPHS = 20_000
#: Paragraphs are looked up by their first this many characters.
_KEY = 24
#: Where a paragraph may start inside a run-together body: after the end of a sentence, a colon or
#: a closing quotation mark, and a space.
_PARAGRAPH_START = re.compile(r"(?<=[.!?:”\"’)])[ ]+(?=\S)")
#: "two nations.Kim": a sentence end run straight into a capitalised word.
_RUN_TOGETHER = re.compile(r"(?<=[a-z0-9%)][.!?])([”\"’]?)(?=[A-Z][a-z])")


class _PageParagraphs:
    """The paragraphs the page's own HTML gives, indexed by how they begin."""

    def __init__(self, page: str) -> None:
        self.by_key: dict[str, list[str]] = {}
        self.short: dict[str, str] = {}
        for number, match in enumerate(_PAGE_PARAGRAPH.finditer(page)):
            if number >= _MAX_PAGE_PARAGRAPHS:
                break
            raw = match.group(2).replace("\\'", "'").replace('\\"', '"').replace("\\n", "\n")
            para = clean_line(raw)
            if not para:
                continue
            if len(para) >= _KEY:
                self.by_key.setdefault(para[:_KEY], []).append(para)
            else:
                self.short[para] = para
        self.short_lengths = sorted({len(p) for p in self.short}, reverse=True)[:24]

    def __bool__(self) -> bool:
        return bool(self.by_key or self.short)

    def _paragraphs_at(self, body: str, pos: int) -> Iterator[str]:
        """The page's paragraphs that ``body`` holds at ``pos``, longest first."""
        for para in sorted(self.by_key.get(body[pos:pos + _KEY], ()), key=len, reverse=True):
            if body.startswith(para, pos):
                yield para
        for length in self.short_lengths:
            short = self.short.get(body[pos:pos + length])
            if short is not None:
                yield short

    def split(self, body: str) -> str:
        """``body`` with a paragraph break wherever one of the page's paragraphs starts or ends."""
        breaks: set[int] = set()
        starts = [0] + [m.end() for m in _PARAGRAPH_START.finditer(body)]
        at_start = set(starts)
        for pos in starts:
            for para in self._paragraphs_at(body, pos):
                end = pos + len(para)
                while end < len(body) and body[end] == " ":
                    end += 1
                if end == len(body) or end in at_start:
                    # a whole paragraph of the page, ending where a sentence does ("Live" in
                    # "Live body." is not one)
                    breaks.update((pos, end))
                    break
        breaks.discard(0)
        breaks.discard(len(body))
        if not breaks:
            return body
        pieces, last = [], 0
        for pos in sorted(breaks):
            pieces.append(body[last:pos].rstrip())
            last = pos
        pieces.append(body[last:])
        return "\n\n".join(p for p in pieces if p)


def restore_paragraphs(body: str, page: _PageParagraphs | None) -> str:
    """An update's body with the paragraph breaks its ``articleBody`` lost: from the page's own
    paragraphs when it has them, else at sentence ends run into the next capital ("nations.Kim")."""
    if "\n\n" in body:
        return body
    if page:
        split = page.split(body)
        if split != body:
            return split
    return _RUN_TOGETHER.sub(r"\1\n\n", body)


def _order(posts: list[ParsedPost]) -> list[ParsedPost]:
    """Give ``seq`` (oldest lowest): from the times when they differ, else newest-first order."""
    times = [p.published for p in posts if p.published is not None]
    oldest_first = len(set(times)) > 1 and times[0] < times[-1]
    total = len(posts)
    out = []
    for index, post in enumerate(posts):
        seq = index + 1 if oldest_first else total - index
        out.append(replace(post, seq=seq))
    return out


#: Updates that must share one time before it is taken for the page's rather than each one's.
_SHARED_TIME_MIN = 3


def _page_time_only(posts: list[ParsedPost], where: str, errors: list[str]) -> list[ParsedPost]:
    """Updates that all carry one and the same time (three or more): some sites stamp every
    update with the page's publication time, which says nothing of when each was written. The
    time is kept, but as their date only, so that no view shows eleven updates "at 17:25"."""
    times = {p.published for p in posts}
    if len(posts) < _SHARED_TIME_MIN or len(times) != 1 or None in times:
        return posts
    (when,) = times
    assert when is not None
    errors.append(f"{where}: all {len(posts)} updates carry the same time ({when.isoformat()}), "
                  "the page's rather than each update's; kept as their date only")
    return [replace(p, published_precision="date") for p in posts]


def parse_liveblog(data: bytes, where: str) -> ParseResult:
    """Read every live-blog update (or, failing that, article) in ``data``.

    Raises SourceError naming ``where`` when nothing could be read, saying why.
    """
    text = decode_text(data, where).text
    errors: list[str] = []
    documents: list[Any] = []
    for label, raw in _json_blocks(text):
        try:
            documents.append(_load_json(raw))
        except ValueError as exc:
            errors.append(f"{where}: {label} is not JSON and could not be repaired ({exc})")
    nodes = [n for doc in documents for n in _nodes(doc)]
    blogs = [n for n in nodes if "LiveBlogPosting" in _types(n)]
    posts: list[ParsedPost] = []
    seen: set[str] = set()
    tally = DropTally()
    title = link = None
    for blog in blogs:
        blog_title = clean_line(blog.get("headline") or blog.get("name"))
        title = title or blog_title
        base = blog.get("url") or blog.get("mainEntityOfPage") or blog.get("@id")
        base = base if isinstance(base, str) else None
        link = link or base
        updates = blog.get("liveBlogUpdate") or []
        updates = updates if isinstance(updates, list) else [updates]
        batch = []
        for number, update in enumerate(updates, 1):
            post = _update_to_post(update, blog_title, base, tally) if isinstance(update, dict) else None
            if post is None:
                errors.append(f"{where}: update {number} has neither headline nor text; skipped")
                continue
            if post.guid in seen:
                continue  # the same blog embedded twice on one page
            seen.add(post.guid)
            batch.append(post)
        posts.extend(_order(_page_time_only(batch, where, errors)))
    from_markup = False
    if not posts and "<" in text and _MICRODATA_LIVEBLOG.search(text):
        markup = read_microdata_blog(text, nodes, tally,
                                     lambda batch: _page_time_only(batch, where, errors))
        if markup is not None:
            posts, from_markup = markup.posts, True
            title, link = title or markup.title, link or markup.link
            errors.extend(f"{where}: {note}" for note in markup.notes)
    if not posts:
        for node in nodes:
            if _types(node) & _ARTICLE_TYPES and not blogs:
                post = _update_to_post(node, None, None, tally)
                if post is not None and post.guid not in seen:
                    seen.add(post.guid)
                    posts.append(post)
                    title = title or post.title
        posts = _order(posts)
    if not posts:
        raise SourceError(where, _nothing_found(text, documents, blogs, errors))
    if not from_markup:  # bodies read from the page's own elements have their paragraphs
        page = _PageParagraphs(text) if "<" in text else None
        posts = [replace(p, body=restore_paragraphs(p.body, page)) for p in posts]
    errors.extend(f"{where}: {note}" for note in dict.fromkeys(tally.notes))
    if left_out := tally.note(where):
        errors.append(left_out)
    return ParseResult(kind=KIND, posts=tuple(posts), title=title, link=link, errors=tuple(errors))


def _nothing_found(text: str, documents: list, blogs: list, errors: list[str]) -> str:
    if blogs:
        return "the LiveBlogPosting has no updates (liveBlogUpdate is missing or empty)"
    if _MICRODATA_LIVEBLOG.search(text):
        return (
            "declares a LiveBlogPosting only as microdata, without JSON-LD updates, and no "
            "updates could be told in its HTML (no itemprop liveBlogUpdate, and no three or more "
            "sibling elements of one shape holding a time)"
        )
    if errors and not documents:
        return "; ".join(e.split(": ", 1)[1] for e in errors)
    if not documents:
        return "no JSON-LD found (not a live-blog page)"
    return "JSON-LD has no LiveBlogPosting updates and no article"
