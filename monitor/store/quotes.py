"""Speakers, their aliases and their quotes: schema, re-extraction and analyst corrections.

An analyst's work is never undone by the machine. Reassigning or rejecting a quote marks it
``source_of_truth = 'analyst'``; :meth:`QuoteStore.replace_extracted` deletes and re-creates only
the ``extracted`` quotes of a post, and drops any new one that overlaps an analyst's quote.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from monitor.model import ExtractedQuote, Quote, Speaker, to_iso, utc_now
from monitor.model import speaker_key as alias_key
from monitor.store.errors import full_text_errors, store_conditions
from monitor.store.text_match import TextMatch

FIELDS = ("title", "body")
# A post's time, as the feed sorts on it (the same expression as its index).
_POST_TIME = "coalesce(p.published, p.first_seen)"
_QUOTE_COLUMNS = (
    "id, post_id, speaker_id, kind, text, start, end, cue, outlet, confidence, sieve, "
    "source_of_truth, status, field, mention, speaker_start, speaker_end, parts, corrected_by, corrected_at"
)

# The columns an extracted quote is inserted with, and how many rows go in one INSERT: the
# quotes_fts trigger writes a new index segment at every statement, so one row per statement
# spends its time in the index (as posts did; see docs/performance.md).
_INSERT_COLUMNS = (
    "post_id, speaker_id, field, kind, text, start, end, cue, outlet, mention, speaker_start, "
    "speaker_end, confidence, sieve, parts, source_of_truth, status, created"
)
_INSERT_WIDTH = 18
_INSERT_ROWS = 200
#: Post ids per statement when a batch reads which posts hold quotes.
_IDS_PER_STATEMENT = 500


def filters_posts(db: Database, as_of: str | None) -> bool:
    """Whether "published up to ``as_of``" leaves any post out: False when ``as_of`` is None or
    at or after the newest post (one read of the feed-order index).

    A report "as of now" asks for every post; its counts then need not join millions of quotes
    to their posts only to keep them all (every quote has its post: ``post_id`` is a not-null
    foreign key).
    """
    if as_of is None:
        return False
    newest = db.execute(f"select max({_POST_TIME}) from posts p").fetchone()[0]
    return newest is not None and newest > as_of


class QuoteStoreError(LookupError):
    """A quote or speaker named by id does not exist."""


def migrate_quotes(db: Database) -> None:
    """Schema for speakers, their aliases and quotes, with full-text search over quote text."""
    db.table("speakers").create(
        {
            "id": int,
            "name": str,
            "kind": str,
            "role": str,
            "organisation": str,
            "source_of_truth": str,
            "created": str,
        },
        pk="id",
        not_null=["name", "kind"],
        defaults={"source_of_truth": "extracted"},
    )
    db.table("speakers").create_index(["name"])
    db.table("speaker_aliases").create(
        {"id": int, "speaker_id": int, "name": str, "key": str},
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
        not_null=["speaker_id", "name", "key"],
    )
    db.table("speaker_aliases").create_index(["key"])
    db.table("speaker_aliases").create_index(["speaker_id", "key"], unique=True)
    db.table("quotes").create(
        {
            "id": int,
            "post_id": int,
            "speaker_id": int,
            "field": str,
            "kind": str,
            "text": str,
            "start": int,
            "end": int,
            "cue": str,
            "outlet": str,
            "mention": str,
            "speaker_start": int,
            "speaker_end": int,
            "confidence": float,
            "sieve": str,
            "source_of_truth": str,
            "status": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        foreign_keys=[("post_id", "posts", "id"), ("speaker_id", "speakers", "id")],
        not_null=["post_id", "field", "kind", "text", "start", "end", "source_of_truth", "status"],
        defaults={"field": "body", "source_of_truth": "extracted", "status": "active"},
    )
    db.table("quotes").create_index(["post_id"])
    db.table("quotes").create_index(["speaker_id"])
    db.table("quotes").enable_fts(
        ["text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )


def migrate_quote_counts(db: Database) -> None:
    """An index that answers "how many active quotes, per speaker" from the index alone (the
    inspector asks after every poll; on two million quotes a table scan takes seconds)."""
    db.execute("create index if not exists quotes_status_speaker on quotes (status, speaker_id)")


def migrate_correction_authors(db: Database) -> None:
    """Who made an analyst's correction and when: ``quotes.corrected_by`` and ``corrected_at``.

    Corrections made before are kept with their time (the quote's ``updated``) and no name:
    who made them was never recorded.
    """
    db.table("quotes").add_column("corrected_by", str)
    db.table("quotes").add_column("corrected_at", str)
    db.execute("update quotes set corrected_at = updated where source_of_truth = 'analyst'")
#: The index that counts active quotes by kind (and attributed or not) from the index alone.
REPORT_KIND_INDEX = "quotes_status_kind_speaker"


def migrate_report_indexes(db: Database) -> None:
    """An index that counts active quotes by kind from the index alone: a report's figures
    (quotes by kind, attributed or not) otherwise scan the whole table, text and all, which
    takes seconds at a million posts. Built in one pass over the table (a few seconds there)."""
    db.execute(f"create index if not exists {REPORT_KIND_INDEX} on quotes (status, kind, speaker_id)")


def has_index(db: Database, name: str) -> bool:
    """Whether the store has the index ``name``: a store opened read-only may predate it."""
    if not isinstance(db, Database):  # a team store: PostgreSQL's catalogue
        return db.execute("select 1 from pg_indexes where indexname = ?", [name]).fetchone() is not None
    return db.execute("select 1 from sqlite_master where type = 'index' and name = ?",
                      [name]).fetchone() is not None


def migrate_quote_parts(db: Database) -> None:
    """One record per attribution: ``quotes.parts`` holds the quoted fragments inside a record's
    content (a JSON list of ``[start, end]``), and ``partial`` becomes ``mixed``.

    The stored records are kept as they are (a stored partial quote is a mixed record whose
    content is its quoted words, its one part), so every analyst correction stays where it was;
    ``monitor reextract`` rebuilds the machine's records as whole attributions.
    """
    db.table("quotes").add_column("parts", str)
    db.execute("update quotes set parts = json_array(json_array(start, \"end\")) "
               "where kind in ('direct', 'partial')")
    db.execute("update quotes set parts = '[]' where parts is null")
    db.execute("update quotes set kind = 'mixed' where kind = 'partial'")


def _parts_json(parts: Iterable[tuple[int, int]]) -> str:
    return json.dumps([[int(start), int(end)] for start, end in parts])


def _parts_of(value: str | None) -> tuple[tuple[int, int], ...]:
    """The stored ``parts`` column as offsets (an unreadable value reads as no parts)."""
    try:
        return tuple((int(s), int(e)) for s, e in json.loads(value or "[]"))
    except (ValueError, TypeError):
        return ()


def _row_to_quote(row: tuple) -> Quote:
    (qid, post_id, speaker_id, kind, text, start, end, cue, outlet, confidence, sieve,
     truth, status, field, mention, s_start, s_end, parts, corrected_by, corrected_at) = row
    return Quote(
        id=qid, post_id=post_id, speaker_id=speaker_id, kind=kind, text=text, start=start,
        end=end, cue=cue, outlet=outlet, confidence=confidence or 0.0, sieve=sieve,
        source_of_truth=truth, status=status, field=field, mention=mention,
        speaker_start=s_start, speaker_end=s_end, parts=_parts_of(parts),
        corrected_by=corrected_by, corrected_at=corrected_at,
    )


class QuoteStore:
    """Reads and writes speakers and quotes in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Quote rows replace_extracted keeps for the end of a ``batched`` block (None: outside
        # one, rows are written at once), and the posts they belong to.
        self._pending: list[list[Any]] | None = None
        self._pending_posts: set[int] = set()
        self._failed: list[str] = []  # notes of posts whose pending rows were refused
        # What a batch has read or written already, so that it is not asked again once per post
        # (each a statement, a round trip to a team store): posts of the batch that hold no
        # quote yet, which speaker an alias key names, the aliases stored, speakers' role and
        # organisation. Valid because a batch runs inside its ingest's write transaction, where
        # only this store writes quotes and speakers; cleared when the batch ends and whenever
        # speakers are deleted.
        self._quoteless: set[int] = set()
        self._alias_ids: dict[tuple[str, str], int | None] = {}
        self._aliases: set[tuple[int, str]] = set()
        self._speaker_rows: dict[int, tuple[str | None, str | None, str]] = {}
        # The engine's limit (a team store's is not sqlite3's); imported here because posts.py
        # imports the database module, which imports the migrations, which import this one.
        from monitor.store.posts import variable_limit

        limit = variable_limit(db)
        self._insert_rows = max(1, min(_INSERT_ROWS, limit // _INSERT_WIDTH))

    # -- reading ---------------------------------------------------------------------------------

    def count(self) -> int:
        """Number of quotes that have not been rejected."""
        return int(self.db.execute("select count(*) from quotes where status = 'active'").fetchone()[0])

    def analyst_count(self) -> int:
        """Number of quotes an analyst corrected or rejected."""
        return int(self.db.execute(
            "select count(*) from quotes where source_of_truth = 'analyst'"
        ).fetchone()[0])

    def speakers(self) -> list[Speaker]:
        """Every speaker with their number of (active) quotes, most quoted first."""
        rows = self.db.execute(
            "select s.id, s.name, s.kind, s.role, s.organisation, "
            "(select count(*) from quotes q where q.speaker_id = s.id and q.status = 'active') as n "
            "from speakers s order by n desc, s.name collate nocase"
        ).fetchall()
        return [Speaker(*row) for row in rows]

    def speaker(self, speaker_id: int) -> Speaker | None:
        """One speaker by id, with their quote count."""
        row = self.db.execute(
            "select s.id, s.name, s.kind, s.role, s.organisation, "
            "(select count(*) from quotes q where q.speaker_id = s.id and q.status = 'active') "
            "from speakers s where s.id = ?",
            [speaker_id],
        ).fetchone()
        return Speaker(*row) if row else None

    def aliases(self, speaker_id: int) -> list[str]:
        """The names a speaker has been quoted under."""
        rows = self.db.execute(
            "select name from speaker_aliases where speaker_id = ? and key not like 'post:%' "
            "order by name", [speaker_id]
        ).fetchall()
        return [r[0] for r in rows]

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speakers whose name or an alias matches ``name`` (case-insensitive)."""
        key = alias_key(name)
        rows = self.db.execute(
            "select distinct speaker_id from speaker_aliases where key = ? or key like ? "
            "or key like ? union select id from speakers where lower(name) = lower(?)",
            [key, f"post:%:{key}", f"% {key}", name.strip()],
        ).fetchall()
        found = [self.speaker(int(r[0])) for r in rows]
        return sorted((s for s in found if s), key=lambda s: -s.quote_count)

    def quotes(
        self, speaker_id: int | None = None, post_id: int | None = None, *,
        include_rejected: bool = False,
    ) -> list[Quote]:
        """Quotes in reading order, optionally of one speaker or one post."""
        where, args = [], []
        if speaker_id is not None:
            where.append("speaker_id = ?")
            args.append(speaker_id)
        if post_id is not None:
            where.append("post_id = ?")
            args.append(post_id)
        if not include_rejected:
            where.append("status = 'active'")
        sql = f"select {_QUOTE_COLUMNS} from quotes"
        if where:
            sql += " where " + " and ".join(where)
        sql += " order by post_id, field desc, start, id"
        return [_row_to_quote(r) for r in self.db.execute(sql, args).fetchall()]

    def newest(self, *, speaker_id: int | None = None, as_of: str | None = None,
               limit: int = 500, with_total: bool = True) -> tuple[list[Quote], int]:
        """The newest active quotes (by their post's time; in reading order within a post), of
        one speaker or of everyone, from posts published up to ``as_of`` when given; and how
        many such quotes there are in all (-1 without ``with_total``: counting every active
        quote walks an index of millions). Reads ``limit`` quotes however many are stored."""
        where = ["q.status = 'active'"]
        args: list[Any] = []
        if speaker_id is not None:
            where.append("q.speaker_id = ?")
            args.append(speaker_id)
        if as_of is not None:
            where.append(f"{_POST_TIME} <= ?")
            args.append(as_of)
        clause = " and ".join(where)
        columns = ", ".join(f"q.{c.strip()}" for c in _QUOTE_COLUMNS.split(","))
        # Everyone's newest: walk the posts newest first (their feed index) and stop at ``limit``
        # ("cross join" keeps posts the outer loop); one speaker's: start from their quotes.
        join = "join" if speaker_id is not None else "cross join"
        rows = self.db.execute(
            f"select {columns}, {_POST_TIME} from posts p {join} quotes q on q.post_id = p.id "
            f"where {clause} order by {_POST_TIME} desc, coalesce(p.seq, 0) desc, p.id desc limit ?",
            [*args, limit],
        ).fetchall()
        # Newest post first (the query's order), and within a post the order they are read in.
        position: dict[int, int] = {}
        for row in rows:
            position.setdefault(row[1], len(position))
        quotes = sorted((_row_to_quote(r[:-1]) for r in rows),
                        key=lambda q: (position[q.post_id], q.start))
        if not with_total:
            return quotes, -1
        if filters_posts(self.db, as_of):
            count = f"select count(*) from quotes q join posts p on p.id = q.post_id where {clause}"
        else:  # no post is left out: count in the (status, speaker) index alone
            if as_of is not None:  # the time filter was added last
                where.pop()
                args.pop()
            count = f"select count(*) from quotes q where {' and '.join(where)}"
        total = int(self.db.execute(count, args).fetchone()[0])
        return quotes, total

    def top_speakers(self, *, as_of: str | None = None, limit: int = 1000,
                     with_total: bool = True) -> tuple[list[Speaker], int]:
        """The most quoted speakers with their active quote counts (from posts published up to
        ``as_of`` when given), at most ``limit``; and how many speakers there are in all (-1
        without ``with_total`` when it would take another pass over the quotes: a caller that
        counted them already, as a report does, says so).

        Live, speakers nobody quotes any more (their quotes rejected) fill the list up to
        ``limit``; in a replay only those quoted by then count.
        """
        # Joined to posts only when the moment leaves some out; quoted-by-then still applies.
        filtered = filters_posts(self.db, as_of)
        join = " join posts p on p.id = q.post_id" if filtered else ""
        where = "q.status = 'active'" + (f" and {_POST_TIME} <= ?" if filtered else "")
        args: list[Any] = [as_of] if filtered else []
        # Counted in the (status, speaker) index alone; names are read for the top ones only.
        counts = self.db.execute(
            f"select q.speaker_id, count(*) as n from quotes q{join} where {where} "
            "and q.speaker_id is not null group by q.speaker_id order by n desc limit ?",
            [*args, limit],
        ).fetchall()
        names: dict[int, tuple] = {}
        ids = [row[0] for row in counts]
        for first in range(0, len(ids), 500):
            chunk = ids[first:first + 500]
            for row in self.db.execute(
                "select id, name, kind, role, organisation from speakers "
                f"where id in ({','.join('?' * len(chunk))})", chunk,
            ):
                names[row[0]] = row
        speakers = [Speaker(*names[sid] + (n,)) for sid, n in counts if sid in names]
        speakers.sort(key=lambda s: (-s.quote_count, s.name.casefold()))
        if as_of is not None and len(speakers) >= limit and not with_total:
            total = -1
        elif as_of is not None:
            total = len(speakers) if len(speakers) < limit else int(self.db.execute(
                f"select count(distinct q.speaker_id) from quotes q{join} where {where}", args,
            ).fetchone()[0])
        else:
            total = int(self.db.execute("select count(*) from speakers").fetchone()[0])
            if len(speakers) < limit and total > len(speakers):
                # Speakers nobody quotes any more (their quotes rejected) fill the list.
                known = [s.id for s in speakers]
                rest = self.db.execute(
                    "select id, name, kind, role, organisation, 0 from speakers "
                    f"where id not in ({','.join('?' * len(known))}) order by name collate nocase limit ?",
                    [*known, limit - len(speakers)],
                ).fetchall()
                speakers += [Speaker(*row) for row in rest]
        return speakers, total

    def search(self, text: str, *, limit: int = 50) -> list[Quote]:
        """Active quotes whose words match what a person typed, best match first."""
        match = TextMatch.of(self.db, "quotes")
        query = match.query(text)
        if not query:
            return []
        with full_text_errors(self.db):
            columns = ", ".join(f"quotes.{c.strip()}" for c in _QUOTE_COLUMNS.split(","))
            rows = self.db.execute(
                f"select {columns} {match.rows()} and quotes.status = 'active' "
                f"order by {match.best_first()}, quotes.id limit ?",
                [query, limit],
            ).fetchall()
            return [_row_to_quote(r) for r in rows]

    def quote(self, quote_id: int) -> Quote | None:
        """One quote by id."""
        row = self.db.execute(f"select {_QUOTE_COLUMNS} from quotes where id = ?", [quote_id]).fetchone()
        return _row_to_quote(row) if row else None

    # -- analyst corrections -----------------------------------------------------------------------

    def _require_quote(self, quote_id: int) -> None:
        if self.quote(quote_id) is None:
            raise QuoteStoreError(f"no quote with id {quote_id}")

    def _require_speaker(self, speaker_id: int) -> None:
        if self.speaker(speaker_id) is None:
            raise QuoteStoreError(f"no speaker with id {speaker_id}")

    def reassign_quote(self, quote_id: int, speaker_id: int | None, author: str | None = None) -> None:
        """Give a quote to another speaker (None: nobody); re-extraction will keep this. The
        correction carries ``author`` (who made it) and its time."""
        self._require_quote(quote_id)
        if speaker_id is not None:
            self._require_speaker(speaker_id)
        now = _now()
        self.db.execute(
            "update quotes set speaker_id = ?, source_of_truth = 'analyst', updated = ?, "
            "corrected_by = ?, corrected_at = ? where id = ?",
            [speaker_id, now, author, now, quote_id],
        )

    def reject_quote(self, quote_id: int, author: str | None = None) -> None:
        """Mark a quote as wrong; re-extraction will not bring it back. The correction carries
        ``author`` (who made it) and its time."""
        self._require_quote(quote_id)
        now = _now()
        self.db.execute(
            "update quotes set status = 'rejected', source_of_truth = 'analyst', updated = ?, "
            "corrected_by = ?, corrected_at = ? where id = ?",
            [now, author, now, quote_id],
        )

    def merge_speakers(self, keep_id: int, merge_id: int, author: str | None = None) -> None:
        """Fold ``merge_id`` into ``keep_id``: its quotes and aliases move, it is deleted. The
        quotes that moved carry ``author`` and the time as the last correction of each."""
        if keep_id == merge_id:
            raise QuoteStoreError(f"cannot merge speaker {keep_id} into itself")
        self._require_speaker(keep_id)
        self._require_speaker(merge_id)
        with self.db.atomic():
            now = _now()
            self.db.execute("update quotes set speaker_id = ?, updated = ?, corrected_by = ?, "
                            "corrected_at = ? where speaker_id = ?", [keep_id, now, author, now, merge_id])
            # An alias both speakers had stays the kept speaker's (and goes with the other below).
            self.db.execute(
                "update speaker_aliases set speaker_id = ? where speaker_id = ? and not exists ("
                "select 1 from speaker_aliases kept "
                "where kept.speaker_id = ? and kept.key = speaker_aliases.key)",
                [keep_id, merge_id, keep_id],
            )
            self.db.execute("delete from speaker_aliases where speaker_id = ?", [merge_id])
            keep, gone = self.speaker(keep_id), self.speaker(merge_id)
            assert keep is not None and gone is not None
            self.db.execute(
                "update speakers set role = ?, organisation = coalesce(organisation, ?), "
                "source_of_truth = 'analyst' where id = ?",
                [_merge_role(keep.role, gone.role), gone.organisation, keep_id],
            )
            self._add_alias(keep_id, gone.name, alias_key(gone.name))
            self.db.execute("delete from speakers where id = ?", [merge_id])

    # -- extraction ----------------------------------------------------------------------------------

    def replace_extracted(
        self, post_id: int, extracted: Iterable[ExtractedQuote | tuple[str, ExtractedQuote]]
    ) -> int:
        """Replace the machine's quotes for a post; the analyst's stay as they are.

        ``extracted`` holds quotes from the post's body, or ``(field, quote)`` pairs where field
        is ``"title"`` or ``"body"``. A new quote that overlaps a quote the analyst corrected or
        rejected is dropped. Returns the number of quotes stored.
        """
        now = _now()
        # Quotes are written through the quotes_fts triggers: a damaged index is the store's error.
        try:
            with store_conditions(self.db), self.db.atomic():
                return self._replace_extracted(post_id, extracted, now)
        except BaseException:
            # Rolled back: the speakers and aliases it wrote are gone again, and so must be
            # what the batch learned of them.
            self._forget_speakers()
            raise

    def _replace_extracted(self, post_id: int,
                           extracted: Iterable[ExtractedQuote | tuple[str, ExtractedQuote]], now: str) -> int:
        """``replace_extracted`` inside its savepoint."""
        rows: list[list[Any]] = []
        replaced, kept = self._clear_extracted(post_id)
        local: dict[tuple[str, int], int] = {}  # (field, speaker_index) -> speaker id
        for item in extracted:
            field, quote = item if isinstance(item, tuple) else ("body", item)
            if field not in FIELDS:
                raise ValueError(f"post {post_id}: unknown field {field!r}")
            if any(f == field and s < quote.end and quote.start < e for f, s, e in kept):
                continue
            speaker_id = None
            if quote.speaker:
                index_key = (field, quote.speaker_index if quote.speaker_index is not None else -1)
                speaker_id = local.get(index_key)
                if speaker_id is None:
                    speaker_id = self._speaker_for(post_id, quote)
                    local[index_key] = speaker_id
            mention = None
            if quote.speaker_start is not None and quote.speaker_end is not None:
                mention = _mention(quote)
            rows.append([post_id, speaker_id, field, quote.kind, quote.text, quote.start, quote.end,
                         quote.cue, quote.outlet, mention, quote.speaker_start, quote.speaker_end,
                         quote.confidence, quote.sieve, _parts_json(quote.parts), "extracted",
                         "active", now])
        if self._pending is None:
            self._insert(rows)
        else:
            # Kept for the end of the batch; written now when speakers may be left without
            # a quote (an edited post), since the check for orphans reads the quotes table.
            self._pending += rows
            self._pending_posts.add(post_id)
            if replaced:
                self._failed += self._flush()
        self._drop_orphans(replaced)
        return len(rows)

    def _clear_extracted(self, post_id: int) -> tuple[list[int], list[tuple[str, int, int]]]:
        """Delete the machine's quotes of a post (stored or pending in the batch) and move the
        analyst's to where their words now are; the speakers of the deleted quotes, and the
        (field, start, end) of the quotes that stay."""
        if post_id in self._quoteless:
            # A post of the batch that held no quote when it began (a new post): nothing to
            # delete, move or keep clear of. Its quotes are stored now, so the next time it is
            # asked for (an edit later in the batch) it is read like any other.
            self._quoteless.discard(post_id)
            return [], []
        # Only the speakers of the quotes replaced here can be left without a quote; checking
        # just those keeps an ingest from scanning every speaker once per post.
        replaced = [row[0] for row in self.db.execute(
            "select distinct speaker_id from quotes where post_id = ? and "
            "source_of_truth = 'extracted' and speaker_id is not null", [post_id]
        ).fetchall()]
        self.db.execute(
            "delete from quotes where post_id = ? and source_of_truth = 'extracted'", [post_id]
        )
        if post_id in self._pending_posts and self._pending is not None:
            # Twice in one batch (added, then edited): the rows kept for it are replaced too.
            replaced = sorted(set(replaced) | {row[1] for row in self._pending
                                               if row[0] == post_id and row[1] is not None})
            self._pending = [row for row in self._pending if row[0] != post_id]
            self._pending_posts.discard(post_id)
        self._relocate_analyst(post_id)
        kept = self.db.execute(
            "select field, start, end from quotes where post_id = ?", [post_id]
        ).fetchall()
        return replaced, [(str(f), int(s), int(e)) for f, s, e in kept]

    @contextmanager
    def batched(self, post_ids: Iterable[int] = ()) -> Iterator[list[str]]:
        """Within the block, the quotes ``replace_extracted`` stores are written when it ends,
        many rows per statement (an ingest's quotes: one INSERT per quote was most of what
        storing them cost), and what it looks up of speakers is read once. Nothing in the
        block but ``replace_extracted`` may write quotes or speakers, nor read the extracted
        quotes it stored. ``post_ids`` are the posts the block will extract (read in one
        statement: those holding no quote need no clearing).
        Yields a list that, after the block, names the posts whose quotes could not be written
        (their rows refused by the database); the other posts' quotes are stored."""
        if self._pending is not None:  # already in a batch: its end writes these too
            yield []
            return
        self._pending, self._failed = [], []
        try:
            self._quoteless = self._without_quotes(post_ids)
            yield self._failed
            self._failed += self._flush()
        finally:
            self._pending = None
            self._pending_posts.clear()
            self._forget()

    def _without_quotes(self, post_ids: Iterable[int]) -> set[int]:
        """Which of ``post_ids`` hold no quote at all."""
        wanted = sorted(set(post_ids))
        found: set[int] = set()
        per = max(1, min(_IDS_PER_STATEMENT, self._insert_rows * _INSERT_WIDTH))  # under the engine's limit
        for start in range(0, len(wanted), per):
            chunk = wanted[start:start + per]
            found.update(int(r[0]) for r in self.db.execute(
                f"select distinct post_id from quotes where post_id in ({', '.join('?' * len(chunk))})",
                chunk).fetchall())
        return set(wanted) - found

    def _forget(self) -> None:
        """Drop what the batch knew of posts and speakers (see ``__init__``)."""
        self._quoteless = set()
        self._forget_speakers()

    def _forget_speakers(self) -> None:
        self._alias_ids.clear()
        self._aliases.clear()
        self._speaker_rows.clear()

    def _flush(self) -> list[str]:
        """Write the pending quote rows; returns a note for each post whose rows were refused."""
        rows, self._pending = self._pending or [], []
        self._pending_posts.clear()
        try:
            with self.db.atomic():
                self._insert(rows)
            return []
        except sqlite3.IntegrityError:
            pass
        # One row broke a constraint: each post's rows on their own, so the rest are stored.
        failed: list[str] = []
        speakers: set[int] = set()  # of the refused rows: left without a quote, they go
        by_post: dict[int, list[list[Any]]] = {}
        for row in rows:
            by_post.setdefault(row[0], []).append(row)
        for post_id, own in by_post.items():
            try:
                with self.db.atomic():
                    self._insert(own)
            except sqlite3.IntegrityError as exc:
                failed.append(f"post {post_id}: quote extraction failed ({exc})")
                speakers.update(row[1] for row in own if row[1] is not None)
        self._drop_orphans(sorted(speakers))
        return failed

    def _insert(self, rows: list[list[Any]]) -> None:
        """Insert quote rows, many per statement."""
        # Quotes are written through the quotes_fts triggers: a damaged index is the store's error.
        with store_conditions(self.db):
            for start in range(0, len(rows), self._insert_rows):
                chunk = rows[start:start + self._insert_rows]
                marks = ", ".join(["(" + ", ".join("?" * _INSERT_WIDTH) + ")"] * len(chunk))
                self.db.execute(f"insert into quotes ({_INSERT_COLUMNS}) values {marks}",
                                [value for row in chunk for value in row])

    def _relocate_analyst(self, post_id: int) -> None:
        """After an edit, move an analyst's quote to where its words now are in the post.

        The correction itself is never changed; only its offsets follow the text. A quote whose
        words are gone keeps its old offsets (and its text), so nothing the analyst did is lost.
        """
        post = self.db.execute("select title, body from posts where id = ?", [post_id]).fetchone()
        if post is None:
            return
        fields = {"title": post[0] or "", "body": post[1] or ""}
        rows = self.db.execute(
            "select id, field, text, start, end, parts from quotes where post_id = ? and "
            "source_of_truth = 'analyst'", [post_id]
        ).fetchall()
        for qid, field, text, start, end, parts in rows:
            source = fields.get(field, "")
            if source[start:end] == text:
                continue
            at = source.find(text)
            if at >= 0:
                shift = at - start  # the quoted parts move with the content they lie in
                moved = _parts_json((s + shift, e + shift) for s, e in _parts_of(parts))
                self.db.execute("update quotes set start = ?, end = ?, parts = ? where id = ?",
                                [at, at + len(text), moved, qid])

    def _speaker_for(self, post_id: int, quote: ExtractedQuote) -> int:
        """Find the stored speaker an extracted quote names, or create them."""
        assert quote.speaker
        kind = quote.speaker_kind or "person"
        key = alias_key(quote.speaker)
        # An unnamed source is a speaker of its own in each post: "a US official" in two posts
        # may be two people, and "the company" no one named in two posts two firms.
        unnamed = kind == "anonymous" or not any(ch.isupper() for ch in quote.speaker)
        scoped = f"post:{post_id}:{key}" if unnamed else key
        speaker_id = self._by_alias(scoped, kind)
        if speaker_id is None and kind == "person":
            speaker_id = self._by_surname(quote.speaker)
        if speaker_id is None:
            cursor = self.db.execute(
                "insert into speakers (name, kind, role, organisation, created) values (?, ?, ?, ?, ?)",
                [quote.speaker, kind, quote.role, quote.organisation, _now()],
            )
            assert cursor.lastrowid is not None  # set by every INSERT that succeeds
            speaker_id = int(cursor.lastrowid)
        else:
            self._update_speaker(speaker_id, quote)
        self._add_alias(speaker_id, quote.speaker, scoped)
        if kind != "anonymous":
            for alias in quote.speaker_aliases:
                self._add_alias(speaker_id, alias, alias_key(alias))
        return speaker_id

    def _by_alias(self, key: str, kind: str) -> int | None:
        if self._pending is not None and (key, kind) in self._alias_ids:
            return self._alias_ids[key, kind]
        # A name an analyst merged into another speaker stays with that speaker, whatever kind.
        row = self.db.execute(
            "select a.speaker_id from speaker_aliases a join speakers s on s.id = a.speaker_id "
            "where a.key = ? and (s.kind = ? or s.source_of_truth = 'analyst') "
            "order by s.source_of_truth = 'analyst' desc, a.speaker_id limit 1",
            [key, kind],
        ).fetchone()
        found = int(row[0]) if row else None
        if self._pending is not None:
            self._alias_ids[key, kind] = found
        return found

    def _by_surname(self, name: str) -> int | None:
        """``Peskov`` is the one stored ``Dmitry Peskov``; ``Dmitry Peskov`` the stored ``Peskov``."""
        words = name.split()
        last = words[-1].casefold()
        rows = self.db.execute(
            "select id, name from speakers where kind = 'person' and "
            "(lower(name) = ? or lower(name) like ?)",
            [last, f"% {last}"],
        ).fetchall()
        if len(words) == 1:
            return int(rows[0][0]) if len(rows) == 1 else None
        single = [r for r in rows if len(r[1].split()) == 1]
        if len(single) == 1:
            self.db.execute("update speakers set name = ? where id = ?", [name, single[0][0]])
            return int(single[0][0])
        return None

    def _update_speaker(self, speaker_id: int, quote: ExtractedQuote) -> None:
        row = self._speaker_rows.get(speaker_id)
        if row is None:
            row = self.db.execute(
                "select role, organisation, source_of_truth from speakers where id = ?", [speaker_id]
            ).fetchone()
        role, org, truth = row
        if truth != "analyst":
            merged = (_merge_role(role, quote.role), org if org is not None else quote.organisation)
            if merged != (role, org):  # most quotes of a speaker add nothing new: no write
                self.db.execute("update speakers set role = ?, organisation = ? where id = ?",
                                [*merged, speaker_id])
                role, org = merged
        if self._pending is not None:
            self._speaker_rows[speaker_id] = (role, org, truth)

    def _add_alias(self, speaker_id: int, name: str, key: str) -> None:
        if self._pending is not None:
            if (speaker_id, key) in self._aliases:
                return  # stored (or found stored) earlier in the batch
            self._aliases.add((speaker_id, key))
            # The speaker this key names may now be another: asked again next time.
            for kind in [k for k_key, k in self._alias_ids if k_key == key]:
                del self._alias_ids[key, kind]
        self.db.execute(
            "insert or ignore into speaker_aliases (speaker_id, name, key) values (?, ?, ?)",
            [speaker_id, name, key],
        )

    def _drop_orphans(self, candidates: list[int] | None = None) -> None:
        """Extracted speakers left with no quote at all (after a re-extraction) go.

        ``candidates`` limits the check to these speaker ids; None checks every speaker.
        """
        if candidates is not None and not candidates:
            return
        self._forget_speakers()  # speakers may go: what the batch knew of them is read again
        only = f" and id in ({', '.join('?' * len(candidates))})" if candidates else ""
        orphan = (
            "select id from speakers where source_of_truth = 'extracted' and not exists "
            f"(select 1 from quotes where quotes.speaker_id = speakers.id){only}"
        )
        args = list(candidates or [])
        self.db.execute(f"delete from speaker_aliases where speaker_id in ({orphan})", args)
        self.db.execute(f"delete from speakers where id in ({orphan})", args)

    def rows(self) -> list[dict[str, Any]]:
        """Every quote with its speaker's name, for export."""
        return list(self.db.query(
            "select q.*, s.name as speaker from quotes q left join speakers s on s.id = q.speaker_id "
            "order by q.post_id, q.start"
        ))


def _mention(quote: ExtractedQuote) -> str | None:
    return quote.mention


def _merge_role(old: str | None, new: str | None) -> str | None:
    if not new:
        return old
    if not old:
        return new
    parts = [p.strip() for p in old.split(" / ")]
    # By words, not characters: "Tory deputy chair" is already said by "Tory party deputy chair".
    new_words = _role_words(new)
    if any(new_words <= _role_words(p) for p in parts):
        return old
    for k, part in enumerate(parts):
        if _role_words(part) <= new_words:
            parts[k] = new
            return " / ".join(dict.fromkeys(parts))
    return f"{old} / {new}"


def _role_words(role: str) -> set[str]:
    """A role's words, case-folded, without articles."""
    return {w for w in re.findall(r"[\w'’-]+", role.casefold()) if w not in ("a", "an", "the")}


def _now() -> str:
    return to_iso(utc_now()) or ""
