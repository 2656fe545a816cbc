"""Which timed reports anchor the schedule, and which contradict those taken before them.

A report puts one event (or, dwelling, two) inside a window ``[lo, hi]``. Through the fastest and
slowest gaps, a report bounds every other event; a set of reports is feasible when every event's
latest lower bound stays below its earliest upper bound (with ``TOLERANCE`` of slack). Reports are
tried one at a time in priority order; one that would make the set infeasible is rejected and gets a
reason naming a few accepted reports it contradicts.

Checking a report against the whole set must not cost time in the number of reports taken. In
exact arithmetic the set is feasible exactly when every *pair* of anchors is: the lower bound of
anchor i (event ``ki``) never exceeds the upper bound of anchor j (event ``kj``) at any event, i.e.
``lo_i - hi_j <= slack(ki, kj) + TOLERANCE`` with ``slack(ki, kj) = min over events e of
(slow-side offset from kj to e - fast-side offset from ki to e)``, O(1) from prefix values (see
:class:`Slack`; no events × events table). So against all accepted anchors it is enough to know,
per event, the largest accepted ``lo`` and the smallest accepted ``hi``: a new anchor at ``k`` fits
when ``lo <= cap_lo(k)`` and ``hi >= need_hi(k)``, two numbers found in O(log events) from prefix
minima over the taken anchors (see :class:`_Reach`) and kept until an event's extreme moves.

The pairwise test is done in floating point with a margin (``Fit.margin``) far above any
rounding error; a report within that margin of the edge is decided by the very computation the
schedule's bounds use (the trial bounds of every event), so every decision is the one the
straightforward algorithm — tighten a copy of the bounds by the report, keep it when feasible —
would make, bit for bit. The bounds themselves come from the extreme ``lo``/``hi`` per event: the
bound an anchor implies is monotone in its ``lo`` (``hi``), so the extreme one gives the exact
maximum (minimum) over all anchors at that event.

A rejected report names the accepted reports that contradict it on their own, found through each
event's few most extreme accepted anchors (see ``Fit._reason``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from monitor.model import Observation

TOLERANCE = 60.0  # seconds of slack before two bounds count as contradicting
#: How many contradicting reports a conflict names; more are summed up as "other reports".
NAMED = 3
_KEPT = NAMED + 1  # extreme anchors kept per event to find the named ones

#: One anchor: (event, lo, hi) in POSIX seconds.
Anchor = tuple[int, float, float]


@dataclass(slots=True, eq=False)
class Report:
    """Observations that pin exactly the same anchors: they are taken or rejected together.

    ``first`` is the one met first in priority order (the one that decides, and the one named when
    this report is contradicted); ``order`` is its priority.
    """

    anchors: tuple[Anchor, ...]
    first: Observation
    order: tuple
    accepted: bool = False
    conflict: str | None = None
    seq: int = field(default=-1)


def describe(obs: Observation) -> str:
    """How a report is named in notes and conflicts: ``post N: kind stop``."""
    return f"post {obs.post_id}: {obs.kind} {obs.stop}"


class Slack:
    """``slack(i, j)``: how far an anchor at ``i`` may start after one at ``j`` ends (minus tolerance).

    The minimum over events e of (upper offset from j to e) − (lower offset from i to e). In closed
    form per range of e (after both, before both, between them) it needs only a suffix minimum and a
    prefix maximum of ``slow − fast``, so any entry costs O(1) from two prefix values and nothing of
    size events × events is ever built (a 2,000-stop route's table took 690 MB and most of a
    minute). Each entry is the same floating-point expression the table held.
    """

    __slots__ = ("fast", "slow", "suffix_min", "prefix_max")

    def __init__(self, fast: list[float], slow: list[float]) -> None:
        count = len(fast)
        gap = [s - f for f, s in zip(fast, slow, strict=True)]  # slowest minus fastest from event 0
        suffix_min = gap[:]
        for e in range(count - 2, -1, -1):
            suffix_min[e] = min(suffix_min[e], suffix_min[e + 1])
        prefix_max = [-math.inf] * (count + 1)  # prefix_max[n]: max of gap[e] for e < n
        for e in range(count):
            prefix_max[e + 1] = max(prefix_max[e], gap[e])
        self.fast, self.slow, self.suffix_min, self.prefix_max = fast, slow, suffix_min, prefix_max

    def __call__(self, i: int, j: int) -> float:
        fast, slow = self.fast, self.slow
        value = self.suffix_min[max(i, j)] + fast[i] - slow[j]
        low = min(i, j)
        if low > 0:
            value = min(value, slow[i] - fast[j] - self.prefix_max[low])
        if i < j:
            value = min(value, fast[i] - fast[j])
        elif j < i:
            value = min(value, slow[i] - slow[j])
        return value


class _PrefixMin:
    """Minimum of a prefix of values that only ever decrease (a Fenwick tree): O(log n) each way."""

    __slots__ = ("tree",)

    def __init__(self, count: int) -> None:
        self.tree = [math.inf] * count

    def lower(self, index: int, value: float) -> None:
        """Make the value at ``index`` at most ``value``."""
        tree = self.tree
        while index < len(tree):
            if value < tree[index]:
                tree[index] = value
            index |= index + 1

    def below(self, end: int) -> float:
        """The minimum over indexes ``< end``."""
        tree, best = self.tree, math.inf
        end -= 1
        while end >= 0:
            if tree[end] < best:
                best = tree[end]
            end = (end & (end + 1)) - 1
        return best


class _Reach:
    """``cap_lo[r]`` and ``need_hi[r]`` of :class:`Fit` for any event r, in O(log events).

    ``cap_lo[r] = min over taken (k, hi) of hi + slack(r, k)`` and ``need_hi[r] = max over taken
    (k, lo) of lo - slack(k, r)``. Written out, each term of ``slack`` is a part that depends only
    on k plus a part that depends only on r, with one form for k >= r and another for k < r; so the
    minimum (maximum) over k is a few prefix and suffix minima over per-k values, which only move
    one way as anchors are taken. The sums come out in another order than ``hi + slack(r, k)``, a
    rounding difference far inside ``Fit.margin``, within which decisions are made exactly.
    (At k = r a term with no counterpart in ``slack(r, r)`` joins in; it never wins, since
    ``slack(r, r) <= 0``.)
    """

    __slots__ = ("slack", "count", "hi_after", "hi_after_fast", "hi_before", "hi_before_fast",
                 "lo_after", "lo_after_slow", "lo_before", "lo_before_slow")

    def __init__(self, slack: Slack) -> None:
        self.slack = slack
        count = self.count = len(slack.fast)
        # "after" trees are indexed from the end, so a suffix (k >= r) is a prefix of them.
        self.hi_after, self.hi_after_fast = _PrefixMin(count), _PrefixMin(count)
        self.hi_before, self.hi_before_fast = _PrefixMin(count), _PrefixMin(count)
        # Maxima of lo terms are kept as minima of their negatives (negation is exact).
        self.lo_after, self.lo_after_slow = _PrefixMin(count), _PrefixMin(count)
        self.lo_before, self.lo_before_slow = _PrefixMin(count), _PrefixMin(count)

    def take_hi(self, k: int, hi: float) -> None:
        """An anchor at k may end no later than ``hi``."""
        sl = self.slack
        back = self.count - 1 - k
        self.hi_after.lower(back, hi + sl.suffix_min[k] - sl.slow[k])  # T1, k >= r
        self.hi_after_fast.lower(back, hi - sl.fast[k])  # T2 and T3, k >= r
        self.hi_before.lower(k, hi - sl.slow[k])  # T1 and T3, k < r
        if k > 0:
            self.hi_before_fast.lower(k, hi - sl.fast[k] - sl.prefix_max[k])  # T2, k < r

    def take_lo(self, k: int, lo: float) -> None:
        """An anchor at k starts no earlier than ``lo``."""
        sl = self.slack
        back = self.count - 1 - k
        self.lo_after.lower(back, -(lo - sl.suffix_min[k] - sl.fast[k]))  # T1, k >= r
        self.lo_after_slow.lower(back, -(lo - sl.slow[k]))  # T2 and T3, k >= r
        self.lo_before.lower(k, -(lo - sl.fast[k]))  # T1 and T3, k < r
        if k > 0:
            self.lo_before_slow.lower(k, -(lo - sl.slow[k] + sl.prefix_max[k]))  # T2, k < r

    def cap_lo(self, r: int) -> float:
        """The largest ``lo`` an anchor at r may have, given the ``hi`` of those taken."""
        sl = self.slack
        fast, slow = sl.fast[r], sl.slow[r]
        tail = self.count - r  # k >= r
        best = self.hi_after.below(tail) + fast
        after_fast = self.hi_after_fast.below(tail)
        best = min(best, after_fast + fast)
        if r > 0:
            best = min(best, after_fast + slow - sl.prefix_max[r])
        before = self.hi_before.below(r)
        best = min(best, before + sl.suffix_min[r] + fast, before + slow,
                   self.hi_before_fast.below(r) + slow)
        return best

    def need_hi(self, r: int) -> float:
        """The smallest ``hi`` an anchor at r may have, given the ``lo`` of those taken."""
        sl = self.slack
        fast, slow = sl.fast[r], sl.slow[r]
        tail = self.count - r
        best = -self.lo_after.below(tail) + slow
        after_slow = -self.lo_after_slow.below(tail)
        best = max(best, after_slow + slow)
        if r > 0:
            best = max(best, after_slow + fast + sl.prefix_max[r])
        before = -self.lo_before.below(r)
        best = max(best, before - sl.suffix_min[r] + slow, before + fast,
                   -self.lo_before_slow.below(r) + fast)
        return best


def _trial_fits(earliest: list[float], latest: list[float], anchors: tuple[Anchor, ...],
                fast: list[float], slow: list[float]) -> bool:
    """Whether the bounds, narrowed by ``anchors``, stay feasible — computed exactly as the
    schedule's bounds are, without copying them."""
    for e in range(len(earliest)):
        lo, hi = earliest[e], latest[e]
        for k, a_lo, a_hi in anchors:
            if e >= k:
                lo = max(lo, a_lo + fast[e] - fast[k])
                hi = min(hi, a_hi + slow[e] - slow[k])
            else:
                lo = max(lo, a_lo - (slow[k] - slow[e]))
                hi = min(hi, a_hi - (fast[k] - fast[e]))
        if not lo <= hi + TOLERANCE:
            return False
    return True


