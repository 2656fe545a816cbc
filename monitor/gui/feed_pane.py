"""The live feed pane: search, filters, the list of posts and the "N new posts" button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from monitor.gui import data
from monitor.gui.feed_delegate import PostDelegate
from monitor.gui.feed_model import FeedModel
from monitor.gui.item_copies import CopyRow, copies_text, item_copies
from monitor.gui.post_diff import diff_document, version_text, word_diff
from monitor.gui.post_evidence import EvidenceSaved, documents_text, post_documents, save_evidence, saved_text
from monitor.gui.workers import Runner
from monitor.model import Post, parse_iso
from monitor.model.timefmt import stored_utc
from monitor.paint import theme
from monitor.paint.safe_text import plain_label
from monitor.store.feed import FeedFilter, sort_key

SEARCH_DELAY_MS = 200
#: The longest line the post dialog lays out in one piece. QPlainTextEdit lays out only the
#: paragraphs in view, but each of those whole: a 5 MB post on one line held the window for
#: seconds. Longer lines are shown broken at a space (see :func:`lazy_layout_text`).
DIALOG_LINE_CHARS = 10_000
#: How many characters of a source's title the source filter is sized for (longer ones elided).
SOURCE_CHARS = 24
#: The most characters of a headline used as the post dialog's window title.
TITLE_CHARS = 200


def lazy_layout_text(text: str, limit: int = DIALOG_LINE_CHARS) -> str:
    """``text`` with every line longer than ``limit`` broken into lines of at most ``limit``.

    A line is broken at its last space before the limit, and that space becomes the line break,
    so the text keeps its length and offsets into it still point at the same characters; only a
    run of ``limit`` characters without any space gets a break inserted.
    """
    if len(text) <= limit:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        while len(line) - start > limit:
            cut = line.rfind(" ", start, start + limit + 1)
            if cut <= start:  # no space to break at: break inside the run
                out.append(line[start:start + limit])
                start += limit
            else:
                out.append(line[start:cut])
                start = cut + 1
        out.append(line[start:])
    return "\n".join(out)


def original_link(post: Post | None) -> QUrl | None:
    """The web page a post came from, when it is an http(s) address; anything else (a file, a
    script, a made-up scheme from a feed) is never handed to the system."""
    if post is None or not post.url:
        return None
    url = QUrl(post.url.strip(), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https") or not url.host():
        return None
    return url


class FeedView(QListView):
    """The list of posts: pixel scrolling, rows as tall as their text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        # Lay rows out a few at a time between events, so a reload never holds the loop.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(10)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.verticalScrollBar().setSingleStep(24)
        #: Said in the middle of an empty list (why it is empty, what to do).
        self.empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(colour)
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()


