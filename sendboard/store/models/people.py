"""Organisations and the people the secretary invites."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.governance import StatutoryRole
from sendboard.store.base import Audited, Base, IdMixin, Versioned

if TYPE_CHECKING:
    from sendboard.store.models.boards import Membership


class Organisation(Versioned, Audited, IdMixin, Base):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")

    people: Mapped[list[Person]] = relationship(back_populates="organisation")


class Person(Versioned, Audited, IdMixin, Base):
    __tablename__ = "people"

    name: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    statutory_role: Mapped[StatutoryRole | None]

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
