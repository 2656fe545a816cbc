"""Folding: a post that carries the same text as a post of another source joins its story item.

Within a rolling window (``WINDOW`` either side of a post's time: published, or first seen when
the source gives no time) and across sources, a new post's candidates come from a banded LSH
index over the stored signatures (``monitor.extract.lsh``), and the ``CHECKED`` most similar by
their signatures are checked exactly (``reprints.overlap``). The post
joins the item of the best candidate at or above the threshold, unless that item already holds a
post of the post's own source (a source's own posts never fold into each other: two updates of
one live blog that say the same thing stay two items); otherwise it starts an item of its own.
The earliest copy leads its item.

An edited post keeps its item: its signature is replaced, nothing else moves.

The index lives in memory and is rebuilt from the stored signatures of the window the first
time a post is folded, then grown (downwards, for an older post) and trimmed as posts arrive;
posts another process folded meanwhile are read before each batch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from monitor.extract.lsh import CandidateIndex
from monitor.extract.reprints import (
    FOLD_THRESHOLD,
    NUM_PERM,
    Fingerprint,
    fingerprints,
    overlaps,
    shingles,
    signatures_from_blobs,
)
from monitor.model import Post, parse_iso, to_iso
from monitor.store.items import ItemStore, SignatureRow

#: How far apart in time two copies of one text may be.
WINDOW = timedelta(hours=72)
#: The index is trimmed back to one window below the newest post once it spans this much.
_TRIM_SPAN = 4 * WINDOW
#: Candidates whose signatures estimate a Jaccard similarity below this are not checked exactly
#: (a reprint that keeps half the agency's text is about 0.4; posts that only share the story's
#: stock phrases about 0.05).
PREFILTER = 0.15
#: Of the candidates above ``PREFILTER``, only this many, the most similar by their signatures,
#: are checked exactly: posts on one story share stock phrases, so the index proposes dozens,
#: and a copy's original is among the first few (bench/reprint_corpus.py: the same folds as
#: checking all of them on both seeds; the 10,000-post ingest corpus: 8 misses 2 of its folds).
CHECKED = 16
#: Stored times are to the second: one second past a bound makes it inclusive.
_TICK = timedelta(seconds=1)
_MIN_SHARED = math.ceil(PREFILTER * NUM_PERM)
_WINDOW_S = int(WINDOW.total_seconds())


@dataclass
class FoldCounts:
    """What one fold did."""

    new_items: int = 0
    folded: list[int] = field(default_factory=list)
    edited: int = 0


def post_time(post: Post) -> str:
    """The time a post is placed at in the window: published, else first seen (ISO, UTC)."""
    return to_iso(parse_iso(post.published or post.first_seen)) or post.first_seen


class Folder:
    """Folds posts into story items, keeping the candidate index of the window."""

    def __init__(self, items: ItemStore, *, threshold: float = FOLD_THRESHOLD,
                 checked: int = CHECKED) -> None:
        self.items = items
        self.threshold = threshold
        self.checked = checked
        self._index: CandidateIndex | None = None
        # Shingles of indexed posts, read from their text when first needed.
        self._shingles: dict[int, np.ndarray] = {}
        # The index holds every folded post from _low up to _high (and any folded since).
        self._low: datetime | None = None
        self._high: datetime | None = None
        self._mark = 0  # the highest post id read into the index
        self._last = 0  # the last post this folder stored, to notice a rolled-back ingest

    def fold(self, posts: list[Post]) -> FoldCounts:
        """Fold new posts into items and refresh edited ones; runs in the caller's transaction."""
        counts = FoldCounts()
        if not posts:
            return counts
        already = self.items.folded([p.id for p in posts] + [self._last])
        if self._last and self._last not in already:
            self._reset()  # the ingest that stored it was rolled back: the index holds ghosts
        elif self._index is not None:
            self._read_others()
        times = [post_time(post) for post in posts]
        whens = [_when(text) for text in times]
        self._cover(min(whens))
        index = self._cover(max(whens))
        # Every post of the ingest shingled and signed in one go; then one by one, since a
        # post may fold into the item of one before it. A source's posts are never candidates
        # for each other, so when all come from one source (an ingest) they are indexed at the
        # end, in one go.
        found = fingerprints([(post.title, post.body) for post in posts])
        seconds = [int(at.timestamp()) for at in whens]
        one_source = len({post.source_id for post in posts}) == 1
        # With one source the index does not change until the end: every post's candidates in
        # one query.
        near: list[list[int] | None] = [None] * len(posts)
        if one_source:
            near = list(index.candidates_of_many(
                np.stack([fp.signature for fp in found]), post_ids=[post.id for post in posts],
                source_id=posts[0].source_id, ats=np.array(seconds), window=_WINDOW_S,
                min_shared=_MIN_SHARED, limit=self.checked))
        for post, at_text, at, fp, cands in zip(posts, times, seconds, found, near, strict=True):
            if post.id in already:
                self.items.update_signature(post.id, at=at_text, signature=fp.blob())
                counts.edited += 1
            else:
                item_id = self._best_item(post, at, fp, cands)
                self.items.add(post.id, item_id, source_id=post.source_id, at=at_text,
                               signature=fp.blob(), title=_label(post))
                if item_id is None:
                    counts.new_items += 1
                else:
                    counts.folded.append(post.id)
                already.add(post.id)  # a post added and edited in one ingest comes twice
            if not one_source:
                index.add([post.id], np.array([at]), np.array([post.source_id]), fp.signature[None, :])
            self._shingles[post.id] = fp.shingles
            self._mark = max(self._mark, post.id)
            self._last = post.id
        if one_source:
            index.add([post.id for post in posts], np.array(seconds),
                      np.full(len(posts), posts[0].source_id), np.stack([fp.signature for fp in found]))
        self._trim()
        return counts

    def _best_item(self, post: Post, at: int, fp: Fingerprint, near: list[int] | None) -> int | None:
        """The item ``post`` is a copy of, or None; ``near`` are its candidates when known."""
        assert self._index is not None
        if near is None:
            near = self._index.candidates(fp.signature, post_id=post.id, source_id=post.source_id, at=at,
                                          window=_WINDOW_S, min_shared=_MIN_SHARED, limit=self.checked)
        if not near:
            return None
        self._read_shingles([c for c in near if c not in self._shingles])
        near = [c for c in near if c in self._shingles]
        scores = overlaps(fp.shingles, [self._shingles[c] for c in near])
        # Best first; between equals, the post stored first (its item is the older one).
        scored = sorted((-float(score), c) for score, c in zip(scores, near, strict=True))
        passing = [c for score, c in scored if -score >= self.threshold]
        if not passing:
            return None
        # The stored rows decide: item ids are read, never remembered, so nothing stale is used.
        placed = self.items.placed(passing)
        held = self.items.item_sources(item for item, _ in placed.values())
        for cand in passing:
            if cand in placed and post.source_id not in held[placed[cand][0]]:
                return placed[cand][0]
        return None

    def _read_shingles(self, post_ids: list[int]) -> None:
        for post_id, (title, body) in self.items.texts(post_ids).items():
            self._shingles[post_id] = shingles(title, body)

    def _cover(self, at: datetime) -> CandidateIndex:
        """The index, holding every folded post within the window of ``at``."""
        low, high = at - WINDOW, at + WINDOW
        if self._index is None or self._low is None or self._high is None:
            self._index = CandidateIndex()
            self._add_rows(self.items.signatures(since=_iso(low), before=_iso(high + _TICK)))
            self._low, self._high = low, high
            return self._index
        if low < self._low:
            self._add_rows(self.items.signatures(since=_iso(low), before=_iso(self._low)))
            self._low = low
        if high > self._high:
            self._add_rows(self.items.signatures(since=_iso(self._high + _TICK), before=_iso(high + _TICK)))
            self._high = high
        return self._index

    def forget(self) -> None:
        """Drop the candidate index (after posts were deleted); the next fold reads it again."""
        self._reset()

    def _reset(self) -> None:
        self._index, self._low, self._high, self._mark = None, None, None, 0
        self._shingles.clear()

    def _read_others(self) -> None:
        """Posts other processes folded since the index was read."""
        assert self._low is not None and self._high is not None
        self._add_rows(self.items.signatures(since=_iso(self._low), before=_iso(self._high + _TICK),
                                             after_post=self._mark))

    def _add_rows(self, rows: list[SignatureRow]) -> None:
        """Index stored rows: their signatures converted and banded all at once."""
        assert self._index is not None
        if not rows:
            return
        self._index.add([row.post_id for row in rows],
                        np.fromiter((_when(row.at).timestamp() for row in rows), dtype=np.int64,
                                    count=len(rows)),
                        np.fromiter((row.source_id for row in rows), dtype=np.int64, count=len(rows)),
                        signatures_from_blobs([row.signature for row in rows]))
        for row in rows:
            self._shingles.pop(row.post_id, None)  # another process may have edited it
        self._mark = max(self._mark, max(row.post_id for row in rows))

    def _trim(self) -> None:
        """Forget posts more than two windows below the top of the index once it spans a lot,
        so following a story for months keeps the index at the size of a few days."""
        if self._index is None or self._low is None or self._high is None:
            return
        if self._high - self._low <= _TRIM_SPAN:
            return
        cutoff = self._high - 2 * WINDOW
        for post_id in self._index.older_than(int(cutoff.timestamp())):
            self._index.remove(post_id)
            self._shingles.pop(post_id, None)
        self._low = cutoff


def _label(post: Post) -> str:
    """An item's title: its lead's headline, or the opening words of its text."""
    return post.title or post.body[:80]


def _when(text: str) -> datetime:
    value = parse_iso(text)
    assert value is not None
    return value


def _iso(value: datetime) -> str:
    return to_iso(value) or ""
