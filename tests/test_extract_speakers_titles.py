"""Speaker phrases of political and government news: titles, employers, party tags and offices."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _one(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    [q] = extract_quotes(text)
    return q.speaker, q.speaker_kind, q.role, q.organisation


@pytest.mark.parametrize("text", [
    "Jane Roe, Google head of search, said the company would appeal.",
    "“We will appeal,” said Jane Roe, Google head of search.",
    "Jane Roe, Google's head of search, said the company would appeal.",
])
def test_employer_before_a_title_in_an_appositive_is_the_organisation(text: str) -> None:
    assert _one(text) == ("Jane Roe", "person", "head of search", "Google")


@pytest.mark.parametrize("text", [
    "Charlie Bell, Microsoft Vice President of Enterprise and OS Security, said the update fixed the flaw.",
    "“The flaw is fixed,” said Charlie Bell, Microsoft Vice President of Enterprise and OS Security.",
])
def test_capitalised_title_after_an_employer_is_not_the_speaker(text: str) -> None:
    assert _one(text) == ("Charlie Bell", "person", "Vice President of Enterprise and OS Security",
                          "Microsoft")


@pytest.mark.parametrize("text", [
    "Kevin Munoz, Biden campaign spokesman, said the debate was a win.",
    "“It was a win,” said Kevin Munoz, Biden campaign spokesman.",
])
def test_title_with_lower_case_modifiers_after_a_name_is_the_role(text: str) -> None:
    assert _one(text) == ("Kevin Munoz", "person", "Biden campaign spokesman", None)


def test_relative_clause_after_the_article_describes_the_name_before_it() -> None:
    text = ("Rep. Jim Jordan, the Ohio Republican who chairs the Judiciary Committee, said the "
            "subpoena would be issued.")
    assert _one(text)[:2] == ("Jim Jordan", "person")


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.mention) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Sen. Brent Calloway, R-Texas, blasted the bill on Tuesday. “This is a disaster,” the Texas "
     "Republican said.", "Brent Calloway"),
    ("Rep. Dana Holloway (D-Md.) questioned the witness for an hour. “You lied to this committee,” "
     "the Maryland Democrat said.", "Dana Holloway"),
    ("Rep. Jane Doe, a Michigan Democrat, voted against it. “It is a bad bill,” the Michigan "
     "Democrat said.", "Jane Doe"),
])
def test_the_state_and_party_stand_for_the_politician_tagged_so(text: str, name: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (name, "person")


def test_two_party_descriptions_follow_their_own_tags() -> None:
    text = ("Sen. Brent Calloway, R-Texas, and Sen. Carl Moody, D-Conn., clashed on Tuesday. “This "
            "is a disaster,” the Texas Republican said. “It is not,” the Connecticut Democrat said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Brent Calloway", "Carl Moody"]


def test_no_before_a_quotation_ends_the_sentence() -> None:
    [q] = extract_quotes("Jane Doe voted no. “It is a bad bill,” she said.")
    assert (q.speaker, q.kind, q.text) == ("Jane Doe", "direct", "It is a bad bill")


@pytest.mark.parametrize(("text", "name"), [
    ("Sen. Carl Moody spoke for an hour. “We will never stop fighting,” the senator from Vermont "
     "said.", "Carl Moody"),
    ("Rep. Beto Ruiz voted no. “We will never stop fighting,” the congressman from Texas said.",
     "Beto Ruiz"),
])
def test_where_a_politician_is_from_is_not_the_speaker(text: str, name: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (name, "person")


@pytest.mark.parametrize(("text", "name"), [
    ("A senator from Ohio said the bill was dead.", "A senator from Ohio"),
    ("A Democrat from Ohio said the bill was dead.", "A Democrat from Ohio"),
])
def test_an_unnamed_politician_from_a_state_is_one_source(text: str, name: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (name, "anonymous")


@pytest.mark.parametrize(("text", "name"), [
    ("The White House, in a statement, said the president had been briefed.", "White House"),
    ("Sen. Jon Tate, D-Mont., in a statement, said the vote was a win for veterans.", "Jon Tate"),
    ("Jane Roe, at a news conference on Tuesday, said the company would appeal.", "Jane Roe"),
])
def test_an_adverbial_between_commas_is_not_the_speaker(text: str, name: str) -> None:
    assert _speakers(text)[0][0] == name


@pytest.mark.parametrize(("text", "name", "role", "org"), [
    ("Attorney General Ana Lowell said the department would follow the facts.", "Ana Lowell",
     "Attorney General", None),
    ("Texas Attorney General Ken Marsh said the state would sue.", "Ken Marsh",
     "Texas Attorney General", "Texas"),
    ("Justice Department spokesman Paul Ferry said in a statement that the review was complete.",
     "Paul Ferry", "Justice Department spokesman", "Justice Department"),
    ("Homeland Security Secretary Ana Mayer told lawmakers that the border was secure.", "Ana Mayer",
     "Homeland Security Secretary", "Homeland Security"),
    ("Ohio Gov. Mike Dunne said the state would appeal.", "Mike Dunne", "Ohio Gov.", "Ohio"),
    ("Democratic Rep. Jane Doe of Michigan said the plan would hurt workers.", "Jane Doe",
     "Democratic Rep.", "Michigan"),  # (where the person is from, as "of" after a name gives)
    ("Former House Speaker Nora Pell said the party should unite.", "Nora Pell",
     "Former House Speaker", "House"),
    ("Senate Republican Leader Walter Quist said the chamber would adjourn.", "Walter Quist",
     "Senate Republican Leader", "Senate"),
])
def test_title_before_a_name_gives_role_and_organisation(text: str, name: str, role: str,
                                                        org: str | None) -> None:
    assert _one(text) == (name, "person", role, org)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The Supreme Court's ruling, written by the chief justice, said the law was void.",
     "Supreme Court", "organisation"),
    ("Judge Rosa Delgado's ruling said the law was unconstitutional.", "Rosa Delgado", "person"),
    ("A lawsuit filed by the ACLU alleges that the policy is unconstitutional.", "ACLU", "organisation"),
    ("The lawsuit alleges that the agency ignored its own rules.", "The lawsuit", "anonymous"),
])
def test_a_court_paper_stands_for_its_author_when_the_text_names_one(text: str, name: str,
                                                                      kind: str) -> None:
    assert _one(text)[:2] == (name, kind)


@pytest.mark.parametrize("text", [
    "Rod Hale told Fox News host Sean Brady that he would not debate.",
    "Rod Hale told ABC anchor Dana Fisk that he would not debate.",
])
def test_a_titled_addressee_after_told_is_not_the_clause(text: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.kind, q.text) == ("Rod Hale", "indirect", "he would not debate")


@pytest.mark.parametrize("text", [
    "“We need more agents,” Kelly told CNN's “State of the Union.”",
    "“We need more agents,” Kelly said on “Meet the Press.”",
])
def test_a_show_title_with_the_sentences_full_stop_inside_is_no_quote(text: str) -> None:
    assert [(q.speaker, q.kind, q.text) for q in extract_quotes(text)] == [
        ("Kelly", "direct", "We need more agents")]


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Cohen testified that Trump had approved the payment.", "Cohen", "testified"),
    ("Sen. Ann Tull, R-Ohio, asserted that the nominee had misled the panel.", "Ann Tull", "asserted"),
])
def test_testimony_cues_report_a_clause(text: str, name: str, cue: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.cue, q.kind) == (name, cue, "indirect")


def test_a_participle_cue_after_told_is_the_subjects() -> None:
    text = "“We are not asking that,” Prelogar told Alito, asserting that the interest was broad."
    assert {q.speaker for q in extract_quotes(text)} == {"Prelogar"}


def test_an_irregular_past_tense_makes_a_clause() -> None:
    [q] = extract_quotes("Smith said the strike hit a depot.")
    assert (q.speaker, q.text) == ("Smith", "the strike hit a depot")


def test_the_lawmaker_is_the_unnamed_one_another_sentence_introduced() -> None:
    text = ("A senior aide said the speaker had the votes. But another GOP lawmaker was less sure. "
            "“I don't know where the votes are,” the lawmaker said.")
    assert [q.speaker for q in extract_quotes(text)] == ["A senior aide", "GOP lawmaker"]


def test_a_surname_keeps_the_first_name_the_text_gave_it_before() -> None:
    text = ("Former President Donald Hale testified on Monday. “This is a very unfair trial,” Hale "
            "said. His brother, Eric Hale, said on the stand that he was not involved.")
    assert [q.speaker for q in extract_quotes(text)] == ["Donald Hale", "Eric Hale"]


def test_a_surname_quoted_first_still_takes_the_full_name_given_later() -> None:
    text = "“We will appeal,” Hale said. Donald Hale, the company's founder, said the case was weak."
    assert [q.speaker for q in extract_quotes(text)] == ["Donald Hale", "Donald Hale"]


@pytest.mark.parametrize("text", [
    "Alina Vell, another Hale attorney, said the case should never have been brought.",
    "“It is a sham,” said Alina Vell, another Hale attorney.",
])
def test_an_appositive_opening_with_another_is_the_role(text: str) -> None:
    assert _one(text)[:3] == ("Alina Vell", "person", "Hale attorney")


@pytest.mark.parametrize("text", [
    "Sen. Dale Vann, Hale's running mate, told Fox News that the former governor “did great.”",
    "Gov. Dale Vann, Harris' running mate, said on MSNBC that the team had won.",
    "Dale Vann, Harris' chief of staff, said the team had won.",
])
def test_an_owner_and_what_the_person_is_to_them_describe_the_name_before(text: str) -> None:
    assert _speakers(text)[0][0] == "Dale Vann"


@pytest.mark.parametrize(("text", "names"), [
    ("President Ana Ruiz and Vice President Tom Bell spoke in Atlanta. “We will win,” the vice "
     "president said. “We will fight,” the president said.", ["Tom Bell", "Ana Ruiz"]),
    ("Former President Dan Hale and President Ana Ruiz both spoke on Monday. “It is rigged,” the "
     "former president said. “It is not,” the president said.", ["Dan Hale", "Ana Ruiz"]),
    ("Prime Minister Ana Lee met Foreign Minister Tom Bell. “We are ready,” the prime minister said.",
     ["Ana Lee"]),
])
def test_a_modifier_before_the_head_makes_another_office(text: str, names: list[str]) -> None:
    assert [q.speaker for q in extract_quotes(text)] == names


@pytest.mark.parametrize("text", [
    "U.S. Secretary of State Tom Bell, speaking in Tokyo, said Washington wanted a pause.",
    "U.S. Secretary of State Tom Bell said Washington wanted a pause.",
])
def test_a_place_acronym_is_no_initial_before_a_surname(text: str) -> None:
    assert _one(text)[:3] == ("Tom Bell", "person", "U.S. Secretary of State")


def test_transcript_labels_may_carry_a_party_tag_or_a_role() -> None:
    text = ("JANE TULL, CNN ANCHOR: Senator, will you vote for the bill?\n\n"
            "SEN. DALE VANN (D-WV): I have not decided yet.\n\n"
            "SEN. ROD HALE (R-TEXAS): Do you believe the election was stolen?")
    assert [(q.speaker, q.role, q.text) for q in extract_quotes(text)] == [
        ("Jane Tull", None, "Senator, will you vote for the bill?"),
        ("Dale Vann", "Senator", "I have not decided yet."),
        ("Rod Hale", "Senator", "Do you believe the election was stolen?"),
    ]


def test_an_appositive_role_ends_at_its_relative_clause() -> None:
    text = "“Enough is enough,” said Maria Lopez, 54, a nurse from Phoenix who voted for Ruiz in 2020."
    assert _one(text) == ("Maria Lopez", "person", "nurse from Phoenix", None)


@pytest.mark.parametrize("text", [
    "Former President Dan Hale spoke on Monday. Hale said it was a witch hunt.",
    "The trial began on Monday. Hale said it was a witch hunt. Dan Hale is the nominee.",
    "Sen. Dan Hale spoke on the floor. Hale said it was time to act.",
])
def test_a_surname_the_text_gives_a_first_name_is_a_person_before_it(text: str) -> None:
    assert _one(text)[:2] == ("Dan Hale", "person")


def test_a_company_before_it_stays_a_company() -> None:
    text = "Tinder launched a new feature. Tinder said it would roll out the feature in May."
    assert _one(text)[:2] == ("Tinder", "organisation")


@pytest.mark.parametrize(("text", "name"), [
    ("Hale attacked Ruiz at a rally in New Hampshire. “She's not ready,” he said.", "Hale"),
    ("Vann met with Ruiz at the White House. After the meeting, he told reporters that the talks "
     "were productive.", "Vann"),
])
def test_a_pronoun_with_no_one_quoted_before_is_the_last_sentences_subject(text: str, name: str) -> None:
    assert _one(text)[:2] == (name, "person")


@pytest.mark.parametrize("text", [
    "The deal would cut costs, according to Rep. Jane Doe, D-Mich.",
    "The deal would cut costs, according to Rep. Jane Doe (D-Mich.).",
    "The deal would cut costs, according to Jane Doe, a Democrat from Michigan.",
])
def test_according_to_a_politician_with_a_party_tag_or_description(text: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.cue, q.text) == ("Jane Doe", "according to", "The deal would cut costs")


def test_when_asked_after_the_cue_is_no_reported_clause() -> None:
    text = ("“I don't think so,” Sen. Lisa Tull of Alaska said when asked whether she would support "
            "the nominee.")
    assert [(q.speaker, q.kind) for q in extract_quotes(text)] == [("Lisa Tull", "direct")]


def test_a_party_description_stands_for_the_person_the_sentence_before_named() -> None:
    text = "Mike Dunne took questions on Tuesday. “We have a plan,” the Louisiana Republican said."
    assert _one(text)[:2] == ("Mike Dunne", "person")


def test_the_party_nominee_is_the_candidate_just_quoted() -> None:
    text = ("“We're winning,” Hale told the crowd. The Republican nominee also said he would end the "
            "war in a day.")
    assert [q.speaker for q in extract_quotes(text)] == ["Hale", "Hale"]


def test_a_candidate_title_before_a_name_is_the_role() -> None:
    text = "Democratic presidential candidate Mary Vann said the party was rigging the primary."
    assert _one(text)[:3] == ("Mary Vann", "person", "Democratic presidential candidate")


@pytest.mark.parametrize(("text", "name"), [
    ("Martin Luther Hale III said the march was peaceful.", "Martin Luther Hale III"),
    ("Robert F. Vann Jr. said the vaccine was unsafe.", "Robert F. Vann Jr"),
])
def test_a_generational_suffix_ends_the_name(text: str, name: str) -> None:
    assert _one(text)[:2] == (name, "person")


def test_common_us_first_names_tell_he_from_she() -> None:
    text = "Mitt Dorn and Nikki Vale debated. “It is over,” Dorn said. “He is wrong,” she said."
    assert [q.speaker for q in extract_quotes(text)] == ["Mitt Dorn", "Nikki Vale"]


def test_a_weak_cue_after_a_subject_with_an_appositive_names_no_source() -> None:
    text = "Chief Justice John Hale, often the court's swing vote, suggested a narrower ruling."
    assert extract_quotes(text) == []


def test_a_weak_cue_closing_a_statement_still_attributes_it() -> None:
    [q] = extract_quotes("The vote was delayed until May, Kiran Stacey reports.")
    assert (q.speaker, q.text) == ("Kiran Stacey", "The vote was delayed until May")


def test_the_campaign_is_the_named_campaign_quoted_just_before() -> None:
    text = ("The Hale campaign said in a statement that the poll was fake. The campaign added that "
            "Hale was leading.")
    assert [q.speaker for q in extract_quotes(text)] == ["Hale campaign", "Hale campaign"]


def test_a_chamber_and_a_party_plural_is_a_group() -> None:
    assert _one("House Republicans said the vote would happen Friday.")[:2] == (
        "House Republicans", "organisation")


def test_a_quip_prompted_by_a_speaker_is_the_quippers() -> None:
    text = ("Hale said they were “very good” before launching into another attack that prompted "
            "Judge Ann Vell to quip the questioning sounded like a “broken record.”")
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Hale", "they were “very good”"),
        ("Ann Vell", "the questioning sounded like a “broken record.”"),
    ]


@pytest.mark.parametrize(("text", "content"), [
    ("Sen. Ann Tull, R-Ohio, said on Fox News Sunday that the deal was dead, but that talks could "
     "resume.", "the deal was dead, but that talks could resume"),
    ("Rod Hale told reporters as he left the White House that he was “not worried” about the polls.",
     "he was “not worried” about the polls"),
])
def test_the_reported_clause_is_whole(text: str, content: str) -> None:
    [q] = extract_quotes(text)
    assert q.text == content


def test_the_answer_is_the_person_named_before_the_question_when_nobody_else_was_quoted() -> None:
    text = ("President Ana Ruiz sat down with the radio station. Tom Vale asked her about the "
            "economy.\n\nQ: Are you worried about inflation?\n\nA: I am always worried about prices.")
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Tom Vale", "Q"), ("Ana Ruiz", "A")]


def test_the_title_means_the_person_the_sentence_before_named_when_introduced_so() -> None:
    text = ("Justice Samuel Hale pressed the lawyer. “What is the limit?” Hale asked. Justice Ann "
            "Vell pushed back. She said the history showed a different purpose. Later, Hale returned "
            "to the question. “You have not answered it,” the justice said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Samuel Hale", "Ann Vell", "Samuel Hale"]


def test_they_after_a_party_group_opening_the_sentence_before_is_that_group() -> None:
    text = ("Republicans on the panel disagreed. They said the evidence showed a pattern of "
            "corruption.")
    assert _one(text)[:2] == ("Republicans on the panel", "organisation")


@pytest.mark.parametrize(("text", "role"), [
    ("Senators Chris Coons and Thom Tillis said the measure would pass before the recess.", "Senators"),
    ("Jane Doe and John Smith said they would appeal the ruling.", None),
])
def test_two_people_named_in_full_speak_together(text: str, role: str | None) -> None:
    speaker, kind, got_role, _ = _one(text)
    assert (speaker, got_role) == (text.split(" said")[0].removeprefix("Senators "), role)
    assert kind == "anonymous"


def test_a_pronoun_after_two_people_named_together_is_both() -> None:
    text = ("Sens. Chris Coons and Thom Tillis, who wrote the bill, said it was fair. "
            "“We did our best,” they said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Chris Coons and Thom Tillis"] * 2



def test_a_two_word_office_resolved_from_its_introduction_keeps_both_words() -> None:
    text = ("Attorney General Letitia James sued the company in 2022. The attorney general said "
            "the case was strong.")
    [q] = extract_quotes(text)
    assert (q.speaker, q.role) == ("Letitia James", "attorney general")
