"""The quote store on a real database file: schema, ingest, corrections, reextract, CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.service import Monitor
from monitor.store.quotes import QuoteStoreError


@pytest.fixture(params=["sqlite", "postgresql"])
def monitor(request: pytest.FixtureRequest, db_path: Path, seed_path: Path):
    """A store with the seed ingested, on each engine: a file, and a PostgreSQL team store."""
    where = str(db_path) if request.param == "sqlite" else request.getfixturevalue("pg_dsn")
    with Monitor(where) as m:
        reports = m.ingest_path(seed_path)
        assert all(r.ok for r in reports)
        yield m


def _speaker(monitor: Monitor, name: str):
    found = [s for s in monitor.quotes.speakers() if s.name == name]
    assert found, f"no speaker {name!r} in {[s.name for s in monitor.quotes.speakers()]}"
    return found[0]


def _sqlite_only(monitor: Monitor, why: str) -> None:
    if str(monitor.db_path).startswith("postgresql:"):
        pytest.skip(f"SQLite only: {why}")


def test_schema_has_foreign_keys_and_fts(monitor: Monitor) -> None:
    _sqlite_only(monitor, "FTS5 and sqlite-utils' schema reading (PostgreSQL's: test_pg_schema.py)")
    db = monitor.db
    assert {"speakers", "speaker_aliases", "quotes", "quotes_fts"} <= set(db.table_names())
    fks = {(fk.column, fk.other_table) for fk in db.table("quotes").foreign_keys}
    assert fks == {("post_id", "posts"), ("speaker_id", "speakers")}
    assert {(fk.column, fk.other_table) for fk in db.table("speaker_aliases").foreign_keys} == {
        ("speaker_id", "speakers")
    }
    hits = db.execute(
        "select quotes.text from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid "
        "where quotes_fts match 'needless'"
    ).fetchall()
    assert hits == [("That would really just serve to perpetuate this needless war.",)]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into quotes (post_id, field, kind, text, start, end, source_of_truth, "
                   "status) values (9999, 'body', 'direct', 'x', 0, 1, 'extracted', 'active')")


def test_ingest_fills_speakers_and_quotes(monitor: Monitor) -> None:
    assert monitor.quotes.count() >= 11
    speakers = monitor.quotes.speakers()
    counts = [s.quote_count for s in speakers]
    assert counts == sorted(counts, reverse=True)
    ryder = _speaker(monitor, "Patrick Ryder")
    # one record per attribution: his statement over two paragraphs, his reported words, his carry-over
    assert ryder.quote_count == 3 and "Brigadier General" in ryder.role
    peskov = _speaker(monitor, "Dmitry Peskov")
    assert peskov.quote_count == 2
    assert "Peskov" in monitor.quotes.aliases(peskov.id)
    kremlin = _speaker(monitor, "Kremlin")
    # The seed's two Kremlin quotes (headline and post 5), and any other statement of the Kremlin.
    assert kremlin.kind == "organisation" and kremlin.quote_count >= 2
    names = {s.name for s in speakers}
    assert not names & {"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Simon Atkinson"}
    for quote in monitor.quotes.quotes():
        post = monitor.posts.post(quote.post_id)
        source = post.title if quote.field == "title" else post.body
        assert source[quote.start:quote.end] == quote.text
        assert all(quote.start <= s < e <= quote.end for s, e in quote.parts)
    headline = [q for q in monitor.quotes.quotes() if q.field == "title"]
    assert [q.text for q in headline] == ['Kim set for "full-scale visit"']
    title = monitor.posts.post(headline[0].post_id).title
    assert [title[s:e] for s, e in headline[0].parts] == ["full-scale visit"]


def test_quotes_filter_by_speaker_and_post(monitor: Monitor) -> None:
    peskov = _speaker(monitor, "Dmitry Peskov")
    quotes = monitor.quotes.quotes(speaker_id=peskov.id)
    body = monitor.posts.post(quotes[0].post_id).body
    assert [[body[s:e] for s, e in q.parts] for q in quotes] == [["strengthen", "friendship"],
                                                                ["one-on-one format"]]
    assert [q.kind for q in quotes] == ["mixed", "mixed"]
    post_id = monitor.quotes.quotes(speaker_id=peskov.id)[0].post_id
    assert all(q.post_id == post_id for q in monitor.quotes.quotes(post_id=post_id))
    assert monitor.quotes.speaker(peskov.id) == peskov
    assert monitor.quotes.speaker(123456) is None


def test_analyst_corrections_survive_reextract(monitor: Monitor) -> None:
    store = monitor.quotes
    kirby = _speaker(monitor, "John Kirby")
    ryder = _speaker(monitor, "Patrick Ryder")
    moved = store.quotes(speaker_id=ryder.id)[0]
    store.reassign_quote(moved.id, kirby.id)
    wrong = store.quotes(speaker_id=_speaker(monitor, "Kremlin").id)[0]
    store.reject_quote(wrong.id)
    before = store.count()

    counts = monitor.reextract()

    assert counts.analyst == 2 and counts.posts == 5
    assert counts.after == before
    kept = store.quote(moved.id)
    assert kept is not None and kept.speaker_id == kirby.id and kept.source_of_truth == "analyst"
    gone = store.quote(wrong.id)
    assert gone is not None and gone.status == "rejected"
    same_span = [q for q in store.quotes(post_id=wrong.post_id, include_rejected=True)
                 if q.field == wrong.field and q.start < wrong.end and wrong.start < q.end]
    assert [q.id for q in same_span] == [wrong.id]
    assert moved.id in [q.id for q in store.quotes(speaker_id=kirby.id)]


def test_reextract_is_stable(monitor: Monitor) -> None:
    first = [(q.text, q.kind) for q in monitor.quotes.quotes()]
    speakers = [(s.name, s.quote_count) for s in monitor.quotes.speakers()]
    monitor.reextract()
    assert [(q.text, q.kind) for q in monitor.quotes.quotes()] == first
    assert [(s.name, s.quote_count) for s in monitor.quotes.speakers()] == speakers


def test_merge_speakers(monitor: Monitor) -> None:
    store = monitor.quotes
    kremlin = _speaker(monitor, "Kremlin")
    peskov = _speaker(monitor, "Dmitry Peskov")
    total = peskov.quote_count + kremlin.quote_count
    store.merge_speakers(peskov.id, kremlin.id)
    assert store.speaker(kremlin.id) is None
    assert store.speaker(peskov.id).quote_count == total
    assert "Kremlin" in store.aliases(peskov.id)
    monitor.reextract()
    assert store.speaker(peskov.id).quote_count == total


def test_bad_ids_are_named(monitor: Monitor) -> None:
    store = monitor.quotes
    with pytest.raises(QuoteStoreError, match="no quote with id 999"):
        store.reject_quote(999)
    with pytest.raises(QuoteStoreError, match="no speaker with id 999"):
        store.reassign_quote(store.quotes()[0].id, 999)
    some = store.speakers()[0].id
    with pytest.raises(QuoteStoreError, match="into itself"):
        store.merge_speakers(some, some)


def test_edited_post_is_reextracted(db_path: Path, tmp_path: Path, seed_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Talks resume\n“We are ready,” said Foreign Minister Ana Silva.\n", encoding="utf-8")
    with Monitor(db_path) as m:
        m.ingest_path(page)
        assert [q.text for q in m.quotes.quotes()] == ["We are ready"]
        page.write_text("Talks resume\n“We are not ready,” said Foreign Minister Ana Silva.\n",
                        encoding="utf-8")
        m.ingest_path(page)
        assert [q.text for q in m.quotes.quotes()] == ["We are not ready"]
        assert [s.name for s in m.quotes.speakers()] == ["Ana Silva"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_speakers_quotes_reextract(db_path: Path, seed_path: Path) -> None:
    _run("--db", str(db_path), "ingest", str(seed_path))
    rows = [json.loads(line) for line in _run("--db", str(db_path), "speakers", "--json").splitlines()]
    ryder = next(r for r in rows if r["name"] == "Patrick Ryder")
    assert ryder["quote_count"] == 3 == rows[0]["quote_count"]  # most quoted (with the Kremlin)
    quotes = [json.loads(line) for line in
              _run("--db", str(db_path), "quotes", "--speaker", "Peskov", "--json").splitlines()]
    assert [q["kind"] for q in quotes] == ["mixed", "mixed"]
    assert "will “strengthen” the “friendship”" in quotes[0]["text"]
    with Monitor(db_path) as m:
        body = m.posts.post(quotes[0]["post_id"]).body
    assert [[body[s:e] for s, e in q["parts"]] for q in quotes] == [["strengthen", "friendship"],
                                                                    ["one-on-one format"]]
    assert all(q["speaker"] == "Dmitry Peskov" for q in quotes)
    assert "Patrick Ryder" in _run("--db", str(db_path), "speakers")
    with Monitor(db_path) as m:
        n = m.quotes.count()
    assert n >= 11
    assert f"{n} quotes before, {n} after" in _run("--db", str(db_path), "reextract")
    bad = CliRunner().invoke(cli, ["--db", str(db_path), "quotes", "--speaker", "Nobody Atall"])
    assert bad.exit_code != 0 and "no speaker named 'Nobody Atall'" in bad.output


def test_cli_extract_offsets_are_exact(tmp_path: Path) -> None:
    text = ("\ufeffTitle line\r\n😀 “We are ready,”  said  Maria Zakharova.\r\n\r\n"
            "She added that talks were possible.\n")
    good = tmp_path / "a.txt"
    good.write_bytes(text.encode("utf-8"))
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = CliRunner().invoke(cli, ["extract", str(bad), str(tmp_path / "missing.txt"),
                                      str(good), "--json"])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "no such file" in result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["file"] for r in rows} == {str(good)}
    keys = {"file", "text", "start", "end", "kind", "cue", "speaker", "speaker_start", "speaker_end",
            "speaker_kind", "role", "organisation", "outlet", "sieve", "confidence", "parts"}
    for row in rows:
        assert set(row) == keys
        assert text[row["start"]:row["end"]] == row["text"]
        assert text[row["speaker_start"]:row["speaker_end"]] in ("Maria Zakharova", "She")
    assert [r["speaker"] for r in rows] == ["Maria Zakharova", "Maria Zakharova"]


def test_analyst_quote_follows_its_words_when_the_post_is_edited(db_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Talks resume\n“We are ready,” said Foreign Minister Ana Silva.\n", encoding="utf-8")
    with Monitor(db_path) as m:
        m.ingest_path(page)
        quote = m.quotes.quotes()[0]
        m.quotes.reassign_quote(quote.id, None)
        page.write_text("Talks resume\nLate on Monday: “We are ready,” said Foreign Minister Ana Silva.\n",
                        encoding="utf-8")
        m.ingest_path(page)
        kept = m.quotes.quote(quote.id)
        body = m.posts.post(kept.post_id).body
        assert kept.source_of_truth == "analyst" and kept.speaker_id is None
        assert body[kept.start:kept.end] == "We are ready"
        # the new extraction does not duplicate the corrected quote
        assert [q.id for q in m.quotes.quotes(post_id=kept.post_id)] == [quote.id]


def test_search_quotes(monitor: Monitor) -> None:
    found = monitor.quotes.search("needless war")
    assert [q.text for q in found] == ["That would really just serve to perpetuate this needless war."]
    assert "“one-on-one format”" in monitor.quotes.search('"one-on-one format"')[0].text
    assert monitor.quotes.search("   ") == []
    monitor.quotes.reject_quote(found[0].id)
    assert monitor.quotes.search("needless war") == []


# -- migration 9: one record per attribution ------------------------------------------------------


def _schema_8_with_corrections(path: Path, seed_path: Path) -> dict[str, int]:
    """A database at schema 8 (before records had parts) holding the seed's post 2 with its
    quotes stored one per quoted fragment, as the extractor of that version stored them, and an
    analyst's corrections: "strengthen" rejected, "friendship" given to the Kremlin."""
    from sqlite_utils import Database

    from monitor.sources.livetext import parse_livetext
    from monitor.store.migrations import MIGRATIONS

    db = Database(path)
    for number, step in enumerate(MIGRATIONS[:8], start=1):
        step(db)
        db.table("schema_version").insert({"version": number, "applied": "2023-09-11T00:00:00Z"},
                                          pk="version")
    post = list(parse_livetext(seed_path.read_text(encoding="utf-8")).posts)[1]
    db.execute("insert into sources (id, key, kind, url) values (1, 'file:seed', 'livetext', 'file://seed')")
    db.execute("insert into posts (id, source_id, guid, title, body, first_seen, content_hash) "
               "values (1, 1, 'p2', ?, ?, '2023-09-11T00:00:00Z', 'h')", [post.title, post.body])
    db.execute("insert into speakers (id, name, kind) values (1, 'Dmitry Peskov', 'person'), "
               "(2, 'Kremlin', 'organisation')")
    ids = {}
    for words, speaker, truth, status in (("strengthen", 1, "analyst", "rejected"),
                                          ("friendship", 2, "analyst", "active"),
                                          ("one-on-one format", 1, "extracted", "active")):
        start = post.body.index(words)
        cursor = db.execute(
            "insert into quotes (post_id, speaker_id, field, kind, text, start, end, cue, sieve, "
            "source_of_truth, status) values (1, ?, 'body', 'partial', ?, ?, ?, 'said', 'partial', ?, ?)",
            [speaker, words, start, start + len(words), truth, status])
        ids[words] = int(cursor.lastrowid)
    db.conn.commit()
    db.conn.close()
    return ids


