"""The route bar's geometry: where the stops and their labels go, in plain numbers.

Pure functions of the stops' km, the width, the row heights and the text's measured widths; no
Qt. The widget (:mod:`monitor.paint.route_bar`) passes its font metrics in as a
:class:`TextMetrics` and turns the result into rectangles to paint, so the tests can check the
placement on plain numbers at any width.

* **Scale.** Stops sit at their km, but a gap longer than ``COMPRESS_KM`` is drawn at that length
  (the bar shows it with a break mark and its true distance), and no two neighbouring stops come
  closer than ``MIN_GAP_PX`` (``MIN_KEY_GAP_PX`` and more around the gauge change, the border and
  the ceremony, where the story happens).
* **Labels.** Placed greedily in the order given (most important first) into one row above and
  two rows below the track. Each candidate (row × anchor) is scored by how much it would crowd
  labels still to come; a label that fits nowhere is shortened (its detail lines dropped, then
  its name elided), and if it still does not fit it is left out — the stop keeps its mark.
  Placed rectangles never intersect. Each label stays on its own marker: its middle is nearer its
  stop than any other (:func:`on_marker`), so where the gauge change, the bridge and the border
  station crowd a label never reads as its neighbour's; the rows of the first ``MAX_KEY_SEARCH``
  key stops are then searched together for the combination that names all of them with most of
  their detail.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor.model import Stop

#: Gaps longer than this are drawn shortened, with a break mark and the true distance: a 300 km
#: stretch with nothing on it would otherwise squeeze the stops that matter into a corner.
COMPRESS_KM = 150.0
#: The least distance in pixels between two neighbouring stops: room for a marker each.
MIN_GAP_PX = 16.0
#: ...and next to a key stop, which also grows with the width (``KEY_GAP_SHARE``).
MIN_KEY_GAP_PX = 28.0
#: Share of the track's width kept at least on each side of a key stop.
KEY_GAP_SHARE = 0.03
#: The stops the story turns on: their gaps are wider, their labels placed first and weighed more.
KEY_KINDS = frozenset({"gauge_change", "border", "ceremony"})
#: A label held against the bar's end may start (end) this close to its marker instead of
#: being centred on it: nothing lies beyond, so it still reads as that marker's label.
EDGE_MARKER_PX = 12.0
#: At most this many key stops have their rows searched together (3 ** n placements at worst).
MAX_KEY_SEARCH = 4
#: Margin around the whole bar.
PAD = 8.0
#: Height of the band that holds the track, the markers and the gap distances.
TRACK_ZONE = 34.0
#: The track starts and ends this far inside the margin: room for half the origin's and the
#: destination's markers and for their labels to start at them.
END_INSET = 10.0
#: Labels side by side keep at least half this apart, so two names never read as one: each
#: candidate is grown by half of it on both sides before it is checked against those placed.
LABEL_SPACING = 6.0
#: Gaps between the rows: header to the row above the track, that row to the track zone, the
#: track zone to the first row below, the first row below to the second.
HEADER_GAP, ABOVE_GAP, BELOW_GAP, ROW_GAP = 4.0, 2.0, 2.0, 3.0
#: A label is never squeezed narrower than this (a name elided to "K…" says nothing).
MIN_LABEL_PX = 36.0
#: Off-centre anchors: a label may start (end) this far left (right) of its marker.
ANCHOR_PX = 10.0
#: Costs of a candidate beyond the labels it crowds: each row further from the first choice
#: (below the track, then above, then the second row below) and each anchor off centre.
ROW_COST, ANCHOR_COST = 25.0, 8.0
#: Crowding a key stop's label to come costs this many times crowding a plain station's.
KEY_CROWD_WEIGHT = 3.0
#: Width of the corridor a leader line to the second row below keeps clear of other labels.
CORRIDOR_PX = 3.0
#: A leader line starts (ends) this far inside the track zone, at the marker.
LEADER_INSET = 4.0
#: A gap's distance is written only where the stretch is this much wider than the text.
GAP_LABEL_ROOM = 16.0
#: The widths tried for a label, as factors of its natural width: full, then narrower (elided).
FULL_FACTORS = (1.0, 0.75)
NAME_FACTORS = (1.0, 0.6, 0.35)
#: Rows in the order they are tried.
ROWS = ("below1", "above", "below2")


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in pixels (QRectF's conventions: right = left + width)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """The right edge."""
        return self.left + self.width

    @property
    def bottom(self) -> float:
        """The bottom edge."""
        return self.top + self.height

    @property
    def center_x(self) -> float:
        """The middle, across."""
        return self.left + self.width / 2

    def grown(self, dx: float) -> Rect:
        """This rectangle ``dx`` wider on each side."""
        return Rect(self.left - dx, self.top, self.width + dx + dx, self.height)

    def intersects(self, other: Rect) -> bool:
        """True when the two share some area (touching edges do not count; an empty one never does)."""
        if self.width == 0 or self.height == 0 or other.width == 0 or other.height == 0:
            return False
        return (min(self.left, self.right) < max(other.left, other.right)
                and min(other.left, other.right) < max(self.left, self.right)
                and min(self.top, self.bottom) < max(other.top, other.bottom)
                and min(other.top, other.bottom) < max(self.top, self.bottom))


# -- scale ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """The stretch between two neighbouring stops as drawn."""

    km0: float
    km1: float
    x0: float
    x1: float

    @property
    def compressed(self) -> bool:
        """True when the stretch is drawn shorter than its share of the route."""
        return self.km1 - self.km0 > COMPRESS_KM


class KmScale:
    """Maps km along the route to x, piecewise linear between stops.

    Each gap gets a weight of ``min(gap, COMPRESS_KM)``; gaps that would come out narrower than
    their minimum in pixels are pinned to it and the rest share what is left.
    """

    def __init__(self, stops: Sequence[Stop], left: float, right: float) -> None:
        self.left, self.right = left, right
        kms = [s.km for s in stops]
        self.segments: list[Segment] = []
        if len(kms) < 2:
            return
        gaps = [max(b - a, 0.0) for a, b in zip(kms, kms[1:], strict=False)]
        weights = [min(g, COMPRESS_KM) for g in gaps]
        # Around the key stops the floor grows with the width: that is where the story happens.
        key_floor = max(MIN_KEY_GAP_PX, (right - left) * KEY_GAP_SHARE)
        floors = [
            key_floor if (a.kind in KEY_KINDS or b.kind in KEY_KINDS) else MIN_GAP_PX
            for a, b in zip(stops, stops[1:], strict=False)
        ]
        widths = _share(right - left, weights, floors)
        x = left
        for (a, b), w in zip(zip(kms, kms[1:], strict=False), widths, strict=True):
            self.segments.append(Segment(a, b, x, x + w))
            x += w

    def x(self, km: float) -> float:
        """The x of ``km`` (clamped to the route)."""
        if not self.segments:
            return self.left
        if km <= self.segments[0].km0:
            return self.segments[0].x0
        for seg in self.segments:
            if km <= seg.km1:
                span = seg.km1 - seg.km0
                t = (km - seg.km0) / span if span > 0 else 1.0
                return seg.x0 + t * (seg.x1 - seg.x0)
        return self.segments[-1].x1


def _share(total: float, weights: list[float], floors: list[float]) -> list[float]:
    """Split ``total`` pixels by ``weights``, giving each part at least its floor where possible."""
    n = len(weights)
    if total <= sum(floors):
        return [total / n] * n  # too narrow to honour the floors: fall back to equal parts
    pinned: set[int] = set()
    while True:
        free = total - sum(floors[i] for i in pinned)
        weight = sum(weights[i] for i in range(n) if i not in pinned) or 1.0
        widths = [floors[i] if i in pinned else free * weights[i] / weight for i in range(n)]
        newly = {i for i in range(n) if i not in pinned and widths[i] < floors[i]}
        if not newly:
            return widths
        pinned |= newly


def track_scale(stops: Sequence[Stop], width: float) -> KmScale:
    """The scale of a bar ``width`` pixels wide."""
    inset = PAD + END_INSET
    return KmScale(stops, inset, max(width - inset, inset + 1))


# -- rows -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarRows:
    """The bar's rows from top to bottom, from the heights of a name line and a small line."""

    header_height: float
    #: A label's row: a name line over a small line.
    row_height: float
    track_top: float
    #: The least height that holds every row.
    height: float

    @classmethod
    def for_lines(cls, name_height: float, small_height: float) -> BarRows:
        """The rows for lines ``name_height`` and ``small_height`` pixels high."""
        header_h = name_height + 2
        row_h = name_height + small_height
        track_top = PAD + header_h + HEADER_GAP + row_h + ABOVE_GAP
        height = track_top + TRACK_ZONE + BELOW_GAP + row_h + ROW_GAP + row_h + PAD
        return cls(header_h, row_h, track_top, height)

    @property
    def header_bottom(self) -> float:
        """Where the header ends."""
        return PAD + self.header_height

    @property
    def track_bottom(self) -> float:
        """Where the track zone ends."""
        return self.track_top + TRACK_ZONE

    @property
    def track_y(self) -> float:
        """The track's line."""
        return self.track_top + TRACK_ZONE / 2


