"""``monitor route-import``: make a route file from a GeoJSON or GPX line with its stops."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import cli
from monitor.journey.importers import DEFAULT_MAX_OFF_KM, RouteImportError, import_route, write_route
from monitor.journey.route import RouteError


@cli.command("route-import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The route file to write (JSON, checked against route.schema.json).")
@click.option("--name", default=None, help="Short identifier of the route (default: the file's name).")
@click.option("--title", default=None, help="Title shown for the route (default: first → last stop).")
@click.option("--max-speed", type=float, default=None, help="Top speed in km/h (else the line's property).")
@click.option("--average-speed", type=float, default=None, help="Typical average in km/h.")
@click.option("--min-speed", type=float, default=None, help="Slowest plausible average in km/h.")
@click.option("--timezone", default=None, metavar="ZONE",
              help="IANA time zone for stops with no 'timezone' or 'country' property.")
@click.option("--max-off-km", type=float, default=DEFAULT_MAX_OFF_KM, show_default=True,
              help="Refuse stops further than this off the line.")
def route_import_command(source: Path, out: Path, name: str | None, title: str | None,
                         max_speed: float | None, average_speed: float | None, min_speed: float | None,
                         timezone: str | None, max_off_km: float) -> None:
    """Make a route from a GeoJSON FeatureCollection (a LineString and Point stops) or a GPX file
    (track and waypoints): km along the line, geodesic on WGS84, stops snapped to the line.

    Use the result with `monitor route --route FILE [--use]`.
    """
    if out.resolve() == source.resolve():
        raise click.ClickException(f"{out}: --out would overwrite the file being imported")
    speeds = {"max_speed_kmh": max_speed, "average_speed_kmh": average_speed,
              "min_average_speed_kmh": min_speed}
    try:
        result = import_route(source, name=name, title=title, speeds=speeds, timezone=timezone,
                              max_off_km=max_off_km)
        write_route(result, out)
    except (RouteImportError, RouteError) as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    route = result.route
    click.secho(f"{route.title} ({route.name}): {len(route.stops)} stops, {route.length_km:.1f} km "
                f"(line {result.line_km:.1f} km)", bold=True)
    click.echo(f"{'stop':<24} {'km':>9}  {'off line':>8}  {'kind':<12} zone")
    for stop in result.stops:
        click.echo(f"{stop.name:<24} {stop.km:>9.1f}  {stop.off_km:>6.2f}km  {stop.kind:<12} {stop.timezone}")
    click.echo(f"wrote {out}")
