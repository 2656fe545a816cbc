"""A bounded least-recently-used cache of feed rows (a post and its quoted passages).

The feed model keeps the ids of every row it has loaded but the posts themselves only here: a
reader who scrolls through thousands of posts (some of them a megabyte long) holds at most
``max_rows`` posts and ``max_chars`` characters of text; a row dropped from the cache is read
again by id when a view asks for it.
"""

from __future__ import annotations

from collections import OrderedDict

from monitor.gui.data import Span
from monitor.model import Post

#: Rows kept: fifty pages of a hundred, more than any screen shows or a layout pass needs.
MAX_ROWS = 5000
#: Characters of headline and body kept in all (about 10–40 MB of Python strings).
MAX_CHARS = 10_000_000


class RowCache:
    """Posts by id with their spans, the least recently used dropped first."""

    def __init__(self, max_rows: int = MAX_ROWS, max_chars: int = MAX_CHARS) -> None:
        self.max_rows = max(1, max_rows)
        self.max_chars = max_chars
        self._rows: OrderedDict[int, tuple[Post, list[Span]]] = OrderedDict()
        self._chars = 0

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, post_id: object) -> bool:
        return post_id in self._rows

    @property
    def chars(self) -> int:
        """Characters of text held."""
        return self._chars

    def get(self, post_id: int) -> tuple[Post, list[Span]] | None:
        """The post and its spans, marked as just used; None when not held."""
        entry = self._rows.get(post_id)
        if entry is not None:
            self._rows.move_to_end(post_id)
        return entry

    def peek(self, post_id: int) -> tuple[Post, list[Span]] | None:
        """The post and its spans without marking them used."""
        return self._rows.get(post_id)

    def put(self, post: Post, spans: list[Span] | None = None) -> None:
        """Hold ``post`` (replacing an older version); keeps its spans when none are given."""
        old = self._rows.pop(post.id, None)
        if old is not None:
            self._chars -= _size(old[0])
            if spans is None:
                spans = old[1]
        self._rows[post.id] = (post, list(spans or []))
        self._chars += _size(post)
        # The newest entry always stays, however long it is: the view asked for it.
        while len(self._rows) > 1 and (len(self._rows) > self.max_rows or self._chars > self.max_chars):
            _, (dropped, _) = self._rows.popitem(last=False)
            self._chars -= _size(dropped)

    def set_spans(self, post_id: int, spans: list[Span]) -> None:
        """New quoted passages for a held post (nothing when it is not held)."""
        entry = self._rows.get(post_id)
        if entry is not None:
            self._rows[post_id] = (entry[0], list(spans))

    def clear(self) -> None:
        """Drop everything."""
        self._rows.clear()
        self._chars = 0


def _size(post: Post) -> int:
    return len(post.body) + len(post.title or "")
