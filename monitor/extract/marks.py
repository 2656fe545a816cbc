"""Paragraphs, quotation-mark spans and sentences, located by code-point offsets.

Everything here is a single left-to-right pass over the text (or a regex with no nested
repetition), so the time taken grows linearly with the input, whatever the input is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from monitor.extract.lexicon import word_set

_DOUBLE_MARKS = re.compile(r'["“”„‟«»]')
_SINGLE_MARKS = re.compile(r"['‘’‚‛]")
_OPEN_CONTEXT = frozenset(" \t\r\n([{—–-/\u00a0\u2009\u202f")
_CLOSE_CONTEXT = frozenset(" \t\r\n.,;:!?)]}—–-…\u00a0\u2009\u202f")
_PARAGRAPH = re.compile(r"[^\n]+")
# An HTML tag left in the text: quotation marks inside it are attribute syntax, not quotes.
_TAG = re.compile(r"</?[A-Za-z!][^<>\n]{0,500}>")
# A sentence ends at . ! ? or … (and any closing marks after it) followed by white space. Nested
# closing marks may stand a space apart (`…as you want.’ ” The workers…`).
_SENTENCE_END = re.compile(r"[.!?…]+(?:[\"”’'»)]| (?=[\"”’'»)]))*\s+")
# Words before a full stop that do not end a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sen rep gen lt col maj capt adm sgt cpl st no vs etc jan feb mar apr "
    "jun jul aug sep sept oct nov dec gov pres rev fr jr sr inc corp ltd co brig cmdr insp "
    "det supt u.s u.k u.n e.u a.m p.m i.e e.g approx dept est fig op vol mt ft"
)
#: Abbreviations that often end a sentence too (a company's name): before an opening quotation
#: mark they do (`…of Yearout Mechanical Inc. “The economy went south.”`).
_CLOSING_ABBREVIATIONS = word_set("inc corp ltd co llc plc bros")
#: Abbreviations that end a sentence when a sentence's first word follows them ("… around
#: 1:40 p.m. The tornado …", "… in the U.K. The U.S. Air Force said …").
_FINAL_ABBREVIATIONS = word_set("u.s u.k u.n e.u a.m p.m etc jr sr inc corp ltd co")
#: Before the platform X ("posted on X", "wrote via X"), which is no initial when a period follows.
_ON_PLATFORM = re.compile(r"\b(?:on|via)[ ]$")
#: What opens a sentence after "on X.": a quotation, or a capitalised word and a lower-case one
#: (not an initial, a comma or an owner's "’s": "on X. Y. Zhang's model", "on X. Wang, the …").
_SENTENCE_AFTER_PLATFORM = re.compile(r"[\"“‘]|[A-Z][a-z]*[ ][a-z]")
_OPENER = re.compile(r"(?:The|A|An|He|She|It|They|We|I|This|That|These|Those|There|His|Her|Its|"
                     r"Their|But|And|In|On|At|After|When|While|Some|Many|Officials|Police)\b")
#: Quotes longer than this (in code points) that never close are not recovered.
MAX_RECOVERED = 2000


@dataclass(frozen=True, slots=True)
class Span:
    """Text inside one pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    #: Where the opening mark is (``start - 1``), and the closing mark (``end``) if it closed.
    closed: bool = True
    #: True when the quote carries on over paragraph breaks.
    multi: bool = False
    single: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, white space trimmed."""
    out: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _role(text: str, pos: int, start: int, end: int, mark: str) -> str:
    """'open', 'close' or '?' for the mark at ``pos`` inside the paragraph [start, end)."""
    if mark in "“„‟«":
        return "open"
    if mark in "”»":
        return "close"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    opens = before in _OPEN_CONTEXT or before in "“‘"
    closes = after in _CLOSE_CONTEXT or after in "”’"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def _double_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Paired double-quote spans in one paragraph and the position of a mark left open."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    tags = [m.span() for m in _TAG.finditer(text, start, end)] if "<" in text[start:end] else []
    tag_starts = [s for s, _ in tags]
    for match in _DOUBLE_MARKS.finditer(text, start, end):
        pos = match.start()
        if tags:
            k = bisect_right(tag_starts, pos) - 1
            if k >= 0 and pos < tags[k][1]:
                continue
        role = _role(text, pos, start, end, match.group())
        if role == "?":
            role = "close" if open_at is not None else "open"
        if role == "open":
            # A second opening mark means the first never closed: drop it and start again.
            open_at = pos
        elif open_at is not None:
            spans.append((open_at + 1, pos))
            open_at = None
    return spans, open_at


def _single_spans(
    text: str, start: int, end: int, inside: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Paired single-quote spans outside double quotes; apostrophes are told apart by context."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    starts = [s for s, _ in inside]
    for match in _SINGLE_MARKS.finditer(text, start, end):
        pos = match.start()
        k = bisect_right(starts, pos) - 1
        if k >= 0 and inside[k][0] - 1 <= pos <= inside[k][1]:
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if (before in _OPEN_CONTEXT or before in "“\"") and (after.isalnum()):
            if match.group() != "’":
                open_at = pos
        elif open_at is not None and not before.isspace() and not after.isalnum():
            if pos > open_at + 1:
                spans.append((open_at + 1, pos))
            open_at = None
    return spans


def quote_spans(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes joined.

    A paragraph whose quote is still open at its end continues into the next paragraph when that
    one opens with a quotation mark (the news convention); otherwise the quote is taken to run to
    the end of its paragraph, so one bad mark never derails the rest of the document.
    """
    found: list[Span] = []
    carry: int | None = None  # opening position of a quote running on from an earlier paragraph
    for index, (start, end) in enumerate(paras):
        doubles, open_at = _double_spans(text, start, end)
        if carry is not None:
            first = text[start]
            if first in "“\"«„" and doubles and doubles[0][0] == start + 1:
                # The run-on quote closes in this paragraph.
                found.append(Span(carry, doubles[0][1], multi=True))
                doubles = doubles[1:]
                carry = None
            elif first in "“\"«„" and not doubles and open_at == start:
                open_at = None  # still running on; decided below
            else:
                found.append(Span(carry, paras[index - 1][1], closed=False, multi=True))
                carry = None
        found.extend(Span(s, e) for s, e in doubles)
        if carry is not None and open_at is None:
            # The run-on quote goes on through this paragraph too.
            nxt = paras[index + 1][0] if index + 1 < len(paras) else None
            if nxt is None or text[nxt] not in "“\"«„":
                found.append(Span(carry, end, closed=False, multi=True))
                carry = None
            continue
        if open_at is not None:
            nxt = paras[index + 1][0] if index + 1 < len(paras) else None
            if nxt is not None and text[nxt] in "“\"«„":
                carry = open_at + 1
            elif end - open_at <= MAX_RECOVERED and end > open_at + 1:
                found.append(Span(open_at + 1, _trim_end(text, open_at + 1, end), closed=False))
        found.extend(Span(s, e, single=True) for s, e in _single_spans(text, start, end, doubles))
    found.sort(key=lambda s: s.start)
    return [s for s in found if _has_word(text, s.start, s.end)]


