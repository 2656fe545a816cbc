"""A PostgreSQL store behind the interface the store classes use of sqlite-utils' ``Database``.

The store classes (``PostStore``, ``SourceStore``, ``QuoteStore``, ``ItemStore``,
``JourneyStore``, …) write their SQL once, in the dialect both engines share. ``PgDatabase``
gives them what they call on a sqlite-utils ``Database`` — ``execute``, ``query``, ``atomic``,
``table(name).insert/insert_all/update`` — over a psycopg connection, and ``translate`` rewrites
the few spellings that differ (a small dialect layer rather than a second copy of each query):

- ``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%``);
- ``insert or ignore into …`` becomes ``insert into … on conflict do nothing``;
- ``X collate nocase`` in an ORDER BY becomes ``lower(X)``;
- the column ``end`` (reserved in PostgreSQL) is quoted;
- ``limit ?`` given -1 (SQLite's "no limit") means no limit;
- a unary ``+`` before a column (SQLite's "not this index") is dropped, ``where 1`` is
  ``where true`` and a ``cross join … on`` a ``join … on``;
- an ``insert`` into a table keyed by ``id`` returns it, which the cursor gives as ``lastrowid``
  as SQLite's does.

Each write transaction takes one transaction-scoped advisory lock (``WRITE_LOCK``), so writers
take turns as they do on SQLite (``BEGIN IMMEDIATE``): an ingest reads what is stored, then writes
what is new, and two at once would both find a post missing. Readers never wait for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from monitor.store.errors import NewerSchemaError, StoreError
from monitor.store.pg.connection import connect, redact, scalar
from monitor.store.pg.schema import quote_ident

if TYPE_CHECKING:
    import psycopg

    from monitor.model import OpChanges

log = logging.getLogger(__name__)

#: The advisory lock every write transaction holds (a constant key: "monitor" in ASCII).
WRITE_LOCK = 0x6D6F6E69746F72
#: Bind parameters per statement PostgreSQL takes (its protocol counts them in 16 bits).
MAX_PARAMETERS = 65535

# A single-quoted literal, a double-quoted identifier, or anything else.
_TOKENS = re.compile(r"('(?:[^']|'')*')|(\"(?:[^\"]|\"\")*\")|([^'\"]+)")
_INSERT_OR_IGNORE = re.compile(r"^\s*insert\s+or\s+ignore\s+into\b", re.IGNORECASE)
_INSERT_INTO = re.compile(r"^\s*insert\s+into\s+(\w+)", re.IGNORECASE)
# SQLite's unary + before a column ("and +status = ?") keeps the planner off that column's
# index; PostgreSQL has no unary + for text, and plans for itself.
_UNARY_PLUS = re.compile(r"\b(and|or|where|on|not)(\s+)\+(?=[a-z_])", re.IGNORECASE)
# SQLite takes an integer for a condition ("where 1") and ON after a CROSS JOIN (an inner join
# then); PostgreSQL wants a boolean and a plain JOIN.
_WHERE_ONE = re.compile(r"\bwhere 1\b(?!\s*[=<>!])", re.IGNORECASE)
_CROSS_JOIN_ON = re.compile(r"\bcross join(\s+\w+(?:\s+\w+)?\s+on\b)", re.IGNORECASE)
_LIMIT = re.compile(r"\blimit %s", re.IGNORECASE)
_RETURNING = re.compile(r"\breturning\b", re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+collate\s+nocase", re.IGNORECASE)
# The quotes' column ``end``, which SQLite takes unquoted and PostgreSQL reserves: an ``end``
# after a comma, a bracket, a table's dot, or a keyword that a column follows (never a CASE's).
_END_COLUMN = re.compile(r"([,(.]\s*|\b(?:select|set|and|or|where|by)\s+)end\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _id_tables() -> frozenset[str]:
    """Tables whose primary key is an ``id`` identity column: an insert into one returns it."""
    from monitor.store.pg.schema import current_schema

    return frozenset(t.name for t in current_schema().tables if t.primary_key == ["id"])


@lru_cache(maxsize=4096)
def translate(sql: str) -> tuple[str, bool]:
    """``sql`` as PostgreSQL reads it, and whether it now returns the inserted row's id."""
    parts = []
    for literal, ident, code in _TOKENS.findall(sql):
        if code:
            code = code.replace("%", "%%").replace("?", "%s")
            # SQLite's "no limit" is LIMIT -1; PostgreSQL's is LIMIT NULL (or ALL).
            code = _LIMIT.sub("limit nullif(%s, -1)", code).replace("limit -1", "limit all")
            code = _UNARY_PLUS.sub(r"\1\2", code)
            code = _CROSS_JOIN_ON.sub(r"join\1", _WHERE_ONE.sub("where true", code))
            code = _END_COLUMN.sub(r'\1"end"', _NOCASE.sub(r"lower(\1)", code))
        parts.append(code if code else (literal or ident).replace("%", "%%"))
    out = "".join(parts)
    ignore = _INSERT_OR_IGNORE.match(out)
    if ignore:
        out = "insert into" + out[ignore.end():] + " on conflict do nothing"
    returns_id = False
    target = _INSERT_INTO.match(out)
    if target and not _RETURNING.search(out) and target.group(1) in _id_tables():
        out += " returning id"
        returns_id = True
    return out, returns_id


