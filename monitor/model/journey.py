"""Routes, stops, observations from posts and the estimated state of a journey."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from monitor.model.corroboration import Corroboration

STOP_KINDS: tuple[str, ...] = (
    "origin", "station", "gauge_change", "border", "ceremony", "destination",
)
OBSERVATION_KINDS: tuple[str, ...] = (
    "departed", "arrived", "passed", "dwelling", "expected", "historical", "speed",
)
#: ``possibly_under_way``: the likely schedule has not left the origin, but the earliest has.
JOURNEY_STATES: tuple[str, ...] = ("not_started", "possibly_under_way", "moving", "dwelling", "arrived")


@dataclass(frozen=True, slots=True)
class Stop:
    """A stop on a route, ``km`` along it from the origin."""

    name: str
    km: float
    kind: str
    lat: float | None = None
    lon: float | None = None
    gauge_before: int | None = None
    gauge_after: int | None = None
    dwell_minutes: float | None = None
    dwell_source: str | None = None
    timezone: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None
    #: Bounds of the dwell, for the earliest and the latest schedule.
    dwell_min_minutes: float | None = None
    dwell_max_minutes: float | None = None
    km_confidence: str | None = None


@dataclass(frozen=True, slots=True)
class Route:
    """An ordered list of stops with the train's speed model."""

    name: str
    title: str
    stops: tuple[Stop, ...]
    max_speed_kmh: float
    average_speed_kmh: float
    sources: tuple[str, ...] = ()
    #: Slowest plausible average between stops; bounds the latest ETA.
    min_average_speed_kmh: float | None = None
    speed_source: str | None = None
    description: str | None = None
    #: The file the route was read from, if any.
    path: str | None = None

    @property
    def length_km(self) -> float:
        """Distance from the origin to the last stop."""
        return self.stops[-1].km if self.stops else 0.0


@dataclass(frozen=True, slots=True)
class Observation:
    """A statement in a post about where the train was, is or will be."""

    post_id: int | None
    stop: str
    kind: str
    at: datetime | None
    precision: str | None
    evidence: str
    start: int = 0
    end: int = 0
    matched: bool = True
    conflict: str | None = None
    duration_minutes: float | None = None
    speed_kmh: float | None = None
    #: The window (UTC) the time ``at`` stands for, given its precision.
    window_start: datetime | None = None
    window_end: datetime | None = None
    #: For ``speed`` facts: "max" or "average".
    speed_kind: str | None = None
    #: The same stop, kind and overlapping window reported by several posts: how many posts
    #: (``reports``), sources, independent origins and tiers. Filled where the journey is read
    #: (the situation at T); not part of the observation's identity.
    corroboration: Corroboration | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class StopEta:
    """When the train is expected at a stop: a window, in UTC."""

    stop: str
    km: float
    earliest: datetime | None
    likely: datetime | None
    latest: datetime | None
    timezone: str | None = None
    #: When the train leaves the stop again, in the likely schedule.
    departs: datetime | None = None
    dwell_minutes: float | None = None
    #: Where the dwell figure comes from: the route file, or "post N: <sentence>".
    dwell_source: str | None = None
    dwell_post_id: int | None = None


@dataclass(frozen=True, slots=True)
class Estimate:
    """The journey's state at one moment, with its uncertainty."""

    route: str
    at: datetime
    state: str
    km_min: float
    km_likely: float
    km_max: float
    progress: float
    stop: str | None = None
    next_stop: str | None = None
    speed_kmh: float | None = None
    etas: tuple[StopEta, ...] = ()
    observations: tuple[Observation, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: The observations that fix the schedule (departed/arrived/passed/dwelling reports used).
    anchors: tuple[Observation, ...] = ()
    #: Reports that contradict the anchors or each other: kept, flagged, not used.
    conflicts: tuple[Observation, ...] = ()
    destination: str | None = None
    max_speed_kmh: float | None = None
    average_speed_kmh: float | None = None
    min_speed_kmh: float | None = None
    speed_source: str | None = None
    #: The window the first anchor's time stands for (UTC), e.g. a whole local day.
    departure_earliest: datetime | None = None
    departure_latest: datetime | None = None
    #: True when the state ("arrived", "dwelling" at ``stop``) comes from the speed model alone:
    #: no report puts the train at that stop.
    presumed: bool = False
    #: The time of the newest report the schedule rests on (its ``at``; see ``last_report``).
    last_report_at: datetime | None = None
    last_report: Observation | None = None


@dataclass(frozen=True, slots=True)
class RouteSuggestion:
    """A shipped route a story without a journey seems to follow: the stops its posts name."""

    route: str
    title: str
    #: Stops of the route some post names, in route order.
    stops: tuple[str, ...]

    def text(self) -> str:
        """"This story mentions Pyongyang, Tumangang and Khasan — follow Pyongyang → Vladivostok?\""""
        names = list(self.stops[:5]) + (["others"] if len(self.stops) > 5 else [])
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        return f"This story mentions {listed} — follow {self.title}?"
