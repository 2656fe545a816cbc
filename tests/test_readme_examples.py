"""Every command the README shows runs as written, against a copy of the seed database."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

README = ROOT / "README.md"
#: How the README's readers reach the command: installed as `monitor` (after activating the
#: environment) or named as `.venv/bin/monitor`.
PROGRAMS = ("monitor", ".venv/bin/monitor")


def readme_commands(text: str) -> list[tuple[str, str]]:
    """(command, what the README shows it printing) for each `$ monitor …` line of a console or
    sh block; continued lines (ending in a backslash) are joined."""
    found: list[tuple[str, str]] = []
    for block in re.findall(r"```(?:console|sh)\n(.*?)```", text, flags=re.DOTALL):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i].removeprefix("$ ").strip() if lines[i].startswith("$ ") else ""
            i += 1
            if not line or line.split()[0] not in PROGRAMS:
                continue
            while line.endswith("\\") and i < len(lines):
                line = line[:-1] + " " + lines[i].strip()
                i += 1
            shown = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i])
                i += 1
            found.append((line, "\n".join(shown)))
    return found


def why_skipped(command: str) -> str | None:
    """Why a README command is not run here, or None."""
    words = shlex.split(command, comments=True)[1:]
    while words[:1] == ["--db"]:
        words = words[2:]
    if not words or words[0].startswith("-") and words[0] not in ("--help", "--version"):
        return "opens the desktop app"
    if "://" in command:
        return "needs the network"
    if "watch" in words:
        return "polls the network sources added before it"
    return None


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))


def test_the_readme_shows_commands_and_how_to_reach_them():
    assert len(COMMANDS) >= 20
    text = README.read_text(encoding="utf-8")
    assert ".venv/bin/monitor" in text and "source .venv/bin/activate" in text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, request):
    """A folder like the README's reader's: the seeds, a route to import, the seed database
    under each name the examples use, and MONITOR_DB pointing at one."""
    from monitor.service import Monitor

    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "tests" / "data" / "routes", work / "tests" / "data" / "routes")
    (work / "empty.txt").write_bytes(b"")
    (work / "article.txt").write_text((ROOT / "seeds" / "000_a40eac292bb8ed9e.txt").read_text())
    seeded = work / "seed.db"
    with Monitor(seeded) as monitor:
        monitor.seed_if_empty() or monitor.ingest_path(ROOT / "seeds")
    for name in ("story.db", "monitor.db"):
        shutil.copy(seeded, work / name)
    (work / ".venv" / "bin").mkdir(parents=True)
    program = work / ".venv" / "bin" / "monitor"
    # The command as the environment installs it, running this checkout's code.
    program.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m monitor \"$@\"\n")
    program.chmod(0o755)
    return work


@pytest.mark.parametrize(("command", "shown"), COMMANDS, ids=[c for c, _ in COMMANDS])
def test_a_readme_command_runs_as_written(workspace, command, shown):
    reason = why_skipped(command)
    if reason:
        pytest.skip(reason)
    env = dict(os.environ, MONITOR_DB=str(workspace / "seed.db"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), PATH=f"{workspace / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}")
    # As a shell runs it: a pipeline's status is its last command's (`monitor … | head -1` ends
    # the monitor early, as it would for the reader), so a pipeline must also print something.
    result = subprocess.run(["bash", "-c", command], cwd=workspace, env=env,
                            capture_output=True, text=True, timeout=180)
    if "|" in shlex.split(command, comments=True):
        assert result.stdout.strip(), f"{command}: printed nothing\n{result.stderr}"
    # An example that shows an error line is one that exits 1 by design (a bad input among good).
    expected = 1 if re.search(r"^(error|Error):", shown, flags=re.MULTILINE) else 0
    assert result.returncode == expected, f"{command}\n{result.stdout}\n{result.stderr}"
