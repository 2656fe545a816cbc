"""Corrections carry who made them and when (migration 15): in the store on both engines, in
`monitor quotes`, in the inspector's tooltip, and from Preferences in the window."""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path

import pytest
from conftest import invoke_cli
from PySide6.QtCore import Qt

from monitor.gui.inspector import QuoteTableModel
from monitor.gui.preferences import Preferences, load_preferences, save_preferences
from monitor.model import parse_iso, utc_now
from monitor.service import Monitor, correction_author
from monitor.store import SCHEMA_VERSION
from monitor.store.migrations import MIGRATIONS, _v15_correction_authors


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path, seed_path: Path) -> str:
    """The seed story on each engine: a database file, or a PostgreSQL URL."""
    where = str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("pg_dsn")
    with Monitor(where) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
    return where


def test_each_correction_is_signed_with_its_author_and_time(target, monkeypatch):
    monkeypatch.delenv("MONITOR_AUTHOR", raising=False)
    before = utc_now().replace(microsecond=0)  # stored to the second
    with Monitor(target) as monitor:
        first, second, *_ = monitor.quotes.quotes()
        speakers = monitor.quotes.speakers()
        monitor.reassign_quote(first.id, speakers[-1].id, author="Alice Analyst")
        monitor.reject_quote(second.id)  # no name given: the user logged in
        moved = monitor.quotes.quotes(speaker_id=speakers[0].id)
        monitor.merge_speakers(speakers[1].id, speakers[0].id, author="Bob")
        reassigned, rejected = monitor.quotes.quote(first.id), monitor.quotes.quote(second.id)
        merged = [monitor.quotes.quote(q.id) for q in moved]
        untouched = [q for q in monitor.quotes.quotes() if q.source_of_truth != "analyst"
                     and q.id not in {m.id for m in moved}]
    assert reassigned is not None and reassigned.corrected_by == "Alice Analyst"
    assert rejected is not None and rejected.corrected_by == getpass.getuser()
    assert merged and all(q is not None and q.corrected_by == "Bob" for q in merged)
    for quote in [reassigned, rejected, *merged]:
        assert quote is not None
        at = parse_iso(quote.corrected_at)
        assert at is not None and before <= at <= utc_now()
    assert untouched and all(q.corrected_by is None and q.corrected_at is None for q in untouched)


def test_the_author_defaults_to_monitor_author_then_the_login(monkeypatch):
    monkeypatch.setenv("MONITOR_AUTHOR", "  Desk 3 ")
    assert correction_author() == "Desk 3"
    monkeypatch.setenv("MONITOR_AUTHOR", "")
    assert correction_author() == getpass.getuser()


def test_monitor_quotes_says_who_corrected_a_quote(seeded_db):
    with Monitor(seeded_db) as monitor:
        quote = monitor.quotes.quotes()[0]
        monitor.reassign_quote(quote.id, monitor.quotes.speakers()[-1].id, author="Alice Analyst")
        at = monitor.quotes.quote(quote.id).corrected_at
    code, out, err = invoke_cli("quotes", "--db", str(seeded_db))
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith(f"#{quote.id} "))
    assert line.endswith(f"(corrected by Alice Analyst, {at})")
    others = [x for x in out.splitlines() if not x.startswith(f"#{quote.id} ")]
    assert others and not any("corrected by" in x for x in others)
    code, out, _ = invoke_cli("quotes", "--json", "--db", str(seeded_db))
    assert f'"corrected_by": "Alice Analyst", "corrected_at": "{at}"' in out


def test_a_store_from_before_migration_15_keeps_the_time_of_its_corrections(tmp_path, seed_path):
    path = tmp_path / "old.db"
    with Monitor(path) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        quote = monitor.quotes.quotes()[0]
        monitor.reassign_quote(quote.id, None)
    # Back to the store as the migration before left it: no authorship columns, its version.
    number = MIGRATIONS.index(_v15_correction_authors) + 1
    conn = sqlite3.connect(path)
    updated = conn.execute("select updated from quotes where id = ?", [quote.id]).fetchone()[0]
    conn.execute("drop view if exists quotes_by_speaker")  # views name quotes' columns
    views = conn.execute("select sql from sqlite_master where type = 'view'").fetchall()
    for (name,) in conn.execute("select name from sqlite_master where type = 'view'").fetchall():
        conn.execute(f"drop view {name}")
    conn.execute("alter table quotes drop column corrected_by")
    conn.execute("alter table quotes drop column corrected_at")
    for (sql,) in views:
        conn.execute(sql)
    conn.execute("delete from schema_version where version >= ?", [number])
    conn.commit()
    conn.close()
    with Monitor(path) as monitor:
        again = monitor.quotes.quote(quote.id)
        version = monitor.db.execute("select max(version) from schema_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    assert again is not None and again.corrected_at == updated and again.corrected_by is None


def test_the_inspector_tooltip_names_who_corrected_a_quote(qtbot, seeded_db):
    with Monitor(seeded_db) as monitor:
        quote = monitor.quotes.quotes()[0]
        monitor.reassign_quote(quote.id, None, author="Alice Analyst")
        corrected = monitor.quotes.quote(quote.id)
        plain = monitor.quotes.quotes()[1]
    model = QuoteTableModel()
    model.set_quotes([corrected, plain], {})
    tips = [model.index(row, QuoteTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole) for row in (0, 1)]
    assert "corrected by Alice Analyst, " in tips[0]
    assert "corrected by" not in tips[1]


def test_preferences_keep_the_name_corrections_are_signed_with(gui_settings):
    assert load_preferences(gui_settings).author == ""
    save_preferences(gui_settings, Preferences(author="Alice Analyst"))
    assert load_preferences(gui_settings).author == "Alice Analyst"
