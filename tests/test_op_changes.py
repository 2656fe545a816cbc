"""Every write says what it changed (OpChanges); the journey schedule is built once per reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import SEED_ROUTE

from monitor.model import NO_CHANGES, OpChanges, ParsedPost, ParseResult, merge_changes
from monitor.service import Monitor
from monitor.situation import JOURNEY_ONLY
from monitor.sources import poller
from monitor.store.quotes import QuoteStoreError


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


DAY = datetime(2023, 9, 12, 6, 0, tzinfo=UTC)


def _result(*posts: ParsedPost) -> ParseResult:
    return ParseResult(kind="test", posts=tuple(posts), title="Test")


def _post(guid: str, body: str, minutes: int = 0) -> ParsedPost:
    return ParsedPost(guid=guid, body=body, title=guid, published=DAY + timedelta(minutes=minutes),
                      published_precision="minute")


def test_changes_combine_and_say_what_needs_reading_again():
    assert not NO_CHANGES and not OpChanges.of(quotes=[None])
    a = OpChanges.of(posts_added=[1], sources=[3])
    b = OpChanges.of(posts_updated=[2], quote_posts=[2], observations=True)
    both = merge_changes([a, b])
    assert both.posts == {1, 2} and both.sources == {3}
    assert both.journey_changed and both.quotes_changed
    assert not a.journey_changed and not a.quotes_changed
    with pytest.raises(TypeError, match="nonsense"):
        OpChanges.of(nonsense=[1])


def test_ingest_reports_the_posts_quotes_sources_and_reports_it_changed(db_path, seed_path):
    with Monitor(db_path) as monitor:
        monitor.use_route(SEED_ROUTE)  # a new store follows no journey until one is chosen
        reports = monitor.ingest_path(seed_path)
        assert reports and all(r.ok for r in reports)
        changes = merge_changes(r.changes for r in reports)
        stored = {p.id for p in monitor.posts.posts()}
        assert changes.posts_added == stored and not changes.posts_updated
        assert changes.sources == {r.source_id for r in reports}
        assert changes.quote_posts == stored and changes.speakers_added
        assert changes.observations  # the seed story reports the train's progress
        # The same files again: nothing changed, and the reports say so.
        again = monitor.ingest_path(seed_path)
        assert all(r.ok and not r.changes for r in again)


def test_an_edit_is_an_update_and_a_post_without_reports_leaves_the_journey(db_path):
    with Monitor(db_path) as monitor:
        monitor.use_route(SEED_ROUTE)  # a new store follows no journey until one is chosen
        first = monitor.ingest_result(_result(_post("a", "The train arrived at Khasan at about 10:30.")),
                                      "page", source_key="test:page", url="file:///page")
        (post_id,) = first.changes.posts_added
        assert first.changes.observations
        plain = monitor.ingest_result(_result(_post("b", "Talks continued in Moscow.", 5)),
                                      "page", source_key="test:page", url="file:///page")
        assert plain.changes.posts_added and not plain.changes.observations
        edited = monitor.ingest_result(_result(_post("a", "Talks went on. No news of the train.")),
                                       "page", source_key="test:page", url="file:///page")
        assert edited.changes.posts_updated == {post_id} and not edited.changes.posts_added
        assert post_id in edited.changes.quote_posts
        assert edited.changes.observations  # its report is gone


def test_corrections_name_the_quote_its_post_and_both_speakers(seeded_db):
    with Monitor(seeded_db) as monitor:
        quote = next(q for q in monitor.quotes.quotes() if q.speaker_id is not None)
        other = next(s for s in monitor.quotes.speakers() if s.id != quote.speaker_id)
        changes = monitor.reassign_quote(quote.id, other.id)
        assert changes.quotes == {quote.id} and changes.quote_posts == {quote.post_id}
        assert changes.speakers == {quote.speaker_id, other.id} and changes.quotes_changed
        assert not changes.posts and not changes.journey_changed
        assert monitor.quotes.quote(quote.id).speaker_id == other.id

        rejected = monitor.reject_quote(quote.id)
        assert rejected.quotes == {quote.id} and rejected.speakers == {other.id}
        assert rejected.quotes_deactivated == {quote.id} and not changes.quotes_deactivated
        assert not monitor.reject_quote(quote.id).quotes_deactivated  # rejected already
        newest, total = monitor.quotes.newest(limit=5)
        assert monitor.quotes.newest(limit=5, with_total=False) == (newest, -1) and total > 0

        keep, gone = [s for s in monitor.quotes.speakers() if s.id != other.id and s.quote_count][:2]
        moved = monitor.quotes.quotes(speaker_id=gone.id, include_rejected=True)
        merged = monitor.merge_speakers(keep.id, gone.id)
        assert merged.speakers == {keep.id, gone.id} and merged.speakers_removed == {gone.id}
        assert merged.quotes == {q.id for q in moved} and merged.quote_posts == {q.post_id for q in moved}
        with pytest.raises(QuoteStoreError):
            monitor.reject_quote(10**9)


def test_a_poll_names_its_source_and_the_posts_it_stored(db_path, seed_path):
    with Monitor(db_path) as monitor:
        source = monitor.add_source(seed_path)
        (first,) = monitor.poll_once(source.id)
        assert first.ok and first.outcome == poller.FETCHED
        assert first.changes.sources == {source.id}
        assert first.changes.posts_added == {p.id for p in monitor.posts.posts()}
        (second,) = monitor.poll_once(source.id)  # the same bytes: nothing stored but the poll
        assert second.ok and second.changes == OpChanges.of(sources=[source.id])


def test_the_schedule_is_built_once_until_a_report_changes(db_path):
    with Monitor(db_path) as monitor:
        monitor.use_route(SEED_ROUTE)  # a new store follows no journey until one is chosen
        monitor.ingest_result(_result(_post("a", "The train arrived at Khasan at about 10:30.")),
                              "page", source_key="test:page", url="file:///page")
        cache = monitor.schedules
        live = monitor.situation(None, JOURNEY_ONLY)
        built = cache.built
        later = monitor.situation(DAY + timedelta(days=1), JOURNEY_ONLY)
        assert cache.built == built and cache.reused >= 1  # a new moment, the same reports
        assert later.schedule is live.schedule
        # A post without a report changes nothing the schedule rests on.
        monitor.ingest_result(_result(_post("b", "Talks continued in Moscow.", 5)),
                              "page", source_key="test:page", url="file:///page")
        monitor.situation(None, JOURNEY_ONLY)
        assert cache.built == built
        # A new report does: the next situation builds a schedule of its own, the one a fresh
        # Monitor builds.
        monitor.ingest_result(_result(_post("c", "The train left Khasan at 14:00 local time.", 300)),
                              "page", source_key="test:page", url="file:///page")
        moment = DAY + timedelta(hours=12)
        after = monitor.situation(moment, JOURNEY_ONLY)
        assert cache.built == built + 1
        with Monitor(db_path) as fresh:
            assert fresh.situation(moment, JOURNEY_ONLY).estimate == after.estimate
