"""Sorting by each column's sort key, and a search box that matches every word typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ui.common.rows import SORT_ROLE, RowsModel, sort_text


class SearchProxy(QSortFilterProxyModel):
    """Keeps rows whose searchable text contains every word of the search, in any column."""

    def __init__(self, source: RowsModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def source(self) -> RowsModel[Any]:
        return self.sourceModel()  # type: ignore[return-value]

    def set_search(self, text: str) -> None:
        words = tuple(sort_text(text).split())
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; older releases only invalidate
            self.beginFilterChange()
            self._words = words
            self.endFilterChange()
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        text = self.source().search_text(source_row)
        return all(word in text for word in self._words)
