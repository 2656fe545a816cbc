"""Paints one post of the feed: time, headline, byline and location, and the body.

The body is laid out by a QTextDocument filled with plain text (never HTML, so nothing in a
post can run or load), then quoted passages, search matches and the highlighted span are
marked with character formats. Laid-out documents are cached per post, width and marks.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from monitor.gui.data import BODY_PREVIEW_CHARS
from monitor.gui.feed_model import FeedModel
from monitor.model import Post, utc_now
from monitor.model.timefmt import row_time
from monitor.paint import theme

ModelIndex = QModelIndex | QPersistentModelIndex

PAD_X = 14
PAD_Y = 11
GAP = 4
ACCENT_W = 4
ALERT_COLOR = QColor(theme.ALERT)
MATCH_COLOR = QColor(theme.MATCH)
HIGHLIGHT_COLOR = QColor(theme.HIGHLIGHT)
_CACHE_SIZE = 400
#: Row heights kept (a few integers each); forgotten all at once past this many.
_HEIGHTS_KEPT = 50_000
#: The most characters of a headline or byline handed to the font metrics: a row is never wider
#: than this, and eliding measures all it is given (a 5 MB headline would be measured in full).
LINE_CHARS = 600


def term_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where search terms occur in ``text``: words starting with a term (FTS matches prefixes
    of stems, so "train" also finds "trains"), case-insensitive."""
    spans = []
    for term in terms:
        for found in re.finditer(r"(?<!\w)" + re.escape(term), text, re.IGNORECASE):
            end = found.end()
            while end < len(text) and text[end].isalnum():
                end += 1
            spans.append((found.start(), end))
    return spans


