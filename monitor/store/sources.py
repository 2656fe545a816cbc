"""Sources as things we poll: adding them, recording each poll, moving and disabling them."""

from __future__ import annotations

from sqlite_utils import Database

from monitor.model import Source, to_iso, utc_now

_UNSET = object()
_COLUMNS = (
    "id, key, kind, url, title, interval, enabled, etag, last_modified, last_polled, "
    "last_status, last_error, failures, next_poll, http_status, subscribed, body_hash, tier"
)


def migrate_source_polling(db: Database) -> None:
    """Polling state: consecutive failures (for backoff), when the next poll is due, HTTP status,
    whether the source is subscribed (added to be polled, not merely ingested once), and a digest
    of the last document read (so a server without validators still spares us a re-parse)."""
    table = db.table("sources")
    columns = table.columns_dict
    if "subscribed" not in columns:
        table.add_column("subscribed", int, not_null_default=0)
    if "body_hash" not in columns:
        table.add_column("body_hash", str)
    if "failures" not in columns:
        table.add_column("failures", int, not_null_default=0)
    if "next_poll" not in columns:
        table.add_column("next_poll", str)
    if "http_status" not in columns:
        table.add_column("http_status", int)
    db.execute("create index if not exists sources_next_poll on sources (enabled, next_poll)")


def migrate_source_tiers(db: Database) -> None:
    """What kind of source each is (wire, primary, outlet, aggregator, social), as a reader
    marks it; null until marked."""
    if "tier" not in db.table("sources").columns_dict:
        db.table("sources").add_column("tier", str)


def _row_to_source(row: tuple) -> Source:
    return Source(
        row[0], row[1], row[2], row[3], row[4], row[5],
        enabled=bool(row[6]),
        etag=row[7],
        last_modified=row[8],
        last_polled=row[9],
        last_status=row[10],
        last_error=row[11],
        failures=int(row[12] or 0),
        next_poll=row[13],
        http_status=row[14],
        subscribed=bool(row[15]),
        body_hash=row[16],
        tier=row[17],
    )


