"""A sub-group under the delivery group, its held meeting, and the delivery group's meetings
before and after it: the ground the escalation tests stand on (the clock is PINNED_DAY)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.common.workspace import Database
from sendboard.services.meetings.agenda import add_standing_items
from sendboard.store.models import Action, ActionUpdate, Board, PriorityArea
from tests.store.risk_fixtures import Basics, basics, meeting


@dataclass(frozen=True)
class Ground:
    b: Basics
    sub_group_id: int
    sub_meeting_id: int  # held 10/11/2026
    delivery_before_id: int  # held 20/10/2026
    delivery_next_id: int  # planned 08/12/2026, with the standing agenda
    board_next_id: int  # the Improvement Board, planned 15/12/2026


def ground(db: Database) -> Ground:
    b = basics(db)
    with db.write() as session:
        name = "Sub-group 5: EHC plans"
        sub = Board(name=name, kind=BoardKind.SUB_GROUP, parent_id=b.delivery_id)
        session.add(sub)
        session.flush()
        area = session.get(PriorityArea, b.area_id)
        area.sub_group_id = sub.id  # type: ignore[union-attr]
        for n, action_id in enumerate(b.action_ids):
            action = session.get(Action, action_id)
            action.priority_area_id = b.area_id  # type: ignore[union-attr]
            rating = ("R", "G", "A")[n]
            session.add(ActionUpdate(action_id=action_id, on=date(2026, 11, 3), progress=rating))
        sub_id = sub.id
    sub_meeting = meeting(db, sub_id, date(2026, 11, 10))
    before = meeting(db, b.delivery_id, date(2026, 10, 20))
    after = meeting(db, b.delivery_id, date(2026, 12, 8), MeetingStatus.PLANNED)
    board_next = meeting(db, b.board_id, date(2026, 12, 15), MeetingStatus.PLANNED)
    for meeting_id in (after, board_next):
        add_standing_items(db, meeting_id)
    return Ground(b, sub_id, sub_meeting, before, after, board_next)
