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
taken in order of precision, then the one furthest along the route first.

The schedules do not depend on T, so the position at T (farthest from the earliest schedule,
nearest from the latest) can only grow with T. :func:`estimate` never raises: with no timed
report it says the train has not started and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from monitor.model import Estimate, Observation, Route, StopEta

#: Finer precision first: these reports are taken before coarser ones.
_PRECISION_RANK = {"second": 0, "minute": 1, "hour": 2, "part_of_day": 3, "date": 4}
_TIMED_KINDS = ("departed", "arrived", "passed", "dwelling")
_TOLERANCE = 60.0  # seconds of slack before two bounds count as contradicting
#: "About 70 minutes" spans this much either way.
_ABOUT_LOW, _ABOUT_HIGH = 0.8, 1.25


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
class _Anchor:
    event: int
    lo: float
    hi: float
    observation: Observation


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


def _anchors_of(route: Route, obs: Observation, stay: tuple[Dwell, ...]) -> list[_Anchor]:
    names = {s.name: i for i, s in enumerate(route.stops)}
    index = names.get(obs.stop)
    if (index is None or not obs.matched or obs.kind not in _TIMED_KINDS
            or obs.window_start is None or obs.window_end is None):
        return []
    lo, hi = _seconds(obs.window_start), _seconds(obs.window_end)
    if obs.kind == "departed":
        return [_Anchor(2 * index + 1, lo, hi, obs)]
    if obs.kind in ("arrived", "passed"):
        return [_Anchor(2 * index, lo, hi, obs)]
    # Dwelling: seen at the stop during the window, so it arrived at most a full dwell before
    # and leaves at most a full dwell after.
    longest = stay[index].high * 60
    return [_Anchor(2 * index, lo - longest, hi, obs), _Anchor(2 * index + 1, lo, hi + longest, obs)]


def _bounds(anchors: list[_Anchor], count: int, fast: list[float],
            slow: list[float]) -> tuple[list[float], list[float]]:
    """The earliest and latest time of every event that all ``anchors`` allow together."""
    earliest = [-math.inf] * count
    latest = [math.inf] * count
    for a in anchors:
        _tighten(earliest, latest, a, fast, slow)
    return earliest, latest


def _tighten(earliest: list[float], latest: list[float], a: _Anchor, fast: list[float],
             slow: list[float]) -> None:
    """Narrow the bounds in place by what one anchor implies for every event."""
    for e in range(len(earliest)):
        if e >= a.event:
            earliest[e] = max(earliest[e], a.lo + fast[e] - fast[a.event])
            latest[e] = min(latest[e], a.hi + slow[e] - slow[a.event])
        else:
            earliest[e] = max(earliest[e], a.lo - (slow[a.event] - slow[e]))
            latest[e] = min(latest[e], a.hi - (fast[a.event] - fast[e]))


def _consistent(anchors: list[_Anchor], count: int, fast: list[float], slow: list[float]) -> bool:
    earliest, latest = _bounds(anchors, count, fast, slow)
    return _feasible(earliest, latest)


def _feasible(earliest: list[float], latest: list[float]) -> bool:
    return all(lo <= hi + _TOLERANCE for lo, hi in zip(earliest, latest, strict=True))


def _describe(obs: Observation) -> str:
    return f"post {obs.post_id}: {obs.kind} {obs.stop}"


