"""Quotes written at the end of an ingest, many rows per statement, are the quotes written one
by one: the same rows, speakers and aliases, and a refused row costs only its own post."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from monitor.extract import extract_post_noted
from monitor.model import ExtractedQuote
from monitor.service import Monitor


def _tables(monitor: Monitor) -> dict:
    db = monitor.db
    return {
        "quotes": db.execute(
            "select post_id, speaker_id, field, kind, text, start, end, cue, outlet, mention, "
            "speaker_start, speaker_end, confidence, sieve, parts, source_of_truth, status "
            "from quotes order by post_id, field, start, id").fetchall(),
        "speakers": db.execute(
            "select id, name, kind, role, organisation from speakers order by id").fetchall(),
        "aliases": db.execute(
            "select speaker_id, name, key from speaker_aliases order by speaker_id, key").fetchall(),
        "fts": db.execute("select count(*) from quotes_fts where quotes_fts match 'said OR war'").fetchone(),
    }


def _posts_only(tmp_path: Path, seed_path: Path, name: str) -> Path:
    """A store holding the seed's posts and no quotes."""
    path = tmp_path / name
    with Monitor(path) as monitor:
        assert all(r.ok for r in monitor.ingest_path(seed_path))
        monitor.db.execute("delete from quotes")
        monitor.db.execute("delete from speaker_aliases")
        monitor.db.execute("delete from speakers")
        monitor.db.conn.commit()
    return path


def test_a_batch_stores_what_storing_one_post_at_a_time_stores(tmp_path, seed_path):
    base = _posts_only(tmp_path, seed_path, "base.db")
    results = []
    with Monitor(base) as monitor:
        posts = sorted(monitor.posts.posts(), key=lambda p: p.id)
        for post in posts:
            quotes, _ = extract_post_noted(post.title, post.body, post.byline)
            results.append((post.id, quotes))
    quoted = [r for r in results if r[1]]
    assert len(quoted) >= 3
    # A post stored twice in one batch (added, then edited): its second quotes replace the first
    # ones, still waiting to be written.
    first_id, first_quotes = quoted[0]
    at = results.index(quoted[0])
    results.insert(at + 1, (first_id, first_quotes[:1]))
    # A post whose stored quotes are replaced (an edit), last: its old speakers may be left
    # without a quote, and the rows waiting before it are written first.
    again_id, again_quotes = quoted[-1]
    tables = []
    # One at a time; batched; batched and told the batch's posts (an ingest: those holding no
    # quote yet are not cleared one by one).
    for mode in ("one by one", "batched", "batched, posts named"):
        path = tmp_path / f"{mode}.db"
        shutil.copy(base, path)
        with Monitor(path) as monitor:
            with monitor.db.conn:
                monitor.quotes.replace_extracted(again_id, again_quotes)
            with monitor.db.conn:
                if mode == "one by one":
                    for post_id, quotes in results:
                        monitor.quotes.replace_extracted(post_id, quotes)
                else:
                    named = [post_id for post_id, _ in results] if mode.endswith("named") else []
                    with monitor.quotes.batched(named) as refused:
                        for post_id, quotes in results:
                            monitor.quotes.replace_extracted(post_id, quotes)
                    assert refused == []
            tables.append(_tables(monitor))
    assert tables[0]["quotes"] and tables[0]["fts"][0] > 0
    assert tables[0] == tables[1] == tables[2]


def _said(by: str, index: int, field: str = "body") -> tuple[str, ExtractedQuote]:
    return field, ExtractedQuote(text="We will talk", start=0, end=12, kind="direct", cue="said",
                                 speaker=by, speaker_start=20, speaker_end=20 + len(by),
                                 speaker_kind="person", role=None, organisation=None, outlet=None,
                                 sieve="test", confidence=0.9, speaker_index=index)


def test_a_post_given_up_in_a_batch_leaves_the_batch_nothing_of_its_speakers(tmp_path, seed_path):
    """A post whose quotes cannot be stored is rolled back, the speakers it made with them;
    a later post of the batch naming the same person makes them again rather than pointing
    at a speaker no longer there."""
    path = _posts_only(tmp_path, seed_path, "s.db")
    with Monitor(path) as monitor:
        first, second = sorted(p.id for p in monitor.posts.posts())[:2]
        with monitor.db.conn, monitor.quotes.batched([first, second]) as refused:
            # The same new name under two speaker numbers (two look-ups), then a bad field.
            given_up = [_said("Ivan Petrovsky", 0), _said("Ivan Petrovsky", 1), _said("x", 2, "footer")]
            with pytest.raises(ValueError, match="unknown field"):
                monitor.quotes.replace_extracted(first, given_up)
            assert monitor.quotes.replace_extracted(second, [_said("Ivan Petrovsky", 0)]) == 1
        assert refused == []
        stored = monitor.quotes.quotes()
        assert [q.post_id for q in stored] == [second]
        speaker = monitor.quotes.speaker(stored[0].speaker_id)
        assert speaker is not None and speaker.name == "Ivan Petrovsky"


def test_a_row_the_database_refuses_costs_only_its_post(tmp_path, seed_path):
    path = _posts_only(tmp_path, seed_path, "s.db")
    with Monitor(path) as monitor:
        posts = sorted(monitor.posts.posts(), key=lambda p: p.id)
        extracted = [(p.id, extract_post_noted(p.title, p.body, p.byline)[0]) for p in posts]
        extracted = [e for e in extracted if e[1]]
        gone = max(p.id for p in posts) + 100  # no such post: its rows break the foreign key
        with monitor.db.conn, monitor.quotes.batched() as refused:
            monitor.quotes.replace_extracted(extracted[0][0], extracted[0][1])
            monitor.quotes.replace_extracted(gone, extracted[1][1])
            monitor.quotes.replace_extracted(extracted[2][0], extracted[2][1])
        assert len(refused) == 1 and f"post {gone}:" in refused[0]
        stored = {r[0] for r in monitor.db.execute("select distinct post_id from quotes")}
        assert stored == {extracted[0][0], extracted[2][0]}
        # The refused post's speakers, left without a quote, are not kept.
        orphans = monitor.db.execute(
            "select count(*) from speakers where not exists "
            "(select 1 from quotes where quotes.speaker_id = speakers.id)").fetchone()[0]
        assert orphans == 0
