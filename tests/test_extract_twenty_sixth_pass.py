"""Who speaks in the constructions of the twenty-sixth pass: a document's author named where the
document came out ("In a report issued Thursday, the panel praised …", "a report released
Tuesday by the inspector general's office"), "the order" of whoever signed it, "&" inside a
company's name, datelines in title case and relative clauses with "who's"."""

from __future__ import annotations

import pytest

from monitor.extract import extract_quotes
from monitor.extract.speakers import parse_before, tokens


def _records(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_kind, text[q.start:q.end]) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [speaker for speaker, _, _ in _records(text)]


def _parsed(phrase: str) -> tuple[str, str, str | None] | None:
    """How a speaker phrase right before "said" reads: kind, name and role."""
    text = f"“Hi,” {phrase} said."
    start = text.index(phrase)
    mention = parse_before(text, tokens(text, start, start + len(phrase)))
    return None if mention is None else (mention.kind, mention.name, mention.role)


_FILLER = " ".join(["The agency has long been criticised for how it staffs large events."] * 40)


# -- the author of a document, from where the document came out ---------------------------------------

@pytest.mark.parametrize("opening", [
    "In a report issued Thursday morning, the Independent Review Panel praised the agents.",
    "In a report released this month, the Independent Review Panel estimates that staffing fell.",
    "In a new report, the Independent Review Panel highlights staffing gaps.",
    "In a report Thursday, the Independent Review Panel said staffing fell.",
])
def test_the_report_is_by_the_body_that_opened_a_sentence_with_it(opening: str) -> None:
    text = f"{opening}\n\n“This is a failure of leadership,” the report said."
    assert _speakers(text)[-1] == "Independent Review Panel"


def test_a_person_named_before_an_appositive_after_the_opening_wrote_the_statement() -> None:
    text = ("In a lengthy statement Saturday, Hannibal Ware, the chairman of the council of "
            "inspectors general, noted that the firings were unusual.\n\n"
            "“We are independent,” the statement said.")
    assert _speakers(text)[-1] == "Hannibal Ware"


def test_a_report_on_a_subject_is_not_by_the_subject() -> None:
    text = ("An internal report on last year's shutdown of Los Angeles schools reveals confusion.\n\n"
            "“No real emergency existed,” the report concludes.")
    assert _speakers(text)[-1] != "Los Angeles"


def test_the_report_reads_back_past_its_nearer_mentions_that_name_no_author() -> None:
    text = ("Prosecutors ignored rules, according to a report released Tuesday by the Justice "
            "Department inspector general's office.\n\n"
            "The report found that rules were broken. Experts find the report's revelations "
            "troubling. The report's findings matter, experts say. Although the report details "
            "old rules, its contents matter. " + _FILLER + "\n\n"
            "The staffers were targeted because they had access to classified files, the report said.")
    assert _speakers(text)[-1] == "Justice Department inspector general's office"


def test_the_report_after_a_body_concluded_in_a_report_is_the_body() -> None:
    text = ("U.S. intelligence concluded in a report that Iran is not building a nuclear weapon.\n\n"
            "However, Iran has “undertaken activities that better position it,” the report said.")
    assert _speakers(text) == ["U.S. intelligence", "U.S. intelligence"]


def test_who_reported_is_read_back_past_they() -> None:
    text = ("The researchers reported inventing a coating. They also reported the coating repels "
            "bacteria.\n\nAccording to the report, the process is complete in under five minutes.")
    assert _speakers(text)[-1] == "The researchers"


# -- the order of whoever signed or issued it -------------------------------------------------------------

def test_the_order_said_is_the_president_who_signed_it() -> None:
    text = ("President Donald Trump signed an order on Tuesday. “Agencies must comply with all of "
            "it,” the order said.")
    assert _speakers(text) == ["Donald Trump"]


def test_the_order_is_the_judge_who_issued_it() -> None:
    text = ("Judge Amy Berman Jackson heard the case. The judge issued an order. The order said "
            "agencies must comply.")
    assert _speakers(text)[-1] == "Amy Berman Jackson"


def test_in_order_to_is_no_document() -> None:
    assert _speakers("They acted in order to comply, Smith said.") == ["Smith"]


# -- names and phrases ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Bernstein Litowitz Berger & Grossmann", "Procter & Gamble",
                                  "Johnson & Johnson"])
def test_an_ampersand_joins_one_company_name(name: str) -> None:
    assert _parsed(name) == ("organisation", name, None)


def test_a_statement_from_a_firm_with_an_ampersand_is_the_firm() -> None:
    text = ("“We are pleased with the ruling,” said a statement from Bernstein Litowitz Berger & "
            "Grossmann. The law firm said it would defend the opinion.")
    assert _speakers(text) == ["Bernstein Litowitz Berger & Grossmann"] * 2


def test_what_the_body_of_a_post_is_does_not_take_the_person_s_place() -> None:
    text = ("Jeff Sanborn, president of Acme Corp, a Spokane and Seattle advertising and design "
            "agency, said he thought the campaign was bad.")
    assert _speakers(text) == ["Jeff Sanborn"]


def test_a_who_s_clause_after_the_subject_is_looked_past() -> None:
    text = ("The president, who's a nondenominational Christian, called religious liberty "
            "“part of the bedrock of American life” on Thursday.")
    assert _speakers(text) == ["the president"]


def test_a_dateline_of_a_city_and_its_country_in_title_case_is_no_speaker() -> None:
    text = ("The Hague, Netherlands — The president of the International Criminal Court lashed "
            "out at the United States, calling attacks on the court “appalling.”")
    assert _speakers(text) == ["the president"]
