"""The pack's live-data sections, read through each area's own services.

Each section comes from its area's services (the action log's highlight rules, …), so the pack
shows exactly what the app's own pages show.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sendboard.domain.actions import ActionStatus, reference_key
from sendboard.domain.brag import Brag
from sendboard.outputs.pack.content import (
    ActionLog,
    ActionRow,
    AreaProgress,
    PartnerNote,
    PriorityProgress,
)
from sendboard.services import actions
from sendboard.services.boards import priority_areas
from sendboard.store.database import Database

#: Complete actions still show (Blue) until the board closes them.
SHOWN = (ActionStatus.OPEN, ActionStatus.COMPLETE)


def action_log(db: Database, today: date | None = None) -> ActionLog:
    areas = {a.id: a for a in priority_areas.list_priority_areas(db)}
    rows = []
    for view in actions.list_actions(db, today=today):
        if view.status not in SHOWN:
            continue
        area = areas.get(view.priority_area_id or -1)
        progress = Brag.BLUE if view.status is ActionStatus.COMPLETE else view.progress
        rows.append(
            ActionRow(
                reference=view.reference,
                title=view.title,
                owner=view.owner_name,
                organisation=view.owner_organisation,
                area_code=view.priority_area_code,
                area_title=area.title if area else "",
                target=view.target,
                original_due=view.original_due,
                revised_due=view.revised_due,
                progress=progress,
                impact=view.impact,
                update=view.last_update,
                highlights=view.highlights,
            )
        )
    rows.sort(key=lambda r: reference_key(r.reference))
    partners = tuple(
        PartnerNote(p.organisation, p.reason)
        for p in actions.list_partner_highlights(db, today=today)
    )
    return ActionLog(tuple(rows), partners)


def priority_progress(log: ActionLog, db: Database) -> PriorityProgress:
    counts: dict[str, dict[Brag | None, int]] = defaultdict(lambda: defaultdict(int))
    for row in log.rows:
        counts[row.area_code][row.progress] += 1
    return PriorityProgress(
        tuple(
            AreaProgress(
                code=area.code,
                title=area.title,
                lead=area.lead_name,
                counts=dict(counts.get(area.code, {})),
            )
            for area in sorted(priority_areas.list_priority_areas(db), key=lambda a: a.code)
        )
    )
