"""Where a post came from, for the post window: the documents that carried each of its versions
(read on a worker), and "Save evidence…", which writes the post's evidence bundle — with its
copies in other sources when asked — (``monitor.evidence``, as ``monitor evidence`` does) into a
new folder of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from monitor.evidence import SUMS, write_bundle
from monitor.model import PostDocument
from monitor.model.timefmt import stored_utc
from monitor.service import Monitor

#: Documents listed in the window; a post edited fifty times says how many more there are.
SHOWN_DOCUMENTS = 6


@dataclass(frozen=True)
class EvidenceSaved:
    """A bundle written: its folder, how many files, and whether any document's bytes were
    missing (stored before documents were kept, or pruned)."""

    folder: Path
    files: int
    bare: bool
    posts: int = 1


def post_documents(monitor: Monitor, post_id: int) -> list[PostDocument]:
    """The documents each version of the post came from, first version first."""
    return monitor.documents.of_post(post_id)


def _size(size: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


def documents_text(links: list[PostDocument]) -> str:
    """The window's lines: for each version, the document's address, fetch time, size and the
    start of its SHA-256 (and whether its bytes were cut or pruned); "" when none is kept."""
    if not links:
        return ""
    lines = [f"From {len(links)} fetched document{'s' if len(links) != 1 else ''}:"]
    for link in links[:SHOWN_DOCUMENTS]:
        doc = link.document
        state = " · bytes pruned" if doc.pruned else " · first bytes kept" if doc.truncated else ""
        lines.append(f"version {link.version} · {doc.url} · fetched {stored_utc(doc.fetched_at)} · "
                     f"{_size(doc.size)} · SHA-256 {doc.sha256[:12]}…{state}")
    if len(links) > SHOWN_DOCUMENTS:
        lines.append(f"… and {len(links) - SHOWN_DOCUMENTS} more")
    return "\n".join(lines)


def bundle_folder(parent: Path, post_id: int, now: datetime | None = None, kind: str = "post") -> Path:
    """A new folder in ``parent`` for a bundle, named by its kind (``post``, or ``item`` for a
    post with its copies), the post and the time; never one that exists (a bundle is never
    written over another)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    folder = parent / f"evidence-{kind}-{post_id}-{stamp}"
    n = 2
    while folder.exists():
        folder = parent / f"evidence-{kind}-{post_id}-{stamp}-{n}"
        n += 1
    return folder


def save_evidence(monitor: Monitor, post_id: int, parent: str, with_copies: bool = False) -> EvidenceSaved:
    """Write the evidence bundle of one post into a new folder in ``parent``; ``with_copies``:
    of the post and every copy of its story item in other sources (that the same text reached
    the reader through each of them, each copy with the documents it came from). Raises
    FileNotFoundError naming a post or folder that is gone, OSError when it cannot be written."""
    base = Path(parent)
    if not base.is_dir():
        raise FileNotFoundError(f"{base}: no such folder")
    post = monitor.posts.post(post_id)
    if post is None:
        raise FileNotFoundError(f"post {post_id}: no longer in the store")
    posts = [post]
    if with_copies:
        others = (monitor.posts.post(c.post_id) for c in monitor.item_copies(post_id) if c.post_id != post_id)
        posts += [p for p in others if p is not None]
    folder = bundle_folder(base, post_id, kind="item" if len(posts) > 1 else "post")
    folder.mkdir()
    files, bare = write_bundle(monitor, posts, folder)
    return EvidenceSaved(folder, len(files), bool(bare), len(posts))


def saved_text(saved: EvidenceSaved) -> str:
    """What the window says once a bundle is written."""
    what = f"{saved.posts} copies, " if saved.posts > 1 else ""
    text = (f"Evidence saved in {saved.folder} ({what}{saved.files} files); anyone can check it "
            f"with “sha256sum -c {SUMS}” in that folder.")
    if saved.bare:
        text += (" No document's bytes were kept for some of them; the manifest says which."
                 if saved.posts > 1
                 else " No document's bytes were kept for this post; the manifest says so.")
    return text
