"""Who a description, a pronoun or a role word means: the person the story has in play."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


@pytest.mark.parametrize("description", [
    "the 35-year-old actor", "the Texas-born actor", "the soft-spoken actor",
])
def test_a_described_person_is_the_person_named_before(description: str) -> None:
    text = f"Oscar Isaac plays a grocer in the film. “It was hard work,” {description} said."
    assert _speakers(text) == {"It was hard work": "Oscar Isaac"}


def test_a_role_word_is_the_subject_named_just_before() -> None:
    text = ("J.C. Chandor wrote the film. Oscar Isaac praised the script. “It is tight,” Isaac said."
            "\n\nFor the last scene, Chandor asked the cast to improvise.\n\n"
            "“Scripts are vague on back-story,” the director said.")
    assert _speakers(text)["Scripts are vague on back-story"] == "J.C. Chandor"


def test_a_role_word_that_the_text_gave_someone_else_is_them() -> None:
    text = ("Director Ana Berg cast the film. Oscar Isaac praised the script.\n\n"
            "“It is tight,” Isaac said.\n\n“Scripts are vague,” the director said.")
    assert _speakers(text)["Scripts are vague"] == "Ana Berg"


def test_the_same_official_is_still_the_official_before() -> None:
    text = ("“The deal is done,” one Western official said. Tom Reed disagreed.\n\n"
            "“There is more to do,” the same official said.")
    assert _speakers(text)["There is more to do"] == "one Western official"


def test_a_word_inside_a_role_word_is_not_that_role() -> None:
    # "man" is no role of the businessman: the man who shouts is someone else
    text = ("Businessman Tom Reed said the market was slow. A man selling fruit walked up. "
            "“Buy something!” the man said.")
    assert _speakers(text)["Buy something!"] != "Tom Reed"


def test_one_unnamed_person_is_who_a_later_pronoun_means() -> None:
    text = "The mayor's spokeswoman said the office was closed. Later, she said it would reopen."
    assert _speakers(text)["it would reopen"] == "The mayor's spokeswoman"
    plural = "Officials said the office was closed. Later, she said it would reopen."
    assert _speakers(plural)["it would reopen"] is None


def test_a_description_of_the_pronoun_is_not_a_new_person() -> None:
    text = ("In 2009, Dario Vex founded the firm. “Out of control,” he recalls. The son of a "
            "teacher, he had tried many jobs. “Hello, is anybody here?” he shouted at a guard.")
    assert _speakers(text)["Hello, is anybody here?"] == "Dario Vex"


def test_words_thought_to_oneself_in_quote_marks() -> None:
    text = "Ana Berg sat through a seminar when she thought to herself, “I want to be my own boss.”"
    assert _speakers(text) == {"I want to be my own boss.": "Ana Berg"}


def test_a_profession_before_a_name_is_a_role() -> None:
    text = ("Brian Good said the roads were empty.\n\nMeteorologist Chad Myers, who tracked the "
            "storm all day, was less sure. “It's ugly out there,” he said.")
    assert _speakers(text)["It's ugly out there"] == "Chad Myers"


@pytest.mark.parametrize("sentence", [
    "But Tom Ward, 52, of Leeds, disagreed.",
    "In Denver, where snow fell overnight, police chief Tom Ward was less sure.",
])
def test_the_subject_after_an_opening_word_or_phrase_is_who_he_means(sentence: str) -> None:
    text = f"Brian Good said the roads were empty. {sentence}\n\n“It's ugly out there,” he said."
    assert _speakers(text)["It's ugly out there"] == "Tom Ward"


def test_they_is_not_one_unnamed_person() -> None:
    text = ("I saw a female officer. The officer said they had just announced that they would not "
            "be giving out tickets.")
    assert _speakers(text)["they would not be giving out tickets"] is None


def test_the_airline_is_the_company_named_before() -> None:
    text = ("Tom Hale said the flight was late. Skyline said the plane was missing. The airline said "
            "search teams were ready. He said he was worried.")
    found = {q.text: (q.speaker, q.speaker_kind) for q in extract_quotes(text)}
    assert found["search teams were ready"] == ("Skyline", "organisation")
    assert found["the plane was missing"] == ("Skyline", "organisation")
    assert found["he was worried"] == ("Tom Hale", "person")
    (alone,) = extract_quotes("A spokesman for the airline said search teams were ready.")
    assert alone.speaker == "A spokesman for the airline"


def test_it_after_a_lone_name_never_given_a_first_name_is_that_company() -> None:
    found = _speakers("Cloudflare said the outage was fixed. It said a report would follow.")
    assert found == {"the outage was fixed": "Cloudflare", "a report would follow": "Cloudflare"}


def test_a_quoted_person_s_surname_stays_the_person_before_it() -> None:
    found = _speakers("Ana Hale said the road was closed. Hale said it was a bad day.")
    assert found["it was a bad day"] == "Ana Hale"


def test_a_quote_paragraph_after_a_named_person_is_theirs() -> None:
    text = ("Tom Hale said the roads were bad. Mayor Ana Lopes was blunt about the budget.\n\n"
            "“We have no money left for the roads this year.”")
    found = {q.text: (q.speaker, q.sieve) for q in extract_quotes(text)}
    assert found["We have no money left for the roads this year."] == ("Ana Lopes", "lead")
    # a title in capitals, or a label before a colon, names nobody
    for lead in ("Stop Making New Biscuits.", "Credit: Rosa Lind"):
        (quote,) = extract_quotes(f"{lead}\n\n“We have no money left for the roads this year.”")
        assert quote.speaker is None


def test_the_person_a_question_asks_about_speaks_next() -> None:
    text = ("Rodgers shoved Nate Suh after the play. “He stepped on me,” Rodgers said.\n\n"
            "What did Suh say after the play?\n\n"
            "“He was running off the field. I was talking to the referee, actually.”")
    found = _speakers(text)
    assert found["He was running off the field. I was talking to the referee, actually."] == "Nate Suh"
