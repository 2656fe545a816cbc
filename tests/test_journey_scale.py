"""The schedule on many reports: the same answer as the straightforward algorithm.

``_reference`` below is that algorithm — try each report in priority order on a copy of the bounds
that the top speed and the shortest dwells make certain (a year per gap: no limit on slowness),
keep it when every event stays feasible, else flag it with every taken report it contradicts; then
the plausible bounds (top speed and slowest average) of the reports taken, held inside the certain
ones — kept here only to check :func:`schedule` against it on random report sets full of
duplicates, conflicts and windows that meet exactly at the tolerance.
"""

from __future__ import annotations

import math
import random
import re
import tracemalloc
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.journey.anchoring import bounds_of
from monitor.journey.estimate import dwells, estimate, schedule, speed_model
from monitor.journey.route import load_route, route_from_data
from monitor.model import Observation, Route

ROUTE = load_route("pyongyang-vladivostok")
_RANK = {"second": 0, "minute": 1, "hour": 2, "part_of_day": 3, "date": 4}
_TIMED = ("departed", "arrived", "passed", "dwelling")
_TOLERANCE = 60.0
#: What is certain allows any slowness: a year per gap stands for "no limit" (see estimate.py).
_UNHURRIED = 366 * 86400.0


# --- the reference: the algorithm as first written, quadratic and obviously right -------------

@dataclass(frozen=True)
class _Anchor:
    event: int
    lo: float
    hi: float
    observation: Observation


def _ref_gaps(route, speed, stay):
    fast, likely, slow = [0.0], [0.0], [0.0]
    for index, _ in enumerate(route.stops):
        if index:
            run = route.stops[index].km - route.stops[index - 1].km
            fast.append(fast[-1] + run / speed.max_kmh * 3600)
            likely.append(likely[-1] + run / speed.average_kmh * 3600)
            slow.append(slow[-1] + run / speed.min_kmh * 3600)
        fast.append(fast[-1] + stay[index].low * 60)
        likely.append(likely[-1] + stay[index].likely * 60)
        slow.append(slow[-1] + stay[index].high * 60)
    return fast, likely, slow


def _ref_anchors(obs, stay, route):
    index = {s.name: i for i, s in enumerate(route.stops)}.get(obs.stop)
    if (index is None or not obs.matched or obs.kind not in _TIMED or obs.window_start is None
            or obs.window_end is None):
        return []
    lo, hi = obs.window_start.timestamp(), obs.window_end.timestamp()
    if obs.kind == "departed":
        return [_Anchor(2 * index + 1, lo, hi, obs)]
    if obs.kind in ("arrived", "passed"):
        return [_Anchor(2 * index, lo, hi, obs)]
    return [_Anchor(2 * index, lo - _UNHURRIED, hi, obs), _Anchor(2 * index + 1, lo, hi + _UNHURRIED, obs)]


