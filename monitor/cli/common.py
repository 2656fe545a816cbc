"""The command group, the shared ``--db`` option and output helpers."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from dateutil import parser as date_parser

from monitor import __version__
from monitor.paths import default_db_path
from monitor.service import Monitor
from monitor.store import StoreError
from monitor.store.pg.connection import is_postgres, redact
from monitor.store.reader import ReadStore


class DatabaseTarget(click.ParamType):
    """A database file, or a PostgreSQL URL kept as typed (a Path would fold its ``//``)."""

    name = "file|url"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Path | str:
        if isinstance(value, str) and is_postgres(value):
            return value
        path: Path = click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)  # type: ignore[arg-type]  # (click converts any value it is given; the stub says str or PathLike)
        return path


DB_TARGET = DatabaseTarget()
#: What works on a database file only, and why: everything else takes a postgresql:// URL too.
FILE_ONLY = {
    "repair": "monitor repair rebuilds a database file's SQLite full-text indexes and checks the file; "
              "a team store has neither (PostgreSQL keeps its search column up to date itself)",
}
DB_HELP = ("Database file, or a postgresql:// URL of a team store, which every command but "
           f"{' and '.join(FILE_ONLY)} takes (default: $MONITOR_DB or the user data directory).")


def db_option(func: Callable) -> Callable:
    """``--db PATH`` on a subcommand (falls back to the group's, then the default)."""
    return click.option("--db", "db_path", type=DB_TARGET, default=None, help=DB_HELP)(func)


def resolve_target(ctx: click.Context, db_path: Path | str | None) -> Path | str:
    """The database named on the subcommand, else on the group, else $MONITOR_DB, else the
    default file; a PostgreSQL URL is returned as the string it is."""
    if db_path is not None:
        return db_path
    root = ctx.find_root()
    if root.obj and root.obj.get("db_path"):
        return root.obj["db_path"]
    override = os.environ.get("MONITOR_DB", "")
    if is_postgres(override):
        return override
    return default_db_path()


def resolve_db(ctx: click.Context, db_path: Path | str | None, *, command: str = "") -> Path:
    """The database file for ``command`` (a key of FILE_ONLY; "" for another that opens only a
    file); a PostgreSQL URL is refused with a message naming it (password hidden), why, and
    that every other command takes one."""
    target = resolve_target(ctx, db_path)
    if isinstance(target, str) and is_postgres(target):
        why = FILE_ONLY.get(command, "this works on a database file only")
        others = " and ".join(f"monitor {c}" for c in FILE_ONLY)
        raise click.ClickException(
            f"{redact(target)}: {why}; every command but {others} works on a PostgreSQL store, "
            "and monitor copy moves a store in or out (copy it to a file to use this)")
    return Path(target)


def open_monitor(ctx: click.Context, db_path: Path | str | None, *, seed: bool = False,
                 readonly: bool = False, create: bool = False, team: bool = False) -> Monitor:
    """Open the store or exit with a message naming the file.

    ``readonly`` is for commands that only read: an existing store is opened read-only, so they
    work on a read-only disk and never wait for a writer. A store that does not exist is made
    only by the commands meant to make one (``create``: ingest, sources add) and for the
    default database, which is seeded; anywhere else a missing file (a mistyped ``--db``) is
    an error and nothing — file or folder — is created.

    ``team`` is for the commands that also work on a PostgreSQL store (all but FILE_ONLY): a
    ``postgresql://`` URL opens the team store (``create``: its schema is made in a database
    that holds none).
    """
    target = resolve_target(ctx, db_path)
    if team and isinstance(target, str) and is_postgres(target):
        try:
            return Monitor(target, create=create)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    path = resolve_db(ctx, db_path, command="")
    seeding = seed and path == default_db_path()
    try:
        monitor = Monitor(path, readonly=readonly and not seeding and path.exists(),
                          create=create or seeding)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if seed and path == default_db_path():
        monitor.seed_if_empty()
    return monitor


def open_reader(ctx: click.Context, db_path: Path | str | None) -> ReadStore:
    """Open the store for the commands that only read posts: a PostgreSQL URL opens the team
    store, anything else the SQLite file read-only (as ``open_monitor(readonly=True)``)."""
    target = resolve_target(ctx, db_path)
    if isinstance(target, str) and is_postgres(target):
        from monitor.store.pg.store import PgReadStore

        try:
            return PgReadStore(target)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    return open_monitor(ctx, db_path, readonly=True)


def emit_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on stdout."""
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


class _Group(click.Group):
    """The command group: a store failure in any command (a damaged index met while searching,
    a full disk) ends it with the one-line message naming the database, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, invoke_without_command=True)
@click.option("--db", "db_path", type=DB_TARGET, default=None, help=DB_HELP)
@click.version_option(__version__, prog_name="Situation Monitor")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | str | None) -> None:
    """Situation Monitor: follow a developing story.

    With no command, opens the desktop app on the database.
    """
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path
    if ctx.invoked_subcommand is None:
        from monitor.gui.app import run_app

        target = resolve_target(ctx, None)  # a file, or a team store's URL (the window opens both)
        sys.exit(run_app(target, seed=target == default_db_path()))


def parse_at(text: str | None) -> datetime | None:
    """An ISO 8601 time with a zone, or None; raises BadParameter naming the input otherwise."""
    if text is None:
        return None
    try:
        value = date_parser.isoparse(text)
    except ValueError as exc:
        raise click.BadParameter(f"{text!r} is not an ISO 8601 time ({exc})", param_hint="--at") from exc
    if value.tzinfo is None:
        raise click.BadParameter(f"{text!r} has no time zone; add Z or an offset such as +09:00",
                                 param_hint="--at")
    try:
        value.astimezone(UTC)  # times are kept in UTC: year 1 at +14:00 is before year 1 there
    except OverflowError as exc:
        raise click.BadParameter(f"{text!r} is out of range once in UTC", param_hint="--at") from exc
    return value
