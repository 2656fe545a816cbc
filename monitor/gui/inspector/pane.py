"""The speaker & quote inspector pane: who said what, and the analyst's corrections.

Two tables (speakers, quotes: :mod:`.models` behind :mod:`.proxies`) and the chosen quote in full.
The pane shows what it is given (:meth:`InspectorPane.set_speakers`, :meth:`InspectorPane.set_quotes`)
and turns the analyst's actions into signals (through :mod:`.dialogs`); the owner writes the
corrections to the store and sends fresh data back. It never reads the database itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monitor.gui.inspector.delegates import SingleLineDelegate
from monitor.gui.inspector.dialogs import MergeDialog, ReassignDialog
from monitor.gui.inspector.models import ID_ROLE, QuoteTableModel, SpeakerTableModel
from monitor.gui.inspector.proxies import SortFilterProxy, SourceSortingProxy
from monitor.gui.inspector.text import format_post_time, quote_display, quote_html
from monitor.model import Post, Quote, Speaker
from monitor.model.corroboration import reported_text
from monitor.paint.safe_text import escape, plain_label

#: Space between a table cell's edge and its text (the style's margin, and a little air).
CELL_MARGIN_PX = 4

#: Rows of the speaker list (beyond the visible ones) its content-sized columns are measured on:
#: none, they fit the rows in view (measuring 100 more costs 30 ms at every change of a count).
SPEAKER_ROWS_MEASURED = 0


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
        #: Side columns hidden because the table is narrow (shown again when it widens); a
        #: column the reader hid stays hidden.
        self._narrow_hidden: set[int] = set()
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
        self._after_new_quotes(quotes)

    def _after_new_quotes(self, quotes: Sequence[Quote]) -> None:
        self._speaker_column(quotes)
        self._fit_columns()
        self._fit_rows()
        self._update_titles()
        self._update_buttons()
        self._show_detail(None)

    def _speaker_column(self, quotes: Sequence[Quote]) -> None:
        # One speaker's quotes need no speaker column; a mixed list does.
        speaker_ids = {q.speaker_id for q in quotes}
        self.quote_view.setColumnHidden(QuoteTableModel.SPEAKER, len(speaker_ids) == 1 and
                                        self._current_speaker in speaker_ids)

    def update_quotes(self, quotes: Sequence[Quote], posts: dict[int, Post]) -> None:
        """Show ``quotes`` by patching the rows that differ (a correction, a few new quotes):
        only inserted rows are measured, and the selection, the scroll and the quote shown in
        full stay. Many differing rows replace the list (``set_quotes``)."""
        selected = self.selected_quote()
        inserted = self.quote_model.update_quotes(quotes, posts)
        if inserted is None:
            self._after_new_quotes(quotes)
            return
        self._speaker_column(quotes)
        for row in inserted:
            if row < self.FIT_ROWS_MAX:
                self._fit_row(row)
        self._update_titles()
        self._update_buttons()
        if selected is not None:  # the quote shown in full may be gone, or have a new speaker
            self._show_detail(self.selected_quote())

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

    #: Columns the quote table leaves out when it is narrower than NARROW_PX (a dock beside the
    #: feed on a small screen): what was cued, where and when is in the detail under the table,
    #: and the quote itself must keep a readable width rather than wrap a word a line.
    NARROW_HIDDEN = (QuoteTableModel.CUE, QuoteTableModel.OUTLET, QuoteTableModel.CONFIDENCE,
                     QuoteTableModel.POSTED)
    NARROW_PX = 560

    def _hide_side_columns_when_narrow(self) -> None:
        room = self.quote_view.viewport().width()
        narrow = 0 < room < self.NARROW_PX
        for column in self.NARROW_HIDDEN:
            if narrow and not self.quote_view.isColumnHidden(column):
                self.quote_view.setColumnHidden(column, True)
                self._narrow_hidden.add(column)
            elif not narrow and column in self._narrow_hidden:
                self.quote_view.setColumnHidden(column, False)
                self._narrow_hidden.discard(column)

    def _fit_columns(self) -> None:
        """Size the side columns to their contents, within caps; the quote takes the rest."""
        self._hide_side_columns_when_narrow()
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
        share = 0.4 if 0 < room < self.NARROW_PX else 0.6  # narrow: the quote gets 60%
        if room > 0 and side > room * share:
            factor = room * share / side
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
        for row in range(first, last):
            self._fit_row(row)
        if last < min(self.quote_model.rowCount(), self.FIT_ROWS_MAX):
            QTimer.singleShot(0, self, lambda: self._fit_slice(generation, last))

    def _fit_row(self, row: int) -> None:
        """Size ``row`` to its quote's wrapped text."""
        view = self.quote_view
        header = view.verticalHeader()
        width = max(40, view.columnWidth(QuoteTableModel.TEXT) - 2 * CELL_MARGIN_PX)
        index = self.quote_model.index(row, QuoteTableModel.TEXT)
        text = str(index.data() or "")
        # The cell's own font (the model makes reported speech italic), as the view draws it.
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font.resolve(view.font()) if font is not None else view.font())
        wrap = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRect(0, 0, width, 100_000), wrap, text).height()
        header.resizeSection(row, max(header.defaultSectionSize(), height + 2 * CELL_MARGIN_PX))

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
        reach = quote.reach
        if reach is not None and (reach.reported_by > 1 or reach.tiers):
            where += f"<br><small>{esc(reported_text(reach).capitalize())}</small>"
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
