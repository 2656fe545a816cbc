"""The sixteenth pass: speakers of the development set that were wrong on patterns any story has
(a semicolon before the speaker, a time between a statement and its author, sources of sources,
a portfolio word before a company's name, "they said" after an official group), each in
sentences written for these tests."""

from __future__ import annotations

from monitor.extract import extract_quotes
from monitor.extract.speakers import classify, tokens


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_a_semicolon_ends_the_clause_before_the_speaker() -> None:
    text = ("At the hearing the judge asked Lindqvist about his ties to the shipping firm; "
            "Lindqvist claimed he had never met its owner.")
    assert _records(text) == [("Lindqvist", "he had never met its owner")]
    text = "The ministry opened an inquiry; officials said the ferry had been grounded."
    assert _records(text) == [("officials", "the ferry had been grounded")]


def test_a_time_between_a_statement_and_its_author() -> None:
    text = ("“The airline ferries weapons across the region,” according to a post on Monday by "
            "Foreign Secretary Ruth Lane.")
    assert _records(text) == [("Ruth Lane", "The airline ferries weapons across the region")]
    text = "“We will appeal,” according to a statement yesterday from the union."
    assert _records(text)[0][0] == "union"


def test_a_time_after_a_statement_with_no_author_is_no_author() -> None:
    text = "The merger is off, according to an announcement on Tuesday."
    assert _records(text) == [("an announcement", "The merger is off")]


def test_a_statement_after_a_quotation_is_issued_by_the_subject_after_the_marks() -> None:
    text = ("“At no time did we agree to issue a statement in partnership with the label,” the "
            "studio said in a separate statement to Variety.\n\n"
            "“We have no further comment,” the statement concluded.")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["studio", "studio"]


def test_a_source_of_a_source_without_that_gives_both_statements() -> None:
    text = "The Daily Ledger further reported its source said the tenant moved in the day before the blast."
    assert _records(text) == [
        ("Daily Ledger", "its source said the tenant moved in the day before the blast"),
        ("Daily Ledger's source", "the tenant moved in the day before the blast"),
    ]
    text = ("Reuters reported a Dutch government source, whom they did not name, said the ban is "
            "not part of a wider plan.")
    records = _records(text)
    assert records[0][0] == "Reuters"
    assert records[1] == ("a Dutch government source", "the ban is not part of a wider plan")


def test_reported_before_a_noun_with_a_verb_of_its_own_is_no_source() -> None:
    text = "The clerk who reported the call recalled that the man sounded calm."
    assert [speaker for speaker, _ in _records(text)] == ["the clerk"]
    # the noun is the reported clause's subject, not a source quoted by the paper
    text = "The paper reported the verdict surprised the court."
    assert _records(text) == [("paper", "the verdict surprised the court")]


def test_a_portfolio_word_before_one_capitalised_word_is_a_body() -> None:
    for phrase in ("Energy Control", "Energy Transfer", "Defense Logic"):
        mention = classify(phrase, tokens(phrase, 0, len(phrase)))
        assert mention is not None and mention.kind == "organisation", phrase
    for phrase, name in (("Energy Secretary Wright", "Wright"), ("General Milley", "Milley"),
                         ("Justice Alito", "Alito"), ("Deputy Sharma", "Sharma")):
        mention = classify(phrase, tokens(phrase, 0, len(phrase)))
        assert mention is not None and mention.kind == "person" and mention.name == name, phrase


def test_he_never_means_a_portfolio_worded_company() -> None:
    text = "Energy Control gives the police data on batches of drugs. “It works,” he says."
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_they_said_after_an_official_group_is_that_group() -> None:
    text = ("The mayor spoke first.\n\nState prosecutors charged the driver with manslaughter, "
            "they said Sunday.")
    (quote,) = extract_quotes(text)
    assert quote.speaker == "State prosecutors"
    assert text[quote.speaker_start:quote.speaker_end] == "they"


def test_they_said_after_any_other_subject_is_the_speaker_before() -> None:
    text = "Police said two men were held. Rescuers found two more bodies overnight, they said."
    assert [q.speaker for q in extract_quotes(text)] == ["Police", "Police"]


