"""Route files: the shipped routes load; every kind of bad file is refused with a precise error."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.journey.route import RouteError, list_routes, load_route, route_from_data, routes_dir
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


def _assert_refused_naming(tmp_path, change, stop: str, field: str) -> None:
    """The route file broken by ``change`` is refused; the error's first line names the file, the
    stop and the field."""
    path = _broken(tmp_path, change)
    with pytest.raises(RouteError) as info:
        load_route(path)
    first = str(info.value).splitlines()[0]
    assert str(path) in first and stop in first and repr(field) in first


@pytest.mark.parametrize("case", list(BAD))
def test_bad_route_file_names_file_stop_and_field(tmp_path, case):
    change, stop, field = BAD[case]
    _assert_refused_naming(tmp_path, change, stop, field)


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


def _text_broken(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped route with one piece of its text replaced (for what json.dumps cannot write)."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.json"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


NOT_FINITE = {
    "km Infinity": (_set(3, "km", math.inf), "stop 4 'Kimchaek'", "km"),
    "km NaN": (_set(3, "km", math.nan), "stop 4 'Kimchaek'", "km"),
    "km -Infinity": (_set(3, "km", -math.inf), "stop 4 'Kimchaek'", "km"),
    "dwell NaN": (_set(10, "dwell_minutes", math.nan), "stop 11 'Tumangang'", "dwell_minutes"),
    "dwell Infinity": (_set(10, "dwell_max_minutes", math.inf), "stop 11 'Tumangang'", "dwell_max_minutes"),
    "latitude NaN": (_set(2, "lat", math.nan), "stop 3 'Tanchon Chongnyon'", "lat"),
    "absurd km": (_set(15, "km", 1e12), "stop 16 'Vladivostok'", "km"),
    "absurd dwell": (_set(10, "dwell_max_minutes", 1e300), "stop 11 'Tumangang'", "dwell_max_minutes"),
    "negative km": (_set(3, "km", -5.0), "stop 4 'Kimchaek'", "km"),
}


@pytest.mark.parametrize("case", list(NOT_FINITE))
def test_non_finite_and_absurd_numbers_are_refused_naming_stop_and_field(tmp_path, case):
    change, stop, field = NOT_FINITE[case]
    _assert_refused_naming(tmp_path, change, stop, field)


def test_speed_infinity_is_refused_naming_the_field(tmp_path):
    path = _broken(tmp_path, lambda data: data.update(max_speed_kmh=math.inf))
    with pytest.raises(RouteError, match=r"broken\.json: field 'max_speed_kmh': Infinity is not a finite"):
        load_route(path)


def test_json_loads_refuses_nan_and_infinity_before_they_become_floats(tmp_path):
    # A number too big for a float (1e400) reads as infinity unless the loader refuses it too.
    path = _text_broken(tmp_path, '"km": 854.0', '"km": 1e400')
    with pytest.raises(RouteError, match=r"stop 11 'Tumangang': field 'km': 1e400 is not a finite number"):
        load_route(path)


def test_python_nan_handed_to_the_validator_is_refused():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["stops"][5]["km"] = math.nan
    with pytest.raises(RouteError, match=r"mem\.json: stop 6 '.*': field 'km': nan is not a finite number"):
        route_from_data(data, "mem.json")


def test_a_deeply_nested_route_file_is_a_route_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(RouteError, match=r"deep\.json: .*nested too deeply"):
        load_route(path)


def test_a_deeply_nested_value_handed_to_the_validator_is_a_route_error():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    data["stops"][2]["notes"] = deep
    with pytest.raises(RouteError, match=r"mem\.json: "):
        route_from_data(data, "mem.json")


def test_an_integer_too_long_to_read_is_a_route_error(tmp_path):
    path = _text_broken(tmp_path, '"km": 854.0', '"km": ' + "9" * 5000)
    with pytest.raises(RouteError, match=r"broken\.json"):
        load_route(path)


def test_route_use_with_nan_exits_with_the_error_and_keeps_the_store(tmp_path, db_path):
    path = _broken(tmp_path, _set(3, "km", math.nan))
    with Monitor(db_path) as monitor:
        before = monitor.route()
    result = CliRunner().invoke(cli, ["route", "--db", str(db_path), "--route", str(path), "--use",
                                      "--at", "2023-09-12T06:00:00+09:00"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert str(path) in result.output and "stop 4 'Kimchaek': field 'km'" in result.output
    with Monitor(db_path) as monitor:
        assert monitor.route() == before


def test_a_file_wrong_at_every_stop_lists_a_few_problems_and_counts_the_rest():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    stop = data["stops"][1]
    data["stops"][1:-1] = [dict(stop, name=f"Halt {i}", aliases=[], km=-1.0) for i in range(2000)]
    with pytest.raises(RouteError) as info:
        route_from_data(data, "long.json")
    lines = str(info.value).splitlines()
    assert "(and 1999 more problem(s))" in lines[0] and lines[-1] == "… and 1950 more"
    assert len(lines) == 51
