"""A dialog to make or edit a route by hand: View → Journey → New route… / Edit route….

The route's name, title, time zone and speeds sit above a table of its stops (a
:class:`StopTableModel`): name, kind, km, latitude, longitude, gauge after the stop, dwell
minutes and time zone, with a delegate for each kind of cell. A stop's km may be left empty when
it has coordinates: it is then the geodesic length of the straight line from the stop before
(``monitor.journey.editing``), shown in grey. Every edit is checked at once by the route loader;
a problem is shown beside its row (a ⚠ in the row's header and a Problem column) and in the list
under the table, and **Save** stays disabled until there is none.

**Save** writes ``NAME.json`` into the user's routes folder (``monitor.paths.user_routes_dir``),
**Save as…** anywhere; the file marks every value "entered by hand". When "Follow this route in
this database" is ticked, the saved file becomes the database's route (the caller's ``on_use``,
the journey menu's ``use``: a write on the writer thread).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monitor.journey.editing import (
    GAUGES,
    KINDS,
    Checked,
    RouteDraft,
    StopRow,
    check,
    draft_from_route,
    new_draft,
    slug,
    write_route_file,
)
from monitor.model import Route
from monitor.paint.safe_text import plain_label, plain_message_box, plain_tooltip, set_plain
from monitor.paths import user_routes_dir

AnyIndex = QModelIndex | QPersistentModelIndex

#: (header, StopRow attribute, field name the loader uses) per column.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("Name", "name", "name"),
    ("Kind", "kind", "kind"),
    ("km", "km", "km"),
    ("Latitude", "lat", "lat"),
    ("Longitude", "lon", "lon"),
    ("Gauge (mm)", "gauge", "gauge_after"),
    ("Dwell (min)", "dwell_minutes", "dwell_minutes"),
    ("Time zone", "timezone", "timezone"),
    ("Problem", "", ""),
)
NAME, KIND, KM, LAT, LON, GAUGE, DWELL, ZONE, PROBLEM = range(len(COLUMNS))
_NUMERIC = (KM, LAT, LON, DWELL)
#: A bad cell or field: translucent red, so it reads on a light and on a dark palette alike.
_BAD = QColor(230, 0, 0, 56)
_BAD_FIELD = "background: rgba(230, 0, 0, 56)"
_NUMBER = QRegularExpression(r"^\s*(-?\d*([.,]\d*)?)?\s*$")
_ZONES = sorted(available_timezones())


def _dark() -> bool:
    """True when the application's palette is dark (the Fusion style follows the desktop's)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def problem_colour() -> QColor:
    """Red text that keeps its contrast on the palette in use."""
    return QColor(255, 130, 130) if _dark() else QColor(170, 0, 0)


