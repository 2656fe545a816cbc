"""Untrusted HTML to clean plain-text paragraphs.

Built on the standard library's ``html.parser``: it is a tokenizer that never fetches, never runs
script and never builds a DOM, which is all we need to keep the text of a feed entry. A full
HTML5 parser (html5lib, lxml) would buy tree repair we do not use and a dependency we do not
need; a sanitiser (bleach, nh3) keeps *markup* safe, whereas we keep no markup at all.

What comes out:
- one paragraph per block element (``p``, ``div``, ``li``, headings, ``blockquote``…), separated
  by a blank line; ``br`` is a line break inside a paragraph;
- links are kept as their text (the address is dropped, so sentences and quote offsets stay
  as the reader saw them);
- ``script``, ``style``, ``noscript``, ``template``, ``iframe``, ``object``, ``svg``, ``math``,
  ``video``, ``audio``, ``canvas``, ``form`` controls and images are dropped with everything inside
  them, so nothing remote is loaded and nothing runs when a post is shown; void elements
  (``embed``, ``img``, ``source``…) have no content and drop nothing else. An unclosed container
  never swallows the rest of the document (see ``_TextCollector``), and what is dropped is counted
  (``DropTally``) so a parser can say so in its notes;
- character references are decoded, white space is collapsed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose whole content is dropped (they hold no text a reader sees, or hold code).
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "video",
        "audio", "canvas", "select", "textarea", "button", "head", "title", "picture",
    }
)
# Void elements: they never have content or an end tag, so they never open a dropped region
# (``<embed>`` once did, and took the rest of the document with it). Images included: no loads.
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    }
)
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "figure",
        "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "details",
        "summary", "center",
    }
)
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
_MARKUP_HINT = re.compile(
    r"<(?:[a-zA-Z][\w:-]*)(?:\s[^<>]*)?/?>|</[a-zA-Z][\w:-]*\s*>|&(?:#\d+|#x[0-9a-f]+|\w+);", re.I
)
# Where the text after an unclosed <script> or <style> starts again: the first block-level tag.
_BLOCK_START = re.compile(r"<(?:" + "|".join(sorted(_BLOCK - {"hr"})) + r")\b", re.I)


@dataclass
class DropTally:
    """What was left out on purpose: elements whose content is not text, and their characters."""

    elements: Counter = field(default_factory=Counter)
    chars: int = 0
    #: Other things a parser noticed while reading the same document (dates it could not believe).
    notes: list[str] = field(default_factory=list)

    def note(self, where: str) -> str | None:
        """A line for a parse result's notes, or None when nothing was left out."""
        if not self.elements:
            return None
        names = ", ".join(f"{name} ×{count}" if count > 1 else name
                          for name, count in sorted(self.elements.items()))
        return (f"{where}: left out {sum(self.elements.values())} embedded element(s) that are not "
                f"text ({names}; {self.chars:,} characters)")


