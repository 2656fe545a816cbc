"""The command line, run as a user runs it: click's runner and a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from click.testing import CliRunner

from monitor.cli import cli
from monitor.service import Monitor

SEED_TITLES = [
    None,
    'Kim set for "full-scale visit" says Kremlin',
    "What route is Kim taking?",
    "Pentagon urges Kim Jong Un to not sell weapons to Russia",
    "Kim Jong Un reportedly en route to meet Putin",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_posts_json_on_the_seed(db_path, seed_path):
    assert run("ingest", str(seed_path), "--db", str(db_path))[0] == 0
    code, out, _ = run("posts", "--json", "--db", str(db_path))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["title"] for r in rows] == SEED_TITLES
    for key in ("id", "source", "seq", "title", "byline", "location", "body", "published",
                "published_precision"):
        assert all(key in r for r in rows)
    assert rows[3]["byline"] == "Simon Atkinson" and rows[3]["location"] == "In Washington"
    assert {r["published_precision"] for r in rows} == {"date"}
    assert rows[0]["body"].startswith("If the summit with Mr Putin goes ahead")


def test_reingest_changes_nothing(db_path, seed_path):
    run("ingest", str(seed_path), "--db", str(db_path))
    before = run("posts", "--json", "--db", str(db_path))[1]
    code, out, _ = run("ingest", str(seed_path), "--db", str(db_path))
    assert code == 0 and "0 new, 0 updated, 5 unchanged" in out
    assert run("posts", "--json", "--db", str(db_path))[1] == before


def test_search_json_finds_post_two(db_path, seed_path):
    run("ingest", str(seed_path), "--db", str(db_path))
    code, out, _ = run("search", "Peskov", "--json", "--db", str(db_path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["seq"] for r in rows] == [4]
    assert rows[0]["title"] == SEED_TITLES[1]
    for typed in ['"one-on-one', "NOT OR", "(", "full-scale*", "'"]:
        assert run("search", typed, "--db", str(db_path))[0] == 0


def test_group_db_option_and_env_default(db_path, seed_path, monkeypatch):
    monkeypatch.setenv("MONITOR_DB", str(db_path))
    assert run("ingest", str(seed_path))[0] == 0
    assert run("--db", str(db_path), "posts", "--json")[1].count("\n") == 5


def test_export_formats(db_path, seed_path, tmp_path):
    run("ingest", str(seed_path), "--db", str(db_path))
    out = run("export", "--table", "posts", "--format", "csv", "--db", str(db_path))[1]
    assert len(list(csv.DictReader(io.StringIO(out)))) == 5
    out = run("export", "--table", "posts", "--format", "json", "--db", str(db_path))[1]
    assert len(json.loads(out)) == 5
    target = tmp_path / "sources.ndjson"
    run("export", "--table", "sources", "--format", "ndjson", "--out", str(target), "--db", str(db_path))
    assert json.loads(target.read_text().splitlines()[0])["key"] == f"file:{seed_path.name}"
    code, _, err = run("export", "--table", "nope", "--db", str(db_path))
    assert code != 0 and "nope" in err


def test_python_dash_m_and_version(db_path, seed_path):
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "--db", str(db_path), "ingest", str(seed_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    version = subprocess.run([sys.executable, "-m", "monitor", "--version"], capture_output=True,
                             text=True, timeout=60)
    assert "Situation Monitor" in version.stdout


def test_first_start_seeds_an_empty_store(db_path, seed_path, monkeypatch):
    monkeypatch.setenv("MONITOR_SEEDS", str(seed_path.parent))
    with Monitor(db_path) as monitor:
        reports = monitor.seed_if_empty()
        assert [r.added for r in reports] == [5]
        assert monitor.seed_if_empty() == []  # only ever into an empty store


def test_a_newer_database_is_refused_with_its_name(db_path):
    Monitor(db_path).close()
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("insert into schema_version (version, applied) values (999, 'x')")
    conn.commit()
    conn.close()
    code, _, err = run("posts", "--db", str(db_path))
    assert code == 1 and str(db_path) in err and "newer" in err


def test_numbers_sqlite_cannot_hold_are_refused_as_bad_options(db_path, seed_path):
    # --limit or --interval of 10**20 reached SQLite and ended in an OverflowError traceback.
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(seed_path)]).exit_code == 0
    huge = "99999999999999999999"
    for args in (["posts", "--limit", huge], ["search", "train", "--limit", huge],
                 ["sources", "add", str(seed_path), "--interval", huge],
                 ["watch", "--once", "--interval", huge, str(seed_path)]):
        result = runner.invoke(cli, ["--db", str(db_path), *args])
        assert result.exit_code == 2 and not isinstance(result.exception, OverflowError), args
        assert huge in result.output and "range" in result.output, result.output
    with Monitor(db_path) as monitor:
        assert monitor.sources.all() == [] or all(s.interval < 10**9 for s in monitor.sources.all())
