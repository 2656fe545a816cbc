"""Searches matching many posts page through the feed exactly as a full sort of every match would.

The fast path reads the newest matches by id and checks posts out of that order one by one; its
thresholds are turned down here so a small store takes it, with posts whose publication order
differs from their arrival order (a backfilled archive, corrected times) to catch a missed post.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _statements import is_team_store

from monitor.model import to_iso
from monitor.service import Monitor
from monitor.store.feed import FeedFilter, FeedQueries, sort_key


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


WORDS = ["train", "border", "summit", "Khasan", "Putin", "Kim", "station", "wheels"]
T0 = datetime(2023, 9, 10, tzinfo=UTC)


def _store(db_path, rng: random.Random, count: int) -> None:
    posts = []
    for i in range(count):
        # Mostly in arrival order; one post in thirty published far out of order.
        minutes = i * 3 if rng.random() > 1 / 30 else rng.randrange(0, count * 3)
        words = rng.sample(WORDS, rng.randint(1, 4))
        posts.append({"guid": f"p{i}", "title": f"Post {i}", "body": " ".join(words) + ".",
                      "published": T0 + timedelta(minutes=minutes), "published_precision": "minute",
                      "seq": rng.randint(0, 3)})
    with Monitor(db_path) as monitor:
        for half, key in ((posts[::2], "a"), (posts[1::2], "b")):
            from monitor.model import ParsedPost

            source_id = monitor.posts.ensure_source(f"test:{key}", "test", f"test:{key}/feed")
            monitor.posts.ingest(source_id, [ParsedPost(**p) for p in half])


def _all_pages(queries: FeedQueries, flt: FeedFilter, limit: int, plans: list[str] | None = None
               ) -> list[int]:
    ids: list[int] = []
    after = None
    while True:
        page = queries.page(flt, after=after, limit=limit)
        if plans is not None:
            plans.append(queries.last_plan)
        ids += [p.id for p in page]
        if len(page) < limit:
            return ids
        after = sort_key(page[-1])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dense_search_pages_equal_a_full_sort(db_path, seed):
    rng = random.Random(seed)
    _store(db_path, rng, 1200)
    with Monitor(db_path) as monitor:
        full = FeedQueries(monitor.db, sorted_matches=10**9)  # always sorts every match
        fast = FeedQueries(monitor.db, sorted_matches=20, candidates=rng.choice([30, 60, 150]),
                           outside_checks=rng.choice([5, 40, 400]))
        plans: list[str] = []
        for text in ["train", "Khasan OR Putin", "wheel*", "summit border", "nothingmatches"]:
            for flt in (FeedFilter(text=text), FeedFilter(text=text, source_id=2),
                        FeedFilter(text=text, as_of=to_iso(T0 + timedelta(hours=30)))):
                for limit in (7, 50):
                    expected = _all_pages(full, flt, limit)
                    assert _all_pages(fast, flt, limit, plans) == expected, (text, flt, limit)
                    assert len(expected) == full.count(flt)
                    assert len(set(expected)) == len(expected)
        if is_team_store(monitor):
            # A team store reads a page in one statement: a search matching many posts walks
            # the feed's order checking each row (with its copies), the full sort gathers every match.
            assert "each row" in plans
        else:
            # Both ways were taken: the fast path, and its falling back when posts are out of order.
            assert "newest ids" in plans
            assert {"out of order", "few ids"} & set(plans)


def test_count_with_a_cap_stops_counting(db_path):
    _store(db_path, random.Random(4), 300)
    with Monitor(db_path) as monitor:
        queries = FeedQueries(monitor.db)
        exact = queries.count(FeedFilter(text="train"))
        assert exact > 20
        assert queries.count(FeedFilter(text="train"), cap=20) == 21
        assert queries.count(FeedFilter(text="train"), cap=exact) == exact
