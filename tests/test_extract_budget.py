"""The per-text extraction budget: past it, the quotes found before the cut are kept, with a note."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli
from monitor.extract import extract_post_noted
from monitor.extract.quotes import NO_BUDGET, Budget, extract_quotes, extract_quotes_noted
from monitor.service import Monitor

PARAGRAPH = "“We will not back down,” said Ms Reyes. “The port stays open,” she added.\n"
#: The hostile shape of the fault: one endless sentence of cues and one-word quotes.
HOSTILE = 'He said "a" ' * 60_000


def test_under_budget_nothing_is_cut() -> None:
    text = PARAGRAPH * 10
    quotes, note = extract_quotes_noted(text, budget=Budget(max_candidates=1_000))
    assert note is None
    assert len(quotes) == 20
    assert quotes == extract_quotes(text, budget=NO_BUDGET)


def test_past_the_candidate_budget_keeps_what_came_before() -> None:
    text = PARAGRAPH * 50  # 6 candidates a paragraph: 4 marks, "said", "added"
    whole = extract_quotes(text, budget=NO_BUDGET)
    quotes, note = extract_quotes_noted(text, budget=Budget(max_candidates=60))
    # The 61st candidate is in paragraph 11: reading stops at the paragraph break before it.
    cut = len(PARAGRAPH) * 10 - 1
    assert note is not None and "60 quotation marks and speech cues" in note
    assert f"character {cut:,} of {len(text):,}" in note
    assert quotes == [q for q in whole if q.end <= cut]
    assert len(quotes) == 20
    assert [q.speaker for q in quotes[:2]] == ["Reyes", "Reyes"]
    # The same input is cut at the same place every time.
    assert extract_quotes_noted(text, budget=Budget(max_candidates=60)) == (quotes, note)


def test_past_the_character_budget() -> None:
    text = PARAGRAPH * 50
    quotes, note = extract_quotes_noted(text, budget=Budget(max_chars=len(PARAGRAPH) * 3 + 5))
    assert note is not None and "characters" in note
    assert len(quotes) == 6
    assert all(q.end < len(PARAGRAPH) * 3 for q in quotes)


def test_hostile_text_is_cut_by_the_default_budget_after_the_real_quote() -> None:
    text = PARAGRAPH + HOSTILE
    quotes, note = extract_quotes_noted(text)
    assert note is not None and "40,000 quotation marks and speech cues" in note
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will not back down", "Reyes"), ("The port stays open", "Reyes")]
    found, notes = extract_post_noted("Port row", text)
    assert [f for f, _ in found] == ["body", "body"]
    assert len(notes) == 1 and notes[0].startswith("body: quotes read up to character")


def test_ingest_stores_what_was_found_and_reports_the_note(db_path: Path, tmp_path: Path) -> None:
    rows = [
        {"guid": "hostile", "title": "Port row", "body": PARAGRAPH + HOSTILE},
        {"guid": "fine", "title": "Port calm", "body": "“All is well,” said Mr Okafor."},
    ]
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with Monitor(db_path) as monitor:
        [report] = monitor.ingest_path(path)
        assert report.ok and report.added == 2
        notes = [n for n in report.notes if "extraction budget" in n]
        assert len(notes) == 1 and notes[0].startswith("post ") and ": body: quotes read up to" in notes[0]
        names = {s.id: s.name for s in monitor.quotes.speakers()}
        stored = sorted((q.text, names.get(q.speaker_id)) for q in monitor.quotes.quotes())
    assert stored == [("All is well", "Okafor"), ("The port stays open", "Reyes"),
                      ("We will not back down", "Reyes")]


def test_extract_command_prints_the_note(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(PARAGRAPH + HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 2
    assert f"note: {path}: quotes read up to character" in result.stderr
