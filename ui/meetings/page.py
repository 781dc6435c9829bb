"""Meetings: the list (upcoming first, past on request, per board) and the chosen meeting below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted
from sendboard.services import boards, meetings
from sendboard.services.boards import BoardView
from sendboard.services.common.changes import Area, Outcome
from sendboard.services.meetings import MeetingView
from ui.common import meeting_rows as columns
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.meeting_rows import MeetingFilterProxy, MeetingTableModel
from ui.common.page import Page
from ui.common.view_state import ColumnMemory, SplitterMemory, fit_columns
from ui.context import AppContext
from ui.meetings.agenda_template import AgendaTemplateDialog
from ui.meetings.availability import availability
from ui.meetings.compliance_record import ComplianceRecordDialog
from ui.meetings.dialog import MeetingDialog
from ui.meetings.schedule_series import ScheduleSeriesDialog
from ui.meetings.view import MeetingPanel


class MeetingsPage(Page):
    areas = (Area.MEETINGS, Area.BOARDS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.boards: list[BoardView] = []
        self._keep_id: int | None = None
        self.dialog: ScheduleSeriesDialog | None = None  # a dialog open without blocking
        self.model = MeetingTableModel()
        self.proxy = MeetingFilterProxy()
        self.proxy.setSourceModel(self.model)

        self.series_button = self._button(
            "&Schedule series…",
            "Ctrl+Shift+N",
            "Create a year of meetings from a cadence",
            self.schedule_series,
        )
        self.new_button = self._button(
            "&New meeting…",
            "Ctrl+N",
            "A one-off, extraordinary or stocktake meeting",
            self.new_meeting,
        )
        self.reschedule_button = self._button(
            "&Reschedule…", "Ctrl+E", "Change the date, time or place", self.reschedule
        )
        self.confirm_button = self._button(
            "&Confirm", "Ctrl+K", "Mark the meeting as confirmed", self.confirm_meeting
        )
        self.held_button = self._button(
            "Mar&k held", "Ctrl+H", "Record that the meeting took place", self.mark_held
        )
        self.cancel_button = self._button(
            "Cance&l meeting…",
            "Ctrl+Shift+Del",
            "Cancel the meeting (it stays on record)",
            self.cancel_meeting,
        )
        self.compliance_button = self._button(
            "Compliance record (re&quired roles)…",
            "Ctrl+Shift+R",
            "Whether the DfE and NHS England advisers and the DfE case lead were invited to "
            "every meeting of the board, and when: the evidence for a stocktake",
            self.show_compliance_record,
        )
        self.template_button = self._button(
            "Agenda template…",
            "Ctrl+Shift+T",
            "The standing items “Add standing items” puts on this board's agendas",
            self.edit_agenda_template,
        )
        self.board_filter = QComboBox()
        self.board_filter.setMinimumWidth(240)
        self.board_filter.currentIndexChanged.connect(self._filter_changed)
        board_label = QLabel("&Board:")
        board_label.setBuddy(self.board_filter)
        self.show_past = QCheckBox("Show &past meetings")
        self.show_past.toggled.connect(self._filter_changed)

        self.table = QTableView()
        self.table.setObjectName("meetings-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(columns.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)  # compact rows, as in other tables
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            columns.NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.columns = ColumnMemory(
            self.table,
            "meetings",
            fit=lambda: fit_columns(self.table, columns.NOTE, {columns.BOARD: 280}),
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _index: self.reschedule())
        self.count = QLabel()
        self.count.setObjectName("meetings-count")

        self.panel = MeetingPanel(ctx)
        self.no_boards = QLabel(
            "No boards yet, so there is nothing to schedule. "
            "<a href='people:new-board'>Add the Improvement Board</a> on People &amp; Boards, or "
            "<a href='home'>import a setup workbook</a> from Home."
        )
        self.no_boards.setObjectName("no-boards-hint")
        self.no_boards.setWordWrap(True)
        self.no_boards.linkActivated.connect(ctx.go)
        self.no_boards.hide()

        tools = QHBoxLayout()
        for button in (
            self.series_button,
            self.new_button,
            self.reschedule_button,
            self.confirm_button,
            self.held_button,
            self.cancel_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.template_button)
        tools.addWidget(self.compliance_button)
        filters = QHBoxLayout()
        filters.addWidget(board_label)
        filters.addWidget(self.board_filter)
        filters.addSpacing(12)
        filters.addWidget(self.show_past)
        filters.addStretch(1)
        filters.addWidget(self.count)

        list_box = QSplitter(Qt.Orientation.Vertical)
        upper_widget = QWidget()
        upper_layout = QVBoxLayout(upper_widget)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.table, 1)
        list_box.addWidget(upper_widget)
        list_box.addWidget(self.panel)
        list_box.setStretchFactor(0, 2)
        list_box.setStretchFactor(1, 3)
        list_box.setSizes([230, 530])  # the meeting view gets the room
        list_box.setChildrenCollapsible(False)
        self.split_memory = SplitterMemory(list_box, "meetings")

        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Meetings"))
        layout.addWidget(self.no_boards)
        layout.addLayout(tools)
        layout.addWidget(list_box, 1)
        self._update_buttons()

    def _button(self, text: str, keys: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(f"{tip} ({keys})")
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: button.isEnabled() and slot())
        return button

    # Loading

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: (boards.list_boards(db), meetings.list_meetings(db, include_past=True)),
            on_done=lambda result: self.show_rows(*result),
        )

    def show_rows(
        self, board_views: list[BoardView], views: list[MeetingView], today: date | None = None
    ) -> None:
        keep = self._keep_id if self._keep_id is not None else self.current_id()
        self._keep_id = None
        self.boards = board_views
        chosen = self.board_filter.currentData()
        self.board_filter.blockSignals(True)
        self.board_filter.clear()
        self.board_filter.addItem("All boards", None)
        for board in board_views:
            self.board_filter.addItem(board.name, board.id)
        index = self.board_filter.findData(chosen)
        self.board_filter.setCurrentIndex(max(index, 0))
        self.board_filter.blockSignals(False)
        self.proxy.board_id = self.board_filter.currentData()
        self.model.set_rows(views, today)
        self.proxy.invalidate()
        self._select(keep)
        intent, self._intent = self._intent, ""
        if intent:
            self._open(intent)

    def _filter_changed(self) -> None:
        keep = self.current_id()
        self.proxy.set_board(self.board_filter.currentData())
        self.proxy.set_show_past(self.show_past.isChecked())
        self._select(keep)

    def _select(self, meeting_id: int | None) -> None:
        row = 0
        if meeting_id is not None:
            source = self.model.row_of(meeting_id)
            if source is not None:
                mapped = self.proxy.mapFromSource(self.model.index(source, 0))
                row = mapped.row() if mapped.isValid() else 0
        if self.proxy.rowCount() and row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.table.selectionModel().clear()
        self.count.setText(self._count_text())
        self._selected()

    def _count_text(self) -> str:
        shown = self.proxy.rowCount()
        return counted(shown, "meeting") + ("" if self.show_past.isChecked() else " from today on")

    def current(self) -> MeetingView | None:
        index = self.table.currentIndex()
        return self.proxy.view_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        view = self.current()
        return view.id if view else None

    def _selected(self) -> None:
        self.panel.show_meeting(self.current(), self.model.today)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.no_boards.setVisible(not self.boards)
        rules = availability(
            self.current(), bool(self.boards), self.template_board() is not None, clock.today()
        )
        for name, (available, why) in rules.items():
            set_available(getattr(self, f"{name}_button"), available, why)

    _intent = ""

    def open_intent(self, intent: str) -> None:
        """Links from Home: "schedule-series", "agenda-template", "meeting:ID"; each opens
        once the list is fresh."""
        self._intent = intent
        self.refresh()

    def _open(self, intent: str) -> None:
        what, _, value = intent.partition(":")
        if what == "meeting" and value.isdigit():
            meeting_id = int(value)
            self.board_filter.setCurrentIndex(0)
            row = self.model.row_of(meeting_id)
            if row is not None and self.model.is_past(self.model.row_at(row)):
                self.show_past.setChecked(True)
            self._select(meeting_id)
        elif what == "schedule-series" and self.boards:
            self.schedule_series()
        elif what == "agenda-template" and self.boards:
            if self.template_board() is None:
                self.board_filter.setCurrentIndex(1)
            self.edit_agenda_template()

    # Actions

    def _run(self, fn: Callable[[], Outcome[Any]], keep_id: int | None) -> None:
        self._keep_id = keep_id
        self.ctx.mutate(fn, on_error=lambda exc: show_error(self, exc))

    def schedule_series(self) -> None:
        board_id = self.board_filter.currentData() or self._first_unscheduled()
        dialog = ScheduleSeriesDialog(self.ctx, self.boards, board_id, parent=self)
        dialog.start(self._series_made)
        self.dialog = dialog

    def _series_made(self, made: list[MeetingView]) -> None:
        if made:
            self._keep_id = made[0].id

    def _first_unscheduled(self) -> int | None:
        """The first board (parents first) with no meeting still to come, if any."""
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        booked = {v.board_id for v in rows if not self.model.is_past(v)}
        return next((b.id for b in self.boards if b.id not in booked), None)

    def new_meeting(self) -> None:
        board_id = self.board_filter.currentData()
        dialog = MeetingDialog(self.ctx, self.boards, board_id=board_id, parent=self)
        if dialog.exec() and dialog.result_value:
            self._keep_id = dialog.result_value.id
            self._select(dialog.result_value.id)

    def show_compliance_record(self) -> None:
        board_id = self.board_filter.currentData()
        ComplianceRecordDialog(self.ctx, self.boards, board_id, parent=self).exec()

    def template_board(self) -> BoardView | None:
        """The board chosen in the filter, else the selected meeting's board."""
        view = self.current()
        board_id = self.board_filter.currentData() or (view.board_id if view else None)
        return next((b for b in self.boards if b.id == board_id), None)

    def edit_agenda_template(self) -> None:
        board = self.template_board()
        if board is not None:
            AgendaTemplateDialog(self.ctx, board.id, board.name, parent=self).exec()

    def reschedule(self) -> None:
        view = self.current()
        if view is None or view.status not in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED):
            return
        MeetingDialog(self.ctx, self.boards, meeting=view, parent=self).exec()

    def confirm_meeting(self) -> None:
        view = self.current()
        if view is not None:
            db = self.ctx.db
            self._run(lambda: meetings.confirm_meeting(db, view.id), view.id)

    def mark_held(self) -> None:
        view = self.current()
        if view is not None:
            db = self.ctx.db
            self._run(lambda: meetings.mark_held(db, view.id), view.id)

    def ask_cancel_reason(self, view: MeetingView) -> str | None:
        """Confirm the cancellation; the reason (maybe blank) or None to keep the meeting."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Cancel meeting")
        dialog.setLabelText(
            f"Cancel {view.label}?\nThe meeting stays on record as cancelled; send the "
            "cancellation to invitees afterwards.\n\nReason (optional):"
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText("Cancel meeting")
        dialog.setCancelButtonText("Keep meeting")
        return dialog.textValue() if dialog.exec() else None

    def cancel_meeting(self) -> None:
        view = self.current()
        if view is None:
            return
        reason = self.ask_cancel_reason(view)
        if reason is not None:
            db = self.ctx.db
            self._run(lambda: meetings.cancel_meeting(db, view.id, reason), view.id)
