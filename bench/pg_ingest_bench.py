"""Store-only ingest into the PostgreSQL team store, against a bare COPY of the same rows.

Both sides store the same posts (``ingest_bench``'s corpus: live pages of the train's journey)
in the same run, each into a new database on the cluster named by ``--dsn`` or
``MONITOR_TEST_PG`` (``bash .ci/pg-cluster.sh with python bench/pg_ingest_bench.py``):

* ``pg_store_only``: ``PostStore.ingest`` through ``Monitor`` on a ``postgresql://`` URL, one
  transaction per page (identity and edit detection, the generated ``tsvector`` column and its
  GIN index kept in step), without ``after_ingest``; the target is 5,000 posts/s;
* ``pg_baseline_copy``: ``COPY`` of the same post rows into a table of the same columns with no
  index, no generated column and no key, in one transaction;
* ``sqlite_store_only``: the same store-only ingest into an SQLite file, for comparison;
* ``pg_monitor_ingest``: ``Monitor.ingest_result`` with everything an ingest derives (story
  items, quotes, route observations), on the first pages only (``--full-pages``);
* ``sqlite_monitor_ingest``: the same pages the same way into an SQLite file, for comparison.

Parsing is done before the clock starts. Prints one JSON object; without a cluster it says so
and exits 0 (so ``run_all.py`` passes over it).

Usage: ``python bench/pg_ingest_bench.py [--size 20k] [--seed 1] [--dsn URL]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from _pg_database import new_database  # noqa: E402
from ingest_bench import ROUTE, _rows, bench_store_only  # noqa: E402
from make_corpus import Page, pages, parse_size  # noqa: E402

from monitor.model import ParseResult  # noqa: E402
from monitor.service import Monitor  # noqa: E402

TARGET_PER_S = 5000
_COLUMNS = ("source_id", "guid", "seq", "title", "byline", "location", "body", "url", "published",
            "published_precision", "first_seen", "updated", "content_hash", "match_keys")


def store_only(corpus: list[tuple[Page, ParseResult]], target: str) -> float:
    """Seconds for the first saves through PostStore alone, one transaction per page (the same
    loop as the SQLite bench's, on either engine)."""
    return bench_store_only(corpus, target)


def baseline_copy(rows: list[dict], target: str) -> float:
    """Seconds for a bare COPY of ``rows`` into an unindexed table, in one transaction."""
    import psycopg

    with psycopg.connect(target) as conn:
        conn.execute("create table bare_posts (source_id bigint, guid text, seq bigint, title text, "
                     "byline text, location text, body text, url text, published text, "
                     "published_precision text, first_seen text, updated text, content_hash text, "
                     "match_keys text)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor().copy(f"copy bare_posts ({', '.join(_COLUMNS)}) from stdin") as copy:
            for row in rows:
                copy.write_row([row[c] for c in _COLUMNS])
        conn.commit()
        return time.perf_counter() - started


def monitor_ingest(corpus: list[tuple[Page, ParseResult]], target: str) -> tuple[float, int]:
    """Seconds for ``Monitor.ingest_result`` (with what it derives) of ``corpus``; posts added."""
    added = 0
    with Monitor(target) as monitor:
        monitor.set_route(ROUTE)
        started = time.perf_counter()
        for page, result in corpus:
            report = monitor.ingest_result(result, page.name, source_key=f"file:{page.name}",
                                           url=f"corpus:{page.name}")
            if report.error:
                raise RuntimeError(report.error)
            added += report.added
        return time.perf_counter() - started, added


def figure(name: str, value: float, unit: str, baseline: float | None, *,
           target: float | None = None) -> dict:
    out = {"name": name, "value": round(value, 1), "unit": unit, "baseline": baseline and round(baseline, 1),
           "ratio": round(value / baseline, 3) if baseline else None}
    if target is not None:
        out |= {"target": target, "ok": value >= target}
    return out


def run(size: int, seed: int, dsn: str, full_pages: int) -> dict:
    corpus = [(page, ParseResult(kind="livetext", posts=page.parsed())) for page in pages(size, seed)]
    rows = _rows(corpus)
    with new_database(dsn) as target:
        pg = store_only(corpus, target)
    with new_database(dsn) as target:
        copy = baseline_copy(rows, target)
    with tempfile.TemporaryDirectory() as folder:
        lite = store_only(corpus, str(Path(folder) / "store.db"))
    first = [(p, r) for p, r in corpus if not p.revised][:full_pages]
    with new_database(dsn) as target:
        full, full_added = monitor_ingest(first, target)
    with tempfile.TemporaryDirectory() as folder:
        lite_full, lite_added = monitor_ingest(first, str(Path(folder) / "store.db"))
    n = len(rows)
    return {
        "bench": "pg_ingest", "posts": n, "seed": seed,
        "pg_store_only_per_s": round(n / pg), "pg_baseline_copy_per_s": round(n / copy),
        "sqlite_store_only_per_s": round(n / lite),
        "pg_monitor_ingest_per_s": round(full_added / full), "pg_monitor_ingest_posts": full_added,
        "sqlite_monitor_ingest_per_s": round(lite_added / lite_full),
        "figures": [
            figure("pg store-only ingest", n / pg, "posts/s", n / copy, target=TARGET_PER_S),
            figure("sqlite store-only ingest (same rows)", n / lite, "posts/s", n / pg),
            figure("pg ingest with what it derives", full_added / full, "posts/s", n / pg),
            figure("sqlite ingest with what it derives (same pages)", lite_added / lite_full, "posts/s",
                   full_added / full),
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="20k", help="posts in the corpus (e.g. 5k, 20k)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dsn", default=os.environ.get("MONITOR_TEST_PG"),
                        help="a PostgreSQL server (default: $MONITOR_TEST_PG)")
    parser.add_argument("--full-pages", type=int, default=20,
                        help="pages ingested with everything derived (default 20)")
    args = parser.parse_args(argv)
    if not args.dsn:
        print(json.dumps({"bench": "pg_ingest", "skipped": "no PostgreSQL server: give --dsn or run "
                          "under bash .ci/pg-cluster.sh with ..."}))
        return 0
    print(json.dumps(run(parse_size(args.size), args.seed, args.dsn, args.full_pages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
