"""Route bar labels sit on their own markers, at every width from 320 to 2,600 px.

Near the border the gauge change (Tumangang), the Friendship Bridge and Khasan lie within 3 km and
are drawn a few dozen pixels apart. A label that covers its stop's x only at one end reads as the
label of the neighbour it is centred on ("Khasan / ceremony" over the gauge-change diamond). Each
placed label must be nearer its own marker than any other, keep clear of every marker, and have a
leader line from its marker.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.paint.route_bar import EDGE_MARKER_PX, PAD, RouteBar
from monitor.service import Monitor

WIDTHS = (320, 480, 800, 1200, 1600, 2600)
MOMENTS = (datetime(2023, 9, 11, 0, 0, tzinfo=UTC), datetime(2023, 9, 11, 21, 0, tzinfo=UTC))
BORDER_STOPS = ("Tumangang", "Friendship Bridge", "Khasan")


@pytest.fixture(scope="module")
def seed_situations(tmp_path_factory):
    from conftest import SEED, SEED_ROUTE

    path = tmp_path_factory.mktemp("labels") / "seed.db"
    with Monitor(path) as monitor:
        monitor.use_route(SEED_ROUTE)
        monitor.ingest_path(SEED)
        return [monitor.situation(at) for at in MOMENTS]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("moment", range(len(MOMENTS)))
def test_each_label_points_at_its_own_marker(qtbot, seed_situations, width, moment):
    situation = seed_situations[moment]
    bar = RouteBar()
    qtbot.addWidget(bar)
    bar.set_route(situation.route)
    bar.set_estimate(situation.estimate)
    bar.set_observations(situation.observations)
    bar.resize(width, bar.sizeHint().height())
    layout = bar.bar_layout(width)
    xs = layout.xs
    assert layout.labels
    for box in layout.labels:
        own = xs[box.stop]
        centre = box.rect.center().x()
        # Its marker is under the label...
        assert box.rect.left() - 0.5 <= own <= box.rect.right() + 0.5, box
        # ...and no other marker is nearer the label's middle than its own (except a label held
        # against the bar's end that starts or ends at its marker: nothing lies beyond it).
        at_edge = (box.rect.left() <= PAD + 0.5 and own - box.rect.left() <= EDGE_MARKER_PX) or \
            (box.rect.right() >= width - PAD - 0.5 and box.rect.right() - own <= EDGE_MARKER_PX)
        for name, x in ({} if at_edge else xs).items():
            if name != box.stop and abs(x - own) > 0.5:
                assert abs(centre - own) <= abs(centre - x) + 0.5, (width, box.stop, name, centre, own, x)
        # No label is drawn over a marker (the track zone holds them all).
        assert box.rect.bottom() <= layout.track_top + 0.5 or box.rect.top() >= layout.track_bottom - 0.5
        # A leader line runs from the marker to the label.
        assert any(abs(a.x() - own) < 0.5 and abs(b.x() - own) < 0.5 for a, b in layout.leaders), box
    # Wide enough, the three stops at the border are all named.
    if width >= 800:
        placed = {box.stop for box in layout.labels}
        assert set(BORDER_STOPS) <= placed, (width, placed)
