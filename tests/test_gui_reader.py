"""The window as a reader lives in it: databases one after another, exports while closing,
read state that lasts, keys, the original of a post."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import add_posts
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QTableWidget

from monitor.gui.app import make_application
from monitor.gui.formatting import local_time, row_time
from monitor.gui.main_window import MainWindow
from monitor.gui.post_diff import word_diff
from monitor.service import Monitor

START = datetime(2023, 9, 10, 6, 0, tzinfo=UTC)


def _window(qtbot, settings, width: int = 1400) -> MainWindow:
    make_application([])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(width, 900)
    window.show()
    return window


def _open(qtbot, window: MainWindow, path: Path, **kwargs) -> None:
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(path, **kwargs)


def _posts(count: int, start: datetime = START, prefix: str = "Post") -> list[dict]:
    return [{"guid": f"{prefix}-{i}", "title": f"{prefix} {i}", "body": f"Body of {prefix.lower()} {i}.",
             "published": start + timedelta(minutes=10 * i),
             "published_precision": "minute"} for i in range(count)]


# -- one database after another ------------------------------------------------------------------


def test_opening_a_new_database_then_importing_never_starts_a_hidden_replay(qtbot, gui_settings, tmp_path,
                                                                             seeded_db, seed_path):
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, seeded_db)
    fresh = tmp_path / "fresh.db"
    _open(qtbot, window, fresh, create=True)
    qtbot.wait(400)  # longer than the replay slider's settle time
    window.import_files([str(seed_path)])
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 5, timeout=20000)
    qtbot.wait(400)
    qtbot.waitUntil(lambda: "5 posts" in window.counts_label.text(), timeout=10000)
    assert window.as_of is None
    assert "replay" not in window.windowTitle()
    assert not window.act_replay.isChecked() and window.replay_bar.isHidden()
    assert window.feed.model.feed_filter.as_of is None
    assert window.feed.model.total == 5
    window.runner.shutdown()


def test_nothing_of_the_previous_database_is_shown_after_opening_another(qtbot, gui_settings, tmp_path,
                                                                          seeded_db):
    other = tmp_path / "other.db"
    add_posts(other, _posts(3, prefix="Other"), source_key="test:other")
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, seeded_db)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 5, timeout=10000)
    add_posts(seeded_db, _posts(1, START + timedelta(days=5), prefix="Kim arrived"))
    window.feed.refresh()
    qtbot.waitUntil(lambda: window.feed.model.unread_count() == 6, timeout=10000)
    source_id = window.snapshot.sources[0].source.id
    window.feed.set_source_filter(source_id)
    window.feed.set_search("Kim")
    window.alert_count = 2
    window.act_replay.setChecked(True)
    assert window.charts.speakers_plot.getPlotItem().titleLabel.text
    _open(qtbot, window, other)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 3, timeout=10000)
    assert window.feed.search.text() == ""
    assert [window.feed.sources.itemText(i) for i in range(window.feed.sources.count())] == \
        ["All sources (3)", "Test feed (3)"]
    assert window.feed.sources.currentIndex() == 0
    # Only this database's own unread posts (its three, never stored as read) are counted.
    assert window.feed.model.unread_count() == 3
    qtbot.waitUntil(lambda: window.feed.status.text() == "3 posts · 3 unread", timeout=10000)
    assert window.alert_count == 0 and "alert" not in window.windowTitle()
    assert window.as_of is None and not window.act_replay.isChecked() and window.replay_bar.isHidden()
    qtbot.waitUntil(lambda: window.charts.is_empty("speakers"), timeout=10000)
    assert window.charts._titles["speakers"] == "Quotes per speaker"
    assert window.charts._titles["posts"] == "Posts per hour"  # not the seed's "5 with date only"
    assert "3 posts" in window.counts_label.text()
    window.runner.shutdown()


# -- closing during an export --------------------------------------------------------------------


def test_closing_during_an_export_neither_blocks_nor_loses_the_report(qtbot, main_window, tmp_path):
    window = main_window
    out = tmp_path / "closing.png"
    window.export_report(str(out))
    window.close()  # while the report is being read: the old code deadlocked here until a timeout
    QApplication.processEvents()
    assert out.is_file() and out.stat().st_size > 0
    assert not window.runner.busy


def test_a_missing_database_is_not_created_by_opening_it(qtbot, gui_settings, tmp_path):
    window = _window(qtbot, gui_settings)
    missing = tmp_path / "typo" / "nope.db"
    with qtbot.waitSignal(window.openFailed, timeout=15000) as blocker:
        window.open_database(missing)
    assert "no such database" in blocker.args[0]
    assert not missing.exists() and not missing.parent.exists()
    window.error_box.close()
    window.runner.shutdown()


@pytest.mark.parametrize("width", [800, 1600])
def test_a_long_source_title_leaves_the_search_box_room(qtbot, gui_settings, tmp_path, width):
    db = tmp_path / "long.db"
    with Monitor(db) as monitor:
        sid = monitor.posts.ensure_source("test:long", "test", "test:long/feed", "A" * 20 + " very" * 60)
        from monitor.model import ParsedPost
        monitor.posts.ingest(sid, [ParsedPost(**p) for p in _posts(2)])
    window = _window(qtbot, gui_settings, width)
    _open(qtbot, window, db)
    qtbot.waitUntil(lambda: window.feed.sources.count() == 2, timeout=10000)
    qtbot.wait(50)
    search = window.feed.search
    wide = search.fontMetrics().horizontalAdvance("Search posts (Ctrl+F)")
    assert search.width() >= wide
    assert window.feed.sources.width() <= window.feed.width() // 2
    window.runner.shutdown()


# -- undated posts and other years -----------------------------------------------------------------


def test_an_undated_post_says_undated_not_just_now(qtbot, gui_settings, seeded_db):
    add_posts(seeded_db, [{"guid": "no-date", "title": "A post with no date", "body": "Text."}])
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, seeded_db)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == 6, timeout=10000)
    model = window.feed.model
    row = next(r for r in range(6) if model.post_at(r).guid == "no-date")
    post = model.post_at(row)
    assert row_time(post.published, post.published_precision, model.now()) == "undated"
    assert "undated" in model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
    dated = model.post_at(next(r for r in range(6) if r != row))
    assert "2023" in row_time(dated.published, dated.published_precision, model.now())
    window.runner.shutdown()


def test_times_of_another_year_show_the_year():
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert "2023" in local_time(datetime(2023, 9, 11, 12, 0, tzinfo=UTC), "minute", now)
    assert "2026" not in local_time(datetime(2026, 9, 11, 12, 0, tzinfo=UTC), "minute", now)
    assert "2023" in row_time("2023-09-11T12:00:00Z", "minute", now)
    assert row_time(None, None, now) == "undated"


# -- read state that lasts -------------------------------------------------------------------------


def _select(qtbot, window: MainWindow, guid: str) -> int:
    model = window.feed.model
    row = next(r for r in range(model.rowCount()) if model.post_at(r).guid == guid)
    window.feed.select_row(row)
    return model.post_at(row).id


def test_read_state_is_kept_in_the_database_and_counted_per_source(qtbot, gui_settings, tmp_path):
    db = tmp_path / "reads.db"
    add_posts(db, _posts(4, prefix="Alpha"), source_key="test:alpha")
    add_posts(db, _posts(2, prefix="Beta"), source_key="test:beta")
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, db)
    feed = window.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() == 6, timeout=10000)
    assert feed.unread_count() == 6 and "6 unread" in feed.status.text()
    labels = [feed.sources.itemText(i) for i in range(feed.sources.count())]
    assert labels[0] == "All sources (6)" and any(label.endswith("(4)") for label in labels)
    read_id = _select(qtbot, window, "Alpha-3")  # selecting a post reads it
    window.act_toggle_read.trigger()  # M: unread again
    assert feed.model.is_unread(read_id)
    window.act_toggle_read.trigger()  # M: read
    assert not feed.model.is_unread(read_id)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    assert feed.unread_count() == 5
    with Monitor(db, readonly=True) as monitor:
        assert monitor.reads.unread_among([read_id]) == set()
        assert sum(monitor.reads.unread_counts().values()) == 5
    window.close()
    # Another window on the same file finds the same marks.
    again = _window(qtbot, gui_settings)
    _open(qtbot, again, db)
    qtbot.waitUntil(lambda: again.feed.model.rowCount() == 6, timeout=10000)
    assert not again.feed.model.is_unread(read_id)
    assert again.feed.unread_count() == 5 and "5 unread" in again.feed.status.text()
    again.act_read.trigger()  # mark all read
    qtbot.waitUntil(lambda: not again.runner.busy, timeout=10000)
    assert again.feed.unread_count() == 0 and again.feed.sources.itemText(0) == "All sources"
    with Monitor(db, readonly=True) as monitor:
        assert monitor.reads.unread_counts() == {}
    again.runner.shutdown()


def test_n_goes_to_the_next_unread_post_and_space_pages_then_jumps(qtbot, gui_settings, tmp_path):
    db = tmp_path / "next.db"
    ids = add_posts(db, _posts(150))
    with Monitor(db) as monitor:  # everything read but two posts far down the list
        monitor.reads.mark_all_read()
        monitor.reads.set_read([ids[3], ids[1]], False)
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, db)
    feed = window.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() >= 100, timeout=10000)
    feed.select_row(0)
    window.act_next_unread.trigger()  # N: "Post 3" is below the first page
    qtbot.waitUntil(lambda: feed.current_post() is not None and feed.current_post().guid == "Post-3",
                    timeout=10000)
    feed.view.scrollToBottom()
    qtbot.waitUntil(lambda: feed.view.verticalScrollBar().value() == feed.view.verticalScrollBar().maximum(),
                    timeout=5000)
    window.act_page.trigger()  # Space at the end of the list: the next unread
    qtbot.waitUntil(lambda: feed.current_post() is not None and feed.current_post().guid == "Post-1",
                    timeout=10000)
    feed.select_row(0)
    feed.view.scrollToTop()
    before = feed.view.verticalScrollBar().value()
    window.act_page.trigger()  # Space in the middle of the list: a page down
    assert feed.view.verticalScrollBar().value() > before
    window.runner.shutdown()


# -- keys -------------------------------------------------------------------------------------------


def test_every_shortcut_is_in_a_menu_the_help_and_the_docs(main_window):
    window = main_window
    in_menus = {id(a) for m in window.menuBar().actions() for a in m.menu().actions()}
    keyed = [a for a in window.actions() if not a.shortcut().isEmpty()]
    assert keyed and all(id(a) in in_menus for a in keyed), [a.text() for a in keyed if id(a) not in in_menus]
    listed = dict(window.shortcuts())
    for key in ("Return", "Esc", "M", "N", "Space", "Ctrl+O", "J", "K", "F1", "Shift+Esc"):
        assert key in listed, key
    window.show_shortcuts()
    table = window.shortcuts_box.findChild(QTableWidget)
    assert table.rowCount() == len(listed)
    assert "Next unread post" in [table.item(r, 1).text() for r in range(table.rowCount())]
    window.shortcuts_box.close()
    docs = (Path(__file__).resolve().parent.parent / "docs" / "gui.md").read_text(encoding="utf-8")
    for key in listed:
        assert f"`{key}`" in docs, f"{key} is not in docs/gui.md"


def test_enter_opens_the_selected_post_and_esc_clears_the_search(qtbot, main_window):
    window = main_window
    feed = window.feed
    feed.select_row(1)
    feed.view.setFocus()
    qtbot.keyClick(feed.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(feed, "post_dialog", None) is not None and feed.post_dialog.isVisible(),
                    timeout=5000)
    assert feed.post_dialog._current.id == feed.current_post().id
    feed.post_dialog.close()
    feed.search.setFocus()
    qtbot.keyClicks(feed.search, "Kremlin")
    qtbot.keyClick(feed.search, Qt.Key.Key_Escape)
    assert feed.search.text() == ""


# -- the original ------------------------------------------------------------------------------------


def test_word_diff_marks_the_words_an_edit_added_and_removed():
    runs = word_diff("The train left at dawn for Khasan.", "The armoured train left Pyongyang at dawn.")
    assert "".join(t for k, t in runs if k != "removed") == "The armoured train left Pyongyang at dawn."
    assert "".join(t for k, t in runs if k != "added") == "The train left at dawn for Khasan."
    assert ("added", " armoured") in runs and any(k == "added" and "Pyongyang" in t for k, t in runs)
    assert any(k == "removed" and "Khasan." in t for k, t in runs)


@pytest.mark.parametrize(("url", "opens"), [
    ("https://www.bbc.co.uk/news/live/x", True), ("http://example.org/a", True),
    ("javascript:alert(1)", False), ("file:///etc/passwd", False), ("ftp://example.org/x", False),
    ("https://", False), (None, False),
])
def test_only_web_addresses_are_handed_to_the_browser(url, opens):
    from monitor.gui.feed_pane import original_link
    from monitor.model import Post

    post = Post(1, 1, "g", 1, "t", None, None, "b", None, None, "2023-09-11T00:00:00Z", None, "h", url)
    assert (original_link(post) is not None) == opens


class _Browser(QObject):
    """Stands in for the system browser: Qt hands it the address QDesktopServices would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:  # noqa: A003 - the handler's name
        self.opened.append(url.toString())


