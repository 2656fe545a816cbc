"""The main window: opening databases, keys, replay, alerts, panes talking, layout kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from conftest import add_posts
from PySide6.QtCore import Qt

from monitor import __version__
from monitor.cli import cli
from monitor.gui.app import make_application
from monitor.gui.main_window import MainWindow
from monitor.service import Monitor

START = datetime(2023, 9, 10, 6, 0, tzinfo=UTC)


def _window(qtbot, settings) -> MainWindow:
    make_application([])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_opens_on_the_seed_with_posts_and_counts(main_window, seeded_db):
    window = main_window
    assert window.feed.model.rowCount() == 5
    assert "5 posts" in window.counts_label.text()
    assert "1 source" in window.sources_label.text()
    assert seeded_db.name in window.windowTitle()
    assert str(seeded_db) in window.about_text()


def test_seeds_an_empty_default_database_off_the_gui_thread(qtbot, gui_settings, db_path):
    window = _window(qtbot, gui_settings)
    with qtbot.waitSignal(window.opened, timeout=15000) as blocker:
        window.open_database(db_path, seed=True)
    assert blocker.args[0].seeded == 5
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 5, timeout=10000)
    assert gui_settings.value("last_db") == str(db_path)
    window.runner.shutdown()


def test_the_feeds_first_page_is_read_before_the_situation(qtbot, gui_settings, seeded_db, monkeypatch):
    """The first page is a small read of its own: the snapshot behind the other panes (a far
    larger one) starts only once the page's rows are in the list, not beside it."""
    import time

    from monitor.gui import data

    started: list[float] = []
    real_snapshot = data.snapshot

    def snapshot(monitor, *args):  # the real read, noting when it began
        started.append(time.perf_counter())
        return real_snapshot(monitor, *args)

    monkeypatch.setattr(data, "snapshot", snapshot)
    window = _window(qtbot, gui_settings)
    listed: list[float] = []
    window.feed.model.rowsInserted.connect(lambda *_: listed.append(time.perf_counter()))
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(seeded_db)
    assert listed and started
    assert started[0] > listed[0]
    window.runner.shutdown()


@pytest.mark.parametrize("problem", ["garbage", "newer"])
def test_unusable_database_is_named_and_the_window_stays_up(qtbot, gui_settings, db_path, problem):
    if problem == "garbage":
        db_path.write_bytes(b"this is not a database" * 100)
    else:
        Monitor(db_path).close()
        with sqlite3.connect(db_path) as conn:
            conn.execute("insert into schema_version (version, applied) values (999, 'x')")
    window = _window(qtbot, gui_settings)
    with qtbot.waitSignal(window.openFailed, timeout=15000) as blocker:
        window.open_database(db_path)
    message = blocker.args[0]
    assert str(db_path) in message
    if problem == "newer":
        assert "newer" in message
    assert window.isVisible()
    assert window.error_box.isVisible() and str(db_path) in window.error_box.text()
    assert "Cannot open the database" in window.statusBar().currentMessage()
    window.error_box.close()
    window.runner.shutdown()


def test_j_and_k_move_through_posts(qtbot, main_window):
    window = main_window
    window.activateWindow()
    window.feed.view.setFocus()
    qtbot.keyClick(window.feed.view, Qt.Key.Key_J)
    first = window.feed.view.currentIndex().row()
    qtbot.keyClick(window.feed.view, Qt.Key.Key_J)
    qtbot.keyClick(window.feed.view, Qt.Key.Key_J)
    assert window.feed.view.currentIndex().row() == first + 2
    qtbot.keyClick(window.feed.view, Qt.Key.Key_K)
    assert window.feed.view.currentIndex().row() == first + 1


def test_ctrl_f_focuses_search_and_typing_j_there_does_not_move(qtbot, main_window):
    window = main_window
    window.activateWindow()
    window.feed.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.feed.search.hasFocus()
    row = window.feed.view.currentIndex().row()
    qtbot.keyClicks(window.feed.search, "Jong")
    assert window.feed.search.text() == "Jong"
    assert window.feed.view.currentIndex().row() == row
    qtbot.waitUntil(lambda: window.feed.model.feed_filter.text == "Jong", timeout=5000)


