"""Words for times as the panes show them: now in :mod:`monitor.model.timefmt`, shared with the
report and the CLI. The names stay importable from here for the window (``main_window``)."""

from monitor.model.timefmt import UNDATED, local_time, post_time, relative_time, row_time

__all__ = ["UNDATED", "local_time", "post_time", "relative_time", "row_time"]
