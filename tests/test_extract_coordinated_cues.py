"""A cue coordinated with another verb ("welcomed the funding but said …") is the sentence
subject's, through its appositives and an opening phrase; a second cue after "but" is a second
statement."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.cue, text[q.start:q.end]) for q in extract_quotes(text)]


@pytest.mark.parametrize("subject", [
    "The chief executive of NHS Providers, Julia Marsh,",
    "Julia Marsh, the chief executive of NHS Providers,",
    "Julia Marsh, 54,",
])
def test_the_subject_of_a_coordinated_cue_through_its_appositives(subject: str) -> None:
    text = f"{subject} welcomed the extra funding but said it fell well short."
    assert _records(text) == [("Julia Marsh", "said", "it fell well short")]


def test_a_second_cue_after_but_is_a_second_statement_with_its_quoted_words() -> None:
    text = ('Speaking in the Commons on Monday, Ms Lin said waiting lists had "stabilised" but '
            'warned that winter would be "extremely difficult".')
    assert _records(text) == [
        ("Lin", "said", 'waiting lists had "stabilised"'),
        ("Lin", "warned", 'winter would be "extremely difficult"'),
    ]


def test_a_verb_that_is_not_a_cue_after_but_stays_in_the_clause() -> None:
    text = "Ms Lin said waiting lists had stabilised but remained far too long."
    assert _records(text) == [("Lin", "said", "waiting lists had stabilised but remained far too long")]


@pytest.mark.parametrize(("clause", "cue", "content"), [
    ('calling it "the most important thing we will do this decade."', "calling",
     'it "the most important thing we will do this decade."'),
    ('describing it as "a turning point."', "describing", 'it as "a turning point."'),
])
def test_a_naming_participle_after_the_subjects_act_is_theirs(clause: str, cue: str, content: str) -> None:
    text = f"President Elena Ruiz on Wednesday signed the long-stalled climate bill, {clause}"
    assert _records(text) == [("Elena Ruiz", cue, content)]


def test_calling_for_something_or_calling_people_is_not_speech() -> None:
    assert extract_quotes("Protesters marched through the city, calling for a ceasefire.") == []
    assert extract_quotes("He spent the day calling donors.") == []
