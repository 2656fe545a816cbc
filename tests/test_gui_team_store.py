"""The window on a team store (PostgreSQL): it opens on a URL with the password hidden, polls
nothing (the team's poller does), shows what other processes write as it arrives, and lives
through the server restarting. Real widgets (offscreen), a real PostgreSQL (the throwaway cluster
of `.ci/pg-cluster.sh`), a real poller against a real HTTP feed server on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from _feedserver import GrowingFeed, Item
from conftest import SEED_ROUTE, open_main_window

from monitor.service import Monitor

ROOT = Path(__file__).resolve().parent.parent
#: A password in the URL: the test cluster trusts its socket and never asks for it, so it is
#: there only to be hidden from everything the window shows.
SECRET = "s3cret-pw"


def with_password(dsn: str) -> str:
    """``dsn`` with a password in its user part."""
    parts = urlsplit(dsn)
    user, host = parts.netloc.split("@", 1)
    return parts._replace(netloc=f"{user}:{SECRET}@{host}").geturl()


@pytest.fixture
def team_url(pg_dsn: str, seed_path: Path) -> str:
    """A team store holding the seed story, following its route; its URL holds a password."""
    url = with_password(pg_dsn)
    with Monitor(url) as monitor:
        monitor.set_route(SEED_ROUTE)
        assert all(r.ok for r in monitor.ingest_path(seed_path))
    return url


def shown_text(window) -> str:
    """Everything the window shows that names the store: title, status bar, About."""
    bar = window.statusBar()
    return "\n".join([window.windowTitle(), bar.currentMessage(), window.store_label.text(),
                      window.sources_label.text(), window.sources_label.toolTip(), window.about_text()])


@pytest.fixture
def team_window(qtbot, gui_settings, team_url):
    window = open_main_window(qtbot, gui_settings, team_url)
    qtbot.waitUntil(lambda: window.team is not None and window.team.listening, timeout=10000)
    yield window
    window.close()


def test_the_window_opens_on_a_team_store_with_the_password_hidden(team_window, team_url, tmp_path):
    window = team_window
    where = team_url.replace(SECRET, "***")
    assert window.feed.model.rowCount() > 0
    assert window.state.counts.quotes > 0
    text = shown_text(window)
    assert SECRET not in text
    assert where in window.windowTitle() and where in window.about_text()
    assert window.store_label.text() == f"Team store {where} · live"
    window.grab().save(str(tmp_path / "team-window.png"))


def test_the_window_polls_nothing_on_a_team_store(team_window, qtbot, server):
    """The rule: on a team store the window never polls (the team's `monitor watch` does), and
    says so; Refresh only looks for what was stored, and a source added is left to the poller."""
    window = team_window
    assert not window._poll_timer.isActive()
    feed = GrowingFeed([Item("g1", "Only a poller fetches this", "Body.")])
    feed_url = server.route("/feed.xml", feed)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        window.add_source(feed_url, 60)
    assert any(s.source.url == feed_url for s in window.snapshot.sources)
    window.refresh()
    qtbot.wait(1500)
    assert server.hits("/feed.xml") == []
    assert "monitor watch" in window.sources_label.text()
    assert "monitor watch" in window.sources_pane.summary.text()
