"""The audit trail: who changed what, when, from which value to which."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sendboard.store.base import Base, IdMixin, utcnow


class AuditEntry(IdMixin, Base):
    __tablename__ = "audit_entries"

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    os_user: Mapped[str] = mapped_column(String(128))
    entity: Mapped[str] = mapped_column(String(64), index=True)
    entity_id: Mapped[int | None] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(16))
    #: JSON object {field: [old, new]}; for deletes the last values, for inserts the first.
    changes: Mapped[str] = mapped_column(Text, default="{}")
