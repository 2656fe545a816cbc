"""Attribution in government and political news: reported clauses, group sources and names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said that the ministry continued to ignore the court.",
     "the ministry continued to ignore the court"),
    ("Ana Ruiz said that the regime continues to jail reporters.",
     "the regime continues to jail reporters"),
    ("Ana Ruiz said the agency continued its inquiry into the loans.",
     "the agency continued its inquiry into the loans"),
])
def test_a_weak_cue_verb_inside_a_reported_clause_opens_no_clause_of_its_own(
        text: str, content: str) -> None:
    # "continued" is a cue only before "that" or a quote; as an ordinary verb it is the clause's.
    assert _records(text) == [("Ana Ruiz", "indirect", content)]


def test_a_weak_cue_with_a_quote_still_ends_the_clause_before_it() -> None:
    text = "The ministry said the figures were final, a claim the union rejected as “a fiction.”"
    assert ("ministry", "indirect", "the figures were final") in [
        (s and s.lower().removeprefix("the "), k, c) for s, k, c in _records(text)]


def test_a_full_name_in_the_possessive_before_more_capitalised_words_names_the_surname() -> None:
    text = ("Lee stopped by Howard Stern’s Sirius XM radio show on Monday. "
            "Stern asked whether Lee had called them.")
    assert _records(text) == [("Howard Stern", "indirect", "whether Lee had called them")]
