"""The situation at time T: one answer for the desktop app, the reports and ``monitor route``.

:func:`read_situation` (``Monitor.situation``) reads what was known at T — posts published by
then, the speakers and quotes in them, the journey estimated from their reports only (no
hindsight), the chart series — with every as-of filter and every limit applied in SQL, so its
cost follows the limits, not the size of the store. It only reads: a situation never writes.
Plain Python, no Qt.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.journey.corroboration import corroborate
from monitor.journey.estimate import Schedule, estimate_from
from monitor.journey.estimate import estimate as journey_estimate
from monitor.journey.estimate import schedule as journey_schedule
from monitor.journey.estimate import timeline as journey_timeline
from monitor.journey.route import list_routes, load_route, routes_dir
from monitor.model import (
    Estimate,
    Observation,
    Post,
    Quote,
    Route,
    RouteSuggestion,
    Speaker,
    StopEta,
    parse_iso,
    to_iso,
    utc_now,
)
from monitor.model.corroboration import Corroboration
from monitor.store.corroboration import post_origins
from monitor.store.feed import FeedFilter, FeedQueries, sort_key
from monitor.store.situation import QuoteTotals, SituationQueries

if TYPE_CHECKING:
    from sqlite_utils import Database

    from monitor.service import Monitor

log = logging.getLogger(__name__)

#: SQLite reads "LIMIT n" with a huge n as "no limit"; None in the limits means that.
_NO_LIMIT = 2**62


@dataclass(frozen=True)
class SituationLimits:
    """How much of the store a situation carries. None: all of it (a PDF lists everything)."""

    #: Newest posts carried (counts always cover every post).
    posts: int | None = 0
    #: Newest quotes carried, for a list of everyone's latest quotes.
    quotes: int | None = 200
    #: Most quoted speakers carried (a long story names hundreds of thousands of one-off
    #: anonymous sources, each a speaker of their own).
    speakers: int | None = 2000
    #: Newest quotes carried for each of those speakers.
    quotes_per_speaker: int | None = 0
    #: Route reports the journey is estimated from: those of the newest posts. A journey is a
    #: few days; 5,000 reports hold all of it, and a months-long store does not pour a million
    #: reports into each estimate.
    observations: int | None = 5000
    #: Estimates sampled over the story's span for the distance-time chart.
    chart_samples: int = 96
    #: Days of posts the posts-per-hour series covers, up to the newest post (None: all; 0: no
    #: series, as a report, which draws none, asks).
    chart_days: int | None = 14
    #: Count quotes and quoted speakers by kind (three more aggregate queries).
    by_kind: bool = False


#: Only the journey: what ``monitor route`` prints.
JOURNEY_ONLY = SituationLimits(posts=0, quotes=0, speakers=0, chart_samples=0, chart_days=0)


@dataclass(frozen=True)
class Situation:
    """What was known at ``at`` (None: live, everything stored), within the limits asked for."""

    at: datetime | None
    #: The moment the estimate is for: ``at``, or the clock when live.
    moment: datetime
    limits: SituationLimits
    post_count: int
    #: Sources with at least one post by then.
    source_count: int
    #: Active quotes in posts by then, attributed or not.
    quote_count: int
    #: Speakers quoted by then (live: every stored speaker).
    speaker_count: int
    #: Newest first (``limits.posts`` of them).
    posts: tuple[Post, ...]
    #: The newest quotes (``limits.quotes``), newest post first, in reading order within a post.
    quotes: tuple[Quote, ...]
    #: The posts of those quotes and of the speakers' quotes, by id.
    quote_posts: dict[int, Post]
    #: The most quoted speakers first (ties by name); whoever said a listed quote is included.
    speakers: tuple[Speaker, ...]
    #: Each listed speaker's newest quotes (``limits.quotes_per_speaker``), newest first.
    speaker_quotes: dict[int, tuple[Quote, ...]]
    #: ("YYYY-MM-DDTHH", posts) oldest first, date-only posts, and where counting began when
    #: older posts were left out.
    post_hours: tuple[list[tuple[str, int]], int, str | None]
    #: None when the store follows no journey: then there are no reports, schedule, estimate
    #: or chart, and ``suggestion`` may name a shipped route the posts seem to follow.
    route: Route | None
    #: The reports the estimate was made from.
    observations: tuple[Observation, ...]
    #: None when the estimator could not fit the reports (the estimate then says why).
    schedule: Schedule | None
    estimate: Estimate | None
    #: From the first post or report to the latest arrival the schedule allows, at least a day.
    span: tuple[datetime, datetime] | None
    #: Estimates sampled evenly over ``span`` (``limits.chart_samples`` + 1 of them), without notes.
    chart: tuple[Estimate, ...]
    #: The earliest post in the store, whatever ``at``.
    first_post: datetime | None
    #: The earliest moment the story covers, whatever ``at``: the first post, or the earliest
    #: departure the oldest reports allow (a post dated only "11 Sep" may be Pyongyang's
    #: 11 September, which began at 15:00 UTC the day before). None for an empty store.
    story_start: datetime | None
    #: With ``limits.by_kind``: attributed active quotes by kind, and quoted speakers by kind.
    quotes_by_kind: dict[str, int] = field(default_factory=dict)
    speakers_by_kind: dict[str, int] = field(default_factory=dict)
    #: With ``limits.by_kind``: quotes no speaker could be found for.
    unattributed: int = 0
    #: With no journey: a shipped route most of whose stops the posts by then name (at least
    #: three), offered to the reader, never chosen silently.
    suggestion: RouteSuggestion | None = None

    def track(self, start: datetime, end: datetime, samples: int) -> tuple[Estimate, ...]:
        """``samples`` estimates (without notes) evenly from ``start`` to ``end`` on this
        situation's schedule; none without a journey."""
        if self.route is None:
            return ()
        if samples < 2:
            return (self.estimate_at(end),)
        step = (end - start) / (samples - 1)
        return tuple(self._sample_at(start + step * i) for i in range(samples))

    def _sample_at(self, when: datetime) -> Estimate:
        """A chart's point at ``when``: the estimate without notes, none of them made."""
        if self.schedule is None:
            return _sample(self.estimate_at(when))
        return estimate_from(self.schedule, when, notes=False)

    def timeline(self) -> list[StopEta]:
        """Every stop's time window, from what was known at ``at`` (none without a journey)."""
        if self.route is None:
            return []
        return journey_timeline(self.route, list(self.observations))

    def estimate_at(self, when: datetime) -> Estimate:
        """The estimate at ``when`` from what was known at ``at`` (no database read); only for a
        situation with a journey."""
        assert self.route is not None, "no journey"
        if self.schedule is None:
            return journey_estimate(self.route, list(self.observations), when)
        return estimate_from(self.schedule, when)


