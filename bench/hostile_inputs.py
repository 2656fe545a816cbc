"""Hostile-input campaign: the app's real entry points against every known trigger and a mutation fuzz.

Each input is tried through the ``monitor`` command (a subprocess, as a user runs it) or in this
process (``parse_document``, ``Monitor``) where a process per input would be too slow, and ends
in one of:

- ``handled``: a clear error or a success, with the exit status the command documents;
- ``traceback``: "Traceback" on a command's stderr, or an exception other than the documented
  error types in this process;
- ``hang``: still running past the input's deadline;
- ``loss``: a seeded store holds fewer posts or revisions afterwards than before;
- ``mishandled``: it ended quietly but wrong: exit 0 for a refused input, an error line that does not
  name the input or the problem, text dropped, duplicates stored, a private address fetched.

The inputs: every trigger named by the hostile-input fault list (defects 1–15), polling faults served
by a real HTTP server on 127.0.0.1 (``tests/_feedserver.py``), and a seeded mutation fuzz of the
real feed samples (``bench/parser_fuzz.py``'s mutators), of which every eighth is also ingested
into a seeded store.

The code under test is the one on ``PYTHONPATH`` (default: this checkout). With
``--baseline-tree DIR`` (e.g. ``git archive 33fc42d | tar -x -C BASE``) the same campaign
runs on that tree first and the figures print side by side. Each tree runs in a child process.

Usage: ``python bench/hostile_inputs.py [--quick] [--baseline-tree DIR] [--details] [--seed 18]``
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import random
import resource
import shlex
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SHARED = Path(os.environ.get("MONITOR_SHARED_FEEDS", ROOT.parent / "shared" / "feeds"))
#: Address space for each command run, so that a read of /dev/zero fails instead of taking the machine.
MEMORY_LIMIT = 3 * 2**30
CLI_DEADLINE = 25.0
INPROC_DEADLINE = 10.0
OUTCOMES = ("handled", "traceback", "hang", "loss", "mishandled")


def _load(name: str, path: Path):
    """A helper module of this checkout by file, so it never shadows the tree under test."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Result:
    case: str
    defect: str
    outcome: str
    why: str = ""


@dataclass
class Campaign:
    tree: Path
    work: Path
    quick: bool
    seed: int
    results: list[Result] = field(default_factory=list)
    template: Path | None = None

    # -- bookkeeping -----------------------------------------------------------------------

    def record(self, case: str, defect: str, outcome: str, why: str = "") -> None:
        self.results.append(Result(case, defect, outcome, why[:300]))

    # -- the command as a subprocess -------------------------------------------------------

    def run_cli(self, args: list[str], *, deadline: float = CLI_DEADLINE, stdin: bytes | None = None,
                env: dict | None = None, cwd: Path | None = None,
                read_only: Path | None = None) -> tuple[int | None, str, str]:
        """``python -m monitor ARGS``; (exit status or None on a hang, stdout, stderr).

        ``read_only`` is a folder mounted read-only for the command (a private mount namespace:
        root, which this may run as, writes past file modes but not past a read-only mount).
        """
        full_env = {**os.environ, "PYTHONPATH": str(self.tree), "QT_QPA_PLATFORM": "offscreen",
                    "MONITOR_DB": str(self.work / "default-unused.db"), **(env or {})}

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            os.setsid()

        command = [PYTHON, "-m", "monitor", *args]
        if read_only is not None:
            folder = shlex.quote(str(read_only))
            command = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                       f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && exec "
                       + " ".join(map(shlex.quote, command))]
        proc = subprocess.Popen(command, stdin=subprocess.PIPE if stdin else
                                subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=full_env, cwd=cwd or self.work, preexec_fn=limit)
        try:
            out, err = proc.communicate(stdin, timeout=deadline)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            out, err = proc.communicate()
            return None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        _kill_group(proc.pid)  # workers left behind by a crash
        return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def seeded(self, name: str) -> Path:
        """A copy of the seeded store for one case."""
        if self.template is None:
            self.template = self.work / "template.db"
            rc, _out, err = self.run_cli(["--db", str(self.template), "ingest", str(self.tree / "seeds")],
                                         deadline=120)
            if rc != 0:
                raise SystemExit(f"could not seed the template store: {err[-500:]}")
        target = self.work / name
        target.mkdir(parents=True, exist_ok=True)
        db = target / "store.db"
        shutil.copy(self.template, db)
        return db

    def cli_case(self, case: str, defect: str, args: list[str], *, db: Path | None = None,
                 expect: str = "zero", names: tuple[str, ...] = (),
                 check: Callable[[int, str, str], str | None] | None = None,
                 deadline: float = CLI_DEADLINE, stdin: bytes | None = None,
                 read_only: Path | None = None) -> tuple[int | None, str, str]:
        """Run one command and record its outcome.

        ``expect`` is the documented exit status ("zero", "nonzero" or "any"); ``names`` are texts
        the error output must hold (the input's name, the problem); ``check`` may find more wrong.
        """
        before = store_counts(db) if db else None
        rc, out, err = self.run_cli((["--db", str(db)] if db else []) + args, deadline=deadline, stdin=stdin,
                                    read_only=read_only)
        if rc is None:
            self.record(case, defect, "hang", f"still running after {deadline:.0f} s")
        elif "Traceback" in err:
            self.record(case, defect, "traceback", _last_line(err))
        elif before is not None and _lost(before, store_counts(db)):
            self.record(case, defect, "loss", f"{before} -> {store_counts(db)}")
        elif expect == "zero" and rc != 0:
            self.record(case, defect, "mishandled", f"exit {rc}: {_last_line(err)}")
        elif expect == "nonzero" and rc == 0:
            self.record(case, defect, "mishandled", f"exit 0 for a refused input: {_last_line(err)}")
        elif missing := [n for n in names if n.lower() not in err.lower()]:
            self.record(case, defect, "mishandled", f"error does not say {missing}: {_last_line(err)}")
        elif check and (why := check(rc, out, err)):
            self.record(case, defect, "mishandled", why)
        else:
            self.record(case, defect, "handled")
        return rc, out, err

    # -- in this process -------------------------------------------------------------------

    def inproc(self, case: str, defect: str, fn: Callable[[], str | None], *,
               deadline: float = INPROC_DEADLINE, expected: tuple[type[BaseException], ...] = ()) -> None:
        """Run ``fn`` under a deadline; it returns None when all is well, else what is wrong."""
        try:
            with deadline_of(deadline):
                why = fn()
        except Hang:
            self.record(case, defect, "hang", f"over {deadline:.0f} s")
        except Loss as exc:
            self.record(case, defect, "loss", str(exc))
        except expected:
            self.record(case, defect, "handled")
        except Exception as exc:  # noqa: BLE001  (what the campaign counts)
            self.record(case, defect, "traceback", f"{type(exc).__name__}: {str(exc)[:200]}")
        else:
            self.record(case, defect, "mishandled" if why else "handled", why or "")


