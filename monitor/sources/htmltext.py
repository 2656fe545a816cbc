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
- ``script``, ``style``, ``noscript``, ``template``, ``iframe``, ``object``, ``embed``, ``svg``,
  ``math``, ``video``, ``audio``, ``canvas``, ``form`` controls and images are dropped with
  everything inside them, so nothing remote is loaded and nothing runs when a post is shown;
- character references are decoded, white space is collapsed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is dropped.
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
        "video", "audio", "canvas", "select", "textarea", "button", "head", "title", "picture",
    }
)
# Void elements that carry no text and are simply ignored (images included: no remote loads).
_IGNORED_VOID = frozenset({"img", "source", "track", "input", "link", "meta", "base", "param", "wbr"})
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


class _TextCollector(HTMLParser):
    """Collects text runs and paragraph breaks; never resolves or loads anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._lines: list[str] = []
        self._current: list[str] = []
        self._drop_depth = 0
        self._drop_stack: list[str] = []

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._drop_depth:
            if tag in _DROP:
                self._drop_depth += 1
                self._drop_stack.append(tag)
            return
        if tag in _DROP:
            self._drop_depth = 1
            self._drop_stack = [tag]
        elif tag in _BLOCK:
            self._end_paragraph()
        elif tag == "br":
            self._end_line()
        elif tag in _CELL:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            return  # <svg/> and friends: nothing inside to drop
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._drop_depth:
            if tag in self._drop_stack:
                # Close up to the matching opener, tolerating unclosed inner elements.
                while self._drop_stack:
                    self._drop_depth -= 1
                    if self._drop_stack.pop() == tag:
                        break
                if not self._drop_stack:
                    self._drop_depth = 0
            return
        if tag in _BLOCK:
            self._end_paragraph()
        elif tag in _CELL:
            self._current.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._drop_depth:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()


def html_to_paragraphs(html: str) -> list[str]:
    """The text of ``html`` as a list of paragraphs (see the module docstring for the rules)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.paragraphs


def html_to_text(html: str) -> str:
    """The text of ``html`` as paragraphs joined by blank lines."""
    return "\n\n".join(html_to_paragraphs(html))


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains a tag or a character reference, i.e. needs :func:`html_to_text`."""
    return bool(_MARKUP_HINT.search(text))


def clean_text(text: str | None) -> str:
    """Plain text from a value that may be HTML or already text (titles, authors, bodies)."""
    if not text:
        return ""
    if looks_like_html(text):
        return html_to_text(text)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def clean_line(text: str | None) -> str | None:
    """A one-line value (headline, author) as plain text, or None when empty."""
    cleaned = _SPACES.sub(" ", clean_text(text)).strip()
    return cleaned or None
