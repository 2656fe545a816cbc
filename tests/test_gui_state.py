"""The window's panes follow the evented situation (``monitor.state``): a correction reads no
whole situation, the minute clock reads nothing, a situation read again with nothing new
resets no pane."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import add_posts

from monitor.service import Monitor

SEED_AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)


@pytest.fixture
def situations(monkeypatch) -> list:
    """Every situation any Monitor reads (the window's worker threads included), counted as it is
    read through the real method."""
    calls: list = []
    real = Monitor.situation

    def counted(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Monitor, "situation", counted)
    return calls


#: Writes the window makes on its own after a snapshot or a selection, whatever the clock does.
BOOKKEEPING = frozenset({"scan_alerts", "alert_inbox", "set_read"})


def _idle(window) -> bool:
    return not window.runner.busy and not window._steps and not window.feed.model.loading


def test_a_correction_reads_no_whole_situation(qtbot, main_window, situations):
    window = main_window
    qtbot.waitUntil(lambda: _idle(window), timeout=10000)
    situations.clear()
    quote = next(q for q in window.snapshot.quotes if window.feed.model.row_of(q.post_id) is not None)
    count = window.snapshot.quote_count
    resets: list[str] = []
    window.inspector.quote_model.modelReset.connect(lambda: resets.append("quotes"))
    window.inspector.speaker_model.modelReset.connect(lambda: resets.append("speakers"))
    window.feed.model.modelReset.connect(lambda: resets.append("feed"))
    with qtbot.waitSignal(window.quotesApplied, timeout=10000):
        window.inspector.rejectRequested.emit(quote.id)
    qtbot.waitUntil(lambda: _idle(window), timeout=10000)
    assert situations == []
    assert resets == []  # the rows were patched: the quote's, its speaker's, its post's
    assert window.state.counts.quotes == window.snapshot.quote_count == count - 1
    assert all(window.inspector.quote_model.quote(r).id != quote.id
               for r in range(window.inspector.quote_model.rowCount()))
    # The count is of real reads: the panes refreshed as a whole read one.
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000):
        window.refresh_panes()
    assert len(situations) == 1


def test_the_clock_moves_the_train_without_reading(qtbot, main_window, situations, monkeypatch):
    window = main_window
    qtbot.waitUntil(lambda: _idle(window), timeout=10000)
    jobs: list[tuple[str, str]] = []
    runner = window.runner
    for name in ("read", "write", "ingest"):
        real = getattr(runner, name)
        monkeypatch.setattr(runner, name, lambda fn, *a, _real=real, _name=name, **k: (
            jobs.append((_name, getattr(fn, "__name__", repr(fn)))), _real(fn, *a, **k))[1])
    before = window.route_bar.estimate()
    assert before is not None
    resets: list[bool] = []
    window.inspector.speaker_model.modelReset.connect(lambda: resets.append(True))
    window._clock.timeout.emit()  # the minute clock
    qtbot.waitUntil(lambda: not window._steps, timeout=5000)
    after = window.route_bar.estimate()
    assert after is not None and after.at > before.at
    # The tick starts no job. The window's own bookkeeping may still finish meanwhile on a busy
    # machine (an alert scan after the last snapshot, a read mark): those writes are not the
    # clock's, and they read no situation either.
    assert [j for j in jobs if j[1] not in BOOKKEEPING] == [], jobs
    assert situations == [] and not resets


def test_a_situation_with_nothing_new_resets_no_pane(qtbot, main_window, situations):
    window = main_window
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000, check_params_cb=lambda s: s.at == SEED_AT):
        window.act_replay.setChecked(True)
        window._replay_moved(SEED_AT)
    qtbot.waitUntil(lambda: _idle(window), timeout=10000)
    resets: list[str] = []
    window.inspector.speaker_model.modelReset.connect(lambda: resets.append("speakers"))
    window.inspector.quote_model.modelReset.connect(lambda: resets.append("quotes"))
    route = window.route_bar.route()
    window.pane_step_ms.clear()
    situations.clear()
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000):
        window.refresh_panes()
    assert len(situations) == 1 and resets == []
    assert window.pane_step_ms == {}  # no pane took any data
    assert window.route_bar.route() is route


def test_posts_another_program_writes_reach_every_pane(qtbot, main_window, seeded_db):
    # `monitor watch` in a terminal stores a post with a quote while the window is open; the
    # window's own poll stores nothing, and the feed's look for new posts finds it: the
    # inspector and the counts follow as well as the feed.
    window = main_window
    qtbot.waitUntil(lambda: _idle(window), timeout=10000)
    quotes = window.state.counts.quotes
    add_posts(seeded_db, [{"guid": "elsewhere-1", "title": "Statement",
                           "body": 'The governor said: "We are ready for the train."',
                           "published": datetime(2023, 9, 11, 20, 0, tzinfo=UTC),
                           "published_precision": "minute"}], source_key="test:other")
    with Monitor(seeded_db) as monitor:  # as a separate process's ingest would, extraction too
        monitor.reextract()
    window.feed.refresh()  # what a poll round that stored nothing does
    qtbot.waitUntil(lambda: window.state.counts.quotes == quotes + 1, timeout=15000)
    assert any(q.text.startswith("We are ready") for q in window.snapshot.quotes)
