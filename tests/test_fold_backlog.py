"""Posts stored before story items existed are folded afterwards by ``monitor repair --items``:
in time order, a batch a transaction, going on from where an interrupted run stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke_cli
from test_feed_items import ingest_twice

from monitor.service import Monitor
from monitor.store import write_transaction
from monitor.store.feed import FeedFilter, FeedQueries


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


def _without_items(db_path) -> None:
    """What an upgrade to story items leaves: every post stored, none in an item."""
    with Monitor(db_path) as monitor, write_transaction(monitor.db):
        monitor.db.execute("delete from story_item_posts")
        monitor.db.execute("delete from story_items")


def _rows(db_path) -> list[tuple[int, int]]:
    with Monitor(db_path, readonly=True) as monitor:
        return [(p.id, p.also_in) for p in FeedQueries(monitor.db).page(FeedFilter(), limit=1000)]


@pytest.fixture
def backlog(db_path, shared_feeds):
    ids = ingest_twice(db_path, shared_feeds)
    folded = _rows(db_path)
    _without_items(db_path)
    return db_path, ids, folded


def test_repair_items_folds_a_store_made_without_items(backlog):
    db_path, ids, folded = backlog
    before = _rows(db_path)
    assert len(before) == len(ids["desk-a"]) + len(ids["desk-b"]) and not any(n for _, n in before)
    code, out, err = invoke_cli("repair", "--items", "--db", str(db_path))
    assert code == 0, err
    assert f"{len(before)} posts folded into story items ({len(ids['desk-a'])} items" in out
    assert _rows(db_path) == folded  # as if each post had been folded when it came
    code, out, _ = invoke_cli("repair", "--items", "--db", str(db_path))
    assert code == 0 and "nothing to fold" in out


def test_an_interrupted_backfill_goes_on_where_it_stopped(backlog):
    db_path, ids, folded = backlog

    class Stop(Exception):
        pass

    def stop_after_first(done: int, left: int) -> None:
        raise Stop

    with Monitor(db_path) as monitor, pytest.raises(Stop):
        monitor.fold_backlog(batch=3, progress=stop_after_first)
    with Monitor(db_path, readonly=True) as monitor:
        assert monitor.items.unfolded_count() == len(ids["desk-a"]) * 2 - 3  # the first batch kept
    with Monitor(db_path) as monitor:
        assert monitor.fold_backlog(batch=3) == len(ids["desk-a"]) * 2 - 3
    assert _rows(db_path) == folded
