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

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PgReadStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
