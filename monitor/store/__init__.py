"""The SQLite store, through sqlite-utils. The only package that writes SQL."""

from monitor.store.database import (
    SCHEMA_VERSION,
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseFullError,
    NewerSchemaError,
    StoreError,
    open_database,
    write_transaction,
)
from monitor.store.posts import IngestCounts, PostStore
from monitor.store.reads import ReadStore
from monitor.store.search import fts_query
from monitor.store.sources import SourceStore

__all__ = [
    "SCHEMA_VERSION",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DatabaseFullError",
    "IngestCounts",
    "NewerSchemaError",
    "PostStore",
    "ReadStore",
    "SourceStore",
    "StoreError",
    "fts_query",
    "open_database",
    "write_transaction",
]
