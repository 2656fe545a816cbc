"""The PostgreSQL schema is SQLite's, derived from it: same tables, columns, keys, indexes, views.

These run against the throwaway cluster of `.ci/pg-cluster.sh` (MONITOR_TEST_PG); see the
``pg_server`` fixture for what happens without one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from monitor.store import open_database
from monitor.store.fts import FTS_INDEXES
from monitor.store.pg import SEARCH_COLUMN, create_schema, current_schema, read_schema

ROOT = Path(__file__).resolve().parent.parent


def sqlite_layout(path: Path | str) -> dict:
    """Tables → columns, index names, views → columns, as a migrated SQLite database has them."""
    db = open_database(path)
    fts = {n for n in db.table_names() if n.endswith("_fts") or "_fts_" in n}
    tables = {t: [c.name for c in db[t].columns] for t in db.table_names() if t not in fts}
    indexes = {r[0] for r in db.execute(
        "select name from sqlite_master where type = 'index' and sql is not null")}
    views = {v: [c.name for c in db[v].columns] for v in db.view_names()}
    db.close()
    return {"tables": tables, "indexes": indexes, "views": views}


def pg_layout(conn: psycopg.Connection) -> dict:
    def columns(name: str) -> list[str]:
        return [r[0] for r in conn.execute(
            "select column_name from information_schema.columns where table_schema = current_schema() "
            "and table_name = %s order by ordinal_position", [name])]

    tables = [r[0] for r in conn.execute(
        "select table_name from information_schema.tables where table_schema = current_schema() "
        "and table_type = 'BASE TABLE'")]
    views = [r[0] for r in conn.execute(
        "select table_name from information_schema.views where table_schema = current_schema()")]
    indexes = {r[0] for r in conn.execute(
        "select indexname from pg_indexes where schemaname = current_schema()")}
    return {"tables": {t: columns(t) for t in tables}, "indexes": indexes,
            "views": {v: columns(v) for v in views}}


def test_postgres_has_every_table_column_index_and_view_of_sqlite(pg_dsn, tmp_path):
    expected = sqlite_layout(tmp_path / "fresh.db")
    with psycopg.connect(pg_dsn) as conn:
        create_schema(conn, current_schema())
        actual = pg_layout(conn)
    # The FTS5 index becomes a generated column on the table it indexes.
    for table in FTS_INDEXES:
        expected["tables"][table].append(SEARCH_COLUMN)
    assert actual["tables"] == expected["tables"]
    assert actual["views"] == expected["views"]
    assert expected["indexes"] <= actual["indexes"], expected["indexes"] - actual["indexes"]
    assert {"posts_search", "quotes_search"} <= actual["indexes"]


def test_a_table_column_and_index_a_later_migration_adds_reach_postgres(pg_dsn, tmp_path):
    # What a new migration does (a table referencing posts, a column on quotes, an expression
    # index, a view): the PostgreSQL schema follows with no change to the code that builds it.
    db = open_database(tmp_path / "later.db")
    db.execute("create table later_items (id integer primary key, post_id integer not null "
               "references posts(id), label text not null default 'new', weight real, "
               "unique (post_id, label))")
    db.execute("alter table quotes add column read_at text")
    db.execute("create index later_items_label on later_items (lower(label)) where weight > 0")
    db.execute("create view heavy_items as select id, label collate nocase as label from later_items "
               "order by label collate nocase")
    schema = read_schema(db.conn)
    db.close()
    order = [t.name for t in schema.tables]
    assert order.index("later_items") > order.index("posts")
    with psycopg.connect(pg_dsn) as conn:
        create_schema(conn, schema)
        layout = pg_layout(conn)
        conn.execute("insert into sources (key, kind, url) values ('k', 'feed', 'u')")
        conn.execute("insert into posts (source_id, guid, body, first_seen, content_hash) "
                     "values (1, 'g', 'b', 't', 'h')")
        conn.execute("insert into later_items (post_id, weight) values (1, 2.5)")
        assert conn.execute("select label, weight from later_items").fetchone() == ("new", 2.5)
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute("insert into later_items (post_id) values (1)")
        conn.rollback()
    assert layout["tables"]["later_items"] == ["id", "post_id", "label", "weight"]
    assert layout["tables"]["quotes"][-2:] == ["read_at", SEARCH_COLUMN]
    assert {"later_items_label", "later_items_post_id_label_key"} <= layout["indexes"]
    assert layout["views"]["heavy_items"] == ["id", "label"]


def test_posts_are_searchable_by_stem_and_without_accents(pg_dsn):
    with psycopg.connect(pg_dsn) as conn:
        create_schema(conn, current_schema())
        conn.execute("insert into sources (key, kind, url) values ('k', 'feed', 'u')")
        conn.execute(
            "insert into posts (source_id, guid, title, body, first_seen, content_hash) values "
            "(1, 'a', 'Train arrives', 'The train stopped at Khasan café', 't', 'h1'), "
            "(1, 'b', 'Summit', 'Talks began in the evening', 't', 'h2')")

        def found(query: str) -> list[str]:
            return [r[0] for r in conn.execute(
                f"select guid from posts where {SEARCH_COLUMN} @@ to_tsquery('monitor_search', %s) "
                "order by guid", [query])]

        assert found("stops") == ["a"]  # stemmed: stopped ~ stops
        assert found("cafe") == ["a"]  # accents removed
        assert found("arriving & train") == ["a"]
        assert found("talk") == ["b"]
        assert found("khasan <-> cafe") == ["a"]


def test_postgres_tests_fail_under_ci_and_skip_by_hand_without_a_cluster(tmp_path):
    # The guard itself: a PostgreSQL test with no MONITOR_TEST_PG is skipped by hand, and fails
    # (never skips) when CI=true, so CI cannot pass without running the PostgreSQL tests.
    test = tmp_path / "test_needs_pg.py"
    test.write_text("def test_needs_pg(pg_server):\n    assert pg_server\n")
    conftest = ROOT / "tests" / "conftest.py"
    (tmp_path / "conftest.py").write_text(conftest.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("MONITOR_TEST_PG", "CI")}
    env["PYTHONPATH"] = str(ROOT)

    def run(**extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                               str(test)], cwd=tmp_path, env={**env, **extra},
                              capture_output=True, text=True, timeout=120)

    by_hand = run()
    assert by_hand.returncode == 0, by_hand.stdout
    assert "1 skipped" in by_hand.stdout and "MONITOR_TEST_PG is not set" in by_hand.stdout
    in_ci = run(CI="true")
    assert in_ci.returncode == 1, in_ci.stdout
    assert "1 error" in in_ci.stdout and "CI=true" in in_ci.stdout


def test_a_migrations_new_table_is_made_as_a_new_stores_table_is(pg_dsn):
    """A later migration's ``create table`` (SQLite's spelling) on an upgraded team store: the
    same types, identity column, keys and inline UNIQUE as the schema of a new store would give
    the table (store/pg/schema.py create_table_statements)."""
    from typing import cast

    from sqlite_utils import Database

    from monitor.service import Monitor
    from monitor.store.pg.database import open_pg_database

    later = ("create table if not exists later_notes (id integer primary key,"
             " post_id integer not null references posts on delete cascade,"
             " label text not null unique, data blob, score real, made text default 'now')"
             " without rowid")
    Monitor(pg_dsn).close()  # a store, then the table as a migration adds it
    db = open_pg_database(pg_dsn)
    db.execute(later)
    db.execute(later)  # IF NOT EXISTS: the second time changes nothing
    made = cast(Database, db)
    post = made.table("sources").insert({"key": "k", "kind": "test", "url": "x"}).last_pk
    db.execute("insert into posts (source_id, guid, body, first_seen, updated, content_hash) "
               "values (?, 'g', 'b', 't', 't', 'h')", [post])
    db.execute("insert into later_notes (post_id, label, data) values (1, 'a', ?)", [b"\x00\xff"])
    assert db.execute("select id, data, made from later_notes").fetchall() == [(1, b"\x00\xff", "now")]
    db.close()
    with psycopg.connect(pg_dsn) as conn:
        columns = conn.execute(
            "select column_name, data_type, is_nullable, is_identity from information_schema.columns "
            "where table_name = 'later_notes' order by ordinal_position").fetchall()
        constraints = {r[0] for r in conn.execute(
            "select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'later_notes'::regclass")}
        unique = [r[0] for r in conn.execute(
            "select indexdef from pg_indexes where tablename = 'later_notes' "
            "and indexdef like 'CREATE UNIQUE%(label)'")]
    assert columns == [("id", "bigint", "NO", "YES"), ("post_id", "bigint", "NO", "NO"),
                       ("label", "text", "NO", "NO"), ("data", "bytea", "YES", "NO"),
                       ("score", "double precision", "YES", "NO"), ("made", "text", "YES", "NO")]
    assert {"PRIMARY KEY (id)", "FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE"} <= constraints
    assert len(unique) == 1