class Hang(BaseException):
    """The per-input deadline passed (a BaseException, so no ``except Exception`` swallows it)."""


class Loss(Exception):
    """Something stored before is gone."""


@contextlib.contextmanager
def deadline_of(seconds: float):
    """Raise Hang in this (main) thread when ``seconds`` pass."""
    def ring(_signum, _frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:240] if lines else "(nothing on stderr)"


def store_counts(db: Path) -> tuple[int, int]:
    """(posts, revisions) in a store, read without writing."""
    if not db.exists():
        return (0, 0)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        posts = con.execute("select count(*) from posts").fetchone()[0]
        revisions = con.execute("select count(*) from post_revisions").fetchone()[0]
        return posts, revisions
    except sqlite3.Error:
        return (0, 0)
    finally:
        con.close()


def _lost(before: tuple[int, int], after: tuple[int, int]) -> bool:
    return any(a < b for a, b in zip(after, before, strict=True))


# -- documents ------------------------------------------------------------------------------

def rss(*items: tuple[str, str], guid_prefix: str = "g", prolog: str = "", pubdate: str = "") -> str:
    """An RSS document whose items hold ``(title, description)`` exactly as given (already escaped)."""
    body = "".join(
        f"<item><guid isPermaLink=\"false\">{guid_prefix}{i}</guid><title>{title}</title>"
        f"<description>{desc}</description>{pubdate}</item>"
        for i, (title, desc) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<rss version="2.0"><channel><title>T</title>'
            f"<link>http://example.invalid/</link>{body}</channel></rss>")


def jsonl(*rows: dict) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def liveblog(body: str) -> str:
    return ('<html><head><script type="application/ld+json">{"@context":"https://schema.org",'
            '"@type":"LiveBlogPosting","headline":"Live","liveBlogUpdate":[{"@type":"BlogPosting",'
            f'"headline":"Update","articleBody":"{body}","datePublished":"2023-09-12T10:00:00Z"}}]}}'
            "</script></head><body></body></html>")


GOOD = rss(("Train left Pyongyang", "Officials said the train left Pyongyang station on Sunday."),
           ("Train reached Khasan", "The train arrived at Khasan, the ministry said."), guid_prefix="good")

#: Defect 1's triggers, each in the document kind that met it.
PARSER_TRIGGERS = {
    "char ref &#99999999;": rss(("Bad &#99999999; title", "Officials said it left.")),
    "stray </width>": rss(("Width", "Officials said it left.")).replace("<channel>", "<channel></width>"),
    "&#xD800; in RSS": rss(("Sur &#xD800; gate", "Officials said it left.")),
    "&#xD800; in JSON-LD": liveblog("Officials said &#xD800; it left."),
    "\\ud800 in JSON-LD": liveblog("Officials said \\ud800 it left."),
    "\\ud800 in JSON lines": jsonl({"guid": "s1", "title": "Sur", "body": "x"}).replace('"x"', '"\\ud800 x"'),
    "<gml:pos>1 2</gml:pos>": rss(("Geo", "Officials said it left.")).replace(
        "<rss version=\"2.0\">", '<rss version="2.0" xmlns:georss="http://www.georss.org/georss" '
        'xmlns:gml="http://www.opengis.net/gml">').replace(
        "</title><description>", "</title><georss:where><gml:Point><gml:pos>1 2</gml:pos></gml:Point>"
        "</georss:where><description>", 1),
    "JSON nested 100k deep": ('{"guid": "d", "title": "deep", "body": ' + "[" * 100_000 + "]" * 100_000
                              + "}\n"),
    "JSON-LD nested 100k deep": liveblog("x").replace('"articleBody":"x"', '"articleBody":' + "[" * 100_000
                                                      + "]" * 100_000),
}

DROPPED_BY = ["<embed src=\"https://example.invalid/clip.mp4\">", "<source src=\"a.mp4\">",
              "<track src=\"t\">",
              "<param name=\"x\" value=\"y\">", "<img src=\"https://example.invalid/x.png\">", "<video>",
              "<object>", "<iframe>", "<noscript>", "<title>", "<head>", "<wbr>", "<audio>", "<br>"]


def html_item(opener: str) -> str:
    from xml.sax.saxutils import escape
    html = (f"<p>See the clip:</p>{opener}<p>Kremlin spokesman Dmitry Peskov said "
            "\u201cthe visit is going to plan\u201d.</p>")
    return rss(("Clip", escape(html)))


def route_document(stops: int | None = None, **changes) -> dict:
    """The shipped route, optionally grown to ``stops`` stops, with top-level ``changes``."""
    route = json.loads((ROOT / "resources" / "routes" / "pyongyang-ussuriysk.json").read_text())
    route.pop("$schema", None)
    if stops:
        # The shipped stops, then halts 1.5 km apart past the last one, then the destination.
        base = route["stops"]
        last = base[-1]
        halts = [dict(last, kind="station", name=f"Halt {i}", aliases=[], lat=None, lon=None,
                      km=round(last["km"] + 1.5 * (i + 1), 1)) for i in range(stops - len(base))]
        final = dict(last, km=round(last["km"] + 1.5 * (len(halts) + 1), 1))
        junction = dict(last, kind="station", name="Ussuriysk junction", aliases=[])
        route["stops"] = base[:-1] + [junction] + halts
        route["stops"] = route["stops"][:stops - 1] + [final]
    route.update(changes)
    return route


# -- the cases ------------------------------------------------------------------------------