def test_ctrl_r_finds_new_posts(qtbot, main_window, seeded_db):
    window = main_window
    add_posts(seeded_db, [{"guid": "n1", "title": "Train reaches Khasan", "body": "It arrived.",
                           "published": datetime(2023, 9, 12, 6, 0, tzinfo=UTC)}])
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 6, timeout=10000)
    assert window.feed.model.post_at(0).title == "Train reaches Khasan"
    qtbot.waitUntil(lambda: "6 posts" in window.counts_label.text(), timeout=10000)


def test_alert_keywords_mark_count_and_notify(qtbot, main_window, seeded_db):
    window = main_window
    window.set_keywords(("Khasan", "Ryder"))
    add_posts(seeded_db, [
        {"guid": "a1", "title": "Train reaches Khasan", "body": "Ceremony under way.",
         "published": datetime(2023, 9, 12, 6, 0, tzinfo=UTC)},
        {"guid": "a2", "title": "Weather", "body": "Rain in Vladivostok.",
         "published": datetime(2023, 9, 12, 7, 0, tzinfo=UTC)},
    ])
    window.after_new_posts()
    qtbot.waitUntil(lambda: window.alert_count == 1, timeout=10000)
    assert window.windowTitle().startswith("(1 alert)")
    assert window.notifier.sent and "Khasan" in window.notifier.sent[-1][0]
    row = next(i for i in range(window.feed.model.rowCount())
               if window.feed.model.post_at(i).title == "Train reaches Khasan")
    from monitor.gui.feed_model import FeedModel

    assert window.feed.model.index(row).data(FeedModel.AlertRole) == ["Khasan"]
    window.mark_all_read()
    assert not window.windowTitle().startswith("(")
    assert window.settings.value("alerts/keywords") == ["Khasan", "Ryder"]


def test_replay_slider_shows_the_past(qtbot, gui_settings, db_path):
    add_posts(db_path, [
        {"guid": f"r{i}", "title": f"Report {i}", "body": f"Report number {i}.",
         "published": START + timedelta(hours=i), "published_precision": "minute"}
        for i in range(6)
    ])
    window = _window(qtbot, gui_settings)
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(db_path)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 6, timeout=10000)
    window.act_replay.setChecked(True)
    assert window.replay_bar.isVisible()
    slider = window.replay.slider
    # Two and a half hours in: reports 0, 1 and 2 have been published.
    wanted = START + timedelta(minutes=150)
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000,
                          check_params_cb=lambda snap: snap.at == wanted) as blocker:
        slider.setValue(150)
    assert blocker.args[0].post_count == 3
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 3 and not window.feed.model.loading,
                    timeout=10000)
    assert window.feed.model.post_at(0).title == "Report 2"
    assert "replay as of" in window.windowTitle()
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000,
                          check_params_cb=lambda snap: snap.at is None):
        qtbot.mouseClick(window.replay.live, Qt.MouseButton.LeftButton)
    assert not window.act_replay.isChecked() and not window.replay_bar.isVisible()
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 6, timeout=10000)
    window.runner.shutdown()


def test_selecting_a_speaker_filters_the_feed(qtbot, main_window):
    window = main_window
    peskov = next(s for s in window.snapshot.speakers if s.name == "Dmitry Peskov")
    window.inspector.speakerSelected.emit(peskov.id)
    assert window.feed.model.feed_filter.speaker_id == peskov.id
    assert window.feed.speaker_chip.isVisible() and "Peskov" in window.feed.speaker_chip.text()
    qtbot.waitUntil(lambda: not window.feed.model.loading and window.feed.model.rowCount() > 0, timeout=5000)
    rows = [window.feed.model.post_at(i) for i in range(window.feed.model.rowCount())]
    assert rows and all("Peskov" in p.body for p in rows)
    assert len(rows) < 5
    qtbot.mouseClick(window.feed.speaker_chip, Qt.MouseButton.LeftButton)
    assert window.feed.model.feed_filter.speaker_id is None
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 5, timeout=5000)


def test_seed_quotes_reach_the_panes_and_the_status_bar(main_window):
    window = main_window
    names = {s.name for s in window.snapshot.speakers}
    assert {"Dmitry Peskov", "John Kirby", "Patrick Ryder"} <= names
    assert f"{window.snapshot.quote_count} quotes" in window.counts_label.text()
    model = window.feed.model
    ryder_post = next(i for i in range(model.rowCount()) if "Ryder" in model.post_at(i).body)
    spans = model.index(ryder_post).data(model.SpansRole)
    body = model.post_at(ryder_post).body
    assert any("We do expect some type of meeting" in body[s:e] and kind == "direct" for s, e, kind in spans)


