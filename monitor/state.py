"""The situation a view shows, as an evented object: one change signal per part.

:class:`SituationState` holds the parts of the situation at T a view draws — the journey (route,
reports, schedule, chart series, span), the estimate at "now", the speakers, the quotes, the
posts' counts and hours — and emits a psygnal ``Signal`` for each part that changed, and only for
those (napari's evented models, without Qt). Three things write to it:

* :meth:`set_situation` with a situation just read (a worker reads it; the fingerprints of its
  parts, :func:`versions_of`, are computed there too, so the owner compares a few integers, never
  5,000 reports);
* :meth:`apply` with what a write changed (``OpChanges``): it emits which posts' rows to read again
  and returns which parts are stale, so a correction or a poll re-reads only those;
* :meth:`set_now` when the clock moves: the estimate is worked out again from the cached schedule,
  with no read and no rebuild.

Signals are emitted synchronously in the thread that writes to the state; the window writes to
it only on the GUI thread (worker results arrive there), so its slots run there. Plain Python,
no Qt.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from psygnal import Signal

from monitor.model import Estimate, Observation, OpChanges, Post, Quote, Route, RouteSuggestion, Speaker
from monitor.situation import QuotesAt, Situation

#: Part names, as :meth:`SituationState.set_situation` and :meth:`SituationState.apply` give them.
JOURNEY, SPEAKERS, QUOTES, POSTS, COUNTS = "journey", "speakers", "quotes", "posts", "counts"


def _fingerprint(value: Hashable) -> int:
    """A cheap stand-in for ``value`` to compare (the model's dataclasses are frozen, so hashable)."""
    try:
        return hash(value)
    except TypeError:  # a part holding a list: its text stands in
        return hash(repr(value))


@dataclass(frozen=True)
class Versions:
    """Fingerprints of a situation's parts: equal fingerprints, equal parts."""

    journey: int
    speakers: int
    quotes: int
    posts: int


def versions_of(situation: Situation) -> Versions:
    """The fingerprints of ``situation``'s parts; computed where it was read (a worker), so the
    view compares four integers on its own thread."""
    post_hours = situation.post_hours
    return Versions(
        journey=_fingerprint((situation.at, situation.route, situation.observations, situation.span,
                              situation.suggestion, len(situation.chart))),
        speakers=_fingerprint(situation.speakers),
        quotes=_fingerprint((situation.quotes, tuple(sorted(situation.quote_posts)))),
        posts=_fingerprint((situation.posts and situation.posts[0].id, tuple(post_hours[0]),
                            post_hours[1], post_hours[2])),
    )


#: Most speakers a new situation changes that are patched into the shown list; more, and the
#: whole list is emitted again.
PATCH_SPEAKERS_MAX = 50


def _speakers_patch(shown: tuple[Speaker, ...], new: tuple[Speaker, ...]) -> SpeakersPatch | None:
    """The speakers ``new`` changes, adds and drops against ``shown`` when they are few (a
    correction's patch shown, a poll that quoted a few people), else None: only called when the
    fingerprints differ, so a list read again unchanged is never walked."""
    before = {s.id: s for s in shown}
    changed = tuple(s for s in new if before.get(s.id) != s)
    removed = frozenset(before) - {s.id for s in new}
    if len(changed) + len(removed) > PATCH_SPEAKERS_MAX:
        return None
    return SpeakersPatch(changed, removed, new)


#: Versions given to a part patched in place (a correction): unequal to any situation's.
_patched = itertools.count(-1, -1)


@dataclass(frozen=True)
class Journey:
    """The journey part: what the route bar and the distance-time chart draw, apart from "now"."""

    at: datetime | None
    route: Route | None
    observations: tuple[Observation, ...]
    chart: tuple[Estimate, ...]
    span: tuple[datetime, datetime] | None
    suggestion: RouteSuggestion | None
    #: The estimate when the part was read (the route bar then follows ``estimate_changed``).
    estimate: Estimate | None


@dataclass(frozen=True)
class Quotes:
    """The quotes part: the newest quotes and their posts."""

    at: datetime | None
    quotes: tuple[Quote, ...]
    posts: dict[int, Post]


@dataclass(frozen=True)
class Posts:
    """The posts part: the newest posts carried, and posts per hour for the chart."""

    at: datetime | None
    head: tuple[Post, ...]
    post_hours: tuple[list[tuple[str, int]], int, str | None]


@dataclass(frozen=True)
class Counts:
    """How many posts, active quotes and speakers there are by then."""

    posts: int
    quotes: int
    speakers: int


@dataclass(frozen=True)
class SpeakersPatch:
    """Speakers a correction changed (rows to patch), those removed, and the whole list after."""

    changed: tuple[Speaker, ...]
    removed: frozenset[int]
    speakers: tuple[Speaker, ...]


@dataclass(frozen=True)
class Rows:
    """Posts whose rows (their quoted passages) to read again, and the speakers a write touched
    (a feed filtered on one of them reads its list again)."""

    posts: frozenset[int]
    speakers: frozenset[int] = field(default_factory=frozenset)


class SituationState:
    """The situation a view shows, part by part, with a change signal for each part."""

    #: The journey part (``Journey``) changed: a new route, new reports, a new span.
    journey_changed = Signal(object)
    #: The estimate at "now" (``Estimate | None``): the clock moved or the journey changed.
    estimate_changed = Signal(object)
    #: "Now" moved (``datetime``): relative times ("3 min ago") need drawing again.
    now_changed = Signal(object)
    #: The whole speaker list (``tuple[Speaker, ...]``, most quoted first).
    speakers_changed = Signal(object)
    #: Some speakers changed (``SpeakersPatch``): patch their rows, not the list.
    speakers_patched = Signal(object)
    #: The newest quotes (``Quotes``).
    quotes_changed = Signal(object)
    #: The posts part (``Posts``).
    posts_changed = Signal(object)
    #: The counts (``Counts``).
    counts_changed = Signal(object)
    #: Posts whose rows a write changed (``Rows``).
    rows_changed = Signal(object)

    def __init__(self) -> None:
        self.situation: Situation | None = None
        self.versions: Versions | None = None
        self.counts: Counts | None = None
        self.now: datetime | None = None
        self.estimate: Estimate | None = None

    # -- reading the parts -----------------------------------------------------------------

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The speakers shown (most quoted first)."""
        return self.situation.speakers if self.situation is not None else ()

    @property
    def at(self) -> datetime | None:
        """The moment the situation is as of (None: live)."""
        return self.situation.at if self.situation is not None else None

    # -- writing ---------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the situation (another database was opened); emits nothing."""
        self.situation = self.versions = self.counts = self.estimate = self.now = None

    def set_situation(self, situation: Situation, versions: Versions | None = None) -> frozenset[str]:
        """Show ``situation``; emit for each part whose fingerprint differs from the shown one's
        (every part the first time). Returns the names of the parts that changed."""
        versions = versions or versions_of(situation)
        old, old_now, shown = self.versions, self.now, self.situation
        self.situation, self.versions = situation, versions
        self.now = situation.moment
        changed: set[str] = set()
        if old is None or old.journey != versions.journey:
            changed.add(JOURNEY)
            self.journey_changed.emit(self._journey(situation))
        # The estimate follows from the journey and the moment: compare those, not its reports.
        if old is None or JOURNEY in changed or situation.moment != old_now:
            self.estimate = situation.estimate
            self.estimate_changed.emit(situation.estimate)
        if old is None or old.speakers != versions.speakers:
            patch = _speakers_patch(shown.speakers, situation.speakers) if shown is not None else None
            if patch is None:
                changed.add(SPEAKERS)
                self.speakers_changed.emit(situation.speakers)
            elif patch.changed or patch.removed:
                changed.add(SPEAKERS)
                self.speakers_patched.emit(patch)
        if old is None or old.quotes != versions.quotes:
            changed.add(QUOTES)
            self.quotes_changed.emit(Quotes(situation.at, situation.quotes, situation.quote_posts))
        if old is None or old.posts != versions.posts:
            changed.add(POSTS)
            self.posts_changed.emit(Posts(situation.at, situation.posts, situation.post_hours))
        if self._set_counts(Counts(situation.post_count, situation.quote_count, situation.speaker_count)):
            changed.add(COUNTS)
        return frozenset(changed)

    def set_now(self, now: datetime) -> bool:
        """Move "now": live, the estimate is worked out again from the situation's schedule (no
        read, no rebuild) and ``estimate_changed`` follows ``now_changed``. In a replay the
        situation stays as of its time. Returns True when the estimate moved."""
        self.now = now
        self.now_changed.emit(now)
        situation = self.situation
        if situation is None or situation.at is not None or situation.route is None:
            return False
        self.estimate = situation.estimate_at(now)
        self.estimate_changed.emit(self.estimate)
        return True

    def apply(self, changes: OpChanges) -> frozenset[str]:
        """Take what a write changed: emit ``rows_changed`` for the posts whose quotes changed
        while the post did not (a correction; added and edited posts reach a feed through its
        own "changed since"), and return the parts to read again (none when it changed nothing
        shown)."""
        rows = changes.quote_posts - changes.posts
        speakers = changes.speakers | changes.speakers_removed
        if rows or speakers:
            self.rows_changed.emit(Rows(frozenset(rows), frozenset(speakers)))
        stale: set[str] = set()
        if changes.journey_changed:
            stale.add(JOURNEY)
        if changes.quotes_changed:
            stale |= {SPEAKERS, QUOTES, COUNTS}
        if changes.posts:
            stale |= {POSTS, COUNTS, JOURNEY} if changes.posts_added else {POSTS}
        return frozenset(stale)

    def set_quotes(self, said: QuotesAt) -> None:
        """Show the quote side read again alone (``Monitor.quotes_at``): speakers, quotes and
        their counts, each emitted when it differs."""
        situation = self.situation
        if situation is None or self.versions is None:
            return
        self.situation = replace(situation, quotes=said.quotes, quote_posts=said.quote_posts,
                                 speakers=said.speakers, quote_count=said.quote_count,
                                 speaker_count=said.speaker_count)
        speakers_version = _fingerprint(said.speakers)
        quotes_version = _fingerprint((said.quotes, tuple(sorted(said.quote_posts))))
        if speakers_version != self.versions.speakers:
            self.speakers_changed.emit(said.speakers)
        if quotes_version != self.versions.quotes:
            self.quotes_changed.emit(Quotes(said.at, said.quotes, said.quote_posts))
        self.versions = replace(self.versions, speakers=speakers_version, quotes=quotes_version)
        self._set_counts(Counts(situation.post_count, said.quote_count, said.speaker_count))

    def patch_quotes(self, quotes: Iterable[Quote], quote_posts: dict[int, Post], changed: Iterable[Speaker],
                     removed: frozenset[int], deactivated: int) -> None:
        """Show a live correction: the newest quotes again, the speakers it ``changed`` (with
        their counts now) patched into the list and those ``removed`` taken out — the list keeps
        its order, most quoted first — and ``deactivated`` quotes fewer in all."""
        situation = self.situation
        if situation is None or self.versions is None:
            return
        changed = tuple(changed)
        by_id = {s.id: s for s in situation.speakers if s.id not in removed}
        by_id.update((s.id, s) for s in changed)
        speakers = tuple(sorted(by_id.values(), key=lambda s: (-s.quote_count, s.name.casefold())))
        quotes = tuple(quotes)
        self.situation = replace(situation, quotes=quotes, quote_posts=quote_posts, speakers=speakers,
                                 quote_count=max(0, situation.quote_count - deactivated),
                                 speaker_count=max(0, situation.speaker_count - len(removed)))
        # Fingerprinting 2,000 speakers again would cost more than the patch: the parts get
        # versions of their own, and the next situation read shows them whole once.
        self.versions = replace(self.versions, speakers=next(_patched), quotes=next(_patched))
        if changed or removed:
            self.speakers_patched.emit(SpeakersPatch(changed, frozenset(removed), speakers))
        self.quotes_changed.emit(Quotes(situation.at, quotes, quote_posts))
        self._set_counts(Counts(situation.post_count, self.situation.quote_count,
                                self.situation.speaker_count))

    # -- helpers ---------------------------------------------------------------------------

    def _set_counts(self, counts: Counts) -> bool:
        if counts == self.counts:
            return False
        self.counts = counts
        self.counts_changed.emit(counts)
        return True

    @staticmethod
    def _journey(situation: Situation) -> Journey:
        return Journey(situation.at, situation.route, situation.observations, situation.chart,
                       situation.span, situation.suggestion, situation.estimate)
