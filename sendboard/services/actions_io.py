"""Taking in the log a secretary already keeps in a spreadsheet: preview first, then all or none.

Rows whose reference is already in the log update that action, and add an update row when the
update text or a rating changed. Owners, partners, priority areas and boards must already exist:
an unknown name is an error naming the row (with a suggestion), never a silently invented record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.actions import ActionStatus, reference_prefix
from sendboard.domain.brag import Brag
from sendboard.errors import ImportRejected
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date, read_sheet
from sendboard.progress import CancelToken, Progress, no_progress
from sendboard.services.actions_export import EXPORT_HEADINGS, export_actions
from sendboard.services.actions_headings import IMPORT_ALIASES
from sendboard.services.actions_lookup import Lookup, load_lookup
from sendboard.services.changes import Area, Outcome, outcome
from sendboard.services.imports import ImportPreview, RowFinding, RowStatus
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

REQUIRED = ("title", ("owner", "owner_email"))
DATE_FIELDS = {
    "raised_on": "Date raised",
    "original_due": "Due date",
    "revised_due": "Revised due date",
    "closed_on": "Date closed",
    "update_on": "Update date",
}
#: Action fields an import may set, compared with the stored action to tell UPDATE from UNCHANGED.
ACTION_FIELDS = (
    "title", "description", "owner_id", "priority_area_id", "board_id", "target", "raised_on",
    "original_due", "revised_due", "revised_reason", "status", "evidence", "closed_on",
)  # fmt: skip


@dataclass
class RowPlan:
    row: SheetRow
    reference: str
    messages: list[str] = field(default_factory=list)
    existing_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    partner_ids: tuple[int, ...] | None = None
    update: dict[str, Any] | None = None
    changed: bool = False
    notes: list[str] = field(default_factory=list)  # shown with a sound row

    @property
    def finding(self) -> RowFinding:
        if self.messages:
            status = RowStatus.ERROR
        elif self.existing_id is None:
            status = RowStatus.NEW
        else:
            status = RowStatus.UPDATE if self.changed else RowStatus.UNCHANGED
        title = str(self.row.values.get("title") or "")[:40]
        messages = tuple(self.messages) if self.messages else tuple(self.notes)
        return RowFinding(self.row.number, self.reference or title, status, messages)


def parse_brag(text: str) -> Brag | None:
    """A rating as logs write it: 'R', 'Red', and also 'R Red', 'R - Red' or 'Red (R)'."""
    try:
        return Brag.parse(text)
    except ValueError:
        words = {w for w in re.split(r"[^A-Za-z]+", text) if w}
        found = {Brag.parse(w) for w in words if _is_brag(w)}
        if len(found) == 1 and all(_is_brag(w) for w in words):
            return found.pop()
        raise


def _is_brag(word: str) -> bool:
    try:
        return Brag.parse(word) is not None
    except ValueError:
        return False


def _plan_row(row: SheetRow, lookup: Lookup, source: str, today: date) -> RowPlan:
    reference = "".join(row.text("reference").split()).upper()
    plan = RowPlan(row=row, reference=reference)
    existing = lookup.actions.get(reference) if reference else None
    plan.existing_id = existing.id if existing else None
    values = plan.values
    say = plan.messages.append

    title = validation.clean(row.text("title"))
    if title:
        values["title"] = title
    elif existing is None:
        say("The action is blank")
    for name in ("description", "target", "evidence", "revised_reason"):
        if text := row.text(name):
            values[name] = text
    owner = row.text("owner")
    if owner or row.text("owner_email"):
        found = lookup.owner(owner, row.text("owner_email"))
        if isinstance(found, int):
            values["owner_id"] = found
        else:
            say(found)
    elif existing is None:
        say("The owner is blank; every action needs an owner")
    if area := row.text("priority"):
        found = lookup.priority_area(area)
        if isinstance(found, int):
            values["priority_area_id"] = found
        else:
            say(found)
    if board := row.text("board"):
        found = lookup.board(board)
        if isinstance(found, int):
            values["board_id"] = found
        else:
            say(found)
    if partners := row.text("partners"):
        found_ids = lookup.organisations(partners)
        if isinstance(found_ids, str):
            say(found_ids)
        else:
            plan.partner_ids = found_ids
    for name, label in DATE_FIELDS.items():
        try:
            day = parse_date(row.values.get(name))
        except ValueError as exc:
            say(f"{label}: {exc}")
            continue
        if day is not None:
            values[name] = day
    try:
        if status := ActionStatus.parse(row.text("status")):
            values["status"] = status
    except ValueError as exc:
        say(str(exc))
    ratings: dict[str, Brag | None] = {}
    for name, label in (("progress", "Progress BRAG"), ("impact", "Impact BRAG")):
        try:
            ratings[name] = parse_brag(row.text(name))
        except ValueError as exc:
            say(f"{label}: {exc}")
    update_on = values.pop("update_on", None)
    text = row.text("update")
    if text or ratings.get("progress") or ratings.get("impact"):
        plan.update = {
            "text": text,
            "progress": ratings.get("progress"),
            "impact": ratings.get("impact"),
            "on": update_on or today,
        }
    if existing is None:
        _defaults_for_new(plan, lookup, today)
        return plan
    _compare_with_existing(plan, existing, source)
    return plan


def _defaults_for_new(plan: RowPlan, lookup: Lookup, today: date) -> None:
    values = plan.values
    values.setdefault("status", ActionStatus.OPEN)
    values.setdefault("raised_on", today)
    if "board_id" not in values and values.get("priority_area_id") in lookup.area_boards:
        values["board_id"] = lookup.area_boards[values["priority_area_id"]]
    _date_closed(plan, None)
    if values.get("revised_due") and not values.get("revised_reason"):
        values["revised_reason"] = "Revised due date taken from the imported log."


def _date_closed(plan: RowPlan, existing: Any) -> None:
    """A finished action's date closed is the sheet's, never the day of the import: without one
    it stays blank for the board to set. The preview says which."""
    status = plan.values.get("status")
    if status is None or not status.finished or (existing and status == existing.status):
        return
    if closed := plan.values.get("closed_on"):
        plan.notes.append(f"{status.label}, date closed {closed:%d/%m/%Y} as the sheet says")
    elif existing and existing.closed_on:
        plan.notes.append(f"{status.label}, date closed {existing.closed_on:%d/%m/%Y} as before")
    else:
        plan.notes.append(
            f"{status.label} with no date closed in the sheet: left blank for the board to set"
        )


def _compare_with_existing(plan: RowPlan, existing: Any, source: str) -> None:
    values = plan.values
    new_original = values.get("original_due")
    if existing.original_due and new_original and new_original != existing.original_due:
        plan.messages.append(
            f"The original due date is fixed ({existing.original_due:%d/%m/%Y}); put the new "
            "date in a 'Revised due date' column"
        )
    if (
        values.get("revised_due")
        and values["revised_due"] != existing.revised_due
        and not values.get("revised_reason")
    ):
        values["revised_reason"] = f"Revised in the import of {source}."
    _date_closed(plan, existing)
    plan.changed = any(
        name in values and values[name] != getattr(existing, name) for name in ACTION_FIELDS
    )
    if plan.partner_ids is not None and set(plan.partner_ids) != set(existing.partner_ids):
        plan.changed = True
    if plan.update is not None:
        latest = (plan.update["text"], plan.update["progress"], plan.update["impact"])
        if latest == existing.latest_update:
            plan.update = None
        else:
            plan.changed = True


def _assign_references(plans: list[RowPlan], lookup: Lookup) -> None:
    """Check references are unique within the file, and number rows that have none."""
    seen: dict[str, int] = {}
    highest = lookup.highest_numbers()
    for plan in plans:
        if plan.reference:
            if plan.reference in seen:
                plan.messages.append(
                    f"Reference {plan.reference} appears again "
                    f"(first on row {seen[plan.reference]})"
                )
            seen.setdefault(plan.reference, plan.row.number)
            prefix, _, number = plan.reference.rpartition(".")
            if number.isdigit():
                highest[prefix] = max(highest.get(prefix, 0), int(number))
    for plan in plans:
        if not plan.reference and not plan.messages:
            prefix = reference_prefix(lookup.area_codes.get(plan.values.get("priority_area_id")))
            highest[prefix] = highest.get(prefix, 0) + 1
            plan.reference = f"{prefix}.{highest[prefix]:02d}"


def _plan(session: Session, sheet: Sheet, source: str, today: date) -> list[RowPlan]:
    lookup = load_lookup(session)
    plans = [_plan_row(row, lookup, source, today) for row in sheet.rows]
    _assign_references(plans, lookup)
    return plans


def _preview(source: str, sheet: Sheet, plans: list[RowPlan]) -> ImportPreview:
    unmapped = tuple(sheet.unmapped)
    return ImportPreview(source, tuple(p.finding for p in plans), unmapped)


def _read(path: Path) -> Sheet:
    return read_sheet(Path(path), IMPORT_ALIASES, REQUIRED)


def preview_import(db: Database, path: Path, *, today: date | None = None) -> ImportPreview:
    """What an import of this file would do, row by row; nothing is written."""
    sheet = _read(path)
    with db.read() as session:
        plans = _plan(session, sheet, Path(path).name, today or clock.today())
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
        plans = _plan(session, sheet, path.name, today)
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
    progress(0, total, f"Adding {len(fresh)} new actions…")
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
    update_rows = bulk.insert(
        ActionUpdate,
        [{"action_id": ids.get(id(p), p.existing_id), **p.update} for p in updates],  # type: ignore[dict-item]
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
    progress(len(fresh), total, f"Checking {total - len(fresh)} existing actions…")
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
