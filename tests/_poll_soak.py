"""10,000 polls of a flapping server, run in a process of its own so its heap figure is its own.

Prints one JSON object: failures, whether the stored posts are exactly the distinct ones, and the
bytes the Python heap grew by between the 1,000th poll and the last.

Usage: ``python tests/_poll_soak.py DB [POLLS]``
"""

from __future__ import annotations

import gc
import json
import random
import sys
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _feedserver import FeedServer, GrowingFeed, Item, send

from monitor.service import Monitor
from monitor.sources.poller import FAILED, PollSettings

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def soak(db_path: Path, polls: int, warm_up: int) -> dict:
    """Poll a server that fails one way or another half the time; report what was kept."""
    rng = random.Random(polls)
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
        for poll in range(polls):
            if poll == warm_up:
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
        # Not counted: the folding index, which holds each new post's signature bands by design
        # (about 90 new posts in 9,000 polls; bounded by its 72 h window), and the test
        # server's own request handling in this process.
        kept = tracemalloc.take_snapshot().filter_traces([
            tracemalloc.Filter(False, "*/monitor/extract/lsh.py"),
            tracemalloc.Filter(False, "*/http/server.py"),
            tracemalloc.Filter(False, "*/socketserver.py"),
            tracemalloc.Filter(False, "*/_feedserver.py"),
        ])
        grown = sum(stat.size for stat in kept.statistics("filename"))
        tracemalloc.stop()
        guids = [r[0] for r in monitor.db.execute(
            "select guid from posts where source_id = ?", [source.id]).fetchall()]
    return {"polls": polls, "failures": failures, "posts": len(guids),
            "distinct": len(distinct), "exact": sorted(guids) == sorted(distinct), "grown": grown}


if __name__ == "__main__":
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    print(json.dumps(soak(Path(sys.argv[1]), count, warm_up=count // 10)))
