"""Reported speech in plain news sentences that the extractor used to pass over: long subjects,
a time or an occasion between a speaker and the cue, whom something was told and when, a
speaker's next act of speech after its clause, sources that report another's report, groups
named by what their members are, and documents that speak for whoever issued them."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes

_LEAD = "The talks ended on Monday. "


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _one(text: str) -> tuple[str | None, str]:
    [record] = _records(_LEAD + text)
    return record


# -- the clause after "said" -------------------------------------------------------------------

def test_a_long_subject_before_its_verb_is_still_a_clause() -> None:
    assert _one("Trump said the cost and logistical complexity of such a massive deportation plan "
                "does not faze him.") == (
        "Trump", "the cost and logistical complexity of such a massive deportation plan does not faze him")


def test_a_that_inside_a_clause_with_its_own_verb_does_not_hide_the_clause() -> None:
    assert _one("Netanyahu said one of his war goals is to ensure that Hamas never poses a threat.") == (
        "Netanyahu", "one of his war goals is to ensure that Hamas never poses a threat")


@pytest.mark.parametrize("clause", [
    "the White House informed the news agency that the AP would be blocked",
    "the language from the officials resembled that used against protesters",
])
def test_a_past_verb_before_a_later_that_makes_the_whole_clause(clause: str) -> None:
    assert _one(f"Julie Pace said {clause}.") == ("Julie Pace", clause)


def test_a_relative_that_after_an_object_still_opens_no_clause() -> None:
    assert _records(_LEAD + "She told the story that had made her famous.") == []


def test_at_the_time_between_cue_and_clause_is_when() -> None:
    assert _one("Refugee advocates said at the time the reductions marked a departure from the "
                "country's role.") == (
        "Refugee advocates", "the reductions marked a departure from the country's role")


@pytest.mark.parametrize("clause", [
    "unspecified foreign security forces were involved in the protests",
    "surged assistance to Ukraine would turn it into a bulwark",
])
def test_a_clause_may_open_with_an_adjective_in_ed(clause: str) -> None:
    assert _one(f"The president said {clause}.")[1] == clause


def test_a_participle_after_the_cue_still_opens_no_clause() -> None:
    speaker, content = _one("She warned in a report published on Monday that prices would rise.")
    assert content == "prices would rise"


# -- "told" ------------------------------------------------------------------------------------

@pytest.mark.parametrize("told", ["told me over the phone that", "told local TV that",
                                  "told him during a phone call that"])
def test_whom_and_when_something_was_told_come_before_that(told: str) -> None:
    assert _one(f"The prince {told} he planned to invest $600 billion.") == (
        "the prince", "he planned to invest $600 billion")


def test_told_an_audience_a_clause_without_that_in_the_present() -> None:
    assert _one("Hawk Sawyer told lawmakers no evidence supports anything other than suicide.") == (
        "Hawk Sawyer", "no evidence supports anything other than suicide")


# -- who speaks --------------------------------------------------------------------------------

@pytest.mark.parametrize(("subject", "speaker"), [
    ("The head of the police, Neil Basu, on Sunday said", "Neil Basu"),
    ("Trump, alongside Modi, at a news conference said", "Trump"),
    ("Trump at a Thursday evening news conference said", "Trump"),
    ("Trump in an interview with CNN said", "Trump"),
])
def test_an_occasion_between_the_speaker_and_the_cue_is_passed_over(subject: str, speaker: str) -> None:
    assert _one(f"{subject} the police found nothing.") == (speaker, "the police found nothing")


@pytest.mark.parametrize(("subject", "speaker"), [
    ("A spokesman for the show said", "A spokesman for the show"),
    ("A second person briefed on the call said", "person briefed on the call"),
    ("Officials in Washington said", "Officials in Washington"),
])
def test_a_phrase_of_who_the_speaker_is_stays_with_the_speaker(subject: str, speaker: str) -> None:
    assert _one(f"{subject} the episode was cancelled.")[0] == speaker


def test_a_person_after_a_time_word_is_not_an_occasion() -> None:
    text = ("Prosecutors declined to charge Bill Cosby after an Inland woman recently claimed the "
            "comedian molested her.")
    assert _one(text) == ("an Inland woman", "the comedian molested her")


@pytest.mark.parametrize("subject", ["The friends", "Two of the nurses", "Her cousins"])
def test_a_group_named_by_what_its_members_are_speaks(subject: str) -> None:
    speaker, content = _one(f"{subject} said they heard shots.")
    assert speaker is not None and content == "they heard shots"


def test_those_spoken_to_are_not_whom_one_of_them_means() -> None:
    text = "Two officials spoke to reporters. One said the talks had failed."
    assert [s for s, _ in _records(text)] == ["official"]


@pytest.mark.parametrize("subject", ["The document last year", "A 2015 federal court decision",
                                     "The proclamation"])
def test_a_document_speaks(subject: str) -> None:
    assert _one(f"{subject} said there were credible reports of killings.")[1] == (
        "there were credible reports of killings")


def test_a_firm_named_by_its_trade_speaks() -> None:
    assert _one("An extended slowdown could hurt demand, the brokerage said.") == (
        "brokerage", "An extended slowdown could hurt demand")


# -- after the speaker's words -----------------------------------------------------------------

@pytest.mark.parametrize("rest", ["without providing details of the consequences",
                                  "while visiting the Dreamforce conference"])
def test_what_the_speaker_did_while_speaking_follows_a_closing_frame(rest: str) -> None:
    assert _one(f"Biden warned China over its role in the hacking, Sullivan said {rest}.") == (
        "Sullivan", "Biden warned China over its role in the hacking")


@pytest.mark.parametrize(("sentence", "second"), [
    ("Trump said Taiwan should pay the U.S. for defense and compared U.S. spending on Taiwan to an "
     "insurance policy.", "U.S. spending on Taiwan to an insurance policy"),
    ("The office said another 30 people had been injured, but added the exact circumstances "
     "remained unclear.", "the exact circumstances remained unclear"),
    ("The ministry said the talks were over, emphasizing that the new arrangement ensures safe "
     "conditions.", "the new arrangement ensures safe conditions"),
])
def test_the_speakers_next_act_of_speech_is_a_record_of_its_own(sentence: str, second: str) -> None:
    records = _records(_LEAD + sentence)
    assert len(records) == 2
    assert records[1][1] == second
    assert records[0][0] == records[1][0]
    assert second not in records[0][1]


def test_a_verb_coordinated_inside_the_clause_stays_in_it() -> None:
    assert _one("He said the company had hired staff and trained them.") == (
        None, "the company had hired staff and trained them")


def test_a_coordinated_verb_after_according_to_is_the_clause_subjects() -> None:
    text = ("After the hearing began, according to the defence lawyer, a barrister arrived and "
            "demanded a seat.")
    assert _records(text)[0][1].endswith("arrived and demanded a seat")


# -- a source that reports another's report ----------------------------------------------------

@pytest.mark.parametrize("source", ["a source", "a source close to her", "CNN"])
def test_according_to_before_another_report_gives_both_records(source: str) -> None:
    text = f"According to {source}, Kelly told James Murdoch that Ailes had made harassing comments."
    records = _records(text)
    assert ("Kelly", "Ailes had made harassing comments") in records
    assert any(content == "Kelly told James Murdoch that Ailes had made harassing comments"
               for _, content in records)


def test_according_to_before_an_appositive_speaker_holds_the_whole_report() -> None:
    text = ("According to news agency ISNA, the prosecutor general of Tehran, Ali Mehr, said the 36 "
            "must face charges.")
    records = _records(text)
    assert ("ISNA", "the prosecutor general of Tehran, Ali Mehr, said the 36 must face charges") in records
    assert ("Ali Mehr", "the 36 must face charges") in records


def test_according_to_then_a_clause_then_another_speaker_stays_two_sources() -> None:
    text = "According to police, the man fled, and witnesses said he was armed."
    assert _records(text) == [("police", "the man fled"), ("witnesses", "he was armed")]


# -- more cues ---------------------------------------------------------------------------------

@pytest.mark.parametrize("cue", ["confirmed to WIRED that", "confirmed to VOA by email in late December that",
                                 "said to reporters that"])
def test_whom_it_was_said_to_comes_before_that(cue: str) -> None:
    assert _one(f"Kym Lino {cue} the company notifies its users.") == (
        "Kym Lino", "the company notifies its users")


@pytest.mark.parametrize("adverb", ["implausibly", "falsely", "repeatedly"])
def test_an_adverb_between_the_cue_and_that(adverb: str) -> None:
    assert _one(f"Trump claimed {adverb} that Ukraine started the war.") == (
        "Trump", "Ukraine started the war")


def test_claimed_to_be_or_to_have_is_what_was_claimed() -> None:
    assert _one("Azerbaijan claimed to have killed about 2,300 soldiers.") == (
        "Azerbaijan", "to have killed about 2,300 soldiers")


def test_claimed_with_an_object_and_to_is_no_claim_of_words() -> None:
    assert _records(_LEAD + "The group claimed responsibility for the attack.") == []


@pytest.mark.parametrize("gerund", ["hearing gunfire near the fuel facility",
                                    "seeing drones over the state in November"])
def test_a_gerund_after_reported_is_what_was_reported(gerund: str) -> None:
    assert _one(f"Dozens of witnesses have reported {gerund}.") == ("witnesses", gerund)


@pytest.mark.parametrize("noun", ["a building collapse", "wrongdoing when the suit was filed"])
def test_a_noun_after_reported_or_denied_is_no_clause(noun: str) -> None:
    assert _records(_LEAD + f"The agency reported {noun}.") == []


def test_news_outlets_speak_together() -> None:
    assert _one("Thousands of people lost electricity on Saturday, local news outlets reported.") == (
        "local news outlets", "Thousands of people lost electricity on Saturday")


# -- findings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("subject", "speaker"), [
    ("The investigation", "The investigation"),
    ("A government land audit in 2017", "A government land audit"),
    ("Researchers at IBM Research India in Bangalore", "Researchers at IBM Research India"),
    ("The USTR", "USTR"),
])
def test_a_finding_of_a_study_an_inquiry_or_a_body(subject: str, speaker: str) -> None:
    assert _one(f"{subject} found that 72% of the farms were white-owned.") == (
        speaker, "72% of the farms were white-owned")


def test_a_person_finding_something_out_is_no_report() -> None:
    assert _records(_LEAD + "She found that the door was locked.") == []


def test_a_body_that_shows_something_is_no_finding_of_its_own() -> None:
    text = ("Analysts say the stop in Cambodia’s port city of Sihanoukville shows that the country "
            "wants closer ties.")
    assert [speaker for speaker, _ in _records(text)] == ["Analysts"]


def test_a_town_stays_in_a_group_named_by_where_it_is() -> None:
    assert _one("Officials in Washington said the deal was done.")[0] == "Officials in Washington"


def test_a_date_between_the_cue_and_that() -> None:
    assert _one("NASA announced Nov. 18 that it was adding five companies to a contract.") == (
        "NASA", "it was adding five companies to a contract")


@pytest.mark.parametrize("side", ["prosecution", "defense"])
def test_the_sides_of_a_court_case_speak(side: str) -> None:
    assert _one(f"The {side} argued that the evidence was thin.") == (side, "the evidence was thin")


# -- names and sources of Wikinews copy --------------------------------------------------------

@pytest.mark.parametrize(("subject", "name"), [("Pope Francis", "Pope Francis"),
                                               ("King Charles III", "King Charles III"),
                                               ("Prince Harry", "Prince Harry"),
                                               ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman")])
def test_a_title_that_goes_with_a_given_name_alone_is_part_of_the_name(subject: str, name: str) -> None:
    assert _one(f"{subject} said the talks must go on.")[0] == name


def test_the_given_name_alone_later_is_the_titled_person() -> None:
    text = _LEAD + "Pope Francis said the church must act. “We must act,” Francis added."
    assert [s for s, _ in _records(text)] == ["Pope Francis", "Pope Francis"]


@pytest.mark.parametrize(("opening", "speaker"), [
    ("Per the decree", "the decree"),
    ("Per numbers reported by The Associated Press", "Associated Press"),
])
def test_per_opens_a_source_as_according_to_does(opening: str, speaker: str) -> None:
    assert _one(f"{opening}, 415 thousand priests are subject to the rule.") == (
        speaker, "415 thousand priests are subject to the rule")


def test_per_capita_and_per_cent_are_no_sources() -> None:
    assert _records(_LEAD + "Prices rose 5 per cent. Per capita income fell by a third last year.") == []


def test_a_preposition_opening_a_sentence_is_no_one_who_speaks() -> None:
    text = (_LEAD + "Amongst reported incidents of abuse, Cardinal George Pell was convicted.\n\n"
            "The decree read “The crimes of sexual abuse offend Our Lord.”")
    assert all(speaker != "Amongst" for speaker, _ in _records(text))


@pytest.mark.parametrize("source", ["the National Conference of State Legislatures",
                                    "the Center for Strategic and International Studies"])
def test_a_bodys_name_with_of_or_for_is_whole_after_according_to(source: str) -> None:
    assert _one(f"According to {source}, the party is scheduled to continue.")[0] == source[4:]


def test_a_participle_that_works_as_a_preposition_is_no_speaker() -> None:
    assert _one("Officials, following an investigation, stated it was a coconut.") == (
        "Officials", "it was a coconut")


@pytest.mark.parametrize(("source", "speaker"), [
    ("the Cambodia-based anti-pedophile group Action pour les Enfants", "Action pour les Enfants"),
    ("the medic and healer council", "the medic and healer council"),
])
def test_a_closing_source_runs_to_the_end_of_the_sentence(source: str, speaker: str) -> None:
    assert _one(f"He worked as a missionary for about a decade, according to {source}.") == (
        speaker, "He worked as a missionary for about a decade")


@pytest.mark.parametrize("tail", ["a survey conducted this month", "Emmerson Mnangagwa on Friday",
                                  "a study by a bipartisan research group"])
def test_when_and_by_whom_are_not_part_of_a_closing_source(tail: str) -> None:
    for speaker, _ in _records(_LEAD + f"The general public disapproves of the plan, according to {tail}."):
        assert "Friday" not in (speaker or "") and "conducted" not in (speaker or "") \
            and not (speaker or "").startswith("study by")


@pytest.mark.parametrize(("sentence", "content"), [
    ("The Biden campaign criticized the commutation as an abuse of power, pointing to the case.",
     "the commutation as an abuse of power"),
    ("Trump attacked the impeachment investigation as “Witch Hunt garbage.”",
     "the impeachment investigation as “Witch Hunt garbage.”"),
    ("Cotton praised Ratcliffe as someone capable of getting the CIA back on track.",
     "Ratcliffe as someone capable of getting the CIA back on track"),
    ("The party hailed the pipeline as an advance for the nation.",
     "the pipeline as an advance for the nation"),
])
def test_a_judgement_with_as_is_what_was_said(sentence: str, content: str) -> None:
    assert _one(sentence)[1] == content


def test_a_judgement_without_as_or_a_quote_reports_nothing() -> None:
    assert _records(_LEAD + "Trump praised the workers at the plant.") == []


def test_a_name_and_its_present_verb_after_a_cue_is_a_clause() -> None:
    assert _one("Tancredo predicts President Trump wins re-election with 362 electoral votes.") == (
        "Tancredo", "President Trump wins re-election with 362 electoral votes")


def test_a_name_before_a_plural_noun_is_no_clause() -> None:
    assert _records(_LEAD + "The company denied the Trump claims of fraud.") == []


def test_a_pronoun_subject_before_a_colon_and_a_quoted_sentence_speaks() -> None:
    text = "Rose-Lynn sings on. She apologizes to her family: “I pushed you away, put a pin in a map.”"
    assert _records(text) == [("Rose-Lynn", "I pushed you away, put a pin in a map.")]


def test_words_received_before_a_colon_are_not_the_subjects() -> None:
    text = "Trump met Kim. He received a message from Kim: “We will meet again.”"
    assert all(speaker != "Trump" for speaker, _ in _records(text))


@pytest.mark.parametrize("count", ["Fifty", "Hundreds of", "Thousands of"])
def test_a_group_is_named_without_its_count_in_words(count: str) -> None:
    assert _one(f"{count} former intelligence officials said the report was suspect.")[0] == (
        "former intelligence officials")


def test_an_acronym_in_another_language_stands_for_the_name_before_it() -> None:
    text = ("The report by the Netherlands Organisation for Applied Scientific Research (TNO) was "
            "released. TNO said the journalists were visible.")
    assert [s for s, _ in _records(text)] == ["Netherlands Organisation for Applied Scientific Research"]


@pytest.mark.parametrize("later", ["The newspaper", "The paper"])
def test_the_paper_is_the_newspaper_named_after_its_kind(later: str) -> None:
    text = (f"The revelations by newspaper Dagens Nyheter were serious. {later} said the leaks were "
            "real.")
    assert _records(text) == [("Dagens Nyheter", "the leaks were real")]


def test_jean_with_a_second_given_name_is_a_mans_name() -> None:
    text = "Jean Luc Brunel spoke on Monday. He said he was tired."
    assert _records(text) == [("Jean Luc Brunel", "he was tired")]


@pytest.mark.parametrize(("sentence", "content"), [
    ("Tester bills himself as a moderate Democrat willing to criticize his party.",
     "himself as a moderate Democrat willing to criticize his party"),
    ("The campaign casts itself as “the clear underdogs” in the contest.",
     "itself as “the clear underdogs” in the contest"),
])
def test_a_speaker_naming_itself_as_something(sentence: str, content: str) -> None:
    assert _one(sentence)[1] == content


def test_naming_verbs_without_a_reflexive_report_nothing() -> None:
    assert _records(_LEAD + "The senator introduces a bill on Tuesday and casts a vote.") == []


def test_a_report_in_a_relative_clause_stays_inside_the_clause_around_it() -> None:
    text = (_LEAD + "The secretary said he is skipping the Munich Security Conference, which bills "
            "itself as “the world's leading forum for debating security policy,” this year.")
    outer = [content for speaker, content in _records(text) if speaker == "the secretary"]
    assert outer and outer[0].startswith("he is skipping") and "this year" in outer[0]
