"""Full-text matching in either engine's spelling: one place the store classes ask for it.

SQLite matches through an FTS5 index (``posts_fts``, ``quotes_fts``, keyed by ``rowid``) and an
FTS5 expression (``search.fts_query``); the PostgreSQL team store through the ``tsvector``
column on the table itself (``pg.schema.SEARCH_COLUMN``, GIN-indexed) and a ``tsquery``
(``search.tsquery_text``). Both read the same query language, so a store class writes its query
once from the pieces here and passes ``TextMatch.query(text)`` as its parameter:

==================  ======================================  ==========================================
piece               SQLite (FTS5)                           PostgreSQL
==================  ======================================  ==========================================
``source``          ``posts_fts``                           ``posts``
``key``             ``rowid``                               ``id``
``condition()``     ``posts_fts match ?``                   ``posts.search_vector @@ to_tsquery(…, ?)``
``matches("p")``    ``p.id in (select rowid from posts_fts  ``p.search_vector @@ to_tsquery(…, ?)``
                    where posts_fts match ?)``
``rows()``          ``from posts_fts join posts on …``      ``from posts, to_tsquery(…, ?) as q``
                    ``where posts_fts match ?``             ``where posts.search_vector @@ q``
``best_first()``    ``posts_fts.rank`` (bm25)               ``ts_rank(posts.search_vector, q) desc``
==================  ======================================  ==========================================

Every piece takes the match parameter once, in the place the SQLite spelling does, so the
parameters of a query are the same list on both engines. The SQLite spellings are those the
store's queries always had, so its plans are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from monitor.store.search import fts_query, tsquery_text


def is_team_store(db: Any) -> bool:
    """Whether ``db`` is the PostgreSQL team store (``PgDatabase``) rather than a sqlite-utils one."""
    return getattr(db, "dialect", "sqlite") == "postgresql"


def _search_spelling() -> tuple[str, str]:
    # Imported when first used: psycopg and the PostgreSQL schema stay unloaded on SQLite.
    from monitor.store.pg.schema import SEARCH_COLUMN, SEARCH_CONFIG

    return SEARCH_COLUMN, SEARCH_CONFIG


@dataclass(frozen=True)
class TextMatch:
    """How ``db`` matches the full text of ``table`` (a table of ``fts.FTS_INDEXES``)."""

    postgres: bool
    table: str

    @classmethod
    def of(cls, db: Any, table: str = "posts") -> TextMatch:
        return cls(is_team_store(db), table)

    def query(self, text: str) -> str:
        """What a person typed as this engine's match parameter; "" when nothing is searchable."""
        return tsquery_text(text) if self.postgres else fts_query(text)

    def phrase(self, text: str) -> str:
        """``text`` as one phrase to match; "" when it holds no word."""
        return self.query('"' + text.replace('"', " ") + '"')  # "" when no word is left

    @property
    def source(self) -> str:
        """The table a match is read from: the FTS5 index, or the table itself."""
        return self.table if self.postgres else f"{self.table}_fts"

    @property
    def key(self) -> str:
        """The column of ``source`` holding the matched row's id."""
        return "id" if self.postgres else "rowid"

    def condition(self, alias: str | None = None) -> str:
        """The condition (one parameter: a ``query``) that a row of ``source`` (named ``alias``
        in the query, when it is) matches."""
        if not self.postgres:
            # FTS5 names its match column after the table, whatever the table is called here.
            return f"{self.table}_fts match ?"
        column, config = _search_spelling()
        return f"{alias or self.table}.{column} @@ to_tsquery('{config}', ?)"

    def ids(self) -> str:
        """A ``select`` of the ids of the rows matching one parameter (a ``query``)."""
        return f"select {self.key} from {self.source} where {self.condition()}"

    def matches(self, alias: str) -> str:
        """A condition (one parameter: a ``query``) that the row ``alias`` of ``table``, in a
        query over the table itself, matches: its id among the index's matches on SQLite, its
        own vector on PostgreSQL (so the planner may check a few rows rather than gather every
        match)."""
        return self.condition(alias) if self.postgres else f"{alias}.id in ({self.ids()})"

    def row_matches(self, rows: str = "= ?") -> str:
        """A ``select 1`` that finds a row when the rows whose id is ``rows`` (``= ?``, or ``in
        (…)``) hold a match; its parameters: the ``query``, then those of ``rows``."""
        return f"select 1 from {self.source} where {self.condition()} and {self.key} {rows}"

    def rows(self) -> str:
        """``from … where …`` giving the rows of ``table`` (by its own name) that match one
        parameter (a ``query``); a caller adds ``and …`` conditions and may order by
        ``best_first()``."""
        if not self.postgres:
            return (f"from {self.source} join {self.table} on {self.table}.id = {self.source}.rowid "
                    f"where {self.condition()}")
        column, config = _search_spelling()
        return f"from {self.table}, to_tsquery('{config}', ?) as q where {self.table}.{column} @@ q"

    def best_first(self) -> str:
        """An ORDER BY term over ``rows()``, best match first: bm25 on SQLite, ``ts_rank`` on
        PostgreSQL (which has no bm25: the rows found are the same, the order among about
        equally good ones may differ)."""
        if not self.postgres:
            return f"{self.source}.rank"
        column, _ = _search_spelling()
        return f"ts_rank({self.table}.{column}, q) desc"
