"""The Alerts dock (the hits of the alert rules until dismissed) and the rules' dialog.

The pane only shows and asks; the window runs each change on the writer thread (``data``) and
hands the inbox back with :meth:`AlertsPane.set_inbox`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monitor.gui.data import AlertInbox
from monitor.gui.formatting import UNDATED, row_time
from monitor.model import utc_now
from monitor.model.alerts import AlertRule
from monitor.paint.safe_text import plain_label, plain_tooltip

COLUMNS = ("Rule", "Post", "Source", "Published")


class AlertsPane(QWidget):
    """The alert inbox: one row per hit, unread ones in bold."""

    postActivated = Signal(int)  # post id: show and read it
    dismissRequested = Signal(object)  # list of (rule id, post id); None: all
    ruleSaved = Signal(object)  # AlertRule (id None: a new one)
    ruleDeleted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPane")
        self.inbox = AlertInbox([], [], 0, 0)
        self.sources: list[tuple[int, str]] = []
        self.speakers: list[str] = []
        self.summary = plain_label("", self)
        self.summary.setObjectName("alertsSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("alertsList")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 140)
        self.tree.itemActivated.connect(lambda item, _col: self.open_hit(item))
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.open_button = QPushButton("Open", self)
        self.dismiss_button = QPushButton("Dismiss", self)
        self.dismiss_all_button = QPushButton("Dismiss all", self)
        self.rules_button = QPushButton("Rules…", self)
        self.open_button.clicked.connect(lambda: self.open_hit(self.tree.currentItem()))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.dismiss_all_button.clicked.connect(lambda: self.dismissRequested.emit(None))
        self.rules_button.clicked.connect(self.edit_rules)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.dismiss_button, self.dismiss_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rules_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.rules_dialog: RulesDialog | None = None
        self.set_inbox(self.inbox)

    @property
    def unread(self) -> int:
        """Hits whose post is unread (the window title's count)."""
        return self.inbox.unread

    def set_inbox(self, inbox: AlertInbox) -> None:
        """Show these hits (the selection stays on the same hits)."""
        keep = {self._key(i) for i in self.tree.selectedItems()}
        self.inbox = inbox
        self.tree.clear()
        now = utc_now()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for hit in inbox.hits:
            when = row_time(hit.published, hit.published_precision, now) if hit.published else UNDATED
            item = QTreeWidgetItem([hit.rule_name, hit.title or "(no headline)", hit.source, when])
            item.setData(0, Qt.ItemDataRole.UserRole, (hit.rule_id, hit.post_id))
            item.setToolTip(1, plain_tooltip(hit.title))
            item.setToolTip(2, plain_tooltip(hit.source))
            if hit.unread:
                for column in range(len(COLUMNS)):
                    item.setFont(column, bold)
            self.tree.addTopLevelItem(item)
            if (hit.rule_id, hit.post_id) in keep:
                item.setSelected(True)
        if not self.tree.selectedItems():
            self.tree.selectionModel().clearCurrentIndex()  # no row looks chosen
        if not inbox.rules:
            text = "No alert rules yet: Rules… makes one (words, a speaker, a source)."
        elif not inbox.total:
            text = f"{len(inbox.rules)} rule{'s' if len(inbox.rules) != 1 else ''}, no alerts."
        else:
            text = (f"{inbox.total:,} alert{'s' if inbox.total != 1 else ''}, {inbox.unread:,} unread · "
                    f"{len(inbox.rules)} rule{'s' if len(inbox.rules) != 1 else ''}")
            if inbox.total > len(inbox.hits):
                text += f" · the newest {len(inbox.hits):,} shown"
        self.summary.setText(text)
        if self.rules_dialog is not None:
            self.rules_dialog.set_rules(inbox.rules)
        self._selection_changed()

    def highlights(self) -> dict[int, list[str]]:
        """Post id -> names of the rules that highlight it, for the feed."""
        found: dict[int, list[str]] = {}
        for hit in self.inbox.hits:
            if hit.highlight:
                found.setdefault(hit.post_id, []).append(hit.rule_name)
        return found

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple[int, int]:
        rule_id, post_id = item.data(0, Qt.ItemDataRole.UserRole)
        return int(rule_id), int(post_id)

    def _selection_changed(self) -> None:
        chosen = bool(self.tree.selectedItems())
        self.open_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)
        self.dismiss_all_button.setEnabled(bool(self.inbox.hits))

    def open_hit(self, item: QTreeWidgetItem | None) -> None:
        """Show the hit's post in the feed and read it (which reads the hit)."""
        if item is not None:
            self.postActivated.emit(self._key(item)[1])

    def dismiss_selected(self) -> None:
        """Dismiss the selected hits."""
        chosen = [self._key(i) for i in self.tree.selectedItems()]
        if chosen:
            self.dismissRequested.emit(chosen)

    def edit_rules(self) -> None:
        """Open the rules' dialog."""
        if self.rules_dialog is None:
            self.rules_dialog = RulesDialog(self)
            self.rules_dialog.ruleSaved.connect(self.ruleSaved)
            self.rules_dialog.ruleDeleted.connect(self.ruleDeleted)
        self.rules_dialog.set_choices(self.sources, self.speakers)
        self.rules_dialog.set_rules(self.inbox.rules)
        self.rules_dialog.open()


