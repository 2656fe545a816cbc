"""The fourteenth pass: whose words a recalled reply is, and what a pass over unseen political
reports showed."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def test_a_recalled_reply_is_its_owners() -> None:
    text = "She remembers Tom Ailes’s reply: “I’m a multifaceted man.”"
    assert _records(text) == [("Tom Ailes", "I’m a multifaceted man.")]
    text = "Mayor Tom Hill was asked about the cuts. She recalled his answer: “We have no money.”"
    assert _records(text) == [("Tom Hill", "We have no money.")]
    text = "He recalled Sam Smith’s words, “Never give up.”"
    assert _records(text) == [("Sam Smith", "Never give up.")]


def test_a_recalled_thing_that_is_no_saying_stays_the_rememberers() -> None:
    # "remembers the day" names no one's words: the one who remembers speaks
    text = "“It was cold,” Jane Roe remembers. She remembers the day: “We had no coats.”"
    assert _records(text)[0] == ("Jane Roe", "It was cold")


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_kin_named_by_a_first_name_take_the_surname() -> None:
    assert _speakers("“He was tough,” Ailes’s brother Robert said.") == ["Robert Ailes"]
    text = "Cyrus Field’s brother, Henry, wrote that it “joins the sundered hemispheres.”"
    assert _speakers(text) == ["Henry Field"]
    # a wife may keep her own name; an owner that is no name gives none
    assert _speakers("Trump’s wife Melania said the deal was fair.") == ["Melania"]
    assert _speakers("The company’s founder Jane said the deal was fair.") == ["Jane"]


def test_a_lone_word_is_the_one_full_name_it_opens() -> None:
    text = "Zendaya Coleman wore the dress. “I loved it,” Zendaya said."
    assert _speakers(text) == ["Zendaya Coleman"]
    # two full names that open with it, or a longer name, leave it as it is
    text = "Zendaya Coleman wore it. Zendaya Smith was there. “I loved it,” Zendaya said."
    assert _speakers(text) == ["Zendaya"]
    text = "Yoon Suk Yeol spoke. “I regret this,” Yoon said."
    assert _speakers(text)[0] != "Yoon Suk"


def test_people_of_someones_circle_are_unnamed_sources() -> None:
    for who in ("a colleague", "a former colleague", "a teammate", "a classmate", "one co-worker",
                "a close ally of the president", "an acquaintance"):
        assert _speakers(f"“It was bad,” {who} said.") == [who], who
    assert _speakers("A Trump ally said the plan was dead.") == ["A Trump ally"]


def test_a_documents_words_read_and_begin() -> None:
    assert _records("“We were shocked,” the statement read.") == [("the statement", "We were shocked")]
    assert _records("“I am emailing you,” the email began.") == [("the email", "I am emailing you")]
    assert _records("“I am emailing you,” the email said.") == [("the email", "I am emailing you")]
    assert _records("The letter read: “We are leaving.”") == [("The letter", "We are leaving.")]
    # a person who reads, a sign, or something that began are no document speaking
    assert _records("He read. “It was good,” she said.")[0][1] == "It was good"
    assert "The sign" not in _speakers("The sign read, “No entry for anyone today.”")
    assert _records("The talks began, “slowly,” one aide said.")[0][0] == "one aide"


def test_a_citys_name_can_be_a_first_name() -> None:
    assert _speakers("London Breed said the city was safe.") == ["London Breed"]
    assert _speakers("San Francisco Mayor London Breed said the city was safe.") == ["London Breed"]
    text = "London Rene is suing the club. “I was attacked,” Rene said."
    assert _speakers(text) == ["London Rene"]
    # a city speaking for a government, an outlet, a force, or a place before a name are not
    assert _speakers("London said the talks were over.") == ["London"]
    assert _speakers("Moscow Times said the deal was off.") == ["Moscow Times"]
    assert _speakers("London police said the man was arrested.") == ["London police"]
    assert _speakers("In London Sunak said the deal was off.") == ["Sunak"]
    # with no one so named, a surname stays a surname
    assert _speakers("Boris Johnson flew to London. Johnson said the deal was off.") == ["Boris Johnson"]


def test_an_opening_phrase_of_time_or_place_is_no_speaker() -> None:
    for opening in ("Hours later", "Within hours", "Amid the uproar", "Days after the vote"):
        text = f"{opening}, the company released a statement saying, “We take these matters seriously.”"
        assert _speakers(text) == ["company"], opening


def test_a_long_organisation_after_a_post_stays_one_phrase() -> None:
    text = ("The workers are not aiming to disrupt travel, a spokeswoman for the Service Employees "
            "International Union said.\n\n“They do want to gain public support,” she said.")
    who = "a spokeswoman for the Service Employees International Union"
    assert _speakers(text) == [who, who]


def test_a_parenthesis_after_a_full_name_leaves_it_the_subject() -> None:
    text = ("Mary Steenburgen wrote songs. “It was hard,” she said.\n\nHer son, filmmaker Charlie "
            "McDowell (“The Discovery,” “The One I Love”), also remembers it. “It was odd,” he said.")
    assert _speakers(text) == ["Mary Steenburgen", "Charlie McDowell"]


def test_an_unnamed_source_with_a_message_before_a_colon() -> None:
    text = "A spokesman for the ministry had a warning for Washington: “We will respond to any attack.”"
    assert _speakers(text) == ["A spokesman for the ministry"]
    assert _speakers("The company had a message for its critics: “We are not going anywhere.”") == ["company"]
    # a message received is the sender's, not the receiver's
    text = "The ministry received a warning from Washington: “We will respond to any attack.”"
    assert _speakers(text) == [None]


def test_a_participle_opening_a_sentence_with_its_clause_after_the_comma() -> None:
    text = ("Excluding the jobs created in Texas, the nation would be 350,000 below the peak, "
            "according to Federal Reserve Bank of Dallas research.")
    content = "Excluding the jobs created in Texas, the nation would be 350,000 below the peak"
    # (the research stands for its author, whom the text names: the bank)
    assert _records(text) == [("Federal Reserve Bank of Dallas", content)]
    # a participle phrase alone is no statement
    assert _records("Speaking to the BBC on Monday, he said.") == []


def test_that_before_a_time_is_no_clause() -> None:
    text = "“I am in charge,” Murdoch told Fox staffers later that afternoon with Lachlan at his side."
    assert _records(text) == [("Murdoch", "I am in charge")]
    assert _records("He told reporters later that day that the deal was off.")[0][1] == "the deal was off"
    assert _records("She wrote hundreds of songs that summer and sent them away.") == []


def test_a_quoted_sentence_interrupted_by_its_frame_and_an_aside_is_one_statement() -> None:
    text = ("“But,” Alito continued, as he confidently addressed Prelogar, “is it not the case that "
            "these vaccines have risks?”")
    records = _records(text)
    assert len(records) == 1 and records[0][0] == "Alito"
    assert records[0][1].startswith("But,”") and records[0][1].endswith("have risks?")
    # a second quotation that opens a sentence of its own is not the first one's rest
    text = "“We won,” Smith said, as the crowd cheered. “The count was fair.”"
    assert _records(text)[0][1] == "We won"


def test_continuing_to_do_something_is_no_speech() -> None:
    text = "The central bank continued to describe that pace as “gradual,” keeping policy loose."
    assert _records(text) == []
    assert _records("“We will win,” Tom Hale continued.") == [("Tom Hale", "We will win")]


def test_a_briefs_pages_section_headings_are_no_speakers() -> None:
    text = ("LAKE ELSINORE: Water board picks president Elsinore Valley director Phil Williams was "
            "chosen.\n\nWINTER STORM: Rare snowfall a treat for most as the highway reopened.\n\n"
            "PENCE: We will not let this stand.")
    assert _speakers(text) == ["Pence"]


def test_two_surnames_named_together_in_full_are_the_pair() -> None:
    text = ("The authors, Paul Edelstein and Lutz Kilian, studied prices. Edelstein and Kilian said "
            "the effect was small.")
    assert _speakers(text) == ["Paul Edelstein and Lutz Kilian"]
    assert "Gamble" not in " ".join(s or "" for s in _speakers("Procter and Gamble said sales rose."))


def test_the_demonym_is_the_person_just_named() -> None:
    text = "Victor Osimhen scored twice. “I played well,” the Nigerian said."
    assert _speakers(text) == ["Victor Osimhen"]
    text = ("“It is hard,” Falesi Chukuwumba, a Malawian national, said.\n\nEllen Mwamulima, a widow, fled "
            "a mob. “We lost everything,” the Malawian told reporters.")
    assert _speakers(text) == ["Falesi Chukuwumba", "Ellen Mwamulima"]
    # an outlet is no person; with nobody named the epithet is all there is
    assert _speakers("The Guardian said the deal was off.") == ["Guardian"]
    assert _speakers("“I played well,” the Nigerian said.") == ["the Nigerian"]


def test_a_trailing_frame_reports_the_whole_sentence_before_it() -> None:
    text = "Selling a product is difficult, but altering behavior is much more difficult, Hege said."
    assert _records(text) == [("Hege", text[:text.index(", Hege")])]
    # a gerund for the subject is a statement; a participle phrase alone is not
    text = "Using weed occasionally is not thought to cause problems, the authors said."
    assert _records(text) == [("the authors", text[:text.index(", the")])]
    text = "Targeting audiences is key, Graham said, offering the example of a recent campaign."
    assert _records(text) == [("Graham", "Targeting audiences is key")]
    assert _records("Speaking to the BBC on Monday, he said.") == []


def test_pointed_out_reports_a_clause_without_that() -> None:
    text = "Tom Hale pointed out it is difficult to draw firm conclusions."
    assert _records(text) == [("Tom Hale", "it is difficult to draw firm conclusions")]
    assert _records("Tom Hale pointed out the flaws in the plan.") == []


def test_the_statement_is_the_one_issued_in_a_long_sentence_before() -> None:
    text = ("Two United States service members have been killed in a helicopter crash in Afghanistan, "
            "the US military said in a statement on Wednesday.\n\n“The cause of the crash is under "
            "investigation,” the statement said.")
    assert _speakers(text) == ["US military", "US military"]


def test_shouting_yelling_and_muttering_are_speech() -> None:
    assert _speakers("“Open the door! We are coming in!” an officer shouts.") == ["an officer"]
    assert _speakers("“Let me see your hands!” an officer yells.") == ["an officer"]
    text = "Tom Hale yelled that the building was on fire."
    assert _records(text) == [("Tom Hale", "the building was on fire")]
    # words of other senses count only next to a quote mark
    assert _records("He snapped a photo of the crowd when she cried.") == []


def test_a_person_named_after_an_unnamed_source_in_its_sentence_is_who_he_means() -> None:
    text = ("Roger Ailes moved to New York. A former television producer described an interview with "
            "Ailes in 1975, in which he said: “If you want to make it here, you have to play along.”")
    assert _speakers(text) == ["Roger Ailes"]
    # in a later sentence the source is still who "he" may mean
    text = ("A former producer described an interview with Ailes in 1975. “It was awful,” he said.")
    assert _speakers(text) == ["A former producer"]


def test_a_longer_aside_of_a_preposition_before_that() -> None:
    text = ("In the Commons yesterday, Yvette Cooper, the shadow home secretary, claimed, on the basis "
            "of an answer from James Cleverly, that he was admitting a further £100m had been paid.")
    assert _records(text) == [("Yvette Cooper", "he was admitting a further £100m had been paid")]


def test_an_imperative_opening_a_sentence_is_no_name() -> None:
    text = ("Remember during lockdown when everyone was telling you to continue dressing for work, "
            "because it would put you in a “work” mindset?")
    assert "Remember" not in _speakers(text)
