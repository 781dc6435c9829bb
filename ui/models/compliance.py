"""The compliance record as a table: one row per meeting, one coloured column per required role.

Every role cell says what it means in words as well as colour ("✓ 3 Nov 14:05" / "✗ Not
invited"), so it reads the same in grey print and to colour-blind eyes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from sendboard.services.compliance import (
    COLOURS,
    CellState,
    ComplianceReport,
    MeetingRow,
    RoleCell,
    when,
)

Index = QModelIndex | QPersistentModelIndex

MEETING, STATUS = 0, 1
FIXED = ("Meeting", "Status")
RESULT_HEADER = "Result"
MUTED = QColor("#555555")
PROBLEM = QColor("#9C0006")


def cell_text(cell: RoleCell, row: MeetingRow) -> str:
    if cell.state is CellState.INVITED and cell.invited_at is not None:
        sent = cell.invited_at
        year = f" {sent.year}" if sent.year != row.starts_at.year else ""
        return f"✓ {sent.day} {sent:%b}{year} {sent:%H:%M}"
    if cell.state is CellState.NOT_YET:
        return "– Not sent yet"
    if cell.state is CellState.CANCELLED:
        return "– Cancelled"
    return "✗ Not invited"


def cell_tip(cell: RoleCell) -> str:
    if cell.state is CellState.INVITED and cell.invited_at is not None:
        lines = [f"{cell.role.label}: {cell.holder}", f"Invited {when(cell.invited_at)}"]
        if cell.channel:
            lines.append(f"Sent by: {cell.channel}")
        if cell.hand_offs > 1:
            lines.append(f"{cell.hand_offs} invitations or updates logged")
        return "\n".join(lines)
    who = f" ({cell.holder} is on the list without an invitation sent)" if cell.holder else ""
    if cell.state is CellState.NOT_YET:
        return f"The invitation has not been sent yet{who}."
    if cell.state is CellState.CANCELLED:
        return "The meeting was cancelled before invitations went out; none was needed."
    return f"No {cell.role.label} was invited to this meeting{who}."


class ComplianceTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.report: ComplianceReport | None = None

    def set_report(self, report: ComplianceReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    @property
    def headers(self) -> tuple[str, ...]:
        roles = tuple(r.label for r in self.report.roles) if self.report else ()
        return (*FIXED, *roles, RESULT_HEADER)

    @property
    def result_column(self) -> int:
        return len(self.headers) - 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.report is None else len(self.report.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def row_at(self, row: int) -> MeetingRow:
        assert self.report is not None
        return self.report.rows[row]

    def cell_at(self, row: int, column: int) -> RoleCell | None:
        meeting = self.row_at(row)
        offset = column - len(FIXED)
        return meeting.cells[offset] if 0 <= offset < len(meeting.cells) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row = self.row_at(index.row())
        column = index.column()
        cell = self.cell_at(index.row(), column)
        if cell is not None:
            return self._role_data(cell, row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MEETING:
                start = row.starts_at
                return f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}"
            if column == STATUS:
                return row.status.label
            return row.note
        if role == Qt.ItemDataRole.ToolTipRole and column == MEETING:
            return row.label
        if role == Qt.ItemDataRole.ForegroundRole and column == self.result_column:
            if row.counted and not row.compliant:
                return PROBLEM
            return MUTED if not row.counted else None
        return None

    def _role_data(self, cell: RoleCell, row: MeetingRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(COLOURS[cell.state][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(COLOURS[cell.state][1])
        if role == Qt.ItemDataRole.FontRole and cell.state is CellState.MISSING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None
