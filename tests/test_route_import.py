"""Routes made from a map: GeoJSON and GPX lines with stops, geodesic km, snapping, bad files.

The Pyongyang → Vladivostok files in ``tests/data/routes/`` join the station coordinates of the
project's route facts in order (a line of chords, so its km are shorter than the railway's); the
ferry Piraeus → Santorini is a second, unrelated journey with ports off its line. km are checked
against a reference computation done here independently (a mean-radius great circle summed along
the line, within 0.5 % of WGS84) and, where pyproj is installed, against pyproj's ``Geod``.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.journey.estimate import estimate
from monitor.journey.geodesy import Polyline, distance_m
from monitor.journey.importers import MAX_BYTES, RouteImportError, import_route, read_map
from monitor.journey.route import load_route
from monitor.model import Observation
from monitor.service import Monitor

ROOT = Path(__file__).resolve().parent.parent

DATA = Path(__file__).resolve().parent / "data" / "routes"
PV_GEOJSON = DATA / "pyongyang-vladivostok.geojson"
PV_GPX = DATA / "pyongyang-vladivostok.gpx"
FERRY = DATA / "piraeus-santorini-ferry.geojson"
TRAIN = {"max_speed_kmh": 59, "average_speed_kmh": 50, "min_average_speed_kmh": 30}


def _great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Reference: haversine on a 6,371.0088 km sphere, written out here on its own."""
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _reference_km(line: list[tuple[float, float]], stop: tuple[float, float]) -> float:
    """km along the line to the vertex nearest the stop (the test files put stops on vertices)."""
    nearest = min(range(len(line)), key=lambda i: _great_circle_km(line[i], stop))
    return sum(_great_circle_km(a, b) for a, b in zip(line[:nearest], line[1:nearest + 1], strict=True))


def _stops_of_geojson(path) -> dict[str, tuple[float, float]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["name"]: (f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0])
            for f in doc["features"] if f["geometry"]["type"] == "Point"}


# --- the geodesic distance ----------------------------------------------------------------------

def test_distance_along_the_equator_is_exactly_a_times_the_angle():
    for degrees in (0.001, 1.0, 3.0, 45.0, 150.0):
        assert distance_m(0.0, 0.0, 0.0, degrees) == pytest.approx(
            6_378_137.0 * math.radians(degrees), abs=1e-4)  # iterated to 1e-12 rad: micrometres


def test_distance_matches_the_published_flinders_peak_to_buninyong_line():
    """Vincenty's worked example (Geoscience Australia): 54,972.271 m."""
    def dms(d, m, s):
        return math.copysign(abs(d) + m / 60 + s / 3600, d)
    got = distance_m(dms(-37, 57, 3.72030), dms(144, 25, 29.52440), dms(-37, 39, 10.15610),
                     dms(143, 55, 35.38390))
    assert got == pytest.approx(54_972.271, abs=0.001)


def test_distance_agrees_with_pyproj():
    pyproj = pytest.importorskip("pyproj")
    geod = pyproj.Geod(ellps="WGS84")
    import random
    rng = random.Random(5)
    for _ in range(2000):
        lat1, lon1 = rng.uniform(-85, 85), rng.uniform(-180, 180)
        lat2, lon2 = max(-89.0, min(89.0, lat1 + rng.uniform(-8, 8))), lon1 + rng.uniform(-8, 8)
        reference = geod.inv(lon1, lat1, lon2, lat2)[2]
        assert distance_m(lat1, lon1, lat2, lon2) == pytest.approx(reference, abs=1e-3)


def test_a_point_off_a_line_along_the_equator_snaps_to_its_foot():
    line = Polyline([(0.0, 6.0), (0.0, 7.0), (0.0, 9.0)])
    snap = line.snap(0.01, 8.0)
    assert snap.along_km == pytest.approx(6378.137 * math.radians(2.0), rel=1e-9)
    assert snap.off_km == pytest.approx(distance_m(0.0, 8.0, 0.01, 8.0) / 1000, rel=1e-9)
    assert snap.segment == 1 and snap.lat == 0.0


# --- the two journeys ---------------------------------------------------------------------------