def defect_1(c: Campaign) -> None:
    from monitor.sources.errors import SourceError
    from monitor.sources.registry import parse_document

    seeds = c.tree / "seeds"
    for name, text in PARSER_TRIGGERS.items():
        c.inproc(f"parse {name}", "1", lambda text=text: _parsed(parse_document(text.encode(), "x")),
                 expected=(SourceError,))
        folder = c.work / f"d1-{abs(hash(name))}"
        folder.mkdir(exist_ok=True)
        bad = folder / "bad.xml"
        bad.write_text(text, encoding="utf-8", errors="surrogatepass")
        db = c.seeded(f"d1-{abs(hash(name))}-db")
        empty = c.work / f"d1-{abs(hash(name))}-fresh.db"

        def seeds_stored(_rc, _out, _err, empty=empty) -> str | None:
            return None if store_counts(empty)[0] > 0 else "nothing from seeds/ stored after the bad file"

        c.cli_case(f"ingest {name} + seeds/", "1", ["--db", str(empty), "ingest", str(bad), str(seeds)],
                   expect="any", check=seeds_stored)
        c.cli_case(f"ingest {name} into seeded store", "1", ["ingest", str(bad)], db=db, expect="any")
    # A crashing source polled first: the others are still polled and the failure is recorded.
    folder = c.work / "d1-watch"
    folder.mkdir(exist_ok=True)
    bad = folder / "bad.xml"
    # Nested past the recursion limit: a crash before the fixes, a refused document after.
    bad.write_text(PARSER_TRIGGERS["JSON nested 100k deep"], encoding="utf-8")
    goods = []
    for i in range(2):
        good = folder / f"good{i}.xml"
        good.write_text(GOOD.replace("good", f"good{i}-"), encoding="utf-8")
        goods.append(good)
    for rnd in range(2):
        db = c.work / "d1-watch.db"

        def good_polled(_rc, _out, _err, db=db) -> str | None:
            return _watch_check(c, db, bad.name, expect_posts=4)

        c.cli_case(f"watch --once crashing file source first (round {rnd + 1})", "1",
                   ["--db", str(db), "watch", "--once", str(bad), *map(str, goods)], expect="nonzero",
                   names=("bad.xml",), check=good_polled)


def _parsed(result) -> str | None:
    """A parse result is fine when every string in it can be stored as UTF-8."""
    for post in result.posts:
        for value in (post.title, post.body, post.guid):
            try:
                (value or "").encode("utf-8")
            except UnicodeEncodeError:
                return f"post {post.guid!r} holds a lone surrogate SQLite cannot store"
    return None


def _watch_check(c: Campaign, db: Path, bad_name: str, expect_posts: int) -> str | None:
    rc, out, err = c.run_cli(["--db", str(db), "sources", "--json"])
    if rc != 0:
        return f"monitor sources failed: {_last_line(err)}"
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    bad_rows = [r for r in rows if bad_name in (r.get("url") or "") + (r.get("key") or "")]
    if not bad_rows or not bad_rows[0].get("last_error"):
        return f"the failing source's error was not recorded: {bad_rows[:1]}"
    stored = store_counts(db)[0]
    if stored < expect_posts:
        return f"only {stored} posts from the good sources (expected {expect_posts})"
    return None


def serve(c: Campaign):
    feedserver = _load("hostile_feedserver", ROOT / "tests" / "_feedserver.py")
    return feedserver


def poll_settings(**limits):
    """PollSettings with the limits the tree under test knows of."""
    from monitor.sources.poller import PollSettings
    known = {f.name for f in fields(PollSettings)}
    return PollSettings(**{k: v for k, v in limits.items() if k in known})


def defect_2_5_7_14_15(c: Campaign) -> None:
    """The polling cases, against a real server on 127.0.0.1."""
    fs = serve(c)
    from monitor.service import Monitor

    with fs.FeedServer() as server:
        good = fs.GrowingFeed(items=[fs.Item("a", "Left", "Officials said the train left."),
                                     fs.Item("b", "Arrived", "The train arrived, the ministry said.")])
        good_url = server.route("/good", good)
        fast = poll_settings(connect_timeout=2.0, read_timeout=2.0, total_timeout=3.0, workers=2)

        def first_then_good(path: str, handler, *, settings=fast, check_error=None, polls: int = 1):
            def run() -> str | None:
                url = server.route(path, handler)
                db = c.work / f"poll{path.replace('/', '-')}.db"
                with Monitor(db) as monitor:
                    bad = monitor.add_source(url)
                    ok = monitor.add_source(good_url)
                    for _ in range(polls):
                        reports = monitor.poll_once(settings=settings)
                    got = {r.source_id: r for r in reports}
                    if got[ok.id].error:
                        return f"the good source failed: {got[ok.id].error}"
                    if monitor.posts.count() < 2:
                        return "the good source's posts were not stored"
                    state = monitor.sources.get(bad.id)
                    error = got[bad.id].error or ""
                    if not error or not getattr(state, "last_error", None):
                        return "the failing source's error was not recorded"
                    if check_error:
                        return check_error(error)
                return None
            return run

        def send_redirect(target: str):
            return lambda h: fs.send(h, 302, headers={"Location": target})

        for target in ("javascript:alert(1)", "http://[::1", "http://exa mple.com/", "ftp://x/y",
                       "http://a:99999/", "//", "\u0000", "data:text/xml,<rss/>", "file:///etc/passwd"):
            c.inproc(f"302 Location: {target!r}", "2",
                     first_then_good(f"/redirect-{len(c.results)}", send_redirect(target)))

        # CLI: watch --once with the bad redirect first.
        bad_url = server.route("/js", send_redirect("javascript:alert(1)"))
        db = c.work / "d2-watch.db"
        c.cli_case("watch --once redirect to javascript: first", "2",
                   ["--db", str(db), "watch", "--once", bad_url, good_url], expect="nonzero",
                   names=("/js",), check=lambda *_: _watch_check(c, db, "/js", expect_posts=2))

        # Defect 5: headers one byte at a time.
        raw = (b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Pad: " + b"x" * 200 + b"\r\n"
               b"Content-Length: 10\r\n\r\n0123456789")
        drip_limit = 3.0

        def drip_poll() -> str | None:
            url = server.route("/drip", lambda h: fs.drip(h, raw, 0.2, server.release))
            with Monitor(c.work / "drip.db") as monitor:
                monitor.add_source(url)
                monitor.add_source(good_url)
                began = time.monotonic()
                reports = monitor.poll_once(settings=fast)
                took = time.monotonic() - began
            if took > drip_limit * 2 + 2:
                return f"poll took {took:.0f} s against a {drip_limit:.0f} s limit"
            if not any(r.error for r in reports):
                return "the dripping source was not reported as failed"
            return None

        c.inproc("headers one byte each 0.2 s", "5", drip_poll, deadline=20)

        # Defect 7: GUIDs renewed at every fetch.
        renew = {"n": 0}

        def renewing(h) -> None:
            renew["n"] += 1
            items = [(f"Item {i}", f"Officials said stop {i} was reached.") for i in range(20)]
            fs.send(h, 200, rss(*items, guid_prefix=f"r{renew['n']}-").encode(),
                    {"Content-Type": "application/rss+xml"})

        def renewed() -> str | None:
            url = server.route("/renew", renewing)
            with Monitor(c.work / "renew.db") as monitor:
                source = monitor.add_source(url)
                for _ in range(10):
                    monitor.poll_once(source.id, settings=fast)
                count = monitor.posts.count()
            return None if count == 20 else f"{count} posts from 20 items in 10 polls"

        c.inproc("feed renewing its GUIDs, 10 polls", "7", renewed, deadline=60)

        # Defect 14: Retry-After values.
        for value in ("inf", "nan", "-5", "1e308", "99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"):
            def busy(value=value):
                return lambda h: fs.send(h, 429, headers={"Retry-After": value})

            def sane(error: str) -> str | None:
                absurd = "inf" in error or "e+" in error
                return "error prints an infinite or absurd wait" if absurd else None

            c.inproc(f"429 Retry-After: {value}", "14",
                     first_then_good(f"/busy-{len(c.results)}", busy(), check_error=sane))

        # Defect 15: a public address redirected to a private one. 127.0.0.1 counts as public here
        # and 127.0.0.2 as private (a second server listens there, to see whether it is reached).
        import ipaddress

        from monitor.sources import poller
        networks = getattr(poller, "LOCAL_NETWORKS", ())
        public_loopback = poll_settings(
            connect_timeout=2.0, read_timeout=2.0, total_timeout=3.0, workers=2,
            local_networks=tuple(n for n in networks if n != ipaddress.ip_network("127.0.0.0/8"))
            + (ipaddress.ip_network("127.0.0.2/32"),),
            resolve=lambda host: (host,) if host.replace(".", "").isdigit() or ":" in host else ())
        inside = fs._Server(("127.0.0.2", 0), fs._Handler)
        inside.routes, inside.hits, inside.lock = {}, [], threading.Lock()
        inside.routes["/secret"] = lambda h: fs.send(h, 200, GOOD.encode())
        thread = threading.Thread(target=inside.serve_forever, daemon=True)
        thread.start()
        try:
            port = inside.server_address[1]
            for status in (301, 302, 307, 308):
                def private_redirect(status=status) -> str | None:
                    url = server.route(f"/to-private-{status}", lambda h: fs.send(
                        h, status, headers={"Location": f"http://127.0.0.2:{port}/secret"}))
                    before = len(inside.hits)
                    with Monitor(c.work / f"private-{status}.db") as monitor:
                        source = monitor.add_source(url)
                        [report] = monitor.poll_once(source.id, settings=public_loopback)
                    if len(inside.hits) > before:
                        return "the private address was fetched"
                    if "private" not in (report.error or ""):
                        return f"the status does not say why: {report.error!r}"
                    return None

                c.inproc(f"{status} from a public address to 127.0.0.2", "15", private_redirect)
        finally:
            inside.shutdown()
            inside.server_close()


