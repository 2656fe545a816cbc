"""Full-text matching in either engine's spelling: one place the store classes ask for it.

SQLite matches through an FTS5 index (``posts_fts``, ``quotes_fts``, keyed by ``rowid``) and an
FTS5 expression (``search.fts_query``); the PostgreSQL team store through the ``tsvector``
column on the table itself (``pg.schema.SEARCH_COLUMN``, GIN-indexed) and a ``tsquery``
(``search.tsquery_text``). Both read the same query language, so a store class writes its query
once with ``TextMatch.ids`` and passes ``TextMatch.query(text)`` as its parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from monitor.store.search import fts_query, query_terms, tsquery_text


def is_team_store(db: Any) -> bool:
    """Whether ``db`` is the PostgreSQL team store (``PgDatabase``) rather than a sqlite-utils one."""
    return getattr(db, "dialect", "sqlite") == "postgresql"


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
        if not query_terms('"' + text.replace('"', " ") + '"'):
            return ""
        return self.query('"' + text.replace('"', " ") + '"')

    def ids(self) -> str:
        """A ``select`` of the ids of the rows matching one parameter (a ``query``)."""
        if self.postgres:
            from monitor.store.pg.schema import SEARCH_COLUMN, SEARCH_CONFIG

            return (f"select id from {self.table} "
                    f"where {SEARCH_COLUMN} @@ to_tsquery('{SEARCH_CONFIG}', ?)")
        return f"select rowid from {self.table}_fts where {self.table}_fts match ?"