def _muted() -> QColor:
    """What a value the reader did not type (a measured km, the route's zone) is drawn in."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def gauge_text(gauge: int | None) -> str:
    """"1435", or "none" for no track."""
    return "none" if gauge is None else str(gauge)


def parse_number(text: str) -> float | None:
    """A typed number ("12,5" too); empty is None; ValueError for anything else."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def _number_text(value: float | None) -> str:
    """A number as typed: every digit it has (39.0047, not 39.005), no ".0" on whole numbers."""
    if value is None:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class StopTableModel(QAbstractTableModel):
    """The stops of a :class:`RouteDraft`, one row each; ``edited`` after any change by the reader."""

    edited = Signal()

    def __init__(self, draft: RouteDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.checked: Checked | None = None

    # -- reading ---------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.draft.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def _problems(self, row: int, column: int | None = None) -> list[str]:
        if self.checked is None:
            return []
        wanted = None if column is None else COLUMNS[column][2]
        return [p.message for p in self.checked.row_problems(row)
                if wanted is None or p.field == wanted or (column == GAUGE and p.field == "gauge_before")]

    def _computed_km(self, row: int) -> float | None:
        if self.checked is None or row >= len(self.checked.km):
            return None
        return self.checked.km[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        stop = self.draft.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PROBLEM:
                found = self._problems(row)
                return found[0].split(": ", 2)[-1] if found else ""
            if column == KM and stop.km is None:
                computed = self._computed_km(row)
                return "" if computed is None else _number_text(computed)
            if column == GAUGE:
                return gauge_text(stop.gauge)
            if column == ZONE:
                return stop.timezone or self.draft.timezone
            value = getattr(stop, COLUMNS[column][1])
            return _number_text(value) if column in _NUMERIC else value
        if role == Qt.ItemDataRole.EditRole:
            if column == PROBLEM:
                return None
            value = getattr(stop, COLUMNS[column][1])
            return _number_text(value) if column in _NUMERIC else value
        if role == Qt.ItemDataRole.ToolTipRole:  # names come from route files: shown as written
            return plain_tooltip(self._tooltip(row, column)) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == KM and stop.km is None) or (column == ZONE and not stop.timezone):
                return QBrush(_muted())
            if column == PROBLEM:
                return QBrush(problem_colour())
            return None
        if role == Qt.ItemDataRole.FontRole and column == KM and stop.km is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column != PROBLEM and self._problems(row, column):
            return QBrush(_BAD)
        return None

    def _tooltip(self, row: int, column: int) -> str:
        stop = self.draft.rows[row]
        found = self._problems(row, None if column == PROBLEM else column)
        if found:
            return "\n".join(found)
        if column == KM and stop.km is None and self.checked is not None:
            return f"computed: {self.checked.km_source[row]}" if self.checked.km_source[row] \
                else "give km, or coordinates for this stop and the one before"
        if column == ZONE and not stop.timezone:
            return "the route's time zone"
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
                return COLUMNS[section][0]
            return None
        if not 0 <= section < len(self.draft.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {section + 1}" if self._problems(section) else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(self._problems(section))) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._problems(section):
            return QBrush(problem_colour())
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:  # noqa: D102 - Qt API
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != PROBLEM:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing ---------------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == PROBLEM:
            return False
        stop = self.draft.rows[index.row()]
        column = index.column()
        attribute = COLUMNS[column][1]
        if column in _NUMERIC:
            try:
                number = parse_number(str(value)) if not isinstance(value, (int, float)) else float(value)
            except ValueError:
                return False
            setattr(stop, attribute, number)
        elif column == GAUGE:
            if value not in GAUGES and value not in (1067, 1524, 1668):
                return False
            stop.gauge = value
        elif column == KIND:
            if value not in KINDS:
                return False
            stop.kind = str(value)
        else:
            setattr(stop, attribute, str(value).strip())
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or not 0 <= row <= len(self.draft.rows) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        gauge = self.draft.rows[row - 1].gauge if row > 0 else GAUGES[0]
        for offset in range(count):
            self.draft.rows.insert(row + offset, StopRow(gauge=gauge))
        self.endInsertRows()
        self.edited.emit()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self.draft.rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.draft.rows[row:row + count]
        self.endRemoveRows()
        self.edited.emit()
        return True

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,  # noqa: N802 - Qt API
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        rows = self.draft.rows
        if (source_parent.isValid() or destination_parent.isValid() or count < 1 or source_row < 0
                or source_row + count > len(rows) or not 0 <= destination_child <= len(rows)
                or source_row <= destination_child <= source_row + count):
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1,
                                  QModelIndex(), destination_child):
            return False
        moving = rows[source_row:source_row + count]
        del rows[source_row:source_row + count]
        target = destination_child if destination_child < source_row else destination_child - count
        rows[target:target] = moving
        self.endMoveRows()
        self.edited.emit()
        return True

    def set_checked(self, checked: Checked) -> None:
        """Show a check's problems and computed km (it changes no stop)."""
        self.checked = checked
        if self.draft.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.draft.rows) - 1, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.draft.rows) - 1)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of fixed choices (text, value) for a cell: a stop's kind, a gauge."""

    def __init__(self, choices: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        for text, value in self.choices:
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802 - Qt API
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        position = next((i for i, (_, v) in enumerate(self.choices) if v == value), 0)
        editor.setCurrentIndex(position)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt API
                     index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, self.choices[editor.currentIndex()][1], Qt.ItemDataRole.EditRole)


class NumberDelegate(QStyledItemDelegate):
    """A line edit that takes a number or nothing (km: nothing means "from the coordinates")."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(_NUMBER, editor))
        editor.setPlaceholderText(self.placeholder)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt API
                     index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class TimeZoneDelegate(QStyledItemDelegate):
    """A line edit completing IANA time zones; empty means the route's zone."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText("the route's time zone")
        editor.setCompleter(_zone_completer(editor))
        return editor


