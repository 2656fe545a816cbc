"""Pronoun speakers when several people of both genders are in play: "he" and "she" agree in
gender with the person they mean (by title or first name), a name inside a relative clause or a
quotation is nobody's antecedent, a coordinated cue shares its partner's speaker, and the
answer to a quoted question is the other party's."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


def test_she_takes_the_woman_whose_first_name_agrees_not_the_man_named_first() -> None:
    text = ("Paul Costa spoke first, then Maria Costa. “It was a hard year,” she said. Her husband "
            "disagreed. “It was fine,” he said.")
    assert _speakers(text) == {"It was a hard year": "Maria Costa", "It was fine": "Paul Costa"}


def test_he_takes_a_man_named_by_his_first_name_alone() -> None:
    text = ("Maria Costa and her husband, Paul, run the farm. “It was a hard year,” he said. "
            "“We lost half the crop,” she added.")
    assert _speakers(text) == {"It was a hard year": "Paul", "We lost half the crop": "Maria Costa"}


def test_a_person_named_only_inside_a_quotation_is_no_antecedent() -> None:
    text = ("“Ask Maria Lopez,” Tom Hale told the board. Board members voted. “She knows,” he said. "
            "Later the board met again and she said she was sorry.")
    assert _speakers(text) == {"Ask Maria Lopez": "Tom Hale", "She knows": "Tom Hale",
                               "she was sorry": None}


def test_a_place_inside_a_relative_clause_is_not_the_subject_she_means() -> None:
    # "Idaho" after "Boise," is inside the clause about Prelogar; "Miss Idaho" is a title
    text = ("Elizabeth Prelogar is the top lawyer at the court. Prelogar, who grew up in Boise, "
            "Idaho, graduated from Emory University. As a teen she entered state pageants and won "
            "the Miss Idaho title in 2004. She said she used the scholarship money for law school.")
    assert _speakers(text) == {"she used the scholarship money for law school": "Elizabeth Prelogar"}


def test_a_cue_coordinated_with_another_shares_its_speaker() -> None:
    text = ("Wallace had Trump confirm that he signed each of the documents and acknowledge that "
            "they all included clauses requiring annual statements.")
    found = _speakers(text)
    assert found["they all included clauses requiring annual statements"] == "Trump"
    assert set(found.values()) == {"Trump"}  # not Wallace, the sentence's subject


def test_a_coordinated_cue_after_a_verb_phrase_is_still_the_subjects() -> None:
    text = "Mayor Ana Lopes visited the site and said the museum would open in May."
    assert _speakers(text) == {"the museum would open in May": "Ana Lopes"}


def test_the_answer_to_a_quoted_question_is_the_other_partys() -> None:
    text = ("Justice Samuel Alito pressed Solicitor General Elizabeth Prelogar on the rule.\n\n"
            "“That can be true,” Prelogar said, “but the risk is small.”\n\n"
            "“But there is some risk,” Alito interjected. “Do you dispute that?”\n\n"
            "“There can be a very minimal risk, but the rule is safe.”\n\n"
            "“Then why were you talking about it,” he rejoined.")
    found = _speakers(text)
    assert found["There can be a very minimal risk, but the rule is safe."] == "Elizabeth Prelogar"
    assert found["Then why were you talking about it"] == "Samuel Alito"
    interjection = [q for q in extract_quotes(text) if q.text.startswith("But there is some risk")]
    assert [q.speaker for q in interjection] == ["Samuel Alito"]


def test_a_question_with_one_person_in_play_carries_on() -> None:
    # nobody else was quoted: the next paragraph is more of the same statement
    text = ('"Why now?" Ms Ortiz asked.\n"Nobody has given us an answer."\nThe weather was cold.')
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ortiz" and len(quote.parts) == 2


def test_rejoined_counts_only_next_to_a_quote() -> None:
    assert _speakers("Sam Hale rejoined the company in May after a year away.") == {}


def test_they_means_the_group_the_sentence_named_when_no_group_was_quoted() -> None:
    text = ("He said that when he arrived, he granted the activists speaking time after they assured "
            "him that they were not going to call for violence.")
    found = _speakers(text)
    assert found["they were not going to call for violence"] == "activists"
    # a sentence opening with "They" means the group of the sentence before
    assert _speakers("Tom Hale met the farmers on Monday. They said the price was too low.") == {
        "the price was too low": "farmers"}
    # and no one person: with no group named, "they" stays unresolved
    assert _speakers("Tom Hale said he was tired.\n\nThey said the price was too low.")[
        "the price was too low"] is None


def test_a_group_named_with_its_work_and_two_heads() -> None:
    text = ("Since then, prices rose sharply, according to analysts and activists working in the "
            "region.")
    assert _speakers(text) == {
        "Since then, prices rose sharply": "analysts and activists working in the region"}


def test_told_me_that_reports_what_was_told() -> None:
    assert _speakers("Residents told me that they may leave just three days a week.") == {
        "they may leave just three days a week": "Residents"}
    assert _speakers("She told her story to the council.") == {}


def test_a_pronoun_in_a_clause_about_someones_home_is_the_owner() -> None:
    text = ("Maria Cartas had met Ana Lopes online. They met at a mall and then went to Lopes’ home, "
            "where she said she had more things to give her.")
    assert _speakers(text) == {"she had more things to give her": "Ana Lopes"}
    # a first name that disagrees with the pronoun leaves the owner out
    assert _speakers("Anna Hale drove to Tom Reed's house, where she said the door was open.") == {
        "the door was open": "Anna Hale"}


def test_a_description_after_an_inverted_cue_is_not_part_of_the_statement() -> None:
    for text in ("Prices rose sharply this spring, said Tom Hale, a farmer who runs the shop.",
                 "Prices rose sharply this spring, said Tom Hale, who runs the shop."):
        assert _speakers(text) == {"Prices rose sharply this spring": "Tom Hale"}
    # a parenthetical frame still takes both sides
    assert _speakers("The museum, said Mayor Ana Lopes, would open in May.") == {
        "The museum, said Mayor Ana Lopes, would open in May": "Ana Lopes"}


def test_a_participle_after_an_inverted_cue_is_that_speakers() -> None:
    text = ("Prices rose sharply this spring, said Tom Hale, who runs the shop in Leeds, adding that "
            "it was hard.")
    assert _speakers(text)["it was hard"] == "Tom Hale"  # not "Prices"
    text = "Tom Hale runs the shop. Prices rose sharply, he said, adding that the budget was tight."
    assert set(_speakers(text).values()) == {"Tom Hale"}


def test_a_company_before_one_more_name_is_a_product_not_a_person() -> None:
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(
        "Microsoft Teams said users could join by phone.")] == [("Microsoft Teams", "organisation")]
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(
        "Microsoft Satya Nadella said it was fine.")] == [("Satya Nadella", "person")]
    assert [q.speaker for q in extract_quotes("Kremlin Peskov said the talks were over.")] == ["Peskov"]


def test_a_wire_dateline_is_not_the_subject_of_a_participle() -> None:
    text = ('SEOUL, Aug. 20 (Yonhap) -- North Korea\'s official newspaper blasted South Korea on Tuesday '
            'for conducting a joint exercise, warning that Seoul will pay dearly for such "stupid" acts.')
    assert [q.speaker for q in extract_quotes(text)] == ["North Korea's official newspaper"]


def test_the_paper_is_the_newspaper_the_story_named_and_the_north_is_the_country() -> None:
    text = ('North Korea\'s official newspaper blasted the drill. "It is a provocation," the Rodong '
            'Sinmun said in a commentary. The paper said that the drill was aimed at the North. '
            'Earlier, the North warned that dialogue would not resume.')
    found = _speakers(text)
    assert found["the drill was aimed at the North"] == "Rodong Sinmun"
    assert found["dialogue would not resume"] == "North Korea"


def test_the_paper_of_a_study_is_no_newspaper() -> None:
    text = "Researchers at Leeds University studied the birds. The paper said the colony had grown fast."
    assert _speakers(text) == {"the colony had grown fast": "paper"}


def test_an_honorific_gives_a_surnames_gender() -> None:
    text = "Ms Lopes met Mr Hale. “It is late,” he said. “It is not,” she said."
    assert _speakers(text) == {"It is late": "Hale", "It is not": "Lopes"}


def test_more_given_names_tell_he_from_she() -> None:
    # "Ana" is a woman's name: "he" is not her, and "she" is
    assert _speakers("“Ask Tom Hale,” Ana Lopes said. The council met. “It is late,” he said.")[
        "It is late"] is None
    assert _speakers("Tom Hale and Ana Lopes spoke. He said the budget was safe. She said it was not.") == {
        "the budget was safe": "Tom Hale", "it was not": "Ana Lopes"}


def test_the_object_of_a_participle_in_the_speaker_phrase_is_not_the_speaker() -> None:
    found = _speakers("The attorney general of one of the states suing the agency said the rule "
                      "was unlawful.")
    assert found == {"the rule was unlawful":
                     "The attorney general of one of the states suing the agency"}
    found = _speakers("A spokesperson for the company operating the plant said the reactor was safe.")
    assert found == {"the reactor was safe": "A spokesperson for the company operating the plant"}
    # an article before the -ing word makes it a noun: "the hearing" is no participle
    assert _speakers("During the hearing the judge said the case would go on.") == {
        "the case would go on": "the judge"}


def test_a_verb_that_makes_someone_speak_names_the_speaker() -> None:
    assert _speakers("The leak forced Tom Hale to admit that the plan had failed.") == {
        "the plan had failed": "Tom Hale"}
    assert _speakers("Another attack prompted Engoron to say the questioning sounded like a broken "
                     "record.") == {"the questioning sounded like a broken record": "Engoron"}
    # a request is not that it was done
    assert _speakers("Reporters asked Ana Lopes to confirm that the plan had failed.") == {}


def test_a_person_opening_a_later_sentence_of_a_narrative_paragraph_is_who_she_means() -> None:
    text = ("The partner of star Natalie Guercio is suing the club.\n\n"
            "The alleged attacker, Rodolfo Lopez, fled the scene and later surrendered.\n\n"
            "Rene's face was cut in the attack. Guercio, whose family owns a funeral home, "
            "witnessed it but she was not hurt.\n\n"
            "“Any one of us could have been a victim,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Natalie Guercio"]


def test_they_after_there_have_been_critics_is_the_critics() -> None:
    text = ("Thousands marched on Saturday.\n\nAll the while, there have been critics. They say the "
            "protests are not about police brutality at all.")
    assert [q.speaker for q in extract_quotes(text)] == ["critics"]
