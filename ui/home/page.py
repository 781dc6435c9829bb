"""Home: what needs the secretary's attention today, at a glance, as a grid of cards."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from sendboard import clock
from sendboard.domain.wording import prose_date

# The narrow service modules, not the `actions` and `risks` facades: Home is the first page, and
# what it imports is loaded before its figures can be shown.
from sendboard.services import boards
from sendboard.services.actions.queries import ActionLog, load_log
from sendboard.services.common.changes import Area
from sendboard.services.escalations import AwaitingBoard, awaiting_response
from sendboard.services.meetings import invitations
from sendboard.services.minutes.read import overdue_minutes
from sendboard.services.minutes.views import MinutesListRow
from sendboard.services.risks.register import list_risks
from sendboard.services.risks.views import RiskView
from sendboard.services.setup import SetupProgress, setup_progress
from sendboard.services.setup.progress import hide_checklist
from ui.common.dashboard_card import Card, link_label
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.context import AppContext
from ui.home.dashboard_text import (
    actions_summary,
    boards_html,
    compliance_figure,
    gate_html,
    next_step_html,
    risks_summary,
)
from ui.home.escalations import escalations_html
from ui.home.minutes_overdue import minutes_overdue_html
from ui.home.next_meeting import (
    MeetingsSummary,
    coming_html,
    deadline_figure,
    load_meetings,
    meeting_html,
    no_meeting_html,
)
from ui.setup.checklist import SetupChecklist


class HomePage(Page):
    areas = (
        Area.BOARDS,
        Area.PEOPLE,
        Area.MEETINGS,
        Area.MINUTES,
        Area.ACTIONS,
        Area.RISKS,
        Area.SETTINGS,
    )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._boards: list[boards.BoardView] | None = None  # until loaded
        self._gates: list[invitations.GateWarning] = []
        self._coming: list[object] = []  # the meetings ahead, once loaded
        heading = page_heading("Home")
        self.today = QLabel()
        self.today.setObjectName("page-subtitle")

        follow = ctx.go
        self.checklist = SetupChecklist()
        self.checklist.hide()
        self.checklist.place_chosen.connect(follow)
        self.checklist.import_requested.connect(self.import_setup)
        self.checklist.template_requested.connect(self.save_template)
        self.checklist.hide_requested.connect(self.hide_checklist)
        self.meeting_card = Card("Next Improvement Board meeting")
        self.next_meeting = self.meeting_card.add(link_label("next-meeting", follow))
        self.coming_card = Card("Coming up")
        self.coming = self.coming_card.add(link_label("coming-meetings", follow))
        self.minutes_overdue = self.coming_card.add(link_label("minutes-overdue", follow))
        self.minutes_overdue.hide()
        self.escalations = self.coming_card.add(link_label("escalations-awaiting", follow))
        self.escalations.hide()
        self.compliance_card = Card("Invitation compliance")
        self.warnings = self.compliance_card.add(link_label("warnings", follow))
        self.meeting_warnings = self.compliance_card.add(link_label("meeting-warnings", follow))
        self.actions_card = Card("Action and impact log")
        self.actions_text = self.actions_card.add(link_label("actions-summary", follow))
        self.risks_card = Card("Risk register")
        self.risks_text = self.risks_card.add(link_label("risks-summary", follow))

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.meeting_card, 0, 0, 1, 2)
        grid.addWidget(self.compliance_card, 0, 2)
        grid.addWidget(self.coming_card, 1, 0)
        grid.addWidget(self.actions_card, 1, 1)
        grid.addWidget(self.risks_card, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(heading)
        layout.addWidget(self.today)
        layout.addSpacing(6)
        layout.addWidget(self.checklist)
        layout.addLayout(grid)
        layout.addStretch(1)

    def refresh(self) -> None:
        db = self.ctx.db
        today = clock.today()
        self.today.setText(prose_date(today, weekday=True))
        self.ctx.tasks.run(lambda: setup_progress(db), on_done=self._show_progress)
        self.ctx.tasks.run(lambda: load_meetings(db), on_done=self._show_meetings)
        self.ctx.tasks.run(lambda: boards.list_boards(db), on_done=self._show)
        self.ctx.tasks.run(lambda: overdue_minutes(db, today), on_done=self._show_minutes)
        self.ctx.tasks.run(lambda: awaiting_response(db, today), on_done=self._show_escalations)
        self.ctx.tasks.run(lambda: invitations.upcoming_gate_warnings(db), on_done=self._show_gates)
        self.ctx.tasks.run(lambda: load_log(db), on_done=self._show_actions)
        self.ctx.tasks.run(lambda: list_risks(db, with_actions=False), on_done=self._show_risks)

    def _show_progress(self, progress: SetupProgress) -> None:
        self.checklist.show_progress(progress)

    def import_setup(self) -> None:
        from ui.setup.import_dialog import run_setup_import

        run_setup_import(self, self.ctx)

    def save_template(self) -> None:
        from ui.setup.import_dialog import save_template

        save_template(self)

    def hide_checklist(self) -> None:
        self.ctx.mutate(lambda: hide_checklist(self.ctx.db))

    def _show_meetings(self, summary: MeetingsSummary) -> None:
        view = summary.board_meeting
        if view is None:
            self.next_meeting.setText(no_meeting_html())
            self.meeting_card.set_figure("", "")
        else:
            self.next_meeting.setText(meeting_html(view, summary.today))
            self.meeting_card.set_figure(*deadline_figure(view, summary.today))
        self.coming.setText(coming_html(summary))
        self._coming = summary.coming
        self._show_compliance()

    def _show_minutes(self, rows: list[MinutesListRow]) -> None:
        self.minutes_overdue.setText(minutes_overdue_html(rows, clock.today()))
        self.minutes_overdue.setVisible(bool(rows))

    def _show_escalations(self, boards: list[AwaitingBoard]) -> None:
        self.escalations.setText(escalations_html(boards))
        self.escalations.setVisible(bool(boards))

    def _show(self, views: list[boards.BoardView]) -> None:
        self._boards = views
        self._show_compliance()

    def _show_gates(self, warnings: list[invitations.GateWarning]) -> None:
        self._gates = warnings
        self.meeting_warnings.setText(gate_html(warnings))
        self.meeting_warnings.setVisible(bool(warnings))
        self._show_compliance()

    def _show_compliance(self) -> None:
        """The figure is green only with meetings ahead; until then the card says what to do."""
        if self._boards is None:
            return
        scheduled = bool(self._coming)
        step = next_step_html(self._boards, self._gates, scheduled)
        self.warnings.setText(
            "<br>".join(t for t in (boards_html(self._boards, scheduled), step) if t)
        )
        self.compliance_card.set_figure(*compliance_figure(self._boards, self._gates, scheduled))

    def _show_actions(self, log: ActionLog) -> None:
        summary = actions_summary(log)
        self.actions_text.setText(summary.html)
        self.actions_card.set_figure(summary.figure, summary.caption, summary.colour)

    def _show_risks(self, views: list[RiskView]) -> None:
        summary = risks_summary(views)
        self.risks_text.setText(summary.html)
        self.risks_card.set_figure(summary.figure, summary.caption, summary.colour)
