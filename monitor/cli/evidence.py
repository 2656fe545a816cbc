"""``monitor evidence``: an evidence bundle of posts and the documents they came from, which
anyone can check with ``sha256sum -c SHA256SUMS``; ``monitor prune-documents`` drops old bytes."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import cli, db_option, open_monitor
from monitor.evidence import SUMS, write_bundle
from monitor.store.documents import DEFAULT_RETENTION_DAYS


@cli.command()
@click.argument("post_ids", nargs=-1, required=True, type=click.IntRange(min=1, max=2**63 - 1))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the bundle into (made if missing).")
@click.option("--force", is_flag=True, help="Write into a folder that already holds files.")
@db_option
@click.pass_context
def evidence(ctx: click.Context, post_ids: tuple[int, ...], out: Path, force: bool,
             db_path: Path | None) -> None:
    """Write an evidence bundle of posts: the raw documents they came from, manifest.json (hashes,
    fetch times, URLs, HTTP validators), each post as shown, and SHA256SUMS, which anyone can
    check with `sha256sum -c SHA256SUMS` in the folder."""
    if out.exists() and not out.is_dir():
        raise click.ClickException(f"{out}: not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise click.ClickException(f"{out}: folder is not empty; nothing was written "
                                   "(give an empty or new folder, or --force to write into it)")
    with open_monitor(ctx, db_path, readonly=True, team=True) as monitor:
        posts = []
        for post_id in dict.fromkeys(post_ids):
            post = monitor.posts.post(post_id)
            if post is None:
                raise click.ClickException(f"post {post_id}: no such post; nothing was written "
                                           "(see `monitor posts` for ids)")
            posts.append(post)
        files, bare = write_bundle(monitor, posts, out)
    click.echo(f"{out}: {len(posts)} post{'s' if len(posts) > 1 else ''}, {len(files)} files; "
               f"check with: cd {out} && sha256sum -c {SUMS}")
    if bare:
        click.echo("no document kept for " + ", ".join(f"#{i}" for i in bare) + " (stored before documents "
                   "were kept, or their bytes were pruned); the manifest says which", err=True)


@cli.command("prune-documents")
@click.option("--days", type=click.IntRange(min=0, max=100_000), default=DEFAULT_RETENTION_DAYS,
              show_default=True, help="Keep the bytes of documents fetched within this many days.")
@db_option
@click.pass_context
def prune_documents(ctx: click.Context, days: int, db_path: Path | None) -> None:
    """Drop the raw bytes of documents fetched more than DAYS days ago. Their SHA-256, size, fetch
    time, URL and validators stay, and so do the posts' links to them."""
    with open_monitor(ctx, db_path, team=True) as monitor:
        pruned = monitor.prune_documents(days)
    click.echo(f"{pruned} document{'' if pruned == 1 else 's'} pruned (bytes fetched over {days} days "
               "ago dropped; their hashes and the posts' links kept)")
