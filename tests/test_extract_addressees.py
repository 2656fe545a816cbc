"""Who a statement is made to (``told investors``, ``told his supporters``) and the clause after."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The company's chief executive, Sarah Lin, told investors the merger would close by March.",
     "Sarah Lin", "the merger would close by March"),
    ("Sarah Lin told analysts on Tuesday that sales would rise.", "Sarah Lin", "sales would rise"),
    ("Sarah Lin told shareholders on Tuesday the dividend was safe.",
     "Sarah Lin", "the dividend was safe"),
    ("Tom Hale told his supporters the count had been fair.", "Tom Hale", "the count had been fair"),
    ("Ana Ruiz told the judge she had been at home that night.",
     "Ana Ruiz", "she had been at home that night"),
    ("Ana Ruiz told their families the search would go on.",
     "Ana Ruiz", "the search would go on"),
])
def test_a_statement_told_to_an_audience_reports_the_clause_after_it(
        text: str, speaker: str, content: str) -> None:
    # The people spoken to are the object of "told", not the start of the reported clause;
    # without reading them the clause was lost.
    assert _records(text) == [(speaker, "indirect", content)]


@pytest.mark.parametrize("text", [
    "Ana Ruiz told the story of her escape.",
    "Ana Ruiz told them the truth.",
])
def test_told_with_only_a_thing_told_reports_nothing(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize(("text", "content", "kind"), [
    ('Ana Ruiz told NBC\'s "Meet the Press" on Sunday that a deal was close.', "a deal was close",
     "indirect"),
    ("Ana Ruiz told CNN’s “State of the Union” that a deal was close.", "a deal was close", "indirect"),
    ("Ana Ruiz told CNN’s “State of the Union” a deal was “close.”", "a deal was “close.”", "mixed"),
])
def test_a_programme_in_quote_marks_is_part_of_whom_the_speaker_told(
        text: str, content: str, kind: str) -> None:
    # The title's marks used to end the search for the clause, so the statement was lost.
    assert _records(text) == [("Ana Ruiz", kind, content)]


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz went on to say that the party had lost its way.", "the party had lost its way"),
    ("Ana Ruiz went on to say the party had lost its way.", "the party had lost its way"),
    ("Ana Ruiz was quick to say that she had no regrets.", "she had no regrets"),
])
def test_went_on_to_say_is_the_subject_s_statement(text: str, content: str) -> None:
    assert _records(text) == [("Ana Ruiz", "indirect", content)]


def test_the_subject_before_a_relative_clause_set_off_by_commas_tells_not_the_outlet() -> None:
    # "WKRG" after "told" is whom the owner told; it was taken for an inverted speaker.
    text = "The owner, whose name was withheld, told WKRG the dog had never bitten anyone."
    assert _records(text) == [("the owner", "indirect", "the dog had never bitten anyone")]


@pytest.mark.parametrize(("text", "mention", "content"), [
    ("A man whose home was destroyed said he would rebuild.", "A man", "he would rebuild"),
    ("Residents who live near the plant say the smell is unbearable.", "Residents",
     "the smell is unbearable"),
    ("One official who attended the meeting told Reuters the mood was tense.", "One official",
     "the mood was tense"),
])
def test_a_relative_clause_without_commas_between_the_subject_and_the_cue(
        text: str, mention: str, content: str) -> None:
    [quote] = extract_quotes(text)
    assert (quote.mention, quote.kind, quote.text) == (mention, "indirect", content)
