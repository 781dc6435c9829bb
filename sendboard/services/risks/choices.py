"""What the risk forms offer: people, areas, boards, categories, actions and meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sendboard.domain.actions import ActionStatus
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.risks.scales import list_appetites
from sendboard.services.risks.views import LinkedActionView, action_view
from sendboard.store.database import Database
from sendboard.store.models import Action, Board, Meeting, Person, PriorityArea


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    label: str
    day: date


@dataclass(frozen=True)
class RiskChoices:
    people: tuple[Choice, ...]
    priority_areas: tuple[Choice, ...]
    boards: tuple[Choice, ...]
    categories: tuple[str, ...]
    actions: tuple[LinkedActionView, ...]
    meetings: tuple[MeetingChoice, ...]  # newest first, cancelled ones left out


def load_choices(db: Database) -> RiskChoices:
    categories = tuple(a.category for a in list_appetites(db))
    with db.read() as session:
        people = session.scalars(select(Person).order_by(func.lower(Person.name)))
        areas = session.scalars(select(PriorityArea).order_by(PriorityArea.code))
        boards = session.scalars(select(Board).order_by(Board.name))
        actions = session.scalars(
            select(Action)
            .where(Action.status == ActionStatus.OPEN)
            .options(selectinload(Action.owner), selectinload(Action.updates))
            .order_by(Action.reference)
        )
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.status != MeetingStatus.CANCELLED)
            .options(selectinload(Meeting.board))
            .order_by(Meeting.starts_at.desc())
        )
        return RiskChoices(
            people=tuple(Choice(p.id, p.name) for p in people),
            priority_areas=tuple(Choice(a.id, f"{a.code} {a.title}") for a in areas),
            boards=tuple(Choice(b.id, b.name) for b in boards),
            categories=categories,
            actions=tuple(action_view(a) for a in actions),
            meetings=tuple(
                MeetingChoice(
                    m.id,
                    f"{m.starts_at:%d/%m/%Y} {m.title or m.board.name}",
                    m.starts_at.date(),
                )
                for m in meetings
            ),
        )
