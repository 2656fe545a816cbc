"""The panes fed with what the engines really produce from the seed, through the service."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from monitor.journey.estimate import estimate_from
from monitor.paint.charts import ChartsPane
from monitor.paint.route_bar import RouteBar
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


def test_inspector_on_the_extracted_quotes_and_the_corrections_round_trip(monitor, qtbot):
    from monitor.gui.inspector import InspectorPane

    pane = InspectorPane()
    qtbot.addWidget(pane)
    posts = {p.id: p for p in monitor.posts.posts(limit=100)}

    def refresh(speaker_id=None):
        pane.set_speakers(monitor.quotes.speakers())
        pane.set_quotes(monitor.quotes.quotes(speaker_id=speaker_id, include_rejected=True), posts)

    # Wire the signals to the store as the main window does.
    pane.speakerSelected.connect(refresh)
    pane.reassignRequested.connect(lambda q, s: (monitor.quotes.reassign_quote(q, s), refresh(s)))
    pane.rejectRequested.connect(lambda q: (monitor.quotes.reject_quote(q), refresh()))
    refresh()
    pane.resize(520, 640)
    pane.show()
    qtbot.waitExposed(pane)

    peskov = next(s for s in monitor.quotes.speakers() if s.name == "Dmitry Peskov")
    with qtbot.waitSignal(pane.speakerSelected):
        pane.select_speaker(peskov.id)
    shown = [pane.quote_model.quote(r) for r in range(pane.quote_model.rowCount())]
    parts = {posts[q.post_id].body[s:e] for q in shown for s, e in q.parts}
    assert {"strengthen", "friendship", "one-on-one format"} <= parts

    # A body quote activates with its span (the whole attribution); a headline quote says where
    # its span is.
    one_on_one = next(q for q in monitor.quotes.quotes(speaker_id=peskov.id) if "one-on-one format" in q.text)
    pane.select_quote(one_on_one.id)
    with qtbot.waitSignal(pane.quoteActivated) as blocker:
        pane.quote_view.activated.emit(pane.quote_view.currentIndex())
    post_id, start, end = blocker.args
    assert posts[post_id].body[start:end] == one_on_one.text
    headline = next(q for q in monitor.quotes.quotes() if q.field == "title")
    with qtbot.waitSignal(pane.speakerSelected):
        pane.select_speaker(None)
    pane.select_quote(headline.id)
    spans = []
    pane.quoteSpanActivated.connect(lambda *args: spans.append(args))
    with qtbot.waitSignal(pane.quoteActivated) as blocker:
        pane.quote_view.activated.emit(pane.quote_view.currentIndex())
    assert blocker.args == [headline.post_id, 0, 0]
    [(post_id, field, start, end)] = spans
    assert field == "title" and posts[post_id].title[start:end] == headline.text

    # Reassign through the dialog, then reject: the store and the table agree.
    kirby = next(s for s in monitor.quotes.speakers() if s.name == "John Kirby")
    pane.select_quote(one_on_one.id)
    dialog = pane.open_reassign_dialog()
    dialog.choose(kirby.id)
    dialog.accept()
    assert monitor.quotes.quote(one_on_one.id).speaker_id == kirby.id
    pane.select_quote(one_on_one.id)
    assert pane.selected_quote().source_of_truth == "analyst"
    box = pane.open_reject_dialog()
    next(b for b in box.buttons() if b.text() == "Reject quote").click()
    assert monitor.quotes.quote(one_on_one.id).status == "rejected"


def test_gauge_dwell_keeps_its_evidence_once_the_train_is_past(monitor, qtbot):
    """After arrival no ETA remains, yet the reported 70 minutes still beat the route file's guess."""
    bar = RouteBar()
    qtbot.addWidget(bar)
    later = monitor.estimate(AT + timedelta(days=3))
    assert later.state == "arrived"
    bar.set_route(monitor.route())
    bar.set_estimate(later)
    gauge = next(s for s in monitor.route().stops if s.kind == "gauge_change")
    assert bar.dwell_of(gauge)[0] == gauge.dwell_minutes  # nothing reported yet
    bar.set_observations(monitor.observations())
    minutes, source = bar.dwell_of(gauge)
    assert minutes == 70 and "post 3" in source