def _upper_envelope(count: int, values: dict[int, float], key: Callable[[float, int], float],
                    bound: Callable[[float, int, int], float], forward: bool,
                    tolerance: float) -> list[float]:
    """For every event e, the largest ``bound(v, k, e)`` over the ``(k, v)`` in ``values`` with
    ``k <= e`` (``forward``) or ``k > e``; ``-inf`` where there is none.

    ``bound(v, k, e)`` is a part in k plus a part in e up to rounding, and ``key(v, k)`` is the part
    in k; so in one sweep over the events only the k whose key is within ``2 * tolerance`` (far
    above any rounding) of the best so far can give the largest bound, and their bounds are computed
    exactly as written: the same value, to the bit, as trying every k, in O(events) instead of
    O(events × anchored events).
    """
    out = [-math.inf] * count
    candidates: list[tuple[float, int, float]] = []
    best = -math.inf
    for e in range(count) if forward else range(count - 1, -1, -1):
        k = e if forward else e + 1
        v = values.get(k)
        if v is not None:
            value = key(v, k)
            if value > best:
                best = value
                if math.isfinite(best) and math.isfinite(tolerance):
                    floor = best - 2 * tolerance
                    candidates = [c for c in candidates if c[0] >= floor]
            if not (math.isfinite(best) and math.isfinite(tolerance)) or value >= best - 2 * tolerance:
                candidates.append((value, k, v))
        if candidates:
            out[e] = max(bound(v, k, e) for _, k, v in candidates)
    return out


