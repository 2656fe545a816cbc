"""The feed's read queries: keyset pages, filters, and changes since a mark."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _statements import is_team_store, pg_plans_run, statements_run
from conftest import add_posts

from monitor.service import Monitor
from monitor.store.feed import ChangeMark, FeedFilter, FeedQueries, sort_key


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import make_corpus  # noqa: E402

START = datetime(2023, 9, 10, 6, 0, tzinfo=UTC)


def _posts(n: int, start: int = 0, word: str = "train") -> list[dict]:
    return [
        {"guid": f"p{i}", "title": f"Update {i}", "body": f"Post {i} about the {word}.",
         "published": START + timedelta(minutes=i), "published_precision": "minute", "seq": i}
        for i in range(start, start + n)
    ]


def test_pages_walk_every_post_once_newest_first(db_path):
    add_posts(db_path, _posts(25))
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        seen, after = [], None
        while page := queries.page(FeedFilter(), after=after, limit=7):
            seen.extend(page)
            after = sort_key(page[-1])
    titles = [p.title for p in seen]
    assert titles == [f"Update {i}" for i in range(24, -1, -1)]


def test_pages_stay_stable_when_posts_arrive_on_top(db_path):
    add_posts(db_path, _posts(10))
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        first = queries.page(FeedFilter(), limit=5)
        add_posts(db_path, _posts(5, start=10))
        second = queries.page(FeedFilter(), after=sort_key(first[-1]), limit=5)
    assert {p.id for p in first}.isdisjoint(p.id for p in second)
    assert [p.title for p in second] == [f"Update {i}" for i in range(4, -1, -1)]


def test_filters_by_text_source_and_time(db_path):
    add_posts(db_path, _posts(6, word="train"))
    add_posts(db_path, _posts(3, start=6, word="Khasan"), source_key="test:other")
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        other = next(s.id for s in monitor.posts.sources() if s.key == "test:other")
        assert queries.count(FeedFilter(text="khasan")) == 3
        assert queries.count(FeedFilter(source_id=other)) == 3
        as_of = (START + timedelta(minutes=2)).isoformat().replace("+00:00", "Z")
        assert [p.title for p in queries.page(FeedFilter(as_of=as_of))] == [
            "Update 2", "Update 1", "Update 0"]
        # Odd search syntax is taken literally, never an FTS error.
        assert queries.count(FeedFilter(text='"unclosed AND (')) == 0


def test_changes_report_new_and_edited_posts(db_path):
    add_posts(db_path, _posts(3))
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        mark = queries.mark()
        edited = _posts(1)[0] | {"body": "Post 0, corrected."}
        add_posts(db_path, [edited, *_posts(2, start=3)])
        added, changed, count, new_mark = queries.changes(FeedFilter(), mark)
    assert [p.title for p in added] == ["Update 4", "Update 3"]
    assert count == 2
    assert [(p.title, p.revision_count) for p in changed] == [("Update 0", 1)]
    assert new_mark.post_id > mark.post_id and new_mark.revision_id > mark.revision_id
    assert ChangeMark() == ChangeMark(0, 0)


def test_quote_spans_of_a_page_are_read_in_one_statement(seeded_db):
    with Monitor(seeded_db) as monitor:
        queries = FeedQueries(monitor.db)
        page = queries.page(FeedFilter(), limit=100)
        ids = [p.id for p in page]
        spans: dict = {}
        statements = statements_run(monitor, lambda: spans.update(queries.quote_spans(ids)))
        assert len(statements) == 1, statements
        # The same passages as reading each post's quotes on its own: a mixed clause is reported
        # words with its quoted parts on top; a direct statement is its quoted parts.
        def passages(q):
            parts = [(s, e, q.kind) for s, e in q.parts]
            if q.kind == "mixed":
                return [(q.start, q.end, "indirect"), *parts]
            return parts or [(q.start, q.end, q.kind)]

        expected = {
            pid: sorted(span for q in monitor.quotes.quotes(post_id=pid)
                        if q.field == "body" and q.end > q.start for span in passages(q))
            for pid in ids
        }
        assert spans == expected
        assert any(spans.values())
        rejected = next(q for q in monitor.quotes.quotes() if q.post_id in ids and q.field == "body")
        monitor.quotes.reject_quote(rejected.id)
        again = queries.quote_spans(ids)
        assert (rejected.start, rejected.end, rejected.kind) not in again[rejected.post_id]


def test_quote_spans_are_read_through_the_post_id_index(db_path):
    # A story of 600 posts: the seed's few dozen quotes are too few for PostgreSQL's planner
    # to choose between its indexes by.
    make_corpus.build_db(600, 3, db_path)
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        ids = [p.id for p in queries.page(FeedFilter(), limit=100)]
        if is_team_store(monitor):
            monitor.db.execute("analyze quotes")  # as autovacuum keeps a store in use
            [(statement, plan)] = pg_plans_run(monitor, lambda: queries.quote_spans(ids))
        else:
            [statement] = statements_run(monitor, lambda: queries.quote_spans(ids))
            plan = " ".join(str(row[-1]) for row in monitor.db.execute(f"explain query plan {statement}"))
        # Through the post_id index: the (status, speaker) index would walk every active quote.
        assert "post_id" in plan and "quotes_status_speaker" not in plan, plan
