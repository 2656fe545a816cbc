"""Managing sources: remove (keeping or deleting posts), disable, enable, rename, interval; a bare
web address taken as https; each source's posts per day and its warning (failing, stale, silent)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from _feedserver import GrowingFeed, Item, send
from click.testing import CliRunner

from monitor.cli import cli
from monitor.model import Source
from monitor.model.health import assess
from monitor.service import Monitor


def _feed(n: int) -> GrowingFeed:
    return GrowingFeed(items=[Item(f"g{i}", f"Headline {i}", f"Body {i}. “We are late,” said Ivan Petrov.")
                              for i in range(n)])


def _run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def _listing(db_path) -> dict[str, dict]:
    out = _run(db_path, "sources", "--json")
    assert out.exit_code == 0, out.output
    return {r["url"]: r for r in map(json.loads, out.output.splitlines())}


def test_remove_needs_a_choice_and_keeps_or_deletes_posts(server, db_path):
    keep = server.route("/keep", _feed(3))
    drop = server.route("/drop", _feed(4))
    assert _run(db_path, "sources", "add", keep, drop).exit_code == 0
    assert _run(db_path, "watch", "--once").exit_code == 0
    ids = {url: row["id"] for url, row in _listing(db_path).items()}

    unsure = _run(db_path, "sources", "remove", str(ids[keep]))
    assert unsure.exit_code == 2 and "--keep-posts or --delete-posts" in unsure.output
    assert _listing(db_path)[keep]["subscribed"]  # nothing happened

    kept = _run(db_path, "sources", "remove", f"#{ids[keep]}", "--keep-posts")
    assert kept.exit_code == 0 and "posts are kept" in kept.output
    deleted = _run(db_path, "sources", "remove", drop, "--delete-posts")
    assert deleted.exit_code == 0 and "with its 4 posts" in deleted.output

    rows = _listing(db_path)
    assert drop not in rows
    assert rows[keep]["posts"] == 3 and not rows[keep]["subscribed"] and rows[keep]["state"] == "not polled"
    con = sqlite3.connect(db_path)
    assert con.execute("select count(*) from posts").fetchone()[0] == 3
    # Nothing of the deleted posts is left behind (quotes, read marks, search index).
    assert con.execute("select count(*) from quotes where post_id not in (select id from posts)"
                       ).fetchone()[0] == 0
    assert con.execute("select count(*) from post_reads where post_id not in (select id from posts)"
                       ).fetchone()[0] == 0
    assert con.execute("select count(*) from posts_fts").fetchone()[0] == 3
    with Monitor(db_path) as monitor:
        assert monitor.sources.pollable() == []
    missing = _run(db_path, "sources", "remove", "999", "--delete-posts")
    assert missing.exit_code == 1 and "999: no such source" in missing.output


def test_disable_enable_rename_and_interval(server, db_path):
    url = server.route("/feed", _feed(2))
    assert _run(db_path, "sources", "add", url).exit_code == 0
    assert _run(db_path, "sources", "disable", url).exit_code == 0
    assert _listing(db_path)[url]["state"] == "disabled"
    with Monitor(db_path) as monitor:
        assert monitor.sources.pollable() == []
    assert _run(db_path, "sources", "enable", url).exit_code == 0
    renamed = _run(db_path, "sources", "rename", url, "Night desk")
    assert renamed.exit_code == 0 and "Night desk" in renamed.output
    assert _run(db_path, "sources", "set", "Night desk", "--interval", "300").exit_code == 0
    row = _listing(db_path)[url]
    assert row["enabled"] and row["title"] == "Night desk" and row["interval"] == 300
    # A poll keeps the reader's title.
    assert _run(db_path, "watch", "--once").exit_code == 0
    assert _listing(db_path)[url]["title"] == "Night desk"
    assert _run(db_path, "sources", "rename", url, "  ").exit_code == 1
    assert _run(db_path, "sources", "set", url, "--interval", "0").exit_code == 2


def test_commands_on_a_missing_database_make_nothing(tmp_path):
    path = tmp_path / "typo.db"
    out = _run(path, "sources", "disable", "1")
    assert out.exit_code != 0 and not path.exists()


def test_a_bare_web_address_is_https(db_path, tmp_path):
    added = _run(db_path, "sources", "add", "www.example.org/feed")
    assert added.exit_code == 0 and "https://www.example.org/feed" in added.output
    missing = _run(db_path, "sources", "add", str(tmp_path / "feed.xml"))
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_failing_source_is_named_in_the_listing(server, db_path):
    broken = server.route("/broken", lambda h: send(h, 500, b"no"))
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    quiet = server.route("/quiet", GrowingFeed(items=[Item("q1", "Only", "Once.", published=two_days_ago)]))
    assert _run(db_path, "sources", "add", broken, quiet).exit_code == 0
    _run(db_path, "watch", "--once")
    rows = _listing(db_path)
    assert rows[broken]["warning"] == "failing" and "500" in rows[broken]["warning_text"]
    assert broken not in rows[broken]["warning_text"]  # the address is not said twice
    assert rows[quiet]["warning"] == "silent"
    text = _run(db_path, "sources").output
    assert "warning: silent: no new post for 2 days" in text


def _times(start: datetime, n: int, gap: timedelta) -> list[datetime]:
    return [start + i * gap for i in range(n)]


def test_health_stale_after_several_usual_gaps():
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    src = Source(1, "k", "rss", "https://x.org/f", subscribed=True, last_polled="2026-01-01T12:00:00Z",
                 last_status="ok")
    hourly = _times(now - timedelta(hours=10), 8, timedelta(hours=1))  # newest 3 h ago
    fresh = assess(src, 8, hourly, now)
    assert fresh.warning is None and fresh.per_day == pytest.approx(24) and fresh.usual_gap_s == 3600
    late = assess(src, 8, _times(now - timedelta(hours=12), 8, timedelta(hours=1)), now)  # 5 h quiet
    assert late.warning == "stale" and "usually one every 1 h" in late.warning_text
    # A file ingested once is never stale: nobody polls it.
    once = assess(Source(2, "file:x", "rss", "file:///x"), 8, hourly[:2], now)
    assert once.warning is None and once.state == "not polled"
