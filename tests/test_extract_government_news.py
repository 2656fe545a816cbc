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


@pytest.mark.parametrize(("text", "name", "role"), [
    ("The leader of the party, Ana Ruiz, condemned the vote, saying in a statement that it "
     "“will not stand.”", "Ana Ruiz", "leader"),
    ("A spokesman for the ministry, Tom Hale, rejected the claim, saying it was false.",
     "Tom Hale", "spokesman"),
])
def test_a_participle_s_subject_is_the_name_set_off_after_a_description(
        text: str, name: str, role: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.role) == (name, role)


def test_a_place_set_off_after_the_subject_is_not_a_name() -> None:
    [q] = extract_quotes("The ministry, in Paris, rejected the report, saying it was false.")
    assert q.speaker is not None and "Paris" not in q.speaker


@pytest.mark.parametrize("name", ["C. Eugene Steuerle", "J. Austin Hale"])
def test_a_first_initial_before_a_middle_name_is_part_of_the_name(name: str) -> None:
    # (the middle names are also places: they must not start the name)
    text = f"“Everything else is getting squeezed,” said {name}, a fellow at the institute."
    [q] = extract_quotes(text)
    assert q.speaker == name


@pytest.mark.parametrize("second", ["and added that", "but insisted that", "but insisted"])
def test_a_second_cue_of_the_same_subject_ends_the_first_clause_and_opens_its_own(second: str) -> None:
    text = f"Ana Ruiz said the plan had failed {second} progress had been made."
    assert _records(text) == [("Ana Ruiz", "indirect", "the plan had failed"),
                              ("Ana Ruiz", "indirect", "progress had been made")]


def test_a_verb_of_the_reported_clause_s_subject_after_and_stays_in_the_clause() -> None:
    text = "Ana Ruiz said the company fired her and denied her the pay."
    assert _records(text) == [("Ana Ruiz", "indirect", "the company fired her and denied her the pay")]


