"""Table models for a meeting's invitees, their attendance, and the hand-off log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from sendboard.domain.invitations import Attendance, Response
from sendboard.domain.wording import counted, table_time
from sendboard.services.mail.hand_offs import HandOffView
from sendboard.services.meetings.invitations import InvitationView
from ui.common.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


def local_time(moment: datetime | None) -> str:
    """A UTC timestamp shown in the computer's own time, day first as in the UK."""
    if moment is None:
        return ""
    return table_time(moment)


class InvitationTableModel(RowsTableModel[InvitationView]):
    NAME, ORGANISATION, EMAIL, KIND, ROLE, RESPONSE, INVITED = range(7)
    HEADERS = ("Name", "Organisation", "Email", "Kind", "Statutory role", "Response", "Invited")
    #: The secretary sends the invitation, so her own row is never "not sent".
    organiser_email = ""

    def display(self, row: InvitationView, column: int) -> str | None:
        if column == self.NAME:
            if row.substitute_for_name:
                return f"{row.name} (for {row.substitute_for_name})"
            return row.name
        return {
            self.ORGANISATION: row.organisation,
            self.EMAIL: row.email or "— no email —",
            self.KIND: row.kind.label,
            self.ROLE: row.statutory_role.label if row.statutory_role else "",
            self.RESPONSE: row.response.label,
            self.INVITED: self._invited(row),
        }.get(column)

    def role_data(self, row: InvitationView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == self.ROLE and row.statutory_role:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def tooltip(self, row: InvitationView, column: int) -> str | None:
        if column == self.EMAIL and not row.email:
            return "Add an email address in People & Boards; nobody can be invited without one."
        return None

    def _invited(self, row: InvitationView) -> str:
        if row.invited_at:
            return f"{local_time(row.invited_at)} · {row.channel}"
        if row.email and row.email == self.organiser_email:
            return "Organiser"
        return "Not sent"


class AttendanceTableModel(RowsTableModel[InvitationView]):
    """Response and attendance are edited in place; edits go to `on_edit(row, column, value)`."""

    NAME, KIND, RESPONSE, ATTENDANCE = range(4)
    HEADERS = ("Name", "Kind", "Response", "Attendance")
    NOT_RECORDED = "Not recorded"

    def __init__(self, on_edit: Callable[[InvitationView, int, Any], None]) -> None:
        super().__init__()
        self.on_edit = on_edit

    def display(self, row: InvitationView, column: int) -> str | None:
        if column == self.NAME:
            if row.substitute_for_name:
                return f"{row.name} (substitute for {row.substitute_for_name})"
            return row.name
        if column == self.KIND:
            voting = "voting" if row.voting else "non-voting"
            return f"{row.kind.label}, {voting}"
        if column == self.RESPONSE:
            return row.response.label
        if column == self.ATTENDANCE:
            return row.attendance.label if row.attendance else self.NOT_RECORDED
        return None

    def role_data(self, row: InvitationView, column: int, role: int) -> Any:
        return self.display(row, column) if role == Qt.ItemDataRole.EditRole else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (self.RESPONSE, self.ATTENDANCE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def options(self, column: int) -> list[tuple[str, Any]]:
        if column == self.RESPONSE:
            return [(r.label, r) for r in Response]
        return [(self.NOT_RECORDED, None), *((a.label, a) for a in Attendance)]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.on_edit(self.row_at(index.row()), index.column(), value)
        return True


class HandOffTableModel(RowsTableModel[HandOffView]):
    TIME, CHANNEL, RECIPIENTS, SUBJECT, ATTACHMENTS = range(5)
    HEADERS = ("Time", "Channel", "Recipients", "Subject", "Attachments")

    def display(self, row: HandOffView, column: int) -> str | None:
        method = "" if row.method == "REQUEST" else f" ({row.method.lower()})"
        return {
            self.TIME: local_time(row.at),
            self.CHANNEL: row.channel + method,
            self.RECIPIENTS: str(len(row.recipients)),
            self.SUBJECT: row.subject,
            self.ATTACHMENTS: ", ".join(a.name for a in row.attachments),
        }.get(column)

    def tooltip(self, row: HandOffView, column: int) -> str:
        lines = [row.note, "", "To: " + ", ".join(row.recipients), ""]
        lines += [
            f"{a.name}: SHA-256 {a.sha256} ({counted(a.size, 'byte')})" for a in row.attachments
        ]
        return "\n".join(lines).strip()
