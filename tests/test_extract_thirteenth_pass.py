"""Invented examples of the patterns met in the thirteenth pass: who a later "he" or "she"
means when the story brings in someone new (a person introduced after the last quote, a
person quoted only in a clause about someone else), and descriptions with a possessive
pronoun ("Tim Kaine, his rival, said"). Each rule's near misses stay what they were."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_person_introduced_after_the_quote_is_who_he_means() -> None:
    for intro in ("Rep. Bill Owens, a Democrat from Ohio", "Rep. Bill Owens, who has pushed for it"):
        text = (f"“We need a deal,” Senator Tom Harkin said. The bill was drafted by {intro}. "
                "“It is a great day for the farmers,” he said.")
        assert _speakers(text) == ["Tom Harkin", "Bill Owens"], intro


def test_a_person_given_an_age_or_done_to_is_not_who_he_means() -> None:
    # an age alone introduces no one who speaks; nor does a sentence about the dead or a goal
    for sentence in ("The only touchdown was scored by Travis Kelce, 33.",
                     "The crash killed Dan Baker, a teacher at the school.",
                     "Flowers were left at a memorial for Dan Baker, who taught there."):
        text = f"“We played hard,” Coach Andy Reid said. {sentence} “He was great,” he added."
        assert _speakers(text) == ["Andy Reid", "Andy Reid"], sentence


def test_the_person_quoted_before_stays_the_subject() -> None:
    # a sentence since that opens with "He" is still about the man quoted before
    text = ("“We need a deal,” Senator Tom Harkin said. He blamed Rep. Bill Owens, a Democrat "
            "from Ohio, for the delay. “It is a shame,” he said.")
    assert _speakers(text) == ["Tom Harkin", "Tom Harkin"]
    # a person named in the quote's own sentence is not introduced since
    text = ("“We need a deal,” Senator Tom Harkin said, standing beside Rep. Bill Owens, a "
            "Democrat from Ohio. “It is a shame,” he said.")
    assert _speakers(text) == ["Tom Harkin", "Tom Harkin"]
    # a person named with no introduction is only mentioned
    text = ("“We need a deal,” Senator Tom Harkin said. The bill was drafted by Rep. Bill Owens. "
            "“It is a shame,” he said.")
    assert _speakers(text) == ["Tom Harkin", "Tom Harkin"]


def test_a_person_quoted_in_a_clause_about_the_subject_does_not_take_he() -> None:
    text = ("Donald Trump spoke for an hour in Tampa. “We will win Florida,” he said.\n\n"
            "He also attacked Jeb Bush, who said Monday that Trump was “unhinged.”\n\n"
            "“Jeb is a low-energy guy,” he said.")
    assert _speakers(text) == ["Donald Trump", "Jeb Bush", "Donald Trump"]
    text = ("Donald Trump spoke for an hour in Tampa. “We will win Florida,” he said.\n\n"
            "Trump's remarks came a day after Jeb Bush said he was “unhinged.”\n\n"
            "“Jeb is a low-energy guy,” he said.")
    assert _speakers(text) == ["Donald Trump", "Jeb Bush", "Donald Trump"]


def test_a_person_quoted_in_a_clause_with_no_other_subject_is_who_he_means() -> None:
    text = "The vote came after Sen. Bob Smith said he would oppose it. “It is a bad bill,” he said."
    assert _speakers(text) == ["Bob Smith", "Bob Smith"]
    text = ("Jeb Bush said in Iowa that Trump was “unhinged.” Trump answered on Twitter.\n\n"
            "“I am not worried,” he said.")
    assert _speakers(text)[0] == "Jeb Bush"


def test_a_description_with_a_possessive_pronoun_is_an_appositive() -> None:
    text = ("Mike Pence said he was proud of Trump. Tim Kaine, his rival, said Pence had defended "
            "“the indefensible.”")
    assert _records(text)[1] == ("Tim Kaine", "Pence had defended “the indefensible.”")
    text = "Tim Kaine, her running mate, said Trump had been “reckless” with his words."
    assert _speakers(text) == ["Tim Kaine"]
    text = "Sen. Rand Paul, R-Ky., his longtime ally, said he would vote no."
    assert _speakers(text) == ["Rand Paul"]


def test_a_possessive_description_with_no_name_before_is_the_speaker() -> None:
    assert _speakers("After the trial, his wife said the verdict was unfair.") == ["his wife"]
    assert _speakers("When asked about Smith, his lawyer said the charges were false.") == ["his lawyer"]


def test_a_longer_lead_in_naming_what_was_said_introduces_a_quote() -> None:
    text = "Donald Trump had a message for his critics on Tuesday night: “I will never change.”"
    assert _records(text) == [("Donald Trump", "I will never change.")]
    text = "Senator Amy Klobuchar offered a blunt assessment of the bill's chances: “This bill is dead.”"
    assert _speakers(text) == ["Amy Klobuchar"]


def test_a_longer_lead_in_with_no_word_for_what_was_said_introduces_nothing() -> None:
    text = ("Senator Amy Klobuchar pointed to the sign on the door of the office, which read: "
            "“Closed for business today.”")
    assert "Amy Klobuchar" not in _speakers(text)


def test_a_programme_in_quote_marks_between_cue_and_clause() -> None:
    for where in ("Sunday on “Fox News Sunday”", "on CNN's “State of the Union”",
                  "in an interview on NBC’s “Meet the Press”"):
        text = f"Sen. Lindsey Graham said {where} that the whistleblower should testify."
        assert _records(text) == [("Lindsey Graham", "the whistleblower should testify")], where
    # a title inside the clause is still the clause's
    text = "Sen. Lindsey Graham said the show “Fox News Sunday” was his favorite."
    assert _records(text) == [("Lindsey Graham", "the show “Fox News Sunday” was his favorite")]


def test_an_audience_of_two_words_is_whom_the_speaker_told() -> None:
    text = ("“We’re going to win,” Donald Trump told a rally crowd in Ohio, adding that the economy "
            "was “booming.”")
    assert [t for _, t in _records(text)] == ["We’re going to win", "the economy was “booming.”"]
    text = "Donald Trump told a campaign rally crowd in Ohio that the economy was booming."
    assert _records(text) == [("Donald Trump", "the economy was booming")]


def test_an_honorific_picks_the_bearer_of_the_surname_of_its_gender() -> None:
    intro = "Former President Bill Clinton campaigned for his wife, Hillary Clinton, in Iowa. "
    text = intro + "“She is ready,” Mr. Clinton said. “We are ready,” Mrs. Clinton said."
    assert _speakers(text) == ["Bill Clinton", "Hillary Clinton"]
    text = intro + ("“We are ready,” Mrs. Clinton said. “She is ready,” Mr. Clinton said. "
                    "“I am ready,” Mrs. Clinton added.")
    assert _speakers(text) == ["Hillary Clinton", "Bill Clinton", "Hillary Clinton"]


def test_an_honorific_with_one_bearer_is_that_person() -> None:
    text = "Donald J. Trump spoke in Ohio. “We will win,” Mr. Trump said."
    assert _speakers(text) == ["Donald J. Trump"]
    text = "Hillary Rodham Clinton campaigned in Iowa. “I am ready,” Mrs. Clinton said."
    assert _speakers(text) == ["Hillary Rodham Clinton"]


def test_a_person_who_said_nothing_is_not_who_he_means() -> None:
    for silent in ("Robert Mueller declined to comment on Monday.",
                   "Robert Mueller has not commented publicly.",
                   "Special counsel Robert Mueller did not respond to a request for comment."):
        text = (f"“This is a witch hunt,” Trump said of the investigation.\n\n{silent}\n\n"
                "“It is a disgrace,” he added.")
        assert _speakers(text) == ["Trump", "Trump"], silent


def test_a_person_who_spoke_is_who_he_means() -> None:
    text = ("“This is a witch hunt,” Trump said of the investigation.\n\n"
            "Robert Mueller spoke briefly on Monday.\n\n“We will finish the work,” he said.")
    assert _speakers(text) == ["Trump", "Robert Mueller"]


def test_suggested_reports_a_clause_without_that() -> None:
    text = "Senator Ann Lee suggested the bill was flawed."
    assert _records(text) == [("Ann Lee", "the bill was flawed")]
    text = "Representatives of the family suggested the financier may have been murdered."
    assert _records(text) == [("Representatives of the family", "the financier may have been murdered")]
    # what is suggested as a thing is no statement
    assert _records("Senator Ann Lee suggested a compromise on Tuesday.") == []


def test_a_party_member_is_the_person_named_just_before() -> None:
    intro = "Rep. Mark Smith introduced the bill in May.\n\n“We oppose it,” Sen. John Thune said.\n\n"
    text = intro + "That view is not shared by Smith. “It is time,” the Ohio Republican said."
    assert _speakers(text) == ["John Thune", "Mark Smith"]
    text = intro + ("That view is not shared by Smith. The Ohio Republican has pushed the bill for "
                    "years.\n\n“It is time,” he said.")
    assert _speakers(text) == ["John Thune", "Mark Smith"]
    # the subject of the sentence before comes first
    text = "Sen. Sherrod Brown attacked Donald Trump on Tuesday. “He is a fraud,” the Ohio Democrat said."
    assert _speakers(text) == ["Sherrod Brown"]


def test_a_party_member_with_nobody_named_is_the_description() -> None:
    assert _speakers("“It is time,” the Ohio Republican said.") == ["the Ohio Republican"]


def test_a_pronoun_inside_a_tellers_clause_is_the_teller() -> None:
    text = ("Judy Laterza said she was shocked. “It was awful,” she said.\n\nA former booker told me "
            "that her parents called the police after she told them he assaulted her. “I remember "
            "it,” she says.")
    assert _speakers(text) == ["Judy Laterza", "Judy Laterza", "A former booker", "A former booker",
                               "A former booker"]


def test_a_pronoun_of_the_other_gender_inside_a_clause_is_someone_else() -> None:
    text = ("Hillary Clinton spoke in Ohio. “We will win,” she said.\n\nDonald Trump told reporters "
            "that she lied when she said she would win.")
    assert _speakers(text) == ["Hillary Clinton", "Donald Trump", "Hillary Clinton"]


def test_a_source_cited_is_not_the_subject_a_later_pronoun_means() -> None:
    text = ("“I will stay,” Megyn Kelly said in May.\n\nIn 2012 Megyn Kelly went to the network’s PR "
            "chief and attempted an intervention, according to a person close to Kelly. She told "
            "him the rumors were hurting the network.")
    assert _speakers(text)[-1] == "Megyn Kelly"
    text = ("“We run a tight ship,” Roger Ailes said.\n\nHe kept a gun in his office, according to "
            "Vanity Fair. “Watch out for the enemy within,” he told the staff.")
    assert _speakers(text)[-1] == "Roger Ailes"


def test_a_long_story_resolves_surnames_to_its_full_names_to_the_end() -> None:
    # the look-ups for full names have a budget; a long story of many names stays inside it
    filler = "".join(f"Officer Dan Smith{k} arrived. “We came,” Smith{k} said.\n\n" for k in range(60))
    text = ("Media executive Rupert Murdoch and his sons, James and Lachlan, met.\n\n" + filler
            + "“We are here,” Murdoch said.\n\nWhen James Murdoch arrived, he smoked.\n\n"
            "“I am in charge,” Murdoch said.")
    assert _speakers(text)[-1] == "Rupert Murdoch"


def test_more_occupations_name_a_person() -> None:
    for who in ("A former booker", "A dancer", "An intern", "A waitress", "A bartender"):
        assert _speakers(f"{who} said the manager had lied.") == [who], who


def test_the_woman_is_the_unnamed_woman_quoted_last() -> None:
    text = ("A woman who auditioned in 1968 said he was rude. “He shouted,” she said.\n\nJane Roe did "
            "not respond to a request for comment.\n\nAn administrative assistant said Roe "
            "invited her to lunch. “I went,” she said. The woman, then 25, told him that her "
            "ambition was to act. “I was terrified,” she said.")
    assert _speakers(text) == ["A woman", "A woman", "An administrative assistant",
                               "An administrative assistant", "An administrative assistant",
                               "An administrative assistant"]
    # an unnamed person of no known gender quoted since is not "the woman"
    text = ("A woman who lives nearby said she heard shots. A police officer said, “Nobody was "
            "hurt.” The woman said the car had been speeding.")
    assert _speakers(text) == ["A woman", "A police officer", "A woman"]
    # with no unnamed person since, "the woman" is the one first called so
    text = ("A woman who auditioned in 1968 said he was rude.\n\nJohn Roe said he was kind.\n\n"
            "The woman said she left in 1969.")
    assert _speakers(text) == ["A woman", "John Roe", "A woman"]


def test_an_adjective_between_employer_and_post_stays_in_the_phrase() -> None:
    text = "A Fox News administrative assistant said the office was locked."
    assert _speakers(text) == ["A Fox News administrative assistant"]
    text = "A White House senior adviser said the talks had stalled."
    assert _speakers(text) == ["A White House senior adviser"]


def test_whom_it_was_said_to_is_no_part_of_the_quote() -> None:
    for frame in ("remarked to his deputy", "said to reporters", "told his deputy",
                  "remarked to his deputy Bill Shine", "told reporters:"):
        text = f"Roger Ailes {frame.rstrip(':')}{':' if frame.endswith(':') else ','} “Look at him.”"
        assert _records(text) == [("Roger Ailes", "Look at him.")], frame
    # a reported clause with a quoted word in it stays mixed
    text = "Roger Ailes said the plan was “reckless” and left."
    assert _records(text) == [("Roger Ailes", "the plan was “reckless” and left")]


def test_a_pronoun_subject_after_an_opening_phrase_is_the_subject() -> None:
    text = ("Roger Ailes ran the network. According to executives, he instructed Fox’s head of "
            "engineering, Warren Vandeveer, to install cameras. When Ailes spotted James Murdoch on "
            "the monitor, he remarked to his deputy, “Look at him.”")
    assert _records(text)[-1] == ("Roger Ailes", "Look at him.")


def test_a_name_of_no_known_first_name_takes_the_gender_of_its_pronouns() -> None:
    text = ("Roger Ailes ran Fox News. Megyn Kelly was not a household name when she started at Fox "
            "News in 2004. Kelly left her law firm to join, according to a person close to Kelly. "
            "“I will stay,” Ailes said. In 2013, Ailes promoted Kelly to a prime-time slot, where "
            "she declared that Santa is “white.” When asked by a fan, she responded, “Roger Ailes.”")
    assert _speakers(text)[-2:] == ["Megyn Kelly", "Megyn Kelly"]


def test_a_first_name_is_not_read_across_a_sentences_end() -> None:
    text = ("Megyn Kelly was not a household name when she started. Then came Donald Trump. Kelly’s "
            "questions were tough. “I asked,” Kelly said. “It was fair,” she said.")
    assert _speakers(text) == ["Megyn Kelly", "Megyn Kelly"]
    text = "George W. Bush spoke. “We will win,” Bush said. “It is over,” he said."
    assert _speakers(text) == ["George W. Bush", "George W. Bush"]


def test_words_someone_is_recalled_or_shown_saying_are_theirs() -> None:
    text = ("Roger Ailes invited her for a drink. “For a man in my position, it would have to be "
            "alone at a hotel,” she recalls him saying.")
    assert _records(text) == [("Roger Ailes", "For a man in my position, it would have to be alone "
                                              "at a hotel")]
    text = "Roger Ailes invited her. She recalls Ailes saying, “Do you know how to play the game?”"
    assert _speakers(text) == ["Roger Ailes"]
    assert _speakers("Video shows Donald Trump saying, “We will win.”") == ["Donald Trump"]


def test_saying_with_no_quotation_is_no_statement_of_the_one_recorded() -> None:
    text = "Carlson secretly recorded him saying the kinds of things he had been saying to her."
    assert _records(text) == []
    assert _speakers("Jane Roe left in May. “We were happy,” she recalls.") == ["Jane Roe"]


def test_the_subject_after_but_is_who_he_means() -> None:
    text = ("“Quantum keys are safe,” said Brian LaMacchia of Microsoft.\n\nVadim Makarov works in "
            "Moscow. Such flaws may suggest that the systems aren’t ready, but Makarov, during a "
            "panel discussion, drew the opposite conclusion. “It’s a bit of chicken-and-an-egg "
            "problem,” he said.")
    assert _speakers(text) == ["Brian LaMacchia", "Vadim Makarov"]
    # an object after "but" is no subject
    text = ("“Quantum keys are safe,” said Brian LaMacchia of Microsoft.\n\nThe flaws are real, but "
            "critics say the systems work. “It is a small risk,” he said.")
    assert _speakers(text)[-1] == "Brian LaMacchia"


def test_an_acronym_may_keep_a_minor_words_initial() -> None:
    text = ("The Department of Transportation wouldn't let us in. The DOT says it has donated the "
            "goods to a museum.")
    assert _speakers(text) == ["Department of Transportation"]
    text = "The Federal Trade Commission sued. The FTC said the deal was illegal."
    assert _speakers(text) == ["Federal Trade Commission"]


def test_according_to_between_a_clause_and_but_takes_the_clause_before() -> None:
    text = ("James had wanted Ailes to be fired for cause, according to a person close to the family, "
            "but after reviewing his contract, Rupert decided to keep him as an “adviser.”")
    assert _records(text) == [("a person close to the family",
                               "James had wanted Ailes to be fired for cause")]
    text = "The storm hit at noon, but, according to Hansen, the tradeoff has been warming."
    assert _records(text) == [("Hansen", "the tradeoff has been warming")]
    text = "The talks, according to officials, will resume Monday."
    assert _records(text) == [("officials", "The talks, according to officials, will resume Monday")]


def test_an_indefinite_description_is_not_the_person_named_with_that_post() -> None:
    text = ("Former Fox producer Andrea Mackris sued in 2004.\n\nAccording to a former Fox producer, "
            "Laterza entered fake names into the datebook.")
    assert _speakers(text)[-1] == "a former Fox producer"
    text = ("“We will respond,” Austria's interior minister said.\n\nInterior Minister Wolfgang "
            "Peschorn later resigned.")
    assert _speakers(text) == ["Wolfgang Peschorn"]


def test_an_adjective_before_a_party_member_keeps_the_unnamed_phrase() -> None:
    text = "One prominent Republican told me that Ailes had crossed a line."
    assert _speakers(text) == ["One prominent Republican"]
    assert _speakers("“It is dead,” a prominent Democrat said.") == ["a prominent Democrat"]


def test_a_quotation_and_its_frame_reported_by_a_source_are_the_sources_too() -> None:
    text = "“This has gone on long enough,” Murdoch said, according to a person briefed on the call."
    assert _records(text) == [
        ("a person briefed on the call", "“This has gone on long enough,” Murdoch said"),
        ("Murdoch", "This has gone on long enough")]
    # an outlet the quotation came through is its outlet, no speaker
    text = "“We expect a meeting,” Pentagon press secretary Pat Ryder said, according to CBS."
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.outlet) == ("Pat Ryder", "CBS")


def test_a_based_modifier_before_a_trade_and_name_after_a_quote() -> None:
    text = ("\"I thought a lot before writing this post,\" Pakistan-based developer Ammar Askar wrote "
            "in a blog post.")
    assert _records(text) == [("Ammar Askar", "I thought a lot before writing this post")]


def test_a_capitalised_particle_opening_a_sentence_is_the_name_given_in_full() -> None:
    text = ("Luis de Miranda wrote a book about neon. De Miranda says that neon was a poor choice for "
            "interiors.")
    assert _speakers(text) == ["Luis de Miranda"]


def test_a_group_in_two_places_is_no_pair_of_people() -> None:
    text = "Prosecutors in San Francisco and Los Angeles say Uber has been lying to its customers."
    assert _speakers(text) == ["Prosecutors in San Francisco and Los Angeles"]
    text = "Senators Chris Coons and Thom Tillis said the bill would pass."
    assert _speakers(text) == ["Chris Coons and Thom Tillis"]


def test_a_source_with_a_relative_clause_after_according_to() -> None:
    text = "The sheets are dirty, according to the hotel bosses that responded to a thread."
    assert _records(text) == [("the hotel bosses", "The sheets are dirty")]
    text = "According to a lawyer who represents the family, the police lied."
    assert _records(text) == [("a lawyer", "the police lied")]


def test_promised_and_the_adverbs_between_subject_and_cue() -> None:
    text = "Uber has now promised the state of New York that it will cap its surge prices."
    assert _records(text) == [("Uber", "it will cap its surge prices")]
    text = "The company now promises it will do a better job at screening drivers."
    assert _records(text) == [("company", "it will do a better job at screening drivers")]
    assert _records("Trump has long said the election was rigged.") == [("Trump", "the election was rigged")]
    assert _records("He promised voters a tax cut.") == []
    text = "Our sources say Lupita told cops it was taken from her room."
    assert _records(text)[-1] == ("Lupita", "it was taken from her room")


def test_a_long_title_after_a_noun_for_a_work_is_no_quote() -> None:
    text = ("In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in "
            "Disaster,” Rebecca Solnit wrote of the purpose people find.")
    assert _records(text) == []
    text = "In his book, he wrote: “We are all in this together.”"
    assert [t for _, t in _records(text)] == ["We are all in this together."]


def test_plain_reported_speech_of_long_phrases() -> None:
    text = ("Senior Executives Association President Bill Valdez said the questionnaire only "
            "increases the nervousness and apprehension that comes with any change.")
    assert _speakers(text) == ["Bill Valdez"]
    text = ("Keith Gambill told a few thousand teachers who covered the Statehouse lawn that the "
            "Legislature should direct money toward schools.")
    assert _records(text) == [("Keith Gambill", "the Legislature should direct money toward schools")]
    text = "Director Bong Joon Ho said backstage that no-one could predict what might happen."
    assert _records(text) == [("Bong Joon Ho", "no-one could predict what might happen")]


def test_a_group_of_a_bare_noun_speaks() -> None:
    assert _speakers("Backers of tariffs say that they help American companies.") == ["Backers of tariffs"]
    assert _speakers("Experts on jail suicide said that an inmate can be removed.") == [
        "Experts on jail suicide"]
    text = 'The plan appeals to voters in key states like Ohio and its "tough on China" tone.'
    assert _records(text) == []


def test_organisations_of_one_kind_speak_together() -> None:
    text = "While payloads bring cargo, the companies said they wanted to expand their services."
    assert _records(text) == [("the companies", "they wanted to expand their services")]
    assert _speakers("Both countries say the talks will resume.") == ["Both countries"]
    assert _speakers("Tech companies said the rules were unfair.") == ["Tech companies"]
    text = "Executives across the world say they have no choice but to postpone some hiring."
    assert _speakers(text) == ["Executives across the world"]


def test_part_of_a_group_speaks() -> None:
    text = "Many say the plan is dead, while others say it can be saved."
    assert _records(text) == [("many", "the plan is dead"), ("others", "it can be saved")]


def test_by_what_means_a_statement_went() -> None:
    text = "Mugabe told President Jacob Zuma by telephone on Wednesday that he was confined to his home."
    assert _records(text) == [("Mugabe", "he was confined to his home")]
    assert _records("It was said by officials that the deal was off.") == []


def test_titles_after_a_maker_or_a_possessive_are_no_quotes() -> None:
    text = ('Ozzy Inguanzo, a screenwriter and author of "Zombies on Film: The Definitive Story of '
            'Undead Cinema," spoke at the festival.')
    assert _records(text) == []
    assert _records("She talked about the experience on NPR’s “Wait, Wait … Don’t Tell Me!” last year.") == []
    # words someone said after a possessive stay a quotation
    text = "Trump’s “very fine people” remark drew criticism, Biden said."
    assert _records(text) == [("Biden", "Trump’s “very fine people” remark drew criticism")]