class ScheduleCache:
    """Journey schedules by the route and the reports they were built from, the few latest.

    Building a schedule is the costly part of a situation (it fits every report); asking for
    the situation at a new moment with the same reports — the minute clock, a replay step with
    no report in between, a poll that found none — reuses it. The key is the reports themselves
    (read anyway, a bounded query), so a write by any process, the ingest process included,
    makes a new one: nothing to invalidate by hand.
    """

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._entries: list[tuple[Route, tuple[Observation, ...], Schedule | Exception]] = []
        #: Schedules built and reused, for tests and benches.
        self.built = 0
        self.reused = 0

    def get(self, route: Route, observations: tuple[Observation, ...]) -> Schedule:
        """The schedule of ``observations`` on ``route`` (raises what building it raised)."""
        found = next((i for i, (known_route, known, _) in enumerate(self._entries)
                      if known_route == route and known == observations), None)
        if found is not None:
            entry = self._entries.pop(found)
            self.reused += 1
        else:
            self.built += 1
            try:
                built: Schedule | Exception = journey_schedule(route, list(observations))
            except Exception as exc:  # noqa: BLE001 - kept, so a bad story fails fast next time too
                built = exc
            entry = (route, observations, built)
        self._entries.append(entry)
        del self._entries[:-self.size]
        result = entry[2]
        if isinstance(result, Exception):
            raise result
        return result

    def clear(self) -> None:
        """Forget every schedule."""
        self._entries.clear()


def route_in_use(monitor: Monitor) -> Route | None:
    """The route in use, read without storing anything: the stored one, else the shipped file;
    None when the store follows no journey."""
    return monitor.route()


def suggest_route(db: Database, as_of: str | None = None,
                  min_stops: int = 3) -> RouteSuggestion | None:
    """The shipped route most of whose stops (by name or alias) the posts up to ``as_of`` name,
    when that is at least ``min_stops``; ties go to the route listed first (the shorter list of
    routes' order). Read from the full-text index: one look-up per name."""
    reads = SituationQueries(db)
    best: RouteSuggestion | None = None
    for route, names in _shipped_routes():
        named = reads.named(names, as_of)
        stops = tuple(stop.name for stop in route.stops if named & {stop.name, *stop.aliases})
        if len(stops) >= min_stops and (best is None or len(stops) > len(best.stops)):
            best = RouteSuggestion(route=route.name, title=route.title, stops=stops)
    return best


