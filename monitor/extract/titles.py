"""Title phrases of people: which words of a position name its holder's organisation.

An appositive after a name often opens with the employer and no article: "Jane Roe, Google head
of search, said", "Charlie Bell, Microsoft Vice President of Enterprise and OS Security, said".
The capitalised words before the first title word are the organisation, the rest is the role;
read whole, the phrase would be taken for an organisation's name (or for the speaker).

The functions here read words (anything with ``word`` and ``low``, as
:class:`~monitor.extract.speakers.Tok`); :mod:`monitor.extract.quotes` calls them where it
reads the comma-separated parts before and after a cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from monitor.extract import lexicon as lx


class Word(Protocol):
    word: str
    low: str


#: How many capitalised words an employer before a title may have ("Google", "Bank of America"
#: is too long to need: "Acme Rail Freight").
_MAX_ORG_WORDS = 4


def _title_word(low: str) -> bool:
    return low in lx.TITLE_WORDS or low in lx.RANKS or low in lx.TITLE_ABBREVIATIONS


def org_before_title(words: Sequence[Word]) -> int:
    """How many words at the head of ``words`` name an organisation the title after them belongs
    to: 1 for "Google head of search", 1 for "Microsoft Vice President of …", 0 when the phrase
    does not open with capitalised non-title words followed by a title ("a spokeswoman for …",
    "Senate Minority Leader", "head of search")."""
    at = next((k for k, w in enumerate(words) if _title_word(w.low)), None)
    if not at or at > _MAX_ORG_WORDS:
        return 0
    lead = words[:at]
    if not all(w.word[:1].isupper() and w.low not in lx.DETERMINERS and w.low not in lx.HONORIFICS
               and w.low not in lx.GLUE for w in lead):
        return 0
    # The title must end in a word for a position ("head", "Vice President"), or the leading
    # words are a name and the rest something else ("Jane Doe senior" is no employer's title).
    if not any(w.low in lx.POSITION_HEADS for w in words[at:]):
        return 0
    return at


def is_org_title(words: Sequence[Word]) -> bool:
    """Is ``words`` an employer and a title with no personal name after the title words ("Google
    head of search", "Biden campaign spokesman"), as an appositive after a name is, and not
    "Google's Jane Roe" or "White House press secretary Lena Marsh" (a title before a name)?"""
    if not words or not words[0].word[:1].isupper() or _title_word(words[0].low) \
            or words[0].low in lx.DETERMINERS or words[0].low in lx.HONORIFICS:
        return False  # ("Sen. Ted Cruz": a title opening a name)
    lead = next((k for k, w in enumerate(words) if w.low in lx.POSITION_HEADS), 0)
    if not lead or lead > _MAX_ORG_WORDS + 2 or any(
            w.low in lx.GLUE or w.low in lx.DETERMINERS or not w.word.isalpha() and not w.word.endswith(
                ("'s", "’s", ".")) for w in words[:lead]):
        return False
    rest = words[lead:]
    # After the position's head only glue and what the position is over may follow: "head of
    # search", "Vice President of Enterprise and OS Security". A capitalised word right after a
    # head with no glue between is a name ("press secretary Lena Marsh").
    head = next(k for k, w in enumerate(rest) if w.low in lx.POSITION_HEADS)
    while head + 1 < len(rest) and rest[head + 1].low in lx.POSITION_HEADS:
        head += 1
    tail = rest[head + 1:]
    return not tail or tail[0].low in lx.GLUE or tail[0].low in ("and", "in", "on")
