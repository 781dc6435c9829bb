"""The risk register: create, edit, review, close, escalate, and link mitigating actions.

Scores change only through reviews: every change of score adds a `RiskReview` row (creation is
the first), so the register as it stood at any meeting can be rebuilt. Reading lives in
`register`; its functions are re-exported here for callers that want one module.

The area also owns the plain views (`views`), the choices offered in forms (`choices`), the
council's scales and appetite (`scales`), the register's pack section (`pack`) and spreadsheets
in and out (`io`, with `export` and `importing`). The window and the command line may call this
module and `views`, `choices`, `register`, `scales` and `io`.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.risk import RiskStatus, check_level
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.escalations.records import risk_escalated, risk_settled
from sendboard.services.risks.register import (
    get_risk,
    heat_map,
    history,
    list_risks,
    register_as_at,
)
from sendboard.services.risks.views import ReviewInput, RiskInput, RiskView
from sendboard.store.database import Database
from sendboard.store.models import (
    Action,
    Board,
    Meeting,
    Person,
    PriorityArea,
    Risk,
    RiskAction,
    RiskReview,
)

__all__ = [
    "ReviewInput",
    "RiskInput",
    "RiskView",
    "close_risk",
    "create_risk",
    "delete_risk",
    "escalate_risk",
    "get_risk",
    "heat_map",
    "history",
    "link_action",
    "list_risks",
    "next_reference",
    "register_as_at",
    "reopen_risk",
    "review_risk",
    "unlink_action",
    "update_risk",
]


def _load(session: Session, risk_id: int) -> Risk:
    return load(session, Risk, risk_id, f"Risk {risk_id} no longer exists.")


def next_reference_in(session: Session) -> str:
    numbers = [
        int(m.group(1))
        for ref in session.scalars(select(Risk.reference))
        if (m := re.fullmatch(r"R(\d+)", ref))
    ]
    return f"R{max(numbers, default=0) + 1:02d}"


def next_reference(db: Database) -> str:
    with db.read() as session:
        return next_reference_in(session)


def check_scores(
    inherent_likelihood: int, inherent_impact: int, residual_likelihood: int, residual_impact: int
) -> None:
    """Levels 1–5, and controls cannot make a risk worse than it is without them."""
    il = check_level(inherent_likelihood, "Inherent likelihood", "inherent_likelihood")
    ii = check_level(inherent_impact, "Inherent impact", "inherent_impact")
    rl = check_level(residual_likelihood, "Residual likelihood", "residual_likelihood")
    ri = check_level(residual_impact, "Residual impact", "residual_impact")
    if rl * ri > il * ii:
        raise ValidationError(
            f"The residual score ({rl}×{ri} = {rl * ri}) cannot be higher than the inherent "
            f"score ({il}×{ii} = {il * ii}): controls reduce a risk, they do not add to it.",
            "residual_likelihood",
        )


def apply_input(session: Session, risk: Risk, data: RiskInput) -> None:
    """Check and copy everything but the scores (which `record_review` sets)."""
    reference = validation.clean(data.reference).upper() or next_reference_in(session)
    clash = session.scalar(
        select(Risk).where(func.upper(Risk.reference) == reference, Risk.id != risk.id)
    )
    if clash is not None:
        raise ValidationError(
            f"Reference {reference} is already used by {clash.title}.", "reference"
        )
    if session.get(Person, data.owner_id) is None:
        raise ValidationError("Choose the risk owner from the contact list.", "owner_id")
    if (
        data.priority_area_id is not None
        and session.get(PriorityArea, data.priority_area_id) is None
    ):
        raise ValidationError("The chosen priority area no longer exists.", "priority_area_id")
    if data.board_id is not None and session.get(Board, data.board_id) is None:
        raise ValidationError("The chosen board no longer exists.", "board_id")
    check_scores(
        data.inherent_likelihood,
        data.inherent_impact,
        data.residual_likelihood,
        data.residual_impact,
    )
    if (data.target_likelihood is None) != (data.target_impact is None):
        raise ValidationError(
            "Give both target likelihood and target impact, or neither.", "target"
        )
    if data.target_likelihood is not None and data.target_impact is not None:
        check_level(data.target_likelihood, "Target likelihood", "target_likelihood")
        check_level(data.target_impact, "Target impact", "target_impact")
    created = data.created_on or risk.created_on or clock.today()
    if created > clock.today():
        raise ValidationError("The date raised cannot be in the future.", "created_on")
    if risk.reviews and created > risk.reviews[0].reviewed_on:
        raise ValidationError(
            f"The date raised cannot be after the first review "
            f"({risk.reviews[0].reviewed_on:%d/%m/%Y}).",
            "created_on",
        )
    risk.reference = reference
    risk.title = validation.required(data.title, "Risk title", "title")
    risk.cause = (data.cause or "").strip()
    risk.event = (data.event or "").strip()
    risk.consequence = (data.consequence or "").strip()
    risk.category = validation.clean(data.category)
    risk.priority_area_id = data.priority_area_id
    risk.board_id = data.board_id
    risk.owner_id = data.owner_id
    risk.controls = (data.controls or "").strip()
    risk.target_likelihood = data.target_likelihood
    risk.target_impact = data.target_impact
    risk.target_date = data.target_date
    risk.proximity = data.proximity
    risk.created_on = created


def scores(held: Risk | RiskInput | ReviewInput) -> tuple[int, int, int, int]:
    """Inherent then residual likelihood and impact, in ReviewInput's order: what an edit or an
    import compares with the risk's current scores to decide whether a review is due."""
    return (
        held.inherent_likelihood,
        held.inherent_impact,
        held.residual_likelihood,
        held.residual_impact,
    )


