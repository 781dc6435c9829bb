"""Importing a risk register from the spreadsheet a council already keeps.

Every row is checked first and reported with its own errors; then all rows are written in one
transaction, or none. A row whose reference exists updates that risk; changed scores, or a later
"Last reviewed" date, are kept as a review (dated by that column, else today), never written over.
A target date written as a period ("Q4 2026/27") is its last day, and the preview says so.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.risk import Proximity, RiskStatus, parse_cell
from sendboard.errors import ImportRejected, ValidationError
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date, parse_due_date, read_sheet
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus
from sendboard.services.escalations.records import risk_escalated, risk_settled
from sendboard.services.risks import apply_input, next_reference_in, record_review, scores
from sendboard.services.risks.views import ReviewInput, RiskInput
from sendboard.store.database import Database
from sendboard.store.models import Action, Board, Person, PriorityArea, Risk, RiskAction

ALIASES: dict[str, tuple[str, ...]] = {
    "reference": ("ref", "ref no", "risk ref", "risk reference", "risk id", "risk no", "id", "no"),
    "title": ("risk", "risk title", "title", "description", "risk description", "risk name"),
    "cause": ("cause", "causes", "trigger"),
    "event": ("event", "risk event"),
    "consequence": ("consequence", "consequences", "effect", "effects"),
    "category": ("category", "risk category", "type", "risk type"),
    "priority_area": ("priority area", "priority", "workstream", "area"),
    "board": ("board", "register", "owning board"),
    "owner": ("owner", "risk owner", "lead", "responsible officer"),
    "inherent_likelihood": ("inherent l", "inherent likelihood", "gross likelihood", "gross l"),
    "inherent_impact": ("inherent i", "inherent impact", "gross impact", "gross i"),
    "inherent": ("inherent", "inherent score", "inherent risk", "inherent rating", "gross score"),
    "controls": ("controls", "existing controls", "current controls", "controls in place"),
    "residual_likelihood": (
        "likelihood",
        "l",
        "residual l",
        "residual likelihood",
        "current likelihood",
        "net likelihood",
    ),
    "residual_impact": (
        "impact",
        "i",
        "residual i",
        "residual impact",
        "current impact",
        "net impact",
    ),
    "residual": (
        "residual",
        "residual score",
        "residual risk",
        "current score",
        "net score",
        "score",
    ),
    "target_likelihood": ("target l", "target likelihood"),
    "target_impact": ("target i", "target impact"),
    "target": ("target", "target score", "target risk"),
    "target_date": ("target date", "date to reach target"),
    "proximity": ("proximity", "timescale"),
    "status": ("status", "risk status"),
    "created_on": ("date raised", "raised", "date identified", "date added", "created"),
    "last_reviewed": ("last reviewed", "date reviewed", "review date", "reviewed"),
    "note": ("review note", "update", "commentary", "latest update", "comments"),
    "actions": ("mitigating actions", "actions", "linked actions", "action refs", "mitigations"),
    # Written by the export, worked out again on import: recognised so they are not reported.
    "derived": ("appetite", "trend", "not reviewed since last meeting", "above appetite"),
}
REQUIRED = ("title", "owner")


class _Lookups:
    """Names in the file resolved against the database, once per import."""

    def __init__(self, session: Session) -> None:
        people = session.scalars(select(Person)).all()
        self.people = {p.name.lower(): p.id for p in people}
        self.people.update({p.email.lower(): p.id for p in people if p.email})
        areas = session.scalars(select(PriorityArea)).all()
        self.areas = {a.code.lower(): a.id for a in areas} | {a.title.lower(): a.id for a in areas}
        self.boards = {b.name.lower(): b.id for b in session.scalars(select(Board))}
        self.actions = {a.reference.lower(): a.id for a in session.scalars(select(Action))}


def _level(row: SheetRow, field: str) -> int | None:
    text = row.text(field)
    if not text:
        return None
    match = re.fullmatch(r"([1-5])(\.0+)?(\s.*)?", text)
    if match is None:
        raise ValueError(f"{field.replace('_', ' ').capitalize()} '{text}' must be 1 to 5")
    return int(match.group(1))


def _pair(row: SheetRow, kind: str, required: bool) -> tuple[int | None, int | None]:
    """Likelihood and impact from L and I columns, or from "4x3" in the score column."""
    likelihood = _level(row, f"{kind}_likelihood")
    impact = _level(row, f"{kind}_impact")
    combined = row.text(kind)
    cell = parse_cell(combined) if combined else None
    if likelihood is None and impact is None and cell is not None:
        return cell
    if combined and likelihood is not None and impact is not None:
        number = re.match(r"\s*(\d+)", combined)
        if cell is None and number and int(number.group(1)) != likelihood * impact:
            raise ValueError(
                f"{kind.capitalize()} score {combined} does not match "
                f"{likelihood}×{impact} = {likelihood * impact}"
            )
    if (likelihood is None) != (impact is None) or (required and likelihood is None):
        if combined and cell is None:
            raise ValueError(
                f"{kind.capitalize()} '{combined}': give likelihood and impact (e.g. 4x3), "
                "not just the score"
            )
        raise ValueError(f"{kind.capitalize()} likelihood and impact are both needed")
    return likelihood, impact


def _named(sheet: Sheet, field: str, row: SheetRow, label: str) -> str:
    """A cell as the user knows it: its column's heading and where it is ("Target date (T7)")."""
    heading = sheet.columns.get(field) or label
    return f"{heading} ({sheet.cell(field, row)})" if field in sheet.positions else heading