def test_geojson_pyongyang_vladivostok_km_within_one_percent_of_the_reference(tmp_path):
    result = import_route(PV_GEOJSON)
    doc = json.loads(PV_GEOJSON.read_text(encoding="utf-8"))
    feature = next(f for f in doc["features"] if f["geometry"]["type"] == "LineString")
    line = [(lat, lon) for lon, lat in feature["geometry"]["coordinates"]]
    where = _stops_of_geojson(PV_GEOJSON)
    assert [s.name for s in result.stops] == list(where)  # in order along the line
    for stop in result.stops[1:]:
        reference = _reference_km(line, where[stop.name])
        assert abs(stop.km - reference) <= 0.01 * reference, (stop.name, stop.km, reference)
    # The written file is a route like any other: the loader checks it against the schema.
    out = tmp_path / "pv.json"
    out.write_text(json.dumps(result.data, ensure_ascii=False), encoding="utf-8")
    route = load_route(out)
    stops = {s.name: s for s in route.stops}
    assert stops["Tumangang"].kind == "gauge_change"
    assert (stops["Tumangang"].gauge_before, stops["Tumangang"].gauge_after) == (1435, 1520)
    assert stops["Khasan"].gauge_before == 1520 and stops["Vladivostok"].gauge_after == 1520
    assert stops["Tumangang"].timezone == "Asia/Pyongyang" and stops["Khasan"].timezone == "Asia/Vladivostok"
    assert stops["Khasan"].dwell_minutes == 60 and "dwell_minutes" in stops["Khasan"].dwell_source
    assert route.max_speed_kmh == 59 and route.min_average_speed_kmh == 30
    # Tumangang → Khasan is a short hop on the map as on the railway (2.2 km there).
    assert 1.0 < stops["Khasan"].km - stops["Tumangang"].km < 6.0


def test_pyproj_gives_the_same_km_within_one_percent():
    pyproj = pytest.importorskip("pyproj")
    geod = pyproj.Geod(ellps="WGS84")
    result = import_route(PV_GEOJSON)
    drawing = read_map(PV_GEOJSON)
    where = _stops_of_geojson(PV_GEOJSON)
    for stop in result.stops[1:]:
        upto = drawing.line.index(where[stop.name]) + 1
        lats, lons = zip(*drawing.line[:upto], strict=True)
        reference = geod.line_length(lons, lats) / 1000
        assert abs(stop.km - reference) <= 0.01 * reference
        assert stop.km == pytest.approx(reference, abs=0.001)  # and to the metre


def test_gpx_gives_the_same_km_as_geojson_and_snaps_an_off_line_waypoint():
    from_geojson = {s.name: s.km for s in import_route(PV_GEOJSON).stops}
    result = import_route(PV_GPX, speeds=TRAIN)
    by_name = {s.name: s for s in result.stops}
    assert "Friendship Bridge" not in by_name  # the GPX file has no waypoint for it
    for name, stop in by_name.items():
        if name != "Hongui":
            assert stop.km == pytest.approx(from_geojson[name], abs=0.001) and stop.off_km < 0.001
    # Hongui's waypoint is the station building, 300 m north of the line: kept, km at the line.
    assert 0.25 < by_name["Hongui"].off_km < 0.35
    assert by_name["Hongui"].km == pytest.approx(from_geojson["Hongui"], abs=0.5)
    data = result.data
    assert data["title"] == "Pyongyang → Vladivostok (GPX)"
    tumangang = next(s for s in data["stops"] if s["name"] == "Tumangang")
    assert (tumangang["kind"], tumangang["gauge_after"], tumangang["dwell_minutes"]) == (
        "gauge_change", 1520, 90)
    assert data["provenance"]["max_speed_kmh"] == "command line --max-speed"


def test_every_value_says_where_it_came_from():
    for path, speeds in ((PV_GEOJSON, None), (PV_GPX, TRAIN), (FERRY, None)):
        data = import_route(path, speeds=speeds).data
        for stop in data["stops"]:
            told = set(stop) - {"provenance", "coords_note", "dwell_source", "notes"}
            assert told <= set(stop["provenance"]), (path.name, stop["name"], told - set(stop["provenance"]))
            assert path.name in stop["provenance"]["km"] and "geodesic" in stop["provenance"]["km"]
        assert {"name", "title", "max_speed_kmh", "average_speed_kmh"} <= set(data["provenance"])


