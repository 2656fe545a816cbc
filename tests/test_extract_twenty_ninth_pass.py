"""Who speaks in the constructions of the twenty-ninth pass: a retired officer and a post with a
list after a quote, bodies named for their country, a person of a kind in a place, a name set
off after "according to", an aside between two dashes, an employee named after the body."""

from __future__ import annotations

from monitor.extract import extract_quotes
from monitor.extract.speakers import parse_after, parse_before, tokens


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _parsed(phrase: str) -> tuple[str, str] | None:
    """How a speaker phrase right before "said" reads: kind and name."""
    text = f"“Hi,” {phrase} said."
    start = text.index(phrase)
    mention = parse_before(text, tokens(text, start, start + len(phrase)))
    return None if mention is None else (mention.kind, mention.name)


def _parsed_after(phrase: str) -> tuple[str, str] | None:
    """How a speaker phrase right after "said" reads: kind and name."""
    text = f"“Hi,” said {phrase}"
    start = text.index(phrase)
    mention = parse_after(text, tokens(text, start, len(text)))
    return None if mention is None else (mention.kind, mention.name)


# -- after a quote: an adjective in -ed before a title, a list inside a post -------------------------


def test_a_retired_officer_with_a_description_after_a_quote_speaks() -> None:
    text = ("“The idea that one might be abandoned causes them to be petrified,” retired Rear Admiral "
            "Mark Montgomery, currently a defense analyst at the Foundation for Defense of "
            "Democracies, said during a recent webinar.")
    assert [s for s, _ in _speakers(text)] == ["Mark Montgomery"]


def test_a_participle_phrase_between_commas_is_still_no_speaker() -> None:
    text = "“The report is clear,” the report, released Monday, said."
    assert [s for s, _ in _speakers(text)] == ["the report"]


def test_a_lower_case_post_ending_in_a_list_of_a_body_s_name_is_the_person_s() -> None:
    text = ("“Using the lift capability, we have developed a ‘Fewest Steps to the Moon’ approach,” "
            "Jim Chilton, senior vice president for space and launch at Boeing Defense, Space, and "
            "Security, said in that statement.")
    assert [s for s, _ in _speakers(text)] == ["Jim Chilton"]


# -- bodies named for their country, a command in a place ------------------------------------------


def test_a_company_named_for_its_country_is_a_body_and_the_it_after_it() -> None:
    text = ("Embattled US Steel has argued that it needs the deal to ensure investment in its plants, "
            "which it says it may have to shutter if the sale is blocked.")
    assert [s for s, _ in _speakers(text)] == ["US Steel", "US Steel"]


def test_a_title_with_a_country_before_a_name_still_names_the_person() -> None:
    assert _parsed("U.S. Rep. Jane Doe") == ("person", "Jane Doe")


def test_a_body_s_command_in_a_place_is_the_body_and_it_speaks_again() -> None:
    text = ("In a statement issued Wednesday, U.S. Air Forces in Europe said that the systems continue "
            "to be spotted. It said the number of drones sighted has fluctuated.")
    assert [s for s, _ in _speakers(text)] == ["U.S. Air Forces in Europe", "U.S. Air Forces in Europe"]


def test_a_body_s_name_with_and_stays_one_body() -> None:
    assert _parsed("U.S. Immigration and Customs Enforcement") == (
        "organisation", "U.S. Immigration and Customs Enforcement")
    assert _parsed("Tim Cook and Phil Schiller") == ("anonymous", "Tim Cook and Phil Schiller")


# -- a person of a kind in a place ---------------------------------------------------------------------


def test_a_judge_in_a_state_is_an_unnamed_judge_not_the_state() -> None:
    assert _parsed("a judge in Massachusetts") == ("anonymous", "a judge in Massachusetts")
    assert _parsed("a federal judge in Washington, D.C.") == (
        "anonymous", "a federal judge in Washington, D.C.")
    text = "Earlier this month, a judge in Massachusetts said the unions lacked standing to sue."
    assert _speakers(text) == [("a judge in Massachusetts", "the unions lacked standing to sue")]


def test_a_named_person_before_a_judge_in_a_place_is_the_speaker() -> None:
    text = "Tom Hale, a judge in Texas, said the case would go on."
    assert [s for s, _ in _speakers(text)] == ["Tom Hale"]


