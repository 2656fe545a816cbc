"""Speakers read from the sentence around the cue: appositives, places, opening quotes, leads."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Texas, one of the states suing the agency, said the rule was unlawful.", "Texas"),
    ("Eddie Foreman, 40, of Opelika, Alabama, who has a part-time job, said the jobs are gone.",
     "Eddie Foreman"),
    ("Ana Lopes, of Porto, said the jobs are gone.", "Ana Lopes"),
])
def test_the_speaker_is_the_head_before_appositives_and_places(text: str, name: str) -> None:
    assert [s for s, _ in _said(text)] == [name]


def test_participle_after_an_opening_quote_takes_the_subject_after_the_quote() -> None:
    text = "Oscar Isaac spoke. “I’ve signed away my organs,” he joked, adding that filming was great."
    assert _said(text) == [("Oscar Isaac", "I’ve signed away my organs"),
                           ("Oscar Isaac", "filming was great")]


def test_lead_person_after_an_opening_time_phrase() -> None:
    text = ("Micheál Martin said the plan was late. Last night Tánaiste Leo Varadkar met the unions. "
            "“We have to act now,” he said.")
    assert [s for s, _ in _said(text)] == ["Micheál Martin", "Leo Varadkar"]


def test_lone_surname_leading_a_sentence_counts_when_the_person_was_quoted() -> None:
    text = ("Jim Cole said the port was shut. Tom Ward said the ships were waiting. "
            "In 2009, Cole, then a young man, rode up to the gate. “It was mined,” he recalls.")
    assert [s for s, _ in _said(text)] == ["Jim Cole", "Tom Ward", "Jim Cole"]


def test_pronoun_with_nobody_quoted_is_the_person_of_that_gender_named_before() -> None:
    text = ("The deal was backed by Ted Cruz and Sen. Marsha Blackburn. After calls from Steve Bannon, "
            "Blackburn relented at the last minute. “The current language is not acceptable,” she "
            "said in a statement.")
    assert [q.speaker for q in extract_quotes(text)] == ["Marsha Blackburn"]


def test_lone_surname_lead_counts_when_nobody_was_quoted_and_the_text_names_them_in_full() -> None:
    text = ("Matie hired workers for the job. “I went ahead on a motorcycle,” he recalls. "
            "Matiullah Matie is now 40.")
    assert [q.speaker for q in extract_quotes(text)] == ["Matiullah Matie"]
    # a capitalised word that never follows a first name is no person
    assert [q.speaker for q in extract_quotes("Construction slowed in May. “It was a bad month,” he said.")] \
        == [None]


def test_contracted_pronoun_before_the_cue_is_the_subject() -> None:
    text = "Jim Cole rode up. “Hi, sir! Is there anybody to talk to me?” he’d shouted at a Marine."
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Jim Cole", "he")


def test_pleaded_is_a_cue_next_to_a_quote() -> None:
    text = "“Papa, come home, I still need you,” Angela Ranastianis, his daughter, pleaded on Facebook."
    [q] = extract_quotes(text)
    assert q.speaker == "Angela Ranastianis"


@pytest.mark.parametrize(("text", "speaker", "said"), [
    ("Amazon released a separate statement saying, “It allows us to grow our business with them.”",
     "Amazon", "It allows us to grow our business with them."),
    ("The ministry issued a statement saying the border would stay shut.", "ministry",
     "the border would stay shut"),
])
def test_participle_after_a_written_statement_is_the_subjects(text: str, speaker: str, said: str) -> None:
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [(speaker, said)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The film is by director J.C. Chandor. “Scripts are vague,” the director said.", "J.C. Chandor"),
    ("J.C. Chandor, the film’s director, made it. “Scripts are vague,” the director said.",
     "J.C. Chandor"),
    ("Health Minister Simon Harris met GPs. Later the minister said the plan was ready.", "Simon Harris"),
    ("I turned, and the female officer was in her car. The officer said the tickets were waived.",
     "female officer"),
])
def test_the_role_is_the_person_the_text_introduced_with_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text", [
    "Jim Cole said Tom Ward had told him the port was shut. “We lost a month,” he said.",
    "Tom Ward spoke first. Jim Cole said Tom Ward had told him the port was shut. “We lost a month,” "
    "he said.",
])
def test_pronoun_means_the_subject_of_the_attribution_not_a_person_inside_it(text: str) -> None:
    assert extract_quotes(text)[-1].speaker == "Jim Cole"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Meta recently sent an email to its users that said, in part, \"Meta AI with camera use is "
     "always enabled on your glasses.\"", "Meta"),
    ("The ministry sent a letter to schools that said the exams would go ahead.", "ministry"),
])
def test_a_written_thing_that_said_is_the_subjects(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("One of the states suing the agency said the rule was unlawful.", "One of the states suing the agency"),
    ("Lawyers representing the company said the suit was baseless.", "Lawyers representing the company"),
    ("Officials attending the summit said the talks were over.", "Officials attending the summit"),
])
def test_the_object_of_a_participle_in_the_speaker_phrase_is_not_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Guadalupe Salinas Hernández was arrested. “I don’t regret it, I don’t regret,” local newspapers "
     "quote Salinas as saying.", "Guadalupe Salinas Hernández"),
    ("Guadalupe Salinas was arrested. She was quoted as saying, “I don’t regret it.”", "Guadalupe Salinas"),
    ("Tom Ward spoke. Reuters quoted him as saying the talks had failed.", "Tom Ward"),
])
def test_quoted_as_saying_is_the_one_quoted(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_street_is_no_double_surname() -> None:
    text = "Tom Ward Street was closed. Ward said the road was shut for repairs."
    assert [q.speaker for q in extract_quotes(text)] == ["Ward"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('According to a June 16 Facebook post from "Harbour Animal Friends," the mayor bought an old '
     'ferry and had it painted.', "Harbour Animal Friends"),
    ("According to a Tuesday statement from “Anna Berg,” the shelter will stay open all winter.",
     "Anna Berg"),
])
def test_a_quoted_name_after_a_post_from_is_its_author_not_a_quoted_part(text: str, speaker: str) -> None:
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind, quote.parts) == (speaker, "indirect", ())
    assert quote.text.startswith("the ") and quote.text.endswith(("ferry and had it painted",
                                                                    "stay open all winter"))


@pytest.mark.parametrize(("text", "name"), [
    ("The father of one of the victims said the school had failed.", "The father of one of the victims"),
    ("A close friend of Jana Obi said the school had failed.", "A close friend of Jana Obi"),
    ("Dr. Ana Berg, a psychiatrist at Johns Hopkins who led the study, said the drug worked.", "Ana Berg"),
])
def test_nouns_inside_the_speaker_phrase_are_not_the_speaker(text: str, name: str) -> None:
    assert [s for s, _ in _said(text)] == [name]
