"""The situation at T: the window and the report show the same numbers, read in a bounded number
of statements, and reading never writes."""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from _statements import is_team_store, pg_plans_run, statements_run

from monitor.gui.data import snapshot
from monitor.model import parse_iso
from monitor.report.briefing import FULL_LIMITS, PAGE_LIMITS, gather
from monitor.service import Monitor
from monitor.situation import SituationLimits
from monitor.store.transfer import copy_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402

SEED_AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine this module's stores are on: a file, or a PostgreSQL team store."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_server")  # skips (or fails under CI) without a test cluster
    return request.param


def _new_pg_database(pg_server: str) -> Iterator[str]:
    """A new, empty database on the test cluster, dropped after."""
    import psycopg

    name = "t_situation_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'create database "{name}"')
    yield urlsplit(pg_server)._replace(path="/" + name).geturl()
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture
def db_path(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """A new store on the module's engine (``seeded_db`` fills it with the seed)."""
    if engine == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


@pytest.fixture
def empty_store(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """Another new store on the module's engine, beside ``db_path``'s."""
    if engine == "sqlite":
        yield tmp_path / "empty.db"
    else:
        yield from _new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="module")
def corpus_db(engine: str, tmp_path_factory, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A synthetic story of 600 posts (quotes, speakers, route reports, edited posts); on a team
    store, the same file copied in (``monitor copy``, checked by row counts and hashes)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    make_corpus.build_db(600, 3, path)
    if engine == "sqlite":
        yield path
        return
    for url in _new_pg_database(request.getfixturevalue("pg_server")):
        assert copy_store(path, url).verified
        yield url


def _middle(monitor: Monitor) -> datetime:
    """A moment halfway through the story's posts."""
    rows = monitor.db.execute("select coalesce(published, first_seen) from posts").fetchall()
    times = sorted(t for t in (parse_iso(r[0]) for r in rows) if t is not None)
    return times[len(times) // 2]


def _estimate_numbers(est) -> tuple:
    return (est.state, est.stop, est.next_stop, round(est.km_min, 6), round(est.km_likely, 6),
            round(est.km_max, 6), tuple((e.stop, e.earliest, e.likely, e.latest) for e in est.etas))


def _assert_same_numbers(monitor: Monitor, at: datetime) -> None:
    snap = snapshot(monitor, at)
    for brief in (gather(monitor, at, limits=FULL_LIMITS), gather(monitor, at, limits=PAGE_LIMITS)):
        assert _estimate_numbers(brief.estimate) == _estimate_numbers(snap.estimate)
        assert brief.post_count == snap.post_count
        assert brief.quote_count == snap.quote_count
        assert brief.speaker_count == snap.speaker_count
        top = [(s.speaker.id, s.speaker.quote_count) for s in brief.quoted_speakers[:10]]
        assert top == [(s.id, s.quote_count) for s in snap.speakers[:10]]
        assert len(brief.observations) == len(snap.observations)


def test_window_and_report_agree_on_the_seed(seeded_db):
    with Monitor(seeded_db) as monitor:
        _assert_same_numbers(monitor, SEED_AT)
        brief = gather(monitor, SEED_AT)
        assert brief.post_count == len(brief.posts) > 0
        assert brief.quote_count > 0 and brief.estimate.state != "not_started"


def test_window_and_report_agree_on_a_synthetic_story(corpus_db):
    with Monitor(corpus_db) as monitor:
        at = _middle(monitor)
        _assert_same_numbers(monitor, at)
        page = gather(monitor, at, limits=PAGE_LIMITS)
        full = gather(monitor, at, limits=FULL_LIMITS)
        # Page one carries the newest posts only; the counts are those of the whole list.
        assert len(page.posts) < page.post_count == full.post_count == len(full.posts)
        assert page.posts == full.posts[:len(page.posts)]
        assert sum(s.speaker.quote_count for s in full.quoted_speakers) + full.unattributed \
            == full.quote_count
        # Each listed speaker's quotes are their newest, at most two on page one.
        for entry in page.quoted_speakers:
            assert 0 < len(entry.quotes) <= 2
            whole = next(s for s in full.speakers if s.speaker.id == entry.speaker.id)
            assert entry.quotes == whole.quotes[:len(entry.quotes)]


def _statements(monitor: Monitor, read) -> int:
    return len(statements_run(monitor, read))


def _table_scans(monitor: Monitor, read) -> list[tuple[str, str]]:
    """(plan step, statement) for each step of ``read``'s statements that reads a table of
    quotes or posts whole, row by row (not an index)."""
    if is_team_store(monitor):
        return _pg_table_scans(monitor, read)
    scans = []
    for statement in statements_run(monitor, read):
        if not statement.lstrip().lower().startswith("select"):
            continue
        for row in monitor.db.conn.execute("explain query plan " + statement):
            step = row[3]
            if step.split()[:2] in (["SCAN", "q"], ["SCAN", "quotes"], ["SCAN", "p"], ["SCAN", "posts"]) \
                    and "INDEX" not in step:
                scans.append((step, statement))
    return scans


def _pg_table_scans(monitor: Monitor, read) -> list[tuple[str, str]]:
    """``_table_scans`` on a team store, from the plans its statements ran with."""
    return [(step.strip(), statement) for statement, plan in pg_plans_run(monitor, read)
            for step in plan.splitlines() if re.search(r"Seq Scan on (posts|quotes)\b", step)]


def test_a_report_of_the_whole_story_counts_from_indexes(corpus_db):
    # Counting quotes by kind read every quote's row, text and all: seconds at a million posts.
    with Monitor(corpus_db) as monitor:
        assert _table_scans(monitor, lambda: gather(monitor, limits=PAGE_LIMITS)) == []


def test_a_report_reads_in_a_fixed_number_of_statements(seeded_db, corpus_db):
    # One query per speaker (hundreds in a long story) made a 10k-post report take half a minute.
    counts = []
    for path in (seeded_db, corpus_db):
        with Monitor(path) as monitor:
            counts.append(_statements(monitor, lambda m=monitor: gather(m, _middle(m))))
    assert counts[0] == counts[1], counts
    assert counts[1] < 40, counts


# A statement that changes what is stored: a write, or a data-modifying WITH.
_WRITES = re.compile(r"^\s*(insert|update|delete|replace|create|drop|alter)\b"
                     r"|\b(insert\s+into|update\s+\w+\s+set|delete\s+from)\b", re.IGNORECASE)


def _writes(monitor: Monitor, read) -> list[str]:
    """The statements of ``read()`` that write; on SQLite also any row it changed otherwise."""
    before = None if is_team_store(monitor) else monitor.db.conn.total_changes
    writes = [s for s in statements_run(monitor, read) if _WRITES.search(s)]
    if before is not None and monitor.db.conn.total_changes != before:
        writes.append(f"{monitor.db.conn.total_changes - before} rows changed")
    return writes


def test_reading_the_situation_never_writes(empty_store, seeded_db):
    # A new store has no route saved yet: reading the situation must not save one.
    with Monitor(empty_store) as monitor:
        found = {}
        assert _writes(monitor, lambda: [found.setdefault("situation", monitor.situation(None)),
                                         snapshot(monitor, None)]) == []
        situation = found["situation"]
        assert situation.post_count == 0 and situation.story_start is None
        assert monitor.journey.route_names() == []
    with Monitor(seeded_db) as monitor:
        limits = SituationLimits(posts=None, quotes_per_speaker=None, by_kind=True)
        assert _writes(monitor, lambda: [found.update(situation=monitor.situation(SEED_AT, limits)),
                                         snapshot(monitor, SEED_AT), gather(monitor, SEED_AT)]) == []
        situation = found["situation"]
        assert situation.post_count == len(situation.posts) > 0


def _reference_counts(monitor: Monitor, at: datetime) -> dict:
    """Counts of the situation at ``at`` from every row, filtered in Python."""
    as_of = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    times = dict(monitor.db.execute("select id, coalesce(published, first_seen) from posts").fetchall())
    kinds = dict(monitor.db.execute("select id, kind from speakers").fetchall())
    quotes = [(speaker, kind) for post_id, speaker, kind in monitor.db.execute(
        "select post_id, speaker_id, kind from quotes where status = 'active'") if times[post_id] <= as_of]
    by_quote_kind: dict[str, int] = {}
    per_speaker: dict[int, int] = {}
    for speaker, kind in quotes:
        if speaker is not None:
            by_quote_kind[kind] = by_quote_kind.get(kind, 0) + 1
            per_speaker[speaker] = per_speaker.get(speaker, 0) + 1
    by_speaker_kind: dict[str, int] = {}
    for speaker in per_speaker:
        by_speaker_kind[kinds[speaker]] = by_speaker_kind.get(kinds[speaker], 0) + 1
    return {"posts": sum(1 for t in times.values() if t <= as_of), "quotes": len(quotes),
            "quotes_by_kind": by_quote_kind, "speakers_by_kind": by_speaker_kind,
            "unattributed": sum(1 for s, _ in quotes if s is None),
            "top": sorted(per_speaker.values(), reverse=True)[:20]}


def test_counts_as_of_a_moment_after_every_post_are_those_of_every_post(corpus_db):
    # A report "as of now" covers every post: its counts skip joining quotes to posts, and must
    # come out as the filtered counts do (a moment halfway is counted with the join).
    with Monitor(corpus_db) as monitor:
        for at in (_middle(monitor), datetime.now(UTC)):
            situation = monitor.situation(at, PAGE_LIMITS)
            expected = _reference_counts(monitor, at)
            assert situation.post_count == expected["posts"]
            assert situation.quote_count == expected["quotes"]
            assert situation.quotes_by_kind == expected["quotes_by_kind"]
            assert situation.speakers_by_kind == expected["speakers_by_kind"]
            assert situation.unattributed == expected["unattributed"]
            assert situation.speaker_count == sum(expected["speakers_by_kind"].values())
            assert [s.quote_count for s in situation.speakers] == expected["top"]


def _reference_speaker_quotes(monitor: Monitor, ids: list[int], at: datetime, per: int) -> dict:
    """Each speaker's newest ``per`` active quotes up to ``at``, sorted in Python."""
    as_of = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    times = dict(monitor.db.execute("select id, coalesce(published, first_seen) from posts").fetchall())
    found: dict[int, list[tuple[int, int, int]]] = {i: [] for i in ids}
    for quote_id, post_id, speaker, start in monitor.db.execute(
            "select id, post_id, speaker_id, start from quotes where status = 'active'"):
        if speaker in found and times[post_id] <= as_of:
            found[speaker].append((quote_id, post_id, start))
    return {sid: [q[0] for q in sorted(rows, key=lambda q: (times[q[1]], q[1], q[2]), reverse=True)[:per]]
            for sid, rows in found.items()}


@pytest.mark.parametrize("walk_rows", [20_000, 50])
def test_each_speakers_newest_quotes_walking_the_newest_posts(corpus_db, monkeypatch, walk_rows):
    # The most quoted speakers' newest quotes are found walking the newest posts; speakers not
    # filled by the walk (quoted once, or long ago; or a walk cut short) are read whole.
    from monitor.store import situation as store_situation

    monkeypatch.setattr(store_situation, "_WALK_ROWS", walk_rows)
    with Monitor(corpus_db) as monitor:
        top = [s.id for s in monitor.quotes.top_speakers(limit=8)[0]]
        rare = [row[0] for row in monitor.db.execute(
            "select speaker_id from quotes where speaker_id is not null group by speaker_id "
            "having count(*) = 1 limit 3")]
        oldest = monitor.db.execute(
            "select q.speaker_id from quotes q join posts p on p.id = q.post_id where q.speaker_id "
            "is not null order by coalesce(p.published, p.first_seen) limit 1").fetchone()[0]
        ids = list(dict.fromkeys([*top, *rare, oldest]))
        assert rare, "the corpus has speakers quoted once"
        reads = store_situation.SituationQueries(monitor.db)
        for at in (_middle(monitor), datetime.now(UTC)):
            as_of = at.strftime("%Y-%m-%dT%H:%M:%SZ")
            for per in (1, 2, 5):
                found = reads.speaker_quotes(ids, as_of, per)
                assert {sid: [q.id for q in qs] for sid, qs in found.items()} \
                    == _reference_speaker_quotes(monitor, ids, at, per)


def test_chart_samples_are_the_estimates_without_their_notes(corpus_db):
    # Samples skip making notes (one per conflicting report, in every sample); otherwise they
    # are the estimates themselves.
    from dataclasses import replace

    with Monitor(corpus_db) as monitor:
        situation = monitor.situation(datetime.now(UTC), SituationLimits(chart_samples=12))
        assert situation.schedule is not None and situation.schedule.conflicts
        start, end = situation.span
        track = situation.track(start, end, 9)
        step = (end - start) / 8
        assert track == tuple(replace(situation.estimate_at(start + step * i), notes=()) for i in range(9))
        assert situation.estimate_at(end).notes
        step = (end - start) / 12
        assert situation.chart == tuple(replace(situation.estimate_at(start + step * i), notes=())
                                        for i in range(13))
