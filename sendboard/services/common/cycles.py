"""The meetings that set each board's cycle: its held (not cancelled) meetings before a moment.

An action or a risk follows the meetings of the board whose log or register holds it, never
another board's; one with no board follows the Improvement Board.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.store.models import Board, Meeting


@dataclass(frozen=True)
class BoardMeetings:
    #: The days each board met, newest first (boards that have not met are absent).
    days: dict[int, tuple[date, ...]]
    names: dict[int, str]
    improvement_board: int | None

    def board_for(self, board_id: int | None) -> int | None:
        """The board whose meetings set the cycle: the record's own, else the Improvement Board."""
        return board_id if board_id is not None else self.improvement_board

    def of(self, board_id: int | None) -> tuple[date, ...]:
        """The days the record's board met, newest first."""
        key = self.board_for(board_id)
        return self.days.get(key, ()) if key is not None else ()

    def last(self, board_id: int | None) -> date | None:
        """The day the record's board last met (None: it has not met)."""
        held = self.of(board_id)
        return held[0] if held else None

    def name(self, board_id: int | None) -> str:
        key = self.board_for(board_id)
        return self.names.get(key, "") if key is not None else ""


def improvement_board_id(session: Session) -> int | None:
    """The Improvement Board: of several, the one at the top of the tree, then by name."""
    return session.scalar(
        select(Board.id)
        .where(Board.kind == BoardKind.IMPROVEMENT_BOARD)
        .order_by(Board.parent_id.is_not(None), Board.name)
        .limit(1)
    )


def _day(value: datetime | date | str) -> date:
    if isinstance(value, str):  # some drivers return DateTime columns of outer joins as text
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def previous_meeting_start(session: Session, meeting: Meeting) -> datetime | None:
    """When the meeting's own board last met before it (cancelled meetings aside): the start
    of the cycle that this meeting closes."""
    return session.scalar(
        select(Meeting.starts_at)
        .where(
            Meeting.board_id == meeting.board_id,
            Meeting.starts_at < meeting.starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )


def board_meetings(session: Session, before: datetime) -> BoardMeetings:
    """Every board's meetings that started before `before` and were not cancelled, in one query."""
    held = and_(
        Meeting.board_id == Board.id,
        Meeting.starts_at < before,
        Meeting.status != MeetingStatus.CANCELLED,
    )
    rows = session.execute(
        select(Board.id, Board.name, Board.kind, Board.parent_id, Meeting.starts_at).outerjoin(
            Meeting, held
        )
    ).all()
    days: dict[int, set[date]] = {}
    names: dict[int, str] = {}
    improvement: list[tuple[bool, str, int]] = []
    for board_id, name, kind, parent_id, starts_at in rows:
        if board_id not in names:
            names[board_id] = name
            if kind == BoardKind.IMPROVEMENT_BOARD:
                improvement.append((parent_id is not None, name, board_id))
        if starts_at is not None:
            days.setdefault(board_id, set()).add(_day(starts_at))
    return BoardMeetings(
        days={board: tuple(sorted(found, reverse=True)) for board, found in days.items()},
        names=names,
        improvement_board=min(improvement)[2] if improvement else None,
    )
