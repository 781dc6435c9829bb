"""Schedule a series: choose the cadence and period, see every date (moved, flagged, clashing),
then create them all at once."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import time, timedelta
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sendboard import clock
from sendboard.domain.measures import add_months
from sendboard.domain.schedules import (
    WEEKDAYS,
    WEEKS,
    Cadence,
    CadenceError,
    Frequency,
    HolidayRule,
    day_label,
    parse_cadence,
)
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError
from sendboard.services.boards import BoardView
from sendboard.services.common.changes import Outcome
from sendboard.services.meetings import series
from sendboard.services.meetings.series import SeriesInput, SeriesPreview
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext
from ui.meetings.dialog import date_edit, main_board, time_edit

MOVED = QColor("#8a4b00")
SKIPPED = QColor("#6b6b6b")
LATE = QColor("#9b1c1c")


def _label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic focuses `buddy` (rows holding a layout get none otherwise)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class ScheduleSeriesDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        boards: list[BoardView],
        board_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "Schedule a series of meetings", parent, "&Create meetings")
        self.boards = {b.id: b for b in boards}
        self._generation = 0
        self._loading = False
        self.preview: SeriesPreview | None = None

        self.board = QComboBox()
        for view in boards:
            self.board.addItem(view.name, view.id)
        self.frequency = QComboBox()
        for frequency in Frequency:
            self.frequency.addItem(frequency.label, frequency)
        self.frequency.setCurrentIndex(self.frequency.findData(Frequency.MONTHLY))
        self.week = QComboBox()
        for number, word in WEEKS.items():
            self.week.addItem(word.capitalize(), number)
        self.weekday = QComboBox()
        for number, name in enumerate(WEEKDAYS[:5]):
            self.weekday.addItem(name, number)
        self.starts = time_edit(time(14))
        self.ends = time_edit(time(16))
        today = clock.today()
        self.first = date_edit(today)
        # A year ahead less a day: on 29 February, the last day of next February.
        self.last = date_edit(add_months(today, 12) - timedelta(days=1))
        self.rule = QComboBox()
        for rule in HolidayRule:
            self.rule.addItem(rule.label, rule)
        self.venue = QLineEdit()
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.words = QLabel()
        self.words.setObjectName("cadence-words")

        when = QHBoxLayout()
        for widget, stretch in ((self.frequency, 1), (self.week, 1), (self.weekday, 1)):
            when.addWidget(widget, stretch)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("to"))
        times.addWidget(self.ends)
        times.addStretch(1)
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(QLabel("to"))
        period.addWidget(self.last)
        period.addStretch(1)
        self.form.addRow("&Board", self.board)
        self.form.addRow(_label("&Meets", self.frequency), when)
        self.form.addRow(_label("&Time", self.starts), times)
        self.form.addRow(_label("&Period", self.first), period)
        self.form.addRow("Bank &holidays", self.rule)
        self.form.addRow("&Venue", self.venue)
        self.form.addRow("Online &link", self.link)
        self.form.addRow("Cadence", self.words)
        self.fields = {"first": self.first, "last": self.last, "online_link": self.link}

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Date", "Time", "Papers deadline", "Note"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.extra.addWidget(self.summary)
        self.extra.addWidget(self.table, 1)

        chosen = board_id if board_id in self.boards else main_board(boards)
        if chosen is not None:
            self.board.setCurrentIndex(self.board.findData(chosen))
        self.board.currentIndexChanged.connect(self._board_changed)
        for combo in (self.frequency, self.week, self.weekday, self.rule):
            combo.currentIndexChanged.connect(self.update_preview)
        for edit in (self.starts, self.ends):
            edit.timeChanged.connect(self.update_preview)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self.update_preview)
        self._board_changed()
        self.resize(720, 640)

    def _board_changed(self) -> None:
        """Start from the board's own cadence when its words can be read."""
        board = self.boards.get(self.board.currentData())
        if board is not None and board.cadence:
            self._loading = True
            with contextlib.suppress(CadenceError):
                self.set_cadence(parse_cadence(board.cadence))
            self._loading = False
        self.update_preview()

    def set_cadence(self, cadence: Cadence) -> None:
        for combo, value in (
            (self.frequency, cadence.frequency),
            (self.weekday, cadence.weekday),
            (self.week, cadence.week if cadence.week is not None else 1),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self.starts.setTime(QTime(cadence.starts.hour, cadence.starts.minute))
        self.ends.setTime(QTime(cadence.ends.hour, cadence.ends.minute))

    def cadence(self) -> Cadence:
        frequency = Frequency(self.frequency.currentData())
        return Cadence(
            frequency=frequency,
            weekday=int(self.weekday.currentData()),
            starts=self.starts.time().toPython(),
            ends=self.ends.time().toPython(),
            week=int(self.week.currentData()) if frequency.needs_week else None,
        )

    def value(self) -> SeriesInput:
        try:
            cadence = self.cadence()
        except CadenceError as exc:
            raise ValidationError(str(exc), "cadence") from exc
        return SeriesInput(
            board_id=int(self.board.currentData()),
            cadence=cadence,
            first=self.first.date().toPython(),
            last=self.last.date().toPython(),
            holiday_rule=HolidayRule(self.rule.currentData()),
            venue=self.venue.text(),
            online_link=self.link.text(),
        )

    def update_preview(self) -> None:
        if self._loading:
            return
        self.week.setEnabled(Frequency(self.frequency.currentData()).needs_week)
        self._generation += 1
        generation = self._generation
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setEnabled(False)
        try:
            data = self.value()
        except ValidationError as exc:
            self.words.setText("")
            self._show(None, str(exc))
            return
        self.words.setText(data.cadence.describe())
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: series.preview_series(db, data),
            on_done=lambda p: generation == self._generation and self._show(p, ""),
            on_error=lambda e: generation == self._generation and self._show(None, str(e)),
        )

    def _show(self, preview: SeriesPreview | None, problem: str) -> None:
        self.preview = preview
        self.table.setRowCount(0)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if preview is None:
            self.summary.setText(problem)
            ok.setEnabled(False)
            return
        planned = preview.planned
        self.table.setRowCount(len(planned))
        for row, item in enumerate(planned):
            occurrence = item.occurrence
            note = f"Left out: {item.clash}" if item.clash else occurrence.note
            cells = [
                day_label(occurrence.day),
                f"{occurrence.starts:%H:%M}–{occurrence.ends:%H:%M}",
                day_label(item.papers_deadline),
                note,
            ]
            colour = SKIPPED if item.clash else (MOVED if occurrence.holiday else None)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if colour is not None:
                    cell.setForeground(colour)
                self.table.setItem(row, column, cell)
        count = len(preview.to_create)
        moved = sum(1 for p in preview.to_create if p.occurrence.moved)
        flagged = sum(1 for p in preview.to_create if p.occurrence.flagged)
        parts = [f"{counted(count, 'meeting')} will be created"]
        if moved:
            parts.append(f"{moved} moved off a bank holiday")
        if flagged:
            parts.append(f"{flagged} flagged on a bank holiday")
        if len(planned) - count:
            parts.append(f"{len(planned) - count} left out (already booked)")
        today = clock.today()
        late = [p for p in preview.to_create if p.papers_deadline < today]
        for row, item in enumerate(planned):
            if item in late:
                self.table.item(row, 2).setForeground(LATE)
        text = "; ".join(parts) + "."
        if late:
            first = late[0]
            text += (
                f" The papers deadline has already passed for {counted(len(late), 'meeting')} "
                f"(the first on {day_label(first.occurrence.day)} had papers due "
                f"{day_label(first.papers_deadline)}): consider starting the series later."
            )
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {LATE.name()}" if late else "")
        ok.setText(f"&Create {counted(count, 'meeting')}")
        ok.setEnabled(count > 0)

    def save_call(self) -> Callable[[], Outcome[Any]]:
        data, db = self.value(), self.ctx.db
        return lambda: series.create_series(db, data)
