"""The extractor's faster ways of reading a long text give what the plain ways gave.

Each test compares a fast path with the straightforward reading it replaced, on many generated
texts, and checks the end result on a text where the fast path decides the answer.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.extract.quotes import DEFAULT_BUDGET, Budget, _budget_cut, _word_and_pair_counts
from monitor.extract.speakers import _introduced_name, _introduced_names

ROOT = Path(__file__).resolve().parent.parent


def _plain_word_and_pair_counts(text: str) -> tuple[Counter, Counter]:
    """The loop over free-standing words that _word_and_pair_counts replaced."""
    words: Counter = Counter()
    pairs: Counter = Counter()
    prev = None
    for match in re.finditer(r"(?<![\w.-])\w+", text):
        words[match.group()] += 1
        if prev is not None and text[prev.end():match.start()].isspace():
            pairs[(prev.group(), match.group())] += 1
        prev = match
    return words, pairs


def test_word_and_pair_counts_match_the_plain_loop() -> None:
    rng = random.Random(7)
    alphabet = ["Kaja", "Rand", "a", "9", " ", " ", "  ", ".", "-", "\n", "\u00a0", "\u2003", "’", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        words, pairs = _word_and_pair_counts(text)
        plain_words, plain_pairs = _plain_word_and_pair_counts(text)
        assert words == plain_words, text
        for (first, second), count in plain_pairs.items():
            assert pairs[(first, second)] == count, text
        # (a word with no word after it is counted under "", which no lookup asks for)
        assert {k: v for k, v in pairs.items() if k[1]} == dict(plain_pairs), text


def test_introduced_names_match_a_pattern_for_each_word() -> None:
    rng = random.Random(11)
    words = ["Liu", "Longzhu", "Sean", "a", "the", "who", "O’Neil", "al-Sudani", "Li", "LIU", "x"]
    joins = [" ", " ", ", a ", ", the ", ", who ", ", an ", "  ", ",a ", ". "]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 8)))
        word = rng.choice(words + ["J.D."])
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [(m.start(1), m.end(1)) for m in _introduced_name(word).finditer(text, start, end)]
        assert [(m.start(1), m.end(1)) for m in _introduced_names(word, text, start, end)] == expected
        found += len(expected)
    assert found > 100  # (the texts are shaped so that many names are introduced)


def test_a_surname_used_alone_is_still_told_from_a_place() -> None:
    text = ("Kaja Rand, a lawyer, spoke first. Rand said the vote was late. "
            "New Zealand officials said it was not.\n\n“It is late,” Kaja Rand said.")
    speakers = {q.speaker for q in extract_quotes(text)}
    assert "Kaja Rand" in speakers and "Rand" not in speakers


def test_budget_of_candidates_still_cuts_where_the_cap_is_reached() -> None:
    text = "The minister said it was late.\n" * 400
    cut = _budget_cut(text, Budget(None, 100))
    assert cut is not None
    # the 100th candidate (one cue a line) is on the 100th line: the cut is at the paragraph
    # break before it
    assert text[:cut[0]].count("\n") == 99
    assert _budget_cut(text, DEFAULT_BUDGET) is None


def test_extract_command_bench_reports_its_figures(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_speed.py"), "--command", "5"],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    assert '"chars": 5000' in out.stdout
    assert "big_file_chars_per_second_best" in out.stdout
