"""``monitor evidence``: an evidence bundle of posts and the documents they came from, which
anyone can check with ``sha256sum -c SHA256SUMS``; ``monitor prune-documents`` drops old bytes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import click

from monitor import __version__
from monitor.cli.common import cli, db_option, open_monitor
from monitor.cli.posts import display_time
from monitor.model import Post, PostDocument, StoredDocument, to_iso, utc_now
from monitor.service import Monitor
from monitor.store import SCHEMA_VERSION
from monitor.store.documents import DEFAULT_RETENTION_DAYS

#: The checksum file: every other file of the bundle, as ``sha256sum`` writes it.
SUMS = "SHA256SUMS"
MANIFEST = "manifest.json"
#: A document's file extension by what its content type names (else by its URL, else .bin).
_TYPE_EXTENSIONS = (("json", ".json"), ("html", ".html"), ("xml", ".xml"), ("text/plain", ".txt"))
_KNOWN_SUFFIXES = {".json", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom", ".txt"}


def _extension(document: StoredDocument) -> str:
    kind = (document.content_type or "").lower()
    for word, suffix in _TYPE_EXTENSIONS:
        if word in kind:
            return suffix
    suffix = Path(urlsplit(document.url).path).suffix.lower()
    return suffix if suffix in _KNOWN_SUFFIXES else ".bin"


def _document_file(document: StoredDocument) -> str:
    """The document's path in the bundle: named by its SHA-256 (a truncated one says so, as the
    bytes written are then only its beginning)."""
    partial = ".partial" if document.truncated else ""
    return f"documents/{document.sha256}{partial}{_extension(document)}"


def post_as_shown(post: Post, source: str, revisions: int) -> str:
    """A post in plain text as the feed shows it: headline, time, source, byline, link, body."""
    lines = [f"#{post.id} {post.title or '(no headline)'}",
             f"Time: {display_time(post)}",
             f"Source: {source}"]
    lines += [f"{label}: {value}" for label, value in
              (("Byline", post.byline), ("Place", post.location), ("Link", post.url)) if value]
    if revisions:
        lines.append(f"Edited: {revisions} earlier version{'s' if revisions > 1 else ''} kept")
    return "\n".join(lines) + "\n\n" + post.body.rstrip("\n") + "\n"


def _document_json(link: PostDocument, file: str | None) -> dict:
    doc = link.document
    return {"version": link.version, "document": doc.id, "url": doc.url, "fetched_at": doc.fetched_at,
            "sha256": doc.sha256, "size": doc.size, "content_type": doc.content_type,
            "etag": doc.etag, "last_modified": doc.last_modified, "truncated": doc.truncated,
            "pruned": doc.pruned, "file": file}


def write_bundle(monitor: Monitor, posts: list[Post], out: Path) -> tuple[list[str], list[int]]:
    """Write the evidence bundle of ``posts`` into the folder ``out``; returns the files written
    (relative to ``out``, SHA256SUMS last) and the posts no document's bytes were written for."""
    sources = {s.id: s for s in monitor.posts.sources()}
    written: dict[str, bytes] = {}
    entries = []
    bare = []
    for post in posts:
        source = sources[post.source_id]
        documents = []
        for link in monitor.documents.of_post(post.id):
            data = monitor.documents.data(link.document.id)
            file = None
            if data is not None:
                file = _document_file(link.document)
                written[file] = data
            documents.append(_document_json(link, file))
        if not any(d["file"] for d in documents):
            bare.append(post.id)
        text_file = f"post-{post.id}.txt"
        written[text_file] = post_as_shown(post, source.title or source.key, post.revision_count).encode()
        entries.append({
            "id": post.id, "guid": post.guid, "title": post.title,
            "source": {"id": source.id, "key": source.key, "url": source.url, "title": source.title},
            "url": post.url, "published": post.published, "first_seen": post.first_seen,
            "updated": post.updated, "content_hash": post.content_hash,
            "current_version": post.revision_count + 1,
            "revisions": [{"version": r["revision"], "title": r["title"], "published": r["published"],
                           "seen_at": r["seen_at"]} for r in monitor.posts.revisions(post.id)],
            "documents": documents, "file": text_file,
        })
    manifest = {"tool": "Situation Monitor", "version": __version__, "schema_version": SCHEMA_VERSION,
                "created": to_iso(utc_now()), "posts": entries}
    written[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    for name, data in written.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    # Two spaces between hash and name, as `sha256sum` writes (and `sha256sum -c` reads) them.
    sums = "".join(f"{hashlib.sha256(written[name]).hexdigest()}  {name}\n" for name in sorted(written))
    (out / SUMS).write_text(sums, encoding="ascii")
    return [*sorted(written), SUMS], bare


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