#: The shipped routes with the names to look for, read once per set of files (path, mtime).
_SHIPPED: tuple[tuple, list[tuple[Route, list[str]]]] | None = None


def _shipped_routes() -> list[tuple[Route, list[str]]]:
    """Each shipped route with its stops' names and aliases; the files are read and validated
    again only when they change (a window asks at every snapshot)."""
    global _SHIPPED
    files = sorted(routes_dir().glob("*.json"))
    key = tuple((str(path), path.stat().st_mtime_ns) for path in files)
    if _SHIPPED is None or _SHIPPED[0] != key:
        routes = []
        for info in list_routes():
            try:
                route = load_route(info.path)
            except Exception:  # noqa: BLE001 - a file that broke since it was listed is left out
                continue
            routes.append((route, sorted({n for stop in route.stops for n in (stop.name, *stop.aliases)})))
        _SHIPPED = (key, routes)
    return _SHIPPED[1]


def _limit(value: int | None) -> int:
    return _NO_LIMIT if value is None else value


#: Posts read per statement when every post is asked for (a page binds one parameter per post).
_POSTS_PER_READ = 5000


def _newest_posts(feed: FeedQueries, flt: FeedFilter, limit: int | None) -> tuple[Post, ...]:
    """The newest ``limit`` posts passing ``flt`` (None: all), read in keyset pages."""
    found: list[Post] = []
    while limit is None or len(found) < limit:
        want = _POSTS_PER_READ if limit is None else min(_POSTS_PER_READ, limit - len(found))
        page = feed.page(flt, after=sort_key(found[-1]) if found else None, limit=want)
        found += page
        if len(page) < want:
            break
    return tuple(found)


def read_situation(monitor: Monitor, at: datetime | None = None,
                   limits: SituationLimits | None = None) -> Situation:
    """The situation as of ``at`` (posts published up to it, the estimate at it); None: live."""
    limits = limits or SituationLimits()
    as_of = to_iso(at) if at is not None else None
    moment = at or utc_now()
    feed = FeedQueries(monitor.db)
    reads = SituationQueries(monitor.db)
    # Every post, copies too: the counts, the chart and the report's list agree with the store's
    # totals (each post still carries how many other sources hold its story item).
    flt = FeedFilter(as_of=as_of, fold=False)

    post_count, source_count = reads.post_totals(as_of)
    posts = _newest_posts(feed, flt, limits.posts)
    post_hours: tuple[list[tuple[str, int]], int, str | None] = (
        feed.hour_counts(flt, days=limits.chart_days) if limits.chart_days != 0 else ([], 0, None))

    said = read_quotes(monitor, at, limits, posts)

    route = route_in_use(monitor)
    first, last = feed.time_span()
    first_post = parse_iso(first)
    suggestion = None
    if route is None:
        observations: tuple[Observation, ...] = ()
        sched, estimate = None, None
        chart: tuple[Estimate, ...] = ()
        span = _span(first_post, parse_iso(last), observations, None)
        start = first_post
        suggestion = suggest_route(monitor.db, as_of)
    else:
        observations = tuple(monitor.journey.recent_observations(as_of=as_of,
                                                                 limit=_limit(limits.observations)))
        # The same stop, kind and window from several posts: each says by how many origins.
        observations = corroborate(observations, post_origins(
            monitor.db, {o.post_id for o in observations if o.post_id is not None}))
        schedules = getattr(monitor, "schedules", None) or ScheduleCache()
        sched, estimate, span, chart = _journey(schedules, route, observations, moment, first_post,
                                                parse_iso(last), limits.chart_samples)
        start = _story_start(schedules, reads, route, first_post, observations, sched,
                             _limit(limits.observations))
    totals = said.totals
    return Situation(
        at=at, moment=moment, limits=limits, post_count=post_count, source_count=source_count,
        quote_count=said.quote_count, speaker_count=said.speaker_count, posts=posts, quotes=said.quotes,
        quote_posts=said.quote_posts, speakers=said.speakers, speaker_quotes=said.speaker_quotes,
        post_hours=post_hours, route=route, observations=observations, schedule=sched,
        estimate=estimate, span=span, chart=chart, first_post=first_post, story_start=start,
        quotes_by_kind=totals.quotes_by_kind if totals else {},
        speakers_by_kind=totals.speakers_by_kind if totals else {},
        unattributed=totals.unattributed if totals else 0, suggestion=suggestion,
    )


