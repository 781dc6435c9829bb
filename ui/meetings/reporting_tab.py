"""The meeting's Reporting up tab: after a held sub-group meeting, its highlight reports per
priority area; for any board's meeting, the escalations to that board awaiting its response."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from sendboard import clock
from sendboard.domain.wording import table_date
from sendboard.services import escalations
from sendboard.services.common.changes import Area
from sendboard.services.escalations import EscalationView, MeetingReportsView
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.context import AppContext
from ui.meetings.escalation_response import OnwardDialog, ResponseDialog
from ui.meetings.highlight_dialog import HighlightReportDialog
from ui.meetings.tabs import MeetingTab

AREA_HEAD = ("Priority area", "Lead", "Report", "Escalated")
ROW_MARGIN = 8
ESCALATION_HEAD = ("Kind", "Escalated", "From", "Raised", "Age", "Reason", "Ask")


def _table(headings: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headings))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], widths: tuple[int, ...] = ()) -> None:
    keep = max(table.currentRow(), 0)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        widest = widths[column] if column < len(widths) else 320
        table.setColumnWidth(column, min(table.columnWidth(column), widest))
    if table.wordWrap():
        table.resizeRowsToContents()
        for r in range(table.rowCount()):  # wrapped lines clear of the grid
            table.setRowHeight(r, table.rowHeight(r) + ROW_MARGIN)
    if rows:
        table.selectRow(min(keep, len(rows) - 1))


class ReportingTab(MeetingTab):
    title = "Reporting up"
    areas = (Area.MEETINGS, Area.ACTIONS, Area.RISKS, Area.MEASURES)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.reports: MeetingReportsView | None = None
        self.open: list[EscalationView] = []
        layout = QVBoxLayout(self)
        self.reports_heading = QLabel()
        self.reports_heading.setObjectName("reports-heading")
        self.reports_heading.setWordWrap(True)
        layout.addWidget(self.reports_heading)
        self.area_table = _table(AREA_HEAD, "highlight-areas")
        self.area_table.doubleClicked.connect(lambda _index: self.edit_report())
        self.area_table.itemSelectionChanged.connect(self._update)
        layout.addWidget(self.area_table, 2)
        self.report_button = QPushButton("Highlight rep&ort…")
        self.report_button.setToolTip(
            "The chosen priority area's figures, the lead's narrative and what the sub-group "
            "escalates (Ctrl+Shift+H)"
        )
        self.report_button.clicked.connect(self.edit_report)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+H"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.report_button.isEnabled() and self.edit_report())
        tools = QHBoxLayout()
        tools.addWidget(self.report_button)
        tools.addStretch(1)
        layout.addLayout(tools)

        self.escalations_heading = QLabel()
        self.escalations_heading.setObjectName("escalations-heading")
        self.escalations_heading.setWordWrap(True)
        layout.addWidget(self.escalations_heading)
        self.escalation_table = _table(ESCALATION_HEAD, "open-escalations")
        self.escalation_table.setWordWrap(True)
        self.escalation_table.doubleClicked.connect(lambda _index: self.record_response())
        layout.addWidget(self.escalation_table, 3)
        self.response_button = QPushButton("Recor&d response…")
        self.response_button.setToolTip("The board's response, which closes the escalation")
        self.response_button.clicked.connect(self.record_response)
        self.onward_button = QPushButton("Escalate on&ward…")
        self.onward_button.clicked.connect(self.escalate_onward)
        answer = QHBoxLayout()
        answer.addWidget(self.response_button)
        answer.addWidget(self.onward_button)
        answer.addStretch(1)
        layout.addLayout(answer)
        self._update()

    def refresh(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            self._show((None, None, []))
            return
        db = self.ctx.db

        def load() -> tuple[int, MeetingReportsView, list[EscalationView]]:
            return (
                meeting_id,
                escalations.meeting_reports(db, meeting_id),
                escalations.open_for_meeting(db, meeting_id),
            )

        self.ctx.tasks.run(load, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, loaded: tuple) -> None:  # type: ignore[type-arg]
        meeting_id, reports, open_ = loaded
        if meeting_id != self.meeting_id:
            return
        self.reports, self.open = reports, open_
        areas = reports.areas if reports else ()
        _fill(
            self.area_table,
            [
                (
                    a.label,
                    a.lead,
                    "Saved" if a.report_id else "Not written yet",
                    str(len(a.escalations)) if a.escalations else "",
                )
                for a in areas
            ],
        )
        _fill(
            self.escalation_table,
            [
                (
                    e.kind.label,
                    e.title,
                    e.from_board,
                    table_date(e.raised_on),
                    e.age,
                    e.reason,
                    e.ask,
                )
                for e in open_
            ],
            widths=(56, 200, 160, 80, 60, 220),
        )
        self._update()

    def _update(self) -> None:
        reports = self.reports
        has_areas = bool(reports and reports.areas)
        for widget in (self.area_table, self.report_button):
            widget.setVisible(has_areas)
        if reports is None:
            self.reports_heading.setText("")
        elif has_areas:
            to = reports.parent_name or "the board above"
            self.reports_heading.setText(
                f"<b>Highlight reports to {to}</b>: one per priority area {reports.board_name} "
                "oversees, with what it escalates."
            )
        else:
            self.reports_heading.setText(
                f"{reports.board_name} oversees no priority area, so it writes no highlight "
                "reports (each sub-group reports on its own area)."
            )
        why = ""
        if reports is not None and not reports.held:
            why = "a highlight report follows the meeting: mark it held first"
        elif self.area_table.currentRow() < 0:
            why = "choose a priority area"
        set_available(self.report_button, has_areas and not why, why)
        board = reports.board_name if reports else "this board"
        count = len(self.open)
        self.escalations_heading.setText(
            f"<b>Escalations to {board} awaiting its response</b>: "
            + (f"{count} on this meeting's agenda." if count else "none.")
        )
        self.escalation_table.setVisible(bool(count))
        self.response_button.setVisible(bool(count))
        onward_to = reports.parent_name if reports else ""
        self.onward_button.setVisible(bool(count and onward_to))
        self.onward_button.setToolTip(
            f"Pass the chosen escalation on to {onward_to}, with {board}'s reason and ask"
        )

    def edit_report(self) -> None:
        reports, row = self.reports, self.area_table.currentRow()
        if reports is None or not reports.areas or row < 0 or not reports.held:
            return
        area = reports.areas[row]
        db = self.ctx.db
        try:
            choices = escalations.escalation_choices(db, reports.meeting_id, area.area_id)
        except Exception as exc:
            show_error(self, exc)
            return
        HighlightReportDialog(
            self.ctx, reports.meeting_id, area, choices, reports.parent_name, parent=self
        ).exec()

    def _chosen(self) -> EscalationView | None:
        row = self.escalation_table.currentRow()
        return self.open[row] if self.reports is not None and 0 <= row < len(self.open) else None

    def record_response(self) -> None:
        view, reports = self._chosen(), self.reports
        if view is not None and reports is not None:
            ResponseDialog(
                self.ctx, view, reports.meeting_id, reports.day, clock.today(), parent=self
            ).exec()

    def escalate_onward(self) -> None:
        view, reports = self._chosen(), self.reports
        if view is not None and reports is not None and reports.parent_name:
            OnwardDialog(
                self.ctx,
                view,
                reports.parent_name,
                reports.meeting_id,
                reports.day,
                clock.today(),
                parent=self,
            ).exec()
