"""Load and validate route files (``resources/routes/*.json``).

A route file is checked against ``route.schema.json`` (shipped beside the routes) and then for what
a schema cannot say: km strictly increasing, each stop (and alias) named once, gauges that join
up, a real time zone. Any problem raises :class:`RouteError` naming the file, the stop and the
field; nothing of a bad file is loaded.

Numbers must be finite: ``NaN``, ``Infinity`` and numbers too big for a float (``1e400``) are
never turned into floats by the JSON reader, and the validator counts a non-finite float as no
number at all, so such a field is reported like any other wrong type. Any other failure while
reading a file (nesting deeper than Python recurses, an integer too long to convert) is also a
RouteError naming the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jsonschema import Draft202012Validator, validators

from monitor.model import Route, Stop
from monitor.paths import resources_dir

SCHEMA_NAME = "route.schema.json"
#: The route a new store starts with.
DEFAULT_ROUTE = "pyongyang-vladivostok"


#: How many of a bad file's problems a RouteError lists; the rest are counted.
_LISTED = 50


class RouteError(ValueError):
    """A route file cannot be used; the message names the file, the stop and the field."""


@dataclass(frozen=True, slots=True)
class RouteInfo:
    """A route file found on disk, for listings."""

    name: str
    title: str
    path: Path
    stops: int
    length_km: float
    destination: str


def routes_dir() -> Path:
    """Where the shipped route files live."""
    return resources_dir() / "routes"


class NotFinite:
    """What the JSON reader gives for ``NaN``, ``Infinity`` or a number beyond a float's range.

    Not a number to the validator, so the field is reported with its stop; never a float, so no
    such value can reach the schedule (where it broke charts and reports) or the store.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _parse_float(text: str) -> float | NotFinite:
    value = float(text)
    return value if math.isfinite(value) else NotFinite(text)


def _is_finite_number(checker: object, instance: object) -> bool:
    """JSON Schema's "number", without NaN and the infinities (which JSON itself does not have)."""
    if isinstance(instance, bool) or not isinstance(instance, (int, float)):
        return False
    return not isinstance(instance, float) or math.isfinite(instance)


def _is_finite_integer(checker: object, instance: object) -> bool:
    return _is_finite_number(checker, instance) and (
        isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer()))


_RouteValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": _is_finite_number, "integer": _is_finite_integer}),
)


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads((routes_dir() / SCHEMA_NAME).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return _RouteValidator(schema)


def resolve_route_path(name_or_path: str | Path) -> Path:
    """A shipped route by name (``pyongyang-vladivostok``) or a file path.

    Raises RouteError when neither exists.
    """
    text = str(name_or_path)
    candidate = Path(text).expanduser()
    if candidate.suffix == ".json" or candidate.exists() or "/" in text or "\\" in text:
        if not candidate.is_file():
            raise RouteError(f"{candidate}: no such route file")
        return candidate
    shipped = routes_dir() / f"{text}.json"
    if not shipped.is_file():
        known = ", ".join(info.name for info in list_routes()) or "none"
        raise RouteError(f"{text}: no such route (shipped routes: {known})")
    return shipped


def _where(data: object, path: list) -> str:
    """'stop 3 "Hamhung": field "km"' for a path like ['stops', 2, 'km']."""
    if len(path) >= 2 and path[0] == "stops" and isinstance(path[1], int):
        index = path[1]
        name = None
        if isinstance(data, dict) and isinstance(data.get("stops"), list):
            stops = data["stops"]
            if index < len(stops) and isinstance(stops[index], dict):
                name = stops[index].get("name")
        label = f"stop {index + 1}" + (f" {name!r}" if isinstance(name, str) else "")
        rest = [str(p) for p in path[2:]]
        return f"{label}: field {'.'.join(rest)!r}" if rest else label
    if path:
        return f"field {'.'.join(str(p) for p in path)!r}"
    return "route"


def _not_finite(value: object) -> bool:
    return isinstance(value, NotFinite) or (isinstance(value, float) and not math.isfinite(value))


def _shortened(message: str, limit: int = 300) -> str:
    """An error message quotes the bad value; a huge one is cut so the message stays readable."""
    return message if len(message) <= limit else message[:limit] + "…"


def _schema_errors(data: object, where: str) -> list[str]:
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "required":
            # The missing field is named in the message, not the path: add it to the path.
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            path = [*path, missing]
            message = "missing"
        elif error.validator == "type" and _not_finite(error.instance):
            message = f"{error.instance!r} is not a finite number"
        elif error.validator == "type":  # the value may be huge: quote its start, then the type
            wanted = error.validator_value
            types = wanted if isinstance(wanted, list) else [wanted]
            message = f"{_shortened(repr(error.instance), 80)} is not of type {', '.join(map(repr, types))}"
        else:
            message = _shortened(error.message)
        problems.append(f"{where}: {_where(data, path)}: {message}")
    return problems


def _semantic_errors(data: dict, where: str) -> list[str]:
    problems: list[str] = []
    stops = data["stops"]
    seen: dict[str, int] = {}
    for index, stop in enumerate(stops):
        label = f"stop {index + 1} {stop['name']!r}"
        for field_name, text in [("name", stop["name"])] + [("aliases", a) for a in stop.get("aliases", [])]:
            key = text.casefold()
            if key in seen and seen[key] != index:
                problems.append(
                    f"{where}: {label}: field {field_name!r}: {text!r} already names stop {seen[key] + 1}"
                )
            seen.setdefault(key, index)
        if index and stop["km"] <= stops[index - 1]["km"]:
            problems.append(
                f"{where}: {label}: field 'km': {stop['km']} is not greater than the previous "
                f"stop's {stops[index - 1]['km']}"
            )
        if index and stop["gauge_before"] != stops[index - 1]["gauge_after"]:
            problems.append(
                f"{where}: {label}: field 'gauge_before': {stop['gauge_before']} mm does not match "
                f"the previous stop's gauge_after {stops[index - 1]['gauge_after']} mm"
            )
        try:
            ZoneInfo(stop["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"{where}: {label}: field 'timezone': unknown time zone {stop['timezone']!r}")
        low, likely, high = (stop.get(k) for k in ("dwell_min_minutes", "dwell_minutes", "dwell_max_minutes"))
        too_low = low is not None and likely is not None and low > likely
        too_high = high is not None and likely is not None and high < likely
        if too_low or too_high:
            problems.append(f"{where}: {label}: field 'dwell_minutes': {likely} is outside its bounds")
    if stops[0]["kind"] != "origin":
        problems.append(
            f"{where}: stop 1 {stops[0]['name']!r}: field 'kind': the first stop must be 'origin'"
        )
    if stops[-1]["kind"] != "destination":
        problems.append(
            f"{where}: stop {len(stops)} {stops[-1]['name']!r}: field 'kind': the last stop must be "
            "'destination'"
        )
    if stops[0]["km"] != 0:
        problems.append(f"{where}: stop 1 {stops[0]['name']!r}: field 'km': the origin must be at km 0")
    if data["average_speed_kmh"] > data["max_speed_kmh"]:
        problems.append(f"{where}: field 'average_speed_kmh': above max_speed_kmh")
    if data.get("min_average_speed_kmh", 0) > data["average_speed_kmh"]:
        problems.append(f"{where}: field 'min_average_speed_kmh': above average_speed_kmh")
    return problems


def _stop(raw: dict) -> Stop:
    return Stop(
        name=raw["name"],
        km=float(raw["km"]),
        kind=raw["kind"],
        lat=raw.get("lat"),
        lon=raw.get("lon"),
        gauge_before=raw["gauge_before"],
        gauge_after=raw["gauge_after"],
        dwell_minutes=raw.get("dwell_minutes"),
        dwell_source=raw.get("dwell_source"),
        timezone=raw["timezone"],
        aliases=tuple(raw.get("aliases", ())),
        notes=raw.get("notes"),
        dwell_min_minutes=raw.get("dwell_min_minutes"),
        dwell_max_minutes=raw.get("dwell_max_minutes"),
        km_confidence=raw.get("km_confidence"),
    )


def route_from_data(data: object, where: str) -> Route:
    """Validate parsed JSON and build a Route; RouteError lists every problem found.

    Whatever ``data`` holds, only RouteError (naming ``where``) comes out.
    """
    try:
        return _route_from_data(data, where)
    except RouteError:
        raise
    except RecursionError as exc:
        raise RouteError(f"{where}: route data nested too deeply to check") from exc
    except Exception as exc:  # noqa: BLE001 - any failure on a bad file is that file's error
        raise RouteError(f"{where}: cannot be used as a route ({type(exc).__name__}: "
                         f"{_shortened(str(exc))})") from exc


def _route_from_data(data: object, where: str) -> Route:
    problems = _schema_errors(data, where)
    if not problems:
        assert isinstance(data, dict)
        problems = _semantic_errors(data, where)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        listed = problems[1:_LISTED]  # a file wrong at every one of 10,000 stops says so briefly
        if len(problems) > _LISTED:
            listed.append(f"… and {len(problems) - _LISTED} more")
        raise RouteError(problems[0] + more + ("\n" + "\n".join(listed) if more else ""))
    assert isinstance(data, dict)
    return Route(
        name=data["name"],
        title=data["title"],
        stops=tuple(_stop(raw) for raw in data["stops"]),
        max_speed_kmh=float(data["max_speed_kmh"]),
        average_speed_kmh=float(data["average_speed_kmh"]),
        sources=tuple(data["sources"]),
        min_average_speed_kmh=data.get("min_average_speed_kmh"),
        speed_source=data.get("speed_source"),
        description=data.get("description"),
        path=where,
    )


def load_route(name_or_path: str | Path) -> Route:
    """Load a shipped route by name or a route file by path, fully validated.

    Raises RouteError (naming the file, the stop and the field) for a missing file, invalid JSON
    or any schema or consistency problem.
    """
    path = resolve_route_path(name_or_path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RouteError(f"{where}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise RouteError(f"{where}: cannot read ({exc.strerror})") from exc
    try:
        data = json.loads(text, parse_constant=NotFinite, parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        raise RouteError(
            f"{where}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except RecursionError as exc:
        raise RouteError(f"{where}: invalid JSON: nested too deeply") from exc
    except Exception as exc:  # noqa: BLE001 - e.g. an integer too long to convert: the file's error
        raise RouteError(f"{where}: invalid JSON: {_shortened(str(exc))}") from exc
    return route_from_data(data, where)


def list_routes(folder: Path | None = None) -> list[RouteInfo]:
    """The shipped routes (or the route files in ``folder``) that load, the default first, then
    by name."""
    found = []
    for path in sorted((folder or routes_dir()).glob("*.json")):
        if path.name == SCHEMA_NAME:
            continue
        try:
            route = load_route(path)
        except RouteError:
            continue  # a broken shipped file is reported by load_route when asked for by name
        found.append(RouteInfo(route.name, route.title, path, len(route.stops), route.length_km,
                               route.stops[-1].name))
    found.sort(key=lambda info: (info.name != DEFAULT_ROUTE, info.name))
    return found
