"""A real HTTP server on 127.0.0.1 (ephemeral port) for the polling tests.

Each path is routed to a function that writes the whole answer, so a test can serve a growing
feed, answer 304, fail, hang, cut a body short, redirect or refuse, exactly as a server would.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

Route = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"",
         headers: dict[str, str] | None = None) -> None:
    """Write a complete answer with a Content-Length."""
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def drip(handler: BaseHTTPRequestHandler, raw: bytes, every: float, stop: threading.Event) -> None:
    """Send ``raw`` (status line, headers and body as they go on the wire) one byte every ``every``
    seconds, as a server that trickles its answer does; ends early when ``stop`` is set."""
    for byte in raw:
        if stop.wait(every):
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
    handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle plus delayed ACK adds
    # ~40 ms to every answer on loopback and swamps what is being measured.
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits.append((path, dict(self.headers.items())))
            route = self.server.routes.get(path)
        if route is None:
            send(self, 404, b"not found")
            return
        # The client may give up on purpose (size cap, timeout).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    hits: list[tuple[str, dict[str, str]]]
    lock: threading.Lock

    def handle_error(self, request, client_address) -> None:
        """Stay quiet when a client hangs up (tests cut connections on purpose); report the rest."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FeedServer:
    """Start with ``with FeedServer() as server:``; ``server.url('/x')`` is the address of a route."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.routes = {}
        self._server.hits = []
        self._server.lock = threading.Lock()
        self.release = threading.Event()  # lets hanging routes finish at teardown
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The full address of ``path`` on this server."""
        return self.base + path

    def route(self, path: str, handler: Route) -> str:
        """Serve ``path`` with ``handler``; returns its URL."""
        with self._server.lock:
            self._server.routes[path] = handler
        return self.url(path)

    def hits(self, path: str | None = None) -> list[dict[str, str]]:
        """Request headers of every request (to ``path``), oldest first."""
        with self._server.lock:
            return [h for p, h in self._server.hits if path is None or p == path]


@dataclass
class Item:
    """One entry of a served feed."""

    guid: str | None
    title: str
    body: str
    published: datetime | None = None


@dataclass
class GrowingFeed:
    """An RSS feed that changes between polls and answers conditional requests like a real server.

    ``use_etag``/``use_date`` choose which validators it sends and honours.
    """

    items: list[Item] = field(default_factory=list)
    use_etag: bool = True
    use_date: bool = True
    changed: datetime = field(default_factory=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    served_full: int = 0
    served_304: int = 0

    def touch(self) -> None:
        """Mark the feed as changed now (Last-Modified moves one second on)."""
        self.changed = self.changed + timedelta(seconds=1)

    def add(self, item: Item) -> None:
        """Publish a new item on top."""
        self.items.insert(0, item)
        self.touch()

    def edit(self, guid: str, body: str) -> None:
        """Change an item's text, keeping its id."""
        for item in self.items:
            if item.guid == guid:
                item.body = body
        self.touch()

    def render(self) -> bytes:
        """The feed document."""
        parts = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                 "<title>Test feed</title><link>http://example.invalid/</link>"]
        for item in self.items:
            parts.append("<item>")
            if item.guid is not None:
                parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
            parts.append(f"<title>{escape(item.title)}</title>")
            parts.append(f"<description>{escape(item.body)}</description>")
            if item.published is not None:
                parts.append(f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>")
            parts.append("</item>")
        parts.append("</channel></rss>")
        return "".join(parts).encode("utf-8")

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        body = self.render()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = format_datetime(self.changed, usegmt=True)
        headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if self.use_etag:
            headers["ETag"] = etag
        if self.use_date:
            headers["Last-Modified"] = modified
        match = False
        if self.use_etag and handler.headers.get("If-None-Match"):
            match = handler.headers["If-None-Match"] == etag
        elif self.use_date and handler.headers.get("If-Modified-Since"):
            match = handler.headers["If-Modified-Since"] == modified
        if match:
            self.served_304 += 1
            send(handler, 304, headers={k: v for k, v in headers.items() if k != "Content-Type"})
            return
        self.served_full += 1
        send(handler, 200, body, headers)