def test_a_performers_rep_speaks_and_the_next_quote_is_theirs() -> None:
    text = ("The singer's rep told Variety that this, too, was not the whole story. \"The label is "
            "trying to make this about money.\"")
    assert _records(text) == [
        ("The singer's rep", "this, too, was not the whole story"),
        ("The singer's rep", "The label is trying to make this about money."),
    ]
    text = "Rep. Ann Lowe said the vote was close."
    assert _records(text) == [("Ann Lowe", "the vote was close")]


def test_had_this_to_say_introduces_the_quotation_after_its_colon() -> None:
    text = "The coach had the following to say: \"We were beaten by a better side.\""
    assert _records(text) == [("the coach", "We were beaten by a better side.")]
    text = "On Saturday, a spokesman for the commission had this to say about the film: \"It is a lie.\""
    assert _records(text) == [("a spokesman for the commission", "It is a lie.")]


def test_a_quoted_sentence_whose_comma_was_left_out_before_its_cue() -> None:
    for text in ("\"I am in awe of the people who ran towards danger\" tweeted Mayor Ruth Lane.",
                 "\"I am in awe of the people who ran towards danger\" Ruth Lane said."):
        assert _records(text) == [("Ruth Lane", "I am in awe of the people who ran towards danger")]


def test_a_name_in_quotation_marks_before_a_cue_is_no_quotation() -> None:
    text = "“Morning Report” host Dan Ruiz said the show would return."
    assert _records(text) == [("Dan Ruiz", "the show would return")]
    text = "The so-called “Northern Front” group claimed the attack."
    assert [q.kind for q in extract_quotes(text)] != ["direct"]


def test_denies_indicated_estimated_and_claims_report_a_clause_without_that() -> None:
    assert _records("The agency denies the two fires are related.") == [
        ("agency", "the two fires are related")]
    assert _records("Deputy Governor Oleg Ray indicated 68 people were missing.") == [
        ("Oleg Ray", "68 people were missing")]
    assert _records("The newspaper claims FSB sources have blamed the blast on sabotage.") == [
        ("newspaper", "FSB sources have blamed the blast on sabotage")]


def test_denied_with_an_object_reports_nothing() -> None:
    for text in ("The company denied the allegations in a statement shared to its website.",
                 "He denied the allegations and was later found to be innocent.",
                 "She denied having anything to do with the shooting.",
                 "The ministry denied all claims that the envoy was slain.",
                 "She estimated the cost at $5m."):
        assert extract_quotes(text) == [], text


def test_according_to_between_a_subject_and_its_verb() -> None:
    text = "Her chief recruiter, according to court testimony, was Lindqvist."
    assert _records(text) == [("court testimony", text[:-1])]


def test_according_to_between_an_auxiliary_and_its_participle() -> None:
    text = "He had, according to Ann Lowe of the Daily Ledger, bought and sold the same plot twice."
    assert _records(text) == [("Ann Lowe", text[:-1])]


def test_according_to_after_a_clause_of_time_takes_the_whole_sentence() -> None:
    text = ("After the hearing began, according to the defence lawyer, a second barrister arrived and "
            "demanded a seat.")
    assert _records(text) == [("the defence lawyer", text[:-1])]


def test_an_appositive_is_no_clause_with_a_verb_of_its_own() -> None:
    text = "The plan failed, according to the Tourism Council, an industry body founded in 1990."
    assert _records(text) == [("Tourism Council", "The plan failed")]
    text = "The plan failed, said Tom Hale, a lawyer retained by the family."
    assert _records(text) == [("Tom Hale", "The plan failed")]


def test_according_to_an_outlet_alone_is_still_the_outlet() -> None:
    assert _records("The deal is off, according to the Daily Ledger.")[0][1] == "The deal is off"


def test_its_source_is_named_by_its_owner() -> None:
    text = "The Daily Ledger further reported its source said the tenant moved in the day before."
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["Daily Ledger", "Daily Ledger's source"]


def test_their_source_with_no_organisation_near_stays_as_written() -> None:
    text = "The families met the mayor. Their lawyer said the city had failed them."
    assert [q.speaker for q in extract_quotes(text)] == ["Their lawyer"]


