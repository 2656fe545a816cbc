"""The layering rules, checked by import-linter (the contracts are in pyproject.toml):

- the core (model, engines, the facade) never imports Qt;
- layers: model < engines (sources, extract, journey, store) < service < paint < report < gui < cli,
  so the reports never import the app and painting they share lives in ``monitor.paint``;
- the app, the reports and the painting reach the engines through the facade (``Monitor``), with
  each exception listed in pyproject.toml with its reason.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> subprocess.CompletedProcess:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    return subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_import_contract_is_kept():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    names = [c["name"] for c in contracts]
    assert len(names) >= 3
    done = _lint_imports()
    assert done.returncode == 0, done.stdout + done.stderr
    for name in names:
        assert f"{name} KEPT" in done.stdout, done.stdout


def test_every_exception_says_why():
    # An ignored import without a comment above it is a hole nobody can judge.
    text = (ROOT / "pyproject.toml").read_text().splitlines()
    ignored = [i for i, line in enumerate(text) if line.strip().startswith('"monitor.') and " -> " in line]
    assert ignored
    for i in ignored:
        above = i - 1
        while text[above].strip().startswith('"monitor.') and " -> " in text[above]:
            above -= 1
        assert text[above].strip().startswith("#"), f"no reason given for {text[i].strip()}"


def test_seed_is_shipped_byte_for_byte():
    seed = ROOT / "seeds" / "000_a40eac292bb8ed9e.txt"
    shared = ROOT.parent / "shared" / "seeds" / seed.name
    assert seed.is_file()
    if shared.is_file():
        assert seed.read_bytes() == shared.read_bytes()


def test_ci_runs_the_fast_pass_and_then_the_slow_one():
    # A test marked slow leaves the everyday `pytest`, never CI: `make test` runs both passes,
    # `.ci/run` runs `make test`, and README's test command is that same command.
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    runs = [line.strip() for line in recipe.splitlines() if ".ci/run_pytest.py" in line]
    assert len(runs) == 2 and runs[0].endswith(".ci/run_pytest.py") \
        and runs[1].endswith(".ci/run_pytest.py -m slow"), runs
    # Both beside a throwaway PostgreSQL cluster, so the team store's tests run rather than fail.
    assert all(run.startswith("bash .ci/pg-cluster.sh with ") for run in runs), runs
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "make test"
    assert "make test    #" in (ROOT / "README.md").read_text()
    done = subprocess.run([sys.executable, "-m", "pytest", "-m", "slow", "--collect-only", "-q",
                           "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    slow = [line for line in done.stdout.splitlines() if "::" in line]
    assert len(slow) >= 5, done.stdout + done.stderr
