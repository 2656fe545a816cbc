"""One poller for the team: two `monitor watch` processes on one team store never poll the same
source at once (a PostgreSQL advisory lock per source), and between them every source is polled.

Two real watch processes, a real HTTP server that answers slowly and counts the requests in
flight per feed, and the throwaway cluster of `.ci/pg-cluster.sh`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import psycopg
from _feedserver import GrowingFeed, Item
from conftest import invoke_cli

from monitor.store.pg.locks import source_lock_key

ROOT = Path(__file__).resolve().parent.parent
FEEDS = 4
POSTS_PER_FEED = 3


class SlowFeed:
    """A feed that takes ``delay`` seconds to answer and keeps the most requests it had in flight."""

    def __init__(self, feed: GrowingFeed, delay: float) -> None:
        self.feed = feed
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0
        self.requests = 0

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.in_flight += 1
            self.requests += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            self.feed(handler)
        finally:
            with self.lock:
                self.in_flight -= 1


def _watch(dsn: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "monitor", "watch", "--db", dsn], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_requests(feeds: list[SlowFeed], count: int, watchers: list[subprocess.Popen]) -> None:
    """Until every feed was asked ``count`` times (a minute at most), the watchers all running."""
    deadline = time.monotonic() + 60
    while min(f.requests for f in feeds) < count and time.monotonic() < deadline:
        assert all(w.poll() is None for w in watchers), [w.communicate() for w in watchers]
        time.sleep(0.2)
    assert min(f.requests for f in feeds) >= count, [f.requests for f in feeds]


def test_two_watchers_never_poll_one_source_at_once_and_one_takes_over(pg_dsn, server):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    feeds = []
    for n in range(FEEDS):
        feed = GrowingFeed([Item(f"f{n}-{i}", f"Feed {n} post {i}", f"Post {i} of feed {n}, in words.",
                                 start + timedelta(minutes=i)) for i in range(POSTS_PER_FEED)])
        feeds.append(SlowFeed(feed, delay=0.6))
        code, _, err = invoke_cli("sources", "add", server.route(f"/feed{n}", feeds[-1]), "--interval", "1",
                                  "--db", pg_dsn)
        assert code == 0, err
    watchers = [_watch(pg_dsn), _watch(pg_dsn)]
    try:
        # Until every feed was asked several times: chances enough for the two to meet on one.
        _wait_for_requests(feeds, 4, watchers)
        # A poller that dies lets go of its sources with its connection: the other polls them on.
        watchers[0].kill()
        watchers[0].wait(timeout=30)
        _wait_for_requests(feeds, max(f.requests for f in feeds) + 2, watchers[1:])
    finally:
        for watcher in watchers:
            if watcher.poll() is None:
                watcher.send_signal(signal.SIGTERM)
        outputs = [w.communicate(timeout=30) for w in watchers]
    assert [f.most_in_flight for f in feeds] == [1] * FEEDS, outputs
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("select count(*) from posts").fetchone()[0] == FEEDS * POSTS_PER_FEED
        assert conn.execute("select count(*) from sources where last_status = 'ok' "
                            "or last_status = 'not modified'").fetchone()[0] == FEEDS


def test_a_source_held_by_another_poller_is_left_to_it(pg_dsn, server):
    feed = SlowFeed(GrowingFeed([Item("a", "A", "A post in words.")]), delay=0)
    code, _, err = invoke_cli("sources", "add", server.route("/held", feed), "--db", pg_dsn)
    assert code == 0, err
    with psycopg.connect(pg_dsn, autocommit=True) as other:
        source_id = other.execute("select id from sources").fetchone()[0]
        other.execute("select pg_advisory_lock(%s)", [source_lock_key(source_id)])
        code, _, err = invoke_cli("watch", "--once", "--db", pg_dsn)
        assert code == 0, err
        assert "polled 0" in err and "1 being polled by another poller" in err
        assert feed.requests == 0
        other.execute("select pg_advisory_unlock(%s)", [source_lock_key(source_id)])
    code, _, err = invoke_cli("watch", "--once", "--db", pg_dsn)
    assert code == 0 and "polled 1" in err and feed.requests == 1, err


def test_a_poller_that_loses_its_connection_ends_with_the_store_named(pg_dsn, server):
    """So a service manager starts it again (Restart=on-failure in docs/team-store.md), and its
    sources' locks went with the connection for the other poller to take."""
    feed = SlowFeed(GrowingFeed([Item("a", "A", "A post in words.")]), delay=0)
    url = server.route("/lost", feed)
    code, _, err = invoke_cli("sources", "add", url, "--interval", "1", "--db", pg_dsn)
    assert code == 0, err
    secret = pg_dsn.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    watcher = _watch(secret)
    try:
        _wait_for_requests([feed], 1, [watcher])
        with psycopg.connect(pg_dsn, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                          "where datname = current_database() and pid <> pg_backend_pid()")
        out, err = watcher.communicate(timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()
    assert watcher.returncode == 1, err
    assert "postgres:***@" in err and "s3cret" not in out + err
