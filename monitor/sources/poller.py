"""Fetch a source once, politely and within limits; decide when to fetch it next.

The core is :func:`poll_source`: a pure step from (HTTP client, source) to a :class:`PollResult`.
It writes nothing; the service stores what it returns, in one transaction per poll. Scheduling is
two pure functions, :func:`due` and :func:`next_poll_after`, plus :class:`Watcher`, a loop with a
stop flag that a worker thread (the GUI) or the ``monitor watch`` command can run.

Rules:
- only ``http``, ``https`` and ``file`` addresses, also after a redirect (an HTTP server cannot
  send us to a local file);
- conditional GET with both ``If-None-Match`` (ETag) and ``If-Modified-Since`` (Last-Modified); a
  file source uses its modification time and size the same way;
- at most 5 redirects, loops named; a chain of only permanent redirects (301, 308) moves the
  source to its new address, a temporary one (302, 303, 307) does not;
- connect and read timeouts, a wall-clock limit on the whole body, and a body cap (20 MB) checked
  on ``Content-Length`` and again while streaming, so a huge or endless body is cut off early;
- 410 Gone disables the source; 429 and 503 honour ``Retry-After``; other failures back off
  exponentially with jitter, from the source's interval up to :data:`MAX_BACKOFF`.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from monitor import __version__
from monitor.model import Source, parse_iso, to_iso, utc_now

_MB = 1024 * 1024
MAX_BODY_BYTES = 20 * _MB
MAX_REDIRECTS = 5
MAX_BACKOFF = 6 * 3600.0
DEFAULT_INTERVAL = 60
SCHEMES = ("http", "https", "file")
USER_AGENT = f"SituationMonitor/{__version__} (feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, application/x-ndjson;q=0.8, text/plain;q=0.7, */*;q=0.5"
)

_REDIRECTS = (301, 302, 303, 307, 308)

# Outcomes of one poll.
FETCHED = "fetched"
NOT_MODIFIED = "not_modified"
FAILED = "error"
GONE = "gone"


@dataclass(frozen=True, slots=True)
class PollSettings:
    """Limits for one poll. Tests shrink them; the defaults suit real feeds."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = MAX_BODY_BYTES
    max_redirects: int = MAX_REDIRECTS


DEFAULT_SETTINGS = PollSettings()


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source found. ``body`` is set only when the outcome is FETCHED."""

    source_id: int
    url: str
    outcome: str
    http_status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    final_url: str | None = None
    moved_to: str | None = None
    error: str | None = None
    retry_after: float | None = None
    requests: int = 0
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the poll reached the source (new content or not modified)."""
        return self.outcome in (FETCHED, NOT_MODIFIED)


