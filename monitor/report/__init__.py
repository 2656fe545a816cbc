"""Reports rendered without a display: a one-page briefing as PNG, with list pages as PDF.

``render_report(monitor, out_path, at=None, size=(1600, 1000), title=None)`` is the entry point the
``monitor report`` command and the GUI's File → Export report share; the app
reads with ``prepare_report`` on a worker and draws with ``PreparedReport.write`` on its own thread.
"""

from monitor.report.briefing import Briefing, ReportError, gather
from monitor.report.render import (
    DEFAULT_SIZE,
    FORMATS,
    MAX_SIZE,
    MIN_SIZE,
    PreparedReport,
    prepare_report,
    render_report,
)

__all__ = ["DEFAULT_SIZE", "FORMATS", "MAX_SIZE", "MIN_SIZE", "Briefing", "PreparedReport", "ReportError",
           "gather", "prepare_report", "render_report"]