def _ref_plausible(obs, stay, route):
    """For the plausible bounds a dwelling report also says: arrived at most a longest dwell before
    its window, leaves at most one after it."""
    anchors = _ref_anchors(obs, stay, route)
    if obs.kind != "dwelling":
        return anchors
    lo, hi = obs.window_start.timestamp(), obs.window_end.timestamp()
    longest = stay[anchors[0].event // 2].high * 60
    return [_Anchor(anchors[0].event, lo - longest, hi, obs),
            _Anchor(anchors[1].event, lo, hi + longest, obs)]


def _ref_tighten(earliest, latest, a, fast, slow):
    for e in range(len(earliest)):
        if e >= a.event:
            earliest[e] = max(earliest[e], a.lo + fast[e] - fast[a.event])
            latest[e] = min(latest[e], a.hi + slow[e] - slow[a.event])
        else:
            earliest[e] = max(earliest[e], a.lo - (slow[a.event] - slow[e]))
            latest[e] = min(latest[e], a.hi - (fast[a.event] - fast[e]))


def _ref_feasible(earliest, latest):
    return all(lo <= hi + _TOLERANCE for lo, hi in zip(earliest, latest, strict=True))


def _ref_consistent(anchors, count, fast, slow):
    earliest, latest = [-math.inf] * count, [math.inf] * count
    for a in anchors:
        _ref_tighten(earliest, latest, a, fast, slow)
    return _ref_feasible(earliest, latest)


def _describe(obs):
    return f"post {obs.post_id}: {obs.kind} {obs.stop}"


def _ref_likely(accepted, earliest, latest, likely_gap):
    refs = sorted({a.event: (earliest[a.event] + latest[a.event]) / 2 for a in accepted}.items())
    likely = []
    for e in range(len(earliest)):
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
    return likely


def _reference(observations, route=ROUTE):
    """(earliest, likely, latest, ids of the anchors, {id: descriptions of every contradicting
    report taken before it}, ids of reports impossible on their own, descriptions of all taken)."""
    stay = dwells(route, observations)
    fast, likely_gap, slow = _ref_gaps(route, speed_model(route, observations), stay)
    count = 2 * len(route.stops)
    certain = [value + event * _UNHURRIED for event, value in enumerate(slow)]
    stop_index = {s.name: i for i, s in enumerate(route.stops)}
    accepted, used, flagged, impossible = [], [], {}, set()
    earliest, latest = [-math.inf] * count, [math.inf] * count
    candidates = [o for o in observations if _ref_anchors(o, stay, route)]
    for obs in sorted(candidates, key=lambda o: (_RANK.get(o.precision or "date", 5),
                                                 -stop_index.get(o.stop, 0), -(o.post_id or 0))):
        new = _ref_anchors(obs, stay, route)
        trial_lo, trial_hi = list(earliest), list(latest)
        for anchor in new:
            _ref_tighten(trial_lo, trial_hi, anchor, fast, certain)
        if _ref_feasible(trial_lo, trial_hi):
            earliest, latest = trial_lo, trial_hi
            accepted.extend(new)
            used.append(obs)
            continue
        flagged[id(obs)] = [_describe(u) for u in used if not _ref_consistent(
            [a for a in accepted if a.observation is u] + new, count, fast, certain)]
        if not _ref_consistent(new, count, fast, certain):
            impossible.add(id(obs))
    certain_latest = latest
    plausible_lo, plausible_hi = [-math.inf] * count, [math.inf] * count
    for obs in used:
        for anchor in _ref_plausible(obs, stay, route):
            _ref_tighten(plausible_lo, plausible_hi, anchor, fast, slow)
    earliest = [min(lo, hi) for lo, hi in zip(plausible_lo, certain_latest, strict=True)]
    latest = [max(hi, lo) for hi, lo in zip(plausible_hi, earliest, strict=True)]
    likely = _ref_likely(accepted, earliest, latest, likely_gap) if accepted else []
    return (earliest, likely, latest, {id(a.observation) for a in accepted}, flagged, impossible,
            [_describe(u) for u in used])


# --- random report sets -----------------------------------------------------------------------

def _reports(seed: int, size: int, route: Route = ROUTE) -> list[Observation]:
    """Reports of one trip: most near the true times, some a day or hours off, many repeated by
    later posts, some dwelling, unmatched, untimed or inverted, minute-aligned so that windows
    often meet exactly at the tolerance."""
    rng = random.Random(seed)
    start = datetime(2023, 9, 10, 6, tzinfo=UTC) + timedelta(minutes=rng.randrange(600))
    stops = route.stops
    km_per_min = route.average_speed_kmh / 60
    found: list[Observation] = []
    for number in range(size):
        if found and rng.random() < 0.35:  # a later post repeating an earlier report
            found.append(replace(rng.choice(found), post_id=rng.randrange(1, size * 2)))
            continue
        index = rng.randrange(len(stops))
        kind = rng.choice(("departed", "arrived", "passed", "dwelling", "departed", "arrived",
                           "expected", "historical"))
        precision = rng.choice(("minute", "minute", "hour", "hour", "part_of_day", "date", None))
        width = {"minute": 1, "hour": 60, "part_of_day": 360, "date": 1440, None: 60}[precision]
        true = start + timedelta(minutes=round(stops[index].km / km_per_min))
        off = rng.choice((0, 0, 0, 0, rng.randrange(-40, 40), 24 * 60 * rng.choice((-1, 1))))
        lo = true + timedelta(minutes=off - rng.randrange(width))
        hi = lo + timedelta(minutes=width)
        if rng.random() < 0.03:
            lo, hi = hi + timedelta(minutes=5), lo  # a window that ends before it starts
        timed = kind in _TIMED and rng.random() > 0.05
        found.append(Observation(
            post_id=rng.randrange(1, size * 2) if rng.random() > 0.05 else None,
            stop=stops[index].name if rng.random() > 0.03 else "Moscow",
            kind=kind, at=lo if timed else None, precision=precision if timed else None,
            evidence=f"report {number}", matched=rng.random() > 0.05,
            window_start=lo if timed else None, window_end=hi if timed else None,
            duration_minutes=rng.choice((None,) * 12 + (70.0,)),
        ))
    return found


def _named(reason: str) -> list[str]:
    body = reason.removeprefix("contradicts ").removesuffix(" even at the route's top speed")
    body = body.removesuffix(" and other reports")
    return [] if body == "the other reports" else re.split(r", (?=post \S+: )", body)


def _check(observations: list[Observation], route: Route = ROUTE) -> None:
    sched = schedule(route, observations)
    earliest, likely, latest, anchor_ids, flagged, impossible, used = _reference(observations, route)
    if anchor_ids:
        assert (sched.earliest, sched.likely, sched.latest) == (
            tuple(earliest), tuple(likely), tuple(latest))
    else:
        assert all(math.isnan(v) for v in sched.earliest + sched.likely + sched.latest)
    # Anchors: the same observations, in input order.
    expected = [marked for orig, marked in zip(observations, sched.observations, strict=True)
                if id(orig) in anchor_ids]
    assert len(sched.anchors) == len(expected)
    assert all(a is b for a, b in zip(sched.anchors, expected, strict=True))
    for orig, marked in zip(observations, sched.observations, strict=True):
        assert (marked.conflict is not None) == (id(orig) in flagged), orig
        if id(orig) not in flagged:
            assert marked is orig
            continue
        assert marked == replace(orig, conflict=marked.conflict)
        against, named = flagged[id(orig)], _named(marked.conflict)
        if id(orig) in impossible:  # every report taken contradicts it, before or after it
            against = used
        assert set(named) <= set(against), (marked.conflict, against)  # real contradicting reports
        assert bool(named) == bool(against)
        assert len(named) <= 3
        if "and other reports" in marked.conflict:
            assert len(named) == 3 and len(against) > 3


def test_seeded_report_sets_match_the_reference():
    for seed in range(12):
        _check(_reports(seed, 300))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 250))
