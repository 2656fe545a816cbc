"""The full-text indexes: which tables have one, and whether one can be used."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

#: Each indexed table and the columns its ``<table>_fts`` index covers, and how words are cut,
#: as the migrations create them (``_v1_posts``, ``migrate_quotes``); ``monitor repair`` builds
#: them again the same way.
FTS_INDEXES: dict[str, tuple[str, ...]] = {
    "posts": ("title", "byline", "location", "body"),
    "quotes": ("text",),
}
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


def index_problem(db: Database, table: str) -> str | None:
    """Why the full-text index of ``table`` cannot be used (missing, damaged), or None.

    Runs the index's own integrity check, which reads all of it: call it when something has
    already failed, not on every open.
    """
    fts = f"{table}_fts"
    names = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'").fetchall()}
    if table not in names:
        return None
    if fts not in names:
        return f"{fts} is missing"
    try:
        db.execute(f"insert into [{fts}]([{fts}]) values ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return f"{fts} is damaged ({exc})"
    return None
