"""Speakers named by what they are after their name was given, and asides between subject and cue."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "description"), [
    ("“We need more help,” said Karen Bass. The Los Angeles mayor added that the city had asked "
     "for federal funds.", "The Los Angeles mayor"),
    ("“We will not be moved,” said Karen Bass. The former California congresswoman added that "
     "the city had asked for federal funds.", "The former California congresswoman"),
])
def test_a_place_before_the_office_still_describes_the_person_just_quoted(
        text: str, description: str) -> None:
    # "The Los Angeles mayor" was read as an unnamed source of an organisation "Los Angeles".
    quotes = extract_quotes(text)
    assert [(q.speaker, q.mention) for q in quotes] == [("Karen Bass", "Karen Bass"),
                                                         ("Karen Bass", description)]


def test_a_place_and_office_with_no_one_named_is_its_own_unnamed_speaker() -> None:
    [quote] = extract_quotes("The Los Angeles mayor said the city had asked for federal funds.")
    assert quote.speaker == "the Los Angeles mayor"


@pytest.mark.parametrize("aside", [
    "for his part", "by contrast", "as expected", "with his lawyer beside him"])
def test_an_aside_between_the_subject_and_the_cue_is_looked_past(aside: str) -> None:
    text = f"Tom Hale, {aside}, said he had won."
    assert _records(text) == [("Tom Hale", "indirect", "he had won")]


def test_a_pronoun_after_an_inverted_cue_is_the_speaker_only_at_the_clause_end() -> None:
    assert _records("“We won,” said he.") == [(None, "direct", "We won")]
    # With words after it, the pronoun is the reported clause's subject: no speaker is read.
    assert _records("Whatever the count, said he had won.") == []


@pytest.mark.parametrize(("text", "kind", "content"), [
    ("Tom Hale shot back that the governor had his facts wrong.", "indirect",
     "the governor had his facts wrong"),
    ("“That is simply false,” Tom Hale shot back.", "direct", "That is simply false"),
    ("“Me too,” Tom Hale chimed in.", "direct", "Me too"),
])
def test_a_reply_is_a_cue(text: str, kind: str, content: str) -> None:
    assert _records(text) == [("Tom Hale", kind, content)]


def test_hit_back_at_someone_reports_nothing() -> None:
    assert _records("The team hit back at critics on Monday.") == []


def test_asked_him_why_reports_the_question() -> None:
    assert _records("Ted Cruz asked him why the company had waited.") == [
        ("Ted Cruz", "indirect", "why the company had waited")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Moody's said the outlook was negative for the sector.", "Moody's"),
    ("Sainsbury’s said it would cut prices next month.", "Sainsbury’s"),
    ("Trader Joe's said it would recall the salad.", "Trader Joe's"),
])
def test_a_name_in_the_possessive_right_before_the_cue_is_a_company(text: str, speaker: str) -> None:
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.speaker_kind, quote.kind) == (speaker, "organisation", "indirect")


def test_a_contraction_is_not_a_company_in_the_possessive() -> None:
    assert extract_quotes("Let's say we resign ourselves to a warmer future.") == []


def test_a_quote_closing_a_reported_clause_is_not_framed_by_the_next_sentence() -> None:
    # "Jared Goff agreed." after the full stop inside the marks took Campbell's words.
    text = 'Coach Dan Campbell said after the game that his team "never quit." Quarterback Jared ' \
        "Goff, who threw for 300 yards, agreed."
    assert _records(text) == [("Dan Campbell", "mixed", 'his team "never quit."')]


def test_a_quote_standing_alone_before_the_cue_s_sentence_is_still_framed_by_it() -> None:
    assert _records('Dan Campbell spoke first. "We never quit." Jared Goff agreed.') == [
        ("Jared Goff", "direct", "We never quit.")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Crossings fell 40 percent in June, according to data released Tuesday by U.S. Customs and "
     "Border Protection.", "U.S. Customs and Border Protection"),
    ("Crossings fell 40 percent in June, according to a report published on Monday by the Pew "
     "Research Center.", "Pew Research Center"),
    ("Car sales fell by a third last year, according to data calculated for the paper by the "
     "Ann Arbor-based Center for Automotive Research.", "Center for Automotive Research"),
])
def test_according_to_a_document_with_its_author_after_it_names_the_author(
        text: str, speaker: str) -> None:
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.speaker_kind) == (speaker, "organisation")


def test_a_participle_after_a_comma_inside_the_closing_mark_reports_its_own_clause() -> None:
    # American style puts the comma inside the marks; the participle's clause was swallowed.
    text = 'Ana Ruiz said the proposal was "not something we can support," adding that talks ' \
        "would continue."
    assert _records(text) == [
        ("Ana Ruiz", "mixed", 'the proposal was "not something we can support,"'),
        ("Ana Ruiz", "indirect", "talks would continue")]


@pytest.mark.parametrize(("text", "content"), [
    ("Nikki Haley, who has said she will stay in the race, won 40 percent of the vote.",
     "she will stay in the race"),
    ("Nikki Haley, who has long argued that the party must change, won 40 percent of the vote.",
     "the party must change"),
])
def test_a_relative_clause_in_the_perfect_reports_its_clause_up_to_its_comma(text: str, content: str) -> None:
    assert _records(text) == [("Nikki Haley", "indirect", content)]


@pytest.mark.parametrize(("text", "content"), [
    ("The White House has made clear it will not negotiate.", "it will not negotiate"),
    ("The senator made it clear that she would vote no.", "she would vote no"),
    ("Pelosi made the case that the bill would lower costs.", "the bill would lower costs"),
])
def test_making_clear_and_making_the_case_are_cues(text: str, content: str) -> None:
    [quote] = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", content)


def test_a_participle_set_off_between_the_subject_and_its_verb_ends_at_its_comma() -> None:
    assert _records("Ana Ruiz, saying that she would not resign, left the room.") == [
        ("Ana Ruiz", "indirect", "she would not resign")]


def test_two_people_before_a_participle_both_speak() -> None:
    text = "Tim Cook and Phil Schiller extolled the device, saying the speaker was going to be great."
    assert _records(text) == [("Tim Cook and Phil Schiller", "indirect", "the speaker was going to be great")]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The boyfriend told investigators that the shooter had fled.", "the boyfriend", "the shooter had fled"),
    ("The men in the car told him they were lost.", "The men in the car", "they were lost"),
    ("Prices will rise sharply next year, search warrant documents say.", "search warrant documents",
     "Prices will rise sharply next year"),
    ("Court records say prices will rise sharply next year.", "Court records",
     "prices will rise sharply next year"),
])
def test_people_and_papers_of_a_crime_story_speak(text: str, speaker: str, content: str) -> None:
    assert _records(text) == [(speaker, "indirect", content)]


def test_a_document_cited_after_a_reported_clause_reports_the_whole_of_it() -> None:
    # Two records: the papers report that Avalos told investigators something; she told it.
    text = "Avalos told investigators that she had gone to Bakersfield, search warrant documents say."
    assert _records(text) == [
        ("search warrant documents", "indirect",
         "Avalos told investigators that she had gone to Bakersfield"),
        ("Avalos", "indirect", "she had gone to Bakersfield")]


def test_a_place_where_a_document_was_filed_is_not_its_author() -> None:
    [quote] = extract_quotes("The agency missed the deadline, according to court documents filed in Miami.")
    assert quote.speaker == "court documents"


@pytest.mark.parametrize(("text", "content"), [
    ("At 9:24 p.m., Ana Ruiz texted to say they were there.", "they were there"),
    ("Ana Ruiz called to say that the flight was delayed.", "the flight was delayed"),
    ("Ana Ruiz wrote to a friend saying she wanted to leave.", "she wanted to leave"),
    ("Ana Ruiz posted a video saying she would not resign.", "she would not resign"),
])
def test_a_message_sent_to_say_something_is_the_sender_s_statement(text: str, content: str) -> None:
    assert _records(text) == [("Ana Ruiz", "indirect", content)]


def test_a_thing_released_showing_something_reports_nothing() -> None:
    assert _records("Police released a photo showing the suspect.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Boeing shares fell 8 percent. The planemaker said it was cooperating with regulators.", "Boeing"),
    ("Microsoft announced the deal on Monday. The Washington-based company said it expected approval.",
     "Microsoft"),
    ("Microsoft announced the deal on Monday. The software company said it expected approval.", "Microsoft"),
])
def test_a_company_described_by_what_it_does_is_the_one_named_before(text: str, speaker: str) -> None:
    assert extract_quotes(text)[-1].speaker == speaker


def test_a_maker_of_films_is_a_person_not_a_company() -> None:
    [quote] = extract_quotes("Boeing shares fell. The filmmaker said the movie would premiere in May.")
    assert quote.speaker != "Boeing" and quote.speaker_kind != "organisation"


@pytest.mark.parametrize(("text", "speaker"), [
    ("One of them was wearing a life jacket according to reports.", "reports"),
    ("Prices rose 5 percent last month according to the Labor Department.", "Labor Department"),
])
def test_according_to_a_source_with_no_comma_before_it(text: str, speaker: str) -> None:
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize("text", ["He was paid according to the contract.",
                                  "Everything went according to plan."])
def test_according_to_a_rule_with_no_comma_before_it_is_no_source(text: str) -> None:
    assert extract_quotes(text) == []
