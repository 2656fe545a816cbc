"""The layering rule: the core never imports Qt (checked by import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_qt():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "KEPT" in done.stdout


def test_seed_is_shipped_byte_for_byte():
    seed = ROOT / "seeds" / "000_a40eac292bb8ed9e.txt"
    shared = ROOT.parent / "shared" / "seeds" / seed.name
    assert seed.is_file()
    if shared.is_file():
        assert seed.read_bytes() == shared.read_bytes()
