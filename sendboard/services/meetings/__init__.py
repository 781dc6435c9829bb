"""Meetings: one-off meetings, rescheduling, cancelling, listing, and key dates.

The area owns meetings and everything about one: series made from a cadence (`series`), the
agenda and papers (`agenda`, `papers`), the invitation list, its files and its log
(`invitation_list`, `invitation_files`, `invitations`), and the statutory compliance record
(`compliance`, `compliance_record`); `columns` is the meeting list as a table. The window and
the command line may call this module and `series`, `agenda`, `papers`, `invitations`,
`invitation_files`, `compliance` and `columns`.

A material change (date, time, venue or online link) raises the meeting's iCalendar SEQUENCE, so the
invitation sent again replaces the one in people's calendars; the UID never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, selectinload

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingKind, MeetingStatus
from sendboard.domain.schedules import (
    day_label,
    non_working_reason,
)
from sendboard.domain.working_days import key_dates
from sendboard.errors import NotFoundError, ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.store.database import Database
from sendboard.store.models import Board, Meeting, PackBuild


@dataclass(frozen=True)
class MeetingView:
    id: int
    board_id: int
    board_name: str
    board_kind: BoardKind
    title: str
    kind: MeetingKind
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    venue: str
    online_link: str
    uid: str
    sequence: int
    notes: str
    series_id: int | None
    papers_deadline: date
    pack_issue: date
    minutes_due: date
    #: Why the date is unusual: moved off a bank holiday, kept on one, or rescheduled.
    holiday_note: str
    agenda_items: int
    #: Whether a (main, not supplement) pack has been issued for the meeting.
    pack_issued: bool = False
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def label(self) -> str:
        """'SEND Improvement Board, Wed 9 Dec 2026' (or the meeting's own title)."""
        name = self.title or self.board_name
        return f"{name}, {day_label(self.starts_at.date())}"

    @property
    def time_range(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def place(self) -> str:
        return " and ".join(p for p in (self.venue, "online" if self.online_link else "") if p)

    def days_to_papers_deadline(self, today: date | None = None) -> int:
        return (self.papers_deadline - (today or clock.today())).days

    def pack_overdue(self, today: date | None = None) -> bool:
        """The pack issue date has passed, the meeting is still to be held, and no pack has
        been issued."""
        ahead = self.status in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
        return ahead and not self.pack_issued and self.pack_issue < (today or clock.today())


@dataclass(frozen=True)
class MeetingInput:
    board_id: int
    starts_at: datetime
    ends_at: datetime
    kind: MeetingKind = MeetingKind.ORDINARY
    title: str = ""
    venue: str = ""
    online_link: str = ""
    notes: str = ""


def _now(now: datetime | None) -> datetime:
    return now or clock.local_now()


def _issued(session: Session, meeting_ids: list[int]) -> set[int]:
    """Which of the meetings have a main pack issued."""
    if not meeting_ids:
        return set()
    query = select(PackBuild.meeting_id).where(
        PackBuild.meeting_id.in_(meeting_ids), PackBuild.supplement.is_(False)
    )
    return set(session.scalars(query.distinct()))


def meeting_view(meeting: Meeting, pack_issued: bool | None = None) -> MeetingView:
    """The meeting as the window shows it; `pack_issued` is looked up unless given."""
    if pack_issued is None:
        session = object_session(meeting)
        pack_issued = session is not None and meeting.id in _issued(session, [meeting.id])
    board = meeting.board
    dates = key_dates(meeting.starts_at, board.papers_deadline_days)
    note = meeting.schedule_note
    if not note:
        reason = non_working_reason(meeting.starts_at.date())
        if reason:
            note = f"Falls on {reason} ({day_label(meeting.starts_at.date())})"
    return MeetingView(
        id=meeting.id,
        board_id=board.id,
        board_name=board.name,
        board_kind=board.kind,
        title=meeting.title,
        kind=meeting.kind,
        status=meeting.status,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        online_link=meeting.online_link,
        uid=meeting.uid,
        sequence=meeting.sequence,
        notes=meeting.notes,
        series_id=meeting.series_id,
        papers_deadline=dates.papers_deadline,
        pack_issue=dates.pack_issue,
        minutes_due=dates.minutes_due,
        holiday_note=note,
        agenda_items=len(meeting.agenda),
        pack_issued=pack_issued,
        version=meeting.version,
    )


def meeting_query():  # type: ignore[no-untyped-def]
    return select(Meeting).options(selectinload(Meeting.board), selectinload(Meeting.agenda))


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    return load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")


def load_board(session: Session, board_id: int) -> Board:
    board = session.get(Board, board_id)
    if board is None:
        raise ValidationError("The chosen board no longer exists.", "board_id")
    return board


def clean_place(venue: str, online_link: str) -> tuple[str, str]:
    link = (online_link or "").strip()
    if link and (
        not link.lower().startswith(("https://", "http://")) or any(c.isspace() for c in link)
    ):
        raise ValidationError(
            "The online link must be a web address starting with https://.", "online_link"
        )
    return validation.clean(venue), link


def clash_on(session: Session, board_id: int, day: date, ignore_id: int | None = None) -> str:
    start = datetime.combine(day, datetime.min.time())
    query = select(Meeting).where(
        Meeting.board_id == board_id,
        Meeting.starts_at >= start,
        Meeting.starts_at < start + timedelta(days=1),
        Meeting.status != MeetingStatus.CANCELLED,
    )
    if ignore_id is not None:
        query = query.where(Meeting.id != ignore_id)
    existing = session.scalars(query).first()
    if existing is None:
        return ""
    return f"already meets on {day_label(day)} at {existing.starts_at:%H:%M}"


def list_meetings(
    db: Database,
    board_id: int | None = None,
    *,
    include_past: bool = False,
    now: datetime | None = None,
) -> list[MeetingView]:
    """Meetings in date order; without `include_past`, only those from today on."""
    query = meeting_query().order_by(Meeting.starts_at)
    if board_id is not None:
        query = query.where(Meeting.board_id == board_id)
    if not include_past:
        today = datetime.combine(_now(now).date(), datetime.min.time())
        query = query.where(Meeting.starts_at >= today)
    with db.read() as session:
        found = list(session.scalars(query))
        issued = _issued(session, [m.id for m in found])
        return [meeting_view(m, m.id in issued) for m in found]


def get_meeting(db: Database, meeting_id: int) -> MeetingView:
    with db.read() as session:
        meeting = session.scalar(meeting_query().where(Meeting.id == meeting_id))
        if meeting is None:
            raise NotFoundError(f"Meeting {meeting_id} no longer exists.")
        return meeting_view(meeting)


def next_meeting(
    db: Database, board_id: int | None = None, now: datetime | None = None
) -> MeetingView | None:
    """The next meeting still to be held (planned or confirmed), of one board or of any."""
    query = (
        meeting_query()
        .where(
            Meeting.starts_at >= _now(now),
            Meeting.status.in_([MeetingStatus.PLANNED, MeetingStatus.CONFIRMED]),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    if board_id is not None:
        query = query.where(Meeting.board_id == board_id)
    with db.read() as session:
        meeting = session.scalar(query)
        return meeting_view(meeting) if meeting else None


def _apply(session: Session, meeting: Meeting, data: MeetingInput) -> bool:
    """Copy the input onto the meeting; True when the change is material for invitations."""
    load_board(session, data.board_id)
    if meeting.id is not None and data.board_id != meeting.board_id:
        raise ValidationError(
            "A meeting cannot move to another board; cancel it and schedule a new one.", "board_id"
        )
    if data.ends_at <= data.starts_at:
        raise ValidationError("The meeting must end after it starts.", "ends_at")
    if data.ends_at.date() != data.starts_at.date():
        raise ValidationError("The meeting must end on the day it starts.", "ends_at")
    venue, link = clean_place(data.venue, data.online_link)
    material = (meeting.starts_at, meeting.ends_at, meeting.venue, meeting.online_link) != (
        data.starts_at,
        data.ends_at,
        venue,
        link,
    )
    meeting.board_id = data.board_id
    meeting.kind = data.kind
    meeting.title = validation.clean(data.title)
    meeting.starts_at = data.starts_at
    meeting.ends_at = data.ends_at
    meeting.venue = venue
    meeting.online_link = link
    meeting.notes = (data.notes or "").strip()
    return material


def _fresh(session: Session, meeting: Meeting) -> MeetingView:
    session.flush()
    return meeting_view(
        session.scalar(
            meeting_query()
            .where(Meeting.id == meeting.id)
            .execution_options(populate_existing=True)
        )
    )


def create_meeting(db: Database, data: MeetingInput) -> Outcome[MeetingView]:
    """A one-off, extraordinary or stocktake meeting outside any series."""
    with db.write() as session:
        meeting = Meeting()
        _apply(session, meeting, data)
        clash = clash_on(session, data.board_id, data.starts_at.date())
        if clash and data.kind is MeetingKind.ORDINARY:
            raise ValidationError(
                f"The board {clash}; choose another day or make it extraordinary.", "starts_at"
            )
        session.add(meeting)
        return outcome(_fresh(session, meeting), Area.MEETINGS)


def update_meeting(db: Database, meeting_id: int, data: MeetingInput) -> Outcome[MeetingView]:
    """Change a meeting; moving it, or changing where it is, bumps its SEQUENCE."""
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("This meeting was cancelled; schedule a new meeting instead.")
        old_start = meeting.starts_at
        if meeting.status is MeetingStatus.HELD and (
            data.starts_at != meeting.starts_at or data.ends_at != meeting.ends_at
        ):
            raise ValidationError("This meeting has been held; its date can no longer change.")
        if _apply(session, meeting, data):
            meeting.sequence += 1
        if meeting.starts_at != old_start:
            meeting.schedule_note = (
                f"Rescheduled from {day_label(old_start.date())} {old_start:%H:%M}"
            )
        return outcome(_fresh(session, meeting), Area.MEETINGS)


def cancel_meeting(db: Database, meeting_id: int, reason: str = "") -> Outcome[MeetingView]:
    """Cancel (never delete): the record stays as evidence, and the SEQUENCE rises."""
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("This meeting is already cancelled.")
        if meeting.status is MeetingStatus.HELD:
            raise ValidationError("This meeting has been held and cannot be cancelled.")
        meeting.status = MeetingStatus.CANCELLED
        meeting.sequence += 1
        text = validation.clean(reason)
        if text:
            meeting.notes = "\n".join(n for n in (meeting.notes, f"Cancelled: {text}") if n)
        return outcome(_fresh(session, meeting), Area.MEETINGS)


def confirm_meeting(db: Database, meeting_id: int) -> Outcome[MeetingView]:
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.status is not MeetingStatus.PLANNED:
            raise ValidationError(
                f"Only a planned meeting can be confirmed; this one is {meeting.status.value}."
            )
        meeting.status = MeetingStatus.CONFIRMED
        return outcome(_fresh(session, meeting), Area.MEETINGS)


def mark_held(db: Database, meeting_id: int, now: datetime | None = None) -> Outcome[MeetingView]:
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("A cancelled meeting cannot be marked as held.")
        if meeting.status is MeetingStatus.HELD:
            raise ValidationError("This meeting is already marked as held.")
        if meeting.starts_at > _now(now):
            raise ValidationError("A meeting cannot be marked as held before it has started.")
        meeting.status = MeetingStatus.HELD
        return outcome(_fresh(session, meeting), Area.MEETINGS)