# -- labels -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelLine:
    """One line of a label: its text, whether it uses the small font, and its role for colour."""

    text: str
    small: bool = False
    role: str = "text"  # text | muted | gauge | eta
    bold: bool = False


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """A label to place: the stop it names, whether that stop is a key stop, and its lines (the
    name first, then the detail in the order it is given up)."""

    stop: str
    lines: tuple[LabelLine, ...]
    key: bool = False


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """A placed label: the stop it names, its rectangle and its (possibly shortened) lines."""

    stop: str
    rect: Rect
    lines: tuple[LabelLine, ...]
    row: str  # above | below1 | below2 | track
    elided: bool = False


#: A leader line from a marker to its label: ((x, y), (x, y)).
Leader = tuple[tuple[float, float], tuple[float, float]]


class TextMetrics(Protocol):
    """What placement needs to know of the fonts: the widget passes Qt's font metrics in."""

    def width(self, line: LabelLine) -> float:
        """The advance of ``line``'s text in its font."""
        ...

    def height(self, line: LabelLine) -> float:
        """The height of a line in ``line``'s font."""
        ...

    def elide(self, line: LabelLine, limit: float) -> str:
        """``line``'s text cut to ``limit`` pixels, ending in "…"."""
        ...


def gap_labels(scale: KmScale, track_y: float, measure: TextMetrics, small_height: float
               ) -> list[PlacedLabel]:
    """The true distance of each shortened stretch, under the track in its middle, where the
    stretch is wide enough for it."""
    found = []
    for seg in scale.segments:
        if not seg.compressed:
            continue
        line = LabelLine(f"{seg.km1 - seg.km0:,.0f} km", True, "muted")
        w = measure.width(line) + 4
        if seg.x1 - seg.x0 < w + GAP_LABEL_ROOM:
            continue
        mid = (seg.x0 + seg.x1) / 2
        found.append(PlacedLabel(f"{seg.km0:g}–{seg.km1:g}", Rect(mid - w / 2, track_y + 6, w, small_height),
                                 (line,), "track"))
    return found