def also_in_text(count: int) -> str:
    """The badge of a story item held by ``count`` other sources."""
    return f"also in {count} source{'s' if count != 1 else ''}"


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark base."""
    return theme.is_dark(palette)


def quote_color(palette: QPalette) -> QColor:
    """The colour of quoted passages: the link colour, readable on the base."""
    return theme.accent("quote", is_dark(palette))


class PostDelegate(QStyledItemDelegate):
    """Draws a post row; sizes rows to their content at the view's width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._heights: dict[tuple, int] = {}
        self._font, self._font_key = QFont(), QFont().key()

    # -- layout --------------------------------------------------------------------------

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = self._view.viewport().width()
        return max(200, width if width > 0 else option.rect.width())

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        head = QFont(base)
        head.setBold(True)
        head.setPointSizeF(base.pointSizeF() * 1.12 if base.pointSizeF() > 0 else 11)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9 if base.pointSizeF() > 0 else 9)
        return base, head, small

    def _document(self, post: Post, index: ModelIndex, width: int, option: QStyleOptionViewItem,
                  selected: bool = False) -> QTextDocument:
        spans = index.data(FeedModel.SpansRole) or []
        terms = index.data(FeedModel.SearchRole) or ()
        highlight = index.data(FeedModel.HighlightRole)
        dark = is_dark(option.palette)
        key = (post.id, post.content_hash, width, tuple(spans), terms, highlight, dark, selected,
               option.font.key())
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        text = post.body[:BODY_PREVIEW_CHARS]
        more = len(post.body) - len(text)
        doc.setPlainText(text)
        doc.setTextWidth(width - 2 * PAD_X - ACCENT_W)
        cursor = QTextCursor(doc)
        limit = len(text)

        def mark(start: int, end: int, fmt: QTextCharFormat) -> None:
            start, end = max(0, start), min(limit, end)
            if end > start:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

        quoted = QTextCharFormat()
        # On the selection colour the link blue would vanish: quotes turn pale there.
        colour = QColor(theme.SELECTED_QUOTE) if selected else quote_color(option.palette)
        quoted.setForeground(colour)
        tint = QColor(colour)
        tint.setAlpha(28)
        quoted.setBackground(tint)
        reported = QTextCharFormat()  # indirect speech: attributed, but not the speaker's words
        reported.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        reported.setUnderlineColor(colour)
        for start, end, kind in spans:
            mark(start, end, reported if kind == "indirect" else quoted)
        match = QTextCharFormat()
        match.setBackground(MATCH_COLOR)
        match.setForeground(QColor(theme.MATCH_TEXT))
        for start, end in term_spans(text, terms):
            mark(start, end, match)
        if highlight:
            strong = QTextCharFormat()
            strong.setBackground(HIGHLIGHT_COLOR)
            strong.setForeground(QColor(theme.MATCH_TEXT))
            mark(highlight[0], highlight[1], strong)
        if more > 0:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            note = QTextCharFormat()
            note.setForeground(option.palette.color(QPalette.ColorRole.PlaceholderText))
            note.setFontItalic(True)
            cursor.insertText(f" … ({more:,} more characters: open the post to read it all)", note)
        self._docs[key] = doc
        if len(self._docs) > _CACHE_SIZE:
            self._docs.popitem(last=False)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        post: Post | None = index.data(FeedModel.PostRole)
        if post is None:
            return super().sizeHint(option, index)
        width = self._width(option)
        # The list lays every row out again when rows are added; a row's height depends only on
        # its text, the width and the font (quote, match and highlight marks are colours), so it
        # is kept here rather than laying the text out again.
        font = option.font
        if font != self._font:  # QFont.key() builds a string: once per font, not once per row
            self._font, self._font_key = QFont(font), font.key()
        key = (post.id, post.content_hash, width, self._font_key)
        height = self._heights.get(key)
        if height is None:
            _, head, small = self._fonts(option)
            height = PAD_Y + QFontMetrics(head).height() + GAP + QFontMetrics(small).height() + GAP
            height += int(self._document(post, index, width, option).size().height()) + PAD_Y
            if len(self._heights) >= _HEIGHTS_KEPT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        post: Post | None = index.data(FeedModel.PostRole)
        if post is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRect(option.rect)
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(text_role)
        muted = QColor(text_color)
        muted.setAlphaF(0.68)

        alerts = index.data(FeedModel.AlertRole) or []
        unread = index.data(FeedModel.UnreadRole)
        if alerts or unread:
            bar = ALERT_COLOR if alerts else palette.color(QPalette.ColorRole.Highlight)
            painter.fillRect(QRect(rect.left(), rect.top(), ACCENT_W, rect.height()), bar)

        base, head, small = self._fonts(option)
        left = rect.left() + PAD_X + ACCENT_W
        right = rect.right() - PAD_X
        y = rect.top() + PAD_Y

        # Line 1: time on the right, the headline elided into what is left.
        # A post without a date says so: its arrival time ("just now") would pass it off as news.
        when = row_time(post.published, post.published_precision, self._now(index))
        painter.setFont(small)
        small_fm = QFontMetrics(small)
        head_fm = QFontMetrics(head)
        time_w = small_fm.horizontalAdvance(when)
        line_h = head_fm.height()
        painter.setPen(muted)
        painter.drawText(QRect(right - time_w, y, time_w, line_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        title = (post.title or "")[:LINE_CHARS]
        if alerts:
            title = f"⚑ {', '.join(alerts)} — {title}" if title else f"⚑ {', '.join(alerts)}"
        if title:
            painter.setFont(head)
            avail = max(0, right - time_w - 16 - left)
            shown = head_fm.elidedText(title, Qt.TextElideMode.ElideRight, avail)
            # Search matches in the headline get the same marker as in the body.
            for start, end in term_spans(shown, index.data(FeedModel.SearchRole) or ()):
                x0 = head_fm.horizontalAdvance(shown[:start])
                painter.fillRect(QRect(left + x0, y, head_fm.horizontalAdvance(shown[start:end]), line_h),
                                 MATCH_COLOR)
            painter.setPen(ALERT_COLOR if alerts and not selected else text_color)
            painter.drawText(QRect(left, y, avail, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        y += line_h + GAP

        # Line 2: byline, location, source and its tier; "also in N sources" and "edited" at the end.
        source = index.data(FeedModel.SourceRole) or ""
        if post.source_tier:
            source = f"{source} [{post.source_tier}]" if source else f"[{post.source_tier}]"
        meta = " · ".join(x[:LINE_CHARS] for x in (post.byline, post.location, source) if x)
        notes = []
        if post.also_in:
            notes.append(also_in_text(post.also_in))
        if post.revision_count:
            plural = "s" if post.revision_count > 1 else ""
            notes.append(f"edited ({post.revision_count} earlier version{plural})")
        edited = " · ".join(notes)
        meta_h = small_fm.height()
        painter.setFont(small)
        edited_w = small_fm.horizontalAdvance(edited) if edited else 0
        if meta:
            painter.setPen(muted)
            avail = max(0, right - left - edited_w - (12 if edited else 0))
            painter.drawText(QRect(left, y, avail, meta_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             small_fm.elidedText(meta, Qt.TextElideMode.ElideRight, avail))
        if edited:
            painter.setPen(ALERT_COLOR if post.revision_count and not selected else text_color)
            painter.drawText(QRect(right - edited_w, y, edited_w, meta_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, edited)
        y += meta_h + GAP

        # The body.
        doc = self._document(post, index, self._width(option), option, selected)
        painter.translate(left, y)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        doc.documentLayout().draw(painter, context)
        painter.restore()

        # A hairline between posts.
        painter.save()
        line = QColor(palette.color(QPalette.ColorRole.Mid))
        line.setAlphaF(0.5)
        painter.setPen(line)
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    @staticmethod
    def _now(index: ModelIndex) -> datetime:
        model = index.model()
        return model.now() if isinstance(model, FeedModel) else utc_now()

    def clear_cache(self) -> None:
        """Forget laid-out documents and row heights (after a palette or font change)."""
        self._docs.clear()
        self._heights.clear()
