"""Reports rendered without a display: a one-page briefing as PNG, with list pages as PDF.

``render_report(monitor, out_path, at=None, size=(1600, 1000), title=None)`` is the entry point the
``monitor report`` command and the GUI's File → Export report share.
"""

from monitor.report.briefing import Briefing, ReportError, gather
from monitor.report.render import DEFAULT_SIZE, FORMATS, MAX_SIZE, MIN_SIZE, render_report

__all__ = ["DEFAULT_SIZE", "FORMATS", "MAX_SIZE", "MIN_SIZE", "Briefing", "ReportError", "gather",
           "render_report"]
