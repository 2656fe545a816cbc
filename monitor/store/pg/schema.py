"""The PostgreSQL schema of the store, derived from the SQLite schema the migrations build.

The SQLite migrations stay the one definition of the schema: ``read_schema`` reads a migrated
SQLite database back (``pragma table_info``, ``foreign_key_list``, ``index_list``,
``index_xinfo``, the views' SQL), and ``pg_statements`` writes the same tables, columns,
defaults, keys, indexes and views for PostgreSQL with a small type map. A migration that adds a
table, a column, an index or a view therefore reaches PostgreSQL with no change here.

Two things differ on purpose: SQLite's FTS5 indexes (``posts_fts``, ``quotes_fts`` and their
shadow tables) become a generated ``tsvector`` column (``search_vector``) with a GIN index on the
indexed table itself, and an ``integer primary key`` becomes an identity column.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from monitor.store.fts import FTS_INDEXES

if TYPE_CHECKING:
    import psycopg

#: The generated column holding a row's full-text vector, on each table of FTS_INDEXES.
SEARCH_COLUMN = "search_vector"
#: The text search configuration of the store: the Porter stemmer (as FTS5's porter) with
#: accents removed (FTS5's remove_diacritics) when the unaccent extension is available, no stop
#: words.
SEARCH_CONFIG = "monitor_search"


@dataclass(frozen=True)
class Column:
    """One column as SQLite declares it."""

    name: str
    type: str
    not_null: bool
    default: str | None
    pk: int  # position in the primary key, 0 when not part of it


@dataclass(frozen=True)
class ForeignKey:
    """``column`` references ``table(ref)``, with its ON DELETE / ON UPDATE actions."""

    column: str
    table: str
    ref: str
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"


@dataclass(frozen=True)
class Index:
    """An index: plain columns (with ASC/DESC), or the SQL of an expression or partial index."""

    name: str
    table: str
    unique: bool
    columns: tuple[tuple[str, bool], ...]  # (column, descending)
    sql: str | None = None


@dataclass(frozen=True)
class Table:
    """A table with its columns, foreign keys and indexes."""

    name: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...]
    indexes: tuple[Index, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def primary_key(self) -> list[str]:
        """The primary key's columns in key order ([] when the table has none)."""
        return [c.name for c in sorted((c for c in self.columns if c.pk), key=lambda c: c.pk)]


@dataclass(frozen=True)
class View:
    """A view and its SQLite ``create view`` statement."""

    name: str
    sql: str


@dataclass(frozen=True)
class Schema:
    """The store's tables (each after the tables it references) and views."""

    tables: tuple[Table, ...]
    views: tuple[View, ...]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


def quote_ident(name: str) -> str:
    """An identifier quoted for either engine (both take double quotes)."""
    return '"' + name.replace('"', '""') + '"'