def test_schema_8_migrates_in_place_and_analyst_corrections_still_apply(
        db_path: Path, seed_path: Path) -> None:
    ids = _schema_8_with_corrections(db_path, seed_path)
    with Monitor(db_path) as m:
        assert m.db.execute("select max(version) from schema_version").fetchone()[0] >= 9
        store = m.quotes
        rejected, moved = store.quote(ids["strengthen"]), store.quote(ids["friendship"])
        assert rejected.status == "rejected" and rejected.source_of_truth == "analyst"
        assert moved.speaker_id == 2 and moved.source_of_truth == "analyst"
        # the stored fragments are now mixed records whose one part is their words
        for quote in (rejected, moved, store.quote(ids["one-on-one format"])):
            assert quote.kind == "mixed" and quote.parts == ((quote.start, quote.end),)
        assert m.db.execute("select parts from quotes_by_speaker where quote_id = ?",
                            [moved.id]).fetchone()[0] == f"[[{moved.start},{moved.end}]]"

        m.reextract()

        # Re-extraction rebuilds the machine's records as whole attributions; the analyst's
        # corrections still apply: nothing new covers the rejected or the reassigned words.
        assert store.quote(ids["strengthen"]).status == "rejected"
        assert store.quote(ids["friendship"]).speaker_id == 2
        active = store.quotes(post_id=1)
        for quote in active:
            if quote.source_of_truth == "extracted":
                assert not (quote.start < moved.end and moved.start < quote.end)
                assert not (quote.start < rejected.end and rejected.start < quote.end)
        body = m.posts.post(1).body
        format_ = [q for q in active if "one-on-one format" in q.text]
        assert len(format_) == 1 and format_[0].kind == "mixed"
        assert [body[s:e] for s, e in format_[0].parts] == ["one-on-one format"]


