"""Where the train is at any time T, with honest bounds.

The journey is a chain of events — arrive at stop 0, leave it, arrive at stop 1, … — separated by
gaps: the dwell at a stop, or the run to the next one at some speed. Three schedules are built:

* **earliest**: every gap as short as it can be (top speed, shortest dwell);
* **latest**: every gap as long as is plausible (slowest average, longest dwell);
* **likely**: the typical average speed and dwell.

Each timed report (departed, arrived, passed, dwelling) puts its event inside a time window
(a date-only report: the whole local day). A report bounds every other event through the gaps:
an event after it comes no earlier than ``window start + fastest gap`` and no later than
``window end + slowest gap``; an event before it the other way round. The earliest and latest
schedules are the tightest of these bounds over all reports, so a new arrival report re-anchors
everything. A report whose bounds cannot be met together with those already taken (an arrival
before its departure, a run faster than the top speed) is kept, flagged and not used; reports are
taken in order of precision, then the one furthest along the route first. Slower than the slowest
average or a stay longer than the longest dwell is no conflict (a train may wait at a border as
long as it likes): those figures shape the plausible earliest and latest schedules, which are held
inside what the reports make certain.

The schedules do not depend on T, so the position at T (farthest from the earliest schedule,
nearest from the latest) can only grow with T. :func:`estimate` never raises: with no timed
report it says the train has not started and why.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from operator import attrgetter
from types import MemberDescriptorType
from typing import Any

from monitor.journey.anchoring import Anchor, Fit, Report, bounds_of
from monitor.journey.anchoring import describe as _describe
from monitor.model import Estimate, Observation, Route, StopEta

#: Finer precision first: these reports are taken before coarser ones.
_PRECISION_RANK = {"second": 0, "minute": 1, "hour": 2, "part_of_day": 3, "date": 4}
_TIMED_KINDS = ("departed", "arrived", "passed", "dwelling")
#: "About 70 minutes" spans this much either way.
_ABOUT_LOW, _ABOUT_HIGH = 0.8, 1.25
#: Seconds added to every gap of the slow schedule when deciding conflicts. A train may stand at a
#: border, wait for a path or stop between stations for as long as it likes, so the slowest
#: average speed is a plausible bound, not a physical one: two reports conflict only when even the
#: top speed and the shortest dwells cannot join them. One year per gap stands for "no limit"
#: while keeping every figure finite (the anchoring arithmetic needs finite numbers).
_UNHURRIED = 366 * 86400.0


@dataclass(frozen=True, slots=True)
class SpeedModel:
    """Speeds in km/h: the bound for the earliest schedule, the typical one, the slowest average."""

    max_kmh: float
    average_kmh: float
    min_kmh: float
    source: str


@dataclass(frozen=True, slots=True)
class Dwell:
    """How long the train stays at a stop, in minutes, and where the figure comes from."""

    low: float
    likely: float
    high: float
    source: str | None = None
    post_id: int | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    """Event times (POSIX seconds) of the three schedules; events are A0, D0, A1, D1, …"""

    route: Route
    earliest: tuple[float, ...]
    likely: tuple[float, ...]
    latest: tuple[float, ...]
    dwells: tuple[Dwell, ...]
    speed: SpeedModel
    anchors: tuple[Observation, ...]
    conflicts: tuple[Observation, ...]
    observations: tuple[Observation, ...]

    @property
    def timed(self) -> bool:
        """True when at least one report fixes the schedule in time."""
        return bool(self.anchors)


def _seconds(value: datetime) -> float:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def _datetime(value: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def speed_model(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> SpeedModel:
    """The route's speeds, overridden by speed facts found in posts (the last one of each kind)."""
    top, average = route.max_speed_kmh, route.average_speed_kmh
    slow = route.min_average_speed_kmh or average * 0.6
    sources = [route.speed_source or f"route file {route.name}"]
    for obs in observations:
        if obs.kind != "speed" or not obs.speed_kmh or obs.speed_kmh <= 0:
            continue
        if obs.speed_kind == "max":
            top = obs.speed_kmh
        else:
            average = obs.speed_kmh
        sources.append(f"post {obs.post_id}: {obs.evidence}")
    average = min(average, top)
    slow = min(slow, average)
    return SpeedModel(top, average, slow, "; ".join(sources))


