"""Export then import through the real CLI keeps every post, whatever its body holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import add_posts

from monitor.cli import cli

# Characters str.splitlines() takes for line ends, which JSON leaves unescaped inside strings.
SEPARATORS = ("\u2028", "\u2029", "\x85")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (result.output, result.stderr)
    return result.stdout


def _rows(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n") if line]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding posts whose bodies carry the separators (stored directly, not imported)."""
    db = tmp_path / "first.db"
    add_posts(db, [
        {"guid": f"g{i}", "title": f"Update {i}",
         "body": f"First line{sep}second line{sep}Peskov said the talks went well.",
         "published": datetime(2023, 9, 12, 10 + i, tzinfo=UTC), "published_precision": "minute", "seq": i}
        for i, sep in enumerate(SEPARATORS)
    ])
    return db


def _bodies(db: Path) -> dict[str, str]:
    return {row["guid"]: row["body"] for row in _rows(_run("--db", str(db), "posts", "--json"))}


@pytest.mark.parametrize("how", [("posts", "--json"), ("export", "--format", "ndjson")])
def test_line_separators_in_bodies_survive_export_and_import(store, tmp_path, how):
    before = _bodies(store)
    assert len(before) == len(SEPARATORS)
    exported = tmp_path / "out.jsonl"
    exported.write_text(_run("--db", str(store), *how), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    out = _run("--db", str(fresh), "ingest", str(exported))
    assert f"{len(SEPARATORS)} new" in out
    assert _bodies(fresh) == before


def test_a_first_line_over_a_megabyte_is_still_a_post_list(tmp_path):
    big = "The train left Khasan at dawn. " * 40_000  # about 1.2 MB on one line
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"guid": "big", "body": big}) + "\n"
                    + json.dumps({"guid": "small", "body": "Short."}) + "\n", encoding="utf-8")
    db = tmp_path / "big.db"
    out = _run("--db", str(db), "ingest", str(path))
    assert "jsonl, 2 new" in out
    assert _bodies(db) == {"big": big, "small": "Short."}
