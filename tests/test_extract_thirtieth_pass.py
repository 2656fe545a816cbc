"""Who speaks in the constructions of the thirtieth pass: a short surname inside a longer one, a
source cited by "according to" whom "he" then means, the
participles "stating", "reporting", "explaining" …, seats of government, and a story's opening
description of a judge the text names soon after, two people each given the same participle, a
pair named by kin."""

from __future__ import annotations

from monitor.extract import extract_quotes
from monitor.extract.speakers import classify, tokens


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the record whose words hold ``words``."""
    found = [q.speaker for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


# -- a short surname is not found inside a longer one --------------------------------------------


JUDGE = ("Judge Dale E. Ho's written order means he won't decide before mid-March.\n\n"
         "Adams confirmed at the hearing that he accepted that charges could later be reinstated.\n\n"
         "Ho said he wanted all parties to address the legal standard.\n\n"
         "He also said he wants to know under what circumstances dismissal can occur.\n\n")


def test_a_short_surname_takes_no_gender_from_a_longer_name_it_begins() -> None:
    # "Ho" is the first letters of "Hochul": Kathy Hochul's "she" is not the judge's
    text = JUDGE + ("This week Gov. Kathy Hochul announced that she had decided against removing Adams. "
                    "Hochul said she would propose legislation.")
    assert _speaker_of(text, "he wants to know") == "Dale E. Ho"


def test_the_short_surname_alone_still_resolves_as_before() -> None:
    assert _speaker_of(JUDGE, "he wants to know") == "Dale E. Ho"


def test_a_womans_surname_still_gives_her_gender() -> None:
    # the guard is only against a name found inside a longer word: a whole surname still counts
    text = ("“We will hold the line,” Mayor Karen Bass said.\n\n"
            "“The city is ready,” Governor Tom Ford said.\n\n"
            "Bass added that she had called the governor.")
    assert _speaker_of(text, "she had called") == "Karen Bass"


# -- a source cited by name is whom a later "he" means when no one else may be ---------------------


def test_he_after_a_named_source_cited_by_according_to_is_that_source() -> None:
    text = ("According to ecologist Chip Taylor of the University of Kansas, last year's cool "
            "temperatures kept the insects in the right place. He also said this is not likely "
            "to happen again next year.")
    assert _speaker_of(text, "not likely to happen") == "Chip Taylor"


def test_a_person_quoted_since_the_cited_source_is_still_whom_he_means() -> None:
    text = ("According to ecologist Chip Taylor, the count rose.\n\n"
            "“It was a good year,” said Tom Baker, a farmer.\n\n"
            "He also said the weather would turn.")
    assert _speaker_of(text, "the weather would turn") == "Tom Baker"


def test_a_source_cited_long_before_is_not_reached() -> None:
    filler = "The count went on across the region for many weeks without a break. " * 8
    text = (f"According to ecologist Chip Taylor, the count rose. {filler}\n\n"
            "He also said the weather would turn.")
    assert _speaker_of(text, "the weather would turn") != "Chip Taylor"


# -- a "she" of a paragraph opening on a quotation is not the man quoted before -------------------


def test_she_after_a_man_quoted_in_the_paragraph_before_is_not_that_man() -> None:
    text = ("“Our daughter was a fighter,” said Robert Hall, her father.\n\n"
            "“She loved life,” he said.\n\n"
            "“She wanted to be a doctor,” she said.")
    assert _speaker_of(text, "wanted to be a doctor") != "Robert Hall"


# -- participles that report speech: "stating", "reporting that", "explaining that" … ------------


def test_reporting_that_after_a_bodys_action_reports_its_words() -> None:
    text = ("The Cybersecurity and Infrastructure Security Agency (CISA) issued guidance on Wednesday, "
            "reporting that it \"has identified cyber espionage activity by government-affiliated "
            "threat actors.\"\n\n"
            "It continued, \"This activity enabled the theft of customer call records.\"")
    speakers = _speakers(text)
    assert [s for s, _ in speakers] == ["Cybersecurity and Infrastructure Security Agency"] * 2
    assert speakers[0][1].startswith("it \"has identified")


def test_explaining_that_reports_a_clause() -> None:
    text = ("Andrew Loh asks the government to leave the community alone, explaining that there is "
            "a lack of trust between the bloggers and the government.")
    assert _speaker_of(text, "lack of trust") == "Andrew Loh"


def test_stating_with_a_colon_and_a_quotation_reports_the_quotation() -> None:
    text = ("Khan also alleged that Munir was behind the crackdown on his party, stating: "
            "\"It is personal. It's got nothing to do with national interest\".")
    assert _speaker_of(text, "It is personal") == "Khan"


def test_a_document_stating_that_is_no_speech_of_the_sentences_subject() -> None:
    text = "Smith received a letter stating that his contract would not be renewed."
    assert [s for s, _ in _speakers(text)] != ["Smith"]


def test_noting_before_scare_quotes_is_no_record_of_the_subject() -> None:
    text = "The senator, noting “the importance of the alliance”, voted for the bill on Tuesday."
    assert _speakers(text) == []


def test_reporting_and_announcing_without_that_report_nothing() -> None:
    text = ("The agency issued a statement on Monday, reporting on the attack in detail. "
            "The ministry held a briefing, announcing a new plan for the border.")
    assert _speakers(text) == []


# -- a seat of government is a body, not a person ---------------------------------------------------


def test_white_house_and_downing_street_are_bodies() -> None:
    for phrase in ("White House", "Downing Street", "Capitol Hill", "Blue House"):
        text = f"{phrase} officials said so."
        mention = classify(text, tokens(text, 0, len(phrase)))
        assert mention is not None and mention.kind == "organisation", phrase


def test_a_description_after_the_white_house_is_not_its_appositive() -> None:
    text = ("WASHINGTON — Podcasters will be permitted to apply for credentials to cover the White "
            "House, the new press secretary announced Tuesday.")
    assert _speaker_of(text, "Podcasters") != "White House"


# -- a story's opening "a … judge" is the judge named soon after ------------------------------------


def test_a_federal_judge_in_the_lede_is_the_judge_named_next() -> None:
    text = ("WASHINGTON — Rudy Giuliani was found in contempt of court Friday, as a federal judge "
            "warned Giuliani he could be sent to jail if he doesn't stop spreading lies.\n\n"
            "U.S. District Judge Beryl Howell in Washington found that he violated court orders.")
    assert _speaker_of(text, "sent to jail") == "Beryl Howell"


def test_a_military_judge_is_the_one_set_beside_the_judge_later() -> None:
    text = ("WASHINGTON — A military judge has ruled that plea agreements struck by the defendants "
            "are valid, a government official said.\n\n"
            "The official spoke on condition of anonymity because the order by the judge, Air Force "
            "Colonel Matthew McCall, has not yet been posted.")
    assert [s for s, words in _speakers(text) if words.startswith("plea agreements")] == ["Matthew McCall"]


def test_a_judge_named_in_another_role_after_the_lede_is_not_taken() -> None:
    text = ("A federal judge said on Friday that the law was unconstitutional.\n\n"
            "The case now goes to the appeals court, where Judge Tom Ward will hear it.")
    assert _speaker_of(text, "unconstitutional") != "Tom Ward"
    text = ("A federal judge said on Friday that the law was unconstitutional, overturning an earlier "
            "decision.\n\nLast year, U.S. District Judge Carl Nichols dismissed a similar suit.")
    assert _speaker_of(text, "unconstitutional") != "Carl Nichols"


def test_a_judge_of_the_other_gender_than_the_lede_says_is_not_taken() -> None:
    text = ("A federal judge said Friday he would not block the law.\n\n"
            "U.S. District Judge Ann Lee wrote that the plaintiffs had not shown harm.")
    assert _speaker_of(text, "would not block") != "Ann Lee"


def test_only_a_judge_is_taken_forward_from_a_lede() -> None:
    text = ("A state senator said the bill would raise taxes.\n\n"
            "State Sen. Mary Jones, the bill's sponsor, disagreed.")
    assert _speaker_of(text, "raise taxes") != "Mary Jones"


def test_a_judge_named_with_the_title_before_the_description_is_not_taken_forward() -> None:
    text = ("Judge Ann Lee heard the case in May.\n\n"
            "A federal judge said on Friday that the law was valid.\n\n"
            "Judge Tom Ward said the appeal would follow.")
    assert _speaker_of(text, "the law was valid") != "Tom Ward"


def test_a_title_named_far_later_in_the_story_is_not_taken() -> None:
    paragraphs = "\n\n".join(["The case has drawn wide attention across the state."] * 4)
    text = (f"A federal judge said on Friday that the law was valid.\n\n{paragraphs}\n\n"
            "Judge Tom Ward heard a different case.")
    assert _speaker_of(text, "the law was valid") != "Tom Ward"


# -- the second of two people with the same participle; a pair named by kin ------------------------


def test_the_second_person_of_with_x_calling_and_y_calling_speaks_the_second_words() -> None:
    text = ("Republican Representatives attacked the impeachment inquiry, with Steve Scalise of "
            "Louisiana calling the investigation into Trump \"Soviet-style\" and Ross Spano of Florida "
            "calling the process \"a blatant and obvious coup\".")
    assert _speakers(text) == [("Steve Scalise", 'the investigation into Trump "Soviet-style"'),
                               ("Ross Spano", 'the process "a blatant and obvious coup"')]


def test_a_body_doing_something_else_after_and_takes_no_words() -> None:
    text = "The plan drew criticism, with Democrats calling it \"reckless\" and the White House defending it."
    assert [s for s, _ in _speakers(text)] == ["Democrats"]


def test_they_after_a_pair_named_by_kin_is_the_pair() -> None:
    text = ("\"This is not over,\" said Judge Lewis Liman.\n\n"
            "The property is expected to fetch several million dollars for Ruby Freeman and her "
            "daughter, Wandrea \"Shaye\" Moss. They won the $148 million judgment over the false "
            "claims against them. They said the claims led to death threats.")
    assert _speaker_of(text, "death threats") == "Ruby Freeman and Wandrea Moss"


def test_they_after_a_pair_charged_by_a_group_is_the_group() -> None:
    text = ("\"We will appeal,\" said Tom Hale, a defence lawyer.\n\n"
            "Prosecutors charged Ahmed Khan and his father, Omar Khan, with fraud. They said the men "
            "had stolen $2 million.")
    assert _speaker_of(text, "stolen $2 million") != "Ahmed Khan and Omar Khan"


def test_they_reaches_no_pair_across_sentences_on_something_else() -> None:
    text = ("\"This is not over,\" said Judge Lewis Liman.\n\n"
            "The property is expected to fetch millions for Ruby Freeman and Wandrea Moss. The city "
            "held a hearing on Monday. The judge ruled on Tuesday. They said the claims were false.")
    assert _speaker_of(text, "the claims were false") != "Ruby Freeman and Wandrea Moss"


def test_a_judge_named_for_another_occasion_is_not_the_ledes() -> None:
    text = ("A federal judge said Friday that the administration must restore the funding.\n\n"
            "The administration has appealed several similar rulings. U.S. District Judge John "
            "McConnell last month found the freeze unlawful.")
    assert _speaker_of(text, "restore the funding") != "John McConnell"


def test_they_after_a_pair_named_by_kin_with_no_one_quoted_before() -> None:
    text = ("The property is expected to fetch several million dollars for Ruby Freeman and her "
            "daughter, Wandrea \"Shaye\" Moss. They won the judgment over the false claims against "
            "them. They said the claims led to death threats.")
    assert _speaker_of(text, "death threats") == "Ruby Freeman and Wandrea Moss"
