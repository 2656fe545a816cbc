"""The ``monitor`` command: the GUI by default, subcommands for headless work."""

from __future__ import annotations

from monitor.cli import copy as _copy  # noqa: F401  (registers its commands)
from monitor.cli import evidence as _evidence  # noqa: F401  (registers its commands)
from monitor.cli import posts as _posts  # noqa: F401  (registers its commands)
from monitor.cli import quotes as _quotes  # noqa: F401  (registers its commands)
from monitor.cli import repair as _repair  # noqa: F401  (registers its commands)
from monitor.cli import report as _report  # noqa: F401  (registers its commands)
from monitor.cli import route as _route  # noqa: F401  (registers its commands)
from monitor.cli import route_import as _route_import  # noqa: F401  (registers its commands)
from monitor.cli import sources as _sources  # noqa: F401  (registers its commands)
from monitor.cli.common import cli


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="monitor")


__all__ = ["cli", "main"]
