"""Open a database file: WAL, foreign keys, busy timeout, and migrations to the current schema."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from monitor.store.errors import (
    BUSY_TIMEOUT_MS,
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseFullError,
    NewerSchemaError,
    StoreError,
    database_file,
    full_text_errors,
    index_error,
    repair_hint,
    store_error,
)
from monitor.store.migrations import MIGRATIONS, readable_at

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SCHEMA_VERSION",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DatabaseFullError",
    "NewerSchemaError",
    "StoreError",
    "database_file",
    "full_text_errors",
    "migrate",
    "open_database",
    "repair_hint",
    "store_error",
    "write_transaction",
]

SCHEMA_VERSION = len(MIGRATIONS)


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


#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def check_database_file(path: Path, where: str, *, create: bool) -> None:
    """Raise StoreError unless ``path`` is an SQLite file, or (with ``create``) missing.

    Opening never overwrites: a file of other content — text, an image, an empty file — is
    named and left exactly as it was (SQLite would otherwise take an empty file, or one it
    reads before looking, for a new database and write its pages into it).
    """
    if not path.exists():
        if not create:
            raise StoreError(f"{where}: no such database (nothing was created; `monitor ingest` or "
                             "`monitor sources add` make a new one, as does File → New database)")
        return
    if path.is_dir():
        raise StoreError(f"{where}: is a folder, not a database file")
    if not path.is_file():
        raise StoreError(f"{where}: not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{where}: cannot be read ({exc.strerror or exc})") from exc
    if head == SQLITE_HEADER:
        return
    if not head and Path(f"{path}-wal").exists():
        return  # everything is still in the write-ahead log
    what = "an empty file" if not head else "not an SQLite database"
    raise StoreError(f"{where}: {what}; nothing was changed (give the path of a Situation Monitor "
                     "database, or a new file name to a command that creates one)")


def open_database(path: str | Path, *, readonly: bool = False, create: bool = True) -> Database:
    """Open (creating if needed and ``create``) and migrate the database at ``path``.

    An existing file that is not an SQLite database is refused and never written; a missing
    file is made only when ``create`` (and never by ``readonly``).

    ``readonly=True`` opens an existing file for reading only: nothing is ever written (the
    connection refuses writes), so it works beside another program's write lock and on a
    read-only file, folder or mount (``mode=ro``, see ``_open_readonly``). Raises StoreError
    with the file named when it is not a usable SQLite database, cannot be created where asked,
    or needs upgrading where it cannot be written.
    """
    where = str(path)
    if where.startswith(("postgresql://", "postgres://")):
        # Never taken for a file name (it would make one named after the URL): a team store
        # opens through Monitor (store/pg/database.py).
        raise StoreError("a PostgreSQL URL is not a database file; open the team store with Monitor")
    if readonly:
        return _open_readonly(Path(path), where)
    if str(path) != ":memory:":
        check_database_file(Path(path), where, create=create)
        _make_folder(Path(path), where)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        # Autocommit mode: transactions are explicit (db.atomic()), never implicit.
        conn.isolation_level = None
        db = Database(conn)
        db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("pragma foreign_keys = on")
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("pragma synchronous = normal")
        migrate(db, where)
    except sqlite3.DatabaseError as exc:
        if Path(path).is_file() and not _writable(Path(path)):
            raise StoreError(
                f"{where}: cannot write the database here (read-only file, folder or disk: {exc}); "
                "commands that only read it (posts, search, export, sources, route) still work"
            ) from exc
        raise store_error(where, exc) or StoreError(
            f"{where}: not a usable SQLite database ({exc})"
        ) from exc
    return db


def _make_folder(path: Path, where: str) -> None:
    """Create the database's folder, or say which part of the path stands in the way."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in [path.parent, *path.parent.parents] if p.exists() and not p.is_dir()),
                       None)
        if blocker is not None:
            raise StoreError(f"{where}: cannot create the database there: {blocker} is a file, "
                             "not a folder") from exc
        raise StoreError(f"{where}: cannot create the database's folder {path.parent} "
                         f"({exc.strerror or exc})") from exc
    if path.is_dir():
        raise StoreError(f"{where}: is a folder, not a database file")


def _writable(path: Path) -> bool:
    """True when the file and its folder can be written (a read-only mount says no even to root)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_readonly(path: Path, where: str) -> Database:
    """Open an existing database for reading only; see ``open_database``.

    Where the file or its folder cannot be written (a read-only file, folder or mount), the
    connection is opened ``mode=ro``. A WAL database needs its ``-shm`` index to be read: SQLite
    creates it when the folder can be written and reads an existing one on a read-only folder,
    but without either it cannot open the file in ``mode=ro`` (SQLITE_CANTOPEN). Then the file
    is opened ``immutable=1``: no program can be writing it, since a writer needs that same
    ``-shm`` (and ``-wal``) in the same folder, so reading it as it stands is exact.
    """
    check_database_file(path, where, create=False)
    writable = _writable(path)
    base = "file:" + quote(str(path.resolve()))
    try:
        if writable:
            # Where it can be written, a normal connection that refuses writes: the last one
            # closed removes the -wal and -shm files, which a mode=ro one would leave behind
            # after every read.
            db = _connect_readonly(str(path), uri=False)
        else:
            try:
                db = _connect_readonly(base + "?mode=ro")
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorname", "") != "SQLITE_CANTOPEN":
                    raise
                db = _connect_readonly(base + "?immutable=1")
        version = _current_version(db)
    except sqlite3.DatabaseError as exc:
        raise store_error(where, exc) or StoreError(
            f"{where}: not a usable SQLite database ({exc})"
        ) from exc
    if version > SCHEMA_VERSION:
        db.close()
        raise NewerSchemaError(
            f"{where}: database schema version {version} is newer than this app "
            f"understands ({SCHEMA_VERSION}); upgrade Situation Monitor to open it"
        )
    if version < SCHEMA_VERSION and (writable or not readable_at(version)):
        db.close()
        if writable:
            upgraded = open_database(path)  # once; every later read finds it up to date
            upgraded.execute("pragma query_only = on")
            return upgraded
        raise StoreError(
            f"{where}: the database is at schema version {version} and needs upgrading to "
            f"{SCHEMA_VERSION}, but it cannot be written here (read-only file, folder or disk); "
            "open it once where it can be written"
        )
    # Up to date, or (where it cannot be upgraded) lacking only indexes the queries do without.
    return db


def _connect_readonly(target: str, *, uri: bool = True) -> Database:
    conn = sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.isolation_level = None
    db = Database(conn)
    db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("pragma query_only = on")
    db.execute("select count(*) from sqlite_master").fetchone()  # opens the file now
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at the start (BEGIN IMMEDIATE).

    On a PostgreSQL store (``PgDatabase``) its own ``write_transaction``: the store's advisory
    write lock, held to the end of the transaction.

    A deferred transaction that reads first and writes later cannot wait for another writer:
    SQLite fails it at once with "database is locked" when the snapshot it read has gone stale.
    Taking the lock up front lets the busy timeout do its work. Inside an open transaction this
    is a savepoint. Machine conditions (full disk, busy, I/O) come out as StoreError naming the
    file, after the transaction was rolled back.
    """
    if not isinstance(db, Database):  # the PostgreSQL store (store/pg/database.py) has its own
        with db.write_transaction():
            yield db
        return
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
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
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
            where = database_file(db)
            translated = store_error(where, exc) or index_error(db, where)
            if translated is not None:
                raise translated from exc
        raise
