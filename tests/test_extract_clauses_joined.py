"""Two sources in one sentence: "According to X, …" followed by another speaker's clause, and
a speaker's phrase opening after "; " or "and"."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_according_to_a_source_then_another_speaker_are_two_attributions() -> None:
    text = "According to police, the man fled, and witnesses said he was armed."
    assert _records(text) == [("police", "the man fled"), ("witnesses", "he was armed")]


def test_according_to_before_a_relative_clause_with_a_cue_keeps_its_clause() -> None:
    text = "According to the ministry, 40 people died, more than the 12 the army reported."
    [(speaker, content)] = _records(text)
    assert speaker == "ministry"
    assert content.startswith("40 people died")


def test_a_source_reporting_a_speakers_words_holds_them_in_a_record_of_its_own() -> None:
    # (nested attributions: the source reports Smith's report, which is a record too)
    assert _records("According to CBS, Smith said the talks had failed.") == [
        ("CBS", "Smith said the talks had failed"), ("Smith", "the talks had failed")]


def test_a_trailing_according_to_is_not_part_of_the_reported_clause() -> None:
    assert _records("Smith said the talks had failed, according to CBS.") == [
        ("Smith", "the talks had failed")]


@pytest.mark.parametrize("join", ["; ", " and ", ", and "])
def test_a_source_phrase_opens_after_the_clause_before_it(join: str) -> None:
    text = f"Forty people died{join}officials in the region said the toll would rise."
    assert _records(text) == [("officials in the region", "the toll would rise")]
