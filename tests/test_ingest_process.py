"""The ingest process: heavy writes run in a child with its own Monitor, and a child that dies
is replaced without losing what was stored."""

from __future__ import annotations

import os

import pytest

from monitor.gui.ingest_process import IngestProcess, ProcessUnavailable
from monitor.service import Monitor


def where_am_i(monitor: Monitor) -> tuple[int, str]:
    return os.getpid(), str(monitor.db_path)


def ingest_text(monitor: Monitor, text: str) -> int:
    report = monitor.ingest_bytes(text.encode(), "page.txt", source_key="file:page.txt", url="file:page.txt")
    return report.added


def die(monitor: Monitor) -> None:
    os._exit(3)


def fail(monitor: Monitor) -> None:
    raise ValueError("no such feed")


def test_jobs_run_in_a_child_on_the_same_database(db_path, seed_path):
    process = IngestProcess()
    try:
        pid, path = process.call(db_path, where_am_i, ())
        assert pid != os.getpid() and path == str(db_path)
        added = process.call(db_path, ingest_text, (seed_path.read_text(encoding="utf-8"),))
        assert added == 5
        with Monitor(db_path) as monitor:  # what the child stored, this process reads
            assert monitor.posts.count() == 5
            assert monitor.quotes.count() > 0
    finally:
        process.shutdown()


def test_an_error_comes_back_and_a_dead_child_is_replaced(db_path, seed_path):
    process = IngestProcess()
    try:
        with pytest.raises(ValueError, match="no such feed"):
            process.call(db_path, fail, ())
        first, _ = process.call(db_path, where_am_i, ())
        with pytest.raises(RuntimeError, match="stopped unexpectedly"):
            process.call(db_path, die, ())
        second, _ = process.call(db_path, where_am_i, ())
        assert second != first
        assert process.call(db_path, ingest_text, (seed_path.read_text(encoding="utf-8"),)) == 5
    finally:
        process.shutdown()


def test_without_a_child_process_the_call_says_so_and_stays_refused(db_path, tmp_path):
    process = IngestProcess(executable=str(tmp_path / "no-such-python"))
    with pytest.raises(ProcessUnavailable, match="no ingest process can be started"):
        process.call(db_path, where_am_i, ())
    with pytest.raises(ProcessUnavailable):  # known now: no second attempt
        process.call(db_path, where_am_i, ())
    process.shutdown()


def test_the_runner_does_the_work_itself_when_no_child_can_start(qtbot, db_path, seed_path):
    from monitor.gui import data
    from monitor.gui.workers import Runner

    runner = Runner(db_path, create=True)  # a new file: only a runner told to may make it
    runner._process = IngestProcess(executable="/nonexistent/python")
    reports: list = []
    runner.ingest(data.ingest_paths, [str(seed_path)], on_result=reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    runner.shutdown()
    assert [r.added for r in reports[0]] == [5]


def test_a_child_on_another_interpreter_leaves_every_later_spawn_alone(db_path, tmp_path):
    """The interpreter a spawned child runs is one setting for the whole process: an ingest
    process told to use another one (here one that does not exist) sets it only while its child
    starts, so later process pools (the extraction workers) still start."""
    import multiprocessing.spawn

    before = multiprocessing.spawn.get_executable()
    process = IngestProcess(executable=str(tmp_path / "no-such-python"))
    with pytest.raises(ProcessUnavailable):
        process.call(db_path, where_am_i, ())
    process.shutdown()
    assert multiprocessing.spawn.get_executable() == before
    working = IngestProcess()
    try:
        assert working.call(db_path, where_am_i, ())[0] != os.getpid()
    finally:
        working.shutdown()
