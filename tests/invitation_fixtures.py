"""Meetings for invitation tests, made directly in the store (the demo on this branch has none)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from sendboard.domain.meetings import MeetingStatus
from sendboard.store.database import Database
from sendboard.store.models import Board, Meeting, Person

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
