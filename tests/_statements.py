"""The statements a piece of code runs on a store, on either engine.

SQLite reports each statement to a trace callback. psycopg has none, so on a PostgreSQL team
store the connection's libpq protocol trace is read instead: each statement the client sends is
one ``Query`` (a statement without parameters) or one ``Execute`` (a statement run with its
parameters, prepared or not) message, whatever psycopg does to prepare it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable

from monitor.service import Monitor


def is_team_store(monitor: Monitor) -> bool:
    """Whether ``monitor`` is open on a PostgreSQL team store rather than a file."""
    return getattr(monitor.db, "dialect", "sqlite") == "postgresql"


def statements_run(monitor: Monitor, read: Callable[[], object]) -> list[str]:
    """What ``read()`` sent to the store, one entry a statement: its text on SQLite, the
    protocol message that ran it on PostgreSQL (whose text may not repeat a prepared one's)."""
    seen: list[str] = []
    if not is_team_store(monitor):
        monitor.db.conn.set_trace_callback(seen.append)
        try:
            read()
        finally:
            monitor.db.conn.set_trace_callback(None)
        return seen
    import psycopg

    pgconn = monitor.db.raw.pgconn  # type: ignore[union-attr]
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as trace:
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)
        try:
            read()
        finally:
            pgconn.untrace()
        trace.seek(0)
        for line in trace:
            # "F<TAB>length<TAB>Message ..." for what the client sent ("B" for what came back).
            fields = line.rstrip("\n").split("\t", 3)
            if len(fields) >= 3 and fields[0] == "F" and fields[2].split(" ", 1)[0] in ("Query", "Execute"):
                seen.append(fields[2] + (fields[3] if len(fields) > 3 else ""))
    return seen
