"""Raising, answering and passing on escalations, and keeping risk escalations in step with the
risk register.

An escalation goes from a board to its parent, and no further: the board above answers it
(`respond`), or escalates it again to its own parent (`escalate_onward`), which closes this one
with that as its response and opens a new one that points back at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.escalations import EscalationKind, check_text
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.risk import RiskStatus
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.escalations.views import EscalationView, to_view
from sendboard.store.database import Database
from sendboard.store.models import Action, Board, Escalation, Meeting, Risk


@dataclass(frozen=True)
class EscalationInput:
    """What to escalate: an action or a risk (by id) or a free-text issue (`title`)."""

    kind: EscalationKind
    reason: str
    ask: str
    action_id: int | None = None
    risk_id: int | None = None
    title: str = ""


def areas_for(kind: EscalationKind) -> tuple[Area, ...]:
    also = (Area.RISKS,) if kind is EscalationKind.RISK else ()
    return (Area.MEETINGS, Area.PACKS, *also)


def _subject(
    session: Session, data: EscalationInput, board: Board
) -> tuple[str, Action | None, Risk | None]:
    if data.kind is EscalationKind.ACTION:
        if data.action_id is None:
            raise ValidationError("Choose the action to escalate.", "action")
        action = load(session, Action, data.action_id, "That action no longer exists.")
        if action.status.finished:
            raise ValidationError(f"{action.reference} is {action.status.label.lower()}.", "action")
        return f"{action.reference} {action.title}"[:500], action, None
    if data.kind is EscalationKind.RISK:
        if data.risk_id is None:
            raise ValidationError("Choose the risk to escalate.", "risk")
        risk = load(session, Risk, data.risk_id, "That risk no longer exists.")
        if risk.status is RiskStatus.CLOSED:
            raise ValidationError(f"{risk.reference} is closed; reopen it first.", "risk")
        if risk.board_id != board.id:
            held = risk.board.name if risk.board else "no board's register"
            raise ValidationError(
                f"{risk.reference} sits in {held}, not {board.name}'s register: a risk is "
                "escalated by the board that holds it.",
                "risk",
            )
        return f"{risk.reference} {risk.title}"[:500], None, risk
    title = check_text(data.title, "Issue", "title")
    if len(title) > 500:
        raise ValidationError("Keep the issue under 500 characters.", "title")
    return title, None, None


def _already_open(
    session: Session, kind: EscalationKind, action: Action | None, risk: Risk | None, to: Board
) -> None:
    if action is None and risk is None:
        return
    query = select(Escalation).where(
        Escalation.responded_on.is_(None),
        Escalation.to_board_id == to.id,
        (Escalation.action_id == action.id) if action else (Escalation.risk_id == risk.id),  # type: ignore[union-attr]
    )
    if session.scalars(query).first() is not None:
        ref = action.reference if action else risk.reference  # type: ignore[union-attr]
        raise ValidationError(f"{ref} is already escalated to {to.name} and awaits its response.")


def add_escalation(
    session: Session,
    meeting: Meeting,
    data: EscalationInput,
    *,
    area_id: int | None = None,
    report_id: int | None = None,
) -> Escalation:
    """Raise `data` at `meeting` (a meeting of the board that escalates) to that board's parent."""
    board = meeting.board
    if board.parent is None:
        raise ValidationError(f"{board.name} has no parent board to escalate to.")
    reason = check_text(data.reason, "Reason", "reason")
    ask = check_text(data.ask, "Ask", "ask")
    title, action, risk = _subject(session, data, board)
    _already_open(session, data.kind, action, risk, board.parent)
    day = meeting.starts_at.date()
    row = Escalation(
        kind=data.kind,
        title=title,
        action_id=action.id if action else None,
        risk_id=risk.id if risk else None,
        priority_area_id=area_id,
        from_board_id=board.id,
        to_board_id=board.parent.id,
        raised_meeting_id=meeting.id,
        report_id=report_id,
        raised_on=day,
        reason=reason,
        ask=ask,
    )
    session.add(row)
    if risk is not None:
        risk.status = RiskStatus.ESCALATED
        risk.escalated_to = board.parent
        risk.escalated_on = day
    return row


def _view(session: Session, row: Escalation) -> EscalationView:
    session.flush()
    session.refresh(row)
    return to_view(row, clock.today())


def _name(board: Board | None) -> str:
    return board.name if board else "the board escalated to"


def _open_row(session: Session, escalation_id: int) -> Escalation:
    gone = f"There is no escalation {escalation_id}; it may have been withdrawn."
    row = load(session, Escalation, escalation_id, gone)
    if row.responded_on is not None:
        raise ValidationError(
            f"{row.to_board.name if row.to_board else 'The board'} already responded to this "
            f"escalation on {row.responded_on:%d/%m/%Y}."
        )
    return row


def _answer_day(
    session: Session, row: Escalation, meeting_id: int | None, on: date | None
) -> tuple[Meeting | None, date]:
    meeting = None
    if meeting_id is not None:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        if meeting.board_id != row.to_board_id:
            raise ValidationError(
                f"The response is recorded at a meeting of {_name(row.to_board)}, "
                f"not of {meeting.board.name}.",
                "meeting",
            )
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError(
                "That meeting was cancelled; choose the one that responded.", "meeting"
            )
    day = on or (meeting.starts_at.date() if meeting else clock.today())
    if day > clock.today():
        raise ValidationError("A response cannot be recorded for a day still to come.", "on")
    if day < row.raised_on:
        raise ValidationError(
            "The response cannot come before the escalation was raised "
            f"({row.raised_on:%d/%m/%Y}).",
            "on",
        )
    return meeting, day


