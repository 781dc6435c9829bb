"""Series: a board's timetable for a period made from a cadence, previewed, then created at once.

The preview shows every date the cadence gives, which ones the bank-holiday rule moved or flagged,
and which would clash with a meeting already booked (those are left out), so a secretary can
schedule a year in a minute and see exactly what she is creating.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from sendboard.domain.schedules import Cadence, HolidayRule, Occurrence, day_label, plan
from sendboard.domain.working_days import key_dates
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.meetings import (
    MeetingView,
    clash_on,
    clean_place,
    load_board,
    meeting_query,
    meeting_view,
)
from sendboard.store.database import Database
from sendboard.store.models import Meeting, MeetingSeries

#: A series longer than this is almost certainly a typo in the end date.
MAX_SERIES_DAYS = 3 * 366


@dataclass(frozen=True)
class SeriesInput:
    board_id: int
    cadence: Cadence
    first: date
    last: date
    holiday_rule: HolidayRule = HolidayRule.MOVE
    venue: str = ""
    online_link: str = ""


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting a series would create; `clash` says why it will be left out."""

    occurrence: Occurrence
    papers_deadline: date
    clash: str = ""


@dataclass(frozen=True)
class SeriesPreview:
    board_name: str
    cadence: str
    holiday_rule: HolidayRule
    planned: tuple[PlannedMeeting, ...]

    @property
    def to_create(self) -> tuple[PlannedMeeting, ...]:
        return tuple(p for p in self.planned if not p.clash)


def _check(data: SeriesInput) -> None:
    if data.last < data.first:
        raise ValidationError("The series must end after it starts.", "last")
    if (data.last - data.first).days > MAX_SERIES_DAYS:
        raise ValidationError(
            "A series can cover at most three years; schedule the next period later.", "last"
        )


def _preview(session: Session, data: SeriesInput) -> SeriesPreview:
    _check(data)
    board = load_board(session, data.board_id)
    planned, taken = [], set()
    for occurrence in plan(data.cadence, data.first, data.last, data.holiday_rule):
        clash = clash_on(session, board.id, occurrence.day)
        if not clash and occurrence.day in taken:
            clash = f"already in this series on {day_label(occurrence.day)}"
        taken.add(occurrence.day)
        deadline = key_dates(occurrence.day, board.papers_deadline_days).papers_deadline
        planned.append(
            PlannedMeeting(occurrence, deadline, f"{board.name} {clash}" if clash else "")
        )
    return SeriesPreview(board.name, data.cadence.describe(), data.holiday_rule, tuple(planned))


def preview_series(db: Database, data: SeriesInput) -> SeriesPreview:
    """What `create_series` would make (moved and flagged dates, clashes); writes nothing."""
    with db.read() as session:
        return _preview(session, data)


def create_series(db: Database, data: SeriesInput) -> Outcome[list[MeetingView]]:
    """Create every meeting of the series that does not clash with one already booked."""
    with db.write() as session:
        made = schedule_in_session(session, data)
        ids = [m.id for m in made]
        meetings = session.scalars(
            meeting_query().where(Meeting.id.in_(ids)).order_by(Meeting.starts_at)
        )
        return outcome([meeting_view(m) for m in meetings], Area.MEETINGS)


def schedule_in_session(session: Session, data: SeriesInput) -> list[Meeting]:
    """`create_series` inside a transaction the caller owns (the setup import uses this)."""
    venue, link = clean_place(data.venue, data.online_link)
    preview = _preview(session, data)
    if not preview.to_create:
        raise ValidationError("The series gives no new meetings in that period.", "first")
    series = MeetingSeries(
        board_id=data.board_id,
        cadence=preview.cadence,
        holiday_rule=data.holiday_rule,
        first_date=data.first,
        last_date=data.last,
        venue=venue,
        online_link=link,
    )
    session.add(series)
    made = []
    for planned in preview.to_create:
        occurrence = planned.occurrence
        meeting = Meeting(
            board_id=data.board_id,
            series=series,
            starts_at=occurrence.starts_at,
            ends_at=occurrence.ends_at,
            venue=venue,
            online_link=link,
            schedule_note=occurrence.note,
        )
        session.add(meeting)
        made.append(meeting)
    session.flush()
    return made
