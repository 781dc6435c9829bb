"""Meetings for invitation tests, made directly in the store (the demo on this branch has none)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from sendboard.domain.governance import StatutoryRole
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.meetings import invitations
from sendboard.store.database import Database
from sendboard.store.models import Board, HandOff, Meeting, Person

BOARD = "SEND Improvement Board"


def add_meeting(
    db: Database,
    starts_at: datetime = datetime(2027, 1, 13, 14, 0),
    *,
    board: str = BOARD,
    status: MeetingStatus = MeetingStatus.PLANNED,
    venue: str = "Committee Room 1, Kingsmere Civic Centre",
) -> int:
    with db.write() as session:
        board_row = session.scalar(select(Board).where(Board.name == board))
        assert board_row is not None
        meeting = Meeting(
            board_id=board_row.id,
            title=board,
            starts_at=starts_at,
            ends_at=starts_at.replace(hour=starts_at.hour + 2),
            venue=venue,
            status=status,
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def person_id(db: Database, name: str) -> int:
    with db.read() as session:
        found = session.scalar(select(Person.id).where(Person.name == name))
        assert found is not None
        return found


def update_meeting(db: Database, meeting_id: int, **values: object) -> None:
    with db.write() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        for key, value in values.items():
            setattr(meeting, key, value)


def log_hand_off(
    db: Database,
    meeting_id: int,
    at: datetime,
    *,
    leave_out: StatutoryRole | None = None,
    method: str = "REQUEST",
    channel: str = "outlook",
) -> None:
    """A hand-off row written straight into the log, to everyone on the list but `leave_out`.

    The gate stops the app from sending without a required role, so a hand-off that left one
    out only exists in evidence from before the gate (or built this way by the demo)."""
    listed = invitations.build_invitation_list(db, meeting_id).value
    recipients = [i.email for i in listed if i.email and i.statutory_role != leave_out]
    with db.write() as session:
        session.add(
            HandOff(
                meeting_id=meeting_id,
                at=at,
                channel=channel,
                recipients=recipients,
                subject="Invitation",
                attachments=[],
                sequence=0,
                method=method,
                note="",
            )
        )


def sent_without_case_lead(db: Database) -> int:
    """A held meeting on Wed 18 Nov 2026 whose invitation, on 4 Nov, left the case lead out."""
    meeting_id = add_meeting(db, datetime(2026, 11, 18, 14), status=MeetingStatus.HELD)
    at = datetime(2026, 11, 4, 9, tzinfo=UTC)
    log_hand_off(db, meeting_id, at, leave_out=StatutoryRole.DFE_CASE_LEAD)
    return meeting_id
