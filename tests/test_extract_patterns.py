"""The patterns of English news attribution, one sentence or paragraph at a time."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _by_text(text: str) -> dict[str, object]:
    """Each record by its content, and by each quoted part inside it (the record it belongs to)."""
    quotes = extract_quotes(text)
    found: dict[str, object] = {}
    for q in quotes:
        assert text[q.start:q.end] == q.text
        for start, end in q.parts:
            assert q.start <= start < end <= q.end
            found.setdefault(text[start:end], q)
    for q in quotes:
        found[q.text] = q
    return found


def test_split_quote_with_inverted_cue_and_appositive() -> None:
    text = ("“We are not going to negotiate under threats,” said Maria Zakharova, a spokeswoman "
            "for the Russian Foreign Ministry. “Our position has not changed.”")
    found = _by_text(text)
    first = found["We are not going to negotiate under threats"]
    assert first.speaker == "Maria Zakharova" and first.kind == "direct"
    assert first.role == "spokeswoman for the Russian Foreign Ministry"
    assert first.organisation == "Russian Foreign Ministry"
    assert found["Our position has not changed."].speaker == "Maria Zakharova"


def test_quote_interrupted_by_its_attribution() -> None:
    text = '"The first half," the finance minister said, "and then the second half."'
    (record,) = extract_quotes(text)  # one statement, interrupted by its frame: one record
    assert record.kind == "direct" and record.cue == "said"
    assert record.text == 'The first half," the finance minister said, "and then the second half.'
    assert [text[s:e] for s, e in record.parts] == ["The first half", "and then the second half."]


def test_quote_over_several_paragraphs() -> None:
    text = ("“We will not stand by,” Mr Shapps said. “Freedom of navigation is not negotiable.\n"
            "“Those responsible will be held to account.”\n"
            "Officials said the ships had returned to port.")
    found = _by_text(text)
    multi = next(q for q in found.values() if "Freedom" in q.text)
    assert multi.text.endswith("held to account.")
    assert multi.speaker == "Shapps"
    assert found["the ships had returned to port"].speaker == "Officials"


def test_unbalanced_mark_does_not_derail_the_rest() -> None:
    text = ('The mayor said "we will rebuild every home.\n'
            'Later, Governor Ana Silva called the damage "unprecedented".')
    found = _by_text(text)
    assert found["unprecedented"].speaker == "Ana Silva"
    assert any(q.text.startswith("we will rebuild") for q in found.values())


def test_colon_attributions() -> None:
    found = _by_text('Peskov said: "We are ready for talks."\nZelensky: "We will not give up."')
    assert found["We are ready for talks."].speaker == "Peskov"
    assert found["We will not give up."].speaker == "Zelensky"


def test_according_to_leading_and_trailing() -> None:
    found = _by_text("According to a senior official, the talks will resume in March.\n"
                     "The ceasefire has largely held, according to the United Nations.")
    lead = found["the talks will resume in March"]
    assert lead.speaker == "a senior official" and lead.speaker_kind == "anonymous"
    trail = found["The ceasefire has largely held"]
    assert trail.speaker == "United Nations" and trail.speaker_kind == "organisation"


def test_outlet_is_not_the_speaker() -> None:
    found = _by_text('"We are ready," John Smith told the BBC.\n'
                     "Jane Doe said in an interview with CNN that the talks had failed.\n"
                     "Prices will rise again, according to Reuters.")
    assert found["We are ready"].speaker == "John Smith"
    assert found["We are ready"].outlet == "BBC"
    assert found["the talks had failed"].outlet == "CNN"
    assert found["the talks had failed"].speaker == "Jane Doe"
    # What an outlet reports on its own account: the outlet is its source as well as its outlet.
    reuters = found["Prices will rise again"]
    assert (reuters.speaker, reuters.outlet) == ("Reuters", "Reuters")


def test_addressee_is_not_an_outlet() -> None:
    found = _by_text("Biden told Netanyahu that the operation must end soon.")
    quote = found["the operation must end soon"]
    assert quote.speaker == "Biden" and quote.outlet is None


def test_pronouns_and_short_names_resolve_to_earlier_speakers() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov said the proposal was unacceptable. "
            "Lavrov added that Moscow would respond. He also said talks were possible.\n"
            "The ministry said the report was false. It added that an inquiry would follow.")
    found = _by_text(text)
    lavrov = {found[t].speaker_index for t in ("the proposal was unacceptable",
                                                "Moscow would respond", "talks were possible")}
    assert len(lavrov) == 1
    assert found["Moscow would respond"].speaker == "Sergei Lavrov"
    assert found["talks were possible"].speaker == "Sergei Lavrov"
    assert "Foreign Minister" in found["talks were possible"].role
    assert found["an inquiry would follow"].speaker == found["the report was false"].speaker
    assert found["an inquiry would follow"].speaker_kind == "organisation"
    pronoun = found["talks were possible"]
    assert text[pronoun.speaker_start:pronoun.speaker_end] == "He"


def test_titles_and_ranks_split_from_names() -> None:
    found = _by_text("Sen. Lindsey Graham said the bill would pass.\n"
                     "US Secretary of State Antony Blinken said the visit was postponed.\n"
                     "White House press secretary Karine Jean-Pierre said the president was briefed.")
    graham = found["the bill would pass"]
    assert graham.speaker == "Lindsey Graham" and graham.role == "Senator"
    blinken = found["the visit was postponed"]
    assert blinken.speaker == "Antony Blinken" and "Secretary of State" in blinken.role
    kjp = found["the president was briefed"]
    assert kjp.speaker == "Karine Jean-Pierre" and kjp.organisation == "White House"


def test_anonymous_sources_are_speakers_of_their_own() -> None:
    found = _by_text("Officials said the plan had been approved.\n"
                     "A person familiar with the matter said the deal was close.")
    assert found["the plan had been approved"].speaker_kind == "anonymous"
    close = found["the deal was close"]
    assert close.speaker_kind == "anonymous"
    assert close.speaker.startswith("A person familiar with the matter")


def test_passive_and_scare_quotes_are_not_quotes() -> None:
    text = ('The leader is said to be travelling by train.\n'
            'The so-called "special military operation" entered its second year.\n'
            'The so-called "Islamic State" group claimed the attack.\n'
            "That said, the plan has support. Needless to say, the vote was close.\n"
            "All told, 300 people left. Everything went according to plan.\n"
            'The film "Oppenheimer" won seven awards. He was told to leave.')
    assert extract_quotes(text) == []


def test_headline_forms() -> None:
    assert [(q.text, q.speaker) for q in extract_quotes("'We will rebuild', vows mayor")] == [
        ("We will rebuild", "mayor")
    ]
    found = extract_quotes("Zelensky says Ukraine will not cede territory", headline=True)
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("Ukraine will not cede territory", "Zelensky", "indirect")
    ]


def test_question_and_carry_over() -> None:
    text = ('"Why now?" Ms Ortiz asked.\n'
            '"Nobody has given us an answer."\n'
            "The weather was cold.")
    found = _by_text(text)
    assert found["Why now?"].speaker == "Ortiz"
    carried = found["Nobody has given us an answer."]
    # the question carries on in the next paragraph with no cue of its own: one record
    assert carried is found["Why now?"] and carried.speaker == "Ortiz" and len(carried.parts) == 2


def test_every_quote_names_its_sieve_and_confidence() -> None:
    text = ('"We are ready," John Smith told the BBC. He added that talks would start soon.')
    for q in extract_quotes(text):
        assert q.sieve and 0 < q.confidence <= 1


def test_person_of_an_organisation_and_appositives() -> None:
    found = _by_text('"The numbers don\'t lie," says economist Jane Doe of the University of Chicago.\n'
                     "A Kremlin spokesman, Dmitry Peskov, told reporters that Moscow was "
                     '"open to dialogue".\n'
                     '"It is time," said Bob Smith, 62, a retired teacher from Ohio.')
    doe = found["The numbers don't lie"]
    assert (doe.speaker, doe.role, doe.organisation) == ("Jane Doe", "economist", "University of Chicago")
    peskov = found["open to dialogue"]
    assert peskov.speaker == "Dmitry Peskov" and peskov.role == "Kremlin spokesman"
    assert found["It is time"].role == "retired teacher from Ohio"


def test_colon_after_adverbials_and_organisation_by_pronoun() -> None:
    found = _by_text('Lavrov told a news conference in Moscow on Friday: "The West has declared war."\n'
                     'Microsoft said it "takes these allegations seriously".')
    assert found["The West has declared war."].kind == "direct"
    assert found["takes these allegations seriously"].speaker_kind == "organisation"


def test_participle_cues_and_datelines() -> None:
    found = _by_text("The Met Office issued a warning for rain, saying flooding is possible in places.\n"
                     "Ana Silva said the plan was sound, adding that work would start in May.\n"
                     "WASHINGTON (AP) — Aid will be sent next week, Secretary of State Antony Blinken said.")
    assert found["flooding is possible in places"].speaker == "Met Office"
    assert found["work would start in May"].speaker == "Ana Silva"
    assert found["the plan was sound"].speaker == "Ana Silva"
    aid = found["Aid will be sent next week"]
    assert aid.speaker == "Antony Blinken" and aid.role == "Secretary of State"
    assert aid.organisation is None


def test_pronouns_follow_gender_when_known() -> None:
    text = ('"We will appeal," said Ms Maria Lopez. "It is not over," Mr John Reed said.\n'
            '"I am disappointed," she added.')
    found = _by_text(text)
    assert found["I am disappointed"].speaker == "Maria Lopez"


def test_according_to_a_statement_from() -> None:
    found = _by_text("The border will reopen on Monday, according to a statement from the interior ministry.")
    assert found["The border will reopen on Monday"].speaker == "interior ministry"


def test_byline_reporter_is_not_a_speaker() -> None:
    text = ("Kyiv says it repelled drone attack\n"
            "By Anna Kowalska\n"
            "Ukraine's air force said it had destroyed 25 drones.\n"
            "Anna Kowalska said the streets were quiet this morning.\n"
            "Hungary's Prime Minister Viktor Orban said he would not back sanctions, calling them "
            '"a dead end".')
    found = _by_text(text)
    assert "Anna Kowalska" not in {q.speaker for q in found.values()}
    assert found["it had destroyed 25 drones"].speaker == "Ukraine's air force"
    assert found["he would not back sanctions"].speaker == "Viktor Orban"
    assert found["a dead end"].speaker == "Viktor Orban"


def test_party_tags_asides_and_groups_before_the_cue() -> None:
    found = _by_text("Sen. Rand Paul, R-Ky., who voted against the measure, said Congress was "
                     '"addicted to spending."\n'
                     "But Wes Streeting, Labour's shadow health secretary, said patients were waiting.\n"
                     "Democrats, meanwhile, said they were weighing their options.")
    paul = found["addicted to spending."]
    assert paul.speaker == "Rand Paul" and paul.role == "Senator"
    streeting = found["patients were waiting"]
    assert streeting.speaker == "Wes Streeting"
    assert streeting.role == "Labour's shadow health secretary"
    group = found["they were weighing their options"]
    assert group.speaker == "Democrats" and group.speaker_kind == "organisation"


def test_description_after_a_name_is_that_person() -> None:
    text = ("When the water reached the second floor, Ana Costa knew they had to leave.\n"
            '"We had nothing left," says the 41-year-old mother of three.\n'
            '"The children were crying.\n'
            '"I will never forget that night."')
    found = _by_text(text)
    assert found["We had nothing left"].speaker == "Ana Costa"
    # the statement carries on over the next paragraphs with no cue of its own: one record
    multi = found["We had nothing left"]
    assert found['The children were crying.\n"I will never forget that night.'] is multi
    assert multi.speaker == "Ana Costa" and multi.text.endswith("that night.")


def test_with_subject_participle() -> None:
    found = _by_text("There had been reports the train was en route, with the Kremlin confirming "
                     "there had been an invitation issued.")
    assert found["there had been an invitation issued"].speaker == "Kremlin"


def test_surnames_that_look_like_titles_and_objects_that_are_not_clauses() -> None:
    found = _by_text('"The market is tight," said Amrita Sen, director of research at Energy Aspects.\n'
                     "Theresa May said the deal was the best available.\n"
                     "Opec+ announced further production cuts on Monday.\n"
                     'The delay was "disappointing", according to space analyst Laura Forczyk.\n'
                     "Critics, including former employees, have argued that it is moving too fast.\n"
                     '"Stay out of the sun," the NHS advised.')
    sen = found["The market is tight"]
    assert sen.speaker == "Amrita Sen" and sen.role.startswith("director of research")
    assert found["the deal was the best available"].speaker == "Theresa May"
    assert not any("production cuts" in t for t in found)
    assert found["disappointing"].speaker == "Laura Forczyk"
    assert found["it is moving too fast"].speaker == "Critics"
    assert found["Stay out of the sun"].speaker == "NHS"


def test_pronoun_after_a_definite_description() -> None:
    found = _by_text('The minister was asked whether he would resign. "No," he said.\n'
                     "The PM said the plan was 'working'.")
    assert found["No"].speaker == "the minister"
    assert found["working"].speaker == "the PM"


def test_statement_goes_on_after_nested_marks_a_space_apart() -> None:
    # `.’ ”` closes a quote inside a quote; the sentence ends there, so the quote is a sentence
    # of its own and carries on the statement before it.
    text = ("Rosa Lind ran the depot for years. “I drove ahead alone,” she recalls. “When the crew "
            "came, I told them, ‘Stay calm. You will be paid twice over.’ ” The crew stayed a week.")
    (record,) = extract_quotes(text)
    assert record.speaker == "Rosa Lind" and record.kind == "direct"
    assert record.text.startswith("I drove ahead alone") and record.text.endswith("twice over.’")


def test_company_abbreviation_before_a_quote_ends_the_sentence() -> None:
    text = ("“Orders have dried up,” said Omar Veld, owner of Veld Tooling Inc. “We cut the night "
            "shift in March.”")
    (record,) = extract_quotes(text)
    assert record.speaker == "Omar Veld"
    assert [text[s:e] for s, e in record.parts] == [
        "Orders have dried up", "We cut the night shift in March."]


def test_signs_off_and_laughs_frame_a_quote() -> None:
    found = _by_text("The briefing is over. Ines Okafor signs off: “See you all on launch day.”")
    assert found["See you all on launch day."].speaker == "Ines Okafor"
    text = ("“They all think I am a saint,” the tall, smiling trader laughs. “They do not know the "
            "half of it.”")
    (record,) = extract_quotes(text)
    assert record.kind == "direct" and record.mention == "the tall, smiling trader"
    assert record.text.endswith("the half of it.")


def test_a_role_with_no_article_between_commas_is_not_the_speaker() -> None:
    found = _by_text("Jana Obi, project manager, says the landing was perfect. She says more will come.")
    assert found["the landing was perfect"].speaker == "Jana Obi"
    assert found["more will come"].speaker == "Jana Obi"


def test_an_organisation_in_the_possessive_before_a_name() -> None:
    (record,) = extract_quotes("The SNP's Moira Kerr says the budget has failed Scotland.")
    assert record.speaker == "Moira Kerr" and record.organisation == "SNP"


def test_a_clause_with_a_present_tense_verb_after_says() -> None:
    found = _by_text("Tom Hale says the prime minister has lost control. The Labour leader says the "
                     "country deserves better.")
    assert found["the country deserves better"].speaker == "Tom Hale"
    assert extract_quotes("She said a few words to reporters.") == []


def test_a_weak_cue_that_closes_its_sentence_is_a_trailing_frame() -> None:
    (record,) = extract_quotes("The council will next week cut the housing targets, Nadia Reyes reports.")
    assert record.speaker == "Nadia Reyes"
    assert record.text == "The council will next week cut the housing targets"
    assert extract_quotes("The reports were read out. Her notes were lost.") == []


def test_an_outlet_named_with_its_kind() -> None:
    (record,) = extract_quotes("The pastor served a year in prison, the Lakeside Courier newspaper reported.")
    assert record.speaker == "Lakeside Courier"


def test_claiming_after_a_dash_is_the_subject_s() -> None:
    (record,) = extract_quotes("Orbis had fought a long battle with Vendo — claiming the retailer was "
                               "forcing prices down.")
    assert record.speaker == "Orbis" and record.text == "the retailer was forcing prices down"
    assert extract_quotes("After claiming the title, the team celebrated.") == []


def test_a_quote_closing_its_sentence_is_not_framed_by_the_next_sentence() -> None:
    found = _by_text('Ana Berg said the plan was "dead on arrival." She called it "a fantasy."')
    assert found['the plan was "dead on arrival."'].kind == "mixed"
    assert found['the plan was "dead on arrival."'].speaker == "Ana Berg"
    (framed,) = extract_quotes("“We will win.” Hale said in a statement to reporters.")
    assert framed.kind == "direct" and framed.speaker == "Hale"


def test_a_participle_phrase_before_the_cue_is_looked_past() -> None:
    (record,) = extract_quotes('The report, released Monday, said the scheme was "a failure."')
    assert record.speaker == "The report" and record.text == 'the scheme was "a failure."'


def test_an_indefinite_appositive_that_names_no_one_describes_the_name_before() -> None:
    (record,) = extract_quotes('Tom Hale, a Republican, called the plan "reckless."')
    assert record.speaker == "Tom Hale" and record.kind == "mixed"



def test_according_to_a_source_ends_before_when_and_a_participle() -> None:
    """The source is the noun phrase: "on Tuesday", "last week" and "released today" say when,
    and "compiled by X" still names X."""
    cases = {
        "Ferrovia will end the service, according to an announcement on Tuesday.": "an announcement",
        "The agency missed the deadline, according to a report last week.": "a report",
        "The agency missed the deadline, according to records released today.": "records",
        "The agency missed the deadline, according to court documents filed in Miami.": "court documents",
        "The agency missed the deadline, according to newly released records.": "newly released records",
        "Prices rose for a third month, according to data compiled by Bloomberg.": "Bloomberg",
    }
    for sentence, source in cases.items():
        (record,) = extract_quotes(sentence)
        assert record.speaker == source, sentence
        assert record.kind == "indirect" and record.text == sentence[:sentence.index(",")]


def test_words_quoted_before_a_participle_frame_are_not_the_speakers() -> None:
    text = ("Introduced as a coveted “one last thing,” Ana Ruiz praised the speaker's sound, saying it "
            "would “change how we listen” at home.")
    found = _by_text(text)
    assert "one last thing," not in found and "one last thing" not in found
    clause = found["change how we listen"]
    assert clause.speaker == "Ana Ruiz" and clause.kind == "mixed"
    assert clause.text == "it would “change how we listen” at home"
    # a quote the frame closes is still the speaker's
    (record,) = extract_quotes("“We will win,” Ana Ruiz told the crowd, adding that the vote was close.")[:1]
    assert record.speaker == "Ana Ruiz" and record.text == "We will win"


def test_what_was_not_said_and_what_is_only_described() -> None:
    """A modal perfect ("could have called") says what did not happen; "as it's officially
    described" and "it's telling that" name no speaker; "added it to the settings" adds a thing."""
    for sentence in (
        "Apple could have called this “Rumination” or anything really, and few would have minded.",
        "The minister should have said “sorry” on the first day.",
        "The last feature is notification stacking, or “forced auto-grouping,” as it's officially described.",
        "It’s still called the Fold 7, although it’s telling that nothing about it has leaked.",
        "Apple only added it to the ringtone settings with this latest update.",
        "With beta 2, Apple added Alt 1 as an option, with the original tone now labeled as “Default.”",
    ):
        assert extract_quotes(sentence) == [], sentence


