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
- a redirect to an address that cannot be parsed or is not http(s) is the source's error, and a
  source on a public address is never redirected to a local one (loopback, private, link-local,
  unspecified, multicast: :data:`LOCAL_NETWORKS`), while a source added with a local address
  may redirect anywhere;
- connect and read timeouts, and one wall-clock deadline per request that covers connecting, the
  headers and the body alike (:class:`_DeadlineBackend` bounds every socket operation by the
  time left), and a body cap (20 MB) checked on ``Content-Length`` and again while streaming, so
  a slow, huge or endless answer is cut off early;
- 410 Gone disables the source; 429 and 503 honour ``Retry-After`` (at most a day); other
  failures back off exponentially with jitter, from the source's interval up to :data:`MAX_BACKOFF`.

:func:`poll_source` never raises: an unexpected exception is logged with its traceback and comes
back as the source's error. :func:`fetch_all` fetches several sources at once on a few threads
(fetching touches no database), handing back each result as it arrives.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import math
import queue
import random
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from monitor import __version__
from monitor.model import Source, parse_iso, to_iso, utc_now

log = logging.getLogger(__name__)

_MB = 1024 * 1024
MAX_BODY_BYTES = 20 * _MB
MAX_REDIRECTS = 5
MAX_BACKOFF = 6 * 3600.0
#: The longest a server may make us wait with ``Retry-After``.
MAX_RETRY_AFTER = 86400.0
DEFAULT_INTERVAL = 60
#: Longest interval between polls of one source: a year, in seconds.
MAX_INTERVAL = 366 * 24 * 3600
SCHEMES = ("http", "https", "file")
USER_AGENT = f"SituationMonitor/{__version__} (feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, application/x-ndjson;q=0.8, text/plain;q=0.7, */*;q=0.5"
)

_REDIRECTS = (301, 302, 303, 307, 308)

#: Addresses counted as local: a source on any other address may not be redirected to these.
#: IPv4-mapped IPv6 addresses (``::ffff:10.0.0.1``) are judged by their IPv4 address.
LOCAL_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8",  # "this network", unspecified
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",  # RFC 1918
    "100.64.0.0/10",  # carrier-grade NAT, shared address space
    "127.0.0.0/8",  # loopback
    "169.254.0.0/16",  # link-local (cloud metadata services live here)
    "224.0.0.0/4", "240.0.0.0/4",  # multicast, reserved and broadcast
    "::/128", "::1/128",  # unspecified, loopback
    "fc00::/7",  # unique local
    "fe80::/10",  # link-local
    "ff00::/8",  # multicast
))


