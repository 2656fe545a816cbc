"""Who speaks in the constructions of the thirty-second pass: an organisation named once with
one more word, two words joined by "and", groups counted with an article ("the two senators"),
holders of one office in the plural ("the judges"), lower-case groups right after a quotation
("world leaders"), and "the leaders" after two groups of leaders."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the record whose words hold ``words``."""
    found = [q.speaker for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text)]


# -- an organisation's fullest name: one more capitalised word before a comma -------------------


def test_an_organisation_named_once_with_one_more_word_takes_that_name() -> None:
    text = ("Fox News Digital, which obtained the memo, reported the plan on Monday.\n\n"
            "“This is wrong,” Fox News said.")
    assert _speaker_of(text, "This is wrong") == "Fox News Digital"


def test_a_word_before_a_name_a_part_or_a_description_is_no_part_of_the_name() -> None:
    for after in ("Undersecretary, Lisa Monaco,", "Kenya, a branch of the group,",
                  "Sudan, director Eddie Rowe,", "Quarterback, who threw two touchdowns,",
                  "DOJ, in a filing,", "USA, which campaigns,"):
        text = (f"The Heritage Foundation {after} spoke on Monday.\n\n“We are concerned,” the Heritage "
                "Foundation said.")
        assert _speaker_of(text, "We are concerned") == "Heritage Foundation", after


def test_a_word_the_text_writes_on_its_own_is_no_part_of_the_name() -> None:
    text = ("The Red Cross Gaza, which runs two clinics, was damaged. Gaza has no power.\n\n"
            "“Our staff are safe,” the Red Cross said.")
    assert _speaker_of(text, "Our staff are safe") == "Red Cross"


def test_a_day_a_title_a_document_a_plural_an_acronym_or_a_gathering_is_no_part_of_it() -> None:
    for after in ("Friday", "President", "Survey", "Director-General", "Trustees", "HF", "Summit"):
        text = (f"The Heritage Foundation {after}, however, declined to comment further.\n\n"
                "“We are concerned,” the Heritage Foundation said.")
        assert _speaker_of(text, "We are concerned") == "Heritage Foundation", after


def test_a_longer_form_after_the_first_mention_is_a_part_of_the_body() -> None:
    text = ("“We are sending aid,” the Red Cross said.\n\nSpeaking for the Red Cross Ukraine, the "
            "local office, a spokeswoman said supplies were short.")
    assert _speaker_of(text, "We are sending aid") == "Red Cross"


def test_a_seat_of_government_takes_no_word_after_it() -> None:
    text = ("“We are watching,” the White House said.\n\nThe White House Counsel, Pat Cipollone, was "
            "silent.")
    assert _speaker_of(text, "We are watching") == "White House"


# -- two words joined by "and" speak together -------------------------------------------------


def test_two_words_no_one_is_named_by_speak_together() -> None:
    firm = extract_quotes("Procter and Gamble said sales were strong. Employees at Procter and Gamble "
                          "agreed.")
    assert [(q.speaker, q.speaker_kind) for q in firm] == [("Procter and Gamble", "organisation")]
    assert _speaker_of("Smith and Jones said the bill would pass.", "the bill") == "Smith and Jones"
    assert _speaker_of("Farmers and Cargill said the deal would hold. Cargill grew.", "the deal") \
        == "Farmers and Cargill"


def test_the_object_of_a_naming_verb_is_no_part_of_a_pair() -> None:
    assert _speaker_of("Putin called Erdogan and Peskov said the talks were useful.", "the talks") == "Peskov"


def test_the_object_of_a_clause_before_is_no_part_of_a_pair() -> None:
    assert _speaker_of("Biden won Michigan and Whitmer said the state had turned a corner.", "the state") \
        == "Whitmer"
    assert _speaker_of("Bayern beat Dortmund and Tuchel said the title race was over.", "the title") \
        == "Tuchel"


