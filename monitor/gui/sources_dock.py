"""The Sources dock: every source with its last poll, status, error, posts a day and warning,
and the reader's changes to them (add, remove, disable/enable, rename, interval, tier).

The pane only shows and asks; the window runs each change on the writer thread (``data``) and
hands the sources back with :meth:`SourcesPane.set_sources`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monitor.gui.data import SourceState
from monitor.gui.formatting import relative_time
from monitor.model import TIERS, OpChanges, parse_iso, utc_now
from monitor.paint.safe_text import plain_label, plain_message_box, plain_tooltip
from monitor.service import Monitor

#: Colours of a row's warning: red for a failing source, amber for a stale or silent one.
FAILING_COLOR = QColor("#e03131")
QUIET_COLOR = QColor("#e8590c")
COLUMNS = ("Source", "Tier", "Status", "Last poll", "Posts", "A day", "Every", "Warning or error")
#: What the tier editor offers: no tier, then the tiers.
TIER_CHOICES = ("(none)", *TIERS)
#: Longest interval the dialogs offer: a day.
MAX_INTERVAL_S = 86400


def _interval_words(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


class AddSourceDialog(QDialog):
    """Ask for a source's address and how often to poll it."""

    def __init__(self, interval: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addSourceDialog")
        self.setWindowTitle("Add source")
        self.address = QLineEdit(self)
        self.address.setObjectName("sourceAddress")
        self.address.setPlaceholderText("www.example.org/feed")
        self.interval = QSpinBox(self)
        self.interval.setObjectName("sourceInterval")
        self.interval.setRange(1, MAX_INTERVAL_S)
        self.interval.setSuffix(" s")
        self.interval.setValue(interval)
        note = plain_label("A feed or live page (http, https — an address without one is https), "
                           "a file: address or a file's path.", self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Address", self.address)
        form.addRow("Poll every", self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())


class SourcesPane(QWidget):
    """The sources as a table, with buttons for the selected one."""

    addRequested = Signal(str, int)  # address, interval in seconds
    removeRequested = Signal(int, bool)  # source id, keep its posts
    enableRequested = Signal(int, bool)  # source id, poll it
    renameRequested = Signal(int, str)
    intervalRequested = Signal(int, int)
    tierRequested = Signal(int, str)  # source id, tier ("" clears it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesPane")
        self.default_interval = 300
        #: A line said above the list when someone else polls the sources (a team store's poller).
        self.poller_note = ""
        self.states: list[SourceState] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("sourcesTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.summary = plain_label("", self)
        self.summary.setObjectName("sourcesSummary")
        self.summary.setWordWrap(True)

        self.add_button = QPushButton("Add…", self)
        self.remove_button = QPushButton("Remove…", self)
        self.enable_button = QPushButton("Disable", self)
        self.rename_button = QPushButton("Rename…", self)
        self.interval_button = QPushButton("Interval…", self)
        self.tier_button = QPushButton("Tier…", self)
        self.tier_button.setToolTip("Mark the source as a wire, primary (official) source, outlet, "
                                    "aggregator or social account")
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.remove_button.clicked.connect(lambda: self.ask_remove())
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.rename_button.clicked.connect(lambda: self.ask_rename())
        self.interval_button.clicked.connect(lambda: self.ask_interval())
        self.tier_button.clicked.connect(lambda: self.ask_tier())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.enable_button, self.rename_button,
                       self.interval_button, self.tier_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.dialog: QDialog | None = None  # the question open now (tests answer it)
        self._selection_changed()

    # -- showing -------------------------------------------------------------------------

    def set_sources(self, states: list[SourceState], now: datetime | None = None) -> None:
        """Show these sources (the selection stays on the same source)."""
        keep = self.current_id()
        now = now or utc_now()
        self.states = list(states)
        # A column sized to its contents measures every row again at each item set, which is
        # quadratic: a thousand sources held the window for minutes. Fixed while filling, sized
        # once after.
        header = self.table.horizontalHeader()
        sized = [c for c in range(1, len(COLUMNS))
                 if header.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents]
        for column in sized:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setRowCount(len(states))
        warned = 0
        for row, state in enumerate(states):
            src, health = state.source, state.health
            polled = parse_iso(src.last_polled)
            status = health.state if health else ("disabled" if not src.enabled else "ok")
            per_day = health.per_day if health else None
            warning = health.warning_text if health and health.warning else (src.last_error or "")
            cells = (
                state.label,
                src.tier or "",
                status,
                relative_time(polled, now) if polled else "never",
                f"{state.post_count:,}",
                "—" if per_day is None else (f"{per_day:.0f}" if per_day >= 10 else f"{per_day:.1f}"),
                _interval_words(src.interval) if src.subscribed else "—",
                ("⚠ " + warning) if health and health.warning else warning,
            )
            tip = plain_tooltip("\n".join(filter(None, (state.label, src.url, warning))))
            color = None
            if health and health.warning:
                warned += 1
                color = FAILING_COLOR if health.warning == "failing" else QUIET_COLOR
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, src.id)
                item.setToolTip(tip)
                if column in (4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if color is not None and column in (2, 7):
                    item.setForeground(QBrush(color))
                if not (src.enabled and src.subscribed):
                    item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled,
                                                            QPalette.ColorRole.Text))
                self.table.setItem(row, column, item)
        for column in sized:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
        polled_n = sum(1 for s in states if s.source.subscribed)
        text = (f"{len(states)} source{'s' if len(states) != 1 else ''}, {polled_n} polled"
                if states else "No sources yet: Add… a feed or live page to poll.")
        if warned:
            text += f" · {warned} need{'s' if warned == 1 else ''} a look"
        if self.poller_note:
            text += " · " + self.poller_note
        self.summary.setText(text)
        self.select(keep)
        self._selection_changed()

    def select(self, source_id: int | None) -> None:
        """Select the row of ``source_id`` (nothing when None or gone)."""
        for row, state in enumerate(self.states):
            if state.source.id == source_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()
        self.table.selectionModel().clearCurrentIndex()  # no row looks chosen when none is

    def current(self) -> SourceState | None:
        """The selected source."""
        rows = self.table.selectionModel().selectedRows()
        return self.states[rows[0].row()] if rows and rows[0].row() < len(self.states) else None

    def current_id(self) -> int | None:
        """The selected source's id."""
        state = self.current()
        return state.source.id if state else None

    def warnings(self) -> dict[int, str]:
        """Source id → warning text, for the sources that have one."""
        return {s.source.id: s.health.warning_text for s in self.states if s.health and s.health.warning}

    def _selection_changed(self) -> None:
        state = self.current()
        for button in (self.remove_button, self.enable_button, self.rename_button, self.interval_button,
                       self.tier_button):
            button.setEnabled(state is not None)
        polled = state is not None and state.source.subscribed
        self.enable_button.setEnabled(polled)
        self.interval_button.setEnabled(polled)
        self.enable_button.setText("Enable" if state and not state.source.enabled else "Disable")

    # -- asking --------------------------------------------------------------------------

    def ask_add(self) -> None:
        """Ask for an address and interval, then request the source."""
        dialog = AddSourceDialog(self.default_interval, self)

        def done(result: int) -> None:
            address = dialog.address.text().strip()
            if result == QDialog.DialogCode.Accepted and address:
                self.addRequested.emit(address, dialog.interval.value())

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def ask_remove(self) -> None:
        """Ask whether the selected source's posts stay or go, then request its removal."""
        state = self.current()
        if state is None:
            return
        box = plain_message_box(
            QMessageBox.Icon.Question, "Remove source",
            f"Stop polling {state.label} for good?\n\nIt has {state.post_count:,} posts. Keep them "
            "(the source stays as where they came from, not polled), or delete them with it "
            "(their quotes and route reports go too)?",
            QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("removeSourceBox")
        keep = box.addButton("Keep posts", QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton("Delete posts", QMessageBox.ButtonRole.DestructiveRole)
        keep.setObjectName("keepPosts")
        delete.setObjectName("deletePosts")
        source_id = state.source.id

        def clicked(button: object) -> None:
            if button is keep:
                self.removeRequested.emit(source_id, True)
            elif button is delete:
                self.removeRequested.emit(source_id, False)

        box.buttonClicked.connect(clicked)
        self.dialog = box
        box.open()

    def toggle_enabled(self) -> None:
        """Disable the selected source, or enable it again."""
        state = self.current()
        if state is not None:
            self.enableRequested.emit(state.source.id, not state.source.enabled)

    def ask_rename(self, title: str | None = None) -> None:
        """Rename the selected source (asking for the title unless given)."""
        state = self.current()
        if state is None:
            return
        if title is not None:
            if title.strip():
                self.renameRequested.emit(state.source.id, title.strip())
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Rename source")
        dialog.setLabelText(f"Title for {state.source.url}:")
        dialog.setTextValue(state.label)
        dialog.textValueSelected.connect(lambda text: self.ask_rename(text))
        self.dialog = dialog
        dialog.open()

    def ask_interval(self, seconds: int | None = None) -> None:
        """Change how often the selected source is polled (asking unless given)."""
        state = self.current()
        if state is None:
            return
        if seconds is not None:
            self.intervalRequested.emit(state.source.id, int(seconds))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Poll interval")
        dialog.setLabelText(f"Poll {state.label} every (seconds):")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, MAX_INTERVAL_S)
        dialog.setIntValue(state.source.interval)
        dialog.intValueSelected.connect(lambda value: self.ask_interval(value))
        self.dialog = dialog
        dialog.open()

    def ask_tier(self, tier: str | None = None) -> None:
        """Mark what kind of source the selected one is (asking unless given; "" clears it)."""
        state = self.current()
        if state is None:
            return
        if tier is not None:
            self.tierRequested.emit(state.source.id, "" if tier == TIER_CHOICES[0] else tier)
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Source tier")
        dialog.setLabelText(f"What kind of source is {state.label}?\n"
                            "wire: a news agency · primary: an official channel · outlet: a newsroom · "
                            "aggregator: republishes others · social: a social-media account")
        dialog.setComboBoxItems(list(TIER_CHOICES))
        dialog.setTextValue(state.source.tier or TIER_CHOICES[0])
        dialog.textValueSelected.connect(lambda text: self.ask_tier(text))
        self.dialog = dialog
        dialog.open()


def set_source_tier(monitor: Monitor, source_id: int, tier: str) -> OpChanges:
    """The dock's tier change, run on the writer thread ("" clears the tier)."""
    return monitor.set_source_tier(source_id, tier or None)
