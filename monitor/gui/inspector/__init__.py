"""The speaker & quote inspector (see docs/panes.md), one job to a module.

``pane`` (:class:`InspectorPane`, the widget the window docks), ``models`` (the speaker and quote
table models and their roles), ``proxies`` (filtering and sorting between models and views),
``delegates`` (one-line cells), ``dialogs`` (reassign, merge) and ``text`` (an attribution as plain
and rich text, a post's time). What callers import is re-exported here.
"""

from monitor.gui.inspector.delegates import SingleLineDelegate
from monitor.gui.inspector.dialogs import MergeDialog, ReassignDialog
from monitor.gui.inspector.models import ID_ROLE, SORT_ROLE, QuoteTableModel, SpeakerTableModel
from monitor.gui.inspector.pane import CELL_MARGIN_PX, SPEAKER_ROWS_MEASURED, InspectorPane
from monitor.gui.inspector.proxies import SortFilterProxy, SourceSortingProxy
from monitor.gui.inspector.text import (
    format_post_time,
    kind_colour,
    quote_display,
    quote_html,
    quote_segments,
)

__all__ = [
    "CELL_MARGIN_PX",
    "ID_ROLE",
    "SORT_ROLE",
    "SPEAKER_ROWS_MEASURED",
    "InspectorPane",
    "MergeDialog",
    "QuoteTableModel",
    "ReassignDialog",
    "SingleLineDelegate",
    "SortFilterProxy",
    "SourceSortingProxy",
    "SpeakerTableModel",
    "format_post_time",
    "kind_colour",
    "quote_display",
    "quote_html",
    "quote_segments",
]
