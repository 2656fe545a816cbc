"""A big store quickly: a built store and N copies of its sources' posts, under new ids.

Building the 1M-post corpus through the store takes about 25 minutes on an idle two-core machine
(hours when the cores are shared). This makes a stand-in in minutes: the store at SOURCE and
``copies`` copies of every source with its posts, revisions, quotes and route reports, each copy
under new ids (source keys and URLs get ``#copyK``); speakers and the route are shared. The
copies go through the tables' triggers, so the full-text indexes hold them too. The stand-in
is not the generated corpus (it has the same posts ten times over and a tenth of the speakers);
figures measured on it say so.

    python bench/_replicate_store.py corpus-100000-7.db replica-1M.db 9

(Its name starts with "_": ``run_all.py`` does not run it as a benchmark.)
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import time
from pathlib import Path

#: Tables copied, with the column that points at the copied parent (shifted with it).
TABLES = {"sources": None, "posts": ("source_id", "sources"), "post_revisions": ("post_id", "posts"),
          "quotes": ("post_id", "posts"), "observations": ("post_id", "posts")}


def replicate(source: Path, target: Path, copies: int) -> tuple[int, int]:
    """Copy ``source`` to ``target`` and add ``copies`` copies of its rows; (posts, quotes)."""
    shutil.copyfile(source, target)
    db = sqlite3.connect(target, isolation_level=None)
    try:
        db.execute("pragma journal_mode=wal")
        columns = {t: [r[1] for r in db.execute(f"pragma table_info({t})")] for t in TABLES}
        top = {t: db.execute(f"select coalesce(max(id), 0) from {t}").fetchone()[0] for t in TABLES}
        started = time.perf_counter()
        for k in range(1, copies + 1):
            db.execute("begin")
            for table, parent in TABLES.items():
                exprs = []
                for column in columns[table]:
                    if column == "id":
                        exprs.append(f"id + {k * top[table]}")
                    elif parent and column == parent[0]:
                        exprs.append(f"{column} + {k * top[parent[1]]}")
                    elif table == "sources" and column in ("key", "url"):
                        exprs.append(f"{column} || '#copy{k}'")
                    else:
                        exprs.append(f'"{column}"')
                names = ", ".join(f'"{c}"' for c in columns[table])
                db.execute(f"insert into {table} ({names}) select {', '.join(exprs)} from {table} "
                           f"where id <= {top[table]}")
            db.execute("commit")
            print(f"copy {k}: {time.perf_counter() - started:.0f} s", flush=True)
        db.execute("pragma wal_checkpoint(truncate)")
        posts = db.execute("select count(*) from posts").fetchone()[0]
        quotes = db.execute("select count(*) from quotes").fetchone()[0]
    finally:
        db.close()
    return posts, quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a built store (e.g. a cached corpus)")
    parser.add_argument("target", type=Path, help="the stand-in to write (replaced)")
    parser.add_argument("copies", type=int, help="copies to add (9 makes 100k posts 1M)")
    args = parser.parse_args(argv)
    posts, quotes = replicate(args.source, args.target, args.copies)
    print(f"{args.target}: {posts} posts, {quotes} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
