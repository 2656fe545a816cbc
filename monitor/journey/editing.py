"""Make or edit a route by hand: rows of stops in, a route file's data and its problems out.

The route editor (``monitor/gui/route_editor.py``) keeps a :class:`RouteDraft` — the route's
name, title, time zone and speeds and one :class:`StopRow` per stop — and asks :func:`check` after
every edit. A stop's km is either typed in or, left empty, computed from its coordinates: the
geodesic (WGS84) length of the straight segment from the stop before, whose km and coordinates
must then be known too. A route drawn by coordinates only is thus a polyline through its stops,
measured as ``route-import`` measures a line (:mod:`monitor.journey.geodesy`).

One gauge per row: the gauge of the track after the stop (the wheels the train leaves on); the
gauge before it is the previous row's, so gauges always join up and a ``gauge_change`` stop is a
row whose gauge differs from the one before.

The data is checked by the same loader as route files (:func:`monitor.journey.route.route_from_data`),
so a draft that passes here loads from the file written. Each problem keeps the row and field the
loader named, for the editor to show beside the row. Every value carries ``provenance``: "entered
by hand", or how its km was computed.

Plain Python: no Qt.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.journey.geodesy import distance_m
from monitor.journey.route import RouteError, route_from_data
from monitor.model import STOP_KINDS, Route

#: What a value typed into the editor is marked with in the route file.
BY_HAND = "entered by hand"
#: Gauges the editor offers (mm; None: no track, as for a ship or a motorcade). A loaded route's
#: other schema gauges (1067, 1524, 1668) are kept.
GAUGES: tuple[int | None, ...] = (1435, 1520, None)
KINDS: tuple[str, ...] = STOP_KINDS
#: Fields of a loaded stop the editor does not show but keeps.
_KEPT = ("aliases", "notes", "dwell_min_minutes", "dwell_max_minutes", "dwell_source", "km_confidence")
_LINE = re.compile(r"stop (\d+)(?: '(?:[^'\\]|\\.)*'| \"(?:[^\"\\]|\\.)*\")?: field '([^']+)'")
_TOP_FIELD = re.compile(r"^route: field '([^']+)'")


@dataclass(slots=True)
class StopRow:
    """One stop as the editor shows it; ``km`` None means "from the coordinates"."""

    name: str = ""
    kind: str = "station"
    km: float | None = None
    lat: float | None = None
    lon: float | None = None
    #: Gauge after the stop, in mm; None for no track.
    gauge: int | None = 1435
    dwell_minutes: float | None = None
    #: Empty: the route's time zone.
    timezone: str = ""
    #: Fields of a loaded stop kept as they were (aliases, notes, dwell bounds …).
    kept: dict[str, Any] = field(default_factory=dict)
    #: The gauge before the first stop, when a loaded origin had one of its own.
    gauge_before: int | None = None


@dataclass(slots=True)
class RouteDraft:
    """A route being made or edited by hand."""

    name: str = ""
    title: str = ""
    timezone: str = "UTC"
    max_speed_kmh: float | None = 80.0
    average_speed_kmh: float | None = 50.0
    min_average_speed_kmh: float | None = None
    description: str = ""
    sources: list[str] = field(default_factory=list)
    speed_source: str = ""
    rows: list[StopRow] = field(default_factory=list)
    #: The route this draft was made from (its file or name), for the file's provenance.
    edited_from: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem of a draft: the row (0-based, None for the route's own fields), field and text."""

    row: int | None
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Checked:
    """What :func:`check` found: each row's km (None when it cannot be known), how each was
    obtained, the route file's data, the Route when the draft is valid, and the problems."""

    km: tuple[float | None, ...]
    km_source: tuple[str, ...]
    data: dict[str, Any]
    route: Route | None
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        """True when the route can be saved and used."""
        return self.route is not None and not self.problems

    def row_problems(self, row: int) -> list[Problem]:
        """The problems of one row."""
        return [p for p in self.problems if p.row == row]