def _date(row: SheetRow, field: str, label: str, sheet: Sheet) -> date | None:
    try:
        return parse_date(row.values.get(field))
    except ValueError as exc:
        raise ValueError(f"{_named(sheet, field, row, label)}: {exc}") from exc


def _lookup(table: dict[str, int], text: str, what: str) -> int | None:
    if not text:
        return None
    found = table.get(text.lower())
    if found is None:
        raise ValueError(f"{what} '{text}' is not known; add it first or correct the spelling")
    return found


def _snapshot(risk: Risk) -> tuple[Any, ...]:
    columns = [c.key for c in Risk.__table__.columns]
    return (
        tuple(getattr(risk, c) for c in columns),
        len(risk.reviews),
        tuple(sorted(link.action_id for link in risk.action_links)),
    )


def _target_date(row: SheetRow, notes: list[str], sheet: Sheet) -> date | None:
    try:
        day, note = parse_due_date(row.values.get("target_date"))
    except ValueError as exc:
        raise ValueError(f"{_named(sheet, 'target_date', row, 'Target date')}: {exc}") from exc
    if note:
        notes.append(f"Target date: {note}")
    return day


def _apply_row(
    session: Session, row: SheetRow, sheet: Sheet, lookups: _Lookups, source: str
) -> tuple[str, RowStatus, tuple[str, ...], tuple[str, ...]]:
    """Apply one row to the session: (reference, status, notes, cells not applied)."""
    reference = row.text("reference").upper()
    risk = None
    if reference:
        risk = session.scalar(
            select(Risk)
            .where(func.upper(Risk.reference) == reference)
            .options(selectinload(Risk.reviews), selectinload(Risk.action_links))
        )
    before = None if risk is None else _snapshot(risk)
    present = set(sheet.columns)
    notes: list[str] = []
    warnings: list[str] = []

    def keep(field: str, parsed: Any, current: Any) -> Any:
        """Columns missing from the file leave an existing risk's value as it is."""
        return parsed if field in present or risk is None else current

    inherent = _pair(row, "inherent", required=risk is None)
    residual = _pair(row, "residual", required=True)
    if inherent[0] is None and risk is not None:
        inherent = (risk.inherent_likelihood, risk.inherent_impact)
    target = _pair(row, "target", required=False)
    owner_id = _lookup(lookups.people, row.text("owner"), "Owner")
    if owner_id is None:
        raise ValueError("Owner is required")
    area_id = _lookup(lookups.areas, row.text("priority_area"), "Priority area")
    board_id = _lookup(lookups.boards, row.text("board"), "Board")
    proximity = Proximity.parse(row.text("proximity"))
    status = RiskStatus.parse(row.text("status"))
    if risk is not None and not row.text("status") and risk.status is not RiskStatus.OPEN:
        status = risk.status
        if "status" in present:
            warnings.append(f"Status is blank; the risk stays {risk.status.value.capitalize()}")
    created = _date(row, "created_on", "Date raised", sheet)
    reviewed = _date(row, "last_reviewed", "Last reviewed", sheet)
    action_ids = [
        _lookup(lookups.actions, ref, "Action")
        for ref in re.split(r"[,;\s]+", row.text("actions"))
        if ref
    ]
    data = RiskInput(
        reference=reference or next_reference_in(session),
        title=row.text("title"),
        owner_id=owner_id,
        inherent_likelihood=inherent[0],  # type: ignore[arg-type]
        inherent_impact=inherent[1],  # type: ignore[arg-type]
        residual_likelihood=residual[0],  # type: ignore[arg-type]
        residual_impact=residual[1],  # type: ignore[arg-type]
        cause=keep("cause", row.text("cause"), risk and risk.cause),
        event=keep("event", row.text("event"), risk and risk.event),
        consequence=keep("consequence", row.text("consequence"), risk and risk.consequence),
        category=keep("category", row.text("category"), risk and risk.category),
        priority_area_id=keep("priority_area", area_id, risk and risk.priority_area_id),
        board_id=keep("board", board_id, risk and risk.board_id),
        controls=keep("controls", row.text("controls"), risk and risk.controls),
        target_likelihood=keep("target_likelihood", target[0], risk and risk.target_likelihood)
        if "target" not in present
        else target[0],
        target_impact=keep("target_impact", target[1], risk and risk.target_impact)
        if "target" not in present
        else target[1],
        target_date=keep("target_date", _target_date(row, notes, sheet), risk and risk.target_date),
        proximity=keep("proximity", proximity, risk and risk.proximity),
        created_on=created or (reviewed if risk is None else None),
    )
    new = risk is None
    if risk is None:
        risk = Risk(status=RiskStatus.OPEN)
    apply_input(session, risk, data)
    wanted = scores(data)
    note = row.text("note")
    if new:
        record_review(
            session,
            risk,
            ReviewInput(
                reviewed or risk.created_on, *wanted, note=note or f"Imported from {source}"
            ),
        )
        session.add(risk)
    else:
        last = risk.reviews[-1].reviewed_on if risk.reviews else None
        if reviewed is not None and last is not None and reviewed < last:
            warnings.append(
                f"{_named(sheet, 'last_reviewed', row, 'Last reviewed')} {reviewed:%d/%m/%Y} is "
                f"before the latest review ({last:%d/%m/%Y}); reviews are never rewritten"
            )
        if wanted != scores(risk) or (reviewed is not None and (last is None or reviewed > last)):
            record_review(
                session,
                risk,
                ReviewInput(
                    reviewed or clock.today(), *wanted, note=note or f"Updated from {source}"
                ),
            )
    _set_status(session, risk, status)
    if "actions" in present:
        wanted = set(action_ids)
        for link in list(risk.action_links):
            if link.action_id not in wanted:
                risk.action_links.remove(link)
        have = {link.action_id for link in risk.action_links}
        for action_id in sorted(a for a in wanted - have if a is not None):
            risk.action_links.append(RiskAction(action_id=action_id))
    session.flush()
    if risk.status is RiskStatus.ESCALATED and risk.escalated_on:
        risk_escalated(session, risk, risk.escalated_on)
    if new:
        return risk.reference, RowStatus.NEW, tuple(notes), ()
    unchanged = _snapshot(risk) == before
    status_now = RowStatus.UNCHANGED if unchanged else RowStatus.UPDATE
    return risk.reference, status_now, (*warnings, *notes), tuple(warnings)


