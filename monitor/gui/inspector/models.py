"""The inspector's table models: speakers and quotes as rows, sorted on raw values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from monitor.gui.formatting import local_time
from monitor.gui.inspector.text import format_post_time, kind_colour, post_sort_key, quote_display, quote_html
from monitor.model import Post, Quote, Speaker, parse_iso
from monitor.paint.safe_text import escape

Index = QModelIndex | QPersistentModelIndex

#: The raw value a column sorts by (numbers as numbers, text case-folded).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's id (speaker id or quote id).
ID_ROLE = Qt.ItemDataRole.UserRole + 2


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

    #: Most rows ``update_quotes`` inserts and removes in place (and never half the list); more,
    #: and the list is replaced.
    PATCH_ROWS_MAX = 20

    def update_quotes(self, quotes: Sequence[Quote], posts: dict[int, Post]) -> list[int] | None:
        """Patch the rows to show ``quotes`` (a correction, a few new quotes): rows of quotes no
        longer listed are removed, new quotes inserted where the sort puts them and changed ones
        repainted, so selection and scroll stay. Returns the rows inserted, or None when the
        list was replaced whole instead (many rows differ)."""
        old = {q.id: q for q in self._quotes}
        new = {q.id: q for q in quotes}
        self._posts = dict(posts)
        changed = [qid for qid, q in new.items() if qid in old and old[qid] != q]
        for qid in changed:
            self._rows_cache.pop(qid, None)
        wanted = self._sorted(list(quotes)) if self._sort is not None else list(quotes)
        kept_now = [q.id for q in self._quotes if q.id in new]
        kept_after = [q.id for q in wanted if q.id in old]
        differing = len(self._quotes) - len(kept_now) + len(wanted) - len(kept_after)
        # Another list (another speaker's quotes) is replaced, and sized, whole.
        if kept_now != kept_after or differing > min(self.PATCH_ROWS_MAX, len(wanted) // 2):
            self.set_quotes(quotes, posts)
            return None
        for row in range(len(self._quotes) - 1, -1, -1):
            if self._quotes[row].id not in new:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._quotes[row]
                self.endRemoveRows()
        inserted: list[int] = []
        for row, quote in enumerate(wanted):
            if quote.id in old:
                if quote.id in changed:
                    self._quotes[row] = quote
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._quotes.insert(row, quote)
            self.endInsertRows()
            inserted.append(row)
        return inserted

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
        self._quotes = self._sorted(self._quotes)

    def _sorted(self, quotes: list[Quote]) -> list[Quote]:
        """``quotes`` in the model's sort order (keys computed once per quote)."""
        if self._sort is None:
            return quotes
        column, order = self._sort
        keyed = [(self._values(q)[1][column], q.id, q) for q in quotes]
        keyed.sort(key=lambda item: (item[0], item[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        return [q for _, _, q in keyed]

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
                (q.outlet or "").casefold(), q.confidence, post_sort_key(post),
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
            at = parse_iso(q.corrected_at)
            when = f", {local_time(at, 'minute')}" if at is not None else ""
            facts.append(f"corrected by {q.corrected_by or 'an analyst'}{when}")
        if q.status != "active":
            facts.append(q.status)
        rows.append("<small>" + esc(" · ".join(facts)) + "</small>")
        if post is not None:
            rows.append(f"<small>Post {post.id}: {esc(post.title or '(no headline)')} · "
                        f"{esc(format_post_time(post))}</small>")
        return "<p style='white-space:pre-wrap'>" + "<br>".join(rows) + "</p>"