def defect_3_13(c: Campaign) -> None:
    """Hostile titles through the report renderer; a FIFO as an image never read, /dev/zero neither."""
    folder = c.work / "d3"
    folder.mkdir(exist_ok=True)
    fifo = folder / "image.fifo"
    os.mkfifo(fifo)
    titles = [f"&amp;lt;img src=&amp;quot;{fifo}&amp;quot;&amp;gt; Evil",
              "&amp;lt;img src=&amp;quot;/dev/zero&amp;quot;&amp;gt; Evil",
              f"&lt;img src=&quot;file://{fifo}&quot;&gt; Evil",
              "&lt;b&gt;bold&lt;/b&gt; &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"]
    for i, title in enumerate(titles):
        db = c.seeded(f"d3-{i}")
        feed = folder / f"hostile{i}.xml"
        feed.write_text(rss((title, "Officials said &quot;it left&quot;."), guid_prefix=f"h{i}-")
                        .replace("<title>T</title>", f"<title>{title}</title>"), encoding="utf-8")
        c.cli_case(f"ingest hostile title {i}", "3", ["ingest", str(feed)], db=db)
        c.cli_case(f"report with hostile title {i}", "3", ["report", "--out", str(folder / f"r{i}.pdf")],
                   db=db, deadline=60)
    # A 5 MB post: stored and reported.
    db = c.seeded("d13")
    big = folder / "big.jsonl"
    big.write_text(jsonl({"guid": "big", "title": "Big", "published": "2023-09-12T10:00:00Z",
                          "body": ("Officials said the train left. " * 170_000)[:5_000_000]}))
    c.cli_case("ingest a 5 MB post", "13", ["ingest", str(big)], db=db, deadline=60)
    c.cli_case("posts with a 5 MB post", "13", ["posts", "--limit", "3"], db=db)


def defect_4(c: Campaign) -> None:
    from monitor.sources.errors import SourceError
    from monitor.sources.registry import parse_document

    for opener in DROPPED_BY:
        def kept(opener=opener) -> str | None:
            [post] = parse_document(html_item(opener).encode(), "clip.xml").posts
            return None if "Peskov" in post.body else f"text after {opener} dropped: {post.body[:80]!r}"

        c.inproc(f"description with {opener[:20]}", "4", kept, expected=(SourceError,))


def defect_6(c: Campaign) -> None:
    folder = c.work / "d6"
    folder.mkdir(exist_ok=True)
    db = c.seeded("d6")
    odd = folder / "odd.jsonl"
    odd.write_text(jsonl(
        {"guid": "ls", "title": "Line sep", "body": "First\u2028second\u2029third \x85 fourth \x0b\x0c",
         "published": "2023-09-12T10:00:00Z"},
        {"guid": "cr", "title": "CR", "body": "a\rb\r\nc", "published": "2023-09-12T11:00:00Z"}),
        encoding="utf-8")
    c.cli_case("ingest U+2028/U+2029 bodies", "6", ["ingest", str(odd)], db=db)
    for how, args in (("posts --json", ["posts", "--json"]),
                      ("export ndjson", ["export", "--format", "ndjson"])):
        rc, out, err = c.run_cli(["--db", str(db), *args])
        dump = folder / f"dump-{how.replace(' ', '_')}.txt"
        dump.write_text(out, encoding="utf-8")
        fresh = folder / f"fresh-{how.replace(' ', '_')}.db"
        want = store_counts(db)[0]

        def all_back(_rc, _out, _err, fresh=fresh, want=want) -> str | None:
            got = store_counts(fresh)[0]
            return None if got == want else f"{got} of {want} posts came back"

        c.cli_case(f"round trip through {how}", "6", ["--db", str(fresh), "ingest", str(dump)],
                   check=all_back)
    long_first = folder / "long-first.jsonl"
    long_first.write_text(jsonl({"guid": "long", "title": "Long", "body": "Officials said x. " * 80_000,
                                 "published": "2023-09-12T10:00:00Z"},
                                {"guid": "short", "title": "Short", "body": "ok"}))
    c.cli_case("JSON lines with a 1.4 MB first line", "6", ["ingest", str(long_first)], db=c.seeded("d6b"))


