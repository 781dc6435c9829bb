"""Reading a setup workbook's sheets, and what the database already holds that rows refer to."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain import validation
from sendboard.domain.meetings import MeetingStatus
from sendboard.outputs.setup.layout import PEOPLE, SHEETS, SheetLayout
from sendboard.outputs.sheets import Sheet, read_sheet, sheet_names
from sendboard.services.people import io as people_io
from sendboard.store.models import (
    Board,
    Meeting,
    MeetingSeries,
    Membership,
    Person,
    PriorityArea,
    Setting,
)

#: Where a board's short name is kept (the settings table, keyed by the board's id).
SHORT_NAME_KEY = "board_short_name.{}"


def key(name: str) -> str:
    return validation.clean(name).casefold()


def read_workbook(path: Path) -> dict[str, Sheet]:
    """Each sheet the workbook has, by layout name; a sheet it lacks reads as no rows."""
    present = {name.strip().casefold() for name in sheet_names(path)}
    sheets: dict[str, Sheet] = {}
    for layout in SHEETS:
        if layout.name.casefold() in present:
            sheets[layout.name] = read_sheet(path, _aliases(layout), layout.required, layout.name)
        else:
            sheets[layout.name] = Sheet(columns={}, unmapped=(), rows=())
    return sheets


def _aliases(layout: SheetLayout) -> dict[str, tuple[str, ...]]:
    if layout is PEOPLE:  # the contact import's own headings, less its Boards column
        merged = dict(layout.aliases)
        for name, others in people_io.ALIASES.items():
            if name != "boards":
                merged[name] = (*merged.get(name, ()), *others)
        return merged
    return layout.aliases


@dataclass
class Known:
    """What the database holds now, loaded once for planning every sheet."""

    boards: dict[str, Board]
    people: dict[str, Person]  # by email
    memberships: dict[tuple[int, int], list[Membership]]  # (person id, board id)
    areas: dict[str, PriorityArea]  # by upper-case code
    settings: dict[str, str]
    series: dict[int, list[MeetingSeries]]  # by board id
    booked_from: dict[int, list[date]]  # board id -> days of meetings not cancelled
    #: Names and emails the workbook adds, so later sheets may refer to them.
    new_boards: dict[str, str] = field(default_factory=dict)  # key -> name as written
    new_emails: set[str] = field(default_factory=set)

    def board_known(self, name: str) -> bool:
        return key(name) in self.boards or key(name) in self.new_boards

    def email_known(self, email: str) -> bool:
        return email in self.people or email in self.new_emails

    def short_name(self, board: Board) -> str:
        return self.settings.get(SHORT_NAME_KEY.format(board.id), "")


def load_known(session: Session) -> Known:
    boards = session.scalars(select(Board).options(selectinload(Board.parent))).all()
    people = session.scalars(select(Person)).all()
    memberships: dict[tuple[int, int], list[Membership]] = defaultdict(list)
    for membership in session.scalars(select(Membership)):
        memberships[(membership.person_id, membership.board_id)].append(membership)
    series: dict[int, list[MeetingSeries]] = defaultdict(list)
    for row in session.scalars(select(MeetingSeries)):
        series[row.board_id].append(row)
    booked: dict[int, list[date]] = defaultdict(list)
    for board_id, starts in session.execute(
        select(Meeting.board_id, Meeting.starts_at).where(Meeting.status != MeetingStatus.CANCELLED)
    ):
        booked[board_id].append(starts.date() if isinstance(starts, datetime) else starts)
    return Known(
        boards={key(b.name): b for b in boards},
        people={p.email.lower(): p for p in people if p.email},
        memberships=memberships,
        areas={
            a.code.upper(): a
            for a in session.scalars(
                select(PriorityArea).options(
                    selectinload(PriorityArea.lead), selectinload(PriorityArea.sub_group)
                )
            )
        },
        settings={s.key: s.value for s in session.scalars(select(Setting))},
        series=series,
        booked_from=booked,
    )