def bounds_of(max_lo: list[float], min_hi: list[float], fast: list[float],
              slow: list[float]) -> tuple[list[float], list[float]]:
    """Earliest and latest time of every event from each event's largest ``lo`` and smallest ``hi``.

    Each anchor's bound is the same expression as in a one-by-one tightening, and it is monotone in
    ``lo`` (``hi``), so this equals the bounds of all anchors, to the bit. Near-linear in events
    whatever the number of events with anchors (see :func:`_upper_envelope`).
    """
    count = len(fast)
    lows = {k: lo for k, lo in enumerate(max_lo) if lo != -math.inf}
    highs = {k: hi for k, hi in enumerate(min_hi) if hi != math.inf}
    magnitude = max((abs(v) for v in (*lows.values(), *highs.values())), default=0.0)
    magnitude += 2 * max((abs(v) for v in (*fast, *slow)), default=0.0)
    tolerance = magnitude * 1e-12 + 1e-9 if math.isfinite(magnitude) else math.inf
    # Earliest: lo + fast[e] - fast[k] for e >= k, lo - (slow[k] - slow[e]) before k.
    after = _upper_envelope(count, lows, lambda v, k: v - fast[k],
                            lambda v, k, e: v + fast[e] - fast[k], True, tolerance)
    before = _upper_envelope(count, lows, lambda v, k: v - slow[k],
                             lambda v, k, e: v - (slow[k] - slow[e]), False, tolerance)
    earliest = [max(a, b) for a, b in zip(after, before, strict=True)]
    # Latest, the smallest of: hi + slow[e] - slow[k] for e >= k, hi - (fast[k] - fast[e]) before
    # k; found as the largest of their negations (negating is exact).
    after = _upper_envelope(count, highs, lambda v, k: slow[k] - v,
                            lambda v, k, e: -(v + slow[e] - slow[k]), True, tolerance)
    before = _upper_envelope(count, highs, lambda v, k: fast[k] - v,
                             lambda v, k, e: -(v - (fast[k] - fast[e])), False, tolerance)
    latest = [-max(a, b) for a, b in zip(after, before, strict=True)]
    return earliest, latest