@pytest.mark.parametrize("opening", ["In Lisbon, ", "On Tuesday, ", ""])
def test_a_cue_after_a_verb_phrase_and_and_is_the_subject_s_past_an_opening_phrase(opening: str) -> None:
    text = f"{opening}Tom Hale condemned the attack and said the government was willing to help."
    assert _records(text) == [("Tom Hale", "indirect", "the government was willing to help")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Budget hawks have warned for years that a reckoning is coming.", "Budget hawks"),
    ("Local politicians acknowledged that they had not seen the threat.", "Local politicians"),
    ("Two politicians said the plan was dead.", "politicians"),  # (without the count)
])
def test_politicians_and_hawks_are_groups_that_speak(text: str, speaker: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (speaker, "anonymous")


def test_divulged_reports_a_clause_with_that_but_not_a_noun_phrase() -> None:
    assert _records("Officials divulged Thursday that the agency had allowed two visits.") == [
        ("Officials", "indirect", "the agency had allowed two visits")]
    assert _records("The report divulged the names of the agents.") == []


@pytest.mark.parametrize("frame", [
    "Tom Hale told reporters aboard the plane",
    "Tom Hale said of himself and his party",
    "Tom Hale said outside the court",
])
def test_a_frame_closed_by_where_or_of_whom_it_was_said_joins_the_quotes_around_it(frame: str) -> None:
    text = f"“It is over,” {frame}. “We go home.”"
    [q] = extract_quotes(text)
    assert (q.speaker, q.kind, [text[s:e] for s, e in q.parts]) == (
        "Tom Hale", "direct", ["It is over", "We go home."])


def test_a_long_narrative_after_the_frame_still_separates_the_quotes() -> None:
    text = ("“It is over,” Tom Hale said of the talks, which had dragged on for years and cost "
            "millions in fees. “We go home.”")
    assert len(extract_quotes(text)) == 2


@pytest.mark.parametrize("source", ["the Tourism Council, an industry body",
                                    "the Tourism Council, which represents hotels"])
def test_a_description_after_according_to_names_the_same_source(source: str) -> None:
    text = f"Tourism is critical to the economy, according to {source}."
    assert _records(text) == [("Tourism Council", "indirect", "Tourism is critical to the economy")]


@pytest.mark.parametrize("text", [
    "Although no group claimed responsibility, the attack raised fears that militants were back.",
    "Nobody claimed that the vote was rigged.",
    "None of the officials said the plan would fail.",
])
def test_a_subject_that_says_no_one_spoke_frames_nothing(text: str) -> None:
    assert _records(text) == []


def test_a_negation_elsewhere_in_the_sentence_leaves_the_subject_speaking() -> None:
    assert _records("No, the minister said, the plan would not fail.")[0][0] == "the minister"
    assert _records("Officials said no one was hurt.") == [("Officials", "indirect", "no one was hurt")]


_LISTED = """The interview ran long.

In a wide-ranging interview, President Ana Ruiz also said:

The treaty must stay in force to keep the peace

She is confident the deal will be passed by Congress

She would speak "bluntly" against corruption in Kenya

Ruiz lands in Kenya later on Friday."""


def test_list_items_after_a_cue_and_a_colon_are_the_speaker_s_reported_words() -> None:
    assert _records(_LISTED) == [
        ("Ana Ruiz", "indirect", "The treaty must stay in force to keep the peace"),
        ("Ana Ruiz", "indirect", "She is confident the deal will be passed by Congress"),
        ("Ana Ruiz", "mixed", 'She would speak "bluntly" against corruption in Kenya'),
    ]


def test_one_heading_after_a_cue_and_a_colon_is_no_list() -> None:
    assert _records("The minister said:\n\nKenya trip\n\nRuiz lands in Kenya later on Friday.") == []


def test_a_quote_after_a_sentence_whose_subject_has_a_title_set_off_is_that_person_s() -> None:
    text = ("Carl Novak, chairman of the budget council, once summed up the danger with a "
            "metaphor. “It is not the wolf at the door but termites in the woodwork.”")
    [q] = extract_quotes(text)
    assert (q.speaker, q.sieve) == ("Carl Novak", "lead")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Tom Hale ended the meeting by saying the vote was over.", "Tom Hale", "the vote was over"),
    ("The warning was about the rhetoric of the Unity party, which tried to rally support "
     "by saying that the polls were wrong.", "Unity", "the polls were wrong"),
])
def test_by_saying_reports_what_the_subject_or_the_relative_s_antecedent_said(
        text: str, speaker: str, content: str) -> None:
    assert _records(text) == [(speaker, "indirect", content)]


def test_by_arguing_to_someone_to_do_something_reports_no_clause() -> None:
    assert _records("Kate Lee responded by arguing to the judge to let the witness speak.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Many Americans say the economy is weak.", "Americans"),
    ("Some Democrats said that the bill would fail.", "Democrats"),
    ("Many Tunisians accuse the ministry of having been slow to act.", "Tunisians"),
])
def test_part_of_a_people_or_a_party_is_a_group_that_speaks(text: str, speaker: str) -> None:
    # (named without how many of it speak, as "most experts" is "experts")
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (speaker, "anonymous")


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz has repeatedly claimed, without evidence, that the count was rigged.",
     "the count was rigged"),
    ("Ana Ruiz said, however, that the talks would resume in May.", "the talks would resume in May"),
])
def test_an_aside_between_the_cue_and_that_leaves_the_clause_whole(text: str, content: str) -> None:
    assert _records(text) == [("Ana Ruiz", "indirect", content)]


def test_a_participle_after_an_opening_quote_takes_the_quoted_words_after_it() -> None:
    # The participle's clause is its own attribution, with its quoted words as parts: not a
    # fragment of the statement the sentence opened with, and not starting at "adding that".
    text = ("“No one is above the law,” Attorney General Ana Ruiz said in a statement Thursday, "
            "adding that the department would “follow the facts wherever they lead.”")
    assert _records(text) == [
        ("Ana Ruiz", "direct", "No one is above the law"),
        ("Ana Ruiz", "mixed", "the department would “follow the facts wherever they lead.”"),
    ]


