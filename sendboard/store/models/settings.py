"""Settings shared by everyone using this database (the secretary's details, templates)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sendboard.store.base import Audited, Base, Versioned


class Setting(Versioned, Audited, Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