def marker_cells(markers: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """Each stop's cell: the x range nearer its marker than any other (stops at one x share one)."""
    positions = sorted({round(x, 3) for x in markers.values()})
    cells: dict[str, tuple[float, float]] = {}
    for name, x in markers.items():
        i = positions.index(round(x, 3))
        lo = (positions[i - 1] + positions[i]) / 2 if i > 0 else -math.inf
        hi = (positions[i] + positions[i + 1]) / 2 if i + 1 < len(positions) else math.inf
        cells[name] = (lo, hi)
    return cells


def on_marker(cell: tuple[float, float], x: float, rect: Rect, width: float) -> bool:
    """True when ``rect`` reads as the label of the marker at ``x``: its middle is in the
    marker's ``cell``, or it starts (ends) at the marker against the bar's left (right) end."""
    lo, hi = cell
    if lo - 0.25 <= rect.center_x <= hi + 0.25:
        return True
    at_left = rect.left <= PAD + 0.5 and x - rect.left <= EDGE_MARKER_PX
    at_right = rect.right >= width - PAD - 0.5 and rect.right - x <= EDGE_MARKER_PX
    return at_left or at_right


def place_labels(labels: Sequence[LabelSpec], markers: Mapping[str, float], rows: BarRows,
                 width: float, height: float, measure: TextMetrics
                 ) -> tuple[list[PlacedLabel], list[Leader]]:
    """Place ``labels`` (most important first) over a bar ``width`` × ``height`` whose stops'
    markers stand at ``markers`` (name → x): rectangles that never intersect, each over its own
    marker, with the leader lines from the markers; labels that fit nowhere are left out."""
    if not labels:
        return [], []
    cells = marker_cells(markers)
    widths: dict[tuple[str, bool, bool], float] = {}

    def line_width(line: LabelLine) -> float:
        key = (line.text, line.small, line.bold)
        if key not in widths:  # measured once: placement tries each label many times
            widths[key] = measure.width(line)
        return widths[key]

    above_top = rows.header_bottom + HEADER_GAP
    below1_top = rows.track_bottom + BELOW_GAP
    below2_top = below1_top + rows.row_height + ROW_GAP
    bottom_limit = height - PAD + 1
    # Natural (centred, full) spans of labels not yet placed, to steer candidates away from them.
    # Key stops weigh more: crowding them out costs more than crowding a plain station.
    spans: dict[str, tuple[float, float, float]] = {}
    for spec in labels:
        w = max(line_width(line) for line in spec.lines)
        x = markers[spec.stop]
        spans[spec.stop] = (x - w / 2, x + w / 2, KEY_CROWD_WEIGHT if spec.key else 1.0)

    def attempt(forced: dict[str, str], count: int | None = None
                ) -> tuple[list[PlacedLabel], list[Leader]]:
        """Place the first ``count`` labels (None: all) greedily, best row and anchor first;
        ``forced`` pins stops to a row."""
        placed: list[Rect] = []
        found: list[PlacedLabel] = []
        leaders: list[Leader] = []
        natural = dict(spans)

        def free(rect: Rect) -> bool:
            grown = rect.grown(LABEL_SPACING / 2)
            return all(not grown.intersects(other) for other in placed)

        for spec in labels[:count]:
            lines = spec.lines
            x = markers[spec.stop]
            natural.pop(spec.stop, None)
            best: tuple[float, PlacedLabel, Rect | None] | None = None
            # Full label, then narrower, then the name and its kind, then the name alone, then
            # the name elided.
            variants = [(factor, lines) for factor in FULL_FACTORS]
            if len(lines) > 2:  # what the stop is (gauge change, border) before the name alone
                variants += [(factor, lines[:2]) for factor in FULL_FACTORS]
            variants += [(factor, lines[:1]) for factor in NAME_FACTORS]
            for factor, variant in variants:
                limit = max(max(line_width(line) for line in variant) * factor, MIN_LABEL_PX)
                # A clipped time window misleads: ETA lines are dropped rather than elided.
                shown = tuple(
                    LabelLine(measure.elide(line, limit), line.small, line.role, line.bold)
                    if line_width(line) > limit else line
                    for line in variant
                    if line.role != "eta" or line_width(line) <= limit
                )
                # Drop detail lines that elision has reduced to nothing but "…".
                shown = tuple(ln for ln in shown if ln.text.strip("…")) or shown[:1]
                w = max(line_width(line) for line in shown) + 2
                h = sum(measure.height(line) for line in shown)
                for row_index, row in enumerate(ROWS):
                    if spec.stop in forced and row != forced[spec.stop]:
                        continue
                    if row == "above":
                        top = rows.track_top - ABOVE_GAP - h
                        if top < above_top - 1:
                            continue
                    else:
                        top = below1_top if row == "below1" else below2_top
                    if top + h > bottom_limit:
                        continue
                    for anchor_index, left in enumerate((x - w / 2, x - w + ANCHOR_PX, x - ANCHOR_PX)):
                        left = min(max(left, PAD), width - PAD - w)
                        rect = Rect(left, top, w, h)
                        if not (rect.left - 0.5 <= x <= rect.right + 0.5) or not free(rect):
                            continue
                        if not on_marker(cells[spec.stop], x, rect, width):
                            continue  # its middle would sit nearer another stop's marker
                        corridor = None
                        if row == "below2":
                            corridor = Rect(x - CORRIDOR_PX / 2, rows.track_bottom, CORRIDOR_PX,
                                            top - rows.track_bottom)
                            if not free(corridor):
                                continue
                        crowding = sum(
                            weight * max(0.0, min(rect.right, b) - max(rect.left, a))
                            for a, b, weight in natural.values()
                        )
                        cost = crowding + ROW_COST * row_index + ANCHOR_COST * anchor_index
                        if best is None or cost < best[0]:
                            elided = any(ln.text.endswith("…") for ln in shown) or len(shown) < len(lines)
                            best = (cost, PlacedLabel(spec.stop, rect, shown, row, elided), corridor)
                if best is not None:
                    break
            if best is None:
                continue  # no room anywhere: the stop keeps its mark and tooltip
            _, box, corridor = best
            placed.append(box.rect)
            found.append(box)
            if corridor is not None:
                placed.append(corridor)
            if box.row == "above":
                leaders.append(((x, box.rect.bottom), (x, rows.track_top + LEADER_INSET)))
            else:
                leaders.append(((x, rows.track_bottom - LEADER_INSET), (x, box.rect.top)))
        return found, leaders

    keys = [spec.stop for spec in labels if spec.key][:MAX_KEY_SEARCH]

    def score(found: list[PlacedLabel]) -> tuple[int, int, int, int]:
        """Key stops named, what they are (gauge change, border, ceremony), their ETA lines,
        labels placed: more is better."""
        key_boxes = [box for box in found if box.stop in keys]
        lines = [line for box in key_boxes for line in box.lines[1:]]
        return (len(key_boxes), sum(line.role != "eta" for line in lines),
                sum(line.role == "eta" for line in lines), len(found))

    placed, leaders = attempt({})
    full = max((len(spec.lines) for spec in labels if spec.stop in keys), default=0)
    # Where the key stops crowd (the gauge change, the bridge and the border station lie
    # within 3 km), the greedy order may leave one of them without a label or cut its detail;
    # then their rows are tried in every combination and the one showing most of them wins.
    if score(placed)[0] < len(keys) or sum(len(box.lines) for box in placed if box.stop in keys) \
            < full * len(keys):
        # Labels are placed in priority order, so only those up to the last key stop decide
        # the key stops' rows: the combinations are tried on that short prefix, then the
        # best is placed in full.
        prefix = max(i for i, spec in enumerate(labels) if spec.stop in keys) + 1
        best: tuple[tuple[int, int, int, int], dict[str, str]] | None = None
        for choice in itertools.product(range(len(ROWS)), repeat=len(keys)):
            forced = {name: ROWS[i] for name, i in zip(keys, choice, strict=True)}
            found = score(attempt(forced, prefix)[0])
            if best is None or found > best[0]:
                best = (found, forced)
        assert best is not None
        tried = attempt(best[1])
        if score(tried[0]) > score(placed):
            placed, leaders = tried
    return placed, leaders
