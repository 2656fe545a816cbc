"""Fingerprints of a post's text, for finding reprints of it in other sources.

A post's headline and body are cut into overlapping runs of ``SHINGLE_WORDS`` words (shingles),
each hashed to 32 bits with CRC-32 — stable across processes and machines, unlike Python's
``hash``, because the fingerprints are stored. Two posts are copies of one text when the shingles
each text holds make up most of it, on average over the two (``overlap`` ≥ ``FOLD_THRESHOLD``): an
outlet that trims the agency copy, adds a paragraph of its own or writes its own headline still
shares most of its shingles with the agency's text, while a different story on the same topic
shares only stock phrases and the odd quoted paragraph. The threshold comes from
``bench/reprint_corpus.py``.

Comparing every pair is out of the question, so candidates come from a MinHash LSH index
(datasketch) over the posts of the time window, with a low Jaccard threshold (``LSH_THRESHOLD``)
so that trimmed and extended copies are found; each candidate is then checked exactly.

datasketch takes about 0.4 s to import, so it is imported on first use: commands that only read
never load it.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHashLSH

#: Words per shingle. Four words: long enough that stock phrases of the story ("the Kremlin
#: said") are rare, short enough that one changed word spoils only four shingles.
SHINGLE_WORDS = 4
#: Permutations of the MinHash signature (bytes stored per post: 4 × this).
NUM_PERM = 64
#: The Jaccard similarity the LSH index is tuned to find; the exact check decides.
LSH_THRESHOLD = 0.2
#: Share of the shorter text's shingles the longer must hold for the two to be one story item
#: (measured: bench/reprint_corpus.py, see docs/performance.md).
FOLD_THRESHOLD = 0.55
#: Texts with fewer shingles than this fold only with an identical text: a short line ("More
#: to follow.") says too little to call two posts copies on a part of it.
MIN_SHINGLES = 8
#: Seed of the MinHash permutations; stored signatures depend on it, so it never changes.
SEED = 1

_WORDS = re.compile(r"\w+")


def shingles(title: str | None, body: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's runs of ``SHINGLE_WORDS`` words (case-folded),
    sorted (an array: a tenth of the memory of a set, and intersected as fast).

    Each word is hashed once (CRC-32) and a run's hash is a fixed mix of its words' hashes,
    computed for all runs at once: hashing every run's text cost three times as much."""
    words = _WORDS.findall(f"{title or ''}\n{body}".casefold())
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64,
                         count=len(words))
    if len(words) < SHINGLE_WORDS:
        return np.unique(_mix(hashed[None, :]).astype(np.uint32)) if words else hashed.astype(np.uint32)
    runs = np.lib.stride_tricks.sliding_window_view(hashed, SHINGLE_WORDS)
    return np.unique(_mix(runs).astype(np.uint32))


# Odd multipliers, one per word position of a run: the mix tells "a b c d" from "b a c d".
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F], dtype=np.uint64)


def _mix(runs: np.ndarray) -> np.ndarray:
    """One 32-bit value per row of word hashes (a run shorter than a shingle pads with 0)."""
    width = runs.shape[1]
    mixed = (runs * _MIX[:width]).sum(axis=1, dtype=np.uint64)
    return (mixed ^ (mixed >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def overlap(a: np.ndarray, b: np.ndarray) -> float:
    """How much of each text the other holds, averaged, 0–1; 0 for short texts unless equal.

    A trimmed copy holds all of itself in the agency's text and most of the agency's in its own;
    a story that quotes one agency paragraph holds a part of its own and little of the
    agency's. Measured on the reprint corpus, the average of the two shares tells these apart
    better than the shorter text's share (half the false folds at the same recall) or Jaccard."""
    if not a.size or not b.size:
        return 0.0
    if min(a.size, b.size) < MIN_SHINGLES:
        return 1.0 if np.array_equal(a, b) else 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return (shared / a.size + shared / b.size) / 2


def overlaps(a: np.ndarray, others: list[np.ndarray]) -> np.ndarray:
    """``overlap(a, b)`` for every ``b`` of ``others`` in a few array operations: the exact
    check of a post's candidates, which an outlet's stock phrases make dozens."""
    if not others:
        return np.zeros(0)
    sizes = np.array([b.size for b in others])
    joined = np.concatenate(others)
    hits = np.isin(joined, a, assume_unique=False).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    shared = np.add.reduceat(hits, starts) if joined.size else np.zeros(len(others), dtype=np.int64)
    shared[sizes == 0] = 0  # reduceat gives the next element for an empty slice
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = (shared / max(a.size, 1) + shared / np.maximum(sizes, 1)) / 2
    small = (np.minimum(sizes, a.size) < MIN_SHINGLES) | (sizes == 0) | (a.size == 0)
    for i in np.flatnonzero(small):  # short texts fold only when equal
        scores[i] = overlap(a, others[i])
    return scores


@cache
def _minhash():  # noqa: ANN202  (datasketch's MinHash; imported lazily)
    """One MinHash, cleared and reused for every text: making one draws its permutations anew."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a shingle set."""
    minhash = _minhash()
    minhash.clear()
    minhash.update_batch(hashes.tolist())
    return minhash.hashvalues.astype(np.uint32)


@dataclass(frozen=True)
class Fingerprint:
    """A post's shingles and their MinHash signature."""

    shingles: np.ndarray
    signature: np.ndarray

    def blob(self) -> bytes:
        """The signature as stored (little-endian uint32s)."""
        return self.signature.astype("<u4").tobytes()


def fingerprint(title: str | None, body: str) -> Fingerprint:
    """The fingerprint of a post's headline and body."""
    found = shingles(title, body)
    return Fingerprint(found, signature(found))


def signature_from_blob(blob: bytes) -> np.ndarray:
    """A stored signature back as an array."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


class CandidateIndex:
    """MinHash LSH over stored signatures: which posts might be copies of a text.

    Holds post ids only; whether a candidate is a copy is checked against the stored text.
    """

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh: MinHashLSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)

    def __contains__(self, post_id: int) -> bool:
        return post_id in self._lsh

    def add(self, post_id: int, sig: np.ndarray) -> None:
        """Index ``post_id`` under ``sig`` (replacing what it was indexed under)."""
        if post_id in self._lsh:
            self._lsh.remove(post_id)
        self._lsh.insert(post_id, _lean(sig), check_duplication=False)

    def remove(self, post_id: int) -> None:
        """Forget ``post_id`` (when it leaves the window)."""
        if post_id in self._lsh:
            self._lsh.remove(post_id)

    def query(self, sig: np.ndarray) -> list[int]:
        """Ids of indexed posts that may share text with ``sig``'s."""
        return list(self._lsh.query(_lean(sig)))


def _lean(sig: np.ndarray):  # noqa: ANN202  (datasketch's LeanMinHash; imported lazily)
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=sig, scheme="affine32")