def test_a_pair_after_an_inverted_cue_speaks_together() -> None:
    assert _speaker_of("“We will fight this,” said Smith and Jones.", "We will fight") == "Smith and Jones"


def test_two_surnames_under_a_plural_title_or_called_people_are_two_people() -> None:
    found = extract_quotes("“No,” Senators Warren and Sanders said.")
    assert [(q.speaker, q.speaker_kind, q.text) for q in found] == [("Warren and Sanders", "anonymous", "No")]
    found = extract_quotes("The senators, Warren and Sanders, said the bill was dead.")
    assert [(q.speaker, q.speaker_kind) for q in found] == [("Warren and Sanders", "anonymous")]


def test_a_group_and_a_body_speak_together() -> None:
    assert _speaker_of("Parents and ACLU said the policy was unlawful.", "the policy") == "Parents and ACLU"
    text = "Pilots and Kroger said the deal would hold. Kroger Inc. grew."
    assert _speaker_of(text, "the deal") == "Pilots and Kroger"


def test_the_end_of_a_longer_name_is_not_a_pair() -> None:
    text = ("In a lengthy statement Saturday, Hannibal Ware, the chairman of the Council of the "
            "Inspectors General on Integrity and Efficiency, an independent entity that represents "
            "the interests of government watchdogs, noted that inspectors general conduct their "
            "\"oversight in a strictly non-partisan manner.\"")
    assert _speaker_of(text, "inspectors general conduct") == "Hannibal Ware"


def test_two_people_the_text_names_in_full_stay_two_people() -> None:
    text = ("Nancy Pelosi and Chuck Schumer met Trump. Later, Pelosi and Schumer said the bill "
            "would pass.")
    assert _speaker_of(text, "the bill") == "Nancy Pelosi and Chuck Schumer"


# -- "the two senators", "all three judges": the article and the number are the speaker's -------


def test_the_article_before_a_number_belongs_to_the_group() -> None:
    assert _records("“We have the votes,” the two senators said.") == [("senators", "We have the votes")]
    assert _records("“We have the votes,” the three Republican senators said.") \
        == [("Republican senators", "We have the votes")]


def test_all_three_judges_speak() -> None:
    assert _records("“We have the votes,” all three judges said.") == [("judges", "We have the votes")]


def test_a_counted_group_inside_a_reported_clause_keeps_the_record() -> None:
    assert _records("Analysts say the two leaders have denied the talks.") \
        == [("Analysts", "the two leaders have denied the talks")]


def test_counted_bodies_are_named_without_the_count() -> None:
    assert _speaker_of("The two unions said they would strike.", "they would") == "unions"
    assert _speaker_of("All three unions said they would strike.", "they would") == "unions"


def test_a_model_number_or_one_is_no_count() -> None:
    assert _speaker_of("The 737 pilots said the plane was safe.", "the plane") == "The 737 pilots"
    assert _speaker_of("The one senator who opposed the bill said it was reckless.", "it was") \
        == "one senator"


def test_a_verb_after_who_is_no_group() -> None:
    text = "The senator who chairs the committee said the bill was dead."
    assert "chairs" not in str(_speaker_of(text, "the bill"))


def test_the_two_companies_are_the_pair_named_after_a_plural() -> None:
    text = ("The proposed merger between the country's two biggest supermarket chains, Kroger and "
            "Albertsons, was halted. The FTC had sued to block it. The two companies say a merger "
            "would help them lower prices.")
    assert _speaker_of(text, "a merger would help") == "Kroger and Albertsons"


def test_the_two_companies_are_no_pair_of_people_nor_a_pair_across_a_sentence() -> None:
    text = "Two senators, Warren and Sanders, wrote to the bank. The two companies said they would reply."
    assert _speaker_of(text, "they would reply") == "companies"
    text = ("Regulators studied the banks, UBS and Credit Suisse. Employees said morale was low. The two "
            "banks said the merger would proceed.")
    assert _speaker_of(text, "the merger") == "UBS and Credit Suisse"