# -- after the cue: an owner's description, an employee after the body -------------------------------


def test_an_owner_s_long_description_then_a_name_after_the_cue_is_the_person() -> None:
    assert _parsed_after("Huber's longtime tag team partner Erick Rowan on Instagram.") == (
        "person", "Erick Rowan")
    text = ('"Heartbroken and numb," writes Huber\'s longtime tag team partner Erick Rowan on '
            'Instagram. "I have lost not only a friend but a brother!"')
    assert {s for s, _ in _speakers(text)} == {"Erick Rowan"}


def test_an_expert_named_after_a_university_after_the_cue_is_the_person() -> None:
    assert _parsed_after("Vanderbilt University vaccine expert Dr. William Schaffner.") == (
        "person", "William Schaffner")
    assert _parsed_after("the World Bank in a statement") == ("organisation", "World Bank")


# -- according to a description, then a first name ------------------------------------------------


def test_a_first_name_set_off_after_according_to_a_relative_is_the_source() -> None:
    text = ("According to his wife, Amanda, Huber succumbed to an unspecified lung disorder, unrelated "
            "to COVID-19, for which he received treatment.")
    assert _speakers(text) == [("Amanda", "Huber succumbed to an unspecified lung disorder, unrelated "
                                          "to COVID-19, for which he received treatment")]


def test_a_surname_after_according_to_a_spokesman_is_the_subject_not_the_source() -> None:
    text = "According to his spokesman, Trump, who is travelling, will not attend the summit."
    assert [s for s, _ in _speakers(text)] == ["his spokesman"]


# -- an aside between two dashes --------------------------------------------------------------------


def test_the_subject_before_an_aside_in_dashes_speaks() -> None:
    assert _speakers("The senator — a longtime critic of the plan — said it would fail.") == [
        ("the senator", "it would fail")]
    assert [s for s, _ in _speakers("Senator Tom Hale — a longtime critic of the plan — said it would "
                                    "fail.")] == ["Tom Hale"]
    text = ("Meanwhile, the Organization for the Prohibition of Chemical Weapons, or OPCW, will hold an "
            "emergency session. The OPCW — the implementing body for the 1997 Chemical Weapons "
            "Convention — said it is monitoring Syria.")
    assert [s for s, _ in _speakers(text)] == ["Organization for the Prohibition of Chemical Weapons"]


# -- a document sent in a message ----------------------------------------------------------------------


def test_the_email_is_who_announced_something_in_it() -> None:
    text = ("Lake’s boss Roman Napoli announced Lake’s arrival in an email to the staff. Napoli is "
            "carrying out the duties of chief executive.\n\n“Kari will help the agency implement the "
            "policies,” the email said.")
    assert [s for s, _ in _speakers(text)] == ["Roman Napoli"]


# -- a relative clause holding a list of a body's name, a dated report of a named body ---------------


def test_a_name_before_a_relative_clause_with_a_list_of_a_body_s_words_speaks() -> None:
    text = ("Rangsiman, who chairs the Thai House of Representatives National Security, Border Affairs, "
            "National Strategy and National Reform Committee, which monitors the refugee camps, "
            "confirmed Friday that the order has put a stop to the deal.\n\n“We are aware that the "
            "deal is on hold,” he told VOA.")
    assert [s for s, _ in _speakers(text)] == ["Rangsiman", "Rangsiman"]


def test_a_body_s_report_dated_by_a_month_is_the_body_s() -> None:
    text = ("The U.S. Energy Information Administration’s October report, citing data from analytics "
            "company Vortexa, said Iran’s oil exports increased to 1.5 million barrels per day.")
    assert [s for s, _ in _speakers(text)] == ["U.S. Energy Information Administration"]


# -- a person's possessive before a body --------------------------------------------------------------


def test_a_body_owned_by_a_named_person_is_the_body() -> None:
    text = ("President Joe Biden left office in January. Biden’s State Department said anyone "
            "considering deals with Iran would face sanctions.")
    assert [s for s, _ in _speakers(text)] == ["State Department"]


