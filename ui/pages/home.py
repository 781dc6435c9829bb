"""Home: what needs the secretary's attention today."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QVBoxLayout

from sendboard.domain.compliance import describe_missing
from sendboard.services import boards, invitations
from sendboard.services.changes import Area
from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.next_meeting import next_meetings


class HomePage(Page):
    areas = (Area.BOARDS, Area.PEOPLE, Area.MEETINGS, Area.ACTIONS, Area.RISKS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Home</h2>"))
        self.next_meeting = QLabel()
        self.next_meeting.setObjectName("next-meeting")
        self.next_meeting.setWordWrap(True)
        layout.addWidget(self.next_meeting)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        self.meeting_warnings = QLabel()
        self.meeting_warnings.setObjectName("meeting-warnings")
        self.meeting_warnings.setWordWrap(True)
        layout.addWidget(self.meeting_warnings)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.ctx.tasks.run(lambda: boards.list_boards(self.ctx.db), on_done=self._show)
        db = self.ctx.db
        self.ctx.tasks.run(lambda: next_meetings(db), on_done=self.next_meeting.setText)
        self.ctx.tasks.run(
            lambda: invitations.upcoming_gate_warnings(db), on_done=self._show_meetings
        )

    def _show_meetings(self, warnings: list[invitations.GateWarning]) -> None:
        """Coming meetings whose invitations are blocked by the compliance gate."""
        if not warnings:
            self.meeting_warnings.setText("")
            return
        items = "".join(
            f"<li><b>{html.escape(w.label)}</b>: {html.escape(w.text)} "
            "Invitations cannot be sent until this is fixed.</li>"
            for w in warnings
        )
        self.meeting_warnings.setText(
            "<h3 style='color:#a01010'>Upcoming meetings whose invitations are blocked</h3>"
            f"<ul>{items}</ul>"
        )

    def _show(self, views: list[boards.BoardView]) -> None:
        problems = [
            f"<li><b>{b.name}</b>: {describe_missing(b.missing_roles)}</li>"
            for b in views
            if b.missing_roles
        ]
        if problems:
            self.warnings.setText(
                "<h3>Invitation compliance</h3><ul>" + "".join(problems) + "</ul>"
            )
        else:
            self.warnings.setText(
                "<h3>Invitation compliance</h3><p>Every board has a member with an email address "
                "for each role it must invite.</p>"
            )
