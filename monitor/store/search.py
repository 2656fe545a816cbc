"""Turn what a person types into a safe full-text query: FTS5 for SQLite, tsquery for PostgreSQL.

Both engines read the same query language, parsed once (``query_terms``): quoted text is a
phrase, ``word*`` a prefix, an upper-case ``OR`` between two terms is kept, and every other
character either engine treats as syntax is taken literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A quoted phrase, or a run of anything that is not white space or a quote mark.
_TOKEN = re.compile(r'"([^"]*)"?|“([^”]*)”?|([^\s"“”]+)')
# A letter or digit: what either engine indexes (an underscore is \w but cuts words in both).
_WORD = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One phrase or word to match (a word is a phrase of one), ``prefix`` when typed ``word*``."""

    text: str
    prefix: bool = False


def query_terms(text: str) -> list[list[Term]]:
    """What a person typed as terms that must all match, each a list of alternatives (``OR``).

    Never raises on odd syntax; [] when nothing searchable is left.
    """
    groups: list[list[Term]] = []
    pending_or = False
    for match in _TOKEN.finditer(text or ""):
        phrase = match.group(1) if match.group(1) is not None else match.group(2)
        raw = match.group(3)
        if raw == "OR":
            pending_or = bool(groups)
            continue
        if phrase is not None:
            if not _WORD.search(phrase):
                continue
            term = Term(phrase)
        else:
            if raw in ("AND", "NOT") or not _WORD.search(raw):
                continue
            prefix = raw.endswith("*")
            core = raw.rstrip("*")
            if not _WORD.search(core):
                continue
            term = Term(core, prefix)
        if pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    return groups


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """Build an FTS5 MATCH expression from free text; never raises on odd syntax.

    Quoted text stays a phrase, ``word*`` is a prefix search, an upper-case ``OR`` between two
    terms is kept; every other character that FTS5 treats as syntax is taken literally.
    Returns "" when nothing searchable is left.
    """
    parts = [" OR ".join(_phrase(t.text) + (" *" if t.prefix else "") for t in group)
             for group in query_terms(text)]
    return " AND ".join(f"({p})" if " OR " in p else p for p in parts)


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _lexeme(term: Term) -> str | None:
    # A quoted tsquery operand: its words go through the configuration's dictionaries as the
    # indexed text does, and several words make a phrase (<->). Cut at anything not a letter or
    # digit, as FTS5 (and the store's search_vector) cut text, which also leaves no quote mark
    # or backslash to escape.
    words = _NOT_WORD.sub(" ", term.text).strip()
    return f"'{words}'" + (":*" if term.prefix else "") if words else None


def tsquery_text(text: str) -> str:
    """The same query as ``fts_query`` as PostgreSQL ``to_tsquery`` input; "" when nothing is left."""
    groups = [[lexeme for t in group if (lexeme := _lexeme(t))] for group in query_terms(text)]
    parts = [" | ".join(group) for group in groups if group]
    return " & ".join(f"({p})" if " | " in p else p for p in parts)


def tsquery_words(text: str) -> list[list[list[str]]]:
    """The words of ``tsquery_text(text)`` one by one, as ``to_tsquery`` inputs, in the query's
    shape: the groups that must all match, each a list of alternatives (``OR``), each the words
    of that phrase (a prefix term's words each a prefix, as ``PostStore`` counts them). A search
    judges how broad a query is by how many posts hold each word."""
    shaped = []
    for group in query_terms(text):
        terms = [[f"'{word}'" + (":*" if term.prefix else "") for word in _NOT_WORD.split(term.text) if word]
                 for term in group]
        if any(terms):
            shaped.append([t for t in terms if t])
    return shaped