def test_a_pronoun_after_a_cue_opens_a_clause_only_with_its_verb() -> None:
    cases = {
        "The company says it will close the plant.": "it will close the plant",
        "The ministry said it still has no plans to change course.": "it still has no plans to change course",
        "A ruling said it, too, had engaged in price-fixing with the publishers.":
            "it, too, had engaged in price-fixing with the publishers",
    }
    for sentence, clause in cases.items():
        (record,) = extract_quotes(sentence)
        assert record.text == clause and record.kind == "indirect", sentence


def test_words_the_writer_quotes_after_a_reported_clause_are_the_writers() -> None:
    text = ("The company boasts that it has 27 exercise modes, which doesn’t sound like a ton, but "
            "I’m intrigued by the “smart strength training” mode.")
    (record,) = extract_quotes(text)
    assert record.kind == "indirect"
    assert record.text == "it has 27 exercise modes, which doesn’t sound like a ton"


def test_but_that_goes_on_with_the_same_report() -> None:
    text = ("Tinder says the selfie video is deleted once verification is complete, but that the "
            "platform stores a “non-reversible, encrypted face map” to detect duplicate accounts.")
    (record,) = extract_quotes(text)
    assert record.kind == "mixed" and record.speaker == "Tinder"
    assert record.text.endswith("to detect duplicate accounts")
    assert [text[s:e] for s, e in record.parts] == ["non-reversible, encrypted face map"]
    # a contrast after the clause is the speaker's too (as annotators read it in every news set
    # since), unless the writer speaks in the first person ("…, but I'm intrigued by …")
    (whole,) = extract_quotes("The ministry said the road would reopen on Monday, but repairs would "
                              "take longer.")
    assert whole.text == "the road would reopen on Monday, but repairs would take longer"


