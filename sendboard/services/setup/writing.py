"""Writing a checked setup workbook, sheet by sheet, inside the caller's one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.governance import REQUIRED_BY_NOTICE, BoardKind
from sendboard.domain.schedules import HolidayRule
from sendboard.services.common.imports import RowStatus
from sendboard.services.meetings.series import SeriesInput, schedule_in_session
from sendboard.services.people.io import Organisations, PersonPlan, write_person
from sendboard.services.setup.boards_plan import SERIES_DAYS, BoardPlan
from sendboard.services.setup.reading import SHORT_NAME_KEY, key
from sendboard.services.setup.records_plan import RecordsPlan
from sendboard.store.models import (
    Board,
    BoardRequiredRole,
    Membership,
    Person,
    PriorityArea,
    Setting,
)

WRITES = (RowStatus.NEW, RowStatus.UPDATE)


@dataclass
class SetupPlan:
    people: list[PersonPlan] = field(default_factory=list)
    boards: list[BoardPlan] = field(default_factory=list)
    records: RecordsPlan = field(default_factory=RecordsPlan)


def _setting(session: Session, name: str, value: str) -> None:
    setting = session.get(Setting, name) or Setting(key=name)
    if setting.value != value or setting not in session:
        setting.value = value
        session.add(setting)


def _people(session: Session, plans: list[PersonPlan]) -> dict[str, Person]:
    organisations = Organisations(session)
    today = clock.today()
    for plan in plans:
        if plan.finding.status in WRITES:
            write_person(session, plan, organisations, today)
    session.flush()
    return {p.email: p for p in session.scalars(select(Person)) if p.email}


def _boards(session: Session, plans: list[BoardPlan]) -> dict[str, Board]:
    boards = {key(b.name): b for b in session.scalars(select(Board))}
    for plan in plans:
        board = boards.get(key(plan.name))
        if board is None:
            board = Board(name=plan.name, kind=plan.kind, description="")
            if plan.kind is BoardKind.IMPROVEMENT_BOARD:
                board.required_roles = [BoardRequiredRole(role=r) for r in REQUIRED_BY_NOTICE]
            session.add(board)
            boards[key(plan.name)] = board
        board.name = plan.name
        board.kind = plan.kind
        board.cadence = plan.cadence.describe() if plan.cadence else ""
    session.flush()
    for plan in plans:
        board = boards[key(plan.name)]
        parent = boards[key(plan.parent)] if plan.parent else None
        if board.parent_id != (parent.id if parent else None):
            board.parent = parent
        name = SHORT_NAME_KEY.format(board.id)
        if plan.short_name or session.get(Setting, name) is not None:
            _setting(session, name, plan.short_name)
    session.flush()
    return boards


def _records(
    session: Session, plan: RecordsPlan, people: dict[str, Person], boards: dict[str, Board]
) -> None:
    for row in plan.memberships:
        membership = (
            session.get_one(Membership, row.membership_id) if row.membership_id else Membership()
        )
        membership.person = people[row.email]
        membership.board = boards[key(row.board)]
        membership.role = row.role
        membership.voting = row.voting
        membership.from_date = row.from_date
        membership.to_date = row.to_date
        session.add(membership)
        if row.chair:
            boards[key(row.board)].chair = people[row.email]
    for area_row in plan.areas:
        area = session.get_one(PriorityArea, area_row.area_id) if area_row.area_id else None
        if area is None:
            area = PriorityArea(code=area_row.code, description="", responsible_bodies="")
            session.add(area)
        area.code = area_row.code
        area.title = area_row.title
        area.lead = people[area_row.lead] if area_row.lead else None
        area.sub_group = boards[key(area_row.sub_group)] if area_row.sub_group else None
    if plan.secretary is not None:
        _setting(session, "secretary_name", plan.secretary.name)
        _setting(session, "secretary_email", plan.secretary.email)
        _setting(session, "secretary_organisation", plan.secretary.organisation)
    session.flush()


def _series(session: Session, plans: list[BoardPlan], boards: dict[str, Board]) -> int:
    made = 0
    for plan in plans:
        if plan.schedule and plan.cadence is not None:
            data = SeriesInput(
                board_id=boards[key(plan.name)].id,
                cadence=plan.cadence,
                first=plan.first,
                last=plan.first + timedelta(days=SERIES_DAYS),
                holiday_rule=HolidayRule.MOVE,
                venue=plan.venue,
                online_link=plan.online_link,
            )
            made += len(schedule_in_session(session, data))
    return made


def write(session: Session, plan: SetupPlan) -> int:
    """Write every sound row; returns how many meetings were scheduled."""
    with session.no_autoflush:
        people = _people(session, plan.people)
        boards = _boards(session, plan.boards)
        _records(session, plan.records, people, boards)
    return _series(session, plan.boards, boards)
