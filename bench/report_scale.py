"""A PNG report of a big store: seconds and peak memory of ``monitor report --out x.png``.

Runs the real command (``python -m monitor report --db STORE --out report.png``), each time in a
process of its own, and reads the process's wall time and its peak resident memory
(``ru_maxrss`` from ``os.wait4``, the kernel's own count for that one child), and its CPU seconds
(user + system), which another program's load disturbs less than the wall time. The baseline, in
the same run: the same command on a store holding only the seed pages the app ships with (start-up,
Qt and painting with next to nothing to read). Each store is reported once beforehand, untimed,
so the OS file cache holds Python, Qt and the store as it does for the timed run. The corpus is
built once and cached as for ``search_bench.py``.

    python bench/report_scale.py [--size 100k]       # the issue's target: --size 1M
    python bench/report_scale.py --db STORE          # any store (migrated first, untimed)

Prints one JSON object with a ``figures`` list for ``bench/run_all.py`` (and the load average
the run saw, since the figures depend on it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

#: The issue's targets, for a million posts.
TARGET_S = 5.0
TARGET_MB = 400.0


def report_once(db_path: Path, out_dir: Path, at: str | None = None) -> dict:
    """Run ``monitor report`` on ``db_path`` in a child process: wall seconds and peak RSS in MB."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = out_dir / "report.png"
    args = [sys.executable, "-m", "monitor", "report", "--db", str(db_path), "--out", str(out)]
    if at:
        args += ["--at", at]
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=out_dir)
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the largest of all children).
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stdout, stderr = child.stdout.read(), child.stderr.read()  # small: one line, or an error
    child.stdout.close()
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or not out.exists():
        raise RuntimeError(f"monitor report on {db_path} failed ({child.returncode}): "
                           f"{(stderr or stdout).decode(errors='replace').strip()[-1500:]}")
    return {"seconds": round(elapsed, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            # CPU seconds are steadier than wall seconds on a machine shared with other work.
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3), "png_bytes": out.stat().st_size,
            "load": round(os.getloadavg()[0], 2)}


def seed_store(path: Path) -> Path:
    """A store holding the shipped seed pages alone (the baseline)."""
    from monitor.service import Monitor

    with Monitor(path) as monitor:
        monitor.seed_if_empty()
    return path


def _figure(name: str, value: float, unit: str, baseline: float, baseline_name: str,
            target: float | None) -> dict:
    figure = {"name": name, "value": value, "unit": unit, "baseline": baseline,
              "baseline_name": baseline_name, "ratio": round(value / baseline, 2) if baseline else None}
    if target is not None:
        figure["target"] = f"<= {target:g} {unit}"
        figure["ok"] = value <= target
    return figure


def run(size: int, seed: int, cache: Path, at: str | None, db: Path | None = None) -> dict:
    """Build or reuse the corpus (or take ``db``); time the report on it and on the seed store."""
    from search_bench import corpus_db

    from monitor.service import Monitor

    corpus = db or corpus_db(size, seed, cache)
    if db is not None:
        with Monitor(db) as monitor:  # migrated here, outside the timed runs
            size = monitor.posts.count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds = seed_store(folder / "seeds.db")
        report_once(seeds, folder)  # warms the OS file cache for Python and Qt
        base = report_once(seeds, folder)
        report_once(corpus, folder, at)  # and for the corpus
        big = report_once(corpus, folder, at)
    label = f"{size // 1000}k" if size < 1_000_000 else f"{size / 1e6:g}M"
    at_scale = size >= 1_000_000
    base_name = "same command, store of the seed pages"
    figures = [
        _figure(f"report.png_seconds_{label}", big["seconds"], "s", base["seconds"], base_name,
                TARGET_S if at_scale else None),
        _figure(f"report.png_peak_rss_mb_{label}", big["peak_rss_mb"], "MB", base["peak_rss_mb"], base_name,
                TARGET_MB if at_scale else None),
        _figure(f"report.png_cpu_seconds_{label}", big["cpu_seconds"], "s", base["cpu_seconds"], base_name,
                None),
    ]
    return {"bench": "report_scale", "db": str(corpus), "size": size, "seed": None if db else seed,
            "at": at or "now",
            "corpus": big, "seed_store": base, "figures": figures}


def main(argv: list[str] | None = None) -> int:
    from make_corpus import parse_size
    from search_bench import default_cache

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("100k"))
    parser.add_argument("--seed", type=int, default=1)  # gui_scale.py's corpus
    parser.add_argument("--cache", type=Path, default=None, help="corpus database directory")
    parser.add_argument("--at", default=None, help="the report's moment (ISO 8601; default now)")
    parser.add_argument("--db", type=Path, default=None, help="report this store instead of a corpus")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.size, args.seed, args.cache or default_cache(), args.at, args.db)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
