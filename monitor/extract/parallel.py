"""Extraction of many posts at once, spread over the machine's cores.

Quote and route extraction read nothing but a post's own text (and the route), so posts can be
extracted in any order, anywhere. A batch of posts (an archive, a big page) is cut into chunks
that worker processes extract while the caller goes on (``ExtractionPool.start``: the ingest
folds the posts meanwhile); the results come back in post order, a chunk as soon as it is done,
and the caller stores them as it would have stored its own while the workers extract the next.
Small batches stay in the caller: handing them over would cost more than it saves.

The workers are started on first use ("spawn": a fresh interpreter, safe beside threads) and
stopped by ``close``; they end with the caller's process however it ends (``monitor.procs``), so
a killed ``monitor ingest`` leaves none behind. ``MONITOR_EXTRACT_PROCESSES`` sets how many (1:
extract in the caller).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from monitor.extract import extract_post_noted
from monitor.extract.observations import extract_observations
from monitor.model import ExtractedQuote, Observation, Post, Route
from monitor.procs import die_with_parent

log = logging.getLogger(__name__)

#: Batches smaller than this are extracted in the caller.
PARALLEL_FROM = 16
#: Chunks per worker: a few, so one slow chunk does not leave the others idle.
CHUNKS_PER_WORKER = 2
#: How often (seconds) a wait for a chunk checks that every worker is still alive.
LIVENESS_CHECK_S = 0.5


@dataclass(frozen=True)
class Extracted:
    """What one post yielded: its quotes by field and its route observations."""

    post_id: int
    quotes: list[tuple[str, ExtractedQuote]] | None  # None: quote extraction failed (see error)
    observations: list[Observation]
    error: str | None = None
    #: Said of quotes that were stored: a field read only in part (over the extraction budget).
    notes: tuple[str, ...] = ()


def extract_one(post: Post, route: Route | None) -> Extracted:
    """Quotes and (when ``route`` is given) route observations of one post; never raises."""
    error = None
    notes: list[str] = []
    quotes: list[tuple[str, ExtractedQuote]] | None
    try:
        quotes, notes = extract_post_noted(post.title, post.body, post.byline)
    except Exception as exc:  # noqa: BLE001 - one bad post must not stop the rest
        quotes = None
        error = f"post {post.id}: quote extraction failed ({exc})"
    observations = post_observations(post, route) if route is not None else []
    return Extracted(post.id, quotes, observations, error,
                     tuple(f"post {post.id}: {note}" for note in notes))


def post_observations(post: Post, route: Route) -> list[Observation]:
    """Route observations in a post's body and headline; [] (logged) when they cannot be read."""
    try:
        found = extract_observations(post.body, post.published, post.published_precision, route,
                                     post_id=post.id)
        if post.title:
            # Offsets point into the body; a headline's observations carry none.
            found += [
                replace(o, start=0, end=0)
                for o in extract_observations(post.title, post.published, post.published_precision,
                                              route, post_id=post.id)
            ]
    except Exception:  # noqa: BLE001 - a post's observations are lost, not the ingest
        log.exception("post %s: observations could not be extracted", post.id)
        return []
    return found


def _extract_chunk(posts: list[Post], route: Route | None) -> list[Extracted]:
    return [extract_one(post, route) for post in posts]


def default_workers() -> int:
    """Worker processes to use: ``MONITOR_EXTRACT_PROCESSES``, else one per core (1: none)."""
    setting = os.environ.get("MONITOR_EXTRACT_PROCESSES", "").strip()
    if setting.isdigit() and int(setting) >= 1:
        return int(setting)
    return os.cpu_count() or 1


