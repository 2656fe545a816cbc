"""Every command that works on a team store answers as it does on the same store as a file:
route, report, export, posts --items, reextract, the sources' changes, evidence, prune-documents and
repair --items, each run on a database file and on its copy in PostgreSQL. What truly needs a
file (monitor repair) refuses a URL by name. Against the throwaway cluster of
`.ci/pg-cluster.sh`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from click.testing import CliRunner
from conftest import SEED_ROUTE
from PySide6.QtGui import QImage

from monitor.cli import cli
from monitor.model import parse_iso
from monitor.report.briefing import gather
from monitor.service import Monitor

AT = "2023-09-11T21:00:00Z"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pair(story_db: Path, pg_dsn: str) -> tuple[str, str]:
    """The story as a database file and its copy in a team store: (file, url)."""
    code, _, err = run("copy", "--from", str(story_db), "--to", pg_dsn)
    assert code == 0, err
    return str(story_db), pg_dsn


def both(pair: tuple[str, str], *args: str) -> tuple[int, str, str]:
    """Run a command on the file and on the team store; their output, which must be the same."""
    file, team = pair
    on_file, on_team = run(*args, "--db", file), run(*args, "--db", team)
    assert on_team == on_file, args
    return on_file


def test_route_answers_as_on_the_file(pair):
    code, out, _ = both(pair, "route", "--json", "--at", AT)
    assert code == 0 and json.loads(out)["route"]
    assert both(pair, "route", "--at", AT)[0] == 0
    assert both(pair, "route", "--timeline", "--json", "--at", AT)[0] == 0
    # Choosing another route writes it to the team store as to the file.
    code, out, _ = both(pair, "route", "--use", SEED_ROUTE, "--json", "--at", AT)
    assert code == 0 and SEED_ROUTE in out
    assert both(pair, "route", "--json", "--at", AT)[1] == out


@pytest.mark.parametrize("table", ["posts", "quotes", "speakers", "observations", "revisions", "sources",
                                   "quotes_by_speaker", "story_items"])
@pytest.mark.parametrize("fmt", ["ndjson", "csv", "json"])
def test_export_writes_the_same_rows(pair, table, fmt):
    code, out, _ = both(pair, "export", "--table", table, "--format", fmt)
    assert code == 0 and out.strip()


def test_export_names_the_same_tables_and_no_search_internals(pair):
    code, _, err = both(pair, "export", "--table", "nothing")
    assert code == 2 and "choose from" in err and "search_vector" not in err and "_fts" not in err
    assert "posts" in err and "quotes_by_speaker" in err


def test_posts_listed_as_story_items_are_alike(pair):
    code, out, _ = both(pair, "posts", "--items", "--json")
    assert code == 0 and out.strip()
    assert both(pair, "posts", "--items", "--limit", "2")[0] == 0


def test_reextract_gives_the_same_counts_and_quotes(pair):
    code, out, _ = both(pair, "reextract", "--json")
    assert code == 0 and json.loads(out)["after"] > 0
    assert both(pair, "quotes", "--json")[0] == 0
    assert both(pair, "speakers", "--json")[0] == 0


def test_source_changes_are_made_alike(pair):
    for args in (["sources", "rename", "1", "Wire desk"], ["sources", "disable", "1"],
                 ["sources", "enable", "1"], ["sources", "set", "1", "--interval", "90", "--tier", "wire"],
                 ["sources", "--json"], ["sources", "remove", "1", "--keep-posts"], ["sources", "--json"]):
        assert both(pair, *args)[0] == 0, args


def test_evidence_bundles_and_pruning_are_alike(pair, tmp_path):
    file, team = pair
    bundles = {}
    for name, where in (("file", file), ("team", team)):
        out = tmp_path / name
        code, said, err = run("evidence", "1", "2", "--out", str(out), "--db", where)
        assert code == 0, err
        bundles[name] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        assert said.replace(str(out), "OUT") == (bundles.get("said") or said.replace(str(out), "OUT"))
    assert bundles["team"] == bundles["file"] and "SHA256SUMS" in bundles["team"]
    assert both(pair, "prune-documents", "--days", "0")[0] == 0


def test_folding_the_backlog_is_alike(pair):
    file, team = pair
    for where in pair:  # posts stored before story items existed: none in either
        assert run("repair", "--items", "--db", where)[0] == 0
    assert both(pair, "repair", "--items") == (0, "every post is in a story item: nothing to fold\n", "")
    del file, team


def test_a_report_of_the_team_store_is_the_files(pair, tmp_path, qapp):
    file, team = pair
    images = []
    for name, where in (("file", file), ("team", team)):
        out = tmp_path / f"{name}.png"
        code, said, err = run("report", "--out", str(out), "--at", AT, "--db", where)
        assert code == 0, err
        assert str(out) in said
        images.append(QImage(str(out)))
    assert images[0].size() == images[1].size() and images[0].size().width() == 1600
    # The same page above the footer, which names the store: the file, or the team's database.
    body = [image.copy(0, 0, image.width(), image.height() - 31) for image in images]
    assert body[1] == body[0]
    with Monitor(file, readonly=True) as on_file, Monitor(team) as on_team:
        at = parse_iso(AT)
        briefings = [gather(on_file, at), gather(on_team, at)]
    assert briefings[0].database == "monitor.db" and briefings[1].database == urlsplit(team).path[1:]
    assert replace(briefings[1], database="") == replace(briefings[0], database="")
    pdf = tmp_path / "team.pdf"
    assert run("report", "--out", str(pdf), "--at", AT, "--db", team)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_what_needs_a_file_refuses_a_team_store_by_name(pair):
    _, team = pair
    secret = team.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    code, out, err = run("repair", "--db", secret)
    assert code == 1 and "postgres:***@" in err and "s3cret" not in out + err
    assert "monitor repair rebuilds a database file's SQLite full-text indexes" in err
    assert "every command but monitor repair works on a PostgreSQL store" in err
    with psycopg.connect(team) as conn:  # and nothing was written
        assert conn.execute("select count(*) from posts").fetchone()[0] == 6
