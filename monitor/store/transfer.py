"""Move a whole store between SQLite and PostgreSQL (``monitor copy``), verified table by table.

Every table of the schema is copied (posts, revisions, quotes, speakers, sources, journey,
settings, the schema version: whatever the migrations made), in the order its foreign keys need,
with its ids. The full-text index is not copied: each engine builds its own from the rows
(SQLite's FTS5 triggers, PostgreSQL's generated ``search_vector``).

Each table is verified by its row count and a content hash computed the same way on both sides
(``TableDigest``): SHA-256 over the rows in primary-key order, each row one line of canonical
JSON. The target's hashes are read back inside the copy's own transaction, which commits only
when every count and hash matches the source's: a failed or unequal copy leaves the target as
it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from monitor.store.database import SCHEMA_VERSION, open_database, write_transaction
from monitor.store.errors import StoreError
from monitor.store.pg.connection import connect, is_postgres, redact, scalar
from monitor.store.pg.schema import Schema, Table, create_schema, current_schema, drop_schema, quote_ident

if TYPE_CHECKING:
    import psycopg

#: Rows read or written per round trip.
BATCH = 2000


@dataclass(frozen=True)
class TableDigest:
    """One table's row count and content hash (hex SHA-256)."""

    table: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class CopyReport:
    """What ``copy_store`` did: where from and to (passwords redacted), and each table's digest
    on the source and, read back, on the target."""

    source: str
    target: str
    source_digests: tuple[TableDigest, ...]
    target_digests: tuple[TableDigest, ...]

    @property
    def verified(self) -> bool:
        return self.source_digests == self.target_digests


def _canonical(value: Any) -> Any:
    # JSON keeps ints, floats (repr: exact) and text apart; bytes are tagged hex.
    return {"hex": value.hex()} if isinstance(value, bytes | bytearray | memoryview) else value


class _RunningDigest:
    """A table's count and hash, fed one row at a time (so no table is held in memory)."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.sha = hashlib.sha256()
        self.rows = 0

    def add(self, row: tuple) -> None:
        line = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
        self.sha.update(line.encode("utf-8") + b"\n")
        self.rows += 1

    def result(self) -> TableDigest:
        return TableDigest(self.table, self.rows, self.sha.hexdigest())


def digest(table: str, rows: Iterable[tuple]) -> TableDigest:
    """Count and hash ``rows`` (already in primary-key order): one canonical JSON line per row."""
    running = _RunningDigest(table)
    for row in rows:
        running.add(row)
    return running.result()


def _order_columns(table: Table) -> list[str]:
    """What rows are ordered by: the primary key, else every column."""
    return table.primary_key or table.column_names


# -- the two sides ---------------------------------------------------------------------------


class _SqliteSide:
    """A store in an SQLite file."""

    def __init__(self, db: Database, where: str) -> None:
        self.db = db
        self.where = where

    def rows(self, table: Table) -> Iterator[tuple]:
        cols = ", ".join(map(quote_ident, table.column_names))
        # SQLite's default BINARY collation orders text by its UTF-8 bytes, as "C" does below.
        order = ", ".join(map(quote_ident, _order_columns(table)))
        cursor = self.db.conn.execute(f"select {cols} from {quote_ident(table.name)} order by {order}")
        while batch := cursor.fetchmany(BATCH):
            yield from batch

    def holds_rows(self, schema: Schema) -> int:
        return sum(self._count(t.name) for t in schema.tables if t.name != "schema_version")

    def _count(self, name: str) -> int:
        return int(self.db.execute(f"select count(*) from {quote_ident(name)}").fetchone()[0])


class _PgSide:
    """A store in a PostgreSQL database (the connection's current schema)."""

    def __init__(self, conn: psycopg.Connection, where: str) -> None:
        self.conn = conn
        self.where = where

    def rows(self, table: Table) -> Iterator[tuple]:
        types = {c.name: c.type for c in table.columns}
        cols = ", ".join(map(quote_ident, table.column_names))
        # Text in byte order (as SQLite's BINARY), NULLs first (as SQLite), whatever the locale.
        order = ", ".join(quote_ident(c) + (' collate "C"' if _is_text(types[c]) else "") + " nulls first"
                          for c in _order_columns(table))
        with self.conn.cursor(name=f"read_{table.name}") as cursor:  # server-side: streams
            cursor.itersize = BATCH
            cursor.execute(f"select {cols} from {quote_ident(table.name)} order by {order}")
            yield from cursor

    def existing_tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "select table_name from information_schema.tables where table_schema = current_schema()")}

    def holds_rows(self, schema: Schema) -> int:
        present = self.existing_tables()
        return sum(int(scalar(self.conn, f"select count(*) from {quote_ident(t.name)}"))
                   for t in schema.tables if t.name in present and t.name != "schema_version")


