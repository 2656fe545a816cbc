"""The journey in the window: View → Journey, the route pane and its no-journey line.

A store may follow no journey (see ``Monitor.route``). Then the route pane collapses to one line,
"No journey — choose or import a route", with a button that opens the same menu as View → Journey:
each shipped route, the routes saved in the user's routes folder, **Import route…** (a route JSON,
GeoJSON or GPX file), **New route…** and **Edit route…** (the route editor,
``monitor/gui/route_editor.py``) and **None**. When the
posts name at least three stops of a shipped route, the line offers it ("This story mentions
Pyongyang, Tumangang and Khasan — follow Pyongyang → Vladivostok?") with a **Follow** button;
nothing is chosen without the reader. A choice is a write (``data.use_route``) on the writer
thread; the panes follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from monitor.gui import data
from monitor.gui.route_editor import RouteEditor
from monitor.model import Estimate, Route
from monitor.paint.safe_text import plain_label, plain_tooltip
from monitor.state import Journey

if TYPE_CHECKING:
    from monitor.gui.main_window import MainWindow

#: What the collapsed route pane says.
NO_JOURNEY_TEXT = "No journey — choose or import a route"
#: What the file dialog offers.
ROUTE_FILES = "Routes (*.json *.geojson *.gpx);;All files (*)"
_MAX = 16_777_215  # QWIDGETSIZE_MAX
#: Room left between two docks for the splitter handle, in pixels (wider than any style's).
_DOCK_SEPARATOR = 8


class ElidedLabel(QLabel):
    """A one-line plain-text label that ends in "…" when it is narrower than its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(40, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102 - Qt API
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class JourneyControls(QObject):
    """The route pane (the route bar, or the one-line "no journey" strip) and View → Journey."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.route_bar = window.route_bar
        self.current: str | None = None  # the route in use, as the last snapshot said
        self.current_title: str | None = None
        self.current_route: Route | None = None  # the route in use, for Edit route…
        self.editor: RouteEditor | None = None
        self.suggested: str | None = None

        self.strip = QWidget()
        self.strip.setObjectName("noJourney")
        row = QHBoxLayout(self.strip)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = plain_label(NO_JOURNEY_TEXT, self.strip)
        self.label.setObjectName("noJourneyLabel")
        self.choose_button = QPushButton("Choose route…", self.strip)
        self.choose_button.setObjectName("chooseRouteButton")
        # Elided where the window is narrow (the whole text is its tooltip), never widening it.
        self.suggestion_label = ElidedLabel(self.strip)
        self.suggestion_label.setObjectName("routeSuggestion")
        self.follow_button = QPushButton("Follow", self.strip)
        self.follow_button.setObjectName("followRouteButton")
        self.follow_button.clicked.connect(self.follow_suggestion)
        for widget in (self.label, self.choose_button):
            row.addWidget(widget)
        row.addSpacing(16)
        row.addWidget(self.suggestion_label)
        row.addWidget(self.follow_button)
        row.addStretch(1)
        self.choose_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.follow_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.suggestion_label.hide()
        self.follow_button.hide()

        self.pane = QWidget()
        self.pane.setObjectName("routePane")
        column = QVBoxLayout(self.pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.strip)
        column.addWidget(self.route_bar)
        self.strip.hide()

        self.menu = QMenu("&Journey", window)
        self.menu.setObjectName("journeyMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.choose_button.clicked.connect(
            lambda: self.menu.popup(self.choose_button.mapToGlobal(self.choose_button.rect().bottomLeft())))
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._fill_menu()

    # -- the menu ------------------------------------------------------------------------------

    def _fill_menu(self) -> None:
        """Each shipped route and saved route (the one in use checked), Import route…, New route…,
        Edit route…, None."""
        self.menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        try:
            routes = data.shipped_routes()
        except Exception:  # noqa: BLE001 - a broken install still lets the reader import or choose none
            routes = []
        shipped_in_use = False
        for name, title in routes:
            in_use = name == self.current and title == self.current_title
            shipped_in_use |= in_use
            self._add_choice(title, in_use, name)
        saved = data.saved_routes()
        if saved:
            self.menu.addSeparator()
        for path, name, title in saved:
            in_use = name == self.current and title == self.current_title and not shipped_in_use
            shipped_in_use |= in_use
            self._add_choice(title, in_use, path)
        self.menu.addSeparator()
        imported = self.menu.addAction("&Import route…")
        imported.setObjectName("importRoute")
        imported.setStatusTip("Follow a route from a route file, a GeoJSON map or a GPX track")
        imported.triggered.connect(lambda: self.import_route())
        made = self.menu.addAction("&New route…")
        made.setObjectName("newRoute")
        made.setStatusTip("Make a route by hand: its stops with km or coordinates")
        made.triggered.connect(lambda: self.edit_route(None))
        edited = self.menu.addAction("&Edit route…")
        edited.setObjectName("editRoute")
        edited.setStatusTip("Change the route in use and save it as a route file of your own")
        edited.setEnabled(self.current_route is not None)
        edited.triggered.connect(lambda: self.edit_route(self.current_route))
        if self.current is not None and not shipped_in_use:  # imported, or a file of its own
            self._add_choice(f"{self.current_title or self.current} (in use)", True, None)
        self.menu.addSeparator()
        self._add_choice("&None", self.current is None, "none")

    def _add_choice(self, text: str, checked: bool, ref: str | None) -> QAction:
        action = self.menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        self._group.addAction(action)
        if ref is not None:
            action.triggered.connect(lambda _=False, r=ref: self.use(None if r == "none" else r))
        return action

    def choices(self) -> list[tuple[str, bool]]:
        """The menu's choices as (text, checked), for the tests and the reader's status."""
        self._fill_menu()
        return [(a.text(), a.isChecked()) for a in self._group.actions()]

    # -- choosing ------------------------------------------------------------------------------

    def import_route(self, path: str | None = None) -> None:
        """Follow a route from a file (asked for when not given)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Import route", "", ROUTE_FILES)
        if path:
            self.use(path)

    def edit_route(self, route: Route | None) -> RouteEditor:
        """Open the route editor on ``route`` (None: a new route); saving may follow it here."""
        self.editor = RouteEditor(self.window, route=route,
                                  on_use=self.use if self.window.runner is not None else None)
        self.editor.open()
        return self.editor

    def follow_suggestion(self) -> None:
        """Follow the route the no-journey line offers."""
        if self.suggested:
            self.use(self.suggested)

    def use(self, ref: str | None, on_done: Callable[[], None] | None = None) -> None:
        """Make ``ref`` (a shipped route, a file, None: no journey) the route in use, on the
        writer thread; the panes follow. A bad file is named in a warning."""
        window = self.window
        if window.runner is None:
            return

        def done(title: object) -> None:
            window.statusBar().showMessage(f"Following {title}" if title else "No journey", 8000)
            # A new route re-matches every post: the whole situation and the feed are read again.
            window.refresh_panes()
            window.feed.model.reload()
            if on_done is not None:
                on_done()

        window.runner.write(data.use_route, ref, on_result=done,
                            on_error=lambda exc: window._warn("Route not changed", str(exc)))

    # -- showing the journey -------------------------------------------------------------------

    def apply(self, journey: Journey) -> None:
        """Show the journey part of the situation (``SituationState.journey_changed``): the route
        bar, or the one-line strip when there is none."""
        route = journey.route
        self.current = route.name if route is not None else None
        self.current_title = route.title if route is not None else None
        self.current_route = route
        bar = self.route_bar
        if route is None:
            bar.set_route(None)
            bar.set_estimate(None)
            bar.set_observations([])
            found = journey.suggestion
            self.suggested = found.route if found is not None else None
            self.suggestion_label.setText(found.text() if found is not None else "")
            self.suggestion_label.setToolTip(plain_tooltip(found.text()) if found is not None else "")
            self.suggestion_label.setVisible(found is not None)
            self.follow_button.setVisible(found is not None)
            bar.hide()
            self.strip.show()
            self.pane.setMaximumHeight(self.strip.sizeHint().height())
            # The dock keeps the bar's height unless told: a band of nothing under one line.
            dock = self.window.docks.get("route")
            if dock is not None and not dock.isFloating():
                self.window.resizeDocks([dock], [self.strip.sizeHint().height()], Qt.Orientation.Vertical)
                QTimer.singleShot(0, self._give_docks_the_room)
            return
        self.suggested = None
        collapsed = self.strip.isVisible()
        self.strip.hide()
        bar.show()
        self.pane.setMaximumHeight(_MAX)
        bar.set_route(route)
        if journey.estimate is not None:
            bar.set_estimate(journey.estimate)
        bar.set_observations(journey.observations)
        if collapsed:  # give the bar back its height
            dock = self.window.docks.get("route")
            if dock is not None:
                self.window.resizeDocks([dock], [bar.sizeHint().height()], Qt.Orientation.Vertical)

    def _give_docks_the_room(self) -> None:
        """The height the collapsed route pane gave up goes to the docks below it (the feed, the
        inspector: the first dock of each side), not to an empty band under the strip."""
        window = self.window
        route = window.docks.get("route")
        if route is None or route.isFloating() or not route.isVisible():
            return
        bottom = route.geometry().bottom()
        for area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            column = [d for d in window.docks.values()
                      if window.dockWidgetArea(d) == area and d.isVisible() and not d.isFloating()]
            if not column:
                continue
            top = min(column, key=lambda d: d.geometry().top())
            gap = top.geometry().top() - bottom - _DOCK_SEPARATOR
            if gap > 0:
                window.resizeDocks([top], [top.height() + gap], Qt.Orientation.Vertical)

    def show_estimate(self, estimate: Estimate | None) -> None:
        """Move the train to ``estimate`` (``SituationState.estimate_changed``: the clock moved, or
        a new situation); nothing without a journey."""
        if self.current_route is not None and estimate is not None:
            self.route_bar.set_estimate(estimate)

    def collapsed(self) -> bool:
        """True when the pane shows the one-line "no journey" strip."""
        return not self.strip.isHidden()
