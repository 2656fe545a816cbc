"""One statement reported by several outlets: counted once per origin, through the store and CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from monitor.cli import cli
from monitor.model import ParsedPost, ParseResult
from monitor.service import Monitor

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
QUOTE = ("“The talks between the two leaders will be frank and substantive, and they will cover "
         "every area of our cooperation,” said Dmitry Peskov.")
# The same statement in another outlet's words around it, one word of it changed.
REWORDED = ("“The talks between the two leaders will be frank and substantive, and they will "
            "cover every field of our cooperation,” Dmitry Peskov told reporters.")
AGENCY = [
    "North Korean leader Kim Jong Un's armoured train crossed into Russia early on Tuesday, the "
    "Russian foreign ministry said, days after the Kremlin confirmed a visit to the Far East.",
    QUOTE,
    "The train, which travels at no more than 60 kilometres an hour, was seen passing through the "
    "border station of Khasan shortly after dawn, according to footage aired by state television.",
]
OWN_WORDS = [
    "Residents of Vladivostok woke on Tuesday to road closures around the waterfront as police "
    "prepared for a visit the city has not seen since 2019.",
    REWORDED,
    "Shopkeepers near the railway station said they had been asked to stay closed until further "
    "notice, and traffic was diverted away from the harbour bridge for most of the morning.",
]
OTHER_STATEMENT = "“We have no information about the schedule of the visit,” said Dmitry Peskov."


def _ingest(monitor: Monitor, source: str, guid: str, paragraphs: list[str], hours: int) -> None:
    post = ParsedPost(guid=guid, title=f"Story {guid}", body="\n\n".join(paragraphs),
                      published=T0 + timedelta(hours=hours))
    report = monitor.ingest_result(ParseResult(kind="jsonl", posts=[post]), source, source_key=source,
                                   url=f"https://{source}/")
    assert report.ok, report.error


def test_a_statement_in_a_reprint_and_in_own_words_is_reported_by_three_two_independent(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", "a", AGENCY, 0)
        _ingest(monitor, "outlet-1", "r", AGENCY[:2] + ["Our correspondent adds that the visit may "
                                                        "last several days."], 2)
        _ingest(monitor, "outlet-2", "o", OWN_WORDS, 3)
        _ingest(monitor, "outlet-3", "x", ["A separate briefing later in the day.", OTHER_STATEMENT], 4)
    result = CliRunner().invoke(cli, ["quotes", "--json", "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    talks = [r for r in rows if "frank and substantive" in r["text"]]
    assert len(talks) == 3 and {r["speaker"] for r in talks} == {"Dmitry Peskov"}
    assert {(r["reported_by"], r["independent"]) for r in talks} == {(3, 2)}
    [other] = [r for r in rows if "no information" in r["text"]]
    assert (other["reported_by"], other["independent"]) == (1, 1)
    text = CliRunner().invoke(cli, ["quotes", "--db", str(db_path)], catch_exceptions=False).stdout
    assert "reported by 3 outlets (2 independent)" in text


def test_corroboration_names_the_tiers_of_the_origins(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", "a", AGENCY, 0)
        _ingest(monitor, "outlet-1", "r", AGENCY[:2] + ["Our correspondent adds that the visit may "
                                                        "last several days."], 2)
        _ingest(monitor, "outlet-2", "o", OWN_WORDS, 3)
        monitor.set_source_tier(monitor.source("agency").id, "wire")
        monitor.set_source_tier(monitor.source("outlet-1").id, "outlet")
        monitor.set_source_tier(monitor.source("outlet-2").id, "primary")
    result = CliRunner().invoke(cli, ["quotes", "--json", "--db", str(db_path)], catch_exceptions=False)
    talks = [json.loads(line) for line in result.stdout.splitlines() if "frank and substantive" in line]
    # The agency copy and its reprint are one origin (a wire and an outlet carry it); the own
    # words of the primary source another.
    assert {(r["independent"], json.dumps(r["tiers"], sort_keys=True)) for r in talks} == \
        {(2, json.dumps({"wire": 1, "primary": 1, "outlet": 1}, sort_keys=True))}
    text = CliRunner().invoke(cli, ["quotes", "--db", str(db_path)], catch_exceptions=False).stdout
    assert "reported by 3 outlets (2 independent, 1 wire, 1 primary, 1 outlet)" in text


def test_the_situation_lists_a_reprinted_quote_once_reported_by_every_copy(db_path):
    """An agency story and its reprint: the situation (what the inspector and the report list)
    carries the statement once, from the earliest copy, reported by both sources; the one told in
    other words stays a quote of its own. Unnamed speakers are one per copy ("an official" in
    each) and still count as the copies' sources."""
    unnamed = ("The crossing would reopen on Friday, an official at the border said, after two "
               "days of repairs to the bridge and its signalling.")
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", "a", [*AGENCY, unnamed], 0)
        _ingest(monitor, "outlet-1", "r", [*AGENCY, unnamed, "Our correspondent adds that the "
                                           "visit may last several days."], 2)
        _ingest(monitor, "outlet-2", "o", OWN_WORDS, 3)
        situation = monitor.situation()
    talks = [q for q in situation.quotes if "frank and substantive" in q.text]
    assert len(talks) == 2  # the agency's (its reprint's left out) and the one in other words
    reprinted = [q for q in talks if "every area" in q.text]
    assert len(reprinted) == 1 and reprinted[0].reach is not None
    assert (reprinted[0].reach.reported_by, reprinted[0].reach.independent) == (3, 2)
    [border] = [q for q in situation.quotes if "crossing would reopen" in q.text]
    assert border.reach is not None and border.reach.reported_by == 2
    assert situation.quote_posts[border.post_id].guid == "a"  # the earliest copy's
    # the copy's own unnamed speaker, all of whose quotes are the copy's, is not listed again
    assert [s.name for s in situation.speakers].count(
        next(s.name for s in situation.speakers if s.id == border.speaker_id)) == 1