def test_a_question_asked_of_someone_is_reported() -> None:
    cases = {
        "Keir Starmer asks Rishi Sunak whether he will rule out another leadership contest.":
            ("Keir Starmer", "whether he will rule out another leadership contest"),
        "The chair asked the home secretary if the scheme had been costed.":
            ("the chair", "if the scheme had been costed"),
    }
    for sentence, (speaker, clause) in cases.items():
        (record,) = extract_quotes(sentence)
        assert (record.speaker, record.text, record.kind) == (speaker, clause, "indirect"), sentence
    assert extract_quotes("She asked Rishi Sunak for a meeting next week.") == []


def test_a_clause_whose_verb_is_cannot_is_reported() -> None:
    (record,) = extract_quotes("Keir Starmer says Sunak cannot even control his own MPs.")
    assert record.text == "Sunak cannot even control his own MPs"


def test_a_paragraph_ending_in_a_cue_and_a_colon_introduces_a_block_quotation() -> None:
    text = ("Starmer says:\n\nUnder this prime minister, waiting lists have gone up by half a million.\n\n"
            "Sunak replies:\n\nThe right honourable gentleman talks about waiting lists, but his party "
            "voted against our reforms.\n\n"
            "At the Chronicle, Dana Ruiz says that critics who call it a bromance “don't know what "
            "they're talking about.” She adds:\n\nIt means not just to mock the tyrant but to unmake him.\n\n"
            "Here is what the company posted:\n\nCredit: Facebook\n\n"
            "The minister told reporters:\n\nWe will not back down")
    records = extract_quotes(text)
    found = {q.text: q for q in records}
    first = found["Under this prime minister, waiting lists have gone up by half a million."]
    assert first.speaker == "Starmer" and first.kind == "direct"
    assert found["The right honourable gentleman talks about waiting lists, but his party voted "
                 "against our reforms."].speaker == "Sunak"
    block = found["It means not just to mock the tyrant but to unmake him."]
    assert block.speaker == "Dana Ruiz" and block.cue == "adds"
    # the quotation before "She adds:" is the clause "says that" reports, not what she adds
    clause = next(q for q in records if q.cue == "says" and q.speaker == "Dana Ruiz")
    assert clause.kind == "mixed" and clause.text.startswith("critics who call it a bromance")
    # no cue, a credit line, a paragraph that ends no sentence: not block quotations
    assert not any(q.text.startswith(("Credit", "We will not")) for q in records)


def test_who_had_this_to_say_speaks_after_the_colon() -> None:
    text = ("On Saturday, a spokesman for the defence commission had this to say about the film, "
            "the release of which it blames on the president: \"He always goes reckless in words and "
            "deeds.\"")
    (record,) = extract_quotes(text)
    assert record.speaker == "a spokesman for the defence commission" and record.kind == "direct"
    (record,) = extract_quotes('Senator Ana Ruiz had plenty to say about the bill: "It is a disaster."')
    assert record.speaker == "Ana Ruiz" and record.text == "It is a disaster."
