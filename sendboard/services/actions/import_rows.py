"""Checking each row of an imported action log against the log as it is: new, update or error.

A row whose reference is already in the log updates that action, and adds an update row unless
that update is already in its history: with an update date, one of the same date, text and
ratings; without one, the latest update's text and ratings. So each cycle's update is kept even
when it repeats the last, and re-importing an export changes nothing. A due date written as a
period ("May 2025", "Q3 2026/27") is that period's last day, and the row's notes say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain import validation
from sendboard.domain.actions import ActionStatus, reference_prefix
from sendboard.domain.brag import Brag
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date, parse_due_date
from sendboard.services.actions.lookup import ExistingAction, Lookup, load_lookup
from sendboard.services.common.imports import RowFinding, RowStatus
from sendboard.store.models import ActionUpdate

REQUIRED = ("title", ("owner", "owner_email"))
DATE_FIELDS = {
    "raised_on": "Date raised",
    "original_due": "Due date",
    "revised_due": "Revised due date",
    "closed_on": "Date closed",
    "update_on": "Update date",
}
#: Dates that may be written as a period ("May 2025"), meaning its last day.
DUE_FIELDS = ("original_due", "revised_due")
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
    dated: bool = False  # the update's date came from the file
    board_id: int | None = None  # the board the action reports to once imported
    repeats: date | None = None  # the date of the latest update, when the new one repeats it
    changed: bool = False
    notes: list[str] = field(default_factory=list)  # shown with a sound row
    warnings: list[str] = field(default_factory=list)  # cells the import will not apply

    @property
    def finding(self) -> RowFinding:
        notes = list(self.notes)
        if self.messages:
            status = RowStatus.ERROR
        elif self.existing_id is None:
            status = RowStatus.NEW
        else:
            status = RowStatus.UPDATE if self.changed else RowStatus.UNCHANGED
            if self.update is not None:
                note = f"New update dated {self.update['on']:%d/%m/%Y}"
                if self.repeats:
                    note += f" (its ratings and text repeat the update of {self.repeats:%d/%m/%Y})"
                notes.insert(0, note)
        title = str(self.row.values.get("title") or "")[:40]
        messages = tuple(self.messages) if self.messages else (*self.warnings, *notes)
        warnings = () if self.messages else tuple(self.warnings)
        return RowFinding(
            self.row.number, self.reference or title, status, messages, warnings=warnings
        )


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


def _reference(row: SheetRow) -> str:
    return "".join(row.text("reference").split()).upper()


def _plan_row(
    row: SheetRow,
    lookup: Lookup,
    source: str,
    today: date,
    known: set[tuple[Any, ...]],
    sheet: Sheet,
) -> RowPlan:
    reference = _reference(row)
    plan = RowPlan(row=row, reference=reference, messages=list(row.problems))
    existing = lookup.actions.get(reference) if reference else None
    plan.existing_id = existing.id if existing else None
    values = plan.values
    say = plan.messages.append

    title = validation.clean(row.text("title"))
    warn = plan.warnings.append
    if title:
        values["title"] = title
    elif existing is None:
        say("The action is blank")
    elif "title" in sheet.columns:
        warn(f"{_named(sheet, 'title', row)} is blank; the action's wording in the log is kept")
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
    elif "owner" in sheet.columns or "owner_email" in sheet.columns:
        warn("The owner is blank; the action keeps its owner")
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
            if name in DUE_FIELDS:
                day, note = parse_due_date(row.values.get(name))
                if note:
                    plan.notes.append(f"{label}: {note}")
            else:
                day = parse_date(row.values.get(name))
        except ValueError as exc:
            say(f"{_named(sheet, name, row, label)}: {exc}")
            continue
        if day is not None:
            values[name] = day
        elif (
            name == "original_due" and name in sheet.columns and existing and existing.original_due
        ):
            warn(
                f"{_named(sheet, name, row, label)} is blank; the fixed original due date "
                f"{existing.original_due:%d/%m/%Y} is kept"
            )
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
        plan.dated = update_on is not None
    if existing is None:
        _defaults_for_new(plan, lookup, today)
        plan.board_id = values.get("board_id")
        return plan
    _compare_with_existing(plan, existing, source, known)
    plan.board_id = values.get("board_id", existing.board_id)
    return plan


def _named(sheet: Sheet, name: str, row: SheetRow, label: str = "") -> str:
    """A cell as the user knows it: its column's heading and where it is ("Due date (K7)")."""
    heading = sheet.columns.get(name) or label or name
    return f"{heading} ({sheet.cell(name, row)})" if name in sheet.positions else heading


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


def _compare_with_existing(
    plan: RowPlan, existing: ExistingAction, source: str, known: set[tuple[Any, ...]]
) -> None:
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
        content = (plan.update["text"], plan.update["progress"], plan.update["impact"])
        if plan.dated:
            already = (existing.id, plan.update["on"], *content) in known
        else:
            already = content == existing.latest_update
        if already:
            plan.update = None
        else:
            plan.changed = True
            if content == existing.latest_update:
                plan.repeats = existing.latest_update_on


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


def _known_updates(session: Session, sheet: Sheet, lookup: Lookup) -> set[tuple[Any, ...]]:
    """(action id, date, text, progress, impact) of every update of the actions that rows with
    an update date name: the updates an import must not add a second time."""
    ids = sorted(
        {
            lookup.actions[reference].id
            for row in sheet.rows
            if row.values.get("update_on") is not None
            and (reference := _reference(row)) in lookup.actions
        }
    )
    columns = (
        ActionUpdate.action_id,
        ActionUpdate.on,
        ActionUpdate.text,
        ActionUpdate.progress,
        ActionUpdate.impact,
    )
    known: set[tuple[Any, ...]] = set()
    for first in range(0, len(ids), 500):
        chunk = ids[first : first + 500]
        query = select(*columns).where(ActionUpdate.action_id.in_(chunk))
        known.update(tuple(row) for row in session.execute(query))
    return known


def plan_rows(session: Session, sheet: Sheet, source: str, today: date) -> list[RowPlan]:
    """What each row of the file would do to the log as it is now."""
    lookup = load_lookup(session)
    known = _known_updates(session, sheet, lookup)
    plans = [_plan_row(row, lookup, source, today, known, sheet) for row in sheet.rows]
    _assign_references(plans, lookup)
    return plans
