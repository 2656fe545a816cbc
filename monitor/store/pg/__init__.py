"""The PostgreSQL store (the team store): its schema, derived from SQLite's, and connections.

psycopg is imported only when a PostgreSQL store is used (it is the optional ``team`` extra).
"""

from monitor.store.pg.connection import PG_SCHEMES, connect, is_postgres, redact
from monitor.store.pg.schema import SEARCH_COLUMN, Schema, Table, create_schema, current_schema, read_schema

__all__ = [
    "PG_SCHEMES",
    "SEARCH_COLUMN",
    "Schema",
    "Table",
    "connect",
    "create_schema",
    "current_schema",
    "is_postgres",
    "read_schema",
    "redact",
]
