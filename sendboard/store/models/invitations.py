"""Who was invited to each meeting, and the evidence of every invitation handed to a mail client.

Invitation rows snapshot name, email and statutory role at the time, so the record of who was
invited stays true after a person's details change.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.governance import StatutoryRole
from sendboard.domain.invitations import Attendance, InvitationKind, Response
from sendboard.store.base import Audited, Base, IdMixin, utcnow

if TYPE_CHECKING:
    from sendboard.store.models.meetings import Meeting
    from sendboard.store.models.people import Person


class Invitation(Audited, IdMixin, Base):
    __tablename__ = "invitations"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    #: None for an ad-hoc guest who is not in the contact list.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str]
    email: Mapped[str | None] = mapped_column(String(254))
    organisation: Mapped[str] = mapped_column(default="")
    kind: Mapped[InvitationKind] = mapped_column(default=InvitationKind.MEMBER)
    substitute_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    statutory_role: Mapped[StatutoryRole | None]
    #: Counts towards the quorum (a voting member, or a substitute for one).
    voting: Mapped[bool] = mapped_column(default=False)
    invited_at: Mapped[datetime | None]
    channel: Mapped[str] = mapped_column(String(100), default="")
    response: Mapped[Response] = mapped_column(default=Response.NO_REPLY)
    attendance: Mapped[Attendance | None]
    #: Taken off the list on purpose: kept so rebuilding the list does not add them back.
    removed_at: Mapped[datetime | None]

    meeting: Mapped[Meeting] = relationship()
    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    substitute_for: Mapped[Person | None] = relationship(foreign_keys=[substitute_for_id])


class HandOff(Audited, IdMixin, Base):
    """Evidence that an invitation (or cancellation) was handed to a mail client or written out."""

    __tablename__ = "hand_offs"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    channel: Mapped[str] = mapped_column(String(100))
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(String(1000))
    #: [{"name": ..., "sha256": ..., "size": ...}] of every file that went with the message.
    attachments: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    sequence: Mapped[int] = mapped_column(default=0)
    method: Mapped[str] = mapped_column(String(16), default="REQUEST")
    note: Mapped[str] = mapped_column(Text, default="")
