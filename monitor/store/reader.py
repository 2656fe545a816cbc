"""The read path shared by both engines: what ``monitor posts`` and ``monitor search`` need.

SQLite's ``PostStore`` (held by ``Monitor``) and PostgreSQL's ``PgPostReader`` (held by
``PgReadStore``) both provide it, so a caller reads posts without knowing which engine holds them.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol

from monitor.model import Post, Source


class PostReader(Protocol):
    """Reading sources and posts."""

    def sources(self) -> list[Source]:
        """All sources, oldest first."""
        ...

    def count(self) -> int:
        """Number of posts."""
        ...

    def posts(self, *, limit: int | None = None, offset: int = 0,
              source_id: int | None = None) -> list[Post]:
        """Posts newest first."""
        ...

    def post(self, post_id: int) -> Post | None:
        """One post by id, with its revision count."""
        ...

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[Post]:
        """Posts matching what a person typed (``monitor.store.search``), best first."""
        ...


class ReadStore(Protocol):
    """An open store that can be read (and closed, as a context manager)."""

    @property
    def posts(self) -> PostReader:
        """The store's posts."""
        ...

    def items_of(self, post_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Each folded post's story item and how many other sources hold a copy of it."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Any: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None, /) -> None: ...
