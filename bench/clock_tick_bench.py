"""The window's minute clock on a big store: "now" moved on the evented situation, no read.

The clock moves "now" on the window's ``SituationState`` (``set_now``: the estimate worked out
on the situation's cached schedule, nothing read); the baseline, in the same run, is the clock's
previous way, a new live snapshot (``gui.data.snapshot``) with the schedule kept by
``Monitor.schedules``. Also times that snapshot with the schedule built again each time, the
journey alone (``Monitor.situation`` with ``JOURNEY_ONLY``) both ways, and the fingerprints of a
snapshot's parts (``versions_of``, worked out on the worker with each snapshot).

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
    from monitor.model import utc_now
    from monitor.service import Monitor
    from monitor.situation import JOURNEY_ONLY
    from monitor.state import SituationState, versions_of

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
            situation = data.snapshot(monitor, None).situation
            assert situation is not None
            state = SituationState()
            state.set_situation(situation)
            tick = _median_ms(lambda: state.set_now(utc_now()), rounds)
            fingerprints = _median_ms(lambda: versions_of(situation), rounds)
    base = "schedule built again (previous way)"
    figures = [
        {"name": "gui.clock_tick", "value": tick, "unit": "ms", "baseline": kept,
         "baseline_name": "a live snapshot, schedule kept (previous way)",
         "ratio": round(tick / kept, 4), "target": "", "ok": None},
        {"name": "gui.snapshot_fingerprints", "value": fingerprints, "unit": "ms", "baseline": kept,
         "baseline_name": "the snapshot they are part of", "ratio": round(fingerprints / kept, 3),
         "target": "", "ok": None},
        {"name": "gui.clock_tick_snapshot", "value": kept, "unit": "ms", "baseline": rebuilt,
         "baseline_name": base, "ratio": round(kept / rebuilt, 3), "target": "", "ok": None},
        {"name": "journey.situation_same_reports", "value": journey_kept, "unit": "ms",
         "baseline": journey_rebuilt, "baseline_name": base,
         "ratio": round(journey_kept / journey_rebuilt, 3), "target": "", "ok": None},
    ]
    return {"bench": "clock_tick", "size": size, "seed": seed, "rounds": rounds, "reports": reports,
            "tick_ms": tick, "fingerprints_ms": fingerprints,
            "snapshot_ms": kept, "snapshot_rebuilt_ms": rebuilt, "journey_ms": journey_kept,
            "journey_rebuilt_ms": journey_rebuilt, "figures": figures}


def main() -> None:
    from _corpus_cli import main_for

    main_for(run, __doc__.split("\n")[0])


if __name__ == "__main__":
    main()
