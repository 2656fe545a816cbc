"""``monitor sources``, ``monitor sources add`` and ``monitor watch``; the watcher in a thread."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from _feedserver import GrowingFeed, Item, send
from click.testing import CliRunner

from monitor.cli import cli
from monitor.service import Monitor

ROOT = Path(__file__).resolve().parent.parent


def _feed(n: int) -> GrowingFeed:
    return GrowingFeed(items=[Item(f"g{i}", f"Headline {i}", f"Body {i}.") for i in range(n)])


def test_add_list_and_watch_once(server, db_path, tmp_path):
    runner = CliRunner()
    url = server.route("/feed", _feed(3))
    broken = server.route("/broken", lambda h: send(h, 500, b"no"))
    added = runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, broken, "--interval", "30"])
    assert added.exit_code == 0 and url in added.output
    bad = runner.invoke(cli, ["--db", str(db_path), "sources", "add", "ftp://x.invalid/f",
                              str(tmp_path / "missing.xml")])
    assert bad.exit_code == 1 and "only http, https and file" in bad.output
    assert "missing.xml: no such file" in bad.output
    once = runner.invoke(cli, ["--db", str(db_path), "watch", "--once"])
    assert once.exit_code == 1  # one source failed
    assert "3 new" in once.output and "HTTP 500" in once.output and "round 1" in once.output
    listing = runner.invoke(cli, ["--db", str(db_path), "sources", "--json"])
    rows = {r["url"]: r for r in map(json.loads, listing.output.splitlines())}
    assert rows[url]["posts"] == 3 and rows[url]["last_status"] == "ok" and rows[url]["interval"] == 30
    assert rows[url]["etag"] and rows[url]["last_polled"]
    assert rows[broken]["last_status"] == "error" and "500" in rows[broken]["last_error"]
    assert rows[broken]["posts"] == 0 and rows[broken]["failures"] == 1
    text = runner.invoke(cli, ["--db", str(db_path), "sources"])
    assert "error: " in text.output and "3 posts" in text.output


@pytest.mark.parametrize("url, problem", [
    ("http://[::1", "Invalid IPv6 URL"), ("http://news.test:99999/feed", "Port out of range"),
    ("http://news.test/a\x00b", "non-printable"), ("https://exa mple.com/feed", "space"),
])
def test_a_malformed_url_is_refused_by_name_when_added(db_path, url, problem):
    # ``sources add 'http://[::1'`` printed a ValueError traceback; a port or a host no request
    # can use was stored and failed at every poll.
    runner = CliRunner()
    for args in (["sources", "add", url, "news.invalid-missing.xml"], ["watch", "--once", url]):
        result = runner.invoke(cli, ["--db", str(db_path), *args])
        assert result.exit_code == 1 and not isinstance(result.exception, ValueError | TypeError)
        assert f"{url}: not a valid URL" in result.output and problem in result.output, result.output
    with Monitor(db_path) as monitor:
        assert monitor.sources.all() == []


def test_watch_adds_urls_given_on_the_command_line(server, db_path):
    url = server.route("/feed", _feed(2))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "watch", url, "--once"])
    assert result.exit_code == 0, result.output
    with Monitor(db_path) as monitor:
        assert monitor.posts.count() == 2 and [s.url for s in monitor.sources.all()] == [url]


def test_watch_stops_cleanly_on_ctrl_c(server, db_path):
    feed = _feed(2)
    url = server.route("/feed", feed)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "--db", str(db_path), "watch", url, "--interval", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 20
        while len(server.hits("/feed")) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(server.hits("/feed")) >= 2, "the watcher did not poll again after its interval"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopped after" in err and "round 1" in err
    with Monitor(db_path) as monitor:
        assert monitor.posts.count() == 2


def test_watcher_in_a_worker_thread_stops_on_request(server, db_path):
    feed = _feed(1)
    url = server.route("/feed", feed)
    with Monitor(db_path) as monitor:
        monitor.add_source(url, interval=1)
    rounds: list[int] = []
    box: dict = {}

    def work() -> None:
        # The worker opens its own Monitor: a SQLite connection belongs to its thread.
        with Monitor(db_path) as own:
            box["watcher"] = own.watcher(on_round=lambda reports, wait: rounds.append(len(reports)))
            box["ready"].set()
            box["watcher"].run()

    box["ready"] = threading.Event()
    thread = threading.Thread(target=work)
    thread.start()
    assert box["ready"].wait(10)
    deadline = time.monotonic() + 15
    while len(server.hits("/feed")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    feed.add(Item("late", "Late", "Late body."))
    while len(server.hits("/feed")) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    box["watcher"].stop()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert sum(rounds) >= 3
    with Monitor(db_path) as monitor:
        assert {p.guid for p in monitor.posts.posts()} == {"g0", "late"}


def test_ingested_files_are_not_polled_until_added(db_path, seed_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(seed_path)]).exit_code == 0
    nothing = runner.invoke(cli, ["--db", str(db_path), "watch", "--once"])
    assert nothing.exit_code == 1 and "no sources to poll" in nothing.output
    assert "ingested, not polled" in runner.invoke(cli, ["--db", str(db_path), "sources"]).output
    assert runner.invoke(cli, ["--db", str(db_path), "sources", "add", str(seed_path)]).exit_code == 0
    once = runner.invoke(cli, ["--db", str(db_path), "watch", "--once"])
    assert once.exit_code == 0 and "0 new" in once.output
    with Monitor(db_path) as monitor:
        [source] = monitor.sources.all()  # the same source, now subscribed
        assert source.subscribed and source.last_status == "ok"
