"""The evented situation (``monitor.state``): a signal for each part that changed, and only those."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.gui.data import SNAPSHOT_LIMITS
from monitor.service import Monitor
from monitor.state import COUNTS, JOURNEY, POSTS, QUOTES, SPEAKERS, SituationState, versions_of

SEED_AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)
SIGNALS = ("journey_changed", "estimate_changed", "now_changed", "speakers_changed", "speakers_patched",
           "quotes_changed", "posts_changed", "counts_changed", "rows_changed")


class Heard:
    """What each of a state's signals emitted, by signal name."""

    def __init__(self, state: SituationState) -> None:
        self.calls: dict[str, list] = {name: [] for name in SIGNALS}
        for name in SIGNALS:
            getattr(state, name).connect(self.calls[name].append)

    def names(self) -> set[str]:
        """The signals that fired."""
        return {name for name, calls in self.calls.items() if calls}

    def clear(self) -> None:
        for calls in self.calls.values():
            calls.clear()


@pytest.fixture
def state() -> SituationState:
    return SituationState()


def test_the_first_situation_emits_every_part(seeded_db, state):
    heard = Heard(state)
    with Monitor(seeded_db) as monitor:
        situation = monitor.situation(SEED_AT, SNAPSHOT_LIMITS)
    assert state.set_situation(situation) == {JOURNEY, SPEAKERS, QUOTES, POSTS, COUNTS}
    assert heard.names() == {"journey_changed", "estimate_changed", "speakers_changed", "quotes_changed",
                             "posts_changed", "counts_changed"}
    assert heard.calls["speakers_changed"] == [situation.speakers]
    assert heard.calls["journey_changed"][0].route == situation.route
    assert heard.calls["counts_changed"][0].quotes == situation.quote_count > 0


def test_the_same_situation_read_again_emits_nothing(seeded_db, state):
    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
        heard = Heard(state)
        again = monitor.situation(SEED_AT, SNAPSHOT_LIMITS)  # new objects, equal parts
    assert state.set_situation(again, versions_of(again)) == frozenset()
    assert heard.names() == set()


def test_a_correction_emits_its_rows_and_reads_only_the_quote_side(seeded_db, state):
    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
        quote = state.situation.quotes[0]
        heard = Heard(state)
        changes = monitor.reject_quote(quote.id)
        stale = state.apply(changes)
        assert stale == {SPEAKERS, QUOTES, COUNTS}
        assert [rows.posts for rows in heard.calls["rows_changed"]] == [{quote.post_id}]
        heard.clear()
        # The situation read again after it differs in the quote side alone.
        changed = state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
    assert changed == {QUOTES, SPEAKERS, COUNTS}
    # One speaker's count changed: that speaker is patched in, the list is not sent again.
    assert heard.names() == {"quotes_changed", "speakers_patched", "counts_changed"}
    patch = heard.calls["speakers_patched"][0]
    # (changed, or gone from the list when it was the speaker's only quote by then)
    assert {s.id for s in patch.changed} | patch.removed == {quote.speaker_id}
    assert patch.speakers == state.speakers
    assert quote.id not in {q.id for q in heard.calls["quotes_changed"][0].quotes}
    assert heard.calls["counts_changed"][0].quotes == state.counts.quotes


def test_many_changed_speakers_send_the_whole_list(seeded_db, state, monkeypatch):
    import monitor.state

    monkeypatch.setattr(monitor.state, "PATCH_SPEAKERS_MAX", 0)
    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
        monitor.reject_quote(state.situation.quotes[0].id)
        heard = Heard(state)
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
    assert "speakers_changed" in heard.names() and "speakers_patched" not in heard.names()


def test_a_write_that_changed_nothing_shown_emits_nothing(state, seeded_db):
    from monitor.model import OpChanges

    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
    heard = Heard(state)
    assert state.apply(OpChanges.of(sources=[1])) == frozenset()
    assert heard.names() == set()


def test_a_patched_correction_patches_the_speakers_it_names(seeded_db, state):
    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(None, SNAPSHOT_LIMITS))
        top = state.speakers[0]
        quote = next(q for q in state.situation.quotes if q.speaker_id == top.id)
        changes = monitor.reject_quote(quote.id)
        now = monitor.quotes.speaker(top.id)
        quotes, _ = monitor.quotes.newest(limit=200, with_total=False)
    heard = Heard(state)
    before = state.counts
    state.patch_quotes(quotes, {}, [now], frozenset(), len(changes.quotes_deactivated))
    assert heard.names() == {"speakers_patched", "quotes_changed", "counts_changed"}
    patch = heard.calls["speakers_patched"][0]
    assert patch.changed == (now,) and now.quote_count == top.quote_count - 1
    assert next(s for s in patch.speakers if s.id == top.id) == now
    assert heard.calls["counts_changed"][0].quotes == before.quotes - 1


def test_the_clock_moves_the_estimate_without_reading(seeded_db, state):
    monitor = Monitor(seeded_db)
    state.set_situation(monitor.situation(None, SNAPSHOT_LIMITS))
    # Closed: any read from here on would raise.
    monitor.close()
    heard = Heard(state)
    later = state.now + timedelta(minutes=1)
    assert state.set_now(later)
    assert heard.names() == {"now_changed", "estimate_changed"}
    assert heard.calls["estimate_changed"][0].at == later == state.estimate.at


def test_the_clock_leaves_a_replay_as_of_its_time(seeded_db, state):
    with Monitor(seeded_db) as monitor:
        state.set_situation(monitor.situation(SEED_AT, SNAPSHOT_LIMITS))
    heard = Heard(state)
    assert not state.set_now(datetime.now(UTC))
    assert heard.names() == {"now_changed"}
    assert state.estimate.at == SEED_AT
