"""The compliance record as a table: one row per meeting, one coloured column per required role.

Every role cell says what it means in words as well as colour ("✓ Tue 3 Nov 14:05" / "! Late
Wed 18 Nov 15:00" / "✗ Not invited"), so it reads the same in grey print and to colour-blind eyes.
Invitations after the evidence (re-sends, late ones) are counted in the cell and listed in its
tooltip, beside the evidence.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from sendboard.domain.wording import short_date, table_time
from sendboard.services.meetings.compliance import (
    COLOURS,
    CellState,
    ComplianceReport,
    MeetingRow,
    RoleCell,
    when,
)
from ui.common.rows import RowsTableModel

MEETING, STATUS = 0, 1
FIXED = ("Meeting", "Status")
RESULT_HEADER = "Result"
MUTED = QColor("#555555")
PROBLEM = QColor("#9C0006")


def _short(sent: datetime, row: MeetingRow) -> str:
    """When an invitation went, without the year when it is the meeting's: "Tue 3 Nov 14:05"."""
    if sent.year != row.starts_at.year:
        return table_time(sent)
    return f"{short_date(sent.date())} {sent:%H:%M}"


def cell_text(cell: RoleCell, row: MeetingRow) -> str:
    later = f" (+{len(cell.later)} later)" if cell.later else ""
    if cell.state is CellState.INVITED and cell.invited_at is not None:
        return f"✓ {_short(cell.invited_at, row)}{later}"
    if cell.state is CellState.LATE and cell.invited_at is not None:
        return f"! Late {_short(cell.invited_at, row)}{later}"
    if cell.state is CellState.NOT_YET:
        return "– Not sent yet"
    if cell.state is CellState.CANCELLED:
        return "– Cancelled"
    return "✗ Not invited"


def cell_tip(cell: RoleCell) -> str:
    if cell.state in (CellState.INVITED, CellState.LATE) and cell.invited_at is not None:
        lines = [f"{cell.role.label}: {cell.holder}"]
        if cell.state is CellState.LATE:
            lines.append(f"LATE: first invited {when(cell.invited_at)}, after the meeting started")
        else:
            lines.append(f"Invited {when(cell.invited_at)}")
        if cell.channel:
            lines.append(f"Sent by: {cell.channel}")
        if cell.later:
            lines.append("Later invitations (listed, not counted as the evidence):")
            lines += [f"  {h.text}" for h in cell.later]
        return "\n".join(lines)
    who = f" ({cell.holder} is on the list without an invitation sent)" if cell.holder else ""
    if cell.state is CellState.NOT_YET:
        return f"The invitation has not been sent yet{who}."
    if cell.state is CellState.CANCELLED:
        return "The meeting was cancelled before invitations went out; none was needed."
    return f"No {cell.role.label} was invited to this meeting{who}."


class ComplianceTableModel(RowsTableModel[MeetingRow]):
    def __init__(self) -> None:
        super().__init__()
        self.report: ComplianceReport | None = None

    def set_report(self, report: ComplianceReport | None) -> None:
        self.report = report
        self.set_rows(report.rows if report else ())

    def headers(self) -> tuple[str, ...]:
        roles = tuple(r.label for r in self.report.roles) if self.report else ()
        return (*FIXED, *roles, RESULT_HEADER)

    @property
    def result_column(self) -> int:
        return len(self.headers()) - 1

    def cell_at(self, row: int, column: int) -> RoleCell | None:
        return self._cell(self.row_at(row), column)

    @staticmethod
    def _cell(meeting: MeetingRow, column: int) -> RoleCell | None:
        offset = column - len(FIXED)
        return meeting.cells[offset] if 0 <= offset < len(meeting.cells) else None

    def display(self, row: MeetingRow, column: int) -> str:
        cell = self._cell(row, column)
        if cell is not None:
            return cell_text(cell, row)
        if column == MEETING:
            start = row.starts_at
            return table_time(start)
        if column == STATUS:
            return row.status.label
        return row.note

    def tooltip(self, row: MeetingRow, column: int) -> str | None:
        cell = self._cell(row, column)
        if cell is not None:
            return cell_tip(cell)
        return row.label if column == MEETING else None

    def background(self, row: MeetingRow, column: int) -> QColor | None:
        cell = self._cell(row, column)
        return QColor(COLOURS[cell.state][0]) if cell is not None else None

    def foreground(self, row: MeetingRow, column: int) -> QColor | None:
        cell = self._cell(row, column)
        if cell is not None:
            return QColor(COLOURS[cell.state][1])
        if column == self.result_column:
            if row.counted and not row.compliant:
                return PROBLEM
            return MUTED if not row.counted else None
        return None

    def role_data(self, row: MeetingRow, column: int, role: int) -> Any:
        cell = self._cell(row, column)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.FontRole and cell.state in (CellState.MISSING, CellState.LATE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None
