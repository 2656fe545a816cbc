"""Fingerprints of a post's text, for finding reprints of it in other sources.

A post's headline and body are cut into overlapping runs of ``SHINGLE_WORDS`` words (shingles),
each hashed to 32 bits from the CRC-32 of its words — stable across processes and machines,
unlike Python's ``hash``, because the fingerprints are stored. Two posts are copies of one text
when the shingles each text holds make up most of it, on average over the two (``overlap`` ≥
``FOLD_THRESHOLD``): an outlet that trims the agency copy, adds a paragraph of its own or writes
its own headline still shares most of its shingles with the agency's text, while a different
story on the same topic shares only stock phrases and the odd quoted paragraph. The threshold
comes from ``bench/reprint_corpus.py``.

Comparing every pair is out of the question, so candidates come from a banded LSH index over
MinHash signatures (``monitor.extract.lsh``); each candidate is then checked exactly. The
signature of every post of an ingest is computed at once, in a few numpy operations over a
(shingles × permutations) array: the MurmurHash3 finaliser spreads each shingle hash, then
``NUM_PERM`` affine permutations ``a·h + b mod 2³²`` (odd ``a``, drawn from numpy's seeded
``RandomState``) and the minimum of each. This is the ``affine32`` scheme of datasketch 2, bit for
bit, so signatures stored before stay valid.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

#: Words per shingle. Four words: long enough that stock phrases of the story ("the Kremlin
#: said") are rare, short enough that one changed word spoils only four shingles.
SHINGLE_WORDS = 4
#: Permutations of the MinHash signature (bytes stored per post: 4 × this).
NUM_PERM = 64
#: Share of the shorter text's shingles the longer must hold for the two to be one story item
#: (measured: bench/reprint_corpus.py, see docs/performance.md).
FOLD_THRESHOLD = 0.55
#: Texts with fewer shingles than this fold only with an identical text: a short line ("More
#: to follow.") says too little to call two posts copies on a part of it.
MIN_SHINGLES = 8
#: Seed of the MinHash permutations; stored signatures depend on it, so it never changes.
SEED = 1

_WORDS = re.compile(r"\w+")
_EMPTY = np.zeros(0, dtype=np.uint32)
# The words of an ASCII text without the regular expression: every byte that is not a word
# character of ``\w`` (ASCII letters, digits, underscore) becomes a space.
_ASCII_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_NOT_WORD_TO_SPACE = bytes(b if b in _ASCII_WORD else 0x20 for b in range(256))
# Characters of news text outside ASCII that are never word characters (curly quotes, dashes,
# no-break space, ellipsis): made spaces first, so that most posts take the ASCII way.
_SEPARATORS = ("\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2013", "\u00a0", "\u2026")


def words(text: str) -> list[bytes]:
    r"""The case-folded runs of word characters (``\w+``) of ``text``, UTF-8 encoded.

    An ASCII text (once the separators above are spaces) is split by a byte table: there ``\w``
    is exactly ASCII letters, digits and underscore, and case folding is lower-casing, so the
    words are those of the regular expression, three times faster (finding words was about a
    third of what shingling a post cost).
    Any other text goes through the expression."""
    for separator in _SEPARATORS:
        if separator in text:
            text = text.replace(separator, " ")
    if text.isascii():
        return text.encode().translate(_NOT_WORD_TO_SPACE).lower().split()
    return [word.encode() for word in _WORDS.findall(text.casefold())]


def shingles(title: str | None, body: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's runs of ``SHINGLE_WORDS`` words (case-folded),
    sorted (an array: a tenth of the memory of a set, and intersected as fast)."""
    return shingle_sets([(title, body)])[0]


def shingle_sets(texts: Sequence[tuple[str | None, str]]) -> list[np.ndarray]:
    """``shingles`` of each (headline, body), computed for all texts at once.

    Each word is hashed once (CRC-32) and a run's hash is a fixed mix of its words' hashes; the
    runs of every text are mixed in one array operation (runs that straddle two texts are
    dropped) and made distinct per text by one sort of (text, hash) pairs."""
    found_words = [words(f"{title or ''}\n{body}") for title, body in texts]
    counts = np.fromiter(map(len, found_words), dtype=np.int64, count=len(found_words))
    total = int(counts.sum())
    hashed = np.fromiter(map(zlib.crc32, chain.from_iterable(found_words)), dtype=np.uint64, count=total)
    ends = np.cumsum(counts)
    owner = np.repeat(np.arange(len(texts), dtype=np.uint64), counts)
    found: list[np.ndarray] = [_EMPTY] * len(texts)
    if total >= SHINGLE_WORDS:
        last = total - SHINGLE_WORDS + 1  # runs starting at 0 .. last - 1
        runs = [hashed[k:k + last] for k in range(SHINGLE_WORDS)]
        whole = np.arange(SHINGLE_WORDS, total + 1) <= ends[owner[:last].astype(np.int64)]
        mixed = _mix_columns([run[whole] for run in runs])
        keyed = np.unique((owner[:last][whole] << np.uint64(32)) | mixed)
        text_of = keyed >> np.uint64(32)
        bounds = np.searchsorted(text_of, np.arange(len(texts) + 1, dtype=np.uint64))
        values = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        for i in np.flatnonzero(counts >= SHINGLE_WORDS):
            found[i] = values[bounds[i]:bounds[i + 1]]
    for i in np.flatnonzero((counts > 0) & (counts < SHINGLE_WORDS)):  # a short text: one padded run
        own = hashed[ends[i] - counts[i]:ends[i]]
        found[i] = _mix_columns([own[k:k + 1] for k in range(len(own))]).astype(np.uint32)
    return found