class PgCursor:
    """A finished statement's rows, read as a sqlite3 cursor's are."""

    def __init__(self, cursor: psycopg.Cursor, returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self.rowcount = cursor.rowcount
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = int(row[0]) if row is not None else None

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description is not None else []

    def fetchmany(self, size: int) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor.description is not None else []

    def close(self) -> None:
        self._cursor.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgTable:
    """The sqlite-utils table helpers the store classes use: insert, insert_all, update."""

    def __init__(self, db: PgDatabase, name: str) -> None:
        self.db = db
        self.name = name
        self.last_pk: int | None = None

    def insert(self, row: Mapping[str, object]) -> PgTable:
        """Insert one row; ``last_pk`` is its id when the table is keyed by one."""
        names = list(row)
        sql = (f"insert into {self.name} ({', '.join(quote_ident(n) for n in names)}) "
               f"values ({', '.join('?' * len(names))})")
        self.last_pk = self.db.execute(sql, [row[n] for n in names]).lastrowid
        return self

    def insert_all(self, rows: Iterable[Mapping[str, object]]) -> PgTable:
        """Insert rows that share their keys, many to a statement."""
        listed = list(rows)
        if not listed:
            return self
        names = list(listed[0])
        cols = ", ".join(quote_ident(n) for n in names)
        per = max(1, min(500, MAX_PARAMETERS // len(names)))
        for start in range(0, len(listed), per):
            chunk = listed[start:start + per]
            marks = ", ".join(["(" + ", ".join("?" * len(names)) + ")"] * len(chunk))
            self.db.execute(f"insert into {self.name} ({cols}) values {marks} returning 1",
                            [r[n] for r in chunk for n in names])
        return self

    @property
    def columns_dict(self) -> dict[str, type]:
        """Each column's Python type, as sqlite-utils' ``Table.columns_dict`` (a migration asks
        whether a column is there yet); without the generated full-text column."""
        from monitor.store.pg.schema import SEARCH_COLUMN

        types = {"bigint": int, "integer": int, "smallint": int, "double precision": float,
                 "real": float, "numeric": float, "bytea": bytes}
        return {name: types.get(kind, str) for name, kind in self.db.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = current_schema() and table_name = ? and column_name != ? "
            "order by ordinal_position", [self.name, SEARCH_COLUMN]).fetchall()}

    def add_column(self, name: str, col_type: type | None = None) -> PgTable:
        """Add a column (a migration's step), typed as sqlite-utils types it on SQLite."""
        types = {str: "text", int: "bigint", float: "double precision", bytes: "bytea"}
        self.db.execute(f"alter table {self.name} add column {quote_ident(name)} "
                        f"{types.get(col_type or str, 'text')}")
        return self

    def update(self, pk: int, row: Mapping[str, object]) -> PgTable:
        """Set the columns of ``row`` on the row whose id is ``pk``."""
        sets = ", ".join(f"{quote_ident(n)} = ?" for n in row)
        self.db.execute(f"update {self.name} set {sets} where id = ?", [*row.values(), pk])
        return self


class _SqliteLikeConnection:
    """A psycopg connection whose ``with`` block is a transaction committed at its end (rolled
    back on an exception), as an sqlite3 connection's is; everything else is psycopg's."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn
        self._blocks: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement written for SQLite once per row, as sqlite3's ``executemany``."""
        text, _ = translate(sql)
        with self._conn.cursor() as cursor:
            cursor.executemany(text, [list(row) for row in rows])

    def __enter__(self) -> _SqliteLikeConnection:
        block = self._conn.transaction()
        block.__enter__()
        self._blocks.append(block)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._blocks.pop().__exit__(*exc)


class PgDatabase:
    """A PostgreSQL store opened for the store classes: see the module's docstring.

    ``where`` names it in messages with any password hidden. Statements outside a transaction
    commit as they run (autocommit), as on an SQLite connection opened by ``open_database``.
    """

    #: Which engine this is, for the few queries written per engine (``store.text_match``).
    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection, where: str, dsn: str = "") -> None:
        #: The psycopg connection.
        self.raw = conn
        #: The same connection as the store classes use an sqlite3 one: ``with db.conn:`` is a
        #: transaction (closing the connection, as psycopg's own ``with`` does, would not do).
        self.conn = _SqliteLikeConnection(conn)
        self.where = where
        #: The URL it was opened with (kept to open more connections: a listener's); never
        #: printed — ``where`` is what messages show.
        self.dsn = dsn

    def execute(self, sql: str, params: Sequence[object] | None = None) -> PgCursor:
        """Run one statement written for SQLite; its rows as a sqlite3 cursor gives them."""
        from monitor.store.pg.schema import create_table_statements

        # A migration's new table: SQLite's types and keys written as the whole schema's are
        # (PostgreSQL's own statements then, run as they are).
        made = None if params else create_table_statements(sql, self.primary_key)
        if made:
            for statement in made[:-1]:
                self._run(statement, None, False)
            return self._run(made[-1], None, False)
        text, returns_id = translate(sql)
        return self._run(text, list(params or ()), returns_id)

    def _run(self, text: str, params: list[object] | None, returns_id: bool) -> PgCursor:
        try:
            cursor = self.raw.execute(text, params)
        except _connection_errors() as exc:
            raise StoreError(f"{self.where}: {_problem(exc)}") from exc
        return PgCursor(cursor, returns_id)

    def query(self, sql: str, params: Sequence[object] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, as sqlite-utils' ``Database.query``."""
        text, _ = translate(sql)
        try:
            cursor = self.raw.execute(text, list(params or ()))
        except _connection_errors() as exc:
            raise StoreError(f"{self.where}: {_problem(exc)}") from exc
        names = [c.name for c in cursor.description or ()]
        for row in cursor.fetchall():
            yield dict(zip(names, row, strict=True))

    def table_names(self) -> list[str]:
        """The store's tables, as sqlite-utils' ``Database.table_names``."""
        return self._names("r")

    def view_names(self) -> list[str]:
        """The store's views, as sqlite-utils' ``Database.view_names``."""
        return self._names("v")

    def _names(self, kind: str) -> list[str]:
        # In the order they were made, as SQLite lists them: the schema is built in SQLite's
        # order (schema.py), and an upgrade adds what a migration adds after the rest.
        return [r[0] for r in self.execute(
            "select c.relname from pg_class c where c.relnamespace = current_schema()::regnamespace "
            "and c.relkind = ? order by c.oid", [kind]).fetchall()]

    def columns(self, table: str) -> list[str]:
        """The columns of a table or view in order, as SQLite declares them: without the
        generated full-text column (``schema.SEARCH_COLUMN``), which SQLite keeps in an index."""
        from monitor.store.pg.schema import SEARCH_COLUMN

        return [r[0] for r in self.execute(
            "select column_name from information_schema.columns where table_schema = current_schema() "
            "and table_name = ? and column_name != ? order by ordinal_position",
            [table, SEARCH_COLUMN]).fetchall()]

    def primary_key(self, table: str) -> list[str]:
        """The primary key's columns of a table, in order ([] for a view or a table without one)."""
        return [r[0] for r in self.execute(
            "select a.attname from pg_index i join pg_class c on c.oid = i.indrelid "
            "join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
            "where c.relnamespace = current_schema()::regnamespace and c.relname = ? and i.indisprimary "
            "order by array_position(i.indkey, a.attnum)", [table]).fetchall()]

    def table(self, name: str) -> PgTable:
        return PgTable(self, name)

    def __getitem__(self, name: str) -> PgTable:
        return PgTable(self, name)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    @contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction, or a savepoint inside one."""
        with self.raw.transaction():
            yield self

    @contextmanager
    def write_transaction(self) -> Iterator[PgDatabase]:
        """One write transaction holding the store's write lock (see ``WRITE_LOCK``); inside an
        open transaction, a savepoint. A lost connection comes out as StoreError naming the store."""
        nested = self.in_transaction
        try:
            with self.raw.transaction():
                if not nested:
                    self.raw.execute("select pg_advisory_xact_lock(%s)", [WRITE_LOCK])
                yield self
        except _connection_errors() as exc:
            raise StoreError(f"{self.where}: {_problem(exc)}") from exc

    @property
    def lost(self) -> bool:
        """True once the connection is gone (the server restarted, stopped or dropped it): it
        cannot be used again; open the store anew."""
        return bool(self.raw.closed or self.raw.broken)

    def alive(self) -> bool:
        """Ask the server (one round trip) whether the connection still works; False when it
        is lost (a connection idle across a server restart only finds out when it is used)."""
        import psycopg

        if self.lost:
            return False
        try:
            self.raw.execute("select 1")
        except psycopg.OperationalError:
            return False
        return True

    @property
    def backend_pid(self) -> int:
        """This connection's server process: its own notifications carry it (``ChangeListener``
        passes them over)."""
        return int(self.raw.info.backend_pid)

    def publish(self, changes: OpChanges) -> None:
        """Tell every listener what a write changed (``notify.publish``); never fails the write
        that already committed: a lost connection is logged."""
        from monitor.store.pg.notify import publish

        try:
            publish(self.raw, changes)
        except _connection_errors() as exc:
            log.warning("%s: could not announce a change (%s)", self.where, _problem(exc))

    def close(self) -> None:
        self.raw.close()


def _connection_errors() -> tuple[type[BaseException], ...]:
    """The server's conditions a write reports as the store's error (StoreError naming the
    store): a lost connection, and a role not allowed to write what it tried (see
    docs/team-store.md for the roles)."""
    import psycopg

    return (psycopg.OperationalError, psycopg.errors.InsufficientPrivilege)


def _problem(exc: BaseException) -> str:
    # The lines pointing into a statement ("LINE 1: ...", then a caret under it) say nothing
    # read alone: the problem is the line before them.
    lines = [line for line in str(exc).strip().splitlines()
             if line.strip() and not line.startswith("LINE ") and line.strip() != "^"]
    return lines[-1] if lines else type(exc).__name__


def open_pg_database(dsn: str, *, create: bool = True, readonly: bool = False) -> PgDatabase:
    """Open the PostgreSQL store at ``dsn``; with ``create``, build the store's schema in a
    database that holds none. Raises StoreError naming the DSN (password hidden) when it cannot
    be reached, holds no store (without ``create``) or holds one at another schema version.

    ``readonly`` opens an existing store for reading only, as ``open_database`` opens a file:
    one of an older version is upgraded first (as a file that can be written is), then the
    connection refuses every write (``default_transaction_read_only``); nothing is ever made."""
    from monitor.store.database import SCHEMA_VERSION

    where = redact(dsn)
    conn = connect(dsn)
    conn.autocommit = True
    try:
        # psycopg prepares a statement run five times, and the server may then plan it once for
        # any parameters: a full-text condition planned without its query cannot tell a word in
        # every post (walk the feed's order) from a rare one (the GIN index), and a feed page
        # took 100 ms where a plan for its words takes 2 ms. Each statement is planned for its
        # parameters (a fraction of a millisecond).
        conn.execute("set plan_cache_mode = force_custom_plan")
        _check_or_create(conn, where, SCHEMA_VERSION, create and not readonly)
        if readonly:
            conn.execute("set default_transaction_read_only = on")
    except BaseException:
        conn.close()
        raise
    return PgDatabase(conn, where, dsn)


def _check_or_create(conn: psycopg.Connection, where: str, version: int, create: bool) -> None:
    # Only making the store takes the write lock: opening one that is there waits for no writer
    # (a reader opened beside a long ingest reads at once, as on SQLite).
    if scalar(conn, "select to_regclass('schema_version')") is None:
        if not create:
            raise StoreError(f"{where}: holds no Situation Monitor store; copy one there with "
                             "monitor copy --from FILE --to URL, or ingest into it")
        with conn.transaction():
            # Two processes creating the store at once: the second finds it made.
            conn.execute("select pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            if scalar(conn, "select to_regclass('schema_version')") is None:
                _create_store(conn, version)
                return
    found = int(scalar(conn, "select max(version) from schema_version") or 0)
    if found > version:
        # The same type as a newer file raises (store/database.py), so callers tell it apart alike.
        raise NewerSchemaError(f"{where}: the store is at schema version {found}; newer than this app "
                               f"writes ({version}): upgrade Situation Monitor to open it")
    if found < version:
        _upgrade(conn, where, found, version)


def _upgrade(conn: psycopg.Connection, where: str, found: int, version: int) -> None:
    """Run the migrations after ``found`` on the store, each in a transaction holding the write
    lock, through the store classes' own interface (``PgDatabase``): a migration that adds a
    column and fills it in runs as it does on SQLite. One this layer cannot run (a new FTS5
    index, say) stops the upgrade with a StoreError naming the store and the way round it."""
    from monitor.model import to_iso, utc_now
    from monitor.store.migrations import MIGRATIONS

    db = PgDatabase(conn, where)
    for number in range(found + 1, version + 1):
        try:
            with conn.transaction():
                conn.execute("select pg_advisory_xact_lock(%s)", [WRITE_LOCK])
                if int(scalar(conn, "select max(version) from schema_version") or 0) >= number:
                    continue  # another process upgraded it while this one waited
                MIGRATIONS[number - 1](db)  # type: ignore[arg-type]  # (the part of Database it uses)
                conn.execute("insert into schema_version (version, applied) values (%s, %s)",
                             [number, to_iso(utc_now())])
        except Exception as exc:
            raise StoreError(
                f"{where}: cannot upgrade the store from schema version {number - 1} to {number} on "
                f"PostgreSQL ({_problem(exc)}); migrate a copy as a file and bring it back with "
                "monitor copy --replace") from exc


def _create_store(conn: psycopg.Connection, version: int) -> None:
    """The schema this build writes, and its version recorded as the migrations would."""
    from monitor.model import to_iso, utc_now
    from monitor.store.pg.schema import create_schema, current_schema

    create_schema(conn, current_schema())
    now = to_iso(utc_now())
    for number in range(1, version + 1):
        conn.execute("insert into schema_version (version, applied) values (%s, %s)", [number, now])
