"""Wrapped, line-limited text blocks measured before they are drawn.

The page composer needs to know how tall a paragraph will be before it decides where it goes (the
next column, the next page), so text is laid out once with ``QTextLayout`` into a :class:`TextBlock`
and drawn from that; a block cut at ``max_lines`` ends in an ellipsis rather than clipped glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption


@dataclass(frozen=True)
class TextBlock:
    """Lines of one paragraph in one font, ready to draw."""

    lines: tuple[str, ...]
    font: QFont
    line_height: float
    ascent: float
    width: float

    @property
    def height(self) -> float:
        """Height of all lines."""
        return self.line_height * len(self.lines)

    def draw(self, painter: QPainter, x: float, y: float, colour: QColor | str) -> float:
        """Draw with the top-left corner at (x, y); returns the y below the block."""
        painter.setFont(self.font)
        painter.setPen(QColor(colour))
        for index, line in enumerate(self.lines):
            painter.drawText(QPointF(x, y + self.ascent + index * self.line_height), line)
        return y + self.height


def wrap(text: str, font: QFont, width: float, max_lines: int | None = None,
         line_spacing: float = 1.0) -> TextBlock:
    """Lay ``text`` out in lines of at most ``width``; the last kept line is elided if cut."""
    metrics = QFontMetricsF(font)
    text = " ".join(text.split())  # a report paragraph is one run of words
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start:start + length].rstrip() for start, length in spans] or [""]
    if max_lines is not None and len(lines) > max_lines:
        rest = text[spans[max_lines - 1][0]:]
        # Elide against a little less than the width so the ellipsis is never tight to the edge.
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width - 1)
        lines = lines[:max_lines - 1] + [last]
    return TextBlock(tuple(lines), font, metrics.height() * line_spacing, metrics.ascent(), width)


def elide(text: str, font: QFont, width: float) -> str:
    """``text`` on one line of at most ``width``, elided at the right."""
    return QFontMetricsF(font).elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)


def text_width(text: str, font: QFont) -> float:
    """Advance width of ``text`` in ``font``."""
    return QFontMetricsF(font).horizontalAdvance(text)