def test_the_two_companies_after_a_capitalised_plural_are_the_pair_without_a_possessive() -> None:
    text = "Insurers Aetna and Humana sued. The two companies said the rule was illegal."
    assert _speaker_of(text, "the rule") == "Aetna and Humana"


def test_the_two_agencies_are_the_pair_quoted_before() -> None:
    text = ("The FBI and the Cybersecurity and Infrastructure Security Agency said in a joint "
            "statement that hackers had breached networks. The two agencies said their "
            "investigation was continuing.")
    assert _speaker_of(text, "their investigation") \
        == "FBI and Cybersecurity and Infrastructure Security Agency"


# -- holders of one office in the plural ------------------------------------------------------


def test_a_capitalised_office_plural_after_a_name_is_a_body() -> None:
    for text, body in (("The U.S. Marshals said the fugitive was caught.", "U.S. Marshals"),
                       ("The Milwaukee Admirals said the game was off.", "Milwaukee Admirals")):
        assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [(body, "organisation")]


def test_an_owners_counted_group_keeps_the_quotation_whole() -> None:
    assert _records("“The majority is wrong,” the Supreme Court’s three liberal justices said.") \
        == [("Supreme Court’s liberal justices", "The majority is wrong")]


def test_judges_and_generals_speak_as_groups() -> None:
    assert _records("The judges said the law was void.") == [("The judges", "the law was void")]
    assert _records("“No,” the generals said.") == [("the generals", "No")]
    assert _records("“It is over,” the detectives said.") == [("the detectives", "It is over")]
    assert _records("Committee chairs said the bill was dead.") == [("Committee chairs", "the bill was dead")]


def test_justices_of_a_court_speak() -> None:
    text = ("The New Mexico Supreme Court struck down the ordinances. In their opinion, justices "
            "wrote that they \"strongly admonish\" Roosevelt County.")
    assert _speaker_of(text, "strongly admonish") == "justices"


# -- "In their opinion, X said …": the cue after the opening frames the words, once -----------


def test_a_view_opening_a_sentence_with_its_own_cue_is_one_record() -> None:
    assert _records("In his view, Smith said the plan would fail.") == [("Smith", "the plan would fail")]


def test_a_view_opening_a_sentence_without_a_cue_is_still_reported() -> None:
    assert [q.sieve for q in extract_quotes("In her opinion, the plan would fail.")] == ["according_to"]
    assert [q.text for q in extract_quotes("In his view, the report found little.")] \
        == ["the report found little"]


# -- lower-case words between a quotation and its cue are the speaker's ------------------------


def test_a_lower_case_group_after_a_quotation_is_the_speaker() -> None:
    assert _records("“We are disappointed,” world leaders said.") \
        == [("world leaders", "We are disappointed")]
    assert _records("“Why?” oil executives asked.") == [("oil executives", "Why?")]
    assert _records("\"It is unsafe,\" aid workers said.") == [("aid workers", "It is unsafe")]


def test_hyphened_and_two_word_modifiers_after_a_quotation_are_the_speakers() -> None:
    assert _records("“This will pass,” now-retired judges said.") \
        == [("now-retired judges", "This will pass")]
    assert _records("“This will pass,” talk show hosts said.") == [("talk show hosts", "This will pass")]
    assert _records("“No,” both men said.") == [("both men", "No")]


def test_an_adverb_after_a_quotation_is_no_part_of_the_group() -> None:
    for adverb in ("later", "however", "meanwhile", "mostly", "here"):
        found = extract_quotes(f"“We are ready,” {adverb} officials said.")
        assert [q.speaker for q in found] == ["officials"], adverb


def test_a_pronoun_after_a_quotation_is_still_a_pronoun() -> None:
    assert [q.mention for q in extract_quotes("Jane Roe spoke. “No,” she told reporters.")] == ["she"]


# -- "the leaders": the group quoted last ---------------------------------------------------------


