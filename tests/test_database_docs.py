"""docs/database.md matches the schema, and the file opens in sqlite-utils as an analyst would open it."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
import sqlite_utils
from conftest import SEED_ROUTE

from monitor.service import Monitor

DOC = Path(__file__).resolve().parent.parent / "docs" / "database.md"
HEADING = re.compile(r"^###\s+`(\w+)`\s*$")
ROW = re.compile(r"^\|\s*`(\w+)`\s*\|")


def documented() -> dict[str, set[str]]:
    """Tables and views named in ``### `name` `` headings, with the columns listed under each."""
    found: dict[str, set[str]] = {}
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            current = heading.group(1)
            found[current] = set()
        elif line.startswith("#"):
            current = None
        elif current and (row := ROW.match(line)):
            found[current].add(row.group(1))
    return found


def schema(path: Path) -> dict[str, set[str]]:
    """Tables and views of the file at ``path`` with their columns, minus FTS5 shadow tables."""
    db = sqlite_utils.Database(path)
    fts = {t.name for t in db.tables if t.name.endswith("_fts")}
    suffixes = ("data", "idx", "docsize", "config", "content")
    shadow = {f"{name}_{suffix}" for name in fts for suffix in suffixes}
    result = {t.name: set(t.columns_dict) for t in db.tables if t.name not in shadow}
    result.update({v.name: set(v.columns_dict) for v in db.views})
    return result


def fresh_database(tmp_path: Path, seed_path: Path | None = None) -> Path:
    path = tmp_path / "fresh.db"
    with Monitor(path) as monitor:
        if seed_path is not None:
            monitor.set_route(SEED_ROUTE)
            monitor.ingest_path(seed_path)
    return path


def test_every_table_view_and_column_is_documented(tmp_path):
    actual = schema(fresh_database(tmp_path))
    docs = documented()
    missing_tables = sorted(set(actual) - set(docs))
    assert not missing_tables, f"docs/database.md lacks a section for {missing_tables}"
    missing_columns = {t: sorted(cols - docs[t]) for t, cols in actual.items() if cols - docs[t]}
    assert not missing_columns, f"docs/database.md lacks columns {missing_columns}"


def test_everything_documented_exists(tmp_path):
    actual = schema(fresh_database(tmp_path))
    docs = documented()
    stale_tables = sorted(set(docs) - set(actual))
    assert not stale_tables, f"docs/database.md documents {stale_tables}, which the schema lacks"
    stale = {t: sorted(cols - actual[t]) for t, cols in docs.items() if cols - actual[t]}
    assert not stale, f"docs/database.md documents columns the schema lacks: {stale}"


def test_the_parser_sees_the_sections():
    # A guard for the two tests above: a parser that finds nothing would pass them vacuously.
    docs = documented()
    assert {"posts", "sources", "posts_timeline", "stop_observations"} <= set(docs)
    assert {"id", "title", "body", "published"} <= docs["posts"]


def test_opens_in_sqlite_utils_with_fts_keys_and_labels(tmp_path, seed_path):
    path = fresh_database(tmp_path, seed_path)
    db = sqlite_utils.Database(path)
    tables = {t.name: t for t in db.tables}
    assert tables["posts"].detect_fts() == "posts_fts"
    assert tables["quotes"].detect_fts() == "quotes_fts"
    assert tables["posts"].count == 5
    keys = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    assert {("posts", "source_id", "sources"), ("post_revisions", "post_id", "posts"),
            ("stops", "route_id", "routes"), ("observations", "post_id", "posts"),
            ("observations", "route_id", "routes"), ("quotes", "post_id", "posts"),
            ("quotes", "speaker_id", "speakers"), ("speaker_aliases", "speaker_id", "speakers")} <= keys
    # Datasette shows a row by its label column: every browsable table has one.
    browsable = {"sources", "posts", "post_revisions", "routes", "stops", "observations", "speakers",
                 "speaker_aliases"}
    for name in browsable:
        assert {"name", "title"} & set(tables[name].columns_dict), f"{name} has no name/title column"
    # A search the way sqlite-utils users write it.
    hits = list(tables["posts"].search("gauge OR wheel"))
    assert hits and all("body" in row for row in hits)


def test_views_answer_the_common_questions(tmp_path, seed_path):
    path = fresh_database(tmp_path, seed_path)
    db = sqlite_utils.Database(path)
    timeline = list(db["posts_timeline"].rows)
    assert len(timeline) == db["posts"].count
    assert [r["at"] for r in timeline] == sorted(r["at"] for r in timeline)
    assert sum(r["observations"] for r in timeline) == db["observations"].count
    stops = list(db["stop_observations"].rows)
    assert len(stops) == db["observations"].count
    tumangang = [r for r in stops if r["name"] == "Tumangang"]
    assert tumangang and all(r["stop_kind"] == "gauge_change" and r["km"] > 800 for r in tumangang)
    seqs = [r["stop_seq"] for r in stops if r["stop_seq"] is not None]
    assert seqs == sorted(seqs)
    said = list(db["quotes_by_speaker"].rows)
    active = db.execute("select count(*) from quotes where status = 'active' and speaker_id is not null")
    assert len(said) == active.fetchone()[0] > 0
    names = [r["name"] for r in said]
    assert names == sorted(names, key=str.casefold)
    assert {"Dmitry Peskov", "John Kirby", "Patrick Ryder"} <= set(names)


BROWSED = ("sources", "posts", "routes", "stops", "speakers")


def test_opens_in_datasette_as_is(tmp_path, seed_path):
    datasette_app = pytest.importorskip("datasette.app")
    path = fresh_database(tmp_path, seed_path)

    ds = datasette_app.Datasette([str(path)])

    async def explore() -> dict:
        db = ds.get_database("fresh")
        found = {
            "fts": await db.fts_table("posts"),
            "labels": {t: await db.label_column_for_table(t) for t in BROWSED},
            "keys": {fk["other_table"] for fk in await db.foreign_keys_for_table("observations")},
        }
        response = await ds.client.get("/fresh/posts.json?_search=wheel&_shape=objects")
        found["search"] = [row["title"] for row in response.json()["rows"]]
        response = await ds.client.get("/fresh/stop_observations.json?_shape=objects&stop_kind=gauge_change")
        found["view"] = [row["name"] for row in response.json()["rows"]]
        return found

    try:
        found = asyncio.run(explore())
    finally:
        if ds.executor is not None:
            ds.executor.shutdown(wait=True)  # its SQL threads would outlive the test run
    assert found["fts"] == "posts_fts"
    assert found["labels"] == {"sources": "title", "posts": "title", "routes": "name", "stops": "name",
                               "speakers": "name"}
    assert {"posts", "routes"} <= found["keys"]
    assert found["search"] == ["What route is Kim taking?"]
    assert found["view"] and set(found["view"]) == {"Tumangang"}
