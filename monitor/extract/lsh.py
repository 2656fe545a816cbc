"""A banded LSH index over MinHash signatures, in memory: which posts might be copies of a text.

A signature's first ``BANDS`` × ``ROWS`` values are cut into bands; two posts become candidates
when any band is equal in both. With 28 bands of 2 values (of 64), a pair of texts at Jaccard
similarity J is proposed with probability 1 − (1 − J²)²⁸: 97 % at 0.35, where trimmed and
extended reprints sit (the parameters datasketch chooses for a threshold of 0.2).

Each band of 2 uint32 values is one uint64 (the signature viewed two values at a time), a key of
one dict per band. The index also keeps each post's signature, time and source in arrays, so
that a query's candidates are filtered (window, other source) and ranked by how many signature
values they share with the query — the estimate of their Jaccard similarity — in a few array
operations, and only the best few are checked exactly.

Nothing here is stored: the index is rebuilt from the stored signatures when a store is opened.
"""

from __future__ import annotations

import numpy as np

from monitor.extract.reprints import NUM_PERM

#: Bands of the signature and values per band (BANDS × ROWS ≤ NUM_PERM).
BANDS, ROWS = 28, 2
_GROW = 1024


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """The (n, ``BANDS``) uint64 band keys of (n, ``NUM_PERM``) uint32 signatures: each band's
    two values side by side in one 64-bit word, so equal keys are equal bands."""
    pairs = np.ascontiguousarray(sigs[:, :BANDS * ROWS], dtype=np.uint32)
    return pairs.view(np.uint64).reshape(len(sigs), BANDS)


class CandidateIndex:
    """Posts of a time window under their signatures' bands, with their times and sources.

    Holds post ids only; whether a candidate is a copy is checked against the stored text.
    """

    def __init__(self) -> None:
        # Lists, not sets: most buckets hold one post, and a one-item list costs a third of a
        # set to make and to keep; a post is taken out only when it leaves the window.
        self._tables: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]
        self._slot: dict[int, int] = {}  # post id -> row of the arrays below
        self._free: list[int] = []
        self._keys: list[list[int] | None] = []  # each row's band keys, to take it out again
        self._post = np.zeros(0, dtype=np.int64)
        self._at = np.zeros(0, dtype=np.int64)  # seconds since the epoch
        self._source = np.zeros(0, dtype=np.int64)
        self._sigs = np.zeros((0, NUM_PERM), dtype=np.uint32)

    def __contains__(self, post_id: int) -> bool:
        return post_id in self._slot

    def __len__(self) -> int:
        return len(self._slot)

    def add(self, post_ids: list[int], ats: np.ndarray, sources: np.ndarray, sigs: np.ndarray) -> None:
        """Index each post under its signature (replacing what it was indexed under); ``ats``
        are seconds since the epoch."""
        keys = band_keys(sigs).tolist()
        for n, post_id in enumerate(post_ids):
            if post_id in self._slot:
                self.remove(post_id)
            row = self._free.pop() if self._free else self._grow()
            self._slot[post_id] = row
            self._keys[row] = keys[n]
            for table, key in zip(self._tables, keys[n], strict=True):
                bucket = table.get(key)
                if bucket is None:
                    table[key] = [row]
                else:
                    bucket.append(row)
        rows = np.fromiter((self._slot[p] for p in post_ids), dtype=np.int64, count=len(post_ids))
        self._post[rows] = post_ids
        self._at[rows] = ats
        self._source[rows] = sources
        self._sigs[rows] = sigs

    def remove(self, post_id: int) -> None:
        """Forget ``post_id`` (when it leaves the window)."""
        row = self._slot.pop(post_id, None)
        if row is None:
            return
        keys = self._keys[row]
        assert keys is not None
        for table, key in zip(self._tables, keys, strict=True):
            bucket = table[key]
            bucket.remove(row)
            if not bucket:
                del table[key]
        self._keys[row] = None
        self._post[row] = -1
        self._free.append(row)

    def older_than(self, at: int) -> list[int]:
        """Ids of indexed posts placed before ``at`` (seconds since the epoch)."""
        rows = np.flatnonzero((self._at < at) & (self._post >= 0))
        return self._post[rows].tolist()

    def candidates(self, sig: np.ndarray, *, post_id: int, source_id: int, at: int, window: int,
                   min_shared: int, limit: int) -> list[int]:
        """Posts of other sources within ``window`` seconds of ``at`` that share a band with
        ``sig`` and at least ``min_shared`` of its values: at most ``limit``, the most similar
        first (between equals, the lowest post id)."""
        keys = band_keys(sig[None, :])[0].tolist()
        found: list[int] = []
        for table, key in zip(self._tables, keys, strict=True):
            bucket = table.get(key)
            if bucket:
                found += bucket
        if not found:
            return []
        rows = np.unique(np.array(found, dtype=np.int64))
        shared = (self._sigs[rows] == sig).sum(axis=1)
        keep = ((self._source[rows] != source_id) & (np.abs(self._at[rows] - at) <= window)
                & (self._post[rows] != post_id) & (shared >= min_shared))
        rows, shared = rows[keep], shared[keep]
        order = np.lexsort((self._post[rows], -shared))[:limit]
        return self._post[rows[order]].tolist()

    def candidates_of_many(self, sigs: np.ndarray, *, post_ids: list[int], source_id: int, ats: np.ndarray,
                           window: int, min_shared: int, limit: int) -> list[list[int]]:
        """``candidates`` for each of several posts of one source at once: the bucket lookups
        one by one, everything else in a few array operations over all (post, candidate) pairs.
        The same as asking for each post in turn while the index does not change."""
        queries, rows = [], []
        for n, keys in enumerate(band_keys(sigs).tolist()):
            for table, key in zip(self._tables, keys, strict=True):
                bucket = table.get(key)
                if bucket:
                    rows += bucket
                    queries += [n] * len(bucket)
        found: list[list[int]] = [[] for _ in post_ids]
        if not rows:
            return found
        width = len(self._post)
        pairs = np.unique(np.array(queries, dtype=np.int64) * width + np.array(rows, dtype=np.int64))
        query, row = pairs // width, pairs % width
        shared = (self._sigs[row] == sigs[query]).sum(axis=1)
        keep = ((self._source[row] != source_id) & (np.abs(self._at[row] - ats[query]) <= window)
                & (self._post[row] != np.asarray(post_ids, dtype=np.int64)[query]) & (shared >= min_shared))
        query, row, shared = query[keep], row[keep], shared[keep]
        order = np.lexsort((self._post[row], -shared, query))
        query, row = query[order], row[order]
        rank = np.arange(len(query)) - np.searchsorted(query, query)  # place within its post's list
        query, row = query[rank < limit], row[rank < limit]
        for n, post_id in zip(query.tolist(), self._post[row].tolist(), strict=True):
            found[n].append(post_id)
        return found

    def _grow(self) -> int:
        """A new row at the end of the arrays, doubling them when full."""
        row = len(self._keys)
        if row >= len(self._post):
            size = max(_GROW, 2 * len(self._post))
            self._post = np.resize(self._post, size)
            self._post[row:] = -1
            self._at = np.resize(self._at, size)
            self._source = np.resize(self._source, size)
            self._sigs = np.resize(self._sigs, (size, NUM_PERM))
        self._keys.append(None)
        return row