def test_the_plural_is_the_group_quoted_last_not_first() -> None:
    text = ("In Washington, Senate Republican leaders defended the bill. “It will pass,” Senate "
            "Republican leaders said.\n\nParty leaders in Ohio disagreed. “We are disappointed,” "
            "party leaders said.\n\nSenate Republican leaders said the vote would come soon.\n\n"
            "The bill cuts taxes, the leaders said.")
    assert _speaker_of(text, "The bill cuts taxes") == "Senate Republican leaders"


# -- a source quoted right before "according to" is who "he added" means --------------------------


def test_a_quoted_source_after_according_to_is_who_the_next_pronoun_means() -> None:
    text = ("One official said all of the individuals held at the base had final orders.\n\n"
            "“By hurrying immigrants off to a remote island, the administration is sending a signal,\" "
            "according to a statement from ACLU lead attorney Lee Gelernt.\n\n"
            "\"It will now be up to the courts to reaffirm the rule of law,” he added.")
    assert _speaker_of(text, "It will now be up") == "Lee Gelernt"


def test_an_unnamed_source_of_a_quotation_is_not_the_next_pronoun() -> None:
    text = ("Mayor Jane Doe spoke at the ceremony. “She was heartbroken,” according to an aide.\n\n"
            "“This city will heal,” she said.")
    assert _speaker_of(text, "This city will heal") == "Jane Doe"


def test_a_source_cited_without_a_quotation_is_not_the_next_pronoun() -> None:
    text = "Tom Hale quit, according to his father. “I needed a break,” he said."
    assert _speaker_of(text, "I needed a break") == "Tom Hale"


# -- "A senior researcher Hong Min said": a trade with its article, then the name ---------------


def test_a_trade_with_its_article_before_a_name_is_the_persons_role() -> None:
    text = "A senior researcher Hong Min said on Tuesday: “The North Korean side will discuss a new treaty.”"
    assert _speaker_of(text, "North Korean side") == "Hong Min"
    assert _speaker_of("An economist Jane Smith said it was over.", "it was over") == "Jane Smith"


# -- what a named source is, between commas after "according to" --------------------------------


def test_a_description_after_according_to_a_name_is_not_the_statement() -> None:
    text = ("According to William Reinsch, senior adviser of the economics program and Scholl Chair in "
            "International Business at the Center for Strategic and International Studies, the tariff "
            "likely would raise prices of goods in America.")
    assert _records(text) == [("William Reinsch", "the tariff likely would raise prices of goods in America")]
    text = "According to Jane Doe, a teacher at the school, students were sent home."
    assert _records(text) == [("Jane Doe", "students were sent home")]


def test_a_clause_after_according_to_a_name_is_still_the_statement() -> None:
    assert _records("According to Jane Doe, a man was arrested, and police were called.") \
        == [("Jane Doe", "a man was arrested, and police were called")]


# -- ", said X of Y in Washington during a press call on Tuesday." --------------------------------


def test_where_and_when_after_an_inverted_speaker_close_the_frame() -> None:
    text = ("The executive orders do not indicate that humanitarian parole will be revoked for current "
            "beneficiaries of the program, said Doris Meissner of the Migration Policy Institute in "
            "Washington during a press call on Tuesday.")
    assert [q.speaker for q in extract_quotes(text)] == ["Doris Meissner"]


# -- "However, X spoke, saying that …" --------------------------------------------------------------


def test_a_connective_opening_the_sentence_is_no_part_of_a_participles_subject() -> None:
    for opener in ("However", "Meanwhile"):
        text = f"{opener}, the diplomat spoke, stating that his government is examining the situation."
        assert _records(text) == [("the diplomat", "his government is examining the situation")], opener


# -- "A senior administration official briefing reporters after the trilateral said" ---------------


def test_what_an_unnamed_source_was_doing_before_the_cue_is_no_speaker() -> None:
    text = ("A senior administration official briefing reporters after the trilateral said that the "
            "leaders did not raise any concerns.")
    assert _records(text) == [("A senior administration official", "the leaders did not raise any concerns")]


