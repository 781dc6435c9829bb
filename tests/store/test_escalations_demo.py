"""The demo reports up: a highlight report for every held sub-group meeting and priority area,
and exactly two open escalations to the Delivery Group, on its next agenda."""

from __future__ import annotations

from sqlalchemy import func, select

from sendboard.domain.escalations import EscalationKind
from sendboard.domain.meetings import MeetingStatus, StandingItem
from sendboard.services import escalations
from sendboard.services.common.workspace import Database
from sendboard.services.meetings.agenda import get_agenda
from sendboard.store.models import Board, HighlightReport, Meeting, PriorityArea


def test_the_demo_has_reports_for_held_meetings_and_two_open_escalations(
    demo_db: Database,
) -> None:
    with demo_db.read() as session:
        held = session.scalar(
            select(func.count(Meeting.id))
            .join(PriorityArea, PriorityArea.sub_group_id == Meeting.board_id)
            .where(Meeting.status == MeetingStatus.HELD)
        )
        reports = session.scalar(select(func.count(HighlightReport.id)))
        delivery = session.scalar(select(Board).where(Board.name == "SEND Delivery Group"))
        assert delivery is not None
        upcoming = session.scalar(
            select(Meeting.id)
            .where(
                Meeting.board_id == delivery.id,
                Meeting.status.in_((MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)),
            )
            .order_by(Meeting.starts_at)
            .limit(1)
        )
    assert held and reports == held
    open_ = escalations.list_escalations(demo_db)
    assert sorted(e.kind for e in open_) == [EscalationKind.ACTION, EscalationKind.ISSUE]
    assert {e.to_board for e in open_} == {"SEND Delivery Group"}
    assert all(e.reason and e.ask for e in open_)
    answered = [e for e in escalations.escalation_history(demo_db) if not e.open]
    assert len(answered) == 1 and answered[0].response
    [item] = [
        i
        for i in get_agenda(demo_db, upcoming).items
        if i.standing is StandingItem.PRIORITY_UPDATES
    ]
    assert len(item.notes) == 2
    # Home's line for the board points at that same meeting.
    [waiting] = escalations.awaiting_response(demo_db)
    assert (waiting.board, waiting.count, waiting.next_meeting_id) == (
        "SEND Delivery Group",
        2,
        upcoming,
    )
    assert waiting.oldest_days == max(e.age_days or 0 for e in open_)
    # Each report's figures add up: every action on the log counted once.
    area = escalations.meeting_reports(demo_db, open_[0].raised_meeting_id).areas[0]
    assert area.figures.total > 0 and area.narrative
