"""Reporting up: highlight reports of sub-group meetings and escalations to the board above.

An escalation stays open until the board it went to records its response (`responded_on`);
the row is kept after that, with the response, so the record of what was asked and answered is
never lost. A risk escalated from the register has a row here too, beside the risk's own status.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sendboard.domain.escalations import EscalationKind
from sendboard.store.base import Audited, Base, IdMixin, Versioned, utcnow
from sendboard.store.models.actions import Action
from sendboard.store.models.boards import Board, PriorityArea
from sendboard.store.models.meetings import Meeting
from sendboard.store.models.risks import Risk


class HighlightReport(Versioned, Audited, IdMixin, Base):
    """A priority area's highlight report from one sub-group meeting: the lead's narrative and
    the area's figures as they stood then (`figures`, see domain.escalations.AreaFigures)."""

    __tablename__ = "highlight_reports"
    __table_args__ = (UniqueConstraint("meeting_id", "priority_area_id"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    priority_area_id: Mapped[int] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="CASCADE"), index=True
    )
    narrative: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The day the figures were read as at (the meeting's day).
    figures_on: Mapped[date]
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    priority_area: Mapped[PriorityArea] = relationship()


class Escalation(Versioned, Audited, IdMixin, Base):
    __tablename__ = "escalations"

    kind: Mapped[EscalationKind]
    #: What is escalated, as it read when raised ("P5.03 Clear the backlog", or the issue).
    title: Mapped[str] = mapped_column(String(500))
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True
    )
    risk_id: Mapped[int | None] = mapped_column(
        ForeignKey("risks.id", ondelete="SET NULL"), index=True
    )
    priority_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("priority_areas.id", ondelete="SET NULL")
    )
    from_board_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="SET NULL"), index=True
    )
    to_board_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="SET NULL"), index=True
    )
    #: The meeting it was raised at (a sub-group's), and the highlight report that carried it.
    raised_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("highlight_reports.id", ondelete="SET NULL"), index=True
    )
    raised_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    ask: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str] = mapped_column(Text, default="")
    responded_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    #: Set when the board above recorded its response: the escalation is then closed.
    responded_on: Mapped[date | None] = mapped_column(index=True)
    #: The escalation this one carries onward (the same item, escalated again by that board).
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("escalations.id", ondelete="SET NULL")
    )

    action: Mapped[Action | None] = relationship()
    risk: Mapped[Risk | None] = relationship()
    priority_area: Mapped[PriorityArea | None] = relationship()
    from_board: Mapped[Board | None] = relationship(foreign_keys=[from_board_id])
    to_board: Mapped[Board | None] = relationship(foreign_keys=[to_board_id])
    raised_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[raised_meeting_id])
    responded_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[responded_meeting_id])
    report: Mapped[HighlightReport | None] = relationship()