def test_a_participle_as_a_nouns_modifier_leaves_the_pronoun_subject() -> None:
    text = ("Al Sharpton spoke on Sunday. He said that when he arrived on the scene later, he granted the "
            "activists speaking time after they assured him that they were not going to call for violence.")
    assert _speaker_of(text, "when he arrived") == "Al Sharpton"


# -- guards from the third review --------------------------------------------------------------------


def test_a_group_a_list_or_a_description_after_according_to_is_the_statement() -> None:
    for text, words in (
            ("According to Maria Lopez, a majority of residents, including many renters, oppose the plan.",
             "a majority of residents, including many renters, oppose the plan"),
            ("According to Smith, the mayor, who took office in May, has cut spending sharply.",
             "the mayor, who took office in May, has cut spending sharply"),
            ("According to Rachel Green, the governor, the mayor and the police chief met on Monday.",
             "the governor, the mayor and the police chief met on Monday"),
            ("According to Rosa Diaz, the suspect, a 34-year-old man from Ohio, was arrested at the scene.",
             "the suspect, a 34-year-old man from Ohio, was arrested at the scene")):
        assert [q.text for q in extract_quotes(text)] == [words], text


def test_a_verb_after_a_name_keeps_the_body_before_the_cue_its_speaker() -> None:
    text = "The court, in its ruling, said Officer Smith at the time acted reasonably."
    assert _records(text) == [("court", "Officer Smith at the time acted reasonably")]


def test_a_quotation_after_a_connective_leaves_the_participle_to_the_speaker() -> None:
    text = 'However, "this is not over," Smith wrote, adding that he would appeal.'
    assert ("Smith", "he would appeal") in _records(text)


def test_a_regional_office_or_a_briefing_is_no_part_of_the_name() -> None:
    text = ("The World Health Organization Europe, its regional office, warned of a measles surge.\n\n"
            "“Vaccination rates have fallen,” the World Health Organization said.")
    assert _speaker_of(text, "Vaccination rates") == "World Health Organization"
    text = ("The State Department Briefing, held Tuesday, was canceled.\n\n“We have nothing to announce,” "
            "the State Department said.")
    assert _speaker_of(text, "nothing to announce") == "State Department"


# -- "Biden meets Xi, says …": the object of the first verb is not who says it ------------------------


def test_the_object_of_a_first_verb_is_not_the_speaker_of_the_second() -> None:
    assert _records("Biden meets Xi, says talks were candid\n\nThe two leaders met in Lima.") \
        == [("Biden", "talks were candid")]
    assert _speaker_of("Trump visits fire-stricken California, vows ‘to get it fixed’\n\nU.S. President "
                       "Donald Trump toured the area.", "to get it fixed") == "Donald Trump"


def test_a_noun_ending_in_s_before_a_name_is_no_verb() -> None:
    text = ("Shapiro's widow, former tennis player Pam Shriver, said her husband had told her Trump had "
            "not met Shapiro.")
    assert _speaker_of(text, "her husband") == "Pam Shriver"


def test_the_subject_before_a_first_verb_after_a_label_or_an_opening_phrase() -> None:
    assert _records("Reuters - Biden meets Xi, says talks were candid") == [("Biden", "talks were candid")]
    text = "Hours after the attack, Netanyahu called Biden, said Israel would respond."
    assert _records(text) == [("Netanyahu", "Israel would respond")]


def test_a_plural_for_people_or_an_opening_adverb_is_no_first_verb() -> None:
    text = "Tesla investors Cathie Wood and Ron Baron, said the pay package was fair."
    assert _records(text) == [("Cathie Wood and Ron Baron", "the pay package was fair")]
    assert _records("Newly elected Mamdani, says rents will be frozen") \
        == [("Mamdani", "rents will be frozen")]


def test_a_participle_before_a_clause_of_its_own_is_no_occasion() -> None:
    text = "The officials briefing room was packed when the secretary said the war was over."
    assert _records(text) == [("the secretary", "the war was over")]
