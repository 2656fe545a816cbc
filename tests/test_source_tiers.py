"""Source tiers: marked through the CLI, kept in the store, shown where sources are listed."""

from __future__ import annotations

import json

from conftest import invoke_cli

from monitor.service import Monitor


def test_a_tier_round_trips_through_the_cli(seeded_db):
    code, out, err = invoke_cli("sources", "--json", "--db", str(seeded_db))
    assert code == 0, err
    first = json.loads(out.splitlines()[0])
    assert first["tier"] is None
    code, out, err = invoke_cli("sources", "set", str(first["id"]), "--tier", "wire", "--db", str(seeded_db))
    assert code == 0, err
    assert "tier wire" in out
    code, out, _ = invoke_cli("sources", "--json", "--db", str(seeded_db))
    assert json.loads(out.splitlines()[0])["tier"] == "wire"
    code, out, _ = invoke_cli("sources", "--db", str(seeded_db))
    assert "[wire]" in out.splitlines()[0]
    code, out, err = invoke_cli("sources", "set", str(first["id"]), "--tier", "none", "--db", str(seeded_db))
    assert code == 0, err
    with Monitor(seeded_db, readonly=True) as monitor:
        assert monitor.source(first["id"]).tier is None


def test_an_unknown_tier_or_nothing_to_set_is_refused(seeded_db):
    code, _, err = invoke_cli("sources", "set", "1", "--tier", "blog", "--db", str(seeded_db))
    assert code != 0 and "blog" in err
    code, _, err = invoke_cli("sources", "set", "1", "--db", str(seeded_db))
    assert code != 0 and "--tier" in err
    with Monitor(seeded_db) as monitor:
        assert monitor.source(1).tier is None


def _tiered_store(db_path):
    from test_quote_corroboration import AGENCY, OWN_WORDS, _ingest

    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", "a", AGENCY, 0)
        _ingest(monitor, "outlet-1", "r", AGENCY[:2] + ["Our correspondent adds that the visit may "
                                                        "last several days."], 2)
        _ingest(monitor, "outlet-2", "o", OWN_WORDS, 3)
        monitor.set_source_tier(monitor.source("agency").id, "wire")
        monitor.set_source_tier(monitor.source("outlet-2").id, "primary")
    return db_path


REACH = "eported by 3 outlets (2 independent, 1 wire, 1 primary)"


def test_the_inspector_says_how_widely_a_quote_was_reported(qtbot, db_path):
    from monitor.gui.inspector import InspectorPane

    with Monitor(_tiered_store(db_path), readonly=True) as monitor:
        situation = monitor.situation()
    talks = [q for q in situation.quotes if "frank and substantive" in q.text]
    assert talks and all(q.reach is not None and q.reach.independent == 2 for q in talks)
    pane = InspectorPane()
    qtbot.addWidget(pane)
    pane.set_speakers(list(situation.speakers))
    pane.set_quotes(list(situation.quotes), situation.quote_posts)
    pane.select_quote(talks[0].id)
    assert "R" + REACH in pane.detail.text()


def test_the_report_says_how_widely_a_quote_was_reported(qtbot, db_path):
    from page_text import overview_texts

    from monitor.report.briefing import gather
    from monitor.report.page import list_items

    with Monitor(_tiered_store(db_path), readonly=True) as monitor:
        briefing = gather(monitor)
    assert any(REACH in text for text in overview_texts(briefing))
    # The PDF's list of every quote (a quote's meta line wraps: its lines joined).
    blocks = [" ".join(block.lines) for item in list_items(briefing, 900) for block, _, _ in item.blocks]
    assert any(REACH in text for text in blocks)


def test_the_report_says_which_posts_other_sources_also_carry(qtbot, db_path):
    from page_text import overview_texts

    from monitor.report.briefing import gather

    with Monitor(_tiered_store(db_path), readonly=True) as monitor:
        briefing = gather(monitor)
    # The agency's story and the outlet's reprint are one item: each says the other has it.
    assert sum(p.also_in for p in briefing.posts) == 2
    assert sum("also in 1 source" in text for text in overview_texts(briefing)) == 2


def test_a_speakers_own_quote_list_says_how_widely_each_was_reported(db_path):
    from monitor.gui import data

    with Monitor(_tiered_store(db_path), readonly=True) as monitor:
        peskov = next(s for s in monitor.quotes.speakers() if s.name == "Dmitry Peskov")
        found = data.speaker_quotes(monitor, peskov.id, None)
    talks = [q for q in found.quotes if "frank and substantive" in q.text]
    assert talks and {(q.reach.reported_by, q.reach.independent) for q in talks} == {(3, 2)}
