"""Title phrases of people: which words of a position name its holder's organisation.

An appositive after a name often opens with the employer and no article: "Jane Roe, Google head
of search, said", "Charlie Bell, Microsoft Vice President of Enterprise and OS Security, said".
The capitalised words before the first title word are the organisation, the rest is the role;
read whole, the phrase would be taken for an organisation's name (or for the speaker).

A party noun after "the" ("the Texas Republican said") stands for a politician the story named
with that party's tag ("Sen. Ted Cruz, R-Texas,"), as "the senator" stands for one it called so.

The functions here read words (anything with ``word`` and ``low``, as
:class:`~monitor.extract.speakers.Tok`); :mod:`monitor.extract.quotes` calls them where it
reads the comma-separated parts before and after a cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
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
    if not lead or lead > _MAX_ORG_WORDS + 4 or any(
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


# -- party descriptions -------------------------------------------------------------------------

#: Singular nouns for a member of a US party, and the letter of the party's tag ("R-Texas").
PARTY_NOUNS: dict[str, str] = {"republican": "R", "democrat": "D", "independent": "I"}

#: Adjectives of a party before a title ("Democratic Sen.", "Senate Republican Leader"): the
#: holder's party, not the organisation whose title it is.
PARTY_ADJECTIVES = frozenset(["democratic", "republican", "democrat", "gop"])

#: How many words "the … Republican" may have before the party noun ("the Texas Republican",
#: "the New York Democrat", "the first-term Ohio Republican").
_MAX_PARTY_EPITHETS = 3


def party_member(words: Sequence[Word]) -> str | None:
    """The party noun of "Texas Republican", "Maryland Democrat", "first-term Republican" (the
    words after "the"): a description of one politician the story has named, not an
    organisation. None for anything else ("Republicans", "Republican Party")."""
    if not words or len(words) > _MAX_PARTY_EPITHETS + 1 or words[-1].low not in PARTY_NOUNS \
            or not words[-1].word[:1].isupper():
        return None
    if any(w.low in lx.GLUE or w.low in lx.DETERMINERS
           or not w.word.replace("-", "").replace(".", "").isalpha() for w in words[:-1]):
        return None
    return words[-1].low


@lru_cache(maxsize=8)
def party_tag_pattern(noun: str) -> re.Pattern[str]:
    """A name followed by the party tag of ``noun``'s party or by an appositive ending in the
    noun: "Sen. Ted Cruz, R-Texas,", "Rep. Jamie Raskin (D-Md.)" and "Rep. Jane Doe, a Michigan
    Democrat," for a later "the Texas Republican", "the Maryland Democrat"."""
    letter = PARTY_NOUNS[noun]
    return re.compile(r"((?:[A-Z][\w.’'-]*[ ]){0,4}[A-Z][\w’'-]*)(?:(?:,[ ]|[ ]\()" + letter
                      + r"-[A-Z]|,[ ](?:a|an|the)[ ](?:[\w.’'-]+[ ]){0,3}" + noun.capitalize() + r"\b)")


# -- offices ------------------------------------------------------------------------------------

#: Words right before a position's head that make it another office: "the vice president" is not
#: "the president", nor "the former president", "the deputy director" or "the prime minister".
OFFICE_MODIFIERS = frozenset(["vice", "deputy", "former", "assistant", "lieutenant", "prime", "ex"])


def office_of(role: str | None, head: str) -> str | None:
    """"vice president" for a definite "the vice president" (role "vice president", head
    "president"): the modifier and the head when the modifier makes another office; None when
    the head stands alone or after a mere description ("the president", "the 35-year-old actor")."""
    words = role.lower().split() if role else []
    if len(words) >= 2 and words[-1] == head and words[-2] in OFFICE_MODIFIERS:
        return f"{words[-2]} {head}"
    return None


def modifier_before(text: str) -> str | None:
    """The office modifier that ends ``text`` (the words before a head), if any."""
    words = text.lower().replace("-", " ").split()
    return words[-1] if words and words[-1] in OFFICE_MODIFIERS else None


def holds_office(role: str, head: str, office: str | None) -> bool:
    """Can a speaker whose (lower-case) role is ``role`` be "the <office or head>"? "Vice
    President" is "the vice president" and not "the president"; "Foreign Minister" is "the
    minister" but "Prime Minister" is not."""
    pos = role.find(head)
    while pos >= 0:
        if pos == 0 or not role[pos - 1].isalpha():
            modifier = modifier_before(role[:pos])
            if office is None and modifier is None or office is not None and modifier is not None \
                    and office == f"{modifier} {head}":
                return True
        pos = role.find(head, pos + 1)
    return False
