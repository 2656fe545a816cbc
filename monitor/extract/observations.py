"""Route observations from post text: where the train was, is, or is expected to be.

Each mention of a stop (by name or alias) is classified by the words around it:

* the cue nearest before the mention decides the kind — "set off … from X" is ``departed``,
  "arrived in X" ``arrived``, "passed X" ``passed``, "stopped at X" ``dwelling``, and "we expect
  … to X", "en route to X" ``expected``; a mention with no cue is not an observation;
* markers of an earlier trip ("Previously", "On that occasion", "his previous visit", an earlier
  year) make a sentence ``historical``, and the rest of its paragraph stays historical until a
  marker of the present ("this time", "today", "now") turns it back. Historical mentions never
  move today's train, but durations in them ("the wheel change took about 70 minutes") become
  dwell estimates for their stop, with the post as evidence;
* facts about the train ("unable to go beyond 59 km/h") are ``speed`` observations.

Times: an explicit date ("on 24 April"), "today"/"yesterday", a part of the day ("at dawn") and a
clock time ("about 10:30 local time") are read; clock times are local to the stop unless a zone is
named. A date with no time is the whole local calendar day at the stop (a 24-hour window). A
report with no time of its own takes its post's time: the local day for a date-only post, else the
hour before publication. Every observation carries its window in UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from monitor.extract.timephrases import weekday_reference
from monitor.model import Observation, Route, Stop, parse_iso

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b")
_DATE_MD = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_CLOCK = re.compile(
    r"(?:\b(about|around|approximately|roughly|some|circa|shortly after|just after|just before)\s+|~\s*)?"
    r"\b(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*\(?\s*(local(?: time)?|GMT|UTC|BST|KST|MSK|Moscow time|Vladivostok time|Pyongyang time)\)?)?",
    re.I,
)
_ZONES = {
    "gmt": "UTC", "utc": "UTC", "bst": "Etc/GMT-1", "kst": "Asia/Pyongyang", "msk": "Europe/Moscow",
    "moscow time": "Europe/Moscow", "vladivostok time": "Asia/Vladivostok",
    "pyongyang time": "Asia/Pyongyang",
}
_WEEKDAY_WORD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: Parts of the day as local clock windows (start hour, end hour; end may pass midnight).
_PARTS = [
    (re.compile(r"\b(at|before|around)\s+dawn\b|\bat daybreak\b|\bat first light\b", re.I), (4, 7)),
    (re.compile(r"\bearly (in the )?morning\b|\bearly hours\b", re.I), (3, 8)),
    (re.compile(rf"\b(this|in the|on \w+|{_WEEKDAY_WORD}) morning\b", re.I), (6, 12)),
    (re.compile(r"\b(at )?(noon|midday)\b", re.I), (11, 13)),
    (re.compile(rf"\b(this|in the|on \w+|{_WEEKDAY_WORD}) afternoon\b", re.I), (12, 18)),
    (re.compile(rf"\b(this|in the|on \w+|{_WEEKDAY_WORD}) evening\b|\btonight\b", re.I), (18, 23)),
    (re.compile(rf"\bovernight\b|\b(at|during the|in the) night\b|\b{_WEEKDAY_WORD} night\b", re.I),
     (20, 30)),
]

_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("departed", re.compile(
        r"\b(set(?:s|ting)? off|set out|left|leaves|leaving|departed|departs|departing|departure|"
        r"pulled out|rolled out|started (?:out|its journey))\b", re.I)),
    ("arrived", re.compile(
        r"\b(arrived|arrives|arriving|arrival|reached|reaches|pulled into|pulls into|rolled into|"
        r"entered|enters|got to|crossed into|came into)\b", re.I)),
    ("passed", re.compile(r"\b(passed|passes|passing|went through|going through|sped through|crossed)\b",
                          re.I)),
    ("dwelling", re.compile(
        r"\b(?:is|was|remains|remained|has been|is still|was still)\s+(?:stopped|standing|stationary|"
        r"halted|waiting|parked)\b|\b(?:stopped|stops|halted|waiting|paused) (?:at|in)\b", re.I)),
    ("expected", re.compile(
        r"\b(expect|expects|expected|expecting|will|would|is due|are due|due to|set to|plans? to|"
        r"heading|headed|bound for|en route to|on (?:its|his|the|their) way to|towards|could|(?-i:may)|"
        r"might|likely)\b", re.I)),
]
_FROM_BEFORE = re.compile(r"\bfrom\b(?![^.;]*\bto\b)[^.;]*$", re.I)
_HISTORICAL = re.compile(
    r"\b(previously|on that occasion|last time|at the time|back then|back in|in the past|"
    r"(?:his|her|their|the) (?:previous|last|earlier|first) (?:visit|trip|journey))\b",
    re.I,
)
_PRESENT = re.compile(r"\b(this time|today|now|currently|at the moment|this week|so far)\b", re.I)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_TODAY = re.compile(r"\btoday\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b", re.I)
_DURATION = re.compile(
    r"\b(?:took|takes|take|taking|lasted|lasts|lasting|last)\s+"
    r"(?:about|around|approximately|roughly|some|nearly|almost|over|more than|less than|just over|"
    r"just under)?\s*(an?|one|two|three|\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?)\b",
    re.I,
)
_DURATION_KEYWORDS = [
    ("gauge_change", re.compile(r"\b(wheels?|wheel ?change|bogies?|gauge)\b", re.I)),
    ("ceremony", re.compile(r"\b(ceremony|welcome|reception)\b", re.I)),
    ("border", re.compile(r"\b(border|customs|frontier)\b", re.I)),
]
_SPEED = re.compile(
    r"\b(?P<max>unable to go beyond|can(?:not|'t|’t) go (?:beyond|faster than)|cannot exceed|"
    r"can(?:'t|’t) exceed|top speed of|maximum speed of|max(?:imum)? of|no faster than|at most)"
    r"|(?P<avg>average(?: speed)?(?: of)?)",
    re.I,
)
_SPEED_VALUE = re.compile(
    r"\s*(?:about|around|roughly|approximately)?\s*(\d+(?:\.\d+)?)\s*"
    r"(km/h|kph|kmh|km an hour|kilometres per hour|kilometers per hour|mph|miles per hour)",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ZONE_AFTER = re.compile(r"\s+(?:local\s+)?time\b", re.I)
_SLACK = timedelta(minutes=15)  # a report may be stamped a little before the time it gives
_WINDOW = 120  # characters before a mention searched for its cue


@dataclass(frozen=True, slots=True)
class _Place:
    text: str  # as written in the route file (name or alias)
    name: str  # the stop's name
    stop: Stop
    on_route: bool


@lru_cache(maxsize=1)
def _shipped_stops() -> tuple[Stop, ...]:
    """Stops of every shipped route: a mention of one the current route lacks is kept unmatched."""
    from monitor.journey.route import RouteError, list_routes, load_route

    stops: dict[str, Stop] = {}
    for info in list_routes():
        try:
            for stop in load_route(info.path).stops:
                stops.setdefault(stop.name, stop)
        except RouteError:
            continue
    return tuple(stops.values())


@lru_cache(maxsize=16)
def _places(route: Route, extra: tuple[Stop, ...]) -> tuple[tuple[_Place, re.Pattern[str]], ...]:
    """Every name and alias of the route's stops and of ``extra`` places, longest first."""
    on_route = {s.name for s in route.stops}
    places: list[_Place] = []
    for stop in [*route.stops, *(s for s in extra if s.name not in on_route)]:
        for text in (stop.name, *stop.aliases):
            places.append(_Place(text, stop.name, stop, stop.name in on_route))
    # Longest first, so "Khasan station" wins over "Khasan".
    places.sort(key=lambda p: -len(p.text))
    return tuple((p, re.compile(rf"(?<![\w-]){re.escape(p.text)}(?![\w-])")) for p in places)


