"""LISTEN/NOTIFY on a team store: a write in one process reaches another's listener as the
OpChanges it made, without Qt. Against the throwaway cluster of `.ci/pg-cluster.sh`."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from monitor.model import OpChanges, merge_changes
from monitor.service import Monitor
from monitor.store import StoreError
from monitor.store.pg.notify import CHANNEL, ChangeListener, changes_of, payloads

ROOT = Path(__file__).resolve().parent.parent


class Received:
    """The changes a listener delivered, and an event set at each."""

    def __init__(self) -> None:
        self.changes: list[OpChanges] = []
        self.arrived = threading.Event()
        self.threads: set[str] = set()

    def __call__(self, changes: OpChanges) -> None:
        self.changes.append(changes)
        self.threads.add(threading.current_thread().name)
        self.arrived.set()

    def wait_for(self, test, seconds: float) -> bool:
        """True once the changes so far, merged, pass ``test`` (within ``seconds``)."""
        while not test(merge_changes(self.changes)):
            self.arrived.clear()
            if not self.arrived.wait(seconds):
                return test(merge_changes(self.changes))
        return True


def test_an_ingest_in_another_process_reaches_the_listener_within_a_second(pg_dsn, seed_path):
    with Monitor(pg_dsn):  # the store exists before anyone listens
        pass
    got = Received()
    with ChangeListener(pg_dsn, got):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-m", "monitor", "ingest", "--db", pg_dsn, str(seed_path)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        with psycopg.connect(pg_dsn) as conn:
            posts = {r[0] for r in conn.execute("select id from posts")}
            sources = {r[0] for r in conn.execute("select id from sources")}
        # The ingest committed before its process ended: its changes are on their way.
        assert got.wait_for(lambda c: c.posts_added == posts, 1.0), got.changes
    merged = merge_changes(got.changes)
    assert posts and merged.sources == sources and merged.quote_posts == posts
    assert got.threads == {"pg-change-listener"}


def test_a_monitor_hears_other_writers_not_itself(pg_dsn, seed_path):
    with Monitor(pg_dsn) as mine, Monitor(pg_dsn) as theirs:
        assert all(r.ok for r in theirs.ingest_path(seed_path))
        quote = theirs.quotes.quotes()[0]
        got = Received()
        listener = mine.listen(got)
        try:
            mine.reject_quote(quote.id)  # its own write: not told back to it
            changes = theirs.reassign_quote(quote.id, None, author="Bob")
            assert got.wait_for(lambda c: c == changes, 1.0), got.changes
        finally:
            listener.stop()
        assert got.changes == [changes]


def test_a_rolled_back_write_tells_nobody(pg_dsn):
    got = Received()
    with Monitor(pg_dsn) as monitor, ChangeListener(pg_dsn, got):
        with pytest.raises(ValueError), monitor.db.conn.transaction():
            monitor.team.publish(OpChanges.of(posts_added=[1]))
            raise ValueError("rolled back")
        monitor.team.publish(OpChanges(alerts=True))
        assert got.wait_for(lambda c: c.alerts, 1.0)
    assert got.changes == [OpChanges(alerts=True)]


def test_a_big_change_goes_out_in_notifications_that_fit():
    big = OpChanges.of(posts_added=range(1, 5001), posts_updated=range(10**9, 10**9 + 700),
                       speakers=[3], observations=True)
    sent = payloads(big)
    assert len(sent) > 1 and all(len(p.encode()) < 8000 for p in sent)
    assert merge_changes(changes_of(p) for p in sent) == big
    assert payloads(OpChanges()) == []
    with pytest.raises(ValueError, match=CHANNEL):
        changes_of('"not a change"')


def test_only_a_team_store_has_listeners(db_path):
    with Monitor(db_path) as monitor, pytest.raises(StoreError, match="only a PostgreSQL team store"):
        monitor.listen(lambda changes: None)
