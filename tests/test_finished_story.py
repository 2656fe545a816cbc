"""Honest states and reports of a finished story.

The seed ended in September 2023. Its report without ``--at`` is as of its last post and says so;
its route bar, report and ``monitor route`` say "presumed" where no report puts the train, show
"train here now" only when the km band stays at one stop, list the destination among the stops
ahead, and give ETAs with one legend and each stop's local time.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from gui_samples import sample_estimate, sample_route
from page_text import overview_texts

from monitor.cli import cli
from monitor.model.journey_text import ETA_LEGEND
from monitor.paint.route_bar import RouteBar
from monitor.report.briefing import gather
from monitor.report.page import Overview
from monitor.service import Monitor

AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)


def test_a_report_without_a_moment_is_as_of_the_last_post(seeded_db, qapp):
    with Monitor(seeded_db) as monitor:
        last = monitor.last_post_time()
        briefing = gather(monitor)
        assert briefing.as_of_last_post and briefing.at == last == datetime(2023, 9, 11, tzinfo=UTC)
        texts = overview_texts(briefing)
        assert "AS OF THE LAST POST" in texts
        fixed = gather(monitor, AT)
        assert not fixed.as_of_last_post and fixed.at == AT
        assert "AS OF" in overview_texts(fixed) and "AS OF THE LAST POST" not in overview_texts(fixed)


def test_stops_ahead_always_include_the_destination_and_the_legend(seeded_db, qapp):
    with Monitor(seeded_db) as monitor:
        briefing = gather(monitor, AT)
    page = Overview(briefing, 1600, 1000)
    rows = page._stops_ahead(500)
    assert rows[-1][0] == "Vladivostok" and len(rows) == 4
    texts = overview_texts(briefing)
    assert ETA_LEGEND in texts
    assert not any("ETA ETA" in t for t in texts)


def test_the_route_bar_says_presumed_and_train_here_only_when_sure(qtbot):
    bar = RouteBar()
    qtbot.addWidget(bar)
    route = sample_route()
    bar.set_route(route)
    bar.resize(1400, bar.sizeHint().height())
    stop = route.stops[len(route.stops) // 2]
    at_stop = replace(sample_estimate(), state="dwelling", stop=stop.name, km_likely=stop.km)
    # A wide band: the train may be anywhere from two stops back to two on.
    wide = replace(at_stop, km_min=route.stops[2].km, km_max=route.stops[-3].km)
    bar.set_estimate(wide)
    labels = [line.text for _, lines in bar._label_blocks() for line in lines]
    assert "train here now" not in labels and "train may be here" in labels
    # A band inside the stop: now it may say so.
    sure = replace(at_stop, km_min=stop.km, km_max=stop.km)
    bar.set_estimate(sure)
    assert "train here now" in [line.text for _, lines in bar._label_blocks() for line in lines]
    # Presumed: no report puts the train there.
    report_time = datetime(2023, 9, 11, tzinfo=UTC)
    presumed = replace(sure, presumed=True, last_report_at=report_time)
    bar.set_estimate(presumed)
    assert bar.status_text().startswith(f"Presumed at {stop.name} — no report since Mon 11 Sep")
    assert "train here now" not in [line.text for _, lines in bar._label_blocks() for line in lines]
    arrived = replace(presumed, state="arrived", km_min=route.length_km, km_max=route.length_km,
                      km_likely=route.length_km, progress=1.0)
    bar.set_estimate(arrived)
    assert bar.status_text().startswith("Presumed arrived — no report since Mon 11 Sep")
    assert ETA_LEGEND in bar.estimate_tooltip()


def test_route_prints_the_next_stops_eta_first_then_route_order(seeded_db):
    result = CliRunner().invoke(cli, ["route", "--db", str(seeded_db), "--at", AT.isoformat()])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "ETA ETA" not in text and text.count(ETA_LEGEND) == 1
    assert "Presumed at Tumangang — no report since Mon 11 Sep" in text
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if ETA_LEGEND in line) + 1
    etas = [m.group(1) for line in lines[start:] if (m := re.match(r"  ([^:]+): \S", line))
            and not line.startswith("  note")]
    next_stop = re.search(r"next stop: ([^;]+);", text).group(1)
    assert etas[0] == next_stop
    with Monitor(seeded_db) as monitor:
        order = [s.name for s in monitor.route().stops]
    rest = etas[1:]
    assert rest == sorted(rest, key=order.index) and rest[-1] == "Vladivostok"


@pytest.mark.parametrize("zone_word", ["KST", "UTC+10"])
def test_etas_name_their_stops_local_zone(seeded_db, zone_word):
    result = CliRunner().invoke(cli, ["route", "--db", str(seeded_db), "--at", AT.isoformat()])
    assert re.search(rf"\(\w{{3}} \d\d:\d\d–\w{{3}} \d\d:\d\d\) {re.escape(zone_word)}$", result.output, re.M)