def system_resolve(host: str) -> tuple[str, ...]:
    """The addresses ``host`` stands for: itself when it is an IP literal, else what the system's
    resolver says (empty when the name does not resolve)."""
    bare = host.strip("[]")
    try:
        return (str(ipaddress.ip_address(bare)),)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(bare, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return ()
    return tuple(dict.fromkeys(str(info[4][0]) for info in infos))


def is_local_address(address: str, networks: tuple = LOCAL_NETWORKS) -> bool:
    """True when the IP address ``address`` lies in one of ``networks`` (default: the local ones)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in networks)

# Outcomes of one poll.
FETCHED = "fetched"
NOT_MODIFIED = "not_modified"
FAILED = "error"
GONE = "gone"


@dataclass(frozen=True, slots=True)
class PollSettings:
    """Limits for one poll. Tests shrink them; the defaults suit real feeds.

    ``total_timeout`` is the deadline of one whole request: connect, headers and body.
    ``local_networks`` and ``resolve`` decide which addresses are local (see
    :func:`host_is_local`); the defaults are the standard private ranges and the system's resolver.
    Tests that can only run servers on 127.0.0.1 narrow ``local_networks`` so that 127.0.0.1
    counts as a public address, and give ``resolve`` names of their own, so the real redirect
    check runs without a byte sent beyond loopback.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = MAX_BODY_BYTES
    max_redirects: int = MAX_REDIRECTS
    local_networks: tuple = LOCAL_NETWORKS
    resolve: Callable[[str], tuple[str, ...]] = system_resolve
    #: Sources fetched at once in one round (storing stays on the caller's thread).
    workers: int = 4


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


def host_is_local(host: str, settings: PollSettings = DEFAULT_SETTINGS) -> bool:
    """True when any address ``host`` resolves to (through ``settings.resolve``) is local."""
    return any(is_local_address(a, settings.local_networks) for a in settings.resolve(host))


# -- one deadline per request ---------------------------------------------------------------------
#
# httpx's timeouts bound each socket operation, so a server that sends its headers one byte a
# second never trips them. The deadline of the request being made on this thread sits in a
# context variable; the network backend below gives every connect, read and write only the time
# left before it, and fails the operation at once when none is left. That covers connecting,
# TLS, the headers and the body alike, with no watchdog thread to race the request.

_DEADLINE: ContextVar[float | None] = ContextVar("poll_deadline", default=None)
#: Set once a public source was redirected: connections of this request may then only go to
#: addresses that are not local, resolved here (the settings' resolver) and connected to by
#: address, so a name cannot answer "public" to the redirect check and "local" to the connection.
_PUBLIC_ONLY: ContextVar[PollSettings | None] = ContextVar("poll_public_only", default=None)


def _time_left(timeout: float | None, expired: type[Exception]) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(
            ssl_context, server_hostname, _time_left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with every stream bound by the request's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        settings = _PUBLIC_ONLY.get()
        if settings is None:
            return _DeadlineStream(self._inner.connect_tcp(
                host, port, _time_left(timeout, httpcore.ConnectTimeout), local_address, socket_options))
        addresses = settings.resolve(host)
        if any(is_local_address(a, settings.local_networks) for a in addresses):
            raise httpcore.ConnectError(f"refused redirect from a public address to a private one: "
                                        f"{host} now resolves to a local address; not connected")
        if not addresses:
            raise httpcore.ConnectError(f"{host}: name not resolved")
        error: Exception | None = None
        for address in addresses:
            try:
                return _DeadlineStream(self._inner.connect_tcp(
                    address, port, _time_left(timeout, httpcore.ConnectTimeout), local_address,
                    socket_options))
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(host)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.connect_unix_socket(
            path, _time_left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _bind_deadlines(client: httpx.Client) -> None:
    # httpx gives no public way to pass httpcore a network backend, so the connection pools it
    # built (direct and through proxies) get theirs wrapped here. tests/test_poll_faults.py
    # drips headers one byte at a time and fails if this stops taking effect.
    for transport in (client._transport, *client._mounts.values()):
        pool: Any = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)


class _BadRedirect(Exception):
    """A redirect to an address we cannot or will not follow; the message says which and why."""


def _vet_redirect(response: httpx.Response) -> None:
    """Response hook: refuse a redirect whose target cannot be parsed or is not http(s).

    It runs before httpx builds the next request from ``Location``, which is where an address
    like ``javascript:alert(1)`` would otherwise raise httpx's InvalidURL.
    """
    location = response.headers.get("location")
    if response.status_code not in _REDIRECTS or not location:
        return
    try:
        target = urljoin(str(response.request.url), location)
        parsed = httpx.URL(target)
    except (ValueError, httpx.InvalidURL) as exc:
        raise _BadRedirect(f"redirect to an unsupported address {location!r} ({exc}); not followed") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise _BadRedirect(f"redirect to an unsupported address {target!r} (not http or https); "
                           "not followed")


def make_client(settings: PollSettings = DEFAULT_SETTINGS) -> httpx.Client:
    """An HTTP client for polling: our timeouts and deadline, no automatic redirects (each one
    is checked first), our User-Agent."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    client = httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        event_hooks={"response": [_vet_redirect]},
    )
    _bind_deadlines(client)
    return client


#: A URL's scheme as RFC 3986 spells it, read on its own.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def scheme_of(url: str) -> str:
    """The lower-case scheme of ``url`` ('' for a bare path).

    Never raises: only the scheme is read (``urlsplit`` raises for ``http://[::1`` and a port
    out of range), so that the caller can refuse a malformed address by name.
    """
    match = _SCHEME.match(url.lstrip())
    return match.group(1).lower() if match else ""


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)  # may be inf for a run of a few hundred digits
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        try:
            seconds = (when - (now or utc_now())).total_seconds()
        except OverflowError:
            seconds = math.inf
    if math.isnan(seconds):
        return None
    # A server cannot park a source for ever, nor ask for a retry in the past.
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


def poll_source(
    client: httpx.Client | None, source: Source, settings: PollSettings = DEFAULT_SETTINGS
) -> PollResult:
    """Fetch ``source`` once (conditionally), following up to ``max_redirects`` redirects.

    Never raises: every failure comes back as a result whose ``error`` names the address and the
    problem; an unexpected exception is logged with its traceback and becomes that error.
    """
    started = time.monotonic()
    try:
        result = _poll(client, source, settings)
    except Exception as exc:  # noqa: BLE001  (one source's fault must not stop the others)
        log.exception("polling %s failed", source.url)
        result = _failed(source, f"{source.url}: polling failed ({type(exc).__name__}: {exc})")
    return _with_elapsed(result, time.monotonic() - started)


def _poll(client: httpx.Client | None, source: Source, settings: PollSettings) -> PollResult:
    scheme = scheme_of(source.url)
    if scheme == "file":
        return _poll_file(source, settings)
    if scheme not in SCHEMES:
        return _failed(source, f"{source.url}: unsupported address scheme {scheme!r} "
                               "(only http, https and file)")
    if client is None:
        with make_client(settings) as own:
            return _poll_http(own, source, settings)
    return _poll_http(client, source, settings)


def fetch_all(client: httpx.Client | None, sources: list[Source],
              settings: PollSettings = DEFAULT_SETTINGS) -> Iterator[tuple[int, PollResult]]:
    """Poll ``sources`` on up to ``settings.workers`` threads; yields ``(index, result)`` as each
    poll ends, so a slow source holds up none of the others beyond its own deadline.

    Fetching writes nothing, so the threads never touch a database; the caller stores each result
    on its own thread. The threads are daemons: a Ctrl-C in the caller is not held up by them.
    """
    workers = max(1, min(settings.workers, len(sources)))
    if workers == 1:  # one source (or one worker asked for): no thread needed
        for index, source in enumerate(sources):
            yield index, poll_source(client, source, settings)
        return
    todo: queue.SimpleQueue[tuple[int, Source] | None] = queue.SimpleQueue()
    done: queue.SimpleQueue[tuple[int, PollResult]] = queue.SimpleQueue()
    for item in enumerate(sources):
        todo.put(item)
    for _ in range(workers):
        todo.put(None)

    def work() -> None:
        while (item := todo.get()) is not None:
            index, source = item
            done.put((index, poll_source(client, source, settings)))

    for n in range(workers):
        threading.Thread(target=work, name=f"poll-fetch-{n}", daemon=True).start()
    for _ in sources:
        yield done.get()


def _with_elapsed(result: PollResult, elapsed: float) -> PollResult:
    return replace(result, elapsed=elapsed)


def _failed(source: Source, error: str, **extra: Any) -> PollResult:
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
            return _failed(source, f"{path}: too large: {stat.st_size / _MB:.1f} MiB is over the "
                                   f"{settings.max_bytes / _MB:g} MiB limit")
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


def _redirect_refusal(source: Source, target: str, settings: PollSettings,
                      origin_local: list[bool]) -> str | None:
    """Why ``target`` may not be followed from ``source``, or None.

    A source on a public address may not lead us to a local one (the server could otherwise make
    us read a router's page or a cloud metadata service); a source added with a local address may.
    ``origin_local`` caches the source's own answer, worked out at its first redirect.
    """
    if scheme_of(target) not in ("http", "https"):
        return f"redirect to an unsupported address {target} (not http or https); not followed"
    if not origin_local:
        origin_local.append(host_is_local(urlsplit(source.url).hostname or "", settings))
    if origin_local[0]:
        return None
    host = urlsplit(target).hostname or ""
    if host_is_local(host, settings):
        return f"refused redirect from a public address to a private one: {target}"
    return None


def _poll_http(client: httpx.Client, source: Source, settings: PollSettings) -> PollResult:
    deadline = time.monotonic() + settings.total_timeout
    token = _DEADLINE.set(deadline)
    guard = _PUBLIC_ONLY.set(None)
    try:
        return _poll_http_within(client, source, settings, deadline)
    finally:
        _PUBLIC_ONLY.reset(guard)
        _DEADLINE.reset(token)


def _poll_http_within(client: httpx.Client, source: Source, settings: PollSettings,
                      deadline: float) -> PollResult:
    url = source.url
    chain = [url]
    permanent = True
    requests = 0
    origin_local: list[bool] = []
    while True:
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
                    refusal = _redirect_refusal(source, target, settings, origin_local)
                    if refusal:
                        return _failed(source, f"{source.url}: {refusal}", http_status=status,
                                       requests=requests)
                    if not origin_local[0]:
                        _PUBLIC_ONLY.set(settings)
                    chain.append(target)
                    url = target
                    continue
                return _handle_response(source, response, url, chain, permanent, requests, settings,
                                        deadline)
        except _BadRedirect as exc:
            return _failed(source, f"{url}: {exc}", requests=requests)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            # Only reached with a client made elsewhere (without our redirect check).
            problem = f"redirect to an unsupported address or an unusable URL ({exc}); not followed"
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline - 0.05:
                problem = (f"no complete answer within {settings.total_timeout:g} s (the limit for "
                           "connecting, headers and body together); stopped")
            elif isinstance(exc, httpx.ConnectTimeout):
                problem = f"connect timed out after {settings.connect_timeout:g} s"
            elif isinstance(exc, httpx.ReadTimeout):
                problem = f"no data for {settings.read_timeout:g} s (read timed out)"
            else:
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
                            f"{settings.max_bytes / _MB:g} MiB limit; not read")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise _Abort(f"body too large: over the {settings.max_bytes / _MB:g} MiB limit; "
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
    common: dict[str, Any] = {"http_status": status, "requests": requests, "final_url": url,
                              "moved_to": moved_to}
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
        note = f"; retry after {_duration(wait)}" if wait is not None else ""
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


def _duration(seconds: float) -> str:
    """A wait for a person: "90 s", "15 min", "6 h" (a clamped Retry-After is at most a day)."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


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
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
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