@dataclass(frozen=True)
class QuotesAt:
    """The quote side of a situation alone: what an analyst's correction changes (see
    :class:`Situation` for each field)."""

    at: datetime | None
    quote_count: int
    speaker_count: int
    quotes: tuple[Quote, ...]
    quote_posts: dict[int, Post]
    speakers: tuple[Speaker, ...]
    speaker_quotes: dict[int, tuple[Quote, ...]]
    #: With ``limits.by_kind``: the counts by kind the two counts above are the sums of.
    totals: QuoteTotals | None = None


def read_quotes(monitor: Monitor, at: datetime | None = None, limits: SituationLimits | None = None,
                posts: tuple[Post, ...] = ()) -> QuotesAt:
    """Speakers and quotes as of ``at`` within ``limits``, as :func:`read_situation` reads them;
    alone, so a correction refreshes them without the journey. ``posts`` already read are not
    read again."""
    limits = limits or SituationLimits()
    as_of = to_iso(at) if at is not None else None
    store = monitor.quotes
    # Counted by kind, the totals give the quote count and, up to a moment, the quoted speakers'
    # count too: each of those is another pass over millions of quotes at a million posts.
    totals = SituationQueries(monitor.db).quote_totals(as_of) if limits.by_kind else None
    quotes, quote_count = store.newest(as_of=as_of, limit=_limit(limits.quotes),
                                       with_total=totals is None)
    speakers, speaker_count = store.top_speakers(as_of=as_of, limit=_limit(limits.speakers),
                                                 with_total=totals is None or as_of is None)
    if totals is not None:
        quote_count = totals.quotes
        if as_of is not None:
            speaker_count = totals.speakers
    # Whoever said a listed quote is named in the list, even when not among the most quoted.
    missing = {q.speaker_id for q in quotes if q.speaker_id is not None} - {s.id for s in speakers}
    speakers += [s for s in (store.speaker(i) for i in sorted(missing)) if s is not None]
    by_speaker: dict[int, tuple[Quote, ...]] = {}
    if limits.quotes_per_speaker != 0 and speakers:
        found = SituationQueries(monitor.db).speaker_quotes([s.id for s in speakers], as_of,
                                                            limits.quotes_per_speaker)
        by_speaker = {sid: tuple(qs) for sid, qs in found.items()}
    wanted = {q.post_id for q in quotes} | {q.post_id for qs in by_speaker.values() for q in qs}
    known = {p.id: p for p in posts}
    quote_posts = {i: known[i] for i in wanted if i in known}
    quote_posts.update(FeedQueries(monitor.db).posts_by_id(sorted(wanted - set(known))))
    # Each listed quote says how widely its statement was reported by then (within days of it).
    times = {i: p.published or p.first_seen for i, p in quote_posts.items()}
    items = monitor.items_of(sorted(wanted)) if wanted else {}
    copied: dict[int, set[int]] = {}  # a kept quote's id: the sources its story's copies carry it in
    if any(also for _, also in items.values()):
        listed = quotes
        quotes = _reprints_once(quotes, items, quote_posts, copied)
        # A speaker whose every quote is a reprint's copy ("an analyst" of the outlet's copy of
        # the agency story) is the agency's speaker again: not listed twice.
        left_out = Counter(q.speaker_id for q in listed if q.speaker_id is not None) - Counter(
            q.speaker_id for q in quotes if q.speaker_id is not None)
        speakers = [s for s in speakers if not (left_out[s.id] and s.quote_count <= left_out[s.id])]
        by_speaker = {sid: tuple(_reprints_once(list(qs), items, quote_posts, copied))
                      for sid, qs in by_speaker.items()}
    reach = monitor.quote_reach([*quotes, *(q for qs in by_speaker.values() for q in qs)], times, as_of)
    for quote_id, sources in copied.items():
        # The copies' own speakers may be separate unnamed sources ("an analyst" in each), which
        # the statement grouping does not join: the copies still count as sources of one origin.
        had = reach.get(quote_id)
        if had is None or had.reported_by < len(sources):
            reach[quote_id] = Corroboration(len(sources), had.independent if had else 1,
                                            had.tiers if had else ())
    if reach:
        quotes = [replace(q, reach=reach.get(q.id)) for q in quotes]
        by_speaker = {sid: tuple(replace(q, reach=reach.get(q.id)) for q in qs)
                      for sid, qs in by_speaker.items()}
    return QuotesAt(at, quote_count, speaker_count, tuple(quotes), quote_posts, tuple(speakers), by_speaker,
                    totals)


