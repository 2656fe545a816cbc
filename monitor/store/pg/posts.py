"""Reading posts and sources from a PostgreSQL store: what ``PostStore`` reads, the same answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.model import Post, Source
from monitor.store.pg.connection import scalar
from monitor.store.pg.schema import SEARCH_COLUMN, SEARCH_CONFIG
from monitor.store.posts import _POST_COLUMNS, BROAD_MATCHES, SEARCH_CANDIDATES, _row_to_post
from monitor.store.search import tsquery_text

if TYPE_CHECKING:
    import psycopg

# PostStore's NEWEST_FIRST as SQLite orders it: text by its bytes whatever the server's locale,
# and a missing seq after every other (SQLite sorts NULL lowest; PostgreSQL highest).
NEWEST_FIRST = 'coalesce(published, first_seen) collate "C" desc, seq desc nulls last, id desc'
_QUALIFIED_COLUMNS = ", ".join("posts." + c.strip() for c in _POST_COLUMNS.split(","))
_MATCHES = f"from posts, to_tsquery('{SEARCH_CONFIG}', %s) as q where {SEARCH_COLUMN} @@ q"


class PgPostReader:
    """Reads sources and posts (``PostStore``'s read methods) from a PostgreSQL store."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def sources(self) -> list[Source]:
        """All sources, oldest first."""
        rows = self.conn.execute(
            "select id, key, kind, url, title, interval, enabled, etag, last_modified, last_polled, "
            "last_status, last_error from sources order by id").fetchall()
        names = ("id", "key", "kind", "url", "title", "interval", "enabled", "etag", "last_modified",
                 "last_polled", "last_status", "last_error")
        return [Source(**{**dict(zip(names, row, strict=True)), "enabled": bool(row[6])}) for row in rows]

    def count(self) -> int:
        """Number of posts."""
        return int(scalar(self.conn, "select count(*) from posts"))

    def posts(self, *, limit: int | None = None, offset: int = 0,
              source_id: int | None = None) -> list[Post]:
        """Posts newest first."""
        where, args = ("where source_id = %s", [source_id]) if source_id is not None else ("", [])
        sql = f"select {_POST_COLUMNS} from posts {where} order by {NEWEST_FIRST} limit %s offset %s"
        return [_row_to_post(r) for r in self.conn.execute(sql, [*args, limit, offset]).fetchall()]

    def post(self, post_id: int) -> Post | None:
        """One post by id, with its revision count."""
        row = self.conn.execute(f"select {_POST_COLUMNS} from posts where id = %s", [post_id]).fetchone()
        if row is None:
            return None
        n = scalar(self.conn, "select count(*) from post_revisions where post_id = %s", [post_id])
        return _row_to_post(row, int(n))

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[Post]:
        """Posts matching what a person typed (the query language of ``fts_query``), in
        ``PostStore.search``'s order: a query matching more than BROAD_MATCHES posts lists the
        newest first; any other puts the SEARCH_CANDIDATES newest matches first, best first,
        then the older ones, best first. Best is ``ts_rank`` (PostgreSQL has no bm25), so the
        order among equally good matches may differ from SQLite's; the posts found do not.
        [] for an empty query.
        """
        query = tsquery_text(text)
        if not query:
            return []
        broad = scalar(self.conn, f"select count(*) from (select 1 {_MATCHES} limit %s) as m",
                       [query, BROAD_MATCHES + 1]) > BROAD_MATCHES
        if broad:
            sql = (f"select {_QUALIFIED_COLUMNS} from posts join ("
                   f"  select id {_MATCHES} order by id desc limit %s offset %s"
                   ") as top on posts.id = top.id order by top.id desc")
            return [_row_to_post(r) for r in self.conn.execute(sql, [query, limit, offset]).fetchall()]
        # Only a page reaching past the newest matches needs the older ones ranked at all.
        ranked = SEARCH_CANDIDATES if offset + limit <= SEARCH_CANDIDATES else None
        sql = (f"select {_QUALIFIED_COLUMNS} from posts join ("
               "  select id, rank, row_number() over (order by id desc) > %s as older from ("
               f"    select id, ts_rank({SEARCH_COLUMN}, q) as rank {_MATCHES} order by id desc limit %s"
               "  ) as matched order by older, rank desc, id desc limit %s offset %s"
               ") as top on posts.id = top.id order by top.older, top.rank desc, top.id desc")
        rows = self.conn.execute(sql, [SEARCH_CANDIDATES, query, ranked, limit, offset]).fetchall()
        return [_row_to_post(r) for r in rows]
