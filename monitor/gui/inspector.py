"""The speaker & quote inspector: who said what, and the analyst's corrections.

Two Qt table models (speakers, quotes) behind sortable, filterable views. The pane shows what it is
given (:meth:`InspectorPane.set_speakers`, :meth:`InspectorPane.set_quotes`) and turns the analyst's
actions into signals; the owner writes the corrections to the store and sends fresh data back. It
never reads the database itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monitor.model import Post, Quote, Speaker, parse_iso
from monitor.paint.safe_text import escape, plain_label

Index = QModelIndex | QPersistentModelIndex

#: The raw value a column sorts by (numbers as numbers, text case-folded).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's id (speaker id or quote id).
ID_ROLE = Qt.ItemDataRole.UserRole + 2

KIND_COLOURS = {
    "person": ("#1f6fd1", "#4ea1ff"),
    "organisation": ("#7b3fa0", "#c39bd3"),
    "anonymous": ("#6b7280", "#a0a7b4"),
    "direct": ("#1e8449", "#58d68d"),
    "mixed": ("#1f6fd1", "#4ea1ff"),
    "indirect": ("#8a6d00", "#f4d03f"),
}


#: Space between a table cell's edge and its text (the style's margin, and a little air).
CELL_MARGIN_PX = 4

def _is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5


def kind_colour(kind: str) -> QColor | None:
    """The accent colour of a speaker or quote kind in the current palette."""
    pair = KIND_COLOURS.get(kind)
    return QColor(pair[1] if _is_dark() else pair[0]) if pair else None


def format_post_time(post: Post | None) -> str:
    """The post's time as a reader wants it: local time, or only the date when that is all we know."""
    if post is None or not post.published:
        return ""
    try:
        moment = parse_iso(post.published)
    except (ValueError, OverflowError):
        return post.published
    if moment is None:
        return ""
    if post.published_precision == "date":
        return f"{moment:%-d %b}"
    local = moment.astimezone()
    return f"{local:%-d %b %H:%M}"


def _post_sort_key(post: Post | None) -> str:
    return post.published or "" if post else ""


def quote_display(quote: Quote) -> str:
    """The attribution as plain text: marks around a direct quotation; reported speech as it is
    written, so the quoted words of a mixed clause keep the marks they have in the post."""
    text = " ".join(quote.text.split())
    if quote.kind != "direct":
        return text
    return "“" + text.strip("“”\"") + "”"


def quote_segments(quote: Quote) -> list[tuple[str, bool]]:
    """The content as (text, quoted) runs: the quoted ``parts`` and the reported words around them.

    A record without parts is all quoted when direct and all reported otherwise. Parts that do
    not lie inside the content (a hand-made or damaged row) are ignored.
    """
    text = quote.text
    spans = sorted((s - quote.start, e - quote.start) for s, e in quote.parts
                   if quote.start <= s < e <= quote.end)
    if not spans:
        return [(text, quote.kind == "direct")] if text else []
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start < at:
            continue  # overlapping parts: the first one wins
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def quote_html(quote: Quote) -> str:
    """The attribution as rich text (escaped, inert): the quoted parts upright, the reported words
    around them in italics (a mixed clause keeps the post's own marks around its parts; a direct
    quotation is put in marks)."""
    html = "".join(escape(words) if quoted else f"<i>{escape(words)}</i>"
                   for words, quoted in quote_segments(quote))
    html = " ".join(html.split())  # a quotation over paragraphs reads as one line
    return f"“{html}”" if quote.kind == "direct" else html


# -- models -----------------------------------------------------------------------------------------


#: Rows of the speaker list (beyond the visible ones) its content-sized columns are measured on:
#: none, they fit the rows in view (measuring 100 more costs 30 ms at every change of a count).
SPEAKER_ROWS_MEASURED = 0


