"""Route reports from several posts: the same stop, kind and overlapping window is one
corroborated observation, counted by independent origins (reprints of one story item count
once), shown by ``monitor route --json`` and in the stop's tooltip. The seed story ingested under
two source names, in a real store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from conftest import SEED, SEED_ROUTE, invoke_cli

from monitor.model import ParsedPost, ParseResult
from monitor.paint.route_bar import RouteBar
from monitor.service import Monitor


@pytest.fixture
def two_desks(db_path):
    with Monitor(db_path) as monitor:
        monitor.set_route(SEED_ROUTE)
        for key in ("file:desk-a", "file:desk-b"):
            assert all(r.ok for r in monitor.ingest_path(SEED, source_key=key))
        monitor.set_source_tier(monitor.source("file:desk-a").id, "wire")
    return db_path


def _observations(db_path) -> list[dict]:
    code, out, err = invoke_cli("route", "--json", "--db", str(db_path))
    assert code == 0, err
    return json.loads(out)["observations"]


def _by(rows: list[dict], stop: str, kind: str) -> list[dict]:
    return [r for r in rows if r["stop"] == stop and r["kind"] == kind]


def test_a_report_and_its_reprint_are_one_origin(two_desks):
    rows = _observations(two_desks)
    departed = _by(rows, "Pyongyang", "departed")
    # One post of the seed says the train left; the other desk carries the same post.
    assert len(departed) == 2 and len({r["post_id"] for r in departed}) == 2
    assert {json.dumps(r["corroboration"], sort_keys=True) for r in departed} == {json.dumps(
        {"origins": 2, "sources": 2, "independent": 1, "tiers": {"wire": 1}}, sort_keys=True)}


def test_two_posts_in_their_own_words_are_two_independent_origins(two_desks):
    rows = _observations(two_desks)
    expected = _by(rows, "Vladivostok", "expected")
    posts = {r["post_id"] for r in expected}
    assert len(posts) == 4  # two posts of the seed, each in both desks
    assert {r["corroboration"]["independent"] for r in expected} == {2}
    assert {r["corroboration"]["sources"] for r in expected} == {2}


def test_windows_that_do_not_overlap_are_separate_observations(db_path):
    at = datetime(2023, 9, 12, 6, 0, tzinfo=UTC)
    with Monitor(db_path) as monitor:
        monitor.set_route(SEED_ROUTE)
        for source, guid, when, text in (
            ("desk-a", "a", at, "Railway staff said Kim's train arrived in Khasan at 06:00 on 12 September."),
            ("desk-b", "b", at, "Residents watching from the platform told our reporter that the convoy "
                                "got there early: it arrived in Khasan at 06:00 on 12 September, "
                                "to little fanfare."),
            ("desk-c", "c", at + timedelta(days=2),
             "A second train arrived in Khasan at 18:00 on 14 September."),
        ):
            report = monitor.ingest_result(
                ParseResult(kind="jsonl", posts=(ParsedPost(guid=guid, body=text, published=when),)),
                source, source_key=source, url=f"https://{source}/")
            assert report.ok, report.error
    arrived = _by(_observations(db_path), "Khasan", "arrived")
    counts = sorted((r["at"], r["corroboration"]["origins"], r["corroboration"]["independent"])
                    for r in arrived)
    assert [c[1:] for c in counts] == [(2, 2), (2, 2), (1, 1)]


def test_the_stops_tooltip_says_how_many_origins_report_it(two_desks, qtbot):
    with Monitor(two_desks, readonly=True) as monitor:
        situation = monitor.situation(datetime(2023, 9, 13, tzinfo=UTC))
    bar = RouteBar()
    qtbot.addWidget(bar)
    bar.set_route(situation.route)
    bar.set_estimate(situation.estimate)
    bar.set_observations(situation.observations)
    tip = bar.tooltip_for("Pyongyang")
    # The report and its reprint are one row of evidence naming both posts.
    assert tip.count("departed") == 1 and "(posts 2, 7)" in tip
    assert "(2 reports, 1 independent, 1 wire)" in tip
    assert "(4 reports, 2 independent, 2 wire)" in bar.tooltip_for("Vladivostok")
