"""Route files: the shipped routes load; every kind of bad file is refused with a precise error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.journey.route import RouteError, list_routes, load_route, routes_dir
from monitor.model import STOP_KINDS
from monitor.service import Monitor

SHIPPED = routes_dir() / "pyongyang-vladivostok.json"


def test_shipped_routes_load_and_share_the_start():
    routes = {info.name: load_route(info.name) for info in list_routes()}
    assert list(routes)[0] == "pyongyang-vladivostok"  # the default comes first
    main, north = routes["pyongyang-vladivostok"], routes["pyongyang-ussuriysk"]
    assert main.stops[-1].name == "Vladivostok" and north.stops[-1].name == "Ussuriysk"
    shared = [s.name for s in main.stops][:13]
    assert [s.name for s in north.stops][:13] == shared
    for route in routes.values():
        kms = [s.km for s in route.stops]
        assert kms == sorted(kms) and len(set(kms)) == len(kms)
        assert {s.kind for s in route.stops} <= set(STOP_KINDS)
        assert route.sources and route.max_speed_kmh >= route.average_speed_kmh


def test_the_first_route_follows_the_facts():
    route = load_route("pyongyang-vladivostok")
    by_name = {s.name: s for s in route.stops}
    gauge = by_name["Tumangang"]
    assert gauge.kind == "gauge_change" and (gauge.gauge_before, gauge.gauge_after) == (1435, 1520)
    assert by_name["Friendship Bridge"].kind == "border"
    assert by_name["Khasan"].kind == "ceremony"
    assert by_name["Pyongyang"].timezone == "Asia/Pyongyang"
    assert by_name["Vladivostok"].timezone == "Asia/Vladivostok"
    assert route.length_km == pytest.approx(1183.2)
    assert gauge.dwell_source  # every dwell figure says where it comes from


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _set(index: int, field: str, value):
    def change(data):
        data["stops"][index][field] = value
    return change


def _drop(index: int, field: str):
    def change(data):
        del data["stops"][index][field]
    return change


def _duplicate(data):
    data["stops"].insert(3, dict(data["stops"][2], km=data["stops"][2]["km"] + 1))


BAD = {
    "missing km": (_drop(1, "km"), "stop 2 'Hamhung'", "km"),
    "missing timezone": (_drop(4, "timezone"), "stop 5 'Kilju Chongnyon'", "timezone"),
    "km not increasing": (_set(2, "km", 100.0), "stop 3 'Tanchon Chongnyon'", "km"),
    "unknown gauge": (_set(10, "gauge_after", 1000), "stop 11 'Tumangang'", "gauge_after"),
    "unknown kind": (_set(6, "kind", "depot"), "stop 7 'Chongjin Chongnyon'", "kind"),
    "stop twice": (_duplicate, "stop 4 'Tanchon Chongnyon'", "name"),
    "unknown time zone": (_set(12, "timezone", "Asia/Atlantis"), "stop 13 'Khasan'", "timezone"),
    "gauges do not join": (_set(11, "gauge_before", 1435), "stop 12 'Friendship Bridge'", "gauge_before"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_route_file_names_file_stop_and_field(tmp_path, case):
    change, stop, field = BAD[case]
    path = _broken(tmp_path, change)
    with pytest.raises(RouteError) as info:
        load_route(path)
    first = str(info.value).splitlines()[0]
    assert str(path) in first and stop in first and repr(field) in first


def test_invalid_json_names_the_file_and_the_place(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n  "stops": [}', encoding="utf-8")
    with pytest.raises(RouteError, match=r"bad\.json: invalid JSON at line 2"):
        load_route(path)


def test_unknown_route_name_lists_the_shipped_ones():
    with pytest.raises(RouteError, match="pyongyang-vladivostok"):
        load_route("no-such-route")


def test_a_bad_route_file_loads_nothing_into_the_store(tmp_path, db_path):
    path = _broken(tmp_path, _set(2, "km", 100.0))
    with Monitor(db_path) as monitor:
        before = monitor.route()
        stored = monitor.journey.route_names()  # reading the route stores nothing either
        with pytest.raises(RouteError):
            monitor.set_route(path)
        assert monitor.route() == before
        assert monitor.journey.route_names() == stored


def test_a_users_own_route_file_loads_by_path(tmp_path, db_path):
    def rename(data):
        data["name"] = "my-route"
        data["stops"] = data["stops"][:13]
        data["stops"][-1]["kind"] = "destination"
    path = _broken(tmp_path, rename)
    with Monitor(db_path) as monitor:
        route = monitor.set_route(str(path))
        assert route.name == "my-route" and route.stops[-1].name == "Khasan"
        assert monitor.route() == route  # kept in the store as the route in use
    with Monitor(db_path) as monitor:
        assert monitor.route().name == "my-route"