def record_review(session: Session, risk: Risk, data: ReviewInput) -> RiskReview:
    """Add a review row and, when it is the latest, make its scores the current ones."""
    check_scores(*scores(data))
    if data.reviewed_on > clock.today():
        raise ValidationError("A review cannot be dated in the future.", "reviewed_on")
    if data.reviewed_on < risk.created_on:
        raise ValidationError(
            f"A review cannot be before the risk was raised ({risk.created_on:%d/%m/%Y}).",
            "reviewed_on",
        )
    if data.meeting_id is not None and session.get(Meeting, data.meeting_id) is None:
        raise ValidationError("The chosen meeting no longer exists.", "meeting_id")
    if data.reviewer_id is not None and session.get(Person, data.reviewer_id) is None:
        raise ValidationError("The chosen reviewer no longer exists.", "reviewer_id")
    review = RiskReview(
        reviewed_on=data.reviewed_on,
        meeting_id=data.meeting_id,
        inherent_likelihood=data.inherent_likelihood,
        inherent_impact=data.inherent_impact,
        residual_likelihood=data.residual_likelihood,
        residual_impact=data.residual_impact,
        note=(data.note or "").strip(),
        reviewer_id=data.reviewer_id,
    )
    latest = risk.reviews[-1].reviewed_on if risk.reviews else None
    risk.reviews.append(review)
    if latest is None or data.reviewed_on >= latest:
        risk.inherent_likelihood = data.inherent_likelihood
        risk.inherent_impact = data.inherent_impact
        risk.residual_likelihood = data.residual_likelihood
        risk.residual_impact = data.residual_impact
    return review


def _scores_of(data: RiskInput, day: date, note: str) -> ReviewInput:
    return ReviewInput(day, *scores(data), note=note)


def _done(db: Database, risk_id: int, *also: Area) -> Outcome[RiskView]:
    return outcome(get_risk(db, risk_id), Area.RISKS, *also)


def create_risk(db: Database, data: RiskInput) -> Outcome[RiskView]:
    """A new open risk; its first assessment is recorded as its first review."""
    with db.write() as session:
        risk = Risk(status=RiskStatus.OPEN)
        apply_input(session, risk, data)
        record_review(session, risk, _scores_of(data, risk.created_on, "Initial assessment"))
        session.add(risk)
        session.flush()
        risk_id = risk.id
    return _done(db, risk_id)


