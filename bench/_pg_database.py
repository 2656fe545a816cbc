"""A throwaway database on a PostgreSQL server, for the team-store benches."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit


@contextmanager
def new_database(dsn: str, prefix: str = "bench") -> Iterator[str]:
    """A new, empty database on the server of ``dsn``, dropped afterwards; its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f'create database "{name}"')
    try:
        yield urlsplit(dsn)._replace(path="/" + name).geturl()
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f'drop database if exists "{name}" with (force)')
