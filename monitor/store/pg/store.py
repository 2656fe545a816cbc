"""A PostgreSQL store opened for reading: the read path ``monitor posts`` and ``search`` share."""

from __future__ import annotations

from types import TracebackType

from monitor.store.database import SCHEMA_VERSION
from monitor.store.errors import StoreError
from monitor.store.pg.connection import connect, redact, scalar
from monitor.store.pg.posts import PgPostReader


class PgReadStore:
    """A PostgreSQL store's readers (``posts``), as ``Monitor`` holds SQLite's; a context manager.

    Refuses (StoreError naming the DSN, password hidden) a database that holds no store or one
    at another schema version: ``monitor copy`` is how a store gets there.
    """

    def __init__(self, dsn: str) -> None:
        self.where = redact(dsn)
        self.conn = connect(dsn)
        self.conn.autocommit = True  # each read its own statement: no transaction held open
        try:
            self._check_version()
        except BaseException:
            self.conn.close()
            raise
        self.posts = PgPostReader(self.conn)

    def _check_version(self) -> None:
        present = scalar(self.conn, "select to_regclass('schema_version')")
        if present is None:
            raise StoreError(f"{self.where}: holds no Situation Monitor store; copy one there with "
                             f"monitor copy --from FILE --to URL")
        version = scalar(self.conn, "select max(version) from schema_version") or 0
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.where}: the store is at schema version {version}; this app reads "
                             f"version {SCHEMA_VERSION}")

    def items_of(self, post_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Each folded post's story item and how many OTHER sources hold a copy of it, as
        ``ItemStore.items_of`` answers on SQLite (the tables came over with ``monitor copy``)."""
        if not post_ids:
            return {}
        rows = self.conn.execute(
            "select s.post_id, s.item_id, "
            "(select count(distinct o.source_id) from story_item_posts o "
            " where o.item_id = s.item_id and o.source_id != s.source_id) "
            "from story_item_posts s where s.post_id = any(%s)", [post_ids]).fetchall()
        return {int(post_id): (int(item_id), int(also_in)) for post_id, item_id, also_in in rows}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PgReadStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
