"""bench/make_corpus.py: reproducible, readable by the app's parsers, the same by every route."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402

from monitor.service import Monitor  # noqa: E402


def _tables(db_path: Path) -> dict[str, list]:
    conn = sqlite3.connect(db_path)
    try:
        return {
            "posts": sorted(conn.execute(
                "select s.key, p.guid, p.title, p.byline, p.location, p.body, p.published "
                "from posts p join sources s on s.id = p.source_id").fetchall()),
            "revisions": sorted(conn.execute(
                "select s.key, p.guid, r.revision, r.body from post_revisions r "
                "join posts p on p.id = r.post_id join sources s on s.id = p.source_id").fetchall()),
        }
    finally:
        conn.close()


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path):
    make_corpus.write_jsonl(700, 5, tmp_path / "a.jsonl")
    make_corpus.write_jsonl(700, 5, tmp_path / "b.jsonl")
    make_corpus.write_jsonl(700, 6, tmp_path / "c.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.jsonl").read_bytes() != (tmp_path / "c.jsonl").read_bytes()


def test_pages_parse_into_exactly_the_generated_posts():
    for page in make_corpus.pages(3000, 9):
        parsed = page.parsed()
        assert [(p.title, p.byline, p.location) for p in parsed] == [
            (d.title, d.byline, d.location) for d in page.posts]
        assert [p.body.split("\n\n") for p in parsed] == [d.paragraphs for d in page.posts]


def test_corpus_has_quotes_stops_and_edits(tmp_path):
    rows = list(make_corpus.post_rows(2000, 4))
    bodies = "\n".join(r["body"] for r in rows)
    first = {r["id"]: r for r in rows if not r["revisions"]}
    edits = [r for r in rows if r["revisions"]]
    assert len(first) == 2000 and 20 <= len(edits) <= 200
    for edit in edits:  # the same post (id, guid, headline), another body
        original = first[edit["id"]]
        assert (edit["guid"], edit["title"]) == (original["guid"], original["title"])
        assert edit["body"] != original["body"]
    for needle in ("“", "said that", "Kremlin spokesman", "left Pyongyang", "arrived in", "Khasan"):
        assert needle in bodies, needle
    assert sum(1 for r in rows if r["byline"]) > 100 and sum(1 for r in rows if not r["title"]) > 50


@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_pages_json_lines_and_direct_build_give_the_same_database(tmp_path):
    n, seed = 1500, 2
    make_corpus.build_db(n, seed, tmp_path / "direct.db")
    make_corpus.write_pages(n, seed, tmp_path / "pages")
    make_corpus.write_jsonl(n, seed, tmp_path / "posts.jsonl")
    with Monitor(tmp_path / "files.db") as monitor:
        reports = monitor.ingest_path(tmp_path / "pages" / "pages")
        reports += monitor.ingest_path(tmp_path / "pages" / "revised")
        assert all(r.ok for r in reports)
    with Monitor(tmp_path / "jsonl.db") as monitor:
        [report] = monitor.ingest_path(tmp_path / "posts.jsonl")
        assert report.ok and report.added == n
    direct = _tables(tmp_path / "direct.db")
    assert len(direct["posts"]) == n and direct["revisions"]
    assert _tables(tmp_path / "files.db") == direct
    assert _tables(tmp_path / "jsonl.db") == direct
