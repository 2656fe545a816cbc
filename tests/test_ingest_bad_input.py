"""``monitor ingest`` on bad input: each problem is named with its file; good files still go in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KHASAN_PAGE, invoke_cli

from monitor.service import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parent.parent

# The small live page with one more line of characters cp1252 and UTF-16 disagree about.
PAGE = KHASAN_PAGE + "Officials said the ceremony lasted about an hour – longer than in 2019.\n"


def _posts(db_path: Path) -> list[dict]:
    code, out, _ = invoke_cli("posts", "--json", "--db", str(db_path))
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_missing_path_is_named_and_fails(db_path, tmp_path):
    missing = tmp_path / "nowhere" / "live.txt"
    code, out, err = invoke_cli("ingest", str(missing), "--db", str(db_path))
    assert code != 0
    assert f"{missing}: no such file" in err


def test_missing_path_beside_a_good_file_still_ingests_the_good_one(db_path, tmp_path, good):
    missing = tmp_path / "missing.txt"
    code, out, err = invoke_cli("ingest", str(missing), str(good), "--db", str(db_path))
    assert code != 0
    assert f"{missing}: no such file" in err
    assert f"{good}: livetext, 1 new" in out
    assert [p["title"] for p in _posts(db_path)] == ["Train reaches Khasan after wheel change"]


def test_empty_file(db_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t \n")
    code, _out, err = invoke_cli("ingest", str(empty), str(blank), "--db", str(db_path))
    assert code != 0
    assert f"{empty}: empty file" in err
    assert f"{blank}: empty file" in err
    assert _posts(db_path) == []


def test_binary_file(db_path, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 64)
    noisy = tmp_path / "noise.bin"
    noisy.write_bytes(bytes((i * 37 + 11) % 256 for i in range(1, 20000) if (i * 37 + 11) % 256))
    code, _out, err = invoke_cli("ingest", str(binary), str(noisy), "--db", str(db_path))
    assert code != 0
    assert f"{binary}: binary file" in err
    assert f"{noisy}: binary file" in err
    assert _posts(db_path) == []


@pytest.mark.parametrize(("encoding", "note"), [("cp1252", "decoded as cp1252"), ("utf-16", None)])
def test_other_encodings_are_read_correctly(db_path, tmp_path, encoding, note):
    path = tmp_path / f"page-{encoding}.txt"
    data = PAGE.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((b"\xff\xfe", b"\xfe\xff"))  # written with a byte-order mark
    path.write_bytes(data)
    code, out, err = invoke_cli("ingest", str(path), "--db", str(db_path))
    assert code == 0, err
    assert f"{path}: livetext, 1 new" in out
    if note:
        assert f"{path}: not valid UTF-8; {note}" in err
    [post] = _posts(db_path)
    assert "café owner said: “We saw it pass.”" in post["body"]
    assert "about an hour – longer" in post["body"]
    assert (post["byline"], post["location"]) == ("Olga Petrova", "In Khasan")


def test_file_over_the_limit_is_refused_without_reading_it(db_path, tmp_path, good):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        line = (PAGE.splitlines()[4] + "\n").encode("utf-8")
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line * 1000)
    assert huge.stat().st_size > MAX_FILE_BYTES
    code, out, err = invoke_cli("ingest", str(huge), str(good), "--db", str(db_path))
    assert code != 0
    size = huge.stat().st_size
    assert f"{huge}: too large: {size:,} bytes is over the 20 MiB limit (20,971,520 bytes)" in err
    assert f"{good}: livetext, 1 new" in out
    assert len(_posts(db_path)) == 1


def test_directory_of_mixed_files(db_path, tmp_path, seed_path):
    mixed = tmp_path / "mixed"
    (mixed / "nested").mkdir(parents=True)
    (mixed / "seed.txt").write_bytes(seed_path.read_bytes())
    (mixed / "nested" / "page-cp1252.txt").write_bytes(PAGE.encode("cp1252"))
    (mixed / "page-utf16.txt").write_bytes(PAGE.replace("Khasan after", "Khasan, after").encode("utf-16"))
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (mixed / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    code, out, err = invoke_cli("ingest", str(mixed), "--db", str(db_path))
    assert code != 0  # some inputs could not be read
    assert f"{mixed / 'empty.txt'}: empty file" in err
    assert f"{mixed / 'image.png'}: binary file" in err
    assert ".DS_Store" not in out + err
    assert f"{mixed / 'seed.txt'}: livetext, 5 new" in out
    assert f"{mixed / 'nested' / 'page-cp1252.txt'}: livetext, 1 new" in out
    assert f"{mixed / 'page-utf16.txt'}: livetext, 1 new" in out
    assert len(_posts(db_path)) == 7


def test_directory_with_nothing_readable_fails(db_path, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.bin").write_bytes(bytes(range(256)) * 4)
    code, _out, err = invoke_cli("ingest", str(bad), "--db", str(db_path))
    assert code != 0
    assert err.count("error: ") == 2
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    code, _out, err = invoke_cli("ingest", str(empty_dir), "--db", str(db_path))
    assert code != 0
    assert f"{empty_dir}: directory has no files" in err


def test_subprocess_reports_bad_files_and_ingests_good_ones(db_path, tmp_path, good):
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 16)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MONITOR_DB", None)
    run = subprocess.run(
        [sys.executable, "-m", "monitor", "ingest", str(missing), str(binary), str(good),
         "--db", str(db_path)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"error: {missing}: no such file" in run.stderr
    assert f"error: {binary}: binary file" in run.stderr
    assert f"{good}: livetext, 1 new" in run.stdout
    nothing = subprocess.run(
        [sys.executable, "-m", "monitor", "ingest", str(missing), "--db", str(db_path)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert nothing.returncode != 0 and f"{missing}: no such file" in nothing.stderr
    assert len(_posts(db_path)) == 1
