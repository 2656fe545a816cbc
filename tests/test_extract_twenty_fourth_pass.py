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


# -- who a description or a pronoun means, two people in play --------------------------------------

@pytest.mark.parametrize(("post", "description"), [("the foreign minister", "the minister"),
                                                   ("a local doctor", "the doctor"),
                                                   ("a senior police officer", "the officer"),
                                                   ("the regional governor", "the governor")])
@pytest.mark.parametrize("person", ["Ana Lopes", "Ursula von der Leyen"])
def test_a_description_means_the_person_whose_appositive_gave_the_post(
        person: str, post: str, description: str) -> None:
    text = (f"Officials met on Monday.\n\nTom Hale, the company's chief executive, met {person}, "
            f"{post}, on Monday.\n\n“We will talk again next week,” {description} said.")
    assert [speaker for speaker, _, _ in _records(text)] == [person]


def test_a_description_of_an_unnamed_holder_stays_unnamed() -> None:
    text = ("Officials met on Monday.\n\nA local doctor treated the wounded.\n\n"
            "“We ran out of bandages,” the doctor said.")
    speakers = [speaker for speaker, _, _ in _records(text)]
    assert len(speakers) == 1 and speakers[0] and "doctor" in speakers[0]


@pytest.mark.parametrize("text", [
    "“The talks were useful,” said Ana Lopes.\n\nUrsula von der Leyen, the foreign minister, "
    "disagreed. “They were a waste of time,” she said.",
    "Ursula von der Leyen, the foreign minister, met Tom Hale on Monday.\n\n“We will talk again "
    "next week,” she said.",
    "Foreign Minister Ursula von der Leyen met Ana Lopes on Monday.\n\n“We will talk again next "
    "week,” the minister said.",
    "Mayor Ursula von der Leyen met Ana Lopes, a lawyer for the family, on Monday.\n\n“We will "
    "talk again next week,” the mayor said.",
])
def test_a_name_with_two_particles_is_whole_where_a_pronoun_or_title_finds_it(text: str) -> None:
    assert _records(text)[-1][0] == "Ursula von der Leyen"