def _reprints_once(quotes: list[Quote], items: dict[int, tuple[int, int]], posts: dict[int, Post],
                   copied: dict[int, set[int]]) -> list[Quote]:
    """``quotes`` with a story's reprints listed once: a quote in a copy of a story item (an
    agency story in forty outlets) whose words another copy of the same item carries too is
    left out and the earliest copy's kept (order otherwise kept); ``copied`` gets, for each
    kept quote with copies, the sources that carried it."""
    def when(quote: Quote) -> tuple[str, int]:
        post = posts.get(quote.post_id)
        return ((post.published or post.first_seen or "") if post else "", quote.post_id)

    groups: dict[tuple[int, str, str], list[Quote]] = {}
    for quote in quotes:
        item = items.get(quote.post_id)
        if item is not None and item[1]:
            key = (item[0], quote.kind, " ".join(quote.text.split()).casefold())
            groups.setdefault(key, []).append(quote)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        first = min(group, key=when)
        dropped.update(id(q) for q in group if q is not first)
        sources = {posts[q.post_id].source_id for q in group if q.post_id in posts}
        copied.setdefault(first.id, set()).update(sources)
    return [q for q in quotes if id(q) not in dropped] if dropped else quotes


def _story_start(schedules: ScheduleCache, reads: SituationQueries, route: Route,
                 first_post: datetime | None,
                 observations: tuple[Observation, ...], sched: Schedule | None, limit: int
                 ) -> datetime | None:
    """The first post, or the earliest departure the oldest reports allow when that is earlier."""
    if first_post is None:
        return None
    oldest = tuple(reads.first_observations(limit))
    if oldest != observations:  # else the situation's own schedule already answers
        try:
            sched = schedules.get(route, oldest)
        except Exception:  # noqa: BLE001 - the start is then the first post
            sched = None
    if sched is not None and sched.timed:
        return min(first_post, datetime.fromtimestamp(sched.earliest[0], tz=first_post.tzinfo))
    return first_post


def _journey(schedules: ScheduleCache, route: Route, observations: tuple[Observation, ...],
             moment: datetime,
             first: datetime | None, last: datetime | None, samples: int
             ) -> tuple[Schedule | None, Estimate, tuple[datetime, datetime] | None, tuple[Estimate, ...]]:
    """The schedule, the estimate at ``moment``, the story's span and the chart's samples.

    Only the reports given count, so a replayed estimate is the one an analyst could have made
    then, not one made with hindsight.
    """
    try:
        sched = schedules.get(route, observations)
    except Exception:  # noqa: BLE001 - a story the estimator cannot fit still shows its route
        log.warning("no journey schedule", exc_info=True)
        return None, journey_estimate(route, list(observations), moment), \
            _span(first, last, observations, None), ()
    estimate = estimate_from(sched, moment)
    # The span runs to the latest arrival the schedule allows, as seen from the story's start.
    span = _span(first, last, observations, None)
    if span is not None:
        span = _span(first, last, observations, estimate_from(sched, span[0]))
    chart: tuple[Estimate, ...] = ()
    if span is not None and samples > 0:
        step = (span[1] - span[0]) / samples
        chart = tuple(estimate_from(sched, span[0] + step * i, notes=False) for i in range(samples + 1))
    return sched, estimate, span, chart


def _sample(estimate: Estimate) -> Estimate:
    """An estimate as a point of a chart series: without its notes, which a chart never shows
    and which repeat one line per conflicting report (thousands in a long story) in every sample."""
    return replace(estimate, notes=())


def _span(first: datetime | None, last: datetime | None, observations: tuple[Observation, ...],
          estimate: Estimate | None) -> tuple[datetime, datetime] | None:
    """From the first post or report to the last one (or the last ETA), at least a day."""
    times = [t for t in (first, last) if t is not None]
    times += [o.at for o in observations if o.at is not None]
    if estimate is not None:
        times += [t for e in estimate.etas if (t := e.latest or e.likely)]
    if not times:
        return None
    start, end = min(times), max(times)
    return start, max(end, start + timedelta(days=1))
