"""What the risk services hand out and take in: frozen views and inputs, and how views are built.

A view is built from a risk and its reviews up to a day, so today's register and the register
as it stood at a past meeting come from the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.risk import (
    Matrix,
    Proximity,
    Rating,
    RiskStatus,
    Trend,
    above_appetite,
    trend,
)
from sendboard.services.risks.scales import AppetiteView
from sendboard.store.models import Action, Risk, RiskReview


@dataclass(frozen=True)
class LinkedActionView:
    id: int
    reference: str
    title: str
    owner: str
    due: date | None
    status: ActionStatus
    brag: Brag | None = None  # progress rating from the action's latest update

    @property
    def progress(self) -> str:
        """What the mitigation plan shows in its BRAG/status column: "G Green", else status."""
        if self.brag is not None:
            return f"{self.brag.letter} {self.brag.label}"
        return ActionStatus(self.status).label


@dataclass(frozen=True)
class ReviewView:
    id: int
    reviewed_on: date
    meeting_id: int | None
    meeting: str
    inherent: Rating
    residual: Rating
    note: str
    reviewer: str
    trend: Trend  # residual movement against the review before this one


@dataclass(frozen=True)
class RiskView:
    id: int
    reference: str
    title: str
    cause: str
    event: str
    consequence: str
    category: str
    priority_area_id: int | None
    priority_area: str  # code, e.g. P3
    board_id: int | None
    board: str
    owner_id: int
    owner: str
    inherent: Rating
    controls: str
    residual: Rating
    target: Rating | None
    target_date: date | None
    proximity: Proximity | None
    status: RiskStatus
    created_on: date
    closed_on: date | None
    escalated_to: str
    last_reviewed: date | None
    previous_residual: Rating | None
    trend: Trend
    appetite: AppetiteView | None
    above_appetite: bool
    not_reviewed: bool  # open, and not reviewed since its board's last meeting
    #: The day the risk's board last met (a risk with no board: the Improvement Board).
    last_meeting: date | None
    actions: tuple[LinkedActionView, ...]
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def live(self) -> bool:
        return self.status is not RiskStatus.CLOSED

    @property
    def not_reviewed_reason(self) -> str:
        """E.g. "Not reviewed since its board met on 11 November 2026" (empty when reviewed)."""
        if not self.not_reviewed:
            return ""
        if self.last_meeting is None:
            return "Not reviewed since its board last met"
        day = self.last_meeting
        return f"Not reviewed since its board met on {day.day} {day:%B %Y}"

    @property
    def movement(self) -> str:
        """The change since the previous review in words, e.g. "↓ Improving: 12 High → 9 Medium"."""
        if self.previous_residual is None:
            return f"{self.trend.text}: first assessed at {self.residual.text}"
        return f"{self.trend.text}: {self.previous_residual.text} → {self.residual.text}"


@dataclass(frozen=True)
class RiskInput:
    title: str
    owner_id: int
    inherent_likelihood: int
    inherent_impact: int
    residual_likelihood: int
    residual_impact: int
    reference: str = ""  # blank: the next free R-number
    cause: str = ""
    event: str = ""
    consequence: str = ""
    category: str = ""
    priority_area_id: int | None = None
    board_id: int | None = None
    controls: str = ""
    target_likelihood: int | None = None
    target_impact: int | None = None
    target_date: date | None = None
    proximity: Proximity | None = None
    created_on: date | None = None  # blank: today


@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: date
    inherent_likelihood: int
    inherent_impact: int
    residual_likelihood: int
    residual_impact: int
    note: str = ""
    meeting_id: int | None = None
    reviewer_id: int | None = None


@dataclass(frozen=True)
class HeatMap:
    """Risks per (likelihood, impact) cell for one of the inherent, residual or target views."""

    kind: str
    counts: dict[tuple[int, int], int]
    matrix: Matrix

    def count(self, likelihood: int, impact: int) -> int:
        return self.counts.get((likelihood, impact), 0)


def action_view(action: Action) -> LinkedActionView:
    """A mitigating action with its current progress: the rating of its latest update."""
    latest = action.updates[-1] if action.updates else None
    return LinkedActionView(
        id=action.id,
        reference=action.reference,
        title=action.title,
        owner=action.owner.name if action.owner else "",
        due=action.revised_due or action.original_due,
        status=action.status,
        brag=latest.progress if latest is not None else None,
    )


def review_view(review: RiskReview, matrix: Matrix, previous: RiskReview | None) -> ReviewView:
    residual = matrix.rate(review.residual_likelihood, review.residual_impact)
    before = None if previous is None else previous.residual_likelihood * previous.residual_impact
    return ReviewView(
        id=review.id,
        reviewed_on=review.reviewed_on,
        meeting_id=review.meeting_id,
        meeting=_meeting_label(review),
        inherent=matrix.rate(review.inherent_likelihood, review.inherent_impact),
        residual=residual,
        note=review.note,
        reviewer=review.reviewer.name if review.reviewer else "",
        trend=trend(before, residual.score),
    )


def _meeting_label(review: RiskReview) -> str:
    meeting = review.meeting
    if meeting is None:
        return ""
    title = meeting.title or meeting.board.name
    return f"{title}, {meeting.starts_at:%d/%m/%Y}"


def status_on(risk: Risk, day: date | None) -> RiskStatus:
    """The status the risk had at the end of `day` (None: now)."""
    if day is None:
        return risk.status
    if risk.closed_on is not None and risk.closed_on <= day:
        return RiskStatus.CLOSED
    if risk.status is RiskStatus.ESCALATED and risk.escalated_on and risk.escalated_on <= day:
        return RiskStatus.ESCALATED
    return RiskStatus.OPEN


def build_view(
    risk: Risk,
    matrix: Matrix,
    appetites: dict[str, AppetiteView],
    last_meeting: date | None,
    as_at: date | None = None,
    with_actions: bool = True,
) -> RiskView:
    """The risk as it stood at the end of `as_at` (None: now), from its reviews up to then;
    without its mitigating actions when `with_actions` is false. `last_meeting` is the day its
    own board last met: a risk not reviewed since then is flagged."""
    reviews: Sequence[RiskReview] = risk.reviews
    if as_at is not None:
        reviews = [r for r in reviews if r.reviewed_on <= as_at] or list(risk.reviews[:1])
    latest = reviews[-1] if reviews else None
    previous = reviews[-2] if len(reviews) > 1 else None
    if latest is not None:
        inherent = matrix.rate(latest.inherent_likelihood, latest.inherent_impact)
        residual = matrix.rate(latest.residual_likelihood, latest.residual_impact)
    else:
        inherent = matrix.rate(risk.inherent_likelihood, risk.inherent_impact)
        residual = matrix.rate(risk.residual_likelihood, risk.residual_impact)
    prev_rating = (
        None
        if previous is None
        else matrix.rate(previous.residual_likelihood, previous.residual_impact)
    )
    status = status_on(risk, as_at)
    last_reviewed = latest.reviewed_on if latest is not None else None
    if as_at is not None and last_reviewed is not None and last_reviewed > as_at:
        last_reviewed = None  # only the creation assessment, dated after the day asked for
    appetite = appetites.get(risk.category.lower()) if risk.category else None
    target = (
        matrix.rate(risk.target_likelihood, risk.target_impact)
        if risk.target_likelihood and risk.target_impact
        else None
    )
    return RiskView(
        id=risk.id,
        reference=risk.reference,
        title=risk.title,
        cause=risk.cause,
        event=risk.event,
        consequence=risk.consequence,
        category=risk.category,
        priority_area_id=risk.priority_area_id,
        priority_area=risk.priority_area.code if risk.priority_area else "",
        board_id=risk.board_id,
        board=risk.board.name if risk.board else "",
        owner_id=risk.owner_id,
        owner=risk.owner.name,
        inherent=inherent,
        controls=risk.controls,
        residual=residual,
        target=target,
        target_date=risk.target_date,
        proximity=risk.proximity,
        status=status,
        created_on=risk.created_on,
        closed_on=risk.closed_on if status is RiskStatus.CLOSED else None,
        escalated_to=(
            risk.escalated_to.name if status is RiskStatus.ESCALATED and risk.escalated_to else ""
        ),
        last_reviewed=last_reviewed,
        previous_residual=prev_rating,
        trend=trend(None if prev_rating is None else prev_rating.score, residual.score),
        appetite=appetite,
        above_appetite=above_appetite(residual.score, appetite.highest_score if appetite else None),
        not_reviewed=(
            status is not RiskStatus.CLOSED
            and last_meeting is not None
            and (last_reviewed is None or last_reviewed < last_meeting)
        ),
        last_meeting=last_meeting,
        actions=tuple(action_view(a) for a in risk.actions) if with_actions else (),
        version=risk.version,
    )