def test_a_country_s_ministry_keeps_its_country() -> None:
    text = ("Ukraine’s Defense Ministry said it downed 30 drones. Russia’s Defense Ministry said it "
            "downed 33 drones.")
    assert [s for s, _ in _speakers(text)] == ["Ukraine’s Defense Ministry", "Russia’s Defense Ministry"]


# -- a clause with no "that" after an addressee ------------------------------------------------------


def test_a_plural_subject_with_an_adverb_before_its_verb_opens_a_clause() -> None:
    text = ("Ivy Yang, an expert on digital interaction, told VOA many young Americans also find it "
            "unlikely that they would ever be caught up in an investigation.")
    assert _speakers(text) == [("Ivy Yang", "many young Americans also find it unlikely that they "
                                            "would ever be caught up in an investigation")]
    assert _speakers("Ivy Yang told VOA young Americans also find it unlikely.") == [
        ("Ivy Yang", "young Americans also find it unlikely")]


def test_a_participle_and_a_demonstrative_open_no_clause() -> None:
    text = ("“No one else in the chat can see that you summarized unread messages,” the company says in "
            "its blog post announcing this feature.")
    assert [t for _, t in _speakers(text)] == [
        "No one else in the chat can see that you summarized unread messages"]


# -- a surname with a generation's suffix --------------------------------------------------------------


def test_a_surname_with_jr_is_the_full_name_the_text_gives_it() -> None:
    text = ("President Surangel Whipps Jr. is running again. Whipps Jr. said the U.S. military would "
            "protect Palau. “We have reefs,” he said.")
    assert [s for s, _ in _speakers(text)] == ["Surangel Whipps Jr", "Surangel Whipps Jr"]
    text = "Martin Luther King Jr. spoke in Washington. King Jr. said he had a dream."
    assert [s for s, _ in _speakers(text)] == ["Martin Luther King Jr"]


def test_the_sentence_before_and_a_monarch_s_numeral_give_no_suffixed_full_name() -> None:
    assert [s for s, _ in _speakers("He lives in Palau. Whipps Jr. said the U.S. would help.")] == [
        "Whipps Jr"]
    text = "The United Kingdom's Queen Elizabeth II said she will comply with the request."
    assert [s for s, _ in _speakers(text)] == ["Elizabeth II"]


# -- one of two bodies, and the two ------------------------------------------------------------------


def test_one_body_of_a_pair_named_before_is_itself() -> None:
    text = ("After several decades, tech giants Microsoft and Google have recently announced "
            "investments in the technology.\n\nIn its announcement last month, Microsoft revealed that "
            "it has reached an agreement to restart a reactor.")
    assert [s for s, _ in _speakers(text)] == ["Microsoft"]


def test_the_companies_after_a_pair_of_bodies_spoke_are_the_pair() -> None:
    text = ("“The design can reduce timelines,” Google and Kairos said in a press release.\n\nThe "
            "companies said they intend to have the first reactors online by 2030.")
    assert [s for s, _ in _speakers(text)] == ["Google and Kairos", "Google and Kairos"]


# -- "they" and "it" with no speaker quoted before them -----------------------------------------------


def test_they_is_a_group_named_without_an_article_before_it() -> None:
    text = ("The police presence was substantial. And even though supporters at one point briefly "
            "rushed the prison entrance, they still told VOA that the gathering was joyous.")
    assert [s for s, _ in _speakers(text)] == ["supporters"]
    text = "On Monday, hundreds of protesters converged on Helena. “Let her speak,” they chanted."
    assert [s for s, _ in _speakers(text)] == ["protesters"]


def test_they_is_never_a_bare_group_of_victims_or_children() -> None:
    text = "The flood left children stranded on roofs. They said the water rose within minutes."
    assert [s for s, _ in _speakers(text)] == [None]


def test_it_and_they_are_the_body_their_own_sentence_opens_with() -> None:
    text = ("The State Department on Tuesday issued a lengthy explainer on the order, which it said "
            "seeks to ensure that programs are “efficient.”")
    assert [s for s, _ in _speakers(text)] == ["State Department"]
    text = ("The Taliban did not immediately respond to the remarks, but they have persistently claimed "
            "to be in control of the entire country.")
    assert [s for s, _ in _speakers(text)] == ["Taliban"]
    text = ("China sanctioned Rubio, a longtime critic of the government in Beijing, citing what it "
            "described as “egregious behavior.”")
    assert [s for s, _ in _speakers(text)] == ["China"]


