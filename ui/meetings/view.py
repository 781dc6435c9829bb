"""One meeting: a header with its dates and place, and a tab per area (agenda, invitations…)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from sendboard import clock
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.meetings import MeetingView
from ui.common.meeting_rows import relative_days, short_day
from ui.context import AppContext
from ui.meetings.agenda_tab import AgendaTab
from ui.meetings.attendance_tab import AttendanceTab
from ui.meetings.invitations_tab import InvitationsTab
from ui.meetings.pack_tab import PackTab
from ui.meetings.reporting_tab import ReportingTab
from ui.meetings.tabs import MeetingTab

#: The meeting view's tabs, in display order.
TABS: tuple[type[MeetingTab], ...] = (
    AgendaTab,
    InvitationsTab,
    AttendanceTab,
    ReportingTab,
    PackTab,
)

STATUS_COLOURS = {
    MeetingStatus.PLANNED: "#1d4f91",
    MeetingStatus.CONFIRMED: "#1b6e35",
    MeetingStatus.HELD: "#4b4b4b",
    MeetingStatus.CANCELLED: "#9b1c1c",
}


def header_html(view: MeetingView, today: date) -> str:
    """What the meeting is, when and where, and the dates the secretariat works to."""
    status = f"<span style='color:{STATUS_COLOURS[view.status]}'><b>{view.status.label}</b></span>"
    title = f" — {escape(view.title)}" if view.title else ""
    lines = [
        f"<span style='font-size:13pt'><b>{escape(view.board_name)}</b>{title}</span>"
        f" &nbsp;·&nbsp; {view.kind.label} &nbsp;·&nbsp; {status}",
        f"<b>{short_day(view.starts_at)}</b>, {view.time_range}"
        + (f" &nbsp;·&nbsp; {escape(view.venue)}" if view.venue else "")
        + (
            f" &nbsp;·&nbsp; <a href='{escape(view.online_link, quote=True)}'>Join online</a>"
            if view.online_link
            else ""
        )
        + ("" if view.venue or view.online_link else " &nbsp;·&nbsp; <i>venue to be set</i>"),
    ]
    ahead = view.status in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
    dates = []
    for label, day in (
        ("Papers deadline", view.papers_deadline),
        ("Pack issue", view.pack_issue),
        ("Minutes due", view.minutes_due),
    ):
        relevant = ahead or (label == "Minutes due" and view.status is MeetingStatus.HELD)
        when = f" ({relative_days(day, today)})" if relevant else ""
        dates.append(f"{label}: <b>{short_day(day)}</b>{when}")
    lines.append(" &nbsp;·&nbsp; ".join(dates))
    if view.pack_overdue(today):
        lines.append(
            "<span style='color:#a61b1b'><b>⚠ Pack overdue:</b> the pack issue date was "
            f"{short_day(view.pack_issue)} and no pack has been issued; build it on the Pack "
            "tab.</span>"
        )
    if ahead and view.papers_deadline >= view.pack_issue:
        lines.append(
            "<span style='color:#8a4b00'>⚠ The papers deadline is not before the pack issue "
            "date: give this board an earlier papers deadline (People &amp; Boards).</span>"
        )
    if view.holiday_note:
        lines.append(f"<span style='color:#8a4b00'>⚠ {escape(view.holiday_note)}</span>")
    if view.notes:
        lines.append(f"<i>{escape(view.notes).replace(chr(10), '<br>')}</i>")
    return "<br>".join(lines)


class MeetingPanel(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.meeting: MeetingView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.stack = QStackedWidget()
        empty = QLabel("Choose a meeting above to see its agenda and details.")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(empty)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel()
        self.header.setObjectName("meeting-header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        body_layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tab_pages: list[MeetingTab] = []
        for tab_class in TABS:
            tab = tab_class(ctx)
            self.tab_pages.append(tab)
            self.tabs.addTab(tab, tab_class.title)
        body_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(body)
        layout.addWidget(self.stack)

    def show_meeting(self, view: MeetingView | None, today: date | None = None) -> None:
        changed = (view.id if view else None) != (self.meeting.id if self.meeting else None)
        self.meeting = view
        self.stack.setCurrentIndex(1 if view else 0)
        if view is not None:
            self.header.setText(header_html(view, today or clock.today()))
        if changed:
            for tab in self.tab_pages:
                tab.set_meeting(view.id if view else None)