# Two apostrophes or backticks used as one quotation mark, as in archive and wire text:
# ``We will not back down,'' said Ms. Reyes.
_TWO_MARKS = re.compile(r"``|''|‘‘|’’")
#: Sentences run together where a page lost its paragraph breaks: "…in Virginia.The source …",
#: "…all telephone mobiles."Indeed, …", "…a team of hackers.“In a …" (a lower-case letter, the
#: sentence's stop, perhaps a mark, then a capitalised word or an opening mark, with no space).
#: (The pattern opens with the stop, which the engine scans for quickly; the two lower-case
#: letters before it are checked by hand.)
_RUN_TOGETHER = re.compile(r"[.!?](?:([\"”])(?=[A-Z“])|(?=[A-Z][a-z]|“))")
_TWO_LOWER = re.compile(r"[a-z]{2}")


#: A closing mark written after a space, before a cue or a stop: "…ourselves? " she wrote".
#: (The pattern opens with the space and the mark, which the engine scans for quickly; the
#: character before the space is checked by hand.)
_SPACED_CLOSE = re.compile(r"[ ]([\"”])(?=[ ]+[a-z]|[,.;:]|$)", re.MULTILINE)
_BEFORE_SPACED_CLOSE = re.compile(r"[\w.,!?…]")


def close_spaced_marks(text: str) -> str:
    """``text`` with a closing mark written after a space moved before the space (a copy of the
    same length, so every offset holds): "…ourselves? " she wrote" is read as "…ourselves?"
    she wrote". A straight mark moves only when an odd number of straight marks came before it
    in its paragraph (it closes a quotation); a curly closing mark always."""
    if ' "' not in text and " ”" not in text:
        return text
    chars: list[str] | None = None
    for match in _SPACED_CLOSE.finditer(text):
        mark = match.group(1)
        pos = match.start(1)
        if pos < 2 or _BEFORE_SPACED_CLOSE.match(text, pos - 2) is None:
            continue
        if mark == '"' and text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 0:
            continue  # (an opening mark after a space: "he said " we …" is read as it is)
        if chars is None:
            chars = list(text)
        chars[pos - 1], chars[pos] = mark, " "
    return "".join(chars) if chars is not None else text


