"""Extraction spread over worker processes stores exactly what extraction in one process does."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import SEED_ROUTE

from monitor.extract.parallel import PARALLEL_FROM, ExtractionPool
from monitor.model import ParsedPost
from monitor.service import Monitor

PEOPLE = ["Kremlin spokesman Dmitry Peskov", "John Kirby", "A railway worker", "Maria Zakharova"]
STOPS = ["Khasan", "Tumangang", "Ussuriysk", "Vladivostok"]



def still_running(processes: list, within: float = 10.0) -> list:
    """Those of ``processes`` still running after ``within`` seconds. The pool's own thread
    may reap a stopped worker at the moment this one looks, and multiprocessing then answers
    "alive" for an instant; a worker left running stays running."""
    deadline = time.monotonic() + within
    while (running := [p for p in processes if p.is_alive()]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running

def _posts(count: int, seed: int) -> list[ParsedPost]:
    rng = random.Random(seed)
    start = datetime(2023, 9, 12, tzinfo=UTC)
    posts = []
    for i in range(count):
        who = rng.choice(PEOPLE)
        clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        verdict = rng.choice(["historic", "useful"])
        body = (f"“We expect talks number {i},” {who} said.\n\n"
                f"The train arrived in {rng.choice(STOPS)} at {clock} local time. "
                f"{who.split()[-1]} told reporters the visit was {verdict}.")
        title = f"Update {i}: “{rng.choice(['Talks', 'Trains'])} ahead”"
        posts.append(ParsedPost(guid=f"p{i}", title=title, body=body, seq=i,
                                published=start + timedelta(minutes=7 * i), published_precision="minute"))
    return posts


def _derived(db_path) -> dict:
    with Monitor(db_path) as monitor:
        db = monitor.db
        return {
            "quotes": db.execute("select post_id, field, kind, text, start, end, cue, outlet, sieve, "
                                 "(select name from speakers where id = speaker_id) from quotes "
                                 "order by post_id, field, start, id").fetchall(),
            "speakers": db.execute(
                "select name, kind, role, organisation from speakers order by id").fetchall(),
            "observations": db.execute(
                "select post_id, name, kind, at, window_start, window_end, evidence, start, end "
                "from observations order by post_id, start, id").fetchall(),
        }


def test_workers_store_what_one_process_stores(tmp_path):
    posts = _posts(3 * PARALLEL_FROM + 5, seed=7)
    derived = []
    for workers in (1, 2):
        db_path = tmp_path / f"w{workers}.db"
        with Monitor(db_path) as monitor:
            monitor.extraction.close()
            monitor.extraction = ExtractionPool(workers=workers)
            monitor.use_route(SEED_ROUTE)  # route reports are derived only for a journey followed
            source_id = monitor.posts.ensure_source("test:feed", "test", "test:feed")
            for first in range(0, len(posts), 40):  # batches both above and below the threshold
                with monitor.db.conn:
                    counts = monitor.posts.ingest(source_id, posts[first:first + 40])
                    monitor.after_ingest(counts.changed)
            assert not monitor.extract_errors
        derived.append(_derived(db_path))
    assert derived[0]["quotes"] and derived[0]["observations"]
    assert derived[0] == derived[1]


def test_results_come_back_in_post_order_from_the_workers(seeded_db):
    with Monitor(seeded_db) as monitor:
        posts = monitor.posts.posts() * (PARALLEL_FROM // 5 + 1)  # the seed's posts, repeated
        pool = ExtractionPool(workers=2)
        try:
            results = pool.extract(posts, monitor.route())
        finally:
            pool.close()
        assert [r.post_id for r in results] == [p.id for p in posts]
        assert sum(len(r.quotes or []) for r in results) > len(posts)


class _Interrupted(BaseException):
    """Stands for Ctrl-C or the SIGTERM of `monitor watch` arriving while a batch is extracted."""


def test_an_interrupted_batch_stops_its_workers_then(tmp_path):
    # The workers are stopped when the wait for them is interrupted, not left running the chunks
    # nobody will store: closing the pool afterwards waited for those, as long as the batch takes.
    # Run in a fresh interpreter: it times signals against worker processes, and what earlier
    # tests left in this process (signal handlers, pools, threads) must not decide the outcome.
    tests = Path(__file__).resolve().parent
    code = ("import sys; from pathlib import Path; import test_parallel_extraction as t; "
            "t.interrupted_batch(Path(sys.argv[1])); print('ok')")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests), str(tests.parent)])}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, cwd=tests,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stdout + done.stderr


def interrupted_batch(tmp_path: Path) -> None:
    """Interrupt a batch while both workers extract; the workers must be gone right after."""
    posts = [replace(p, body=p.body * 1000) for p in _posts(8 * PARALLEL_FROM, seed=3)]
    with Monitor(tmp_path / "s.db") as monitor:
        monitor.extraction.close()
        monitor.extraction = ExtractionPool(workers=2)
        source_id = monitor.posts.ensure_source("test:feed", "test", "test:feed")
        with monitor.db.conn:
            monitor.posts.ingest(source_id, posts)
        stored = monitor.posts.posts()
        seen: list = []

        def cpu_seconds(pid: int) -> float:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return 0.0
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        def interrupt(_signum, _frame):
            # Interrupt once both workers are at work — each has spent a second of CPU, more
            # than starting takes — checked every 50 ms: when that happens depends on the
            # machine, so a fixed delay could come while they start (a failed start, not a
            # wait given up) or after the batch has ended.
            if seen:
                return  # once: a second interruption inside the clean-up would cut it short
            busy = multiprocessing.active_children()
            if len(busy) >= 2 and all(cpu_seconds(p.pid) >= 1.0 for p in busy if p.pid):
                seen.extend(busy)
                raise _Interrupted

        previous = signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
        try:
            with pytest.raises(_Interrupted):
                monitor.extraction.extract(stored, None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        assert seen, "the batch ended before the interruption; give it more text"
        assert still_running(seen) == []


def _long_posts(monitor: Monitor, count: int) -> list:
    """``count`` stored posts long enough that each chunk keeps a worker busy for a while."""
    posts = [replace(p, body=p.body * 100) for p in _posts(count, seed=5)]
    source_id = monitor.posts.ensure_source("test:feed", "test", "test:feed")
    with monitor.db.conn:
        monitor.posts.ingest(source_id, posts)
    return monitor.posts.posts()


def _executor_threads() -> int:
    """How many process-pool executor threads are alive in this process."""
    import threading

    return sum(1 for t in threading.enumerate()
               if type(t).__name__ == "_ExecutorManagerThread" and t.is_alive())


def test_a_batch_left_while_its_results_are_stored_stops_its_workers(tmp_path, caplog):
    # The ingest stores a chunk's quotes while the workers extract the next ones; an error
    # while storing ends the batch, and the workers must not go on extracting for nobody.
    with Monitor(tmp_path / "s.db") as monitor:
        monitor.extraction.close()
        monitor.extraction = ExtractionPool(workers=2)
        stored = _long_posts(monitor, 8 * PARALLEL_FROM)
        managers_before = _executor_threads()
        with pytest.raises(RuntimeError, match="storing failed"), \
                monitor.extraction.start(stored, None) as batch:
            busy = monitor.extraction.processes()  # this batch's workers, not other tests' pools
            for result in batch.results():
                assert result.post_id == stored[0].id
                # Whether the other chunks are still under way or already done depends on the
                # machine; either way a batch given up stops its workers.
                raise RuntimeError("storing failed")
        if not busy and monitor.extraction.workers == 1:
            # In a process many tests have used, a new pool's worker was seen to end at start-up
            # (the batch was then extracted here, losing nothing): nothing here to check.
            why = [r.getMessage() for r in caplog.records if "worker processes failed" in r.getMessage()]
            pytest.skip(f"the worker processes did not start in this process: {why}")
        assert busy
        assert still_running(busy) == []
        # Nor is the executor's own thread left behind (it kept the test session's end waiting).
        assert _executor_threads() <= managers_before
        # The next batch starts workers again and loses nothing.
        again = monitor.extraction.extract(stored[:PARALLEL_FROM], None)
        assert [r.post_id for r in again] == [p.id for p in stored[:PARALLEL_FROM]]


def test_a_worker_lost_in_the_middle_of_a_batch_loses_no_post(tmp_path):
    # A worker killed while the batch is read (out of memory, kill -9): the chunks it did not
    # hand back are extracted in this process, and every post still gets its result, in order.
    # In a fresh interpreter that ends with os._exit: a worker killed in the middle of sending
    # leaves the executor's own thread waiting for ever (see ExtractionBatch._wait).
    tests = Path(__file__).resolve().parent
    code = ("import os, sys; from pathlib import Path; import test_parallel_extraction as t; "
            "t.lost_worker(Path(sys.argv[1])); print('ok', flush=True); os._exit(0)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests), str(tests.parent)])}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, cwd=tests,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stdout + done.stderr


def lost_worker(tmp_path: Path) -> None:
    """Kill every worker once the first result is in; the batch must still come back whole."""
    with Monitor(tmp_path / "s.db") as monitor:
        stored = _long_posts(monitor, 4 * PARALLEL_FROM)
        expected = ExtractionPool(workers=1).extract(stored, None)
        pool = ExtractionPool(workers=2)
        results = []
        with pool.start(stored, None) as batch:
            for result in batch.results():
                if not results:
                    for child in pool.processes():
                        os.kill(child.pid, signal.SIGKILL)
                results.append(result)
        assert [r.post_id for r in results] == [p.id for p in stored]
        assert results == expected
        assert pool.workers == 1  # and the next batches are extracted here
