"""``monitor copy``: move a whole store between an SQLite file and PostgreSQL, verified."""

from __future__ import annotations

import click

from monitor.cli.common import cli
from monitor.store.transfer import copy_store


@cli.command("copy")
@click.option("--from", "source", required=True, metavar="FILE|URL",
              help="The store to copy: a database file or a postgresql:// URL.")
@click.option("--to", "target", required=True, metavar="FILE|URL",
              help="Where to copy it: a database file (created if missing) or a postgresql:// URL.")
@click.option("--replace", is_flag=True, help="Overwrite a target that already holds a store.")
def copy_command(source: str, target: str, replace: bool) -> None:
    """Copy a whole store (posts, revisions, quotes, speakers, sources, journey, settings).

    Each table is checked by its row count and a content hash read back from the target before
    the copy is committed; the counts and hashes are printed at the end. A target holding a
    store is refused unless --replace is given.
    """
    report = copy_store(source, target, replace=replace)
    width = max(len(d.table) for d in report.target_digests)
    click.echo(f"{'table':<{width}}  {'rows':>9}  sha256")
    for d in report.target_digests:
        click.echo(f"{d.table:<{width}}  {d.rows:>9}  {d.sha256}")
    total = sum(d.rows for d in report.target_digests)
    click.echo(f"copied {len(report.target_digests)} tables, {total} rows, from {report.source} to "
               f"{report.target}: every count and hash matches")
