"""How the inspector's cells are drawn differently from the view's default."""

from __future__ import annotations

from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from monitor.gui.inspector.models import Index


class SingleLineDelegate(QStyledItemDelegate):
    """Draws a cell on one line, elided, even when the view wraps text (only the quote wraps)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: D102
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
