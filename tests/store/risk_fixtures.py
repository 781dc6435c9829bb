"""Small records the risk tests build on: people, boards, meetings and actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.common.workspace import Database
from sendboard.services.risks import RiskInput
from sendboard.store.models import Action, Board, Meeting, Person, PriorityArea


@dataclass(frozen=True)
class Basics:
    owner_id: int
    other_id: int
    board_id: int
    delivery_id: int
    area_id: int
    action_ids: tuple[int, ...]


def basics(db: Database) -> Basics:
    with db.write() as session:
        owner = Person(name="Helen Marsh", email="helen@example.org")
        other = Person(name="Tom Whitcombe", email="tom@example.org")
        board = Board(name="SEND Improvement Board", kind=BoardKind.IMPROVEMENT_BOARD)
        delivery = Board(name="SEND Delivery Group", kind=BoardKind.DELIVERY_GROUP, parent=board)
        area = PriorityArea(code="P5", title="EHC plans")
        actions = [
            Action(
                reference=f"A{n}", title=f"Action {n}", owner=other, original_due=date(2026, 9, n)
            )
            for n in (1, 2, 3)
        ]
        session.add_all([owner, other, board, delivery, area, *actions])
        session.flush()
        return Basics(
            owner.id, other.id, board.id, delivery.id, area.id, tuple(a.id for a in actions)
        )


def meeting(db: Database, board_id: int, day: date, status=MeetingStatus.HELD) -> int:
    with db.write() as session:
        found = Meeting(
            board_id=board_id,
            title="Board meeting",
            status=status,
            starts_at=datetime(day.year, day.month, day.day, 14),
            ends_at=datetime(day.year, day.month, day.day, 16),
        )
        session.add(found)
        session.flush()
        return found.id


def risk_input(b: Basics, **changes) -> RiskInput:
    values = dict(
        title="Too few educational psychologists to meet the 20-week deadline",
        owner_id=b.owner_id,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=4,
        residual_impact=4,
        category="Service delivery",
        board_id=b.board_id,
        priority_area_id=b.area_id,
        created_on=date(2026, 1, 5),
    )
    values.update(changes)
    return RiskInput(**values)