def _is_text(declared: str) -> bool:
    return any(w in declared for w in ("CHAR", "CLOB", "TEXT")) or not declared


# -- copying ---------------------------------------------------------------------------------


def copy_store(source: str | Path, target: str | Path, *, replace: bool = False,
               schema: Schema | None = None) -> CopyReport:
    """Copy the whole store at ``source`` into ``target`` (an SQLite file or a postgresql:// URL).

    Refuses a target that already holds rows unless ``replace``; then its tables are emptied
    (SQLite) or dropped and built again (PostgreSQL) in the same transaction as the copy.
    Raises StoreError naming the file or the DSN (password hidden) when either cannot be used,
    when the target holds a store and ``replace`` is not given, or when the copy read back
    differs from the source (the target is then left as it was). ``schema`` is the one this
    build writes (``current_schema``) unless given.
    """
    src_name = redact(str(source)) if is_postgres(source) else str(source)
    dst_name = redact(str(target)) if is_postgres(target) else str(target)
    both_files = not is_postgres(source) and not is_postgres(target)
    if str(source) == str(target) or (both_files and Path(source).resolve() == Path(target).resolve()):
        raise StoreError(f"{dst_name}: is the source itself; copy to another file or database")
    schema = schema or current_schema()
    with _open_source(source, src_name, schema) as src:
        if is_postgres(target):
            return _copy_to_pg(src, str(target), dst_name, schema, replace)
        return _copy_to_sqlite(src, Path(target), dst_name, schema, replace)


def store_digests(where: str | Path, schema: Schema | None = None) -> list[TableDigest]:
    """Each table's row count and content hash for the store at ``where`` (a file or a URL),
    computed as ``copy_store`` computes them, so two stores can be compared."""
    schema = schema or current_schema()
    name = redact(str(where)) if is_postgres(where) else str(where)
    with _open_source(where, name, schema) as side:
        return [digest(t.name, side.rows(t)) for t in schema.tables]


class _open_source:  # noqa: N801 (a context manager used like a function)
    """The source side, read in one snapshot, closed after."""

    def __init__(self, source: str | Path, where: str, schema: Schema) -> None:
        self.source, self.where, self.schema = source, where, schema
        self.side: _SqliteSide | _PgSide | None = None

    def __enter__(self) -> _SqliteSide | _PgSide:
        if is_postgres(self.source):
            conn = connect(str(self.source))
            # One snapshot for every table, so counts and hashes describe one moment.
            conn.execute("set transaction isolation level repeatable read, read only")
            pg_side = _PgSide(conn, self.where)
            _check_pg_source(pg_side, self.schema)
            side: _SqliteSide | _PgSide = pg_side
        else:
            path = Path(self.source)
            if not path.exists():
                raise StoreError(f"{self.where}: no such database")
            db = open_database(path, readonly=True)
            db.execute("begin")  # one snapshot for every table
            side = _SqliteSide(db, self.where)
        self.side = side
        return side

    def __exit__(self, *exc: object) -> None:
        if isinstance(self.side, _PgSide):
            self.side.conn.close()
        elif isinstance(self.side, _SqliteSide):
            self.side.db.execute("rollback")
            self.side.db.close()


def _check_pg_source(side: _PgSide, schema: Schema) -> None:
    present = side.existing_tables()
    missing = [t.name for t in schema.tables if t.name not in present]
    if missing:
        raise StoreError(f"{side.where}: not a Situation Monitor store (no table {', '.join(missing)})")
    version = scalar(side.conn, "select max(version) from schema_version") or 0
    if version != SCHEMA_VERSION:
        raise StoreError(f"{side.where}: the store is at schema version {version}, this app copies "
                         f"version {SCHEMA_VERSION}; use the app that wrote it")


def _refuse_unless_replacing(rows: int, where: str, replace: bool) -> None:
    if rows and not replace:
        raise StoreError(f"{where}: already holds a store ({rows} rows); pass --replace to overwrite it")


