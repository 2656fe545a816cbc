"""The situation at T: the window and the report show the same numbers, read in a bounded number
of statements, and reading never writes."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.gui.data import snapshot
from monitor.model import parse_iso
from monitor.report.briefing import FULL_LIMITS, PAGE_LIMITS, gather
from monitor.service import Monitor
from monitor.situation import SituationLimits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402

SEED_AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """A synthetic story of 600 posts (quotes, speakers, route reports, edited posts)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    make_corpus.build_db(600, 3, path)
    return path


def _middle(monitor: Monitor) -> datetime:
    """A moment halfway through the story's posts."""
    rows = monitor.db.execute("select coalesce(published, first_seen) from posts").fetchall()
    times = sorted(t for t in (parse_iso(r[0]) for r in rows) if t is not None)
    return times[len(times) // 2]


def _estimate_numbers(est) -> tuple:
    return (est.state, est.stop, est.next_stop, round(est.km_min, 6), round(est.km_likely, 6),
            round(est.km_max, 6), tuple((e.stop, e.earliest, e.likely, e.latest) for e in est.etas))


def _assert_same_numbers(monitor: Monitor, at: datetime) -> None:
    snap = snapshot(monitor, at)
    for brief in (gather(monitor, at, limits=FULL_LIMITS), gather(monitor, at, limits=PAGE_LIMITS)):
        assert _estimate_numbers(brief.estimate) == _estimate_numbers(snap.estimate)
        assert brief.post_count == snap.post_count
        assert brief.quote_count == snap.quote_count
        assert brief.speaker_count == snap.speaker_count
        top = [(s.speaker.id, s.speaker.quote_count) for s in brief.quoted_speakers[:10]]
        assert top == [(s.id, s.quote_count) for s in snap.speakers[:10]]
        assert len(brief.observations) == len(snap.observations)


def test_window_and_report_agree_on_the_seed(seeded_db):
    with Monitor(seeded_db) as monitor:
        _assert_same_numbers(monitor, SEED_AT)
        brief = gather(monitor, SEED_AT)
        assert brief.post_count == len(brief.posts) > 0
        assert brief.quote_count > 0 and brief.estimate.state != "not_started"


def test_window_and_report_agree_on_a_synthetic_story(corpus_db):
    with Monitor(corpus_db) as monitor:
        at = _middle(monitor)
        _assert_same_numbers(monitor, at)
        page = gather(monitor, at, limits=PAGE_LIMITS)
        full = gather(monitor, at, limits=FULL_LIMITS)
        # Page one carries the newest posts only; the counts are those of the whole list.
        assert len(page.posts) < page.post_count == full.post_count == len(full.posts)
        assert page.posts == full.posts[:len(page.posts)]
        assert sum(s.speaker.quote_count for s in full.quoted_speakers) + full.unattributed \
            == full.quote_count
        # Each listed speaker's quotes are their newest, at most two on page one.
        for entry in page.quoted_speakers:
            assert 0 < len(entry.quotes) <= 2
            whole = next(s for s in full.speakers if s.speaker.id == entry.speaker.id)
            assert entry.quotes == whole.quotes[:len(entry.quotes)]


def _statements(monitor: Monitor, read) -> int:
    seen: list[str] = []
    monitor.db.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        monitor.db.conn.set_trace_callback(None)
    return len(seen)


def test_a_report_reads_in_a_fixed_number_of_statements(seeded_db, corpus_db):
    # One query per speaker (hundreds in a long story) made a 10k-post report take half a minute.
    counts = []
    for path in (seeded_db, corpus_db):
        with Monitor(path) as monitor:
            counts.append(_statements(monitor, lambda m=monitor: gather(m, _middle(m))))
    assert counts[0] == counts[1], counts
    assert counts[1] < 40, counts


def test_reading_the_situation_never_writes(tmp_path, seeded_db):
    # A new store has no route saved yet: reading the situation must not save one.
    with Monitor(tmp_path / "empty.db") as monitor:
        before = monitor.db.conn.total_changes
        situation = monitor.situation(None)
        snapshot(monitor, None)
        assert monitor.db.conn.total_changes == before
        assert situation.post_count == 0 and situation.story_start is None
        assert monitor.journey.route_names() == []
    with Monitor(seeded_db) as monitor:
        before = monitor.db.conn.total_changes
        situation = monitor.situation(SEED_AT, SituationLimits(posts=None, quotes_per_speaker=None,
                                                               by_kind=True))
        snapshot(monitor, SEED_AT)
        gather(monitor, SEED_AT)
        assert monitor.db.conn.total_changes == before
        assert situation.post_count == len(situation.posts) > 0
