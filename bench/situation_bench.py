"""What reading "the situation at T" costs: a report's gather and the app's snapshot.

Reads one store at one moment (default: halfway through its posts) and prints, for each reader,
the time, the SQL statements it ran (counted with sqlite3's trace callback) and the peak of
Python memory allocated while it ran (tracemalloc, in a second run so it does not slow the
timed one). The baseline, in the same run, is the report's gather as it was before
``Monitor.situation``: every post, every speaker's quotes one query each, every observation.

Usage::

    python bench/situation_bench.py                 # builds a 10k-post corpus in a temporary folder
    python bench/situation_bench.py --size 2000     # a smaller one
    python bench/situation_bench.py --db c10k.db [--at ISO-TIME] [--no-baseline]

(``python bench/make_corpus.py 10k --seed 7 --db c10k.db`` builds a store to reuse.)
Prints JSON: one row per reader, and a ``figures`` list for ``bench/run_all.py`` (each reader's
time, statements and peak memory, with the baseline's and the ratio).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from monitor.journey.estimate import estimate_from  # noqa: E402
from monitor.journey.estimate import schedule as journey_schedule  # noqa: E402
from monitor.model import parse_iso  # noqa: E402
from monitor.service import Monitor  # noqa: E402


def legacy_gather(monitor: Monitor, moment: datetime) -> dict[str, Any]:
    """The report's gather before ``Monitor.situation`` (the baseline): filters in Python."""
    all_posts = monitor.posts.posts()
    times = {p.id: parse_iso(p.published or p.first_seen) for p in all_posts}
    first = min(t for t in times.values() if t is not None)
    full = monitor.schedule()
    start = min(first, datetime.fromtimestamp(full.earliest[0], tz=first.tzinfo)) if full.timed else first
    posts = [p for p in all_posts if times[p.id] <= moment]
    visible = {p.id for p in posts}
    route = monitor.route()
    observations = [o for o in monitor.observations(route) if o.post_id is None or o.post_id in visible]
    sched = journey_schedule(route, observations)
    estimate = estimate_from(sched, moment)
    step = (moment - start) / 239
    track = [estimate_from(sched, start + step * i) for i in range(240)]
    speakers = []
    for speaker in monitor.quotes.speakers():
        quotes = [q for q in monitor.quotes.quotes(speaker_id=speaker.id) if q.post_id in visible]
        speakers.append((speaker, quotes))
    unattributed = sum(1 for q in monitor.quotes.quotes() if q.speaker_id is None and q.post_id in visible)
    return {"posts": len(posts), "quotes": sum(len(q) for _, q in speakers) + unattributed,
            "speakers": sum(1 for _, q in speakers if q), "km_likely": estimate.km_likely,
            "track": len(track)}


def measure(monitor: Monitor, read: Callable[[], Any]) -> dict[str, float]:
    """Time and statements of one read, then its peak Python memory in a second read."""
    statements: list[str] = []
    gc.collect()
    monitor.db.conn.set_trace_callback(statements.append)
    started = time.perf_counter()
    try:
        read()
    finally:
        elapsed = time.perf_counter() - started
        monitor.db.conn.set_trace_callback(None)
    gc.collect()
    tracemalloc.start()
    try:
        read()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"seconds": round(elapsed, 3), "statements": len(statements), "peak_mb": round(peak / 1e6, 1)}


def middle(monitor: Monitor) -> datetime:
    """Halfway through the store's posts, by time."""
    count = monitor.posts.count()
    row = monitor.db.execute(
        "select coalesce(published, first_seen) as t from posts order by t limit 1 offset ?", [count // 2]
    ).fetchone()
    moment = parse_iso(row[0])
    assert moment is not None
    return moment


def figures(rows: dict[str, dict[str, Any]], baseline: str | None) -> list[dict[str, Any]]:
    """One figure per reader and measure, against the baseline reader's when there is one."""
    units = {"seconds": "s", "statements": "statements", "peak_mb": "MB"}
    base = rows.get(baseline) if baseline else None
    found = []
    for name, row in rows.items():
        if name == baseline:
            continue
        for key, unit in units.items():
            figure: dict[str, Any] = {"name": f"situation: {name}, {key}", "value": row[key], "unit": unit}
            if base is not None:
                figure |= {"baseline": base[key], "baseline_name": baseline,
                           "ratio": round(row[key] / base[key], 3) if base[key] else None}
            found.append(figure)
    return found


def main(argv: list[str] | None = None) -> int:
    from make_corpus import build_db  # bench/ is this script's own folder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to read (default: build a corpus of --size posts)")
    parser.add_argument("--size", type=int, default=10_000, help="posts in the corpus built (default 10000)")
    parser.add_argument("--at", help="the moment (ISO 8601 with a zone; default: halfway)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "corpus.db"
            build_db(args.size, 7, db)
        print(json.dumps(run(db, args.at, not args.no_baseline), indent=2))
    return 0


def run(db: Path, at_text: str | None, with_baseline: bool) -> dict[str, Any]:
    """Measure every reader on ``db`` at one moment."""
    from monitor.gui.data import snapshot
    from monitor.report.briefing import FULL_LIMITS, PAGE_LIMITS, gather

    baseline = "gather before (filters in Python)"
    with Monitor(db) as monitor:
        monitor.route()  # the baseline saves the route on first use; do it before measuring
        at = parse_iso(at_text) if at_text else middle(monitor)
        assert at is not None
        rows: dict[str, dict[str, Any]] = {}
        if with_baseline:
            rows[baseline] = measure(monitor, lambda: legacy_gather(monitor, at))
        rows["gather, PDF (FULL_LIMITS)"] = measure(monitor, lambda: gather(monitor, at, limits=FULL_LIMITS))
        rows["gather, PNG (PAGE_LIMITS)"] = measure(monitor, lambda: gather(monitor, at, limits=PAGE_LIMITS))
        rows["app snapshot"] = measure(monitor, lambda: snapshot(monitor, at))
        brief = gather(monitor, at, limits=PAGE_LIMITS)
        check: dict[str, Any] = {"posts": brief.post_count, "quotes": brief.quote_count,
                                 "speakers": brief.speaker_count,
                                 "km_likely": round(brief.estimate.km_likely, 1)}
        if with_baseline:
            old = legacy_gather(monitor, at)
            check["before"] = {k: old[k] for k in ("posts", "quotes", "speakers")} | {
                "km_likely": round(old["km_likely"], 1)}
        return {"db": str(db), "posts": monitor.posts.count(), "at": at.isoformat(), "readers": rows,
                "same_numbers": check, "figures": figures(rows, baseline if with_baseline else None)}


if __name__ == "__main__":
    sys.exit(main())
