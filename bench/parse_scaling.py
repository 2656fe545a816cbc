"""Do the parsers take linear time on hostile input? Time at size n and 8n, same run.

For each input shape — long name-like lines, runs of headline-like lines, quote marks, deep markup,
many JSON lines, a feed with many items, control-byte noise — ``parse_document`` (which sniffs and
dispatches to every registered parser) is timed on the shape at n and at 8n. The baseline is the
time at n scaled by 8: a ratio near 1 is linear, 64 would be quadratic. Errors are fine (hostile
input may be refused); only time counts here. Prints one JSON object.

Usage: ``python bench/parse_scaling.py [--n 20000]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.sources.errors import SourceError  # noqa: E402
from monitor.sources.registry import parse_document  # noqa: E402

#: Input shapes: n -> bytes of about n units of the shape.
SHAPES: dict[str, Callable[[int], bytes]] = {
    "name_like_line": lambda n: ("Aaaa-Bbbb " * n).encode(),
    "dateline_like_line": lambda n: ("In " + "Aaa, " * n).encode(),
    "headline_runs": lambda n: "".join(f"Kim's train nears Khasan {i}\n" for i in range(n)).encode(),
    "quote_marks": lambda n: ("“" * n + " said.\n").encode(),
    "live_page": lambda n: ("date 2023-09-11\n" + "".join(
        f"{i % 24:02d}:{i % 60:02d}\nTrain leaves station {i}\nThe train left station {i}.\n"
        for i in range(n // 3))).encode(),
    "deep_markup": lambda n: ("<html><body>" + "<div>" * n + "text" + "</div>" * n).encode(),
    "json_lines": lambda n: "".join(
        json.dumps({"guid": f"g{i}", "title": f"Post {i}", "body": "Body."}) + "\n" for i in range(n // 4)
    ).encode(),
    "feed_items": lambda n: ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + "".join(
        f"<item><guid>g{i}</guid><title>Post {i}</title><description>Body {i}.</description></item>"
        for i in range(n // 8)) + "</channel></rss>").encode(),
    "control_noise": lambda n: bytes((i * 7919) % 251 + 1 for i in range(n * 4)),
}


def _time(data: bytes, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        # Refusing hostile input is fine; the time is what is measured.
        with contextlib.suppress(SourceError):
            parse_document(data, "scaling.txt")
        best = min(best, time.perf_counter() - started)
    return best


def run(n: int) -> dict:
    """Time each shape at n and at 8n."""
    figures = []
    for name, make in SHAPES.items():
        small, large = make(n), make(8 * n)
        t1, t8 = _time(small), _time(large)
        ratio = t8 / (8 * t1) if t1 else None
        figures.append({
            "name": f"parse_{name}_ms_at_8n", "value": round(t8 * 1000, 2), "unit": "ms",
            "baseline": round(8 * t1 * 1000, 2), "baseline_name": "8 x the time at n",
            "ratio": round(ratio, 2) if ratio is not None else None,
            "target": "linear (ratio <= 2)", "ok": ratio is not None and ratio <= 2,
            "bytes_at_8n": len(large),
        })
    return {"bench": "parse_scaling", "n": n, "figures": figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.n)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
