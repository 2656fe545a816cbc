"""``monitor repair``: rebuild the full-text indexes and check the database file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, open_monitor, resolve_db
from monitor.store import StoreError
from monitor.store.repair import repair_database


@cli.command()
@click.option("--items", "items", is_flag=True,
              help="Instead: fold posts stored before story items existed into items, oldest first.")
@db_option
@click.pass_context
def repair(ctx: click.Context, items: bool, db_path: Path | None) -> None:
    """Rebuild the full-text search indexes from the stored posts and quotes, then check the file.

    Nothing stored is lost: the indexes hold only copies. Exits non-zero when the check still
    finds a problem after the rebuild (the file itself is damaged; restore it from a backup).

    With --items, fold the posts that belong to no story item (stored before items existed) into
    items instead, in time order, 500 posts a transaction: an interrupted run keeps what it did
    and running it again goes on from there.
    """
    if items:
        _fold_items(ctx, db_path)
        return
    path = resolve_db(ctx, db_path, command="repair")
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


def _fold_items(ctx: click.Context, db_path: Path | None) -> None:
    with open_monitor(ctx, db_path, create=False, team=True) as monitor:
        before = monitor.items.unfolded_count()
        if not before:
            click.echo("every post is in a story item: nothing to fold")
            return

        def progress(done: int, left: int) -> None:
            click.echo(f"{done:,} of {before:,} posts folded", err=True)

        done = monitor.fold_backlog(progress=progress)
        items = monitor.items.item_count()
    click.echo(f"{done:,} posts folded into story items ({items:,} items in the store)")
