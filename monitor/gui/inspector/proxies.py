"""The proxies between the inspector's models and its views: filtering on every column, sorting."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

from monitor.gui.inspector.models import SORT_ROLE


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
