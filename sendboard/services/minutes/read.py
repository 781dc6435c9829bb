"""Reading a meeting's minutes: one section per agenda item, with everything that hangs off it."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.meetings import MeetingStatus, StandingItem
from sendboard.domain.minutes import board_code
from sendboard.domain.schedules import day_label
from sendboard.domain.working_days import key_dates
from sendboard.errors import NotFoundError
from sendboard.services.common.records import load
from sendboard.services.meetings.agenda import previous_meeting_id
from sendboard.services.minutes.attendance import from_record, read_attendance
from sendboard.services.minutes.views import (
    ActionArisingView,
    DecisionView,
    DeclarationView,
    ErratumView,
    InterestView,
    MinutesListRow,
    MinutesView,
    PreviousMinutes,
    SectionView,
)
from sendboard.store.database import Database
from sendboard.store.models import (
    Action,
    AgendaItem,
    Decision,
    Declaration,
    Interest,
    Invitation,
    Meeting,
    Minutes,
    MinuteSection,
    MinutesErratum,
)

#: Minutes can be started this long before the meeting, to lay out the sections.
STARTS_BEFORE = timedelta(days=7)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_COMMON = {"with", "from", "this", "that", "update", "report", "board", "group", "send", "plan"}


class NoMinutes(NotFoundError):
    """The meeting has no minutes yet."""


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting.title or meeting.board.name}, {day_label(meeting.starts_at.date())}"


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    return load(session, Meeting, meeting_id, f"Meeting {meeting_id} does not exist.")


def find(session: Session, meeting_id: int) -> Minutes | None:
    return session.scalar(select(Minutes).where(Minutes.meeting_id == meeting_id))


def require(session: Session, meeting_id: int) -> Minutes:
    minutes = find(session, meeting_id)
    if minutes is None:
        meeting = load_meeting(session, meeting_id)
        raise NoMinutes(
            f"The {meeting_label(meeting)} meeting (id {meeting_id}) has no minutes yet: "
            "open it on the Minutes page to start them."
        )
    return minutes


def get_minutes(db: Database, meeting_id: int) -> MinutesView:
    with db.read() as session:
        return build_view(session, require(session, meeting_id))


def list_minutes_meetings(db: Database, today: date | None = None) -> list[MinutesListRow]:
    """Meetings held, or about to be, newest first, with where their minutes stand."""
    day = today or clock.today()
    latest = day + STARTS_BEFORE
    with db.read() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.status != MeetingStatus.CANCELLED)
            .options(selectinload(Meeting.board))
            .order_by(Meeting.starts_at.desc())
        ).all()
        states = {m: s for m, s in session.execute(select(Minutes.meeting_id, Minutes.status))}
        return [
            MinutesListRow(
                meeting_id=m.id,
                label=meeting_label(m),
                board_name=m.board.name,
                starts_at=m.starts_at,
                meeting_status=m.status,
                status=states.get(m.id),
                minutes_due=key_dates(m.starts_at, m.board.papers_deadline_days).minutes_due,
            )
            for m in meetings
            if m.starts_at.date() <= latest
        ]


def overdue_minutes(db: Database, today: date | None = None) -> list[MinutesListRow]:
    """Draft minutes not yet circulated after the day they were due, oldest first."""
    day = today or clock.today()
    rows = [r for r in list_minutes_meetings(db, day) if r.overdue(day)]
    return sorted(rows, key=lambda r: r.starts_at)


def _by_item(rows: list, key: str = "agenda_item_id") -> dict[int | None, list]:  # type: ignore[type-arg]
    grouped: dict[int | None, list] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _interest_view(entry: Interest) -> InterestView:
    return InterestView(
        id=entry.id,
        person_id=entry.person_id,
        person=entry.person.name,
        interest=entry.interest,
        organisation=entry.organisation,
        from_date=entry.from_date,
        to_date=entry.to_date,
        reviewed_on=entry.reviewed_on,
        version=entry.version,
    )


def _current(entry: Interest, day: date) -> bool:
    return (entry.from_date is None or entry.from_date <= day) and (
        entry.to_date is None or entry.to_date >= day
    )


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _COMMON


def offered(item: AgendaItem, register: list[Interest]) -> tuple[InterestView, ...]:
    """Entries worth offering on an item: the lead's, any whose organisation or interest shares
    a word with the item's title, and everyone's under "Declarations of interest"."""
    if item.standing is StandingItem.DECLARATIONS:
        return tuple(_interest_view(e) for e in register)
    lead = item.lead.strip().lower()
    title = _words(item.title)
    return tuple(
        _interest_view(e)
        for e in register
        if e.person.name.lower() == lead or title & _words(f"{e.organisation} {e.interest}")
    )


def _register_for(session: Session, meeting: Meeting) -> list[Interest]:
    """Current register entries of everyone on the meeting's list."""
    people = select(Invitation.person_id).where(
        Invitation.meeting_id == meeting.id, Invitation.removed_at.is_(None)
    )
    entries = session.scalars(
        select(Interest)
        .where(Interest.person_id.in_(people))
        .options(selectinload(Interest.person))
        .order_by(Interest.id)
    ).all()
    day = meeting.starts_at.date()
    return [e for e in entries if _current(e, day)]


def _has_previous_minutes_item():  # type: ignore[no-untyped-def]
    return Meeting.agenda.any(AgendaItem.standing == StandingItem.PREVIOUS_MINUTES)


