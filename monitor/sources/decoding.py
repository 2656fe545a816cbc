"""Decode untrusted bytes into text, or say why they are not text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from monitor.sources.errors import SourceError

#: Largest document we accept. Anything bigger is refused before parsing.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

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


def check_size(data: bytes, where: str, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Refuse empty documents and documents above ``limit`` bytes."""
    if not data.strip():
        raise SourceError(where, "empty file (nothing to read)")
    if len(data) > limit:
        raise SourceError(
            where, f"too large: {len(data) / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit"
        )


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