def test_migrated_database_matches_a_fresh_one(db_path: Path, seed_path: Path, tmp_path: Path) -> None:
    _schema_8_with_corrections(db_path, seed_path)
    fresh = tmp_path / "fresh.db"
    with Monitor(db_path) as old, Monitor(fresh) as new:
        for table in ("quotes", "quotes_by_speaker"):
            assert [c.name for c in old.db[table].columns] == [c.name for c in new.db[table].columns]


def test_feed_marks_a_mixed_clause_as_reported_and_its_parts_as_quoted(monitor: Monitor) -> None:
    from monitor.gui.data import quote_spans

    peskov = _speaker(monitor, "Dmitry Peskov")
    clause = monitor.quotes.quotes(speaker_id=peskov.id)[0]
    post = monitor.posts.post(clause.post_id)
    spans = quote_spans(monitor, [post])[post.id]
    assert (clause.start, clause.end, "indirect") in spans
    quoted = [post.body[s:e] for s, e, kind in spans if clause.start <= s < clause.end and kind != "indirect"]
    assert quoted == ["strengthen", "friendship"]


def test_a_role_said_again_in_other_words_is_not_added_twice() -> None:
    """A speaker's roles from several posts: one already said by another's words is kept once."""
    from monitor.store.quotes import _merge_role

    assert _merge_role("Tory party deputy chair", "Tory deputy chair") == "Tory party deputy chair"
    assert _merge_role("deputy chair", "the Tory party deputy chair") == "the Tory party deputy chair"
    assert _merge_role("minister for rail", "MP for Dover") == "minister for rail / MP for Dover"
    assert _merge_role(None, "minister") == "minister" and _merge_role("minister", None) == "minister"


