"""The documents behind posts: each fetched or imported document's bytes, kept compressed, with
its SHA-256, fetch time, URL and HTTP validators, and which document carried each post version.

``documents`` holds one row per distinct content fetched from one URL: the same bytes fetched
again from the same address are the same row (dedupe on ``(sha256, url)``), so a feed polled
every minute that did not change costs nothing. ``post_documents`` links a version of a post
(``version`` 1 is the post as first stored; version *n* is ``post_revisions.revision`` *n* once
the post has been edited again, else the post row itself) to the document that carried it.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from collections.abc import Iterable

from sqlite_utils import Database

from monitor.model import FetchedDocument, PostDocument, StoredDocument

#: Bytes of one document kept at most; over it the first this many are kept, marked truncated
#: (the hash and size are always of the whole document). The poller reads at most 20 MiB.
DOCUMENT_BYTES_CAP = 8 * 1024 * 1024
#: Days a document's bytes are kept by default before ``prune`` drops them (hash, size, time,
#: URL and validators stay, and so do the posts' links to them).
DEFAULT_RETENTION_DAYS = 90
#: zlib level 1: about 3.5x faster than the default 6 on live pages and feeds, for 22% of the raw
#: size instead of 17% (measured on the generated corpus; see docs/performance.md).
_LEVEL = 1
#: Ids read per statement.
_CHUNK = 500

_FIELDS = ("id", "source_id", "url", "fetched_at", "sha256", "size", "content_type", "etag",
           "last_modified", "truncated")
_COLUMNS = ", ".join(_FIELDS) + ", data is null"
_QUALIFIED = ", ".join(f"documents.{f}" for f in _FIELDS) + ", documents.data is null"


def migrate_documents(db: Database) -> None:
    """The ``documents`` and ``post_documents`` tables. Posts stored before them link to no
    document (they simply have no row in ``post_documents``)."""
    db.execute(
        "create table documents ("
        " id integer primary key,"
        " source_id integer references sources(id) on delete cascade,"
        " url text not null,"
        " fetched_at text not null,"
        " sha256 text not null,"
        " size integer not null,"
        " content_type text,"
        " etag text,"
        " last_modified text,"
        " compression text not null default 'zlib',"
        " data blob,"
        " truncated integer not null default 0,"
        " pruned_at text)"
    )
    db.execute("create unique index documents_sha256_url on documents (sha256, url)")
    db.execute("create index documents_fetched on documents (fetched_at)")
    db.execute("create index documents_source on documents (source_id)")
    db.execute(
        "create table post_documents ("
        " post_id integer not null references posts(id) on delete cascade,"
        " version integer not null,"
        " document_id integer not null references documents(id) on delete cascade,"
        " primary key (post_id, version)) without rowid"  # one b-tree less to write per link
    )
    db.execute("create index post_documents_document on post_documents (document_id)")


def _row(row: tuple) -> StoredDocument:
    return StoredDocument(int(row[0]), row[1], row[2], row[3], row[4], int(row[5]), row[6], row[7],
                          row[8], bool(row[9]), bool(row[10]))


class DocumentStore:
    """Writes and reads documents and the post versions they carried."""

    def __init__(self, db: Database, cap: int = DOCUMENT_BYTES_CAP) -> None:
        self.db = db
        self.cap = cap

    def record(self, source_id: int | None, document: FetchedDocument) -> int:
        """Keep ``document`` (compressed, at most ``cap`` bytes of it) and return its id; the same
        bytes from the same URL kept before give that row's id (their bytes restored if pruned).
        Runs in the caller's transaction."""
        digest = hashlib.sha256(document.data).hexdigest()
        kept = document.data[:self.cap]
        found = self.db.execute("select id, data is null from documents where sha256 = ? and url = ?",
                                [digest, document.url]).fetchone()
        if found is not None:
            if found[1]:
                self.db.execute("update documents set data = ?, pruned_at = null where id = ?",
                                [zlib.compress(kept, _LEVEL), found[0]])
            return int(found[0])
        cursor = self.db.execute(
            "insert into documents (source_id, url, fetched_at, sha256, size, content_type, etag, "
            "last_modified, data, truncated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [source_id, document.url, document.fetched_at, digest, len(document.data),
             document.content_type, document.etag, document.last_modified,
             zlib.compress(kept, _LEVEL), int(len(kept) < len(document.data))],
        )
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def link(self, document_id: int, added: Iterable[int], updated: Iterable[int]) -> None:
        """Link the post versions an ingest stored to the document that carried them: a post in
        ``added`` gained version 1, and each time a post is in ``updated`` it gained the next
        version (a document may carry several versions of one post). Runs after the posts were
        written, in the same transaction, so the post's current version number is its revision
        count plus one."""
        new_versions = Counter(added)
        new_versions.update(updated)
        if not new_versions:
            return
        revisions: dict[int, int] = {}
        edited = sorted(set(updated))
        for start in range(0, len(edited), _CHUNK):
            chunk = edited[start:start + _CHUNK]
            revisions.update(self.db.execute(
                "select post_id, count(*) from post_revisions where post_id in "
                f"({', '.join('?' * len(chunk))}) group by post_id", chunk).fetchall())
        rows = [(post_id, version, document_id)
                for post_id, count in new_versions.items()
                for version in range(revisions.get(post_id, 0) + 2 - count, revisions.get(post_id, 0) + 2)]
        self.db.conn.executemany(
            # An upsert both engines read the same way (a team store's connection translates it).
            "insert into post_documents (post_id, version, document_id) values (?, ?, ?) "
            "on conflict (post_id, version) do update set document_id = excluded.document_id",
            rows)

    def get(self, document_id: int) -> StoredDocument | None:
        """One document by id (without its bytes)."""
        row = self.db.execute(f"select {_COLUMNS} from documents where id = ?", [document_id]).fetchone()
        return _row(row) if row is not None else None

    def data(self, document_id: int) -> bytes | None:
        """The bytes kept of a document (its first ``cap`` bytes when truncated); None when they
        were pruned or there is no such document."""
        row = self.db.execute("select data, compression from documents where id = ?",
                              [document_id]).fetchone()
        if row is None or row[0] is None:
            return None
        return zlib.decompress(row[0])

    def of_post(self, post_id: int) -> list[PostDocument]:
        """The documents that carried each linked version of a post, oldest version first."""
        rows = self.db.execute(
            f"select post_documents.version, {_QUALIFIED} from post_documents "
            "join documents on documents.id = post_documents.document_id "
            "where post_documents.post_id = ? order by post_documents.version", [post_id]).fetchall()
        return [PostDocument(post_id, int(row[0]), _row(row[1:])) for row in rows]

    def count(self) -> int:
        """Number of documents kept (pruned ones included)."""
        return int(self.db.execute("select count(*) from documents").fetchone()[0])

    def prune(self, before: str, now: str) -> int:
        """Drop the bytes of documents fetched before ``before`` (ISO 8601 UTC); their hash, size,
        time, URL, validators and links stay. Returns how many were pruned. Runs in the caller's
        transaction."""
        cursor = self.db.execute(
            "update documents set data = null, pruned_at = ? where fetched_at < ? and data is not null",
            [now, before])
        return int(cursor.rowcount)
