"""Which of the Meetings page's commands a secretary may use now, and in words why not."""

from __future__ import annotations

from datetime import date

from sendboard.domain.meetings import MeetingStatus
from sendboard.services.meetings import MeetingView

NO_BOARDS = "add a board first, on People & Boards (or import a setup workbook)."


def availability(
    view: MeetingView | None, has_boards: bool, has_template_board: bool, today: date
) -> dict[str, tuple[bool, str]]:
    """Each command's button name, whether it may be used, and the reason shown when it may not."""
    status = view.status if view else None
    ahead = status in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
    if view is None or status is None:
        why = NO_BOARDS if not has_boards else "select a meeting in the list first."
        why_confirm = why_held = why
    else:
        why = f"this meeting is {status.label.lower()}; only planned or confirmed ones change."
        why_confirm = f"only a planned meeting can be confirmed; this one is {status.label}."
        why_held = why if not ahead else "the meeting has not started yet: mark it on the day."
    template_why = (
        NO_BOARDS
        if not has_boards
        else "choose a board in the Board list, or select one of its meetings."
    )
    return {
        "series": (has_boards, NO_BOARDS),
        "new": (has_boards, NO_BOARDS),
        "compliance": (has_boards, NO_BOARDS),
        "template": (has_template_board, template_why),
        "reschedule": (ahead, why),
        "confirm": (status is MeetingStatus.PLANNED, why_confirm),
        "held": (ahead and view is not None and view.starts_at.date() <= today, why_held),
        "cancel": (ahead, why),
    }
