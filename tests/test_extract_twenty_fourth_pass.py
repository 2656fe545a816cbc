"""Who speaks, where names hold a capitalised preposition ("Doctors Without Borders", the blog
"Without Evasion"), and the Global Voices constructions of the twenty-fourth pass."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_kind, text[q.start:q.end]) for q in extract_quotes(text)]


# -- names with a capitalised preposition ---------------------------------------------------------

@pytest.mark.parametrize("body", ["Doctors Without Borders", "Reporters Without Borders",
                                  "Engineers Without Borders", "Mothers Against Drunk Driving"])
@pytest.mark.parametrize("frame", ["{B} said the clinic was hit.",
                                   "“We are out of supplies,” {B} said on Monday.",
                                   "In a statement, {B} said the clinic was hit.",
                                   "The clinic was hit, {B} said in a statement."])
def test_a_body_named_with_a_capitalised_preposition_is_the_whole_name(body: str, frame: str) -> None:
    records = _records(frame.format(B=body))
    assert len(records) == 1
    speaker, kind, _ = records[0]
    assert speaker == body
    assert kind == "organisation"


def test_the_group_after_such_a_body_is_the_body() -> None:
    text = "Doctors Without Borders said the hospital was hit. “It was a massacre,” the group said."
    assert [speaker for speaker, _, _ in _records(text)] == ["Doctors Without Borders"] * 2


def test_a_blog_whose_name_opens_on_a_preposition_speaks_by_its_name() -> None:
    text = ('Without Evasion notes that "the official press has been announcing the parade this '
            'May 1st with a newly added component":')
    records = _records(text)
    assert len(records) == 1
    assert records[0][0] == "Without Evasion"


@pytest.mark.parametrize("text", ["Without Peskov, the Kremlin said, nothing would happen.",
                                  "Against Smith, the board said it would vote no.",
                                  "Without question, the minister said the plan would work."])
def test_a_sentence_opening_on_such_a_preposition_names_no_one_by_it(text: str) -> None:
    speakers = [speaker for speaker, _, _ in _records(text)]
    assert speakers and not any(s and s.split()[0] in ("Without", "Against") for s in speakers)
