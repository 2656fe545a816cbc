"""Routes made or edited by hand (monitor/journey/editing.py): km typed or from coordinates,
the route file's data with its provenance, and problems named by row and field through the same
loader as route files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pyproj import Geod

from monitor.journey.editing import (
    BY_HAND,
    RouteDraft,
    StopRow,
    check,
    compute_km,
    draft_from_route,
    new_draft,
    route_data,
    slug,
    write_route_file,
)
from monitor.journey.route import RouteError, load_route
from monitor.service import Monitor

GEOD = Geod(ellps="WGS84")

# A second, unrelated journey: a motorcade through Ireland (no track: gauge none), drawn by the
# coordinates of four towns only.
MOTORCADE = [("Cork", 51.8985, -8.4756), ("Mallow", 52.1390, -8.6451),
             ("Limerick", 52.6638, -8.6267), ("Dublin", 53.3498, -6.2603)]


def _motorcade() -> RouteDraft:
    rows = [StopRow(name=name, lat=lat, lon=lon, gauge=None, kind="station") for name, lat, lon in MOTORCADE]
    rows[0].kind, rows[-1].kind = "origin", "destination"
    rows[2].dwell_minutes = 45
    return RouteDraft(name="cork-dublin-motorcade", title="Cork → Dublin (motorcade)",
                      timezone="Europe/Dublin", max_speed_kmh=100, average_speed_kmh=60, rows=rows)


def _geodesic_km(points: list[tuple[float, float]]) -> list[float]:
    total, out = 0.0, [0.0]
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        total += GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000
        out.append(total)
    return out


def test_the_shipped_route_round_trips_through_a_draft_unchanged():
    route = load_route("pyongyang-vladivostok")
    checked = check(draft_from_route(route))
    assert checked.valid, checked.problems
    assert checked.route is not None
    assert replace(checked.route, path=route.path) == route  # every stop, gauge, zone, dwell bound
    assert checked.data["provenance"]["stops"].startswith(f"{BY_HAND}, edited from ")


def test_a_route_drawn_by_coordinates_only_is_a_polyline_through_its_stops():
    draft = _motorcade()
    checked = check(draft)
    assert checked.valid, checked.problems
    reference = _geodesic_km([(lat, lon) for _, lat, lon in MOTORCADE])
    assert reference[-1] > 200  # a real distance, not a degenerate one
    for got, want in zip(checked.km, reference, strict=True):
        assert got == pytest.approx(want, abs=0.001)  # written to the metre
    stops = checked.data["stops"]
    assert "geodesic (WGS84) length of the straight line from it" in stops[1]["provenance"]["km"]
    assert stops[0]["provenance"]["km"] == "the origin: km 0"
    assert all(s["gauge_before"] is None and s["gauge_after"] is None for s in stops)
    assert stops[2]["dwell_minutes"] == 45 and stops[2]["dwell_source"] == BY_HAND
    assert all(s["timezone"] == "Europe/Dublin" for s in stops)


def test_typed_km_win_and_the_next_stop_counts_on_from_them():
    draft = _motorcade()
    draft.rows[1].km = 30.0  # typed: the road is longer than the straight line
    kms, sources = compute_km(draft.rows)
    straight = _geodesic_km([(MOTORCADE[1][1], MOTORCADE[1][2]), (MOTORCADE[2][1], MOTORCADE[2][2])])[1]
    assert kms[1] == 30.0 and sources[1] == BY_HAND
    assert kms[2] == pytest.approx(30.0 + straight, abs=0.001)


def test_a_stop_with_neither_km_nor_coordinates_is_named_with_its_field():
    draft = _motorcade()
    draft.rows[2].lat = draft.rows[2].lon = None
    checked = check(draft)
    assert not checked.valid
    assert [(p.row, p.field) for p in checked.problems][:1] == [(2, "km")]
    assert checked.problems[0].message.startswith("stop 3 'Limerick': field 'km': give km, or coordinates")
    # Dublin's km needs Limerick's coordinates too: it is named as well.
    assert (3, "km") in [(p.row, p.field) for p in checked.problems]


def test_half_a_coordinate_is_a_problem_of_that_field():
    draft = _motorcade()
    draft.rows[1].lon = None
    assert (1, "lon") in [(p.row, p.field) for p in check(draft).problems]


@pytest.mark.parametrize(("change", "row", "field", "words"), [
    (lambda d: setattr(d.rows[2], "km", 1.0), 2, "km", "is not greater than the previous stop's"),
    (lambda d: setattr(d.rows[1], "timezone", "Europe/Atlantis"), 1, "timezone", "unknown time zone"),
    (lambda d: setattr(d.rows[0], "kind", "station"), 0, "kind", "the first stop must be 'origin'"),
    (lambda d: setattr(d.rows[3], "kind", "border"), 3, "kind", "the last stop must be 'destination'"),
    (lambda d: setattr(d.rows[1], "name", "Cork"), 1, "name", "already names stop 1"),
    (lambda d: setattr(d.rows[1], "name", ""), 1, "name", "should be non-empty"),
    (lambda d: setattr(d.rows[1], "dwell_minutes", -5.0), 1, "dwell_minutes", "minimum of 0"),
    (lambda d: setattr(d, "average_speed_kmh", 500.0), None, "average_speed_kmh", "maximum of 400"),
    (lambda d: setattr(d, "average_speed_kmh", 120.0), None, "average_speed_kmh", "above max_speed_kmh"),
    (lambda d: setattr(d, "name", "Cork Dublin"), None, "name", "does not match"),
    (lambda d: setattr(d, "max_speed_kmh", None), None, "max_speed_kmh", "is not of type 'number'"),
])
def test_the_loaders_problems_name_the_row_and_field(change, row, field, words):
    draft = _motorcade()
    change(draft)
    checked = check(draft)
    assert not checked.valid and checked.route is None
    found = [p for p in checked.problems if p.row == row and p.field == field]
    assert found, checked.problems
    assert words in found[0].message


def test_one_gauge_per_row_joins_up_and_a_change_is_a_row_whose_gauge_differs():
    draft = new_draft("Asia/Pyongyang")
    draft.name, draft.title = "border-hop", "Hongui → Khasan"
    draft.rows = [StopRow("Hongui", "origin", 0.0, gauge=1435),
                  StopRow("Tumangang", "gauge_change", 9.5, gauge=1520),
                  StopRow("Khasan", "destination", 11.7, gauge=1520, timezone="Asia/Vladivostok")]
    checked = check(draft)
    assert checked.valid, checked.problems
    stops = checked.route.stops
    assert [(s.gauge_before, s.gauge_after) for s in stops] == [(1435, 1435), (1435, 1520), (1520, 1520)]
    assert [s.timezone for s in stops] == ["Asia/Pyongyang", "Asia/Pyongyang", "Asia/Vladivostok"]


def test_a_new_draft_is_an_origin_and_a_destination_and_says_what_is_missing():
    checked = check(new_draft())
    assert not checked.valid
    fields = {(p.row, p.field) for p in checked.problems}
    assert {(None, "name"), (None, "title"), (0, "name"), (1, "name"), (1, "km")} <= fields


def test_slug_makes_a_name_the_schema_takes():
    assert slug("Cork → Dublin (motorcade)") == "cork-dublin-motorcade"


def test_the_file_written_loads_with_the_loader_and_marks_values_entered_by_hand(tmp_path, db_path):
    checked = check(_motorcade())
    path = write_route_file(checked.data, tmp_path / "routes" / "cork-dublin-motorcade.json")
    loaded = load_route(path)
    assert replace(loaded, path=None) == replace(checked.route, path=None)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["provenance"]["name"] == BY_HAND and raw["sources"] == [f"stops and speeds {BY_HAND}"]
    assert raw["stops"][1]["provenance"]["name"] == BY_HAND
    with Monitor(db_path) as monitor:
        used = monitor.use_route(str(path))
        assert used is not None and monitor.route().name == "cork-dublin-motorcade"
        assert [s.name for s in monitor.route().stops] == [name for name, _, _ in MOTORCADE]


def test_route_data_keeps_a_loaded_stops_other_fields():
    route = load_route("pyongyang-vladivostok")
    data = route_data(draft_from_route(route))
    tumangang = next(s for s in data["stops"] if s["name"] == "Tumangang")
    assert tumangang["dwell_min_minutes"] == 60 and tumangang["dwell_max_minutes"] == 180
    assert "Tumangang" in [s["name"] for s in data["stops"]] and data["stops"][0]["aliases"]


def test_a_file_that_cannot_be_written_is_a_route_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(RouteError, match="cannot write"):
        write_route_file(check(_motorcade()).data, blocker / "sub" / "route.json")


def test_the_menu_lists_routes_saved_in_the_users_folder(tmp_path, monkeypatch):
    from monitor.gui import data

    monkeypatch.setenv("MONITOR_ROUTES", str(tmp_path / "mine"))
    assert data.saved_routes() == []  # no folder yet
    path = write_route_file(check(_motorcade()).data, tmp_path / "mine" / "cork-dublin-motorcade.json")
    (tmp_path / "mine" / "broken.json").write_text("{", encoding="utf-8")  # left out, not fatal
    assert data.saved_routes() == [(str(path), "cork-dublin-motorcade", "Cork → Dublin (motorcade)")]


def test_paths_user_routes_dir_follows_its_override(tmp_path, monkeypatch):
    from monitor.paths import user_routes_dir

    monkeypatch.setenv("MONITOR_ROUTES", str(tmp_path))
    assert user_routes_dir() == Path(tmp_path)
