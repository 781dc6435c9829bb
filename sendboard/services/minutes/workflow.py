"""The minutes' workflow: draft → sent to the chair → circulated → approved (locked), and errata.

Approval is recorded against the "Minutes of the previous meeting" item of the meeting that
approved them; from then on the minutes are locked, and a correction is an erratum: a new row,
in the audit trail, printed beside the text it corrects.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.meetings import MeetingStatus, StandingItem
from sendboard.domain.minutes import MinutesStatus, can_move
from sendboard.domain.wording import prose_date
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.minutes.attendance import read_attendance, to_record
from sendboard.services.minutes.edit import MinutesLocked, editable, locked_message
from sendboard.services.minutes.read import (
    build_view,
    erratum_view,
    load_meeting,
    meeting_label,
    require,
)
from sendboard.services.minutes.views import ErratumView, MinutesView
from sendboard.store.audit import os_user
from sendboard.store.database import Database
from sendboard.store.models import AgendaItem, Meeting, MinutesErratum


def _move(db: Database, meeting_id: int, to: MinutesStatus) -> Outcome[MinutesView]:
    with db.write() as session:
        minutes = editable(session, meeting_id)
        if not can_move(minutes.status, to):
            raise ValidationError(
                f"Minutes that are {minutes.status.label.lower()} cannot be marked "
                f"{to.label.lower()}."
            )
        minutes.status = to
        minutes.status_changed_at = clock.now()
        session.flush()
        return outcome(build_view(session, minutes), Area.MINUTES)


def send_to_chair(db: Database, meeting_id: int) -> Outcome[MinutesView]:
    return _move(db, meeting_id, MinutesStatus.SENT_TO_CHAIR)


def circulate(db: Database, meeting_id: int) -> Outcome[MinutesView]:
    return _move(db, meeting_id, MinutesStatus.CIRCULATED)


def return_to_draft(db: Database, meeting_id: int) -> Outcome[MinutesView]:
    return _move(db, meeting_id, MinutesStatus.DRAFT)


def next_meeting_id(db: Database, meeting_id: int) -> int | None:
    """Where the minutes are approved: the board's next meeting that is not cancelled and takes
    the minutes of the previous meeting (a DfE stocktake does not), else simply the next."""
    with db.read() as session:
        meeting = load_meeting(session, meeting_id)
        return _next(session, meeting)


def _next(session, meeting: Meeting) -> int | None:  # type: ignore[no-untyped-def]
    later = select(Meeting.id).where(
        Meeting.board_id == meeting.board_id,
        Meeting.starts_at > meeting.starts_at,
        Meeting.status != MeetingStatus.CANCELLED,
    )
    takes_minutes = Meeting.agenda.any(AgendaItem.standing == StandingItem.PREVIOUS_MINUTES)
    found = session.scalar(later.where(takes_minutes).order_by(Meeting.starts_at).limit(1))
    if found is None:
        found = session.scalar(later.order_by(Meeting.starts_at).limit(1))
    return found


def approve(
    db: Database,
    meeting_id: int,
    *,
    at_meeting_id: int | None = None,
    amendments: str = "",
    on: date | None = None,
) -> Outcome[MinutesView]:
    """Record that `at_meeting_id` (the board's next meeting by default) agreed the minutes, with
    any amendments, under its "Minutes of the previous meeting" item; they are then locked.

    Only a meeting that has taken place (today or earlier, not cancelled) can have approved them.
    """
    with db.write() as session:
        minutes = editable(session, meeting_id)
        if not can_move(minutes.status, MinutesStatus.APPROVED):
            raise ValidationError(
                "Circulate the minutes before they are approved: the meeting approves the "
                "minutes its members have seen."
            )
        meeting = minutes.meeting
        at_id = at_meeting_id if at_meeting_id is not None else _next(session, meeting)
        if at_id is None:
            raise ValidationError(
                f"{meeting.board.name} has no later meeting to approve these minutes at; "
                "schedule it first."
            )
        at = load_meeting(session, at_id)
        if at.board_id != meeting.board_id or at.starts_at <= meeting.starts_at:
            raise ValidationError(
                "Minutes are approved at a later meeting of the same board.", "at_meeting_id"
            )
        _require_held(at)
        item = session.scalar(
            select(AgendaItem).where(
                AgendaItem.meeting_id == at.id,
                AgendaItem.standing == StandingItem.PREVIOUS_MINUTES,
            )
        )
        if item is None:
            raise ValidationError(
                f"The agenda of {meeting_label(at)} has no “Minutes of the previous meeting” "
                "item to record the approval against; add it to that agenda first.",
                "at_meeting_id",
            )
        minutes.status = MinutesStatus.APPROVED
        minutes.status_changed_at = clock.now()
        minutes.approved_on = on or at.starts_at.date()
        minutes.approved_at_meeting_id = at.id
        minutes.approved_item_id = item.id
        minutes.amendments = validation.clean(amendments)
        minutes.attendance_record = to_record(read_attendance(session, meeting))
        session.flush()
        return outcome(build_view(session, minutes), Area.MINUTES, Area.MEETINGS)


def _not_held(at: Meeting) -> str:
    """Why minutes cannot be approved at `at` ("" if they can): it must have taken place."""
    if at.status is MeetingStatus.CANCELLED:
        return (
            f"{meeting_label(at)} was cancelled, so it cannot approve these minutes: "
            "approve them at the board's next meeting that takes place."
        )
    day = at.starts_at.date()
    if day > clock.today():
        return (
            f"{meeting_label(at)} has not been held yet: minutes are approved at the meeting "
            f"itself, so record the approval on or after {prose_date(day)}."
        )
    return ""


def _require_held(at: Meeting) -> None:
    problem = _not_held(at)
    if problem:
        raise ValidationError(problem, "at_meeting_id")


def approval_problem(db: Database, at_meeting_id: int) -> str:
    """Why the minutes cannot be approved at that meeting yet ("" if they can)."""
    with db.read() as session:
        return _not_held(load_meeting(session, at_meeting_id))


def add_erratum(
    db: Database, meeting_id: int, text: str, agenda_item_id: int | None = None
) -> Outcome[ErratumView]:
    """A correction to approved minutes, kept beside the text it corrects and audited."""
    correction = validation.required(text, "The erratum", "text")
    with db.write() as session:
        minutes = require(session, meeting_id)
        if not minutes.status.locked:
            raise ValidationError(
                "These minutes are not approved yet: correct the text itself instead of "
                "adding an erratum."
            )
        if agenda_item_id is not None:
            item = session.get(AgendaItem, agenda_item_id)
            if item is None or item.meeting_id != meeting_id:
                raise ValidationError("That agenda item is not on this meeting's agenda.")
        erratum = MinutesErratum(
            minutes_id=minutes.id,
            agenda_item_id=agenda_item_id,
            text=correction,
            recorded_at=clock.now(),
            recorded_by=os_user(),
        )
        session.add(erratum)
        session.flush()
        return outcome(erratum_view(erratum), Area.MINUTES)


__all__ = [
    "MinutesLocked",
    "add_erratum",
    "approval_problem",
    "approve",
    "circulate",
    "locked_message",
    "next_meeting_id",
    "return_to_draft",
    "send_to_chair",
]
