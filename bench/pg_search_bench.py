"""Search and the feed's pages on the PostgreSQL team store, beside SQLite on the same corpus.

The corpus is ``search_bench``'s (``corpus-<size>-<seed>.db`` in ``$MONITOR_BENCH_CACHE``, built
when missing). It is moved into a PostgreSQL database by the project's own copy
(``monitor.store.transfer.copy_store``, what ``monitor copy`` runs) once: the database, named
after the corpus file, gets a marker (the file's name, size and modification time, in the schema
``bench_cache``) when the copy is done, and a later run finding the marker uses the database as it
is. Then, in the same run, for each engine:

* ``search``: p50 and p95 over ``search_bench.QUERIES`` (each query's median over ``--rounds``)
  of ``PgPostReader.search`` on PostgreSQL (through ``PgReadStore``, as ``monitor search``)
  and ``PostStore.search`` on the SQLite file, the first page of 50; the target is p95 <= 30 ms
  at 1M. Each query's first page is compared too: ``same_first_page`` counts the queries whose
  page holds the same posts on both engines, and ``ranked_alike`` those both engines rank or
  both list newest first (a ranked page may differ: bm25 against ``ts_rank``);
* ``feed``: the feed's first page of 100 (``FeedQueries.page`` through ``Monitor``, unfiltered,
  folded as the app shows it) and a page deep in the feed (after the post half-way down), each
  the median over the rounds.

The PostgreSQL server is ``--dsn``, ``$MONITOR_BENCH_PG`` or ``$MONITOR_TEST_PG``; else a cluster
of ``.ci/pg-cluster.sh`` in ``--pg-dir`` (default: ``pg-cluster`` in the cache), started for the
run and halted after, its data kept so the next run does not load again; without a PostgreSQL
server installed it says so and exits 0 (so ``run_all.py`` passes over it). The SQLite file is
opened read-only. Copying 1M posts in takes about six minutes the first time.

Usage: ``python bench/pg_search_bench.py [--size 100k] [--size 1M] [--seed 1] [--dsn URL]``
(100k when no size is given; ``run_all.py --with-1m`` adds 1M)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from make_corpus import parse_size  # noqa: E402
from search_bench import PAGE, QUERIES, _percentiles, corpus_db, default_cache  # noqa: E402

from monitor.model import Post  # noqa: E402
from monitor.service import Monitor  # noqa: E402
from monitor.store import fts_query  # noqa: E402
from monitor.store.feed import FeedFilter, FeedQueries, sort_key  # noqa: E402
from monitor.store.pg.posts import PgPostReader  # noqa: E402
from monitor.store.pg.store import PgReadStore  # noqa: E402
from monitor.store.posts import BROAD_MATCHES, PostStore  # noqa: E402
from monitor.store.search import tsquery_text, tsquery_words  # noqa: E402
from monitor.store.transfer import copy_store  # noqa: E402

TARGET_P95_MS = 30
FEED_PAGE = 100
CLUSTER = ROOT / ".ci" / "pg-cluster.sh"


# -- the server and the loaded database -------------------------------------------------------


@contextmanager
def server(dsn: str | None, folder: Path) -> Iterator[str]:
    """The DSN of a PostgreSQL server: ``dsn`` when given, else a cluster in ``folder`` started
    now (reusing its data) and halted after; one already running there is used and left running."""
    if dsn:
        yield dsn
        return
    socket_dsn = f"postgresql://postgres@/postgres?host={folder}&port=5432"
    if (folder / "data" / "postmaster.pid").exists() and _answers(socket_dsn):
        yield socket_dsn
        return
    started = subprocess.run(["bash", str(CLUSTER), "start", str(folder)], check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()[-1]
    try:
        yield started
    finally:
        subprocess.run(["bash", str(CLUSTER), "halt", str(folder)], check=False)


def _server_installed() -> bool:
    """True when ``.ci/pg-cluster.sh`` finds PostgreSQL's server programs to start a cluster."""
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) or shutil.which("initdb") is not None


