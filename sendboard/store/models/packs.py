"""Issued meeting packs: what was sent, when, and a fingerprint to prove which file it was."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.store.base import Audited, Base, IdMixin, utcnow
from sendboard.store.models.files import StoredFile
from sendboard.store.models.meetings import Meeting


class PackBuild(Audited, IdMixin, Base):
    __tablename__ = "pack_builds"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    built_at: Mapped[datetime] = mapped_column(default=utcnow)
    public: Mapped[bool] = mapped_column(default=False)
    supplement: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    pages: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(1000))
    #: The issued bytes, kept so the exact pack can be produced again if the file is moved.
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship()
    file: Mapped[StoredFile | None] = relationship()
