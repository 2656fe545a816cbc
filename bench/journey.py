"""Journey timings: extraction over many posts, and the estimate at many moments.

Prints one JSON object. Baselines are measured in the same run: extraction is compared with a plain
scan for the stop names (the least any extractor must do), and ``estimate_from`` on one schedule
(what a time slider should call) with ``estimate`` rebuilding the schedule at every moment.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.extract.observations import extract_observations
from monitor.journey.estimate import estimate, estimate_from, schedule
from monitor.journey.route import load_route

ROOT = Path(__file__).resolve().parent.parent


def _clock(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    route = load_route("pyongyang-vladivostok")
    seed = (ROOT / "seeds" / "000_a40eac292bb8ed9e.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.splitlines() if p.strip()]
    posts = paragraphs * 40
    published = datetime(2023, 9, 11, tzinfo=UTC)
    names = re.compile("|".join(re.escape(s.name) for s in route.stops))
    found: list = []

    def extract() -> None:
        found.clear()
        for number, text in enumerate(posts):
            found.extend(extract_observations(text, published, "date", route, post_id=number))

    def scan() -> None:
        for text in posts:
            names.findall(text)

    extract()  # warm the caches (shipped routes, compiled patterns)
    moments = [published + timedelta(minutes=10 * i) for i in range(1000)]
    sched = schedule(route, found)
    rebuild = _clock(lambda: [estimate(route, found, t) for t in moments])
    reuse = _clock(lambda: [estimate_from(sched, t) for t in moments])
    extract_s, scan_s = _clock(extract), _clock(scan)
    print(json.dumps({
        "posts": len(posts),
        "observations": len(found),
        "extract_ms_per_post": round(extract_s / len(posts) * 1000, 4),
        "baseline_name_scan_ms_per_post": round(scan_s / len(posts) * 1000, 4),
        "extract_vs_scan": round(extract_s / scan_s, 1),
        "moments": len(moments),
        "estimate_rebuild_ms_each": round(rebuild / len(moments) * 1000, 4),
        "estimate_from_schedule_ms_each": round(reuse / len(moments) * 1000, 4),
        "schedule_reuse_speedup": round(rebuild / reuse, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
