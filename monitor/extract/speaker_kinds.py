"""Is a named speaker a person or an organisation, and which words can be a name at all?

A capitalised word before a cue reads like a surname ("Hale said"), but a story names companies,
apps and outlets the same way ("Tinder says", "according to Garmin"). What tells them apart is
how the rest of the text uses the word: a company has users, customers and an app, launches
"its" products and has a CEO; a person is given a first name or a title somewhere. The shape of
a name says it too: "TechCrunch" and "FedEx" (capitals inside the word), "K9 Rescue" (a digit),
"Android Headlines" (an outlet's word at the end, no first name before it).

The functions here read words (anything with ``word`` and ``low``, as
:class:`~monitor.extract.speakers.Tok`) and the story's text; :mod:`monitor.extract.speakers`
calls them where it decides a speaker's kind, name and role.
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


#: Occupations written as a title before a name ("Developer Lemi Orhan Ergin", "Designer Ana
#: Ruiz"): the role, not a first name. Trades that are common surnames (Baker, Cook, Mason,
#: Porter, Taylor, Smith) are left out: "Baker Mayfield" is a name.
OCCUPATIONAL_TITLES = lx.word_set(
    "developer developers designer programmer coder engineer analyst researcher scientist "
    "economist strategist consultant entrepreneur investor founder co-founder cofounder "
    "photographer filmmaker director producer writer author novelist journalist reporter "
    "columnist editor blogger podcaster streamer youtuber influencer creator artist "
    "illustrator animator musician composer singer rapper comedian actor actress chef "
    "architect lawyer attorney professor lecturer teacher doctor nurse surgeon physician "
    "psychologist therapist pharmacist veterinarian coach trainer athlete player manager "
    "executive officer technician mechanic clerk cashier"
)

#: Words that open a sentence and can never be (part of) a speaker's name or role: possessive
#: determiners ("My review unit…"), a pronoun run into a verb ("Here's how…"), question words.
_NEVER_NAMES = lx.word_set(
    "my your our their his her its whose mine yours ours theirs "
    "here's here’s there's there’s that's that’s it's it’s what's what’s let's let’s "
    "who's who’s where's where’s how's how’s "
    "how what why where when which who whom"
)


#: Words that never open a noun phrase, so a phrase they open names no speaker: prepositions and
#: conjunctions ("To find the menu, you'll see a message telling you…" has no speaker "To").
#: Words that are also given names or surnames ("Will", "May", "Young") are left out.
_NO_NOUN_PHRASE = lx.word_set(
    "to for from with without by at in on of into onto upon about after before since until "
    "unless if although though because while whereas whether and but or nor yet than via"
)


def opens_no_noun_phrase(low: str) -> bool:
    """True for a preposition or conjunction: a phrase it opens is not a speaker's name."""
    return low in _NO_NOUN_PHRASE


def never_a_name(low: str) -> bool:
    """True for words that cannot be a speaker's name or open their role ("My", "Here's")."""
    return low in _NEVER_NAMES


def role_start(pre: Sequence[Word]) -> int:
    """Where the role begins in the words before a name: after the last word that cannot be in
    one ("Here's how Cookie King": no role; "the developer": all of it)."""
    start = 0
    for k, tok in enumerate(pre):
        if tok.low in _NEVER_NAMES:
            start = k + 1
    return start


def occupational_title(low: str) -> bool:
    """A word for an occupation that, capitalised before a full name, is its title."""
    return low in OCCUPATIONAL_TITLES


# -- the shape of a name ------------------------------------------------------------------------

#: Starts of surnames and given names written with a capital inside ("McGregor", "DeShawn",
#: "LeBron", "DiCaprio", "MacKenzie", "O'Neill"): a person's, not a brand's camel case.
_NAME_PREFIXES = frozenset(["mc", "mac", "de", "di", "da", "du", "le", "la", "van", "von", "o", "d",
                            "ja", "ke", "sha", "ta", "fitz", "st", "al", "el", "ben", "abu"])
_INNER_CAPITAL = re.compile(r"^([A-Za-z]+?)[A-Z][a-z]")
_DOMAIN = re.compile(r"^[\w-]+\.(?:com|org|net|io|co|ai|app|tv|fm|me|gg|dev)$", re.IGNORECASE)
#: Last words of an outlet's name ("Android Headlines", "Tech Times", "Daily Insider").
_OUTLET_ENDINGS = lx.OUTLET_WORDS | lx.word_set(
    "headlines insider digest weekly today report reports times crunch wired gizmodo verge"
)


@lru_cache(maxsize=8192)
def camel_case(word: str) -> bool:
    """"TechCrunch", "FedEx", "YouTube": a capital after lower-case letters, which brands use
    and names do only after a prefix ("McGregor", "DeShawn")."""
    word = word.rstrip("'’s") if word.endswith(("'s", "’s")) else word
    match = _INNER_CAPITAL.match(word)
    if match is None or not word[:1].isupper():
        return False
    return match.group(1).lower().rstrip("'’") not in _NAME_PREFIXES


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def company_shaped_word(word: str) -> bool:
    """A word no person is called: camel case, a domain ("kottke.org"), letters and digits
    mixed ("K9", "3M")."""
    if camel_case(word) or _DOMAIN.match(word):
        return True
    return _DIGIT.search(word) is not None and not word.isdigit() and any(ch.isalpha() for ch in word)


