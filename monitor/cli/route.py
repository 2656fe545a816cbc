"""``monitor route``: where the train is, its ETA windows, the route's schedule and the routes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, open_monitor, parse_at
from monitor.journey.route import RouteError, list_routes, load_route
from monitor.model import Estimate, Observation, RouteSuggestion, StopEta, to_iso, utc_now
from monitor.model.journey_text import ETA_LEGEND, state_text
from monitor.model.timefmt import day_time, format_window, iso_in_zone, zone_named
from monitor.situation import JOURNEY_ONLY


def observation_json(obs: Observation) -> dict:
    """The JSON shape of one observation."""
    return {
        "stop": obs.stop or None,
        "kind": obs.kind,
        "at": to_iso(obs.at),
        "precision": obs.precision,
        "post_id": obs.post_id,
        "window_start": to_iso(obs.window_start),
        "window_end": to_iso(obs.window_end),
        "matched": obs.matched,
        "conflict": obs.conflict,
        "duration_minutes": obs.duration_minutes,
        "speed_kmh": obs.speed_kmh,
        "evidence": obs.evidence,
        "corroboration": corroboration_json(obs),
    }


def corroboration_json(obs: Observation) -> dict | None:
    """How the same stop, kind and overlapping window was reported: ``origins`` (the posts),
    ``sources``, ``independent`` (distinct origins: reprints of one story item count once) and
    ``tiers`` (origins per source tier); None where it was not counted."""
    found = obs.corroboration
    if found is None:
        return None
    return {"origins": found.reports, "sources": found.reported_by, "independent": found.independent,
            "tiers": found.tier_counts()}


def eta_json(eta: StopEta) -> dict:
    """The JSON shape of one stop's time window (UTC and the stop's local time)."""
    return {
        "stop": eta.stop,
        "km": eta.km,
        "earliest": to_iso(eta.earliest),
        "likely": to_iso(eta.likely),
        "latest": to_iso(eta.latest),
        "timezone": eta.timezone,
        "local": {
            "earliest": iso_in_zone(eta.earliest, eta.timezone),
            "likely": iso_in_zone(eta.likely, eta.timezone),
            "latest": iso_in_zone(eta.latest, eta.timezone),
        },
        "window_hours": round((eta.latest - eta.earliest).total_seconds() / 3600, 1)
        if eta.earliest and eta.latest else None,
        "departs": to_iso(eta.departs),
        "dwell_minutes": eta.dwell_minutes,
        "dwell_source": eta.dwell_source,
        "dwell_post_id": eta.dwell_post_id,
    }


def estimate_json(est: Estimate, title: str | None = None, timeline: list[StopEta] | None = None) -> dict:
    """The JSON shape of an estimate, as ``monitor route --json`` prints it."""
    first = est.anchors[0] if est.anchors else None
    departure = None
    if est.departure_earliest and est.departure_latest:
        departure = {
            "earliest": to_iso(est.departure_earliest),
            "latest": to_iso(est.departure_latest),
            "window_hours": round((est.departure_latest - est.departure_earliest).total_seconds() / 3600, 1),
            "evidence": [observation_json(o) for o in est.anchors],
        }
    dwells = [
        {"stop": e.stop, "minutes": e.dwell_minutes, "source": e.dwell_source, "post_id": e.dwell_post_id}
        for e in (timeline or est.etas) if e.dwell_minutes
    ]
    return {
        "route": est.route,
        "title": title,
        "at": to_iso(est.at),
        "state": est.state,
        "presumed": est.presumed,
        "last_report_at": to_iso(est.last_report_at),
        "last_report": observation_json(est.last_report) if est.last_report else None,
        "stop": est.stop,
        "km": {"min": round(est.km_min, 1), "likely": round(est.km_likely, 1), "max": round(est.km_max, 1)},
        "band_km": round(est.km_max - est.km_min, 1),
        "progress": round(est.progress, 4),
        "next_stop": est.next_stop,
        "destination": est.destination,
        "expected": sorted({o.stop for o in est.observations if o.kind == "expected" and o.stop}),
        "departure": departure,
        "anchored_by": observation_json(first) if first else None,
        "etas": [eta_json(e) for e in est.etas],
        "dwells": dwells,
        "speed_kmh": est.speed_kmh,
        "speed_model": {"max": est.max_speed_kmh, "average": est.average_speed_kmh,
                        "min": est.min_speed_kmh, "source": est.speed_source},
        "observations": [observation_json(o) for o in est.observations],
        "unmatched": [observation_json(o) for o in est.observations if not o.matched],
        "conflicts": [observation_json(o) for o in est.conflicts],
        "notes": list(est.notes),
    }


def _parse_at(text: str | None) -> datetime:
    """The --at time, or now when it is not given."""
    return parse_at(text) or utc_now()


def _print_timeline(rows: list[StopEta], at: datetime) -> None:
    click.echo(f"{'stop':<20} {'km':>7}  {'earliest':>12}  {'likely':>12}  {'latest':>12}  "
               f"{'dwell':>6}  zone")
    for eta in rows:
        mark = "✓" if eta.latest and eta.latest <= at else " "
        dwell = f"{eta.dwell_minutes:.0f}m" if eta.dwell_minutes else ""
        click.echo(
            f"{mark}{eta.stop:<19} {eta.km:>7.1f}  {day_time(eta.earliest, eta.timezone):>12}  "
            f"{day_time(eta.likely, eta.timezone):>12}  {day_time(eta.latest, eta.timezone):>12}  "
            f"{dwell:>6}  "
            f"{eta.timezone or ''}"
        )
    click.echo("times are local to each stop; ✓ = reached for certain")


def etas_in_order(est: Estimate) -> list[StopEta]:
    """The next stop's ETA first, then every other stop still ahead in route order."""
    first = [e for e in est.etas if e.stop == est.next_stop]
    return first + [e for e in est.etas if e.stop != est.next_stop]


