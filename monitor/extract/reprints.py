"""Fingerprints of a post's text, for finding reprints of it in other sources.

A post's headline and body are cut into overlapping runs of ``SHINGLE_WORDS`` words (shingles),
each hashed to 32 bits with CRC-32 — stable across processes and machines, unlike Python's
``hash``, because the fingerprints are stored. Two posts are copies of one text when the shingles
of the shorter are nearly all in the longer (``overlap`` ≥ ``FOLD_THRESHOLD``): an outlet that
trims the agency copy, adds a paragraph of its own or writes its own headline still holds nearly
every shingle of the shorter text, while a different story on the same topic shares only stock
phrases and the odd quote. The threshold comes from ``bench/reprint_corpus.py``.

Comparing every pair is out of the question, so candidates come from a MinHash LSH index
(datasketch) over the posts of the time window, with a low Jaccard threshold (``LSH_THRESHOLD``)
so that trimmed and extended copies are found; each candidate is then checked exactly.

datasketch takes about 0.4 s to import, so it is imported on first use: commands that only read
never load it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
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
LSH_THRESHOLD = 0.3
#: Share of the shorter text's shingles the longer must hold for the two to be one story item
#: (measured: bench/reprint_corpus.py, see docs/performance.md).
FOLD_THRESHOLD = 0.7
#: Texts with fewer shingles than this fold only with an identical text: a short line ("More
#: to follow.") says too little to call two posts copies on a part of it.
MIN_SHINGLES = 8
#: Seed of the MinHash permutations; stored signatures depend on it, so it never changes.
SEED = 1

_WORDS = re.compile(r"\w+")


def shingles(title: str | None, body: str) -> frozenset[int]:
    """The 32-bit hashes of the text's runs of ``SHINGLE_WORDS`` words (case-folded)."""
    words = _WORDS.findall(f"{title or ''}\n{body}".casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset([zlib.crc32(" ".join(words).encode("utf-8"))]) if words else frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """How much of the shorter text the longer holds, 0–1; 0 for short texts unless equal."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 1.0 if a == b else 0.0
    return len(a & b) / min(len(a), len(b))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations


def signature(hashes: Iterable[int]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a shingle set."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_permutations(),
                      scheme="affine32")
    minhash.update_batch(list(hashes))
    return minhash.hashvalues.astype(np.uint32)


@dataclass(frozen=True)
class Fingerprint:
    """A post's shingles and their MinHash signature."""

    shingles: frozenset[int]
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
