"""`monitor copy`: a whole story moved from SQLite to PostgreSQL and back, verified table by table.

Against the throwaway cluster of `.ci/pg-cluster.sh` (MONITOR_TEST_PG, see the pg_server fixture).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
from click.testing import CliRunner

from monitor.cli import cli
from monitor.service import Monitor
from monitor.store import open_database
from monitor.store.pg import read_schema
from monitor.store.transfer import copy_store, store_digests

QUERIES = ["Vladivostok", '"armoured train"', "vlad*", "Putin OR Kim", "border crossing", "Khasan 2023"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_story_goes_to_postgres_and_back_unchanged(story_db, pg_dsn, tmp_path):
    code, out, err = run("copy", "--from", str(story_db), "--to", pg_dsn)
    assert code == 0, err
    assert "every count and hash matches" in out
    back = tmp_path / "back.db"
    code, out_back, err = run("copy", "--from", pg_dsn, "--to", str(back))
    assert code == 0, err

    original = store_digests(story_db)
    assert store_digests(pg_dsn) == original
    assert store_digests(back) == original
    rows = {d.table: d.rows for d in original}
    # Every kind of row made the trip, not just empty tables hashing alike.
    for table in ("sources", "posts", "post_revisions", "quotes", "speakers", "speaker_aliases",
                  "routes", "stops", "observations", "settings", "schema_version"):
        assert rows[table] > 0, table
    # The printed table is the verified counts and hashes, the same both ways.
    for d in original:
        assert f"{d.rows:>9}  {d.sha256}" in out and f"{d.rows:>9}  {d.sha256}" in out_back

    # The copied-back file answers as the original does, full-text search included.
    assert run("posts", "--json", "--db", str(back)) == run("posts", "--json", "--db", str(story_db))
    for query in QUERIES:
        found = run("search", "--json", "--db", str(back), *query.split())
        assert found == run("search", "--json", "--db", str(story_db), *query.split()), query
    assert any(run("search", "--json", "--db", str(back), q)[1] for q in QUERIES)
    with Monitor(back) as monitor:
        assert monitor.route().name == "pyongyang-ussuriysk"
        assert monitor.posts.post(monitor.posts.search("edited")[0].id).revision_count == 1


def test_postgres_numbers_new_rows_after_the_copied_ones(story_db, pg_dsn):
    assert run("copy", "--from", str(story_db), "--to", pg_dsn)[0] == 0
    with psycopg.connect(pg_dsn) as conn:
        highest = conn.execute("select max(id) from posts").fetchone()[0]
        new = conn.execute("insert into posts (source_id, guid, body, first_seen, content_hash) "
                           "values (1, 'new', 'b', 't', 'h') returning id").fetchone()[0]
        conn.rollback()
    assert new == highest + 1


def test_a_target_holding_a_store_is_kept_unless_replace(story_db, pg_dsn, tmp_path):
    assert run("copy", "--from", str(story_db), "--to", pg_dsn)[0] == 0
    before = store_digests(pg_dsn)
    other = tmp_path / "other.db"
    with Monitor(other) as monitor:
        assert all(r.ok for r in monitor.ingest_path(Path(__file__).parent.parent / "seeds"))
    code, _, err = run("copy", "--from", str(other), "--to", pg_dsn)
    assert code == 1
    assert pg_dsn in err and "already holds a store" in err and "--replace" in err
    assert store_digests(pg_dsn) == before
    code, _, err = run("copy", "--from", pg_dsn, "--to", str(other))
    assert code == 1 and f"{other}: already holds a store" in err

    code, _, err = run("copy", "--from", str(other), "--to", pg_dsn, "--replace")
    assert code == 0, err
    assert store_digests(pg_dsn) == store_digests(other) != before
    code, _, err = run("copy", "--from", pg_dsn, "--to", str(story_db), "--replace")
    assert code == 0, err
    assert store_digests(story_db) == store_digests(other)


def test_a_copy_that_fails_midway_leaves_the_target_as_it_was(story_db, pg_dsn):
    assert run("copy", "--from", str(story_db), "--to", pg_dsn)[0] == 0
    before = store_digests(pg_dsn)
    # A NUL character SQLite holds and PostgreSQL's text cannot: the posts table fails to copy
    # after sources went in, and the whole copy (dropping the old tables too) is rolled back.
    conn = sqlite3.connect(story_db)
    conn.execute("update posts set byline = ? where id = (select max(id) from posts)", ["A\x00B"])
    conn.commit()
    conn.close()
    code, _, err = run("copy", "--from", str(story_db), "--to", pg_dsn, "--replace")
    assert code == 1
    assert f"{pg_dsn}: cannot copy table posts" in err
    assert store_digests(pg_dsn) == before


def test_errors_name_the_file_or_the_server_and_never_the_password(tmp_path):
    code, _, err = run("copy", "--from", str(tmp_path / "missing.db"), "--to", str(tmp_path / "x.db"))
    assert code == 1 and f"{tmp_path / 'missing.db'}: no such database" in err
    assert not (tmp_path / "x.db").exists()
    dsn = f"postgresql://analyst:s3cret@/story?host={tmp_path}/nowhere&password=s3cret"
    seed = tmp_path / "s.db"
    Monitor(seed).close()
    code, _, err = run("copy", "--from", str(seed), "--to", dsn)
    assert code == 1
    assert "cannot connect to PostgreSQL" in err and "analyst:***@/story" in err
    assert "s3cret" not in err
    json.dumps(err)  # one line of plain text


# Tables as later migrations add them (read state, folded story items): a key that is also a
# reference, ON DELETE CASCADE, bytes, reals.
LATER_TABLES = [
    "create table later_reads (post_id integer primary key references posts(id) on delete cascade, "
    "read_at text not null)",
    "create table item_posts (post_id integer primary key references posts(id), "
    "signature blob not null, weight real)",
]


def with_later_tables(path: Path) -> Path:
    db = open_database(path)
    for sql in LATER_TABLES:
        db.execute(sql)
    db.close()
    return path


def test_tables_a_later_migration_adds_are_copied_both_ways(story_db, pg_dsn, tmp_path):
    conn = sqlite3.connect(with_later_tables(story_db))
    conn.execute("insert into later_reads select id, '2023-09-12T00:00:00Z' from posts where id % 2 = 1")
    conn.executemany("insert into item_posts values (?, ?, ?)",
                     [(1, bytes(range(256)), 0.1), (2, b"\x00\xff", 1e-300), (3, b"", None)])
    conn.commit()
    schema = read_schema(conn)
    conn.close()

    assert copy_store(story_db, pg_dsn, schema=schema).verified
    back = with_later_tables(tmp_path / "back.db")
    assert copy_store(pg_dsn, back, schema=schema).verified
    original = store_digests(story_db, schema)
    assert store_digests(back, schema) == store_digests(pg_dsn, schema) == original
    assert {d.table: d.rows for d in original}["item_posts"] == 3
    with psycopg.connect(pg_dsn) as pg:
        rule = pg.execute("select delete_rule from information_schema.referential_constraints r "
                          "join information_schema.table_constraints t using (constraint_name) "
                          "where t.table_name = 'later_reads'").fetchone()
        assert rule == ("CASCADE",)
        assert pg.execute("select signature from item_posts where post_id = 2").fetchone() == (b"\x00\xff",)
