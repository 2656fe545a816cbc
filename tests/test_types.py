"""The package ships ``py.typed``, so its type hints are a promise: mypy checks them.

mypy reads its settings from ``[tool.mypy]`` in pyproject.toml (which files, how strict, the
libraries without type information); this runs it exactly as ``make lint`` does.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors_in_the_package():
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    report = done.stdout + done.stderr
    # Exit 1 is "type errors found", 2 a crash or a bad setting; both print what went wrong.
    assert done.returncode == 0, report
    assert "Success: no issues found" in report, report


def test_mypy_checks_the_whole_package_and_each_exception_says_why():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert settings["files"] == ["monitor"]
    assert settings["check_untyped_defs"] is True
    assert settings["warn_unused_ignores"] is True
    assert "ignore_errors" not in settings
    for override in settings.get("overrides", []):
        # Only libraries without type information are let off; never a module of ours.
        assert "ignore_errors" not in override, override
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        assert not any(m.startswith("monitor") for m in modules), override
    # Each "# type: ignore" names the error it silences and says why after it.
    for path in sorted((ROOT / "monitor").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "# type: ignore" not in line:
                continue
            where = f"{path.relative_to(ROOT)}:{number}"
            assert "# type: ignore[" in line, f"{where}: an ignore without an error code"
            assert line.split("# type: ignore[", 1)[1].split("]", 1)[1].strip().startswith("#"), (
                f"{where}: an ignore without a reason")