def organisation_shaped(words: list[str]) -> bool:
    """A name of several capitalised words that is not a person's: one of its words is shaped
    like a brand's, or it ends in an outlet's word with no known first name before it
    ("Android Headlines")."""
    if not words:
        return False
    for word in words:
        if company_shaped_word(word):
            return True
    first = words[0].lower()
    return len(words) >= 2 and words[-1].lower() in _OUTLET_ENDINGS and not known_first_name(first)


def known_first_name(low: str) -> bool:
    return low in lx.FEMALE_FIRST_NAMES or low in lx.MALE_FIRST_NAMES


# -- how the text uses a name -------------------------------------------------------------------

#: Nouns a company's name modifies or owns: "Tinder users", "an Aflac policyholder",
#: "Aflac's press release", "Garmin's cycling computer lineup". Not the words a politician's
#: name takes too ("a Starmer spokesman", "Trump supporters", "the Biden administration", "the
#: Trump brand"), nor "Smith's account" (of what happened).
_OWNED_NOUNS = (
    "users?|customers?|subscribers?|policyholders?|shoppers|apps?|platform|services?|devices?|"
    "products?|phones?|smartphones?|laptops?|stores?|shareholders|stock|shares|employees|"
    "headquarters|HQ|CEO|engineers|servers|software|hardware|lineup|line-up|data leak|"
    "data breach|press release|press materials|earnings|subscriptions?|dashboard|support page|"
    "help page|terms of service|privacy policy"
)
_MODIFIED_NOUNS = _OWNED_NOUNS + "|accounts?|website"
#: Words that end the phrase a possessive opens: "Smith's lawyers said customers…" is no
#: "Smith's … customers".
_NOT_BETWEEN = (
    r"(?!(?:said|says|told|tells|and|or|but|the|a|an|to|of|that|is|was|were|are|has|had|have|"
    r"will|would|could|can|may|in|on|at|for|with|from|by|as|when|after|before|who|which|not|"
    r"also)\b)"
)
#: Verbs a company does to what is its own: "Garmin recently launched its latest…".
_OWN_VERBS = (
    "launched|launches|released|releases|unveiled|unveils|introduced|introduces|debuted|debuts|"
    "rolled out|rolls out|updated|updates|shipped|ships|discontinued|discontinues|rebranded|"
    "rebrands|redesigned|redesigns"
)
#: Words for an organisation directly before its name ("smart glasses company Solos"). Not
#: "developer" or "publisher", which are people too ("game developer Ana Ruiz").
_ORG_KIND_BEFORE = (
    "company|firm|startup|start-up|brand|app|platform|outlet|website|publication|insurer|"
    "retailer|carrier|airline|provider|manufacturer|studio|giant|chain"
)
#: Heads of an appositive that make its name an organisation ("Rocky's K9 Rescue, one of the
#: Facebook pages", "Magic Clement (a Facebook clearing house for …)"): the last word of the
#: appositive's noun phrase (not "a company spokesman", "the company's founder").
_ORG_APPOSITIVE_HEADS = (
    "company|companies|firm|firms|startup|start-up|brand|page|pages|account|accounts|"
    "outlet|outlets|site|sites|website|websites|publication|publications|platform|app|service|"
    "insurer|retailer|provider|manufacturer|studio|giant|network|chain|charity|"
    "nonprofit|non-profit|organisation|organization|channel|blog|newsletter|"
    "clearing ?house|publishing house|fashion house|media house"
)
_PHRASE_END = (
    r"(?=[,;.:)]|[ ](?:for|that|which|whose|with|based|in|from|run|owned|known|behind|"
    r"dedicated|of)\b)"
)


