"""The command line the benches on a cached corpus share: ``--size --seed --rounds --cache``.

Not a bench itself (``bench/run_all.py`` passes over modules whose name starts with ``_``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path


def main_for(run: Callable[[int, int, Path, int], dict], description: str) -> None:
    """Parse the shared options, call ``run(size, seed, cache, rounds)`` and print its JSON object."""
    from make_corpus import parse_size
    from search_bench import default_cache

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=parse_size, default=100_000)
    parser.add_argument("--seed", type=int, default=1)  # gui_scale.py's corpus
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="corpus database directory")
    args = parser.parse_args()
    print(json.dumps(run(args.size, args.seed, args.cache or default_cache(), args.rounds)))
