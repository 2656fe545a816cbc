"""Invented examples of passive naming cues with their agent ("was called “reckless” by …"),
"according to X" inside a statement that goes on after it, organisations named after their
kind ("the advocacy group Common Cause") and described in lower case ("the state conservation
department"), and such a description pointing back to the organisation's full name."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, text[q.start:q.end]) for q in extract_quotes(text)]


def test_a_passive_naming_cue_with_its_agent_is_the_agents_mixed_statement() -> None:
    assert _records("The plan was called “reckless” by Gov. Tom Reeve on Monday.") == [
        ("Tom Reeve", "mixed", "The plan was called “reckless”")]
    text = "The closure has been described as “heartbreaking” by the state conservation department."
    assert _records(text) == [
        ("state conservation department", "mixed", "The closure has been described as “heartbreaking”")]


def test_a_passive_naming_cue_without_an_agent_names_no_speaker() -> None:
    records = _records("The plan was called “reckless” in the debate.")
    assert all(speaker is None for speaker, _, _ in records)
    records = _records("The closure was described as “heartbreaking” by many in the town.")
    assert all(speaker is None for speaker, _, _ in records)


def test_according_to_inside_a_statement_that_goes_on() -> None:
    text = ("November marked the start of the season, and it began with a surge, according to rescue "
            "group Harbour Watch, with 40 boats damaged on the north coast.")
    assert _records(text) == [("Harbour Watch", "indirect", text[:-1])]


def test_according_to_before_a_clause_of_its_own_is_still_the_clause_before() -> None:
    text = "The talks, according to officials, will resume on Friday."
    [(speaker, kind, content)] = _records(text)
    assert speaker == "officials" and kind == "indirect" and content.startswith("The talks")


def test_an_organisation_named_after_its_kind_is_the_name() -> None:
    assert _records("The advocacy group Common Cause said the maps were drawn unfairly.") == [
        ("Common Cause", "indirect", "the maps were drawn unfairly")]
    text = "The maps were drawn unfairly, according to the watchdog group Public Citizen."
    assert _records(text) == [("Public Citizen", "indirect", "The maps were drawn unfairly")]
    text = "Whale rescue group Project Jonah said 40 whales had stranded."
    assert [speaker for speaker, _, _ in _records(text)] == ["Project Jonah"]


def test_a_lower_case_organisation_keeps_its_description_after_according_to() -> None:
    text = "According to the county health department, the water is safe to drink."
    assert _records(text) == [("county health department", "indirect", "the water is safe to drink")]
    text = "The water is safe to drink, according to the local fire department on Monday."
    assert [speaker for speaker, _, _ in _records(text)] == ["local fire department"]


def test_a_described_department_is_the_department_named_before() -> None:
    text = ("The whales stranded overnight, according to the New Zealand Department of Conservation. "
            "Volunteers kept them wet until dawn.\n\n"
            "The strandings have been described as “heartbreaking” by the conservation department.")
    speakers = [speaker for speaker, _, _ in _records(text)]
    assert speakers == ["New Zealand Department of Conservation"] * 2


def test_the_department_is_the_one_named_with_of_before() -> None:
    text = ("Officials at the Department of Health met on Monday. The department said the clinics "
            "would stay open.")
    assert [speaker for speaker, _, _ in _records(text)] == ["Department of Health"]
    text = ("The Department of Health and Human Services met. The department said the clinics "
            "would stay open.")
    assert [speaker for speaker, _, _ in _records(text)] == ["Department of Health and Human Services"]