def test_the_company_no_post_names_is_no_firm_another_post_named(db_path: Path, tmp_path: Path) -> None:
    """"The company" meant Valdex in one post; in another post, where no firm is named before
    it, it is some other company, not Valdex (nor the same unnamed company as a third post's)."""
    items = [
        ("1", "Valdex launched a console. The company said the device would ship in May."),
        ("2", "The new phone unlocks with a face scan. The company says it will work in any light."),
        ("3", "A new tablet is coming. The company says it will cost less than the last one."),
    ]
    rss = "".join(f"<item><guid>{guid}</guid><title>Item {guid}</title><description>{body}</description>"
                  f"<pubDate>Mon, 0{guid} Jun 2025 10:00:00 GMT</pubDate></item>" for guid, body in items)
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tech</title>{rss}'
                    "</channel></rss>", encoding="utf-8")
    with Monitor(db_path) as m:
        assert all(r.ok for r in m.ingest_path(feed))
        by_text = {q.text: q for q in m.quotes.quotes()}
        valdex = _speaker(m, "Valdex")
        assert by_text["the device would ship in May"].speaker_id == valdex.id
        others = [by_text["it will work in any light"], by_text["it will cost less than the last one"]]
        assert all(q.speaker_id != valdex.id for q in others)
        assert others[0].speaker_id != others[1].speaker_id
        assert "company" not in m.quotes.aliases(valdex.id)
