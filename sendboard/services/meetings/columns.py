"""The columns of a list of meetings, so the command line and the window's table agree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sendboard.services.meetings import MeetingView

COLUMNS = (
    "Date",
    "Time",
    "Board",
    "Kind",
    "Status",
    "Papers deadline",
    "Pack issue",
    "Minutes due",
    "Note",
)
#: Where "Minutes due" is among COLUMNS (a list marks overdue minutes there).
MINUTES_DUE = COLUMNS.index("Minutes due")


def meeting_cells(view: MeetingView, day: Callable[[date], str]) -> tuple[str, ...]:
    """One meeting's cells under COLUMNS. `day` writes the dates: a terminal pads the day of
    the month so the columns line up, a window table need not."""
    return (
        day(view.starts_at),
        view.time_range,
        view.board_name,
        view.kind.label,
        view.status.label,
        day(view.papers_deadline),
        day(view.pack_issue),
        day(view.minutes_due),
        "; ".join(n for n in (view.title, view.holiday_note) if n),
    )