def _mentions(sentence: str, places: tuple[tuple[_Place, re.Pattern[str]], ...]
              ) -> list[tuple[int, int, _Place]]:
    taken: list[tuple[int, int, _Place]] = []
    for place, pattern in places:
        if place.text not in sentence:
            continue
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end, _ in taken):
                continue
            taken.append((match.start(), match.end(), place))
    return sorted(taken, key=lambda m: m[0])


def _sentences(text: str) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of each sentence, offsets into ``text``."""
    spans = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            spans.append((number, offset + start, offset + match.start()))
            start = match.end()
        if paragraph[start:].strip():
            spans.append((number, offset + start, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return spans


def _cue(before: str) -> str | None:
    """The kind named by the cue nearest before a mention."""
    best: tuple[int, str] | None = None
    for kind, pattern in _CUES:
        for match in pattern.finditer(before):
            if best is None or match.end() >= best[0]:
                best = (match.end(), kind)
    return best[1] if best else None


def _is_historical(sentence: str, published: datetime | None, context: bool) -> bool:
    future = _CUES[-1][1].search(sentence)
    if _HISTORICAL.search(sentence) and not future:
        return True
    if published and any(int(y) < published.year for y in _YEAR.findall(sentence)) and not future:
        return True
    if _PRESENT.search(sentence):
        return False
    return context


def _zone(name: str | None) -> ZoneInfo:
    return ZoneInfo(name or "UTC")


def _local_day(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def _sentence_date(sentence: str, published: datetime | None) -> date | None:
    for pattern, day_group, month_group in ((_DATE_DM, 1, 2), (_DATE_MD, 2, 1)):
        match = pattern.search(sentence)
        if match:
            month = _MONTHS.get(match.group(month_group).lower().rstrip("."))
            year = int(match.group(3)) if match.group(3) else (published.year if published else None)
            if month and year:
                try:
                    return date(year, month, int(match.group(day_group)))
                except ValueError:
                    return None
    if published and _YESTERDAY.search(sentence):
        return published.date() - timedelta(days=1)
    return None


def _published_day(published: datetime, precision: str | None, tz: ZoneInfo) -> date:
    """The calendar day a post speaks of: its own date if date-only, else its local date."""
    if precision == "date":
        return published.date()
    return published.astimezone(tz).date()


def _named_day(sentence: str, stop: Stop, published: datetime | None, precision: str | None,
               ahead: bool) -> date | None:
    """The day the sentence names: a date, "yesterday", or a weekday relative to the post's day."""
    day = _sentence_date(sentence, published)
    if day is None and published is not None:
        named = weekday_reference(sentence, _published_day(published, precision, _zone(stop.timezone)),
                                  ahead=ahead)
        day = named.day if named is not None else None
    return day


