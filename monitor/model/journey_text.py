"""The journey in words, one wording for the route bar, its tooltips, ``monitor route`` and the report.

Also the facts about a stop that wording rests on: the stops ahead with ETAs, where the train is
sure enough to be named, a stop's dwell and which reports name it.

Times are in the local time of the stop they are about, named by its zone ("KST", "UTC+10"); an
ETA is written "likely (earliest–latest) zone" (:func:`monitor.model.timefmt.format_window`, which
formats every time here), and whoever shows ETAs shows :data:`ETA_LEGEND` once. Plain Python: no
Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from monitor.model.corroboration import reports_text
from monitor.model.journey import Estimate, Observation, Route, Stop, StopEta
from monitor.model.timefmt import (
    format_minutes,
    relative_minutes,
    report_time,
    stop_zone,
    utc_day_time,
    zone_label,
)

#: Said once wherever ETAs are listed.
ETA_LEGEND = "ETA: likely (earliest–latest), local time at each stop"


def last_report_text(est: Estimate, zones: dict[str, str | None] | None = None) -> str:
    """"Mon 11 Sep, 20:00 KST" (the reported stop's local time), or "Mon 11 Sep" for a date-only
    report; the time itself is formatted by :func:`monitor.model.timefmt.report_time`."""
    report, when = est.last_report, est.last_report_at
    if when is None:
        return "no report"
    zone = (zones or {}).get(report.stop) if report is not None else None
    return report_time(when, report.precision if report is not None else None, zone)


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


def corroboration_text(obs: Observation) -> str:
    """How many posts and independent origins report the same stop, kind and window: "3 reports,
    2 independent, 1 wire"; empty for an observation one post alone reports with no tier known."""
    found = obs.corroboration
    if found is None or (found.reports < 2 and not found.tiers):
        return ""
    return reports_text(found, found.reports)


def distinct_evidence(observations: list[Observation]) -> list[tuple[Observation, tuple[int, ...]]]:
    """The observations a tooltip lists, each once: copies of one report (the same kind, time and
    words in several posts, a reprint) are one row, with the ids of every post carrying it."""
    rows: dict[tuple, tuple[Observation, list[int]]] = {}
    for obs in observations:
        key = (obs.stop, obs.kind, obs.at, " ".join(obs.evidence.split()))
        if key not in rows:
            rows[key] = (obs, [])
        if obs.post_id is not None and obs.post_id not in rows[key][1]:
            rows[key][1].append(obs.post_id)
    return [(obs, tuple(posts)) for obs, posts in rows.values()]
def kind_detail(stop: Stop, dwell_minutes: float | None = None) -> str | None:
    """The second line that says why a stop matters ("gauge change 1435 → 1520 mm, ~70 min",
    "border", "ceremony ~30 min", "destination", "origin"), or None for a plain station.

    ``dwell_minutes`` overrides the route file's figure (the estimate may have a better one from a
    post).
    """
    if dwell_minutes:
        stop = replace(stop, dwell_minutes=dwell_minutes)
    if stop.kind == "gauge_change":
        gauges = (
            f" {stop.gauge_before} → {stop.gauge_after} mm"
            if stop.gauge_before and stop.gauge_after else ""
        )
        dwell = f", ~{format_minutes(stop.dwell_minutes)}" if stop.dwell_minutes else ""
        return f"gauge change{gauges}{dwell}"
    if stop.kind == "border":
        return "border"
    if stop.kind == "ceremony":
        dwell = f" ~{format_minutes(stop.dwell_minutes)}" if stop.dwell_minutes else ""
        return f"ceremony{dwell}"
    if stop.kind == "destination":
        return "destination"
    if stop.kind == "origin":
        return "origin"
    return None


def observation_matches(observation: Observation, stop: Stop) -> bool:
    """True when ``observation`` names ``stop`` (by its name or one of its aliases)."""
    name = observation.stop.casefold()
    return name == stop.name.casefold() or name in {a.casefold() for a in stop.aliases}


def stop_dwell(stop: Stop, est: Estimate | None, observations: list[Observation]
               ) -> tuple[float | None, str | None]:
    """The stop's dwell in minutes and where the figure comes from.

    The estimate's figure wins when it has one (a post may say "the wheel change took about 70
    minutes"); otherwise a duration reported in a post; otherwise the route file's.
    """
    eta = next((e for e in est.etas if e.stop == stop.name), None) if est else None
    if eta is not None and eta.dwell_minutes:
        return eta.dwell_minutes, eta.dwell_source or stop.dwell_source
    # A stop already behind the train has no ETA; a duration reported in a post still beats
    # the route file's assumption.
    reported = [o for o in observations if o.stop == stop.name and o.duration_minutes]
    if reported:
        obs = reported[-1]
        return obs.duration_minutes, f"post {obs.post_id}: {obs.evidence}"
    return stop.dwell_minutes, stop.dwell_source


def upcoming_etas(est: Estimate | None) -> list[StopEta]:
    """The ETAs of the stops still ahead of the train (the next stop's included)."""
    if est is None or est.state == "arrived":
        return []
    return [eta for eta in est.etas if eta.km > est.km_likely or eta.stop == est.next_stop]


def train_here(est: Estimate | None, route: Route | None) -> str | None:
    """The stop to mark "train here now": the one the train is at, only when the km band stays
    within that stop (a report put it there, or the schedule is that sure)."""
    if est is None or route is None or est.state != "dwelling" or est.presumed:
        return None
    return est.stop if band_within_one_stop(est, route.stops) else None


def presence_text(here: bool, presumed: bool) -> str:
    """What a stop's label says of the train at it: sure ("train here now"), the schedule's
    guess with no report since ("presumed here"), or reports that allow it."""
    if here:
        return "train here now"
    return "presumed here" if presumed else "train may be here"


def status_line(route: Route | None, est: Estimate | None, now: datetime) -> str:
    """One line about the train: state, km band, progress, the next stop with its ETA in the
    stop's local time (and how far off from ``now``), conflicting reports."""
    if route is None:
        return "No journey — choose or import a route"
    if est is None:
        return "No estimate yet"
    zones = {stop.name: stop.timezone for stop in route.stops}
    parts = [state_text(est, zones)]
    if est.state not in ("not_started", "arrived"):
        parts.append(f"km ~{est.km_likely:,.0f} ({est.km_min:,.0f}–{est.km_max:,.0f})")
    parts.append(f"{est.progress:.0%}")
    if est.next_stop and est.state != "arrived":
        eta = next((e for e in est.etas if e.stop == est.next_stop), None)
        nxt = f"next {est.next_stop}"
        if eta is not None and eta.likely is not None:
            stop = next((s for s in route.stops if s.name == est.next_stop), None)
            local = eta.likely.astimezone((stop_zone(stop) if stop else None) or UTC)
            nxt += f" ~{local:%H:%M} {zone_label(local)}{relative_minutes(eta.likely, now)}"
        parts.append(nxt)
    if est.conflicts:
        n = len(est.conflicts)
        parts.append(f"⚠ {n} conflicting report{'s' if n != 1 else ''}")
    return " · ".join(parts)


def as_of_line(est: Estimate | None, with_legend: bool) -> str:
    """When the estimate is for, in UTC; with the ETA legend when ``with_legend``."""
    if est is None:
        return ""
    text = f"as of {utc_day_time(est.at)}"
    if with_legend:
        text += f" · {ETA_LEGEND}"
    return text
