"""The meeting's Attendance tab: each invitee's response and attendance, and the quorum."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from sendboard.domain.invitations import QuorumStatus
from sendboard.services.common.changes import Area
from sendboard.services.meetings import invitations
from ui.common.choice_delegate import ChoiceDelegate
from ui.common.errors import show_error
from ui.common.view_state import ColumnMemory, fit_columns
from ui.context import AppContext
from ui.meetings.invitations_model import AttendanceTableModel
from ui.meetings.tabs import MeetingTab

MET = "color:#1d6b40;font-weight:bold"
NOT_MET = "color:#a01010;font-weight:bold"


class AttendanceTab(MeetingTab):
    title = "A&ttendance"
    areas = (Area.MEETINGS,)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        self.quorum = QLabel()
        self.quorum.setObjectName("quorum")
        layout.addWidget(self.quorum)
        hint = QLabel(
            "Select a cell and press F2 or Enter (or start typing) to change a response or "
            "attendance. Advisers are recorded as “In attendance” and do not count to the quorum."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = AttendanceTableModel(self._edit)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        for column in (AttendanceTableModel.RESPONSE, AttendanceTableModel.ATTENDANCE):
            delegate = ChoiceDelegate(lambda c=column: self.model.options(c), self.table)
            self.table.setItemDelegateForColumn(column, delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.columns = ColumnMemory(self.table, "attendance", fit=lambda: fit_columns(self.table))
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            self.model.set_rows([])
            self.quorum.setText("")
            return
        db = self.ctx.db

        def load() -> tuple[int, list[invitations.InvitationView], QuorumStatus]:
            rows = invitations.list_invitations(db, meeting_id)
            return meeting_id, rows, invitations.quorum_status(db, meeting_id)

        self.ctx.tasks.run(load, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, loaded: tuple[int, list[invitations.InvitationView], QuorumStatus]) -> None:
        meeting_id, rows, status = loaded
        if meeting_id != self.meeting_id:
            return
        current = self.table.currentIndex()
        self.model.set_rows(rows)
        if current.isValid():
            self.table.setCurrentIndex(self.table.model().index(current.row(), current.column()))
        self.quorum.setText(status.text)
        self.quorum.setStyleSheet(MET if status.met else NOT_MET)

    def _edit(self, row: invitations.InvitationView, column: int, value: Any) -> None:
        db = self.ctx.db
        if column == AttendanceTableModel.RESPONSE:
            self.ctx.mutate(
                lambda: invitations.set_response(db, row.id, value),
                on_error=lambda e: show_error(self, e),
            )
        else:
            self.ctx.mutate(
                lambda: invitations.set_attendance(db, row.id, value),
                on_error=lambda e: show_error(self, e),
            )