def test_a_ferry_route_from_a_multilinestring_with_ports_off_the_line(tmp_path):
    result = import_route(FERRY)
    assert [s.name for s in result.stops] == ["Piraeus", "Syros (Ermoupoli)", "Paros (Parikia)", "Naxos",
                                              "Santorini (Athinios)"]
    # Quays lie off the sea lane: each within the limit, the two beyond 0.5 km warned about.
    assert all(s.off_km < 2.0 for s in result.stops)
    warned = [s.name for s in result.stops if s.off_km > 0.5]
    assert warned and all(any(name in w for w in result.warnings) for name in warned)
    route = result.route
    assert all(s.gauge_before is None and s.timezone == "Europe/Athens" for s in route.stops)
    doc = json.loads(FERRY.read_text(encoding="utf-8"))
    legs = next(f for f in doc["features"] if f["geometry"]["type"] == "MultiLineString")["geometry"]
    line = []
    for leg in legs["coordinates"]:
        line += [(lat, lon) for lon, lat in leg if not line or (lat, lon) != line[-1]]
    polyline = Polyline(line)

    def along(lat, lon):  # reference: great-circle length of the line up to the point's foot on it
        snap = polyline.snap(lat, lon)
        vertices = [*line[:snap.segment + 1], (snap.lat, snap.lon)]
        return sum(_great_circle_km(a, b) for a, b in zip(vertices, vertices[1:], strict=False))

    ports = _stops_of_geojson(FERRY)
    start = along(*ports["Piraeus"])
    for stop in result.stops[1:]:
        reference = along(*ports[stop.name]) - start
        assert abs(stop.km - reference) <= 0.01 * reference, (stop.name, stop.km, reference)
    # The estimator runs on it like on a railway.
    t0 = datetime(2024, 7, 1, 4, 30, tzinfo=UTC)
    left = Observation(post_id=1, stop="Piraeus", kind="departed", at=t0, precision="minute", evidence="left",
                       window_start=t0, window_end=t0 + timedelta(minutes=1))
    est = estimate(route, [left], t0 + timedelta(hours=3))
    assert est.state in ("moving", "dwelling") and 0 < est.km_min <= est.km_max <= route.length_km


