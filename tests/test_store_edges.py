"""Edges of the database: reads that never write, read-only files, odd paths, a damaged index."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED, SEED_ROUTE, add_posts, invoke_cli
from sqlite_utils import Database

from monitor.gui import data
from monitor.model import parse_iso
from monitor.report.briefing import PAGE_LIMITS, gather
from monitor.service import Monitor
from monitor.store import SCHEMA_VERSION, StoreError, database, open_database
from monitor.store.migrations import MIGRATIONS, READ_OPTIONAL, _v16_report_indexes, readable_at
from monitor.store.pg.connection import is_postgres
from monitor.store.pg.database import WRITE_LOCK
from monitor.store.quotes import REPORT_KIND_INDEX, has_index
from monitor.store.situation import SituationQueries
from monitor.store.transfer import store_digests

ROOT = Path(__file__).resolve().parent.parent

POSTS = [
    {"guid": f"p{i}", "body": f"The train left Tumangang at 0{i}:00, officials said.", "title": f"Post {i}"}
    for i in range(3)
]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the store is (conftest's ``seeded_db`` makes it there too): a new file, or a new
    database on the throwaway cluster (conftest.py)."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


def _sqlite_only(where: Path | str, why: str) -> None:
    if is_postgres(where):
        pytest.skip(f"SQLite only: {why}")


@pytest.fixture
def unrouted_db(db_path: Path | str) -> Path | str:
    """A store with posts following a route that was never stored (posts written straight to the
    store, the route chosen by name)."""
    add_posts(db_path, POSTS)
    with Monitor(db_path) as monitor:
        monitor.db.execute("insert into settings (key, value) values ('journey.route', ?)", [SEED_ROUTE])
        assert monitor.db.execute("select count(*) from routes").fetchone()[0] == 0
    return db_path


class _OtherWriter:
    """Another program holding the store's write lock: BEGIN IMMEDIATE on a file, the advisory
    lock every write transaction takes on a team store (store/pg/database.py)."""

    def __init__(self, where: Path | str) -> None:
        self.team = is_postgres(where)
        if self.team:
            import psycopg

            self.conn: Any = psycopg.connect(str(where), autocommit=True)
        else:
            self.conn = sqlite3.connect(where, isolation_level=None)
        self.hold()

    def hold(self) -> None:
        self.conn.execute("begin" if self.team else "BEGIN IMMEDIATE")
        if self.team:
            self.conn.execute("select pg_advisory_xact_lock(%s)", [WRITE_LOCK])

    def release(self) -> None:
        self.conn.execute("rollback")

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"select count(*) from {table}").fetchone()[0])


@pytest.fixture
def write_lock(unrouted_db: Path | str):
    """Another program holding the write lock for the whole test."""
    writer = _OtherWriter(unrouted_db)
    yield writer
    writer.release()
    writer.conn.close()


@pytest.fixture
def no_waiting(unrouted_db: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store opened from now on waits 50 ms for a lock, then fails: a read must not wait at all."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setenv("PGOPTIONS", "-c lock_timeout=50")  # libpq's, for every new connection


# -- reads never write ----------------------------------------------------------------------------


def test_window_snapshot_reads_beside_a_writer_on_a_store_without_its_route(unrouted_db, write_lock,
                                                                            no_waiting):
    with Monitor(unrouted_db) as monitor:
        snap = data.snapshot(monitor, None)
        assert snap.post_count == 3
        assert snap.route.stops
        assert monitor.route() == snap.route
    write_lock.release()
    write_lock.hold()
    # Nothing was stored by reading.
    assert write_lock.count("routes") == 0


def test_route_and_posts_commands_read_beside_a_writer(unrouted_db, write_lock, no_waiting):
    code, out, err = invoke_cli("route", "--json", "--db", str(unrouted_db))
    assert code == 0, err
    assert json.loads(out)
    code, out, err = invoke_cli("posts", "--json", "--db", str(unrouted_db))
    assert code == 0, err
    assert len(out.splitlines()) == 3


def test_the_route_is_stored_by_the_first_ingest_that_needs_it(unrouted_db, seed_path):
    with Monitor(unrouted_db) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        assert monitor.journey.route_id(monitor.route().name) is not None


# -- read-only files, folders and disks -----------------------------------------------------------


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _write_refused(where: Path | str) -> type[Exception]:
    """The error a write on a read-only open raises: sqlite3's, or psycopg's (the optional extra)."""
    if not is_postgres(where):
        return sqlite3.OperationalError
    import psycopg

    return psycopg.errors.ReadOnlySqlTransaction


def test_a_readonly_open_reads_and_never_writes(seeded_db, tmp_path):
    if is_postgres(seeded_db):
        # The store's own contents, table by table (as monitor copy checks a copy).
        where: Path | str = seeded_db
        before: object = store_digests(where)
    else:
        where = tmp_path / "copy" / "monitor.db"
        where.parent.mkdir()
        with closing(sqlite3.connect(seeded_db)) as conn:  # one self-contained file
            conn.execute("pragma wal_checkpoint(truncate)")
            conn.execute(f"vacuum into '{where}'")
        before = _digest(where)  # the file's very bytes
    with Monitor(where, readonly=True) as monitor:
        assert monitor.posts.count() == 5
        assert monitor.posts.search("Peskov")
        with pytest.raises(_write_refused(where), match="readonly|query_only|read-only"):
            monitor.db.execute("delete from posts")
    assert (store_digests(where) if is_postgres(where) else _digest(Path(where))) == before


def test_a_readonly_open_of_an_older_store_upgrades_it_where_it_can_be_written(seeded_db):
    step = MIGRATIONS.index(_v16_report_indexes) + 1
    with Monitor(seeded_db) as monitor:  # the store as the build before that step left it
        monitor.db.execute(f"drop index {REPORT_KIND_INDEX}")
        monitor.db.execute("delete from schema_version where version >= ?", [step])
    with Monitor(seeded_db, readonly=True) as monitor:
        assert monitor.db.execute("select max(version) from schema_version").fetchone()[0] == SCHEMA_VERSION
        assert has_index(monitor.db, REPORT_KIND_INDEX)
        assert monitor.posts.count() == 5
        with pytest.raises(_write_refused(seeded_db), match="readonly|query_only|read-only"):
            monitor.db.execute("delete from post_reads")


def test_a_readonly_open_of_a_missing_file_says_so_and_creates_nothing(tmp_path):  # a file's own
    missing = tmp_path / "nowhere" / "monitor.db"
    with pytest.raises(StoreError, match="no such database"):
        open_database(missing, readonly=True)
    assert not missing.parent.exists()


def test_a_readonly_open_of_a_database_holding_no_store_says_so_and_makes_nothing(pg_dsn):
    """The same on a team store: a database that holds no store is named, and left empty."""
    import psycopg

    with pytest.raises(StoreError, match="holds no Situation Monitor store"):
        Monitor(pg_dsn, readonly=True)
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("select count(*) from pg_class "
                            "where relnamespace = current_schema()::regnamespace").fetchone() == (0,)


def _read_only_mount_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                            "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp"],
                           capture_output=True)
    return probe.returncode == 0


def _on_read_only_mount(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``monitor ARGS`` in a private mount namespace where ``folder`` is mounted read-only:
    a condition that root (which the tests may run as) cannot write past."""
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "monitor", *args])
    script = (f"mount --bind {shlex.quote(str(folder))} {shlex.quote(str(folder))} && "
              f"mount -o remount,bind,ro {shlex.quote(str(folder))} && exec {command}")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MONITOR_DB", None)
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def read_only_copy(seeded_db, tmp_path) -> Path:
    """A copy of the seeded store, closed cleanly (no -wal, no -shm), alone in its folder."""
    _sqlite_only(seeded_db, "a file on a read-only disk, its -wal and -shm (a team store is read by a "
                 "role without write grants: docs/team-store.md, Roles)")
    if not _read_only_mount_works():
        pytest.skip("cannot mount a folder read-only here (needs unshare and mount)")
    copy = tmp_path / "ro" / "monitor.db"
    copy.parent.mkdir()
    shutil.copy(seeded_db, copy)
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
    assert sorted(p.name for p in copy.parent.iterdir()) == ["monitor.db"]
    return copy


