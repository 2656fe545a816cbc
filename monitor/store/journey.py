"""Routes, their stops, observations from posts, and the route in use.

Tables: ``routes`` (one row per route, by ``name``), ``stops`` (ordered, per route), ``observations``
(what a post says about a stop, with its time window; foreign keys to ``posts`` and ``routes``) and
``settings`` (key/value; ``journey.route`` is the route in use, ``""`` when none was chosen).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from monitor.model import Observation, Route, Stop, parse_iso, to_iso, utc_now

ROUTE_SETTING = "journey.route"


def migrate_journey(db: Database) -> None:
    """Create the routes, stops, observations and settings tables."""
    db.table("routes").create(
        {
            "id": int,
            "name": str,
            "title": str,
            "description": str,
            "path": str,
            "max_speed_kmh": float,
            "average_speed_kmh": float,
            "min_average_speed_kmh": float,
            "speed_source": str,
            "sources": str,  # JSON list
            "loaded": str,
        },
        pk="id",
        not_null=["name", "title", "max_speed_kmh", "average_speed_kmh"],
    )
    db.table("routes").create_index(["name"], unique=True)
    db.table("stops").create(
        {
            "id": int,
            "route_id": int,
            "seq": int,
            "name": str,
            "aliases": str,  # JSON list
            "km": float,
            "km_confidence": str,
            "kind": str,
            "lat": float,
            "lon": float,
            "gauge_before": int,
            "gauge_after": int,
            "timezone": str,
            "dwell_minutes": float,
            "dwell_min_minutes": float,
            "dwell_max_minutes": float,
            "dwell_source": str,
            "notes": str,
        },
        pk="id",
        foreign_keys=[("route_id", "routes", "id")],
        not_null=["route_id", "seq", "name", "km", "kind"],
    )
    db.table("stops").create_index(["route_id", "seq"], unique=True)
    db.table("observations").create(
        {
            "id": int,
            "post_id": int,
            "route_id": int,
            "name": str,  # the stop, as the route names it ("" for facts about the train)
            "kind": str,
            "at": str,
            "at_precision": str,
            "window_start": str,
            "window_end": str,
            "evidence": str,
            "start": int,
            "end": int,
            "matched": int,
            "duration_minutes": float,
            "speed_kmh": float,
            "speed_kind": str,
            "extracted": str,
        },
        pk="id",
        foreign_keys=[("post_id", "posts", "id"), ("route_id", "routes", "id")],
        not_null=["post_id", "name", "kind", "evidence"],
    )
    db.table("observations").create_index(["post_id"])
    db.table("observations").create_index(["route_id", "name"])
    db.table("settings").create({"key": str, "value": str}, pk="key", if_not_exists=True)


class JourneyStore:
    """Reads and writes routes, stops, observations and the route in use."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- routes ----------------------------------------------------------------------------

    def save_route(self, route: Route) -> int:
        """Insert or replace a route and its stops by name; returns its id (stable across saves)."""
        row = {
            "name": route.name,
            "title": route.title,
            "description": route.description,
            "path": route.path,
            "max_speed_kmh": route.max_speed_kmh,
            "average_speed_kmh": route.average_speed_kmh,
            "min_average_speed_kmh": route.min_average_speed_kmh,
            "speed_source": route.speed_source,
            "sources": json.dumps(list(route.sources), ensure_ascii=False),
            "loaded": to_iso(utc_now()),
        }
        with self.db.atomic():
            found = self.db.execute("select id from routes where name = ?", [route.name]).fetchone()
            if found:
                route_id = int(found[0])
                self.db.table("routes").update(route_id, row)
                self.db.execute("delete from stops where route_id = ?", [route_id])
            else:
                inserted = self.db.table("routes").insert(row).last_pk
                assert inserted is not None  # set by every insert that succeeds
                route_id = int(inserted)
            self.db.table("stops").insert_all(
                [_stop_row(route_id, seq, stop) for seq, stop in enumerate(route.stops)]
            )
        return route_id

    def route_id(self, name: str) -> int | None:
        """The id of the stored route ``name``."""
        row = self.db.execute("select id from routes where name = ?", [name]).fetchone()
        return int(row[0]) if row else None

    def route(self, name: str) -> Route | None:
        """A stored route by name, with its stops in order."""
        row = self.db.execute(
            "select id, name, title, max_speed_kmh, average_speed_kmh, sources, "
            "min_average_speed_kmh, speed_source, description, path from routes where name = ?",
            [name],
        ).fetchone()
        if row is None:
            return None
        stops = [
            Stop(
                name=r["name"], km=r["km"], kind=r["kind"], lat=r["lat"], lon=r["lon"],
                gauge_before=r["gauge_before"], gauge_after=r["gauge_after"],
                dwell_minutes=r["dwell_minutes"], dwell_source=r["dwell_source"],
                timezone=r["timezone"], aliases=tuple(json.loads(r["aliases"] or "[]")),
                notes=r["notes"], dwell_min_minutes=r["dwell_min_minutes"],
                dwell_max_minutes=r["dwell_max_minutes"], km_confidence=r["km_confidence"],
            )
            for r in self.db.query("select * from stops where route_id = ? order by seq", [row[0]])
        ]
        return Route(
            name=row[1], title=row[2], stops=tuple(stops), max_speed_kmh=row[3],
            average_speed_kmh=row[4], sources=tuple(json.loads(row[5] or "[]")),
            min_average_speed_kmh=row[6], speed_source=row[7], description=row[8], path=row[9],
        )

    def route_names(self) -> list[str]:
        """Names of the stored routes, in the order they were first stored."""
        return [r[0] for r in self.db.execute("select name from routes order by id").fetchall()]

    # -- the route in use --------------------------------------------------------------------

    def current_route_name(self) -> str | None:
        """The name of the route in use; None when the store follows no journey.

        A choice is the ``journey.route`` setting (``""``: none chosen). A store without the
        setting was made before a journey could be none, when every store followed the default
        route implicitly: it keeps the route its stored reports were matched to, and a store with
        no reports (a new one, or one of a story without a journey) has none.
        """
        row = self.db.execute("select value from settings where key = ?", [ROUTE_SETTING]).fetchone()
        if row is not None:
            return row[0] or None
        found = self.db.execute(
            "select r.name from observations o join routes r on r.id = o.route_id limit 1"
        ).fetchone()
        return found[0] if found else None

    def set_current_route(self, name: str | None) -> None:
        """Make ``name`` the route in use; None: follow no journey."""
        self.db.execute(
            "insert into settings (key, value) values (?, ?) "
            "on conflict(key) do update set value = excluded.value",
            [ROUTE_SETTING, name or ""],
        )

    def clear_observations(self) -> None:
        """Drop every stored route report (the store follows no journey now)."""
        self.db.execute("delete from observations")

    # -- observations -----------------------------------------------------------------------

    def replace_observations(self, route_id: int, post_ids: Iterable[int],
                             observations: Iterable[Observation]) -> int:
        """Replace the observations of ``post_ids`` with ``observations``; returns how many."""
        ids = list(post_ids)
        now = to_iso(utc_now())
        rows = [_observation_row(route_id, obs, now) for obs in observations if obs.post_id is not None]
        with self.db.atomic():
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ", ".join("?" * len(chunk))
                self.db.execute(f"delete from observations where post_id in ({marks})", chunk)
            if rows:
                self.db.table("observations").insert_all(rows)
        return len(rows)

    def observations(self) -> list[Observation]:
        """Every stored observation, in post order then text order."""
        rows = self.db.query("select * from observations order by post_id, start, id")
        return [_observation(r) for r in rows]

    def recent_observations(self, *, as_of: str | None = None, limit: int = 5000) -> list[Observation]:
        """The observations of the newest posts (published up to ``as_of`` when given), at most
        ``limit`` of them; in post order then text order, like ``observations``."""
        where = "where coalesce(p.published, p.first_seen) <= ?" if as_of is not None else ""
        rows = list(self.db.query(
            "select o.* from posts p join observations o on o.post_id = p.id "
            f"{where} order by coalesce(p.published, p.first_seen) desc, coalesce(p.seq, 0) desc, "
            "p.id desc limit ?",
            [*([as_of] if as_of is not None else []), limit],
        ))
        rows.sort(key=lambda r: (r["post_id"], r["start"] or 0, r["id"]))
        return [_observation(r) for r in rows]

    def observation_count(self) -> int:
        """Number of stored observations."""
        return int(self.db.execute("select count(*) from observations").fetchone()[0])