def test_despite_another_speaker_ends_the_first_statement_and_opens_theirs() -> None:
    text = "The ministry says the fire was an accident, despite residents saying they heard an explosion."
    assert _records(text) == [("ministry", "the fire was an accident"),
                              ("residents", "they heard an explosion")]
    text = ("The committee says it has found no trace of explosives despite the Daily Ledger claiming "
            "a source described a depot in the basement.")
    records = _records(text)
    assert records[0] == ("committee", "it has found no trace of explosives")
    assert records[1][0] == "Daily Ledger"


def test_announced_plans_to_is_no_clause_but_plans_as_a_subject_are() -> None:
    text = "Firms including Daimler and Siemens have announced plans to pull out of the country."
    assert extract_quotes(text) == []
    text = "The mayor said plans to close the road were dropped."
    assert _records(text) == [("the mayor", "plans to close the road were dropped")]


def test_an_accusation_holds_the_accused_and_what_of() -> None:
    assert _records("Putin accused her of inciting them.") == [("Putin", "her of inciting them")]
    assert _records("The coach accused the team of being “disrespectful”.") == [
        ("the coach", "the team of being “disrespectful”")]


def test_described_as_holds_the_thing_and_what_it_is_called() -> None:
    text = "The chairman of the Liberal Party described the doctored video as lighthearted satire."
    assert _records(text) == [
        ("the chairman of the Liberal Party", "the doctored video as lighthearted satire")]
    assert _records("The ministry dismissed the report as fake news.") == [
        ("ministry", "the report as fake news")]
    for text in ("She described how the water rose.", "The photo was described as fake.",
                 "The patient, whom sources described as a female aid worker, is stable."):
        assert extract_quotes(text) == [], text


def test_an_office_of_a_named_body_is_not_the_person_named_just_before() -> None:
    text = ("The video had been altered to show Tom Reed, a senior Labour figure, failing to answer. "
            "In fact, he responded quickly. The chairman of the Liberal Party described the video "
            "as satire.")
    assert [q.speaker for q in extract_quotes(text)][-1] == "the chairman of the Liberal Party"
    text = ("For the last scene, Chandor asked the cast to improvise. “It worked,” the director said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Chandor"]


def test_a_court_or_an_examiner_rules_that() -> None:
    text = "The country's top court ruled that shops must label goods made in the territory."
    assert _records(text) == [("country's top court", "shops must label goods made in the territory")]
    text = "The city's chief medical examiner ruled that the inmate hanged himself."
    assert _records(text)[0][1] == "the inmate hanged himself"
    for text in ("Police ruled out foul play in the death.", "The king ruled for forty years.",
                 "The judge ruled in favour of the city.", "She said the court rules that apply are clear."):
        assert all(q.cue != "ruled" and q.speaker != "court" for q in extract_quotes(text)), text


def test_a_finding_of_a_document_by_its_author() -> None:
    text = "A study by NASA found that western Antarctica lost ice faster than expected."
    assert _records(text) == [("NASA", "western Antarctica lost ice faster than expected")]
    text = "A 2019 report from the World Bank found that poverty fell in every region."
    assert _records(text) == [("World Bank", "poverty fell in every region")]
    assert extract_quotes("A search by police found that the car was empty.") == []


def test_called_one_thing_another_without_quotation_marks() -> None:
    assert _records("The White House called the impeachment process a sham.") == [
        ("White House", "the impeachment process a sham")]
    assert _records("Pyongyang called it a rehearsal for invasion.") == [
        ("Pyongyang", "it a rehearsal for invasion")]
    for text in ("She called the police.", "He called the office a dozen times.",
                 "The union called for calm.",
                 "Officials began receiving 911 calls Tuesday afternoon about a fight aboard a train."):
        assert extract_quotes(text) == [], text


def test_reported_without_that_before_a_subject_and_its_finite_verb() -> None:
    assert _records("Politico reported the aid had been paused.") == [("Politico", "the aid had been paused")]
    for text in ("The agency reported the call recalled that the man was armed.",
                 "The company reported a loss that was bigger than expected.",
                 "She reported the crash to police."):
        assert all(q.cue != "reported" for q in extract_quotes(text)), text


