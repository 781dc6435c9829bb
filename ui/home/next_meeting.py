"""The Home page's meeting cards: the next Improvement Board meeting, and what else is coming."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

from sendboard import clock
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted, short_date
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import MeetingView
from ui.common.dashboard_card import CALM, FINE, URGENT, WATCH
from ui.common.meeting_rows import relative_days, short_day

#: How many of the coming meetings the "Coming up" card lists.
COMING = 6


@dataclass(frozen=True)
class MeetingsSummary:
    board_meeting: MeetingView | None  # the Improvement Board's next meeting (else any board's)
    coming: list[MeetingView] = field(default_factory=list)
    today: date = field(default_factory=clock.today)


def load_meetings(db: Database, today: date | None = None) -> MeetingsSummary:
    top = boards.first_board_of_kind(db, BoardKind.IMPROVEMENT_BOARD)
    board_meeting = meetings.next_meeting(db, top) if top is not None else None
    ahead = (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
    coming = [m for m in meetings.list_meetings(db) if m.status in ahead][:COMING]
    first = board_meeting or meetings.next_meeting(db)
    return MeetingsSummary(first, coming, today or clock.today())


def deadline_figure(view: MeetingView, today: date) -> tuple[str, str, str]:
    """The days left to the papers deadline as a big figure, its caption and colour."""
    days = view.days_to_papers_deadline(today)
    deadline = short_day(view.papers_deadline)
    if days < 0:
        return "passed", f"papers deadline was {deadline}", CALM
    if days == 0:
        return "today", "is the papers deadline", URGENT
    colour = URGENT if days <= 2 else WATCH if days <= 5 else FINE
    return counted(days, "day"), "to the papers deadline", colour


def meeting_html(view: MeetingView, today: date) -> str:
    """Which meeting, when, where, and the dates the secretariat works to."""
    place = escape(view.venue) if view.venue else "<i>venue to be set</i>"
    lines = [
        f"<span style='font-size:14pt; font-weight:600'>{escape(view.board_name)}</span>",
        f"<b>{short_day(view.starts_at)}</b>, {view.time_range} "
        f"({relative_days(view.starts_at.date(), today)}) · {view.status.label}",
        place,
        f"Papers deadline <b>{short_day(view.papers_deadline)}</b> · "
        f"pack issue <b>{short_day(view.pack_issue)}</b> "
        f"({relative_days(view.pack_issue, today)})",
    ]
    if view.pack_overdue(today):
        lines.append(
            f"<a href='meetings:meeting:{view.id}' style='color:{URGENT}'><b>⚠ Pack overdue:"
            "</b> no pack has been issued and the pack issue date has passed</a>"
        )
    if view.holiday_note:
        lines.append(
            f"<a href='meetings:meeting:{view.id}' style='color:{WATCH}'>"
            f"⚠ {escape(view.holiday_note)}</a>"
        )
    return "<br>".join(lines)


def no_meeting_html() -> str:
    return (
        "No meetings are planned. <a href='meetings:schedule-series'>Schedule the board's "
        "series</a> on the Meetings page."
    )


def coming_html(summary: MeetingsSummary) -> str:
    """One line per coming meeting, with its papers deadline while that is still ahead."""
    if not summary.coming:
        return "Nothing scheduled. <a href='meetings:schedule-series'>Schedule a series</a>."
    rows = []
    for view in summary.coming:
        days = view.days_to_papers_deadline(summary.today)
        if days < 0:
            papers = "deadline&nbsp;passed"
        else:
            colour = URGENT if days <= 2 else "#555555"
            when = relative_days(view.papers_deadline, summary.today).replace(" ", "&nbsp;")
            papers = f"<span style='color:{colour}'>papers&nbsp;{when}</span>"
        rows.append(
            f"<tr><td style='padding:2px 10px 2px 0'><a href='meetings:meeting:{view.id}'>"
            f"<b>{short_date(view.starts_at.date()).replace(' ', '&nbsp;')}</b></a></td>"
            f"<td style='padding:2px 10px 2px 0'>{escape(view.board_name)}</td>"
            f"<td style='padding:2px 0; color:#555'>{papers}</td></tr>"
        )
    return "<table cellspacing='0'>" + "".join(rows) + "</table>"