# Odd multipliers, one per word position of a run: the mix tells "a b c d" from "b a c d".
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F], dtype=np.uint64)


def _mix_columns(columns: list[np.ndarray]) -> np.ndarray:
    """One 32-bit value per run, from its words' hashes given column by column (the k-th word
    of every run in ``columns[k]``; a run shorter than a shingle pads with 0)."""
    mixed = columns[0] * _MIX[0]
    for k in range(1, len(columns)):
        mixed += columns[k] * _MIX[k]
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
    check of a post's candidates."""
    if not others:
        return np.zeros(0)
    sizes = np.array([b.size for b in others])
    joined = np.concatenate(others)
    # ``a`` is sorted: a binary search per value beats ``np.isin``'s sort of both.
    at = np.minimum(np.searchsorted(a, joined), max(a.size - 1, 0))
    hits = (a[at] == joined) if a.size else np.zeros(joined.size, dtype=bool)
    # Shared counts per candidate as differences of a running total (an empty set counts 0).
    total = np.concatenate(([0], np.cumsum(hits)))
    ends = np.cumsum(sizes)
    shared = total[ends] - total[ends - sizes]
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = (shared / max(a.size, 1) + shared / np.maximum(sizes, 1)) / 2
    small = (np.minimum(sizes, a.size) < MIN_SHINGLES) | (sizes == 0) | (a.size == 0)
    for i in np.flatnonzero(small):  # short texts fold only when equal
        scores[i] = overlap(a, others[i])
    return scores


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` affine permutations (a odd), drawn as datasketch's affine32 draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


_A, _B = _permutations()
_EMPTY_SIGNATURE = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
#: Shingles hashed per array operation: bounds the (shingles × permutations) array to 16 MB.
_SIGNATURE_CHUNK = 65536


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, a bijection on 32 bits: spreads shingle hashes before the
    affine permutations, which on their own would keep the hashes' structure."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """The MinHash signature of each shingle set: an (n, ``NUM_PERM``) uint32 array (all
    0xFFFFFFFF for an empty set), computed for all sets at once."""
    out = np.tile(_EMPTY_SIGNATURE, (len(sets), 1))
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    start = 0
    while start < len(sets):  # chunks of whole sets, so that the array stays small
        stop, held = start, 0
        while stop < len(sets) and (stop == start or held + sizes[stop] <= _SIGNATURE_CHUNK):
            held += int(sizes[stop])
            stop += 1
        filled = [i for i in range(start, stop) if sizes[i]]
        if filled:
            joined = _fmix32(np.concatenate([sets[i] for i in filled]).astype(np.uint32))
            with np.errstate(over="ignore"):  # the permutations wrap modulo 2³² on purpose
                permuted = joined[:, None] * _A + _B
            offsets = np.concatenate(([0], np.cumsum(sizes[filled])[:-1]))
            out[filled] = np.minimum.reduceat(permuted, offsets, axis=0)
        start = stop
    return out


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a shingle set."""
    return signatures([hashes])[0]


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
    return fingerprints([(title, body)])[0]


def fingerprints(texts: Sequence[tuple[str | None, str]]) -> list[Fingerprint]:
    """The fingerprint of each (headline, body), shingled and signed all at once."""
    sets = shingle_sets(texts)
    sigs = signatures(sets)
    return [Fingerprint(found, sig) for found, sig in zip(sets, sigs, strict=True)]


def signature_from_blob(blob: bytes) -> np.ndarray:
    """A stored signature back as an array."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def signatures_from_blobs(blobs: Sequence[bytes]) -> np.ndarray:
    """Stored signatures back as an (n, ``NUM_PERM``) array, in one conversion."""
    if not blobs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(blobs), dtype="<u4").astype(np.uint32).reshape(len(blobs), NUM_PERM)
