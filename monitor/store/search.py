"""Turn what a person types into a safe FTS5 query."""

from __future__ import annotations

import re

# A quoted phrase, or a run of anything that is not white space or a quote mark.
_TOKEN = re.compile(r'"([^"]*)"?|“([^”]*)”?|([^\s"“”]+)')
_WORD = re.compile(r"\w", re.UNICODE)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """Build an FTS5 MATCH expression from free text; never raises on odd syntax.

    Quoted text stays a phrase, ``word*`` is a prefix search, an upper-case ``OR`` between two
    terms is kept; every other character that FTS5 treats as syntax is taken literally.
    Returns "" when nothing searchable is left.
    """
    parts: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(text or ""):
        phrase = match.group(1) if match.group(1) is not None else match.group(2)
        raw = match.group(3)
        if raw == "OR":
            pending_or = bool(parts)
            continue
        if phrase is not None:
            if not _WORD.search(phrase):
                continue
            term = _phrase(phrase)
        else:
            if raw in ("AND", "NOT") or not _WORD.search(raw):
                continue
            prefix = raw.endswith("*")
            core = raw.rstrip("*")
            if not _WORD.search(core):
                continue
            term = _phrase(core) + (" *" if prefix else "")
        if pending_or and parts:
            parts[-1] = f"{parts[-1]} OR {term}"
        else:
            parts.append(term)
        pending_or = False
    return " AND ".join(f"({p})" if " OR " in p else p for p in parts)