def _observation(r: dict) -> Observation:
    return Observation(
        post_id=r["post_id"], stop=r["name"], kind=r["kind"], at=parse_iso(r["at"]),
        precision=r["at_precision"], evidence=r["evidence"], start=r["start"] or 0,
        end=r["end"] or 0, matched=bool(r["matched"]), duration_minutes=r["duration_minutes"],
        speed_kmh=r["speed_kmh"], window_start=parse_iso(r["window_start"]),
        window_end=parse_iso(r["window_end"]), speed_kind=r["speed_kind"],
    )


def _stop_row(route_id: int, seq: int, stop: Stop) -> dict:
    return {
        "route_id": route_id, "seq": seq, "name": stop.name,
        "aliases": json.dumps(list(stop.aliases), ensure_ascii=False), "km": stop.km,
        "km_confidence": stop.km_confidence, "kind": stop.kind, "lat": stop.lat, "lon": stop.lon,
        "gauge_before": stop.gauge_before, "gauge_after": stop.gauge_after, "timezone": stop.timezone,
        "dwell_minutes": stop.dwell_minutes, "dwell_min_minutes": stop.dwell_min_minutes,
        "dwell_max_minutes": stop.dwell_max_minutes, "dwell_source": stop.dwell_source,
        "notes": stop.notes,
    }


def _observation_row(route_id: int, obs: Observation, now: str | None) -> dict:
    return {
        "post_id": obs.post_id, "route_id": route_id, "name": obs.stop, "kind": obs.kind,
        "at": to_iso(obs.at), "at_precision": obs.precision, "window_start": to_iso(obs.window_start),
        "window_end": to_iso(obs.window_end), "evidence": obs.evidence, "start": obs.start,
        "end": obs.end, "matched": int(obs.matched), "duration_minutes": obs.duration_minutes,
        "speed_kmh": obs.speed_kmh, "speed_kind": obs.speed_kind, "extracted": now,
    }
