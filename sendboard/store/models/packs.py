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
    #: The pack's version; for a supplement, its number after the main pack (1, 2…).
    version: Mapped[int] = mapped_column(default=1)
    pages: Mapped[int]
    #: The printed number of its first page: a supplement numbers on from the pack it follows.
    first_page: Mapped[int] = mapped_column(default=1, server_default="1")
    #: The issued pack a supplement comes straight after (the main pack or the supplement before).
    follows_id: Mapped[int | None] = mapped_column(
        ForeignKey("pack_builds.id", ondelete="SET NULL")
    )
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(1000))
    #: The issued bytes, kept so the exact pack can be produced again if the file is moved.
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship()
    file: Mapped[StoredFile | None] = relationship()
    follows: Mapped[PackBuild | None] = relationship(remote_side="PackBuild.id")

    @property
    def last_page(self) -> int:
        return self.first_page + self.pages - 1
