"""The first-run checklist: which steps of setting up a board are done, read from the records.

Nothing is ticked by hand: each step is done when the records it asks for exist, so the list
ticks itself whichever way the work was done (dialogs, a contact import, a setup workbook).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from sendboard import clock
from sendboard.domain.compliance import describe_missing, missing_roles
from sendboard.domain.governance import BoardKind, StatutoryRole
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.store.database import Database
from sendboard.store.models import (
    AgendaItem,
    AgendaTemplateItem,
    Board,
    Meeting,
    Membership,
    Person,
    Setting,
)

HIDDEN_KEY = "setup_checklist_hidden"


@dataclass(frozen=True)
class Step:
    key: str  # details, boards, contacts, members, series, agenda
    title: str
    done: bool
    detail: str  # what is there, or what is still missing


@dataclass(frozen=True)
class SetupProgress:
    steps: tuple[Step, ...]
    hidden: bool = False  # the secretary put the checklist away

    @property
    def complete(self) -> bool:
        return all(s.done for s in self.steps)

    @property
    def empty(self) -> bool:
        """Nothing set up at all: no boards and no people."""
        return not any(s.done for s in self.steps if s.key in ("boards", "contacts"))

    @property
    def show(self) -> bool:
        return not self.complete and not self.hidden


def setup_progress(db: Database) -> SetupProgress:
    today = clock.today()
    now = clock.local_now()
    with db.read() as session:
        settings = {s.key: s.value for s in session.scalars(select(Setting))}
        boards = session.scalars(
            select(Board).options(
                selectinload(Board.required_roles),
                selectinload(Board.memberships).selectinload(Membership.person),
            )
        ).all()
        people = session.scalar(select(func.count(Person.id))) or 0
        upcoming = set(
            session.scalars(
                select(Meeting.board_id).where(
                    Meeting.starts_at >= datetime.combine(now.date(), now.time()),
                    Meeting.status != MeetingStatus.CANCELLED,
                )
            )
        )
        agenda = session.scalar(select(exists().where(AgendaTemplateItem.id.is_not(None))))
        agenda = agenda or session.scalar(select(exists().where(AgendaItem.id.is_not(None))))
    name, email = settings.get("secretary_name", ""), settings.get("secretary_email", "")
    empty_boards = [
        b.name
        for b in boards
        if not any(m.to_date is None or m.to_date >= today for m in b.memberships)
    ]
    missing = {
        role
        for b in boards
        for role in missing_roles(
            [x.role for x in b.required_roles],
            [
                (m.person.statutory_role, m.person.email)
                for m in b.memberships
                if m.to_date is None or m.to_date >= today
            ],
        )
    }
    steps = (
        Step(
            "details",
            "Your details",
            bool(name and email),
            f"{name} <{email}>" if name and email else "Your name and email go on invitations.",
        ),
        Step(
            "boards",
            "Boards",
            bool(boards),
            counted(len(boards), "board") if boards else "The Improvement Board and its groups.",
        ),
        Step(
            "contacts",
            "Contacts",
            bool(people),
            counted(people, "person") if people else "Everyone you invite, with email addresses.",
        ),
        Step(
            "members",
            "Members and the three advisers",
            bool(boards) and not empty_boards and not missing,
            _members_detail(boards, empty_boards, missing),
        ),
        Step("series", "Meeting series", *_series(boards, upcoming)),
        Step(
            "agenda",
            "Agenda template",
            bool(agenda),
            "Standing items are set." if agenda else "The standing items of each agenda.",
        ),
    )
    return SetupProgress(steps, hidden=settings.get(HIDDEN_KEY) == "1")


def _series(boards, upcoming: set[int]) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    """Done when the Improvement Board (every board of that tier; any board when there is
    none) has a meeting coming up; other boards without one are named, as still to do."""
    if not boards:
        return False, "Each board's timetable for the year."
    top = [b for b in boards if b.kind is BoardKind.IMPROVEMENT_BOARD] or list(boards)
    done = all(b.id in upcoming for b in top)
    waiting = [b.name for b in boards if b.id not in upcoming]
    if not waiting:
        return done, "Every board has meetings coming up."
    return done, "No meetings coming up for " + ", ".join(waiting) + "."


def _members_detail(boards, empty: list[str], missing: set) -> str:  # type: ignore[no-untyped-def]
    if not boards:
        return "Who sits on each board, and the DfE and NHS England advisers."
    parts = []
    if empty:
        parts.append("No members yet: " + ", ".join(empty) + ".")
    if missing:
        parts.append(describe_missing(r for r in StatutoryRole if r in missing))
    return " ".join(parts) or "Every board has members; the three advisers have email addresses."


def hide_checklist(db: Database, hidden: bool = True) -> Outcome[bool]:
    """Put the checklist away (or bring it back)."""
    with db.write() as session:
        setting = session.get(Setting, HIDDEN_KEY) or Setting(key=HIDDEN_KEY)
        setting.value = "1" if hidden else ""
        session.add(setting)
    return outcome(hidden, Area.SETTINGS)
