"""Near misses of the fourteenth pass's rules: invented sentences that look like what a rule
reads but mean something else. Each was read right before that pass and wrong after it."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_titled_surname_takes_no_product_for_a_full_name() -> None:
    for text, who in (("“The car was stolen,” Officer Ford said. It was a Ford Explorer.", "Ford"),
                      ("Coach Harley said the team was ready. Fans rode a Harley Davidson.", "Harley"),
                      ("Mr. Lincoln said the car was his. It was a Lincoln Navigator.", "Lincoln")):
        assert _speakers(text) == [who], text
    # an untitled lone word still takes the one full name the text gives it
    text = "Lupita Nyong’o starred in the film. “It was hard,” Lupita said."
    assert _speakers(text) == ["Lupita Nyong’o"]


def test_a_model_who_speaks_is_a_person() -> None:
    assert _speakers("“I was 16,” the model said.") == ["the model"]
    assert _records("A model said she had been harassed by the photographer.") == [
        ("A model", "she had been harassed by the photographer")]
    assert _records("The model predicted landfall on Friday.") == []


def test_members_of_a_body_are_one_audience() -> None:
    text = "The chairman told the board members that the company was sold."
    assert _records(text) == [("the chairman", "the company was sold")]
    text = "The mayor told committee members that the budget was balanced."
    assert _records(text) == [("the mayor", "the budget was balanced")]
    # after a plural audience the word opens the clause
    assert _records("She told reporters members had quit.")[0][1] == "members had quit"
    assert _records("He told a press conference that he would win.")[0][1] == "he would win"


def test_a_word_that_opens_sentences_can_open_a_name() -> None:
    for name in ("Beyond Meat", "Days Inn", "Inside Edition", "Imagine Dragons"):
        assert _speakers(f"{name} said the tour was cancelled.") == [name], name
    assert _speakers("Outside magazine said the trail was closed.") == ["Outside"]
    # before a comma or a lower-case word it is still no name
    for opening in ("Hours later", "Within hours"):
        text = f"{opening}, the company released a statement saying, “We take these matters seriously.”"
        assert _speakers(text) == ["company"], opening


def test_the_vatican_is_no_person_of_a_people() -> None:
    text = "Pope Francis was admitted to hospital. “He is resting,” the Vatican said."
    assert _speakers(text) == ["Vatican"]
    text = "Justin Trudeau met Joe Biden. “We are friends,” the Canadian said."
    assert _speakers(text) == ["Justin Trudeau"]


def test_a_circle_word_capitalised_opens_a_company_name() -> None:
    for name in ("Mentor Graphics", "Companion Life", "Ally Financial"):
        assert _speakers(f"{name} said profits rose in the quarter.") == [name], name
    assert _speakers("Trump ally Roger Stone said the vote was rigged.") == ["Roger Stone"]


def test_a_heading_word_is_a_transcript_label_before_words_in_the_first_person() -> None:
    text = "PARK: We will not let this stand.\n\nWINTER: We ran to the door and it was locked."
    assert _speakers(text) == ["Park", "Winter"]
    text = ("LAKE ELSINORE: Water board picks president for the coming year.\n\n"
            "PARK: The city council voted to close the park in June.")
    assert _records(text) == []


def test_a_gendered_source_gives_way_to_a_named_subject_of_that_gender() -> None:
    text = "Tom Hale quit in May, according to his father. “I needed a break,” he said."
    assert _speakers(text) == ["his father", "Tom Hale"]
    text = "Jane Roe left the firm in May, according to her sister. “I was tired,” she said."
    assert _speakers(text) == ["her sister", "Jane Roe"]
    # with no named subject the source is who the pronoun means
    text = "The boy was found alive, according to his mother. “He was cold but alive,” she said."
    assert _speakers(text) == ["his mother", "his mother"]


def test_not_speaking_to_reporters_silences_a_person() -> None:
    for silent in ("did not speak to reporters", "refused to answer questions"):
        text = f"“We are done,” Sen. Tom Hale said. Robert Mueller {silent}. “This is over,” he added."
        assert _speakers(text) == ["Tom Hale", "Tom Hale"], silent


def test_a_goal_scored_by_someone_else_leaves_a_new_coach_introduced() -> None:
    text = ("“We’re heartbroken,” Sgt. Lee said. The team scored late, and coach Tom Baker, a former "
            "player, was thrilled. “It was huge,” he said.")
    assert _speakers(text) == ["Lee", "Tom Baker"]


def test_a_lead_in_about_its_audience_keeps_its_speaker() -> None:
    text = "The senator had a warning for those who read the bill: “It will cost you.”"
    assert _speakers(text) == ["the senator"]
    text = "Donald Trump had a message from the heart for his critics: “You will lose.”"
    assert _speakers(text) == ["Donald Trump"]
    assert _records("Donald Trump received a message from Kim Jong Un: “You will lose.”") == []


def test_continuing_to_an_audience_is_speech() -> None:
    assert _records("“That is enough,” she continued to reporters.") == [(None, "That is enough")]
    assert _records("“We will win,” he continued to loud applause.") == [(None, "We will win")]
    assert _records("The bank continued to describe that pace as “gradual”.") == []


def test_an_official_inside_a_body_is_an_unnamed_source() -> None:
    assert _speakers("An official inside the Pentagon said the test had failed.") == [
        "An official inside the Pentagon"]


def test_a_pronoun_after_and_is_the_subject_not_a_person_named_since() -> None:
    text = "A witness described how Tom Hale fell, and he said the floor was wet."
    assert _speakers(text) == ["A witness"]
    # in a relative clause about a person's words, the person named is who "he" means
    text = ("A former producer described an interview with Roger Ailes in 1975, in which he said: "
            "“I am the boss.”")
    assert _speakers(text) == ["Roger Ailes"]


def test_a_hotel_of_a_city_is_no_first_name() -> None:
    text = "The rooms at the Paris Hilton were booked. Hilton said the rooms would be refunded."
    assert _speakers(text) == ["Hilton"]
    assert _speakers("Paris Hilton was there. “It was fun,” Hilton said.") == ["Paris Hilton"]


def test_a_participle_phrase_alone_is_no_statement() -> None:
    assert _records("Asked if the deal is dead, the minister said.") == []
    assert _records("Responding to the report, which was published Monday, the mayor said.") == []
    assert _records("Targeting audiences is key, Graham said.") == [("Graham", "Targeting audiences is key")]
    text = "Excluding Texas, the nation would be 350,000 below the peak, according to the data."
    assert _records(text)[0][1] == "Excluding Texas, the nation would be 350,000 below the peak"

