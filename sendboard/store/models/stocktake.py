"""The DfE stocktake: the Improvement Notice's numbered requirements and what answers them, the
co-production and engagement log, and the council's self-assessment for each stocktake.

The notice's date and council are settings (the date is the one the measures' targets count
from). Evidence for a requirement and engagement events' files are kept, never rewritten. A
self-assessment entry is a row per save: the latest for a meeting and requirement is the one
that stands, and earlier ones remain as its history.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.brag import Brag
from sendboard.domain.stocktake.engagement import EventFormat
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.actions import Action
from sendboard.store.models.boards import PriorityArea
from sendboard.store.models.files import StoredFile
from sendboard.store.models.measures import Measure
from sendboard.store.models.risks import Risk


def _link(name: str, left: str, right: str, right_table: str) -> Table:
    owner = "notice_requirements" if left == "requirement_id" else "engagement_events"
    return Table(
        name,
        Base.metadata,
        Column(left, ForeignKey(f"{owner}.id", ondelete="CASCADE"), primary_key=True),
        Column(
            right, ForeignKey(f"{right_table}.id", ondelete="CASCADE"), primary_key=True, index=True
        ),
    )


requirement_actions = _link("requirement_actions", "requirement_id", "action_id", "actions")
requirement_measures = _link("requirement_measures", "requirement_id", "measure_id", "measures")
requirement_risks = _link("requirement_risks", "requirement_id", "risk_id", "risks")
engagement_requirements = _link(
    "engagement_requirements", "event_id", "requirement_id", "notice_requirements"
)
engagement_actions = _link("engagement_actions", "event_id", "action_id", "actions")
engagement_areas = _link("engagement_areas", "event_id", "priority_area_id", "priority_areas")


class Requirement(Versioned, Audited, IdMixin, Base):
    """A numbered paragraph of the notice: `4e`, `9d.II`."""

    __tablename__ = "notice_requirements"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")
    heading: Mapped[str] = mapped_column(default="")
    position: Mapped[int] = mapped_column(default=0)
    #: Expected to be answered by actions; False for a lead-in ("To ensure…:") or a paragraph
    #: that only describes what the Department will do.
    tracked: Mapped[bool] = mapped_column(default=True)

    actions: Mapped[list[Action]] = relationship(
        secondary=requirement_actions, order_by=Action.reference
    )
    measures: Mapped[list[Measure]] = relationship(
        secondary=requirement_measures, order_by=Measure.reference
    )
    risks: Mapped[list[Risk]] = relationship(secondary=requirement_risks, order_by=Risk.reference)
    evidence: Mapped[list[RequirementEvidence]] = relationship(
        back_populates="requirement",
        cascade="all, delete-orphan",
        order_by="RequirementEvidence.id",
    )


class RequirementEvidence(Audited, IdMixin, Base):
    """A piece of evidence for a requirement: a note, with or without a file."""

    __tablename__ = "requirement_evidence"

    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("notice_requirements.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    note: Mapped[str] = mapped_column(Text, default="")
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="RESTRICT"))
    original_name: Mapped[str] = mapped_column(String(500), default="")
    added_on: Mapped[date]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    requirement: Mapped[Requirement] = relationship(back_populates="evidence")
    file: Mapped[StoredFile | None] = relationship()


class EngagementEvent(Versioned, Audited, IdMixin, Base):
    """A co-production or engagement event: who took part, what they said, what changed."""

    __tablename__ = "engagement_events"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    held_on: Mapped[date] = mapped_column(index=True)
    format: Mapped[EventFormat] = mapped_column(default=EventFormat.OTHER)
    title: Mapped[str] = mapped_column(String(500))
    #: The groups who took part, "; "-separated ("Parents and carers; Schools and settings").
    participants: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[int | None]
    said: Mapped[str] = mapped_column(Text, default="")
    changed: Mapped[str] = mapped_column(Text, default="")

    areas: Mapped[list[PriorityArea]] = relationship(
        secondary=engagement_areas, order_by=PriorityArea.code
    )
    actions: Mapped[list[Action]] = relationship(
        secondary=engagement_actions, order_by=Action.reference
    )
    requirements: Mapped[list[Requirement]] = relationship(
        secondary=engagement_requirements, order_by=Requirement.position
    )
    files: Mapped[list[EngagementFile]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EngagementFile.id"
    )


class EngagementFile(Audited, IdMixin, Base):
    __tablename__ = "engagement_files"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_events.id", ondelete="CASCADE"), index=True
    )
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id", ondelete="RESTRICT"))
    original_name: Mapped[str] = mapped_column(String(500), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[EngagementEvent] = relationship(back_populates="files")
    file: Mapped[StoredFile] = relationship()


class AssessmentEntry(Audited, IdMixin, Base):
    """The council's judgement of one requirement for one stocktake, as saved at one moment."""

    __tablename__ = "assessment_entries"
    __table_args__ = (
        Index("ix_assessment_entries_meeting_requirement", "meeting_id", "requirement_id"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("notice_requirements.id", ondelete="CASCADE"), index=True
    )
    #: What the data suggested when this was saved, kept beside the judgement it was set to.
    suggested: Mapped[Brag | None]
    judgement: Mapped[Brag | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(128), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
