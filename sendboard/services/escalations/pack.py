"""What a board's pack carries under "Priority area updates": its sub-groups' latest highlight
reports since the board last met, and the escalations to it awaiting its response."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.escalations import AreaFigures
from sendboard.outputs.pack.content import EscalationNote, HighlightSummary, PriorityProgress
from sendboard.services.common.cycles import previous_meeting_start
from sendboard.services.escalations.views import EscalationView, for_meeting
from sendboard.store.models import Board, HighlightReport, Meeting, PriorityArea


def latest_reports(
    session: Session, meeting: Meeting, since: datetime | None
) -> tuple[HighlightSummary, ...]:
    """The newest report per sub-group and area from sub-group meetings held after the board's
    previous meeting (`since`) and by this one's start."""
    children = select(Board.id).where(Board.parent_id == meeting.board_id)
    query = (
        select(HighlightReport)
        .join(Meeting, HighlightReport.meeting_id == Meeting.id)
        .where(Meeting.board_id.in_(children), Meeting.starts_at <= meeting.starts_at)
        .options(
            selectinload(HighlightReport.meeting).selectinload(Meeting.board),
            selectinload(HighlightReport.priority_area).selectinload(PriorityArea.lead),
        )
        .order_by(Meeting.starts_at.desc(), HighlightReport.id)
    )
    if since is not None:
        query = query.where(Meeting.starts_at > since)
    seen: set[tuple[int, int]] = set()
    found = []
    for report in session.scalars(query):
        key = (report.meeting.board_id, report.priority_area_id)
        if key in seen:
            continue
        seen.add(key)
        area = report.priority_area
        found.append(
            HighlightSummary(
                board=report.meeting.board.name,
                area=f"{area.code} {area.title}",
                lead=area.lead.name if area.lead else "",
                meeting_day=report.meeting.starts_at.date(),
                figures=AreaFigures.from_json(report.figures),
                narrative=report.narrative,
            )
        )
    found.sort(key=lambda r: (r.area, r.board))
    return tuple(found)


def note(view: EscalationView) -> EscalationNote:
    return EscalationNote(
        kind=view.kind.label,
        subject=view.title,
        from_board=view.from_board,
        raised_on=view.raised_on,
        age=view.age,
        reason=view.reason,
        ask=view.ask,
    )


def with_reporting_up(
    session: Session, meeting: Meeting, progress: PriorityProgress
) -> PriorityProgress:
    since = previous_meeting_start(session, meeting)
    return replace(
        progress,
        reports=latest_reports(session, meeting, since),
        escalations=tuple(note(v) for v in for_meeting(session, meeting)),
        since=since.date() if since else None,
    )