def _keep(extremes: list, item: tuple) -> bool:
    """Keep ``extremes`` the ``_KEPT`` smallest items, sorted; True when ``item`` got in."""
    if len(extremes) < _KEPT or item < extremes[-1]:
        bisect.insort(extremes, item)
        del extremes[_KEPT:]
        return True
    return False


class _Index:
    """For one event k: the kept accepted anchors of every event, as thresholds on one value.

    ``values`` ascend; the anchors a report's value ``v`` at k contradicts are those with
    ``values[i] < v`` — a prefix — and ``firsts[p]`` holds the (up to ``_KEPT``) earliest-taken
    reports among the first p entries.
    """

    __slots__ = ("values", "entries", "firsts")

    def __init__(self, items: list[tuple[float, int, Report]]) -> None:
        items.sort(key=lambda item: (item[0], item[1]))
        self.values = [value for value, _, _ in items]
        self.entries = items
        firsts: list[tuple[int, ...]] = [()]
        for _, seq, _ in items:
            best = firsts[-1]
            if seq not in best and (len(best) < _KEPT or seq < best[-1]):
                best = tuple(sorted((*best, seq)))[:_KEPT]
            firsts.append(best)
        self.firsts = firsts


class Fit:
    """Reports taken one at a time; the bounds they allow together."""

    def __init__(self, fast: list[float], slow: list[float], scale: float) -> None:
        self.fast, self.slow = fast, slow
        count = self.count = len(fast)
        self.slack = Slack(fast, slow)
        self._reach = _Reach(self.slack)
        magnitude = scale + max((abs(v) for v in fast + slow), default=0.0) + TOLERANCE
        # Far above the rounding of a few additions of numbers this large; not finite → always exact.
        self.margin = magnitude * 1e-12 + 1e-6 if math.isfinite(magnitude) else math.inf
        self.max_lo = [-math.inf] * count
        self.min_hi = [math.inf] * count
        # The largest lo and the smallest hi an anchor at each event may have, given those taken:
        # asked of ``_reach`` and kept per event until an extreme moves (``_moves`` counts them).
        self._moves = 0
        self._limits: dict[int, tuple[int, float, float]] = {}
        self.lowest: list[list] = [[] for _ in range(count)]  # per event: (hi, seq, report), smallest
        self.highest: list[list] = [[] for _ in range(count)]  # per event: (-lo, seq, report)
        self.used: list[Report] = []
        self.events: set[int] = set()  # events some accepted report pins
        self.impossible: list[Report] = []  # rejected on their own; named in finish()
        self._bounds: tuple[list[float], list[float]] | None = None
        self._indexes: dict[tuple[int, bool], _Index] = {}
        self._texts: dict[tuple, str] = {}

    def bounds(self) -> tuple[list[float], list[float]]:
        """The earliest and latest time of every event the accepted reports allow."""
        if self._bounds is None:
            self._bounds = bounds_of(self.max_lo, self.min_hi, self.fast, self.slow)
        return self._bounds

    def offer(self, report: Report) -> bool:
        """Take the report when it fits with those taken; else set its ``conflict``."""
        anchors = report.anchors
        if len(anchors) == 1:  # the common case, spelled out
            ((k, lo, hi),) = anchors
            own = self.slack(k, k) - (lo - hi) + TOLERANCE
            cap_lo, need_hi = self._limits_at(k)
            margin = min(cap_lo - lo, hi - need_hi) + TOLERANCE
        else:
            margin = own = math.inf
            for k, lo, hi in anchors:
                cap_lo, need_hi = self._limits_at(k)
                margin = min(margin, cap_lo - lo, hi - need_hi)
                for j, _, other_hi in anchors:
                    own = min(own, self.slack(k, j) - (lo - other_hi))
            margin, own = min(margin, own) + TOLERANCE, own + TOLERANCE
        margin = min(margin, own)
        if margin > self.margin:
            fits = True
        elif margin < -self.margin:
            fits = False
        else:  # at the edge: decide as the bounds themselves are computed
            earliest, latest = self.bounds()
            fits = _trial_fits(earliest, latest, anchors, self.fast, self.slow)
        if fits:
            self._take(report)
        else:
            report.conflict = self._reason(report, own)
        return fits

    def _limits_at(self, k: int) -> tuple[float, float]:
        """(cap_lo, need_hi) at event k: the largest ``lo`` and the smallest ``hi`` an anchor there
        may have so that no taken anchor contradicts it (lo at r minus hi at k may not exceed
        ``slack(r, k)``)."""
        kept = self._limits.get(k)
        if kept is not None and kept[0] == self._moves:
            return kept[1], kept[2]
        cap_lo, need_hi = self._reach.cap_lo(k), self._reach.need_hi(k)
        self._limits[k] = (self._moves, cap_lo, need_hi)
        return cap_lo, need_hi

    def _take(self, report: Report) -> None:
        report.accepted = True
        report.seq = len(self.used)
        self.used.append(report)
        for k, lo, hi in report.anchors:
            self.events.add(k)
            if hi < self.min_hi[k]:
                self.min_hi[k] = hi
                self._bounds = None
                self._moves += 1
                self._reach.take_hi(k, hi)
            if lo > self.max_lo[k]:
                self.max_lo[k] = lo
                self._bounds = None
                self._moves += 1
                self._reach.take_lo(k, lo)
            changed = _keep(self.lowest[k], (hi, report.seq, report))
            if _keep(self.highest[k], (-lo, report.seq, report)) or changed:
                self._indexes.clear()

    def _index(self, k: int, upper: bool) -> _Index:
        """Thresholds for a lower bound at k (a report's lo) or, ``upper``, for its hi (negated).

        A lo at k contradicts the accepted hi at j when ``lo > hi + slack(k, j) + TOLERANCE``; a
        hi at k contradicts the accepted lo at j when ``-hi > -lo + slack(j, k) + TOLERANCE``.
        """
        index = self._indexes.get((k, upper))
        if index is None:
            items = []
            for j in sorted(self.events):  # only events with taken anchors have kept ones
                if upper:
                    slack = self.slack(j, k)
                    items += [(value + slack + TOLERANCE, seq, used) for value, seq, used in self.highest[j]]
                else:
                    slack = self.slack(k, j)
                    items += [(value + slack + TOLERANCE, seq, used) for value, seq, used in self.lowest[j]]
            index = self._indexes[(k, upper)] = _Index(items)
        return index

    def _contradicts(self, used: Report, report: Report) -> bool:
        """Exactly as the bounds are computed: can ``used`` and ``report`` not hold together?"""
        anchors = used.anchors + report.anchors
        earliest, latest = bounds_of(*_extremes(anchors, self.count), self.fast, self.slow)
        return not all(lo <= hi + TOLERANCE for lo, hi in zip(earliest, latest, strict=True))

    def _reason(self, report: Report, own: float) -> str | None:
        """Name up to ``NAMED`` accepted reports that contradict this one on their own.

        Only each event's most extreme accepted anchors are looked at: if one at an event
        contradicts, so does every more extreme one, so when at most ``NAMED`` contradict, all of
        them are found (and named in the order they were taken); when more do, the first
        ``NAMED`` taken among those looked at are named. A report impossible on its own (a window
        ending before it starts) contradicts every report taken: it is named in :meth:`finish`.
        """
        alone = own > self.margin or (own >= -self.margin and _trial_fits(
            [-math.inf] * self.count, [math.inf] * self.count, report.anchors, self.fast, self.slow))
        if not alone:  # impossible on its own: every report taken, before or after, contradicts it
            self.impossible.append(report)
            return None
        seqs: set[int] = set()
        for k, lo, hi in report.anchors:
            for upper, value in ((False, lo), (True, -hi)):
                index = self._index(k, upper)
                sure = bisect.bisect_left(index.values, value - self.margin)
                seqs.update(index.firsts[sure])
                # Within rounding of the edge: ask the exact computation.
                for _, seq, used in index.entries[sure:bisect.bisect_left(index.values, value + self.margin)]:
                    if seq not in seqs and self._contradicts(used, report):
                        seqs.add(seq)
        return self._text(sorted(seqs))

    def finish(self) -> None:
        """Name, for each report impossible on its own, the first reports taken at all."""
        for report in self.impossible:
            report.conflict = self._text(list(range(min(len(self.used), _KEPT))))

    def _text(self, named: list[int]) -> str:
        key = (*named[:NAMED], len(named) > NAMED)
        text = self._texts.get(key)
        if text is None:  # many reports contradict the same few: say it once
            text = ", ".join(describe(self.used[s].first) for s in named[:NAMED]) or "the other reports"
            if len(named) > NAMED:
                text += " and other reports"
            text = self._texts[key] = f"contradicts {text} even at the route's top speed"
        return text


def _extremes(anchors: tuple[Anchor, ...], count: int) -> tuple[list[float], list[float]]:
    max_lo, min_hi = [-math.inf] * count, [math.inf] * count
    for k, lo, hi in anchors:
        max_lo[k] = max(max_lo[k], lo)
        min_hi[k] = min(min_hi[k], hi)
    return max_lo, min_hi
