"""Reading posts and sources from a PostgreSQL store: what ``PostStore`` reads, the same answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.model import Post, Source
from monitor.store import posts as sqlite_posts
from monitor.store.pg.connection import scalar
from monitor.store.pg.schema import SEARCH_COLUMN, SEARCH_CONFIG
from monitor.store.posts import _POST_COLUMNS, SEARCH_CANDIDATES, _row_to_post
from monitor.store.search import tsquery_text, tsquery_words

if TYPE_CHECKING:
    import psycopg

# PostStore's NEWEST_FIRST as SQLite orders it: text by its bytes whatever the server's locale,
# and a missing seq after every other (SQLite sorts NULL lowest; PostgreSQL highest).
NEWEST_FIRST = 'coalesce(published, first_seen) collate "C" desc, seq desc nulls last, id desc'
_QUALIFIED_COLUMNS = ", ".join("posts." + c.strip() for c in _POST_COLUMNS.split(","))
#: How far the planner's estimate of a word's posts must be from BROAD_MATCHES (a factor) for
#: a search to take it instead of counting: ANALYZE's sample of 30,000 rows puts a word in 2 %
#: of the posts within a few percent, and a word outside the column's most common elements
#: below the rarest of them.
ESTIMATE_MARGIN = 1.5
# The query inline, not joined in: the planner folds it to a constant and estimates its matches
# from the column's statistics (a join of to_tsquery would get a fixed guess).
_TSQUERY = f"to_tsquery('{SEARCH_CONFIG}', %s)"
_MATCHES = f"from posts where {SEARCH_COLUMN} @@ {_TSQUERY}"


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
        ``PostStore.search``'s order: a query matching more than BROAD_MATCHES posts, or of
        several words one of which is in more than BROAD_MATCHES posts, lists the newest first;
        any other puts the SEARCH_CANDIDATES newest matches first, best first, then the older
        ones, best first. Best is ``ts_rank`` (PostgreSQL has no bm25), so the order among
        ranked matches may differ from SQLite's; which queries are ranked does not
        (``_broad``). [] for an empty query.
        """
        query = tsquery_text(text)
        if not query:
            return []
        if self._broad(query, tsquery_words(text)):
            sql = (f"select {_QUALIFIED_COLUMNS} from posts join ("
                   f"  select id {_MATCHES} order by id desc limit %s offset %s"
                   ") as top on posts.id = top.id order by top.id desc")
            return [_row_to_post(r) for r in self.conn.execute(sql, [query, limit, offset]).fetchall()]
        # Only a page reaching past the newest matches needs the older ones ranked at all.
        ranked = SEARCH_CANDIDATES if offset + limit <= SEARCH_CANDIDATES else None
        # The newest matches are picked by id alone and only they are ranked: ts_rank reads a
        # post's whole vector, which in the select list of the pick would be read for every match.
        sql = (f"select {_QUALIFIED_COLUMNS} from posts join ("
               "  select id, rank, row_number() over (order by id desc) > %s as older from ("
               f"    select p.id, ts_rank(p.{SEARCH_COLUMN}, {_TSQUERY}) as rank from ("
               f"      select id {_MATCHES} order by id desc limit %s"
               "    ) as newest join posts as p on p.id = newest.id"
               "  ) as matched order by older, rank desc, id desc limit %s offset %s"
               ") as top on posts.id = top.id order by top.older, top.rank desc, top.id desc")
        rows = self.conn.execute(sql, [SEARCH_CANDIDATES, query, query, ranked, limit, offset]).fetchall()
        return [_row_to_post(r) for r in rows]

    def _broad(self, query: str, shape: list[list[list[str]]]) -> bool:
        """True when ``PostStore.search`` lists ``query``'s matches newest first: more than
        BROAD_MATCHES posts match it, or it has several words and one is in more than that.

        Counting up to BROAD_MATCHES + 1 matches reads as many rows (the GIN index cannot
        count), over 100 ms for a common word, so a word's count is the planner's estimate from
        the column's statistics when that is clearly on one side (ESTIMATE_MARGIN), and
        counted only near the line or when the store has no statistics yet.
        """
        broad = sqlite_posts.BROAD_MATCHES  # read now, as PostStore reads it: one line for both
        words = sorted({word for group in shape for term in group for word in term})
        if not self._has_statistics():
            if self._count(query) > broad:
                return True
            return len(words) > 1 and any(self._count(w) > broad for w in words)
        matches = {w: self._estimate(w) for w in words}
        if any(n > broad * ESTIMATE_MARGIN for n in matches.values()):
            return True  # a single word then matches too many posts itself
        for word, n in matches.items():
            if n * ESTIMATE_MARGIN >= broad:  # near the line: count
                matches[word] = self._count(word)
                if matches[word] > broad:
                    return True
        # No word is broad; the query is when its alternatives together may match too many:
        # each group matches at most the sum of its terms, each term at most its rarest word.
        bound = min((sum(max(1.0, min(matches[w] for w in term) * ESTIMATE_MARGIN) for term in group)
                     for group in shape), default=0.0)
        return bound > broad and self._count(query) > broad

    def _has_statistics(self) -> bool:
        """True when ANALYZE has gathered the search column's word frequencies."""
        return bool(scalar(self.conn, "select exists(select 1 from pg_stats "
                                      "where schemaname = current_schema() and tablename = 'posts' "
                                      "and attname = %s and most_common_elems is not null)", [SEARCH_COLUMN]))

    def _estimate(self, word: str) -> float:
        """The planner's estimate of the posts holding ``word`` (tsquery text)."""
        plan = scalar(self.conn, f"explain (format json) select 1 {_MATCHES}", [word])
        return float(plan[0]["Plan"]["Plan Rows"])

    def _count(self, query: str) -> int:
        """Posts matching ``query`` (tsquery text), counted up to BROAD_MATCHES + 1."""
        return int(scalar(self.conn, f"select count(*) from (select 1 {_MATCHES} limit %s) as m",
                          [query, sqlite_posts.BROAD_MATCHES + 1]))
