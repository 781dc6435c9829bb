"""Updates per meeting cycle: each one is a new row, so the history is never overwritten."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.actions import ActionStatus
from sendboard.domain.meetings import MeetingStatus
from sendboard.errors import ValidationError
from sendboard.services.actions.queries import detail, load_action
from sendboard.services.actions.views import ActionDetail, UpdateInput
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.cycles import improvement_board_id
from sendboard.store.database import Database
from sendboard.store.models import Action, ActionUpdate, Meeting


def next_meeting(session: Session, board_id: int | None, on: date) -> int | None:
    """The board's next meeting on or after `on`: the one this update is prepared for (an action
    with no board reports to the Improvement Board)."""
    return NextMeetings(session, [board_id])(board_id, on)


class NextMeetings:
    """`next_meeting` for many updates at once (an import): each board's meetings read once."""

    def __init__(self, session: Session, board_ids: Iterable[int | None]) -> None:
        self._fallback = improvement_board_id(session)
        wanted = sorted({self._fallback if b is None else b for b in board_ids} - {None})
        self._starts: dict[int, list[datetime]] = defaultdict(list)
        self._ids: dict[int, list[int]] = defaultdict(list)
        for first in range(0, len(wanted), 500):
            for board_id, meeting_id, starts_at in session.execute(
                _upcoming(wanted[first : first + 500])
            ):
                self._starts[board_id].append(starts_at)
                self._ids[board_id].append(meeting_id)

    def __call__(self, board_id: int | None, on: date) -> int | None:
        board_id = self._fallback if board_id is None else board_id
        if board_id is None:
            return None
        starts = self._starts.get(board_id, [])
        index = bisect_left(starts, datetime.combine(on, time.min))
        return self._ids[board_id][index] if index < len(starts) else None


def _upcoming(board_ids: list[int]) -> Select[tuple[int, int, datetime]]:
    """The meetings an update can be prepared for: its board's, held or planned, in date order."""
    return (
        select(Meeting.board_id, Meeting.id, Meeting.starts_at)
        .where(Meeting.board_id.in_(board_ids), Meeting.status != MeetingStatus.CANCELLED)
        .order_by(Meeting.starts_at, Meeting.id)
    )


def new_update(session: Session, action: Action, data: UpdateInput) -> ActionUpdate:
    """Validate and add one update row to an action (the caller flushes)."""
    text = (data.text or "").strip()
    if not text and data.progress is None and data.impact is None:
        raise ValidationError("Write the update, or give a progress or impact rating.", "text")
    if action.status is not ActionStatus.OPEN:
        raise ValidationError(
            f"{action.reference} is {action.status.label.lower()}; reopen it to add an update.",
            "action_id",
        )
    on = data.on or clock.today()
    meeting_id = data.meeting_id
    if meeting_id is not None and session.get(Meeting, meeting_id) is None:
        raise ValidationError("The chosen meeting no longer exists.", "meeting_id")
    if meeting_id is None:
        meeting_id = next_meeting(session, action.board_id, on)
    update = ActionUpdate(
        action=action,  # a backref append: the action's other updates are not loaded
        on=on,
        meeting_id=meeting_id,
        text=text,
        progress=data.progress,
        impact=data.impact,
        evidence=(data.evidence or "").strip(),
    )
    session.add(update)
    return update


def add_update(db: Database, data: UpdateInput) -> Outcome[ActionDetail]:
    """Record this cycle's update as a new row; earlier updates stay exactly as they were."""
    with db.write() as session:
        action = load_action(session, data.action_id)
        new_update(session, action, data)
        session.flush()
        return outcome(detail(session, action.id, clock.today()), Area.ACTIONS)