# The patterns do not hold the name: each is matched at one occurrence of it, anchored at the
# name's end (what follows it) or ending at its start (what precedes it). Compiled once, they cost
# nothing per name; compiling seven patterns for every new name was most of the time spent on
# real news text.
_OWN = r"(?:'s|’s)"
#: What may not come right before a name the patterns after it are read for.
_WORD_BEFORE = re.compile(r"[\w.’'-]")
_AFTER_NAME = (
    # "Tinder users", "an Aflac policyholder", "Tinder Pro subscribers"
    re.compile(rf"(?:[ ][A-Z][\w-]*){{0,2}}[ ](?:{_MODIFIED_NOUNS})\b"),
    # "Aflac's press release", "Garmin's cycling computer lineup", "Tinder’s ID Check feature"
    re.compile(rf"{_OWN}(?:[ ]{_NOT_BETWEEN}[\w-]+){{0,3}}?[ ](?:{_OWNED_NOUNS})\b"),
    # "Garmin recently launched its latest…": only a thing is "its"
    re.compile(rf"(?:[ ][a-z]+ly)?[ ](?:has |had |have )?(?:{_OWN_VERBS})[ ]its\b"),
    # "Rocky's K9 Rescue, one of the Facebook pages that…", "Magic Clement (a Facebook
    # clearing house for …)", "Solos, a smart glasses company,"
    re.compile(rf"(?:,|[ ]\()[ ]?(?:one of the|a|an|the)[ ]"
               rf"(?:{_NOT_BETWEEN}[\w-]+[ ]){{0,3}}?(?:{_ORG_APPOSITIVE_HEADS}){_PHRASE_END}"),
    # "kottke.org", "Tinder.com"
    re.compile(r"\.(?:com|org|net|io|co|ai|app)\b"),
)
_BEFORE_NAME = (
    # "engineers at Cloudflare", "head of trust at Tinder"
    re.compile(r"\b(?i:employees|engineers|researchers|executives?|staff|workers|developers|"
               r"analysts|managers?|director|scientists|designers|spokesperson|"
               r"[a-z]+ of [a-z]+(?: and [a-z]+)?) at \Z"),
    # "smart glasses company Solos", "dating app Tinder"
    re.compile(rf"\b(?:{_ORG_KIND_BEFORE})[ ]\Z"),
)
#: The name ends a word there, and for "engineers at X" is not X's own ("at Tinder's").
_NAME_ENDS = re.compile(r"\b")
_NAME_ENDS_NOT_OWNING = re.compile(rf"\b(?!{_OWN})")


def _used_so_at(text: str, pos: int, end: int) -> bool:
    """Is the occurrence of a name at ``text[pos:end]`` used as a company's, read within a
    window of ``_BEFORE`` characters before it and ``_AFTER`` after it?"""
    lo, hi = max(0, pos - _BEFORE), end + _AFTER
    if (pos == lo or not _WORD_BEFORE.match(text, pos - 1)) and any(
            p.match(text, end, hi) for p in _AFTER_NAME):
        return True
    if _BEFORE_NAME[0].search(text, lo, pos) and _NAME_ENDS_NOT_OWNING.match(text, end, hi):
        return True
    return bool(_BEFORE_NAME[1].search(text, lo, pos) and _NAME_ENDS.match(text, end, hi))


#: How much text either side of a name its use is read from, and at how many places.
_BEFORE, _AFTER, _PLACES = 60, 90, 40


def used_like_company(text: str, name: str) -> bool:
    """Does the text use ``name`` the way it uses a company, an app or an outlet? Read around
    the first places it occurs (a window each side), so that the cost follows the name's
    occurrences, not the text's length."""
    if not name:
        return False
    pos = text.find(name)
    places = 0
    while pos >= 0 and places < _PLACES:
        places += 1
        end = pos + len(name)
        if not text[end:end + 1].isalnum() and _used_so_at(text, pos, end):
            return True
        after = _CAPITALISED_AFTER.match(text, end)
        if after is not None and after.group(1).lower() in lx.CORPORATE_WORDS:
            # "American Airlines", "Acme Technologies": a company's name opens with it (not "the
            # Trump Organization", "Harris County": a body named after a person or a place)
            return True
        pos = text.find(name, end)
    return False


#: The capitalised word right after a name ("American| Airlines").
_CAPITALISED_AFTER = re.compile(r"[ ]([A-Z][a-z]+)\b")


def lone_name_is_organisation(text: str, name: str, named_as_person: bool) -> bool:
    """A one-word speaker ("Tinder", "Garmin", "TechCrunch") is an organisation when no
    honorific, first name or title comes with it anywhere (``named_as_person`` is False), it is
    no known first name, and its shape, a list of outlets or the way the text uses it says
    so. A surname with none of these ("McGregor said") stays a person."""
    if " " in name or named_as_person or not name[:1].isupper():
        return False
    low = name.lower()
    if known_first_name(low):
        return False
    if company_shaped_word(name) or low in lx.OUTLET_NAMES or low in lx.ORG_NAMES:
        return True
    return used_like_company(text, name)


def name_is_organisation(text: str, words: list[str]) -> bool:
    """A name of several words read as a person's ("Android Headlines", "K9 Rescue", "Magic
    Clement") that is an organisation's: by its shape, or, when it opens with no known first
    name, by the way the text uses it."""
    if len(words) < 2:
        return False
    if organisation_shaped(words):
        return True
    return not known_first_name(words[0].lower()) and used_like_company(text, " ".join(words))


def coordinated_possessive(toks: Sequence[Word]) -> bool:
    """"Nvidia and AMD’s added frames": a possessive after "and"/"or" owns what follows; it is
    never the subject of a cue ("AMD's added" as "AMD has added" needs "have" after "and")."""
    if len(toks) < 3:
        return False
    last = toks[-1].low
    return last.endswith(("'s", "’s")) and toks[-2].low in ("and", "or", "&")


def after_model_number(toks: Sequence[Word], i: int) -> bool:
    """"Microsoft 365 Personal adds…": a capitalised word after a product's name and number is
    part of the product's name, not a speaker."""
    if i < 2:
        return False
    number, product = toks[i - 1], toks[i - 2]
    return number.word.isdigit() and product.word[:1].isupper() and product.low not in lx.NOT_NAMES
