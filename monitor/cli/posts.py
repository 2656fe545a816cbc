"""Commands over posts: ingest, posts, search, export."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import click

from monitor.cli.common import cli, db_option, emit_json_lines, open_monitor, open_reader
from monitor.evidence import display_time
from monitor.model import Post, StoryItem
from monitor.service import Monitor
from monitor.store.reader import ReadStore

#: A count of rows SQLite can take (a signed 64-bit integer).
LIMIT = click.IntRange(min=0, max=2**63 - 1)


def post_json(post: Post, sources: dict[int, str], items: dict[int, tuple[int, int]] | None = None) -> dict:
    """The JSON shape of a post, as ``monitor posts --json`` prints and ``ingest`` reads back.

    With ``items`` (post id → story item, other sources holding a copy) the row carries ``item``
    and ``also_in``; a post not folded yet has item null."""
    row = asdict(post)
    row["source"] = sources.get(post.source_id)
    row["revisions"] = row.pop("revision_count")
    # What the feed's queries fill in (a source's tier is the source's, listed by `monitor sources`).
    row.pop("source_tier")
    also_in = row.pop("also_in")
    if items is not None:
        row["item"], row["also_in"] = items.get(post.id, (None, also_in))
    return row


def item_json(item: StoryItem, sources: dict[int, str]) -> dict:
    """One story item: its lead post's row, how many other sources hold a copy, and each copy."""
    row = post_json(item.lead, sources)
    row["item"] = item.id
    row["also_in"] = item.also_in
    row["copies"] = [{"post": c.post_id, "source": sources.get(c.source_id), "at": c.at}
                     for c in item.copies]
    return row


def _source_keys(monitor: ReadStore) -> dict[int, str]:
    return {s.id: s.key for s in monitor.posts.sources()}


def _print_post(post: Post, sources: dict[int, str], also_in: int = 0) -> None:
    head = f"#{post.id} [{display_time(post)}] {post.title or '(no headline)'}"
    if also_in:
        head += f"  (also in {also_in} source{'s' if also_in > 1 else ''})"
    click.secho(head, bold=True)
    meta = ", ".join(x for x in (post.byline, post.location, sources.get(post.source_id)) if x)
    if meta:
        click.echo(f"  {meta}")
    first = post.body.split("\n\n", 1)[0]
    click.echo(f"  {first[:200]}{'…' if len(first) > 200 else ''}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", "source_key", default=None, help="Source identity for a single file.")
@db_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], source_key: str | None,
           db_path: Path | None) -> None:
    """Read live pages, feeds or post lists from files and directories into the store.

    Each file is read on its own: a bad file is reported and the others are still ingested.
    Exits non-zero when any input could not be read.
    """
    if source_key and (len(paths) > 1 or paths[0].is_dir()):
        raise click.UsageError("--source needs exactly one file")
    failures = 0
    with open_monitor(ctx, db_path, create=True, team=True) as monitor:
        for path in paths:
            for report in monitor.ingest_path(path, source_key=source_key):
                if report.skipped:
                    click.echo(report.summary(), err=True)
                elif report.ok:
                    click.echo(report.summary())
                    for note in report.notes:
                        click.echo(f"  note: {note}", err=True)
                else:
                    failures += 1
                    click.secho(f"error: {report.error}", fg="red", err=True)
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--items", "as_items", is_flag=True,
              help="One row per story item (its earliest copy), with the copies in other sources.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many posts (or items).")
@db_option
@click.pass_context
def posts(ctx: click.Context, as_json: bool, as_items: bool, limit: int | None,
          db_path: Path | str | None) -> None:
    """List posts, newest first."""
    if as_items:  # story items are listed by the store classes (a team store's too)
        with open_monitor(ctx, db_path, readonly=True, team=True) as monitor:
            _print_items(monitor, _source_keys(monitor), limit, as_json)
        return
    with open_reader(ctx, db_path) as monitor:
        sources = _source_keys(monitor)
        rows = monitor.posts.posts(limit=limit)
        items = monitor.items_of([p.id for p in rows])
        if as_json:
            emit_json_lines(post_json(p, sources, items) for p in rows)
        else:
            for post in rows:
                _print_post(post, sources, items.get(post.id, (None, 0))[1])


def _print_items(monitor: Monitor, sources: dict[int, str], limit: int | None, as_json: bool) -> None:
    """One row per story item, newest first: the lead post and its copies."""
    items = monitor.story_items(limit)
    if as_json:
        emit_json_lines(item_json(item, sources) for item in items)
        return
    for item in items:
        _print_post(item.lead, sources, item.also_in)
        for copy in item.copies[1:]:
            click.echo(f"  also: #{copy.post_id} {sources.get(copy.source_id)} at {copy.at}")


@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", type=LIMIT, default=50, show_default=True)
@db_option
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], as_json: bool, limit: int,
           db_path: Path | str | None) -> None:
    """Full-text search over posts. Type as you would in a search box."""
    text = " ".join(query)
    with open_reader(ctx, db_path) as monitor:
        sources = _source_keys(monitor)
        found = monitor.posts.search(text, limit=limit)
        items = monitor.items_of([p.id for p in found])
        if as_json:
            emit_json_lines(post_json(p, sources, items) for p in found)
        else:
            if not found:
                click.echo(f"no posts match {text!r}", err=True)
            for post in found:
                _print_post(post, sources)


EXPORT_TABLES = ("posts", "quotes", "speakers", "observations", "revisions", "sources")
#: Short names people type for tables whose stored name is longer.
EXPORT_ALIASES = {"revisions": "post_revisions"}


def exportable_names(monitor: Monitor) -> list[str]:
    """Tables and views that can be exported: everything but the full-text index internals."""
    names = monitor.db.table_names() + monitor.db.view_names()  # (a team store's too: PgDatabase)
    return [n for n in names if not n.startswith(("posts_fts", "quotes_fts"))]


@cli.command()
@click.option("--table", "table", default="posts", show_default=True,
              help="Table or view to export: " + ", ".join(EXPORT_TABLES)
              + " (revisions = post_revisions), or any other table or view.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ndjson"]), default="ndjson",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of standard output.")
@db_option
@click.pass_context
def export(ctx: click.Context, table: str, fmt: str, out: Path | None,
           db_path: Path | str | None) -> None:
    """Export a table or view as CSV, a JSON array or JSON lines."""
    with open_monitor(ctx, db_path, readonly=True, team=True) as monitor:
        names = exportable_names(monitor)
        table = EXPORT_ALIASES.get(table, table)
        if table not in names:
            raise click.BadParameter(f"no table {table!r}; choose from {', '.join(names)}",
                                     param_hint="--table")
        rows = monitor.posts.iter_rows(table)
        try:
            handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        except OSError as exc:
            raise click.ClickException(f"{out}: cannot write ({exc.strerror})") from exc
        try:
            _write_rows(rows, fmt, handle, monitor.posts.columns(table))
        finally:
            if out:
                handle.close()


def _write_rows(rows: Iterable[dict[str, Any]], fmt: str, handle: TextIO, columns: Iterable[str]) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "json":
        handle.write("[")
        for i, row in enumerate(rows):
            handle.write(("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False))
        handle.write("\n]\n")
    else:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
