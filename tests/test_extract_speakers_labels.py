"""Transcript labels "Q:" and "A:": the asker and the one answering."""

from __future__ import annotations

from monitor.extract import extract_quotes

HEARING = (
    "Tom Pursglove, the minister for legal migration, is giving evidence. Pursglove says the rules "
    "are fair. Tim Loughton (Con) asks about the family visa rules.\n\n"
    "Q: Will my constituent have to meet the new threshold?\n\n"
    "A: No. Applications already lodged will be treated under the old rules.\n\n"
    "Q: And when they reapply in future?\n\n"
    "Pursglove says the new rules would apply then."
)


def test_question_is_the_askers_and_answer_the_other_sides() -> None:
    found = [(q.speaker, q.mention, q.text) for q in extract_quotes(HEARING)]
    assert found == [
        ("Tom Pursglove", "Pursglove", "the rules are fair"),
        ("Tim Loughton", "Q", "Will my constituent have to meet the new threshold?"),
        ("Tom Pursglove", "A", "No. Applications already lodged will be treated under the old rules."),
        ("Tim Loughton", "Q", "And when they reapply in future?"),
        ("Tom Pursglove", "Pursglove", "the new rules would apply then"),
    ]


def test_question_inside_a_paragraph_ends_where_the_next_cue_begins() -> None:
    text = ("Pursglove says the rules are fair. Tim Loughton asks about the visa rules. Q: Will my "
            "constituent have to meet the new threshold? Pursglove says applications already lodged "
            "will be treated under the old rules.")
    found = [(q.speaker, q.text) for q in extract_quotes(text)]
    assert ("Tim Loughton", "Will my constituent have to meet the new threshold?") in found
    assert len(found) == 3


def test_question_with_nobody_asking_is_a_heading() -> None:
    text = "Tom Pursglove said the rules are fair.\n\nQ: Do you keep a weekly total of returns?"
    assert [q.sieve for q in extract_quotes(text)] == ["reported"]
