"""A route replaced mid-story: observations are kept and re-matched to the new route."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SEED_ROUTE

from monitor.service import Monitor


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


PAGE = """date 2023-09-12
07:40
Kim's train reaches Ussuriysk
Kim's train has arrived in Ussuriysk, Russian media report, instead of heading south to Vladivostok.
01:00
Train at the border
The train entered Khasan station at 06:00 Pyongyang time.
"""


def _ingest(monitor: Monitor, tmp_path, seed_path) -> None:
    if monitor.route() is None:
        monitor.set_route(SEED_ROUTE)
    monitor.ingest_path(seed_path)
    page = tmp_path / "later.txt"
    page.write_text(PAGE, encoding="utf-8")
    report = monitor.ingest_path(page)[0]
    assert report.ok and report.added == 2, report


def test_route_change_mid_journey_keeps_and_rematches_observations(db_path, tmp_path, seed_path):
    at = datetime(2023, 9, 12, 12, tzinfo=UTC)
    with Monitor(db_path) as monitor:
        assert monitor.route() is None  # a new store follows no journey until one is chosen
        _ingest(monitor, tmp_path, seed_path)
        before = monitor.observations()
        ussuriysk = [o for o in before if o.stop == "Ussuriysk"]
        assert ussuriysk and not any(o.matched for o in ussuriysk)  # kept, shown unmatched
        first = monitor.estimate(at)
        assert first.destination == "Vladivostok"
        assert any(o.stop == "Khasan" and o.kind == "arrived" for o in first.anchors)

        monitor.set_route("pyongyang-ussuriysk")
        after = monitor.observations()
        assert len(after) == len(before)
        assert [(o.post_id, o.stop, o.kind) for o in after] == [(o.post_id, o.stop, o.kind) for o in before]
        assert all(o.matched for o in after if o.stop == "Ussuriysk")
        assert not any(o.matched for o in after if o.stop == "Vladivostok")
        moved = monitor.estimate(at)
        assert moved.route == "pyongyang-ussuriysk" and moved.destination == "Ussuriysk"
        assert moved.state == "arrived"
        assert any(o.stop == "Ussuriysk" for o in moved.anchors)
    with Monitor(db_path) as monitor:  # the choice is kept in the store
        assert monitor.route().name == "pyongyang-ussuriysk"
        assert monitor.journey.route_names() == ["pyongyang-vladivostok", "pyongyang-ussuriysk"]


def test_route_can_be_changed_back(db_path, tmp_path, seed_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, tmp_path, seed_path)
        count = monitor.journey.observation_count()
        monitor.set_route("pyongyang-ussuriysk")
        monitor.set_route("pyongyang-vladivostok")
        assert monitor.journey.observation_count() == count
        assert monitor.route().stops[-1].name == "Vladivostok"
        assert not any(o.matched for o in monitor.observations() if o.stop == "Ussuriysk")
