"""Escalations as the window, the command line, the agenda and the pack read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.escalations import EscalationKind, age, age_words
from sendboard.domain.meetings import MeetingStatus
from sendboard.errors import NotFoundError
from sendboard.store.database import Database
from sendboard.store.models import Board, Escalation, Meeting


@dataclass(frozen=True)
class EscalationView:
    id: int
    kind: EscalationKind
    #: The action's or risk's reference ("P5.03", "R07"); empty for a free-text issue.
    reference: str
    title: str
    from_board: str
    from_board_id: int | None
    to_board: str
    to_board_id: int | None
    area_code: str
    reason: str
    ask: str
    raised_on: date
    raised_at: str  # "Sub-group 5 … on 12/11/2026", or "" when not raised at a meeting
    raised_meeting_id: int | None
    response: str = ""
    responded_on: date | None = None
    responded_at: str = ""
    age_days: int | None = None  # days open (to the response, once there is one)
    version: int = 0
    #: Which escalation this one carries onward, if the board escalated it again.
    previous_id: int | None = None

    @property
    def open(self) -> bool:
        return self.responded_on is None

    @property
    def age(self) -> str:
        return age_words(self.age_days)

    @property
    def subject(self) -> str:
        """'Action P5.03 Clear the backlog', 'Issue: No therapy data from the trust'."""
        if self.kind is EscalationKind.ISSUE:
            return f"Issue: {self.title}"
        return f"{self.kind.label} {self.title}"

    @property
    def agenda_line(self) -> str:
        """One line under the board's "Priority area updates" agenda item."""
        return f"Escalated from {self.from_board}: {self.subject} — ask: {self.ask or self.reason}"


def _meeting_label(meeting: Meeting | None) -> str:
    if meeting is None:
        return ""
    return f"{meeting.board.name} on {meeting.starts_at:%d/%m/%Y}"


def to_view(row: Escalation, today: date) -> EscalationView:
    reference = ""
    if row.kind is EscalationKind.ACTION and row.action is not None:
        reference = row.action.reference
    elif row.kind is EscalationKind.RISK and row.risk is not None:
        reference = row.risk.reference
    end = row.responded_on or today
    return EscalationView(
        id=row.id,
        kind=row.kind,
        reference=reference,
        title=row.title,
        from_board=row.from_board.name if row.from_board else "",
        from_board_id=row.from_board_id,
        to_board=row.to_board.name if row.to_board else "",
        to_board_id=row.to_board_id,
        area_code=row.priority_area.code if row.priority_area else "",
        reason=row.reason,
        ask=row.ask,
        raised_on=row.raised_on,
        raised_at=_meeting_label(row.raised_meeting),
        raised_meeting_id=row.raised_meeting_id,
        response=row.response,
        responded_on=row.responded_on,
        responded_at=_meeting_label(row.responded_meeting),
        age_days=max(0, age(row.raised_on, end)),
        version=row.version,
        previous_id=row.previous_id,
    )


LOADED = (
    selectinload(Escalation.action),
    selectinload(Escalation.risk),
    selectinload(Escalation.priority_area),
    selectinload(Escalation.from_board),
    selectinload(Escalation.to_board),
    selectinload(Escalation.raised_meeting).selectinload(Meeting.board),
    selectinload(Escalation.responded_meeting).selectinload(Meeting.board),
)


def find_board(session: Session, name: str) -> Board:
    found = session.scalar(select(Board).where(func.lower(Board.name) == name.strip().lower()))
    if found is None:
        known = ", ".join(session.scalars(select(Board.name).order_by(Board.name)))
        raise NotFoundError(f"There is no board called '{name}'. Boards: {known}.")
    return found


def read_open(
    session: Session, to_board_id: int | None = None, on: date | None = None
) -> list[EscalationView]:
    """Open escalations (raised by `on`), oldest first; with `to_board_id`, to that board only."""
    day = on or clock.today()
    query = (
        select(Escalation)
        .where(Escalation.responded_on.is_(None), Escalation.raised_on <= day)
        .options(*LOADED)
        .order_by(Escalation.raised_on, Escalation.id)
    )
    if to_board_id is not None:
        query = query.where(Escalation.to_board_id == to_board_id)
    return [to_view(row, day) for row in session.scalars(query)]


def list_escalations(
    db: Database, board: str | None = None, today: date | None = None
) -> list[EscalationView]:
    """Open escalations, oldest first; with `board` (a name), only those escalated to it."""
    with db.read() as session:
        board_id = find_board(session, board).id if board else None
        return read_open(session, board_id, today)


def escalation_history(db: Database, board_id: int | None = None) -> list[EscalationView]:
    """Every escalation, open or answered, newest first (to `board_id` when given)."""
    today = clock.today()
    with db.read() as session:
        query = select(Escalation).options(*LOADED)
        if board_id is not None:
            query = query.where(Escalation.to_board_id == board_id)
        rows = session.scalars(query.order_by(Escalation.raised_on.desc(), Escalation.id.desc()))
        return [to_view(row, today) for row in rows]


def for_meeting(session: Session, meeting: Meeting) -> list[EscalationView]:
    """What the meeting's agenda and pack carry: the escalations to its board that are open and
    were raised by its day. A cancelled meeting carries none; once the board records its
    response, an escalation leaves every agenda and pack made afterwards. Ages are counted to
    the meeting's day: how long the board will have waited by then."""
    if meeting.status is MeetingStatus.CANCELLED:
        return []
    return read_open(session, meeting.board_id, meeting.starts_at.date())


def open_for_meeting(db: Database, meeting_id: int) -> list[EscalationView]:
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"Meeting {meeting_id} no longer exists.")
        return for_meeting(session, meeting)


@dataclass(frozen=True)
class AwaitingBoard:
    """A board with escalations waiting for its response, as Home lists them."""

    board: str
    count: int
    oldest_days: int
    next_meeting_id: int | None  # where they are on the agenda, if the board meets again


def awaiting_response(db: Database, today: date | None = None) -> list[AwaitingBoard]:
    """Each board that has open escalations, the longest-waiting first."""
    from sendboard.services.meetings import next_meeting  # meetings reads escalations itself

    with db.read() as session:
        open_rows = read_open(session, on=today)
    by_board: dict[int | None, list[EscalationView]] = {}
    for view in open_rows:
        by_board.setdefault(view.to_board_id, []).append(view)
    found = []
    for board_id, mine in by_board.items():
        upcoming = next_meeting(db, board_id) if board_id is not None else None
        oldest = max(v.age_days or 0 for v in mine)
        found.append(
            AwaitingBoard(mine[0].to_board, len(mine), oldest, upcoming.id if upcoming else None)
        )
    return sorted(found, key=lambda b: (-b.oldest_days, b.board))
