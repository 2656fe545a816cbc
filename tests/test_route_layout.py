"""The route bar's label geometry on plain numbers: no Qt, the font metrics a fixed advance per
character. Labels never overlap, each sits over its own marker, at 320, 800 and 2,600 px."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from gui_samples import sample_route

from monitor.model import Route, Stop
from monitor.model.journey_text import kind_detail
from monitor.paint.route_layout import (
    EDGE_MARKER_PX,
    KEY_KINDS,
    LABEL_SPACING,
    PAD,
    BarRows,
    LabelLine,
    LabelSpec,
    PlacedLabel,
    Rect,
    gap_labels,
    place_labels,
    track_scale,
)

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (320, 800, 2600)
#: Line heights of the name font and the small font, in pixels.
NAME_H, SMALL_H = 17.0, 15.0


class FixedMetrics:
    """A monospaced stand-in for the fonts: 7 px a character, 8 bold, 6 small."""

    def _advance(self, line: LabelLine) -> float:
        return 6.0 if line.small else 8.0 if line.bold else 7.0

    def width(self, line: LabelLine) -> float:
        return len(line.text) * self._advance(line)

    def height(self, line: LabelLine) -> float:
        return SMALL_H if line.small else NAME_H

    def elide(self, line: LabelLine, limit: float) -> str:
        keep = max(int(limit // self._advance(line)) - 1, 0)
        return line.text[:keep] + "…"


def specs(route: Route, eta_stops: tuple[str, ...] = ()) -> list[LabelSpec]:
    """Each stop's label, key stops first (as the bar orders them), with its detail and, for
    ``eta_stops``, a time window."""
    ordered = sorted(route.stops,
                     key=lambda s: (s.kind not in KEY_KINDS, s.kind not in ("origin", "destination")))
    found = []
    for stop in ordered:
        lines = [LabelLine(stop.name, bold=stop.kind in KEY_KINDS)]
        detail = kind_detail(stop)
        if detail:
            lines.append(LabelLine(detail, True, "gauge" if stop.kind == "gauge_change" else "muted"))
        if stop.name in eta_stops:
            lines.append(LabelLine("Tue 09:06 (Mon 17:56–Wed 09:36) UTC+10", True, "eta"))
        found.append(LabelSpec(stop.name, tuple(lines), key=stop.kind in KEY_KINDS))
    return found


def layout(route: Route, width: float, eta_stops: tuple[str, ...] = ()
           ) -> tuple[list[PlacedLabel], list, dict[str, float], BarRows, float]:
    rows = BarRows.for_lines(NAME_H, SMALL_H)
    scale = track_scale(route.stops, width)
    markers = {s.name: scale.x(s.km) for s in route.stops}
    placed, leaders = place_labels(specs(route, eta_stops), markers, rows, width, rows.height, FixedMetrics())
    return placed, leaders, markers, rows, rows.height


def assert_well_placed(placed: list[PlacedLabel], leaders: list, markers: dict[str, float],
                       rows: BarRows, width: float, height: float) -> None:
    assert placed
    for a, b in itertools.combinations(placed, 2):
        assert not a.rect.intersects(b.rect), (width, a, b)
        # ...with room between them, so two names never read as one.
        assert not a.rect.grown(LABEL_SPACING / 2 - 1e-9).intersects(b.rect), (width, a, b)
    for box in placed:
        own = markers[box.stop]
        rect = box.rect
        assert rect.left >= PAD - 1e-9 and rect.right <= width - PAD + 1e-9, (width, box)
        assert rows.header_bottom <= rect.top and rect.bottom <= height, (width, box)
        # Its marker is under it, and no other marker is nearer its middle (unless it is held
        # against the bar's end and starts or ends at its marker).
        assert rect.left - 0.5 <= own <= rect.right + 0.5, (width, box)
        at_edge = (rect.left <= PAD + 0.5 and own - rect.left <= EDGE_MARKER_PX) or \
            (rect.right >= width - PAD - 0.5 and rect.right - own <= EDGE_MARKER_PX)
        if not at_edge:
            for name, x in markers.items():
                if abs(x - own) > 0.5:
                    assert abs(rect.center_x - own) <= abs(rect.center_x - x) + 0.5, (width, box.stop, name)
        # Never over the track zone, where the markers are.
        assert rect.bottom <= rows.track_top + 0.5 or rect.top >= rows.track_bottom - 0.5, (width, box)
        # A leader runs from its marker to it.
        assert any(a[0] == own == b[0] for a, b in leaders), (width, box)


@pytest.mark.parametrize("width", WIDTHS)
def test_labels_never_overlap_and_sit_over_their_markers(width):
    route = sample_route()
    placed, leaders, markers, rows, height = layout(route, width, eta_stops=("Makhalino", "Vladivostok"))
    assert_well_placed(placed, leaders, markers, rows, width, height)
    names = {box.stop for box in placed}
    # The ends and the stop the story turns on are always named.
    assert {"Pyongyang", "Vladivostok", "Tumangang"} <= names, (width, names)
    if width >= 800:
        assert {"Friendship Bridge", "Khasan"} <= names, (width, names)
        tumangang = next(box for box in placed if box.stop == "Tumangang")
        assert tumangang.lines[1].text.startswith("gauge change"), tumangang


@pytest.mark.parametrize("width", WIDTHS)
def test_a_crowded_route_shortens_or_leaves_labels_out_rather_than_overlapping(width):
    stops = [Stop("Start", 0.0, "origin")]
    stops += [Stop(f"Halt {n} Junction", 1.5 * n, "station") for n in range(1, 90)]
    stops += [Stop("End", 140.0, "destination")]
    route = Route("dense", "Dense line", tuple(stops), 60.0, 50.0)
    placed, leaders, markers, rows, height = layout(route, width)
    assert_well_placed(placed, leaders, markers, rows, width, height)
    assert {"Start", "End"} <= {box.stop for box in placed}
    assert len(placed) < len(stops) or any(box.elided for box in placed)


def test_elided_labels_end_in_an_ellipsis_and_eta_lines_are_dropped_not_cut():
    placed, *_ = layout(sample_route(), 320, eta_stops=("Makhalino", "Vladivostok"))
    for box in placed:
        for line in box.lines:
            if line.role == "eta":
                assert not line.text.endswith("…"), box
        if any(line.text.endswith("…") for line in box.lines):
            assert box.elided


def test_rows_stack_from_the_header_down():
    rows = BarRows.for_lines(NAME_H, SMALL_H)
    row = NAME_H + SMALL_H
    assert rows.header_bottom < rows.track_top - row < rows.track_top < rows.track_y < rows.track_bottom
    # Room for the track zone and two rows of labels below it, inside the margin.
    assert rows.track_bottom + 2 * row <= rows.height - PAD


def test_gap_distances_sit_in_the_middle_of_shortened_stretches():
    route = sample_route()
    rows = BarRows.for_lines(NAME_H, SMALL_H)
    scale = track_scale(route.stops, 1600)
    found = gap_labels(scale, rows.track_y, FixedMetrics(), SMALL_H)
    assert {box.lines[0].text for box in found} == {"314 km", "189 km", "197 km"}
    for box in found:
        seg = next(s for s in scale.segments if f"{s.km0:g}–{s.km1:g}" == box.stop)
        assert box.rect.center_x == pytest.approx((seg.x0 + seg.x1) / 2)
        assert rows.track_top < box.rect.top < box.rect.bottom <= rows.track_bottom + SMALL_H


def test_rect_intersects_like_qt():
    a = Rect(0, 0, 10, 10)
    assert a.intersects(Rect(9, 9, 5, 5))
    assert not a.intersects(Rect(10, 0, 5, 5))  # touching edges share no area
    assert not a.intersects(Rect(5, 5, 0, 3))  # an empty rectangle never intersects
    assert a.grown(3).left == -3 and a.grown(3).right == 13


def test_the_layout_module_imports_no_qt():
    code = ("import sys, monitor.paint.route_layout, monitor.model.journey_text; "
            "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
    assert done.returncode == 0
