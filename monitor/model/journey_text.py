"""The journey in words, one wording for the route bar, its tooltips, ``monitor route`` and the report.

Times are in the local time of the stop they are about, named by its zone ("KST", "UTC+10"); an
ETA is written "likely (earliest–latest) zone", and whoever shows ETAs shows :data:`ETA_LEGEND`
once. Plain Python: no Qt, no I/O.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.model.journey import Estimate, Stop, StopEta

#: Said once wherever ETAs are listed.
ETA_LEGEND = "ETA: likely (earliest–latest), local time at each stop"


def zone_of(name: str | None) -> ZoneInfo | None:
    """The zone named ``name``, or None when there is none or the name is unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def stop_zone(stop: Stop) -> ZoneInfo | None:
    """The stop's time zone, or None when it has none or the name is unknown."""
    return zone_of(stop.timezone)


def zone_label(moment: datetime) -> str:
    """``KST`` where the zone has a name, ``UTC+10`` where it only has an offset."""
    name = moment.tzname() or "UTC"
    if name[:1] in "+-":
        offset = moment.utcoffset()
        hours = (offset.total_seconds() / 3600.0) if offset is not None else 0.0
        name = f"UTC{hours:+g}"
    return name


def format_window(eta: StopEta, zone: tzinfo | None) -> str:
    """``06:20 (05:10–07:40) KST``: the likely time and the window in the stop's local time;
    "unknown" when the schedule has no time for the stop."""
    zone = zone or UTC

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    likely, early, late = local(eta.likely), local(eta.earliest), local(eta.latest)
    if likely is None:
        return "unknown"
    tz = zone_label(likely)
    if early is None or late is None:
        return f"~{likely:%a %H:%M} {tz}"
    if early.date() == late.date():
        return f"{likely:%H:%M} ({early:%H:%M}–{late:%H:%M}) {tz}"
    # A window over midnight names the days so that 23:00–01:00 is not read backwards.
    return f"{likely:%a %H:%M} ({early:%a %H:%M}–{late:%a %H:%M}) {tz}"


def last_report_text(est: Estimate, zones: dict[str, str | None] | None = None) -> str:
    """"Mon 11 Sep, 20:00" (the reported stop's local time), or "Mon 11 Sep" for a date-only report."""
    report, when = est.last_report, est.last_report_at
    if when is None:
        return "no report"
    if report is not None and report.precision == "date":
        return f"{when:%a %d %b}"
    zone = zone_of((zones or {}).get(report.stop)) if report is not None else None
    local = when.astimezone(zone or UTC)
    return f"{local:%a %d %b, %H:%M} {zone_label(local)}"


def state_text(est: Estimate, zones: dict[str, str | None] | None = None) -> str:
    """The state in words, capitalised: "Presumed arrived — no report since Mon 11 Sep",
    "Presumed at Tumangang — no report since …", "Possibly under way", "At Khasan", "Moving
    after Rajin", "Not started", "Arrived"."""
    if est.presumed:
        what = "arrived" if est.state == "arrived" else f"at {est.stop}"
        return f"Presumed {what} — no report since {last_report_text(est, zones)}"
    if est.state == "possibly_under_way":
        return f"Possibly under way (may have left {est.stop})" if est.stop else "Possibly under way"
    if est.state == "dwelling":
        return f"At {est.stop}" if est.stop else "Stopped"
    if est.state == "moving":
        return f"Moving after {est.stop}" if est.stop else "Moving"
    return est.state.replace("_", " ").capitalize()


def band_within_one_stop(est: Estimate, stops: tuple[Stop, ...] | list[Stop]) -> bool:
    """True when the km band (earliest to latest schedule) stays between the stops either side of
    the one the train is said to be at: only then may a view say "train here now"."""
    names = [s.name for s in stops]
    if est.stop not in names:
        return False
    i = names.index(est.stop)
    low = stops[i - 1].km if i > 0 else stops[i].km
    high = stops[i + 1].km if i + 1 < len(stops) else stops[i].km
    return low <= est.km_min and est.km_max <= high