def slug(text: str) -> str:
    """A route name (``^[a-z0-9][a-z0-9-]*$``) from a title: "Cork → Dublin" → ``cork-dublin``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def has_coordinates(row: StopRow) -> bool:
    """True when both latitude and longitude are given."""
    return row.lat is not None and row.lon is not None


def compute_km(rows: list[StopRow]) -> tuple[list[float | None], list[str]]:
    """Each row's km and how it was obtained.

    Typed km win. Otherwise the first row is km 0, and any other row with coordinates is the km of
    the row before plus the geodesic length of the straight segment between them, when the row
    before has km and coordinates; else None ("give km or coordinates").
    """
    kms: list[float | None] = []
    sources: list[str] = []
    for index, row in enumerate(rows):
        if row.km is not None:
            kms.append(row.km)
            sources.append(BY_HAND)
            continue
        if index == 0:
            kms.append(0.0)
            sources.append("the origin: km 0")
            continue
        before, before_km = rows[index - 1], kms[index - 1]
        if has_coordinates(row) and has_coordinates(before) and before_km is not None:
            assert row.lat is not None and row.lon is not None  # for the type checker
            assert before.lat is not None and before.lon is not None
            segment = distance_m(before.lat, before.lon, row.lat, row.lon) / 1000.0
            kms.append(round(before_km + segment, 3))
            sources.append(f"km of {before.name or f'stop {index}'!r} plus the geodesic (WGS84) length "
                           f"of the straight line from it ({segment:.3f} km), from coordinates "
                           f"{BY_HAND}")
            continue
        kms.append(None)
        sources.append("")
    return kms, sources


def _number_or_none(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def route_data(draft: RouteDraft, kms: list[float | None] | None = None,
               km_sources: list[str] | None = None) -> dict[str, Any]:
    """The route file's data for a draft (it may not be valid; :func:`check` says why)."""
    if kms is None or km_sources is None:
        kms, km_sources = compute_km(draft.rows)
    top_provenance = {key: BY_HAND for key in ("name", "title", "max_speed_kmh", "average_speed_kmh")}
    data: dict[str, Any] = {
        "name": draft.name.strip(),
        "title": draft.title.strip(),
    }
    if draft.description.strip():
        data["description"] = draft.description.strip()
    for key in ("max_speed_kmh", "average_speed_kmh", "min_average_speed_kmh"):
        value = getattr(draft, key)
        if value is not None:
            data[key] = _number_or_none(value)
            top_provenance[key] = BY_HAND
        elif key != "min_average_speed_kmh":
            data[key] = None  # the loader names the missing speed
    data["speed_source"] = draft.speed_source.strip() or f"speeds {BY_HAND}"
    edited = f" (edited from {draft.edited_from})" if draft.edited_from else ""
    data["sources"] = [s for s in draft.sources if s.strip()] or [f"stops and speeds {BY_HAND}{edited}"]
    if draft.edited_from:
        top_provenance["stops"] = f"{BY_HAND}, edited from {draft.edited_from}"
    data["provenance"] = top_provenance
    stops: list[dict[str, Any]] = []
    for index, row in enumerate(draft.rows):
        provenance = {"name": BY_HAND, "kind": BY_HAND, "gauge_after": BY_HAND,
                      "gauge_before": BY_HAND if index == 0 else "the stop before's gauge after"}
        gauge_before = (row.gauge_before if row.gauge_before is not None else row.gauge) if index == 0 \
            else draft.rows[index - 1].gauge
        stop: dict[str, Any] = {"name": row.name.strip(), "kind": row.kind}
        km = kms[index]
        if km is not None:
            stop["km"] = _number_or_none(km)
            provenance["km"] = km_sources[index]
        if row.lat is not None or row.lon is not None:
            stop["lat"], stop["lon"] = row.lat, row.lon
            provenance["lat"] = provenance["lon"] = BY_HAND
        stop["gauge_before"], stop["gauge_after"] = gauge_before, row.gauge
        stop["timezone"] = row.timezone.strip() or draft.timezone.strip()
        provenance["timezone"] = BY_HAND if row.timezone.strip() else f"the route's time zone, {BY_HAND}"
        for key in _KEPT:
            if key in row.kept:
                stop[key] = row.kept[key]
        if row.dwell_minutes is not None:
            stop["dwell_minutes"] = _number_or_none(row.dwell_minutes)
            provenance["dwell_minutes"] = BY_HAND
            stop.setdefault("dwell_source", BY_HAND)
        stop["provenance"] = provenance
        stops.append(stop)
    data["stops"] = stops
    return data


