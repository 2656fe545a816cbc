"""Charts under the feed: posts per hour, quotes per speaker, the train's distance against time.

pyqtgraph plots side by side. Every curve, bar set and scatter is created once in the constructor
and updated with ``setData``/``setOpts``; only the horizontal stop lines are rebuilt, and only when
the route itself changes. The pane draws what it is given and never reads the database.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

# PySide6 first, so pyqtgraph binds to it and not to another Qt binding that may be installed.
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402

from monitor.model import Estimate, Observation, Post, Route, Speaker, Stop, parse_iso  # noqa: E402
from monitor.model.timefmt import utc_day_time, utc_since  # noqa: E402
from monitor.paint import theme  # noqa: E402
from monitor.paint.safe_text import escape, plain_tooltip  # noqa: E402

#: At most this many speakers get a bar; the rest are summed up in the title.
TOP_SPEAKERS = 12
#: The theme's accents the charts draw; anything else is drawn in the theme's grey.
CHART_ACCENTS = frozenset({"travelled", "train", "gauge_change", "border", "ceremony", "destination",
                           "person", "organisation", "anonymous"})
#: Stop labels closer than this many pixels to a labelled one are left out (at least: the
#: labels' own line height is used when it is more).
LABEL_GAP_PX = 13
#: Room a speaker's row needs, in lines of the axis font: rows that do not fit are summed up.
SPEAKER_ROW_LINES = 1.15
HOUR = 3600.0
OBSERVATION_SYMBOLS = {"departed": "t1", "arrived": "s", "passed": "o", "dwelling": "d", "expected": "t"}


def _epoch(moment: datetime) -> float:
    return moment.astimezone(UTC).timestamp()


def posts_per_hour(posts: Sequence[Post]) -> tuple[np.ndarray, np.ndarray, int]:
    """Hour starts (epoch seconds) and post counts, plus how many posts carry only a date.

    A post known only to the day cannot be put in an hour; it is counted apart rather than piled
    on midnight.
    """
    counts: Counter[float] = Counter()
    date_only = 0
    for post in posts:
        if not post.published or post.published_precision == "date":
            date_only += 1
            continue
        try:
            moment = parse_iso(post.published)
        except (ValueError, OverflowError):
            date_only += 1
            continue
        if moment is None:
            date_only += 1
            continue
        counts[float(int(_epoch(moment) // HOUR) * HOUR)] += 1
    hours = np.array(sorted(counts), dtype=float)
    return hours, np.array([counts[h] for h in hours], dtype=float), date_only


def _stop_km(route: Route, name: str) -> float | None:
    key = name.casefold()
    for stop in route.stops:
        if stop.name.casefold() == key or key in {a.casefold() for a in stop.aliases}:
            return stop.km
    return None


class ChartsPane(QWidget):
    """Three small charts in a row; feed them with :meth:`set_posts`, :meth:`set_speakers`,
    :meth:`set_journey`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._route_key: tuple | None = None
        self._speakers: list[Speaker] = []
        self._max_count = 0.0
        self._stop_lines: list[tuple[Stop, pg.InfiniteLine]] = []

        self.posts_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.speakers_plot = pg.PlotWidget()
        self.journey_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        for plot in (self.posts_plot, self.speakers_plot, self.journey_plot):
            plot.setMenuEnabled(False)
            plot.setMinimumSize(220, 160)
            plot.installEventFilter(self)  # titles are elided to the plot's width
            plot.getViewBox().sigResized.connect(lambda *_: self._retitle())
            plot.getPlotItem().hideButtons()
            plot.showGrid(x=False, y=True, alpha=0.15)

        # Posts per hour.
        self.posts_bars = pg.BarGraphItem(x=[], height=[], width=HOUR * 0.8)
        self.posts_plot.addItem(self.posts_bars)
        self.posts_plot.setLabel("left", "posts")
        self.posts_plot.setMouseEnabled(x=True, y=False)

        # Quotes per speaker: horizontal bars, the most quoted on top.
        self.speaker_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.66)
        self.speakers_plot.addItem(self.speaker_bars)
        self.speakers_plot.setMouseEnabled(x=False, y=False)
        self.speakers_plot.setLabel("bottom", "quotes")
        # Each bar is labelled with its count: an axis of counts would only repeat them, and its
        # last value was cut at the plot's edge.
        self.speakers_plot.getAxis("bottom").setStyle(showValues=False)
        self.speakers_plot.getAxis("bottom").setTicks([[], []])
        self.speakers_plot.getViewBox().sigResized.connect(self._fit_speakers)
        self.speaker_count_labels: list[pg.TextItem] = []

        # Distance against time.
        plot = self.journey_plot
        self.band_low = pg.PlotDataItem([], [])
        self.band_high = pg.PlotDataItem([], [])
        self.band = pg.FillBetweenItem(self.band_low, self.band_high)
        self.likely_curve = pg.PlotDataItem([], [], name="likely")
        # pyqtgraph's default hover tip would pass the stop's name to Qt, which guesses the format.
        self.observation_points = pg.ScatterPlotItem(size=9, hoverable=True, tip=observation_tip)
        self.now_line = pg.InfiniteLine(angle=90, movable=False)
        for item in (self.band, self.band_low, self.band_high, self.likely_curve,
                     self.observation_points, self.now_line):
            plot.addItem(item)
        self.now_line.setVisible(False)
        plot.setLabel("left", "km")
        plot.getViewBox().sigResized.connect(self._relabel_stops)
        plot.getViewBox().sigYRangeChanged.connect(self._relabel_stops)
        # Only the likely curve is clipped to the view: the band's fill is computed from its edge
        # curves and would not follow them when a clipped edge is re-cut on a range change.
        self.likely_curve.setDownsampling(auto=True, method="peak")
        self.likely_curve.setClipToView(True)

        # "Nothing yet" notes, one per chart, shown instead of empty axes.
        self.empty_notes: dict[str, pg.TextItem] = {}
        for key, plot, text in (
            ("posts", self.posts_plot, "No posts with a time yet"),
            ("speakers", self.speakers_plot, "No quotes yet"),
            ("journey", self.journey_plot, "No estimate yet"),
        ):
            note = pg.TextItem(text, anchor=(0.5, 0.5))
            note.setZValue(20)
            plot.addItem(note, ignoreBounds=True)
            self.empty_notes[key] = note
        self._show_empty("posts", True)
        self._show_empty("speakers", True)
        self._show_empty("journey", True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.posts_plot, self.speakers_plot, self.journey_plot):
            splitter.addWidget(widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._titles = {"posts": "Posts per hour", "speakers": "Quotes per speaker",
                        "journey": "Distance over time"}
        self._apply_palette()

    # -- data ------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Show no data at all (another database is being opened): bars, titles and curves go."""
        self.set_hour_counts([], 0)
        self.set_speakers([])
        self.set_journey(None, [], [], None)

    def set_posts(self, posts: Sequence[Post]) -> None:
        """Posts per hour as bars (posts known only to the day are counted in the title)."""
        self._show_hours(*posts_per_hour(posts))

    def set_hour_counts(self, hours: Sequence[tuple[str, int]], date_only: int,
                        since: str | None = None) -> None:
        """Posts per hour as bars, from counts the store made: ("YYYY-MM-DDTHH" in UTC, posts);
        ``since`` says the counts begin there and older posts were left out (named in the title)."""
        starts, counts = [], []
        for hour, count in hours:
            try:
                moment = datetime.fromisoformat(f"{hour}:00:00+00:00")
            except ValueError:
                date_only += count  # not an hour we can place
                continue
            starts.append(_epoch(moment))
            counts.append(count)
        self._show_hours(np.array(starts, dtype=float), np.array(counts, dtype=float), date_only, since)

    def _show_hours(self, hours: np.ndarray, counts: np.ndarray, date_only: int,
                    since: str | None = None) -> None:
        self.posts_bars.setOpts(x=hours + HOUR / 2, height=counts, width=HOUR * 0.8)
        title = "Posts per hour"
        moment = parse_iso(since) if since else None
        if moment is not None:
            title += f" · since {utc_since(moment)}"
        if date_only:
            title += f" · {date_only} with date only"
        self._titles["posts"] = title
        self._set_title(self.posts_plot, title)
        self._show_empty("posts", not len(hours))
        if len(hours):
            top = float(max(counts.max(), 1))
            self.posts_plot.setXRange(hours[0] - HOUR, hours[-1] + 2 * HOUR, padding=0)
            self.posts_plot.setYRange(0, top * 1.15, padding=0)
            # Counts of posts are whole: one labelled tick per whole step, never 0.5 or 2.5.
            step = max(1.0, float(np.ceil(top / 4)))
            self.posts_plot.getAxis("left").setTickSpacing(step, step)

    def set_speakers(self, speakers: Sequence[Speaker]) -> None:
        """Quotes per speaker, most quoted first, as many as have room; the rest summed up in
        the title."""
        self._speakers = sorted((s for s in speakers if s.quote_count > 0),
                                key=lambda s: (-s.quote_count, s.name.casefold()))
        self._show_speakers()

    def _speaker_rows(self) -> int:
        """How many speakers' bars fit the plot's height without their names overlapping."""
        height = self.speakers_plot.getViewBox().height()
        line = QFontMetricsF(self.font()).lineSpacing() * SPEAKER_ROW_LINES
        if height <= 0:
            return TOP_SPEAKERS
        return max(1, min(TOP_SPEAKERS, int(height // line)))

    def _fit_speakers(self, *_: object) -> None:
        rows = self._speaker_rows()
        if min(rows, len(self._speakers)) != self._speakers_shown or self._max_count:
            self._show_speakers()

    _speakers_shown = 0

    def _show_speakers(self) -> None:
        ranked = self._speakers
        limit = self._speaker_rows()
        shown, rest = ranked[:limit], ranked[limit:]
        n = len(shown)
        self._speakers_shown = n
        ys = np.arange(n, 0, -1, dtype=float)  # the most quoted on top
        widths = np.array([s.quote_count for s in shown], dtype=float)
        self.speaker_bars.setOpts(x0=np.zeros(n), y=ys, width=widths, height=0.66,
                                  brushes=[self._speaker_brush(s) for s in shown])
        axis = self.speakers_plot.getAxis("left")
        names = [_short(s.name) for s in shown]
        axis.setTicks([[(float(y), name) for y, name in zip(ys, names, strict=True)], []])
        # Size the axis for the longest name now, rather than after a first, clipped paint.
        metrics = QFontMetricsF(self.font())
        axis.setWidth(int(max((metrics.horizontalAdvance(n) for n in names), default=20) + 14))
        # Counts at the end of each bar: reuse the text items, add only what is missing.
        while len(self.speaker_count_labels) < n:
            label = pg.TextItem(anchor=(0, 0.5))
            self.speakers_plot.addItem(label)
            self.speaker_count_labels.append(label)
        for index, label in enumerate(self.speaker_count_labels):
            if index < n:
                label.setText(f" {int(widths[index])}", color=self._text_colour())
                label.setPos(widths[index], ys[index])
                label.setVisible(True)
            else:
                label.setVisible(False)
        title = "Quotes per speaker"
        if rest:
            title += f" · {len(rest)} more ({sum(s.quote_count for s in rest)} quotes)"
        self._titles["speakers"] = title
        self._set_title(self.speakers_plot, title)
        self._show_empty("speakers", n == 0)
        top = float(widths.max()) if n else 1.0
        # Room right of the longest bar for its count label, in data units of this width.
        view_px = self.speakers_plot.getViewBox().width()
        labels = self.speaker_count_labels
        label_font = labels[0].textItem.font() if labels else self.font()
        label_px = QFontMetricsF(label_font).horizontalAdvance(f" {int(top)}") + 16  # and its padding
        share = min(0.5, label_px / view_px) if view_px > 0 else 0.25
        self._max_count = top if n else 0.0
        if n:  # an empty chart keeps the ranges its note is placed in
            self.speakers_plot.setXRange(0, top / (1 - share), padding=0)
            self.speakers_plot.setYRange(0.4, n + 0.6, padding=0)

    def set_journey(
        self,
        route: Route | None,
        estimates: Sequence[Estimate],
        observations: Sequence[Observation],
        now: Estimate | None = None,
    ) -> None:
        """Distance against time: the likely km, the min–max band, observations, stops as lines.

        ``now`` is the estimate at the moment shown (live or replayed): the dotted line and the
        band in the title are its. Without it, the last estimate stands for now.
        """
        # With no journey there is no distance to chart: the plot is not shown at all.
        self.journey_plot.setVisible(route is not None)
        self._set_stops(route)
        ests = sorted(estimates, key=lambda e: e.at)
        if route is not None:
            ests = [e for e in ests if e.route == route.name]
        t = np.array([_epoch(e.at) for e in ests], dtype=float)
        self.likely_curve.setData(t, np.array([e.km_likely for e in ests], dtype=float))
        self.band_low.setData(t, np.array([e.km_min for e in ests], dtype=float))
        self.band_high.setData(t, np.array([e.km_max for e in ests], dtype=float))
        spots = []
        if route is not None:
            for obs in observations:
                # History (2019) and undated expectations do not belong on today's time axis.
                if obs.at is None or obs.kind == "historical":
                    continue
                km = _stop_km(route, obs.stop)
                if km is None:
                    continue
                spots.append({
                    "pos": (_epoch(obs.at), km),
                    "symbol": OBSERVATION_SYMBOLS.get(obs.kind, "o"),
                    "data": f"{obs.kind} {obs.stop}",
                })
        self.observation_points.setData(spots)
        self.observation_points.setBrush(self._accent("observation"))
        self.observation_points.setPen(pg.mkPen(self._background(), width=1))
        current = now if now is not None else (ests[-1] if ests else None)
        if len(t):
            self.now_line.setPos(_epoch(current.at) if current is not None else t[-1])
            self.now_line.setVisible(True)
            xs = list(t) + [s["pos"][0] for s in spots]
            span = max(max(xs) - min(xs), HOUR)
            self.journey_plot.setXRange(min(xs) - span * 0.03, max(xs) + span * 0.03, padding=0)
        else:
            self.now_line.setVisible(False)
        if route is not None:
            # Head room above the last stop for its label.
            self.journey_plot.setYRange(0, route.length_km * 1.1, padding=0)
        self._show_empty("journey", not len(t) and not spots)
        title = "Distance over time"
        if current is not None:
            title += f" · now km {current.km_min:,.0f}–{current.km_max:,.0f}"
        self._titles["journey"] = title
        self._set_title(self.journey_plot, title)
        self._relabel_stops()

    def _show_empty(self, key: str, empty: bool) -> None:
        """Swap an empty chart's axes for a short note, and back."""
        plot = {"posts": self.posts_plot, "speakers": self.speakers_plot,
                "journey": self.journey_plot}[key]
        note = self.empty_notes[key]
        note.setVisible(empty)
        bare = key != "journey" or not self._stop_lines  # the journey keeps a route's km axis
        if bare or not empty:
            if key != "speakers":  # the speakers' bars carry their counts: no values below
                plot.getAxis("bottom").setStyle(showValues=not empty)
            plot.getAxis("left").setStyle(showValues=not empty)
        if empty:
            if key == "journey" and not bare:
                y1 = self.journey_plot.getViewBox().viewRange()[1][1]
                plot.setXRange(0, 1, padding=0)
                note.setPos(0.5, y1 / 2)
            else:
                plot.setXRange(0, 1, padding=0)
                plot.setYRange(0, 1, padding=0)
                note.setPos(0.5, 0.5)

    def is_empty(self, key: str) -> bool:
        """True while chart ``key`` (posts, speakers or journey) shows its "nothing yet" note."""
        return self.empty_notes[key].isVisible()

    def _set_stops(self, route: Route | None) -> None:
        key = (route.name, tuple((s.name, s.km, s.kind) for s in route.stops)) if route else None
        if key == self._route_key:
            return
        self._route_key = key
        for _, line in self._stop_lines:
            self.journey_plot.removeItem(line)
        self._stop_lines = []
        if route is None:
            return
        for stop in route.stops:
            line = pg.InfiniteLine(
                pos=stop.km, angle=0, movable=False, label=stop.name,
                labelOpts={"position": 0.015, "anchors": [(0, 1), (0, 1)], "movable": False},
            )
            line.setZValue(-10)
            self.journey_plot.addItem(line)
            self._stop_lines.append((stop, line))
        self._style_stop_lines()

    def stop_lines(self) -> list[tuple[Stop, pg.InfiniteLine]]:
        """The horizontal stop lines, with their stops (for tests and for the report)."""
        return list(self._stop_lines)

    def _relabel_stops(self, *_: object) -> None:
        """Show the labels that have room: key stops first, then the rest, top to bottom."""
        if not self._stop_lines:
            return
        vb = self.journey_plot.getViewBox()
        height = vb.height() or 1.0
        y0, y1 = vb.viewRange()[1]
        px_per_km = height / max(y1 - y0, 1e-9)
        order = sorted(self._stop_lines, key=lambda item: (_stop_rank(item[0]), item[0].km))
        gap = max(LABEL_GAP_PX, QFontMetricsF(self._stop_lines[0][1].label.textItem.font()).height() + 1)
        taken: list[float] = []
        for stop, line in order:
            y = stop.km * px_per_km
            free = all(abs(y - other) >= gap for other in taken)
            line.label.setVisible(free)
            if free:
                taken.append(y)

    # -- looks -----------------------------------------------------------------------------------

    def _dark(self) -> bool:
        return theme.is_dark(self.palette(), QPalette.ColorRole.Window)

    def _background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def _accent(self, what: str) -> QColor:
        # The bars and the likely line are the route bar's "travelled"; observations its train.
        name = {"bars": "travelled", "likely": "travelled", "observation": "train"}.get(what, what)
        if name not in CHART_ACCENTS:
            return QColor(theme.FALLBACK)
        return theme.accent(name, self._dark())

    def _speaker_brush(self, speaker: Speaker) -> QColor:
        return self._accent(speaker.kind)

    def _set_title(self, plot: pg.PlotWidget, text: str) -> None:
        # Elided to the plot's width (the whole title is the tooltip): pyqtgraph cuts a long
        # title off at both ends ("Quotes per sp").
        font = QFont(self.font())
        font.setPointSizeF(self._title_pt())
        # The title sits over the plotting area, right of the left axis.
        room = max(40, plot.width() - plot.getAxis("left").width() - 24)
        shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, room)
        # A plot title is HTML to pyqtgraph: escaped, so that it shows what it says.
        plot.setTitle(escape(shown), color=self._text_colour().name(), size=f"{self._title_pt():.0f}pt")
        plot.setToolTip(plain_tooltip(text) if shown != text else "")

    def title_shown(self, key: str) -> str:
        """The title chart ``key`` shows now (perhaps elided), as plain text."""
        plot = {"posts": self.posts_plot, "speakers": self.speakers_plot, "journey": self.journey_plot}[key]
        return QTextDocumentFragment.fromHtml(plot.getPlotItem().titleLabel.text).toPlainText()

    def _retitle(self) -> None:
        if not hasattr(self, "_titles"):
            return  # still being built
        for key, plot in (("posts", self.posts_plot), ("speakers", self.speakers_plot),
                          ("journey", self.journey_plot)):
            if plot.getPlotItem().titleLabel.isVisible():  # a report takes the title off
                self._set_title(plot, self._titles[key])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self._retitle()
        return super().eventFilter(watched, event)

    def _title_pt(self) -> float:
        size = self.font().pointSizeF()
        return size if size > 0 else 9.0

    def _style_stop_lines(self) -> None:
        muted = QColor(self._text_colour())
        muted.setAlphaF(0.35)
        label_colour = QColor(self._text_colour())
        label_colour.setAlphaF(0.8)
        font = QFont(self.font())
        small = font.pointSizeF() * 0.85 if font.pointSizeF() > 0 else 8.0
        font.setPointSizeF(small)
        for stop, line in self._stop_lines:
            key = stop.kind in ("gauge_change", "border", "ceremony", "destination")
            colour = self._accent(stop.kind) if key else muted
            style = Qt.PenStyle.SolidLine if key else Qt.PenStyle.DashLine
            line.setPen(pg.mkPen(colour, width=2.0 if stop.kind == "gauge_change" else 1.0, style=style))
            text = stop.name
            if stop.kind == "gauge_change" and stop.gauge_before and stop.gauge_after:
                text += f" · gauge {stop.gauge_before}→{stop.gauge_after}"
            # The label re-renders from its format string on every move; braces would be fields.
            line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))
            line.label.setColor(colour if key else label_colour)
            line.label.setFont(font)

    def _apply_palette(self) -> None:
        background = self._background()
        text = self._text_colour()
        axis_pen = pg.mkPen(QColor(text.red(), text.green(), text.blue(), 150))
        for plot in (self.posts_plot, self.speakers_plot, self.journey_plot):
            plot.setBackground(background)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(axis_pen)
                axis.setTextPen(pg.mkPen(text))
                axis.setStyle(tickFont=self.font())
        self.posts_bars.setOpts(brush=self._accent("bars"), pen=pg.mkPen(None))
        self.speaker_bars.setOpts(pen=pg.mkPen(None))
        likely = self._accent("likely")
        self.likely_curve.setPen(pg.mkPen(likely, width=2.2))
        band = QColor(likely)
        band.setAlphaF(0.22)
        self.band.setBrush(band)
        edge = QColor(likely)
        edge.setAlphaF(0.55)
        for item in (self.band_low, self.band_high):
            item.setPen(pg.mkPen(edge, width=1))
        now = QColor(text)
        now.setAlphaF(0.45)
        self.now_line.setPen(pg.mkPen(now, width=1, style=Qt.PenStyle.DotLine))
        for key, plot in (("posts", self.posts_plot), ("speakers", self.speakers_plot),
                          ("journey", self.journey_plot)):
            self._set_title(plot, self._titles[key])
        for label in self.speaker_count_labels:
            label.setColor(text)
        muted = QColor(text)
        muted.setAlphaF(0.6)
        for note in self.empty_notes.values():
            note.setColor(muted)
        self._style_stop_lines()

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_palette()
        super().changeEvent(event)

    def journey_view_rect(self) -> QRectF:
        """The journey plot's visible data range (x: epoch seconds, y: km)."""
        (x0, x1), (y0, y1) = self.journey_plot.getViewBox().viewRange()
        return QRectF(x0, y0, x1 - x0, y1 - y0)


def observation_tip(x: float, y: float, data: object) -> str:
    """The hover tip of an observation point: what was reported, when (UTC) and where (km)."""
    when = utc_day_time(datetime.fromtimestamp(x, UTC))
    return plain_tooltip(f"{data}\n{when} · km {y:,.0f}")


def _stop_rank(stop: Stop) -> int:
    return {"gauge_change": 0, "destination": 1, "origin": 2, "ceremony": 3, "border": 4}.get(stop.kind, 5)


def _short(name: str, limit: int = 20) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
