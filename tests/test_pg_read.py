"""`monitor posts` and `monitor search` read a PostgreSQL store and answer as on SQLite.

Against the throwaway cluster of `.ci/pg-cluster.sh` (MONITOR_TEST_PG, see the pg_server fixture).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from click.testing import CliRunner
from conftest import add_posts

from monitor.cli import cli
from monitor.store.search import fts_query, tsquery_text

# The query language: words, phrases (straight and curly quotes), prefixes, OR, words joined by
# punctuation, accents, words an English stop list would drop, and syntax taken literally.
QUERIES = [
    "Vladivostok", '"armoured train"', "“full-scale visit”", "vlad*", "armour*", "e*",
    "Putin OR Kim", "friendship OR pandemic OR nothingatall", "kremlin spokesman", "Korea’s",
    "North Korea's leader", "Jong-Un", "km/h", "U.S.", "cafe", "Café", "the", "s", "said",
    "summit NOT", "AND OR", "C++ :* (", "kim*s", "a_b", "edited", "version", "1,200",
    "Pyongyang -Moscow", "'quoted'", "back\\slash",
]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def team_store(story_db, pg_dsn) -> str:
    """The story copied into a new PostgreSQL database; its URL."""
    code, _, err = run("copy", "--from", str(story_db), "--to", pg_dsn)
    assert code == 0, err
    return pg_dsn


def ids(out: str) -> list[int]:
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_posts_on_postgres_are_the_posts_on_sqlite(story_db, team_store):
    assert run("posts", "--json", "--db", team_store) == run("posts", "--json", "--db", str(story_db))
    first = ["posts", "--limit", "3", "--db"]
    assert run(*first, team_store) == run(*first, str(story_db))


def test_search_on_postgres_finds_what_sqlite_finds(story_db, team_store):
    found_any = 0
    for query in QUERIES:
        words = query.split()
        pg = run("search", "--json", "--limit", "100", "--db", team_store, "--", *words)
        lite = run("search", "--json", "--limit", "100", "--db", str(story_db), "--", *words)
        assert pg[0] == lite[0] == 0, (query, pg, lite)
        # The same posts; the order among them is each engine's ranking (bm25, ts_rank).
        assert sorted(ids(pg[1])) == sorted(ids(lite[1])), query
        assert bool(tsquery_text(query)) == bool(fts_query(query)), query
        found_any += bool(ids(pg[1]))
    assert found_any >= len(QUERIES) // 2  # the comparison is between real results, not empties
    code, out, err = run("search", "--db", team_store, "***")
    assert code == 0 and out == "" and "no posts match" in err


def test_monitor_db_may_name_the_team_store(story_db, team_store):
    mine = run("search", "--json", "--db", str(story_db), "Vladivostok")
    assert run("search", "--json", "Vladivostok", env={"MONITOR_DB": team_store}) == mine
    assert run("--db", team_store, "search", "--json", "Vladivostok") == mine


def test_commands_that_need_sqlite_refuse_a_team_store_by_name(team_store, seed_path):
    secret = team_store.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    for args in (["repair", "--db", secret],):  # the app opens one (tests/test_gui_team_store.py)
        code, out, err = run(*args)
        assert code == 1, args
        assert "postgres:***@" in err and "a database file" in err, args
        assert "every command but monitor repair works on a PostgreSQL store" in err, args
        assert "s3cret" not in out + err
    with psycopg.connect(team_store) as conn:  # and nothing was written
        assert conn.execute("select count(*) from posts").fetchone()[0] == 6


def test_a_database_without_a_store_is_named(pg_dsn):
    code, _, err = run("posts", "--db", pg_dsn)
    assert code == 1
    assert f"{pg_dsn}: holds no Situation Monitor store" in err and "monitor copy" in err


def test_search_pages_on_postgres_show_every_match_once(team_store):
    from monitor.store.pg.store import PgReadStore

    with PgReadStore(team_store) as store:
        everything = [p.id for p in store.posts.search("Putin OR Kim OR version", limit=100)]
        pages = [p.id for offset in range(0, 8, 2)
                 for p in store.posts.search("Putin OR Kim OR version", limit=2, offset=offset)]
    assert len(everything) == 6
    assert pages == everything


@pytest.mark.parametrize("analyzed", [False, True], ids=["counted", "estimated"])
def test_search_on_postgres_ranks_the_queries_sqlite_ranks(db_path, pg_dsn, monkeypatch, analyzed):
    """A query of several words, one of them in more than BROAD_MATCHES posts, lists its matches
    newest first on both engines (SQLite's rule), though the query itself matches few posts;
    whether the team store counts the words or takes the planner's estimates (after ANALYZE)."""
    import monitor.store.posts as post_store
    from monitor.service import Monitor
    from monitor.store.pg.store import PgReadStore

    when = datetime(2023, 9, 12, 8, 0, tzinfo=UTC)
    posts = []
    for n in range(40):
        # Every post mentions the convoy; posts 0-5 Khasan too, the oldest most often (best rank).
        body = "The convoy moved on. " + ("Khasan " * (8 - n) + "border crossing. " if n < 6 else "")
        posts.append({"guid": f"p{n}", "title": f"Update {n}", "body": body,
                      "published": when + timedelta(minutes=n), "published_precision": "minute"})
    add_posts(db_path, posts)
    code, _, err = run("copy", "--from", str(db_path), "--to", pg_dsn)
    assert code == 0, err
    if analyzed:
        with psycopg.connect(pg_dsn, autocommit=True) as conn:
            conn.execute("analyze posts")
    monkeypatch.setattr(post_store, "BROAD_MATCHES", 10)  # "convoy" is broad, "Khasan" is not
    with Monitor(db_path, readonly=True) as lite, PgReadStore(pg_dsn) as team:
        assert team.posts._has_statistics() == analyzed  # the path this run is to take
        for query in ("convoy Khasan", "Khasan convoy", '"convoy moved" Khasan', "Khasan OR nothing convoy"):
            newest = [p.id for p in lite.posts.search(query, limit=2)]
            assert newest == sorted(newest, reverse=True), query  # SQLite: newest first
            assert [p.id for p in team.posts.search(query, limit=2)] == newest, query
        # Khasan alone is ranked on both: the same six posts, best first.
        ranked = [p.id for p in team.posts.search("Khasan", limit=6)]
        assert sorted(ranked) == sorted(p.id for p in lite.posts.search("Khasan", limit=6))
        assert ranked[0] == min(ranked)
