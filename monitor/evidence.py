"""Evidence bundles: posts and the documents they came from, in a folder anyone can check with
``sha256sum -c SHA256SUMS``. ``monitor evidence`` and the post window's "Save evidence…" write
them; no Qt and no click here."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from monitor import __version__
from monitor.model import Post, PostDocument, StoredDocument, to_iso, utc_now
from monitor.service import Monitor
from monitor.store import SCHEMA_VERSION


def display_time(post: Post) -> str:
    """A post's time as precisely as it is known: a date alone, or minutes in UTC; a post with
    no date says so (and when it arrived), never passing its arrival off as its date."""
    if post.published is None:
        return f"undated, seen {post.first_seen[:16].replace('T', ' ')} UTC"
    if post.published_precision == "date":
        return post.published[:10]
    return post.published[:16].replace("T", " ") + " UTC"


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
