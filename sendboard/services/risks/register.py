"""Reading the register: today's, or as it stood on a past date; one risk's history; heat maps."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.risk import count_cells
from sendboard.errors import NotFoundError, ValidationError
from sendboard.services.common.cycles import BoardMeetings, board_meetings
from sendboard.services.common.records import load
from sendboard.services.risks.scales import appetites_in, matrix_in
from sendboard.services.risks.views import HeatMap, ReviewView, RiskView, build_view, review_view
from sendboard.store.database import Database
from sendboard.store.models import Action, Meeting, Risk, RiskReview

HEAT_KINDS = ("inherent", "residual", "target")


def _options(with_actions: bool = True):  # type: ignore[no-untyped-def]
    options = (
        selectinload(Risk.owner),
        selectinload(Risk.priority_area),
        selectinload(Risk.board),
        selectinload(Risk.escalated_to),
        selectinload(Risk.reviews),
    )
    if not with_actions:
        return options
    return (
        *options,
        selectinload(Risk.actions).selectinload(Action.owner),
        selectinload(Risk.actions).selectinload(Action.updates),
    )


def meetings_up_to(session: Session, day: date | None) -> BoardMeetings:
    """Each board's meetings held on or before `day`, or with None those started by now
    (cancelled ones aside)."""
    if day is None:
        return board_meetings(session, clock.local_now())
    return board_meetings(session, datetime.combine(day + timedelta(days=1), time()))


def _views(
    session: Session, risks: list[Risk], as_at: date | None, with_actions: bool = True
) -> list[RiskView]:
    matrix = matrix_in(session)
    appetites = appetites_in(session)
    # A risk is due for review at its own board's meetings (one with no board: the
    # Improvement Board's), never because another board met.
    met = meetings_up_to(session, as_at)
    views = [
        build_view(r, matrix, appetites, met.last(r.board_id), as_at, with_actions) for r in risks
    ]
    return sort_by_residual(views)


def sort_by_residual(views: list[RiskView]) -> list[RiskView]:
    """Live risks first, worst first: residual score, then inherent, then reference."""
    return sorted(
        views, key=lambda v: (not v.live, -v.residual.score, -v.inherent.score, v.reference)
    )


def list_risks(db: Database, *, with_actions: bool = True) -> list[RiskView]:
    """The register today, worst residual score first (closed risks included; filter them out).

    `with_actions=False` is for summaries that never show a risk's mitigating actions (Home's
    risk card): the actions and their updates are not read, and each view's `actions` is empty.
    """
    with db.read() as session:
        risks = list(session.scalars(select(Risk).options(*_options(with_actions))))
        return _views(session, risks, None, with_actions)


def register_as_at(db: Database, day: date) -> list[RiskView]:
    """The register as it stood at the end of `day`: the risks that existed then (not closed
    before it), with the scores from their latest review on or before it."""
    if day > clock.today():
        raise ValidationError("The register can only be shown as it stood on a past date.", "as_at")
    with db.read() as session:
        query = (
            select(Risk)
            .where(Risk.created_on <= day)
            .where((Risk.closed_on.is_(None)) | (Risk.closed_on >= day))
            .options(*_options())
        )
        return _views(session, list(session.scalars(query)), day)


def get_risk(db: Database, risk_id: int) -> RiskView:
    with db.read() as session:
        risk = session.scalar(select(Risk).where(Risk.id == risk_id).options(*_options()))
        if risk is None:
            raise NotFoundError(f"Risk {risk_id} no longer exists.")
        return _views(session, [risk], None)[0]


def history(db: Database, risk_id: int) -> list[ReviewView]:
    """Every review of the risk, oldest first, each with its movement since the one before."""
    with db.read() as session:
        load(session, Risk, risk_id, f"Risk {risk_id} no longer exists.")
        matrix = matrix_in(session)
        reviews = list(
            session.scalars(
                select(RiskReview)
                .where(RiskReview.risk_id == risk_id)
                .order_by(RiskReview.reviewed_on, RiskReview.id)
                .options(
                    selectinload(RiskReview.meeting).selectinload(Meeting.board),
                    selectinload(RiskReview.reviewer),
                )
            )
        )
        return [
            review_view(r, matrix, reviews[i - 1] if i else None) for i, r in enumerate(reviews)
        ]


def cell_of(view: RiskView, kind: str) -> tuple[int, int] | None:
    """Where a risk sits on the heat map for `kind` (no target set: nowhere)."""
    if kind not in HEAT_KINDS:
        raise ValidationError(f"Choose one of {', '.join(HEAT_KINDS)} for the heat map.")
    rating = getattr(view, kind)
    return None if rating is None else (rating.likelihood, rating.impact)


def heat_counts(views: list[RiskView], kind: str) -> dict[tuple[int, int], int]:
    cells = (cell_of(v, kind) for v in views)
    return count_cells(c for c in cells if c is not None)


def heat_map(db: Database, kind: str = "residual", as_at: date | None = None) -> HeatMap:
    """Counts per cell of the live register (open and escalated risks)."""
    views = list_risks(db) if as_at is None else register_as_at(db, as_at)
    live = [v for v in views if v.live]
    with db.read() as session:
        matrix = matrix_in(session)
    return HeatMap(kind, heat_counts(live, kind), matrix)