def test_object_prone_cues_need_a_subject_and_its_verb_for_a_clause_without_that() -> None:
    for text in ("She wrote individual reports on each of the convents she visited, and the last was sent.",
                 "Luhn wrote a letter to the company's lawyer in 2011.",
                 "NASA announced the newest milestone in the development of its rocket.",
                 "Trump tweeted a dozen times about the recount efforts, which were stalled.",
                 "The doctors noted findings of overcrowded and unsanitary conditions that were reported."):
        assert extract_quotes(text) == [], text
    assert _records("The minister admitted mistakes had been made.") == [
        ("the minister", "mistakes had been made")]
    assert _records("The company announced profits rose 5 percent.") == [
        ("company", "profits rose 5 percent")]
    text = "The government announced the new region, to be called Bangsamoro, would govern itself."
    assert _records(text) == [("government", "the new region, to be called Bangsamoro, would govern itself")]


def test_a_name_in_quotation_marks_right_after_called_is_no_statement() -> None:
    text = ("He was hosting a programme about rehabilitation at Fishmongers' Hall called "
            "\"Learning Together\" when the attack began.")
    assert extract_quotes(text) == []
    text = "Horror took off in 1932 with a film starring Bela Lugosi called \"White Zombie.\""
    assert all(q.speaker != "Bela Lugosi" for q in extract_quotes(text))
    assert _records("The mayor called the plan \"Reckless And Dangerous\".") == [
        ("the mayor", "the plan \"Reckless And Dangerous\"")]


def test_quoted_words_inside_a_reported_command_are_no_statement() -> None:
    for text in ("The scientists asked five people to perform a \"direction discrimination\" task.",
                 "The office called on the \"interim\" government to withdraw its troops."):
        assert extract_quotes(text) == [], text
    # the command's own words quoted are the speaker's
    text = "He told the crowd to \"go home\"."
    assert [q.kind for q in extract_quotes(text)] == ["mixed"]
    assert _records("She told reporters the plan was \"dead\".") == [(None, "the plan was \"dead\"")]


def test_according_to_a_source_named_with_a_word_in_quotation_marks() -> None:
    text = ("Officials raised their rate outlook since September, according to the new \"dot plot\" "
            "of rate projections.")
    assert _records(text) == [("new dot plot of rate projections",
                               "Officials raised their rate outlook since September")]


def test_a_title_with_its_own_of_then_the_name_then_the_body() -> None:
    text = ("Member of Parliament (MP) Ruth Lane of the Labour Party added, \"This is a dangerous way "
            "to govern.\"")
    assert [q.speaker for q in extract_quotes(text)] == ["Ruth Lane"]
    for phrase, org in (("Professor Ana Berg of the University of Otago", "University of Otago"),
                        ("Secretary of State Tom Reed of the State Department", "State Department")):
        mention = classify(phrase, tokens(phrase, 0, len(phrase)))
        assert mention is not None and mention.organisation == org, phrase


def test_according_to_him_is_whoever_he_is() -> None:
    text = ("Sarea said the drones struck two sites. According to him, it was among the largest raids "
            "in years.")
    assert [q.speaker for q in extract_quotes(text)] == ["Sarea", "Sarea"]


def test_a_statement_issued_in_an_aside_is_its_subjects() -> None:
    text = ("Late on Sunday, President Tom Reed, in a statement delivered via the press secretary, announced "
            "troops would leave. The statement also said the troops had defeated the militia.")
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Reed", "Tom Reed"]


def test_a_statement_by_someones_office_is_the_offices() -> None:
    text = "According to a statement released by Erdogan's office, \"neutralizing the threat\" is the aim."
    assert [q.speaker for q in extract_quotes(text)] == ["Erdogan's office"]


def test_called_a_thing_the_worst() -> None:
    text = "The United Nations called the resulting humanitarian crisis the worst in the world."
    assert _records(text) == [("United Nations", "the resulting humanitarian crisis the worst in the world")]
    assert extract_quotes("She called the police the next day.") == []


