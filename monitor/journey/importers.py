"""Make a route file from a line drawn on a map: GeoJSON or GPX.

A GeoJSON FeatureCollection gives the line as LineString or MultiLineString features (joined in
order) and the stops as Point features with a ``name`` and optional ``kind``, ``gauge_mm``,
``dwell_minutes``, ``country`` and ``timezone`` properties. A GPX file gives the line as its track
(``trk``/``trkseg``/``trkpt``; a ``rte`` when there is no track) and the stops as waypoints
(``wpt`` with ``name``, ``type`` as the kind, and the same properties as ``extensions``
children). GPX is parsed with defusedxml: no entities, no DTDs, nothing fetched.

Each stop is snapped to the nearest point of the line; its km is the geodesic length of the line
from the first stop to that point (WGS84, :mod:`monitor.journey.geodesy`). A stop further off the
line than ``max_off_km`` is refused, one more than ``WARN_OFF_KM`` off is warned about. The result
passes ``route.schema.json``, and every value says where it came from in ``provenance``.

Every problem is a :class:`RouteImportError` naming the file (and the feature or waypoint).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml

from monitor.journey.geodesy import Polyline, haversine_m
from monitor.journey.route import RouteError, route_from_data
from monitor.model import STOP_KINDS, Route

#: Larger files are refused before they are read: a route's line needs far less.
MAX_BYTES = 20 * 1024 * 1024
MAX_POINTS = 200_000
MAX_STOPS = 2_000
#: A stop further off the line than this (km) is refused unless the caller allows more.
DEFAULT_MAX_OFF_KM = 2.0
#: A stop further off than this (km) is kept with a warning.
WARN_OFF_KM = 0.5
#: Parts of a line further apart than this (km) are joined with a warning.
_GAP_KM = 1.0
_GAUGES = (1067, 1435, 1520, 1524, 1668)
_SPEEDS = (("max_speed_kmh", "--max-speed"), ("average_speed_kmh", "--average-speed"),
           ("min_average_speed_kmh", "--min-speed"))


class RouteImportError(RouteError):
    """A map file cannot be made into a route; the message names the file and the problem."""


@dataclass(slots=True)
class MapStop:
    """A named point from the file, before it is placed on the line."""

    name: str
    lat: float
    lon: float
    properties: dict[str, Any]
    where: str  # "feature 3", "waypoint 2"


@dataclass(slots=True)
class Drawing:
    """What a map file holds: the line, the stops and properties of the whole route."""

    path: Path
    format: str
    line: list[tuple[float, float]]
    stops: list[MapStop]
    properties: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PlacedStop:
    """A stop on the imported route: km along the line and how far off the line it lies."""

    name: str
    km: float
    off_km: float
    kind: str
    timezone: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The route file's data (passes the schema), the loaded route and what to tell the user."""

    data: dict[str, Any]
    route: Route
    stops: tuple[PlacedStop, ...]
    line_km: float
    warnings: tuple[str, ...]


# --- reading files ----------------------------------------------------------------------------

def _read_bytes(path: Path) -> bytes:
    try:
        # Opened without blocking and checked before reading: a FIFO may never start, a device
        # never end.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise RouteImportError(f"{path}: cannot read ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise RouteImportError(f"{path}: not a regular file; only files are read")
        if found.st_size > MAX_BYTES:
            raise RouteImportError(f"{path}: {found.st_size:,} bytes is larger than the {MAX_BYTES:,} "
                                   "a route file may be")
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise RouteImportError(f"{path}: cannot read ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:  # grew while being read
        raise RouteImportError(f"{path}: larger than the {MAX_BYTES:,} bytes a route file may be")
    return data


def _coordinate(value: object, path: Path, where: str) -> tuple[float, float]:
    """(lat, lon) from a GeoJSON position [lon, lat, ...]."""
    if (not isinstance(value, list) or len(value) < 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2])):
        raise RouteImportError(f"{path}: {where}: a position must be [longitude, latitude], not "
                               f"{json.dumps(value)[:60]}")
    lon, lat = float(value[0]), float(value[1])
    return _checked(lat, lon, path, where)


