"""The statements a piece of code runs on a store, on either engine, and their plans on a team store.

SQLite reports each statement to a trace callback. psycopg has none, so on a PostgreSQL team
store the connection's libpq protocol trace is read instead, with psycopg's preparing of
statements turned off meanwhile, so each statement the client sends is one ``Query`` message
(without parameters) or one ``Parse`` (with them), each carrying its text.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable

import pytest

from monitor.service import Monitor

# Each message in the trace starts a line: "F" (sent) or "B" (received), its length, its type,
# then its fields; a Parse's are the statement's name, its text and its parameters' types, a
# Query's its text. A text is written as it is, line breaks and all.
_MESSAGE = re.compile(r"^(?=[FB]\t\d+\t)", re.MULTILINE)
_SENT = re.compile(r'F\t\d+\t(?:Query\t "(.*)"|Parse\t "[^"]*" "(.*)"(?: \d+)+)\n?', re.DOTALL)


def is_team_store(monitor: Monitor) -> bool:
    """Whether ``monitor`` is open on a PostgreSQL team store rather than a file."""
    return getattr(monitor.db, "dialect", "sqlite") == "postgresql"


def statements_run(monitor: Monitor, read: Callable[[], object]) -> list[str]:
    """The text of each statement ``read()`` sent to the store, in order (on PostgreSQL as
    the dialect layer rewrote it)."""
    seen: list[str] = []
    if not is_team_store(monitor):
        monitor.db.conn.set_trace_callback(seen.append)
        try:
            read()
        finally:
            monitor.db.conn.set_trace_callback(None)
        return seen
    import psycopg

    raw = monitor.db.raw
    threshold = raw.prepare_threshold
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as trace:
        raw.prepare_threshold = None  # a prepared statement is run again without its text
        raw.pgconn.trace(trace.fileno())
        raw.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)
        try:
            read()
        finally:
            raw.pgconn.untrace()
            raw.prepare_threshold = threshold
        trace.seek(0)
        for message in _MESSAGE.split(trace.read()):
            sent = _SENT.fullmatch(message)
            if sent:
                seen.append(sent.group(1) if sent.group(1) is not None else sent.group(2))
    return seen


def pg_plans_run(monitor: Monitor, read: Callable[[], object]) -> list[tuple[str, str]]:
    """(statement, plan) of each statement ``read()`` ran on a team store, as it ran (with its
    parameters), sequential scans priced out: PostgreSQL's planner reads a small table whole by
    choice; priced out, it still does where no index can serve the statement, as it would at a
    million posts. The plans come back as notices from ``auto_explain`` (the test cluster's
    superuser loads it for the session)."""
    import psycopg

    raw = monitor.db.raw
    notices: list[str] = []

    def keep(notice) -> None:
        notices.append(notice.message_primary or "")

    try:
        raw.execute("load 'auto_explain'")
    except psycopg.Error as exc:  # not a superuser, or a server without the contrib modules
        pytest.fail(f"the plans of a team store need auto_explain loaded (the test cluster's "
                    f"superuser, .ci/pg-cluster.sh): {exc}", pytrace=False)
    raw.add_notice_handler(keep)
    for setting in ("set auto_explain.log_min_duration = 0",
                    "set auto_explain.log_level = notice", "set enable_seqscan = off", "set jit = off"):
        raw.execute(setting)
    try:
        read()
    finally:
        for setting in ("reset auto_explain.log_min_duration", "reset enable_seqscan", "reset jit"):
            raw.execute(setting)
        raw.remove_notice_handler(keep)
    plans = [(n.partition("Query Text: ")[2].partition("\n")[0], n) for n in notices if "Query Text: " in n]
    assert plans, f"auto_explain sent no plan: {notices}"
    return plans
