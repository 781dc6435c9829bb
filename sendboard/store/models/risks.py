"""The risk register: risks, their reviews each cycle, appetite per category, links to actions.

Reviews are rows, never overwritten: the register as it stood on any date is rebuilt from them.
The current scores on `Risk` mirror its latest review, for quick listing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.risk import Appetite, Proximity, RiskStatus
from sendboard.store.base import Audited, Base, IdMixin, Versioned
from sendboard.store.models.actions import Action
from sendboard.store.models.boards import Board, PriorityArea
from sendboard.store.models.meetings import Meeting
from sendboard.store.models.people import Person


class Risk(Versioned, Audited, IdMixin, Base):
    __tablename__ = "risks"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    cause: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[str] = mapped_column(Text, default="")
    consequence: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64), default="", index=True)
    priority_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="SET NULL"), index=True
    )
    #: The board whose register holds the risk; its meetings set the review cycle.
    board_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    inherent_likelihood: Mapped[int]
    inherent_impact: Mapped[int]
    controls: Mapped[str] = mapped_column(Text, default="")
    residual_likelihood: Mapped[int]
    residual_impact: Mapped[int]
    target_likelihood: Mapped[int | None]
    target_impact: Mapped[int | None]
    target_date: Mapped[date | None]
    proximity: Mapped[Proximity | None]
    status: Mapped[RiskStatus] = mapped_column(default=RiskStatus.OPEN)
    created_on: Mapped[date]
    closed_on: Mapped[date | None]
    escalated_on: Mapped[date | None]
    escalated_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="SET NULL")
    )

    priority_area: Mapped[PriorityArea | None] = relationship()
    board: Mapped[Board | None] = relationship(foreign_keys=[board_id])
    escalated_to: Mapped[Board | None] = relationship(foreign_keys=[escalated_to_id])
    owner: Mapped[Person] = relationship()
    reviews: Mapped[list[RiskReview]] = relationship(
        back_populates="risk",
        cascade="all, delete-orphan",
        order_by="(RiskReview.reviewed_on, RiskReview.id)",
    )
    action_links: Mapped[list[RiskAction]] = relationship(
        back_populates="risk", cascade="all, delete-orphan"
    )
    actions: Mapped[list[Action]] = relationship(
        secondary="risk_actions", order_by=Action.reference, viewonly=True
    )


class RiskAction(Audited, Base):
    """A mitigating action: many actions per risk, and an action may mitigate many risks."""

    __tablename__ = "risk_actions"

    risk_id: Mapped[int] = mapped_column(
        ForeignKey("risks.id", ondelete="CASCADE"), primary_key=True
    )
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    risk: Mapped[Risk] = relationship(back_populates="action_links")
    action: Mapped[Action] = relationship()


class RiskReview(Audited, IdMixin, Base):
    """One review of a risk in a meeting cycle: the scores it was given that day."""

    __tablename__ = "risk_reviews"

    risk_id: Mapped[int] = mapped_column(ForeignKey("risks.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    inherent_likelihood: Mapped[int]
    inherent_impact: Mapped[int]
    residual_likelihood: Mapped[int]
    residual_impact: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    risk: Mapped[Risk] = relationship(back_populates="reviews")
    meeting: Mapped[Meeting | None] = relationship()
    reviewer: Mapped[Person | None] = relationship()


class RiskAppetite(Versioned, Audited, IdMixin, Base):
    """How much risk the board accepts in a category: a level and the highest acceptable score."""

    __tablename__ = "risk_appetites"

    category: Mapped[str] = mapped_column(String(64), unique=True)
    level: Mapped[Appetite]
    highest_score: Mapped[int]
