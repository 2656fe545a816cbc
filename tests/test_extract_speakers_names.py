"""Speaker names that mean the person: labels, titles, contractions, surnames and organisations."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("State Sen. Michael Doherty (R-Warren) said the bill was a mistake.", "Michael Doherty"),
    ("Councillor Ana Reyes (Lab) said the budget would pass.", "Ana Reyes"),
    ("“The vote was close,” said Rep. Tom Vance (D-Ohio), who voted no.", "Tom Vance"),
])
def test_party_label_in_parentheses_is_not_part_of_the_name(text: str, name: str) -> None:
    assert _speakers(text) == [(name, "person")]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Tánaiste Leo Varadkar said the pubs would close.", "Leo Varadkar", "Tánaiste"),
    ("Councillor Ana Reyes said the budget would pass.", "Ana Reyes", "Councillor"),
    ("9/11 widow Jane Doe said the fund had failed families.", "Jane Doe", "widow"),
])
def test_title_before_the_name_is_the_role(text: str, name: str, role: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.role) == (name, role)


def test_delegate_abbreviation_is_a_title() -> None:
    [q] = extract_quotes("Del. Stacey Plaskett said the hearing was a sham.")
    assert q.speaker == "Stacey Plaskett"


def test_contraction_opening_a_quote_is_never_a_speaker() -> None:
    text = "Mark Cole spoke to the crowd. “You're all welcome,” he said, adding that the doors were open."
    assert {q.speaker for q in extract_quotes(text)} == {"Mark Cole"}


def test_relative_pronoun_stands_for_the_phrase_before_it() -> None:
    [q] = extract_quotes("The mayor met the man who said the plan was bad.")
    assert q.speaker == "the man"


def test_title_word_without_article_is_a_surname_and_takes_the_full_name() -> None:
    text = "Paul Expert, a lawyer for the family, filed the suit. Expert said the case was strong."
    assert _speakers(text) == [("Paul Expert", "person")]


def test_initials_count_in_the_fullest_name() -> None:
    text = "Director J.C. Chandor made the film. “It was hard,” Chandor said."
    assert _speakers(text) == [("J.C. Chandor", "person")]


def test_company_name_ending_is_an_organisation_not_a_surname() -> None:
    assert _speakers("The firm hired 20 people, according to Moody’s Analytics.") == [
        ("Moody’s Analytics", "organisation")]


@pytest.mark.parametrize("text", [
    "Google said the outage was over.",
    "Valve said the Steam Deck would ship in May.",
    "Ray-Ban Meta said the glasses would get an update.",
    "The Mater hospital said it had no beds.",
    "Kehoe's bar said it would stay open.",
])
def test_companies_products_and_places_speak_as_organisations(text: str) -> None:
    assert [kind for _, kind in _speakers(text)] == ["organisation"]


def test_the_company_is_the_organisation_named_before() -> None:
    text = ("Meta announced new glasses on Monday. According to the company, the glasses are "
            "lighter than the old ones.")
    assert _speakers(text) == [("Meta", "organisation")]


def test_the_company_is_the_company_quoted_before() -> None:
    text = ("Acme Corp said sales rose in May. The company said it would hire more staff.")
    assert [s for s, _ in _speakers(text)] == ["Acme Corp", "Acme Corp"]


def test_the_same_official_is_the_official_quoted_before() -> None:
    text = "A Western official said the deal was close. “It is done,” the same official said."
    names = {q.speaker for q in extract_quotes(text)}
    assert names == {"A Western official"}


def test_other_critics_are_the_critics() -> None:
    [q] = extract_quotes("Other critics contended that the bill was broad.")
    assert q.speaker == "critics"


def test_first_name_tells_she_from_he() -> None:
    text = ("Tom Hardy said the shoot was long. Jessica Lane said the script was good. "
            "“It was a joy,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Hardy", "Jessica Lane", "Tom Hardy"]


@pytest.mark.parametrize(("text", "name"), [
    ("The rise was driven by hiring, according to a Moody’s Analytics report in April.",
     "Moody’s Analytics"),
    ("Jobs are scarce, according to Labor Department data compiled by Bloomberg.", "Labor Department"),
    ("Jobs are scarce, according to data compiled by Bloomberg.", "Bloomberg"),
    ("The jets are on their way, according to a report in the Daily Express newspaper.", "Daily Express"),
])
def test_a_document_stands_for_its_author(text: str, name: str) -> None:
    assert _speakers(text) == [(name, "organisation")]


def test_a_document_without_author_is_its_own_source() -> None:
    [q] = extract_quotes("The car was stolen, according to a state police database.")
    assert q.speaker == "a state police database"


def test_an_organisation_takes_its_fullest_name() -> None:
    text = ("Gary Burtless, a fellow at the Brookings Institution, studies migration. Young adults "
            "move less, according to a Brookings analysis. Growth was slow, according to Moody’s "
            "Analytics. Few jobs came back, according to the Moody’s report.")
    assert [q.speaker for q in extract_quotes(text)] == [
        "Brookings Institution", "Moody’s Analytics", "Moody’s Analytics"]


def test_surname_takes_gender_and_full_name_from_the_text() -> None:
    text = ("The film stars Oscar Isaac and Jessica Chastain, in J.C. Chandor’s new drama. "
            "Chastain said the shoot was long. Isaac said the script was good. "
            "“It was a joy,” he said.")
    assert [q.speaker for q in extract_quotes(text)] == [
        "Jessica Chastain", "Oscar Isaac", "Oscar Isaac"]
    text = "Director J.C. Chandor’s film opens on Friday. “It was hard,” Chandor said."
    assert [q.speaker for q in extract_quotes(text)] == ["J.C. Chandor"]


def test_plural_possessive_is_not_part_of_an_organisations_name() -> None:
    text = "Michigan will grow, according to Moody’s Analytics’ forecast."
    assert _speakers(text) == [("Moody’s Analytics", "organisation")]


@pytest.mark.parametrize("title", ["Minister says talks will continue",
                                   "Spokesman says border will stay shut"])
def test_headline_title_word_without_article_is_no_surname(title: str) -> None:
    kinds = [q.speaker_kind for q in extract_quotes(title, headline=True)]
    assert kinds in ([], ["anonymous"])


def test_title_word_surname_after_a_middle_initial() -> None:
    text = "Paul M. Expert, a lawyer for the family, filed the suit. Expert said the case was strong."
    assert _speakers(text) == [("Paul M. Expert", "person")]


def test_title_word_surname_after_an_honorific_elsewhere() -> None:
    text = "Ms. Bishop runs the school. Bishop said the roof leaked."
    assert _speakers(text) == [("Bishop", "person")]


def test_a_counted_source_keeps_its_count() -> None:
    text = "More than one person asked “are you taking pictures of me?” and I did not love it."
    assert _speakers(text) == [("More than one person", "anonymous")]


def test_the_company_is_a_multiword_name_before_it() -> None:
    text = "Shares in Acme Corp fell. “We will recover,” the company said."
    assert _speakers(text) == [("Acme Corp", "organisation")]


def test_its_document_stands_for_the_organisation_named_before() -> None:
    text = ("The recovery meshes with the Federal Open Market Committee’s view there is “significant "
            "slack,” according to the statement after its September meeting, and rates stay low.")
    assert [q.speaker for q in extract_quotes(text)] == ["Federal Open Market Committee"]
