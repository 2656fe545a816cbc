"""The route loader on hostile input: only RouteError escapes, whatever the file holds."""

from __future__ import annotations

import json

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
