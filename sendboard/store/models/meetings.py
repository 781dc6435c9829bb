"""Meetings of a board, their agenda items and the papers attached to them.

Meeting times are London wall-clock times (naive): a board agrees to meet "at 14:00", whatever the
offset from UTC that day; calendar files carry TZID=Europe/London.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.meetings import MeetingKind, MeetingStatus, Purpose, StandingItem
from sendboard.domain.schedules import HolidayRule
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.boards import Board
from sendboard.store.models.files import StoredFile


def new_uid() -> str:
    return f"{uuid.uuid4()}@sendboard"


class MeetingSeries(Versioned, Audited, IdMixin, Base):
    """A board's agreed timetable over a period, and what happens when a date is a holiday."""

    __tablename__ = "meeting_series"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    #: The cadence in its canonical words, e.g. "Monthly, second Wednesday, 14:00–16:00".
    cadence: Mapped[str]
    holiday_rule: Mapped[HolidayRule] = mapped_column(default=HolidayRule.MOVE)
    first_date: Mapped[date]
    last_date: Mapped[date]
    venue: Mapped[str] = mapped_column(default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    board: Mapped[Board] = relationship()


class AgendaTemplateItem(Versioned, Audited, IdMixin, Base):
    """A board's own standing items; a board without any uses the default list."""

    __tablename__ = "agenda_template_items"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(500))
    lead: Mapped[str] = mapped_column(default="")
    purpose: Mapped[Purpose] = mapped_column(default=Purpose.DISCUSSION)
    minutes: Mapped[int] = mapped_column(default=10)
    standing: Mapped[StandingItem | None]


class Meeting(Versioned, Audited, IdMixin, Base):
    __tablename__ = "meetings"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    #: Why the meeting is not where its series' pattern put it, or why it is flagged.
    schedule_note: Mapped[str] = mapped_column(default="")
    title: Mapped[str] = mapped_column(default="")
    kind: Mapped[MeetingKind] = mapped_column(default=MeetingKind.ORDINARY)
    status: Mapped[MeetingStatus] = mapped_column(default=MeetingStatus.PLANNED)
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    venue: Mapped[str] = mapped_column(default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    #: iCalendar identity: the UID never changes; SEQUENCE rises with each material change.
    uid: Mapped[str] = mapped_column(String(100), unique=True, default=new_uid)
    sequence: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    board: Mapped[Board] = relationship()
    series: Mapped[MeetingSeries | None] = relationship()
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class AgendaItem(Versioned, Audited, IdMixin, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(500))
    lead: Mapped[str] = mapped_column(default="")
    purpose: Mapped[Purpose] = mapped_column(default=Purpose.DISCUSSION)
    minutes: Mapped[int] = mapped_column(default=10)
    exempt: Mapped[bool] = mapped_column(default=False)
    standing: Mapped[StandingItem | None]

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    papers: Mapped[list[Paper]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Paper.id"
    )


class Paper(Audited, IdMixin, Base):
    """A version of a paper for an agenda item; the PDF itself is a StoredFile."""

    __tablename__ = "papers"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(default=1)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id", ondelete="RESTRICT"))
    original_name: Mapped[str] = mapped_column(String(500), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Added after the pack was issued, so it belongs in a supplement.
    late: Mapped[bool] = mapped_column(default=False)

    item: Mapped[AgendaItem] = relationship(back_populates="papers")
    file: Mapped[StoredFile] = relationship()
