"""A damaged or missing full-text index: search and ingest say so in one line, ``monitor repair``
rebuilds it from the stored posts, and nothing stored is lost on the way."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import KHASAN_PAGE, invoke_cli

from monitor.service import Monitor
from monitor.store import DamagedDatabaseError
from monitor.store.feed import FeedFilter, FeedQueries

#: Ways the index is found broken: dropped, its pages cut short, a shadow table lost.
DAMAGE = {
    "missing": "drop table posts_fts",
    "pages cut short": "update posts_fts_data set block = substr(block, 1, 4) where id > 10",
    "no data table": "drop table posts_fts_data",
    "no idx table": "drop table posts_fts_idx",
}

def _damage(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(sql)


def _fts_schema(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "select type, name, tbl_name, sql from sqlite_master "
            "where name like '%fts%' or type = 'trigger' order by type, name"
        ).fetchall()


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_broken_index_is_named_and_repair_rebuilds_it(seeded_db, tmp_path, damage):
    db = str(seeded_db)
    schema = _fts_schema(seeded_db)
    _damage(seeded_db, DAMAGE[damage])

    code, out, err = invoke_cli("search", "Peskov", "--db", db)
    assert code == 1
    assert f"{db}: the full-text search index is damaged or missing" in err
    assert f"monitor repair --db {db}" in err
    assert len(err.strip().splitlines()) == 1
    with Monitor(seeded_db) as monitor, pytest.raises(DamagedDatabaseError):
        FeedQueries(monitor.db).page(FeedFilter(text="Peskov"))  # the window's search

    # An ingest either fails in one line, storing nothing, or goes in whole; nothing is lost.
    page = tmp_path / "page.txt"
    page.write_text(KHASAN_PAGE, encoding="utf-8")
    code, out, err = invoke_cli("ingest", str(page), "--db", db)
    assert "Traceback" not in err
    stored = 6 if code == 0 else 5
    if code:
        assert "monitor repair" in err and "nothing from it was stored" in err

    code, out, err = invoke_cli("repair", "--db", db)
    assert code == 0, err
    assert f"{db}: full-text search index rebuilt ({stored} posts" in out
    assert f"{db}: integrity check: ok" in out
    assert _fts_schema(seeded_db) == schema  # built exactly as the migrations build it

    code, out, err = invoke_cli("search", "Peskov", "--json", "--db", db)
    assert code == 0, err
    assert out.strip()
    code, out, _ = invoke_cli("posts", "--json", "--db", db)
    assert len(out.splitlines()) == stored
    # Later writes keep the rebuilt index in step.
    code, out, err = invoke_cli("ingest", str(page), "--source", "again", "--db", db)
    assert code == 0, err
    code, out, _ = invoke_cli("search", "café", "--json", "--db", db)
    assert len(out.splitlines()) == stored - 4  # the page once or twice
    assert "again" in {json.loads(line)["source"] for line in out.splitlines()}


def test_repair_of_a_sound_database_changes_no_post(seeded_db):
    with closing(sqlite3.connect(seeded_db)) as conn:
        before = conn.execute("select * from posts order by id").fetchall()
    code, out, err = invoke_cli("repair", "--db", str(seeded_db))
    assert code == 0, err
    assert "integrity check: ok" in out
    with closing(sqlite3.connect(seeded_db)) as conn:
        assert conn.execute("select * from posts order by id").fetchall() == before


def test_repair_of_a_missing_database_is_named(tmp_path):
    missing = tmp_path / "none.db"
    code, _out, err = invoke_cli("repair", "--db", str(missing))
    assert code == 1
    assert f"{missing}: no such database" in err
    assert not missing.exists()


@pytest.mark.parametrize("damage", ["drop table quotes_fts", "drop table quotes_fts_data"])
def test_a_broken_quotes_index_is_named_not_noted_per_post(seeded_db, tmp_path, damage):
    # With quotes_fts gone, every post's quotes failed to store: ingest kept the post without its
    # quote and exit 0, reextract printed one error per post and exit 0, and neither named the
    # file or monitor repair. The index is the store's condition, not one post's.
    db = str(seeded_db)
    with closing(sqlite3.connect(seeded_db)) as conn:
        quotes_before = conn.execute("select count(*) from quotes").fetchone()[0]
    _damage(seeded_db, damage)
    page = tmp_path / "page.txt"
    page.write_text(KHASAN_PAGE, encoding="utf-8")
    for args in (["ingest", str(page)], ["reextract"]):
        code, out, err = invoke_cli(*args, "--db", db)
        assert code == 1 and f"monitor repair --db {db}" in err, err
        assert "quote extraction failed" not in err
    with closing(sqlite3.connect(seeded_db)) as conn:
        assert conn.execute("select count(*) from posts").fetchone()[0] == 5  # nothing half stored
    code, out, err = invoke_cli("repair", "--db", db)
    assert code == 0, err
    code, out, err = invoke_cli("ingest", str(page), "--db", db)
    assert code == 0 and not err, err
    with closing(sqlite3.connect(seeded_db)) as conn:
        assert conn.execute("select count(*) from quotes").fetchone()[0] > quotes_before
