"""One facade over the core: open a store, ingest sources, query posts.

The CLI, the GUI and the reports all go through this module, so each does the same thing the
same way. It never imports Qt.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import logging
import os
import random
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import formatdate
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import unquote, urlsplit

import httpx
from sqlite_utils import Database

from monitor.extract.corroboration import Reported, corroboration
from monitor.extract.folding import WINDOW as FOLD_WINDOW
from monitor.extract.folding import Folder
from monitor.extract.parallel import Extracted, ExtractionPool, post_observations
from monitor.files import NotRegularFileError, display_path, read_capped
from monitor.journey.estimate import Schedule
from monitor.journey.estimate import estimate as estimate_journey
from monitor.journey.estimate import schedule as journey_schedule
from monitor.journey.estimate import timeline as journey_timeline
from monitor.journey.importers import import_route
from monitor.journey.route import RouteError, RouteInfo, list_routes, load_route
from monitor.model import (
    NO_CHANGES,
    ROUTE_CHANGED,
    TIERS,
    Estimate,
    FetchedDocument,
    ItemCopy,
    Observation,
    OpChanges,
    ParsedPost,
    ParseResult,
    Quote,
    Route,
    RouteSuggestion,
    Source,
    StopEta,
    StoryItem,
    parse_iso,
    to_iso,
    utc_now,
)
from monitor.model.alerts import AlertHit, AlertRule
from monitor.model.health import RECENT_POSTS, SourceHealth, assess
from monitor.paths import seeds_dir, user_routes_dir
from monitor.situation import (
    QuotesAt,
    ScheduleCache,
    Situation,
    SituationLimits,
    read_quotes,
    read_situation,
    suggest_route,
)
from monitor.sources import poller
from monitor.sources.decoding import too_large
from monitor.sources.errors import NotRecognisedError, SourceError
from monitor.sources.registry import parse_document
from monitor.store import PostStore, SourceStore, StoreError, open_database, write_transaction
from monitor.store.alerts import AlertStore
from monitor.store.corroboration import quote_reports, quote_reports_within
from monitor.store.documents import DocumentStore
from monitor.store.feed import FeedQueries
from monitor.store.items import ItemStore
from monitor.store.journey import JourneyStore
from monitor.store.pg.connection import StoreAddress as StoreAddress
from monitor.store.pg.connection import is_postgres, redact
from monitor.store.pg.connection import join_url as join_url
from monitor.store.pg.connection import needs_password as needs_password
from monitor.store.pg.connection import split_url as split_url
from monitor.store.pg.connection import without_password as without_password
from monitor.store.pg.locks import SourceLocks
from monitor.store.posts import IngestCounts
from monitor.store.quotes import QuoteStore
from monitor.store.reads import ReadStore

if TYPE_CHECKING:
    from monitor.store.pg.database import PgDatabase
    from monitor.store.pg.notify import ChangeListener

log = logging.getLogger(__name__)

#: In a seeds folder, the route its story follows (a shipped route's name, a route file beside
#: it, or "none"); seeding applies it before it reads the stories. It is no story: ingesting the
#: folder passes it over.
SEED_ROUTE_FILE = "seed-route.txt"
#: Files we never try to read when walking a directory.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", SEED_ROUTE_FILE}
#: A shipped route is suggested when the posts name at least this many of its stops.
SUGGEST_MIN_STOPS = 3
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Seconds a watcher waits before asking again for a source another poller was polling.
HELD_RETRY = 5.0
#: A web address typed without its scheme ("www.example.org/feed", "example.org/live"): a host
#: of dotted labels ending in letters, then a path. A file by that name, if one exists, wins.
_BARE_WEB_ADDRESS = re.compile(
    r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/\S*$|^www\.(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)


def correction_author() -> str:
    """Who corrections made here are signed by, unless the caller names someone:
    ``$MONITOR_AUTHOR``, else the user logged in (``getpass.getuser``), else "analyst"."""
    name = os.environ.get("MONITOR_AUTHOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no user database entry (a bare container)
        return "analyst"


def counts_line(where: str, kind: str | None, added: int, updated: int, unchanged: int) -> str:
    """What one ingest or poll did, on one line for a person."""
    return f"{where}: {kind}, {added} new, {updated} updated, {unchanged} unchanged"


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
    #: What the ingest changed in the store (nothing when it failed).
    changes: OpChanges = NO_CHANGES
    #: No format recognised the content (the error says what it looks like).
    unrecognised: bool = False
    #: Why a folder ingest passed this file over (content it does not recognise); not an error.
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read (or, in a folder, knowingly skipped)."""
        return self.error is None

    def summary(self) -> str:
        """One line for a person."""
        if self.skipped:
            return f"skipped {self.skipped}"
        if self.error:
            return f"error: {self.error}"
        return counts_line(self.where, self.kind, self.added, self.updated, self.unchanged)


@dataclass
class ReextractCounts:
    """What a re-extraction did."""

    posts: int = 0
    before: int = 0
    after: int = 0
    analyst: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class PollReport:
    """The outcome of polling one source: what came back and what it did to the store."""

    source_id: int
    url: str
    outcome: str
    http_status: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    requests: int = 0
    elapsed: float = 0.0
    kind: str | None = None
    moved_to: str | None = None
    next_poll: str | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    #: What the poll changed in the store: the source's state at least, unless storing failed.
    changes: OpChanges = NO_CHANGES

    @property
    def ok(self) -> bool:
        """True when the source was reached and read (or had not changed)."""
        return self.error is None

    def summary(self) -> str:
        """One line for a person."""
        if self.error:
            return f"error: {self.error}"
        if self.outcome == poller.NOT_MODIFIED:
            return f"{self.url}: not modified"
        return counts_line(self.url, self.kind, self.added, self.updated, self.unchanged)


def _skip_unrecognised(report: IngestReport) -> IngestReport:
    """A folder's file whose content no format recognises, as skipped rather than failed."""
    if report.unrecognised and report.error:
        report.skipped, report.error = report.error, None
    return report


def _posts_changed(counts: IngestCounts, sources: list[int | None]) -> OpChanges:
    """The posts an ingest stored, and the sources they went to (read back by the caller)."""
    return OpChanges.of(posts_added=counts.added, posts_updated=counts.updated, sources=sources)