def test_an_analyst_correction_is_stored_and_shown(qtbot, main_window):
    window = main_window
    quote = next(q for q in window.snapshot.quotes if "needless war" in q.text)
    with qtbot.waitSignal(window.quotesApplied, timeout=10000):
        window.inspector.rejectRequested.emit(quote.id)
    assert all(q.id != quote.id for q in window.snapshot.quotes)
    with Monitor(window.db_path) as monitor:
        assert monitor.quotes.quote(quote.id).status == "rejected"


def test_a_correction_refreshes_only_what_it_changed(qtbot, main_window):
    window = main_window
    model = window.feed.model
    quote = next(q for q in window.snapshot.quotes if q.field == "body" and q.end > q.start
                 and model.row_of(q.post_id) is not None)
    row = model.row_of(quote.post_id)
    span = (quote.start, quote.end, quote.kind)
    assert span in model.index(row).data(model.SpansRole)
    rows, count = model.rowCount(), window.snapshot.quote_count
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    snapshots: list[object] = []
    window.snapshotApplied.connect(snapshots.append)
    with qtbot.waitSignal(window.quotesApplied, timeout=10000) as applied:
        window.inspector.rejectRequested.emit(quote.id)
    changes = applied.args[0]
    assert changes.quotes == {quote.id} and changes.quote_posts == {quote.post_id}
    # The quote's post is read again in place: its span is gone, and the feed was not reloaded.
    qtbot.waitUntil(lambda: span not in (model.index(row).data(model.SpansRole) or [span]), timeout=5000)
    assert not resets and model.rowCount() == rows and model.row_of(quote.post_id) == row
    # The inspector and the counts follow; no whole snapshot was read for it.
    assert window.snapshot.quote_count == count - 1
    assert f"{count - 1} quotes" in window.counts_label.text()
    assert all(window.inspector.quote_model.quote(r).id != quote.id
               for r in range(window.inspector.quote_model.rowCount()))
    assert not snapshots


def test_activating_a_quote_scrolls_the_feed_to_its_span(qtbot, main_window):
    window = main_window
    model = window.feed.model
    post = next(p for p in map(model.post_at, range(model.rowCount())) if "Ryder" in p.body)
    start = post.body.index("“")
    with qtbot.waitSignal(model.located, timeout=10000):
        window.inspector.quoteActivated.emit(post.id, start, start + 20)
    row = model.row_of(post.id)
    assert window.feed.view.currentIndex().row() == row
    assert model.index(row).data(model.HighlightRole) == (start, start + 20)


def test_clicking_a_stop_searches_the_feed_for_it(qtbot, main_window):
    window = main_window
    window.route_bar.stopClicked.emit("Vladivostok")
    qtbot.waitUntil(lambda: window.feed.model.feed_filter.text == '"Vladivostok"'
                    and not window.feed.model.loading, timeout=5000)
    assert 0 < window.feed.model.rowCount() < 5


def test_layout_and_geometry_are_kept(qtbot, gui_settings, main_window):
    window = main_window
    window.docks["charts"].hide()
    window.close()
    assert gui_settings.value("window/state") is not None
    again = _window(qtbot, gui_settings)
    assert again.docks["charts"].isHidden()
    assert not again.docks["feed"].isHidden()


def test_panes_are_docks_that_can_be_closed_and_restored(main_window):
    window = main_window
    dock = window.docks["inspector"]
    dock.toggleViewAction().trigger()
    assert dock.isHidden()
    window.reset_layout()
    assert dock.isVisible()


def test_version_option():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_a_failing_source_is_shown_where_the_user_looks(qtbot, main_window, seeded_db):
    window = main_window
    # What the poller records when a source starts failing while the app runs.
    with sqlite3.connect(seeded_db) as conn:
        conn.execute("update sources set last_error = 'HTTP 500 from the server', "
                     "last_polled = '2023-09-11T10:00:00Z', last_status = 'error'")
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000):
        window.refresh_panes()
    assert "1 failing" in window.sources_label.text()
    assert "HTTP 500 from the server" in window.sources_label.toolTip()
    assert "polled" in window.sources_label.text()


