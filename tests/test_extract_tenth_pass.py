"""Invented examples of the patterns met in the tenth batch of real text: a name under a photo
that is no byline, a name used as a modifier, sentence starters that are no first names,
"she" for a woman named in the paragraph rather than one quoted paragraphs before, documents
"seen by" an outlet, findings of documents, polls and courts, "in X's words", relative
clauses, the holder of an office "of" a place, and groups joined by "and"."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_a_name_on_its_own_line_that_the_story_quotes_is_no_byline() -> None:
    text = ("Ana Ruiz said the photo was meant to honour the flag.\n\nView photo\n\nAna Ruiz\n\n"
            "“I have seen what desecration is,” Ruiz said.")
    assert [speaker for speaker, _ in _records(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_byline_still_keeps_the_reporter_out() -> None:
    text = "Simon Hale\n\nThe mayor said the road would reopen on Friday."
    assert [speaker for speaker, _ in _records(text)] == ["the mayor"]


def test_a_name_used_as_a_modifier_is_not_the_persons_full_name() -> None:
    text = ("“He loved that computer,” Margaret Hamilton said. In 2017 she got a Margaret Hamilton "
            "Lego minifigure. “It was fun,” Hamilton said.")
    assert {speaker for speaker, _ in _records(text)} == {"Margaret Hamilton"}


def test_she_is_the_woman_the_paragraph_names_not_one_quoted_long_before() -> None:
    text = ("“He loved that computer,” Margaret Hamilton said.\n\n"
            "Edward Lorenz bought a new machine in 1960.\n\n"
            "Two years later Ellen Fetter showed up at the lab.\n\n"
            "Once Fetter arrived in Building 24, Lorenz gave her a manual. “He carried a lot in his "
            "head,” she said.")
    assert [speaker for speaker, _ in _records(text)] == ["Margaret Hamilton", "Ellen Fetter"]


def test_she_is_not_a_man_whose_surname_opens_the_sentence() -> None:
    text = ("Edward Lorenz ran the lab. Ellen Fetter joined in 1961.\n\n"
            "When Fetter arrived, Lorenz gave her a manual. “He carried a lot in his head,” she said.")
    assert [speaker for speaker, _ in _records(text)] == ["Ellen Fetter"]


def test_the_holder_of_an_office_of_a_place_is_the_person_not_a_state() -> None:
    text = "The mayor of Surabaya, Tri Rismaharini, said the city would pay for the funerals."
    assert _records(text) == [("Tri Rismaharini", "the city would pay for the funerals")]
    text = ("“We are waiting,” Yohannes said.\n\nThe mayor of Surabaya, Tri Rismaharini, comforted "
            "relatives.\n\n“They are not ours, they belong to God,” she said.")
    assert [speaker for speaker, _ in _records(text)] == ["Yohannes", "Tri Rismaharini"]


def test_documents_seen_by_an_outlet_speak_not_the_outlet() -> None:
    text = ("Zimbabwean intelligence reports seen by Reuters suggest that the former chief has been "
            "planning a return.")
    assert [speaker for speaker, _ in _records(text)] == ["Zimbabwean intelligence reports"]
    text = "Emails obtained by the newspaper show that the agency knew of the risk in 2019."
    assert [speaker for speaker, _ in _records(text)] == ["Emails"]


def test_findings_of_documents_polls_and_courts() -> None:
    assert _records("Court records show that the man was arrested twice.") == [
        ("Court records", "the man was arrested twice")]
    assert _records("A Gallup poll found that 60 percent of voters backed the plan.") == [
        ("Gallup", "60 percent of voters backed the plan")]
    assert _records("In the past, the Supreme Court has found that burning the flag is protected.") == [
        ("Supreme Court", "burning the flag is protected")]


def test_what_a_person_found_is_no_report() -> None:
    assert extract_quotes("She found that the door was locked.") == []
    assert extract_quotes("Police found the car abandoned near the river.") == []


def test_in_someones_words() -> None:
    text = "In Dr. Ana Berg’s words, “Could the moment be tied to the decision itself?”"
    assert [speaker for speaker, _ in _records(text)] == ["Ana Berg"]
    assert _records("In the words of one senior official, the plan was “dead on arrival.”") == [
        ("one senior official", "the plan was “dead on arrival.”")]
    text = "Ana Ruiz wrote the book in 2020. In her own words, the book is “a love letter to the city.”"
    assert [speaker for speaker, _ in _records(text)] == ["Ana Ruiz"]
    assert extract_quotes("In other words, the plan failed.") == []


def test_a_cue_in_a_relative_clause_takes_no_words_quoted_before_it() -> None:
    text = ("Hamilton, who popularized the term “software engineering,” later led the team that wrote "
            "the software for Skylab.")
    assert extract_quotes(text) == []


def test_an_unnamed_person_with_an_adjective_and_two_verbs() -> None:
    text = "An unidentified poster put up her picture and wrote that it was “disrespectful and rude.”"
    assert _records(text) == [("An unidentified poster", "it was “disrespectful and rude.”")]


def test_groups_joined_by_and_speak_together() -> None:
    text = "Pilots and aviation experts said the storm was the likely cause."
    assert [speaker for speaker, _ in _records(text)] == ["Pilots and aviation experts"]
    text = "U.S. law enforcement and security officials said the lists were being examined."
    assert [speaker for speaker, _ in _records(text)] == ["U.S. law enforcement and security officials"]


def test_an_office_of_a_surname_is_the_office_of_the_full_name() -> None:
    text = ("Senate Majority Leader Harry Reid met donors in 2012.\n\n"
            "Reid's office said Reid had never been contacted about the case.")
    assert [speaker for speaker, _ in _records(text)] == ["Harry Reid's office"]


def test_a_body_named_by_its_kind_is_not_the_airline() -> None:
    text = ("The navy said 40 bodies had been recovered.\n\n"
            "Flight 12 was operated by Brightwing, whose chief executive flew to the city.\n\n"
            "The airline said it was inviting family members to the city.")
    assert [speaker for speaker, _ in _records(text)][-1] != "navy"


def test_quoted_as_saying_through_an_appositive_is_the_named_person() -> None:
    text = ("Other media later quoted the head of the rescue agency, Fransiskus Soelistyo, as saying "
            "only three bodies had been retrieved.")
    assert _records(text) == [("Fransiskus Soelistyo", "only three bodies had been retrieved")]
    text = "Reuters quoted a senior official, who asked not to be named, as saying the deal was close."
    assert _records(text) == [("a senior official", "the deal was close")]


def test_a_post_held_for_something_no_word_list_knows() -> None:
    assert _records("A spokesperson for the festival said tickets were sold out.") == [
        ("A spokesperson for the festival", "tickets were sold out")]
    assert _records("A spokesman for the show said the episode was cancelled.") == [
        ("A spokesman for the show", "the episode was cancelled")]


def test_a_word_in_ly_that_opens_the_clause_stays_in_it() -> None:
    assert _records("The minister said only three bodies had been retrieved.") == [
        ("the minister", "only three bodies had been retrieved")]
    assert _records("The police said family members had been told.") == [
        ("The police", "family members had been told")]
    assert _records("The minister said repeatedly the plan was sound.") == [
        ("the minister", "the plan was sound")]


def test_an_offices_document_is_its_holders() -> None:
    text = ("New York Attorney General Letitia James is suing the company.\n\n"
            "The attorney general's complaint alleges the company defrauded the bank.")
    assert _records(text) == [("Letitia James", "the company defrauded the bank")]


def test_a_report_titled_with_its_authors_name() -> None:
    text = ("Carbon pollution would have to fall within a decade, according to the United Nations "
            "Environment Program Emissions Gap Report.")
    assert [speaker for speaker, _ in _records(text)] == ["United Nations Environment Program"]


def test_they_is_the_group_named_sentences_before_in_the_paragraph() -> None:
    text = ("All the while, there have been critics. Why, they ask, does it matter? Why not all of it? "
            "They contend that the protests are anti-police.")
    assert _records(text) == [("critics", "the protests are anti-police")]


def test_what_someone_had_added_inside_anothers_statement_is_the_statement() -> None:
    text = ("Brandt rejected that. The Indiana senator said Democrats had added “billions in unrelated "
            "spending” at the last minute.")
    [(speaker, content)] = _records(text)
    assert content == "Democrats had added “billions in unrelated spending” at the last minute"
    assert speaker in ("Brandt", "Indiana senator", "the Indiana senator")
    text = "“We will win,” she added, “and soon.”"
    assert len(_records(text)) == 1


def test_the_ministry_is_the_countrys_ministry_named_in_lower_case() -> None:
    text = ("A first group of 262 travellers landed in Lagos on Thursday, Nigeria’s foreign ministry "
            "reported.\n\nAround 1,000 more want to leave, the ministry has said.")
    assert [speaker for speaker, _ in _records(text)] == ["Nigeria’s foreign ministry"] * 2


def test_an_institute_for_research_is_not_a_report() -> None:
    text = "Brazil’s National Institute for Space Research said rainfall will be lower this year."
    assert [speaker for speaker, _ in _records(text)] == ["National Institute for Space Research"]


def test_a_cue_word_before_of_is_a_noun() -> None:
    text = ("The city, along with parts of the Brazilian states of Mato Grosso and Paraná, was "
            "blanketed by smoke, according to local news reports.")
    [(speaker, content)] = _records(text)
    assert speaker == "local news reports" and content.startswith("The city, along with")


def test_a_study_with_its_year() -> None:
    assert _records("The forest could burn within decades, a 2014 study warned.") == [
        ("a 2014 study", "The forest could burn within decades")]


def test_lawyers_for_a_person_are_not_the_person() -> None:
    assert _records("Lawyers for Jim Cole said he would testify.") == [
        ("Lawyers for Jim Cole", "he would testify")]


def test_an_inverted_description_with_the_name_after_it() -> None:
    text = ("“He has nothing to hide,” said Cole's attorney, Mark Dunn. He added that Cole was "
            "“eager” to speak.")
    assert [speaker for speaker, _ in _records(text)] == ["Mark Dunn", "Mark Dunn"]


def test_he_after_a_paragraph_that_introduces_a_man() -> None:
    text = ("“We will not raise taxes,” Gov. Tom Reeve said on Monday.\n\n"
            "But the plan faces resistance from state Rep. Dan Ochoa.\n\n"
            "“The numbers do not add up,” he said.")
    assert [speaker for speaker, _ in _records(text)] == ["Tom Reeve", "Dan Ochoa"]
    text = ("“We will not raise taxes,” Gov. Tom Reeve said on Monday.\n\n"
            "“The numbers add up,” he said.")
    assert [speaker for speaker, _ in _records(text)] == ["Tom Reeve", "Tom Reeve"]


def test_an_interview_labelled_with_initials() -> None:
    text = ("Director Ava DuVernay and Oprah Winfrey sat down with us to talk.\n\n"
            "Ava, how did Oprah do?\n\n"
            "AD She was all in. I kept saying to them, \"Please, be careful!\"\n\n"
            "OW I did it every time.\n\n"
            "Is the film meaningful now?\n\n"
            "OW It is here for a reason.\n\n"
            "AD Oh, I agree.")
    records = _records(text)
    assert [speaker for speaker, _ in records] == ["Ava DuVernay", "Oprah Winfrey", "Oprah Winfrey",
                                                   "Ava DuVernay"]
    assert records[0][1] == "She was all in. I kept saying to them, \"Please, be careful!\""


def test_capitals_once_at_the_head_of_a_paragraph_are_no_label() -> None:
    text = "US officials met on Monday. The mayor said the road would reopen."
    assert [speaker for speaker, _ in _records(text)] == ["the mayor"]


def test_a_quote_goes_on_after_the_person_spoken_to_or_a_participle() -> None:
    text = "“We messed up,” Thomas allegedly told a supervisor. “We didn't do any rounds.”"
    assert len(_records(text)) == 1
    text = ("“You are in this job because of this crisis,” Sasse told her, repeatedly calling for an "
            "explanation. “That man now won't be able to testify.”")
    assert len(_records(text)) == 1


def test_the_president_of_an_organisation_is_not_the_president() -> None:
    text = ("President Trump has spent months fighting a trade war. Mr. Trump said the talks were "
            "going well.\n\n“Tensions are threatening growth,” John Williams, the president of the "
            "Federal Reserve Bank of New York, said.\n\nThe president says his approach has created "
            "leverage.")
    assert [speaker for speaker, _ in _records(text)] == ["Trump", "John Williams", "Trump"]


def test_the_governor_is_the_one_titled_so_the_story_spoke_of_last() -> None:
    text = ("Republican Gov. Eric Holcomb has avoided criticism of teachers, unlike Kentucky Gov. "
            "Matt Bevin.\n\n“We get that you’re frustrated,” House Speaker Brian Bosma said.\n\n"
            "Teachers didn’t see Holcomb at the Statehouse on Tuesday.\n\n"
            "The governor said he was waiting for a pay commission to report.")
    assert [speaker for speaker, _ in _records(text)] == ["Brian Bosma", "Eric Holcomb"]


def test_a_surname_of_two_words_named_in_full_after_a_first_name() -> None:
    text = ("Bureau of Prisons Director Kathleen Hawk Sawyer testified on Tuesday. Hawk Sawyer said she "
            "could not comment.")
    assert [speaker for speaker, _ in _records(text)] == ["Kathleen Hawk Sawyer"]


def test_a_month_is_no_town_before_a_name() -> None:
    text = ("In a letter to the president in May, Zippy Duvall, the president of the American Farm "
            "Bureau, said farmers faced “near-unprecedented economic uncertainty.”")
    assert [speaker for speaker, _ in _records(text)] == ["Zippy Duvall"]


def test_he_in_a_chinese_name_is_no_pronoun() -> None:
    assert _records("Vice Premier Liu He said the talks had gone well.") == [
        ("Liu He", "the talks had gone well")]
    text = ("“What is the incentive?” He Jianxiong, the former executive director for China at the "
            "International Monetary Fund, said at an event in Washington.")
    assert [speaker for speaker, _ in _records(text)] == ["He Jianxiong"]
    assert [speaker for speaker, _ in _records("Tom Hale spoke. “We will win,” he said.")] == ["Tom Hale"]


def test_what_someone_tried_to_suggest() -> None:
    assert _records("Trump has recently tried to suggest that he barely knows his ambassador.") == [
        ("Trump", "he barely knows his ambassador")]
    assert extract_quotes("He tried to explain the delay.") == []


def test_an_outlet_named_by_its_last_word_is_the_outlet() -> None:
    text = ("The San Francisco Chronicle says police are looking into it.\n\n"
            "The Chronicle says he was arrested a block away.")
    assert [speaker for speaker, _ in _records(text)] == ["San Francisco Chronicle"] * 2


def test_he_after_an_opening_clause_about_a_man() -> None:
    text = ("“We are hopeful,” Secretary of State Mike Pompeo said.\n\n"
            "When Afghan President Ashraf Ghani first announced the exchange last week, he said Kabul "
            "had ensured that the freed militants would not return to the front line.")
    assert _records(text)[1] == (
        "Ashraf Ghani", "Kabul had ensured that the freed militants would not return to the front line")


def test_a_later_that_inside_a_clause_with_a_named_subject() -> None:
    assert _records("The minister said Britain has agreed that the talks will resume.")[0] == (
        "the minister", "Britain has agreed that the talks will resume")


def test_the_object_of_a_preposition_is_no_subject_of_the_next_verb() -> None:
    text = ("During the call, Carlineo asked about the Muslim Brotherhood, called Omar a “terrorist” and "
            "said he would kill her.")
    assert [speaker for speaker, _ in _records(text)] == ["Carlineo", "Carlineo"]


def test_an_office_named_for_its_post() -> None:
    text = ("Patrick Carlineo pleaded guilty, the U.S. Attorney’s Office for the Western District of New "
            "York said.")
    assert [speaker for speaker, _ in _records(text)] == [
        "U.S. Attorney’s Office for the Western District of New York"]


def test_told_a_lower_case_object_then_that() -> None:
    assert _records("The mayor told the paper that he fought the plan.") == [
        ("the mayor", "he fought the plan")]
    assert _records("The mayor tells the newspaper he fought the plan.") == [
        ("the mayor", "he fought the plan")]
    assert extract_quotes("She told the story that had made her famous.") == []


def test_a_relative_clause_inside_a_clause_with_no_that() -> None:
    text = ("Authorities say a stabbing that killed a passenger on a commuter train may have occurred "
            "after a theft.")
    assert _records(text) == [("Authorities", text[16:-1])]
    assert extract_quotes("Hamilton wrote the programs that revealed the signatures of chaos.") == []


def test_told_us_closes_its_sentence() -> None:
    assert _records("The seizures are measured by pounds, an agency spokesman told us.") == [
        ("an agency spokesman", "The seizures are measured by pounds")]


def test_both_sides() -> None:
    assert _records("Both sides said they were hopeful the swap could lead to talks.") == [
        ("Both sides", "they were hopeful the swap could lead to talks")]


def test_a_second_verb_after_a_place_and_a_party_tag() -> None:
    text = ("In October, Rep. David McKinley, R-W.Va., visited the border near McAllen, Texas, and argued "
            "that the United States needs stronger border security.")
    assert _records(text) == [("David McKinley", "the United States needs stronger border security")]


def test_a_quoted_section_heading_is_no_statement() -> None:
    text = ("“I was not part of it,” Volker said.\n\n3. \"Not some irregular channel\"\n\n"
            "Volker disputed the notion.\n\n\"My fears have been realized\"\n\nMorrison spoke next.")
    assert [content for _, content in _records(text)] == ["I was not part of it"]
    text = "“We will win,” she said.\n\n“We always do.”"
    assert len(_records(text)) == 1


def test_more_occupations_speak() -> None:
    assert _records("The real estate agent said she related to him.") == [
        ("the real estate agent", "she related to him")]
    assert _records("A state trooper said the road was closed.") == [
        ("A state trooper", "the road was closed")]


def test_a_participle_opening_the_sentence() -> None:
    text = ("Arguing that voters are just now beginning to tune in, with the first votes less than 100 "
            "days away, Patrick has said he will have visibility.")
    assert _records(text) == [("Patrick", "voters are just now beginning to tune in"),
                              ("Patrick", "he will have visibility")]
    assert _records("Saying the plan was flawed, Hale voted against it.") == [("Hale", "the plan was flawed")]
    assert extract_quotes("Warning signs were everywhere.") == []
    assert [c for _, c in _records("Speaking to reporters, Hale said the plan was flawed.")] == [
        "the plan was flawed"]


def test_a_group_is_named_without_how_many_of_it_speak() -> None:
    assert [s for s, _ in _records("Many people said repatriation was their only option.")] == ["people"]
    assert [s for s, _ in _records("Some Indiana protesters said the rally was peaceful.")] == [
        "Indiana protesters"]


def test_an_outlet_named_with_news_is_the_outlet() -> None:
    assert _records("Bloomberg News reported that WeWork is facing scrutiny.") == [
        ("Bloomberg News", "WeWork is facing scrutiny")]


def test_sources_are_named_without_their_count() -> None:
    assert [s for s, _ in _records("Two people briefed on the talks said Trump had decided to wait.")] == [
        "people briefed on the talks"]
    assert [s for s, _ in _records("A second person briefed on the call said the talks went well.")] == [
        "person briefed on the call"]


def test_an_outlets_correspondent_names_no_organisation() -> None:
    text = ("Cmdr. Sean Robertson told VOA Pentagon correspondent Carla Babb that the claims were false."
            "\n\nThe base serves as an outpost, according to the Pentagon.")
    assert [s for s, _ in _records(text)] == ["Sean Robertson", "Pentagon"]


def test_what_something_was_rejected_as() -> None:
    text = ("The Pentagon rejected these accusations as “patently false,” and analysts told reporters "
            "the claims were false.")
    assert _records(text)[0] == ("Pentagon", "these accusations as “patently false,”")


def test_a_group_of_something_speaks() -> None:
    assert _records("Employees of a car dealership said he tried to steal a van.") == [
        ("Employees of a car dealership", "he tried to steal a van")]
    assert _records("Residents of the town said the water was brown.") == [
        ("Residents of the town", "the water was brown")]


def test_a_report_inside_anothers_subordinate_clause_is_a_record_of_its_own() -> None:
    text = ("The Chronicle says he was arrested a block away after employees of a car dealership said he "
            "tried to steal a van.")
    assert _records(text) == [
        ("Chronicle", "he was arrested a block away after employees of a car dealership said he tried to "
                      "steal a van"),
        ("employees of a car dealership", "he tried to steal a van")]
    text = "The mayor said the plan failed because officials said it was too costly."
    assert [s for s, _ in _records(text)] == ["the mayor", "officials"]
    text = ("Tom Hale spoke next. He claimed the cuts would pay for themselves even as the budget office "
            "said they would not.")
    assert _records(text)[0] == ("Tom Hale", "the cuts would pay for themselves")


def test_two_people_named_in_full_speak_together() -> None:
    text = ("Introduced as a coveted “one last thing,” Tim Cook and Phil Schiller extolled the device, "
            "saying it was going to “reinvent the way we enjoy music.”")
    assert [s for s, _ in _records(text)] == ["Tim Cook and Phil Schiller"]
    assert [q.role for q in extract_quotes(text)] == [None]