class RulesDialog(QDialog):
    """Alert rules: a list, and a form for the chosen (or a new) rule."""

    ruleSaved = Signal(object)
    ruleDeleted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertRulesDialog")
        self.setWindowTitle("Alert rules")
        self.rules: list[AlertRule] = []
        self.list = QListWidget(self)
        self.list.setObjectName("alertRulesList")
        self.list.currentRowChanged.connect(self._show_rule)
        self.name = QLineEdit(self)
        self.name.setObjectName("ruleName")
        self.query = QLineEdit(self)
        self.query.setObjectName("ruleQuery")
        self.query.setPlaceholderText('Khasan OR Tumangang  "border crossing"  arriv*')
        self.speaker = QLineEdit(self)
        self.speaker.setObjectName("ruleSpeaker")
        self.speaker.setPlaceholderText("any speaker")
        self.source = QComboBox(self)
        self.source.setObjectName("ruleSource")
        self.highlight = QCheckBox("Mark in the feed", self)
        self.notify = QCheckBox("Desktop notification", self)
        self.sound = QCheckBox("Sound", self)
        self.error = plain_label("", self)
        self.error.setObjectName("ruleError")
        self.error.setStyleSheet("color: #e03131;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Words", self.query)
        form.addRow("Speaker", self.speaker)
        form.addRow("Source", self.source)
        actions = QHBoxLayout()
        for box in (self.highlight, self.notify, self.sound):
            actions.addWidget(box)
        actions.addStretch(1)
        form.addRow("Then", actions)
        note = plain_label("Words are searched as in the feed's search box: a \"quoted phrase\", "
                           "word* for a prefix, OR between alternatives. A rule reads the posts "
                           "already stored and every new one.", self)
        note.setWordWrap(True)
        self.new_button = QPushButton("New", self)
        self.save_button = QPushButton("Save rule", self)
        self.delete_button = QPushButton("Delete", self)
        self.new_button.clicked.connect(self.new_rule)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        rule_buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(note)
        right.addWidget(self.error)
        right.addStretch(1)
        right.addLayout(rule_buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(720, 380)
        self.new_rule()

    def set_choices(self, sources: list[tuple[int, str]], speakers: list[str]) -> None:
        """The sources and speaker names offered."""
        current = self.source.currentData()
        self.source.clear()
        self.source.addItem("Any source", None)
        for source_id, title in sources:
            self.source.addItem(title, source_id)
        self.source.setCurrentIndex(max(0, self.source.findData(current)))
        completer = QCompleter(speakers, self.speaker)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)

    def set_rules(self, rules: list[AlertRule]) -> None:
        """List these rules (the chosen one stays chosen)."""
        chosen = self.current_id()
        self.rules = list(rules)
        self.list.blockSignals(True)
        self.list.clear()
        for rule in rules:
            item = QListWidgetItem(rule.name)
            item.setToolTip(plain_tooltip(" · ".join(filter(None, (rule.query, rule.speaker)))))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if chosen is None and self.name.text().strip():
            # A new rule just saved: choose it, so that saving again changes it.
            chosen = next((r.id for r in reversed(rules) if r.name == self.name.text().strip()), None)
        row = next((i for i, r in enumerate(rules) if r.id == chosen), -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        # (The error stays: a list refreshed by a background scan must not wipe out why the
        # last save failed. Saving again, or choosing another rule, clears it.)

    def current_id(self) -> int | None:
        """The chosen rule's id; None for a new one."""
        row = self.list.currentRow()
        return self.rules[row].id if 0 <= row < len(self.rules) else None

    def _show_rule(self, row: int) -> None:
        if not 0 <= row < len(self.rules):
            return
        rule = self.rules[row]
        self.error.setText("")
        self.name.setText(rule.name)
        self.query.setText(rule.query)
        self.speaker.setText(rule.speaker)
        self.source.setCurrentIndex(max(0, self.source.findData(rule.source_id)))
        self.highlight.setChecked(rule.highlight)
        self.notify.setChecked(rule.notify)
        self.sound.setChecked(rule.sound)
        self.delete_button.setEnabled(True)

    def new_rule(self) -> None:
        """Clear the form for a new rule."""
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for edit in (self.name, self.query, self.speaker):
            edit.clear()
        self.source.setCurrentIndex(0)
        self.highlight.setChecked(True)
        self.notify.setChecked(True)
        self.sound.setChecked(False)
        self.delete_button.setEnabled(False)
        self.error.setText("")
        self.name.setFocus()

    def rule(self) -> AlertRule:
        """The rule the form describes."""
        return AlertRule(self.current_id(), self.name.text().strip(), self.query.text().strip(),
                         self.speaker.text().strip(), self.source.currentData(),
                         self.highlight.isChecked(), self.notify.isChecked(), self.sound.isChecked())

    def save(self) -> None:
        """Ask for the rule to be kept (a name is needed; the store checks the rest)."""
        rule = self.rule()
        if not rule.name:
            rule = AlertRule(rule.id, rule.query or rule.speaker or self.source.currentText(), *(
                rule.query, rule.speaker, rule.source_id, rule.highlight, rule.notify, rule.sound))
            self.name.setText(rule.name)
        self.error.setText("")
        self.ruleSaved.emit(rule)

    def delete(self) -> None:
        """Ask for the chosen rule to be forgotten."""
        rule_id = self.current_id()
        if rule_id is not None:
            self.ruleDeleted.emit(rule_id)
            self.new_rule()

    def show_error(self, text: str) -> None:
        """Say why the rule was not kept."""
        self.error.setText(text)
