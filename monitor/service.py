"""One facade over the core: open a store, ingest sources, query posts.

The CLI, the GUI and the reports all go through this module, so each does the same thing the
same way. It never imports Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from monitor.extract.observations import extract_observations
from monitor.journey.estimate import Schedule
from monitor.journey.estimate import estimate as estimate_journey
from monitor.journey.estimate import schedule as journey_schedule
from monitor.journey.estimate import timeline as journey_timeline
from monitor.journey.route import DEFAULT_ROUTE, load_route
from monitor.model import Estimate, Observation, Route, StopEta, utc_now
from monitor.paths import seeds_dir
from monitor.sources.errors import SourceError
from monitor.sources.registry import parse_document
from monitor.store import PostStore, open_database
from monitor.store.journey import JourneyStore

log = logging.getLogger(__name__)

#: Files we never try to read when walking a directory.
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class IngestReport:
    """The outcome of ingesting one input."""

    where: str
    kind: str | None = None
    source_id: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read."""
        return self.error is None

    def summary(self) -> str:
        """One line for a person."""
        if self.error:
            return f"error: {self.error}"
        return (
            f"{self.where}: {self.kind}, {self.added} new, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


def file_source_key(path: Path) -> str:
    """A file's source identity: its name, so an edited copy of a page is the same page."""
    return f"file:{path.name}"


class Monitor:
    """An open store and the operations on it."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self.db = open_database(db_path)
        self.posts = PostStore(self.db)
        self.journey = JourneyStore(self.db)

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    def __enter__(self) -> Monitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ------------------------------------------------------------------------------

    def ingest_bytes(
        self, data: bytes, where: str, *, source_key: str, url: str
    ) -> IngestReport:
        """Parse ``data`` and store its posts in one transaction; errors go in the report."""
        report = IngestReport(where=where)
        try:
            result = parse_document(data, where)
        except SourceError as exc:
            report.error = str(exc)
            return report
        report.kind = result.kind
        report.notes.extend(result.errors)
        with self.db.atomic():
            source_id = self.posts.ensure_source(source_key, result.kind, url, result.title)
            counts = self.posts.ingest(source_id, result.posts)
            self.after_ingest(counts.changed)
        report.source_id = source_id
        report.added, report.updated, report.unchanged = (
            len(counts.added),
            len(counts.updated),
            counts.unchanged,
        )
        return report

    def after_ingest(self, post_ids: list[int]) -> None:
        """Derive data from new or edited posts, inside the ingest's transaction."""
        self._observe(post_ids)

    def ingest_path(self, path: str | Path, *, source_key: str | None = None) -> list[IngestReport]:
        """Ingest a file, or every file below a directory; one report per file."""
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name not in _SKIP_NAMES)
            if not files:
                return [IngestReport(where=str(path), error=f"{path}: directory has no files")]
            return [self._ingest_file(p, None) for p in files]
        return [self._ingest_file(path, source_key)]

    def _ingest_file(self, path: Path, source_key: str | None) -> IngestReport:
        where = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return IngestReport(
                    where=where,
                    error=f"{where}: too large: {size / 1e6:.1f} MB is over the "
                    f"{MAX_FILE_BYTES / 1e6:.0f} MB limit",
                )
            data = path.read_bytes()
        except FileNotFoundError:
            return IngestReport(where=where, error=f"{where}: no such file")
        except OSError as exc:
            return IngestReport(where=where, error=f"{where}: cannot read ({exc.strerror})")
        return self.ingest_bytes(
            data,
            where,
            source_key=source_key or file_source_key(path),
            url=path.resolve().as_uri(),
        )

    def seed_if_empty(self) -> list[IngestReport]:
        """Fill an empty store from the embedded seeds so a new user sees a story at once."""
        if self.posts.count() or not seeds_dir().is_dir():
            return []
        return self.ingest_path(seeds_dir())

    # -- journey -----------------------------------------------------------------------------

    def route(self) -> Route:
        """The route in use: the one chosen for this store, else the default (stored on first use)."""
        name = self.journey.current_route_name() or DEFAULT_ROUTE
        stored = self.journey.route(name)
        if stored is not None:
            return stored
        route = load_route(name)
        with self.db.atomic():
            self.journey.save_route(route)
            self.journey.set_current_route(route.name)
        return route

    def set_route(self, name_or_path: str | Path) -> Route:
        """Replace (or extend) the route in use; every post's observations are re-matched to it.

        Raises RouteError naming the file, stop and field when the route cannot be loaded; the
        store is then unchanged.
        """
        route = load_route(name_or_path)
        with self.db.atomic():
            self.journey.save_route(route)
            self.journey.set_current_route(route.name)
            self._observe([p.id for p in self.posts.posts()], route)
        return route

    def _observe(self, post_ids: list[int], route: Route | None = None) -> None:
        """Extract route observations from posts, replacing what those posts said before."""
        if not post_ids:
            return
        route = route or self.route()
        route_id = self.journey.route_id(route.name)
        if route_id is None:
            route_id = self.journey.save_route(route)
        found: list[Observation] = []
        for post_id in post_ids:
            found.extend(self._observations_of(post_id, route))
        self.journey.replace_observations(route_id, post_ids, found)

    def _observations_of(self, post_id: int, route: Route) -> list[Observation]:
        post = self.posts.post(post_id)
        if post is None:
            return []
        try:
            found = extract_observations(post.body, post.published, post.published_precision, route,
                                         post_id=post.id)
            if post.title:
                # Offsets point into the body; a headline's observations carry none.
                found += [
                    replace(o, start=0, end=0)
                    for o in extract_observations(post.title, post.published, post.published_precision,
                                                  route, post_id=post.id)
                ]
        except Exception:  # one unreadable post must not stop the others
            log.exception("post %s: observations could not be extracted", post_id)
            return []
        return found

    def observations(self, route: Route | None = None) -> list[Observation]:
        """Observations from every post: stored ones for the route in use, fresh ones for another."""
        if route is None or route == self.route():
            return self.journey.observations()
        found: list[Observation] = []
        for post in sorted(self.posts.posts(), key=lambda p: p.id):
            found.extend(self._observations_of(post.id, route))
        return found

    def estimate(self, at: datetime | None = None, route: Route | None = None) -> Estimate:
        """The journey's state at ``at`` (default: now) on the route in use or on ``route``."""
        route = route or self.route()
        return estimate_journey(route, self.observations(route), at or utc_now())

    def timeline(self, route: Route | None = None) -> list[StopEta]:
        """Every stop's time window on the route in use or on ``route``."""
        route = route or self.route()
        return journey_timeline(route, self.observations(route))

    def schedule(self, route: Route | None = None) -> Schedule:
        """The journey's earliest/likely/latest schedule, built once for estimates at many moments.

        ``monitor.journey.estimate.estimate_from(schedule, at)`` then answers for any ``at``.
        """
        route = route or self.route()
        return journey_schedule(route, self.observations(route))
