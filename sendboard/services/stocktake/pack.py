"""The self-assessment in a DfE stocktake's pack: the section's data, and its agenda item when
the meeting's agenda has none (so a stocktake pack is never just an empty agenda)."""

from __future__ import annotations

from sendboard.domain.meetings import StandingItem
from sendboard.outputs.pack.content import PackItem
from sendboard.outputs.stocktake.content import SelfAssessment
from sendboard.store.database import Database

ITEM_TITLE = "The council's self-assessment and evidence"


def with_self_assessment(items: tuple[PackItem, ...]) -> tuple[PackItem, ...]:
    if any(i.standing is StandingItem.SELF_ASSESSMENT for i in items):
        return items
    number = str(len(items) + 1)
    added = PackItem(
        number=number,
        title=ITEM_TITLE,
        purpose="Assurance",
        standing=StandingItem.SELF_ASSESSMENT,
    )
    return (*items, added)


def self_assessment(db: Database, meeting_id: int) -> SelfAssessment:
    from sendboard.services.stocktake.assessment import draft_assessment

    return draft_assessment(db, meeting_id)
