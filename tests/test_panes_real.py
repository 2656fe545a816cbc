"""The panes fed with what the engines really produce from the seed, through the service."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from monitor.gui.charts import ChartsPane
from monitor.gui.route_bar import RouteBar
from monitor.journey.estimate import estimate_from
from monitor.service import Monitor

AT = datetime.fromisoformat("2023-09-12T06:00:00+09:00")


@pytest.fixture
def monitor(db_path):
    with Monitor(db_path) as m:
        m.seed_if_empty()
        yield m


def test_route_bar_on_the_seed_estimate(monitor, qtbot):
    bar = RouteBar()
    qtbot.addWidget(bar)
    estimate = monitor.estimate(AT)
    bar.set_route(monitor.route())
    bar.set_estimate(estimate)
    bar.set_observations(monitor.observations())
    for width in (600, 1000, 1600, 2500):
        layout = bar.bar_layout(width)
        for (a, ra), (b, rb) in itertools.combinations(layout.all_label_rects(), 2):
            assert not ra.intersects(rb), f"{a} and {b} overlap at {width}px"
        labels = {box.stop: [line.text for line in box.lines] for box in layout.labels}
        gauge = next(s for s in monitor.route().stops if s.kind == "gauge_change")
        # The dwell comes from post 3's evidence ("about 70 minutes"), not the route file's guess.
        assert f"gauge change {gauge.gauge_before} → {gauge.gauge_after} mm, ~70 min" in labels[gauge.name]
    tip = bar.tooltip_for(gauge.name)
    assert "post 3" in tip and "70 minutes" in tip
    assert bar.status_text().split(" · ")[1].startswith(f"km ~{estimate.km_likely:,.0f}")
    bar.resize(1000, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    with qtbot.waitSignal(bar.stopClicked, timeout=1000) as blocker:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.stop_point(gauge.name).toPoint())
    assert blocker.args == [gauge.name]


def test_charts_on_the_seed_schedule(monitor, qtbot):
    charts = ChartsPane()
    qtbot.addWidget(charts)
    schedule = monitor.schedule()
    estimates = [estimate_from(schedule, AT - timedelta(hours=h)) for h in range(36, -1, -1)]
    charts.set_journey(monitor.route(), estimates, monitor.observations())
    charts.set_posts(monitor.posts.posts(limit=100))
    _, km = charts.likely_curve.getData()
    assert list(km) == [e.km_likely for e in estimates]
    assert list(km) == sorted(km)  # the estimate never runs backwards
    assert not charts.band.path().isEmpty()
    assert len(charts.stop_lines()) == len(monitor.route().stops)
