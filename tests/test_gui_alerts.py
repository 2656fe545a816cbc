"""Alert rules and the Alerts dock on a real window and database: a rule reads the stored posts
and new ones, marks them in the feed, notifies and sounds for new ones; opening a hit reads it
(the title's count drops); dismissed hits stay dismissed."""

from __future__ import annotations

import re
import sqlite3

from conftest import add_posts

from monitor.gui.feed_model import FeedModel
from monitor.model import parse_iso
from monitor.service import Monitor


def _title_count(window) -> int:
    found = re.match(r"\((\d+) alerts?\)", window.windowTitle())
    return int(found.group(1)) if found else 0


def _save_rule(qtbot, window, name: str, query: str = "", speaker: str = "", sound: bool = False):
    window.act_rules.trigger()
    dialog = window.alerts_pane.rules_dialog
    dialog.new_rule()
    dialog.name.setText(name)
    dialog.query.setText(query)
    dialog.speaker.setText(speaker)
    dialog.sound.setChecked(sound)
    with qtbot.waitSignal(window.alertsApplied, timeout=10000):
        dialog.save_button.click()
    return dialog


def test_alert_rules_inbox_and_title(qtbot, main_window):
    window = main_window
    window.set_keywords(())  # the rule alone (a keyword would count the same post too)
    pane = window.alerts_pane
    assert "No alert rules yet" in pane.summary.text()
    con = sqlite3.connect(window.db_path)
    khasan = {r[0] for r in con.execute("select rowid from posts_fts where posts_fts match 'Khasan'")}
    unread = {r[0] for r in con.execute(
        "select id from posts where id not in (select post_id from post_reads)")}
    dialog = _save_rule(qtbot, window, "Border", query="Khasan", sound=True)
    # Posts already stored are listed; unread ones count in the title; none is news. (The
    # signal waited for may be an earlier application still in flight on a loaded machine.)
    qtbot.waitUntil(lambda: {h.post_id for h in pane.inbox.hits} == khasan, timeout=10000)
    assert pane.unread == len(khasan & unread) and _title_count(window) == pane.unread
    assert window.notifier.sent == [] and window.notifier.beeps == 0
    assert pane.tree.topLevelItemCount() == len(khasan)
    # The feed marks the matched posts with the rule's name.
    model = window.feed.model
    marked = {model.post_id_at(r) for r in range(model.rowCount())
              if "Border" in model.data(model.index(r), FeedModel.AlertRole)}
    loaded = {model.post_id_at(r) for r in range(model.rowCount())}
    assert marked == khasan & loaded and marked
    dialog.close()

    # A new post: found, announced, sounded, counted.
    before = pane.unread
    new = add_posts(window.db_path, [{"guid": "k1", "title": "Train leaves Khasan",
                                      "body": "It left Khasan.", "published_precision": "minute",
                                      "published": parse_iso("2023-09-13T09:00:00Z")}])
    with qtbot.waitSignal(window.alertsApplied, timeout=15000):
        window.after_new_posts()
    qtbot.waitUntil(lambda: pane.unread == before + 1, timeout=10000)
    assert window.notifier.beeps == 1 and "Border" in window.notifier.sent[-1][0]
    assert _title_count(window) == before + 1

    # Opening the hit reads it: the title's count drops, the hit stays listed (not bold).
    item = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                if pane.tree.topLevelItem(i).data(0, 256)[1] == new[0])
    assert item.font(1).bold()
    with qtbot.waitSignal(window.alertsApplied, timeout=10000):
        pane.open_hit(item)
    qtbot.waitUntil(lambda: pane.unread == before, timeout=10000)
    assert _title_count(window) == before
    assert new[0] in {h.post_id for h in pane.inbox.hits}

    # Dismissed hits leave the inbox, and stay gone in the database.
    item = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                if pane.tree.topLevelItem(i).data(0, 256)[1] == new[0])
    item.setSelected(True)
    with qtbot.waitSignal(window.alertsApplied, timeout=10000):
        pane.dismiss_button.click()
    assert new[0] not in {h.post_id for h in pane.inbox.hits}
    with Monitor(window.db_path, readonly=True) as monitor:
        assert new[0] not in {h.post_id for h in monitor.alerts.hits()}
    with qtbot.waitSignal(window.alertsApplied, timeout=10000):
        pane.dismiss_all_button.click()
    assert pane.inbox.hits == [] and _title_count(window) == 0


def test_a_speaker_rule_and_a_bad_rule(qtbot, main_window):
    window = main_window
    pane = window.alerts_pane
    dialog = _save_rule(qtbot, window, "Peskov", speaker="Dmitry Peskov")
    qtbot.waitUntil(lambda: bool(pane.inbox.hits), timeout=10000)
    assert all(h.rule_name == "Peskov" for h in pane.inbox.hits)
    # Saving again changes the same rule (no second one).
    dialog.query.setText("talks")
    dialog.save_button.click()
    # (waiting for the inbox itself: an apply still running from the first save may signal first)
    qtbot.waitUntil(lambda: [r.query for r in pane.inbox.rules] == ["talks"], timeout=10000)
    dialog.new_rule()
    dialog.name.setText("Nothing")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "give words, a speaker or a source" in dialog.error.text(), timeout=10000)
    assert len(pane.inbox.rules) == 1


def test_a_refreshed_rule_list_keeps_the_error_of_the_last_save(qtbot, main_window):
    # A background scan refreshes the list after a save failed: the reason stays on screen
    # until the user saves again or chooses another rule.
    window = main_window
    dialog = _save_rule(qtbot, window, "Peskov", speaker="Dmitry Peskov")
    # (waiting for the inbox itself: an apply from the window's first scan may signal first)
    qtbot.waitUntil(lambda: len(window.alerts_pane.inbox.rules) == 1, timeout=10000)
    rules = list(window.alerts_pane.inbox.rules)
    dialog.new_rule()
    dialog.show_error("alert rule 'Nothing': give words, a speaker or a source to look for")
    dialog.set_rules(rules)
    assert "give words" in dialog.error.text()
    dialog.list.setCurrentRow(0)
    assert dialog.error.text() == ""


def test_reading_in_the_feed_reads_the_alert(qtbot, main_window):
    window = main_window
    pane = window.alerts_pane
    _save_rule(qtbot, window, "Border", query="Khasan").close()
    qtbot.waitUntil(lambda: pane.unread > 0, timeout=10000)
    window.mark_all_read()
    # (waiting for the counts themselves: an apply still running from the save may signal first)
    qtbot.waitUntil(lambda: pane.unread == 0 and _title_count(window) == 0, timeout=10000)
    assert pane.inbox.hits


def test_a_post_found_by_a_keyword_and_a_rule_counts_once(qtbot, main_window):
    window = main_window
    pane = window.alerts_pane
    _save_rule(qtbot, window, "Border", query="Khasan").close()
    qtbot.waitUntil(lambda: pane.unread > 0, timeout=10000)
    window.mark_all_read()
    qtbot.waitUntil(lambda: pane.unread == 0, timeout=10000)
    add_posts(window.db_path, [{"guid": "k2", "title": "Khasan again", "body": "Khasan.",
                                "published": parse_iso("2023-09-13T10:00:00Z"),
                                "published_precision": "minute"}])
    window.after_new_posts()
    qtbot.waitUntil(lambda: window.alert_count == 1 and pane.unread == 1, timeout=15000)
    assert _title_count(window) == 1
