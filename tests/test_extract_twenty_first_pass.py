"""Who speaks, named as the story names them: an office described before its holder is named,
an office written as an acronym, surnames that open with a capitalised particle, a public body
by the fullest form the text gives it, a document by its author, a post of "the company", and
names cleared of titles, honours, counts and the outlet or platform the words went to."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


# -- descriptions and offices tied to the person the story names ---------------------------------

def test_an_office_with_what_it_is_for_is_the_holder_named_later() -> None:
    text = ("China’s ambassador to Britain accused the UK and the US of meddling in the country’s "
            "affairs.\n\nChina’s ambassador to Britain Liu Xiaming has said that China has the "
            "“resolution and power” to end the unrest.")
    assert _speakers(text) == ["Liu Xiaming", "Liu Xiaming"]


def test_an_office_holder_named_later_by_another_office_stays_unnamed() -> None:
    text = ("China’s ambassador to Britain accused the UK of meddling in the country’s affairs.\n\n"
            "China’s ambassador to France Lu Shaye has said that the protests would fail.")
    assert _speakers(text)[0] == "China’s ambassador to Britain"


def test_an_office_written_as_an_acronym_is_its_holder() -> None:
    text = ("MEC for Cooperative Governance and Traditional Affairs, Jacob Mamabolo, said the "
            "disaster centre was on high alert.\n\nThe MEC emphasised that the combination of "
            "abnormal weather patterns was dangerous.")
    assert _speakers(text) == ["Jacob Mamabolo", "Jacob Mamabolo"]


def test_a_body_s_acronym_opening_a_post_is_not_the_post_holder() -> None:
    text = ("FAA spokesman Paul Takemoto said the runway would reopen on Friday.\n\n"
            "The FAA said the planes could take off again right after the inspection.")
    assert _speakers(text) == ["Paul Takemoto", "FAA"]


# -- names in full ---------------------------------------------------------------------------

@pytest.mark.parametrize(("intro", "quoted", "full"), [
    ("Craig Le Clair, principal analyst at Forrester, sees the platforms as ripe.", "Le Clair",
     "Craig Le Clair"),
    ("Gaza resident Abu Anas Al Saud, 40, lost his home in the strikes.", "Al Saud", "Abu Anas Al Saud"),
    ("Luis de Miranda wrote a book on the subject last year.", "De Miranda", "Luis de Miranda"),
])
def test_a_surname_opening_with_a_particle_is_the_full_name_the_text_gives(
        intro: str, quoted: str, full: str) -> None:
    text = f"{intro}\n\nThe old plan had failed over and over again, {quoted} said."
    assert _speakers(text) == [full]


def test_a_particle_surname_two_people_share_stays_as_quoted() -> None:
    text = ("Marine Le Pen and Jean-Marie Le Pen spoke at the rally.\n\n"
            "The old plan had failed over and over again, Le Pen said.")
    assert _speakers(text) == ["Le Pen"]


@pytest.mark.parametrize(("intro", "quoted", "full"), [
    ("Tiffany Lynch leads the Police Federation of England and Wales.", "the Police Federation",
     "Police Federation of England and Wales"),
    ("China’s Ministry of Commerce criticised the rules on Friday.", "the Ministry of Commerce",
     "China’s Ministry of Commerce"),
    ("The US Embassy in New Delhi publishes hourly readings.", "the US Embassy", "US Embassy in New Delhi"),
    ("The U.S. State Department did not respond on Monday.", "the State Department", "U.S. State Department"),
])
def test_a_public_body_is_named_by_the_fullest_form_the_text_gives(
        intro: str, quoted: str, full: str) -> None:
    # (the fuller form may come before the short one or after it)
    for text in (f"{intro}\n\nThe rules were unfair to everyone involved, {quoted} said.",
                 f"The rules were unfair to everyone involved, {quoted} said.\n\n{intro}"):
        assert _speakers(text) == [full]


def test_a_long_body_name_keeps_no_country_before_it() -> None:
    text = ("Germany's Federal Office for the Protection of the Constitution watches the party.\n\n"
            "The party is a suspected extreme-right group, the Federal Office for the Protection of "
            "the Constitution said.")
    assert _speakers(text) == ["Federal Office for the Protection of the Constitution"]


def test_a_short_name_in_another_language_stands_for_the_body_it_follows() -> None:
    text = ("The National Water Commission (Conagua) manages the dams. Conagua said the reservoirs "
            "were at 60 per cent of capacity.")
    assert _speakers(text) == ["National Water Commission"]


def test_a_kin_s_first_name_is_not_taken_for_the_family_name() -> None:
    text = ("Mattia Ahmet Minguzzi is the son of chef Andrea Minguzzi. Mattia’s father, Andrea, posted "
            "on social media: “He had asked his mother for money.”")
    assert _speakers(text) == ["Andrea Minguzzi"]


def test_a_kin_s_family_name_is_still_given() -> None:
    text = "Cyrus Field laid the cable. Field’s brother, Henry, wrote that the cable was a marvel of the age."
    assert _speakers(text) == ["Henry Field"]


# -- names cleared of what is not the name ------------------------------------------------------

@pytest.mark.parametrize(("subject", "name"), [
    ("Ann Lee MP", "Ann Lee"),
    ("Afrasiab Anwar MBE", "Afrasiab Anwar"),
    ("Cllr Louise Gittins", "Louise Gittins"),
    ("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim"),
    ("King Charles III", "King Charles III"),
])
def test_titles_and_letters_after_a_name_are_not_the_name(subject: str, name: str) -> None:
    assert _speakers(f"{subject} said the attack on the cemetery was a disgrace.") == [name]


def test_a_title_and_honour_around_a_name_in_an_appositive() -> None:
    text = ("The Leader of Burnley Council, Councillor Afrasiab Anwar MBE, has issued the following "
            "statement:\n\n“We are working with the police to identify the perpetrator.”")
    assert _records(text) == [
        ("Afrasiab Anwar", "We are working with the police to identify the perpetrator.")]


@pytest.mark.parametrize(("text", "name"), [
    ("The next day on Twitter West accused his wife of attempting to lock him up in a hospital.", "West"),
    ("Speaking to the Daily Mail Lacerda claimed: “A lot of things happened in that house.”", "Lacerda"),
    ("Speaking to Sky News Ann Lee said the decision was wrong and would be appealed.", "Ann Lee"),
])
def test_the_platform_or_outlet_the_words_went_to_is_not_part_of_the_name(text: str, name: str) -> None:
    assert _speakers(text) == [name]


@pytest.mark.parametrize("text", [
    "The rules were unfair to everyone, according to NBC News.",
    "The attacks came at 4 a.m., according to the Saudi Press Agency.",
])
def test_an_outlet_s_own_name_is_kept_whole(text: str) -> None:
    assert _speakers(text)[0] in ("NBC News", "Saudi Press Agency")


@pytest.mark.parametrize(("text", "name"), [
    ("The non-partisan Death Penalty Information Center said executions had fallen to a record low.",
     "Death Penalty Information Center"),
    ("The annual Munich Security Conference said the forum would open on Friday.",
     "Munich Security Conference"),
    ("Officials said authorities in Beijing announced that two people sought treatment at a hospital.",
     "authorities in Beijing"),
])
def test_words_in_lower_case_before_a_body_s_name_are_not_the_name(text: str, name: str) -> None:
    assert name in _speakers(text)


def test_a_count_opening_a_group_is_dropped_whatever_the_construction() -> None:
    text = ("Fifty former intelligence officials signed a letter saying the emails had all the "
            "hallmarks of a Russian operation.")
    assert _speakers(text) == ["former intelligence officials"]


def test_a_family_is_named_without_whose_it_is() -> None:
    assert _speakers("His family say they are distraught following the attack on the young man.") == [
        "family"]


# -- documents, posts and statements ------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("A Pentagon statement said the migrants were dangerous criminals.", "Pentagon"),
    ("Exports fell by 20 per cent, according to U.S. Census Bureau data presented by the economy "
     "minister.", "U.S. Census Bureau"),
    ("Both teens had run-ins with the police, according to reports from local press.", "local press"),
    ("The bills have an error, according to the personal finance blog Wealthynickel, which tracks "
     "them.", "Wealthynickel"),
])
def test_a_document_or_a_kind_of_body_stands_for_whom_it_names(text: str, name: str) -> None:
    assert _speakers(text) == [name]


def test_court_records_opening_a_sentence_name_no_author() -> None:
    assert _speakers("Court records said the man had been arrested twice before.") == ["Court records"]


@pytest.mark.parametrize(("text", "name"), [
    ("Temu did not comment on election sales in the U.S., but the company’s spokesperson replied "
     "in an email to VOA that the products follow all laws.", "Temu spokesperson"),
    ("Meta removed both pages last week. A spokesperson from the company said the pages violated "
     "its policies on hate speech.", "Meta spokesperson"),
])
def test_a_post_of_the_company_is_named_by_the_company(text: str, name: str) -> None:
    assert _speakers(text) == [name]


@pytest.mark.parametrize("intro", [
    "The council has issued the following statement:",
    "The council issued a statement:",
])
def test_a_statement_announced_before_a_colon_is_its_issuer_s(intro: str) -> None:
    text = f"{intro}\n\n“We are working with the police to identify the perpetrator.”"
    assert _speakers(text) == ["council"]


# -- who "he" is, and who speaks before a relative clause ---------------------------------------

def test_a_person_named_after_a_copula_is_whom_he_means_next() -> None:
    text = ("Zuma-Sambudla pleaded not guilty to the charges on Monday.\n\n"
            "The first witness at the trial was Hawks head Major-Gen Gopaul Govender, who was "
            "appointed to lead the investigation.\n\n"
            "He said Zuma-Sambudla had been a person of interest long before the incarceration of "
            "Jacob Zuma.\n\n"
            "In his evidence, he said there had been intelligence gathering at a high level.")
    assert _speakers(text) == ["Gopaul Govender", "Gopaul Govender"]


def test_a_name_inside_a_who_clause_is_not_the_speaker() -> None:
    text = ("The talks ended on Monday.\n\nA woman who was attacked from the ages of 14 to 17 by "
            "Jeffrey Epstein has said that she was never allowed into his bedroom.")
    assert _speakers(text) == ["A woman"]


def test_a_name_opening_a_who_clause_is_still_the_speaker() -> None:
    text = ("The talks ended on Monday.\n\nJane Doe, who worked with John Smith for years, said that "
            "she was never late for work.")
    assert _speakers(text) == ["Jane Doe"]


def test_a_clause_after_an_inverted_cue_is_not_a_speaker() -> None:
    text = ("The talks ended on Monday.\n\nMarina Lacerda, identified as “Minor Victim 1” in the files, "
            "says the predator treated his victims like dolls.")
    assert "the predator treated his victims" not in _speakers(text)


def test_a_participle_after_an_inverted_cue_still_names_the_speaker() -> None:
    assert _speakers("“We will not stop,” said lawyers retained by the family on Monday.") == ["lawyers"]


# -- reported clauses without "that" ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "clause"), [
    ("The 37-year-old revealed Epstein groomed her very slowly over several months.",
     "Epstein groomed her very slowly over several months"),
    ("Fahmi also clarified Anwar’s daughter, Nurul Izzah, joined his delegation in her official "
     "capacity.", "Anwar’s daughter, Nurul Izzah, joined his delegation in her official capacity"),
])
def test_revealed_and_clarified_report_a_clause_without_that(sentence: str, clause: str) -> None:
    records = _records(f"The talks ended on Monday.\n\n{sentence}")
    assert [content for _, content in records] == [clause]


@pytest.mark.parametrize("sentence", [
    "The company revealed a new phone on Monday at its event in California.",
    "The minister revealed plans to cut taxes for families with children.",
])
def test_revealed_with_an_object_reports_nothing(sentence: str) -> None:
    assert _records(f"The talks ended on Monday.\n\n{sentence}") == []


def test_records_that_have_shown_something_report_it() -> None:
    text = ("The talks ended on Monday.\n\nStudies have shown that the drug works in most patients who "
            "take it.")
    assert _records(text) == [("Studies", "the drug works in most patients who take it")]


def test_a_person_who_has_shown_something_reports_nothing() -> None:
    text = "The talks ended on Monday.\n\nHe has shown that he can win in difficult districts."
    assert _records(text) == []


@pytest.mark.parametrize(("subject", "name"), [
    ("Ex-friends", "Ex-friends"), ("Two ex-officials", "ex-officials")])
def test_a_group_of_former_members_written_with_ex_speaks(subject: str, name: str) -> None:
    text = (f"The talks ended on Monday.\n\n{subject} told the Daily Mail that the star was growing "
            "frustrated with how her career was going.")
    assert _speakers(text) == [name]


# -- block quotations, interview labels and posts -------------------------------------------------

def test_labels_an_interview_defines_as_it_opens_name_each_turn() -> None:
    text = ("Global Voices (GV): How did you come up with the idea for the page?\n\n"
            "Youssef R (YR): Months before creating the page, I discovered a type of internet meme.\n\n"
            "GV: Do you take the photos yourself?\n\n"
            "YR: I simply use Google to search for photos. I do not have designer skills.")
    assert _records(text) == [
        ("Global Voices", "How did you come up with the idea for the page?"),
        ("Youssef R", "Months before creating the page, I discovered a type of internet meme."),
        ("Global Voices", "Do you take the photos yourself?"),
        ("Youssef R", "I simply use Google to search for photos. I do not have designer skills."),
    ]


def test_a_post_opening_with_a_handle_is_the_account_s() -> None:
    text = ("Addameer Prisoner Support and Human Rights Association has been tweeting updates:\n\n"
            "@Addameer_ps: 220 prisoners are on hunger strike in Ofer prison. #palhunger\n\n"
            "Activist Ali Abunimah commented:\n\n"
            "@AliAbunimah: Western media kept demanding Gandhis. Now they ignore the strike.\n\n"
            "@imatambo: are the supreme court judges above the law?")
    assert _speakers(text) == ["Addameer Prisoner Support and Human Rights Association", "Ali Abunimah",
                               "@imatambo"]


def test_a_handle_with_too_few_words_after_it_is_no_post() -> None:
    assert _records("The talks ended on Monday.\n\n@someone: thanks!") == []


def test_a_block_quotation_runs_on_while_it_speaks_in_the_first_person() -> None:
    text = ("The talks ended on Monday.\n\nAt Translating Cuba, Anddy Sierra Alvarez writes:\n\n"
            "The propaganda has begun for participation on May Day. No one is forced to go.\n\n"
            "All we Cubans who are trying to change the government are painted as liars.\n\n"
            "The march began at dawn in the capital and ended at noon.")
    [record] = _records(text)
    assert record[0] == "Anddy Sierra Alvarez"
    assert record[1].startswith("The propaganda") and record[1].endswith("painted as liars.")


@pytest.mark.parametrize("lead_in", [
    "Wisdom Gokoko is sorry for church leaders in Zimbabwe:",
    "However, Berihun Mekonnen disagreed with the observations:",
])
def test_a_named_subject_s_sentence_ending_on_a_colon_introduces_a_block(lead_in: str) -> None:
    text = (f"The talks ended on Monday.\n\n{lead_in}\n\n"
            "I am really sorry for these church leaders. This shows they are not doing their job.")
    assert _records(text) == [(lead_in.split(", ")[-1].split(" is ")[0].split(" disagreed")[0],
                               "I am really sorry for these church leaders. This shows they are not "
                               "doing their job.")]


def test_a_reported_clause_ending_on_a_colon_still_takes_no_block() -> None:
    text = "Officials say there are three options:\n\nThe first is to wait. The second is to act."
    assert [(q.kind, q.text) for q in extract_quotes(text)] == [("indirect", "there are three options")]


def test_a_lone_place_opening_a_lead_in_is_no_speaker() -> None:
    text = "The talks ended on Monday.\n\nBrussels remained calm:\n\nThe shops were open and the trams ran."
    assert _records(text) == []


# -- full names of the speaker's gender only -----------------------------------------------------

def test_a_full_name_of_another_gender_is_not_the_speaker_s() -> None:
    text = ("The talks ended on Monday.\n\nMr. Trump said he was considering five candidates. Earlier "
            "he said that his daughter Ivanka Trump “would be incredible, but it does not mean I would "
            "pick her.”\n\n“She has done a fantastic job,” Mr. Trump said.")
    assert set(_speakers(text)) == {"Trump"}


def test_a_full_name_of_the_speaker_s_gender_is_still_taken() -> None:
    text = ("The talks ended on Monday.\n\nHis son Eric Trump runs the company.\n\n"
            "“We will build it,” Mr. Trump said.")
    assert _speakers(text) == ["Eric Trump"]


@pytest.mark.parametrize("lead", [
    "Former business partner Tony Bobulinski held a press conference on Monday.",
    "Just before the debate, Hunter Biden's former business partner Tony Bobulinski held a press "
    "conference.",
])
def test_a_person_a_description_names_is_whom_he_means_next(lead: str) -> None:
    text = ("The talks ended on Monday.\n\nSenator Bernie Sanders slammed Trump for a story about his "
            f"taxes.\n\n{lead} He claimed to have evidence supporting the claim.")
    assert _speakers(text) == ["Tony Bobulinski"]


def test_a_place_a_description_names_is_no_one() -> None:
    text = ("The talks ended on Monday.\n\nSenator Bernie Sanders slammed the plan.\n\n"
            "The provincial capital Lashkar Gah fell quiet. He said the town would recover.")
    assert _speakers(text) == ["Bernie Sanders"]


# -- "the company", "the group" and what they stand for -----------------------------------------

def test_an_outlet_that_reported_on_a_company_is_not_the_company() -> None:
    text = ("The talks ended on Monday.\n\nBoeing is in only the early stages of building the plane. "
            "Yesterday, the Washington Post reported that Boeing was planning to move production. The "
            "company said in a statement today that it is under contract for $170 million.")
    assert _speakers(text) == ["Washington Post", "Boeing"]


def test_a_body_an_appositive_calls_a_group_is_the_group_and_its_letter_s_author() -> None:
    text = ("The talks ended on Monday.\n\nMs. Haley has been criticized by Citizens for Responsibility "
            "and Ethics in Washington, a liberal nonprofit watchdog group. On Monday, the group sent a "
            "letter to Steve A. Linick, asking for an investigation.\n\nThe letter said Ms. Haley and her "
            "husband accepted seven free flights from three businessmen in 2017.")
    assert _speakers(text) == ["Citizens for Responsibility and Ethics in Washington"]


def test_a_post_an_appositive_names_is_no_company() -> None:
    text = ("The talks ended on Monday.\n\nThe deal was signed by the CEO of Acme Therapeutics, a biotech "
            "company, and by Beta Labs. The company said it had licensed the patent from the university.")
    assert "CEO of Acme Therapeutics" not in _speakers(text)


def test_a_post_after_a_lead_in_is_the_lead_in_speaker_s() -> None:
    text = ("The talks ended on Monday.\n\nTalal, a British-Yemeni activist in London, urged:\n\n"
            "@25FebFreedom: US killing innocent civilians in Yemen in the name of war on terror #NoDrones\n\n"
            "A Yemeni journalist who goes by the name Sana2 Al-Yemen tweeted her contempt:\n\n"
            "@Sanasiino: It is a disgusting thought to know officials are playing a video game with us.\n\n"
            "@Sanasiino: Decreasing support would need to start with a no drones policy in Yemen.")
    assert _speakers(text) == ["Talal", "Sana2 Al-Yemen", "Sana2 Al-Yemen"]


def test_a_place_in_a_lead_in_is_not_the_post_s_author() -> None:
    text = ("The talks ended on Monday.\n\nMai Saleh in Yemen tweeted:\n\n"
            "@A4Mai: Take a moment and shout with us: no to the killing of innocent civilians #NoDrones")
    assert _speakers(text) != ["Yemen"]