def test_import_reads_files_in_the_writer_and_reports_bad_ones(qtbot, main_window, tmp_path):
    window = main_window
    good = tmp_path / "later.txt"
    good.write_text(" date 2023-09-12 Train crosses into Russia\nThe train crossed the border at "
                    "Khasan this morning, officials said.\n", encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    window.import_files([str(good), str(bad)])
    qtbot.waitUntil(lambda: window.feed.model.rowCount() > 5, timeout=10000)
    qtbot.waitUntil(lambda: hasattr(window, "warning_box") and window.warning_box.isVisible(),
                    timeout=10000)
    assert "empty.txt" in window.warning_box.text()
    window.warning_box.close()


def test_log_file_goes_to_the_state_directory(tmp_path):
    import logging

    from monitor.gui.app import setup_logging

    path = setup_logging(tmp_path / "state")
    try:
        logging.getLogger("monitor.test").warning("hello from the log test")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert path == tmp_path / "state" / "monitor.log"
        assert "hello from the log test" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_the_last_database_is_opened_again(gui_settings, tmp_path):
    from monitor.gui.app import last_database

    default = tmp_path / "default.db"
    assert last_database(gui_settings, default) == default
    other = tmp_path / "other.db"
    other.write_bytes(b"")
    gui_settings.setValue("last_db", str(other))
    assert last_database(gui_settings, default) == other
    other.unlink()
    assert last_database(gui_settings, default) == default  # gone: back to the default


def test_add_source_polls_it_and_bad_addresses_are_named(qtbot, main_window, tmp_path):
    window = main_window
    page = tmp_path / "live.txt"
    page.write_text(" date 2023-09-12 Train crosses into Russia\nThe train crossed the border at "
                    "Khasan this morning, officials said.\n", encoding="utf-8")
    window.add_source(str(page))
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 6, timeout=15000)
    qtbot.waitUntil(lambda: "2 sources" in window.sources_label.text(), timeout=10000)
    window.add_source("gopher://example.invalid/feed")
    qtbot.waitUntil(lambda: hasattr(window, "warning_box") and window.warning_box.isVisible(),
                    timeout=10000)
    assert "gopher" in window.warning_box.text()
    window.warning_box.close()


def test_the_inspector_lists_the_selected_speakers_quotes_newest_first(qtbot, main_window):
    window = main_window
    everyone, total = window.inspector_quotes()
    assert total == window.snapshot.quote_count and len(everyone) == total
    posts = window.snapshot.quote_posts
    times = [posts[q.post_id].published or posts[q.post_id].first_seen for q in everyone]
    assert times == sorted(times, reverse=True)  # newest post first
    peskov = next(s for s in window.snapshot.speakers if s.name == "Dmitry Peskov")
    window.inspector.speakerSelected.emit(peskov.id)
    # One speaker's quotes are read off the GUI thread, then listed.
    qtbot.waitUntil(lambda: bool(window.inspector_quotes()[0]), timeout=10000)
    shown, total = window.inspector_quotes()
    assert total == peskov.quote_count > 1 and len(shown) == total
    assert all(q.speaker_id == peskov.id for q in shown)
    assert window.inspector.quote_model.rowCount() == total
    window.inspector.speakerSelected.emit(None)
    assert window.inspector_quotes()[1] == window.snapshot.quote_count


def test_clicking_through_the_real_inspector(qtbot, main_window):
    """Select Peskov in the speaker table, then activate one of his quotes: the feed follows."""
    window = main_window
    inspector = window.inspector
    peskov = next(s for s in window.snapshot.speakers if s.name == "Dmitry Peskov")
    inspector.select_speaker(peskov.id)
    qtbot.waitUntil(lambda: window.feed.model.feed_filter.speaker_id == peskov.id, timeout=5000)
    qtbot.waitUntil(lambda: inspector.quote_model.rowCount() == peskov.quote_count, timeout=5000)
    quote = next(inspector.quote_model.quote(r) for r in range(inspector.quote_model.rowCount())
                 if inspector.quote_model.quote(r).field == "body")
    index = inspector.quote_proxy.mapFromSource(inspector.quote_model.index(
        next(r for r in range(inspector.quote_model.rowCount())
             if inspector.quote_model.quote(r).id == quote.id), 0))
    with qtbot.waitSignal(window.feed.model.located, timeout=10000):
        inspector.quote_view.activated.emit(index)
    model = window.feed.model
    row = model.row_of(quote.post_id)
    assert window.feed.view.currentIndex().row() == row
    assert model.index(row).data(model.HighlightRole) == (quote.start, quote.end)
    body = model.post_at(row).body
    assert body[quote.start:quote.end] == quote.text