def _full_text_tables(conn: sqlite3.Connection) -> set[str]:
    """FTS5 virtual tables and their shadow tables: SQLite's index, rebuilt on each side."""
    virtual = [name for name, sql in conn.execute("select name, sql from sqlite_master where type = 'table'")
               if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    return {n for n in names for v in virtual if n == v or n.startswith(v + "_")}


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The tables and views of a migrated SQLite database, FTS5 tables left out."""
    skip = _full_text_tables(conn)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid")
        if r[0] not in skip]
    tables = [_read_table(conn, name) for name in names]
    views = tuple(View(name, sql) for name, sql in conn.execute(
        "select name, sql from sqlite_master where type = 'view' order by rowid"))
    return Schema(tuple(_dependency_order(tables)), views)


def _read_table(conn: sqlite3.Connection, name: str) -> Table:
    q = quote_ident(name)
    columns = tuple(Column(r[1], (r[2] or "").upper(), bool(r[3]), r[4], int(r[5]))
                    for r in conn.execute(f"pragma table_info({q})"))
    fks = tuple(ForeignKey(r[3], r[2], r[4] or _primary_key_column(conn, r[2]), r[6], r[5])
                for r in conn.execute(f"pragma foreign_key_list({q})"))
    indexes = []
    for _, index_name, unique, origin, partial in conn.execute(f"pragma index_list({q})").fetchall():
        if origin == "pk":
            continue  # the primary key itself
        keys = [r for r in conn.execute(f"pragma index_xinfo({quote_ident(index_name)})") if r[5]]
        if origin == "u":  # an inline UNIQUE constraint: SQLite names it sqlite_autoindex_*
            index_name = f"{name}_{'_'.join(r[2] for r in keys)}_key"
        if partial or any(r[1] < 0 for r in keys):  # a WHERE clause or an expression
            sql = conn.execute("select sql from sqlite_master where type = 'index' and name = ?",
                               [index_name]).fetchone()[0]
            indexes.append(Index(index_name, name, bool(unique), (), sql))
        else:
            indexes.append(Index(index_name, name, bool(unique), tuple((r[2], bool(r[3])) for r in keys)))
    return Table(name, columns, fks, tuple(indexes))


def _primary_key_column(conn: sqlite3.Connection, table: str) -> str:
    """The column ``references table`` (no column named) points at: the table's primary key."""
    keys = [r[1] for r in conn.execute(f"pragma table_info({quote_ident(table)})") if r[5]]
    return keys[0] if len(keys) == 1 else "rowid"


def _dependency_order(tables: list[Table]) -> list[Table]:
    """Tables ordered so each comes after the tables its foreign keys reference (else as listed)."""
    by_name = {t.name: t for t in tables}
    ordered: list[Table] = []
    done: set[str] = set()

    def visit(table: Table, path: tuple[str, ...]) -> None:
        if table.name in done:
            return
        for fk in table.foreign_keys:
            if fk.table in by_name and fk.table not in path and fk.table != table.name:
                visit(by_name[fk.table], (*path, table.name))
        done.add(table.name)
        ordered.append(table)

    for table in tables:
        visit(table, ())
    return ordered


def pg_type(declared: str) -> str:
    """The PostgreSQL type for an SQLite declared type, by SQLite's own affinity rules."""
    if "INT" in declared:
        return "bigint"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if "BLOB" in declared:
        return "bytea"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "double precision"
    if not declared:
        return "text"  # no declared type: sqlite-utils never makes one; text holds anything printed
    return "numeric"


def _column_sql(table: Table, column: Column) -> str:
    parts = [quote_ident(column.name)]
    single_pk = table.primary_key == [column.name]
    references = any(fk.column == column.name for fk in table.foreign_keys)
    if single_pk and pg_type(column.type) == "bigint" and not references:
        # SQLite's rowid alias: ids given on insert are kept (a copy), others are numbered.
        parts.append("bigint generated by default as identity primary key")
        return " ".join(parts)
    parts.append(pg_type(column.type))
    if single_pk:
        parts.append("primary key")
    if column.not_null:
        parts.append("not null")
    if column.default is not None:
        parts.append(f"default {column.default}")
    return " ".join(parts)


def _search_column_sql(table: str) -> str:
    # Punctuation becomes a space first, so words are cut as FTS5's unicode61 cuts them
    # ("Jong-Un", "U.S.", "Korea's" are two words each) rather than by PostgreSQL's parser,
    # which keeps hyphenated words, hosts and file names whole; tsquery_text cuts queries alike.
    vectors = " || ".join(
        f"to_tsvector('{SEARCH_CONFIG}'::regconfig, "
        f"regexp_replace(coalesce({quote_ident(c)}, ''), '[[:punct:]]+', ' ', 'g'))"
        for c in FTS_INDEXES[table])
    return f"{quote_ident(SEARCH_COLUMN)} tsvector generated always as ({vectors}) stored"


def table_statements(table: Table) -> list[str]:
    """``create table`` and ``create index`` statements of one table for PostgreSQL."""
    lines = [_column_sql(table, c) for c in table.columns]
    if table.name in FTS_INDEXES:
        lines.append(_search_column_sql(table.name))
    if len(table.primary_key) > 1:
        lines.append(f"primary key ({', '.join(map(quote_ident, table.primary_key))})")
    lines += [f"foreign key ({quote_ident(fk.column)}) references {quote_ident(fk.table)} "
              f"({quote_ident(fk.ref)}) on delete {fk.on_delete.lower()} on update {fk.on_update.lower()}"
              for fk in table.foreign_keys]
    statements = [f"create table {quote_ident(table.name)} (\n    " + ",\n    ".join(lines) + "\n)"]
    for index in table.indexes:
        if index.sql is not None:
            statements.append(translate_sql(index.sql))
            continue
        keys = ", ".join(quote_ident(c) + (" desc" if desc else "") for c, desc in index.columns)
        unique = "unique " if index.unique else ""
        statements.append(f"create {unique}index {quote_ident(index.name)} "
                          f"on {quote_ident(table.name)} ({keys})")
    if table.name in FTS_INDEXES:
        statements.append(f"create index {quote_ident(table.name + '_search')} on {quote_ident(table.name)} "
                          f"using gin ({quote_ident(SEARCH_COLUMN)})")
    return statements


_CREATE_TABLE = re.compile(r"^\s*create\s+table\s+(if\s+not\s+exists\s+)?", re.IGNORECASE)


def create_table_statements(sql: str, primary_key: Callable[[str], list[str]]) -> list[str] | None:
    """A migration's SQLite ``create table`` statement as PostgreSQL statements (the table, and
    an index for each inline UNIQUE), or None for any other statement.

    SQLite itself reads the statement (in an empty in-memory database), and the table is written
    as ``pg_statements`` writes the whole schema: the same type map, identity column and keys, so
    a table a later migration adds is made on an upgraded team store as on a new one.
    ``primary_key(table)`` names an existing table's key, for a reference that names no column.
    """
    found = _CREATE_TABLE.match(sql)
    if found is None:
        return None
    with closing(sqlite3.connect(":memory:")) as parsed:
        try:
            parsed.execute(sql)
        except sqlite3.Error:
            return None  # not one table alone (``as select`` from the store): run as written
        name = parsed.execute("select name from sqlite_master where type = 'table'").fetchone()[0]
        table = _read_table(parsed, name)
    keys = tuple(replace(fk, ref=primary_key(fk.table)[0]) if fk.ref == "rowid" and
                 len(primary_key(fk.table)) == 1 else fk for fk in table.foreign_keys)
    statements = table_statements(replace(table, foreign_keys=keys))
    if found.group(1):  # IF NOT EXISTS, for the table and what comes with it
        statements = [re.sub(r"^create (unique )?(index|table) ", r"create \1\2 if not exists ", s)
                      for s in statements]
    return statements


# SQLite spellings that PostgreSQL writes differently, in views and expression indexes.
_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    # Case-insensitive order: PostgreSQL has no NOCASE collation.
    (re.compile(r"([\w.\"]+)\s+collate\s+nocase", re.IGNORECASE), r"lower(\1)"),
    (re.compile(r"\bifnull\(", re.IGNORECASE), "coalesce("),
]


