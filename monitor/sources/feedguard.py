"""Make feedparser survive the markup it crashes on, instead of wrapping every call in a blanket catch.

feedparser (6.0) raises, rather than reports, on a few inputs a hostile or broken feed can hold:

- a numeric character reference outside Unicode (``&#99999999;``: ValueError from ``chr``) or naming
  a surrogate (``&#xD800;``: UnicodeEncodeError) — in its lenient parser, which is the one that runs
  on any document that is not well-formed XML;
- an end tag with no start tag for an element it converts (``</width>``, ``</height>``: TypeError
  from ``int(None)``);
- GML geometry outside a ``georss:where`` (``<gml:pos>1 2</gml:pos>``: KeyError) and other broken
  GeoRSS;
- a stray end tag of other elements whose handler reads what its start tag set up
  (``</category>``: KeyError).

Every element handler is made tolerant: an element it cannot read is ignored, exactly as
feedparser ignores an element it does not know (the elements seen so far — image sizes, geometry,
categories — are ones we do not keep anyway), and the rest of the document is still read.
Character references that name no character become U+FFFD, as an HTML5 parser would make them.
Applied once, on import of :mod:`monitor.sources.feeds`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from feedparser.mixin import _FeedParserMixin

_HANDLER_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError)
_REPLACEMENT_REF = "xfffd"


def _tolerant(method: Callable) -> Callable:
    @functools.wraps(method)
    def handler(self: Any, *args: Any) -> Any:
        try:
            return method(self, *args)
        except _HANDLER_ERRORS:
            return None  # the element is ignored; feedparser's element stack is already balanced

    handler.__feedguard__ = True  # type: ignore[attr-defined]  # a mark on the function object
    return handler


def _is_character(ref: str) -> bool:
    """True when a reference body (``160``, ``xA0``) names a character UTF-8 can carry."""
    try:
        value = int(ref[1:], 16) if ref[:1] in ("x", "X") else int(ref)
    except ValueError:
        return False
    return 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF


def _guard_charref(method: Callable) -> Callable:
    @functools.wraps(method)
    def handle_charref(self: Any, ref: str) -> Any:
        return method(self, ref if _is_character(ref) else _REPLACEMENT_REF)

    handle_charref.__feedguard__ = True  # type: ignore[attr-defined]  # a mark on the function object
    return handle_charref


def harden_feedparser() -> None:
    """Patch feedparser's element and character-reference handlers once (idempotent)."""
    if getattr(_FeedParserMixin.handle_charref, "__feedguard__", False):
        return
    _FeedParserMixin.handle_charref = _guard_charref(_FeedParserMixin.handle_charref)
    # Every element handler: each assumes a well-ordered document (``_end_category`` reads what
    # ``_start_category`` set up, and raises KeyError on a stray ``</category>``).
    names = [name for name in dir(_FeedParserMixin) if name.startswith(("_start_", "_end_"))]
    for name in names:
        setattr(_FeedParserMixin, name, _tolerant(getattr(_FeedParserMixin, name)))
