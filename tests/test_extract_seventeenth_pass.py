"""The seventeenth pass: reports the engine missed on patterns any story has ("according to X"
inside a sentence with another cue word, "In his view, …", zero-that after "stated" and
"declared", a frame set off by commas before the subject's verb, bodies named with "-led" or
"-backed"), each in sentences written for these tests."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_according_to_between_a_subject_and_a_cue_verb_of_its_own() -> None:
    # "noted" is the subject's verb; its search for a speaker must not make the source a second
    # speaker of the sentence
    text = ("The ferry left on Monday. Port workers, according to the harbour master, have noted "
            "unusual radio traffic since then.")
    assert _records(text) == [("the harbour master", "Port workers, according to the harbour master, "
                                                     "have noted unusual radio traffic since then")]


def test_according_to_between_a_verb_and_its_that_clause() -> None:
    text = ("The coach had begun to wonder, according to one club source, that the owners might "
            "sell before the season.")
    ((speaker, content),) = _records(text)
    assert speaker == "one club source"
    assert content == text[:-1]


def test_in_someones_view_reports_the_rest_of_the_sentence() -> None:
    text = ("Marta Ilves chairs the jury. In her view, the shortage of trained staff is a national "
            "problem. In her opinion, the new centres are as good as any abroad.")
    assert _records(text) == [
        ("Marta Ilves", "the shortage of trained staff is a national problem"),
        ("Marta Ilves", "the new centres are as good as any abroad"),
    ]
    text = "In the words of one official, the ferry had never been seaworthy."
    assert _records(text) == [("one official", "the ferry had never been seaworthy")]


def test_in_someones_words_before_a_quotation_stays_a_direct_quote() -> None:
    text = "In Okafor's own words, “we were never told.”"
    ((speaker, content),) = _records(text)
    assert speaker == "Okafor" and content.startswith("we were never told")
    (record,) = extract_quotes(text)
    assert record.kind == "direct"


def test_stated_and_declared_report_a_clause_without_that() -> None:
    text = "Authorities stated the bridge was damaged by the heat."
    assert _records(text) == [("Authorities", "the bridge was damaged by the heat")]
    text = "The website declared the vessel was not actually there."
    assert _records(text) == [("website", "the vessel was not actually there")]
    text = "The trade journal states the aircraft overran the runway."
    assert _records(text) == [("trade journal", "the aircraft overran the runway")]


def test_stated_and_declared_before_an_object_report_nothing() -> None:
    assert _records("He stated the obvious in a long speech.") == []
    assert _records("The governor declared a state of emergency on Monday.") == []


def test_reported_before_a_subject_and_its_past_tense() -> None:
    text = "The paper reported the plane crashed."
    assert _records(text) == [("paper", "the plane crashed")]
    text = ("The Aviation Herald reported the landing at Fath, which has a much shorter runway, "
            "was a mistake.")
    assert _records(text) == [("Aviation Herald", "the landing at Fath, which has a much shorter "
                                                  "runway, was a mistake")]
    assert _records("The company reported increased sales in the third quarter.") == []


def test_a_missed_sentence_end_is_no_clause() -> None:
    # "#" after a full stop is not taken for a new sentence, but no clause runs over it
    text = ("He was choked in what the coroner declared a homicide. #JusticeForAll has been the "
            "message of the marches.")
    assert _records(text) == []


def test_a_publication_is_the_outlet_it_stands_for() -> None:
    text = ("The Aviation Herald reported the plane had crashed at the airport. The industry "
            "publication said the crew had died in the fire.")
    assert [speaker for speaker, _ in _records(text)] == ["Aviation Herald", "Aviation Herald"]


def test_led_and_backed_are_no_part_of_a_bodys_name() -> None:
    text = ("The Kurdish-led Syrian Democratic Forces said it had reached a deal. The SDF said the "
            "deal would hold.")
    assert [speaker for speaker, _ in _records(text)] == ["Syrian Democratic Forces"] * 2
    text = "The Iran-backed Coastal Guard Council said the strike hit a depot."
    assert _records(text)[0][0] == "Coastal Guard Council"


def test_told_a_titled_addressee_then_a_clause() -> None:
    text = "Dana Kerr of Kerr Marine told our correspondent a transponder broadcasts whenever it has power."
    assert _records(text) == [("Dana Kerr", "a transponder broadcasts whenever it has power")]
    text = ("Cmdr. Ray Holt told radio correspondent Lena Babb on Monday that the claim was "
            "“patently false.”")
    ((speaker, content),) = _records(text)
    assert speaker == "Ray Holt" and content.startswith("the claim was")


def test_a_frame_between_a_subject_and_its_verb() -> None:
    text = "Around 50 gallons of fuel, officials said, spilled and ignited."
    assert _records(text) == [("officials", "Around 50 gallons of fuel, officials said, spilled and ignited")]
    text = ("Two lorries broke through the barrier; around 50 gallons of fuel, officials said, "
            "spilled and ignited.")
    assert _records(text) == [("officials", "around 50 gallons of fuel, officials said, spilled and ignited")]
    # a participle after a statement that has its own verb is still the trailing frame's
    text = "The decision was a mistake, the mayor said, speaking in the Times."
    assert _records(text) == [("the mayor", "The decision was a mistake")]


def test_a_places_office_is_the_person_quoted_with_that_title() -> None:
    text = ("Regional governor Anna Petrova said rescuers were at the site. Later, Tver's governor "
            "said each family would be paid.")
    assert [speaker for speaker, _ in _records(text)] == ["Anna Petrova", "Anna Petrova"]
    # a title that names another place is another office
    text = ("Texas Governor Greg Abbott said the roads were closed. Ohio's governor said the "
            "roads were open.")
    assert [speaker for speaker, _ in _records(text)] == ["Greg Abbott", "Ohio's governor"]


def test_a_bodys_short_name_is_the_longer_name_the_text_gave_it() -> None:
    text = ("We asked the Coast Guard and the National Search and Rescue Agency. Yesterday the "
            "Search and Rescue Agency told a newspaper it was ending its search.")
    assert _records(text) == [("National Search and Rescue Agency", "it was ending its search")]
    # a modifier in front is no part of the name
    text = ("Data from the Lakeside-based Center for Port Research show trade fell. The Center for "
            "Port Research said exports had halved.")
    assert _records(text)[-1] == ("Center for Port Research", "exports had halved")


def test_he_after_a_newcomer_with_a_given_name_from_abroad() -> None:
    text = ("Alexander Gagay said the tasks were hard.\n\nSeveral people returned to the contest after "
            "last year. One is Denis Orlov, a sixth year student at Buryat State University. He said "
            "he had wanted to be a surgeon since his first year.")
    assert [speaker for speaker, _ in _records(text)] == ["Alexander Gagay", "Denis Orlov"]


def test_they_after_two_people_named_in_full() -> None:
    text = ("The statistics agency said prices fell sharply. The authors of the paper, Paul Edel and "
            "Lutz Kiel, looked mainly at sudden increases; they estimated that each rise cut spending.")
    assert _records(text)[-1] == ("Paul Edel and Lutz Kiel", "each rise cut spending")
    # named before the one quoted last, the pair is not who "they" are
    text = ("Paul Edel and Lutz Kiel studied the data. The statistics agency said prices fell sharply. "
            "They said that each rise cut spending.")
    assert _records(text)[-1][0] != "Paul Edel and Lutz Kiel"


def test_he_in_a_new_paragraph_opened_by_a_described_surname() -> None:
    text = ("Tom Smith said the plan had failed.\n\nJones, a trader, disagreed with him at the meeting. "
            "“We will go on,” he said.")
    assert [speaker for speaker, _ in _records(text)] == ["Tom Smith", "Jones"]
    # a place opening the paragraph is nobody's "he"
    text = ("Tom Smith said the plan had failed.\n\nUkraine launched an attack on the bridge. "
            "“We will go on,” he said.")
    assert [speaker for speaker, _ in _records(text)] == ["Tom Smith", "Tom Smith"]


def test_she_after_a_newcomer_with_a_spelling_of_a_given_name_from_abroad() -> None:
    text = ("Sheriff Anna Payne said the lab was busy.\n\nThe tests are run by Cristina Lladanosa "
            "and Tom Baker. “We test everything,” she said.")
    assert [speaker for speaker, _ in _records(text)] == ["Anna Payne", "Cristina Lladanosa"]


def test_words_in_parentheses_do_not_hide_the_clauses_verb() -> None:
    text = ("The army said hundreds of ISIS (Islamic State of Iraq and Syria) fighters escaped "
            "after the strikes.")
    assert _records(text) == [("army", "hundreds of ISIS (Islamic State of Iraq and Syria) fighters "
                                       "escaped after the strikes")]


def test_a_companys_management_speaks() -> None:
    text = "Home Depot management said sales growth will be slower."
    assert _records(text) == [("Home Depot management", "sales growth will be slower")]


def test_a_share_of_them_is_of_the_group_before() -> None:
    text = ("Officers described a chaotic night. Many of them said they learned about the order "
            "from the TV address.")
    assert _records(text) == [("Officers", "they learned about the order from the TV address")]


def test_a_person_after_a_bodys_possessive() -> None:
    for owner in ("The We Company’s", "the company’s"):
        text = f"Job cuts will be announced later this week, said {owner} Marcelo Claure."
        assert _records(text) == [("Marcelo Claure", "Job cuts will be announced later this week")]


# -- patterns of batch Z, in sentences written for these tests ---------------------------------


def test_alleged_reports_a_clause_without_that() -> None:
    text = "Police alleged the accused staged two raids. The first was at dawn."
    assert _records(text) == [("Police", "the accused staged two raids")]
    assert _records("The alleged thief said nothing in court.") == []
    assert _records("Police alleged fraud by the company.") == []


def test_a_catenative_past_and_a_share_of_a_group_open_clauses() -> None:
    text = "Népszava noted the purchase appeared to bypass the ministry."
    assert _records(text) == [("Népszava", "the purchase appeared to bypass the ministry")]
    text = "Local media reported most of the guests escaped."
    assert _records(text) == [("Local media", "most of the guests escaped")]
    text = "The engineer noted the parts in the kit are also sold separately."
    assert _records(text) == [("the engineer", "the parts in the kit are also sold separately")]


def test_a_press_conference_and_a_time_before_a_clause_without_that() -> None:
    text = "The premier said at a press conference yesterday morning the rules should change."
    assert _records(text) == [("the premier", "the rules should change")]


def test_a_dates_comma_does_not_end_a_source() -> None:
    text = ("According to a March 14, 2019 NATO press release, the country spent 1.15% of its "
            "output on defence.")
    assert _records(text) == [("NATO", "the country spent 1.15% of its output on defence")]


def test_a_relative_clause_of_some_of_whom_goes_on_with_the_statement() -> None:
    text = ("Nine people died and 35 were rescued, according to officials, some of whom were "
            "taken to hospital.")
    assert _records(text) == [("officials", text[:-1])]


def test_according_to_after_a_copula() -> None:
    text = "One guest was, according to the fire service, among the dead."
    assert _records(text) == [("fire service", text[:-1])]


def test_a_channel_speaks_for_its_owner() -> None:
    text = ("A fire broke out at the Hotel Riverside Palace on Monday. The hotel's website estimated "
            "120 people were in the building.")
    assert _records(text) == [("Hotel Riverside Palace", "120 people were in the building")]
    assert _records("Acme's website says the product is safe.") == [("Acme", "the product is safe")]


def test_a_capitalised_title_set_off_by_commas_describes_the_name_before_it() -> None:
    text = ("Professor Greg Barton, Chair In Global Politics in the Faculty of Arts at Deakin "
            "University, said the attacker used two guns.")
    assert _records(text) == [("Greg Barton", "the attacker used two guns")]
    text = "Greg Barton, Director of the Faculty of Arts, said the attacker used two guns."
    assert _records(text) == [("Greg Barton", "the attacker used two guns")]


def test_a_journal_a_study_was_published_in_is_not_its_author() -> None:
    text = ("Professor Mia Siegel, co-author of a new study published in the American Journal of "
            "Preventive Medicine on January 17, spoke to us. The study says the two rates were "
            "closely correlated.")
    (record,) = extract_quotes(text)
    assert "Preventive" not in (record.speaker or "")


def test_the_fire_service_is_no_company_quoted_before() -> None:
    text = ("Local media reported most of the guests escaped. One child was, according to the fire "
            "service, among the dead.")
    assert [speaker for speaker, _ in _records(text)] == ["Local media", "fire service"]


def test_a_comma_after_when_it_was_reported_then_the_clause() -> None:
    text = "Al Jazeera reported on Thursday, coverage had risen to 55 percent."
    assert _records(text) == [("Al Jazeera", "coverage had risen to 55 percent")]
    text = "Police said on Monday, after the raid, the suspects were released."
    assert all(content != "after the raid" for _, content in _records(text))


def test_a_report_in_the_passive_with_its_source() -> None:
    text = ("Two ministers were reported by local media to have visited the hospital while the mayor "
            "was in surgery.")
    assert _records(text) == [("local media", text[:-1])]
    text = "A cargo plane, reported by local press as belonging to the air force, crashed on Monday."
    assert _records(text) == [("local press", "A cargo plane, reported by local press as belonging "
                                              "to the air force")]
    # the one quoted is who speaks, not the outlet that quoted them
    assert _records("The minister was quoted by Reuters as saying the deal was dead.") == []
    assert _records("The bill was passed by the Senate to applause from the gallery.") == []


# -- patterns of batch AA ------------------------------------------------------------------------


def test_an_interview_with_labels_in_double_parentheses() -> None:
    text = ("We spoke to Jane Doe, a former maintainer.\n\n"
            "((WN))  When did you hear of the notice?\n\n"
            "((Jane Doe))  I saw it on a forum along with everyone else.\n\n"
            "It was a surprise to all of us.\n\n"
            "((WN))  What do you think of it?\n\n"
            "((Jane Doe))  I think it is not warranted.")
    records = _records(text)
    assert records == [
        ("Jane Doe", "I saw it on a forum along with everyone else.\n\nIt was a surprise to all of us."),
        ("Jane Doe", "I think it is not warranted."),
    ]


def test_religious_titles_are_roles_not_names() -> None:
    text = "Group president Swami Chakrapani said the party would go on. Chakrapani said it was safe."
    assert [speaker for speaker, _ in _records(text)] == ["Chakrapani", "Chakrapani"]
    assert _records("Rev. Al Sharpton said the march would go on.")[0][0] == "Al Sharpton"


def test_a_contrast_after_a_reported_clause_is_the_speakers() -> None:
    text = ("Russell Zimmer said retailers try to raise stock, but council limits on truck deliveries "
            "make it hard.")
    assert _records(text) == [("Russell Zimmer", "retailers try to raise stock, but council limits on "
                                                 "truck deliveries make it hard")]


def test_a_conjunction_after_a_quote_opens_another_speakers_clause() -> None:
    text = "Coles called the demand “unprecedented”, while ALDI called it “unexpected”."
    assert _records(text) == [("Coles", "the demand “unprecedented”"), ("ALDI", "it “unexpected”")]


def test_someone_who_might_argue_said_nothing() -> None:
    assert _records("One could argue that disputes of this sort prove bad planning.") == []
    assert _records("Others, though, might argue that the plan should be reviewed.") == []
    assert _records("Smith argued that the plan was sound.") == [("Smith", "the plan was sound")]


# -- patterns of batch AB ------------------------------------------------------------------------


def test_a_trade_before_a_full_name_whose_surname_is_a_place() -> None:
    ((speaker, _),) = _records("Actor Denzel Washington said he was a gentle soul.")
    assert speaker == "Denzel Washington"


def test_the_health_minister_is_not_the_minister_of_another_portfolio() -> None:
    text = ("Civil Aviation Minister Hardeep Puri said the plane broke apart. The local health "
            "minister said the injured were in hospital.")
    assert [speaker for speaker, _ in _records(text)] == ["Hardeep Puri", "the local health minister"]
    text = ("Foreign Minister Sergei Lavrov said the talks failed. The foreign minister said they "
            "would resume.")
    assert [speaker for speaker, _ in _records(text)] == ["Sergei Lavrov", "Sergei Lavrov"]


def test_maintained_and_concluded_report_a_clause_without_that() -> None:
    text = "DeJoy maintained the service could handle the increased demand for mail-in ballots."
    assert _records(text) == [("DeJoy", "the service could handle the increased demand for mail-in ballots")]
    assert _records("The company maintained its lead in the market.") == []
    assert _records("The leaders concluded the summit on Monday.") == []


def test_the_last_word_of_an_office_is_no_name() -> None:
    text = "The Director of Public Prosecutions said the charges would stand."
    assert _records(text) == [("Director of Public Prosecutions", "the charges would stand")]
    text = "Director General of Civil Aviation Arun Kumar said the aircraft broke in two."
    assert _records(text) == [("Arun Kumar", "the aircraft broke in two")]
    text = "Commissioner for Human Rights Dunja Mijatovic said the law was a step back."
    assert _records(text)[0][0] == "Dunja Mijatovic"


def test_the_secretary_of_state_is_the_person_the_text_gave_that_office() -> None:
    text = ("Secretary of State Antony Blinken met the prince. The Secretary of State said the talks "
            "were useful.")
    assert _records(text) == [("Antony Blinken", "the talks were useful")]
    assert _records("The Bank of England said rates would rise.")[0][0] == "Bank of England"


def test_a_captions_label_after_a_name_is_no_part_of_it() -> None:
    text = ("Party Vice Chairman Mark Seidel Image: Party.\n\nSeidel defended the payments: "
            "“The advances were to cover hotels.”")
    assert [speaker for speaker, _ in _records(text)] == ["Mark Seidel"]


def test_an_ordinal_in_figures_stays_in_a_bodys_name() -> None:
    text = "The 14th Amendment states: “All persons born here are citizens.”"
    assert _records(text)[0][0] == "14th Amendment"
    text = "The 82nd Airborne Division said the drill would go ahead as planned."
    assert _records(text) == [("82nd Airborne Division", "the drill would go ahead as planned")]
