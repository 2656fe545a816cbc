"""An office set off after a person's name is theirs; a subject set off by a participle still
opens its sentence."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


@pytest.mark.parametrize("name", [
    "Sen. Dana Whitfield, R-Ohio,",
    "Sen. Dana Whitfield (R-Ohio),",
    "Sen. Dana Whitfield,",
])
def test_an_unnamed_office_after_a_name_describes_that_person(name: str) -> None:
    text = f"{name} the ranking member of the budget committee, said the plan was bad."
    [quote] = extract_quotes(text)
    assert quote.speaker == "Dana Whitfield"


def test_she_in_the_next_sentence_is_the_person_not_the_office() -> None:
    text = ("Sen. Dana Whitfield, R-Ohio, the ranking member of the budget committee, rejected "
            "that charge. She said her party had offered amendments.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Dana Whitfield"


def test_an_office_after_a_phrase_that_only_mentions_someone_is_the_speaker() -> None:
    [quote] = extract_quotes("Asked about Hale, the ranking member of the committee said the plan was bad.")
    assert quote.speaker == "the ranking member of the committee"


def test_a_subject_set_off_by_a_participle_is_who_he_means() -> None:
    text = ('Karen Holt said President Barnes would sign it. "He is ready," Holt said.\n\n'
            "The president, speaking at a rally in Michigan later Tuesday, struck a harsher tone. "
            '"If they shut down the government, it\'s on them," he said.')
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Karen Holt", "Karen Holt", "Barnes"]


def test_a_name_after_an_office_of_a_company_is_the_speaker_not_a_place() -> None:
    # "of Acme, Julia Marsh" is no town and its state, as "of Opelika, Alabama" is
    [quote] = extract_quotes("The chief executive of Acme, Julia Marsh, said it fell well short.")
    assert quote.speaker == "Julia Marsh"
    [quote] = extract_quotes("Tom Hale, of Opelika, Alabama, said it fell well short.")
    assert quote.speaker == "Tom Hale"


def test_where_a_person_is_from_is_not_the_speaker() -> None:
    text = "Ana Berg, of the University of Otago in Dunedin, New Zealand, said it fell short."
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ana Berg"


def test_a_spokesperson_of_a_department_named_with_of() -> None:
    text = 'A Department of Health spokesperson said: "We are investing record sums in the service."'
    [quote] = extract_quotes(text)
    assert quote.speaker == "A Department of Health spokesperson"


@pytest.mark.parametrize("aside", [
    "who spoke on condition of anonymity",
    "who was not authorised to speak publicly",
    "speaking on condition of anonymity",
])
def test_a_source_set_off_by_an_aside_speaks_and_the_clause_after_the_cue_is_theirs(aside: str) -> None:
    text = f"A senior Nato official, {aside}, said the alliance was preparing for a long winter."
    [quote] = extract_quotes(text)
    assert quote.speaker == "A senior Nato official"
    assert text[quote.start:quote.end] == "the alliance was preparing for a long winter"


def test_a_person_named_after_the_cue_in_a_parenthetical_still_speaks() -> None:
    [quote] = extract_quotes("The museum, said Mayor Ana Lopes, would open in May.")
    assert quote.speaker == "Ana Lopes"


def test_a_name_set_off_after_of_a_country_is_a_person_when_the_text_uses_the_surname() -> None:
    text = ("Hours earlier the foreign minister of Estonia, Kaja Rand, called on allies to "
            '"move faster".\n\nRand, speaking in Tallinn, said Nato had been "too slow".')
    assert [q.speaker for q in extract_quotes(text)] == ["Kaja Rand", "Kaja Rand"]
