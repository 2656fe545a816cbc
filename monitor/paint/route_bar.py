"""The route progress bar: stops by km, the train's likely position with its band, ETAs.

A custom-painted widget. It draws what it is given (a :class:`Route`, an :class:`Estimate` and the
:class:`Observation` list) and never reads the database. Its parts live apart:

* the words (the status line, a stop's detail, "train here now") in
  :mod:`monitor.model.journey_text`, shared with ``monitor route`` and the report;
* the geometry (the km scale, the rows, where each label goes) in
  :mod:`monitor.paint.route_layout`, pure functions of plain numbers: this widget passes its font
  metrics in (:class:`_FontMetrics`) and turns the result into rectangles;
* the painting, hit testing, tooltips and keys, here.

:meth:`RouteBar.bar_layout` gives the geometry for any width without painting, so the tests can
check every label rectangle. ETAs are shown in the local time of each stop (``zoneinfo``); a timer
repaints every minute so relative times stay true between the estimates the owner sends.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from monitor.model import Estimate, Observation, Route, Stop, StopEta
from monitor.model.journey_text import (
    ETA_LEGEND,
    as_of_line,
    corroboration_text,
    distinct_evidence,
    kind_detail,
    observation_matches,
    presence_text,
    status_line,
    stop_dwell,
    train_here,
    upcoming_etas,
)
from monitor.model.timefmt import (
    format_minutes,
    format_window,
    relative_minutes,
    stop_zone,
    zone_label,
)
from monitor.paint import theme
from monitor.paint.route_layout import (
    COMPRESS_KM,
    EDGE_MARKER_PX,
    KEY_KINDS,
    MIN_GAP_PX,
    MIN_KEY_GAP_PX,
    PAD,
    TRACK_ZONE,
    BarRows,
    KmScale,
    LabelLine,
    LabelSpec,
    PlacedLabel,
    Rect,
    Segment,
    gap_labels,
    place_labels,
    track_scale,
)
from monitor.paint.safe_text import escape

# Names other modules and the tests import from here.
__all__ = [
    "COMPRESS_KM", "EDGE_MARKER_PX", "ETA_STOPS", "KEY_KINDS", "LEGEND_MIN_WIDTH", "MIN_GAP_PX",
    "MIN_KEY_GAP_PX", "PAD", "REPAINT_MS", "TRACK_ZONE", "BarColours", "BarLayout", "KmScale", "LabelBox",
    "LabelLine", "RouteBar", "Segment", "format_window", "kind_detail", "observation_matches",
]

#: How many stops ahead of the train get an ETA line.
ETA_STOPS = 3
#: Below this width the header leaves the ETA legend out (the tooltips still say it).
LEGEND_MIN_WIDTH = 1100
#: Relative times ("in 2 h 10 min") are repainted this often.
REPAINT_MS = 60_000


# -- colours ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarColours:
    """The bar's colours, derived from the palette so light and dark both read well."""

    background: QColor
    text: QColor
    muted: QColor
    track: QColor
    travelled: QColor
    band: QColor
    train: QColor
    gauge_change: QColor
    gauge_text: QColor
    border: QColor
    ceremony: QColor
    destination: QColor
    station: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> BarColours:
        """Pick the colours for ``palette``: brighter accents on a dark window."""
        background = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = theme.is_dark(palette, QPalette.ColorRole.Window)
        muted = QColor(text)
        muted.setAlphaF(0.62)
        track = QColor(text)
        track.setAlphaF(0.18)
        travelled = theme.accent("travelled", dark)
        band = QColor(travelled)
        band.setAlphaF(0.28)
        return cls(
            background=background,
            text=text,
            muted=muted,
            track=track,
            travelled=travelled,
            band=band,
            train=theme.accent("train", dark),
            gauge_change=theme.accent("gauge_change", dark),
            gauge_text=theme.accent("gauge_text", dark),
            border=theme.accent("border", dark),
            ceremony=theme.accent("ceremony", dark),
            destination=theme.accent("destination", dark),
            station=QColor(text),
        )