@pytest.mark.parametrize(("text", "content"), [
    ("Pollution fell, but, according to Ana Ruiz, the tradeoff has been faster warming.",
     "the tradeoff has been faster warming"),
    ("The talks, according to Ana Ruiz, will resume on Monday.",
     "The talks, according to Ana Ruiz, will resume on Monday"),
    ("The talks will resume on Monday, according to Ana Ruiz.", "The talks will resume on Monday"),
])
def test_according_to_between_commas_takes_the_clause_it_sets_off(text: str, content: str) -> None:
    assert _records(text) == [("Ana Ruiz", "indirect", content)]


def test_according_to_with_a_description_after_it_is_no_clause() -> None:
    text = "The talks will resume on Monday, according to the Tourism Council, an industry body."
    assert _records(text) == [("Tourism Council", "indirect", "The talks will resume on Monday")]


def test_a_person_and_the_people_around_them_speak_as_one_group() -> None:
    text = ("James Hansen published a paper on Monday. Emissions cuts alone will not be enough, "
            "according to Hansen and his collaborators. Governments will have to impose carbon "
            "fees, they argue, adding it will also be necessary to study new methods.")
    assert _records(text) == [
        ("James Hansen and collaborators", "indirect", "Emissions cuts alone will not be enough"),
        ("James Hansen and collaborators", "indirect", "Governments will have to impose carbon fees"),
        ("James Hansen and collaborators", "indirect", "it will also be necessary to study new methods"),
    ]
    assert _records("Jane Roe and her lawyers said the ruling would be appealed.") == [
        ("Jane Roe and lawyers", "indirect", "the ruling would be appealed")]


def test_where_and_when_after_a_cue_do_not_split_one_statement() -> None:
    text = ("“We made a bargain,” Ana Ruiz said alongside other scientists in a webinar introducing "
            "her new paper on Nov. 2. “Now the first payment is due.”")
    [q] = extract_quotes(text)
    assert (q.speaker, q.kind, len(q.parts)) == ("Ana Ruiz", "direct", 2)


def test_a_participle_cue_with_a_noun_object_reports_nothing() -> None:
    text = "Such methods are controversial, with many researchers warning of unintended consequences."
    assert _records(text) == []


def test_what_something_was_called_ends_before_the_reason() -> None:
    text = "In 2015, Ana Ruiz labeled the agreement “a fraud” because it set no tax on fuel."
    assert _records(text) == [("Ana Ruiz", "mixed", "the agreement “a fraud”")]


def test_a_long_employer_and_trade_before_a_name_still_lead_the_next_pronoun() -> None:
    text = ("Pollution continues to rise.\n\nNASA Goddard Institute for Space Studies climatologist "
            "Gavin Schmidt likened the limit to a speed limit. “The faster you go, the more "
            "dangerous it is,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Gavin Schmidt"]


def test_the_report_is_the_author_the_text_gave_it_when_it_introduced_it() -> None:
    text = ("Warming of 4C is plausible by the end of the century, according to a 2014 report from "
            "the World Bank.\n\nIn starker language, the report said the impacts would be "
            "devastating for the tropics.\n\nTuesday’s report added nothing new, the report said.")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers[:2] == ["World Bank", "World Bank"]
    assert "Tuesday" not in speakers


def test_a_site_named_by_its_address_speaks_after_an_inverted_cue() -> None:
    text = ("Gmail addresses were cut off in China on Friday, said GreatFire.org, a freedom of "
            "speech group. The setback could make email harder for companies, said GreatFire.")
    assert _records(text) == [
        ("GreatFire.org", "indirect", "Gmail addresses were cut off in China on Friday"),
        ("GreatFire.org", "indirect", "The setback could make email harder for companies"),
    ]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Jane Roe is alleging the club's security was negligent.", "Jane Roe",
     "the club's security was negligent"),
    ("Lawmakers are arguing the bill goes too far.", "Lawmakers", "the bill goes too far"),
])
def test_a_progressive_cue_reports_a_clause_without_that(text: str, speaker: str, content: str) -> None:
    assert _records(text) == [(speaker, "indirect", content)]


