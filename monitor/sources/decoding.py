"""Decode untrusted bytes into text, or say why they are not text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from monitor.sources.errors import SourceError

MIB = 1024 * 1024
#: Largest document we accept (20 MiB). Anything bigger is refused before parsing.
MAX_DOCUMENT_BYTES = 20 * MIB

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (which UTF-8 cannot encode) replaced by U+FFFD."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text with the encoding it was read in and a note when that was a guess."""

    text: str
    encoding: str
    note: str | None = None


def too_large(size: int, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """The problem of a document of ``size`` bytes over ``limit``, stating the limit exactly."""
    return f"too large: {size:,} bytes is over the {limit / MIB:g} MiB limit ({limit:,} bytes)"


def check_size(data: bytes, where: str, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Refuse empty documents and documents above ``limit`` bytes."""
    if len(data) > limit:
        raise SourceError(where, too_large(len(data), limit))
    if not data.strip():
        raise SourceError(where, "empty file (nothing to read)")


# UTF-32 first: a UTF-32-LE byte-order mark starts with the UTF-16-LE one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL_ENCODING = re.compile(r"""\A(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def _wide_encoding(data: bytes) -> tuple[str, bool] | None:
    """(encoding, from a byte-order mark) for UTF-16/UTF-32 documents, else None.

    Without a mark, the pattern of zero bytes around the first ASCII character says which (the
    method of the XML specification, appendix F: ``<`` is ``3C 00 00 00`` in UTF-32-LE…).
    """
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding, True
    a, b, c, d = (data[:4] + b"\xff\xff\xff\xff")[:4]
    if a == b == c == 0 and d:
        return "utf-32-be", False
    if a and b == c == d == 0:
        return "utf-32-le", False
    if a == c == 0 and b and d:
        return "utf-16-be", False
    if b == d == 0 and a and c:
        return "utf-16-le", False
    return None


def to_utf8(data: bytes, where: str) -> bytes:
    """A UTF-16 or UTF-32 document (with or without a byte-order mark) as UTF-8; others unchanged.

    Every format sniffs and parses bytes as UTF-8-compatible text, so a wide encoding is turned
    into UTF-8 once, up front, and an XML declaration's ``encoding`` is changed to match. With a
    byte-order mark a bad code unit becomes U+FFFD; without one, the encoding is a guess and a
    document that does not decode is refused, naming the encoding.
    """
    found = _wide_encoding(data)
    if found is None:
        return data
    encoding, marked = found
    try:
        text = data.decode(encoding, errors="replace" if marked else "strict")
    except UnicodeDecodeError as exc:
        raise SourceError(where, f"looks like {encoding.upper()} but is not: {exc.reason}") from exc
    text = _XML_DECL_ENCODING.sub(r"\1\2utf-8\2", text.lstrip("\ufeff"), count=1)
    return text.encode("utf-8")


def decode_text(data: bytes, where: str) -> DecodedText:
    """Decode ``data``: a BOM wins, then strict UTF-8, then cp1252 (with a note).

    Raises SourceError for binary data (NUL bytes or control characters that text never has).
    """
    check_size(data, where)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                problem = f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
                raise SourceError(where, problem) from exc
    if b"\x00" in data[:65536]:
        raise SourceError(where, "binary file (contains NUL bytes), not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise SourceError(where, "binary file (not valid UTF-8 and full of control bytes)")
    return DecodedText(text, "cp1252", note="not valid UTF-8; decoded as cp1252")