def test_both_officers_are_the_two_the_text_named_with_that_word() -> None:
    text = ("Spanton met officers Antoine Quirin and Nicolas Redouane at a pub.\n\n"
            "Both officers indicated they would appeal.")
    assert [q.speaker for q in extract_quotes(text)] == ["Antoine Quirin and Nicolas Redouane"]
    assert [q.speaker for q in extract_quotes("The officers said they were attacked.")] == ["The officers"]


def test_told_whom_then_an_aside_then_the_quotation() -> None:
    text = "She told a guard at the door, in French and English, \"they raped me\"."
    assert _records(text) == [(None, "they raped me")]
    text = "He told reporters the plan, \"which will cost $3 million,\" was approved."
    assert [q.kind for q in extract_quotes(text)] == ["mixed"]


def test_they_in_a_paragraph_that_opens_on_a_body_named_in_full_is_that_body() -> None:
    text = ("UNESCO said the change would need approval.\n\nThis Thursday the United States Commission "
            "on Religious Freedom (USCIRF) also criticized the move. They released a statement which "
            "said, \"Its status as a museum must be maintained\".")
    assert [q.speaker for q in extract_quotes(text)] == [
        "UNESCO", "United States Commission on Religious Freedom"]


def test_a_subject_of_both_parts_before_its_verb() -> None:
    assert _records("Reuters reported both production and export of oil had been disrupted.") == [
        ("Reuters", "both production and export of oil had been disrupted")]


def test_a_group_with_a_relative_clause_without_that_before_its_cue() -> None:
    text = "Some of the protesters the Herald interviewed said they had marched to \"defend their jobs\"."
    assert [q.speaker for q in extract_quotes(text)] == ["the protesters"]
    assert _records("Residents the BBC spoke to said the water had risen overnight.") == [
        ("Residents", "the water had risen overnight")]


def test_adding_after_a_bare_plural_subject_or_a_closing_frame() -> None:
    assert _records("Officials said 39 people are dead, adding that rescuers ended their work.") == [
        ("Officials", "39 people are dead"), ("Officials", "rescuers ended their work")]
    text = ("A total of 39 are confirmed dead, officials told state media, adding that rescuers ended "
            "their work.")
    assert _records(text) == [("officials", "A total of 39 are confirmed dead"),
                              ("officials", "rescuers ended their work")]
    text = "Prices rose sharply, the ministry said on Monday, adding that demand would fall."
    assert [speaker for speaker, _ in _records(text)] == ["ministry", "ministry"]


def test_a_document_with_its_author_in_an_aside() -> None:
    text = ("The report, published Tuesday by the Government Accountability Office, found that the "
            "agency had overspent.")
    assert _records(text) == [("Government Accountability Office", "the agency had overspent")]
    assert _records("The report, released on Monday, said the program had failed.") == [
        ("The report", "the program had failed")]


def test_a_relative_pronoun_as_the_subject_of_what_was_said() -> None:
    text = "The attack, which officials said killed at least 12 people, was the deadliest this year."
    assert _records(text) == [("officials", "killed at least 12 people")]
    assert _records("The fires, which state media said were under control, burned for hours.") == [
        ("state media", "were under control")]
    assert _records("He is the man who police said fired the first shot.") == [
        ("police", "fired the first shot")]


def test_a_bodys_statement_is_the_body_the_text_named() -> None:
    text = ("Chelsea said the manager was staying. The club's statement said the manager had left "
            "\"by mutual consent\".")
    assert [q.speaker for q in extract_quotes(text)] == ["Chelsea", "Chelsea"]
    text = "Chelsea sacked its manager on Monday. The club said the decision was final."
    assert [q.speaker for q in extract_quotes(text)] == ["Chelsea"]


def test_a_pronoun_with_no_one_named_is_the_described_subject_before() -> None:
    text = ("The senator's wife, Anne, spoke first. \"He has given his life to this state,\" she said. "
            "Then the senator took the stage. \"I am not done yet,\" he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Anne", "the senator"]
    text = "The report was published on Monday. \"It is flawed,\" she said."
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_a_name_set_off_by_an_appositive_opens_its_sentence_as_subject() -> None:
    text = ("Jones, the defence lawyer, cross-examined the witness for two hours. \"Did you see the "
            "car?\" she asked.")
    assert [q.speaker for q in extract_quotes(text)] == ["Jones"]
