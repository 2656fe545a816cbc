"""Connecting to a PostgreSQL store: which targets are PostgreSQL, and DSNs safe to print."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from monitor.store.errors import StoreError

if TYPE_CHECKING:
    import psycopg

#: What a PostgreSQL connection string starts with; anything else names an SQLite file.
PG_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | object) -> bool:
    """True when ``target`` is a PostgreSQL URL rather than a database file."""
    return str(target).startswith(PG_SCHEMES)


#: Query parameters redact hides: the password, and the client key's passphrase.
_SECRET_KEYS = frozenset({"password", "sslpassword"})


def redact(dsn: str) -> str:
    """``dsn`` with any password replaced by ``***``, for messages, logs and reports."""
    parts = urlsplit(dsn)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = userinfo.split(":", 1)[0] + ":***@" + host
    # "*" kept as it is: the hidden password reads *** in a query as in the user part.
    query = urlencode([(k, "***" if k in _SECRET_KEYS else v) for k, v in parse_qsl(parts.query)],
                      safe="/*")
    return parts._replace(netloc=netloc, query=query).geturl()


@dataclass(frozen=True)
class StoreAddress:
    """A team store's URL in the parts a person types: where the server is, which database,
    as whom. Empty means "libpq's default" (PGHOST, PGPORT, PGDATABASE, PGUSER, ~/.pgpass…)."""

    #: A host name, an IP address, or a Unix socket folder (starting with "/").
    host: str = ""
    port: str = ""
    database: str = ""
    user: str = ""
    password: str = ""
    #: The URL's other parameters (``sslmode=require``…), in their order, kept as given.
    options: tuple[tuple[str, str], ...] = ()


#: Query parameters that are parts of the address rather than options.
_ADDRESS_KEYS = {"host": "host", "port": "port", "dbname": "database", "user": "user",
                 "password": "password"}


def split_url(url: str) -> StoreAddress:
    """The parts of a ``postgresql://`` URL: host (or socket folder), port, database, user,
    password, other options. A part given as a query parameter (``?host=/run/pg&port=5433``,
    as libpq allows) wins over the same part before it. Raises StoreError naming the URL
    (password hidden) when it is not a PostgreSQL URL or its port is not a number."""
    url = url.strip()
    if not is_postgres(url):
        raise StoreError(f"{redact(url)}: not a PostgreSQL URL (it starts postgresql://)")
    parts = urlsplit(url)
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, has_password, password = userinfo.partition(":")
    host, port = hostport, ""
    if hostport.startswith("["):  # an IPv6 address: [::1]:5432
        end = hostport.find("]")
        host, port = hostport[1:end], hostport[end + 1:].lstrip(":")
    elif "," not in hostport and ":" in hostport:  # a list of hosts is kept as it is
        host, _, port = hostport.rpartition(":")
    fields = {"host": unquote(host), "port": port, "database": unquote(parts.path.lstrip("/")),
              "user": unquote(user), "password": unquote(password) if has_password else ""}
    options: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key in _ADDRESS_KEYS:
            fields[_ADDRESS_KEYS[key]] = value
        else:
            options.append((key, value))
    address = StoreAddress(**fields, options=tuple(options))
    _check_port(address)
    return address


def join_url(address: StoreAddress) -> str:
    """The ``postgresql://`` URL of ``address`` (``split_url`` gives the same parts back). A
    socket folder goes in the query (``?host=/run/pg``), as a path cannot be a URL's host.
    Raises StoreError when the port is not a number from 1 to 65535."""
    _check_port(address)
    socket = address.host.startswith("/")
    userinfo = quote(address.user, safe="")
    if address.password:
        userinfo += ":" + quote(address.password, safe="")
    netloc = userinfo + "@" if userinfo else ""
    query: list[tuple[str, str]] = []
    if socket:
        query.append(("host", address.host))
        if address.port:
            query.append(("port", address.port))
    else:
        host = f"[{address.host}]" if ":" in address.host and "," not in address.host else address.host
        netloc += quote(host, safe="[]:,")
        if address.port:
            netloc += ":" + address.port
    query.extend(address.options)
    path = "/" + quote(address.database, safe="") if address.database else ""
    return "postgresql://" + netloc + path + ("?" + urlencode(query, safe="/") if query else "")


#: Options that are secrets too (the client key's passphrase): never kept with a URL.
_SECRET_OPTIONS = frozenset({"sslpassword"})


def without_password(url: str) -> str:
    """``url`` with no password at all (not even ``***``, nor an ``sslpassword``): what may be
    kept to open the store again, libpq then finding the password in ~/.pgpass or PGPASSFILE,
    or the app asking."""
    address = split_url(url)
    options = tuple((k, v) for k, v in address.options if k not in _SECRET_OPTIONS)
    return join_url(replace(address, password="", options=options))


def needs_password(message: str) -> bool:
    """True when ``message`` (a connection error) says the server wants a password that was not
    given (libpq: "fe_sendauth: no password supplied"), as against a wrong one."""
    return "no password supplied" in message


def _check_port(address: StoreAddress) -> None:
    port = address.port
    if port and "," not in port and not (port.isdigit() and 0 < int(port) < 65536):
        raise StoreError(f"port {port!r}: not a number from 1 to 65535")


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
