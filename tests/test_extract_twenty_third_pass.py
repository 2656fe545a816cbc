"""Who speaks, and how much they said, where the first pass over unseen news most often left a
quote without a speaker or gave a speaker a shorter name than the story does: a quote that goes
on after its frame's sentence and ends inside a sentence of the writer's, ways of saying the
cue list lacked, and a company's legal form."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


# -- a quote going on after the frame, ending inside the writer's sentence -------------------------

@pytest.mark.parametrize("tail", [" in the number of claimed sightings.", " espoused by the party.",
                                  ", a detail that fits the plot."])
def test_a_quote_after_the_frame_ending_inside_a_sentence_goes_on_with_the_statement(tail: str) -> None:
    text = ("“We cannot ignore the sightings that are there,” the official said. “We are doing "
            f"our best to find the origin, but there has been an over-reaction”{tail}")
    records = _records(text)
    assert len(records) == 1
    speaker, content = records[0]
    assert speaker == "the official"
    assert content.startswith("We cannot ignore") and content.endswith("over-reaction")


def test_a_quote_in_a_paragraph_of_its_own_is_no_continuation() -> None:
    # a heading quoting the words of the section after it, with its speaker after a colon
    text = ("“We are in a stronger position,” he says. “It matters a great deal.”\n\n"
            "‘The bank will stay on the sidelines next week’: Marlow Economics\n\n"
            "Marlow Economics director Ann Hale said rates would hold.")
    contents = [content for _, content in _records(text)]
    assert not any("sidelines" in c and "stronger" in c for c in contents)


def test_a_quote_ending_inside_a_sentence_with_no_frame_before_keeps_no_speaker() -> None:
    text = ("The campaign went on.\n\n“We will deliver the agenda to the American people” was "
            "printed on every poster.")
    assert all(speaker is None for speaker, _ in _records(text))


# -- ways of saying -------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["opines", "opined", "recounted", "confided", "speculated",
                                  "groused", "elaborated", "texted", "emailed", "protested"])
def test_more_speech_verbs_after_a_quote(verb: str) -> None:
    text = f"“Harris can probably rest easy despite the renewed debate,” Andy Martin {verb}."
    assert _records(text) == [("Andy Martin", "Harris can probably rest easy despite the renewed debate")]


def test_a_speech_verb_with_another_sense_needs_a_quote_or_that() -> None:
    # "sang" and "questioned" speak only next to a quote mark or before "that"
    text = "Ana Lopes sang a song at the rally. The police questioned a witness on Monday."
    assert _records(text) == []


def test_a_protest_before_that_is_reported_speech() -> None:
    text = "Ana Lopes protested that the vote had been rushed through without debate."
    assert _records(text) == [("Ana Lopes", "the vote had been rushed through without debate")]


# -- a company's legal form -----------------------------------------------------------------------

@pytest.mark.parametrize(("written", "quoted", "name"), [
    ("Boeing Co.", "the company", "Boeing Co."),
    ("Airbus SE", "Airbus", "Airbus SE"),
    ("Marlow Research Inc.", "Marlow Research", "Marlow Research Inc."),
])
def test_the_legal_form_the_text_writes_is_part_of_the_name(written: str, quoted: str, name: str) -> None:
    text = (f"The deal was signed with {written} on Monday.\n\n"
            f"“We look forward to working with the administration,” {quoted} said in a statement.")
    assert [speaker for speaker, _ in _records(text)] == [name]


def test_a_county_abbreviated_co_is_no_legal_form() -> None:
    text = ("The firm works with Co. Kerry farmers.\n\n"
            "“We are pleased with the harvest this year,” Mary Kerry said.")
    assert [speaker for speaker, _ in _records(text)] == ["Mary Kerry"]


def test_a_person_keeps_a_name_the_text_also_gives_a_company() -> None:
    text = ("Tom Ford Inc. opened a shop in Paris.\n\n"
            "“It is a proud day for all of us,” Mr. Tom Ford said.")
    assert [speaker for speaker, _ in _records(text)] == ["Tom Ford"]


# -- people described by kin, by a group's singular, and appositives with an adverb ---------------

@pytest.mark.parametrize("kin", ["grandson", "granddaughter", "stepfather", "son-in-law"])
def test_kin_of_a_named_person_after_a_name_is_a_description_of_it(kin: str) -> None:
    text = (f"“He was excited to turn 100, but he is more excited to vote,” Jason Hale, Jimmy "
            f"Carter’s {kin}, said at the event.")
    assert [speaker for speaker, _ in _records(text)] == ["Jason Hale"]


def test_kin_alone_speaks_as_an_unnamed_source() -> None:
    text = "“It was a shock to all of us,” the victim’s stepfather told reporters."
    assert [speaker for speaker, _ in _records(text)] == ["the victim’s stepfather"]


@pytest.mark.parametrize("adverb", ["also", "formerly", "now"])
def test_an_adverb_before_where_a_person_is_from(adverb: str) -> None:
    text = (f"“There is definitely a threat in that region,” Jon Rahbek-Clemmensen, {adverb} of the "
            "Royal Danish Defence College, told VOA.")
    assert [speaker for speaker, _ in _records(text)] == ["Jon Rahbek-Clemmensen"]


@pytest.mark.parametrize("who", ["voter", "viewer", "villager", "tourist", "commuter"])
def test_one_of_a_group_named_in_the_singular_speaks(who: str) -> None:
    text = f"“It is not a good thing for him to come back to the city,” said a {who}."
    assert [speaker for speaker, _ in _records(text)] == [f"a {who}"]


def test_how_an_unnamed_source_said_it_is_not_who() -> None:
    text = "“It is not a good thing for him to come back to the city,” said a netizen in one comment."
    assert [speaker for speaker, _ in _records(text)] == ["a netizen"]



# -- names with an Arabic article -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Bashar al-Assad said the talks would resume next week.", "Bashar al-Assad"),
    ("Syrian President Bashar al-Assad said the talks would resume next week.", "Bashar al-Assad"),
    ("Abdel Fattah el-Sisi told reporters the talks would resume next week.", "Abdel Fattah el-Sisi"),
    ("“The talks will resume next week,” said Abdel Fattah el-Sisi.", "Abdel Fattah el-Sisi"),
    ("President Abdel Fattah el-Sisi of Egypt said the talks would resume next week.",
     "Abdel Fattah el-Sisi"),
])
def test_a_name_with_an_arabic_article_is_a_name(text: str, speaker: str) -> None:
    assert [s for s, _ in _records(text)] == [speaker]


@pytest.mark.parametrize("later", ["al-Sudani", "Sudani"])
def test_a_surname_with_or_without_its_article_is_the_full_name_given_before(later: str) -> None:
    text = ("Iraqi Prime Minister Mohammed al-Sudani met the delegation on Monday.\n\n"
            f"“The talks will resume next week,” {later} said.")
    assert [s for s, _ in _records(text)] == ["Mohammed al-Sudani"]


def test_an_organisation_with_an_arabic_article_stays_an_organisation() -> None:
    text = "The al-Qaida group said the talks would resume next week."
    assert [s for s, _ in _records(text)] == ["al-Qaida"]


# -- who a "who" clause is about, and groups of war and migration news ----------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Refugees who have been waiting in Pakistan told VOA that they feared deportation.", "Refugees"),
    ("Afghan refugees who have been waiting in Pakistan for resettlement in the U.S. told VOA that "
     "they feared deportation.", "Afghan refugees"),
])
def test_people_before_a_who_clause_speak_not_the_place_it_ends_on(text: str, speaker: str) -> None:
    assert [s for s, _ in _records(text)] == [speaker]


@pytest.mark.parametrize("who", ["a migrant", "a detainee", "an evacuee", "a pilgrim"])
def test_people_of_war_and_migration_news_speak_unnamed(who: str) -> None:
    text = f"“We have nowhere to go now that the camp is closed,” {who} told reporters."
    assert [s for s, _ in _records(text)] == [who]


# -- names the first-name list does not know, and "Un" -------------------------------------------

@pytest.mark.parametrize("text", [
    "Luiz Inácio Lula da Silva said the talks would resume next week.",
    "Officials met on Monday.\n\nLuiz Inácio Lula da Silva said the talks would resume next week.",
    "Brazilian President Luiz Inácio Lula da Silva said the talks would resume next week.",
    "According to Luiz Inácio Lula da Silva, the talks will resume next week.",
])
def test_two_given_names_before_a_known_one_are_the_name(text: str) -> None:
    assert [s for s, _ in _records(text)] == ["Luiz Inácio Lula da Silva"]


@pytest.mark.parametrize("text", [
    "Commission Investor Advocate Rick Fleming said the talks would resume next week.",
    "Veteran Wall Streeter Charlotte Beyer said the talks would resume next week.",
])
def test_role_words_before_a_known_first_name_stay_a_role(text: str) -> None:
    speakers = [s for s, _ in _records(text)]
    assert speakers in (["Rick Fleming"], ["Charlotte Beyer"])


@pytest.mark.parametrize("appositive", [", North Korea's leader,", ", the North Korean leader,", ", 41,"])
def test_kim_jong_un_is_a_person_not_the_un(appositive: str) -> None:
    text = f"Kim Jong Un{appositive} said the talks would resume next week."
    records = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in records] == [("Kim Jong Un", "person")]


def test_the_un_in_capitals_is_still_the_organisation() -> None:
    text = "“The convoy reached the city on Monday,” the UN said."
    records = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in records] == [("UN", "organisation")]


# -- blogs that quote blogs and posts -------------------------------------------------------------

def test_a_block_quotation_may_end_on_a_mark_of_words_left_out() -> None:
    text = ("Marek Siwiec, a Polish politician, explained on his blog:\n\n"
            "[...] The boycott would isolate the country and harm its people. The political costs "
            "will be long lasting. [...]\n\nOthers disagree.")
    records = _records(text)
    assert [s for s, _ in records] == ["Marek Siwiec"]
    assert "political costs" in records[0][1]


def test_the_language_of_a_linked_page_after_a_cue_is_no_word_of_the_sentence() -> None:
    text = "Ana Lopes said [ru] that the plan would go ahead next year."
    assert _records(text) == [("Ana Lopes", "the plan would go ahead next year")]


def test_posts_copied_by_handle_under_a_lead_in_are_their_accounts() -> None:
    text = ("Netizens raised their voices to criticize the superstar:\n\n"
            "@BarryLikumahuwa Random country? Thanks, but we got the biggest jazz festival.\n\n"
            "@kartika_mariana don't judge my lovely country with word random. You are nothing "
            "without your fans here.\n\nOthers defended him.")
    assert [s for s, _ in _records(text)] == ["@BarryLikumahuwa", "@kartika_mariana"]


def test_a_paragraph_opening_with_a_handle_and_no_lead_in_is_narrative() -> None:
    text = "The account was suspended.\n\n@BarryLikumahuwa has posted a video of the protest on Monday."
    assert _records(text) == []


def test_a_body_named_by_who_runs_it_keeps_that_name() -> None:
    text = "The Hamas-run health ministry in Gaza said 20 people were killed."
    assert [s for s, _ in _records(text)] == ["Hamas-run health ministry in Gaza"]


def test_a_named_body_drops_where_it_is_based() -> None:
    text = "The Kurdish-led Syrian Democratic Forces said they had captured the town."
    assert [s for s, _ in _records(text)] == ["Syrian Democratic Forces"]


def test_a_compound_word_for_a_job_is_no_given_name() -> None:
    text = ("Not everyone agrees with the decision of the court. Videoblogger Daniel Fraga argues "
            "in this video that racial mixing is very high.")
    assert [s for s, _ in _records(text)] == ["Daniel Fraga"]


# -- block quotations in another language, with their translation --------------------------------

def test_a_block_in_chinese_and_its_translation_are_one_statement() -> None:
    text = ("Chu Ka Yu criticized the evangelist group for spreading a message [zh]:\n\n"
            "將社會分化，還要說是為了青年人好。我反對教會。\n\n"
            "Dividing society and saying it is for the good of young people. I oppose the Church.\n\n"
            "Others disagree.")
    records = _records(text)
    assert [s for s, _ in records] == ["Chu Ka Yu"]
    assert records[0][1].startswith("將社會分化") and records[0][1].endswith("I oppose the Church.")


def test_a_post_in_spanish_ending_on_a_hashtag_and_its_translation() -> None:
    text = ("Carlos Gutiérrez writes enthusiastically about his proposal for Medellín:\n\n"
            "Ojalá Campus Party 2013 sea en Medellín, estoy seguro que sería una buena plaza! #CPCO\n\n"
            "I hope Campus Party 2013 comes to Medellín, I am sure it would be a great place to hold "
            "it! #CPCO\n\nOthers disagree with the plan.")
    records = _records(text)
    assert [s for s, _ in records] == ["Carlos Gutiérrez"]
    assert records[0][1].startswith("Ojalá") and records[0][1].endswith("#CPCO")
    assert "Others disagree" not in records[0][1]


def test_an_english_block_in_the_third_person_takes_no_more_paragraphs() -> None:
    text = ("Ana Lopes writes:\n\nThe council has failed to deliver on its promises to the town.\n\n"
            "The council denies this and says the work will start in May.")
    records = _records(text)
    assert [c for s, c in records if s == "Ana Lopes"] == [
        "The council has failed to deliver on its promises to the town."]


@pytest.mark.parametrize("lead", [
    "Diana Galindo (@dianagalindob) makes a comparison [es] between the two events:",
    "Cari Isa Vanegas (@Caricilla) suggests [es] Barranquilla:",
    "Sebas R. Sarmiento (@sebas779) regrets [es] that the town hall cannot support the event:",
])
def test_a_named_lead_in_with_a_handle_introduces_a_post_and_its_translation(lead: str) -> None:
    text = (f"{lead}\n\nEn Barranquilla no tendríamos problema en recibir la Campus Party\n\n"
            "We would have no trouble welcoming the Campus Party in Barranquilla\n\nOthers disagree.")
    records = _records(text)
    speaker = lead.split(" (@")[0]
    assert [(s, c) for s, c in records if c.startswith("En Barranquilla")] == [
        (speaker, "En Barranquilla no tendríamos problema en recibir la Campus Party\n\n"
                  "We would have no trouble welcoming the Campus Party in Barranquilla")]


def test_a_paragraph_without_a_sentence_end_and_no_translation_is_no_block() -> None:
    text = "Officials listed three options:\n\nThe first option for the council\n\nOthers disagree."
    assert _records(text) == []


def test_comments_quoted_one_after_another_under_full_names() -> None:
    text = ("Comments poured in on Facebook:\n\n"
            "Miko Lucena: Call it desperate to regain economic strength. They need another "
            "source of income.\n\n"
            "Ed Dalisay: China has a bigger problem at home. Their economy is falling.\n\n"
            "Joseph Corpuz: We may not be strong as China but we can be self-reliant.\n\nThe row went on.")
    assert [s for s, _ in _records(text)] == ["Miko Lucena", "Ed Dalisay", "Joseph Corpuz"]


def test_picture_credits_under_names_are_no_comments() -> None:
    text = ("Tom Tancredo Image: US Congress, the official portrait.\n\n"
            "Thomas Knapp Image: Avens O'Brien, a photographer.\n\n"
            "Ron Gunzburger Image: Ron Gunzburger, his own.")
    assert _records(text) == []


def test_two_labelled_notes_in_the_third_person_are_no_comments() -> None:
    text = ("Thunder: F Hamidou Diallo missed his third game.\n\n"
            "Lakers: Visit the Thunder on Friday night.")
    assert _records(text) == []


@pytest.mark.parametrize("lead", [
    "Pierre De Vos explains why the ANC might lose their case:",
    "Carol Araullo advises the Aquino government to resolve the issue over the shoal without inviting "
    "foreign powers:",
    "Rieya Piscano comments on the ongoing war of words between nationalist netizens of the two countries:",
])
def test_a_lead_in_with_a_question_or_a_long_object_introduces_a_block(lead: str) -> None:
    text = f"{lead}\n\nWe must not allow the issue to become a pretext for anything.\n\nOthers disagree."
    speaker = " ".join(lead.split()[:3]) if lead.startswith("Pierre") else " ".join(lead.split()[:2])
    assert (speaker, "We must not allow the issue to become a pretext for anything.") in _records(text)


def test_a_reported_clause_ending_on_a_colon_introduces_no_block() -> None:
    text = ("Officials say there are three options for the council:\n\n"
            "The first is to wait for the courts to decide the case.\n\nOthers disagree.")
    assert [c for _, c in _records(text)] == ["there are three options for the council"]


def test_a_lead_in_by_a_first_name_alone_introduces_a_block() -> None:
    text = ("Ricky considers fear of the naked body to be un-African:\n\n"
            "Ma-K, I find this fear of nudity strange. It is not a uniquely European thing.\n\n"
            "Others disagree.")
    assert [s for s, _ in _records(text)] == ["Ricky"]


def test_a_lead_in_by_a_lone_place_name_introduces_no_block() -> None:
    text = ("Paris considers the plan to be a mistake:\n\n"
            "The rules must be followed by every member state without exception.\n\nOthers disagree.")
    assert _records(text) == []


def test_a_post_under_a_display_name_with_a_space_is_that_name_s() -> None:
    text = ("Netizens reacted on Weibo:\n\n"
            "@Liu Yadong [zh]: No matter whether its praise or criticism, it must be based on "
            "understanding.\n\n"
            "@Zhao Chu [zh]: Beijing Daily is a joke. They are a bunch of fools.\n\nThe row went on.")
    assert [s for s, _ in _records(text)] == ["Liu Yadong", "Zhao Chu"]


# -- found on the feed samples and earlier blog batches ------------------------------------------

def test_a_list_of_products_under_two_word_names_is_no_comment_thread() -> None:
    text = ("Amazon Pharmacy: Access to free two-day delivery and other savings on medications.\n\n"
            "Prime Video: Prime includes unlimited streaming of movies and shows.\n\n"
            "Prime Gaming: A perk that offers free video games and a channel subscription each month.\n\n"
            "Amazon Luna: A cloud gaming platform that offers new free games every month.")
    assert _records(text) == []


def test_a_colon_of_the_writer_s_next_sentence_introduces_no_block() -> None:
    text = ("Software engineer Stijn Spanhove recently posted a concept video of ad-blocking glasses, "
            "and I really want it. Check it out:\n\n"
            "This Tweet is currently unavailable. It might be loading or has been removed.\n\n"
            "The idea is simple.")
    assert _records(text) == []


def test_a_lead_in_after_another_sentence_of_its_paragraph_introduces_the_block() -> None:
    text = ("Bloggers call it a landslide, the paper said.  Rick Lowe at Weblog Bahamas gave a quick "
            "overview of the results:\n\nReports are the party has won at least 27 of the 38 seats and "
            "will form the new government.\n\nOthers disagree.")
    assert ("Rick Lowe", "Reports are the party has won at least 27 of the 38 seats and will form the "
            "new government.") in _records(text)


def test_a_surname_named_in_full_before_leads_in_a_block() -> None:
    text = ("Aleksei Navalny was named on the list.\n\nNavalny quoted the text of another tweet, altering "
            "the final line:\n\nOfficials have been in contact and promise to approve the march within an "
            "hour.\n\nOthers disagree.")
    assert [s for s, c in _records(text) if c.startswith("Officials have been")] == ["Aleksei Navalny"]
