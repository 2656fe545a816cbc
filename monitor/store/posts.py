"""Sources and posts: stable identities, upserts that keep every earlier version, queries."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sqlite_utils import Database

from monitor.model import ParsedPost, Post, Source, to_iso, utc_now
from monitor.store.database import full_text_errors, write_transaction
from monitor.store.search import fts_query
from monitor.store.text_match import is_team_store

if TYPE_CHECKING:
    from monitor.store.pg.database import PgDatabase

_POST_COLUMNS = (
    "id, source_id, guid, seq, title, byline, location, body, published, published_precision, "
    "first_seen, updated, content_hash, url"
)
# Newest first: by time, then by the order the page gave posts that share a time.
NEWEST_FIRST = "coalesce(published, first_seen) desc, seq desc, id desc"


@dataclass
class IngestCounts:
    """What one ingest did to the store."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> list[int]:
        """Ids of posts that are new or have a new version."""
        return self.added + self.updated


def content_hash(post: ParsedPost) -> str:
    """A digest of everything a reader sees in a post; an edit changes it."""
    parts = [
        post.title or "",
        post.byline or "",
        post.location or "",
        post.body,
        to_iso(post.published) or "",
        post.url or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _row_to_post(row: tuple, revision_count: int = 0) -> Post:
    return Post(*row + (revision_count,))  # the columns, then the count


_QUALIFIED_COLUMNS = ", ".join("posts." + c.strip() for c in _POST_COLUMNS.split(","))
# A phrase of an FTS5 expression as fts_query writes it ("..." with "" for a quote), and words.
_PHRASE = re.compile(r'"((?:[^"]|"")*)"( \*)?')
_WORDS = re.compile(r"\w+")

#: Guids looked up per statement when matching incoming posts to stored ones.
_LOOKUP_CHUNK = 400

#: How many of the newest matches a search ranks ahead of the older ones.
SEARCH_CANDIDATES = 2000
#: A query with a word in more posts than this lists the newest matches first, unranked: bm25
#: reads every post holding each query word once per search (about 40 ms for a word in
#: 800,000 posts), and it would then rank thousands of near-equal matches anyway.
BROAD_MATCHES = 20_000

_INSERT_COLUMNS = (
    "source_id, guid, seq, title, byline, location, body, url, published, published_precision, "
    "first_seen, updated, content_hash, match_keys"
)
_INSERT_WIDTH = _INSERT_COLUMNS.count(",") + 1
#: Rows per INSERT statement. FTS5 flushes its pending terms to a new on-disk segment at every
#: statement that fires the index trigger, so one statement per row writes one tiny segment per
#: post and then spends its time merging them; many rows per statement flush once.
#: See docs/performance.md for the measurements behind the number.
INSERT_BATCH_ROWS = 200


def variable_limit(db: Database) -> int:
    """How many bind parameters one statement may take on this store's engine."""
    if isinstance(db, Database):
        return db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    from monitor.store.pg.database import MAX_PARAMETERS

    return MAX_PARAMETERS


class _PendingInserts:
    """New posts of one ingest, written many rows per INSERT statement."""

    def __init__(self, db: Database, source_id: int, now: str | None) -> None:
        self.db = db
        self.source_id = source_id
        self.now = now
        self.rows: list[tuple[ParsedPost, str]] = []
        self.guids: set[str] = set()
        limit = variable_limit(db)
        self.batch = max(1, min(INSERT_BATCH_ROWS, limit // _INSERT_WIDTH))

    def add(self, post: ParsedPost, digest: str) -> None:
        self.rows.append((post, digest))
        self.guids.add(post.guid)

    def flush(self, counts: IngestCounts) -> dict[str, tuple[int, str]]:
        """Insert what is pending, add the new ids to ``counts``; return guid -> (id, hash)."""
        stored: dict[str, tuple[int, str]] = {}
        for start in range(0, len(self.rows), self.batch):
            chunk = self.rows[start:start + self.batch]
            args: list = []
            for post, digest in chunk:
                args += [
                    self.source_id, post.guid, post.seq, post.title, post.byline, post.location,
                    post.body, post.url, to_iso(post.published), post.published_precision,
                    self.now, to_iso(post.updated), digest, " ".join(post.match_keys) or None,
                ]
            marks = ", ".join(["(" + ", ".join("?" * _INSERT_WIDTH) + ")"] * len(chunk))
            # RETURNING gives rows in no promised order; the guid is unique within the source.
            ids = dict(self.db.execute(
                f"insert into posts ({_INSERT_COLUMNS}) values {marks} returning guid, id", args
            ).fetchall())
            for post, digest in chunk:
                stored[post.guid] = (int(ids[post.guid]), digest)
                counts.added.append(int(ids[post.guid]))
        self.rows.clear()
        self.guids.clear()
        return stored


class PostStore:
    """Reads and writes sources, posts and revisions in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sources -------------------------------------------------------------------------

    def ensure_source(self, key: str, kind: str, url: str, title: str | None = None) -> int:
        """Return the id of the source ``key``, creating it (or filling its title) as needed."""
        row = self.db.execute("select id, title, kind from sources where key = ?", [key]).fetchone()
        if row:
            if (title and not row[1]) or row[2] != kind:
                self.db.execute(
                    "update sources set title = coalesce(title, ?), kind = ? where id = ?",
                    [title, kind, row[0]],
                )
            return int(row[0])
        cursor = self.db.execute(
            "insert into sources (key, kind, url, title, added) values (?, ?, ?, ?, ?)",
            [key, kind, url, title, to_iso(utc_now())],
        )
        assert cursor.lastrowid is not None  # set by every INSERT that succeeds
        return int(cursor.lastrowid)

    def sources(self) -> list[Source]:
        """All sources, oldest first."""
        cols = (
            "id, key, kind, url, title, interval, enabled, etag, last_modified, last_polled, "
            "last_status, last_error"
        )
        rows = self.db.execute(f"select {cols} from sources order by id").fetchall()
        return [
            Source(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), *row[7:])  # enabled as bool
            for row in rows
        ]

    def source_post_counts(self) -> dict[int, int]:
        """Number of posts per source id."""
        rows = self.db.execute("select source_id, count(*) from posts group by source_id")
        return {int(r[0]): int(r[1]) for r in rows.fetchall()}

    # -- writing posts ---------------------------------------------------------------------

    def ingest(self, source_id: int, posts: Iterable[ParsedPost]) -> IngestCounts:
        """Insert new posts and update edited ones, keeping each earlier version.

        Runs inside the caller's transaction when there is one, else in its own.
        Identity is (source, guid): the same document ingested twice changes nothing. A guid
        given more than once in one document is one post whose entries are its versions in
        order: the first is stored, each later one that differs is an edit (the earlier kept as
        a revision); when the document comes again, the entries up to the one the store holds
        now are not applied again. A post whose guid is new may still be a stored post:

        - one seen before under another of its ``match_keys`` (say, before its headline showed);
        - else one with the very same content (``content_hash``: headline, byline, location,
          body, time and link all equal), as from a feed that makes up new guids at every
          fetch. Only a post identical in everything a reader sees is taken for the same post,
          so two different posts are never merged; an edited post under a new guid is new.

        Either way only a stored post that this document does not also carry under its own
        guid, and each stored post at most once, so two posts of one page that open with the
        same words (or say exactly the same thing) stay two posts.
        """
        counts = IngestCounts()
        now = to_iso(utc_now())
        entries = list(posts)
        digests = [content_hash(post) for post in entries]
        # guid -> the indices of its entries, in document order.
        positions: dict[str, list[int]] = {}
        for i, post in enumerate(entries):
            positions.setdefault(post.guid, []).append(i)
        with write_transaction(self.db):
            existing: dict[str, tuple[int, str]] = {}
            # key -> guids of the stored posts that list it, oldest first.
            keyed: dict[str, list[str]] = {}
            for pid, guid, digest, keys in self._known(source_id, entries):
                existing[guid] = (pid, digest)
                for key in (keys or "").split():
                    keyed.setdefault(key, []).append(guid)
            # A new guid's post is matched by content as the document leaves it: its last entry.
            same_content = self._by_content(
                source_id, {digests[at[-1]] for guid, at in positions.items() if guid not in existing}
            )
            for matches in same_content.values():
                for pid, guid, digest in matches:
                    existing.setdefault(guid, (pid, digest))
            # Stored posts this document carries under their own guid are spoken for.
            claimed = {existing[guid][0] for guid in positions if guid in existing}
            resolved = {guid: self._resolve(entries[at[0]], digests[at[-1]], existing, keyed,
                                            same_content, claimed)
                        for guid, at in positions.items()}
            # Entries up to the one the store holds now were applied at an earlier ingest.
            done_until: dict[str, int] = {}
            for guid, at in positions.items():
                stored = existing.get(resolved[guid])
                hits = [i for i in at if stored is not None and digests[i] == stored[1]]
                if hits:
                    done_until[guid] = hits[-1]
            pending = _PendingInserts(self.db, source_id, now)
            for i, (post, digest) in enumerate(zip(entries, digests, strict=True)):
                if i <= done_until.get(post.guid, -1):
                    counts.unchanged += 1
                    continue
                guid = resolved[post.guid]
                if guid in pending.guids:
                    # A later version of a post this document added: store the first, then
                    # treat this one as its next version, as two ingests in a row would.
                    existing.update(pending.flush(counts))
                found = existing.get(guid)
                if found is None:
                    pending.add(post, digest)
                elif found[1] != digest:
                    self._update(found[0], post, digest, now)
                    existing[guid] = (found[0], digest)
                    counts.updated.append(found[0])
                else:
                    counts.unchanged += 1
            pending.flush(counts)
        return counts

    @staticmethod
    def _resolve(post: ParsedPost, digest: str, existing: dict[str, tuple[int, str]],
                 keyed: dict[str, list[str]], same_content: dict[str, list[tuple[int, str, str]]],
                 claimed: set[int]) -> str:
        """The guid under which ``post`` is stored: its own, else that of the stored post it is
        (by one of its keys, else by content ``digest``), claiming that post for this document."""
        if post.guid in existing:
            return post.guid
        # A stored post whose guid is the key comes first, then those listing it, then those
        # with the same content.
        targets = [t for key in post.match_keys
                   for t in ([key] if key in existing else []) + keyed.get(key, [])]
        targets += [guid for _pid, guid, _digest in same_content.get(digest, [])]
        for target in targets:
            if existing[target][0] not in claimed:
                claimed.add(existing[target][0])
                return target
        return post.guid

    def _by_content(self, source_id: int, digests: set[str]) -> dict[str, list[tuple[int, str, str]]]:
        """Stored posts of ``source_id`` whose content hash is one of ``digests``: hash ->
        [(id, guid, hash)], oldest first (through the (source, content hash) index)."""
        found: dict[str, list[tuple[int, str, str]]] = {}
        names = sorted(digests)
        for start in range(0, len(names), _LOOKUP_CHUNK):
            chunk = names[start:start + _LOOKUP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for pid, guid, digest in self.db.execute(
                "select id, guid, content_hash from posts "
                f"where source_id = ? and content_hash in ({marks}) order by id", [source_id, *chunk]
            ).fetchall():
                found.setdefault(digest, []).append((int(pid), guid, digest))
        return found

    def _known(self, source_id: int, posts: list[ParsedPost]) -> list[tuple]:
        """(id, guid, content hash, match keys) of the stored posts ``posts`` may be, by id.

        Only the candidates are read — stored posts whose guid is one of the incoming guids or
        keys (through the (source, guid) index), and, when some incoming key is not a stored
        guid, the stored posts listing it among their own keys — so a poll of a feed with a
        long history does not read that history.
        """
        wanted = {p.guid for p in posts} | {k for p in posts for k in p.match_keys}
        rows: dict[int, tuple] = {}
        names = sorted(wanted)
        for start in range(0, len(names), _LOOKUP_CHUNK):
            chunk = names[start:start + _LOOKUP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.db.execute(
                "select id, guid, content_hash, match_keys from posts "
                f"where source_id = ? and guid in ({marks})", [source_id, *chunk]
            ).fetchall():
                rows[row[0]] = row
        found = {row[1] for row in rows.values()}
        loose = {k for p in posts for k in p.match_keys} - found
        if loose:
            # Keys are kept space-separated in a column no index can serve: read the source's
            # keyed posts (feeds have none; a live page is one source of modest size).
            for row in self.db.execute(
                "select id, guid, content_hash, match_keys from posts "
                "where source_id = ? and match_keys is not null", [source_id]
            ).fetchall():
                if not loose.isdisjoint(row[3].split()):
                    rows[row[0]] = row
        return [rows[i] for i in sorted(rows)]

    def _update(self, post_id: int, post: ParsedPost, digest: str, now: str | None) -> None:
        # Keep the version being replaced before overwriting it.
        self.db.execute(
            "insert into post_revisions (post_id, revision, title, byline, location, body, "
            "published, content_hash, seen_at) "
            "select id, (select count(*) + 1 from post_revisions where post_id = posts.id), "
            "title, byline, location, body, published, content_hash, coalesce(updated, first_seen) "
            "from posts where id = ?",
            [post_id],
        )
        self.db.execute(
            "update posts set seq = ?, title = ?, byline = ?, location = ?, body = ?, url = ?, "
            "published = ?, published_precision = ?, updated = ?, content_hash = ?, "
            "match_keys = trim(coalesce(match_keys, '') || ' ' || ?) where id = ?",
            [
                post.seq,
                post.title,
                post.byline,
                post.location,
                post.body,
                post.url,
                to_iso(post.published),
                post.published_precision,
                to_iso(post.updated) or now,
                digest,
                " ".join(post.match_keys),
                post_id,
            ],
        )

    # -- reading posts ---------------------------------------------------------------------

    def count(self) -> int:
        """Number of posts."""
        return int(self.db.execute("select count(*) from posts").fetchone()[0])

    def posts(
        self, *, limit: int | None = None, offset: int = 0, source_id: int | None = None
    ) -> list[Post]:
        """Posts newest first."""
        where, args = ("where source_id = ?", [source_id]) if source_id is not None else ("", [])
        sql = f"select {_POST_COLUMNS} from posts {where} order by {NEWEST_FIRST}"
        sql += " limit ? offset ?"
        args += [-1 if limit is None else limit, offset]
        return [_row_to_post(r) for r in self.db.execute(sql, args).fetchall()]

    def post(self, post_id: int) -> Post | None:
        """One post by id, with its revision count."""
        row = self.db.execute(f"select {_POST_COLUMNS} from posts where id = ?", [post_id]).fetchone()
        if row is None:
            return None
        n = self.db.execute(
            "select count(*) from post_revisions where post_id = ?", [post_id]
        ).fetchone()[0]
        return _row_to_post(row, int(n))

    def revisions(self, post_id: int) -> list[dict]:
        """Earlier versions of a post, oldest first."""
        return list(
            self.db.query(
                "select revision, title, byline, location, body, published, seen_at "
                "from post_revisions where post_id = ? order by revision",
                [post_id],
            )
        )

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[Post]:
        """Posts matching what a person typed, best match first; [] for an empty query.

        Ranking (bm25) reads every document of every query word once per search, so it is
        kept to queries whose words are each in at most BROAD_MATCHES posts; any other query
        lists the newest matches first. A ranked search puts the SEARCH_CANDIDATES newest
        matches first, best first, then the older ones, best first — plain best-first order
        when there are no more matches than that. The order does not depend on the page asked
        for, so paging shows every match once.
        """
        if is_team_store(self.db):
            # The team store's search, tuned for PostgreSQL (GIN, ts_rank), in this order.
            from monitor.store.pg.posts import PgPostReader

            return PgPostReader(cast("PgDatabase", self.db).raw).search(text, limit=limit, offset=offset)
        query = fts_query(text)
        if not query:
            return []
        with full_text_errors(self.db):
            if self._count(query) > BROAD_MATCHES or not self._rankable(query):
                sql = (
                    f"select {_QUALIFIED_COLUMNS} from posts join ("
                    "  select rowid as id from posts_fts where posts_fts match ?"
                    "  order by rowid desc limit ? offset ?"
                    ") as top on posts.id = top.id order by top.id desc"
                )
                return [_row_to_post(r) for r in self.db.execute(sql, [query, limit, offset]).fetchall()]
            window = SEARCH_CANDIDATES
            # Only a page reaching past the newest matches needs the older ones ranked at all.
            ranked = window if offset + limit <= window else -1
            # Rank and cut in the index alone, then read only the page's post rows.
            sql = (
                f"select {_QUALIFIED_COLUMNS} from posts join ("
                "  select id, rank, row_number() over (order by id desc) > ? as older from ("
                "    select rowid as id, rank from posts_fts where posts_fts match ?"
                "    order by rowid desc limit ?"
                "  ) order by older, rank, id desc limit ? offset ?"
                ") as top on posts.id = top.id order by top.older, top.rank, top.id desc"
            )
            rows = self.db.execute(sql, [window, query, ranked, limit, offset]).fetchall()
            return [_row_to_post(r) for r in rows]

    def _rankable(self, query: str) -> bool:
        """True when no word of ``query`` is in more than BROAD_MATCHES posts."""
        # A prefix word is counted as a prefix: "vlad" * is as broad as all its words together.
        words = {
            '"' + word + '"' + star
            for phrase, star in _PHRASE.findall(query)
            for word in _WORDS.findall(phrase.replace('""', '"'))
        }
        if len(words) <= 1:
            return True  # its matches, counted already, are all there is to read
        return all(self._count(word) <= BROAD_MATCHES for word in words)

    def _count(self, query: str) -> int:
        """Posts matching an FTS5 expression, counted up to BROAD_MATCHES + 1 (cheap)."""
        sql = "select count(*) from (select 1 from posts_fts where posts_fts match ? limit ?)"
        return int(self.db.execute(sql, [query, BROAD_MATCHES + 1]).fetchone()[0])

    def iter_rows(self, table: str) -> Iterator[dict]:
        """Every row of a table or view, for export (a table's in its key's order)."""
        if not is_team_store(self.db):
            yield from self.db[table].rows
            return
        team = cast("PgDatabase", self.db)
        from monitor.store.pg.schema import quote_ident

        # The columns SQLite has (no search vector), in the order SQLite reads a table's rows.
        key = team.primary_key(table)
        order = f" order by {', '.join(map(quote_ident, key))}" if key else ""
        yield from team.query(f"select {', '.join(map(quote_ident, team.columns(table)))} "
                              f"from {quote_ident(table)}{order}")

    def columns(self, table: str) -> list[str]:
        """The columns of a table or view, in order."""
        if is_team_store(self.db):
            return cast("PgDatabase", self.db).columns(table)
        return list(self.db[table].columns_dict)
