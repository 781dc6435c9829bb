"""The rows of an import preview as a table: row number, record, status (coloured) and details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sendboard.services.imports import RowFinding, RowStatus

Index = QModelIndex | QPersistentModelIndex

COL_ROW, COL_KEY, COL_STATUS, COL_DETAILS = range(4)
HEADERS = ("Row", "Record", "Status", "Details")

#: Background colour and the word shown with it (the word carries the meaning; colour helps).
STATUS_STYLE: dict[RowStatus, tuple[str, str]] = {
    RowStatus.NEW: ("#d9f2d9", "New"),
    RowStatus.UPDATE: ("#d6e6f7", "Update"),
    RowStatus.UNCHANGED: ("#eeeeee", "Unchanged"),
    RowStatus.ERROR: ("#f8d0d0", "Error"),
}


class ImportRowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RowFinding] = []

    def set_rows(self, rows: list[RowFinding] | tuple[RowFinding, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def finding(self, row: int) -> RowFinding:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._rows[index.row()]
        column = index.column()
        colour, word = STATUS_STYLE[finding.status]
        if role == Qt.ItemDataRole.DisplayRole:
            return (finding.row, finding.key, word, "\n".join(finding.messages))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DETAILS and finding.messages:
            return "\n".join(finding.messages)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_STATUS:
            return QColor(colour)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QColor("#000000")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return finding.status.value  # plain text survives the trip through QVariant
        return None
