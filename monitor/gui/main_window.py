"""The main window: the route bar on top, the feed, the inspector at the side, charts below.

Every pane is a dock widget the user can move, close and restore; the layout, geometry and
last database are kept in QSettings. All store work goes through a ``Runner`` (worker threads);
the window only hands results to panes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from monitor import __version__
from monitor.gui import data
from monitor.gui.alerts import KeywordsDialog, Notifier, load_keywords, save_keywords
from monitor.gui.alerts_dock import AlertsPane
from monitor.gui.feed_pane import FeedPane
from monitor.gui.formatting import local_time, relative_time, set_display_zone
from monitor.gui.inspector import InspectorPane
from monitor.gui.journey_menu import JourneyControls
from monitor.gui.preferences import Preferences, PreferencesDialog, load_preferences, save_preferences
from monitor.gui.replay import ReplayBar
from monitor.gui.sources_dock import SourcesPane, set_source_tier
from monitor.gui.team import TeamLink, store_name
from monitor.gui.team_dialog import TeamStoreDialog
from monitor.gui.workers import Runner, Target
from monitor.model import NO_CHANGES, Estimate, OpChanges, Speaker, merge_changes, parse_iso, to_iso, utc_now
from monitor.paint import theme
from monitor.paint.charts import ChartsPane
from monitor.paint.route_bar import RouteBar
from monitor.paint.safe_text import escape, plain_label, plain_message_box, plain_tooltip
from monitor.paths import resources_dir
from monitor.report.render import PreparedReport
from monitor.service import StoreError, is_postgres, needs_password, redact, without_password
from monitor.state import QUOTES, Counts, Journey, Posts, Quotes, Rows, SituationState, SpeakersPatch
from monitor.store import SCHEMA_VERSION

log = logging.getLogger(__name__)

#: How often "now" moves on the route bar (the estimate on the cached schedule; nothing is read).
CLOCK_MS = 60_000
#: How often the app asks which sources are due (each source keeps its own interval and backoff).
POLL_MS = 15_000
#: After new posts, the feed looks for them within this time and the other panes follow within
#: the next; a burst of batches costs one look each, not one per batch.
FEED_SETTLE_MS = 250
PANES_SETTLE_MS = 1500
#: On a team store the panes follow within this instead: other processes' changes come already
#: merged over a burst (``team.SETTLE_MS``), and the window's promise is "within a second".
TEAM_PANES_SETTLE_MS = 500
#: Reads and unread marks in the feed reach the alert inbox (and the title's count) within this.
ALERTS_SETTLE_MS = 300
STATE_VERSION = 1
#: How long the status bar says "reconnected" after a team store's connection came back.
RECONNECTED_MS = 10_000
#: The polling rule on a team store, in words for the status bar and the Sources dock.
TEAM_POLLING = ("Team store: the team's poller (monitor watch) polls the sources; this window "
                "polls none and shows what is stored as it arrives.")
#: The settings key of File → Open recent: files by path, team stores by URL without a password.
RECENT_KEY = "recent"
RECENT_MAX = 8
#: The most quotes the inspector lists at once (the newest); the counts cover all of them.
QUOTES_SHOWN = data.QUOTES_SHOWN


def _without_password(url: str) -> str:
    """``url`` without its password, or "" when it does not read as a URL."""
    try:
        return without_password(url)
    except StoreError:
        return ""


def app_icon() -> QIcon:
    """The app icon (SVG, with a PNG where SVG cannot be drawn)."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    for name in ("monitor.svg", "monitor.png"):
        if (icons / name).is_file():
            icon.addFile(str(icons / name))
    return icon


