"""Who speaks in the constructions of the twenty-fifth pass: epithets after a quotation ("the top
U.S. diplomat"), posts held "in the House", documents "released Thursday", bodies "based" in a
place, "her campaign", and acronyms the text spells out after "according to"."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes
from monitor.extract.speakers import parse_before, tokens


def _records(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_kind, text[q.start:q.end]) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [speaker for speaker, _, _ in _records(text)]


def _parsed(phrase: str) -> tuple[str, str, str | None] | None:
    """How a speaker phrase right before "said" reads: kind, name and role."""
    text = f"“Hi,” {phrase} said."
    start = text.index(phrase)
    mention = parse_before(text, tokens(text, start, start + len(phrase)))
    return None if mention is None else (mention.kind, mention.name, mention.role)


# -- an epithet right after one person's quotation -------------------------------------------------

@pytest.mark.parametrize("named", ["Rubio", "Secretary of State Marco Rubio"])
@pytest.mark.parametrize("epithet", ["the top U.S. diplomat", "the nation's top diplomat"])
def test_the_top_diplomat_after_a_quotation_of_the_secretary_is_him(named: str, epithet: str) -> None:
    text = (f"“I think it creates the opportunity for these groups,” {named} said.\n\n"
            f"“We don't have American elements on the ground,” {epithet} said.")
    speakers = _speakers(text)
    assert len(speakers) == 2
    assert speakers[0] == speakers[1]
    assert speakers[1].endswith("Rubio")


def test_a_top_executive_after_a_chief_executive_is_her() -> None:
    text = ("“Sales rose,” said Mary Barra, chief executive of General Motors.\n\n"
            "“We are ready,” the top executive told analysts.")
    assert _speakers(text) == ["Mary Barra", "Mary Barra"]


def test_a_victim_quoted_after_the_named_victim_is_her() -> None:
    text = ("Marina Lacerda said the abuse took place in the massage room. But she remembered "
            "the room had soft sheets. The victim added she was lured into the room.")
    assert _speakers(text)[-1] == "Marina Lacerda"


def test_an_unnamed_source_after_a_quotation_stays_a_source_of_its_own() -> None:
    text = "“We will not back down,” Rubio said.\n\n“Talks are stalled,” the official said."
    assert _speakers(text) == ["Rubio", "the official"]


def test_a_minister_of_another_portfolio_is_not_the_minister_quoted_before() -> None:
    text = ("“The plane overshot the runway,” Civil Aviation Minister Hardeep Singh Puri said.\n\n"
            "“Ten patients are critical,” the local health minister said.")
    speakers = _speakers(text)
    assert speakers[0] == "Hardeep Singh Puri"
    assert speakers[1] != "Hardeep Singh Puri"


# -- a post held "in the House", a party's members "in Congress" --------------------------------------

@pytest.mark.parametrize(("phrase", "role"), [
    ("the top Republican in the House", "top Republican in the House"),
    ("the top Democrat in the state", "top Democrat in the state"),
    ("the ranking Democrat on the House Intelligence Committee",
     "ranking Democrat on the House Intelligence Committee"),
    ("the highest-ranking Republican in Congress", "highest-ranking Republican in Congress"),
])
def test_a_party_member_holding_a_place_in_a_chamber_is_a_person_not_the_chamber(
        phrase: str, role: str) -> None:
    kind, _, parsed_role = _parsed(phrase)
    assert kind == "definite"
    assert parsed_role == role


@pytest.mark.parametrize("phrase", ["Democrats in Congress", "Republicans in the House",
                                    "Republicans on the committee"])
def test_a_party_s_members_in_a_chamber_are_a_group(phrase: str) -> None:
    assert _parsed(phrase) == ("anonymous", phrase, None)


def test_the_top_democrat_in_the_state_is_quoted() -> None:
    records = _records("“I won't resign,” the top Democrat in the state said.")
    assert [(speaker, kind) for speaker, kind, _ in records] == [
        ("the top Democrat in the state", "anonymous")]


def test_a_mayor_in_a_statement_is_not_read_as_holding_a_post_in_it() -> None:
    assert _parsed("The mayor in a statement") != ("definite", "mayor", "mayor in a statement")


# -- a person given an age before the name ------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "name"), [("the 30-year-old Hurst", "Hurst"),
                                              ("the 45-year-old Maria Lopez", "Maria Lopez")])
def test_a_name_after_an_age_is_a_person(phrase: str, name: str) -> None:
    assert _parsed(phrase) == ("person", name, phrase.split()[1])


def test_the_aged_surname_is_the_person_named_in_full_before() -> None:
    text = ("Brandon Hurst sells plants.\n\nA year after joining TikTok, the 30-year-old Hurst, who "
            "sells plants, said his sales doubled.")
    assert _speakers(text) == ["Brandon Hurst"]


# -- documents "released Thursday", "filed in court", "issued by the ministry" ---------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The report released Thursday said the circumstances were suspicious.", "The report"),
    ("A search warrant affidavit issued Thursday said the circumstances were suspicious.",
     "A search warrant affidavit"),
    ("An affidavit filed in court said the circumstances were suspicious.", "An affidavit"),
    ("A letter sent to lawmakers last week said the plan was unworkable.", "A letter"),
])
def test_a_document_said_when_it_came_out_speaks_as_itself(sentence: str, speaker: str) -> None:
    records = _records(sentence)
    assert len(records) == 1
    assert records[0][0] == speaker
    assert records[0][2].startswith("the ")


@pytest.mark.parametrize("sentence", [
    "A report by Human Rights Watch said the circumstances were suspicious.",
    "A report by Human Rights Watch released on Monday said the circumstances were suspicious.",
    "A report released by Human Rights Watch on Monday said the circumstances were suspicious.",
])
def test_a_document_released_by_a_body_is_the_body_s(sentence: str) -> None:
    assert _speakers(sentence) == ["Human Rights Watch"]


def test_documents_obtained_by_an_outlet_are_not_the_outlet_s() -> None:
    speakers = _speakers("Documents obtained by the Associated Press show the agency knew of the flaw.")
    assert speakers == ["Documents"]


def test_a_ruling_that_made_proclamations_is_no_document_made_public() -> None:
    assert _parsed("The ruling made proclamations which analysts") != ("anonymous", "The ruling", None)


# -- bodies described by kind and place ------------------------------------------------------------------

IRC = "Sudan is in crisis, the International Rescue Committee said on Wednesday.\n\n"


@pytest.mark.parametrize("described", ["the organization", "the New York-based organization",
                                       "the Washington-based organization", "the New York-based group"])
def test_a_body_described_by_kind_or_base_is_the_body_named_before(described: str) -> None:
    text = IRC + f"“It is bad,” {described} said."
    assert _speakers(text) == ["International Rescue Committee"] * 2


def test_the_organization_is_the_body_whose_name_says_so() -> None:
    text = ("The World Health Organization said the virus spread. Pfizer said its vaccine works. "
            "The organization said more data was needed.")
    assert _speakers(text)[-1] == "World Health Organization"


def test_a_named_group_keeps_its_name() -> None:
    assert _speakers("Sudan is in crisis, the Wagner group said on Wednesday.") == ["Wagner"]


# -- "her campaign" with no one quoted yet -------------------------------------------------------------------

def test_her_campaign_is_the_campaign_of_the_woman_named_before() -> None:
    text = ("Kamala Harris visited Raleigh on Saturday. She was also scheduled to hold a rally, her "
            "campaign said.")
    assert _speakers(text) == ["Harris campaign"]


def test_a_storm_with_a_woman_s_name_runs_no_campaign() -> None:
    text = ("Helene hit the state last month. She was also scheduled to hold a rally, her campaign "
            "said.")
    assert _speakers(text) == ["campaign"]


# -- an acronym the text spells out, after "according to" ----------------------------------------------

def test_a_body_s_acronym_after_according_to_is_the_body() -> None:
    text = ("The International Rescue Committee warned of collapse.\n\nAround 305 million people "
            "worldwide are in need of humanitarian support, according to IRC, with 82% of them in "
            "watchlist areas such as the occupied Palestinian territories, Myanmar, Syria, South Sudan "
            "and Lebanon.")
    records = _records(text)
    assert [speaker for speaker, _, _ in records] == ["International Rescue Committee"]


def test_a_news_agency_s_acronym_stays_an_outlet() -> None:
    text = ("The Korean Central News Agency reported the launch. The missile flew 500 km, "
            "according to KCNA.")
    records = extract_quotes(text)
    assert records and records[-1].speaker == "Korean Central News Agency"


# -- a long place before "that", a long name as a clause's subject ----------------------------------------

def test_a_long_phrase_of_where_before_that_leaves_the_clause_reported() -> None:
    text = ("Ford said in a financial filing to the Securities and Exchange Commission that the "
            "investigation started in May.")
    records = _records(text)
    assert [body for _, _, body in records] == ["the investigation started in May"]


def test_a_clause_after_a_long_where_with_a_verb_is_not_read_past_it() -> None:
    text = ("Ford said in a speech the company would cut jobs at plants in Ohio and Michigan that "
            "had lost money.")
    records = _records(text)
    assert records and not records[0][2].startswith("had lost")


@pytest.mark.parametrize("subject", ["the United States Department of Justice",
                                     "the Justice Department"])
def test_a_clause_whose_subject_is_a_long_name_is_reported_after_announced(subject: str) -> None:
    text = f"On Friday Ford Motor Company announced {subject} was performing a criminal investigation."
    assert _records(text) == [("Ford Motor Company", "organisation",
                               f"{subject} was performing a criminal investigation")]


def test_a_company_s_first_word_is_the_company_quoted_before() -> None:
    text = ("On Friday Ford Motor Company announced the Justice Department was investigating. Ford "
            "said in a filing that the probe started in May. “We are cooperating,” Ford said.")
    assert _speakers(text) == ["Ford Motor Company"] * 3


def test_a_person_s_surname_is_not_a_body_named_for_their_things() -> None:
    text = ("Doris Day's animal foundation said she was in good health. Day said she loved animals.")
    assert _speakers(text)[-1] == "Doris Day"


# -- a state's body named by its people's word ------------------------------------------------------------

@pytest.mark.parametrize(("first", "later", "name"), [
    ("The Brazilian government announced new targets.", "The government", "Brazilian government"),
    ("The Danish government rejected the offer.", "The government", "Danish government"),
    ("The Chinese foreign ministry summoned the envoy.", "The ministry", "Chinese foreign ministry"),
    ("Pakistan's foreign ministry summoned the envoy.", "The foreign ministry",
     "Pakistan's foreign ministry"),
])
def test_the_body_is_the_state_s_body_named_before(first: str, later: str, name: str) -> None:
    assert _speakers(f"{first} {later} said the strike was illegal.")[-1] == name


def test_an_ambassador_s_people_do_not_name_the_government() -> None:
    text = "The American ambassador met the government. The government said the talks went well."
    assert _speakers(text) == ["government"]


# -- batch CP: a judge's middle initial, a post "on X", "the administration" --------------------------------

def test_the_judge_is_the_judge_titled_with_a_middle_initial() -> None:
    text = ("Judge Dale E. Ho's written order means he won't decide before mid-March. The judge "
            "said he would rule later.")
    assert _speakers(text) == ["Dale E. Ho"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Musk on X on Sunday called the email “a very basic pulse check.”", "Musk"),
    ("Trump on Truth Social wrote that the deal was done.", "Trump"),
])
def test_where_a_post_went_up_is_not_who_posted_it(sentence: str, speaker: str) -> None:
    assert _speakers(sentence) == [speaker]


@pytest.mark.parametrize("named", ["The Trump administration fired the generals.",
                                   "The Biden administration said the rule would stand."])
def test_the_administration_is_the_one_named_before(named: str) -> None:
    text = f"{named} The administration said it would appeal the ruling."
    assert _speakers(text)[-1] == f"{named.split()[1]} administration"


def test_an_administration_no_one_named_stays_itself() -> None:
    assert _speakers("The administration said it would appeal the ruling.") == ["administration"]


# -- batch CL: an index's owner, a document with its matter, reports of a kind -------------------------------

@pytest.mark.parametrize(("sentence", "owner"), [
    ("Costs are at an all-time high, according to the U.S. Bureau of Labor Statistics' producer "
     "price index.", "U.S. Bureau of Labor Statistics"),
    ("Prices rose 3 percent, according to the Labor Department's consumer price index.",
     "Labor Department"),
])
def test_an_index_after_according_to_is_its_owner_s(sentence: str, owner: str) -> None:
    assert _speakers(sentence) == [owner]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The initial findings of autopsies on the couple revealed that Hackman and his wife both "
     "tested negative.", "The initial findings of autopsies on the couple"),
    ("A review of the agency's records found that the money was missing.",
     "A review of the agency's records"),
])
def test_a_document_with_what_it_is_of_speaks_as_itself(sentence: str, speaker: str) -> None:
    assert _speakers(sentence) == [speaker]


@pytest.mark.parametrize("source", ["Earlier reports", "Media reports", "Local media reports",
                                    "Initial reports"])
def test_reports_of_a_kind_are_the_source(source: str) -> None:
    assert _records(f"{source} said the front door was open.") == [
        (source, "anonymous", "the front door was open")]


# -- batches CQ and CR: the president-elect, a name after an honorific, a firm by its people -----------------

def test_the_president_elect_is_the_one_titled_so_not_the_subject_before() -> None:
    text = ("President-elect Donald Trump has selected North Dakota Governor Doug Burgum to run the "
            "Interior Department.\n\nAs chairman of the National Energy Council, Burgum will have a "
            "seat on the National Security Council, the president-elect said.")
    assert _speakers(text) == ["Donald Trump"]


@pytest.mark.parametrize(("phrase", "name"), [("Dr Meerjady Sabrina Flora", "Meerjady Sabrina Flora"),
                                              ("Mr Kwame Nkrumah Mensah", "Kwame Nkrumah Mensah"),
                                              ("Dr. Anthony Fauci", "Anthony Fauci")])
def test_every_capitalised_word_after_an_honorific_is_the_name(phrase: str, name: str) -> None:
    kind, parsed, _ = _parsed(phrase)
    assert (kind, parsed) == ("person", name)


def test_the_doctor_s_given_name_alone_is_her() -> None:
    text = ("In an online news briefing, the director of IEDCR, Dr Meerjady Sabrina Flora, said the "
            "fatalities included four males and one female. According to Dr Meerjady, two cases were "
            "aged above 60.")
    assert _speakers(text) == ["Meerjady Sabrina Flora"] * 2


def test_a_firm_described_by_its_people_is_the_company_named_before() -> None:
    text = ("Nippon Steel Corp. said on Monday it would keep the plant open.\n\n“We will invest "
            "$2.7 billion,” the Japanese firm said.")
    assert _speakers(text) == ["Nippon Steel Corp"] * 2


def test_a_presidential_nominee_is_not_the_president() -> None:
    text = ("President Joe Biden visited Florida on Sunday. Republican presidential nominee Donald "
            "Trump said the response was weak.\n\nBiden said Trump was “not singularly” to blame.\n\n"
            "The president is pressing for swift action by Congress. He said Friday that Milton alone "
            "had caused an estimated $50 billion in damages.")
    assert _speakers(text)[-1] == "Joe Biden"


def test_a_handle_s_later_post_is_the_owner_a_lead_in_named_before() -> None:
    text = ("Abeer Al Yosofi wondered:\n\n@im_abeer: Until when will Yemeni women be the victim of "
            "unfair and unfounded reports? #yemen\n\nShe said:\n\n@im_abeer: I am against the figure "
            "and I do not agree that harassment in my country exceeds other countries.")
    assert _speakers(text) == ["Abeer Al Yosofi"] * 2


def test_a_handle_no_lead_in_named_stays_the_handle() -> None:
    text = ("Netizens reacted:\n\n@im_abeer: Until when will Yemeni women be the victim of unfair "
            "reports? #yemen")
    assert _speakers(text) == ["@im_abeer"]


# -- batches CO–CQ: a bulletin, a body's name with "for a", what a text calls a body, allies ---------

def test_a_bulletin_obtained_by_an_outlet_is_the_bulletin_s() -> None:
    text = ("A law enforcement bulletin obtained by The Associated Press said that at the time of his "
            "arrest, Mangione was carrying a handwritten document.")
    records = _records(text)
    assert len(records) == 1
    assert records[0][0] == "law enforcement bulletin"


@pytest.mark.parametrize(("phrase", "name"), [
    ("The nonpartisan Committee for a Responsible Federal Budget",
     "Committee for a Responsible Federal Budget"),
    ("The nonpartisan Tax Foundation", "Tax Foundation"),
    ("the conservative Heritage Foundation", "Heritage Foundation"),
])
def test_a_body_is_named_without_what_the_text_calls_it(phrase: str, name: str) -> None:
    kind, parsed, _ = _parsed(phrase)
    assert (kind, parsed) == ("organisation", name)


def test_a_president_s_allies_are_a_group() -> None:
    text = "Biden's allies have said a concerted push to confirm his nominees would build his legacy."
    assert _records(text) == [("Biden's allies", "anonymous",
                               "a concerted push to confirm his nominees would build his legacy")]


@pytest.mark.parametrize("subject", ["Court documents filed by prosecutors",
                                     "A report released by the agency"])
def test_a_document_said_how_it_came_out_can_show_a_finding(subject: str) -> None:
    records = _records(f"{subject} show that Patel was in the U.S. illegally.".replace(
        "agency show", "agency shows"))
    assert [body for _, _, body in records] == ["Patel was in the U.S. illegally"]


# -- batch CU: a link's language mark between a cue and what was said --------------------------------------

@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("On May 10, Grigory Yavlinsky [en] controversially wrote [ru] in his LiveJournal blog that the "
     "opposition's recent turn to confrontation is a bad omen.", "Grigory Yavlinsky",
     "the opposition's recent turn to confrontation is a bad omen"),
    ("Journalist Carlos Puig [es] recalled that this is not an isolated case in the country.",
     "Carlos Puig", "this is not an isolated case in the country"),
])
def test_a_language_mark_is_read_past(text: str, speaker: str, content: str) -> None:
    assert _records(text) == [(speaker, "person", content)]


def test_a_display_name_s_post_with_its_language_mark_is_still_the_name_s() -> None:
    text = "@Liu Yadong [zh]: No matter whether the ambassador flies economy, the story is the same."
    assert _speakers(text) == ["Liu Yadong"]


# -- batches CS and CT: a document of the one who sued, issued or wrote it -----------------------------------

@pytest.mark.parametrize(("text", "author"), [
    ("Republican presidential nominee Donald Trump sued CBS News on Thursday over an interview.\n\n"
     "The lawsuit, filed in federal court in Texas, alleged that the network aired two different "
     "responses.", "Donald Trump"),
    ("New Attorney General Pam Bondi on Wednesday issued a series of directives.\n\nThe group will "
     "also review unethical prosecutions stemming from the riot, according to the memo.", "Pam Bondi"),
])
def test_a_document_is_the_one_s_who_sued_issued_or_wrote_it(text: str, author: str) -> None:
    assert _speakers(text)[-1] == author


@pytest.mark.parametrize(("opening", "name"), [
    ("Democrats warned President Donald Trump on Tuesday.", "Trump administration"),
    ("Former President Barack Obama spoke on Tuesday.", "administration"),
])
def test_the_administration_with_no_name_is_the_president_s(opening: str, name: str) -> None:
    text = f"{opening} The administration has said it is reviewing the agency's work."
    assert _speakers(text) == [name]


@pytest.mark.parametrize("owner", ["Tester's", "Tester’s", "Tester’"])
def test_a_candidate_s_campaign_is_named_as_the_campaign_of_the_surname(owner: str) -> None:
    text = (f"Sen. Jon Tester campaigned in Montana. {owner} campaign said the proposals were "
            "amendments to spending bills.")
    assert _speakers(text) == ["Tester campaign"]


def test_a_description_inside_the_quoted_person_s_own_words_is_someone_else() -> None:
    text = ("Michael Tomlinson, the minister for illegal migration, says the PM has made it clear "
            "that he will not let a foreign court stop a flight leaving.")
    speakers = _speakers(text)
    assert "the PM" in speakers


def test_a_noun_object_before_a_later_name_and_verb_is_no_clause() -> None:
    records = _records("Analysts say North Korea has denied a new treaty, though Mr Putin is "
                       "preparing a visit.")
    assert [body for _, _, body in records] == ["North Korea has denied a new treaty"]
