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
