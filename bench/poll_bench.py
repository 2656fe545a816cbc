"""Polling cost with and without conditional GET, measured in the same run.

A local HTTP server (127.0.0.1, ephemeral port) serves a feed that changes on some polls (a new
post or an edit, from a seeded random sequence). The same sequence is polled twice into two fresh
stores: once as the poller normally works (ETag + Last-Modified), once with the validators
forgotten before every poll (the unconditional baseline); a third run serves the feed with no
validators at all, where only the digest of the last document spares a re-parse. Prints one JSON
object.

    python bench/poll_bench.py [--polls 300] [--items 50] [--change 0.1]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from _feedserver import FeedServer, GrowingFeed, Item  # noqa: E402

from monitor.service import Monitor  # noqa: E402

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PARAGRAPH = ("<p>The armoured train crossed the river at dawn, witnesses said, and slowed near the "
             "station where a ceremony had been prepared. <a href='https://example.invalid/'>More</a>"
             " details were expected later in the day.</p>")


def _body(n: int) -> str:
    return f"<p>Update {n}.</p>" + PARAGRAPH * 4


def _run(polls: int, items: int, change: float, mode: str, seed: int) -> dict:
    """mode: "conditional" (normal), "unconditional" (validators forgotten before each poll) or
    "no_validators" (the server sends neither ETag nor Last-Modified)."""
    rng = random.Random(seed)
    conditional = mode != "unconditional"
    feed = GrowingFeed(items=[Item(f"id-{i}", f"Headline {i}", _body(i), T0 + timedelta(minutes=i))
                              for i in range(items - 1, -1, -1)],
                       use_etag=mode != "no_validators", use_date=mode != "no_validators")
    next_id = items
    times: list[float] = []
    outcomes = {"fetched": 0, "not_modified": 0, "error": 0}
    received = 0
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        url = server.route("/feed", feed)
        with Monitor(Path(tmp) / "bench.db") as monitor:
            source = monitor.add_source(url)
            for _ in range(polls):
                roll = rng.random()
                if roll < change / 2:
                    feed.add(Item(f"id-{next_id}", f"Headline {next_id}", _body(next_id),
                                  T0 + timedelta(minutes=next_id)))
                    next_id += 1
                elif roll < change:
                    item = rng.choice(feed.items)
                    feed.edit(item.guid, item.body + f"<p>Correction {rng.random():.6f}.</p>")
                if not conditional:
                    monitor.sources.clear_validators(source.id)
                started = time.perf_counter()
                [report] = monitor.poll_once(source.id)
                times.append(time.perf_counter() - started)
                outcomes[report.outcome if report.ok else "error"] += 1
                if report.http_status == 200:
                    received += len(feed.render())
            posts = monitor.posts.count()
            revisions = len(monitor.db.execute("select id from post_revisions").fetchall())
    ms = sorted(t * 1000 for t in times)
    return {
        "requests": polls,
        "http_200": feed.served_full,
        "http_304": feed.served_304,
        "parsed": outcomes["fetched"],
        "unchanged_not_parsed": outcomes["not_modified"],
        "errors": outcomes["error"],
        "body_bytes_received": received,
        "mean_ms_per_poll": round(statistics.fmean(ms), 3),
        "p50_ms": round(ms[len(ms) // 2], 3),
        "p95_ms": round(ms[int(len(ms) * 0.95) - 1], 3),
        "total_s": round(sum(times), 3),
        "posts": posts,
        "revisions": revisions,
    }


def main() -> None:
    """Run both modes on the same change sequence and print the comparison as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polls", type=int, default=300)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--change", type=float, default=0.1, help="chance the feed changes per poll")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    conditional = _run(args.polls, args.items, args.change, "conditional", args.seed)
    baseline = _run(args.polls, args.items, args.change, "unconditional", args.seed)
    no_validators = _run(args.polls, args.items, args.change, "no_validators", args.seed)
    print(json.dumps({
        "polls": args.polls,
        "feed_items": args.items,
        "change_rate": args.change,
        "conditional": conditional,
        "unconditional_baseline": baseline,
        "server_without_validators": no_validators,
        "requests_answered_304": conditional["http_304"],
        "full_downloads_saved_pct": round(
            100 * (1 - conditional["http_200"] / max(1, baseline["http_200"])), 1),
        "bytes_saved": baseline["body_bytes_received"] - conditional["body_bytes_received"],
        "speedup_mean_time_per_poll": round(
            baseline["mean_ms_per_poll"] / max(1e-9, conditional["mean_ms_per_poll"]), 2),
        "speedup_without_validators": round(
            baseline["mean_ms_per_poll"] / max(1e-9, no_validators["mean_ms_per_poll"]), 2),
        "same_result": len({(r["posts"], r["revisions"])
                            for r in (conditional, baseline, no_validators)}) == 1,
    }, indent=2))


if __name__ == "__main__":
    main()
