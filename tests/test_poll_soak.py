"""A flapping server polled 10,000 times: memory stays flat and no post is stored twice."""

from __future__ import annotations

import gc
import random
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest
from _feedserver import FeedServer, GrowingFeed, Item, send

from monitor.service import Monitor
from monitor.sources.poller import FAILED, PollSettings

POLLS = 10_000
WARM_UP = 1_000
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.slow  # a minute, and its heap figure is only clean in a process of its own:
# run it with `.venv/bin/python -m pytest -m slow tests/test_poll_soak.py`
def test_ten_thousand_polls_of_a_flapping_server(db_path):
    rng = random.Random(10_000)
    feed = GrowingFeed(items=[Item(f"id-{i}", f"Headline {i}", f"Post {i}.", T0 + timedelta(minutes=i))
                              for i in range(3, -1, -1)])
    mode = {"fail": None}

    def route(handler):
        if mode["fail"] == "500":
            send(handler, 500, b"down")
        elif mode["fail"] == "429":
            send(handler, 429, headers={"Retry-After": "0"})
        elif mode["fail"] == "cut":
            body = feed.render()
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 2])
            handler.close_connection = True
        else:
            feed(handler)

    settings = PollSettings(connect_timeout=2.0, read_timeout=1.0, total_timeout=5.0)
    distinct: set[str] = {item.guid for item in feed.items}
    failures = 0
    with FeedServer() as server, Monitor(db_path) as monitor:
        source = monitor.add_source(server.route("/feed", route))
        for poll in range(POLLS):
            if poll == WARM_UP:
                gc.collect()
                tracemalloc.start()
            if poll % 500 == 0:
                server._server.hits.clear()  # the test server's own request log is not ours
            roll = rng.random()
            if roll < 0.01:
                guid = f"id-{len(distinct)}"
                feed.add(Item(guid, f"Headline {guid}", f"Post {guid}.", T0))
                distinct.add(guid)
            elif roll < 0.02:
                item = rng.choice(feed.items)
                feed.edit(item.guid, f"{item.guid} edited at poll {poll}.")
            mode["fail"] = rng.choice([None, None, "500", "429", "cut"])
            [report] = monitor.poll_once(source.id, settings=settings, rng=rng)
            failures += report.outcome == FAILED
        server._server.hits.clear()
        gc.collect()
        grown, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        guids = [r[0] for r in monitor.db.execute(
            "select guid from posts where source_id = ?", [source.id]).fetchall()]
    assert failures > POLLS // 3  # the server really flapped
    assert sorted(guids) == sorted(distinct)  # every post kept, none doubled
    # 9,000 polls after warm-up may not leave more than a few hundred KB behind.
    assert grown < 512 * 1024, f"memory grew by {grown / 1024:.0f} KB"