class FeedPane(QWidget):
    """Posts newest first, with search as you type and filters by source and speaker."""

    speakerFilterCleared = Signal()
    postSelected = Signal(object)  # Post or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedPane")
        self._runner: Runner | None = None
        self._speaker: tuple[int, str] | None = None
        self._as_of: str | None = None
        self._pending_highlight: tuple[int, int, int] | None = None
        self._unread_counts: dict[int, int] = {}  # unread posts per source, from the store
        self._unread_copies = 0  # of those, later copies of a story item: "All sources" counts items
        self._source_titles: list[tuple[int, str]] = []

        self.model = FeedModel(parent=self)
        self.view = FeedView(self)
        self.delegate = PostDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("feedSearch")
        self.search.setPlaceholderText("Search posts (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        # The search box keeps room for its placeholder whatever the sources are called.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Search posts (Ctrl+F)") + 48)
        self.sources = QComboBox(self)
        self.sources.setObjectName("feedSources")
        self.sources.addItem("All sources", None)
        # A source's title comes from its feed and may be any length: the combo is sized for
        # about 24 characters and elides longer titles (the list shows them whole).
        self.sources.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sources.setMinimumContentsLength(SOURCE_CHARS)
        self.sources.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sources.view().setMinimumWidth(self.sources.fontMetrics().horizontalAdvance("M") * SOURCE_CHARS)
        self.speaker_chip = QToolButton(self)
        self.speaker_chip.setObjectName("speakerChip")
        self.speaker_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.speaker_chip.setToolTip("Show posts by everyone again")
        self.speaker_chip.hide()
        self.status = plain_label("", self)
        self.status.setObjectName("feedStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message = plain_label("", self)  # errors name what a server or store said
        self._read_error = False  # the message says a read failed (cleared once one works)
        self.message.setObjectName("feedMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.new_posts = QPushButton(self.view)
        self.new_posts.setObjectName("newPostsButton")
        self.new_posts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_posts.hide()

        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        top.addWidget(self.sources)
        top.addWidget(self.speaker_chip)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.sources.currentIndexChanged.connect(self._apply_filter)
        self.speaker_chip.clicked.connect(self.clear_speaker_filter)
        self.new_posts.clicked.connect(self.show_new_posts)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda index: self.open_post(index.row()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.viewport().installEventFilter(self)
        for signal in (self.model.totalChanged, self.model.unreadChanged, self.model.loadingChanged):
            signal.connect(self._update_status)
        self.model.pendingChanged.connect(self._update_new_button)
        self.model.located.connect(self._located)
        self.model.notFound.connect(self._not_found)
        self.model.rowsEdited.connect(self.view.doItemsLayout)
        self.model.errorOccurred.connect(self._read_failed)
        self.model.totalChanged.connect(self._read_again)
        self.model.modelReset.connect(self._update_status)
        self._update_status()

    # -- wiring --------------------------------------------------------------------------

    def set_runner(self, runner: Runner | None) -> None:
        """Show the posts of the database behind ``runner``."""
        self._runner = runner
        self.model.set_runner(runner)

    def reset(self) -> None:
        """Forget the database shown: no posts, no search, no filters, no unread marks."""
        self.set_runner(None)
        self._search_timer.stop()
        for widget in (self.search, self.sources):
            widget.blockSignals(True)
        self.search.clear()
        self.sources.clear()
        self.sources.addItem("All sources", None)
        for widget in (self.search, self.sources):
            widget.blockSignals(False)
        self._speaker = None
        self.speaker_chip.hide()
        self._as_of = None
        self._pending_highlight = None
        self.model.reference_time = None
        self.model.mark_all_read()  # unread marks and alerts belong to the other database
        self.model.set_sources({})
        self._unread_counts = {}
        self._unread_copies = 0
        self._source_titles = []
        self.model.set_filter(FeedFilter())
        self.show_message("")

    def set_sources(self, sources: list[tuple[int, str]], unread: dict[int, int] | None = None,
                    unread_copies: int = 0) -> None:
        """The sources offered in the filter, as (id, title), with their unread counts; of those,
        ``unread_copies`` are later copies of a story item, which "All sources" shows once."""
        titles = dict(sources)
        self.model.set_sources(titles)
        self._source_titles = list(sources)
        if unread is not None:
            self._unread_counts = dict(unread)
            self._unread_copies = unread_copies
        self._fill_sources()
        self._update_status()

    def _fill_sources(self) -> None:
        counts = self._unread_counts

        def label(title: str, count: int) -> str:
            return f"{title} ({count:,})" if count else title

        current = self.sources.currentData()
        wanted = [(None, label("All sources", self._unread_total())),
                  *((sid, label(title, counts.get(sid, 0))) for sid, title in self._source_titles)]
        have = [(self.sources.itemData(i), self.sources.itemText(i)) for i in range(self.sources.count())]
        if have == wanted:
            return
        self.sources.blockSignals(True)
        self.sources.clear()
        for sid, title in wanted:
            self.sources.addItem(title, sid)
        index = self.sources.findData(current)
        self.sources.setCurrentIndex(max(0, index))
        self.sources.blockSignals(False)

    # -- filters -------------------------------------------------------------------------

    def current_filter(self) -> FeedFilter:
        """The filter the controls describe."""
        return FeedFilter(
            text=self.search.text().strip(),
            source_id=self.sources.currentData(),
            speaker_id=self._speaker[0] if self._speaker else None,
            as_of=self._as_of,
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.feed_filter:
            self.model.set_filter(flt)

    def set_search(self, text: str) -> None:
        """Search as if typed, at once."""
        self.search.setText(text)
        self._apply_filter()

    def clear_search(self) -> None:
        """Empty the search box and show every post again (Esc)."""
        if self.search.text():
            self.set_search("")

    def open_original(self) -> None:
        """Open the selected post's web page in the system browser (Ctrl+O)."""
        post = self.current_post()
        link = original_link(post)
        if link is None:
            self.show_message("This post has no web address to open." if post else "Select a post first.")
            return
        if not QDesktopServices.openUrl(link):
            self.show_message(f"Could not open {link.toString()}")

    def copy_link(self) -> None:
        """Copy the selected post's web address (Ctrl+Shift+C)."""
        post = self.current_post()
        if post is not None and post.url:
            QGuiApplication.clipboard().setText(post.url)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_source_filter(self, source_id: int | None) -> None:
        """Show only posts of one source (None: all)."""
        self.sources.setCurrentIndex(max(0, self.sources.findData(source_id)))
        self._apply_filter()

    def set_speaker_filter(self, speaker_id: int | None, name: str = "") -> None:
        """Show only posts quoting one speaker (None: everyone)."""
        self._speaker = (speaker_id, name or f"speaker {speaker_id}") if speaker_id is not None else None
        if self._speaker:
            self.speaker_chip.setText(f"Quoting {self._speaker[1]}  ✕")
            self.speaker_chip.show()
        else:
            self.speaker_chip.hide()
        self._apply_filter()

    def clear_speaker_filter(self) -> None:
        """Show posts by everyone again."""
        self.set_speaker_filter(None)
        self.speakerFilterCleared.emit()

    def set_as_of(self, as_of: str | None) -> None:
        """Replay: show posts published up to ``as_of`` (ISO 8601 UTC); None: live."""
        self._as_of = as_of
        self.model.reference_time = parse_iso(as_of) if as_of else None
        self._apply_filter()

    # -- new posts -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Look for new and edited posts."""
        if self._as_of is None:  # a replay shows the past; it does not take new posts
            self.model.refresh()

    def _scrolled(self, value: int) -> None:
        self.model.hold_new = value > 0
        if value == 0 and self.model.pending:
            self.show_new_posts()

    def show_new_posts(self) -> None:
        """Go to the top and show the posts that arrived while the reader was scrolled down."""
        self.model.hold_new = False
        self.model.show_pending()
        self.view.scrollToTop()

    def _update_new_button(self, count: int) -> None:
        if count <= 0:
            self.new_posts.hide()
            return
        self.new_posts.setText(f"↑  {count:,} new post{'s' if count != 1 else ''}")
        self.new_posts.adjustSize()
        self._place_new_button()
        self.new_posts.show()
        self.new_posts.raise_()
        self._update_status()

    def _place_new_button(self) -> None:
        x = (self.view.width() - self.new_posts.width()) // 2
        self.new_posts.move(max(0, x), 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_new_button()
        return super().eventFilter(watched, event)

    def _update_status(self, *_: object) -> None:
        model = self.model
        if model.feed_filter.text and model.total > data.SEARCH_TOTAL_CAP:
            parts = [f"more than {data.SEARCH_TOTAL_CAP:,} posts"]
        else:
            parts = [f"{model.total:,} post{'s' if model.total != 1 else ''}"]
        unread = self.unread_count()
        if unread:
            parts.append(f"{unread:,} unread")
        if model.pending:
            parts.append(f"{model.pending:,} new")
        if model.loading:
            parts.append("loading…")
        self.status.setText(" · ".join(parts))
        flt = model.feed_filter
        if model.loading or self._runner is None:
            empty = "Loading posts…" if self._runner is not None else "No database open."
        elif flt.text:
            empty = f"No posts match “{flt.text}”."
        elif flt.speaker_id is not None or flt.source_id is not None:
            empty = "No posts from this speaker or source."
        elif flt.as_of:
            empty = "No posts had been published by this time."
        else:
            empty = "No posts yet.\nImport a live page or feed (File → Import file) or add a source to poll."
        self.view.empty_text = empty
        self.view.viewport().update()

    def _unread_total(self) -> int:
        """Unread story items over every source: each source's unread posts, less the copies
        (an agency story unread in five sources is one unread row of the feed)."""
        return max(0, sum(self._unread_counts.values()) - self._unread_copies)

    def unread_count(self) -> int:
        """Unread posts of the source shown (all sources: all of them), as the store counts them."""
        source = self.sources.currentData()
        counts = self._unread_counts
        stored = counts.get(source, 0) if source is not None else self._unread_total()
        # Both are lower bounds: the store's counts come with the next snapshot (new posts lag
        # behind), the model knows only the rows it has loaded.
        return max(stored, self.model.unread_count())

    # -- read and unread -----------------------------------------------------------------

    def _keep_read(self, post: Post, read: bool) -> None:
        """Show ``post`` read (or unread) and keep that in the store."""
        if self.model.is_unread(post.id) != read:
            return
        self.model.set_unread(post.id, not read)
        count = self._unread_counts.get(post.source_id, 0) + (-1 if read else 1)
        self._unread_counts[post.source_id] = max(0, count)
        self._fill_sources()
        self._update_status()
        if self._runner is not None:
            self._runner.write(data.set_read, [post.id], read,
                               on_error=lambda exc: self.show_message(f"Read state not saved: {exc}"))

    def toggle_read(self) -> None:
        """Mark the selected post unread when read, read when unread (M)."""
        post = self.current_post()
        if post is not None:
            self._keep_read(post, self.model.is_unread(post.id))

    def mark_all_read(self) -> None:
        """Every post read, kept in the store; alerts cleared."""
        self.model.mark_all_read()
        self._unread_counts = {}
        self._unread_copies = 0
        self._fill_sources()
        self._update_status()
        if self._runner is not None:
            self._runner.write(data.mark_all_read,
                               on_error=lambda exc: self.show_message(f"Read state not saved: {exc}"))

    def next_unread(self) -> None:
        """Select the next unread post below the selected one, loading pages to find it (N)."""
        row = self.view.currentIndex().row()
        found = self.model.next_unread_row(row)
        if found is not None:
            self.select_row(found)
            return
        if self._runner is None:
            return
        last = self.model.post_at(self.model.rowCount() - 1)
        after = sort_key(last) if last is not None else None
        self._runner.read(data.next_unread, self.model.feed_filter, after, on_result=self._found_unread)

    def _found_unread(self, post_id: int | None) -> None:
        if post_id is None:
            self.show_message("No more unread posts.")
            QTimer.singleShot(4000, lambda: self.show_message(""))
            return
        self.model.locate(post_id)

    def page_or_next_unread(self) -> None:
        """Page down the list; at its end, jump to the next unread post (Space)."""
        bar = self.view.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.setValue(min(bar.maximum(), bar.value() + max(1, self.view.viewport().height() - 40)))
        else:
            self.next_unread()

    def open_current(self) -> None:
        """Open the selected post in full (Enter)."""
        index = self.view.currentIndex()
        if index.isValid():
            self.open_post(index.row())

    def _read_failed(self, text: str) -> None:
        self._read_error = True
        self.show_message(text)

    def _read_again(self, _total: int) -> None:
        """A first page was read: a failed read's message (a search the store could not run,
        a store that was away) is no longer true."""
        if self._read_error:
            self._read_error = False
            self.show_message("")

    def show_message(self, text: str) -> None:
        """A line above the list saying what is wrong (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- moving around -------------------------------------------------------------------

    def current_post(self) -> Post | None:
        """The selected post."""
        index = self.view.currentIndex()
        return self.model.post_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        """Select a row and bring it into view."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def next_post(self) -> None:
        """Select the next (older) post, loading more when at the end."""
        row = self.view.currentIndex().row()
        if row + 1 >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        self.select_row(min(row + 1, self.model.rowCount() - 1))

    def previous_post(self) -> None:
        """Select the previous (newer) post."""
        row = self.view.currentIndex().row()
        self.select_row(max(row - 1, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        post = self.model.post_at(current.row()) if current.isValid() else None
        if post is not None:
            self._keep_read(post, True)
        self.postSelected.emit(post)

    def scroll_to_post(self, post_id: int, start: int = 0, end: int = 0) -> None:
        """Bring a post into view and highlight ``start:end`` of its body."""
        self._pending_highlight = (post_id, start, end)
        self.model.locate(post_id)

    def _located(self, row: int) -> None:
        post = self.model.post_at(row)
        if post is None:
            return
        if self._pending_highlight and self._pending_highlight[0] == post.id:
            _, start, end = self._pending_highlight
            if end > start:
                self.model.set_highlight(post.id, start, end)
            self._pending_highlight = None
        self.select_row(row)
        self.show_message("")

    def _not_found(self, post_id: int) -> None:
        flt = self.model.feed_filter
        if flt.text or flt.source_id is not None or flt.speaker_id is not None:
            # Hidden by a filter: clear the filters (not the replay time) and try again.
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.sources.blockSignals(True)
            self.sources.setCurrentIndex(0)
            self.sources.blockSignals(False)
            self._speaker = None
            self.speaker_chip.hide()
            self.model.set_filter(self.current_filter())
            self.model.locate(post_id)
            return
        self.show_message(f"Post {post_id} is not in the feed (it may be after the replay time).")

    # -- post details --------------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        post = self.model.post_at(index.row()) if index.isValid() else None
        menu = QMenu(self)
        if post is not None:
            self.select_row(index.row())  # what the menu's actions act on
            menu.addAction("Open post…", lambda: self.open_post(index.row()))
            history = QAction("Show earlier versions…", menu)
            history.setEnabled(post.revision_count > 0)
            history.triggered.connect(lambda: self.open_post(index.row()))
            menu.addAction(history)
            menu.addAction("Copy text", lambda: QGuiApplication.clipboard().setText(
                "\n\n".join(x for x in (post.title, post.body) if x)))
            original = menu.addAction("Open original", self.open_original)
            original.setEnabled(original_link(post) is not None)
            copy = menu.addAction("Copy link", self.copy_link)
            copy.setEnabled(bool(post.url))
            menu.addSeparator()
        if post is not None:
            unread = self.model.is_unread(post.id)
            menu.addAction("Mark as read" if unread else "Mark as unread",
                           lambda: self._keep_read(post, unread))
        menu.addAction("Mark all as read", self.mark_all_read)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def open_post(self, row: int) -> None:
        """Show a post in full, with its earlier versions when it was edited."""
        post = self.model.post_at(row)
        if post is None or self._runner is None:
            return
        dialog = PostDialog(post, self, self.model.data(self.model.index(row), FeedModel.SourceRole) or "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._runner.read(data.revisions, post.id, on_result=dialog.set_revisions)
        if post.also_in:
            self._runner.read(item_copies, post.id, on_result=dialog.set_copies)
        self._runner.read(post_documents, post.id, on_result=dialog.set_documents)
        runner = self._runner
        dialog.evidenceRequested.connect(
            lambda folder, with_copies: runner.read(save_evidence, post.id, folder, with_copies,
                                                    on_result=dialog.evidence_saved,
                                                    on_error=dialog.evidence_failed))
        dialog.open()
        self.post_dialog = dialog


class PostDialog(QDialog):
    """A post in full: its source, time and link, and when it was edited each earlier version
    with what changed from the version before it, word by word; the documents it came from, and
    "Save evidence…" to write its evidence bundle."""

    #: The folder the user chose to save the post's evidence bundle in, and whether the bundle
    #: holds the post's copies in other sources too.
    evidenceRequested = Signal(str, bool)

    def __init__(self, post: Post, parent: QWidget | None = None, source: str = "") -> None:
        super().__init__(parent)
        title = post.title or f"Post {post.id}"
        self.setWindowTitle(title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…")
        self.resize(760, 560)
        self._current = post
        self.meta = plain_label(post_meta(post, source), self)  # the source's title is the feed's
        self.meta.setObjectName("postMeta")
        self.meta.setWordWrap(True)
        # A story item's copies in other sources, each with its source and time (read after).
        self.copies = plain_label("", self)
        self.copies.setObjectName("postCopies")
        self.copies.setWordWrap(True)
        self.copies.setVisible(False)
        # The documents each version came from (read after), and what saving evidence did.
        self.documents = plain_label("", self)
        self.documents.setObjectName("postDocuments")
        self.documents.setWordWrap(True)
        self.documents.setVisible(False)
        # Shown once the post turns out to have copies: the bundle may hold them all.
        self.evidence_copies = QCheckBox(self)  # its text says how many copies, once known
        self.evidence_copies.setObjectName("postEvidenceCopies")
        self.evidence_copies.setToolTip("Save evidence… writes every copy of this story item, each "
                                        "with the documents it came from, into one bundle")
        self.evidence_copies.setVisible(False)
        self.evidence_status = plain_label("", self)
        self.evidence_status.setObjectName("postEvidenceStatus")
        self.evidence_status.setWordWrap(True)
        self.evidence_status.setVisible(False)
        self.versions = QListWidget(self)
        self.versions.setObjectName("postVersions")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)  # plain text: nothing in a post can run or load
        self.changes_label = plain_label("Changes from the version before", self)
        self.changes = QTextEdit(self)
        self.changes.setObjectName("postChanges")
        self.changes.setReadOnly(True)
        self.changes.setAcceptRichText(False)
        self._shown = ""
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.text)
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.changes_label)
        box.addWidget(self.changes, 1)
        right.addWidget(holder)
        self.changes_holder = holder
        split = QSplitter(self)
        split.addWidget(self.versions)
        split.addWidget(right)
        split.setSizes([180, 580])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton("Open original", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = buttons.addButton("Copy link", QDialogButtonBox.ButtonRole.ActionRole)
        self.evidence_button = buttons.addButton("Save evidence…", QDialogButtonBox.ButtonRole.ActionRole)
        self.evidence_button.setToolTip("Write this post, the documents it came from and a manifest "
                                        "of their hashes and times into a new folder that anyone can "
                                        "check with sha256sum -c SHA256SUMS")
        self.evidence_button.clicked.connect(self.choose_evidence_folder)
        link = original_link(post)
        self.open_button.setEnabled(link is not None)
        self.copy_button.setEnabled(bool(post.url))
        self.open_button.clicked.connect(lambda: link is not None and QDesktopServices.openUrl(link))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(post.url or ""))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meta)
        layout.addWidget(self.copies)
        layout.addWidget(self.evidence_copies)
        layout.addWidget(self.documents)
        layout.addWidget(split, 1)
        layout.addWidget(self.evidence_status)
        layout.addWidget(buttons)
        self._versions: list[dict] = []
        self.versions.currentRowChanged.connect(self._show)
        self.set_revisions((post, []))

    def set_revisions(self, result: tuple[Post | None, list[dict]]) -> None:
        """Fill the list: the current version first, then earlier ones newest first."""
        post, earlier = result
        post = post or self._current
        current = {"revision": None, "title": post.title, "byline": post.byline,
                   "location": post.location, "body": post.body,
                   "seen_at": post.updated or post.first_seen}
        self._versions = [current, *reversed(earlier)]
        self.versions.clear()
        for version in self._versions:
            label = ("Current" + (" (updated)" if earlier else "")) if version["revision"] is None \
                else f"Version {version['revision']}"
            self.versions.addItem(f"{label}\n{version.get('seen_at') or ''}")
        self.versions.setCurrentRow(0)

    def set_copies(self, rows: list[CopyRow]) -> None:
        """List the story item's copies: "Also in N sources", then each with source and time."""
        others = len({r.source_id for r in rows}) - 1
        if not rows:
            self.copies.setVisible(False)
            return
        self.copies.setText(f"Also in {others} other source{'s' if others != 1 else ''}; "
                            f"{len(rows)} copies:\n{copies_text(rows)}")
        self.copies.setVisible(True)
        self.evidence_copies.setText(f"Save evidence with all {len(rows)} copies")
        self.evidence_copies.setVisible(True)

    def set_documents(self, links: list) -> None:
        """List the documents the post's versions came from (none kept: nothing shown)."""
        text = documents_text(links)
        self.documents.setText(text)
        self.documents.setVisible(bool(text))

    def choose_evidence_folder(self) -> None:
        """Ask where to save the evidence bundle (a new folder is made inside the one chosen)."""
        folder = QFileDialog.getExistingDirectory(self, "Save evidence in a new folder inside…")
        if folder:
            self.evidence_button.setEnabled(False)
            self._say_evidence("Saving evidence…", error=False)
            self.evidenceRequested.emit(folder, not self.evidence_copies.isHidden()
                                        and self.evidence_copies.isChecked())

    def evidence_saved(self, saved: EvidenceSaved) -> None:
        self.evidence_button.setEnabled(True)
        self._say_evidence(saved_text(saved), error=False)

    def evidence_failed(self, exc: Exception) -> None:
        self.evidence_button.setEnabled(True)
        self._say_evidence(f"Evidence not saved: {exc}", error=True)

    def _say_evidence(self, text: str, *, error: bool) -> None:
        self.evidence_status.setText(text)
        self.evidence_status.setStyleSheet(f"color: {theme.FAILING};" if error else "")
        self.evidence_status.setVisible(True)

    def changes_text(self) -> str:
        """The changes shown, as plain text (for tests and screen readers)."""
        return self.changes.toPlainText()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._versions):
            text = version_text(self._versions[row])
            before = self._versions[row + 1] if row + 1 < len(self._versions) else None
            self.changes_holder.setVisible(before is not None)
            if before is not None:
                diff_document(word_diff(version_text(before), text), self.changes.document())
            if text == self._shown:
                return  # the same version again (the revisions arrived): no second layout
            self._shown = text
            # Long lines broken at spaces, so that only the lines in view are ever laid out.
            self.text.setPlainText(lazy_layout_text(text))


def post_meta(post: Post, source: str) -> str:
    """The line above a post in its dialog: source, published time, edits, address."""
    parts = [source or "unknown source",
             f"published {stored_utc(post.published)}" if post.published
             else f"undated (first seen {stored_utc(post.first_seen)})"]
    if post.revision_count:
        parts.append(f"updated {stored_utc(post.updated or '')} · {post.revision_count} earlier "
                     f"version{'s' if post.revision_count != 1 else ''}")
    if post.url:
        parts.append(post.url)
    return " · ".join(parts)
