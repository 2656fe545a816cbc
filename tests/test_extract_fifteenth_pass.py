"""The fifteenth pass: the patterns of batch V's misses (Wikinews and wire reports), each in
sentences written for these tests."""

from __future__ import annotations

from monitor.extract import extract_quotes


def _records(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_source_with_a_relative_clause_of_its_own_states_both() -> None:
    text = ("The fire began at 2:15 p.m. local time, according to firefighters, who said crews "
            "arrived ten minutes later.")
    assert _records(text) == [("firefighters", "The fire began at 2:15 p.m. local time"),
                              ("firefighters", "crews arrived ten minutes later")]


def test_a_dash_after_a_trailing_frame_belongs_to_the_statement() -> None:
    text = ("Prosecutors charged the driver with manslaughter, the office said Monday — a charge "
            "carrying up to ten years.")
    assert _records(text)[0][1] == "Prosecutors charged the driver with manslaughter"


def test_an_appositive_after_according_to_a_person_closes_the_frame() -> None:
    text = ("The agency is investigating the crash as a criminal case, according to prosecutor Ann "
            "Lowe, the district attorney for the county.")
    assert _records(text) == [("Ann Lowe", "The agency is investigating the crash as a criminal case")]


def test_according_to_a_post_then_its_holder_by_name() -> None:
    text = ("According to the county sheriff, Dan Ruiz, during the weekend, deputies were searching "
            "the lake for a second boat.")
    assert _records(text) == [("Dan Ruiz", "deputies were searching the lake for a second boat")]


def test_a_report_from_a_peoples_government_is_the_governments() -> None:
    text = "A report from the Mexican government said eight people died in the attack."
    assert _speakers(text) == ["Mexican government"]
    text = "The jets are on their way, according to a report in the Daily Express newspaper."
    assert _speakers(text) == ["Daily Express"]


def test_a_clause_is_no_speakers_noun_phrase() -> None:
    text = "Police were investigating whether a manifesto posted online was written by the suspect."
    assert _records(text) == []


def test_characterized_names_like_described() -> None:
    text = "Lowe characterized the attack as “designed to intimidate the town.”"
    records = _records(text)
    assert records and records[0][0] == "Lowe" and "designed to intimidate" in records[0][1]


def test_a_catenative_verb_opens_a_reported_clause() -> None:
    text = "Farmer Jo Tate said her family farm stands to lose $150,000 this year."
    assert _records(text) == [("Jo Tate", "her family farm stands to lose $150,000 this year")]
    assert _records("Builders have complained they cannot find workers.") == [
        ("Builders", "they cannot find workers")]


def test_an_audiences_relative_clause_is_not_what_was_told() -> None:
    text = ("“It is time to ask hard questions,” Gates told an audience that included retired "
            "Marines. “The old ways may not work.”")
    records = _records(text)
    assert len(records) == 1 and records[0][0] == "Gates" and records[0][1].endswith("may not work.")
    text = "He told a crowd that had gathered outside that the plan was dead."
    assert _records(text) == [(None, "the plan was dead")]


def test_an_opening_participle_before_a_quoted_subject() -> None:
    text = ("WASHINGTON (Aug. 13) -- Declaring “the soul of the Corps” is at stake, Defense "
            "Secretary Robert Gates has ordered a review of a service that works like a “second "
            "land army.”")
    assert _records(text) == [("Robert Gates", "“the soul of the Corps” is at stake")]
    assert _records("Declaring victory, the mayor left.") == []


def test_a_minister_is_the_secretary_of_the_same_portfolio() -> None:
    text = ("Mexico's Foreign Secretary Rosa Ibarra said the government would act.\n\n"
            "The foreign minister said Mexico would seek extradition.")
    assert _speakers(text) == ["Rosa Ibarra", "Rosa Ibarra"]
    # a title of another portfolio is someone else
    text = "Health Secretary Ann Lee spoke. The foreign minister said the talks failed."
    assert _speakers(text) == ["the foreign minister"]


def test_an_accented_first_name_is_a_first_name() -> None:
    text = "Mexican President Andrés Manuel López Obrador said six people were killed."
    assert _speakers(text) == ["Andrés Manuel López Obrador"]


def test_a_particle_stays_inside_a_name_opening_a_sentence() -> None:
    text = "Crown Prince Faisal bin Nayef spoke to PBS. “It happened under my watch,” he said."
    assert _speakers(text) == ["Faisal bin Nayef"]
    assert _speakers("Colonel Arnel dela Cruz said the group was suspected.") == ["Arnel dela Cruz"]
    # a capitalised surname that is also a particle elsewhere stays a surname
    text = "“It is history,” ISD spokesman Tahir Della said. “This shows it,” said Della."
    assert _speakers(text) == ["Tahir Della", "Tahir Della"]


def test_an_audience_with_one_modifier_closes_a_trailing_frame() -> None:
    text = "A total of 39 are confirmed dead, officials told state media, adding that work had ended."
    assert _records(text)[0] == ("officials", "A total of 39 are confirmed dead")
    assert _records("She told reporters members had quit.")[0][1] == "members had quit"


def test_cautioned_reports_a_clause_but_not_what_it_warns_against() -> None:
    assert _records("Ana Ruiz cautioned justice does not come swiftly.") == [
        ("Ana Ruiz", "justice does not come swiftly")]
    assert _records("Ruiz cautioned against too much tinkering with a body established by law.") == []


def test_reported_without_that_only_before_a_subject_pronoun() -> None:
    assert _records("TVN24 reported he received surgery.") == [("TVN24", "he received surgery")]
    assert _records("She reported the crash and two injuries.") == []


def test_as_someone_put_it_is_a_cue() -> None:
    text = "As one user put it, “I did not pay for a phone to get advertised at.”"
    assert _speakers(text) == ["one user"]
    assert _records("“We lost,” as Smith put it.") == [("Smith", "We lost")]
    assert _records("She put it in the fridge.") == []
    # one word of someone's inside the writer's own sentence is no statement of theirs
    text = "They get help from a mixture of “squatters,” as Espinosa put it, and medical students."
    assert _speakers(text) != ["Espinosa"]
