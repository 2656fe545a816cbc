"""A poller killed with `kill -9` in the middle of storing a poll loses nothing and doubles nothing
on a team store: the poll is one transaction, so none of it is kept, the source is polled again
as if the killed round never ran, and every post is then stored once.

A real `monitor watch` process, a real HTTP feed server on 127.0.0.1, and the throwaway cluster of
`.ci/pg-cluster.sh`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from _feedserver import GrowingFeed, Item
from conftest import invoke_cli

from monitor.store.pg.database import WRITE_LOCK

ROOT = Path(__file__).resolve().parent.parent
#: Posts in the feed: enough that storing them (with their quotes and story items) takes seconds.
POSTS = 2000


def _watch_once(dsn: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "monitor", "watch", "--once", "--db", dsn], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _writer_pids(conn: psycopg.Connection) -> list[int]:
    """The sessions of this database holding the store's write lock (a write transaction)."""
    high, low = (WRITE_LOCK >> 32) & 0xFFFFFFFF, WRITE_LOCK & 0xFFFFFFFF
    rows = conn.execute(
        "select l.pid from pg_locks l join pg_database d on d.oid = l.database "
        "where l.locktype = 'advisory' and l.granted and l.classid = %s and l.objid = %s "
        "and l.objsubid = 1 and d.datname = current_database()", [high, low]).fetchall()
    return [r[0] for r in rows]


def _counts(conn: psycopg.Connection) -> tuple[int, int, int, str | None]:
    posts, guids = conn.execute("select count(*), count(distinct guid) from posts").fetchone()
    revisions = conn.execute("select count(*) from post_revisions").fetchone()[0]
    polled = conn.execute("select last_polled from sources").fetchone()[0]
    return posts, guids, revisions, polled


def test_kill_9_of_a_poller_mid_batch_loses_nothing_and_doubles_nothing(pg_dsn, server):
    start = datetime(2026, 3, 1, tzinfo=UTC)
    feed = GrowingFeed([Item(f"k-{i}", f"Report {i} from the border",
                             f"Officials said: \u201cThe train number {i} passed the bridge at noon.\u201d "
                             f"Witness {i} told reporters it was slow.", start + timedelta(minutes=i))
                        for i in range(POSTS)])
    code, _, err = invoke_cli("sources", "add", server.route("/big.xml", feed), "--db", pg_dsn)
    assert code == 0, err
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        watcher = _watch_once(pg_dsn)
        try:
            # Until the poller's write transaction has been storing for a moment, then no warning.
            deadline = time.monotonic() + 120
            holding_since = None
            while time.monotonic() < deadline and watcher.poll() is None:
                if not _writer_pids(conn):
                    holding_since = None
                elif holding_since is None:
                    holding_since = time.monotonic()
                elif time.monotonic() - holding_since > 0.3:
                    break
                time.sleep(0.02)
            assert watcher.poll() is None, ("the poll was stored before it could be killed: "
                                            f"make the feed bigger\n{watcher.communicate()}")
            assert holding_since is not None
            watcher.send_signal(signal.SIGKILL)
            watcher.wait(timeout=30)
        finally:
            if watcher.poll() is None:
                watcher.kill()
            watcher.communicate()
        assert watcher.returncode == -signal.SIGKILL
        # The server ends the killed session's transaction: nothing of the poll was kept.
        deadline = time.monotonic() + 30
        while _writer_pids(conn) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _counts(conn) == (0, 0, 0, None)
        assert feed.served_full == 1

        # The next round polls the source again (its validators went with the transaction) and
        # stores every post once.
        again = _watch_once(pg_dsn)
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        posts, guids, revisions, polled = _counts(conn)
        assert (posts, guids, revisions) == (POSTS, POSTS, 0) and polled is not None
        assert feed.served_full == 2
        # A third round finds nothing new: the feed answers "not modified".
        third = _watch_once(pg_dsn)
        out, err = third.communicate(timeout=300)
        assert third.returncode == 0, err
        assert _counts(conn)[:3] == (POSTS, POSTS, 0)
        assert feed.served_304 == 1
