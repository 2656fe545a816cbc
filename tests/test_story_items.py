"""Reprints fold into story items: across sources, within the window, the earliest copy leading.

Everything goes through the real store and the `monitor` command.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.extract.reprints import FOLD_THRESHOLD
from monitor.model import ParsedPost, ParseResult
from monitor.service import Monitor
from monitor.store import write_transaction


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

AGENCY = [
    "North Korean leader Kim Jong Un's armoured train crossed into Russia early on Tuesday, "
    "the Russian foreign ministry said, days after the Kremlin confirmed a visit to the Far East.",
    "The train, which travels at no more than 60 kilometres an hour, was seen passing through "
    "the border station of Khasan shortly after dawn, according to footage aired by state television.",
    "Officials in Primorsky region said security had been tightened along the line to Vladivostok, "
    "where the two leaders are expected to hold talks on the sidelines of an economic forum.",
    "Western governments have warned Pyongyang against supplying artillery shells to Moscow, "
    "a deal both sides deny they are negotiating.",
]
OTHER = [
    "Residents of Vladivostok woke on Tuesday to road closures around the waterfront as police "
    "prepared for a visit the city has not seen since 2019.",
    "Shopkeepers near the railway station told reporters they had been asked to stay closed until "
    "further notice, and traffic was diverted away from the harbour bridge for most of the morning.",
    "The regional governor posted a short video welcoming the delegation but gave no timetable.",
]


def _post(guid: str, title: str, paragraphs: list[str], when: datetime) -> ParsedPost:
    return ParsedPost(guid=guid, title=title, body="\n\n".join(paragraphs), published=when)


def _ingest(monitor: Monitor, source: str, *posts: ParsedPost) -> None:
    report = monitor.ingest_result(ParseResult(kind="jsonl", posts=list(posts)), source,
                                   source_key=source, url=f"https://{source}/feed")
    assert report.ok, report.error


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _rows(db_path: Path, *extra: str) -> list[dict]:
    return [json.loads(line) for line in _run("posts", "--json", *extra, "--db", str(db_path)).splitlines()]


def test_agency_copy_and_its_reprints_fold_but_a_different_story_does_not(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a1", "Kim's train crosses into Russia", AGENCY, T0))
        # An outlet's own headline, the last paragraph trimmed; another adds a paragraph of its own.
        _ingest(monitor, "outlet-1", _post("o1", "Kim arrives in Russia by armoured train",
                                           AGENCY[:3], T0 + timedelta(hours=2)))
        _ingest(monitor, "outlet-2", _post("o2", "North Korean leader enters Russia",
                                           AGENCY[:2] + [OTHER[2]] + AGENCY[2:], T0 + timedelta(hours=5)))
        # Same topic, same day, its own words: a story of its own.
        _ingest(monitor, "outlet-3", _post("o3", "Vladivostok braces for Kim's visit", OTHER,
                                           T0 + timedelta(hours=1)))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert rows["a1"]["item"] == rows["o1"]["item"] == rows["o2"]["item"] is not None
    assert {rows[g]["also_in"] for g in ("a1", "o1", "o2")} == {2}
    assert rows["o3"]["item"] != rows["a1"]["item"] and rows["o3"]["also_in"] == 0
    items = _rows(db_path, "--items")
    assert len(items) == 2
    lead = next(i for i in items if i["item"] == rows["a1"]["item"])
    assert lead["guid"] == "a1" and lead["also_in"] == 2
    assert [c["source"] for c in lead["copies"]] == ["agency", "outlet-1", "outlet-2"]


def test_the_earliest_copy_leads_even_when_it_arrives_last(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "outlet", _post("late", "Reprint", AGENCY, T0 + timedelta(hours=3)))
        _ingest(monitor, "agency", _post("early", "Original", AGENCY, T0))
    [item] = _rows(db_path, "--items")
    assert item["guid"] == "early" and item["also_in"] == 1
    assert [c["source"] for c in item["copies"]] == ["agency", "outlet"]


def test_deleting_the_leads_source_leaves_the_item_to_its_other_copies(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("early", "Original", AGENCY, T0))
        _ingest(monitor, "outlet", _post("late", "Reprint", AGENCY, T0 + timedelta(hours=3)))
        _ingest(monitor, "alone", _post("own", "Its own story", OTHER, T0 + timedelta(hours=1)))
        agency = next(s.id for s in monitor.posts.sources() if s.key == "agency")
        alone = next(s.id for s in monitor.posts.sources() if s.key == "alone")
        monitor.remove_source(agency, keep_posts=False)
        monitor.remove_source(alone, keep_posts=False)
        # A copy folded after the deletion joins what is left, not a post that is gone.
        _ingest(monitor, "wire", _post("again", "Reprint again", AGENCY, T0 + timedelta(hours=4)))
    [item] = _rows(db_path, "--items")
    assert item["guid"] == "late" and item["also_in"] == 1
    assert [c["source"] for c in item["copies"]] == ["outlet", "wire"]


def test_copies_further_apart_than_the_window_stay_apart(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
        _ingest(monitor, "archive", _post("b", "Republished", AGENCY, T0 + timedelta(hours=73)))
        _ingest(monitor, "outlet", _post("c", "Reprint", AGENCY, T0 + timedelta(hours=71)))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert rows["a"]["item"] == rows["c"]["item"] != rows["b"]["item"]


def test_one_sources_own_posts_never_fold_into_each_other(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "live", _post("u1", "Update", AGENCY, T0),
                _post("u2", "Update again", AGENCY, T0 + timedelta(minutes=5)))
        _ingest(monitor, "feed", _post("f1", "Update", AGENCY, T0 + timedelta(minutes=1)))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert rows["u1"]["item"] != rows["u2"]["item"]
    assert rows["f1"]["item"] in (rows["u1"]["item"], rows["u2"]["item"])
    assert Counter(r["also_in"] for r in rows.values()) == Counter({1: 2, 0: 1})


def test_an_edit_stays_a_revision_of_its_post_in_its_item(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
        _ingest(monitor, "outlet", _post("o", "Reprint", AGENCY[:3], T0 + timedelta(hours=1)))
        _ingest(monitor, "outlet", _post("o", "Reprint, updated", AGENCY[:3] + [OTHER[2]],
                                         T0 + timedelta(hours=1)))
        items = monitor.db.execute("select count(*) from story_items").fetchone()[0]
        revisions = monitor.db.execute("select count(*) from post_revisions").fetchone()[0]
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert revisions == 1 and rows["o"]["title"] == "Reprint, updated"
    assert rows["o"]["item"] == rows["a"]["item"] and items == 1


def test_the_index_is_rebuilt_from_stored_signatures_after_a_restart(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
    with Monitor(db_path) as monitor:  # a new process: nothing in memory
        _ingest(monitor, "outlet", _post("o", "Reprint", AGENCY[1:], T0 + timedelta(hours=30)))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert rows["a"]["item"] == rows["o"]["item"] and rows["o"]["also_in"] == 1


def test_a_post_another_process_folded_is_seen_by_an_open_store(db_path):
    with Monitor(db_path) as first, Monitor(db_path) as second:
        _ingest(first, "agency", _post("a", "Original", AGENCY, T0))
        _ingest(second, "outlet-1", _post("o1", "Reprint", AGENCY, T0 + timedelta(hours=1)))
        _ingest(first, "outlet-2", _post("o2", "Reprint", AGENCY, T0 + timedelta(hours=2)))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert len({r["item"] for r in rows.values()}) == 1
    assert {r["also_in"] for r in rows.values()} == {2}


def test_real_feeds_ingested_under_two_names_give_one_item_per_post(shared_feeds, db_path):
    for name in ("a", "b"):
        for sample in sorted(shared_feeds.iterdir()):
            if sample.name in ("MANIFEST.tsv", "NOTICE.md"):
                continue
            CliRunner().invoke(cli, ["ingest", str(sample), "--source", f"{name}:{sample.name}",
                                     "--db", str(db_path)], catch_exceptions=False)
    rows = _rows(db_path)
    assert len(rows) > 100
    by_item: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_item[row["item"]].append(row)
    assert None not in by_item
    for copies in by_item.values():
        # One copy from each name, the same post of the same file.
        assert sorted(r["source"].split(":", 1)[0] for r in copies) == ["a", "b"], copies
        assert len({(r["source"].split(":", 1)[1], r["guid"]) for r in copies}) == 1, copies
        assert {r["also_in"] for r in copies} == {1}
    assert len(_rows(db_path, "--items")) == len(rows) // 2


def test_a_rolled_back_ingest_leaves_nothing_for_later_posts_to_fold_into(db_path):
    with Monitor(db_path) as monitor:
        try:
            with write_transaction(monitor.db):
                _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
                raise RuntimeError("the batch failed after folding")
        except RuntimeError:
            pass
        _ingest(monitor, "outlet", _post("o", "Reprint", AGENCY, T0 + timedelta(hours=1)))
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
    rows = {r["guid"]: r for r in _rows(db_path)}
    assert rows["a"]["item"] == rows["o"]["item"] and rows["a"]["also_in"] == 1
    [item] = _rows(db_path, "--items")
    assert item["guid"] == "a"  # the earliest copy leads, though stored last


def test_the_reprint_corpus_folds_within_the_precision_and_recall_targets(db_path):
    import reprint_corpus as corpus

    docs = corpus.arrival_order(corpus.generate(40, seed=5), seed=5)
    guid_item, _ = corpus.fold_corpus(docs, db_path, FOLD_THRESHOLD)
    found = corpus.score(docs, guid_item)
    assert found["true_pairs"] > 100
    assert found["precision"] >= corpus.TARGET_PRECISION and found["recall"] >= corpus.TARGET_RECALL, found


def test_search_rows_carry_the_item_of_each_copy(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
        _ingest(monitor, "outlet", _post("o", "Reprint", AGENCY[:3], T0 + timedelta(hours=1)))
    out = _run("search", "Khasan", "--json", "--db", str(db_path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["guid"] for r in rows) == ["a", "o"]
    assert len({r["item"] for r in rows}) == 1 and {r["also_in"] for r in rows} == {1}


def test_posts_stored_before_folding_existed_are_items_of_their_own(db_path):
    with Monitor(db_path) as monitor:
        _ingest(monitor, "agency", _post("a", "Original", AGENCY, T0))
        _ingest(monitor, "outlet", _post("o", "Reprint", AGENCY, T0 + timedelta(hours=1)))
        # What a store migrated from before story items holds: posts, and no item rows.
        with write_transaction(monitor.db):
            monitor.db.execute("delete from story_item_posts")
            monitor.db.execute("delete from story_items")
    rows = _rows(db_path)
    assert {(r["item"], r["also_in"]) for r in rows} == {(None, 0)}
    items = _rows(db_path, "--items")
    assert sorted(i["guid"] for i in items) == ["a", "o"]
    assert all(i["item"] is None and len(i["copies"]) == 1 for i in items)
