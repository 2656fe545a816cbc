"""A story item's lead is its earliest copy: when an earlier copy arrives after a later one (the
agency's story polled after an outlet's reprint), the folded feed shows the item once, led by
the earlier copy, without a reload. A real store, real widgets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.gui.feed_pane import FeedPane
from monitor.gui.workers import Runner
from monitor.model import ParsedPost, ParseResult
from monitor.service import Monitor
from monitor.store.feed import ChangeMark, FeedQueries

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
STORY = ("The armoured train crossed the border at Khasan shortly after dawn on Tuesday, the "
         "regional railway said, and was expected in Ussuriysk by the evening after a stop for "
         "a change of locomotives and a short ceremony on the platform.")
OTHER = ("Officials in Seoul said the summit would focus on fuel deliveries and a return visit, "
         "though neither side has confirmed a date or the list of ministers travelling.")


def _story(monitor: Monitor, source: str, guid: str, body: str, when: datetime) -> int:
    report = monitor.ingest_result(
        ParseResult(kind="jsonl", posts=(ParsedPost(guid=guid, title="Train crosses", body=body,
                                                    published=when),)),
        source, source_key=source, url=f"https://{source}/feed")
    assert report.ok, report.error
    return next(iter(report.changes.posts_added))


@pytest.fixture
def runner(qtbot, db_path: Path):
    runner = Runner(db_path)
    yield runner
    runner.shutdown()


def _pane(qtbot, runner) -> FeedPane:
    pane = FeedPane()
    qtbot.addWidget(pane)
    pane.resize(800, 700)
    pane.show()
    pane.set_runner(runner)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and not pane.model.loading, timeout=15000)
    return pane


def test_a_late_earlier_copy_takes_the_lead_row(qtbot, db_path, runner):
    with Monitor(db_path) as monitor:
        _story(monitor, "desk-other", "x1", OTHER, T0 - timedelta(hours=2))
        reprint = _story(monitor, "outlet", "o1", STORY, T0 + timedelta(hours=1))
    pane = _pane(qtbot, runner)
    model = pane.model
    assert [model.post_id_at(r) for r in range(model.rowCount())][0] == reprint
    assert model.rowCount() == 2 and model.total == 2

    with Monitor(db_path) as monitor:  # the agency's own copy, an hour earlier, stored later
        agency = _story(monitor, "agency", "a1", STORY, T0)
        assert [c.post_id for c in monitor.item_copies(agency)][0] == agency
    pane.refresh()
    qtbot.waitUntil(lambda: agency in [model.post_id_at(r) for r in range(model.rowCount())], timeout=5000)
    ids = [model.post_id_at(r) for r in range(model.rowCount())]
    assert reprint not in ids and ids.count(agency) == 1  # one row for the item, led by the earliest
    assert model.rowCount() == 2 and model.total == 2
    assert model.post_at(ids.index(agency)).also_in == 1


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, db_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    return db_path if request.param == "sqlite" else request.getfixturevalue("pg_dsn")


def test_demoted_names_the_displaced_lead_only_for_items_that_changed_lead(store):
    with Monitor(store) as monitor:
        first = _story(monitor, "outlet", "o1", STORY, T0 + timedelta(hours=1))
        queries = FeedQueries(monitor.db)
        mark = queries.mark()
        later = _story(monitor, "outlet-2", "o2", STORY, T0 + timedelta(hours=2))  # not earlier
        assert queries.demoted(mark, queries.mark()) == []
        mark = queries.mark()
        earlier = _story(monitor, "agency", "a1", STORY, T0)
        assert queries.demoted(mark, queries.mark()) == sorted([first, later])
        assert queries.demoted(queries.mark(), queries.mark()) == []
        assert queries.demoted(ChangeMark(), queries.mark()) == []  # nothing was stored before
        assert earlier > later
