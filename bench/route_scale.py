"""The schedule and estimate on long routes: time and peak memory against a 100-stop route.

``monitor route --at`` builds the schedule (``schedule``) and answers at one moment
(``estimate_from``); this does the same on synthetic routes of 100, 1,000, 2,000 and 10,000 stops
(runs of 0.5 to 3.5 km, short dwells with wide bounds, checked by the route loader like any file) with
the same number of reports on each (reports near the true times at every precision, a fifth off
by hours or a day, a third repeated, as ``bench/journey.py`` makes them). The baseline is the
100-stop route in the same run scaled by stops/100: a ratio near 1 is linear in stops. Time is
the best of a few rounds; peak memory is measured in a separate run under ``tracemalloc`` (which
slows the code, so it is never timed).

Usage: ``python bench/route_scale.py [--stops 100,1000,2000,10000] [--reports 1000] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journey import synthetic  # noqa: E402 - the bench scripts' shared report generator

from monitor.journey.estimate import estimate_from, schedule  # noqa: E402
from monitor.journey.route import route_from_data  # noqa: E402
from monitor.model import Observation, Route  # noqa: E402


def long_route(stops: int, seed: int) -> Route:
    """A valid route of ``stops`` stops, validated as a route file would be."""
    rng = random.Random(seed)
    km, rows = 0.0, []
    for index in range(stops):
        if index:
            km = round(km + rng.uniform(0.5, 3.5), 1)
        kind = "origin" if index == 0 else "destination" if index == stops - 1 else "station"
        rows.append({"name": f"Halt {index}", "km": km, "kind": kind, "gauge_before": 1435,
                     "gauge_after": 1435, "timezone": "Asia/Vladivostok", "dwell_minutes": 2,
                     "dwell_min_minutes": 1, "dwell_max_minutes": 10})
    return route_from_data({"name": f"long-{stops}", "title": f"{stops} stops", "sources": ["bench"],
                            "max_speed_kmh": 59, "average_speed_kmh": 50, "min_average_speed_kmh": 30,
                            "stops": rows}, f"long-{stops}.json")


#: The moment asked about: a day into the synthetic trip (which starts 2023-09-10 06:00 UTC).
AT = datetime(2023, 9, 11, 6, tzinfo=UTC)


def route_at(route: Route, observations: list[Observation]) -> tuple[int, int]:
    """What ``monitor route --at`` computes: the schedule, then the estimate at one moment."""
    sched = schedule(route, observations)
    est = estimate_from(sched, AT)
    return len(sched.anchors), len(est.etas)


def measure(route: Route, observations: list[Observation], rounds: int) -> dict:
    """Best time of ``rounds`` runs, then the peak memory of one more under tracemalloc."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        anchors, etas = route_at(route, observations)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    try:
        route_at(route, observations)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {"seconds": best, "peak_bytes": peak, "anchors": anchors, "etas": etas}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stops", default="100,1000,2000,10000", help="route sizes, comma-separated")
    parser.add_argument("--reports", type=int, default=1000, help="reports on every route (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.stops.split(",")]
    base_size = 100
    runs = {}
    for stops in sorted({base_size, *sizes}):
        route = long_route(stops, args.seed)
        observations = synthetic(route, args.reports, args.seed)
        runs[stops] = measure(route, observations, rounds=3 if stops <= 2000 else 1)
    base = runs[base_size]
    figures = []
    for stops in sizes:
        run, scale = runs[stops], stops / base_size
        linear_s = base["seconds"] * scale
        figures.append({
            "name": f"route_at_{stops}_stops_ms", "value": round(run["seconds"] * 1000, 2), "unit": "ms",
            "baseline": round(linear_s * 1000, 2),
            "baseline_name": f"{base_size}-stop route in this run x {scale:g} (linear)",
            "ratio": round(run["seconds"] / linear_s, 2), "target": "near-linear (ratio <= 2)",
            "ok": run["seconds"] <= 2 * linear_s, "anchors": run["anchors"], "etas": run["etas"],
        })
        linear_mb = base["peak_bytes"] * scale / 1e6
        figures.append({
            "name": f"route_at_{stops}_stops_peak_mb", "value": round(run["peak_bytes"] / 1e6, 2),
            "unit": "MB", "baseline": round(linear_mb, 2),
            "baseline_name": f"peak on the {base_size}-stop route x {scale:g} (linear)",
            "ratio": round(run["peak_bytes"] / 1e6 / linear_mb, 2) if linear_mb else None,
            "target": "near-linear (ratio <= 2)", "ok": run["peak_bytes"] / 1e6 <= 2 * linear_mb,
        })
    print(json.dumps({"bench": "route_scale", "reports": args.reports, "figures": figures}, indent=2))


if __name__ == "__main__":
    main()
