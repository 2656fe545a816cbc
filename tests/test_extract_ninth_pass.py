"""Invented examples of the patterns met in the ninth batch of real text: "as X pointed out, …",
groups named with an adjective after a conjunction, organisations named with "on" and an
owner, a quote that goes on after a photo caption, and a person quoted by the first words of
a longer name."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_as_someone_pointed_out_the_clause_after_the_comma_is_theirs() -> None:
    text = "But, as the audit office has pointed out, the scheme would also cost “far more than planned”."
    [quote] = extract_quotes(text)
    assert quote.speaker == "audit office"
    assert text[quote.start:quote.end] == "the scheme would also cost “far more than planned”"
    assert _records("As Ana Ruiz noted, the plan failed within a year.") == [
        ("Ana Ruiz", "the plan failed within a year")]


def test_as_with_no_cue_is_no_attribution() -> None:
    assert extract_quotes("As reporters waited outside, the minister left by a side door.") == []


def test_a_group_with_its_adjective_after_a_conjunction() -> None:
    assert _records("But tribal elders say they were never consulted.") == [
        ("tribal elders", "they were never consulted")]
    assert _records("But most experts say the risk is small.") == [("experts", "the risk is small")]


def test_an_organisation_named_with_on_after_its_owners_possessive() -> None:
    text = ("A report released on Monday by Halden University's Center on Housing and Work found "
            "gaps. The report concluded that rents had doubled.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Center on Housing and Work"
    text = "As the Senate’s Select Committee on Ethics has pointed out, the rules are unclear."
    assert [q.speaker for q in extract_quotes(text)] == ["Select Committee on Ethics"]


def test_a_quote_that_goes_on_after_a_photo_caption_is_one_statement() -> None:
    text = ("“The river has changed,” says Mara Quill, a fisher from the delta.\n\n"
            "Mara Quill at her boat on the delta, where she grew up\n\n"
            "“We used to catch enough in a morning. Now we fish all day and come home with half.”")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Mara Quill"
    assert len(quote.parts) == 2


def test_a_quote_after_a_narrative_paragraph_is_not_carried_on() -> None:
    text = ("“The river has changed,” says Mara Quill.\n\n"
            "The delta lost half its fish stocks in a decade.\n\n"
            "“We used to catch enough in a morning. Now we fish all day and come home with half.”")
    assert len(extract_quotes(text)) == 2


def test_a_person_quoted_by_the_first_words_of_a_longer_name_is_named_in_full() -> None:
    text = ("His son, Te Aroha James Ruru, joined him this year.\n\n"
            "“We were never asked,” says Te Aroha.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Te Aroha James Ruru"


def test_a_leading_name_extended_in_several_compatible_ways_takes_the_fullest() -> None:
    text = ("Aroha (Te Aroha James) Ruru carves at home. His son, Te Aroha James Ruru, joined him; "
            "Te Aroha Ruru is 22.\n\n“We were never asked,” says Te Aroha.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Te Aroha James Ruru"


def test_a_leading_name_extended_in_two_different_ways_is_left_as_written() -> None:
    text = ("Ana Maria Lopez and Ana Maria Costa both spoke.\n\n“We were never asked,” says Ana Maria.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ana Maria"


def test_what_someone_did_not_say_is_no_attribution() -> None:
    for text in ("The Government does not deny that the legislation is flawed.",
                 "She never said that the plan would fail.",
                 "The minister did not publicly say that the talks had failed."):
        assert extract_quotes(text) == [], text
    assert _records("Officials said they had not seen the report.") == [
        ("Officials", "they had not seen the report")]
