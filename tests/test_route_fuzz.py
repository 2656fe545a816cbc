"""The route loader on hostile input: only RouteError escapes, whatever the file holds."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.journey.route import RouteError, load_route, resolve_route_path, route_from_data

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=30,
)
_SHIPPED = json.loads(resolve_route_path("pyongyang-vladivostok").read_text(encoding="utf-8"))


@given(_JSON)
@settings(max_examples=200, deadline=None)
def test_any_json_value_is_a_route_or_a_route_error(data):
    try:
        route_from_data(data, "fuzz.json")
    except RouteError as exc:
        assert "fuzz.json" in str(exc)


@given(st.sampled_from(sorted(_SHIPPED["stops"][0])), _JSON, st.integers(0, len(_SHIPPED["stops"]) - 1))
@settings(max_examples=200, deadline=None)
def test_one_damaged_stop_field_is_named_or_accepted(field, value, index):
    data = json.loads(json.dumps(_SHIPPED))
    data["stops"][index][field] = value
    try:
        route_from_data(data, "damaged.json")
    except RouteError as exc:
        assert "damaged.json" in str(exc)


@given(st.binary(max_size=400))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_in_a_route_file_give_a_route_error(tmp_path, data):
    path = tmp_path / "route.json"
    path.write_bytes(data)
    try:
        load_route(path)
    except RouteError as exc:
        assert "route.json" in str(exc)


#: Values JSON text may hold that no float or plain structure check expects: the constants Python's
#: reader accepts, numbers beyond a float, integers too long to convert, nesting past the recursion
#: limit, and a few ordinary values for contrast.
_HOSTILE_TOKENS = st.sampled_from([
    "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "9" * 5000, "1e308", "-0", "0",
    "12.5", "1e6", '"x"', "null", "true", "[]", "{}",
]) | st.integers(1, 60_000).map(lambda depth: "[" * depth + "]" * depth) \
   | st.integers(1, 60_000).map(lambda depth: '{"a":' * depth + "1" + "}" * depth)


def _finite_numbers(route) -> bool:
    numbers = [route.max_speed_kmh, route.average_speed_kmh, route.min_average_speed_kmh or 0.0]
    for stop in route.stops:
        numbers += [stop.km, stop.lat or 0.0, stop.lon or 0.0, stop.dwell_minutes or 0.0,
                    stop.dwell_min_minutes or 0.0, stop.dwell_max_minutes or 0.0]
    return all(math.isfinite(n) for n in numbers)


_NUMBER_FIELDS = ["km", "lat", "lon", "dwell_minutes", "dwell_min_minutes", "dwell_max_minutes", "notes",
                  "name", "aliases"]
_TOP_FIELDS = ["max_speed_kmh", "average_speed_kmh", "min_average_speed_kmh", "stops", "name"]


@given(st.data(), _HOSTILE_TOKENS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_hostile_numbers_and_nesting_in_a_route_file_give_a_route_error(tmp_path, data, token):
    """Every loaded route holds finite numbers only; anything else is a RouteError naming the file."""
    shipped = json.loads(json.dumps(_SHIPPED))
    marker = "__HOSTILE__"
    if data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(shipped["stops"]) - 1))
        shipped["stops"][index][data.draw(st.sampled_from(_NUMBER_FIELDS))] = marker
    else:
        shipped[data.draw(st.sampled_from(_TOP_FIELDS))] = marker
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(shipped).replace(json.dumps(marker), token), encoding="utf-8")
    try:
        route = load_route(path)
    except RouteError as exc:
        assert "hostile.json" in str(exc)
    else:
        assert _finite_numbers(route)