def test_a_person_opening_the_sentence_is_no_it() -> None:
    text = ("The ministry spoke on Monday. Tom Hale signed the order on Tuesday, which it said would "
            "take effect at once.")
    assert "Tom Hale" not in [s for s, _ in _speakers(text)]


# -- one of a group ------------------------------------------------------------------------------------


def test_one_of_a_group_of_people_is_one_member() -> None:
    assert _parsed("One of the children") == ("anonymous", "child")
    assert _parsed("one of the victims") == ("anonymous", "victim")
    assert _parsed("One of them") == ("anonymous", "one of them")
    text = ('The mother said "I look forward to the day."\n\nOne of the children said, "Sometimes I '
            'still have nightmares."')
    assert [s for s, _ in _speakers(text)] == ["the mother", "child"]


def test_one_of_a_group_quoted_before_is_one_member_of_that_group() -> None:
    text = ("Senior administration officials said the memo was routine. One of the officials said the "
            "document is intended to help the next administration. The official added that it was "
            "not binding.")
    assert [(s or "").lower() for s, _ in _speakers(text)] == [
        "senior administration officials", "senior administration official", "senior administration official"]


# -- a body's source after the cue, a number's comma, a long employer before a post ------------------


def test_an_administration_official_after_the_cue_is_the_official() -> None:
    assert _parsed_after("the second administration official in response to a question.") == (
        "anonymous", "second administration official")
    assert _parsed_after("the White House in a statement.") == ("organisation", "White House")


def test_a_number_s_comma_in_a_relative_clause_splits_no_part() -> None:
    text = ("The U.S. Capitol Police, whose 2,400 officers and civilian employees are responsible for "
            "protecting the Capitol and members of Congress, also said they were more prepared.")
    assert [s for s, _ in _speakers(text)] == ["U.S. Capitol Police"]


def test_a_long_employer_before_a_post_after_a_name_is_the_person_s() -> None:
    text = ('"That has never happened before," Matt McCool, U.S. Secret Service Washington Field Office '
            'special agent in charge, told reporters Friday.\n\n"But we are flexible," he said.')
    assert [s for s, _ in _speakers(text)] == ["Matt McCool", "Matt McCool"]


# -- an unnamed person opening a sentence -------------------------------------------------------------


def test_he_after_an_unnamed_person_opening_the_sentence_is_that_person() -> None:
    text = ('"I will not stop," Ni said.\n\nAnother Chinese immigrant who entered the United States last '
            'year is now living in New York.\n\nIn a telephone interview, he said that many in the '
            'community are a little panicked.')
    assert [s for s, _ in _speakers(text)] == ["Ni", "Chinese immigrant"]


def test_a_description_set_off_before_a_name_opens_no_unnamed_person() -> None:
    text = ('"We say local elections matter," Khan said.\n\nA consummate activist, Khan views the council '
            'as an extension of her activism. Her goal, she said, is to inspire future generations.')
    assert [s for s, _ in _speakers(text)] == ["Khan", "Khan"]


def test_a_body_is_named_without_the_outlet_it_spoke_to() -> None:
    assert _parsed_after("the Chinese Embassy to VOA Mandarin in an emailed response Wednesday.") == (
        "organisation", "Chinese Embassy")


def test_a_party_is_not_another_party_whose_name_ends_like_it() -> None:
    text = ("Japan’s ruling Liberal Democratic Party met on Monday. In Seoul, the main opposition "
            "Democratic Party said it would seek an impeachment vote again.")
    assert [s for s, _ in _speakers(text)] == ["Democratic Party"]


def test_a_suffix_set_off_by_a_comma_is_part_of_the_name() -> None:
    text = ("“The giant pandas are an iconic part of the city’s story,” said Elliott L. Ferguson, II, "
            "president and CEO of Destination DC.")
    assert [s for s, _ in _speakers(text)] == ["Elliott L. Ferguson II"]