def dwells(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> tuple[Dwell, ...]:
    """Each stop's dwell: from a post's stated duration when there is one, else the route file."""
    evidence: dict[str, Observation] = {}
    for obs in observations:
        if obs.duration_minutes and obs.matched and obs.kind != "speed":
            evidence[obs.stop] = obs  # the last report wins
    result = []
    last = len(route.stops) - 1
    for index, stop in enumerate(route.stops):
        found = evidence.get(stop.name)
        if index in (0, last):
            result.append(Dwell(0.0, 0.0, 0.0, "end of the route"))
        elif found is not None:
            minutes = float(found.duration_minutes or 0)
            result.append(Dwell(minutes * _ABOUT_LOW, minutes, minutes * _ABOUT_HIGH,
                                f"post {found.post_id}: {found.evidence}", found.post_id))
        else:
            likely = float(stop.dwell_minutes or 0.0)
            low = stop.dwell_min_minutes if stop.dwell_min_minutes is not None else likely
            high = stop.dwell_max_minutes if stop.dwell_max_minutes is not None else likely
            result.append(Dwell(float(low), likely, float(high), stop.dwell_source))
    return tuple(result)


def _gaps(route: Route, speed: SpeedModel, stay: tuple[Dwell, ...]) -> tuple[list[float], ...]:
    """Cumulative seconds from event 0 for the fast, likely and slow schedules."""
    fast, likely, slow = [0.0], [0.0], [0.0]
    for index, stop in enumerate(route.stops):
        if index:
            run = route.stops[index].km - route.stops[index - 1].km
            fast.append(fast[-1] + run / speed.max_kmh * 3600)
            likely.append(likely[-1] + run / speed.average_kmh * 3600)
            slow.append(slow[-1] + run / speed.min_kmh * 3600)
        dwell = stay[index]
        fast.append(fast[-1] + dwell.low * 60)
        likely.append(likely[-1] + dwell.likely * 60)
        slow.append(slow[-1] + dwell.high * 60)
        del stop
    return fast, likely, slow


def _anchors_of(obs: Observation, index: int | None, stay: tuple[Dwell, ...],
                seconds: dict[datetime, float]) -> tuple[Anchor, ...]:
    """The events a report pins and their windows; none when it fixes nothing in time."""
    if (index is None or not obs.matched or obs.kind not in _TIMED_KINDS
            or obs.window_start is None or obs.window_end is None):
        return ()
    lo = seconds.get(obs.window_start)
    if lo is None:
        lo = seconds[obs.window_start] = _seconds(obs.window_start)
    hi = seconds.get(obs.window_end)
    if hi is None:
        hi = seconds[obs.window_end] = _seconds(obs.window_end)
    if obs.kind == "departed":
        return ((2 * index + 1, lo, hi),)
    if obs.kind in ("arrived", "passed"):
        return ((2 * index, lo, hi),)
    # Dwelling: seen at the stop during the window, so it arrived before the window ends and
    # leaves after it starts. How long before or after is open (a train may stand for hours longer
    # than any dwell figure), so for deciding conflicts the other side is a year away; the
    # plausible bounds take the longest dwell (see _plausible_anchors).
    return ((2 * index, lo - _UNHURRIED, hi), (2 * index + 1, lo, hi + _UNHURRIED))


def _plausible_anchors(report: Report, stay: tuple[Dwell, ...]) -> tuple[Anchor, ...]:
    """A report's anchors for the plausible bounds: a dwelling report arrived at most a full
    (longest) dwell before its window and leaves at most a full dwell after it."""
    if report.first.kind != "dwelling":
        return report.anchors
    (arrive, _, hi), (leave, lo, _) = report.anchors  # the window itself, exactly
    longest = stay[arrive // 2].high * 60
    return ((arrive, lo - longest, hi), (leave, lo, hi + longest))


#: What decides a report's anchors and its place in the order, besides the post.
_REPORT_KEY = attrgetter("stop", "kind", "window_start", "window_end", "matched", "precision")


def _reports(route: Route, observations: list[Observation] | tuple[Observation, ...],
             stay: tuple[Dwell, ...]) -> tuple[list[Report | None], list[Report]]:
    """Each observation's report (None: not timed), and the reports in the order they are tried.

    Observations alike in everything the anchors and the order depend on are grouped first (one
    dictionary look-up each), then groups that pin the same anchors merge into one report. A
    report is decided where its first observation comes in the order — finer precision, further
    along, newer post, earlier in the list — and every later one with the same anchors would be
    decided the same way: taken again it narrows nothing, and bounds only narrow, so what did not
    fit then never fits later.
    """
    stop_index = {s.name: i for i, s in enumerate(route.stops)}
    seconds: dict[datetime, float] = {}
    groups: dict[tuple, list] = {}  # raw key -> [anchors, best post id, its observation, position]
    of_each: list[list] = []
    untimed = [(), 0, None, 0, None]  # what every observation that pins no event shares
    for position, obs in enumerate(observations):
        if obs.kind not in _TIMED_KINDS:
            of_each.append(untimed)
            continue
        key = _REPORT_KEY(obs)
        group = groups.get(key)
        if group is None:
            anchors = _anchors_of(obs, stop_index.get(obs.stop), stay, seconds)
            group = groups[key] = [anchors, obs.post_id or 0, obs, position]
        elif (obs.post_id or 0) > group[1]:
            group[1], group[2], group[3] = obs.post_id or 0, obs, position
        of_each.append(group)
    by_anchors: dict[tuple[Anchor, ...], Report] = {}
    for group in groups.values():
        anchors, post_id, obs, position = group
        report = None
        if anchors:
            order = (_PRECISION_RANK.get(obs.precision or "date", 5), -stop_index.get(obs.stop, 0),
                     -post_id, position)
            report = by_anchors.get(anchors)
            if report is None:
                report = by_anchors[anchors] = Report(anchors, obs, order)
            elif order < report.order:
                report.first, report.order = obs, order
        group.append(report)
    return [g[4] for g in of_each], sorted(by_anchors.values(), key=lambda r: r.order)


#: Slot setters of every Observation field but ``conflict``, and a getter of their values: a
#: report's copy with its conflict set is made slot by slot (``replace`` or the frozen ``__init__``
#: cost about twice as much, which shows when a store has hundreds of thousands of conflicts).
_COPIED = tuple(f.name for f in fields(Observation) if f.name != "conflict")
_BY_SLOT = all(isinstance(getattr(Observation, name, None), MemberDescriptorType)
               for name in (*_COPIED, "conflict"))
_SETTERS = tuple(getattr(Observation, name).__set__ for name in _COPIED) if _BY_SLOT else ()
_VALUES = attrgetter(*_COPIED)


def _with_conflict(obs: Observation, reason: str) -> Observation:
    """A copy of ``obs`` with ``conflict`` set to ``reason``."""
    if not _BY_SLOT:
        return replace(obs, conflict=reason)
    copy = object.__new__(Observation)
    for setter, value in zip(_SETTERS, _VALUES(obs), strict=True):
        setter(copy, value)
    object.__setattr__(copy, "conflict", reason)  # frozen: past its own __setattr__
    return copy


@contextmanager
def _no_collection_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while a schedule is built.

    Building one allocates a few objects per observation (keys, reports, flagged copies), none of
    them in cycles; with a large store in memory each collection walks every live object, which
    made up about a third of the time on 135,000 observations. Reference counting still frees all
    of it; the collector is switched back on (if it was on) at the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def schedule(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> Schedule:
    """The earliest, likely and latest schedules the observations allow.

    Near-linear in the number of observations: reports pinning the same anchors are decided once,
    and each decision costs O(1) in the reports already taken (see
    :mod:`monitor.journey.anchoring`).
    """
    with _no_collection_pauses():
        return _schedule(route, observations)


def _schedule(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> Schedule:
    speed = speed_model(route, observations)
    stay = dwells(route, observations)
    fast, likely_gap, slow = _gaps(route, speed, stay)
    count = 2 * len(route.stops)
    of_each, reports = _reports(route, observations, stay)
    scale = max((abs(v) for r in reports for _, lo, hi in r.anchors for v in (lo, hi)), default=0.0)
    # Conflicts are decided on what is physically impossible: faster than the top speed with the
    # shortest dwells. Running slower than the slowest plausible average is not (a departure from
    # Tumangang at 03:10 and an arrival at Khasan, 2 km on, at 04:30 both hold).
    unhurried = [value + event * _UNHURRIED for event, value in enumerate(slow)]
    fit = Fit(fast, unhurried, scale)
    for report in reports:
        fit.offer(report)
    fit.finish()

    marked = tuple(
        _with_conflict(o, r.conflict) if r is not None and r.conflict else o
        for o, r in zip(observations, of_each, strict=True)
    )
    conflicts = tuple(o for o in marked if o.conflict)
    if not fit.used:
        nothing = tuple(math.nan for _ in range(count))
        return Schedule(route, nothing, nothing, nothing, stay, speed, (), conflicts, marked)
    earliest, latest = _bounds(fit, fast, slow, stay)

    # Likely: the middle of each reported event's window, joined by typical gaps between reports
    # and extended by them beyond; then held inside the bounds.
    refs = [(e, (earliest[e] + latest[e]) / 2) for e in sorted(fit.events)]
    likely = []
    # One sweep, not events × refs: refs[following] is the first reported event at or after e.
    following = 0
    for e in range(count):
        while following < len(refs) and refs[following][0] < e:
            following += 1
        before = refs[following] if following < len(refs) and refs[following][0] == e else (
            refs[following - 1] if following else None)
        after = refs[following] if following < len(refs) else None
        if before is not None and after is not None:
            (e0, t0), (e1, t1) = before, after
            span = likely_gap[e1] - likely_gap[e0]
            share = (likely_gap[e] - likely_gap[e0]) / span if span > 0 else 0.0
            value = t0 + (t1 - t0) * share
        elif before is not None:
            e0, t0 = before
            value = t0 + likely_gap[e] - likely_gap[e0]
        else:
            assert after is not None
            e1, t1 = after
            value = t1 - (likely_gap[e1] - likely_gap[e])
        likely.append(min(max(value, earliest[e]), latest[e]))
    anchors = tuple(o for o, r in zip(marked, of_each, strict=True) if r is not None and r.accepted)
    return Schedule(route, tuple(earliest), tuple(likely), tuple(latest), stay, speed, anchors,
                    conflicts, marked)


def _bounds(fit: Fit, fast: list[float], slow: list[float],
            stay: tuple[Dwell, ...]) -> tuple[list[float], list[float]]:
    """Earliest and latest schedules of the accepted reports: the plausible bounds (top speed and
    slowest average), held inside what the reports make physically certain.

    The plausible bounds of reports that only an unhurried train can join (a slow run, a long wait
    at a border) cross each other; there the earliest time is capped by the latest one the reports
    allow at the top speed, and the latest is never before the earliest. Both stay non-decreasing
    along the route, and equal the plausible bounds whenever those do not cross.
    """
    _, certain_latest = fit.bounds()
    max_lo, min_hi = list(fit.max_lo), list(fit.min_hi)
    for report in fit.used:
        if report.first.kind == "dwelling":
            for k, lo, hi in _plausible_anchors(report, stay):
                max_lo[k], min_hi[k] = max(max_lo[k], lo), min(min_hi[k], hi)
    plausible_earliest, plausible_latest = bounds_of(max_lo, min_hi, fast, slow)
    earliest = [min(p, c) for p, c in zip(plausible_earliest, certain_latest, strict=True)]
    latest = [max(p, e) for p, e in zip(plausible_latest, earliest, strict=True)]
    return earliest, latest


def _position(route: Route, times: tuple[float, ...], t: float) -> tuple[float, int, str]:
    """(km, stop index, phase) on one schedule at time t; phase is before/at/between/after."""
    stops = route.stops
    last = len(stops) - 1
    if t < times[1]:
        return stops[0].km, 0, "before"
    if t >= times[2 * last]:
        return stops[last].km, last, "after"
    for index in range(last, -1, -1):
        arrive, leave = times[2 * index], times[2 * index + 1]
        if t >= leave:
            nxt = times[2 * index + 2]
            share = (t - leave) / (nxt - leave) if nxt > leave else 1.0
            km = stops[index].km + (stops[index + 1].km - stops[index].km) * min(max(share, 0.0), 1.0)
            return km, index, "between"
        if t >= arrive:
            return stops[index].km, index, "at"
    return stops[0].km, 0, "before"


def _eta(sched: Schedule, index: int) -> StopEta:
    stop = sched.route.stops[index]
    event = 2 * index + 1 if index == 0 else 2 * index  # the origin's time is its departure
    dwell = sched.dwells[index]
    return StopEta(
        stop=stop.name,
        km=stop.km,
        earliest=_datetime(sched.earliest[event]) if sched.timed else None,
        likely=_datetime(sched.likely[event]) if sched.timed else None,
        latest=_datetime(sched.latest[event]) if sched.timed else None,
        timezone=stop.timezone,
        departs=_datetime(sched.likely[2 * index + 1]) if sched.timed else None,
        dwell_minutes=dwell.likely,
        dwell_source=dwell.source,
        dwell_post_id=dwell.post_id,
    )


def timeline(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> list[StopEta]:
    """Every stop with its arrival window (the origin: its departure window)."""
    sched = schedule(route, observations)
    return [_eta(sched, i) for i in range(len(route.stops))]


def estimate(route: Route, observations: list[Observation] | tuple[Observation, ...],
             at: datetime) -> Estimate:
    """The train's state at ``at``: km band, progress, next stop and ETA windows. Never raises."""
    try:
        sched = schedule(route, observations)
    except Exception as exc:  # noqa: BLE001 - the estimate must always answer; say why it cannot
        return Estimate(route=route.name, at=at, state="not_started", km_min=0.0, km_likely=0.0,
                        km_max=0.0, progress=0.0, observations=tuple(observations),
                        notes=(f"no estimate: {exc}",))
    return estimate_from(sched, at)


def estimate_from(sched: Schedule, at: datetime, *, notes: bool = True) -> Estimate:
    """The estimate at ``at`` on a schedule already built (for many T over one story).

    ``notes=False`` leaves the notes out: a chart's samples never show them, and they repeat one
    line per conflicting report (thousands in a long story) in every sample.
    """
    route = sched.route
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    stops = route.stops
    length = route.length_km or 1.0
    common: dict[str, Any] = dict(
        route=route.name, at=at, observations=sched.observations, anchors=sched.anchors,
        conflicts=sched.conflicts, destination=stops[-1].name, max_speed_kmh=sched.speed.max_kmh,
        average_speed_kmh=sched.speed.average_kmh, min_speed_kmh=sched.speed.min_kmh,
        speed_source=sched.speed.source,
    )
    if not sched.timed:
        return Estimate(
            state="not_started", km_min=0.0, km_likely=0.0, km_max=0.0, progress=0.0,
            stop=stops[0].name, next_stop=stops[1].name if len(stops) > 1 else None,
            etas=tuple(_eta(sched, i) for i in range(1, len(stops))),
            notes=("no report fixes the train in time (no departure, arrival or passing with a "
                   "time): position unknown",) if notes else (),
            **common,
        )
    t = _seconds(at)
    km_max, _, _ = _position(route, sched.earliest, t)
    km_min, _, _ = _position(route, sched.latest, t)
    km_likely, index, phase = _position(route, sched.likely, t)
    speed = 0.0
    if phase == "before":
        # Not started only when even the earliest schedule has not left the origin.
        state = "possibly_under_way" if km_max > stops[0].km else "not_started"
        stop, nxt = stops[0].name, stops[1].name
    elif phase == "after":
        state, stop, nxt = "arrived", stops[-1].name, None
    elif phase == "at":
        state, stop = "dwelling", stops[index].name
        nxt = stops[index + 1].name if index + 1 < len(stops) else None
    else:
        state, stop, nxt = "moving", stops[index].name, stops[index + 1].name
        run = sched.likely[2 * index + 2] - sched.likely[2 * index + 1]
        if run > 0:
            speed = (stops[index + 1].km - stops[index].km) / (run / 3600)
    etas = tuple(_eta(sched, i) for i in range(1, len(stops)) if sched.latest[2 * i] >= t)
    depart_lo, depart_hi = sched.earliest[1], sched.latest[1]
    said = [
        f"departure from {stops[0].name} between {_datetime(depart_lo):%Y-%m-%d %H:%M}Z and "
        f"{_datetime(depart_hi):%Y-%m-%d %H:%M}Z ({(depart_hi - depart_lo) / 3600:.1f} h window)",
        f"km band {km_min:.0f}–{km_max:.0f} ({km_max - km_min:.0f} km wide) from the time windows "
        f"and speeds {sched.speed.min_kmh:g}–{sched.speed.max_kmh:g} km/h",
    ]
    if notes:
        said += [f"conflict: {_describe(o)}: {o.conflict}" for o in sched.conflicts]
    last = max(sched.anchors, key=lambda o: (o.window_end or o.at or at, o.at or at))
    # "Arrived" or "at X" with no report that puts the train at that stop is the speed model's
    # guess, not a fact: say so, with the time of the newest report it rests on.
    reported = {o.stop for o in sched.anchors}
    presumed = state in ("arrived", "dwelling") and stop not in reported
    if state == "arrived" and not any(o.stop == stop and o.kind != "departed" for o in sched.anchors):
        presumed = True
    if presumed:
        said.append(f"presumed {'arrived' if state == 'arrived' else 'at ' + str(stop)}: no report puts "
                     f"the train there; the newest report it rests on is {_describe(last)}")
    return Estimate(
        state=state, km_min=km_min, km_likely=km_likely, km_max=km_max,
        progress=min(max(km_likely / length, 0.0), 1.0), stop=stop, next_stop=nxt,
        speed_kmh=round(speed, 1), etas=etas, notes=tuple(said) if notes else (),
        departure_earliest=_datetime(depart_lo), departure_latest=_datetime(depart_hi),
        presumed=presumed, last_report_at=last.at or last.window_start, last_report=last,
        **common,
    )