def _copy_rows(src: _SqliteSide | _PgSide, schema: Schema,
               write_table: Callable[[Table, Iterator[tuple]], None]) -> list[TableDigest]:
    """Stream each table from ``src`` through ``write_table(table, rows)``; the source's digests."""
    digests = []
    for table in schema.tables:
        running = _RunningDigest(table.name)

        def tee(rows: Iterator[tuple], running: _RunningDigest = running) -> Iterator[tuple]:
            for row in rows:
                running.add(row)
                yield row

        write_table(table, tee(src.rows(table)))
        digests.append(running.result())
    return digests


def _copy_to_pg(src: _SqliteSide | _PgSide, dsn: str, where: str, schema: Schema,
                replace: bool) -> CopyReport:
    import psycopg

    conn = connect(dsn)
    try:
        dst = _PgSide(conn, where)
        present = dst.existing_tables() & {t.name for t in schema.tables}
        _refuse_unless_replacing(dst.holds_rows(schema), where, replace)
        if present:
            drop_schema(conn, schema)  # empty (or --replace): built again below, in this transaction
        create_schema(conn, schema)

        def write_table(table: Table, rows: Iterator[tuple]) -> None:
            cols = ", ".join(map(quote_ident, table.column_names))
            try:
                statement = f"copy {quote_ident(table.name)} ({cols}) from stdin"
                with conn.cursor() as cur, cur.copy(statement) as cp:
                    for row in rows:
                        cp.write_row(row)
            except psycopg.Error as exc:
                raise StoreError(f"{where}: cannot copy table {table.name} ({_first_line(exc)})") from exc
            _restart_identity(conn, table)

        source_digests = _copy_rows(src, schema, write_table)
        target_digests = [digest(t.name, dst.rows(t)) for t in schema.tables]
        report = CopyReport(src.where, where, tuple(source_digests), tuple(target_digests))
        if not report.verified:
            conn.rollback()
            raise StoreError(_mismatch(report))
        conn.commit()
        return report
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()


def _restart_identity(conn: psycopg.Connection, table: Table) -> None:
    """Number the rows added after a copy from past the highest copied id."""
    if len(table.primary_key) != 1 or "INT" not in table.columns[[c.name for c in table.columns].index(
            table.primary_key[0])].type:
        return
    key = table.primary_key[0]
    conn.execute(f"select setval(pg_get_serial_sequence(%s, %s), coalesce(max({quote_ident(key)}), 0) + 1, "
                 f"false) from {quote_ident(table.name)}", [quote_ident(table.name), key])


def _copy_to_sqlite(src: _SqliteSide | _PgSide, path: Path, where: str, schema: Schema,
                    replace: bool) -> CopyReport:
    db = open_database(path)  # a new file is created and migrated; a non-database is refused
    try:
        dst = _SqliteSide(db, where)
        _refuse_unless_replacing(dst.holds_rows(schema), where, replace)
        with write_transaction(db):
            # Emptied children first; the FTS5 triggers empty the full-text index with them.
            for table in reversed(schema.tables):
                db.execute(f"delete from {quote_ident(table.name)}")

            def write_table(table: Table, rows: Iterator[tuple]) -> None:
                cols = ", ".join(map(quote_ident, table.column_names))
                marks = ", ".join("?" * len(table.columns))
                sql = f"insert into {quote_ident(table.name)} ({cols}) values ({marks})"
                batch: list[tuple] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) >= BATCH:
                        db.conn.executemany(sql, batch)
                        batch.clear()
                if batch:
                    db.conn.executemany(sql, batch)

            source_digests = _copy_rows(src, schema, write_table)
            target_digests = [digest(t.name, dst.rows(t)) for t in schema.tables]
            report = CopyReport(src.where, where, tuple(source_digests), tuple(target_digests))
            if not report.verified:
                raise StoreError(_mismatch(report))  # rolls the transaction back
        return report
    finally:
        db.close()


def _mismatch(report: CopyReport) -> str:
    bad = [f"{s.table} ({s.rows} rows read, {t.rows} written"
           f"{', content differs' if s.rows == t.rows else ''})"
           for s, t in zip(report.source_digests, report.target_digests, strict=True) if s != t]
    return (f"{report.target}: the copy read back differs from {report.source}: {'; '.join(bad)}; "
            "nothing was kept")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
