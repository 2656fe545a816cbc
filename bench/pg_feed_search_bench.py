"""The feed's text filter on both engines: a database file and the same store in PostgreSQL.

For each query, folded (one row per story item, the window's default) and not, prints how long
``FeedQueries`` takes on each engine for the first page of 100, the page after it, and the
count capped at 10,000, with the plan each page took (``FeedQueries.last_plan``) and the rows
found. The team store is made from the file by ``monitor copy`` beforehand, e.g.::

    cp "$MONITOR_BENCH_CACHE/corpus-100000-7.db" /tmp/feed.db   # a corpus bench/make_corpus.py made
    monitor copy --from /tmp/feed.db --to postgresql://…/feed
    python bench/pg_feed_search_bench.py --file /tmp/feed.db --url postgresql://…/feed

Each figure is the best of ``--repeat`` runs (the first warms the caches). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.service import Monitor  # noqa: E402
from monitor.store.feed import FeedFilter, FeedQueries, sort_key  # noqa: E402

#: Words of the benchmark corpora from every fifth of a post to nearly every post, a phrase, a
#: prefix, an OR, and a word no post holds.
QUERIES = ["office", "Yonhap", "Blinken", "Putin", "train", '"armoured train"', "vlad*",
           "Khasan OR Tumangang", "zzzqqq"]


def _best(run, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 1), result


def measure(where: str, repeat: int) -> list[dict]:
    rows = []
    with Monitor(where, readonly=not where.startswith("postgres"), create=False) as monitor:
        queries = FeedQueries(monitor.db)
        for fold in (True, False):
            for text in QUERIES:
                flt = FeedFilter(text=text, fold=fold)
                first_ms, page = _best(lambda flt=flt: queries.page(flt, limit=100), repeat)
                plan = queries.last_plan
                after = sort_key(page[-1]) if page else None
                second_ms, _ = _best(lambda flt=flt, after=after: queries.page(flt, after=after, limit=100)
                                     if after else [], repeat)
                count_ms, count = _best(lambda flt=flt: queries.count(flt, cap=10_000), repeat)
                rows.append({"query": text, "fold": fold, "first_ms": first_ms, "second_ms": second_ms,
                             "count_ms": count_ms, "plan": plan, "rows": len(page), "count": count})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", required=True, help="The store as an SQLite file (opened read-only).")
    parser.add_argument("--url", required=True, help="The same store in PostgreSQL.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps({"sqlite": measure(args.file, args.repeat),
                      "postgresql": measure(args.url, args.repeat)}, indent=1))


if __name__ == "__main__":
    main()
