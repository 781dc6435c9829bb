"""The engagement log in and out of a spreadsheet: the export imports back unchanged; an import
is previewed row by row and then takes every row or none. Rows are matched by reference."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sendboard.domain.stocktake.engagement import EventFormat, join_groups, split_groups
from sendboard.errors import ImportRejected, SendboardError
from sendboard.outputs.sheets import SheetRow, parse_date, read_sheet, write_csv, write_xlsx
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus
from sendboard.services.stocktake.engagement import (
    EngagementInput,
    apply_input,
    list_events,
    problems,
    read_events,
)
from sendboard.store.database import Database
from sendboard.store.models import EngagementEvent

#: (field, heading, width), in the export's order; "files" is not read back.
COLUMNS = (
    ("reference", "Reference", 9),
    ("held_on", "Date", 11),
    ("format", "Format", 13),
    ("title", "Event", 34),
    ("participants", "Who took part", 28),
    ("number", "How many", 9),
    ("said", "What they said", 44),
    ("changed", "What changed as a result", 44),
    ("areas", "Priority areas", 10),
    ("actions", "Actions", 14),
    ("requirements", "Requirements", 14),
    ("files", "Files", 20),
)
ALIASES: dict[str, tuple[str, ...]] = {
    "reference": ("Ref", "ID"),
    "held_on": ("Date", "Held on", "Date held", "When"),
    "format": ("Type", "Kind", "Method"),
    "title": ("Event", "Title", "Activity", "What"),
    "participants": ("Who took part", "Participants", "Who", "Audience"),
    "number": ("How many", "Number", "Numbers", "Attendees", "Responses"),
    "said": ("What they said", "You said", "Feedback", "Key messages"),
    "changed": ("What changed as a result", "We did", "What changed", "Outcome", "Impact"),
    "areas": ("Priority areas", "Priority area", "Areas"),
    "actions": ("Actions", "Action refs", "Linked actions"),
    "requirements": ("Requirements", "Notice paragraphs", "Notice refs"),
}


def _refs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace(",", ";").split(";") if p.strip())


def event_row(view: Any) -> list[Any]:
    return [
        view.reference,
        view.held_on,
        view.format.label,
        view.title,
        join_groups(view.participants),
        view.number,
        view.said,
        view.changed,
        "; ".join(view.areas),
        "; ".join(view.actions),
        "; ".join(view.requirements),
        "; ".join(view.files),
    ]


def export_events(db: Database, path: Path) -> int:
    path = Path(path)
    views = list_events(db)
    header = [h for _, h, _ in COLUMNS]
    rows = [event_row(v) for v in views]
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, "Engagement", header, rows, widths=[w for _, _, w in COLUMNS])
    elif path.suffix.lower() == ".csv":
        write_csv(path, header, rows)
    else:
        raise SendboardError(f"{path.name}: choose a .xlsx or .csv file name.")
    return len(rows)


@dataclass(frozen=True)
class _Plan:
    finding: RowFinding
    data: EngagementInput | None
    existing_id: int | None


def _read_row(row: SheetRow) -> tuple[EngagementInput | None, list[str]]:
    found = list(row.problems)
    held_on = None
    try:
        held_on = parse_date(row.values.get("held_on"))
    except ValueError as exc:
        found.append(str(exc))
    if held_on is None and not found:
        found.append("no date")
    form = EventFormat.OTHER
    if row.text("format"):
        try:
            form = EventFormat.parse(row.text("format"))
        except ValueError as exc:
            found.append(str(exc))
    number = None
    if row.text("number"):
        try:
            number = int(float(row.text("number")))
        except ValueError:
            found.append(f"'{row.text('number')}' is not a number of people")
    if found or held_on is None:
        return None, found
    return (
        EngagementInput(
            held_on=held_on,
            title=row.text("title"),
            format=form,
            participants=split_groups(row.text("participants")),
            number=number,
            said=row.text("said"),
            changed=row.text("changed"),
            areas=_refs(row.text("areas")),
            actions=_refs(row.text("actions")),
            requirements=_refs(row.text("requirements")),
            reference=row.text("reference"),
        ),
        found,
    )


def _plan(session: Session, path: Path) -> tuple[ImportPreview, list[_Plan]]:
    sheet = read_sheet(Path(path), ALIASES, ("title", "held_on"))
    held = {v.reference.lower(): v for v in read_events(session)}
    plans, seen = [], set()
    for row in sheet.rows:
        data, found = _read_row(row)
        key = row.text("reference") or row.text("title")
        if data is not None:
            found += problems(session, data)
        if data is not None and data.reference:
            if data.reference.lower() in seen:
                found.append(f"reference {data.reference} appears twice")
            seen.add(data.reference.lower())
        existing = held.get(data.reference.lower()) if data and data.reference else None
        if found:
            status = RowStatus.ERROR
        elif existing is None:
            status = RowStatus.NEW
        elif existing.as_input() == data:
            status = RowStatus.UNCHANGED
        else:
            status = RowStatus.UPDATE
        finding = RowFinding(row.number, key, status, tuple(found))
        plans.append(_Plan(finding, data, existing.id if existing else None))
    unmapped = tuple(h for h in sheet.unmapped if h.strip().lower() != "files")
    return ImportPreview(Path(path).name, tuple(p.finding for p in plans), unmapped), plans


def preview_events(db: Database, path: Path) -> ImportPreview:
    """What importing the file would do, row by row; nothing is written."""
    with db.read() as session:
        return _plan(session, Path(path))[0]


def import_events(db: Database, path: Path) -> Outcome[ImportPreview]:
    """Every row, or none: any error leaves the log exactly as it was."""
    with db.write() as session:
        found, plans = _plan(session, Path(path))
        if not found.ok:
            raise ImportRejected(
                "Nothing was imported; correct these rows and try again.\n" + found.report(),
                found,
            )
        for plan in plans:
            if plan.data is None or plan.finding.status is RowStatus.UNCHANGED:
                continue
            event = (
                session.get(EngagementEvent, plan.existing_id)
                if plan.existing_id
                else EngagementEvent()
            )
            assert event is not None
            apply_input(session, event, plan.data)
            session.add(event)
            session.flush()
    return outcome(found, Area.STOCKTAKE)