def test_random_report_sets_match_the_reference(seed, size):
    _check(_reports(seed, size))


def _arrived(post: int, lo: datetime, minutes: float, stop: str = "Tumangang") -> Observation:
    return Observation(post_id=post, stop=stop, kind="arrived", at=lo, precision="minute",
                       evidence="arrived", window_start=lo, window_end=lo + timedelta(minutes=minutes))


def test_a_window_ending_before_it_starts_names_the_reports_taken():
    t0 = datetime(2023, 9, 11, 20, tzinfo=UTC)
    impossible = replace(_arrived(99, t0, 30), window_end=t0 - timedelta(minutes=5))
    sched = schedule(ROUTE, [impossible, _arrived(3, t0, 30)])
    # Taken first (newest post) yet impossible: the report taken after it is named.
    assert sched.conflicts[0].conflict == ("contradicts post 3: arrived Tumangang even at the route's "
                                           "top speed")
    alone = schedule(ROUTE, [impossible]).conflicts[0]
    assert alone.conflict == "contradicts the other reports even at the route's top speed"


def test_windows_meeting_exactly_at_the_tolerance_are_decided_as_by_the_bounds():
    t0 = datetime(2023, 9, 11, 20, tzinfo=UTC)
    for gap, kept in ((60, True), (61, False)):
        first = _arrived(2, t0, 60)
        second = _arrived(1, t0 + timedelta(minutes=60, seconds=gap), 60)
        sched = schedule(ROUTE, [first, second])
        assert (second in sched.anchors) is kept
        _check([first, second])


def test_a_conflict_names_the_reports_it_contradicts_first_taken_first():
    t0 = datetime(2023, 9, 11, 20, tzinfo=UTC)
    taken = [_arrived(10 + i, t0 + timedelta(minutes=i), 30) for i in range(5)]
    late = _arrived(1, t0 + timedelta(hours=5), 30)
    sched = schedule(ROUTE, [*taken, late])
    (flagged,) = sched.conflicts
    # All five contradict the late report. Looked at: the four whose windows end first (posts
    # 10-13); named: the three of them taken first (newest post first).
    assert flagged.conflict == ("contradicts post 13: arrived Tumangang, post 12: arrived Tumangang, "
                                "post 11: arrived Tumangang and other reports even at the route's "
                                "top speed")
    two = schedule(ROUTE, [*taken[:2], late]).conflicts[0]
    assert two.conflict == ("contradicts post 11: arrived Tumangang, post 10: arrived Tumangang even "
                            "at the route's top speed")


def test_a_thousand_copies_of_one_report_are_one_anchor_and_one_conflict():
    t0 = datetime(2023, 9, 11, 20, tzinfo=UTC)
    good = [_arrived(n, t0, 30) for n in range(1, 1001)]
    bad = [_arrived(n, t0 + timedelta(hours=6), 30) for n in range(1001, 2001)]
    observations = [o for pair in zip(good, bad, strict=True) for o in pair]
    sched = schedule(ROUTE, observations)
    # The bad ones come from newer posts, so they are taken first and the good ones conflict.
    assert len(sched.anchors) == 1000 and all(o.window_start != t0 for o in sched.anchors)
    assert len(sched.conflicts) == 1000
    assert len({o.conflict for o in sched.conflicts}) == 1
    est = estimate(ROUTE, observations, t0)
    assert len(est.conflicts) == 1000