def test_a_hidden_inspector_is_filled_when_shown_again(qtbot, main_window):
    window = main_window
    inspector = window.inspector
    before = inspector.quote_model.rowCount()
    assert before == window.snapshot.quote_count
    window.docks["inspector"].hide()
    quote = window.snapshot.quotes[0]
    with qtbot.waitSignal(window.quotesApplied, timeout=10000):
        window.inspector.rejectRequested.emit(quote.id)
    assert window.snapshot.quote_count == before - 1
    assert inspector.quote_model.rowCount() == before  # not refilled while hidden
    window.docks["inspector"].show()
    qtbot.waitUntil(lambda: inspector.quote_model.rowCount() == before - 1, timeout=5000)


def test_export_report_is_offered_only_with_a_renderer(main_window):
    import monitor.report

    has_renderer = callable(getattr(monitor.report, "render_report", None))
    assert main_window.act_report.isEnabled() == has_renderer
    assert main_window.features.report == has_renderer


def test_export_report_writes_the_replayed_moment(qtbot, main_window, tmp_path):
    window = main_window
    if not window.features.report:
        pytest.fail("the report renderer is part of this build")
    window.act_replay.setChecked(True)
    when = START + timedelta(days=1, hours=14)  # 11 Sep, 20:00 UTC
    with qtbot.waitSignal(window.snapshotApplied, timeout=10000, check_params_cb=lambda s: s.at == when):
        window.replay.set_as_of(when)
    out = tmp_path / "briefing.png"
    window.export_report(str(out))
    qtbot.waitUntil(lambda: "Report saved" in window.statusBar().currentMessage(), timeout=60000)
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 1600 and image.height() >= 1000


def test_a_merge_patches_the_speaker_list_in_place(qtbot, main_window):
    window = main_window
    speakers = window.inspector.speaker_model
    keep, gone = [s for s in window.snapshot.speakers if s.quote_count][:2]
    resets: list[bool] = []
    speakers.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(window.quotesApplied, timeout=10000) as applied:
        window.inspector.mergeRequested.emit(keep.id, gone.id)
    assert applied.args[0].speakers_removed == {gone.id}
    assert speakers.row_of(gone.id) is None
    merged = speakers.speaker(speakers.row_of(keep.id))
    assert merged.quote_count == keep.quote_count + gone.quote_count
    assert not resets  # patched, not rebuilt
    with Monitor(window.db_path) as monitor:
        assert monitor.quotes.speaker(gone.id) is None
        assert monitor.quotes.speaker(keep.id).quote_count == merged.quote_count


def test_a_poll_that_stored_nothing_updates_the_status_bar_without_a_snapshot(qtbot, main_window,
                                                                               seed_path):
    window = main_window
    with Monitor(window.db_path) as monitor:
        source = monitor.add_source(seed_path)
        (first,) = monitor.poll_once(source.id)  # the seed's posts are stored already
        (quiet,) = monitor.poll_once(source.id)  # the same bytes again
    assert not first.changes.posts and not quiet.changes.posts and quiet.changes.sources == {source.id}
    snapshots: list[object] = []
    window.snapshotApplied.connect(snapshots.append)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        window._polled([quiet])
    assert any(s.source.id == source.id for s in window.snapshot.sources)
    assert "polled" in window.sources_label.text()
    qtbot.wait(window._panes_settle.interval() + 200)
    assert not snapshots  # the panes were not read again for it


def test_the_app_hands_the_interpreter_lock_to_its_threads_within_a_millisecond():
    """A read thread gives the interpreter lock up at every row SQLite steps through; at Python's
    default 5 ms hand-over it waited that long each time the GUI thread held the lock."""
    import sys

    from monitor.gui.app import SWITCH_INTERVAL_S

    make_application([])
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert SWITCH_INTERVAL_S <= 0.001