def _zone_completer(parent: QWidget) -> QCompleter:
    completer = QCompleter(_ZONES, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class RouteEditor(QDialog):
    """Make or edit a route by hand; see the module's docstring."""

    def __init__(self, parent: QWidget | None = None, draft: RouteDraft | None = None,
                 on_use: Callable[[str], None] | None = None, folder: Path | None = None,
                 route: Route | None = None) -> None:
        """Edit ``draft``, else ``route`` (a loaded route), else a new route. ``on_use`` is given
        the saved file's path when "Follow this route" is ticked; ``folder`` overrides where
        **Save** writes."""
        super().__init__(parent)
        self.setObjectName("routeEditor")
        if draft is None:
            draft = draft_from_route(route) if route is not None else new_draft()
        self.draft = draft
        self.on_use = on_use
        self.folder = folder
        self.saved_path: Path | None = None
        self._name_typed = bool(self.draft.name)  # a new route's name follows its title until typed
        if not self.draft.name and self.draft.title:
            self.draft.name = slug(self.draft.title)
        self.setWindowTitle("Edit route" if self.draft.edited_from else "New route")

        self.name_edit = QLineEdit(self.draft.name)
        self.name_edit.setObjectName("routeName")
        self.name_edit.setPlaceholderText("lower-case-with-dashes")
        self.title_edit = QLineEdit(self.draft.title)
        self.title_edit.setObjectName("routeTitle")
        self.title_edit.setPlaceholderText("Cork → Dublin")
        self.zone_edit = QLineEdit(self.draft.timezone)
        self.zone_edit.setObjectName("routeTimezone")
        self.zone_edit.setCompleter(_zone_completer(self.zone_edit))
        self.speed_edits: dict[str, QLineEdit] = {}
        speeds = QHBoxLayout()
        for key, label in (("max_speed_kmh", "top"), ("average_speed_kmh", "average"),
                           ("min_average_speed_kmh", "slowest average")):
            edit = QLineEdit(_number_text(getattr(self.draft, key)))
            edit.setObjectName(key)
            edit.setValidator(QRegularExpressionValidator(_NUMBER, edit))
            edit.setMaximumWidth(70)
            if key == "min_average_speed_kmh":
                edit.setPlaceholderText("optional")
            self.speed_edits[key] = edit
            speeds.addWidget(QLabel(label))
            speeds.addWidget(edit)
        speeds.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Name", self.name_edit)
        form.addRow("Time &zone", self.zone_edit)
        form.addRow("Speeds (km/h)", speeds)

        self.model = StopTableModel(self.draft, self)
        self.table = QTableView()
        self.table.setObjectName("stopTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._delegates = {
            KIND: ChoiceDelegate([(k, k) for k in KINDS], self.table),
            GAUGE: ChoiceDelegate([(gauge_text(g), g) for g in GAUGES], self.table),
            KM: NumberDelegate("from coordinates", self.table),
            LAT: NumberDelegate("", self.table),
            LON: NumberDelegate("", self.table),
            DWELL: NumberDelegate("", self.table),
            ZONE: TimeZoneDelegate(self.table),
        }
        for column, delegate in self._delegates.items():
            self.table.setItemDelegateForColumn(column, delegate)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((NAME, 150), (KIND, 100), (KM, 72), (ZONE, 130)):
            header.resizeSection(column, max(header.sectionSize(column), width))

        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add stop")
        self.remove_button = QPushButton("&Remove stop")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move &down")
        for button, slot in ((self.add_button, self.add_stop), (self.remove_button, self.remove_stop),
                             (self.up_button, lambda: self.move_stop(-1)),
                             (self.down_button, lambda: self.move_stop(1))):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel("km empty: measured from the stop before along a straight line, from the coordinates")
        hint.setObjectName("kmHint")
        hint.setStyleSheet(f"color: {_muted().name()}")

        self.problems_label = plain_label("")
        self.problems_label.setObjectName("routeProblems")
        self.problems_label.setWordWrap(True)
        self.follow_check = QCheckBox("Follow this route in this database when saved")
        self.follow_check.setObjectName("followSaved")
        self.follow_check.setChecked(on_use is not None)
        self.follow_check.setVisible(on_use is not None)

        self.box = QDialogButtonBox()
        self.save_button = self.box.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveRoute")
        self.save_as_button = self.box.addButton("Save &as…", QDialogButtonBox.ButtonRole.ActionRole)
        self.box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(lambda: self.save())
        self.save_as_button.clicked.connect(self.save_as)
        self.box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.follow_check)
        layout.addWidget(self.box)

        self.title_edit.textEdited.connect(self._title_edited)
        self.name_edit.textEdited.connect(self._name_edited)
        self.zone_edit.textChanged.connect(self._fields_changed)
        for edit in self.speed_edits.values():
            edit.textChanged.connect(self._fields_changed)
        self.model.edited.connect(self.recheck)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.resize(860, 480)
        self.recheck()

    # -- the route's own fields ------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        if not self._name_typed:
            self.name_edit.setText(slug(text))
        self._fields_changed()

    def _name_edited(self, _text: str) -> None:
        self._name_typed = True
        self._fields_changed()

    def _fields_changed(self) -> None:
        draft = self.draft
        draft.name = self.name_edit.text().strip()
        draft.title = self.title_edit.text().strip()
        draft.timezone = self.zone_edit.text().strip()
        for key, edit in self.speed_edits.items():
            try:
                setattr(draft, key, parse_number(edit.text()))
            except ValueError:
                setattr(draft, key, None)
        self.recheck()

    # -- rows ------------------------------------------------------------------------------------

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_stop(self) -> None:
        """A new stop after the current one (before the destination when none is current)."""
        current = self._current_row()
        row = current + 1 if current >= 0 else max(len(self.draft.rows) - 1, 0)
        self.model.insertRows(row, 1)
        self.table.setCurrentIndex(self.model.index(row, NAME))
        self.table.edit(self.model.index(row, NAME))

    def remove_stop(self) -> None:
        """Remove the current stop."""
        current = self._current_row()
        if current >= 0:
            self.model.removeRows(current, 1)

    def move_stop(self, step: int) -> None:
        """Move the current stop up (-1) or down (+1)."""
        current = self._current_row()
        target = current + step
        if current < 0 or not 0 <= target < len(self.draft.rows):
            return
        destination = target if step < 0 else target + 1
        if self.model.moveRows(QModelIndex(), current, 1, QModelIndex(), destination):
            self.table.setCurrentIndex(self.model.index(target, self.table.currentIndex().column()))

    def _update_buttons(self) -> None:
        current = self._current_row()
        self.remove_button.setEnabled(current >= 0 and len(self.draft.rows) > 2)
        self.up_button.setEnabled(current > 0)
        self.down_button.setEnabled(0 <= current < len(self.draft.rows) - 1)

    # -- checking and saving ---------------------------------------------------------------------

    def recheck(self) -> Checked:
        """Check the draft with the route loader; show its problems; Save only when it is valid."""
        checked = check(self.draft)
        self.checked = checked
        self.model.set_checked(checked)
        fields = {p.field for p in checked.problems if p.row is None}
        for key, edit in (("name", self.name_edit), ("title", self.title_edit),
                          *self.speed_edits.items()):
            edit.setStyleSheet(_BAD_FIELD if key in fields else "")
        zone_bad = any(p.field == "timezone" for p in checked.problems) and not self.draft.timezone
        self.zone_edit.setStyleSheet(_BAD_FIELD if zone_bad else "")
        lines = [p.message for p in checked.problems]
        shown = lines[:6] + ([f"… and {len(lines) - 6} more"] if len(lines) > 6 else [])
        set_plain(self.problems_label, "\n".join(shown) if shown else
                  f"Valid: {len(self.draft.rows)} stops, {checked.route.length_km:g} km"
                  if checked.route is not None else "")
        good = QColor(120, 210, 120) if _dark() else QColor(32, 96, 32)
        self.problems_label.setStyleSheet(f"color: {(problem_colour() if lines else good).name()}")
        self.save_button.setEnabled(checked.valid)
        self.save_as_button.setEnabled(checked.valid)
        self._update_buttons()
        return checked

    def default_path(self) -> Path:
        """Where **Save** writes: ``NAME.json`` in the user's routes folder."""
        return (self.folder or user_routes_dir()) / f"{self.draft.name}.json"

    def save_as(self) -> None:
        """Ask where to save, then save there."""
        path, _ = QFileDialog.getSaveFileName(self, "Save route", str(self.default_path()),
                                              "Route files (*.json)")
        if path:
            self.save(Path(path) if path.endswith(".json") else Path(f"{path}.json"))

    def save(self, path: Path | None = None) -> Path | None:
        """Write the route file (to ``path``, else the routes folder) and follow it when asked.

        Returns the file written; None when the route is not valid or could not be written (the
        reason is shown).
        """
        checked = self.recheck()
        if not checked.valid:
            return None
        target = path or self.default_path()
        if path is None and target.exists() and str(target) != (self.draft.edited_from or ""):
            answer = QMessageBox.question(self, "Replace route?",
                                          f"{target} exists. Replace it with this route?")
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            written = write_route_file(checked.data, target)
        except ValueError as exc:  # RouteError: the file cannot be written
            box = plain_message_box(QMessageBox.Icon.Warning, "Route not saved", str(exc),
                                    QMessageBox.StandardButton.Ok, self)
            box.open()
            return None
        self.saved_path = written
        if self.on_use is not None and self.follow_check.isChecked():
            self.on_use(str(written))
        self.accept()
        return written