def file_source_key(path: Path) -> str:
    """A file's source identity: its name, so an edited copy of a page is the same page."""
    return f"file:{display_path(path.name)}"


def _check_web_url(text: str) -> None:
    """Raise SourceError naming ``text`` when no request could be made to it (a broken IPv6
    literal, a port out of range, a control character or a space in the host), rather than store
    a source that fails at every poll."""
    try:
        parts = urlsplit(text)
        if not parts.netloc:
            raise SourceError(text, "URL has no host")
        _ = parts.port  # a port out of range raises here
        httpx.URL(text)
    except (ValueError, httpx.InvalidURL) as exc:
        raise SourceError(text, f"not a valid URL ({exc})") from exc
    if any(ch.isspace() for ch in parts.netloc):
        raise SourceError(text, "not a valid URL (a space in the host)")


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _announces(always: OpChanges | None = None) -> Callable[[_Method], _Method]:
    """A write of ``Monitor`` whose changes are told to every process on a team store once it
    returns: ``always``, else those in what it returns (an ``OpChanges``, a report's
    ``changes``, the ``OpChanges`` in a tuple, a source added)."""

    def wrap(method: _Method) -> _Method:
        @functools.wraps(method)
        def announcing(self: Monitor, *args: Any, **kwargs: Any) -> Any:
            result = method(self, *args, **kwargs)
            self._announce(always if always is not None else _changes_in(result))
            return result

        return cast(_Method, announcing)

    return wrap


def _changes_in(result: object) -> OpChanges:
    """What a write's result says it changed (NO_CHANGES when it says nothing)."""
    if isinstance(result, OpChanges):
        return result
    if isinstance(result, Source):
        return OpChanges.of(sources=[result.id])
    if isinstance(result, tuple):
        return next((r for r in result if isinstance(r, OpChanges)), NO_CHANGES)
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, OpChanges) else NO_CHANGES


