"""Connecting to a PostgreSQL store: which targets are PostgreSQL, and DSNs safe to print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from monitor.store.errors import StoreError

if TYPE_CHECKING:
    import psycopg

#: What a PostgreSQL connection string starts with; anything else names an SQLite file.
PG_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | object) -> bool:
    """True when ``target`` is a PostgreSQL URL rather than a database file."""
    return str(target).startswith(PG_SCHEMES)


def redact(dsn: str) -> str:
    """``dsn`` with any password replaced by ``***``, for messages, logs and reports."""
    parts = urlsplit(dsn)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = userinfo.split(":", 1)[0] + ":***@" + host
    # "*" kept as it is: the hidden password reads *** in a query as in the user part.
    query = urlencode([(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query)],
                      safe="/*")
    return parts._replace(netloc=netloc, query=query).geturl()


def connect(dsn: str) -> psycopg.Connection:
    """A connection to the PostgreSQL database at ``dsn`` (not in autocommit: callers decide
    where each transaction ends). Raises StoreError naming the (redacted) DSN when psycopg is
    not installed or the server cannot be reached."""
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(
            f"{redact(dsn)}: a PostgreSQL store needs psycopg; install it with "
            "pip install 'situation-monitor[team]'"
        ) from exc
    try:
        return psycopg.connect(dsn, connect_timeout=10)
    except psycopg.Error as exc:
        problem = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{redact(dsn)}: cannot connect to PostgreSQL ({problem})") from exc


def scalar(conn: psycopg.Connection, sql: str, args: Sequence[object] = ()) -> Any:
    """The first column of the one row ``sql`` returns (an aggregate, a count)."""
    row = conn.execute(sql, args).fetchone()
    if row is None:
        raise StoreError(f"no row from {sql.split()[0]} …")
    return row[0]
