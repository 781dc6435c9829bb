"""Meetings of a board."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.store.base import Audited, Base, IdMixin
from sendboard.store.models.boards import Board


class Meeting(Audited, IdMixin, Base):
    __tablename__ = "meetings"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(default="")
    kind: Mapped[str] = mapped_column(String(32), default="ordinary")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(default="")

    board: Mapped[Board] = relationship()
