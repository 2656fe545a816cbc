"""Open a database file: WAL, foreign keys, busy timeout, and migrations to the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from monitor.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The database cannot be used; the message names the file and the problem."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of the app."""


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
        with db.atomic():
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
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=10)
        else:
            conn = sqlite3.connect(str(path), timeout=10)
        # Autocommit mode: transactions are explicit (db.atomic()), never implicit.
        conn.isolation_level = None
        db = Database(conn)
        db.execute("pragma busy_timeout = 10000")
        db.execute("pragma foreign_keys = on")
        if not readonly:
            if db.journal_mode != "wal":
                db.enable_wal()
            db.execute("pragma synchronous = normal")
            migrate(db, where)
        elif _current_version(db) > SCHEMA_VERSION:
            raise NewerSchemaError(f"{where}: database schema is newer than this app understands")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where}: not a usable SQLite database ({exc})") from exc
    return db
