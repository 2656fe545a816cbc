"""``monitor report`` and ``monitor export`` as a user runs them, including every bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_ROUTE
from PySide6.QtGui import QImage

from monitor.cli import cli
from monitor.service import Monitor

AT = "2023-09-11T21:00:00Z"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded_db(db_path: Path, seed_path: Path) -> Path:
    assert run("ingest", str(seed_path), "--db", str(db_path))[0] == 0
    assert run("route", "--use", SEED_ROUTE, "--db", str(db_path))[0] == 0
    return db_path


def test_report_png_and_pdf(seeded_db, tmp_path, qapp):
    png, pdf = tmp_path / "brief.png", tmp_path / "brief.pdf"
    code, out, err = run("report", "--out", str(png), "--at", AT, "--db", str(seeded_db))
    assert code == 0, err
    assert str(png) in out
    assert QImage(str(png)).size().width() == 1600
    code, _, err = run("report", "--out", str(pdf), "--at", AT, "--size", "1800x1100",
                       "--title", "Morning briefing", "--db", str(seeded_db))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".pdf")) == ["brief.pdf",
                                                                                        "brief.png"]
    # Readable like any file the user writes, not private like the temporary file it was drawn in.
    umask = os.umask(0)
    os.umask(umask)
    assert png.stat().st_mode & 0o777 == 0o666 & ~umask


def test_report_runs_without_a_display(seeded_db, tmp_path):
    # A real process with no DISPLAY and no platform chosen: the command picks offscreen itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    out = tmp_path / "headless.png"
    done = subprocess.run([sys.executable, "-m", "monitor", "report", "--out", str(out), "--at", AT,
                           "--db", str(seeded_db)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1600


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--out", "{tmp}/brief.gif"], ["brief.gif", "unknown extension", ".png or .pdf"]),
        (["--out", "{tmp}/brief"], ["brief", "unknown extension"]),
        (["--out", "{tmp}/no-such-folder/brief.png"], ["no-such-folder", "does not exist"]),
        (["--out", "{tmp}/a-file.txt/brief.png"], ["a-file.txt", "does not exist"]),
        (["--out", "{tmp}/a-folder.png"], ["a-folder.png", "folder"]),
        (["--out", "{tmp}/b.png", "--size", "100x100"], ["--size", "100x100", "out of range"]),
        (["--out", "{tmp}/b.png", "--size", "99999x1000"], ["--size", "out of range"]),
        (["--out", "{tmp}/b.png", "--size", "big"], ["--size", "big", "WIDTHxHEIGHT"]),
        (["--out", "{tmp}/b.png", "--size", "1200x1600"], ["--size", "landscape", "5:4"]),
        (["--out", "{tmp}/b.png", "--size", "4000x1000"], ["--size", "2:1"]),
        (["--out", "{tmp}/b.png", "--at", "2020-01-01T00:00:00Z"], ["--at", "before the story starts"]),
        (["--out", "{tmp}/b.png", "--at", "2999-01-01T00:00:00Z"], ["--at", "in the future"]),
        (["--out", "{tmp}/b.png", "--at", "2023-09-11T21:00"], ["--at", "no time zone"]),
        (["--out", "{tmp}/b.png", "--at", "yesterday-ish"], ["--at", "yesterday-ish", "ISO 8601"]),
    ],
)
def test_bad_input_is_named_and_writes_nothing(seeded_db, tmp_path, qapp, args, words):
    (tmp_path / "a-file.txt").write_text("not a folder")
    (tmp_path / "a-folder.png").mkdir()
    before = {p.name for p in tmp_path.iterdir()}
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, _, err = run("report", *argv, "--db", str(seeded_db))
    assert code != 0
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"
    # Nothing new: no report, no temporary file left behind.
    assert {p.name for p in tmp_path.iterdir()} == before


def test_empty_database(db_path, tmp_path, qapp):
    Monitor(db_path).close()
    code, _, err = run("report", "--out", str(tmp_path / "x.png"), "--db", str(db_path))
    assert code != 0
    assert "no posts" in err and str(db_path) in err
    assert not (tmp_path / "x.png").exists()


def test_a_failed_report_leaves_the_previous_file_alone(seeded_db, tmp_path, qapp):
    target = tmp_path / "brief.png"
    assert run("report", "--out", str(target), "--at", AT, "--db", str(seeded_db))[0] == 0
    good = target.read_bytes()
    code, _, _ = run("report", "--out", str(target), "--at", "2999-01-01T00:00:00Z", "--db", str(seeded_db))
    assert code != 0
    assert target.read_bytes() == good


# -- export --------------------------------------------------------------------------------------


def test_export_every_analysis_table_in_every_format(seeded_db, seed_path, tmp_path):
    # An edited copy of the seed page under the same name gives the Kremlin post a revision.
    edited = tmp_path / seed_path.name
    text = seed_path.read_text(encoding="utf-8")
    edited.write_text(text.replace("Press Secretary Peskov added", "Press Secretary Dmitry Peskov added", 1),
                      encoding="utf-8")
    assert run("ingest", str(edited), "--db", str(seeded_db))[0] == 0
    counts = {"posts": 5, "observations": None, "revisions": 1, "posts_timeline": 5,
              "stop_observations": None, "quotes": None, "speakers": None, "quotes_by_speaker": None}
    for table, expected in counts.items():
        code, out, err = run("export", "--table", table, "--format", "csv", "--db", str(seeded_db))
        assert code == 0, err
        rows = list(csv.DictReader(io.StringIO(out)))
        code, out, _ = run("export", "--table", table, "--format", "json", "--db", str(seeded_db))
        as_json = json.loads(out)
        code, out, _ = run("export", "--table", table, "--format", "ndjson", "--db", str(seeded_db))
        as_lines = [json.loads(line) for line in out.splitlines()]
        assert len(rows) == len(as_json) == len(as_lines) > 0, table
        assert as_json == as_lines
        if expected is not None:
            assert len(rows) == expected, table
    revision = json.loads(run("export", "--table", "revisions", "--db", str(seeded_db))[1].splitlines()[0])
    assert "Press Secretary Peskov added" in revision["body"] and revision["revision"] == 1


def test_export_unknown_table_lists_the_choices(seeded_db):
    code, _, err = run("export", "--table", "nope", "--db", str(seeded_db))
    assert code != 0
    assert "nope" in err and "posts_timeline" in err and "observations" in err and "quotes" in err
