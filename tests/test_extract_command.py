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