class MainWindow(QMainWindow):
    """Situation Monitor's window over one database."""

    opened = Signal(object)  # data.OpenResult
    openFailed = Signal(str)
    snapshotApplied = Signal(object)  # data.Snapshot
    quotesApplied = Signal(object)  # OpChanges: the panes show a correction
    sourcesApplied = Signal(object)  # list of data.SourceState: the status bar shows a quiet poll
    reportSaved = Signal(str)  # the path written
    alertsApplied = Signal(object)  # data.AlertInbox shown
    sourcesChanged = Signal(object)  # OpChanges of a change to a source, once asked for again
    teamChangesApplied = Signal(object)  # OpChanges another process made on a team store, handled
    connectionChanged = Signal(bool)  # a team store's connection: lost (False), back again (True)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings()
        #: The database file, or a team store's URL (which may hold a password: never shown;
        #: ``db_label`` is what the window shows).
        self.db_path: Target | None = None
        self.db_label = ""
        #: On a team store: its live link (other processes' changes, reconnecting).
        self.team: TeamLink | None = None
        self.runner: Runner | None = None
        self.features = data.Features()
        self.snapshot: data.Snapshot | None = None
        #: The situation shown, part by part: the panes follow its signals (see ``_bind_state``).
        self.state = SituationState()
        self.as_of: datetime | None = None
        self.alert_count = 0
        self._snapshot_busy = False
        self._snapshot_again = False
        self._polling = False
        self._speaker_names: dict[int, str] = {}
        self._selected_speaker: int | None = None
        self._speaker_quotes: data.SpeakerQuotes | None = None  # the selected speaker's, once read
        self._quotes_stale = False
        self._exports: list[list] = []  # reports being read: each list gets the prepared report
        #: File → Open team store, while it is open; what was open before its first try (opened
        #: again when it is cancelled after a try failed); a recent team store tried without a
        #: password (the dialog asks for one when the server wants it).
        self._team_dialog: TeamStoreDialog | None = None
        self._before_dialog: Target | None = None
        self._dialog_tried = False
        self._recent_try: str | None = None
        self._before_recent: Target | None = None
        self._open_ok = False

        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        self.feed = FeedPane(self)
        self.route_bar = RouteBar(self)
        self.journey = JourneyControls(self)  # the route pane and View → Journey
        self.inspector = InspectorPane(self)
        self.charts = ChartsPane(self)
        self.replay = ReplayBar(self)
        self.notifier = Notifier(self.windowIcon(), self)
        self.sources_pane = SourcesPane(self)
        self.alerts_pane = AlertsPane(self)

        self.docks: dict[str, QDockWidget] = {}
        self._dock("route", "Route", self.journey.pane, Qt.DockWidgetArea.TopDockWidgetArea)
        self._dock("feed", "Live feed", self.feed, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("inspector", "Speakers and quotes", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("charts", "Charts", self.charts, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.docks["feed"], self.docks["charts"], Qt.Orientation.Vertical)
        self._dock("sources", "Sources", self.sources_pane, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._dock("alerts", "Alerts", self.alerts_pane, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["charts"], self.docks["sources"])  # tabs beside the charts
        self.tabifyDockWidget(self.docks["charts"], self.docks["alerts"])
        self.docks["charts"].raise_()

        self.replay_bar = QToolBar("Replay", self)
        self.replay_bar.setObjectName("replayToolBar")
        self.replay_bar.setMovable(False)
        self.replay_bar.addWidget(self.replay)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.replay_bar)
        self.replay_bar.hide()

        self._build_actions()
        self._build_status_bar()
        self._wire()
        self._bind_state()
        self.feed.model.keywords = load_keywords(self.settings)
        self.apply_preferences(load_preferences(self.settings))

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.poll_now)
        self._steps: list[tuple[str, Callable[[], None]]] = []
        self.pane_step_ms: dict[str, float] = {}
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._next_step)
        self._feed_settle = QTimer(self)
        self._feed_settle.setSingleShot(True)
        self._feed_settle.setInterval(FEED_SETTLE_MS)
        self._feed_settle.timeout.connect(self.feed.refresh)
        self._panes_settle = QTimer(self)
        self._panes_settle.setSingleShot(True)
        self._panes_settle.setInterval(PANES_SETTLE_MS)
        self._panes_settle.timeout.connect(self.refresh_panes)
        self._alerts_settle = QTimer(self)  # reads in the feed change which alerts are unread
        self._alerts_settle.setSingleShot(True)
        self._alerts_settle.setInterval(ALERTS_SETTLE_MS)
        self._alerts_settle.timeout.connect(self.refresh_alerts)

        self.resize(1360, 900)
        self.resizeDocks([self.docks["feed"], self.docks["inspector"]], [820, 520], Qt.Orientation.Horizontal)
        route_h = max(60, self.route_bar.sizeHint().height())
        self.resizeDocks([self.docks["route"]], [route_h], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["feed"], self.docks["charts"]], [560, 260], Qt.Orientation.Vertical)
        self._restore_layout()
        self._update_title()

    # -- construction --------------------------------------------------------------------

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    def _action(self, text: str, slot: object,
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
                tip: str = "", icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new = self._action("&New database…", self.new_database, QKeySequence.StandardKey.New,
                                    "Make a new, empty database file", sp.SP_FileIcon)
        self.act_open = self._action("&Open database…", self.choose_database, "Ctrl+Shift+O",
                                     "Open an existing database file", sp.SP_DirOpenIcon)
        self.act_open_team = self._action("Open &team store…", lambda: self.open_team_store(), "Ctrl+Shift+T",
                                          "Open a PostgreSQL team store the team shares", sp.SP_DriveNetIcon)
        self.act_add_source = self._action("&Add source…", self.sources_pane.ask_add, "Ctrl+Shift+A",
                                           "Add a feed or live page to poll", sp.SP_FileDialogNewFolder)
        self.act_import = self._action("&Import file…", self.import_files, "Ctrl+I",
                                       "Read live pages, feeds or post lists from files", sp.SP_ArrowDown)
        self.act_report = self._action("&Export report…", lambda: self.export_report(), "Ctrl+E",
                                       "Save a briefing report as PNG or PDF", sp.SP_DialogSaveButton)
        self.act_quit = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_search = self._action("&Search", self.feed.focus_search, QKeySequence.StandardKey.Find,
                                       "Search posts as you type", sp.SP_FileDialogContentsView)
        self.act_refresh = self._action("&Refresh", self.refresh, "Ctrl+R",
                                        "Poll sources and look for new posts now", sp.SP_BrowserReload)
        self.act_next = self._action("&Next post", self.feed.next_post, "J")
        self.act_previous = self._action("&Previous post", self.feed.previous_post, "K")
        self.act_read = self._action("&Mark all as read", self.mark_all_read, "Shift+Esc",
                                     "Mark every post read (kept in the database) and clear alerts")
        self.act_toggle_read = self._action("Mark read / &unread", self.feed.toggle_read, "M",
                                            "Mark the selected post unread, or read again")
        self.act_next_unread = self._action("Next &unread post", self.feed.next_unread, "N",
                                            "Select the next unread post")
        self.act_page = self._action("Page down, then next unread", self.feed.page_or_next_unread, "Space",
                                     "Scroll a page; at the end of the list, go to the next unread post")
        # Enter and Esc belong to the list and the search box (a dialog's buttons and other
        # fields keep their own Enter and Esc).
        self.act_open_post = self._action("&Open post…", self.feed.open_current, "Return",
                                          "Show the selected post in full, with its versions")
        self.act_open_post.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.feed.view.addAction(self.act_open_post)
        self.act_clear_search = self._action("&Clear search", self.feed.clear_search, "Esc",
                                             "Empty the search box and show every post")
        self.act_clear_search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.feed.addAction(self.act_clear_search)
        self.act_open_original = self._action("Open &original", self.feed.open_original, "Ctrl+O",
                                              "Open the selected post's web page in the browser")
        self.act_copy_link = self._action("Copy &link", self.feed.copy_link, "Ctrl+Shift+C",
                                          "Copy the selected post's web address")
        self.act_shortcuts = self._action("&Keyboard shortcuts", self.show_shortcuts, "F1",
                                          "Every key the window answers to")
        self.act_replay = self._action("&Replay", self.set_replay, "Ctrl+Shift+R",
                                       "Show the situation as of an earlier time", sp.SP_MediaSeekBackward)
        self.act_replay.setCheckable(True)
        self.act_replay.triggered.disconnect()
        self.act_replay.toggled.connect(self.set_replay)
        self.act_reset_layout = self._action("Reset &layout", self.reset_layout)
        self.act_keywords = self._action("Alert &keywords…", self.edit_keywords,
                                         tip="Words that raise an alert")
        self.act_rules = self._action("Alert &rules…", self.alerts_pane.edit_rules,
                                      tip="Searches (words, a speaker, a source) that raise an alert")
        self.act_about = self._action("&About Situation Monitor", self.about)
        self.act_preferences = self._action("P&references…", self.edit_preferences, "Ctrl+,",
                                            "Default poll interval, display time zone, notifications")
        self.act_report.setEnabled(False)  # until the database is open and a renderer is there

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.act_new, self.act_open, self.act_open_team):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.setObjectName("recentMenu")
        self._fill_recent()
        file_menu.addSeparator()
        for action in (self.act_add_source, self.act_import, self.act_report):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view_menu = bar.addMenu("&View")
        for action in (self.act_search, self.act_clear_search, self.act_refresh, self.act_next,
                       self.act_previous, self.act_page):
            view_menu.addAction(action)
        post_menu = bar.addMenu("&Post")
        for action in (self.act_open_post, self.act_open_original, self.act_copy_link, self.act_toggle_read,
                       self.act_next_unread, self.act_read):
            post_menu.addAction(action)
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(self.act_reset_layout)
        view_menu.addSeparator()
        view_menu.addMenu(self.journey.menu)
        view_menu.addAction(self.act_replay)
        alerts_menu = bar.addMenu("&Alerts")
        alerts_menu.addAction(self.act_rules)
        alerts_menu.addAction(self.act_keywords)
        alerts_menu.addAction(self.act_read)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)

        tools = QToolBar("Main", self)
        tools.setObjectName("mainToolBar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_add_source, self.act_import, self.act_search, self.act_refresh,
                       self.act_report, self.act_replay):
            tools.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)
        self.tool_bar = tools

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        # Plain text: the sources' titles and errors come from the feeds and their servers.
        self.sources_label = plain_label("", self)
        self.sources_label.setObjectName("sourcesStatus")
        self.counts_label = plain_label("", self)
        self.counts_label.setObjectName("countsStatus")
        self.busy_label = plain_label("", self)
        self.busy_label.setObjectName("busyStatus")
        self.store_label = plain_label("", self)  # a team store: its name, live or lost
        self.store_label.setObjectName("storeStatus")
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.sources_label)
        bar.addPermanentWidget(self.counts_label)

    def _wire(self) -> None:
        self.inspector.speakerSelected.connect(self._speaker_selected)
        self.inspector.quoteActivated.connect(self.feed.scroll_to_post)
        self.inspector.reassignRequested.connect(
            lambda quote_id, speaker_id: self._correct(data.reassign_quote, quote_id, speaker_id))
        self.inspector.mergeRequested.connect(
            lambda keep_id, merge_id: self._correct(data.merge_speakers, keep_id, merge_id))
        self.inspector.rejectRequested.connect(lambda quote_id: self._correct(data.reject_quote, quote_id))
        self.route_bar.stopClicked.connect(self._stop_clicked)
        self.feed.model.alertsArrived.connect(self._alerts_arrived)
        self.feed.model.postsFound.connect(self._posts_found)
        alerts = self.alerts_pane
        alerts.postActivated.connect(self._open_alert)
        alerts.dismissRequested.connect(lambda hits: self._alerts_write(data.dismiss_alerts, hits))
        alerts.ruleSaved.connect(lambda rule: self._alerts_write(data.save_alert_rule, rule))
        alerts.ruleDeleted.connect(lambda rule_id: self._alerts_write(data.delete_alert_rule, rule_id))
        self.feed.model.unreadChanged.connect(lambda _n: self._alerts_settle.start())
        pane = self.sources_pane
        pane.addRequested.connect(lambda url, interval: self.add_source(url, interval))
        pane.removeRequested.connect(lambda sid, keep: self._change_source(data.remove_source, sid, keep))
        pane.enableRequested.connect(lambda sid, on: self._change_source(data.set_source_enabled, sid, on))
        pane.renameRequested.connect(lambda sid, title: self._change_source(data.rename_source, sid, title))
        pane.intervalRequested.connect(
            lambda sid, secs: self._change_source(data.set_source_interval, sid, secs))
        pane.tierRequested.connect(self._change_tier)
        self.docks["inspector"].visibilityChanged.connect(
            lambda visible: self._show_quotes() if visible and self._quotes_stale else None)
        self.replay.asOfChanged.connect(self._replay_moved)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._palette_changed)

    # -- opening a database --------------------------------------------------------------

    def open_database(self, db_path: Target, *, seed: bool = False, create: bool = False) -> None:
        """Open ``db_path`` (seeding an empty default one) off the GUI thread: a database file,
        or a team store's ``postgresql://`` URL (shown with its password hidden).

        A file that does not exist is an error unless ``create`` (File → New database) or
        ``seed`` (the default database) says to make it.
        """
        team = self._stop_team()
        self._poll_timer.stop()  # started again once a file is open; never on a team store
        if self.runner is not None:
            self.runner.shutdown()
            self.runner.deleteLater()
        if team is not None:
            team.stop()
        self._open_ok = False
        self.db_path = db_path if is_postgres(db_path) else Path(db_path)
        self.db_label = redact(str(db_path)) if is_postgres(db_path) else str(db_path)
        self._forget_database()
        self.runner = Runner(self.db_path, self, create=create or seed)
        self.runner.busyChanged.connect(self._busy)
        self.statusBar().showMessage(f"Opening {self.db_label}…")
        self._update_title()
        self.runner.write(data.open_and_seed, seed, on_result=self._opened, on_error=self._open_failed)

    def _forget_database(self) -> None:
        """Drop everything shown of the previous database: replay, filters, unread marks,
        alerts, counts, charts and panes start again from the new one."""
        self.snapshot = None
        self.state.clear()
        self._steps = []
        self._snapshot_busy = False
        self._snapshot_again = False
        self._polling = False
        if self.act_replay.isChecked():
            self.act_replay.blockSignals(True)
            self.act_replay.setChecked(False)
            self.act_replay.blockSignals(False)
        self.replay_bar.hide()
        self.replay.reset()
        self.as_of = None
        if hasattr(self.route_bar, "clock"):
            self.route_bar.clock = utc_now
        self.alert_count = 0
        self.alerts_pane.set_inbox(data.AlertInbox([], [], 0, 0))
        self.feed.model.set_rule_alerts({})
        self._speaker_names = {}
        self._selected_speaker = None
        self._speaker_quotes = None
        self.feed.reset()
        self.inspector.set_speakers([])
        self.inspector.set_quotes([], {})
        self.charts.clear()
        self.route_bar.set_route(None)
        self.route_bar.set_estimate(None)
        self.route_bar.set_observations([])
        self.counts_label.setText("")
        self.sources_label.setText("")
        self.sources_label.setToolTip("")
        self.sources_label.setStyleSheet("")
        self.store_label.setText("")
        self.store_label.setStyleSheet("")
        self.sources_pane.poller_note = ""

    def _opened(self, result: data.OpenResult) -> None:
        self._open_ok = True
        self._recent_try = None
        self.features = result.features
        if not result.team:  # a file is opened again next time; a URL is given each time
            self.settings.setValue("last_db", result.db_path)
        self._remember(str(self.db_path) if result.team else result.db_path)
        if self._team_dialog is not None:
            self._team_dialog.accept()
        self.act_report.setEnabled(result.features.report)
        if not result.features.report:
            self.act_report.setToolTip("Reports are not part of this build")
        message = f"Opened {result.where if result.team else result.db_path}: {result.post_count:,} posts"
        if result.seeded:
            message += f" ({result.seeded} from the built-in story)"
        self.statusBar().showMessage(message, 8000)
        for note in result.notes:
            log.warning("seeding: %s", note)
        self.feed.set_runner(self.runner)
        # The feed's first page is read alone; the situation, a far larger read, follows it.
        self.feed.model.after_page(self.refresh_panes)
        self._clock.start()
        if result.team and self.runner is not None:
            self._start_team(result.where)
        else:
            self._poll_timer.start()
        self.opened.emit(result)

    def _open_failed(self, exc: Exception) -> None:
        text = str(exc) or exc.__class__.__name__
        if "locked" in text.lower():
            text += "\n\nAnother program is writing to this database. Close it and try again."
        self.statusBar().showMessage(f"Cannot open the database: {text.splitlines()[0]}")
        self.feed.show_message(f"Cannot open the database. {text.splitlines()[0]}")
        recent, self._recent_try = self._recent_try, None
        if recent is not None and needs_password(text) and self._team_dialog is None:
            # A recent team store is tried without a password first; the server wants one.
            # Cancelled, the dialog opens again what was open before the recent store was chosen.
            self.open_team_store(recent)
            self._before_dialog, self._dialog_tried = self._before_recent, True
        if self._team_dialog is not None:  # the dialog says why and stays open for a fix
            self._team_dialog.show_error(text)
            self.openFailed.emit(text)
            return
        self.openFailed.emit(text)
        box = plain_message_box(QMessageBox.Icon.Critical, "Cannot open database",
                                f"Situation Monitor cannot open the database.\n\n{text}\n\n"
                                "Choose another file with File → Open database.",
                                QMessageBox.StandardButton.Ok, self)
        box.setObjectName("openErrorBox")
        box.open()
        self.error_box = box

    def choose_database(self) -> None:
        """Ask for an existing database file and open it (nothing is created)."""
        start = str(self.db_path.parent) if isinstance(self.db_path, Path) else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open database", start, "SQLite databases (*.db *.sqlite);;All files (*)")
        if path:
            self.open_database(Path(path))

    def open_team_store(self, url: str = "") -> TeamStoreDialog:
        """Ask where a team store is (File → Open team store), filled from ``url`` or the team
        store open now (without its password); the dialog stays open until one opens."""
        dialog = self._team_dialog
        if dialog is None:
            if not url and isinstance(self.db_path, str):
                url = _without_password(self.db_path)
            dialog = TeamStoreDialog(self, url)
            dialog.openRequested.connect(self._try_team_store)
            dialog.finished.connect(self._team_dialog_closed)
            self._team_dialog = dialog
            self._before_dialog = self.db_path
            self._dialog_tried = False
        elif url:
            dialog.set_url(url)
        dialog.open()
        return dialog

    def _try_team_store(self, url: str) -> None:
        self._dialog_tried = True
        self.open_database(url)

    def _team_dialog_closed(self, result: int) -> None:
        dialog, self._team_dialog = self._team_dialog, None
        if dialog is not None:
            dialog.password.clear()  # not kept in memory longer than the dialog lives
            dialog.deleteLater()
        before, self._before_dialog = self._before_dialog, None
        if result != QDialog.DialogCode.Accepted and self._dialog_tried and not self._open_ok \
                and before is not None:
            self.open_database(before)  # cancelled after a failed try: back to what was open

    # -- File → Open recent --------------------------------------------------------------

    def recent_targets(self) -> list[str]:
        """What File → Open recent lists, newest first: files' paths, team stores' URLs (never
        with a password)."""
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # an INI file gives back a list of one as its item
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, target: str) -> None:
        if is_postgres(target):
            target = _without_password(target)
            if not target:
                return
        entries = [target] + [t for t in self.recent_targets() if t != target]
        self.settings.setValue(RECENT_KEY, entries[:RECENT_MAX])
        self._fill_recent()

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        targets = self.recent_targets()
        for number, target in enumerate(targets, 1):
            if is_postgres(target):
                label, where = f"Team store {store_name(target)}", redact(target)
            else:
                label, where = f"{Path(target).name} — {Path(target).parent}", target
            # Names come from the user's own files and servers: & would be read as a mnemonic.
            action = menu.addAction(f"&{number} {label.replace('&', '&&')}")
            action.setToolTip(where)
            action.setStatusTip(where)
            action.setData(target)
            action.triggered.connect(lambda _=False, t=target: self.open_recent(t))
        menu.setToolTipsVisible(True)
        if targets:
            menu.addSeparator()
            menu.addAction("&Clear list", self._clear_recent)
        menu.setEnabled(bool(targets))

    def _clear_recent(self) -> None:
        self.settings.remove(RECENT_KEY)
        self._fill_recent()

    def open_recent(self, target: str) -> None:
        """Open a file or a team store again; a team store is tried without a password, and the
        Open team store dialog asks for one only when the server wants it."""
        if is_postgres(target):
            self._recent_try, self._before_recent = target, self.db_path
            self.open_database(target)
        else:
            self.open_database(Path(target))

    def new_database(self) -> None:
        """Ask for a new database file's name and make it (an existing database is opened,
        never overwritten)."""
        start = str(self.db_path.parent) if isinstance(self.db_path, Path) else ""
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", start, "SQLite databases (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_database(Path(path), create=True)

    # -- the situation -------------------------------------------------------------------

    def refresh_panes(self) -> None:
        """Recompute what the panes show (as of the replay time, or now)."""
        if self.runner is None:
            return
        if self._snapshot_busy:
            self._snapshot_again = True
            return
        self._snapshot_busy = True
        runner = self.runner
        # A snapshot of the database opened before this one may still arrive: it is dropped.
        def applied(snap: data.Snapshot) -> None:
            if runner is self.runner:
                self._apply_snapshot(snap)

        def failed(exc: Exception) -> None:
            if runner is self.runner:
                self._snapshot_failed(exc)

        self.runner.read(data.snapshot, self.as_of, on_result=applied, on_error=failed)

    def _apply_snapshot(self, snap: data.Snapshot) -> None:
        self._snapshot_busy = False
        if self._snapshot_again:
            self._snapshot_again = False
            self.refresh_panes()
            return
        if snap.at != self.as_of:
            return  # the replay moved on while this was computed
        self.snapshot = snap
        self.feed.set_sources([(s.source.id, s.label) for s in snap.sources], snap.unread,
                              snap.unread_copies)
        self.sources_pane.set_sources(snap.sources)
        self.alerts_pane.sources = [(s.source.id, s.label) for s in snap.sources]
        self.scan_alerts()
        if self.as_of is None:
            self.replay.set_span(snap.span)
        self._update_sources_status(snap.sources)
        # The state emits only for the parts whose fingerprints changed; the panes bound to
        # those signals take their data (see _bind_state).
        if snap.situation is not None:
            self.state.set_situation(snap.situation, snap.versions)
        self._step("", lambda: self.snapshotApplied.emit(snap))

    # -- the panes follow the state --------------------------------------------------------

    def _bind_state(self) -> None:
        """Connect each part of the situation to the panes that show it. The state is written
        on this (the GUI) thread only — worker results arrive here — so these run here."""
        state = self.state
        state.journey_changed.connect(self._journey_changed)
        state.estimate_changed.connect(self._estimate_changed)
        state.now_changed.connect(self._now_changed)
        state.speakers_changed.connect(self._speakers_changed)
        state.speakers_patched.connect(self._speakers_patched)
        state.quotes_changed.connect(self._quotes_changed)
        state.posts_changed.connect(self._posts_changed)
        state.counts_changed.connect(self._update_counts)
        state.rows_changed.connect(self._rows_changed)

    def _step(self, name: str, step: Callable[[], None]) -> None:
        """Run ``step`` in an event-loop turn of its own, after those already queued: a stall
        is then one pane's work, never the sum of all of them."""
        self._steps.append((name, step))
        self._step_timer.start()

    def _journey_changed(self, journey: Journey) -> None:
        self._step("route bar", lambda: self.journey.apply(journey))
        self._step("charts: journey", lambda: self.charts.set_journey(
            journey.route, list(journey.chart), list(journey.observations), journey.estimate))

    def _estimate_changed(self, estimate: Estimate | None) -> None:
        self._step("route bar: estimate", lambda: self.journey.show_estimate(estimate))

    def _now_changed(self, _now: object) -> None:
        self.route_bar.update()  # its relative times ("3 min ago") count from the clock

    def _speakers_changed(self, speakers: tuple[Speaker, ...]) -> None:
        self._speaker_names = {s.id: s.name for s in speakers}
        self.alerts_pane.speakers = [s.name for s in speakers]
        self._step("inspector: speakers", lambda: self.inspector.set_speakers(speakers))
        self._step("charts: speakers", lambda: self.charts.set_speakers(list(speakers)))

    def _speakers_patched(self, patch: SpeakersPatch) -> None:
        self._speaker_names = {s.id: s.name for s in patch.speakers}
        self.alerts_pane.speakers = [s.name for s in patch.speakers]
        self._step("inspector: speakers",
                   lambda: self.inspector.update_speakers(patch.changed, patch.removed, patch.speakers))
        self._step("charts: speakers", lambda: self.charts.set_speakers(list(patch.speakers)))

    def _quotes_changed(self, _quotes: Quotes) -> None:
        self._step("inspector: quotes", self._show_quotes)

    def _posts_changed(self, posts: Posts) -> None:
        self._step("charts: posts", lambda: self.charts.set_hour_counts(*posts.post_hours))

    def _rows_changed(self, rows: Rows) -> None:
        """A write changed these posts' quotes: the feed reads their rows again in place (a feed
        listing one touched speaker's posts reads its list again: the list itself changed)."""
        model = self.feed.model
        if model.feed_filter.speaker_id is not None and model.feed_filter.speaker_id in rows.speakers:
            model.reload()
        else:
            model.refresh_posts(rows.posts)

    def _next_step(self) -> None:
        if self._steps:
            name, step = self._steps.pop(0)
            started = time.perf_counter()
            step()
            if name:  # the longest each pane took to take its data, for bench/gui_responsiveness.py
                spent = (time.perf_counter() - started) * 1000
                self.pane_step_ms[name] = max(self.pane_step_ms.get(name, 0.0), spent)
        if self._steps:
            self._step_timer.start()

    def _snapshot_failed(self, exc: Exception) -> None:
        self._snapshot_busy = False
        self.statusBar().showMessage(f"Could not read the situation: {exc}", 10000)
        if self.team is not None:
            self.team.check()  # is the team store still there?
        if self._snapshot_again:
            self._snapshot_again = False
            self.refresh_panes()

    def _read_failed(self, exc: Exception) -> None:
        self.statusBar().showMessage(f"Could not read the situation: {exc}", 10000)
        if self.team is not None:
            self.team.check()

    def _update_counts(self, counts: Counts) -> None:
        speakers = max(counts.speakers, len(self.state.speakers))
        self.counts_label.setText(
            f"{counts.posts:,} posts · {counts.quotes:,} quotes · {speakers:,} speakers")

    def _update_sources_status(self, sources: list[data.SourceState]) -> None:
        now = utc_now()
        parts: list[str] = []
        tips: list[str] = []
        failing = 0
        for state in sources:
            src = state.source
            name = state.label
            polled = parse_iso(src.last_polled)
            when = relative_time(polled, now) if polled else "not polled"
            status = f"error: {src.last_error}" if src.last_error else (src.last_status or "ok")
            tips.append(f"{name} — {state.post_count:,} posts — last poll {when} — {status}")
            failing += bool(src.last_error)
        if sources:
            parts.append(f"{len(sources)} source{'s' if len(sources) != 1 else ''}")
        if failing:
            parts.append(f"{failing} failing")
            self.sources_label.setStyleSheet(f"color: {theme.FAILING}; font-weight: bold;")
        else:
            self.sources_label.setStyleSheet("")
        latest = max((t for s in sources if (t := parse_iso(s.source.last_polled)) is not None),
                     default=None)
        by = " by monitor watch" if self.on_team_store else ""
        if latest is not None:
            parts.append(f"polled{by} {relative_time(latest, now)}")
        elif self.on_team_store and any(s.source.subscribed and s.source.enabled for s in sources):
            parts.append("not polled yet: is monitor watch running?")
        if self.on_team_store:
            tips.insert(0, TEAM_POLLING)
        self.sources_label.setText(" · ".join(parts) or "no sources")
        self.sources_label.setToolTip(plain_tooltip("\n".join(tips)))

    def _tick(self) -> None:
        """The minute clock: "now" moves (live, the estimate on the cached schedule) and the
        status bar's relative times follow; nothing is read and no pane is rebuilt."""
        self.state.set_now(utc_now())
        if self.snapshot is not None:
            self._update_sources_status(self.snapshot.sources)

    # -- new posts -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Poll every source now, then look for new posts and recompute the panes."""
        self.poll_now(force=True)

    def after_new_posts(self) -> None:
        """New or edited posts may be in the store: bring the feed and panes up to date soon."""
        # Timers that are already running are not restarted, so a steady stream still shows.
        if not self._feed_settle.isActive():
            self._feed_settle.start()
        if not self._panes_settle.isActive():
            self._panes_settle.start()

    def _posts_found(self, _count: int) -> None:
        """The feed found new or edited posts. After this app's own poll or import the panes are
        already due to follow; posts another program wrote (`monitor watch` in a terminal) bring
        the other panes up to date too."""
        if not self._panes_settle.isActive():
            self._panes_settle.start()

    def poll_now(self, force: bool = False) -> None:
        """Poll the due sources (all of them when ``force``) in the writer thread. On a team
        store the window polls nothing (the team's ``monitor watch`` does, see
        docs/team-store.md): asked to, it looks for what the poller stored."""
        if self.runner is None or self._polling:
            return
        if self.on_team_store:
            if force:
                self.statusBar().showMessage(
                    "Team store: the sources are polled by the team's poller (monitor watch), "
                    "not by this window; looking for new posts", 8000)
                self.after_new_posts()
                self.refresh_sources()
            return
        self._polling = True
        self.runner.ingest(data.poll, bool(force), on_result=lambda reports: self._polled(reports, force),
                          on_error=self._poll_failed)

    def _polled(self, reports: list, asked: bool = False) -> None:
        self._polling = False
        errors = [r for r in reports if getattr(r, "error", None)]
        added = sum(getattr(r, "added", 0) for r in reports)
        if errors:
            self.statusBar().showMessage(
                f"{len(errors)} source{'s' if len(errors) != 1 else ''} failed: {errors[0].error}", 15000)
        elif reports:
            self.statusBar().showMessage(f"Polled {len(reports)} source(s): {added} new posts", 5000)
        if not (reports or asked):
            return
        changes = merge_changes(getattr(r, "changes", NO_CHANGES) for r in reports)
        if asked or self.state.apply(changes):
            # Asked for: look anyway (posts may come from an import elsewhere).
            self.after_new_posts()
        else:
            # The round stored nothing but the sources' state: the status bar reads the sources
            # alone, and the feed still looks for posts another process wrote (a cheap "since
            # the mark"); the other panes follow the next write that changes what they show.
            self.refresh_sources()
            if not self._feed_settle.isActive():
                self._feed_settle.start()

    # -- a team store --------------------------------------------------------------------

    @property
    def on_team_store(self) -> bool:
        """True when the window shows a team store (PostgreSQL), from the moment it is asked
        to open one: the window then polls nothing (the team's ``monitor watch`` does)."""
        return isinstance(self.db_path, str)

    def _start_team(self, where: str) -> None:
        """Listen for other processes' changes to the team store, and say whose polls fill it."""
        assert self.runner is not None
        self.team = TeamLink(self.runner, where, self)
        self.team.changed.connect(self._team_changed)
        self.team.lost.connect(self._connection_lost)
        self.team.reconnected.connect(self._reconnected)
        self._panes_settle.setInterval(TEAM_PANES_SETTLE_MS)
        self._show_store_live(where)
        self.sources_pane.poller_note = TEAM_POLLING
        self.team.start()

    def _stop_team(self) -> TeamLink | None:
        """Stop listening to the team store; the link, to stop once more after the runner shut
        down (a try under way then may have started a listener whose answer never arrives)."""
        self._panes_settle.setInterval(PANES_SETTLE_MS)
        team, self.team = self.team, None
        if team is not None:
            team.stop()
            team.deleteLater()
        return team

    def _team_changed(self, changes: OpChanges) -> None:
        """Another process wrote to the team store: refresh what its changes name, as after the
        window's own writes — new or edited posts through the feed's "changed since" and then
        the panes; a correction through the quote side and the quoted posts' rows alone; a
        source's state in the status bar and the Sources dock; the route, the whole situation."""
        if changes.route:
            self.feed.model.reload()
            self.refresh_panes()
        elif changes.posts:
            self.state.apply(changes)  # rows whose quotes changed without the post changing
            self.after_new_posts()
        elif changes.quotes_changed or changes.journey_changed:
            self._corrected(changes)
            if changes.journey_changed:
                self.refresh_panes()
        if changes.sources and not (changes.posts or changes.route):
            self.refresh_sources()
        if changes.alerts:
            self.refresh_alerts()
        self.teamChangesApplied.emit(changes)

    def _show_store_live(self, where: str, state: str = "live") -> None:
        self.store_label.setText(f"Team store {store_name(where)} · {state}")
        self.store_label.setToolTip(plain_tooltip(f"{where}\n{TEAM_POLLING}"))
        self.store_label.setStyleSheet("")

    def _connection_lost(self, message: str) -> None:
        """The team store's connection is lost: say so and keep showing what is there; the
        link reconnects in the background."""
        where = self.team.where if self.team is not None else self.db_label
        wait = message.rsplit("; ", 1)[-1] if "; " in message else "reconnecting"
        self.store_label.setText(f"⚠ Team store {store_name(where)}: connection lost, {wait}")
        self.store_label.setToolTip(plain_tooltip(message))
        self.store_label.setStyleSheet(f"color: {theme.FAILING}; font-weight: bold;")
        self.statusBar().showMessage(message)
        self._polling = False
        self.connectionChanged.emit(False)

    def _reconnected(self) -> None:
        """Listening again: say so, then read again what may have changed while nobody listened."""
        where = self.team.where if self.team is not None else self.db_label
        self._show_store_live(where, "reconnected")
        self.statusBar().showMessage(f"Reconnected to {where}", 10000)
        team = self.team

        def settled() -> None:
            if isValid(self) and team is self.team and team is not None and not team.is_lost:
                self._show_store_live(where)

        QTimer.singleShot(RECONNECTED_MS, self, settled)
        self.feed.show_message("")
        if self.feed.model.rowCount() == 0:
            self.feed.model.reload()  # the first page never came: read it now
        else:
            self.feed.refresh()
        self.refresh_panes()
        self.refresh_sources()
        self.refresh_alerts()
        self.connectionChanged.emit(True)

    def refresh_sources(self) -> None:
        """Read the sources' state again for the status bar (after a poll that stored nothing)."""
        if self.runner is not None:
            self.runner.read(data.source_states, on_result=self._apply_sources, on_error=self._read_failed)

    def _apply_sources(self, sources: list[data.SourceState]) -> None:
        snap = self.snapshot
        if snap is None:
            return
        self.snapshot = snap = replace(snap, sources=list(sources))
        self.feed.set_sources([(s.source.id, s.label) for s in sources])
        self.sources_pane.set_sources(sources)
        self._update_sources_status(sources)
        self.sourcesApplied.emit(sources)

    def _poll_failed(self, exc: Exception) -> None:
        self._polling = False
        self.statusBar().showMessage(f"Polling failed: {exc}", 10000)
        self.refresh_panes()

    def import_files(self, paths: list[str] | None = None) -> None:
        """Ingest files chosen by the user (or given), in the writer thread."""
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, "Import live pages, feeds or post lists")
        if not paths or self.runner is None:
            return
        self.statusBar().showMessage(f"Importing {len(paths)} file(s)…")
        self.runner.ingest(data.ingest_paths, list(paths), on_result=self._imported,
                          on_error=lambda exc: self._warn("Import failed", str(exc)))

    def _imported(self, reports: list) -> None:
        added = sum(r.added for r in reports if r.ok)
        updated = sum(r.updated for r in reports if r.ok)
        errors = [r.error for r in reports if not r.ok]
        self.statusBar().showMessage(f"Imported: {added} new, {updated} updated posts", 10000)
        if errors:
            self._warn("Some files could not be read", "\n".join(errors[:20]))
        self.after_new_posts()

    def add_source(self, url: str | None = None, interval: int | None = None) -> None:
        """Add a feed or page (asking for its address and interval unless given) and poll it at once."""
        if url is None:
            self.sources_pane.ask_add()
            return
        if self.runner is None or not url.strip():
            return
        self.runner.write(data.add_source, url.strip(), interval or self.sources_pane.default_interval,
                          on_result=self._source_added,
                          on_error=lambda exc: self._warn("Cannot add source", str(exc)))

    def _source_added(self, _source: object) -> None:
        """Poll a source just added at once; on a team store, the team's poller polls it at its
        next round (a new source is due at once) and the window shows it now."""
        if not self.on_team_store:
            self.poll_now(force=True)
            return
        self.statusBar().showMessage("Source added: the team's poller (monitor watch) polls it at its "
                                     "next round", 10000)
        self.refresh_sources()

    def _change_source(self, fn: Callable[..., OpChanges], source_id: int, value: object) -> None:
        """Run a change to one source on the writer thread, then show the sources again (and the
        feed without the posts of a source deleted with them)."""
        if self.runner is not None:
            self.runner.write(fn, source_id, value, on_result=self._source_changed,
                              on_error=lambda exc: self._warn("Cannot change the source", str(exc)))

    def _change_tier(self, source_id: int, tier: str) -> None:
        """Mark a source's tier; the feed's rows are read again to show it."""
        def done(changes: OpChanges) -> None:
            self._source_changed(changes)
            self.feed.model.reload()

        if self.runner is not None:
            self.runner.write(set_source_tier, source_id, tier, on_result=done,
                              on_error=lambda exc: self._warn("Cannot change the source", str(exc)))

    def _source_changed(self, changes: OpChanges) -> None:
        if changes.posts_updated:  # posts deleted: the feed loses them
            if self.feed.current_filter().source_id in changes.sources:
                self.feed.set_source_filter(None)
            self.feed.model.reload()
            self.refresh_panes()
        else:
            self.refresh_sources()
        self.sourcesChanged.emit(changes)

    def export_report(self, path: str | None = None) -> None:
        """Save a briefing report (PNG or PDF) as of the replay time or now (asking where unless given)."""
        if self.runner is None or not self.features.report:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export report", "situation-report.pdf",
                                                  "PDF (*.pdf);;PNG image (*.png)")
        if path:
            # Read on a worker, drawn here: the worker never waits for this thread, so closing
            # the window during an export cannot deadlock with the shutdown waiting for it.
            ready: list = []
            self._exports.append(ready)

            def failed(exc: Exception) -> None:
                if ready in self._exports:
                    self._exports.remove(ready)
                self._warn("Report failed", str(exc))

            self.runner.read(
                data.prepare_report, path, self.as_of, ready,
                on_result=lambda prepared: self._write_report(ready, prepared),
                on_error=failed,
            )

    def _write_report(self, ready: list, prepared: PreparedReport) -> None:
        if ready not in self._exports:
            return  # already written at close
        self._exports.remove(ready)
        try:
            out = prepared.write()
        except Exception as exc:  # noqa: BLE001 - a report that cannot be drawn is named, not fatal
            self._warn("Report failed", str(exc))
            return
        self.statusBar().showMessage(f"Report saved: {out}", 10000)
        self.reportSaved.emit(str(out))

    def _correct(self, fn: Callable[..., object], *args: int) -> None:
        if self.runner is None:
            return
        author = self.prefs.author or None  # the name in Preferences; blank: the user logged in
        self.runner.write(lambda monitor, *rest: fn(monitor, *rest, author=author), *args,
                          on_result=self._corrected,
                          on_error=lambda exc: self._warn("Correction not saved", str(exc)))

    def _corrected(self, changes: OpChanges) -> None:
        """Refresh what a correction changed: the quoted posts' rows in the feed (the state's
        ``rows_changed``) and the quote side of the panes, not the whole situation (the route,
        the charts of posts, the feed's pages)."""
        stale = self.state.apply(changes)
        if self._snapshot_busy:
            self._snapshot_again = True  # one read before the correction must not be the last word
        if QUOTES in stale and self.runner is not None:
            self.runner.read(data.corrected_quotes, self.as_of, changes,
                             on_result=lambda said: self._apply_quotes(said, changes),
                             on_error=self._read_failed)

    def _apply_quotes(self, said: data.QuotesAt | data.QuotesPatch, changes: OpChanges) -> None:
        snap = self.snapshot
        if snap is None or said.at != self.as_of or snap.at != self.as_of:
            return  # the replay moved on: the next snapshot brings the quotes
        if isinstance(said, data.QuotesPatch):
            # The speakers the correction touched are patched in; the list keeps its order
            # (most quoted first) and the next situation read gives the top speakers again.
            self.state.patch_quotes(said.quotes, said.quote_posts, said.speakers, said.removed,
                                    len(changes.quotes_deactivated))
        else:
            self.state.set_quotes(said)
        situation = self.state.situation
        if situation is not None:
            self.snapshot = replace(snap, quote_count=situation.quote_count,
                                    speaker_count=situation.speaker_count, speakers=list(situation.speakers),
                                    quotes=list(situation.quotes), quote_posts=situation.quote_posts,
                                    situation=situation)
        self._step("", lambda: self.quotesApplied.emit(changes))

    def _warn(self, title: str, text: str) -> None:
        self.statusBar().showMessage(f"{title}: {text.splitlines()[0] if text else ''}", 10000)
        if self.team is not None and self.team.is_lost:
            return  # the status bar says the connection is lost: no dialog for each failed job
        box = plain_message_box(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.open()
        self.warning_box = box

    # -- panes talking to each other -----------------------------------------------------

    def _speaker_selected(self, speaker_id: int | None) -> None:
        self._selected_speaker = None if speaker_id is None else int(speaker_id)
        if self._selected_speaker is None:
            self.feed.set_speaker_filter(None)
        else:
            sid = self._selected_speaker
            self.feed.set_speaker_filter(sid, self._speaker_names.get(sid, ""))
        self._show_quotes()

    def inspector_quotes(self) -> tuple[list, int]:
        """The quotes the inspector lists: the selected speaker's (once read), else the newest of
        everyone's; newest first and at most QUOTES_SHOWN; with the number there are in all."""
        snap = self.snapshot
        if snap is None:
            return [], 0
        if self._selected_speaker is not None:
            found = self._current_speaker_quotes()
            return (list(found.quotes), found.total) if found else ([], 0)
        return list(snap.quotes), snap.quote_count

    def _current_speaker_quotes(self) -> data.SpeakerQuotes | None:
        found = self._speaker_quotes
        snap = self.snapshot
        if found is None or snap is None or found.speaker_id != self._selected_speaker or found.at != snap.at:
            return None
        return found

    def _show_quotes(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        if self.docks["inspector"].isHidden():
            self._quotes_stale = True  # filled when the pane is shown again
            return
        self._quotes_stale = False
        if self._selected_speaker is not None:
            # One speaker's quotes are read on their own: the snapshot holds only the newest.
            self._speaker_quotes = None
            if self.runner is not None:
                self.runner.read(data.speaker_quotes, self._selected_speaker, snap.at,
                                 on_result=self._speaker_quotes_read)
            return
        self._list_quotes(snap.quotes, snap.quote_posts, snap.quote_count)

    def _speaker_quotes_read(self, found: data.SpeakerQuotes) -> None:
        self._speaker_quotes = found
        if self._current_speaker_quotes() is None:
            return  # the analyst moved on while this was read
        self._list_quotes(found.quotes, found.posts, found.total)

    def _list_quotes(self, shown: list, posts: dict, total: int) -> None:
        # Rows are patched in place when few differ (a correction, a few new quotes).
        their_posts = {q.post_id: posts[q.post_id] for q in shown if q.post_id in posts}
        self.inspector.update_quotes(shown, their_posts)
        if total > len(shown):
            who = self._speaker_names.get(self._selected_speaker, "everyone") \
                if self._selected_speaker is not None else "everyone"
            self.statusBar().showMessage(
                f"Quotes: the newest {len(shown):,} of {total:,} by {who} are listed", 10000)

    def _stop_clicked(self, name: str) -> None:
        self.feed.set_search(f'"{name}"')
        self.docks["feed"].raise_()

    # -- alerts --------------------------------------------------------------------------

    def _alerts_arrived(self, found: dict) -> None:
        self.alert_count += len(found)
        self._update_title()
        words = sorted({k for keys in found.values() for k in keys})
        self.notifier.notify(
            f"{len(found)} new post{'s' if len(found) != 1 else ''} mention {', '.join(words)}",
            "Situation Monitor marked them in the feed.",
        )

    def mark_all_read(self) -> None:
        """Mark every post read (kept in the database) and clear alerts."""
        self.feed.mark_all_read()
        self.alert_count = 0
        self._update_title()
        self.refresh_alerts()

    def scan_alerts(self) -> None:
        """Match the alert rules against the posts that arrived since they last looked."""
        if self.runner is not None:
            runner = self.runner
            self.runner.write(data.scan_alerts, on_result=lambda scan: self._alerts_scanned(scan, runner),
                              on_error=self._alerts_failed)

    def refresh_alerts(self) -> None:
        """Read the alert inbox again (after reads: writes run in turn, so it sees them). Nobody
        asked for it, so a failure is said in the status bar, not in a dialog."""
        self._alerts_write(data.alert_inbox, quiet=True)

    def _alerts_write(self, fn: Callable[..., data.AlertInbox], *args: object, quiet: bool = False) -> None:
        if self.runner is None:
            return
        runner = self.runner

        def failed(exc: Exception) -> None:
            if quiet:
                self._alerts_failed(exc)
            elif self.alerts_pane.rules_dialog is not None and self.alerts_pane.rules_dialog.isVisible():
                self.alerts_pane.rules_dialog.show_error(str(exc))
            else:
                self._warn("Alerts", str(exc))

        self.runner.write(fn, *args, on_result=lambda inbox: self._apply_alerts(inbox, runner),
                          on_error=failed)

    def _alerts_failed(self, exc: Exception) -> None:
        """An alert scan or inbox read nobody asked for failed: said in the status bar."""
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.statusBar().showMessage(f"Alerts: {text}", 10000)
        if self.team is not None:
            self.team.check()

    def _alerts_scanned(self, scan: data.AlertScan, runner: Runner) -> None:
        if not isValid(self) or runner is not self.runner:
            return  # a scan of the database opened before this one, or of a closed window
        fresh = [h for h in scan.new if h.fresh]
        told = [h for h in fresh if h.notify]
        if told:
            names = sorted({h.rule_name for h in told})
            self.notifier.notify(
                f"{len(told)} new post{'s' if len(told) != 1 else ''} for {', '.join(names)}",
                told[0].title or "Situation Monitor listed them under Alerts.")
        if any(h.sound for h in fresh):
            self.notifier.beep()
        self._apply_alerts(scan.inbox, runner)

    def _apply_alerts(self, inbox: data.AlertInbox, runner: Runner) -> None:
        if not isValid(self) or not isValid(self.alerts_pane) or runner is not self.runner:
            return  # the window closed (or opened another database) while the job ran
        self.alerts_pane.set_inbox(inbox)
        self.feed.model.set_rule_alerts(self.alerts_pane.highlights())
        self._update_title()
        self.alertsApplied.emit(inbox)

    def _open_alert(self, post_id: int) -> None:
        self.feed.scroll_to_post(post_id)
        self.docks["feed"].raise_()
        self._alerts_write(data.read_alert, post_id)

    def edit_keywords(self) -> None:
        """Edit the alert keywords."""
        dialog = KeywordsDialog(self.feed.model.keywords, self)
        if dialog.exec():
            self.set_keywords(dialog.keywords())

    def set_keywords(self, keywords: tuple[str, ...]) -> None:
        """Use and keep these alert keywords."""
        self.feed.model.keywords = tuple(keywords)
        save_keywords(self.settings, tuple(keywords))

    # -- preferences ---------------------------------------------------------------------

    def edit_preferences(self) -> None:
        """File → Preferences: edit, then apply and keep them."""
        dialog = PreferencesDialog(self.prefs, self.snapshot.route if self.snapshot else None, self)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.set_preferences(dialog.preferences())

        dialog.finished.connect(done)
        self.preferences_dialog = dialog
        dialog.open()

    def set_preferences(self, prefs: Preferences) -> None:
        """Use and keep these preferences."""
        save_preferences(self.settings, prefs)
        self.apply_preferences(prefs)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Use ``prefs``: the interval Add source offers, the zone times are shown in,
        notifications on or off."""
        self.prefs = prefs
        self.sources_pane.default_interval = prefs.interval
        set_display_zone(prefs.zone())
        self.notifier.enabled = prefs.notify
        self.feed.delegate.clear_cache()
        self.feed.view.viewport().update()
        self._update_title()

    # -- replay --------------------------------------------------------------------------

    def set_replay(self, on: bool) -> None:
        """Show or leave the replay bar; leaving returns every pane to now."""
        if self.act_replay.isChecked() != on:
            self.act_replay.setChecked(on)
            return
        self.replay_bar.setVisible(on)
        if on:
            if self.snapshot is not None:
                self.replay.set_span(self.snapshot.span)
            self._replay_moved(self.replay.as_of())
        else:
            self._replay_moved(None)

    def _replay_moved(self, when: datetime | None) -> None:
        if when is not None and not self.act_replay.isChecked():
            return  # the slider is hidden and off: only the reader starts a replay
        if when is None and self.act_replay.isChecked():
            self.act_replay.setChecked(False)  # "Live" pressed: comes back here with replay off
            return
        self.as_of = when
        if hasattr(self.route_bar, "clock"):  # relative times on the bar count from the replay time
            self.route_bar.clock = (lambda: when) if when is not None else utc_now
        self.feed.set_as_of(to_iso(when) if when else None)
        self._update_title()
        self.refresh_panes()

    # -- window --------------------------------------------------------------------------

    def _update_title(self) -> None:
        title = "Situation Monitor"
        if isinstance(self.db_path, Path):
            title += f" — {self.db_path.name}"
        elif self.db_path is not None:
            title += f" — {self.db_label}"  # a team store: its URL with no password
        if self.as_of is not None:
            title += f" — replay as of {local_time(self.as_of, 'minute')}"
        # Keyword alerts and unread rule hits; a new post both found is counted once.
        keyword_posts = set(self.feed.model.alert_ids())
        both = {h.post_id for h in self.alerts_pane.inbox.hits if h.unread} & keyword_posts
        count = self.alert_count + self.alerts_pane.unread - len(both)
        if count:
            title = f"({count} alert{'s' if count != 1 else ''}) {title}"
        self.setWindowTitle(title)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText("working…" if busy else "")

    def _palette_changed(self, *_: object) -> None:
        self.feed.delegate.clear_cache()
        self.feed.view.viewport().update()

    def shortcuts(self) -> list[tuple[str, str]]:
        """(key, what it does) for every action with a shortcut, in menu order."""
        seen: set[int] = set()
        rows: list[tuple[str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in menu.actions():
                if id(action) in seen or action.shortcut().isEmpty():
                    continue
                seen.add(id(action))
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((key, action.text().replace("&", "").rstrip("…")))
        return rows

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: every key the window answers to."""
        rows = self.shortcuts()
        box = QDialog(self)
        box.setObjectName("shortcutsBox")
        box.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows), 2, box)
        table.setHorizontalHeaderLabels(["Key", "Does"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (key, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(key))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        note = plain_label("J, K, M, N and Space are typed as letters while the search box has focus.", box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, box)
        buttons.rejected.connect(box.reject)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        box.resize(440, min(720, 90 + 26 * len(rows)))
        box.open()
        self.shortcuts_box = box

    def shortcuts_text(self) -> str:
        """What Help → Keyboard shortcuts lists, as plain text."""
        return "\n".join(f"{key}  {what}" for key, what in self.shortcuts())

    def about(self) -> None:
        """Name the version and the database in use."""
        db = self.db_label or "none"
        QMessageBox.about(
            self, "About Situation Monitor",
            f"<h3>Situation Monitor {__version__}</h3>"
            f"<p>Follow a developing story: live feed, route progress and who said what.</p>"
            f"<p><b>Database:</b> {escape(db)}<br><b>Schema version:</b> {SCHEMA_VERSION}"
            f"<br><b>Qt:</b> {qVersion()}</p>",
        )

    def about_text(self) -> str:
        """What Help → About says, as plain text."""
        return (f"Situation Monitor {__version__}\nDatabase: {self.db_label or 'none'}\n"
                f"Schema version: {SCHEMA_VERSION}")

    def reset_layout(self) -> None:
        """Put every pane back where it starts."""
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.docks["route"])
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.docks["feed"])
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["inspector"])
        self.splitDockWidget(self.docks["feed"], self.docks["charts"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.docks["charts"], self.docks["sources"])
        self.tabifyDockWidget(self.docks["charts"], self.docks["alerts"])
        self.docks["charts"].raise_()

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state), STATE_VERSION)

    def save_layout(self) -> None:
        """Keep geometry and pane layout for the next run."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_layout()
        self._clock.stop()
        self._poll_timer.stop()
        team = self._stop_team()
        if self.runner is not None:
            self.runner.shutdown()
        if team is not None:
            team.stop()
        # Reports whose reading finished but whose drawing had not come round yet are drawn
        # now, so closing never loses one.
        for ready in list(self._exports):
            self._exports.remove(ready)
            if not ready:  # still queued when the window closed: dropped, never half written
                log.warning("a report export was cancelled by closing the window before it started")
            for prepared in ready:
                try:
                    prepared.write()
                except Exception as exc:  # noqa: BLE001 - closing goes on
                    log.warning("report not written at close: %s", exc)
        super().closeEvent(event)
