"""The distance–time chart of a report: the likely km, its min–max band, observations, stops.

Drawn with pyqtgraph in UTC (``utcOffset=0``) and the report's fonts, so the picture does not
depend on the machine's time zone. Rendered by the page composer with ``QWidget.render``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from monitor.report.briefing import Briefing
from monitor.report.qt import font

INK = "#1b2330"
MUTED = "#6b7280"
ACCENT = "#1f6fd1"
GAUGE = "#e07b00"
BORDER = "#c62828"
KEY_KINDS = {"gauge_change": GAUGE, "border": BORDER, "destination": "#1e8449", "origin": MUTED}
SYMBOLS = {"departed": "t1", "arrived": "s", "passed": "d", "dwelling": "o", "expected": "t"}


def _epoch(moment) -> float:
    return moment.timestamp()


def _stop_km(briefing: Briefing, name: str) -> float | None:
    key = name.casefold()
    for stop in briefing.route.stops:
        if stop.name.casefold() == key or key in {a.casefold() for a in stop.aliases}:
            return stop.km
    return None


def journey_chart(briefing: Briefing, width: int, height: int, pixels: float = 13) -> pg.PlotWidget:
    """A PlotWidget of ``width`` × ``height`` showing the journey up to the briefing's moment."""
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}, background="w")
    plot.resize(width, height)
    plot.setMenuEnabled(False)
    item = plot.getPlotItem()
    item.hideButtons()
    item.setContentsMargins(2, 4, 10, 2)
    plot.showGrid(x=True, y=True, alpha=0.12)
    tick_font = font(pixels)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=tick_font, tickTextOffset=4)
        axis.setPen(pg.mkPen(MUTED))
        axis.setTextPen(pg.mkPen(INK))
    label_style = {"color": MUTED, "font-size": f"{round(pixels)}px", "font-family": "DejaVu Sans"}
    plot.setLabel("left", "km from Pyongyang" if briefing.route.stops[0].name == "Pyongyang"
                  else "km from origin", **label_style)
    plot.setLabel("bottom", "UTC", **label_style)

    track = briefing.track
    t = np.array([_epoch(e.at) for e in track], dtype=float)
    low = pg.PlotDataItem(t, np.array([e.km_min for e in track], dtype=float), pen=pg.mkPen(None))
    high = pg.PlotDataItem(t, np.array([e.km_max for e in track], dtype=float), pen=pg.mkPen(None))
    band_colour = QColor(ACCENT)
    band_colour.setAlphaF(0.22)
    plot.addItem(low)
    plot.addItem(high)
    plot.addItem(pg.FillBetweenItem(low, high, brush=pg.mkBrush(band_colour)))
    plot.addItem(pg.PlotDataItem(t, np.array([e.km_likely for e in track], dtype=float),
                                 pen=pg.mkPen(ACCENT, width=2.5)))

    length = briefing.route.length_km
    for stop in briefing.route.stops:
        colour = KEY_KINDS.get(stop.kind)
        if colour is None:
            continue
        line = pg.InfiniteLine(pos=stop.km, angle=0, movable=False,
                               pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine))
        plot.addItem(line)
        label = pg.TextItem(_stop_label(stop.name, stop.kind), color=colour, anchor=(0, 1))
        label.setFont(font(pixels * 0.95))
        label.setPos(t[0] if len(t) else 0, stop.km + (length * 0.005))
        if stop.kind == "gauge_change" or stop.kind == "destination" or stop.kind == "origin":
            plot.addItem(label)

    spots = []
    for obs in briefing.observations:
        if obs.at is None or obs.kind == "historical":
            continue
        km = _stop_km(briefing, obs.stop) if obs.stop else None
        if km is None:
            continue
        spots.append({"pos": (_epoch(obs.at), km), "symbol": SYMBOLS.get(obs.kind, "o")})
    if spots:
        plot.addItem(pg.ScatterPlotItem(spots=spots, size=10, brush=pg.mkBrush(INK),
                                        pen=pg.mkPen("w", width=1)))

    now = pg.InfiniteLine(pos=_epoch(briefing.at), angle=90, movable=False,
                          pen=pg.mkPen(INK, width=1.5, style=Qt.PenStyle.DotLine))
    plot.addItem(now)
    if len(t):
        span = max(t[-1] - t[0], 3600.0)
        plot.setXRange(t[0], t[-1] + span * 0.02, padding=0)
    # A little room under km 0 so a departure report on the axis stays visible.
    plot.setYRange(-length * 0.03, length * 1.08, padding=0)
    plot.setMouseEnabled(x=False, y=False)
    return plot


def _stop_label(name: str, kind: str) -> str:
    if kind == "gauge_change":
        return f"{name} · gauge change"
    return name
