"""Bad and hostile input: no exception escapes, offsets stay true, time stays linear."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract import extract_quotes
from monitor.model import QUOTE_KINDS, SPEAKER_KINDS

# Text built from the pieces attribution is made of, so random input reaches the rules.
PIECES = st.sampled_from([
    " ", "\n", ",", ".", ":", "?", '"', "“", "”", "‘", "’", "'", " said ", " told ", " says ",
    "according to ", "He ", "It ", "the Kremlin", "Dmitry Peskov", "Press Secretary", " that ",
    "a US official", "Sen.", "CBS", "«", "»", "—", "<p>", "&amp;", "Кремль", "北京", "😀",
    "spokesman", " added", ", who", "Mr ", "\r\n", "\t", "(", ")", ", saying ", ", adding that ",
    "according to a statement from ", "WASHINGTON (AP) — ", " of the ", "Ms ", " she ", " 62,",
    "Global Witness", "AFAD", " in ", " at least ",
    "''", "``", "‘‘", "’’", ", the mayor said, ", "according to a state database", " on Tuesday ",
    " this evening ", " no ", "she'll ", " noted ", " conceded ",
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join))


def _check(text: str) -> None:
    for q in extract_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in QUOTE_KINDS
        assert q.speaker_kind is None or q.speaker_kind in SPEAKER_KINDS
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
        assert 0.0 <= q.confidence <= 1.0
        assert q.sieve


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_random_text_never_raises_and_offsets_hold(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.booleans())
def test_headline_mode_on_random_text(text: str, headline: bool) -> None:
    for q in extract_quotes(text, headline=headline):
        assert text[q.start:q.end] == q.text


def test_bad_inputs_give_what_can_be_extracted() -> None:
    for text in ("", " ", "\n\n\n", '"', '""', "“”", "“", "”" * 50, "'" * 31,
                 "<p>“Hello,” <b>she</b> said.</p>", "Путин сказал: «Мы готовы».",
                 "習近平表示：「我們準備好了」。", "“Ça va,” a dit le ministre.",
                 "\x00\x01 said \x02", "said said said said", "According to", "according to ,"):
        _check(text)
    html = '<div class="x">“We are ready,” Mayor Ana Silva said.</div>'
    assert [q.speaker for q in extract_quotes(html)] == ["Ana Silva"]


def test_mixed_scripts_keep_code_point_offsets() -> None:
    text = "😀 北京. “Готовы 😀 to talk,” said Maria Zakharova."
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["Готовы 😀 to talk"]
    assert quotes[0].speaker == "Maria Zakharova"


def test_pathological_inputs_finish() -> None:
    # Timings are measured in bench/extract_speed.py; this only guards against a hang.
    words = ("said the official that told according to Kremlin spokesman " * 90_000)[:5_000_000]
    for text in (words, '"' * 10_000, "“" * 10_000, "”" * 10_000, "“a ” b " * 5_000,
                 "'" * 10_000, ("said, " * 2_000) + '"' * 5_000):
        began = time.perf_counter()
        extract_quotes(text)
        assert time.perf_counter() - began < 60, "extraction did not finish in reasonable time"


def test_very_long_sentence_with_quotes() -> None:
    text = "The minister said " + "the plan is good and " * 5_000 + '"it will work," she said.'
    _check(text)
