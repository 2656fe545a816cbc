"""Folding: a post that carries the same text as a post of another source joins its story item.

Within a rolling window (``WINDOW`` either side of a post's time: published, or first seen when
the source gives no time) and across sources, a new post's candidates come from a MinHash LSH
index over the stored signatures, and each is checked exactly (``reprints.overlap``). The post
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

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from monitor.extract.reprints import (
    FOLD_THRESHOLD,
    CandidateIndex,
    Fingerprint,
    fingerprint,
    overlaps,
    shingles,
    signature_from_blob,
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
#: Stored times are to the second: one second past a bound makes it inclusive.
_TICK = timedelta(seconds=1)


@dataclass
class FoldCounts:
    """What one fold did."""

    new_items: int = 0
    folded: list[int] = field(default_factory=list)
    edited: int = 0


@dataclass
class _Entry:
    """What the index knows of a folded post; its shingles are read when first needed."""

    at: datetime
    source_id: int
    signature: np.ndarray
    shingles: np.ndarray | None = None


def post_time(post: Post) -> str:
    """The time a post is placed at in the window: published, else first seen (ISO, UTC)."""
    return to_iso(parse_iso(post.published or post.first_seen)) or post.first_seen


class Folder:
    """Folds posts into story items, keeping the candidate index of the window."""

    def __init__(self, items: ItemStore, *, threshold: float = FOLD_THRESHOLD) -> None:
        self.items = items
        self.threshold = threshold
        self._index: CandidateIndex | None = None
        self._entries: dict[int, _Entry] = {}
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
        for post in posts:
            at_text = post_time(post)
            at = _when(at_text)
            fp = fingerprint(post.title, post.body)
            index = self._cover(at)
            if post.id in already:
                self.items.update_signature(post.id, at=at_text, signature=fp.blob())
                counts.edited += 1
            else:
                item_id = self._best_item(post, at, fp)
                self.items.add(post.id, item_id, source_id=post.source_id, at=at_text,
                               signature=fp.blob(), title=_label(post))
                if item_id is None:
                    counts.new_items += 1
                else:
                    counts.folded.append(post.id)
                already.add(post.id)  # a post added and edited in one ingest comes twice
            index.add(post.id, fp.signature)
            self._entries[post.id] = _Entry(at, post.source_id, fp.signature, fp.shingles)
            self._mark = max(self._mark, post.id)
            self._last = post.id
        self._trim()
        return counts

    def _best_item(self, post: Post, at: datetime, fp: Fingerprint) -> int | None:
        """The item ``post`` is a copy of, or None."""
        assert self._index is not None
        near = [c for c in self._index.query(fp.signature) if self._near(c, post, at)]
        if not near:
            return None
        # Posts on the same story share stock phrases, so the index proposes dozens; the
        # signatures' estimate of the Jaccard similarity (all candidates in one array operation)
        # leaves the few worth an exact check.
        estimate = (np.stack([self._entries[c].signature for c in near]) == fp.signature).mean(axis=1)
        near = [c for c, e in zip(near, estimate, strict=True) if e >= PREFILTER]
        self._read_shingles([c for c in near if self._entries[c].shingles is None])
        near = [c for c in near if self._entries[c].shingles is not None]
        scores = overlaps(fp.shingles, [self._entries[c].shingles for c in near])
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

    def _near(self, cand: int, post: Post, at: datetime) -> bool:
        entry = self._entries.get(cand)
        return (entry is not None and cand != post.id and entry.source_id != post.source_id
                and abs(entry.at - at) <= WINDOW)

    def _read_shingles(self, post_ids: list[int]) -> None:
        for post_id, (title, body) in self.items.texts(post_ids).items():
            self._entries[post_id].shingles = shingles(title, body)

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

    def _reset(self) -> None:
        self._index, self._low, self._high, self._mark = None, None, None, 0
        self._entries.clear()

    def _read_others(self) -> None:
        """Posts other processes folded since the index was read."""
        assert self._low is not None and self._high is not None
        self._add_rows(self.items.signatures(since=_iso(self._low), before=_iso(self._high + _TICK),
                                             after_post=self._mark))

    def _add_rows(self, rows: list[SignatureRow]) -> None:
        assert self._index is not None
        for row in rows:
            sig = signature_from_blob(row.signature)
            self._index.add(row.post_id, sig)
            self._entries[row.post_id] = _Entry(_when(row.at), row.source_id, sig)
            self._mark = max(self._mark, row.post_id)

    def _trim(self) -> None:
        """Forget posts more than two windows below the top of the index once it spans a lot,
        so following a story for months keeps the index at the size of a few days."""
        if self._index is None or self._low is None or self._high is None:
            return
        if self._high - self._low <= _TRIM_SPAN:
            return
        cutoff = self._high - 2 * WINDOW
        for post_id in [p for p, e in self._entries.items() if e.at < cutoff]:
            self._index.remove(post_id)
            del self._entries[post_id]
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
