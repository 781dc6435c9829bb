"""Choices for drop-downs as one Python list model, refilled in one reset.

Filling a combo item by item makes one Qt call per person or organisation; a list model answers
Qt's questions instead, so a refill of 400 people is a single reset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class OptionsModel(QAbstractListModel):
    def __init__(self, items: Sequence[tuple[str, Any]] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(items)

    def set_items(self, items: Sequence[tuple[str, Any]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        label, value = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None
