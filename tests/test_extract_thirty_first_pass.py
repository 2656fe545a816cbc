"""Who speaks in the constructions of the thirty-first pass: a leader quoted by surname saying
"it was …", names written with a nickname in quotation marks, a first name given after a
relative, names with a father's name ("bin", "ibn")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from monitor.extract import extract_quotes


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the record whose words hold ``words``."""
    found = [q.speaker for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


def _kind_of(text: str, words: str) -> str | None:
    found = [q.speaker_kind for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


# -- "Kim said it was …": a person the text titles, not a body speaking of itself ----------------


KIM = ("A spokesperson said “President Trump had a good relationship with [North Korean leader] Kim "
       "Jong Un.”\n\nThe state news agency reported Wednesday that Kim said it was “indispensable” to "
       "bolster nuclear forces.\n\nKim, who inspected the launch, said the deterrent was “being "
       "perfected.”")


def test_a_titled_leader_saying_it_was_is_the_leader_in_full() -> None:
    kim = [q for q in extract_quotes(KIM) if KIM[q.start:q.end].startswith("it was")]
    assert [(q.speaker, q.speaker_kind) for q in kim] == [("Kim Jong Un", "person")]
    assert _speaker_of(KIM, "being perfected") == "Kim Jong Un"


def test_a_company_saying_it_or_its_stays_a_company() -> None:
    # (guard: the rule that reads "Garmin said its …" as a body still holds where no title is)
    text = "Garmin said its watches were safe to wear in water."
    assert _kind_of(text, "watches were safe") == "organisation"
    text = "Apple unveiled a phone on Monday. Apple said it would ship the phone in May."
    assert _kind_of(text, "ship the phone") == "organisation"


# -- a nickname in quotation marks inside a name -------------------------------------------------


def test_a_surname_after_a_nicknamed_name_is_the_name_without_the_nickname() -> None:
    text = ("Ross “Rusty” Aimer, a retired pilot, said the record was strong.\n\n"
            "“Some of it was luck,” Aimer said.")
    assert _speaker_of(text, "record was strong") == "Ross Aimer"
    assert _speaker_of(text, "Some of it was luck") == "Ross Aimer"


def test_a_first_name_before_a_nickname_is_the_name_in_full() -> None:
    text = "“It was luck,” said Ross \"Rusty\" Aimer, a retired pilot."
    assert _speaker_of(text, "It was luck") == "Ross Aimer"


def test_a_surname_first_name_with_a_nickname() -> None:
    text = ("However, Zhou “Zuola” Shuguang, one of the first citizen journalists to move to Taiwan, "
            "said the videos may have the \"tacit approval\" of the party.")
    assert _speaker_of(text, "tacit approval") == "Zhou Shuguang"


def test_two_people_with_one_surname_and_nicknames_stay_apart() -> None:
    # (guard: "Johnson" is written in two nicknamed names: neither is taken)
    text = ("Dwayne \"The Rock\" Johnson and Magic \"Earvin\" Johnson met on Monday. "
            "\"I love this city,\" Johnson said.")
    assert _speaker_of(text, "I love this city") == "Johnson"


# -- a first name in an appositive after a relative ----------------------------------------------


def test_a_first_name_after_a_relative_takes_the_family_name() -> None:
    text = ("Rudy Giuliani must hand over his watches.\n\nAs for the rings, Giuliani's son, Andrew, "
            "filed court documents this month. Andrew said his father gave him four rings as gifts.")
    assert _speaker_of(text, "four rings") == "Andrew Giuliani"


def test_a_first_name_after_a_mother_keeps_its_own() -> None:
    # (guard: a mother or a wife may keep another surname; only blood kin who share it as a rule)
    text = "\"Please remind people that we are waiting,\" Tice's mother, Debra, said on Sunday."
    assert _speaker_of(text, "we are waiting") == "Debra"


# -- a father's name ------------------------------------------------------------------------------


def test_a_titled_given_name_is_the_name_with_the_fathers_name() -> None:
    text = ("Crown Prince Mohammed bin Salman met the president in Riyadh.\n\n"
            "Prince Mohammed said the kingdom would invest $600 billion.")
    assert _speaker_of(text, "600 billion") == "Mohammed bin Salman"


def test_a_family_name_with_al_is_the_name_with_the_given_and_fathers_names() -> None:
    text = ("Blinken met Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, in Doha.\n\n"
            "“We are closely coordinated with Egypt,” Qatar’s Al Thani said.")
    assert _speaker_of(text, "closely coordinated") == "Mohammed bin Abdulrahman Al Thani"


def test_two_fathers_names_for_one_given_name_stay_apart() -> None:
    # (guard: two men called Mohammed with a father's name: "Mohammed" alone is neither)
    text = ("Mohammed bin Salman met Mohammed bin Zayed in Riyadh.\n\n"
            "Mohammed said the talks had gone well.")
    assert _speaker_of(text, "talks had gone well") == "Mohammed"


# -- the evaluation compares a name with a nickname and without as one ---------------------------


def _eval_module():
    path = Path(__file__).resolve().parent.parent / "bench" / "attribution_eval.py"
    spec = importlib.util.spec_from_file_location("attribution_eval_for_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_evaluation_reads_a_nickname_as_optional() -> None:
    ev = _eval_module()
    assert ev.same_speaker("Ross “Rusty” Aimer", "Ross Aimer")
    assert ev.same_speaker('Frank "Greg" Ford', "Frank Ford")
    assert not ev.same_speaker("Ross “Rusty” Aimer", "Rusty Aimer")
