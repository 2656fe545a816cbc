"""Days people name by weekday: "on Sunday", "Tuesday evening", "as early as Tuesday local time".

A weekday is read relative to the day of the post that names it. Told of something done (left,
arrived) it is the latest such day on or before the post's day; told of something ahead (expected,
"as early as", "next") the first on or after it. "last Tuesday" is always before the post's day
and "next Tuesday" always after it. The day's window (the whole local day at the place, or a part
of it) is made by the caller, who knows the place's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
#: Full names, and abbreviations only with a capital and a dot or before a part of the day, so
#: that "sun" and "sat" in running text are not read as days.
_DAY_NAMES = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_SHORT = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\."
_WEEKDAY = re.compile(
    rf"\b(?:(?P<qualifier>(?i:as early as|as soon as|no earlier than|not before|on|this|last|next|"
    rf"coming|by|until|since)\s+))?(?P<day>{_DAY_NAMES}|{_DAY_SHORT})(?:'s|’s)?(?!\w)"
)
#: Qualifiers that look ahead from the post, whatever the tense.
_AHEAD = frozenset({"as early as", "as soon as", "no earlier than", "not before", "next", "coming", "by",
                    "until"})


@dataclass(frozen=True, slots=True)
class DayReference:
    """A day named in text: the date, the words that qualified it, where it was written."""

    day: date
    qualifier: str | None
    text: str
    start: int
    end: int


def weekday_reference(sentence: str, post_day: date, *, ahead: bool = False) -> DayReference | None:
    """The first weekday named in ``sentence``, as a date relative to ``post_day``.

    ``ahead``: the sentence tells of something expected (so a bare "Tuesday" is the coming one).
    """
    match = _WEEKDAY.search(sentence)
    if match is None:
        return None
    name = match.group("day").lower().rstrip(".")
    target = WEEKDAYS[name]
    qualifier = " ".join((match.group("qualifier") or "").lower().split()) or None
    forward = (target - post_day.weekday()) % 7  # 0: the post's own weekday
    backward = (post_day.weekday() - target) % 7
    if qualifier == "last":
        offset = -(backward or 7)
    elif qualifier == "next":
        offset = forward or 7
    elif qualifier == "since":
        offset = -backward
    elif ahead or qualifier in _AHEAD:
        offset = forward
    else:
        offset = -backward
    return DayReference(post_day + timedelta(days=offset), qualifier, match.group(0), match.start(),
                        match.end())


def names_a_weekday(sentence: str) -> bool:
    """True when the sentence names a day of the week."""
    return _WEEKDAY.search(sentence) is not None
