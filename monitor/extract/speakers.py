"""Speaker noun phrases: find them next to a cue, split name from role, and merge aliases.

A mention is read from the words right before a cue (``Kremlin spokesman Dmitry Peskov said``),
right after it (``said Maria Zakharova, a spokeswoman for the Russian Foreign Ministry``) or after
``according to``. :class:`SpeakerBook` then turns mentions into the speakers of one story:
``Dmitry Peskov``, ``Peskov`` and ``Press Secretary Peskov`` are one person, ``He added`` is the
person of that gender quoted last (or named at the head of a sentence since), ``it`` the
organisation quoted last, ``the company`` the organisation named last, ``the director`` the
person the text introduced so; a name is shown in the fullest form the text gives it anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from monitor.extract import lexicon as lx
from monitor.extract import speaker_kinds as sk
from monitor.extract import titles
from monitor.extract.marks import sentences
from monitor.model.quotes import speaker_key

# A run of capitalised words (with name particles): where full names are found.
#: A capitalised word, or initials ("J.", "J.C.").
#: The Arabic article joined by a hyphen to a surname: "al-Assad", "el-Sisi", "as-Sadr".
_ARABIC_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ul|ud)-"
_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’-]*|" + _ARABIC_ARTICLE + r"[A-Z][\w'’-]*)"
_NAME_SEQUENCE = re.compile(
    r"(?<![\w.’'])" + _NAME_WORD + r"(?:[ ](?:(?:de|da|van|von|der|den|bin|ibn|al|el|la|le|du|del|di)[ ])*"
    + _NAME_WORD + r"){1,4}"
)
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»—–]+")
_MAX_NP_TOKENS = 14
_MAX_NAME_TOKENS = 4


class Tok:
    """A word, its lower-case form (without surrounding quote marks) and its span in the text."""

    __slots__ = ("end", "low", "start", "word")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word = word
        self.start = start
        self.end = end
        self.low = word.lower().strip("'‘’")

    def __repr__(self) -> str:
        return f"Tok({self.word!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a speaker in the text, as parsed from its words."""

    start: int
    end: int
    kind: str  # person | organisation | anonymous | pronoun | definite
    name: str
    role: str | None = None
    organisation: str | None = None
    #: "m" or "f" when an honorific or title says so ("Mr Peskov", "Queen Rania").
    gender: str | None = None


def _gender(toks: list[Tok]) -> str | None:
    """"m" or "f" from an honorific or title among ``toks``; None when they do not say."""
    for tok in toks:
        if tok.low in lx.MALE_TITLES:
            return "m"
        if tok.low in lx.FEMALE_TITLES:
            return "f"
    return None


_TRIM = frozenset(".'’‘")


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Words in text[start:end] with their offsets; trailing full stops and commas trimmed. A
    word cut by ``start`` (a window's edge inside it) is left out: "hts" is no word of "Rights"."""
    out: list[Tok] = []
    if 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        while start < end and text[start].isalnum():
            start += 1
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        s, e = match.span()
        if word[-1] not in _TRIM and word[0] not in _TRIM:
            out.append(Tok(word, s, e))  # the common case: nothing to trim
            continue
        while word and word[-1] in ".'’‘" and word.lower() not in lx.HONORIFICS \
                and word.lower() not in lx.TITLE_ABBREVIATIONS and not _initial(word):
            if word[-1] in "'’" and len(word) > 1 and word[-2] in "sS":
                break  # a plural possessive: Leaders'
            word = word[:-1]
            e -= 1
        while word and word[0] in "'‘’":
            word = word[1:]
            s += 1
        if word:
            out.append(Tok(word, s, e))
    return out


#: Dotted acronyms of places, shaped like initials but never opening a name ("U.S. Secretary of
#: State Antony Blinken" has no Mr Secretary).
_PLACE_ACRONYMS = frozenset(["u.s.", "u.k.", "u.n.", "e.u.", "d.c.", "u.a.e."])


def _initial(word: str) -> bool:
    """J. or U.S. — an initial or a dotted acronym keeps its full stop."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    return word.count(".") >= 2 and word[-1] == "." and all(
        ch.isalpha() or ch == "." for ch in word
    )


#: A surname after an Arabic article (see _ARABIC_ARTICLE).
_ARTICLE_SURNAME = re.compile(_ARABIC_ARTICLE + r"[A-Z]")


def _cap(tok: Tok) -> bool:
    ch = tok.word[0]
    return ch.isupper() or (ch.isdigit() is False and ch.isalpha() and tok.word[:2].isupper()) \
        or ch in "aeu" and "-" in tok.word[2:4] and _ARTICLE_SURNAME.match(tok.word) is not None


def possessive(tok: Tok) -> bool:
    """True for "Russia's", "leaders'", "Harris'" (the word, since ``low`` drops a final mark)."""
    return tok.low.endswith(("'s", "’s")) or tok.word.endswith(("s'", "s’"))


def base_word(tok: Tok) -> str:
    """The word without a possessive ending."""
    w = tok.word
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            return w[: -len(suffix)]
    if w.endswith(("s'", "s’")):
        return w[:-1]
    return w


def _lexical(low: str) -> bool:
    if "-" in low and low not in lx.TITLE_WORDS:
        return any(_lexical(part) for part in low.split("-") if part)
    return (
        low in lx.TITLE_WORDS or low in lx.RANKS or low in lx.HONORIFICS
        or low in lx.ORG_HEADS or low in lx.ANON_HEADS or low in lx.TITLE_ABBREVIATIONS
        or _maker(low)
    )


def _portfolio_word(low: str) -> bool:
    """A title's modifier that is no office of its own: "energy", "defense", "press", "former"
    (before "Secretary", "Minister", "spokesman"), not "General", "Justice" or "Deputy"."""
    return low in lx.TITLE_WORDS and low not in lx.POSITION_HEADS and low not in lx.RANKS \
        and low not in lx.HONORIFICS and low not in lx.TITLE_ABBREVIATIONS


def _demonym(tok: Tok) -> bool:
    """"Indonesian", "Chinese", "British": a capitalised adjective of a people, which may
    describe an office or a body ("the Indonesian search authority")."""
    word = tok.word
    return word[:1].isupper() and word[1:].islower() and word.endswith(("ian", "ese", "ish", "can", "ean"))


def _person_demonym(tok: Tok) -> bool:
    """"Malawian", "Australian", "American": a word for one person of a people (not one that
    names a body or an outlet: "the Guardian", "the Smithsonian")."""
    return _demonym(tok) and tok.word.endswith(("ian", "can", "ean")) and tok.low not in lx.OUTLET_NAMES \
        and tok.low not in lx.ORG_NAMES and tok.low not in titles.PARTY_NOUNS and not possessive(tok) \
        and tok.low not in _TITLES_OF_PAPERS and tok.low not in _DEMONYM_LOOKALIKES


def _demonym_head(head: str) -> bool:
    """Is a description's lower-case head a word for one person of a people ("malawian")?"""
    return _person_demonym(Tok(head.capitalize(), 0, len(head)))


#: The end of a relative clause's opening right before a pronoun ("in which ", "where ").
_RELATIVE_BEFORE = re.compile(r"\b(?:which|where|when|whom)\s+$")
#: A sentence's opening before a document's noun: "An internal ", "The new annual " (up to it).
_DOCUMENT_OPENING = re.compile(r"(?:^|(?<=[.!?][ ])|(?<=\n))(?:An?|The)[ ]((?:[a-z][a-z-]+[ ]){1,2})$",
                               re.MULTILINE)
#: Bodies of a state that a people's word names ("the Mexican government", "the French navy").
_STATE_BODIES = frozenset(["government", "ministry", "military", "army", "navy", "police", "embassy",
                           "authorities", "parliament", "presidency", "cabinet"])
#: Titles that name the same office in different governments ("foreign minister", "Foreign
#: Secretary").
_SISTER_TITLES = {"minister": "secretary", "secretary": "minister"}
#: A first name and a capitalised word opening a sentence ("Tom Hale quit in May").
_OPENING_FULL_NAME = re.compile(r"[\s“\"]*([A-Z][a-z]+) [A-Z]")
#: Words of a people that are also newspapers' names ("the Australian said" may be the paper).
_TITLES_OF_PAPERS = frozenset(["australian", "guardian", "smithsonian"])
#: Capitalised words with a people's ending that name a body or a place ("the Vatican said").
_DEMONYM_LOOKALIKES = frozenset(["vatican", "caribbean", "mediterranean", "pelican", "toucan"])


def _maker(low: str) -> bool:
    """"planemaker", "drugmaker", "chipmaker": a company named by what it makes (not a
    "lawmaker", "filmmaker" or "winemaker", who are people)."""
    return low.endswith("maker") and low[:-5] in _MADE_BY_COMPANIES


_MADE_BY_COMPANIES = frozenset(["plane", "car", "auto", "chip", "drug", "phone", "steel", "tire", "tyre",
                                "toy", "truck", "jet", "robot", "battery", "vaccine", "smartphone",
                                "handset", "aircraft", "ship", "computer", "pc", "engine", "appliance"])


def np_word(tok: Tok) -> bool:
    """Could this word be inside a speaker's noun phrase?"""
    return _np_word_cached(tok.word)


@lru_cache(maxsize=65536)
def _np_word_cached(word: str) -> bool:
    # The answer depends on the word alone, and news repeats its words: cache it.
    tok = Tok(word, 0, len(word))
    low = tok.low
    if _pronoun_contraction(low) or word == "who":
        return False  # "I’ve", "You're" open a quote; lower-case "who" is not the WHO
    base = base_word(tok).lower()
    if _lexical(low) or _lexical(base) or low in lx.ORG_NAMES or base in lx.ORG_NAMES:
        return True
    if _cap(tok):
        return base not in lx.NOT_NAMES or base in lx.ORG_NAMES
    # "elmo666": a user's handle; "the 37-year-old": an age as a noun; "donors": people
    return _HANDLE.fullmatch(word) is not None or _AGED.fullmatch(low) is not None or _people_plural(tok) \
        or word.islower() and low in lx.POSITION_HEADS  # ("the real estate mogul", "the host")


_CONTRACTED = frozenset(["i", "you", "we", "they", "he", "she", "it", "that", "there", "let", "who",
                         "what", "here"])


def _pronoun_contraction(low: str) -> bool:
    """"I’ve", "you're", "we'll": a pronoun run together with a verb is never a name."""
    for mark in ("'", "’"):
        at = low.find(mark)
        if at > 0:
            return low[:at] in _CONTRACTED
    return False


def _contracted_pronoun(tok: Tok) -> Mention | None:
    """"he’d", "she'll": the pronoun, as the subject of the cue after it."""
    if len(tok.low) > 6 or "'" not in tok.low and "’" not in tok.low:
        return None
    for mark in ("'", "’"):
        at = tok.low.find(mark)
        if at > 0 and tok.low[:at] in lx.PRONOUNS and tok.low[at + 1:] in ("d", "ll", "s", "ve"):
            return Mention(tok.start, tok.start + at, "pronoun", tok.low[:at])
    return None


def outside_parentheses(text: str, toks: list[Tok]) -> list[Tok]:
    """The words before the first one inside parentheses: "Michael Doherty (R-Warren)" and
    "Alison Thewliss (SNP)" are named without their party label."""
    if len(toks) < 2 or text.find("(", toks[0].end, toks[-1].start) < 0:
        return toks
    for k, tok in enumerate(toks):
        if k and text.rfind("(", toks[k - 1].end, tok.start) >= 0:
            return toks[:k]
    return toks


def strip_adverbs(toks: list[Tok]) -> list[Tok]:
    """Drop auxiliaries, adverbs and a time between a subject and its cue ("has also",
    "earlier", "Ms. Park on Tuesday said", "officials this week said")."""
    end = _strip_aux(toks, len(toks))
    if end > 2 and toks[end - 1].low in _OCCASION_HEADS:
        for width in (4, 3, 2):
            if end > width and _OCCASION_PHRASE.fullmatch(" ".join(t.low for t in toks[end - width:end])) \
                    and all(t.word.islower() for t in toks[end - width:end]):
                end = _strip_aux(toks, end - width)  # "Biden has on multiple occasions said"
                break
    for _ in range(2):  # ("Musk on X on Sunday called": a time, then where it was posted)
        time_at = end
        while time_at and _time_word(toks[time_at - 1]):
            time_at -= 1
        if time_at < end:
            lead_at = time_at
            while lead_at and toks[lead_at - 1].low in TIME_LEADS and toks[lead_at - 1].word.islower():
                lead_at -= 1
            if lead_at > 0:
                end = _strip_aux(toks, lead_at)
        platform = _platform_at_end(toks, end)
        if platform is None:
            break
        end = _strip_aux(toks, platform)
    return toks[:end]


#: Where a post is published, after its author and before the cue ("Musk on X called …").
_PLATFORMS = frozenset(["x", "twitter", "facebook", "instagram", "telegram", "tiktok", "threads",
                        "bluesky", "youtube", "linkedin", "weibo", "wechat", "reddit", "truth social"])


def _platform_at_end(toks: list[Tok], end: int) -> int | None:
    """Where "on X", "on Truth Social" starts when it ends ``toks[:end]`` after other words."""
    for width in (2, 1):
        at = end - width - 1
        if at > 0 and toks[at].low == "on" and toks[at].word.islower() \
                and " ".join(t.low for t in toks[at + 1:end]) in _PLATFORMS \
                and all(_cap(t) for t in toks[at + 1:end]):
            return at
    return None


#: The last words of such a phrase (checked first: most subjects end otherwise).
_OCCASION_HEADS = frozenset(["occasions", "times", "past", "interviews", "speeches", "remarks", "time",
                             "response", "turn"])
#: How often or when, between a subject and its cue: "on multiple occasions", "in the past".
_OCCASION_PHRASE = re.compile(r"(?:on|at|in)(?: the| that)?(?: (?:multiple|several|many|numerous|other|"
                              r"various|separate|two|three|recent|previous|past))? (?:occasions|times|past|"
                              r"interviews|speeches|remarks|time|response|turn)")
#: Words that open a time phrase: "on Tuesday", "this evening", "late on Monday", "last week".
TIME_LEADS = frozenset(["on", "this", "last", "next", "late", "early", "earlier", "in", "at",
                        "that", "each", "every"])
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _time_word(tok: Tok) -> bool:
    return tok.low in lx.TIME_WORDS and (tok.word.islower() or tok.low in _WEEKDAYS)


def _strip_aux(toks: list[Tok], end: int) -> int:
    while end and (
        toks[end - 1].low in lx.AUX_ADVERBS and toks[end - 1].word.islower()
        or (toks[end - 1].word.islower() and toks[end - 1].low.endswith("ly") and len(toks[end - 1].low) > 4
            and toks[end - 1].low not in _LY_NOUNS)
        or toks[end - 1].low in _DEGREE_WORDS and end < len(toks) and toks[end].low.endswith("ly")
        and toks[end].word.islower()
    ):
        end -= 1
    return end


#: Words of degree before an adverb: "Trump more recently has said".
_DEGREE_WORDS = frozenset(["more", "most", "very", "much", "so", "too", "less", "quite"])


#: Nouns that end in -ly like adverbs: "the family said" keeps its speaker.
_LY_NOUNS = frozenset(["family", "assembly", "rally", "supply", "monopoly", "anomaly", "ally"])


#: Adjectives before a party's member or a post ("a prominent Republican", "a veteran aide").
_PERSON_ADJECTIVES = frozenset(["prominent", "longtime", "veteran", "leading", "staunch", "vocal",
                                "wealthy", "young", "elderly", "outgoing", "incoming", "powerful",
                                "influential", "moderate", "conservative", "liberal", "top", "key"])
_ARTICLES_AND_ONE = frozenset(["a", "an", "one", "another", "the"])
#: Endings of adjectives that may stand between an employer and a post ("administrative").
_ADJECTIVE_ENDINGS = ("ive", "al", "ary", "ic", "ous", "ior", "ent")
#: Participles that qualify a post as adjectives do: "a Coast Guard commanding officer".
_POST_PARTICIPLES = frozenset(["commanding", "presiding", "ruling", "leading", "governing", "visiting",
                               "managing", "founding", "ranking", "sitting", "serving", "consulting",
                               "supervising", "investigating", "arresting", "prosecuting", "attending",
                               "treating", "reporting", "outgoing", "incoming", "acting"])


def _opens_name(toks: list[Tok], k: int) -> bool:
    """Is ``toks[k]`` a word that opens sentences ("Beyond", "Inside", "Days") written as the
    first word of a name, right before another capitalised word ("Beyond Meat", "Inside
    Edition", "Days Inn"; not "Within hours, …", "Remember during …")?"""
    tok = toks[k]
    if tok.low not in lx.OPENING_WORDS or not _cap(tok) or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.start == tok.end + 1 and _cap(nxt) and nxt.low not in lx.NOT_NAMES \
        and nxt.low not in lx.OPENING_WORDS or nxt.start == tok.end + 1 and nxt.low in lx.ORG_HEADS


#: Months that are also given names ("April Xu", "June Carter").
_MONTH_GIVEN_NAMES = frozenset(["april", "may", "june", "august"])
#: Bodies named with the place they are posted to: "Mission in Afghanistan", "Embassy in Kyiv".
_POSTED_BODIES = frozenset(["mission", "embassy", "consulate", "delegation", "office", "command",
                            "representation", "bureau"])
#: Words that end a newspaper's name after a weekday ("The Sunday Times", "Saturday Post").
_WEEKDAY_PAPERS = frozenset(["times", "telegraph", "post", "mail", "express", "herald", "star", "mirror",
                             "independent", "tribune", "observer", "nation", "standard", "sun", "world",
                             "journal", "record", "review", "business", "people"])


def _month_given_name(toks: list[Tok], k: int) -> bool:
    """Is ``toks[k]`` a month that is a given name after a trade in lower case ("journalist
    April Xu")?"""
    return toks[k].low in _MONTH_GIVEN_NAMES and k >= 1 and toks[k - 1].word.islower() \
        and (toks[k - 1].low in lx.OCCUPATION_WORDS or toks[k - 1].low in lx.TITLE_WORDS)


def _extends_back(toks: list[Tok], i: int) -> bool:
    """Does the word before ``toks[i]`` belong to the same noun phrase?"""
    prev = toks[i - 1]
    if _opens_name(toks, i - 1):
        return True  # "Beyond Meat said", "Outside magazine said"
    if _cap(prev) and _cap(toks[i]) and _month_given_name(toks, i - 1):
        return True  # "journalist April Xu": a month after a trade in lower case is a given name
    if prev.low == "in" and prev.word.islower() and i >= 2 and _cap(toks[i]) and _cap(toks[i - 2]) \
            and toks[i - 2].low in _POSTED_BODIES:
        return True  # "The U.N. Assistance Mission in Afghanistan denies": a body's name goes on
    if prev.low in _WEEKDAYS and _cap(prev) and _cap(toks[i]) and toks[i].low in _WEEKDAY_PAPERS \
            and (i < 2 or toks[i - 2].low == "the" or possessive(toks[i - 2])):
        # "The Sunday Times reported", "Zambia's Saturday Post reports": a paper's name (not "On
        # Wednesday Standard Chartered said": a time, then a company)
        return True
    if _ORDINAL.fullmatch(prev.word) and _cap(toks[i]) and i >= 2 and toks[i - 2].low == "the" \
            and not _known_first_name(toks[i].low):
        return True  # "the 14th Amendment states", "the 82nd Airborne Division said"
    if toks[i].low in lx.HONORIFICS and prev.word.islower() and prev.low not in lx.TITLE_WORDS \
            and prev.low not in lx.RANKS:
        return False  # "in his letter Mrs Thatcher said": an honorific opens the name
    if prev.low in ("a", "an", "the") and prev.word.islower() and i >= 3 and _cap(toks[i]) \
            and toks[i - 2].low in ("for", "of") and toks[i - 2].word.islower() and _cap(toks[i - 3]) \
            and base_word(toks[i - 3]).lower() in lx.ORG_HEADS:
        return True  # (inside a body's name: "Committee for a Responsible Federal Budget")
    if prev.low == "the" and i >= 3 and toks[i - 2].low in ("in", "on") and toks[i - 2].word.islower() \
            and (_cap(toks[i]) or toks[i].low in _SEATS_OF_POSTS) \
            and (base_word(toks[i - 3]).lower() in lx.POSITION_HEADS
                 or base_word(toks[i - 3]).lower().removesuffix("s") in titles.PARTY_NOUNS):
        return True  # (the article of the place, below)
    if prev.low in ("in", "on") and prev.word.islower() and i >= 2 and i + 1 < len(toks) \
            and toks[i].low == "the" and (_cap(toks[i + 1]) or toks[i + 1].low in _SEATS_OF_POSTS) \
            and (base_word(toks[i - 2]).lower() in lx.POSITION_HEADS
                 or base_word(toks[i - 2]).lower().removesuffix("s") in titles.PARTY_NOUNS):
        return True  # "the top Republican in the House", "the ranking Democrat on the committee"
    if np_word(prev) and prev.low not in lx.DETERMINERS:
        return True
    if prev.word.islower() and prev.word.isalpha() and i >= 2 and possessive(toks[i - 2]) \
            and _cap(toks[i - 2]) and toks[i].word.islower() \
            and (toks[i].low in lx.ORG_HEADS or toks[i].low in lx.POSITION_HEADS):
        return True  # "the FBI’s counterterrorism division": a body of the owner's
    if prev.word.islower() and prev.word.isalpha() and (prev.low.endswith(_ADJECTIVE_ENDINGS)
                                                        or prev.low in _POST_PARTICIPLES) \
            and i >= 2 and np_word(toks[i - 2]) and (toks[i].low in lx.POSITION_HEADS
                                                     or toks[i].low in lx.ANON_HEADS) \
            and _employer_opens(toks, i - 2):
        return True  # "a Fox News administrative assistant", "a White House senior adviser"
    if prev.word.islower() and (prev.low in _PERSON_ADJECTIVES or prev.low.endswith(_ADJECTIVE_ENDINGS)
                                and prev.word.isalpha()) \
            and i >= 2 and toks[i - 2].low in _ARTICLES_AND_ONE \
            and (base_word(toks[i]).lower() in titles.PARTY_NOUNS or toks[i].low in lx.POSITION_HEADS):
        return True  # "one prominent Republican", "a longtime Democrat"
    if prev.low in lx.GLUE and i >= 2:
        return np_word(toks[i - 2]) or toks[i - 2].low in lx.GLUE
    if prev.low == "on" and i >= 2 and _cap(toks[i]) and base_word(toks[i - 2]).lower() in lx.ORG_HEADS \
            and _cap(toks[i - 2]):
        return True  # "the Joint Committee on Intelligence and Security", "Center on Poverty"
    if prev.low == "in" and i >= 2 and _cap(toks[i]):
        head = base_word(toks[i - 2]).lower()
        return head in lx.ORG_HEADS or head in lx.ANON_HEADS or head in _BODIES_OF_PEOPLE \
            or head.removesuffix("s") in titles.PARTY_NOUNS or _full_name_ends(toks, i - 2)
    if prev.low == "from" and i >= 2 and _cap(toks[i]):
        # "the congressman from Texas", "a senator from Ohio": where the person is from belongs
        # to the phrase; the place is not the speaker; so does "Jerome Ross from Roar Magazine":
        # where a person named in full works
        head = base_word(toks[i - 2]).lower()
        return head in lx.POSITION_HEADS or head in lx.ANON_HEADS or head in titles.PARTY_NOUNS \
            or _full_name_ends(toks, i - 2) or _name_opens_phrase(toks, i - 2)
    if prev.word == "&" and i >= 2 and _cap(toks[i]) and _cap(toks[i - 2]) and not possessive(toks[i - 2]):
        # "Rosenberg Research & Associates Inc.", "Bernstein Litowitz Berger & Grossmann": one
        # company's name
        return True
    return prev.low in lx.NAME_PARTICLES and _cap_before_particles(toks, i - 1)


#: Where a post is held, after "in the" or "on the" ("the top Democrat in the state").
_SEATS_OF_POSTS = frozenset(["state", "city", "county", "chamber", "region", "party", "country",
                             "district", "committee", "panel", "legislature", "assembly", "senate",
                             "house", "council", "board", "province"])


def _full_name_ends(toks: list[Tok], j: int) -> bool:
    """Does a person's full name end at ``toks[j]`` (a known given name opening the capitalised
    run before it: "Jerome Ross", "Analyst Osama Al Sharif"), where a place or an employer after
    "in" or "from" says where they are?"""
    if j < 1 or not _cap(toks[j]) or possessive(toks[j]):
        return False
    k = j
    while k > 0 and j - k < 4 and _cap(toks[k - 1]) and not possessive(toks[k - 1]):
        k -= 1
    run = toks[k:j + 1]
    cut = _name_run(run)
    # (a title before the name says so too: "Judge Lewis Liman in Manhattan")
    return len(run) - cut >= 2 and (_known_first_name(run[cut].low)
                                    or cut > 0 and run[cut - 1].low in lx.TITLE_WORDS)


def _name_opens_phrase(toks: list[Tok], j: int) -> bool:
    """Is ``toks[:j + 1]`` two or three capitalised words that open the phrase and name no body
    ("Katya Albiter from Vivir México": a given name the lists lack, then a surname)?"""
    run = toks[:j + 1]
    return 2 <= len(run) <= 3 and all(_cap(t) and not possessive(t) and not t.word.isupper()
                                      and t.low not in lx.ORG_NAMES and not _lexical(t.low)
                                      for t in run) \
        and base_word(run[-1]).lower() not in lx.ORG_HEADS


def _employer_opens(toks: list[Tok], k: int) -> bool:
    """Does the run of capitalised words ending at ``toks[k]`` open the phrase (after an article,
    or first): "a Fox News administrative assistant", not "a letter to Biden legal experts"?"""
    while k > 0 and _cap(toks[k - 1]):
        k -= 1
    return k == 0 or toks[k - 1].low in _ARTICLES_AND_ONE


def _cap_before_particles(toks: list[Tok], k: int) -> bool:
    """Is there a capitalised word before the run of name particles ending at ``toks[k]``?"""
    while k > 0 and toks[k].low in lx.NAME_PARTICLES:
        k -= 1
    return _cap(toks[k]) and toks[k].low not in lx.NAME_PARTICLES


def _today_in_name(toks: list[Tok], j: int) -> bool:
    """"USA Today", "Psychology Today": a capitalised "Today" right after a capitalised word is
    the end of a name, not a time."""
    return toks[j].word == "Today" and j > 0 and _cap(toks[j - 1]) \
        and toks[j - 1].low not in lx.NOT_NAMES and toks[j - 1].end + 1 == toks[j].start


def _extends_forward(toks: list[Tok], i: int, j: int) -> bool:
    """Does ``toks[j]`` carry on the noun phrase that starts at ``toks[i]``?"""
    tok = toks[j]
    if np_word(tok) or _opens_name(toks, j) or _today_in_name(toks, j):
        return not (j > i and tok.low in lx.CUE_VERBS)
    if j == i or j + 1 >= len(toks):
        return False
    if tok.low in lx.GLUE:
        return np_word(toks[j + 1]) or toks[j + 1].low == "the"
    return tok.low in lx.NAME_PARTICLES and (_cap(toks[j + 1]) or toks[j + 1].low in lx.NAME_PARTICLES)


#: Capitalised words whose "'s" is a contraction, not a possessive ("Let's say", "What's said").
_CONTRACTION_HOSTS = frozenset(["let", "it", "that", "what", "here", "there", "who", "where", "how",
                                "when", "why", "he", "she", "everyone", "nobody", "everything"])


def parse_before(text: str, toks: list[Tok]) -> Mention | None:
    """The speaker whose noun phrase ends the word list ``toks`` (the words before a cue)."""
    toks = strip_adverbs(toks)  # ("Members of opposition parties have claimed": no "have" in it)
    if len(toks) >= 3 and toks[-1].low in lx.DOCUMENT_NOUNS and toks[-1].word.islower() \
            and toks[-2].low in _MONTHS | _WEEKDAYS and possessive(toks[-3]):
        # "The U.S. Energy Information Administration’s October report": whose report, read
        # without the month that dates it
        dated = parse_before(text, [*toks[:-2], toks[-1]])
        if dated is not None:
            return replace(dated, end=toks[-1].end)
    named = _name_with_he(text, toks)
    if named is not None:
        return named
    occasion = next((k for k in range(len(toks) - 2, 0, -1) if toks[k].low in _OCCASION_PARTICIPLES
                     and toks[k].word.islower()), 0)
    if occasion and toks[occasion - 1].word.islower() and toks[occasion - 1].low in lx.ANON_HEADS \
            and not any(t.low in lx.PRONOUNS or t.low in lx.AUXILIARIES or t.low in _SUBJECT_CLAUSE_WORDS
                        for t in toks[occasion + 1:]):
        # "A senior administration official briefing reporters after the trilateral said": what
        # the official was doing, and where, before the cue (the phrase opening the words, with
        # no clause of its own: not "he granted the activists speaking time after they assured
        # him", "The officials briefing room was packed when the secretary said")
        found = _before_participle(text, toks, occasion)
        if found is not None and found.kind in ("anonymous", "definite") and found.start == toks[0].start:
            return found
    mention = _regnal_name(_parse_before(text, toks))
    member = _one_of_group(text, toks, mention)
    if member is not None:
        return member
    if mention is not None and mention.kind in ("person", "organisation"):
        mention = _placed_unnamed(text, toks, mention) or mention
    if mention is not None and mention.kind in ("person", "definite", "organisation"):
        mention = _group_close_to(text, toks, mention) or mention
    if mention is not None and mention.kind == "person":
        mention = _head_before_who(text, toks, mention) or mention
    if mention is not None and mention.kind == "person":
        mention = _outlet_not_person(text, _group_serving(text, mention))
    if mention is not None and mention.kind == "person" and " " not in mention.name:
        kin = _KIN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if kin is not None and not _known_first_name(kin.group(1).lower()) \
                and not re.search(rf"\b{re.escape(kin.group(1))}[ ][A-Z]", text):
            # (not when the text writes the kin's name first: "Mattia Ahmet Minguzzi … Mattia’s
            # father, Andrea,": a first name, not the family's)
            # "Cyrus Field’s brother, Henry, wrote": the kin's surname
            mention = replace(mention, name=f"{mention.name} {kin.group(1)}",
                              role=mention.role or kin.group(2))
    if mention is not None and mention.kind == "organisation":
        # "The two unions said", "all three unions": the unions
        words = mention.name.split()
        drop = 2 if len(words) >= 3 and words[0].lower() in _BEFORE_NUMBER and _group_count(words[1]) \
            else 1 if len(words) >= 2 and _group_count(words[0]) and words[1].islower() else 0
        if drop:
            mention = replace(mention, name=" ".join(words[drop:]))
    if mention is not None and mention.kind == "anonymous":
        group = _with_year_before(text, toks, _both_sides(text, toks, mention))
        group = _with_group_before(text, toks, group)
        return _titles_off_person_and_group(text, _without_count(_person_and_group(text, toks, group)))
    if mention is None and len(toks) >= 5:
        mention = _post_for_unlisted(text, toks)
    if mention is None and len(toks) >= 3:
        mention = _group_of_something(text, toks)
    if mention is None and toks:
        mention = _organisations_plural(text, toks)
        if mention is not None and mention.kind == "anonymous":
            mention = _without_count(mention)  # "Several press freedom groups": press freedom groups
    if mention is None and len(toks) == 2 and toks[0].low in _COUNT_WORDS | _FRESH_WORDS \
            and toks[1].word.islower() and toks[1].low in lx.DOCUMENT_NOUNS and toks[1].low.endswith("s"):
        # "Various estimates say", "Recent polls show": documents of a kind, by no one named
        mention = Mention(toks[0].start, toks[1].end, "anonymous", _join(text, toks))
    if mention is None and 2 <= len(toks) <= 4 and toks[-1].low == "intelligence" and (
            toks[-2].word in _COUNTRY_ABBREVIATIONS or _demonym(toks[-2]) or toks[-2].low == "military"):
        # "U.S. intelligence concluded", "British intelligence said" (not "artificial intelligence")
        first = 1 if toks[0].low == "the" else 0
        mention = Mention(toks[first].start, toks[-1].end, "organisation", _join(text, toks[first:]))
    if mention is None and 3 <= len(toks) <= 8:
        mention = _body_and_group(text, toks)  # "the U.N. and aid groups say"
    if mention is None and len(toks) == 1 and toks[0].low in _GROUP_PRONOUNS:
        # "Some said they felt dejected", "Many say the plan is dead": part of the people the
        # story is about, named by that word
        mention = Mention(toks[0].start, toks[0].end, "anonymous", toks[0].low, gender="plural")
    return mention


#: Irregular plurals of words for people, to their singular.
_IRREGULAR_PLURALS = {"children": "child", "men": "man", "women": "woman", "people": "person"}


def _one_of_group(text: str, toks: list[Tok], mention: Mention | None) -> Mention | None:
    """"One of the children said", "one of the victims told reporters": one member of a group
    of people, named as the group's singular ("child", "victim"), as "one of the sources" is."""
    if len(toks) != 4 or toks[0].low != "one" or toks[1].low != "of" \
            or toks[2].low not in ("the", "those", "these", "his", "her", "their") \
            or not toks[3].word.islower() or not toks[3].word.isalpha():
        return None
    head = toks[3].low
    single = _IRREGULAR_PLURALS.get(head) or (_singular(head) if head.endswith("s") else None)
    if single is None or not (head in lx.ANON_HEADS or single in lx.PERSON_NOUNS
                              or single in lx.OCCUPATION_WORDS or head in _IRREGULAR_PLURALS):
        return None
    if mention is not None and mention.kind not in ("anonymous", "definite"):
        return None
    return Mention(toks[0].start, toks[3].end, "anonymous", single,
                   role=_join(text, toks), gender=None)


def _placed_unnamed(text: str, toks: list[Tok], mention: Mention) -> Mention | None:
    """"a judge in Massachusetts said", "a federal judge in Washington, D.C., said": one unnamed
    person of a kind and where they are, not a person or a body named by the place."""
    k = next((k for k, t in enumerate(toks) if t.start >= mention.start), None)
    if k is None or k < 3 or toks[k - 1].low not in ("in", "from") or not toks[k - 1].word.islower():
        return None
    head = toks[k - 2]
    if not head.word.islower() or not (head.low in lx.TITLE_WORDS or head.low in lx.OCCUPATION_WORDS
                                       or head.low in lx.POSITION_HEADS):
        return None
    det = next((j for j in range(k - 3, max(-1, k - 6), -1) if toks[j].low in ("a", "an", "another", "one")),
               None)
    if det is None or not all(t.word.islower() and t.word.isalpha() for t in toks[det + 1:k - 2]):
        return None
    return Mention(toks[det].start, mention.end, "anonymous", _join(text, toks[det:]), role=head.low)


def _group_close_to(text: str, toks: list[Tok], mention: Mention) -> Mention | None:
    """"Republicans and lobbyists close to President George W. Bush have reported": the people
    close to the one named, not that person."""
    k = next((k for k in range(1, len(toks) - 1) if toks[k].low == "close" and toks[k + 1].low == "to"
              and toks[k + 1].end <= mention.start), None)
    if k is None:
        return None
    group = parse_before(text, toks[:k])
    if group is None or group.kind != "anonymous" or group.end != toks[k - 1].end:
        return None
    return Mention(group.start, mention.end, "anonymous", " ".join(text[group.start:mention.end].split()),
                   gender="plural")


#: Two words for a news outlet's kind after its name ("Xinhua news agency"; not "press service",
#: an office's own: "Zelensky's press service said").
_OUTLET_KINDS_OF_TWO = frozenset([("news", "agency"), ("news", "service"), ("wire", "service"),
                                  ("press", "agency")])
#: Words for documents that are new ("Recent polls show").
_FRESH_WORDS = frozenset(["recent", "new", "latest", "early", "initial", "preliminary"])


def _body_and_group(text: str, toks: list[Tok]) -> Mention | None:
    """"the U.N. and aid groups", "Hamas and other militant groups": a body and a group (or
    two bodies) that speak together, each side read as a speaker of its own."""
    at = next((k for k, t in enumerate(toks) if t.low == "and"), None)
    if at is None or at == 0 or at == len(toks) - 1:
        return None
    left, right = toks[:at], toks[at + 1:]
    first, second = parse_before(text, left), parse_before(text, right)
    kinds = ("organisation", "anonymous")
    if first is None or second is None or first.kind not in kinds or second.kind not in kinds \
            or first.kind == "anonymous" and second.kind == "anonymous":
        return None
    start = first.start  # (not "But" or "the" before the first body)
    return Mention(start, toks[-1].end, "anonymous", text[start:toks[-1].end], gender="plural")


#: Words that stand for part of a group, as a speaker.
_GROUP_PRONOUNS = frozenset(["some", "many", "most", "several", "few"])


#: Plurals of the words for organisations that speak together ("the companies said").
_ORG_PLURALS = lx.word_set(
    "companies firms agencies banks airlines hospitals governments countries ministries schools "
    "networks automakers carmakers retailers insurers lenders carriers studios leagues clubs teams "
    "universities colleges utilities manufacturers publishers broadcasters platforms "
    "organizations organisations groups outlets parties")
#: Words before such a plural that belong to its phrase ("both", "the two", "several").
_PLURAL_LEADS = lx.word_set("the both two three four several many some all other these those most")


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, as far as the characters before it tell (after
    a stop and a space, a line break, or the text's start)."""
    back = pos
    while back > 0 and text[back - 1] in " \t“\"":
        back -= 1
    return pos if back == 0 or text[back - 1] in ".!?\n" else -1


#: A country's initials right before a name: "U.S. " of "the U.S. Department of …".
_COUNTRY_BEFORE = re.compile(r"(?<![\w.])(U\.S\.|U\.K\.)[ ]$")
#: Countries and unions abbreviated as they stand before a noun: "U.S. intelligence agencies".
_COUNTRY_ABBREVIATIONS = frozenset(["U.S.", "US", "U.K.", "UK", "EU", "E.U.", "UN", "U.N."])


def _organisations_plural(text: str, toks: list[Tok]) -> Mention | None:
    """"The companies said", "both countries say", "the two airlines said": organisations of
    one kind speaking together (a group, never one of them)."""
    last = toks[-1]
    if not last.word.islower() or last.low not in _ORG_PLURALS:
        return None
    k = len(toks) - 1
    while k > 0 and len(toks) - k < 4 and (toks[k - 1].low in _PLURAL_LEADS
                                          or toks[k - 1].word.islower() and toks[k - 1].word.isalpha()
                                          and toks[k - 1].low not in lx.GLUE
                                          and toks[k - 1].low not in lx.CUE_VERBS
                                          and toks[k - 1].low not in lx.PRONOUNS):
        k -= 1
    if k > 0 and toks[k - 1].low in lx.GLUE:
        return None  # ("Mothers at the hospitals said": the organisations are where they are)
    if k == 1 and toks[0].word[:1].isupper() and toks[0].word[1:].islower() and toks[0].word.isalpha() \
            and toks[0].start == _sentence_start(text, toks[0].start) and toks[0].low not in _CLAUSE_OPENERS:
        k = 0  # "Tech companies said": the capital is the sentence's (not "While payment companies")
    elif k > 0 and (toks[k - 1].word in _COUNTRY_ABBREVIATIONS or _demonym(toks[k - 1])
                    or toks[k - 1].low in _PEOPLES_BEFORE_NAMES):
        # "U.S. intelligence agencies warned", "British intelligence agencies said", "Venezuelan
        # opposition parties maintain"
        k -= 1
        if k > 1 and toks[k - 1].low == "and" and (toks[k - 2].word in _COUNTRY_ABBREVIATIONS
                                                  or _demonym(toks[k - 2])):
            k -= 2  # "the Russian and Syrian defense ministries accused"
        elif k > 0 and toks[k - 1].low == "and":
            return None  # ("The U.S. and Venezuelan opposition parties": a body and a group, below)
    elif k > 0 and toks[k - 1].word[:1].isupper() and toks[k - 1].low not in _PLURAL_LEADS \
            and toks[k - 1].low not in _CLAUSE_OPENERS:
        return None  # ("Big Tech companies" of a longer name: left to the organisation rules)
    name = text[toks[k].start:last.end]
    return Mention(toks[k].start, last.end, "anonymous", name, gender="plural")


#: Words that make a "model" a person ("a former model", "a fashion model").
#: Verbs only a person does, right after a description ("the model said", "a model told").
_SPOKEN_AFTER = re.compile(r"\s+(?:said|says|told|tells|recalled|recalls|added|adds|wrote|writes"
                           r"|explained|explains|admitted|admits)\b")
_MODEL_KINDS = frozenset(["former", "fashion", "top", "runway", "aspiring", "professional", "swimsuit",
                          "teenage", "male", "female", "catalog", "catalogue", "art", "child"])
_OWNER_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])


def _group_of_something(text: str, toks: list[Tok]) -> Mention | None:
    """"Employees of a car dealership said", "residents of the town said": a plural word for people
    and a short phrase of what they belong to, ending the words before the cue."""
    for k in range(max(0, len(toks) - 7), len(toks) - 2):
        head, prep = toks[k], toks[k + 1]
        bare = prep.low in ("of", "on", "for") and len(toks) - k - 2 <= 3 \
            and all(t.word.islower() for t in toks[k + 2:]) \
            and toks[k + 2].low not in lx.DETERMINERS  # "Backers of tariffs", "Experts on jail suicide"
        if head.low not in lx.ANON_HEADS and not (head.low.endswith("s") and _people_plural(head)) \
                or not head.low.endswith("s") \
                or prep.low not in ("of", "at", "from", "in", "with", "on", "for") \
                or not (toks[k + 2].low in _OWNER_DETERMINERS or _cap(toks[k + 2]) or bare) \
                or text[head.end:toks[-1].end].count(",") or len(toks) - k - 2 > 5 or not all(
                    t.word.replace("-", "").isalpha() and t.low not in lx.CUE_VERBS
                    and t.low not in lx.PRONOUNS for t in toks[k + 2:]):
            continue
        start = toks[k - 1] if k > 0 and toks[k - 1].low in ("the", "some", "several", "many") else head
        return Mention(start.start, toks[-1].end, "anonymous", text[head.start:toks[-1].end],
                       role=head.low)
    return None


def _post_for_unlisted(text: str, toks: list[Tok]) -> Mention | None:
    """"A spokesman for the show", "a lawyer for the band": a post held for something named by a
    lower-case noun no word list knows (the last five words: article, post, "for", article, noun)."""
    art, post, prep, det, noun = toks[-5:]
    if art.low in ("a", "an", "the") and post.low in lx.POSITION_HEADS and prep.low in ("for", "at", "with") \
            and det.low in ("the", "a", "an", "his", "her", "their", "its") and noun.word.isalpha() \
            and noun.word.islower() and (noun.low not in lx.CUE_VERBS or noun.low in lx.FINDING_CUES) \
            and not text[art.start:noun.end].count(",") and not any(
                c in text[art.start:noun.end] for c in "“”\"()"):
        return Mention(art.start, noun.end, "anonymous", text[art.start:noun.end], role=post.word)
    return None


#: Words for a body of people that may stand first in "X and security officials".
_GROUP_NOUNS = frozenset(["enforcement", "police", "military", "intelligence", "government", "staff"])


#: "who did not wish to be named because of agency policy": why a source is not named, not who.
_ANONYMITY_CLAUSE = re.compile(
    r"\s+(?:who|that)\s+(?:did not|didn['’]t|declined|asked|requested|spoke|was not|were not|wasn['’]t"
    r"|weren['’]t|is not|are not|would not|wouldn['’]t)\b(?=.*\b(?:named|identified|authori[sz]ed|"
    r"anonymity|condition)\b).*$")


#: An owner's counted group: "the Supreme Court’s three liberal justices".
_OWNED_COUNT = re.compile(r"(?:[Tt]he )?((?:[A-Z][\w.’'-]*[ ])*[A-Z][\w.-]*[’']s) (\w+) (.+)")


def _without_count(mention: Mention) -> Mention:
    """"many people", "some Indiana protesters", "Other critics": the group is named without how
    many of it speak ("people", "Indiana protesters", "critics"), as "most experts" is; and a
    source without the clause saying why it is not named ("A spokesperson who did not wish to be
    named because of agency policy" is "spokesperson")."""
    clause = _ANONYMITY_CLAUSE.search(mention.name)
    if clause is not None and clause.start() > 0:
        mention = Mention(mention.start, mention.end, mention.kind, mention.name[:clause.start()],
                          role=mention.role, organisation=mention.organisation, gender=mention.gender)
    owned = _OWNED_COUNT.match(mention.name)
    if owned is not None and _group_count(owned.group(2)):
        # "the Supreme Court’s three liberal justices": the owner's group, without the count
        mention = replace(mention, name=f"{owned.group(1)} {owned.group(3)}")
    words = mention.name.split()
    if len(words) >= 4 and words[0].lower() == "one" and words[1] == "of" \
            and words[2].lower() in ("the", "those", "these") and words[-1].endswith("s") \
            and words[-1].islower() and words[-1].isalpha():
        # "one of the sources": a source (as "one source" is)
        return Mention(mention.start, mention.end, mention.kind,
                       " ".join([*words[3:-1], _singular(words[-1])]), role=mention.role,
                       organisation=mention.organisation, gender=mention.gender)
    drop = 0
    if len(words) >= 4 and words[0].lower() == "a" and words[1].lower() in ("couple", "handful", "number") \
            and words[2].lower() == "of":
        drop = 3  # "A couple of residents"
    elif len(words) >= 3 and words[0].lower() in ("a", "an") and words[1].lower() in _ORDINALS:
        drop = 2  # "a second person briefed on the call"
    elif len(words) >= 2 and (words[0].lower() in _COUNT_WORDS or words[0].isdigit()):
        drop = 1  # "Two people briefed on the talks", "another official"
    elif len(words) >= 3 and words[0].lower() in _BEFORE_NUMBER and _group_count(words[1]):
        drop = 2  # "the two senators", "all three judges"
    elif len(words) >= 3 and words[0].lower() in ("a", "an", "the") and words[1].lower() in _UNNAMED:
        drop = 2  # "an unnamed Trump aide": whom it names, not that it does not
    elif len(words) >= 2 and words[0].lower() in _UNNAMED:
        drop = 1  # "Unnamed officials"
    if drop and words[drop][:1].isalpha() and words[drop].lower() not in lx.GLUE:
        mention = Mention(mention.start, mention.end, mention.kind, " ".join(words[drop:]), role=mention.role,
                          organisation=mention.organisation, gender=mention.gender)
    # "A government land audit in 2017", "researchers at IBM Research India in Bangalore": when
    # and in which town are not part of whom the inspector names
    tail = _WHEN_TAIL.search(mention.name)
    if tail is None:
        town = _TOWN_AFTER_PLACE.search(mention.name)
        tail = town if town is not None and " at " in mention.name[:town.start()] else None
    if tail is not None and tail.start() > 0:
        mention = replace(mention, name=mention.name[:tail.start()])
    return mention


def _medium_before_name(words: list[str]) -> int:
    """How many of ``words`` name a platform or an outlet before a name ("Twitter" of "Twitter
    West", "the Daily Mail" of "the Daily Mail Lacerda"); 0 when they do not."""
    first = 1 if words[:1] in (["the"], ["The"]) else 0
    for k in range(min(first + 3, len(words) - 1), first, -1):
        last = words[k - 1].lower()
        rest = [w.lower() for w in words[k:]]
        medium = last in lx.COMPANY_NAMES or last in lx.OUTLET_WORDS or last in lx.OUTLET_NAMES
        if medium and all(w[:1].isupper() for w in words[first:]) \
                and not any(w in lx.ORG_NAMES or w in lx.OUTLET_WORDS or w in lx.ORG_HEADS
                            or w in lx.CORPORATE_WORDS for w in rest):
            return k  # (not "NBC News", "Saudi Press Agency": the rest must read as a person's name)
    return 0


#: Where words went, right before a mention: "on ", "to ", "told ".
_PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?<!according )(?:on|to|told|with|via)[ ]$", re.IGNORECASE)


def _bare_person_name(text: str, mention: Mention) -> Mention:
    """A person's name without a title before it or the letters of a seat or an honour after it
    ("Councillor Afrasiab Anwar MBE", "Ann Lee MP", "Cllr Louise Gittins"), the role keeping
    them; at least a first name and a surname stay."""
    words = mention.name.split()
    medium = _medium_before_name(words)
    if medium and _PREPOSITION_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        # "The next day on Twitter West accused …", "Speaking to the Daily Mail Lacerda
        # claimed": where the words went, then who said them (no comma between)
        words = words[medium:]
        mention = replace(mention, kind="person", name=" ".join(words))
    role = []
    given = (mention.role or "").split()
    if len(words) >= 2 and words[-1] in _POST_NOMINALS:
        role.append(words.pop())
        if len(words) == 1 and given and given[-1][:1].isupper() and given[-1].isalpha() \
                and given[-1].lower() not in lx.TITLE_WORDS:
            # "Councillor Afrasiab | Anwar MBE": the given name was read into the title
            words.insert(0, given.pop())
            mention = replace(mention, role=" ".join(given) or None)
    elif (owner := _owner_of_person(text, mention, words)) is not None:
        # "the SDC’s Mohamad" where the text names Sinam Mohamad: the person, whoever's they are
        return replace(mention, kind="person", name=" ".join(words[1:]),
                       organisation=mention.organisation or owner)
    elif mention.kind != "person":
        return mention  # (an organisation's name keeps its words: "Mayor's Office")
    if len(words) < 2:
        return mention
    while len(words) >= 3 and words[0][:1].isupper() and (
            words[0].lower() in lx.TITLE_WORDS or words[0].lower() in _PARTY_MEMBERS) \
            and words[0].lower() not in lx.NOT_NAMES and words[0] not in _REGNAL_TITLES:
        role.insert(0, words.pop(0))  # ("Councillor …", "Democrat Nimo Ahmed")
    if len(words) >= 3 and not role and words[0].lower() in _PEOPLES_BEFORE_NAMES and _plain_name(words[1:]):
        role.append(words.pop(0))  # "Palestinian Roba Salibi": a people's word, then the name
    if not role or mention.kind != "person" and not all(w[:1].isupper() and w.isalpha() for w in words):
        return mention
    return replace(mention, kind="person", name=" ".join(words), role=mention.role or " ".join(role))


#: A people's words that may stand before a person's name as its description ("Palestinian Roba
#: Salibi", "Egyptian Samia Jaheen"): a closed list, so that no given name ("Gian Piero
#: Gasperini", "Cristian Romero") is read as one.
_PEOPLES_BEFORE_NAMES = lx.word_set(
    "afghan albanian algerian american angolan argentine argentinian armenian australian austrian "
    "azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian "
    "burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot "
    "czech danish dominican dutch ecuadorian egyptian emirati english eritrean estonian ethiopian "
    "filipino finnish french german ghanaian greek guatemalan haitian honduran hungarian icelandic "
    "indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh "
    "kenyan korean kosovar kurdish kuwaiti kyrgyz laotian latvian lebanese liberian libyan lithuanian "
    "malagasy malawian malaysian malian mexican moldovan mongolian moroccan mozambican namibian nepali "
    "nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian "
    "polish portuguese qatari romanian russian rwandan salvadoran saudi scottish senegalese serbian "
    "singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik tanzanian "
    "thai tibetan togolese trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek "
    "venezuelan vietnamese welsh yemeni zambian zimbabwean "
    "bahamian barbadian belizean bermudian grenadian guadeloupean guyanese martinican surinamese")


def _plain_name(words: list[str]) -> bool:
    """Are ``words`` a person's name and nothing else: capitalised, no title, body or common
    word among them ("Roba Salibi", "Saif Al Yazori"; not "Red Cross", "Liberties Union")?"""
    return 2 <= len(words) <= 4 and not sk.organisation_shaped(words) \
        and not words[-1].lower().endswith(_COMPANY_PLURALS) and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper()
        and (w.lower() in lx.NAME_PARTICLES or not _lexical(w.lower()))
        and w.lower() not in lx.ORG_NAMES and w.lower() not in lx.ORG_HEADS
        and w.lower() not in lx.TITLE_WORDS and w.lower() not in _BODY_NAME_WORDS for w in words)


#: Plural endings of a company's name after a people's word ("American Eagle Outfitters",
#: "Canadian Natural Resources", "Mexican Cemex Holdings"); a surname so ending keeps the word.
_COMPANY_PLURALS = ("ers", "ces", "ings", "ics", "ries", "ties", "ments", "ways", "lines", "works")
#: Words of the names of bodies that follow a people's word ("American Red Cross", "British
#: Broadcasting Corporation", "Russian Academy of Sciences"), never a person's name.
_BODY_NAME_WORDS = frozenset(["red", "cross", "crescent", "national", "civil", "express", "air", "airlines",
                              "airways", "motors", "railways", "broadcasting", "academy", "society", "news",
                              "post", "times", "heritage", "democratic", "republican", "socialist",
                              "liberal", "conservative", "medical", "central", "international", "federal",
                              "general", "royal", "state", "people's", "peoples", "workers", "open"])


def _owner_of_person(text: str, mention: Mention, words: list[str]) -> str | None:
    """The owner before a person's name in the possessive ("SDC" of "the SDC’s Mohamad"), when
    the words after it are a name (a known first name, a surname the text gives in full, or a
    surname written after a capital elsewhere after an acronym's possessive); None otherwise."""
    first = Tok(words[0], 0, len(words[0]))
    if len(words) not in (2, 3) or not possessive(first) or not words[0][:1].isupper() \
            or not all(w[:1].isupper() and w.replace("-", "").isalpha() and not _lexical(w.lower())
                       and w.lower() not in lx.CORPORATE_WORDS and w.lower() not in lx.OUTLET_WORDS
                       for w in words[1:]):
        return None
    owner = base_word(first)
    if _known_first_name(words[1].lower()) or _full_name_at(text, words[-1]) < len(text) \
            or len(words) == 2 and owner.isupper() and _after_a_capital(text, words[1], mention.start):
        return owner
    return None


def _without_epithets(mention: Mention) -> Mention:
    """An organisation's name without the words in lower case a story puts before it ("the
    non-partisan Death Penalty Information Center", "the annual Munich Security Conference"):
    they describe the body, its name is the capitalised words."""
    words = mention.name.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].islower() and words[lead].replace("-", "").isalpha() \
            and words[lead] not in lx.GLUE and words[lead] not in lx.ADVERBIAL_PREPOSITIONS \
            and words[lead] not in ("of", "with", "by", "to"):
        lead += 1  # (not "authorities in Beijing": a group and where it is)
    if not lead or not all(w[:1].isupper() or w in ("of", "for", "and", "the", "on", "in")
                           for w in words[lead:]) or not words[lead][:1].isupper():
        return mention
    return replace(mention, name=" ".join(words[lead:]))


#: A time closing a description: " in 2017", " last year", " on Monday".
_WHEN_TAIL = re.compile(r"[ ](?:in[ ](?:\d{4}|the[ ]past)|(?:last|this)[ ](?:year|week|month)"
                        r"|on[ ](?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$")
#: A town after where a group works: "… at IBM Research India in Bangalore".
_TOWN_AFTER_PLACE = re.compile(r"(?<=[a-z])[ ]in[ ][A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*)?$")


#: Words that say a source goes unnamed, and nothing of who it is.
_UNNAMED = frozenset(["unnamed", "anonymous"])
#: How many of a group speak ("many people"), dropped from the group's name.
_COUNT_WORDS = frozenset(["many", "most", "some", "several", "few", "other", "numerous", "various", "another",
                          "multiple", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "dozens", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                          "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands",
                          "scores", "countless"])
_ORDINALS = frozenset(["second", "third", "fourth", "fifth"])
#: Words for companies beside the generic ones ("the tech giants, Google and Apple").
_COMPANY_KINDS = frozenset(["giant", "grocer", "rival", "conglomerate", "automaker", "carmaker", "insurer",
                            "bank", "lender", "chipmaker", "drugmaker", "miner", "exchange"])
#: Two bodies named after a plural noun: "supermarket chains, Kroger and Albertsons".
_BODIES_NAMED_AFTER_PLURAL = re.compile(
    r"\b([A-Za-z][a-z]{2,}s),?[ ]+((?:[A-Z][\w’'&-]+[ ]+){0,2}[A-Z][\w’'&-]+[ ]+and[ ]+"
    r"(?:[A-Z][\w’'&-]+[ ]+){0,2}[A-Z][\w’'&-]+)\b(?![ ]+[A-Z])")
#: Words before a number that belong to the group's phrase ("the two", "all three", "these four").
_BEFORE_NUMBER = frozenset(["the", "all", "these", "those", "both"])


def _group_count(word: str) -> bool:
    """Is ``word`` the size of a group of more than one ("two", "12"), not "one" nor a model's
    or a year's number ("the 737 pilots")?"""
    low = word.lower()
    return low in _NUMBER_WORDS and low != "one" \
        or word.isdigit() and len(word) <= 2 and word not in ("0", "1")


def _both_sides(text: str, toks: list[Tok], mention: Mention) -> Mention:
    """"Both sides said": the two parties of a talk, "both" kept (not some of many)."""
    if mention.name.lower() != "sides":
        return mention
    k = next((i for i, t in enumerate(toks) if t.start == mention.start), None)
    if k is None or k < 1 or toks[k - 1].low != "both":
        return mention
    return Mention(toks[k - 1].start, mention.end, "anonymous", text[toks[k - 1].start:mention.end])


def _with_year_before(text: str, toks: list[Tok], mention: Mention) -> Mention:
    """"a 2014 study", "the 2020 census": the article and the year before the head belong to it."""
    k = next((i for i, t in enumerate(toks) if t.start == mention.start), None)
    if k is None or k < 2 or not toks[k - 1].word.isdigit() or toks[k - 2].low not in lx.DETERMINERS:
        return mention
    return Mention(toks[k - 2].start, mention.end, "anonymous", text[toks[k - 2].start:mention.end],
                   role=mention.role, organisation=mention.organisation)


def _with_group_before(text: str, toks: list[Tok], mention: Mention) -> Mention:
    """"Pilots and aviation experts said", "U.S. law enforcement and security officials said": a
    group joined by "and" before an unnamed group speaks with it (up to three words, a plural
    group's word or a body's last)."""
    k = next((i for i, t in enumerate(toks) if t.start == mention.start), None)
    if k is None or k < 2 or toks[k - 1].low != "and" or text[toks[k - 2].end:toks[k - 1].start].strip():
        return mention
    last = toks[k - 2]
    if last.low not in lx.ANON_HEADS and last.low not in _GROUP_NOUNS or not last.low.isalpha():
        return mention
    i = k - 2
    while i > 0 and k - 2 - i < 2 and not text[toks[i - 1].end:toks[i].start].strip() \
            and toks[i - 1].low not in lx.GLUE and toks[i - 1].low not in lx.CUE_VERBS \
            and toks[i - 1].low not in lx.PRONOUNS and toks[i - 1].low not in ("and", "or", "but") \
            and (toks[i - 1].word.isalpha() or _cap(toks[i - 1])):
        i -= 1
    if toks[i].low in lx.NOT_NAMES and toks[i].low not in lx.DETERMINERS:
        i += 1
    return Mention(toks[i].start, mention.end, "anonymous", text[toks[i].start:mention.end],
                   role=mention.role, organisation=mention.organisation)


def _titles_off_person_and_group(text: str, mention: Mention) -> Mention:
    """"Republican Gov. Eric Holcomb and leaders of the Legislature said": a named person and a
    group speak together; the person is named as anywhere else, without title or party
    ("Eric Holcomb and leaders of the Legislature")."""
    left, sep, right = mention.name.partition(" and ")
    if not sep or not right or " " not in left:
        return mention
    start = mention.start
    if not text.startswith(left, start):
        return mention  # (already named apart from the words of the text)
    left_toks = tokens(text, start, start + len(left))
    if any(t.low in _PLACE_OF_GROUP and t.word.islower() for t in left_toks):
        return mention  # ("Prosecutors in San Francisco and Los Angeles": a group in places)
    person = classify(text, left_toks)
    if person is None or person.kind != "person" or " " not in person.name or person.name == left:
        return mention
    return Mention(mention.start, mention.end, mention.kind, f"{person.name} and {right}",
                   role=mention.role, organisation=mention.organisation)


def _person_and_group(text: str, toks: list[Tok], mention: Mention) -> Mention:
    """"Gov. Eric Holcomb and legislative leaders said": a person named in full joined by "and"
    to the unnamed group that speaks with them (not the group alone)."""
    k = next((i for i, t in enumerate(toks) if t.start == mention.start), None)
    if k is None or k < 2 or toks[k - 1].low != "and" or not _cap(toks[k - 2]):
        return mention
    i = k - 2
    while i > 0 and k - 2 - i < _MAX_NP_TOKENS \
            and (_cap(toks[i - 1]) or toks[i - 1].low in lx.TITLE_ABBREVIATIONS):
        i -= 1
    person = classify(text, toks[i:k - 1])
    full = _full_name_before(text, person.name, person.start) \
        if person is not None and person.kind in ("person", "organisation") and " " not in person.name \
        and person.name[:1].isupper() else None
    if person is not None and full is not None:
        # "Holcomb and GOP legislative leaders" where the text named Eric Holcomb before
        person = replace(person, kind="person", name=full)
    if person is None or person.kind != "person" or " " not in person.name or person.end != toks[k - 2].end:
        return mention
    return Mention(person.start, mention.end, "anonymous", f"{person.name} and {mention.name}",
                   role=mention.role, organisation=mention.organisation)


#: Words for one member of a group named before ("One said …, and another said …").
_ONE_OF_THEM = frozenset(["one", "another", "the other", "one of them", "another one"])
#: The name such a mention carries until the speaker book finds the group.
_ONE_OF_THEM_NAME = "one of them"
#: A share of a group with no group named ("47 percent", "another 27 percent", "a majority").
_SHARE_ONLY = re.compile(r"(?:(?:another|a|the)[ ])?"
                         r"(?:\d[\d.,]*(?:[ ]percent|%)|\d+-percent[ ]majority|majority|minority|plurality)",
                         re.IGNORECASE)
_SHARE_OF_THEM_NAME = "a share of them"
#: Words for a share of a group before "of" ("a number of", "a 52-percent majority of").
_SHARE_NOUNS = frozenset(["number", "couple", "handful", "majority", "minority", "plurality", "group",
                          "third", "quarter", "half", "share", "percent", "dozens", "hundreds",
                          "thousands", "many", "most", "some", "several", "few", "all", "none"])


def _share_of(toks: list[Tok]) -> int:
    """Where the group starts after a share of it ("a number of GOP insiders in key early
    states", "a 52-percent majority of GOP insiders", "most of the residents"); 0 when the
    words open with no share."""
    k = 1 if toks and toks[0].low in ("a", "an", "another", "the") else 0
    if k < len(toks) and (toks[k].word[:1].isdigit() or toks[k].low.endswith("-percent")):
        k += 1  # ("a 52-percent majority", "another 27 percent")
    if k < len(toks) and toks[k].low in _SHARE_NOUNS and k + 2 < len(toks) and toks[k + 1].low == "of":
        return k + 2
    return 0


#: Endings of plural nouns for people ("donors", "followers", "lobbyists", "participants").
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ians", "ees", "eers")
#: Plurals with those endings that are things, not people.
_NOT_PEOPLE = frozenset(["others", "numbers", "orders", "borders", "powers", "papers", "letters", "matters",
                         "centers", "sectors", "factors", "monitors", "sensors", "motors", "reactors",
                         "headquarters", "waters", "layers", "filters", "towers", "markets", "documents",
                         "comments", "statements", "agreements", "governments", "departments", "events",
                         "incidents", "accidents", "payments", "elements", "arguments", "developments",
                         "moments", "investments", "parents", "talents", "contents", "components",
                         "percents", "cents", "errors", "mirrors", "colors", "colours", "doors",
                         "floors", "honors", "honours", "terrors", "horrors", "rumors", "rumours",
                         "favors", "favours", "ventures", "vectors", "indicators", "computers",
                         "servers", "users", "corners", "chambers", "members", "answers", "quarters",
                         "guarantees", "fees", "committees", "trees", "degrees", "tickets", "speakers",
                         "loudspeakers", "containers", "boosters", "chargers", "printers", "trailers"])


#: Verbs in the third person with those endings ("John Nichols remembers his colleague").
_VERBS_LIKE_PEOPLE = lx.word_set(
    "remembers considers offers delivers gathers discovers covers suffers enters wonders bothers "
    "lowers renders hovers prefers refers transfers recovers empowers triggers counters alters "
    "encounters shatters lingers wanders whispers flickers staggers shelters "
    "honors favors mirrors sponsors mentors authors monitors tutors doctors anchors "
    "insists exists resists assists persists consists lists twists enlists "
    "wants grants plants chants implants supplants "
    "presents represents prevents invents laments comments consents dissents resents repents "
    "relents augments cements documents implements supplements experiments torments rents "
    "sees agrees frees guarantees oversees foresees referees decrees")


def _people_plural(tok: Tok) -> bool:
    """A lower-case plural noun for people the lexicon does not list ("donors", "followers",
    "delegates" not, "lobbyists"): by its ending, leaving out things and verbs that end so
    ("orders", "remembers")."""
    low = tok.low
    return tok.word.islower() and tok.word.isalpha() and len(low) > 5 and low.endswith(_PEOPLE_ENDINGS) \
        and low not in _NOT_PEOPLE and low not in _VERBS_LIKE_PEOPLE and low not in lx.CUE_VERBS


def _adjectives_before(toks: list[Tok], i: int) -> int:
    """Where the phrase opening at ``toks[i]`` starts with up to three adjectives after a
    determiner, a possessive or a joining word before them ("the electoral commission", "a senior
    Turkish official", "But indigenous elders say"); ``i`` when none come before it."""
    for back in (1, 2, 3):
        j = i - back
        if j > 0 and all((t.word.islower() or _demonym(t)
                          or t.word.isupper() and t.word.isalpha()  # "and GOP legislative leaders"
                          or k == j and _cap(t) and not possessive(t) and toks[j - 1].low == "the")
                         and t.low not in lx.GLUE and not _preposition_between(toks, k)
                         and t.low not in lx.CUE_VERBS and t.low not in _CLAUSE_OPENERS
                         and (t.low not in lx.AUX_ADVERBS or t.low in _FORMER_ADVERBS and k == j
                              and toks[j - 1].low == "the")
                         for k, t in enumerate(toks[j:i], j)) \
                and (toks[j - 1].low in lx.DETERMINERS or possessive(toks[j - 1])
                     or toks[j - 1].low in _CLAUSE_JOINS and _head_is_group(toks[i:])
                     and not any(t.low in _QUANTITY_WORDS for t in toks[j:i])):
            return j  # ("But indigenous elders say": a group's adjective after a conjunction)
    return i


#: Prepositions, never among the adjectives before a head.
_PREPOSITIONS = frozenset(["by", "from", "with", "in", "on", "about", "against", "into", "over", "under",
                           "through"])


def _preposition_between(toks: list[Tok], k: int) -> bool:
    """Is ``toks[k]`` a preposition that ends the noun phrase before it ("a lawsuit with ZeniMax
    Media, which accuses …", "a blanket designed by artist Pat Pruitt, who says …")? "by" after a
    noun keeps it ("A search by police found …" is the search's, no one's words)."""
    tok = toks[k]
    return tok.low in _PREPOSITIONS and (tok.low != "by" or k > 0 and toks[k - 1].low.endswith("ed"))


def _parse_before(text: str, toks: list[Tok]) -> Mention | None:
    if 2 <= len(toks) <= 4 and _REPORTS_OF_A_KIND.fullmatch(text, toks[0].start, toks[-1].end):
        # "Media reports said", "Earlier reports said", "Local news reports say": reports the
        # text cites as such (a source, as "Reports said" is)
        return Mention(toks[0].start, toks[-1].end, "anonymous", _join(text, toks))
    toks = strip_adverbs(toks)
    opener = max((k for k, t in enumerate(toks[:-1]) if t.low in _WHERE_WORDS and t.word.islower()),
                 default=None)
    if opener is not None:
        toks = toks[opener + 1:]  # "… battleground states, where surveys show …": the surveys
        if len(toks) == 1 and toks[0].low in lx.DOCUMENT_NOUNS and toks[0].word.islower():
            return Mention(toks[0].start, toks[0].end, "anonymous", toks[0].word)
    if toks and toks[0].low in ("and", "but") and toks[0].word.islower():
        toks = toks[1:]  # ("…, and another said …")
    if " ".join(t.low for t in toks) in _ONE_OF_THEM:
        # "Two officials spoke. One said …, and another said …": one of the group before,
        # whom the speaker book names by that group
        return Mention(toks[0].start, toks[-1].end, "anonymous", _ONE_OF_THEM_NAME)
    if len(toks) == 3 and toks[0].low in _SHARE_NOUNS and toks[1].low == "of" \
            and toks[2].low in ("them", "those"):
        # "Many of them said …", "Some of those said …": a share of the group before
        return Mention(toks[0].start, toks[-1].end, "anonymous", _SHARE_OF_THEM_NAME)
    for k in range(max(0, len(toks) - 3), len(toks)):
        if _SHARE_ONLY.fullmatch(text, toks[k].start, toks[-1].end) and (
                k == 0 or any(c in text[toks[k - 1].end:toks[k].start] for c in ",:;")):
            # "47 percent said …", "…: another 43 percent said …": a share of the group before
            return Mention(toks[k].start, toks[-1].end, "anonymous", _SHARE_OF_THEM_NAME)
    share = _share_of(toks)
    if share and len(toks) > _MAX_NP_TOKENS // 2:
        # "a number of GOP insiders in key early states said": the group, read without its share
        # (which would make the phrase too long and too nested to read)
        group = _parse_before(text, toks[share:])
        if group is not None and group.kind in ("anonymous", "organisation"):
            return group
    if len(toks) >= 3 and toks[-1].low in lx.ANON_HEADS and toks[-1].low.endswith("s") \
            and toks[-1].word.islower() and toks[-2].word.islower() and toks[-2].word.isalpha() \
            and not toks[-2].low.endswith("s") and toks[-2].low not in lx.ANON_HEADS \
            and toks[-3].low in ("a", "an"):
        # "…, an action analysts say could raise prices": the people, after the thing they
        # speak of (no one thing is "an action analysts")
        return Mention(toks[-1].start, toks[-1].end, "anonymous", toks[-1].word)
    if toks and text.find(")", toks[-1].end, toks[-1].end + 2) >= 0:
        # "Michael Doherty (R-Warren) said": the label in parentheses is not the speaker
        opening = text.rfind("(", max(0, toks[-1].start - 40), toks[-1].end)
        if opening >= 0:
            toks = strip_adverbs([t for t in toks if t.end <= opening])
    if len(toks) >= 2 and toks[-1].word in ("who", "that") and np_word(toks[-2]):
        toks = toks[:-1]  # "the man who said": the relative pronoun stands for the phrase before
    if not toks or sk.coordinated_possessive(toks):
        return None  # ("Nvidia and AMD’s added frames": what they own, not who speaks)
    last = toks[-1]
    if last.low in lx.PRONOUNS:
        return Mention(last.start, last.end, "pronoun", last.low)
    kind_words = 2 if len(toks) >= 3 and (toks[-2].word, last.low) in _OUTLET_KINDS_OF_TWO \
        and _cap(toks[-3]) else 1
    if len(toks) > kind_words and last.word.islower() and _cap(toks[-1 - kind_words]) \
            and (kind_words == 2 or last.low in lx.OUTLET_KIND_WORDS):
        # "The Register-Guard newspaper reported", "China's Xinhua news agency said": the outlet,
        # named without its kind (and without the country that owns it)
        name_toks = toks[:-kind_words]
        j = len(name_toks)
        while j > 0 and _cap(name_toks[j - 1]) and not possessive(name_toks[j - 1]):
            j -= 1
        before = name_toks[j - 1] if 0 < j < len(name_toks) else None
        if before is not None and (possessive(before) or before.word.islower() and before.low not in lx.GLUE
                                   and before.low not in lx.DETERMINERS):
            name_toks = name_toks[j:]  # ("Egypt's state-run Al-Ahram newspaper": Al-Ahram)
        outlet = parse_before(text, name_toks)
        if outlet is not None and outlet.kind == "organisation" and not outlet.name.endswith(("'s", "’s")):
            return Mention(outlet.start, last.end, "organisation", outlet.name)
    contracted = _contracted_pronoun(last)
    if contracted is not None:
        return contracted  # "he’d shouted", "she'll say"
    named = _kind_then_org_name_before(text, toks)
    if named is not None:
        return named  # "whale rescue group Project Jonah said"
    if last.word.islower() and last.low in lx.DOCUMENT_NOUNS \
            and (len(toks) >= 3 or len(toks) == 2 and last.low == "order"):
        # "…, search warrant documents say": a document named by the words before it
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 4 and toks[k - 1].word.isalpha() and toks[k - 1].word.islower() \
                and toks[k - 1].low not in lx.GLUE and toks[k - 1].low not in _CLAUSE_OPENERS:
            k -= 1  # (not "although" of "…, although some estimates say")
        if k > 0 and toks[k - 1].low in _CLAUSE_OPENERS:
            return Mention(toks[k].start, last.end, "anonymous", _join(text, toks[k:]))
        if k == 1 and toks[0].low in ("the", "his", "her", "its", "their") \
                and (len(toks) >= 3 or last.low == "order"):
            # "The executive order said": the document, whose author the speaker book finds
            return Mention(toks[0].start, last.end, "anonymous", _join(text, toks))
        if k == 0 and len(toks) - k >= 3:
            return Mention(toks[0].start, last.end, "anonymous", _join(text, toks))
    pair = _coordinated_people(text, toks) or _surname_pair(text, toks) \
        or with_associates(text, toks, parse_before)
    if pair is not None:
        return pair
    anon = _anonymous_with_modifier(text, toks)
    if anon is not None:
        return anon
    relative = _relative_subject(text, toks) or _who_subject(text, toks)
    if relative is not None:
        return relative
    document = _document_with_its_matter(text, toks)
    if document is not None:
        return document
    published = _published_at(toks)
    if published is not None:
        # "The report released Thursday said", "A search warrant affidavit issued Thursday said",
        # "An affidavit filed in court said": the document, not the time or place of its issue
        document = parse_before(text, toks[:published])
        if document is not None and document.kind in ("anonymous", "definite", "organisation"):
            if published + 2 < len(toks) and toks[published + 1].low == "by" \
                    and not _READ_BY.match(f" {toks[published].low} by") and document.kind == "anonymous":
                # "a report released by Human Rights Watch on Monday": the phrase whole, whose
                # author the speaker book reads after "by"
                return Mention(document.start, toks[-1].end, "anonymous",
                               text[document.start:toks[-1].end])
            return document
    participle = _participle_at(toks)
    if participle is not None:
        # "A spokesperson for the company operating the plant said": not the plant
        found = _before_participle(text, toks, participle)
        if found is not None:
            return found
    if last.low.endswith(("'s", "’s")) and _cap(last) and base_word(last).lower() not in lx.NOT_NAMES \
            and base_word(last).lower() not in _CONTRACTION_HOSTS:
        # "Moody's said", "Trader Joe's said": a possessive right before the cue owns nothing;
        # it is a name in the possessive form, a company's
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 3 and _cap(toks[k - 1]) and not possessive(toks[k - 1]) \
                and toks[k - 1].low not in lx.DETERMINERS and toks[k - 1].low not in lx.NOT_NAMES:
            k -= 1
        return Mention(toks[k].start, last.end, "organisation", _join(text, toks[k:]))
    surname = len(toks) >= 2 and _first_name(toks[-2]) and _cap(last) and not last.word.isupper() \
        and last.low not in lx.PRONOUNS and last.low not in lx.DETERMINERS
    if not (np_word(last) or surname or _today_in_name(toks, len(toks) - 1)) \
            or last.low in lx.NAME_PARTICLES:
        return None
    i = len(toks) - 1
    while i > 0 and len(toks) - i < _MAX_NP_TOKENS:
        if _extends_back(toks, i):
            i -= 1
        else:
            break
    while i < len(toks) - 1 and toks[i].low in lx.GLUE and toks[i].low != "the":
        i += 1  # a phrase never starts with "of" or "for"
    while 0 < i < len(toks) - 1 and toks[i - 1].low in ("who", "that", "which") \
            and toks[i].word.islower() and toks[i].low.endswith("s"):
        i += 1  # "who chairs the committee", "which hosts the talks": a verb, then its object
    if i > 0 and toks[i - 1].low not in lx.DETERMINERS and any(
        base_word(t).lower() in lx.ORG_HEADS or base_word(t).lower() in lx.ANON_HEADS
        or base_word(t).lower() in lx.POSITION_HEADS for t in toks[i:]
    ):
        # "the electoral commission", "a senior Turkish official": adjectives after a determiner
        i = _adjectives_before(toks, i)
        if 0 < i <= 2 and toks[i].word.islower() and base_word(toks[i]).lower() in lx.ORG_HEADS \
                and all(t.word.isalpha() and t.word.islower() and t.low not in lx.GLUE
                        and t.low not in lx.CUE_VERBS and t.low not in _CLAUSE_OPENERS for t in toks[:i]) \
                and text[max(0, toks[0].start - 2):toks[0].start] in (", ", ""):
            # "…, weather service meteorologist Dalton Behringer said": the body's words in lower
            # case opening the clause belong to the title
            i = 0
        # "The president of the transitional council", "the president of Haiti’s interim council":
        # the post whose body the adjectives describe (not the body)
        at = i - 1 if i >= 1 and (toks[i - 1].low in ("the", "a", "an") or possessive(toks[i - 1])) else i
        if at >= 2 and toks[at - 1].low in ("of", "for") and toks[at - 1].word.islower() \
                and (base_word(toks[at - 2]).lower() in lx.POSITION_HEADS
                     or toks[at - 2].low in lx.ANON_HEADS) \
                and (toks[at - 2].word.islower() or at == 2) \
                and (at == 2 or toks[at - 3].low in lx.DETERMINERS):
            # (only a post right after its article: "the ranking member of the budget committee"
            # is read as before)
            i = at - 2
    if 0 < i < len(toks) and toks[i - 1].low not in lx.DETERMINERS and _head_is_group(toks[i:]):
        i = _group_modifiers_opening(text, toks, i)  # "Foreign policy analysts say …"
    if i > 0 and possessive(toks[i - 1]) and not toks[i].word[0].isupper():
        i -= 1  # "the EU's foreign policy chief", "the company's chief executive"
    if i > 0 and (toks[i - 1].low in lx.DETERMINERS
                  or toks[i - 1].low in ("this", "these") and toks[i - 1].word.islower()):
        i -= 1  # ("said this indictment confirms …": the phrase with its demonstrative)
        if i > 0 and toks[i - 1].low in _BEFORE_NUMBER and _group_count(toks[i].word):
            i -= 1  # "the two senators said", "all three judges": the article before the number too
        elif i > 0 and possessive(toks[i - 1]) and _cap(toks[i - 1]) and _group_count(toks[i].word):
            # "the Supreme Court’s three liberal justices said": the owner's phrase too
            i -= 1
            while i > 0 and (_cap(toks[i - 1]) and not possessive(toks[i - 1]) or toks[i - 1].low == "the"):
                i -= 1
    if i == 1 and toks[0].low in _QUANTITY_WORDS and toks[0].word.islower() \
            and _AFTER_QUOTATION.search(text, max(0, toks[0].start - 4), toks[0].start):
        i = 0  # "“No,” both men said": the count is the speaker's phrase, not the quotation's
    if i >= 2 and toks[i - 1].word.islower() and toks[i - 1].low.endswith("ing") and len(toks[i - 1].low) > 4:
        # "Lawyers representing the company said", "one of the states suing the agency said":
        # the phrase is the object of a participle; the speaker is the head before it
        found = _before_participle(text, toks, i - 1)
        if found is not None:
            return found
    if i >= 2 and toks[i].low in lx.DETERMINERS and (toks[i - 2].low, toks[i - 1].low) in _QUANTIFIERS:
        # "More than one person asked": the whole count is the source
        mention = classify(text, toks[i:])
        if mention is not None and mention.kind == "anonymous":
            return Mention(toks[i - 2].start, mention.end, "anonymous", _join(text, toks[i - 2:]),
                           role=mention.role, organisation=mention.organisation)
        return mention
    owner = _person_of(text, toks, i)
    if owner is not None:
        return owner
    if sk.after_model_number(toks, i):
        return None  # "Microsoft 365 Personal adds": part of a product's name
    placed = next((k for k in range(i + 2, len(toks) - 1)
                   if toks[k].low == "in" and _full_name_ends(toks, k - 1)), None)
    if placed is not None and all(_cap(t) for t in toks[i:placed]) \
            and all(_cap(t) for t in toks[placed + 1:]):
        # "Analyst Osama Al Sharif in Amman said": the person, where they are left out
        person = classify(text, toks[i:placed])
        if person is not None and person.kind == "person":
            return person
    return classify(text, toks[i:])


#: Words that link a sentence to the one before ("However analysts say …") or open a clause:
#: never a modifier of the group after them.
_CONNECTIVES = frozenset(["however", "meanwhile", "still", "now", "yet", "also", "instead", "moreover",
                          "furthermore", "nonetheless", "nevertheless", "indeed", "thus", "therefore",
                          "then", "later", "earlier", "so", "but", "and", "or", "plus", "besides",
                          "otherwise", "hence", "elsewhere", "there", "here", "even", "only", "again",
                          # (nor a preposition or a subordinator: "As officials have said, …")
                          "as", "like", "unlike", "with", "without", "for", "by", "from", "to", "at",
                          "in", "on", "among", "despite", "after", "before", "since", "though",
                          "although", "because", "if", "when", "while", "whether", "once", "unless",
                          "until", "not", "no", "what", "how", "why", "where", "of", "about"])


def _opener_before(text: str, pos: int) -> bool:
    """Does the sentence open right before ``pos`` with a connective, a sentence adverb or a
    time word and its comma ("Meanwhile, ", "On Tuesday, " is not one word and does not count)?"""
    match = _OPENING_WORD_COMMA.search(text, max(0, pos - 30), pos)
    if match is None:
        return False
    word = Tok(match.group(1), match.start(1), match.end(1))
    return _sentence_start(text, match.start(1)) >= 0 and (
        _sentence_adverb(word.low) or _time_word(word) or word.low in _CONNECTIVES or word.low.endswith("ly"))


#: A lower-case word, or words joined by hyphens, before a group ("now-retired", "talk").
_LOWER_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: The end of a quotation right before a place: "“…,” ", "“…?” ".
_AFTER_QUOTATION = re.compile(r"[,?!—–-][”\"’'][ ]$")
#: A capitalised word and its comma right before a place: "Meanwhile, ".
_OPENING_WORD_COMMA = re.compile(r"(?<![\w’'-])([A-Z][a-z]+),[ ]$")


def _adverb_like(tok: Tok) -> bool:
    """Is the word an adverb or a clause's opening word rather than a group's modifier ("later",
    "privately", "still", "while")?"""
    low = tok.low
    return low.endswith("ly") or low in lx.AUX_ADVERBS or low in _CLAUSE_OPENERS or low in _CONNECTIVES \
        or low in _ADVERBS_OF_TIME or _time_word(tok) or _sentence_adverb(low)


#: Adverbs of time that may stand between a quotation and its speaker ("“…,” later officials said").
_ADVERBS_OF_TIME = frozenset(["then", "now", "later", "still", "again", "once", "yet", "so", "soon", "since",
                              "already", "also", "even", "ago", "today", "yesterday", "tonight", "here",
                              "there", "however", "meanwhile", "instead", "though", "too"])


def _group_modifiers_opening(text: str, toks: list[Tok], i: int) -> int:
    """Where a plural group's phrase starts when lower-case modifiers before it open the
    sentence: "Foreign policy analysts", "Free speech advocates", "Most mainstream economists"
    (less its quantifier); not after a first name, a sentence adverb or a time word."""
    if i <= 3 and _AFTER_QUOTATION.search(text, max(0, toks[0].start - 4), toks[0].start) \
            and all(_LOWER_MODIFIER.fullmatch(t.word) and t.low not in lx.PRONOUNS and t.low not in lx.GLUE
                    and not _adverb_like(t) for t in toks[:i]):
        # "“…,” now-retired judges said", "“…,” both candidates said": every word between the
        # quotation and the cue is the speaker's (its name drops a count)
        return 0
    j = i
    while j > 0 and i - j < 3 and toks[j - 1].word.isalpha() and toks[j - 1].word[1:].islower() \
            and toks[j - 1].low not in lx.GLUE and toks[j - 1].low not in lx.CUE_VERBS \
            and toks[j - 1].low not in _CLAUSE_OPENERS and toks[j - 1].low not in lx.AUX_ADVERBS \
            and toks[j - 1].low not in lx.DETERMINERS and toks[j - 1].low not in lx.PRONOUNS:
        j -= 1
        if toks[j].word[0].isupper():
            break
    if j < i and toks[j].word.islower() and (
            _opener_before(text, toks[j].start)
            or _AFTER_QUOTATION.search(text, max(0, toks[j].start - 4), toks[j].start)
            and not any(_adverb_like(t) for t in toks[j:i])):
        # "Meanwhile, probation officers said" read from after its comma; "“…,” world leaders
        # said": the words between the quotation and the cue are the speaker's
        return j
    if j == i or not toks[j].word[0].isupper() or _sentence_start(text, toks[j].start) < 0:
        return i  # (only at the sentence's opening: "… for Biden legal experts" is no group)
    first = toks[j].low
    opener = _sentence_adverb(first) or _time_word(toks[j]) or first in _CONNECTIVES or first.endswith("ly")
    if opener and j + 1 < i and text[toks[j].end:toks[j + 1].start] == ", " \
            and not re.search(r"[,;:()—–]", text[toks[j + 1].end:toks[i].start]):
        j += 1  # "Meanwhile, probation officers said": the group after the sentence's opening word
    elif _known_first_name(first) or opener or re.search(r"[,;:()—–]", text[toks[j].end:toks[i].start]):
        return i  # ("Maria …", "Meanwhile local officials", "Today, officials": not the group's)
    while j < i and toks[j].low in _QUANTITY_WORDS:
        j += 1  # "Most mainstream economists": the group, without its share
    return j


#: Words that open a clause of place or time inside a sentence: its own subject follows.
_WHERE_WORDS = frozenset(["where", "whereas"])
_ASSOCIATE_PRONOUNS = frozenset(["his", "her", "their"])


def with_associates(text: str, toks: list[Tok],
                    parse: Callable[[str, list[Tok]], Mention | None]) -> Mention | None:
    """"Hansen and his collaborators", "Jane Roe and her lawyers": a person with the people
    around them, named as a group without the possessive ("Hansen and collaborators"). ``toks``
    must end with the associates; ``parse`` reads the person before "and"."""
    n = len(toks)
    for width in (1, 2):
        a = n - width - 2
        if a < 1 or toks[a].low != "and" or toks[a + 1].low not in _ASSOCIATE_PRONOUNS:
            continue
        group = toks[a + 2:]
        if not all(t.word.isalpha() and t.word.islower() for t in group) or not group[-1].low.endswith("s"):
            continue
        person = parse(text, toks[:a])
        if person is None or person.kind != "person":
            return None
        name = f"{person.name} and {' '.join(t.word for t in group)}"
        return Mention(person.start, toks[-1].end, "anonymous", name, role=person.role)
    return None


#: Prepositions that put a group in places ("officials in Ohio and Texas").
_PLACE_OF_GROUP = frozenset(["in", "from", "of", "at", "across"])


def _coordinated_people(text: str, toks: list[Tok]) -> Mention | None:
    """"Senators Chris Coons and Thom Tillis said": two people named in full who speak as one.
    Both sides must read as a person with a first and a last name, so that "Procter and Gamble"
    or "Smith and Wesson" stay what they were."""
    k = len(toks) - 1
    j = k
    while j > 0 and _cap(toks[j]):
        j -= 1
    if j < 2 or toks[j].low != "and" or k - j < 2:
        return None
    i = j
    while i > 0 and _cap(toks[i - 1]) and j - i < _MAX_NP_TOKENS:
        i -= 1
    if i > 0 and toks[i - 1].low in _PLACE_OF_GROUP:
        return None  # "Prosecutors in San Francisco and Los Angeles": two places, not two people
    right = classify(text, toks[j + 1:])
    left = classify(text, toks[i:j])
    if right is None or left is None or right.kind != "person" or left.kind != "person" \
            or " " not in right.name or " " not in left.name or right.role:
        return None
    role = left.role if left.role and left.role.lower() not in ("both", "neither", "either") else None
    if role is not None and not role.rsplit(None, 1)[-1].lower().endswith("s"):
        role = None  # ("President-elect Donald Trump and Masayoshi Son": the first one's title only)
    return Mention(left.start, right.end, "anonymous", f"{left.name} and {right.name}", role=role)


def _surname_pair(text: str, toks: list[Tok]) -> Mention | None:
    """"Vindman and Williams told lawmakers": two surnames the text has named in full before
    ("Alexander Vindman", "Jennifer Williams") speak together (not "Procter and Gamble", nor
    "Johnson and Johnson said" however often a Johnson was named)."""
    if len(toks) < 3 or toks[-2].low != "and":
        return None
    left, right = toks[-3], toks[-1]
    if not (_cap(left) and _cap(right)) or not left.word.isalpha() or not right.word.isalpha() \
            or left.low == right.low \
            or any(t.low in lx.NOT_NAMES or t.low in lx.ORG_NAMES for t in (left, right)):
        return None
    if text.startswith(("'s", "’s", " Co", " Inc", " &", " LLP", " LLC"), right.end):
        return None  # "Procter and Gamble's", "Smith and Wesson Inc": a firm's name
    if not all(_full_name_at(text, w) < left.start or _after_a_capital(text, w, left.start)
               for w in (left.word, right.word)) \
            and _written_together(text, left.word, right.word, max(0, left.start - _PAIR_REACH),
                                  left.start) is None:
        # ("Paul Edelstein and Lutz Kilian … Edelstein and Kilian said": named so together)
        return None
    return Mention(left.start, right.end, "anonymous", f"{left.word} and {right.word}")


def _after_a_capital(text: str, word: str, end: int) -> bool:
    """Does the text before ``end`` write ``word`` after another capitalised word, as a surname
    after a given name or a title ("JD Vance", "President Trump"), not opening a sentence?"""
    before = text[max(0, end - _PAIR_REACH):end]
    return re.search(rf"(?<![.!?\n] )\b[A-Z][\w.’'-]*[ ]{re.escape(word)}\b", before) is not None


#: Initials that stand for given names: "JD" of "JD Vance", "J.D.", "A.J.".
_GIVEN_INITIALS = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){1,3}")
#: How far back a pair of surnames looks for the two full names written together.
_PAIR_REACH = 5000
#: Three or more surnames that speak together: "Hawkins, Blankenship, and Carroll".
_SURNAME_LIST = re.compile(r"[A-Z][\w’'-]+(?:,[ ][A-Z][\w’'-]+)+,?[ ]and[ ][A-Z][\w’'-]+")
#: A capitalised word right after a name's word: " Katz" of "Israel Katz".
_NAME_WORD_AFTER = re.compile(r"[ ]([A-Z][a-z’'-]+)\b")
#: What stands between the names of such a list (kept, so that the list is written as it was).
_LIST_SEPARATOR = re.compile(r"(,[ ](?:and[ ])?|[ ]and[ ])")


def _written_together(text: str, left: str, right: str, start: int, end: int) -> tuple[str, str] | None:
    """The two full names ending in the surnames ``left`` and ``right`` that [start, end) writes
    together ("Paul Edelstein and Lutz Kilian"), if it does."""
    # (read at each place the text writes "Edelstein and ": a pattern built for every pair cost
    # more than the rest of a long text's speakers)
    middle = f" {left} and "
    pos = text.find(middle, start, end)
    while pos >= 0:
        first = _CAPITAL_WORD_BEFORE.search(text, max(start, pos - 40), pos)
        second = _WORD_THEN.match(text, pos + len(middle))
        if first is not None and second is not None and text.startswith(right, second.end()) \
                and not text[second.end() + len(right):second.end() + len(right) + 1].isalnum() \
                and second.end() + len(right) <= end:
            return (text[first.start():pos + len(left) + 1], text[second.start():second.end() + len(right)])
        pos = text.find(middle, pos + 1, end)
    return None


#: A capitalised word right before a place (its end), and one and a space at a place.
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+$")
_WORD_THEN = re.compile(r"[A-Z][\w’'-]+ ")


def _full_name_at(text: str, surname: str) -> int:
    """Where the text first gives ``surname`` a known first name ("Jennifer Williams"), or the
    text's length when it never does."""
    return _full_names_of(text).get(surname, len(text))


@lru_cache(maxsize=8)
def _first_name_pairs(text: str) -> list[tuple[int, str, str]]:
    """Where the text writes a known first name and the capitalised word after it, with both
    ("Jennifer Williams"): one pass over a text, however many surnames ask about them."""
    return [(m.start(), m.group(1), m.group(2)) for m in _FIRST_AND_NEXT.finditer(text)
            if _known_first_name(m.group(1).lower())]


@lru_cache(maxsize=8)
def _full_names_of(text: str) -> dict[str, int]:
    """Each word the text writes after a known first name, with where it first does."""
    found: dict[str, int] = {}
    for at, _, word in _first_name_pairs(text):
        found.setdefault(word, at)
        found.setdefault(base_word(Tok(word, 0, 0)), at)  # ("Williams’s")
    return found


def _full_name_before(text: str, surname: str, pos: int) -> str | None:
    """The first name and surname the text writes for ``surname`` before ``pos`` ("Eric Holcomb"
    for "Holcomb"), where ``_full_name_at`` finds them; None when it gives none there."""
    at = _full_name_at(text, surname)
    match = _FIRST_AND_NEXT.match(text, at) if at < pos else None
    return f"{match.group(1)} {base_word(Tok(match.group(2), 0, 0))}" if match else None


@lru_cache(maxsize=8)
def _first_names_before(text: str) -> dict[str, set[str]]:
    """Each word the text writes after a known first name, with those first names ("Johnson":
    {"Mike"})."""
    found: dict[str, set[str]] = {}
    for _, first, word in _first_name_pairs(text):
        found.setdefault(word, set()).add(first)
    return found


#: A capitalised word and the word after it ("Jennifer Williams").
_FIRST_AND_NEXT = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][\w’'-]*))")


def _participle_at(toks: list[Tok]) -> int | None:
    """Where a participle stands whose object ends ``toks`` ("… operating the plant"): a
    lower-case word in -ing after a noun (not after an article: "the hearing") and before a
    determiner, at most five words from the end; a participle of speaking at most eight
    ("A senior official speaking on background to reporters Thursday said")."""
    for p in range(len(toks) - 2, max(0, len(toks) - 9), -1):
        tok = toks[p]
        if tok.low in _SPEAKING_PARTICIPLES and tok.word.islower() and toks[p - 1].word.isalpha() \
                and toks[p - 1].low not in lx.DETERMINERS and toks[p - 1].low not in lx.GLUE \
                and toks[p + 1].low in _AFTER_SPEAKING:  # (not "Republican talking points")
            return p
        if p <= len(toks) - 6:
            continue
        if tok.low[-3:] == "ing" and len(tok.low) > 4 and tok.word.islower() \
                and (toks[p + 1].low in lx.DETERMINERS or _bare_object(toks[p + 1:])
                     or _bare_object(toks[p + 1:_placed_from(toks, p + 2)])  # "briefing reporters in Rio"
                     # "Journalists reporting for online media platforms say": people who do it
                     or toks[p + 1].low in _PARTICIPLE_PREPOSITIONS and toks[p - 1].low.endswith("s")
                     and (toks[p - 1].low in lx.ANON_HEADS or toks[p - 1].low in lx.OCCUPATION_WORDS
                          or _people_plural(Tok(toks[p - 1].low, 0, 0)))) \
                and toks[p - 1].low not in lx.DETERMINERS \
                and toks[p - 1].word.isalpha() and toks[p - 1].low not in lx.GLUE:
            return p
    return None


#: Reports named by their kind or their time only: "media reports", "earlier reports".
_REPORTS_OF_A_KIND = re.compile(r"(?i:(?:local|national|state|foreign|international|earlier|initial|previous|"
                                r"early|recent|unconfirmed|media|news|press)[ ]){1,3}reports")


def _document_with_its_matter(text: str, toks: list[Tok]) -> Mention | None:
    """"The initial findings of autopsies on the couple revealed …", "A review of the agency's
    records found …": a document's noun after its article, then what it is of or about, all
    the way to the cue: the document speaks (not "the couple", the last noun of its matter)."""
    if len(toks) < 4 or toks[0].low not in ("the", "a", "an") or not toks[0].word[:1].isupper():
        return None  # (only a phrase that opens its sentence: its whole reach is known)
    for k in range(1, min(4, len(toks) - 2)):
        if toks[k].low in lx.DOCUMENT_NOUNS and toks[k].word.islower() \
                and toks[k + 1].low in ("of", "on", "into", "about") \
                and all(t.word.islower() and t.word.isalpha() for t in toks[1:k]):
            return Mention(toks[0].start, toks[-1].end, "anonymous", _join(text, toks))
        if not (toks[k].word.islower() and toks[k].word.isalpha()):
            return None
    return None


#: Past participles that say how a document came out ("a report released Thursday").
_PUBLISHED = frozenset(["released", "issued", "published", "filed", "obtained", "seen", "posted",
                        "sent", "signed", "submitted", "presented", "dated", "written", "prepared",
                        "commissioned", "leaked", "unsealed", "circulated", "distributed",
                        "compiled", "produced", "delivered", "reviewed", "unveiled", "updated"])


def _published_at(toks: list[Tok]) -> int | None:
    """Where a past participle of publication follows a document's noun before the cue ("The report
    released Thursday", "an affidavit filed in court", "a statement issued by the ministry on
    Monday"), at most six words from the end."""
    for p in range(max(1, len(toks) - 7), len(toks)):
        if toks[p].low in _PUBLISHED and toks[p].word.islower() and (
                base_word(toks[p - 1]).lower() in lx.DOCUMENT_NOUNS and toks[p - 1].word.islower()
                or any(toks[k].low in lx.DOCUMENT_NOUNS and toks[k].word.islower() and toks[k + 1].low == "by"
                       for k in range(max(0, p - 6), p - 2))):
            return p  # (also "a report by Human Rights Watch released …")
    return None


_RELATIVES = frozenset(["who", "whom", "whose", "which", "that"])
#: Participles of speaking: whom and where they name is never the one who speaks.
_SPEAKING_PARTICIPLES = frozenset(["speaking", "talking", "testifying", "writing"])
#: Words that follow such a participle: "speaking to reporters", "speaking on background".
_AFTER_SPEAKING = frozenset(["to", "on", "with", "at", "in", "from", "before", "after", "during", "about",
                             "for", "outside", "privately", "anonymously"])
#: Prepositions a participle of people's work takes: "reporting for", "working in", "living near".
_PARTICIPLE_PREPOSITIONS = frozenset(["for", "in", "at", "on", "with", "near", "inside", "outside"])


def _placed_from(toks: list[Tok], start: int) -> int:
    """Where a closing "in Rio", "at the White House" starts from ``start`` on (len(toks) when
    the words do not end on such a place)."""
    for q in range(start, len(toks) - 1):
        if toks[q].low in ("in", "at", "near") and all(_cap(t) or t.low == "the" for t in toks[q + 1:]):
            return q
    return len(toks)


def _bare_object(toks: list[Tok]) -> bool:
    """"inter-Korean affairs", "public housing": a short object without an article, all lower
    case, ending in a plural or mass noun (not a preposition, an adverb or a name)."""
    return 1 <= len(toks) <= 3 and all(t.word[:1].islower() and t.low not in lx.GLUE
                                       and t.low not in lx.ADVERBIAL_PREPOSITIONS
                                       and t.low not in _PARTICIPLE_PREPOSITIONS and t.low not in _RELATIVES
                                       and not t.low.endswith("ly") for t in toks)


def _head_before_who(text: str, toks: list[Tok], named: Mention) -> Mention | None:
    """"A woman who was raped … by Jeffrey Epstein has revealed": a name that ends a "who"
    clause after a description, as its object, is not the speaker; the description is."""
    at = next((k for k, t in enumerate(toks) if t.start == named.start), None)
    if at is None or at < 3 or toks[at - 1].low not in _OBJECT_PREPOSITIONS:
        return None
    for r in range(at - 2, max(0, at - 20), -1):
        if toks[r].low != "who":
            continue
        if not toks[r - 1].word.isalpha() or not toks[r - 1].word.islower() \
                or text[toks[r - 1].end:toks[r].start] != " ":
            return None
        head = _parse_before(text, toks[:r])
        return head if head is not None and head.kind in ("anonymous", "definite") else None
    return None


#: Prepositions whose object a name may be inside a relative clause ("who was attacked by …").
_OBJECT_PREPOSITIONS = frozenset(["by", "with", "to", "for", "from", "against", "of", "about"])


def _relative_subject(text: str, toks: list[Tok]) -> Mention | None:
    """"A spokesman for the committee that oversees the election said": the phrase before the
    relative clause, with the clause, is the speaker (not "the election")."""
    for r in range(len(toks) - 2, max(0, len(toks) - 7), -1):
        if toks[r].low not in ("that", "which") or not toks[r - 1].word.islower() \
                or not (toks[r + 1].low.endswith(("s", "ed")) and toks[r + 1].word.islower()):
            continue
        head = parse_before(text, toks[:r])
        if head is None or head.kind == "pronoun":
            return None
        if head.kind == "person":
            return head
        phrase = _join(text, [t for t in toks if t.start >= head.start])
        return Mention(head.start, toks[-1].end, "anonymous", phrase, role=head.role,
                       organisation=head.organisation)
    return None


def _who_subject(text: str, toks: list[Tok]) -> Mention | None:
    """"Ben Pollock and others who spoke with VOA said", "Analysts who spoke with VOA said",
    "Refugees who have been waiting in Pakistan told VOA": the people before a "who" clause
    that ends right before the cue speak, not the outlet, place or person the clause ends on
    (the clause only says where they spoke or who they are). The clause opens with a verb of
    talking, a past form, or an auxiliary and two words more."""
    for r in range(len(toks) - 2, max(0, len(toks) - 16), -1):
        after = toks[r + 1]
        if toks[r].word != "who" or not after.word.islower() \
                or not (after.low in _WHO_VERBS or after.low.endswith("ed") or after.low in lx.AUXILIARIES
                        and len(toks) - r > 3):
            # ("Refugees who have been waiting in Pakistan told VOA": who is waiting, not where)
            continue
        head = parse_before(text, toks[:r])
        if head is None or head.kind == "pronoun" or head.end != toks[r - 1].end:
            return None
        return head
    return None


#: Verbs a "who" clause of people who talked opens with: "who spoke with VOA".
_WHO_VERBS = frozenset(["spoke", "speak", "speaks", "talked", "talk", "talks", "met", "meet", "meets",
                        "told", "wrote", "sat"])


def _before_participle(text: str, toks: list[Tok], p: int) -> Mention | None:
    """The speaker before a participle whose object ends the words before a cue ("Lawyers
    representing the company", "The attorney general of one of the states suing the agency"):
    the head before the participle with its whole phrase, not the participle's object."""
    head = parse_before(text, toks[:p])
    if head is not None and head.kind == "person" and " " not in head.name \
            and (head.name.lower() in lx.ANON_HEADS or _people_plural(Tok(head.name.lower(), 0, 0))):
        head = replace(head, kind="anonymous")  # ("Journalists" opening a sentence: people, no name)
    if head is not None and head.kind in ("anonymous", "definite") and toks[p].low in _OCCASION_PARTICIPLES:
        return head  # "A senior official briefing reporters in Rio told VOA": what they were doing
    if head is not None and head.kind in ("anonymous", "definite", "organisation"):
        return Mention(head.start, toks[-1].end, "anonymous", _join(text, [t for t in toks
                                                                           if t.start >= head.start]))
    if head is not None and head.kind == "person":
        return head
    j = p - 1  # "one of the states": a plain noun phrase, no known head word
    while j > 0 and p - 1 - j < 9 and (toks[j - 1].low in lx.DETERMINERS or toks[j - 1].low in ("of", "for")
                                       or toks[j - 1].word.islower() and toks[j - 1].low not in
                                       lx.AUX_ADVERBS and toks[j - 1].low not in lx.CUE_VERBS
                                       or j == 1 and _lexical(toks[0].low)):
        j -= 1
    # "The attorney general of one of the states suing the agency", "A lawyer for one of the
    # families suing the city", "Parents of children attending the school": the phrase runs
    # from its first determiner (or a source word opening the sentence) to the cue
    while j < p - 1 and toks[j].low not in lx.DETERMINERS and not (j == 0 and _lexical(toks[0].low)):
        j += 1
    if head is None and toks[p - 1].word.isalpha() and toks[p - 1].low.endswith("s") \
            and (toks[j].low in lx.DETERMINERS or j == 0 and _lexical(toks[0].low)):
        return Mention(toks[j].start, toks[-1].end, "anonymous", _join(text, toks[j:]))
    return None


#: Words that open a clause of its own inside a subject's words ("… when the secretary said").
_SUBJECT_CLAUSE_WORDS = frozenset(["when", "while", "because", "although", "though", "whereas", "if",
                                   "unless"])
#: Participles of what a source was doing when it spoke, not of who it is ("an official
#: briefing reporters", unlike "lawyers representing the company").
_OCCASION_PARTICIPLES = frozenset(["briefing", "speaking", "addressing", "traveling", "travelling",
                                   "testifying", "appearing"])
#: Adverbs that, right after "the", date a role: "the then prime minister" is who held it then.
_FORMER_ADVERBS = frozenset(["then"])


def _person_of(text: str, toks: list[Tok], i: int) -> Mention | None:
    """"The father of one of the victims said", "a friend of Jane Doe said": the phrase before
    "of" names a person ("father", "friend", "spokesman"), who speaks, not what follows "of"."""
    k = i
    while k >= 2 and toks[k - 1].low == "of":
        head = toks[k - 2]
        if head.low == "one":
            k -= 2  # "one of the victims"
            continue
        if not head.word.islower() or not (head.low in lx.OCCUPATION_WORDS or head.low in lx.ANON_HEADS
                                           or head.low in _KIN_WORDS):
            return None
        j = k - 2
        while j > 0 and (toks[j - 1].word.islower() and toks[j - 1].low not in lx.GLUE
                         and toks[j - 1].low not in lx.CUE_VERBS and toks[j - 1].low not in lx.AUX_ADVERBS
                         and toks[j - 1].low not in lx.DETERMINERS) and k - 2 - j < 2:
            j -= 1  # "a close friend of"
        if j > 0 and (toks[j - 1].low in lx.DETERMINERS or possessive(toks[j - 1])):
            j -= 1
        return Mention(toks[j].start, toks[-1].end, "anonymous", _join(text, toks[j:]),
                       role=head.low)
    return None


#: Words for a relation to someone: "the father of one of the victims".
_KIN_WORDS = lx.word_set("friend friends relative relatives cousin uncle aunt niece nephew parent parents "
                         "fiancé fiancée partner colleague colleagues classmate classmates family")


#: Kin who share a surname as a rule (not a wife or a mother, who may keep another).
_BLOOD_KIN = lx.word_set("brother sister son daughter father grandson granddaughter twin")
#: Before a first name in an appositive: whose kin it is ("Cyrus Field’s brother, ").
_KIN_BEFORE = re.compile(r"\b([A-Z][\w-]+)['’]s[ ](" + "|".join(sorted(_BLOOD_KIN)) + r"),[ ]$")

_QUANTIFIERS = frozenset([("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least")])


def parse_after(text: str, toks: list[Tok]) -> Mention | None:
    """The speaker whose noun phrase opens the word list ``toks`` (the words after a cue)."""
    mention = _regnal_name(_parse_after(text, toks))
    if mention is None:
        mention = _owner_s_described_person(text, toks)
    if mention is not None and mention.kind == "person" and " " in mention.name \
            and (suffix := _SUFFIX_AFTER_COMMA.match(text, mention.end)) is not None:
        # "said Elliott L. Ferguson, II, president and CEO of Destination DC": the name's suffix
        mention = replace(mention, name=f"{mention.name} {suffix.group(1)}", end=suffix.end(1))
    if mention is not None and mention.kind == "organisation":
        mention = _employee_after_body(text, toks, mention) or _source_of_body(text, toks, mention) or mention
        mention = _without_addressee(text, mention)
    if mention is not None and mention.kind == "person":
        return _outlet_not_person(text, _group_serving(text, mention))
    if mention is not None and mention.kind == "anonymous" and _clause_not_speaker(toks, mention):
        return None
    if mention is not None and mention.kind == "anonymous":
        return _without_count(mention)  # "according to two people familiar with …", as before a cue
    return mention


#: A generation's suffix set off by a comma after a full name (", II,", ", Jr.,").
_SUFFIX_AFTER_COMMA = re.compile(r",[ ](Jr\.|Sr\.|II|III|IV)(?=[,.;]|$)")


def _capitalised_run_end(toks: list[Tok], k: int) -> int:
    """Where the run of capitalised words from ``toks[k]`` ends (before a possessive)."""
    while k < len(toks) and _cap(toks[k]) and not possessive(toks[k]):
        k += 1
    return k


def _owner_s_described_person(text: str, toks: list[Tok]) -> Mention | None:
    """"writes Huber's longtime tag team partner Erick Rowan on Instagram": after a cue, a
    capitalised possessive, up to four words in lower case for what the person is to the owner,
    then the person's full name."""
    if len(toks) < 4 or not possessive(toks[0]) or not _cap(toks[0]):
        return None
    k = 1
    while k < len(toks) and k <= 5 and toks[k].word.islower() and toks[k].word.isalpha():
        k += 1
    end = _capitalised_run_end(toks, k)
    if k == 1 or k > 5 or end - k < 2:
        return None
    person = parse_before(text, toks[:end])
    if person is None or person.kind != "person" or person.start != toks[0].start or " " not in person.name:
        return None
    return person


def _without_addressee(text: str, mention: Mention) -> Mention:
    """"said the Chinese Embassy to VOA Mandarin": the body, without the outlet it spoke to."""
    at = mention.name.find(" to ")
    if at < 0:
        return mention
    after = mention.name[at + 4:].split()
    if not after or after[0].lower() not in lx.OUTLET_NAMES and after[0].lower() not in lx.AUDIENCES:
        return mention
    cut = text.find(" to ", mention.start, mention.end)
    return replace(mention, name=mention.name[:at], end=cut if cut >= 0 else mention.end)


def _source_of_body(text: str, toks: list[Tok], body: Mention) -> Mention | None:
    """"said the first administration official", "said the second administration official": a
    body's word then an unnamed source's head in lower case is the source, not the body."""
    k = next((k for k, t in enumerate(toks) if t.start >= body.end), None)
    if k is None or not toks[k].word.islower() or toks[k].low not in lx.ANON_HEADS \
            or text[body.end:toks[k].start] != " " or toks[k].low in lx.DOCUMENT_NOUNS:
        return None
    first = 1 if toks[0].low in ("the", "a", "an") else 0
    return Mention(toks[0].start, toks[k].end, "anonymous", _join(text, toks[first:k + 1]),
                   role=toks[k].low, organisation=body.name)


def _employee_after_body(text: str, toks: list[Tok], body: Mention) -> Mention | None:
    """"said Vanderbilt University vaccine expert Dr. William Schaffner": after a cue, a body's
    name, up to three words in lower case ending in a post or an occupation, then a person's
    full name: the person, of that body."""
    k = next((k for k, t in enumerate(toks) if t.start >= body.end), None)
    if k is None:
        return None
    j = k
    while j < len(toks) and j - k < 3 and toks[j].word.islower() and toks[j].word.isalpha():
        j += 1
    if j == k or j >= len(toks) or not _cap(toks[j]) or not (
            toks[j - 1].low in lx.OCCUPATION_WORDS or toks[j - 1].low in lx.POSITION_HEADS):
        return None
    person = classify(text, toks[j:_capitalised_run_end(toks, j)])
    if person is None or person.kind != "person" or " " not in person.name:
        return None
    return Mention(toks[0].start, person.end, "person", person.name,
                   role=_join(text, toks[k:j]), organisation=body.name, gender=person.gender)


def _clause_not_speaker(toks: list[Tok], mention: Mention) -> bool:
    """"…, says the predator treated his victims like dolls": a phrase after a cue whose verb in
    -ed takes an object and then goes on in lower case is a reported clause, not a speaker
    modified by a participle ("said a man representing the family.")."""
    inside = [t for t in toks if mention.start <= t.start and t.end <= mention.end]
    after = [t for t in toks if t.start >= mention.end]
    return any(t.low.endswith("ed") and t.word.islower() and 0 < k < len(inside) - 1
               and inside[k + 1].low in _OBJECT_DETERMINERS for k, t in enumerate(inside)) \
        and bool(after) and after[0].word.isalpha() and after[0].word.islower() \
        and after[0].low not in lx.ADVERBIAL_PREPOSITIONS and after[0].low not in ("and", "who", "which")


#: Words that open a verb's object: "treated his victims", "attacked the town".
_OBJECT_DETERMINERS = frozenset(["his", "her", "their", "its", "the", "a", "an", "our", "my", "your"])


#: Titles that are part of the name of one who goes by a given name alone ("Pope Francis",
#: "King Charles III", "Prince Harry").
_REGNAL_TITLES = frozenset(["Pope", "King", "Queen", "Prince", "Princess", "Emperor", "Empress"])
_REGNAL_NUMBER = re.compile(r"[IVX]+")


def _regnal_name(mention: Mention | None) -> Mention | None:
    """"Pope Francis", "King Charles III": with a given name alone (and its number), the title
    is part of how the person is named; "Crown Prince Mohammed bin Salman" keeps his name."""
    if mention is None or mention.role not in _REGNAL_TITLES \
            or mention.kind not in ("person", "organisation"):
        return mention
    words = mention.name.split()
    if not words or len(words) > 2 or len(words) == 2 and not _REGNAL_NUMBER.fullmatch(words[1]):
        return mention
    female = mention.role in ("Queen", "Princess", "Empress")
    return replace(mention, kind="person", name=f"{mention.role} {mention.name}", role=None,
                   gender=mention.gender or ("f" if female else "m"))


def _outlet_not_person(text: str, mention: Mention) -> Mention:
    """"Fox News", "Bloomberg News": an outlet named with its kind's word, not a person whose
    surname is "News" (the whole capitalised phrase is the outlet)."""
    if mention.kind == "person" and " " not in mention.name and mention.name.lower() in lx.OUTLET_WORDS \
            and mention.role and mention.role[:1].isupper():
        phrase = text[mention.start:mention.end]
        if phrase.lower().startswith("the "):
            phrase = phrase[4:]
        return Mention(mention.start, mention.end, "organisation", phrase)
    return mention


_HE_SHE = frozenset(["He", "She"])


def _name_with_he(text: str, toks: list[Tok]) -> Mention | None:
    """"Liu He said", "He Jianxiong, …, said": a capitalised "He" (or "She") joined to another
    capitalised word is part of a name (a Chinese surname or given name), not the pronoun."""
    if len(toks) < 2 or toks[-1].word not in _HE_SHE and toks[-2].word not in _HE_SHE \
            and toks[0].word not in _HE_SHE:
        return None
    for a, b in ((toks[-2], toks[-1]), (toks[0], toks[1])):
        he = a if a.word in _HE_SHE else b if b.word in _HE_SHE else None
        other = b if he is a else a
        if he is None or not _cap(other) or other.low in lx.NOT_NAMES or other.low in lx.PRONOUNS \
                or text[a.end:b.start] != " " or not other.word.isalpha() or _lexical(other.low):
            continue
        if (a, b) == (toks[0], toks[1]) and len(toks) > 2:
            continue  # (only a name that is the whole phrase: "He Jianxiong")
        return Mention(a.start, b.end, "person", f"{a.word} {b.word}")
    return None


def _group_serving(text: str, mention: Mention) -> Mention:
    """"Lawyers for Jim Cole", "Aides to Ana Ruiz": a group that serves a person (a plural word
    for people and "for", "to" or "of" before the name), not the person."""
    words = (mention.role or "").split()
    if len(words) >= 2 and words[0].lower() in lx.ANON_HEADS and words[0].lower().endswith("s") \
            and words[1].lower() in ("for", "to", "of", "with", "representing"):
        phrase = text[mention.start:mention.end]
        return Mention(mention.start, mention.end, "anonymous", phrase, role=words[0].lower(),
                       organisation=mention.name)
    return mention


def _parse_after(text: str, toks: list[Tok]) -> Mention | None:
    toks = outside_parentheses(text, toks)
    if not toks:
        return None
    group = with_associates(text, toks, parse_after) if len(toks) <= _MAX_NP_TOKENS else None
    if group is not None:
        return group  # "according to Hansen and his collaborators"
    first = toks[0]
    if first.low in lx.PRONOUNS and first.low != "it":
        return Mention(first.start, first.end, "pronoun", first.low)
    owned = _person_of_owner(text, toks)
    if owned is not None:
        return owned
    i = 0
    lead_at = 1 if first.low in ("the", "a", "an") else 0
    head = next((h for h in range(lead_at + 1, min(lead_at + 4, len(toks) - 1))
                 if toks[h].low in lx.POSITION_HEADS and _cap(toks[h + 1])
                 and all(t.word.islower() and t.word.isalpha() for t in toks[lead_at:h + 1])), None) \
        if first.word.islower() and (lead_at or first.low not in lx.DETERMINERS) else None
    if head is not None and not any(t.low in lx.GLUE or t.low in lx.CUE_VERBS
                                    for t in toks[lead_at:head]):
        # "space analyst Laura Forczyk", "veteran industry analyst Ken Doctor"
        mention = classify(text, toks[head:head + _MAX_NP_TOKENS])
        if mention is not None and mention.kind == "person":
            lead = _join(text, toks[lead_at:head])
            return Mention(first.start, mention.end, "person", mention.name,
                           role=f"{lead} {mention.role}" if mention.role else None,
                           organisation=mention.organisation, gender=mention.gender)
    if 2 <= len(toks) <= 3 and all(t.word.isalpha() and t.word.islower() for t in toks) \
            and toks[-1].low in lx.POSITION_HEADS and not any(t.low in lx.GLUE or t.low in lx.CUE_VERBS
                                                              for t in toks):
        # "…, says search chief.": a headline's office with no article, after an inverted cue
        return Mention(first.start, toks[-1].end, "anonymous", _join(text, toks), role=_join(text, toks))
    named = _kind_then_org_name(text, toks)
    if named is not None:
        return named
    if first.low in lx.DETERMINERS:
        described = _lower_case_organisation(text, toks)
        if described is not None:
            return described  # "the state conservation department", not "department"
        i = 1
        # "the 41-year-old mother", "a retired teacher": lower-case words before a known head
        k = 1
        while k < len(toks) and k <= 3 and toks[k].word.islower() and not np_word(toks[k]) \
                and toks[k].low not in lx.GLUE and toks[k].low not in lx.CUE_VERBS:
            k += 1
        if 1 < k < len(toks) and np_word(toks[k]) and not _cap(toks[k]):
            i = k
    j = i
    while j < len(toks) and j < _MAX_NP_TOKENS:
        if _extends_forward(toks, i, j):
            j += 1
        else:
            break
    while j > i and toks[j - 1].low in lx.GLUE:
        j -= 1
    if j == i:
        return None
    anon = _anonymous_with_modifier(text, toks[: j + 8], forward=True)
    if anon is not None:
        return anon
    mention = classify(text, toks[:j]) if i <= 1 else classify(text, [toks[0], *toks[i:j]])
    if mention is not None and i > 1:
        # keep the whole phrase as the mention's span
        mention = Mention(toks[0].start, mention.end, mention.kind, mention.name, mention.role,
                          mention.organisation, mention.gender)
    return mention


def _person_of_owner(text: str, toks: list[Tok]) -> Mention | None:
    """"The We Company’s Marcelo Claure", "the company’s Marcelo Claure": a person named in full
    after a body's possessive, of that body (its words capitalised, or a kind of company)."""
    lead = 1 if toks[0].low == "the" else 0
    owner = next((k for k in range(lead, min(len(toks) - 2, lead + 4)) if possessive(toks[k])), None)
    if owner is None or not _cap(toks[owner + 1]):
        return None
    body = toks[lead:owner + 1]
    generic = len(body) == 1 and base_word(body[0]).lower() in _GENERIC_ORGS  # "the company’s"
    if not generic and not all(_cap(t) for t in body):
        return None
    person = classify(text, toks[owner + 1:owner + 1 + _MAX_NP_TOKENS])
    if person is None or person.kind != "person" or " " not in person.name or person.role:
        return None
    words = [t.word for t in body[:-1]] + [base_word(body[-1])]
    return Mention(toks[0].start, person.end, "person", person.name, organisation=" ".join(words),
                   gender=person.gender)


#: Kinds of organisation named before its name: "the advocacy group Common Cause".
_ORG_KIND_WORDS = frozenset(["group", "groups", "firm", "company", "charity", "organisation",
                             "organization", "nonprofit", "non-profit", "tank", "union", "body",
                             "agency", "startup", "network", "coalition", "campaign", "lobby",
                             "association", "foundation", "consultancy", "publisher", "broadcaster",
                             "manufacturer", "maker", "developer", "retailer", "airline", "chain"])


def _kind_then_org_name(text: str, toks: list[Tok]) -> Mention | None:
    """"whale rescue group Project Jonah", "the consulting firm McKinsey & Co": an organisation
    whose kind comes first in lower case (up to four words, an article before), then its
    capitalised name; the name is the organisation, the words before it its description. The
    phrase must fill ``toks`` up to a boundary word or the end."""
    k = 1 if toks and toks[0].low in lx.DETERMINERS else 0
    lead = k
    while k < len(toks) and k - lead < 4 and toks[k].word.islower() and toks[k].word[0].isalpha() \
            and toks[k].low not in lx.GLUE and toks[k].low not in lx.CUE_VERBS:
        k += 1
    kind_end = k
    if k + 1 < len(toks) and k > lead and toks[k].low == "the" and toks[k].word.islower() \
            and toks[k - 1].low in _ORG_KIND_WORDS and _cap(toks[k + 1]):
        k += 1  # "The activist organization the Project on Government Oversight": the name's own article
    if kind_end == lead or k >= len(toks) or toks[kind_end - 1].low not in _ORG_KIND_WORDS \
            or not _cap(toks[k]) or text[toks[k - 1].end:toks[k].start].strip():
        return None
    j = k
    while j < len(toks) and (_cap(toks[j]) or toks[j].word == "&" or toks[j].low in _ORG_NAME_GLUE
                             and j + 1 < len(toks) and _cap(toks[j + 1])) \
            and not text[toks[j - 1].end:toks[j].start].strip():
        j += 1
        if text[toks[j - 1].end:toks[j - 1].end + 1] in (",", ";", ":"):
            break
    name = toks[k:j]
    if not name or any(t.low in lx.CUE_VERBS for t in name) or possessive(name[-1]):
        return None
    if len(name) > 1 and (name[0].low in lx.TITLE_WORDS or name[0].low in lx.RANKS) \
            and (name[0].word.isupper() or _known_first_name(name[1].low)):
        return None  # "company CEO Andy Vesey": the company's officer, a person (not "Public Citizen")
    return Mention(toks[0].start, name[-1].end, "organisation", _join(text, name),
                   role=_join(text, toks[lead:kind_end]))


def _kind_then_org_name_before(text: str, toks: list[Tok]) -> Mention | None:
    """The phrase of ``_kind_then_org_name`` ending ``toks`` (the words before a cue)."""
    if not toks or not _cap(toks[-1]) or not any(t.low in _ORG_KIND_WORDS for t in toks[-8:]):
        return None
    j = len(toks)
    while j > 0 and (_cap(toks[j - 1]) or toks[j - 1].word == "&" or toks[j - 1].low in _ORG_NAME_GLUE):
        j -= 1
    if j == 0 or j == len(toks) or toks[j - 1].low not in _ORG_KIND_WORDS:
        return None
    k = j - 1
    while k > 0 and j - k < 4 and toks[k - 1].word.islower() and toks[k - 1].word[0].isalpha() \
            and toks[k - 1].low not in lx.GLUE and toks[k - 1].low not in lx.CUE_VERBS \
            and toks[k - 1].low not in lx.DETERMINERS and not possessive(toks[k - 1]):
        k -= 1
    if k > 0 and toks[k - 1].low in lx.DETERMINERS:
        k -= 1
    mention = _kind_then_org_name(text, toks[k:])
    if mention is None or mention.end != toks[-1].end:
        return None
    if k > 2 and toks[k - 1].low in ("of", "at", "from"):
        person = parse_before(text, toks[:k - 1])
        if person is not None and person.kind == "person" and " " in person.name \
                and person.end == toks[k - 2].end:
            # "Peter Iseley of worldwide victim group Ending Clergy Abuse said": the person, of
            # the group
            return Mention(person.start, mention.end, "person", person.name, role=person.role,
                           organisation=mention.name, gender=person.gender)
    return mention


def _lower_case_organisation(text: str, toks: list[Tok]) -> Mention | None:
    """"the state conservation department", "the county health department": an organisation
    described in lower-case words after an article, read as it is before a cue (the whole
    description is its name, as "the state conservation department said" names it)."""
    k = 1
    head = 0  # just past the last organisation word of the run
    while k < len(toks) and k <= 4 and toks[k].word.isalpha() and toks[k].word.islower() \
            and toks[k].low not in lx.GLUE and toks[k].low not in lx.CUE_VERBS \
            and not text[toks[k - 1].end:toks[k].start].strip():
        k += 1
        if toks[k - 1].low in lx.ORG_HEADS:
            head = k
    k = head
    if k < 3 or k < len(toks) and (toks[k].low == "of" or _cap(toks[k])):
        return None  # (one word is the plain case; "the department of …" goes on)
    mention = parse_before(text, toks[:k])
    if mention is None or mention.kind != "organisation" or mention.start != toks[0].start:
        return None
    return mention


#: Up to four capitalised words ("Health and Human Services"): the rest of a name after "of".
_CAPITALISED_RUN = r"[A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*){0,3}"
#: "of Conservation", "for Education": a capitalised name that goes on after its head word.
_NAME_GOES_ON = re.compile(r" (?:of|for) (?:the )?" + _CAPITALISED_RUN)


#: "Reid's office", "Warren’s campaign": a body named by the surname of whom it serves.
_OWNED_BODY = re.compile(r"([A-Z][\w-]+)['’]s? (?:office|campaign|team|spokesman|spokeswoman|spokesperson|"
                         r"lawyers?|attorneys?|aides?|staff|camp|allies|representatives?)")


def _owned_lower_case(window: str, head: str) -> str | None:
    """"Nigeria’s foreign ministry" for "the ministry": a country's or a body's office named in
    lower case after its owner ("Morton County sheriff’s department" too; the last such name
    in ``window``)."""
    best = None
    for match in _owned_lower_case_pattern(head).finditer(window):
        best = match.group()
    return best


def _people_s_body(window: str, head: str) -> str | None:
    """"the Brazilian government", "the Chinese foreign ministry" for "the government", "the
    ministry": a state's body named by its people's word (the last such name in ``window``)."""
    if head not in _STATE_BODIES:
        return None
    found: set[str] = set()
    for match in _people_s_body_pattern(head).finditer(window):
        word = Tok(match.group(1), 0, len(match.group(1)))
        if (_demonym(word) or word.low in _OTHER_PEOPLES_WORDS) and word.low not in _DEMONYM_LOOKALIKES \
                and word.low not in lx.OUTLET_NAMES and word.low not in lx.ORG_NAMES:
            found.add(match.group())
    # ("Israeli police … Palestinian police … Police said": two such bodies, so neither)
    return found.pop() if len(found) == 1 else None


#: A people's words that no common ending gives ("the French government", "the Israeli army").
_OTHER_PEOPLES_WORDS = frozenset(["french", "dutch", "greek", "swiss", "czech", "thai", "afghan",
                                  "israeli", "iraqi", "pakistani", "saudi", "yemeni", "kuwaiti", "qatari",
                                  "omani", "bangladeshi", "nepali", "somali", "emirati", "filipino",
                                  "azerbaijani", "uzbek", "kazakh", "tajik", "turkmen", "kyrgyz",
                                  "bahraini", "iranian", "sudanese", "lebanese"])


@lru_cache(maxsize=16)
def _people_s_body_pattern(head: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])([A-Z][a-z]+) (?:[a-z]+ )?" + re.escape(head) + r"(?![\w-])")


@lru_cache(maxsize=64)
def _owned_lower_case_pattern(head: str) -> re.Pattern[str]:
    # (also "Morton County sheriff’s department": the owner's office in lower case after it)
    return re.compile(r"(?<![\w’'])[A-Z][\w-]+(?: [A-Z][\w-]+)?(?:[’']s (?:[a-z]+ ){0,2}|"
                      r" (?!(?:the|a|an|this|that|its|his|her|their)\b)[a-z]+[’']s (?:[a-z]+ )?)"
                      + re.escape(head) + r"(?![\w-])")


#: Name particles as a pattern's alternatives, longest first.
_PARTICLE_ALTERNATION = "|".join(sorted((re.escape(p) for p in lx.NAME_PARTICLES if p.islower()),
                                        key=len, reverse=True))


@lru_cache(maxsize=256)
def _title_pattern(head: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A capitalised title before a name ("President Trump", "Gov. Eric Holcomb") for the lower-case
    ``head``, and the title's written forms."""
    forms = (head.capitalize(), *(short.capitalize() for short, full in lx.TITLE_ABBREVIATIONS.items()
                                  if full.lower() == head and short.endswith(".")))
    pattern = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(f) for f in forms)
                         + r") ((?:(?:[A-Z][\w’'-]+|[A-Z]\.) (?:(?:" + _PARTICLE_ALTERNATION
                         + r") ){0,2}){0,3}[A-Z][\w’'-]+)")  # (with initials: "Judge Dale E. Ho")
    return pattern, forms


#: A capitalised first name right before a name ("Kathleen " before "Hawk Sawyer").
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) $")


def _kind_word(name: str) -> bool:
    """"Chronicle", "Post", "Ministry": a name that is a word for a kind of outlet or body, no
    person's surname however the text uses it."""
    low = name.lower()
    return low in lx.OUTLET_WORDS or low in lx.ORG_HEADS


def _generic_body(name: str) -> bool:
    """"navy", "the police", "government": an organisation named only by its kind."""
    words = name.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return len(words) == 1 and (words[0] in lx.ORG_HEADS or words[0] in lx.ANON_HEADS)


def _head_of_described(window: str, head: str, described: list[str]) -> str | None:
    """The last name in ``window`` of the form "[New Zealand] Department of Conservation": the
    capitalised head, then "of" or "for" and the described words ("the conservation
    department"), or any capitalised words when none are given ("the department")."""
    best = None
    for match in _described_pattern(head, tuple(described)).finditer(window):
        words = match.group().split()
        while words and words[0].lower() in lx.DETERMINERS | lx.NOT_NAMES:
            words = words[1:]
        best = " ".join(words)
    return best


@lru_cache(maxsize=64)
def _described_pattern(head: str, described: tuple[str, ...]) -> re.Pattern[str]:
    what = " ".join(re.escape(w.capitalize()) for w in described) if described else _CAPITALISED_RUN
    return re.compile(r"(?:(?<![\w’'])[A-Z][\w’'-]* ){0,3}" + re.escape(head.capitalize())
                      + r" (?:of|for) (?:the )?" + what + r"(?![\w-])")


#: Lower-case words that may follow a person's name in a sentence (a verb or a clause opener).
_AFTER_A_PERSON = frozenset(["who", "and", "or", "of", "in", "at", "from", "had", "has", "is", "was",
                             "will", "would", "also", "later", "then", "did", "does"])


def _attributive_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised run [start, end) a name used as a modifier ("a Margaret Hamilton Lego
    minifigure", "the Jane Doe Foundation's"), not a person named in full? An article before it,
    or a lower-case noun after it that no verb list knows, says so."""
    before = text[max(0, start - 4):start].lower()
    if before.endswith((" a ", " an ")) or before in ("a ", "an "):
        return True
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    return word.islower() and word not in _AFTER_A_PERSON and word not in lx.CUE_VERBS \
        and word not in lx.AUX_ADVERBS and not word.endswith(("ed", "s"))


_WORD_AFTER = re.compile(r" ([a-z][a-z’'-]*)")


def _post_word_after(text: str, pos: int) -> bool:
    """Is the word at ``pos`` (after a space) a lower-case word for a post or a trade
    ("correspondent" in "VOA Pentagon correspondent Carla Babb")?"""
    after = _WORD_AFTER.match(text, pos)
    return after is not None and (after.group(1) in lx.POSITION_HEADS
                                  or after.group(1) in lx.OCCUPATION_WORDS)


#: Words that open a clause, never an adjective before a noun ("the plan failed because officials").
_CLAUSE_OPENERS = frozenset(["because", "after", "when", "since", "before", "until", "while", "although",
                             "though", "if", "that", "which", "who", "whom", "whose", "where", "or", "but",
                             "so", "than", "unless", "whether"])


#: Lower-case words inside an organisation's capitalised name ("Center on Poverty and Inequality").
_ORG_NAME_GLUE = frozenset(["on", "of", "for", "and", "the"])


def _owned_organisation(body: list[Tok]) -> list[Tok] | None:
    """The words of a capitalised organisation's name after a capitalised owner's possessive, when
    the name has a word for an organisation ("Center", "Committee") and a lower-case "on", "of"
    or "for" in it; None otherwise."""
    owner = next((k for k, t in enumerate(body[:-2]) if possessive(t) and _cap(t)), None)
    if owner is None:
        return None
    name = body[owner + 1:]
    if not _cap(name[0]) or not _cap(name[-1]) or not all(_cap(t) or t.low in _ORG_NAME_GLUE for t in name) \
            or not any(t.low in ("on", "of", "for") for t in name) \
            or not any(base_word(t).lower() in lx.ORG_HEADS for t in name if _cap(t)):
        return None
    if base_word(body[owner]).lower() in lx.POSITION_HEADS and name[0].low == "office":
        # "the U.S. Attorney’s Office for the Western District": the post's office is the name
        start = owner
        while start > 0 and _cap(body[start - 1]):
            start -= 1
        return body[start:]
    return name


#: Words for how many of a group speak ("most experts"), not what the group is.
_QUANTITY_WORDS = frozenset(["most", "many", "some", "several", "few", "all", "both", "other", "more",
                             "numerous", "various", "certain"])


def _head_is_group(toks: list[Tok]) -> bool:
    """Is the phrase a plural group of people ("elders", "local officials")?"""
    last = toks[-1].low
    return toks[-1].word.islower() and last.endswith("s") and last in lx.ANON_HEADS


#: Words that join one clause to the next: a noun phrase may open right after them.
_CLAUSE_JOINS = frozenset(["and", "but", "while", "whereas", "yet", "so"])


def _inside_org_name(body: list[Tok], k: int) -> bool:
    """Is the preposition at ``k`` part of a capitalised name before a lower-case head ("A
    Department of Health spokesperson", "a Ministry for Education official")?"""
    return body[k].low in ("of", "for") and _cap(body[k - 1]) and k + 2 < len(body) \
        and _cap(body[k + 1]) and body[-1].word.islower() and all(
            _cap(t) or t.low in _ORG_NAME_GLUE for t in body[k + 1:-1])


#: Bodies named as the people in them, which a place after "in" qualifies as it does a group
#: ("Authorities in Florida said", "Police in Ohio said": not a person called Florida).
_BODIES_OF_PEOPLE = frozenset(["authorities", "police", "allies", "everyone", "everybody"])


def _anonymous_with_modifier(text: str, toks: list[Tok], forward: bool = False) -> Mention | None:
    """``a person familiar with the matter``, ``two officials close to the talks``."""
    for k, tok in enumerate(toks):
        if tok.low not in lx.ANON_HEADS and tok.low not in _BODIES_OF_PEOPLE \
                and (tok.low not in lx.OCCUPATION_WORDS or not k
                     or toks[k - 1].low not in ("a", "an", "one", "another")) \
                or k == len(toks) - 1:
            continue  # (also "a pilot involved in the search", one of a trade)
        if k and _cap(tok) and _cap(toks[k - 1]):
            continue  # ("the Service Employees International Union": inside a name)
        rest = " ".join(t.low for t in toks[k + 1 : k + 5]) + " "
        if not any(rest.startswith(p + " ") for p in lx.ANON_POSTMODIFIERS):
            continue  # (whole words: "in" is not the start of "International")
        begin = k
        while begin > 0 and k - begin < 4 and toks[begin - 1].low not in _CLAUSE_OPENERS \
                and toks[begin - 1].low not in lx.CUE_VERBS \
                and (toks[begin - 1].low not in lx.GLUE or toks[begin - 1].low in lx.DETERMINERS) and (
            np_word(toks[begin - 1]) or toks[begin - 1].low in lx.DETERMINERS
            or toks[begin - 1].word.islower()
        ) and not text[toks[begin - 1].end:toks[begin].start].strip():  # ("died; officials …")
            begin -= 1
            if toks[begin].low in lx.DETERMINERS:
                break
        if begin >= 2 and toks[begin - 1].low == "and" and toks[begin - 2].low in lx.ANON_HEADS:
            begin -= 2  # "analysts and activists working in the region": both groups
        if not forward and begin > 0 and toks[begin].low not in lx.DETERMINERS \
                and toks[begin - 1].low not in _CLAUSE_JOINS and toks[begin - 1].low not in _CLAUSE_OPENERS \
                and not text[toks[begin - 1].end:toks[begin].start].strip():
            return None  # (but "Forty people died; officials in the region", "… and officials …")
        end_tok = toks[-1]
        name = text[toks[begin].start:end_tok.end]
        span_end = end_tok.end
        return Mention(toks[begin].start, span_end, "anonymous", name, role=None,
                       organisation=None)
    return None


#: Generational suffixes after a surname ("Martin Luther King III", "Robert Kennedy Jr."): part of
#: the name, though no name begins with them.
_NAME_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])


def _name_length(toks: list[Tok]) -> int:
    """How many words a name has, its particles aside ("Luiz Inácio Lula da Silva": four)."""
    return sum(t.low not in lx.NAME_PARTICLES for t in toks)


def _name_run(toks: list[Tok], text: str | None = None) -> int:
    """Index where the trailing personal name starts (len(toks) when there is none). With the
    ``text`` the tokens come from, the word before them tells a given name from a role."""
    if len(toks) >= 3 and toks[-1].low in _NAME_SUFFIXES and _cap(toks[-2]):
        # the name the suffix ends: "King" after "Martin Luther" is a surname, not a title
        cut = _name_run(toks[:-1], text)
        return cut if cut < len(toks) - 1 else len(toks)
    i = len(toks)
    while i > 0:
        tok = toks[i - 1]
        low = tok.low
        if low in lx.NAME_PARTICLES and i < len(toks) and i >= 2 and _cap_before_particles(toks, i - 1):
            i -= 1
            continue
        # A capitalised word that only names a kind of source ("Witness") is part of a name
        # inside a phrase ("Global Witness"), not at its head.
        named_source = i - 1 > 0 and (low in lx.ANON_HEADS or low in lx.OCCUPATION_WORDS) and not (
            (low in lx.TITLE_WORDS and low not in lx.OCCUPATION_WORDS)
            or low in lx.RANKS or low in lx.ORG_HEADS
        )
        surname = i == len(toks) and i >= 2 and (_first_name(toks[i - 2]) or _initial(toks[i - 2].word)
                                                 and toks[i - 2].low not in _PLACE_ACRONYMS) \
            and _cap(tok) \
            and not possessive(tok) and low not in lx.ORG_NAMES and low not in lx.ORG_HEADS \
            and low not in lx.DETERMINERS and not tok.word.isupper()
        # "Mr. King", "Ms. Bishop": after an honorific a title word is a surname
        surname = surname or i == len(toks) and i >= 2 and toks[i - 2].low in lx.HONORIFICS \
            and _cap(tok) and not possessive(tok) and not tok.word.isupper()
        # ("journalist April Xu": after a trade in lower case a month is a given name)
        month_name = i < len(toks) and _month_given_name(toks, i - 1)
        if not surname and not month_name and not _opens_name(toks, i - 1) and not (
                i < len(toks) and _romanised_given_name(tok.word)) and (
            not _cap(tok) or possessive(tok)
            or (_lexical(low) and not named_source and not (low in lx.CIRCLE_WORDS and i < len(toks)))
            or low in lx.ORG_NAMES or low in lx.NOT_NAMES or low in lx.DETERMINERS
            or low in lx.CORPORATE_WORDS or _sentence_adverb(low) or sk.opens_no_noun_phrase(low)
        ):
            break  # (a preposition opening a sentence is no name: "To LeBron James, …")
        if i >= 2 and toks[i - 2].word in ("of", "for", "at", "to"):
            # "Secretary of State": the word after "of" belongs to the title (a capitalised "To"
            # opening the sentence is no such word: "To LeBron James, …")
            break
        i -= 1
    if _name_length(toks[i:]) > _MAX_NAME_TOKENS:
        # "Veteran Wall Streeter Charlotte Beyer": too long for a name, but a known first name
        # near its end starts one
        given = _given_name_in(toks, len(toks) - _MAX_NAME_TOKENS + 1)
        return given if given is not None else len(toks)
    if len(toks) - i >= 3 and _profession_word(toks[i].low):
        i += 1  # "Meteorologist Chad Myers": a profession no list names is a role, not a first name
    if len(toks) - i >= 2 and toks[i].low.endswith("ing") and text is not None \
            and not _known_first_name(toks[i].low) and _verb_elsewhere(text, toks[i].word):
        i += 1  # "Moving Trump’s inauguration indoors …": a verb opening the sentence, no first name
    if len(toks) - i >= 3 and not _known_first_name(toks[i].low) \
            and not (len(toks[i].word) == 2 and _initial(toks[i].word)):
        # "Investor Advocate Rick Fleming": capitalised words before a known first name, none
        # of them a first name itself, are a role ("John Paul Jones" keeps all three; so does
        # a first initial before a middle name, "C. Eugene Steuerle")
        given = _given_name_in(toks, i + 1)
        if given is not None and not _foreign_given_name(toks, i, given, text):
            i = given
    return i


def _verb_elsewhere(text: str, word: str) -> bool:
    """Does the text write ``word`` before a determiner or a possessive pronoun, as a verb takes
    its object ("Moving the inauguration …"), which no given name does ("Sterling Manning")?"""
    return word.lower() in _verbs_before_objects(text)


@lru_cache(maxsize=8)
def _verbs_before_objects(text: str) -> frozenset[str]:
    """Every word in -ing the text writes before a determiner or a possessive pronoun: one pass
    over a text, however many capitalised words in -ing open its names."""
    return frozenset(m.group(1).lower() for m in _ING_BEFORE_OBJECT.finditer(text))


_ING_BEFORE_OBJECT = re.compile(r"\b(\w+ing)[ ](?:the|a|an|his|her|their|its|our|this|that|these|those)\b",
                                re.IGNORECASE)


_ANY_WORD = re.compile(r"[\w’'.-]+")
#: Words after which a capitalised word is more likely a place or a role than a given name.
_BEFORE_ROLE = frozenset(["of", "from", "the", "in", "for", "to", "at", "a", "an", "and", "by"])


def _foreign_given_name(toks: list[Tok], i: int, given: int, text: str | None) -> bool:
    """Are the one or two words before a known first name given names of their own, as in "Ja
    Ian Chong", "Zsuzsa Anna Ferenczy", "Khan Mohammad Baz", "Luiz Inácio Lula da Silva": no
    title, rank, party, people or profession, and a full name of one surname after the known
    name (particles aside)? ("Investor Advocate Rick Fleming" has a role before it.)"""
    after_known = _name_length(toks[i:]) - (given - i)  # the known name and what follows it
    if given - i not in (1, 2) or after_known not in (2, 3) or after_known == 3 and given - i != 1:
        return False  # (two given names before a known one: "Luiz Inácio Lula da Silva")
    if i > 0:
        before = toks[i - 1].word
    elif text is None:
        return False  # (nothing says what comes before: the word is read as a role, as it was)
    else:
        words = list(_ANY_WORD.finditer(text, max(0, toks[i].start - 40), toks[i].start))
        last = words[-1] if words else None
        # (a word before a comma or a quote mark is of another phrase: "… China,” Ja Ian Chong")
        before = last.group() if last is not None and not text[last.end():toks[i].start].strip() else ""
        if "\n" in text[last.end() if last is not None else 0:toks[i].start] \
                or before.endswith((".", "!", "?")) and before.lower() not in _OFFICES_BEFORE_NAMES \
                and not _initial(before) and len(before) > 4:
            before = ""  # (the end of the sentence before: "… on Monday. Luiz Inácio Lula da Silva")
        elif text[max(0, toks[i].start - 13):toks[i].start].lower() == "according to ":
            before = ""  # (who is cited: "According to Luiz Inácio Lula da Silva, …")
    if after_known == 3 and before.lower().rstrip(".") not in _OFFICES_BEFORE_NAMES:
        # (one word before a known name and two after it only right after an office: "Deputy
        # Foreign Minister Sher Mohammad Abbas Stanikzai")
        return False
    if before and (before[0].isupper() and before.lower() not in _OFFICES_BEFORE_NAMES
                   or before.lower() in _BEFORE_ROLE):
        # "Commission Investor Advocate Rick Fleming", "Senator from Vermont Bernie …" (a title
        # right before is the name's: "President Luiz Inácio Lula da Silva")
        return False
    return all(_unknown_given_name(tok) for tok in toks[i:given])


#: Offices whose holder's name follows at once: "President Luiz Inácio Lula da Silva".
_OFFICES_BEFORE_NAMES = frozenset(["president", "minister", "chancellor", "premier", "senator", "sen.",
                                   "governor", "gov.", "mayor", "king", "queen", "prince",
                                   "princess", "emperor", "sheikh", "ambassador", "secretary"])


def _unknown_given_name(tok: Tok) -> bool:
    """Can a capitalised word no list knows be a given name (no word of the language, people,
    party, profession or organisation, no acronym)?"""
    low = tok.low
    return not _lexical(low) and not _demonym(tok) and low not in _PARTY_MEMBERS \
        and not _profession_word(low) and low not in lx.NOT_NAMES and low not in lx.ORG_NAMES \
        and low not in lx.OCCUPATION_WORDS and not tok.word.isupper() and "-" not in low \
        and not _compound_occupation(low)


def _compound_occupation(low: str) -> bool:
    """"Videoblogger", "filmmaker", "policymaker": a word for a job that ends in another."""
    return any(low.endswith(word) and len(low) > len(word) + 2
               for word in _OCCUPATION_ENDINGS.get(low[-3:], ()))


def _by_last_letters(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Words of five letters or more, grouped by their last three letters."""
    grouped: dict[str, tuple[str, ...]] = {}
    for word in sorted(w for w in words if len(w) >= 5 and w.isalpha()):
        grouped[word[-3:]] = (*grouped.get(word[-3:], ()), word)
    return grouped


#: Words for an occupation (or a person an unnamed source is), by their last three letters.
_OCCUPATION_ENDINGS = _by_last_letters(lx.OCCUPATION_WORDS | lx.ANON_HEADS | {"maker", "keeper", "caster",
                                                                           "founder"})


#: Endings of adverbs that open a sentence ("Apparently Lindsey’s posts…"), never of a name
#: long enough to pass the length test below ("McNally", "Connolly" do not end so).
_ADVERB_ENDINGS = ("ently", "antly", "ably", "ibly", "ally", "edly", "ously", "ively", "ately")


def _sentence_adverb(low: str) -> bool:
    """"Apparently", "Reportedly", "Notably": capitalised at the head of a sentence, not a name."""
    return len(low) > 7 and low.endswith(_ADVERB_ENDINGS) and not _known_first_name(low)


def _known_first_name(low: str) -> bool:
    if "-" in low:  # "Eva-Marie", "Jean-Pierre", "Anne-Marie": each part a given name
        return all(part in lx.FEMALE_FIRST_NAMES or part in lx.MALE_FIRST_NAMES for part in low.split("-"))
    if low in lx.FEMALE_FIRST_NAMES or low in lx.MALE_FIRST_NAMES:
        return True
    if low.isascii():
        return False
    plain = _unaccented(low)  # ("Andrés", "José", "Zoë": the lists spell them plain)
    return plain in lx.FEMALE_FIRST_NAMES or plain in lx.MALE_FIRST_NAMES


def known_first_name(low: str) -> bool:
    """Is the lower-case word a common first name ("gavin", "jessica")?"""
    return _known_first_name(low)


def _given_name_in(toks: list[Tok], start: int) -> int | None:
    """Where the first known first name at or after ``start`` opens a name of two words or
    more (None when there is none)."""
    for k in range(max(start, 0), len(toks) - 1):
        if _known_first_name(toks[k].low) and _cap(toks[k]):
            return k
    return None


#: Endings of words for a profession ("meteorologist", "physician", "photographer").
_PROFESSION_ENDINGS = ("ist", "yst", "ician", "grapher", "ographer", "ineer")


def _profession_word(low: str) -> bool:
    return (len(low) >= 7 and low.endswith(_PROFESSION_ENDINGS) or sk.occupational_title(low)) \
        and low not in lx.FEMALE_FIRST_NAMES and low not in lx.MALE_FIRST_NAMES


#: Places whose names are also given names ("London Breed", "Paris Hilton", "India Walton").
_CITY_FIRST_NAMES = frozenset(["london", "paris", "washington", "america", "india", "israel", "china"])
#: A preposition or an article just before a phrase: "In London Sunak said" is a place, then a
#: name; "at the Paris Hilton" a hotel.
_AFTER_PREPOSITION = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Tt]o|[Oo]f|[Ff]or|[Nn]ear|[Oo]utside|[Tt]he)\s+$")


def _place_first_name(toks: list[Tok], cut: int) -> int:
    """Where a name of one word at ``cut`` starts when a city's name before it is its first name
    ("London Breed", "Mayor London Breed", "Paris Hilton"): first, or after a title, and not
    before an outlet's or an organisation's word ("Moscow Times", "London police")."""
    if cut != len(toks) - 1 or cut < 1:
        return cut
    place, last = toks[cut - 1], toks[cut]
    if place.low in _CITY_FIRST_NAMES and _cap(place) and not possessive(place) \
            and (cut == 1 or toks[cut - 2].low in lx.TITLE_WORDS) \
            and last.low not in lx.OUTLET_WORDS and last.low not in lx.ORG_HEADS \
            and last.low not in lx.CORPORATE_WORDS and not _lexical(last.low) and not last.word.isupper():
        return cut - 1
    return cut


#: A given name romanised in two hyphened syllables: "Man-kei", "Ming-yen", "Jae-in".
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,5}")
#: Second parts of hyphened words that are English, not a syllable of a name ("Ex-aide").
_NOT_SYLLABLES = frozenset(["elect", "in", "led", "based", "born", "owned", "run", "like", "wide",
                            "era", "aged", "old"])


def _romanised_given_name(word: str) -> bool:
    """Is ``word`` a two-syllable given name ("Man-kei"), not an English compound ("Ex-aide",
    "Vice-chair")?"""
    if not _ROMANISED_GIVEN.fullmatch(word):
        return False
    first, second = word.lower().split("-")
    return second not in _NOT_SYLLABLES and not _lexical(second) and first not in ("ex", "vice", "co", "non")


def _first_name(tok: Tok) -> bool:
    """Could ``tok`` be a first name: capitalised, and no title, organisation or function word?"""
    low = tok.low
    return _cap(tok) and not possessive(tok) and not _lexical(low) and low not in lx.ORG_NAMES \
        and low not in lx.NOT_NAMES and low not in lx.DETERMINERS and not tok.word.isupper()


def _name_gender(name_toks: list[Tok]) -> str | None:
    """"f" for "Jessica Chastain", "m" for "Oscar Isaac": a common first name says."""
    first = name_toks[0].low if len(name_toks) > 1 else ""
    if first.startswith("jean-") \
            or first == "jean" and len(name_toks) >= 3 and name_toks[1].word[:1].isupper():
        return "m"  # "Jean Luc Brunel", "Jean-Pierre Raffarin": the French man's name, not "Jean"
    if first in lx.UNISEX_FIRST_NAMES:
        return None
    if first in lx.FEMALE_FIRST_NAMES:
        return "f"
    if first in lx.MALE_FIRST_NAMES:
        return "m"
    return None


def _bare_title_surname(tok: Tok) -> bool:
    """A capitalised singular word for a person's position with no article ("Expert said",
    "King said"): English needs an article before the noun, so it is a surname."""
    low = tok.low
    return _cap(tok) and not tok.word.isupper() and not low.endswith("s") and (
        low in lx.POSITION_HEADS or low in lx.ANON_HEADS or sk.occupational_title(low)
    ) and low not in lx.ORG_HEADS and low not in lx.ORG_NAMES and low not in lx.RANKS \
        and low not in ("official", "source", "family", "police", "management", "staff", "leader")


def _join(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


def _role_and_org(text: str, pre: list[Tok]) -> tuple[str | None, str | None]:
    """Split the words before a name into a role (position, then rank) and an organisation."""
    pre = [t for t in pre[sk.role_start(pre):]  # (not "Here's how" of "Here's how Cookie King")
           if t.low not in lx.HONORIFICS and t.low not in ("the", "a", "an")]
    if not pre:
        return None, None
    rank_at = len(pre)
    while rank_at > 0 and pre[rank_at - 1].low in lx.RANKS and not (
        rank_at - 1 > 0 and pre[rank_at - 2].low in ("press", "the", "of", "for")
    ):
        rank_at -= 1
    position, rank = pre[:rank_at], pre[rank_at:]
    if rank and position and not any(t.low in lx.POSITION_HEADS for t in position):
        position, rank = pre, []
    if len(rank) == 1 and rank[0].low in ("chief", "officer", "field", "air", "rear", "vice"):
        position, rank = pre, []
    if len(rank) == 1 and rank[0].low == "general" and position and position[-1].low in lx.POSITION_HEADS:
        position, rank = pre, []  # "Attorney General", "Surgeon General": one title, not a rank
    parts = []
    if position:
        parts.append(_expand(text, position))
    if rank:
        parts.append(_expand(text, rank))
    role = ", ".join(parts) or None
    if position and all(sk.occupational_title(t.low) for t in position):
        return role, None  # "Developer Ana Ruiz": a trade, no organisation
    return role, _org_in(text, position)


def _expand(text: str, toks: list[Tok]) -> str:
    if len(toks) == 1 and toks[0].low in lx.TITLE_ABBREVIATIONS:
        return lx.TITLE_ABBREVIATIONS[toks[0].low]
    return _join(text, toks)


#: Words before a title that date it ("Former House Speaker"), never part of an organisation.
_TENURE_WORDS = frozenset(["former", "acting", "then", "interim", "outgoing", "incoming", "retired"])
#: Title words that also end the name of a department ("Homeland Security", "Veterans Affairs").
_DOMAIN_WORDS = frozenset(["security", "affairs", "justice", "intelligence", "services"])


def _org_in(text: str, toks: list[Tok]) -> str | None:
    """The organisation named in a role: after for/of/at, or the capitalised words before it."""
    for k, tok in enumerate(toks):
        if tok.low in ("for", "at", "of", "with") and k + 1 < len(toks):
            rest = toks[k + 1:]
            while rest and rest[0].low in ("the", "a", "an"):
                rest = rest[1:]
            if len(rest) == 1 and rest[0].low in lx.TITLE_WORDS and rest[0].low not in lx.ORG_HEADS:
                return None  # "Secretary of State", "Minister of Defence"
            if rest and any(_cap(t) or t.low in lx.ORG_HEADS for t in rest):
                return _join(text, rest)
    head = next((k for k, t in enumerate(toks)
                 if (t.low in lx.POSITION_HEADS or t.low in lx.TITLE_ABBREVIATIONS)
                 and not (k + 1 < len(toks) and toks[k + 1].low in lx.ORG_HEADS)), len(toks))
    # (a head word before an organisation's word is part of its name: "Justice Department
    # spokesman"; "Ohio Gov." ends at its abbreviated title)
    lead = toks[:head]
    caps = next((k for k, t in enumerate(lead) if not _cap(t) and t.word != "&"), len(lead))
    lead = lead[:caps]  # "EU's foreign policy chief": the organisation is the capitalised part
    # ("Smith & Wesson spokesman": "&" inside a company's name)
    owner = next((k for k, t in enumerate(lead) if possessive(t)), None)
    if owner is not None:
        lead = lead[: owner + 1]
    while lead and lead[0].low in _TENURE_WORDS:
        lead = lead[1:]  # "Former House Speaker": the House's
    while lead and (lead[-1].low in lx.TITLE_WORDS and lead[-1].low not in lx.ORG_HEADS
                    or lead[-1].low in titles.PARTY_ADJECTIVES) \
            and not (len(lead) >= 2 and lead[-1].low in _DOMAIN_WORDS and lead[-2].low not in lx.TITLE_WORDS):
        lead = lead[:-1]  # ("Homeland Security Secretary" keeps the department's name whole)
    lead = [t for t in lead if t.low not in lx.DETERMINERS]
    if not lead or not any(_cap(t) for t in lead):
        return None
    name = _join(text, lead)
    return base_word(Tok(name, 0, 0)) if possessive(lead[-1]) else name


#: Quantifiers before a people or a party that make a group of them speak ("Many Tunisians").
_GROUP_QUANTIFIERS = frozenset(["many", "some", "most", "few", "several", "other", "two", "three"])


def classify(text: str, toks: list[Tok]) -> Mention | None:
    """Read a noun phrase as a person (name and role), an organisation or an anonymous source."""
    mention = _classify(text, toks)
    if mention is not None and mention.kind == "person" and mention.name.lower() in lx.GOVERNMENT_SEATS:
        return replace(mention, kind="organisation")  # ("White House officials": not a Mr House)
    if mention is not None and mention.kind == "person" and mention.role is not None \
            and (office := _OFFICE_OF.match(mention.role)) is not None \
            and all(w.lower().rstrip(".") in lx.TITLE_WORDS or w.lower() in lx.TITLE_ABBREVIATIONS
                    or w.lower() in _CHAMBER_WORDS for w in mention.role[office.end():].split()):
        # "The office of Representative Ami Bera said": the office, as "Bera's office said" is
        return Mention(mention.start, mention.end, "organisation", f"{mention.name}'s office")
    if mention is not None and mention.kind == "person" and " " in mention.name \
            and mention.name.split(None, 1)[0].lower() in _MEDIUM_FIRST_WORDS:
        # "10 News San Diego reported": a station's name (with its channel's number), no person
        name = mention.name
        if mention.role is not None and mention.role.isdigit():
            name = f"{mention.role} {name}"
        return Mention(mention.end - len(name), mention.end, "organisation", name)
    if mention is None and toks and toks[-1].low.startswith("ex-") and len(toks[-1].low) > 4:
        # "Ex-friends told the Daily Mail", "two ex-officials said": the group its head names
        last = toks[-1]
        head = Tok(last.word[3:], last.start + 3, last.end)
        found = _classify(text, [*toks[:-1], head])
        if found is not None and found.kind == "anonymous":
            name = found.name
            if name.endswith(head.word) and not name.endswith(last.word):
                name = f"{name[:-len(head.word)]}{last.word}"
            mention = replace(found, start=toks[0].start, end=last.end, name=name)
    if mention is not None and mention.kind == "organisation" and (mention.role or "").endswith(" and") \
            and _pair_of_words(text, toks):
        # "Unions and Tesla said": the two together, not the company in the role "Unions and"
        return Mention(mention.start, mention.end, "organisation", _join(text, toks))
    if mention is not None and mention.kind == "person" and (mention.role or "").endswith(" and"):
        # "Tim Cook and Phil Schiller": two people, not Phil Schiller in the role "Tim Cook and"
        people = _coordinated_people(text, toks)
        joint = next(k for k, t in enumerate(toks) if t.low == "and")
        if people is None and all(_cap(t) or t.low == "and" for t in toks) \
                and (left := classify(text, toks[:joint])) is not None and left.kind == "organisation":
            # "U.S. Immigration and Customs Enforcement": one body's name; "Google and Kairos":
            # two bodies speaking together
            return Mention(mention.start, mention.end, "organisation", _join(text, toks))
        if people is None and len(toks) == 4 and _cap(toks[0]) and toks[0].low.endswith("s") \
                and (toks[0].low in lx.ANON_HEADS or toks[0].low[:-1] in lx.TITLE_WORDS) \
                and _pair_of_words(text, toks[1:]):
            # "Senators Warren and Sanders said": two people under their plural title
            return Mention(mention.start, mention.end, "anonymous", _join(text, toks[1:]), role=toks[0].word)
        if people is None and _pair_of_words(text, toks):
            # "Procter and Gamble said", "Smith and Jones said": two words no one is named by
            # speak together; not the second alone in the role "Procter and"
            # (people are named in full somewhere: two words never given a first name are most
            # often a firm's name, or two places or teams, unless the text calls them people:
            # "Two senators, Warren and Sanders, wrote")
            called = _PLURAL_BEFORE.search(text, max(0, toks[0].start - 30), toks[0].start)
            plural = called.group(1).lower() if called is not None else ""
            called_people = plural in lx.ANON_HEADS and plural not in lx.ORG_HEADS \
                and _singular(plural) not in lx.DOCUMENT_NOUNS
            return Mention(mention.start, mention.end, "anonymous" if called_people else "organisation",
                           _join(text, toks))
        return people or mention
    if mention is not None and mention.kind == "person" and (mention.role or "").endswith(" &"):
        # "Procter & Gamble", "Bernstein Litowitz Berger & Grossmann": a company's name
        begin = next(k for k, t in enumerate(toks) if t.word == "&")
        while begin > 0 and _cap(toks[begin - 1]) and not possessive(toks[begin - 1]):
            begin -= 1
        return Mention(toks[begin].start, mention.end, "organisation", text[toks[begin].start:mention.end])
    if mention is not None and mention.kind == "organisation" and len(toks) >= 3 \
            and toks[0].low == "the" and toks[-1].low in ("company", "firm") and toks[-1].word.islower() \
            and all(_cap(t) and not possessive(t) and "-" not in t.word for t in toks[1:-1]) \
            and not (len(toks) == 3 and _demonym(toks[1])):
        # "the Nielsen company": the company's name, without the word for what it is (not "the
        # Japanese firm": what the firm is)
        return replace(mention, name=_join(text, toks[1:-1]))
    if mention is not None and mention.kind in ("person", "organisation") and len(toks) >= 3 \
            and possessive(toks[0]) and _cap(toks[0]) and all(_cap(t) for t in toks[1:]) \
            and _named_with_first_name(text, base_word(toks[0])) \
            and (body := _classify(text, toks[1:])) is not None and body.kind == "organisation":
        # "Biden’s State Department", "Trump's Justice Department": the body, whoever leads it
        # (a person's possessive, whom the text names with a first name: not "Russia’s Defense
        # Ministry", another than Ukraine's)
        return Mention(mention.start, mention.end, "organisation", body.name)
    if mention is not None and mention.kind == "person" and " " in mention.name:
        words = mention.name.split()
        at = 1 if len(words) >= 3 and words[0].lower().endswith("ed") else 0
        if words[at] in _COUNTRY_ABBREVIATIONS:
            # "US Steel", "Embattled US Steel": a body named for its country, never a person's
            # name (whose country a title before the name carries: "U.S. Rep. Jane Doe")
            return Mention(mention.start, mention.end, "organisation", " ".join(words[at:]))
    if mention is not None and mention.kind == "organisation" and mention.name[:1].islower():
        words = mention.name.split()
        k = next((k for k, w in enumerate(words) if w[:1].isupper()), len(words))
        if 0 < k <= 3 and len(words) - k >= 2 and all(w.isalpha() for w in words[:k]) \
                and words[-1].lower() in lx.ORG_HEADS and all(w[:1].isupper() for w in words[k:]):
            # "the main opposition Democratic Party": the party's name, not what the text calls it
            return replace(mention, name=" ".join(words[k:]), role=mention.role or " ".join(words[:k]))
    if mention is not None and mention.kind == "organisation" and " " in mention.name:
        first, rest = mention.name.split(" ", 1)
        if first in _BODY_EPITHETS and rest[:1].isupper():
            # "the nonpartisan Tax Foundation": the name, without what the text calls the body
            return replace(mention, name=rest, role=mention.role or first)
    return mention


#: A plural right before a place, with or without its comma ("senators, |Warren and Sanders").
_PLURAL_BEFORE = re.compile(r"\b([A-Za-z]+s),?[ ]$")
#: A lower-case word right before a place ("won |Michigan and Whitmer").
_LOWER_WORD_BEFORE = re.compile(r"\b([a-z]+)[ ]$")
#: Cues after which the speaker comes ("“…,” said Smith and Jones"; not "Putin called Erdogan").
_INVERTED_CUE_WORDS = frozenset(["said", "says", "added", "adds", "wrote", "writes", "explained", "noted",
                                 "warned", "asked", "replied", "continued", "according"])
#: Lower-case words that may open a pair speaking together ("both Smith and Jones said").
_PAIR_OPENERS = frozenset(["both", "but", "and", "while", "then", "so", "yet", "as", "also"])
#: A word before a phrase that makes it the end of a longer name ("… on Integrity and Efficiency").
_GLUED_BEFORE = re.compile(r"\b(?:of|on|for|in|at|and|the|to|from|with|by|&)\s+$", re.IGNORECASE)


def _pair_of_words(text: str, toks: list[Tok]) -> bool:
    """Is the phrase two capitalised words joined by "and" ("Smith and Jones", "Farmers and
    Cargill") that are no first names or titles, that the text never writes after a first name
    (so not two people it names in full), the second no kind of source either? Not the end of a
    longer name ("the Council … on Integrity and Efficiency")."""
    if len(toks) != 3 or toks[1].low != "and" or not _cap(toks[0]) \
            or _GLUED_BEFORE.search(text, max(0, toks[0].start - 8), toks[0].start):
        return False
    before = _LOWER_WORD_BEFORE.search(text, max(0, toks[0].start - 20), toks[0].start)
    if before is not None and before.group(1) not in _PAIR_OPENERS | _INVERTED_CUE_WORDS:
        return False  # ("Biden won Michigan and Whitmer said": the object, then the speaker)
    left, right = toks[0], toks[2]
    return all(t.word.isalpha() and not known_first_name(t.low) and not _named_with_first_name(text, t.word)
               for t in (left, right)) \
        and not _lexical(right.low) and left.low not in lx.TITLE_WORDS and left.low not in lx.RANKS \
        and left.low not in lx.HONORIFICS and left.low not in lx.TITLE_ABBREVIATIONS


@lru_cache(maxsize=512)
def _named_with_first_name(text: str, surname: str) -> bool:
    """Does the text write ``surname`` after a known first name somewhere ("Joe Biden")?"""
    return any(known_first_name(m.group(1).lower())
               for m in re.finditer(rf"\b([A-Z][a-z]+)[ ]{re.escape(surname)}\b", text))


#: Letters after a person's name for a seat or an honour ("Ann Lee MP", "Jane Doe KC").
_POST_NOMINALS = frozenset(["MP", "MPs", "MSP", "MEP", "MLA", "MS", "TD", "MBE", "OBE", "CBE", "KBE", "DBE",
                            "KC", "QC", "FRS", "PhD"])


def _organisation_of(body: list[Tok]) -> bool:
    """Is the phrase a body's name in capitals: an organisation's head word, "of" or "for", and
    more capitalised words with no title and no first name among them ("Party of Working People",
    not "Bank of England Governor Andrew Bailey")?"""
    glue = next((k for k, t in enumerate(body) if t.low in ("of", "for")), 0)
    head = glue - 1  # (the first "of" right after the head: not "Wray Grimaldi of the University")
    if head < 0 or glue + 1 >= len(body) or body[head].low not in lx.ORG_HEADS or not _cap(body[head]):
        return False
    rest = body[head + 2:]
    return all(_cap(t) or t.low in ("of", "for", "and", "the") for t in body) \
        and not any(t.low in lx.TITLE_WORDS or known_first_name(t.low) for t in rest)


#: Prepositions that join the words of a body's name when capitalised ("Doctors Without Borders",
#: "Mothers Against Drunk Driving"): no person's name holds one.
_NAME_PREPOSITIONS = frozenset(["Without", "Against", "Beyond"])


def _preposition_in_name(body: list[Tok]) -> bool:
    """Is the phrase a body named by a plural noun, a capitalised preposition and more
    capitalised words ("Doctors Without Borders", "Reporters Without Borders")?"""
    return len(body) >= 3 and body[0].word[:1].isupper() and body[0].low.endswith("s") \
        and not known_first_name(body[0].low) \
        and any(t.word in _NAME_PREPOSITIONS for t in body[1:-1]) \
        and all(_cap(t) or t.low in ("the", "and", "of") for t in body)


#: Last words of bodies' names that are no one's surname.
_BODY_NAME_ENDINGS = frozenset(["International", "Worldwide"])


def _classify(text: str, toks: list[Tok]) -> Mention | None:
    if not toks or len(toks) > _MAX_NP_TOKENS:
        return None
    if any(t.word in lx.AUXILIARIES for t in toks[1:]):
        return None  # "police were investigating whether a manifesto": a clause, no noun phrase
    if toks[0].word in _NAME_PREPOSITIONS and len(toks) >= 2 and all(_cap(t) for t in toks):
        # "Without Evasion notes that …": a name in capitals that opens on a preposition is a
        # blog's or a group's, never a person's
        return Mention(toks[0].start, toks[-1].end, "organisation", _join(text, toks))
    if sk.opens_no_noun_phrase(toks[0].low):
        return None  # "To find the menu, …": a preposition or conjunction opens no speaker
    start, end = toks[0].start, toks[-1].end
    det = toks[0].low if toks[0].low in lx.DETERMINERS else None
    body = toks[1:] if det else toks
    if not body:
        return None
    if len(body) == 1 and body[0].word[:1].isupper() and (
            body[0].low in lx.DOCUMENT_NOUNS and body[0].low.endswith("s") and body[0].low != "reports"
            or body[0].low == "data"):
        # ("Reports say …" names no source: no one's words)
        # "Polls show …", "Studies suggest …", "Data released Monday show …" opening a sentence:
        # documents, no one named Polls
        return Mention(start, end, "anonymous", _join(text, toks))
    if len(body) == 1 and _WEB_NAME.fullmatch(body[0].word):
        return Mention(start, end, "organisation", body[0].word)  # "GreatFire.org", "Change.org"
    if _HANDLE.fullmatch(body[-1].word) and len(body) <= 4 and all(
            t.word.isalpha() and t.word.islower() for t in body[:-1]):
        # "elmo666 wrote", "wrote user jayk1984": a forum or social-media handle is who posts
        return Mention(start, end, "person", body[-1].word, role=_join(text, body[:-1]) or None)
    if det == "the" and len(body) == 1 and _AGED.fullmatch(body[0].low):
        # "“…,” the 37-year-old said": a description of the person the text has just named (or
        # of one it names next), not an organisation
        return Mention(start, end, "definite", body[0].low, role=body[0].word)
    if det is None and 3 <= len(body) <= 5 and body[0].low in lx.HONORIFICS and all(
            _cap(t) and t.word.isalpha() and t.low not in lx.ORG_HEADS and t.low not in lx.TITLE_WORDS
            for t in body[1:]):
        # "Dr Meerjady Sabrina Flora": after an honorific, every capitalised word is the name (no
        # employer stands between: "Meerjady" is a given name the lexicon does not know)
        return Mention(start, end, "person", _join(text, body[1:]),
                       gender=_gender(body[:1]) or _name_gender(body[1:]))
    if det == "the" and len(body) >= 2 and _AGED.fullmatch(body[0].low) and _cap(body[1]):
        # "the 30-year-old Hurst", "the 45-year-old Maria Lopez": a person given an age, as
        # "30-year-old Hurst" is (no body is "the 30-year-old …")
        aged = _classify(text, body)
        if aged is not None and aged.kind == "person":
            return replace(aged, start=start)
    owned = _owned_organisation(body)
    if owned is not None:
        # "Stanford University's Center on Poverty and Inequality", "Parliament’s Joint Committee
        # on Intelligence and Security": the organisation, named without its owner
        return Mention(start, end, "organisation", _join(text, owned))
    if det in (None, "the") and (_organisation_of(body) or _preposition_in_name(body)):
        # "Progressive Party of Working People": a body's name, not a person "People"
        return Mention(start, end, "organisation", _join(text, body))
    if det is None and len(body) >= 3 and body[0].low.endswith("s") and _cap(body[0]) \
            and body[0].low[:-1] in titles.PARTY_NOUNS and body[1].low in ("in", "on"):
        # "Democrats in Congress said", "Republicans on the committee": the group, not the chamber
        return Mention(start, end, "anonymous", _join(text, toks))
    party_at = next((k for k, t in enumerate(body) if t.low in ("from", "of", "in", "on")), len(body))
    party = titles.party_member(body[:party_at]) if det in ("the", "a", "an", "one") else None
    if party is not None and det == "the" and (party_at == len(body) or body[party_at].low in ("in", "on")):
        # "the Texas Republican said", "the top Republican in the House": a politician the
        # story has named, not a party (nor the chamber)
        return Mention(start, end, "definite", party, role=_join(text, body))
    if party is not None and det != "the":
        # "a Democrat from Ohio said": one unnamed politician
        return Mention(start, end, "anonymous", _join(text, toks), role=_join(text, body[:party_at]))
    glue_at = next((k for k, t in enumerate(body) if k and t.low in ("of", "for", "at", "with",
                                                                      "from", "in")), len(body))
    last_glue = max((k for k, t in enumerate(body) if k > glue_at and t.low in ("of", "at", "from")),
                    default=None)
    if det is None and last_glue is not None and last_glue + 1 < len(body):
        # "Member of Parliament Yvette Cooper of the Labour Party", "Secretary of State Mike
        # Pompeo of the State Department": a title with its own "of", the name, then the body
        titled = _classify(text, body[:last_glue])
        if titled is not None and titled.kind == "person" and " " in titled.name and titled.role \
                and text.find(titled.name, body[glue_at].end) >= 0:  # (the name after the title's "of")
            tail = [t for t in body[last_glue + 1:] if t.low not in ("the", "a", "an")]
            return Mention(start, end, "person", titled.name, role=titled.role,
                           organisation=_join(text, tail) or titled.organisation, gender=titled.gender)
    lead_head = base_word(body[glue_at - 1]).lower() if glue_at < len(body) else ""
    unnamed_lead = glue_at < len(body) and body[glue_at - 1].word.islower() and (
        lead_head in lx.ANON_HEADS or lead_head in lx.POSITION_HEADS
    )
    if unnamed_lead and det is None:
        run = next((k for k in range(max(glue_at + 2, len(body) - 3), len(body) - 1)
                    if known_first_name(body[k].low) or _romanised_given_name(body[k].word)), len(body))
        if run < len(body) and all(_cap(t) and (_romanised_given_name(t.word) or not _lexical(t.low))
                                   for t in body[run:]):
            # "Hong Kong director of Amnesty International Man-kei Tam": the office, then the name
            role, org = _role_and_org(text, body[:run])
            return Mention(start, end, "person", _join(text, body[run:]), role=role, organisation=org,
                           gender=_name_gender(body[run:]))
    if glue_at < len(body) and not unnamed_lead and det is None and body[glue_at].low in (
        "of", "at", "from", "with"
    ):
        # "economist Jane Doe of the University of Chicago": a person, then where they are from
        pre_glue = body[:glue_at]
        name_at = _name_run(pre_glue, text)
        tail = [t for t in body[glue_at + 1:] if t.low not in ("the", "a", "an")]
        lone_word = len(tail) == 1 and (tail[0].low in lx.ORG_HEADS or tail[0].low in lx.TITLE_WORDS)
        if name_at < len(pre_glue) and tail and any(_cap(t) for t in tail) and not lone_word \
                and not _lexical(pre_glue[-1].low):  # ("Ohio Secretary of State Jon Husted": a title)
            role, org = _role_and_org(text, pre_glue[:name_at])
            return Mention(start, end, "person", _join(text, pre_glue[name_at:]), role=role,
                           organisation=org or _join(text, tail))
    if det is None and len(body) == 1 and sk.occupational_title(body[0].low) and _bare_title_surname(body[0]):
        # "Clerk: “…”": a trade with no article is an unnamed source, or a surname the speaker
        # book finds in full ("Paul Clerk")
        return Mention(start, end, "anonymous", body[0].word, role=body[0].word)
    if det in _GROUP_QUANTIFIERS and len(body) == 1 and _cap(body[0]) and (
            body[0].low in lx.GROUP_NAMES or body[0].low.endswith(("ians", "ans"))):
        # "Many Tunisians accuse …", "Some Democrats said …": part of a people or a party
        return Mention(start, end, "anonymous", _join(text, toks))
    cut = _name_run(body, text) if not unnamed_lead else len(body)
    if det in _POSSESSIVE_DETERMINERS and 0 < cut < len(body) and body[cut - 1].word.islower() \
            and not possessive(body[cut - 1]) and all(_cap(t) for t in body[cut:]) \
            and body[-1].low not in lx.GROUP_NAMES \
            and not sk.organisation_shaped([t.word for t in body[cut:]]):
        # "her lawyer John Doe", "his wife Fran", "its chief executive Jane Roe": the person,
        # with the role the possessive's owner gave them
        pre, name_toks = body[:cut], body[cut:]
        role, org = _role_and_org(text, pre)
        noun = pre[-1].low
        gender = "f" if noun in _FEMALE_NOUNS else "m" if noun in _MALE_NOUNS else None
        return Mention(start, end, "person", _join(text, name_toks), role=role, organisation=org,
                       gender=gender or _name_gender(name_toks))
    if det in ("a", "an") and 0 < cut < len(body) - 1 \
            and all(t.word.isalpha() and t.word.islower() for t in body[:cut]) \
            and _lexical(body[cut - 1].low) and all(_cap(t) and t.word.isalpha() for t in body[cut:]) \
            and not sk.organisation_shaped([t.word for t in body[cut:]]):
        # "A senior researcher Hong Min said": a trade with its article, then the person's name
        role, org = _role_and_org(text, body[:cut])
        return Mention(start, end, "person", _join(text, body[cut:]), role=role, organisation=org,
                       gender=_name_gender(body[cut:]))
    if cut < len(body) and det in (None, "the") and not (det == "the" and cut == 0):
        name_toks, pre = body[cut:], body[:cut]
        if all(t.low in lx.NAME_PARTICLES for t in name_toks):
            return None
        if pre and any(t.low in ("of", "for") for t in pre) and name_toks[0].word.isalpha() \
                and (name_toks[0].low.endswith(_OFFICE_NOUN_ENDINGS)
                     or len(name_toks) >= 3 and name_toks[0].low in _OFFICE_OBJECTS):
            # "the Director of Public Prosecutions", "Director General of Civil Aviation Arun
            # Kumar": the office's last word ("Prosecutions", "Aviation") is no one's name
            if len(name_toks) == 1:
                return Mention(start, end, "organisation", _join(text, body))
            pre, name_toks = body[:cut + 1], body[cut + 1:]
            cut += 1
        if det is None and pre and len(name_toks) == 1 \
                and all(_cap(t) and _portfolio_word(t.low) for t in pre):
            # "Energy Control", "Energy Transfer": a portfolio's word with no office after it
            # ("Energy Secretary Chris Wright") titles no one; the words name a body
            return Mention(start, end, "organisation", _join(text, body))
        role, org = _role_and_org(text, pre)
        if det == "the" and pre and possessive(pre[-1]) and all(_cap(t) for t in pre) \
                and (len(name_toks) >= 2 or _named_in_full_elsewhere(text, name_toks[0])):
            # "The SNP's Stephen Flynn", "the Kremlin's Dmitry Peskov", "The Prospect Foundation’s
            # Lai": a person of the organisation the possessive names
            return Mention(start, end, "person", _join(text, name_toks), role=role,
                           organisation=org or base_word(pre[-1]), gender=_name_gender(name_toks))
        if det == "the" and not any(t.low in lx.POSITION_HEADS for t in pre) or len(name_toks) == 1 \
                and name_toks[0].low in _OFFICE_OBJECTS and any(t.low in ("for", "of") for t in pre):
            # ("the United Nations High Commissioner for Human Rights": an office, not a Mr Rights)
            return Mention(start, end, "organisation", _join(text, body))
        if name_toks[-1].low in lx.GROUP_NAMES:
            # "Democrats", "House Republicans": a group, not a person
            return Mention(start, end, "organisation", _join(text, body), role=role)
        if len(name_toks) == 1 and name_toks[0].word.isupper() and len(name_toks[0].word) > 1:
            # "AFAD", "Turkey's disaster agency AFAD": an acronym is an organisation
            return Mention(start, end, "organisation", name_toks[0].word, role=role)
        if len(name_toks) >= 2 and name_toks[-1].word.isupper() and name_toks[-1].word.isalpha() \
                and len(name_toks[-1].word) > 1 and name_toks[-1].low not in _NAME_SUFFIXES:
            # "U.S. GDP", "Chinese CDC": no one's surname is an acronym
            return Mention(start, end, "organisation", _join(text, name_toks), role=role)
        if pre and pre[-1].word.islower() and pre[-1].low in lx.ORG_HEADS:
            # "campaign group Global Witness", "state news agency KCNA"
            return Mention(start, end, "organisation", _join(text, name_toks), role=role)
        if len(pre) == 1 and len(name_toks) == 1 and det is None and _cap(pre[0]) \
                and pre[0].low in lx.COMPANY_NAMES and not possessive(pre[0]) \
                and not _known_first_name(name_toks[0].low):
            # "Microsoft Teams", "Google Maps", "Amazon Alexa": a company's product or service,
            # named in full (not a person called "Teams" of Microsoft)
            return Mention(start, end, "organisation", _join(text, body))
        if sk.organisation_shaped([t.word for t in name_toks]):
            return _shaped_organisation(text, start, end, pre, name_toks)
        if len(name_toks) >= 2 and name_toks[-1].word in _BODY_NAME_ENDINGS \
                and not _known_first_name(name_toks[0].low):
            # "Amnesty International", "Transparency International": no one's surname
            return Mention(start, end, "organisation", _join(text, body), role=role)
        if det is None and len(pre) == 1 and len(name_toks) == 1 and pre[0].low in lx.OUTLET_NAMES \
                and pre[0].word.isupper() and not possessive(pre[0]) and name_toks[0].word.isalpha() \
                and not _known_first_name(name_toks[0].low):
            # "CNN Philippines", "BBC Arabic": an outlet's edition, not a reporter called
            # Philippines (a reporter comes with a full name: "CNN's Jake Tapper")
            return Mention(start, end, "organisation", _join(text, body))
        if len(name_toks) == 1 and len(pre) >= 2 and pre[-1].word == "in" \
                and (body_in := _classify(text, pre[:-1])) is not None and body_in.kind == "organisation":
            # "U.S. Air Forces in Europe": a body's command in a place, not a person named Europe
            return Mention(start, end, "organisation", _join(text, body))
        name = _join(text, name_toks)
        if len(name_toks) == 1 and len(pre) >= 2 and pre[-1].low in _BLOOD_KIN and possessive(pre[-2]) \
                and _cap(pre[-2]) and base_word(pre[-2])[:1].isupper() \
                and not _known_first_name(base_word(pre[-2]).lower()):
            # "Ailes’s brother Robert said": the brother's surname is the one his kin is named by
            name = f"{name} {base_word(pre[-2])}"
        if det is None and _place_first_name(body, cut) < cut \
                and not _AFTER_PREPOSITION.search(text, max(0, body[0].start - 12), body[0].start):
            # "London Breed said", "Mayor London Breed said": a first name that is a city's (the
            # city speaking for a government comes alone: "London said")
            role, org = _role_and_org(text, pre[:-1]) if len(pre) > 1 else (None, None)
            return Mention(start, end, "person", _join(text, body[cut - 1:]), role=role, organisation=org)
        return Mention(start, end, "person", name, role=role, organisation=org,
                       gender=_gender(pre) or _name_gender(name_toks))
    if det is None and len(body) == 1 and _bare_title_surname(body[0]):
        # "Expert said", "Bishop said": with no article a title word may be a surname; the
        # speaker book decides by whether the text names that person in full
        return Mention(start, end, "anonymous", body[0].word, role=body[0].word)
    if len(body) >= 2 and body[-1].word.islower() and body[-1].low in lx.OUTLET_KIND_WORDS \
            and all(_cap(t) for t in body[:-1]):
        # "The Register-Guard newspaper reported": the outlet is named without its kind
        return Mention(start, end, "organisation", _join(text, body[:-1]))
    if det is None and 3 <= len(body) <= 4 and _cap(body[0]) and body[0].low in lx.OCCUPATION_WORDS \
            and body[0].low not in lx.ORG_HEADS and all(_cap(t) and t.word.isalpha() for t in body[1:]) \
            and base_word(body[1]).lower() not in lx.ORG_NAMES \
            and not any(t.low in lx.ORG_HEADS or t.low in lx.CORPORATE_WORDS for t in body[1:]):
        # "Actor Denzel Washington": a trade before a full name whose surname is also a place
        return Mention(start, end, "person", _join(text, body[1:]), role=body[0].word)
    # No personal name: an organisation or an unnamed source.
    core_end = next((k for k, t in enumerate(body) if k and t.low in ("of", "for", "at", "with",
                                                                          "from", "to", "in", "by")
                     and not _inside_org_name(body, k)),
                    len(body))
    core, tail = body[:core_end], body[core_end:]
    head = core[-1]
    head_low = base_word(head).lower()
    org_tail = _org_in(text, tail) if tail else None
    if head_low in ("model", "models") and not (len(core) >= 2 and core[-2].low in _MODEL_KINDS) \
            and _SPOKEN_AFTER.match(text, end) is None:
        return None  # "the model predicted landfall": a forecast's; "the model said": a person's
    if det == "the" and len(body) == 1 and _person_demonym(body[0]):
        # "“…,” the Malawian told Al Jazeera": one of a people, the person the story just named
        return Mention(start, end, "definite", head_low, role=body[0].word)
    if det == "the" and not tail and head_low in lx.POSITION_HEADS and (all(
        t.low in lx.TITLE_WORDS or t.low in lx.RANKS or _lexical(t.low) for t in core
    ) or not _cap(head) and all(_lexical(t.low) or _epithet_word(t) for t in core[:-1])):
        # "the director", also with what the story says of the person: "the 35-year-old actor",
        # "the Guatemalan-born actor", "the round bearded businessman"
        return Mention(start, end, "definite", head_low, role=_join(text, core))
    if det == "the" and not tail and head_low in lx.POSITION_HEADS and head_low not in lx.ANON_HEADS \
            and _cap(head) and len(core) >= 2 \
            and (core[0].word in _COUNTRY_ABBREVIATIONS or _demonym(core[0])) \
            and all(_cap(t) and t.low in lx.TITLE_WORDS for t in core[1:-1]):
        # "the US President", "the French Foreign Minister": an office of a country, capitalised,
        # held by someone the story names (not a body called "US President")
        return Mention(start, end, "definite", head_low, role=_join(text, core))
    if det == "the" and not tail and head_low in lx.POSITION_HEADS and head_low not in lx.ANON_HEADS \
            and not _cap(head) and len(core) >= 2 and not any(possessive(t) for t in core) \
            and all(_lexical(t.low) or _epithet_word(t) or _cap(t) for t in core[:-1]):
        # "the Los Angeles mayor", "the former Texas governor": a person the story has named,
        # described by the place they serve (not an unnamed source of an organisation)
        return Mention(start, end, "definite", head_low, role=_join(text, core))
    named_body = head_low in lx.OFFICE_PLURALS and _cap(head) and head is not toks[0]  # ("the U.S. Marshals")
    if head_low in lx.ANON_HEADS and not named_body \
            or (head_low in lx.POSITION_HEADS and not _cap(head)) \
            or det is not None and head_low in _PLURAL_PEOPLE and head.word.islower() \
            or _people_plural(head) and not tail:
        # ("The men in the car told him …": people the story has not named)
        org = org_tail or _org_in(text, core[:-1])
        if det == "the" and head_low in lx.POSITION_HEADS and head_low not in lx.ANON_HEADS \
                and len(core) >= 2 and 2 <= len(tail) <= 3 and tail[0].low == "of" \
                and all(t.word.isalpha() and t.word.islower() and t.low not in lx.DETERMINERS
                        for t in tail) \
                and all(_lexical(t.low) or _epithet_word(t) for t in core[:-1]):
            # "the former secretary of state", "the then secretary of homeland security": an
            # office the story has given someone it named
            return Mention(start, end, "definite", head_low, role=_join(text, body))
        if det == "the" and len(core) == 1 and head_low in lx.POSITION_HEADS:
            return Mention(start, end, "definite", head_low, role=_join(text, core), organisation=org)
        role = _join(text, core) if head_low in lx.POSITION_HEADS and head_low not in (
            "official", "officials") else None
        return Mention(start, end, "anonymous", _join(text, toks), role=role, organisation=org)
    is_org = (
        head_low in lx.ORG_HEADS or _maker(head_low) or _today_in_name(core, len(core) - 1)
        or any(base_word(t).lower() in lx.ORG_NAMES for t in core)
        or (det == "the" and all(_cap(t) or t.low in lx.GLUE for t in body))
        or (head.word.isupper() and len(head.word) > 1)
        or (_cap(head) and head_low in lx.CORPORATE_WORDS)
    )
    if is_org and det == "the" and 3 <= len(body) <= 6 and body[0].low in _HELD_OFFICES \
            and body[1].low in ("of", "for") and all(_cap(t) or t.low in lx.GLUE for t in body) \
            and body[-1].low not in lx.ORG_HEADS:
        # "The Secretary of State said": an office someone holds (the person the text named
        # with it: "Secretary of State Antony Blinken"), not a body
        return Mention(start, end, "definite", body[0].low, role=_join(text, body))
    if is_org and det not in ("a", "an"):
        tail_caps = len(body)
        while tail_caps > 0 and _cap(body[tail_caps - 1]):
            tail_caps -= 1
        if 0 < tail_caps < len(body) and body[tail_caps - 1].word.islower() \
                and body[tail_caps - 1].low in lx.ORG_HEADS:
            # "state news agency KCNA": the name is the capitalised words after the description
            return Mention(start, end, "organisation", _join(text, body[tail_caps:]),
                           role=_join(text, body[:tail_caps]))
        if len(body) >= 2 and body[-1].low in _KIND_OF_BODY and body[-1].word.islower() \
                and all(_cap(t) for t in body[:-1]) and not body[-2].low.endswith("-based"):
            # "the Likud party", "the Wagner group": the name, without the kind of body it is (nor
            # its leader's: "Netanyahu’s Likud party" is Likud)
            named = body[1:-1] if len(body) >= 3 and possessive(body[0]) else body[:-1]
            return Mention(start, end, "organisation", _join(text, named), role=body[-1].word)
        return Mention(start, end, "organisation", _join(text, body))
    return None


#: Words a text puts before a body's name to say what it is ("the nonpartisan Tax Foundation").
_BODY_EPITHETS = frozenset(["nonpartisan", "non-partisan", "bipartisan", "independent", "conservative",
                            "liberal", "progressive", "left-leaning", "right-leaning", "nonprofit",
                            "non-profit", "influential", "powerful", "embattled", "troubled", "rival",
                            "state-run", "state-owned", "government-run", "privately", "respected"])


#: Lower-case words after a name that say what kind of body it is, not part of its name.
_KIND_OF_BODY = frozenset(["party", "group", "movement", "militia", "faction", "alliance", "coalition"])


def _named_in_full_elsewhere(text: str, tok: Tok) -> bool:
    """Is a lone capitalised word a surname the text writes in a fuller name somewhere ("Lai" of
    "Lai I-Chung", "Hale" of "Tom Hale"), and no word for a kind of body?"""
    if not _first_name(tok) or _kind_word(tok.word) or tok.low in lx.CORPORATE_WORDS \
            or tok.low in lx.GROUP_NAMES:
        return False
    return _full_name_at(text, tok.word) < len(text) \
        or re.search(rf"(?<![\w’'-]){re.escape(tok.word)}[ ][A-Z][a-z]*-?[A-Z]?[a-z]+\b", text) is not None


def _shaped_organisation(text: str, start: int, end: int, pre: list[Tok], name_toks: list[Tok]) -> Mention:
    """"TechCrunch", "Android Headlines", "Rocky's K9 Rescue": a name shaped like an
    organisation's, with the owner a possessive before it names (which is part of the name)."""
    if pre and possessive(pre[-1]) and _cap(pre[-1]) and pre[-1].end + 1 == name_toks[0].start:
        return Mention(start, end, "organisation", _join(text, [pre[-1], *name_toks]))
    return Mention(start, end, "organisation", _join(text, name_toks))


#: Words before a noun that point back rather than describe: "the same official" is the official
#: quoted before, "other critics" other people.
_NOT_EPITHETS = frozenset(["same", "other", "another", "both", "each", "every", "such"])


def _epithet_word(tok: Tok) -> bool:
    """A word that describes a person before the noun naming them: an adjective in lower case
    ("bearded"), an age ("35-year-old") or a hyphened origin ("Cuban-Guatemalan", "Texas-born")."""
    word = tok.word
    if tok.low in titles.PARTY_ADJECTIVES:
        return True  # "the Republican nominee": the party describes the person
    if word.islower():
        return word.replace("-", "").isalnum() and word not in _NOT_EPITHETS
    return "-" in word and word.replace("-", "").isalnum() and not word.isupper()


#: Last words of the titles of reports ("… Emissions Gap Report"; not "… for Space Research").
_DOCUMENT_TITLE_WORDS = frozenset(["report", "reports", "survey", "study", "review", "poll", "index",
                                   "outlook", "assessment", "audit", "census", "analysis"])


def _titled_document_author(text: str, toks: list[Tok]) -> Mention | None:
    """"the United Nations Environment Program Emissions Gap Report": a document's title that
    opens with its author's name, up to the last word for an organisation ("Program") before the
    capitalised document word."""
    if len(toks) < 3 or not _cap(toks[-1]) or toks[-1].low not in _DOCUMENT_TITLE_WORDS:
        return None
    words = [t for t in toks if t.low not in lx.DETERMINERS]
    if not words or not all(_cap(t) or t.low in _ORG_NAME_GLUE for t in words) \
            or any(possessive(t) for t in words):
        return None
    head = next((k for k in range(len(words) - 2, 0, -1) if words[k].low in lx.ORG_HEADS), None)
    if head is None:
        return None
    return Mention(words[0].start, words[head].end, "organisation", _join(text, words[:head + 1]))


#: Groups of people whose statement is theirs ("The family's statement said").
_GROUP_OWNERS = frozenset(["family", "families", "victims", "victim", "parents", "lawyers", "attorneys"])
#: Sources a document may come from that a story writes in lower case ("reports from local
#: press").
_LOWER_CASE_SOURCES = frozenset(["press", "media", "police", "authorities", "officials", "prosecutors",
                                 "investigators", "government", "administration", "ministry", "military",
                                 "army"])


#: "on Monday", "on May 3": a date after a name, none of its words.
_DATE_AFTER_ON = re.compile(r"on[ ](?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                            r"February|March|April|May|June|July|August|September|October|November|"
                            r"December)\b")


def document_author(text: str, toks: list[Tok]) -> Mention | None:
    """The author a document phrase names: "a Moody’s Analytics report in April" and "the
    Moody’s report" stand for Moody’s, "Labor Department data compiled by Bloomberg" for the
    Labor Department, "data compiled by Bloomberg" and "a report in the Daily Express
    newspaper" for who compiled or printed them. None when it names nobody ("court records")."""
    at = next((k for k, t in enumerate(toks) if t.word.islower() and t.low in lx.DOCUMENT_NOUNS), None)
    if at is None:
        return _titled_document_author(text, toks)
    owner = [t for t in toks[:at] if t.low not in lx.DETERMINERS and t.low not in _COUNT_WORDS
             and t.low not in _FRESH_WORDS]  # (not "Various" of "Various estimates")
    if owner and _REPORTS_OF_A_KIND.fullmatch(text, owner[0].start, toks[at].end):
        return None  # "Initial reports", "Media reports": reports of a kind, by no one named
    if len(owner) >= 2 and owner[0].word in _COUNTRY_ABBREVIATIONS and owner[-1].word.islower() \
            and not any(possessive(t) for t in owner):
        return None  # "U.S. news accounts": accounts of a kind, by no one named
    if len(owner) == 1 and owner[0].word in ("U.S.", "US", "U.K.", "UK"):
        # "a U.S. database of studies": the country the document is from, not who wrote it (a body,
        # "a UN report", is its author)
        return None
    while len(owner) > 1 and owner[-1].low in _DOCUMENT_MODIFIERS and owner[-1].word.islower():
        owner = owner[:-1]  # "a NATO press release", "the ministry's annual report": the owner
    while owner and (owner[0].word[:1].isdigit() or owner[0].low.rstrip(".") in _MONTHS):
        owner = owner[1:]  # "a March 14, 2019 NATO press release": a date, then the owner
    while len(owner) > 1 and owner[-1].low in _MONTHS | _WEEKDAYS and possessive(owner[-2]):
        owner = owner[:-1]  # "the Energy Information Administration’s October report": whose
    if len(owner) == 1 and owner[0].low in lx.ORG_HEADS and not possessive(owner[0]) \
            and (owner[0] is toks[0] or not _cap(owner[0])):
        # "Court records say" opening a sentence: a kind of record, no one's name (but "A
        # Pentagon statement" names the Pentagon)
        owner = []
    caps = [t for t in owner if _cap(t)]
    poss = next((k for k, t in enumerate(owner) if possessive(t) and _cap(t)), None)
    if caps and _cap(owner[-1]) and all(_cap(t) or t.low in ("of", "and", "for", "on") and k + 1 < len(owner)
                                        for k, t in enumerate(owner) if k >= owner.index(caps[0])):
        # ("a European Court of Human Rights ruling": the court, minor words and all)
        name_toks = owner[owner.index(caps[0]):]
    elif poss is not None:
        # "Aflac's press release", "Moody's latest report": the owner before the lower-case words
        j = poss
        while j > 0 and (_cap(owner[j - 1]) or j > 1 and owner[j - 1].low in ("of", "and", "for")
                         and owner[j - 1].word.islower() and _cap(owner[j - 2])) \
                and not possessive(owner[j - 1]):
            j -= 1  # (minor words inside the name: "the U.S. Bureau of Labor Statistics' index")
        name_toks = owner[j:poss + 1]
    elif owner and possessive(owner[-1]) and owner[-1].word.islower() and len(owner) <= 3:
        # "the attorney general's complaint", "the mayor's statement": the office's holder
        last = owner[-1]
        base = Tok(base_word(last), last.start, last.start + len(base_word(last)))
        phrase = [t for t in toks[:at] if t.end < last.end] + [base]
        held = classify(text, phrase)
        if held is not None and held.kind == "anonymous" and last.word.endswith(("s'", "s’")):
            return held  # "the researchers' calculations": the researchers
        # ("the club's statement", "the company's letter": the body, found as "the club" is)
        if held is not None and held.kind == "anonymous" and held.name.lower().removeprefix("the ") \
                in _GROUP_OWNERS:
            return held  # "The family's statement": the family
        return held if held is not None and held.kind in ("definite", "organisation") else None
    else:
        name_toks = []
        topic = False
        for k in range(at + 1, len(toks) - 1):
            if toks[k].low == "by" and _READ_BY.match(" " + toks[k - 1].low + " by"):
                return None  # "documents obtained by VOA", "emails seen by Reuters": a reader
            if toks[k].low in ("on", "about", "into", "regarding", "concerning") and not (
                    k + 1 < len(toks) and (toks[k + 1].low in lx.TIME_WORDS
                                           or toks[k + 1].low.rstrip(".") in _MONTHS)):
                topic = True  # "a report on the shutdown of Los Angeles schools": what it is about
                # (not "a statement on Monday from the Kremlin": when)
            if topic and toks[k].low != "by":
                continue
            if toks[k].low in ("in", "at") and k > at + 1:
                continue  # "court documents filed in Miami": where, not who
            if toks[k].low == "of" and _cap(toks[k - 1]) and k > at + 1:
                continue  # "published in the Journal of Preventive Medicine": inside a name
            if toks[k].low in ("by", "from", "of", "in", "at"):
                run = toks[k + 1:]
                while run and run[0].low in ("the", "a", "an"):
                    run = run[1:]
                kind = next((j for j in range(1, min(4, len(run))) if _cap(run[j])), 0)
                if kind and all(t.word.islower() and t.word.isalpha() for t in run[:kind]) \
                        and (run[kind - 1].low in _NAMED_KINDS or run[kind - 1].low in lx.ORG_HEADS):
                    run = run[kind:]  # "an analysis by the research firm Rhodium Group": the firm's name
                n = 0
                while n < len(run) and (_cap(run[n]) or n and run[n].low in ("of", "and", "for", "on", "&")
                                        and n + 1 < len(run) and _cap(run[n + 1])
                                        and not _DATE_AFTER_ON.match(text, run[n].start)):
                    n += 1  # "U.S. Customs and Border Protection", "Center for Automotive Research"
                    # (not "released by NATO on Monday": when it was, not a name's words)
                if n and n < len(run) and run[n].word.islower() and run[n].low in lx.ANON_HEADS \
                        and run[n].low.endswith("s") and toks[k].low in ("by", "from"):
                    group = classify(text, run[:n + 1])
                    if group is not None and group.kind == "anonymous":
                        return group  # "The letter by Republican lawmakers": the lawmakers
                office = next((j for j in range(n + 1, min(len(run), n + 4))
                               if run[j].word.islower() and run[j].low in lx.ORG_HEADS), None) if n else None
                if n == 1 and n < len(run) and run[n].word.islower() and run[n].low in _STATE_BODIES \
                        and _demonym(run[0]):
                    n += 1  # "a report from the Mexican government": a people's government
                elif office is not None and all(t.word.islower() and t.word.rstrip("'’s").isalpha()
                                                and t.low not in lx.GLUE and t.low not in ("on", "in", "over")
                                                for t in run[n:office]):
                    # "by the Justice Department inspector general's office": the office
                    n = office + 1
                elif n and n < len(run) and possessive(run[n - 1]) and run[n].word.islower() \
                        and run[n].low in lx.ORG_HEADS:
                    n += 1  # "a statement released by Erdogan's office": the office, not the man
                elif n and n < len(run) and possessive(run[n - 1]):
                    # "a readout released by China’s official Xinhua News Agency": the body named
                    # after its owner and a word or two in lower case
                    j = n
                    while j < min(len(run), n + 2) and run[j].word.islower() and run[j].word.isalpha():
                        j += 1
                    m = j
                    while m < len(run) and _cap(run[m]):
                        m += 1
                    if j > n and m > j:
                        run, n = run[j:], m - j
                if toks[k].low == "of" and n == 1 and n < len(run) and run[n].word.islower() \
                        and _demonym(run[0]):
                    continue  # "an analysis of Chinese customs data by the Carnegie Endowment"
                body_end = next((j for j in range(1, min(4, len(run))) if run[j].low in lx.ORG_HEADS), None)
                if not n and toks[k].low == "by" and body_end is not None \
                        and all(t.word.islower() and t.word.isalpha() for t in run[:body_end + 1]) \
                        and run[body_end].low not in _LOWER_CASE_SOURCES:
                    # "The 180-page report by the bipartisan task force": a body the text describes
                    # ("a study by a bipartisan research group": one it does not name, as it is)
                    if toks[k + 1].low in ("a", "an"):
                        return Mention(run[0].start, run[body_end].end, "anonymous",
                                       _join(text, run[:body_end + 1]))
                    return Mention(run[0].start, run[body_end].end, "organisation",
                                   f"the {_join(text, run[:body_end + 1])}")
                if not n and 1 <= len(run) <= 3 and all(t.word.islower() and t.word.isalpha() for t in run) \
                        and run[-1].low in _LOWER_CASE_SOURCES and toks[k].low in ("by", "from", "in"):
                    # "reports from local press", "a statement by police": who, in lower case
                    return Mention(run[0].start, run[-1].end, "anonymous", _join(text, run))
                name_toks = run[:n]
                owned = _owned_organisation(name_toks)
                if owned is not None:
                    name_toks = owned  # "by Stanford University's Center on Poverty and Inequality"
                name_toks = _past_based_in(name_toks)  # "the Ann Arbor-based Center for …"
                break
    if not name_toks or all(t.low in lx.NOT_NAMES for t in name_toks):
        return None
    name = _join(text, name_toks)
    if possessive(name_toks[-1]):
        name = base_word(Tok(name, 0, 0))
    if possessive(name_toks[-1]):
        # "Judge Rosa Delgado's ruling": the owner's name without the possessive
        last = name_toks[-1]
        name_toks = [*name_toks[:-1], Tok(base_word(last), last.start, last.start + len(base_word(last)))]
    spelled = _ROLE_ACRONYMS.get(name.lower())
    if spelled is not None:
        # "The AG’s complaint": the attorney general the story names, like "the attorney general"
        role_toks = tokens(spelled, 0, len(spelled))
        return Mention(toks[0].start, toks[-1].end, "definite", role_toks[-1].low, role=spelled)
    of = next((k for k, t in enumerate(name_toks) if k > 1 and t.low == "of"), None)
    if of is not None:
        titled = classify(text, name_toks[:of])
        if titled is not None and titled.kind == "person" and titled.role and " " in titled.name:
            # "signed by Representative John Moolenaar of Michigan": the person, not a body
            return Mention(toks[0].start, toks[-1].end, "person", titled.name, gender=titled.gender)
    named = classify(text, name_toks)
    if named is not None and named.kind == "person" and len(name_toks) > 1 and not any(
            t.low in lx.OUTLET_WORDS or t.low in lx.OUTLET_NAMES or t.low in ("and", "for", "of")
            for t in name_toks):
        return Mention(toks[0].start, toks[-1].end, "person", named.name, gender=named.gender)
    return Mention(toks[0].start, toks[-1].end, "organisation", name)


# -- resolution within a story ------------------------------------------------------------------


@dataclass
class Speaker:
    """One speaker of a story, built up from its mentions."""

    index: int
    name: str
    kind: str
    role: str | None = None
    organisation: str | None = None
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None
    #: The gender the mention that first named the speaker gave ("Mr. Trump"), not one guessed
    #: later from a first name elsewhere in the text.
    stated_gender: str | None = None

    def add_role(self, role: str | None) -> None:
        """Keep every distinct role a story gives the speaker (up to a length: a text that gives
        one speaker thousands of roles must not make each new one cost more than the last)."""
        if not role or self.role and len(self.role) > _MAX_ROLE_CHARS:
            return
        if not self.role:
            self.role = role
        elif role.lower() not in self.role.lower() and self.role.lower() not in role.lower():
            self.role = f"{self.role} / {role}"
        elif self.role.lower() in role.lower():
            self.role = role


alias_key = speaker_key
_COMPASS = frozenset(["north", "south", "east", "west"])
#: The capitalised words opening a sentence.
_OPENING_CAPITALS = re.compile(r"\s*([A-Z][\w.&’'-]*(?:[ ][A-Z][\w.&’'-]*){0,3})")
#: A post of an organisation a generic word stands for: "the company’s spokesperson", "a
#: spokesperson from the company".
_POST_OF_GENERIC = re.compile(r"(?i:the)[ ](company|firm|group|agency|airline|bank|ministry|department)['’]s"
                              r"[ ]([a-z]+)|(?i:an?|the)[ ]([a-z]+)[ ](?:from|for|at)[ ]the[ ]"
                              r"(company|firm|group|agency|airline|bank|ministry|department)")
#: Heads that, after "the", stand for an organisation the story has named.
_GENERIC_ORGS = frozenset(["company", "firm", "group", "agency", "startup", "carrier", "airline",
                           "retailer", "manufacturer", "developer", "publisher", "studio", "insurer",
                           "lender", "bank", "brand", "maker", "platform", "network", "app",
                           "newspaper", "paper", "broadcaster", "utility", "chain", "operator",
                           "distributor", "supplier", "nonprofit", "magazine", "website", "outlet", "club",
                           "publication", "party", "consultancy"])
#: Words for any body at all: "the organization" is the one whose name says so ("World Health
#: Organization"), else the body named last ("the International Rescue Committee … the
#: organization said").
_ANY_BODY = frozenset(["organization", "organisation", "charity"])
#: Bodies a story calls by a common noun that their names do not hold ("NATO … the alliance",
#: "the European Union … the bloc").
_KNOWN_BODY_KINDS = {
    noun: re.compile(r"(?<![\w.’'-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w’'-])")
    for noun, names in {
        "alliance": ("North Atlantic Treaty Organization", "NATO"),
        "bloc": ("European Union", "EU", "E.U.", "Association of Southeast Asian Nations", "ASEAN",
                 "BRICS", "Mercosur", "African Union", "North Atlantic Treaty Organization", "NATO"),
        "cartel": ("OPEC+", "OPEC"),
        "department": ("Pentagon",),
    }.items()
}
#: Last words of the names of places, which "the company" or "the agency" never means.
_PLACES_NOT_BODIES = frozenset(["airport", "hospital", "station", "stadium", "park", "square",
                                "street", "avenue", "road", "bridge", "river", "lake", "island",
                                "beach", "mall", "hotel", "church", "cathedral", "mosque", "temple",
                                "museum", "prison", "port", "harbour", "harbor", "valley", "county"])


def _generic_head(word: str) -> bool:
    return word in _GENERIC_ORGS or _maker(word)


#: The verb after a paragraph's opening subject ("… have avoided criticism").
_SUBJECT_VERB = re.compile(r"[ ](?:have|has|had|are|were|seem|seemed|will|would|did|do|could|can|should|"
                           r"must|may|might|remain|remained|appear|appeared|want|wanted|plan|planned"
                           # a past after its subject ("… (USCIRF) also criticized the move")
                           r"|(?:also[ ]|then[ ]|later[ ]|again[ ])?[a-z]{3,}ed)\b")
#: An organisation named by an acronym, maybe after one word: "CDC", "Chinese CDC".
_ACRONYM_NAME = re.compile(r"(?:([A-Z][a-z]+) )?([A-Z][A-Z&]{1,6})")
#: Bodies' acronyms written with full stops.
_DOTTED_BODIES = frozenset(["U.N.", "E.U."])
#: A name spelled out in capitalised words, minor words between: "Center for Disease Control".
#: ("the" only after a joiner: "Organisation for the Prohibition …"; never "on": "Eastern
#: Ukraine on Sunday" is no name.)
_SPELLED_RUN = re.compile(r"[A-Z][\w’'-]*(?:(?: (?:for|of|and|to|&)(?: the)?)? [A-Z][\w’'-]*){1,8}")
#: Words an acronym leaves out ("Center for Disease Control" is CDC; "&" it keeps: "PG&E").
_ACRONYM_MINOR = frozenset(["for", "of", "and", "the", "to"])
#: A user name of letters then digits: "elmo666", "jayk1984".
_HANDLE = re.compile(r"[A-Za-z][A-Za-z_]{2,}\d+[A-Za-z\d_]*")  # (not "c4", "A1", "ward B12")
#: The given names after a surname written first: " Suk Yeol", " Jong Un", " Jae-myung".
_GIVEN_AFTER_SURNAME = re.compile(r"(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2}(?![\w-])")


#: What an office is for, closing its name ("Commissioner for Human Rights", "Minister for
#: Foreign Affairs"): never a surname after a title.
#: Offices one person holds, named with "of" or "for" ("the Secretary of State", "the
#: Minister for Health"): not "the Department of …" or "the Bank of …".
_HELD_OFFICES = frozenset(["secretary", "minister", "director", "chief", "commissioner", "governor",
                           "chancellor", "attorney", "president", "chairman", "chairwoman", "chair",
                           "head", "mayor", "speaker", "leader", "ambassador"])
#: An ordinal in figures: "14th", "82nd", "1st".
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Endings of the nouns an office's name ends with ("Prosecutions", "Aviation", "Development").
_OFFICE_NOUN_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance",
                        "ence", "ure", "ship", "ics")
_OFFICE_OBJECTS = lx.word_set(
    "rights affairs refugees health education trade defence defense justice energy transport "
    "security development environment finance welfare children women veterans housing labour "
    "labor agriculture culture tourism industry commerce interior")
_NUMBER_WORDS = lx.word_set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions dozen dozens half")


def _number_word(low: str) -> bool:
    """A number written out ("thirty", "twenty-five", "hundreds")."""
    return all(part in _NUMBER_WORDS for part in low.split("-"))


#: An age used as a noun: "the 37-year-old".
_AGED = re.compile(r"\d{1,3}-year-old")


@lru_cache(maxsize=64)
def _aged_patterns(age: str) -> re.Pattern[str]:
    """Where a text gives a person an age: "Maria Lopez, 37," or "37-year-old Maria Lopez"."""
    name = r"[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,3}"
    return re.compile(rf"({name}), {age}\b|\b{age}-year-old (?:[a-z]+ ){{0,2}}({name})")


def _title_after_name(tok: Tok) -> bool:
    """A title written in capitals after a name: "MP", "CEO" ("Ann Lee MP", "David Morales
    CEO"; not a numeral like "III", and never a title word that is also a surname: "Pope",
    "Bishop", "King")."""
    return tok.word.isupper() and len(tok.word) > 1 and tok.low not in ("ii", "iii", "iv", "jr", "sr")


def _past_based_in(toks: list[Tok]) -> list[Tok]:
    """The words of a name after where it is based: "Ann Arbor-based Center for Automotive
    Research" is the Center for Automotive Research."""
    based = next((j for j in range(len(toks) - 1, -1, -1)
                  if toks[j].low.endswith(_AFFILIATION_SUFFIXES)), None)
    return toks if based is None else toks[based + 1:]


#: Endings of a word that says where a body is based or who leads or backs it ("Moscow-based",
#: "Kurdish-led", "Iran-backed"): a modifier before the body's name, not part of it.
_AFFILIATION_SUFFIXES = ("-based", "-led", "-backed", "-owned", "-run", "-controlled", "-funded",
                         "-allied", "-aligned", "-affiliated", "-sponsored", "-supported")
#: Where an organisation is based, before its name's text ("Sacramento-based McClatchy").
_BASED_IN = re.compile(r"(?:[Tt]he )?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?-(?:"
                       + "|".join(x[1:] for x in _AFFILIATION_SUFFIXES) + ") ")
#: Portfolios of a minister or a secretary: "the health minister" holds no other.
_PORTFOLIOS = frozenset(["health", "foreign", "defence", "defense", "finance", "interior", "energy",
                         "education", "transport", "transportation", "justice", "agriculture",
                         "environment", "trade", "economy", "labour", "labor", "culture", "aviation",
                         "treasury", "home", "tourism", "housing", "sports", "communications", "science",
                         "commerce", "industry", "emergencies", "emergency", "railways", "water"])


def _portfolio_clash(wanted: str | None, held: str | None) -> bool:
    """Do a definite mention's role (``wanted``: "local health minister") and a speaker's role
    (``held``: "Civil Aviation Minister") name different portfolios?"""
    if not wanted or not held:
        return False
    mine = {w for w in wanted.lower().split() if w in _PORTFOLIOS}
    theirs = {w for w in held.lower().split() if w in _PORTFOLIOS}
    return bool(mine) and bool(theirs) and not mine & theirs or _place_clash(wanted, held)


def _place_clash(wanted: str, held: str) -> bool:
    """Do the two roles put different places before the same head: "Kentucky Republican" and
    "an Illinois Republican", "the Texas senator" and "Ohio senator"?"""
    words = wanted.split()
    if len(words) < 2 or not words[-2][:1].isupper() or words[-2].lower() in _ROLE_OPENERS:
        return False
    head = words[-1].lower()
    theirs = held.split()
    for k in range(1, len(theirs)):
        if theirs[k].lower() == head and theirs[k - 1][:1].isupper() \
                and theirs[k - 1].lower() not in _ROLE_OPENERS:
            return theirs[k - 1].lower() != words[-2].lower()
    return False


def _written_without_suffix(text: str, name: str) -> bool:
    """Does the text introduce ``name`` with a title and no generation's suffix after it
    ("President Donald Trump" beside "Donald Trump Jr.": two people)?"""
    pattern = re.compile(r"([\w.]+) " + re.escape(name) + r"(?![\w’'-])(?!,? (?:Jr|Sr|II|III|IV)\b)")
    return any(m.group(1).lower() in lx.TITLE_WORDS or m.group(1).lower() in lx.HONORIFICS
               for m in pattern.finditer(text))


#: A preposition of place right before a word: "in Ann Arbor", "near Santa Clara".
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near|outside|across)\s+$")
#: The first word of a place's name, before a word that could be a first name ("San Diego",
#: "Santa Clara", "Fort Myers").
_PLACE_PREFIX_BEFORE = re.compile(r"(?<![\w’'-])(?:San|Santa|Santo|Los|Las|São|Sao|Saint|St\.|Fort|Port|"
                                  r"Mount|Mt\.)[ ]$")
#: A participle of reading after a document's noun: who read it, not who wrote it.
_READ_BY = re.compile(r"\s+(?:obtained|seen|reviewed|viewed|examined|acquired|analy[sz]ed)\s+by\b")
#: A campaign named by its candidate: "the Trump campaign", "Harris' campaign", "the Biden-Harris campaign".
_NAMED_CAMPAIGN = re.compile(r"\b([A-Z][\w'’-]*?)(?:[’']s?)? campaign\b")
#: Words for a member of a legislature that a text uses for one it titled so before.
_LEGISLATOR_WORDS = frozenset(["lawmaker", "legislator", "congressman", "congresswoman", "congressmember"])
#: Titles of members of a legislature ("Rep. Jane Doe" is "Representative", "Sen." "Senator").
_LEGISLATOR_TITLES = frozenset(["representative", "senator", "congressman", "congresswoman", "lawmaker",
                                "legislator", "assemblyman", "assemblywoman", "delegate", "mp",
                                "congressmember", "rep.", "sen."])
#: A legislator's title before a full name in the text.
_TITLED_LEGISLATOR = re.compile(r"\b(?:Rep\.|Representative|Sen\.|Senator|Congressman|Congresswoman)[ ]"
                                r"((?:[A-Z][\w’'.-]+[ ]){1,2}[A-Z][\w’'-]+)")
#: A body's name followed by what it is: "Automattic, a technology company …".
_DESCRIBED_BODY = re.compile(r",[ ]an?[ ]")
#: A channel of a body named by "its": "its website", "its official Twitter account".
_ITS_CHANNEL = re.compile(r"[Ii]ts (?:official )?(?:[A-Z]\w+ )?"
                          r"(?:website|site|account|page|blog|feed|channel|newsletter)")
#: Suffixes of a generation after a surname: "Donald Trump Jr.", "Martin Luther King III".
_GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
#: Capitalised words before a role's head that name no place ("Former Senator", "The Republican").
_ROLE_OPENERS = frozenset(["the", "a", "an", "former", "senior", "junior", "deputy", "acting", "vice",
                           "chief", "top", "new", "then"])


#: Kinds of place whose names may open with the kind's word ("Hotel Arpit Palace").
_NAMED_FIRST_HEADS = frozenset(["hotel", "hospital", "museum", "bank", "club", "school", "college", "church"])
#: Channels that speak for their owner: "the hotel's website", "the city's Twitter account".
_OWNED_CHANNEL = re.compile(r"(?P<owner>.+?)[’']s (?:official )?(?:[A-Z]\w+ )?"
                            r"(?:website|site|account|page|blog|feed|channel|newsletter|handle)")
#: Words of a document's kind before its noun ("a NATO press release", "Moody's latest report").
_DOCUMENT_MODIFIERS = frozenset(["press", "news", "annual", "latest", "new", "recent", "final", "official",
                                 "internal", "draft", "weekly", "monthly", "quarterly", "daily",
                                 "preliminary", "initial", "full", "written", "joint", "public", "leaked",
                                 "confidential", "secret", "technical", "special", "fact"])
#: Months and their short forms, which open a date before a document's owner.
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                     "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
#: Capitalised words before a body's name that are not part of it: "the January Search …".
_NOT_NAME_PREFIXES = _WEEKDAYS | _MONTHS | frozenset(["the", "a", "an"])
#: Two people named in full and joined by "and": "Paul Edelstein and Lutz Kilian".
_NAMED_PAIR = re.compile(r"\b[A-Z][a-z][\w’'-]* [A-Z][\w’'-]+ and [A-Z][a-z][\w’'-]* [A-Z][\w’'-]+\b")
#: A sentence opening on "They".
_THEY_OPENS = re.compile(r"\s*They\b")
#: Right before a name: a sentence's start or a preposition.
_OPENS_OR_AFTER_PREPOSITION = re.compile(r"(?:^|[.\n]\s*|\b(?:for|from|with|by|of|between|to)[ ])$")
#: Words before a title that say its level, not its place ("Regional governor").
_LEVELS_OF_OFFICE = frozenset(["regional", "provincial", "federal", "state", "local", "national",
                               "city", "county", "municipal", "district", "interim", "acting"])
#: A place's office: "Chelyabinsk's governor", "Russia's foreign minister".
_PLACE_OFFICE = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)[’']s ((?:[a-z-]+ ){0,2}[a-z]+)")
#: Plural words for a body a story has one of: "prosecutors" after "federal prosecutors" is them.
_ONE_BODY_GROUPS = frozenset(["prosecutors", "police", "investigators", "detectives", "authorities",
                              "unions", "organizers", "organisers", "regulators", "rescuers"])
#: A campaign named by its candidate's possessive: "Tester's campaign", "Harris’ campaign".
_OWNED_CAMPAIGN = re.compile(r"([A-Z][\w’'-]*?)(?:[’']s|[’'])[ ]campaign")
#: An administration named by its president: "the Trump administration", "Biden's administration".
_NAMED_ADMINISTRATION = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*?)(?:[’']s?)? administration\b")
#: Organisation words too vague to stand for one named organisation ("the staff", "the media").
_VAGUE_ORG_HEADS = frozenset(["staff", "media", "team", "campaign", "project", "program", "programme",
                              "initiative", "service", "services", "force", "forces", "platform",
                              "network", "authorities", "regulators", "prosecutors", "guards"])
#: Words that make a name a place ("Tom Ward Street"), not a double surname.
_PLACE_WORDS = frozenset(["street", "st", "road", "rd", "avenue", "ave", "lane", "square", "park",
                          "bridge", "hall", "house", "centre", "center", "stadium", "arena", "field",
                          "station", "airport", "county", "city", "island", "river", "drive", "way",
                          "tower", "towers", "plaza", "building", "hotel", "resort", "casino",
                          "boulevard", "mall", "palace", "port", "harbor", "harbour", "valley",
                          "mountain", "lake", "beach", "bay", "heights", "gardens", "terrace"])
#: How far back "the director" looks for the person the text introduced so (characters).
_DESCRIBED_LOOKBACK = 3000


@lru_cache(maxsize=512)
def _described_patterns(head: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """"director J.C. Chandor", "J.C. Chandor, the director", "a female officer" for ``head``."""
    word = re.escape(head)
    # (a name's particles in lower case between its words: "Ursula von der Leyen")
    name = r"[A-Z][\w.’'-]*(?:[ ](?:(?:" + _PARTICLE_ALTERNATION + r")[ ]){0,2}[A-Z][\w.’'-]*){0,3}"
    return (
        re.compile(rf"\b(?i:{word})[ ]({name})"),
        re.compile(rf"({name}),[ ](?:the|a|an|its|their)[ ](?:[\w’'-]+[ ]){{0,2}}{word}\b"),
        # (the words between are what describes the person, never another article: not "the
        # reason one man" but "one man"; a party's or a place's name may be one: "another GOP
        # lawmaker")
        re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother)[ ]((?:(?!(?:an?|one|the)[ ])"
                   rf"(?:[a-z][\w-]*|[A-Z]{{2,}})[ ]){{0,2}}{word})\b"),
    )


#: Endings of common nouns that open sentences ("Construction slowed"), never of a surname.
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ure", "ing", "ship")
#: How far after an unnamed source spoke a person named again may still be what "she" means.
_NAMED_SINCE_REACH = 3000
#: How far back a pronoun with no speaker to stand for looks for a named person (characters).
_PRONOUN_LOOKBACK = 400
#: How far into a story its opening description of a judge may stand, and how soon after it the
#: text must name the judge (see _titled_after).
_LEDE_REACH = 700
_LEDE_NAME_REACH = 700
#: A sentence's end: a stop after a lower-case word or a number (not an initial's: "U.S."), or a
#: line's.
_STOP_BEFORE_TITLE = re.compile(r"(?<=[a-z0-9)])[.!?][\"”’]?[ ]+|\n+")
#: The next capitalised word (a pronoun after it may be someone else's: "warned Giuliani he …").
_CAPITAL_AFTER = re.compile(r"(?<=[ ])[A-Z]")
#: Words that set a sentence on another occasion than the story's ("U.S. District Judge John
#: McConnell last month found …": an earlier ruling, maybe another judge's).
_OTHER_OCCASION = re.compile(r"\b(?:last (?:week|month|year)|earlier|previously|separate|another|also|"
                             r"in (?:19|20)\d\d)\b")
#: Capitalised words only, before a title ("U.S. District " before "Judge Beryl Howell").
_TITLE_LEAD_IN = re.compile(r"(?:[A-Z][\w.’'-]*[ ])*")
#: Words that may stand between the article and "judge" in such a description ("a federal
#: judge", "A military judge"): none names another office than the one the title is of.
_LEDE_MODIFIERS = frozenset(["federal", "military", "district", "state", "county", "local", "new",
                             "chief", "appeals", "appellate", "circuit", "bankruptcy", "immigration",
                             "superior", "presiding", "trial", "senior", "u.s."])
#: A judge's name set beside "the judge": "the order by the judge, Air Force Colonel Matthew McCall, …".
_NAMED_BESIDE_JUDGE = re.compile(r"\b[Tt]he (judge|justice), ([^,.;:\n]{4,60}),")
#: How far after the words of the person quoted last a new subject may take "he" or "she" over.
_SUBJECT_SINCE_REACH = 800
#: A sentence's subject named after an opening phrase and its comma, then a verb: "Wednesday,
#: the day he dropped out, Bloomberg endorsed …", "Milei campaigned …".
_SUBJECT_AFTER_OPENING = re.compile(
    r"(?:^|(?<=[.!?][ ])|(?<=\n))(?:[^.!?\n“”\"]{0,80}?,[ ])?((?:[A-Z][\w’'-]+[ ]){0,2}[A-Z][\w’'-]+)"
    r"(?=[ ](?:[a-z]+ed|[a-z]+s|has|had|is|was|will|would|told|made|took|went|gave|led|won|ran|began|"
    r"became|did|can|could|also|then|later)\b)", re.MULTILINE)
_SINGLE_NAME = re.compile(r"(?<![\w.’'])[A-Z][a-z][\w'’-]*")
#: "Salinas’ home, where she": the owner of a place a pronoun's clause is about.
_OWNER_CLAUSE = re.compile(r"(?<![\w.’'])([A-Z][a-z][\w-]*)(?:’s|'s|’|') (?:[a-z]+ ){0,2}"
                           r"(?:home|house|office|apartment|flat|farm|shop|store|studio|room|car|diary|journal|notebook|"
                           r"letter|memoir|book|blog|testimony|interview|speech|manifesto), "
                           r"(?:where|when|in which) ")
#: An age after a word ("Karlos, also 44,"), and the word before it; an age before a word
#: ("Sixty-nine year old Josep"), and what comes before the age. Each pattern opens on a literal,
#: which the regular expression engine looks for first.
_AGE_AFTER = re.compile(r",[ ](?:also[ ]|now[ ])?\d{1,3}(?:[ ]years[ ]old)?,")
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([^\W\d_]+)$")
_AGE_BEFORE = re.compile(r"years?[- ]old[ ]([^\W\d_]+)(?![\w’'-])")
_AGE_NUMBER_BEFORE = re.compile(r"\b(?:\d{1,3}|[A-Z]?[a-z]+-[a-z]+)[- ]$")


def _words_given_an_age(text: str) -> set[str]:
    """The words ``text`` gives an age: "Karlos, also 44,", "Sixty-nine year old Josep"."""
    found = set()
    for match in _AGE_AFTER.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if word is not None:
            found.add(word.group(1))
    for match in _AGE_BEFORE.finditer(text):
        if _AGE_NUMBER_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            found.add(match.group(1))
    return found
#: Something written or said by a named person, then a clause about it: "a comment from Soledad
#: Jarquin, in which she suggests …".
_AUTHOR_CLAUSE = re.compile(r"\b(?:comment|statement|letter|post|message|column|tweet|note|article|essay|"
                            r"editorial|op-ed|speech|video|interview|testimony)[ ](?:from|by|with)[ ]"
                            r"((?:[A-Z][\w’'-]+[ ]){0,3}[A-Z][\w’'-]+),[ ](?:in[ ]which|where)[ ]")
#: A sentence opening with a clause whose subject is a named body, up to the comma that ends
#: the clause: "When the Treasury Department imposed sanctions on Bazghandi, ".
_SUBORDINATE_ORG = re.compile(
    r"(?:^|(?<=[.!?][ ])|(?<=\n))(?:When|After|As|Although|While|Since|Before|Once|Because)[ ]+(?:the[ ]+)?"
    r"((?:[A-Z][\w.’'&-]*[ ]+(?:(?:of|for|and)[ ]+)?){0,5}[A-Z][\w’'-]*)[ ]+[a-z][^,.;:!?“”\"]*,[ ]+")
#: "what" or "whom" right before a pronoun: "in what he described as".
_WHAT_BEFORE = re.compile(r"\b(?:what|whom)[ ]+$")
#: A name opening a sentence (titles before it), then a comma or a word in lower case.
_OPENING_NAME = re.compile(r"[ \t]*((?:[A-Z][\w.’'-]*[ ]){1,4}[A-Z][\w’'-]+)(?=,|[ ][a-z])")
#: A lone capitalised word opening a sentence, then a word in lower case: "Trump has …".
_OPENING_SURNAME = re.compile(r"[ \t]*([A-Z][a-z][\w-]*)(?=[ ][a-z])")
#: A capital or a quotation mark: another name, or someone's words, between a subject and a pronoun.
_CAPITAL_OR_MARK = re.compile(r"[A-Z“”\"]")
#: "the activists": a group "they" may mean, looked for this far back in the sentence.
_THE_GROUP = re.compile(r"\b[Tt]he ([a-z]+s)\b")
#: A plural in lower case with no article ("supporters at one point rushed", "hundreds of
#: protesters converged"): a group a later "they" may mean when no group came with "the".
_BARE_GROUP = re.compile(r"(?<![\w’'-])([a-z]+s)\b")
#: What may stand before a bare plural that is its clause's subject: the clause's opening (a
#: sentence's start, a comma, a conjunction), a count ("hundreds of") and up to two adjectives.
_GROUP_AS_SUBJECT = re.compile(
    r"(?:^|[.!?:;,\n]|\b(?:[Aa]nd|[Bb]ut|[Tt]hough|[Aa]lthough|[Ww]hile|[Ww]hen|[Aa]s|[Aa]fter|[Bb]ecause|"
    r"[Ss]ince|[Ii]f|[Oo]nce))[ ]*(?:(?:[Hh]undreds|[Tt]housands|[Dd]ozens|[Ss]cores|[Mm]illions|[Mm]any|"
    r"[Ss]ome|[Ss]everal|[Mm]ost|[Oo]ther)[ ](?:of[ ])?)?(?:(?![a-z]+ed[ ])[a-z-]+[ ]){0,2}$")
#: "there have been critics": a group the text says exists, whom a later "they" may mean.
_THERE_GROUP = re.compile(r"\b[Tt]here (?:are|were|have been|had been|has been) (?:many |some |also )?"
                          r"([a-z]+s)\b")
_GROUP_LOOKBACK = 250
#: After a person's appositive, a verb of speaking or of being asked: whom the next quotation's
#: pronoun may mean ("Mao Ning, a spokesperson …, was asked about it").
_SPOKE_AFTER_APPOSITIVE = re.compile(r"[ ](?:(?:was|were)[ ](?:later[ ])?(?:asked|questioned|interviewed)"
                                     r"|spoke|said|told|answered|responded|replied|commented|addressed|"
                                     r"briefed|held[ ]a|gave|took[ ]questions)\b")
#: Words right before a pronoun that open a clause of its own ("which it said", "but they have").
_OWN_CLAUSE_OPENERS = frozenset(["which", "what", "but", "and", "though", "although", "while", "whereas"])
#: Relative words right before "it" whose clause's subject is the body the sentence opens with
#: ("which it said", "what it described as"; after "but" or "and" another body may speak).
_RELATIVE_OPENERS = frozenset(["which", "what"])
#: Words opening a clause of time or condition before a sentence's subject ("Even though …,").
_OPENING_SUBORDINATORS = frozenset(["after", "before", "when", "while", "although", "though", "even",
                                    "because", "since", "as", "if", "once", "despite", "following"])
#: Plurals for people that a later "they" hardly means when they stand bare (the people
#: spoken of, not who speaks): "victims", "children".
_NOT_THEY_GROUPS = frozenset(["victims", "children", "people", "others", "persons", "patients", "users",
                              "customers", "viewers", "readers", "listeners"])
#: A capitalised group opening a sentence, with where it sits ("Republicans on the panel").
_GROUP_SUBJECT = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))([A-Z][a-z]+s)(?: (?:on|in|at|from) the [a-z]+)?")
#: How far back "the company" looks for the organisation it means (characters).
_ORG_LOOKBACK = 1500
#: Words of a time phrase that may open a paragraph before its subject ("This Thursday the …").
_TIME_LEADS = frozenset(["this", "last", "on", "early", "late", "earlier", "later", "next"])
#: How far back "both officers" may find the two it means ("officers A and B").
_PAIR_LOOKBACK = 6000
#: A single capitalised word opening a sentence, then a lower-case word ("Brightwave blocked").
_SENTENCE_SUBJECT = re.compile(
    r"(?:^|[.!?][ ]+|\n)([A-Z][\w&'’-]+)(?=[ ][a-z]|,[ ](?:the|a|an|his|her|who)[ ][^.!?]{0,60},[ ][a-z])")
#: A description opening a sentence as its subject, then its verb: "Then the senator took …".
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^|[.!?][ ]+|\n)(?:(?:Then|Later|Afterwards|Earlier|Finally|Now|Next),?[ ]+)?"
    r"([Tt]he[ ](?:[a-z-]+[ ]){0,2}?([a-z]+|[A-Z]{2,4}))[ ]"
    r"(?:[a-z]{3,}ed|was|is|had|has|took|went|came|made|gave|spoke|stood|rose|sat|left|said|told)\b")
#: A handle right after a description of its holder: "(Another user) @opentree20".
_HANDLE_AFTER_USER = re.compile(r"[ ]+(@\w{2,30})\b")
#: A name given right after a description: "(a man) called Raja Farah", "(a woman) named Ana Ruiz".
#: (A name set off: not "called Thames Valley Police and said".)
_CALLED_NAME = re.compile(r",?[ ](?:called|named)[ ]((?:[A-Z][\w’'-]+[ ]){1,2}[A-Z][\w’'-]+)\b"
                          r"(?=,|[.;]|[ ]who\b)")
#: Heads of a description a name may follow with "called" or "named".
_NAMED_PEOPLE_HEADS = lx.PERSON_NOUNS | lx.OCCUPATION_WORDS
#: How far after "the doctors" the group may be named ("In a letter, the doctors pleaded … The
#: doctors, members of a recently formed group Doctors for Camp Closure, …").
_MEMBERS_AHEAD = 1000
#: Where a document's phrase ends: a comma, a colon, a bracket, a line's end or a full stop
#: (not the dots of "U.S." in "a statement from the U.S. Attorney's Office").
_PHRASE_BOUNDARY = re.compile(r"[,;:(\n]|(?<!\b[A-Z])\.(?=\s|$)")
#: What follows a dateline's place in capitals: its region and a dash, or the dash.
_DATELINE_AFTER_PLACE = re.compile(r"(?:,[ ][A-Z][\w. ’'-]{1,40})?[ ]?[—–-]")
#: "the doctors", "the mothers": members of a group named for them.
_MEMBERS = re.compile(r"[Tt]he ([a-z]{3,}s)")


@lru_cache(maxsize=64)
def _group_for_members_pattern(plural: str) -> re.Pattern[str]:
    """A group's name that opens with ``plural`` and a preposition: "Doctors for Camp Closure"."""
    # (the word first, its boundary looked back at after it: a literal the engine finds fast)
    return re.compile(rf"{plural}(?<![\w’'-]{plural})[ ]"
                      r"([Ff]or|[Oo]f|[Aa]gainst|[Ww]ithout|[Ii]n|[Oo]n|[Ww]ith)[ ]"
                      r"(?:(?:the|and|of|for|on)[ ])?[A-Z][\w’'-]*"
                      r"(?:[ ](?:(?:the|and|of|for|on)[ ])?[A-Z][\w’'-]*)*")


#: Capitalised words that may name an organisation.
_ORG_CANDIDATE = re.compile(r"\b[A-Z][\w&'’-]*")
#: A company's name joined by "&": "Procter & Gamble", "Pacific Gas & Electric Co.".
#: (Three words a side at most; a time word or preposition before it is not part of the name.)
_AMPERSAND_NAME = re.compile(r"\b(?!(?:In|On|At|By|For|From|With|After|Before|Since|During|Last|This|Next"
                             r"|January|February|March|April|May|June|July|August|September|October"
                             r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                             r"|Sunday)\b)"
                             r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2} & [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}"
                             r"(?: Co\.| Inc\.)?")
#: "AirAsia", "WeWork", "YouTube": a capital inside a capitalised word, as companies write (not
#: a surname's prefix: "McDonald", "DeSantis", "LaGuardia", "MacArthur").
_CAMEL_NAME = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*")
#: Short names around "&" that are no company: "Q&A", "R&D", "M&A", "B&B".
_AMPERSAND_NOT_NAMES = frozenset(["q&a", "r&d", "m&a", "b&b", "p&l", "r&b", "s&p"])
#: Heads for a business: "the company", "the airline" is never a public body the text names.
_COMMERCIAL_HEADS = frozenset(["company", "firm", "startup", "carrier", "airline", "retailer",
                               "manufacturer", "developer", "publisher", "studio", "insurer", "lender",
                               "brand", "maker", "platform", "app", "utility", "chain", "operator",
                               "distributor", "supplier"])
#: The authors of a document: "the report's authors", "the authors".
_AUTHORS_OF = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir)[ ](?:(report|study|paper|letter)['’]s[ ])?authors")
#: How far back "the task force" looks for "A congressional task force" (a story's length).
_BODY_INTRODUCED_REACH = 12_000
#: Words inside a body's name that say what kind it is ("the airline": "American Airlines").
_KIND_IN_NAMES = {"airline": ("Airlines", "Airline", "Airways"), "carrier": ("Airlines", "Airways"),
                  "bank": ("Bank",), "automaker": ("Motors", "Motor"), "carmaker": ("Motors", "Motor")}


@lru_cache(maxsize=64)
def _introduced_body_pattern(phrase: str) -> re.Pattern[str]:
    """"A congressional task force": "a" or "an", a word or two in lower case, then ``phrase``."""
    return re.compile(rf"\b[Aa]n?[ ]((?:[a-z][a-z-]+[ ]){{1,2}}{re.escape(phrase)})\b")


@lru_cache(maxsize=16)
def _kind_in_name_pattern(kind: str) -> re.Pattern[str]:
    """Capitalised words up to and including a word of ``_KIND_IN_NAMES[kind]``."""
    words = "|".join(_KIND_IN_NAMES[kind])
    return re.compile(rf"(?:[A-Z][\w&.'’-]*[ ]){{1,3}}(?:{words})\b(?:[’']s)?")


#: How far back "It" looks for its company called by its kind ("consulting firm McKinsey").
_KIND_NAME_REACH = 6000
#: A word for a company or a body, then a name: "consulting firm McKinsey", "drugmaker Pfizer".
_KIND_THEN_NAME = re.compile(r"\b(?:" + "|".join(sorted(_GENERIC_ORGS | _COMMERCIAL_HEADS))
                             + r")[ ]([A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*)*)")
#: Last words of the names of public bodies, forces and offices.
_PUBLIC_BODY_ENDS = frozenset(["force", "forces", "navy", "army", "police", "ministry", "department",
                               "office", "agency", "court", "government", "administration",
                               "commission", "council", "senate", "congress", "parliament",
                               "general", "prosecutors", "authority", "authorities", "guard"])
#: Acronyms of public bodies American and world news use bare: agencies, departments, alliances.
_PUBLIC_ACRONYMS = frozenset(["doj", "fbi", "cia", "nsa", "dhs", "epa", "fda", "cdc", "irs", "sec", "ftc",
                              "fcc", "dod", "doe", "hhs", "ice", "cbp", "tsa", "nasa", "fema", "nih",
                              "usda", "atf", "dea", "gao", "cbo", "omb", "nato", "un", "eu", "who", "imf",
                              "nhs", "mod", "fsb", "kgb", "mi5", "mi6", "idf", "pla", "ntsb", "faa"])


def _public_body_of(name: str) -> bool:
    """A public body named with "of" after its head ("Department of Justice", "Ministry of
    Defence"): no company."""
    words = name.lower().split()
    return "of" in words[1:] and words[words.index("of") - 1] in _PUBLIC_BODY_ENDS


#: A model number after a maker's name ("Airbus A320-200", "Boeing 737").
_MODEL_AFTER = re.compile(r" [A-Z]{0,3}\d")
#: Capitalised words right after an organisation's first word ("Brookings| Institution").
_ORG_TAIL = re.compile(r"(?:[ ][A-Z][\w&'’-]*){1,3}")
#: One more capitalised word after an organisation's name, then a comma: "Fox News Digital, …".
_ONE_WORD_MORE = re.compile(r"[ ]([A-Z][\w&-]*),")
#: Words after the comma that make the word before it no part of a body's name: an article or
#: a list's "and" (a description or more names), a part of the body ("…, office", "…, director").
_NOT_AFTER_A_NAME = frozenset(["a", "an", "the", "its", "their", "and", "or", "who", "whose", "office",
                               "offices", "bureau", "headquarters", "director", "chief", "head", "board",
                               "branch", "unit", "staff", "members", "leaders", "group", "airport",
                               "terminal", "chapter", "division"])
#: Endings of words for people ("Shareholder", "Cofounder", "Scholar", "Trustee", "Strategist").
_PERSON_NOUN_ENDINGS = ("er", "or", "ar", "ist", "ee", "ant", "ent", "ian")
#: Gatherings and places a body holds, named after it ("the African Union Summit,").
_GATHERINGS = frozenset(["summit", "convention", "conference", "congress", "headquarters", "stadium",
                         "arena", "meeting", "forum", "rally", "festival", "awards", "games", "gala",
                         "assembly", "session", "hearing", "campus", "building", "tower", "center",
                         "centre", "offices", "office", "briefing", "editorial", "stylebook", "manifesto",
                         "hierarchy", "guidelines", "website", "podcast", "newsletter", "blog"])
#: Legal forms after a company's name, in lower case without a full stop (a name that ends in one
#: has its fullest form already).
_LEGAL_SUFFIXES = frozenset(["inc", "ltd", "llc", "plc", "corp", "co", "ag", "sa", "se", "nv", "gmbh",
                             "lp", "llp"])
#: A company's legal form written after its name: "Boeing Co.", "Airbus SE", "Amazon.com, Inc.".
_LEGAL_FORM = re.compile(r",?[ ](Inc\.?|Co\.|Corp\.?|Ltd\.?|LLC|PLC|plc|AG|SE|S\.A\.|N\.V\.|GmbH|LLP|LP)"
                         r"(?![\w&'’-]|\.\w)")
#: Places in the organisation list: a government, never "the company".
_PLACE_ORGS = frozenset(["moscow", "washington", "beijing", "london", "paris", "berlin", "kyiv", "kiev",
                         "tokyo", "seoul", "pyongyang", "tehran", "jerusalem", "brussels", "ankara",
                         "delhi", "islamabad", "cairo", "riyadh", "damascus", "baghdad", "minsk",
                         "warsaw", "russia", "china", "ukraine", "america", "britain", "france",
                         "germany", "japan", "israel", "iran", "india", "pakistan", "turkey", "taiwan",
                         "syria", "iraq", "egypt", "canada", "australia", "belarus", "poland", "italy",
                         "spain", "korea", "whitehall", "westminster", "police", "kremlin", "pentagon",
                         "nato", "un", "eu", "who", "imf", "opec", "hamas", "hezbollah", "taliban"])
#: A speaker's roles stop growing past this many characters.
_MAX_ROLE_CHARS = 300
#: How far (characters) before "the director" the person it may mean was named as a speaker.
_EPITHET_REACH = 600
#: Words for a relative, as a pattern's alternation.
_KIN_ALTERNATION = (r"(?:daughter|son|wife|husband|brother|sister|father|mother|niece|nephew|cousin|"
                    r"uncle|aunt|grandson|granddaughter|widow|stepson|stepdaughter)")
#: A word for a relative right before a name: "His daughter Ivanka Trump", "his wife, Melania".
_KINSHIP_BEFORE = re.compile(rf"\b{_KIN_ALTERNATION}s?,?[ ]$")
#: Two people named in full, the second by kin: "Ruby Freeman and her daughter, Wandrea “Shaye” Moss".
_PAIR_BY_KIN = re.compile(rf"\b([A-Z][a-z][\w’'-]* [A-Z][\w’'-]+) and (?:his|her|their) "
                          rf"(?:{_KIN_ALTERNATION}|partner),? ([A-Z][a-z][\w’'-]*)"
                          r"(?: [\"“][^\"“”]{1,20}[\"”])? ([A-Z][\w’'-]+)\b")


def _bare_before_other_bearer(text: str, surname: str, start: int) -> bool:
    """Does the text, after ``start``, use ``surname`` alone before it names anyone else of that
    surname in full ("Kennedy also said …" before "Caroline Kennedy, another member of …"; not
    "His father, Governor Paul Lander, … Lander said")?"""
    if _KIN_APPOSITIVE.search(text, start):
        return False  # ("Kerry Kennedy, his sister, …", "His brother Billy Ripken": kin named too)
    for found in re.finditer(rf"\b{re.escape(surname)}\b", text[start:]):
        at = start + found.start()
        if text.startswith((" Jr", " Sr", ", Jr", "'s", "’s"), at + len(surname)) \
                or text[at + len(surname):at + len(surname) + 2].strip()[:1].isupper():
            continue  # the principal named again, or the surname as an owner ("King's", "King holiday")
        before = text[max(0, at - 30):at].rstrip(" ").rsplit(None, 1)
        word = before[-1] if before and text[at - 1:at] == " " else ""
        # (a given name before it, inside a sentence: another bearer named first)
        return not (word[:1].isupper() and word.isalpha() and _sentence_start(text, at - len(word) - 1) < 0)
    return False


#: A relative named with a kin word, before or after the name: "His brother Billy Ripken",
#: "Kerry Kennedy, his sister,", "Martin Luther King III, the late King's eldest son,".
_KIN_APPOSITIVE = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)[ ](?:\w+[ ])?{_KIN_ALTERNATION}s?,?[ ][A-Z]"
    rf"|[A-Z][\w’'-]+,[ ](?:his|her|their|the[ ](?:late[ ])?[A-Z][\w’'-]+['’]s)[ ](?:\w+[ ])?"
    rf"{_KIN_ALTERNATION}\b")
#: How far into a text its lead runs, for a name with a generation's suffix to be its principal.
_LEAD_REACH = 400


def _with_period(text: str, start: int, end: int) -> str:
    """The name in [start, end) with the full stop of an abbreviation that ends it ("Jr.")."""
    if text[end:end + 1] == "." and text[end - 2:end] in ("Jr", "Sr"):
        return text[start:end + 1]
    return text[start:end]


#: A given name and a middle initial right before a surname: "Robert F. " of "Robert F. Kennedy".
_GIVEN_AND_INITIAL_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[ ][A-Z]\.[ ]$")


#: Short names of organisations news uses, by the full name the text may give.
_SHORT_ORG_NAMES = {"Fed": "Federal Reserve"}
#: A plural noun for people with the capitalised words before it ("Virginia Republicans").
_PEOPLE_PHRASE = re.compile(r"\b((?:[A-Z][\w’'-]*[ ]){0,3})([A-Za-z-]+s|people)\b")
#: Words for a public body whose name the text may write fuller elsewhere (see
#: SpeakerBook._org_names_in_context).
_PUBLIC_BODY_HEADS = frozenset(["ministry", "department", "embassy", "consulate", "federation", "chiefs",
                                "agency", "commission", "council", "office", "service", "bureau",
                                "directorate", "inspectorate", "authority", "committee"])
#: Institutions that own bodies of their own ("Parliament’s Joint Committee"): no place.
_INSTITUTIONS = frozenset(["parliament", "congress", "senate", "government", "cabinet", "assembly"])
#: The country or state that owns a body, right before its name: "China’s ", "U.S. ", "South
#: Dakota's ".
_BODY_OWNER = re.compile(r"(?<![\w.’'-])((?:U\.S\.|US|UK|(?:[A-Z][a-z]+[ ])?[A-Z][a-z]+['’]s))[ ]$")
#: What a body is of, or where it sits, right after its name: " of England and Wales", " in New
#: Delhi".
_BODY_PLACE = re.compile(r"[ ](?:of|in)[ ](?!(?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday)\b)(?:[A-Z][\w’'.-]*[ ]){0,2}[A-Z][\w’'.-]*"
                         r"(?:[ ]and[ ](?:[A-Z][\w’'.-]*[ ]){0,1}[A-Z][\w’'.-]*)?(?![ ][A-Z])")

#: A kin word right before a name, which gives its gender: "his daughter Ivanka Trump".
_KIN_GENDER_BEFORE = re.compile(r"\b(daughter|wife|mother|sister|son|husband|father|brother)[ ]$",
                                re.IGNORECASE)

#: How far back an office written as an acronym looks for the name it was given.
_OFFICE_LOOKBACK = 6000

#: Words that open what an office is of or for: "ambassador to Britain", "minister for health".
_OFFICE_COMPLEMENTS = frozenset(["to", "for", "of", "at"])
#: Words before an office that make its holder another person than the one quoted.
_NOT_THE_SAME_HOLDER = frozenset(["former", "previous", "ex", "then", "late", "deputy", "acting", "new",
                                  "incoming", "outgoing"])
#: A name of two or three capitalised words or initials after an office ("… Liu Xiaming").
_NAME_AFTER_OFFICE = re.compile(r",? ((?:[A-Z][\w’'-]+|[A-Z]\.)(?: (?:[A-Z][\w’'-]+|[A-Z]\.)){1,2})")
#: After a sentence's subject: that they said nothing ("has not commented", "declined to comment").
_SILENT_AFTER = re.compile(
    r",?[ ](?:[a-z]+ly[ ])?(?:has|have|had|did|does|do|would|could|was|were)(?:[ ]not|n['’]t)[ ]"
    r"(?:yet[ ]|immediately[ ])?(?:comment|respond\b|return[ ](?:\w+[ ])?(?:calls?|requests?|messages?"
    r"|emails?|phone)|(?:speak|talk)[ ]to[ ](?:reporters|the[ ]press|journalists)"
    r"|answer[ ](?:reporters['’][ ])?questions)"
    r"|,?[ ](?:[a-z]+ly[ ])?(?:declined|refused|declines|refuses)[ ]to[ ](?:comment|respond\b"
    r"|(?:speak|talk)[ ]to[ ](?:reporters|the[ ]press|journalists)|answer[ ](?:reporters['’][ ])?questions)")
#: A sentence that opens with "he" or "she" (after a short opening phrase): the person who would
#: not comment is the subject again ("… declined to comment. Later, he told Fox …").
_PRONOUN_OPENS = re.compile(r"[.!?][\"”’]?\s+(?:[A-Z][a-z]+,\s+)?(?:He|She)\b")


def silent_after(text: str, end: int, pos: int) -> bool:
    """Does the text after a name (``end``) say the person would not comment, with no sentence
    since that opens with "he" or "she" before ``pos``? "Mueller has not commented publicly.
    “…,” he added" is someone else; "Mueller did not return calls. He later said …" is Mueller."""
    found = _SILENT_AFTER.match(text, end, pos)
    return found is not None and _PRONOUN_OPENS.search(text, found.end(), pos) is None


#: After a surname, its sentence up to the first third-person pronoun, with no other capitalised
#: word and no quotation mark on the way ("Kelly was not a household name when she started").
_PRONOUN_AFTER_NAME = re.compile(r"(?:['’]s)?\b[^.!?;:“”\"A-Z]{1,80}?\b(she|her|he|his|him)\b")
#: Heads of a description by party ("the Ohio Republican", "the New York Democrat").
_PARTY_MEMBERS = frozenset(["republican", "democrat", "independent", "conservative", "liberal"])
#: A party tag right after a name: ", a Democrat", ", the Ohio Republican", " (R-Ohio)".
_PARTY_TAG_AFTER = re.compile(r",[ ](?:an?|the)[ ](?:[A-Z][\w.]*[ ]){0,2}"
                              r"(Republican|Democrat|Democratic|GOP)\b|[ ]\(([RD])-|,[ ]([RD])-[A-Z]")
_PARTY_TAGS = {"republican": "republican", "gop": "republican", "r": "republican",
               "democrat": "democrat", "democratic": "democrat", "d": "democrat"}
#: After a name, what introduces a person to the story: an appositive, a relative clause, an age.
_INTRODUCED_AFTER = re.compile(r",[ ](?:who\b|an?[ ]|the[ ])")
#: Before a name in its sentence, words that make the person one the story is about, not one
#: who speaks: the dead, victims, what someone did to them ("killed", "a memorial for").
_DONE_TO = re.compile(r"\b(?:killed|died|dead|victims?|injured|wounded|murdered|shot|stabbed|funeral"
                      r"|memorial|mourn\w*|buried|arrested|charged|sentenced|convicted|scored[ ]by"
                      r"|by[ ]the[ ]late)\b",
                      re.IGNORECASE)
#: "WIRED spoke to one mother", "The Times interviewed a nurse": the reporter meets an unnamed
#: person (the subject word, then the article of the person's phrase).
#: A person asked a question by name: "asked former President Juan Manuel Santos what …".
_ASKED_NAMED = re.compile(r"\basked[ ]+((?:[\w.’'-]+[ ]+){0,8}?[A-Z][\w’'-]*)[ ]+"
                          r"(?:what|whether|if|how|why|about|when|where|who)\b")
_INTERVIEWED = re.compile(r"\b(\w+) (?:(?:spoke|talked|speaks|talks) (?:to|with)|interviewed) "
                          r"(a|an|one) ")
#: A report the meeting may lie inside ("said deputies interviewed a witness").
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told|tells|added|reported)\b")
#: Singular nouns for one person ("mother", "farmer", "nurse", "official").
_SINGLE_PEOPLE = frozenset(w for w in lx.OCCUPATION_WORDS | lx.PERSON_NOUNS | lx.ANON_HEADS
                           if not w.endswith("s") or w.endswith("ss"))
_FEMALE_NOUNS = lx.word_set("actress spokeswoman woman mother daughter sister wife girl grandmother widow "
                            "chairwoman congresswoman businesswoman councilwoman alderwoman assemblywoman "
                            "queen princess girlfriend fiancee fiancée aunt niece")
_MALE_NOUNS = lx.word_set("actor spokesman man father son brother husband boy grandfather widower chairman "
                          "congressman businessman councilman alderman assemblyman king prince boyfriend "
                          "fiance fiancé uncle nephew gunman")
#: How many of the latest speakers "the minister" is matched against by a part of a role word
#: (a whole role word is found among all of them through an index).
_ROLE_LOOKBACK = 50
_ROLE_WORD = re.compile(r"[^\W\d_]+")


_PLURAL_PEOPLE = lx.word_set("people staff police spokespeople spokesmen spokeswomen men women children "
                             "crew team")
_COUNTS = lx.word_set("two three four five six several many some both few dozens hundreds")


#: Words that follow the head of an unnamed source's phrase ("a source close to the talks").
_AFTER_HEAD = frozenset(["of", "for", "at", "with", "from", "in", "close", "familiar", "who", "on",
                         "briefed", "involved", "knowledgeable", "aware", "speaking", "privy", "based",
                         "working", "to"])


def one_person(name: str) -> str | None:
    """"f" or "m" when an unnamed source's phrase is one woman or one man ("the mayor's
    spokeswoman", "a spokesman for the firm"), "" when it is one person of either ("a US
    official", "the 35-year-old driver"), None when it is not one person ("officials", "two
    people familiar with the talks", "a report")."""
    if re.search(r"[ ]and[ ](?:[A-Z]|others?\b|his\b|her\b|their\b)", name):
        return None  # "Donald Trump and Masayoshi Son", "Ben Pollock and others": more than one
    words = alias_key(name).split()
    cut = next((k for k, w in enumerate(words) if k and w in _AFTER_HEAD), len(words))
    if not cut or any(w in _COUNTS for w in words[:cut]):
        return None
    head = words[cut - 1].removesuffix("'s").removesuffix("’s")
    if head in _PLURAL_PEOPLE or head in lx.DOCUMENT_NOUNS \
            or head not in lx.ANON_HEADS and head not in lx.POSITION_HEADS:
        return None
    if head.endswith("s") and (head[:-1] in lx.ANON_HEADS or head[:-1] in lx.POSITION_HEADS
                               or head[:-2] in lx.ANON_HEADS or head[:-2] in lx.POSITION_HEADS):
        return None  # "officials", "witnesses"
    return "f" if head in _FEMALE_NOUNS else "m" if head in _MALE_NOUNS else ""


def _person_word(head: str) -> bool:
    """A word for what a person is or does ("mother", "actor", "teacher")."""
    return head in lx.OCCUPATION_WORDS or head in lx.PERSON_NOUNS


def leads_to_person(head: str) -> bool:
    """Can "the <head>" mean the person a sentence just before named as its subject? A word for
    a person ("the 41-year-old mother", "the actor") or for an office ("the then prime minister",
    "the governor"), but not a word for an unnamed source ("the official", "the spokesman"),
    who is someone the text has not named."""
    return _person_word(head) or head in lx.POSITION_HEADS and head not in lx.ANON_HEADS \
        or head in titles.PARTY_NOUNS or _demonym_head(head) \
        or _AGED.fullmatch(head) is not None
    # ("the Louisiana Republican": the politician just named; "the 37-year-old")


_OWNERS = frozenset(["his", "her", "their", "its", "our"])
#: "a security expert interviewed by Reuters", "a source quoted by Tass": how the outlet met the
#: source, not who the source is.
_OUTLET_TAIL = re.compile(r",?[ ](?:interviewed|quoted|cited|contacted|reached)[ ]by[ ].*$"
                          r"|,?[ ](?:speaking|talking)[ ]to[ ][A-Z].*$")


#: Words for a group that works for or belongs to someone: "his legal team", "her campaign
#: staff", "His family".
_TEAM_NOUNS = frozenset(["team", "staff", "family", "relatives", "parents"])


def _without_owner(name: str) -> str:
    """"his lawyers maintain …", "his legal team said": a group is named without the possessive,
    as without an article (the name stands alone in the inspector, where "his" means no one);
    "her spokesman" keeps it."""
    owner, _, rest = name.partition(" ")
    if owner.lower() not in _OWNERS or not rest or rest.count(" ") > 1:
        return name
    low = rest.lower().rsplit(None, 1)[-1]
    if low in _TEAM_NOUNS:
        return rest
    if " " in rest:
        return name
    singular = low[:-1] if low.endswith("s") else ""
    return rest if singular and (singular in lx.ANON_HEADS or singular in lx.POSITION_HEADS) else name


def _fits_office(before: str, head: str, office: str | None) -> bool:
    """Do the words ``before`` a head in the text make it the office a definite mention names
    ("Vice President Kamala Harris" for "the vice president", not for "the president")?"""
    modifier = titles.modifier_before(before)
    return office == (f"{modifier} {head}" if modifier else None)


def _starts_word_in(head: str, role: str) -> bool:
    """``head`` in ``role`` at the start of a word or of a hyphened part ("minister" in
    "prime-minister"), not inside one ("man" is not in "businessman")."""
    pos = role.find(head)
    while pos >= 0:
        if (pos == 0 or not role[pos - 1].isalpha()) \
                and not _ADJECTIVE_OF_OFFICE.match(role, pos + len(head)):
            return True  # (not "president" in "presidential", "minister" in "ministerial")
        pos = role.find(head, pos + 1)
    return False


#: The ending that makes an office's word an adjective: "presidential", "mayoral", "senatorial".
_ADJECTIVE_OF_OFFICE = re.compile(r"(?:ial|al|ic|ical)(?![a-z])")


def _spellings(word: str) -> set[str]:
    """The keys a name word is matched by: as written (case folded), without its accents
    ("Muller" for "Müller") and in the German way of writing without them ("Mueller")."""
    low = word.casefold().replace("’", "'").replace("‘", "'").strip("'")  # ("O’Mara" is "O'Mara")
    article = _ARTICLE_SURNAME.match(word) if "-" in word[2:4] else None
    if article is not None:
        # "al-Sudani" is the "Sudani" a story writes later (and the other way round)
        return _spellings(word[article.end() - 1:]) | {low}
    if low.isascii():
        return {low}
    return {low, _unaccented(low), _unaccented(low.translate(_GERMAN))}


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


#: "aka “" right before an alias: the name before it is whom the alias stands for.
_ALIAS_BEFORE = re.compile(r"\s(?:aka|a\.k\.a\.|AKA|also known as)\s+[“\"‘']?$")

#: Short forms of first names and the names they stand for ("Joe" is a Joseph).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "joe": ("joseph",), "bill": ("william",), "will": ("william",), "bob": ("robert",),
    "rob": ("robert",), "mike": ("michael",), "jim": ("james",), "jimmy": ("james",),
    "tom": ("thomas",), "tony": ("anthony",), "dave": ("david",), "dan": ("daniel",),
    "danny": ("daniel",), "steve": ("steven", "stephen"), "chris": ("christopher", "christine"),
    "liz": ("elizabeth",), "beth": ("elizabeth",), "kate": ("katherine", "catherine"),
    "sue": ("susan",), "fran": ("frances", "francis"), "alex": ("alexander", "alexandra"),
    "sam": ("samuel", "samantha"), "ben": ("benjamin",), "benji": ("benjamin",),
    "nick": ("nicholas",), "matt": ("matthew",), "pat": ("patrick", "patricia"),
    "rick": ("richard",), "dick": ("richard",), "ted": ("edward",), "ed": ("edward",),
    "andy": ("andrew",), "greg": ("gregory",), "jen": ("jennifer",), "jenny": ("jennifer",),
    "jon": ("jonathan",), "pete": ("peter",), "ron": ("ronald",), "don": ("donald",),
    "larry": ("lawrence",), "jerry": ("gerald",), "charlie": ("charles",), "chuck": ("charles",),
    "harry": ("henry",), "maggie": ("margaret",), "meg": ("margaret",), "becky": ("rebecca",),
    "tim": ("timothy",), "ken": ("kenneth",), "josh": ("joshua",), "vicky": ("victoria",),
}

#: Titles that go with a first name ("Sir Keith", "Dame Judi"), not with a surname.
_GIVEN_NAME_TITLES = frozenset(["sir", "dame"])
#: Umlauts as German writes them without the marks.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _words_within(short: str, full: str) -> bool:
    """Are the words of ``short`` those of ``full``, in order, with none of its own?"""
    words = iter(full.split())
    return all(word in words for word in short.split())


#: A first name, a nickname in quotation marks of one kind and a surname, with a generation's
#: suffix after it (``Ross “Rusty” Aimer``, ``Robert "Bobby" Kennedy Jr.``); not after an owner's
#: word ("Nolan’s “Oppenheimer” Murphy").
_NICKNAMED = re.compile(r"(?<![\w’'-])(?P<first>[A-Z][\w’'-]+)(?<!['’]s)[ ]"
                        r"(?:“(?P<nick1>[A-Z][^“”\n]{0,24})”|\"(?P<nick2>[A-Z][^\"\n]{0,24})\""
                        r"|‘(?P<nick3>[A-Z][^‘’\n]{0,24})’)[ ]"
                        r"(?P<last>[A-Z][\w’'-]+)\b(?P<suffix>(?:,?[ ](?:Jr|Sr|II|III|IV)\b\.?)?)")
#: Whose relative a first name in an appositive is ("Cyrus Field’s brother, Henry,").
_KIN_THEN_FIRST_NAME = re.compile(r"\b([A-Z][\w-]+)['’]s[ ](?:" + "|".join(sorted(_BLOOD_KIN))
                                  + r"),[ ]([A-Z][a-z]+),")
#: A capitalised word with another right after it ("Field Museum", "Tom Hale"): one pass a text.
_CAPITALISED_PAIR = re.compile(r"(?<![\w’'-])([A-Z][\w-]*)[ ][A-Z]")
#: The words between a given name and a father's name ("Mohammed bin Salman").
_PATRONYMIC_WORDS = frozenset(["bin", "bint", "ibn"])
_PATRONYMIC_ALTERNATION = "|".join(sorted(_PATRONYMIC_WORDS))
#: A given name, a father's name and a family name after it ("Mohammed bin Abdulrahman Al Thani").
_FATHERS_NAME = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+)(?:[ ](?:" + _PATRONYMIC_ALTERNATION
                           + r")[ ](?:Tun[ ]|Tan[ ]Sri[ ])?[A-Z][\w’'-]+)+"
                           r"(?:[ ](?:Al|al)[ -][A-Z][\w’'-]+)?(?![\w’'-])")


#: A body's name running on after a word to its head ("… Solutions Caucus", "… Relief Fund").
_BODY_NAME_GOES_ON = re.compile(
    r"(?:[ ][A-Z][\w’'-]+){0,2}[ ](?:" + "|".join(sorted(w.capitalize() for w in lx.ORG_HEADS if w.isalpha()))
    + r")\b")


#: A person's role that is their office's ("office of Representative", "the office of Sen.").
_OFFICE_OF = re.compile(r"(?:[Tt]he[ ])?office[ ]of(?:[ ]|$)")
#: Words of a legislator's post besides titles ("Senate Majority Leader", "House Speaker").
_CHAMBER_WORDS = frozenset(["senate", "house", "majority", "minority", "state", "u.s.", "us"])
#: Words for a medium that never open a person's name ("News San Diego", "Radio Free Asia").
_MEDIUM_FIRST_WORDS = frozenset(["news", "radio", "tv", "television", "channel", "network", "newspaper",
                                 "magazine", "broadcaster"])


#: A capitalised word or an initial before a surname, and its space ("Robert ", "F. ").
_GIVEN_WORDS = r"(?:(?:[A-Z][\w’'-]*|[A-Z]\.)[ ])"


def _generations_of(text: str, surname: str) -> list[tuple[int, str, str]]:
    """The full names the text gives ``surname`` (where first, the name, and "suffixed" for
    "Donald Trump Jr.", "child" for a son or daughter introduced so, else "plain"), each opening
    with a known first name after any title; each name and kind once."""
    name = re.escape(surname)
    found: list[tuple[int, str, str]] = []
    seen: set[tuple[str, str]] = set()
    pattern = rf"(?<![\w’'-])(?P<kin>(?:son|daughter|grandson|granddaughter),?[ ])?" \
              rf"(?P<name>{_GIVEN_WORDS}{{1,3}}" \
              rf"{name})(?P<suffix>,?[ ](?:Jr|Sr|II|III|IV)\b\.?)?(?![\w’'-])"
    for match in re.finditer(pattern, text):
        words = match.group("name").split()
        while len(words) > 1 and (words[0].lower().rstrip(".") in lx.TITLE_WORDS
                                  or words[0].lower() in lx.NOT_NAMES or words[0].lower() in lx.DETERMINERS):
            words = words[1:]
        if len(words) < 2 or not (_known_first_name(words[0].lower()) or match.group("kin")
                                  and _lone_name_word(words[0]) and "." not in words[0]):
            continue  # ("When Trump", "W. Bush": no first name; but "son, Hunter Biden" is a name)
        full = " ".join(words)
        suffix = match.group("suffix")
        if suffix and "Sr" in suffix:
            continue
        entry = (f"{full}{suffix.replace(',', '')}".rstrip("."), "suffixed") if suffix \
            else (full, "child" if match.group("kin") else "plain")
        if entry not in seen:
            seen.add(entry)
            found.append((match.start(), *entry))
    return found


#: "the younger" or "the elder" right before a surname.
_YOUNGER_OR_ELDER = re.compile(r"\b(?:the|The)[ ](younger|elder)[ ]$")


def _named_storm(text: str, name: str) -> bool:
    """Is the one-word ``name`` a storm's, one the text writes after "Hurricane", "Typhoon" …?"""
    return " " not in name and name in _storm_names(text)


@lru_cache(maxsize=8)
def _storm_names(text: str) -> frozenset[str]:
    """The names the text gives storms: one pass over a text, however many pronouns ask."""
    return frozenset(m.group(1) for m in _STORM_NAME.finditer(text))


#: A storm's given name after the words that name a storm ("Hurricane Helene", "Tropical Storm
#: Alberto").
_STORM_NAME = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical[ ]Storm|Storm|Superstorm|"
                         r"Tropical[ ]Depression)[ ]([A-Z][a-z]+)\b")


def _lone_name_word(word: str) -> bool:
    """Can ``word`` be one word of a person's name (no title, body, place or common word)?"""
    low = word.lower()
    return not (low in lx.TITLE_WORDS or low in lx.ORG_HEADS or low in lx.CORPORATE_WORDS
                or low in _PLACE_WORDS or low in lx.NOT_NAMES or _lexical(low))


def _spelled_in(table: dict[str, list[Speaker]], word: str) -> bool:
    return any(key in table for key in _spellings(word))


def _full_name_gender(text: str, name_toks: list[Tok]) -> str | None:
    """The gender of a full name in the text: its first name's, or a kin word's right before it
    ("his daughter Ivanka Trump")."""
    gender = _name_gender(name_toks)
    if gender is None and name_toks:
        kin = _KIN_GENDER_BEFORE.search(text, max(0, name_toks[0].start - 16), name_toks[0].start)
        if kin is not None:
            gender = "f" if kin.group(1).lower() in _FEMALE_NOUNS else "m"
    return gender


#: A body's name, then an appositive saying what kind of body it is: "Citizens for Responsibility
#: and Ethics in Washington, a liberal nonprofit watchdog group".
_DESCRIBED_AS_KIND = re.compile(
    r"((?:[A-Z][\w’'.&-]*)(?:[ ](?:for|of|and|in|on|the|[A-Z][\w’'.&-]*))*[ ][A-Z][\w’'.&-]*),[ ]"
    r"(?:a|an)[ ](?:[\w-]+[ ]){0,4}(company|firm|group|agency|startup|nonprofit|organization|organisation|"
    r"charity|network|platform|bank|airline|union|think[ ]tank)\b")


def _news_outlet(name: str) -> bool:
    """Is ``name`` a news outlet's ("Washington Post", "The New York Times", "Reuters")?"""
    words = name.lower().replace("’s", "").replace("'s", "").split()
    return bool(words) and (" ".join(words) in lx.OUTLET_NAMES or words[-1] in lx.OUTLET_NAMES
                            or len(words) >= 2 and words[-1] in lx.OUTLET_WORDS)


def _take(table: dict[str, list[Speaker]], word: str, gender: str | None = None) -> list[Speaker]:
    """The speakers ``word`` names in any spelling (whose first mention gave no other gender than
    ``gender``, when given), taken out of ``table``."""
    found = {s.index: s for key in _spellings(word) for s in table.get(key, ())
             if gender is None or s.stated_gender in (None, gender)}
    for speaker in found.values():
        for key in _spellings(speaker.name):
            left = [s for s in table.get(key, ()) if s.index != speaker.index]
            if left:
                table[key] = left
            else:
                table.pop(key, None)
    return list(found.values())


def _pronoun_gender_after(text: str, pos: int, end: int) -> str | None:
    """The gender the first "he" or "she" (or "his", "him", "her") of the sentence after ``pos``
    gives, None when there is none."""
    stop = text.find(". ", pos, end)
    match = _GENDERED_PRONOUN.search(text, pos, stop if stop >= 0 else end)
    if match is None:
        return None
    return "m" if match.group().lower() in ("he", "his", "him") else "f"


_GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|him|[Ss]he|[Hh]er)\b")


def _find_as_written(text: str, name: str, start: int, before: int | None = None) -> int:
    """Where ``name`` is first written from ``start`` (and starting before ``before``), its first
    letter in either case ("the commander of …" opening a sentence as "The commander of …"); -1
    when it is not."""
    end = len(text) if before is None else min(len(text), before + len(name) - 1)
    at = text.find(name, start, end)
    other = text.find(name[:1].swapcase() + name[1:], start, end) if name else -1
    return min((p for p in (at, other) if p >= 0), default=-1)


def _head_word(phrase: str) -> str:
    """The head of a noun phrase in lower case: its last word before "of", "for", "at", "to",
    "in", "with" or "who" ("nominee" of "the nominee for ambassador to the United Nations")."""
    words = phrase.lower().split()
    cut = next((k for k, word in enumerate(words) if k and word in _HEAD_ENDS | {"to"}), len(words))
    return words[cut - 1] if cut else ""


#: How far after an unnamed source the text may name it ("The spokeswoman, Karoline Leavitt, …").
_APPOSED_NAME_REACH = 800
#: A paragraph opening on a person who made the remark the paragraph before reported: "Leslie
#: Voltaire made the comment in an interview …".
_REMARK_MADE = re.compile(r"((?:[A-Z][\w’'.-]+[ ]){1,3}[A-Z][\w’'-]+)[ ](?:made|gave|delivered)[ ]"
                          r"(?:the|those|these|his|her)[ ](?:comment|remark|statement)s?\b")
#: A paragraph: text between blank lines.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
#: What may come before a name that opens a paragraph: a quotation, then titles.
_OPENS_PARAGRAPH = re.compile(r"(?:[“\"][^”\"\n]*[”\"],?[ ]+)?"
                              # (or an opening phrase: "In her first briefing, Karoline Leavitt …")
                              r"(?:(?:In|At|On|During|After)[ ](?:[\w’'-]+[ ]){1,5}?[\w’'-]+,[ ]+)?"
                              r"(?:[A-Z][\w.-]*[ ]+){0,3}")


#: A name that the text abbreviates right after it: "The National Transport Safety Board, or
#: NTSB,", "the High Media and Audiovisual Authority (HAMA)".
_DEFINED_ACRONYM = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ ](?:(?:of|and|for|the|on|in|de|du|des|la|le)[ ])*)+[A-Z][\w’'-]*)"
    r"(?:,[ ]or[ ]|[ ]\()([A-Z](?:[A-Za-z]|&(?=[A-Z])){1,7})(?=[,)])")


#: A body's full name and the shorter name it is known by: "…, known as Cal Fire".
#: A body's name, then the shorter one it goes by between commas: "…, or Cal Fire,".
_OR_SHORT_NAME = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ ](?:(?:of|and|for|the|on|in)[ ])*)+[A-Z][\w’'-]*),[ ]or[ ]"
    r"((?:[A-Z][\w’'-]*[ ]){0,2}[A-Z][\w’'-]*),")
_KNOWN_AS = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ ](?:(?:of|and|for|the|on|in)[ ])*)+[A-Z][\w’'-]*),?[ ]"
    r"(?:also[ ])?known[ ]as[ ]((?:[A-Z][\w’'-]*[ ]){0,2}[A-Z][\w’'-]*)")


def _defined_acronyms(text: str) -> dict[str, str]:
    """Each acronym the text defines, with the name it stands for (the last definition wins;
    the words before the acronym's first letter, and an owner's name, left out)."""
    found: dict[str, str] = {}
    for match in _DEFINED_ACRONYM.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        owner = max((k + 1 for k, word in enumerate(words) if possessive(Tok(word, 0, 0))), default=0)
        # The name opens with the acronym's letter: "Kurdish-led Syrian Democratic Forces (SDF)"
        # is the Syrian Democratic Forces, "Secret Service's National … Center" the center
        first = next((k for k in range(owner, len(words)) if words[k][0] == acronym[0]), None)
        if first is None and len(words) - owner >= 3 and words[owner] not in ("The", "A", "An") \
                and text[max(0, match.start(1) - 2):match.start(1)] != ", ":
            # "the Netherlands Organisation for Applied Scientific Research (TNO)": an acronym in
            # another language, for the whole name before it
            first = owner
        if first is not None and len(words) - first >= 2 and acronym.isupper():
            if first > owner and words[first - 1] in _COUNTRY_ABBREVIATIONS:
                first -= 1  # "U.S. Central Command (CENTCOM)": the country's body, by its name
            country = _COUNTRY_BEFORE.search(text, max(0, match.start(1) - 6), match.start(1)) \
                if first == 0 else None
            # ("U.S. Central Command, or CENTCOM,": the initials with dots stand before the match)
            found[acronym] = " ".join(words[first:]) if country is None \
                else f"{country.group(1)} {' '.join(words)}"
        elif not acronym.isupper() and len(words) - owner >= 2 and words[-1].lower() in lx.ORG_HEADS \
                and not _lexical(acronym.lower()):
            # "the National Water Commission (Conagua)": a body's short name in another
            # language, written as a word
            start = owner + (1 if words[owner] in ("The", "A", "An") else 0)
            found[acronym] = " ".join(words[start:])
    return found


#: How the words came, after a source's phrase: " in a written statement shared with VOA".
_HOW_SAID_TAIL = re.compile(r"[ ](?:in|during|via)[ ](?:a|an|one)[ ](?:[\w-]+[ ]){0,2}?"
                            r"(?:statement|interview|post|email|e-mail|letter|briefing|call|"
                            r"conference|speech|comment|message|tweet|video)\b.*$")
#: A body named between its owner or its kind's adjectives and its kind in lower case: "the
#: Morrison Foerster law firm", "Egypt's state-run Al-Ahram newspaper", "center-right
#: Democratic Alliance party".
_KIND_NAMED = re.compile(r"(?:the[ ]|a[ ]|an[ ])?(?:[A-Z][\w.-]*(?:[ ][A-Z][\w.-]*)?['’]s[ ])?"
                         r"(?:[a-z][\w-]*[ ])*((?:[A-Z][\w’'&.-]*[ ])*[A-Z][\w’'&.-]*)[ ]"
                         r"(?:law[ ]firm|newspaper|news[ ]agency|think[ ]tank|daily|magazine|broadcaster|"
                         r"party)")
#: A news outlet's name: capitalised words ending in an outlet's word ("Associated Press").
_OUTLET_NAME = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'&.-]*[ ]){0,3}(?:Press|News|Times|Post|Journal|Herald|"
                          r"Tribune|Telegraph|Guardian|Gazette|Radio|Television|Network|Wire|Agency))\b")
#: News agencies known by a name with no outlet's word in it ("Reuters reported …. The news
#: agency said …").
_NEWS_AGENCY = re.compile(r"(?<![\w’'-])(Reuters|AP|AFP|Agence France-Presse|Bloomberg|TASS|Tass|RIA Novosti|"
                          r"Interfax|Xinhua|Yonhap|KCNA|DPA|dpa|EFE|ANSA|Kyodo)\b")
#: A first name, a middle initial and a surname: "Frederick W. Kagan".
_MIDDLE_INITIAL_NAME = re.compile(r"(?<![\w.’'-])([A-Z][\w’'-]+)[ ][A-Z]\.[ ]([A-Z][\w’'-]+)\b")
#: A first name and a surname with a generation's suffix: "Patrick Carlineo Jr.".
_SUFFIXED_NAME = re.compile(r"(?<![\w.’'-])([A-Z][\w’'-]+)[ ]([A-Z][\w’'-]+),?[ ](?:Jr|Sr|II|III|IV)\b")
#: A body named after its kind in lower case: "financial services provider Wells Fargo".
_BODY_KINDS = ("provider", "company", "firm", "bank", "lender", "insurer", "agency", "consultancy",
               "nonprofit", "watchdog", "broadcaster", "newspaper", "platform", "blog", "website",
               "magazine", "charity")
_KIND_BEFORE_NAME = re.compile(r"(?:[a-z][\w-]*[ ]){0,3}(?:" + "|".join(_BODY_KINDS) + r"|think[ ]tank)[ ]"
                               r"((?:[A-Z][\w’'&.-]*[ ])*[A-Z][\w’'&.-]*)")
#: Words for a kind of body written before its name ("the research firm Rhodium Group").
_NAMED_KINDS = frozenset(_BODY_KINDS) | {"tank", "group", "organization", "organisation", "institute",
                                         "outlet"}
#: "and the" between two names: "… Committee and the Federal Security Service".
_AND_THE_NAME = re.compile(r"[ ]and[ ]the[ ](?=[A-Z])")


#: A capitalised word right before: the name goes on further back ("Khan Mohammad Baz").
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'.-]*[ ]$")


#: Two words, then an appositive: "Liu Longzhu, a …" (see _introduced_names).
_TWO_WORDS_INTRODUCED = re.compile(r"(?<![\w’'-])([\w’'-]+[ ][\w’'-]+)(?=,[ ](?:a|an|the|who|whose)[ ])")
_NAME_WORD_CHARS = re.compile(r"[\w’'-]+")
_CAPITALISED_NAME_WORD = re.compile(r"[A-Z][\w’'-]+")


def _introduced_names(word: str, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Full names in ``text[start:end]`` holding ``word`` first or last, then an appositive:
    "Liu Longzhu, a …"; group 1 is the name."""
    if not _NAME_WORD_CHARS.fullmatch(word):
        yield from _introduced_name(word).finditer(text, start, end)
        return
    # (one pattern for any such word, the word checked after: compiling one for each word cost
    # more than the search)
    for match in _TWO_WORDS_INTRODUCED.finditer(text, start, end):
        first, second = match.group(1).split(" ")
        if (first == word and _CAPITALISED_NAME_WORD.fullmatch(second)) \
                or (second == word and _CAPITALISED_NAME_WORD.fullmatch(first)):
            yield match


@lru_cache(maxsize=256)
def _introduced_name(word: str) -> re.Pattern[str]:
    """A full name holding ``word`` first or last, then an appositive: "Liu Longzhu, a …"."""
    w = re.escape(word)
    return re.compile(rf"(?<![\w’'-])((?:{w}[ ][A-Z][\w’'-]+)|(?:[A-Z][\w’'-]+[ ]{w}))"
                      r"(?=,[ ](?:a|an|the|who|whose)[ ])")


def _singular(word: str) -> str:
    """"agencies" → "agency", "firms" → "firm": a plural noun's singular, by its ending."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _name_them(speakers: list[Speaker], name: str) -> None:
    for speaker in speakers:
        speaker.name = name
        speaker.aliases.add(alias_key(name))


#: Words for a kind of body that a story puts before the body's name ("newspaper Dagens
#: Nyheter"), and the words it may use for that body later ("the paper").
_KIND_WORDS = {"paper": ("newspaper", "daily", "paper"), "newspaper": ("newspaper", "daily"),
               "daily": ("newspaper", "daily"), "broadcaster": ("broadcaster",),
               "magazine": ("magazine",), "tabloid": ("tabloid",),
               "consultancy": ("consultancy", "consulting firm", "consulting company")}
#: Offices named by their initials before a document ("the AG's complaint", "the DA's office").
_ROLE_ACRONYMS = {"ag": "attorney general", "da": "district attorney", "pm": "prime minister"}
#: Words that end an unnamed source's head noun phrase ("analysts at Morgan Stanley").
_HEAD_ENDS = frozenset(["at", "of", "for", "from", "with", "in", "close", "familiar", "who", "briefed",
                        "involved", "knowledgeable", "aware", "speaking", "privy"])
#: Possessive determiners before a role and a name ("her lawyer John Doe").
_POSSESSIVE_DETERMINERS = frozenset(["his", "her", "their", "its", "our"])
#: A site that speaks for its organisation, named by its address.
_WEB_NAME = re.compile(r"[A-Z][\w-]*\.(?:org|com|net|gov|edu|io|info)")
#: A cue and where it was said, before a document's noun: "said in a statement".
_ISSUED_IN = re.compile(r"\b(?:(?:said|says|announced|announces|wrote|writes|added|stated|concluded|"
                        r"concludes|found|finds|determined|assessed|warned|warns|estimated)\s+"
                        r"(?:[\w’'-]+\s+){0,3}?in\s+(?:a|an|its|his|her|their)"
                        # "Donald Trump, in a statement delivered via the press secretary, announced"
                        r"|,\s+in\s+(?:a|an|its|his|her|their)"
                        r"|(?:issued|issues|released|releases|put\s+out|puts\s+out|published|posted|sent|"
                        r"sends|wrote|writes|filed|files|signed|signs)\s+"
                        r"(?:a|an|its|his|her|their))\s+(?:[\w-]+\s+)?")
#: A sentence opening on the document it reports: "In a statement, ".
_IN_A_DOCUMENT = re.compile(r"(?:^|(?<=[.!?][ ])|(?<=\n))(?:[A-Z][a-z]+,[ ]i|I)n[ ]"
                            r"(?:a|an|its|his|her|their)[ ](?:[\w-]+[ ]){0,3}$")
#: After that document's noun, its comma, the subject, then the cue: "statement, X said".
_AFTER_OPENING = re.compile(r"\w*,[ ]([^,.;:“”\"]{2,80}?)[ ](?:said|says|announced|stated|wrote|added)\b")
#: The rest of an opening on a document up to its comma: "report issued Thursday morning, ",
#: "report (pdf) released this month, " (how and when it came out, nothing said yet).
_OPENING_REST = re.compile(r"\w*(?:[ ]\(\w+\))?(?:[ ](?:issued|released|published|posted|filed|unveiled|"
                           r"sent|provided|emailed|given|shared|out|made[ ]public)(?:[ ][\w-]+){0,6})?"
                           r"(?:[ ](?:on[ ])?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)|[ ](?:earlier|later)(?:[ ](?:this|last)[ ](?:week|month|year))?)?,[ ]")
#: A capitalised name, its comma, then an appositive: "Hannibal Ware, the chairman".
_NAME_THEN_APPOSITIVE = re.compile(r"((?:[A-Z][\w.'’-]*[ ]){1,3}[A-Z][\w'’-]+),[ ](?:the|a|an)[ ]")
#: ("Big Machine Records issued a statement": the subject before "issued" is its author.)
_NEGATED_ISSUE = re.compile(r"\b(?:not|never|n['’]t|yet to)\s+$")
_ON_BEHALF = re.compile(r"\s+(?:from|on behalf of|by)\s")
#: Head nouns of unnamed sources a story introduces with "a" and takes up with "the".
_SOURCE_HEADS = frozenset(["official", "spokesperson", "spokesman", "spokeswoman", "diplomat", "source",
                           "aide", "officer", "adviser", "advisor", "analyst", "executive"])
#: "a State Department spokesperson", "One former Pentagon official": an unnamed source introduced.
_INTRODUCED_SOURCE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)[ ]((?:[A-Z][\w.'’-]*[ ]|[a-z][a-z-]+[ ]){0,4}"
                                r"(?:official|spokesperson|spokesman|spokeswoman|diplomat|source|aide|"
                                r"officer|adviser|advisor|analyst|executive))\b")
#: How far back "the spokesperson" looks for the source's introduction.
_SOURCE_LOOKBACK = 2500
#: How far back "the report" looks for the report's introduction ("a report from the World Bank").
_DOCUMENT_LOOKBACK = 6000
#: How many of the noun's places "the report" reads back through (the nearest few are often
#: "the report's findings", "The report found": no author named there).
_DOCUMENT_PLACES = 12
#: Verbs of a document's author in the present that are not cues: "the Pentagon highlights".
_OPENING_VERBS = frozenset(["highlights", "details", "outlines", "lists", "documents", "describes",
                            "brings", "offers", "presents", "examines", "concludes", "makes"])
#: The verb that says what a document's noun names: "X reported that …" is "the report".
_DOCUMENT_VERBS = {
    noun: re.compile(rf"\b(?:{verbs})\b")
    for noun, verbs in (("report", "reported|reports"), ("ruling", "ruled|rules"),
                        ("announcement", "announced|announces"), ("assessment", "assessed|assesses"),
                        # "Donald Trump sued CBS News … The lawsuit alleged": who sued, filed or wrote
                        ("lawsuit", "sued|sues"), ("suit", "sued|sues"), ("filing", "filed|files"),
                        ("memo", "issued|issues|sent|sends|wrote|writes"),
                        ("letter", "wrote|writes|sent|sends"),
                        ("order", "ordered|orders|signed|signs|issued|issues"),
                        ("directive", "issued|issues"))
}


def _stop_before(text: str, pos: int) -> int:
    """Where the full stop ending the sentence before ``pos`` is (-1 for none), past the stops
    of initials and abbreviations ("The U.N. Conference on Trade and Development released …")."""
    stop = text.rfind(". ", 0, pos)
    while stop > 0 and (text[stop - 1].isupper() and (stop < 2 or not text[stop - 2].isalpha())
                        or _ABBREVIATION_BEFORE.search(text, max(0, stop - 5), stop + 1)):
        stop = text.rfind(". ", 0, stop)
    return stop


#: How far back a description looks for the sentence before it and the person that names.
_DESCRIBED_REACH = 1_500
#: Offices of government a description may name: one a person is given by the text before a
#: description of it stands for them.
_PUBLIC_OFFICES = frozenset(["governor", "president", "senator", "mayor", "minister", "premier",
                             "chancellor", "ambassador", "congressman", "congresswoman", "judge",
                             "prosecutor", "sheriff", "commissioner", "secretary"])
_OFFICE_ABBREVIATIONS = {"governor": ("gov",), "senator": ("sen",), "president": ("pres",),
                         "secretary": ("sec",), "commissioner": ("commr",)}
#: Each office, or its abbreviation, as a word of the text.
_OFFICE_PATTERNS = {
    office: re.compile(r"\b(?:" + "|".join((office, *_OFFICE_ABBREVIATIONS.get(office, ()))) + r")\b",
                       re.IGNORECASE)
    for office in _PUBLIC_OFFICES
}
#: A name set off after a description that opens a sentence: ", Ms. Haley favored".
_NAME_AFTER_DESCRIPTION = re.compile(
    r"[^,.;:\n]{0,80}?,[ ]((?:(?:Mr|Mrs|Ms|Dr)\.?[ ])?(?:[A-Z][\w’'-]+[ ]){0,2}[A-Z][\w’'-]+)(?=[ ][a-z])")
#: Words of a description that say nothing of whom it describes ("the former …").
_NOT_DESCRIBING = frozenset(["the", "a", "an", "former", "new", "then", "and", "of", "for", "top", "senior"])
#: A word opening a clause inside a sentence: its subject comes after it.
_CLAUSE_OPENING = re.compile(r"\b(?:that|while|because|whereas|after|when)[ ]")
#: Abbreviations whose full stop ends no sentence: "U.N.", "Mr.", "Dr.", "St.".
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Jr|Sr))\.$")


@lru_cache(maxsize=256)
def titled_somewhere(text: str, word: str, limit: int = 50) -> bool:
    """Whether one of the first places that write ``word`` has a title, a rank or an honorific
    right before it ("Officer Ford", "Mr. Lincoln", "Coach Harley")."""
    pos = text.find(word)
    for _ in range(limit):
        if pos < 0:
            return False
        end = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            before = text[max(0, pos - 30):pos].split()
            if before:
                prev = before[-1].lower().rstrip("])")  # ("[North Korean leader] Kim": an editor's)
                if prev in lx.HONORIFICS or prev in lx.TITLE_WORDS or prev in lx.RANKS \
                        or prev in lx.TITLE_ABBREVIATIONS:
                    return True
        pos = text.find(word, end)
    return False


#: Descriptions that name one post in other words ("the top U.S. diplomat" is the Secretary of State).
_SAME_POST = {
    "diplomat": frozenset(["secretary", "minister", "ambassador", "envoy", "diplomat"]),
    "lawmaker": frozenset(["senator", "representative", "congressman", "congresswoman", "rep",
                           "sen", "mp", "legislator", "member", "lawmaker"]),
    "legislator": frozenset(["senator", "representative", "congressman", "congresswoman", "rep",
                             "sen", "mp", "lawmaker", "legislator", "member"]),
    "executive": frozenset(["ceo", "president", "chairman", "chairwoman", "chief", "founder", "executive"]),
}


#: "the top U.S. diplomat", "the nation's top diplomat": the one holder of a post.
_TOP_POST = re.compile(r"(?i:the)[ ](?:[\w.’']+[ ]){0,2}top[ ](?:[\w.]+[ ]){0,2}[a-z]+$")


#: A post of a body named in the phrase ("the chairman of the party", "the head of Pfizer"; not
#: "the former secretary of state").
_OF_A_BODY = re.compile(r" of (?:the |[A-Z])")


def _role_clash(role: str | None, head: str) -> bool:
    """Does every post the text gave a person differ from the description's ``head`` ("Robby
    Mook, campaign manager" is not "the Democratic nominee"; "Secretary of State Marco Rubio" may
    be "the top U.S. diplomat")?"""
    posts = []
    for part in (role or "").lower().split(" / "):
        words = [w for w in re.split(r"[^\w-]+", part.split(" of ")[0]) if w]
        if words and (words[-1] in lx.POSITION_HEADS or _person_word(words[-1])):
            posts.append(words[-1])
    same = _SAME_POST.get(head, frozenset([head]))
    return bool(posts) and not any(post in same or post == head for post in posts)


def _other_office(role: str | None, mention: Mention) -> bool:
    """Does a person's title name another portfolio than the description ("Health Secretary Ann
    Lee" is not "the foreign minister"; a Foreign Secretary may be)?"""
    # (only two titles that each name their portfolio: "Rep." and "the congressman from Texas"
    # are one office in other words)
    words = (role or "").lower().split()
    qualifier = (mention.role or "").lower().split()[:-1]
    if len(words) < 2 or not qualifier or words[-1] not in lx.POSITION_HEADS:
        return False
    return not any(w in words for w in qualifier)


class SpeakerBook:
    """The speakers of one story, in the order they are first quoted."""

    def __init__(self, text: str = "", quoted: Callable[[int], bool] | None = None) -> None:
        #: The story's text: where "the company" looks back for the organisation it means.
        self.text = text
        #: Whether a position of the text is inside a quotation: a description there ("“I am
        #: such a pious man,” he laughs") is someone's words, not the text introducing a person.
        self.quoted = quoted
        self.speakers: list[Speaker] = []
        self.last_person: Speaker | None = None
        self.last_org: Speaker | None = None
        self.last_any: Speaker | None = None
        #: A person named as the subject of a sentence after the last person quoted.
        self.pending: Mention | None = None
        #: The person said to ask last ("Tim Loughton asks…"): who "Q:" is.
        self.asker: Speaker | None = None
        #: Where the last person quoted was named.
        self.last_person_at = -1
        #: Where a single unnamed source ("a source close to the talks") was last quoted.
        self.last_source_at = -1
        #: The named person cited last as a source only ("according to ecologist Chip Taylor"),
        #: and where: whom a "he" means when no one else may be.
        self._cited_person: tuple[Speaker, int] | None = None
        #: People quoted so far, the most recent last (a dict as an ordered set, by index).
        self.recent: dict[int, Speaker] = {}
        # Indexes, so that a long text with many speakers stays linear.
        self._by_alias: dict[tuple[str, str], Speaker] = {}
        #: Per title word: where the text writes it before a name (see _titled_names).
        self._titled_by_head: dict[str, list[tuple[int, int, str]]] = {}
        #: Organisations a description or "it" has referred to ("the company said"): they stay
        #: organisations whatever a later "he" suggests.
        self._described_orgs: set[int] = set()
        #: Per name word: the latest speaker whose name has it.
        self._latest_by_word: dict[str, Speaker] = {}
        #: Per word: speakers named by that word alone, oldest first (stale ones dropped lazily).
        self._single_by_word: dict[str, list[Speaker]] = {}
        #: Per role word: the latest speaker whose role has it.
        self._latest_by_role_word: dict[str, Speaker] = {}
        #: People quoted so far by gender ("m", "f", None), the most recent last.
        self._recent_by_gender: dict[str | None, dict[int, Speaker]] = {None: {}, "m": {}, "f": {}}
        #: When each person was last quoted (a counter): compares the recency across genders.
        self._seen_at: dict[int, int] = {}
        self._clock = 0
        self._surname_genders: dict[str, str | None] = {}
        #: Per members' plural ("Doctors"): the groups named for them, found once a text.
        self._member_groups: dict[str, tuple[list[re.Match[str]], list[int]]] = {}
        #: Characters the surname and full-name look-ups may still search (see _positions).
        self._search_left = 32 * len(text) + 2_000_000
        #: Where each speaker was last quoted (by index).
        self._seen_pos: dict[int, int] = {}
        #: Speakers named by a first name after "Sir" or "Dame" ("Sir Keith"), by index.
        self._given_names: set[int] = set()
        #: Per name: whether the text uses it as it uses a company (see _organisation_named).
        self._company_names: dict[str, bool] = {}
        #: The acronyms the text defines (see _defined_acronyms), read once when first needed.
        self._acronyms: dict[str, str] | None = None
        #: The words the text gives an age (see _given_an_age), read once when first needed.
        self._aged_words: set[str] | None = None
        #: Per surname: the full names of its generations (see _younger_or_elder).
        self._generations: dict[str, list[tuple[int, str, str]]] = {}

    def note_person(self, mention: Mention) -> None:
        """A person named at the head of a sentence: "he" may mean them even if not quoted yet."""
        self.pending = mention

    def _unnamed_person(self, mention: Mention) -> Speaker:
        """The unnamed person a phrase names ("another Chinese immigrant"), without its count."""
        mention = _without_count(mention)
        return self._by_alias.get(("anonymous", alias_key(mention.name))) or self._new(mention)

    def _pending_may_be(self, want: str) -> bool:
        """Can "he" or "she" (``want``) be the person named at the head of the sentence? Not when
        the mention, or the first name the text gives that surname ("Lorenz" of Edward Lorenz),
        says otherwise."""
        pending = self.pending
        if pending is None or pending.gender not in (None, want) or pending.kind == "anonymous" and (
                " and " in pending.name or one_person(pending.name) not in (None, "", want)
                or one_person(pending.name) is None):
            return False  # (nor "he" for "Tim Cook and Phil Schiller"; but "Another Chinese immigrant")
        if pending.kind == "person" and self.text and _named_storm(self.text, pending.name):
            return False  # ("Helene sent several feet of storm surge": no one "she" may be)
        if pending.kind == "definite" and one_person(pending.name) not in (None, "", want):
            return False  # ("she" is not "The gunman fled on foot")
        if pending.gender is None and pending.kind == "person" and self.text:
            known = self._surname_gender(pending.name.rsplit(None, 1)[-1])
            if known is not None and known != want:
                return False
        return True

    def _newcomer_in_paragraph(self, latest: Speaker, pos: int, want: str) -> Speaker | None:
        """"she" in a paragraph that names a woman not quoted yet, when the woman quoted last was
        quoted in an earlier paragraph: the newcomer ("Hamilton said … [paragraphs later] Once
        Fetter arrived, …. “…,” she said" is Fetter)."""
        para_start = self.text.rfind("\n\n", 0, pos)
        para_start = para_start + 2 if para_start >= 0 else 0
        if self._opens_with_quote(para_start, pos):
            # "But the plan faces resistance from Rep. Dan Ochoa.¶“…,” he said": a paragraph that
            # opens with the quote looks back to the paragraph before
            before = self.text.rfind("\n\n", 0, max(0, para_start - 2))
            para_start = before + 2 if before >= 0 else 0
        if self._seen_pos.get(latest.index, -1) >= para_start:
            return None
        found = self._named_mention_before(pos, want, para_start) \
            or self._person_subject_in(para_start, pos, want)
        if found is None or found.start < para_start or _named_storm(self.text, found.name):
            return None  # ("… after Helene sent storm surge into the house": a hurricane)
        key, known = alias_key(found.name), alias_key(latest.name)
        if key.rsplit(None, 1)[-1:] == known.rsplit(None, 1)[-1:]:
            return None  # (the same surname: the woman quoted last)
        if silent_after(self.text, found.end, min(pos, found.end + 80)):
            return None  # "Robert Mueller declined to comment": whoever speaks next, not he
        return self._person(found)

    def _cited_before(self, pos: int, want: str) -> Speaker | None:
        """"According to ecologist Chip Taylor of the University of Kansas, last year's cool
        weather kept them in place. He also said …": when no one else may be "he", the named
        person the text cited last as its source, close before (and of no other gender)."""
        if self._cited_person is None:
            return None
        cited, at = self._cited_person
        if pos - at > _PRONOUN_LOOKBACK or cited.gender not in (None, want) \
                or self._surname_gender(cited.name.rsplit(None, 1)[-1]) not in (None, want):
            return None
        return cited

    def _introduced_since(self, latest: Speaker, pos: int, want: str) -> Speaker | None:
        """"“We need a deal,” Harkin said. The bill was drafted by Rep. Bill Owens, a Democrat
        from Ohio. “It is a great day,” he said": a person of the pronoun's gender whom a later
        sentence of the paragraph introduces (an appositive, a relative clause, an age) is who
        "he" means, not the person quoted before, unless a sentence since opens with "he" (the
        one quoted before, still the subject: "He blamed Rep. Bill Owens, a Democrat, …")."""
        text = self.text
        since = self._seen_pos.get(latest.index, -1)
        para_start = text.rfind("\n", 0, pos) + 1
        if since < para_start or pos - since > _PRONOUN_LOOKBACK:
            return None
        spans = sentences(text, since, pos, [])
        if len(spans) < 2:
            return None
        floor = spans[0][1]
        pronoun = "he" if want == "m" else "she"
        for start, _ in spans[1:]:
            head = text[start:start + len(pronoun) + 1].lower()
            if head[:len(pronoun)] == pronoun and not head[len(pronoun):].isalpha():
                return None
        found = self._named_mention_before(pos, want, floor)
        if found is None or " " not in found.name or _INTRODUCED_AFTER.match(text, found.end) is None:
            return None
        if alias_key(found.name).rsplit(None, 1)[-1:] == alias_key(latest.name).rsplit(None, 1)[-1:]:
            return None
        reach = max(para_start, found.start - _PRONOUN_LOOKBACK)
        stop = text.rfind(". ", reach, found.start)
        sentence = stop + 2 if stop >= 0 else reach
        if _DONE_TO.search(text, sentence, found.start) is not None:
            return None  # ("Flowers were left for a victim, Tom Baker, a teacher.")
        return self._person(found)

    def _introduced_in_paragraph_before(self, latest: Speaker, pos: int, want: str) -> Speaker | None:
        """"“…,” Guo Jiakun said. ¶ … attention that Mao Ning, a spokesperson for China’s foreign
        ministry, was asked about it. ¶ “…,” she said": a person the paragraph just before
        introduces with an appositive, after the one quoted last, is whom the pronoun of a
        paragraph opening on a quotation means (if no first name says otherwise)."""
        text = self.text
        para_start = text.rfind("\n", max(0, pos - 600), pos) + 1
        if not para_start or text[para_start:para_start + 1] not in ("“", '"') \
                or not text[para_start:pos].rstrip().endswith((",”", ',"', "”", '"')):
            return None
        before_end = para_start - 1
        while before_end > 0 and text[before_end - 1] == "\n":
            before_end -= 1
        before_start = text.rfind("\n", max(0, before_end - 600), before_end) + 1
        if self._seen_pos.get(latest.index, -1) >= before_start or before_end - before_start > 600:
            return None
        found = None
        for match in _NAME_THEN_APPOSITIVE.finditer(text, before_start, before_end):
            if self.quoted is not None and self.quoted(match.start()):
                continue
            named = parse_before(text, tokens(text, match.start(1), match.end(1)))
            if named is None or named.kind != "person" or " " not in named.name \
                    or named.gender not in (None, want) \
                    or _name_gender(tokens(named.name, 0, len(named.name))) not in (None, want):
                continue
            if alias_key(named.name).rsplit(None, 1)[-1:] == alias_key(latest.name).rsplit(None, 1)[-1:]:
                continue
            closing = text.find(",", match.end(), before_end)
            if closing < 0 or _SPOKE_AFTER_APPOSITIVE.match(text, closing + 1) is None:
                continue  # (the person must be the one who then spoke or was asked: not "a day
                # after Lee Anderson, the party's former deputy chairman, defected")
            sentence = max(text.rfind(". ", before_start, match.start()) + 2, before_start)
            if _DONE_TO.search(text, sentence, match.start()) is not None:
                continue
            found = named
        return self._person(found) if found is not None else None

    def _subject_since(self, latest: Speaker, pos: int, want: str) -> Speaker | None:
        """"“…,” said Joe Biden. … Wednesday, the day he dropped out, Michael Bloomberg endorsed
        his former rival, Joe Biden. “…,” he said": the person the last sentence since the
        latest speaker's words to open on a person names as its subject, not the person quoted
        last nor the object of the sentence."""
        since = self._seen_pos.get(latest.index, -1)
        if since < 0 or pos - since > _SUBJECT_SINCE_REACH:
            return None
        found = self._last_subject(since + 1, pos, want)
        if found is None or alias_key(found.name).rsplit(None, 1)[-1:] \
                == alias_key(latest.name).rsplit(None, 1)[-1:]:
            return None  # (the person quoted last, named again)
        return self._person(found)

    def _last_subject(self, floor: int, pos: int, want: str) -> Mention | None:
        """The person the last sentence of [floor, pos) to open on a person names as its subject
        (after an opening phrase and its comma, a verb after the name), outside quotations, when
        nothing says that person is not of the pronoun's gender (``want``); a lone surname only
        when the text gives it a first name or a speaker has it."""
        text = self.text
        found: Mention | None = None
        for match in _SUBJECT_AFTER_OPENING.finditer(text, floor, pos):
            if self.quoted is not None and self.quoted(match.start(1)):
                continue
            toks = tokens(text, match.start(1), match.end(1))
            if toks and toks[0].low.endswith("ing") and len(toks[0].low) > 5 \
                    and not _known_first_name(toks[0].low):
                continue  # ("Listing Mofaz as a loser, she explained": the participle's object)
            named = classify(text, toks)
            gender = _name_gender(toks)
            if named is not None and (named.kind == "person" or gender is not None and len(toks) > 1
                                      or len(toks) == 1 and _full_name_at(text, toks[0].word) < named.start):
                # ("Michael Bloomberg", and "Bloomberg" after it: a person, whatever company
                # shares the surname)
                found = Mention(named.start, named.end, "person", named.name, gender=named.gender or gender)
        if found is None or found.gender not in (None, want) \
                or silent_after(text, found.end, min(pos, found.end + 80)):
            return None  # (nor "Robert Mueller declined to comment": whoever speaks next, not he)
        surname = found.name.rsplit(None, 1)[-1]
        if self._surname_gender(surname) not in (None, want):
            return None
        if " " not in found.name and not (surname.casefold() in self._latest_by_word
                                          or _full_name_at(text, surname) < found.start):
            return None  # (a lone capitalised word the text gives no first name: maybe a place)
        full = _full_name_before(text, surname, found.start) if " " not in found.name else None
        if full is not None and surname.casefold() not in self._latest_by_word:
            found = replace(found, name=full)  # ("Bloomberg" after "Michael Bloomberg")
        return found

    def _asked_before(self, latest: Speaker | None, pos: int, want: str) -> Mention | None:
        """"VOA asked former Colombian President Juan Manuel Santos what he viewed as the biggest
        hurdle. “…,” he said": the person asked, since anyone was last quoted, answers (when
        the name's gender does not say otherwise)."""
        text = self.text
        floor = max(0, pos - _PRONOUN_LOOKBACK)
        if latest is not None:
            floor = max(floor, self._seen_pos.get(latest.index, -1))
        found: re.Match[str] | None = None
        for match in _ASKED_NAMED.finditer(text, floor, pos):
            if self.quoted is None or not self.quoted(match.start()):
                found = match
        if found is None:
            return None
        named = parse_before(text, tokens(text, found.start(1), found.end(1)))
        if named is None or named.kind != "person" or " " not in named.name \
                or not self._may_be_of(named, want):
            return None
        return named

    def _may_be_of(self, named: Mention, want: str) -> bool:
        """Can a named person be of the gender ``want`` (by the mention, else by the gender the
        text gives the surname)?"""
        return (named.gender or self._surname_gender(named.name.split()[-1])) in (None, want)

    def _interviewed_before(self, latest: Speaker | None, pos: int, want: str) -> Speaker | None:
        """"WIRED spoke to one mother, who knew …. “I am …,” she said": an unnamed person the
        reporter spoke to or interviewed in the sentence before, since anyone was last quoted, is
        who "she" means (not someone the story quoted before)."""
        text = self.text
        floor = max(text.rfind(". ", 0, max(0, pos - 300)), 0)
        if latest is not None:
            floor = max(floor, self._seen_pos.get(latest.index, -1))
        found: re.Match[str] | None = None
        for match in _INTERVIEWED.finditer(text, floor, pos):
            if self.quoted is None or not self.quoted(match.start()):
                found = match
        sentence = max(text.rfind(". ", 0, found.start()) + 2, text.rfind("\n", 0, found.start()) + 1) \
            if found is not None else 0
        if found is None or found.group(1).lower() in ("he", "she", "they", "who", "and", "but", "then") \
                or ("person", alias_key(found.group(1))) in self._by_alias \
                or _REPORTING_BEFORE.search(text, sentence, found.start()) is not None:
            return None  # (a person the story quotes meeting someone is still who "he" may mean)
        words = text[found.end():found.end() + 60].split()[:3]
        head = next((k for k, w in enumerate(words) if w.strip(",.;:").lower() in _SINGLE_PEOPLE
                     and w[:1].islower()), None)
        if head is None or any(not w.isalpha() or not w.islower() for w in words[:head]):
            return None
        noun = words[head].strip(",.;:").lower()
        gender = "f" if noun in _FEMALE_NOUNS else "m" if noun in _MALE_NOUNS else None
        if gender not in (None, want):
            return None
        name = " ".join([found.group(2), *words[:head], noun])
        start = found.start(2)
        speaker = self._by_alias.get(("anonymous", alias_key(name))) or self._new(
            Mention(start, start + len(name), "anonymous", name, gender=gender))
        speaker.gender = speaker.gender or want
        return speaker

    def _titled_names(self, head: str) -> list[tuple[int, int, str]]:
        """Every place the text writes the capitalised title ``head`` before a name: start, end and
        the name as written, in order (found once per title, so that a long story's many "the
        president"s do not each read the text from its top)."""
        found = self._titled_by_head.get(head)
        if found is None:
            pattern, forms = _title_pattern(head)
            text = self.text
            found = [] if not any(form in text for form in forms) else [
                (match.start(), match.end(), match.group(1)) for match in pattern.finditer(text)]
            self._titled_by_head[head] = found
        return found

    def _titled_before(self, mention: Mention) -> Mention | None:
        """The person the text last names with the capitalised title ``mention`` stands for
        ("President Trump", "Gov. Eric Holcomb" for "the president", "the governor"), the title
        right before the name and not an organisation's ("President of the Fed")."""
        head = mention.name.lower()
        if " " in head or not head.replace("-", "").isalpha() or head not in lx.POSITION_HEADS:
            return None
        text, before = self.text, mention.start  # (a title is given once, often at the story's top)
        found = self._titled_names(head)
        if not found or found[0][0] >= before:
            return None  # (the common case: the title is not written before a name at all)
        names: list[str] = []
        office = titles.office_of(mention.role, head)
        for start, end, written in found:
            if end > before:
                break
            if self.quoted is not None and self.quoted(start):
                continue
            if not _fits_office(text[max(0, start - 12):start], head, office):
                continue  # ("Vice President Tom Bell" is not "the president")
            if _portfolio_clash(mention.role, text[max(0, start - 30):end]):
                continue  # ("the health minister" is not "Civil Aviation Minister Hardeep Puri")
            name = base_word(Tok(written, 0, 0))
            words = name.split()
            if words[0].lower() in lx.NOT_NAMES or words[0].lower() in lx.ORG_HEADS:
                continue
            names.append(name)
        if not names:
            return None
        # Of several so titled ("Gov. Eric Holcomb", "Kentucky GOP Gov. Matt Bevin"), the one the
        # text spoke of last ("Teachers didn't see Holcomb …. The governor said …")
        best = max(names, key=lambda n: text.rfind(n.split()[-1], 0, before))
        return Mention(mention.start, mention.end, "person", best, role=mention.role or head)

    def _titled_after(self, mention: Mention) -> Mention | None:
        """"A federal judge warned Giuliani …. ¶ U.S. District Judge Beryl Howell in Washington
        found …": a story's opening "a … judge" is the judge the text names soon after (in this
        paragraph or the next two, outside quotations) — with the title as a sentence's subject,
        or beside "the judge" ("the order by the judge, Air Force Colonel Matthew McCall, …") —
        when no judge is named before and no other judge is so named there."""
        words = mention.name.lower().split()
        if len(words) < 2 or words[0] not in ("a", "an") or words[-1] not in ("judge", "justice") \
                or len(words) > 4 or not _LEDE_MODIFIERS.issuperset(words[1:-1]) \
                or mention.start > _LEDE_REACH:
            return None  # (not "a union president" for President Joe Biden)
        head, text = words[-1], self.text
        reach = min(len(text), mention.end + _LEDE_NAME_REACH)
        titled = self._titled_names(head)
        if titled and titled[0][0] < mention.start:
            return None  # (a judge named before the description: _titled_before's)
        named = {base_word(Tok(written, 0, 0)): start for start, _, written in titled
                 if start < reach and not (self.quoted is not None and self.quoted(start))}
        if len(named) > 1:
            return None  # (two judges so named: which one the description is, is not said)
        found: tuple[int, str] | None = None
        for name, start in named.items():
            ends = [m.end() for m in _STOP_BEFORE_TITLE.finditer(text, mention.end, start)]
            if not ends:
                continue  # (in the description's own sentence: someone else)
            stop = text.find(". ", start, min(len(text), start + 200))
            if _TITLE_LEAD_IN.fullmatch(text, ends[-1], start) \
                    and _OTHER_OCCASION.search(text, start, stop if stop >= 0 else start + 200) is None:
                found = (start, name)  # (the judge opens the sentence: "U.S. District Judge …")
        beside = _NAMED_BESIDE_JUDGE.search(text, mention.end, reach)
        if beside is not None and beside.group(1) == head and (found is None or beside.start() < found[0]) \
                and not (self.quoted is not None and self.quoted(beside.start())):
            person = parse_before(text, tokens(text, beside.start(2), beside.end(2)))
            if person is not None and person.kind == "person" and " " in person.name \
                    and person.end == beside.end(2):
                found = (beside.start(), person.name)
        if found is None or text.count("\n\n", mention.end, found[0]) > 2:
            return None
        name = found[1]
        if " " not in name or name.split()[0].lower() in lx.NOT_NAMES:
            return None
        named_next = None  # (the next capitalised word that is no day or month)
        for capital in _CAPITAL_AFTER.finditer(text, mention.end, min(len(text), mention.end + 200)):
            word = text[capital.start():capital.start() + 12].split(None, 1)[0].strip(",.").lower()
            if word not in lx.TIME_WORDS:
                named_next = capital
                break
        upto = named_next.start() if named_next is not None else mention.end + 200
        said = _pronoun_gender_after(text, mention.end, upto)
        if said is not None and _name_gender(tokens(name, 0, len(name))) not in (None, said):
            return None  # ("A federal judge said he would …" is no Judge Ann Lee)
        return Mention(mention.start, mention.end, "person", name, role=mention.role or head)

    def _pair_named_before(self, pos: int, latest: Speaker | None) -> Speaker | None:
        """"they" right after a sentence or clause that names two people in full ("The authors,
        Paul Edelstein and Lutz Kilian, concentrated on …; they estimated …"): the pair, when
        they were named after whoever was quoted last."""
        text = self.text
        start = max(0, pos - _GROUP_LOOKBACK)
        cut = max(text.rfind(". ", start, pos), text.rfind("\n", start, pos))
        if cut >= 0:  # this sentence and the one before it
            cut = max(text.rfind(". ", start, cut), text.rfind("\n", start, cut))
        floor = cut + 1 if cut >= 0 else start
        if latest is not None:
            floor = max(floor, self._seen_pos.get(latest.index, -1) + 1)
        found = None
        for match in _NAMED_PAIR.finditer(text, floor, pos):
            if self.quoted is not None and self.quoted(match.start()):
                continue
            pair = _coordinated_people(text, tokens(text, match.start(), match.end()))
            if pair is not None:
                found = Mention(match.start(), match.end(), "anonymous", pair.name)
        if found is None and cut >= 0 and _THEY_OPENS.match(text, cut + 1):
            # "… for Ruby Freeman and her daughter, Wandrea “Shaye” Moss. They won the judgment.
            # They said …": a sentence on "they" between carries the pair on, one sentence back
            before = max(text.rfind(". ", start, cut), text.rfind("\n", start, cut))
            floor = before + 1 if before >= 0 else start
            if latest is not None:
                floor = max(floor, self._seen_pos.get(latest.index, -1) + 1)
        if found is None:
            for kin in _PAIR_BY_KIN.finditer(text, floor, pos):
                opening = _OPENS_OR_AFTER_PREPOSITION.search(text, max(0, kin.start() - 12), kin.start())
                if (self.quoted is None or not self.quoted(kin.start())) and opening is not None:
                    # (the pair opens its sentence or follows "for", "with" …: not "Prosecutors
                    # charged Ahmed Khan and his father, Omar Khan", whom "they" does not mean)
                    name = f"{kin.group(1)} and {kin.group(2)} {kin.group(3)}"
                    found = Mention(kin.start(), kin.end(), "anonymous", name)
        if found is None:
            return None
        return self._by_alias.get(("anonymous", alias_key(found.name))) or self._new(found)

    def _paragraph_group(self, pos: int) -> Speaker | None:
        """"they" in a paragraph that opens on a group of its own ("Gov. Eric Holcomb and leaders
        of the Legislature have avoided … However, they said …"), when the speaker quoted last
        was quoted in an earlier paragraph: that group, not the last speaker."""
        text = self.text
        para_start = text.rfind("\n\n", 0, pos)
        para_start = para_start + 2 if para_start >= 0 else 0
        last = self.last_any
        if last is None or self._seen_pos.get(last.index, -1) >= para_start \
                or self._opens_with_quote(para_start, pos):
            return None
        verb = _SUBJECT_VERB.search(text, para_start, min(pos, para_start + 160))
        if verb is None:
            return None
        toks = tokens(text, para_start, verb.start())
        if not 2 <= len(toks) <= _MAX_NP_TOKENS * 2 \
                or any(c in text[para_start:verb.start()] for c in ",“\""):
            return None
        mention = parse_before(text, toks)
        first = 1 if toks[0].low == "the" else 0
        while first < len(toks) - 1 and (toks[first].low in lx.TIME_WORDS or toks[first].low in _TIME_LEADS):
            first += 1  # "This Thursday the United States Commission … also criticized the move"
        if first < len(toks) - 1 and toks[first].low == "the":
            first += 1
        if mention is None or mention.start > toks[first].start:
            return None
        if mention.kind == "organisation" and " " in mention.name:
            # (a body named in full that opens the paragraph: "They released a statement …")
            return self._by_alias.get(("organisation", alias_key(mention.name))) or self._new(mention)
        if mention.kind != "anonymous" or " and " not in mention.name and not mention.name.endswith("s"):
            return None
        return self._by_alias.get(("anonymous", alias_key(mention.name))) or self._new(mention)

    def _opens_with_quote(self, para_start: int, pos: int) -> bool:
        """Does the paragraph at ``para_start`` open with a quotation that ends before ``pos``?"""
        head = self.text[para_start:para_start + 1]
        return head in ("“", '"', "‘") and self.quoted is not None and self.quoted(para_start + 1) \
            and not self.quoted(pos)

    def _named_before(self, pos: int, want: str) -> Speaker | None:
        """"she" with nobody quoted to stand for: the person named last before it whose first
        name says she is a woman (or he a man), anywhere in the sentence ("…, Blackburn relented.
        “…,” she said", where the text calls her Marsha Blackburn)."""
        found = self._named_mention_before(pos, want)
        return self._person(found) if found is not None else None

    def _unnamed_since(self, described: Speaker, gender: str) -> Speaker | None:
        """"A woman who auditioned … said …. ¶ I spoke with an assistant who said …. The woman,
        then 25, told him …": "the woman" is the unnamed person known to be of that gender
        quoted since the one first called so (not the police officer or the witness quoted since,
        of no gender known)."""
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker is described or speaker.index < described.index:
                return None
            if speaker.kind == "anonymous" and (speaker.gender or one_person(speaker.name)) == gender \
                    and one_person(speaker.name) is not None:
                return speaker
        return None

    def _pending_definite(self, pending: Mention) -> Speaker:
        """The speaker a description means when nothing else has: a party's member that no
        party tag of the text matches is the person named just before it ("… shared by Mark
        Smith. The Ohio Republican has …"); anyone else is the description itself."""
        if pending.name in _PARTY_MEMBERS and self.text and self._described_before(pending) is None:
            named = self._person_named_before(pending.start)
            if named is not None and not self.of_other_party(named, pending.name):
                speaker = self._person(named)
                speaker.add_role(pending.role)
                return speaker
        named = self._described_anaphor(pending) if self.text and pending.kind == "definite" else None
        if named is not None and self._by_role(pending.name) is None \
                and self._described_before(pending) is None:  # (the costlier checks last)
            speaker = self._person(named)
            speaker.add_role(pending.role)
            return speaker
        return self._definite(pending)

    def _another_so_described(self, person: Mention, mention: Mention) -> bool:
        """"Tom Hale met the governor on Monday. The governor said …": the sentence that names the
        person also speaks of someone by the description's noun, who is the one meant."""
        text = self.text
        reach = max(0, person.start - _DESCRIBED_REACH)
        start = max(text.rfind(". ", reach, person.start), text.rfind("\n", reach, person.start),
                    reach - 1) + 1
        stop = text.find(". ", person.end, mention.start)
        end = stop if stop >= 0 else mention.start
        return re.search(rf"\b{re.escape(mention.name)}\b", text[start:end], re.IGNORECASE) is not None \
            and text[start:end].lower().find(mention.name.lower()) > person.end - start

    def _described_anaphor(self, pending: Mention) -> Mention | None:
        """"Liz Truss, former British prime minister ¶ The former Conservative Party leader …
        made her second appearance": a description of a person's post or trade opening a
        sentence is the one person the sentence or heading just before names, when no one else
        holds that post in the story, that sentence does not speak of another such person ("Tom
        Hale met the governor. The governor said …"), and no title or gender says otherwise."""
        text = self.text
        noun = pending.name.lower()
        if pending.organisation or " of " in text[pending.start:pending.end]:
            return None  # ("The chairman of the Conservative Party": a post named with its body)
        if not text[pending.start:pending.start + 4].lower().startswith("the ") \
                or not (noun in lx.POSITION_HEADS or noun in lx.OCCUPATION_WORDS or noun in lx.PERSON_NOUNS) \
                or noun.endswith("s") and noun not in lx.POSITION_HEADS or noun in lx.DOCUMENT_NOUNS:
            return None
        reach = max(0, pending.start - _DESCRIBED_REACH)  # (never the whole text back: linear)
        stop = max(text.rfind(". ", reach, pending.start), text.rfind("\n", reach, pending.start))
        if stop < 0 or text[stop + 1:pending.start].strip(" “\""):
            return None  # (the description opens its sentence)
        named_next = _NAME_AFTER_DESCRIPTION.match(text, pending.end)
        if named_next is not None:
            # "The daughter of immigrants from India, Ms. Haley favored …": the name set off after
            # the description is whom it describes
            found = parse_before(text, tokens(text, named_next.start(1), named_next.end(1)))
            if found is not None and found.kind == "person":
                return found
        before = max(text.rfind(". ", reach, stop), text.rfind("\n", reach, max(reach, stop - 1)))
        while before > reach and not text[before + 1:stop].strip():  # (past blank lines)
            before = max(text.rfind(". ", reach, before), text.rfind("\n", reach, before - 1))
        floor = before + 1 if before >= 0 else 0
        named = self._person_named_before(pending.start)
        if named is None or named.start < floor:
            return None
        line_start = text.rfind("\n", reach, named.start) + 1 or reach
        line_end = text.find("\n", named.end, pending.start)
        if not text[line_start:line_end if line_end >= 0 else len(text)].replace(named.name, "", 1).strip():
            return None  # (a name alone on its line: a byline, the reporter's)
        if re.search(rf"\b(?:the|a|an|another)[ ](?:[\w-]+[ ]){{0,2}}{re.escape(noun)}\b", text[floor:stop],
                     re.IGNORECASE) or self.quoted is not None and self.quoted(named.start):
            return None  # ("Tom Hale met the governor."; not "a term as president"; a name in quotes)
        gender = "f" if noun in _FEMALE_NOUNS else "m" if noun in _MALE_NOUNS else None
        title = tokens(text, max(floor, named.start - 60), named.start)
        k = len(title)
        while k > 0 and _cap(title[k - 1]) and title[k - 1].low not in lx.DETERMINERS:
            k -= 1
        role = _join(text, title[k:]) if k < len(title) else named.role  # ("Health Secretary Ann Lee")
        if gender is not None and named.gender not in (None, gender) \
                or self.of_other_party(named, noun) or _other_office(role, pending) \
                or _portfolio_clash(pending.role, role):
            return None
        # The text must have described the person so: a word of the description in the title
        # before the name or the words set off after it ("President Donald Trump … The
        # president-elect", "Liz Truss, former British prime minister … The former prime
        # minister"; not "Trump said … The regional governor said")
        around = text[max(floor, named.start - 60):named.start] + " " + text[named.end:named.end + 80]
        words = {w.split("-")[0] for w in (pending.role or noun).lower().split()} - _NOT_DESCRIBING
        if not any(re.search(rf"\b{re.escape(w)}\b", around, re.IGNORECASE) for w in words):
            return None
        return named

    def of_other_party(self, person: Mention, party: str) -> bool:
        """Does the text tag the person named at ``person`` with a party other than ``party``
        ("Rep. Adam Schiff, a Democrat, …" is not "the Ohio Republican")?"""
        if party not in _PARTY_TAGS:
            return False
        tag = _PARTY_TAG_AFTER.match(self.text, person.end)
        if tag is None:
            return False
        word = (tag.group(1) or tag.group(2) or tag.group(3)).lower()
        return _PARTY_TAGS.get(word, party) != party

    def _person_named_before(self, pos: int) -> Mention | None:
        """The person of either gender named last before ``pos`` (within the pronoun reach)."""
        found = [m for want in ("m", "f") if (m := self._named_mention_before(pos, want)) is not None]
        return max(found, key=lambda m: m.start) if found else None

    def _named_mention_before(self, pos: int, want: str, floor: int = 0) -> Mention | None:
        """The mention ``_named_before`` stands for (searched from ``floor`` at the earliest)."""
        if not self.text:
            return None
        found: Mention | None = None
        given = lx.FEMALE_FIRST_NAMES if want == "f" else lx.MALE_FIRST_NAMES
        text = self.text
        first_end = -2
        place_end = -2  # (where the last name after a preposition of place ends)
        for match in _SINGLE_NAME.finditer(text, max(0, floor, pos - _PRONOUN_LOOKBACK), pos):
            word = match.group()
            low = word.lower()
            if self.quoted is not None and self.quoted(match.start()):
                continue  # a person named only inside someone's quotation is not the speaker
            if place_end == match.start() - 1 or _PLACE_PREPOSITION_BEFORE.search(
                    text, max(0, match.start() - 8), match.start()) \
                    or _PLACE_PREFIX_BEFORE.search(text, max(0, match.start() - 7), match.start()):
                place_end = match.end()
                continue  # "a bakery in Ann Arbor", "near Santa Clara": a place, not Ann or Clara
            if low in given and (found is None or found.end <= match.start()):
                # "Paul Costa spoke first, then Maria Costa. “…,” she said": the person whose
                # first name agrees ("Maria Costa"); a first name alone ("her husband, Paul")
                # is that person
                after = _SINGLE_NAME.match(text, match.end() + 1) \
                    if text[match.end():match.end() + 1] == " " else None
                if after is not None and after.end() <= pos and after.group().lower() not in lx.NOT_NAMES \
                        and not _lexical(after.group().lower()):
                    surname = base_word(Tok(after.group(), 0, 0))  # ("Pete Hegseth's lack")
                    found = Mention(match.start(), after.start() + len(surname), "person",
                                    word + " " + surname, gender=want)
                elif after is None:
                    found = Mention(match.start(), match.end(), "person", word, gender=want)
                continue
            if low in lx.FEMALE_FIRST_NAMES or low in lx.MALE_FIRST_NAMES:
                first_end = match.end()  # (a title is no first name: "Mr Hale" is Hale)
                continue
            if low in lx.NOT_NAMES or _lexical(low):
                continue
            if found is not None and found.end > match.start() or first_end == match.start() - 1:
                continue  # the surname of a full name ("Maria Costa" is not the Costa who is "he")
            if self._surname_gender(word) == want:
                found = Mention(match.start(), match.end(), "person", word, gender=want)
        return found

    def _person_subject_in(self, start: int, pos: int, want: str) -> Mention | None:
        """A lone name opening a sentence of [start, pos) as its subject that is surely a person's
        though no first name gives its gender ("Jones, a trader, disagreed …", "Lladanosa has
        found …" where the text named Cristina Lladanosa): the text gave it a first name, a
        description in commas, or it is a speaker's surname; nor is its gender known otherwise."""
        # (from the newline before: "\nJones, …"; never further back than a pronoun looks)
        match = self._lone_subject(max(0, start - 1, pos - _PRONOUN_LOOKBACK), pos)
        if match is None or match.start(1) < start \
                or self._surname_gender(match.group(1)) not in (None, want):
            return None
        word = match.group(1)
        described = self.text[match.end(1):match.end(1) + 2] == ", "
        if not (described or _full_name_at(self.text, word) < match.start(1)
                or word.casefold() in self._latest_by_word):
            return None
        return Mention(match.start(1), match.end(1), "person", word, gender=want)

    def _lone_subject(self, start: int, pos: int) -> re.Match[str] | None:
        """The last lone name opening a sentence of [start, pos) as its subject, outside any
        quotation (no common noun, pronoun, place or company that "its" follows)."""
        found: re.Match[str] | None = None
        for match in _SENTENCE_SUBJECT.finditer(self.text, start, pos):
            word = match.group(1)
            low = word.lower()
            if self.quoted is not None and self.quoted(match.start(1)) or low in lx.NOT_NAMES \
                    or _lexical(low) or low in lx.ORG_NAMES or low in lx.PRONOUNS \
                    or low in lx.DETERMINERS or possessive(Tok(word, 0, len(word))) \
                    or _known_first_name(low) or _sentence_adverb(low) or word.isupper() \
                    or low.endswith(_NOUN_ENDINGS):
                continue  # ("Construction slowed in May": a common noun)
            stop = self.text.find(".", match.end(1), pos)
            if re.search(r"\bits\b", self.text[match.end(1):stop if stop >= 0 else pos]):
                found = None  # "Boston closed its port": a place or a company, and no one later
                continue
            found = match
        return found

    def _subject_before(self, pos: int, want: str) -> Speaker | None:
        """"Hale attacked Ruiz at a rally. “…,” he said": with nobody quoted or named by a first
        name to stand for, "he" is the lone name that opened the sentence before (the subject
        of the story's last sentence, outside any quotation), unless its gender says otherwise."""
        if not self.text:
            return None
        found = self._lone_subject(max(0, pos - _PRONOUN_LOOKBACK), pos)
        if found is None or self._surname_gender(found.group(1)) not in (None, want):
            return None
        if self._cited_person is not None and self._cited_person[1] > found.end(1) \
                and self._cited_before(pos, want) is not None:
            return None  # ("…, according to policy analyst Zara Ahmed. “…,” she told …": the
            # source cited since, not the lone word opening an earlier line)
        return self._person(Mention(found.start(1), found.end(1), "person", found.group(1), gender=want))

    def _described_subject_before(self, pos: int, want: str) -> Speaker | None:
        """"Then the senator took the stage. “…,” he said": with no one named for "he" or "she",
        the person a description names as the subject of the sentence just before (the office
        or role given a speaker of its own, as "the senator said" would be)."""
        if not self.text:
            return None
        found = None
        for match in _DESCRIBED_SUBJECT.finditer(self.text, max(0, pos - 240), pos):
            if self.quoted is None or not self.quoted(match.start(1)):
                found = match
        if found is None:
            return None
        noun = found.group(2).lower()
        if not (noun in lx.POSITION_HEADS or noun in lx.OCCUPATION_WORDS or noun in lx.PERSON_NOUNS) \
                or noun in lx.DOCUMENT_NOUNS or noun.endswith("s") and noun not in lx.POSITION_HEADS:
            return None
        gender = "f" if noun in _FEMALE_NOUNS else "m" if noun in _MALE_NOUNS else None
        if gender not in (None, want):
            return None
        start = found.start(1)
        return self._definite(Mention(start, found.end(1), "definite", noun, role=found.group(2)))

    def _own_sentence_subject(self, pos: int, want: str) -> Mention | None:
        """"Trump has frequently praised what he says is …": a pronoun inside the sentence whose
        subject is a lone person's name, with no other capitalised word or quotation between them,
        is that person (a surname the text gives a first name or a gender, or a speaker's, of no
        other gender)."""
        text = self.text
        floor = max(0, pos - 200)
        stop = max(text.rfind(". ", floor, pos), text.rfind("\n", floor, pos))
        if stop < 0:
            return None
        if _WHAT_BEFORE.search(text, max(0, pos - 8), pos):
            # "Democrat Peter Welch … called Patel “a crown jewel” in what he described as …": in
            # a clause of what was said, the sentence's subject is who speaks, objects between
            opening = _OPENING_NAME.match(text, stop + 1)
            if opening is not None and opening.end() < pos:
                named = parse_before(text, tokens(text, opening.start(1), opening.end(1)))
                if named is not None and named.kind == "person" and " " in named.name \
                        and self._may_be_of(named, want):
                    return named
        match = _OPENING_SURNAME.match(text, stop + 1)
        if match is None or match.end() >= pos or _CAPITAL_OR_MARK.search(text, match.end(), pos):
            return None
        word = match.group(1)
        low = word.lower()
        if low in lx.NOT_NAMES or _lexical(low) or low in lx.ORG_NAMES or low in lx.DETERMINERS \
                or _known_first_name(low) or self._surname_gender(word) not in (None, want) \
                or not (word.casefold() in self._latest_by_word or self._surname_gender(word) == want
                        or _full_name_at(text, word) < match.start(1)):
            return None
        return Mention(match.start(1), match.end(1), "person", word)

    def _owner_before(self, pos: int, want: str) -> Mention | None:
        """"went to Salinas’ home, where she said …": a pronoun in a clause about a place owned
        by a named person is that person, when no title or first name says otherwise."""
        match = _OWNER_CLAUSE.search(self.text, max(0, pos - 80), pos)
        if match is None or match.end() != pos:
            match = _AUTHOR_CLAUSE.search(self.text, max(0, pos - 120), pos)
            if match is None or match.end() != pos:
                return None
            # "posted a comment from Soledad Jarquin, in which she suggests …": the author
            name = match.group(1)
            words = name.split()
            if any(w.lower() in lx.NOT_NAMES or _lexical(w.lower()) for w in words) \
                    or self._surname_gender(words[-1]) not in (None, want) \
                    or _name_gender(tokens(name, 0, len(name))) not in (None, want):
                return None
            return Mention(match.start(1), match.end(1), "person", name)
        name = match.group(1)
        if name.lower() in lx.NOT_NAMES or _lexical(name.lower()) \
                or self._surname_gender(name) not in (None, want):
            return None
        return Mention(match.start(1), match.end(1), "person", name)

    def _member_of_group_before(self, mention: Mention, plural: bool = False) -> Speaker | None:
        """"A couple of Virginia Republicans offered compliments. One called Kaine …, and another
        said …": a member of the group the paragraph named last before the mention, outside any
        quotation, by the group's name in the singular ("Virginia Republican"); None when the
        paragraph names no group of people. A share of the group (``plural``: "47 percent said")
        keeps the group's name as it is ("Democrats")."""
        text = self.text
        start = max(0, text.rfind("\n", 0, mention.start) + 1, mention.start - 400)
        found: re.Match[str] | None = None
        for match in _PEOPLE_PHRASE.finditer(text, start, mention.start):
            head = match.group(2).lower()
            if (head in lx.ANON_HEADS and head.endswith("s") or head in lx.GROUP_NAMES) \
                    and head not in lx.DOCUMENT_NOUNS and head != "others" \
                    and (self.quoted is None or not self.quoted(match.start())):
                found = match
        if found is None:
            return None
        words = [w for w in found.group(1).split() if w[:1].isupper() and w.lower() not in lx.NOT_NAMES
                 and w.lower() not in lx.DETERMINERS]
        head = found.group(2)
        singular = head if plural else "person" if head.lower() == "people" else head[:-1]
        name = " ".join([*words, singular])
        return self._by_alias.get(("anonymous", alias_key(name))) or self._new(
            Mention(mention.start, mention.end, "anonymous", name))

    def _own_sentence_body(self, pos: int, plural: bool) -> Speaker | None:
        """The body (for "it") or the group or body (for "they", ``plural``) that opens the
        sentence of a pronoun at ``pos`` as its subject, the pronoun further on in a clause of its
        own ("The State Department issued an explainer, which it said …"; "The Taliban did not
        respond, but they have claimed …"). An opening phrase of where or when ("In its
        announcement last month,") is passed over; the subject runs to its verb."""
        text = self.text
        floor = max(0, pos - 400)
        stop = text.rfind(". ", floor, pos)
        para = text.rfind("\n", floor, pos) + 1
        start = max(stop + 2 if stop >= 0 else floor, para)
        toks = tokens(text, start, pos)
        if len(toks) < 4 or self.quoted is not None and self.quoted(start) \
                or toks[-1].low not in (_OWN_CLAUSE_OPENERS if plural else _RELATIVE_OPENERS):
            # (only a pronoun opening a clause of its own: not the closing "…, it said" of words
            # the sentence opens with, nor "a decision it said it would appeal")
            return None
        if not plural and self.last_org is not None and self._seen_pos.get(self.last_org.index, -1) >= para:
            return None  # (a body quoted in the paragraph already is whom "it" means, as before)
        if toks[0].low in ("and", "but", "so", "yet"):
            toks = toks[1:]
        if toks and toks[0].low in lx.ADVERBIAL_PREPOSITIONS | _OPENING_SUBORDINATORS:
            comma = text.find(", ", toks[0].end, pos)
            if comma < 0:
                return None
            toks = [t for t in toks if t.start > comma]
        verb = next((k for k, t in enumerate(toks) if k and t.word.islower() and (
            t.low in lx.AUXILIARIES or t.low in lx.CUE_VERBS or t.low in ("did", "does", "do")
            or t.low.endswith("ed") and len(t.low) > 4)), None)
        if verb is None or verb > 8 or any(t.low in lx.PRONOUNS for t in toks[:verb]) \
                or text.find(",", toks[0].start, toks[verb - 1].end) >= 0:
            return None
        if plural and any(t.word.islower() and t.low in lx.ANON_HEADS and t.low.endswith("s")
                          for t in toks[verb:]):
            return None  # ("Amazon fired 200 warehouse workers, but they said …": the workers, maybe)
        subject = parse_before(text, toks[:verb])
        if subject is None or subject.start != toks[0].start and toks[0].low not in lx.DETERMINERS \
                or subject.kind == "organisation" and not subject.name[:1].isupper():
            return None  # ("The company said …, which it …": the company the text named, as before)
        last = subject.name.split()[-1].lower()
        if subject.kind == "organisation" and (not plural or last in lx.GROUP_NAMES) \
                or plural and subject.kind == "anonymous" \
                and (subject.gender == "plural" or last in lx.ANON_HEADS and last.endswith("s")):
            return self._by_alias.get((subject.kind, alias_key(subject.name))) or self._new(subject)
        return None

    def _group_before(self, pos: int) -> Speaker | None:
        """"they" when no organisation or group was quoted last: the group the sentence named last
        before it ("he granted the activists speaking time after they assured him that …"), a
        plural head noun after "the" outside any quotation."""
        start = max(0, pos - _GROUP_LOOKBACK)
        cut = max(self.text.rfind(". ", start, pos), self.text.rfind("\n", start, pos))
        if cut >= 0 and not self.text[cut + 1:pos].strip():
            # "Tom Hale met the farmers. They said …": "They" opening a sentence means the
            # group of the sentence before
            cut = max(self.text.rfind(". ", start, cut), self.text.rfind("\n", start, cut))
        found = None
        window = (cut + 1 if cut >= 0 else start, pos)
        groups = sorted([*_THE_GROUP.finditer(self.text, *window),
                         *_THERE_GROUP.finditer(self.text, *window)], key=lambda m: m.start())
        if not groups and _GROUP_SUBJECT.search(self.text, *window) is None:
            # "There have been critics. Why, they ask, …? They contend …": back to the paragraph's
            # start when the sentence before names no group
            para = max(start, self.text.rfind("\n", start, pos) + 1)
            window = (para, pos)
            groups = sorted([*_THE_GROUP.finditer(self.text, *window),
                             *_THERE_GROUP.finditer(self.text, *window)], key=lambda m: m.start())
        for match in groups:
            head = match.group(1).lower()
            if head in lx.ANON_HEADS and head not in lx.DOCUMENT_NOUNS and head.endswith("s") \
                    and not (self.quoted is not None and self.quoted(match.start())):
                found = match
        if found is None:
            for match in _BARE_GROUP.finditer(self.text, *window):
                head = match.group(1)
                if head in lx.ANON_HEADS and head not in lx.DOCUMENT_NOUNS and head not in _NOT_THEY_GROUPS \
                        and _GROUP_AS_SUBJECT.search(self.text, max(window[0] - 1, match.start() - 60),
                                                     match.start()) is not None \
                        and not (self.quoted is not None and self.quoted(match.start())):
                    found = match  # (a subject: "supporters at one point rushed", "hundreds of
                    # protesters converged"; not an object: "police arrested 12 protesters")
        party = None
        for match in _GROUP_SUBJECT.finditer(self.text, *window):
            if match.group(1).lower() in lx.GROUP_NAMES \
                    and not (self.quoted is not None and self.quoted(match.start(1))):
                party = match  # "Republicans on the panel disagreed. They said …"
        if party is not None and (found is None or party.start(1) > found.start()):
            name = party.group(0).strip()
            return self._by_alias.get(("organisation", alias_key(name))) or self._new(
                Mention(party.start(1), party.end(), "organisation", name))
        if found is None:
            return None
        mention = Mention(found.start(1), found.end(), "anonymous", found.group(1))
        speaker = self._by_alias.get(("anonymous", alias_key(mention.name))) or self._new(mention)
        return speaker

    def _label(self, label: str) -> Speaker | None:
        """"Q" is the person said to ask last; "A" the person quoted last who is not them."""
        if label == "q":
            return self.asker
        for speaker in reversed(self.recent.values()):
            if speaker is not self.asker:
                return speaker
        return self._asked_person()

    def _asked_person(self) -> Speaker | None:
        """"President Joe Biden sat down with NPR. Steve Inskeep asked him …", then "A:" with
        nobody else quoted: the person named last before the asker's question, other than the
        asker (named in full, outside any quotation)."""
        asker = self.asker
        if asker is None or not self.text:
            return None
        at = self._seen_pos.get(asker.index, -1)
        if at < 0:
            return None
        found: Mention | None = None
        for match in _NAME_SEQUENCE.finditer(self.text, max(0, at - _DESCRIBED_LOOKBACK), at):
            if self.quoted is not None and self.quoted(match.start()):
                continue
            toks = tokens(self.text, match.start(), match.end())
            names = toks[_name_run(toks, self.text):]
            if len(names) >= 2 and alias_key(_join(self.text, names)) not in asker.aliases:
                found = Mention(names[0].start, names[-1].end, "person", _join(self.text, names))
        return self._person(found) if found is not None else None

    def knows(self, name: str) -> bool:
        """Can a lone capitalised word at the head of a sentence ("Matie trundled up…") be the
        person a pronoun means? When a person of that surname has been quoted, or when the text
        gives the word elsewhere after a first name ("Matiullah Matie", "J.C. Chandor’s film"),
        as it does for a person and not for a place or a thing."""
        if name.casefold() in self._latest_by_word:
            return True
        return self._named_in_full(name) or self._first_name_in_full(name) or self._given_an_age(name)

    def _given_an_age(self, name: str) -> bool:
        """"Karlos, also 44, stepped in", "Sixty-nine year old Josep": a word the text gives an
        age, as it gives one to a person known by one name only."""
        if self._aged_words is None:
            # (the words given an age, read once a text: a search for each name asked about
            # read a long text once per sentence)
            self._aged_words = _words_given_an_age(self.text or "")
        return name in self._aged_words

    def _first_name_in_full(self, name: str) -> bool:
        """"Fran worried that …" where the text elsewhere names "Fran Finney": a lone word that
        the text also gives as a first name before a surname (a capitalised word that is no
        ordinary word, title or organisation's word) is a person, when it is a known first name
        or the short form of one (not "Boston" of "Boston Harbor")."""
        low_name = name.lower()
        if not _known_first_name(low_name) and low_name not in _SHORT_FORMS:
            return False
        text = self.text
        for pos in self._positions(name + " "):
            if pos and (text[pos - 1].isalnum() or text[pos - 1] in "-’'"):
                continue
            after = _SINGLE_NAME.match(text, pos + len(name) + 1)
            if after is None:
                continue
            low = after.group().lower().rstrip("’'s") if after.group().endswith(("’s", "'s")) \
                else after.group().lower()
            if low not in lx.NOT_NAMES and not _lexical(low) and low not in lx.ORG_HEADS \
                    and low not in lx.CORPORATE_WORDS and low not in _PLACE_WORDS \
                    and low not in lx.ORG_NAMES and low not in lx.TITLE_WORDS:
                return True
        return False

    def _first_name_of_quoted(self, word: str) -> bool:
        """Is ``word`` the first name of the person of that word quoted last ("Israel" of Israel
        Katz), so that a body named by it ("Israel says") is not that person? (A known first
        name, or a country's whose people the text names: "Israeli".)"""
        latest = self._latest_by_word.get(word.casefold())
        return latest is not None and latest.kind == "person" and " " in latest.name \
            and latest.name.split()[0] == word and (_known_first_name(word.lower()) or re.search(
                rf"\b{re.escape(word)}(?:i|ian|n|ese)\b", self.text or "") is not None)

    def _given_a_first_name(self, name: str) -> bool:
        """Does the text give ``name`` after a known first name, an honorific or a title
        ("Donald Trump", "Mr. Trump", "Sen. McConnell")? Then it is a person's surname."""
        text = self.text
        for pos in self._positions(name, limit=10):
            if text[pos + len(name):pos + len(name) + 1].isalnum() or text[pos - 1:pos] != " ":
                continue
            after = _NAME_WORD_AFTER.match(text, pos + len(name))
            if after is not None and after.group(1).lower() not in lx.NOT_NAMES \
                    and after.group(1).lower() not in lx.TIME_WORDS and not _lexical(after.group(1).lower()):
                continue  # ("Defense Minister Israel Katz": a first name there, not a surname)
            before = text[max(0, pos - 20):pos - 1].rsplit(None, 1)
            prev = before[-1].lower() if before else ""
            if _known_first_name(prev) or prev in lx.HONORIFICS or prev in lx.TITLE_ABBREVIATIONS \
                    or prev in lx.POSITION_HEADS and before[-1][:1].isupper():
                return True
        return False

    def _titled_in_story(self, mention: Mention) -> Mention | None:
        """The first person the text after the headline names with the headline's bare title
        (``Senator`` → ``Sen. Joe Manchin``), or None."""
        title = mention.name
        spelled = [re.escape(title)] + [re.escape(short[:1].upper() + short[1:])
                                        for short, full in lx.TITLE_ABBREVIATIONS.items()
                                        if full == title and short.endswith(".")]
        pattern = re.compile(r"\b(?:" + "|".join(spelled) + r")[ ]((?:[A-Z][\w.’'-]*[ ]){1,2}[A-Z][\w’'-]+)")
        body = self.text.find("\n", mention.end)
        match = pattern.search(self.text, body, body + 3000)
        if match is None:
            return None
        return Mention(mention.start, mention.end, "person", match.group(1), role=title)

    def _aged(self, mention: Mention) -> Mention | None:
        """The person the text gave the age of "the 37-year-old" before it ("Maria Lopez, 37,",
        "37-year-old Maria Lopez"), the last one so named, or None."""
        age = mention.name.split("-", 1)[0]
        window_start = max(0, mention.start - _DESCRIBED_LOOKBACK)
        best = None
        for match in _aged_patterns(age).finditer(self.text, window_start, mention.start):
            name = match.group(1) or match.group(2)
            found = parse_before(self.text, tokens(self.text, *match.span(1 if match.group(1) else 2)))
            if found is not None and found.kind == "person" and name:
                best = found
        return None if best is None else Mention(mention.start, mention.end, "person", best.name,
                                                 role=best.role, gender=best.gender)

    def _named_in_full(self, name: str) -> bool:
        text = self.text
        for pos in self._positions(name):
            if text[pos + len(name):pos + len(name) + 1].isalnum():
                continue  # a longer word ("SolosChat" is no "Solos")
            before = text[max(0, pos - 20):pos - 1].rsplit(None, 1) if pos > 1 else []
            prev = before[-1] if before else ""
            if text[pos - 1:pos] != " " or not prev[:1].isupper():
                continue
            if prev.lower() in lx.HONORIFICS or prev.lower().rstrip(".") + "." in lx.HONORIFICS:
                return True  # "Mr. King"
            if prev.lower() not in lx.NOT_NAMES and not _lexical(prev.lower()) \
                    and (prev[-1:].isalpha() or _initial(prev)) \
                    and not _BODY_NAME_GOES_ON.match(text, pos + len(name)):
                return True  # "Paul Expert", "Paul M. Expert" (not "House Climate Solutions Caucus")
        return False

    def _positions(self, word: str, limit: int = 20, whole: bool = False) -> Iterator[int]:
        """Where ``word`` occurs in the text (at most ``limit`` places; with ``whole``, only as
        a word of its own: "Ho" not inside "Hochul"). The look-ups of a story share a budget of
        characters to search, a few times the text's length, so that a text naming thousands of
        people stays linear."""
        text = self.text
        if self._search_left <= 0:
            return
        last = 0
        pos = text.find(word)
        found = 0
        while pos >= 0 and found < limit:
            self._search_left -= pos - last
            if self._search_left < 0:
                return
            end = pos + len(word)
            if not whole or not (text[end:end + 1].isalnum() or text[pos - 1:pos].isalnum()):
                yield pos
                found += 1
            last = pos
            pos = text.find(word, pos + 1)
        if pos < 0:
            self._search_left -= len(text) - last

    def _opened_by_name_of(self, pos: int, gender: str | None) -> bool:
        """Does the sentence around ``pos`` open with a full name whose first name is one of
        ``gender`` ("m" or "f")?"""
        if not gender:
            return False
        stop = self.text.rfind(". ", 0, pos)
        start = max(stop + 2 if stop >= 0 else 0, self.text.rfind("\n", 0, pos) + 1)
        match = _OPENING_FULL_NAME.match(self.text, start, pos)
        given = lx.FEMALE_FIRST_NAMES if gender == "f" else lx.MALE_FIRST_NAMES
        return match is not None and match.group(1).lower() in given

    def resolve(self, mention: Mention, cue: str | None = None, nested: bool = False,
                source_only: bool = False) -> Speaker | None:
        """The speaker a mention refers to, creating it when it is new. ``cue`` is the speech
        word at the mention: who "asks" is who a later "Q:" label is. A ``nested`` mention is
        said inside another speaker's reported clause: it does not become the person a later
        "he" or "she" means. Nor does a ``source_only`` one ("according to …") that is one person
        of unknown gender or a name of unknown kind: "Megyn Kelly … intervened, according to a
        person close to Kelly. She told Lewis …" is Kelly."""
        speaker: Speaker | None
        if mention.kind == "label":
            return self._label(mention.name)
        based = _BASED_IN.match(mention.name)
        if based is not None and mention.kind in ("organisation", "person") \
                and based.end() < len(mention.name) and mention.name[based.end()].isupper():
            # "Sacramento-based McClatchy": the company, not where it is (but "the Hamas-run
            # health ministry" is named by who runs it)
            mention = replace(mention, name=mention.name[based.end():])
        if mention.kind in ("person", "organisation"):
            mention = _bare_person_name(self.text, mention)  # "Councillor Afrasiab Anwar MBE"
        if mention.kind == "organisation":
            mention = _without_epithets(mention)  # "the non-partisan Death Penalty Information Center"
        elif mention.kind == "anonymous":
            mention = _without_count(mention)  # "Fifty former intelligence officials signed a letter saying"
        if mention.kind in ("anonymous", "definite") and " " not in mention.name and self.text \
                and _bare_title_surname(Tok(mention.name, 0, 0)) and self._named_in_full(mention.name):
            # "Expert said" where the text names Paul Expert: a singular title word with no
            # article is a surname (a headline's "Minister says" names nobody in full)
            mention = Mention(mention.start, mention.end, "person", mention.name)
        if mention.kind == "anonymous" and " " not in mention.name and self.text \
                and _cap(Tok(mention.name, 0, 0)) and "\n" in self.text[mention.end:] \
                and "\n" not in self.text[:mention.start]:
            # "Mayor Says New Museum Will …" over a story that names "Mayor Eric Adams": the
            # headline's bare title is the person the story names with it
            mention = self._titled_in_story(mention) or mention
        if mention.kind == "organisation" and self.text and mention.name.rsplit(None, 1)[-1].lower() \
                in _DOCUMENT_TITLE_WORDS:
            # "the United Nations Environment Program Emissions Gap Report": its author
            mention = _titled_document_author(self.text, tokens(self.text, mention.start, mention.end)) \
                or mention
        read = _READ_BY.search(mention.name) if mention.kind == "anonymous" else None
        if read is not None and not lx.DOCUMENT_NOUNS.isdisjoint(mention.name[:read.start()].lower().split()):
            # "federal documents obtained by VOA", "emails seen by Reuters": the documents (whoever
            # read them wrote nothing of them)
            mention = replace(mention, name=mention.name[:read.start()])
        elif self.text and (
                mention.kind == "anonymous" and not lx.DOCUMENT_NOUNS.isdisjoint(mention.name.lower().split())
                or mention.kind == "organisation"
                and not lx.DOCUMENT_NOUNS.isdisjoint(w for w in mention.name.split() if w.islower())):
            # (also "U.S. Census Bureau data presented by the economy minister", read as one name)
            # "a Moody’s Analytics report", "the letter from Sir Matthew Rycroft": the author
            mention = document_author(self.text, tokens(self.text, mention.start, mention.end)) \
                or self._its_document(mention) or self._earlier_document_author(mention) \
                or self._document_introduced(mention) or mention
        if mention.kind == "anonymous" and self.text \
                and mention.name.split(None, 1)[0].lower() in ("its", "their"):
            mention = self._owned_source(mention)  # "its source" after Znak.com: Znak.com’s source
        if mention.kind in ("anonymous", "definite") and self.text \
                and (handle := _HANDLE_AFTER_USER.match(self.text, mention.end)) is not None \
                and _head_word(mention.name) in lx.ACCOUNT_HOLDERS:
            # "Another user @opentree20 tweeted", "Twitter user @notable1980": the account
            mention = Mention(handle.start(1), handle.end(1), "person", handle.group(1))
        if mention.kind == "anonymous" and self.text \
                and (called := _CALLED_NAME.match(self.text, mention.end)) is not None \
                and _head_word(mention.name) in _NAMED_PEOPLE_HEADS \
                and (named := classify(self.text, tokens(self.text, called.start(1), called.end(1)))) \
                is not None and named.kind == "person" and named.name == called.group(1):
            # "a man called Raja Farah, who …": the person so named (not "A neighbour called West
            # Midlands Police": whom the neighbour rang)
            mention = Mention(called.start(1), called.end(1), "person", called.group(1), role=mention.name)
        if mention.kind == "anonymous" and self.text:
            members = self._group_named_for_members(mention)
            if members is not None:
                return members  # "the doctors" of "a group Doctors for Camp Closure"
        if mention.kind == "anonymous" and self.text:
            mention = self._post_of_generic_org(mention)  # "the company’s spokesperson": Temu's
        if mention.kind == "anonymous" and self.text:
            mention = self._place_office_holder(mention)  # "Chelyabinsk's governor": the governor named
        if mention.kind == "organisation" and self.text and mention.name.lower() == "campaign":
            mention = self._campaign_of(mention)  # "His campaign said": the Trump campaign
        elif mention.kind == "organisation" and (owned := _OWNED_CAMPAIGN.fullmatch(mention.name)):
            # "Tester's campaign said": the Tester campaign, as "the Trump campaign" is named
            mention = replace(mention, name=f"{owned.group(1)} campaign")
        if mention.kind == "organisation" and self.text:
            mention = self._channel_owner(mention)  # "The hotel's website": the hotel
        if mention.kind == "person" and self.text:
            mention = self._organisation_named(mention)  # "Tinder says": an app, not a Mr Tinder
        elif mention.kind == "organisation" and " " not in mention.name and self.text \
                and not _kind_word(mention.name) and self._given_a_first_name(mention.name):
            # "Trump said it was a witch hunt" where the text names Donald Trump: the person,
            # though "it" follows as it follows a company ("Tinder said it would …")
            mention = Mention(mention.start, mention.end, "person", mention.name)
        if mention.kind == "pronoun":
            if mention.name in ("he", "she"):
                want = "m" if mention.name == "he" else "f"
                owner = self._owner_before(mention.start, want) \
                    or self._own_sentence_subject(mention.start, want)
                if owner is not None:
                    self.pending = None
                    speaker = self._person(owner)
                else:
                    speaker = self._latest_recent(want)
                    if speaker is not None and self.text:
                        speaker = self._newcomer_in_paragraph(speaker, mention.start, want) \
                            or self._introduced_since(speaker, mention.start, want) \
                            or self._introduced_in_paragraph_before(speaker, mention.start, want) \
                            or self._subject_since(speaker, mention.start, want) or speaker
                    if self.text:
                        speaker = self._interviewed_before(speaker, mention.start, want) or speaker
                if speaker is not None and speaker.kind == "anonymous" and speaker.gender is None:
                    speaker = self._named_since(speaker, want, mention.start) \
                        or self._named_in_sources_sentence(speaker, want, mention.start) or speaker
                if owner is None and self.pending is not None and self._pending_may_be(want):
                    pending, self.pending = self.pending, None
                    speaker = self._pending_definite(pending) if pending.kind == "definite" \
                        else self._unnamed_person(pending) if pending.kind == "anonymous" \
                        else self._person(pending)
                asked = self._asked_before(speaker, mention.start, want) \
                    if owner is None and self.text else None
                if asked is not None:
                    speaker = self._person(asked)
                if speaker is None and self.text:
                    floor = max(0, mention.start - _PRONOUN_LOOKBACK)
                    subject = self._last_subject(floor, mention.start, want)
                    speaker = self._person(subject) if subject is not None else None
                if speaker is None:
                    speaker = self._named_before(mention.start, want)
                if speaker is None:
                    speaker = self._subject_before(mention.start, want)
                if speaker is None:
                    speaker = self._described_subject_before(mention.start, want)
                if speaker is None:
                    speaker = self._handle_was_person(want)
                if speaker is None and self.text:
                    speaker = self._cited_before(mention.start, want)
                if speaker is not None and speaker.gender is None:
                    speaker.gender = want
            elif mention.name == "it" and self.text \
                    and (opened := _SUBORDINATE_ORG.search(self.text, max(0, mention.start - 200),
                                                           mention.start)) is not None \
                    and opened.end() == mention.start \
                    and opened.group(1).rsplit(None, 1)[-1].lower() in lx.ORG_HEADS:
                # "When the Treasury Department imposed sanctions on him, it said …": the body
                # the clause before the pronoun opens with
                name = opened.group(1)
                key = alias_key(name)
                speaker = self._by_alias.get(("organisation", key)) or next(
                    (known for known in reversed(self.speakers) if known.kind == "organisation"
                     and alias_key(known.name).endswith(" " + key)), None) \
                    or self._new(Mention(opened.start(1), opened.end(1), "organisation", name))
            elif mention.name == "it" and self.text \
                    and (own := self._own_sentence_body(mention.start, plural=False)) is not None:
                # "The State Department issued an explainer on the order, which it said …": the
                # body the pronoun's own sentence opens with
                speaker = own
            elif mention.name == "it":
                speaker = self.last_org
                if self.text and (speaker is None or self.last_any is not speaker):
                    speaker = self._lone_name_org(
                        self.text[max(0, mention.start - _PRONOUN_LOOKBACK):mention.start]) or speaker
                if self.text and (speaker is None or speaker.kind == "organisation"):
                    # "Automattic, a technology company, provides … “…,” it says": the body opening
                    # the sentence before, not one quoted (or written to) earlier
                    window = self.text[max(0, mention.start - 600):mention.start]
                    recent = self._subject_name_in(window[-300:])
                    if recent is not None and (speaker is None or not speaker.name.startswith(recent)
                                               and alias_key(recent) not in speaker.aliases
                                               and window.rfind(recent) > window.rfind(speaker.name)) \
                            and (("organisation", alias_key(recent)) in self._by_alias
                                 or _DESCRIBED_BODY.match(window, window.rfind(recent) + len(recent))
                                 or self._called_a_body(recent, mention.start)):
                        speaker = self._by_alias.get(("organisation", alias_key(recent))) \
                            or self._new(Mention(mention.start, mention.end, "organisation", recent))
            else:
                speaker = self.last_org if self.last_any is self.last_org else self.last_any
                if self.text and mention.name == "they":
                    speaker = self._paragraph_group(mention.start) or speaker
                    speaker = self._pair_named_before(mention.start, speaker) or speaker
                if speaker is not None and (speaker.kind == "person" or speaker.kind == "anonymous"
                                            and one_person(speaker.name) is not None):
                    speaker = None  # "they" is no one person ("the female officer said they…")
                if speaker is None and self.text and mention.name == "they":
                    # "The Taliban did not respond, but they have claimed …": the group or body
                    # the pronoun's own sentence opens with
                    speaker = self._own_sentence_body(mention.start, plural=True)
                if speaker is None and self.text:
                    speaker = self._group_before(mention.start)
        elif mention.kind == "anonymous" and mention.name in (_ONE_OF_THEM_NAME, _SHARE_OF_THEM_NAME):
            speaker = self._member_of_group_before(mention, plural=mention.name == _SHARE_OF_THEM_NAME)
        elif mention.kind == "definite" and self.text and _AGED.fullmatch(mention.name) \
                and (aged := self._aged(mention)) is not None:
            # "Maria Lopez, 37, … Tom Baker, 62, … the 37-year-old said": the one given that age
            speaker = self._person(aged)
        elif mention.kind == "definite":
            office = titles.office_of(mention.role, mention.name)
            speaker = self._by_role(mention.name, office, mention.role) or self._by_sister_title(mention) \
                or self._by_legislator(mention) or self._titled_doctor(mention)
            if speaker is not None and mention.name in ("woman", "man"):
                speaker = self._unnamed_since(speaker, "f" if mention.name == "woman" else "m") or speaker
            if speaker is not None and speaker.role and self.text \
                    and f"{mention.name.lower()} of " in speaker.role.lower():
                # "The president says …" in a story of President Trump is not John Williams, "the
                # president of the Federal Reserve Bank of New York" quoted last
                titled = self._titled_before(mention)
                if titled is not None and alias_key(titled.name) != alias_key(speaker.name):
                    speaker = self._person(titled)
            if speaker is not None and self.pending is not None and self.pending.kind == "person" \
                    and self.pending.start > self._seen_pos.get(speaker.index, -1) \
                    and (self._introduced_as(self.pending.name, mention)
                         or _demonym_head(mention.name)):
                # ("“…,” the Malawian told Al Jazeera": an epithet, like an age, is of the person
                # the sentence before named, not of a Malawian quoted earlier)
                # "… Justice Samuel Alito asked … Justice Jackson said … Later, Alito returned to
                # the question. “…,” the justice told Prelogar": the one the sentence before named,
                # whom the text introduced so, not the last speaker of that title
                speaker = self._person(self.pending)
                self.pending = None
            if speaker is None and self.pending is not None and self.pending.kind == "person" and (
                    _person_word(mention.name) or self._described_before(mention) is None) \
                    and not (self.text and self.of_other_party(self.pending, mention.name)) \
                    and not (self.text and self._another_so_described(self.pending, mention)) \
                    and not _other_office(self.pending.role, mention) \
                    and not _portfolio_clash(mention.role, self.pending.role):
                # ("the president" the text introduced as "President Joe Biden" stays that person)
                # "Ana Costa knew they had to leave. '…,' says the 41-year-old mother"
                speaker = self._person(self.pending)
                speaker.add_role(mention.role)
                self.pending = None
            if speaker is None and self.text:
                titled = self._titled_before(mention)  # "Gov. Eric Holcomb … The governor said"
                if titled is not None and _portfolio_clash(mention.role, titled.role):
                    titled = None  # ("the health minister" is not Civil Aviation Minister Puri)
                speaker = self._person(titled) if titled is not None else None
            if speaker is None:
                speaker = self._last_person_described(mention)
            if speaker is None and self.text and (titled := self._titled_after(mention)) is not None:
                speaker = self._person(titled)
            if speaker is None and self._described_before(mention) is None:
                speaker = self._epithet_of_quoted(mention)
            if speaker is None:
                speaker = self._pending_definite(mention)
        elif mention.kind == "person" and " " not in mention.name and mention.gender is None \
                and mention.name.casefold() not in self._latest_by_word \
                and (company := self._company_named_from(mention.name)) is not None:
            # "Ford Motor Company announced … Ford said": the company quoted before, not a Mr Ford
            speaker = company
        elif mention.kind == "person" or mention.kind == "organisation" and " " not in mention.name \
                and mention.name.casefold() in self._latest_by_word and not _kind_word(mention.name) \
                and not self._first_name_of_quoted(mention.name):
            # ("Ana Hale said … Hale said it was bad": a quoted person's surname, though "it" follows)
            speaker = self._person(Mention(mention.start, mention.end, "person", mention.name,
                                           role=mention.role, organisation=mention.organisation,
                                           gender=mention.gender))
        else:
            key = alias_key(mention.name)
            speaker = self._body_named_before(key) if mention.kind in ("anonymous", "organisation") \
                else None
            if speaker is None and mention.kind == "anonymous" \
                    and (mention.role or "").lower().startswith("one of "):
                mention = self._member_of_named_group(mention)
                key = alias_key(mention.name)
            if speaker is None and mention.kind == "anonymous":
                speaker = self._same_group_before(mention) or self._named_pair_before(mention)
            speaker = speaker or self._by_alias.get((mention.kind, key))
            if speaker is None and mention.kind == "organisation":
                speaker = self._office_by_acronym(mention)
            if speaker is None and mention.kind == "organisation":
                speaker = self._generic_org(mention) or self._compass_country(mention) or (
                    self._org_by_prefix(key) if " " not in key else None)
            if speaker is None and mention.kind == "anonymous":
                speaker = self._same_source(" ".join(mention.name.lower().split())) \
                    or self._group_named_as_body(mention)
            authors = _AUTHORS_OF.fullmatch(mention.name) if speaker is None and mention.kind == "anonymous" \
                and self.text else None
            if authors is not None:
                # "The report's authors noted …", "the authors said": whoever the text says wrote it
                nouns = [authors.group(1).lower()] if authors.group(1) else ["report", "study", "paper"]
                for noun in nouns:
                    wrote = self._earlier_document_author(
                        Mention(mention.start, mention.end, "anonymous", f"the {noun}"))
                    if wrote is not None and wrote.kind in ("organisation", "person"):
                        speaker = self._by_alias.get((wrote.kind, alias_key(wrote.name))) or self._new(wrote)
                        break
            if speaker is None and mention.kind == "anonymous" and self.text \
                    and (titled := self._titled_after(mention)) is not None:
                speaker = self._person(titled)  # ("A military judge has ruled …")
            if speaker is None and mention.kind == "anonymous" and _TOP_POST.match(mention.name):
                # ("the top U.S. diplomat": one person's post, not an unnamed source)
                speaker = self._epithet_of_quoted(replace(mention, name=mention.name.split()[-1]))
            if speaker is None:
                speaker = self._new(mention)
            speaker.add_role(mention.role)
        if speaker is not None and cue in lx.ASK_CUES and speaker.kind == "person":
            self.asker = speaker
        if speaker is not None and nested and speaker.kind in ("person", "organisation"):
            self._index_role(speaker)
            # a person or a body only reported on ("the island that China claims as its own"):
            # not the one a later pronoun means ("It said …" is the ministry that spoke)
            return speaker
        if speaker is not None and source_only and mention.kind != "pronoun" and (
                speaker.kind == "person" and speaker.gender is None
                or speaker.kind == "anonymous" and one_person(speaker.name) == ""
                or speaker.kind == "anonymous" and self._opened_by_name_of(mention.start,
                                                                         one_person(speaker.name))):
            # (a source whose phrase gives a gender, "according to his mother", "a GM
            # spokeswoman", is who a later "she" means, unless the sentence opens with a person
            # of that gender: "Tom Hale quit, according to his father. “…,” he said" is Hale)
            self._index_role(speaker)
            if speaker.kind == "person":
                self._cited_person = (speaker, mention.start)
            return speaker  # a source cited: not the subject a later pronoun means
        if speaker is not None:
            if speaker.kind == "organisation" and mention.kind in ("definite", "anonymous", "pronoun"):
                self._described_orgs.add(speaker.index)  # ("the company said": a company for sure)
            self._seen(speaker)
            self._seen_pos[speaker.index] = mention.start
            self._index_role(speaker)
            if speaker.kind == "person":
                self.pending = None
                self.last_person_at = max(self.last_person_at, mention.start)
            elif speaker.kind == "anonymous" and one_person(speaker.name) is not None:
                # "Pearlman has this wrap: … a source close to the inquiry told Reuters. “…,” he
                # said": the one source quoted since is who "he" means, not the person before
                self.pending = None
                self.last_source_at = max(self.last_source_at, mention.start)
        return speaker

    def full_names(self, text: str) -> None:
        """Give a speaker quoted only by surname the fuller name the text uses elsewhere, and an
        organisation quoted by one word ("Brookings") the name that ends with an organisation's
        word ("Brookings Institution"). A surname matches in any of its spellings ("Mueller" and
        "Muller" are the "Gerhard Müller" of the text), and a first name after "Sir" or "Dame"
        ("Sir Keith") is the full name it opens ("Sir Keith Joseph")."""
        self._full_org_names(text)
        self._legal_forms_in_full()
        self._org_names_in_context()
        self._names_around_lone_words(text)
        self._surnames_in_full(text)
        self._suffixed_surnames_in_full(text)
        self._middle_initials_in_full(text)
        self._first_names_in_full(text)
        self._leading_names_in_full(text)
        self._surnames_first_in_full(text)
        self._particle_names_in_full(text)
        self._compound_surnames_in_full(text)
        self._lone_words_in_full(text)
        self._groups_led_in_full()
        self._pairs_in_full()
        self._acronyms_in_full()
        self._short_names_in_full(text)
        self._owners_in_full()
        self._descriptions_named_later(text)
        self._lead_description_named_next(text)
        self._described_then_named_by_remark(text)
        self._unnamed_then_named_in_apposition(text)
        self._double_surnames_in_full()
        self._names_behind_aliases()
        self._one_kind_per_name()

    def _middle_initials_in_full(self, text: str) -> None:
        """"Frederick Kagan" where the text also writes "Frederick W. Kagan": the fuller name,
        with the middle initial (unless the text writes the name with a generation's suffix,
        "Patrick Carlineo Jr.", which keeps that form). One pass over the text for all names."""
        pairs = [s for s in self.speakers if s.kind == "person" and len(s.name.split()) == 2]
        if not pairs:
            return
        fuller: dict[tuple[str, str], str] = {}
        for match in _MIDDLE_INITIAL_NAME.finditer(text):
            fuller.setdefault((match.group(1), match.group(2)), match.group())
        if not fuller:
            return
        suffixed = {(m.group(1), m.group(2)) for m in _SUFFIXED_NAME.finditer(text)}
        for speaker in pairs:
            first, last = speaker.name.split()
            if (first, last) in fuller and (first, last) not in suffixed:
                _name_them([speaker], fuller[(first, last)])

    def _particle_names_in_full(self, text: str) -> None:
        """"De Miranda says" at a sentence's head where the text names Luis de Miranda: a surname
        that opens with a particle, capitalised, is the one full name the text gives it with the
        particle in lower case."""
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind not in ("person", "organisation") or len(words) < 2 \
                    or not words[0][:1].isupper() or words[0].lower() not in lx.NAME_PARTICLES:
                continue
            self._search_left -= len(text)
            if self._search_left < 0:
                return  # (the story's budget of look-ups is spent: see _positions)
            tail = " ".join([words[0].lower(), *words[1:]])
            # The particle in lower case ("Luis de Miranda") or as the speaker wrote it ("Craig Le
            # Clair"), after one to three given names ("Abu Anas Al Saud"), a father's name with
            # them ("Mohammed bin Abdulrahman Al Thani")
            pattern = rf"\b((?:[A-Z][\w’'-]+ (?:(?:{_PATRONYMIC_ALTERNATION}) )?){{1,3}})" \
                      rf"({re.escape(tail)}|{re.escape(speaker.name)})\b"
            found = set()
            for match in re.finditer(pattern, text):
                given = match.group(1).split()
                owners = [k for k, w in enumerate(given) if w.endswith(("'s", "’s"))]
                if owners:
                    given = given[owners[-1] + 1:]  # ("Qatar’s Al Thani": whose, not a given name)
                while given and (given[0].lower() in lx.NOT_NAMES or _lexical(given[0].lower())
                                 or given[0].lower() in lx.TITLE_WORDS):
                    given = given[1:]
                if given and given[0] in _PATRONYMIC_WORDS:
                    continue  # ("Sheikh Tamim bin Hamad Al Thani" cut at "bin": no first name)
                if given and not any(w.lower() in lx.NOT_NAMES or _lexical(w.lower()) for w in given
                                     if w not in _PATRONYMIC_WORDS):
                    found.add(f"{' '.join(given)} {match.group(2)}")
            if len(found) == 1:
                speaker.kind = "person"
                _name_them([speaker], found.pop())

    def _descriptions_named_later(self, text: str) -> None:
        """"China’s ambassador to Britain accused …" where the story later writes "China’s
        ambassador to Britain Liu Xiaming", "Austria's interior minister said" and later
        "Interior Minister Wolfgang Peschorn": an office quoted unnamed is the one person the
        text names with that office (two words at least, outside quotations)."""
        folded: str | None = None
        for speaker in self.speakers:
            if speaker.kind != "anonymous" or speaker.gender == "plural":
                continue
            words = speaker.name.split()
            if words and words[0].lower() in ("a", "an", "one", "another"):
                continue  # "a former Fox producer": one of many, not the one the text names so
            if words and words[0].lower() == "the":
                words = words[1:]
            # The office's word before what it is of or for: "ambassador" of "China’s
            # ambassador to Britain", "minister" of "Uganda's minister for health"
            head = next((words[k - 1] for k in range(1, len(words)) if words[k] in _OFFICE_COMPLEMENTS),
                        words[-1] if words else "").lower()
            if len(words) < 2 or head not in lx.POSITION_HEADS \
                    or head in ("official", "source", "spokesman", "spokeswoman",
                                "spokesperson", "representative", "executive"):
                continue
            cores = [" ".join(words)]
            if possessive(Tok(words[0], 0, len(words[0]))) and len(words) >= 3:
                cores.append(" ".join(words[1:]))  # ("Interior Minister …" without "Austria's")
            names: set[str] = set()
            if folded is None:
                folded = text.lower().replace("’", "'")
                if len(folded) != len(text):
                    return  # (a letter whose lower case is longer: offsets would not hold)
            for core in cores:
                low = core.lower().replace("’", "'")
                pos = folded.find(low)
                while pos >= 0:
                    match = _NAME_AFTER_OFFICE.match(text, pos + len(low))
                    before = text[max(0, pos - 20):pos].split()
                    if before and (before[-1].lower().rstrip(",") in _NOT_THE_SAME_HOLDER
                                   or possessive(Tok(before[-1], 0, len(before[-1])))):
                        match = None  # ("former police chief Tom Hale", "Germany's interior minister")
                    if match is not None and (self.quoted is None or not self.quoted(pos)) \
                            and (_known_first_name(match.group(1).split()[0].lower())
                                 or ("person", alias_key(match.group(1))) in self._by_alias):
                        # (a first name the lexicon knows, or a person quoted by that name:
                        # "Liu Xiaming", surname first)
                        names.add(match.group(1))
                    pos = folded.find(low, pos + 1)
            if len(names) == 1:
                speaker.kind = "person"
                _name_them([speaker], names.pop())

    def _lead_description_named_next(self, text: str) -> None:
        """"A top U.S. lawmaker has pledged … / Representative Jamie Raskin, the top Democrat on
        the committee, announced …": a story that opens on one person described, not named, names
        them in the next paragraph. The description quoted in the lead (or the paragraph after
        it) is the one person whose full name first appears, before any other, in the paragraph
        that follows it (of no other gender than the description's sentence gave)."""
        # (the lead is among the first three paragraphs; two more may follow it)
        paragraphs = [m.span() for m in islice(_PARAGRAPH.finditer(text), 5)]
        lead = next((k for k, (a, b) in enumerate(paragraphs[:3]) if len(text[a:b].split()) >= 15), None)
        if lead is None:
            return
        for k in (lead, lead + 1):
            if k + 1 < len(paragraphs) and self._described_then_named(text, paragraphs[k], paragraphs[k + 1]):
                return

    def _unnamed_then_named_in_apposition(self, text: str) -> None:
        """"A spokeswoman for Trump mocked Biden, saying, “…” ¶ The spokeswoman, Karoline Leavitt,
        called …": one unnamed source is the person the text names right after "the" and the
        same noun, set off by commas, shortly after."""
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind != "anonymous" or speaker.gender == "plural" or len(words) < 2 \
                    or words[0].lower() not in ("a", "an", "one"):
                continue
            head = words[1].lower() if len(words) == 2 or words[2] in ("for", "of", "at", "with") \
                else words[2].lower() if len(words) > 2 and words[1].islower() else ""
            if head not in lx.POSITION_HEADS and head not in lx.ANON_HEADS or head.endswith("s"):
                continue
            at = _find_as_written(text, speaker.name, 0)
            if at < 0:
                continue
            named = re.compile(rf"\b[Tt]he[ ]{re.escape(head)},[ ]"
                               r"((?:[A-Z][\w.’'-]+[ ]){1,3}[A-Z][\w’'-]+),")
            found = {m.group(1) for m in named.finditer(text, at, at + _APPOSED_NAME_REACH)}
            if len(found) == 1:
                name = found.pop()
                mention = classify(name, tokens(name, 0, len(name)))
                if mention is not None and mention.kind == "person":
                    speaker.kind = "person"
                    speaker.gender = speaker.gender or mention.gender
                    _name_them([speaker], mention.name)

    def _double_surnames_in_full(self) -> None:
        """"Madan Keller said" where the text quotes "Janeen Madan Keller": a person named by two
        words is the one person quoted with a name of three that ends with them (a double surname,
        or a middle name and a surname)."""
        by_tail: dict[str, set[str]] = {}  # (one pass over the speakers, not one per speaker)
        for person in self.speakers:
            words = person.name.split()
            if person.kind == "person" and len(words) == 3:
                by_tail.setdefault(" ".join(words[1:]), set()).add(person.name)
        if not by_tail:
            return
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind != "person" or len(words) != 2 or not all(w[:1].isupper() for w in words):
                continue
            fuller = by_tail.get(speaker.name, set())
            if len(fuller) == 1:
                _name_them([speaker], next(iter(fuller)))

    def _described_then_named_by_remark(self, text: str) -> None:
        """"The president of Haiti’s transitional council said … ¶ Leslie Voltaire made the
        comment in an interview …": the one person described in a paragraph is the person the
        next paragraph opens with as the one who made the comment."""
        if " made the " not in text and " made those " not in text and " made his " not in text \
                and " made her " not in text:
            return  # (the common case: no remark named)
        described = [s for s in self.speakers if s.kind in ("anonymous", "definite")
                     and s.gender != "plural" and one_person(s.name) is not None]
        if not described:
            return
        paragraphs = [m.span() for m in _PARAGRAPH.finditer(text)]
        for k in range(1, len(paragraphs)):
            remark = _REMARK_MADE.match(text, *paragraphs[k])
            if remark is None:
                continue
            named = classify(text, tokens(text, remark.start(1), remark.end(1)))
            if named is None or named.kind != "person" or " " not in named.name:
                continue
            start, end = paragraphs[k - 1]
            here = [s for s in described if start <= _find_as_written(text, s.name, start, end) < end]
            if len(here) == 1:
                unnamed = here[0]
                unnamed.kind = "person"
                unnamed.gender = unnamed.gender or named.gender
                _name_them([unnamed], named.name)

    def _described_then_named(self, text: str, described_in: tuple[int, int],
                              named_in: tuple[int, int]) -> bool:
        """Name the one person described in the paragraph ``described_in`` by the full name that
        opens ``named_in`` as its speaker; True when it did."""
        (lead_start, lead_end), (next_start, next_end) = described_in, named_in
        described = [s for s in self.speakers if s.kind == "anonymous" and s.gender != "plural"
                     and one_person(s.name) is not None
                     and lead_start <= _find_as_written(text, s.name, lead_start, lead_end) < lead_end
                     and _head_word(s.name) in lx.POSITION_HEADS | lx.PERSON_NOUNS]
        # (a headline's "Incoming national security adviser" is the lead's "Trump’s incoming …")
        described = [s for s in described if not any(
            o is not s and s.name.lower() in o.name.lower() for o in described)]
        if len(described) != 1:
            return False
        first: tuple[int, Speaker] | None = None
        for speaker in self.speakers:
            if speaker.kind != "person" or " " not in speaker.name:
                continue
            at = text.find(speaker.name)
            if at < 0 or at < next_start:
                continue  # (named before: someone the lead already speaks of)
            if first is None or at < first[0]:
                first = (at, speaker)
        if first is None or first[0] >= next_end:
            return False
        unnamed, named = described[0], first[1]
        at = _find_as_written(text, unnamed.name, lead_start, lead_end)
        gender = unnamed.gender or _pronoun_gender_after(text, at + len(unnamed.name), lead_end)
        if gender and named.gender and gender != named.gender:
            return False  # ("… told senators that she will …" is no Robert)
        head = _head_word(unnamed.name)
        post = (named.role or "").lower().split()
        if head in lx.OCCUPATION_WORDS and post and post[-1] in lx.POSITION_HEADS \
                and post[-1] not in lx.OCCUPATION_WORDS:
            return False  # ("a railway worker said" is no "Matthew Miller, State Department spokesman")
        if _OPENS_PARAGRAPH.fullmatch(text, next_start, first[0]) is None:
            return False  # (the name opens the paragraph, or follows the quote that opens it)
        stop = text.find(". ", first[0], next_end)
        if not any(word in lx.CUE_VERBS and word not in lx.WEAK_CUES
                   for word in text[first[0]:stop if stop >= 0 else next_end].split()):
            return False  # (named as someone who speaks there: "The dispute comes as Joe Biden urged …")
        unnamed.kind = "person"
        unnamed.gender = unnamed.gender or named.gender
        _name_them([unnamed], named.name)
        return True

    def _groups_led_in_full(self) -> None:
        """"Hansen and collaborators" where the text names James Hansen: the group's person by
        the full name (a person quoted in full, else the name the text gives the surname)."""
        full_by_surname = {p.name.rsplit(None, 1)[-1].casefold(): p.name for p in self.speakers
                           if p.kind == "person" and " " in p.name}
        for speaker in self.speakers:
            head, sep, rest = speaker.name.partition(" and ")
            if speaker.kind != "anonymous" or not sep or " " in head or not rest.islower():
                continue
            full = full_by_surname.get(head.casefold()) or self._full_name_before(head)
            if full is not None:
                _name_them([speaker], f"{full} and {rest}")

    def _acronyms_in_full(self) -> None:
        """"The CDC", "the Chinese CDC" where the text spells out the Chinese Center for Disease
        Control and Prevention: the organisation by the name the text spells out (its words'
        initials, minor words left out, open with the acronym and add at most one more)."""
        spelled: list[tuple[str, str, str, str]] | None = None
        defined: dict[str, str] | None = None
        known_as: dict[str, str] | None = None
        says_known_as = " known as " in self.text or ", or " in self.text  # (once a text)
        for speaker in self.speakers:
            if says_known_as and speaker.kind in ("organisation", "person") and " " in speaker.name:
                if known_as is None:
                    known_as = {m.group(2): m.group(1) for m in _KNOWN_AS.finditer(self.text)}
                    # "the California Department of Forestry and Fire Protection, or Cal Fire,":
                    # a body's name, then the shorter one it goes by
                    known_as.update({m.group(2): m.group(1).removeprefix("The ")
                                     for m in _OR_SHORT_NAME.finditer(self.text)
                                     if any(w.lower() in lx.ORG_HEADS for w in m.group(1).split()[1:])
                                     and m.group(2) not in known_as})
                if speaker.name in known_as:
                    # "the California Department of Forestry and Fire Protection, known as Cal
                    # Fire": the body it is the short name of (not a Mr Fire called Cal)
                    speaker.kind = "organisation"
                    _name_them([speaker], known_as[speaker.name])
                    continue
            if speaker.kind in ("organisation", "person") and " " not in speaker.name \
                    and not speaker.name.isupper() and "(" in self.text:
                if defined is None:
                    defined = self._text_acronyms()
                if speaker.name in defined:
                    speaker.kind = "organisation"  # ("Conagua said": the commission it stands for)
                    _name_them([speaker], defined[speaker.name])
                    continue
            # (a body's dotted acronym spells the same letters: "U.N." is the UN the text spells
            # out; a country's, "U.S.", and a person's initials, "H.Y.", stay as written)
            match = _ACRONYM_NAME.fullmatch(speaker.name.replace(".", "")
                                            if speaker.name in _DOTTED_BODIES else speaker.name)
            if speaker.kind != "organisation" or match is None:
                continue
            if defined is None:
                defined = self._text_acronyms()
            if not match.group(1) and match.group(2) in defined:
                # "The High Media and Audiovisual Authority, or HAMA": the text says what it
                # stands for, whatever its letters (a French acronym here)
                _name_them([speaker], defined[match.group(2)])
                continue
            prefix, acronym = match.group(1), match.group(2)
            if spelled is None:
                spelled = self._spelled_names()  # (once a text)
            extra = 1 if len(acronym) >= 3 else 0  # "Centers for Disease Control and Prevention"
            for name, first, initials, rest_initials in spelled:
                # All the words, or all but the first ("Chinese" of the Chinese CDC, which the
                # acronym's prefix must then be)
                for core_initials, whole in ((initials, True), (rest_initials, False)):
                    if prefix and (whole or first != prefix):
                        continue
                    if core_initials and core_initials.startswith(acronym) \
                            and len(core_initials) <= len(acronym) + extra:
                        if not whole and not prefix and len(name.split()) > 2 \
                                and name.split()[1].lower() in _ACRONYM_MINOR:
                            # "Washington for the Conservative Political Action Conference" spells
                            # CPAC without its first word (nor the minor words after it)
                            rest = name.split()[1:]
                            while rest and rest[0].lower() in _ACRONYM_MINOR:
                                rest = rest[1:]
                            name = " ".join(rest) or name
                        _name_them([speaker], name)
                        break
                else:
                    continue
                break

    def _short_names_in_full(self, text: str) -> None:
        """"The Search and Rescue Agency said" where the text names the National Search and Rescue
        Agency: a body by the one longer name the text gives it, one or two capitalised words more
        in front, inside a sentence (not a sentence's first word, nor an owner's "Russia's")."""
        wanted: dict[str, Speaker] = {}
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind == "organisation" and len(words) >= 2 and words[-1] != "Party" \
                    and all(w[:1].isupper() or w in _ACRONYM_MINOR for w in words):
                wanted[speaker.name] = speaker  # (not a party: "Democratic Party" is not the "Liberal …")
        if not wanted:
            return
        extras: dict[str, set[str]] = {}
        # (one pass over the text's capitalised runs, not one search per body: long texts name
        # many bodies)
        for run in _SPELLED_RUN.finditer(text):
            words = run.group().split()
            for i in range(1, len(words) - 1):
                name = " ".join(words[i:])
                if name not in wanted:
                    continue
                starts = [m.start() + run.start() for m in re.finditer(r"\S+", run.group())]
                # one or two capitalised words right before the name, after a lower-case word or
                # a comma (not a sentence's first word), none a date's word, an acronym, an
                # owner's ("Brazil’s") or a hyphened modifier ("Kurdish-led")
                j = i
                while j > 0 and i - j < 2 and words[j - 1][:1].isupper():
                    j -= 1
                before = text[max(0, starts[j] - 2):starts[j]] if j < i else ""
                inside = len(before) == 2 and before[1] == " " and (before[0].islower() or before[0] == ",")
                if j < i and inside and not any(w.lower() in _NOT_NAME_PREFIXES or w.isupper() or "-" in w
                                    or "’" in w or "'" in w for w in words[j:i]):
                    extras.setdefault(name, set()).add(" ".join(words[j:i]))
        surnames = {p.name.rsplit(None, 1)[-1] for p in self.speakers if p.kind == "person"} \
            | _full_names_of(text).keys()
        for name, found in extras.items():
            if len(found) == 1 and (name.lower() not in lx.GOVERNMENT_SEATS
                                    or surnames.isdisjoint(next(iter(found)).split())):
                # (not a person's surname before it: "the Biden White House" is an administration's,
                # not the White House a story of another one quotes)
                _name_them([wanted[name]], f"{found.pop()} {name}")

    def _spelled_names(self) -> list[tuple[str, str, str, str]]:
        """The runs of capitalised words of the text that may spell out an acronym: each as its
        name, first word, initials, and initials without the first word ("Chinese" of the
        Chinese CDC). A person's name is none ("Abby Phillip" is not the AP)."""
        people = {p.name for p in self.speakers if p.kind == "person"}
        found = []
        for run in _SPELLED_RUN.finditer(self.text):
            words = run.group().split()
            while words and (words[0] in ("The", "A", "An") or words[0].lower() in _ACRONYM_MINOR
                             or words[0].lower() in lx.NOT_NAMES):
                # (a sentence's first word: "The Federal Trade Commission", "According to the
                # World Health Organization")
                words = words[1:]
            while words and words[0].lower().endswith(_AFFILIATION_SUFFIXES):
                words = words[1:]  # "Kurdish-led Syrian Democratic Forces" spells out the SDF
            if words and words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]  # "the European Union's top court": the EU, no owner's "'s"
            if len(words) < 2 or len(words) <= 3 and (_known_first_name(words[0].lower())
                                                      or " ".join(words) in people):
                continue
            initials = "".join(w[0] for w in words if w not in _ACRONYM_MINOR)
            rest = "".join(w[0] for w in words[1:] if w not in _ACRONYM_MINOR) if len(words) >= 3 else ""
            country = _COUNTRY_BEFORE.search(self.text, max(0, run.start() - 6), run.start()) \
                if words[0] == run.group().split()[0] else None
            if country is not None:
                # "the U.S. Department of Homeland Security" is the fullest name of the DHS
                found.append((f"{country.group(1)} {' '.join(words)}", words[0], initials, ""))
            found.append((" ".join(words), words[0], initials, rest))
            if len(initials) < len(words):
                # "DOT" of the Department of Transportation: a minor word's initial kept
                found.append((" ".join(words), words[0], "".join(w[0].upper() for w in words), ""))
        return found

    def _pairs_in_full(self) -> None:
        """"Vindman and Williams" where the text names Alexander Vindman and Jennifer Williams:
        the pair by their full names."""
        full_by_surname = {p.name.rsplit(None, 1)[-1].casefold(): p.name for p in self.speakers
                           if p.kind == "person" and " " in p.name}
        searches = 20  # (a whole-text search per pair: a few pairs only, so that text stays linear)
        for speaker in self.speakers:
            if speaker.kind == "anonymous" and _SURNAME_LIST.fullmatch(speaker.name):
                # "Hawkins, Blankenship, and Carroll" where the text named all three in full
                parts = _LIST_SEPARATOR.split(speaker.name)  # surnames at even places, separators between
                fuller = [full_by_surname.get(w.casefold()) or self._full_name_before(w)
                          or self._given_name_before(w) if k % 2 == 0 else w for k, w in enumerate(parts)]
                if all(fuller):
                    _name_them([speaker], "".join(w or "" for w in fuller))
                continue
            left, sep, right = speaker.name.partition(" and ")
            if speaker.kind != "anonymous" or not sep or " " in left or " " in right:
                continue
            names = [full_by_surname.get(w.casefold()) or self._full_name_before(w) for w in (left, right)]
            if not all(names) and self.text and searches:
                # "Paul Edelstein and Lutz Kilian … Edelstein and Kilian": the two written together
                searches -= 1
                together = _written_together(self.text, left, right, 0, len(self.text))
                if together is not None:
                    names = list(together)
            if all(names):
                _name_them([speaker], f"{names[0]} and {names[1]}")

    def _owners_in_full(self) -> None:
        """"Reid's office" where the text names Harry Reid: the office of the full name (a
        person quoted in full, else the name the text gives the surname)."""
        full_by_surname = {p.name.rsplit(None, 1)[-1].casefold(): p.name for p in self.speakers
                           if p.kind == "person" and " " in p.name}
        for speaker in self.speakers:
            match = _OWNED_BODY.fullmatch(speaker.name)
            if speaker.kind not in ("organisation", "anonymous") or match is None:
                continue
            owner = match.group(1)
            full = full_by_surname.get(owner.casefold()) or self._full_name_before(owner)
            if full is not None and full != owner:
                _name_them([speaker], f"{full}{speaker.name[len(owner):]}")

    def _names_behind_aliases(self) -> None:
        """"C.K. Walker aka “Lindsey”": a speaker named by one word the text gives as someone's
        alias is that person."""
        text = self.text
        for speaker in self.speakers:
            if speaker.kind != "person" or " " in speaker.name:
                continue
            for pos in self._positions(speaker.name, limit=10):
                match = _ALIAS_BEFORE.search(text, max(0, pos - 60), pos)
                if match is None or text[pos + len(speaker.name):pos + len(speaker.name) + 1].isalnum():
                    continue
                toks = tokens(text, max(0, match.start() - 40), match.start())
                cut = _name_run(toks, text)
                if len(toks) - cut >= 2:
                    _name_them([speaker], text[toks[cut].start:toks[-1].end])
                    break

    def _first_names_in_full(self, text: str) -> None:
        """A speaker named only by a first name, or by its short form, is the person the text
        names in full with it ("Joe:" in a transcript where the man says "My name's Joseph
        Worley"), once no surname matched it."""
        first: dict[str, list[Speaker]] = {}
        for speaker in self.speakers:
            low = speaker.name.casefold()
            if speaker.kind != "person" or " " in low or speaker.index in self._given_names:
                continue
            if _known_first_name(low) or low in _SHORT_FORMS:
                for key in (low, *_SHORT_FORMS.get(low, ())):
                    first.setdefault(key, []).append(speaker)
        if not first:
            return
        done: set[int] = set()
        for match in _NAME_SEQUENCE.finditer(text):
            toks = tokens(text, match.start(), match.end())
            if toks and possessive(toks[-1]):
                last = toks[-1]
                toks[-1] = Tok(base_word(last), last.start, last.start + len(base_word(last)))
            cut = _name_run(toks, text)
            if len(toks) - cut != 2 or toks[cut].low not in first or not _first_name(toks[-1]) \
                    or toks[-1].low in lx.ORG_HEADS or toks[-1].low in lx.CORPORATE_WORDS \
                    or toks[-1].low in _PLACE_WORDS:
                continue
            # A speaker filed under two keys ("Steve": steven, stephen) is named once; the other
            # key's entry is dropped when met (lazily, so that many names stay linear).
            named = [sp for sp in first.pop(toks[cut].low) if sp.index not in done]
            if named:
                _name_them(named, text[toks[cut].start:toks[-1].end])
                done.update(sp.index for sp in named)
            if not first:
                return

    def _lone_words_in_full(self, text: str) -> None:
        """A person quoted by one word that no list knows as a first name, and that the text never
        writes as a surname, is the one person the text names in full with it first ("Lupita
        said" where the text names Lupita Nyong’o; none when it names two: "Lupita Nyong’o …
        Lupita Smith")."""
        lone: dict[str, list[Speaker]] = {}
        for speaker in self.speakers:
            low = speaker.name.casefold()
            if speaker.kind == "person" and " " not in low and speaker.index not in self._given_names \
                    and not _known_first_name(low) and low not in _SHORT_FORMS and low.isalpha():
                lone.setdefault(low, []).append(speaker)
        if not lone:
            return
        full: dict[str, set[str]] = {}
        # A word the text gives a title or an honorific ("Officer Ford", "Mr. Lincoln") is a
        # surname: "a Ford Explorer" later is a car, not that officer's full name.
        as_surname = {low for low in lone if titled_somewhere(text, lone[low][0].name)}
        for match in _NAME_SEQUENCE.finditer(text):
            if lone.keys().isdisjoint(w.removesuffix("'s").removesuffix("’s")
                                      for w in match.group().casefold().split()):
                continue  # (most names hold none of the words: no need to read them closer)
            toks = tokens(text, match.start(), match.end())
            if toks and possessive(toks[-1]):
                last = toks[-1]
                toks[-1] = Tok(base_word(last), last.start, last.start + len(base_word(last)))
            cut = _name_run(toks, text)
            if toks[-1].low in lone and len(toks) - cut >= 2:
                as_surname.add(toks[-1].low)  # ("Tom Lupita" makes it a surname)
            if len(toks) - cut > 2 and toks[cut].low in lone:
                as_surname.add(toks[cut].low)  # ("Yoon Suk Yeol": a longer name, not first + last)
            if len(toks) - cut != 2 or toks[cut].low not in lone or toks[-1].low in lx.ORG_HEADS \
                    or toks[-1].low in lx.CORPORATE_WORDS or toks[-1].low in _PLACE_WORDS \
                    or toks[-1].low in lx.NOT_NAMES or _lexical(toks[-1].low):
                continue
            full.setdefault(toks[cut].low, set()).add(text[toks[cut].start:toks[-1].end])
        for low, names in full.items():
            if len(names) == 1 and low not in as_surname:
                _name_them(lone[low], names.pop())

    def _lone_words(self) -> dict[str, list[Speaker]]:
        """The persons quoted by one word, a title before it aside ("Aimer", "Prince Mohammed"),
        by that word."""
        lone: dict[str, list[Speaker]] = {}
        for speaker in self.speakers:
            words = speaker.name.split()
            while len(words) > 1 and words[0].lower() in lx.TITLE_WORDS:
                words = words[1:]
            if speaker.kind == "person" and len(words) == 1 and words[0][:1].isupper():
                lone.setdefault(words[0], []).append(speaker)
        return lone

    def _names_around_lone_words(self, text: str) -> None:
        """A person quoted by one word of a fuller name the text writes in one of three ways is
        named by it, when the text writes that word so in one name only:

        - with a nickname in quotation marks, which the name leaves out ("Aimer" or "Ross" of
          Ross “Rusty” Aimer, "Shuguang" of Zhou “Zuola” Shuguang);
        - as a first name in an appositive after a relative ("Giuliani's son, Andrew, filed ….
          He said …" is Andrew Giuliani, as ``parse_before`` names one quoted right there);
        - with a father's name ("Prince Mohammed said" where the text writes Crown Prince
          Mohammed bin Salman).

        One pass over the text for each way, and none when no one is quoted by one word."""
        lone = self._lone_words()
        if not lone:
            return
        found: dict[str, set[str]] = {}
        firsts: dict[str, set[str]] | None = None
        for match in _NICKNAMED.finditer(text):
            first, last = match.group("first"), match.group("last")
            suffix = match.group("suffix").replace(",", "").rstrip(".")
            if firsts is None:
                firsts = _first_names_before(text)
            if not (_lone_name_word(first) and _lone_name_word(last)) \
                    or first in firsts and not _known_first_name(first.lower()):
                continue  # ("Biden ‘Furious’ Netanyahu" where the text names Joe Biden: a surname first)
            found.setdefault(first, set()).add(f"{first} {last}{suffix}")
            nickname = (match.group("nick1") or match.group("nick2") or match.group("nick3")).split()[0]
            if firsts.get(last, set()) <= {first, nickname}:
                # (not when the text writes the surname after another first name: "House Speaker
                # Mike Johnson met Earvin “Magic” Johnson. … Johnson told reporters")
                found.setdefault(last, set()).add(f"{first} {last}{suffix}")
        followed: set[str] | None = None
        for match in _KIN_THEN_FIRST_NAME.finditer(text):
            family, given = match.group(1), match.group(2)
            if given not in lone or not _known_first_name(given.lower()) \
                    or _known_first_name(family.lower()) or not _lone_name_word(family):
                continue  # ("The King's brother, Andrew,": a title, not a family's name)
            if followed is None:
                followed = {m.group(1) for m in _CAPITALISED_PAIR.finditer(text)}
            if family not in followed:
                found.setdefault(given, set()).add(f"{given} {family}")
        for match in _FATHERS_NAME.finditer(text):
            found.setdefault(match.group(1), set()).add(match.group())
        for word, speakers in lone.items():
            names = found.get(word)
            if names is not None and len(names) == 1:
                _name_them(speakers, next(iter(names)))

    def _leading_names_in_full(self, text: str) -> None:
        """A person quoted by the first words of a longer name the text gives ("says Te
        Kaurinui" where the text names Te Kaurinui Robert Parata) is named in full, when every
        longer name the text gives them is part of the fullest one."""
        others = {alias_key(p.name) for p in self.speakers if p.kind == "person"}
        for speaker in self.speakers:
            name = speaker.name.strip()
            if speaker.kind != "person" or " " not in name:
                continue
            longer: set[str] = set()
            # (the first places the name is written, within the story's budget of look-ups)
            for pos in self._positions(name + " ", limit=20):
                match = _NAME_SEQUENCE.match(text, pos)
                if match is not None and match.end() > pos + len(name) \
                        and not _attributive_name(text, pos, match.end()) \
                        and (self.quoted is None or not self.quoted(pos)):
                    # (not inside a quotation: "I can reassure Donald Trump I will …")
                    extra = tokens(text, pos + len(name), match.end())
                    while extra and possessive(extra[-1]):
                        extra = extra[:-1]
                    if extra and text[extra[-1].end:extra[-1].end + 1] == ":":
                        extra = []  # "Mark Seidenberg Image: AIP.": a caption's label, no name
                    if extra and len(extra) <= 2 and not any(
                            t.word == "I" or t.low.rstrip(".") in _NAME_SUFFIXES and (alias_key(
                                text[pos:t.end].rstrip(".")) in others  # (Donald Trump Jr. quoted too)
                                # (or a name the text also titles without the suffix: "President
                                # Donald Trump" is not "Donald Trump Jr.")
                                or _written_without_suffix(text, name))
                            or t.low in lx.ORG_HEADS or t.low in lx.CORPORATE_WORDS or t.low in _PLACE_WORDS
                            or not _cap(t) or _title_after_name(t) for t in extra):
                        # (not "David Morales CEO", "Ann Lee MP": a title after the name)
                        longer.add(text[pos:extra[-1].end])
            fullest = max(longer, key=len, default=None)
            if fullest is not None and all(_words_within(n, fullest) for n in longer):
                # one way of extending it: "Te Kaurinui Robert" and "Te Kaurinui Parata" are both
                # parts of "Te Kaurinui Robert Parata"
                _name_them([speaker], fullest)

    def _surnames_first_in_full(self, text: str) -> None:
        """"Yoon said" where the text names "President Yoon Suk Yeol", "Kim" of "leader Kim Jong
        Un": a name written surname first after a title is the person quoted by that surname,
        when the text gives only one such name."""
        for speaker in self.speakers:
            name = speaker.name
            if speaker.kind != "person" or " " in name or not name[:1].isupper():
                continue
            found: set[str] = set()
            for pos in self._positions(name, limit=20):
                before = tokens(text, max(0, pos - 30), pos)
                if not before or text[before[-1].end:pos].strip(" ])") or not (
                        before[-1].low in lx.TITLE_WORDS or before[-1].low in lx.POSITION_HEADS):
                    continue  # ("[North Korean leader] Kim Jong Un": an editor's brackets too)
                line_start = text.rfind("\n", 0, pos) + 1
                line_end = text.find("\n", pos)
                line = text[line_start:line_end if line_end >= 0 else len(text)].split()
                if len(line) >= 3 and sum(w[:1].isupper() for w in line) >= 0.6 * len(line) \
                        and not line[-1].rstrip("\"”’)").endswith("."):
                    continue  # (a headline's capitals: "Senator Warren Makes Case"; not a sentence)
                match = _GIVEN_AFTER_SURNAME.match(text, pos + len(name))
                if match is not None and not any(
                        w.lower() in lx.ORG_HEADS or w.lower() in _PLACE_WORDS or _known_first_name(w.lower())
                        or w.lower() in lx.NOT_NAMES for w in match.group().split()):
                    found.add(name + match.group())
            if len(found) == 1:
                _name_them([speaker], found.pop())

    def _compound_surnames_in_full(self, text: str) -> None:
        """A person quoted by a surname of two words ("Hawk Sawyer", "Taylor Greene") that the text
        gives in full after a first name ("Kathleen Hawk Sawyer") is named in full."""
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind != "person" or len(words) != 2 or _known_first_name(words[0].lower()):
                continue
            for pos in self._positions(speaker.name, limit=10):
                before = text[max(0, pos - 20):pos]
                match = _FIRST_NAME_BEFORE.search(before)
                if match is not None and _known_first_name(match.group(1).lower()):
                    _name_them([speaker], f"{match.group(1)} {speaker.name}")
                    break

    def _surnames_in_full(self, text: str) -> None:
        single: dict[str, list[Speaker]] = {}
        given: dict[str, list[Speaker]] = {}
        for speaker in self.speakers:
            if speaker.kind == "person" and " " not in speaker.name:
                table = given if speaker.index in self._given_names else single
                for key in _spellings(speaker.name):
                    table.setdefault(key, []).append(speaker)
        if not single and not given:
            return
        #: Per surname: a name with a generation's suffix ("Donald Trump Jr."), used only when
        #: the text gives the surname no other full name ("Trump" is "Donald Trump", his father)
        suffixed: dict[str, str] = {}
        for match in _NAME_SEQUENCE.finditer(text):
            if match.group().isupper() and _DATELINE_AFTER_PLACE.match(text, match.end()):
                continue  # "RAMAT TRUMP, Golan Heights —": a dateline's place, no full name of "Trump"
            toks = tokens(text, match.start(), match.end())
            owner = next((k for k, tok in enumerate(toks[:-1]) if possessive(tok)), None)
            if owner is not None:
                toks = toks[:owner + 1]  # "Howard Stern’s Sirius XM show": the name ends at the ’s
            if toks and possessive(toks[-1]):
                # "J.C. Chandor’s “A Most Violent Year”": the name without the possessive
                last = toks[-1]
                toks[-1] = Tok(base_word(last), last.start, last.start + len(base_word(last)))
            toks = _past_based_in(toks)  # "Sacramento-based McClatchy": no first name "Sacramento-based"
            while len(toks) >= 3 and _title_after_name(toks[-1]):
                toks = toks[:-1]  # "Ann Lee MP", "David Morales CEO": the name before the title
            if not toks:
                continue
            at = len(toks) - 1
            if not _spelled_in(single, toks[at].word) and len(toks) >= 3 \
                    and _spelled_in(single, toks[-2].word) and toks[-1].low not in _PLACE_WORDS \
                    and toks[-1].low not in lx.ORG_HEADS and toks[-1].low not in lx.CORPORATE_WORDS:
                at = len(toks) - 2  # "Salinas" in "Guadalupe Salinas Hernández": a double surname
                if toks[-1].low.rstrip(".") in _GENERATIONS:
                    cut = _name_run(toks, text)
                    if len(toks) - cut >= 3 and match.start() < _LEAD_REACH \
                            and _bare_before_other_bearer(text, toks[at].word, match.end()):
                        # "Robert F. Kennedy Jr.'s nomination" in the story's lead: its principal,
                        # whom the bare surname means (not a Caroline Kennedy named later)
                        _name_them(_take(single, toks[at].word), _with_period(text, toks[cut].start,
                                                                               toks[-1].end))
                    elif len(toks) - cut >= 3:
                        suffixed.setdefault(toks[at].word.casefold(), text[toks[cut].start:toks[-1].end])
                    continue
            if _spelled_in(single, toks[at].word):
                cut = _name_run(toks, text)
                # (not "the Daily Mail Lacerda" of "Speaking to the Daily Mail Lacerda claimed")
                cut += _medium_before_name([t.word for t in toks[cut:]])
                if not _AFTER_PREPOSITION.search(text, max(0, match.start() - 12), match.start()):
                    cut = _place_first_name(toks, cut)  # "Rene" of London Rene
                if len(toks) - cut >= 2 and (at == len(toks) - 1 or len(toks) - cut >= 3):
                    # (of the name's gender only: "his daughter Ivanka Trump" is no full name of
                    # "Mr. Trump", "Scott Lassiter" none of "Ms. Lassiter")
                    named = _take(single, toks[at].word, _full_name_gender(text, toks[cut:]))
                    _name_them(named, text[toks[cut].start:toks[-1].end])
                    if cut and any(t.low in lx.TITLE_WORDS for t in toks[:cut]):
                        # "Attorney General Merrick Garland appointed …": the title the text
                        # gave the person quoted later as "Garland"
                        role, _ = _role_and_org(text, toks[:cut])
                        for speaker in named:
                            if not speaker.role:
                                speaker.add_role(role)
            if given:
                cut = _name_run(toks, text)
                if len(toks) - cut >= 2 and _spelled_in(given, toks[cut].word):
                    _name_them(_take(given, toks[cut].word), text[toks[cut].start:toks[-1].end])
            if not single and not given:
                return
        for speaker in {s.index: s for found in single.values() for s in found}.values():
            full = self._full_name_before(speaker.name) or suffixed.get(speaker.name.casefold())
            stated = speaker.stated_gender
            if full is not None and stated is not None:
                at = text.find(full)
                if _full_name_gender(text, tokens(text, at, at + len(full))) not in (None, stated):
                    continue  # (the same guard as above: "his daughter Ivanka Trump")
            if full is not None:
                _name_them([speaker], full)

    def _suffixed_surnames_in_full(self, text: str) -> None:
        """"Whipps Jr." quoted where the text names Surangel Whipps Jr.: a surname with a
        generation's suffix is the full name the text gives it with given names before it (the
        capitalised words before the surname, past any title)."""
        for speaker in self.speakers:
            words = speaker.name.split()
            if speaker.kind != "person" or len(words) != 2 \
                    or words[1].lower().rstrip(".") not in ("jr", "sr"):
                continue  # (not a numeral: "Elizabeth II" is a monarch's whole name)
            for found in re.finditer(rf"((?:[A-Z][\w’'-]*\.?[ ]){{1,4}}){re.escape(words[0])}[ ]"
                                     rf"{re.escape(words[1].rstrip('.'))}\b", text):
                given = found.group(1).split()
                ends = [k for k, w in enumerate(given) if w.endswith(".") and len(w) > 2
                        or possessive(Tok(w, 0, 0))]
                if ends:
                    given = given[ends[-1] + 1:]  # ("… in Palau. Whipps Jr. said": the sentence before)
                while given and (given[0].lower().rstrip(".") in lx.TITLE_WORDS
                                 or given[0].lower() in lx.NOT_NAMES | lx.DETERMINERS | lx.TIME_WORDS
                                 or given[0].lower() in _ROLE_OPENERS or possessive(Tok(given[0], 0, 0))):
                    given = given[1:]  # (a title or a word opening the sentence: no given name)
                if given and len(given[0]) > 2:
                    _name_them([speaker], " ".join([*given, *words]))
                    break

    def _given_name_before(self, surname: str) -> str | None:
        """The capitalised word the text first writes right before ``surname``, as its given name
        ("Howie Hawkins"), when that word is no title, article or other word never a name."""
        text = self.text
        for pos in self._positions(surname, limit=10):
            match = _CAPITAL_WORD_BEFORE.search(text, max(0, pos - 30), max(0, pos - 1))
            end = pos + len(surname)
            if match is None or text[pos - 1:pos] != " " or text[end:end + 1].isalnum():
                continue
            word = match.group()
            low = word.lower()
            if low in lx.NOT_NAMES or low in lx.TITLE_WORDS or low in lx.DETERMINERS or low in lx.GLUE \
                    or low in lx.TIME_WORDS or possessive(Tok(word, 0, 0)):
                continue
            return f"{word} {surname}"
        return None

    def _full_name_before(self, surname: str) -> str | None:
        """The name the text gives ``surname`` with a first name before it, where the capitalised
        words run too long for one name ("Securities and Exchange Commission Investor Advocate
        Rick Fleming" is Rick Fleming)."""
        text = self.text
        for pos in self._positions(surname):
            end = pos + len(surname)
            if pos < 2 or text[pos - 1] != " " or text[end:end + 1].isalnum() \
                    or text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
                continue  # (the surname must end the name: not "Tom Ward Street")
            toks = tokens(text, max(0, pos - 80), end)
            run = len(toks) - 1
            while run > 0 and _cap(toks[run - 1]) and toks[run].start - toks[run - 1].end == 1 \
                    and not possessive(toks[run - 1]):
                run -= 1
            toks = toks[run:]
            if len(toks) < 2 or toks[-1].word != surname:
                continue
            cut = _name_run(toks, text)
            if len(toks) - cut >= 2 and (_known_first_name(toks[cut].low)
                                         or _GIVEN_INITIALS.fullmatch(toks[cut].word)):
                return text[toks[cut].start:toks[-1].end]  # ("Donald Trump", "JD Vance")
        return None

    def _surname_gender(self, surname: str) -> str | None:
        """The gender of the first name the text gives a surname ("Jessica Chastain"), so that
        "Chastain" is a woman before her full name is resolved. Looks at the first 20 places the
        surname occurs as a word; remembered per surname."""
        key = surname.casefold()
        if key in self._surname_genders:
            return self._surname_genders[key]
        gender = None
        text = self.text
        for pos in self._positions(surname, whole=True):  # ("Ho" inside "Kathy Hochul" is not Judge Ho)
            before = text[max(0, pos - 20):pos - 1] if pos > 1 else ""
            if before and text[pos - 1] == " ":
                first = before.rsplit(None, 1)[-1] if before.strip() else ""
                gender = _name_gender([Tok(first, 0, 0), Tok(surname, 0, 0)]) if first else None
                if not gender and first[:1].isupper() and not (
                        first.endswith((".", "!", "?")) and len(first) > 2):  # (an initial goes on)
                    # "Edward Norton Lorenz": the first of the names before the surname (not
                    # across a sentence's end: "Then came Donald Trump. Kelly’s …")
                    run = tokens(text, max(0, pos - 40), pos - 1)
                    cut = _name_run(run, text)
                    if cut < len(run) - 1:
                        gender = _name_gender([run[cut], Tok(surname, 0, 0)])
                if not gender and first:
                    # "Mr Hale", "Mrs. Lopes": the title says it
                    gender = _gender([Tok(first, 0, 0)])
                if gender:
                    break
        if gender is None:
            gender = self._pronoun_gender(surname)
        self._surname_genders[key] = gender
        return gender

    def _pronoun_gender(self, surname: str) -> str | None:
        """The gender the text's own pronouns give a surname ("Megyn Kelly was not a household name
        when she started"): the first "he", "she", "his", "her" or "him" after each place the
        surname occurs, in its sentence and before any other capitalised word, when it is "he",
        "she" or "his" (an object is someone else); at least two places must agree, and none
        may disagree."""
        votes: set[str] = set()
        count = 0
        for pos in self._positions(surname):
            match = _PRONOUN_AFTER_NAME.match(self.text, pos + len(surname))
            if match is None or self.quoted is not None and self.quoted(pos) \
                    or match.group(1).lower() in ("her", "him"):
                continue  # ("Kelly praised him": an object is someone else; "her" may be either)
            votes.add("f" if match.group(1).lower() == "she" else "m")
            count += 1
        return votes.pop() if count >= 2 and len(votes) == 1 else None

    def _full_org_names(self, text: str) -> None:
        """"Brookings" is the Brookings Institution the text names elsewhere, "the Church" the
        Catholic Church."""
        for speaker in self.speakers:
            name = speaker.name
            short = _SHORT_ORG_NAMES.get(name)
            if speaker.kind == "organisation" and short is not None:
                # "the Fed" where the text names the U.S. Federal Reserve
                match = re.search(r"(U\.S\.[ ]|US[ ]|United States[ ])?" + short, text)
                if match is not None:
                    _name_them([speaker], match.group())
                continue
            head = name.lower() in lx.ORG_HEADS or name.lower() in lx.OUTLET_WORDS  # ("Times")
            if speaker.kind == "organisation" and head and name[:1].isupper() and " " not in name \
                    and name.lower() not in _VAGUE_ORG_HEADS:
                full = self._org_named_before_head(name)
                if full is not None:
                    speaker.name = full
                    speaker.aliases.add(alias_key(full))
                continue
            if speaker.kind == "person" and " " in name and not _known_first_name(name.split()[0].lower()) \
                    and speaker.gender is None and not speaker.role:
                # "the Pew Research analysis": two capitalised words read as a person's name are
                # the organisation the text names with an organisation's word after them
                fuller = self._fuller_org_name(name)
                if fuller is not None and fuller != name:
                    speaker.name, speaker.kind = fuller, "organisation"
                    speaker.aliases.add(alias_key(fuller))
                continue
            if speaker.kind == "organisation" and " " in name and name[:1].isupper():
                # "Pew Research" is the Pew Research Center, "Stansted Airport" the Stansted
                # International Airport the text names elsewhere
                fuller = self._fuller_org_name(name) or self._org_name_one_word_longer(name)
                if fuller is not None:
                    speaker.name = fuller
                    speaker.aliases.add(alias_key(fuller))
                continue
            if speaker.kind != "organisation" or " " in name or not name[:1].isupper() \
                    or name.isupper() or name.lower() in lx.ORG_NAMES:
                continue
            for pos in self._positions(name):
                site = _WEB_NAME.match(text, pos)
                if site is not None and site.group().startswith(f"{name}."):
                    _name_them([speaker], site.group())  # "GreatFire" of "GreatFire.org"
                    break
                tail = _ORG_TAIL.match(text, pos + len(name))
                if tail is not None:
                    words = tail.group().split()
                    k = next((k for k, w in enumerate(words) if w.lower() in lx.CORPORATE_WORDS
                              or w.lower() in lx.ORG_HEADS), None)
                    if k is not None:
                        speaker.name = f"{name} {' '.join(words[:k + 1])}"
                        speaker.aliases.add(alias_key(speaker.name))
                        break

    def _legal_forms_in_full(self) -> None:
        """"Boeing" is the "Boeing Co." the text names elsewhere, "Airbus" its "Airbus SE": the
        fullest name a story gives a company includes the legal form it writes after it. Two
        capitalised words read as a person's name that the text writes with a legal form are
        a company ("Pew Research Inc.")."""
        text = self.text
        for speaker in self.speakers:
            name = speaker.name
            if speaker.kind not in ("organisation", "person") or not name[:1].isupper() \
                    or name.rsplit(None, 1)[-1].lower().rstrip(".") in _LEGAL_SUFFIXES \
                    or speaker.kind == "person" and (" " not in name or speaker.gender is not None
                                                     or speaker.role):
                continue
            for pos in self._positions(name, limit=10):
                if pos and (text[pos - 1].isalnum() or text[pos - 1] in "-’'.&"):
                    continue
                form = _LEGAL_FORM.match(text, pos + len(name))
                if form is not None:
                    speaker.kind = "organisation"
                    _name_them([speaker], f"{name} {form.group(1)}")
                    break

    def _org_names_in_context(self) -> None:
        """A public body quoted by the name it shares with a fuller one the text gives it
        elsewhere: "Police Federation" where the text writes the Police Federation of England and
        Wales, "Ministry of Commerce" where it writes China’s Ministry of Commerce, "US Embassy"
        where it writes the US Embassy in New Delhi. The longest such form wins."""
        text = self.text
        for speaker in self.speakers:
            name = speaker.name
            words = name.split()
            if speaker.kind != "organisation" or len(words) < 2 or not name[:1].isupper() \
                    or name.isupper() or not any(w.lower() in _PUBLIC_BODY_HEADS for w in words):
                continue
            best = name
            for pos in self._positions(name, limit=10):
                end = pos + len(name)
                if pos and (text[pos - 1].isalnum() or text[pos - 1] in "-’'.") \
                        or text[end:end + 1].isalnum():
                    continue
                owner = _BODY_OWNER.search(text, max(0, pos - 40), pos)
                owner_words = owner.group(1).split() if owner is not None else []
                if owner_words and (owner_words[0].lower() in lx.NOT_NAMES
                                    or _known_first_name(owner_words[0].lower())
                                    or base_word(Tok(owner_words[-1], 0, 0)).lower() in lx.ORG_HEADS
                                    or base_word(Tok(owner_words[-1], 0, 0)).lower() in _INSTITUTIONS
                                    or len(owner_words) == 1 and _named_with_first_name(
                                        text, base_word(Tok(owner_words[0], 0, 0)))):
                    # ("The Ministry …", "Sarah's …", "Parliament’s …": no place; nor "Biden’s"
                    # where the text names Joe Biden)
                    owner = None
                if len(words) > 4:
                    owner = None  # (a long name is its own: not "Germany's Federal Office for …")
                place = _BODY_PLACE.match(text, end) if " of " not in name and " in " not in name else None
                fuller = "".join([owner.group() if owner is not None else "", name,
                                  place.group() if place is not None else ""])
                if fuller.endswith(".") and not re.search(r"\b[A-Z]\.$", fuller):
                    fuller = fuller[:-1]  # (the full stop ending the sentence: "… of England and Wales.")
                if len(fuller) > len(best):
                    best = fuller
            if best != name:
                _name_them([speaker], best)

    def _fuller_org_name(self, name: str) -> str | None:
        """The longer name the text gives an organisation of several words: its words followed by
        up to three capitalised words ending in an organisation's word ("Pew Research" →
        "Pew Research Center"), or, for a name ending in such a word, the same first and last
        word with capitalised words between ("Stansted Airport" → "Stansted International
        Airport")."""
        words = name.split()
        if not all(w[:1].isupper() for w in words) or name.isupper():
            return None
        last = words[-1].lower()
        heads = last in lx.ORG_HEADS or last in lx.CORPORATE_WORDS
        text = self.text
        for pos in self._positions(words[0] + " ", limit=10):
            if pos and (text[pos - 1].isalnum() or text[pos - 1] in "-’'"):
                continue
            run = _ORG_TAIL.match(text, pos + len(words[0]))
            if run is None:
                continue
            found = run.group().split()
            if found[:len(words) - 1] == words[1:] and len(found) > len(words) - 1:
                more = found[len(words) - 1:]
                k = next((k for k, w in enumerate(more) if w.lower() in lx.CORPORATE_WORDS
                          or w.lower() in lx.ORG_HEADS), None)
                if k is not None and more[k].lower().rstrip(".") not in _LEGAL_SUFFIXES \
                        and not any(w.endswith(("'", "’", "'s", "’s")) for w in more[:k]):
                    # (not "Moody's Analytics Inc" here: a legal form is added by
                    # _legal_forms_in_full, only where the text writes it right after the name;
                    # nor "White House Correspondents' Association": a body of its own, named for it)
                    return " ".join([words[0], *found[:len(words) - 1 + k + 1]])
            if not heads or words[-1] not in found:
                continue
            found = found[:found.index(words[-1]) + 1]
            middle = found[:-1]
            if len(found) > len(words) - 1 and all(w in middle for w in words[1:-1]) \
                    and all(w[:1].isupper() and w.lower() not in lx.NOT_NAMES for w in middle):
                return " ".join([words[0], *found])
        return None

    def _org_name_one_word_longer(self, name: str) -> str | None:
        """The name of several words the text introduces with one more capitalised word before
        a comma ("Fox News Digital, which obtained the memo, …" first, "Fox News said" after):
        the fullest name a story gives is the speaker's. Only at the name's first place (a
        longer form later is a part of the body or an event of its: "the Red Cross Ukraine, the
        local office"); not after a seat of government; and not where the word is no part of a
        name (see below)."""
        if name.lower() in lx.GOVERNMENT_SEATS or name.isupper():
            return None
        text = self.text
        pos = next(self._positions(name, limit=1), -1)
        while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-’'"):
            pos = text.find(name, pos + 1)  # (the first place of the name as a word of its own)
        more = _ONE_WORD_MORE.match(text, pos + len(name)) if pos >= 0 else None
        if more is None:
            return None
        word = more.group(1)
        low = word.lower()
        after = text[more.end():more.end() + 40].split(None, 1)
        alone = re.compile(rf"(?<!{re.escape(name.split()[-1])} )\b{re.escape(word)}\b")
        if word.endswith("s") and not word.endswith(("ss", "us")) or word.isupper() and len(word) <= 6 \
                or low in _GATHERINGS or low in lx.ANON_HEADS or low.endswith(_PERSON_NOUN_ENDINGS) \
                or low in lx.ORG_NAMES or not after or after[0][:1].isupper() \
                or after[0].lower() in _NOT_AFTER_A_NAME or after[0].lower().endswith("ed") \
                or after[0].lower() in lx.CUE_VERBS or after[0].lower() in lx.AUXILIARIES \
                or alone.search(text, more.end()) or alone.search(text, 0, pos) \
                or any(p in lx.NOT_NAMES or p in lx.TITLE_WORDS or p in lx.RANKS or p in lx.HONORIFICS
                       or p in lx.POSITION_HEADS or p in lx.OCCUPATION_WORDS or p in lx.DOCUMENT_NOUNS
                       or p in lx.TIME_WORDS or _known_first_name(p) for p in low.split("-")):
            # (a plural, an acronym, a gathering, someone's post, a country or a capital: "Secret
            # Service Agents,", "DOJ,", "Summit,", "Staffer,", "Iran,"; a role or a place before a
            # name, a description or a part: "the Justice Department Undersecretary, Lisa Monaco",
            # "Amnesty International Kenya, a branch", "… Sudan, director Eddie Rowe"; a list:
            # "Bank of America Citigroup, and …"; a verb after the comma: the word is no part of a
            # name the sentence's subject ends on; a word the text also writes as a name of its
            # own; a day, a title, a document or a first name: "the State Department Friday,")
            return None
        return f"{name} {word}"

    def _org_named_before_head(self, head: str) -> str | None:
        """The first name the text gives that ends in the capitalised ``head`` ("Catholic Church"
        for "Church"), without an article."""
        text = self.text
        for pos in self._positions(head):
            if pos < 2 or text[pos - 1] != " " or text[pos + len(head):pos + len(head) + 1].isalnum():
                continue
            if _post_word_after(text, pos + len(head)):
                continue  # "VOA Pentagon correspondent Carla Babb": a post's description, no name
            toks = tokens(text, max(0, pos - 60), pos)
            run = len(toks)
            while run > 0 and _cap(toks[run - 1]) and not possessive(toks[run - 1]) \
                    and (run == len(toks) or toks[run].start - toks[run - 1].end == 1) \
                    and len(toks) - run < 3:
                run -= 1
            names = [t for t in toks[run:] if t.low not in lx.DETERMINERS and t.low not in lx.NOT_NAMES]
            if names and toks[-1].end == pos - 1 and names[-1] is toks[-1]:
                return f"{text[names[0].start:names[-1].end]} {head}"
        return None

    def _generic_org(self, mention: Mention) -> Speaker | None:
        """"the company", "the firm": the organisation the story named last before the mention
        (quoted or not: "Meta announced… According to the company, …")."""
        words = mention.name.lower().split()
        if words[:1] == ["the"]:
            words = words[1:]
        if words == ["administration"] and self.text:
            # "The Biden administration said … The administration said": the one named last
            surname: str | None = None
            for match in _NAMED_ADMINISTRATION.finditer(self.text, max(0, mention.start - _ORG_LOOKBACK),
                                                        mention.start):
                if (self.quoted is None or not self.quoted(match.start())) \
                        and match.group(1).lower() not in lx.NOT_NAMES:
                    surname = match.group(1)
            if surname is None:
                # "President Donald Trump … The administration has said": the president's
                president = self._titled_before(Mention(mention.start, mention.end, "definite", "president"))
                surname = president.name.split()[-1] if president is not None else None
            if surname is not None:
                name = f"{surname} administration"
                return self._by_alias.get(("organisation", alias_key(name))) or self._new(
                    Mention(mention.start, mention.end, "organisation", name))
        if words in (["news", "agency"], ["news", "outlet"], ["news", "organization"], ["wire", "service"]) \
                and self.text:
            # "the news agency said" after the Associated Press: the outlet named last
            outlet = self._outlet_named_before(mention.start)
            if outlet is not None:
                return outlet
        if len(words) == 1 and words[0] in _KIND_WORDS and self.text:
            # "the paper said" after "revelations by newspaper Dagens Nyheter": the body named
            # last after that word for its kind
            named = self._named_after_kind(mention.start, _KIND_WORDS[words[0]])
            if named is not None:
                return named
        given = mention.name.split()[-len(words):] if words else []
        described = words[:-1] if len(words) == 2 else []
        if described and words[-1] in _GENERIC_ORGS and self.text:
            found = self._org_named_by_kind(mention, described[0])
            if found is not None:
                return found  # "the production company": Dick Clark Productions
        based = next((k for k, w in enumerate(given[:-1]) if w.endswith("-based")), -1)
        if 1 < len(words) <= 4 and (_generic_head(words[-1]) or words[-1] in _ANY_BODY) and all(
                w.isalpha() and w.islower() and w not in lx.DETERMINERS or w.endswith("-based")
                or k < based and w[:1].isupper() or _demonym(Tok(w, 0, len(w)))
                or w.lower() in _OTHER_PEOPLES_WORDS
                for k, w in enumerate(given[:-1])) and given[-1].islower():
            # "the software company", "the Washington-based company", "the New York-based
            # organization", "the Japanese firm": what the company is
            words = words[-1:]
        if words and _maker(words[0]):
            words = ["maker"]  # "the automaker", "the planemaker"
        if len(words) == 2 and words[0].isalpha() and words[1] in lx.ORG_HEADS and self.text:
            found = self._org_of_head(mention, words[1], described)  # "the conservation department"
            if found is not None and given[0][:1].isupper() and words[0] not in found.name.lower().split():
                return None  # (not "the Harris campaign" for the Trump campaign: a name of its own)
            own = " ".join(given)
            if found is not None and words[1] == "party" and all(w[:1].isupper() for w in given) \
                    and found.name != own \
                    and found.name.endswith(" " + own) \
                    and not found.name[:-len(own)].rstrip().endswith(("'s", "’s")) \
                    and found.name[:-len(own)].strip() not in _COUNTRY_ABBREVIATIONS \
                    and not _demonym(Tok(found.name.split()[0], 0, 0)):
                # (not the "Liberal Democratic Party" for a "Democratic Party"; but "the Africa
                # Command" is U.S. Africa Command, "the Foreign Ministry" Russia's)
                return None
            if found is None and all(w.islower() for w in given):
                found = self._body_introduced(mention, words)  # "A congressional task force …"
            return found
        if len(words) != 1 or not self.text:
            return None
        if words[0] == "panel":
            # "The House Ethics Committee released its report. The panel said …": a committee,
            # commission or board the text named, when it named no panel
            found = self._org_of_head(mention, "panel") or self._org_of_head(mention, "committee") \
                or self._org_of_head(mention, "commission") or self._body_introduced(mention, words)
            if found is not None:
                return found
        if words[0] not in _GENERIC_ORGS:
            return self._org_of_head(mention, words[0]) or self._known_body_of_kind(mention, words[0]) \
                or (self._generic_org_named(mention, words[0]) if words[0] in _ANY_BODY else None)
        found = self._named_with_kind_word(mention, words[0]) or self._generic_org_named(mention, words[0])
        if found is not None and found.name.split()[-1].lower() in _PLACES_NOT_BODIES \
                and found.name.split()[-1].lower() != words[0]:
            return None  # "the agency" is no "Juanda Airport" named in a photo caption
        return found

    def _group_named_for_members(self, mention: Mention) -> Speaker | None:
        """"The doctors said" where the text named the group "Doctors for Camp Closure" in a
        sentence that also calls them "the doctors" ("The doctors, members of a recently formed
        group Doctors for Camp Closure, …"): a group named by its members' plural noun, outside
        quotations, anywhere before the mention or soon after it (a group merely named elsewhere
        is not whom "the reporters" are: "the index published by Reporters Without Borders")."""
        plural = _MEMBERS.fullmatch(mention.name)
        if plural is None:
            return None
        key = plural.group(1).capitalize()
        if key not in self._member_groups:
            named = self._groups_named_for(key)
            self._member_groups[key] = (named, [match.start() for match in named])
        groups, starts = self._member_groups[key]
        k = bisect_left(starts, mention.start)
        if k:
            found: re.Match[str] | None = groups[k - 1]
        else:
            found = groups[0] if groups and groups[0].start() < mention.end + _MEMBERS_AHEAD else None
        return self._body_at(found.start(), found.group()) if found is not None else None

    def _groups_named_for(self, plural: str) -> list[re.Match[str]]:
        """The places the text names a group for its members ("Doctors for Camp Closure") in a
        sentence that also calls them by the plural ("the doctors"), outside quotations (not a
        sentence's capitalised first word: "Prosecutors in Sweden said")."""
        text = self.text
        if f"{plural} " not in text:
            return []  # (most plurals name no group: no pass over the text)
        members = re.compile(rf"\b[Tt]he {plural.lower()}\b")
        found = []
        for match in _group_for_members_pattern(plural).finditer(text):
            at = match.start()
            if self.quoted is not None and self.quoted(at):
                continue
            opening = at == 0 or text[at - 1] in "\n—–\"”“" or text[max(0, at - 2):at] in (". ", "— ", "” ")
            if opening and not match.group(1)[:1].isupper():
                continue
            begin = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
            stop = min((p for p in (text.find(". ", match.end()), text.find("\n", match.end())) if p >= 0),
                       default=len(text))
            if members.search(text, begin, stop):
                found.append(match)
        return found

    def _body_introduced(self, mention: Mention, words: list[str]) -> Speaker | None:
        """"A congressional task force investigating … The task force said": the unnamed body
        the text introduced with "a" or "an", a word or two and the mention's words, outside
        quotations and not far back, by those words ("congressional task force")."""
        found = self._last_unquoted(
            _introduced_body_pattern(" ".join(words)), max(0, mention.start - _BODY_INTRODUCED_REACH),
            mention.start, lambda match: not any(w in lx.DETERMINERS or w in lx.GLUE
                                                 for w in match.group(1).split()[:-len(words)]))
        return self._body_at(found.start(1), found.group(1)) if found is not None else None

    def _named_with_kind_word(self, mention: Mention, kind: str) -> Speaker | None:
        """"the airline" after "American Airlines … according to Cirium, an aviation analytics
        company": the body named last whose name holds a word for that kind ("Airlines",
        "Airways"), outside quotations."""
        if kind not in _KIND_IN_NAMES or not self.text:
            return None
        found = self._last_unquoted(_kind_in_name_pattern(kind), max(0, mention.start - _ORG_LOOKBACK),
                                    mention.start)
        if found is None:
            return None
        return self._body_at(found.start(), found.group().removesuffix("’s").removesuffix("'s"))

    def _last_unquoted(self, pattern: re.Pattern[str], floor: int, pos: int,
                       keep: Callable[[re.Match[str]], bool] | None = None) -> re.Match[str] | None:
        """The last match of ``pattern`` in [floor, pos) outside quotations (and that ``keep``
        accepts, when given)."""
        found = None
        for match in pattern.finditer(self.text, floor, pos):
            if (self.quoted is None or not self.quoted(match.start())) and (keep is None or keep(match)):
                found = match
        return found

    def _body_at(self, start: int, name: str, kind: str = "organisation") -> Speaker:
        """The organisation (or unnamed source) of that name the story knows, else a new one
        named at ``start``."""
        return self._by_alias.get((kind, alias_key(name))) \
            or self._new(Mention(start, start + len(name), kind, name))

    def _called_a_body(self, name: str, pos: int) -> bool:
        """Has the text, before ``pos``, put a word for a company or a body right before the name
        ("the U.S. consulting firm McKinsey", "drugmaker Pfizer")?"""
        return any(match.group(1).rstrip(".") == name or match.group(1).startswith(name + " ")
                   for match in _KIND_THEN_NAME.finditer(self.text, max(0, pos - _KIND_NAME_REACH), pos))

    def _known_body_of_kind(self, mention: Mention, noun: str) -> Speaker | None:
        """"NATO said … The alliance said": the body the text named last before the mention (and
        not inside a quotation) of those a story calls by ``noun`` (see _KNOWN_BODY_KINDS)."""
        pattern = _KNOWN_BODY_KINDS.get(noun)
        if pattern is None or not self.text:
            return None
        found = self._last_unquoted(pattern, max(0, mention.start - _ORG_LOOKBACK), mention.start)
        return self._body_at(found.start(), found.group()) if found is not None else None

    def _outlet_named_before(self, pos: int) -> Speaker | None:
        """The news outlet the text named last before ``pos`` (a name ending in an outlet's word,
        "Associated Press", "The Washington Post", or one the lexicon knows)."""
        found = None
        for pattern in (_OUTLET_NAME, _NEWS_AGENCY):
            for match in pattern.finditer(self.text, max(0, pos - _ORG_LOOKBACK), pos):
                if (self.quoted is None or not self.quoted(match.start())) \
                        and (found is None or match.start() > found.start()):
                    found = match
        if found is None:
            return None
        name = found.group(1)
        return self._by_alias.get(("organisation", alias_key(name))) \
            or self._new(Mention(found.start(1), found.end(1), "organisation", name))

    def _named_after_kind(self, pos: int, kinds: tuple[str, ...]) -> Speaker | None:
        """The body named last before ``pos`` right after a word for its kind in lower case
        ("newspaper Dagens Nyheter", "broadcaster NRK"), outside quotations."""
        pattern = re.compile(r"\b(?:" + "|".join(kinds) + r")[ ]((?:[A-Z][\w’'&.-]*[ ])*[A-Z][\w’'&.-]*)")
        found: re.Match[str] | None = None
        for match in pattern.finditer(self.text, max(0, pos - 2 * _ORG_LOOKBACK), pos):
            if self.quoted is None or not self.quoted(match.start()):
                found = match
        if found is None:
            return None
        # (not the full stop after it, nor the sentence after that: "… Dagens Nyheter. Dagens …")
        name = found.group(1).split(". ", 1)[0].rstrip(".")
        speaker = self._by_alias.get(("organisation", alias_key(name))) \
            or self._by_alias.get(("person", alias_key(name)))
        if speaker is not None:
            speaker.kind = "organisation"
            return speaker
        return self._new(Mention(found.start(1), found.start(1) + len(name), "organisation", name))

    def _org_named_by_kind(self, mention: Mention, kind: str) -> Speaker | None:
        """"Dick Clark Productions denied it. “…,” the production company said": the organisation
        named last before the mention (outside quotations) with a word for its kind ("record
        company": "Big Machine Records"; "software firm": "Acme Software")."""
        if len(kind) < 4 or not kind.isalpha():
            return None
        pattern = re.compile(r"(?<![\w’'-])(?:[A-Z][\w&’'-]*[ ]){1,4}" + kind.capitalize()
                             + r"[a-z]{0,2}\b(?![ ][A-Z])")
        found: re.Match[str] | None = None
        for match in pattern.finditer(self.text, max(0, mention.start - 2 * _ORG_LOOKBACK), mention.start):
            after = self.text[match.end():match.end() + 30].split()
            if after and (after[0].lower() in lx.ANON_HEADS
                          or _people_plural(Tok(after[0], 0, len(after[0])))):
                continue  # ("Georgia Tech researchers": people of a place, no company of that kind)
            if self.quoted is None or not self.quoted(match.start()):
                found = match
        if found is None:
            return None
        name = found.group()
        if name.split()[0] in ("The", "A", "An"):
            name = name.split(None, 1)[1]
        if " " not in name:
            return None  # ("The Software …": no name before the kind's word)
        speaker = self._by_alias.get(("organisation", alias_key(name))) \
            or self._by_alias.get(("person", alias_key(name)))
        if speaker is not None:
            speaker.kind = "organisation"  # ("Dick Clark Productions" read as a person's name)
            return speaker
        return self._new(Mention(found.start(), found.end(), "organisation", name))

    def _owned_source(self, mention: Mention) -> Mention:
        """"Znak.com further reported its source said …", "Acme recalled the car. Its spokesman
        said …": an unnamed source of "its" or "their" is named by its owner, the organisation
        the text spoke of last (quoted, or opening a sentence just before), as the inspector
        shows it ("Znak.com’s source"); unchanged when no such organisation is near."""
        owner = self._its_owner(mention.start)
        words = mention.name.split(None, 1)
        if owner is None or len(words) < 2:
            return mention
        mark = "’" if "’" in self.text else "'"
        return replace(mention, name=f"{owner}{mark}s {words[1]}")

    def _post_of_generic_org(self, mention: Mention) -> Mention:
        """"Temu didn’t comment …, but the company’s spokesperson replied", "a spokesperson from
        the company": the post named by the organisation "the company" means ("Temu
        spokesperson"); unchanged when the story names no such organisation."""
        match = _POST_OF_GENERIC.fullmatch(mention.name)
        if match is None:
            return mention
        body, post = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        if post.lower() not in lx.ANON_HEADS and post.lower() not in lx.POSITION_HEADS:
            return mention
        owner = self._body_of_sentence(mention.start, body)
        if owner is None or owner.lower() in lx.OUTLET_NAMES:
            return mention
        return replace(mention, name=f"{owner} {post}")

    def _body_of_sentence(self, pos: int, body: str) -> str | None:
        """The organisation "the company" (``body``) at ``pos`` stands for: the one opening its
        sentence ("Temu didn’t comment …, but the company’s spokesperson replied"), quoted as an
        organisation or named by one word the sentence is about; else the one "its
        spokesperson" would belong to."""
        text = self.text
        sentence = text[max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1):pos]
        opening = _OPENING_CAPITALS.match(sentence)
        if opening is None:
            found = self._generic_org(Mention(pos, pos, "organisation", f"the {body.lower()}"))
            if found is not None:
                return found.name
            return self._subject_name_in(sentence) or self._its_owner(pos)
        word = opening.group(1)
        key = alias_key(word)
        known = self._by_alias.get(("organisation", key)) or (
            self._by_alias.get(("person", key)) if " " not in key else None)
        if known is not None:
            return known.name
        low = word.lower()
        if _SENTENCE_SUBJECT.match(sentence) and " " not in word and not _lexical(low) \
                and low not in lx.NOT_NAMES and not _known_first_name(low):
            return word  # (a one-word name the sentence is about: "Temu didn’t …")
        return self._subject_name_in(sentence) or self._its_owner(pos)

    def _its_owner(self, pos: int) -> str | None:
        """The name of the organisation an "its" at ``pos`` belongs to: the one quoted last if the
        text still speaks of it, else the one opening a sentence just before; but the one opening
        the sentence just before when the text describes it ("Automattic, a technology company …,
        provides … According to its website, …"), not one quoted (or written to) earlier."""
        window = self.text[max(0, pos - 600):pos]
        last = self.last_org
        recent = self._subject_name_in(window[-300:])
        owner = last.name if last is not None and last.name in window else recent
        if recent is not None and owner != recent and window.rfind(recent) > window.rfind(owner or recent) \
                and (owner is None or _DESCRIBED_BODY.match(window, window.rfind(recent) + len(recent))):
            owner = recent
        return owner

    def _generic_org_named(self, mention: Mention, head: str) -> Speaker | None:
        base = max(0, mention.start - _ORG_LOOKBACK)
        window = self.text[base:mention.start]
        described = None
        for match in _DESCRIBED_AS_KIND.finditer(window):
            first = match.group(1).split()[0].lower()
            if first in lx.TITLE_WORDS or _known_first_name(first):
                continue  # ("CEO of CRISPR Therapeutics, a biotech company": a person's post)
            if match.group(2).lower() == head \
                    and (self.quoted is None or not self.quoted(base + match.start())):
                described = match  # "Citizens for … in Washington, a liberal nonprofit watchdog group"
        if described is not None:
            name = described.group(1)
            start = base + described.start(1)
            return self._by_alias.get(("organisation", alias_key(name))) \
                or self._new(Mention(start, start + len(name), "organisation", name))
        if head == "paper" and "newspaper" not in window.lower():
            return None  # a research paper, unless the story has spoken of a newspaper
        commercial = head in _COMMERCIAL_HEADS
        best = self._org_named_in(window, commercial, public=head == "agency", base=base) \
            or self._org_named_in(window, commercial, public=head == "agency")
        last = self.last_org
        if commercial and last is not None and (last.name.lower().split()[-1] in _PUBLIC_BODY_ENDS
                                                or _public_body_of(last.name)
                                                or self._public_acronym(last.name)):
            last = None  # "The attorney general is investigating WeWork. The company said": WeWork
        if head == "agency" and last is not None and self._company_name(last.name):
            last = None  # "NASA … Boeing builds the stage. The agency said": NASA
        if commercial and last is not None and _news_outlet(last.name):
            last = None  # (an outlet that reported on the company is not "the company")
        if last is not None and _generic_body(last.name) and last.name.lower().split()[-1] != head:
            last = None  # "The navy said … The airline said": a navy is no airline
        if best is None and (last is None or last.name not in window):
            lone = self._lone_name_org(window)
            if lone is not None:
                return lone
            best = self._subject_name_in(window)
        if best is None or last is not None and last.name in window:
            return last  # the organisation quoted last, if the text still speaks of it
        found = self._by_alias.get(("organisation", alias_key(best)))
        return found or self._new(Mention(mention.start, mention.end, "organisation", best))

    def _subject_name_in(self, window: str) -> str | None:
        """"Brightwave blocked the bots. The company said …": a lone capitalised name that opens a
        sentence before "the company", and is no one's surname, first name, place or weekday, is
        the company the story is about (the last such name in ``window``)."""
        best = None
        for match in _SENTENCE_SUBJECT.finditer(window):
            word = base_word(Tok(match.group(1), 0, 0))
            low = word.lower()
            if low in lx.NOT_NAMES or low in lx.DETERMINERS or low in lx.PRONOUNS or low in _PLACE_ORGS \
                    or sk.opens_no_noun_phrase(low) \
                    or _known_first_name(low) or _lexical(low) or low in lx.TIME_WORDS \
                    or low in self._latest_by_word or sk.never_a_name(low) or self._named_in_full(word) \
                    or _number_word(low) or low.endswith("s") and window.startswith(" of ", match.end(1)):
                continue  # ("Thirty minutes later", "Rushes of hot air blow …": no company)
            best = word
        return best

    def _org_of_head(self, mention: Mention, head: str, described: list[str] | None = None) -> Speaker | None:
        """"Officials at the Interior Ministry said … The ministry said …": "the ministry", "the
        department", "the council" is the organisation the text named last before it with a
        name that ends in that word; "the conservation department" the one named "… Department
        of Conservation" (``described``: the lower-case words before the head)."""
        if head in _VAGUE_ORG_HEADS:
            # "The Trump campaign said … The campaign added": the organisation quoted last, when
            # its name ends in the word (a campaign no name gave stays "the campaign")
            last = self.last_org
            if last is not None and last.name.lower().endswith(" " + head) \
                    and last.name in self.text[max(0, mention.start - _ORG_LOOKBACK):mention.start]:
                return last
            return None
        if head not in lx.ORG_HEADS:
            return None
        window_start = max(0, mention.start - _ORG_LOOKBACK)
        window = self.text[window_start:mention.start]
        if head not in window.lower():
            return None  # (the common case: nothing to look for)
        best: str | None = None
        for match in _NAME_SEQUENCE.finditer(window):
            toks = tokens(window, match.start(), match.end())
            while toks and toks[0].low in lx.DETERMINERS:
                toks = toks[1:]
            if _post_word_after(window, match.end()):
                continue  # ("VOA Pentagon correspondent Carla Babb" names no Pentagon)
            if len(toks) >= 3 and toks[0].low == head and head in _NAMED_FIRST_HEADS \
                    and not possessive(toks[-1]):
                best = _join(window, toks)  # "Hotel Arpit Palace … the hotel said"
                continue
            inner = next((k for k in range(1, len(toks) - 1)
                          if possessive(toks[k]) and base_word(toks[k]).lower() == head
                          and any(t.low in lx.ORG_HEADS for t in toks[k + 1:])), None)
            if inner is not None:
                # "the Commerce Department’s Bureau of Industry and Security": the department
                toks = toks[:inner + 1]
            if len(toks) >= 2 and base_word(toks[-1]).lower() == head:
                name = _join(window, toks)
                best = base_word(Tok(name, 0, 0)) if possessive(toks[-1]) else name
                goes_on = _NAME_GOES_ON.match(window, match.end()) if inner is None else None
                if goes_on is not None:
                    # "New Zealand Department" is "New Zealand Department of Conservation"
                    best = name + goes_on.group()
        if best is None or described and not all(w in best.lower() for w in described):
            owned = _owned_lower_case(window, head) or _people_s_body(window, head)
            if owned is not None and described and not all(w in owned.lower().split() for w in described):
                owned = None  # ("the foreign ministry" is "Pakistan's foreign ministry", not its army)
            best = _head_of_described(window, head, described or []) or owned
        if best is None:
            return None
        known = self._by_alias.get(("organisation", alias_key(best))) or self._org_by_prefix(alias_key(best))
        return known or self._new(Mention(mention.start, mention.end, "organisation", best))

    def _lone_name_org(self, window: str) -> Speaker | None:
        """"AirAsia said … The airline said …", "Cloudflare said … It said …": the speaker quoted
        last, by a lone name the text never gives a first name, a gender or a role, and named in
        ``window`` (the text just before), was a company all along: it becomes an organisation."""
        lone = self.last_any
        if lone is None or lone.kind != "person" or " " in lone.name or lone.gender is not None \
                or lone.role or lone.name not in window or self._named_in_full(lone.name):
            return None
        lone.kind = "organisation"
        self.last_org = lone
        self.recent.pop(lone.index, None)
        for by_gender in self._recent_by_gender.values():
            by_gender.pop(lone.index, None)
        if self.last_person is lone:
            self.last_person = None
        self._by_alias.setdefault(("organisation", alias_key(lone.name)), lone)
        return lone

    def _its_document(self, mention: Mention) -> Mention | None:
        """"the statement after its September meeting", "the company’s press release": the
        organisation named just before."""
        words = mention.name.lower().split()
        owner = next((w[:-2] for w in words if w.endswith(("'s", "’s")) and w[:-2] in _GENERIC_ORGS), None)
        if owner is not None:
            # "According to the company’s press release": the company the story named before
            org = self._generic_org(Mention(mention.start, mention.end, "organisation", f"the {owner}"))
            return Mention(mention.start, mention.end, "organisation", org.name) if org is not None else None
        if len(words) == 3 and words[0] == "the" and words[1] in lx.ORG_HEADS \
                and words[2] in lx.DOCUMENT_NOUNS:
            # "according to the office release": the office named before ("the U.S. Attorney's
            # Office for …"), as "the office" would be
            org = self._generic_org(Mention(mention.start, mention.end, "organisation", f"the {words[1]}"))
            return Mention(mention.start, mention.end, "organisation", org.name) if org is not None else None
        if "its" not in words and "their" not in words:
            return None
        sentence_start = max(self.text.rfind(". ", 0, mention.start), mention.start - 300, 0)
        name = self._org_named_in(self.text[sentence_start:mention.start])
        return Mention(mention.start, mention.end, "organisation", name) if name else None

    def _earlier_document_author(self, mention: Mention) -> Mention | None:
        """"the report described …" after "according to a 2014 report from the World Bank": the
        author the text gave the same document when it introduced it (the nearest earlier
        mention of the same noun that names one, within a few paragraphs)."""
        words = mention.name.lower().split()
        if not 2 <= len(words) <= 3 or words[0] != "the" or words[-1] not in lx.DOCUMENT_NOUNS \
                or any(w.endswith(("'s", "’s", "s'", "s’")) for w in words):
            return None  # ("the family's statement": its owner is named, not introduced before)
        text = self.text
        head = words[-1]
        floor = max(0, mention.start - _DOCUMENT_LOOKBACK)
        found = [m.start() for m in re.finditer(rf"\b{re.escape(head)}\b", text[floor:mention.start], re.I)]
        for pos in reversed(found[-_DOCUMENT_PLACES:]):
            pos += floor
            if self.quoted is not None and self.quoted(pos):
                continue  # ("“… a statement in partnership with …,” the company said": quoted words)
            before = tokens(text, max(0, pos - 60), pos)
            cut = max((k for k, t in enumerate(before) if t.low in lx.DETERMINERS), default=None)
            if cut is None:
                continue
            stop = min(len(text), pos + 120)
            while stop < len(text) and (text[stop].isalnum() or text[stop] in "'’-"):
                stop += 1  # (never inside a word: "… Center on Poverty and Inequal")
            boundary = _PHRASE_BOUNDARY.search(text, pos, stop)
            after = tokens(text, pos, boundary.start() if boundary else stop)
            verb = next((k for k, t in enumerate(after) if k and t.word.islower()
                         and (t.low in lx.CUE_VERBS or t.low in lx.AUXILIARIES)
                         # ("an executive order pulling the U.S. out of the U.N. Human Rights
                         # Council": what the order does, not whose it is)
                         or k == 1 and t.word.islower() and t.low.endswith("ing")), None)
            if verb is not None:
                # ("The complaint notes many residents of Montana …": the document's own
                # statement, not an author after "of")
                after = after[:verb]
            author = document_author(text, before[cut:] + after) or self._who_issued(pos)
            generic = author.name.lower().removeprefix("the ") if author is not None else ""
            if author is not None and author.kind == "organisation" and author.name.startswith("the ") \
                    and author.name.islower() and len(generic.split()) >= 2:
                # "the report by the bipartisan task force": the body the text described so
                last_two = " ".join(generic.split()[-2:])
                body = self._generic_org(Mention(pos, pos, "organisation", f"the {last_two}"))
                if body is not None:
                    return Mention(mention.start, mention.end, "organisation", body.name)
            if generic in _GENERIC_ORGS:
                # "the group sent a letter …. The letter said": the body "the group" is
                body = self._generic_org(Mention(pos, pos, "organisation", f"the {generic}"))
                if body is not None:
                    return Mention(mention.start, mention.end, "organisation", body.name)
            if author is not None and author.name.lower() not in lx.TIME_WORDS:
                # (not "Tuesday" of "Tuesday’s report": when, not whose)
                return Mention(mention.start, mention.end, author.kind, author.name, gender=author.gender)
        return None if found else self._reported_by(mention, head, floor)

    def _reported_by(self, mention: Mention, noun: str, floor: int) -> Mention | None:
        """"the United Nations reported that …. “…,” read the report": for a document the text
        never named before, who the text says did what its noun names (the verb: reported,
        ruled, announced, assessed): the subject of the verb's last place since ``floor``."""
        verb = _DOCUMENT_VERBS.get(noun)
        if verb is None:
            return None
        text = self.text
        places = [match for match in verb.finditer(text, floor, mention.start)
                  if self.quoted is None or not self.quoted(match.start())]
        for found in reversed(places[-3:]):
            stop = max(text.rfind(". ", max(0, found.start() - 200), found.start()),
                       text.rfind("\n", max(0, found.start() - 200), found.start()))
            words = tokens(text, stop + 1 if stop >= 0 else max(0, found.start() - 200), found.start())
            last = max((k for k, t in enumerate(words) if t.low in ("after", "that", "when", "as", "because",
                                                                  "since", "before", "while")), default=-1)
            subject = parse_before(text, words[last + 1:])
            if subject is not None and subject.name.lower() in ("they", "it"):
                continue  # "The researchers reported …. They also reported …": who "they" are, before
            if subject is None or subject.kind not in ("person", "organisation", "anonymous") \
                    or subject.name.lower() in lx.PRONOUNS:
                return None
            return Mention(mention.start, mention.end, subject.kind, subject.name, gender=subject.gender)
        return None

    def _who_issued(self, pos: int) -> Mention | None:
        """"Netanyahu’s office said in a statement that …": the subject of the cue before "in a
        statement" is whose statement it is."""
        text = self.text
        opening = _IN_A_DOCUMENT.search(text, max(0, pos - 30), pos)
        if opening is not None and opening.end() == pos:
            # "In a statement, the prime minister’s office said …": the subject after the comma
            frame = _AFTER_OPENING.match(text, pos)
            found = parse_before(text, tokens(text, frame.start(1), frame.end(1))) if frame else None
            if found is None:
                # "In a report issued Thursday, the panel praised …", "In a paper published in
                # Nature, he warns …": the subject of the sentence's verb, whatever it is
                found = self._opening_subject(pos)
            return found if found is not None and found.kind in ("person", "organisation", "anonymous") \
                or found is not None and found.kind == "pronoun" and found.name in ("he", "she") else None
        match = _ISSUED_IN.search(text, max(0, pos - 60), pos)
        if match is None or match.end() != pos:
            return None
        if _NEGATED_ISSUE.search(text, max(0, match.start() - 12), match.start()) \
                or _ON_BEHALF.match(text, pos + len(text[pos:pos + 30].split(None, 1)[0])):
            # "Police have not issued a statement", "released a statement from the victim's
            # family": not the subject's own words
            return None
        stop = _stop_before(text, match.start())
        sentence = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, match.start()) + 1,
                       match.start() - 150)
        openers = list(_CLAUSE_OPENING.finditer(text, sentence, match.start()))
        if openers:
            sentence = openers[-1].end()  # "… confirm Wu's release and that President Joe Biden signed …"
        closing = max(text.rfind("”", sentence, match.start()), text.rfind('"', sentence, match.start()))
        if closing >= 0:
            sentence = closing + 1  # ("“… a statement in partnership …,” the company said": after the words)
        found = None
        comma = text.rfind(", ", sentence, match.start())
        if comma >= 0:
            # "… killed in a crash in Afghanistan, the US military said in a statement": the
            # subject after the statement's comma (a trailing frame)
            found = parse_before(text, tokens(text, comma + 2, match.start()))
        if found is None:
            found = parse_before(text, tokens(text, sentence, match.start()))
        return found if found is not None \
            and found.kind in ("person", "organisation", "anonymous", "definite") else None

    def _opening_subject(self, pos: int) -> Mention | None:
        """The subject after an opening on a document that ends at ``pos``'s comma: the words
        up to the sentence's first lower-case cue or past-tense verb ("the UN Office on Drugs
        and Crime (UNODC) estimates"), or a name before its appositive ("Hannibal Ware, the
        chairman of …, noted")."""
        text = self.text
        rest = _OPENING_REST.match(text, pos)
        if rest is None:
            return None
        appositive = _NAME_THEN_APPOSITIVE.match(text, rest.end())
        if appositive is not None:
            found = parse_before(text, tokens(text, rest.end(), appositive.end(1)))
            return found if found is not None and found.kind == "person" else None
        words = tokens(text, rest.end(), min(len(text), rest.end() + 120))
        verb = next((k for k, t in enumerate(words[:12]) if k and t.word.islower()
                     and (t.low in lx.CUE_VERBS or t.low.endswith("ed") or t.low in _OPENING_VERBS)), None)
        if verb is None or any(t.low in ("to", "that", "which", "who", "at") for t in words[:verb]) \
                or any(c in text[rest.end():words[verb].start] for c in ",;:“”\""):
            return None  # (a clause, not a subject)
        words = [t for t in words[:verb] if t.word not in ("(", ")")]
        return parse_before(text, words) if words else None

    def _public_acronym(self, name: str) -> bool:
        """"NYAG" where the text spells out "The New York State Attorney General (NYAG)": an
        acronym the text gives in brackets after a public body's or an office's name."""
        if not name.isupper() or len(name) < 2 or not self.text:
            return False
        if name.lower() in _PUBLIC_ACRONYMS:
            return True  # "The DOJ announced … “…,” the company said": the DOJ is no company
        at = self.text.find(f" ({name})")
        if at < 0:
            return False
        before = self.text[max(0, at - 40):at].rsplit(None, 1)
        return bool(before) and before[-1][:1].isupper() and before[-1].lower() in _PUBLIC_BODY_ENDS

    @staticmethod
    def _company_name(name: str) -> bool:
        """A name that is a company's: a known company ("Boeing"), a camel-cased one
        ("SpaceX"), or one that ends in a company's word ("Acme Corp")."""
        low = name.lower()
        last = low.split()[-1].rstrip(".") if low.split() else ""
        return low in lx.COMPANY_NAMES or last in _LEGAL_SUFFIXES or last in lx.CORPORATE_WORDS \
            or _CAMEL_NAME.fullmatch(name) is not None

    def _org_named_in(self, window: str, commercial: bool = False, public: bool = False,
                      base: int | None = None) -> str | None:
        """The organisation named last in ``window``: one already quoted, one of the known names
        (Meta, Google), or a capitalised name ending in an organisation's word ("Federal Open
        Market Committee", "Acme Corp"). For a ``commercial`` head ("the company", "the
        airline") a public body ("Singapore Air Force", "the attorney general's office") is
        passed over and a camel-cased name ("AirAsia", "WeWork") counts as a company's. Given the
        ``base`` offset of the window in the text, a name inside a quotation is passed over ("“…
        in partnership with Big Machine Label Group …,” the production company said"); callers
        fall back to quoted names when no other is found ("“On behalf of AirAsia, …,” …")."""
        best: tuple[int, str] | None = None
        quoted = self.quoted if base is not None else None

        def inside(pos: int) -> bool:
            return quoted is not None and base is not None and quoted(base + pos)

        for match in _ORG_CANDIDATE.finditer(window):
            if inside(match.start()):
                continue
            name = base_word(Tok(match.group(), 0, 0))
            low = name.lower()
            if _MODEL_AFTER.match(window, match.end()):
                continue  # ("an Airbus A320-200", "a Boeing 737": a product, not its maker speaking)
            if commercial and self._public_acronym(name) or public and self._company_name(name):
                continue  # "the company" is no attorney general's office, "the agency" no Boeing
            if commercial and _news_outlet(name):
                continue  # ("the Washington Post reported … The company said": the company it wrote of)
            if ("organisation", alias_key(name)) in self._by_alias or low in lx.ORG_NAMES \
                    and low not in lx.OUTLET_NAMES and low not in _PLACE_ORGS \
                    or commercial and (_CAMEL_NAME.fullmatch(name)
                                       or "&" in name[1:-1] and low not in _AMPERSAND_NOT_NAMES) \
                    and low not in self._latest_by_word \
                    or public and name.isupper() and name.isalpha() and len(name) >= 3 \
                    and low not in lx.OUTLET_NAMES \
                    and (window[match.start() - 1:match.start()] or " ") not in "(/" \
                    and (window[match.end():match.end() + 1] or " ") not in ")/":
                # (an acronym for "the agency": "NASA", "FEMA"; not a photo's credit, "(EPA)")
                best = (match.start(), name)
        for match in _AMPERSAND_NAME.finditer(window):
            if (best is None or match.start() >= best[0]) and not inside(match.start()):
                best = (match.start(), match.group().rstrip(","))  # "Pacific Gas & Electric Co."
        for match in _NAME_SEQUENCE.finditer(window):
            if inside(match.start()):
                continue
            toks = tokens(window, match.start(), match.end())
            last = base_word(toks[-1]).lower() if toks else ""
            if commercial and (last in _PUBLIC_BODY_ENDS or _news_outlet(_join(window, toks))):
                continue
            if (last in lx.ORG_HEADS or last in lx.CORPORATE_WORDS
                    or toks and toks[-1].word in _BODY_NAME_ENDINGS) and len(toks) >= 2 \
                    and (best is None or match.start() >= best[0]):
                name = _join(window, toks)
                best = (match.start(), base_word(Tok(name, 0, 0)) if possessive(toks[-1]) else name)
        return best[1] if best is not None else None

    def _compass_country(self, mention: Mention) -> Speaker | None:
        """"the North", "the South": the country the text names with that word ("North Korea"),
        the name it gives most often, not an organisation whose name merely starts so ("North
        Korea's official newspaper")."""
        word = mention.name.split()[-1]
        if word.lower() not in _COMPASS or " " in mention.name.removeprefix("the ").strip() or not self.text:
            return None
        counts: dict[str, int] = {}
        for match in re.finditer(word + r" ([A-Z][a-z]+)\b", self.text):
            counts[match.group()] = counts.get(match.group(), 0) + 1
        if not counts:
            return None
        name = max(counts, key=lambda n: counts[n])
        return self._by_alias.get(("organisation", alias_key(name))) or self._new(
            Mention(mention.start, mention.end, "organisation", name))

    def _company_named_from(self, word: str) -> Speaker | None:
        """"Ford Motor Company" for "Ford": a body quoted before whose name, all in capitals, opens
        on the word (not "Day's animal foundation" for Doris Day's "Day")."""
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            words = speaker.name.split()
            if speaker.kind == "organisation" and len(words) >= 2 and words[0] == word \
                    and all(w[:1].isupper() for w in words):
                return speaker
        return None

    def _org_by_prefix(self, key: str) -> Speaker | None:
        """"Moody’s" is the Moody’s Analytics quoted before."""
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker.kind == "organisation" and alias_key(speaker.name).startswith(
                    (key + " ", key + "'s ")) and not alias_key(speaker.name).startswith(
                    (key + " and ", key + " & ")):
                return speaker  # (not "Microsoft and Google": two bodies, of which it is one)
        return None

    def _body_named_before(self, key: str) -> Speaker | None:
        """"Federal prosecutors alleged … Prosecutors said …": a bare plural for a body a story
        has one of ("prosecutors", "police", "the unions") is the group quoted before under a
        fuller phrase ending in that word. ("Officials" stays itself: a story has many.)"""
        if key not in _ONE_BODY_GROUPS:
            return None
        found = [speaker for speaker in self.speakers[-_ROLE_LOOKBACK:]
                 if speaker.kind in ("anonymous", "organisation")
                 and 2 <= len(words := alias_key(speaker.name).split()) <= 3
                 and words[-1] == key and not any(w in lx.DETERMINERS for w in words)]
        # ("Israeli police … Palestinian police … Police said": two bodies, so neither)
        return found[0] if len(found) == 1 else None

    def _document_introduced(self, mention: Mention) -> Mention | None:
        """"An internal report on last year's shutdown reveals …. “…,” the report concludes": a
        document no one is named as writing is called as the text introduced it ("internal
        report"): the last sentence opening with "a", "an" or "the", a word or two and the same
        noun, not far before and outside quotations (not "The ACLU filed a federal lawsuit")."""
        words = mention.name.split()
        if len(words) != 2 or words[0].lower() != "the" or not words[1].islower():
            return None
        # (the noun's places, nearest first, each read back to its sentence's opening: a scan of
        # the window for the opening itself cost a tenth of a long text's extraction)
        floor = max(0, mention.start - 12_000)
        noun = words[1]
        at = self.text.rfind(noun, floor, mention.start)
        for _ in range(200):
            if at < 0:
                break
            end = at + len(noun)
            if end < len(self.text) and self.text[end].isalnum() or at and self.text[at - 1].isalnum():
                at = self.text.rfind(noun, floor, at)
                continue  # (part of a longer word)
            match = _DOCUMENT_OPENING.search(self.text, max(0, at - 60), at)
            at = self.text.rfind(noun, floor, at)
            if match is not None and (self.quoted is None or not self.quoted(match.start())) and not any(
                    w in lx.DETERMINERS or w in lx.GLUE for w in match.group(1).split()):
                return Mention(mention.start, mention.end, "anonymous", f"{match.group(1)}{words[1]}")
        return None

    def _member_of_named_group(self, mention: Mention) -> Mention:
        """"Senior administration officials said … One of the officials said": one member of
        the group quoted before under a fuller name ("senior administration official")."""
        group = self._group_quoted_as((mention.role or "").split()[-1].lower())
        if group is None:
            return mention
        return replace(mention, name=" ".join([*group.name.split()[:-1], mention.name]))

    def _same_group_before(self, mention: Mention) -> Speaker | None:
        """"Two Clinton donors tell ABC News …. The donors also say …": "the" and a plural for
        people is the group quoted last under a fuller phrase ending in that word."""
        words = mention.name.split()
        if len(words) != 2 or words[0].lower() != "the" or not words[1].islower() \
                or not words[1].endswith("s"):
            return None
        return self._group_quoted_as(words[1])

    def _group_quoted_as(self, plural: str) -> Speaker | None:
        """The group quoted last under a phrase of two to four words ending in ``plural`` (in
        lower case) and holding no article ("Two Clinton donors" for "donors"): last quoted, not
        first ("world leaders" quoted, then "Senate Republican leaders" three times: "the leaders"
        are the senators)."""
        groups = [speaker for speaker in self.speakers[-_ROLE_LOOKBACK:]
                  if speaker.kind == "anonymous" and 2 <= len(names := alias_key(speaker.name).split()) <= 4
                  and names[-1] == plural and not any(w in lx.DETERMINERS for w in names)]
        return max(reversed(groups), key=lambda s: self._seen_pos.get(s.index, -1), default=None)

    def _named_pair_before(self, mention: Mention) -> Speaker | None:
        """"Both officers indicated …", "The two officers said …" after "officers Antoine Quirin
        and Nicolas Redouane": the two people the text named with that word."""
        words = mention.name.split()
        if not self.text or not words or not words[-1].islower() or not words[-1].endswith("s"):
            return None
        before = self.text[max(0, mention.start - 9):mention.start].lower()
        two = len(words) == 3 and words[0].lower() == "the" and words[1] in ("two", "both") \
            or len(words) == 1 and (before.endswith(("the two ", "both "))
                                    or self.text[mention.start:mention.end].lower().startswith("the two "))
        if two and _singular(words[-1]) in _GENERIC_ORGS | lx.ORG_HEADS:
            # "The FBI and CISA warned … The two agencies said": the pair of bodies quoted last,
            # else the pair the text names after a plural ("the two biggest supermarket chains,
            # Kroger and Albertsons, … The two companies say")
            quoted = next((known for known in reversed(self.speakers) if known.kind == "organisation"
                           and " and " in known.name and self._seen_pos.get(known.index, -1) < mention.start),
                          None)
            if quoted is not None:
                return quoted
            found = None
            floor = max(0, mention.start - _PAIR_LOOKBACK)
            for match in _BODIES_NAMED_AFTER_PLURAL.finditer(self.text, floor, mention.start):
                kind = _singular(match.group(1).lower())
                if kind == _singular(words[-1]) or kind in _GENERIC_ORGS or kind in lx.CORPORATE_WORDS \
                        or kind in _COMPANY_KINDS or _maker(kind):
                    found = match  # (bodies of a kind: not "senators Warren and Sanders")
            if found is None:
                return None
            name = found.group(2)
            last = name.rsplit(None, 1)[-1]  # (without a possessive: "Nissan and Honda’s")
            pair = Mention(mention.start, mention.end, "organisation",
                           name[:len(name) - len(last)] + base_word(Tok(last, 0, len(last))))
            return self._by_alias.get(("organisation", alias_key(pair.name))) or self._new(pair)
        if len(words) == 2 and words[0].lower() in ("the", "both") \
                and _singular(words[1]) in _GENERIC_ORGS | lx.ORG_HEADS \
                and self.last_org is not None and " and " in self.last_org.name \
                and self.last_any is self.last_org:
            # "Google and Kairos said in a press release. The companies said …": the pair of
            # bodies that spoke last
            return self.last_org
        if not (len(words) == 2 and words[0].lower() in ("both", "the") or two):
            return None
        pattern = re.compile(rf"\b{re.escape(words[-1])}[ ]+((?:[A-Z][\w’'.-]+[ ]+){{0,2}}[A-Z][\w’'-]+"
                             r"[ ]+and[ ]+(?:[A-Z][\w’'.-]+[ ]+){0,2}[A-Z][\w’'-]+)")
        found = None
        for match in pattern.finditer(self.text, max(0, mention.start - _PAIR_LOOKBACK), mention.start):
            found = match  # (the last pair named so before the mention)
        if found is None:
            return None
        pair = Mention(mention.start, mention.end, "anonymous", found.group(1))
        return self._by_alias.get(("anonymous", alias_key(pair.name))) or self._new(pair)

    def _group_named_as_body(self, mention: Mention) -> Speaker | None:
        """"The doctors said" after "members of a recently formed group Doctors for Camp Closure":
        a plural group is the organisation named before whose name opens with its word ("Doctors
        Without Borders", "Mothers Against Drunk Driving")."""
        words = mention.name.split()
        if len(words) != 2 or words[0].lower() != "the" or not words[1].islower() \
                or not words[1].endswith("s") or words[1] not in lx.ANON_HEADS or not self.text:
            return None
        pattern = re.compile(rf"\b{words[1].capitalize()} (?:for |against |without )?[A-Z][\w’'-]+"
                             r"(?: (?:of |for |and )?[A-Z][\w’'-]+){0,3}")
        best = None
        for match in pattern.finditer(self.text, max(0, mention.start - _ORG_LOOKBACK), mention.start):
            name_words = match.group().split()
            # "Doctors for Camp Closure", "Nurses United Association": a joiner or an
            # organisation's word (not "Residents John and Mary Smith": people)
            if name_words[1] not in ("for", "against", "without") \
                    and base_word(Tok(name_words[-1], 0, 0)).lower() not in lx.ORG_HEADS \
                    or _known_first_name(name_words[1].lower()):
                continue
            if self.quoted is None or not self.quoted(match.start()):
                best = base_word(Tok(match.group(), 0, 0))  # (the last one named)
        if best is None:
            return None
        return self._by_alias.get(("organisation", alias_key(best))) or self._new(
            Mention(mention.start, mention.end, "organisation", best))

    def _same_source(self, key: str, modifiers: tuple[str, ...] = ()) -> Speaker | None:
        """"the same official", "the official" after "a Western official": that source; "the
        former official" after "a former U.S. official" too (every one of ``modifiers`` in its
        name)."""
        if not key.startswith(("the ", "same ")):
            return None
        head = key.rsplit(None, 1)[-1]
        if head not in lx.ANON_HEADS:
            return None
        if len(key.split()) > 3:
            return None  # ("the officials who run the port" is described anew, not "the officials")
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker.kind != "anonymous":
                continue
            name = speaker.name.lower()
            words = name.split()
            cut = next((k for k, w in enumerate(words) if k and w in _HEAD_ENDS), len(words))
            # "Con Edison officials", "analysts at Morgan Stanley": the phrase's head noun
            if words[cut - 1] == head and not name.startswith(("same ", "the ")) \
                    and all(m in words[:cut - 1] for m in modifiers):
                return speaker
        if "same" in key.split()[:2] and self.last_person is not None:
            # "“…,” said Tatang Zaenudin, deputy head of operations … The same official told
            # Reuters": "same" points back to whoever was just quoted
            return self.last_person
        return None

    def _source_described(self, mention: Mention) -> Speaker | None:
        """The unnamed source a sentence before introduced with "a", "an" or "one" and the
        mention's head noun ("One former Pentagon official, who spoke …, praised"), every word
        of the mention's description in it, outside quotations and not far back."""
        head = mention.name.lower()
        modifiers = (mention.role or "").lower().split()[:-1]

        def introduces(match: re.Match[str]) -> bool:
            words = match.group(1).lower().split()
            # (not "a plan to fire the official": no source introduced)
            return len(words) >= 2 and words[-1] == head and all(m in words[:-1] for m in modifiers) \
                and not any(w in lx.DETERMINERS or w in lx.GLUE or w in lx.CUE_VERBS or w.endswith("ing")
                            for w in words[:-1])

        found = self._last_unquoted(_INTRODUCED_SOURCE, max(0, mention.start - _SOURCE_LOOKBACK),
                                    mention.start, introduces)
        return self._body_at(found.start(1), found.group(1), "anonymous") if found is not None else None

    def _definite(self, mention: Mention) -> Speaker:
        """"the minister": the speaker whose role names it, else an unnamed source of its own."""
        speaker = self._by_role(mention.name, titles.office_of(mention.role, mention.name), mention.role)
        if speaker is None:
            described = self._described_before(mention)
            if described is not None and described.kind == "person":
                return self._person(described)
            if described is not None:
                return self._by_alias.get(("anonymous", alias_key(described.name))) or self._new(described)
        role = mention.role or ""
        described_more = role != mention.name and role.lower().endswith(" " + mention.name.lower())
        if speaker is None and (not role or role == mention.name or described_more):
            # "A Western official said … The official said": that source, not a new one; "A
            # former U.S. official said … the former official said": every word of the
            # description in its name
            modifiers = tuple(role.lower().split()[:-1]) if described_more else ()
            speaker = self._same_source(f"the {mention.name}", modifiers)
        if speaker is None and mention.name.lower() in _SOURCE_HEADS \
                and (not role or role.lower().endswith(mention.name.lower())):
            # "A State Department spokesperson declined to comment. … “…,” the spokesperson said":
            # the source the text described, though it did not speak there
            speaker = self._source_described(mention)
        if speaker is None:
            name = f"the {mention.role or mention.name}"
            phrase = self.text[mention.start:mention.end].split() if self.text else []
            if (mention.organisation or "of" in phrase[2:3]) and 3 <= len(phrase) <= 8 \
                    and phrase[0].lower() == "the":
                # "the chairman of the Conservative Party", "the head of the police's internal
                # investigators": whose office it is, kept
                name = f"the {' '.join(phrase[1:])}"
            speaker = self._by_alias.get(("anonymous", alias_key(name))) or self._new(Mention(
                mention.start, mention.end, "anonymous", name, organisation=mention.organisation))
        return speaker

    def _last_person_described(self, mention: Mention) -> Speaker | None:
        """"For the last scene, Chandor asked the cast to improvise. “…,” the director said": a
        description of a person ("the director", "the 35-year-old actor") that no speaker's role
        and no earlier phrase of the text matches is the person named last as the subject of a
        frame, when that was just before (and had no other role given). Words for an unnamed
        source ("the official", "the spokesman") are left to mean someone else."""
        last = self.last_person
        head = mention.name
        if last is None or last.role or head in lx.ANON_HEADS or not self.text \
                or not 0 <= mention.start - self.last_person_at <= _EPITHET_REACH \
                or mention.organisation and not self._introduced_as(last.name, mention):
            # ("The chairman of the Conservative Party" after Keir Starmer: an office of a body
            # the text never gave him)
            return None
        gender = "f" if head in _FEMALE_NOUNS else "m" if head in _MALE_NOUNS else None
        if gender is not None and last.gender not in (None, gender):
            return None
        if self._described_before(mention) is not None:
            return None
        if head in _PUBLIC_OFFICES and not self._titled_so(last, head):
            return None  # ("Trump said … The regional governor said": an office he was never given)
        if gender is not None:
            last.gender = gender
        last.add_role(mention.role)
        return last

    def _epithet_of_quoted(self, mention: Mention) -> Speaker | None:
        """"“…,” Rubio said. ¶ “…,” the top U.S. diplomat said": a description of a person's post
        or trade that no one in the story was introduced with, right after a quotation of one
        person with nobody else named between, is that person's epithet, when it suits what the
        text has made of them (their gender, party and the posts it gave them)."""
        last, text = self.last_person, self.text
        if last is None or not text or not 0 <= mention.start - self.last_person_at <= _EPITHET_REACH:
            return None
        if _stop_before(text, mention.start) < self.last_person_at and "\n" not in text[
                self.last_person_at:mention.start]:
            return None  # ("Tomlinson says the PM has made it clear …": someone in their words)
        head = mention.name.lower()
        phrase = text[mention.start:mention.end]
        top = _TOP_POST.match(phrase) is not None
        if phrase[:4].lower() != "the " or _OF_A_BODY.search(phrase) or mention.organisation \
                or not (head in lx.POSITION_HEADS or _person_word(head) or top) or head in lx.DOCUMENT_NOUNS \
                or head.endswith("s") and head not in lx.POSITION_HEADS \
                or head in lx.ANON_HEADS and not top:
            return None  # ("the official said": an unnamed source of its own)
        gender = "f" if head in _FEMALE_NOUNS or head == "lady" else "m" if head in _MALE_NOUNS else None
        if gender is not None and last.gender not in (None, gender) or _role_clash(last.role, head) \
                or self._tagged_other_party(last.name, head) \
                or _other_office(last.role, mention) or _portfolio_clash(mention.role, last.role) \
                or head in _PUBLIC_OFFICES and not self._titled_so(last, head):
            return None
        named = self._person_named_before(mention.start)
        if named is not None and named.start > self.last_person_at \
                and alias_key(named.name) != alias_key(last.name) \
                and last.name.split()[-1] not in named.name.split():
            return None  # (someone else named since: the description may be theirs)
        if gender is not None:
            last.gender = gender
        last.add_role(mention.role)
        return last

    def _tagged_other_party(self, name: str, party: str) -> bool:
        """Does the text tag the person, where it first names them in full, with a party other
        than ``party`` ("Rep. Adam Schiff, a Democrat, …" is not "the Ohio Republican")?"""
        at = self.text.find(name)
        return at >= 0 and self.of_other_party(Mention(at, at + len(name), "person", name), party)

    def _titled_so(self, person: Speaker, office: str) -> bool:
        """Does the text give ``person`` the ``office`` (or its abbreviation) right before or
        after a place that names them ("Gov. Eric Holcomb", "Holcomb, the governor")?"""
        pattern = _OFFICE_PATTERNS[office]
        surname = person.name.rsplit(None, 1)[-1]
        text = self.text
        for pos in self._positions(surname, limit=10, whole=True):
            start = max(text.rfind(". ", max(0, pos - 60), pos) + 1, pos - 60, 0)
            stop = text.find(". ", pos, pos + len(surname) + 60)
            end = stop if stop >= 0 else min(len(text), pos + len(surname) + 60)
            if pattern.search(text, start, end):  # (in the sentence that names them)
                return True
        return False

    def _introduced_as(self, name: str, mention: Mention) -> bool:
        """Did the text, before ``mention``, give ``name`` (by its last word) right after the
        head of the definite ``mention`` ("Justice Samuel Alito" for "the justice")?"""
        head = mention.name
        if not self.text or not head.isalpha():
            return False
        surname = name.split()[-1]
        window = self.text[max(0, mention.start - _DESCRIBED_LOOKBACK):mention.start]
        office = titles.office_of(mention.role, head)
        for match in _described_patterns(head)[0].finditer(window):
            if match.group(1).split()[-1].rstrip("’'s") == surname \
                    and _fits_office(window[max(0, match.start() - 12):match.start()], head, office):
                return True
        return False

    def _described_before(self, mention: Mention) -> Mention | None:
        """"the director" with no quoted speaker of that role: the person the text introduced
        with it ("director J.C. Chandor", "J.C. Chandor, the director"), or the unnamed one it
        described ("a female officer" for "the officer"), whichever came last before it."""
        head = mention.name
        if not self.text or not head.replace("-", "").isalpha():
            return None
        window_start = max(0, mention.start - _DESCRIBED_LOOKBACK)
        window = self.text[window_start:mention.start]
        best: tuple[int, Mention] | None = None
        office = titles.office_of(mention.role, head)
        for match in _described_patterns(head)[0].finditer(window):
            if not _fits_office(window[max(0, match.start() - 12):match.start()], head, office):
                continue  # ("Vice President Kamala Harris" is not "the president")
            if _portfolio_clash(mention.role, window[max(0, match.start() - 30):match.end()]):
                continue  # ("the health minister" is not "Civil Aviation Minister Hardeep Puri")
            toks = tokens(window, match.start(1), match.end(1))
            if toks and possessive(toks[-1]):
                toks[-1] = Tok(base_word(toks[-1]), toks[-1].start, toks[-1].start + len(base_word(toks[-1])))
            names = toks[_name_run(toks, window):]
            if names:
                best = (match.start(), Mention(mention.start, mention.end, "person", _join(window, names),
                                               role=office or mention.role or head))
        #: Where a named person's appositive gives the description ("Ana Lopes, the foreign
        #: minister"): the description there is that person's, not someone unnamed.
        appositives: list[tuple[int, int]] = []
        for match in _described_patterns(head)[1].finditer(window):
            if not _fits_office(window[match.end(1):match.end() - len(head)], head, office) \
                    or _portfolio_clash(mention.role, window[match.end(1):match.end()]):
                continue
            toks = tokens(window, match.start(1), match.end(1))
            names = toks[_name_run(toks, window):]
            if _join(window, names).lower() in lx.GOVERNMENT_SEATS or names and names[-1].low in lx.ORG_HEADS:
                continue  # ("… to cover the White House, the new press secretary announced": no name)
            if len(names) >= 2:
                appositives.append((match.end(1), match.end()))
            if len(names) >= 2 and (best is None or match.start() > best[0]):
                best = (match.start(), Mention(mention.start, mention.end, "person", _join(window, names),
                                               role=office or mention.role or head))
        if head in titles.PARTY_NOUNS:
            # "Sen. Ted Cruz, R-Texas, …" for "the Texas Republican": the party tag says who
            for match in titles.party_tag_pattern(head).finditer(window):
                if _place_clash(mention.role or "", window[match.end(1):match.end()]):
                    continue  # ("the Kentucky Republican" is not "Adam Kinzinger, an Illinois Republican")
                toks = tokens(window, match.start(1), match.end(1))
                names = toks[_name_run(toks, window):]
                if names and (best is None or match.start() > best[0]):
                    best = (match.start(), Mention(mention.start, mention.end, "person",
                                                   _join(window, names), role=mention.role))
        for match in _described_patterns(head)[2].finditer(window):
            if self.quoted is not None and self.quoted(window_start + match.start()):
                continue
            if match.group(1) != head and (best is None or match.start() > best[0]) \
                    and _fits_office(match.group(1)[:-len(head)], head, office) \
                    and not _portfolio_clash(mention.role, match.group(1)) \
                    and not any(a <= match.start() and match.end() <= b for a, b in appositives):
                # (not "the GOP nominee" for "the Democratic nominee")
                best = (match.start(), Mention(mention.start, mention.end, "anonymous", match.group(1)))
        return best[1] if best is not None else None

    def _handle_was_person(self, want: str) -> Speaker | None:
        """"“…,” ScreamMyName told me. … “…,” he says": with nobody else for "he" to mean, a
        one-word name taken for a company's (a camel-cased handle no list knows) is a person."""
        lone = self.last_any
        if lone is None or lone.kind != "organisation" or " " in lone.name \
                or lone.index in self._described_orgs \
                or lone.name.lower() in lx.ORG_NAMES or not _CAMEL_NAME.fullmatch(lone.name):
            return None
        lone.kind, lone.gender = "person", want
        self.last_org = None if self.last_org is lone else self.last_org
        self._by_alias.setdefault(("person", alias_key(lone.name)), lone)
        self._seen(lone)
        return lone

    def _seen(self, speaker: Speaker) -> None:
        self.last_any = speaker
        if speaker.kind == "person":
            self.last_person = speaker
            self.recent.pop(speaker.index, None)
            self.recent[speaker.index] = speaker
            # A speaker's gender only changes just before it is seen: file it under its gender now.
            for by_gender in self._recent_by_gender.values():
                by_gender.pop(speaker.index, None)
            self._recent_by_gender.setdefault(speaker.gender, {})[speaker.index] = speaker
            self._clock += 1
            self._seen_at[speaker.index] = self._clock
        elif speaker.kind == "organisation":
            self.last_org = speaker
        elif speaker.kind == "anonymous":
            gender = one_person(speaker.name)
            if gender is not None:
                # "The mayor's spokeswoman said … Later, she said …": one unnamed person is who a
                # later "she" may mean, as a named one is (not "officials", not "the ministry")
                for by_gender in self._recent_by_gender.values():
                    by_gender.pop(speaker.index, None)
                speaker.gender = speaker.gender or (gender or None)
                self._recent_by_gender.setdefault(speaker.gender, {})[speaker.index] = speaker
                self._clock += 1
                self._seen_at[speaker.index] = self._clock

    def _named_in_sources_sentence(self, unnamed: Speaker, want: str, pos: int) -> Speaker | None:
        """"A former producer described an interview with Ailes in 1975, in which he said: “…”":
        a person of the pronoun's gender named after an unnamed source of no known gender, in the
        pronoun's own sentence, when the pronoun opens a relative clause about that person's
        words ("in which he said"; not "A witness described how Tom Hale fell, and he said")."""
        since = self._seen_pos.get(unnamed.index, pos)
        if not 0 < pos - since <= 300 or not self.text \
                or _RELATIVE_BEFORE.search(self.text, max(0, pos - 20), pos) is None:
            return None
        stop = self.text.rfind(". ", since, pos)
        if stop >= 0 or "\n" in self.text[since:pos]:
            return None  # (the source's sentence only)
        found = self._named_mention_before(pos, want, since + 1)
        if found is None or found.start <= since or found.kind != "person":
            return None
        return self._person(found)

    def _named_since(self, unnamed: Speaker, want: str, pos: int) -> Speaker | None:
        """"“…,” an official said. … Mrs Thatcher had not been impressed … “I agree,” she said":
        an unnamed source of no known gender is a weaker antecedent than a person of the
        pronoun's gender, already quoted, whom the text names again after that source spoke."""
        by_gender = self._recent_by_gender.get(want)
        since = self._seen_pos.get(unnamed.index, pos)
        if not by_gender or not 0 < pos - since <= _NAMED_SINCE_REACH:
            return None
        person = by_gender[next(reversed(by_gender))]
        if person.kind != "person":
            return None
        surname = person.name.rsplit(None, 1)[-1]
        at = self.text.find(surname, since, pos)
        after = self.text[at + len(surname):at + len(surname) + 1]
        return person if at >= 0 and not after.isalpha() else None

    def _latest_recent(self, want: str) -> Speaker | None:
        """The person quoted last whose gender is ``want`` or not known."""
        best: Speaker | None = None
        for gender in (None, want):
            by_gender = self._recent_by_gender.get(gender)
            if by_gender:
                candidate = by_gender[next(reversed(by_gender))]
                if best is None or self._seen_at[candidate.index] > self._seen_at[best.index]:
                    best = candidate
        return best

    def _by_role(self, head: str, office: str | None = None, role: str | None = None) -> Speaker | None:
        """The latest speaker whose role names ``head`` ("minister" in "Foreign Minister"), as
        the office it is ("vice president" for ``office``; a "Vice President" is not "the
        president"), and of the same portfolio when ``role`` names one ("the health minister"
        is not the Civil Aviation Minister)."""
        indexed = self._latest_by_role_word.get(head)
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if indexed is not None and speaker.index < indexed.index:
                break
            if speaker.role and _starts_word_in(head, speaker.role.lower()) \
                    and titles.holds_office(speaker.role.lower(), head, office):
                return None if _portfolio_clash(role, speaker.role) else speaker
        if indexed is not None and indexed.role \
                and not titles.holds_office(indexed.role.lower(), head, office):
            return None
        if indexed is not None and _portfolio_clash(role, indexed.role):
            return None
        return indexed

    def _text_acronyms(self) -> dict[str, str]:
        """The acronyms the text defines, with the names they stand for (read once a story)."""
        if self._acronyms is None:
            self._acronyms = _defined_acronyms(self.text)
        return self._acronyms

    def _office_by_acronym(self, mention: Mention) -> Speaker | None:
        """"The MEC emphasised" after "MEC for Cooperative Governance …, Jacob Mamabolo, said":
        an office written as an acronym after "the" is the person quoted last whose role opens
        with it, when the text defines no body by that acronym."""
        name = mention.name
        if not (2 <= len(name) <= 5 and name.isupper() and name.isalpha()) \
                or self.text[max(0, mention.start - 4):mention.start + 4].lower().find("the ") < 0:
            return None
        if name in self._text_acronyms():
            return None
        # The names the text gives the office as an appositive, in the stretch before the mention
        window = self.text[max(0, mention.start - _OFFICE_LOOKBACK):mention.start]
        introduced = {m.group(1) for m in re.finditer(
            rf"\b{name}(?: (?:for|of) [^.;“”\"]{{0,80}})?, ((?:[A-Z][\w’'.-]*[ ]){{1,3}}[A-Z][\w’'-]+)",
            window)}
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker.kind != "person" or " " not in speaker.name:
                continue
            # The acronym is the office itself, not the body a post belongs to ("FAA spokesman
            # Paul Takemoto" is not "the FAA"): the role is the acronym, or what it is of or for
            role = (speaker.role or "").split()
            if role[:1] == [name] and (len(role) == 1 or role[1] in _OFFICE_COMPLEMENTS):
                return speaker
            if speaker.name in introduced:
                return speaker  # (the office before the name, as an appositive: "MEC for …, Jacob Mamabolo")
        return None

    def _campaign_of(self, mention: Mention) -> Mention:
        """Whose campaign "his campaign" or "the campaign" is: the candidate's surname before it
        ("the Harris campaign" named before, or the last man quoted for "his"), as the text
        would name it ("Trump campaign"); the mention as it is when none is known."""
        text = self.text
        owner = text[max(0, mention.start - 1):mention.end].split(None, 1)[0].lower().strip(" ")
        named = None
        for match in _NAMED_CAMPAIGN.finditer(text, max(0, mention.start - _ORG_LOOKBACK), mention.start):
            if self.quoted is None or not self.quoted(match.start()):
                named = match
        if owner in ("his", "her"):
            want = "m" if owner == "his" else "f"
            person = self._latest_recent(want)
            if person is not None and person.kind == "person":
                return replace(mention, name=f"{person.name.split()[-1]} campaign")
            if named is None:  # ("Harris visited Raleigh. … , her campaign said": no one quoted yet)
                found = self._named_mention_before(mention.start, want)
                if found is not None and " " in found.name:  # (a name in full: not "Helene" the storm)
                    return replace(mention, name=f"{found.name.split()[-1]} campaign")
        if named is not None and owner in ("the", "campaign", "his", "her", "their"):
            return replace(mention, name=f"{named.group(1)} campaign")
        return mention

    def _channel_owner(self, mention: Mention) -> Mention:
        """"The hotel's website estimated …", "Acme's website says …": the owner of the channel,
        found as "the hotel" or "Acme" would be."""
        phrase = self.text[mention.start:mention.end]
        if _ITS_CHANNEL.fullmatch(phrase):
            # "According to its website, …": the body "its source" would belong to
            owner_name = self._its_owner(mention.start)
            return mention if owner_name is None else \
                Mention(mention.start, mention.end, "organisation", owner_name)
        match = _OWNED_CHANNEL.fullmatch(phrase)
        if match is None:
            return mention
        owner = match.group("owner")
        owned = parse_before(owner, tokens(owner, 0, len(owner)))
        if owned is None or owned.kind not in ("organisation", "person"):
            return mention
        # (a lone name's channel is a body's: "Acme" is no Mr Acme; "Tom Hale's blog" is his)
        kind = "person" if owned.kind == "person" and " " in owned.name else "organisation"
        return Mention(mention.start, mention.end, kind, owned.name, organisation=owned.organisation)

    def _place_office_holder(self, mention: Mention) -> Mention:
        """"Chelyabinsk's governor", "Russia's foreign minister": an office of a place, which is the
        person the text quoted before with that office's title ("Regional governor Boris
        Dubrovsky"), unless that title names another place ("US Foreign Minister …")."""
        match = _PLACE_OFFICE.fullmatch(mention.name)
        if match is None:
            return mention
        place, office_words = match.group(1), match.group(2)
        head = office_words.rsplit(None, 1)[-1]
        if head not in lx.POSITION_HEADS or head in lx.ANON_HEADS:
            return mention
        found = self._by_role(head, titles.office_of(office_words, head))
        if found is None:
            described = next((s for s in reversed(self.speakers[-_ROLE_LOOKBACK:]) if s.kind == "anonymous"
                              and s.name.lower().removeprefix("the ").startswith(f"{head} of ")
                              and place in s.name), None)
            if described is not None:
                # "The president of Haiti’s transitional council said … “…,” Haiti’s interim
                # president said": the one the text described so before (and may name later)
                return Mention(mention.start, mention.end, "anonymous", described.name,
                               role=office_words, organisation=described.organisation)
        if found is None or found.kind != "person" or not found.role:
            return mention
        other_places = [w for w in found.role.split()[:-1] if w[:1].isupper() and w.lower() not in
                        office_words.split() and w.lower() not in titles.OFFICE_MODIFIERS
                        and w.lower() not in _LEVELS_OF_OFFICE and not _portfolio_word(w.lower())]
        if other_places and place not in found.role:
            return mention  # ("Russia's foreign minister" is not the "US Foreign Minister")
        return Mention(mention.start, mention.end, "definite", head, role=office_words,
                       organisation=mention.organisation)

    def _by_legislator(self, mention: Mention) -> Speaker | None:
        """"The lawmaker", "the congressman": the latest person quoted with a legislator's title
        ("Rep. Jane Doe", "Senator Tom Ruiz"), of the gender the word gives."""
        if mention.name not in _LEGISLATOR_WORDS:
            return None
        gender = "f" if mention.name.endswith("woman") else "m" if mention.name.endswith("man") else None
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker.kind == "person" and speaker.role \
                    and speaker.gender in (None, gender or speaker.gender) \
                    and not _LEGISLATOR_TITLES.isdisjoint(speaker.role.lower().replace(",", " ").split()):
                return speaker
        if not self.text:
            return None
        # one the text titled so, though not quoted yet: "Representative Raja Krishnamoorthi wrote …
        # “…,” the congressman said"
        found = None
        for match in _TITLED_LEGISLATOR.finditer(self.text, max(0, mention.start - _DESCRIBED_LOOKBACK),
                                                 mention.start):
            if self.quoted is None or not self.quoted(match.start()):
                found = match
        if found is None:
            return None
        named = Mention(found.start(1), found.end(1), "person", found.group(1),
                        role=found.group(0).split()[0])
        person = self._person(named)
        if gender is not None and person.gender not in (None, gender):
            return None
        person.gender = person.gender or gender
        return person

    def _titled_doctor(self, mention: Mention) -> Speaker | None:
        """"“…,” said Dr. Ana Lopes. … “…,” the doctor added": the person quoted last whom the
        text titled "Dr." before the mention."""
        if mention.name not in ("doctor", "physician") or not self.text:
            return None
        before = self.text[:mention.start]
        for speaker in reversed(self.speakers[-_ROLE_LOOKBACK:]):
            if speaker.kind != "person":
                continue
            surname = speaker.name.rsplit(None, 1)[-1]
            if re.search(rf"\bDr\.?[ ](?:[A-Z][\w.’'-]*[ ](?:(?:{_PARTICLE_ALTERNATION})[ ]){{0,2}}){{0,3}}"
                         rf"{re.escape(surname)}(?![\w’'-])", before):
                return speaker
        return None

    def _by_sister_title(self, mention: Mention) -> Speaker | None:
        """"The foreign minister" where the text named Mexico's Foreign Secretary: a minister is
        a secretary of the same portfolio (and back), when the portfolio's word is in both."""
        other = _SISTER_TITLES.get(mention.name)
        qualifier = (mention.role or "").lower().split()[:-1]
        if other is None or not qualifier:
            return None
        found = self._by_role(other)
        if found is not None and found.role and all(w in found.role.lower() for w in qualifier):
            return found
        return None

    def _index_role(self, speaker: Speaker) -> None:
        if not speaker.role:
            return
        for word in _ROLE_WORD.findall(speaker.role.lower()):
            latest = self._latest_by_role_word.get(word)
            if latest is None or latest.index < speaker.index:
                self._latest_by_role_word[word] = speaker

    def _person(self, mention: Mention) -> Speaker:
        words = mention.name.split()
        if len(words) == 1 and self.text and (
                generation := self._younger_or_elder(words[0], mention.start)) is not None:
            mention = replace(mention, name=generation)  # ("The younger Trump said": Donald Trump Jr.)
            words = mention.name.split()
        key = alias_key(mention.name)
        found = self._by_alias.get(("person", key))
        if found is not None and len(words) == 1 and " " in found.name and self.text:
            newcomer = self._introduced_bearer_since(words[0], found, mention.start)
            if newcomer is not None:
                return self._person(newcomer)  # "Sean Liu … Liu Longzhu, a lawyer, … Liu said"
        if found is None and len(words) == 1 and mention.gender:
            # (a surname quoted last of the other gender: see below)
            found = self._latest_by_word.get(words[0].casefold())
            found = found if found is not None and found.gender not in (None, mention.gender) else None
        if len(words) == 1 and mention.gender and (found is None or found.gender
                                                     and found.gender != mention.gender):
            # "Mr. Clinton said … Mrs. Clinton said": the bearer of the surname of that gender
            other = self._bearer_of_gender(words[0], mention.gender, mention.start)
            if other is not None:
                return other
            found = None
        if found is None:
            # "Peskov" is the Dmitry Peskov quoted before; "Dmitry Peskov" is the Peskov quoted
            # before (who then keeps the full name). The most recently added wins.
            last = words[-1].casefold()
            if len(words) == 1:
                found = self._latest_by_word.get(last)
                newcomer = self._introduced_bearer_since(words[0], found, mention.start) \
                    if found is not None and self.text and " " in found.name else None
                if newcomer is not None:
                    return self._person(newcomer)
                if found is not None and self.text and " " in found.name:
                    principal = self._first_bearer(words[0], found, mention.start)
                    if principal is not None:
                        return self._person(principal)
            else:
                singles = self._single_by_word.get(last)
                while singles and " " in singles[-1].name:
                    singles.pop()  # named in full since: no longer a bare surname
                found = singles[-1] if singles else None
                if found is not None and self._named_otherwise(found, words, mention.start):
                    found = None  # "Trump" quoted after "Donald Trump" is not the "Eric Trump" now named
            if found is not None and len(words) > 1:
                found.name = mention.name
                self._index_words(found)
        if found is None:
            found = self._new(mention)
        if len(words) == 1 and self.text and " " not in found.name and self.text[
                mention.start:mention.end].split(None, 1)[0].lower() in _GIVEN_NAME_TITLES:
            self._given_names.add(found.index)  # "Sir Keith": a first name, not a surname
        found.aliases.add(key)
        self._by_alias[("person", key)] = found
        found.add_role(mention.role)
        if mention.gender and not found.gender:
            found.gender = mention.gender
        if mention.gender and not found.stated_gender:
            found.stated_gender = mention.gender  # ("the president … Mr. Trump said": the title's)
        if not found.gender and self.text:
            found.gender = self._surname_gender(words[-1])
        if mention.organisation and not found.organisation:
            found.organisation = mention.organisation
        return found

    def _younger_or_elder(self, surname: str, pos: int) -> str | None:
        """"The younger Trump said" where the text names Donald Trump Jr. and, of that surname,
        no one but his father (or introduces one son or daughter of the name, "his son, Andrew
        Giuliani"); "the elder Trump" where it names one man of the name without a suffix: the
        full name of that generation the text gives before ``pos``, None when it gives none or
        several. The names of a surname are read once a text, within the story's budget."""
        lead_in = _YOUNGER_OR_ELDER.search(self.text, max(0, pos - 14), pos)
        if lead_in is None:
            return None
        names = self._generations.get(surname)
        if names is None:
            self._search_left -= len(self.text)
            if self._search_left < 0:
                return None
            names = self._generations[surname] = _generations_of(self.text, surname)
        suffixed = {n for at, n, kind in names if at < pos and kind == "suffixed"}
        plain = {n for at, n, kind in names if at < pos and kind == "plain"}
        if lead_in.group(1).lower() == "younger":
            fathers = {n.rsplit(None, 1)[0] for n in suffixed}
            # (not "Eric Trump … with his brother Donald Trump Jr.": a junior and another)
            found = suffixed if plain <= fathers else set()
            found = found or {n for at, n, kind in names if at < pos and kind == "child"}
        else:
            found = plain
        return found.pop() if len(found) == 1 else None

    def _introduced_bearer_since(self, word: str, known: Speaker, pos: int) -> Mention | None:
        """Another person of the surname ``word`` whom the text introduced (the full name, then
        an appositive) since ``known`` was last named and within a pronoun's reach before
        ``pos``: "Liu Longzhu, a California lawyer, …" after Sean Liu was quoted."""
        since = max(self._seen_pos.get(known.index, -1) + 1, pos - 2 * _PRONOUN_LOOKBACK)
        found = None
        known_words = set(alias_key(known.name).split()) - {word.casefold()}
        for match in _introduced_names(word, self.text, max(0, since), pos):
            words = match.group(1).split()
            other = words[1] if words[0] == word else words[0]
            if other.lower() in lx.NOT_NAMES or _lexical(other.lower()) or other.lower() in lx.DETERMINERS \
                    or other.casefold() in known_words or _CAPITALISED_BEFORE.search(
                        self.text, max(0, match.start() - 30), match.start()):
                continue  # ("If Rubio, …", "Asm Kamal Rahman, …": no other person of the name)
            if _KINSHIP_BEFORE.search(self.text, max(0, match.start() - 20), match.start()):
                continue  # ("… beside their daughter, Ashley Biden, who …": the family's surname
                # alone still names the one the story is about)
            found = match
        if found is None or (self.quoted is not None and self.quoted(found.start(1))) \
                or ("person", alias_key(found.group(1))) in self._by_alias:
            return None  # (a bearer quoted since is a speaker of their own: "Trump" stays Donald)
        return Mention(found.start(1), found.end(1), "person", found.group(1))

    def _bearer_of_gender(self, surname: str, gender: str, pos: int) -> Speaker | None:
        """The person of ``surname`` whose gender is ``gender``: one already quoted, else the one
        the text names before ``pos`` with a first name of that gender ("Hillary Clinton" for
        "Mrs. Clinton" in a story that quoted Mr. Clinton)."""
        for speaker in reversed(self.speakers):
            if speaker.kind == "person" and speaker.gender == gender \
                    and speaker.name.rsplit(None, 1)[-1].casefold() == surname.casefold():
                return speaker
        if not self.text:
            return None
        given = lx.FEMALE_FIRST_NAMES if gender == "f" else lx.MALE_FIRST_NAMES
        text = self.text
        for at in self._positions(" " + surname, limit=20):
            if at >= pos:
                break
            end = at + 1 + len(surname)
            if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue
            before = text[max(0, at - 30):at].rsplit(None, 1)
            prev = before[-1] if before else ""
            if prev[:1].isupper() and prev.isalpha() and prev.casefold() in given \
                    and (self.quoted is None or not self.quoted(at)):
                return self._new(Mention(at - len(prev), end, "person", f"{prev} {surname}", gender=gender))
        return None

    def _first_bearer(self, surname: str, latest: Speaker, pos: int) -> Mention | None:
        """"Donald Trump arrived … His daughter Ivanka Trump introduced him. “…,” she said. “…,”
        Trump said": a bare surname two people of the text bear is the one the text named
        first (the others it calls by first name), not the one quoted last, when the text
        introduced that one as a relative ("his daughter", "his wife,")."""
        given = latest.name.split()[0].casefold()
        if latest.name.split()[-1] != surname or not _known_first_name(given):
            return None
        text = self.text
        introduced = text.find(latest.name)
        first = latest.name.split()[0]
        after = len(first)
        alone = next((at for at in self._positions(first, limit=10)
                      if not text[at - 1:at].isalnum() and not text[at + after:at + after + 1].isalnum()), -1)
        if not any(at >= 0 and _KINSHIP_BEFORE.search(text, max(0, at - 30), at) is not None
                   for at in (introduced, alone)):
            # (only a relative introduced so: "Ron Johnson" is no kin of "Mike Johnson"; "his
            # sons, James and Lachlan" introduces James Murdoch by his first name)
            return None
        for at in self._positions(" " + surname, limit=10):
            if at >= pos:
                return None
            end = at + 1 + len(surname)
            if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue  # a longer word
            before = text[max(0, at - 30):at].rsplit(None, 1)
            prev = before[-1] if before else ""
            low = prev.casefold()
            if low == given:
                return None  # the one quoted last is the one named first
            if prev[:1].isupper() and prev.isalpha() and _known_first_name(low) \
                    and (self.quoted is None or not self.quoted(at)):
                return Mention(at - len(prev), end, "person", f"{prev} {surname}")
        return None

    def _named_otherwise(self, single: Speaker, words: list[str], pos: int) -> bool:
        """Did the text, before ``pos``, give the surname of ``single`` (a speaker quoted by
        surname alone) with another first name than ``words`` has? Then the bare surname meant
        that person ("Former President Donald Trump … “…,” Trump said … His brother, Eric Trump,
        said"), and the full name now met is someone else."""
        surname, given = words[-1], words[0].casefold()
        text = self.text
        for at in self._positions(" " + surname, limit=10):
            if at >= pos:
                break
            end = at + 1 + len(surname)
            if end < len(text) and (text[end].isalnum() or text[end] in "-"):
                continue  # a longer word
            before = text[max(0, at - 30):at].rsplit(None, 1)
            prev = before[-1] if before else ""
            low = prev.casefold()
            if prev[:1].isupper() and prev.isalpha() and low != given and _known_first_name(low):
                return True
            initialled = _GIVEN_AND_INITIAL_BEFORE.search(text, max(0, at - 30), at + 1)
            if initialled is not None and initialled.group(1).casefold() != given \
                    and _known_first_name(initialled.group(1).lower()):
                return True  # ("Robert F. Kennedy Jr.'s nomination … Caroline Kennedy": someone else)
        return False

    def _new(self, mention: Mention) -> Speaker:
        name = mention.name
        if mention.kind == "organisation" and name[:4].lower() == "the ":
            name = name[4:]
        if mention.kind == "organisation":
            # "The Investigative Committee and the Federal Security Service": each without "the"
            name = _AND_THE_NAME.sub(" and ", name)
        if mention.kind == "anonymous" and name[:6].lower() == "other " and len(name) > 6:
            name = name[6:]  # "Other critics contended": the critics
        if mention.kind == "anonymous":
            name = _OUTLET_TAIL.sub("", _without_owner(name)) or name
            # "a senior Homeland Security official in a written statement shared with VOA": the
            # official, not how the words came
            name = _HOW_SAID_TAIL.sub("", name) or name
        if mention.kind in ("anonymous", "organisation"):
            kind_named = _KIND_NAMED.fullmatch(name) or _KIND_BEFORE_NAME.fullmatch(name)
            if kind_named is not None:
                name = kind_named.group(1)  # "the Morrison Foerster law firm": Morrison Foerster
        if name.endswith(("s’", "s'")) and len(name) > 2:
            name = name[:-1]  # "according to Moody’s Analytics’ forecast": Moody’s Analytics
        speaker = Speaker(len(self.speakers), name, mention.kind, mention.role,
                          mention.organisation, {alias_key(name)}, gender=mention.gender,
                          stated_gender=mention.gender)
        self.speakers.append(speaker)
        self._by_alias.setdefault((speaker.kind, alias_key(name)), speaker)
        if speaker.kind == "person":
            self._index_words(speaker)
        return speaker

    def _organisation_named(self, mention: Mention) -> Mention:
        """A person's mention that names an organisation: "Tinder says", "according to Garmin",
        where the text never gives the word a first name, a title or a gender and uses it as a
        company's ("Tinder users", "Garmin launched its…"), or names it as an organisation
        elsewhere ("dating app Tinder"): one name is one speaker of one kind in a story. A
        surname the text gives no such use ("McGregor said") stays a person."""
        name = mention.name
        if mention.gender is not None or mention.role:
            return mention
        if " " in name:
            company = not sk.known_first_name(name.split(None, 1)[0].lower()) \
                and ("person", alias_key(name)) not in self._by_alias and self._used_like_company(name)
        else:
            key = alias_key(name)
            if name.casefold() in self._latest_by_word or ("person", key) in self._by_alias \
                    or self._named_in_full(name):
                return mention  # a person of that name was quoted or named in full
            company = ("organisation", key) in self._by_alias or sk.lone_name_is_organisation(
                "", name, False) or self._used_like_company(name)
        if not company:
            return mention
        return Mention(mention.start, mention.end, "organisation", name)

    def _used_like_company(self, name: str) -> bool:
        """sk.used_like_company, once per name, within the story's budget of characters to search."""
        found = self._company_names.get(name)
        if found is None:
            found = False
            if self._search_left > 0:
                self._search_left -= len(self.text)  # (at most one pass over the text)
                found = sk.used_like_company(self.text, name)
            self._company_names[name] = found
        return found

    def _one_kind_per_name(self) -> None:
        """A one-word name quoted as an organisation and, elsewhere in the story, as a person
        with nothing of a person's (no gender, role, first name) is the organisation."""
        orgs = {alias_key(s.name) for s in self.speakers if s.kind == "organisation"}
        if not orgs:
            return
        for speaker in self.speakers:
            if speaker.kind == "person" and " " not in speaker.name and speaker.gender is None \
                    and not speaker.role and alias_key(speaker.name) in orgs \
                    and not self._named_in_full(speaker.name):
                speaker.kind = "organisation"

    def _index_words(self, speaker: Speaker) -> None:
        words = {w.casefold() for w in speaker.name.split()}
        for word in words:
            latest = self._latest_by_word.get(word)
            if latest is None or latest.index < speaker.index:
                self._latest_by_word[word] = speaker
        if len(words) == 1 and " " not in speaker.name:
            self._single_by_word.setdefault(next(iter(words)), []).append(speaker)
