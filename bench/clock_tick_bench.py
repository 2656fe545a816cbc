"""The window's minute clock on a big store: a live snapshot when the route reports are unchanged.

The clock moves "now" by reading a new snapshot (``gui.data.snapshot``). The journey's schedule is
kept by ``Monitor.schedules`` while the reports stay the same; the baseline, in the same run, is
the same snapshot with the schedule built again each time (the cache emptied first), as before.
Also times the journey alone (``Monitor.situation`` with ``JOURNEY_ONLY``) both ways.

    python bench/clock_tick_bench.py [--size 100k] [--rounds 5]

Prints one JSON object with a ``figures`` list for ``bench/run_all.py``.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))


def _median_ms(fn, rounds: int, before=None) -> float:
    times = []
    for _ in range(rounds):
        if before is not None:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def run(size: int, seed: int, cache: Path, rounds: int) -> dict:
    """Build or reuse the corpus; time live snapshots with the schedule kept and rebuilt."""
    from search_bench import corpus_db

    from monitor.gui import data
    from monitor.service import Monitor
    from monitor.situation import JOURNEY_ONLY

    corpus = corpus_db(size, seed, cache)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "corpus.db"
        shutil.copyfile(corpus, copy)
        with Monitor(copy) as monitor:
            data.snapshot(monitor, None)  # warm the page cache
            kept = _median_ms(lambda: data.snapshot(monitor, None), rounds)
            rebuilt = _median_ms(lambda: data.snapshot(monitor, None), rounds, monitor.schedules.clear)
            journey_kept = _median_ms(lambda: monitor.situation(None, JOURNEY_ONLY), rounds)
            journey_rebuilt = _median_ms(lambda: monitor.situation(None, JOURNEY_ONLY), rounds,
                                         monitor.schedules.clear)
            reports = len(monitor.situation(None, JOURNEY_ONLY).observations)
    base = "schedule built again (previous way)"
    figures = [
        {"name": "gui.clock_tick_snapshot", "value": kept, "unit": "ms", "baseline": rebuilt,
         "baseline_name": base, "ratio": round(kept / rebuilt, 3), "target": "", "ok": None},
        {"name": "journey.situation_same_reports", "value": journey_kept, "unit": "ms",
         "baseline": journey_rebuilt, "baseline_name": base,
         "ratio": round(journey_kept / journey_rebuilt, 3), "target": "", "ok": None},
    ]
    return {"bench": "clock_tick", "size": size, "seed": seed, "rounds": rounds, "reports": reports,
            "snapshot_ms": kept, "snapshot_rebuilt_ms": rebuilt, "journey_ms": journey_kept,
            "journey_rebuilt_ms": journey_rebuilt, "figures": figures}


def main() -> None:
    from _corpus_cli import main_for

    main_for(run, __doc__.split("\n")[0])


if __name__ == "__main__":
    main()