# --- routes with many stops -----------------------------------------------------------------

def _many_stops(seed: int, stops: int) -> Route:
    """A valid route of ``stops`` stops with uneven runs (some a few metres) and dwells (some
    zero, some with wide bounds), checked by the route loader like any file."""
    rng = random.Random(seed)
    km, rows = 0.0, []
    for index in range(stops):
        if index:
            km = round(km + rng.choice((0.1, 0.5, 3.0, 12.0, rng.uniform(0.1, 80.0))), 1)
        low = rng.choice((0, 0, 1, 5, 30))
        likely = low + rng.choice((0, 2, 10))
        kind = "origin" if index == 0 else "destination" if index == stops - 1 else "station"
        rows.append({"name": f"Halt {index}", "km": km, "kind": kind, "gauge_before": 1435,
                     "gauge_after": 1435, "timezone": "Asia/Pyongyang", "dwell_minutes": likely,
                     "dwell_min_minutes": low, "dwell_max_minutes": likely + rng.choice((0, 5, 120))})
    top = rng.choice((59.0, 80.0, 120.0))
    return route_from_data({"name": f"many-{stops}", "title": "many stops", "sources": ["test"],
                            "max_speed_kmh": top, "average_speed_kmh": top * 0.8,
                            "min_average_speed_kmh": top * 0.4, "stops": rows}, f"many-{stops}.json")


def test_routes_with_many_stops_match_the_reference():
    for seed in range(6):
        route = _many_stops(seed, random.Random(seed).choice((60, 150, 300)))
        _check(_reports(seed, 200, route), route)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 120), st.integers(0, 120))
def test_random_routes_and_report_sets_match_the_reference(seed, stops, size):
    route = _many_stops(seed, stops)
    _check(_reports(seed, size, route), route)


def test_the_schedule_holds_nothing_of_size_events_squared():
    """Memory linear in stops: a table of every pair of events (1,000 stops: 4 million entries,
    2,000: 690 MB) must not come back. Counted in bytes allocated, which does not depend on speed."""
    route = _many_stops(7, 1000)
    observations = _reports(7, 300, route)
    schedule(route, observations)  # warm caches so only the schedule's own allocations count
    tracemalloc.start()
    try:
        schedule(route, observations)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    events = 2 * len(route.stops)
    assert peak < 2_000 * events, f"{peak:,} bytes for {events} events"


def _plain_bounds(max_lo, min_hi, fast, slow):
    """Every anchor's bound on every event, the way the reference tightens them."""
    count = len(fast)
    earliest, latest = [-math.inf] * count, [math.inf] * count
    for k in range(count):
        if max_lo[k] != -math.inf:
            for e in range(count):
                bound = max_lo[k] + fast[e] - fast[k] if e >= k else max_lo[k] - (slow[k] - slow[e])
                earliest[e] = max(earliest[e], bound)
        if min_hi[k] != math.inf:
            for e in range(count):
                bound = min_hi[k] + slow[e] - slow[k] if e >= k else min_hi[k] - (fast[k] - fast[e])
                latest[e] = min(latest[e], bound)
    return earliest, latest


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 60), st.booleans())
def test_bounds_in_one_sweep_equal_every_anchors_bound_to_the_bit(seed, count, whole):
    """Ties everywhere (whole seconds, equal gaps) and uneven fractions: the sweep keeps every
    anchor that could give the extreme bound, so it equals trying them all."""
    rng = random.Random(seed)
    step = (lambda: float(rng.randrange(0, 4) * 60)) if whole else (lambda: rng.uniform(0, 5000) / 7)
    fast, slow = [0.0], [0.0]
    for _ in range(count - 1):
        quick = step()
        fast.append(fast[-1] + quick)
        slow.append(slow[-1] + quick + step())
    base = 1.7e9 + rng.random()
    # Some anchors exactly on the fastest or slowest schedule from one start: equal in exact
    # arithmetic, so only rounding tells their bounds apart.
    max_lo = [rng.choice((base + fast[k], base + slow[k], base + step() * rng.randrange(-50, 50)))
              if rng.random() < 0.5 else -math.inf for k in range(count)]
    min_hi = [rng.choice((base + fast[k], base + slow[k], base + step() * rng.randrange(-50, 50)))
              if rng.random() < 0.5 else math.inf for k in range(count)]
    assert bounds_of(max_lo, min_hi, fast, slow) == tuple(_plain_bounds(max_lo, min_hi, fast, slow))
