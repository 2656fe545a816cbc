"""Writes through the team store: ingest and watch store into PostgreSQL with SQLite's guarantees.

The same store classes write both engines (``store/pg/database.py`` translates the few spellings
that differ), so each guarantee is tested on both (the ``target`` fixture), and the two stores
an identical ingest makes are compared. Against the throwaway cluster of `.ci/pg-cluster.sh`.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from conftest import invoke_cli

from monitor.model import ParsedPost
from monitor.service import Monitor


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each engine: a database file's path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_dsn")


def story(target: str) -> dict[str, object]:
    """What a store holds, read through the engine-neutral commands and store classes: the
    posts as `monitor posts --json` lists them, their versions, quotes, speakers and items."""
    code, out, err = invoke_cli("posts", "--json", "--limit", "100000", "--db", target)
    assert code == 0, err
    with Monitor(target, create=False) as monitor:
        posts = [json.loads(line) for line in out.splitlines()]
        return {
            "posts": posts,
            "revisions": {p["id"]: monitor.posts.post(p["id"]).revision_count for p in posts},
            "quotes": sorted((q.post_id, q.text, q.kind, q.start, q.end, q.speaker_id or 0,
                              q.confidence, q.sieve or "")
                             for q in monitor.quotes.quotes(include_rejected=True)),
            "speakers": sorted(s.name for s in monitor.quotes.speakers()),
            "items": monitor.items.items_of([p["id"] for p in posts]),
        }


def test_ingesting_twice_changes_nothing(target, shared_feeds):
    code, out, err = invoke_cli("ingest", "--db", target, str(shared_feeds))
    assert code in (0, 1), err  # some samples are hostile on purpose: named, the rest stored
    first = story(target)
    assert len(first["posts"]) > 100 and first["quotes"]
    code, again, _ = invoke_cli("ingest", "--db", target, str(shared_feeds))
    assert " new," in again and all(", 0 new, 0 updated," in line for line in again.splitlines()
                                    if " new," in line)
    assert story(target) == first


def test_the_team_store_holds_what_sqlite_holds(tmp_path, pg_dsn, shared_feeds):
    lite = str(tmp_path / "store.db")
    for where in (lite, pg_dsn):
        invoke_cli("ingest", "--db", where, str(shared_feeds))
    stored = [story(where) for where in (lite, pg_dsn)]
    for found in stored:
        # When each ingest saw a post differs (and with it the place of an undated one).
        found["posts"] = sorted(({k: v for k, v in p.items() if k != "first_seen"} for p in found["posts"]),
                                key=lambda p: p["id"])
    assert stored[1] == stored[0]


def _version(body: str) -> ParsedPost:
    return ParsedPost(guid="edit-1", title="Café at Khasan", body=body,
                      published=datetime(2023, 9, 12, 8, 0, tzinfo=UTC), published_precision="minute")


def test_an_edit_keeps_the_earlier_version(target):
    versions = [_version("First “version”. Kim said: “We will go on.”"), _version("Second version — edited.")]
    with Monitor(target) as monitor:
        source = monitor.posts.ensure_source("test:feed", "test", "test:feed/feed")
        first = monitor.posts.ingest(source, versions[:1])
        edited = monitor.posts.ingest(source, versions[1:])
        again = monitor.posts.ingest(source, versions)  # the whole history again: nothing new
        post = monitor.posts.post(first.added[0])
    assert edited.updated == first.added and again.changed == [] and again.unchanged == 2
    assert post is not None and post.revision_count == 1 and post.body == "Second version — edited."


def test_a_failed_ingest_stores_nothing_of_it(target, seed_path):
    """One ingest is one transaction on PostgreSQL too: an error half way keeps nothing of it."""
    with Monitor(target) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        before = monitor.posts.count()
        source = monitor.posts.ensure_source("test:feed", "test", "test:feed/feed")
        with pytest.raises(ValueError):
            from monitor.store import write_transaction

            with write_transaction(monitor.db):
                monitor.posts.ingest(source, [_version("A post that is rolled back.")])
                raise ValueError("stop half way")
        assert monitor.posts.count() == before


def test_watch_polls_into_the_team_store(pg_dsn, shared_feeds, tmp_path):
    feed = tmp_path / "feed.xml"
    shutil.copy(shared_feeds / "wf_theverge.atom.xml", feed)
    code, _, err = invoke_cli("sources", "add", str(feed), "--db", pg_dsn)
    assert code == 0, err
    code, out, err = invoke_cli("watch", "--once", "--db", pg_dsn)
    assert code == 0, err
    added = int(out.split(" new,")[0].rsplit(" ", 1)[1])
    assert added > 0
    code, out, err = invoke_cli("watch", "--once", "--db", pg_dsn)
    assert code == 0 and "not modified" in out, out + err
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("select count(*) from posts").fetchone()[0] == added
        assert conn.execute("select last_status from sources").fetchone()[0] == "not modified"


def test_quotes_speakers_and_sources_list_a_team_store_as_a_file(tmp_path, pg_dsn, seed_path):
    lite = str(tmp_path / "store.db")
    for where in (lite, pg_dsn):
        code, _, err = invoke_cli("ingest", "--db", where, str(seed_path))
        assert code == 0, err
    for command in (["quotes"], ["quotes", "--json"], ["speakers", "--json"], ["sources", "--json"]):
        pg, mine = invoke_cli(*command, "--db", pg_dsn), invoke_cli(*command, "--db", lite)
        assert pg[0] == mine[0] == 0, (command, pg, mine)
        assert pg[1] and pg[1] == mine[1], command


def test_a_team_store_of_the_previous_version_is_upgraded_in_place(pg_dsn, seed_path):
    """The migrations run on PostgreSQL through the store classes' interface: the last one (who
    made a correction) adds its columns and fills them in, and nothing stored is lost."""
    from monitor.store import SCHEMA_VERSION
    from monitor.store.migrations import MIGRATIONS, _v15_correction_authors

    number = MIGRATIONS.index(_v15_correction_authors) + 1
    with Monitor(pg_dsn) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        quote = monitor.quotes.quotes()[0]
        monitor.reassign_quote(quote.id, None)
    with psycopg.connect(pg_dsn) as conn:  # as the version before left it
        conn.execute("alter table quotes drop column corrected_by, drop column corrected_at")
        conn.execute("delete from schema_version where version >= %s", [number])
        updated = conn.execute("select updated from quotes where id = %s", [quote.id]).fetchone()[0]
        posts = conn.execute("select count(*) from posts").fetchone()[0]
    with Monitor(pg_dsn, create=False) as monitor:
        again = monitor.quotes.quote(quote.id)
        assert again is not None and again.corrected_at == updated and again.corrected_by is None
        assert monitor.posts.count() == posts
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("select max(version) from schema_version").fetchone()[0] == SCHEMA_VERSION


def test_a_team_store_of_a_newer_version_is_refused_by_name(pg_dsn):
    from monitor.store import SCHEMA_VERSION, StoreError

    with Monitor(pg_dsn):
        pass
    with psycopg.connect(pg_dsn) as conn:
        conn.execute("insert into schema_version (version, applied) values (%s, 'later')",
                     [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1};.*upgrade Situation Monitor"):
        Monitor(pg_dsn)


def test_read_marks_are_kept_on_both_engines(target, seed_path):
    """The read state's writes (``with db.conn:`` blocks) are transactions on PostgreSQL too,
    and leave the connection open."""
    with Monitor(target) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        ids = [p.id for p in monitor.posts.posts()]
        assert monitor.reads.set_read(ids[:2]) == 2
        assert monitor.reads.set_read(ids[:2]) == 0  # already read
        assert monitor.reads.unread_among(ids) == set(ids[2:])
        assert monitor.reads.mark_all_read() == len(ids) - 2
        assert monitor.reads.set_read(ids[:1], read=False) == 1
        assert monitor.reads.unread_counts() == {monitor.posts.post(ids[0]).source_id: 1}
        assert monitor.posts.count() == len(ids)


def test_a_url_is_never_taken_for_a_database_file(tmp_path, monkeypatch):
    """open_database is SQLite's: given a URL it made a file (and folders) named after it."""
    from monitor.store import StoreError, open_database

    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="not a database file"):
        open_database("postgresql://analyst@/story?host=/run/pg")
    assert list(tmp_path.iterdir()) == []
