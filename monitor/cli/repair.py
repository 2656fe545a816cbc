"""``monitor repair``: rebuild the full-text indexes and check the database file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, resolve_db
from monitor.store import StoreError
from monitor.store.repair import repair_database


@cli.command()
@db_option
@click.pass_context
def repair(ctx: click.Context, db_path: Path | None) -> None:
    """Rebuild the full-text search indexes from the stored posts and quotes, then check the file.

    Nothing stored is lost: the indexes hold only copies. Exits non-zero when the check still
    finds a problem after the rebuild (the file itself is damaged; restore it from a backup).
    """
    path = resolve_db(ctx, db_path)
    try:
        report = repair_database(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    indexed = ", ".join(f"{count} {table}" for table, count in report.rebuilt.items())
    click.echo(f"{report.path}: full-text search index rebuilt ({indexed or 'nothing to index'})")
    if report.ok:
        click.echo(f"{report.path}: integrity check: ok")
        return
    for problem in report.problems:
        click.secho(f"{report.path}: integrity check: {problem}", fg="red", err=True)
    sys.exit(1)