class SourceStore:
    """Reads and writes the polling state of sources."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_source(self, key: str, url: str, *, kind: str = "pending", interval: int = 60,
                   title: str | None = None) -> Source:
        """Add the source ``key`` (or return it, with its interval and URL refreshed, if known).

        A source added again is enabled again: adding is how a person says "poll this".
        """
        with self.db.atomic():
            row = self.db.execute("select id from sources where key = ?", [key]).fetchone()
            if row:
                self.db.execute(
                    "update sources set url = ?, interval = ?, enabled = 1, subscribed = 1, "
                    "next_poll = null where id = ?",
                    [url, interval, row[0]],
                )
                source_id = int(row[0])
            else:
                cursor = self.db.execute(
                    "insert into sources (key, kind, url, title, interval, enabled, subscribed, added) "
                    "values (?, ?, ?, ?, ?, 1, 1, ?)",
                    [key, kind, url, title, interval, to_iso(utc_now())],
                )
                assert cursor.lastrowid is not None  # set by every INSERT that succeeds
                source_id = int(cursor.lastrowid)
        found = self.get(source_id)
        assert found is not None
        return found

    def get(self, source_id: int) -> Source | None:
        """One source by id."""
        row = self.db.execute(f"select {_COLUMNS} from sources where id = ?", [source_id]).fetchone()
        return _row_to_source(row) if row else None

    def by_key(self, key: str) -> Source | None:
        """One source by its identity key."""
        row = self.db.execute(f"select {_COLUMNS} from sources where key = ?", [key]).fetchone()
        return _row_to_source(row) if row else None

    def id_for_key(self, key: str) -> int | None:
        """The id of source ``key``, or None."""
        row = self.db.execute("select id from sources where key = ?", [key]).fetchone()
        return int(row[0]) if row else None

    def all(self) -> list[Source]:
        """Every source, oldest first, with its polling state."""
        return [_row_to_source(r) for r in self.db.execute(f"select {_COLUMNS} from sources order by id")]

    def pollable(self) -> list[Source]:
        """Enabled, subscribed sources with a URL we can fetch (http, https or file).

        A file ingested once (``monitor ingest``) is a source too, but it is not polled unless
        it was added with :meth:`add_source`.
        """
        rows = self.db.execute(
            f"select {_COLUMNS} from sources where enabled = 1 and subscribed = 1 and "
            "(url like 'http://%' or url like 'https://%' or url like 'file:%') order by id"
        )
        return [_row_to_source(r) for r in rows]

    def due(self, now: str) -> list[Source]:
        """Enabled, pollable sources whose next poll is due at ``now`` (ISO 8601 UTC)."""
        return [s for s in self.pollable() if s.next_poll is None or s.next_poll <= now]

    def next_due(self) -> str | None:
        """When the earliest enabled source is next due, or None when none is scheduled."""
        row = self.db.execute(
            "select min(coalesce(next_poll, '')) from sources where enabled = 1 and subscribed = 1"
        ).fetchone()
        return row[0] if row and row[0] is not None else None

    def record_poll(
        self,
        source_id: int,
        *,
        status: str,
        http_status: int | None,
        error: str | None,
        polled_at: str,
        next_poll: str | None,
        failures: int,
        etag: object = _UNSET,
        last_modified: object = _UNSET,
        kind: str | None = None,
        title: str | None = None,
        body_hash: str | None = None,
    ) -> None:
        """Store the outcome of one poll. Validators are changed only when passed."""
        sets = [
            "last_status = ?", "http_status = ?", "last_error = ?", "last_polled = ?",
            "next_poll = ?", "failures = ?",
        ]
        args: list[object] = [status, http_status, error, polled_at, next_poll, failures]
        if etag is not _UNSET:
            sets.append("etag = ?")
            args.append(etag)
        if last_modified is not _UNSET:
            sets.append("last_modified = ?")
            args.append(last_modified)
        if body_hash:
            sets.append("body_hash = ?")
            args.append(body_hash)
        if kind:
            sets.append("kind = ?")
            args.append(kind)
        if title:
            sets.append("title = coalesce(title, ?)")
            args.append(title)
        self.db.execute(f"update sources set {', '.join(sets)} where id = ?", [*args, source_id])

    def set_url(self, source_id: int, url: str) -> None:
        """Move a source to a new address (after a permanent redirect); its identity key stays."""
        self.db.execute("update sources set url = ? where id = ?", [url, source_id])

    def clear_validators(self, source_id: int) -> None:
        """Forget the ETag, Last-Modified and body digest: the next poll fetches and reads it all."""
        self.db.execute(
            "update sources set etag = null, last_modified = null, body_hash = null where id = ?",
            [source_id],
        )

    def set_interval(self, source_id: int, interval: int) -> None:
        """Change how often a source is polled."""
        self.db.execute("update sources set interval = ? where id = ?", [interval, source_id])

    def disable(self, source_id: int, reason: str) -> None:
        """Stop polling a source (410 Gone, or by hand); the reason is kept as its last error."""
        self.db.execute(
            "update sources set enabled = 0, next_poll = null, last_error = ? where id = ?",
            [reason, source_id],
        )

    def enable(self, source_id: int) -> None:
        """Poll a disabled source again, at once."""
        self.db.execute(
            "update sources set enabled = 1, next_poll = null, failures = 0 where id = ?", [source_id]
        )

    def set_tier(self, source_id: int, tier: str | None) -> None:
        """Mark what kind of source this is (None: not said)."""
        self.db.execute("update sources set tier = ? where id = ?", [tier, source_id])

    def tiers(self) -> dict[int, str]:
        """The tier of every source marked with one."""
        return {int(i): t for i, t in self.db.execute("select id, tier from sources where tier is not null")}

    def rename(self, source_id: int, title: str) -> None:
        """Give a source the title a reader chose (a poll never overwrites a title it has)."""
        self.db.execute("update sources set title = ? where id = ?", [title, source_id])

    def pause(self, source_id: int) -> None:
        """Stop polling a source by hand: its last poll's status and error are kept as they are."""
        self.db.execute("update sources set enabled = 0, next_poll = null where id = ?", [source_id])

    def recent_post_times(self, limit: int) -> dict[int, list[str]]:
        """Each source's newest ``limit`` post times (published, else first seen), ISO 8601 UTC."""
        rows = self.db.execute(
            "select source_id, t from (select source_id, coalesce(published, first_seen) as t, "
            " row_number() over (partition by source_id order by coalesce(published, first_seen) desc)"
            " as n from posts where coalesce(published, first_seen) is not null) as recent where n <= ?",
            [limit],
        )
        found: dict[int, list[str]] = {}
        for source_id, when in rows:
            found.setdefault(int(source_id), []).append(when)
        return found

    def unsubscribe(self, source_id: int) -> None:
        """Remove a source from polling but keep it (and its posts) as a source posts came from,
        like a file ingested once: not polled, its validators forgotten."""
        self.db.execute(
            "update sources set subscribed = 0, enabled = 0, next_poll = null, etag = null, "
            "last_modified = null, body_hash = null where id = ?",
            [source_id],
        )

    def _drop_from_story_items(self, source_id: int) -> None:
        """Take a source's posts out of their story items: an item left with no copy goes, one
        whose lead went is led by its earliest remaining copy."""
        self.db.execute("delete from story_item_posts where source_id = ?", [source_id])
        gone = "(select id from posts where source_id = ?)"
        self.db.execute(f"delete from story_items where lead_post_id in {gone} and not exists "
                        "(select 1 from story_item_posts p where p.item_id = story_items.id)", [source_id])
        first = ("(select {col} from story_item_posts p where p.item_id = story_items.id "
                 "order by p.at, p.post_id limit 1)")
        self.db.execute(f"update story_items set lead_post_id = {first.format(col='post_id')}, "
                        f"started = {first.format(col='at')} where lead_post_id in {gone}", [source_id])

    def delete_with_posts(self, source_id: int) -> tuple[list[int], set[int | None], bool]:
        """Delete a source and everything of its posts (versions, quotes, route reports, read
        marks). Returns the posts deleted, the speakers whose quotes went, and whether any route
        report went. Runs inside the caller's transaction."""
        post_ids = [int(r[0]) for r in self.db.execute("select id from posts where source_id = ?",
                                                       [source_id])]
        speakers = {r[0] for r in self.db.execute(
            "select distinct speaker_id from quotes where post_id in "
            "(select id from posts where source_id = ?)", [source_id])}
        reports = self.db.execute(
            "select count(*) from observations where post_id in (select id from posts where source_id = ?)",
            [source_id]).fetchone()[0]
        for table in ("quotes", "observations", "post_revisions"):
            self.db.execute(f"delete from {table} where post_id in "
                            "(select id from posts where source_id = ?)", [source_id])
        self.db.execute("delete from post_reads where source_id = ?", [source_id])
        self._drop_from_story_items(source_id)
        self.db.execute("delete from posts where source_id = ?", [source_id])
        self.db.execute("delete from sources where id = ?", [source_id])
        return post_ids, speakers, bool(reports)
