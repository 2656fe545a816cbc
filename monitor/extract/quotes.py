"""Who said what: quotes and their speakers from plain English news text.

:func:`extract_quotes` reads a text in three steps.

1. **Layout** (:mod:`monitor.extract.marks`): paragraphs, quotation spans (straight or curly,
   across paragraphs, recovered when a mark never closes) and sentences that never split a quote.
2. **Frames**: every speech cue outside a quote (``said``, ``told``, ``according to``…) with the
   speaker phrase before or after it, the outlet (``told CBS``) and where a reported clause starts.
   Participles continue the sentence's speaker (``…, saying …``, ``with the Kremlin confirming…``).
3. **Sieves**, most precise first; each claims quotes the earlier ones left:
   ``direct`` (a quote next to its frame; ``headline`` in a headline), ``colon`` (``Peskov: “…”``),
   ``partial`` (quoted words inside an attributed sentence), ``reported`` (``X said that…``),
   ``trailing`` (``…, X told CBS.``), ``parenthetical`` (``The museum, the mayor said, would…``),
   ``according_to``, ``carry_over`` (a paragraph that is only a
   quote), and ``unattributed``.

Speakers are then resolved in reading order (:class:`~monitor.extract.speakers.SpeakerBook`), so
pronouns and short names point at the person quoted before them. Every regex here is linear:
no nested repetition, and the work done per cue is bounded by a fixed window of text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from monitor.extract import lexicon as lx
from monitor.extract.lexicon import word_set
from monitor.extract.marks import (
    Span,
    close_spaced_marks,
    paragraphs,
    quote_spans,
    sentences,
    split_run_together,
    two_mark_quotes,
)
from monitor.extract.speaker_kinds import occupational_title
from monitor.extract.speakers import (
    TIME_LEADS,
    Mention,
    Speaker,
    SpeakerBook,
    Tok,
    base_word,
    classify,
    document_author,
    known_first_name,
    leads_to_person,
    np_word,
    one_person,
    parse_after,
    parse_before,
    possessive,
    silent_after,
    strip_adverbs,
    titled_somewhere,
    tokens,
)
from monitor.extract.titles import is_org_title, org_before_title
from monitor.model.quotes import ExtractedQuote

#: Speech verbs in the base form, cues only before "that" after a plural subject ("Critics argue
#: that …").
_BASE_FORM_CUES = (r"(?:note|add|caution|concede|emphasi[sz]e|stress|argue|warn|acknowledge|admit|claim"
                   r"|contend|maintain|recall|explain|agree|complain|observe|predict|allege|assert|respond"
                   r"|testify|declare|deny|suggest|confirm|reiterate|announce|conclude|remark|reply|write"
                   r"|report)")
#: How far before a cue the speaker's noun phrase may start, and after it the reported clause.
_WINDOW = 200
#: A speaker's noun phrase is at most this long (before the cue, after its last comma).
#: Cues that name what something is ("called the plan “reckless”"): their content is the naming.
_NAMING_CUES = word_set("called calls call described describes dubbed branded labelled labeled labels "
                        "characterized characterizes characterised characterises "
                        "termed terms calling describing dubbing branding labelling labeling "
                        # "rejected these accusations as “patently false,”": what they were rejected as
                        "rejected rejects dismissed dismisses denounced denounces condemned condemns")
#: A reason or a time after the naming, or a comma: the writer's, not part of what was called.
_REASON_AFTER = re.compile(r"\s*(?:,|;|—|–|\(|(?:because|after|when|since|while|before|as|although|though"
                           r"|even|until|despite)\b)")
#: What a participle cue governs when it reports no clause: "warning of …", "arguing about …".
_NOUN_OBJECT_AFTER = re.compile(r"\s+(?:of|about|against|over|for)\s")
#: What makes the next word a noun: a possessive or a determiner right before it ("the
#: president’s claims", "his remarks", "the reports").
_NOUN_BEFORE = re.compile(r"(?:\w['’]s|s['’]|\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]n?|[Tt]hese"
                          r"|[Tt]hose))\s+$")
#: ", without evidence, that ": a short aside set off by commas between a cue and its "that".
_ASIDE_THEN_THAT = re.compile(r",[ \t]+([^,.;:!?“”\"«»()\n]{2,70}),[ \t]+that[ \t]+")
_SUBJECT_WINDOW = 100
#: Words that open a sentence's phrase before its subject, never a name: "Like Britain, …".
_LIST_OPENERS = frozenset(["like", "besides", "alongside", "unlike", "beyond", "within", "including",
                           "excluding", "except", "outside", "inside"])
#: One item of a list of names before a cue: "Britain", " Frederick W. Kagan" (capitalised words).
_LIST_ITEM = re.compile(r"\s*(?:The[ ])?[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}\s*")
#: Sentences longer than this are not searched for reported speech (quotes still are).
_MAX_SENTENCE = 3000
#: Any speech cue (the cue list as a prefix tree), "according to", "signs off" (a live blog's
#: last words: `McGregor signs off: “…”`, or "signs off:" ending a paragraph whose next one is the
#: quote; the paragraph is searched alone, so its end stands for the quote), "thought to
#: himself" before a quote (words in the mind, quoted as said), "pointed out that" or a reply
#: ("shot back that", "fired back, “…”", "chimed in"), or what a paragraph ending in a colon
#: introduces ("laid out the premise for his turn:"), or a statement named before a colon ("issued
#: a statement: “…”", "has issued the following statement:", "made a surprising announcement on
#: Friday:", "had this to say:").
CUE_PATTERN = re.compile(
    r"\b(?:[Aa]ccording to"
    # "Per the decree, …" opening a sentence (not "Per capita", "per cent")
    r"|(?<![\w,] )Per(?= (?!capita\b|se\b|annum\b|cent\b)[\w“\"])"
    r"|sign(?:s|ed|ing)? off(?=:?\s*$|[:,] *[\"“])"
    r"|thought to (?:him|her)self(?=:?\s*$|[:,] *[\"“])|point(?:s|ed|ing)? out(?= that\b|,| (?:it|he|she|they"
    r"|we|there)\b)"
    # A participle opening a sentence: "Arguing that voters are just now tuning in, Patrick …"
    r"|(?:Saying|Arguing|Insisting|Claiming|Warning|Asserting|Alleging|Declaring)(?= )"
    # "As one user put it, “…”", "“…,” as Smith put it."
    r"|put it(?=[,:]?\s*[\"“]|\s*[.,;]|\s*$)"
    r"|(?:shot|shoots|fired|fires|hit|hits) back(?= that\b|\s*[.,:;]|\s*[\"“])"
    r"|chimed in(?= that\b|\s*[.,:;]|\s*[\"“])"
    r"|(?:made|makes|make|making) (?:it )?clear(?= that\b| (?:he|she|they|it|we|I)\b)"
    r"|(?:laid|lays|set|sets|summed|sums) (?:out|up)(?=[^.\n“”\"]{0,60}:[ \t]*(?:\n|$))"
    r"|(?:made|makes|making) the case(?= that\b)"
    r"|(?:issued|issues|issuing|released|releases|releasing|made|makes|making|posted|posts|gave|gives"
    r"|delivered|delivers|put out|puts out|sent|sends) (?:a|an|the following) (?:[a-z-]+ ){0,2}?"
    r"(?:statement|announcement|warning|message|response|reply|explanation|update|plea|assessment|verdict)"
    r"(?=[^.\n“”\"]{0,60}:[ \t]*(?:[\"“]|\n|$))"
    # "a spokesman had this to say about the film: “…”"
    r"|(?:had|has|have) (?:this|the following) to say(?=[^.\n“”\"]{0,80}:[ \t]*(?:[\"“]|\n|$))"
    # what a document's words do ("“…,” the statement read.", "the email began: “…”")
    r"|(?:read|reads|began|begins)(?=[.,:;])"
    # "“…,” read the ruling.": the document after its verb, once the quotation has closed
    r"|(?<=[,”\"] )(?:read|reads)(?= (?:the|a|an|its|his|her|their) (?:[\w’'-]+ ){0,4}?(?:"
    + lx.word_alternation(lx.DOCUMENT_NOUNS) + r")\b)"
    # a plural subject's present before "that" ("Other former officials note that …"), looked
    # ahead for first so that the lookbehinds run only where one stands; not after an article or a
    # possessive ("a note that …") nor a modal ("readers will note that …"); after "to" only
    # where "went on to" or "was quick to" comes before it, as the frame reads
    r"|(?=" + _BASE_FORM_CUES + r" that\b)"
    r"(?<![Aa] )(?<![Tt]he )(?<!his )(?<!her )(?<!its )(?<!their )(?<!our )(?<!my )(?<!your )"
    r"(?<!will )(?<!would )(?<!\bmay )(?<!might )(?<!\bcan )(?<!could )(?<!should )(?<!must )"
    + _BASE_FORM_CUES +
    # (a relative clause after a noun is no statement: "a police note that was filed …")
    r"(?= that\b(?! (?:was|were|is|are|had|has|have|will|would|could|can|may|might|should|must)\b)"
    r"(?! [a-z]+ed\b))|"
    + lx.word_alternation(lx.CUE_VERBS)
    + r")\b"
)
_OPEN_MARKS = "“\"„«‘'‚‟"
#: Adverbs that open an appositive about the person named before ("now a Trump critic").
_APPOSITIVE_ADVERBS = frozenset(["now", "then", "once", "formerly", "still", "also", "himself", "herself",
                                 "currently", "later"])
_PASSIVE = frozenset(["is", "was", "are", "were", "be", "been", "being"])
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
#: A quotation closing right before a place: "…,” according to".
_CLOSING_QUOTE_BEFORE = re.compile(r"[”\"][,]?[ ]$")
#: "In Dr. Shadlen's words, …", "In the words of one official, …" (the comma closes it).
#: "In his view, …", "In the opinion of most economists, …": a view reported, read the same way.
_IN_WORDS = re.compile(r"(?<![\w-])[Ii]n (?:the (?P<noun>words|view|opinion|estimation) of "
                       r"(?P<of>[^,;:“”\"]{2,80})"
                       r"|(?P<owner>his|her|their|[^,;:“”\"]{2,60}?[’']s?) (?:own )?"
                       r"(?P<noun2>words|view|opinion|estimation|assessment|judgment|judgement)),")
#: What every match of ``_IN_WORDS`` holds: a cheap test before the costlier search.
_IN_WORDS_HINT = re.compile(r"(?:words|view|opinion|estimation|assessment|judge?ment)(?:,| of )")
#: "documents seen by Reuters": the outlet that read a document, before the cue of its content.
_SEEN_BY = re.compile(r"\b(?:seen|obtained|reviewed|viewed|acquired|examined) by ")
#: Naming cues whose passive names the speaker after "by" ("was called “reckless” by …").
_PASSIVE_NAMING = word_set("called described dubbed branded labelled labeled denounced condemned "
                           "dismissed rejected")
#: "by" before the agent of a passive cue, after the quoted words (an adverbial may come first:
#: "called “reckless” on Monday by …" is rare; the plain order is the one taken).
_BY_AGENT = re.compile(r"\s*by\s+")
#: Words right before a cue that say it was not said ("did not say", "never claimed").
_NEGATIONS = frozenset(["not", "never", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't",
                        "wouldn't", "won't", "couldn't", "cannot", "can't", "isn't", "wasn't"])
#: "could have said", "should have called": what was not said.
_MODALS_OF_WHAT_WAS_NOT = frozenset(["could", "should", "would", "might", "must"])
# A clause has a finite verb: without one, "announced further production cuts" is an object.
_FINITE = word_set(
    "is are was were will would can could may might must shall should has have had do does did "
    "won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't wouldn't "
    "couldn't shouldn't cannot won’t can’t isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t doesn’t "
    "didn’t wouldn’t couldn’t shouldn’t it’s there’s "
    "it's there's rose fell said told went came took made gave found saw knew "
    "thought began grew left lost won ran paid met kept held brought felt became sent spent "
    "needs wants remains seems appears means plans intends expects believes knows thinks "
    # irregular past tenses ("said the strike hit a depot", "ruled the agency broke the law")
    "hit struck broke fought sought bought caught taught built meant stood understood chose "
    "spoke wrote drove threw fled led sold heard hid shook stole swore drew flew withdrew "
    "overstepped misled forgot overran outran overtook undertook underwent",
    # more irregular pasts ("residents said the noise woke them up"); none that is also a common
    # noun or adjective ("ground", "wound", "lit", "spread")
    "woke awoke rang sang sank swam drank ate blew bled dealt dug fed forgave froze got grew hung "
    "lent rode sought shone shot slept slid spat sprang stuck stung strode swept swung tore wore "
    "wept won't began"
)
#: Cues that hardly ever take a noun phrase as their object: after them a present-tense verb in
#: "-s" ("says the country deserves better") is enough to show a clause.
_CLAUSE_CUES = word_set("said says say saying added adds insisted insists argued argues stressed stresses "
                        "warned warns arguing insisting claiming alleging alleges argue insist warn claim "
                        "admit told tells noted notes wrote writes explained explains acknowledged "
                        "acknowledges conceded concedes predicted predicts stated states")
#: Words after which an "-s" word is a noun, not a verb ("a few words to reporters").
_NOT_AFTER_VERB = word_set("to and or of for in on at with by from as than")

#: Words after a plural that describe it rather than say what it does ("sources close to …").
_POSTMODIFIER_WORDS = word_set("close familiar who that which there here now alike both all too")
#: Prepositions of place and time: "said prayers over the body" is no "prayers" doing anything.
_PLACE_WORDS = word_set("over during like about across through into onto upon without within "
                        "against among around behind beside between beyond near off outside "
                        "inside under underneath")
#: Plurals that are said, not sayers: "said prayers", "said thanks", "said goodbyes".
_SAID_THINGS = word_set("prayers thanks goodbyes words things lines farewells vows grace")


#: Verbs that end as adverbs do: "the rules apply", "families rely on".
_LY_VERBS = frozenset(["apply", "rely", "reply", "supply", "comply", "imply", "multiply", "fly"])
#: Determiners of a plural subject: "the rules apply", "those efforts include".
_PLURAL_DETERMINERS = frozenset(["the", "these", "those", "some", "many", "most", "their", "its", "our",
                                 "his", "her", "such", "all", "both", "several", "other"])


def _plural_present(toks: list[Tok]) -> bool:
    """A plural subject and a verb in the present: "Scots deserve better", "families need help",
    and after a determiner and an adjective "the rules apply", "those efforts include" (not
    "sources close to the minister", whose second word describes the first); an adverb of
    frequency may stand between them ("many young Americans also find …")."""
    if len(toks) < 3:
        return False
    if toks[0].low in _PLURAL_DETERMINERS and toks[0].word.islower():
        return any(_noun_then_present_at(toks, at)
                   and all(t.word.isalpha() and t.word.islower() and not t.low.endswith("s")
                           for t in toks[1:at])
                   for at in (1, 2))
    if _noun_then_present_at(toks, 0):
        return True
    # "young Americans find …": an adjective before the plural
    return toks[0].word.isalpha() and toks[0].word.islower() and not toks[0].low.endswith(("s", "ing")) \
        and toks[0].low not in lx.DETERMINERS and toks[0].low not in lx.ADVERBIAL_PREPOSITIONS \
        and toks[0].low not in lx.GLUE and toks[0].low not in lx.CUE_VERBS and _noun_then_present_at(toks, 1)


def _noun_then_present_at(toks: list[Tok], at: int) -> bool:
    """A plural noun at ``at`` and its verb in the present right after it or after an adverb of
    frequency ("Americans often say")."""
    if at + 1 >= len(toks):
        return False
    if _noun_then_present(toks[at], toks[at + 1]):
        return True
    return at + 2 < len(toks) and toks[at + 1].low in _FREQUENCY_ADVERBS \
        and _noun_then_present(toks[at], toks[at + 2])


def _noun_then_present(noun: Tok, verb: Tok) -> bool:
    """A plural noun, then a verb in the present ("families need", "rules apply")."""
    return noun.low.endswith("s") and not noun.low.endswith(("ss", "us", "'s", "’s")) and len(noun.low) > 3 \
        and noun.low not in lx.DETERMINERS \
        and verb.word.isalpha() and verb.word.islower() \
        and (not verb.low.endswith(("s", "ly", "ing", "ed")) or verb.low in _LY_VERBS) \
        and verb.low not in _NOT_AFTER_VERB and verb.low not in lx.DETERMINERS \
        and verb.low not in _POSTMODIFIER_WORDS and noun.low not in lx.TIME_WORDS \
        and verb.low not in lx.ADVERBIAL_PREPOSITIONS and verb.low not in _PLACE_WORDS \
        and noun.low not in _SAID_THINGS


def _described_subject_verb(toks: list[Tok]) -> bool:
    """Do the words (from a determiner) open with a described subject and its verb: "the case
    highlights", "the agency delayed", "the new law will"? The verb comes within four words,
    before any preposition; an "-s" word after a plural ("the claims") is no verb."""
    for j in range(2, min(len(toks), 5)):
        word, prev = toks[j], toks[j - 1]
        if not word.word.islower() or word.low in _NOT_AFTER_VERB:
            return False
        if word.low in _FINITE or word.low.endswith("ed") and len(word.low) > 4 \
                or word.low in _CLAIM_VERBS and not prev.low.endswith("s") and not possessive(prev) \
                or word.low.endswith("s") and j >= 3 and (prev.low in _ADVERBS_BEFORE_VERB
                                                          or prev.low.endswith("ly")):
            return True  # (an "-s" word after "only", "also", "-ly" is a verb: "the plan only helps")
    return False


_ADVERBS_BEFORE_VERB = word_set("only also still now even just already often never always")


#: Present verbs in "-s" by which a thing makes a claim ("said the case highlights that …"); any
#: other "-s" word after a determiner is more likely a plural ("said a few words that moved …").
_CLAIM_VERBS = word_set("highlights shows means suggests proves underlines underscores reflects "
                        "demonstrates remains needs requires puts makes gives leaves raises "
                        "represents marks sends poses deserves risks threatens")


_DETERMINERS = word_set("the a an his her their its my our your this these those")


def _present_verb(toks: list[Tok]) -> bool:
    """A present-tense verb in "-s" after the subject's first word: "the country deserves", "Labour
    wants" (not a last word, nor one before a preposition: "said a few words to reporters")."""
    for j in range(1, len(toks) - 1):
        low = toks[j].low
        if toks[j].word.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) \
                and len(low) > 3 and (toks[j + 1].low not in _NOT_AFTER_VERB
                                      or toks[j + 1].low == "to" and low in _CATENATIVES
                                      or _named_subject_before(toks, j)) \
                and not possessive(toks[j - 1]) \
                and toks[j - 1].low not in _DETERMINERS:  # ("the reasons his campaign failed")
            return True
    return False


def _named_subject_before(toks: list[Tok], j: int) -> bool:
    """Is the word before ``toks[j]`` a name or a subject pronoun (an adverb between allowed): "said
    Trump lies about taxes", "said AI often learns from …", where a plural noun before a
    preposition ("said a few words to reporters") follows a determiner instead?"""
    k = j - 1
    if k > 0 and toks[k].low in _FREQUENCY_ADVERBS:
        k -= 1
    return k == 0 and (toks[0].word[:1].isupper() and toks[0].low not in _DETERMINERS
                       or toks[0].low in ("he", "she", "it", "they"))


#: Adverbs of frequency between a subject and its verb ("Trump often lies").
_FREQUENCY_ADVERBS = word_set("often also still usually now always never rarely sometimes already")
#: Verbs in "-s" before "to" and a verb ("his farm stands to lose", "the city plans to appeal").
_CATENATIVES = word_set("stands plans wants needs hopes seems appears intends continues expects threatens "
                        "aims tends refuses tries fails vows pledges")
#: Conjunctions that, before a participle ("said when asked whether …", "said while visiting"),
#: open an adverbial after a cue, never the reported clause itself.
_SUBORDINATORS = word_set("when while whilst because although though since unless until whereas")
#: Cues after which a reported clause may start without "that" ("Kirby said Russia had…").
_ZERO_THAT = frozenset(["made clear", "makes clear", "make clear", "made it clear", "makes it clear",
                        "making clear", "making it clear", "pointed out", "points out"]) | word_set(
    "saying adding warning confirming claiming arguing insisting alleging alleges "
    "said says say told tells added adds insisted insists argued argues warned warns stressed "
    "stresses explained explains confirmed confirms announced announces wrote writes tweeted "
    "tweets predicted predicts noted notes acknowledged acknowledges claimed claims conceded concedes "
    "admitted admits suggested suggests suggesting promised promises complained complains "
    "lamented laments boasted boasts cautioned cautions stated states declared declares alleged "
    "maintained maintains concluded concludes commented asserted asserts reiterated reiterates "
    "emphasized emphasizes emphasised emphasises contended contends underlined underscored "
    "reaffirmed reaffirms",
    # (only before a clause with a finite verb near its start: "denied the allegations" is an object)
    "denied denies indicated indicates estimated estimates",
    # the present of a plural subject: "U.S. officials admit the program has failed"
    "admit argue insist warn claim note acknowledge concede explain stress predict confirm announce "
    # (and what documents a plural names do: "Shipping records indicate his companies were …")
    "indicate suggest show",
    # promises: "Trump vowed he would bring down inflation"
    "vowed vows pledged pledges",
    # (weak: only before a clause that opens with a subject and its verb, see _WEAK_ZERO_THAT)
    "revealed reveals clarified clarifies",
)
#: Cues that report a clause without "that" only when a finite verb follows within a few words
#: ("denies the two explosions are related", not "denied the allegations in a statement shared").
_FINITE_CLAUSE_CUES = word_set("denied denies indicated indicates estimated estimates")


def _subject_then_finite(toks: list[Tok], past: bool = False, text: str = "") -> bool:
    """Do the words open with a short subject and its finite verb ("the two explosions are
    related", "68 people were missing"), not an object before another clause ("the allegations
    and was later cleared", "all claims that he was slain", "having anything to do with it")?
    With ``past``, a verb in "-ed" counts too, unless a preposition follows it (a participle:
    "a letter signed by", "reports filed in court"). Given the ``text``, an aside set off by
    commas after the subject is passed over ("the new region, to be called Bangsamoro, would")."""
    aside_end = -1
    skipped = 0
    for j, tok in enumerate(toks[:12]):
        if j and text and "." in text[toks[j - 1].end:tok.start]:
            return False  # a sentence's end the splitter missed ("a homicide. #BlackLivesMatter has")
        if tok.start < aside_end:
            skipped += 1
            continue
        if j and text and text[tok.start - 2:tok.start] == ", " and tok.start != aside_end + 2:
            close = text.find(", ", tok.start, tok.start + 60)
            if close > 0:
                aside_end = close
                skipped += 1
                continue
        if j and toks[j - 1].word[:1].isupper() and (
                tok.word[:1].isupper() and tok.word.isalpha()
                or tok.low in ("of", "and", "for") and j + 1 < len(toks) and toks[j + 1].word[:1].isupper()) \
                and all(t.word[:1].isupper() or t.low in lx.DETERMINERS or t.low in ("of", "and", "for")
                        for t in toks[:j]):
            skipped += 1  # one name, however long, as the subject: "the United States Department
            continue  # of Justice was" (not "a new treaty, though Mr Putin is")
        k = j - skipped
        if k >= (8 if toks[0].low in ("both", "either", "neither") else 6):
            return False
        if k and tok.low in _FINITE and tok.word.islower():
            if tok.low in _PARTICIPLES_TOO and j + 1 < len(toks) and toks[j + 1].low == "by":
                continue  # "the release of three prisoners held by Belarus": a participle
            return True
        if k and tok.word.islower() and toks[0].low not in lx.DETERMINERS and tok.low.endswith("s") \
                and not tok.low.endswith(("ss", "us", "is", "'s", "’s")) and len(tok.low) > 3 \
                and toks[j - 1].word[:1].isupper() \
                and (j + 1 == len(toks) or toks[j + 1].low not in _NOT_AFTER_VERB):
            return True  # "predicts President Trump wins re-election": a name, then its verb
        if past and k and tok.word.islower() and tok.low.endswith("ed") and len(tok.low) > 3 \
                and (j + 1 == len(toks) or toks[j + 1].low not in _PARTICIPLE_PREPOSITIONS
                     or toks[j + 1].low == "to" and tok.low in _CATENATIVES_PAST):
            return True  # ("the purchase appeared to circumvent …": a verb and its infinitive)
        if tok.low in ("and", "or", "of") and toks[0].low in ("both", "either", "neither"):
            continue  # "both production and export of oil had been disrupted": one subject
        if tok.low == "of" and j == 1 and (toks[0].low in _QUANTIFIERS or toks[0].word.isdigit()):
            continue  # "most of the deceased suffocated": a share of a group as the subject
        if k and tok.low in ("in", "on", "for", "about", "with", "of") and j + 1 < len(toks) \
                and (toks[j + 1].low in lx.DETERMINERS or toks[j + 1].word[:1].isupper()) \
                and toks[j - 1].word.isalpha() and toks[j - 1].low not in _FINITE:
            continue  # "the ingredients in the sprays are …": a noun's phrase inside the subject
        if tok.low in ("and", "or", "that", "to", "which", "who", "of", "in", "on", "for", "about", "with") \
                or tok.low.endswith("ing") and not (j and toks[j - 1].low in lx.DETERMINERS):
            return False  # (but "the landing at Fath … was": a noun in "-ing" after its article)
    return False


def _reported_subject_then_finite(text: str, start: int, end: int) -> bool:
    """After "reported" with no "that": a subject and its verb, past tenses in "-ed" too ("reported
    the plane crashed"), but not another cue ("reported the call recalled that …": the one who
    reported, then what the call's witness recalled)."""
    ahead = tokens(text, start, min(end, start + 160))
    if any(t.low in lx.CUE_VERBS for t in ahead[1:6]):
        return _subject_then_finite(ahead[:8])
    return _subject_then_finite(ahead, past=True, text=text)


def _unbracketed(text: str, toks: list[Tok]) -> list[Tok]:
    """The words not inside parentheses (an acronym spelled out, an aside)."""
    if len(toks) < 2 or text.find("(", toks[0].end, toks[-1].start) < 0:
        return toks
    kept, depth = [toks[0]], 0
    for before, tok in zip(toks, toks[1:], strict=False):
        gap = text[before.end:tok.start]
        depth = max(0, depth + gap.count("(") - gap.count(")"))
        if not depth:
            kept.append(tok)
    return kept


#: Past tenses before "to" and a verb ("appeared to circumvent", "wanted to leave").
_CATENATIVES_PAST = word_set("appeared seemed wanted planned tried failed continued refused managed agreed "
                             "decided needed hoped expected intended threatened vowed pledged aimed tended")
#: Words for a share of a group before "of" ("most of the deceased").
_QUANTIFIERS = word_set("most many some all none several few half one two three four five dozens "
                        "hundreds thousands each both either neither")
#: Prepositions after a participle that make it a noun's modifier ("a letter signed by …").
_PARTICIPLE_PREPOSITIONS = word_set("by in on at to with from for as into under")
#: Finite forms that are past participles too ("held", "made"): before "by", a participle.
_PARTICIPLES_TOO = word_set("held made given taken sent led run seen shown written known built brought found "
                            "kept told paid sold caught won")
#: Cues that take a noun as their object as often as a clause ("wrote a letter to", "announced
#: the newest milestone", "tweeted a dozen times"): a clause without "that" needs its subject and
#: verb in the first words.
_OBJECT_PRONE_CUES = word_set("wrote writes tweeted tweets acknowledged acknowledges argues argued "
                              "commented reiterated reiterates emphasized emphasizes emphasised "
                              "emphasises underlined underscored reaffirmed reaffirms "
                              "announced announces noted notes admitted admits predicted predicts "
                              "promised promises explained explains stated states declared declares "
                              "alleged maintained maintains concluded concludes")


#: The cues' base forms, which report a clause without "that" only as a plural's present.
_BASE_FORMS = word_set("admit argue insist warn claim note acknowledge concede explain stress predict "
                       "confirm announce say")
_MODAL_BEFORE = re.compile(r"\b(?:can|could|will|would|shall|should|may|might|must|do|does|did|not|n['’]t"
                           r"|cannot)(?:\s+(?:just|also|only|still|even|never|not|\w+ly))?\s+$", re.I)


def _after_modal(text: str, cue_start: int) -> bool:
    """"could just confirm the £100m paid", "would not say": a base form after a modal or a
    negation governs an object (or reports nothing) more often than a clause. (After "to" it may
    report: "prompted Engoron to say the questioning …".)"""
    return _MODAL_BEFORE.search(text, max(0, cue_start - 24), cue_start) is not None


#: A word ending in one of these holds a verb ("it's", "won't", "they'll").
_CONTRACTED_VERBS = tuple(form.replace("'", mark) for mark in "'’"
                          for form in ("'s", "n't", "'ll", "'re", "'ve", "'d", "'m"))
_SUBJECT_PRONOUNS = frozenset(["it", "he", "she", "they", "we", "i", "you", "there"])
#: Participles that report the subject's speech only after a comma or a dash ("…, reporting that"),
#: and only with "that" (or, some of them, a quotation: see _THAT_OR_QUOTED).
_PAUSED_PARTICIPLES = frozenset(["reporting", "stating", "explaining", "announcing", "acknowledging",
                                 "admitting", "emphasizing", "emphasising"])
_ING = frozenset(["saying", "telling", "adding", "confirming", "warning", "claiming", "arguing", "insisting",
                  "asserting", "alleging", "concluding", "noting", "stressing", "predicting",
                  "complaining", "calling", "describing", "dubbing", "branding", "labelling", "labeling",
                  "accusing", "declaring", "quipping", "joking"]) | _PAUSED_PARTICIPLES
#: After a cue, a quoted noun phrase and a verb: the clause of "Declaring “the soul of the
#: Corps” is at stake, …" (no "that" needed).
_QUOTED_SUBJECT = re.compile(r"[ ][\"“][^\"“”\n]{3,80}[\"”][ ](?:is|was|are|were|has|had|will|would|could"
                             r"|must|may|might|should|remains)\b")
#: Cues that report speech only with "that" ("complaining that …", not "complaining about …").
_THAT_ONLY = frozenset(["complaining", "concluding", "noting", "stressing", "predicting",
                        "declaring"]) | _PAUSED_PARTICIPLES
#: Of those, the ones a colon and a quotation may follow instead: "stating: “It is personal.”"
#: (but "reporting on …", "announcing a plan": no speech without "that").
_THAT_OR_QUOTED = frozenset(["stating", "explaining", "admitting", "acknowledging", "declaring", "noting",
                             "stressing", "emphasizing", "emphasising"])
#: A colon or a comma, then an opening quotation mark, right after a cue.
_QUOTED_AFTER_CUE = re.compile(r"[ ]?[:,][ ]*[\"“]")


def _wants_that(text: str, frame: _Frame) -> bool:
    """Does a participle frame lack the "that" its cue needs to report speech?"""
    if frame.cue not in _THAT_ONLY or frame.with_that:
        return False
    return frame.cue not in _THAT_OR_QUOTED or _QUOTED_AFTER_CUE.match(text, frame.cue_end) is None


#: Adverbs between a cue and its "that": "insisting instead that", "said again that".
#: Words in "-ly" that open a clause rather than qualify the cue ("said only three bodies …",
#: "said family members had been told").
_LY_NOT_ADVERBS = word_set("only family rally supply reply assembly ally anomaly monopoly")
_THAT_ADVERBS = word_set("instead again also repeatedly publicly privately later earlier once "
                         "previously too backstage onstage afterward afterwards then there here "
                         "separately online recently")
def _superlative_after(toks: list[Tok], j: int) -> bool:
    """"the worst", "the biggest", "the most …" at ``j``: what something is called, after "called
    X" ("called the crisis the worst in the world")."""
    return toks[j].low == "the" and j + 1 < len(toks) and (
        toks[j + 1].low.endswith("est") and len(toks[j + 1].low) > 4
        or toks[j + 1].low in ("most", "least", "worst", "best", "first", "last", "only"))


#: Cues whose object is described "as" something ("described the video as satire").
#: Verbs of judgement that report words only with "as" or a quote after them.
_JUDGING = word_set(lx.JUDGING_AS)
#: Verbs by which a speaker names itself, and the reflexive "as" they need.
_SELF_NAMING = word_set(lx.SELF_NAMING)
_SELF_AS = re.compile(r"[ ](?:him|her|it|them|my|your|our)sel(?:f|ves)[ ]as[ ]")
_DESCRIBING_CUES = word_set("described describes describing characterized characterizes characterised "
                            "characterises portrayed portrays dismissed dismisses branded brands "
                            "labelled labeled labels rejected rejects denounced denounces",
                            lx.JUDGING_AS, lx.SELF_NAMING)
#: Words after "called a" that count, not name ("called the office a dozen times").
_QUANTITY_WORDS = word_set("dozen few couple number lot total second third handful half hundred "
                           "thousand million day week month year time times while")


def _called_one_thing_another(toks: list[Tok]) -> bool:
    """"called it a rehearsal for invasion", "called the decision a landmark judgment": an
    object (a pronoun, or a short noun phrase with its article or a name), then "a", "an" or
    "the" opening what it was called (not "called the police", "called for calm", "called the
    office a dozen times")."""
    if not toks or toks[0].low in ("for", "on", "off", "in", "up", "back", "out", "to", "upon"):
        return False
    last = toks[-1]
    if 2 <= len(toks) <= 6 and last.word.islower() and last.word.isalpha() \
            and last.low.endswith(_JUDGING_ENDINGS) and last.low not in _FINITE \
            and (toks[0].low in ("it", "him", "her", "them", "this", "that") or toks[0].low in (
                "the", "his", "her", "their", "its", "our") or possessive(toks[0])) \
            and not any(t.low in _FINITE or t.low in lx.CUE_VERBS or t.low == "and" for t in toks[:-1]):
        return True  # "called the president's decision unconscionable": the thing, then a judgement
    if len(toks) < 3:
        return False
    if toks[0].low in ("it", "him", "her", "them", "this", "that", "these", "those"):
        k = 1
    elif toks[0].low in ("the", "his", "her", "their", "its", "our") or toks[0].word[:1].isupper():
        k = next((j for j in range(1, min(len(toks), 7))
                  if toks[j].low in ("a", "an") or _superlative_after(toks, j)), 0)
    else:
        return False
    if not 0 < k < len(toks) - 1 or toks[k].low not in ("a", "an", "the") \
            or toks[k + 1].low in _QUANTITY_WORDS:
        return False
    return not any(t.low in _FINITE or t.low in lx.CUE_VERBS or t.low == "and" or t.low in lx.TIME_WORDS
                   or t.low in lx.ADVERBIAL_PREPOSITIONS for t in toks[:k])


#: Cues that commit the speaker to an act, reported with "to": "vowed to", "pledged to".
_COMMISSIVE_CUES = word_set("vowed vows vow pledged pledges pledge promised promises promise")
#: Cues whose infinitive ("to be", "to have") is what was claimed.
_CLAIM_CUES = word_set("claimed claims claim claiming")
#: Cues whose gerund opens what was said ("reported hearing gunfire", "recalls being …").
_GERUND_CUES = word_set("reported reports recalled recalls recall admitted admits")
#: Words in "-ing" that are nouns, not gerunds ("reported a building collapse" has none).
_ING_NOUNS = word_set("building morning evening meeting briefing funding spending bombing shooting "
                      "ruling finding findings wedding thing nothing something anything everything "
                      "housing training warning warnings earnings savings wrongdoing")
#: Endings of adjectives that judge ("unconscionable", "outrageous", "irresponsible").
_JUDGING_ENDINGS = ("able", "ible", "ous", "ful", "less", "ive", "ic", "ent", "ant")
#: Cues whose object is who is accused and whose clause, after "of", what of.
_ACCUSE_CUES = word_set("accused accuses accuse accusing")
#: Words that open a reported question after "asked": "asked whether the plan would work".
_QUESTION_WORDS = word_set("whether if why how what where who")

CONFIDENCE = {
    "direct": 0.95,
    "colon": 0.8,
    "block": 0.75,
    "partial": 0.85,
    "reported": 0.8,
    "trailing": 0.8,
    "according_to": 0.75,
    "parenthetical": 0.75,
    "transcript": 0.7,
    "headline": 0.8,
    "carry_over": 0.7,
    "lead": 0.5,
    "unattributed": 0.2,
}


@dataclass
class _Frame:
    """A speech cue and what hangs on it."""

    cue: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    start: int  # leftmost character of the frame (speaker or cue)
    end: int  # rightmost character of the frame (cue, inverted speaker, object)
    sentence: tuple[int, int]
    para: int
    inverted: bool = False
    according: bool = False
    clause_start: int | None = None
    #: Where the reported clause must end (a relative clause closes at its comma).
    clause_end: int | None = None
    with_that: bool = False
    outlet: str | None = None
    headline: bool = False
    #: "according to a state police database": a source named by a plain noun phrase.
    source_phrase: bool = False
    #: "was called “reckless” by Gov. Tom Reeve": the speaker is the agent after the cue.
    passive: bool = False
    #: "described the video as lighthearted satire": what is described and as what.
    described_as: bool = False
    #: "Rick Lowe gave a quick overview:": a named subject's sentence ending a paragraph on a
    #: colon, with no cue of its own; the colon is the cue of the block after it.
    lead_in: bool = False


@dataclass
class _Claim:
    start: int
    end: int
    kind: str
    sieve: str
    frame: _Frame | None
    para: int
    confidence: float
    outlet: str | None = None
    #: The quoted fragments inside the content, inside their marks: (start, end).
    parts: list[tuple[int, int]] = field(default_factory=list)
    #: Set when the claim became a part of a larger attribution (a mixed clause).
    absorbed: bool = False
    #: For a quotation: its opening mark and just past its closing mark.
    outer: tuple[int, int] | None = None


class _Document:
    """The layout of one text and the frames in it."""

    def __init__(self, text: str, headline: bool) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.frames_by_sentence: dict[int, list[_Frame]] = {}
        self.quotes = quote_spans(text, self.paras)
        self.quote_starts = [q.start for q in self.quotes]
        self.by_open = {q.start - 1: q for q in self.quotes}
        self.by_close = {q.end: q for q in self.quotes if q.closed}
        self.headline = headline
        #: Which list of frames (and how long) the cue index was built for, and their cues'
        #: positions, sorted (see _frames_in_span).
        self.cue_index: tuple[tuple[int, int], list[int]] = ((0, -1), [])
        self.sentences: list[tuple[int, int, int]] = []  # (start, end, paragraph)
        self.frames: list[_Frame] = []
        self.claimed: set[int] = set()  # starts of quote spans already attributed
        # Titles of shows, books and columns in quote marks are nobody's words.
        self.titles = {q.start for q in self.quotes if _is_title(text, q) or _is_nickname(text, q)}
        self.claimed.update(self.titles)
        self.claims: list[_Claim] = []
        #: The claim each quote span (by its start) was given to.
        self.claim_of: dict[int, _Claim] = {}
        #: How often each word, and each word after another with only spaces between, occurs
        #: (counted once a text, when first asked: see _surname_used_alone).
        self.word_counts: Counter[str] | None = None
        self.pair_counts: Counter[tuple[str, str]] = Counter()
        #: Sentence (or unsearched paragraph) spans: where to look for what "he" refers to.
        self.lead_spans: list[tuple[int, int]] = []
        self.lead_starts: list[int] = []
        self.sentence_quotes: dict[int, list[Span]] = {}
        self.lead_cache: dict[int, Mention | None] = {}
        #: Starts of the lead spans that are whole narrative paragraphs (no quote, no cue).
        self.narrative: set[int] = set()
        for index, (start, end) in enumerate(self.paras):
            local = self._quotes_between(start, end)
            if not local and CUE_PATTERN.search(text, start, end) is None \
                    and not _title_case_cue(text, start, end) \
                    and _IN_WORDS_HINT.search(text, start, end) is None:
                # Nothing anyone said: most narrative paragraphs stop here (their sentences are
                # read only if a pronoun's search for its person reaches them)
                self.lead_spans.append((start, end))
                self.narrative.add(start)
                continue
            is_headline = headline or _looks_like_headline(text, start, end)
            for s, e in sentences(text, start, end, local):
                self.lead_spans.append((s, e))
                # The sieves read only sentences with a cue or a quote: the rest is narrative.
                if self._find_frames(s, e, index, is_headline) or local and self._quote_opens_in(s, e):
                    self.sentences.append((s, e, index))

    def lead_person_before(self, pos: int, floor: int,
                           known: Callable[[str], bool] | None = None) -> Mention | None:
        """The nearest person named at the head of a sentence before ``pos`` (and after ``floor``).

        "Pollster Jane Kim has tracked the race. “The economy,” she said": "she" is Jane Kim,
        though Jane Kim was not quoted before. Looks back at most five sentences. A lone
        surname ("Matie trundled up…") counts only when ``known(name)`` says it is a speaker.
        """
        starts = self.lead_starts
        k = bisect_right(starts, pos) - 1
        looked = 0
        while k >= 0 and starts[k] > floor and looked < 5:
            if k not in self.lead_cache:
                self.lead_cache[k] = self._last_lead_person(*self.lead_spans[k])
            mention = self.lead_cache[k]
            if mention is not None and mention.end <= pos and _lead_counts(mention, known):
                if silent_after(self.text, mention.end, min(pos, self.lead_spans[k][1])):
                    return None  # "Mueller has not commented publicly. “…,” he added": not him
                return mention
            k -= 1
            looked += 1
        return None

    def _last_lead_person(self, s: int, e: int) -> Mention | None:
        """The person opening the span, or for a narrative paragraph the person opening its
        last sentence that has one ("Rene's face was cut. Guercio, whose family …, saw it":
        Guercio is who a later "she" means); or one unnamed person opening the span ("Another
        Chinese immigrant … spoke with VOA")."""
        if s not in self.narrative:
            return self._lead_person_or_unnamed(s, e)
        for start, end in reversed(sentences(self.text, s, e, [])):
            found = self._lead_person_or_unnamed(start, end)
            if found is not None:
                return found
        return None

    def _lead_person_or_unnamed(self, s: int, e: int) -> Mention | None:
        found = self._lead_person(s, e)
        if found is None and self.text[s:s + 10].split(None, 1)[:1] in (["A"], ["An"], ["Another"]):
            found = self._unnamed_lead(s, e)
        return found

    def _lead_person(self, s: int, e: int) -> Mention | None:
        text = self.text
        stamp = _TIME_STAMP.match(text, s, e)
        if stamp is not None:
            s = stamp.end()  # "13.08 Tony Fernandes, the AirAsia chief, …": a live blog's entry time
        dateline = _DATELINE.match(text, s, e)
        if dateline is not None:
            s = dateline.end()  # "NEW ORLEANS — Less than a week after …": the place a report is from
        if s >= e or text[s] in _OPEN_MARKS or not text[s].isupper():
            return None
        if e - s <= 60 and _BYLINE.fullmatch(text, s, e - 1 if text[e - 1] == "." else e):
            return None  # a name on a line of its own (a byline, a photo's label) opens no sentence
        first = text[s:s + 40].split(None, 1)[0].lower()
        asked = _ASKED_ABOUT.match(text, s, e)
        if asked is not None:
            # "What did Suh say after the play?": the person asked about is who speaks next
            return self._lead_person_at(asked.end(), e)
        # "The train…", "But…": no person opens this sentence (though one may follow a comma)
        found = None if first in _NOT_LEADS else self._lead_person_at(s, e)
        if found is not None and found.start == s and first.endswith("ing") and len(first) > 5 \
                and not known_first_name(first) and _PRONOUN_SUBJECT.match(
                    text, text.find(",", found.end, min(e, found.end + 200)) + 1 or e):
            # "Listing Mofaz as a loser, she explained": whom the opening participle is about,
            # not the "she" of the sentence
            return None
        if found is not None and found.kind == "definite" and _PRONOUN_SUBJECT.match(
                text, text.find(",", found.end, min(e, found.end + 200)) + 1 or e):
            # "The son of a teacher, he had tried many jobs": the description is of whoever "he"
            # is, not a new person
            return None
        if found is None and (first in TIME_LEADS or first in lx.TIME_WORDS):
            found = self._lead_person_after_time(s, e)
        if found is None and first in _LEAD_CONJUNCTIONS:
            # "But Tom Ward, 52, of Leeds, disagreed": the subject after a conjunction
            at = s + len(text[s:s + 40].split(None, 1)[0])
            while at < e and text[at] in " ,":
                at += 1
            if at < e and text[at].isupper():
                found = self._lead_person_at(at, e)
        if found is None and first in _SUBORDINATORS_LEADING:
            # "When Afghan President Ashraf Ghani announced the exchange, he said …": the person
            # of the opening clause, whom the main clause's pronoun means
            at = s + len(text[s:s + 40].split(None, 1)[0]) + 1
            if at < e and text[at].isupper():
                found = self._lead_person_at(at, e)
                if found is not None and found.kind != "person":
                    found = None
        if found is not None and _RELATIVE_AFTER.match(text, found.end, e):
            # "Prelogar, who grew up in Boise, Idaho, graduated…": a name followed by a relative
            # clause is the sentence's subject; the names inside the clause are not
            return found
        if found is None or found.kind == "person" and " " not in found.name and not found.role:
            # (a lone capitalised word may be a place: "In Denver, …")
            # "Speaking after the meeting, Taiwan's foreign minister Joseph Wu thanked…", "In
            # Denver, where snow fell, police chief James Hall was…": the subject after an
            # opening phrase (after one of the first three commas within 200 characters; not
            # after ", and", whose clause may be about someone else than the story's speaker)
            comma = text.find(",", s, min(e, s + 200))
            tries = 0
            later = None
            while comma > 0 and comma + 2 < e and later is None and tries < 3:
                if _PRONOUN_SUBJECT.match(text, comma + 1):
                    # "According to executives, he instructed Fox's head of engineering, Warren
                    # Vandeveer, …": the subject is "he", not a name further on
                    break
                if self.inside_quote(comma + 2):
                    # (no name inside a quotation: "In a speech titled “Hope, not fear,” Gov. Ann
                    # Lee …" reads on past the title's comma)
                    comma = text.find(",", comma + 1, min(e, s + 200))
                    continue
                later = self._lead_person_at(comma + 2, e) or self._described_lead(comma + 2, e)
                if later is not None and _place_after_comma(text, later.end, e):
                    later = None  # "… on his way to West Point, New York, with supporters": a place
                if later is not None and later.kind == "definite" and text[comma - 1:comma].isalpha() \
                        and _NAME_BEFORE_COMMA.search(text, max(s, comma - 40), comma) \
                        and _clause_before(tokens(text, s, comma)):
                    # "The plan was criticised by Tom Hale, the mayor of Lviv.": the description
                    # after a clause's closing name is that person's appositive, no new subject
                    later = None
                tries += 1
                comma = text.find(",", comma + 1, min(e, s + 200))
            if later is not None and (found is None or later.kind == "person"):
                found = later  # not "the coach" of "Smith, the coach, said" over Smith
        if found is None:
            found = self._described_lead(s, e)
        if found is None and first in ("the", "a", "an", "another", "one", "among"):
            # "The first witness at the trial was Hawks head Major-Gen Gopaul Govender, who …": a
            # person named after the copula a description opens with is whom the story turns to
            copula = _COPULAR_INTRODUCTION.match(text, s, e)
            if copula is not None and text[copula.end():copula.end() + 1].isupper():
                later = self._lead_person_at(copula.end(), e)
                if later is not None and later.kind == "person" and " " in later.name:
                    found = later
        if found is None:
            # "Such flaws may suggest the systems are not ready, but Vadim Makarov, during a
            # panel, drew the opposite conclusion": the subject of the clause after ", but"
            but = text.rfind(", but ", s, e)
            if but > 0 and text[but + 6:but + 7].isupper() and not self.inside_quote(but):
                later = self._lead_person_at(but + 6, e)
                if later is not None and later.kind == "person":
                    found = later
        return found

    def _described_lead(self, s: int, e: int) -> Mention | None:
        """"Former business partner Tony Bobulinski held …", "Hunter Biden's former business
        partner Tony Bobulinski held …": the person a description in lower case names, when the
        name opens with a first name."""
        described = _DESCRIPTION_THEN_NAME.match(self.text, s, e)
        if described is None or not known_first_name(described.group(1).split()[0].lower()):
            return None
        found = self._lead_person_at(described.start(1), e)
        return found if found is not None and found.kind == "person" and " " in found.name else None

    def _lead_person_at(self, s: int, e: int) -> Mention | None:
        text = self.text
        words = text[s:s + 40].split(None, 2)
        if len(words) > 1 and words[0].lower() == "the" and words[1].islower() \
                and not np_word(Tok(words[1].rstrip(",;:"), 0, 0)):  # ("The president, speaking …")
            return None  # "The train…": only a title or a name can open a speaker's phrase
        toks = tokens(text, s, min(e, s + 100))
        first = 1 if toks and toks[0].low == "the" else 0
        n = first
        while n < len(toks) and n < 12 and (np_word(toks[n]) and n < 8 and not _adverb_after_name(toks[n])
                                               or _trade_before_name(toks, n)
                                               or _glue_inside_name(toks, n)
                                               or _particle_inside_name(toks, n)
                                               or _second_title_before_name(toks, n)) \
                and (n == first or not any(c in ":,(" for c in text[toks[n - 1].end:toks[n].start])):
            n += 1  # (a label is no name: "Credit: Stephen Johnson", "AI: Depending on…"; nor
            # is a title set off after it: "Charles Schultze, chairman of the council, …")
        gap = text[toks[n - 1].end:toks[n].start].strip(" ") if 0 < n < len(toks) else ""
        if n == first or gap not in ("", ",") and not gap.startswith("("):
            return None  # (but "Rep. Robert Aderholt (R-AL), …, pushed": the name before its party)
        mention = classify(text, toks[:n])
        if gap.startswith("(") and not (gap == "(" and _PARTY_TAG.match(text, toks[n].start)) \
                and (mention is None or mention.kind != "person" or " " not in mention.name):
            return None  # ("filmmaker Charlie McDowell (“The Discovery”), also …": a full name only)
        if mention is not None and mention.kind == "person":
            return mention  # a lone surname is checked against the speakers when looked up
        if mention is not None and mention.kind == "anonymous" and " and " in mention.name \
                and mention.name[:1].isupper() and mention.role is None:
            return mention  # "Tim Cook and Phil Schiller extolled …": two people named in full
        if mention is not None and mention.kind == "definite":
            described = _DESCRIBED_NAME.match(text, s, e)
            if described is not None:
                # "The mayor of Surabaya, Tri Rismaharini, comforted relatives": the person named
                named = parse_before(text, tokens(text, described.start(1), described.end(1)))
                if named is not None and named.kind == "person" and named.start == described.start(1):
                    return Mention(named.start, named.end, "person", named.name,
                                   role=named.role or mention.role, gender=named.gender or mention.gender)
            return mention  # "The minister was asked whether he would resign. “No,” he said."
        return None

    def _unnamed_lead(self, s: int, e: int) -> Mention | None:
        """"Another Chinese immigrant who entered the United States last year … spoke with VOA.
        In a telephone interview, he said …": one unnamed person of a kind opening a sentence as
        its subject, whom a later "he" or "she" may mean (the phrase runs to "who", a comma or a
        verb)."""
        toks = tokens(self.text, s, min(e, s + 80))
        end = next((k for k, t in enumerate(toks) if k and (
            t.low in ("who", "whose", "that", "which") or t.low in lx.AUXILIARIES or t.low in lx.CUE_VERBS
            or t.word.islower() and t.low.endswith("ed") and len(t.low) > 4
            or "," in self.text[toks[k - 1].end:t.start])), None)
        if end is None or end < 2 or end > 6 \
                or "," in self.text[toks[end - 1].end:toks[end].start] and toks[end].word[:1].isupper():
            return None  # ("A consummate activist, Khan views …": the description of the name after it)
        found = classify(self.text, toks[:end])
        if found is None or found.kind != "anonymous" or " and " in found.name \
                or one_person(found.name) is None:
            return None
        stop = self.text.find(". ", toks[0].start, e)
        if _DONE_TO_LEAD.search(self.text, toks[end - 1].end, stop if stop >= 0 else e) is not None:
            return None  # ("A 17-year-old boy was arrested …", "A man drowned": the one acted on)
        return found

    def _lead_person_after_time(self, s: int, e: int) -> Mention | None:
        """"Last night Tánaiste Leo Varadkar announced…": the person after an opening time."""
        toks = tokens(self.text, s, min(e, s + 40))
        k = 0
        while k < len(toks) and k < 3 and (toks[k].low in TIME_LEADS or toks[k].low in lx.TIME_WORDS):
            k += 1
        if k == 0 or k >= len(toks) or not toks[k].word[0].isupper():
            return None
        return self._lead_person_at(toks[k].start, e)

    # -- lookup ---------------------------------------------------------------------------

    def _quotes_between(self, start: int, end: int) -> list[Span]:
        k = max(bisect_right(self.quote_starts, start) - 1, 0)
        out = []
        quotes = self.quotes
        while k < len(quotes) and quotes[k].start < end:
            if quotes[k].end > start:
                out.append(quotes[k])
            k += 1
        return out

    def spoken_quotes_between(self, start: int, end: int) -> list[Span]:
        """The quotations overlapping [start, end) that are someone's words (titles left out)."""
        return [q for q in self._quotes_between(start, end) if q.start not in self.titles]

    def inside_quote(self, pos: int) -> bool:
        """True when ``pos`` is inside some quotation (marks excluded)."""
        k = bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.quotes[k].start <= pos < self.quotes[k].end

    def quote_end_before(self, pos: int, floor: int) -> int:
        """Just after the closing mark of the last quote ending before ``pos`` (or ``floor``)."""
        k = bisect_right(self.quote_starts, pos) - 1
        while k >= 0:
            q = self.quotes[k]
            if q.end < pos:
                return max(floor, q.end + 1)
            k -= 1
            if q.start < floor:
                break
        return floor

    # -- frames ---------------------------------------------------------------------------

    def _quote_opens_in(self, s: int, e: int) -> bool:
        k = bisect_left(self.quote_starts, s)
        return k < len(self.quote_starts) and self.quote_starts[k] < e

    def _passive_agent(self, ce: int, e: int) -> Mention | None:
        """The agent of a passive naming cue: "described as “heartbreaking” by the conservation
        department", "called “reckless” by Gov. Tom Reeve" (the words in the marks are the
        agent's; with no quote between, nothing was quoted and there is no frame)."""
        text = self.text
        at = ce
        while at < e and text[at] == " ":
            at += 1
        if text.startswith("as ", at):
            at += 3
        quote = self.by_open.get(at)
        if quote is None or quote.start in self.titles or quote.end >= e:
            return None
        at = quote.end + 1
        if at < e and text[at] == ",":
            at += 1
        match = _BY_AGENT.match(text, at, e)
        if match is None:
            return None
        mention = parse_after(text, tokens(text, match.end(), _next_boundary(text, match.end(), e)))
        if mention is None or mention.kind == "pronoun":
            return None
        return mention

    def _find_frames(self, s: int, e: int, para: int, headline: bool) -> bool:
        """Add the frames of the sentence [s, e); True when it has any."""
        text = self.text
        if e - s > _MAX_SENTENCE:
            return False
        found = False
        if headline:
            title_cue = _title_case_cue(text, s, e)
            if title_cue is not None:
                frame = self._title_case_frame(title_cue, s, e, para)
                if frame is not None:
                    self.frames.append(frame)
                    return True
        for match in CUE_PATTERN.finditer(text, s, e):
            cs, ce = match.span()
            if self.inside_quote(cs):
                continue
            cue = match.group().lower()
            if cue == "per":
                cue = "according to"  # "Per the decree, …", "Per numbers reported by the AP, …"
            frame = self._frame(cue, cs, ce, s, e, para, headline)
            if frame is not None and cue in _JUDGING and frame.clause_start is None \
                    and not any(c in _OPEN_MARKS for c in text[ce:e]):
                continue  # "Brown attacked Trump on Tuesday": a judgement with no words of it
            if frame is not None and cue in _SELF_NAMING and not _SELF_AS.match(text, ce):
                continue  # "introduced a bill", "cast a vote": no one naming themselves
            if frame is not None:
                self.frames.append(frame)
                found = True
        if _IN_WORDS_HINT.search(text, s, e) is not None:
            for match in _IN_WORDS.finditer(text, s, e):
                frame = self._in_words_frame(match, s, e, para, headline)
                if frame is not None:
                    self.frames.append(frame)
                    found = True
        return found

    def _in_words_frame(self, match: re.Match[str], s: int, e: int, para: int,
                        headline: bool) -> _Frame | None:
        """``In Dr. Shadlen's words, “…”``, ``In the words of one official, …``: the words
        after the comma are the named person's."""
        if self.inside_quote(match.start()):
            return None
        mention = self._words_owner(match)
        if mention is None:
            return None
        noun = match.group("noun") or match.group("noun2")
        # With no quotation after the comma, the rest of the sentence is the owner's reported
        # view, read as after "According to X," ("In his view, this is a nationwide problem")
        reported = self.text[match.end():match.end() + 3].lstrip()[:1] not in _OPEN_MARKS
        if reported and self._cue_opens_after(match.end(), e):
            return None  # "In their opinion, justices wrote that …": the cue after it frames the words
        return _Frame(f"in the {noun} of", match.start(), match.end() - 1, mention, match.start(),
                      match.end() - 1, (s, e), para, headline=headline, according=reported)

    def _cue_opens_after(self, pos: int, e: int) -> bool:
        """Has the sentence a frame of its own whose speaker opens the clause at ``pos``
        ("justices wrote that", "Smith said")?"""
        return any(f.sentence[1] == e and f.mention is not None and not f.according and f.cue_start > pos
                   and not self.text[pos:f.mention.start].strip() for f in reversed(self.frames[-8:]))

    def _words_owner(self, match: re.Match[str]) -> Mention | None:
        """Whose words ``_IN_WORDS`` names: a speaker's phrase, or "his", "her", "their" (a
        pronoun, resolved as any other)."""
        text = self.text
        if match.group("of") is not None:
            mention = parse_after(text, tokens(text, match.start("of"), match.end("of")))
        else:
            toks = tokens(text, match.start("owner"), match.end("owner"))
            if len(toks) == 1 and toks[0].low in _POSSESSIVE_PRONOUNS:
                # "In her own words, …": whoever "she" is
                return Mention(toks[0].start, toks[0].end, "pronoun", _POSSESSIVE_PRONOUNS[toks[0].low])
            if not toks:
                return None
            last = toks[-1]
            toks[-1] = Tok(base_word(last), last.start, last.start + len(base_word(last)))
            mention = parse_before(text, toks)
        return None if mention is None or mention.kind == "pronoun" else mention

    def _frame(self, cue: str, cs: int, ce: int, s: int, e: int, para: int,
               headline: bool) -> _Frame | None:
        text = self.text
        if cue.lower() in _NOUN_CUES and _POSSESSIVE_BEFORE.search(text, max(s, cs - 30), cs):
            return None  # "the woman’s claim", "OpenAI’s accusations", "his warning": a noun, no cue
        if cue in lx.FINDING_CUES and not _FINDING_AFTER.match(text, ce) \
                and not _reported_subject_then_finite(text, ce + 1, e):
            return None  # (a finding is reported with "that" or closes its sentence; cheap to tell)
        if cue == "according to":
            stop = _next_boundary(text, ce, e)
            after = tokens(text, ce, stop)
            relative = next((k for k, t in enumerate(after) if k >= 2 and t.low in ("who", "that", "whose")
                             and after[k - 1].word.isalpha()), None)
            relative_end = None
            if relative is not None:
                # "according to the hotel bosses that responded to an online thread": the source,
                # then what is said of it (part of the frame, no statement)
                after = after[:relative]
                relative_end = stop
                while relative_end > ce and text[relative_end - 1] in " .!?":
                    relative_end -= 1
            author = _event_author(after)
            named_end = None
            if author is not None:
                after = after[author:]  # "according to a statement from the ministry"
                if not after and stop in self.by_open and self.by_open[stop].start in self.titles:
                    # "a June 16 Facebook post from "Magic Clement,"": the name in the marks
                    q = self.by_open[stop]
                    after = tokens(text, q.start, q.end)
                    named_end = q.end + 1
            quoted_word = self.by_open.get(stop)
            if quoted_word is not None and 1 <= len(after) <= 3 and after[0].low in ("the", "a", "an") \
                    and not any(t.low in lx.DOCUMENT_NOUNS or t.low in lx.ANON_HEADS for t in after) \
                    and len(text[quoted_word.start:quoted_word.end].split()) <= 3:
                # "according to the new “dot plot” of rate projections": a source named with a
                # word in quotation marks, not words of the source's own
                phrase_end = _next_boundary(text, quoted_word.end + 1, e)
                while phrase_end > quoted_word.end and text[phrase_end - 1] in " .!?":
                    phrase_end -= 1
                name = text[after[1].start if len(after) > 1 else quoted_word.start:phrase_end]
                name = " ".join(name.translate(_NO_MARKS).split())
                self.titles.add(quoted_word.start)
                self.claimed.add(quoted_word.start)
                return _Frame(cue, cs, ce, Mention(after[0].start, phrase_end, "anonymous", name), cs,
                              phrase_end, (s, e), para, according=True, headline=headline, source_phrase=True)
            mention = parse_after(text, after)
            if (mention is None or mention.kind != "person") and len(after) > 2:
                whole = _person_ending_phrase(text, after)
                if whole is not None:
                    # "According to Rutgers University political scholar Kelly Dittmar, …": the
                    # person the phrase ends on, not the employer it opens with; "according to
                    # current president Emmerson Mnangagwa on Friday": the person before the time
                    mention = whole
            if len(after) == 1 and after[0].low in _OBJECT_TO_SUBJECT:
                # "According to him, …": whoever "he" is
                mention = Mention(after[0].start, after[0].end, "pronoun", _OBJECT_TO_SUBJECT[after[0].low])
            authored = _authored_document(text, after)
            if authored is not None and (mention is None or mention.end < authored.end):
                mention = authored  # "data released Tuesday by U.S. Customs and Border Protection"
            phrase = _source_phrase(text, after)
            source_phrase = phrase is not None and (mention is None or mention.end < phrase.end and (
                mention.kind in ("organisation", "anonymous")
                and _next_word_continues(after, mention.end)))
            if source_phrase:
                mention = phrase  # "court records", not "court"
            if mention is None:
                return None
            named_after = (_NAME_CLOSING.match(text, stop) or _NAME_APPOSED.match(text, stop)) \
                if mention.kind in ("anonymous", "definite") and not text[mention.end:stop].strip() else None
            if named_after is not None:
                # "according to its chief editor, Wunna Khwar Nyo.": the person the post is;
                # "According to Windsor Locks' first selectman, Chris Kervick, there were …": the
                # person named between commas after the post, before what was said
                person = parse_after(text, tokens(text, named_after.start(1), named_after.end(1)))
                if person is not None and person.kind == "person" and person.end == named_after.end(1):
                    mention = replace(person, role=mention.role or mention.name)
                    if named_after.re is _NAME_APPOSED:
                        named_end = named_after.end(1) + 1
            listed = _NAME_LIST_TAIL.match(text, stop) if mention.kind in ("organisation", "person") \
                and not text[mention.end:stop].strip() else None
            if listed is not None:
                # "according to South Korea, the United States and Ukraine": all of them
                mention = Mention(mention.start, listed.end(), "organisation",
                                  " ".join(text[mention.start:listed.end()].split()))
            end = named_end if named_end is not None and mention.end <= named_end else mention.end
            if relative_end is not None and mention.end <= relative_end:
                end = relative_end
            return _Frame(cue, cs, ce, mention, cs, end, (s, e), para, according=True,
                          headline=headline, source_phrase=source_phrase)
        thing = _THING_NAMED.search(text, max(s, cs - 40), cs) if cue in _PASSIVE_NAMING else None
        if thing is not None and not np_word(Tok(thing.group(1), 0, len(thing.group(1)))) \
                and not any(w in lx.PRONOUNS for w in thing.group().split()):
            # "an event dubbed a “thank you” party": a thing so named, no one naming it (not "an
            # organization he described as …")
            return None
        if cue in ("called", "named", "titled", "entitled", "dubbed") and _TITLE_IN_MARKS.match(text, ce):
            # "a film starring Bela Lugosi called “White Zombie.”", "a program at Fishmongers' Hall
            # called “Learning Together”": the name of a thing, right after the cue
            return None
        if cue in _RECALL_VERBS and _SAYING_AFTER.match(text, ce):
            return None  # "she recalls him saying": the words are his (the "saying" frame's)
        owned = _OWNED_WORDS.match(text, ce, e) if cue in _RECALL_VERBS or cue in _QUOTING_CUES else None
        if owned is not None:
            # "She remembers Ailes’s reply: “…”", "recalled his answer: “…”": the words are the
            # owner's, not the one who remembers them
            who = owned.group(1)
            at = owned.start(1)
            mention = Mention(at, at + len(who), "pronoun", _OWNER_TO_SUBJECT[who.lower()]) \
                if who.lower() in _OWNER_TO_SUBJECT else parse_before(text, tokens(text, at, at + len(who)))
            if mention is not None and mention.kind in ("person", "pronoun", "organisation"):
                return _Frame(cue, cs, ce, mention, cs, owned.end(2), (s, e), para,
                              headline=headline)
            return None
        if cue.startswith("remember") and not _next_to_quote_mark(text, cs, ce):
            return None  # "“…,” remembers Shanna Challenger"; "remembered that …" is a memory
        if cue == "put it" and not _as_put_it(text, s, cs):
            return None  # only "As one user put it, …": "put it in the fridge" says nothing
        if cue in ("continued", "continues") and _CONTINUED_TO_VERB.match(text, ce):
            return None  # "The bank continued to describe that pace as “gradual”": not speech
            # ("“…,” she continued to reporters", "… to loud applause" are speech)
        if cue == "written" and not _PERFECT_WRITTEN.search(text, max(s, cs - 20), cs):
            return None  # "said in a written statement": a kind of statement; "has written" is a cue
        if cue in lx.WEAK_CUES and (_NOUN_BEFORE.search(text, max(s, cs - 12), cs)
                                    or text.startswith(" of ", ce)):
            return None  # "the former president’s claims were …", "his remarks", "states of …": a noun
        if cue in _DOING_CUES and _PERFECT_BEFORE.search(text, max(s, cs - 6), cs) \
                and text[ce:ce + 2].lstrip()[:1] in _OPEN_MARKS:
            # "said Democrats had added “billions in unrelated spending”": what was added to the
            # bill, inside someone else's statement, not words someone added
            return None
        left = self.quote_end_before(cs, max(s, cs - _WINDOW))
        recalled = _RECALLED_SAYING.search(text, max(s, left, cs - 60), cs) if cue in _HEARD_CUES else None
        if recalled is not None:
            # "she recalls him saying", "Video shows Trump saying, “…”": the words are of the one
            # recalled or shown saying them
            who = recalled.group(1)
            at = recalled.start(1)
            mention = Mention(at, at + len(who), "pronoun", _OBJECT_TO_SUBJECT[who]) \
                if who in _OBJECT_TO_SUBJECT else parse_before(text, tokens(text, at, at + len(who)))
            after_quote = 0 <= recalled.start() - left <= 40 and "." not in text[left:recalled.start()]
            if mention is not None and mention.kind in ("person", "pronoun") \
                    and (after_quote or _QUOTE_NEXT.match(text, ce)):
                # (only with the words quoted: "recorded him saying the kinds of things …" is not)
                start = left if after_quote else recalled.start()
                end = ce
                addressed = _ADDRESSEE_THEN_QUOTE.match(text, ce, e)
                if addressed is not None and _addressee_then_sentence(text, addressed):
                    end = addressed.end(1)  # "telling Ms. Hill, “…”", "saying on Monday, “…”"
                return _Frame(cue, cs, ce, mention, start, end, (s, e), para, headline=headline)
        dateline = _DATELINE.match(text, s, cs)
        if dateline is not None:
            left = max(left, dateline.end())  # "MIDWAY ATOLL — Officials said": not the place
        semicolon = text.rfind(";", left, cs)
        if semicolon >= 0:
            left = semicolon + 1  # "… asked Morales about Lahav; Morales claimed": a clause of its own
        colon = text.rfind(": ", left, cs)
        if colon >= 0 and not self.inside_quote(colon) and cs - colon < _SUBJECT_WINDOW \
                and text[colon + 2:colon + 3].isupper():
            left = colon + 1  # "… materials in the case: Russian company records indicate …"
        before = text[max(left, cs - 8):cs].split()
        wide = text[max(left, cs - 30):cs].split()
        trimmed = _past_adverb_of_relative(wide)
        if trimmed is not wide:
            before, wide = trimmed[-1:], trimmed  # "a member of the legal team who recently revealed"
        antecedent = wide[-2:-1] if before and before[-1] in ("who", "which") else []
        if before and before[-1] in ("who", "which") and text[left:cs].count(",") >= 1 and not (
                cue in ("say", "said") and antecedent and antecedent[0].endswith("s")
                and antecedent[0].lower() in lx.ANON_HEADS
                and text[text.rfind(",", left, cs) + 1:cs].split()[:1] not in (["who"], ["which"])):
            # (", who said …"; but "Biden, with two weeks left, met investigators who say …" is
            # the investigators' statement)
            return self._relative_frame(cue, cs, ce, s, e, para, headline, left)
        if before and _RELATIVE_PERFECT.search(text, max(left, cs - 40), cs) \
                and text[left:cs].count(",") >= 1:
            # "Haley, who has said she will stay in the race, won …"
            return self._relative_frame(cue, cs, ce, s, e, para, headline, left)
        if before and before[-1] == "to":
            caused = self._caused_speaker(left, text.rfind("to", left, cs))
            if caused is not None:
                # "… prompted Engoron to say the questioning …", "forced Tom Hale to admit that …"
                frame = _Frame(cue, cs, ce, caused, caused.start, ce, (s, e), para, headline=headline)
                self._after_cue(frame, e)
                return frame
            went = _WENT_ON_TO.search(text, max(left, cs - 30), cs) if cue in _INFINITIVE_CUES else None
            if went is not None:
                # "She went on to say that …": the subject of "went" says it
                mention, _ = self._subject(left, went.start())
                if mention is None:
                    return None
                frame = _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline)
                self._after_cue(frame, e)
                return frame
            had = _HAD_THIS_TO.search(text, max(left, cs - 30), cs)
            if had is not None and cue in ("say", "add", "tell"):
                # "a spokesman … had this to say about the film: “…”": who had it said it
                mention, _ = self._subject(left, had.start())
                if mention is None:
                    return None
                return _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline)
        progressive = False
        if cue in _ACCUSE_CUES and before and before[-1].lower() in ("the", "a", "an", "an", "was", "were",
                                                                     "is", "are", "been", "being"):
            return None  # "the accused said", "he was accused of": not an accusation by the subject
        wider = text[max(left, cs - 30):cs].split()[1:] if cs - 30 > left else text[left:cs].split()
        aux = _auxiliary_before(wider)
        if aux in _PASSIVE:
            if cue in _PASSIVE_NAMING and aux != "being":
                # "was called “reckless” by Gov. Tom Reeve": the agent after "by" named it
                agent = self._passive_agent(ce, e)
                if agent is not None:
                    return _Frame(cue, cs, ce, agent, cs, agent.end, (s, e), para, headline=headline,
                                  passive=True)
            told = _TOLD_BY.match(text, ce, e) if cue in ("told", "informed", "assured") else None
            if told is not None:
                # "he was told by Emergencies Minister Yevgeny Zinichev of “…”", "The mayor was told
                # by police that …": the agent told it, and what follows "that" or "of" is theirs
                agent = parse_after(text, tokens(text, told.start(1), told.end(1)))
                if agent is not None and agent.kind != "pronoun":
                    frame = _Frame(cue, cs, ce, agent, cs, agent.end, (s, e), para, headline=headline,
                                   passive=True)
                    frame.clause_start = told.end()
                    return frame
            if cue not in _ING or aux == "being":
                return None  # "is said to be", "was told", "as it's officially described"
            if wider[-1].lower() in _PASSIVE:
                progressive = True  # "The ministry is saying that …": the subject is before "is"
            # ("it’s telling that …" is no one telling)
        if cue not in _ING and any(w.lower().replace("’", "'") in _NEGATIONS for w in (
                wider[-2:] if wider and wider[-1].lower().endswith("ly") else wider[-1:])):
            return None  # "The Government does not deny that …", "She never said that …": unsaid
        if aux == "have" and len(wider) >= 2 and wider[-2].lower() in _MODALS_OF_WHAT_WAS_NOT \
                and cue not in _ING:
            return None  # "Apple could have called this “Rumination”": it did not
        if cue in _ING and not progressive:
            return self._participle_frame(cue, cs, ce, s, e, para, headline)
        mention, m_start = self._subject(left, cs)
        if mention is not None and mention.kind in ("person", "anonymous", "organisation") \
                and before and before[-1] in ("and", "but") and not text[mention.end:cs].strip() \
                and mention.name.rsplit(None, 1)[-1] in ("and", "but"):
            # "Trump spoke to a group of supporters at the Capitol and reiterated claims …": the
            # subject of the first verb said it, not the object it ends on
            mention = self._coordinated_subject(s, cs) or mention
            m_start = mention.start
        pair = _PRONOUN_AND.search(text, max(left, m_start - 12), m_start) if mention is not None else None
        if mention is not None and pair is not None and pair.end() == m_start:
            # "Trump announced that he and Russian President Vladimir Putin had agreed …": the
            # subject opens with the pronoun, so that the clause holding it stays whole
            m_start = pair.start()
            mention = replace(mention, start=pair.start())
        if mention is not None and cue not in lx.FINDING_CUES and mention.kind in ("person", "organisation"):
            lead = tokens(text, max(left, cs - _SUBJECT_WINDOW), mention.start)
            if len(lead) >= 3 and lead[-1].low in ("by", "from") and lead[-2].low in lx.DOCUMENT_NOUNS \
                    and lead[-2].word.islower():
                det = max((k for k, t in enumerate(lead) if t.low in ("a", "an", "the")), default=None)
                authored = _authored_document(text, lead[det:] + tokens(text, mention.start, cs)) \
                    if det is not None and det >= len(lead) - 5 else None
                if authored is not None:
                    # "The reports from Microsoft and Recorded Future warn …": the documents and
                    # their authors, whom the speaker book reads from them
                    mention, m_start = authored, authored.start
        if mention is not None and mention.kind == "anonymous" \
                and text[mention.start:mention.end].split()[-1].lower() in lx.DOCUMENT_NOUNS:
            aside = _AUTHOR_ASIDE.match(text, mention.end, cs)
            if aside is not None:
                # "The report, published Tuesday by the Government Accountability Office, found
                # that …": the document with its author, whom the speaker book reads from it
                mention = replace(mention, end=aside.end(1))
        if mention is not None and mention.kind != "pronoun" \
                and _AUXILIARY.search(text, mention.start, mention.end) is not None:
            # "police were investigating whether a manifesto posted …": a clause, not a subject
            mention = _document_subject(text, tokens(text, max(left, cs - _SUBJECT_WINDOW), cs))
            m_start = mention.start if mention is not None else cs
        doer = _object_of_verb(text, max(left, mention.start - 40), mention.start) \
            if mention is not None and text[mention.end:cs].strip() == "," else None
        if mention is not None and text[mention.end:cs].strip() == "," \
                and (_OBJECT_OF_PREPOSITION.search(text, max(left, mention.start - 12), mention.start)
                     or doer is not None) \
                and not self._inverted_name_after(ce, e):
            # "he asked about the Muslim Brotherhood, called Omar a “terrorist”": a series of verbs
            # whose subject opens the sentence, not the object of the verb before ("Reuters - Biden
            # meets Xi, says …": the name before the first verb, where the sentence's opening is
            # no subject)
            mention = self._coordinated_subject(s, cs) or doer
            m_start = mention.start if mention is not None else cs
        if mention is not None and _MODIFYING_PARTICIPLE.match(text, ce) \
                and _PREPOSITION_BEFORE.search(text, max(s, m_start - 14), m_start):
            # "In a statement posted to her account, …", "according to a memo posted online by
            # Senator Dalmau": a participle that describes a document named after a preposition
            return None
        if mention is not None and cue in lx.WEAK_CUES and mention.kind != "pronoun" \
                and not text[ce:e].strip(" .!?\"”’)") \
                and _PREPOSITION_BEFORE_WORD.search(text, max(left, m_start - 12), m_start):
            return None  # "… distributed across EU member states.": a noun after a preposition
        if mention is not None and _CONDITIONAL_BEFORE.search(text, max(left, m_start - 10), m_start):
            return None  # "Trump said that if the Senate confirms his choices, …": a condition
        if mention is not None and mention.name.lower() in _SOURCELESS and cue in _WEAK_ZERO_THAT:
            return None  # "Reports indicate …", "Reports suggest …": the writer's hedge, no one's words
        if mention is not None and _NEGATED_SUBJECT.search(text, max(left, m_start - 10), mention.end):
            return None  # "no group claimed responsibility", "Nobody said …": no one said it
        if mention is not None and _WHAT_WAS_SAID.search(text, max(left, m_start - 20), m_start):
            # "anything that the host asked about", "everything the mayor said": what was said is
            # the thing before, not a clause after the cue
            return None
        if cue in lx.FINDING_CUES:
            if mention is None:
                mention = _document_subject(text, tokens(text, max(left, cs - _SUBJECT_WINDOW), cs))
            authored = None
            if not _finding_subject(text, mention) and mention is not None:
                # "A study by NASA found that …": the document and its author
                lead = tokens(text, max(left, cs - _SUBJECT_WINDOW), mention.start)
                det = max((k for k, t in enumerate(lead) if t.low in ("a", "an", "the")), default=None)
                if det is not None and lead[-1].low in ("by", "from"):
                    authored = _authored_document(text, lead[det:] + tokens(text, mention.start, cs))
            if authored is not None:
                mention, m_start = authored, authored.start
            elif not _finding_subject(text, mention) and not (
                    mention is not None and mention.kind == "organisation" and cue in ("found", "finds")
                    and text.startswith(" that ", ce)):
                # "she found that the door was locked": a discovery, not a report (but "The USTR
                # found that …": a body's finding)
                return None
        if cue in _DOCUMENT_CUES:
            if mention is None and cue in ("read", "reads") and not text[left:cs].strip(" \t,"):
                # "“…,” read the ruling.": the document named after the verb (the cue pattern
                # takes "read" there only before a document's noun)
                words = tokens(text, ce, _next_boundary(text, ce, e))
                noun = next((k for k, t in enumerate(words) if t.low in lx.DOCUMENT_NOUNS), None)
                found = _document_subject(text, words[:noun + 1]) if noun is not None else None
                if found is None or noun is None:
                    return None
                tail = noun + 1 + (noun + 1 < len(words) and words[noun + 1].low == "piece")
                if len(words) <= tail + 7 and words[tail:] and words[tail].low in ("in", "from", "by"):
                    # "read a recent opinion piece in the Hankyoreh newspaper": where it appeared
                    # or who wrote it, which the speaker book reads as its author
                    found = replace(found, end=words[-1].end, name=text[found.start:words[-1].end])
                found = self._with_appositive(found, e)
                return _Frame(cue, cs, ce, found, cs, found.end, (s, e), para, inverted=True,
                              headline=headline)
            if mention is None:
                mention = _document_subject(text, tokens(text, max(left, cs - _SUBJECT_WINDOW), cs))
            if mention is None or mention.kind == "pronoun" or text[mention.start:mention.end].split()[-1] \
                    .lower().strip(".,;:’'") not in lx.DOCUMENT_NOUNS:
                return None  # "He read.", "The talks began, …": no document's words
        written = bool(before) and _written_that(text, left, cs)
        if mention is not None and before and before[-1] in ("and", "but") \
                and text[max(left, cs - 8):cs].rstrip().endswith((", and", ", but")) \
                and mention.kind not in ("person", "pronoun"):
            # "McKinley, R-W.Va., visited the border near McAllen, Texas, and argued that …": the
            # verb's subject opens the sentence (a place or a thing before ", and" is no speaker)
            mention = self._coordinated_subject(s, cs) or mention
            m_start = mention.start
        if mention is None and before and before[-1] in ("and", "but") or written:
            # "He denied the report and said it was false", "Meta sent an email to users that
            # said, …": the sentence's subject said it (not the users the email went to)
            subject = None if written else self._subject_of_cue_before(s, cs) or self._inner_subject(s, cs)
            subject = subject or self._coordinated_subject(s, cs)
            if subject is not None or not written:
                mention = subject
                m_start = mention.start if mention is not None else cs
        if mention is not None and mention.kind != "person" and text[left:cs].rstrip().endswith(",") \
                and cue not in _TOLD:  # ("The owner, whose name was withheld, told WKRG": whom)
            # "The museum, said Mayor Ana Lopes, would open": a person named after the cue speaks
            named = parse_after(text, tokens(text, ce, _next_boundary(text, ce, e)))
            if named is not None and named.kind in ("person", "organisation") \
                    and (text[named.end:e].strip()[:1] in ("", ",", ".", ";", "—", "–", "(", ")")
                         or named.kind == "person" and _only_where_and_when(text[named.end:e])):
                mention = None  # ("…in China on Friday, said GreatFire.org": the site, not China)
                # ("…, said Doris Meissner of the Migration Policy Institute in Washington during
                # a press call on Tuesday.": where and when she said it)
                # (but not "The official, who spoke on condition of anonymity, said the alliance
                # was preparing": the alliance opens the reported clause)
        if mention is not None and mention.kind == "person" and text[left:cs].rstrip().endswith(",") \
                and cue in _INVERTING_CUES \
                and (_OBJECT_OF_PREPOSITION.search(text, max(left, m_start - 12), m_start)
                     or _PLACE_PREPOSITION.search(text, max(left, m_start - 12), m_start)):
            # "IPEF is unlikely to continue under Trump, said Zack Cooper", "… to cattle in
            # Nevada, said J.J. Goicoechea": a name after a preposition is no subject; the
            # person (or the source described: "…, said the spokesman") named after the cue speaks
            named = parse_after(text, tokens(text, ce, _next_boundary(text, ce, e)))
            if named is not None and named.kind in ("person", "definite", "anonymous") \
                    and text[named.end:e].strip()[:1] in ("", ",", ".", ";"):
                mention = None
        adverbial = _adverbial_before_cue(text, max(left, mention.end), cs) \
            if mention is not None and mention.kind == "person" and cue in _INVERTING_CUES \
            and text[left:cs].rstrip().endswith(",") else None
        if adverbial is not None and _has_verb(tokens(text, left, adverbial)):
            # "Officers arrested Ann Burton, 32, after locating drugs in her car, said Lt. Matt
            # Harris": the person named after the cue, not the one the statement is about (whose
            # own verb comes before the adverbial: not "Donald Trump, in a post on Monday,
            # accused Jack Smith")
            named = parse_after(text, tokens(text, ce, _next_boundary(text, ce, e)))
            if named is not None and named.kind == "person" \
                    and text[named.end:e].strip()[:1] in ("", ",", ".", ";"):
                mention = None
        inverted = False
        if mention is None and left > s:
            # "Trump, who called the inquiry a “witch hunt,” said he would appeal": the subject
            # before the relative clause that the quote closes
            mention = self._subject_before_relative(s, left, cs)
            if mention is not None:
                m_start = mention.start
        if mention is None:
            comma_or_quote = text[left:cs].strip(" \t,") == "" or text[left:cs].rstrip().endswith(",")
            if not comma_or_quote or cue in ("told", "tells", "tell", "telling"):
                return None  # (after "told" comes whom, never who: "…, told journalists")
            stop = _next_boundary(text, ce, e)
            # ("said Arlington, Virginia, voter Neil Puri": where the person is from, then the person)
            mention = _person_after_place(text, ce, e) or parse_after(text, tokens(text, ce, stop))
            if mention is None or mention.kind == "pronoun" and mention.name == "it":
                return None
            if mention.kind == "pronoun" and text[mention.end:mention.end + 2].strip()[:1].isalpha():
                return None  # "…, said he had won": the reported clause's subject, not the speaker
            following = text[mention.end:mention.end + 40].split(None, 2)
            if mention.kind != "person" and following and following[0].isalpha() and following[0].islower() \
                    and (following[0] in _FINITE or following[0].endswith("ed") and not (
                        len(following) > 1 and following[1].lower() in _PARTICIPLE_PREPOSITIONS)):
                return None  # "…, said the attacker used two guns": the clause's subject and verb
            inverted = True
            mention = self._with_appositive(mention, e)
            m_start = cs
        frame = _Frame(cue, cs, ce, mention, m_start if not inverted else cs,
                       mention.end if inverted else ce, (s, e), para, inverted=inverted,
                       headline=headline)
        if not inverted:
            self._after_cue(frame, e)
            if mention.kind == "person" and " " not in mention.name and not mention.role \
                    and frame.clause_start is not None \
                    and text[frame.clause_start:frame.clause_start + 4].lower().startswith(("it ", "its ")) \
                    and not titled_somewhere(text, mention.name):
                # ("Garmin said its watches …" is a company; "Kim said it was “indispensable” …"
                # is the leader the text titles elsewhere)
                frame.mention = Mention(mention.start, mention.end, "organisation", mention.name)
        return frame

    def _title_case_frame(self, cue: re.Match[str], s: int, e: int, para: int) -> _Frame | None:
        """``Mayor Says New Museum Will Tell of 'Suffering and Delight'``: in a headline in title
        case the words before the cue are the speaker and the rest of the line what was said."""
        text = self.text
        cs, ce = cue.span()
        before = tokens(text, s, cs)
        if not before or before[-1].low in ("who", "that", "which"):
            return None  # "The Man Who Says Yes To Everything": a title, no statement
        mention = parse_before(text, before)
        if mention is None or mention.kind == "pronoun":
            return None
        end = e
        while end > ce and text[end - 1] in " \t.":
            end -= 1
        start = ce
        while start < end and text[start] in " \t:":
            start += 1
        if text.startswith("That ", start):
            start += 5
        if len(text[start:end].split()) < 2:
            return None
        for q in self.quotes:
            if start <= q.start and q.end <= end and q.start in self.titles:
                # every phrase of a title-case line looks like a work's title: here it is speech
                self.titles.discard(q.start)
                self.claimed.discard(q.start)
        frame = _Frame(cue.group().lower(), cs, ce, mention, mention.start, ce, (s, e), para, headline=True)
        frame.clause_start, frame.clause_end = start, end
        return frame

    def _subject_before_relative(self, s: int, left: int, cs: int) -> Mention | None:
        """The sentence's subject when a relative clause set off by commas ends with a quote
        right before the cue: "Trump, who called it a “witch hunt,” said …"."""
        text = self.text
        if text[left:cs].strip(" \t,”’\"'"):
            return None
        rel = max(text.rfind(", who ", s, left), text.rfind(", which ", s, left))
        if rel <= s or rel - s > _SUBJECT_WINDOW or self.inside_quote(rel):
            return None  # (not a relative clause inside the quotation itself)
        mention = parse_before(text, tokens(text, s, rel))
        if mention is None or mention.kind == "pronoun" or mention.start != tokens(text, s, rel)[0].start:
            return None  # (the subject must open the sentence)
        return mention

    def _opening_participle_frame(self, cue: str, cs: int, ce: int, s: int, e: int, para: int,
                                  headline: bool) -> _Frame | None:
        """``Arguing that voters are just now tuning in, Patrick has said …``: a participle that
        opens the sentence reports what its clause says (up to the comma), and the subject of the
        main clause after the comma says it."""
        text = self.text
        that = text.startswith(" that ", ce)
        if not that and cue != "saying" and _QUOTED_SUBJECT.match(text, ce) is None:
            return None  # ("Warning signs were everywhere": a noun's modifier, not a participle;
            # but "Declaring “the maritime soul of the Marine Corps” is at stake, Gates …")
        clause_start = ce + 6 if that else ce + 1
        comma = text.find(",", clause_start, e)
        if comma < 0 or self.inside_quote(comma):
            return None
        clause = tokens(text, clause_start, comma)
        if len(clause) < 3 or not _has_verb(clause):
            return None  # ("Speaking to reporters, Hale said …": no statement in the participle)
        after = tokens(text, comma + 1, min(e, comma + 1 + _SUBJECT_WINDOW))
        # (past an aside: "…, with the first votes less than 100 days away, Patrick has said")
        while after and after[0].low in _ASIDE_OPENERS:
            nxt = text.find(",", after[0].start, e)
            if nxt < 0:
                return None
            after = tokens(text, nxt + 1, min(e, nxt + 1 + _SUBJECT_WINDOW))
        mention = parse_after(text, after)
        if mention is None or mention.kind == "pronoun" and mention.name == "it":
            return None
        frame = _Frame(cue, cs, ce, mention, cs, ce, (s, e), para, headline=headline)
        frame.clause_start = clause_start
        frame.clause_end = comma
        frame.with_that = that
        return frame

    def _participle_frame(self, cue: str, cs: int, ce: int, s: int, e: int, para: int,
                          headline: bool) -> _Frame | None:
        """``The Met Office issued a warning, saying flooding is possible``: the subject that
        opens the sentence says what follows ``saying`` / ``adding that``."""
        text = self.text
        dateline = _DATELINE.match(text, s, cs)
        if not text[s if dateline is None else dateline.end():cs].strip():
            # (after a dateline too: "WASHINGTON (Aug. 13) -- Declaring …, Gates has ordered …")
            return self._opening_participle_frame(cue, cs, ce, s, e, para, headline)
        quoted = self._quoted_as(s, cs)
        if quoted is not None:
            frame = _Frame(cue, cs, ce, quoted, min(quoted.start, cs), ce, (s, e), para, headline=headline)
            self._after_cue(frame, e)
            return None if _wants_that(text, frame) else frame
        before_cue = cs
        while before_cue > s and text[before_cue - 1].isspace():
            before_cue -= 1
        after_pause = before_cue > s and (text[before_cue - 1] in ",—–" or text[before_cue - 2:before_cue]
                                          in (",”", ',"', ",’", ",'"))  # '“bad,” adding that'
        if not after_pause and text[s:before_cue].endswith(" by"):
            # "The party, which tried to rally support by saying that …": who did it said it
            who = max(text.rfind(", which ", s, cs), text.rfind(", who ", s, cs))
            if who > s:
                toks = tokens(text, max(s, who - _SUBJECT_WINDOW), who)
                mention = parse_before(text, toks)
                owner = max((k for k, t in enumerate(toks) if possessive(t)), default=len(toks))
                if mention is None and owner + 1 < len(toks):
                    mention = parse_before(text, toks[owner + 1:])  # "Netanyahu’s Likud party"
            else:
                mention = self._coordinated_subject(s, cs)
            if mention is None:
                return None
            frame = _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline)
            self._after_cue(frame, e)
            # (a clause must follow: not "by arguing to the judge to let him speak")
            return frame if frame.clause_start is not None and cue not in _THAT_ONLY else None
        if not after_pause and cue == "saying" and _MESSAGE_SENT.search(text, s, before_cue):
            # "Avalos wrote to someone saying she wanted …", "He sent a letter to the board
            # saying …": who wrote or sent it says it
            mention = self._coordinated_subject(s, cs)
            if mention is not None:
                return self._subject_frame(
                    _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline), e)
        if not after_pause and not _after_document(text, s, before_cue):
            # (after a comma or a dash the participle is the subject's: "… with Amazon — claiming …")
            # "… with the Kremlin confirming there had been an invitation"
            before = tokens(text, max(s, cs - _SUBJECT_WINDOW, text.rfind(",", s, cs) + 1), cs)
            mention = parse_before(text, before)
            if mention is None or mention.kind == "pronoun":
                return None
            lead = [t for t in before if t.end <= mention.start]
            clause = max(s, text.rfind(",", s, cs) + 1)
            joined = text.rfind(" and ", clause, cs)
            if joined >= 0 and (not lead or lead[-1].low != "with") \
                    and re.search(rf"\bwith\b[^,]*?\b{re.escape(cue)}\b", text[clause:joined]) is not None:
                # "with Steve Scalise calling it “Soviet-style” and Ross Spano calling the process
                # “a coup”": the second of two people, each with the same participle
                second = parse_before(text, tokens(text, joined + 5, cs))
                if second is not None and second.kind in ("person", "organisation") \
                        and second.start == joined + 5:
                    return self._subject_frame(
                        _Frame(cue, cs, ce, second, second.start, ce, (s, e), para, headline=headline), e)
            if not lead or lead[-1].low not in ("with", "despite", "amid"):
                return None  # ("… despite Znak.com claiming an anonymous source described …")
            return self._subject_frame(
                _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline), e)
        if not after_pause and cue in _PAUSED_PARTICIPLES:
            return None  # ("a letter stating that …", "an email announcing that …": not the subject's)
        inverted = self._inverted_speaker_before(s, before_cue)
        if inverted is not None:
            # "Prices rose, said Tom Hale, who runs the shop, adding that …": the speaker the
            # inverted cue named, not the statement's first words
            return self._subject_frame(
                _Frame(cue, cs, ce, inverted, cs, ce, (s, e), para, headline=headline), e)
        sentence = (s, e)  # the frame belongs to the sentence, wherever its subject starts
        joins = [j for j in _CLAUSE_JOIN.finditer(text, s, cs) if "," not in text[j.end():before_cue - 1]]
        if joins and after_pause and text[before_cue - 1] == ",":
            # "Trump had belittled the senator, while Rubio questioned his fitness, calling Trump
            # “a con man”": the participle is the subject's of the clause after ", while"
            s = joins[-1].end()
        s = self._past_opening_quote(s, cs)
        dateline = _DATELINE.match(text, s, cs)
        if dateline is not None:
            s = dateline.end()  # "SEOUL, Aug. 20 (Yonhap) -- North Korea's newspaper …, warning"
        connective = _CONNECTIVE_OPENER.match(text, s, cs)
        if connective is not None and "," in connective.group():
            # "However, the diplomat spoke, stating that …": the subject after it (and after a
            # quotation opening there: 'However, “this is not over,” Smith wrote, adding …')
            s = self._past_opening_quote(connective.end(), cs)
        opening = text.find(",", s, min(cs, s + 60))
        if opening > 0 and (text[s:s + 12].split(" ", 1)[0].lower() in _OPENING_PREPOSITIONS
                            or any(w.lower() in ("later", "ago", "earlier", "after", "before")
                                   for w in text[s:opening].split()[:3])) \
                and not _appositive_after(text, opening + 1, cs):
            # "In a reflection of the confusion, the Electoral Commission issued …" (not "On
            # Monday Mr Smith, a lawyer for the family, issued …": that comma opens a description)
            s = opening + 1
        toks = tokens(text, s, min(cs, s + _SUBJECT_WINDOW))
        n = 0
        while n < len(toks) and n < 10 and (np_word(toks[n]) or toks[n].low in lx.DETERMINERS
                                            or toks[n].low in lx.PRONOUNS
                                            or toks[n].word == "and" and n and n + 1 < len(toks)
                                            and toks[n - 1].word[0].isupper()
                                            and toks[n + 1].word[0].isupper()) \
                and not (n and text[s] != "("
                         and any(d in text[toks[n - 1].end:toks[n].start] for d in "—–(")) \
                and not (n and "," in text[toks[n - 1].end:toks[n].start]
                         and (toks[n].low in ("a", "an", "the") or toks[n].word.islower())):
            # (a dash or a bracket ends the subject: "Pai — a Trump administration appointee —";
            # so does a comma before an appositive: "Chen Weiyu, a Chinese media influencer, …")
            n += 1  # ("Tim Cook and Phil Schiller extolled …, saying": both)
            if toks[n - 1].low in lx.PRONOUNS:
                break
        subject: Mention | None = None
        if n and toks[n - 1].low in lx.PRONOUNS and n == 1:
            subject = Mention(toks[0].start, toks[0].end, "pronoun", toks[0].low)
        elif n:
            subject = parse_before(text, toks[:n]) if any(t.word == "and" for t in toks[:n]) \
                else classify(text, toks[:n])
            if subject is not None and subject.kind in ("anonymous", "definite") and n < len(toks) \
                    and toks[n].low in ("of", "for", "at", "from", "with"):
                # "A spokesperson of the North's committee handling inter-Korean affairs issued a
                # statement, saying …": the whole phrase up to the sentence's verb
                verb = next((m for m in range(n + 1, min(len(toks), n + 14)) if _finite_word(toks[m])), None)
                longer = parse_before(text, toks[:verb]) if verb is not None else None
                if longer is not None and longer.start == subject.start and longer.kind == "anonymous":
                    subject = longer
            described = _DESCRIBED_NAME.match(text, toks[0].start, cs)
            if subject is not None and subject.kind in ("definite", "anonymous") and described:
                # "The leader of Ennahda, Rachid Ghannouchi, condemned …, saying": the name set
                # off after the description is who it is
                named = parse_before(text, tokens(text, described.start(1), described.end(1)))
                desc = classify(text, tokens(text, described.start(), described.start(1) - 2))
                if named is not None and named.kind == "person" and named.start == described.start(1):
                    subject = Mention(named.start, named.end, "person", named.name,
                                      role=desc.role if desc else None,
                                      organisation=desc.organisation if desc else None, gender=named.gender)
        bare_group = subject is not None and subject.start == toks[0].start and subject.name.endswith("s") \
            and subject.name.split()[-1].lower() in lx.ANON_HEADS  # ("Officials said …, adding")
        if subject is None or subject.kind == "anonymous" and toks[0].low not in lx.DETERMINERS \
                and " and " not in subject.name and not bare_group:
            # "But in April, Gerhard Müller quashed that hope, insisting …": the subject after an
            # opening conjunction, time or phrase
            subject = self._lead_person(s, cs)
            if subject is None or subject.kind == "definite" or subject.end > cs:
                return None
        found = self._subject_frame(
            _Frame(cue, cs, ce, subject, cs, ce, sentence, para, headline=headline), e)
        if found is not None and found.clause_start is not None \
                and text[subject.end:before_cue].strip() == ",":
            # "Ana Ruiz, saying that she would not resign, left the room": a participle set off
            # between the subject and its verb ends at its comma
            comma = text.find(",", found.clause_start, e)
            while comma > 0 and self.inside_quote(comma):
                comma = text.find(",", comma + 1, e)
            if comma > 0:
                found.clause_end = comma
        return found

    def _subject_frame(self, frame: _Frame, e: int) -> _Frame | None:
        """A participle's frame once its speaker is known: its clause read up to ``e``; none for a
        cue that reports speech only with "that" when no "that" follows; the clause starts
        right after the cue unless it was found elsewhere ("telling" names a hearer first)."""
        self._after_cue(frame, e)
        if _wants_that(self.text, frame):
            return None
        if frame.clause_start is None and frame.cue != "telling":
            if _NOUN_OBJECT_AFTER.match(self.text, frame.cue_end):
                return None  # "warning of dangerous consequences": a noun phrase, no statement
            frame.clause_start = frame.cue_end
        return frame

    def _inverted_name_after(self, ce: int, e: int) -> bool:
        """Does a person's name follow the cue and end its phrase (", said Ahmed Alkhatib, a
        senior fellow"): an inverted frame, not a series of verbs?"""
        text = self.text
        named = parse_after(text, tokens(text, ce, _next_boundary(text, ce, e)))
        return named is not None and named.kind == "person" \
            and text[named.end:e].strip()[:1] in ("", ",", ".", ";")

    def _inverted_speaker_before(self, s: int, cs: int) -> Mention | None:
        """The speaker an inverted cue names earlier in the sentence ("…, said Tom Hale, …")."""
        text = self.text
        found = list(_INVERTED_CUE.finditer(text, max(s, cs - 300), cs))
        if not found:
            trailing = _TRAILING_FRAME_BEFORE.search(text, max(s, cs - 160), cs)
            if trailing is not None:
                # "A total of 39 are dead, officials told state media, adding that …": the
                # speaker of the frame that closed the statement before the participle
                mention = parse_before(text, tokens(text, trailing.start(1), trailing.end(1)))
                if mention is not None and mention.kind != "pronoun" and mention.end == trailing.end(1):
                    return mention
            return None
        if found[-1].group(1):
            # "…, he said, adding that …": the pronoun's person
            return Mention(found[-1].start(1), found[-1].end(1), "pronoun", found[-1].group(1))
        after = found[-1].end()
        named = _person_after_place(text, after - 1, cs)
        if named is not None:
            return named  # "…, said Arlington, Virginia, mayor Jane Doe, adding that …"
        stop = text.find(",", after, cs)
        mention = parse_after(text, tokens(text, after, stop if stop > 0 else cs))
        if mention is None or mention.kind == "pronoun":
            return None
        return mention

    def _quoted_as(self, s: int, cs: int) -> Mention | None:
        """``newspapers quote Salinas as saying``: the one quoted; ``Salinas was quoted as
        saying``: the sentence's subject."""
        text = self.text
        match = _QUOTED_AS.search(text, max(s, cs - _SUBJECT_WINDOW), cs)
        if match is None:
            return None
        if match.group(1) is None:
            return self._coordinated_subject(self._past_opening_quote(s, cs), match.start())
        toks = tokens(text, match.start(1), match.end(1))
        if len(toks) == 1 and toks[0].low in ("him", "her"):
            return Mention(toks[0].start, toks[0].end, "pronoun", "he" if toks[0].low == "him" else "she")
        if "," in match.group(1):
            # "quoted the head of the agency, Fransiskus Bambang Soelistyo, as saying": the name
            # set off after the description (else the description itself)
            named = parse_after(text, tokens(text, text.rfind(",", match.start(1), match.end(1)) + 1,
                                             match.end(1)))
            if named is not None and named.kind == "person":
                return named
            toks = tokens(text, match.start(1), text.find(",", match.start(1), match.end(1)))
        mention = parse_after(text, toks)
        return mention if mention is not None and mention.kind != "pronoun" else None

    def _past_opening_quote(self, s: int, cs: int) -> int:
        """Where the subject of a sentence that opens with a quote starts: after the quote
        (“I’ve signed away my organs,” he joked, adding that…: the subject is "he")."""
        k = s
        while k < cs and self.text[k].isspace():
            k += 1
        q = self.by_open.get(k)
        if q is None or not q.closed or q.end >= cs:
            return s
        return q.end + 1

    def _relative_frame(self, cue: str, cs: int, ce: int, s: int, e: int, para: int, headline: bool,
                        left: int) -> _Frame | None:
        """``The senator, who said the bill was flawed, voted against it``: the speaker is the
        phrase before ", who", and the clause ends where the relative clause does."""
        text = self.text
        who = text.rfind(",", left, cs)
        words = text[who + 1:cs].split()
        words = _past_adverb_of_relative(words, ("who",))  # ("who recently revealed")
        if 3 <= len(words) <= 10 and words[0] in ("a", "an") and words[-1] == "who" and who > left \
                and words[-2].lower() not in lx.PERSON_NOUNS and words[-2].lower() != "veteran":
            # "Trump, a famously transactional leader who has advocated …": the person the
            # description right before "who" is of (not "According to Sarah Smith, a man who said
            # …", "After meeting Joe Biden, a veteran who …": someone else after an opening)
            named = parse_before(text, tokens(text, max(left, who - _SUBJECT_WINDOW), who))
            opening = _OPENING_BEFORE_NAME.search(text, max(left, named.start - 20), named.start) \
                if named is not None else None
            if named is not None and named.kind == "person" and opening is None:
                frame = _Frame(cue, cs, ce, named, named.start, ce, (s, e), para, headline=headline)
                self._after_cue(frame, e)
                return frame
            return None
        if not words or words[0] not in ("who", "which") \
                or len(words) > 1 and not _RELATIVE_PERFECT.fullmatch(" ".join(words) + " "):
            return None
        mention = parse_before(text, tokens(text, max(left, who - _SUBJECT_WINDOW), who))
        if mention is None or mention.kind == "pronoun":
            return None
        comma = text.rfind(",", left, who)
        if mention.kind in ("anonymous", "definite", "organisation") and comma > left \
                and text[comma + 1:who].split()[:1] in (["a"], ["an"], ["the"]):
            # "said Nagi Almudhegi, a Dearborn data analyst, who said he voted …": the person the
            # description is of
            named = parse_before(text, tokens(text, max(left, comma - _SUBJECT_WINDOW), comma))
            if named is not None and named.kind == "person" and " " in named.name:
                mention = named
        frame = _Frame(cue, cs, ce, mention, mention.start, ce, (s, e), para, headline=headline)
        self._after_cue(frame, e)
        if frame.clause_start is not None:
            comma = text.find(",", frame.clause_start, e)
            frame.clause_end = comma if comma > 0 else None
        return frame

    def _caused_speaker(self, left: int, to: int) -> Mention | None:
        """The person a verb that makes someone speak names before "to" ("prompted Engoron to
        say", "forced Tom Hale to admit"): they said it. A request ("asked X to confirm") is not
        that they did."""
        text = self.text
        if to < 0:
            return None
        toks = tokens(text, max(left, to - _SUBJECT_WINDOW), to)
        causative = next((k for k in range(len(toks) - 2, -1, -1) if toks[k].low in _CAUSATIVES), None)
        if causative is not None:
            # the person is what follows the verb ("prompted Judge Ann Vell"), never the phrase
            # before it ("The attack prompted …")
            toks = toks[causative:]
        mention = parse_before(text, toks[1:] if causative is not None else toks)
        if mention is None or mention.kind not in ("person", "anonymous", "organisation", "definite"):
            return None
        verb = [t for t in toks if t.end <= mention.start]
        return mention if verb and verb[-1].low in _CAUSATIVES else None

    def _inner_subject(self, s: int, cs: int) -> Mention | None:
        """"Polly Sheppard told the jury Roof stood over her with his gun and asked her if …": a
        verb coordinated inside a reported clause without "that" has the clause's subject (Roof),
        not the sentence's. Only a name right after the earlier cue and its addressee, with a
        verb after it, counts (a pronoun there is mostly the sentence's subject again)."""
        found = None
        for match in _INNER_CLAUSE.finditer(self.text, s, cs):
            found = match
        if found is None or _clause_joins(self.text, found.end(), cs):
            return None
        if found.group(1).lower() in ("he", "she", "they"):
            return None  # ("Volker said he never used the term and added, …": Volker, as before)
        toks = tokens(self.text, found.start(1), found.end(1))
        mention = parse_before(self.text, toks)
        return mention if mention is not None and mention.kind == "person" else None

    def _subject_of_cue_before(self, s: int, cs: int) -> Mention | None:
        """The speaker of the cue this one is coordinated with: "Wallace had Trump confirm that he
        signed … and acknowledge that …" -- who acknowledged is who confirmed (Trump), not the
        sentence's subject. Only a person or a pronoun named right before that cue counts."""
        text = self.text
        found = list(_CUE_THAT.finditer(text, max(s, cs - 400), cs))
        last = found[-1] if found else None
        if last is None or last.start() <= s or _clause_joins(text, last.end(), cs):
            return None  # (", while the police deny … and say": a new subject since that cue)
        mention, _ = self._subject(max(s, last.start() - _SUBJECT_WINDOW), last.start())
        if mention is not None and mention.kind in ("person", "pronoun"):
            return mention
        return None

    def _coordinated_subject(self, s: int, cs: int) -> Mention | None:
        """The subject that opens the sentence, when a verb phrase follows it before ``and``; or
        the clause after ", while" ("China said …, while the city's police deny … and say …")."""
        text = self.text
        framed = _FRAME_THEN_JOIN.search(text, max(s, cs - 120), cs)
        if framed is not None and framed.end() == cs:
            # "Breeding is vital, Brunner said, but added that …": who said the words before
            found = parse_before(text, tokens(text, framed.start(1), framed.end(1)))
            if found is not None and found.kind in ("person", "pronoun", "definite", "anonymous"):
                return found
        joins = _clause_joins(text, s, cs)
        if joins:
            found = self._coordinated_subject(joins[-1].end(), cs)
            if found is not None:
                return found
        toks = tokens(text, s, min(cs, s + _SUBJECT_WINDOW))
        opening = text.find(",", s, min(cs, s + 60))
        if toks and (toks[0].low in _OPENING_PREPOSITIONS or toks[0].low in _ASIDES
                     or _opening_participle(toks) or toks[0].low.endswith("ly") and len(toks[0].low) > 4
                     and len(toks) > 1 and toks[1].word.islower() and opening > toks[1].start) \
                and opening > 0:
            # ("Shortly after his inaugural speech, Trump spoke …": an adverb's phrase, too)
            # ("Speaking in the Commons on Monday, Ms Lin said … but warned …": a participle)
            # "In Washington, Josh Earnest condemned the attack and said …": past the opening phrase
            toks = tokens(text, opening + 1, min(cs, opening + 1 + _SUBJECT_WINDOW))
        n = 0
        while n < len(toks) and n < 8 and (np_word(toks[n]) or toks[n].low in lx.DETERMINERS
                                           or _role_before_name(toks, n)) \
                and (n == 0 or not text[toks[n - 1].end:toks[n].start].strip()):
            n += 1
        if n == 0 and toks and toks[0].low in ("he", "she", "they", "it"):
            mention: Mention | None = Mention(toks[0].start, toks[0].end, "pronoun", toks[0].low)
            n = 1
        else:
            mention = classify(text, toks[:n]) if n else None
            if mention is None and toks and toks[0].low in lx.DETERMINERS and n < len(toks) \
                    and toks[n].word.islower():
                # "An unidentified poster put up her picture and wrote …": adjectives before the head
                described = parse_after(text, toks[:8])
                if described is not None and described.kind == "anonymous":
                    mention = described
                    n = sum(1 for t in toks if t.end <= described.end)
        verb = toks[n] if n < len(toks) else None
        if n and verb is not None and (mention is None or verb.low in lx.GLUE
                                       or text[toks[n - 1].end:verb.start].strip() == ","):
            # "The chief executive of NHS Providers, Julia Marsh, welcomed the funding but said
            # …": the subject with its appositives, up to the verb after them
            return self._subject_through_appositives(s, toks, n)
        if mention is None or verb is None or not verb.word.islower() or verb.low in lx.GLUE \
                or text[toks[n - 1].end:verb.start].strip():
            return None  # no verb right after the subject, or a comma between
        return mention

    def _subject_through_appositives(self, s: int, toks: list[Tok], n: int) -> Mention | None:
        """The subject of a sentence whose first noun phrase is followed by comma-separated
        appositives: the verb is the first lower-case word after a comma that opens no phrase of
        its own (not "the", "a", "who"); the subject is read back from it."""
        text = self.text
        for j in range(n, min(len(toks), n + 25)):
            if text[toks[j - 1].end:toks[j].start].strip() not in (",", ".,"):
                continue  # (".," after an abbreviation: "R-W.Va., visited")
            word = toks[j]
            if word.word.islower() and word.low not in lx.DETERMINERS and word.low not in lx.GLUE \
                    and word.low not in _RELATIVES and word.word.isalpha():
                mention, _ = self._subject(s, word.start)
                if mention is None or mention.kind == "pronoun" or mention.start > toks[0].start + 40:
                    return None
                return mention
        return None

    def _listed_before(self, left: int, cut: int, toks: list[Tok], mention: Mention | None) -> Mention | None:
        """"Britain, France and Germany told …", "Hawkins, Blankenship, and Carroll said": a list
        of names before the cue whose last one or two the words after its last comma give; the
        whole list speaks (each earlier item a name of its own, the list the sentence's opening)."""
        if mention is None or cut < 0 or not toks \
                or mention.kind not in ("person", "organisation", "anonymous"):
            return None
        text = self.text
        if toks[0].low != "and" and not (mention.start == toks[0].start and " and " in mention.name):
            return None
        begin = left
        items = text[left:cut].split(",")
        if len(items) > 4 or not all(_LIST_ITEM.fullmatch(item) for item in items):
            return None
        for item in items:
            words = tokens(text, left, left + len(item))
            left += len(item) + 1
            if not words or words[0].low in lx.GLUE or words[0].low in lx.TIME_WORDS \
                    or words[0].low in lx.NOT_NAMES or words[0].low in _LIST_OPENERS \
                    or item.strip().isupper() and len(item.strip()) > 3 or _PARTY_TAG.match(item.strip()):
                # ("In Washington, Biden and Harris said": where, not who; nor "Like Britain, …",
                # a dateline "WASHINGTON, …", a party's tag "Gov. Gavin Newsom, D-Calif., and …")
                return None
            named = parse_before(text, words)
            if named is None or named.kind != mention.kind \
                    and {named.kind, mention.kind} != {"person", "anonymous"}:
                return None
            if named.start != words[0].start and words[0].low != "the":
                return None
        start = next(t.start for t in tokens(text, begin, cut) if t.low != "the")
        name = " ".join(text[start:mention.end].split())
        kind = "organisation" if mention.kind == "organisation" else "anonymous"
        return Mention(start, mention.end, kind, name, gender="plural")

    def _subject(self, left: int, cs: int) -> tuple[Mention | None, int]:
        """The speaker before a cue, through appositives: ``Maria Zakharova, a spokeswoman for
        the Russian Foreign Ministry, said``; ``Sen. Rand Paul, R-Ky., who voted against it,
        said``; ``Her lawyer, Mark Jones, said``."""
        text = self.text
        handle = _HANDLE_BEFORE_CUE.search(text, max(left, cs - 60), cs)
        if handle is not None:
            # "Twitter user @notable1980 tweeted [ko] …": the account speaks
            return Mention(handle.start(1), handle.end(1), "person", handle.group(1)), handle.start(1)
        closing = _DASH_CLOSED_ASIDE.search(text, left, cs)
        if closing is not None and closing.end() == cs:
            aside = tokens(text, closing.start() + 3, closing.end() - 3)
            named = parse_before(text, aside) if aside else None
            if named is not None and named.start == aside[0].start \
                    and (named.kind == "person" and " " in named.name
                         or named.kind == "anonymous" and " and " in named.name):
                # "Her lawyer — Alan Dershowitz — said", "Two people — a police officer and a
                # bystander — said": the name or the pair the dashes set off speaks
                return named, named.start
            # "The OPCW — the implementing body for the … Convention — said": the subject stands
            # before the aside the two dashes set off
            found, at = self._subject(left, closing.start())
            if found is not None:
                return found, at
        dash = max(text.rfind(" — ", left, cs), text.rfind(" – ", left, cs))
        if dash >= 0 and "," not in text[dash + 3:cs] and "—" not in text[dash + 3:cs] \
                and text[dash + 3:dash + 4].isupper():
            left = dash + 3  # "… the second Trump presidency — Liang suggests": after the dash
        cut = text.rfind(",", left, cs)
        if cut >= 0 and text.startswith(", including ", cut):
            # "Top officials, including the interior minister and the prime minister have
            # claimed": the group, whose list lacks its closing comma
            group, at = self._subject(left, cut)
            if group is not None and group.kind in ("anonymous", "organisation"):
                return group, at
        last = cut + 1 if cut >= 0 else left
        reduced = _REDUCED_RELATIVE.search(text, max(last, cs - _SUBJECT_WINDOW), cs)
        if reduced is not None and reduced.end() == cs and reduced.start() > last:
            # "Some of the protesters Wikinews interviewed said", "Residents the BBC spoke to
            # said": the people, not the outlet that met them
            cs = reduced.start()
        toks = tokens(text, max(last, cs - _SUBJECT_WINDOW), cs)
        if cut >= 0 and _occasion_phrase(toks, 0):
            # "The head of the police, Neil Basu, on Sunday said", "Trump, alongside Modi, at a
            # news conference said": when or where, after the subject's closing comma
            return self._subject(left, cut + 1)
        occasion = _occasion_at(toks)
        if occasion is not None:
            toks = toks[:occasion]  # "Trump at a Thursday evening news conference said"
        if strip_adverbs(toks):
            if cut >= 0 and toks[0].low.isalpha() and toks[0].low == toks[0].word:
                lead = tokens(text, max(left, cut - 30), cut)
                if 2 <= len(lead) <= 3 and lead[0].low in ("the", "a", "an") \
                        and all(t.word.isalpha() and t.word.islower() for t in lead[1:]) \
                        and text[max(0, lead[0].start - 3):lead[0].start].rstrip()[-1:] in ("”", '"') \
                        and not text[left:lead[0].start].strip(" \t\"“”’"):
                    # "“…,” the round, bearded businessman laughs": adjectives in a row after a
                    # quote (not "The museum, the mayor said", a parenthetical cue)
                    toks = lead + toks
            mention = parse_before(text, toks)
            if mention is None:
                mention = _subject_of_relative(text, toks)
            whole_list = self._listed_before(left, cut, toks, mention)
            if whole_list is not None:
                return whole_list, whole_list.start
            desc = max(text.rfind(", a ", left, cs), text.rfind(", an ", left, cs))
            role: str | None = ""  # (", a research analyst at …": read below, only when used)
            if desc < 0 and cut > left and mention is not None and mention.kind == "anonymous" \
                    and _lower_case_post(toks):
                # "Zhao Minghao, international relations expert at Fudan University said": a post
                # in lower case with no article, its closing comma missing
                desc, role = cut, text[cut + 1:cs].strip()
            from_where = desc < 0 and cut > left and len(toks) >= 2 and toks[0].low in ("from", "of") \
                and all(t.word[:1].isupper() for t in toks[1:])
            if from_where:
                # "Stephanie Liu, from New York told VOA": where she is from, its comma missing
                desc, role = cut, None
            if (mention is None or mention.kind in ("anonymous", "organisation") or from_where) \
                    and desc > left:
                # "“…,” Kurinji Selvaraj, a research analyst at the … think tank told CBS News":
                # the name right after the quote, before the description whose closing comma is
                # missing, is who spoke
                if role == "":
                    role = text[desc + 2:cs].strip().split(" ", 1)[-1]
                named = parse_before(text, tokens(text, max(left, desc - 40), desc))
                if named is not None and named.kind == "person" and " " in named.name \
                        and not text[left:named.start].strip(" \t\"“”’,"):
                    return Mention(named.start, named.end, "person", named.name, role=role,
                                   gender=named.gender), named.start
            if mention is not None:
                seen = _SEEN_BY.search(text, max(left, mention.start - 30), mention.start)
                if seen is not None and seen.end() == mention.start:
                    # "Intelligence reports seen by Reuters suggest": the reports, not their reader
                    read = tokens(text, max(last, seen.start() - _SUBJECT_WINDOW), seen.start())
                    if read and read[0].low in lx.DETERMINERS:
                        read = read[1:]
                    documents = bool(read) and len(read) <= 5 and read[-1].low in lx.DOCUMENT_NOUNS
                    mention = _source_phrase(text, read) if documents else parse_before(text, read)
            return mention, (mention.start if mention else cs)
        if cut < 0:
            return None, cs
        # Comma-separated parts before the cue, nearest first.
        parts: list[tuple[int, int]] = []
        pos = cut
        while len(parts) < 5 and pos > left:
            comma = text.rfind(",", max(left, pos - _WINDOW), pos)
            while comma > 0 and text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit():
                comma = text.rfind(",", max(left, pos - _WINDOW), comma)  # ("2,400 officers": a number)
            parts.append((comma + 1 if comma >= 0 else max(left, pos - _WINDOW), pos))
            if comma < 0:
                break
            pos = comma
        roles: list[list[Tok]] = []
        k = 0
        placed_after = False  # (the part after this one, nearer the cue, said where)
        while k < len(parts):
            kind = _part_kind(text, tokens(text, *parts[k]))
            if kind == "np" and k + 1 < len(parts) \
                    and _part_kind(text, tokens(text, *parts[k + 1])) == "place":
                kind = "place"  # "of Opelika, Alabama,": the state goes with the town
            town_at = _country_after_town(tokens(text, *parts[k]), tokens(text, *parts[k + 1])) \
                if kind == "np" and k + 1 < len(parts) else None
            if town_at is not None and self._surname_used_alone(tokens(text, *parts[k])):
                town_at = None  # "the foreign minister of Estonia, Kaja Rand, … Rand said": a person
            if town_at is not None:
                # "of the University of Otago in Dunedin, New Zealand,": the country goes with the
                # town, and "in Dunedin" with whoever is named before it
                kind = "place"
                if text[town_at:town_at + 3] in ("in ", "nea"):
                    parts[k + 1] = (parts[k + 1][0], town_at)
            if kind == "np" and k + 1 < len(parts):
                part = tokens(text, *parts[k])
                while len(part) > 2 and part[0].low in _APPOSITIVE_ADVERBS \
                        and part[1].low in ("a", "an", "the", "of", "from"):
                    # "William Barr, now a Trump critic, said": who he is now; "Jon Rahbek-
                    # Clemmensen, also of the Royal Danish Defence College, told": where from
                    part = part[1:]
                after = tokens(text, *parts[k + 1])
                if len(part) >= 2 and part[0].low == "and" \
                        and (any(t.low in ("in", "at") for t in part[2:]) or placed_after) \
                        and (_part_kind(text, after) in ("place", "role")
                             or 1 <= len(after) <= 3 and all(t.word[:1].isupper() for t in after)
                             and k + 2 < len(parts)):
                    # "a scientist at NASA Goddard in Greenbelt, Maryland, and American University
                    # in Washington, D.C., said": the second place of the description before
                    kind = "skip"
                elif part and part[0].low in ("a", "an") and len(part) <= 5 \
                        and parse_before(text, part) is None:
                    kind = "role"  # "Tom Hale, a Republican, called": who the name before is
                elif part and part[0].low in ("a", "an", "another") and _names_a_person(
                        parse_before(text, tokens(text, *parts[k + 1]))):
                    # "Norman Ratcliffe, an ecologist from the Survey in Cambridge, told": a
                    # longer description of the person named just before
                    kind = "role"
                elif (is_org_title(part) or part and part[0].low == "the" and any(
                        t.low in ("who", "whose") for t in part[2:])
                        or _owned_description(part)) and _names_a_person(
                        parse_before(text, tokens(text, *parts[k + 1]))):
                    # "Jane Roe, Google head of search, said", "Jim Jordan, the Ohio Republican
                    # who chairs the committee, said": an employer and a title, or a relative
                    # clause, after a name describe that person (and name no speaker)
                    kind = "role"
                elif part and part[0].low in ("of", "from") and _opens_with_a_name(
                        text, _past_party_tag(text, parts, k + 1)):
                    kind = "role"  # "Ana Berg, of the University of Otago, said": where she is from
                elif _owner_s_choice(part) \
                        and _names_a_person(parse_before(text, tokens(text, *parts[k + 1]))):
                    # "Jamieson Greer, President Donald Trump's choice to be the top U.S. trade
                    # negotiator, promised": what the person is to the owner
                    kind = "role"
                elif _pronoun_description(part) \
                        and _opens_with_a_name(text, _past_party_tag(text, parts, k + 1)):
                    kind = "role"  # "Tim Kaine, his rival, said": who the named person is to him
                elif part and part[0].word[:1].isupper() and part[-1].low in lx.POSITION_HEADS \
                        and _unnamed_office(text, part) \
                        and _opens_with_a_name(text, _past_party_tag(text, parts, k + 1)):
                    # "Matthew Miller, State Department spokesman, said": the post of a named
                    # body, with no article, after the person's name
                    kind = "role"
                elif _owned_description(part) and part[-1].low in _BODY_HEADS and k + 2 < len(parts) \
                        and _unnamed_office(text, tokens(text, *parts[k + 1])) \
                        and _opens_with_a_name(text, tokens(text, *parts[k + 2])):
                    # "Winston Ma, a former managing director for the China Investment Corporation
                    # (CIC), China's sovereign wealth fund, said": what the body of his post is
                    kind = "role"
                elif part and part[0].low in ("a", "an") and k + 2 < len(parts) \
                        and _unnamed_office(text, tokens(text, *parts[k + 1])) \
                        and _opens_with_a_name(text, tokens(text, *parts[k + 2])):
                    # "Jeff Sanborn, president of Chapter & Verse, a Spokane advertising agency,
                    # said": what the body of his post is; the person named before is the speaker
                    kind = "role"
                elif part and part[0].low in ("the", "a", "an") and _body_description(part) \
                        and _names_a_body(parse_before(text, tokens(text, *parts[k + 1]))):
                    # "OpenAI, the U.S.-based company behind ChatGPT, now claims …": what the body
                    # named before it is, not a speaker ("ChatGPT")
                    kind = "role"
                elif _lower_case_post(part) and _opens_with_a_name(text, _past_party_tag(text, parts, k + 1)):
                    # "Carmen Lau, international advocacy and program associate at the Hong Kong
                    # Democracy Council, said": a post in lower case, however long, is hers
                    kind = "role"
                elif (description_at := _list_ending_description(text, parts, k)) is not None:
                    # "Justin Hughes, a professor specializing in intellectual property, AI, and
                    # data rights, said": a list inside the description of the name before it
                    roles.append(tokens(text, parts[description_at][0], parts[k][1]))
                    k = description_at + 1
                    continue
                elif (listed := _listed_before_post(text, parts, k)) is not None:
                    # "Katherine Jacobsen, the U.S., Canada and Caribbean program coordinator at
                    # the Committee to Protect Journalists, told": the list's first items are of
                    # the post, which is the person's named before it
                    roles.append(tokens(text, parts[listed - 1][0], parts[k][1]))
                    k = listed
                    continue
                elif part and part[0].low == "the" and _unnamed_office(text, part) \
                        and _opens_with_a_name(text, _past_party_tag(text, parts, k + 1)):
                    # "Sen. Dana Whitfield, R-Ohio, the ranking member of the budget committee,
                    # said": an office after a name is that person's (not "Asked about Hale, the
                    # spokesman said", where the name is not the phrase before)
                    kind = "role"
            if kind == "np" and k + 1 < len(parts) and _participle_phrase(text, parts, k):
                kind = "skip"  # "Peskov, referring to the new aid, also accused": what he did meanwhile
            if kind == "np" and k + 1 < len(parts) and not roles:
                source = _source_before_body_name(text, parts, k)
                if source is not None:
                    return source, source.start
            if kind == "np" or kind == "role" and k == len(parts) - 1:
                break  # the speaker; a role-like phrase with nothing before it is the speaker too
            if kind == "role":
                roles.append(tokens(text, *parts[k]))
            placed_after = kind == "place"
            k += 1
        if k >= len(parts):
            return None, cs
        head = parse_before(text, tokens(text, *parts[k]))
        if head is None or head.kind == "pronoun" and not roles:
            return head, (head.start if head else cs)
        start = head.start
        if head.kind == "person" and not roles and not head.role and k + 1 < len(parts):
            # "Her lawyer, Mark Jones, said": the phrase before the name says who they are
            described = parse_before(text, tokens(text, *parts[k + 1]))
            if described is not None and described.kind in ("anonymous", "definite") \
                    and described.role:
                head = Mention(head.start, head.end, "person", head.name, role=described.role,
                               organisation=head.organisation or described.organisation,
                               gender=head.gender)
                start = described.start
            elif described is not None and described.kind == "anonymous" \
                    and not text[parts[k + 1][0]:described.start].strip() \
                    and one_person(described.name) is not None:
                start = described.start  # "“…,” a top White House official, Frances Brown, told"
        for role_toks in roles:
            if _loose_role(role_toks) and not head.role and head.kind == "person":
                head = Mention(head.start, head.end, head.kind, head.name,
                               role=_join_toks(text, role_toks[1:]),
                               organisation=head.organisation, gender=head.gender)
            else:
                head = _apply_appositive(text, head, role_toks)
        return head, start

    def _surname_used_alone(self, part: list[Tok]) -> bool:
        """Is the last of two or three capitalised words used on its own elsewhere in the text, as
        a person's surname is ("Kaja Rand" … "Rand said") and a state's second word is not
        ("New Zealand")?"""
        if len(part) < 2:
            return False
        last, prev = part[-1].word, part[-2].word
        if not (_WORD_RUN.fullmatch(last) and _WORD_RUN.fullmatch(prev)):
            alone = len(re.findall(rf"(?<![\w.-]){re.escape(last)}\b", self.text))
            whole = len(re.findall(rf"(?<![\w.-]){re.escape(prev)}\s+{re.escape(last)}\b", self.text))
            return alone > whole
        if self.word_counts is None:
            self.word_counts, self.pair_counts = _word_and_pair_counts(self.text)
        return self.word_counts[last] > self.pair_counts[(prev, last)]

    def _with_appositive(self, mention: Mention, e: int) -> Mention:
        """``said Maria Zakharova, a spokeswoman for the Russian Foreign Ministry.``"""
        text = self.text
        pos = mention.end
        if mention.kind in ("anonymous", "definite") and pos < e and text[pos] == ",":
            # "said Cole's attorney, Mark Dunn.": the person the description names
            stop = _next_boundary(text, pos + 1, e)
            named = parse_after(text, tokens(text, pos + 1, stop))
            if named is not None and named.kind == "person" and " " in named.name \
                    and text[named.end:e].strip()[:1] in ("", ".", ",", ";"):
                return Mention(mention.start, named.end, "person", named.name,
                               role=named.role or text[mention.start:mention.end],
                               organisation=named.organisation or mention.organisation,
                               gender=named.gender or mention.gender)
            return mention
        if mention.kind != "person" or pos >= e or text[pos] != ",":
            return mention
        stop = _next_boundary(text, pos + 1, e)
        appos = tokens(text, pos + 1, stop)
        if len(appos) == 1 and appos[0].word.isdigit() and stop < e and text[stop] == ",":
            nxt = _next_boundary(text, stop + 1, e)
            appos = tokens(text, stop + 1, nxt)
        if not appos or appos[0].low not in ("a", "an", "the", "his", "her", "its", "their", "another") \
                and appos[0].low not in lx.POSITION_HEADS and not is_org_title(appos):
            return mention  # ("said Jane Roe, Google head of search": an employer and a title)
        return _apply_appositive(text, mention, appos)

    def _after_cue(self, frame: _Frame, e: int) -> None:
        """Find the addressee or outlet (``told CBS``) and where the reported clause starts."""
        text = self.text
        marker = _LANGUAGE_MARK_AFTER_WORD.match(text, frame.cue_end)
        if marker is not None and not frame.inverted:
            # "quipping [ru] that …": the language of the page linked from the cue is no word of
            # the sentence
            frame.cue_end = frame.end = marker.end()
        limit = _next_boundary(text, frame.cue_end, e)
        toks = tokens(text, frame.cue_end, min(limit, frame.cue_end + _SUBJECT_WINDOW))
        i = 0
        if _DEMONSTRATIVE_THAT.match(text, frame.cue_end):
            return  # "answered that rhetorical question: “Nobody cares.”": "that" points, no clause
        if frame.cue in ("cautioned", "cautions", "complained", "complains") and toks \
                and toks[0].low in ("against", "about", "of", "over", "to"):
            return  # "cautioned against too much tinkering": what was warned of, no clause
        addressed = _ADDRESSEE_THEN_QUOTE.match(text, frame.cue_end, e)
        if addressed is not None and not frame.inverted and (
                addressed.group(1).startswith("to ") or frame.cue in lx.ADDRESSEE_CUES) \
                and _addressee_then_sentence(text, addressed):
            # "remarked to his deputy, “Look at him.”", "told his aides: “…”": whom it was said to,
            # then the words said
            frame.end = addressed.end(1)
            return
        if (frame.cue in _COMMISSIVE_CUES or frame.cue in _CLAIM_CUES and toks[1:2] != []
                and toks[1].low in ("be", "have")) \
                and not frame.inverted and len(toks) >= 3 and toks[0].low == "to" \
                and toks[1].word.islower() and toks[1].word.isalpha():
            # ("Azerbaijan claimed to have killed about 2,300 soldiers": what was claimed)
            # "Trump has pledged to quickly issue pardons", "Lawmakers vowed to work toward …": what
            # was promised, from "to"
            frame.clause_start = toks[0].start
            return
        if frame.cue in _GERUND_CUES and not frame.inverted and len(toks) >= 2 and toks[0].word.islower() \
                and toks[0].low.endswith("ing") and toks[0].low not in _ING_NOUNS:
            # "reported hearing gunfire near the plant", "recalled being out at a party": what
            # was reported, from its gerund
            frame.clause_start = toks[0].start
            return
        if frame.cue in ("answered", "answers") and not (toks and toks[0].low == "that"):
            return  # "answered questions on …": what was answered, not what was said
        if frame.cue in _DESCRIBING_CUES and not frame.inverted:
            # "described the doctored video as lighthearted satire": the thing and what it is
            # called, with or without quotation marks (not "described how …": a clause of its own)
            as_at = next((k for k, t in enumerate(toks[:30]) if t.low == "as"), None)
            if as_at is not None and 0 < as_at < len(toks) - 1 and toks[0].low not in _QUESTION_WORDS \
                    and not any(t.low in lx.CUE_VERBS or t.low in _FINITE or t.low == "that"
                                for t in toks[:as_at]):
                frame.clause_start = toks[0].start
                frame.described_as = True
                return
        if frame.cue in ("called", "calling") and not frame.inverted and _called_one_thing_another(toks):
            # "called the impeachment process a sham": what was called and what it was called
            frame.clause_start = toks[0].start
            frame.described_as = True
            return
        if frame.cue in _ACCUSE_CUES:
            # "accused the LCWR of “pushing radical feminist themes”": the accused and what of, as
            # "called the impact “pretty minimal”" holds what is called and what it is called
            of = next((k for k, t in enumerate(toks[:8]) if t.low == "of"), None)
            if of is not None and of > 0 and not any(t.low in lx.CUE_VERBS or t.low == "that"
                                                     for t in toks[:of]):
                frame.clause_start = toks[0].start
            return
        aside = _ASIDE_THEN_THAT.match(text, frame.cue_end, e) if limit == frame.cue_end else None
        aside_words = aside.group(1).split() if aside is not None else []
        if aside is not None and not frame.inverted \
                and (len(aside_words) <= 5
                     or len(aside_words) <= 10 and aside_words[0].lower() in _ASIDE_PREPOSITIONS) \
                and not any(w.lower() in lx.CUE_VERBS for w in aside_words):
            # "claimed, without evidence, that …", "said, however, that …": an aside between the
            # cue and its clause
            frame.clause_start = aside.end()
            frame.with_that = True
            return
        ask = _asked_question(toks) if frame.cue in lx.ASK_CUES and not frame.inverted else None
        if ask is not None and any(t.low in _FINITE or t.low.endswith("ed") and len(t.low) > 3
                                   for t in toks[ask + 1:ask + 10]):
            # "Stern asked whether Paltrow called them", "asks Rishi Sunak whether he will …": a
            # reported question is what was asked; it ends at the sentence's next comma ("When
            # Stern asked whether …, Paltrow said")
            if ask > 0:
                frame.end = toks[ask - 1].end
            frame.clause_start = toks[ask].start
            frame.clause_end = limit if limit < e else None
            return
        if frame.cue in lx.ADDRESSEE_CUES and toks and limit < e and limit in self.by_open \
                and self.by_open[limit].start in self.titles and all(t.word[0].isupper() for t in toks):
            self._after_titled_addressee(frame, self.by_open[limit], e)
            return
        if toks and limit < e and limit in self.by_open and self.by_open[limit].start in self.titles \
                and any(t.low in ("on", "during") for t in toks) and len(toks) <= 8 \
                and all(t.low in _ON_A_SHOW or t.low in lx.TIME_WORDS or t.word[0].isupper() for t in toks):
            # "said Sunday on “Fox News Sunday” that …", "said in an interview on CNN's “State of
            # the Union” that …": where it was said, a programme in quote marks; the clause follows
            self._after_titled_addressee(frame, self.by_open[limit], e)
            return
        if frame.cue in lx.ADDRESSEE_CUES and toks and toks[0].low != "that" \
                and toks[0].word not in _NOMINATIVE_PRONOUNS:  # ("warned they …": a clause's subject)
            obj_end = _object_end(toks)
            if obj_end:
                outlet = _outlet_name(text, toks[:obj_end])
                if outlet:
                    frame.outlet = outlet
                frame.end = toks[obj_end - 1].end
                i = obj_end
                if i + 1 < len(toks) and toks[i].low == "that" and toks[i - 1].low in _BODIES_OF_PEOPLE \
                        and (toks[i + 1].low in _FINITE or toks[i + 1].low.endswith("ed")):
                    # "told an audience that included retired Marines": the audience's relative
                    # clause, then a reported one only after another "that"
                    that = next((k for k in range(i + 2, min(len(toks), i + 12)) if toks[k].low == "that"),
                                None)
                    if that is None or any(t.low in lx.CUE_VERBS for t in toks[i + 1:that]):
                        return
                    frame.end = toks[that - 1].end
                    i = that
                elif i < len(toks) and toks[i].low in ("who", "whom"):
                    # "told a few thousand teachers who covered the Statehouse lawn that …": the
                    # addressee's relative clause, then the reported one
                    that = next((k for k in range(i + 2, min(len(toks), i + 12)) if toks[k].low == "that"),
                                None)
                    if that is not None and not any(t.low in lx.CUE_VERBS for t in toks[i + 1:that]):
                        frame.end = toks[that - 1].end
                        i = that
            else:
                # (tokenised only when a "that" lies ahead)
                ahead_toks = tokens(text, frame.cue_end, min(e, frame.cue_end + 160)) \
                    if " that " in text[frame.cue_end:min(e, frame.cue_end + 100)] else []
                that_at = _addressee_then_that(ahead_toks)
                if that_at is not None:
                    # "told me over the phone that …", "told local TV that …", "told him during
                    # a phone call that …": whom and when, then the clause after "that"
                    frame.end = ahead_toks[that_at].start - 1
                    frame.clause_start = ahead_toks[that_at].end
                    frame.with_that = True
                    return
                if frame.cue in ("told", "tells", "tell"):
                    return  # "told" with no object we can read: no clause either
        if i < len(toks) and toks[i].low in ("that's", "that’s") and frame.cue in _ZERO_THAT \
                and not frame.inverted:
            frame.clause_start = toks[i].start  # "Critics say that’s a loophole": "that" its subject
            return
        # "said on Monday that …", "said in a statement that …"
        opening = i + 2 if _time_then_place(toks, i, len(toks)) else i  # ("said last week at a forum …")
        for k in range(i, min(len(toks), i + 16)):
            low = toks[k].low
            if k - i >= 10 and (toks[opening].low not in lx.ADVERBIAL_PREPOSITIONS or low in _FINITE
                                or low.endswith("ed") and toks[k].word.islower()):
                break  # (a longer stretch only as one phrase of where: "in a financial filing to the
                # Securities and Exchange Commission that …", with no verb of a clause in it)
            if low == "that" and k + 1 < len(toks) and toks[k + 1].low in _THAT_TIMES \
                    and all(t.low in lx.TIME_WORDS for t in toks[i:k]) \
                    and (k + 2 >= len(toks) or toks[k + 2].low in _AFTER_A_TIME):  # (not "that day care …")
                # "told staffers later that afternoon": a time, not a clause (which may follow it:
                # "told reporters later that day that …")
                if k + 2 < len(toks) and toks[k + 2].low == "that":
                    frame.end = toks[k + 1].end
                    frame.clause_start = toks[k + 2].end
                    frame.with_that = True
                return
            if low == "that" and k > i and toks[k - 1].low in _BEFORE_DEMONSTRATIVE:
                continue  # "said Taiwan still faces challenges in that regard": "that" points
            if low == "that":
                if k > i and toks[k - 1].low in _SPEECH_EVENTS and k + 1 < len(toks) and (
                        toks[k + 1].low in _RELATIVE_VERBS or toks[k + 1].low.endswith("ed")):
                    return  # "during an interview that also included Chastain": about the interview
                if k == i or toks[i].low in lx.ADVERBIAL_PREPOSITIONS or toks[i].low in lx.TIME_WORDS \
                        or _time_then_place(toks, i, k) \
                        or toks[i].low == "by" and i + 1 < k and toks[i + 1].low in _MEANS and k - i <= 6 \
                        or toks[i].low in ("as", "when", "while") and k - i <= 8 \
                        or all(t.low in _SPEECH_EVENTS or t.word[0].isupper() for t in toks[i:k]) \
                        or k - i <= 2 and all(t.low in _THAT_ADVERBS for t in toks[i:k]) \
                        or k - i <= 2 and all(t.word.islower() and t.low.endswith("ly") for t in toks[i:k]) \
                        or toks[i].low == "to" and k - i <= 10 and _addressee_then_that(toks[i + 1:k + 2]) \
                        == k - i - 1 \
                        or all(t.low in lx.TIME_WORDS or t.low in TIME_LEADS or _date_word(t)
                               for t in toks[i:k]):
                    frame.clause_start = toks[k].end
                    frame.with_that = True
                    if k + 1 < len(toks) and toks[k + 1].low in _FINITE and toks[k + 1].word.islower():
                        frame.clause_start = toks[k].start  # "says that is not true": "that" the subject
                    if k > i:
                        frame.end = toks[k - 1].end
                    return
                pronoun = toks[i].low.replace("’", "'").partition("'")[0]
                after = toks[k + 1].low if k + 1 < len(toks) else ""
                relative = toks[i].low in lx.DETERMINERS and k - i <= 4 and (
                    after in _FINITE or after.endswith("ed") and len(after) > 3) and any(
                    t.low in _FINITE for t in tokens(text, toks[k].end, min(e, toks[k].end + 200))[2:])
                # (the relative clause inside a clause with a verb of its own after it; not "wrote the
                # programs that revealed the signatures of chaos", an object)
                # ("said the case highlights that …", "said the agency delayed the report that …")
                described = frame.cue in _CLAUSE_CUES and toks[i].low in lx.DETERMINERS \
                    and _described_subject_verb(toks[i:k])
                subject_and_verb = pronoun in _SUBJECT_PRONOUNS or relative or described \
                    or frame.cue in _CLAUSE_CUES and _plural_present(toks[i:k]) \
                    or toks[i].word[:1].isupper() \
                    and any(t.low in _FINITE for t in toks[i + 1:k]) \
                    or toks[i].low not in lx.ADVERBIAL_PREPOSITIONS and toks[i].low not in _NOT_SUBJECTS \
                    and _finite_before_relative(toks[i + 1:k])
                # ("said Kabul had ensured that …"; "said one of his war goals is to ensure that …")
                # ("say a stabbing that killed a passenger may have …": a relative clause in it)
                if k - i < 2 or not subject_and_verb:
                    return
                break  # "said he realised that …": the "that" is inside a clause without one

            if low in lx.CUE_VERBS and not (low == "written" and toks[k - 1].low in ("a", "an")):
                break  # (but "said in a written statement that …": a kind of statement)
        k = i
        while k < len(toks):
            low = toks[k].low
            if low in lx.TIME_WORDS or (low.endswith("ly") and toks[k].word.islower()
                                        and low not in _LY_NOT_ADVERBS):
                k += 1
            elif low in ("this", "last", "next") and k + 1 < len(toks) and toks[k + 1].low in lx.TIME_WORDS:
                k += 2  # "confirmed this evening the border would reopen"
            elif low in lx.ADVERBIAL_PREPOSITIONS and not (
                low == "at" and k + 1 < len(toks) and toks[k + 1].low in ("least", "most")
            ):
                j = _short_adverbial(toks, k)
                if j == k:
                    return
                k = j
            elif low in _WHERE_SAID and (place := _place_after(toks, k)) > k:
                k = place  # "told reporters aboard Air Force One the deal …"
            else:
                break
        if k > i:
            frame.end = toks[k - 1].end
        if limit < e and k == len(toks) and k > i and text[limit] == "," \
                and (frame.cue in _ZERO_THAT or frame.cue in ("reported", "reports")) and not frame.inverted:
            # "Al Jazeera reported on Thursday, coverage had risen to 55 percent": a comma after
            # when it was said, then the clause's subject and verb
            ahead = tokens(text, limit + 1, min(e, limit + 160))
            parenthetical = text[frame.sentence[0]:frame.start].rstrip().endswith(",")
            if ahead and ahead[0].word.islower() and ahead[0].low not in _SUBORDINATORS \
                    and ahead[0].low not in _FINITE and not parenthetical \
                    and ahead[0].low not in lx.ADVERBIAL_PREPOSITIONS \
                    and _subject_then_finite(ahead, past=True, text=text):
                frame.clause_start = ahead[0].start
                return
        if limit < e and k == len(toks):
            return  # a comma, colon or quotation mark comes next
        if k < len(toks) and (frame.cue in _ZERO_THAT or frame.cue in ("reported", "reports")
                              and (toks[k].low in ("he", "she", "they")
                                   or _source_then_cue(text, toks[k], e)
                                   or _reported_subject_then_finite(text, toks[k].start, e))) \
                and not frame.inverted \
                and not (frame.cue in _BASE_FORMS and _after_modal(text, frame.cue_start)):
            # ("TVN24 reported he received surgery": "reported" without "that" only before a
            # subject pronoun, not "reported the call recalled that …")
            first = toks[k]
            if first.low in ("to", "by", "so", "as", "and", "but", "yes", "of", "with",
                             "goodbye", "hello", "sorry", "nothing", "something") \
                    or first.low in _SUBORDINATORS and k + 1 < len(toks) \
                    and toks[k + 1].low.endswith(("ed", "ing")):
                return  # ("said when asked whether …": when it was said, not what)
            if first.low == "no" and (k + 1 == len(toks) or toks[k + 1].low in ("to", "comment", "more")):
                return  # "said no", "said no to the plan"; but "said no decision had been made"
            if first.low in _WHEN_LEADS and k + 1 < len(toks) and (
                    toks[k + 1].low in ("after", "before")
                    or toks[k + 1].low == "later" and k + 2 == len(toks)):
                # "tweeted soon after the committee concluded …": when, not what (but "said
                # years later the decision haunted him" reports what comes after "later")
                return
            if frame.cue.startswith("claim") and first.low in _CLAIMED_THINGS and (
                    k + 1 == len(toks) or toks[k + 1].low in ("for", "as", "in", "on", "after")):
                # "claimed victory as the House concluded …": a thing claimed, not a clause (not
                # "claimed asylum seekers were turned away", whose "asylum" opens a subject)
                return
            gap = frame.mention is not None and _wh_relative_before(text, frame.mention.start)
            if first.low in _CATENATIVES and k + 1 < len(toks) and toks[k + 1].low == "to" and not gap \
                    and not any(t.low in _FINITE for t in toks[k + 2:k + 12]):
                # "have announced plans to pull out": a noun and its infinitive, no clause (but
                # "said plans to close the road were dropped")
                return
            at_least = first.low == "at" and k + 1 < len(toks) and toks[k + 1].low in ("least", "most")
            if first.low in lx.CUE_VERBS or (first.low in lx.ADVERBIAL_PREPOSITIONS and not at_least):
                return
            said_by = frame.mention
            if said_by is not None and _RELATIVE_GAP.search(text, max(0, said_by.start - 8), said_by.start):
                # "The attack, which officials said killed at least 12 people, was …": the
                # relative pronoun is the clause's subject; its verb opens what was said, and a
                # relative clause set off by commas ends at its comma
                if first.low in lx.DETERMINERS or not first.word.islower():
                    return
                opened = text.rfind(",", max(0, said_by.start - 10), said_by.start)
                close = text.find(",", first.start, e)
                frame.clause_start = first.start
                if opened >= 0 and close > 0:
                    frame.clause_end = close
                return
            if first.word.islower() and first.low.endswith("ed") and len(first.low) > 4 \
                    and not _adjective_then_verb(toks[k:k + 9]):
                # "warned in a report published on Monday": no clause follows (but "said
                # unspecified foreign forces were involved": an adjective of the clause's subject)
                return
            pronoun, _, contraction = first.low.replace("’", "'").partition("'")
            subject_pronoun = pronoun in ("it", "he", "she", "they", "we", "i", "you", "there") and (
                contraction in ("", "ll", "d", "re", "ve", "m", "s"))  # "says she'll stay"
            if subject_pronoun and pronoun in ("it", "you") and not contraction \
                    and not _verb_next(tokens(text, first.end, min(e, first.end + 40))[:2]):
                return  # "added it to the settings": an object, not a clause's subject
            ahead = _unbracketed(text, toks[k:k + 20])[:10]  # ("hundreds of ISIS (Islamic State …) fighters")
            if len(ahead) < 10 and limit < e and not subject_pronoun:
                ahead = _unbracketed(text, tokens(text, first.start, min(e, first.start + 160)))[:10]
                # (past a comma, a parenthesis or a mark)
            if frame.cue in _FINITE_CLAUSE_CUES and not subject_pronoun \
                    and not _subject_then_finite(ahead) \
                    or frame.cue in _OBJECT_PRONE_CUES and not subject_pronoun \
                    and not _subject_then_finite(ahead, past=True, text=text):
                return  # "denied the allegations in a statement shared …": an object
            if not subject_pronoun and not any(t.low in _FINITE or (t.low.endswith("ed") and len(t.low) > 3)
                       or t.low.endswith(_CONTRACTED_VERBS) for t in ahead[:10]) \
                    and not (frame.cue in _CLAUSE_CUES
                             and (_present_verb(ahead[:6]) or _plural_present(ahead))) \
                    and not (frame.cue in _CLAUSE_CUES and first.low in lx.DETERMINERS
                             and _finite_before_relative(_unbracketed(text, toks[k:k + 20])[1:15])):
                # no verb: an object ("announced further cuts"), not a clause (but "said the cost
                # and logistical complexity of such a plan does not faze him": a long subject)
                return
            frame.clause_start = first.start


    def _after_titled_addressee(self, frame: _Frame, title: Span, e: int) -> None:
        """``told NBC's “Meet the Press” on Sunday that …``: a programme in quote marks is part of
        whom the speaker told; the reported clause starts at the "that" after it."""
        text = self.text
        after = title.end + 1
        rest = tokens(text, after, _next_boundary(text, after, e))
        k = 0
        while k < len(rest) and (rest[k].low in lx.TIME_WORDS or rest[k].low in ("on", "in", "last", "this")):
            k += 1
        if k < len(rest) and rest[k].low == "that":
            frame.end = rest[k - 1].end if k else after
            frame.clause_start = rest[k].end
            frame.with_that = True
        elif k < len(rest) and rest[k].low in _CLAUSE_OPENERS and frame.cue in _ZERO_THAT:
            frame.end = rest[k - 1].end if k else after
            frame.clause_start = rest[k].start  # "… “State of the Union” the deal was close"


#: Prepositions that open a longer aside between a cue and its "that" ("claimed, on the basis
#: of an answer from James Cleverly, that …").
_ASIDE_PREPOSITIONS = word_set("on in at after before during without with under citing according based")
_AFTER_A_TIME = word_set("that with at in on for to as after before when while and")
#: Nouns of time after a demonstrative "that" ("later that afternoon", "earlier that day").
_THAT_TIMES = word_set("morning afternoon evening night day week weekend month year summer winter spring "
                       "fall autumn time")
#: Words of the phrase that places a statement on a programme: "on", "in an interview on".
_ON_A_SHOW = word_set("on during in an a interview appearance with at")
#: After a cue, whom it was said to and the quotation ("to his deputy, “…”", "reporters: “…”").
_ADDRESSEE_THEN_QUOTE = re.compile(
    r"[ ]+((?:to[ ]+)?(?:[\w.’'-]+[ ]+){0,5}[\w.’'-]+"
    # (an aside of how or where after whom: "told a guard at the door, in French and English,")
    r"(?:,[ ]+(?:in|on|at|via|through|over|during)[ ][^,;:“”\"]{1,40})?)(?:,|:)[ ]*(?=[“\"])")


def _addressee_then_sentence(text: str, addressed: re.Match[str]) -> bool:
    """Is what `_ADDRESSEE_THEN_QUOTE` found whom it was said to (no verb in it), then a quoted
    sentence (a capital after the mark), not a clause's subject and a quoted relative clause
    ("told reporters the plan, “which will cost $3 million,” was approved")?"""
    if any(w in lx.CUE_VERBS or w in _FINITE for w in addressed.group(1).lower().split()):
        return False
    after = text[addressed.end() + 1:addressed.end() + 12].lstrip("“\"‘' ")
    # (or a subject pronoun: "told a guard at the door, “they raped me”")
    return not after[:1].islower() or after.split(" ", 1)[0] in ("i", "we", "they", "he", "she", "you")


#: Cues of words someone is recalled, heard or shown saying.
_HEARD_CUES = word_set("saying telling")
#: "recalls him saying", "Video shows Trump saying": the verb of recalling or showing and whom.
_WHO_RECALLED = r"him|her|them|[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,2}"
_RECALLED_SAYING = re.compile(
    r"\b(?:recalls?|recalled|recalling|remembers?|remembered|remembering|heard|hears?|hearing|"
    rf"shows?|showed|shown|showing|captured|recorded)[ ]+({_WHO_RECALLED})[ ]+$")
_OBJECT_TO_SUBJECT = {"him": "he", "her": "she", "them": "they"}
_QUOTE_NEXT = re.compile(r"[,:]?[ ]*[“\"]")
_RECALL_VERBS = word_set("recalls recalled recalling remembers remembered remembering heard hears")
#: Verbs of what a document's words do: its words only ("the statement read").
_DOCUMENT_CUES = frozenset(["read", "reads", "began", "begins"])
#: After a verb of recalling or quoting, whose words and a quotation: "remembers Ailes’s reply:
#: “…”", "recalled his answer, “…”".
_OWNED_WORDS = re.compile(
    r"[ ]+(his|her|their|[A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?(?:[ ][A-Z][\w.-]*){0,2})(?:['’]s?)?[ ]+"
    r"((?:\w+[ ]+)?(?:reply|response|answer|retort|words|message|warning|verdict|advice|explanation|remark"
    r"|remarks|comment|comments|rejoinder))[ ]*[:,][ ]*(?=[“\"])")
_OWNER_TO_SUBJECT = {"his": "he", "her": "she", "their": "they"}
_QUOTING_CUES = word_set("quoted quotes quoting cited cites citing recounted recounts recounting")
#: After a verb of recalling: whom, then "saying" ("recalls him saying").
_SAYING_AFTER = re.compile(rf"[ ]+(?:{_WHO_RECALLED})[ ]+(?:saying|telling)\b")
#: How a statement went to its addressee, after "by" ("told Zuma by telephone that …").
_MEANS = word_set("phone telephone email e-mail text letter video videolink satellite teleconference "
                  "videoconference")
#: Where a second clause with its own subject starts: ", while the police deny …".
_CLAUSE_JOIN = re.compile(r"[,;] (?:while|whereas|but|although|though) (?=\w)")
#: Words before "after"/"before" that say when: "soon after", "hours before".
_WHEN_LEADS = word_set("soon shortly just right moments minutes hours days weeks months years long")
#: What is claimed as a thing, not a statement: "claimed victory", "claimed responsibility".
_CLAIMED_THINGS = word_set("victory credit responsibility ownership success asylum")
#: Words that open a reported clause with no "that" after an addressee in quote marks.
_CLAUSE_OPENERS = word_set("a an the he she they it we i there his her their its this these those")


def _subject_of_relative(text: str, toks: list[Tok]) -> Mention | None:
    """``A man whose home was destroyed said``, ``Residents who live near the plant say``: the
    noun phrase before a relative clause with no commas that runs up to the cue."""
    for w in range(len(toks) - 2, 0, -1):
        if toks[w].low not in ("who", "whose"):
            continue
        if len(toks) - w < 2:
            return None
        head = parse_before(text, toks[:w])
        if head is None or head.end != toks[w - 1].end or head.kind == "pronoun":
            return None
        return head
    return None


def _auxiliary_before(before: list[str]) -> str:
    """The auxiliary right before a cue, past one adverb in "-ly" ("is officially described"),
    with "it's" read as "is"; "" when there is none."""
    words = [w.lower() for w in before[-2:]]
    if len(words) == 2 and words[-1].endswith("ly"):
        words = words[:-1]
    if not words:
        return ""
    last = words[-1].replace("’", "'")
    if last.endswith("'s") and last[:-2] in ("it", "he", "she", "that", "what", "there"):
        return "is"
    if last.endswith("'re"):
        return "are"
    return last


_VERB_ADVERBS = word_set("still also too now then again already never just only not even")


def _verb_next(toks: list[Tok]) -> bool:
    """A verb right after a pronoun, or after one adverb: "it will", "it still has", "you need"."""
    if toks and toks[0].word.islower() and (toks[0].low.endswith("ly") or toks[0].low in _VERB_ADVERBS):
        toks = toks[1:]
    if not toks or not toks[0].word.islower():
        return False
    low = toks[0].low
    return low in _FINITE or low.endswith(("ed", "s")) and len(low) > 3 and not low.endswith(("ss", "us"))


def _authored_document(text: str, toks: list[Tok]) -> Mention | None:
    """``a report published on Monday by the Pew Research Center`` after "according to": the
    document with its author, as one unnamed source the speaker book reads the author from."""
    k = 1 if toks and toks[0].low in ("a", "an", "the", "new", "recent", "latest") else 0
    while k < len(toks) and k < 3 and (toks[k].word.islower() or toks[k].word.isdigit()) \
            and toks[k].low not in lx.DOCUMENT_NOUNS:
        k += 1  # "a new federal report", "a 2019 report"
    if k >= len(toks) or toks[k].low not in lx.DOCUMENT_NOUNS or not toks[k].word.islower():
        return None
    author = document_author(text, toks)
    if author is None or author.kind == "pronoun":
        return None
    return Mention(toks[0].start, author.end, "anonymous", text[toks[0].start:toks[k].end])


#: Cues a source reported on says things with ("Znak.com reported its source said …").
_SOURCE_CUES = word_set("said says told claimed claims described stated added")


def _source_then_cue(text: str, first: Tok, e: int) -> bool:
    """Does a reported clause open at ``first`` with a source of its own and its cue: "Znak.com
    reported its source said …", "Reuters reported a German government source, whom they did
    not name, said …" (a determiner or a name, then a cue within a dozen words)?"""
    if not (first.low in lx.DETERMINERS or first.low in ("its", "their", "his", "her")
            or first.word[:1].isupper()):
        return False
    ahead = tokens(text, first.start, min(e, first.start + 100))[:12]
    for k, tok in enumerate(ahead):
        if k >= 1 and tok.low in _SOURCE_CUES:
            return True
        aside = text.rfind(",", first.start, tok.start) > 0 and \
            text[first.start:tok.start].count(",") == 1  # (inside ", whom they did not name,")
        if not aside and (tok.low in lx.CUE_VERBS or tok.low in _FINITE
                          or tok.word.islower() and tok.low.endswith("ed")) or k >= 10:
            return False  # "reported the call recalled that": the call's own verb first
    return False


def _asked_question(toks: list[Tok]) -> int | None:
    """Where the question starts after "asked": at once ("asked whether …") or after the person
    asked ("asks Rishi Sunak whether …", "asked the minister if …"); None when there is none."""
    for k, tok in enumerate(toks[:6]):
        if tok.low in _QUESTION_WORDS:
            return k
        if k == 0 and tok.low in ("the", "his", "her", "their") or tok.word[:1].isupper():
            continue
        if k == 0 and tok.low in ("him", "them", "us", "me", "you") and len(toks) > 1 \
                and toks[1].low in _QUESTION_WORDS:
            continue  # "asked him why …": the one asked, then the question
        if k > 0 and toks[0].low in ("the", "his", "her", "their") and tok.word.islower() \
                and tok.low not in _FINITE and tok.low not in lx.CUE_VERBS:
            continue  # "the home secretary"
        return None
    return None


#: Words that end the noun phrase after "according to".
_PHRASE_STOPS = word_set("that which who whose whom and but as when while where because if though "
                         "although since until is are was were has have had will would said says")
#: "according to plan": the way things went, not who said so.
_NOT_SOURCES = word_set("plan plans schedule script tradition custom form expectations")


def _event_author(toks: list[Tok]) -> int | None:
    """Where the author starts in "a statement from the ministry" or "a June 16 Facebook post
    from …" (a determiner, capitalised words or numbers, a speech event, "from", "by" or "of");
    None when the phrase is not one of those."""
    if len(toks) < 3 or toks[0].low not in ("a", "an", "the"):
        return None
    k = 1
    while k < min(len(toks), 5) and toks[k].low not in _SPEECH_EVENTS \
            and (toks[k].word[:1].isupper() or toks[k].word[:1].isdigit()):
        k += 1
    if k + 1 < len(toks) and toks[k].low in _SPEECH_EVENTS and toks[k + 1].low in ("from", "by", "of") \
            and not (toks[k].word[:1].isupper() and toks[k + 1].low == "of"):
        return k + 2  # (not "the National Conference of State Legislatures": a body's name)
    if k + 3 < len(toks) and toks[k].low in _SPEECH_EVENTS and _time_after(toks, k + 1):
        # "a tweet on Monday by US Secretary of State Mike Pompeo": when, then whose
        at = k + 2 if toks[k + 1].low in ("yesterday", "today", "tonight") else k + 3
        if at < len(toks) and toks[at].low in ("from", "by"):
            return at + 1
    return None


def _document_subject(text: str, toks: list[Tok]) -> Mention | None:
    """"A Gallup poll", "the new analysis": a document named by a noun phrase that ends the
    words before a finding cue (an article first, at most six words)."""
    if not toks or toks[-1].low not in lx.DOCUMENT_NOUNS:
        return None
    for k in range(len(toks) - 1, max(-1, len(toks) - 7), -1):
        if toks[k].low in lx.DETERMINERS:
            return Mention(toks[k].start, toks[-1].end, "anonymous", text[toks[k].start:toks[-1].end])
    return None


#: Where the head of a finding's subject ends: what places it, or how it came out.
_HEAD_ENDS = re.compile(r"\s(?:in|at|of|from|by|on|for|with|filed|released|issued|published|obtained|seen|"
                        r"reviewed|prepared|compiled|submitted)\s")


#: Titles of a named person who finds or rules (not "model" of "Model Bella Hadid found that").
_FINDING_TITLES = word_set("judge justice magistrate examiner coroner auditor analyst researcher scientist "
                           "investigator inspector")


def _finding_subject(text: str, mention: Mention | None) -> bool:
    """Can ``mention`` report by a finding ("the poll found that", "court records show that",
    "the Supreme Court has found that")?"""
    if mention is None or mention.kind == "pronoun":
        return False
    if mention.kind == "person" and mention.role and mention.role.split()[-1].lower() in _FINDING_TITLES:
        return True  # "Fulton County Superior Court Judge Robert McBurney ruled that …"
    # (the name's last word too: "The report, published Tuesday by the GAO," ends on its author)
    if any(last in lx.DOCUMENT_NOUNS or last in lx.FINDING_SUBJECTS for last in (
            text[mention.start:mention.end].split()[-1].lower().strip(".,;:’'"),
            mention.name.split()[-1].lower().strip(".,;:’'") if mention.name else "")):
        return True
    # "A government land audit in 2017", "researchers at IBM Research India in Bangalore": the
    # head of the phrase, before what places it
    # ("court documents filed by prosecutors", "a report released by the agency": before how it
    # came out)
    head = _HEAD_ENDS.split(text[mention.start:mention.end], maxsplit=1)[0]
    return head.split()[-1].lower().strip(".,;:’'") in lx.DOCUMENT_NOUNS | lx.FINDING_SUBJECTS


def _source_phrase(text: str, toks: list[Tok]) -> Mention | None:
    """The noun phrase after "according to" when it names no person or organisation: a poll,
    a database, records, a court filing (an unnamed source, up to eight words)."""
    n = 0
    while n < len(toks) and n < 8 and toks[n].low not in _PHRASE_STOPS and not _time_after(toks, n):
        n += 1
    if n == 0 or n == len(toks) and n == 8:
        return None  # nothing, or more words than a source's name
    words = toks[:n]
    if words[-1].low in lx.GLUE or words[-1].low in lx.DETERMINERS:
        return None
    if n == 1 and (words[0].low in _NOT_SOURCES or words[0].low in lx.PRONOUNS):
        return None
    if not any(ch.isalpha() for ch in words[-1].word):
        return None
    return Mention(words[0].start, words[-1].end, "anonymous", text[words[0].start:words[-1].end])


def _time_after(toks: list[Tok], k: int) -> bool:
    """Whether the source's noun phrase ends before ``k``: ``on Tuesday``, ``last week`` (when,
    not who: "according to an announcement on Tuesday" names an announcement) or a participle
    after the noun ("records released today")."""
    low = toks[k].low
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    prev = toks[k - 1].low if k > 0 else ""
    return k > 0 and (low in ("on", "last", "this", "earlier", "late") and nxt in lx.TIME_WORDS
                      or low in ("yesterday", "today", "tonight")
                      # "records released today", "documents filed in court": a participle after
                      # the noun ("newly released records", "a detailed report" keep theirs)
                      # ("data compiled by Bloomberg" names its author: left as it was)
                      or toks[k].word.islower() and low.endswith("ed") and nxt != "by"
                      and prev not in lx.DETERMINERS and not prev.endswith(("ly", "ed")))


def _next_word_continues(toks: list[Tok], end: int) -> bool:
    """Does the phrase go on after ``end`` with a lower-case noun ("court | records")?"""
    nxt = next((t for t in toks if t.start >= end), None)
    return nxt is not None and nxt.word.islower() and nxt.low not in lx.GLUE \
        and nxt.low not in _PHRASE_STOPS and nxt.low not in ("by", "in", "on", "from", "with", "at", "to")


#: Prepositions before where a thing was said ("said in Ohio", "told reporters aboard Air Force One").
_WHERE_SAID = frozenset(["in", "at", "aboard", "outside", "inside", "near"])


#: Month names as a date writes them ("Nov. 18", "on January 6").
_MONTHS = word_set("January February March April May June July August September October November "
                   "December Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept "
                   "Sept. Oct Oct. Nov Nov. Dec Dec.")


def _date_word(tok: Tok) -> bool:
    """A word of a date: a month as written ("Nov.", "January"), a day or a year ("18", "2020")."""
    return tok.word in _MONTHS or tok.word.rstrip(".,").isdigit()


#: An opening phrase that ends right before a name: "According to ", "After meeting ".
_OPENING_BEFORE_NAME = re.compile(r"(?:[Aa]ccording to|[Ww]ith|[Mm]eeting|[Aa]fter|[Bb]efore)[ ]+"
                                  r"(?:\w+[ ]+)?$")
#: After a cue, a town and its state, then a person in lower-case words and a name: " Arlington,
#: Virginia, voter Neil Puri."
_PLACE_THEN_PERSON = re.compile(r"[ ]+[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?,[ ][A-Z][\w.]*(?:[ ][A-Z][\w.]*)?,[ ]"
                                r"((?:[a-z-]+[ ]){1,3}(?:[A-Z][\w.'’-]+[ ]?){2,3})(?=[.,;]|$)")


def _past_adverb_of_relative(words: list[str], relatives: tuple[str, ...] = ("who", "which")) -> list[str]:
    """The words before a cue without an adverb right after one of ``relatives`` ("who recently
    revealed"); the same list when there is none."""
    if len(words) >= 2 and words[-1].endswith("ly") and words[-1].islower() and words[-2] in relatives:
        return words[:-1]
    return words


def _person_after_place(text: str, start: int, end: int) -> Mention | None:
    """The person named after a town and its state right after a cue (" Arlington, Virginia,
    voter Neil Puri"), or None."""
    placed = _PLACE_THEN_PERSON.match(text, start, end)
    if placed is None:
        return None
    named = parse_after(text, tokens(text, placed.start(1), placed.end(1)))
    return named if named is not None and named.kind == "person" else None


def _occasion_phrase(toks: list[Tok], k: int) -> bool:
    """Do the words from ``k`` on make one phrase of when or at what event ("on Sunday", "at a
    Thursday evening news conference", "in an interview with CNN", "last year")?"""
    rest = toks[k:]
    if not rest or not rest[0].word.islower() or len(rest) > 8:
        return False
    if all(t.low in lx.TIME_WORDS or t.low in TIME_LEADS for t in rest):
        return any(t.low in lx.TIME_WORDS for t in rest)
    if rest[0].low not in lx.ADVERBIAL_PREPOSITIONS:
        return False
    event = next((j for j, t in enumerate(rest) if j and (t.low in lx.TIME_WORDS or t.low in _SPEECH_EVENTS)),
                 None)
    if event is None or any(t.low in _FINITE or t.low in lx.AUXILIARIES for t in rest):
        return False
    if not all(t.low in lx.DETERMINERS or t.low in _EVENT_MODIFIERS or t.low in lx.TIME_WORDS
               or t.word[:1].isupper() or t.word.isdigit() for t in rest[1:event]):
        return False  # ("after an Inland woman recently claimed": a person, not an occasion)
    tail = rest[event + 1:]
    # (the event's words end the phrase, or "with"/"in" and a name: "in an interview with CNN")
    if all(t.low in lx.TIME_WORDS or t.low in _SPEECH_EVENTS or t.low in _EVENT_MODIFIERS for t in tail):
        return True
    return len(tail) >= 2 and tail[0].low in ("with", "in", "on", "to") \
        and all(t.word[:1].isupper() for t in tail[1:])


def _occasion_at(toks: list[Tok]) -> int | None:
    """Where a phrase of when or at what event closes a subject ("Trump at a news conference"),
    or None."""
    for k in range(1, len(toks)):
        if toks[k].low in lx.ADVERBIAL_PREPOSITIONS and toks[k].word.islower():
            if toks[k].low in ("for", "from") \
                    or toks[k - 1].word.islower() and toks[k - 1].low.endswith("ed"):
                return None  # "A spokesman for the show", "a person briefed on the call": who
            return k if _occasion_phrase(toks, k) else None
    return None


def _addressee_then_that(toks: list[Tok]) -> int | None:
    """Where "that" opens the reported clause after an addressee and a phrase of when or how
    that ``_object_end`` cannot read ("me over the phone that", "local TV that", "lawyers at Paul,
    Weiss that"): no verb, cue or relative pronoun before it, and no verb right after it (a
    relative clause: "the story that had made her famous")."""
    for k, tok in enumerate(toks[:13]):
        if tok.low == "that":
            after = toks[k + 1].low if k + 1 < len(toks) else ""
            if k == 0 or not after or after in _FINITE or after in lx.AUXILIARIES \
                    or after.endswith("ed") and len(after) > 3:
                return None
            return k
        if tok.low in _FINITE or tok.low in lx.CUE_VERBS or tok.low in lx.AUXILIARIES \
                or tok.low in ("who", "whom", "which", "whose", "and", "but", "to") \
                or tok.word.islower() and tok.low.endswith("ing") and k == 0:
            return None
    return None


def _adjective_then_verb(toks: list[Tok]) -> bool:
    """Do the words open with an adjective in "-ed" and a noun, then a finite verb ("unspecified
    foreign forces were", "surged assistance to Ukraine would"), not a participle and its
    phrase ("published on Monday", "based in Kyiv")?"""
    if len(toks) < 3 or toks[1].low in _PARTICIPLE_PREPOSITIONS or toks[1].low in lx.DETERMINERS \
            or not toks[1].word.islower():
        return False
    for tok in toks[2:]:
        if tok.low in ("that", "which", "who", ",") or tok.low in lx.CUE_VERBS:
            return False
        if tok.word.islower() and (tok.low in _FINITE or tok.low in lx.AUXILIARIES):
            return True
    return False


def _finite_before_relative(toks: list[Tok]) -> bool:
    """Is there a lower-case finite verb among the words, before any relative pronoun ("one of
    his war goals is to ensure", not "the report which was released")?"""
    for j, tok in enumerate(toks):
        if tok.low in ("that", "which", "who", "whom", "whose"):
            return False
        if tok.low in _FINITE and tok.word.islower():
            return True
        if j and tok.word.islower() and tok.low.endswith("ed") and len(tok.low) > 4 \
                and toks[j - 1].low not in lx.DETERMINERS and toks[j - 1].low not in lx.AUXILIARIES \
                and (j + 1 == len(toks) or toks[j + 1].low not in _PARTICIPLE_PREPOSITIONS):
            return True  # "the White House informed the agency that …" (not "a man arrested in …")
    return False


#: Words that open no subject of a clause after a cue ("said so", "said nothing of").
_NOT_SUBJECTS = word_set("so as and but or nothing something to by of with for yes no hello goodbye sorry")
#: Nouns of time not in the time-word list that end "at the time", "at that moment".
_TIME_NOUNS = word_set("time moment")


def _short_adverbial(toks: list[Tok], k: int) -> int:
    """Past ``on Monday``, ``in a statement``, ``late on Tuesday``; ``k`` when not one of those."""
    j = k + 1
    while j < len(toks) and j - k <= 4:
        low = toks[j].low
        if low in lx.TIME_WORDS or low in _SPEECH_EVENTS or low in _TIME_NOUNS:
            j += 1
            while j < len(toks) and (toks[j].low in lx.TIME_WORDS or toks[j].low in _SPEECH_EVENTS):
                j += 1
            if j + 1 < len(toks) and toks[j].low in ("with", "to", "on", "at", "in") \
                    and toks[j + 1].word[0].isupper():
                # "in an interview with CNN", "at a briefing in Geneva"
                j += 2
                while j < len(toks) and toks[j].word[0].isupper():
                    j += 1
            return j
        if low in ("a", "an", "the", "his", "her", "its", "their", "this", "last", "next") or (
            toks[j].word.islower() and low.endswith(("ed", "ing", "al", "ly", "-camera"))
        ) or toks[j].word[0].isupper() or low in _EVENT_MODIFIERS:
            j += 1
            continue
        break
    return _place_after(toks, k)


#: Nouns before a speech event's word: "a press conference", "a news briefing", "a phone call".
_EVENT_MODIFIERS = word_set("press news radio television tv phone telephone video online virtual joint "
                            "weekly daily campaign town")


def _place_after(toks: list[Tok], k: int) -> int:
    """Past ``in Ohio``, ``at the White House``, ``aboard Air Force One``: where something was
    said, a place's capitalised name after the preposition at ``k``; ``k`` when not one."""
    if toks[k].low not in _WHERE_SAID:
        return k
    j = k + 1
    if j < len(toks) and toks[j].low == "the":
        j += 1
    run = j
    while j < len(toks) and j - run < 4 and (toks[j].word[:1].isupper() or toks[j].low == "of"
                                              and j > run and j + 1 < len(toks)
                                              and toks[j + 1].word[:1].isupper()):
        j += 1
    if j < len(toks) and (toks[j].low in _FINITE or toks[j].word.islower() and toks[j].low.endswith("ed")):
        j -= 1  # "said in Ohio Republicans were worried": the last capitalised word is the subject
    if j <= run or toks[j - 1].low in lx.CUE_VERBS:
        return k
    return j


#: Words that open a relative clause about a speech event ("an interview that also included …").
_RELATIVE_VERBS = word_set("also was is were are has had will would aired ran took followed")
_SPEECH_EVENTS = word_set(
    "statement interview briefing conference address speech post tweet letter video message "
    "remarks comments call session hearing broadcast podcast report memo email e-mail "
    "communique communiqué announcement rally meeting summit event appearance debate "
    "programme program show app channel platform account website page blog feed site "
    "network ruling opinion decision filing testimony vote trial ceremony funeral visit talks"
)


#: Words before a title's head in a capitalised title ("Deputy Director", "Senior Vice President").
_TITLE_MODIFIERS = word_set("vice deputy assistant associate executive senior chief managing interim acting "
                            "general principal")
_PARTY_TAG = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]*\)?|aged \d+|(?:then |now )?\d{1,3}")


#: Prefixes of a title that leave it a title: "co-director", "vice-chair", "ex-minister".
_TITLE_PREFIXES = frozenset(["co", "vice", "deputy", "ex", "acting"])


def _hyphened_title(tok: Tok) -> Tok:
    """"co-director" and "Director-General" read as the title they hold ("director"), so that an
    appositive opening with one is a role; any other word as it is."""
    parts = tok.word.split("-")
    for part in (parts[1:] if parts[0].lower() in _TITLE_PREFIXES else parts[:1]):
        if part.lower() in lx.POSITION_HEADS or part.lower() in lx.TITLE_WORDS:
            return Tok(part, tok.start, tok.end)
    return tok


def _part_kind(text: str, toks: list[Tok]) -> str:
    """What a comma-separated part before a cue is: the speaker ("np"), a role appositive
    ("role": "a spokeswoman for the ministry"), or something to look past ("skip": "R-Ky.",
    "62", "who voted against it", "speaking on condition of anonymity")."""
    if not toks:
        return "skip"
    if "-" in toks[0].word:
        toks = [_hyphened_title(toks[0])] + toks[1:]
    phrase = text[toks[0].start:toks[-1].end]
    first = toks[0].low
    if first in ("who's", "who’s", "who'd", "who’d"):
        first = "who"  # "The president, who's a nondenominational Christian, called"
    if first in ("while", "after", "before", "during", "though", "although") and len(toks) > 1 \
            and toks[1].word.islower() and toks[1].low not in lx.DETERMINERS:
        return "skip"  # "Biden, while campaigning in Michigan, called …": when, not who
    if len(toks) == 1 and first.rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
        return "skip"  # "Michael A. Coen, Jr., who …, said": the name's suffix, not a speaker
    if _PARTY_TAG.fullmatch(phrase) or first in ("who", "whom", "which", "whose", "speaking", "citing",
                                                  "asked", "when", "writing", "responding",
                                                  "including", "among", "such", "like"):
        return "skip"
    if not strip_adverbs(toks) or all(t.low in _ASIDES for t in toks):
        return "skip"  # "Democrats, meanwhile, said"
    if toks[0].word in _ADVERBIAL_LEADS and len(toks) > 1:
        return "skip"  # "The White House, in a statement, said": where or how, not who
    if toks[0].word.islower() and (first.endswith("ed") and len(first) > 4 or first in _PARTICIPLES) \
            and len(toks) > 1 and not _named_after_participle(text, toks):
        return "skip"  # "The report, released Monday, said": a participle phrase
    if first in _PREPOSITION_PARTICIPLES and len(toks) > 1:
        return "skip"  # "Officials, following an investigation, stated": when, not who
    describes = first in ("a", "an", "the", "his", "her", "its", "their", "another") \
        or possessive(toks[0]) or (
        toks[0].word.islower() and (first in lx.POSITION_HEADS or first in lx.TITLE_WORDS)
    )
    if describes and any(t.low in lx.TITLE_WORDS or t.low in lx.RANKS for t in toks):
        named = classify(text, toks)
        if named is None or named.kind != "person" or " " not in named.name and any(
                t.low in _PLACE_PREPOSITIONS or t.low == "for" for t in toks[:-1]):
            # ("the U.S. Attorney for the Western District of New York" names no Mr York; "the
            # Secretary of State Antony Blinken" names a person)
            return "role"
    if _loose_role(toks):
        return "role"  # "Rendell, a campaign surrogate, said"
    if first in ("a", "an") and any(t.low in ("who", "whose") for t in toks[2:]):
        return "role"  # "Dr. Ana Berg, a psychiatrist at Johns Hopkins who led the study, said"
    core = next((toks[:k] for k, t in enumerate(toks) if k and t.low in ("of", "for", "at", "in")), toks)
    if len(core) <= 4 and all(t.word.islower() or t.word.isupper() and t.low in lx.POSITION_HEADS
                              for t in core) and core[-1].low in lx.POSITION_HEADS:
        # "Jennifer Trosper, project manager, says", "Strauss Zelnick, CEO of Take-Two, adds": a
        # role with no article
        return "role"
    if len(core) <= 3 and len(core) < len(toks) and core[-1].low in lx.POSITION_HEADS \
            and all(t.word[:1].isupper() for t in core) \
            and all(t.low in lx.POSITION_HEADS or t.low in lx.TITLE_WORDS or t.low in _TITLE_MODIFIERS
                    for t in core):
        # "Greg Barton, Director of the Faculty of Arts, said", "…, Chair In Global Islamic
        # Politics at Deakin University, said": a title in capitals, then whose office it is
        return "role"
    return _described_or_placed(toks)


#: Prepositions that open an adverbial part between a speaker and the cue ("in a statement",
#: "on Tuesday", "at a news conference"), in lower case as they stand inside a sentence.
_ADVERBIAL_LEADS = frozenset(["in", "on", "at", "during", "after", "before", "via", "through", "later",
                             # "Trump, for his part, said", "Ana Ruiz, by contrast, said"
                             "for", "by", "amid", "despite", "unlike", "under", "with", "without", "as",
                             # "Trump, alongside Modi, said": who was with the speaker
                             "alongside", "beside", "besides", "accompanied"])
#: Participles that work as prepositions ("following an investigation", "pending a review").
_PREPOSITION_PARTICIPLES = word_set("following pending concerning regarding considering excluding "
                                    "notwithstanding barring")
#: Past participles not in "-ed" that open a phrase about the speaker ("The study, published …").
_PARTICIPLES = word_set("seen written given made sent taken known shown held led run begun drawn")


def _described_or_placed(toks: list[Tok]) -> str:
    """"one of the states suing the agency" describes the speaker before it ("role"); "of
    Opelika" says where they are from ("place"); anything else is the speaker ("np")."""
    if len(toks) > 2 and toks[0].low in ("one", "among") and toks[1].low == "of" or \
            toks[0].low == "among":
        return "role"
    if toks[0].low in ("of", "from") and len(toks) <= 4 and toks[-1].word[:1].isupper():
        return "place"
    return "np"


#: Prepositions that place a person or an organisation in a town: "… in Dunedin, New Zealand,".
_PLACE_PREPOSITIONS = frozenset(["in", "of", "from", "at", "near"])


def _country_after_town(part: list[Tok], before: list[Tok]) -> int | None:
    """"New Zealand" after "… of the University of Otago in Dunedin,": one to three capitalised
    words (no article, no pronoun) whose part before ends in a preposition and a capitalised town
    is the town's country or state, not the speaker. Returns where that preposition starts."""
    if not 1 <= len(part) <= 3 or not all(t.word[:1].isupper() and t.word.replace(".", "").isalpha()
                                          for t in part):
        return None  # ("Texas", "New Zealand", "D.C.")
    if any(t.low in lx.DETERMINERS or t.low in lx.PRONOUNS for t in part):
        return None
    if len(part) >= 2 and (part[0].low in lx.FEMALE_FIRST_NAMES or part[0].low in lx.MALE_FIRST_NAMES):
        return None  # "The chief executive of Acme, Julia Marsh, said": a person, not a state
    if before and (before[-1].low in lx.NOT_NAMES or before[-1].low in lx.TIME_WORDS):
        return None  # "In a letter in May, Zippy Duvall, …": a month is no town
    tail = 0
    while tail < min(3, len(before)) and before[-1 - tail].word[:1].isupper():
        tail += 1
    if 0 < tail < len(before) - 1 and before[-1 - tail].low in _PLACE_PREPOSITIONS:
        if len(part) >= 2 and before[-1 - tail].low == "of" and before[-2 - tail].low in lx.POSITION_HEADS:
            return None  # "The mayor of Surabaya, Tri Rismaharini, said": the office's holder
        if len(part) >= 2 and before[-1 - tail].low == "of" and before[-2 - tail].word[:1].isupper() \
                and (before[-2 - tail].low in lx.ORG_HEADS or before[-2 - tail].low == "house"):
            # "The delegate to the U.S. House of Representatives, Aumua Amata, told": "of" inside
            # a body's name, and the person after it
            return None
        return before[-1 - tail].start
    return None


def _owner_s_choice(toks: list[Tok]) -> bool:
    """"President Donald Trump's choice to be the top U.S. trade negotiator", "Biden's pick for
    the court": an owner named in capitals (a title before it too), then a word in lower case for
    what the person is to them, whatever follows."""
    owner = next((k for k, t in enumerate(toks[:5]) if possessive(t) and t.word[:1].isupper()), None)
    return owner is not None and owner + 1 < len(toks) and toks[owner + 1].word.islower() \
        and toks[owner + 1].word.isalpha() and all(t.word[:1].isupper() for t in toks[:owner])


def _owned_description(toks: list[Tok]) -> bool:
    """"Trump's running mate", "Harris' chief of staff": an owner and lower-case words for what
    the person is to them (a description of the name before it, never a speaker of its own)."""
    return 2 <= len(toks) <= 6 and possessive(toks[0]) and toks[0].word[:1].isupper() \
        and all(t.word.islower() and t.word.replace("-", "").isalpha() for t in toks[1:])


#: Words that end the core of a post before whose it is: "coordinator at …", "head of …".
_POST_ENDS = frozenset(["of", "for", "at", "in", "with", "from"])


def _post_core(part: list[Tok]) -> list[Tok]:
    return next((part[:k] for k, t in enumerate(part) if k and t.low in _POST_ENDS), part)


def _post_word(low: str) -> bool:
    """A word for a post, a fellowship too ("associate", "senior fellow")."""
    return low in lx.POSITION_HEADS or low == "fellow" or low in lx.OCCUPATION_WORDS \
        or len(low) > 6 and low.endswith(("ist", "ician"))  # ("meteorologist", "statistician")


def _named_after_participle(text: str, toks: list[Tok]) -> bool:
    """"“…,” retired Rear Admiral Mark Montgomery, …, said": an adjective in -ed before a
    person's title and full name describes the person (not "released Monday", a participle's
    phrase)."""
    if not toks[1].word[:1].isupper():
        return False
    named = parse_before(text, toks[1:])
    return named is not None and named.kind == "person" and " " in named.name \
        and named.start == toks[1].start and named.end == toks[-1].end


def _lower_case_post(part: list[Tok]) -> bool:
    """"international advocacy and program associate at the Council": words in lower case (no
    article) that end with a post, before whose post it is."""
    core = _post_core(part)
    return 2 <= len(core) <= 6 and len(core) < len(part) \
        and _post_word(core[-1].low) \
        and all(t.word.islower() and t.word.replace("-", "").isalpha() for t in core) \
        and core[0].low not in lx.DETERMINERS and not any(t.low in lx.CUE_VERBS for t in core)


def _time_then_place(toks: list[Tok], i: int, k: int) -> bool:
    """Do ``toks[i:k]`` open on "last week" or "this week" and then a preposition of where or
    how ("said last week at a forum held by … that")?"""
    return i + 2 < k and toks[i].low in ("last", "this") and toks[i + 1].low in lx.TIME_WORDS \
        and toks[i + 2].low in lx.ADVERBIAL_PREPOSITIONS


def _role_before_name(toks: list[Tok], n: int) -> bool:
    """Is ``toks[n]`` a word for a person in lower case between a capitalised word and a name
    ("Serial killer Michael Ross", "Former president Donald Trump")?"""
    tok = toks[n]
    return n > 0 and n + 1 < len(toks) and tok.word.islower() and toks[n + 1].word[:1].isupper() \
        and (tok.low in lx.PERSON_NOUNS or tok.low in lx.OCCUPATION_WORDS or tok.low in lx.TITLE_WORDS)


def _participle_phrase(text: str, parts: list[tuple[int, int]], k: int) -> bool:
    """Is part ``k`` a participle's phrase between a name and its verb ("Peskov, referring to a
    new round of military aid, also accused"): a lower-case word in -ing opening it, after a part
    that names a person or a body?"""
    part = tokens(text, *parts[k])
    if len(part) < 2 or not part[0].word.islower() or not part[0].low.endswith("ing") \
            or len(part[0].low) < 6 or part[0].low in _PREPOSITION_PARTICIPLES \
            or part[0].low in ("according", "including"):
        return False  # (not "Local authorities, according to Maritime Bulletin, have noted")
    before = tokens(text, *parts[k + 1])
    named = parse_before(text, before)
    return named is not None and named.kind in ("person", "organisation") and named.start == before[0].start


def _source_before_body_name(text: str, parts: list[tuple[int, int]], k: int) -> Mention | None:
    """"A spokesperson for Hamas' armed wing, the al-Qassam Brigades, said": part ``k`` names the
    body that the unnamed source's phrase before it describes in lower case (its last word an
    organisation's); the source speaks, for that body."""
    body = parse_before(text, tokens(text, *parts[k]))
    if body is None or body.kind != "organisation":
        return None
    words = tokens(text, *parts[k + 1])
    source = parse_before(text, words)
    if source is None or source.kind != "anonymous" or not source.organisation or not words \
            or source.start != words[0].start or source.end != words[-1].end:
        return None
    last = source.organisation.split()[-1]
    if not last.islower() or last not in lx.ORG_HEADS:
        return None
    return replace(source, organisation=body.name)


def _list_ending_description(text: str, parts: list[tuple[int, int]], k: int) -> int | None:
    """Where the description is whose list part ``k`` ends ("a professor specializing in
    intellectual property, AI, and data rights,"): part ``k`` holds "and" or "or", the parts
    before it are items of one to three words, and the first is a description ("a …", "an …")
    right after a person's name. The index of the description's part, else None."""
    part = tokens(text, *parts[k])
    joined = next((i for i, t in enumerate(part) if t.low in ("and", "or")), None)
    capitalised = all(t.word[:1].isupper() or t.low in ("and", "or") for t in part)  # (a body's name)
    if not 2 <= len(part) <= (7 if capitalised else 5) or joined is None or joined == len(part) - 1 \
            or part[0].low in lx.DETERMINERS \
            or _names_a_person(parse_before(text, part[joined + 1:])):
        return None  # (", and Sara Lee, a Democrat, said": another speaker)
    j = k + 1
    while j < len(parts) and j - k <= 4:
        items = tokens(text, *parts[j])
        if items and (items[0].low in ("a", "an", "who", "whose") and len(items) >= 3
                      or _lower_case_post(items)):
            # (or a post in lower case: "Jim Chilton, senior vice president at Boeing Defense,
            # Space, and Security, said"; or a relative clause: "Rangsiman, who chairs the …
            # National Security, Border Affairs, National Strategy and National Reform Committee,
            # confirmed")
            named = parse_before(text, tokens(text, *parts[j + 1])) if j + 1 < len(parts) else None
            return j if _names_a_person(named) else None
        if not 1 <= len(items) <= 3 or any(t.low in lx.DETERMINERS or t.low in lx.CUE_VERBS for t in items):
            return None
        j += 1
    return None


def _listed_before_post(text: str, parts: list[tuple[int, int]], k: int) -> int | None:
    """Where the person's name is when part ``k`` ends a list of places before a post ("the
    U.S., Canada and Caribbean program coordinator at the Committee …") and the list's first
    items are the parts before it, each one to three capitalised words: the index of the name's
    part, else None."""
    part = tokens(text, *parts[k])
    core = _post_core(part)
    if len(core) < 3 or len(core) == len(part) or core[-1].low not in lx.POSITION_HEADS \
            or not core[0].word[:1].isupper() or not any(t.low == "and" for t in core[1:-1]):
        return None
    j = k + 1
    while j < len(parts) and j - k <= 4:
        items = tokens(text, *parts[j])
        if items and items[0].low == "the":
            items = items[1:]
        if not 1 <= len(items) <= 3 or not all(t.word[:1].isupper() for t in items):
            return None
        if j + 1 < len(parts) and _opens_with_a_name(text, tokens(text, *parts[j + 1])) \
                and tokens(text, *parts[j])[0].low == "the":
            return j + 1
        j += 1
    return None


#: Heads of a description of an organisation: "the U.S.-based company behind ChatGPT".
_BODY_HEADS = word_set("company firm group startup maker developer organization organisation agency "
                       "nonprofit charity network platform outlet newspaper broadcaster bank fund "
                       "lab laboratory institute association union coalition")


def _body_description(part: list[Tok]) -> bool:
    """"the U.S.-based company behind ChatGPT", "a nonprofit in Boston": an article, words in
    lower case, and a word for an organisation before whatever says more of it."""
    head = next((k for k, t in enumerate(part)
                 if k and (t.low in _POST_ENDS or t.low in _BODY_DESCRIPTION_ENDS)), len(part))
    core = part[1:head]
    # (a capital opening the words: "a Christian engineering nonprofit that builds …")
    return 1 <= len(core) <= 4 and core[-1].low in _BODY_HEADS \
        and all(t.word.islower() or t.word[:1].isupper() and ("-" in t.word or k == 0 and t.word.isalpha())
                for k, t in enumerate(core))


#: Words after which a body's description says more of it: "behind", a relative pronoun.
_BODY_DESCRIPTION_ENDS = frozenset(["behind", "that", "which", "whose"])


def _names_a_body(mention: Mention | None) -> bool:
    return mention is not None and mention.kind == "organisation"


def _names_a_person(mention: Mention | None) -> bool:
    return mention is not None and mention.kind == "person"


def _unnamed_office(text: str, part: list[Tok]) -> bool:
    """"the ranking member of the budget committee": a phrase for an unnamed holder of a post."""
    mention = parse_before(text, part)
    return mention is not None and mention.kind == "anonymous" and mention.role is not None \
        and mention.start == part[0].start


def _past_party_tag(text: str, parts: list[tuple[int, int]], k: int) -> list[Tok]:
    """The words of comma-separated part ``k``, or of the one before it when it is a party tag
    ("Sen. Dana Whitfield, R-Ohio, …": the name, not "R-Ohio")."""
    toks = tokens(text, *parts[k])
    if len(toks) == 1 and _PARTY_TAG.fullmatch(toks[0].word) and k + 1 < len(parts):
        return tokens(text, *parts[k + 1])
    return toks


def _opens_with_a_name(text: str, part: list[Tok]) -> bool:
    """Is the whole comma-separated part a person's name (with a title before it, or a party
    tag after it: "Sen. Dana Whitfield", "Rep. Ann Lee (D-Md.)")?"""
    while part and _PARTY_TAG.fullmatch(part[-1].word):
        part = part[:-1]
    mention = parse_before(text, part) if part else None
    return mention is not None and mention.kind == "person" and mention.start == part[0].start


_WORD_RUN = re.compile(r"\w+")
#: A run of word characters that no word character, stop or hyphen comes before, and the word
#: after it when only white space comes between.
_FREE_WORD_AND_NEXT = re.compile(r"(?<![\w.-])(\w+)(?=\s+(\w+))?")


def _word_and_pair_counts(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Each free-standing word's count, and each pair of them with only white space between (a
    word with no such word after it is counted with "" as its second)."""
    # (one scan in C and two counts in C: a loop over the matches took a 400 kB text 0.17 s)
    found: list[tuple[str, str]] = _FREE_WORD_AND_NEXT.findall(text)
    return Counter([word for word, _ in found]), Counter(found)


def _pronoun_description(toks: list[Tok]) -> bool:
    """"his rival", "her running mate", "their longtime lawyer": a possessive pronoun and a few
    lower-case words, what the person named before is to someone."""
    return 2 <= len(toks) <= 5 and toks[0].low in ("his", "her", "their") and all(
        t.word.islower() and t.low.replace("-", "").isalpha() and t.low not in _RELATIVES
        for t in toks[1:])


def _loose_role(toks: list[Tok]) -> bool:
    """"a campaign surrogate", "the group's founder": a short description with no title word."""
    return 2 <= len(toks) <= 4 and toks[0].low in ("a", "an", "the") and all(
        t.word.islower() and t.low.replace("-", "").replace("'s", "").replace("’s", "").isalpha()
        and t.low not in _RELATIVES for t in toks[1:])


_RELATIVES = frozenset(["that", "who", "which", "whose", "whom", "where", "when"])


#: "quote Salinas as saying", "quoted him as", "was quoted as" right before a participle cue.
_QUOTED_AS = re.compile(r"\b(?:[Qq]uot(?:e|es|ed|ing))[ ]+(?:([^;:.!?“”\"]{1,120}?),?[ ]+)?as[ ]+$")

_WRITINGS = word_set("statement email e-mail letter post tweet message note memo video")


def _after_document(text: str, s: int, end: int) -> bool:
    """"Amazon released a statement saying, …": the participle hangs on what was written, so
    the sentence's subject says it, as after a comma."""
    words = text[max(s, end - 20):end].split()
    return bool(words) and words[-1].lower() in _WRITINGS


def _next_to_quote_mark(text: str, cs: int, ce: int) -> bool:
    """Does a quotation mark close just before the cue or open just after it ("“…,” remembers
    X", "X remembers: “…”")?"""
    before = text[max(0, cs - 60):cs]
    closing = max(before.rfind("”"), before.rfind('"'))
    if closing >= 0 and len(before[closing + 1:].split()) <= 4 and "." not in before[closing + 1:]:
        return True  # "“…,” remembers X", "“…,” she remembers"
    after = text[ce:ce + 60]
    # "X remembers: “…”", "remembers Shanna Challenger: “…”" (not "remembers “Star Wars” opening")
    return bool(re.match(r"(?: [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*)?[:,] ?[“\"]", after))


def _clause_joins(text: str, start: int, cs: int) -> list[re.Match[str]]:
    """The ", while" / ", but" joins between ``start`` and the cue that open the cue's own clause
    (no comma after them: "The mayor, while the council debated, stood up and said" is an aside)."""
    return [j for j in _CLAUSE_JOIN.finditer(text, start, cs) if "," not in text[j.end():cs]]


def _opening_participle(toks: list[Tok]) -> bool:
    """Does a participle open the sentence ("Speaking in the Commons, …"), not a name that ends
    so ("Boeing is one of …", "Beijing has said")?"""
    first = toks[0]
    if first.low in ("having", "being"):
        return True  # "Having lost the vote, Prime Minister Ann Lee resigned …"
    return first.word.endswith("ing") and first.word[:1].isupper() and first.low not in lx.ORG_NAMES \
        and first.low not in _ING_NAMES and not (len(toks) > 1 and toks[1].low in _FINITE)


#: Names that end in "-ing" and open sentences as subjects, never as participles ("Beijing ships …").
_ING_NAMES = word_set("beijing nanjing chongqing kunming xining nanning harbing peking wyoming boeing "
                      "reading ealing woking dorking kettering worthing sterling viking king")


#: Cues that may stand before their speaker ("…, said Lt. Matt Harris"), unlike "accused",
#: "urged", "warned", whose next name is their object.
_INVERTING_CUES = word_set("said says added adds wrote writes explained explains noted notes")


def _adverbial_before_cue(text: str, start: int, cs: int) -> int | None:
    """Where the comma-separated part right before the cue starts, when it is an adverbial ("…,
    after locating drugs in her car, said"), which no speaker's description opens; else None."""
    last = text.rfind(",", start, cs)  # the comma that closes the part, right before the cue
    comma = text.rfind(",", start, last) if last > start else -1
    words = text[comma + 1 if comma >= 0 else start:max(last, start)].split()
    if len(words) >= 3 and (words[0] in _ADVERBIAL_LEADS or words[0].endswith("ing") and words[0].islower()):
        return comma
    return None


#: "has written", "had also written": the perfect makes "written" a cue.
_PERFECT_WRITTEN = re.compile(r"\b(?:has|have|had|'s|’s)(?: (?:also|since|previously|already|recently))? $")


def _appositive_after(text: str, start: int, cs: int) -> bool:
    """Does a short description between commas open at ``start`` ("…Mr Smith, a lawyer for the
    family, issued"), so the comma before it closes a name rather than an opening phrase?"""
    close = text.find(",", start, cs)
    before = text[max(0, start - 30):start - 1].split()
    if close < 0 or not before or not before[-1][:1].isupper() or before[-1].lower() in lx.TIME_WORDS:
        return False  # ("In a reflection of the confusion, the Electoral Commission, which …")
    words = text[start:close].split()
    return 1 < len(words) <= 8 and (words[0].lower() in ("a", "an", "his", "her", "their")
                                    or words[0].lower() == "the" and words[1].islower())


def _written_that(text: str, left: int, cs: int) -> bool:
    """"… an email to Ray-Ban Meta users that said": a relative "that" after a written thing."""
    words = text[max(left, cs - 60):cs].lower().split()
    return len(words) >= 2 and words[-1] in ("that", "which") and any(
        w.strip(",") in _WRITINGS for w in words[-6:-1])


#: Irregular past tenses that put a person's name after another's ("Obama met Xi Jinping").
_VERBS_BEFORE_NAMES = word_set("met told beat hit led took gave sent brought caught fought chose "
                               "saw thought taught won lost sought struck bought found heard")


def _trade_before_name(toks: list[Tok], n: int) -> bool:
    """"NASA Goddard Institute for Space Studies climatologist Gavin Schmidt": a lower-case
    trade after an employer's name, right before a first name and a surname."""
    word = toks[n].word
    if word.endswith(("ed", "es")) or word.endswith("s") and not word.endswith("ss") \
            or word in lx.CUE_VERBS or word in _VERBS_BEFORE_NAMES:
        return False  # "Donald Trump attacked Ted Cruz", "Obama meets Xi Jinping": a verb
    return n > 0 and n + 2 < len(toks) and word.isalpha() and word.islower() \
        and known_first_name(toks[n + 1].low) and toks[n + 1].word[:1].isupper() \
        and toks[n + 2].word[:1].isupper() and toks[n - 1].word[:1].isupper()


def _second_title_before_name(toks: list[Tok], n: int) -> bool:
    """"Former Trump adviser and retired general Michael Flynn": "and" between two lower-case
    titles, and the words of the second, up to the first name that follows (within four words)."""
    j = next((k for k in range(n, max(n - 4, 0), -1) if toks[k].low == "and"), -1)
    if j <= 0 or not toks[j - 1].word.islower() or not toks[j + 1:j + 2] \
            or not toks[j + 1].word.islower():
        return False
    for f in range(j + 1, min(j + 5, len(toks) - 1)):
        if toks[f].word[:1].isupper():
            return n < f and known_first_name(toks[f].low) and toks[f + 1].word[:1].isupper()
        if not toks[f].word.isalpha() or toks[f].low in lx.CUE_VERBS:
            return False
    return False


def _particle_inside_name(toks: list[Tok], n: int) -> bool:
    """A name's particle between capitalised words ("Mohammad bin Salman", "Arnel dela Vega"),
    one of two ("Ursula von der Leyen")."""
    def particle(k: int) -> bool:
        return 0 < k < len(toks) - 1 and toks[k].word.islower() and toks[k].low in lx.NAME_PARTICLES

    if not particle(n):
        return False
    before = n - 1 if not particle(n - 1) else n - 2
    after = n + 1 if not particle(n + 1) else n + 2
    return before >= 0 and after < len(toks) and toks[before].word[:1].isupper() \
        and toks[after].word[:1].isupper()


def _glue_inside_name(toks: list[Tok], n: int) -> bool:
    """"Institute for Space Studies": "of" or "for" between capitalised words of one name."""
    return n > 0 and n + 1 < len(toks) and toks[n].low in ("of", "for") \
        and toks[n - 1].word[:1].isupper() and toks[n + 1].word[:1].isupper()


#: Words after a name and its comma that show the name was a place in a phrase, not a subject.
#: ("Alexander Moor, during his message, offered": a subject may have an adverbial after it)
_PLACE_FOLLOWERS = word_set("with where near which")


def _place_after_comma(text: str, end: int, stop: int) -> bool:
    """Does the name ending at ``end`` close its sentence, or stand before a comma and a
    preposition ("West Point, New York, with supporters cheering"), as a place in a phrase
    does and a subject ("In Denver, police chief James Hall was …") does not?"""
    rest = text[end:min(stop, end + 30)]
    if not rest.strip() or rest.lstrip()[:1] in ".;":
        return True
    if not rest.startswith(","):
        return False
    words = rest[1:].split(None, 1)
    return bool(words) and words[0].islower() and words[0] in _PLACE_FOLLOWERS


def _lead_counts(mention: Mention, known: Callable[[str], bool] | None) -> bool:
    """A lead person with a role or a full name counts; a lone surname only when it is known."""
    if mention.kind != "person" or mention.role or " " in mention.name:
        return True
    return known is not None and known(mention.name)


_ASKED_ABOUT = re.compile(r"(?:What|How|Why|And what) (?:did|does|do|has|had|would|will|could) (?=[A-Z])")
_LEAD_CONJUNCTIONS = word_set("but and yet still so")


def _adverb_after_name(tok: Tok) -> bool:
    """A lower-case adverb between a subject and its verb ("Ashraf Ghani first announced")."""
    return tok.word.islower() and (tok.low in lx.AUX_ADVERBS or tok.low in ("first", "last")
                                   or tok.low.endswith("ly"))


#: Words that open a clause before the main one ("When Ghani announced it, he said …").
_SUBORDINATORS_LEADING = word_set("when after as while before once since although though because if")
#: Subordinators of a condition: the person of the clause they open is spoken of ("If Trump
#: fulfills his promise …, the impact will be profound, he said").
_CONDITIONALS = word_set("if unless")
_PRONOUN_SUBJECT = re.compile(r" *(?:he|she|they)\b")
#: A cue verb (not one of the weak ones) followed by "that": what a cue after "and" is
#: coordinated with ("had Trump confirm that … and acknowledge that …").
_CUE_THAT = re.compile(r"(?<![\w’'-])(?:" + "|".join(sorted(
    (w for w in lx.CUE_VERBS if w.isalpha() and w not in lx.WEAK_CUES), key=len, reverse=True)) + r") that ")
#: Cues whose object is whom the speaker addressed, never the speaker.
_TOLD = word_set("told tells tell assured assures")
#: Conjunctions that open a clause of their own, never a speaker's description.
_CONJUNCTION_WORDS = frozenset(["while", "whereas", "but", "and", "although", "though", "because",
                                "when", "after", "before", "if", "since", "until", "so", "yet", "or"])
#: A closing mark, then up to four lower-case words right before a frame's speaker: a
#: description the speaker's name follows ("” air force rescue coordinator S.B. Supriyadi").
_LOWER_DESCRIPTION = re.compile(r"[”\"’'],? (?:[A-Z][\w.]*-based )?(?:[a-z][a-z-]* ){0,4}\Z")
#: A live blog's entry time opening a paragraph: "13.08 ", "9:45am ", "14:07 BST ".
_TIME_STAMP = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d(?:\s?(?:[ap]\.?m\.?|GMT|BST|CET|ET|UTC))?\s+")
#: A live blog entry's time and label before what it reports: "06.10 Update: ", "Breaking: ".
_ENTRY_LEAD = re.compile(r"(?:(?:[01]?\d|2[0-3])[.:][0-5]\d\s+)?(?:(?:Update|UPDATE|Breaking|BREAKING|"
                         r"Latest|LATEST|Developing|DEVELOPING):\s*)|(?:[01]?\d|2[0-3])[.:][0-5]\d\s+")
#: "who has said", "who had long argued": a relative clause in the perfect before its cue.
_RELATIVE_PERFECT = re.compile(r"\b(?:who|which) (?:has|have|had)(?: (?:long|repeatedly|also|often|"
                               r"previously|publicly|since|already|consistently))? $")
#: A message sent before "saying" with no comma: "wrote to someone saying", "sent an email
#: saying", "posted a video saying".
_MESSAGE_SENT = re.compile(r"\b(?:wrote|writes|sent|sends|posted|posts|texted|texts|emailed|emails|"
                           r"tweeted|tweets|issued|issues|released|releases|published|publishes)\b")
#: Phrases after which a cue in the infinitive is still the subject's statement ("She went on to
#: say that …", "He was quick to say that …", "She called to say …").
_WENT_ON_TO = re.compile(r"\b(?:(?:went|goes|go|going|gone) on"
                         r"|(?:was|were|is|are) (?:quick|careful|keen|eager)"
                         r"|took (?:care|pains)|hastened|(?:went|goes) so far as"
                         # "Biden and the White House rushed to explain that …"
                         r"|rushed|rushes|hurried|hurries|scrambled|scrambles|moved|moves"
                         # "Avalos texted to say they were there", "she called to say that …"
                         r"|called|phoned|rang|wrote|texted|emailed|messaged|tweeted|posted"
                         # "Trump has tried to suggest that …": who tried said it
                         r"|tried|tries|sought|seeks|attempted|attempts)\s+to\s+$")
#: Cues in the infinitive after "went on to", "tried to" ("tried to suggest that …").
_INFINITIVE_CUES = word_set("say add note suggest claim argue insist explain")
#: "had this to say", "has plenty to add": the subject of "had" speaks (what follows the cue is
#: no clause: the quotation comes after a colon).
_HAD_THIS_TO = re.compile(r"\b(?:had|has|have)\s+"
                          r"(?:this|that|much|little|plenty|more|nothing|something|a lot)\s+to\s+$")
#: Verbs after which "X to <cue>" means that X spoke ("prompted Engoron to say").
_CAUSATIVES = word_set("prompted prompting prompts forced forcing forces led leading leads caused causing "
                       "causes compelled compelling pushed pushing spurred spurring")
#: A relative clause right after a name ("Prelogar, who grew up in Boise, Idaho, …").
_RELATIVE_AFTER = re.compile(r",? +(?:who|whose|whom)\b")
_NOT_LEADS = word_set("a an but and it this that there these those in on at for after before "
                      "when while as if so yet however meanwhile what why how")
_ASIDES = word_set("meanwhile however though too also instead for their part in turn in response")




def _next_boundary(text: str, start: int, end: int) -> int:
    """The next comma, semicolon, colon, dash or quotation mark from ``start`` (or ``end``)."""
    limit = min(end, start + _WINDOW)
    match = _BOUNDARY.search(text, start, limit)
    while match is not None and match.group() == "," and _YEAR_AFTER.match(text, match.end()) \
            and _MONTH_DAY_BEFORE.search(text, max(start, match.start() - 16), match.start()):
        match = _BOUNDARY.search(text, match.end(), limit)  # "a March 14, 2019 press release"
    return match.start() if match else limit


_BOUNDARY = re.compile(r"[,;:—–\"“”«»(]")
#: The comma of a date inside a phrase: "March 14, 2019".
_MONTH_DAY_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                               r" \d{1,2}$")
_YEAR_AFTER = re.compile(r" \d{4}\b")


_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "you"})
#: Audiences that a first audience word can qualify ("a rally crowd", "a press conference",
#: "the board members").
_GATHERINGS = word_set("crowd crowds audience audiences gathering meeting briefing conference members")


#: Addressees that a relative "that" may describe ("an audience that included …").
_BODIES_OF_PEOPLE = word_set("audience audiences crowd crowds gathering group meeting rally conference "
                             "panel committee forum summit session assembly congregation")


def _plural(word: str) -> bool:
    """Whether a lower-case noun looks plural ("reporters"; not "press", "business")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _object_end(toks: list[Tok]) -> int:
    """How many words the object of ``told`` takes (``CBS``, ``the BBC``, ``reporters``, ``me``
    before "that": "Residents told me that …")."""
    if toks[0].low in _OBJECT_PRONOUNS and len(toks) > 1 and (
            toks[1].low == "that" or toks[1].low in ("he", "she", "they", "we", "i", "it", "there")
            or toks[1].low in _CLAUSE_OPENERS and _clause_opens(toks[1:9])):
        return 1  # "told me that …", "told him they were lost", "told him the rumors were …"
    if len(toks) > 1 and toks[0].word.isalpha() and toks[0].word.islower() and toks[1].low in lx.AUDIENCES \
            and toks[0].low not in lx.AUDIENCES and not _plural(toks[0].low) \
            and toks[0].low not in _FINITE and toks[0].low not in ("that", "the", "a", "an"):
        return 2 + _name_after_title(toks, 2)  # "told state media", "told local reporters": one modifier
    # "told the judge", "told his supporters", "told a news conference"
    j = 1 if toks[0].low in ("the", "a", "an", "his", "her", "their", "its", "our", "my") else 0
    start = j
    if j:
        for k in range(j, min(len(toks), j + 4)):
            if toks[k].low in lx.AUDIENCES:
                while k + 1 < len(toks) and toks[k + 1].low in _GATHERINGS and not _plural(toks[k].low):
                    k += 1  # "told a rally crowd": one audience in two words (not "told the
                    # judge investors had been repaid": the second noun opens the clause)
                return k + 1
            if not toks[k].word.islower():
                break
    while j < len(toks) and j - start < 6 and (toks[j].word[0].isupper() or toks[j].low in lx.AUDIENCES
                                              or (j > start and toks[j].low in ("news", "agency"))
                                              or _titled_addressee(toks, j, start)):
        j += 1
        if toks[j - 1].low in lx.AUDIENCES:
            while j < len(toks) and toks[j].low in _GATHERINGS and not _plural(toks[j - 1].low):
                j += 1  # ("told committee members that …", not "told reporters members had quit")
            j += _name_after_title(toks, j)
            break
    if j == start and start:
        # "told the paper that …", "tells the newspaper he …": any short object of lower-case
        # words, when "that" or a subject pronoun follows it
        for k in range(start, min(len(toks) - 1, start + 3)):
            if not toks[k].word.isalpha() or not toks[k].word.islower() or toks[k].low in lx.CUE_VERBS \
                    or toks[k].low in _FINITE:
                break
            after = toks[k + 2].low if k + 2 < len(toks) else ""
            if toks[k + 1].low == "that" and after and after not in _FINITE and not after.endswith("ed") \
                    or toks[k + 1].low in _SUBJECT_PRONOUNS:
                return k + 1  # (not "told the story that had made her famous": a relative clause)
            if toks[k + 1].low == "of":
                # "promised the state of New York that …", "told the people of Ohio that …"
                m = k + 2
                while m < len(toks) and m - k - 2 < 3 and toks[m].word[:1].isupper():
                    m += 1
                if m > k + 2 and m < len(toks) and toks[m].low == "that":
                    return m
    if j == start:
        return 0
    return j


def _name_after_title(toks: list[Tok], j: int) -> int:
    """How many capitalised words after a singular audience word name the one it titles ("told
    VOA Pentagon correspondent Carla Babb that …"): up to three, then a lower-case word."""
    if not j or not toks[j - 1].word.islower() or _plural(toks[j - 1].low):
        return 0
    named = j
    while named < len(toks) and named - j < 3 and toks[named].word[:1].isupper():
        named += 1
    return named - j if named == len(toks) or not toks[named].word[:1].isupper() else 0


#: Words for who interviews: "told Fox News host Sean Hannity".
_INTERVIEWERS = word_set("host anchor moderator interviewer presenter")


def _titled_addressee(toks: list[Tok], j: int, start: int) -> bool:
    """Is ``toks[j]`` a lower-case title between an outlet or office and a name ("told Fox News
    host Sean Hannity", "told Senate Majority Leader …")?"""
    low = toks[j].low
    return j > start and toks[j].word.islower() and (low in _INTERVIEWERS or low in lx.POSITION_HEADS) \
        and j + 1 < len(toks) and toks[j + 1].word[:1].isupper()


def _outlet_name(text: str, toks: list[Tok]) -> str | None:
    """The outlet a noun phrase names, if it names one."""
    body = [t for t in toks if t.low not in ("the", "a", "an")]
    if not body:
        return None
    lows = [base_word(t).lower() for t in body]
    named = any(w in lx.OUTLET_NAMES for w in lows) or any(w in lx.OUTLET_WORDS for w in lows[1:])
    acronym = len(body) == 1 and body[0].word.isupper() and 2 <= len(body[0].word) <= 5 \
        and body[0].low not in lx.ORG_NAMES and body[0].word not in _PLACE_ACRONYMS \
        and not _spelled_out_as_body(text, body[0].word, body[0].start)
    if not (named or acronym) or not all(t.word[0].isupper() or t.low in ("of", "and") for t in body):
        return None
    name = text[body[0].start:body[-1].end].rstrip(".")
    return name[:-2] if name.endswith(("'s", "’s")) else name




def _spelled_out_as_body(text: str, acronym: str, before: int) -> bool:
    """Does the text, before ``before`` (and within a long story's reach), spell ``acronym`` out
    as the name of a body that is no news outlet ("the International Rescue Committee" for
    "according to IRC"; not "Korean Central News Agency")?"""
    if not acronym.isalpha():
        return False
    pattern = re.compile(r"(?<![\w’'-])" + r"[ ]+(?:(?:of|and|for|the|on|in)[ ]+)*".join(
        rf"{letter}[\w’'-]*" for letter in acronym) + r"(?![\w’'-])")
    for match in pattern.finditer(text, max(0, before - _SPELLED_OUT_REACH), before):
        words = [w.lower() for w in match.group().split()]
        if not any(w in lx.OUTLET_WORDS or w in lx.OUTLET_NAMES for w in words):
            return True
    return False


#: Acronyms of countries and unions of them: no outlet ("… on US choppers, according to …").
_PLACE_ACRONYMS = frozenset(["US", "USA", "UK", "EU", "UN", "UAE", "DRC", "PRC", "ROK", "DPRK"])
#: How far back an acronym is looked for spelled out (a story's length, not a whole archive's).
_SPELLED_OUT_REACH = 20_000


def _join_toks(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start:toks[-1].end]


def _apply_appositive(text: str, head: Mention, appos: list[Tok]) -> Mention:
    """Give ``head`` the role an appositive names."""
    words = [t for t in appos if t.low not in ("a", "an", "the", "his", "her", "its", "their", "another")]
    relative = next((k for k, t in enumerate(words) if k and t.low in _RELATIVES), None)
    if relative is not None:
        words = words[:relative]  # "a nurse from Phoenix who voted for Biden": the role ends at "who"
    if not words or len(words) > 12 or not any(
        t.low in lx.TITLE_WORDS or t.low in lx.RANKS for t in words
    ):
        return head
    lead = org_before_title(words) if words[0] is appos[0] else 0
    if lead:
        # "Google head of search" (no article): the employer opens the phrase, the role is the
        # rest; after an article the whole phrase stays the role ("a Pentagon spokeswoman")
        return Mention(head.start, head.end, head.kind, head.name,
                       role=head.role or text[words[lead].start:words[-1].end],
                       organisation=head.organisation or base_word(Tok(
                           text[words[0].start:words[lead - 1].end], 0, 0)), gender=head.gender)
    role = text[words[0].start:words[-1].end]
    org = None
    for k, tok in enumerate(words):
        if tok.low in ("for", "at", "of", "with") and k + 1 < len(words):
            rest = [t for t in words[k + 1:] if t.low not in ("the",)]
            # "minister for Europe", "chief executive of the company": a name or an
            # organisation's word; "minister for illegal migration" names a brief, not a body,
            # and in "head of search at Google" the brief comes first and the body after "at"
            if rest and (rest[0].word[:1].isupper() or rest[0].low in lx.ORG_HEADS):
                org = text[rest[0].start:rest[-1].end]
                break
    return Mention(head.start, head.end, head.kind, head.name,
                   role=head.role or role, organisation=head.organisation or org, gender=head.gender)


#: Words before a title in quote marks: `appeared on “Fox News Sunday”`, `told “Meet the Press”`.
_TITLE_LEADS = word_set("on told tell tells to in of with show programme program podcast series film "
                        "book column newspaper magazine documentary album song")
_TITLE_SMALL = word_set("the of a an and in on for to at with")


def _is_title(text: str, q: Span) -> bool:
    """A short title-case phrase in quote marks after "on", "told", a possessive or a word such
    as "show" ("Fox News Sunday", MSNBC's "Morning Joe"): a title, not speech."""
    if q.closed and q.end - q.start <= 160 and _after_work_noun(text, q):
        return True  # "In her book “A Paradise Built in Hell: The Extraordinary Communities …”"
    if not q.closed or q.end - q.start > 60:
        return False
    words = text[q.start:q.end].split()
    if words and words[-1].endswith((",", ".")) and len(words[-1]) > 1:
        # "from “Magic Clement,” the …", "told CNN's “State of the Union.”": the comma or full
        # stop is the sentence's, put inside the marks
        words[-1] = words[-1][:-1]
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper() or any(
        not (w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL) or w[-1] in ".,!?;:"
        for w in words
    ):
        return False
    lead = text[max(0, q.start - 31):q.start - 1].split()
    if not lead:
        return False
    word = lead[-1]
    if word.lower() in ("from", "by") and len(lead) > 1 and lead[-2].lower() in _SPEECH_EVENTS:
        return True  # "a post from “Magic Clement,”": the author's name, not their words
    return word.lower() in _TITLE_LEADS or word.endswith(("'s", "’s"))


#: A given name or initials, a space, then the mark opening a nickname: "A.A. “", "Robert “".
_BEFORE_NICKNAME = re.compile(r"(?<![\w.’'-])(?:[A-Z][a-z]+|(?:[A-Z]\.){1,3})[ ]$")
#: After the nickname's closing mark, the surname: "” Puryear".
_AFTER_NICKNAME = re.compile(r"[ ][A-Z][\w’'-]+")


def _is_nickname(text: str, q: Span) -> bool:
    """One to three capitalised words in quote marks between a given name and a surname
    ("A.A. “Cotton” Puryear", "Dwayne “The Rock” Johnson"): part of a name, not speech."""
    if not q.closed or q.end - q.start > 30:
        return False
    words = text[q.start:q.end].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    opening = q.start - 1  # (the mark's position)
    return _BEFORE_NICKNAME.search(text, max(0, opening - 20), opening) is not None \
        and _AFTER_NICKNAME.match(text, q.end + 1) is not None


#: Nouns for a work whose title may follow in quote marks ("her book “…”", "the film “…”").
_WORK_NOUNS = word_set("book books novel memoir film movie documentary album song essay poem play "
                       "series podcast")


#: Who makes a work: "author of “…”", "the director of “…”".
_MAKERS = word_set("author co-author authors director producer editor creator writer host star "
                   "publisher")


def _after_work_noun(text: str, q: Span) -> bool:
    """A title-case phrase in quote marks right after a noun for a work: its title, however long
    (a subtitle after a colon included)."""
    lead = text[max(0, q.start - 30):q.start - 1].split()
    if not lead or not (lead[-1].lower() in _WORK_NOUNS or lead[-1].endswith(("'s", "’s"))
                        or len(lead) > 1 and lead[-1] == "of" and lead[-2].lower() in _MAKERS):
        return False  # ("her book “…”", "NPR’s “Wait, Wait … Don’t Tell Me!”", "author of “…”")
    words = [w.strip(".,:;!?") for w in text[q.start:q.end].split()]
    words = [w for w in words if w]
    if not words or not words[0][:1].isupper():
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.6 * len(words)


#: Cue verbs as a headline in title case writes them ("Biden Says U.S. Will Act").
#: Other cues than "Says" report a clause in a headline only before "That" ("Trump Denies
#: Report" is an act on a noun phrase).
_TITLE_CUE = re.compile(r"(?<=\S )(?:Says|Say(?= That)|(?:Tells|Warns|Claims|Insists|Urges|Vows|Admits|"
                        r"Denies|Predicts|Announces|Confirms|Argues|Suggests|Pledges|Promises)"
                        r"(?= That ))(?= \S)")


def _title_case_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The cue of a headline line in title case (most words capitalised, no closing full stop),
    or None."""
    if end - start > 200 or not _looks_like_headline(text, start, end):
        return None
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
        return None
    return _TITLE_CUE.search(text, start, end)


def _looks_like_headline(text: str, start: int, end: int) -> bool:
    """A short line without closing punctuation reads as a headline."""
    tail = text[start:end].rstrip("\"'”’»)] ")
    return bool(tail) and tail[-1] not in ".!;:,…?" and len(text[start:end].split()) <= 20


# -- sieves -------------------------------------------------------------------------------------


def _sieve_direct(doc: _Document) -> None:
    """A quote whose closing mark the frame follows, or whose opening mark follows the frame."""
    text = doc.text
    for frame in doc.frames:
        if frame.according:
            continue
        # Before the frame: “…,” X said / “…” says X
        pos = frame.start - 1
        # The paragraph, not the sentence: "Why now?" Ms Ortiz asked. splits after the "?".
        floor = max(doc.paras[frame.para][0], frame.start - 6)
        while pos >= floor and text[pos] in " \t,":
            pos -= 1
        q = doc.by_close.get(pos)
        if q is None and frame.mention is not None and frame.mention.kind in ("person", "organisation"):
            # "“…,” air force rescue coordinator S.B. Supriyadi told AFP": lower-case words of
            # the speaker's description before the part read as the name
            lead = _LOWER_DESCRIPTION.search(text, max(doc.paras[frame.para][0], frame.start - 50),
                                             frame.start)
            if lead is not None and not _CONJUNCTION_WORDS.intersection(lead.group().split()):
                # (not "“unprecedented”, while ALDI called it …": a clause of its own)
                pos = lead.start()
                q = doc.by_close.get(pos)
                floor = min(floor, pos)
        if q is not None and pos >= floor and frame.cue not in _ING and frame.cue not in _JUDGING and (
            frame.headline or text[q.end - 1] in ",.!?…—–-" or "," in text[q.end:frame.start]
            # ("… ‘No, you first,’” Apte said": the comma inside a quote within the quote)
            or text[q.end - 1] in "’'" and text[q.end - 2:q.end - 1] in (",", ".", "!", "?")
            or _sentence_without_its_comma(doc, q, frame)
        ) and not _new_sentence_frame(doc, q, frame) and not _points_ahead(text, frame):
            # "“…,” X said": speech before its frame ends with punctuation; a name in quotation
            # marks before a verb ("the so-called “Islamic State” group claimed") does not.
            _claim_mark(doc, q, frame, before=True)
            if text[q.end - 1] == ",":
                _claim_interrupted(doc, frame)
        # After the frame: X said: “…” / “…,” said X, “…”
        pos = frame.end
        limit = min(len(text), frame.end + 6)
        while pos < limit and text[pos] in " \t,:":
            pos += 1
        q = doc.by_open.get(pos)
        if q is None and pos < len(text) and text[pos] == "\n" and text[frame.end:pos].strip() == ":":
            nxt = pos
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            q = doc.by_open.get(nxt)
        if q is None:
            # "Lavrov told a news conference in Moscow on Friday: “…”"
            colon = text.find(":", frame.end, min(frame.sentence[1], frame.end + 80))
            if colon >= 0 and not doc.inside_quote(colon) and not CUE_PATTERN.search(text, frame.end, colon):
                pos = colon + 1
                while pos < len(text) and text[pos] in " \t":
                    pos += 1
                if text[pos:pos + 1] == "\n":
                    # "McGregor signs off:" ends its paragraph; the quote is the next one
                    while pos < len(text) and text[pos].isspace():
                        pos += 1
                q = doc.by_open.get(pos)
        if q is None and frame.clause_start is not None and not frame.according:
            q = _quote_after_clause_colon(doc, frame)
            if q is not None:
                _claim_mark(doc, q, frame, before=False)
                continue
        if q is not None and not (frame.clause_start is not None and frame.with_that
                                  and not (text[:q.start - 1].rstrip().endswith(":")
                                           and text[q.start:q.start + 1].isupper())):
            # (a that-clause's quotation is its own, unless a colon ends the clause before a
            # quoted sentence: not "included: “the FBI, the CIA …”", the clause's own list)
            _claim_mark(doc, q, frame, before=False)


def _person_ending_phrase(text: str, after: list[Tok]) -> Mention | None:
    """The person, named in full with a known first name, whose name ends the words after
    "according to" (or ends them but for a time: "… Emmerson Mnangagwa on Friday")."""
    toks = after[1:] if after[0].low == "the" else after
    for stop in range(len(toks), 2, -1):
        if stop < len(toks) and toks[stop].low not in lx.ADVERBIAL_PREPOSITIONS \
                and toks[stop].low not in lx.TIME_WORDS:
            continue  # (only the whole phrase, or the phrase before "on Friday", "in a statement")
        whole = classify(text, toks[:stop])
        if whole is not None and whole.kind == "person" and " " in whole.name \
                and whole.end == toks[stop - 1].end and known_first_name(whole.name.split()[0].lower()):
            return whole
    return None


#: A colon that closes a reported clause and opens a quotation.
_COLON_QUOTE = re.compile(r":[ \t]*(?=[“\"][A-Z])")


def _quote_after_clause_colon(doc: _Document, frame: _Frame) -> Span | None:
    """``Mayor Ortiz announced that the city would close three libraries: “We have no choice.”``:
    a colon that ends the reported clause opens the speaker's own words (no other cue between)."""
    text = doc.text
    assert frame.clause_start is not None
    colon = _COLON_QUOTE.search(text, frame.clause_start, frame.sentence[1])
    if colon is None or doc.inside_quote(colon.start()) \
            or CUE_PATTERN.search(text, frame.cue_end, colon.start()) is not None:
        return None
    return doc.by_open.get(colon.end())


def _sentence_without_its_comma(doc: _Document, q: Span, frame: _Frame) -> bool:
    """"“I am in awe of the people who ran towards danger” tweeted Sadiq Khan": a quoted
    sentence that opens its own, with its comma left out, then the cue and a speaker (not "the
    so-called “Islamic State” group claimed" or "“Fox News Sunday” host Chris Wallace said":
    a name in the marks, inside a sentence or a few words long)."""
    text = doc.text
    if frame.mention is None or frame.mention.kind not in ("person", "pronoun", "organisation") \
            or len(text[q.start:q.end].split()) < 6 or text[q.end:frame.start].strip(" \t\"”’'"):
        return False
    before = text[max(0, q.start - 3):q.start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n"


def _points_ahead(text: str, frame: _Frame) -> bool:
    """``…talking about.” He adds:`` — a frame ending in a colon introduces what follows it, not
    the quotation that closed the sentence before."""
    return text[frame.end:frame.end + 3].lstrip(" \t").startswith(":") \
        and text[frame.start - 2:frame.start].strip() != ","


def _new_sentence_frame(doc: _Document, q: Span, frame: _Frame) -> bool:
    """``… the plan was “dead on arrival.” She called it “a fantasy.”``: a quote that closes its
    sentence with a full stop is not framed by the next sentence's cue when that cue goes on to
    words of its own (``“We will win.” Hale said.`` is framed)."""
    text = doc.text
    if text[q.end - 1] != "." or q.start >= frame.sentence[0]:
        return False
    if any(other.clause_start is not None and other.sentence[0] <= other.clause_start < q.start
           and q.start < other.sentence[1] <= frame.sentence[0] for other in doc.frames):
        # "Dan Campbell said that his team “never quit.” Jared Goff agreed.": the quote closes
        # the reported clause of its own sentence's cue
        return True
    if frame.cue in lx.WEAK_CUES and any(
            other.end <= q.start and other.para == frame.para and other.mention is not None
            and text[other.end:q.start].translate(_NO_MARKS).strip(" \t") == "." for other in doc.frames):
        # "“We need answers,” Graham said. “The FBI has stonewalled us.” Grassley agreed.": the
        # quote goes on with the speaker just named; the next sentence reacts to it
        return True
    rest = text[frame.end:frame.sentence[1]].strip(" .!?\"”’)")
    return len(rest.split()) >= 2 and not _closes_frame(doc, frame, rest)


#: After a cue that splits a quoted sentence, an aside up to a comma and the rest of the quote:
#: "“But,” Alito continued, as he addressed Prelogar, “is it not the case …”".
_ASIDE_TO_QUOTE = re.compile(r"[^“”\"\n.!?;:]{1,120}?,[ \t]*(?=[“\"])")


def _claim_interrupted(doc: _Document, frame: _Frame) -> None:
    """The rest of a quoted sentence that the frame and an aside after it interrupt: a quotation
    that opens in lower case after a comma, in the same sentence ("“For corporate America,”
    Prelogar had said as she concluded her arguments, “diversity is essential …”")."""
    text = doc.text
    aside = _ASIDE_TO_QUOTE.match(text, frame.end, min(frame.sentence[1], frame.end + 130))
    if aside is None:
        return
    q = doc.by_open.get(aside.end())
    if q is None or q.start in doc.claimed or not text[q.start:q.start + 1].islower() \
            or CUE_PATTERN.search(text, frame.end, aside.end()) is not None:
        return
    frame.end = aside.end()  # (the aside belongs to the frame: the two parts are one statement)
    _add(doc, q, "direct", "direct", frame)


def _claim_mark(doc: _Document, q: Span, frame: _Frame, before: bool) -> None:
    """Attribute a quotation next to ``frame``: direct, or partial when words lie beyond it."""
    if q.start in doc.claimed:
        return
    text = doc.text
    s, e = frame.sentence
    # Words outside the quote on its far side make it a partial quote ("Kim set for “…” says").
    if before:
        outside = text[max(s, q.start - 1 - _WINDOW):q.start - 1].strip()
        if doc.inside_quote(q.start - 2) or q.start - 1 < s:
            outside = ""
    else:
        outside = text[q.end + 1:min(e, q.end + 1 + _WINDOW)].strip(" .,;:!?\"”’)")
        if q.end >= e:
            outside = ""
    kind = "partial" if outside and len(outside.split()) > 1 or (
        outside and not before) else "direct"
    lead_in = text[max(0, q.start - 12):q.start - 1].rstrip()
    if kind == "partial" and before and lead_in.endswith((",", ":", "—")):
        kind = "direct"  # "In those years, “foreign currency was rare,” says X": a lead-in, then speech
    elif kind == "partial" and not before and text[q.start:q.end].rstrip().endswith(("?", "!", ".", "…")):
        kind = "direct"  # "asked “are you taking pictures of me?” and …": a whole utterance
    sieve = "headline" if frame.headline else "direct"
    _add(doc, q, kind, sieve, frame)


def _add(doc: _Document, q: Span, kind: str, sieve: str, frame: _Frame | None,
         confidence: float | None = None) -> None:
    doc.claimed.add(q.start)
    start, end = _trim(doc.text, q.start, q.end)
    if end <= start:
        return
    conf = CONFIDENCE[sieve] if confidence is None else confidence
    if not q.closed:
        conf *= 0.8
    claim = _Claim(start, end, kind, sieve, frame, _para_of(doc, q.start), conf, parts=[(start, end)],
                   outer=(q.start - 1, q.end + 1 if q.closed else q.end))
    doc.claims.append(claim)
    doc.claim_of[q.start] = claim


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:":
        end -= 1
    return start, end


def _para_of(doc: _Document, pos: int) -> int:
    return max(0, bisect_right(doc.para_starts, pos) - 1)


def _sentence_quotes(doc: _Document, s: int, e: int) -> list[Span]:
    """Quotes that open inside the sentence (computed once per sentence)."""
    found = doc.sentence_quotes.get(s)
    if found is None:
        found = [q for q in doc._quotes_between(s, e) if q.start >= s]
        doc.sentence_quotes[s] = found
    return found


def _sieve_colon(doc: _Document) -> None:
    """``Peskov: “We will…”`` — a name, a colon and a quotation."""
    text = doc.text
    for s, e, para in doc.sentences:
        for q in _sentence_quotes(doc, s, e):
            if q.start in doc.claimed:
                continue
            pos = q.start - 2
            while pos > s and text[pos] == " ":
                pos -= 1
            if pos <= s or text[pos] != ":" or pos - s > _WINDOW:
                continue  # (a speaker's phrase is short: never read a long sentence once per quote)
            toks = tokens(text, s, pos)
            if not toks or len(toks) > 14:
                continue  # (a longer lead-in needs a noun for what was said: see _colon_subject)
            if len(toks) > 1 and toks[0].low in lx.CUE_VERBS and toks[0].word[:1].isupper():
                toks = toks[1:]  # "Concluded the researchers: “…”": the cue comes first
            toks = _speaker_to_outlet(text, s, pos, toks)
            # (a lead-in with a verb is a sentence, its subject the speaker: "Jair Bolsonaro
            # opposed Macron's statement: “…”" is no statement of Macron's)
            mention = classify(text, toks) if len(toks) <= 8 and not _has_verb(toks[1:]) else None
            if mention is None and len(toks) > 8 \
                    and all(t.word[:1].isupper() or t.low in lx.GLUE for t in toks) \
                    and not any(t.low in lx.DOCUMENT_NOUNS or t.low in ("open", "about", "regarding")
                                for t in toks):
                # (not "Open Letter to Chief Executive Officer of Tesla Motors Elon Musk:", whom
                # the letter is to)
                mention = _name_after_long_title(text, toks)
            if mention is None:
                mention = _colon_subject(doc, s, pos, q)
            if mention is None or mention.kind == "anonymous" and len(toks) < 2 \
                    and not occupational_title(mention.name.lower()):
                continue  # ("Clerk: “…”" is the clerk's words)
            frame = _Frame(":", pos, pos + 1, mention, mention.start, pos + 1, (s, e), para,
                           headline=_looks_like_headline(text, *doc.paras[para]))
            doc.frames.append(frame)
            doc.frames_by_sentence.setdefault(s, []).append(frame)
            _add(doc, q, "direct", "colon", frame)


def _name_after_long_title(text: str, toks: list[Tok]) -> Mention | None:
    """"Civilian Deputy Undersecretary of the Air Force for Acquisition Darleen Druyun: “…”": a
    label whose title is too long to read whole; the full name that ends it, the rest its role."""
    for size in (3, 2):
        named = classify(text, toks[-size:])
        if named is not None and named.kind == "person" and " " in named.name \
                and named.start == toks[-size].start and toks[-size - 1].low not in lx.GLUE:
            return Mention(toks[0].start, named.end, "person", named.name,
                           role=text[toks[0].start:toks[-size - 1].end], gender=named.gender)
    return None


def _clause_before(toks: list[Tok]) -> bool:
    """Do the words make a clause with a verb, not an opening phrase ("According to news agency
    ISNA", "In Denver")?"""
    return bool(toks) and toks[0].low not in _OPENING_PREPOSITIONS and toks[0].low != "according" \
        and _has_verb(toks)


#: A capitalised name right before a comma ("… by Tom Hale,").
_NAME_BEFORE_COMMA = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+$")


def _speaker_to_outlet(text: str, s: int, pos: int, toks: list[Tok]) -> list[Tok]:
    """"Kenya: Mark Kaigwa to Global Voices: “…”": a headline's speaker, then the outlet spoken
    to, after the story's place; the words of the speaker alone."""
    kicker = text.rfind(": ", s, pos)
    words = [t for t in toks if t.start > kicker] if kicker >= 0 else toks
    cut = next((k for k, t in enumerate(words) if 0 < k < len(words) - 1 and t.word == "to"), None)
    if cut is None or not all(t.word[:1].isupper() for k, t in enumerate(words) if k != cut) \
            or text.find(words[cut - 1].word, pos + 1) < 0:
        return toks  # (the speaker is named again in the story: "Message to Moscow: …" is no one)
    return words[:cut]


#: A sentence after a signature: a full stop, then a capitalised word and a lower-case one.
_SENTENCE_IN = re.compile(r"[.] +[A-Z][a-z]+ [a-z]")
#: The dash that signs a quotation ("” — Mike Pompeo"), and the name up to a comma or the end.
_SIGNATURE = re.compile(r"[ \t]*(?:—|–|―|--?)[ \t]*([A-Z][^,\n(]{1,60}?)[ \t]*(?:[,(]|$)", re.M)


def _sieve_signed(doc: _Document) -> None:
    """``“We lied, we cheated, we stole.” — Mike Pompeo, College Station, TX, April 15, 2019``: a
    quotation that opens its paragraph, signed after a dash by a person's name (an epigraph, a
    pull quote). The signature ends the paragraph: a place or a date may follow the name, never a
    sentence ("“…” — the crowd chanted it again" is no signature)."""
    text = doc.text
    for para, (p_start, p_end) in enumerate(doc.paras):
        quotes = doc.spoken_quotes_between(p_start, p_end)
        if not quotes:
            continue
        q = quotes[0]
        if q.start in doc.claimed or not q.closed or text[p_start:q.start - 1].strip():
            continue
        match = _SIGNATURE.match(text, q.end + 1, p_end)
        tail = text[match.end():p_end] if match is not None else ""
        if match is None or p_end - match.end() > 80 or any(ch in tail for ch in "“\"!?") \
                or _SENTENCE_IN.search(tail):
            continue  # (a place or a date may follow: "…, Washington, D.C.", "Jan. 5")
        quoted = text[q.start:q.end].split()
        if len(quoted) < 4 and not text[q.start:q.end].rstrip().endswith((".", "!", "?")):
            continue  # "“Espresso” — Sabrina Carpenter": a title and its maker, not words said
        toks = tokens(text, match.start(1), match.end(1))
        mention = classify(text, toks) if 0 < len(toks) <= 5 else None
        if mention is None or mention.kind != "person":
            continue
        # (the paragraph is the quotation and its signature: it stands for the sentence)
        frame = _Frame("—", match.start(), match.start(1), mention, mention.start, mention.end,
                       (p_start, p_end), para)
        doc.frames.append(frame)
        _add(doc, q, "direct", "colon", frame)


def _sieve_block(doc: _Document) -> None:
    """``Sunak replies:`` ⏎ ``The right honourable gentleman talks about …``: a paragraph that
    ends with a speaker, a cue and a colon introduces the next paragraph as that speaker's words,
    a block quotation whose marks the page's layout carried (live blogs, interviews). Only a
    paragraph of prose counts: a few words at least, ending a sentence, with no cue of its own."""
    text = doc.text
    _here_is_frames(doc)
    _lead_in_frames(doc)
    for frame in doc.frames:
        if frame.according or frame.mention is None or frame.headline \
                or frame.cue == ":" and not frame.lead_in:
            continue
        colon = frame.end
        while colon < len(text) and text[colon] in " \t":
            colon += 1
        right_after = text[colon:colon + 1] == ":"  # ("Khalil notes:": the cue's own colon)
        if not right_after:
            # "David Millward … explains the most likely:", "said in a statement on Monday:": a
            # few words of the frame's own before the colon that ends its paragraph
            para_end = doc.paras[frame.para][1]
            while para_end > frame.end and text[para_end - 1].isspace():
                para_end -= 1
            if para_end - frame.end > 200 or text[para_end - 1:para_end] != ":":
                continue  # (a few words at most: never copy the rest of a long paragraph per frame)
            last = text[frame.end:para_end]
            words = last[:-1].split()
            if not last.endswith(":") or _verb_cue_in(last) or _SENTENCE_BREAK.search(last):
                continue  # (nor a colon of the writer's next sentence: "… posted a video. Check it out:")
            if any(ch in last for ch in "“”\""):
                # 'also suggested that this was "an historic opportunity for Mr. Christie":' —
                # words quoted that end the paragraph on a colon: the block after it is the
                # speaker's too (the clause is a record of its own); a clause alone is not
                # ("Officials say there are three options:" ⏎ "The first is to wait.")
                if _frames_in_span(doc, frame.end, para_end) or len(words) > 40:
                    continue
            elif frame.clause_start is not None and not _asks_question(text, frame.clause_start) \
                    and words != ["that"] and not _original_language_after(doc, frame.para) \
                    or not 0 < len(words) <= 25:
                # (a question is what the block answers: "Pierre De Vos explains why the ANC might
                # lose their case:"; a clause of its own is not: "Officials say there are …:"; but
                # "He further noted that:" has no clause, and "X says it is a given that … will be
                # in Medellín:" before a post in Spanish quotes the post)
                continue
            colon = frame.end + len(last) - 1
        if doc.inside_quote(colon):
            continue
        start = colon + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        if text[start:start + 1] != "\n" or frame.para + 1 >= len(doc.paras):
            continue
        p_start, p_end = doc.paras[frame.para + 1]
        p_start, p_end = _trim(text, p_start, p_end)
        body = text[p_start:p_end]
        if p_start in doc.by_open or p_start + 1 in doc.by_open or body[:1] in _OPENING_MARKS:
            continue  # a quotation in marks: the direct sieve's
        if _HANDLE_LABEL.match(body):
            continue  # a post by its handle ("@Addameer_ps: …"): the handles sieve's
        label = _LISTED_HANDLE.match(body)
        if label is not None:
            p_start += label.end()  # ("@mhassouneh:#شكرا …": the words after the handle)
            body = text[p_start:p_end]
        english = _english(body)
        ended = _ends_block(body) or not english and _translated_after(doc, frame.para + 2) \
            or right_after and len(body) < 300 and "\n" not in body and not frame.inverted \
            and (not english or _PERSONAL_WORD.search(body) is not None) \
            and _PAGE_FURNITURE.match(body) is None \
            and _prose_or_lead_in_after(doc, frame.para + 2)
        # (a comment quoted after "Khalil notes:" may end with no stop: "She dnt have a choice";
        # not the first of a list of reported items, each with no stop, after "also said:")
        if _block_words(body) < 4 or not ended \
                or _LABEL.match(body) or _MIXED_LABEL.match(body) or _frames_in_span(doc, p_start, p_end):
            continue  # ("[...] The political costs will be long lasting. [...]": words left out)
        inside = doc.spoken_quotes_between(p_start, p_end)
        parts = [(p_start, p_end)]
        # Paragraphs of the original language not yet followed by their translation ("Chu Ka Yu
        # criticized the group [zh]:" ⏎ Chinese ⏎ English): the translation is the same words
        untranslated = 0 if english else 1
        # A block quotation of several paragraphs: the next ones that still speak as the quoted
        # writer does (in the first or second person) and introduce no one else
        for index in range(frame.para + 2, min(len(doc.paras), frame.para + 6)):
            n_start, n_end = _trim(text, *doc.paras[index])
            more = text[n_start:n_end]
            if not _continues_block(doc, more, n_start, n_end) \
                    and not (untranslated and _plain_paragraph(doc, more, n_start, n_end)):
                break
            if not _english(more):
                untranslated += 1
            elif untranslated:
                untranslated -= 1
            inside += doc.spoken_quotes_between(n_start, n_end)
            parts.append((n_start, n_end))
        if any(q.start in doc.claimed for q in inside):
            continue
        for q in inside:
            doc.claimed.add(q.start)
        claim = _Claim(p_start, parts[-1][1], "direct", "block", frame, frame.para + 1, CONFIDENCE["block"],
                       parts=parts)
        doc.claims.append(claim)


#: A word a comment in the first or second person, or a sentence, holds ("She dnt have a choice"),
#: which a heading or a caption does not ("Open access to publications").
_PERSONAL_WORD = re.compile(r"(?i)\b(?:i|we|you|he|she|they|it|my|our|your|his|her|their|this|is|are|was|"
                            r"were|have|has|had|do|does|did|can|will|would|should|must|not|dnt|don't|can't)\b")
#: The start of a page's own line after a lead-in: "Updated at 14.05", "Watch the full interview".
_PAGE_FURNITURE = re.compile(r"(?:Updated|Watch|Scroll|Related|Read|Listen|See|Click|Photograph|Photo)\b"
                             r"|.*\b(?:Photograph|Photo|Image|Credit):")


def _prose_or_lead_in_after(doc: _Document, index: int) -> bool:
    """Is there a paragraph ``index``, ending a sentence or a lead-in's colon (not another item
    of a list with no stop, nor the text's end after a line that may be cut off)?"""
    if index >= len(doc.paras):
        return False
    last = doc.text[slice(*doc.paras[index])].rstrip()[-1:]
    return last in _SENTENCE_ENDS or last == ":"


def _verb_cue_in(words: str) -> bool:
    """Is a cue in ``words`` a verb, not a noun after a possessive ("responded to Mohamad's
    claims one by one:" has none)?"""
    return any(not _POSSESSIVE_BEFORE.search(words, 0, match.start())
               for match in CUE_PATTERN.finditer(words))


#: A handle right before a cue, after a word for its holder ("Twitter user @notable1980 tweeted").
_HANDLE_BEFORE_CUE = re.compile(r"\b(?i:" + "|".join(sorted(lx.ACCOUNT_HOLDERS)) + r")[ ]+(@\w{2,30})[ ]*$")
#: The end of a sentence and the start of the next inside a stretch of text.
_SENTENCE_BREAK = re.compile(r"[.!?][ ]+[A-Z]")
#: Sentence ends of other scripts: Chinese and Japanese, Armenian, Arabic, Devanagari.
_OTHER_SENTENCE_ENDS = frozenset("。！？」』։؟।")
#: What may trail a post after its last sentence: hashtags, handles, links.
_POST_TAIL = re.compile(r"(?:\s+(?:[#@][\w-]+|https?://\S+))+$")
#: English words that no language a story quotes beside English writes as often.
_ENGLISH_FUNCTION_WORDS = word_set("the and of to is that it you we was for are with this be have not they "
                                   "but on at by from")
_LATIN_WORD = re.compile(r"[A-Za-z']+")


def _block_words(body: str) -> int:
    """Words of a paragraph, counting two characters of a script written without spaces
    (Chinese, Japanese, Korean) as one."""
    unspaced = sum("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in body)
    return len(body.split()) + unspaced // 2


def _ends_block(body: str) -> bool:
    """Does a paragraph end a sentence, in any script, before a mark of words left out or a
    post's hashtags, handles and links?"""
    core = _POST_TAIL.sub("", _ELIDED_END.sub("", body)).rstrip()
    return core[-1:] in _SENTENCE_ENDS or core[-1:] in _OTHER_SENTENCE_ENDS


def _english(body: str) -> bool:
    """Is a paragraph written in English (not a post quoted in its own language before its
    translation)? Mostly Latin letters, and English function words among its words."""
    letters = [ch for ch in body if ch.isalpha()]
    if not letters or sum(ch.isascii() for ch in letters) < len(letters) / 2:
        return False
    words = _LATIN_WORD.findall(body.lower())
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= max(1, len(words) // 10)


def _original_language_after(doc: _Document, para: int) -> bool:
    """Is the paragraph after ``para`` not in English (a post quoted in its own language, which
    no writer's own next paragraph is)?"""
    if para + 1 >= len(doc.paras):
        return False
    start, end = _trim(doc.text, *doc.paras[para + 1])
    return _block_words(doc.text[start:end]) >= 4 and not _english(doc.text[start:end])


def _translated_after(doc: _Document, index: int) -> bool:
    """Is paragraph ``index``, after a paragraph not in English, in English (its translation,
    which a post need not end with a full stop any more than the original)?"""
    if index >= len(doc.paras):
        return False
    start, end = _trim(doc.text, *doc.paras[index])
    following = doc.text[start:end]
    return _english(following) and _plain_paragraph(doc, following, start, end)


def _plain_paragraph(doc: _Document, body: str, start: int, end: int) -> bool:
    """A paragraph of words only, fit to go on with a block quotation in another language or
    to translate it: no quotation marks opening it, no label, no cue's frame of its own."""
    return _block_words(body) >= 2 and body[:1] not in _OPENING_MARKS and start not in doc.by_open \
        and not _LABEL.match(body) and not _MIXED_LABEL.match(body) and not _frames_in_span(doc, start, end)


def _asks_question(text: str, start: int) -> bool:
    """Does the clause at ``start`` open with a question word ("why the ANC might lose …")?"""
    return text[start:start + 8].split(" ", 1)[0].lower() in _QUESTION_WORDS


def _continues_block(doc: _Document, body: str, start: int, end: int) -> bool:
    """Does the paragraph ``body`` go on with a block quotation: prose that speaks in the first
    or second person, with no quotation marks opening it, no cue, label or colon lead-in of its
    own?"""
    if len(body.split()) < 4 or body[-1:] not in _SENTENCE_ENDS or body[:1] in _OPENING_MARKS \
            or start in doc.by_open or _LABEL.match(body) or _MIXED_LABEL.match(body) \
            or _frames_in_span(doc, start, end) or CUE_PATTERN.search(body):
        return False
    return _FIRST_OR_SECOND_PERSON.search(_QUOTED_PART.sub(" ", body)) is not None


#: A person's handle in brackets after their name: "Diana Galindo (@dianagalindob) makes …".
_HANDLE_AFTER_NAME = re.compile(r"^[ ]*\(@[ ]?\w{1,30}\)")  # (also "(@ pachitoelche)")
#: What may open a lead-in's sentence before its speaker: "However, ", "On Twitter, ", "At
#: Translating Cuba, ".
_OPENING_PHRASE = re.compile(r"(?:[A-Z][\w’'-]*(?:[ ][\w’'-]+){0,3},[ ])?")


def _last_stop(text: str, start: int, end: int) -> int:
    """Where the last ". ", "? " or "! " between ``start`` and ``end`` is (-1: none)."""
    return max(text.rfind(". ", start, end), text.rfind("? ", start, end), text.rfind("! ", start, end))


def _named_in_full_before(text: str, lead: Mention) -> bool:
    """Does the text name ``lead``'s surname with a first name in the 3,000 characters before it
    ("Aleksei Navalny" … "Navalny quoted …:")?"""
    window = text[max(0, lead.start - 3000):lead.start]
    return re.search(rf"[A-Z][a-z]+[ ]{re.escape(lead.name)}\b", window) is not None


def _lead_in_frames(doc: _Document) -> None:
    """Frames for a paragraph whose last sentence opens with a named speaker and ends in a colon
    with no cue of its own ("Generation Y draws a parallel to the papal mass:", "Rick Lowe gave a
    quick overview:"): the speaker, the colon as the cue. The block sieve then reads the prose
    paragraph after it as their words."""
    text = doc.text
    last_frame: dict[int, int] = {}  # per paragraph, where its last frame starts
    for f in doc.frames:
        last_frame[f.para] = max(f.start, last_frame.get(f.para, -1))
    for para, (start, end) in enumerate(doc.paras[:-1]):
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 400 or text[end - 1:end] != ":" or doc.inside_quote(end - 1):
            continue
        stop = _last_stop(text, start, end)
        while stop > start + 1 and text[stop] == "." and text[stop - 1].isupper() \
                and not text[stop - 2].isalnum():
            stop = _last_stop(text, start, stop)  # (a middle initial: "Sebas R. Sarmiento regrets …:")
        sentence = stop + 2 if stop >= 0 else start
        while sentence < end and text[sentence] == " ":
            sentence += 1  # ("…  Rick Lowe at Weblog Bahamas gave …:": two spaces after the full stop)
        if last_frame.get(para, -1) >= sentence:
            continue  # (the sentence has a cue of its own: its frame introduces the block)
        quoted = _QUOTES_NAME.search(text, sentence, end)
        named = parse_after(text, tokens(text, quoted.start(1), quoted.end(1))) if quoted else None
        if quoted is not None and named is not None and named.kind in ("person", "organisation") \
                and named.end == quoted.end(1):
            # "Njeri quotes Kenyan actor Anthony Mwangi, who plays Kenneth in the series:": the
            # words are the one quoted, not the one quoting
            doc.frames.append(_Frame(":", end - 1, end, named, sentence, end - 1, (sentence, end), para,
                                     lead_in=True))
            continue
        lead = doc._lead_person(sentence, end)
        if lead is None:
            lead = _lead_handle(text, sentence, end)  # (a handle is its owner's name as it is)
        elif lead.kind not in ("person", "organisation") or not lead.name[:1].isupper() \
                or _OPENING_PHRASE.fullmatch(text, sentence, lead.start) is None \
                or " " not in lead.name and lead.kind == "person" \
                and not known_first_name(lead.name.lower()) and not _named_in_full_before(text, lead) \
                and not _HANDLE_AFTER_NAME.match(text, lead.end):
            # (a lone capitalised word may be a place: "Brussels insisted:"; not "Ricky", nor
            # "Navalny" after "Aleksei Navalny"; but "Pacho (@ pachitoelche) talks …:" is an account's)
            continue
        if lead is None:
            continue
        # (past the handle and the page's language: "Pacho (@ pachitoelche) [es] talks …:")
        rest = _HANDLE_AFTER_NAME.sub("", text[lead.end:end - 1], count=1)
        after = _LANGUAGE_MARK_AFTER_WORD.sub("", rest).lstrip(" ,").split()
        if not after or not after[0].isalpha() or not after[0].islower() or len(after) > 25:
            continue  # (a verb right after the name: "Rick Lowe gave a quick overview:")
        frame = _Frame(":", end - 1, end, lead, sentence, end - 1, (sentence, end), para, lead_in=True)
        doc.frames.append(frame)


def _lead_handle(text: str, sentence: int, end: int) -> Mention | None:
    """A handle that opens a lead-in, after an opening phrase at most: "On Twitter, @supinya
    expressed her sadness:" is @supinya's block."""
    opening = _OPENING_PHRASE.match(text, sentence, end)
    match = _LEAD_HANDLE.match(text, opening.end() if opening is not None else sentence, end)
    if match is None:
        return None
    return Mention(match.start(), match.start() + len(match.group(1)), "person", match.group(1))


#: The one a lead-in quotes, up to its comma or the colon: "The newspaper quotes Mary Phiri-Tembo,".
_QUOTES_NAME = re.compile(r"\b(?:quotes|quoted|cites|cited)[ ]+((?:[\w’'-]+[ ]){0,3}?"
                          r"[A-Z][\w.’'-]*(?:[ ][A-Z][\w.’'-]*){0,4})(?=,|:)")
#: A handle, then a lower-case word: "@supinya expressed …".
_LEAD_HANDLE = re.compile(r"(@\w{2,30})[ ]+(?=[a-z])")
#: A live blog's lead-in to a block quotation: "Here is Rachel Reeves, the chancellor, on the budget:".
_HERE_IS = re.compile(r"(?:Here is|Here's|Here’s|Below is) ([^:\n“”\"]{3,150}?)[ \t]*:[ \t]*$")
#: Where a lead-in's speaker phrase ends: what the words are about, or where they were said.
_HERE_IS_TAIL = re.compile(r"(?:,|,? (?:on|about|speaking|talking|in|at|with|during|after|explaining"
                           r"|responding|reacting|replying)\b)")


def _here_is_frames(doc: _Document) -> None:
    """Frames for a paragraph that only introduces the next ("Here is Rachel Reeves, the
    chancellor, on the budget:"): its speaker, the cue "here is", the colon ending it."""
    text = doc.text
    for para, (start, end) in enumerate(doc.paras):
        if end - start > 200 or text[start:start + 4] not in ("Here", "Belo"):
            continue
        match = _HERE_IS.match(text, start, end)
        if match is None:
            continue
        phrase_end = match.end(1)
        tail = _HERE_IS_TAIL.search(text, match.start(1), phrase_end)
        if tail is not None:
            phrase_end = tail.start()
        mention = parse_after(text, tokens(text, match.start(1), phrase_end))
        if mention is None or mention.kind not in ("person", "organisation", "anonymous", "definite"):
            continue
        colon = text.index(":", match.end(1))
        doc.frames.append(_Frame("here is", start, match.start(1), mention, start, colon, (start, end), para))


#: Characters a block quotation's paragraph ends with (a sentence, not a heading or a list).
_SENTENCE_ENDS = frozenset(".!?…\"”’)")
#: The language of a linked page, after the word that links it: "wrote [ru]", "Pacho (@ pachitoelche)
#: [es] talks …".
_LANGUAGE_MARK_AFTER_WORD = re.compile(r"[ ]\[[a-z]{2}\](?=[ ,.:;])")
#: A mark of words left out that ends a block quotation: "[...]", "[…]".
_ELIDED_END = re.compile(r"\s*\[(?:\.\.\.|…)\]$")
_OPENING_MARKS = frozenset("\"“‘'«„")


def _frames_in_span(doc: _Document, start: int, end: int) -> bool:
    """Does any frame with a speaker lie in [start, end)? (Over the cues' positions, sorted once
    for the document's list of frames as long as it is: a text of many block quotations stays
    linear.)"""
    built_for = (id(doc.frames), len(doc.frames))
    if doc.cue_index[0] != built_for:
        doc.cue_index = (built_for, sorted(f.cue_start for f in doc.frames if f.mention is not None))
    starts = doc.cue_index[1]
    k = bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


def _colon_subject(doc: _Document, s: int, colon: int, q: Span) -> Mention | None:
    """``Sunak hit back: “Labour has no plan.”``, ``The minister was blunt: “…”``: a sentence
    whose subject is a person, with no speech word before its colon, introduces the quoted
    sentence after it as that person's words. Only a whole quoted sentence counts (not a list
    of quoted phrases), and only a short lead-in (a subject and a few words)."""
    text = doc.text
    body = text[q.start:q.end].strip()
    if len(body.split()) < 3 or not body[:1].isupper() or body[-1:] not in ".!?…":
        return None
    mention = doc._lead_person(s, colon)
    if mention is None:
        opening = _PRONOUN_OPENING.match(text, s, colon)
        if opening is not None:
            # "They often chant: “…”", "She apologizes to her family: “…”": whoever the
            # pronoun is, as after a cue
            mention = Mention(s, s + len(opening.group(1)), "pronoun", opening.group(1).lower())
        else:
            return _source_with_saying_noun(text, s, colon)
    if mention.kind not in ("person", "definite", "pronoun") or mention.start != s \
            or mention.kind == "person" and " " not in mention.name and not mention.role \
            and not _named_elsewhere(doc, mention.name, s):
        return None
    rest = tokens(text, mention.end, colon)
    if not rest or not rest[0].word.islower():
        return None  # "Ann Lee: …" is a label (classified above); a verb must follow the subject
    if _received(rest):
        return None  # "He received a message from Kim: “…”": the words are Kim's, not his
    if len(rest) > 5 and not (len(rest) <= 12 and any(t.low in _SAYING_NOUNS for t in rest)
                              and not _received(rest)):
        return None  # ("Hale pointed to the sign on the door, which …": the quote is not his)
    return mention


def _source_with_saying_noun(text: str, s: int, colon: int) -> Mention | None:
    """``A spokesman for the ministry had a warning for Washington: “…”``: an unnamed source or
    an organisation that opens the sentence, a verb of giving, and a noun for something said."""
    toks = tokens(text, s, colon)
    verb = next((k for k, t in enumerate(toks[:10]) if t.low in _GIVING_VERBS), None)
    if not verb or len(toks) - verb > 8 or not any(t.low in _SAYING_NOUNS for t in toks[verb:]) \
            or _received(toks[verb:]):
        return None
    mention = classify(text, toks[:verb])
    if mention is None or mention.kind not in ("anonymous", "organisation") or mention.start != s:
        return None
    return mention


#: A subject pronoun opening a sentence, then a lower-case word.
_PRONOUN_OPENING = re.compile(r"(He|She|They)[ ]+(?=[a-z])")
#: Verbs by which a subject gives words: "had a warning for …", "offered a blunt assessment".
_GIVING_VERBS = word_set("had has have offered offers gave gives sent sends issued issues delivered "
                         "delivers made makes posted posts")
#: In a lead-in, words that make the message someone else's ("Trump received a message from
#: Kim: “…”").
_RECEIVED = word_set("from received receives got gets read reads heard hears saw sees quoting quoted")


#: "continued to" and a verb (not "continued to reporters", "to loud applause", "to the crowd").
_CONTINUED_TO_VERB = re.compile(r" to (?!(?:the|a|an|his|her|their|its|our|loud|cheers|applause|laughter"
                                r"|reporters|journalists|supporters)\b)[a-z]+\b(?<!ers)(?<!ists)")


#: "As" opening the clause whose subject "put it" ("As one user put it", "as Smith put it").
_AS_BEFORE_PUT = re.compile(r"\b[Aa]s[ ](?:[\w’'.-]+[ ]){1,5}$")


def _as_put_it(text: str, s: int, cs: int) -> bool:
    """Is "put it" at ``cs`` the cue of "As one user put it, “…”" (opening the sentence) or of
    "“…,” as Smith put it" after a quotation that opens it (not "a mixture of “squatters,” as
    Espinosa put it, and students": one word of hers inside the writer's sentence)?"""
    found = _AS_BEFORE_PUT.search(text, max(s, cs - 60), cs)
    if found is None:
        return False
    if found.start() == s:
        return True
    return text[s] in "“\"" and text[max(s, found.start() - 3):found.start()].rstrip().endswith((",”", ",\""))


def _received(toks: list[Tok]) -> bool:
    """Does a lead-in make the message someone else's ("a message from Kim", "read a letter")?
    Not by a relative clause about the addressee ("a warning for those who read the bill") nor
    by "from the heart"."""
    for k, tok in enumerate(toks):
        if tok.low not in _RECEIVED or k and toks[k - 1].low in ("who", "that"):
            continue
        if tok.low == "from" and [t.low for t in toks[k + 1:k + 3]] == ["the", "heart"]:
            continue
        return True
    return False


#: Nouns for something said: a longer lead-in naming one introduces the speaker's words ("Trump
#: had a message for his critics: “…”", "The senator offered a blunt assessment: “…”").
_SAYING_NOUNS = word_set(
    "message warning words explanation answer response reply advice assessment verdict prediction "
    "promise plea appeal reminder retort rebuttal challenge prescription diagnosis summary"
)


def _named_elsewhere(doc: _Document, name: str, at: int) -> bool:
    """Is a lone capitalised word a person's surname: does the text near ``at`` (a few thousand
    characters either side, the first 20 places) give it after a first name?"""
    text = doc.text
    stop = min(len(text), at + _NAMED_REACH)
    pos = text.find(" " + name, max(0, at - _NAMED_REACH), stop)
    for _ in range(20):
        if pos < 0:
            break
        before = text[max(0, pos - 20):pos].rsplit(None, 1)
        if before and before[-1][:1].isupper() and before[-1].isalpha():
            return True
        pos = text.find(" " + name, pos + 1, stop)
    return False


#: How far from a colon's subject its full name is looked for (characters).
_NAMED_REACH = 5000


# "PENCE: We will not let this stand." — a transcript's speaker label opening a paragraph; a
# party tag ("SEN. TED CRUZ (R-TEXAS):") or a role after a comma ("JAKE TAPPER, CNN ANCHOR:")
# may follow the name.
_LABEL = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z'’-]{2,})"
                    r"(?: \([DRI]-[A-Z][A-Z.]*\)|, [A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})?: +(?=\S)")
#: Capitalised labels that are not speakers.
_NOT_LABELS = word_set(
    "breaking update updated watch read note editor's editors live video photo photos correction "
    "clarification also more related source sources credit tags warning analysis opinion exclusive "
    "fact check background context summary transcript question answer listen latest news "
    "image picture caption",
)
#: A briefs page's section and place headings ("LAKE ELSINORE: Water board picks president …"),
#: which are also surnames ("PARK: We will not let this stand."): no label before words in the
#: third person only.
_HEADING_LABELS = word_set(
    "lake valley river mountain county city town village beach park island storm winter summer "
    "weather traffic community notes schools school crime sports business politics health "
    "education events calendar briefs obituaries entertainment local region nation world science "
    "technology money travel food arts culture",
)


#: "Joe: Good boy." — a transcript's label in ordinary capitals, one to three capitalised words.
_MIXED_LABEL = re.compile(r"((?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+): +(?=\S)")
#: A full name and a post after its comma as a label: "John Kirby, White House national
#: security communications adviser: ".
_NAME_AND_POST_LABEL = re.compile(r"((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+), [A-Za-z][\w’'. -]{2,90}?"
                                  r": +(?=\S)")


def _recurring_labels(doc: _Document) -> set[str]:
    """Labels in ordinary capitals ("Joe:", "Benjamin:") that open at least two paragraphs of
    the text: the turns of a transcript, not a heading or a lead-in ("Reference:") used once; and
    people's full names that label three paragraphs or more at most one paragraph apart, each
    perhaps once: comments quoted one after another ("Miko Lucena: …" ⏎ "Ed Dalisay: …")."""
    text = doc.text
    seen: dict[str, int] = {}
    spoken = False  # someone says "I", "we" or "you" (outside quotation marks)
    run: list[str] = []  # the labels of the labelled paragraphs in a row so far
    exchange = False  # three labelled paragraphs in a row, two speakers at least
    listed: set[str] = set()  # people's full names labelling a run of three paragraphs or more
    names: list[str] = []  # full names labelling paragraphs, at most one paragraph apart
    gap = 0
    for start, end in [*doc.paras, (len(text), len(text))]:
        match = _MIXED_LABEL.match(text, start, min(end, start + 40))
        label = match.group(1) if match is not None else ""
        if match is not None and _FULL_NAME.fullmatch(label) is not None \
                and len(text[match.end():end].split()) >= 4 \
                and _NOT_LABELS.isdisjoint(w.lower() for w in label.split()):
            # (not "Tom Tancredo Image: US Congress.": a picture's credit, no words of his)
            names.append(label)
            gap = 0
        else:
            gap += 1
            if gap > 1 or end == len(text):
                if len(names) >= 3 and len(set(names)) >= 2 \
                        and sum(known_first_name(name.split()[0].lower()) for name in set(names)) >= 2:
                    # "Miko Lucena: Call it desperate …" ⏎ "Ed Dalisay: China has …": comments
                    # quoted one after another (a translation between them), each under its
                    # writer's full name once, two at least opening with a known first name (not
                    # "Prime Gaming: A perk that …": a list of products)
                    listed.update(names)
                names = []
        if match is None:
            run = []
            continue
        seen[match.group(1)] = seen.get(match.group(1), 0) + 1
        run.append(match.group(1))
        exchange = exchange or len(run) >= 3 and len(set(run)) >= 2
        said = _QUOTED_PART.sub(" ", text[match.end():end])
        spoken = spoken or _FIRST_OR_SECOND_PERSON.search(said) is not None
    # ("Thunder: F Hamidou Diallo missed his third game." … "Lakers: Visit the Thunder on
    # Friday.": a box score's notes, two by two under their headings, in the third person)
    recurring = {label for label, count in seen.items() if count >= 2} | listed
    return recurring if spoken or exchange else set()


_QUOTED_PART = re.compile(r"“[^”]*”|\"[^\"]*\"")
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|I'm|I’m|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")


def _sieve_transcript(doc: _Document) -> None:
    """``PENCE: We will not let this stand.``: a paragraph that opens with a speaker's name in
    capitals and a colon is that speaker's words (unless the paragraph quotes or cites anyone);
    so is one that opens with a name in ordinary capitals that opens other paragraphs too
    (``Joe: Good boy.`` … ``Joe: …``)."""
    text = doc.text
    cited = {f.para for f in doc.frames}
    recurring = _recurring_labels(doc) if doc.paras else set()
    interviewers: dict[str, str | None] = {}  # (an outlet's interviewer, looked up once a text)
    for index, (start, end) in enumerate(doc.paras):
        if text[start] not in _UPPER or index in cited:
            continue
        match = _LABEL.match(text, start, min(end, start + 60))
        turn = False
        if match is None and recurring:
            match = _MIXED_LABEL.match(text, start, min(end, start + 40))
            turn = match is not None and match.group(1) in recurring
            if not turn:
                # "John Kirby, White House national security communications adviser: …" opening
                # the turns "Kirby: …": the full name and post of a recurring label, once
                match = _NAME_AND_POST_LABEL.match(text, start, min(end, start + 120))
                turn = match is not None and match.group(1).split()[-1] in recurring \
                    and " " in match.group(1)
            if not turn:
                match = None
        if match is None or _has_quote(doc, match.end(), end):
            continue
        words = match.group(1).split()
        lows = [w.lower().rstrip(".") for w in words]
        if len(words) == 1 and lows[0] in lx.OUTLET_NAMES and words[0].isupper() and "?" in text[start:end]:
            # "VOA: Do you support …?" where the text names "VOA White House bureau chief Patsy
            # Widakuswara": the outlet's interviewer asks (else the outlet itself)
            if words[0] not in interviewers:
                interviewers[words[0]] = _interviewer_of(text, words[0])  # (once an outlet)
            interviewer = interviewers[words[0]]
            label_end = match.end(1)
            mention = Mention(start, label_end, "person", interviewer) if interviewer is not None \
                else Mention(start, label_end, "organisation", words[0])
            _add_turn(doc, index, mention, label_end, *_trim(text, match.end(), end))
            continue
        if any(w in _NOT_LABELS or w in lx.ORG_NAMES or w in lx.OUTLET_NAMES for w in lows):
            continue
        if any(w in _HEADING_LABELS for w in lows) and _FIRST_OR_SECOND_PERSON.search(
                _QUOTED_PART.sub(" ", text[match.end():end])) is None:
            continue  # ("LAKE ELSINORE: Water board picks …", not "PARK: We will not …")
        # Titles and honorifics before the last word ("SEN. PAUL", "MR. KING"): the last is the name.
        honorific = {k for k, w in enumerate(lows[:-1]) if w in lx.HONORIFICS or w + "." in lx.HONORIFICS}
        titled = [k for k, w in enumerate(lows[:-1]) if k not in honorific and (
            w in lx.TITLE_WORDS or w in lx.TITLE_ABBREVIATIONS or w + "." in lx.TITLE_ABBREVIATIONS)]
        name_words = [w.capitalize() for k, w in enumerate(words) if k not in titled and k not in honorific]
        content_start, content_end = _trim(text, match.end(), end)
        if not name_words or len(text[content_start:content_end].split()) < (1 if turn else 3) \
                or text[content_end - 1] not in ".!?…" or doc.headline:
            continue  # a heading ("MATCHDAY: FC Utrecht - Cercle Brugge"), not a turn of speech
        role = " ".join(lx.TITLE_ABBREVIATIONS.get(lows[k] + ".", lx.TITLE_ABBREVIATIONS.get(
            lows[k], words[k].capitalize())) for k in titled) or None
        label_end = match.end(1)
        mention = Mention(start, label_end, "person", " ".join(name_words), role=role)
        _add_turn(doc, index, mention, label_end, content_start, content_end)


def _add_turn(doc: _Document, index: int, mention: Mention, label_end: int,
              content_start: int, content_end: int) -> None:
    """A transcript's turn: the label's frame and the words after it, the speaker's."""
    start, end = doc.paras[index]
    frame = _Frame(":", label_end, label_end + 1, mention, start, label_end + 1, (start, end), index)
    doc.frames.append(frame)
    doc.frames_by_sentence.setdefault(start, []).append(frame)
    doc.claims.append(_Claim(content_start, content_end, "direct", "transcript", frame, index,
                             CONFIDENCE["transcript"]))


def _interviewer_of(text: str, outlet: str) -> str | None:
    """The person the text names as an outlet's own ("VOA's Patsy Widakuswara", "an interview
    with CNN's Jake Tapper"), who asks in the outlet's name in a transcript; None if none."""
    for at in re.finditer(rf"\b{re.escape(outlet)}\b", text):
        if text.startswith(":", at.end()):
            continue  # (a label of the transcript: the words after it are the question)
        stop = at.end() + 80
        while stop < len(text) and (text[stop].isalnum() or text[stop] in "’'-"):
            stop += 1  # (never inside a name: "… Charles Co")
        near = text[at.end():stop]  # ("VOA White House bureau chief Patsy Widakuswara")
        near = re.split(r"(?<![A-Z])[.?!]\s|\n", near, maxsplit=1)[0]  # (not at "U.S. ")
        posted = _REPORTER_NAMED.search(near)
        if posted is not None:
            return posted.group(1)  # "VOA Turkish’s White House correspondent Begum Donmez Ersoz"
        for pair in _GIVEN_AND_SURNAME.finditer(near):
            if known_first_name(pair.group(1).lower()):
                return f"{pair.group(1)} {pair.group(2)}"
    return None


#: A reporter's post and their name: "correspondent Begum Donmez Ersoz".
_REPORTER_NAMED = re.compile(r"\b(?i:correspondent|reporter|anchor|host|interviewer|editor|bureau[ ]chief)[ ]"
                             r"((?:[A-Z][\w’'-]+[ ]){1,2}[A-Z][\w’'-]+)")
#: A capitalised word and the capitalised word after it: a given name and a surname.
_GIVEN_AND_SURNAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[ ]([A-Z][\w’'-]+)")


#: A post quoted as its handle, a colon and its words: "@Addameer_ps: 220 prisoners are on …".
_HANDLE_LABEL = re.compile(r"@(\w{2,30})(?::[ ]+|：[ ]*)(?=\S)")  # (also a full-width colon: "@毛聊：…")
#: A post under a display name of two or three words, a colon and its words: "@Liu Yadong [zh]: …".
_NAMED_HANDLE_LABEL = re.compile(r"@([A-Z][^\W\dA-Z_]*(?:[ ][A-Z][\w’'-]*){1,2})(?:[ ]\[[a-z]{2}\]|[ ]{5})?"
                                 r":[ ]+(?=\S)")  # (a language mark, or the blanks it is read as)
#: (a camel-cased first word is a handle's, not a display name's: "@RashaAbdulla Aboul Fotouh: …"
#: is Rasha Abdullah's post quoting Aboul Fotouh)
#: A post copied as its handle and its words, with no colon: "@BarryLikumahuwa Random country? …".
_BARE_HANDLE = re.compile(r"@(\w{2,30})[ ]+(?=\S)")


def _listed_after_colon(doc: _Document, index: int) -> bool:
    """Is paragraph ``index`` one of the posts a paragraph ending in a colon lists ("Netizens
    raise their voices:" ⏎ "@a …" ⏎ "@b …"): the paragraphs before it up to that one all open
    with a handle."""
    text = doc.text
    para = index - 1
    while para >= 0 and text[doc.paras[para][0]] == "@":
        para -= 1
    if para < 0 or index - para > 20:
        return False
    start, end = doc.paras[para]
    return text[start:end].rstrip().endswith(":")


#: Capitalised words that may name an account's owner, minor words between: "Addameer Prisoner
#: Support and Human Rights Association".
_OWNER_NAME = re.compile(r"(?<![\w@’'-])[A-Z][\w’'.-]*(?:[ ](?:(?:and|of|for|the)[ ])?[A-Z][\w’'.-]*){0,7}")


def _owner_names(text: str) -> dict[str, str]:
    """Per five letters: the longest run of capitalised words (from any of its words but the
    last) whose letters open with them, the names an account's owner may go by ("Walaa Al
    Ghussein" under "walaa", "Ali Abunimah" of "Activist Ali Abunimah" under "aliab"). One pass
    over the text, however many handles it quotes."""
    found: dict[str, str] = {}
    for match in _OWNER_NAME.finditer(text):
        words = match.group().rstrip(".").split()
        if any(word.endswith(".") for word in words[:-1]):
            continue  # (a sentence's end inside the run: "Kenya. Various …")
        # Two people named in one run are two runs ("Iyad El-Baghdadi and Dalia Ezzat"): an "and"
        # before a first name ends the first name
        cut = next((k for k in range(1, len(words) - 1) if words[k] == "and"
                    and known_first_name(words[k + 1].lower())), None)
        runs = [words] if cut is None else [words[:cut], words[cut + 1:]]
        for run in runs:
            for k in range(len(run) - 1):
                name = " ".join(run[k:])
                key = re.sub(r"[^a-z]", "", name.lower())[:5]
                if len(key) == 5 and len(name) > len(found.get(key, "")):
                    found[key] = name
    return found


def _bracketed_handles(text: str) -> dict[str, Mention]:
    """Per handle (in lower case): the person or body the text names right before it in
    brackets, without a title ("Citizen Protection Minister Michalis Chrisochoidis
    (@chrisochoidis)", "journalist Damian Mac Con Uladh (@damomac)")."""
    found: dict[str, Mention] = {}
    for match in _NAME_THEN_HANDLE.finditer(text):
        mention = classify(text, tokens(text, match.start(1), match.end(1)))
        if mention is not None and mention.kind in ("person", "organisation"):
            found.setdefault(match.group(2).lower(), mention)
    return found


#: A capitalised run, then a handle in brackets: "Michalis Chrisochoidis (@chrisochoidis)".
_NAME_THEN_HANDLE = re.compile(r"((?:[A-Z][\w’'-]*[ ]){0,5}[A-Z][\w’'-]+)[ ]\(@(\w{2,30})\)")


def _handle_owner(owners: dict[str, str], handle: str) -> str | None:
    """The name the text gives the owner of ``handle``: the longest run of capitalised words
    whose letters open with the handle's first five ("Walaa Al Ghussein" for @WalaaGh,
    "Addameer Prisoner Support …" for @Addameer_ps)."""
    key = re.sub(r"[^a-z]", "", handle.lower())
    return owners.get(key[:5]) if len(key) >= 5 else None


def _lead_in_speaker(doc: _Document, index: int, handle: str) -> Mention | None:
    """The speaker of the paragraph that introduces the post in paragraph ``index`` ("Mai Saleh
    in Yemen tweeted:" before "@A4Mai: …"), over any posts of the same handle between them."""
    text = doc.text
    para = index - 1
    while para >= 0 and (text.startswith(f"@{handle}:", doc.paras[para][0])
                         or text.startswith(f"@{handle} ", doc.paras[para][0])):
        para -= 1
    if para < 0:
        return None
    start, end = doc.paras[para]
    if not text[start:end].rstrip().endswith(":"):
        return None
    framed = [f for f in doc.frames if f.para == para and f.mention is not None
              and f.mention.kind in ("person", "organisation")
              and not _PLACE_BEFORE.search(text, max(0, f.mention.start - 6), f.mention.start)]
    return framed[-1].mention if framed else None  # (not "Yemen" of "Mai Saleh in Yemen tweeted:")


#: A preposition of place right before a name: "in Yemen", "from Gaza".
_PLACE_BEFORE = re.compile(r"\b(?:in|from|at|of|near)[ ]$")


def _sieve_handles(doc: _Document) -> None:
    """``@Addameer_ps: 220 prisoners are on hunger strike …``: a paragraph that opens with a
    social-media handle and a colon is that account's post, named as the text names the account
    ("Addameer Prisoner Support (@Addameer_ps)"), else by its handle."""
    text = doc.text
    if "@" not in text:
        return
    cited = {f.para for f in doc.frames}
    names: dict[str, str | None] = {}
    #: Per handle: the kind of the name written before it in brackets, when that is its owner's.
    kinds: dict[str, str] = {}
    owners: dict[str, str] | None = None
    bracketed: dict[str, Mention] = {}
    # (the paragraphs a claim made before covers, found once: not every claim per paragraph)
    claimed = {k for c in doc.claims for k in range(bisect_right(doc.para_starts, c.start) - 1,
                                                   bisect_left(doc.para_starts, c.end))}
    #: The post read last: its handle, paragraph, whether it is in English, and its claim.
    last: tuple[str, int, bool, _Claim] | None = None
    #: Per handle: the person a lead-in named as its owner.
    lead_ins: dict[str, Mention] = {}
    for index, (start, end) in enumerate(doc.paras):
        if text[start] != "@" or index in cited or index in claimed:
            continue
        match = _HANDLE_LABEL.match(text, start, min(end, start + 40))
        if match is None:
            # "@Liu Yadong [zh]: No matter whether …": a display name with spaces, as some
            # platforms show their users, is the name the account goes by
            match = _NAMED_HANDLE_LABEL.match(text, start, min(end, start + 60))
            if match is not None:
                names.setdefault(match.group(1), match.group(1))
        if match is None:
            # "@BarryLikumahuwa Random country? …" under "Netizens raise their voices:": a post
            # copied without a colon, one of those a lead-in lists
            match = _BARE_HANDLE.match(text, start, min(end, start + 40))
            if match is None or not _listed_after_colon(doc, index):
                continue
        content_start, content_end = _trim(text, match.end(), end)
        if _block_words(text[content_start:content_end]) < 3:
            continue  # (counting a script written without spaces by its characters: "@毛聊：“半岛”…")
        handle = match.group(1)
        if handle not in names:
            if owners is None:
                owners = _owner_names(text)
                bracketed = _bracketed_handles(text)
            named = bracketed.get(handle.lower())
            names[handle] = named.name if named is not None else _handle_owner(owners, handle)
            if named is not None:
                kinds[handle] = named.kind
        label_end = match.end(1)
        owner = names[handle]
        lead_in = _lead_in_speaker(doc, index, handle) if owner is None else None
        if lead_in is None and owner is None and handle in lead_ins:
            # "Abeer Al Yosofi wondered: ¶ @im_abeer: … ¶ She said: ¶ @im_abeer: …": the account's
            # owner, as a lead-in named them before
            lead_in = replace(lead_ins[handle], start=start, end=label_end)
        if lead_in is not None and lead_in.kind == "person":
            lead_ins.setdefault(handle, lead_in)
        kind = kinds.get(handle) or (
            "person" if owner is None or _FULL_NAME.fullmatch(owner) else "organisation")
        mention = lead_in or Mention(start, label_end, kind, owner or f"@{handle}")
        for q in doc.spoken_quotes_between(content_start, content_end):
            doc.claimed.add(q.start)  # (a post's quotations are the post's)
        english = _english(text[content_start:content_end])
        if last is not None and last[0] == handle and last[1] == index - 1 and not last[2] and english:
            # "@Nofwer: #YoVoy12M: Por la busqueda …" ⏎ "@Nofwer: #YoVoy12M: In search of …": the
            # post and its translation under the same handle are one statement
            claim = last[3]
            claim.parts = [*(claim.parts or [(claim.start, claim.end)]), (content_start, content_end)]
            claim.end = content_end
            last = None
            continue
        frame = _Frame(":", label_end, label_end + 1, mention, start, label_end + 1, (start, end), index)
        doc.frames.append(frame)
        doc.frames_by_sentence.setdefault(start, []).append(frame)
        claim = _Claim(content_start, content_end, "direct", "transcript", frame, index,
                       CONFIDENCE["transcript"])
        doc.claims.append(claim)
        last = (handle, index, english, claim)


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
#: An interview's turn labelled in double parentheses, as Wikinews prints them: "((Jane Doe))  …".
_PAREN_LABEL = re.compile(r"\(\(([^()\n]{2,40})\)\)[ \t]+(?=\S)")


def _sieve_paren_labels(doc: _Document) -> None:
    """``((Philipp Hagemeister))  I saw the notice …`` … ``((WN))  What do you think …?``: an
    interview whose turns open with labels in double parentheses. A label that names a person
    (a first and a last name) is that person's answer, running on over the unlabelled
    paragraphs after it up to the next label; the interviewer's labels (initials, the outlet)
    are no statement anyone is quoted making."""
    text = doc.text
    if "((" not in text:
        return
    labelled = [(index, match) for index, (start, end) in enumerate(doc.paras)
                if (match := _PAREN_LABEL.match(text, start, end)) is not None]
    if len(labelled) < 2:
        return  # (one label is no interview)
    for n, (index, match) in enumerate(labelled):
        toks = tokens(text, match.start(1), match.end(1))
        mention = classify(text, toks) if 2 <= len(toks) <= 4 else None
        if mention is None or mention.kind != "person" or " " not in mention.name:
            continue
        last = labelled[n + 1][0] - 1 if n + 1 < len(labelled) else index
        start, end = _trim(text, match.end(), doc.paras[last][1])
        if end - start < 2 or _overlaps_claim(doc, start, end):
            continue
        frame = _Frame(":", match.start(), match.end(), Mention(match.start(1), match.end(1), "person",
                                                                 mention.name, gender=mention.gender),
                       match.start(), match.end(), doc.paras[index], index)
        doc.frames.append(frame)
        doc.claims.append(_Claim(start, end, "direct", "transcript", frame, index, CONFIDENCE["transcript"]))


def _overlaps_claim(doc: _Document, start: int, end: int) -> bool:
    """Does [start, end) overlap any attribution a sieve before has made?"""
    return any(c.start < end and start < c.end for c in doc.claims)


def _overlaps_recent(claims: list[_Claim], since: int, start: int, end: int) -> bool:
    """Does [start, end) overlap one of ``claims[since:]``, made in reading order by the sieve
    asking (so the search stops at the first that ends before ``start``)?"""
    for k in range(len(claims) - 1, since - 1, -1):
        claim = claims[k]
        if claim.start < end and start < claim.end:
            return True
        if claim.end <= start:
            return False
    return False


class _ClaimIndex:
    """The claims made so far, by where they start, with the furthest end of those starting at or
    before each: whether a span overlaps any of them is a binary search, not a scan (a sieve that
    asks once a sentence stays linear on a text of many claims)."""

    def __init__(self, claims: list[_Claim]) -> None:
        self.size = len(claims)
        spans = sorted((c.start, c.end) for c in claims)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a claim of the index?"""
        k = bisect_left(self.starts, end) - 1  # (the claims starting before ``end``)
        return k >= 0 and self.reach[k] > start


#: "AD She was all in.", "OW: I did it every time.": a magazine interview's turn, labelled with
#: the speaker's initials.
_INITIALS_LABEL = re.compile(r"([A-Z]{2,3}):? +(?=[A-Z“\"‘'(\[])")
#: A turn that defines its label as it opens: "Youssef R (YR): ", "Global Voices (GV): ".
_DEFINED_LABEL = re.compile(r"((?:[A-Z][\w’'.-]*[ ]){0,3}[A-Z][\w’'.-]*)[ ]\(([A-Z]{2,3})\):[ ]+(?=\S)")
#: A person's name in full (first name, an optional middle one, the last).
_FULL_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)(?: ([A-Z][a-z]+))? ([A-Z][\w’'-]*[a-z][\w’'-]*)(?![\w-])")


def _sieve_initials(doc: _Document) -> None:
    """``AD She was all in.`` … ``OW I did it every time.``: paragraphs that open with the same
    initials at least twice, initials that the text's names in full give to one person (Ava
    DuVernay, Oprah Winfrey), are that person's answers, quotations inside them included (the
    words an answer quotes are part of it, not a statement of their own)."""
    text = doc.text
    labelled: dict[str, list[tuple[int, int]]] = {}  # label -> (paragraph, where its words start)
    #: Labels a turn defines as it opens: "Youssef R (YR): Months before …", "Global Voices (GV): …"
    defined: dict[str, str] = {}
    for index, (start, end) in enumerate(doc.paras):
        head = text[start:start + 2]
        if head[:1].isupper() and not head.isupper():
            definition = _DEFINED_LABEL.match(text, start, min(end, start + 60))
            if definition is not None and definition.end() < end:
                defined.setdefault(definition.group(2), definition.group(1))
                labelled.setdefault(definition.group(2), []).append((index, definition.end()))
            continue
        if not (head.isalpha() and head.isupper()):
            continue  # (most paragraphs: no label in capitals)
        match = _INITIALS_LABEL.match(text, start, min(end, start + 6))
        if match is not None and match.end() < end:
            labelled.setdefault(match.group(1), []).append((index, match.end()))
    labelled = {label: paras for label, paras in labelled.items() if len(paras) >= 2}
    if not labelled:
        return
    names: dict[str, Counter[str]] = {label: Counter([name]) for label, name in defined.items()}
    for match in _FULL_NAME.finditer(text) if len(defined) < len(labelled) else ():
        first, middle, last = match.groups()
        # ("Director Ava DuVernay": the name may start at the second capitalised word)
        for given in (first, middle) if middle else (first,):
            initials = given[0] + last[0]
            if initials in labelled and initials not in defined:
                names.setdefault(initials, Counter())[f"{given} {last}"] += 1
    answers: list[tuple[int, int, str, str]] = []  # (paragraph, where its words start, label, whose)
    for label, paras in labelled.items():
        found = names.get(label)
        if found:
            name = found.most_common(1)[0][0]
            answers.extend((index, words_at, label, name) for index, words_at in paras)
    if not answers:
        return
    spans = [doc.paras[index] for index, _, _, _ in answers]
    doc.frames = [f for f in doc.frames if not any(start <= f.cue_start < end for start, end in spans)]
    for key in [k for k in doc.frames_by_sentence if any(start <= k < end for start, end in spans)]:
        del doc.frames_by_sentence[key]  # (the answer's own cues are inside what it says)
    for (index, words_at, label, name), (start, end) in zip(answers, spans, strict=True):
        colon = text.rfind(":", start, words_at)
        label_end = colon if colon >= 0 else start + len(label)  # ("Youssef R (YR):" as a whole)
        mention = Mention(start, label_end, "person", name)
        frame = _Frame(":", label_end, label_end + 1, mention, start, label_end + 1, (start, end), index)
        content_start, content_end = _trim(text, words_at, end)
        for q in doc.spoken_quotes_between(content_start, content_end):
            doc.claimed.add(q.start)  # (an answer's quotations are the answer's)
        doc.frames.append(frame)
        doc.frames_by_sentence[start] = [frame]
        doc.claims.append(_Claim(content_start, content_end, "direct", "transcript", frame, index,
                                 CONFIDENCE["transcript"]))


#: "Q:" / "A:" at the start of a paragraph or a sentence.
_QA_LABEL = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[.?!”\"] ))([QA]):[ ]+(?=\S)", re.M)


def _sieve_qa_labels(doc: _Document) -> None:
    """``Tim Loughton asks about the rules. Q: Will my constituent …? A: No. …``: a question
    after someone is said to ask is theirs, the answer the other side's. Without an asker before
    it a ``Q:`` is a heading, not a turn of speech. The words run to the next label, the next
    sentence with a cue of its own, or the end of the paragraph."""
    text = doc.text
    if "Q:" not in text:
        return
    asks = sorted(f.cue_start for f in doc.frames if f.cue in lx.ASK_CUES and f.mention is not None)
    cues = sorted(f.sentence[0] for f in doc.frames)
    asked = False
    for match in _QA_LABEL.finditer(text):
        label = match.group(1)
        at = match.start(1)
        if label == "Q":
            asked = bool(asks) and asks[0] < at
        if not asked or doc.inside_quote(at):
            continue
        para = _para_of(doc, at)
        end = doc.paras[para][1]
        nxt = _QA_LABEL.search(text, match.end(), end)
        if nxt is not None:
            end = nxt.start()
        k = bisect_right(cues, match.end())
        if k < len(cues) and cues[k] < end:
            end = cues[k]
        content_start, content_end = _trim(text, match.end(), end)
        if len(text[content_start:content_end].split()) < 2:
            continue
        mention = Mention(at, at + 1, "label", label.lower())
        frame = _Frame(label + ":", at + 1, at + 2, mention, at, at + 2, (at, end), para)
        doc.frames.append(frame)
        doc.claims.append(_Claim(content_start, content_end, "direct", "transcript", frame, para,
                                 CONFIDENCE["transcript"]))


def _frames_in(doc: _Document, s: int) -> list[_Frame]:
    return doc.frames_by_sentence.get(s, [])


def _sieve_partial(doc: _Document) -> None:
    """Quoted words inside a sentence whose speaker a frame names."""
    for s, e, _para in doc.sentences:
        frames = [f for f in _frames_in(doc, s) if f.mention is not None]
        if not frames:
            continue
        quotes = _sentence_quotes(doc, s, e)
        nearest = _nearest_each(frames, [q.start for q in quotes])
        # A quote before every frame is matched to frames[0]: where is the last comma before it?
        comma_before_first = doc.text.rfind(",", s, frames[0].start)
        for q, frame in zip(quotes, nearest, strict=True):
            if q.start in doc.claimed:
                continue
            if frame.according and _outlet_only(doc, frame):
                continue
            if frame.according and q.start > frame.end and _CLAUSE_AFTER_SOURCE.match(doc.text, frame.end):
                continue  # "…, according to a friend, but Rupert kept him as an “adviser”": not the friend's
            if q.end <= frame.start and not frame.headline and not frame.according \
                    and comma_before_first < q.end and doc.text[q.end - 1] not in ",.!?…":
                continue  # part of the speaker's own phrase: the so-called "Islamic State" group
            if q.start >= frame.cue_end and _not_the_speakers(doc.text, frame, q.start):
                continue
            if q.start >= frame.cue_end and frame.cue in ("answered", "answers") \
                    and frame.clause_start is None and doc.text[frame.cue_end:q.start].strip(" ,:“\"'‘"):
                continue  # "answered questions on the marketplace “Evolution”": what was answered
            if q.end <= frame.start and _RELATIVE_BEFORE_CUE.search(doc.text, max(s, frame.cue_start - 8),
                                                                     frame.cue_start):
                # "Hamilton, who popularized the term “software engineering,” later led the team
                # that wrote the software": a relative clause's cue says nothing of words before it
                continue
            if q.end <= frame.start and frame.cue in _JUDGING:
                continue  # "Introduced as a coveted “one last thing,” Ruiz praised …": not what she judged
            if q.end <= frame.start and frame.cue in _ING \
                    and doc.text[max(s, frame.cue_start - 3):frame.cue_start].rstrip().endswith(","):
                # "Introduced as a coveted “one last thing,” Cook praised it, saying …": what the
                # speaker says follows the participle; words quoted before the speaker are not his
                continue
            if frame.clause_end is not None and frame.cue in _ING and q.start > frame.clause_end \
                    and frame.start < frame.clause_end:
                # "Declaring “…” is at stake, Gates has ordered a review of a service that has
                # functioned like a “second land army”": the participle's clause is what he said
                continue
            if q.start >= frame.cue_end and frame.cue in _COMMAND_CUES \
                    and _COMMAND_AFTER.match(doc.text, frame.cue_end, q.start) \
                    and not _TO_QUOTE.search(doc.text, frame.cue_end, q.start):
                # "telling Kise to “control your client”", "asked five people to perform a
                # “direction discrimination” task": a command reported, not a statement
                continue
            sieve = "headline" if frame.headline else "partial"
            _add(doc, q, "partial", sieve, frame)


#: Quotation marks dropped from a name read through them ("the new “dot plot” of …").
_NO_MARKS = str.maketrans("", "", "\"“”‘’«»")
#: A relative clause with no "that" between a group and its cue: whom an outlet or "we" met.
_REDUCED_RELATIVE = re.compile(
    r"[ ](?:we|I|the[ ][A-Z][\w.’'-]*(?:[ ][A-Z][\w.’'-]*)?|[A-Z][\w.’'-]*(?:[ ][A-Z][\w.’'-]*)?)[ ]"
    r"(?:interviewed|surveyed|polled|contacted|questioned|met|reached|spoke[ ]to|spoke[ ]with"
    r"|talked[ ]to|talked[ ]with)[ ]+$")
#: Cues that report a command with an object and "to" ("told his lawyer to …").
_COMMAND_CUES = word_set("told tells telling tell asked asks asking urged urges urging ordered orders "
                         "instructed begged called calling")
#: After such a cue: whom, then "to" or "for" (an object of at most five words; "called on" and
#: "asked for" with none), not right before the quotation ("called on allies to “move faster”"
#: quotes the command's own words).
_COMMAND_AFTER = re.compile(r"\s+(?:on\s+|for\s+|(?:[\w’'.-]+\s+){1,5}to\s)")
#: The command's own words quoted right after its "to" ("called on allies to “move faster”").
_TO_QUOTE = re.compile(r"\bto\s*[“\"‘]?$")
#: After "according to X": a new clause of someone else's ("…, according to X, but Rupert …").
_CLAUSE_AFTER_SOURCE = re.compile(r",[ ]+(?:but|yet|while|although|though|whereas)\b")
#: Words that open an aside between a comma-clause and a subject ("…, with the first votes less than
#: 100 days away, Patrick has said").
_ASIDE_OPENERS = lx.ADVERBIAL_PREPOSITIONS | frozenset(["with", "as", "amid"])
#: Words in "-ing" that are cues themselves (a participle of its own act, not of the frame's).
_CUE_PARTICIPLES = lx.CUE_VERBS | _ING
#: What may follow a finding cue that reports: "that", or the sentence's end ("…, papers show.").
_FINDING_AFTER = re.compile(r" that |[.!?;”\"’]| *$")
#: A preposition right before a noun phrase: the phrase is an object, no subject.
#: After a cue: a preposition that makes the cue a participle describing the noun before it
#: ("a statement posted to her account", "a memo posted online by", "a letter written in 1990").
_MODIFYING_PARTICIPLE = re.compile(r"\s+(?:online\s+)?(?:to|by|on|in|at|via|from)\b")
#: "if" or "unless" right before a subject: its verb is a condition, nobody's report.
_CONDITIONAL_BEFORE = re.compile(r"\b(?:[Ii]f|[Uu]nless)\s+$")
#: Subjects that name no source: "Reports indicate …" (the writer's hedge, no one's words).
_SOURCELESS = frozenset(["reports", "rumors", "rumours"])
#: A lower-case preposition right before a word: what follows is its object.
_PREPOSITION_BEFORE_WORD = re.compile(r"\b(?:in|on|at|across|among|between|of|for|to|from|with|by|about|into"
                                      r"|over|under|throughout|within)\s+$")
#: A preposition that ends just before a noun phrase (the phrase is its object, no subject).
_PREPOSITION_BEFORE = re.compile(r"\b(?:[Ii]n|[Tt]o|[Oo]f|[Ww]ith|[Ff]rom|[Oo]n|[Bb]y|[Aa]t|[Ii]nto)\s+$")
#: A name, then a verb in the present's third person or the past, right before a place (up to
#: two modifiers between): "Trump visits fire-stricken |California, vows …", "Biden meets |Xi, says …".
_OBJECT_OF_VERB = re.compile(r"\b([A-Z][\w’'.-]*)[ ]+([a-z]{3,}(?<!ss)(?:s|ed))[ ]+"
                             r"(?:(?:the|a|an|his|her|its|their|[a-z]+-[a-z]+)[ ]+){0,2}$")


def _object_of_verb(text: str, start: int, end: int) -> Mention | None:
    """The person or body whose verb the words before ``end`` are the object of ("Biden meets
    |Xi, says …" → Biden); none where the word ending in s is a plural for people or the name a
    sentence's opening adverb ("Tesla investors |Cathie Wood …", "Newly elected |Mamdani")."""
    match = _OBJECT_OF_VERB.search(text, start, end)
    if match is None or match.group(2) in lx.ANON_HEADS or match.group(2) in lx.OCCUPATION_WORDS \
            or match.group(1).lower().endswith("ly") or match.group(1).lower() in lx.NOT_NAMES:
        return None
    doer = parse_before(text, tokens(text, match.start(1), match.end(1)))
    return doer if doer is not None and doer.kind in ("person", "organisation", "anonymous") else None
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:about|of|with|against|into|from|for|to|on|at|by|toward|towards|"
                                    r"under|than|like|between|among) (?:the |a |an )?$")
#: A preposition of place or time right before a name ("in Nevada", "across Ohio").
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|across|outside|inside|around|throughout|through|"
                                r"during|after|before|since|until|over|within) (?:the )?$")
#: Joining words left at a clause's end when it is cut before another speaker ("even as").
_TRAILING_JOIN = re.compile(
    r"(?:\s+(?:even|just|as|while|and|but|whereas|though|although|yet|so|despite|amid))+\s*$")
#: A subordinator right before a subject: the clause it opens belongs to the one around it.
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|because|when|since|before|until|once) (?:the |a |an )?$")
#: A phrase opening a reported clause before its subject: "after legal consultation ", "in a
#: reversal of policy ".
_ADVERBIAL_OPENING = re.compile(r"\s*(?:after|before|following|despite|amid|under|during|given|in|upon|"
                                r"without) [a-z][a-z -]{0,50} ")
#: "had added", "has added": a perfect before a cue.
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have)\s+$")
#: A cue right after a relative pronoun ("the team that wrote …").
_RELATIVE_BEFORE_CUE = re.compile(r"\b(?:that|who|which) $")
#: "…, but I’m intrigued by the “smart strength training”": the writer's own clause.
_WRITERS_CLAUSE = re.compile(r"[,;]\s+(?:but|and|though|although|yet)\s+I(?:\s|['’](?:m|ve|d|ll)\b)")
#: Cues that are also verbs of doing ("added a feature"): speech only with a clause or a mark.
_DOING_CUES = word_set("added adds")


def _not_the_speakers(text: str, frame: _Frame, quote_start: int) -> bool:
    """Whether words quoted after a frame's cue are someone else's: after the writer's own
    clause ("…, but I’m intrigued by the “…”"), or after a cue that here means doing, not
    saying ("Apple added Alt 1 as an option, … labeled as "Default."")."""
    between = text[max(frame.cue_end, quote_start - 300):quote_start]  # (the words near the quote)
    if _WRITERS_CLAUSE.search(between):
        return True
    return frame.cue in _DOING_CUES and frame.clause_start is None and len(between.strip(" ,:")) > 0


def _nearest_each(frames: list[_Frame], positions: list[int]) -> list[_Frame]:
    """For every position, the last frame listed whose cue starts at or before it (else the first
    frame), in one sweep (a sentence with many quotes and many
    cues must not compare each quote with each cue)."""
    if len(frames) == 1:
        return [frames[0]] * len(positions)
    order = sorted(range(len(frames)), key=lambda k: frames[k].cue_start)
    out: list[_Frame] = [frames[0]] * len(positions)
    best = -1
    j = 0
    for at in sorted(range(len(positions)), key=positions.__getitem__):
        while j < len(order) and frames[order[j]].cue_start <= positions[at]:
            best = max(best, order[j])
            j += 1
        if best >= 0:
            out[at] = frames[best]
    return out


def _outlet_only(doc: _Document, frame: _Frame) -> bool:
    """True when the frame's "speaker" is a news outlet ("according to Reuters")."""
    mention = frame.mention
    if mention is None:
        return True
    if mention.kind == "person" and " " in mention.name:
        return False  # "according to Alex Horton of the Washington Post": the reporter, by name
    name = _outlet_name(doc.text, tokens(doc.text, mention.start, mention.end))
    return name is not None


def _sieve_reported(doc: _Document) -> None:
    """``X said (that) …``: the reported clause runs to the end of the sentence."""
    text = doc.text
    # Per sentence: its cue frames (by cue position) and the colon frames added after them.
    index: dict[int, tuple[list[_Frame], list[int], list[_Frame]]] = {}
    for frame in doc.frames:
        if frame.clause_start is None or frame.mention is None or frame.according:
            continue
        if frame.cue in lx.WEAK_CUES and not frame.with_that and not frame.described_as and not (
                frame.cue in _WEAK_ZERO_THAT and _opens_clause(text, frame.clause_start, frame.sentence[1])
                and (frame.cue not in _DISCLOSING or _discloses_clause(text, frame))):
            continue  # (and "reveals a confused chain of command" is an object, not a clause)
        s, e = frame.sentence
        if _HYPOTHETICAL_SPEAKER.search(text, max(s, frame.cue_start - 40), frame.cue_start):
            continue  # "One could argue that …", "Others might argue that …": no one said it
        if frame.clause_end is not None:
            e = frame.clause_end
        if s not in index:
            listed = _frames_in(doc, s)
            cued = [f for f in listed if f.cue != ":"]
            index[s] = (cued, [f.cue_start for f in cued], [f for f in listed if f.cue == ":"])
        cued, cue_starts, colons = index[s]
        # A frame starts at or before its cue, so none whose cue is before the clause can follow it.
        k = bisect_right(cue_starts, frame.clause_start)
        while k < len(cued) + len(colons):
            other = cued[k] if k < len(cued) else colons[k - len(cued)]
            k += 1
            # "…, a claim Hamas rejected as “lies”": the next speaker's words are not these.
            if other.mention is not None and other.start < frame.clause_start < other.cue_start < e \
                    and other.clause_start is not None:
                # "Ana Ruiz said the plan had failed and added that …": the second cue of the same
                # subject ends the first clause
                conj = _COORDINATED_CUE.search(text, frame.clause_start, other.cue_start)
                if conj is not None:
                    e = conj.start()
                    break
            if other.mention is not None and frame.clause_start < other.start < e:
                # "… that the ministry continued to ignore …": a cue that is also a plain verb
                # opens no clause without "that" or a quote after it; it is this clause's verb.
                if (other.cue in lx.WEAK_CUES and not other.with_that
                        and not any(c in _OPEN_MARKS for c in text[other.cue_end:e])):
                    continue
                if other.cue_start > frame.clause_start and _RELATIVE_BEFORE_CUE.search(
                        text, max(frame.clause_start, other.cue_start - 8), other.cue_start):
                    continue  # "… the conference, which bills itself as “…”": a report inside this one
                if _RELATIVE_GAP.search(text, max(frame.clause_start, other.start - 12), other.start) \
                        and not (_SET_OFF_RELATIVE.search(text, max(frame.clause_start, other.start - 12),
                                                          other.start)
                                 and (other.clause_end is None or other.clause_end >= e)):
                    # "… that the plan, which critics say is flawed, would go ahead", "… tariffs
                    # that Trump has vowed to impose …": a relative with a source of its own is
                    # inside the clause (but one set off by a comma that ends the sentence, "…
                    # the declaration, which critics say aims to …", is the writer's addition)
                    continue
                if _SUBORDINATE_BEFORE.search(text, max(frame.clause_start, other.start - 12), other.start) \
                        or _ADVERBIAL_OPENING.fullmatch(text, frame.clause_start, other.start) \
                        or not text[frame.clause_start:other.start].strip():
                    # ("said that after legal consultation Washington had concluded …", "told the
                    # committee that the Home Office has said …": a report that opens this clause,
                    # or follows a phrase that does, is part of it)
                    # "he was arrested after employees … said he tried to steal a van": a report
                    # inside this one's subordinate clause is part of it (and a record of its own)
                    continue
                comma = text.rfind(",", frame.clause_start, other.start)
                e = comma if comma > frame.clause_start else other.start
                join = _TRAILING_JOIN.search(text, frame.clause_start, e)
                if join is not None and join.start() > frame.clause_start:
                    e = join.start()  # "… would pay for themselves even as the office said …"
                break
        start, end = _trim_clause(text, frame.clause_start, e)
        act = _NEXT_ACT.search(text, start, end)
        if act is not None and act.start() > start:
            end = act.start()  # "said Taiwan should pay for defense and compared …": the first act
        if len(text[start:end].split()) < (2 if _wh_relative_before(text, frame.mention.start) else 3):
            continue  # (a relative's gap is the clause's subject: "which critics say is flawed")
        sieve = "headline" if frame.headline else "reported"
        conf = CONFIDENCE[sieve] * (1.0 if frame.with_that else 0.9)
        _add_clause(doc, start, end, sieve, frame, conf)
        for _ in range(3):
            # "… and compared U.S. spending to an insurance policy", "…, but added the exact
            # circumstances remained unclear", "…, emphasizing that …": the subject's next act of
            # speech, with no subject of its own, is a second record of the same speaker
            act = _NEXT_ACT.match(text, end)
            if act is None or act.end() >= e:
                break
            start, end = _trim_clause(text, act.end(), e)
            further = _NEXT_ACT.search(text, start, end)
            if further is not None and further.start() > start:
                end = further.start()
            if len(text[start:end].split()) < 3 or _frames_between(doc, s, act.end(), end):
                break
            _add_clause(doc, start, end, sieve, frame, conf * 0.9)


#: Pronouns that are only ever a subject: none is whom a cue addressed.
_NOMINATIVE_PRONOUNS = frozenset(["he", "she", "they", "we", "I"])
#: Someone who might say a thing, not someone who said it: "One could argue", "Others might say".
_HYPOTHETICAL_SPEAKER = re.compile(r"\b(?:[Oo]ne|[Yy]ou|[Ss]omeone|[Aa]nyone|[Oo]thers|[Ss]ome|[Cc]ritics)"
                                   r"(?:,[^,]{1,20},)?[ ]+(?:could|might|may)(?:[ ]+well)?[ ]+$")
#: A subject that says no one spoke.
_NEGATED_SUBJECT = re.compile(
    r"(?<![\w’'-])(?:[Nn]o|[Nn]obody|[Nn]one|[Nn]either|[Nn]ot[ ](?:everyone|everybody|all))(?: one)?(?= |$)"
    r"(?=[^,;]*$)")
#: Prepositions that open a short phrase before a sentence's subject ("In Washington, …").
_OPENING_PREPOSITIONS = frozenset(["in", "on", "at", "after", "before", "during", "from", "across", "within",
                                   "amid", "among", "following", "throughout", "despite", "since"])
#: A name set off by a comma that closes the sentence: ", Wunna Khwar Nyo."
_NAME_CLOSING = re.compile(r",[ ]((?:[A-Z][\w’'.-]*[ ]){1,3}[A-Z][\w’'-]*)(?=[.!?])")
#: Cue words that are also nouns: after a possessive they are things said, not saying.
_NOUN_CUES = lx.word_set("claim claims warning warnings comment comments accusation accusations denial "
                         "denials response responses reply replies answer answers promise promises "
                         "pledge pledges threat threats report reports note notes remark remarks "
                         "argument arguments boast boasts complaint complaints admission admissions "
                         "statement statements estimate estimates assertion assertions allegation "
                         "allegations suggestion suggestions explanation explanations insistence "
                         "concern concerns prediction predictions announcement announcements")
#: A passive cue's agent and what it told: " by police that …", " by Minister X of “…”".
_TOLD_BY = re.compile(r"[ ]by[ ]((?:the[ ])?(?:[A-Z][\w.’'-]*[ ]){0,4}(?:[A-Z][\w.’'-]*|[a-z]+))"
                      r"[ ](?:that|of)[ ](?=\S)")
#: A pronoun and "and" opening a subject: "he and Russian President Vladimir Putin".
_PRONOUN_AND = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)[ ]and[ ]")
#: A possessive right before a word: the word is a noun ("the woman’s claim", "his warning").
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|my|our|your)|\w['’]s|s['’])[ ]$", re.IGNORECASE)
#: A name between commas after a source's post: ", Chris Kervick, there were …".
_NAME_APPOSED = re.compile(r",[ ]((?:(?:Sergeant|Private|Petty|Staff|Master|Corporal|Specialist|Lieutenant|"
                           r"Captain|Major|Colonel|General|Admiral)[ ](?:First[ ]Class[ ]|Officer[ ]|"
                           r"Sergeant[ ])?)?(?:[A-Z][\w’'.-]*[ ]){1,3}[A-Z][\w’'-]*),[ ]")
_CAPITALISED_RUN = r"(?:the[ ])?[A-Z][\w.’'-]*(?:[ ](?:of[ ])?[A-Z][\w.’'-]*){0,4}"
#: The rest of a list of names after its first one, to the sentence's end: ", the United States
#: and Ukraine."
_NAME_LIST_TAIL = re.compile(rf"(?:,[ ]{_CAPITALISED_RUN})*,?[ ]and[ ]{_CAPITALISED_RUN}(?=[.!?])")
#: Prepositions after which "that" points at something ("in that regard"), opening no clause.
_BEFORE_DEMONSTRATIVE = frozenset(["in", "on", "at", "of", "for", "by", "with", "from", "about", "to",
                                   "into", "under", "over", "after", "before", "like"])
#: After a frame, a cue coordinated with it: "…, Brunner said, but added that …".
_JOINED_CUE_AFTER = re.compile(r"(?:[ ](?:on[ ])?[A-Z][a-z]+day)?,[ ]+(?:but|and)[ ]+(?:[a-z]+ly[ ]+)?"
                               r"(?:added|adds|warned|warns|noted|notes|said|says|insisted|insists|"
                               r"stressed|stresses|cautioned|cautions|acknowledged|acknowledges)\b")
#: A frame closing a clause, then a coordinated cue: "…, Brunner said, but added that …".
_FRAME_THEN_JOIN = re.compile(
    r",[ ]+((?:[A-Z][\w.’'-]*[ ]){0,3}[A-Z][\w’'-]*|he|she|they|the[ ][a-z]+)[ ]+"
    r"(?:said|says|told[ ][\w]+|tells[ ][\w]+|noted|notes|explained|explains|wrote|writes)"
    r"(?:[ ](?:on[ ])?[A-Z][a-z]+day)?,[ ]+(?:but|and)[ ]+(?:[a-z]+ly[ ]+)?")
#: "… and added", "…, but insisted": a coordinated cue right at the end of a clause.
_COORDINATED_CUE = re.compile(r",? +(?:and|but)(?: +(?:also|then|later|again|[a-z]+ly))? +$")

# Where a reported clause ends before its sentence does: another clause, or the reporter's own
# words about the speaker ("…, and declined to comment further"). ", but …" goes on with what was
# said ("said the road would reopen, but repairs would take longer"), unless the writer speaks in
# the first person after it ("…, but I'm intrigued by …").
#: The speech verbs a subject may go on with after its reported clause, with no subject of their
#: own ("…, and compared …", "…, but added …", "…, emphasizing that …"), then "that" if any.
_NEXT_ACT_VERBS = (r"compared|credited|identified|offered|threatened|hinted|touted|blamed|dismissed"
                   r"|defended|demanded|questioned|reiterated|repeated|emphasized|emphasised|stressed"
                   r"|highlighted|predicted|insisted|acknowledged|conceded|described|labeled|labelled"
                   r"|dubbed|slammed|blasted|denounced|rejected|cited|recalled|declared|suggested"
                   r"|proposed|noted|added|argued|complained|lamented|warned|accused|criticized"
                   r"|criticised|condemned|announced|saying|calling|said|admitted")
_NEXT_ACT = re.compile(
    rf"[ ]*,?[ ]+and[ ]+(?:also[ ]+|then[ ]+|later[ ]+)?(?:{_NEXT_ACT_VERBS})[ ]+(?:that[ ]+)?"
    r"|[ ]*,[ ]+but[ ]+(?:also[ ]+|later[ ]+)?(?:added|said|noted|warned|cautioned|insisted|stressed"
    r"|acknowledged|conceded|admitted|argued|emphasized|emphasised)[ ]+(?:that[ ]+)?"
    r"|[ ]*,[ ]+(?:citing|emphasizing|emphasising|stressing|declaring|stating|arguing|warning"
    r"|explaining|suggesting|asserting|acknowledging|reiterating|repeating|accusing|blaming"
    r"|praising|criticizing|criticising|touting|pointing[ ]out|noting|adding|saying|calling"
    r"|insisting|describing),?[ ]+(?:that[ ]+)?")


def _frames_between(doc: _Document, sentence: int, start: int, end: int) -> bool:
    """Is a speaker's frame (a cue with its own subject) of the sentence inside [start, end)?"""
    return any(start <= f.cue_start < end and f.mention is not None and f.mention.start >= start
               for f in _frames_in(doc, sentence))


#: Where a statement before a trailing frame stops: only a semicolon (its contrasts and asides
#: are the speaker's).
_TRAILING_STOP = re.compile(r"; ")
_CLAUSE_STOP = re.compile(
    # (a colon before a quoted sentence: the speaker's own words follow, a record of their own)
    r"; |:[ ]?(?=[“\"][A-Z])"
    r"|, (?:while|whereas|although|though|but(?= I\b| I['’]| we\b)|adding|saying|calling|describing"
    r"|pointing to|referring to|quipping|joking|explaining|arguing|stressing|claiming|asserting|warning that"
    r"|insisting|noting|according to) "
    r"| and (?:declined|refused|did not|would not|gave no|provided no|offered no) "
    # "said the deal was “a historic step” and urged Congress to approve it": the subject's next
    # act, a cue verb of its own with no subject before it
    r"| and (?:urged|called on|called for|asked|vowed|promised|pledged|warned|accused|thanked"
    r"|praised|criticized|criticised|condemned|announced|appealed) "
    # "said they were “very good” before launching into another attack": what the speaker did
    # next, after a quotation's closing mark
    r"|(?<=[”\"]) (?:before|after) [a-z]+ing "
    # "says it found no trace of explosives despite Znak.com claiming …": another's words
    r"|,? (?:despite|amid) (?:[\w.’'-]+ ){1,4}(?:saying|claiming|insisting|arguing|warning|alleging) "
)


# "WASHINGTON (AP) — ", "KYIV, Sept 12 (Reuters) - ": where the story was filed, not what was said.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,30}(?:,[ A-Za-z0-9.]{1,20})?(?: \([A-Za-z0-9. ]{2,20}\))?"
                       r" ?[—–-]+ "
                       # (a feed's lower-cased dateline: "washington  — U.S. lawmakers …")
                       r"|[a-z][a-z.'’]{2,20}(?: [a-z.'’]{2,20}){0,2}[ ]+[—–][ ]"
                       # (a town in title case and its state's abbreviation: "Plains, Ga. — In a …")
                       r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, [A-Z][a-z]{1,4}\.[ ]+[—–][ ]"
                       # (a city and its country in title case, opening its paragraph: "The Hague,
                       # Netherlands — "; not "In Washington, Democrats — the minority party — said")
                       r"|(?:(?<=\n)|^)(?!(?:In|At|On|For|From|After|Before|But|And|As)\b)"
                       r"(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, [A-Z][a-z]+(?: [A-Z][a-z]+)?[ ]+[—–][ ]")


def _trim_clause(text: str, start: int, end: int, stops: re.Pattern[str] | None = None) -> tuple[int, int]:
    """The clause in [start, end) without its edges' spaces and punctuation, a dateline or a live
    blog's entry label before it, and anything after a stop (``_CLAUSE_STOP`` unless given)."""
    stops = _CLAUSE_STOP if stops is None else stops
    while start < end and text[start] in " \t,":
        start += 1
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()
    entry = _ENTRY_LEAD.match(text, start, end)
    if entry is not None and entry.end() < end:
        start = entry.end()  # "06.10 Update: total of 7 bodies …": a live blog's time and label
    stop = stops.search(text, start, end)
    if stop is not None:
        end = stop.start()
    while end > start and text[end - 1] in " \t.!?;:,":
        end -= 1
    return start, end


def _clause_parts(doc: _Document, frame: _Frame, start: int, end: int) -> list[_Claim | Span] | None:
    """The quotes inside a reported clause that may become its parts: each unclaimed, or claimed
    as a partial quote of the same frame. None when a quote crosses the clause's edge or is
    someone else's (the clause is then no attribution of this frame's speaker)."""
    found: list[_Claim | Span] = []
    for q in doc.spoken_quotes_between(start, end):
        if q.start - 1 < start or q.end > end:
            return None
        if q.start not in doc.claimed:
            found.append(q)
            continue
        claim = doc.claim_of.get(q.start)
        if claim is not None and claim.frame is not None and claim.frame is not frame \
                and claim.frame.mention is not None and start <= claim.frame.mention.start:
            found.append(q)  # a report nested in this clause: its quoted words are this clause's too
            continue
        if claim is None or claim.frame is not frame or claim.kind != "partial" or claim.absorbed:
            return None
        found.append(claim)
    return found


def _add_clause(doc: _Document, start: int, end: int, sieve: str, frame: _Frame, confidence: float
                ) -> bool:
    """One attribution whose content is a reported clause: ``indirect``, or ``mixed`` when quoted
    words lie inside it (they become its parts, and are not records of their own)."""
    inside = _clause_parts(doc, frame, start, end)
    if inside is None:
        return False
    parts: list[tuple[int, int]] = []
    for item in inside:
        if isinstance(item, _Claim):
            item.absorbed = True
            parts.extend(item.parts)
        else:
            doc.claimed.add(item.start)
            part = _trim(doc.text, item.start, item.end)
            if part[1] > part[0]:
                parts.append(part)
    claim = _Claim(start, end, "mixed" if parts else "indirect", sieve, frame, frame.para, confidence,
                   parts=parts)
    doc.claims.append(claim)
    return True


def _add_outlet_clause(doc: _Document, start: int, end: int, frame: _Frame) -> None:
    """"According to Politico, …": what the outlet reports, the outlet its source (and its
    outlet), with the low confidence of a claim no one is quoted making."""
    if frame.mention is not None:
        frame.outlet = _outlet_name(doc.text, tokens(doc.text, frame.mention.start, frame.mention.end))
    _add_clause(doc, start, end, "according_to", frame, 0.4)


def _has_quote(doc: _Document, start: int, end: int) -> bool:
    """Does a quotation (not a title in quote marks) overlap [start, end)?"""
    k = bisect_right(doc.quote_starts, end) - 1
    while k >= 0 and doc.quotes[k].start in doc.titles and doc.quotes[k].end > start:
        k -= 1
    return k >= 0 and doc.quotes[k].end > start and doc.quotes[k].start < end


def _sieve_according_around_quote(doc: _Document) -> None:
    """``“This has gone on long enough,” Murdoch said, according to a person briefed on the
    call.``: the quotation and its frame are what the source reports, one more attribution
    around the quoted speaker's (who still says the words)."""
    text = doc.text
    for claim in list(doc.claims):
        frame = claim.frame
        if claim.sieve != "direct" or frame is None or frame.according or claim.outer is None \
                or frame.end <= frame.cue_end:
            continue
        at = text.find(", according to ", frame.cue_end, frame.end)
        if at < 0 or claim.outer[1] > frame.start:
            continue  # (only a quotation the frame follows: "“…,” X said, according to Y")
        cs = at + 2
        ce = cs + len("according to")
        stop = _next_boundary(text, ce, frame.sentence[1])
        mention = parse_after(text, tokens(text, ce, stop)) or _source_phrase(text, tokens(text, ce, stop))
        if mention is None:
            continue
        # (its clause already read: no other sieve takes the frame up again)
        source = _Frame("according to", cs, ce, mention, cs, mention.end, frame.sentence, frame.para,
                        according=True, clause_start=claim.outer[0], clause_end=at)
        if _outlet_only(doc, source):
            continue  # "…,” Ryder said, according to CBS": the outlet the quote came through
        doc.frames.append(source)
        doc.claims.append(_Claim(claim.outer[0], at, "indirect", "according_to", source, claim.para,
                                 CONFIDENCE["according_to"]))


#: Up to four words in lower case right before a name: "weather service meteorologist ".
_LOWER_CASE_WORDS = re.compile(r"(?:[a-z][a-z-]*[ ]){1,4}$")


def _before_lower_case_post(text: str, s: int, head: int, mention: Mention) -> int:
    """Where a person's frame starts when a post in lower case comes before the name ("…, weather
    service meteorologist Dalton Behringer said"): the post's first word, else ``head``."""
    if mention.kind != "person" or head != mention.start:
        return head
    words = _LOWER_CASE_WORDS.search(text, max(s, head - 60), head)
    if words is None:
        return head
    post = words.group().split()
    if not (post[-1] in lx.POSITION_HEADS or occupational_title(post[-1]) or len(post[-1]) > 6
            and post[-1].endswith(("ist", "ician", "grapher"))) \
            or any(word in lx.GLUE or word in _CLAUSE_WORDS or word in lx.CUE_VERBS for word in post):
        return head
    return words.start()


#: Words that join clauses, never part of a post before a name.
_CLAUSE_WORDS = frozenset(["and", "but", "or", "so", "while", "as", "because", "if", "when", "then"])


def _sieve_trailing(doc: _Document) -> None:
    """``…, a US official told CBS.`` and ``…, according to X.``: the frame closes the sentence."""
    text = doc.text
    for frame in doc.frames:
        if frame.mention is None:
            continue
        if frame.cue in ("asked",) or frame.clause_start is not None:
            continue
        s, e = frame.sentence
        if frame.cue in lx.WEAK_CUES and text[frame.end:e].strip(" .!?\"”’)"):
            continue  # "…, Kiran Stacey reports." closes its sentence; "reports" elsewhere is a noun
        joined = _JOINED_CUE_AFTER.match(text, frame.end, e)
        if e - frame.end > _TRAILING_REST and joined is None:
            continue  # more than an outlet or an adverbial can follow (and never slice it all)
        rest = text[frame.end:e].strip(" .!?\"”’)")
        if rest and joined is None and frame.according:
            whole = _whole_source(text, frame.mention, frame.end + len(text[frame.end:e]) - len(
                text[frame.end:e].lstrip()) + len(rest))
            if whole is not None:
                # "…, according to the medic and healer council.", "according to the
                # Cambodia-based group Action pour les Enfants.": the source runs to the end
                frame.mention, frame.end, rest = whole, whole.end, ""
            elif text[s:frame.cue_start].strip() and (comma := text.find(",", frame.end, e)) > frame.end \
                    and (whole := _whole_source(text, frame.mention, comma)) is not None \
                    and (_only_outlet_or_adverbial(doc, frame, after := text[comma:e].strip(" .!?\"”’)"))
                         or _describes_speaker(frame, after)):
                # "…, according to Palestinian tallies, over the past 10 months": the source
                # runs to the comma before an adverbial or a relative clause of its own
                frame.mention, frame.end = whole, whole.end
                rest = text[frame.end:e].strip(" .!?\"”’)")
        if rest and joined is None and not _only_outlet_or_adverbial(doc, frame, rest) \
                and not _describes_speaker(frame, rest):
            continue
        if rest.startswith(",") and _subject_then_predicate(
                text, _after_semicolon(text, s, frame.start), frame.start - 1, rest):
            continue  # "Around 50 gallons, officials said, spilled and ignited": parenthetical
        if rest.startswith(",") and _ENDS_ON_AUXILIARY.search(text, s, (frame.cue_start if frame.according
                                                                          else frame.start)):
            continue  # "The suspect was, according to police, in the car": the frame is inside
        head = frame.start
        if frame.according:
            head = frame.cue_start
        head = _before_lower_case_post(text, s, head, frame.mention)
        comma = head  # the comma right before the frame (spaces between)
        while comma > s and text[comma - 1] == " ":
            comma -= 1
        comma -= 1
        if comma < s or text[comma] != ",":
            if not frame.according or comma < s or not text[comma].isalnum() \
                    or not _source_without_comma(frame.mention):
                continue
            comma = head  # "One was in a life jacket according to reports.": no comma needed
        # (a contrast before the frame is the speaker's too: "Selling a product is difficult,
        # but altering behavior is much more difficult, Hege said")
        start, end = _trim_clause(text, s, comma, _TRAILING_STOP)
        if len(text[start:end].split()) < 3:
            continue
        if frame.cue in lx.WEAK_CUES and not _has_verb(tokens(text, start, end)):
            continue  # "Roberts, often the swing vote, suggested a ruling": a subject, no statement
        opener = text[start:end].split(maxsplit=1)[0].lower()
        if opener.endswith(("ing", "ed")) and opener not in ("nothing", "everything", "something", "during") \
                and opener.strip(",") not in _ING_NAMES \
                and not _main_clause_after_participle(text, start, end):
            # "Speaking to the BBC, X said", "Asked if the deal is dead, the minister said": a
            # participle, not a statement (but "Excluding Texas, the nation would be below the
            # peak, according to …" has its clause after the comma, and "Targeting audiences is
            # key, Graham said" a gerund for its subject)
            continue
        if frame.according and _outlet_only(doc, frame):
            if not _has_quote(doc, start, end):
                _add_outlet_clause(doc, start, end, frame)
            continue
        sieve = "according_to" if frame.according else "trailing"
        if frame.headline:
            sieve = "headline"
        if frame.mention.kind == "pronoun" and frame.mention.name == "they":
            group = _official_subject(text, start, end)
            if group is not None:  # (the pronoun stays the mention; the group is whom it means)
                frame.mention = replace(group, start=frame.mention.start, end=frame.mention.end)
        _add_clause(doc, start, end, sieve, frame, CONFIDENCE[sieve])


#: The end of a name after its description: "group Action pour les Enfants", "agency Xinhua".
_NAME_AT_END = re.compile(r"(?<=[a-z] )((?:[A-Z][\w’'.&-]*)(?:[ ](?:(?:of|for|and|de|du|des|la|le|les|pour|"
                          r"el|al|the|on)[ ])*[A-Z][\w’'.&-]*)*)$")


def _whole_source(text: str, mention: Mention | None, end: int) -> Mention | None:
    """The source after "according to" when its phrase runs on past what was parsed to the end
    of the sentence with no verb, cue or comma in it: the whole phrase, or the name it ends with
    after a description ("the Cambodia-based anti-pedophile group Action pour les Enfants")."""
    if mention is None or end <= mention.end:
        return None
    rest = text[mention.end:end]
    words = rest.split()
    if not words or len(words) > 10 or any(c in rest for c in ",;:()“”\"—–") \
            or any(w.lower() in lx.CUE_VERBS or w.lower() in _FINITE or w.lower() in lx.AUXILIARIES
                   or w.lower() in lx.TIME_WORDS or w.strip(".") in _MONTHS or w.isdigit()
                   or w.islower() and (w.endswith("ed") or w in _NOT_IN_A_SOURCE) for w in words):
        return None  # (not "a survey conducted this month", "a study by …", "Mnangagwa on Friday")
    if " by " in mention.name:
        # "sources cited by HRAI and journalist Nejat Bahrami": more of whom they were cited by
        return replace(mention, end=end)
    phrase = " ".join(text[mention.start:end].split())
    named = _NAME_AT_END.search(phrase)
    if named is not None and named.start() > 0:
        role = phrase[:named.start()].strip() or None
        # ("according to Carbon Direct policy analyst Zara Ahmed": a person's post before a name)
        kind = "person" if role and role.split()[-1].lower() in lx.POSITION_HEADS \
            and " " in named.group(1) else "organisation"
        return Mention(end - len(named.group(1)), end, kind, named.group(1), role=role)
    kind = "organisation" if any(w[:1].isupper() for w in phrase.split()[1:]) else "anonymous"
    if kind == "organisation" and phrase.lower().startswith(("the ", "a ", "an ")):
        phrase = phrase.split(" ", 1)[1]
    return Mention(mention.start, end, kind, phrase)


#: Words that end a source's phrase: what follows is when, where or by whom, not the source.
_NOT_IN_A_SOURCE = word_set("who which that but while by in on at from to with during after before since "
                            "last this next ago")


#: Plural heads of the groups that speak for an office: "State prosecutors charged …, they said".
_OFFICIAL_GROUPS = word_set("officials prosecutors investigators police authorities officers "
                            "detectives spokespeople organisers organizers")


def _official_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of a clause a trailing "they said" closes, when it is a group that speaks for
    an office: "State prosecutors charged the suspect with capital murder, they said Sunday"
    (the prosecutors, not whoever spoke last); None for any other subject ("Rescuers found
    two bodies, they said": the officials quoted before)."""
    toks = tokens(text, start, min(end, start + 80))
    verb = next((k for k, t in enumerate(toks) if k and t.word.islower() and (
        t.low in _FINITE or t.low in lx.AUXILIARIES or t.low.endswith("ed"))), None)
    if verb is None or verb > 5 or toks[verb - 1].low not in _OFFICIAL_GROUPS:
        return None
    subject = parse_before(text, toks[:verb])
    return subject if subject is not None and subject.kind in ("anonymous", "organisation") else None


def _source_without_comma(mention: Mention | None) -> bool:
    """Is what follows "according to" with no comma before it a source ("reports", "people
    familiar with the matter", "Reuters"), not a rule ("according to the contract", "to plan")?"""
    if mention is None:
        return False
    if mention.kind in ("person", "organisation"):
        return True
    words = mention.name.lower().split()
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "for", "at", "with", "from", "in",
                                                               "familiar", "close", "who")), len(words))
    head = words[cut - 1] if cut else ""
    return head in lx.ANON_HEADS or head in lx.DOCUMENT_NOUNS


#: Words that open a clause inside a participle's phrase ("Asked if the deal is dead").
_PHRASE_CLAUSE_OPENERS = word_set("if whether which who whom whose that when where why how what while after "
                                  "before because since")


def _main_clause_after_participle(text: str, start: int, end: int) -> bool:
    """Does a span that opens with a participle or a gerund hold a clause of its own: after a
    comma, one that no relative word or conjunction opens ("Excluding Texas, the nation would be
    …"; not "Responding to the report, which was published Monday"), or with no comma a finite
    verb outside the clause its phrase opens ("Targeting audiences is key"; not "Asked if the
    deal is dead")?"""
    first, *rest = text[start:end].split(",")
    rest = [part for part in rest if part.strip()]  # (a comma closing the span opens nothing)
    if rest:
        return any(toks and toks[0].low not in _PHRASE_CLAUSE_OPENERS
                   for toks in (tokens(part, 0, len(part)) for part in rest))
    toks = tokens(first, 0, len(first))
    cut = next((j for j, t in enumerate(toks) if j and t.low in _PHRASE_CLAUSE_OPENERS), len(toks))
    return _finite_in(toks[:cut])


def _finite_in(toks: list[Tok]) -> bool:
    """Is there a finite verb among the words ("is", "was", "has", "will")?"""
    return any(t.low in _FINITE and t.word.islower() for t in toks)


def _finite_word(tok: Tok) -> bool:
    """A lower-case finite verb: "issued", "is", "said" (not "Ted", not "bed")."""
    return tok.word.islower() and (tok.low in _FINITE or tok.low.endswith("ed") and len(tok.low) > 3)


#: Weak cues that still report a clause without "that" when one follows ("suggested the bill
#: was flawed"; not "suggested a compromise").
_WEAK_ZERO_THAT = word_set("suggested suggests claims indicated indicates estimated estimates states notes "
                           "indicate suggest show shows showed revealed reveals clarified clarifies "
                           "underlined underscored reaffirmed reaffirms "
                           "maintained maintains concluded concludes")


#: Weak cues that take a clause without "that" only after a subject and a finite verb of its
#: own: "revealed she was never allowed", not "reveals a confused chain of command".
_DISCLOSING = word_set("revealed reveals clarified clarifies")


def _discloses_clause(text: str, frame: _Frame) -> bool:
    """After "revealed" or "clarified": a subject and its finite verb, not an adjective in -ed
    after an article ("reveals a confused chain of command")."""
    assert frame.clause_start is not None
    toks = tokens(text, frame.clause_start, min(frame.sentence[1], frame.clause_start + 160))
    if len(toks) >= 2 and toks[0].low in ("a", "an", "the") and toks[1].low.endswith("ed"):
        return False
    return _subject_then_finite(toks, past=True, text=text)


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Does a clause with a subject and a verb open at ``start``: a determiner, a pronoun or a
    capitalised word, then a verb within the next six words?"""
    toks = tokens(text, start, min(end, start + 80))
    if len(toks) >= 3 and _PRONOUN_CONTRACTION.fullmatch(toks[0].low):
        return True  # "suggested it'd stay shut": the subject and its verb in one word
    return len(toks) >= 3 and (toks[0].low in _CLAUSE_OPENERS or toks[0].low in _NEGATING_OPENERS
                               or toks[0].word[:1].isupper() or toks[0].word[:1].isdigit()) \
        and _clause_opens(toks[:9])


#: A subject pronoun and a contracted verb: "it'd", "she'll", "they're".
_PRONOUN_CONTRACTION = re.compile(r"(?:he|she|it|they|we|i|there)['’](?:d|ll|s|re|ve|m)")
#: Words that open a negated subject: "suggested no decision had been made".
_NEGATING_OPENERS = word_set("no none nobody nothing neither")


#: Words that open a second noun phrase inside the first: "the reasons his campaign failed" is a
#: noun with a relative clause, not a clause.
_INNER_SUBJECTS = word_set("his her their its my our your he she they we i the a an")


def _clause_opens(toks: list[Tok]) -> bool:
    """Do the words (from the subject's first word) make a clause: a verb within six words, and
    when a second noun phrase stands between ("the plan his advisers had drafted"), another verb
    after that relative clause's ("… had drafted was too timid")?"""
    for i in range(1, min(len(toks), 7)):
        if not _verb_at(toks, i):
            continue
        if not any(t.low in _INNER_SUBJECTS for t in toks[1:i]):
            return True
        k = i + 1
        while k < len(toks) and toks[k].low not in _FINITE and _verb_at(toks, k):
            k += 1  # the relative clause's verb group: "had drafted" (not the "was" after it)
        return any(_verb_at(toks, m) for m in range(k, min(len(toks), k + 4)))
    return False


def _verb_at(toks: list[Tok], i: int) -> bool:
    """Is ``toks[i]`` a verb as `_has_verb` reads one?"""
    return _has_verb([toks[i]]) or 0 < i < len(toks) - 1 and _present_verb(toks[i - 1:i + 2])


def _has_verb(toks: list[Tok]) -> bool:
    """Do the words hold a verb (a finite form, a past in "-ed", a contraction or a present in
    "-s"), as a statement does and a noun phrase does not?"""
    return any(t.low in _FINITE or t.low.endswith("ed") and len(t.low) > 3 and t.word.islower()
               or t.low.endswith(_CONTRACTED_VERBS) and not (possessive(t) and t.low[:-2] not in _IS_HOSTS)
               for t in toks) or _present_verb(toks)


#: Words whose "'s" is "is" or "has" ("it's", "that's"), not a possessive ("the court's").
_IS_HOSTS = word_set("it that there he she what who here where let")


#: What may follow a trailing frame is at most 14 words: never more characters than this.
_TRAILING_REST = 400


def _sieve_parenthetical(doc: _Document) -> None:
    """``The museum, the mayor said, would open in May.``: the frame stands between commas inside
    the statement, which is then the whole sentence (content on both sides of the frame)."""
    text = doc.text
    speaking: dict[int, int] = {}  # sentence start -> frames that name a speaker
    for frame in doc.frames:
        if frame.mention is not None and not frame.according:
            speaking[frame.sentence[0]] = speaking.get(frame.sentence[0], 0) + 1
    for frame in doc.frames:
        if frame.mention is None or frame.according or frame.headline or frame.clause_start is not None \
                or frame.cue in lx.WEAK_CUES or frame.cue in _ING or frame.cue == ":":
            continue
        s, e = frame.sentence
        if speaking.get(s, 0) != 1:
            continue  # another speaker in the sentence: whose words are whose is not clear
        before = frame.start
        while before > s and text[before - 1] == " ":
            before -= 1
        after = frame.end
        while after < e and text[after] == " ":
            after += 1
        if before <= s or text[before - 1] != "," or after >= e or text[after] != ",":
            continue
        rest = text[frame.end:e].strip(" .!?\"”’)")
        lead_from = _after_semicolon(text, s, before)  # "…; around 50 gallons, officials said, spilled"
        verb_after = _subject_then_predicate(text, lead_from, before - 1, rest)
        if rest and not verb_after and _only_outlet_or_adverbial(doc, frame, rest):
            continue  # "…, X told CBS, the BBC's partner.": the frame closes the sentence (trailing)
        if _describes_speaker(frame, rest):
            continue  # "…, said Tom Hale, a farmer who runs the shop.": about the speaker (trailing)
        start, end = _trim_clause(text, lead_from, before - 1)
        if end < before - 1 or start >= end:
            continue  # the statement stops before the frame ("…; the mayor said, …")
        tail_start, end = _trim_clause(text, after + 1, e)
        if len(text[tail_start:end].split()) < 2:
            continue
        opener = text[start:before].split(maxsplit=1)[0].lower()
        if opener.endswith("ing") and opener not in ("nothing", "everything", "something", "during") \
                and opener.strip(",") not in _ING_NAMES \
                and not _main_clause_after_participle(text, start, before):
            # "Speaking to reporters, the mayor said, …": a participle, not a statement (but
            # "Serving on a detail is intense work, he said, …" has a gerund for its subject)
            continue
        _add_clause(doc, start, end, "parenthetical", frame, CONFIDENCE["parenthetical"])


def _after_semicolon(text: str, s: int, before: int) -> int:
    """Where the clause ending at ``before`` starts: after the sentence's last semicolon."""
    semicolon = text.rfind("; ", s, before)
    return semicolon + 2 if semicolon >= 0 else s


def _subject_then_predicate(text: str, start: int, end: int, rest: str) -> bool:
    """Is [start, end) a bare subject (no verb) and ``rest``, after a frame set off by commas,
    its predicate, opening with a verb in the past or a finite one ("Around 50 gallons of fuel,
    officials said, spilled and ignited")? Then the frame sits inside the statement."""
    lead = tokens(text, start, end)
    if not lead or len(lead) > 12 or _has_verb(lead):
        return False
    rest = rest.lstrip(", ")
    first = rest.split(None, 1)[0] if rest else ""
    return first.isalpha() and first.islower() and (
        first in _FINITE or first.endswith("ed") and len(first) > 4)


#: What may open a sentence before "as X said, …": a conjunction and its comma ("But, as …").
_AS_LEAD = re.compile(r"(?:(?:But|And|Yet|So|Still|Indeed|However|Now)[ \t]*,?[ \t]+)?[Aa]s[ \t]+")


#: A report in the passive with its source: "were reported by local media to have visited …",
#: ", reported by local press as belonging to …,".
_PASSIVE_REPORT = re.compile(r"(?P<lead>\b(?:was|were|is|are|been)[ ]+(?:[a-z]+ly[ ]+)?|,[ ]+)"
                             r"(?:reported|described)[ ]+by[ ]+(?P<source>[^,;:“”\"]{2,60}?)"
                             r"[ ]+(?P<link>to|as)[ ]")


#: Words for the press as a whole: "local press", "state media".
_PRESS_WORDS = word_set("press media outlets newspapers papers reports")


def _sieve_passive_report(doc: _Document) -> None:
    """``Politicians were reported by local media to have visited the hospital``: the source
    after "by" reports the whole sentence; ``A cargo plane, reported by local press as belonging
    to the military, crashed``: the noun phrase and what it was reported as, to the comma."""
    text = doc.text
    claimed = _ClaimIndex(doc.claims)  # (the claims before this sieve, looked up by position)
    # (every sentence: one whose cue found no speaker before it is in no frame's list)
    for s, e in doc.lead_spans:
        if s in doc.narrative or " by " not in text[s:e]:
            continue
        para = bisect_right(doc.para_starts, s) - 1
        for match in _PASSIVE_REPORT.finditer(text, s, e):
            if doc.inside_quote(match.start()):
                continue
            source = tokens(text, match.start("source"), match.end("source"))
            mention = parse_after(text, source)
            if mention is None and 1 <= len(source) <= 4 and source[-1].low in _PRESS_WORDS:
                # "by local press", "by state media": the press of a place, no outlet by name
                named = source[1:] if source[0].low in lx.DETERMINERS else source
                mention = Mention(named[0].start, named[-1].end, "organisation",
                                  text[named[0].start:named[-1].end])
            if mention is None or mention.kind == "pronoun":
                continue
            if match.group("lead").startswith(","):
                if match.group("link") != "as":
                    continue
                close = text.find(",", match.end(), e)
                start, end = _trim_clause(text, s, close if close > 0 else e)
            else:
                start, end = _trim_clause(text, s, e)
            if len(text[start:end].split()) < 4 or claimed.overlaps(start, end) \
                    or _overlaps_recent(doc.claims, claimed.size, start, end):
                continue
            frame = _Frame("reported by", match.start(), match.end("source"), mention, match.start(),
                           match.end("source"), (s, e), para, passive=True)
            doc.frames.append(frame)
            _add_clause(doc, start, end, "reported", frame, CONFIDENCE["reported"] * 0.9)


def _sieve_as_cue(doc: _Document) -> None:
    """``As Smith noted, the plan failed.``, ``But, as the committee has pointed out, it would …``:
    a frame in an "as" clause opening the sentence; the statement is the clause after its comma."""
    text = doc.text
    for frame in doc.frames:
        if frame.mention is None or frame.according or frame.headline or frame.clause_start is not None \
                or frame.cue in _ING or frame.cue == ":":
            continue
        s, e = frame.sentence
        lead = _AS_LEAD.match(text, s, frame.mention.start)
        if lead is None or lead.end() != frame.mention.start:
            continue
        after = frame.end
        while after < e and text[after] == " ":
            after += 1
        if after >= e or text[after] != ",":
            continue
        start, end = _trim_clause(text, after + 1, e)
        if len(text[start:end].split()) < 3:
            continue
        _add_clause(doc, start, end, "parenthetical", frame, CONFIDENCE["parenthetical"])


#: An inverted cue after a comma: ", said Tom Hale".
_INVERTED_CUE = re.compile(r"[,”\"] (?:(he|she|they) (?:said|says|say|added|adds|add|explained|wrote|noted"
                           r"|argued|argues|argue|insisted|insists|insist|warned|warns|warn|claimed"
                           r"|claims|claim|contended|contends|contend|maintained|maintains|maintain),"
                           # (never "told": whom it was told to follows it, not who told it)
                           r"|(?:said|says|added|adds|explained|wrote|noted) (?=[A-Za-z]))")
#: A relative pronoun right before a cue's subject: "…, which officials said killed …".
_RELATIVE_GAP = re.compile(r"(?<!\bin[ ])(?<!\bat[ ])(?<!\bon[ ])(?<!\bby[ ])(?<!\bof[ ])(?<!\bwith[ ])"
                           r"(?<!\bduring[ ])(?<!\bafter[ ])(?<!\bunder[ ])\b(?:which|that|who)[ ]+$")
def _wh_relative_before(text: str, pos: int) -> bool:
    """Does "which" or "who" come right before ``pos``, leaving its clause a gap for a subject
    ("which critics say is flawed")? ("that" may be a conjunction: "reported that Mr Putin has
    denied …")"""
    match = _RELATIVE_GAP.search(text, max(0, pos - 12), pos)
    return match is not None and not match.group().startswith("that")


#: A relative set off by a comma right before its source: ", which critics say".
_SET_OFF_RELATIVE = re.compile(r",[ ]+(?:which|who)[ ]+$")
#: (a relative after a preposition, "an interview in which he said the plan was wrong", leaves no
#: gap: the clause after the cue has a subject of its own)
#: An aside after a document naming who made it: ", published Tuesday by the GAO,".
_AUTHOR_ASIDE = re.compile(r",[ ]((?:published|released|issued|compiled|written|prepared|commissioned|"
                           r"produced|conducted)[ ][^,;:“”\"]{0,40}?\bby[ ][^,;:“”\"]{2,80}),[ ]")
#: A frame that closes a statement right before a participle: ", officials told state media, ".
_TRAILING_FRAME_BEFORE = re.compile(
    r",[ ]([^,;:“”\"]{2,60}?)[ ](?:said|says|told|tells)\b[^,;:“”\"]{0,40},[ ]*$")
#: Words that open a description of the speaker named just before, not more of the statement.
#: "The leader of Ennahda, Rachid Ghannouchi, …": a description, then the name set off by commas.
_DESCRIBED_NAME = re.compile(r"(?:The|A|An|Her|His|Their|Its) [^,;:.“”\"]{1,80}?, ([^,;:.“”\"]{3,60}), ")
_APPOSITIVE_OPENERS = frozenset({"a", "an", "who", "whose", "which"})


def _describes_speaker(frame: _Frame, rest: str) -> bool:
    """After an inverted frame or "according to X", a part opening with "a", "an" or a relative
    pronoun describes the speaker just named ("…, said Tom Hale, who runs the shop.", "…,
    according to the Tourism Council, an industry body."), up to the sentence's end (no cue of
    its own: "…, adding that …" is another statement)."""
    if (frame.inverted or frame.according) and _PARTY_TAG.fullmatch(rest.lstrip(", ")):
        return True  # "…, according to Rep. Jane Doe, D-Mich.": the speaker's party tag
    if not (frame.inverted or frame.according) or not rest.startswith(","):
        return False
    words = rest[1:].split()
    if words and words[0] == "who" and len(words) <= 30:
        return True  # "…, according to police, who said officers arrived …": a statement of its own
    if words and words[0] == "the" and len(words) <= 12 and frame.mention is not None \
            and frame.mention.kind == "person" \
            and not any(w.lower().strip(",") in lx.CUE_VERBS or w.lower() in _FINITE for w in words):
        return True  # "…, according to prosecutor Josh Bash, the U.S. Attorney for …"
    if 2 <= len(words) <= 8 and words[-1].lower() in lx.POSITION_HEADS and words[-1].islower() \
            and not any(w.lower().strip(",") in lx.CUE_VERBS or w.lower() in _FINITE for w in words):
        return True  # "…, said Lt. Matt Harris, Columbus Police Department spokesman."
    core = next((words[:k] for k, w in enumerate(words) if k and w in _POST_ENDS), [])
    if (frame.inverted or frame.according) and 1 <= len(core) <= 4 and len(words) <= 16 \
            and all(w.islower() for w in core) \
            and _post_word(core[-1]) \
            and not any(w.lower().strip(",") in lx.CUE_VERBS or w.lower() in _FINITE for w in words):
        return True  # "…, said Zack Cooper, senior fellow at the American Enterprise Institute."
    return bool(words) and words[0].lower() in _APPOSITIVE_OPENERS and len(words) <= 20 \
        and not any(w.lower().strip(",") in lx.CUE_VERBS for w in words[1:]) \
        and not _main_verb_in(words)


def _only_where_and_when(rest: str) -> bool:
    """Is ``rest`` (what follows a speaker's name to the sentence's end) only where and when
    they spoke: "in Washington during a press call on Tuesday."?"""
    words = rest.strip(" .!?\"”’)").split()
    return 2 <= len(words) <= 14 and words[0].lower() in _WHERE_WHEN_OPENERS \
        and not any(w.lower() in lx.CUE_VERBS or w.lower() in _FINITE or w.lower() in lx.AUXILIARIES
                    or w.lower() in ("that", "who", "which") or w[-1:] in ",;:"
                    or w.islower() and (w.endswith("ed") or w in _IRREGULAR_PASTS) for w in words)


#: Past tenses not ending in "-ed" ("held", "met"): a verb, not where or when.
_IRREGULAR_PASTS = frozenset(["held", "met", "won", "lost", "made", "sent", "gave", "took", "put", "set",
                              "cut", "led", "hit", "left", "kept", "went", "came", "ran", "began", "fell",
                              "rose", "became", "stood", "spoke", "wrote", "broke", "chose", "drove", "flew",
                              "grew"])


#: Prepositions that open where or when something was said.
_WHERE_WHEN_OPENERS = frozenset(["in", "at", "on", "during", "from", "via", "before", "after", "while"])


def _describes_person(part: str, after: str) -> bool:
    """Is ``part`` (between the commas after a named source) the person's post, with no verb of
    its own, and ``after`` (what follows its closing comma) a clause's opening: "a senior adviser
    at the Center for …, the tariff …", "senior fellow of the economics program and Scholl Chair
    in …, …"? Not a group, a thing or a list ("a majority of residents, including …", "a
    teacher, a nurse and a firefighter were …"), nor before a relative clause, an aside or a
    participle ("…, who took office in May, …")."""
    words = part.split()
    if not 2 <= len(words) <= 25 or any(
            w.lower() in lx.CUE_VERBS or w.lower() in _FINITE or w.lower() in lx.AUXILIARIES for w in words):
        return False
    core = next((words[:k] for k, w in enumerate(words) if k and (
        w in _POST_ENDS or w.endswith("ing") or w in ("close", "familiar"))), words)
    if core[0].lower() in ("a", "an", "the"):
        core = core[1:]
    if not 1 <= len(core) <= 4 or not all(w.replace("-", "").replace("’s", "").replace("'s", "").isalpha()
                                          for w in core) or not _post_word(core[-1].lower()):
        return False
    nxt = after.split(None, 1)[0].lower() if after.split() else ""
    # (what follows opens a clause with its verb before any comma: not a list, "the governor, the
    # mayor and the police chief met", nor another description, "the suspect, a 34-year-old man
    # from Ohio, was arrested")
    chunk = after.split(",", 1)[0].split()
    verb = next((k for k, w in enumerate(chunk) if w.islower() and (
        w in _FINITE or w in lx.AUXILIARIES or w.endswith("ed") or w in _IRREGULAR_PASTS
        or k >= 2 and w.endswith("s") and not w.endswith("ss")
        and chunk[k - 1].lower() not in lx.DETERMINERS)), None)
    return bool(nxt) and nxt not in _NOT_A_CLAUSE_OPENING and nxt not in _POST_ENDS \
        and not nxt.endswith(("ing", "ed", ",")) and verb is not None and "and" not in chunk[:verb]


#: Words after a comma that open no main clause: a relative, a coordination, a contrast.
_NOT_A_CLAUSE_OPENING = frozenset(["who", "whom", "whose", "which", "where", "when", "and", "or", "but",
                                   "not", "including", "like", "such", "as", "than", "then"])


def _main_verb_in(words: list[str]) -> bool:
    """Does a phrase opening with "a" or "an" hold a main clause's verb ("a female barrister
    arrived and demanded …", "a man was arrested") before any relative pronoun, not only a
    participle ("a lawyer retained by the family", "a group founded in 1990")?"""
    for k, word in enumerate(words[1:], 1):
        low = word.lower().strip(",.")
        if low in ("who", "whom", "whose", "which", "that"):
            return False
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        if low in _FINITE and word.islower() or word.islower() and low.endswith("ed") and len(low) > 3 \
                and (nxt in ("and", "") or word.endswith(",")):
            return True
    return False


#: Participles after a trailing frame that add to it, not to what was said.
_AFTER_FRAME_PARTICIPLES = word_set("offering citing pointing referring noting explaining describing "
                                    "giving recalling gesturing laughing smiling")


def _only_outlet_or_adverbial(doc: _Document, frame: _Frame, rest: str) -> bool:
    """What follows a trailing frame: an outlet, a time, "in a statement", "according to CBS"."""
    if rest.startswith(","):
        rest = rest[1:].strip()
    words = rest.split()
    if not words:
        return True
    first = words[0].lower()
    if len(words) == 1 and first in _OBJECT_PRONOUNS and frame.cue in lx.ADDRESSEE_CUES:
        return True  # "…, an agency spokesman told us."
    second = words[1].lower().strip(".,;") if len(words) > 1 else ""
    if first in ("—", "–") and len(words) <= 16 and not any(w.lower() in lx.CUE_VERBS for w in words):
        return True  # "…, they said Sunday — murder carrying the possibility of the death penalty."
    if first in lx.TIME_WORDS and second in ("—", "–") and len(words) <= 16 \
            and not any(w.lower() in lx.CUE_VERBS for w in words):
        return True
    if first in ("without", "while", "when", "before", "after", "despite") and second.endswith("ing") \
            and len(words) <= 14:
        return True  # "…, Sullivan said without providing details", "Cook said while visiting …"
    return (first in lx.ADVERBIAL_PREPOSITIONS or first in lx.TIME_WORDS or first == "according"
            or first == "adding" or first == "speaking"
            or first in ("last", "this", "next") and second in lx.TIME_WORDS) and len(words) <= 14 or (
        first in _AFTER_FRAME_PARTICIPLES
        and len(words) <= 14  # "…, Graham said, offering the example of a recent campaign"
    ) or (
        first.endswith("ed") and len(words) <= 8  # "in a report published on Monday"
    ) or (
        frame.outlet is not None and len(words) <= 6
    )


#: A cue that takes no clause, only what someone did ("Trump has admitted to ordering the
#: payments, according to prosecutors": the prosecutors' statement, Trump no rival source).
_TO_GERUND = re.compile(r"[ ]+to[ ]+[a-z]+ing\b")


def _sieve_according_lead(doc: _Document) -> None:
    """``According to X, …``: the statement follows the comma."""
    text = doc.text
    # sentence start -> where its frames' speakers stand (a cue whose subject search lands on the
    # source of "according to" names no one new: "Local authorities, according to the Bulletin,
    # have noted …")
    speaking: dict[int, set[int]] = {}
    for frame in doc.frames:
        if frame.mention is not None and (frame.according or _TO_GERUND.match(text, frame.end) is None):
            speaking.setdefault(frame.sentence[0], set()).add(frame.mention.start)
    for frame in doc.frames:
        if not frame.according or frame.mention is None:
            continue
        s, e = frame.sentence
        opener = _CONNECTIVE_OPENER.match(text, s, frame.cue_start)
        if opener is not None and opener.end() == frame.cue_start:
            s = frame.cue_start  # "For example, according to the Post, …": as at the head
        elif _NOT_SPACE.search(text, s, frame.cue_start):
            others = speaking.get(s, set())
            if len(others) > 1 and _CLAUSE_AFTER_SOURCE.match(text, frame.end):
                # "Trump ordered the payments, according to prosecutors, but the White House has
                # denied it": a speaker of the clause after "but" is no rival of the source's
                others = {m for m in others if m < frame.end}
            if len(others) == 1:
                _according_between_commas(doc, frame)
            continue
        comma = text.find(",", frame.mention.end, min(e, frame.mention.end + 81))
        k = bisect_right(doc.quote_starts, frame.mention.start) - 1
        named = doc.quotes[k] if k >= 0 else None
        if named is not None and named.start in doc.titles and frame.mention.end <= named.end \
                and comma == named.end - 1:
            comma = named.end  # "from “Magic Clement,” the …": the comma inside the marks
        if comma < 0:
            continue
        if text[comma + 1:comma + 8].lstrip().startswith(("which ", "who ")):
            # "According to Reuters, which first reported the story, the deal …"
            comma = text.find(",", comma + 1, e)
            if comma < 0:
                continue
        if frame.mention.kind == "person":
            described_end = text.find(",", comma + 1, e)
            if described_end > 0 and _describes_person(text[comma + 1:described_end],
                                                       text[described_end + 1:e]):
                # "According to William Reinsch, a senior adviser at the Center for Strategic and
                # International Studies, the tariff …": what the person is, then the clause
                comma = described_end
        holder = _APPOSITIVE_NAME.match(text, comma + 1, e)
        if holder is None and (given := _GIVEN_NAME_APPOSED.match(text, comma + 1, e)) is not None \
                and known_first_name(given.group(1).lower()):
            holder = given  # "According to his wife, Amanda, Huber succumbed …": her first name
        if holder is None and (described := _ROLE_THEN_NAME.match(text, comma + 1, e)) is not None \
                and _role_words(described.group(1)):
            holder = described  # "According to the festival's founder, Egyptian novelist Ahdaf Soueif, …"
        if holder is not None and frame.mention.kind in ("definite", "anonymous") \
                and one_person(frame.mention.name) is not None:
            # "According to the El Paso mayor, Dee Margo, …": the person so described
            group = holder.lastindex or 1  # (the name's group: the last, after any role)
            frame.mention = Mention(holder.start(group), holder.end(group), "person", holder.group(group),
                                    role=frame.mention.role or frame.mention.name)
            comma = holder.end() - 1
        aside = _TIME_ASIDE.match(text, comma + 1, e)
        if aside is not None:
            comma = aside.end() - 1  # "…, during the weekend, police were …": the clause after
        start, end = _trim_clause(text, comma + 1, _before_next_speaker(doc, frame, comma, e))
        if len(text[start:end].split()) < 3:
            continue
        if _outlet_only(doc, frame):
            if not _has_quote(doc, start, end):
                _add_outlet_clause(doc, start, end, frame)
            continue
        _add_clause(doc, start, end, "according_to", frame, CONFIDENCE["according_to"])


#: A lower-case finite auxiliary inside a phrase (no speaker's noun phrase holds one).
_AUXILIARY = re.compile(r"[ ](?:" + "|".join(sorted(lx.AUXILIARIES)) + r")[ ]")
#: How far back a paragraph's start is looked for (characters): a long text with no line breaks
#: is read as one paragraph there, and each look stays short.
_PARAGRAPH_REACH = 5_000
#: In the sentence an unnamed person opens, what makes them one acted on or spoken of, not a
#: speaker: a passive ("was arrested", "were taken"), a death or an injury.
_DONE_TO_LEAD = re.compile(r"\b(?:(?:was|were|has been|have been|had been|is being|was being)[ ]"
                           r"(?:[a-z]+ly[ ])?(?:[a-z]+ed|taken|shot|held|hit|caught|found|seen|stabbed|"
                           r"beaten|brought|driven|given|sentenced|charged|killed|hurt|bitten|struck|"
                           r"thrown|stolen|born)\b|died|drowned|killed|injured|wounded|dead\b)")
#: An aside set off by two dashes that ends right before a cue ("— the implementing body for
#: the Convention — said"), with no sentence end inside it.
_DASH_CLOSED_ASIDE = re.compile(r"[ ][—–][ ][^—–.!?\n]{3,160}[ ][—–][ ]")
#: One capitalised word set off by commas: a first name given alone ("his wife, Amanda,").
_GIVEN_NAME_APPOSED = re.compile(r"[ ]([A-Z][a-z]+),")
#: A person's name set off by commas right after a description ("the El Paso mayor, Dee Margo,").
_APPOSITIVE_NAME = re.compile(r"[ ]((?:[A-Z][\w’'-]+[ ]){1,2}[A-Z][\w’'-]+),")
#: The same, its role before it: "the festival's founder, Egyptian novelist Ahdaf Soueif,".
_ROLE_THEN_NAME = re.compile(r"[ ]((?:[A-Z][a-z]+[ ])?[a-z]+(?:[ ][a-z]+){0,2})[ ]"
                             r"((?:[A-Z][\w’'-]+[ ]){1,2}[A-Z][\w’'-]+),")
#: Prepositions that no role before a name holds ("troops from North Korea").
_PREPOSITION_WORDS = word_set("in from of at for with by to on near across over under about")


def _role_words(words: str) -> bool:
    """Are ``words`` a role before a name ("Egyptian novelist", "senior analyst"): a title, an
    occupation or a post last, no determiner or preposition among them (not "prosecutors in" of
    "prosecutors in Fulton County, Georgia,", nor "troops from")?"""
    low = words.lower().split()
    return bool(low) and not any(w in lx.DETERMINERS or w in lx.GLUE or w in _PREPOSITION_WORDS
                                 for w in low) \
        and (low[-1] in lx.OCCUPATION_WORDS or low[-1] in lx.POSITION_HEADS or low[-1] in lx.TITLE_WORDS) \
        and not low[-1].endswith("s")


#: A short phrase of time set off by commas ("during the weekend,", "on Monday,").
_TIME_ASIDE = re.compile(r"[ ](?:during|on|over|earlier|later|late|last|this)\b[ ][^,]{2,25},")
#: Connectives that may open a sentence before "according to" ("For example, according to …").
_CONNECTIVE_OPENER = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Now|Also|Indeed|However|Moreover|Meanwhile|Instead|Similarly|"
    r"Likewise|Further|Furthermore|Overall|Separately|Elsewhere|Again|"
    r"For example|For instance|In fact|In addition|At the same time|By contrast|In contrast|"
    r"Even so|Last year|This year),?[ ]+)+")
#: "that" as a demonstrative before a noun and a colon: "answered that question: “…”".
_DEMONSTRATIVE_THAT = re.compile(r"[ ]+that(?:[ ]+[a-z-]+){1,3}[ ]*:[ ]*[“\"]")
#: A witness's cue to a court, then the subject of a clause without "that" and its own verb (not
#: a copula or an auxiliary: "told the jury Roof stood …"; not "told reporters Biden was weak").
_INNER_CLAUSE = re.compile(r"\b(?:told|tells|testified[ ]to)[ ](?:the[ ])?(?:jury|jurors|court|judge)[ ]"
                           r"((?:[A-Z][\w’'-]+)(?:[ ][A-Z][\w’'-]+){0,2}|he|she|they)[ ]"
                           r"(?!(?:was|is|were|are|had|has|would|could|should|will|did)\b)"
                           r"(?:then[ ])?[a-z]{3,}\b")
#: A name in quotation marks right after "called": a few capitalised words ("“White Zombie.”").
_TITLE_IN_MARKS = re.compile(r",?[ ]+[“\"‘](?:[A-Z0-9][\w’'&:-]*[ ]?){1,5}[.,!?]?[”\"’]")
#: An indefinite noun phrase right before a naming cue: "an event dubbed …", "a dish called …".
_THING_NAMED = re.compile(r"\b(?:a|an)[ ](?:[a-z-]+[ ]){0,2}([a-z-]+)[ ]$")
#: An indefinite pronoun whose relative clause a cue ends: "anything (that) the host asked".
_WHAT_WAS_SAID = re.compile(r"\b(?:anything|everything|something|nothing|whatever)[ ](?:that[ ])?$",
                            re.IGNORECASE)
#: What joins the clause of "According to X, …" to another speaker's after it (", and", "; but").
_JOINED_TO_NEXT = re.compile(r"[\s,;]*(?:\b(?:and|but|while|whereas|as|though|although)\b)?[\s,;]*$")


def _before_next_speaker(doc: _Document, frame: _Frame, comma: int, end: int) -> int:
    """Where the clause of "According to X, …" ends: at the sentence's end, or before the
    subject of another speaker's frame later in it ("According to police, the man fled, and
    witnesses said he was armed": the police say only that the man fled)."""
    for other in doc.frames_by_sentence.get(frame.sentence[0], ()):
        if other is not frame and other.mention is not None and comma < other.mention.start < end:
            if _NESTED_REPORT_AFTER.fullmatch(doc.text, comma, min(other.start, other.mention.start)):
                # "According to a source, Kelly told Murdoch that …": the source reports the
                # whole of Kelly's report (and Kelly's clause is a record of its own)
                continue
            cut = _JOINED_TO_NEXT.search(doc.text, comma, other.mention.start)
            end = cut.start() if cut is not None else other.mention.start
    return end


#: A clause cut off after its auxiliary or copula by a frame in commas ("One child was, …").
_ENDS_ON_AUXILIARY = re.compile(r"[ ](?:" + "|".join(sorted(lx.AUXILIARIES)) + r"),[ ]*$")
#: A relative clause about some of what was just said: "some of whom", "many of which".
_OF_WHOM = re.compile(r"(?:some|many|most|all|none|one|two|three|several|few|both|each|half)"
                      r" of (?:whom|which)\b")
#: Words after ", according to X," that carry on the statement before it (no clause of their own).
_CONTINUING_WORDS = word_set("with including among amid leaving bringing making taking to")
#: Words that open a clause of time or condition before the main one ("After the hearing began,").
_SUBORDINATE_OPENERS = word_set("after before when while once since until as if although though because")
#: Conjunctions that open a new clause before ", according to X, …": the clause after is X's.
_CLAUSE_CONJUNCTIONS = word_set("but and yet so while although though because since")


def _according_between_commas(doc: _Document, frame: _Frame) -> None:
    """``…, but, according to Hansen, the tradeoff has been …``: the clause after the frame;
    ``The talks, according to officials, will resume``: the whole sentence, as with a
    parenthetical cue. A frame that closes its sentence is the trailing sieve's."""
    text = doc.text
    s, e = frame.sentence
    before = text[s:frame.cue_start].rstrip()
    after = frame.end
    while after < e and text[after] == " ":
        after += 1
    if not before.endswith(",") or after >= e or text[after] != ",":
        return
    rest = text[after:e].strip(" .!?\"”’)")
    auxiliary = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
    if auxiliary not in lx.AUXILIARIES and (
            _describes_speaker(frame, rest) or _only_outlet_or_adverbial(doc, frame, rest)):
        return  # (after "He had, according to …," the participle is the clause's own verb)
    tail_start, end = _trim_clause(text, after + 1, e)
    tail = tokens(text, tail_start, end)
    copula = auxiliary in _PASSIVE  # "One child was, according to the fire service, among the dead"
    # "Lockbit extorted $500 million, according to the department, as well as causing costs …":
    # the statement goes on after the frame, whatever its verb
    going_on = text.startswith("as well as ", tail_start)
    if not going_on and (len(tail) < 2 or not (_has_verb(tail) or copula)
                         or len(tail) == 2 and tail[0].low not in _FINITE and not copula):
        return  # ("…, according to witness testimony, was Lahav": a verb and its complement)
    lead = before[:-1].rstrip()
    last_word = lead.rsplit(None, 1)[-1].lower() if lead else ""
    lead_start, _ = _trim_clause(text, s, len(lead) + s)
    lead_toks = tokens(text, lead_start, s + len(lead))
    if last_word in _CLAUSE_CONJUNCTIONS:
        start = tail_start  # a clause of its own after the conjunction
    elif lead_toks and lead_toks[0].low in _SUBORDINATE_OPENERS \
            and "," not in text[lead_start:s + len(lead)] and _has_verb(tail):
        # "After the hearing began, according to the lawyer, a barrister arrived …": the clause
        # of time and the main clause after the frame are one statement
        start = lead_start
    elif 2 <= len(lead_toks) <= 4 and lead_toks[-1].low in lx.AUXILIARIES and lead_toks[-1].word.islower() \
            and tail[0].word.isalpha() and tail[0].word.islower() and tail[0].low not in lx.DETERMINERS \
            and (tail[0].low not in lx.ADVERBIAL_PREPOSITIONS or lead_toks[-1].low in _PASSIVE):
        # "He had, according to the Post, killed and eaten a rabbit …"; "One child was, according
        # to the fire service, among the dead"
        start = lead_start
    elif _OF_WHOM.match(text, tail_start) and _has_verb(tokens(text, lead_start, s + len(lead))):
        # "At least 17 died and 35 were rescued, according to officials, some of whom were
        # hospitalised": the relative clause goes on with the statement before the frame
        start = lead_start
    elif tail[0].low in _CLAUSE_CONJUNCTIONS and tail[0].low not in ("so", "because", "since"):
        # "James had wanted Ailes fired, according to a person close to the family, but Rupert
        # decided …": the clause before is the source's; the one after the conjunction is not
        start, end = _trim_clause(text, s, len(lead) + s)
        if not _has_verb(tokens(text, start, end)):
            return
    elif tail[0].low == "that" and lead_toks and lead_toks[-1].word.isalpha() \
            and lead_toks[-1].word.islower() and lead_toks[-1].low not in lx.DETERMINERS \
            and lead_toks[-1].low not in lx.ADVERBIAL_PREPOSITIONS \
            and _has_verb(lead_toks) and "," not in text[lead_start:s + len(lead)]:
        # "Kelly had begun to speculate, according to one source, that Trump …": the verb before
        # the frame takes the clause after it; the source reports the whole sentence
        start = lead_start
    elif tail[0].low in _CONTINUING_WORDS or going_on:
        # "…, it began with a surge, according to Project Jonah, with 140 whales dying …": the
        # frame sits inside one statement that goes on after it
        start, _ = _trim_clause(text, s, len(lead) + s)
        if not _has_verb(tokens(text, start, s + len(lead))):
            return
    else:
        start, _ = _trim_clause(text, s, len(lead) + s)
        head = tokens(text, start, s + len(lead))
        if not head or len(head) > 12 or "," in text[start:s + len(lead)] or _has_verb(head):
            return  # not a subject set off by the frame: a clause of its own before it
    mention = frame.mention
    if mention is None:
        return
    if _outlet_only(doc, frame):
        if not _has_quote(doc, start, end):
            doc.claims.append(_Claim(start, end, "indirect", "according_to", None, frame.para, 0.4,
                                     outlet=_outlet_name(text, tokens(text, mention.start, mention.end))))
        return
    _add_clause(doc, start, end, "according_to", frame, CONFIDENCE["according_to"])


def _sieve_carry_over(doc: _Document) -> None:
    """A sentence that is only a quote belongs to whoever was quoted just before it."""
    text = doc.text
    for s, e, _para in doc.sentences:
        if _frames_in(doc, s):
            continue
        quotes = [q for q in _sentence_quotes(doc, s, e) if q.start not in doc.claimed]
        if not quotes:
            continue
        # Once per sentence, not once per quote (which made a long sentence of quotes quadratic):
        # the first and last characters that are more than punctuation, and the first non-space.
        body = text[s:e]
        first_word = s + len(body) - len(body.lstrip(_BARE))
        last_word = s + len(body.rstrip(_BARE)) - 1
        first_text = s + len(body) - len(body.lstrip())
        for q in quotes:
            if q.multi:
                outside = first_text < q.start - 1
            else:
                outside = first_word < q.start - 1 or last_word >= min(q.end + 1, e)
            if outside or _quoted_heading(doc, q):
                continue
            _add(doc, q, "direct", "carry_over", None)


#: A numbered heading's number ("3. ").
_HEADING_NUMBER = re.compile(r"\d{1,2}[.)] +")


def _quoted_heading(doc: _Document, q: Span) -> bool:
    """``3. "Not some irregular channel"``, ``"My fears have been realized"``: a paragraph that is
    only a short quotation with no sentence end inside it, numbered or not, is a section heading
    (quoting words the section goes on to give with their speaker), no statement of its own."""
    text = doc.text
    start, end = doc.paras[_para_of(doc, q.start)]
    number = _HEADING_NUMBER.match(text, start, end)
    head = number.end() if number is not None else start
    words = text[q.start:q.end].strip()
    return head == q.start - 1 and end <= q.end + 1 and len(words.split()) <= 10 \
        and words[-1:] not in (".", "!", "?", "…", ",")


#: What may stand around a quote that is a sentence of its own.
_BARE = " .,;:!?\"”’()"
_NOT_SPACE = re.compile(r"\S")


def _sieve_unattributed(doc: _Document) -> None:
    """A full-sentence quote nobody is named for: kept, with no speaker and low confidence."""
    text = doc.text
    for q in doc.quotes:
        if q.start in doc.claimed:
            continue
        body = text[q.start:q.end].strip()
        if len(body.split()) >= 6 and body[:1].isupper():
            _add(doc, q, "direct", "unattributed", None)


def _group_partials(doc: _Document) -> None:
    """Quoted words of one frame that no reported clause took: one ``mixed`` attribution per
    frame, whose content is what the cue governs (``called the plan “reckless” and “a gift”``:
    the words after the cue; ``Kim set for “full-scale visit” says Kremlin``: the words before)."""
    text = doc.text
    groups: dict[int, list[_Claim]] = {}
    for claim in doc.claims:
        if claim.kind == "partial" and not claim.absorbed and claim.frame is not None:
            groups.setdefault(id(claim.frame), []).append(claim)
    # Per sentence, the cue starts and frame ends of its speakers, sorted (looked up by bisection,
    # so a sentence dense with cues is not read once per cue).
    bounds: dict[int, tuple[list[int], list[int]]] = {}
    for members in groups.values():
        members.sort(key=lambda c: c.start)
        frame = members[0].frame
        assert frame is not None
        s, e = frame.sentence
        lo = min(c.outer[0] if c.outer else c.start for c in members)
        hi = max(c.outer[1] if c.outer else c.end for c in members)
        if s not in bounds:
            speaking = [f for f in _frames_in(doc, s) if f.mention is not None]
            bounds[s] = (sorted(f.cue_start for f in speaking), sorted(f.end for f in speaking))
        cue_starts, ends = bounds[s]
        if lo >= frame.end:
            k = bisect_left(cue_starts, hi)
            stop = cue_starts[k] if k < len(cue_starts) and cue_starts[k] < e else e
            if stop < e:  # "called the plan “reckless” and said …": the next cue's words are not these
                stop = max(hi, text.rfind(",", hi, stop), text.rfind(" and ", hi, stop))
            if frame.cue in _NAMING_CUES and (_REASON_AFTER.match(text, hi, stop)
                                              or text[hi - 2:hi - 1] == ","):
                # "labeled the agreement “a fraud” because …", "who called the bill “reckless,”
                # voted …": what it was called, not why or what the speaker did next
                stop = hi
            start, end = _trim_clause(text, frame.end, stop)
        elif frame.passive:
            # "The closure has been described as “heartbreaking” by …": what was so described,
            # from the sentence's subject to the quoted words
            k = bisect_right(ends, frame.start) - 1
            begin = max(ends[k], s) if k >= 0 and ends[k] <= frame.start else s
            start, end = _trim_clause(text, begin, hi)
        elif hi <= frame.start:
            k = bisect_right(ends, lo) - 1
            begin = max(ends[k], s) if k >= 0 else s
            start, end = _trim_clause(text, begin, frame.start)
        else:
            start, end = lo, hi
        start, end = min(start, lo), max(end, hi)
        if not _only_these(doc, members, start, end):
            start, end = lo, hi
        parts = [part for claim in members for part in claim.parts]
        if len(parts) == 1 and text[start:end].strip(_MARKS).rstrip(",").strip(_MARKS) \
                == text[parts[0][0]:parts[0][1]].strip(_MARKS):
            # ("“The deal is close,” according to a person familiar …": the comma is the frame's)
            members[0].kind = "direct"  # "‘Our patience is running out’: EU warns": only the quote
            continue
        for claim in members:
            claim.absorbed = True
        for claim in doc.claims:
            if claim.frame is frame and claim.kind == "indirect" and not claim.absorbed \
                    and start <= claim.start and claim.end <= end \
                    and not _PARTICIPLE_AFTER_COMMA.search(text, claim.end, lo):
                # "He said there had been no confirmation …, though some have reported seeing
                # something that “seemed” to be the plane": one statement, not the clause cut
                # at the comma and the clause with the quote besides
                claim.absorbed = True
        doc.claims.append(_Claim(start, end, "mixed", members[0].sieve, frame, members[0].para,
                                 max(c.confidence for c in members), parts=parts))


_MARKS = " \"“”„‟«»'‘’‚‛`"


#: ", calling them", ", saying": a participle that opens an act of its own after a clause.
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s+[a-z]+ing\b")


def _only_these(doc: _Document, members: list[_Claim], start: int, end: int) -> bool:
    """True when every quotation inside [start, end) (titles aside) is one of ``members``."""
    for q in doc.spoken_quotes_between(start, end):
        claim = doc.claim_of.get(q.start)
        if claim is None or all(claim is not m for m in members):
            return False
    return True


def _sieve_listed(doc: _Document) -> None:
    """``President Obama also said:`` and then a list, one item a paragraph with no closing
    full stop and no quote mark to open it: each item is what the speaker said, reported (two
    items at least, so that a heading after a colon is not taken for one)."""
    text = doc.text
    framed = {f.para for f in doc.frames}
    before = len(doc.claims)  # (the claims of the sieves before: no two frames' lists share a paragraph)
    earlier: _ClaimIndex | None = None  # (indexed only for a text that has a list)
    for frame in doc.frames:
        if frame.mention is None or frame.according or frame.inverted or frame.cue == ":" \
                or frame.para + 1 >= len(doc.paras) or frame.para + 1 in framed:
            continue
        if text[frame.end:doc.paras[frame.para][1]].strip() != ":":
            continue
        items: list[tuple[int, int]] = []
        for index in range(frame.para + 1, min(len(doc.paras), frame.para + 13)):
            start, end = doc.paras[index]
            item = text[start:end].rstrip()
            if index in framed or not item or item[-1] in _ITEM_ENDS or text[start] in _OPEN_MARKS \
                    or len(item.split()) > 40:
                break
            items.append((start, start + len(item)))
        if len(items) < 2:
            continue
        if earlier is None:
            earlier = _ClaimIndex(doc.claims[:before])
        k = 0
        while k < len(items):
            start, end = items[k]
            if earlier.overlaps(start, end):
                k += 1
                continue  # (a block quotation, or a post and its translation, read it already)
            label = _LISTED_HANDLE.match(text, start, end)
            if label is None:
                _add_clause(doc, start, end, "colon", frame, CONFIDENCE["colon"])
                k += 1
                continue
            # "Monther Hassouneh added:" ⏎ "@mhassouneh:#شكرا على محاربة الفقر" ⏎ "Thank you for
            # fighting poverty": a post quoted by its handle is the words after the handle, and
            # its translation in the item after it is the same words
            parts = [(label.end(), end)]
            if k + 1 < len(items) and not _english(text[label.end():end]) \
                    and _english(text[items[k + 1][0]:items[k + 1][1]]) \
                    and _LISTED_HANDLE.match(text, *items[k + 1]) is None:
                parts.append(items[k + 1])
                k += 1
            doc.claims.append(_Claim(parts[0][0], parts[-1][1], "direct", "colon", frame,
                                     bisect_right(doc.para_starts, start) - 1, CONFIDENCE["colon"],
                                     parts=parts))
            k += 1


#: A post's handle opening a list item: "@mhassouneh:#شكرا …" (no space needed after the colon).
_LISTED_HANDLE = re.compile(r"@\w{2,30}:[ ]*(?=\S)")
#: How a paragraph that is a sentence, not a list item, ends.
_ITEM_ENDS = frozenset(".!?…:\"”’")


SIEVES = (
    _sieve_initials,
    _sieve_direct,
    _sieve_according_around_quote,
    _sieve_colon,
    _sieve_signed,
    _sieve_block,
    _sieve_transcript,
    _sieve_handles,
    _sieve_paren_labels,
    _sieve_qa_labels,
    _sieve_partial,
    _sieve_reported,
    _sieve_trailing,
    _sieve_parenthetical,
    _sieve_as_cue,
    _sieve_passive_report,
    _sieve_according_lead,
    _sieve_listed,
    _sieve_carry_over,
    _sieve_unattributed,
    _group_partials,
)


# -- resolution ---------------------------------------------------------------------------------


#: "Tom Hale, the minister for rail, is now being asked…": a capitalised name of two or more words,
#: then an appositive opening with an article, up to the comma (or verb) that closes it.
_APPOSITIVE = re.compile(
    r"([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){1,3}),[ ](?:the|a|an)[ ]([^,.;:!?\n“”\"()]{3,90}?)"
    r"(?=,|[ ](?:is|was|has|had|who|will|would|says|said|told|tells)\b)")


_SECOND_DESCRIPTION = re.compile(r"[ ]and[ ](?:a|an|the)[ ]")


def _roles_from_appositives(doc: _Document, book: SpeakerBook) -> None:
    """A person quoted with no role takes the one the story gives them elsewhere, in an
    appositive outside any quotation ("Tom Hale, the minister for rail, is now being asked
    about…" before "Hale says…"). One pass over the text."""
    unroled = {s.name: s for s in book.speakers if s.kind == "person" and not s.role}
    if not unroled:
        return
    text = doc.text
    for match in _APPOSITIVE.finditer(text):
        if doc.inside_quote(match.start()):
            continue
        words = match.group(1).split(" ")
        # "Meanwhile Tom Hale": the longest tail of the capitalised run that is a speaker
        speaker = next((unroled[name] for k in range(len(words) - 1)
                        if (name := " ".join(words[k:])) in unroled), None)
        if speaker is None or speaker.role:
            continue
        head = Mention(match.start(1), match.end(1), "person", speaker.name)
        # "the Tory deputy chair and a member of the committee": the first description is the role
        end = match.end(2)
        second = _SECOND_DESCRIPTION.search(text, match.start(2), end)
        found = _apply_appositive(text, head, tokens(text, match.start(2), second.start() if second else end))
        if found.role:
            speaker.add_role(found.role)
            speaker.organisation = speaker.organisation or found.organisation


#: A sentence that opens on a description in lower case (after a possessive name, or one
#: capitalised word opening the sentence), then a full name and a verb: "Former business partner
#: Tony Bobulinski held", "Hunter Biden's former business partner Tony Bobulinski held".
_DESCRIPTION_THEN_NAME = re.compile(
    r"(?:(?:[A-Z][\w.-]*[ ]){0,2}[A-Z][\w.-]*['’]s[ ]|[A-Z][a-z]+[ ])(?:[a-z][\w-]*[ ]){0,4}"
    r"([A-Z][\w’'.-]+(?:[ ][A-Z][\w’'.-]+){1,2})(?=[ ][a-z])")
#: A sentence that opens on a description and names someone after its copula: "The first
#: witness at the trial was ", "Among those arrested was ".
_COPULAR_INTRODUCTION = re.compile(r"(?:The|A|An|Another|One|Among)\b[^.,;:“”\"]{0,80}?[ ](?:was|is)[ ]")


def _inside_closed(closed: list[tuple[int, int, int]], starts: list[int], reach: list[int], pos: int,
                   owner: int) -> bool:
    """Is ``pos`` inside one of the ``closed`` spans (sorted by start, with the furthest end so
    far in ``reach``) that another frame than ``owner`` closes? Looks back only as far as a span
    may still hold it."""
    k = bisect_right(starts, pos) - 1
    while k >= 0 and reach[k] > pos:
        start, end, frame = closed[k]
        if start <= pos < end and frame != owner:
            return True
        k -= 1
    return False


def _resolve(doc: _Document) -> list[ExtractedQuote]:
    """Turn claims into quotes: speakers resolved in reading order, carry-overs filled in."""
    text = doc.text
    book = SpeakerBook(text, doc.inside_quote)
    resolved: dict[int, Speaker | None] = {}
    claims = sorted((c for c in doc.claims if not c.absorbed), key=lambda c: (c.start, c.end))
    # Frames are resolved in the order their mentions appear, so "he" means the person before.
    doc.lead_starts = [s for s, _ in doc.lead_spans]
    order = sorted(((f.mention, f) for f in doc.frames if f.mention is not None), key=lambda p: p[0].start)
    mention: Mention | None
    frame: _Frame | None
    outer: _Frame | None = None  # the latest frame whose reported clause may hold others
    # Where the reported words a frame closes begin: names inside them are not whom its "he" or
    # "she" means ("…, the vote was split between Trump and Stein, she said"; "Beijing will look to
    # the incoming Trump administration, he told VOA" after Sullivan's quote)
    reported_from: dict[int, int] = {}
    for claim in claims:
        if claim.frame is not None and claim.kind != "direct" and claim.frame.mention is not None \
                and claim.end <= claim.frame.mention.start \
                and text[claim.frame.sentence[0]:claim.frame.sentence[0] + 12].split(" ", 1)[0].lower() \
                not in _SUBORDINATORS_LEADING - _CONDITIONALS:
            # (only words the frame closes: in "Luhn later moved in, she says, and …" the person
            # the words open with may be the speaker; so may the one of an opening clause: "While
            # the campaign did not appeal to Julie Graham, …, she said"; not a condition's: "If
            # Trump fulfills his promise …, he said")
            reported_from[id(claim.frame)] = min(claim.start, reported_from.get(id(claim.frame), claim.start))
    # The reported words that a frame after them closes: a name opening a frame of its own inside
    # them ("Carter called for cuts …, he said") is only reported on, as inside a clause after a cue
    closed = sorted((c.start, c.end, id(c.frame)) for c in claims
                    if c.frame is not None and c.frame.mention is not None and id(c.frame) in reported_from
                    and c.end <= c.frame.mention.start)
    closed_starts = [start for start, _, _ in closed]
    closed_reach = list(accumulate((end for _, end, _ in closed), max))  # (the furthest end so far)
    for mention, frame in order:
        if mention.kind == "pronoun" and mention.name in ("he", "she") and id(frame) in reported_from:
            mention = replace(mention, start=reported_from[id(frame)], end=reported_from[id(frame)])
        if mention.kind == "pronoun" and mention.name in ("he", "she") or mention.kind == "definite" \
                and leads_to_person(mention.name):
            lead = doc.lead_person_before(mention.start, max(book.last_person_at, book.last_source_at),
                                          book.knows)
            if lead is not None and mention.kind == "pronoun" \
                    and text[lead.end:mention.start].strip() == ",":
                # "Trump, he said, was a liar": the one spoken of, not the speaker; the person
                # opening a sentence before may be
                spoken_of = lead.name.rsplit(None, 1)[-1]
                while lead is not None and lead.name.rsplit(None, 1)[-1] == spoken_of:
                    lead = doc.lead_person_before(lead.start, max(book.last_person_at,
                                                                  book.last_source_at), book.knows)
            if lead is not None:
                book.note_person(lead)
        nested = _inside_clause(outer, frame) or mention.kind != "pronoun" \
            and _inside_closed(closed, closed_starts, closed_reach, mention.start, id(frame)) \
            and book.last_person_at >= text.rfind("\n", max(0, mention.start - _PARAGRAPH_REACH),
                                                  mention.start) + 1
        # (only with another person quoted in the paragraph before it, whom the closing pronoun
        # may mean: "Jose Martinez told his manager that he could not work, he said" is Martinez)
        teller = resolved.get(id(outer)) if nested and outer is not None else None
        if teller is not None and mention.kind == "pronoun" and mention.name in ("he", "she") \
                and _may_be_one(teller, "m" if mention.name == "he" else "f") \
                and outer is not None and outer.clause_start is not None \
                and _SOMEONE_NAMED.search(text, outer.clause_start, mention.start) is None:
            # "A former booker told me that her parents called the police after she told them …":
            # the pronoun inside the teller's clause is the teller
            resolved[id(frame)] = teller
            continue
        # (a named source whose words the text quotes right before "according to" speaks as any
        # speaker does: "“…,” according to a statement from Lee Gelernt. “…,” he added")
        cited = frame.according and not (mention.kind == "person" and _CLOSING_QUOTE_BEFORE.search(
            text, max(0, frame.cue_start - 4), frame.cue_start))  # (not "according to an aide")
        resolved[id(frame)] = book.resolve(mention, frame.cue,
                                           nested=nested or _backgrounded(doc, frame, book),
                                           source_only=cited)
        if not nested:
            outer = frame
    book.full_names(text)
    _roles_from_appositives(doc, book)
    results: list[tuple[_Claim, Speaker | None]] = []
    last: tuple[int, Speaker | None] | None = None  # (paragraph, speaker) of the quote before
    for claim in claims:
        speaker = resolved.get(id(claim.frame)) if claim.frame is not None else None
        # "“… Do you dispute that?” Alito asked.\n\n“There can be …”": the answer of the
        # person quoted before the asker, not more of the question
        answerer = _answerer(doc, claim, results) if claim.sieve == "carry_over" and claim.frame is None \
            else None
        # The statement before carries on (its speaker, found or not, is this one's).
        if answerer is None and results and _continues(doc, results[-1][0], claim):
            _extend(results[-1][0], claim)
            continue
        if claim.sieve == "carry_over" and results:
            # "Tom Hale said … Mayor Ana Lopes was blunt. “…”": a person named as a subject since
            # the quote before is who speaks now
            speaker = _lead_speaker(doc, book, claim, results)
        if answerer is not None and speaker is None:
            speaker = answerer
        elif claim.sieve == "carry_over":
            if last is None or claim.para - last[0] > 1 or last[1] is None:
                if claim.frame is None and len(text[claim.start:claim.end].split()) < 6:
                    continue
                claim.sieve, claim.confidence = "unattributed", CONFIDENCE["unattributed"]
            else:
                speaker = last[1]
        if speaker is None and claim.frame is None and claim.kind == "direct":
            speaker = _lead_speaker(doc, book, claim, results)
        if claim.sieve != "unattributed":
            last = (claim.para, speaker)
        results.append((claim, speaker))
    aliases: dict[int, set[str]] = {}
    for claim, speaker in results:
        if speaker is not None and claim.frame is not None and claim.frame.mention is not None:
            mention = claim.frame.mention
            if mention.kind not in ("pronoun", "definite") and _names_someone(mention.name):
                aliases.setdefault(speaker.index, set()).add(mention.name)
    out = []
    for claim, speaker in results:
        frame = claim.frame
        mention = frame.mention if frame is not None else None
        out.append(
            ExtractedQuote(
                text=text[claim.start:claim.end],
                start=claim.start,
                end=claim.end,
                kind=claim.kind,
                cue=frame.cue if frame is not None else None,
                speaker=speaker.name if speaker is not None else None,
                speaker_start=mention.start if mention is not None else None,
                # (within the text, whatever a mention built from odd characters claims)
                speaker_end=min(mention.end, len(text)) if mention is not None else None,
                speaker_kind=(speaker.kind if speaker is not None
                              else (_pronoun_kind(mention) if mention is not None else None)),
                role=speaker.role if speaker is not None else None,
                organisation=speaker.organisation if speaker is not None else None,
                outlet=claim.outlet or (frame.outlet if frame is not None else None),
                sieve=claim.sieve,
                confidence=round(claim.confidence * (0.9 if mention is not None
                                                     and mention.kind == "pronoun" else 1.0), 3),
                speaker_index=speaker.index if speaker is not None else None,
                speaker_aliases=tuple(sorted(aliases.get(speaker.index, ())))
                if speaker is not None else (),
                mention=text[mention.start:mention.end] if mention is not None else None,
                parts=tuple(claim.parts),
            )
        )
    return out


def _names_someone(mention: str) -> bool:
    """Whether a mention is a name, fit to be a speaker's alias: it has a capital letter. "The
    company" that meant Valve in one post is no name of Valve's: in another it is another firm."""
    words = mention.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return any(ch.isupper() for word in words for ch in word)


def _lead_speaker(doc: _Document, book: SpeakerBook, claim: _Claim,
                  results: list[tuple[_Claim, Speaker | None]]) -> Speaker | None:
    """A quote no frame reaches, in the paragraph of a named person or the one after it
    ("Mayor Ana Lopes was blunt.\n\n“We have no money left.”"): that person's words. Only a
    person named as the subject of a sentence since the quote before counts."""
    floor = doc.para_starts[claim.para - 1] - 1 if claim.para > 0 else -1
    if results:
        floor = max(floor, results[-1][0].end)
    lead = doc.lead_person_before(claim.start, floor, book.knows)
    if lead is not None and lead.kind == "definite" and leads_to_person(lead.name):
        # "The Labour leader was unimpressed. “…”": the person the description means
        claim.sieve, claim.confidence = "lead", CONFIDENCE["lead"]
        return book.resolve(lead)
    if lead is None or lead.kind != "person":
        return None
    first = lead.name.split(None, 1)[0].lower()
    if " " not in lead.name and not book.knows(lead.name) or " " in lead.name and not lead.role \
            and first not in lx.FEMALE_FIRST_NAMES and first not in lx.MALE_FIRST_NAMES:
        return None  # a person by a first name or a title, not a title in capitals ("Stop Making New Oreos")
    claim.sieve, claim.confidence = "lead", CONFIDENCE["lead"]
    return book.resolve(lead)


#: What may stand between two quotations of one statement, besides the frame's sentence.
_BETWEEN = frozenset(" \t\r\n.,;:!?…—–-\"“”„‟«»'‘’")


def _continues(doc: _Document, before: _Claim, claim: _Claim) -> bool:
    """Does ``claim`` carry on the direct quotation ``before`` as one statement?

    ``“A,” he said. “B.”``, ``“A,” said X, “B.”`` and a quote that continues in the next
    paragraph with no cue of its own are one attribution; a quote with a cue of its own, or one
    that narrative separates from the last, is another."""
    if before.kind != "direct" or claim.kind != "direct" or before.sieve == "unattributed" \
            or claim.start < before.end:  # a quote inside a quote is no continuation
        return False
    if claim.frame is not None:
        if claim.frame is not before.frame:
            return False
    elif claim.sieve not in ("carry_over", "unattributed"):
        # (a quote that opens the sentence after the frame's and ends inside it, "“A,” the
        # official said. “B, but C” in the number of sightings.", goes on with A as well)
        return False
    text = doc.text
    if claim.sieve == "unattributed" and "\n" in text[before.end:claim.start]:
        return False  # (in a paragraph of its own: "‘BoC to stay on sidelines’: TD Economics")
    frame = before.frame
    gap = text[before.end:claim.start]
    if frame is not None and before.end <= frame.start and frame.sentence[1] <= claim.start + 1 and (
            frame.inverted or frame.sentence[1] - frame.end <= _TRAILING_REST and _closes_frame(
                doc, frame, text[frame.end:frame.sentence[1]].strip(" .!?\"”’)"))):
        # The frame and what closes its sentence are no narrative: "…,” he said in a briefing.
        # “B”, "…,” said X, a scientist at the university. “B”
        gap = _before_modifiers(text[before.end:frame.start]) + text[frame.sentence[1]:claim.start]
    elif frame is not None and before.end <= frame.start < claim.start:
        gap = _before_modifiers(text[before.end:frame.start]) + text[frame.end:claim.start]
    return all(ch in _BETWEEN for ch in _without_captions(gap))


#: Up to three words in lower case ending a stretch: "newly reelected ".
_LOWER_CASE_TAIL = re.compile(r"(?:[a-z][a-z-]*[ ]){1,3}$")


def _before_modifiers(lead: str) -> str:
    """The text between a quote and its frame without the words in lower case that describe
    the speaker right before the name ("“…,” newly reelected House Speaker Mike Johnson said")."""
    tail = _LOWER_CASE_TAIL.search(lead)
    if tail is None or any(w in lx.CUE_VERBS or w in lx.GLUE or w in _CLAUSE_WORDS
                           for w in tail.group().split()):
        return lead
    return lead[:tail.start()]


#: A paragraph that is page furniture: a photo caption or a subheading ("Hori Parata at his farm,
#: the place where he was born", "whale strandings"): no quote mark, no sentence end, short.
_CAPTION = re.compile(r"[^\n“”\"«»]{1,300}(?<![.!?…:;”\"’'])")


def _without_captions(gap: str) -> str:
    """The text between two quotes without the whole paragraphs in it that are captions or
    headings: a quote that goes on after a photo's caption is still one statement."""
    lines = gap.split("\n")
    if len(lines) < 3:
        return gap
    inner = [line for line in lines[1:-1] if not _CAPTION.fullmatch(line.strip())]
    return "\n".join([lines[0], *inner, lines[-1]])


def _asks(text: str, claim: _Claim) -> bool:
    """Does the direct quotation end with a question (put to someone who may answer next)?"""
    return claim.end > claim.start and text[claim.end - 1] == "?"


def _answerer(doc: _Document, claim: _Claim, results: list[tuple[_Claim, Speaker | None]]) -> Speaker | None:
    """A quote with no cue of its own in the paragraph after a quoted question (“… Do you
    dispute that?” Alito asked.\n\n“There can be …”) is the answer: its speaker is the person
    quoted before the one who asked, when the two were quoted in turn in the paragraphs before."""
    if not results:
        return None
    before, asker = results[-1]
    if asker is None or asker.kind != "person" or before.kind != "direct" \
            or not _asks(doc.text, before) or claim.para - before.para != 1:
        return None
    for earlier, speaker in reversed(results[-4:-1]):
        if speaker is asker:
            continue
        if speaker is not None and speaker.kind == "person" and earlier.kind == "direct" \
                and before.para - earlier.para <= 2:
            return speaker
        return None
    return None


#: Short clauses that say when or how a statement was made, closing its frame's sentence.
_FRAME_CLAUSES = frozenset(["as", "while", "when", "before", "after"])
#: Short phrases that say where it was said, or of whom, closing its frame's sentence.
_FRAME_PLACES = frozenset(["aboard", "outside", "of", "from", "at", "alongside"])


def _closes_frame(doc: _Document, frame: _Frame, rest: str) -> bool:
    """What follows a frame before its sentence ends belongs to it: an adverbial, an outlet, or
    the person spoken to ("he said to the driver")."""
    words = rest.split()
    if words and words[0] == "to" and len(words) <= 5:
        return True
    if 2 <= len(words) <= 10 and words[0] in ("that", "who") and frame.cue in lx.ADDRESSEE_CUES \
            and (words[1] in _FINITE or words[1].endswith("ed")) \
            and not any(w.lower() in lx.CUE_VERBS for w in words[1:]) and "," not in rest:
        return True  # "…,” Gates told an audience that included retired Marines. “…”
    if words and frame.cue in lx.ADDRESSEE_CUES and len(words) <= 5 and "," not in rest \
            and not _has_verb(tokens(rest, 0, len(rest))):
        return True  # "Thomas allegedly told a supervisor": the person spoken to
    comma = rest.find(",")
    if frame.cue in lx.ADDRESSEE_CUES and comma > 0 and len(rest[:comma].split()) <= 4 \
            and not _has_verb(tokens(rest, 0, comma)):
        rest = rest[comma:]  # "told her, repeatedly calling for …": past the person spoken to
        words = rest.split()
    if rest.startswith(",") and len(words) <= 20 and not any(c in rest for c in _OPEN_MARKS):
        lead = [w.lower() for w in rest[1:].split()[:2]] or [""]
        participle = lead[1] if lead[0].endswith("ly") and len(lead) > 1 else lead[0]
        after = rest.split(participle, 1)[-1].split()[:1] if participle else []
        calling_for = participle == "calling" and after in (["for"], ["on"])
        if participle.endswith("ing") and (participle not in _CUE_PARTICIPLES or calling_for):
            return True  # "…,” Sasse told her, repeatedly calling for an explanation. “…”
    if words and words[0] in _FRAME_CLAUSES and len(words) <= 8:
        return True  # "he says as we drive on": when and where it was said
    if words and words[0] in _FRAME_PLACES and len(words) <= 7:
        return True  # "told reporters aboard Air Force One", "he said of his party's members"
    if words and (words[0] in _FRAME_PLACES or words[0] in lx.ADVERBIAL_PREPOSITIONS) and len(words) <= 16 \
            and not _has_verb(tokens(rest, 0, len(rest))):
        # "Hansen said alongside other scientists in a webinar introducing his new paper on
        # Nov. 2.": where and when, however long, as long as no clause of its own follows
        return True
    return _only_outlet_or_adverbial(doc, frame, rest)


def _extend(before: _Claim, claim: _Claim) -> None:
    """``claim`` becomes the continuation of ``before`` (one record, a part more)."""
    before.end = claim.end
    before.parts.extend(claim.parts)
    before.para = claim.para


#: A person named in a clause: a title and a name, or a first name and a surname ("that Sen.
#: Ann Wells shouted at her after she …": "she" may be Ann Wells, not who told it).
_SOMEONE_NAMED = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ ]|[A-Z][a-z]+[ ])[A-Z][a-z]+")


def _may_be_one(speaker: Speaker, gender: str) -> bool:
    """Can "he" or "she" (``gender``) be ``speaker``: one person of that gender, or an unnamed
    one of no known gender ("a former booker")?"""
    if speaker.kind == "person":
        return speaker.gender == gender
    return speaker.kind == "anonymous" and speaker.gender in (None, gender) \
        and one_person(speaker.name) in ("", gender)


def _inside_clause(outer: _Frame | None, frame: _Frame) -> bool:
    """Is ``frame`` said inside ``outer``'s reported clause ("Jim Cole said Tom Ward had told him
    …")? Then a later "he" still means Jim Cole, the subject of the attribution."""
    return outer is not None and outer.sentence == frame.sentence and outer.clause_start is not None \
        and frame.mention is not None and outer.clause_start <= frame.mention.start \
        and (outer.clause_end is None or frame.mention.start < outer.clause_end)


#: What puts a speaker in the background of a sentence about someone else: a subordinate
#: clause ("a day after Jeb Bush said") or a relative clause on an object ("attacked Jeb Bush,
#: who said").
_BACKGROUND_CLAUSE_BEFORE = re.compile(r"\b(?:after|before|since|when|while|until|because|as)[ ]$")
_RELATIVE_ON = re.compile(r",[ ]who[ ](?:[\w-]+[ ]){0,2}")
#: A sentence that opens on its subject: a pronoun or a capitalised name (possessive allowed).
_SUBJECT_OPENING = re.compile(r"(?:(He|She)|([A-Z][\w-]+)(?:['’]s)?)\b")


def _backgrounded(doc: _Document, frame: _Frame, book: SpeakerBook) -> bool:
    """"He also attacked Jeb Bush, who said Trump was “unhinged.” ¶ “…,” he said": a person
    quoted in a subordinate or relative clause of a sentence whose subject is someone already
    quoted (a pronoun or a known name opening it) does not take over who a later "he" means;
    the sentence is still about its subject."""
    mention = frame.mention
    if mention is None or mention.kind != "person":
        return False
    text = doc.text
    start = frame.sentence[0]
    if not (_BACKGROUND_CLAUSE_BEFORE.search(text, max(start, mention.start - 8), mention.start)
            or mention.start > start and _RELATIVE_ON.fullmatch(text, mention.end, frame.cue_start)):
        return False
    if text[max(start, mention.start - 4):mention.start].rstrip().endswith(" by"):
        return False  # "Hale was rebuked by Sen. Mitt Romney, who said …": the agent is in front
    opening = _SUBJECT_OPENING.match(text, start)
    if opening is None or opening.end() > mention.start:
        return False
    if opening.group(1) is not None:
        return True
    word = opening.group(2)
    return word.lower() not in _NOT_LEADS and book.knows(word) and word not in mention.name.split()


def _pronoun_kind(mention: Mention) -> str | None:
    if mention.kind == "label":
        return "person"  # "Q:" and "A:" are people, even when the text never names them
    if mention.kind == "pronoun":
        return "person" if mention.name in ("he", "she") else "organisation"
    return mention.kind if mention.kind != "definite" else "anonymous"


_OUTLET_CONTEXT = re.compile(
    r"\b(?:interview with|speaking to|speaking with|told|according to|reported by|appearance on|"
    r"on|to)\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,3})"
)


def _outlets_in(doc: _Document, s: int, e: int) -> list[tuple[int, str]]:
    """Outlets a sentence names as the addressee or reporter of a statement."""
    found: list[tuple[int, str]] = []
    if e - s > _MAX_SENTENCE:
        return found
    for match in _OUTLET_CONTEXT.finditer(doc.text, s, e):
        if doc.inside_quote(match.start(1)):
            continue
        toks = tokens(doc.text, match.start(1), match.end(1))
        name = _outlet_name(doc.text, toks) if toks else None
        if name:
            found.append((match.start(1), name))
    return found


#: Between "According to X" and the next speaker's subject: the comma, and at most a short aside
#: in commas ("According to Carlson’s attorney, in 2002, Laterza remarked …").
_NESTED_REPORT_AFTER = re.compile(r",[ ]+(?:[^,.;:!?]{1,30},[ ]+)?")


def _leads_sentence(text: str, frame: _Frame) -> bool:
    """Does the frame open its sentence (after a connective at most: "But according to …")?"""
    s = frame.sentence[0]
    if not text[s:frame.cue_start].strip():
        return True
    opener = _CONNECTIVE_OPENER.match(text, s, frame.cue_start)
    return opener is not None and opener.end() == frame.cue_start


def _sentence_outlets(doc: _Document) -> None:
    """``…, according to CBS`` after a frame that already has a speaker names the outlet."""
    by_sentence: dict[int, list[_Frame]] = {}
    for frame in doc.frames:
        by_sentence.setdefault(frame.sentence[0], []).append(frame)
    keep: list[_Frame] = []
    for frames in by_sentence.values():
        speaking = [f for f in frames if not f.according and f.mention is not None]
        according = [f for f in frames if f.according]
        targets = dict(zip(map(id, according), _nearest_each(speaking, [f.cue_start for f in according]),
                           strict=True)) if speaking else {}
        for frame in frames:
            if frame.according and speaking and frame.source_phrase:
                continue  # "X said …, according to a poll": the poll is not who said it
            if frame.according and speaking:
                outlet = _outlet_name(doc.text, tokens(doc.text, frame.mention.start,
                                                       frame.mention.end)) if frame.mention else None
                target = targets[id(frame)]
                if target.mention is not None and frame.end < target.mention.start \
                        and _leads_sentence(doc.text, frame) \
                        and _NESTED_REPORT_AFTER.fullmatch(doc.text, frame.end,
                                                           min(target.start, target.mention.start)):
                    # "According to a source, Kelly told Murdoch that …", "According to CNN, a
                    # source told them …": the source reports the other's report (a record of
                    # its own, holding the other's)
                    if outlet and not target.outlet:
                        target.outlet = outlet
                    keep.append(frame)
                    continue
                if target.mention is not None and frame.end < target.mention.start and len(
                        doc.text[frame.end:target.mention.start].split()) >= 4:
                    # "According to police, the man fled, and witnesses said …": a source of
                    # its own for the clause before the other speaker's (not "According to CBS,
                    # Smith said …", where CBS reports Smith's words)
                    keep.append(frame)
                    continue
                if target.cue_start > frame.end and _CLAUSE_AFTER_SOURCE.match(doc.text, frame.end):
                    # "The mayor ordered it, according to prosecutors, but his office denied it":
                    # the source of the clause before "but", the other speaker's clause after
                    keep.append(frame)
                    continue
                if target.mention is not None and frame.mention is not None \
                        and target.mention.start == frame.mention.start and target.cue_start > frame.end:
                    # "…, according to police, who said officers arrived …": the source's own
                    # statement before, and another after
                    keep.append(frame)
                    continue
                if outlet and not target.outlet:
                    target.outlet = outlet
                if outlet or target.end >= frame.cue_start - 3:
                    if target.end < frame.end and target.sentence == frame.sentence:
                        target.end = max(target.end, frame.end)
                    continue
            keep.append(frame)
    for frames in by_sentence.values():
        missing = [f for f in frames if f.outlet is None and f.mention is not None]
        if not missing:
            continue
        outlets = _outlets_in(doc, *frames[0].sentence)
        for frame in missing:
            for pos, name in outlets:
                if frame.mention is not None and not frame.mention.start <= pos < frame.mention.end:
                    frame.outlet = name
                    break
    doc.frames = sorted(keep, key=lambda f: f.cue_start)
    doc.frames_by_sentence = {}
    for frame in doc.frames:
        doc.frames_by_sentence.setdefault(frame.sentence[0], []).append(frame)


@dataclass(frozen=True)
class Budget:
    """How much of one text extraction reads (None: no limit).

    Counted before any work is done, so the cut falls at the same place on every run and every
    machine: text past ``max_chars``, or past the ``max_candidates``-th quotation mark or speech
    cue, is not read. Extraction is linear, so this bounds the work on one post.
    """

    max_chars: int | None = 2_000_000
    max_candidates: int | None = 40_000


#: The budget of one post's headline or body: far above any article or live blog seen.
DEFAULT_BUDGET = Budget()
#: No limit (the benchmarks read hostile texts whole).
NO_BUDGET = Budget(None, None)
_CANDIDATE_MARKS = "\"“”„‟«»'‘’‚‛"


@lru_cache(maxsize=1)
def _candidate_pattern() -> re.Pattern[str]:
    """What the candidate budget counts: every quotation mark and every speech cue (compiled
    only for a text that may hold more of them than the budget)."""
    return re.compile(r"[\"“”„‟«»'‘’‚‛]|" + CUE_PATTERN.pattern)


def _budget_cut(text: str, budget: Budget) -> tuple[int, str] | None:
    """Where reading stops under ``budget`` (at the paragraph break before it when there is
    one, so no paragraph is read in part), and why; None when the whole text fits."""
    limit, why = len(text), ""
    if budget.max_chars is not None and limit > budget.max_chars:
        limit, why = budget.max_chars, f"{budget.max_chars:,} characters"
    cap = budget.max_candidates
    # A cue is at least four characters with the space after it: most texts need no count, and
    # a long one needs the place of the cap-th candidate only when it holds more than the cap.
    marks = sum(text.count(m, 0, limit) for m in _CANDIDATE_MARKS) if cap is not None else 0
    if cap is not None and marks + limit // 4 > cap \
            and marks + sum(1 for _ in CUE_PATTERN.finditer(text, 0, limit)) > cap:
        for count, match in enumerate(_candidate_pattern().finditer(text, 0, limit), 1):
            if count > cap:
                limit, why = match.start(), f"{cap:,} quotation marks and speech cues"
                break
    if limit >= len(text):
        return None
    para = text.rfind("\n", 0, limit)
    cut = para if para > 0 else limit
    return cut, (f"quotes read up to character {cut:,} of {len(text):,} only: the rest is past "
                 f"the extraction budget of {why}")


def extract_quotes(text: str, *, headline: bool = False,
                   budget: Budget = DEFAULT_BUDGET) -> list[ExtractedQuote]:
    """Every quote in ``text`` with its speaker, in reading order.

    ``headline`` says the whole text is a headline (no closing punctuation, inverted cues such as
    ``… says Kremlin``); single lines that look like headlines are treated so anyway. Never raises
    on odd input: at worst it returns fewer quotes. Text past ``budget`` is not read (see
    :func:`extract_quotes_noted` for the note that says so).
    """
    return extract_quotes_noted(text, headline=headline, budget=budget)[0]


def extract_quotes_noted(text: str, *, headline: bool = False, budget: Budget = DEFAULT_BUDGET
                         ) -> tuple[list[ExtractedQuote], str | None]:
    """:func:`extract_quotes`, and a note when the text was longer than ``budget``: the quotes
    are then those found before the cut, with offsets into the whole text."""
    if not text or not isinstance(text, str):
        return [], None
    cut = _budget_cut(text, budget)
    if cut is None:
        return _extract(text, headline), None
    return _extract(text[:cut[0]], headline), cut[1]


def _extract_split(text: str, headline: bool) -> list[ExtractedQuote]:
    """Read ``text`` with paragraph breaks put back where a page ran its sentences together
    ("…in Virginia.The source said …"), and give the quotes offsets into ``text``."""
    split, breaks = split_run_together(text)
    quotes = _extract_marked(split, headline)
    if not breaks:
        return quotes
    # Break k sits at split offsets [breaks[k] + 2k, breaks[k] + 2k + 2).
    ends = [b + 2 * k + 2 for k, b in enumerate(breaks)]

    def back(pos: int) -> int:
        k = bisect_right(ends, pos)
        return min(pos - 2 * k, breaks[k]) if k < len(breaks) else pos - 2 * k

    out = []
    for q in quotes:
        start, end = back(q.start), back(q.end)
        s_start = back(q.speaker_start) if q.speaker_start is not None else None
        s_end = back(q.speaker_end) if q.speaker_end is not None else None
        out.append(replace(q, start=start, end=end, text=text[start:end],
                           speaker_start=s_start, speaker_end=s_end,
                           mention=text[s_start:s_end] if q.mention is not None and s_start is not None
                           else q.mention,
                           parts=tuple((back(a), back(b)) for a, b in q.parts)))
    return out


def _extract(original: str, headline: bool) -> list[ExtractedQuote]:
    # Two-character marks are read as curly ones in a copy of the same length; the quotes' words
    # are then taken from the text as given.
    text = _without_language_marks(close_spaced_marks(two_mark_quotes(original)))
    quotes = _extract_split(text, headline)
    if text is original:
        return quotes
    out = []
    for q in quotes:
        # A content that opens or closes with a two-character mark takes the whole mark.
        start, end = q.start, q.end
        if text[start] == "“" and original[start - 1:start + 1] in _TWO_CHARACTER_MARKS:
            start -= 1
        if text[end - 1] == "”" and original[end - 1:end + 1] in _TWO_CHARACTER_MARKS:
            end += 1
        out.append(replace(q, start=start, end=end, text=original[start:end],
                           mention=original[q.speaker_start:q.speaker_end] if q.mention is not None
                           else None))
    return out


_TWO_CHARACTER_MARKS = frozenset(["``", "''", "‘‘", "’’"])
#: A link's language, as translated posts mark it: "wrote [ru] in his blog", "tweeted [es]:".
_LANGUAGE_MARK = re.compile(r"(?<=\w) \[[a-z]{2}(?:-[A-Za-z]{2})?\](?=[ :,.;)])")


def _without_language_marks(text: str) -> str:
    """The text with each language mark after a word read as blanks of the same length, so that
    "tweeted [ru]:" is "tweeted:" to the frames (the quotes' words are then taken from the text
    as given)."""
    if " [" not in text:
        return text
    return _LANGUAGE_MARK.sub(lambda m: " " * len(m.group()), text)


def _extract_marked(text: str, headline: bool) -> list[ExtractedQuote]:
    doc = _Document(text, headline)
    _sentence_outlets(doc)
    for sieve in SIEVES:
        sieve(doc)
    quotes = _resolve(doc)
    reporters = _bylines(doc)
    if reporters:
        quotes = [q for q in quotes if not _by_reporter(q, reporters)]
    return quotes


_BYLINE = re.compile(r"(?:By |by |BY )?[A-Z][\w'’.-]+(?: (?:de |van |von |al-)?[A-Z][\w'’.-]+){1,3}")


def _bylines(doc: _Document) -> set[str]:
    """Names on a line of their own ("By Jane Smith", "Simon Atkinson"): the story's reporters. A
    bare name that the running text also names is a photo's label, not a reporter ("Vanessa
    Hicks" under her picture, in a story where "Vanessa Hicks said …")."""
    found = set()
    for start, end in doc.paras:
        if end - start > 60:
            continue
        match = _BYLINE.fullmatch(doc.text, start, end)
        if match is None:
            continue
        line = match.group()
        explicit = line[:3] in ("By ", "by ", "BY ")
        words = (line[3:] if explicit else line).split()
        if any(w.lower() in lx.NOT_NAMES or w.lower() in lx.ORG_NAMES
               or (not explicit and _lexical_word(w)) for w in words):
            continue
        if not explicit and _named_in_running_text(doc, words[-1]):
            continue
        found.add(" ".join(words).casefold())
    return found


def _named_in_running_text(doc: _Document, surname: str) -> bool:
    """Does ``surname`` occur in a paragraph that is more than a name on its line (a story's
    sentences)?"""
    pattern = re.compile(r"(?<![\w’'-])" + re.escape(surname) + r"(?![\w-])")
    # (one search of the whole text, each find placed in its paragraph: a search of each
    # paragraph in turn cost a long text of many short paragraphs more than the rest of its read)
    for match in pattern.finditer(doc.text):
        index = bisect_right(doc.para_starts, match.start()) - 1
        if index < 0:
            continue
        start, end = doc.paras[index]
        if match.end() <= end and pattern.search(doc.text, start, end) and (
                end - start > 60 or not _BYLINE.fullmatch(doc.text, start, end)):
            return True
    return False


def _lexical_word(word: str) -> bool:
    low = word.lower()
    return low in lx.TITLE_WORDS or low in lx.ORG_HEADS or low in lx.ANON_HEADS


def _by_reporter(quote: ExtractedQuote, reporters: set[str]) -> bool:
    """True when a quote's speaker is the reporter named in a byline."""
    if quote.speaker is None or quote.speaker_kind != "person":
        return False
    name = quote.speaker.casefold()
    return name in reporters or any(r.split()[-1] == name for r in reporters)
