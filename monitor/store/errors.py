"""Errors of the store: each names the database file and what a person can do about it."""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from monitor.store.fts import FTS_INDEXES, index_problem
from monitor.store.text_match import is_team_store

#: How long a writer waits for another writer before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """The database cannot be used; the message names the file and the problem."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the app."""


class DatabaseFullError(StoreError):
    """The disk (or the database's size limit) is full; the failed change was rolled back."""


class DatabaseBusyError(StoreError):
    """Another program held the database longer than the busy timeout allows."""


class DamagedDatabaseError(StoreError):
    """The file, or one of its full-text indexes, is damaged or missing; ``monitor repair`` may mend it."""


def repair_hint(where: str) -> str:
    """The command that rebuilds the full-text indexes of ``where`` and checks the file."""
    return f"monitor repair --db {shlex.quote(where)}"


def damaged_index_error(where: str, detail: str) -> DamagedDatabaseError:
    """The error for a full-text index that cannot be used: names the file and the way out."""
    return DamagedDatabaseError(
        f"{where}: the full-text search index is damaged or missing ({detail}); nothing was "
        f"changed; run `{repair_hint(where)}` to rebuild it from the stored posts"
    )


def database_file(db: Database) -> str:
    """The file name of the main database of ``db`` (":memory:" for an in-memory one)."""
    for _seq, name, file in db.execute("pragma database_list").fetchall():
        if name == "main":
            return file or ":memory:"
    return ":memory:"


def store_error(where: str, exc: sqlite3.Error) -> StoreError | None:
    """A StoreError naming the database ``where`` for a failure a person can act on, else None.

    A full disk, a busy database, an I/O error and a read-only file are conditions of the
    machine, not bugs; any other SQLite error is left to propagate as the bug it is.
    """
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code == "SQLITE_FULL":
        return DatabaseFullError(
            f"{where}: database or disk is full; the change was rolled back and everything "
            "stored before it is kept"
        )
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseBusyError(
            f"{where}: database is busy: another program kept it locked for more than "
            f"{BUSY_TIMEOUT_MS // 1000} s; nothing was changed, try again"
        )
    if code.startswith("SQLITE_IOERR"):
        return StoreError(f"{where}: cannot write the database (disk I/O error: {exc}); "
                          "the change was rolled back")
    if code.startswith("SQLITE_READONLY"):
        return StoreError(f"{where}: database is read-only ({exc})")
    if code == "SQLITE_CORRUPT_VTAB" or any(f"{t}_fts" in str(exc) for t in FTS_INDEXES):
        return damaged_index_error(where, str(exc))
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedDatabaseError(
            f"{where}: the database file is damaged ({exc}); nothing was changed; run "
            f"`{repair_hint(where)}` to check it and rebuild what can be rebuilt"
        )
    if code.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"{where}: cannot open the database file ({exc}): check that its folder "
                          "exists and can be read")
    return None


@contextmanager
def full_text_errors(db: Database, active: bool = True) -> Iterator[None]:
    """Around a read that uses a full-text index: any SQLite failure there (a missing index,
    "database disk image is malformed", "SQL logic error" from a lost shadow table) comes out
    as one DamagedDatabaseError naming the file and ``monitor repair`` (a full disk, a busy or
    unreadable file, as those). ``active=False`` (the read uses no index) leaves errors alone.
    A team store (PostgreSQL) has no such index: its errors are left as they are.
    """
    if is_team_store(db):
        yield
        return
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if not active or isinstance(exc, sqlite3.IntegrityError):
            raise
        where = database_file(db)
        raise (store_error(where, exc) or damaged_index_error(where, str(exc))) from exc


def index_error(db: Database, where: str) -> DamagedDatabaseError | None:
    """After a write failed with an error SQLite did not explain: a damaged full-text index,
    whose triggers fail on every write ("SQL logic error"), if that is what it is."""
    try:
        problems = [p for p in (index_problem(db, t) for t in FTS_INDEXES) if p]
    except sqlite3.DatabaseError:
        return None
    return damaged_index_error(where, "; ".join(problems)) if problems else None


@contextmanager
def store_conditions(db: Database) -> Iterator[None]:
    """Around one write inside a larger transaction: a full disk, a busy or read-only file or a
    damaged full-text index comes out as the StoreError naming the file (and ``monitor repair``),
    so that a caller who notes a failed item and goes on does not take the store's condition
    for the item's own fault. Any other error propagates as it is. On a team store (PostgreSQL:
    no SQLite file, no FTS5 index) errors are left as they are."""
    if is_team_store(db):
        yield
        return
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError):
            raise
        where = database_file(db)
        translated = store_error(where, exc) or index_error(db, where)
        if translated is None:
            raise
        raise translated from exc
