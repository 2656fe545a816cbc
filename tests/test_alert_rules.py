"""Alert rules in the store: matched against the posts already stored and those that come later,
by words, a speaker and a source; hits kept until dismissed, unread while their post is."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import add_posts

from monitor.model import parse_iso
from monitor.model.alerts import AlertRule, AlertRuleError
from monitor.service import Monitor


def _post(guid: str, title: str, body: str, when: str) -> dict:
    return {"guid": guid, "title": title, "body": body, "published": parse_iso(when),
            "published_precision": "minute"}


def test_rules_match_stored_and_new_posts(seeded_db):
    with Monitor(seeded_db) as monitor:
        stored = {int(r[0]) for r in monitor.db.execute(
            "select rowid from posts_fts where posts_fts match 'Khasan'")}
        assert stored
        rule_id, changes = monitor.save_alert_rule(AlertRule(None, "Border", query="Khasan", sound=True))
        assert changes.alerts
        hits = monitor.alerts.hits()
        assert {h.post_id for h in hits} == stored and all(h.rule_name == "Border" for h in hits)
        # A hit is unread while its post is; reading them all empties the count, not the list.
        assert monitor.alerts.counts() == (len(stored), len(monitor.reads.unread_among(sorted(stored))))
        monitor.reads.mark_all_read()
        assert monitor.alerts.counts() == (len(stored), 0)
        assert not any(h.fresh for h in hits)
        # Nothing new, nothing found again.
        assert monitor.scan_alerts() == []
    new = add_posts(seeded_db, [
        _post("n1", "Train reaches Khasan", "The train is at Khasan.", "2023-09-12T08:00:00Z"),
        _post("n2", "Weather", "Rain in Vladivostok.", "2023-09-12T08:05:00Z")])
    with Monitor(seeded_db) as monitor:
        found = monitor.scan_alerts()
        assert [(h.rule_id, h.post_id) for h in found] == [(rule_id, new[0])]
        assert found[0].fresh and found[0].unread and found[0].sound
        assert found[0].title == "Train reaches Khasan"
        assert monitor.alerts.counts() == (len(stored) + 1, 1)
        # Reading the post reads the hit; dismissing it takes it out of the inbox for good.
        monitor.reads.set_read([new[0]])
        assert monitor.alerts.counts() == (len(stored) + 1, 0)
        monitor.dismiss_alerts([(rule_id, new[0])])
        assert new[0] not in {h.post_id for h in monitor.alerts.hits()}
        monitor.dismiss_alerts()
        assert monitor.alerts.counts() == (0, 0)


def test_speaker_and_source_rules(seeded_db):
    with Monitor(seeded_db) as monitor:
        peskov = {int(r[0]) for r in monitor.db.execute(
            "select distinct q.post_id from quotes q join speakers s on s.id = q.speaker_id "
            "where s.name = 'Dmitry Peskov' and q.status = 'active'")}
        assert peskov
        monitor.save_alert_rule(AlertRule(None, "Peskov", speaker="dmitry peskov", highlight=False))
        assert {h.post_id for h in monitor.alerts.hits()} == peskov
        source = monitor.sources.all()[0]
        total = monitor.db.execute("select count(*) from posts where source_id = ?",
                                   [source.id]).fetchone()[0]
        rule_id, _ = monitor.save_alert_rule(AlertRule(None, "Source", source_id=source.id))
        assert sum(1 for h in monitor.alerts.hits(limit=10_000) if h.rule_id == rule_id) == total
        # Changing a rule reads the posts again with the new search.
        monitor.save_alert_rule(AlertRule(rule_id, "Source", query="Khasan", source_id=source.id))
        changed = [h for h in monitor.alerts.hits() if h.rule_id == rule_id]
        assert 0 < len(changed) < total
        monitor.delete_alert_rule(rule_id)
        assert all(h.rule_id != rule_id for h in monitor.alerts.hits())


def test_bad_rules_are_named(db_path):
    with Monitor(db_path) as monitor:
        with pytest.raises(AlertRuleError, match="needs a name"):
            monitor.save_alert_rule(AlertRule(None, " ", query="x"))
        with pytest.raises(AlertRuleError, match="'Empty': give words, a speaker or a source"):
            monitor.save_alert_rule(AlertRule(None, "Empty"))
        with pytest.raises(AlertRuleError, match="nothing to search for"):
            monitor.save_alert_rule(AlertRule(None, "Marks", query='"" ***'))
        assert monitor.alerts.rules() == []


def test_deleting_a_source_with_its_posts_takes_their_hits(seeded_db):
    with Monitor(seeded_db) as monitor:
        monitor.save_alert_rule(AlertRule(None, "Border", query="Khasan"))
        source = monitor.sources.all()[0]
        monitor.remove_source(source.id, keep_posts=False)
    con = sqlite3.connect(seeded_db)
    assert con.execute("select count(*) from alert_hits where post_id not in (select id from posts)"
                       ).fetchone()[0] == 0