def _when(
    sentence: str, stop: Stop, published: datetime | None, precision: str | None, ahead: bool = False
) -> tuple[datetime | None, str | None, datetime | None, datetime | None]:
    """(at, precision, window start, window end) for an event at ``stop`` told in ``sentence``.

    ``ahead``: the event is expected, so a weekday is the coming one.
    """
    tz = _zone(stop.timezone)
    named_day = _named_day(sentence, stop, published, precision, ahead)
    day = named_day
    if day is None and published is not None:
        day = _published_day(published, precision, tz)
    clock = _CLOCK.search(sentence)
    if clock and day is not None:
        hour, minute = int(clock.group(2)), int(clock.group(3))
        half = (clock.group(4) or "").lower().replace(".", "")
        hour += 12 if half == "pm" and hour < 12 else 0
        hour = 0 if half == "am" and hour == 12 else hour
        if hour < 24 and minute < 60:
            zone_name = (clock.group(5) or "local").lower()
            clock_tz = tz if zone_name.startswith("local") else _zone(_ZONES.get(zone_name))
            at = datetime.combine(day, time(hour, minute), clock_tz).astimezone(UTC)
            timed_post = precision in ("minute", "second")
            if timed_post and published is not None and named_day is None and at > published + _SLACK:
                # "arrived at 22:00" in a post from 01:00 the next morning: the evening before.
                at -= timedelta(days=1)
            if clock.group(1) or sentence[max(0, clock.start() - 1):clock.start()] == "~":
                return at, "hour", at - timedelta(minutes=30), at + timedelta(minutes=30)
            return at, "minute", at, at + timedelta(minutes=1)
    if day is not None:
        for pattern, (first, last) in _PARTS:
            if pattern.search(sentence):
                start = datetime.combine(day, time(0), tz) + timedelta(hours=first)
                end = datetime.combine(day, time(0), tz) + timedelta(hours=last)
                middle = start + (end - start) / 2
                return middle.astimezone(UTC), "part_of_day", start.astimezone(UTC), end.astimezone(UTC)
    explicit_day = named_day is not None or _TODAY.search(sentence)
    if day is not None and (explicit_day or precision == "date" or published is None):
        lo, hi = _local_day(day, tz)
        return datetime.combine(day, time(0), UTC), "date", lo, hi
    if published is not None:
        # A report with no time of its own: the event came at most an hour before the report.
        return published, "hour", published - timedelta(hours=1), published
    return None, None, None, None


def _duration_minutes(match: re.Match[str]) -> float:
    words = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}
    amount = words.get(match.group(1).lower())
    if amount is None:
        amount = float(match.group(1))
    return amount * (60.0 if match.group(2).lower().startswith("h") else 1.0)