class Monitor:
    """An open store and the operations on it."""

    def __init__(self, db_path: str | Path, *, readonly: bool = False, create: bool = True) -> None:
        """Open the store at ``db_path``; ``readonly`` opens an existing one for reading only
        (no migration, no lock, works on a read-only disk; any write then fails). Without
        ``create`` a file that does not exist is an error, and nothing is made."""
        self.db_path = Path(db_path)
        #: On a team store, the sources this process is polling (each a PostgreSQL advisory
        #: lock), so that two pollers never poll one source at once; None on SQLite.
        self.source_locks: SourceLocks | None = None
        #: The team store (PostgreSQL) this Monitor writes, which tells other processes what
        #: each write changed (LISTEN/NOTIFY); None on SQLite.
        self.team: PgDatabase | None = None
        #: Who the analyst's corrections made through this Monitor are signed by.
        self.author = correction_author()
        #: The sources the last round left to another poller that was polling them.
        self.held_elsewhere: list[Source] = []
        #: Where the store is, for messages: its file, or a PostgreSQL URL with no password.
        self.where = display_path(self.db_path)
        if is_postgres(db_path):
            self.db_path = Path(redact(str(db_path)))  # no password kept where it may be shown
            # The team store: the same store classes over PostgreSQL (store/pg/database.py).
            from monitor.store.pg.database import open_pg_database

            team = open_pg_database(str(db_path), create=create, readonly=readonly)
            self.where = team.where
            self.source_locks = SourceLocks(team.raw, team.where)
            self.team = team
            # The store classes take a sqlite-utils Database; PgDatabase is the part of one they use.
            self.db: Database = cast(Database, team)
        else:
            self.db = open_database(db_path, readonly=readonly, create=create)
        self.posts = PostStore(self.db)
        self.sources = SourceStore(self.db)
        self._client: httpx.Client | None = None
        self._client_settings: poller.PollSettings | None = None
        self.journey = JourneyStore(self.db)
        self.quotes = QuoteStore(self.db)
        #: Which posts the reader has read.
        self.reads = ReadStore(self.db)
        #: Alert rules and their hits.
        self.alerts = AlertStore(self.db)
        self.items = ItemStore(self.db)
        #: The documents posts came from (raw bytes, hashes, validators).
        self.documents = DocumentStore(self.db)
        #: Folds reprints into story items; keeps its candidate index while the store is open.
        self.folding = Folder(self.items)
        #: Posts whose quotes could not be extracted at the last ingest, with the reason.
        self.extract_errors: list[str] = []
        #: Extracts big batches on every core.
        self.extraction = ExtractionPool()
        #: Routes read from their files (not stored yet), by name, so reads load each once.
        self._file_routes: dict[str, Route] = {}
        #: Journey schedules by (route, reports): a situation at a new moment with the same
        #: reports (the clock ticking, a poll that found none) does not build one again.
        self.schedules = ScheduleCache()

    def listen(self, on_change: Callable[[OpChanges], None], *,
               on_lost: Callable[[str], None] | None = None) -> ChangeListener:
        """Start listening for what other processes' writes to this team store change;
        ``on_change`` gets each ``OpChanges`` on the listener's thread (this Monitor's own writes
        are passed over), and ``on_lost`` the reason, store named, if the connection is lost.
        Stop it with ``stop()``. Raises StoreError on an SQLite store."""
        if self.team is None:
            raise StoreError(f"{self.where}: only a PostgreSQL team store tells of other processes' "
                             "changes")
        from monitor.store.pg.notify import ChangeListener

        return ChangeListener(self.team.dsn, on_change, ignore_pids=[self.team.backend_pid],
                              on_lost=on_lost).start()

    def _announce(self, changes: OpChanges) -> None:
        """Tell the other processes on a team store what a write changed (nothing on SQLite)."""
        if self.team is not None and changes:
            self.team.publish(changes)

    def close(self) -> None:
        """Close the HTTP client (if one was opened) and the database connection."""
        if self._client is not None:
            self._client.close()
            self._client = None
        self.extraction.close()
        self.db.close()

    def __enter__(self) -> Monitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ------------------------------------------------------------------------------

    def ingest_bytes(
        self, data: bytes, where: str, *, source_key: str, url: str,
        document: FetchedDocument | None = None,
    ) -> IngestReport:
        """Parse ``data`` and store its posts in one transaction; errors go in the report.

        The bytes are kept as the posts' document (``document``, else one read from ``url``
        now, with no validators)."""
        try:
            result = parse_document(data, where)
        except SourceError as exc:
            return IngestReport(where=where, error=str(exc), unrecognised=isinstance(exc, NotRecognisedError))
        if document is None:
            document = FetchedDocument(data, url, to_iso(utc_now()) or "")
        return self.ingest_result(result, where, source_key=source_key, url=url, document=document)

    @_announces()
    def ingest_result(
        self, result: ParseResult, where: str, *, source_key: str, url: str,
        document: FetchedDocument | None = None,
    ) -> IngestReport:
        """Store already parsed posts (and what after_ingest derives) in one transaction; with
        ``document``, the document they were parsed from is kept and linked to them too.

        A full disk or a database another program keeps locked is reported, naming the
        database, and rolls back this input only; everything stored before stays.
        """
        report = IngestReport(where=where, kind=result.kind, notes=list(result.errors))
        own: list[int] = []

        def own_source() -> int:
            if not own:
                own.append(self.posts.ensure_source(source_key, result.kind, url, result.title))
            return own[0]

        try:
            with write_transaction(self.db):
                counts, first = self._store_posts(result, own_source)
                if document is not None:
                    self._record_document(document, own[0] if own else first, counts)
                derived = self.after_ingest(counts.changed)
        except StoreError as exc:
            report.error = f"{exc} (while storing {where}; nothing from it was stored)"
            return report
        report.notes.extend(self.extract_errors)
        report.source_id = own[0] if own else first
        report.added, report.updated, report.unchanged = (
            len(counts.added),
            len(counts.updated),
            counts.unchanged,
        )
        report.changes = _posts_changed(counts, [report.source_id] if counts.changed else []) | derived
        return report

    def _store_posts(self, result: ParseResult, own_source: Callable[[], int]) -> tuple[IngestCounts, int]:
        """Store parsed posts, each in its own source when it names one (``source_key``).

        Runs in the caller's transaction. Returns the combined counts and the first source used.
        """
        groups: dict[int, list[ParsedPost]] = {}
        for post in result.posts:
            if post.source_key:
                source_id = self.sources.id_for_key(post.source_key)
                if source_id is None:
                    source_id = self.posts.ensure_source(post.source_key, result.kind, post.source_key)
            else:
                source_id = own_source()
            groups.setdefault(source_id, []).append(post)
        total = IngestCounts()
        for source_id, posts in groups.items():
            counts = self.posts.ingest(source_id, posts)
            total.added += counts.added
            total.updated += counts.updated
            total.unchanged += counts.unchanged
        return total, next(iter(groups))

    def _record_document(self, document: FetchedDocument, source_id: int | None,
                         counts: IngestCounts) -> int:
        """Keep the document an ingest or poll read and link the post versions it stored to it;
        returns the document's id. Runs in the caller's transaction, after the posts were stored."""
        document_id = self.documents.record(source_id, document)
        self.documents.link(document_id, counts.added, counts.updated)
        return document_id

    def after_ingest(self, post_ids: list[int]) -> OpChanges:
        """Derive data from new or edited posts (quotes, route observations), inside the ingest's
        transaction; a big batch is extracted on every core while this process folds it, and
        stored here in post order.
        Returns what that changed: the posts' quotes and speakers, and the route reports when
        any were found or may have been removed (an edited post)."""
        self.extract_errors = []
        if not post_ids:
            return NO_CHANGES
        route = self.route()
        found = FeedQueries(self.db).posts_by_id(post_ids)
        posts = [found[i] for i in post_ids if i in found]
        observations: list[Observation] = []
        # The workers extract while this process folds the posts and then stores each chunk's
        # quotes as it comes back (on two cores, neither side waits for the other as long).
        with self.extraction.start(posts, route) as batch, self.quotes.batched(post_ids) as refused:
            self.folding.fold(posts)  # reprints into story items
            for result in batch.results():
                observations.extend(result.observations)
                self._store_quotes(result)
        self.extract_errors.extend(refused)
        if route is None:  # a store that follows no journey keeps no route reports
            return OpChanges.of(quote_posts=post_ids, speakers_added=True)
        stored = self.journey.replace_observations(self._route_id(route), post_ids, observations)
        # A new post without reports changes none; an edited one may have lost some.
        edited = any(p.revision_count for p in found.values())
        return OpChanges.of(quote_posts=post_ids, speakers_added=True,
                            observations=bool(stored) or bool(edited))

    def _store_quotes(self, result: Extracted) -> None:
        """Store one post's extracted quotes; a failure is noted and never stops the rest."""
        if result.quotes is None:
            self.extract_errors.append(result.error or f"post {result.post_id}: quote extraction failed")
            return
        try:
            self.quotes.replace_extracted(result.post_id, result.quotes)
        except StoreError:
            raise  # the store's condition (full disk, damaged index), not this post's: stop the write
        except Exception as exc:  # noqa: BLE001  (one bad post must not stop the rest)
            self.extract_errors.append(f"post {result.post_id}: quote extraction failed ({exc})")
            return
        self.extract_errors.extend(result.notes)  # stored, but from part of the post only

    def _route_id(self, route: Route) -> int:
        """The stored id of ``route``, saving it first when it is not stored yet."""
        route_id = self.journey.route_id(route.name)
        return route_id if route_id is not None else self.journey.save_route(route)

    def reextract(self) -> ReextractCounts:
        """Run quote extraction again over every post, keeping every analyst correction."""
        counts = ReextractCounts(before=self.quotes.count())
        self.extract_errors = []
        with write_transaction(self.db):
            posts = sorted(self.posts.posts(), key=lambda p: p.id)
            with self.extraction.start(posts, None) as batch, self.quotes.batched() as refused:
                for result in batch.results():
                    self._store_quotes(result)
            self.extract_errors.extend(refused)
            counts.posts = len(posts)
        counts.after = self.quotes.count()
        counts.analyst = self.quotes.analyst_count()
        counts.errors = list(self.extract_errors)
        return counts

    def ingest_path(self, path: str | Path, *, source_key: str | None = None) -> list[IngestReport]:
        """Ingest a file, or every file below a directory; one report per file.

        In a directory, anything that is neither a directory nor a skipped name gets a report:
        a FIFO, device or socket is refused by name rather than passed over in silence.
        """
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if not p.is_dir() and p.name not in _SKIP_NAMES)
            if not files:
                return [IngestReport(where=display_path(path),
                                     error=f"{display_path(path)}: directory has no files")]
            # A folder holds what it holds (a MANIFEST.tsv, a README, an image): only files whose
            # content is recognised are taken; the others are named as skipped, not failed.
            reports = [_skip_unrecognised(self._ingest_file(p, None)) for p in files]
            if not any(r.ok and not r.skipped for r in reports):
                reports.append(IngestReport(where=display_path(path), error=(
                    f"{display_path(path)}: no file in it could be read as a live page, feed or post list")))
            return reports
        return [self._ingest_file(path, source_key)]

    def _ingest_file(self, path: Path, source_key: str | None) -> IngestReport:
        where = display_path(path)
        try:
            found = path.stat()
            size = found.st_size
            # A regular file that says it is too big is refused unread; any other is read capped.
            if stat.S_ISREG(found.st_mode) and size > MAX_FILE_BYTES:
                return IngestReport(where=where, error=f"{where}: {too_large(size, MAX_FILE_BYTES)}")
            data = read_capped(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return IngestReport(where=where, error=f"{where}: no such file")
        except NotRegularFileError as exc:
            return IngestReport(where=where, error=f"{where}: {exc}")
        except OSError as exc:
            return IngestReport(where=where, error=f"{where}: cannot read ({exc.strerror or exc})")
        if data is None:
            return IngestReport(
                where=where,
                error=f"{where}: too large: it grew past the {MAX_FILE_BYTES // 2**20} MiB limit while read",
            )
        url = path.resolve().as_uri()
        # A file has no validators; its modification time stands for Last-Modified.
        document = FetchedDocument(data, url, to_iso(utc_now()) or "",
                                   last_modified=formatdate(found.st_mtime, usegmt=True))
        return self.ingest_bytes(
            data,
            where,
            source_key=source_key or file_source_key(path),
            url=url,
            document=document,
        )

    def seed_if_empty(self) -> list[IngestReport]:
        """Fill an empty store from the embedded seeds so a new user sees a story at once.

        A ``seed-route.txt`` in the seeds folder names the route the story follows (see
        ``SEED_ROUTE_FILE``); it is chosen first, so the stories are matched to it as they are
        read. A seeds folder without one gives a store with no journey, like any new store.
        """
        folder = seeds_dir()
        if self.posts.count() or not folder.is_dir():
            return []
        choice = folder / SEED_ROUTE_FILE
        reports: list[IngestReport] = []
        if choice.is_file():
            error = self._seed_route(choice)
            reports += [error] if error is not None else []
        return reports + self.ingest_path(folder)

    def _seed_route(self, choice: Path) -> IngestReport | None:
        """Apply a seeds folder's route choice; a bad one is that file's error (returned), and
        the stories are read all the same (with no journey)."""
        where = display_path(choice)
        text = choice.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        name = text[0].strip() if text else ""
        target: str | Path | None = None if name.lower() in ("", "none") else name
        if isinstance(target, str) and target.endswith(".json"):
            target = choice.parent / target
        try:
            self.set_route(target)
        except RouteError as exc:
            return IngestReport(where=where, error=f"{where}: {exc}")
        return None

    # -- sources and polling -----------------------------------------------------------------

    @_announces()
    def add_source(self, url_or_path: str | Path, interval: int = poller.DEFAULT_INTERVAL) -> Source:
        """Add an http(s) URL, a file: URL or a local file path as a source to poll.

        Raises SourceError naming the input when it is not something we can poll.
        """
        text = str(url_or_path).strip()
        if not 1 <= interval <= poller.MAX_INTERVAL:
            raise SourceError(text, f"interval must be 1 to {poller.MAX_INTERVAL} seconds, not {interval}")
        scheme = poller.scheme_of(text)
        if scheme in ("http", "https"):
            _check_web_url(text)
            return self.sources.add_source(text, text, interval=interval)
        if scheme == "file":
            path = Path(unquote(urlsplit(text).path))
        elif scheme and len(scheme) > 1:  # a one-letter scheme is a Windows drive
            raise SourceError(text, f"unsupported address scheme {scheme!r} (only http, https and file)")
        else:
            path = Path(text).expanduser()
            if not path.exists() and _BARE_WEB_ADDRESS.match(text):
                # "www.example.org/feed": what a browser's address bar takes for https.
                url = f"https://{text}"
                return self.sources.add_source(url, url, interval=interval)
        if not path.is_file():
            raise SourceError(text, "no such file" if not path.exists() else "not a file")
        path = path.resolve()
        return self.sources.add_source(file_source_key(path), path.as_uri(), interval=interval)

    def source(self, ref: str | int) -> Source:
        """A source by its id (``7`` or ``#7``), its address or its key. Raises SourceError naming
        ``ref`` when there is no such source."""
        text = str(ref).strip()
        found: Source | None = None
        if text.removeprefix("#").isdigit():
            found = self.sources.get(int(text.removeprefix("#")))
        if found is None:
            found = self.sources.by_key(text) or next(
                (s for s in self.sources.all() if text in (s.url, s.title)), None)
        if found is None:
            raise SourceError(text, "no such source (see `monitor sources` for ids and addresses)")
        return found

    def source_health(self, now: datetime | None = None) -> list[SourceHealth]:
        """Every source with its post count, posts per day and warning (failing, stale, silent)."""
        counts = self.posts.source_post_counts()
        recent = self.sources.recent_post_times(RECENT_POSTS)
        moment = now or utc_now()
        return [
            assess(s, counts.get(s.id, 0),
                   [t for t in (parse_iso(w) for w in recent.get(s.id, [])) if t is not None], moment)
            for s in self.sources.all()
        ]

    @_announces()
    def set_source_enabled(self, source_id: int, enabled: bool) -> OpChanges:
        """Poll a source again (at once), or stop polling it; its posts stay."""
        with write_transaction(self.db):
            self.source(source_id)
            if enabled:
                self.sources.enable(source_id)
            else:
                self.sources.pause(source_id)
        return OpChanges.of(sources=[source_id])

    @_announces()
    def rename_source(self, source_id: int, title: str) -> OpChanges:
        """Give a source a title of the reader's choosing (blank is refused)."""
        title = title.strip()
        if not title:
            raise SourceError(f"#{source_id}", "a source's title cannot be blank")
        with write_transaction(self.db):
            self.source(source_id)
            self.sources.rename(source_id, title)
        return OpChanges.of(sources=[source_id])

    @_announces()
    def set_source_interval(self, source_id: int, interval: int) -> OpChanges:
        """Poll a source every ``interval`` seconds (at least 1), from its next poll on."""
        if interval < 1:
            raise SourceError(f"#{source_id}", f"interval must be at least 1 second, not {interval}")
        with write_transaction(self.db):
            self.source(source_id)
            self.sources.set_interval(source_id, interval)
        return OpChanges.of(sources=[source_id])

    @_announces()
    def set_source_tier(self, source_id: int, tier: str | None) -> OpChanges:
        """Mark what kind of source this is (one of ``TIERS``; None clears the mark)."""
        if tier is not None and tier not in TIERS:
            raise SourceError(f"#{source_id}", f"unknown tier {tier!r}: use one of {', '.join(TIERS)}")
        with write_transaction(self.db):
            self.source(source_id)
            self.sources.set_tier(source_id, tier)
        return OpChanges.of(sources=[source_id])

    @_announces()
    def remove_source(self, source_id: int, *, keep_posts: bool) -> OpChanges:
        """Stop polling a source for good. With ``keep_posts`` its posts stay (the source stays
        as where they came from, not polled, as a file ingested once); without, the source and
        everything of its posts (versions, quotes, route reports, read marks) are deleted."""
        with write_transaction(self.db):
            self.source(source_id)
            if keep_posts:
                self.sources.unsubscribe(source_id)
                return OpChanges.of(sources=[source_id])
            posts, speakers, reports = self.sources.delete_with_posts(source_id)
        self.folding.forget()  # its index may hold the deleted posts: read again at the next fold
        return OpChanges.of(posts_updated=posts, quote_posts=posts, speakers=speakers,
                            sources=[source_id], observations=reports)

    def poll_once(
        self,
        source_id: int | None = None,
        *,
        client: httpx.Client | None = None,
        settings: poller.PollSettings = poller.DEFAULT_SETTINGS,
        rng: random.Random | None = None,
    ) -> list[PollReport]:
        """Poll one source (by id), or every enabled source, now; one report per source."""
        if source_id is None:
            sources = self.sources.pollable()
        else:
            found = self.sources.get(source_id)
            if found is None:
                return [PollReport(source_id, "", poller.FAILED, error=f"no source with id {source_id}")]
            sources = [found]
        return self._poll_all(sources, client, settings, rng)

    def poll_due(
        self,
        *,
        client: httpx.Client | None = None,
        settings: poller.PollSettings = poller.DEFAULT_SETTINGS,
        rng: random.Random | None = None,
    ) -> list[PollReport]:
        """Poll the enabled sources whose next poll is due."""
        return self._poll_all(self.sources.due(to_iso(utc_now()) or ""), client, settings, rng)

    def _poll_all(self, sources: list[Source], client: httpx.Client | None,
                  settings: poller.PollSettings, rng: random.Random | None) -> list[PollReport]:
        """Fetch the sources a few at a time and store each result here, as it arrives.

        Fetching touches no database, so it runs on the poller's threads; parsing and storing
        stay on this thread (SQLite connections belong to their thread). One report per source,
        in the order given; a source that fails, however it fails, is recorded and the rest go on.
        """
        sources = self._claim(sources)
        if not sources:
            return []
        try:
            if client is None and any(poller.scheme_of(s.url) != "file" for s in sources):
                client = self._http_client(settings)
            reports: dict[int, PollReport] = {}
            for index, result in poller.fetch_all(client, sources, settings):
                reports[index] = self._store_poll(sources[index], result, rng)
            return [reports[i] for i in range(len(sources))]
        finally:
            self._release(sources)

    def _claim(self, sources: list[Source]) -> list[Source]:
        """The sources this process may poll now. On SQLite, all of them. On a team store, those
        whose advisory lock it takes (the others are being polled by another poller: kept in
        ``held_elsewhere``), read again once held, and left out when another poller polled them
        between the read that found them due and the lock."""
        self.held_elsewhere = []
        if self.source_locks is None:
            return sources
        claimed = []
        for source in sources:
            if not self.source_locks.try_claim(source.id):
                self.held_elsewhere.append(source)
                continue
            fresh = self.sources.get(source.id)
            if fresh is None or fresh.last_polled != source.last_polled:
                self.source_locks.release(source.id)
                continue
            claimed.append(fresh)
        return claimed

    def _release(self, sources: list[Source]) -> None:
        """Let go of the sources ``_claim`` took (a team store's advisory locks)."""
        if self.source_locks is not None:
            for source in sources:
                self.source_locks.release(source.id)

    def _next_due(self) -> str | None:
        """When the watcher should poll next: the earliest next poll, but not before
        ``HELD_RETRY`` seconds when a due source was left to another poller (its poll will move
        the source's next poll on; asking again at once would only find it held again)."""
        due = self.sources.next_due()
        if self.held_elsewhere and due is not None:
            return max(due, to_iso(utc_now() + timedelta(seconds=HELD_RETRY)) or "")
        return due

    def _http_client(self, settings: poller.PollSettings) -> httpx.Client:
        """One client per Monitor and settings, so connections are reused between polls."""
        if self._client is None or self._client_settings != settings:
            if self._client is not None:
                self._client.close()
            self._client = poller.make_client(settings)
            self._client_settings = settings
        return self._client

    def poll_source(
        self,
        source: Source,
        *,
        client: httpx.Client | None = None,
        settings: poller.PollSettings = poller.DEFAULT_SETTINGS,
        rng: random.Random | None = None,
    ) -> PollReport:
        """Fetch one source, parse what came back and store it, all writes in one transaction.

        Validators (ETag, Last-Modified) are stored only when the document was read, so a
        broken document is fetched and reported again rather than hidden behind a 304. Never
        raises for a fault of the source: any exception while fetching, parsing or storing is
        logged with its traceback and recorded as the source's error, with its backoff.
        """
        return self._store_poll(source, poller.poll_source(client, source, settings), rng)

    @_announces()
    def _store_poll(self, source: Source, result: poller.PollResult,
                    rng: random.Random | None) -> PollReport:
        """Parse and store one fetched result (see :meth:`poll_source`)."""
        report = PollReport(
            source.id, source.url, result.outcome, http_status=result.http_status,
            requests=result.requests, elapsed=result.elapsed, moved_to=result.moved_to,
            error=result.error,
        )
        parsed: ParseResult | None = None
        body_hash = None
        if result.outcome == poller.FETCHED and result.body is not None:
            body_hash = hashlib.sha256(result.body).hexdigest()
            if body_hash == source.body_hash and source.last_status in ("ok", "not modified"):
                # Same bytes as the last document read: the server sent no validators (or
                # ignored them); nothing to parse, nothing to store.
                report.outcome = poller.NOT_MODIFIED
            else:
                where = result.final_url or source.url
                try:
                    parsed = parse_document(result.body, where)
                except SourceError as exc:
                    report.outcome, report.error = poller.FAILED, str(exc)
                except Exception as exc:  # noqa: BLE001  (one bad document must not stop the rest)
                    log.exception("reading %s failed", where)
                    report.outcome = poller.FAILED
                    report.error = f"{where}: cannot be read ({type(exc).__name__}: {exc})"
        outcome = report.outcome
        failures = 0 if outcome in (poller.FETCHED, poller.NOT_MODIFIED) else source.failures + 1
        now = utc_now()
        next_at = poller.next_poll_after(source, outcome, failures, now,
                                         retry_after=result.retry_after, rng=rng)
        report.next_poll = to_iso(next_at)
        validators: dict[str, str | None] = {}
        if outcome == poller.FETCHED or outcome == poller.NOT_MODIFIED:
            validators = {"etag": result.etag, "last_modified": result.last_modified}
        status = {poller.FETCHED: "ok", poller.NOT_MODIFIED: "not modified",
                  poller.GONE: "gone"}.get(outcome, "error")
        try:
            with write_transaction(self.db):
                if parsed is not None:
                    report.kind = parsed.kind
                    report.notes.extend(parsed.errors)
                    counts, _ = self._store_posts(parsed, lambda: source.id)
                    assert result.body is not None  # parsed only from a fetched body
                    self._record_document(FetchedDocument(
                        result.body, result.final_url or source.url, to_iso(now) or "",
                        content_type=result.content_type, etag=result.etag,
                        last_modified=result.last_modified), source.id, counts)
                    report.added, report.updated = len(counts.added), len(counts.updated)
                    report.unchanged = counts.unchanged
                    report.changes = _posts_changed(counts, []) | self.after_ingest(counts.changed)
                if result.moved_to and result.moved_to != source.url:
                    self.sources.set_url(source.id, result.moved_to)
                error = report.error or ("; ".join(report.notes) if report.notes else None)
                self.sources.record_poll(
                    source.id, status=status, http_status=result.http_status, error=error,
                    polled_at=to_iso(now) or "", next_poll=report.next_poll, failures=failures,
                    kind=parsed.kind if parsed else None, title=parsed.title if parsed else None,
                    body_hash=body_hash if parsed else None, **validators,
                )
                if outcome == poller.GONE:
                    self.sources.disable(source.id, result.error or "410 Gone")
            report.changes = report.changes | OpChanges.of(sources=[source.id])
        except StoreError as exc:
            # A full disk or a database locked too long: reported; the source is polled again.
            report.outcome, report.error = poller.FAILED, str(exc)
        except Exception as exc:  # noqa: BLE001  (one source's fault must not stop the rest)
            # Rolled back: nothing of this poll was stored. Record the failure on its own so the
            # source backs off instead of coming first again at every round.
            log.exception("storing a poll of %s failed", source.url)
            self._record_failure(source, report, result, f"{source.url}: cannot be stored "
                                 f"({type(exc).__name__}: {exc}); nothing from this poll was kept", rng)
        return report

    def _record_failure(self, source: Source, report: PollReport, result: poller.PollResult,
                        error: str, rng: random.Random | None) -> None:
        """Record a failed poll (status, error, one more failure, the backoff) in a transaction."""
        report.outcome, report.error = poller.FAILED, error
        report.added = report.updated = report.unchanged = 0
        report.changes = NO_CHANGES
        report.kind = None
        report.notes = []
        failures = source.failures + 1
        now = utc_now()
        report.next_poll = to_iso(poller.next_poll_after(
            source, poller.FAILED, failures, now, retry_after=result.retry_after, rng=rng))
        try:
            with write_transaction(self.db):
                self.sources.record_poll(
                    source.id, status="error", http_status=result.http_status, error=error,
                    polled_at=to_iso(now) or "", next_poll=report.next_poll, failures=failures,
                    kind=None, title=None, body_hash=None,
                )
            report.changes = OpChanges.of(sources=[source.id])
        except Exception:  # noqa: BLE001  (reported in the poll's report; the round goes on)
            log.exception("recording the failed poll of %s failed", source.url)

    def watcher(
        self,
        *,
        on_round: Callable[[list[PollReport], float | None], None] | None = None,
        settings: poller.PollSettings = poller.DEFAULT_SETTINGS,
        client: httpx.Client | None = None,
    ) -> poller.Watcher:
        """A :class:`~monitor.sources.poller.Watcher` polling this store's due sources.

        Create and run it in the thread that opened this Monitor (SQLite connections belong to
        their thread); call ``stop()`` on it from any thread.
        """
        return poller.Watcher(
            lambda: self.poll_due(client=client, settings=settings),
            self._next_due,
            on_round=on_round,
        )
    # -- alert rules -------------------------------------------------------------------------

    @_announces()
    def save_alert_rule(self, rule: AlertRule) -> tuple[int, OpChanges]:
        """Add or change an alert rule and match it against every stored post at once. Raises
        AlertRuleError naming the rule when it has nothing to look for."""
        with write_transaction(self.db):
            rule_id = self.alerts.save_rule(rule)
            self.alerts.scan()
        return rule_id, OpChanges(alerts=True)

    @_announces()
    def delete_alert_rule(self, rule_id: int) -> OpChanges:
        """Forget an alert rule and its hits."""
        with write_transaction(self.db):
            self.alerts.delete_rule(rule_id)
        return OpChanges(alerts=True)

    def scan_alerts(self) -> list[AlertHit]:
        """Match the alert rules against the posts that arrived since they last looked; the new
        hits (``fresh`` for posts that arrived after their rule was made)."""
        with write_transaction(self.db):
            new = self.alerts.scan()
        return self.alerts.hits(only=new) if new else []

    @_announces()
    def dismiss_alerts(self, hits: list[tuple[int, int]] | None = None) -> OpChanges:
        """Dismiss alert hits (rule id, post id), or all of them: they leave the inbox for good."""
        with write_transaction(self.db):
            self.alerts.dismiss(hits)
        return OpChanges(alerts=True)

    # -- analyst corrections -----------------------------------------------------------------

    @_announces()
    def reassign_quote(self, quote_id: int, speaker_id: int | None, author: str | None = None) -> OpChanges:
        """Give a quote to another speaker (None: nobody), as the analyst's correction, signed
        by ``author`` (default: ``self.author``). Raises QuoteStoreError naming the quote or
        speaker that does not exist."""
        with write_transaction(self.db):
            before = self.quotes.quote(quote_id)
            self.quotes.reassign_quote(quote_id, speaker_id, author or self.author)
        assert before is not None  # reassign_quote raised otherwise
        return OpChanges.of(quotes=[quote_id], quote_posts=[before.post_id],
                            speakers=[before.speaker_id, speaker_id])

    @_announces()
    def reject_quote(self, quote_id: int, author: str | None = None) -> OpChanges:
        """Mark a quote as not a quote, as the analyst's correction, signed by ``author``
        (default: ``self.author``)."""
        with write_transaction(self.db):
            before = self.quotes.quote(quote_id)
            self.quotes.reject_quote(quote_id, author or self.author)
        assert before is not None
        return OpChanges.of(quotes=[quote_id], quote_posts=[before.post_id], speakers=[before.speaker_id],
                            quotes_deactivated=[quote_id] if before.status == "active" else [])

    @_announces()
    def merge_speakers(self, keep_id: int, merge_id: int, author: str | None = None) -> OpChanges:
        """Fold one speaker into another, signed by ``author`` (default: ``self.author``): the
        quotes that moved, their posts, both speakers."""
        with write_transaction(self.db):
            moved = self.quotes.quotes(speaker_id=merge_id, include_rejected=True)
            self.quotes.merge_speakers(keep_id, merge_id, author or self.author)
        return OpChanges.of(quotes=[q.id for q in moved], quote_posts=[q.post_id for q in moved],
                            speakers=[keep_id, merge_id], speakers_removed=[merge_id])

    # -- journey -----------------------------------------------------------------------------

    def route(self) -> Route | None:
        """The route in use; None when the store follows no journey (a new store, until one is
        chosen: ``set_route``). See ``JourneyStore.current_route_name`` for stores made before.

        Only reads: a route not stored yet is loaded from its file and returned unsaved. Every
        read path (the window's snapshot, ``monitor route``, reports) calls this, and a read that
        wrote would wait for — and fail behind — any other program holding the write lock. The
        first write that needs the route's id stores it (``_route_id``).
        """
        name = self.journey.current_route_name()
        if name is None:
            return None
        stored = self.journey.route(name)
        if stored is not None:
            return stored
        if name not in self._file_routes:
            self._file_routes[name] = load_route(name)
        return self._file_routes[name]

    @staticmethod
    def shipped_routes() -> list[RouteInfo]:
        """The routes shipped with the program, for a choice of journey."""
        return list_routes()

    @staticmethod
    def saved_routes() -> list[RouteInfo]:
        """The route files in the user's routes folder that load (routes made or edited by hand,
        ``monitor.paths.user_routes_dir``); none when the folder does not exist."""
        folder = user_routes_dir()
        return list_routes(folder) if folder.is_dir() else []

    def use_route(self, ref: str | Path | Route | None) -> Route | None:
        """Choose the journey: a shipped route by name, a route file (JSON), a map to import
        (GeoJSON ``.geojson``, GPX ``.gpx``), a Route, or None / ``"none"`` for no journey.

        Raises RouteError (RouteImportError for a map) naming the input; the store is then
        unchanged. ``monitor route --use`` and the window's View → Journey call this.
        """
        if ref is None or (isinstance(ref, str) and ref.strip().lower() == "none"):
            return self.set_route(None)
        if not isinstance(ref, Route) and Path(ref).suffix.lower() in (".geojson", ".gpx"):
            ref = import_route(ref).route
        return self.set_route(ref)

    @_announces(ROUTE_CHANGED)
    def set_route(self, name_or_path: str | Path | Route | None) -> Route | None:
        """Make a route the one in use (None: follow no journey); every post's observations are
        re-matched to it, or dropped with no journey. What that changes is always the same,
        ``monitor.model.ROUTE_CHANGED``.

        Raises RouteError naming the file, stop and field when the route cannot be loaded; the
        store is then unchanged.
        """
        if name_or_path is None:
            with write_transaction(self.db):
                self.journey.set_current_route(None)
                self.journey.clear_observations()
            return None
        route = name_or_path if isinstance(name_or_path, Route) else load_route(name_or_path)
        with write_transaction(self.db):
            self.journey.save_route(route)
            self.journey.set_current_route(route.name)
            posts = self.posts.posts()
            found = [obs for post in posts for obs in post_observations(post, route)]
            self.journey.replace_observations(self._route_id(route), [p.id for p in posts], found)
        return route

    def route_suggestion(self, at: datetime | None = None) -> RouteSuggestion | None:
        """A shipped route the posts (published up to ``at``) seem to follow, for a store with no
        journey: the one most of whose stops they name, when that is at least
        ``SUGGEST_MIN_STOPS``. Only a suggestion: nothing is chosen here."""
        return suggest_route(self.db, to_iso(at) if at is not None else None, SUGGEST_MIN_STOPS)

    def _journey_route(self, route: Route | None) -> Route:
        """``route``, else the route in use; RouteError when the store follows no journey."""
        found = route or self.route()
        if found is None:
            raise RouteError(f"{self.where}: no journey: this store follows no route "
                             "(choose one with monitor route --use NAME|FILE)")
        return found

    def observations(self, route: Route | None = None) -> list[Observation]:
        """Observations from every post: stored ones for the route in use, fresh ones for another."""
        in_use = self.route()
        if route is None or route == in_use:
            return self.journey.observations() if in_use is not None else []
        posts = sorted(self.posts.posts(), key=lambda p: p.id)
        return [obs for post in posts for obs in post_observations(post, route)]

    def estimate(self, at: datetime | None = None, route: Route | None = None) -> Estimate:
        """The journey's state at ``at`` (default: now) on the route in use or on ``route``;
        RouteError when there is neither."""
        route = self._journey_route(route)
        return estimate_journey(route, self.observations(route), at or utc_now())

    def timeline(self, route: Route | None = None) -> list[StopEta]:
        """Every stop's time window on the route in use or on ``route``."""
        route = self._journey_route(route)
        return journey_timeline(route, self.observations(route))

    def schedule(self, route: Route | None = None) -> Schedule:
        """The journey's earliest/likely/latest schedule, built once for estimates at many moments.

        ``monitor.journey.estimate.estimate_from(schedule, at)`` then answers for any ``at``.
        """
        route = self._journey_route(route)
        return journey_schedule(route, self.observations(route))

    # -- the situation at a time -------------------------------------------------------------

    def last_post_time(self) -> datetime | None:
        """When the latest post appeared (published, else first seen); None for an empty store."""
        return parse_iso(FeedQueries(self.db).time_span()[1])
    def story_items(self, limit: int | None = None) -> list[StoryItem]:
        """Story items newest first, each once: its lead post, its copies in other sources."""
        leads = self.items.lead_post_ids(limit)
        posts = FeedQueries(self.db).posts_by_id(leads)
        items = self.items.items_of(leads)
        copies = self.items.copies(sorted({item for item, _ in items.values()}))
        found = []
        for post_id in leads:
            item_id, also_in = items.get(post_id, (None, 0))
            own = (ItemCopy(post_id, posts[post_id].source_id, posts[post_id].published or
                            posts[post_id].first_seen),)
            found.append(StoryItem(item_id, posts[post_id], also_in,
                                   tuple(copies[item_id]) if item_id is not None else own))
        return found

    def fold_backlog(self, batch: int = 500,
                     progress: Callable[[int, int], None] | None = None) -> int:
        """Fold the posts stored before story items existed into items, oldest first, ``batch``
        posts a transaction: an interrupted run keeps what it folded and the next goes on from
        there. ``progress(done, left)`` is called after each batch. Returns how many were folded."""
        done = 0
        after: tuple[str, int, int] | None = None
        while True:
            with write_transaction(self.db):
                keys = self.items.unfolded(after, batch)
                if not keys:
                    break
                found = FeedQueries(self.db).posts_by_id([k[2] for k in keys])
                self.folding.fold([found[k[2]] for k in keys if k[2] in found])
            done += len(keys)
            after = keys[-1]
            if progress is not None:
                progress(done, self.items.unfolded_count() if len(keys) == batch else 0)
        return done

    def quote_reach(self, quotes: Iterable[Quote], times: dict[int, str],
                    as_of: str | None = None) -> dict[int, Reported]:
        """Like :meth:`quote_corroboration` for a few quotes (a situation's), counting only the
        reports within the folding window (72 hours) either side of each quote's post time
        (``times``: post id -> ISO time) and up to ``as_of``: a reprint or a report in other
        words comes within days, and reading every quote of a much quoted speaker does not
        (130,000 quotes took 40 s to group)."""
        listed = [q for q in quotes if q.speaker_id is not None and q.post_id in times]
        if not listed:
            return {}
        spans = sorted(t for t in (parse_iso(times[q.post_id]) for q in listed) if t is not None)
        windows: list[list[datetime]] = []
        for at in spans:
            low, high = at - FOLD_WINDOW, at + FOLD_WINDOW
            if windows and low <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], high)
            else:
                windows.append([low, high])
        bounds = [(to_iso(low) or "", min(to_iso(high) or "", as_of) if as_of else to_iso(high) or "")
                  for low, high in windows]
        reports = quote_reports_within(self.db, {q.speaker_id for q in listed if q.speaker_id is not None},
                                       bounds)
        wanted = {q.id for q in listed}
        return {qid: found for qid, found in corroboration(reports).items() if qid in wanted}

    def item_copies(self, post_id: int) -> tuple[ItemCopy, ...]:
        """Every post of ``post_id``'s story item, the lead (earliest) first; empty when the post
        is in no item."""
        placed = self.items.placed([post_id])
        if post_id not in placed:
            return ()
        item_id = placed[post_id][0]
        return tuple(self.items.copies([item_id])[item_id])

    def quote_corroboration(self, quotes: Iterable[Quote], as_of: str | None = None) -> dict[int, Reported]:
        """For each of ``quotes`` with a speaker: by how many sources, and how many independent
        origins (copies of one text count once, with their sources' tiers), the same statement
        was reported (in posts published by ``as_of`` when given)."""
        speakers = {q.speaker_id for q in quotes if q.speaker_id is not None}
        return corroboration(quote_reports(self.db, speakers, as_of)) if speakers else {}

    def items_of(self, post_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Each folded post's story item and how many other sources hold a copy of it."""
        return self.items.items_of(post_ids)

    def situation(self, at: datetime | None = None, limits: SituationLimits | None = None) -> Situation:
        """What was known at ``at`` (None: live): posts, speakers and quotes, the journey and the
        chart series, within ``limits``; read-only. The app, the reports and ``monitor route``
        all ask this, so they show the same numbers for the same moment."""
        return read_situation(self, at, limits)

    def quotes_at(self, at: datetime | None = None, limits: SituationLimits | None = None) -> QuotesAt:
        """The speakers and quotes of ``situation(at, limits)`` alone (what a correction changes)."""
        return read_quotes(self, at, limits)

    # -- documents ---------------------------------------------------------------------------

    def prune_documents(self, days: int, now: datetime | None = None) -> int:
        """Drop the bytes of documents fetched more than ``days`` days before ``now``; their
        hashes, times, URLs, validators and the posts' links to them stay. Returns how many."""
        moment = now or utc_now()
        with write_transaction(self.db):
            return self.documents.prune(to_iso(moment - timedelta(days=days)) or "", to_iso(moment) or "")
