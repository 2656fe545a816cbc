"""Polling against a real HTTP server on 127.0.0.1: every scenario ends with no post lost,
none doubled, and every edit kept as a revision."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _feedserver import GrowingFeed, Item, send

from monitor.model import parse_iso, utc_now
from monitor.service import Monitor
from monitor.sources.poller import FAILED, FETCHED, GONE, NOT_MODIFIED, PollSettings


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


FAST = PollSettings(connect_timeout=2.0, read_timeout=0.5, total_timeout=5.0)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _items(n: int, start: int = 0) -> list[Item]:
    return [Item(f"id-{i}", f"Headline {i}", f"Body of post {i}.", T0 + timedelta(minutes=i))
            for i in range(start + n - 1, start - 1, -1)]


def _stored(monitor: Monitor, source_id: int) -> dict[str, str]:
    """guid → body of every stored post of the source; fails if any guid is stored twice."""
    rows = monitor.db.execute("select guid, body from posts where source_id = ?", [source_id]).fetchall()
    guids = [r[0] for r in rows]
    assert len(guids) == len(set(guids)), "a post was stored twice"
    return dict(rows)


def _revisions(monitor: Monitor, source_id: int) -> dict[str, list[str]]:
    rows = monitor.db.execute(
        "select p.guid, r.body from post_revisions r join posts p on p.id = r.post_id "
        "where p.source_id = ? order by p.guid, r.revision", [source_id]).fetchall()
    out: dict[str, list[str]] = {}
    for guid, body in rows:
        out.setdefault(guid, []).append(body)
    return out


def _poll(monitor: Monitor, source_id: int, settings: PollSettings = FAST):
    [report] = monitor.poll_once(source_id, settings=settings, rng=random.Random(7))
    return report


def test_growing_feed_then_not_modified(server, monitor):
    feed = GrowingFeed(items=_items(3))
    source = monitor.add_source(server.route("/feed", feed))
    first = _poll(monitor, source.id)
    assert (first.outcome, first.added, first.http_status) == (FETCHED, 3, 200)
    feed.add(Item("id-3", "Headline 3", "Body of post 3.", T0 + timedelta(minutes=3)))
    feed.add(Item("id-4", "Headline 4", "Body of post 4.", T0 + timedelta(minutes=4)))
    second = _poll(monitor, source.id)
    assert (second.added, second.unchanged) == (2, 3)
    third = _poll(monitor, source.id)
    assert third.outcome == NOT_MODIFIED and third.http_status == 304, third.error
    # The conditional request carried both validators.
    last = server.hits("/feed")[-1]
    assert last.get("If-None-Match") and last.get("If-Modified-Since")
    assert set(_stored(monitor, source.id)) == {f"id-{i}" for i in range(5)}
    state = monitor.sources.get(source.id)
    assert state.last_status == "not modified" and state.etag and state.last_modified
    assert state.failures == 0 and parse_iso(state.next_poll) > utc_now()


@pytest.mark.parametrize("etag, date", [(True, False), (False, True)])
def test_304_on_either_validator_alone(server, monitor, etag, date):
    feed = GrowingFeed(items=_items(2), use_etag=etag, use_date=date)
    source = monitor.add_source(server.route("/feed", feed))
    assert _poll(monitor, source.id).outcome == FETCHED
    assert _poll(monitor, source.id).outcome == NOT_MODIFIED
    feed.add(Item("id-9", "Late news", "Something happened.", T0 + timedelta(hours=1)))
    report = _poll(monitor, source.id)
    assert (report.outcome, report.added) == (FETCHED, 1)
    assert (feed.served_full, feed.served_304) == (2, 1)
    assert len(_stored(monitor, source.id)) == 3


def test_edit_keeps_revision_and_vanished_post_stays(server, monitor):
    feed = GrowingFeed(items=_items(3))
    source = monitor.add_source(server.route("/feed", feed))
    _poll(monitor, source.id)
    feed.edit("id-1", "Corrected body of post 1.")
    feed.items = [i for i in feed.items if i.guid != "id-0"]  # the oldest drops off the feed
    report = _poll(monitor, source.id)
    assert (report.updated, report.unchanged, report.added) == (1, 1, 0)
    stored = _stored(monitor, source.id)
    assert stored["id-1"] == "Corrected body of post 1."
    assert "id-0" in stored
    assert _revisions(monitor, source.id) == {"id-1": ["Body of post 1."]}


def test_server_error_backs_off_and_loses_nothing(server, monitor):
    feed = GrowingFeed(items=_items(2))
    state = {"fail": False}

    def flaky(handler):
        if state["fail"]:
            send(handler, 500, b"oops")
        else:
            feed(handler)

    source = monitor.add_source(server.route("/feed", flaky), interval=60)
    _poll(monitor, source.id)
    state["fail"] = True
    delays = []
    for _ in range(3):
        before = utc_now()
        report = _poll(monitor, source.id)
        assert report.outcome == FAILED and "500" in report.error and "/feed" in report.error
        delays.append((parse_iso(report.next_poll) - before).total_seconds())
    # Exponential with jitter: each delay within [base/2, base], base doubling from the interval.
    for failures, delay in enumerate(delays, 1):
        base = 60 * 2 ** (failures - 1)
        assert base / 2 - 1 <= delay <= base + 1
    assert monitor.sources.get(source.id).failures == 3
    state["fail"] = False
    feed.add(Item("id-2", "After the outage", "Back again.", T0 + timedelta(hours=2)))
    report = _poll(monitor, source.id)
    assert report.added == 1 and monitor.sources.get(source.id).failures == 0
    assert set(_stored(monitor, source.id)) == {"id-0", "id-1", "id-2"}


def test_hanging_server_times_out(server, monitor):
    feed = GrowingFeed(items=_items(2))
    state = {"hang": False}

    def slow(handler):
        if state["hang"]:
            server.release.wait(3)  # far past the 0.5 s read timeout
        feed(handler)

    source = monitor.add_source(server.route("/feed", slow))
    _poll(monitor, source.id)
    state["hang"] = True
    feed.add(Item("id-5", "Unseen", "Not delivered in time.", T0))
    started = time.monotonic()
    report = _poll(monitor, source.id)
    assert time.monotonic() - started < 2.5
    assert report.outcome == FAILED and "timed out" in report.error
    assert set(_stored(monitor, source.id)) == {"id-0", "id-1"}
    state["hang"] = False
    assert _poll(monitor, source.id).added == 1


def test_short_body_writes_nothing(server, monitor):
    feed = GrowingFeed(items=_items(2))
    state = {"cut": False}

    def cut(handler):
        if not state["cut"]:
            feed(handler)
            return
        body = feed.render()
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2])
        handler.wfile.flush()
        handler.close_connection = True

    source = monitor.add_source(server.route("/feed", cut))
    _poll(monitor, source.id)
    state["cut"] = True
    feed.add(Item("id-7", "Half", "Half a feed.", T0))
    feed.edit("id-0", "An edit that must not land half-read.")
    report = _poll(monitor, source.id)
    assert report.outcome == FAILED and "broken" in report.error
    assert _stored(monitor, source.id) == {"id-0": "Body of post 0.", "id-1": "Body of post 1."}
    assert _revisions(monitor, source.id) == {}
    state["cut"] = False
    report = _poll(monitor, source.id)
    assert (report.added, report.updated) == (1, 1)
    assert _revisions(monitor, source.id) == {"id-0": ["Body of post 0."]}


def _redirect(target: str, status: int):
    return lambda handler: send(handler, status, headers={"Location": target})


def test_permanent_redirect_moves_the_source(server, monitor):
    feed = GrowingFeed(items=_items(2))
    server.route("/new", feed)
    server.route("/old", _redirect("/new", 301))
    source = monitor.add_source(server.url("/old"))
    report = _poll(monitor, source.id)
    assert report.added == 2 and report.moved_to == server.url("/new")
    moved = monitor.sources.get(source.id)
    assert moved.url == server.url("/new") and moved.key == server.url("/old")
    assert _poll(monitor, source.id).outcome == NOT_MODIFIED
    assert len(server.hits("/old")) == 1  # the old address is not asked again


def test_temporary_redirect_keeps_the_address(server, monitor):
    feed = GrowingFeed(items=_items(2))
    server.route("/today", feed)
    server.route("/live", _redirect("/today", 302))
    server.route("/perm", _redirect("/live", 301))  # permanent then temporary: not a move
    source = monitor.add_source(server.url("/perm"))
    report = _poll(monitor, source.id)
    assert report.added == 2 and report.moved_to is None
    assert monitor.sources.get(source.id).url == server.url("/perm")


def test_redirect_loop_and_too_many_redirects(server, monitor):
    server.route("/a", _redirect("/b", 302))
    server.route("/b", _redirect("/a", 302))
    for n in range(7):
        server.route(f"/hop{n}", _redirect(f"/hop{n + 1}", 302))
    server.route("/hop7", GrowingFeed(items=_items(1)))
    loop = monitor.add_source(server.url("/a"))
    report = _poll(monitor, loop.id)
    assert report.outcome == FAILED and "redirect loop" in report.error
    chain = monitor.add_source(server.url("/hop0"))
    report = _poll(monitor, chain.id)
    assert report.outcome == FAILED and "more than 5 redirects" in report.error
    assert report.requests == 6
    five = monitor.add_source(server.url("/hop2"))
    assert _poll(monitor, five.id).added == 1  # exactly 5 redirects is allowed
    assert monitor.posts.count() == 1


def test_redirect_to_a_local_file_is_refused(server, monitor, tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(GrowingFeed(items=_items(1)).render())
    server.route("/evil", _redirect(secret.as_uri(), 302))
    source = monitor.add_source(server.url("/evil"))
    report = _poll(monitor, source.id)
    assert report.outcome == FAILED and "not http or https" in report.error
    assert monitor.posts.count() == 0


def test_gone_disables_the_source(server, monitor):
    feed = GrowingFeed(items=_items(2))
    state = {"gone": False}
    source = monitor.add_source(server.route(
        "/feed", lambda h: send(h, 410, b"gone") if state["gone"] else feed(h)))
    _poll(monitor, source.id)
    state["gone"] = True
    report = _poll(monitor, source.id)
    assert report.outcome == GONE and "410" in report.error
    stored = monitor.sources.get(source.id)
    assert not stored.enabled and "410" in stored.last_error
    hits = len(server.hits("/feed"))
    assert monitor.poll_due(settings=FAST) == [] and monitor.poll_once(settings=FAST) == []
    assert len(server.hits("/feed")) == hits
    assert len(_stored(monitor, source.id)) == 2


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(server, monitor, status):
    feed = GrowingFeed(items=_items(1))
    state = {"busy": True}
    retry = "600" if status == 429 else (utc_now() + timedelta(seconds=900)).strftime(
        "%a, %d %b %Y %H:%M:%S GMT")
    source = monitor.add_source(server.route(
        "/feed", lambda h: send(h, status, headers={"Retry-After": retry}) if state["busy"] else feed(h)))
    before = utc_now()
    report = _poll(monitor, source.id)
    assert report.outcome == FAILED and str(status) in report.error and "retry after" in report.error
    wait = (parse_iso(report.next_poll) - before).total_seconds()
    assert wait >= (599 if status == 429 else 889)  # next_poll is stored to the second
    # Not due yet: a scheduler round does not ask again.
    assert monitor.poll_due(settings=FAST) == []
    state["busy"] = False
    assert _poll(monitor, source.id).added == 1


def test_body_over_the_cap_is_refused(server, monitor):
    def declared(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(100 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"<rss>" + b" " * 65536)

    def endless(handler):
        # No length: the body ends when the connection closes, after 100 MB.
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        chunk = b"<!-- padding -->" * 65536
        for _ in range(100 * 1024 * 1024 // len(chunk)):
            handler.wfile.write(chunk)

    for path, route in (("/declared", declared), ("/endless", endless)):
        source = monitor.add_source(server.route(path, route))
        report = _poll(monitor, source.id, PollSettings(read_timeout=5.0))
        assert report.outcome == FAILED and "over the 20 MiB limit" in report.error
    assert monitor.posts.count() == 0


def test_unsupported_schemes_are_refused(monitor):
    from monitor.sources.errors import SourceError

    for target in ("ftp://example.invalid/feed.xml", "javascript:alert(1)", "gopher://x/"):
        with pytest.raises(SourceError, match="only http, https and file"):
            monitor.add_source(target)


@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_thousand_polls_with_edits(server, monitor):
    """A feed polled 1,000 times while it grows and is edited ends with exactly its distinct
    posts, and every version of each post is kept."""
    rng = random.Random(2026)
    feed = GrowingFeed(items=_items(5))
    versions: dict[str, list[str]] = {i.guid: [i.body] for i in feed.items}
    next_id = 5
    source = monitor.add_source(server.route("/feed", feed))
    outcomes: dict[str, int] = {}
    for poll in range(1000):
        roll = rng.random()
        if roll < 0.15:
            guid = f"id-{next_id}"
            next_id += 1
            body = f"New post {guid}."
            feed.add(Item(guid, f"Headline {guid}", body, T0 + timedelta(minutes=next_id)))
            versions[guid] = [body]
        elif roll < 0.35:
            item = rng.choice(feed.items)
            body = f"{item.guid} edited at poll {poll}."
            feed.edit(item.guid, body)
            versions[item.guid].append(body)
        if len(feed.items) > 20:
            feed.items = feed.items[:20]  # old posts fall off the feed, and stay in the store
            feed.touch()
        report = _poll(monitor, source.id)
        assert report.ok, report.error
        outcomes[report.outcome] = outcomes.get(report.outcome, 0) + 1
    stored = _stored(monitor, source.id)
    assert set(stored) == set(versions)
    assert {g: v[-1] for g, v in versions.items()} == stored
    expected_revisions = {g: v[:-1] for g, v in versions.items() if len(v) > 1}
    assert _revisions(monitor, source.id) == expected_revisions
    assert outcomes[NOT_MODIFIED] > 0 and outcomes[FETCHED] > 0
    assert outcomes[NOT_MODIFIED] == feed.served_304


def test_server_without_validators_is_not_reparsed(server, monitor):
    feed = GrowingFeed(items=_items(2), use_etag=False, use_date=False)
    source = monitor.add_source(server.route("/feed", feed))
    assert _poll(monitor, source.id).added == 2
    report = _poll(monitor, source.id)
    # Downloaded again (nothing to make the request conditional), but the same bytes are not read.
    assert report.outcome == NOT_MODIFIED and report.http_status == 200 and feed.served_full == 2
    assert "If-None-Match" not in server.hits("/feed")[-1]
    feed.edit("id-0", "Changed.")
    report = _poll(monitor, source.id)
    assert (report.outcome, report.updated) == (FETCHED, 1)
    assert _revisions(monitor, source.id) == {"id-0": ["Body of post 0."]}


def test_compressed_body_is_capped_after_decoding(server, monitor):
    import gzip

    bomb = gzip.compress(b"<rss>" + b" " * (100 * 1024 * 1024), compresslevel=9)
    source = monitor.add_source(server.route(
        "/gz", lambda h: send(h, 200, bomb, {"Content-Encoding": "gzip", "Content-Type": "text/xml"})))
    report = _poll(monitor, source.id)
    assert len(bomb) < 1024 * 1024  # small on the wire, 100 MB once decoded
    assert report.outcome == FAILED and "over the 20 MiB limit" in report.error
    assert monitor.posts.count() == 0


def test_random_failures_between_edits_lose_nothing(server, monitor):
    """Edits and new posts interleaved with 500s, 429s, cut bodies and hangs: every version a
    successful poll saw is kept, nothing is doubled, and a failure never writes half a poll."""
    rng = random.Random(99)
    feed = GrowingFeed(items=_items(4))
    mode = {"fail": None}

    def route(handler):
        failure = mode["fail"]
        if failure == "500":
            send(handler, 500, b"down")
        elif failure == "429":
            send(handler, 429, headers={"Retry-After": "1"})
        elif failure == "cut":
            body = feed.render()
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 3])
            handler.close_connection = True
        elif failure == "hang":
            server.release.wait(1.0)
            feed(handler)
        else:
            feed(handler)

    source = monitor.add_source(server.route("/feed", route))
    seen: dict[str, list[str]] = {}
    next_id = 4
    for poll in range(150):
        roll = rng.random()
        if roll < 0.2:
            feed.add(Item(f"id-{next_id}", f"Headline {next_id}", f"Post {next_id}.", T0))
            next_id += 1
        elif roll < 0.45:
            item = rng.choice(feed.items)
            feed.edit(item.guid, f"{item.guid} edited at {poll}.")
        mode["fail"] = rng.choice([None, None, None, "500", "429", "cut", "hang"])
        report = _poll(monitor, source.id, PollSettings(read_timeout=0.3, total_timeout=5.0))
        if mode["fail"] is None:
            assert report.ok, report.error
        else:
            assert report.outcome == FAILED, mode["fail"]
        if report.outcome == FETCHED:
            for item in feed.items:
                versions = seen.setdefault(item.guid, [])
                if not versions or versions[-1] != item.body:
                    versions.append(item.body)
    stored = _stored(monitor, source.id)
    assert set(stored) == set(seen)
    assert stored == {g: v[-1] for g, v in seen.items()}
    assert _revisions(monitor, source.id) == {g: v[:-1] for g, v in seen.items() if len(v) > 1}
