"""What sub-groups have escalated to the board above them and are still open, with their age.

Today these are the risks escalated from a board's register (the risk register's "Escalate to
parent…"): each sits with the parent of the board whose register holds it, and goes further
up only when that board escalates it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sendboard import clock
from sendboard.domain.risk import RiskStatus
from sendboard.errors import NotFoundError
from sendboard.store.database import Database
from sendboard.store.models import Board, Risk


@dataclass(frozen=True)
class EscalationView:
    kind: str  # "Risk"
    reference: str
    title: str
    from_board: str
    to_board: str
    to_board_id: int | None
    owner: str
    escalated_on: date | None
    age_days: int | None  # days since it was escalated


def list_escalations(
    db: Database, board: str | None = None, today: date | None = None
) -> list[EscalationView]:
    """Open escalations, oldest first; with `board`, only those escalated to that board."""
    day = today or clock.today()
    with db.read() as session:
        query = (
            select(Risk)
            .where(Risk.status == RiskStatus.ESCALATED)
            .options(
                selectinload(Risk.board), selectinload(Risk.escalated_to), selectinload(Risk.owner)
            )
            .order_by(Risk.escalated_on, Risk.reference)
        )
        if board:
            found = session.scalar(
                select(Board).where(func.lower(Board.name) == board.strip().lower())
            )
            if found is None:
                known = ", ".join(session.scalars(select(Board.name).order_by(Board.name)))
                raise NotFoundError(f"There is no board called '{board}'. Boards: {known}.")
            query = query.where(Risk.escalated_to_id == found.id)
        return [
            EscalationView(
                kind="Risk",
                reference=risk.reference,
                title=risk.title,
                from_board=risk.board.name if risk.board else "",
                to_board=risk.escalated_to.name if risk.escalated_to else "",
                to_board_id=risk.escalated_to_id,
                owner=risk.owner.name,
                escalated_on=risk.escalated_on,
                age_days=(day - risk.escalated_on).days if risk.escalated_on else None,
            )
            for risk in session.scalars(query)
            if risk.escalated_on is None or risk.escalated_on <= day
        ]