def test_read_commands_work_on_a_read_only_disk(read_only_copy):
    before = _digest(read_only_copy)
    db = str(read_only_copy)
    done = _on_read_only_mount(read_only_copy.parent, "posts", "--json", "--db", db)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 5
    done = _on_read_only_mount(read_only_copy.parent, "search", "Peskov", "--json", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    for args in (["export", "--table", "quotes"], ["sources"], ["route", "--json"], ["speakers"]):
        done = _on_read_only_mount(read_only_copy.parent, *args, "--db", db)
        assert done.returncode == 0, (args, done.stderr)
    # A write is refused in one line naming the file, and nothing was written.
    done = _on_read_only_mount(read_only_copy.parent, "ingest", str(SEED), "--db", db)
    assert done.returncode == 1
    assert f"{db}: cannot write the database here (read-only" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in read_only_copy.parent.iterdir()) == ["monitor.db"]
    assert _digest(read_only_copy) == before


def _last_needed_step() -> int:
    """The number of the newest migration a reader cannot do without (not an index alone)."""
    return max(n for n, step in enumerate(MIGRATIONS, start=1) if step not in READ_OPTIONAL)


def test_an_old_schema_on_a_read_only_disk_is_named_not_migrated(read_only_copy):
    needed = _last_needed_step()
    with closing(sqlite3.connect(read_only_copy)) as conn:
        conn.execute("delete from schema_version where version >= ?", [needed])
        conn.commit()
    done = _on_read_only_mount(read_only_copy.parent, "posts", "--db", str(read_only_copy))
    assert done.returncode == 1
    assert f"schema version {needed - 1} and needs upgrading to {SCHEMA_VERSION}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_store_lacking_only_the_report_index_is_reported_on_a_read_only_disk(read_only_copy, tmp_path):
    # The same figures from the store with the (status, kind, speaker) index and without it.
    out = tmp_path / "out"
    out.mkdir()
    at = "2023-09-12T00:00:00Z"
    code, _, err = invoke_cli("report", "--db", str(read_only_copy), "--at", at, "--out", str(out / "a.png"))
    assert code == 0, err
    with Monitor(read_only_copy, readonly=True) as monitor:
        expected = gather(monitor, parse_iso(at), limits=PAGE_LIMITS)
    step = MIGRATIONS.index(_v16_report_indexes) + 1
    with closing(sqlite3.connect(read_only_copy)) as conn:
        conn.execute(f"drop index {REPORT_KIND_INDEX}")
        conn.execute("delete from schema_version where version >= ?", [step])
        conn.commit()
    assert readable_at(step - 1)
    done = _on_read_only_mount(read_only_copy.parent, "report", "--db", str(read_only_copy), "--at", at,
                               "--out", str(out / "b.png"))
    assert done.returncode == 0, done.stderr
    assert (out / "b.png").read_bytes() == (out / "a.png").read_bytes()
    # It was read as it stands (not upgraded), and counts the same without the index.
    with closing(sqlite3.connect(f"file:{read_only_copy}?mode=ro", uri=True)) as conn:
        assert conn.execute("select max(version) from schema_version").fetchone()[0] == step - 1
        db = Database(conn)
        assert not has_index(db, REPORT_KIND_INDEX)
        totals = SituationQueries(db).quote_totals(None)
    assert totals.quotes_by_kind == expected.quotes_by_kind and sum(totals.quotes_by_kind.values()) > 0
    assert totals.speakers_by_kind == expected.speakers_by_kind


# -- a path that cannot be a database -------------------------------------------------------------


@pytest.mark.parametrize("command", [["posts"], ["search", "train"], ["ingest", str(SEED)], ["repair"]])
def test_a_database_path_under_a_file_is_named(tmp_path, command):
    plain = tmp_path / "file.db"
    plain.write_bytes(b"")
    code, _out, err = invoke_cli(*command, "--db", str(plain / "sub.db"))
    assert code == 1
    assert str(plain / "sub.db") in err and (f"{plain} is a file" in err or "no such database" in err)
