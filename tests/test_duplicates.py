"""No duplicates: a feed that makes up new guids at every fetch, and a document that repeats a guid."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _feedserver import FeedServer, GrowingFeed, Item

from monitor.model import ParsedPost
from monitor.service import Monitor
from monitor.sources.poller import FETCHED, PollSettings
from monitor.store import PostStore

FAST = PollSettings(connect_timeout=2.0, read_timeout=2.0, total_timeout=10.0)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


@pytest.fixture
def store(db_path: Path | str) -> Iterator[PostStore]:
    """The post store of a new store on each engine."""
    with Monitor(db_path) as monitor:
        yield monitor.posts


def _count(monitor: Monitor, table: str) -> int:
    return int(monitor.db.execute(f"select count(*) from {table}").fetchone()[0])


def test_a_feed_with_new_guids_at_every_fetch_stores_each_item_once(db_path):
    items = [Item(f"x-{i}", f"Headline {i}", f"Body of post {i}.", T0 + timedelta(minutes=i))
             for i in range(19, -1, -1)]
    # Two items that say exactly the same thing stay two posts, poll after poll.
    items.append(Item("twin-a", "Twin", "Said twice.", T0))
    items.append(Item("twin-b", "Twin", "Said twice.", T0))
    feed = GrowingFeed(items=items)
    with FeedServer() as server, Monitor(db_path) as monitor:
        source = monitor.add_source(server.route("/feed", feed))
        for poll in range(10):
            for n, item in enumerate(feed.items):
                item.guid = f"urn:fetch-{poll}:{n}"  # the server makes them up afresh
            feed.touch()
            [report] = monitor.poll_once(source.id, settings=FAST, rng=random.Random(poll))
            assert report.outcome == FETCHED, report.error
            assert (report.added, report.unchanged) == ((22, 0) if poll == 0 else (0, 22))
        assert _count(monitor, "posts") == 22
        assert _count(monitor, "post_revisions") == 0
        # An edit under yet another new guid is a post of its own: different posts never merge.
        feed.items[0].body = "Body of post 19, corrected."
        feed.items[0].guid = "urn:edited"
        [report] = monitor.poll_once(source.id, settings=FAST, rng=random.Random(99))
        assert (report.added, report.unchanged) == (1, 21)


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_document_repeating_a_guid_changes_nothing_when_ingested_again(db_path, tmp_path):
    doc = _jsonl(tmp_path / "posts.jsonl", [
        {"guid": "a", "body": "First wording.", "published": "2026-03-01T09:00:00Z"},
        {"guid": "b", "body": "Another post.", "published": "2026-03-01T09:01:00Z"},
        {"guid": "a", "body": "Second wording.", "published": "2026-03-01T09:00:00Z"},
    ])
    with Monitor(db_path) as monitor:
        [first] = monitor.ingest_path(doc)
        assert (first.added, first.updated, first.unchanged) == (2, 1, 0), first.error
        for _ in range(3):
            [again] = monitor.ingest_path(doc)
            assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
        assert _count(monitor, "posts") == 2
        # The first wording is kept once, as the revision it is.
        rows = monitor.db.execute("select body from post_revisions").fetchall()
        assert rows == [("First wording.",)]
        [post] = [p for p in monitor.posts.posts() if p.guid == "a"]
        assert post.body == "Second wording."


def test_a_guid_given_back_and_forth_in_one_document_is_stable(store):
    source = store.ensure_source("test:flip", "test", "x")
    doc = [ParsedPost(guid="a", body="One."), ParsedPost(guid="a", body="Two."),
           ParsedPost(guid="a", body="One.")]
    first = store.ingest(source, doc)
    assert (len(first.added), len(first.updated)) == (1, 2)
    again = store.ingest(source, doc)
    assert (again.added, again.updated, again.unchanged) == ([], [], 3)
    [post] = store.posts()
    assert post.body == "One." and len(store.revisions(post.id)) == 2


_URL = "https://example.invalid/1"


@pytest.mark.parametrize("other", [
    ParsedPost(guid="new", title="Headline", body="Another body.", url=_URL, published=T0),
    ParsedPost(guid="new", title="Other headline", body="Same body.", url=_URL, published=T0),
    ParsedPost(guid="new", title="Headline", body="Same body.", url=_URL + "2", published=T0),
    ParsedPost(guid="new", title="Headline", body="Same body.", url=_URL, published=T0 + timedelta(hours=1)),
    ParsedPost(guid="new", title="Headline", body="Same body.", url=_URL, published=T0, byline="Olga"),
])
def test_a_new_guid_that_differs_in_anything_a_reader_sees_is_a_new_post(store, other):
    source = store.ensure_source("test:feed", "test", "x")
    store.ingest(source, [ParsedPost(guid="old", title="Headline", body="Same body.", url=_URL,
                                     published=T0)])
    counts = store.ingest(source, [other])
    assert len(counts.added) == 1 and store.count() == 2


def test_a_stored_post_carried_under_its_own_guid_is_not_taken_by_a_copy(store):
    source = store.ensure_source("test:feed", "test", "x")
    store.ingest(source, [ParsedPost(guid="old", body="Same body.")])
    # The document has the post itself and an identical one under a new guid: two posts.
    counts = store.ingest(source, [ParsedPost(guid="copy", body="Same body."),
                                   ParsedPost(guid="old", body="Same body.")])
    assert (len(counts.added), counts.unchanged) == (1, 1)
    assert store.count() == 2