def _problems_of(error: RouteError, where: str) -> list[Problem]:
    """The loader's message, one problem per line, with the row and field it names."""
    found = []
    for line in str(error).splitlines():
        text = line[len(where) + 2:] if line.startswith(f"{where}: ") else line
        text = re.sub(r" \(and \d+ more problem\(s\)\)$", "", text)
        match = _LINE.match(text)
        if match:
            found.append(Problem(int(match[1]) - 1, match[2], text))
            continue
        top = _TOP_FIELD.match(f"route: {text}")
        found.append(Problem(None, top[1] if top else None, text))
    return found


def check(draft: RouteDraft, where: str = "route") -> Checked:
    """Compute km, build the data and validate it with the route loader; never raises."""
    kms, km_sources = compute_km(draft.rows)
    problems: list[Problem] = []
    for index, row in enumerate(draft.rows):
        label = f"stop {index + 1}" + (f" {row.name.strip()!r}" if row.name.strip() else "")
        if (row.lat is None) != (row.lon is None):
            missing = "lat" if row.lat is None else "lon"
            problems.append(Problem(index, missing, f"{label}: field {missing!r}: give both latitude and "
                                                    "longitude, or neither"))
        if kms[index] is None:
            problems.append(Problem(index, "km", f"{label}: field 'km': give km, or coordinates for this "
                                                 "stop and the stop before"))
        for name, value in (("km", row.km), ("lat", row.lat), ("lon", row.lon),
                            ("dwell_minutes", row.dwell_minutes)):
            if value is not None and not math.isfinite(value):
                problems.append(Problem(index, name, f"{label}: field {name!r}: not a finite number"))
    data = route_data(draft, kms, km_sources)
    route: Route | None = None
    if len(draft.rows) < 2:
        problems.append(Problem(None, "stops", "a route needs at least two stops"))
    if not problems:
        try:
            route = route_from_data(data, where)
        except RouteError as exc:
            problems.extend(_problems_of(exc, where))
    else:
        # Still name every other problem the loader finds, so the reader sees them all at once.
        try:
            route_from_data(data, where)
        except RouteError as exc:
            known = {(p.row, p.field) for p in problems}
            problems.extend(p for p in _problems_of(exc, where) if (p.row, p.field) not in known)
    return Checked(tuple(kms), tuple(km_sources), data, route, tuple(problems))


def draft_from_route(route: Route) -> RouteDraft:
    """A draft holding a loaded route, to edit: every stop's km as it is, its other fields kept."""
    rows = []
    zones = [stop.timezone for stop in route.stops if stop.timezone]
    route_zone = max(set(zones), key=zones.count) if zones else "UTC"
    for index, stop in enumerate(route.stops):
        kept: dict[str, Any] = {}
        if stop.aliases:
            kept["aliases"] = list(stop.aliases)
        for key in ("notes", "dwell_min_minutes", "dwell_max_minutes", "dwell_source", "km_confidence"):
            value = getattr(stop, key)
            if value is not None:
                kept[key] = value
        rows.append(StopRow(
            name=stop.name, kind=stop.kind, km=stop.km, lat=stop.lat, lon=stop.lon,
            gauge=stop.gauge_after, dwell_minutes=stop.dwell_minutes,
            timezone="" if stop.timezone == route_zone else (stop.timezone or ""), kept=kept,
            gauge_before=stop.gauge_before if index == 0 else None,
        ))
    return RouteDraft(
        name=route.name, title=route.title, timezone=route_zone, max_speed_kmh=route.max_speed_kmh,
        average_speed_kmh=route.average_speed_kmh, min_average_speed_kmh=route.min_average_speed_kmh,
        description=route.description or "", sources=list(route.sources),
        speed_source=route.speed_source or "", rows=rows, edited_from=route.path or route.name,
    )


def new_draft(timezone: str = "UTC") -> RouteDraft:
    """An empty route: an origin and a destination to fill in."""
    return RouteDraft(timezone=timezone, rows=[StopRow(kind="origin"), StopRow(kind="destination")])


def write_route_file(data: dict[str, Any], out: str | Path) -> Path:
    """Write a checked route's data as a UTF-8 JSON route file; RouteError when it cannot be written."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise RouteError(f"{out}: cannot write ({exc.strerror})") from exc
    return out
