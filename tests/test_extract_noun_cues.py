"""A statement named before a colon ("issued a statement: “…”") is a cue: its subject speaks."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _one(text: str):
    [quote] = extract_quotes(text)
    return quote


def test_an_issued_statement_is_its_issuers_words_not_a_speaker_called_the_whole_phrase() -> None:
    quote = _one('The company issued a statement: "We are cooperating fully with investigators."')
    assert (quote.speaker, quote.cue, quote.kind) == ("company", "issued a statement", "direct")


def test_an_announcement_with_words_between_it_and_its_colon() -> None:
    text = 'Senator Maria Lopez made a surprising announcement on Friday: "I will not seek another term."'
    quote = _one(text)
    assert quote.speaker == "Maria Lopez"
    assert quote.cue == "made a surprising announcement"
    assert text[quote.start:quote.end] == "I will not seek another term."


def test_a_statement_ending_its_paragraph_introduces_the_next_one() -> None:
    text = ("The ministry released a brief statement on Tuesday evening:\n\n"
            "\"The minister is recovering well and will return to work next week.\"")
    quote = _one(text)
    assert (quote.speaker, quote.cue) == ("ministry", "released a brief statement")
    assert text[quote.start:quote.end].startswith("The minister is recovering")


def test_a_statement_with_no_colon_or_no_quotation_is_no_attribution() -> None:
    assert extract_quotes("The company made a statement. Its shares fell.") == []
    assert extract_quotes("The agency issued a warning on Monday as the river rose.") == []