def split_run_together(text: str) -> tuple[str, list[int]]:
    """``text`` with a paragraph break put back where sentences run together, and the offsets of
    ``text`` where one was put (each break is two characters, ``"\n\n"``).

    A straight mark between two such sentences closes a quotation when an odd number of straight
    marks came before it in the paragraph (the break goes after it), and opens one otherwise
    (the break goes before it). Text without such places is returned as it is, with no offsets.
    """
    out: list[str] = []
    at: list[int] = []
    last = 0
    for match in _RUN_TOGETHER.finditer(text):
        if match.start() < 2 or _TWO_LOWER.match(text, match.start() - 2) is None:
            continue
        pos = match.start() + 1  # (after the stop)
        mark = match.group(1)
        if mark is None and _inside_quotation(text, pos):
            continue  # ("“We will win.We always do,” he said": one quotation, its space lost)
        if mark == "”" or mark == '"' and text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 1:
            pos += 1  # (a closing mark stays with the sentence it closes)
        out.append(text[last:pos])
        out.append("\n\n")
        at.append(pos)
        last = pos
    if not at:
        return text, []
    out.append(text[last:])
    return "".join(out), at


def _inside_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation its paragraph opened before it (an odd number of straight
    marks, or a curly opening mark not closed since) and closes within a sentence or two?"""
    start = text.rfind("\n", 0, pos) + 1
    opened = text.count('"', start, pos) % 2 == 1 or text.rfind("“", start, pos) > text.rfind("”", start, pos)
    if not opened:
        return False
    # Only a quotation that closes soon after counts: a page that lost its paragraph breaks
    # leaves marks whose count says little far from them.
    ahead = text[pos:pos + 150]
    return '"' in ahead.split("\n", 1)[0] or "”" in ahead.split("\n", 1)[0]


def two_mark_quotes(text: str) -> str:
    """``text`` with each two-character quotation mark (````…''``, ``''…''``, ``‘‘…’’``) written as
    a space and a curly mark, so the same offsets hold and the marks pair like any others.

    An opening pair becomes " “" (the mark next to the words it opens), a closing one "” ".
    Two apostrophes between letters (``rock''n''roll``) are left alone.
    """
    if "``" not in text and "''" not in text and "‘‘" not in text and "’’" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _TWO_MARKS.finditer(text):
        pos = match.start()
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 2] if pos + 2 < len(text) else " "
        pair = match.group()
        if pair in ("``", "‘‘") or (before in _OPEN_CONTEXT or before in "“\"") and not after.isspace():
            replacement = " “"
        elif not before.isspace() and not after.isalnum():
            replacement = "” "
        else:
            continue
        out.append(text[last:pos])
        out.append(replacement)
        last = pos + 2
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


_WORD = re.compile(r"\w")


def _has_word(text: str, start: int, end: int) -> bool:
    return end > start and _WORD.search(text, start, end) is not None


def sentences(text: str, start: int, end: int, quotes: list[Span]) -> list[tuple[int, int]]:
    """Sentence spans in the paragraph [start, end); never split inside a quotation."""
    starts = [q.start for q in quotes]
    out: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        if cut >= end:
            break
        k = bisect_right(starts, cut) - 1
        if k >= 0 and quotes[k].start <= cut < quotes[k].end:
            continue
        punct_end = match.start()
        while punct_end < end and text[punct_end] in ".!?…":
            punct_end += 1
        if punct_end - match.start() == 1 and text[match.start()] == ".":
            word_start = match.start()
            floor = max(begin, word_start - 24)
            while word_start > floor and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:match.start()].lower().lstrip("(\"“'‘")
            initials = all(len(part) == 1 and part.isalpha() for part in word.split("."))  # "S.B."
            if (word in _ABBREVIATIONS or initials) and not (
                    word in _CLOSING_ABBREVIATIONS and text[cut] in "\"“") \
                    and not (word == "no" and not text[cut].isdigit()) \
                    and not (word in _FINAL_ABBREVIATIONS and _OPENER.match(text, cut)) \
                    and not (word == "x" and _ON_PLATFORM.search(text, max(0, word_start - 5), word_start)
                             and _SENTENCE_AFTER_PLATFORM.match(text, cut)):
                # ("No. 2" is a number; "voted no. “…”" ends a sentence; "… on X. Russia has also
                # denied …" the platform, no initial, but "relied on X. Jiang, a student," a name)
                continue
        nxt = text[cut]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'«(["):
            continue
        out.append((begin, _trim_end(text, begin, cut)))
        begin = cut
    if begin < end:
        out.append((begin, end))
    return out
