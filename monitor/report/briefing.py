"""What a report says, gathered from the store at one moment: plain data, no Qt.

:func:`gather` asks ``Monitor.situation`` — the same answer the desktop app shows for the same
moment — for everything the renderer draws: posts up to the moment, the speakers and their
quotes, the journey estimate with its band and ETAs, the estimates over time for the chart. The
painting code never touches the database, and the same database and moment always give the
same :class:`Briefing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from monitor.model import Estimate, Observation, Post, Quote, Route, Speaker, parse_iso, utc_now
from monitor.service import Monitor
from monitor.situation import Situation, SituationLimits

#: A story whose latest post is older than this is finished: without ``--at`` its report is as
#: of that post, not of a clock that has long moved on.
FINISHED_AFTER = timedelta(days=1)
#: How far ``at`` may run ahead of the clock before it counts as "in the future" (clock skew).
FUTURE_SLACK = timedelta(minutes=1)
DEFAULT_TITLE = "Situation briefing"
#: Points on the distance–time chart.
CHART_SAMPLES = 240
#: A PDF lists every post and every quote up to the moment.
FULL_LIMITS = SituationLimits(posts=None, quotes=0, speakers=None, quotes_per_speaker=None,
                              chart_samples=0, chart_days=0, by_kind=True)
#: Page one alone (a PNG) has room for a few posts and the most quoted speakers' two latest
#: quotes; the figures and the "+ N earlier posts" come from counts made in SQL.
PAGE_LIMITS = SituationLimits(posts=40, quotes=0, speakers=20, quotes_per_speaker=2,
                              chart_samples=0, chart_days=0, by_kind=True)


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
    posts: tuple[Post, ...]  # newest first, published up to ``at`` (all of them, or the newest)
    source_count: int
    #: None when the store follows no journey: the report then shows no journey element.
    route: Route | None
    estimate: Estimate | None
    #: Estimates from the story's start up to ``at``, for the distance–time chart.
    track: tuple[Estimate, ...]
    observations: tuple[Observation, ...]
    speakers: tuple[SpeakerQuotes, ...]  # most quoted first
    story_start: datetime
    post_times: dict[int, datetime] = field(default_factory=dict)
    #: Quotes in posts up to ``at`` that no speaker could be found for.
    unattributed: int = 0
    #: Posts published up to ``at`` (``posts`` may hold only the newest of them).
    post_count: int = 0
    #: Quotes in posts up to ``at``, attributed or not, and by kind.
    quote_count: int = 0
    quotes_by_kind: dict[str, int] = field(default_factory=dict)
    #: Speakers quoted up to ``at``, by kind.
    speakers_by_kind: dict[str, int] = field(default_factory=dict)
    #: True when no moment was asked for and the story had ended: the report is as of its last
    #: post (more than ``FINISHED_AFTER`` before the clock), not as of now.
    as_of_last_post: bool = False

    @property
    def quoted_speakers(self) -> tuple[SpeakerQuotes, ...]:
        """Speakers with at least one quote up to ``at``."""
        return tuple(s for s in self.speakers if s.quotes)

    @property
    def speaker_count(self) -> int:
        """Speakers quoted up to ``at``."""
        return sum(self.speakers_by_kind.values())


def post_time(post: Post) -> datetime:
    """When a post appeared: its published time, else when it was first seen (UTC)."""
    moment = parse_iso(post.published or post.first_seen)
    assert moment is not None  # first_seen is NOT NULL
    return moment


def store_name(monitor: Monitor) -> str:
    """The store as a report names it: a file by its name, a team store by its database's (a
    URL's last part, read as a URL: its query may hold a socket folder, and never a password)."""
    if monitor.team is None:
        return monitor.db_path.name
    return urlsplit(monitor.where).path.strip("/") or monitor.where


def check_moment(situation: Situation, database: str) -> tuple[datetime, datetime]:
    """Validate the situation's moment against the story: returns (moment, story start).

    Raises ReportError for an empty database, a moment before the story starts or in the future.
    """
    start = situation.story_start
    if start is None:
        raise ReportError(f"{database}: the database has no posts; ingest a source first")
    now = utc_now()
    moment = situation.moment
    if moment < start:
        raise ReportError(
            f"--at {moment.isoformat()}: before the story starts ({start:%Y-%m-%d %H:%M} UTC)"
        )
    if moment > now + FUTURE_SLACK:
        raise ReportError(f"--at {moment.isoformat()}: in the future (now {now:%Y-%m-%d %H:%M} UTC)")
    return moment, start


def gather(monitor: Monitor, at: datetime | None = None, title: str | None = None,
           limits: SituationLimits = FULL_LIMITS) -> Briefing:
    """Read the briefing for ``at`` (default: now). Raises ReportError on an unusable store or time.

    ``limits`` says how much to carry: everything (``FULL_LIMITS``, for a PDF) or what page one
    has room for (``PAGE_LIMITS``); the counts are the same either way.
    """
    if at is not None and at.tzinfo is None:
        raise ReportError(f"--at {at.isoformat()}: no time zone; add Z or an offset such as +09:00")
    as_of_last_post = False
    if at is None:
        last = monitor.last_post_time()
        now = utc_now()
        as_of_last_post = last is not None and now - last > FINISHED_AFTER
        at_moment = last if as_of_last_post and last is not None else now
    else:
        at_moment = at
    # Only what had been reported by then: a replayed report must not know the future.
    situation = monitor.situation(at_moment, limits)
    moment, start = check_moment(situation, monitor.where)
    track = situation.track(start, moment, CHART_SAMPLES)
    speakers = tuple(
        SpeakerQuotes(s, situation.speaker_quotes.get(s.id, ())) for s in situation.speakers
    )
    posts = situation.posts
    return Briefing(
        title=title or DEFAULT_TITLE,
        at=moment,
        fixed_time=at is not None,
        database=store_name(monitor),
        posts=posts,
        source_count=situation.source_count,
        route=situation.route,
        estimate=situation.estimate,
        track=track,
        observations=situation.observations,
        speakers=speakers,
        unattributed=situation.unattributed,
        story_start=start,
        post_times={p.id: post_time(p) for p in posts},
        post_count=situation.post_count,
        quote_count=situation.quote_count,
        quotes_by_kind=situation.quotes_by_kind,
        speakers_by_kind=situation.speakers_by_kind,
        as_of_last_post=as_of_last_post,
    )
