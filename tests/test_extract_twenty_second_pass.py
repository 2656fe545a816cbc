"""Who speaks, as the story names them, in constructions that fail most on unseen news: a
document quoted after its verb ("“…,” read the ruling") and one the text introduced with a verb
("the United Nations reported …"), a group whose lower-case modifiers open the sentence, and a
person joined to a group by "and" and named by surname alone."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


# -- a document after "read" -----------------------------------------------------------------------

def test_a_quotation_followed_by_read_and_a_document_is_the_documents() -> None:
    text = ("Data case\n\nThe court published its decision on Monday.\n\n"
            "“The transfer of data violates the law,” read the ruling.")
    assert _records(text) == [("the ruling", "The transfer of data violates the law")]


def test_reads_before_a_document_with_an_aside_is_the_documents() -> None:
    text = ("Senators write to the FBI\n\nThe senators sent a letter to the FBI on Monday.\n\n"
            "“We are deeply concerned,” reads the letter, signed by 12 senators.")
    assert [t for _, t in _records(text)] == ["We are deeply concerned"]
    assert _speakers(text)[0] is not None


def test_read_before_a_person_is_no_cue() -> None:
    text = "Books\n\n“I loved it,” read the boy, who had a new book."
    assert _speakers(text) == []


def test_a_document_piece_in_a_newspaper_is_the_newspapers() -> None:
    text = ("Seoul reacts\n\n“The election heralds a tectonic shift,” read a recent opinion piece in "
            "the prominent Hankyoreh newspaper.")
    assert _speakers(text) == ["Hankyoreh"]


# -- a document the text introduced with its verb --------------------------------------------------

def test_the_report_of_a_body_that_reported_is_that_body() -> None:
    text = ("Afghanistan\n\nRubio’s comments came days after the United Nations reported that "
            "al-Qaida operatives continued to find shelter across Afghanistan.\n\n"
            "“The Taliban have maintained a permissive environment,” read the report.")
    assert _speakers(text) == ["United Nations", "United Nations"]


def test_the_ruling_of_a_court_that_ruled_is_the_courts() -> None:
    text = ("Facebook loses\n\nThe European Court of Justice ruled on Thursday that Facebook must "
            "remove the posts.\n\nAccording to the ruling, a host must remove re-posts as well.")
    assert _records(text) == [("European Court of Justice", "a host must remove re-posts as well")]


def test_a_report_introduced_by_its_noun_keeps_that_introduction() -> None:
    # the noun came first ("An internal report …"): a later "reported" by others is not its author
    text = ("Schools\n\nAn internal report on last year's shutdown reveals serious problems.\n\n"
            "Cafeteria staff reported that the doors were locked.\n\n"
            "“It would have been prudent to brief other staff,” the report concludes.")
    assert _speakers(text)[-1] != "Cafeteria staff"


# -- groups whose modifiers open the sentence ------------------------------------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Foreign policy analysts said the deal was weak.", "Foreign policy analysts"),
    ("Independent election experts said the count was done.", "Independent election experts"),
    ("Free speech advocates said the ban was wrong.", "Free speech advocates"),
    ("Most mainstream economists say tariffs raise prices.", "mainstream economists"),
    ("Google engineers said the model was safe.", "Google engineers"),
])
def test_a_group_keeps_the_modifiers_that_open_its_sentence(sentence: str, speaker: str) -> None:
    assert _speakers(f"Title\n\nThe talks ended. {sentence}") == [speaker]


@pytest.mark.parametrize("sentence", [
    "However analysts said the deal was weak.",
    "Meanwhile local officials said the road was closed.",
    "Today angry residents said the road was closed.",
])
def test_a_connective_or_time_word_is_no_modifier_of_the_group(sentence: str) -> None:
    speaker = _speakers(f"Title\n\nThe talks ended. {sentence}")[0]
    assert speaker is not None and speaker.split()[0].lower() not in ("however", "meanwhile", "today")


def test_a_clause_opener_before_a_group_keeps_the_clause() -> None:
    text = ("Uzbekistan\n\nMeanwhile, experts in Tashkent support the approach. As officials have "
            "said, Uzbekistan will engage with whoever governs Afghanistan.")
    assert ("officials", "Uzbekistan will engage with whoever governs Afghanistan") in _records(text)


# -- a person and a group ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Budget deal\n\nGov. Eric Holcomb met lawmakers on Monday.\n\n"
     "Holcomb and GOP legislative leaders said the budget would pass.",
     "Eric Holcomb and GOP legislative leaders"),
    ("Drones\n\nGov. Phil Murphy met police on Monday.\n\n"
     "Murphy and law enforcement officials said the threat was low.",
     "Phil Murphy and law enforcement officials"),
])
def test_a_surname_and_a_group_is_the_person_in_full_and_the_group(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_surname_the_text_never_names_in_full_is_not_expanded() -> None:
    text = "Budget deal\n\nHolcomb and GOP legislative leaders said the budget would pass."
    assert _speakers(text)[0] != "Eric Holcomb and GOP legislative leaders"


def test_an_acronym_opens_a_group_after_and() -> None:
    text = "Vote\n\nThe bill passed, and GOP leaders said it was fine."
    assert _speakers(text) == ["GOP leaders"]


# -- bodies, pairs and outlets ----------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "speaker"), [
    ("Authorities in Florida", "Authorities in Florida"),
    ("Police in Ohio", "Police in Ohio"),
    ("Health authorities in Florida", "Health authorities in Florida"),
])
def test_a_body_of_people_in_a_place_is_no_person_named_for_the_place(phrase: str, speaker: str) -> None:
    text = f"Storm\n\nThe storm hit. {phrase} said Friday that it was bad."
    assert _speakers(text) == [speaker]


def test_a_clause_opener_is_not_part_of_a_group_in_a_place() -> None:
    text = "Storm\n\nThe storm hit, when authorities in Beijing said it was bad."
    assert _speakers(text) == ["authorities in Beijing"]


def test_two_surnames_one_named_with_initials_are_both_in_full() -> None:
    text = ("Clash\n\nU.S. President Donald Trump and Vice President JD Vance met Zelenskyy.\n\n"
            "Both Vance and Trump accused the Ukrainian leader of not being thankful for the aid.")
    assert _speakers(text) == ["JD Vance and Donald Trump"]


def test_a_firm_named_for_two_founders_is_no_pair() -> None:
    text = "Soap\n\nShoppers like Procter and Gamble. Procter and Gamble said sales rose."
    assert "Procter" not in " ".join(s or "" for s in _speakers(text)).replace("Procter and Gamble", "")


def test_a_body_is_not_the_longer_body_named_after_it() -> None:
    text = ("Press\n\nThe White House Correspondents' Association said the move was wrong.\n\n"
            "In its statement after the hearing, the White House said, \"We stand by our decision.\"")
    assert _speakers(text) == ["White House Correspondents' Association", "White House"]


def test_a_short_name_is_still_the_longer_name_the_text_gives_it() -> None:
    text = ("Poll\n\nThe Pew Research Center published the survey.\n\n"
            "Pew Research said most adults use the internet daily.")
    assert _speakers(text) == ["Pew Research Center"]


def test_the_news_agency_is_the_agency_named_before() -> None:
    text = ("Deal talks\n\nReuters reported the deal on Monday. The ministry denied it.\n\n"
            "The news agency said it stood by its reporting.")
    assert _speakers(text) == ["Reuters"]


def test_a_document_by_a_body_named_after_its_kind_is_the_bodys() -> None:
    text = ("Tariffs\n\nAccording to an analysis by the research firm Rhodium Group, Chinese companies "
            "invested $2.72 billion in the automotive sector.")
    assert _speakers(text) == ["Rhodium Group"]


# -- whom "he" and "she" and a description mean -----------------------------------------------------

def test_he_after_a_new_subject_is_that_subject_not_the_object() -> None:
    text = ("Race\n\n“I am proud,” said Joe Biden.\n\nWednesday, the same day that he dropped out, "
            "Michael Bloomberg endorsed his former rival, Joe Biden. \"Three months ago,\" he said, "
            "\"I entered the race.\"")
    assert _speakers(text) == ["Joe Biden", "Michael Bloomberg"]


def test_he_with_no_one_quoted_is_the_last_subject_not_the_last_name() -> None:
    text = ("Race\n\nMichael Bloomberg spent heavily.\n\nWednesday, the same day that he dropped out, "
            "Bloomberg endorsed his former rival, Joe Biden. \"Three months ago,\" he said, "
            "\"I entered the race.\"")
    assert _speakers(text) == ["Michael Bloomberg"]


def test_he_after_the_speaker_named_again_as_subject_stays_the_speaker() -> None:
    text = ("Race\n\n“I am proud,” said Joe Biden.\n\nOn Wednesday Biden thanked Michael Bloomberg. "
            "\"Three months ago,\" he said, \"nobody knew me.\"")
    assert _speakers(text) == ["Joe Biden", "Joe Biden"]


def test_a_description_opening_the_sentence_after_a_heading_is_the_person_named() -> None:
    text = ("CPAC\n\nLiz Truss, former British prime minister\n\nThe former Conservative Party leader "
            "made her second CPAC appearance on Wednesday. \"We want a revolution in Britain,\" she said.")
    assert _speakers(text) == ["Liz Truss"]


def test_a_description_after_a_sentence_about_another_such_person_is_not_the_person_named() -> None:
    text = "Budget\n\nTom Hale met the governor on Monday. The governor said the budget was fine."
    assert _speakers(text) == ["the governor"]


def test_a_post_named_with_its_body_is_not_the_person_named_before() -> None:
    text = ("Election\n\nThe video had been altered to show Keir Starmer failing to answer, when in fact "
            "he responded quickly. The chairman of the Conservative Party described the video as "
            "satire.")
    assert "Keir Starmer" not in _speakers(text)


def test_a_name_before_a_possessive_is_the_person_without_it() -> None:
    text = ("Hegseth\n\nCritics raised concerns about Pete Hegseth's lack of a managerial background. "
            "The Pentagon chief would oversee two million troops.\n\nSome critics have raised "
            "concerns about a tattoo on Hegseth's chest, which he said was a Christian symbol.")
    assert _speakers(text) == ["Pete Hegseth"]


def test_a_description_after_a_byline_is_not_the_reporter() -> None:
    assert _speakers("Simon Hale\n\nThe mayor said the road would reopen on Friday.") == ["the mayor"]


def test_he_after_a_silent_subject_stays_the_speaker() -> None:
    text = "“We are done,” Sen. Tom Hale said. Robert Mueller declined to comment. “This is over,” he added."
    assert _speakers(text) == ["Tom Hale", "Tom Hale"]


# -- from the fresh batches: verbs, short names, kinds, appositives and occasions -------------------

def test_a_verb_opening_the_sentence_is_no_first_name() -> None:
    text = ("Moving Trump’s inauguration indoors means most guests won’t see the ceremony\n\n"
            "Moving the inauguration of President-elect Donald Trump indoors means guests will not "
            "attend.\n\n\"I don’t want to see people hurt,\" Trump said.")
    assert _speakers(text) == ["Donald Trump"]


def test_a_given_name_in_ing_stays_a_given_name() -> None:
    text = ("Music\n\nSterling Manning said the show was over. Rising star Channing Tatum said the "
            "band was back.")
    assert _speakers(text) == ["Sterling Manning", "Channing Tatum"]


def test_a_short_name_the_text_says_a_body_is_known_as_is_that_body() -> None:
    text = ("Fires\n\nThe Palisades Fire was 43% contained, according to the California Department "
            "of Forestry and Fire Protection, known as Cal Fire.\n\nThe Eaton Fire was 73% contained, "
            "according to Cal Fire.")
    assert _speakers(text)[-1] == "California Department of Forestry and Fire Protection"


def test_an_agency_named_after_its_kind_is_its_name() -> None:
    text = ("Fires\n\nThe department's liability will depend on the lines, according to the credit "
            "rating agency Moody’s.")
    assert _speakers(text) == ["Moody’s"]


@pytest.mark.parametrize("lead", ["then-Attorney General William Barr", "William Barr"])
def test_an_appositive_opening_with_an_adverb_describes_the_name_before(lead: str) -> None:
    text = f"Patel\n\nTrump named Patel, but {lead}, now a Trump critic, said the appointment would fail."
    assert _speakers(text) == ["William Barr"]


def test_a_source_briefing_reporters_somewhere_is_the_source() -> None:
    text = ("G20\n\nA senior administration official briefing reporters in Rio told VOA they are "
            "“working full speed” to get the loan disbursed.")
    assert _speakers(text) == ["A senior administration official"]


# -- names with where they work, names after a post, nouns that look like cues ----------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Protest\n\nHowever, as Jerome Ross from Roar Magazine wrote the night before, \"Frankfurt is "
     "on lock-down.\"", "Jerome Ross"),
    ("Jobs\n\nDavid Watt of Rosenberg Research & Associates Inc. said that the economy is barely "
     "scraping by.", "David Watt"),
    ("Shops\n\nIn a News.com.au report, Dr Gary Mortimer, retail expert from Queensland University of "
     "Technology, said the stores fill the stock every night.", "Gary Mortimer"),
])
def test_a_person_named_with_where_they_work_is_the_person(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_firm_named_with_an_ampersand_stays_whole_before_its_appositive() -> None:
    text = ("Ads\n\nJeff Sanborn, president of Chapter & Verse, a Spokane advertising agency, said he "
            "thought the campaign was meant to raise eyebrows.")
    assert _speakers(text) == ["Jeff Sanborn"]


def test_according_to_a_post_then_the_name_between_commas_is_the_person() -> None:
    text = ("Crash\n\nAccording to Windsor Locks' first selectman, Chris Kervick, there were ten "
            "passengers aboard the aircraft.")
    assert _records(text) == [("Chris Kervick", "there were ten passengers aboard the aircraft")]
    text = "Crash\n\nAccording to the mayor, John Smith was driving the car."
    assert _speakers(text) == ["the mayor"]


def test_a_cue_word_after_a_possessive_is_a_noun() -> None:
    text = ("Hegseth\n\nA woman accused Hegseth in 2017.\n\nParlatore told The Washington Post that "
            "Hegseth settled the woman’s claim a few years later.")
    assert _records(text)[-1] == ("Parlatore", "Hegseth settled the woman’s claim a few years later")


def test_a_company_named_in_the_possessive_still_speaks() -> None:
    text = "Fires\n\nBut Moody’s said the utility’s lines will not hurt its finances."
    assert _speakers(text) == ["Moody’s"]


def test_a_clause_opening_with_this_and_a_noun_is_what_was_said() -> None:
    text = "Iran\n\nAlinejad said this indictment confirms the lengths the government will go to."
    assert _records(text)[0] == ("Alinejad", "this indictment confirms the lengths the government will go to")


# -- coordinated verbs and subjects that open with a pronoun -----------------------------------------

def test_a_second_verb_after_an_object_is_the_sentence_subjects() -> None:
    text = ("Trump\n\nShortly after his inaugural speech, Trump spoke to a smaller group of supporters "
            "at the Capitol and reiterated claims that the 2020 election was \"totally rigged.\"")
    assert _speakers(text) == ["Trump"]


def test_a_name_ending_in_ly_opening_a_sentence_is_no_adverb() -> None:
    text = ("Penny\n\nNeely, whom Yoran said was homeless, entered the subway train on May 1, threw his "
            "coat to the ground and told the riders he was hungry and wanted to return to jail.")
    assert _records(text)[-1] == ("Neely", "he was hungry and wanted to return to jail")


def test_a_clause_whose_subject_opens_with_a_pronoun_stays_whole() -> None:
    text = ("Trump\n\nBefore noon Wednesday, Trump announced that he and Russian President Vladimir "
            "Putin had agreed, by phone, to \"immediately\" begin negotiations.")
    assert _speakers(text)[0] == "Trump"
    assert _records(text)[0][1].startswith("he and Russian President Vladimir Putin had agreed")


# -- initials, datelines, accounts and interviewers ---------------------------------------------------

def test_initials_end_no_sentence_before_a_body_that_issued_a_document() -> None:
    text = ("Gaza\n\nThe U.N. Conference on Trade and Development released a report on Tuesday. The "
            "report said even if the war ended tomorrow, it could take years to recover.")
    assert _speakers(text) == ["U.N. Conference on Trade and Development"]


def test_a_dateline_opens_no_sentence_with_a_person() -> None:
    text = ("New Orleans\n\nNEW ORLEANS — Less than a week after the attack, residents are moving "
            "forward. \"We’ve been through this before,\" he said.")
    assert _speakers(text) != ["NEW ORLEANS — Less"]
    text = "Washington\n\nWASHINGTON — Senator Tom Hale criticized the plan. \"It is a mistake,\" he said."
    assert _speakers(text) == ["Tom Hale"]


def test_an_account_is_its_tellers() -> None:
    text = "Afghanistan\n\nBy mid-August, $575,000 had been allocated, according to Tobin’s account."
    assert _speakers(text) == ["Tobin"]


def test_a_countrys_news_of_a_kind_is_no_country() -> None:
    text = "Missiles\n\nAccording to U.S. news accounts, the missiles were sent last week."
    assert _speakers(text) != ["U.S."]


@pytest.mark.parametrize("intro", [
    "In an interview with VOA's Patsy Widakuswara, Kirby spoke about the war.",
    "VOA White House bureau chief Patsy Widakuswara spoke with John Kirby about the war.",
])
def test_an_outlet_s_turns_are_its_interviewer_s(intro: str) -> None:
    text = (f"Interview\n\n{intro}\n\nVOA: Do you support Israeli demands?\n\n"
            "Kirby: We support Israel's right to defend itself.")
    assert _speakers(text)[0] == "Patsy Widakuswara"


def test_an_outlet_s_turns_with_no_interviewer_named_are_the_outlet_s() -> None:
    text = ("Interview\n\nJohn Kirby spoke about the war.\n\nVOA: Do you support Israeli demands?\n\n"
            "Kirby: We support Israel's right to defend itself.")
    assert _speakers(text)[0] == "VOA"


# -- offices, documents from several bodies ------------------------------------------------------------

def test_an_office_the_last_speaker_was_never_given_is_not_theirs() -> None:
    text = ("Ukraine\n\nRussia’s military said air defense units had downed four missiles. Trump said "
            "the war must end. The regional governor said the strikes had damaged a building.")
    assert _speakers(text)[-1] != "Trump"


@pytest.mark.parametrize("named", ["said Gov. Eric Holcomb", "said Eric Holcomb, the state's governor"])
def test_an_office_the_last_speaker_was_given_is_theirs(named: str) -> None:
    text = f"Budget\n\n“The budget is done,” {named}. The governor said the state would save money."
    assert _speakers(text) == ["Eric Holcomb", "Eric Holcomb"]


def test_a_description_with_a_name_set_off_after_it_is_that_person() -> None:
    text = ("Haley\n\nThe daughter of immigrants from India, Ms. Haley favored free markets. During the "
            "campaign, she said it was time for a change.")
    assert _speakers(text) == ["Haley"]


def test_documents_from_two_bodies_are_both_bodies() -> None:
    text = "Influence\n\nThe reports from Microsoft and Recorded Future warn Beijing is not alone."
    assert _speakers(text) == ["Microsoft and Recorded Future"]


# -- owners, party labels, places and bodies with minor words ------------------------------------------

def test_a_surname_after_an_acronym_owner_is_the_person() -> None:
    text = ("Syria\n\nSinam Mohamad leads the SDC office. “They are trying to stop the fighting,” the "
            "SDC’s Mohamad said.")
    assert _speakers(text) == ["Sinam Mohamad"]


def test_a_company_named_in_the_possessive_keeps_its_name() -> None:
    text = "Moody\n\nMoody’s Analytics said the lines will not hurt the utility’s finances."
    assert _speakers(text) == ["Moody’s Analytics"]


def test_a_party_before_a_name_is_a_role() -> None:
    text = "Somali\n\n“I don’t support Biden and Harris,” said Democrat Nimo Ahmed."
    assert _speakers(text) == ["Nimo Ahmed"]


def test_a_person_in_a_place_is_the_person() -> None:
    text = ("Jordan\n\nAnalyst Osama Al Sharif in Amman said he believes Trump will pressure Netanyahu to "
            "end the conflicts.")
    assert _speakers(text) == ["Osama Al Sharif"]
    assert _speakers("Votes\n\nSupporters of Donald Trump in Ohio said the vote was fair.") \
        == ["Supporters of Donald Trump in Ohio"]


def test_a_document_of_a_body_with_minor_words_is_the_bodys() -> None:
    text = ("Knox\n\nKnox appealed after a European Court of Human Rights ruling that said her rights "
            "had been violated.")
    assert _speakers(text) == ["European Court of Human Rights"]


def test_a_clause_of_place_inside_the_sentence_has_its_own_subject() -> None:
    text = ("Vote\n\nThe race is tight in seven political battleground states, where surveys show the "
            "two candidates are within 2 percentage points.")
    assert _speakers(text) == ["surveys"]


def test_a_named_team_keeps_the_name_that_opens_it() -> None:
    text = ("Energy\n\nIn a statement, the Trump-Vance transition team said Steven Cheung will return "
            "to the White House.")
    assert _speakers(text) == ["the Trump-Vance transition team"]


def test_a_generation_suffix_after_a_comma_is_no_speaker() -> None:
    text = ("FEMA\n\nMichael A. Coen, Jr., who served as chief of staff at FEMA, said Trump has been "
            "“misinformed” about the agency.")
    assert _speakers(text) == ["Michael A. Coen"]


def test_a_month_after_a_body_is_when_not_where() -> None:
    text = ("Pakistan\n\nMore than 44,000 Afghans live in Pakistan, according to Pakistan’s Foreign "
            "Office in July.")
    assert _speakers(text) == ["Pakistan’s Foreign Office"]
    text = ("Visas\n\nThe embassy said the visas were late. The US Embassy in New Delhi said they would "
            "come.")
    assert _speakers(text)[-1] == "US Embassy in New Delhi"


# -- pairs of people ---------------------------------------------------------------------------------

def test_a_pair_is_named_without_the_appositive_after_it_and_is_no_he() -> None:
    text = ("SoftBank\n\nIn a joint appearance Monday morning, President-elect Donald Trump and Masayoshi "
            "Son, chairman and CEO of the Japanese technology conglomerate SoftBank Group, announced that "
            "the company would invest $100 billion, saying that the infusion of cash would create 100,000 "
            "jobs.\n\nThe president-elect asked Son to double the sum. \"I'm going to ask him right now,\" "
            "he said.")
    assert _speakers(text) == ["Donald Trump and Masayoshi Son", "Donald Trump and Masayoshi Son",
                               "Donald Trump"]


def test_an_office_named_without_an_article_speaks_of_no_other_holder() -> None:
    text = ("Economy\n\nU.S. President-elect Donald Trump has left little question about the policies he "
            "will pursue when he is sworn in for a second term as president in January.\n\nThe "
            "once-and-future president has promised to extend existing tax cuts.")
    assert _speakers(text) == ["Donald Trump"]


def test_allies_somewhere_are_a_group_not_the_place() -> None:
    text = "Syria\n\nU.S. allies on the ground in Syria say IS has already begun ramping up its attacks."
    assert _speakers(text) == ["U.S. allies on the ground in Syria"]


def test_a_fact_sheet_is_its_issuers() -> None:
    text = ("Pakistan\n\nThe accompanying U.S. State Department fact sheet said the complex has worked to "
            "acquire launch equipment.\n\nThe other companies hit with sanctions are all located in "
            "Karachi, according to the fact sheet.")
    assert _speakers(text)[-1] == "U.S. State Department"


def test_people_who_spoke_with_an_outlet_are_the_speakers_and_they() -> None:
    text = ("Pardons\n\nBen Pollock and others who spoke with VOA said they felt vindicated.\n\nFor "
            "them, Trump’s pardon confirmed their belief that the 2020 election was rigged, they told VOA.")
    assert _speakers(text) == ["Ben Pollock and others", "Ben Pollock and others"]
    assert _speakers("Crash\n\nWitnesses who talked to reporters said the plane fell.") == ["Witnesses"]


def test_a_town_in_a_title_case_dateline_or_after_everyone_in_is_no_speaker() -> None:
    text = ("Carter\n\nPlains, Ga. — In a cavernous store filled with trinkets, Philip Kurland is "
            "surrounded by politics.\n\nKurland said not everyone in Plains agrees with Jimmy Carter, as "
            "he sees the locals stopping in.\n\n“Some days you can’t get eight people to say the sun is "
            "shining at the same time,” he said.")
    assert _speakers(text) == ["Philip Kurland"]
    assert _speakers("Town\n\nEveryone in the town says the mayor must go.") == ["Everyone in the town"]


def test_who_told_someone_in_the_passive_is_the_agent() -> None:
    text = ("Russia\n\nIn a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "
            "\"presumably between 36 and 40 people under the rubble\".")
    assert _speakers(text) == ["Yevgeny Zinichev"]
    assert _records("Town\n\nThe mayor was told by police that the road would close.") \
        == [("police", "the road would close")]
    text = "Deal\n\nEmployees were told by WeWork to sign the terms of the contract by Monday."
    assert _speakers(text) == []