def test_the_post_dialog_shows_source_time_link_and_each_edit_word_by_word(qtbot, gui_settings, tmp_path):
    db = tmp_path / "edits.db"
    first = {"guid": "e", "title": "Train leaves", "body": "The train left at dawn for Khasan.",
             "published": START, "published_precision": "minute", "url": "https://example.org/live#e"}
    add_posts(db, [first])
    add_posts(db, [dict(first, body="The armoured train left Pyongyang at dawn.")])
    window = _window(qtbot, gui_settings)
    _open(qtbot, window, db)
    feed = window.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() == 1, timeout=10000)
    feed.select_row(0)
    window.act_open_post.trigger()
    qtbot.waitUntil(lambda: getattr(feed, "post_dialog", None) is not None
                    and feed.post_dialog.versions.count() == 2, timeout=10000)
    dialog = feed.post_dialog
    meta = dialog.meta.text()
    assert "Test feed" in meta and "published 2023-09-10 06:00" in meta
    assert "https://example.org/live#e" in meta
    assert dialog.versions.item(0).text().startswith("Current (updated)")
    assert not dialog.changes_holder.isHidden()
    changes = dialog.changes.document()
    assert "Pyongyang" in dialog.changes_text() and "Khasan." in dialog.changes_text()
    struck = [b.text() for b in _fragments(changes) if b.charFormat().fontStrikeOut()]
    underlined = [b.text() for b in _fragments(changes) if b.charFormat().fontUnderline()]
    assert any("Khasan." in t for t in struck) and any("Pyongyang" in t for t in underlined)
    dialog.versions.setCurrentRow(1)  # the first version has none before it
    assert dialog.changes_holder.isHidden()
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        dialog.open_button.click()
        window.act_open_original.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == ["https://example.org/live#e"] * 2
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "https://example.org/live#e"
    dialog.close()
    window.runner.shutdown()


def _fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                yield fragment
            it += 1
        block = block.next()
