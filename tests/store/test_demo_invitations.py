"""The demo step: past meetings sent, answered and attended; upcoming ones partly answered."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import func, select

from sendboard.demo import DemoContext, _steps
from sendboard.demo import invitations as demo_invitations
from sendboard.domain.invitations import Attendance, Response
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import invitations
from sendboard.store.models import Board, HandOff, Invitation, Meeting


def test_step_follows_meetings_and_does_nothing_without_them(db: Database) -> None:
    labels = [label for label, _ in _steps()]
    assert labels.index("invitations and attendance") > labels.index("meetings and agendas")
    with db.write() as session:
        demo_invitations.build(DemoContext(session, "small", random.Random(1), made={}))
        assert session.scalar(select(func.count()).select_from(Invitation)) == 0
        assert session.scalar(select(func.count()).select_from(HandOff)) == 0


def test_step_sends_past_and_upcoming_meetings(demo_db: Database) -> None:
    today = datetime.now().replace(hour=14, minute=0, second=0, microsecond=0)
    with demo_db.write() as session:
        board = session.scalar(select(Board).where(Board.name == "SEND Improvement Board"))
        meetings = [
            Meeting(
                board=board,
                title=board.name,
                starts_at=today + timedelta(days=28 * step),
                ends_at=today + timedelta(days=28 * step, hours=2),
                status=MeetingStatus.HELD if step < 0 else MeetingStatus.PLANNED,
            )
            for step in (-3, -2, -1, 1, 2, 3)
        ]
        session.add_all(meetings)
        session.flush()
        context = DemoContext(session, "small", random.Random(1), made={})
        context.made["meetings"] = meetings
        context.made["extra_people"] = []
        demo_invitations.build(context)
        ids = [m.id for m in meetings]
    with demo_db.read() as session:
        sent = {m: session.scalar(select(func.count()).where(HandOff.meeting_id == m)) for m in ids}
        assert [sent[m] for m in ids] == [1, 1, 1, 1, 1, 0]
        listed = session.scalar(select(func.count()).where(Invitation.meeting_id == ids[-1]))
        assert listed > 0
    for past in ids[:3]:
        rows = invitations.list_invitations(demo_db, past)
        assert all(r.invited_at is not None for r in rows if r.name != "Jack Lindqvist")
        assert any(r.attendance == Attendance.PRESENT for r in rows)
        assert invitations.quorum_status(demo_db, past).counted > 0
    upcoming = invitations.list_invitations(demo_db, ids[3])
    assert all(r.attendance is None for r in upcoming)
    assert {r.response for r in upcoming} - {Response.NO_REPLY}