def _speeds(sentence: str, base: int, post_id: int | None, when: datetime | None,
            precision: str | None) -> list[Observation]:
    found = []
    for match in _SPEED.finditer(sentence):
        value = _SPEED_VALUE.match(sentence, match.end())
        if not value:
            continue
        speed = float(value.group(1))
        if value.group(2).lower().startswith(("mph", "miles")):
            speed *= 1.609344
        found.append(Observation(
            post_id=post_id, stop="", kind="speed", at=when, precision=precision,
            evidence=sentence.strip(), start=base + match.start(), end=base + value.end(),
            speed_kmh=round(speed, 1), speed_kind="max" if match.group("max") else "average",
        ))
    return found


def extract_observations(
    text: str,
    published: datetime | str | None,
    precision: str | None,
    route: Route,
    *,
    post_id: int | None = None,
    known_stops: tuple[Stop, ...] | None = None,
) -> list[Observation]:
    """Observations of ``route``'s stops (and of other known places) in one post's text.

    ``published``/``precision`` are the post's time and how exactly it is known; ``known_stops``
    are places off this route whose mentions are kept as unmatched (default: the stops of every
    shipped route). Never raises on odd text: what cannot be read is not an observation.
    """
    when = parse_iso(published) if isinstance(published, str) else published
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    places = _places(route, _shipped_stops() if known_stops is None else tuple(known_stops))
    by_kind = {s.kind: s for s in route.stops}
    found: list[Observation] = []
    paragraph, historical, last_stop = -1, False, None
    for number, start, end in _sentences(text):
        sentence = text[start:end]
        if number != paragraph:
            paragraph, historical = number, False
        historical = _is_historical(sentence, when, historical)
        here: dict[str, int] = {}
        for m_start, m_end, place in _mentions(sentence, places):
            if _ZONE_AFTER.match(sentence, m_end):
                continue  # "06:00 Pyongyang time" names a clock, not a place the train is at
            last_stop = place
            before = sentence[max(0, m_start - _WINDOW):m_start]
            cue = _cue(before)
            if historical:
                kind = "historical"
            elif cue is None:
                continue
            elif cue == "expected" and _FROM_BEFORE.search(before[-60:]):
                continue  # "from X" in a plan is where it starts, not where it is expected
            else:
                kind = cue
            at, at_precision, lo, hi = (None, None, None, None)
            if kind not in ("historical", "expected"):
                at, at_precision, lo, hi = _when(sentence, place.stop, when, precision)
            elif kind == "expected" and _named_day(sentence, place.stop, when, precision, True):
                # "expected in Vladivostok as early as Tuesday": the day it names, as a window
                # (expectations never anchor the schedule; they are shown on the time axis).
                at, at_precision, lo, hi = _when(sentence, place.stop, when, precision, ahead=True)
            here[place.name] = len(found)
            found.append(Observation(
                post_id=post_id, stop=place.name, kind=kind, at=at, precision=at_precision,
                evidence=sentence.strip(), start=start + m_start, end=start + m_end,
                matched=place.on_route, window_start=lo, window_end=hi,
            ))
        for match in _DURATION.finditer(sentence):
            target = _duration_stop(sentence, match, places, by_kind, last_stop)
            if target is None:
                continue
            minutes = _duration_minutes(match)
            index = here.get(target.name)
            if index is not None:
                found[index] = replace(found[index], duration_minutes=minutes)
                continue
            found.append(Observation(
                post_id=post_id, stop=target.name, kind="historical" if historical else "expected",
                at=None, precision=None, evidence=sentence.strip(), start=start + match.start(),
                end=start + match.end(), matched=target.on_route, duration_minutes=minutes,
            ))
        found.extend(_speeds(sentence, start, post_id, when, precision))
    return found


def _duration_stop(sentence: str, match: re.Match[str], places: tuple[tuple[_Place, re.Pattern[str]], ...],
                   by_kind: dict[str, Stop], last: _Place | None) -> _Place | None:
    """The stop a duration belongs to: named nearby, else named by its kind, else the last one."""
    mentions = _mentions(sentence, places)
    if mentions:
        return min(mentions, key=lambda m: min(abs(m[0] - match.start()), abs(m[1] - match.start())))[2]
    for kind, pattern in _DURATION_KEYWORDS:
        if pattern.search(sentence) and kind in by_kind:
            stop = by_kind[kind]
            return _Place(stop.name, stop.name, stop, True)
    return last
