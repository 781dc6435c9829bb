"""Attached files kept inside the database, so they travel with it and are never lost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from sendboard.store.base import Base, IdMixin, utcnow


class StoredFile(IdMixin, Base):
    """Content-addressed: the same bytes attached twice are stored once."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
