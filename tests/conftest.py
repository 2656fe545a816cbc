"""Shared fixtures: real database files, the shipped seed, the shared feed samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a40eac292bb8ed9e.txt"
# Real feed samples live beside the project when it is checked out in its workspace.
SHARED_FEEDS = Path(os.environ.get("MONITOR_SHARED_FEEDS", ROOT.parent / "shared" / "feeds"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def seed_path() -> Path:
    """The embedded seed story."""
    return SEED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file in a temporary directory."""
    return tmp_path / "monitor.db"


@pytest.fixture
def shared_feeds() -> Path:
    """The real feed samples; the test is skipped where they are not present."""
    if not (SHARED_FEEDS / "MANIFEST.tsv").is_file():
        pytest.skip("shared feed samples not available")
    return SHARED_FEEDS
