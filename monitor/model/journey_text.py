"""The journey in words, one wording for the route bar, its tooltips, ``monitor route`` and the report.

Times are in the local time of the stop they are about, named by its zone ("KST", "UTC+10"); an
ETA is written "likely (earliest–latest) zone" (:func:`monitor.model.timefmt.format_window`, which
formats every time here), and whoever shows ETAs shows :data:`ETA_LEGEND` once. Plain Python: no
Qt, no I/O.
"""

from __future__ import annotations

from monitor.model.corroboration import reports_text
from monitor.model.journey import Estimate, Observation, Stop
from monitor.model.timefmt import report_time

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
