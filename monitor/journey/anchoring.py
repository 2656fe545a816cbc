"""Which timed reports anchor the schedule, and which contradict those taken before them.

A report puts one event (or, dwelling, two) inside a window ``[lo, hi]``. Through the fastest and
slowest gaps, a report bounds every other event; a set of reports is feasible when every event's
latest lower bound stays below its earliest upper bound (with ``TOLERANCE`` of slack). Reports are
tried one at a time in priority order; one that would make the set infeasible is rejected and gets a
reason naming a few accepted reports it contradicts.

Checking a report against the whole set must not cost time in the number of reports taken. In
exact arithmetic the set is feasible exactly when every *pair* of anchors is: the lower bound of
anchor i (event ``ki``) never exceeds the upper bound of anchor j (event ``kj``) at any event, i.e.
``lo_i - hi_j <= slack[ki][kj] + TOLERANCE`` with ``slack[ki][kj] = min over events e of
(slow-side offset from kj to e - fast-side offset from ki to e)``, a table of events × events built
once. So against all accepted anchors it is enough to know, per event, the largest accepted ``lo``
and the smallest accepted ``hi``: a new anchor at ``k`` fits when ``lo <= cap_lo[k]`` and
``hi >= need_hi[k]``, two numbers kept up to date as anchors are taken (O(events) only when an
event's extreme moves, which is rare).

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


def _slack_table(fast: list[float], slow: list[float]) -> list[list[float]]:
    """``slack[i][j]``: how far an anchor at ``i`` may start after one at ``j`` ends (minus tolerance).

    The minimum over events e of (upper offset from j to e) − (lower offset from i to e), in closed
    form per range of e (after both, before both, between them) so it costs events², not events³.
    """
    count = len(fast)
    gap = [s - f for f, s in zip(fast, slow, strict=True)]  # slowest minus fastest from event 0
    suffix_min = gap[:]
    for e in range(count - 2, -1, -1):
        suffix_min[e] = min(suffix_min[e], suffix_min[e + 1])
    prefix_max = [-math.inf] * (count + 1)  # prefix_max[n]: max of gap[e] for e < n
    for e in range(count):
        prefix_max[e + 1] = max(prefix_max[e], gap[e])
    table = []
    for i in range(count):
        row = []
        for j in range(count):
            value = suffix_min[max(i, j)] + fast[i] - slow[j]
            low = min(i, j)
            if low > 0:
                value = min(value, slow[i] - fast[j] - prefix_max[low])
            if i < j:
                value = min(value, fast[i] - fast[j])
            elif j < i:
                value = min(value, slow[i] - slow[j])
            row.append(value)
        table.append(row)
    return table


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


def bounds_of(max_lo: list[float], min_hi: list[float], fast: list[float],
              slow: list[float]) -> tuple[list[float], list[float]]:
    """Earliest and latest time of every event from each event's largest ``lo`` and smallest ``hi``.

    Each anchor's bound is the same expression as in a one-by-one tightening, and it is monotone in
    ``lo`` (``hi``), so this equals the bounds of all anchors, to the bit.
    """
    count = len(fast)
    earliest, latest = [-math.inf] * count, [math.inf] * count
    for k in range(count):
        lo, hi = max_lo[k], min_hi[k]
        if lo != -math.inf:
            for e in range(count):
                bound = lo + fast[e] - fast[k] if e >= k else lo - (slow[k] - slow[e])
                if bound > earliest[e]:
                    earliest[e] = bound
        if hi != math.inf:
            for e in range(count):
                bound = hi + slow[e] - slow[k] if e >= k else hi - (fast[k] - fast[e])
                if bound < latest[e]:
                    latest[e] = bound
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
        self.slack = _slack_table(fast, slow)
        magnitude = scale + max((abs(v) for v in fast + slow), default=0.0) + TOLERANCE
        # Far above the rounding of a few additions of numbers this large; not finite → always exact.
        self.margin = magnitude * 1e-12 + 1e-6 if math.isfinite(magnitude) else math.inf
        self.max_lo = [-math.inf] * count
        self.min_hi = [math.inf] * count
        # The largest lo and the smallest hi an anchor at each event may have, given those taken.
        self.cap_lo = [math.inf] * count
        self.need_hi = [-math.inf] * count
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
            own = self.slack[k][k] - (lo - hi) + TOLERANCE
            margin = min(self.cap_lo[k] - lo, hi - self.need_hi[k]) + TOLERANCE
        else:
            margin = own = math.inf
            for k, lo, hi in anchors:
                margin = min(margin, self.cap_lo[k] - lo, hi - self.need_hi[k])
                row = self.slack[k]
                for j, _, other_hi in anchors:
                    own = min(own, row[j] - (lo - other_hi))
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

    def _take(self, report: Report) -> None:
        report.accepted = True
        report.seq = len(self.used)
        self.used.append(report)
        events = range(self.count)
        for k, lo, hi in report.anchors:
            self.events.add(k)
            if hi < self.min_hi[k]:
                self.min_hi[k] = hi
                self._bounds = None
                for r in events:  # lo at r minus hi at k may not exceed slack[r][k]
                    value = hi + self.slack[r][k]
                    if value < self.cap_lo[r]:
                        self.cap_lo[r] = value
            if lo > self.max_lo[k]:
                self.max_lo[k] = lo
                self._bounds = None
                row = self.slack[k]
                for r in events:
                    value = lo - row[r]
                    if value > self.need_hi[r]:
                        self.need_hi[r] = value
            changed = _keep(self.lowest[k], (hi, report.seq, report))
            if _keep(self.highest[k], (-lo, report.seq, report)) or changed:
                self._indexes.clear()

    def _index(self, k: int, upper: bool) -> _Index:
        """Thresholds for a lower bound at k (a report's lo) or, ``upper``, for its hi (negated).

        A lo at k contradicts the accepted hi at j when ``lo > hi + slack[k][j] + TOLERANCE``; a
        hi at k contradicts the accepted lo at j when ``-hi > -lo + slack[j][k] + TOLERANCE``.
        """
        index = self._indexes.get((k, upper))
        if index is None:
            items = []
            for j in range(self.count):
                if upper:
                    items += [(value + self.slack[j][k] + TOLERANCE, seq, used)
                              for value, seq, used in self.highest[j]]
                else:
                    items += [(value + self.slack[k][j] + TOLERANCE, seq, used)
                              for value, seq, used in self.lowest[j]]
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
            text = self._texts[key] = f"contradicts {text} at the route's speeds"
        return text


def _extremes(anchors: tuple[Anchor, ...], count: int) -> tuple[list[float], list[float]]:
    max_lo, min_hi = [-math.inf] * count, [math.inf] * count
    for k, lo, hi in anchors:
        max_lo[k] = max(max_lo[k], lo)
        min_hi[k] = min(min_hi[k], hi)
    return max_lo, min_hi
