"""The rows of an import preview as a table: row number, record, status (coloured) and details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sendboard.services.common.imports import RowFinding, RowStatus
from ui.common.rows import RowsTableModel

COL_ROW, COL_KEY, COL_STATUS, COL_DETAILS = range(4)
HEADERS = ("Row", "Record", "Status", "Details")

#: Background colour and the word shown with it (the word carries the meaning; colour helps).
STATUS_STYLE: dict[RowStatus, tuple[str, str]] = {
    RowStatus.NEW: ("#d9f2d9", "New"),
    RowStatus.UPDATE: ("#d6e6f7", "Update"),
    RowStatus.UNCHANGED: ("#eeeeee", "Unchanged"),
    RowStatus.ERROR: ("#f8d0d0", "Error"),
}


class ImportRowsModel(RowsTableModel[RowFinding]):
    HEADERS = HEADERS

    def display(self, finding: RowFinding, column: int) -> Any:
        word = STATUS_STYLE[finding.status][1]
        row = f"{finding.sheet} {finding.row}" if finding.sheet else finding.row
        return (row, finding.key, word, "\n".join(finding.messages))[column]

    def tooltip(self, finding: RowFinding, column: int) -> str | None:
        if column == COL_DETAILS and finding.messages:
            return "\n".join(finding.messages)
        return None

    def background(self, finding: RowFinding, column: int) -> QColor | None:
        return QColor(STATUS_STYLE[finding.status][0]) if column == COL_STATUS else None

    def foreground(self, finding: RowFinding, column: int) -> QColor | None:
        return QColor("#000000") if column == COL_STATUS else None

    def role_data(self, finding: RowFinding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return finding.status.value  # plain text survives the trip through QVariant
        return None
