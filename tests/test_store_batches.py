"""The store's batched ingest: identities, ids and the full-text index at volume, on each engine
(a file, and a PostgreSQL team store)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from sqlite_utils import Database

from monitor.model import ParsedPost
from monitor.service import Monitor
from monitor.sources.livetext import parse_livetext
from monitor.store import PostStore, open_database
from monitor.store.pg.connection import is_postgres
from monitor.store.pg.database import open_pg_database
from monitor.store.posts import INSERT_BATCH_ROWS

OPENING = "Russian state media reported on Tuesday that the armoured train had been seen"


KHASAN = ("10:00", "Train seen near Khasan", "near Khasan")
TUMANGANG = ("09:00", "Train leaves Tumangang", "leaving Tumangang")
USSURIYSK = ("11:00", "Train reaches Ussuriysk", "reaching Ussuriysk")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the store is: a new file, or a new database on the throwaway cluster (conftest.py)."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


def _open(where: Path | str) -> Database:
    """The store's database at ``where``, opened (and made) as its engine opens it."""
    if is_postgres(where):
        return cast(Database, open_pg_database(str(where)))
    return open_database(where)


def _page(*posts: tuple[str, str, str]) -> str:
    lines = ["date 2023-09-12"]
    for clock, title, ending in posts:
        lines += [clock, title, f"{OPENING} {ending}."]
    return "\n".join(lines) + "\n"


def test_two_posts_opening_alike_stay_two_posts(db_path):
    text = _page(KHASAN, TUMANGANG)
    posts = parse_livetext(text).posts
    assert posts[0].match_keys == posts[1].match_keys  # the same opening words
    with Monitor(db_path) as monitor:
        first = monitor.ingest_bytes(text.encode(), "page.txt", source_key="file:page.txt", url="x")
        again = monitor.ingest_bytes(text.encode(), "page.txt", source_key="file:page.txt", url="x")
        assert (first.added, first.updated) == (2, 0)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
        assert [p.title for p in monitor.posts.posts()] == [KHASAN[1], TUMANGANG[1]]
        # A third post opening alike arrives on top: still new, the others untouched.
        grown = _page(USSURIYSK, KHASAN, TUMANGANG)
        report = monitor.ingest_bytes(grown.encode(), "page.txt", source_key="file:page.txt", url="x")
        assert (report.added, report.updated, report.unchanged) == (1, 0, 2)


def test_many_posts_in_one_document_get_ids_in_page_order_and_are_searchable(db_path):
    n = INSERT_BATCH_ROWS * 2 + 17  # more than one INSERT statement, and a partial last one
    posts = [
        ParsedPost(guid=f"g{i}", body=f"Post number{i} with the word marker{i}.", title=f"Post {i}", seq=i)
        for i in range(n)
    ]
    db = _open(db_path)
    store = PostStore(db)
    source = store.ensure_source("test:many", "test", "x")
    counts = store.ingest(source, posts)
    assert len(counts.added) == n and len(set(counts.added)) == n
    by_id = {p.id: p for p in store.posts()}
    assert [by_id[i].guid for i in counts.added] == [p.guid for p in posts]
    for i in (0, INSERT_BATCH_ROWS - 1, INSERT_BATCH_ROWS, n - 1):
        assert [p.guid for p in store.search(f"marker{i}")] == [f"g{i}"]
    if not is_postgres(db_path):  # FTS5's own check of its index (PostgreSQL's is a column of the row)
        assert db.execute("insert into posts_fts(posts_fts) values('integrity-check')").fetchall() == []


def test_same_guid_twice_in_one_document_keeps_the_first_as_a_revision(db_path):
    db = _open(db_path)
    store = PostStore(db)
    source = store.ensure_source("test:dup", "test", "x")
    counts = store.ingest(source, [
        ParsedPost(guid="a", body="First wording."),
        ParsedPost(guid="b", body="Another post."),
        ParsedPost(guid="a", body="Second wording."),
    ])
    assert len(counts.added) == 2 and len(counts.updated) == 1
    post = next(p for p in store.posts() if p.guid == "a")
    assert post.body == "Second wording."
    assert [r["body"] for r in store.revisions(post.id)] == ["First wording."]
    assert [p.guid for p in store.search("wording")] == ["a"]


def test_search_ranks_best_first_and_pages_past_the_candidates(db_path):
    from monitor.store.posts import SEARCH_CANDIDATES

    n = SEARCH_CANDIDATES + 120
    posts = [ParsedPost(guid=f"g{i}", body=f"The train passed station number{i}.", seq=i) for i in range(n)]
    # One older post says it three times: the best match, though not among the newest.
    posts.insert(0, ParsedPost(guid="best", body="Train, train and train again at Khasan.", seq=-1))
    db = _open(db_path)
    store = PostStore(db)
    source = store.ensure_source("test:rank", "test", "x")
    store.ingest(source, posts[:1])
    store.ingest(source, posts[1:])
    assert store.search("train")[0].guid != "best"  # outside the newest candidates
    assert store.search("train Khasan")[0].guid == "best"  # a rarer word brings it back
    seen = []
    for offset in range(0, n, 500):
        seen += [p.guid for p in store.search("train", limit=500, offset=offset)]
    assert len(seen) == len(set(seen)) == n + 1  # every match reachable by paging, once
    assert store.search("number7")[0].guid == "g7"


def test_a_word_in_very_many_posts_lists_the_newest_first(db_path):
    from monitor.store.posts import BROAD_MATCHES

    n = BROAD_MATCHES + 50
    posts = [ParsedPost(guid=f"g{i}", body=f"The train passed station number{i}.", seq=i) for i in range(n)]
    posts[10] = ParsedPost(guid="g10", body="Train, train and train again at Khasan, Khasan.", seq=10)
    posts[20] = ParsedPost(guid="g20", body="A train at Khasan.", seq=20)
    db = _open(db_path)
    store = PostStore(db)
    source = store.ensure_source("test:broad", "test", "x")
    store.ingest(source, posts)
    # Too broad to rank: the newest first, and paging walks back through every match.
    assert [p.guid for p in store.search("train", limit=3)] == [f"g{n - 1}", f"g{n - 2}", f"g{n - 3}"]
    assert [p.guid for p in store.search("train Khasan")] == ["g20", "g10"]
    last_page = store.search("train", limit=100, offset=n - 30)
    assert [p.guid for p in last_page][-1] == "g0" and len(last_page) == 30
    # A rare word is still ranked: the post saying it twice comes first, though older.
    assert [p.guid for p in store.search("Khasan")] == ["g10", "g20"]


def test_reworded_headline_is_the_same_post_by_its_opening_words(db_path):
    """The stored post is found by a key it lists (not its guid), without reading the source."""
    first = _page(USSURIYSK, KHASAN)
    reworded = _page(USSURIYSK, ("10:00", "Train spotted at Khasan border station", "near Khasan"))
    # Many other posts in the same source, as in a feed followed for months.
    db = _open(db_path)
    store = PostStore(db)
    source = store.ensure_source("file:page.txt", "livetext", "x")
    store.ingest(source, [ParsedPost(guid=f"old{i}", body=f"Old post {i}.") for i in range(500)])
    store.ingest(source, parse_livetext(first).posts)
    counts = store.ingest(source, parse_livetext(reworded).posts)
    assert (len(counts.added), len(counts.updated), counts.unchanged) == (0, 1, 1)
    [post] = [store.post(i) for i in counts.updated]
    assert post.title == "Train spotted at Khasan border station"
    assert store.revisions(post.id)[0]["title"] == KHASAN[1]
    assert store.count() == 502
