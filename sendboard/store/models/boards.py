"""The governance tiers: boards, who sits on them, and the priority areas they oversee."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.governance import BoardKind, MemberRole, StatutoryRole
from sendboard.store.base import Audited, Base, IdMixin, Versioned

if TYPE_CHECKING:
    from sendboard.store.models.people import Person


class Board(Versioned, Audited, IdMixin, Base):
    __tablename__ = "boards"

    name: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[BoardKind]
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="RESTRICT"), index=True
    )
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    quorum: Mapped[int] = mapped_column(default=0)
    papers_deadline_days: Mapped[int] = mapped_column(default=7)
    cadence: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(Text, default="")

    parent: Mapped[Board | None] = relationship(remote_side="Board.id", back_populates="children")
    children: Mapped[list[Board]] = relationship(back_populates="parent")
    chair: Mapped[Person | None] = relationship()
    required_roles: Mapped[list[BoardRequiredRole]] = relationship(
        back_populates="board", cascade="all, delete-orphan"
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="board", cascade="all, delete-orphan"
    )


class BoardRequiredRole(Audited, IdMixin, Base):
    """A statutory role that must be invited to every meeting of the board."""

    __tablename__ = "board_required_roles"
    __table_args__ = (UniqueConstraint("board_id", "role"),)

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"))
    role: Mapped[StatutoryRole]

    board: Mapped[Board] = relationship(back_populates="required_roles")


class Membership(Versioned, Audited, IdMixin, Base):
    __tablename__ = "memberships"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(default=MemberRole.MEMBER)
    voting: Mapped[bool] = mapped_column(default=True)
    from_date: Mapped[date | None]
    to_date: Mapped[date | None]

    person: Mapped[Person] = relationship(back_populates="memberships")
    board: Mapped[Board] = relationship(back_populates="memberships")


class PriorityArea(Versioned, Audited, IdMixin, Base):
    __tablename__ = "priority_areas"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    responsible_bodies: Mapped[str] = mapped_column(default="")
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    sub_group_id: Mapped[int | None] = mapped_column(ForeignKey("boards.id", ondelete="SET NULL"))

    lead: Mapped[Person | None] = relationship()
    sub_group: Mapped[Board | None] = relationship()
