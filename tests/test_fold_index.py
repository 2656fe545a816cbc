"""Fingerprints and the candidate index of folding: stable across processes, found and not found.

Signatures are stored and compared with those computed by later processes, so they must not
depend on anything a process draws for itself (Python's salted ``hash``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from monitor.extract.lsh import CandidateIndex
from monitor.extract.reprints import NUM_PERM, fingerprint, fingerprints, overlap, overlaps, words

ROOT = Path(__file__).resolve().parent.parent

AGENCY = (
    "Train crosses into Russia",
    "North Korean leader Kim Jong Un's armoured train crossed into Russia early on Tuesday, the "
    "Russian foreign ministry said, days after the Kremlin confirmed a visit to the Far East. "
    "The train, which travels at no more than 60 kilometres an hour, was seen passing through the "
    "border station of Khasan shortly after dawn, according to footage aired by state television. "
    "Officials in Primorsky region said security had been tightened along the line to Vladivostok, "
    "where the two leaders are expected to hold talks on the sidelines of an economic forum.",
)
# An outlet's copy: its own headline, the last sentence trimmed, "said" made "says".
REPRINT = (
    "Kim's train is in Russia",
    AGENCY[1].rsplit(" Officials", 1)[0].replace("ministry said", "ministry says"),
)
OTHER = (
    "Vladivostok prepares",
    "Residents of Vladivostok woke on Tuesday to road closures around the waterfront as police "
    "prepared for a visit the city has not seen since 2019. Shopkeepers near the railway station "
    "told reporters they had been asked to stay closed until further notice, and traffic was "
    "diverted away from the harbour bridge for most of the morning.",
)
TEXTS = [AGENCY, REPRINT, OTHER, (None, "More to follow."), (None, ""), ("Só", "Zürich — “Ça va”")]


def _in_subprocess(hash_seed: str) -> list[dict]:
    code = (
        "import json, sys\n"
        "from monitor.extract.reprints import fingerprint\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([{'shingles': f.shingles.tolist(), 'signature': f.signature.tolist()}\n"
        "                  for f in (fingerprint(t, b) for t, b in texts)]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(TEXTS), env=env,
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_fingerprints_are_the_same_in_another_process():
    here = [fingerprint(title, body) for title, body in TEXTS]
    for seed in ("1", "2"):  # two different salts of str hashing
        there = _in_subprocess(seed)
        assert [f.shingles.tolist() for f in here] == [f["shingles"] for f in there]
        assert [f.signature.tolist() for f in here] == [f["signature"] for f in there]


def test_a_batch_gives_each_text_its_own_fingerprint():
    batch = fingerprints(TEXTS)
    for (title, body), found in zip(TEXTS, batch, strict=True):
        alone = fingerprint(title, body)
        assert np.array_equal(found.shingles, alone.shingles)
        assert np.array_equal(found.signature, alone.signature)
    assert batch[4].shingles.size == 0 and (batch[4].signature == 0xFFFFFFFF).all()
    assert batch[3].shingles.size == 1  # a text shorter than a shingle is one padded run
    assert len({f.signature.tobytes() for f in batch}) == len(TEXTS)


def test_signatures_are_those_stored_before():
    """Signatures stored by earlier versions (datasketch's affine32 scheme, seed 1) stay valid."""
    datasketch = pytest.importorskip("datasketch")
    for title, body in TEXTS:
        ours = fingerprint(title, body)
        theirs = datasketch.MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, scheme="affine32")
        theirs.update_batch(ours.shingles.tolist())
        assert np.array_equal(theirs.hashvalues.astype(np.uint32), ours.signature)


def _index(*entries: tuple[int, int, int, tuple[str | None, str]]) -> CandidateIndex:
    index = CandidateIndex()
    sigs = np.stack([fingerprint(*text).signature for *_, text in entries])
    index.add([e[0] for e in entries], np.array([e[1] for e in entries]), np.array([e[2] for e in entries]),
              sigs)
    return index


def _candidates(index: CandidateIndex, text: tuple[str | None, str], *, source_id: int = 9,
                at: int = 1000, window: int = 3600) -> list[int]:
    return index.candidates(fingerprint(*text).signature, post_id=99, source_id=source_id, at=at,
                            window=window, min_shared=10, limit=8)


