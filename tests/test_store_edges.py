"""Edges of the database: reads that never write, read-only files, odd paths, a damaged index."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import add_posts

from monitor.cli import cli
from monitor.gui import data
from monitor.service import Monitor
from monitor.store import database

POSTS = [
    {"guid": f"p{i}", "body": f"The train left Tumangang at 0{i}:00, officials said.", "title": f"Post {i}"}
    for i in range(3)
]


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def unrouted_db(db_path: Path) -> Path:
    """A store with posts whose route was never stored (posts written straight to the store)."""
    add_posts(db_path, POSTS)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from routes").fetchone()[0] == 0
    return db_path


@pytest.fixture
def write_lock(unrouted_db: Path):
    """Another program holding the write lock (BEGIN IMMEDIATE) for the whole test."""
    conn = sqlite3.connect(unrouted_db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


# -- reads never write ----------------------------------------------------------------------------


def test_window_snapshot_reads_beside_a_writer_on_a_store_without_its_route(unrouted_db, write_lock):
    with Monitor(unrouted_db) as monitor:
        # A writer would wait this long for the lock, then fail: a read must not wait at all.
        monitor.db.execute("pragma busy_timeout = 50")
        snap = data.snapshot(monitor, None)
        assert snap.post_count == 3
        assert snap.route.stops
        assert monitor.route() == snap.route
    write_lock.execute("ROLLBACK")
    write_lock.execute("BEGIN IMMEDIATE")
    # Nothing was stored by reading.
    assert write_lock.execute("select count(*) from routes").fetchone()[0] == 0


def test_route_and_posts_commands_read_beside_a_writer(unrouted_db, write_lock, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    code, out, err = _invoke("route", "--json", "--db", str(unrouted_db))
    assert code == 0, err
    assert json.loads(out)
    code, out, err = _invoke("posts", "--json", "--db", str(unrouted_db))
    assert code == 0, err
    assert len(out.splitlines()) == 3


def test_the_route_is_stored_by_the_first_ingest_that_needs_it(unrouted_db, seed_path):
    with Monitor(unrouted_db) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        assert monitor.journey.route_id(monitor.route().name) is not None
