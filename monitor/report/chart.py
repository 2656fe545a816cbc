"""The distance–time chart of a report: the desktop app's own chart, fed from the briefing.

The report reuses :class:`monitor.paint.charts.ChartsPane` so the picture in a briefing is the one
analysts know from the app: the likely km, its min–max band, the observations as points and the
stops as horizontal lines (the gauge change, border, ceremony and destination in their colours).
For a report it is pinned down: the time axis in UTC whatever the machine's zone, the bundled
font, the fixed light palette, and no plot title (the page has its own heading).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QFont, QPen

from monitor.paint.charts import ChartsPane
from monitor.report.briefing import Briefing
from monitor.report.qt import FAMILY, light_palette

KEY_KINDS = ("gauge_change", "border", "ceremony", "destination")


@dataclass
class JourneyChart:
    """The chart widget to render, and the pane that owns its items (kept alive with it)."""

    pane: ChartsPane
    plot: pg.PlotWidget

    def close(self) -> None:
        """Release both widgets."""
        self.plot.deleteLater()
        self.pane.deleteLater()


def journey_chart(briefing: Briefing, width: int, height: int, point_size: float = 9.75,
                  scale: float = 1.0) -> JourneyChart:
    """The journey chart for ``briefing``, ``width`` × ``height`` pixels, ready to render.

    ``scale`` is the device pixel ratio it will be rendered at: pyqtgraph's pens are cosmetic
    (their width is in device pixels), so they are widened to keep their weight on a finer image.
    """
    pane = ChartsPane()
    face = QFont(FAMILY)
    # The pane sizes its labels from a point size (9.75 pt is 13 px on the 96 dpi offscreen screen).
    face.setPointSizeF(point_size)
    face.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    pane.setFont(face)
    pane.setPalette(light_palette())
    axis = pane.journey_plot.getAxis("bottom")
    axis.utcOffset = 0  # ticks in UTC on every machine, as the axis label says
    pane.set_journey(briefing.route, briefing.track, briefing.observations)
    plot = pane.journey_plot
    # Out of the pane's splitter, so the report alone decides its size.
    plot.setParent(None)
    plot.setTitle(None)
    plot.setLabel("bottom", "UTC")
    plot.getPlotItem().setContentsMargins(2, 6, 10, 2)
    # A little room under km 0 so a departure report on the axis stays visible.
    length = briefing.route.length_km if briefing.route is not None else 0.0
    plot.setYRange(-length * 0.03, length * 1.1, padding=0)
    # On paper the labels must read cleanly where stops crowd (the gauge change, bridge and
    # border lie within 3 km): labels get a white ground and key stops are drawn over the others.
    for stop, line in pane.stop_lines():
        line.label.fill = pg.mkBrush(255, 255, 255, 230)
        if stop.kind in KEY_KINDS:
            line.setZValue(-5 if stop.kind != "gauge_change" else -4)
    if scale > 1:
        _thicken(plot, scale)
    plot.resize(width, height)
    return JourneyChart(pane, plot)


def _widened(pen: QPen, factor: float) -> QPen:
    wider = QPen(pen)
    wider.setWidthF(max(pen.widthF(), 1.0) * factor)
    return wider


def _thicken(plot: pg.PlotWidget, factor: float) -> None:
    """Widen every cosmetic pen of ``plot`` by ``factor``."""
    item = plot.getPlotItem()
    for data in item.listDataItems():
        pen = data.opts.get("pen")
        if pen is not None:
            data.setPen(_widened(pg.mkPen(pen), factor))
    for child in item.items:
        if isinstance(child, pg.InfiniteLine):
            child.setPen(_widened(child.pen, factor))
        elif isinstance(child, pg.ScatterPlotItem):
            # Symbol sizes are in device pixels too.
            child.setSize(child.opts["size"] * factor)
            child.setPen(_widened(pg.mkPen(child.opts["pen"]), factor))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(_widened(axis.pen(), factor))
