"""The action and impact log: actions, their per-meeting updates, and evidence files.

Current progress and impact ratings are not stored on the action: they are the ratings of its
latest update. One source of truth means an update can never disagree with the log, and history
is never overwritten; the list query reads the latest updates in one windowed query.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.brag import Brag
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.boards import Board, PriorityArea
from sendboard.store.models.files import StoredFile
from sendboard.store.models.meetings import AgendaItem, Meeting
from sendboard.store.models.people import Organisation, Person

action_partners = Table(
    "action_partners",
    Base.metadata,
    Column("action_id", ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id",
        ForeignKey("organisations.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Action(Versioned, Audited, IdMixin, Base):
    __tablename__ = "actions"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    priority_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="SET NULL"), index=True
    )
    board_id: Mapped[int | None] = mapped_column(ForeignKey("boards.id", ondelete="SET NULL"))
    source: Mapped[ActionSource] = mapped_column(default=ActionSource.IMPROVEMENT_PLAN)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    #: The measurable target or success measure the board will judge the action by.
    target: Mapped[str] = mapped_column(Text, default="")
    #: Fixed once set (the service refuses changes); slippage goes in revised_due.
    original_due: Mapped[date | None]
    revised_due: Mapped[date | None]
    revised_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ActionStatus] = mapped_column(default=ActionStatus.OPEN, index=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    raised_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    superseded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL")
    )

    priority_area: Mapped[PriorityArea | None] = relationship()
    board: Mapped[Board | None] = relationship()
    owner: Mapped[Person] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()
    partners: Mapped[list[Organisation]] = relationship(
        secondary=action_partners, order_by=Organisation.name
    )
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="(ActionUpdate.on, ActionUpdate.id)",
    )
    files: Mapped[list[ActionFile]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionFile.id"
    )


class ActionUpdate(Audited, IdMixin, Base):
    """One update per meeting cycle: added, never overwritten."""

    __tablename__ = "action_updates"
    __table_args__ = (Index("ix_action_updates_action_on", "action_id", "on"),)

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    on: Mapped[date]
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[Brag | None]
    impact: Mapped[Brag | None]
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    action: Mapped[Action] = relationship(back_populates="updates")
    meeting: Mapped[Meeting | None] = relationship()


class ActionFile(Audited, IdMixin, Base):
    """A file attached as evidence of impact (to the action, or to one of its updates)."""

    __tablename__ = "action_files"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_updates.id", ondelete="SET NULL")
    )
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id", ondelete="RESTRICT"))
    original_name: Mapped[str] = mapped_column(String(500), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    action: Mapped[Action] = relationship(back_populates="files")
    file: Mapped[StoredFile] = relationship()