class ExtractionPool:
    """Extracts batches of posts in worker processes (or in the caller when that is cheaper)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def extract(self, posts: list[Post], route: Route | None) -> list[Extracted]:
        """One result per post, in the order given."""
        with self.start(posts, route) as batch:
            return list(batch.results())

    def start(self, posts: list[Post], route: Route | None) -> ExtractionBatch:
        """Hand ``posts`` to the workers and return at once, so the caller can do other work
        (fold the posts, store the first results) while they extract. Use the batch as a
        context manager: leaving it before every result was read (an error, Ctrl-C) stops the
        workers, so none is left extracting what nobody will store."""
        if self.workers < 2 or len(posts) < PARALLEL_FROM:
            return ExtractionBatch(self, [posts], [], route)
        size = -(-len(posts) // (self.workers * CHUNKS_PER_WORKER))
        chunks = [posts[i:i + size] for i in range(0, len(posts), size)]
        futures: list[Future[list[Extracted]]] = []
        try:
            pool = self._start()
            futures = [pool.submit(_extract_chunk, chunk, route) for chunk in chunks]
        except (BrokenProcessPool, OSError, RuntimeError, ValueError) as exc:
            # ValueError: the start of a child refused outright ("bad value(s) in
            # fds_to_keep" once an earlier child's pipes were gone)
            self._give_up(exc)
            futures = []
        return ExtractionBatch(self, chunks, futures, route)

    def _give_up(self, exc: BaseException) -> None:
        """No workers to be had (a sandbox, a dead child): the caller extracts from now on."""
        log.warning("extracting in this process: worker processes failed (%s)", exc)
        # Not close(): a broken pool is not waited for (its queue's feeder can block on a pipe
        # no live worker reads, and close() would wait on it for ever).
        self.terminate()
        self.workers = 1

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent)
        return self._pool

    def terminate(self) -> None:
        """Stop the worker processes at once, abandoning the work under way."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        # Before Python 3.14 (terminate_workers) the executor has no public way to stop busy
        # workers; its table of processes is the only handle on them.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        results = getattr(pool, "_result_queue", None)  # shutdown() lets go of it
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
        if manager is not None:
            # A worker killed in the middle of sending a result leaves the executor's own thread
            # waiting for the rest of that message for ever (and the interpreter waits for that
            # thread when it exits). With the workers gone, this process holds the last write
            # end of the results pipe: closing it turns that wait into an end of file, which the
            # thread takes for a broken pool, and it ends.
            writer = getattr(results, "_writer", None)
            if writer is not None:
                writer.close()
            manager.join(timeout=5)

    def processes(self) -> list[multiprocessing.process.BaseProcess]:
        """The worker processes running now ([] when none are)."""
        if self._pool is None:
            return []
        return list((getattr(self._pool, "_processes", None) or {}).values())

    def lost_a_worker(self) -> bool:
        """True when a worker process has ended while the pool is in use (killed, out of memory)."""
        return any(process.exitcode is not None for process in self.processes())

    def close(self) -> None:
        """Stop the worker processes (they start again on the next big batch)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class ExtractionBatch:
    """A batch of posts being extracted: its results, read in post order as they come."""

    def __init__(self, pool: ExtractionPool, chunks: list[list[Post]],
                 futures: list[Future[list[Extracted]]], route: Route | None) -> None:
        self._owner = pool
        self._chunks = chunks
        self._futures = futures  # one per chunk; none when the caller extracts
        self._route = route
        self._read = 0  # chunks whose results were handed out

    def results(self) -> Iterator[Extracted]:
        """One result per post, in the order given; each chunk's as soon as it is extracted."""
        local = not self._futures
        for n, chunk in enumerate(self._chunks):
            got: list[Extracted] | None = None
            if not local:
                try:
                    got = self._wait(self._futures[n])
                except (BrokenProcessPool, OSError, RuntimeError) as exc:
                    self._owner._give_up(exc)
                    local = True  # this chunk and the rest are extracted here
            yield from (got if got is not None else _extract_chunk(chunk, self._route))
            self._read = n + 1

    def _wait(self, future: Future[list[Extracted]]) -> list[Extracted]:
        """A chunk's results; BrokenProcessPool when a worker dies meanwhile. The executor says
        so itself in most cases, but not when the worker died halfway through sending a result:
        its own thread then waits for the rest of that message for ever, so the wait looks at the
        workers now and then, and the batch goes on in this process (terminate() then frees that
        thread, which the interpreter would otherwise wait for when it exits)."""
        while True:
            try:
                return future.result(timeout=LIVENESS_CHECK_S)
            except TimeoutError:
                if self._owner.lost_a_worker():
                    raise BrokenProcessPool("a worker process ended in the middle of a batch") from None

    def __enter__(self) -> ExtractionBatch:
        return self

    def __exit__(self, *_: object) -> None:
        if self._read < len(self._futures):
            # Given up before the end (an error while storing, Ctrl-C, the SIGTERM of `monitor
            # watch`): stop the workers now. close() would wait for the chunks under way, as
            # long as the batch takes, before the command could end. Even when every chunk is
            # done: a batch given up is an error or an interruption, after which a fresh start
            # costs little and leaves no question of what the workers are still doing.
            self._owner.terminate()
