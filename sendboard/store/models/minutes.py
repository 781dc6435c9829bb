"""Minutes of a meeting: the text per agenda item, decisions, declarations, errata, and the
register of interests the declarations are offered from.

Actions arising are not stored here: they are actions in the log whose source is the meeting
and item (`Action.meeting_id`, `Action.agenda_item_id`), so nothing is typed twice.

Section text is saved every few seconds while the secretary types, so sections are not in the
audit trail (it would hold thousands of copies of each draft); what is evidence is: each step of
the workflow, every decision and declaration, and each erratum to approved minutes. Approved
minutes are never changed again; the services refuse it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.minutes import MinutesStatus
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.meetings import AgendaItem, Meeting
from sendboard.store.models.people import Person


class Minutes(Audited, IdMixin, Base):
    __tablename__ = "minutes"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[MinutesStatus] = mapped_column(default=MinutesStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: When approved: the day, the meeting and its "minutes of the previous meeting" item.
    approved_on: Mapped[date | None]
    approved_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    approved_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    #: The amendments the meeting agreed when approving them ("" when agreed as a true record).
    amendments: Mapped[str] = mapped_column(Text, default="")
    #: Attendance and quorum as they stood when approved, so the locked record cannot drift.
    attendance_record: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])
    approved_at_meeting: Mapped[Meeting | None] = relationship(
        foreign_keys=[approved_at_meeting_id]
    )
    sections: Mapped[list[MinuteSection]] = relationship(
        back_populates="minutes", cascade="all, delete-orphan"
    )


class MinuteSection(Versioned, IdMixin, Base):
    """The minute of one agenda item; the one without an item is the "matters arising".

    Not audited (see above), so a section says itself who saved it last and when (the message
    when a colleague's save is refused names them), and `stamp` numbers the saves of every
    section in the database: the window polls its highest value to see a colleague's typing.
    """

    __tablename__ = "minute_sections"
    __table_args__ = (UniqueConstraint("minutes_id", "agenda_item_id"),)

    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    stamp: Mapped[int] = mapped_column(default=0, server_default=sql_text("0"), index=True)

    minutes: Mapped[Minutes] = relationship(back_populates="sections")


class Decision(Versioned, Audited, IdMixin, Base):
    """A resolution, numbered per board and year: IB/2027/14."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("board_id", "year", "number"),)

    minutes_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    number: Mapped[int]
    reference: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    minutes: Mapped[Minutes] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()


class Interest(Versioned, Audited, IdMixin, Base):
    """An entry in the register of interests."""

    __tablename__ = "interests"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    interest: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(default="")
    from_date: Mapped[date | None]
    to_date: Mapped[date | None]
    reviewed_on: Mapped[date | None]

    person: Mapped[Person] = relationship()


class Declaration(Audited, IdMixin, Base):
    """An interest declared at a meeting, on an item (or on the meeting's business generally)."""

    __tablename__ = "declarations"

    minutes_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    name: Mapped[str]
    interest_id: Mapped[int | None] = mapped_column(ForeignKey("interests.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    #: What the person did: "took no part in the decision", "left the room"…
    participation: Mapped[str] = mapped_column(default="")

    agenda_item: Mapped[AgendaItem | None] = relationship()


class MinutesErratum(Audited, IdMixin, Base):
    """A correction to approved minutes, printed beside the text it corrects."""

    __tablename__ = "minutes_errata"

    minutes_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(128), default="")
