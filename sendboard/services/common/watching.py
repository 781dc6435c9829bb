"""Changes made by others: a counter the window polls, and the areas changed since.

Every change to the database is written to the audit trail, whose ids only grow; the newest id
is a change counter that costs one indexed look-up to read. The window polls it every few
seconds and refreshes the pages whose areas someone else changed, without a restart.
"""

from __future__ import annotations

from sqlalchemy import func, select

from sendboard.services.common.changes import Area, Changes
from sendboard.store.database import Database
from sendboard.store.models import AuditEntry

A = Area
#: Which pages each kind of record shows on; a kind not listed refreshes every page.
AREAS: dict[str, tuple[Area, ...]] = {
    "Organisation": (A.PEOPLE,),
    "Person": (A.PEOPLE, A.BOARDS),
    "Board": (A.BOARDS, A.MEETINGS),
    "BoardRequiredRole": (A.BOARDS,),
    "Membership": (A.BOARDS, A.PEOPLE),
    "PriorityArea": (A.BOARDS, A.ACTIONS, A.RISKS, A.MEASURES),
    "MeetingSeries": (A.MEETINGS,),
    "AgendaTemplateItem": (A.MEETINGS,),
    "Meeting": (A.MEETINGS,),
    "AgendaItem": (A.MEETINGS,),
    "Paper": (A.MEETINGS, A.PACKS),
    "Invitation": (A.MEETINGS,),
    "HandOff": (A.MEETINGS,),
    "PackBuild": (A.PACKS,),
    "Action": (A.ACTIONS,),
    "ActionUpdate": (A.ACTIONS,),
    "ActionFile": (A.ACTIONS,),
    "Risk": (A.RISKS,),
    "RiskAction": (A.RISKS, A.ACTIONS),
    "RiskReview": (A.RISKS,),
    "RiskAppetite": (A.RISKS,),
    "Measure": (A.MEASURES,),
    "MeasureTarget": (A.MEASURES,),
    "MeasureValue": (A.MEASURES,),
    "ActionMilestone": (A.MEASURES, A.ACTIONS),
    "Setting": (A.SETTINGS,),
}


def change_counter(db: Database) -> int:
    """The newest change's number (0 for a database never changed)."""
    with db.read() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0


def changes_since(db: Database, counter: int) -> tuple[int, Changes]:
    """The counter now, and the areas changed after `counter` (by anyone)."""
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.entity, func.max(AuditEntry.id))
            .where(AuditEntry.id > counter)
            .group_by(AuditEntry.entity)
        ).all()
    areas: set[Area] = set()
    newest = counter
    for entity, last in rows:
        areas.update(AREAS.get(entity, tuple(Area)))
        newest = max(newest, last)
    return newest, Changes(frozenset(areas))