class _TextCollector(HTMLParser):
    """Collects text runs and paragraph breaks; never resolves or loads anything.

    A dropped region (``_DROP``) ends at its own end tag, or at the end tag of an element that
    was open before it (``<p>a <video>b</p>`` drops only "b"). A region still open when the
    document ends was never closed: its opening tag is then taken as void and what followed it is
    read again as text, so an unclosed ``<video>`` or ``<iframe>`` cannot swallow the rest. The
    events inside a region are kept for that second reading. An unclosed ``<script>`` or
    ``<style>`` (raw text to the tokenizer) ends at the first block-level tag after it.
    """

    def __init__(self, tally: DropTally | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.tally = tally if tally is not None else DropTally()
        self._lines: list[str] = []
        self._current: list[str] = []
        self._open: list[str] = []  # elements open outside any dropped region
        self._open_names: Counter = Counter()  # the same, for constant-time membership
        self._region: list[tuple[str, int]] = []  # (tag, index of its start in _events)
        self._region_names: Counter = Counter()
        self._events: list[tuple[str, str]] = []  # what happened inside the open region
        self._void_at: frozenset[int] = frozenset()
        self._replaying_index = -1

    # A paragraph is a list of lines; a line is a list of text runs.
    def _end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self._current)).strip()
        self._current = []
        if line:
            self._lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self._lines:
            self.paragraphs.append("\n".join(self._lines))
        self._lines = []

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…`` sections; one with an unknown keyword is skipped to its ``>`` as a bogus comment.

        html.parser (before Python 3.13) raises AssertionError on ``<![CDATA2…`` and the like.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    # -- html.parser callbacks: every one becomes an event -----------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event("start", tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event("void", tag)  # <svg/>, <p/>: nothing inside to drop

    def handle_endtag(self, tag: str) -> None:
        self._event("end", tag)

    def handle_data(self, data: str) -> None:
        self._event("data", data)

    # -- events --------------------------------------------------------------------------------

    def _event(self, kind: str, value: str) -> None:
        if self._region:
            self._in_region(kind, value)
        elif kind == "start" and value in _DROP and self._replaying_index not in self._void_at:
            self._region = [(value, 0)]
            self._region_names = Counter([value])
            self._events = [(kind, value)]
        else:
            self._text_event(kind, value)

    def _in_region(self, kind: str, tag: str) -> None:
        if kind == "end" and not self._region_names[tag] and self._open_names[tag]:
            self._close_region()  # the element around the region ended: so did the region
            self._text_event(kind, tag)
            return
        self._events.append((kind, tag))
        if kind == "start" and tag in _DROP:
            self._region.append((tag, len(self._events) - 1))
            self._region_names[tag] += 1
        elif kind == "end" and self._region_names[tag]:
            while True:
                closed = self._region.pop()[0]
                self._region_names[closed] -= 1
                if closed == tag:
                    break
            if not self._region:
                self._close_region()

    def _close_region(self) -> None:
        for kind, value in self._events:
            if kind == "start" and value in _DROP:
                self.tally.elements[value] += 1
            elif kind == "data":
                self.tally.chars += len(value)
        self._region, self._events, self._region_names = [], [], Counter()

    def _text_event(self, kind: str, tag: str) -> None:
        if kind == "data":
            self._current.append(tag)
        elif kind in ("start", "void"):
            if kind == "start" and tag not in _VOID:
                self._open.append(tag)
                self._open_names[tag] += 1
            if tag in _BLOCK:
                self._end_paragraph()
            elif tag == "br":
                self._end_line()
            elif tag in _CELL:
                self._current.append(" ")
        else:
            if self._open_names[tag]:
                while True:
                    closed = self._open.pop()
                    self._open_names[closed] -= 1
                    if closed == tag:
                        break
            if tag in _BLOCK:
                self._end_paragraph()
            elif tag in _CELL:
                self._current.append(" ")

    def _reread_unclosed(self) -> None:
        """Read again, as text, what followed the openers of regions that never closed."""
        while self._region:
            events = self._events
            unclosed = frozenset(index for _, index in self._region)
            self._region, self._events, self._region_names = [], [], Counter()
            self._void_at = unclosed
            for index, (kind, value) in enumerate(events):
                if index == 0:
                    continue  # the unclosed opener itself
                self._replaying_index = index
                self._event(kind, value)
            self._void_at, self._replaying_index = frozenset(), -1

    def close(self) -> None:
        super().close()
        while self.cdata_elem is not None:  # an unclosed <script> or <style>: raw text to the end
            leftover, tag = self.rawdata, self.cdata_elem
            HTMLParser.reset(self)
            resume = _BLOCK_START.search(leftover)
            cut = resume.start() if resume else len(leftover)
            self._event("data", leftover[:cut])
            self._event("end", tag)
            self.feed(leftover[cut:])
            super().close()
        self._reread_unclosed()
        self._end_paragraph()


def html_to_paragraphs(html: str, tally: DropTally | None = None) -> list[str]:
    """The text of ``html`` as a list of paragraphs (see the module docstring for the rules).

    What is left out on purpose is counted in ``tally`` when one is given.
    """
    collector = _TextCollector(tally)
    collector.feed(html)
    collector.close()
    return collector.paragraphs


def html_to_text(html: str, tally: DropTally | None = None) -> str:
    """The text of ``html`` as paragraphs joined by blank lines."""
    return "\n\n".join(html_to_paragraphs(html, tally))


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains a tag or a character reference, i.e. needs :func:`html_to_text`."""
    return bool(_MARKUP_HINT.search(text))


def clean_text(text: str | None, tally: DropTally | None = None) -> str:
    """Plain text from a value that may be HTML or already text (titles, authors, bodies)."""
    if not text:
        return ""
    if looks_like_html(text):
        return html_to_text(text, tally)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def clean_line(text: str | None) -> str | None:
    """A one-line value (headline, author) as plain text, or None when empty."""
    cleaned = _SPACES.sub(" ", clean_text(text)).strip()
    return cleaned or None
