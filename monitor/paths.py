"""Where things live: the default database, the shipped seeds and resources."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_state_path

APP_NAME = "situation-monitor"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_db_path() -> Path:
    """``$MONITOR_DB`` if set, else ``monitor.db`` in the user's data directory."""
    override = os.environ.get("MONITOR_DB")
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "monitor.db"


def log_dir() -> Path:
    """The user's state directory for log files."""
    return user_state_path(APP_NAME, appauthor=False)


def seeds_dir() -> Path:
    """The embedded stories a fresh install opens on (``$MONITOR_SEEDS`` overrides)."""
    override = os.environ.get("MONITOR_SEEDS")
    return Path(override) if override else _PROJECT_ROOT / "seeds"


def resources_dir() -> Path:
    """Icons, route files and other shipped resources."""
    return _PROJECT_ROOT / "resources"


def user_routes_dir() -> Path:
    """Where routes made or edited by hand are saved (``$MONITOR_ROUTES`` overrides): ``routes``
    in the user's data directory. The journey menu lists the route files found there."""
    override = os.environ.get("MONITOR_ROUTES")
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "routes"
