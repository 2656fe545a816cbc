"""Who speaks in the constructions of the twenty-seventh pass: block quotations introduced by a
handle, by "noted that:" with no clause of its own, or by a reported clause before a post in its
own language; a person "from" where they work."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes
from monitor.extract.speakers import parse_before, tokens


def _records(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(q.speaker, q.speaker_kind, q.sieve, text[q.start:q.end]) for q in extract_quotes(text)]


def _blocks(text: str) -> list[tuple[str | None, str]]:
    return [(speaker, words) for speaker, _, sieve, words in _records(text) if sieve == "block"]


def _parsed(phrase: str) -> tuple[str, str, str | None] | None:
    """How a speaker phrase right before "said" reads: kind, name and organisation."""
    text = f"“Hi,” {phrase} said."
    start = text.index(phrase)
    mention = parse_before(text, tokens(text, start, start + len(phrase)))
    return None if mention is None else (mention.kind, mention.name, mention.organisation)


# -- block quotations and their lead-ins --------------------------------------------------------------

_POST = ("Rest in peace, uncle, speechless as always. Sadness from both angles. My condolences to "
         "your family and friends.")


def test_a_handle_that_opens_a_lead_in_owns_the_block_after_it() -> None:
    text = (f"Thailand mourned on Tuesday.\n\nOn Twitter, @supinya expressed her sadness:\n\n{_POST}"
            "\n\nOthers disagreed.")
    assert _blocks(text) == [("@supinya", _POST)]


def test_a_handle_with_no_verb_after_it_opens_no_block() -> None:
    text = f"Thailand mourned on Tuesday.\n\nOn Twitter, @supinya:\n\n{_POST}\n\nOthers disagreed."
    assert all(speaker != "@supinya" or sieve != "block" for speaker, _, sieve, _ in _records(text))


_BLOCK = ("What’s required is what I call development thinking, an approach based on identifying "
          "what the country has.")


def test_noted_that_before_a_colon_has_no_clause_and_introduces_the_block() -> None:
    text = (f"“Africa can industrialise,” Justin Yifu Lin wrote on his blog.\n\nHe further noted that:\n\n"
            f"{_BLOCK}\n\nThe post drew comments.")
    assert _blocks(text) == [("Justin Yifu Lin", _BLOCK)]


def test_a_clause_before_a_colon_is_not_a_lead_in_to_an_english_paragraph() -> None:
    text = ("Officials say there are three options:\n\nThe first is to wait and see what the courts "
            "decide in the spring.\n\nThe second is to appeal.")
    assert _blocks(text) == []


def test_a_clause_before_a_post_in_its_own_language_introduces_the_post_and_its_translation() -> None:
    original = "Este será el último campus Party en Bogotá! (Fijo se lo queda Medellín)"
    english = "This will be the last Campus Party in Bogotá! (The next will definitely be in Medellín)"
    text = (f"Camilo Galeano (@camilogaleano) says it is a given [es] that Campus Party 2013 will be "
            f"in Medellín:\n\n{original}\n\n{english}\n\nOthers disagreed.")
    records = _records(text)
    blocks = [(speaker, words) for speaker, _, sieve, words in records if sieve == "block"]
    assert blocks == [("Camilo Galeano", f"{original}\n\n{english}")]
    # the clause is a record of its own still
    assert any(sieve == "reported" and words.startswith("it is a given") for _, _, sieve, words in records)


# -- a person from where they work -----------------------------------------------------------------------

def test_a_name_the_lists_lack_from_an_organisation_is_the_person() -> None:
    assert _parsed("Katya Albiter from Vivir México") == ("person", "Katya Albiter", "Vivir México")


def test_a_known_name_from_an_organisation_is_still_the_person() -> None:
    assert _parsed("John Smith from Reuters") == ("person", "John Smith", "Reuters")


def test_an_organisation_from_a_place_is_not_read_as_a_person_from_a_place() -> None:
    mention = _parsed("The Pentagon from Washington")
    assert mention is None or mention[1] != "The Pentagon"


# -- "according to" inside a longer sentence ---------------------------------------------------------------

def _according(text: str) -> list[tuple[str | None, str]]:
    return [(speaker, words) for speaker, _, sieve, words in _records(text) if sieve == "according_to"]


def test_a_clause_after_the_source_does_not_cancel_it() -> None:
    text = ("Trump has admitted to ordering the payments, according to prosecutors, but the judge "
            "has not ruled.")
    assert _according(text) == [("prosecutors", "Trump has admitted to ordering the payments")]


def test_a_cue_with_no_clause_of_its_own_is_no_rival_source() -> None:
    # "admitted to ordering" reports what he did; the prosecutors report it
    text = "Trump admitted to ordering the payments, according to prosecutors, but the judge has not ruled."
    assert [speaker for speaker, _ in _according(text)] == ["prosecutors"]


def test_a_rival_speaker_with_a_clause_still_blocks_the_source() -> None:
    text = "Trump said he ordered the payments, according to prosecutors, but the judge has not ruled."
    assert [speaker for speaker, _ in _according(text)] != ["prosecutors"] or len(_records(text)) > 1


def test_the_source_runs_to_its_comma_before_an_adverbial() -> None:
    text = ("The war has killed more than 39,000 people, according to Palestinian tallies, over the "
            "past 10 months.")
    assert _according(text) == [("Palestinian tallies", "The war has killed more than 39,000 people")]


def test_a_statement_that_goes_on_after_the_source_is_the_source_s() -> None:
    text = ("Lockbit extorted at least $500 million from victims, according to the Justice Department, "
            "as well as causing significant costs from lost revenue.")
    records = _according(text)
    assert [speaker for speaker, _ in records] == ["Justice Department"]
    assert records[0][1].startswith("Lockbit extorted") and records[0][1].endswith("lost revenue")


def test_sources_cited_by_others_are_the_sources() -> None:
    text = ("Valizadeh was slated to go on trial, according to sources cited by HRAI and journalist "
            "Nejat Bahrami, who first reported the arrest.")
    assert _according(text) == [("sources", "Valizadeh was slated to go on trial")]


# -- names in social-media posts and around them ----------------------------------------------------

def _speakers(text: str) -> list[str | None]:
    return [speaker for speaker, _, _, _ in _records(text)]


def test_a_people_s_word_before_a_name_is_no_part_of_it() -> None:
    text = "Palestinian Roba Salibi wrote: “The concert was wonderful.”"
    assert _speakers(text) == ["Roba Salibi"]


@pytest.mark.parametrize("name", ["Damian Mac Con Uladh", "Duncan Ross Smith", "Gian Piero Gasperini",
                                  "Cristian Romero Ruiz", "Kilian Jornet Burgada"])
def test_a_given_name_shaped_like_a_people_s_word_stays_in_the_name(name: str) -> None:
    assert _speakers(f"{name} said: “We need action now.”") == [name]


@pytest.mark.parametrize("name", ["American Red Cross", "American Eagle Outfitters",
                                  "Canadian Natural Resources"])
def test_a_body_named_after_a_people_keeps_its_name(name: str) -> None:
    assert _speakers(f"“We help,” {name} said.") == [name]


def test_a_handle_in_brackets_after_a_name_labels_that_person_s_posts() -> None:
    text = ("Addressing Citizen Protection Minister Michalis Chrisochoidis (@chrisochoidis), journalist "
            "Damian Mac Con Uladh (@damomac) urged the minister to act:\n\n"
            "@chrisochoidis: Even an injured democracy is better than no democracy.\n\n"
            "@damomac: @chrisochoidis Minister, please help this wounded democracy by dismissing "
            "those officers.")
    records = [(speaker, kind) for speaker, kind, sieve, _ in _records(text) if sieve == "transcript"]
    assert records == [("Michalis Chrisochoidis", "person"), ("Damian Mac Con Uladh", "person")]


def test_a_handle_with_a_full_width_colon_labels_a_post_in_a_script_without_spaces() -> None:
    text = ("The expulsion drew few comments at home.\n\n"
            "@毛聊：“半岛”怎说也是第三世界媒体，不依附西方媒体。\n\n"
            "@毛聊：Al Jazeera is a third-world outlet and is independent from Western media.")
    records = [(speaker, words) for speaker, _, sieve, words in _records(text) if sieve == "transcript"]
    assert len(records) == 1 and records[0][0] == "@毛聊"
    assert records[0][1].startswith("“半岛”") and records[0][1].endswith("Western media.")


def test_a_man_called_by_his_name_is_that_person() -> None:
    text = ("The most moving response came from a man called Raja Farah, who invited the writer to "
            "have coffee. He wrote:\n\nI’m a 33-year-old man. Everything you have written is something "
            "I have read before.\n\nOthers agreed.")
    assert _blocks(text)[0][0] == "Raja Farah"


@pytest.mark.parametrize("text", [
    "A neighbour called West Midlands Police and said the man was carrying a knife.",
    "A witness called Thames Valley Police, saying she had heard shots.",
])
def test_a_person_who_called_the_police_is_not_the_police(text: str) -> None:
    assert all(speaker in ("A neighbour", "A witness") for speaker in _speakers(text))


def test_a_group_called_by_a_name_is_not_made_a_person() -> None:
    text = "“We were scared,” a group called Mothers Against Drunk Driving said."
    assert all(kind != "person" or speaker != "Mothers Against Drunk Driving"
               for speaker, kind, _, _ in _records(text))


def test_according_to_a_description_then_the_name_with_its_role() -> None:
    text = ("According to the festival's founder, Egyptian novelist Ahdaf Soueif, having the festival "
            "in Gaza has been the ultimate goal of the event.")
    assert _according(text) == [
        ("Ahdaf Soueif", "having the festival in Gaza has been the ultimate goal of the event")]


@pytest.mark.parametrize("text", [
    "According to the mayor, the city council, which met Monday, will decide.",
    "According to the mayor, prosecutors in Fulton County, Georgia, have dropped the charges.",
    "According to the mayor, troops from North Korea, about 10,000 of them, are now fighting.",
])
def test_according_to_a_description_then_a_clause_is_not_a_name(text: str) -> None:
    assert [speaker for speaker, _ in _according(text)] == ["the mayor"]


# -- cues in the present of a plural subject, and after "rushed to" ----------------------------------------

def _reported(text: str) -> list[tuple[str | None, str]]:
    return [(speaker, words) for speaker, _, sieve, words in _records(text) if sieve == "reported"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Other former officials note that the talks are not a crime.", "former officials"),
    ("Former officials, though, caution that the talks are not a crime.", "Former officials"),
    ("Critics argue that the talks are not a crime.", "Critics"),
])
def test_a_plural_subject_s_present_before_that_is_a_cue(sentence: str, speaker: str) -> None:
    assert _reported(sentence) == [(speaker, "the talks are not a crime")]


@pytest.mark.parametrize("sentence", [
    "The report was a note that the board kept for years.",
    "A police report that was released on Friday described the scene.",
    "Lawmakers have read the police report that was filed after the crash.",
])
def test_a_noun_before_that_is_no_cue(sentence: str) -> None:
    assert _records(sentence) == []


@pytest.mark.parametrize("verb", ["was quick to add", "hastened to add", "rushed to explain"])
def test_the_subject_of_rushed_to_explain_says_the_clause(verb: str) -> None:
    assert _reported(f"The mayor {verb} that the city would recover.") == [
        ("the mayor", "the city would recover")]


# -- findings by a judge named with the title, and by analysts ------------------------------------------

_STORY = "The storm hit the coast on Friday.\n\n"


def test_a_judge_named_with_the_title_rules_that() -> None:
    text = _STORY + "Judge Robert McBurney ruled that no election board may refuse to certify results."
    assert _reported(text) == [("Robert McBurney", "no election board may refuse to certify results")]


def test_analysts_find_that() -> None:
    text = _STORY + "Microsoft’s analysts found that a criminal group infiltrated a dating site."
    assert _reported(text) == [("Microsoft’s analysts", "a criminal group infiltrated a dating site")]


@pytest.mark.parametrize("sentence", ["The neighbour found that the door was locked.",
                                      "Model Bella Hadid found that fame was isolating."])
def test_a_person_who_finds_something_reports_nothing(sentence: str) -> None:
    assert _records(_STORY + sentence) == []


# -- a group named for its members ------------------------------------------------------------------------

def test_the_doctors_are_the_group_named_for_doctors() -> None:
    text = ("In a letter, the doctors pleaded with the administration.\n\n"
            "The doctors, members of a recently formed group Doctors for Camp Closure, offered help.\n\n"
            "“We can help,” the doctors said.")
    assert _speakers(text) == ["Doctors for Camp Closure"]


def test_a_group_named_with_a_capitalised_preposition_opening_a_sentence() -> None:
    text = ("Mothers Against Drunk Driving, the mothers who founded it, marched on Sunday. "
            "“Never again,” the mothers said.")
    assert _speakers(text) == ["Mothers Against Drunk Driving"]


@pytest.mark.parametrize("text", [
    "The country ranks 160th in the index published by Reporters Without Borders. Two local "
    "journalists were arrested in May; the reporters said they had been beaten in custody.",
    "Aid from Doctors Without Borders reached the city in March. At Nasser Hospital, the doctors "
    "said they had no anaesthetic left.",
])
def test_a_group_merely_named_elsewhere_is_not_who_the_plural_means(text: str) -> None:
    assert _speakers(text)[-1] in ("the reporters", "the doctors")


def test_a_plural_after_a_dateline_s_dash_is_no_group() -> None:
    text = ("KYIV, Ukraine (AP) — Officials in Kyiv said the attack killed two. Later the officials "
            "said more had died.")
    assert [kind for _, kind, _, _ in _records(text)] == ["anonymous", "anonymous"]


def test_a_plural_opening_a_sentence_before_a_place_is_no_group() -> None:
    text = "Prosecutors in Sweden dropped the case. “We have no evidence,” the prosecutors said."
    assert _speakers(text) == ["the prosecutors"]


def test_a_cue_word_as_a_noun_after_a_possessive_leaves_the_lead_in_whole() -> None:
    block = "I felt it is my duty as a holder of a biology degree to answer. He is ignorant of both."
    text = (f"The court ruled on Monday.\n\nElie Fares responded to Mohamad's claims one by one:\n\n{block}"
            "\n\nThe post was shared.")
    assert _blocks(text) == [("Elie Fares", block)]


# -- documents after "U.S.", and datelines in capitals -------------------------------------------------

def test_a_statement_from_an_office_after_us_is_that_office_s() -> None:
    text = ("The judge ordered him to pay $20 million, according to a statement from the U.S. "
            "Attorney's Office. “He was a menace,” the statement said.")
    assert _speakers(text)[-1] == "U.S. Attorney's Office"


def test_what_an_order_does_names_no_author() -> None:
    text = ("Last Tuesday, President Donald Trump signed an executive order pulling the U.S. out of the "
            "U.N. Human Rights Council.\n\nThe executive order said that the council has "
            "“protected human rights abusers.”")
    assert _speakers(text)[0] == "Donald Trump"


def test_a_dateline_s_place_in_capitals_is_no_full_name() -> None:
    text = ("RAMAT TRUMP, Golan Heights — Residents cheered on Wednesday.\n\n"
            "That changed in 2019 when Trump, without notice, tweeted that the U.S. would recognize "
            "the annexation.")
    assert _speakers(text) == ["Trump"]


# -- accounts named by their handles -------------------------------------------------------------------

def test_a_user_named_by_a_handle_is_the_account() -> None:
    assert _reported("Another user @opentree20 tweeted that the protest was large.") == [
        ("@opentree20", "the protest was large")]


def test_a_user_s_handle_before_a_cue_and_a_colon_owns_the_block() -> None:
    text = ("The protest grew.\n\nTwitter user @notable1980 tweeted [ko] with a photo of the protest:\n\n"
            "작은 실천이 세상을 바꿉니다. 우리는 다시 모였습니다.\n\n"
            "Small actions change the world. We gathered again.\n\nOthers disagreed.")
    assert [speaker for speaker, _ in _blocks(text)] == ["@notable1980"]


def test_a_name_with_its_handle_and_the_page_s_language_opens_a_lead_in() -> None:
    text = ("The protest grew.\n\nIvan Martinez (@ OlimacNavi) [es] thinks that the march [es] was "
            "affected by communists:\n\nOtra vez los comunistas tirándose la ciudad. Luego dicen que no.\n\n"
            "Again the communists ruining the city. Then they say no.\n\nOthers disagreed.")
    assert [speaker for speaker, _ in _blocks(text)] == ["Ivan Martinez"]


@pytest.mark.parametrize("sentence", [
    "Eagle-eyed readers will note that these images are AI-generated.",
    "It is important to note that the data is incomplete.",
    "Readers may note that the figures differ.",
])
def test_a_base_form_after_a_modal_or_to_is_no_one_s_statement(sentence: str) -> None:
    assert _records(sentence) == []


# -- a place before an inverted cue ---------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Prices rose sharply in Ohio, said Tom Hale.", "Tom Hale"),
    ("Wild birds likely carried the strain to cattle in Nevada, said J.J. Goicoechea, the state's "
     "agriculture director.", "J.J. Goicoechea"),
    ("The talks ended in Geneva, said the spokesman.", "the spokesman"),
    ("The talks ended under Trump, said a senior official.", "a senior official"),
])
def test_a_place_before_an_inverted_cue_is_no_subject(sentence: str, speaker: str) -> None:
    assert _speakers(sentence) == [speaker]
