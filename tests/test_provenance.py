"""Provenance of posts: every polled or imported document is kept with its hash, time, URL and
validators, each post version links to the document that carried it, and an evidence bundle
written by ``monitor evidence`` verifies with the real ``sha256sum -c``; on each engine (a file, and
a PostgreSQL team store)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import zlib
from contextlib import closing
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, formatdate
from pathlib import Path
from typing import cast

import pytest
from _feedserver import GrowingFeed, Item
from conftest import invoke_cli
from sqlite_utils import Database

from monitor.service import Monitor, file_source_key
from monitor.sources.registry import parse_document
from monitor.store import PostStore
from monitor.store.documents import DocumentStore
from monitor.store.migrations import MIGRATIONS
from monitor.store.pg import create_schema, is_postgres, read_schema
from monitor.store.pg.database import PgDatabase

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
SHA256SUM = shutil.which("sha256sum")
needs_sha256sum = pytest.mark.skipif(SHA256SUM is None, reason="sha256sum (coreutils) not installed")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the store is (conftest's ``monitor`` and ``seeded_db`` open it too): a new file, or a
    new database on the throwaway cluster (conftest.py)."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


def _feed() -> GrowingFeed:
    return GrowingFeed(items=[
        Item("id-2", "Train leaves Tumangang", "The train left at 09:10, a guard said.",
             T0 + timedelta(hours=1)),
        Item("id-1", "Train reaches the border", "It reached the border at 08:00.", T0),
    ])


def _etag(body: bytes) -> str:
    """The ETag the test server gives ``body`` (tests/_feedserver.py)."""
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def _links(monitor: Monitor) -> dict[tuple[str, int], int]:
    """(guid, version) → document id of every stored link."""
    rows = monitor.db.execute("select p.guid, d.version, d.document_id from post_documents d "
                              "join posts p on p.id = d.post_id").fetchall()
    return {(guid, version): doc for guid, version, doc in rows}


def _post_id(monitor: Monitor, guid: str) -> int:
    return int(monitor.db.execute("select id from posts where guid = ?", [guid]).fetchone()[0])


def doc_post(where: Path | str, guid: str = "id-1") -> int:
    """The id of the post ``guid`` in the store at ``where``."""
    with Monitor(where) as monitor:
        return _post_id(monitor, guid)


def test_poll_keeps_the_document_with_hash_validators_and_bytes(server, monitor):
    feed = _feed()
    url = server.route("/feed", feed)
    source = monitor.add_source(url)
    body = feed.render()

    assert monitor.poll_once(source.id)[0].added == 2

    assert monitor.documents.count() == 1
    doc = monitor.documents.of_post(_post_id(monitor, "id-1"))[0].document
    assert (doc.url, doc.source_id) == (url, source.id)
    assert doc.sha256 == hashlib.sha256(body).hexdigest() and doc.size == len(body)
    assert doc.etag == _etag(body)
    assert doc.last_modified == format_datetime(feed.changed, usegmt=True)
    assert doc.content_type == "application/rss+xml; charset=utf-8"
    assert not doc.truncated and not doc.pruned
    assert monitor.documents.data(doc.id) == body
    # stored compressed, not as the raw bytes
    stored = monitor.db.execute("select data from documents where id = ?", [doc.id]).fetchone()[0]
    assert stored != body and zlib.decompress(stored) == body
    assert _links(monitor) == {("id-1", 1): doc.id, ("id-2", 1): doc.id}


@pytest.mark.parametrize("validators", [True, False], ids=["304", "same-bytes-200"])
def test_unchanged_feed_adds_no_document(server, monitor, validators):
    feed = _feed()
    feed.use_etag = feed.use_date = validators
    source = monitor.add_source(server.route("/feed", feed))
    monitor.poll_once(source.id)
    monitor.poll_once(source.id)
    monitor.poll_once(source.id)
    assert monitor.documents.count() == 1
    assert len(_links(monitor)) == 2


def test_edited_post_version_links_to_the_document_that_carried_the_edit(server, monitor):
    feed = _feed()
    source = monitor.add_source(server.route("/feed", feed))
    monitor.poll_once(source.id)
    first = monitor.documents.of_post(_post_id(monitor, "id-1"))[0].document.id

    feed.edit("id-1", "It reached the border at 08:05, not 08:00.")
    edited = feed.render()
    assert monitor.poll_once(source.id)[0].updated == 1

    assert monitor.documents.count() == 2
    links = _links(monitor)
    second = links[("id-1", 2)]
    assert second != first and links[("id-1", 1)] == first
    assert links[("id-2", 1)] == first and ("id-2", 2) not in links  # unchanged: still its first fetch
    doc = monitor.documents.get(second)
    assert doc is not None and doc.sha256 == hashlib.sha256(edited).hexdigest()
    assert doc.etag == _etag(edited)
    assert monitor.documents.data(second) == edited


def test_imported_file_keeps_its_document_once(tmp_path, monitor):
    page = tmp_path / "feed.xml"
    feed = _feed()
    page.write_bytes(feed.render())
    os.utime(page, (1_700_000_000, 1_700_000_000))

    assert monitor.ingest_path(page)[0].added == 2
    assert monitor.ingest_path(page)[0].unchanged == 2  # the same file again
    assert monitor.documents.count() == 1
    doc = monitor.documents.of_post(_post_id(monitor, "id-2"))[0].document
    assert doc.url == page.resolve().as_uri()
    assert doc.etag is None and doc.last_modified == formatdate(1_700_000_000, usegmt=True)
    assert monitor.documents.data(doc.id) == page.read_bytes()

    feed.add(Item("id-3", "Train at Khasan", "Arrived at Khasan.", T0 + timedelta(hours=2)))
    page.write_bytes(feed.render())
    monitor.ingest_path(page)
    assert monitor.documents.count() == 2
    assert _links(monitor)[("id-3", 1)] != doc.id


def test_over_the_cap_keeps_hash_and_first_bytes_marked_truncated(tmp_path, db_path, monitor):
    monitor.documents = DocumentStore(monitor.db, cap=100)
    page = tmp_path / "feed.xml"
    page.write_bytes(_feed().render())
    monitor.ingest_path(page)
    doc = monitor.documents.of_post(_post_id(monitor, "id-1"))[0].document
    data = page.read_bytes()
    assert doc.truncated and doc.size == len(data) and doc.sha256 == hashlib.sha256(data).hexdigest()
    assert monitor.documents.data(doc.id) == data[:100]

    out = tmp_path / "bundle"
    monitor.close()
    code, _, stderr = invoke_cli("--db", str(db_path), "evidence", str(doc_post(db_path)), "--out", str(out))
    assert code == 0, stderr
    entry = json.loads((out / "manifest.json").read_text())["posts"][0]["documents"][0]
    assert entry["truncated"] and entry["sha256"] == doc.sha256 and entry["size"] == len(data)
    assert entry["file"] == f"documents/{doc.sha256}.partial.xml"
    assert (out / entry["file"]).read_bytes() == data[:100]


def test_prune_drops_old_bytes_and_keeps_hash_and_links(tmp_path, db_path, monitor):
    page = tmp_path / "feed.xml"
    page.write_bytes(_feed().render())
    monitor.ingest_path(page)
    post = _post_id(monitor, "id-1")
    assert monitor.prune_documents(30) == 0  # fetched just now
    assert monitor.prune_documents(30, now=datetime.now(UTC) + timedelta(days=31)) == 1

    doc = monitor.documents.of_post(post)[0].document
    assert doc.pruned and monitor.documents.data(doc.id) is None
    assert doc.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    out = tmp_path / "bundle"
    code, _, stderr = invoke_cli("--db", str(db_path), "evidence", str(post), "--out", str(out))
    assert code == 0 and f"no document kept for #{post}" in stderr
    entry = json.loads((out / "manifest.json").read_text())["posts"][0]["documents"][0]
    assert entry["pruned"] and entry["file"] is None and entry["sha256"] == doc.sha256
    assert not (out / "documents").exists()
    # The same bytes fetched again bring them back.
    page.touch()
    monitor.ingest_path(page)
    assert monitor.documents.data(doc.id) == page.read_bytes()


def test_deleting_a_source_deletes_its_documents(server, monitor):
    source = monitor.add_source(server.route("/feed", _feed()))
    monitor.poll_once(source.id)
    monitor.remove_source(source.id, keep_posts=False)
    assert monitor.documents.count() == 0 and not _links(monitor)


# -- the evidence bundle -------------------------------------------------------------------------


def _sha256sum(folder: Path) -> subprocess.CompletedProcess:
    assert SHA256SUM is not None
    return subprocess.run([SHA256SUM, "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True,
                          check=False)


@needs_sha256sum
def test_evidence_bundle_verifies_with_sha256sum_and_tampering_fails(server, db_path, tmp_path):
    feed = _feed()
    with Monitor(db_path) as monitor:
        url = server.route("/feed", feed)
        source = monitor.add_source(url)
        monitor.poll_once(source.id)
        feed.edit("id-1", "It reached the border at 08:05, not 08:00.")
        edited = feed.render()
        monitor.poll_once(source.id)
        one, two = _post_id(monitor, "id-1"), _post_id(monitor, "id-2")
    out = tmp_path / "bundle"

    code, stdout, stderr = invoke_cli("--db", str(db_path), "evidence", str(one), str(two), "--out", str(out))
    assert code == 0, stderr
    assert "sha256sum -c SHA256SUMS" in stdout

    done = _sha256sum(out)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = [line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text().splitlines()]
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*")
                     if p.is_file() and p.name != "SHA256SUMS")
    assert sorted(listed) == on_disk  # every other file, and nothing else

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tool"] == "Situation Monitor" and manifest["created"]
    posts = {p["id"]: p for p in manifest["posts"]}
    assert posts[one]["current_version"] == 2 and len(posts[one]["revisions"]) == 1
    assert [d["version"] for d in posts[one]["documents"]] == [1, 2]
    newest = posts[one]["documents"][1]
    assert newest["sha256"] == hashlib.sha256(edited).hexdigest() and newest["url"] == url
    assert newest["etag"] == _etag(edited) and newest["fetched_at"]
    assert (out / newest["file"]).read_bytes() == edited
    shown = (out / posts[one]["file"]).read_text()
    assert "Train reaches the border" in shown and "08:05, not 08:00" in shown and "Test feed" in shown

    # Any change to any file is caught.
    target = out / newest["file"]
    target.write_bytes(target.read_bytes().replace(b"08:05", b"08:00"))
    failed = _sha256sum(out)
    assert failed.returncode != 0
    assert f"{newest['file']}: FAILED" in failed.stdout


def test_evidence_refuses_unknown_post_and_non_empty_folder(seeded_db, tmp_path):
    out = tmp_path / "bundle"
    code, _, stderr = invoke_cli("--db", str(seeded_db), "evidence", "1", "99999", "--out", str(out))
    assert code != 0 and "post 99999: no such post" in stderr
    assert not out.exists() or not any(out.iterdir())

    out.mkdir(exist_ok=True)
    (out / "notes.txt").write_text("mine")
    code, _, stderr = invoke_cli("--db", str(seeded_db), "evidence", "1", "--out", str(out))
    assert code != 0 and "not empty" in stderr and not (out / "manifest.json").exists()
    code, _, stderr = invoke_cli("--db", str(seeded_db), "evidence", "1", "--out", str(out / "notes.txt"))
    assert code != 0 and "notes.txt' is a file" in stderr
    code, _, stderr = invoke_cli("--db", str(seeded_db), "evidence", "1", "--out", str(out), "--force")
    assert code == 0, stderr
    assert (out / "manifest.json").exists() and (out / "notes.txt").read_text() == "mine"


# -- a store made before documents were kept -----------------------------------------------------


def _schema_12_store(where: Path | str, page: Path) -> None:
    """A store at schema 12 holding the feed in ``page``, one post edited once, written by the
    store of that version (its migrations and PostStore), as an older install left it: a file, or a
    team store with the schema that version made (its migrated SQLite schema, store/pg/schema.py)."""
    made = sqlite3.connect(":memory:" if is_postgres(where) else where)
    made.isolation_level = None
    db: Database | PgDatabase = Database(made)
    for number, step in enumerate(MIGRATIONS[:12], start=1):
        step(db)
        db.table("schema_version").insert({"version": number, "applied": "2026-01-01T00:00:00Z"},
                                          pk="version")
    if is_postgres(where):
        import psycopg

        team = psycopg.connect(str(where), autocommit=True)
        with team.transaction():
            create_schema(team, read_schema(made))
            for number in range(1, 13):
                team.execute("insert into schema_version (version, applied) values (%s, %s)",
                             [number, "2026-01-01T00:00:00Z"])
        db = PgDatabase(team, str(where))
    store = PostStore(cast(Database, db))
    for _ in range(2):
        result = parse_document(page.read_bytes(), page.name)
        source = store.ensure_source(file_source_key(page), result.kind, page.as_uri(), result.title)
        store.ingest(source, result.posts)
        feed = _feed()
        feed.edit("id-1", "It reached the border at 08:05.")
        page.write_bytes(feed.render())
    db.close()
    made.close()


def _rows(where: Path | str, sql: str) -> list[tuple]:
    """The rows ``sql`` reads from the store at ``where``, on a connection of its own (the store
    classes never opened)."""
    if is_postgres(where):
        import psycopg

        with psycopg.connect(str(where)) as conn:
            return conn.execute(sql).fetchall()
    with closing(sqlite3.connect(where)) as conn:
        return conn.execute(sql).fetchall()


@needs_sha256sum
def test_schema_12_store_migrates_in_place_keeping_every_post(tmp_path, db_path):
    page = tmp_path / "feed.xml"
    page.write_bytes(_feed().render())
    _schema_12_store(db_path, page)
    columns = "id, source_id, guid, title, body, published, first_seen, updated, content_hash"
    before = _rows(db_path, f"select {columns} from posts order by id")
    assert len(before) == 2

    with Monitor(db_path) as monitor:
        assert "documents" in monitor.db.table_names()
        assert monitor.db.execute(f"select {columns} from posts order by id").fetchall() == before
        assert monitor.documents.count() == 0 and not _links(monitor)
        one = _post_id(monitor, "id-1")
        assert monitor.posts.post(one).revision_count == 1
        # An old post edited again: its third version links to the document that carried it.
        feed = _feed()
        feed.edit("id-1", "It reached the border at 08:10.")
        page.write_bytes(feed.render())
        assert monitor.ingest_path(page)[0].updated == 1
        assert list(_links(monitor)) == [("id-1", 3)]
        two = _post_id(monitor, "id-2")

    out = tmp_path / "bundle"
    code, _, stderr = invoke_cli("--db", str(db_path), "evidence", str(two), "--out", str(out))
    assert code == 0 and f"no document kept for #{two}" in stderr
    assert json.loads((out / "manifest.json").read_text())["posts"][0]["documents"] == []
    assert _sha256sum(out).returncode == 0


def test_watch_keeps_documents_only_as_long_as_asked(server, db_path, tmp_path):
    """`monitor watch --keep-documents DAYS` prunes the bytes of documents older than DAYS after
    a round; the ones fetched since stay whole, and every document keeps its hash and links."""
    old_page = tmp_path / "old.xml"
    old_page.write_bytes(_feed().render())
    with Monitor(db_path, create=True) as monitor:
        monitor.ingest_path(old_page)
        old = monitor.documents.of_post(_post_id(monitor, "id-1"))[0].document
        # Fetched forty days ago, as a poller left running for months would have kept it.
        monitor.db.execute("update documents set fetched_at = ? where id = ?",
                           [(datetime.now(UTC) - timedelta(days=40)).isoformat(), old.id])
    url = server.route("/feed", GrowingFeed([Item("new-1", "New", "Arrived today.")]))

    code, _, stderr = invoke_cli("--db", str(db_path), "watch", url, "--once", "--keep-documents", "30")
    assert code == 0, stderr
    assert "pruned the bytes of 1 document fetched over 30 days ago" in stderr
    with Monitor(db_path) as monitor:
        assert monitor.documents.data(old.id) is None
        assert monitor.documents.of_post(_post_id(monitor, "id-1"))[0].document.sha256 == old.sha256
        new = monitor.documents.of_post(_post_id(monitor, "new-1"))[0].document
        assert monitor.documents.data(new.id) is not None

    # Without the option nothing is pruned, however old.
    code, _, stderr = invoke_cli("--db", str(db_path), "watch", "--once")
    assert code == 0 and "pruned" not in stderr


def test_watch_refuses_a_retention_under_a_day(db_path):
    code, _, stderr = invoke_cli("--db", str(db_path), "watch", "--once", "--keep-documents", "0")
    assert code == 2 and "--keep-documents" in stderr