# -- labels -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelBox:
    """A placed label: the stop it names, its rectangle and its (possibly elided) lines."""

    stop: str
    rect: QRectF
    lines: tuple[LabelLine, ...]
    row: str  # above | below1 | below2 | track
    elided: bool = False

    @classmethod
    def of(cls, placed: PlacedLabel) -> LabelBox:
        """A label ``route_layout`` placed, as the widget draws it."""
        return cls(placed.stop, _qrect(placed.rect), placed.lines, placed.row, placed.elided)


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.left, rect.top, rect.width, rect.height)


@dataclass(slots=True)
class BarLayout:
    """Everything :meth:`RouteBar.paintEvent` draws, computed for one size."""

    width: float
    height: float
    header: QRectF
    track_y: float
    track_top: float
    track_bottom: float
    scale: KmScale
    xs: dict[str, float] = field(default_factory=dict)
    labels: list[LabelBox] = field(default_factory=list)
    gap_labels: list[LabelBox] = field(default_factory=list)
    leaders: list[tuple[QPointF, QPointF]] = field(default_factory=list)

    def all_label_rects(self) -> list[tuple[str, QRectF]]:
        """Every text rectangle the bar draws below the header (stop labels and gap distances)."""
        return [(b.stop, b.rect) for b in self.labels] + [(b.stop, b.rect) for b in self.gap_labels]


class _FontMetrics:
    """The bar's fonts as ``route_layout.TextMetrics``: the name font, its bold, the small font."""

    def __init__(self, base: QFont, bold: QFont, small: QFont) -> None:
        self._plain = {False: QFontMetricsF(base), True: QFontMetricsF(small)}
        self._bold = QFontMetricsF(bold)

    def _of(self, line: LabelLine) -> QFontMetricsF:
        return self._bold if line.bold else self._plain[line.small]

    def width(self, line: LabelLine) -> float:
        """The advance of ``line``'s text in its font."""
        return self._of(line).horizontalAdvance(line.text)

    def height(self, line: LabelLine) -> float:
        """A line's height: the small font's, else the name font's (bold or not)."""
        return self._plain[line.small].height()

    def elide(self, line: LabelLine, limit: float) -> str:
        """``line``'s text cut to ``limit`` pixels with "…"."""
        return self._of(line).elidedText(line.text, Qt.TextElideMode.ElideRight, limit)


# -- the widget -------------------------------------------------------------------------------------


