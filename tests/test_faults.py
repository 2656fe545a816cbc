"""Faults: a killed ingest, readers beside a writer, a full disk, hostile bytes for the parsers.

Real processes run ``python -m monitor`` on real database files; nothing of ours is replaced.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.service import Monitor
from monitor.sources.errors import SourceError
from monitor.sources.livetext import parse_livetext
from monitor.sources.registry import parse_document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import Page, pages  # noqa: E402


def _monitor(*args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MONITOR_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, **kwargs,
    )


def _big_page(posts: int, seed: int) -> Page:
    """One live page holding ``posts`` generated posts (a long-running live blog, saved once)."""
    drafts = [post for page in pages(posts, seed, edit_rate=0) for post in page.posts]
    return Page("big-live-page.txt", "bbc", date(2023, 9, 10), drafts)


def _stored(db_path: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "select s.key, p.guid, p.title, p.byline, p.location, p.body from posts p "
            "join sources s on s.id = p.source_id"
        ).fetchall()
    finally:
        conn.close()
    return {f"{r[0]}|{r[1]}": r[2:] for r in rows}


def _expected(path: Path) -> dict[str, tuple]:
    result = parse_document(path.read_bytes(), str(path))
    return {f"file:{path.name}|{p.guid}": (p.title, p.byline, p.location, p.body) for p in result.posts}


def _integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- kill -9 in the middle of an ingest ------------------------------------------------------------

@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_kill_9_mid_ingest_leaves_no_partial_post_and_the_next_ingest_completes(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    small = inputs / "a-small.txt"
    small.write_text(next(pages(60, 11)).render(), encoding="utf-8")
    big = inputs / "b-big.txt"
    big.write_text(_big_page(12_000, 12).render(), encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    db_path = tmp_path / "monitor.db"
    wal = Path(f"{db_path}-wal")

    proc = _monitor("ingest", str(inputs), "--db", str(db_path))
    # Wait until the big file's transaction is writing (the WAL grows past the small file's
    # commit), then kill the process without warning.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 3_000_000:
            break
        time.sleep(0.002)
    assert proc.poll() is None, "the ingest finished before it could be killed: make the file bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert _integrity(db_path) == "ok"
    stored = _stored(db_path)
    expected_small, expected_big = _expected(small), _expected(big)
    # Each file is one transaction: the small one is whole, nothing of the big one is there.
    assert stored == expected_small
    conn = sqlite3.connect(db_path)
    assert conn.execute("insert into posts_fts(posts_fts) values('integrity-check')").fetchall() == []
    conn.close()

    again = _monitor("ingest", str(inputs), "--db", str(db_path))
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{small}: livetext, 0 new, 0 updated, {len(expected_small)} unchanged" in out
    assert f"{big}: livetext, {len(expected_big)} new" in out
    assert _stored(db_path) == expected_small | expected_big
    assert _integrity(db_path) == "ok"


# -- a reader (the CLI) beside a writer -------------------------------------------------------------

def _write_pages(directory: Path, n: int, seed: int) -> list[Path]:
    """Live pages in ``directory``; the file names (the sources) are unique to the directory."""
    directory.mkdir()
    written = []
    for page in pages(n, seed, edit_rate=0):
        path = directory / f"{directory.name}-{page.name}"
        path.write_text(page.render(), encoding="utf-8")
        written.append(path)
    return written


@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_cli_reads_and_writes_beside_a_busy_writer_without_database_is_locked(tmp_path, seed_path):
    db_path = tmp_path / "monitor.db"
    first = _monitor("ingest", str(seed_path), "--db", str(db_path))
    assert first.wait(timeout=60) == 0
    many = _write_pages(tmp_path / "many", 10_000, 21)
    other = _write_pages(tmp_path / "other", 2_000, 22)

    writer = _monitor("ingest", str(tmp_path / "many"), "--db", str(db_path))
    readers = 0
    problems = []
    second_writer = None
    while writer.poll() is None:
        for args in (["posts", "--json", "--limit", "20"], ["search", "train", "--json"],
                     ["search", "Peskov"]):
            reader = _monitor(*args, "--db", str(db_path))
            out, err = reader.communicate(timeout=120)
            readers += 1
            if reader.returncode != 0 or "locked" in (out + err).lower() or "Traceback" in err:
                problems.append((args, reader.returncode, err[-500:]))
        if second_writer is None:
            # A second writer at the same time waits for its turn instead of failing.
            second_writer = _monitor("ingest", str(tmp_path / "other"), "--db", str(db_path))
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    out2, err2 = second_writer.communicate(timeout=300)
    assert second_writer.returncode == 0, err2
    assert "locked" not in (err + err2).lower()
    assert readers >= 3, "the writer finished before any reader ran: make the input bigger"
    assert problems == []
    counted = sqlite3.connect(db_path).execute("select count(*) from posts").fetchone()[0]
    assert counted == 5 + sum(len(_expected(p)) for p in many + other)


# -- a full disk ---------------------------------------------------------------------------------------

@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_full_database_is_a_clear_error_and_loses_nothing(db_path, seed_path, tmp_path):
    big = tmp_path / "big-live-page.txt"
    big.write_text(_big_page(3_000, 31).render(), encoding="utf-8")
    with Monitor(db_path) as monitor:
        monitor.ingest_path(seed_path)
        before = _stored(db_path)
        pages_now = monitor.db.execute("pragma page_count").fetchone()[0]
        # The database may grow by a few pages only: the disk is as good as full.
        monitor.db.execute(f"pragma max_page_count = {pages_now + 8}")
        report = monitor.ingest_path(big)[0]
        assert not report.ok
        assert str(db_path) in report.error and "full" in report.error
        assert str(big) in report.error
        assert monitor.posts.count() == len(before)
        # Space again: the same file goes in whole.
        monitor.db.execute("pragma max_page_count = 1073741823")
        report = monitor.ingest_path(big)[0]
        assert report.ok and report.added == len(_expected(big))
    assert _integrity(db_path) == "ok"
    assert _stored(db_path) == before | _expected(big)


def _limit_file_size(limit: int):
    def apply() -> None:
        # A write past the limit fails with EFBIG/short write, as on a full disk, instead of
        # the default SIGXFSZ that would kill the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_cli_on_a_full_disk_reports_the_database_and_keeps_what_was_stored(db_path, seed_path, tmp_path):
    assert _monitor("ingest", str(seed_path), "--db", str(db_path)).wait(timeout=60) == 0
    before = _stored(db_path)
    big = tmp_path / "big-live-page.txt"
    big.write_text(_big_page(3_000, 32).render(), encoding="utf-8")
    limit = db_path.stat().st_size + 256 * 1024
    proc = _monitor("ingest", str(big), "--db", str(db_path), preexec_fn=_limit_file_size(limit))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in err
    assert f"error: {db_path}" in err and "big-live-page.txt" in err
    assert "full" in err or "disk I/O" in err
    assert _integrity(db_path) == "ok"
    assert _stored(db_path) == before


# -- hostile input for the parsers --------------------------------------------------------------------

_LINES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["date 2023-09-11", "date 2023-02-30", "12:30", "99:99", "By Simon Atkinson",
                     "In Washington", "What route is Kim taking?", "“Quote.”", "", " ", "\t",
                     "Kim set for \"full-scale visit\" says Kremlin", "A" * 500, "Aaa-" * 300]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=40).map("\n".join))
def test_parse_livetext_reads_any_text(text):
    result = parse_livetext(text)
    for post in result.posts:
        assert post.guid and isinstance(post.body, str)
        assert post.title is not None or post.body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    st.lists(_LINES, max_size=30).map("\n".join).flatmap(
        lambda text: st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]).map(
            lambda enc: text.encode(enc, errors="replace"))),
))
def test_parse_document_raises_only_source_errors(data):
    try:
        result = parse_document(data, "fuzz.txt")
    except SourceError as exc:
        assert str(exc).startswith("fuzz.txt: ")
    else:
        assert result.posts


@pytest.mark.parametrize("line", [
    "A" + "a" * 100_000,
    "Aaa-" * 30_000,
    "By " + "Aaa " * 30_000,
    "In " + "Aaa, " * 30_000,
    "“" * 50_000,
])
def test_parse_livetext_survives_huge_lines(line):
    text = "date 2023-09-11\n" + line + "\nBody paragraph.\n"
    assert parse_livetext(text).posts
