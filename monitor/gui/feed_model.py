"""The live feed as a Qt list model: pages loaded lazily off the GUI thread, newest first.

The model holds the ids (and feed positions) of the rows it has loaded, as Anki's browser table
does, and the posts themselves in a bounded row cache (``row_cache.RowCache``): scrolling through
thousands of posts does not keep every body. A row dropped from the cache is read again by id on
a worker when a view asks for it (its roles answer None until then, and ``dataChanged`` follows).
``fetchMore`` asks a worker for the next page and returns at once; the rows arrive later by
signal. The next two pages are read ahead, one after the other, as soon as a page arrives, so
scrolling to the bottom usually finds the next one waiting: its rows are then in the list when
``fetchMore`` returns, as ``QSqlQueryModel``'s are, with no read on a worker to wait for. A
generation number drops pages that belong to an earlier filter. New posts come from ``refresh``;
while the reader is scrolled down (``hold_new``) they are only counted, so the list never jumps
under the reader's eyes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from shiboken6 import isValid

from monitor.gui import data
from monitor.gui.data import FeedChanges, FeedPage, FeedRows, Span
from monitor.gui.row_cache import MAX_CHARS, MAX_ROWS, RowCache
from monitor.gui.workers import Runner
from monitor.model import Post, utc_now
from monitor.paint.safe_text import plain_tooltip
from monitor.store.feed import ChangeMark, FeedFilter, SortKey, sort_key

ModelIndex = QModelIndex | QPersistentModelIndex

#: Pages read ahead of the list (each read when the one before it is in): scrolling down finds
#: the next page waiting even when pages are asked for faster than one is read.
AHEAD_PAGES = 2

_TERM = re.compile(r'"([^"]+)"|([^\s"]+)')


def search_terms(text: str) -> tuple[str, ...]:
    """The words and phrases of a search, for highlighting (operators and ``*`` dropped)."""
    terms: list[str] = []
    for match in _TERM.finditer(text or ""):
        term = (match.group(1) or match.group(2) or "").strip().rstrip("*")
        if term and term not in ("OR", "AND", "NOT") and re.search(r"\w", term):
            terms.append(term)
    return tuple(terms)


class FeedModel(QAbstractListModel):
    """Posts newest first, loaded a page at a time."""

    PostRole = Qt.ItemDataRole.UserRole + 1
    SpansRole = Qt.ItemDataRole.UserRole + 2
    UnreadRole = Qt.ItemDataRole.UserRole + 3
    AlertRole = Qt.ItemDataRole.UserRole + 4
    HighlightRole = Qt.ItemDataRole.UserRole + 5
    SearchRole = Qt.ItemDataRole.UserRole + 6
    SourceRole = Qt.ItemDataRole.UserRole + 7

    loadingChanged = Signal(bool)
    totalChanged = Signal(int)
    pendingChanged = Signal(int)
    unreadChanged = Signal(int)
    alertsArrived = Signal(object)  # dict: post id -> keywords, for new posts only
    located = Signal(int)  # row of the post asked for in locate()
    notFound = Signal(int)  # post id locate() could not show under the current filter
    rowsEdited = Signal()
    #: Posts added or edited since the last look were found (how many): written by this app or by
    #: another program on the same store (`monitor watch`, `monitor ingest`).
    postsFound = Signal(int)
    errorOccurred = Signal(str)

    def __init__(self, runner: Runner | None = None, page_size: int = 100, parent: Any = None, *,
                 cache_rows: int = MAX_ROWS, cache_chars: int = MAX_CHARS) -> None:
        super().__init__(parent)
        self._runner = runner
        self.page_size = page_size
        self._ids: list[int] = []
        self._keys: list[SortKey] = []  # feed position of each row, newest first
        self._row_of: dict[int, int] | None = None
        self._cache = RowCache(cache_rows, cache_chars)
        self._wanted: set[int] = set()  # ids of rows a view asked for that the cache dropped
        self._fetching = False
        # Pages read ahead, in order: (the sort key each follows, the page).
        self._ahead: list[tuple[SortKey, FeedPage]] = []
        # The read ahead on its way: (the sort key it follows, its generation, its epoch).
        self._ahead_wanted: tuple[SortKey, int, int] | None = None
        # Bumped when a page read ahead may no longer be what the store holds (posts edited or
        # added, quotes corrected, everything read): a read ahead of an earlier epoch is dropped.
        self._ahead_epoch = 0
        # True while fetchMore waits for the read ahead on its way instead of reading again.
        self._awaiting_ahead = False
        # True between a beginInsertRows and its endInsertRows.
        self._inserting = False
        # Called once the page on its way has arrived (or failed): see after_page().
        self._after_page: list[Callable[[], None]] = []
        self._unread: set[int] = set()
        self._alerts: dict[int, list[str]] = {}
        self._sources: dict[int, str] = {}
        self._highlight: tuple[int, int, int] | None = None
        self._filter = FeedFilter()
        self._terms: tuple[str, ...] = ()
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self._refreshing = False
        self._refresh_again = False
        self._mark: ChangeMark | None = None
        self._total = 0
        self._pending = 0
        self._pending_ids: list[int] = []
        self.hold_new = False
        self.keywords: tuple[str, ...] = ()
        #: Posts an alert rule that highlights matched (post id -> the rules' names).
        self.rule_alerts: dict[int, list[str]] = {}
        self.reference_time: datetime | None = None  # "now" for relative times; None: the clock

    # -- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or index.column() != 0:
            return None
        post_id = self._ids[index.row()]
        # Roles that need only the id answer without the post.
        if role == self.UnreadRole:
            return post_id in self._unread
        if role == self.AlertRole:
            return self._alerts.get(post_id, []) + self.rule_alerts.get(post_id, [])
        if role == self.HighlightRole:
            if self._highlight and self._highlight[0] == post_id:
                return self._highlight[1:]
            return None
        if role == self.SearchRole:
            return self._terms
        entry = self._cache.get(post_id)
        if entry is None:
            self._want(index.row())
            return None
        post, spans = entry
        if role == self.PostRole:  # first: the delegate asks for it for every row at each layout
            return post
        if role == Qt.ItemDataRole.DisplayRole:
            return post.title or post.body[:120]
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt guesses a tooltip's format: never the feed's
            when = post.published or f"undated (first seen {post.first_seen})"
            return plain_tooltip(f"{post.title or '(no headline)'}\n{when}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{post.title or ''}. {post.body[:300]}"
        if role == self.SpansRole:
            return spans
        if role == self.SourceRole:
            return self._sources.get(post.source_id, "")
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._runner is not None
            and not self._exhausted
            and not self._loading
        )

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        # Re-entry guard: views and model testers call this from inside insert signals.
        if not self.canFetchMore(parent) or self._runner is None:
            return
        self._set_loading(True)
        after = self._keys[-1] if self._keys else None
        generation = self._generation
        if after is not None and self._ahead and self._ahead[0][0] == after:
            ready = self._ahead.pop(0)[1]
            if self._inserting:
                # Asked from inside an insertion's own signals (a model tester does): the rows
                # come in the next turn of the event loop.
                QTimer.singleShot(0, self, lambda: self._on_page(generation, ready))
            else:  # read ahead: the rows are in when this returns, as QSqlQueryModel's are
                self._on_page(generation, ready)
            return
        self._ahead = []  # they follow other rows (the list was replaced)
        wanted = self._ahead_wanted
        if after is not None and wanted == (after, generation, self._ahead_epoch):
            self._awaiting_ahead = True  # on its way: its result is this page
            return
        self._read_page(after, generation)

    def _read_page(self, after: SortKey | None, generation: int) -> None:
        """Ask a worker for the page after ``after`` (the first, with its total, when None)."""
        if self._runner is None:
            return
        self._runner.read(
            data.feed_page, self._filter, after, self.page_size, after is None,
            on_result=lambda page: self._on_page(generation, page),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    # -- state ---------------------------------------------------------------------------

    @property
    def feed_filter(self) -> FeedFilter:
        """What the model shows."""
        return self._filter

    @property
    def total(self) -> int:
        """Posts passing the filter in the store (loaded or not)."""
        return self._total

    @property
    def pending(self) -> int:
        """New posts counted while held back."""
        return self._pending

    @property
    def loading(self) -> bool:
        """True while a page is on its way."""
        return self._loading

    def unread_count(self) -> int:
        """New posts not yet read."""
        return len(self._unread)

    def set_rule_alerts(self, alerts: dict[int, list[str]]) -> None:
        """Mark the posts alert rules matched (post id -> rule names); repaint if that changed."""
        if alerts == self.rule_alerts:
            return
        self.rule_alerts = dict(alerts)
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [self.AlertRole])

    def alert_ids(self) -> dict[int, list[str]]:
        """Posts that matched an alert keyword, and the keywords."""
        return dict(self._alerts)

    def post_at(self, row: int) -> Post | None:
        """The post on ``row``; None past the end, or while a row the cache dropped is read again."""
        if not 0 <= row < len(self._ids):
            return None
        entry = self._cache.get(self._ids[row])
        if entry is None:
            self._want(row)
            return None
        return entry[0]

    def post_id_at(self, row: int) -> int | None:
        """The id of the post on ``row`` (known for every loaded row)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, post_id: int) -> int | None:
        """The row of a loaded post."""
        if self._row_of is None:
            self._row_of = {pid: i for i, pid in enumerate(self._ids)}
        return self._row_of.get(post_id)

    @property
    def cache(self) -> RowCache:
        """The posts held in memory (the loaded rows' ids are all kept; their posts not)."""
        return self._cache

    def now(self) -> datetime:
        """The time relative times count from."""
        return self.reference_time or utc_now()

    def set_runner(self, runner: Runner | None) -> None:
        """Point the model at a database (through its runner) and load from the top."""
        if runner is not self._runner:
            self._after_page = []  # they waited for the other database's page
        self._runner = runner
        self.reload()

    def after_page(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the page on its way is in the list (or could not be read);
        at once when none is. A reload in between (a new filter) makes it wait for the new
        first page; pointing the model at another database forgets it."""
        if not self._loading:
            callback()
        else:
            self._after_page.append(callback)

    def set_sources(self, titles: dict[int, str]) -> None:
        """Source names shown in each post's byline."""
        if titles != self._sources:
            self._sources = dict(titles)
            self._emit_all_changed()

    def set_filter(self, flt: FeedFilter) -> None:
        """Show the posts passing ``flt``, reloading from the top."""
        self._filter = flt
        self._terms = search_terms(flt.text)
        self.reload()

    def reload(self) -> None:
        """Drop the loaded rows and load the first page again."""
        self._generation += 1
        self.beginResetModel()
        self._ids, self._keys = [], []
        self._row_of = None
        self._cache.clear()
        self._wanted.clear()
        self._drop_ahead()
        self._exhausted = False
        self._mark = None
        self._refreshing = False
        self.endResetModel()
        self._set_loading(False)
        self._set_pending(0)
        self.fetchMore()

    def set_highlight(self, post_id: int, start: int, end: int) -> None:
        """Mark a span of one post's body (e.g. a quote the analyst activated)."""
        old = self._highlight
        self._highlight = (post_id, start, end)
        for pid in {old[0] if old else post_id, post_id}:
            self._emit_post_changed(pid)

    def clear_highlight(self) -> None:
        """Remove the highlighted span."""
        if self._highlight:
            pid = self._highlight[0]
            self._highlight = None
            self._emit_post_changed(pid)

    def mark_read(self, post_id: int) -> None:
        """The reader has seen this post."""
        if post_id in self._unread:
            self._unread.discard(post_id)
            self._emit_post_changed(post_id)
            self.unreadChanged.emit(len(self._unread))

    def is_unread(self, post_id: int) -> bool:
        """True while the reader has not read this post."""
        return post_id in self._unread

    def set_unread(self, post_id: int, unread: bool) -> None:
        """Show a post as unread (or read) again."""
        if (post_id in self._unread) != unread:
            (self._unread.add if unread else self._unread.discard)(post_id)
            self._emit_post_changed(post_id)
            self.unreadChanged.emit(len(self._unread))

    def next_unread_row(self, after_row: int) -> int | None:
        """The first loaded row below ``after_row`` whose post is unread."""
        return next((r for r in range(after_row + 1, len(self._ids)) if self._ids[r] in self._unread), None)

    def mark_all_read(self) -> None:
        """The reader has seen everything; alerts are cleared too."""
        self._drop_ahead()  # its unread marks are from before
        self._unread.clear()
        self._alerts.clear()
        self._emit_all_changed()
        self.unreadChanged.emit(0)

    # -- new posts -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for posts added or edited since the last look."""
        if self._runner is None or self._mark is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        generation = self._generation
        self._runner.read(
            data.feed_changes, self._filter, self._mark, self.keywords, self.page_size,
            on_result=lambda changes: self._on_changes(generation, changes),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    def show_pending(self) -> None:
        """Load the held-back new posts: reload from the top, marking them unread."""
        ids = list(self._pending_ids)
        self.reload()
        self._unread.update(ids)
        self.unreadChanged.emit(len(self._unread))

    def refresh_posts(self, post_ids: Iterable[int]) -> None:
        """Read the loaded ones of these posts again (their quotes changed), then repaint them."""
        self._drop_ahead()  # a page read ahead may hold some of them too
        ids = sorted(pid for pid in set(post_ids) if self.row_of(pid) is not None)
        if not ids or self._runner is None:
            return
        generation = self._generation
        self._runner.read(
            data.feed_rows, ids,
            on_result=lambda rows: self._on_rows(generation, rows, wanted=False),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    def locate(self, post_id: int) -> None:
        """Make sure ``post_id`` is loaded, then emit ``located(row)`` (or ``notFound``)."""
        row = self.row_of(post_id)
        if row is not None:
            self.located.emit(row)
            return
        if self._runner is None:
            self.notFound.emit(post_id)
            return
        generation = self._generation
        self._runner.read(
            data.feed_through, self._filter, post_id,
            on_result=lambda page: self._on_through(generation, post_id, page),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    # -- results from workers --------------------------------------------------------------

    def _on_page(self, generation: int, page: FeedPage) -> None:
        if not isValid(self) or generation != self._generation:
            return
        if page.mark is not None:
            self._mark = page.mark
        if page.total is not None:
            self._total = page.total
            self.totalChanged.emit(page.total)
        self._exhausted = len(page.posts) < self.page_size
        self._unread.update(page.unread)  # read state kept in the store
        self._append(page.posts, page.spans)
        self._set_loading(False)
        self._read_ahead()
        self._page_done()

    def _page_done(self) -> None:
        callbacks, self._after_page = self._after_page, []
        for callback in callbacks:
            callback()

    # -- the page read ahead ---------------------------------------------------------------

    def _ahead_tail(self) -> SortKey | None:
        """The sort key the next page read ahead follows: the last read ahead, else the last row."""
        if self._ahead:
            posts = self._ahead[-1][1].posts
            return sort_key(posts[-1]) if posts else None
        return self._keys[-1] if self._keys else None

    def _read_ahead(self) -> None:
        """Read the next pages now, one at a time, until ``AHEAD_PAGES`` wait for ``fetchMore``."""
        if (self._runner is None or self._exhausted or self._ahead_wanted is not None
                or len(self._ahead) >= AHEAD_PAGES):
            return
        if self._ahead and len(self._ahead[-1][1].posts) < self.page_size:
            return  # the end of the feed is read
        after = self._ahead_tail()
        if after is None:
            return
        generation, epoch = self._generation, self._ahead_epoch
        self._ahead_wanted = (after, generation, epoch)
        self._runner.read(
            data.feed_page, self._filter, after, self.page_size, False,
            on_result=lambda page: self._on_ahead((after, generation, epoch), page),
            on_error=lambda exc: self._ahead_failed((after, generation, epoch), exc),
        )

    def _on_ahead(self, wanted: tuple[SortKey, int, int], page: FeedPage) -> None:
        if not isValid(self) or wanted != self._ahead_wanted:
            return  # dropped, or a later read ahead is on its way
        self._ahead_wanted = None
        if self._awaiting_ahead:  # fetchMore waits for this one: it is the next page
            self._awaiting_ahead = False
            self._on_page(wanted[1], page)
        elif wanted[0] == self._ahead_tail():
            self._ahead.append((wanted[0], page))
            self._read_ahead()

    def _ahead_failed(self, wanted: tuple[SortKey, int, int], exc: Exception) -> None:
        if not isValid(self) or wanted != self._ahead_wanted:
            return
        self._ahead_wanted = None
        if self._awaiting_ahead:  # a fetchMore was waiting for it: its error is the page's
            self._awaiting_ahead = False
            self._on_error(wanted[1], exc)

    def _drop_ahead(self) -> None:
        """Forget the pages read ahead (the store changed under them); a fetchMore waiting for
        the one on its way reads its page again."""
        self._ahead = []
        self._ahead_wanted = None
        self._ahead_epoch += 1
        if self._awaiting_ahead:
            self._awaiting_ahead = False
            if self._loading and self._keys:
                self._read_page(self._keys[-1], self._generation)

    def _append(self, posts: list[Post], spans: dict[int, list[Span]]) -> None:
        known = self.row_of
        fresh = [p for p in posts if known(p.id) is None]
        if not fresh:
            return
        first = len(self._ids)
        for post in fresh:
            self._cache.put(post, spans.get(post.id, []))
        self._inserting = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._ids.extend(p.id for p in fresh)
            self._keys.extend(sort_key(p) for p in fresh)
            self._row_of = None
            self.endInsertRows()
        finally:
            self._inserting = False

    def _on_changes(self, generation: int, changes: FeedChanges) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._refreshing = False
        self._mark = changes.mark
        if changes.added_count or changes.edited:
            self._drop_ahead()  # read before them: it may lack a post or hold an old version
        edited_any = False
        for post in changes.edited:
            row = self.row_of(post.id)
            if row is not None:
                self._cache.put(post, changes.spans.get(post.id, []))
                index = self.index(row)
                self.dataChanged.emit(index, index)
                edited_any = True
        if edited_any:
            self.rowsEdited.emit()
        self._remove_rows(changes.demoted)
        if changes.added_count:
            self._total += changes.added_count
            self.totalChanged.emit(self._total)
            self._alerts.update(changes.alerts)
            if self.hold_new or changes.added_count > len(changes.added):
                self._pending_ids.extend(p.id for p in changes.added)
                self._set_pending(self._pending + changes.added_count)
                if not self.hold_new:
                    self.show_pending()
            else:
                for post in sorted(changes.added, key=sort_key, reverse=True):
                    self._insert_sorted(post, changes.spans.get(post.id, []))
                self._unread.update(p.id for p in changes.added)
                self.unreadChanged.emit(len(self._unread))
            if changes.alerts:
                self.alertsArrived.emit(dict(changes.alerts))
        if changes.added_count or changes.edited:
            self.postsFound.emit(changes.added_count + len(changes.edited))
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _remove_rows(self, post_ids: list[int]) -> None:
        """Drop the rows of these posts (copies now shown through their item's new lead)."""
        rows = sorted((row for pid in post_ids if (row := self.row_of(pid)) is not None), reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            del self._keys[row]
            self._row_of = None
            self.endRemoveRows()
        if rows:
            self._total = max(0, self._total - len(rows))
            self.totalChanged.emit(self._total)
            self._unread.difference_update(post_ids)
            self.unreadChanged.emit(len(self._unread))

    def _insert_sorted(self, post: Post, spans: list[Span]) -> None:
        key = sort_key(post)
        row = _row_for(self._keys, key)
        if row == len(self._ids) and not self._exhausted:
            return  # older than what is loaded: paging will bring it
        self._cache.put(post, spans)
        self._inserting = True
        try:
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, post.id)
            self._keys.insert(row, key)
            self._row_of = None
            self.endInsertRows()
        finally:
            self._inserting = False

    def _on_through(self, generation: int, post_id: int, page: FeedPage | None) -> None:
        if not isValid(self) or generation != self._generation:
            return
        if page is None:
            self.notFound.emit(post_id)
            return
        self.beginResetModel()
        self._ids = [p.id for p in page.posts]
        self._keys = [sort_key(p) for p in page.posts]
        self._row_of = None
        for post in page.posts:
            self._cache.put(post, page.spans.get(post.id, []))
        self._unread.update(page.unread)
        self._exhausted = False
        self.endResetModel()
        row = self.row_of(post_id)
        if row is not None:
            self.located.emit(row)

    def _on_error(self, generation: int, exc: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._refreshing = False
        self._fetching = False
        self._set_loading(False)
        self._exhausted = True  # do not hammer a failing store; reload() tries again
        self.errorOccurred.emit(f"Could not read posts: {exc}")
        self._page_done()

    # -- helpers -------------------------------------------------------------------------

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def _set_pending(self, count: int) -> None:
        if count == 0:
            self._pending_ids = []
        if count != self._pending:
            self._pending = count
            self.pendingChanged.emit(count)

    def _emit_post_changed(self, post_id: int) -> None:
        row = self.row_of(post_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _emit_all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    # -- rows the cache dropped ------------------------------------------------------------

    def _want(self, row: int) -> None:
        """Read again the page of rows around ``row`` (soon, on a worker, with others asked for)."""
        if self._runner is None:
            return
        first = row - row % self.page_size
        block = [pid for pid in self._ids[first:first + self.page_size]
                 if pid not in self._cache and pid not in self._wanted]
        if not block:
            return
        self._wanted.update(block)
        if not self._fetching:
            self._fetching = True
            # After this event: a layout pass asks for many rows, read then in one go.
            QTimer.singleShot(0, self, self._fetch_wanted)

    def _fetch_wanted(self) -> None:
        if not isValid(self) or self._runner is None:
            return
        row_of = self.row_of
        # Rows still loaded and still not held, top first; no more than the cache can keep.
        ids = sorted((pid for pid in self._wanted if pid not in self._cache and row_of(pid) is not None),
                     key=lambda pid: row_of(pid) or 0)[:self._cache.max_rows // 2]
        self._wanted.clear()
        if not ids:
            self._fetching = False
            return
        generation = self._generation
        self._runner.read(
            data.feed_rows, ids,
            on_result=lambda rows: self._on_rows(generation, rows),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    def _on_rows(self, generation: int, rows: FeedRows, wanted: bool = True) -> None:
        if not isValid(self):
            return
        if wanted:
            self._fetching = False
        if generation != self._generation:
            return
        changed = []
        for post in rows.posts.values():
            row = self.row_of(post.id)
            if row is not None:
                self._cache.put(post, rows.spans.get(post.id, []))
                changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
        if wanted and self._wanted:
            self._fetching = True
            QTimer.singleShot(0, self, self._fetch_wanted)



def _row_for(keys: list[SortKey], key: SortKey) -> int:
    """Where a post at ``key`` goes in ``keys`` (newest first): before the first older one."""
    low, high = 0, len(keys)
    while low < high:
        middle = (low + high) // 2
        if keys[middle] < key:
            high = middle
        else:
            low = middle + 1
    return low