class RouteBar(QWidget):
    """A one-line picture of the journey: where the train likely is, how sure we are, what is next.

    Feed it with :meth:`set_route`, :meth:`set_estimate` and :meth:`set_observations`; it emits
    :attr:`stopClicked` with the stop's name when the user clicks a stop or its label.
    """

    stopClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._route: Route | None = None
        self._estimate: Estimate | None = None
        self._observations: list[Observation] = []
        self._layout_cache: tuple[tuple, BarLayout] | None = None
        self._hover: str | None = None
        #: The stop the keyboard is on (Left/Right move it, Enter or Space clicks it).
        self._focus_stop: str | None = None
        #: Returns "now"; the owner may swap it (e.g. for replay) — relative times use it.
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAccessibleName("Route progress")
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REPAINT_MS)
        self.refresh_timer.timeout.connect(self.update)
        self.refresh_timer.start()

    # -- data ----------------------------------------------------------------------------------

    def set_route(self, route: Route | None) -> None:
        """Show ``route`` (or nothing). A new route keeps the estimate only if it names this route."""
        self._route = route
        if route is not None and self._estimate is not None and self._estimate.route != route.name:
            self._estimate = None
        self._changed()

    def set_estimate(self, estimate: Estimate | None) -> None:
        """Show the train at ``estimate``; repaints at once."""
        self._estimate = estimate
        self._changed()

    def set_observations(self, observations: Sequence[Observation]) -> None:
        """The observations behind the estimate, for the marks and tooltips; repaints at once."""
        self._observations = list(observations)
        self._changed()

    def route(self) -> Route | None:
        """The route shown."""
        return self._route

    def estimate(self) -> Estimate | None:
        """The estimate shown."""
        return self._estimate

    def _changed(self) -> None:
        self._layout_cache = None
        self.updateGeometry()
        self.update()

    # -- size ----------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(size * 0.88, 6.5))
        else:
            small.setPixelSize(max(int(base.pixelSize() * 0.88), 9))
        return base, bold, small

    def _line_heights(self) -> tuple[float, float]:
        base, _, small = self._fonts()
        return QFontMetricsF(base).height(), QFontMetricsF(small).height()

    def _rows(self) -> BarRows:
        """The rows (header, label rows, track zone) for the current font."""
        return BarRows.for_lines(*self._line_heights())

    def sizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(1000, math.ceil(self._rows().height))

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(320, math.ceil(self._rows().height))

    # -- layout --------------------------------------------------------------------------------

    def bar_layout(self, width: float | None = None) -> BarLayout:
        """The geometry for ``width`` (default: the current width): scale, stop x, label rects."""
        width = float(self.width() if width is None else width)
        height = float(max(self.height(), math.ceil(self._rows().height)))
        key = (width, height, self.font().toString(), id(self._route), id(self._estimate),
               len(self._observations))
        if self._layout_cache is not None and self._layout_cache[0] == key:
            return self._layout_cache[1]
        layout = self._compute_layout(width, height)
        self._layout_cache = (key, layout)
        return layout

    def _compute_layout(self, width: float, height: float) -> BarLayout:
        rows = self._rows()
        route = self._route
        stops = route.stops if route else ()
        metrics = _FontMetrics(*self._fonts())
        scale = track_scale(stops, width)
        layout = BarLayout(
            width=width,
            height=height,
            header=QRectF(PAD, PAD, width - 2 * PAD, rows.header_height),
            track_y=rows.track_y,
            track_top=rows.track_top,
            track_bottom=rows.track_bottom,
            scale=scale,
        )
        layout.xs = {s.name: scale.x(s.km) for s in stops}
        if not stops:
            return layout
        # Gap labels first: they live inside the track zone and never move.
        small_height = metrics.height(LabelLine("", small=True))
        layout.gap_labels = [LabelBox.of(box)
                             for box in gap_labels(scale, layout.track_y, metrics, small_height)]
        specs = [LabelSpec(stop.name, lines, key=stop.kind in KEY_KINDS)
                 for stop, lines in self._label_blocks()]
        placed, leaders = place_labels(specs, layout.xs, rows, width, height, metrics)
        layout.labels = [LabelBox.of(box) for box in placed]
        layout.leaders = [(QPointF(*a), QPointF(*b)) for a, b in leaders]
        return layout

    def dwell_of(self, stop: Stop) -> tuple[float | None, str | None]:
        """The stop's dwell in minutes and where the figure comes from (the estimate's, a post's,
        else the route file's: ``journey_text.stop_dwell``)."""
        return stop_dwell(stop, self._estimate, self._observations)

    def _upcoming(self) -> list[StopEta]:
        return upcoming_etas(self._estimate)

    def _label_blocks(self) -> list[tuple[Stop, tuple[LabelLine, ...]]]:
        """Each stop's label lines, in the order labels are placed (most important first)."""
        route = self._route
        assert route is not None
        est = self._estimate
        upcoming = self._upcoming()
        eta_for = {eta.stop: eta for eta in upcoming[:ETA_STOPS]}
        destination = route.stops[-1]
        if upcoming and upcoming[-1].stop == destination.name:
            eta_for[destination.name] = upcoming[-1]
        next_stop = est.next_stop if est else None
        current = est.stop if est and est.state == "dwelling" else None
        here = self.train_here()
        train_km = est.km_likely if est else 0.0

        def priority(stop: Stop) -> tuple[int, float]:
            order = {
                "gauge_change": 0, "border": 2, "ceremony": 3, "destination": 4, "origin": 5,
            }
            if stop.name == next_stop:
                return (1, 0.0)
            if stop.kind in order:
                return (order[stop.kind], 0.0)
            if stop.name == current:
                return (6, 0.0)
            if stop.name in eta_for:
                return (7, stop.km)
            return (8, abs(stop.km - train_km))

        blocks = []
        for stop in sorted(route.stops, key=priority):
            key_stop = stop.kind in KEY_KINDS or stop.name in (next_stop, current)
            lines = [LabelLine(stop.name, bold=key_stop)]
            detail = kind_detail(stop, self.dwell_of(stop)[0])
            if detail and stop.kind in KEY_KINDS:
                lines.append(LabelLine(detail, True, "gauge" if stop.kind == "gauge_change" else "muted"))
            if stop.name in (here, current):
                presumed = bool(est and est.presumed)
                lines.append(LabelLine(presence_text(stop.name == here, presumed), True, "eta"))
            elif stop.name in eta_for:
                lines.append(LabelLine(format_window(eta_for[stop.name], stop_zone(stop)), True, "eta"))
            elif detail and stop.kind not in KEY_KINDS:
                lines.append(LabelLine(detail, True, "muted"))
            blocks.append((stop, tuple(lines)))
        return blocks

    # -- hit testing and tooltips ---------------------------------------------------------------

    def stop_at(self, pos: QPointF) -> str | None:
        """The stop under ``pos``: its mark in the track zone or its label."""
        layout = self.bar_layout()
        for box in layout.labels:
            if box.rect.adjusted(-2, -2, 2, 2).contains(pos):
                return box.stop
        if layout.track_top - 4 <= pos.y() <= layout.track_bottom + 4 and layout.xs:
            name, x = min(layout.xs.items(), key=lambda item: abs(item[1] - pos.x()))
            if abs(x - pos.x()) <= 9:
                return name
        return None

    def stop_point(self, name: str) -> QPointF:
        """Where the mark of stop ``name`` is drawn (for tests and for placing popups)."""
        layout = self.bar_layout()
        return QPointF(layout.xs[name], layout.track_y)

    def tooltip_for(self, name: str) -> str:
        """Rich text with the stop's facts, its ETA and the evidence that mentions it."""
        route = self._route
        stop = next((s for s in route.stops if s.name == name), None) if route else None
        if stop is None:
            return ""
        esc = escape
        rows = [f"<b>{esc(stop.name)}</b> — {esc(stop.kind.replace('_', ' '))}, km {stop.km:,.1f}"]
        if stop.gauge_before and stop.gauge_after:
            if stop.gauge_before != stop.gauge_after:
                rows.append(f"Gauge {esc(stop.gauge_before)} → {esc(stop.gauge_after)} mm "
                            "(wheelsets changed)")
            else:
                rows.append(f"Gauge {esc(stop.gauge_before)} mm")
        dwell, dwell_source = self.dwell_of(stop)
        if dwell:
            source = f" — {esc(dwell_source)}" if dwell_source else ""
            rows.append(f"Dwell ~{format_minutes(dwell)}{source}")
            if stop.dwell_minutes and stop.dwell_minutes != dwell:
                rows.append(f"<small>route file: ~{format_minutes(stop.dwell_minutes)}"
                            f"{' — ' + esc(stop.dwell_source) if stop.dwell_source else ''}</small>")
        if stop.lat is not None and stop.lon is not None:
            rows.append(f"{stop.lat:.4f}, {stop.lon:.4f}")
        zone = stop_zone(stop)
        if stop.timezone:
            rows.append(f"Time zone {esc(stop.timezone)}")
        if stop.aliases:
            rows.append("Also: " + esc(", ".join(stop.aliases)))
        if stop.notes:
            rows.append(f"<i>{esc(stop.notes)}</i>")
        eta = next((e for e in (self._estimate.etas if self._estimate else ()) if e.stop == name), None)
        if eta is not None and eta.likely is not None:
            rows.append("ETA " + esc(format_window(eta, zone)) + self._relative(eta.likely)
                        + f" <small>({esc(ETA_LEGEND)})</small>")
            rows.append(
                "UTC "
                + " / ".join(f"{m:%d %b %H:%M}" for m in (eta.earliest, eta.likely, eta.latest) if m)
            )
        evidence = [o for o in self._observations if observation_matches(o, stop)]
        if evidence:
            rows.append("<hr><b>Evidence</b>")
            for obs, posts in distinct_evidence(evidence):
                when = ""
                if obs.at is not None:
                    local = obs.at.astimezone(zone or UTC)
                    when = f" {local:%d %b %Y %H:%M} {zone_label(local)}"
                    if obs.precision == "date":
                        when = f" {local:%d %b %Y}"
                post = f" (post{'s' if len(posts) > 1 else ''} {', '.join(map(str, posts))})" if posts else ""
                flag = f" <b>conflict:</b> {esc(obs.conflict)}" if obs.conflict else ""
                text = obs.evidence if len(obs.evidence) < 220 else obs.evidence[:217] + "…"
                seen = corroboration_text(obs)
                seen = f" <small>({esc(seen)})</small>" if seen else ""
                rows.append(f"{esc(obs.kind)}{esc(when)}{post}: “{esc(text)}”{flag}{seen}")
        return "<p style='white-space:pre-wrap'>" + "<br>".join(rows) + "</p>"

    def _relative(self, moment: datetime) -> str:
        return relative_minutes(moment, self.clock())

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt API
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            help_event = event
            name = self.stop_at(QPointF(help_event.pos()))
            if name:
                QToolTip.showText(help_event.globalPos(), self.tooltip_for(name), self)
            elif self._estimate is not None and self._in_band(QPointF(help_event.pos())):
                QToolTip.showText(help_event.globalPos(), self.estimate_tooltip(), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _in_band(self, pos: QPointF) -> bool:
        layout = self.bar_layout()
        est = self._estimate
        if est is None:
            return False
        x0, x1 = layout.scale.x(est.km_min), layout.scale.x(est.km_max)
        return x0 - 6 <= pos.x() <= x1 + 6 and layout.track_top <= pos.y() <= layout.track_bottom

    def estimate_tooltip(self) -> str:
        """Rich text about the estimate: state, band, notes and conflicting reports."""
        est = self._estimate
        assert est is not None
        rows = [
            f"<b>{escape(self.status_text())}</b>",
            f"km {est.km_min:,.0f} – {est.km_max:,.0f} (likely {est.km_likely:,.0f})",
            escape(ETA_LEGEND),
        ]
        rows += [escape(note) for note in est.notes]
        for obs in est.conflicts:
            rows.append(f"⚠ {escape(obs.kind)} {escape(obs.stop)}"
                        f"{' (post ' + str(obs.post_id) + ')' if obs.post_id is not None else ''}: "
                        f"{escape(obs.conflict or 'contradicts the other reports')}")
        return "<br>".join(rows)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: D102 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            name = self.stop_at(event.position())
            if name:
                self.stopClicked.emit(name)
                event.accept()
                return
        super().mousePressEvent(event)

    def focused_stop(self) -> str | None:
        """The stop the keyboard is on, if any."""
        return self._focus_stop

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102 - Qt API
        stops = [s.name for s in self._route.stops] if self._route else []
        key = event.key()
        if stops and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            if key == Qt.Key.Key_Home:
                index = 0
            elif key == Qt.Key.Key_End:
                index = len(stops) - 1
            elif self._focus_stop not in stops:
                # Start from the stop ahead of the train: that is what people ask about.
                ahead = self._estimate.next_stop if self._estimate else None
                index = stops.index(ahead) if ahead in stops else 0
            else:
                step = 1 if key == Qt.Key.Key_Right else -1
                index = min(max(stops.index(self._focus_stop) + step, 0), len(stops) - 1)
            self._focus_stop = stops[index]
            self.update()
            event.accept()
            return
        if self._focus_stop and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.stopClicked.emit(self._focus_stop)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: D102 - Qt API
        name = self.stop_at(event.position())
        if name != self._hover:
            self._hover = name
            self.setCursor(Qt.CursorShape.PointingHandCursor if name else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: D102 - Qt API
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._layout_cache = None
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # -- text -------------------------------------------------------------------------------------

    def status_text(self) -> str:
        """One line about the train: state, km band, progress and the next stop."""
        return status_line(self._route, self._estimate, self.clock())

    def train_here(self) -> str | None:
        """The stop to mark "train here now": the one the train is at, only when the km band
        stays within that stop."""
        return train_here(self._estimate, self._route)

    def as_of_text(self) -> str:
        """When the estimate is for, in UTC; with the ETA legend when ETAs are shown and the bar
        is wide enough to say it."""
        return as_of_line(self._estimate, bool(self._upcoming()) and self.width() >= LEGEND_MIN_WIDTH)

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        colours = BarColours.from_palette(self.palette())
        painter.fillRect(self.rect(), colours.background)
        layout = self.bar_layout()
        self._paint_header(painter, layout, colours)
        if self._route is None or not self._route.stops:
            painter.end()
            return
        self._paint_track(painter, layout, colours)
        self._paint_estimate(painter, layout, colours)
        self._paint_stops(painter, layout, colours)
        self._paint_labels(painter, layout, colours)
        painter.end()

    def _paint_header(self, painter: QPainter, layout: BarLayout, c: BarColours) -> None:
        base, bold, small = self._fonts()
        rect = layout.header
        title = self._route.title if self._route else "Route"
        painter.setFont(bold)
        fm_bold = QFontMetricsF(bold)
        title = fm_bold.elidedText(title, Qt.TextElideMode.ElideRight, rect.width() * 0.35)
        title_w = fm_bold.horizontalAdvance(title)
        painter.setPen(c.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        fm_small = QFontMetricsF(small)
        as_of = self.as_of_text()
        as_of_w = fm_small.horizontalAdvance(as_of)
        painter.setPen(c.muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, as_of)
        painter.setFont(base)
        fm = QFontMetricsF(base)
        room = rect.width() - title_w - as_of_w - 36
        status = fm.elidedText(self.status_text(), Qt.TextElideMode.ElideRight, max(room, 0))
        painter.setPen(c.text)
        status_rect = QRectF(rect.left() + title_w + 18, rect.top(), max(room, 0), rect.height())
        painter.drawText(status_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status)

    def _paint_track(self, painter: QPainter, layout: BarLayout, c: BarColours) -> None:
        y = layout.track_y
        scale = layout.scale
        pen = QPen(c.track, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(scale.left, y), QPointF(scale.right, y))
        est = self._estimate
        if est is not None and est.km_likely > 0:
            painter.setPen(QPen(c.travelled, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(scale.left, y), QPointF(scale.x(est.km_likely), y))
        # Break marks on shortened stretches: two slanted strokes over a gap in the track.
        for seg in scale.segments:
            if not seg.compressed:
                continue
            mid = (seg.x0 + seg.x1) / 2
            painter.setPen(QPen(c.background, 7))
            painter.drawLine(QPointF(mid - 2, y - 6), QPointF(mid + 2, y + 6))
            painter.setPen(QPen(c.muted, 1.4))
            for dx in (-3.5, 3.5):
                painter.drawLine(QPointF(mid + dx - 3, y + 7), QPointF(mid + dx + 3, y - 7))
        painter.setFont(self._fonts()[2])
        for box in layout.gap_labels:
            painter.setPen(c.muted)
            painter.drawText(box.rect, Qt.AlignmentFlag.AlignCenter, box.lines[0].text)

    def _paint_estimate(self, painter: QPainter, layout: BarLayout, c: BarColours) -> None:
        est = self._estimate
        if est is None:
            return
        scale, y = layout.scale, layout.track_y
        x0, x1 = scale.x(est.km_min), scale.x(est.km_max)
        band = QRectF(x0, y - 9, max(x1 - x0, 2.0), 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.band)
        painter.drawRoundedRect(band, 4, 4)
        edge = QColor(c.travelled)
        painter.setPen(QPen(edge, 1.5))
        for x in (x0, x1):
            painter.drawLine(QPointF(x, y - 10), QPointF(x, y + 10))
        # The train: a downward pointer above the track and a stem through it.
        x = scale.x(est.km_likely)
        top = layout.track_top + 1
        pointer = QPolygonF([QPointF(x - 7, top), QPointF(x + 7, top), QPointF(x, top + 9)])
        painter.setPen(QPen(c.background, 1.5))
        painter.setBrush(c.train)
        painter.drawPolygon(pointer)
        painter.setPen(QPen(c.train, 2))
        painter.drawLine(QPointF(x, top + 8), QPointF(x, y + 9))

    def _paint_stops(self, painter: QPainter, layout: BarLayout, c: BarColours) -> None:
        assert self._route is not None
        y = layout.track_y
        for stop in self._route.stops:
            x = layout.xs[stop.name]
            hover = stop.name == self._hover
            if stop.name == self._focus_stop and self.hasFocus():
                ring = QColor(c.travelled)
                painter.setPen(QPen(ring, 1.6))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, y), 11, 11)
            r = 4.5 if not hover else 6.0
            painter.setPen(QPen(c.background, 1.5))
            if stop.kind == "gauge_change":
                painter.setBrush(c.gauge_change)
                s = r + 3.5
                painter.drawPolygon(QPolygonF([
                    QPointF(x, y - s), QPointF(x + s, y), QPointF(x, y + s), QPointF(x - s, y),
                ]))
            elif stop.kind == "border":
                pen = QPen(c.border, 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, layout.track_top + 2), QPointF(x, layout.track_bottom - 2))
                painter.setPen(QPen(c.background, 1.2))
                painter.setBrush(c.border)
                painter.drawRect(QRectF(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2))
            elif stop.kind == "ceremony":
                painter.setBrush(c.ceremony)
                painter.drawPath(_star(QPointF(x, y), r + 3.5))
            elif stop.kind == "destination":
                painter.setBrush(c.destination)
                painter.drawRoundedRect(QRectF(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3), 2, 2)
            elif stop.kind == "origin":
                painter.setBrush(c.travelled if self._estimate else c.station)
                painter.drawEllipse(QPointF(x, y), r + 1, r + 1)
            else:
                passed = self._estimate is not None and stop.km <= self._estimate.km_likely
                painter.setBrush(c.travelled if passed else c.background)
                painter.setPen(QPen(c.travelled if passed else c.station, 1.6))
                painter.drawEllipse(QPointF(x, y), r - 0.5, r - 0.5)

    def _paint_labels(self, painter: QPainter, layout: BarLayout, c: BarColours) -> None:
        base, bold, small = self._fonts()
        painter.setPen(QPen(c.muted, 1))
        for a, b in layout.leaders:
            if abs(a.y() - b.y()) > 2:
                painter.drawLine(a, b)
        colour = {"text": c.text, "muted": c.muted, "gauge": c.gauge_text, "eta": c.travelled}
        for box in layout.labels:
            y = box.rect.top()
            for line in box.lines:
                font = bold if line.bold else (small if line.small else base)
                painter.setFont(font)
                h = QFontMetricsF(font).height()
                painter.setPen(colour.get(line.role, c.text))
                painter.drawText(
                    QRectF(box.rect.left(), y, box.rect.width(), h),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                    line.text,
                )
                y += h


def _star(centre: QPointF, radius: float) -> QPainterPath:
    """A five-pointed star, for the ceremony stop."""
    path = QPainterPath()
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path
