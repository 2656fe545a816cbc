"""``--db``: reading never creates or overwrites; only the commands meant to make a database do."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from monitor.cli import cli

READERS = [["posts"], ["search", "train"], ["export"], ["sources"], ["speakers"], ["quotes"],
           ["route"], ["reextract"], ["watch", "--once"]]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_mistyped_db_is_an_error_and_creates_nothing(tmp_path, command):
    missing = tmp_path / "tpyo" / "monitor.db"
    code, out = run(*command, "--db", str(missing))
    assert code != 0
    assert str(missing) in out and "no such database" in out
    assert not missing.exists() and not missing.parent.exists()


NOT_DATABASES = [b"", b"shopping list: eggs, milk\n" * 40, b"\x89PNG\r\n\x1a\n" + bytes(200)]


@pytest.mark.parametrize("content", NOT_DATABASES, ids=["empty", "text", "image"])
@pytest.mark.parametrize("command", [["posts"], ["sources"], ["ingest"], ["sources", "add"]],
                         ids=lambda c: "-".join(c))
def test_a_file_that_is_not_a_database_is_left_exactly_as_it_was(tmp_path, seed_path, content, command):
    other = tmp_path / "notes.txt"
    other.write_bytes(content)
    args = [*command, str(seed_path)] if command[-1] in ("ingest", "add") else command
    code, out = run(*args, "--db", str(other))
    assert code != 0
    assert str(other) in out
    assert "damaged" not in out and "repair" not in out  # it never was a database
    assert other.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("command", [["ingest"], ["sources", "add"]], ids=lambda c: "-".join(c))
def test_the_commands_that_make_a_database_still_do(tmp_path, seed_path, command):
    new = tmp_path / "new" / "monitor.db"
    code, out = run(*command, str(seed_path), "--db", str(new))
    assert code == 0, out
    assert new.is_file()
    code, out = run("posts", "--db", str(new)) if command == ["ingest"] else run("sources", "--db", str(new))
    assert code == 0 and out.strip()


def test_a_folder_ingest_skips_what_it_does_not_recognise_and_names_it(tmp_path, seed_path):
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "story.txt").write_bytes(seed_path.read_bytes())
    (folder / "MANIFEST.tsv").write_text("local_name\trepo\tkind\nstory.txt\tbbc\tlivetext\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "MANIFEST.tsv" in result.stderr and "photo.png" in result.stderr
    code, out = run("posts", "--json", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 5
    assert "local_name" not in out


def test_a_table_given_by_name_is_not_read_as_a_live_page(tmp_path):
    table = tmp_path / "MANIFEST.tsv"
    table.write_text("local_name\trepo\tkind\nstory.txt\tbbc\tlivetext\n")
    code, out = run("ingest", str(table), "--db", str(tmp_path / "m.db"))
    assert code != 0 and "unknown format" in out


def test_an_undated_post_says_so_in_the_cli(tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"guid": "x", "title": "No date here", "body": "Text."}\n')
    db = tmp_path / "m.db"
    assert run("ingest", str(posts), "--db", str(db))[0] == 0
    code, out = run("posts", "--db", str(db))
    assert code == 0 and "undated" in out