def _answers(dsn: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(dsn, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _marker(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return path.name, stat.st_size, stat.st_mtime_ns


def loaded_database(dsn: str, corpus: Path) -> tuple[str, float | None]:
    """The URL of a database on ``dsn``'s server holding the store ``corpus`` (copied by
    ``copy_store`` unless a database marked as holding this very file is there already), and the
    seconds the copy took (None when reused)."""
    import psycopg

    name = re.sub(r"\W", "_", corpus.stem)
    url = urlsplit(dsn)._replace(path="/" + name).geturl()
    with psycopg.connect(dsn, autocommit=True) as admin:
        exists = admin.execute("select 1 from pg_database where datname = %s", [name]).fetchone()
        if exists and _marked(url) == _marker(corpus):
            return url, None
        admin.execute(f'drop database if exists "{name}" with (force)')
        admin.execute(f'create database "{name}"')
    print(f"copying {corpus.name} into PostgreSQL database {name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    copy_store(corpus, url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("vacuum analyze")  # statistics and visibility, as autovacuum would leave them
        seconds = time.perf_counter() - started
        conn.execute("create schema bench_cache")
        conn.execute("create table bench_cache.corpus (file text, size bigint, mtime_ns bigint)")
        conn.execute("insert into bench_cache.corpus values (%s, %s, %s)", list(_marker(corpus)))
    return url, seconds


def _marked(url: str) -> tuple[str, int, int] | None:
    import psycopg

    with psycopg.connect(url) as conn:
        if conn.execute("select to_regclass('bench_cache.corpus')").fetchone()[0] is None:
            return None
        row = conn.execute("select file, size, mtime_ns from bench_cache.corpus").fetchone()
        return (row[0], int(row[1]), int(row[2])) if row else None


# -- measuring --------------------------------------------------------------------------------


def _median_ms(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def search_figures(search: Callable[[str], list[Post]], ranks: Callable[[str], bool], rounds: int) -> dict:
    """p50 and p95 over the queries of each query's median, after one untimed pass; each
    query's first page (post ids) and whether it is ranked."""
    pages = {q: {p.id for p in search(q)} for q in QUERIES}
    per_query = {q: _median_ms(lambda q=q: search(q), rounds) for q in QUERIES}
    p50, p95 = _percentiles(list(per_query.values()))
    worst = sorted(per_query.items(), key=lambda kv: -kv[1])[:3]
    return {"p50": p50, "p95": p95, "slowest": {q: round(ms, 2) for q, ms in worst},
            "pages": pages, "ranked": {q: ranks(q) for q in QUERIES}}


def _sqlite_ranks(posts: PostStore) -> Callable[[str], bool]:
    # PostStore.search's own test of a query (private: the bench asks which way it went).
    def ranks(text: str) -> bool:
        query = fts_query(text)
        return posts._count(query) <= BROAD_MATCHES and posts._rankable(query)
    return ranks


def _pg_ranks(posts: PgPostReader) -> Callable[[str], bool]:
    return lambda text: not posts._broad(tsquery_text(text), tsquery_words(text))


def feed_figures(monitor: Monitor, rounds: int) -> dict:
    """The feed's first page and the page after the post half-way down, each a median."""
    feed = FeedQueries(monitor.db)
    everything = FeedFilter()
    middle = monitor.posts.posts(limit=1, offset=monitor.posts.count() // 2)[0]
    deep = sort_key(middle)
    feed.page(everything, limit=FEED_PAGE)  # untimed: warms the cache as the app's first read would
    feed.page(everything, after=deep, limit=FEED_PAGE)
    return {"first": _median_ms(lambda: feed.page(everything, limit=FEED_PAGE), rounds),
            "deep": _median_ms(lambda: feed.page(everything, after=deep, limit=FEED_PAGE), rounds)}


def measure_sqlite(path: Path, rounds: int) -> dict:
    with Monitor(path, readonly=True) as monitor:
        return {"posts": monitor.posts.count(),
                "search": search_figures(lambda q: monitor.posts.search(q, limit=PAGE),
                                         _sqlite_ranks(monitor.posts), rounds),
                "feed": feed_figures(monitor, rounds)}


def measure_pg(url: str, rounds: int) -> dict:
    with PgReadStore(url) as store:  # what `monitor search` reads through
        out = {"posts": store.posts.count(),
               "search": search_figures(lambda q: store.posts.search(q, limit=PAGE),
                                        _pg_ranks(store.posts), rounds)}
    with Monitor(url) as monitor:
        out["feed"] = feed_figures(monitor, rounds)
    return out


def _figure(name: str, value: float, baseline: float, *, target: float | None = None) -> dict:
    out = {"name": name, "value": round(value, 2), "unit": "ms", "baseline": round(baseline, 2),
           "baseline_name": "SQLite, same corpus, same run",
           "ratio": round(value / baseline, 2) if baseline else None}
    if target is not None:
        out |= {"target": f"<= {target} ms", "ok": value <= target}
    return out


def run(sizes: list[int], seed: int, cache: Path, dsn: str | None, pg_dir: Path, rounds: int) -> dict:
    figures: list[dict] = []
    loads: dict[str, float | None] = {}
    slowest: dict[str, dict] = {}
    agree: dict[str, dict] = {}
    with server(dsn, pg_dir) as admin:
        for size in sizes:
            label = f"{size // 1000}k" if size < 1_000_000 else f"{size / 1e6:g}M"
            corpus = corpus_db(size, seed, cache)
            url, seconds = loaded_database(admin, corpus)
            loads[label] = seconds and round(seconds, 1)
            pg = measure_pg(url, rounds)
            lite = measure_sqlite(corpus, rounds)
            if pg["posts"] != lite["posts"]:
                raise SystemExit(f"{url}: holds {pg['posts']} posts, {corpus} {lite['posts']}")
            big = {"target": TARGET_P95_MS} if size >= 1_000_000 else {}
            figures += [
                _figure(f"pg.search_p95_ms_{label}", pg["search"]["p95"], lite["search"]["p95"], **big),
                _figure(f"pg.search_p50_ms_{label}", pg["search"]["p50"], lite["search"]["p50"]),
            ]
            figures += [
                _figure(f"pg.feed_first_page_ms_{label}", pg["feed"]["first"], lite["feed"]["first"]),
                _figure(f"pg.feed_deep_page_ms_{label}", pg["feed"]["deep"], lite["feed"]["deep"]),
            ]
            slowest[label] = {"pg": pg["search"]["slowest"], "sqlite": lite["search"]["slowest"]}
            agree[label] = _agreement(pg["search"], lite["search"])
    return {"bench": "pg_search", "seed": seed, "queries": len(QUERIES), "rounds": rounds,
            "load_seconds": loads, "figures": figures, "slowest_queries_ms": slowest, "agreement": agree}


def _agreement(pg: dict, lite: dict) -> dict:
    """How many queries' first pages hold the same posts, and are ranked alike, on both engines;
    the queries that differ, with whether each engine ranked them."""
    differ = {q: {"pg_ranked": pg["ranked"][q], "sqlite_ranked": lite["ranked"][q]}
              for q in QUERIES if pg["pages"][q] != lite["pages"][q] or pg["ranked"][q] != lite["ranked"][q]}
    return {"queries": len(QUERIES),
            "same_first_page": sum(pg["pages"][q] == lite["pages"][q] for q in QUERIES),
            "ranked_alike": sum(pg["ranked"][q] == lite["ranked"][q] for q in QUERIES),
            "differ": differ}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, action="append",
                        help="posts in the corpus, repeatable (default: 100k and 1M)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="times each query or page is read")
    parser.add_argument("--cache", type=Path, default=None, help="corpus database directory")
    parser.add_argument("--dsn", help="a PostgreSQL server (default: $MONITOR_BENCH_PG or $MONITOR_TEST_PG, "
                             "else a cluster of its own)")
    parser.add_argument("--pg-dir", type=Path, default=None,
                        help="folder of the cluster started when no --dsn (default: pg-cluster in the cache)")
    args = parser.parse_args(argv)
    args.dsn = args.dsn or os.environ.get("MONITOR_BENCH_PG") or os.environ.get("MONITOR_TEST_PG")
    cache = args.cache or default_cache()
    sizes = args.size or [parse_size("100k")]
    if not args.dsn and not _server_installed():
        print(json.dumps({"bench": "pg_search", "skipped": "no PostgreSQL server: give --dsn, set "
                          "MONITOR_BENCH_PG, or install one (bash .ci/pg-cluster.sh install)"}))
        return 0
    print(json.dumps(run(sizes, args.seed, cache, args.dsn, args.pg_dir or cache / "pg-cluster",
                         args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