def translate_sql(sql: str) -> str:
    """An SQLite view or index statement in PostgreSQL's dialect (the few spellings that differ)."""
    for pattern, replacement in _TRANSLATIONS:
        sql = pattern.sub(replacement, sql)
    return sql


def pg_statements(schema: Schema) -> list[str]:
    """Every statement that builds ``schema`` in an empty PostgreSQL schema, in order."""
    statements = [s for table in schema.tables for s in table_statements(table)]
    return statements + [translate_sql(view.sql) for view in schema.views]


#: Every token kind ``english`` stems; the store's configuration maps them to its own stemmer.
_WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def ensure_search_config(conn: psycopg.Connection) -> None:
    """Create the ``monitor_search`` text search configuration unless it exists.

    It copies ``english`` with its own stemmer: Snowball's ``porter``, the original Porter
    stemmer that FTS5's porter tokenizer implements (Snowball's ``english``, Porter's later
    revision, cuts words differently: "news" and "new", "general" and "generous" are one word to
    FTS5 and two to it, "strong" and "strongly" the other way round, so the engines would find
    different posts), without a stop-word list, since FTS5 drops no words ("the" or "who" can be
    searched for). ``unaccent`` goes before it (as FTS5's remove_diacritics) when that extension
    can be created here; without it accents stay significant, and everything else works. A
    store made with ``english`` keeps it (its vectors were built with it).
    """
    exists = conn.execute("select 1 from pg_ts_config where cfgname = %s "
                          "and cfgnamespace = current_schema()::regnamespace", [SEARCH_CONFIG]).fetchone()
    if exists:
        return
    import psycopg

    try:
        with conn.transaction():  # a savepoint: a refused extension leaves the rest standing
            conn.execute("create extension if not exists unaccent")
        unaccent = "unaccent, "
    except psycopg.Error:
        unaccent = ""
    conn.execute(f"create text search dictionary {SEARCH_CONFIG}_stem "
                 "(template = snowball, language = porter)")
    conn.execute(f"create text search configuration {SEARCH_CONFIG} (copy = pg_catalog.english)")
    conn.execute(f"alter text search configuration {SEARCH_CONFIG} "
                 f"alter mapping for {_WORD_TOKENS} with {unaccent}{SEARCH_CONFIG}_stem")


def create_schema(conn: psycopg.Connection, schema: Schema) -> None:
    """Build ``schema`` in the connection's current (empty) PostgreSQL schema, in its transaction."""
    ensure_search_config(conn)
    for statement in pg_statements(schema):
        conn.execute(statement)


def drop_schema(conn: psycopg.Connection, schema: Schema) -> None:
    """Drop the store's views and tables (every row in them), in the connection's transaction."""
    for view in reversed(schema.views):
        conn.execute(f"drop view if exists {quote_ident(view.name)} cascade")
    for table in reversed(schema.tables):
        conn.execute(f"drop table if exists {quote_ident(table.name)} cascade")


def current_schema() -> Schema:
    """The schema this build of the app writes: a new in-memory SQLite database, migrated."""
    from monitor.store.database import open_database

    db = open_database(":memory:")
    try:
        return read_schema(db.conn)
    finally:
        db.close()