class SpeakerTableModel(QAbstractTableModel):
    """Speakers as rows: name, role, organisation, kind and how many quotes they have."""

    COLUMNS = ("Name", "Role", "Organisation", "Kind", "Quotes")
    NAME, ROLE, ORGANISATION, KIND, QUOTES = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._speakers: list[Speaker] = []

    def set_speakers(self, speakers: Sequence[Speaker]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._speakers = list(speakers)
        self.endResetModel()

    def update_speakers(self, changed: Sequence[Speaker], removed: Iterable[int] = ()) -> None:
        """Patch rows in place (counts after a correction): changed speakers replace theirs or are
        added, removed ones go; the rest of the list, its selection and its scroll stay."""
        for speaker_id in set(removed):
            row = self.row_of(speaker_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._speakers[row]
                self.endRemoveRows()
        for speaker in changed:
            row = self.row_of(speaker.id)
            if row is None:
                self.beginInsertRows(QModelIndex(), len(self._speakers), len(self._speakers))
                self._speakers.append(speaker)
                self.endInsertRows()
            else:
                self._speakers[row] = speaker
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def speaker(self, row: int) -> Speaker:
        """The speaker on ``row``."""
        return self._speakers[row]

    def speakers(self) -> list[Speaker]:
        """All speakers, in model order."""
        return list(self._speakers)

    def row_of(self, speaker_id: int) -> int | None:
        """The row of speaker ``speaker_id``, or None."""
        return next((i for i, s in enumerate(self._speakers) if s.id == speaker_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self._speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: D102 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.QUOTES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt API
        if not index.isValid() or not (0 <= index.row() < len(self._speakers)):
            return None
        s = self._speakers[index.row()]
        col = index.column()
        values = (s.name, s.role or "", s.organisation or "", s.kind, s.quote_count)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[col]
        if role == SORT_ROLE:
            value = values[col]
            return value.casefold() if isinstance(value, str) else value
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"<b>{escape(s.name)}</b> ({escape(s.kind)})"]
            if s.role:
                parts.append(escape(s.role))
            if s.organisation:
                parts.append(escape(s.organisation))
            parts.append(f"{s.quote_count} quote{'s' if s.quote_count != 1 else ''}")
            return "<br>".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.KIND:
            return kind_colour(s.kind)
        if role == Qt.ItemDataRole.FontRole and col == self.NAME:
            font = QFont()
            font.setBold(s.kind == "person")
            return font
        return None


class QuoteTableModel(QAbstractTableModel):
    """Quotes as rows: kind, text, speaker, cue, outlet, confidence and the post's time."""

    COLUMNS = ("Kind", "Quote", "Speaker", "Cue", "Outlet", "Conf.", "Posted")
    KIND, TEXT, SPEAKER, CUE, OUTLET, CONFIDENCE, POSTED = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quotes: list[Quote] = []
        self._posts: dict[int, Post] = {}
        self._speakers: dict[int, Speaker] = {}
        self._rows_cache: dict[int, tuple[tuple, tuple]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_quotes(self, quotes: Sequence[Quote], posts: dict[int, Post]) -> None:
        """Replace every row; ``posts`` gives each quote's post (for its time and headline)."""
        self.beginResetModel()
        self._quotes = list(quotes)
        self._posts = dict(posts)
        self._rows_cache.clear()
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python, on keys computed once per quote.

        A sorting proxy would ask for every key n·log n times through Qt; for a few hundred
        quotes that stalled the window for a tenth of a second.
        """
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._quotes[i.row()].id if 0 <= i.row() < len(self._quotes) else None for i in persistent]
        self._order(column, order)
        where = {q.id: row for row, q in enumerate(self._quotes)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[qid], old.column()) if qid in where else QModelIndex()
             for qid, old in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        keyed = [(self._values(q)[1][column], q.id, q) for q in self._quotes]
        keyed.sort(key=lambda item: (item[0], item[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        self._quotes = [q for _, _, q in keyed]

    def set_speaker_names(self, speakers: Sequence[Speaker]) -> None:
        """The speakers, to name each quote's speaker."""
        self._speakers = {s.id: s for s in speakers}
        self._rows_cache.clear()
        if self._quotes:
            self.dataChanged.emit(
                self.index(0, self.SPEAKER), self.index(len(self._quotes) - 1, self.SPEAKER)
            )

    def quote(self, row: int) -> Quote:
        """The quote on ``row``."""
        return self._quotes[row]

    def post_of(self, quote: Quote) -> Post | None:
        """The post a quote comes from, if it was given."""
        return self._posts.get(quote.post_id)

    def speaker_name(self, quote: Quote) -> str:
        """The name of the quote's speaker, or ``unattributed``."""
        if quote.speaker_id is None:
            return "unattributed"
        speaker = self._speakers.get(quote.speaker_id)
        return speaker.name if speaker else f"speaker #{quote.speaker_id}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: D102 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(self.COLUMNS) and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt API
        if not index.isValid() or not (0 <= index.row() < len(self._quotes)):
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_values(row)[0][col]
        if role == SORT_ROLE:
            return self._row_values(row)[1][col]
        q = self._quotes[row]
        post = self._posts.get(q.post_id)
        if role == ID_ROLE:
            return q.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(q, post)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if q.status == "rejected":
                return QGuiApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            if col == self.KIND:
                return kind_colour(q.kind)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(q.status == "rejected")
            font.setItalic(col == self.TEXT and q.kind == "indirect")
            return font
        return None

    def _row_values(self, row: int) -> tuple[tuple, tuple]:
        """A row's display texts and sort keys."""
        return self._values(self._quotes[row])

    def _values(self, q: Quote) -> tuple[tuple, tuple]:
        """A quote's display texts and sort keys, computed once per reset."""
        cached = self._rows_cache.get(q.id)
        if cached is None:
            post = self._posts.get(q.post_id)
            speaker = self.speaker_name(q)
            display = (
                q.kind + (" ✎" if q.source_of_truth == "analyst" else ""), quote_display(q), speaker,
                q.cue or "", q.outlet or "", f"{q.confidence:.0%}", format_post_time(post),
            )
            keys = (
                q.kind, q.text.casefold(), speaker.casefold(), (q.cue or "").casefold(),
                (q.outlet or "").casefold(), q.confidence, _post_sort_key(post),
            )
            cached = self._rows_cache[q.id] = (display, keys)
        return cached

    def _tooltip(self, q: Quote, post: Post | None) -> str:
        esc = escape
        rows = [quote_html(q), f"— {esc(self.speaker_name(q))}"]
        facts = [q.kind]
        if q.cue:
            facts.append(f"cue “{q.cue}”")
        if q.outlet:
            facts.append(f"outlet {q.outlet}")
        facts.append(f"confidence {q.confidence:.0%}")
        if q.sieve:
            facts.append(f"rule {q.sieve}")
        if q.source_of_truth == "analyst":
            facts.append("corrected by the analyst")
        if q.status != "active":
            facts.append(q.status)
        rows.append("<small>" + esc(" · ".join(facts)) + "</small>")
        if post is not None:
            rows.append(f"<small>Post {post.id}: {esc(post.title or '(no headline)')} · "
                        f"{esc(format_post_time(post))}</small>")
        return "<p style='white-space:pre-wrap'>" + "<br>".join(rows) + "</p>"


class SingleLineDelegate(QStyledItemDelegate):
    """Draws a cell on one line, elided, even when the view wraps text (only the quote wraps)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: D102
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class SourceSortingProxy(QSortFilterProxyModel):
    """Filters like :class:`SortFilterProxy` but leaves sorting to the source model's ``sort``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class SortFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and filters case-insensitively on every column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


# -- dialogs ----------------------------------------------------------------------------------------


def _speaker_label(speaker: Speaker) -> str:
    extra = ", ".join(x for x in (speaker.role, speaker.organisation) if x)
    return f"{speaker.name} — {extra}" if extra else f"{speaker.name} ({speaker.kind})"


class _ChooseSpeakerDialog(QDialog):
    """A small dialog: an explanation, a list of speakers to choose from, and a confirm button."""

    def __init__(
        self, parent: QWidget | None, title: str, message: str, confirm: str,
        speakers: Sequence[Speaker], exclude: int | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        self.combo = QComboBox()
        self.combo.addItem("Choose a speaker…", None)
        for speaker in sorted(speakers, key=lambda s: s.name.casefold()):
            if speaker.id != exclude:
                self.combo.addItem(_speaker_label(speaker), speaker.id)
        layout.addWidget(self.combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(confirm)
        self.confirm_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combo.currentIndexChanged.connect(
            lambda _: self.confirm_button.setEnabled(self.selected_speaker_id() is not None)
        )

    def selected_speaker_id(self) -> int | None:
        """The chosen speaker's id, or None while nothing is chosen."""
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def choose(self, speaker_id: int) -> None:
        """Select ``speaker_id`` in the list (as the analyst would)."""
        index = self.combo.findData(speaker_id)
        if index < 0:
            raise ValueError(f"speaker {speaker_id} is not offered in this dialog")
        self.combo.setCurrentIndex(index)


class ReassignDialog(_ChooseSpeakerDialog):
    """Choose who really said a quote."""

    def __init__(self, parent: QWidget | None, quote: Quote, current: str,
                 speakers: Sequence[Speaker]) -> None:
        esc = escape
        message = (
            f"<p><b>{quote_html(quote)}</b></p>"
            f"<p>Now attributed to <b>{esc(current)}</b>. Choose who said it. The change is kept as "
            "your correction: re-extraction will not undo it.</p>"
        )
        super().__init__(parent, "Reassign quote", message, "Reassign", speakers, quote.speaker_id)
        self.quote = quote


class MergeDialog(_ChooseSpeakerDialog):
    """Choose the speaker another one is the same person (or body) as."""

    def __init__(self, parent: QWidget | None, merge: Speaker, speakers: Sequence[Speaker]) -> None:
        esc = escape
        message = (
            f"<p>Merge <b>{esc(merge.name)}</b> ({merge.quote_count} quote"
            f"{'s' if merge.quote_count != 1 else ''}) into another speaker.</p>"
            f"<p>All quotes of {esc(merge.name)} move to the speaker you choose, and "
            f"“{esc(merge.name)}” becomes one of their names. Kept as your correction.</p>"
        )
        super().__init__(parent, "Merge speakers", message, "Merge", speakers, merge.id)
        self.merge = merge


# -- the pane ---------------------------------------------------------------------------------------


class InspectorPane(QWidget):
    """Speakers on top, the selected speaker's quotes below, the chosen quote in full at the bottom.

    Signals: :attr:`speakerSelected` (speaker id or None), :attr:`quoteActivated` (post id, start,
    end — offsets into the body; 0, 0 for a headline quote), :attr:`quoteSpanActivated` (post id,
    field, start, end), :attr:`reassignRequested` (quote id, speaker id), :attr:`mergeRequested`
    (keep id, merge id), :attr:`rejectRequested` (quote id).
    """

    speakerSelected = Signal(object)
    quoteActivated = Signal(int, int, int)
    #: The same activation with the field the offsets point into ("body" or "title").
    quoteSpanActivated = Signal(int, str, int, int)
    reassignRequested = Signal(int, int)
    mergeRequested = Signal(int, int)
    rejectRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_speaker: int | None = None
        self.dialog: QDialog | QMessageBox | None = None
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_selected)

        self.speaker_model = SpeakerTableModel(self)
        self.speaker_proxy = SortFilterProxy(self)
        self.speaker_proxy.setSourceModel(self.speaker_model)
        self.quote_model = QuoteTableModel(self)
        self.quote_proxy = SourceSortingProxy(self)
        self.quote_proxy.setSourceModel(self.quote_model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter speakers: name, role, organisation…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.speaker_proxy.setFilterFixedString)
        self.filter_edit.textChanged.connect(lambda _: self._update_titles())

        self.speaker_view = self._table(self.speaker_proxy)
        self.speaker_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.speaker_view.horizontalHeader()
        for column in range(len(SpeakerTableModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SpeakerTableModel.ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SpeakerTableModel.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        # Columns sized to their contents measure that many rows (beside the visible ones) at
        # every change: Qt's default, 1,000 of 2,000 speakers, took 150 ms for one count changed.
        header.setResizeContentsPrecision(SPEAKER_ROWS_MEASURED)
        self.speaker_view.sortByColumn(SpeakerTableModel.QUOTES, Qt.SortOrder.DescendingOrder)
        self.speaker_view.selectionModel().selectionChanged.connect(self._on_speaker_selection)
        self.speaker_view.customContextMenuRequested.connect(self._speaker_menu)

        self.quote_view = self._table(self.quote_proxy)
        qheader = self.quote_view.horizontalHeader()
        for column in range(len(QuoteTableModel.COLUMNS)):
            qheader.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        qheader.setSectionResizeMode(QuoteTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Quotes are read, not scanned: wrap them and let each row take the lines it needs.
        self.quote_view.setWordWrap(True)
        self._single_line = SingleLineDelegate(self.quote_view)
        for column in range(len(QuoteTableModel.COLUMNS)):
            if column != QuoteTableModel.TEXT:
                self.quote_view.setItemDelegateForColumn(column, self._single_line)
        self.quote_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        qheader.sectionResized.connect(lambda *_: self._fit_rows_soon())
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.quote_view.viewport().installEventFilter(self)
        self.quote_view.sortByColumn(QuoteTableModel.POSTED, Qt.SortOrder.AscendingOrder)
        self.quote_view.activated.connect(self._on_quote_activated)
        self.quote_view.customContextMenuRequested.connect(self._quote_menu)
        self.quote_view.selectionModel().selectionChanged.connect(self._on_quote_selection)

        self.merge_button = QPushButton("Merge…")
        self.merge_button.setToolTip("Merge the selected speaker into another one")
        self.merge_button.clicked.connect(self.open_merge_dialog)
        self.reassign_button = QPushButton("Reassign…")
        self.reassign_button.setToolTip("Attribute the selected quote to another speaker")
        self.reassign_button.clicked.connect(self.open_reassign_dialog)
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Mark the selected quote as wrong (Delete)")
        self.reject_button.clicked.connect(self.open_reject_dialog)

        # The titles name speakers (text from feeds): plain text, never HTML.
        self.quotes_title = plain_label()
        title_font = self.quotes_title.font()
        title_font.setBold(True)
        self.quotes_title.setFont(title_font)
        self.speakers_title = plain_label("Speakers")
        self.speakers_title.setFont(title_font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setContentsMargins(4, 4, 4, 4)

        reject_action = QAction("Reject quote", self.quote_view)
        reject_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        reject_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        reject_action.triggered.connect(self.open_reject_dialog)
        self.quote_view.addAction(reject_action)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.speakers_title)
        row.addStretch(1)
        row.addWidget(self.merge_button)
        top_layout.addLayout(row)
        top_layout.addWidget(self.filter_edit)
        top_layout.addWidget(self.speaker_view)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.quotes_title, 1)
        row.addWidget(self.reassign_button)
        row.addWidget(self.reject_button)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.quote_view, 1)
        bottom_layout.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._update_titles()
        self._update_buttons()

    @staticmethod
    def _table(model: QSortFilterProxyModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setHighlightSections(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    # -- data ------------------------------------------------------------------------------------

    def set_speakers(self, speakers: Sequence[Speaker]) -> None:
        """Show ``speakers``; the selected speaker stays selected if still present."""
        keep = self._current_speaker
        self.speaker_model.set_speakers(speakers)
        self.quote_model.set_speaker_names(speakers)
        if keep is not None and self.speaker_model.row_of(keep) is not None:
            self.select_speaker(keep)
        else:
            self._set_current(None)
        self._update_titles()
        self._update_buttons()

    def update_speakers(self, changed: Sequence[Speaker], removed: Iterable[int],
                        speakers: Sequence[Speaker]) -> None:
        """Patch the changed speakers' rows (a correction) instead of resetting the list;
        ``speakers`` is the whole list after the change, to name each quote's speaker."""
        self.speaker_model.update_speakers(changed, removed)
        self.quote_model.set_speaker_names(speakers)
        if self._current_speaker is not None and self.speaker_model.row_of(self._current_speaker) is None:
            self._set_current(None)
        self._update_titles()
        self._update_buttons()

    def set_quotes(self, quotes: Sequence[Quote], posts: dict[int, Post]) -> None:
        """Show ``quotes`` (usually the selected speaker's); ``posts`` gives their posts by id."""
        self.quote_model.set_quotes(quotes, posts)
        # One speaker's quotes need no speaker column; a mixed list does.
        speaker_ids = {q.speaker_id for q in quotes}
        self.quote_view.setColumnHidden(QuoteTableModel.SPEAKER, len(speaker_ids) == 1 and
                                        self._current_speaker in speaker_ids)
        self._fit_columns()
        self._fit_rows()
        self._update_titles()
        self._update_buttons()
        self._show_detail(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt API
        if watched is self.quote_view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns_soon = True
            self._fit_rows_soon()
        return super().eventFilter(watched, event)

    def _fit_rows_soon(self) -> None:
        # Column widths settle after the resize; measure the rows once they have.
        self._fit_timer.start()

    #: The widest a side column of the quote table grows, so that the quote keeps the room.
    COLUMN_CAPS = {
        QuoteTableModel.KIND: 90, QuoteTableModel.SPEAKER: 130, QuoteTableModel.CUE: 90,
        QuoteTableModel.OUTLET: 80, QuoteTableModel.CONFIDENCE: 64, QuoteTableModel.POSTED: 110,
    }

    def _fit_columns(self) -> None:
        """Size the side columns to their contents, within caps; the quote takes the rest."""
        metrics = self.quote_view.fontMetrics()
        header = self.quote_view.horizontalHeader()
        # A sample of the rows is enough to size the side columns, and keeps this quick.
        rows = min(self.quote_model.rowCount(), 60)
        widths: dict[int, int] = {}
        for column, cap in self.COLUMN_CAPS.items():
            if self.quote_view.isColumnHidden(column):
                continue
            title = str(self.quote_model.headerData(column, Qt.Orientation.Horizontal))
            widest = metrics.horizontalAdvance(title) + 22  # room for the sort arrow
            for row in range(rows):
                text = str(self.quote_model.index(row, column).data() or "")
                widest = max(widest, metrics.horizontalAdvance(text) + 14)
            widths[column] = min(widest, cap)
        # In a narrow dock the quote still gets 40% of the width; the side columns give way and
        # elide (their full text is in the tooltip and under the table).
        room = self.quote_view.viewport().width()
        side = sum(widths.values())
        if room > 0 and side > room * 0.6:
            factor = room * 0.6 / side
            floors = {
                QuoteTableModel.KIND: metrics.horizontalAdvance("indirect") + 14,
                QuoteTableModel.CONFIDENCE: metrics.horizontalAdvance("100%") + 14,
                QuoteTableModel.POSTED: metrics.horizontalAdvance("11 Sep") + 14,
            }
            widths = {c: max(int(w * factor), min(floors.get(c, 56), w)) for c, w in widths.items()}
        for column, width in widths.items():
            header.resizeSection(column, width)

    #: Rows measured per turn of the event loop: wrapping text costs about 1 ms a row, so a long
    #: list is fitted a slice at a time and the window never stalls on it.
    FIT_ROWS_PER_TURN = 50
    #: Past this many rows the heights stay uniform; fitting them costs more than it helps.
    FIT_ROWS_MAX = 400

    def _fit_rows(self) -> None:
        if getattr(self, "_fit_columns_soon", False):
            self._fit_columns_soon = False
            self._fit_columns()
        # Row heights follow the wrapped text, fitted in slices from the top.
        self._fit_generation = getattr(self, "_fit_generation", 0) + 1
        self._fit_slice(self._fit_generation, 0)

    def _fit_slice(self, generation: int, first: int) -> None:
        if generation != self._fit_generation:
            return  # the rows changed since this pass began; a newer pass is under way
        last = min(self.quote_model.rowCount(), self.FIT_ROWS_MAX, first + self.FIT_ROWS_PER_TURN)
        # Only the quote wraps (the other columns are one elided line), so a row's height is its
        # quote's wrapped height: measured here directly, not by asking every cell's delegate
        # (resizeRowToContents), which costs a few milliseconds a row.
        view = self.quote_view
        header = view.verticalHeader()
        width = max(40, view.columnWidth(QuoteTableModel.TEXT) - 2 * CELL_MARGIN_PX)
        one_line = header.defaultSectionSize()
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(first, last):
            index = self.quote_model.index(row, QuoteTableModel.TEXT)
            text = str(index.data() or "")
            # The cell's own font (the model makes reported speech italic), as the view draws it.
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font.resolve(view.font()) if font is not None else view.font())
            height = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
            header.resizeSection(row, max(one_line, height + 2 * CELL_MARGIN_PX))
        if last < min(self.quote_model.rowCount(), self.FIT_ROWS_MAX):
            QTimer.singleShot(0, self, lambda: self._fit_slice(generation, last))

    def select_speaker(self, speaker_id: int | None) -> None:
        """Select speaker ``speaker_id`` (None clears); emits :attr:`speakerSelected` on a change."""
        selection = self.speaker_view.selectionModel()
        if speaker_id is None:
            selection.clearSelection()
            self._set_current(None)
            return
        row = self.speaker_model.row_of(speaker_id)
        if row is None:
            raise ValueError(f"no speaker with id {speaker_id} in the inspector")
        proxy_index = self.speaker_proxy.mapFromSource(self.speaker_model.index(row, 0))
        if not proxy_index.isValid():  # filtered out: clear the filter so the choice is visible
            self.filter_edit.clear()
            proxy_index = self.speaker_proxy.mapFromSource(self.speaker_model.index(row, 0))
        self.speaker_view.setCurrentIndex(proxy_index)
        # Map again: the owner may have refreshed the model in answer to the selection.
        row = self.speaker_model.row_of(speaker_id)
        if row is not None:
            self.speaker_view.scrollTo(self.speaker_proxy.mapFromSource(self.speaker_model.index(row, 0)))

    def selected_speaker(self) -> Speaker | None:
        """The selected speaker, if any."""
        if self._current_speaker is None:
            return None
        row = self.speaker_model.row_of(self._current_speaker)
        return self.speaker_model.speaker(row) if row is not None else None

    def selected_quote(self) -> Quote | None:
        """The selected quote, if any."""
        rows = self.quote_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.quote_model.quote(self.quote_proxy.mapToSource(rows[0]).row())

    def select_quote(self, quote_id: int) -> None:
        """Select quote ``quote_id`` in the list."""
        for row in range(self.quote_model.rowCount()):
            if self.quote_model.quote(row).id == quote_id:
                index = self.quote_proxy.mapFromSource(self.quote_model.index(row, 0))
                self.quote_view.setCurrentIndex(index)
                return
        raise ValueError(f"no quote with id {quote_id} in the inspector")

    # -- reactions -------------------------------------------------------------------------------

    def _set_current(self, speaker_id: int | None) -> None:
        if speaker_id != self._current_speaker:
            self._current_speaker = speaker_id
            self._update_titles()
            self._update_buttons()
            # Emitted from the event loop, not from inside the view's selection handling: the
            # owner answers with set_speakers/set_quotes, and resetting a model while its view is
            # still in the middle of a selection change is not safe. Quick changes coalesce.
            self._emit_timer.start()

    def _emit_selected(self) -> None:
        self.speakerSelected.emit(self._current_speaker)

    def _on_speaker_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.speaker_view.selectionModel().selectedRows()
        speaker_id = self.speaker_proxy.data(rows[0], ID_ROLE) if rows else None
        self._set_current(speaker_id)

    def _on_quote_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_buttons()
        self._show_detail(self.selected_quote())

    def _on_quote_activated(self, index: QModelIndex) -> None:
        quote = self.quote_model.quote(self.quote_proxy.mapToSource(index).row())
        # quoteActivated's offsets point into the body; a headline quote has no span there.
        in_body = quote.field == "body"
        self.quoteActivated.emit(quote.post_id, quote.start if in_body else 0, quote.end if in_body else 0)
        self.quoteSpanActivated.emit(quote.post_id, quote.field, quote.start, quote.end)

    def _update_titles(self) -> None:
        speaker = self.selected_speaker()
        count = self.quote_model.rowCount()
        total, shown = self.speaker_model.rowCount(), self.speaker_proxy.rowCount()
        self.speakers_title.setText(
            f"Speakers ({total})" if shown == total else f"Speakers ({shown} of {total})"
        )
        who = f"Quotes — {speaker.name}" if speaker else "Quotes"
        self.quotes_title.setText(f"{who} ({count})")

    def _update_buttons(self) -> None:
        quote = self.selected_quote()
        self.merge_button.setEnabled(self.selected_speaker() is not None
                                     and self.speaker_model.rowCount() > 1)
        self.reassign_button.setEnabled(quote is not None and self.speaker_model.rowCount() > 0)
        self.reject_button.setEnabled(quote is not None and quote.status != "rejected")

    def _show_detail(self, quote: Quote | None) -> None:
        if quote is None:
            self.detail.setText(
                "<span style='color:palette(placeholder-text)'>Select a quote to read it in full; "
                "double-click to open its post.</span>"
            )
            return
        esc = escape
        post = self.quote_model.post_of(quote)
        where = ""
        if post is not None:
            place = "In the headline of" if quote.field == "title" else "In"
            where = (f"<br><small>{place} “{esc(post.title or '(no headline)')}” · "
                     f"{esc(format_post_time(post))}")
            if post.byline:
                where += f" · {esc(post.byline)}"
            where += "</small>"
        self.detail.setText(
            f"<b>{quote_html(quote)}</b><br>— {esc(self.quote_model.speaker_name(quote))}"
            f"{', ' + esc(quote.cue) if quote.cue else ''}{where}"
        )

    # -- menus and dialogs -----------------------------------------------------------------------

    def speaker_menu(self) -> QMenu:
        """The context menu for the selected speaker."""
        menu = QMenu(self)
        merge = menu.addAction("Merge into another speaker…", self.open_merge_dialog)
        merge.setEnabled(self.selected_speaker() is not None and self.speaker_model.rowCount() > 1)
        menu.addAction("Show all quotes", lambda: self.select_speaker(None))
        return menu

    def quote_menu(self) -> QMenu:
        """The context menu for the selected quote."""
        menu = QMenu(self)
        quote = self.selected_quote()
        go = menu.addAction("Go to post", lambda: self._on_quote_activated(self.quote_view.currentIndex()))
        reassign = menu.addAction("Reassign speaker…", self.open_reassign_dialog)
        reject = menu.addAction("Reject quote…", self.open_reject_dialog)
        menu.addSeparator()
        copy = menu.addAction("Copy text", self._copy_quote)
        for action in (go, reassign, copy):
            action.setEnabled(quote is not None)
        reject.setEnabled(quote is not None and quote.status != "rejected")
        return menu

    def _speaker_menu(self, pos: QPoint) -> None:
        index = self.speaker_view.indexAt(pos)
        if index.isValid():
            self.speaker_view.setCurrentIndex(index)
            self.speaker_menu().popup(self.speaker_view.viewport().mapToGlobal(pos))

    def _quote_menu(self, pos: QPoint) -> None:
        index = self.quote_view.indexAt(pos)
        if index.isValid():
            self.quote_view.setCurrentIndex(index)
            self.quote_menu().popup(self.quote_view.viewport().mapToGlobal(pos))

    def _copy_quote(self) -> None:
        quote = self.selected_quote()
        if quote is not None:
            QGuiApplication.clipboard().setText(quote_display(quote))

    def open_reassign_dialog(self) -> ReassignDialog | None:
        """Ask who said the selected quote; emits :attr:`reassignRequested` when confirmed."""
        quote = self.selected_quote()
        if quote is None:
            return None
        dialog = ReassignDialog(self, quote, self.quote_model.speaker_name(quote),
                                self.speaker_model.speakers())

        def done() -> None:
            speaker_id = dialog.selected_speaker_id()
            if speaker_id is not None:
                self.reassignRequested.emit(quote.id, speaker_id)

        dialog.accepted.connect(done)
        self._show_dialog(dialog)
        return dialog

    def open_merge_dialog(self) -> MergeDialog | None:
        """Ask which speaker the selected one should merge into; emits :attr:`mergeRequested`."""
        merge = self.selected_speaker()
        if merge is None:
            return None
        dialog = MergeDialog(self, merge, self.speaker_model.speakers())

        def done() -> None:
            keep = dialog.selected_speaker_id()
            if keep is not None:
                self.mergeRequested.emit(keep, merge.id)

        dialog.accepted.connect(done)
        self._show_dialog(dialog)
        return dialog

    def open_reject_dialog(self) -> QMessageBox | None:
        """Confirm rejecting the selected quote; emits :attr:`rejectRequested` when confirmed."""
        quote = self.selected_quote()
        if quote is None or quote.status == "rejected":
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Reject quote")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"Reject this quote by {escape(self.quote_model.speaker_name(quote))}?")
        box.setInformativeText(
            f"<b>{escape(quote_display(quote))}</b><br><br>It will be marked as wrong and "
            "re-extraction will not bring it back."
        )
        reject = box.addButton("Reject quote", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done() -> None:
            if box.clickedButton() is reject:
                self.rejectRequested.emit(quote.id)

        box.finished.connect(lambda _: done())
        self._show_dialog(box)
        return box

    def _show_dialog(self, dialog: QDialog) -> None:
        # Window-modal and non-blocking: the event loop (and the live feed) keeps running.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

