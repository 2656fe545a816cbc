"""What a report says, gathered from the store at one moment: plain data, no Qt.

:func:`gather` reads everything the renderer draws — posts up to the moment, the speakers and their
quotes, the journey estimate with its band and ETAs, the estimates over time for the chart — so the
painting code never touches the database and the same database and moment always give the same
:class:`Briefing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.journey.estimate import estimate_from
from monitor.journey.estimate import schedule as journey_schedule
from monitor.model import Estimate, Observation, Post, Quote, Route, Speaker, parse_iso, utc_now
from monitor.service import Monitor

#: How far ``at`` may run ahead of the clock before it counts as "in the future" (clock skew).
FUTURE_SLACK = timedelta(minutes=1)
DEFAULT_TITLE = "Situation briefing"
#: Points on the distance–time chart.
CHART_SAMPLES = 240


class ReportError(Exception):
    """The report cannot be made; the message names the input and the problem."""


@dataclass(frozen=True)
class SpeakerQuotes:
    """A speaker with their quotes, the most recent first."""

    speaker: Speaker
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Briefing:
    """Everything one report shows, as of ``at``."""

    title: str
    at: datetime
    #: True when ``at`` was given: the report then says nothing about the clock.
    fixed_time: bool
    database: str
    posts: tuple[Post, ...]  # newest first, published up to ``at``
    source_count: int
    route: Route
    estimate: Estimate
    #: Estimates from the story's start up to ``at``, for the distance–time chart.
    track: tuple[Estimate, ...]
    observations: tuple[Observation, ...]
    speakers: tuple[SpeakerQuotes, ...]  # most quoted first
    story_start: datetime
    post_times: dict[int, datetime] = field(default_factory=dict)
    #: Quotes in posts up to ``at`` that no speaker could be found for.
    unattributed: int = 0

    @property
    def quote_count(self) -> int:
        """Quotes in posts up to ``at``, attributed or not."""
        return sum(len(s.quotes) for s in self.speakers) + self.unattributed

    @property
    def quoted_speakers(self) -> tuple[SpeakerQuotes, ...]:
        """Speakers with at least one quote up to ``at``."""
        return tuple(s for s in self.speakers if s.quotes)


def post_time(post: Post) -> datetime:
    """When a post appeared: its published time, else when it was first seen (UTC)."""
    moment = parse_iso(post.published or post.first_seen)
    assert moment is not None  # first_seen is NOT NULL
    return moment


def story_start(monitor: Monitor) -> datetime | None:
    """The earliest moment the story covers: the first post, or the journey's earliest departure.

    A post dated only by its day (``2023-09-11``) may have been written in a time zone ahead of UTC,
    so the departure window the journey derives from it counts too.
    """
    posts = monitor.posts.posts()
    if not posts:
        return None
    first = min(post_time(p) for p in posts)
    sched = monitor.schedule()
    if sched.timed:
        first = min(first, datetime.fromtimestamp(sched.earliest[0], tz=first.tzinfo))
    return first


def check_moment(monitor: Monitor, at: datetime | None) -> tuple[datetime, datetime]:
    """Validate ``at`` against the store: returns (moment to report on, story start).

    Raises ReportError for an empty database, a moment before the story starts or in the future.
    """
    start = story_start(monitor)
    if start is None:
        raise ReportError(f"{monitor.db_path}: the database has no posts; ingest a source first")
    now = utc_now()
    moment = at or now
    if moment.tzinfo is None:
        raise ReportError(f"--at {moment.isoformat()}: no time zone; add Z or an offset such as +09:00")
    if moment < start:
        raise ReportError(
            f"--at {moment.isoformat()}: before the story starts ({start:%Y-%m-%d %H:%M} UTC)"
        )
    if moment > now + FUTURE_SLACK:
        raise ReportError(f"--at {moment.isoformat()}: in the future (now {now:%Y-%m-%d %H:%M} UTC)")
    return moment, start


def _speakers(monitor: Monitor, visible: dict[int, datetime]) -> tuple[SpeakerQuotes, ...]:
    store = monitor.quotes
    result = []
    for speaker in store.speakers():
        quotes = [q for q in store.quotes(speaker_id=speaker.id) if q.post_id in visible]
        quotes.sort(key=lambda q: (visible[q.post_id], q.post_id, q.start), reverse=True)
        result.append(SpeakerQuotes(speaker, tuple(quotes)))
    result.sort(key=lambda s: (-len(s.quotes), s.speaker.name.casefold()))
    return tuple(result)


def _unattributed(monitor: Monitor, visible: dict[int, datetime]) -> int:
    return sum(1 for q in monitor.quotes.quotes() if q.speaker_id is None and q.post_id in visible)


def gather(monitor: Monitor, at: datetime | None = None, title: str | None = None) -> Briefing:
    """Read the briefing for ``at`` (default: now). Raises ReportError on an unusable store or time."""
    moment, start = check_moment(monitor, at)
    all_posts = monitor.posts.posts()
    times = {p.id: post_time(p) for p in all_posts}
    posts = tuple(p for p in all_posts if times[p.id] <= moment)
    route = monitor.route()
    visible = {p.id: times[p.id] for p in posts}
    observations = tuple(o for o in monitor.observations(route)
                         if o.post_id is None or o.post_id in visible)
    # Only what had been reported by then: a replayed report must not know the future.
    sched = journey_schedule(route, list(observations))
    estimate = estimate_from(sched, moment)
    span = (moment - start) / (CHART_SAMPLES - 1)
    track = tuple(estimate_from(sched, start + span * i) for i in range(CHART_SAMPLES))
    return Briefing(
        title=title or DEFAULT_TITLE,
        at=moment,
        fixed_time=at is not None,
        database=monitor.db_path.name,
        posts=posts,
        source_count=len({p.source_id for p in posts}),
        route=route,
        estimate=estimate,
        track=track,
        observations=observations,
        speakers=_speakers(monitor, visible),
        unattributed=_unattributed(monitor, visible),
        story_start=start,
        post_times=visible,
    )
