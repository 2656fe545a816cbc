"""``monitor ingest`` on files that never end, FIFOs, devices and names that are not UTF-8."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KHASAN_PAGE


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


ROOT = Path(__file__).resolve().parent.parent

#: A run that reads without a cap dies of this much memory long before the test times out.
_MEMORY_LIMIT = 1536 * 1024 * 1024


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_LIMIT, _MEMORY_LIMIT))


def _monitor(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in its own process, with its memory capped so a runaway read ends."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MONITOR_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args], capture_output=True, env=env, cwd=ROOT,
        timeout=timeout, preexec_fn=_limit_memory,
    )


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(KHASAN_PAGE, encoding="utf-8")
    return path


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_by_name_and_the_next_file_goes_in(device, db_path, good):
    if not Path(device).exists():
        pytest.skip(f"{device} not on this system")
    done = _monitor("ingest", device, str(good), "--db", str(db_path))
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert f"{device}: not a regular file (a device)" in err
    assert "Traceback" not in err and "MemoryError" not in err
    assert f"{good}: livetext, 1 new" in done.stdout.decode()


def test_a_fifo_with_no_writer_is_refused_not_waited_on(db_path, tmp_path, good):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "page.txt").write_text(KHASAN_PAGE, encoding="utf-8")
    os.mkfifo(folder / "pipe")
    done = _monitor("ingest", str(folder / "pipe"), str(folder), "--db", str(db_path), timeout=60)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    # Named by itself and again inside its folder; the folder's file still goes in.
    assert err.count(f"{folder / 'pipe'}: not a regular file (a FIFO)") == 2
    assert f"{folder / 'page.txt'}: livetext, 1 new" in done.stdout.decode()


def test_reading_is_capped_by_what_is_read_not_by_what_stat_says(tmp_path):
    from monitor.service import read_capped

    path = tmp_path / "page.txt"
    path.write_bytes(b"x" * 10)
    assert read_capped(path, 10) == b"x" * 10
    assert read_capped(path, 9) is None
    # A file that says it is empty may still hold bytes (/proc); they are read, up to the cap.
    proc = Path("/proc/self/status")
    if proc.exists():
        assert proc.stat().st_size == 0
        assert read_capped(proc, 1_000_000)
        assert read_capped(proc, 5) is None


def test_a_name_that_is_not_utf8_does_not_stop_its_folder(db_path, tmp_path, good):
    folder = tmp_path / "folder"
    folder.mkdir()
    odd = os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")
    Path(odd).write_text(KHASAN_PAGE.replace("Khasan", "Tumangang"), encoding="utf-8")
    (folder / "zz.txt").write_text(KHASAN_PAGE, encoding="utf-8")
    done = _monitor("ingest", str(folder), "--db", str(db_path))
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "Traceback" not in err
    assert f"{folder}/caf\\xe9.txt: livetext, 1 new" in out
    assert f"{folder}/zz.txt: livetext, 1 new" in out
    listed = _monitor("posts", "--json", "--db", str(db_path))
    rows = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert sorted(r["source"] for r in rows) == ["file:caf\\xe9.txt", "file:zz.txt"]
    # The same odd file again is the same source: nothing new.
    again = _monitor("ingest", odd, "--db", str(db_path))
    assert f"{folder}/caf\\xe9.txt: livetext, 0 new, 0 updated, 1 unchanged" in again.stdout.decode()