def _checked(lat: float, lon: float, path: Path, where: str) -> tuple[float, float]:
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise RouteImportError(f"{path}: {where}: latitude {lat} / longitude {lon} is not on the Earth")
    return lat, lon


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def read_geojson(path: Path) -> Drawing:
    """The line and stops of a GeoJSON FeatureCollection."""
    raw = _read_bytes(path)
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise RouteImportError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise RouteImportError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                               f"{exc.msg}") from exc
    except (ValueError, RecursionError) as exc:
        raise RouteImportError(f"{path}: invalid JSON: {str(exc)[:200] or 'nested too deeply'}") from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" \
            or not isinstance(doc.get("features"), list):
        raise RouteImportError(f"{path}: not a GeoJSON FeatureCollection (no \"type\": "
                               "\"FeatureCollection\" with a \"features\" list)")
    drawing = Drawing(path, "GeoJSON", [], [], {})
    top = doc.get("properties")
    if isinstance(top, dict):
        drawing.properties.update(top)
    parts: list[list[tuple[float, float]]] = []
    for number, feature in enumerate(doc["features"], start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
            raise RouteImportError(f"{path}: {where}: not a GeoJSON Feature with a geometry")
        geometry, props = feature["geometry"], feature.get("properties") or {}
        if not isinstance(props, dict):
            raise RouteImportError(f"{path}: {where}: \"properties\" must be an object")
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        if kind == "LineString":
            lines = [coords]
        elif kind == "MultiLineString":
            if not isinstance(coords, list):
                raise RouteImportError(f"{path}: {where}: MultiLineString coordinates must be a list")
            lines = coords
        elif kind == "Point":
            name = props.get("name")
            if not isinstance(name, str) or not name.strip():
                raise RouteImportError(f"{path}: {where}: a stop (Point) needs a \"name\" property")
            lat, lon = _coordinate(coords, path, where)
            drawing.stops.append(MapStop(name.strip(), lat, lon, props, where))
            continue
        else:
            drawing.warnings.append(f"{path}: {where}: {kind} ignored (only LineString, "
                                    "MultiLineString and Point are used)")
            continue
        for line in lines:
            if not isinstance(line, list) or len(line) < 2:
                raise RouteImportError(f"{path}: {where}: a line needs a list of at least two positions")
            parts.append([_coordinate(p, path, where) for p in line])
            if sum(len(p) for p in parts) > MAX_POINTS:
                raise RouteImportError(f"{path}: more than {MAX_POINTS:,} points in the line")
        # The line's speeds and sources are the route's; its own name is not.
        for key in (*(k for k, _ in _SPEEDS), "sources", "description"):
            if key in props:
                drawing.properties.setdefault(key, props[key])
    drawing.line = _joined(parts, drawing)
    return drawing


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: Element, name: str) -> str | None:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else None


def _gpx_line(points: list[Element], path: Path, count: int, kind: str, where: str
              ) -> list[tuple[float, float]]:
    """The (lat, lon) of one GPX track segment or route, ``where`` naming it in errors.

    ``count`` is the number of points read so far, these included: past MAX_POINTS the file is
    refused before any point is parsed.
    """
    if count > MAX_POINTS:
        raise RouteImportError(f"{path}: more than {MAX_POINTS:,} points in the {kind}")
    return [_gpx_point(p, path, f"{where} point {n}") for n, p in enumerate(points, start=1)]


def _gpx_point(element: Element, path: Path, where: str) -> tuple[float, float]:
    try:
        lat, lon = float(element.attrib["lat"]), float(element.attrib["lon"])
    except (KeyError, ValueError) as exc:
        raise RouteImportError(f"{path}: {where}: needs numeric lat and lon attributes") from exc
    return _checked(lat, lon, path, where)