def test_alleged_as_an_adjective_reports_nothing() -> None:
    assert _records("The alleged attacker fled the scene on foot.") == []


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Her lawyer John Doe said the case against her was weak.", "John Doe", "lawyer"),
    ("Their spokesman Tom Hale said the plan would work as intended.", "Tom Hale", "spokesman"),
    ("Hal Finney died in August, and his wife Fran says the extortion continued.", "Fran", "wife"),
])
def test_a_possessive_then_a_role_then_a_name_is_that_person(text: str, speaker: str, role: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.role, q.kind) == (speaker, role, "indirect")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("In private, U.S. officials admit the program has failed badly.", "U.S. officials",
     "the program has failed badly"),
    ("Critics argue the new law goes too far.", "Critics", "the new law goes too far"),
    ("Jane Roe pointed out that the law had never been tested in court.", "Jane Roe",
     "the law had never been tested in court"),
])
def test_present_plural_cues_and_pointed_out(text: str, speaker: str, content: str) -> None:
    assert _records(text) == [(speaker, "indirect", content)]


def test_pointed_out_without_a_clause_is_no_attribution() -> None:
    assert _records("He pointed out the window at the crowd below.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesperson of the North's committee handling inter-Korean affairs said Pyongyang has "
     "no intention of talking again.",
     "spokesperson of the North's committee handling inter-Korean affairs"),
    ("A spokesman for the committee that oversees the election said the count would resume.",
     "spokesman for the committee that oversees the election"),
])
def test_a_source_described_by_a_participle_or_a_relative_clause_is_the_whole_phrase(
        text: str, speaker: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker or "").removeprefix("A ").removeprefix("a ") == speaker
    assert q.kind == "indirect"


def test_the_statement_is_whoever_issued_it() -> None:
    text = ("Netanyahu’s office said in a statement that he had spoken with Biden. “The prime "
            "minister thanked the president,” the statement said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Netanyahu’s office"] * 2


def test_a_whole_quote_before_according_to_is_direct() -> None:
    assert _records("“The deal is close,” according to a person familiar with the matter.") == [
        ("a person familiar with the matter", "direct", "The deal is close")]


def test_a_possessive_noun_that_looks_like_a_cue_does_not_take_the_quote() -> None:
    text = ("In her ruling, Judge Tanya Chutkan wrote that the former president’s claims were "
            "“unpersuasive.”")
    assert _records(text) == [
        ("Tanya Chutkan", "mixed", "the former president’s claims were “unpersuasive.”")]


def test_the_subject_before_a_relative_clause_that_a_quote_closes_speaks_after_it() -> None:
    text = "Ana Ruiz, who called the inquiry a “witch hunt,” said she would appeal the verdict."
    assert _records(text) == [("Ana Ruiz", "mixed", "the inquiry a “witch hunt,”"),
                              ("Ana Ruiz", "indirect", "she would appeal the verdict")]
    assert _records("The senator, who called the bill “reckless,” voted against it on Tuesday.") == [
        ("the senator", "mixed", "the bill “reckless,”")]


def test_a_second_act_after_and_ends_the_reported_clause() -> None:
    assert _records("Ana Ruiz said the deal was “a historic step” and urged Congress to approve it.") == [
        ("Ana Ruiz", "mixed", "the deal was “a historic step”")]


def test_a_base_form_after_a_modal_reports_no_clause() -> None:
    text = ("Michael Tomlinson told Johnson he could just confirm the £100m paid this year and "
            "the £50m due next year.")
    assert [r[2] for r in _records(text)] == [
        "he could just confirm the £100m paid this year and the £50m due next year"]
    assert _records("He would not say the plan had failed completely.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Likud party said Arab voters were “coming out in droves.”", "Likud"),
    ("The Labour Party said the plan would fail badly.", "Labour Party"),
])
def test_a_lower_case_kind_of_body_is_not_part_of_the_name(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_participle_subject_runs_over_its_description_to_the_verb() -> None:
    text = ("A spokesperson of the North's committee handling inter-Korean affairs issued a "
            "statement Friday, saying Pyongyang has no intention to talk with Seoul again.")
    [q] = extract_quotes(text)
    assert q.speaker == "A spokesperson of the North's committee handling inter-Korean affairs"


def test_the_ags_complaint_is_the_attorney_generals() -> None:
    text = ("New York Attorney General Letitia James sued the company in 2022. The AG’s complaint "
            "alleges the company defrauded the bank by inflating its assets.")
    assert [q.speaker for q in extract_quotes(text)] == ["Letitia James"]