def brought_to(session: Session, meeting: Meeting) -> list[int]:
    """The board's earlier meetings whose minutes come to this one to be agreed, oldest first.

    Usually the previous meeting alone; a meeting without a "Minutes of the previous meeting"
    item of its own (a DfE stocktake) sends its minutes on to the next one that has the item, so
    that one takes the minutes of every meeting since the last that had it.
    """
    previous_id = previous_meeting_id(session, meeting)
    if previous_id is None:
        return []
    earlier = (
        Meeting.board_id == meeting.board_id,
        Meeting.starts_at < meeting.starts_at,
        Meeting.status != MeetingStatus.CANCELLED,
    )
    since = session.scalar(
        select(Meeting.starts_at)
        .where(*earlier, _has_previous_minutes_item())
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    if since is None:
        return [previous_id]
    return list(
        session.scalars(
            select(Meeting.id)
            .where(*earlier, Meeting.starts_at >= since, Meeting.agenda.any())
            .order_by(Meeting.starts_at)
        )
    )


def _previous(session: Session, meeting: Meeting) -> tuple[PreviousMinutes, ...]:
    found = []
    for previous_id in brought_to(session, meeting):
        earlier = session.get(Meeting, previous_id)
        assert earlier is not None
        theirs = find(session, previous_id)
        found.append(
            PreviousMinutes(
                meeting_id=previous_id,
                meeting_label=meeting_label(earlier),
                meeting_date=earlier.starts_at.date(),
                status=theirs.status if theirs else None,
                approved_here=bool(theirs and theirs.approved_at_meeting_id == meeting.id),
                amendments=theirs.amendments if theirs else "",
            )
        )
    return tuple(found)


def build_view(session: Session, minutes: Minutes) -> MinutesView:
    meeting = session.get(Meeting, minutes.meeting_id)
    assert meeting is not None
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    sections = session.scalars(
        select(MinuteSection).where(MinuteSection.minutes_id == minutes.id)
    ).all()
    texts = {s.agenda_item_id: s.text for s in sections}
    versions = {s.agenda_item_id: s.version for s in sections}
    decisions = _by_item(
        list(
            session.scalars(
                select(Decision).where(Decision.minutes_id == minutes.id).order_by(Decision.number)
            )
        )
    )
    actions = _by_item(
        list(
            session.scalars(
                select(Action)
                .where(Action.meeting_id == meeting.id)
                .options(selectinload(Action.owner), selectinload(Action.priority_area))
                .order_by(Action.id)
            )
        )
    )
    declarations = _by_item(
        list(
            session.scalars(
                select(Declaration)
                .where(Declaration.minutes_id == minutes.id)
                .order_by(Declaration.id)
            )
        )
    )
    errata = _by_item(
        list(
            session.scalars(
                select(MinutesErratum)
                .where(MinutesErratum.minutes_id == minutes.id)
                .order_by(MinutesErratum.id)
            )
        )
    )
    register = _register_for(session, meeting)
    views = tuple(
        SectionView(
            agenda_item_id=item.id,
            number=number,
            title=item.title,
            lead=item.lead,
            exempt=item.exempt,
            standing=item.standing,
            text=texts.get(item.id, ""),
            decisions=tuple(decision_view(d) for d in decisions.get(item.id, [])),
            actions=tuple(action_view(a) for a in actions.get(item.id, [])),
            declarations=tuple(declaration_view(d) for d in declarations.get(item.id, [])),
            errata=tuple(erratum_view(e) for e in errata.get(item.id, [])),
            offered_interests=offered(item, register),
            version=versions.get(item.id, 0),
        )
        for number, item in enumerate(items, start=1)
    )
    if minutes.attendance_record is not None:
        attendance = from_record(minutes.attendance_record)
    else:
        attendance = read_attendance(session, meeting)
    approved_at = minutes.approved_at_meeting
    saved = [s.saved_at for s in sections]
    return MinutesView(
        id=minutes.id,
        meeting_id=meeting.id,
        meeting_label=meeting_label(meeting),
        meeting_status=meeting.status,
        board_id=meeting.board_id,
        board_name=meeting.board.name,
        board_code=board_code(meeting.board.name, meeting.board.kind),
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        status=minutes.status,
        status_changed_at=minutes.status_changed_at,
        approved_on=minutes.approved_on,
        approved_at_label=meeting_label(approved_at) if approved_at else "",
        approved_at_date=approved_at.starts_at.date() if approved_at else None,
        amendments=minutes.amendments,
        minutes_due=key_dates(meeting.starts_at, meeting.board.papers_deadline_days).minutes_due,
        attendance=attendance,
        sections=views,
        matters_arising=texts.get(None, ""),
        previous_minutes=_previous(session, meeting),
        general_declarations=tuple(declaration_view(d) for d in declarations.get(None, [])),
        general_errata=tuple(erratum_view(e) for e in errata.get(None, [])),
        saved_at=max(saved) if saved else None,
        matters_version=versions.get(None, 0),
    )


def decision_view(row: Decision) -> DecisionView:
    return DecisionView(row.id, row.reference, row.agenda_item_id, row.text, row.version)


def action_view(row: Action) -> ActionArisingView:
    return ActionArisingView(
        id=row.id,
        reference=row.reference,
        agenda_item_id=row.agenda_item_id,
        title=row.title,
        owner=row.owner.name,
        due=row.revised_due or row.original_due,
        priority_area=row.priority_area.code if row.priority_area else "",
    )


def declaration_view(row: Declaration) -> DeclarationView:
    return DeclarationView(
        row.id, row.agenda_item_id, row.person_id, row.name, row.text, row.participation
    )


def erratum_view(row: MinutesErratum) -> ErratumView:
    return ErratumView(row.id, row.agenda_item_id, row.text, row.recorded_at, row.recorded_by)