def make_client(settings: PollSettings = DEFAULT_SETTINGS) -> httpx.Client:
    """An HTTP client for polling: our timeouts, no automatic redirects, our User-Agent."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    )


def scheme_of(url: str) -> str:
    """The lower-case scheme of ``url`` ('' for a bare path)."""
    return urlsplit(url).scheme.lower()


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or utc_now())).total_seconds())


def poll_source(
    client: httpx.Client | None, source: Source, settings: PollSettings = DEFAULT_SETTINGS
) -> PollResult:
    """Fetch ``source`` once (conditionally), following up to ``max_redirects`` redirects.

    Never raises for network or server trouble: every failure comes back as a result whose
    ``error`` names the address and the problem.
    """
    started = time.monotonic()
    scheme = scheme_of(source.url)
    if scheme == "file":
        result = _poll_file(source, settings)
    elif scheme not in SCHEMES:
        result = _failed(source, f"{source.url}: unsupported address scheme {scheme!r} "
                                 "(only http, https and file)")
    elif client is None:
        with make_client(settings) as own:
            result = _poll_http(own, source, settings)
    else:
        result = _poll_http(client, source, settings)
    return _with_elapsed(result, time.monotonic() - started)


def _with_elapsed(result: PollResult, elapsed: float) -> PollResult:
    return replace(result, elapsed=elapsed)


def _failed(source: Source, error: str, **extra) -> PollResult:
    return PollResult(source.id, source.url, FAILED, error=error, **extra)


def _poll_file(source: Source, settings: PollSettings) -> PollResult:
    parts = urlsplit(source.url)
    path = Path(unquote(parts.path))
    try:
        stat = path.stat()
        if not path.is_file():
            return _failed(source, f"{path}: not a file")
        # The file's own validator: an unchanged file is "not modified" without being read.
        validator = f"{stat.st_mtime_ns}-{stat.st_size}"
        if source.etag == validator:
            return PollResult(source.id, source.url, NOT_MODIFIED, etag=validator)
        if stat.st_size > settings.max_bytes:
            return _failed(source, f"{path}: too large: {stat.st_size / _MB:.1f} MB is over the "
                                   f"{settings.max_bytes / _MB:.0f} MB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        return _failed(source, f"{path}: no such file")
    except OSError as exc:
        return _failed(source, f"{path}: cannot read ({exc.strerror})")
    return PollResult(source.id, source.url, FETCHED, body=data, etag=validator, final_url=source.url)


def _conditional_headers(source: Source) -> dict[str, str]:
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers


def _poll_http(client: httpx.Client, source: Source, settings: PollSettings) -> PollResult:
    url = source.url
    chain = [url]
    permanent = True
    requests = 0
    deadline = time.monotonic() + settings.total_timeout
    while True:
        if scheme_of(url) not in ("http", "https"):
            return _failed(source, f"{source.url}: redirected to {url}, which is not http or https; "
                                   "not followed", requests=requests)
        requests += 1
        try:
            with client.stream("GET", url, headers=_conditional_headers(source)) as response:
                status = response.status_code
                if status in _REDIRECTS and response.headers.get("location"):
                    location = response.headers["location"]
                    target = urljoin(url, location)
                    permanent = permanent and status in (301, 308)
                    if target in chain:
                        loop = " → ".join([*chain[chain.index(target):], target])
                        return _failed(source, f"{source.url}: redirect loop ({loop})",
                                       http_status=status, requests=requests)
                    if len(chain) > settings.max_redirects:
                        return _failed(source, f"{source.url}: more than {settings.max_redirects} "
                                               "redirects; not followed", http_status=status,
                                       requests=requests)
                    chain.append(target)
                    url = target
                    continue
                return _handle_response(source, response, url, chain, permanent, requests, settings,
                                        deadline)
        except httpx.ConnectTimeout:
            problem = f"connect timed out after {settings.connect_timeout:g} s"
        except httpx.ReadTimeout:
            problem = f"no data for {settings.read_timeout:g} s (read timed out)"
        except httpx.TimeoutException as exc:
            problem = f"timed out ({type(exc).__name__})"
        except httpx.ConnectError as exc:
            problem = f"cannot connect ({exc})"
        except httpx.RemoteProtocolError as exc:
            problem = f"connection broken before the whole answer arrived ({exc})"
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        except _Abort as exc:
            problem = str(exc)
        return _failed(source, f"{url}: {problem}", requests=requests)


class _Abort(Exception):
    """Reading stopped on purpose (over the size cap or the time limit)."""


def _read_capped(response: httpx.Response, settings: PollSettings, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise _Abort(f"body too large: {int(declared) / _MB:.1f} MB declared, over the "
                            f"{settings.max_bytes / _MB:.0f} MB limit; not read")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise _Abort(f"body too large: over the {settings.max_bytes / _MB:.0f} MB limit; "
                                "stopped reading")
        if time.monotonic() > deadline:
            raise _Abort(f"body still arriving after {settings.total_timeout:g} s; stopped reading")
        chunks.append(chunk)
    return b"".join(chunks)


def _handle_response(source: Source, response: httpx.Response, url: str, chain: list[str],
                     permanent: bool, requests: int, settings: PollSettings,
                     deadline: float) -> PollResult:
    status = response.status_code
    moved_to = url if permanent and len(chain) > 1 else None
    common = {"http_status": status, "requests": requests, "final_url": url, "moved_to": moved_to}
    if status == 304:
        return PollResult(source.id, source.url, NOT_MODIFIED,
                          etag=response.headers.get("etag") or source.etag,
                          last_modified=response.headers.get("last-modified") or source.last_modified,
                          **common)
    if status == 410:
        return PollResult(source.id, source.url, GONE,
                          error=f"{url}: 410 Gone (the publisher removed it); polling stopped",
                          **common)
    if status in (429, 503):
        wait = parse_retry_after(response.headers.get("retry-after"))
        note = f"; retry after {wait:g} s" if wait is not None else ""
        return _failed(source, f"{url}: {status} {response.reason_phrase}{note}",
                       retry_after=wait, **common)
    if not 200 <= status < 300:
        return _failed(source, f"{url}: HTTP {status} {response.reason_phrase}", **common)
    body = _read_capped(response, settings, deadline)
    return PollResult(
        source.id, source.url, FETCHED, body=body,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        content_type=response.headers.get("content-type"),
        **common,
    )


# -- scheduling ----------------------------------------------------------------------------------


def backoff_seconds(interval: float, failures: int, rng: random.Random | None = None) -> float:
    """Delay before retrying after ``failures`` consecutive failures (1 = the first failure).

    Exponential in the failures, from the interval up to MAX_BACKOFF, with "equal jitter" (half
    fixed, half random) so that many sources failing together do not retry together.
    """
    rng = rng or random.Random()
    base = min(MAX_BACKOFF, max(1.0, float(interval)) * (2 ** max(0, failures - 1)))
    return base / 2 + rng.uniform(0, base / 2) if failures else float(interval)


def next_poll_after(source: Source, outcome: str, failures: int, now: datetime, *,
                    retry_after: float | None = None,
                    rng: random.Random | None = None) -> datetime | None:
    """When to poll ``source`` next, given this poll's outcome and the failure count after it."""
    if outcome == GONE:
        return None
    if outcome in (FETCHED, NOT_MODIFIED):
        return now + timedelta(seconds=source.interval)
    delay = backoff_seconds(source.interval, failures, rng)
    if retry_after is not None:
        # The server said how long to wait: never sooner, and never more than a day.
        delay = max(delay, min(retry_after, 86400.0))
    return now + timedelta(seconds=delay)


