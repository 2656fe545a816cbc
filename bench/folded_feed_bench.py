"""What folding costs where it is read: the feed's count and pages with copies hidden against
every post shown, a search through copies, and a quote's reach in the situation against grouping
every quote of the speakers listed.

Usage::

    python bench/folded_feed_bench.py                  # builds a 5k-post corpus in a temporary folder
    python bench/folded_feed_bench.py --db c100k.db    # a copy of a store (it may be migrated and
                                                       # folded first: run `monitor repair --items`)

Prints JSON with a ``figures`` list for ``bench/run_all.py``: each time in ms (the median of
five), with the unfolded read or the full grouping as its baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from monitor.service import Monitor  # noqa: E402
from monitor.store.feed import FeedFilter, FeedQueries, sort_key  # noqa: E402

RUNS = 5


def _ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _figure(name: str, value: float, baseline: float, baseline_name: str) -> dict:
    return {"name": name, "value": value, "unit": "ms", "baseline": baseline,
            "baseline_name": baseline_name, "ratio": round(value / baseline, 2) if baseline else None}


def run(db: Path, word: str) -> dict:
    """Measure the folded reads on ``db``."""
    figures = []
    with Monitor(db) as monitor:
        feed = FeedQueries(monitor.db)
        for label, flt in (("count", FeedFilter()), ("search_count", FeedFilter(text=word))):
            cap = 1000 if flt.text else None
            unfolded = FeedFilter(text=flt.text, fold=False)
            figures.append(_figure(f"folded_feed_{label}_ms", _ms(lambda f=flt, c=cap: feed.count(f, cap=c)),
                                   _ms(lambda f=unfolded, c=cap: feed.count(f, cap=c)), "every post"))
        for label, flt in (("page", FeedFilter()), ("search_page", FeedFilter(text=word))):
            first = feed.page(flt, limit=100)
            after = sort_key(first[-1]) if first else None
            figures.append(_figure(f"folded_feed_{label}2_ms",
                                   _ms(lambda f=flt, a=after: feed.page(f, after=a, limit=100)),
                                   _ms(lambda f=flt, a=after: feed.page(FeedFilter(text=f.text, fold=False),
                                                                        after=a, limit=100)),
                                   "every post"))
        said = monitor.quotes_at()
        listed = [*said.quotes, *(q for qs in said.speaker_quotes.values() for q in qs)]
        times = {i: p.published or p.first_seen for i, p in said.quote_posts.items()}
        figures.append(_figure("quote_reach_situation_ms", _ms(lambda: monitor.quote_reach(listed, times)),
                               _ms(lambda: monitor.quote_corroboration(listed), runs=1),
                               "every quote of the speakers"))
    return {"bench": "folded_feed", "db": str(db), "figures": figures}


def main(argv: list[str] | None = None) -> int:
    from make_corpus import build_db  # bench/ is this script's own folder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to read (default: build a corpus of --size posts)")
    parser.add_argument("--size", type=int, default=5_000, help="posts in the corpus built (default 5000)")
    parser.add_argument("--word", default="train", help="the word searched for (default: train)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "corpus.db"
            build_db(args.size, 7, db)
        print(json.dumps(run(db, args.word), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
