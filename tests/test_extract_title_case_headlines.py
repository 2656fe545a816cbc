"""Headlines in title case: ``Mayor Says New Museum Will Tell of 'Suffering and Delight'``."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str, str, int]]:
    return [(q.speaker, q.kind, q.text, len(q.parts)) for q in extract_quotes(text, headline=True)]


@pytest.mark.parametrize(("text", "record"), [
    ("Mayor Says New Museum Will Tell of 'Suffering and Delight'",
     ("Mayor", "mixed", "New Museum Will Tell of 'Suffering and Delight'", 1)),
    ("Tom Hale Says City Will 'Stand Firm' as Strike Enters Third Week",
     ("Tom Hale", "mixed", "City Will 'Stand Firm' as Strike Enters Third Week", 1)),
    ("White House Warns That Russia Will Escalate",
     ("White House", "indirect", "Russia Will Escalate", 0)),
])
def test_a_title_case_headline_names_its_speaker_and_what_was_said(
        text: str, record: tuple[str, str, str, int]) -> None:
    # The capitalised cue was never read; the quoted words in title case looked like a work's title.
    assert _records(text) == [record]


@pytest.mark.parametrize("text", [
    "The Man Who Says Yes To Everything",
    "Trump Denies Report on Tariffs",
    "White House Warns Russia Against Escalation",
    "Says Who? A Guide to Sourcing",
])
def test_title_case_lines_that_report_no_statement(text: str) -> None:
    assert _records(text) == []


def test_a_title_case_headline_as_the_first_line_of_a_body() -> None:
    text = "Tom Hale Says Strike Will Go On\n\nUnion leader Tom Hale said on Monday that the strike " \
        "would go on."
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Tom Hale", "Strike Will Go On"), ("Tom Hale", "the strike would go on")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Says Bill Is 'Dead on Arrival'\n\nWASHINGTON — Sen. Ana Ruiz said Tuesday the bill "
     "was \"dead on arrival.\"", "Ana Ruiz"),
    ("Mayor Says New Museum Will Tell of 'Suffering and Delight'\n\nMayor Tom Hale on Monday "
     "unveiled the plans.", "Tom Hale"),
])
def test_a_headline_s_bare_title_is_the_person_the_story_names_with_it(text: str, speaker: str) -> None:
    assert extract_quotes(text)[0].speaker == speaker


def test_a_headline_s_bare_title_with_no_one_named_so_stays_the_title() -> None:
    text = "Mayor Says New Museum Will Open\n\nThe city council met on Monday."
    assert extract_quotes(text)[0].speaker == "Mayor"
