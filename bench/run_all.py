"""Run every benchmark in bench/ and print all figures, each with its baseline and ratio, as JSON.

Every ``bench/*.py`` script other than this one and the corpus generator is a benchmark: it
prints JSON (one object, or one per line) whose ``figures`` list holds objects with ``name``,
``value``, ``unit``, ``baseline``, ``ratio`` and optionally ``target`` and ``ok``. Scripts that
print other shapes are kept whole under ``raw``.

``--readme`` rewrites the table between ``<!-- bench:start -->`` and ``<!-- bench:end -->`` in
README.md with the figures of this run (or of a saved run, ``--from-json FILE``).

Usage::

    python bench/run_all.py                 # every bench, default sizes (search at 100k)
    python bench/run_all.py --with-1m       # adds search and the window on 1M posts (builds the
                                            # 1M corpus once, about 20 minutes)
    python bench/run_all.py --readme        # ... and refreshes the README table
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
#: Not benchmarks: the generator and this runner.
NOT_BENCHES = {"make_corpus.py", "run_all.py"}
#: In a result of another shape, keys with these in their name are measurements (the rest are
#: the run's settings: sizes, counts, rates asked for).
_MEASURE_HINTS = ("_ms", "ms_", "per_s", "speedup", "_vs_", "pct", "saved", "ratio", "f1", "mb_per_second")
#: These also run on a million posts with --with-1m.
AT_1M = ("search_bench.py", "gui_scale.py", "report_scale.py", "pg_search_bench.py")
#: Arguments a script is run with (otherwise none): those that print human-readable text by
#: default are asked for their JSON.
ARGS = {"attribution_eval.py": ["--json"], "hostile_inputs.py": ["--quick", "--json"]}
#: These run first, in this order; any other script follows by name.
FIRST = ["ingest_bench.py", "search_bench.py"]


def bench_scripts() -> list[Path]:
    """Every benchmark script present in bench/, the store's own first."""
    found = sorted(p for p in BENCH.glob("*.py") if p.name not in NOT_BENCHES and not p.name.startswith("_"))
    order = {name: i for i, name in enumerate(FIRST)}
    return sorted(found, key=lambda p: (order.get(p.name, len(order)), p.name))


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        sqlite_utils = version("sqlite-utils")
    except PackageNotFoundError:
        sqlite_utils = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite_utils": sqlite_utils,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _parse_output(text: str) -> list[dict]:
    objects = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                objects.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    if not objects and text.strip().startswith("{"):
        with contextlib.suppress(json.JSONDecodeError):  # one object over several lines
            objects.append(json.loads(text))
    return objects


def _flatten(obj: dict, prefix: str = "") -> list[tuple[str, int | float]]:
    """(dotted key, number) for every number in a nested result."""
    found: list[tuple[str, int | float]] = []
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            found += _flatten(value, name + ".")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found.append((name, value))
    return found


def run_script(script: Path, args: list[str], timeout: float) -> dict:
    """Run one bench script; its figures, or the error it ended with."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    entry: dict = {"script": script.name, "args": args}
    try:
        done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        entry["error"] = f"timed out after {timeout:.0f} s"
        return entry
    entry["seconds"] = round(time.perf_counter() - started, 1)
    objects = _parse_output(done.stdout)
    if done.returncode != 0 or not objects:
        entry["error"] = f"exit {done.returncode}: {done.stderr.strip()[-800:] or 'no JSON printed'}"
    figures = []
    for obj in objects:
        for figure in obj.get("figures", []):
            figures.append(dict(figure, bench=obj.get("bench", script.stem)))
        if "figures" not in obj:
            # Another shape: keep it whole, and list its plain numbers (no baseline known).
            entry.setdefault("raw", []).append(obj)
            for key, value in _flatten(obj):
                if any(hint in key.rsplit(".", 1)[-1] for hint in _MEASURE_HINTS):
                    figures.append({"name": f"{script.stem}.{key}", "value": value, "bench": script.stem})
    entry["figures"] = figures
    return entry


def run_all(with_1m: bool, timeout: float, only: list[str] | None) -> dict:
    """Run the benches and gather their figures."""
    runs = []
    for script in bench_scripts():
        if only and script.stem not in only and script.name not in only:
            continue
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        runs.append(run_script(script, ARGS.get(script.name, []), timeout))
        if script.name in AT_1M and with_1m:
            print(f"running {script.name} --size 1M ...", file=sys.stderr, flush=True)
            runs.append(run_script(script, ["--size", "1M"], max(timeout, 3600)))
    figures = [f for run in runs for f in run.get("figures", [])]
    return {"machine": machine(), "runs": runs, "figures": figures}


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, float):
        if abs(value) < 10:
            return f"{value:.3g}"
        return f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def readme_block(result: dict) -> str:
    """The Markdown that goes between the bench markers."""
    m = result["machine"]
    lines = [
        "",
        f"Measured {m['date']} on {m['cpu']}, {m['cores']} cores, {m['memory']} RAM, {m['os']}, "
        f"Python {m['python']}, SQLite {m['sqlite']}, sqlite-utils {m['sqlite_utils']}. "
        "Refresh with `python bench/run_all.py --readme` (add `--with-1m` for the 1M-post figures).",
        "",
        "| figure | value | baseline (same run) | ratio | target | met |",
        "| --- | ---: | --- | ---: | --- | :---: |",
    ]
    for f in result["figures"]:
        base = f"{_fmt(f.get('baseline'))} ({f['baseline_name']})" if f.get("baseline_name") else _fmt(
            f.get("baseline"))
        lines.append(
            f"| {f['name']} | {_fmt(f.get('value'))} {f.get('unit', '')} | {base} | "
            f"{_fmt(f.get('ratio'))} | {f.get('target', '')} | {_fmt(f.get('ok')) if 'ok' in f else ''} |"
        )
    failed = [run["script"] for run in result["runs"] if run.get("error")]
    if failed:
        lines += ["", "Did not finish: " + ", ".join(failed) + "."]
    return "\n".join(lines) + "\n"


def refresh_readme(result: dict, path: Path = README) -> None:
    """Replace the text between the bench markers of ``path``; the rest stays as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in text or END not in text or text.index(START) > text.index(END):
        raise SystemExit(f"{path}: no bench table markers; add a line {START} and a line {END} "
                         "where the table belongs")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + START + "\n" + readme_block(result) + END + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--with-1m", action="store_true", help="also search a 1M-post corpus")
    parser.add_argument("--readme", action="store_true", help="refresh the table in README.md")
    parser.add_argument("--from-json", type=Path, help="use a saved run instead of running")
    parser.add_argument("--only", nargs="*", help="run only these benches (script names)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per bench script")
    args = parser.parse_args(argv)
    if args.from_json:
        result = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        result = run_all(args.with_1m, args.timeout, args.only)
    print(json.dumps(result, indent=1))
    if args.readme:
        refresh_readme(result)
        print(f"updated {README.name}", file=sys.stderr)
    return 1 if any(run.get("error") for run in result["runs"]) else 0


if __name__ == "__main__":
    sys.exit(main())
