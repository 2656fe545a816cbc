"""Check a database and rebuild its full-text indexes (``monitor repair``).

The full-text indexes (``posts_fts``, ``quotes_fts``) hold nothing of their own: they are built
from ``posts`` and ``quotes``, so a damaged or missing one can always be dropped and built again
without losing anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from monitor.store.database import (
    BUSY_TIMEOUT_MS,
    StoreError,
    open_database,
    store_error,
    write_transaction,
)
from monitor.store.fts import FTS_INDEXES, FTS_TOKENIZE, index_problem


@dataclass
class RepairReport:
    """What ``repair_database`` did and found."""

    path: str
    #: table -> rows indexed again.
    rebuilt: dict[str, int] = field(default_factory=dict)
    #: What SQLite's integrity check found after the rebuild; empty when the file is sound.
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the rebuilt database passed every check."""
        return not self.problems


def repair_database(path: str | Path) -> RepairReport:
    """Rebuild every full-text index of the database at ``path`` from its table, then check
    the whole file. Raises StoreError naming the file when it cannot be opened or written."""
    where = str(path)
    report = RepairReport(where)
    if not Path(path).is_file():
        raise StoreError(f"{where}: no such database")
    _forget_unreadable_indexes(where)
    db = open_database(path)
    try:
        with write_transaction(db):
            for table, columns in FTS_INDEXES.items():
                if table not in db.table_names():
                    continue
                _drop_index(db, table)
                db.table(table).enable_fts(list(columns), create_triggers=True, tokenize=FTS_TOKENIZE)
                report.rebuilt[table] = int(db.execute(f"select count(*) from [{table}]").fetchone()[0])
        report.problems = integrity_problems(db)
    except sqlite3.DatabaseError as exc:
        raise store_error(where, exc) or StoreError(f"{where}: cannot be repaired ({exc})") from exc
    finally:
        db.close()
    return report


def integrity_problems(db: Database) -> list[str]:
    """What SQLite's integrity check and each full-text index's own check report; [] if sound."""
    problems = [row[0] for row in db.execute("pragma integrity_check").fetchall() if row[0] != "ok"]
    for table in FTS_INDEXES:
        problem = index_problem(db, table)
        if problem:
            problems.append(problem)
    return problems


def _drop_index(db: Database, table: str) -> None:
    """Drop the index of ``table``, its shadow tables and the triggers that keep it in step."""
    fts = f"{table}_fts"
    db.execute(f"drop table if exists [{fts}]")
    for (name,) in db.execute(
        "select name from sqlite_master where type = 'table' and name like ? escape '\\'",
        [fts.replace("_", "\\_") + "\\_%"],
    ).fetchall():
        db.execute(f"drop table [{name}]")
    for (name,) in db.execute(
        "select name from sqlite_master where type = 'trigger' and tbl_name = ? and sql like ?",
        [table, f"%{fts}%"],
    ).fetchall():
        db.execute(f"drop trigger [{name}]")


def _forget_unreadable_indexes(where: str) -> None:
    """Remove from the schema an index whose virtual table cannot even be constructed.

    With a shadow table gone, SQLite refuses to drop the index itself ("vtable constructor
    failed"); its schema row is then deleted directly (writable_schema), which touches only the
    index's own row — the leftover shadow tables are dropped as plain tables by the rebuild.
    The connection is closed afterwards, so the next one reads the changed schema.
    """
    conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        broken = []
        for table in FTS_INDEXES:
            try:
                conn.execute(f"select 1 from [{table}_fts] limit 0").fetchall()
            except sqlite3.DatabaseError as exc:
                if "constructor" in str(exc):
                    broken.append(f"{table}_fts")
        if broken:
            conn.execute("pragma writable_schema = 1")
            conn.execute("begin immediate")
            for name in broken:
                conn.execute("delete from sqlite_master where type = 'table' and name = ?", [name])
            conn.execute("commit")
            conn.execute("pragma writable_schema = 0")
    except sqlite3.DatabaseError as exc:
        raise store_error(where, exc) or StoreError(f"{where}: cannot be repaired ({exc})") from exc
    finally:
        conn.close()
