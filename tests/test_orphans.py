"""Child processes end with their parent, however the parent ends.

Real processes throughout: ``monitor ingest`` and ``monitor watch`` run as subprocesses with
their stdout on a pipe, are killed, and every process they started must be gone within a bounded
wait, with the pipe at its end (so ``monitor ingest … | tee log`` ends).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

ROOT = Path(__file__).resolve().parent.parent
#: How long the children may take to go after their parent (generous: a loaded machine).
GONE_WITHIN = 15.0
#: How long to wait for a run to reach the state the test needs.
START_WITHIN = 60.0


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper has ended)."""
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def descendants(pid: int) -> set[int]:
    """Every living process started by ``pid``, and by those, and so on."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[0] not in ("Z", "X"):
                parents[int(entry)] = stat[1]
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def children_once(pid: int, count: int) -> set[int] | None:
    """The descendants of ``pid`` once there are at least ``count`` of them, else None."""
    found = descendants(pid)
    return found if len(found) >= count else None


def wait_for(predicate, within: float, what: str):
    end = time.monotonic() + within
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not within {within:.0f} s: {what}")


def monitor_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "monitor", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", **extra)
    return env


class Drain:
    """Reads a pipe to its end on a thread; ``ended`` is set when every holder has closed it."""

    def __init__(self, pipe) -> None:
        self.ended = threading.Event()
        self._pipe = pipe
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while self._pipe.read(65536):
            pass
        self.ended.set()


def assert_all_gone(children: set[int], drains: list[Drain]) -> None:
    end = time.monotonic() + GONE_WITHIN
    while time.monotonic() < end and (any(alive(pid) for pid in children)
                                       or not all(d.ended.is_set() for d in drains)):
        time.sleep(0.05)
    left = sorted(pid for pid in children if alive(pid))
    leftovers = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120] for pid in left}
    for pid in left:  # leave nothing behind for the next test, whatever this one says
        os.kill(pid, signal.SIGKILL)
    assert not leftovers, f"still alive {GONE_WITHIN:.0f} s after their parent: {leftovers}"
    assert all(d.ended.is_set() for d in drains), "the parent's stdout/stderr is still held open"


def post_files(folder: Path, files: int = 150, per_file: int = 40) -> Path:
    """A folder of post lists, each big enough for the worker pool (see PARALLEL_FROM)."""
    folder.mkdir()
    body = ("“We expect talks number {i},” Kremlin spokesman Dmitry Peskov said. "
            "The train arrived in Khasan at 10:{m:02d} local time. ") * 5
    for f in range(files):
        lines = [json.dumps({"guid": f"g{f}-{i}", "title": f"Update {f}.{i}", "source": f"test:batch{f}",
                             "body": body.format(i=i, m=i % 60), "published": "2023-09-12T10:00:00Z"})
                 for i in range(per_file)]
        (folder / f"batch{f:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_kill_9_of_ingest_takes_its_workers_and_the_pipe_ends(tmp_path):
    posts = post_files(tmp_path / "posts")
    proc = subprocess.Popen(monitor_cmd("--db", str(tmp_path / "m.db"), "ingest", str(posts)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=child_env(MONITOR_EXTRACT_PROCESSES="2"))
    drains = [Drain(proc.stdout), Drain(proc.stderr)]
    try:
        # Two extraction workers and the resource tracker: three children.
        children = wait_for(lambda: children_once(proc.pid, 3), START_WITHIN,
                            "the ingest to start its workers")
        assert proc.poll() is None, "the ingest ended before it could be killed; give it more posts"
        proc.kill()
        proc.wait(timeout=GONE_WITHIN)
        assert_all_gone(children, drains)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigterm_of_watch_stops_it_cleanly_with_its_workers(tmp_path):
    feed = post_files(tmp_path / "posts", files=1, per_file=60) / "batch000.jsonl"
    proc = subprocess.Popen(monitor_cmd("--db", str(tmp_path / "m.db"), "watch", str(feed)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=child_env(MONITOR_EXTRACT_PROCESSES="2"))
    stderr: list[bytes] = []
    drains = [Drain(proc.stdout)]
    reader = threading.Thread(target=lambda: stderr.extend(iter(proc.stderr.readline, b"")), daemon=True)
    reader.start()
    try:
        # The first round ingests the file's 60 posts on the workers, which stay for the next round;
        # the watch then sleeps until the file is due again.
        wait_for(lambda: any(b"round 1:" in line for line in stderr), START_WITHIN, "a first round")
        children = descendants(proc.pid)
        assert len(children) >= 3, "no extraction workers: give the file more posts"
        proc.terminate()
        assert proc.wait(timeout=GONE_WITHIN) == 143
        reader.join(GONE_WITHIN)
        assert b"terminated after 1 rounds" in b"".join(stderr)
        assert_all_gone(children, drains)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


PARENT_OF_INGEST_PROCESS = textwrap.dedent("""
    import operator, sys, time
    from pathlib import Path
    from monitor.gui.ingest_process import IngestProcess

    process = IngestProcess()
    # Any picklable job starts the child; this one answers with the database it opened.
    print(process.call(Path(sys.argv[1]), operator.attrgetter("db_path"), ()), flush=True)
    time.sleep(600)
""")


def test_the_apps_ingest_process_ends_when_the_app_is_killed(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT_OF_INGEST_PROCESS, str(tmp_path / "m.db")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env())
    try:
        assert parent.stdout.readline().strip().endswith(b"m.db"), parent.stderr.read()
        children = descendants(parent.pid)
        assert children, "no ingest process was started"
        drains = [Drain(parent.stdout), Drain(parent.stderr)]
        parent.kill()
        parent.wait(timeout=GONE_WITHIN)
        assert_all_gone(children, drains)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def catches(pid: int, signum: int) -> bool:
    """True once ``pid`` has a handler of its own for ``signum`` (SigCgt in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


def start_app(tmp_path: Path) -> subprocess.Popen:
    home = tmp_path / "home"
    env = child_env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                    XDG_STATE_HOME=str(home / "state"), XDG_DATA_HOME=str(home / "data"))
    return subprocess.Popen(monitor_cmd("--db", str(tmp_path / "m.db")), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def app_log(tmp_path: Path) -> str:
    path = tmp_path / "home" / "state" / "situation-monitor" / "monitor.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_sigterm_closes_the_app_as_its_close_button_does(tmp_path):
    app = start_app(tmp_path)
    drains = [Drain(app.stdout), Drain(app.stderr)]
    try:
        wait_for(lambda: app.poll() is not None or catches(app.pid, signal.SIGTERM), START_WITHIN,
                 "the app to take SIGTERM")
        assert app.poll() is None, "the app ended on its own"
        children = descendants(app.pid)
        app.terminate()
        assert app.wait(timeout=GONE_WITHIN) == 143
        assert "exiting with 143" in app_log(tmp_path)
        assert_all_gone(children, drains)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


@pytest.mark.slow
def test_sigterm_of_the_app_stops_its_ingest_process(tmp_path):
    app = start_app(tmp_path)
    drains = [Drain(app.stdout), Drain(app.stderr)]
    try:
        # The window's first poll (15 s after the database opens) starts the ingest process.
        children = wait_for(lambda: app.poll() is not None or descendants(app.pid), START_WITHIN,
                            "the app to start its ingest process")
        assert app.poll() is None, "the app ended on its own"
        app.terminate()
        assert app.wait(timeout=GONE_WITHIN) == 143
        assert_all_gone(children, drains)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
