"""Journey timings: extraction over many posts, the estimate at many moments, the schedule at scale.

Prints one JSON object with a ``figures`` list. Baselines are measured in the same run: extraction
is compared with a plain scan for the stop names (the least any extractor must do);
``estimate_from`` on one schedule (what a time slider should call) with ``estimate`` rebuilding the
schedule at every moment; the schedule on N reports with N/1000 times the schedule on 1,000 of
them (ratio 1 = linear) and with one plain pass over the reports (``dwells``), both on synthetic
trips (reports near the true times, a fifth off by hours or a day, a third repeated by later posts)
and, when the cached 100k-post bench corpus exists, on its stored observations.

Usage: ``python bench/journey.py [--n 100000] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from platformdirs import user_cache_path

from monitor.extract.observations import extract_observations
from monitor.journey.estimate import dwells, estimate, estimate_from, schedule
from monitor.journey.route import load_route
from monitor.model import Observation, Route
from monitor.service import Monitor

ROOT = Path(__file__).resolve().parent.parent
#: A corpus the search bench builds (``bench/search_bench.py``); used here only when present.
CORPUS = "corpus-100000-1.db"


def _clock(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def synthetic(route: Route, n: int, seed: int) -> list[Observation]:
    """``n`` reports of one trip as posts would give them: mostly near the true times at the
    stated precision, a fifth off by up to 40 minutes or by a day, a third repeated by a later
    post, some dwelling, expected or historical (untimed), a few with a stated dwell."""
    rng = random.Random(seed)
    start = datetime(2023, 9, 10, 6, tzinfo=UTC)
    km_per_minute = route.average_speed_kmh / 60
    widths = {"minute": 1, "hour": 60, "part_of_day": 360, "date": 1440}
    kinds = ("departed", "arrived", "passed", "dwelling", "departed", "arrived", "expected",
             "historical")
    found: list[Observation] = []
    for number in range(n):
        if found and rng.random() < 0.33:
            found.append(replace(found[rng.randrange(len(found))], post_id=number))
            continue
        stop = route.stops[rng.randrange(len(route.stops))]
        kind = rng.choice(kinds)
        precision = rng.choice(("minute", "hour", "hour", "hour", "part_of_day", "date"))
        width = widths[precision]
        true = start + timedelta(minutes=round(stop.km / km_per_minute))
        off = 0 if rng.random() < 0.8 else rng.choice((rng.randrange(-40, 40), 1440, -1440))
        lo = true + timedelta(minutes=off - rng.randrange(width))
        timed = kind not in ("expected", "historical")
        found.append(Observation(
            post_id=number, stop=stop.name, kind=kind, at=lo if timed else None,
            precision=precision if timed else None, evidence=f"post {number}",
            window_start=lo if timed else None,
            window_end=lo + timedelta(minutes=width) if timed else None,
            duration_minutes=70.0 if rng.random() < 0.01 else None,
        ))
    return found


def _figure(name: str, value: float, baseline: float, baseline_name: str, **extra) -> dict:
    return {"name": name, "value": round(value * 1000, 2), "unit": "ms",
            "baseline": round(baseline * 1000, 2), "baseline_name": baseline_name,
            "ratio": round(value / baseline, 2) if baseline else None, **extra}


def _best(func, rounds: int = 3) -> float:
    return min(_clock(func) for _ in range(rounds))


def scale_figures(label: str, route: Route, observations: list[Observation]) -> list[dict]:
    """The schedule on all ``observations`` against 1,000 of them scaled up, and one plain pass."""
    n = len(observations)
    head = observations[:1000]
    started = time.perf_counter()
    sched = schedule(route, observations)
    whole = time.perf_counter() - started
    small = _best(lambda: schedule(route, head))
    one_pass = _best(lambda: dwells(route, observations))
    counts = {"observations": n, "anchors": len(sched.anchors), "conflicts": len(sched.conflicts)}
    return [
        _figure(f"schedule_{label}_ms", whole, small * n / len(head),
                f"schedule on the first {len(head):,} x {n / len(head):g} (linear)",
                target="near-linear (ratio <= 2)", ok=whole <= 2 * small * n / len(head), **counts),
        _figure(f"schedule_{label}_vs_one_pass_ms", whole, one_pass,
                "dwells(): one plain pass over the same reports", **counts),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic reports (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
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
    figures = [
        {"name": "extract_ms_per_post", "value": round(extract_s / len(posts) * 1000, 4),
         "unit": "ms", "baseline": round(scan_s / len(posts) * 1000, 4),
         "baseline_name": "regex scan for the stop names", "ratio": round(extract_s / scan_s, 1)},
        {"name": "estimate_from_schedule_ms_each", "value": round(reuse / len(moments) * 1000, 4),
         "unit": "ms", "baseline": round(rebuild / len(moments) * 1000, 4),
         "baseline_name": f"estimate() rebuilding the schedule from {len(found)} observations",
         "ratio": round(reuse / rebuild, 4)},
    ]
    figures += scale_figures(f"synthetic_{args.n // 1000}k", route, synthetic(route, args.n, args.seed))
    cache = Path(os.environ.get("MONITOR_BENCH_CACHE")
                 or user_cache_path("situation-monitor", appauthor=False) / "bench")
    corpus = cache / CORPUS
    if corpus.exists() and corpus.with_suffix(".done").exists():
        with Monitor(corpus) as monitor:
            stored, stored_route = monitor.observations(), monitor.route()
        figures += scale_figures("corpus_100k_posts", stored_route, stored)
    print(json.dumps({
        "bench": "journey",
        "posts": len(posts),
        "observations": len(found),
        "moments": len(moments),
        "corpus": CORPUS if corpus.exists() else None,
        "figures": figures,
    }, indent=2))


if __name__ == "__main__":
    main()
