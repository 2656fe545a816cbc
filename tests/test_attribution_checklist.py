"""The attribution checklist (bench/attribution_checklist.py) runs and every cell of its five
tables holds: a construction it lists that goes wrong is a regression, whatever the story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "attribution_checklist.py"


@pytest.mark.parametrize("table", [[], ["--who"], ["--documents"], ["--clauses"], ["--quotes"]])
def test_every_cell_of_the_checklist_is_right(table: list[str]) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), *table, "--show", "3"], capture_output=True,
                         text=True, check=True)
    report = json.loads(out.stdout)
    assert report["cells"] >= 60
    assert report["wrong"] == 0, json.dumps(report.get("examples"), ensure_ascii=False, indent=1)
