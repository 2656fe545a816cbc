"""``monitor route``: the Done-when check on the seed, the table, the list, a user's route file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from click.testing import CliRunner
from conftest import SEED_ROUTE

from monitor.cli import cli
from monitor.journey.route import load_route, routes_dir

AT = "2023-09-12T06:00:00+09:00"


def _run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def _seeded(db_path, seed_path) -> None:
    # Ingest makes the database; choosing the route then matches every post to it.
    assert _run("--db", str(db_path), "ingest", str(seed_path)).exit_code == 0
    assert _run("--db", str(db_path), "route", "--use", SEED_ROUTE).exit_code == 0


def test_done_when_on_the_seed(db_path, seed_path):
    _seeded(db_path, seed_path)
    result = _run("route", "--db", str(db_path), "--json", "--at", AT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("route", "at", "state", "stop", "km", "progress", "next_stop", "etas", "speed_kmh",
                "observations"):
        assert key in data
    assert data["route"] == "pyongyang-vladivostok" and data["at"] == "2023-09-11T21:00:00Z"
    assert data["state"] in ("moving", "dwelling")
    # The departure is post 2's "today", known to the day: a 24-hour window.
    departure = data["departure"]
    assert departure["window_hours"] == 24.0
    assert [(e["post_id"], e["kind"], e["stop"], e["precision"]) for e in departure["evidence"]] == [
        (2, "departed", "Pyongyang", "date")]
    # A band as wide as that day at these speeds: several hundred km.
    km = data["km"]
    assert km["min"] <= km["likely"] <= km["max"]
    assert km["max"] - km["min"] > 500
    # The farthest it could be: off at the start of the local day at top speed (or arrived).
    route = load_route("pyongyang-vladivostok")
    assert km["max"] == route.length_km
    # ETA windows at least as wide as the departure window.
    vladivostok = next(e for e in data["etas"] if e["stop"] == "Vladivostok")
    assert vladivostok["window_hours"] > 24
    assert vladivostok["local"]["likely"].endswith("+10:00")
    assert datetime.fromisoformat(vladivostok["earliest"].replace("Z", "+00:00")) <= \
        datetime.fromisoformat(vladivostok["latest"].replace("Z", "+00:00")) - timedelta(hours=24)
    # The gauge change dwells 70 minutes on post 3's evidence.
    dwell = next(d for d in data["dwells"] if d["stop"] == "Tumangang")
    assert dwell["minutes"] == 70 and dwell["post_id"] == 3
    # 2019 mentions are kept but never anchor the position.
    historical = [o for o in data["observations"] if o["kind"] == "historical"]
    assert {o["stop"] for o in historical} == {"Tumangang", "Khasan"}
    assert all(o["post_id"] == 3 for o in historical)
    assert data["anchored_by"]["post_id"] == 2
    # Vladivostok is the expected destination.
    assert data["destination"] == "Vladivostok" and data["expected"] == ["Vladivostok"]
    assert data["speed_model"]["max"] == 59.0


def test_timeline_table_lists_every_stop(db_path, seed_path):
    _seeded(db_path, seed_path)
    result = _run("route", "--db", str(db_path), "--timeline", "--at", AT)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for stop in load_route("pyongyang-vladivostok").stops:
        assert any(line.lstrip("✓ ").startswith(stop.name) for line in lines), stop.name
    assert any("70m" in line and "Tumangang" in line for line in lines)


def test_list_shows_both_routes():
    result = _run("route", "--list", "--json")
    names = [r["name"] for r in json.loads(result.output)]
    assert names[:2] == ["pyongyang-vladivostok", "pyongyang-ussuriysk"]


def test_route_path_and_bad_route_file(db_path, seed_path, tmp_path):
    _seeded(db_path, seed_path)
    data = json.loads((routes_dir() / "pyongyang-ussuriysk.json").read_text(encoding="utf-8"))
    own = tmp_path / "own.json"
    own.write_text(json.dumps(dict(data, name="own-route")), encoding="utf-8")
    result = _run("route", "--db", str(db_path), "--route", str(own), "--json", "--at", AT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["destination"] == "Ussuriysk"
    data["stops"][3]["km"] = 1.0
    own.write_text(json.dumps(data), encoding="utf-8")
    bad = _run("route", "--db", str(db_path), "--route", str(own), "--use")
    assert bad.exit_code != 0
    assert "own.json" in bad.output and "stop 4 'Kimchaek'" in bad.output and "'km'" in bad.output
    still = json.loads(_run("route", "--db", str(db_path), "--json", "--at", AT).output)
    assert still["route"] == "pyongyang-vladivostok"


def test_use_switches_the_route_in_the_store(db_path, seed_path):
    _seeded(db_path, seed_path)
    assert _run("route", "--db", str(db_path), "--route", "pyongyang-ussuriysk", "--use").exit_code == 0
    data = json.loads(_run("route", "--db", str(db_path), "--json", "--at", AT).output)
    assert data["route"] == "pyongyang-ussuriysk"
    assert [o["stop"] for o in data["unmatched"]] == ["Vladivostok"] * 3


def test_at_without_a_zone_is_refused(db_path):
    result = _run("route", "--db", str(db_path), "--at", "2023-09-12T06:00")
    assert result.exit_code != 0 and "time zone" in result.output


def test_at_outside_what_utc_can_hold_is_refused_by_name(db_path, seed_path, tmp_path):
    # Year 1 at +14:00 is still year 0 in UTC, year 9999 at -12:00 already year 10000: both gave
    # an OverflowError traceback from route and report.
    _seeded(db_path, seed_path)
    for at in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"):
        for args in (["route"], ["report", "--out", str(tmp_path / "r.png")]):
            result = _run(*args, "--db", str(db_path), "--at", at)
            assert result.exit_code == 2 and f"{at!r} is out of range" in result.output, result.output


def test_seed_arrival_is_presumed_in_text_and_json(db_path, seed_path):
    _seeded(db_path, seed_path)
    late = "2023-09-14T00:00:00Z"
    data = json.loads(_run("route", "--db", str(db_path), "--json", "--at", late).output)
    assert data["state"] == "arrived" and data["presumed"] is True
    assert data["last_report_at"] == "2023-09-11T00:00:00Z"
    assert data["last_report"]["post_id"] == 2 and data["last_report"]["precision"] == "date"
    text = _run("route", "--db", str(db_path), "--at", late).output
    assert "Presumed arrived — no report since Mon 11 Sep" in text
    # At the moment of the Done-when check the train is "at Tumangang" by the speed model only.
    now = json.loads(_run("route", "--db", str(db_path), "--json", "--at", AT).output)
    assert now["presumed"] is True and now["stop"] == "Tumangang"
    assert "Presumed at Tumangang — no report since Mon 11 Sep" in _run(
        "route", "--db", str(db_path), "--at", AT).output