def _number(text: str) -> float | str:
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def read_gpx(path: Path) -> Drawing:
    """The track (or route) and waypoints of a GPX file, parsed safely."""
    raw = _read_bytes(path)
    try:
        root = parse_xml(raw, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise RouteImportError(f"{path}: refused XML ({type(exc).__name__}): entities and DTDs "
                               "are not allowed in a GPX file") from exc
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise RouteImportError(f"{path}: not well-formed XML at line {line}, column {column}") from exc
    if _local(root.tag) != "gpx":
        raise RouteImportError(f"{path}: not a GPX file (the root element is <{_local(root.tag)}>, "
                               "not <gpx>)")
    drawing = Drawing(path, "GPX", [], [], {})
    metadata = _children(root, "metadata")
    if metadata and _text(metadata[0], "name"):
        drawing.properties["title"] = _text(metadata[0], "name")
    parts: list[list[tuple[float, float]]] = []
    count = 0
    tracks = _children(root, "trk")
    for t_number, track in enumerate(tracks, start=1):
        for s_number, segment in enumerate(_children(track, "trkseg"), start=1):
            points = _children(segment, "trkpt")
            count += len(points)
            parts.append(_gpx_line(points, path, count, "track", f"track {t_number} segment {s_number}"))
        if "title" not in drawing.properties and _text(track, "name"):
            drawing.properties["title"] = _text(track, "name")
    if not tracks:
        for r_number, rte in enumerate(_children(root, "rte"), start=1):
            points = _children(rte, "rtept")
            count += len(points)
            parts.append(_gpx_line(points, path, count, "route", f"route {r_number}"))
    parts = [p for p in parts if len(p) >= 2]
    for number, waypoint in enumerate(_children(root, "wpt"), start=1):
        where = f"waypoint {number}"
        name = _text(waypoint, "name")
        if not name:
            raise RouteImportError(f"{path}: {where}: a stop (wpt) needs a <name>")
        lat, lon = _gpx_point(waypoint, path, where)
        props: dict[str, Any] = {}
        if _text(waypoint, "type"):
            props["kind"] = _text(waypoint, "type")
        for extensions in _children(waypoint, "extensions"):
            for child in extensions.iter():
                if child is not extensions and len(child) == 0 and (child.text or "").strip():
                    props[_local(child.tag)] = _number((child.text or "").strip())
        drawing.stops.append(MapStop(name, lat, lon, props, where))
    drawing.line = _joined(parts, drawing)
    return drawing


def _joined(parts: list[list[tuple[float, float]]], drawing: Drawing) -> list[tuple[float, float]]:
    """The parts of a line one after another, without repeated points; gaps are warned about."""
    line: list[tuple[float, float]] = []
    for part in parts:
        if line:
            gap = haversine_m(*line[-1], *part[0]) / 1000
            if gap > _GAP_KM:
                drawing.warnings.append(f"{drawing.path}: the line's parts are {gap:.1f} km apart; "
                                        "joined with a straight line")
        for point in part:
            if not line or point != line[-1]:
                line.append(point)
    return line


def read_map(path: str | Path) -> Drawing:
    """A GeoJSON or GPX file by its suffix (``.geojson``/``.json``, ``.gpx``), else by its content."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return read_geojson(path)
    if suffix == ".gpx":
        return read_gpx(path)
    head = _read_bytes(path)[:512].lstrip()
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        return read_gpx(path)
    if head.startswith((b"{", b"\xef\xbb\xbf{")):
        return read_geojson(path)
    raise RouteImportError(f"{path}: neither GeoJSON nor GPX (give the file a .geojson or .gpx name)")


# --- time zones from the tz database's own table of countries ---------------------------------

def _tz_table(name: str) -> str:
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return Path("/usr/share/zoneinfo", name).read_text(encoding="utf-8")


def _dms(text: str, degree_digits: int) -> float:
    sign = -1.0 if text[0] == "-" else 1.0
    digits = text[1:]
    degrees = int(digits[:degree_digits])
    minutes = int(digits[degree_digits:degree_digits + 2])
    seconds = int(digits[degree_digits + 2:] or 0)
    return sign * (degrees + minutes / 60 + seconds / 3600)


def _zones_by_country() -> dict[str, list[tuple[float, float, str]]]:
    table: dict[str, list[tuple[float, float, str]]] = {}
    for row in _tz_table("zone.tab").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        code, coords, zone = row.split("\t")[:3]
        match = re.fullmatch(r"([+-]\d+)([+-]\d+)", coords)
        if match:
            lat = _dms(match[1], 2)
            lon = _dms(match[2], 3)
            table.setdefault(code.upper(), []).append((lat, lon, zone))
    return table


def _country_codes() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _tz_table("iso3166.tab").splitlines():
        if row.startswith("#") or "\t" not in row:
            continue
        code, name = row.split("\t")[:2]
        names[name.strip().casefold()] = code.upper()
    return names


def zone_for(country: str, lat: float, lon: float) -> str | None:
    """The time zone of ``country`` (ISO 3166 code or name) whose reference place is nearest."""
    code = country.strip().upper()
    zones = _zones_by_country()
    if code not in zones:
        code = _country_codes().get(country.strip().casefold(), "")
    candidates = zones.get(code)
    if not candidates:
        return None
    return min(candidates, key=lambda c: haversine_m(lat, lon, c[0], c[1]))[2]


# --- making the route -------------------------------------------------------------------------

def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "imported-route"


def _valid_zone(name: object) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def import_route(path: str | Path, *, name: str | None = None, title: str | None = None,
                 speeds: dict[str, float | None] | None = None, timezone: str | None = None,
                 max_off_km: float = DEFAULT_MAX_OFF_KM) -> ImportResult:
    """Read a GeoJSON or GPX file and make a route of it (see the module's docstring).

    ``speeds`` may give ``max_speed_kmh``, ``average_speed_kmh`` and ``min_average_speed_kmh``
    (they win over the file's line properties); ``timezone`` is used for stops with neither a
    ``timezone`` nor a ``country``. Raises RouteImportError naming the file and the problem.
    """
    drawing = read_map(path)
    path = drawing.path
    file = path.name
    if len(drawing.line) < 2:
        raise RouteImportError(f"{path}: no line: a route needs a LineString or MultiLineString "
                               "(GeoJSON) or a track of two or more points (GPX)")
    if len(drawing.stops) < 2:
        raise RouteImportError(f"{path}: {len(drawing.stops)} stop(s): a route needs at least two named "
                               "stops (Point features in GeoJSON, waypoints in GPX)")
    if len(drawing.stops) > MAX_STOPS:
        raise RouteImportError(f"{path}: {len(drawing.stops):,} stops; at most {MAX_STOPS:,}")
    if timezone is not None and not _valid_zone(timezone):
        raise RouteImportError(f"{path}: --timezone {timezone!r} is not a known time zone")
    line = Polyline(drawing.line)
    warnings = list(drawing.warnings)
    snapped = []
    too_far = []
    for stop in drawing.stops:
        snap = line.snap(stop.lat, stop.lon)
        if snap.off_km > max_off_km:
            too_far.append(f"{path}: stop {stop.name!r} ({stop.where}) lies {snap.off_km:.2f} km off the "
                           f"line (at most {max_off_km:g} km)")
        elif snap.off_km > WARN_OFF_KM:
            warnings.append(f"{path}: stop {stop.name!r} ({stop.where}) lies {snap.off_km:.2f} km off "
                            "the line; its km is that of the nearest point of the line")
        snapped.append((snap, stop))
    if too_far:
        raise RouteImportError("\n".join(too_far))
    snapped.sort(key=lambda pair: pair[0].along_km)
    start_km = snapped[0][0].along_km
    if start_km > _GAP_KM:
        warnings.append(f"{path}: the line starts {start_km:.1f} km before the first stop "
                        f"{snapped[0][1].name!r}; km count from that stop")
    beyond = line.length_km - snapped[-1][0].along_km
    if beyond > _GAP_KM:
        warnings.append(f"{path}: the line goes on {beyond:.1f} km after the last stop "
                        f"{snapped[-1][1].name!r}")

    line_source = (f"geodesic (WGS84) length along the line of {file} ({drawing.format}, "
                   f"{len(drawing.line)} points) from {snapped[0][1].name!r}")
    stops: list[dict[str, Any]] = []
    placed: list[PlacedStop] = []
    problems: list[str] = []
    gauge = _first_gauge(snapped)
    for index, (snap, stop) in enumerate(snapped):
        props, origin = stop.properties, f"{file}: {stop.where}"
        km = round(snap.along_km - start_km, 3)
        if stops and km <= stops[-1]["km"]:
            problems.append(f"{path}: stops {stops[-1]['name']!r} and {stop.name!r} ({stop.where}) fall on "
                            f"the same point of the line (km {km:g})")
        provenance = {
            "km": f"{line_source}, to the nearest point of the line ({snap.off_km:.3f} km off it)",
            "lat": f"{origin} coordinates", "lon": f"{origin} coordinates",
            "name": f"{origin} name",
        }
        kind = _kind(props.get("kind"), index, len(snapped), stop, warnings, path)
        provenance["kind"] = (f"{origin} kind" if props.get("kind") == kind
                              else "first stop along the line" if kind == "origin"
                              else "last stop along the line" if kind == "destination" else "default")
        gauge_before = gauge
        given = props.get("gauge_mm")
        if given is not None:
            if given not in _GAUGES:
                problems.append(f"{path}: stop {stop.name!r} ({stop.where}): gauge_mm {given!r} is not "
                                f"one of {', '.join(map(str, _GAUGES))}")
            else:
                gauge = int(given)
        gauge_after = gauge
        if index == 0:
            gauge_before = gauge_after
        if gauge_after is None:
            provenance["gauge_after"] = provenance["gauge_before"] = f"no gauge_mm in {file}: not given"
        else:
            provenance["gauge_after"] = (f"{origin} gauge_mm" if given is not None
                                         else "carried from the stop before")
            provenance["gauge_before"] = ("the stop before" if index else provenance["gauge_after"])
        zone, zone_source = _zone(stop, timezone, origin, problems, path)
        row: dict[str, Any] = {
            "name": stop.name, "km": km, "kind": kind, "lat": round(stop.lat, 6),
            "lon": round(stop.lon, 6), "gauge_before": gauge_before, "gauge_after": gauge_after,
            "timezone": zone or "UTC",
            "km_confidence": "high" if snap.off_km <= 0.1 else "medium" if snap.off_km <= WARN_OFF_KM
            else "low",
        }
        provenance["timezone"] = zone_source
        provenance["km_confidence"] = f"from the distance off the line ({snap.off_km:.3f} km)"
        if snap.off_km > 0.001:
            row["coords_note"] = (f"the stop lies {snap.off_km:.3f} km off the line; km is at the nearest "
                                  "point of the line")
        if index not in (0, len(snapped) - 1):
            dwell = props.get("dwell_minutes")
            if dwell is not None:
                if isinstance(dwell, bool) or not isinstance(dwell, (int, float)) or dwell < 0:
                    problems.append(f"{path}: stop {stop.name!r} ({stop.where}): dwell_minutes {dwell!r} "
                                    "is not a number of minutes")
                else:
                    row["dwell_minutes"] = dwell
                    row["dwell_source"] = provenance["dwell_minutes"] = f"{origin} dwell_minutes"
        if isinstance(props.get("notes"), str):
            row["notes"] = props["notes"]
        row["provenance"] = provenance
        stops.append(row)
        placed.append(PlacedStop(stop.name, km, snap.off_km, kind, row["timezone"]))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise RouteImportError(problems[0] + more + ("\n" + "\n".join(problems[1:50]) if more else ""))

    data: dict[str, Any] = {
        "name": _slug(name or str(drawing.properties.get("name") or path.stem)),
        "title": title or str(drawing.properties.get("title") or "")
        or f"{stops[0]['name']} → {stops[-1]['name']}",
    }
    provenance_top = {
        "name": "--name" if name else f"{file} name" if drawing.properties.get("name") else "file name",
        "title": "--title" if title else f"{file} title" if drawing.properties.get("title")
        else "first and last stop",
    }
    for key, option in _SPEEDS:
        chosen = (speeds or {}).get(key)
        if chosen is not None:
            data[key], provenance_top[key] = float(chosen), f"command line {option}"
        elif isinstance(drawing.properties.get(key), (int, float)) and not isinstance(
                drawing.properties.get(key), bool):
            data[key], provenance_top[key] = float(drawing.properties[key]), f"{file} property {key}"
        elif key != "min_average_speed_kmh":
            raise RouteImportError(f"{path}: no {key}: give {option} or a {key!r} property on the line")
    data["speed_source"] = "; ".join(f"{k}: {provenance_top[k]}" for k, _ in _SPEEDS if k in data)
    extra = drawing.properties.get("sources")
    data["sources"] = [f"imported from {file} ({drawing.format}): {len(drawing.line)} points, "
                       f"{line.length_km:.1f} km along the line (WGS84 geodesic)"]
    if isinstance(extra, list):
        data["sources"] += [s for s in extra if isinstance(s, str) and s]
    if isinstance(drawing.properties.get("description"), str):
        data["description"] = drawing.properties["description"]
    data["provenance"] = provenance_top
    data["stops"] = stops
    route = route_from_data(data, str(path))
    return ImportResult(data, route, tuple(placed), line.length_km, tuple(warnings))


def _first_gauge(snapped: list) -> int | None:
    for _, stop in snapped:
        given = stop.properties.get("gauge_mm")
        if given in _GAUGES:
            return int(given)
    return None


def _kind(given: object, index: int, count: int, stop: MapStop, warnings: list[str], path: Path) -> str:
    end = "origin" if index == 0 else "destination" if index == count - 1 else None
    if end:
        if given not in (None, end):
            which = "first" if end == "origin" else "last"
            warnings.append(f"{path}: stop {stop.name!r} ({stop.where}): kind {given!r} replaced by "
                            f"{end!r} (it is the {which} stop along the line)")
        return end
    if given is None:
        return "station"
    if given not in STOP_KINDS or given in ("origin", "destination"):
        warnings.append(f"{path}: stop {stop.name!r} ({stop.where}): kind {given!r} is not a kind a stop "
                        "between the ends may have; 'station' used")
        return "station"
    return str(given)


def _zone(stop: MapStop, default: str | None, origin: str, problems: list[str],
          path: Path) -> tuple[str | None, str]:
    given = stop.properties.get("timezone")
    if given is not None:
        if _valid_zone(given):
            return str(given), f"{origin} timezone"
        problems.append(f"{path}: stop {stop.name!r} ({stop.where}): unknown time zone {given!r}")
        return None, ""
    country = stop.properties.get("country")
    if isinstance(country, str) and country.strip():
        zone = zone_for(country, stop.lat, stop.lon)
        if zone:
            return zone, f"nearest zone of country {country!r} ({origin}) in the tz database's zone.tab"
        problems.append(f"{path}: stop {stop.name!r} ({stop.where}): unknown country {country!r} "
                        "(give an ISO 3166 code such as KP)")
        return None, ""
    if default:
        return default, "command line --timezone"
    problems.append(f"{path}: stop {stop.name!r} ({stop.where}): no time zone: give it a 'timezone' or "
                    "'country' property, or use --timezone")
    return None, ""


def write_route(result: ImportResult, out: str | Path) -> Path:
    """Write the route file (UTF-8 JSON) and return its path."""
    out = Path(out)
    try:
        out.write_text(json.dumps(result.data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise RouteImportError(f"{out}: cannot write ({exc.strerror})") from exc
    return out