def test_cli_writes_a_route_that_monitor_route_uses(tmp_path):
    out = tmp_path / "pv.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["route-import", str(PV_GPX), "--out", str(out), "--max-speed", "59",
                                 "--average-speed", "50", "--min-speed", "30", "--name", "pv-drawn"])
    assert result.exit_code == 0, result.output
    assert "Tumangang" in result.output and f"wrote {out}" in result.output
    assert load_route(out).name == "pv-drawn"
    Monitor(tmp_path / "m.db").close()  # reading commands never make the file
    shown = runner.invoke(cli, ["route", "--db", str(tmp_path / "m.db"), "--route", str(out), "--json",
                                "--at", "2023-09-12T06:00:00+09:00"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["route"] == "pv-drawn"


# --- bad files ----------------------------------------------------------------------------------

def _geojson(tmp_path, features, name="bad.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def _point(name, lon, lat, **props):
    return {"type": "Feature", "properties": {"name": name, **props},
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


_LINE = {"type": "Feature", "properties": {"max_speed_kmh": 50, "average_speed_kmh": 40},
         "geometry": {"type": "LineString", "coordinates": [[10.0, 50.0], [11.0, 50.0]]}}


def _cli_error(path, *extra):
    result = CliRunner().invoke(cli, ["route-import", str(path), "--out", str(path.with_suffix(".out.json")),
                                      *extra])
    assert result.exit_code != 0
    assert str(path) in result.output
    assert not path.with_suffix(".out.json").exists()  # nothing half-written
    return result.output


@pytest.mark.parametrize("features, problem", [
    ([_point("A", 10.0, 50.0, timezone="UTC"), _point("B", 11.0, 50.0, timezone="UTC")], "no line"),
    ([_LINE, _point("A", 10.0, 50.0, timezone="UTC")], "1 stop(s)"),
    ([_LINE, _point("A", 10.0, 50.0, timezone="UTC"), _point("Far", 10.5, 50.2, timezone="UTC")],
     "'Far' (feature 3) lies 22."),
    ([_LINE, _point("A", 10.0, 50.0), _point("B", 11.0, 50.0)], "no time zone"),
    ([_LINE, _point("A", 10.0, 50.0, country="Atlantis"), _point("B", 11.0, 50.0, country="DE")],
     "unknown country 'Atlantis'"),
    ([_LINE, _point("A", 10.0, 95.0, timezone="UTC"), _point("B", 11.0, 50.0, timezone="UTC")],
     "not on the Earth"),
    ([_LINE, {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10, 50]}}],
     "needs a \"name\""),
    ([_LINE, _point("A", 10.0, 50.0, timezone="UTC"), _point("B", 11.0, 50.0, timezone="UTC", gauge_mm=1000)],
     "gauge_mm 1000"),
])
def test_bad_geojson_is_refused_naming_the_file_and_the_problem(tmp_path, features, problem):
    path = _geojson(tmp_path, features)
    with pytest.raises(RouteImportError) as caught:
        import_route(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)
    assert problem in _cli_error(path)


def test_a_stop_far_off_may_be_allowed_with_a_wider_limit(tmp_path):
    path = _geojson(tmp_path, [_LINE, _point("A", 10.0, 50.0, timezone="UTC"),
                               _point("Far", 10.5, 50.2, timezone="UTC")])
    result = import_route(path, max_off_km=30)
    assert result.stops[-1].name == "Far" and result.stops[-1].off_km > 20
    assert result.data["stops"][-1]["km_confidence"] == "low"


@pytest.mark.parametrize("text, problem", [
    ("{\"type\": \"FeatureCollection\", \"features\": [", "invalid JSON at line 1"),
    ("[1, 2]", "not a GeoJSON FeatureCollection"),
    ("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {}, "
     "\"geometry\": {\"type\": \"LineString\", \"coordinates\": [[NaN, 1], [2, 3]]}}]}", "NaN"),
])
def test_broken_json_is_refused(tmp_path, text, problem):
    path = tmp_path / "broken.geojson"
    path.write_text(text, encoding="utf-8")
    assert problem in _cli_error(path)


@pytest.mark.parametrize("text, problem", [
    ("<gpx><trk><trkseg><trkpt lat='1' lon='2'></trkseg></trk></gpx>", "not well-formed XML at line 1"),
    ("<?xml version='1.0'?><!DOCTYPE gpx [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
     "<gpx><wpt lat='1' lon='2'><name>&b;</name></wpt></gpx>", "refused XML"),
    ("<kml><Placemark/></kml>", "not a GPX file"),
    ("<gpx><trk><trkseg><trkpt lat='50' lon='10'/><trkpt lat='50' lon='11'/></trkseg></trk></gpx>",
     "0 stop(s)"),
    ("<gpx><wpt lat='50' lon='10'><name>A</name></wpt><wpt lat='50' lon='11'><name>B</name></wpt></gpx>",
     "no line"),
    ("<gpx><trk><trkseg><trkpt lat='north' lon='10'/></trkseg></trk></gpx>", "numeric lat and lon"),
])
def test_bad_gpx_is_refused(tmp_path, text, problem):
    path = tmp_path / "bad.gpx"
    path.write_text(text, encoding="utf-8")
    assert problem in _cli_error(path, "--max-speed", "50", "--average-speed", "40", "--timezone", "UTC")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.geojson"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no time or disk spent
    assert "larger than" in _cli_error(path)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_fifo_or_device_is_refused_unread(tmp_path, special):
    # A FIFO with no writer blocked route-import for ever in open(); a device was read as a file.
    if special == "fifo":
        path = tmp_path / "line.geojson"
        os.mkfifo(path)
    else:
        path = Path(special)
    done = subprocess.run([sys.executable, "-m", "monitor", "route-import", str(path), "--out",
                           str(tmp_path / "out.json")], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and f"{path}: not a regular file" in done.stderr, done.stderr


def test_missing_speeds_are_asked_for(tmp_path):
    path = tmp_path / "slow.gpx"
    path.write_text("<gpx><wpt lat='50' lon='10'><name>A</name></wpt><wpt lat='50' lon='11'><name>B</name>"
                    "</wpt><trk><trkseg><trkpt lat='50' lon='10'/><trkpt lat='50' lon='11'/></trkseg></trk>"
                    "</gpx>", encoding="utf-8")
    assert "give --max-speed" in _cli_error(path, "--timezone", "UTC")
