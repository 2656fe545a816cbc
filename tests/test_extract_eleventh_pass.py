"""Invented examples of the patterns met in the eleventh batch of real text: a bare plural for a
body a story has one of ("prosecutors", "police", "the unions") after the fuller phrase, a
company the text spells in camel case, a maker's name before a model number, a public body
that "the company" never means, and counts dropped after "according to"; and the near misses
of those rules (a comma that closes a name, an aside between commas, words said, a surname's
prefix, an acronym whose initials do not fit) that must stay what they were."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_bare_prosecutors_are_the_federal_prosecutors_quoted_before() -> None:
    text = ("Federal prosecutors alleged that the two guards falsified records.\n\n"
            "Prosecutors alleged that no checks were made for hours. Later, prosecutors said the "
            "cameras were off.")
    assert _speakers(text) == ["Federal prosecutors"] * 3


def test_police_and_unions_continue_their_fuller_phrase() -> None:
    assert _speakers("Dallas police said the suspect fled. Police said he was later arrested.") \
        == ["Dallas police", "Dallas police"]
    assert _speakers("Teachers unions said the raise was too small.\n\nThe unions said they would "
                     "keep pushing.") == ["Teachers unions", "Teachers unions"]


def test_officials_stay_officials_a_story_has_many() -> None:
    assert _speakers("American officials said the talks had stalled. Officials said a new round "
                     "was possible.") == ["American officials", "Officials"]


def test_the_airline_is_no_plane_maker_nor_an_air_force() -> None:
    text = ("Flight 8501, an Airbus A320-200, lost contact on Sunday. The Singapore Air Force sent "
            "two planes. “On behalf of AirAsia, my condolences,” airline boss Tony Fernandes "
            "tweeted.\n\nThe airline said it was inviting families to Surabaya.")
    assert _speakers(text) == ["Tony Fernandes", "AirAsia"]


def test_the_company_is_not_the_office_investigating_it() -> None:
    text = ("The New York State Attorney General (NYAG) is investigating WeWork, according to "
            "two people familiar with the matter.\n\nThe company, which is expected to cut jobs, "
            "said it had been contacted by the office.")
    assert _speakers(text) == ["people familiar with the matter", "WeWork"]


def test_the_agency_may_still_be_a_public_body() -> None:
    text = ("The Federal Aviation Administration grounded the jets on Monday.\n\n"
            "The agency said the inspections would take a week.")
    assert _speakers(text) == ["Federal Aviation Administration"]


def test_a_person_and_a_group_speak_together_named_without_title() -> None:
    assert _speakers("Gov. Eric Holcomb and legislative leaders said the plan is fine.") \
        == ["Eric Holcomb and legislative leaders"]
    assert _speakers("Republican Gov. Eric Holcomb and leaders of the Legislature said the plan "
                     "is fine.") == ["Eric Holcomb and leaders of the Legislature"]
    assert _speakers("John Smith and other residents said the plan is fine.") \
        == ["John Smith and other residents"]


def test_they_is_the_group_that_opens_its_paragraph_not_the_last_speaker() -> None:
    text = ("“The issue is funding,” Gambill said. State police said at least 5,000 people came.\n\n"
            "Gov. Eric Holcomb and leaders of the Legislature have avoided direct criticism of "
            "teachers. They seem intent on calm. However, they said they don’t expect to act.")
    assert _speakers(text) == ["Gambill", "State police", "Eric Holcomb and leaders of the Legislature"]


def test_they_in_the_same_paragraph_as_the_group_quoted_last_stays_with_it() -> None:
    text = ("The ministry said the border would stay shut.\n\nLocal farmers have complained for "
            "weeks. They said the closure was ruining them.")
    assert _speakers(text) == ["ministry", "Local farmers"]


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_a_clause_whose_described_subject_has_a_verb_before_that_is_reported() -> None:
    text = "James Kennedy said the case highlights that rights carry responsibilities."
    assert _records(text) == [
        ("James Kennedy", "the case highlights that rights carry responsibilities")]


def test_an_object_with_a_relative_clause_after_wrote_is_no_report() -> None:
    assert _records("She wrote the specific programs that revealed the signatures of chaos.") == []


def test_an_office_of_a_place_after_a_name_names_no_one_else() -> None:
    text = ("James P. Kennedy Jr., the U.S. Attorney for the Western District of New York, said "
            "the case was about free speech.")
    assert _speakers(text) == ["James P. Kennedy Jr"]
    assert _speakers("The Secretary of State, Antony Blinken, said the road was closed.") \
        == ["Antony Blinken"]


def test_has_written_after_a_quote_names_the_writer() -> None:
    text = ("“If the U.S. imposes a tariff, the duty is paid at the border,” Howard Gleckman, a "
            "senior fellow at the Tax Policy Center, has written.")
    assert _speakers(text) == ["Howard Gleckman"]
    assert _records("She has written three books about tariffs.") == []


def test_a_report_opening_the_clause_of_another_is_inside_it_and_its_own() -> None:
    text = ("Diana Johnson told the committee that the Home Office has said it has spent £22m on "
            "the scheme.")
    assert _records(text) == [
        ("Diana Johnson", "the Home Office has said it has spent £22m on the scheme"),
        ("Home Office", "it has spent £22m on the scheme")]


def test_a_report_after_a_phrase_opening_the_clause_is_inside_it() -> None:
    text = ("Pompeo said that after legal consultation Washington had concluded the settlements "
            "were “not, per se, inconsistent with international law.”")
    records = _records(text)
    assert records[0][0] == "Pompeo"
    assert records[0][1].startswith("after legal consultation Washington had concluded")
    assert records[0][1].endswith("international law.”")


def test_the_doctors_are_the_group_named_doctors_for_something() -> None:
    text = ("The doctors, members of a recently formed group Doctors for Camp Closure, have offered "
            "to stage a clinic. The doctors said they would provide 100 doses.")
    assert _speakers(text) == ["Doctors for Camp Closure"]
    assert _speakers("Doctors in Gaza treated 40 people. The doctors said they had run out of "
                     "supplies.") == ["The doctors"]


def test_a_source_is_named_without_why_it_is_not_named() -> None:
    text = ("A spokesperson who did not wish to be named because of agency policy said the agency "
            "never has given vaccines. “We are a law enforcement agency,” the spokesperson said.")
    assert _speakers(text) == ["A spokesperson", "A spokesperson"]


def test_the_office_release_is_the_office_named_before() -> None:
    text = ("The man pleaded guilty, the U.S. Attorney’s Office for the Western District of New "
            "York announced Monday.\n\nHis sentencing is set for Feb. 14, according to the office "
            "release.")
    assert _speakers(text) == ["U.S. Attorney’s Office for the Western District of New York"] * 2


def test_where_a_company_is_based_is_not_part_of_its_name() -> None:
    text = ("Companies such as Gannett and McClatchy face the same problems.\n\nSacramento-based "
            "McClatchy said its finances were so impaired that it would not survive.")
    assert _speakers(text) == ["McClatchy"]


def test_an_opening_phrase_is_passed_to_find_who_issued_a_statement() -> None:
    text = ("In a reflection of the confusion, the Electoral Commission, which regulates campaign "
            "finances, issued a statement warning that “voters are entitled to transparency.’’ "
            "Critically, however, it pointed out that it doesn’t have “a role in regulating "
            "election campaign content.’’")
    assert _speakers(text) == ["Electoral Commission", "Electoral Commission"]


def test_two_surnames_named_in_full_elsewhere_speak_together() -> None:
    text = ("Alexander Vindman testified on Tuesday. Jennifer Williams, an aide to Mike Pence, also "
            "appeared.\n\nHowever, both Vindman and Williams told lawmakers that the request was "
            "improper.")
    assert _speakers(text) == ["Alexander Vindman and Jennifer Williams"]
    # (no pair of people without both first names named before: a company's name is one name)
    assert _speakers("Procter and Gamble said sales were strong.") == ["Procter and Gamble"]
    assert _speakers("Jennifer Williams spoke. Williams and Williams said the firm would grow.") \
        == ["Jennifer Williams"]  # (one surname twice is no pair)
    assert _speakers("Lisa Ward met John Ward. “We are fine,” Ward and Ward said.") == ["Lisa Ward"]
    text = ("Vindman and Williams told lawmakers the request was improper. Alexander Vindman and "
            "Jennifer Williams were both on the call.")
    assert _speakers(text) != ["Alexander Vindman and Jennifer Williams"]  # (named in full only after)


def test_many_surname_pairs_in_a_long_text_stay_fast_to_read() -> None:
    # Each pair looks up both full names once a text, not once a pair: a story with 1,500 pairs
    # of the same ten surnames gives 1,500 records (the time is the bench's to report).
    surnames = ["Ward", "Lee", "Hale", "Moss", "Kerr"]
    text = "Tom Ward, Ann Lee, Jim Hale, Eva Moss and Ray Kerr spoke.\n\n" + "\n\n".join(
        f"On day {i}, {surnames[i % 5]} and {surnames[(i + 1) % 5]} said the plan would cost more."
        for i in range(1500))
    speakers = _speakers(text)
    assert len(speakers) == 1500
    assert speakers[0] == "Tom Ward and Ann Lee" and speakers[-1] == "Ray Kerr and Tom Ward"


def test_an_acronym_is_the_name_the_text_spells_out() -> None:
    text = ("The Chinese Center for Disease Control and Prevention said it had disinfected the "
            "sites. The CDC said the risk was low. The Chinese CDC has said there is no need to "
            "worry.")
    assert set(_speakers(text)) == {"Chinese Center for Disease Control and Prevention"}
    assert _speakers("The WHO said the risk was low.") == ["WHO"]


def test_local_bodies_speak() -> None:
    for body in ("utility", "city", "county", "school district", "panel", "jury", "magazine"):
        assert _speakers(f"The {body} said the road would reopen on Friday.") == [body]


def test_the_utility_is_the_company_joined_by_an_ampersand() -> None:
    text = ("Pacific Gas & Electric Co. may cut power. PG&E officials said the wind was strong.\n\n"
            "The utility said it will closely monitor the weather.")
    assert _speakers(text) == ["PG&E officials", "Pacific Gas & Electric Co"]


def test_a_title_after_a_kind_word_opens_a_persons_name() -> None:
    assert _speakers("“We will not gamble,” company CEO Andy Vesey said.") == ["Andy Vesey"]
    assert _speakers("The advocacy group Common Cause said the map was unfair.") == ["Common Cause"]


def test_claimed_victory_and_tweeted_soon_after_report_nothing() -> None:
    assert _records("Donald Trump has claimed victory as the House concluded its third hearing.") == []
    text = "“A great day for Republicans!” Trump tweeted soon after the committee concluded its hearings."
    assert _records(text) == [("Trump", "A great day for Republicans!")]


def test_a_name_written_surname_first_after_a_title_is_the_full_name() -> None:
    text = ("South Korean President Yoon Suk Yeol was impeached on Saturday. Yoon said he would not "
            "evade responsibility.")
    assert _speakers(text) == ["Yoon Suk Yeol"]
    assert _speakers("Opposition leader Lee Jae-myung spoke. Lee said the vote was a victory.") \
        == ["Lee Jae-myung"]
    assert _speakers("Senator Warren Makes Case\n\nWarren said the bill was weak.") == ["Warren"]


def test_handles_are_people() -> None:
    assert _speakers("“It is our job to police the market,” elmo666 wrote in a forum post.") \
        == ["elmo666"]
    text = ("“Some vendors send poison,” ScreamMyName told me. “It is bad.”\n\n“The program is "
            "still in its infancy,” he says.")
    assert _speakers(text) == ["ScreamMyName", "ScreamMyName"]
    assert {q.speaker_kind for q in extract_quotes(text)} == {"person"}
    assert [q.speaker_kind for q in extract_quotes("“It is our job,” elmo666 wrote.")] == ["person"]
    assert _speakers("YouTube said it removed the video. “We act fast,” he said.")[0] == "YouTube"
    # A company "the company" has meant stays a company, whatever "he" says after it.
    text = "ScreamMyName sells software. The company said sales were up. “It is fine,” he said."
    assert [q.speaker_kind for q in extract_quotes(text)][0] == "organisation"
    # Letters and a digit or two are a ward, a seat, a road; a handle has a name's letters.
    assert _speakers("The nurse on ward c4 said the patients waited for hours.") != ["c4"]


def test_says_that_is_not_true_keeps_that_as_the_subject() -> None:
    assert _records("Stephen Flynn says that is not true.") == [("Stephen Flynn", "that is not true")]


def test_a_plural_subject_in_the_present_opens_a_clause_without_that() -> None:
    assert _records("Stephen Flynn says Scots deserve better.") == [("Stephen Flynn", "Scots deserve better")]
    assert _records("The deal is close, said sources close to the minister.") \
        == [("sources close to the minister", "The deal is close")]


def test_a_comma_inside_a_quote_within_the_quote_still_closes_it() -> None:
    assert _speakers("“Part of the challenge is ‘you first,’” Apte said.") == ["Apte"]


def test_the_subject_of_a_second_clause_says_what_follows_and_say() -> None:
    text = ("China said it is committed to the formula, while the city’s police deny accusations "
            "of brutality and say they show utmost restraint.")
    assert _speakers(text) == ["China", "the city’s police"]


def test_a_name_before_a_description_missing_its_closing_comma_speaks() -> None:
    text = ("“This is mainly due to the wind,” Kurinji Selvaraj, a research analyst at the "
            "Delhi-based Council on Energy, Environment and Water think tank told CBS News.")
    assert _speakers(text) == ["Kurinji Selvaraj"]


def test_an_opening_phrase_is_kept_when_its_comma_closes_a_name() -> None:
    text = ("On Monday Tom Hale, a lawyer for the family, issued a statement warning that the city "
            "would pay.")
    assert _speakers(text) == ["Tom Hale"]


def test_an_aside_between_commas_is_no_new_clause() -> None:
    text = ("The mayor, while the council debated the budget, stood up and said the city would not "
            "cut services.")
    assert _speakers(text) == ["the mayor"]


def test_words_and_prayers_said_are_no_reported_clause() -> None:
    assert _records("Mayor Ann Lee spoke. She said a few words that moved the crowd.") == []
    assert _records("Ann Lee went to the church. She said prayers over the body of her son.") == []
    assert _records("Ann Lee said the case highlights that the law is broken.") \
        == [("Ann Lee", "the case highlights that the law is broken")]


def test_when_words_lead_only_when_nothing_follows_them() -> None:
    assert _records("Tom Hardy retired in 1990. He said years later the decision haunted him.") \
        == [("Tom Hardy", "years later the decision haunted him")]
    assert _records("Tom Hardy tweeted soon after the vote that it was over.") == []


def test_a_thing_claimed_is_no_clause_but_its_word_may_open_one() -> None:
    assert _records("Rita Mora claimed victory as the votes were counted.") == []
    assert _records("She said nothing. Rita Mora claimed asylum seekers were turned away.") \
        == [("Rita Mora", "asylum seekers were turned away")]


def test_written_is_a_cue_only_after_has() -> None:
    assert _records("The company said in a written statement that it would appeal.") \
        == [("company", "it would appeal")]
    assert _records("“We will appeal,” the company has written to its staff.") \
        == [("company", "We will appeal")]


def test_a_couple_of_is_a_count() -> None:
    assert _speakers("A couple of residents said the water was brown.") == ["residents"]


def test_an_acronym_needs_its_initials_not_a_place_or_a_person() -> None:
    text = "Fighting continued in Eastern Ukraine on Sunday. “We are ready,” EUS said."
    assert _speakers(text) == ["EUS"]
    assert _speakers("CNN anchor Abby Phillip asked. “No comment,” AP said.") == ["AP"]
    text = ("The Organisation for the Prohibition of Chemical Weapons met. The OPCW said the samples "
            "were positive.")
    assert _speakers(text) == ["Organisation for the Prohibition of Chemical Weapons"]


def test_surname_prefixes_are_no_camel_cased_company() -> None:
    text = "Tom McDonald runs a diner. “We are sorry,” said McDonald. “We will reopen,” he said."
    assert _speakers(text) == ["Tom McDonald", "Tom McDonald"]
    assert {q.speaker_kind for q in extract_quotes(text)} == {"person"}


def test_an_ampersand_name_starts_after_a_time_word() -> None:
    text = "In March Procter & Gamble raised prices. “Demand is strong,” the company said."
    assert _speakers(text) == ["Procter & Gamble"]
    assert _speakers("After a Q&A with staff, the company said it would hire.") == ["company"]


def test_people_named_after_a_plural_are_no_group_of_that_name() -> None:
    text = ("Residents John and Mary Smith said the road was dangerous. “It is a disaster,” the "
            "residents said.")
    assert _speakers(text)[1] == "the residents"


def test_a_bare_plural_is_no_body_when_two_were_quoted() -> None:
    text = ("Israeli police said two men were held. Palestinian police said the men were innocent. "
            "Police said they would release them.")
    assert _speakers(text) == ["Israeli police", "Palestinian police", "Police"]


def test_a_title_in_capitals_after_a_name_is_not_part_of_it() -> None:
    text = ("The firm is run by David Morales. Lahav praised Mr. David Morales CEO in UC Global.\n\n"
            "Morales said the Americans would pay.")
    assert _speakers(text) == ["David Morales"]
    assert _speakers("Ann Lee MP spoke first. Ann Lee MP spoke again. Lee said the vote was close.") \
        == ["Ann Lee"]


def test_a_quotation_signed_after_a_dash_is_its_signer_s() -> None:
    text = ("“I was the CIA director. We lied, we cheated, we stole.” — Mike Pompeo, College "
            "Station, TX, April 15, 2019\n\nPompeo outlines the attack.")
    assert _speakers(text) == ["Mike Pompeo"]
    assert _speakers("“Ask not what your country can do for you.” —John F. Kennedy") \
        == ["John F. Kennedy"]
    # a dash that goes on with a sentence, or names no person, signs nothing
    assert not any(_speakers("“We will win” — the crowd chanted it again and again."))
    assert not any(_speakers("“Four more years” — Trump supporters in Ohio."))


def test_a_description_with_two_places_ends_at_the_name() -> None:
    text = ("“Water is hard to find beyond Earth,” study lead author Lucas Paganini, a planetary "
            "scientist at NASA Goddard in Greenbelt, Maryland, and American University in "
            "Washington, D.C., said in a statement.")
    assert _speakers(text) == ["Lucas Paganini"]


def test_a_cue_before_its_speaker_and_a_colon() -> None:
    text = ("Edelstein and Kilian estimated that spending fell. Concluded the researchers: “It takes "
            "repeated surprise increases.”")
    assert _speakers(text)[-1] == "the researchers"


def test_remembers_next_to_a_quote_is_a_cue_and_a_memory_is_not() -> None:
    text = ("“Those goats were so smart,” remembers Shanna Challenger, coordinator for the "
            "restoration programme.")
    assert _speakers(text) == ["Shanna Challenger"]
    assert _records("A colleague then remembered that a student had studied there.") == []
    assert _records("She remembers the war.") == []


def test_a_count_or_a_plural_opening_a_sentence_is_no_company() -> None:
    for opening in ("Thirty minutes later the machine moves on.", "Rushes of hot air blow across."):
        text = f"The lab tests drugs. {opening}\n\n“All profits are set aside,” the group said."
        assert _speakers(text) == ["group"], opening


def test_an_office_for_something_is_no_person_named_after_it() -> None:
    text = ("The United Nations High Commissioner for Human Rights said the decision did not modify "
            "international law.")
    assert _speakers(text) == ["United Nations High Commissioner for Human Rights"]
    assert _speakers("Secretary of State Blinken said the talks were useful.") == ["Blinken"]


def test_a_plural_owner_of_a_document_is_its_source() -> None:
    text = ("The researchers found water. According to the researchers' calculations, there was "
            "quite a bit of it.")
    assert _speakers(text) == ["the researchers"]


def test_an_age_as_a_noun_is_the_person_given_that_age() -> None:
    assert _speakers("Ana Costa lost her home. “It is hard,” says the 41-year-old.") == ["Ana Costa"]
    assert _speakers("The 52-year-old said he would appeal.") == ["the 52-year-old"]
    text = ("Maria Lopez, 37, lost her home in the fire. Her neighbour, Tom Baker, 62, helped her "
            "escape. “I owe him my life,” the 37-year-old said.")
    assert _speakers(text) == ["Maria Lopez"]
    # a people's word is no person: "the Australian" may be the newspaper
    text = "John Smith met the minister on Monday. “We will keep fighting,” the Australian said."
    assert _speakers(text) != ["John Smith"]


def test_a_lede_s_unnamed_title_is_no_one_named_later_with_that_title() -> None:
    text = ("A union president says workers at the plant will strike next week if talks fail.\n\n"
            "The dispute comes as President Joe Biden urged both sides to return to the table.")
    assert "Joe Biden" not in _speakers(text)
    text = "A senior official said the talks stalled.\n\nForeign Minister Sergei Lavrov arrived later."
    assert _speakers(text) == ["A senior official"]


def test_common_given_names_start_a_full_name() -> None:
    text = ("His doctor spoke to Dr. Owen John Dempsey, a consultant chest physician.\n\n“His GP was "
            "very astute,” Dempsey said.")
    assert _speakers(text) == ["Owen John Dempsey"]


def test_multiple_is_a_count_and_an_executive_s_title_a_role() -> None:
    assert _speakers("Multiple people familiar with the matter said 4,000 people would go.") \
        == ["people familiar with the matter"]
    text = "“Our strategy is to be where the consumer is,” Strauss Zelnick, CEO of Take-Two, adds."
    assert _speakers(text) == ["Strauss Zelnick"]


def test_a_person_named_before_a_party_tag_is_who_he_means_next() -> None:
    text = ("Jim Bridenstine expects three rockets. “Adding one could happen,” he said.\n\n"
            "The hearing was long. At a hearing last month of the House subcommittee that funds NASA, "
            "Rep. Robert Aderholt (R-AL), ranking member of the subcommittee, pushed for more.\n\n"
            "“I understand there is a growing confidence,” he said.")
    assert _speakers(text) == ["Jim Bridenstine", "Robert Aderholt"]


def test_a_name_after_the_cue_speaks_when_an_adverbial_stands_before_it() -> None:
    text = ("Officers arrested Elizabeth A. Burton, 32, after locating drugs in her car, said Lt. "
            "Matt Harris, Columbus Police Department spokesman.")
    assert _records(text) == [("Matt Harris", "Officers arrested Elizabeth A. Burton, 32, after "
                                              "locating drugs in her car")]
    assert _records("Tom Hale, speaking in Ohio on Monday, said Jane Doe had lied.") \
        == [("Tom Hale", "Jane Doe had lied")]
    text = "During a search of the garage, investigators located heroin, Harris said."
    assert _speakers(text) == ["Harris"]


def test_a_name_ending_in_ing_is_no_opening_participle() -> None:
    text = ("Boeing is one of the companies bidding on the program, and confirmed that its approach "
            "makes use of the rocket.")
    assert _records(text) == [("Boeing", "its approach makes use of the rocket")]
    text = "However, the group raised alarm at the deal, and said that staff were told to sign."
    assert _speakers(text) == ["group"]


def test_concluding_and_noting_that_are_participle_cues() -> None:
    text = "Babin referred to those comments at the hearing, concluding that the odds were dwindling."
    assert _records(text) == [("Babin", "the odds were dwindling")]
    assert _records("She wrote a report noting the risks of the plan.") == []


def test_still_between_a_subject_and_its_cue() -> None:
    assert _records("Chris Early runs the unit. Early still says Ubisoft are believers in streaming.") \
        == [("Chris Early", "Ubisoft are believers in streaming")]


def test_a_capitalised_to_opening_a_sentence_is_no_part_of_the_title() -> None:
    assert _speakers("To LeBron James, triple-doubles are not a goal.\n\n“I am glad,” James said.") \
        == ["LeBron James"]


def test_hyphenated_given_names_open_a_name() -> None:
    text = ("Deputy Director of Public Prosecution Eva-Marie Persson took the decision.\n\n"
            "Ms Persson said: “I would like to emphasise that.”")
    assert _speakers(text) == ["Eva-Marie Persson"]


def test_a_box_score_s_team_notes_are_no_transcript() -> None:
    text = ("The Lakers won.\n\nTIP-INS\n\nThunder: F Hamidou Diallo missed his third straight "
            "game.\n\nLakers: Kyle Kuzma left the court in the second quarter.\n\nUP NEXT\n\n"
            "Thunder: Host the Lakers on Friday.\n\nLakers: Visit the Thunder on Friday.")
    assert _speakers(text) == []
    # a debate's excerpt is a transcript, though no one in it says I, we or you
    text = ("An excerpt:\n\nHarris: The economy grew by three percent last year.\n\nTrump: The "
            "economy is a disaster and prices are too high.\n\nHarris: Prices are falling and "
            "wages are rising.\n\nTrump: That is a lie and everybody knows it.")
    assert _speakers(text) == ["Harris", "Trump", "Harris", "Trump"]


def test_the_author_of_the_statement_is_who_issued_it() -> None:
    text = ("On Monday, Big Machine Records issued a statement that appeared to allow the show.\n\n"
            "The statement, obtained by Variety, claimed that the deal was done.")
    assert _speakers(text) == ["Big Machine Records"]



def test_the_near_misses_of_the_later_rules() -> None:
    # "Having …" opens a participle phrase, whatever verb follows it
    assert _speakers("Having lost the vote, Prime Minister Ann Lee resigned and said she would leave.") \
        == ["Ann Lee"]
    # a title and its maker after a dash are no quotation
    text = ("Here are the songs of the summer.\n\n“Espresso” — Sabrina Carpenter\n\n“Not Like Us” — "
            "Kendrick Lamar")
    assert _speakers(text) == []
    assert _speakers("“This is a great day for workers.” — Chuck Schumer, Jan. 5") == ["Chuck Schumer"]
    # the object of "accused" after an aside is no speaker
    assert _records("Former President Donald Trump, in a post on Monday, accused Jack Smith.") == []
    # a title word that is a surname stays in the name
    text = "Guard Kentavious Caldwell Pope scored 20 points. “We played hard,” Pope said."
    assert _speakers(text) == ["Kentavious Caldwell Pope"]
    # "remembers" before a film's title is no cue; after a quote and its speaker it is
    assert _records("Shanna Challenger remembers “Star Wars” opening at the cinema in 1977.") == []
    text = "Shanna Challenger grew up poor. “We had nothing, not even shoes,” she remembers."
    assert _speakers(text) == ["Shanna Challenger"]
    # "not issued a statement" makes no author; a company "of" a place opens the sentence
    text = "Police have not issued a statement. “We are heartbroken,” the family's statement said."
    assert _speakers(text) != ["Police"]
    text = "Brightwave of Austin, Texas, makes chips. The company said sales rose in May."
    assert _speakers(text) == ["Brightwave"]
