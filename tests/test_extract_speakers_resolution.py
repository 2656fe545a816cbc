"""The resolved speaker (the name the inspector shows) when several people are in play: offices,
honorifics, first names after "Sir", spellings of one surname, names inside long runs of
capitalised words, pronouns and groups."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


def test_the_then_holder_of_an_office_is_the_person_named_before() -> None:
    text = ("Ada Brook tried to delay the new tests, papers show. In private notes the then "
            "prime minister said the tests would lower standards.")
    # ("papers show" after the first clause is a finding of its own: the papers' record)
    assert _speakers(text) == {"the tests would lower standards": "Ada Brook",
                               "Ada Brook tried to delay the new tests": "papers"}


def test_an_office_the_text_gave_someone_stays_theirs() -> None:
    # Tom Reed opens the sentence just before, but "the president" is who the text called so
    text = ("President Ana Cruz met the board on Monday. Tom Reed arrived late. The president "
            "said the budget was safe.")
    assert _speakers(text) == {"the budget was safe": "Ana Cruz"}


def test_an_honorific_after_a_common_noun_opens_the_name() -> None:
    text = "In a note to his letter Mrs Ada Brook said: “This is not a fair judgement.”"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ada Brook", "Mrs Ada Brook")


def test_a_known_first_name_ends_a_run_of_capitalised_role_words() -> None:
    text = ("Veteran Wall Streeter Charlotte Dunne has four tips. The biggest, writes Dunne, is "
            "\"it's always about communication.\"")
    assert set(_speakers(text).values()) == {"Charlotte Dunne"}


def test_a_run_of_first_names_is_kept_whole() -> None:
    text = "“We sail at dawn,” said John Paul Harker, the captain."
    assert _speakers(text) == {"We sail at dawn": "John Paul Harker"}


def test_a_full_name_given_only_inside_a_long_title_is_found() -> None:
    # (six capitalised words in a row: more than a name, so the surname is looked up alone)
    text = ('"Trade and Exchange Board Investor Advocate Rick Hollis said Tuesday he will push '
            'for more exams," reports Ted Vance.\n\n"Fraud is hard to detect," said Hollis.')
    assert _speakers(text)["Fraud is hard to detect"] == "Rick Hollis"


def test_one_surname_in_its_spellings_is_one_person() -> None:
    text = ("In April, Gerhard Möller, the prefect, quashed that hope. Moller criticised the "
            "choice of speakers. “This is a provocation,” Moeller said in scathing remarks.")
    assert _speakers(text)["This is a provocation"] == "Gerhard Möller"


def test_sir_and_a_first_name_is_the_full_name_it_opens() -> None:
    text = ("The plan was a public rebuke of Sir Keith Hollis, the education secretary. Sir Keith "
            "said that the new exam would be “clearer and fairer”. Mr Hollis wrote to her too.")
    assert set(_speakers(text).values()) == {"Keith Hollis"}


def test_a_pronoun_means_the_person_named_again_after_an_unnamed_source() -> None:
    text = ("Mrs Ana Brook said the plan was sound.\n\n“It is workable,” an official said.\n\n"
            "Mrs Brook had not, Mr Cole added, been impressed by the doubts.\n\n"
            "Later she agreed with Tom Hale. “I agree - go ahead,” she said.")
    assert _speakers(text)["I agree - go ahead"] == "Ana Brook"
    # with no one named again, "she" may still be the unnamed source
    alone = "“It is workable,” an official said.\n\nLater she agreed. “I agree - go ahead,” she said."
    assert _speakers(alone)["I agree - go ahead"] == "an official"


def test_a_group_is_named_without_its_possessive() -> None:
    text = 'The chief stepped down, but his lawyers maintain that the charges "are meritless."'
    assert list(_speakers(text).values()) == ["lawyers"]
    one = "Her spokesman said she was resting."
    assert list(_speakers(one).values()) == ["Her spokesman"]


def test_the_ministry_is_the_ministry_named_before() -> None:
    text = ("Officials at the Interior Ministry said the border was closed. The ministry said it "
            "would reopen soon.")
    assert _speakers(text)["it would reopen soon"] == "Interior Ministry"
    text = ("The Dallas Police Department said it would review the case. Later the department "
            "said officers acted properly.")
    assert _speakers(text)["officers acted properly"] == "Dallas Police Department"


def test_a_frame_that_ends_its_paragraph_with_a_colon_gives_the_next_paragraph_s_quote() -> None:
    signs_off = "The event is over.\n\nMcGregor signs off:\n\n“Everyone have a great day.”"
    assert _speakers(signs_off) == {"Everyone have a great day.": "McGregor"}
    placed = "Ana Cruz wrote on Twitter:\n\n“We are safe and back home.”"
    assert _speakers(placed) == {"We are safe and back home.": "Ana Cruz"}
    assert extract_quotes("McGregor signed off on the plan.") == []


def test_a_colon_after_a_person_s_clause_introduces_their_words() -> None:
    text = "Rishi Sunak faced questions. Sunak hit back: “Labour has no plan at all.”"
    assert _speakers(text) == {"Labour has no plan at all.": "Rishi Sunak"}
    listed = "Tom Reed listed his demands: “more pay”, “less work”."
    assert "more pay" not in _speakers(listed)


def test_a_quote_after_a_described_person_s_sentence_is_theirs() -> None:
    text = ("Keir Starmer, the Labour leader, asked about bills. Sunak said prices were falling.\n\n"
            "The Labour leader was unimpressed. “The prime minister is out of touch with families.”")
    assert _speakers(text)["The prime minister is out of touch with families."] == "Keir Starmer"


def test_a_source_is_named_without_the_outlet_that_met_them() -> None:
    text = "The hackers used phishing, according to a security expert interviewed by Reuters."
    assert list(_speakers(text).values()) == ["a security expert"]


def test_the_company_s_press_release_is_the_company() -> None:
    text = ("Aflac said the attack lasted hours. According to the company’s press release, customers "
            "are eligible for credit monitoring.")
    assert _speakers(text)["customers are eligible for credit monitoring"] == "Aflac"


def test_a_document_stands_for_its_owner_before_lower_case_words() -> None:
    text = "According to Aflac's press release describing the incident, any customer who calls is eligible."
    assert list(_speakers(text).values()) == ["Aflac"]


def test_a_description_inside_someone_s_quote_introduces_no_one() -> None:
    # "the man" is not "such a pious mujahid man", which is Tom Reed's own word for himself
    text = ("“They think I am such a pious mujahid man,” Tom Reed laughs.\n\nThat is the reason one "
            "vendor approaches the car. Ann Lee waves.\n\n“Will you all be my guests?” the man asks.")
    assert _speakers(text)["Will you all be my guests?"] != "pious mujahid man"


def test_a_description_never_spans_two_articles() -> None:
    text = ("That is the reason one man with a beard approaches the car.\n\n"
            "“Will you all be my guests?” the man asks.")
    assert _speakers(text) == {"Will you all be my guests?": "the man"}


def test_a_reported_question_is_what_was_asked() -> None:
    text = "Ann Cole (Lab) asked why the scheme had failed."
    [quote] = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("why the scheme had failed", "Ann Cole")
    assert extract_quotes("Reporters asked about the scheme.") == []


def test_the_company_is_the_name_that_opens_a_sentence_before() -> None:
    text = ("Brightwave blocked the bots. The company said it would charge AI firms. It added that "
            "publishers would decide.")
    assert set(_speakers(text).values()) == {"Brightwave"}
    person = "Tom Reed runs a bakery. Reed opened it in 2010. The company said sales were up."
    assert _speakers(person)["sales were up"] != "Reed"


def test_what_someone_is_accused_of_is_the_accuser_s_claim() -> None:
    text = "Sunak accused Starmer of having “no plan” for the economy."
    [quote] = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("Starmer of having “no plan” for the economy", "Sunak")
    assert extract_quotes("He was accused of fraud by the regulator.") == []
    assert extract_quotes("She accused him.") == []


def test_the_church_is_the_church_the_text_named_in_full() -> None:
    text = ("The Catholic Church released its report.\n\nIn 2009, the Church accused the nuns' group "
            "of “pushing radical feminist themes incompatible with the faith.”")
    assert list(_speakers(text).values()) == ["Catholic Church"]


def test_a_participle_s_subject_may_follow_an_opening_phrase() -> None:
    text = ("But in April, Gerd Hollis, the prefect, quashed that hope, insisting instead that the "
            "pope backed the report.")
    [quote] = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("the pope backed the report", "Gerd Hollis")
    assert extract_quotes("But the plan failed, saying nothing.") == []


def test_complaining_reports_speech_only_with_that() -> None:
    text = "Facebook users are complaining that their groups are being deleted without warning."
    [quote] = extract_quotes(text)
    assert (quote.text, quote.speaker) == ("their groups are being deleted without warning",
                                           "Facebook users")
    noun = "Ana Cole marked the note, complaining about his use of “an awful lot of high language”."
    assert [q.speaker for q in extract_quotes(noun)] in ([], [None])


def test_a_written_thing_that_said_is_its_sender_s_not_its_readers() -> None:
    text = ('Brightwave sent an email to its glasses users that said, in part, "camera use is always '
            'enabled on your glasses."')
    assert list(_speakers(text).values()) == ["Brightwave"]


def test_the_country_after_a_town_is_not_the_speaker() -> None:
    text = ("Reefs are in trouble. “The corals will not recover soon,” Lena Marsh of the "
            "University of Otago in Dunedin, New Zealand, said to reporters.")
    assert _speakers(text) == {"The corals will not recover soon": "Lena Marsh"}


def test_a_long_description_after_a_name_leaves_the_name_the_speaker() -> None:
    text = ("Tomas Ek, a marine biologist from the Polar Institute in Tromso, Norway, told "
            "reporters that the ice is thinning. He said that the boats are careful.")
    assert _speakers(text) == {"the ice is thinning": "Tomas Ek", "the boats are careful": "Tomas Ek"}


def test_a_center_is_an_organisation_that_writes_a_survey() -> None:
    text = "Voters back the plan, according to a recent Kerr Research Center survey."
    assert _speakers(text) == {"Voters back the plan": "Kerr Research Center"}


def test_an_organisation_is_shown_by_the_fuller_name_the_text_gives_it() -> None:
    text = ("A fire closed parts of Brookfield Regional Airport on Monday. Brookfield Airport said "
            "that flights were delayed. Hale Policy Center counts voters. According to the Hale "
            "Policy analysis, voters back the plan.")
    assert _speakers(text) == {"flights were delayed": "Brookfield Regional Airport",
                               "voters back the plan": "Hale Policy Center"}


def test_a_legal_form_the_text_writes_is_part_of_the_company_name() -> None:
    # the fullest name the text gives (docs/attribution-guideline.md)
    text = ("Jobs grew fast in May, according to a Marlow Analytics report. The firm, Marlow "
            "Analytics Inc, is based in Ohio.")
    assert _speakers(text) == {"Jobs grew fast in May": "Marlow Analytics Inc"}


def test_a_name_in_ordinary_capitals_that_opens_several_paragraphs_is_a_transcript_label() -> None:
    text = ("Rosa: We opened the bakery in May.\n\nTheo: It was hard at first.\n\n"
            "Rosa: Thanks, Theo.\n\nTheo: Sure.\n\nReference: a note at the end of the page.")
    assert _speakers(text) == {"We opened the bakery in May.": "Rosa", "It was hard at first.": "Theo",
                               "Thanks, Theo.": "Rosa", "Sure.": "Theo"}


def test_a_label_used_once_is_a_heading_not_a_speaker() -> None:
    text = "Background: The bakery opened in May and it was hard at first."
    assert _speakers(text) == {}


def test_a_first_name_or_its_short_form_is_the_person_the_text_names_in_full() -> None:
    text = ("Joe: My name is Joseph Ward and I served in the Navy.\n\n"
            "Ann: I met him in 2004, when he came home.\n\n"
            "Joe: It was a long road.\n\nAnn: Ann Kerr is my name, by the way.")
    assert set(_speakers(text).values()) == {"Joseph Ward", "Ann Kerr"}


def test_a_first_name_at_the_head_of_a_sentence_is_who_she_means() -> None:
    text = ("The police cleared the house, and Hal waited on the lawn. Fran worried that Hal might "
            "choke. “I was just panicking,” she says. Later Fran Finney spoke to us.")
    assert _speakers(text) == {"I was just panicking": "Fran Finney"}


def test_a_town_before_a_place_word_is_not_a_person() -> None:
    text = "The storm hit Boston Harbor. Boston closed its port. “It is bad,” she said."
    assert _speakers(text) == {"It is bad": None}


def test_a_sentence_adverb_is_not_a_first_name() -> None:
    text = "Apparently Lindsey’s posts were good. “It is here,” Lindsey wrote."
    assert _speakers(text) == {"It is here": "Lindsey"}


def test_an_alias_is_the_person_the_text_says_it_stands_for() -> None:
    text = ("“It is here,” Lindsey wrote. We then had an email interview with Carol Walker aka "
            "“Lindsey”, the writer.")
    assert _speakers(text) == {"It is here": "Carol Walker"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("A Western official said the talks had stalled. The official said no date was set.",
     "A Western official"),
    ("Con Edison officials said the blasts were caused by salt. The officials said crews had "
     "replaced the covers.", "Con Edison officials"),
    ("Analysts at Morgan Stanley said prices would rise. The analysts said demand was weak.",
     "Analysts at Morgan Stanley"),
])
def test_the_same_unnamed_source_named_again_with_the_article(text: str, speaker: str) -> None:
    assert {q.speaker for q in extract_quotes(text)} == {speaker}


def test_an_irregular_past_makes_a_reported_clause() -> None:
    assert [q.text for q in extract_quotes("Residents said the noise woke them up.")] == [
        "the noise woke them up"]
