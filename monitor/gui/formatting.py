"""Words for times as the panes show them: now in :mod:`monitor.model.timefmt`, shared with the
report and the CLI. The names stay importable from here for the window (``main_window``)."""

from monitor.model.timefmt import (
    UNDATED,
    display_zone,
    local_time,
    post_time,
    relative_time,
    row_time,
    set_display_zone,
)

__all__ = ["UNDATED", "display_zone", "local_time", "post_time", "relative_time", "row_time",
           "set_display_zone"]
