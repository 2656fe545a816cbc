"""The Sources dock on a real database: each source's state and warning, adding with an
interval, disabling, renaming, and removing with its posts kept or deleted."""

from __future__ import annotations

import sqlite3

from _feedserver import GrowingFeed, Item, send
from PySide6.QtWidgets import QDialog, QMessageBox

from monitor.gui.sources_dock import FAILING_COLOR, TIER_CHOICES


def _row_of(pane, url: str) -> int:
    return next(i for i, s in enumerate(pane.states) if s.source.url == url)


def _cell(pane, url: str, column: int) -> str:
    return pane.table.item(_row_of(pane, url), column).text()


def test_sources_dock_adds_warns_disables_renames_and_removes(qtbot, main_window, server):
    window = main_window
    pane = window.sources_pane
    assert window.docks["sources"].toggleViewAction() in window.menuBar().actions()[1].menu().actions()
    seed_rows = len(pane.states)
    assert seed_rows >= 1 and all(_cell(pane, s.source.url, 2) == "not polled" for s in pane.states)

    good = server.route("/feed", GrowingFeed(items=[Item(f"g{i}", f"Border news {i}", f"Body {i}.")
                                                    for i in range(3)]))
    broken = server.route("/broken", lambda h: send(h, 500, b"down"))
    # File → Add source asks for the address and the interval.
    for url, interval in ((good, 120), (broken, 45)):
        window.act_add_source.trigger()
        dialog = pane.dialog
        assert dialog.interval.value() == pane.default_interval
        dialog.address.setText(url)
        dialog.interval.setValue(interval)
        dialog.done(QDialog.DialogCode.Accepted)
        qtbot.waitUntil(lambda url=url: any(s.source.url == url and s.source.last_polled
                                            for s in pane.states), timeout=15000)
    qtbot.waitUntil(lambda: any(s.source.url == good and s.post_count == 3 for s in pane.states),
                    timeout=15000)
    assert _cell(pane, good, 2) == "ok" and _cell(pane, good, 6) == "2 min"
    assert _cell(pane, broken, 2) == "failing" and _cell(pane, broken, 6) == "45 s"
    warning = _cell(pane, broken, 7)
    assert warning.startswith("⚠ failing:") and "500" in warning
    assert pane.table.item(_row_of(pane, broken), 7).foreground().color() == FAILING_COLOR
    assert "1 needs a look" in pane.summary.text()

    # Disable and enable.
    pane.select(pane.states[_row_of(pane, broken)].source.id)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        pane.enable_button.click()
    assert _cell(pane, broken, 2) == "disabled" and pane.enable_button.text() == "Enable"
    # Rename: the filter of the feed follows.
    pane.select(pane.states[_row_of(pane, good)].source.id)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        pane.ask_rename("Border desk")
    assert _cell(pane, good, 0) == "Border desk"
    combo = window.feed.sources
    assert any(combo.itemText(i).startswith("Border desk") for i in range(combo.count()))

    # Remove, keeping posts: asked first; the posts stay, the source is no longer polled.
    pane.select(pane.states[_row_of(pane, good)].source.id)
    pane.remove_button.click()
    box = pane.dialog
    assert isinstance(box, QMessageBox) and "3 posts" in box.text()
    with qtbot.waitSignal(window.sourcesChanged, timeout=10000):
        box.findChild(type(box.buttons()[0]), "keepPosts").click()
    qtbot.waitUntil(lambda: _cell(pane, good, 2) == "not polled", timeout=10000)
    total = window.feed.model.rowCount()

    # Remove, deleting posts: they leave the feed and the database.
    added = server.route("/more", GrowingFeed(items=[Item("m1", "Extra post", "Extra body.")]))
    window.add_source(added, 60)
    qtbot.waitUntil(lambda: any(s.source.url == added and s.post_count == 1 for s in pane.states),
                    timeout=15000)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == total + 1, timeout=10000)
    pane.select(pane.states[_row_of(pane, added)].source.id)
    pane.ask_remove()
    with qtbot.waitSignal(window.sourcesChanged, timeout=10000):
        pane.dialog.findChild(type(pane.dialog.buttons()[0]), "deletePosts").click()
    qtbot.waitUntil(lambda: all(s.source.url != added for s in pane.states), timeout=10000)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == total, timeout=10000)
    con = sqlite3.connect(window.db_path)
    assert con.execute("select count(*) from posts where title = 'Extra post'").fetchone()[0] == 0


def test_cancelling_a_removal_changes_nothing(qtbot, main_window):
    pane = main_window.sources_pane
    pane.select(pane.states[0].source.id)
    pane.ask_remove()
    pane.dialog.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert pane.states and pane.states[0].post_count > 0


def test_a_tier_set_in_the_dock_is_kept_and_shown(qtbot, main_window):
    window = main_window
    pane = window.sources_pane
    source = pane.states[0].source
    assert _cell(pane, source.url, 1) == ""
    pane.select(source.id)
    pane.ask_tier()
    dialog = pane.dialog
    assert dialog.comboBoxItems() == list(TIER_CHOICES)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        dialog.textValueSelected.emit("primary")
    assert _cell(pane, source.url, 1) == "primary"
    feed = window.feed.model  # the feed's rows are read again with the tier
    qtbot.waitUntil(lambda: feed.rowCount() > 0 and feed.post_at(0) is not None
                    and feed.post_at(0).source_tier == "primary", timeout=10000)
    with sqlite3.connect(window.db_path) as db:
        assert db.execute("select tier from sources where id = ?", [source.id]).fetchone()[0] == "primary"
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        pane.ask_tier("(none)")
    assert _cell(pane, source.url, 1) == ""