def test_the_index_proposes_a_reprint_s_original_and_not_a_different_story():
    assert overlap(fingerprint(*REPRINT).shingles, fingerprint(*AGENCY).shingles) >= 0.55
    index = _index((1, 1000, 1, AGENCY), (2, 1000, 2, OTHER))
    assert _candidates(index, REPRINT) == [1]
    assert _candidates(index, OTHER) == [2]


def test_the_index_keeps_to_other_sources_and_the_window():
    index = _index((1, 1000, 1, AGENCY))
    assert _candidates(index, REPRINT, source_id=1) == []  # a source's own post
    assert _candidates(index, REPRINT, at=1000 + 3601) == []  # outside the window
    assert _candidates(index, REPRINT, at=1000 - 3600) == [1]  # at its edge


def test_a_removed_or_replaced_post_is_no_longer_proposed():
    index = _index((1, 1000, 1, AGENCY), (2, 1000, 2, AGENCY))
    assert _candidates(index, REPRINT) == [1, 2]  # equals: the lower id first
    index.remove(1)
    assert 1 not in index and _candidates(index, REPRINT) == [2]
    index.add([2], np.array([1000]), np.array([2]), fingerprint(*OTHER).signature[None, :])
    assert _candidates(index, REPRINT) == [] and _candidates(index, OTHER) == [2]
    assert len(index) == 1


def test_the_exact_check_scores_each_candidate_as_a_pair_would_score():
    """Candidates with no shingles (an empty post) anywhere in the list score 0, and every other
    candidate as ``overlap`` scores it alone."""
    agency, reprint, other, short, empty = (fingerprint(*t).shingles for t in TEXTS[:5])
    for others in ([reprint, other, empty], [empty, reprint], [short, other, reprint, empty]):
        assert overlaps(agency, others).tolist() == [overlap(agency, b) for b in others]
    assert overlaps(empty, [agency, empty]).tolist() == [0.0, 0.0]


def test_candidates_of_several_posts_at_once_are_those_asked_one_by_one():
    index = _index((1, 1000, 1, AGENCY), (2, 1000, 2, OTHER), (3, 1000, 3, AGENCY), (4, 9000, 4, AGENCY))
    texts = [REPRINT, OTHER, AGENCY, TEXTS[3], TEXTS[4]]
    sigs = np.stack([fingerprint(*t).signature for t in texts])
    many = index.candidates_of_many(sigs, post_ids=[10, 11, 3, 12, 13], source_id=9,
                                    ats=np.array([1000, 1000, 1000, 1000, 1000]), window=3600,
                                    min_shared=10, limit=8)
    one = [index.candidates(sig, post_id=post_id, source_id=9, at=1000, window=3600, min_shared=10, limit=8)
           for sig, post_id in zip(sigs, [10, 11, 3, 12, 13], strict=True)]
    assert many == one
    assert many[0] == [1, 3] and many[2] == [1]  # a post is never its own candidate
    assert index.candidates_of_many(sigs[:1], post_ids=[10], source_id=9, ats=np.array([1000]), window=3600,
                                    min_shared=10, limit=1) == [[1]]


def _regex_words(text: str) -> list[bytes]:
    """Words as shingling always found them (stored signatures depend on it)."""
    return [w.encode() for w in re.findall(r"\w+", text.casefold())]


def test_words_are_those_of_the_regular_expression_for_every_text(shared_feeds):
    # ASCII texts are split by a byte table instead of the expression; the words must be the
    # same ones, or signatures stored before would stop matching new copies of the same text.
    texts = [
        "“We expect talks,” Dmitry Peskov said — at 06:40 local time… It’s ‘historic’.",
        "snake_case and CamelCase, 3.5% of 1,200 km\tand\r\nlines\x0bwith\x0cfeeds\u00a0here",
        "Straße STRASSE İstanbul ﬁnance Ⅻ ½ ２０２３ Владивосток 北京 naïve café",
        "", "   ", "—", "a", "!!!", "mixed “quotes” with é inside",
    ]
    for path in sorted(shared_feeds.iterdir()):
        data = path.read_bytes()[:200_000].decode("utf-8", errors="replace")
        texts += data.split("\n\n") + [data]
    ascii_taken = 0
    for text in texts:
        assert words(text) == _regex_words(text), text[:80]
        ascii_taken += text.isascii()
    assert ascii_taken > 10
