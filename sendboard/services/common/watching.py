"""Changes made by others: a counter the window polls, and the areas changed since.

Every change to the database is written to the audit trail, whose ids only grow; the newest id
is a change counter that costs one indexed look-up to read. The window polls it every few
seconds and refreshes the pages whose areas someone else changed, without a restart.

The minutes text is the exception: it is saved every few seconds while someone types and is
not evidence, so it has no audit entries (store/models/minutes.py). Each save of a section
numbers itself instead (`MinuteSection.stamp`, one more than the highest), and the counter
carries the highest number as well: a second indexed look-up. Only a colleague's typing
refreshes the Minutes page; the window's own autosaves move the counter silently.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select

from sendboard.services.common.changes import Area, Changes
from sendboard.store.database import Database
from sendboard.store.models import AuditEntry, MinuteSection


class Counter(NamedTuple):
    """Where the database's changes stand: the newest audit entry and minutes text save."""

    audit: int
    drafts: int


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


def change_counter(db: Database) -> Counter:
    """Where the changes stand now (zeros for a database never changed)."""
    with db.read() as session:
        return Counter(
            session.scalar(select(func.max(AuditEntry.id))) or 0,
            session.scalar(select(func.max(MinuteSection.stamp))) or 0,
        )


def changes_since(db: Database, counter: Counter) -> tuple[Counter, Changes]:
    """The counter now, and the areas changed after `counter` (by anyone; the minutes text
    by someone else)."""
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.entity, func.max(AuditEntry.id))
            .where(AuditEntry.id > counter.audit)
            .group_by(AuditEntry.entity)
        ).all()
        drafts = session.scalar(select(func.max(MinuteSection.stamp))) or 0
        typed_by_others = drafts != counter.drafts and session.scalar(
            select(MinuteSection.id)
            .where(MinuteSection.stamp > counter.drafts, MinuteSection.saved_by != db.user)
            .limit(1)
        )
    areas: set[Area] = set()
    newest = counter.audit
    for entity, last in rows:
        areas.update(AREAS.get(entity, tuple(Area)))
        newest = max(newest, last)
    if typed_by_others:
        areas.add(Area.MINUTES)
    return Counter(newest, drafts), Changes(frozenset(areas))
