"""The Home page's meetings section: the next meeting and the days left to its papers deadline."""

from __future__ import annotations

from datetime import date
from html import escape

from sendboard.domain.governance import BoardKind
from sendboard.services import boards, meetings
from sendboard.services.meetings import MeetingView
from sendboard.services.workspace import Database
from ui.models.meetings import relative_days, short_day


def deadline_text(view: MeetingView, today: date) -> str:
    days = view.days_to_papers_deadline(today)
    when = relative_days(view.papers_deadline, today)
    if days < 0:
        return f"Papers deadline {short_day(view.papers_deadline)} passed {when}"
    left = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} left"
    return f"Papers deadline <b>{short_day(view.papers_deadline)}</b>: <b>{left}</b>"


def meeting_line(view: MeetingView, today: date) -> str:
    place = f", {escape(view.venue)}" if view.venue else ""
    note = (
        f"<br><span style='color:#8a4b00'>⚠ {escape(view.holiday_note)}</span>"
        if view.holiday_note
        else ""
    )
    return (
        f"<b>{escape(view.board_name)}</b> ({view.status.label.lower()}), "
        f"{short_day(view.starts_at)} {view.time_range}{place} "
        f"({relative_days(view.starts_at.date(), today)})<br>{deadline_text(view, today)}; "
        f"pack issue {short_day(view.pack_issue)}{note}"
    )


def next_meetings(db: Database, today: date | None = None) -> str:
    """HTML for the section: the next meeting, and the board's own next meeting if different."""
    today = today or date.today()
    first = meetings.next_meeting(db)
    if first is None:
        return (
            "<h3>Next meeting</h3><p>No meetings are planned. Schedule the board's series on "
            "the Meetings page.</p>"
        )
    parts = [f"<h3>Next meeting</h3><p>{meeting_line(first, today)}</p>"]
    top = [b for b in boards.list_boards(db) if b.kind is BoardKind.IMPROVEMENT_BOARD]
    if top and first.board_id != top[0].id:
        board_next = meetings.next_meeting(db, top[0].id)
        if board_next is not None:
            parts.append(
                f"<h3>Next Improvement Board meeting</h3><p>{meeting_line(board_next, today)}</p>"
            )
    return "".join(parts)
