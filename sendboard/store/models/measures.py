"""Performance measures, their targets and milestones, and the values reported each period.

Values are evidence: a row per value entered, never changed. A correction is a new row for the
same period that names the row it corrects; the period's value is its latest row. A measure
with values cannot be deleted (the foreign key restricts it).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.measures import Direction, Frequency
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.boards import PriorityArea
from sendboard.store.models.people import Person


class Measure(Versioned, Audited, IdMixin, Base):
    __tablename__ = "measures"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str]
    priority_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="SET NULL"), index=True
    )
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(32), default="")
    direction: Mapped[Direction] = mapped_column(default=Direction.HIGHER)
    data_source: Mapped[str] = mapped_column(default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    frequency: Mapped[Frequency] = mapped_column(default=Frequency.MONTHLY)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_date: Mapped[date | None]

    priority_area: Mapped[PriorityArea | None] = relationship()
    owner: Mapped[Person | None] = relationship()
    targets: Mapped[list[MeasureTarget]] = relationship(
        back_populates="measure",
        cascade="all, delete-orphan",
        order_by="(MeasureTarget.months, MeasureTarget.due, MeasureTarget.id)",
    )


class MeasureTarget(Versioned, Audited, IdMixin, Base):
    """A target: at `months` (3, 6, 12, 24) from the notice date, or a further milestone on
    its own `due` date."""

    __tablename__ = "measure_targets"
    __table_args__ = (UniqueConstraint("measure_id", "months"),)

    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    months: Mapped[int | None]
    due: Mapped[date | None]
    value: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(default="")

    measure: Mapped[Measure] = relationship(back_populates="targets")


class MeasureValue(Audited, IdMixin, Base):
    """One value entered for one period; corrections are later rows."""

    __tablename__ = "measure_values"
    __table_args__ = (Index("ix_measure_values_measure_period", "measure_id", "period_end"),)

    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="RESTRICT"))
    period_end: Mapped[date]
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(128), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure_values.id", ondelete="SET NULL")
    )


class ActionMilestone(Versioned, Audited, IdMixin, Base):
    """What an action is to have achieved `months` (3, 6, 12, 24) after the notice date."""

    __tablename__ = "action_milestones"
    __table_args__ = (UniqueConstraint("action_id", "months"),)

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    months: Mapped[int]
    text: Mapped[str] = mapped_column(Text, default="")