def due(sources: list[Source], now: datetime) -> list[Source]:
    """The enabled sources whose next poll is at or before ``now``."""
    stamp = to_iso(now) or ""
    return [s for s in sources if s.enabled and (s.next_poll is None or s.next_poll <= stamp)]


def seconds_until(when: str | None, now: datetime) -> float | None:
    """Seconds from ``now`` to the ISO time ``when`` (0 when past), None when ``when`` is None."""
    if not when:
        return None if when is None else 0.0
    parsed = parse_iso(when)
    return max(0.0, (parsed - now).total_seconds()) if parsed else 0.0


class Watcher:
    """Polls due sources until stopped. Runs in whatever thread calls :meth:`run`.

    ``poll_due`` does one round (it is ``Monitor.poll_due`` bound to a Monitor opened in the
    running thread, since a SQLite connection belongs to its thread) and returns the round's
    reports; ``next_due`` says when the next source is due. ``on_round`` gets each round's
    reports. Call :meth:`stop` from any thread; the loop ends within ``tick`` seconds.
    """

    def __init__(
        self,
        poll_due: Callable[[], list],
        next_due: Callable[[], str | None],
        *,
        on_round: Callable[[list, float | None], None] | None = None,
        tick: float = 1.0,
        max_wait: float = 60.0,
    ) -> None:
        self._poll_due = poll_due
        self._next_due = next_due
        self._on_round = on_round
        self._tick = tick
        self._max_wait = max_wait
        self._stop = threading.Event()
        self.rounds = 0

    def stop(self) -> None:
        """Ask the loop to end (thread-safe)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stop.is_set()

    def run(self, *, rounds: int | None = None) -> None:
        """Poll until stopped (or for ``rounds`` rounds), sleeping until the next source is due."""
        while not self._stop.is_set():
            reports = self._poll_due()
            self.rounds += 1
            wait = seconds_until(self._next_due(), utc_now())
            if self._on_round is not None:
                self._on_round(reports, wait)
            if rounds is not None and self.rounds >= rounds:
                return
            pause = self._max_wait if wait is None else min(max(wait, 0.05), self._max_wait)
            # Wait in small steps so stop() is noticed quickly even on platforms where a long
            # Event.wait cannot be interrupted by Ctrl-C.
            end = time.monotonic() + pause
            while not self._stop.is_set() and time.monotonic() < end:
                self._stop.wait(min(self._tick, end - time.monotonic()))
