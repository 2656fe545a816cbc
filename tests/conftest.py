"""Shared fixtures: real database files, the shipped seed, the real feed samples."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a40eac292bb8ed9e.txt"
#: The route the seed story follows, as its seeds folder says (seeding chooses it).
_SEED_ROUTE_FILE = ROOT / "seeds" / "seed-route.txt"
SEED_ROUTE = _SEED_ROUTE_FILE.read_text(encoding="utf-8").strip() if _SEED_ROUTE_FILE.exists() else ""
# Real feed samples, copied into the repository (tests/data/feeds, with their MANIFEST.tsv and
# where each came from); MONITOR_SHARED_FEEDS points the tests at another folder of them.
FEED_SAMPLES = ROOT / "tests" / "data" / "feeds"
SHARED_FEEDS = Path(os.environ.get("MONITOR_SHARED_FEEDS", FEED_SAMPLES))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def seed_path() -> Path:
    """The embedded seed story."""
    return SEED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file in a temporary directory."""
    return tmp_path / "monitor.db"


@pytest.fixture
def shared_feeds() -> Path:
    """The real feed samples (tests/data/feeds unless MONITOR_SHARED_FEEDS names another folder,
    where the test is skipped when it holds none)."""
    if not (SHARED_FEEDS / "MANIFEST.tsv").is_file():
        pytest.skip("shared feed samples not available")
    return SHARED_FEEDS


# -- desktop app ------------------------------------------------------------------------------


def add_posts(db_file: Path, posts: list[dict], source_key: str = "test:feed") -> list[int]:
    """Store posts (dicts of ParsedPost fields) through the real store; returns changed ids."""
    from monitor.model import ParsedPost
    from monitor.service import Monitor

    with Monitor(db_file) as monitor:
        source_id = monitor.posts.ensure_source(source_key, "test", f"{source_key}/feed", "Test feed")
        counts = monitor.posts.ingest(source_id, [ParsedPost(**p) for p in posts])
        return counts.changed


@pytest.fixture
def seeded_db(db_path: Path, seed_path: Path) -> Path:
    """A database holding the seed story, following its route (as seeding a new store does)."""
    from monitor.service import Monitor

    with Monitor(db_path) as monitor:
        monitor.set_route(SEED_ROUTE)
        assert all(r.ok for r in monitor.ingest_path(seed_path))
    return db_path


@pytest.fixture
def server():
    """A real HTTP feed server on 127.0.0.1 (tests/_feedserver.py), stopped after the test."""
    from _feedserver import FeedServer

    with FeedServer() as running:
        yield running


@pytest.fixture
def monitor(db_path: Path):
    """An empty store opened on the test's own database file."""
    from monitor.service import Monitor

    with Monitor(db_path) as opened:
        yield opened


def invoke_cli(*args: str) -> tuple[int, str, str]:
    """Run ``monitor`` with ``args`` in-process: exit code, stdout, stderr; a crash is raised."""
    from click.testing import CliRunner

    from monitor.cli import cli

    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


#: A small live page in the seed's text format, with characters cp1252 and UTF-16 disagree about.
KHASAN_PAGE = (
    "date 2023-09-12\n"
    "Train reaches Khasan after wheel change\n"
    "Olga Petrova\n"
    "In Khasan\n"
    "The train arrived in Khasan at 06:00, where a café owner said: “We saw it pass.”\n"
)


@pytest.fixture
def gui_settings(tmp_path: Path):
    """QSettings in a file of the test's own, so tests never share window state."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_main_window(qtbot, settings, db: Path):
    """A main window shown on ``db``, once its first snapshot is applied and the feed has rows."""
    from monitor.gui.app import make_application
    from monitor.gui.main_window import MainWindow

    make_application([])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(db)
    qtbot.waitUntil(lambda: window.feed.model.rowCount() > 0, timeout=10000)
    return window


@pytest.fixture
def main_window(qtbot, gui_settings, seeded_db: Path):
    """The main window open on the seed, with its first snapshot applied."""
    window = open_main_window(qtbot, gui_settings, seeded_db)
    yield window
    if window.runner is not None:
        window.runner.shutdown()


@pytest.fixture
def story_db(seeded_db: Path) -> Path:
    """The seed story with everything a store holds: an edited post (a revision), an analyst's
    corrections, a second route chosen (settings), text with accents and marks."""
    from monitor.service import Monitor

    when = datetime(2023, 9, 12, 8, 0, tzinfo=UTC)
    for body in ("First “version”.", "Second version — edited."):
        add_posts(seeded_db, [{"guid": "edit-1", "title": "Café at Khasan", "body": body,
                               "published": when, "published_precision": "minute"}])
    with Monitor(seeded_db) as monitor:
        quotes = monitor.quotes.quotes()
        speakers = monitor.quotes.speakers()
        monitor.reject_quote(quotes[0].id)
        monitor.reassign_quote(quotes[1].id, speakers[-1].id)
        monitor.set_route("pyongyang-ussuriysk")
    return seeded_db


# -- PostgreSQL (the team store) ----------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The DSN of the throwaway PostgreSQL cluster `.ci/pg-cluster.sh` started (MONITOR_TEST_PG).

    Without one the test is skipped when run by hand, but fails under CI (CI=true), so CI can
    never pass by skipping the PostgreSQL tests.
    """
    dsn = os.environ.get("MONITOR_TEST_PG")
    if not dsn:
        reason = ("MONITOR_TEST_PG is not set: run the tests under `bash .ci/pg-cluster.sh with ...` "
                  "(or `make test`) for a throwaway PostgreSQL cluster")
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: the PostgreSQL tests must run)", pytrace=False)
        pytest.skip(reason)
    return dsn


@pytest.fixture
def pg_dsn(pg_server: str, request: pytest.FixtureRequest) -> str:
    """A new, empty database on the test cluster for one test, dropped after it."""
    import re
    import uuid
    from urllib.parse import urlsplit

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'create database "{name}"')
    # MONITOR_TEST_PG is a postgresql:// URL (the form `monitor --db` takes): same server, new path.
    yield urlsplit(pg_server)._replace(path="/" + name).geturl()
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'drop database if exists "{name}" with (force)')


# -- what the suite leaves running ---------------------------------------------------------------


def _child_processes() -> list[str]:
    """This process's live children, as "pid command" (Linux's /proc; elsewhere none)."""
    me = str(os.getpid())
    children = []
    for entry in Path("/proc").glob("[0-9]*/stat") if Path("/proc/self/stat").exists() else []:
        try:
            stat = entry.read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[1] == me and fields[0] != "Z":
                raw = (entry.parent / "cmdline").read_bytes()
                cmdline = raw.replace(b"\0", b" ").decode(errors="replace")
                children.append(f"{entry.parent.name} {cmdline.strip()[:160]}")
        except (OSError, ValueError, IndexError):
            continue  # ended while being read
    return children


def pytest_terminal_summary(terminalreporter) -> None:
    """Name what the tests left running: a thread or child process that outlives the session can
    keep the interpreter from exiting (``.ci/run_pytest.py`` exits regardless, and this says what to fix)."""
    import threading

    threads = [t for t in threading.enumerate()
               if t is not threading.main_thread() and t.is_alive() and not t.daemon]
    # multiprocessing's resource tracker ends by itself when this process does.
    children = [c for c in _child_processes() if "resource_tracker" not in c]
    if not threads and not children:
        return
    terminalreporter.section("left running after the tests")
    for thread in threads:
        terminalreporter.write_line(f"thread {thread.name!r} ({type(thread).__name__})")
    for child in children:
        terminalreporter.write_line(f"process {child}")