def _print_estimate(est: Estimate, title: str, zones: dict[str, str | None] | None = None) -> None:
    click.secho(f"{title} — at {to_iso(est.at)}", bold=True)
    click.echo(f"  {state_text(est, zones)}")
    click.echo(f"  km {est.km_min:.0f} – {est.km_likely:.0f} – {est.km_max:.0f} "
               f"({est.km_max - est.km_min:.0f} km band), progress {est.progress:.0%}")
    if est.next_stop:
        click.echo(f"  next stop: {est.next_stop}; destination: {est.destination}")
    etas = etas_in_order(est) if est.state != "arrived" else []
    if etas:
        click.echo(f"  {ETA_LEGEND}:")
    for eta in etas:
        click.echo(f"  {eta.stop}: {format_window(eta, zone_named(eta.timezone))}")
    for note in est.notes:
        click.echo(f"  note: {note}")
    for obs in est.observations:
        if not obs.matched:
            click.echo(f"  unmatched: post {obs.post_id} names {obs.stop}, which {est.route} lacks")


def suggestion_json(found: RouteSuggestion | None) -> dict | None:
    """The JSON shape of a suggested route."""
    if found is None:
        return None
    return {"route": found.route, "title": found.title, "stops": list(found.stops), "text": found.text()}


def _print_no_journey(found: RouteSuggestion | None) -> None:
    click.echo("No journey: this store follows no route.")
    if found is not None:
        click.echo(f"Suggestion: {found.text()}  (monitor route --use {found.route})")
    click.echo("Choose one with monitor route --use NAME|FILE (monitor route --list names the shipped "
               "routes; FILE is a route JSON, a GeoJSON or a GPX file).")


@cli.command("route")
@click.option("--route", "route_ref", default=None, metavar="NAME|PATH",
              help="A shipped route by name or a route file (default: the route in use).")
@click.option("--use", "use", is_flag=False, flag_value="", default=None, metavar="[NAME|FILE|none]",
              help="Choose the journey: a shipped route, a route file (JSON, GeoJSON, GPX) or none; "
                   "alone after --route, that route. Observations are re-matched.")
@click.option("--at", "at_text", default=None, metavar="ISO-TIME",
              help="The moment to estimate (default: now).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--list", "as_list", is_flag=True, help="List the shipped routes.")
@click.option("--timeline", is_flag=True, help="Print the stop-by-stop schedule as a table.")
@db_option
@click.pass_context
def route_command(ctx: click.Context, route_ref: str | None, use: str | None, at_text: str | None,
                  as_json: bool,
                  as_list: bool, timeline: bool, db_path: Path | None) -> None:
    """Where the train is: state, km band, next stop and ETA windows for every remaining stop
    (the next stop's first, then the others in route order). A store follows no journey until
    one is chosen with --use."""
    if as_list:
        listed = [{"name": r.name, "title": r.title, "stops": r.stops, "length_km": r.length_km,
                   "destination": r.destination, "path": str(r.path)} for r in list_routes()]
        if as_json:
            click.echo(json.dumps(listed, ensure_ascii=False, indent=2))
        else:
            for row in listed:
                click.echo(f"{row['name']:<26} {row['length_km']:>7.1f} km  {row['stops']:>2} stops  "
                           f"{row['title']}")
        return
    if use == "" and not route_ref:
        raise click.UsageError("--use needs a route: --use NAME|FILE|none, or --route NAME|FILE --use")
    choice = (use or route_ref) if use is not None else None
    at = _parse_at(at_text)
    with open_monitor(ctx, db_path, seed=True, readonly=choice is None, team=True) as monitor:
        try:
            if choice is not None:
                monitor.use_route(choice)
            other = load_route(route_ref) if route_ref and choice is None else None
        except RouteError as exc:
            raise click.ClickException(str(exc)) from exc
        if other is None:
            # The route in use: the same situation the app and the reports show for this moment.
            situation = monitor.situation(at if at_text else None, JOURNEY_ONLY)
            if situation.route is None or situation.estimate is None:
                found = monitor.route_suggestion(at if at_text else None)
                if as_json:
                    click.echo(json.dumps({"route": None, "suggestion": suggestion_json(found)},
                                          ensure_ascii=False, indent=2))
                else:
                    _print_no_journey(found)
                return
            route, rows, est = situation.route, situation.timeline(), situation.estimate
        else:
            route, rows, est = other, monitor.timeline(other), monitor.estimate(at, other)
        if timeline:
            if as_json:
                click.echo(json.dumps({"route": route.name, "stops": [eta_json(e) for e in rows]},
                                      ensure_ascii=False, indent=2))
            else:
                click.secho(route.title, bold=True)
                _print_timeline(rows, at)
            return
        if as_json:
            click.echo(json.dumps(estimate_json(est, route.title, rows), ensure_ascii=False, indent=2))
        else:
            _print_estimate(est, route.title, {stop.name: stop.timezone for stop in route.stops})