def schedule(route: Route, observations: list[Observation] | tuple[Observation, ...]) -> Schedule:
    """The earliest, likely and latest schedules the observations allow."""
    speed = speed_model(route, observations)
    stay = dwells(route, observations)
    fast, likely_gap, slow = _gaps(route, speed, stay)
    count = 2 * len(route.stops)
    stop_index = {s.name: i for i, s in enumerate(route.stops)}

    def priority(obs: Observation) -> tuple:
        return (_PRECISION_RANK.get(obs.precision or "date", 5), -stop_index.get(obs.stop, 0),
                -(obs.post_id or 0))

    accepted: list[_Anchor] = []
    used: list[Observation] = []
    flagged: dict[int, str] = {}
    earliest, latest = [-math.inf] * count, [math.inf] * count
    candidates = [o for o in observations if _anchors_of(route, o, stay)]
    for obs in sorted(candidates, key=priority):
        new = _anchors_of(route, obs, stay)
        trial_lo, trial_hi = list(earliest), list(latest)
        for anchor in new:
            _tighten(trial_lo, trial_hi, anchor, fast, slow)
        if _feasible(trial_lo, trial_hi):
            earliest, latest = trial_lo, trial_hi
            accepted.extend(new)
            used.append(obs)
            continue
        against = [u for u in used if not _consistent(
            [a for a in accepted if a.observation is u] + new, count, fast, slow)]
        reason = "contradicts " + (", ".join(_describe(u) for u in against) if against
                                   else "the other reports") + " at the route's speeds"
        flagged[id(obs)] = reason

    marked = tuple(
        replace(o, conflict=flagged[id(o)]) if id(o) in flagged else o for o in observations
    )
    conflicts = tuple(o for o in marked if o.conflict)
    if not accepted:
        nothing = tuple(math.nan for _ in range(count))
        return Schedule(route, nothing, nothing, nothing, stay, speed, (), conflicts, marked)

    # Likely: the middle of each reported event's window, joined by typical gaps between reports
    # and extended by them beyond; then held inside the bounds.
    refs = sorted({a.event: (earliest[a.event] + latest[a.event]) / 2 for a in accepted}.items())
    likely = []
    for e in range(count):
        before = [(ev, t) for ev, t in refs if ev <= e]
        after = [(ev, t) for ev, t in refs if ev >= e]
        if before and after:
            (e0, t0), (e1, t1) = before[-1], after[0]
            span = likely_gap[e1] - likely_gap[e0]
            share = (likely_gap[e] - likely_gap[e0]) / span if span > 0 else 0.0
            value = t0 + (t1 - t0) * share
        elif before:
            e0, t0 = before[-1]
            value = t0 + likely_gap[e] - likely_gap[e0]
        else:
            e1, t1 = after[0]
            value = t1 - (likely_gap[e1] - likely_gap[e])
        likely.append(min(max(value, earliest[e]), latest[e]))
    used_ids = {id(a.observation) for a in accepted}
    anchors = tuple(o for o, orig in zip(marked, observations, strict=True) if id(orig) in used_ids)
    return Schedule(route, tuple(earliest), tuple(likely), tuple(latest), stay, speed, anchors,
                    conflicts, marked)


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


def estimate_from(sched: Schedule, at: datetime) -> Estimate:
    """The estimate at ``at`` on a schedule already built (for many T over one story)."""
    route = sched.route
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    stops = route.stops
    length = route.length_km or 1.0
    common = dict(
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
                   "time): position unknown",),
            **common,
        )
    t = _seconds(at)
    km_max, _, _ = _position(route, sched.earliest, t)
    km_min, _, _ = _position(route, sched.latest, t)
    km_likely, index, phase = _position(route, sched.likely, t)
    speed = 0.0
    if phase == "before":
        state, stop, nxt = "not_started", stops[0].name, stops[1].name
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
    notes = [
        f"departure from {stops[0].name} between {_datetime(depart_lo):%Y-%m-%d %H:%M}Z and "
        f"{_datetime(depart_hi):%Y-%m-%d %H:%M}Z ({(depart_hi - depart_lo) / 3600:.1f} h window)",
        f"km band {km_min:.0f}–{km_max:.0f} ({km_max - km_min:.0f} km wide) from the time windows "
        f"and speeds {sched.speed.min_kmh:g}–{sched.speed.max_kmh:g} km/h",
    ]
    notes += [f"conflict: {_describe(o)}: {o.conflict}" for o in sched.conflicts]
    return Estimate(
        state=state, km_min=km_min, km_likely=km_likely, km_max=km_max,
        progress=min(max(km_likely / length, 0.0), 1.0), stop=stop, next_stop=nxt,
        speed_kmh=round(speed, 1), etas=etas, notes=tuple(notes),
        departure_earliest=_datetime(depart_lo), departure_latest=_datetime(depart_hi),
        **common,
    )
