"""Actions in the action and impact log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.store.base import Audited, Base, IdMixin
from sendboard.store.models.boards import Board, PriorityArea
from sendboard.store.models.people import Person


class Action(Audited, IdMixin, Base):
    __tablename__ = "actions"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text)
    priority_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="SET NULL"), index=True
    )
    board_id: Mapped[int | None] = mapped_column(ForeignKey("boards.id", ondelete="SET NULL"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    original_due: Mapped[date | None]
    revised_due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")

    priority_area: Mapped[PriorityArea | None] = relationship()
    board: Mapped[Board | None] = relationship()
    owner: Mapped[Person] = relationship()