def test_polling_by_a_body_is_the_body_s() -> None:
    text = ("Only a third of Americans trust the media, according to polling by the Pew Research "
            "Center.")
    assert [s for s, _ in _speakers(text)] == ["Pew Research Center"]


def test_a_name_inside_words_a_later_frame_closes_is_not_whom_its_pronoun_means() -> None:
    text = ("“President Carter was four decades ahead of his time,” said Manish Bapna, who leads the "
            "council. Carter called for cuts in emissions well before “climate change” was part of the "
            "lexicon, he said.")
    assert [s for s, _ in _speakers(text)] == ["Manish Bapna", "Manish Bapna"]


def test_she_after_a_person_introduced_in_the_paragraph_before_is_that_person() -> None:
    text = ("“We oppose the sanctions,” Guo Jiakun said on Monday.\n\nThe speculation garnered so much "
            "attention that Mao Ning, a spokesperson for China’s foreign ministry, was asked about it on "
            "Wednesday.\n\n“I am not yet aware of what you mentioned,” she said.")
    assert [s for s, _ in _speakers(text)] == ["Guo Jiakun", "Mao Ning"]


def test_a_woman_introduced_before_is_no_he() -> None:
    text = ("“We oppose the sanctions,” Guo Jiakun said on Monday.\n\nThe speculation grew so much that "
            "Maria Lopez, a spokesperson for the ministry, was asked about it.\n\n“I am not aware of "
            "it,” he said.")
    assert [s for s, _ in _speakers(text)] == ["Guo Jiakun", "Guo Jiakun"]


# -- the review's guards -----------------------------------------------------------------------------


def test_a_closing_it_said_is_the_body_quoted_before_not_the_sentence_s_subject() -> None:
    text = ("The Israeli military said it had killed a senior commander. Hezbollah fired more than 100 "
            "rockets on Sunday, it said.")
    assert [s for s, _ in _speakers(text)] == ["Israeli military", "Israeli military"]
    text = ("Google said the ruling was wrong. The European Commission fined Google 2.4 billion euros in "
            "2017, a decision it said it would appeal.")
    assert [s for s, _ in _speakers(text)] == ["Google", "Google"]


def test_they_after_a_company_and_its_workers_is_not_the_company() -> None:
    text = ("Starbucks closed five stores in Seattle this week after baristas raised safety concerns, and "
            "they said the closures were retaliation.")
    assert "Starbucks" not in [s for s, _ in _speakers(text)]


def test_they_is_not_a_group_named_as_an_object() -> None:
    text = "Police in Minneapolis arrested 12 protesters overnight. They said officers had been hit."
    assert [s for s, _ in _speakers(text)] == [None]


def test_an_unnamed_person_acted_on_is_no_later_he() -> None:
    text = ("“We are devastated by this loss,” said Mayor John Smith. A 17-year-old boy was arrested "
            "Tuesday in connection with the shooting. “This should never have happened in our city,” he "
            "said.")
    assert [s for s, _ in _speakers(text)] == ["John Smith", "John Smith"]


def test_a_name_set_off_by_dashes_after_a_description_speaks() -> None:
    assert [s for s, _ in _speakers("Her lawyer — Alan Dershowitz — said the case was weak.")] == [
        "Alan Dershowitz"]


def test_a_body_named_with_a_place_is_one_body() -> None:
    text = ("The Gaza Health Ministry said 40 people were killed. The Health Ministry said later that the "
            "toll had risen.")
    assert [s for s, _ in _speakers(text)] == ["Gaza Health Ministry", "Gaza Health Ministry"]


def test_a_closing_he_is_the_person_its_words_open_with_when_no_one_spoke_before() -> None:
    text = "Jose Martinez, 45, told his manager in March that he could no longer work double shifts, he said."
    assert {s for s, _ in _speakers(text)} == {"Jose Martinez"}


def test_a_person_introduced_in_a_clause_of_time_is_no_later_he() -> None:
    text = ("“I'm not going anywhere,” Prime Minister Rishi Sunak told reporters.\n\nHis remarks came a day "
            "after Lee Anderson, the party's former deputy chairman, defected to Reform UK.\n\n“The "
            "public want us to get on with the job,” he said.")
    assert [s for s, _ in _speakers(text)] == ["Rishi Sunak", "Rishi Sunak"]