def _settle_risk(row: Escalation) -> None:
    """The board above has answered: the risk goes back to being an open risk of the register
    that holds it, its reviews and scores untouched. What was asked and answered stays on the
    escalation (and in the audit trail), so nothing of the risk's history is lost, and the risk
    no longer reads "escalated" once nobody is waiting for an answer."""
    risk = row.risk
    if (
        risk is not None
        and risk.status is RiskStatus.ESCALATED
        and risk.escalated_to_id == row.to_board_id
    ):
        risk.status = RiskStatus.OPEN
        risk.escalated_on = None
        risk.escalated_to_id = None


def respond(
    db: Database,
    escalation_id: int,
    response: str,
    *,
    meeting_id: int | None = None,
    on: date | None = None,
) -> Outcome[EscalationView]:
    """Record the board's response (at `meeting_id`, on `on`: the meeting's day, else today).

    This closes the escalation: it leaves the board's agendas and packs from then on. For a
    risk, see `_settle_risk`: the risk returns to its own register as open."""
    text = check_text(response, "Response", "response")
    with db.write() as session:
        row = _open_row(session, escalation_id)
        meeting, day = _answer_day(session, row, meeting_id, on)
        row.response = text
        row.responded_meeting_id = meeting.id if meeting else None
        row.responded_on = day
        if row.kind is EscalationKind.RISK:
            _settle_risk(row)
        return outcome(_view(session, row), *areas_for(row.kind))


def escalate_onward(
    db: Database,
    escalation_id: int,
    reason: str,
    ask: str,
    *,
    meeting_id: int | None = None,
    on: date | None = None,
) -> Outcome[EscalationView]:
    """The board escalated to passes the item on to its own parent: this escalation closes with
    that as its response, and a new one opens from this board to the next (for a risk, the
    register shows it escalated to the new board). Returns the new escalation."""
    reason = check_text(reason, "Reason", "reason")
    ask = check_text(ask, "Ask", "ask")
    with db.write() as session:
        row = _open_row(session, escalation_id)
        here = row.to_board
        if here is None or here.parent is None:
            name = here.name if here else "This board"
            raise ValidationError(f"{name} has no parent board to escalate to.")
        meeting, day = _answer_day(session, row, meeting_id, on)
        row.response = f"Escalated onward to {here.parent.name}."
        row.responded_meeting_id = meeting.id if meeting else None
        row.responded_on = day
        onward = Escalation(
            kind=row.kind,
            title=row.title,
            action_id=row.action_id,
            risk_id=row.risk_id,
            priority_area_id=row.priority_area_id,
            from_board_id=here.id,
            to_board_id=here.parent.id,
            raised_meeting_id=meeting.id if meeting else None,
            raised_on=day,
            reason=reason,
            ask=ask,
            previous_id=row.id,
        )
        session.add(onward)
        if row.risk is not None and row.kind is EscalationKind.RISK:
            row.risk.status = RiskStatus.ESCALATED
            row.risk.escalated_to_id = here.parent.id
            row.risk.escalated_on = day
        return outcome(_view(session, onward), *areas_for(row.kind))


def remove_escalation(session: Session, row: Escalation) -> None:
    """Withdraw an escalation raised in error (only while unanswered; the audit trail keeps it)."""
    if row.responded_on is not None:
        raise ValidationError(
            "That escalation has a response recorded; it is kept as the record of what was "
            "asked and answered."
        )
    if row.kind is EscalationKind.RISK:
        _settle_risk(row)
    session.delete(row)


# The risk register's own "Escalate to parent", close and reopen keep one escalation per
# escalated risk.


def risk_escalated(session: Session, risk: Risk, day: date) -> None:
    """A risk escalated from its register: open a risk escalation unless one is open already."""
    if risk.escalated_to_id is None:
        return
    query = select(Escalation).where(
        Escalation.risk_id == risk.id,
        Escalation.to_board_id == risk.escalated_to_id,
        Escalation.responded_on.is_(None),
    )
    if session.scalars(query).first() is not None:
        return
    session.add(
        Escalation(
            kind=EscalationKind.RISK,
            title=f"{risk.reference} {risk.title}"[:500],
            risk_id=risk.id,
            priority_area_id=risk.priority_area_id,
            from_board_id=risk.board_id,
            to_board_id=risk.escalated_to_id,
            raised_on=day,
            reason=(
                "Escalated from the risk register (residual score "
                f"{risk.residual_likelihood * risk.residual_impact})."
            ),
            ask="",
        )
    )


def risk_settled(session: Session, risk: Risk, day: date, why: str) -> None:
    """A risk closed or reopened in its register: its open escalations close, saying why."""
    query = select(Escalation).where(
        Escalation.risk_id == risk.id, Escalation.responded_on.is_(None)
    )
    for row in session.scalars(query):
        row.response = why
        row.responded_on = max(day, row.raised_on)
