"""Every read and write the desktop app makes, as plain functions of an open Monitor.

These functions run on worker threads (see ``workers.py``), each with the thread's own Monitor,
and return plain data (dataclasses from ``monitor.model``) that the GUI thread hands to widgets.
Widgets never touch a Monitor.

The report renderer may be missing from a build; this is the one module that checks for it, so
the rest of the GUI asks ``Features`` instead.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.model import (
    Estimate,
    Observation,
    OpChanges,
    Post,
    Quote,
    Route,
    RouteSuggestion,
    Source,
    Speaker,
    to_iso,
)
from monitor.model.alerts import AlertHit, AlertRule
from monitor.model.health import SourceHealth
from monitor.service import Monitor
from monitor.situation import QuotesAt, Situation, SituationLimits
from monitor.state import Versions, versions_of
from monitor.store.feed import ChangeMark, FeedFilter, FeedQueries, SortKey, Span, sort_key

if TYPE_CHECKING:
    from monitor.store.pg.notify import ChangeListener

log = logging.getLogger(__name__)


class StoreConnectionLost(RuntimeError):
    """A team store's connection did not answer (a job run with ``retry`` then runs again on a
    new one)."""


#: Longest body text a list row lays out; the rest is shown when the post is opened.
BODY_PREVIEW_CHARS = 1500
#: Days of posts the posts-per-hour chart shows, up to the newest post.
CHART_DAYS = 14
#: Quotes a snapshot carries for the inspector: the newest ones (a selected speaker's are read
#: on their own, ``speaker_quotes``).
QUOTES_SHOWN = 200
#: Speakers a snapshot carries: the most quoted ones (a long story names hundreds of thousands
#: of anonymous sources, "a local resident", each a speaker of their own).
SPEAKERS_SHOWN = 2000
#: Route reports the journey is estimated from: those of the newest posts. A journey is a few
#: days; this many reports hold all of it, and a months-long store does not pour a million
#: reports into each estimate.
OBSERVATIONS_USED = 5000
#: A search's matches are counted up to this many; beyond, the feed says "more than" (counting
#: every match of a common word in a million posts would hold the first page back).
SEARCH_TOTAL_CAP = 10_000
#: Points sampled along the story's span for the distance-time chart.
ESTIMATE_SAMPLES = 96



@dataclass(frozen=True)
class Features:
    """Which optional engines this build offers."""

    report: bool = False


def features(monitor: Monitor) -> Features:
    """What the open Monitor can do."""
    return Features(report=_report_preparer() is not None)


def _report_preparer() -> Callable[..., Any] | None:
    """``monitor.report.prepare_report`` when this build has the renderer."""
    try:
        module = importlib.import_module("monitor.report")
    except ImportError:
        return None
    func = getattr(module, "prepare_report", None)
    return func if callable(func) else None


def _report_function(monitor: Monitor) -> Callable[..., Any] | None:
    method = getattr(monitor, "report", None)
    if callable(method):
        return method
    try:
        module = importlib.import_module("monitor.report")
    except ImportError:
        return None
    for name in ("write_report", "render_report"):
        func = getattr(module, name, None)
        if callable(func):
            return lambda out, at=None, _f=func: _f(monitor, out, at=at)
    return None


# -- opening ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenResult:
    """What opening (and perhaps seeding) the database found."""

    db_path: str
    post_count: int
    seeded: int
    notes: tuple[str, ...] = ()
    features: Features = field(default_factory=Features)
    #: How the store is named to the reader: the file, or a team store's URL with no password.
    where: str = ""
    #: A team store (PostgreSQL): the window listens for other processes' changes and polls nothing.
    team: bool = False


def open_and_seed(monitor: Monitor, seed: bool) -> OpenResult:
    """Check the database opens and, when asked, fill an empty one from the seeds."""
    notes: list[str] = []
    seeded = 0
    if seed:
        for report in monitor.seed_if_empty():
            if report.ok:
                seeded += report.added
            else:
                notes.append(report.error or report.where)
    return OpenResult(
        db_path=str(monitor.db_path),
        post_count=monitor.posts.count(),
        seeded=seeded,
        notes=tuple(notes),
        features=features(monitor),
        where=monitor.where,
        team=monitor.team is not None,
    )


def listen(monitor: Monitor, on_change: Callable[[OpChanges], None], on_lost: Callable[[str], None],
           started: list[ChangeListener] | None = None) -> ChangeListener:
    """Listen for what other processes write to the team store (``Monitor.listen``, passing
    over this thread's own writes), after checking this thread's connection still works: run
    on the writer thread when the window opens the store and again to reconnect, so the writer
    finds out that the server restarted here, and opens a new connection, rather than in the
    analyst's next correction. Raises StoreConnectionLost naming the store when this thread's
    connection is gone (run with ``retry``, it is tried once more on a new one), StoreError when
    the store cannot be reached. The listener is also put in ``started``, so the window can stop
    it though this answer never reaches it."""
    if monitor.team is not None and not monitor.team.alive():
        raise StoreConnectionLost(f"{monitor.where}: the connection was lost")
    listener = monitor.listen(on_change, on_lost=on_lost)
    if started is not None:
        started.append(listener)
    return listener


def probe(monitor: Monitor) -> None:
    """Check that this thread's connection to the team store works (one round trip; nothing on
    a file). Raises StoreConnectionLost naming the store when it does not (run as a read, it is
    tried once more on a new connection first), or StoreError when no new one can be made."""
    if monitor.team is not None and not monitor.team.alive():
        raise StoreConnectionLost(f"{monitor.where}: the connection was lost")


# -- the feed -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedPage:
    """One page of the feed and the quoted passages of its posts."""

    posts: list[Post]
    spans: dict[int, list[Span]]
    total: int | None = None
    mark: ChangeMark | None = None
    unread: frozenset[int] = frozenset()  # which of the posts the reader has not read


def feed_page(
    monitor: Monitor, flt: FeedFilter, after: SortKey | None, limit: int, with_total: bool
) -> FeedPage:
    """The next page of posts passing ``flt``; the first page also carries the total and mark."""
    queries = FeedQueries(monitor.db)
    # The mark comes first: a post stored between the two reads is then "new", never lost.
    mark = queries.mark() if with_total else None
    posts = queries.page(flt, after=after, limit=limit)
    total = queries.count(flt, cap=SEARCH_TOTAL_CAP if flt.text else None) if with_total else None
    return FeedPage(posts, quote_spans(monitor, posts), total, mark, _unread(monitor, posts))


def _unread(monitor: Monitor, posts: list[Post]) -> frozenset[int]:
    return frozenset(monitor.reads.unread_among([p.id for p in posts]))


def feed_through(monitor: Monitor, flt: FeedFilter, post_id: int, limit: int = 5000) -> FeedPage | None:
    """Posts from the top of the feed down to ``post_id``; None when the post does not pass ``flt``."""
    queries = FeedQueries(monitor.db)
    target = queries.posts_by_id([post_id]).get(post_id)
    if target is None:
        return None
    posts: list[Post] = []
    after: SortKey | None = None
    while len(posts) < limit:
        page = queries.page(flt, after=after, limit=500)
        if not page:
            return None
        for post in page:
            posts.append(post)
            if post.id == post_id:
                total = queries.count(flt, cap=SEARCH_TOTAL_CAP if flt.text else None)
                return FeedPage(posts, quote_spans(monitor, posts), total, None, _unread(monitor, posts))
        after = sort_key(page[-1])
    return None


@dataclass(frozen=True)
class FeedChanges:
    """Posts added or edited since a change mark."""

    added: list[Post]
    edited: list[Post]
    added_count: int
    mark: ChangeMark
    spans: dict[int, list[Span]]
    alerts: dict[int, list[str]]  # post id -> keywords it matched
    #: Posts no longer their item's lead (a late, earlier copy leads now): a folded feed drops them.
    demoted: list[int] = field(default_factory=list)


def feed_changes(
    monitor: Monitor, flt: FeedFilter, since: ChangeMark, keywords: tuple[str, ...], limit: int
) -> FeedChanges:
    """What is new or edited since ``since``, with the alert keywords each new post matches."""
    queries = FeedQueries(monitor.db)
    added, edited, count, mark = queries.changes(flt, since, limit=limit)
    alerts = match_alerts(added, keywords)
    demoted = queries.demoted(since, mark) if flt.folds and count else []
    return FeedChanges(added, edited, count, mark, quote_spans(monitor, added + edited), alerts, demoted)


def keyword_pattern(keyword: str) -> re.Pattern[str] | None:
    """A case-insensitive whole-word pattern for an alert keyword; None for a blank one."""
    words = keyword.strip().split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.I)


# -- read and unread ----------------------------------------------------------------------


def set_read(monitor: Monitor, post_ids: list[int], read: bool) -> int:
    """Keep posts read (or unread again) in the store; returns how many changed."""
    return monitor.reads.set_read(post_ids, read)


def mark_all_read(monitor: Monitor, source_id: int | None = None) -> int:
    """Keep every post (of one source) read; returns how many were unread."""
    return monitor.reads.mark_all_read(source_id)


def next_unread(monitor: Monitor, flt: FeedFilter, after: SortKey | None, limit: int = 20_000) -> int | None:
    """The first unread post passing ``flt`` below ``after`` in feed order (from the top when
    None), looking at most ``limit`` posts down; None when there is none."""
    queries = FeedQueries(monitor.db)
    seen = 0
    while seen < limit:
        page = queries.page(flt, after=after, limit=500)
        if not page:
            return None
        unread = monitor.reads.unread_among([p.id for p in page])
        for post in page:
            if post.id in unread:
                return post.id
        seen += len(page)
        after = sort_key(page[-1])
    return None


def match_alerts(posts: Iterable[Post], keywords: tuple[str, ...]) -> dict[int, list[str]]:
    """The alert keywords each post mentions (in its headline or body), by post id."""
    patterns = [(k, keyword_pattern(k)) for k in keywords]
    found: dict[int, list[str]] = {}
    for post in posts:
        text = f"{post.title or ''}\n{post.body}"
        hits = [k for k, pattern in patterns if pattern is not None and pattern.search(text)]
        if hits:
            found[post.id] = hits
    return found


def quote_spans(monitor: Monitor, posts: list[Post]) -> dict[int, list[Span]]:
    """Quoted passages of each post as (start, end, kind), offsets in its body (active quotes),
    read in one statement for a page."""
    return FeedQueries(monitor.db).quote_spans([post.id for post in posts])


@dataclass(frozen=True)
class FeedRows:
    """Posts a feed model dropped from its row cache, read again by id, with their spans."""

    posts: dict[int, Post]
    spans: dict[int, list[Span]]


def feed_rows(monitor: Monitor, ids: list[int]) -> FeedRows:
    """The posts with these ids and their quoted passages (ids no longer stored are left out)."""
    queries = FeedQueries(monitor.db)
    return FeedRows(queries.posts_by_id(ids), queries.quote_spans(ids))


def revisions(monitor: Monitor, post_id: int) -> tuple[Post | None, list[dict]]:
    """A post and its earlier versions, oldest first."""
    return monitor.posts.post(post_id), monitor.posts.revisions(post_id)


# -- the situation at a time --------------------------------------------------------------


@dataclass(frozen=True)
class SourceState:
    """A source, how its last poll went, and its health (posts a day, warning)."""

    source: Source
    post_count: int
    health: SourceHealth | None = None

    @property
    def label(self) -> str:
        """What to call the source: its title, else its address (a file by its name)."""
        src = self.source
        return src.title or src.key.removeprefix("file:")

    @property
    def failing(self) -> bool:
        """True when the last poll ended in an error."""
        return bool(self.source.last_error)


def source_states(monitor: Monitor) -> list[SourceState]:
    """Every source with its post count, how its last poll went and its health (the status
    bar's line and the Sources dock)."""
    return [SourceState(h.source, h.posts, h) for h in monitor.source_health()]


def remove_source(monitor: Monitor, source_id: int, keep_posts: bool) -> OpChanges:
    """Stop polling a source for good, keeping or deleting its posts."""
    return monitor.remove_source(source_id, keep_posts=keep_posts)


def set_source_enabled(monitor: Monitor, source_id: int, enabled: bool) -> OpChanges:
    """Poll a source again, or stop polling it."""
    return monitor.set_source_enabled(source_id, enabled)


def rename_source(monitor: Monitor, source_id: int, title: str) -> OpChanges:
    """Give a source the reader's title."""
    return monitor.rename_source(source_id, title)


def set_source_interval(monitor: Monitor, source_id: int, interval: int) -> OpChanges:
    """Change how often a source is polled."""
    return monitor.set_source_interval(source_id, interval)


@dataclass(frozen=True)
class Snapshot:
    """Everything the panes show, as of ``at`` (None: live)."""

    at: datetime | None
    post_count: int
    quote_count: int
    sources: list[SourceState]
    speakers: list[Speaker]
    quotes: list[Quote]  # the newest QUOTES_SHOWN of quote_count
    quote_posts: dict[int, Post]
    # ("YYYY-MM-DDTHH", posts), date-only posts, and where counting began when older posts were left out
    post_hours: tuple[list[tuple[str, int]], int, str | None]
    #: None when the store follows no journey (then no estimate, chart or reports either).
    route: Route | None
    estimate: Estimate | None
    estimates: list[Estimate]
    observations: list[Observation]
    span: tuple[datetime, datetime] | None
    features: Features
    speaker_count: int = 0  # speakers in all (``speakers`` holds the most quoted of them)
    #: With no journey: a shipped route the posts seem to follow, to offer (never chosen here).
    suggestion: RouteSuggestion | None = None
    unread: dict[int, int] = field(default_factory=dict)  # unread posts per source id
    unread_copies: int = 0  # of those, later copies of a story item (counted once in "All sources")
    #: The situation itself (its schedule moves the estimate with the clock, no read) and the
    #: fingerprints of its parts, computed here on the worker (see ``monitor.state``).
    situation: Situation | None = None
    versions: Versions | None = None


#: What a snapshot carries: the newest quotes and the most quoted speakers, the route reports of
#: the newest posts, the last fortnight of posts per hour (see ``SituationLimits``).
SNAPSHOT_LIMITS = SituationLimits(
    posts=0, quotes=QUOTES_SHOWN, speakers=SPEAKERS_SHOWN, observations=OBSERVATIONS_USED,
    chart_samples=ESTIMATE_SAMPLES, chart_days=CHART_DAYS,
)


def snapshot(monitor: Monitor, at: datetime | None) -> Snapshot:
    """The situation as of ``at`` (posts published up to it, the estimate at it); None: now."""
    situation = monitor.situation(at, SNAPSHOT_LIMITS)
    return Snapshot(
        at=at,
        post_count=situation.post_count,
        quote_count=situation.quote_count,
        sources=source_states(monitor),
        speakers=list(situation.speakers),
        quotes=list(situation.quotes),
        quote_posts=situation.quote_posts,
        post_hours=situation.post_hours,
        route=situation.route,
        estimate=situation.estimate,
        estimates=list(situation.chart),
        observations=list(situation.observations),
        span=situation.span,
        features=features(monitor),
        speaker_count=situation.speaker_count,
        suggestion=situation.suggestion,
        unread=monitor.reads.unread_counts(),
        unread_copies=monitor.reads.unread_copies(),
        situation=situation,
        versions=versions_of(situation),
    )


def quotes_at(monitor: Monitor, at: datetime | None) -> QuotesAt:
    """The speakers and quotes of ``snapshot(at)`` alone, read after an analyst's correction."""
    return monitor.quotes_at(at, SNAPSHOT_LIMITS)


@dataclass(frozen=True)
class QuotesPatch:
    """What a live correction changed on the quote side: the newest quotes again (one of them
    may be the corrected one) and the speakers it touched, as they are now."""

    at: None
    quote_count: int  # -1: not counted (the owner knows it, less ``changes.quotes_deactivated``)
    quotes: tuple[Quote, ...]
    quote_posts: dict[int, Post]
    #: The speakers the correction changed, with their quote counts now (removed ones left out).
    speakers: tuple[Speaker, ...]
    removed: frozenset[int]


def corrected_quotes(monitor: Monitor, at: datetime | None, changes: OpChanges) -> QuotesAt | QuotesPatch:
    """The quote side after a correction: live, only the newest quotes and the speakers
    ``changes`` names (counting 2,000 speakers' quotes again costs more than the rest of a
    correction); in a replay, whose counts are as of then, all of ``quotes_at``. Live, the
    number of active quotes is not counted again (-1): it is the one shown less the quotes
    ``changes`` deactivated."""
    if at is not None:
        return quotes_at(monitor, at)
    quotes, count = monitor.quotes.newest(limit=QUOTES_SHOWN, with_total=False)
    posts = FeedQueries(monitor.db).posts_by_id(sorted({q.post_id for q in quotes}))
    ids = sorted(changes.speakers - changes.speakers_removed)
    speakers = tuple(s for s in map(monitor.quotes.speaker, ids) if s is not None)
    return QuotesPatch(None, count, tuple(quotes), posts, speakers, changes.speakers_removed)


@dataclass(frozen=True)
class SpeakerQuotes:
    """One speaker's newest quotes, their posts, and how many quotes the speaker has in all."""

    speaker_id: int
    at: datetime | None
    quotes: list[Quote]
    posts: dict[int, Post]
    total: int


def speaker_quotes(monitor: Monitor, speaker_id: int, at: datetime | None,
                   limit: int = QUOTES_SHOWN) -> SpeakerQuotes:
    """The newest ``limit`` quotes of one speaker (from posts published by ``at``; None: now)."""
    quotes, total = monitor.quotes.newest(speaker_id=speaker_id, as_of=to_iso(at) if at else None,
                                          limit=limit)
    posts = FeedQueries(monitor.db).posts_by_id(sorted({q.post_id for q in quotes}))
    reach = monitor.quote_reach(quotes, {i: p.published or p.first_seen for i, p in posts.items()},
                                to_iso(at) if at else None)
    quotes = [replace(q, reach=reach.get(q.id)) for q in quotes] if reach else quotes
    return SpeakerQuotes(speaker_id, at, quotes, posts, total)


# -- writes -------------------------------------------------------------------------------


def ingest_paths(monitor: Monitor, paths: list[str]) -> list:
    """Ingest files or directories; one report per file (bad files are reported, not raised)."""
    reports: list = []
    for path in paths:
        reports.extend(monitor.ingest_path(Path(path)))
    return reports


def ingest_document(monitor: Monitor, content: bytes, name: str, source_key: str, url: str) -> Any:
    """Ingest one document already in memory (a page, a feed) as one source; its report."""
    return monitor.ingest_bytes(content, name, source_key=source_key, url=url)


def add_source(monitor: Monitor, url: str, interval: int) -> Any:
    """Register a feed or page to poll."""
    return monitor.add_source(url, interval)


def poll(monitor: Monitor, force: bool = False) -> list:
    """Poll the sources that are due (every enabled source when ``force``); one report each."""
    return monitor.poll_once() if force else monitor.poll_due()


def reassign_quote(monitor: Monitor, quote_id: int, speaker_id: int, author: str | None = None) -> OpChanges:
    """Give a quote to another speaker (stored as the analyst's correction, signed by
    ``author``, else the user logged in); what changed."""
    return monitor.reassign_quote(quote_id, speaker_id, author)


def reject_quote(monitor: Monitor, quote_id: int, author: str | None = None) -> OpChanges:
    """Mark a quote as not a quote (stored as the analyst's correction, signed by ``author``,
    else the user logged in); what changed."""
    return monitor.reject_quote(quote_id, author)


def use_route(monitor: Monitor, ref: str | None) -> str | None:
    """Choose the journey (a shipped route's name, a route, GeoJSON or GPX file, or None for
    none); every post is matched to it again. Returns the route's title; RouteError names a bad
    file."""
    route = monitor.use_route(ref)
    return route.title if route is not None else None


def shipped_routes() -> list[tuple[str, str]]:
    """(name, title) of every shipped route, for the journey menu."""
    return [(info.name, info.title) for info in Monitor.shipped_routes()]


def saved_routes() -> list[tuple[str, str, str]]:
    """(path, name, title) of each route file in the user's routes folder that loads (routes made
    or edited by hand), for the journey menu; none when the folder does not exist."""
    return [(str(info.path), info.name, info.title) for info in Monitor.saved_routes()]


def merge_speakers(monitor: Monitor, keep_id: int, merge_id: int, author: str | None = None) -> OpChanges:
    """Fold one speaker into another (stored as the analyst's correction, signed by ``author``,
    else the user logged in); what changed."""
    return monitor.merge_speakers(keep_id, merge_id, author)


def export_report(monitor: Monitor, out: str, at: datetime | None) -> str:
    """Render the briefing report to ``out``; returns the path written. Draws in this thread:
    for scripts and the GUI thread; the window's workers use :func:`prepare_report`."""
    func = _report_function(monitor)
    if func is None:
        raise RuntimeError("this build has no report renderer")
    func(Path(out), at=at)
    return out


def prepare_report(monitor: Monitor, out: str, at: datetime | None, into: list) -> Any:
    """Read what the report at ``at`` shows and check ``out`` (no drawing: a worker never waits
    on the GUI thread); the result is returned and also appended to ``into``, so a window
    closing before the result is delivered can still draw it."""
    func = _report_preparer()
    if func is None:
        raise RuntimeError("this build has no report renderer")
    prepared = func(monitor, Path(out), at=at)
    into.append(prepared)
    return prepared


# -- alert rules ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertInbox:
    """The alert rules, the hits not dismissed (newest first) and how many are unread."""

    rules: list[AlertRule]
    hits: list[AlertHit]
    total: int
    unread: int


@dataclass(frozen=True)
class AlertScan:
    """New hits of a scan, and the inbox after it."""

    new: list[AlertHit]
    inbox: AlertInbox


def alert_inbox(monitor: Monitor) -> AlertInbox:
    """The alert inbox as stored."""
    total, unread = monitor.alerts.counts()
    return AlertInbox(monitor.alerts.rules(), monitor.alerts.hits(), total, unread)


def scan_alerts(monitor: Monitor) -> AlertScan:
    """Match the rules against posts that arrived since they last looked; the inbox after."""
    new = monitor.scan_alerts()
    return AlertScan(new, alert_inbox(monitor))


def save_alert_rule(monitor: Monitor, rule: AlertRule) -> AlertInbox:
    """Add or change a rule (matched against every stored post at once); the inbox after."""
    monitor.save_alert_rule(rule)
    return alert_inbox(monitor)


def delete_alert_rule(monitor: Monitor, rule_id: int) -> AlertInbox:
    """Forget a rule and its hits; the inbox after."""
    monitor.delete_alert_rule(rule_id)
    return alert_inbox(monitor)


def dismiss_alerts(monitor: Monitor, hits: list[tuple[int, int]] | None) -> AlertInbox:
    """Dismiss these hits (or all); the inbox after."""
    monitor.dismiss_alerts(hits)
    return alert_inbox(monitor)


def read_alert(monitor: Monitor, post_id: int) -> AlertInbox:
    """Read a hit's post (which reads the hit); the inbox after."""
    monitor.reads.set_read([post_id])
    return alert_inbox(monitor)
