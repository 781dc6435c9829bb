"""Taking in the log a secretary already keeps in a spreadsheet: preview first, then all or none.

Each row is checked first (actions_import_rows.py): rows whose reference is already in the log
update that action and add its update unless the history holds it already. Owners, partners,
priority areas and boards must already exist: an unknown name is an error naming the row (with a
suggestion), never a silently invented record. Each update added records the meeting it is for,
by the same rule as an update typed in (actions_updates.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.wording import counted
from sendboard.errors import ImportRejected
from sendboard.outputs.sheets import Sheet, read_sheet
from sendboard.progress import CancelToken, Progress, no_progress
from sendboard.services.actions.export import EXPORT_HEADINGS, export_actions
from sendboard.services.actions.headings import IMPORT_ALIASES
from sendboard.services.actions.import_rows import REQUIRED, RowPlan, plan_rows
from sendboard.services.actions.updates import NextMeetings
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview
from sendboard.store.bulk import BulkInsert
from sendboard.store.database import Database
from sendboard.store.models import Action, ActionUpdate, Organisation
from sendboard.store.models.actions import action_partners

__all__ = [
    "EXPORT_HEADINGS",
    "IMPORT_ALIASES",
    "export_actions",
    "import_actions",
    "preview_import",
]


def _preview(source: str, sheet: Sheet, plans: list[RowPlan]) -> ImportPreview:
    unmapped = tuple(sheet.unmapped)
    derived = sheet.present(IMPORT_ALIASES["ignored"])
    return ImportPreview(source, tuple(p.finding for p in plans), unmapped, derived)


def _read(path: Path) -> Sheet:
    return read_sheet(Path(path), IMPORT_ALIASES, REQUIRED)


def preview_import(db: Database, path: Path, *, today: date | None = None) -> ImportPreview:
    """What an import of this file would do, row by row; nothing is written."""
    sheet = _read(path)
    with db.read() as session:
        plans = plan_rows(session, sheet, Path(path).name, today or clock.today())
    return _preview(Path(path).name, sheet, plans)


def import_actions(
    db: Database,
    path: Path,
    *,
    today: date | None = None,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
) -> Outcome[ImportPreview]:
    """Import every row, or none: any error leaves the database exactly as it was."""
    path = Path(path)
    sheet = _read(path)
    today = today or clock.today()
    with db.write() as session:
        plans = plan_rows(session, sheet, path.name, today)
        preview = _preview(path.name, sheet, plans)
        if not preview.ok:
            raise ImportRejected(
                "Nothing was imported; correct these rows and try again.\n" + preview.report(),
                preview,
            )
        _write(session, plans, progress, token)
    return outcome(preview, Area.ACTIONS)


def _write(
    session: Session, plans: list[RowPlan], progress: Progress, token: CancelToken | None
) -> None:
    """New actions and all update rows go in as plain rows (store/bulk.py, audited there);
    changed actions are few and go through the session, which audits each change."""
    total = len(plans)
    bulk = BulkInsert(session)
    fresh = [p for p in plans if p.existing_id is None]
    progress(0, total, f"Adding {counted(len(fresh), 'new action')}…")
    made = bulk.insert(Action, [{"reference": p.reference, **p.values} for p in fresh])
    ids = {id(plan): row["id"] for plan, row in zip(fresh, made, strict=True)}
    links = [
        {"action_id": ids[id(p)], "organisation_id": org}
        for p in fresh
        for org in p.partner_ids or ()
    ]
    if links:
        session.execute(insert(action_partners), links)
    updates = [p for p in plans if p.update is not None and (p.existing_id is None or p.changed)]
    meeting_for = NextMeetings(session, (p.board_id for p in updates))
    update_rows = bulk.insert(
        ActionUpdate,
        [
            {
                "action_id": ids.get(id(p), p.existing_id),
                "meeting_id": meeting_for(p.board_id, p.update["on"]),  # type: ignore[index]
                **p.update,  # type: ignore[dict-item]
            }
            for p in updates
        ],
    )
    # audit entries in row order, each action before its update, as a flush would write them
    update_of = {id(plan): row for plan, row in zip(updates, update_rows, strict=True)}
    action_of = {id(plan): row for plan, row in zip(fresh, made, strict=True)}
    for plan in plans:
        if id(plan) in action_of:
            bulk.audit(Action, action_of[id(plan)])
        if id(plan) in update_of:
            bulk.audit(ActionUpdate, update_of[id(plan)])
    bulk.finish()
    if token is not None:
        token.raise_if_cancelled()
    progress(len(fresh), total, f"Checking {counted(total - len(fresh), 'existing action')}…")
    organisations = {o.id: o for o in session.scalars(select(Organisation))}
    existing_ids = [p.existing_id for p in plans if p.existing_id is not None and p.changed]
    existing: dict[int, Action] = {}
    for start in range(0, len(existing_ids), 500):
        chunk = existing_ids[start : start + 500]
        query = select(Action).where(Action.id.in_(chunk)).options(selectinload(Action.partners))
        existing.update({a.id: a for a in session.scalars(query)})
    for done, plan in enumerate(plans):
        if done % 250 == 0 and token is not None:
            token.raise_if_cancelled()
        if plan.existing_id is None or not plan.changed:
            continue
        action = existing[plan.existing_id]
        for name, value in plan.values.items():
            setattr(action, name, value)
        if plan.partner_ids is not None:
            action.partners = [organisations[i] for i in plan.partner_ids]
    progress(total, total, "Saving…")
    session.flush()
