"""Open a database file: WAL, foreign keys, busy timeout, and migrations to the current schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from monitor.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The database cannot be used; the message names the file and the problem."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the app."""


class DatabaseFullError(StoreError):
    """The disk (or the database's size limit) is full; the failed change was rolled back."""


class DatabaseBusyError(StoreError):
    """Another program held the database longer than the busy timeout allows."""


#: How long a writer waits for another writer before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000


def _current_version(db: Database) -> int:
    if "schema_version" not in db.table_names():
        return 0
    row = db.execute("select max(version) from schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: Database, path: str) -> None:
    """Bring ``db`` up to SCHEMA_VERSION, one migration per transaction."""
    version = _current_version(db)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path}: database schema version {version} is newer than this app "
            f"understands ({SCHEMA_VERSION}); upgrade Situation Monitor to open it"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with write_transaction(db):
            # Another process may have migrated while this one waited for the write lock.
            if _current_version(db) >= number:
                continue
            MIGRATIONS[number - 1](db)
            db.table("schema_version").insert(
                {"version": number, "applied": _now_iso()}, pk="version", replace=True
            )


def _now_iso() -> str:
    from monitor.model import to_iso, utc_now

    return to_iso(utc_now()) or ""


def open_database(path: str | Path, *, readonly: bool = False) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises StoreError with the file named when it is not a usable SQLite database.
    """
    where = str(path)
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
            )
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        # Autocommit mode: transactions are explicit (db.atomic()), never implicit.
        conn.isolation_level = None
        db = Database(conn)
        db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("pragma foreign_keys = on")
        if not readonly:
            if db.journal_mode != "wal":
                db.enable_wal()
            db.execute("pragma synchronous = normal")
            migrate(db, where)
        elif _current_version(db) > SCHEMA_VERSION:
            raise NewerSchemaError(f"{where}: database schema is newer than this app understands")
    except sqlite3.DatabaseError as exc:
        raise store_error(where, exc) or StoreError(
            f"{where}: not a usable SQLite database ({exc})"
        ) from exc
    return db


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
    return None


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at the start (BEGIN IMMEDIATE).

    A deferred transaction that reads first and writes later cannot wait for another writer:
    SQLite fails it at once with "database is locked" when the snapshot it read has gone stale.
    Taking the lock up front lets the busy timeout do its work. Inside an open transaction this
    is a savepoint. Machine conditions (full disk, busy, I/O) come out as StoreError naming the
    file, after the transaction was rolled back.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        translated = store_error(database_file(db), exc)
        if translated is None:
            raise
        raise translated from exc
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # a full disk may have rolled it back already
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            translated = store_error(database_file(db), exc)
            if translated is not None:
                raise translated from exc
        raise
