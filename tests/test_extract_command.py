"""``monitor extract`` needs neither the store nor the window: it must not import them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("numpy", "sqlite_utils", "httpx", "PySide6", "pyqtgraph", "monitor.store", "monitor.service",
         "monitor.gui", "monitor.journey")
RUN = (
    "import sys\n"
    "sys.argv = ['monitor', 'extract', sys.argv[1]]\n"
    "import monitor.__main__ as entry\n"
    "try:\n"
    "    entry.main()\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
)


def test_extract_command_imports_neither_store_nor_gui_nor_numpy(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("“We will not back down,” said Ms. Reyes.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", RUN, str(path)], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == f"{path}:1-22 [direct] Reyes: “We will not back down”"
    assert lines[-1] == "[]"


def test_extract_json_gives_the_content_span_and_its_quoted_parts(tmp_path: Path) -> None:
    import json

    path = tmp_path / "story.txt"
    text = "Foreign Minister Ana Ruiz said the talks would “strengthen” ties.\n"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "monitor", "extract", str(path), "--json"], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["kind"] == "mixed"
    assert text[record["start"]:record["end"]] == record["text"] == "the talks would “strengthen” ties"
    assert [text[s:e] for s, e in record["parts"]] == ["strengthen"]


def _extract(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "monitor", "extract", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_fifo_or_device_is_refused_unread_and_the_other_files_still_read(tmp_path: Path) -> None:
    # /dev/zero was read until MemoryError (a traceback); a FIFO with no writer blocked for ever.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    story = tmp_path / "story.txt"
    story.write_text("“We will not back down,” said Ms. Reyes.\n", encoding="utf-8")
    done = _extract("/dev/zero", str(fifo), str(story))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "/dev/zero: not a regular file (a device)" in done.stderr
    assert f"{fifo}: not a regular file (a FIFO)" in done.stderr
    assert done.stdout.startswith(f"{story}:1-22 [direct] Reyes")


def test_a_file_name_that_is_not_utf8_is_printed_with_its_bytes_escaped(tmp_path: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write("“We will not back down,” said Ms. Reyes.\n".encode())
    done = _extract(os.fsdecode(name))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith(f"{tmp_path}/caf\\xe9.txt:1-22 [direct] Reyes")
