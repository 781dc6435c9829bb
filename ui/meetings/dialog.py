"""New meeting (one-off, extraordinary, stocktake) and rescheduling an existing one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from sendboard import clock
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingKind
from sendboard.domain.wording import ENTRY_DATE_FORMAT
from sendboard.domain.working_days import next_working_day
from sendboard.services import meetings
from sendboard.services.boards import BoardView
from sendboard.services.common.changes import Outcome
from sendboard.services.meetings import MeetingInput, MeetingView
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(ENTRY_DATE_FORMAT)
    return edit


def time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def main_board(boards: list[BoardView]) -> int | None:
    """The board a new meeting is for unless one is chosen: the Improvement Board."""
    top = [b for b in boards if b.kind == BoardKind.IMPROVEMENT_BOARD] or boards
    return top[0].id if top else None


class MeetingDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        boards: list[BoardView],
        meeting: MeetingView | None = None,
        board_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Reschedule meeting" if meeting else "New meeting"
        ok_text = "&Save" if meeting else "&Create meeting"
        super().__init__(ctx, title, parent, ok_text)
        self.meeting = meeting
        self.board = QComboBox()
        for view in boards:
            self.board.addItem(view.name, view.id)
        chosen = meeting.board_id if meeting else (board_id or main_board(boards))
        if chosen is not None and self.board.findData(chosen) >= 0:
            self.board.setCurrentIndex(self.board.findData(chosen))
        self.board.setEnabled(meeting is None)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Optional, e.g. Extraordinary meeting: budget")
        start = (
            meeting.starts_at
            if meeting
            else datetime.combine(next_working_day(clock.today() + timedelta(days=14)), time(14))
        )
        end = meeting.ends_at if meeting else start + timedelta(hours=2)
        self.day = date_edit(start.date())
        self.starts = time_edit(start.time())
        self.ends = time_edit(end.time())
        self.venue = QLineEdit()
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        if meeting:
            self.kind.setCurrentIndex(self.kind.findData(meeting.kind))
            self.title.setText(meeting.title)
            self.venue.setText(meeting.venue)
            self.link.setText(meeting.online_link)
            self.notes.setPlainText(meeting.notes)
        self.form.addRow("&Board", self.board)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&Date", self.day)
        self.form.addRow("&Starts", self.starts)
        self.form.addRow("&Ends", self.ends)
        self.form.addRow("&Venue", self.venue)
        self.form.addRow("Online &link", self.link)
        self.form.addRow("N&otes", self.notes)
        if meeting:
            hint = QLabel(
                "Changing the date, time, venue or link makes this an updated invitation: "
                "send the invitations again so calendars update."
            )
            hint.setWordWrap(True)
            self.extra.addWidget(hint)
        self.fields = {
            "board_id": self.board,
            "starts_at": self.day,
            "ends_at": self.ends,
            "online_link": self.link,
            "title": self.title,
            "venue": self.venue,
            "notes": self.notes,
        }
        if meeting is not None:
            self.edits("Meeting", meeting.id, meeting.version)
        self.resize(460, self.sizeHint().height())

    def value(self) -> MeetingInput:
        day = self.day.date().toPython()
        return MeetingInput(
            board_id=int(self.board.currentData()),
            starts_at=datetime.combine(day, self.starts.time().toPython()),
            ends_at=datetime.combine(day, self.ends.time().toPython()),
            kind=MeetingKind(self.kind.currentData()),
            title=self.title.text(),
            venue=self.venue.text(),
            online_link=self.link.text(),
            notes=self.notes.toPlainText(),
        )

    def save_call(self) -> Callable[[], Outcome[Any]]:
        data, db = self.value(), self.ctx.db
        if self.meeting is None:
            return lambda: meetings.create_meeting(db, data)
        meeting_id = self.meeting.id
        return lambda: meetings.update_meeting(db, meeting_id, data)