def defect_7(c: Campaign) -> None:
    folder = c.work / "d7"
    folder.mkdir(exist_ok=True)
    db = c.seeded("d7")
    twice = folder / "twice.jsonl"
    twice.write_text(jsonl({"guid": "dup", "title": "One", "body": "first version"},
                           {"guid": "dup", "title": "One", "body": "second version"},
                           {"guid": "other", "title": "Two", "body": "plain"}))
    c.run_cli(["--db", str(db), "ingest", str(twice)])
    first = store_counts(db)

    def unchanged(_rc, _out, _err) -> str | None:
        return None if store_counts(db) == first else f"{first} -> {store_counts(db)} on re-ingest"

    c.cli_case("same JSON lines file again (repeated guid)", "7", ["ingest", str(twice)], db=db,
               check=unchanged)


def defect_8(c: Campaign) -> None:
    """Kill the command once its extraction workers run, and look for what it started still running."""
    folder = c.work / "d8"
    posts = folder / "posts"
    posts.mkdir(parents=True, exist_ok=True)

    def batch(name: str, count: int, words: int) -> Path:
        path = posts / name if name.startswith("b") else folder / name
        path.write_text(jsonl(*({"guid": f"{name}-{i}", "title": f"Post {i}",
                                 "published": "2023-09-12T10:00:00Z",
                                 "body": f"Officials said the train left station {i} on time. " * words}
                                for i in range(count))))
        return path

    for f in range(20):  # files of 40 posts: the workers wait idle between files
        batch(f"b{f:03}.jsonl", 40, 5)
    small = batch("sixty.jsonl", 60, 5)  # one round of watch, then the workers wait idle
    big = batch("many.jsonl", 3000, 40)  # workers busy for a long while
    env = {**os.environ, "PYTHONPATH": str(c.tree), "QT_QPA_PLATFORM": "offscreen"}
    for how, args, sig, stored in (("kill -9 of ingest", ["ingest", str(posts)], signal.SIGKILL, 40),
                                   ("kill of ingest", ["ingest", str(posts)], signal.SIGTERM, 40),
                                   ("kill of watch between rounds", ["watch", str(small)], signal.SIGTERM,
                                    60),
                                   ("kill of watch mid-batch", ["watch", str(big)], signal.SIGTERM, 0)):
        def run(args=args, sig=sig, how=how, stored=stored) -> str | None:
            db = folder / f"{how.replace(' ', '_')}.db"
            # Run in the work folder, not this checkout: `-m monitor` imports from the cwd first.
            proc = subprocess.Popen([PYTHON, "-m", "monitor", "--db", str(db), *args], env=env, cwd=c.work,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            try:
                # Killed once the extraction workers run (the parent, the resource tracker, two
                # workers) and the first batch is stored, or after 20 s.
                until = time.monotonic() + 20
                while time.monotonic() < until and proc.poll() is None and (
                        len(_group_alive(proc.pid)) < 4 or store_counts(db)[0] < stored):
                    time.sleep(0.2)
                os.kill(proc.pid, sig)
                proc.wait(timeout=10)
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and _group_alive(proc.pid):
                    time.sleep(0.2)
                left = _group_alive(proc.pid)
                return f"{len(left)} processes left running 5 s after {how}" if left else None
            except subprocess.TimeoutExpired:
                return f"still running 10 s after {how}"
            finally:
                _kill_group(proc.pid)
                with contextlib.suppress(Exception):
                    proc.wait(timeout=5)

        c.inproc(how, "8", run, deadline=45)


def _group_alive(pgid: int) -> list[int]:
    """Pids of live (not zombie) processes in the process group ``pgid``."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            text = (entry / "stat").read_text()
            rest = text.rsplit(")", 1)[1].split()
            if int(rest[2]) == pgid and rest[0] != "Z":
                alive.append(int(entry.name))
    return alive


def defect_9(c: Campaign) -> None:
    folder = c.work / "d9"
    folder.mkdir(exist_ok=True)
    db = c.seeded("d9")
    bad_routes = {}
    for name, value in (("Infinity", math.inf), ("NaN", math.nan), ("-Infinity", -math.inf)):
        route = route_document()
        route["stops"][3]["km"] = value
        bad_routes[f"km {name}"] = json.dumps(route)
        route = route_document(max_speed_kmh=value)
        bad_routes[f"max_speed_kmh {name}"] = json.dumps(route)
    bad_routes["nested 100k deep"] = '{"stops": ' + "[" * 100_000 + "]" * 100_000 + "}"
    nested = route_document()
    nested["stops"][2]["aliases"] = [[[["x"]]]]
    bad_routes["alias nested lists"] = json.dumps(nested)
    bad_routes["not JSON"] = "{\"name\": "
    bad_routes["stops not a list"] = json.dumps(route_document(stops=None) | {"stops": {"a": 1}})
    for name, text in bad_routes.items():
        path = folder / f"route-{abs(hash(name))}.json"
        path.write_text(text)
        c.cli_case(f"route --route ({name})", "9", ["route", "--route", str(path), "--json"], db=db,
                   expect="nonzero", names=(path.name,))
        c.cli_case(f"route --route --use ({name})", "9", ["route", "--route", str(path), "--use"], db=db,
                   expect="nonzero", names=(path.name,))
    sizes = (1000,) if c.quick else (1000, 2000)
    for stops in sizes:
        path = folder / f"long-{stops}.json"
        path.write_text(json.dumps(route_document(stops=stops, name=f"long-{stops}")))
        c.cli_case(f"route --at with {stops} stops", "9",
                   ["route", "--route", str(path), "--at", "2023-09-13T00:00:00Z", "--json"], db=db,
                   deadline=30)


def defect_10(c: Campaign) -> None:
    folder = c.work / "d10"
    folder.mkdir(exist_ok=True)
    for times in ((100_000,) if c.quick else (100_000, 200_000)):
        path = folder / f"said-{times}.xml"
        path.write_text(rss(("Said", "He said &quot;a&quot; " * times)))
        c.cli_case(f'ingest He said "a" x{times}', "10", ["ingest", str(path)], db=c.seeded(f"d10-{times}"),
                   deadline=30)


def defect_11(c: Campaign) -> None:
    folder = c.work / "d11"
    folder.mkdir(exist_ok=True)
    db = c.seeded("d11")
    fifo = folder / "pipe.fifo"
    os.mkfifo(fifo)
    for target in ("/dev/zero", "/dev/urandom", str(fifo), "/dev/null", str(folder / "missing.xml"),
                   "/proc/self/mem", "/etc/shadow"):
        if target == "/etc/shadow" and os.access(target, os.R_OK):
            continue
        c.cli_case(f"ingest {target}", "11", ["ingest", target], db=db, expect="nonzero",
                   names=(Path(target).name,))
    # A folder with a file name that is not UTF-8 and a good file: the good one is stored.
    odd = folder / "odd"
    odd.mkdir()
    (odd / "good.xml").write_text(GOOD)
    with open(os.path.join(os.fsencode(odd), b"caf\xe9.xml"), "wb") as handle:
        handle.write(GOOD.replace("good", "cafe").encode())
    with open(os.path.join(os.fsencode(odd), b"bad\xff\xfe.txt"), "wb") as handle:
        handle.write(b"\x00\x01binary")
    fresh = folder / "odd.db"

    def both(_rc, _out, _err) -> str | None:
        got = store_counts(fresh)[0]
        return None if got >= 4 else f"{got} posts stored from the folder (expected 4)"

    c.cli_case("ingest a folder with non-UTF-8 names", "11", ["--db", str(fresh), "ingest", str(odd)],
               expect="nonzero", names=("bad\\xff\\xfe.txt",), check=both)
    c.cli_case("watch --once a non-UTF-8 file", "11",
               ["--db", str(folder / "odd-watch.db"), "watch", "--once",
                os.fsdecode(os.path.join(os.fsencode(odd), b"caf\xe9.xml"))], expect="any")
    # A file over the limit says the limit as written.
    big = folder / "big.xml"
    with open(big, "wb") as handle:
        handle.truncate(21 * 2**20)
    c.cli_case("ingest a 21 MiB file", "14", ["ingest", str(big)], db=db, expect="nonzero",
               names=("big.xml", "20 MiB"))


def defect_12(c: Campaign) -> None:
    folder = c.work / "d12"
    folder.mkdir(exist_ok=True)
    # A store on a read-only mount.
    db = c.seeded("d12-ro")
    ro = db.parent
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    probe = ["unshare", "-m", "--propagation", "private", "sh", "-c",
             f"mount --bind {ro} {ro} && mount -o remount,bind,ro {ro}"]
    if shutil.which("unshare") and subprocess.run(probe, capture_output=True).returncode == 0:
        for args in (["posts", "--limit", "2"], ["search", "train"], ["posts", "--json", "--limit", "1"],
                     ["sources"], ["export", "--table", "posts"], ["route", "--json"]):
            c.cli_case(f"read-only store: {' '.join(args[:2])}", "12", args, db=db, read_only=ro)
        new = c.work / "d12-new.xml"
        new.write_text(GOOD)
        c.cli_case("read-only store: ingest", "12", ["ingest", str(new)], db=db, expect="nonzero",
                   names=("store.db",), read_only=ro)
    else:
        print("  (no read-only mount here: read-only store cases left out)", file=sys.stderr)
    # --db under a regular file.
    plain = folder / "file.db"
    plain.write_text("not a database")
    for args in (["posts"], ["ingest", str(c.tree / "seeds")], ["search", "x"], ["sources"]):
        c.cli_case(f"--db file.db/sub.db {args[0]}", "12", ["--db", str(plain / "sub.db"), *args],
                   expect="nonzero", names=("sub.db",))
        c.cli_case(f"--db not-a-database {args[0]}", "12", ["--db", str(plain), *args],
                   expect="nonzero", names=("file.db",))
    # A damaged full-text index: missing, and a lost shadow table.
    for damage in ("drop table posts_fts", "drop table posts_fts_data"):
        db = c.seeded(f"d12-{damage.split()[-1]}")
        con = sqlite3.connect(db)
        try:
            con.execute("pragma writable_schema=on") if damage.endswith("_data") else None
            con.execute(damage)
            con.commit()
        finally:
            con.close()
        c.cli_case(f"search with {damage}", "12", ["search", "train"], db=db, expect="nonzero",
                   names=("store.db", "repair"))
        c.cli_case(f"ingest with {damage}", "12", ["ingest", str(c.tree / "seeds" / "..")], db=db,
                   expect="any")
        c.cli_case(f"posts with {damage}", "12", ["posts", "--limit", "1"], db=db)
        c.cli_case(f"repair after {damage}", "12", ["repair"], db=db)
        c.cli_case(f"search after repair ({damage})", "12", ["search", "train"], db=db)


def defect_14(c: Campaign) -> None:
    from monitor.sources.errors import SourceError
    from monitor.sources.registry import parse_document

    doc = rss(("Train left", "Officials said the train left."))
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        declared = doc.replace('encoding="utf-8"', f'encoding="{codec}"')
        with_bom = codec in ("utf-16", "utf-32")

        def read(declared=declared, codec=codec, with_bom=with_bom) -> str | None:
            try:
                result = parse_document(declared.encode(codec), f"feed.{codec}.xml")
            except SourceError as exc:
                return f"refused: {exc}"
            return None if result.posts and "Officials" in result.posts[0].body else "no posts"

        c.inproc(f"{codec} feed{' with BOM' if with_bom else ''}", "14", read)
    for size in (8 * 1024 + 1, 64 * 1024, 400 * 1024):
        prolog = "<!--" + "c" * size + "-->"

        def commented(prolog=prolog) -> str | None:
            try:
                result = parse_document(rss(("T", "Officials said x."), prolog=prolog).encode(), "c.xml")
            except SourceError as exc:
                return f"refused: {exc}"
            return None if result.posts else "no posts"

        c.inproc(f"{size // 1024} KiB leading comment", "14", commented)
    for label, pub in (("year 9999", "<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>"),
                       ("2023-13-45T99:99:99Z", "<pubDate>2023-13-45T99:99:99Z</pubDate>"),
                       ("Atom 2023-13-45T99:99:99Z", "<dc:date>2023-13-45T99:99:99Z</dc:date>"),
                       ("year 0001", "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>")):
        doc_dated = rss(("T", "Officials said x."), pubdate=pub).replace(
            '<rss version="2.0">', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">')

        def undated(doc_dated=doc_dated) -> str | None:
            [post] = parse_document(doc_dated.encode(), "d.xml").posts
            return None if post.published is None else f"stored as published {post.published}"

        c.inproc(f"feed date {label}", "14", undated, expected=(SourceError,))
    for label, date in (("JSON lines 9999", "9999-12-31T00:00:00Z"),
                        ("JSON lines 13-45", "2023-13-45T99:99:99Z")):
        def undated_jsonl(date=date) -> str | None:
            doc = jsonl({"guid": "d", "title": "T", "body": "x", "published": date})
            [post] = parse_document(doc.encode(), "d.jsonl").posts
            return None if post.published is None else f"stored as published {post.published}"

        c.inproc(label, "14", undated_jsonl, expected=(SourceError,))


def fuzz(c: Campaign) -> None:
    """Seeded mutations of the real samples through parse_document; every eighth also ingested."""
    pf = _load("hostile_parser_fuzz", ROOT / "bench" / "parser_fuzz.py")
    from monitor.service import Monitor
    from monitor.sources.errors import SourceError
    from monitor.sources.registry import parse_document

    rnd = random.Random(c.seed)
    pool = [(name, data) for name, data in pf.samples().items() if len(data) <= 400_000]
    inputs = 500 if c.quick else 3000
    db = c.seeded("fuzz")
    with Monitor(db) as monitor:
        for i in range(inputs):
            name, data = rnd.choice(pool)
            mutated = pf.mutate(data, rnd)
            case = f"fuzz {i} {name}"

            def parse(mutated=mutated, i=i, name=name) -> str | None:
                return _parsed(parse_document(mutated, f"fuzz/{i}/{name}"))

            c.inproc(case, "fuzz", parse, deadline=5, expected=(SourceError,))
            if i % 8 == 0:
                def ingest(mutated=mutated, i=i, name=name) -> str | None:
                    before = store_counts(db)
                    report = monitor.ingest_bytes(mutated, f"fuzz/{i}/{name}", source_key=f"file:{name}",
                                                  url=f"file:///fuzz/{name}")
                    if _lost(before, store_counts(db)):
                        raise Loss(f"{before} -> {store_counts(db)}")
                    if report.error and f"fuzz/{i}/{name}" not in report.error:
                        return f"error does not name the input: {report.error[:120]}"
                    return None

                c.inproc(f"{case} ingested", "fuzz", ingest, deadline=10)


def beyond(c: Campaign) -> None:
    """Inputs past the fault list's, through the same entry points: malformed addresses, times
    UTC cannot hold, special files and odd maps for route-import, odd search text and sizes."""
    db = c.seeded("beyond")
    for url in ("http://[::1", "http://news.test:99999/feed", "https://exa mple.com/", "javascript:alert(1)",
                "file:///dev/zero", "http://"):
        c.cli_case(f"sources add {url!r}", "other", ["sources", "add", url], db=db, expect="nonzero",
                   names=(url,))
        c.cli_case(f"watch --once {url!r}", "other", ["watch", "--once", url], db=db, expect="nonzero")
    for at in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "99999-01-01T00:00:00Z",
               "2023-13-45T99:99:99Z", "2023-09-12T06:00"):
        c.cli_case(f"route --at {at}", "other", ["route", "--at", at], db=db, expect="nonzero", names=(at,))
        c.cli_case(f"report --at {at}", "other", ["report", "--out", str(c.work / "r.png"), "--at", at],
                   db=db, expect="nonzero", names=(at,))
    for size in ("99999x99999", "0x0", "1x1"):
        c.cli_case(f"report --size {size}", "other",
                   ["report", "--out", str(c.work / "r.png"), "--size", size], db=db, expect="nonzero",
                   names=(size,))
    huge = "99999999999999999999"
    seed_file = str(next((c.tree / "seeds").glob("*.txt")))
    for args in (["posts", "--limit", huge], ["search", "train", "--limit", huge],
                 ["sources", "add", seed_file, "--interval", huge],
                 ["watch", "--once", "--interval", huge, seed_file]):
        c.cli_case(" ".join(args[:1] + args[-2:]), "other", args, db=db, expect="nonzero", names=(huge,))
    folder = c.work / "maps"
    folder.mkdir(exist_ok=True)
    fifo = folder / "line.geojson"
    os.mkfifo(fifo)
    deep = folder / "deep.geojson"
    deep.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    bomb = folder / "bomb.gpx"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
                    '&a;&a;&a;&a;&a;&a;">]><gpx><trk><name>&b;</name></trk></gpx>')
    nan = folder / "nan.geojson"
    nan.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
                   '"geometry": {"type": "LineString", "coordinates": [[NaN, 1], [2, 2]]}}]}')
    for path in (fifo, Path("/dev/zero"), deep, bomb, nan):
        c.cli_case(f"route-import {path.name}", "other", ["route-import", str(path), "--out",
                                                          str(folder / "out.json")],
                   expect="nonzero", names=(path.name,), deadline=20)
    # monitor extract reads files without the store: the same special files.
    pipe = folder / "words.txt"
    os.mkfifo(pipe)
    odd_name = os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt"))
    Path(odd_name).write_text("\u201cWe will go,\u201d said John Kirby.\n", encoding="utf-8")
    for target in ("/dev/zero", "/dev/urandom", str(pipe)):
        c.cli_case(f"extract {Path(target).name}", "other", ["extract", target], expect="nonzero",
                   names=(Path(target).name,), deadline=20)
    c.cli_case("extract a non-UTF-8 file name", "other", ["extract", odd_name])
    # A damaged quotes index: the write stops and names monitor repair, nothing half stored.
    for damage in ("drop table quotes_fts", "drop table quotes_fts_data"):
        damaged = c.seeded(f"beyond-{damage.split()[-1]}")
        con = sqlite3.connect(damaged)
        try:
            con.execute(damage)
            con.commit()
        finally:
            con.close()
        new = c.work / "beyond-new.jsonl"
        new.write_text(jsonl({"guid": "q1", "title": "Q",
                              "body": "\u201cWe will go,\u201d said John Kirby."}))
        c.cli_case(f"ingest with {damage}", "other", ["ingest", str(new)], db=damaged, expect="nonzero",
                   names=("repair",))
        c.cli_case(f"reextract with {damage}", "other", ["reextract"], db=damaged, expect="nonzero",
                   names=("repair",))
    from monitor.service import Monitor
    with Monitor(db) as monitor:
        for text in ('"', "NEAR(", "*", "a OR", "^x", "AND", '""""', "col:x", "\x00", "(((((", "-",
                     "a" * 5000, "\ud800", "posts_fts MATCH 1"):
            def search(text=text) -> str | None:
                monitor.posts.search(text, limit=5)
                return None

            c.inproc(f"search {text[:20]!r}", "other", search)


GROUPS = (defect_1, defect_2_5_7_14_15, defect_3_13, defect_4, defect_6, defect_7, defect_8, defect_9,
          defect_10, defect_11, defect_12, defect_14, beyond, fuzz)


def run_tree(tree: Path, quick: bool, seed: int, only: list[str] | None = None) -> dict:
    """Every case against the code on PYTHONPATH (``tree``); the results as one JSON object."""
    resource.setrlimit(resource.RLIMIT_AS, (2 * MEMORY_LIMIT, 2 * MEMORY_LIMIT))
    import logging
    logging.disable(logging.CRITICAL)  # the poller logs the tracebacks it catches; they are handled
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        campaign = Campaign(tree=tree, work=Path(tmp), quick=quick, seed=seed)
        started = time.perf_counter()
        for group in GROUPS:
            if only and not any(name in group.__name__ for name in only):
                continue
            began = time.perf_counter()
            try:
                group(campaign)
            except Exception as exc:  # noqa: BLE001  (a group that breaks is a finding too)
                campaign.record(f"{group.__name__} itself", group.__name__, "traceback",
                                f"{type(exc).__name__}: {exc}")
            print(f"  {group.__name__}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
        for path in Path(tmp).rglob("*"):  # read-only folders left by a failed case
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    path.chmod(path.stat().st_mode | stat.S_IWUSR)
        return {"tree": str(tree), "seconds": round(time.perf_counter() - started),
                "results": [r.__dict__ for r in campaign.results]}


def _summary(results: list[dict]) -> tuple[Counter, dict[str, Counter]]:
    total: Counter = Counter(r["outcome"] for r in results)
    by_defect: dict[str, Counter] = {}
    for r in results:
        by_defect.setdefault(r["defect"], Counter())[r["outcome"]] += 1
    return total, by_defect


def _defect_key(name: str) -> tuple[int, str]:
    return (int(name), "") if name.isdigit() else (99, name)


def report(runs: list[tuple[str, dict]], details: bool) -> None:
    """Totals and per-defect lines, one column per tree."""
    summaries = [(label, *_summary(run["results"])) for label, run in runs]
    head = "".join(f" | {label:>44}" for label, *_ in summaries)
    print(f"{'':14}{head}")
    cols = "tried handled tracebacks hangs losses mishandled"
    print(f"{'':14}" + "".join(f" | {cols:>44}" for _ in summaries))

    def line(counts: Counter) -> str:
        tried = sum(counts.values())
        return (f"{tried:5} {counts['handled']:7} {counts['traceback']:10} {counts['hang']:5} "
                f"{counts['loss']:6} {counts['mishandled']:10}")

    print(f"{'all':14}" + "".join(f" | {line(total):>44}" for _, total, _ in summaries))
    defects = sorted({d for _, _, by in summaries for d in by}, key=_defect_key)
    for defect in defects:
        label = f"defect {defect}" if defect.isdigit() else defect
        print(f"{label:14}" + "".join(f" | {line(by.get(defect, Counter())):>44}" for _, _, by in summaries))
    for label, run in runs:
        print(f"{label}: {run['seconds']} s")
    if details:
        for label, run in runs:
            bad = [r for r in run["results"] if r["outcome"] != "handled"]
            print(f"\n{label}: {len(bad)} not handled")
            for r in bad:
                print(f"  [{r['defect']}] {r['outcome']}: {r['case']}: {r['why']}")


def _json_summary(runs: list[tuple[str, dict]]) -> dict:
    """Totals per run and per defect, and every input not handled, as one JSON object."""
    out: dict = {"bench": "hostile_inputs"}
    for label, run in runs:
        total, by_defect = _summary(run["results"])
        out[label] = {
            "tree": run["tree"], "seconds": run["seconds"], "inputs_tried": sum(total.values()),
            **{outcome: total[outcome] for outcome in OUTCOMES},
            "by_defect": {d: dict(by_defect[d]) for d in sorted(by_defect, key=_defect_key)},
            "not_handled": [r for r in run["results"] if r["outcome"] != "handled"],
        }
    return out


def _run_child(tree: Path, quick: bool, seed: int, only: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    args = [PYTHON, str(Path(__file__).resolve()), "--worker", "--tree", str(tree), "--seed", str(seed)]
    args += ["--quick"] if quick else []
    args += [x for name in only for x in ("--only", name)]
    done = subprocess.run(args, env=env, stdout=subprocess.PIPE, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smaller run (fewer fuzz inputs, no 2,000 stops)")
    parser.add_argument("--baseline-tree", type=Path, default=None,
                        help="a checkout of the code before the fixes, run first for comparison")
    parser.add_argument("--tree", type=Path, default=None,
                        help="the code under test (default: this checkout)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--details", action="store_true", help="list every input not handled")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument("--only", action="append", default=[], metavar="GROUP",
                        help="run only the case groups whose name holds this (defect_1, beyond, fuzz…)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    tree = (args.tree or Path(os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] or ROOT)).resolve()
    if args.worker:
        print(json.dumps(run_tree(tree, args.quick, args.seed, args.only)))
        return 0
    runs = []
    if args.baseline_tree:
        print(f"baseline {args.baseline_tree} ...", file=sys.stderr)
        runs.append(("before", _run_child(args.baseline_tree.resolve(), args.quick, args.seed, args.only)))
    print(f"under test {tree} ...", file=sys.stderr)
    runs.append(("after" if runs else "result", _run_child(tree, args.quick, args.seed, args.only)))
    if args.json:
        print(json.dumps(_json_summary(runs)))
    else:
        report(runs, args.details)
    current = runs[-1][1]["results"]
    return 1 if any(r["outcome"] != "handled" for r in current) else 0


if __name__ == "__main__":
    sys.exit(main())
