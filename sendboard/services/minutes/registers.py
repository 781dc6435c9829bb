"""The register of interests and the decision log: kept, listed and written to .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain import validation
from sendboard.errors import NotFoundError, ValidationError
from sendboard.outputs.minutes.sheets import DECISION_LOG, REGISTER, write_table
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.minutes.read import _interest_view as interest_view
from sendboard.services.minutes.read import meeting_label
from sendboard.services.minutes.views import DecisionLogRow, InterestInput, InterestView
from sendboard.store.database import Database
from sendboard.store.models import AgendaItem, Board, Decision, Interest, Meeting, Minutes, Person


def list_interests(db: Database, person_id: int | None = None) -> list[InterestView]:
    with db.read() as session:
        query = (
            select(Interest)
            .join(Person, Interest.person_id == Person.id)
            .options(selectinload(Interest.person))
            .order_by(Person.name, Interest.from_date, Interest.id)
        )
        if person_id is not None:
            query = query.where(Interest.person_id == person_id)
        return [interest_view(e) for e in session.scalars(query)]


def _fill(session: Session, entry: Interest, data: InterestInput) -> None:
    load(session, Person, data.person_id, "That person no longer exists.")
    entry.person_id = data.person_id
    entry.interest = validation.required(data.interest, "The interest", "interest")
    entry.organisation = validation.clean(data.organisation)
    if data.from_date and data.to_date and data.to_date < data.from_date:
        raise ValidationError("The interest cannot end before it starts.", "to_date")
    entry.from_date, entry.to_date = data.from_date, data.to_date
    entry.reviewed_on = data.reviewed_on


def add_interest(db: Database, data: InterestInput) -> Outcome[InterestView]:
    with db.write() as session:
        entry = Interest()
        _fill(session, entry, data)
        session.add(entry)
        session.flush()
        session.refresh(entry)
        return outcome(interest_view(entry), Area.MINUTES, Area.PEOPLE)


def update_interest(db: Database, interest_id: int, data: InterestInput) -> Outcome[InterestView]:
    """Change an entry (its end date, its review); the audit trail keeps what it said before."""
    with db.write() as session:
        entry = load(session, Interest, interest_id, "That register entry no longer exists.")
        _fill(session, entry, data)
        session.flush()
        session.refresh(entry)
        return outcome(interest_view(entry), Area.MINUTES, Area.PEOPLE)


def export_interests(db: Database, out: Path) -> int:
    rows = list_interests(db)
    write_table(
        Path(out),
        REGISTER,
        [
            (e.person, e.interest, e.organisation, e.from_date, e.to_date, e.reviewed_on)
            for e in rows
        ],
    )
    return len(rows)


def _board_id(session: Session, name: str) -> int:
    board = session.scalar(select(Board).where(func.lower(Board.name) == name.strip().lower()))
    if board is None:
        known = ", ".join(session.scalars(select(Board.name).order_by(Board.name)))
        raise NotFoundError(f"There is no board called '{name}'. Boards: {known}.")
    return board.id


def decision_log(db: Database, board: str | None = None) -> list[DecisionLogRow]:
    """Every decision, oldest first, with its meeting and item (of one board, if named)."""
    with db.read() as session:
        query = (
            select(Decision, Meeting, Minutes.status, AgendaItem.title, Board.name)
            .join(Minutes, Decision.minutes_id == Minutes.id)
            .join(Meeting, Minutes.meeting_id == Meeting.id)
            .join(Board, Decision.board_id == Board.id)
            .outerjoin(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
            .options(selectinload(Meeting.board))
            .order_by(Board.name, Decision.year, Decision.number)
        )
        if board:
            query = query.where(Decision.board_id == _board_id(session, board))
        return [
            DecisionLogRow(
                reference=decision.reference,
                board=board_name,
                meeting=meeting_label(meeting),
                meeting_date=meeting.starts_at.date(),
                item=title or "",
                text=decision.text,
                minutes_status=status,
            )
            for decision, meeting, status, title, board_name in session.execute(query)
        ]


def export_decisions(db: Database, out: Path, board: str | None = None) -> int:
    rows = decision_log(db, board)
    write_table(
        Path(out),
        DECISION_LOG,
        [
            (r.reference, r.board, r.meeting_date, r.item, r.text, r.minutes_status.label)
            for r in rows
        ],
    )
    return len(rows)


__all__ = [
    "add_interest",
    "decision_log",
    "export_decisions",
    "export_interests",
    "list_interests",
    "update_interest",
]
