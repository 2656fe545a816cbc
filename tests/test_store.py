"""The store: stable ids, revisions, FTS kept in step, migrations, typed errors, on each engine
(a file, and a PostgreSQL team store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.service import Monitor
from monitor.store import SCHEMA_VERSION, NewerSchemaError, StoreError, fts_query, open_database
from monitor.store.pg.connection import is_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the store is: a new file, or a new database on the throwaway cluster (conftest.py)."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


def test_reingest_adds_nothing(db_path, seed_path):
    with Monitor(db_path) as monitor:
        first = monitor.ingest_path(seed_path)[0]
        second = monitor.ingest_path(seed_path)[0]
        assert (first.added, first.updated) == (5, 0)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
        assert monitor.posts.count() == 5


def test_edited_copy_keeps_every_version(db_path, seed_path, tmp_path):
    edited = tmp_path / "copy" / seed_path.name
    edited.parent.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    edited.write_text(text.replace('full-scale visit" says', 'full-scale visit" say'), encoding="utf-8")
    with Monitor(db_path) as monitor:
        monitor.ingest_path(seed_path)
        original = {p.guid: p for p in monitor.posts.posts()}
        edited.write_text(text.replace("Dmitry Peskov has said", "Dmitry Peskov said"), encoding="utf-8")
        report = monitor.ingest_path(edited)[0]
        assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
        edited.write_text(text.replace("Dmitry Peskov has said", "Dmitry S. Peskov said"), encoding="utf-8")
        assert monitor.ingest_path(edited)[0].updated == 1
        post = next(p for p in monitor.posts.posts() if "Peskov said" in p.body)
        assert "Dmitry S. Peskov said" in post.body
        history = monitor.posts.revisions(post.id)
        assert [r["revision"] for r in history] == [1, 2]
        assert history[0]["body"] == original[post.guid].body
        assert "Dmitry Peskov said" in history[1]["body"]
        assert monitor.posts.post(post.id).revision_count == 2
        assert monitor.posts.count() == 5
        # The index follows the edit: the new wording is found, the old one no longer.
        assert [p.id for p in monitor.posts.search("Dmitry S. Peskov said")] == [post.id]
        assert monitor.posts.search('"Peskov has said"') == []


def test_search_finds_peskov_and_survives_odd_syntax(db_path, seed_path):
    with Monitor(db_path) as monitor:
        monitor.ingest_path(seed_path)
        found = monitor.posts.search("Peskov")
        assert [p.title for p in found] == ['Kim set for "full-scale visit" says Kremlin']
        for typed in [
            '"full-scale',
            "full-scale",
            "NOT",
            "AND OR (",
            "*",
            "kim*",
            'Peskov"',
            "-",
            "a:b",
            "^",
        ]:
            monitor.posts.search(typed)  # never raises
        assert monitor.posts.search("full-scale")
        assert len(monitor.posts.search("kim*")) == 4  # the untitled post never names Kim
        assert len(monitor.posts.search("Kirby OR Ryder")) == 2
        assert monitor.posts.search("   ") == []


def test_fts_query_quotes_everything():
    assert fts_query('Peskov "one-on-one format" kim*') == '"Peskov" AND "one-on-one format" AND "kim" *'
    assert fts_query("a OR b") == '("a" OR "b")'
    assert fts_query("NOT AND ( ) - ^") == ""


def test_newest_first_order(db_path, seed_path):
    with Monitor(db_path) as monitor:
        monitor.ingest_path(seed_path)
        assert [p.seq for p in monitor.posts.posts()] == [5, 4, 3, 2, 1]


def test_schema_version_and_newer_schema_refused(db_path):
    with Monitor(db_path) as monitor:
        db = monitor.db
        assert db.execute("select max(version) from schema_version").fetchone()[0] == SCHEMA_VERSION
        if not is_postgres(db_path):  # how a file is opened: write-ahead log, foreign keys enforced
            assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
            assert db.execute("pragma foreign_keys").fetchone()[0] == 1
        db.execute("insert into schema_version (version, applied) values (?, 'x')", [SCHEMA_VERSION + 1])
    with pytest.raises(NewerSchemaError, match="newer"):
        Monitor(db_path)


def test_not_a_database_is_a_store_error(tmp_path):  # a file's own failure
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bogus.db"):
        open_database(bogus)


def test_ingest_is_one_transaction(db_path, seed_path):
    """A failure in the middle of an ingest leaves nothing of it behind."""
    with Monitor(db_path) as monitor:

        def fail_after_posts(post_ids: list[int]) -> None:
            assert post_ids
            raise RuntimeError("failure after the posts were written")

        monitor.after_ingest = fail_after_posts  # an instance hook, as a failing extractor would be
        with pytest.raises(RuntimeError):
            monitor.ingest_path(seed_path)
    with Monitor(db_path) as monitor:
        assert monitor.posts.count() == 0
        assert monitor.sources.all() == []
    if not is_postgres(db_path):  # and the file is whole
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_restored_headline_updates_the_cut_off_post(db_path, seed_path, tmp_path):
    later = tmp_path / seed_path.name
    later.write_text(
        seed_path.read_text(encoding="utf-8").replace(
            "date 2023-09-11 ", "date 2023-09-11 Summit would be Kim's first trip abroad since 2019\n", 1
        ),
        encoding="utf-8",
    )
    with Monitor(db_path) as monitor:
        monitor.ingest_path(seed_path)
        report = monitor.ingest_path(later)[0]
        assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
        newest = monitor.posts.posts(limit=1)[0]
        assert newest.title == "Summit would be Kim's first trip abroad since 2019"
        assert monitor.posts.revisions(newest.id)[0]["title"] is None