def update_risk(db: Database, risk_id: int, data: RiskInput) -> Outcome[RiskView]:
    """Edit a risk; changed scores are kept as a review dated today, never overwritten."""
    with db.write() as session:
        risk = _load(session, risk_id)
        apply_input(session, risk, data)
        if scores(data) != scores(risk):
            record_review(session, risk, _scores_of(data, clock.today(), "Scores changed on edit"))
    return _done(db, risk_id)


def review_risk(db: Database, risk_id: int, data: ReviewInput) -> Outcome[RiskView]:
    """Record this cycle's review: a new row; earlier reviews stay as they were."""
    with db.write() as session:
        risk = _load(session, risk_id)
        if risk.status is RiskStatus.CLOSED:
            raise ValidationError(f"{risk.reference} is closed; reopen it before reviewing it.")
        record_review(session, risk, data)
    return _done(db, risk_id)


def close_risk(db: Database, risk_id: int, on: date | None = None) -> Outcome[RiskView]:
    day = on or clock.today()
    with db.write() as session:
        risk = _load(session, risk_id)
        if day < risk.created_on or day > clock.today():
            raise ValidationError(
                "The closing date must be between the date raised and today.", "closed_on"
            )
        risk.status = RiskStatus.CLOSED
        risk.closed_on = day
        risk_settled(session, risk, day, f"{risk.reference} was closed in the risk register.")
    return _done(db, risk_id)


def reopen_risk(db: Database, risk_id: int) -> Outcome[RiskView]:
    with db.write() as session:
        risk = _load(session, risk_id)
        if risk.status is RiskStatus.ESCALATED:
            why = f"{risk.reference} was set back to open in the risk register."
            risk_settled(session, risk, clock.today(), why)
        risk.status = RiskStatus.OPEN
        risk.closed_on = None
        risk.escalated_on = None
        risk.escalated_to_id = None
    return _done(db, risk_id)


def escalate_risk(db: Database, risk_id: int, on: date | None = None) -> Outcome[RiskView]:
    """Escalate to the parent of the board whose register holds the risk."""
    with db.write() as session:
        risk = _load(session, risk_id)
        if risk.board is None:
            raise ValidationError(
                f"Choose the board whose register holds {risk.reference} before escalating it."
            )
        if risk.board.parent is None:
            raise ValidationError(
                f"{risk.board.name} has no parent board to escalate {risk.reference} to."
            )
        if risk.status is RiskStatus.CLOSED:
            raise ValidationError(f"{risk.reference} is closed; reopen it first.")
        risk.status = RiskStatus.ESCALATED
        risk.escalated_to = risk.board.parent
        risk.escalated_on = on or clock.today()
        session.flush()
        risk_escalated(session, risk, risk.escalated_on)
    return _done(db, risk_id)


def delete_risk(db: Database, risk_id: int) -> Outcome[None]:
    """Remove a risk entered by mistake, with its reviews and links (the audit trail keeps them)."""
    with db.write() as session:
        session.delete(_load(session, risk_id))
    return outcome(None, Area.RISKS)


def link_action(db: Database, risk_id: int, action_id: int) -> Outcome[RiskView]:
    with db.write() as session:
        risk = _load(session, risk_id)
        load(session, Action, action_id, "That action no longer exists.")
        if session.get(RiskAction, (risk_id, action_id)) is None:
            risk.action_links.append(RiskAction(action_id=action_id))
    return _done(db, risk_id, Area.ACTIONS)


def unlink_action(db: Database, risk_id: int, action_id: int) -> Outcome[RiskView]:
    with db.write() as session:
        _load(session, risk_id)
        link = session.get(RiskAction, (risk_id, action_id))
        if link is not None:
            session.delete(link)
    return _done(db, risk_id, Area.ACTIONS)