def _set_status(session: Session, risk: Risk, status: RiskStatus) -> None:
    if status is risk.status:
        return
    today = clock.today()
    if risk.id is not None and risk.status is RiskStatus.ESCALATED:
        risk_settled(session, risk, today, f"{risk.reference} was set to {status.label} by import.")
    if status is RiskStatus.CLOSED:
        risk.closed_on = today
    elif status is RiskStatus.ESCALATED:
        board = session.get(Board, risk.board_id) if risk.board_id else None
        parent = board.parent if board else None
        if parent is None:
            raise ValidationError(
                "Status Escalated needs a Board with a parent board to escalate to"
            )
        risk.escalated_to = parent
        risk.escalated_on = today
    else:
        risk.closed_on = None
        risk.escalated_on = None
        risk.escalated_to = None
    risk.status = status


class _Rollback(Exception):
    pass


def _run(db: Database, path: Path, commit: bool) -> ImportPreview:
    sheet = read_sheet(path, ALIASES, REQUIRED)
    findings: list[RowFinding] = []
    try:
        with db.write() as session:
            lookups = _Lookups(session)
            seen: dict[str, int] = {}
            for row in sheet.rows:
                key = row.text("reference").upper() or row.text("title")[:40]
                if key and key in seen:
                    findings.append(
                        RowFinding(
                            row.number,
                            key,
                            RowStatus.ERROR,
                            (f"Reference {key} is also on row {seen[key]}",),
                        )
                    )
                    continue
                if row.problems:
                    findings.append(RowFinding(row.number, key, RowStatus.ERROR, row.problems))
                    continue
                try:
                    with session.no_autoflush:
                        key, status, notes, warned = _apply_row(
                            session, row, sheet, lookups, path.name
                        )
                    seen[key] = row.number
                    findings.append(RowFinding(row.number, key, status, notes, warnings=warned))
                except (ValidationError, ValueError) as exc:
                    findings.append(RowFinding(row.number, key, RowStatus.ERROR, (str(exc),)))
            derived = sheet.present(ALIASES["derived"])
            preview = ImportPreview(path.name, tuple(findings), sheet.unmapped, derived)
            if not (commit and preview.ok):
                raise _Rollback()
    except _Rollback:
        pass
    return preview


def preview_import(db: Database, path: Path) -> ImportPreview:
    """What importing the file would do, row by row; nothing is written."""
    return _run(db, path, commit=False)


def import_risks(db: Database, path: Path, dry_run: bool = False) -> Outcome[ImportPreview]:
    """Import every row, or none: any row with an error rejects the whole file."""
    preview = _run(db, path, commit=not dry_run)
    if not preview.ok:
        raise ImportRejected(preview.report(), preview)
    return outcome(preview, *(() if dry_run else (Area.RISKS,)))
