"""The notice's requirements: entered once from pasted text or a spreadsheet, with a preview to
correct first; then linked to the actions, measures and risks that answer them, and given
evidence. The notice's date is the one the measures' targets count from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.stocktake.numbering import ParsedNotice, parse_notice
from sendboard.errors import ImportRejected, SendboardError, ValidationError
from sendboard.outputs.sheets import read_sheet
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus
from sendboard.services.common.records import load
from sendboard.services.measures.notice import read_notice_date
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.files import store_path
from sendboard.store.models import (
    Action,
    Measure,
    Requirement,
    RequirementEvidence,
    Risk,
    Setting,
)

COUNCIL_KEY = "notice_council"
NOTICE_KEY = "notice_date"
ALIASES: dict[str, tuple[str, ...]] = {
    "reference": ("Reference", "Ref", "Paragraph", "Para", "Requirement ref", "Number", "No"),
    "text": ("Requirement", "Text", "Wording", "Description", "Requirement text"),
    "heading": ("Heading", "Section"),
    "tracked": ("Needs actions", "Tracked", "Answered by actions"),
}


@dataclass(frozen=True)
class Notice:
    council: str
    issued_on: date | None
    requirements: int


@dataclass(frozen=True)
class RequirementInput:
    """One requirement as the preview shows it, corrected by the secretary before saving."""

    reference: str
    text: str
    heading: str = ""
    tracked: bool = True
    guessed: bool = False  # numbered by position: the notice gave it no number


@dataclass(frozen=True)
class NoticeDraft:
    """What pasting a notice found: its council, date and paragraphs, for the preview."""

    council: str
    issued_on: date | None
    requirements: tuple[RequirementInput, ...]


def draft_from_text(text: str) -> NoticeDraft:
    """Split pasted text by its numbering. A paragraph with sub-paragraphs is a lead-in, not
    tracked on its own; everything else is expected to be answered by actions."""
    parsed: ParsedNotice = parse_notice(text)
    rows = tuple(
        RequirementInput(
            p.reference,
            p.text,
            p.heading,
            tracked=not parsed.has_children(p.reference),
            guessed=p.guessed,
        )
        for p in parsed.paragraphs
    )
    return NoticeDraft(parsed.council, parsed.issued_on, rows)


def draft_from_sheet(path: Path) -> NoticeDraft:
    sheet = read_sheet(Path(path), ALIASES, ("reference", "text"))
    rows = []
    for row in sheet.rows:
        reference = row.text("reference").strip()
        if not reference and not row.text("text").strip():
            continue
        tracked = row.text("tracked").strip().lower() not in ("no", "n", "false", "0")
        rows.append(
            RequirementInput(reference, row.text("text").strip(), row.text("heading"), tracked)
        )
    return NoticeDraft("", None, tuple(rows))


def draft_from_file(path: Path) -> NoticeDraft:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        try:
            return draft_from_text(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            return draft_from_text(path.read_text(encoding="cp1252"))
    if suffix in (".xlsx", ".csv"):
        return draft_from_sheet(path)
    raise SendboardError(f"{path.name}: choose a .txt, .xlsx or .csv file.")


def preview(db: Database, draft: NoticeDraft) -> ImportPreview:
    """Row by row: new, changed or unchanged against the requirements already held."""
    with db.read() as session:
        return _preview(session, draft)[0]


def _preview(session: Session, draft: NoticeDraft) -> tuple[ImportPreview, dict[str, Requirement]]:
    held = {r.reference.lower(): r for r in session.scalars(select(Requirement))}
    seen: set[str] = set()
    findings = []
    for number, row in enumerate(draft.requirements, start=1):
        problems = []
        key = row.reference.strip()
        if not key:
            problems.append("no reference")
        elif len(key) > 32:
            problems.append("reference longer than 32 characters")
        elif key.lower() in seen:
            problems.append(f"reference {key} appears twice")
        if not row.text.strip():
            problems.append("no wording")
        seen.add(key.lower())
        notes = ("numbered by position: the notice gives it no number",) if row.guessed else ()
        existing = held.get(key.lower())
        if problems:
            status = RowStatus.ERROR
        elif existing is None:
            status = RowStatus.NEW
        elif (existing.text, existing.heading, existing.tracked) == (
            row.text.strip(),
            row.heading.strip(),
            row.tracked,
        ):
            status = RowStatus.UNCHANGED
        else:
            status = RowStatus.UPDATE
        findings.append(RowFinding(number, key, status, tuple(problems) or notes))
    return ImportPreview("Improvement Notice", tuple(findings)), held


def save_notice(
    db: Database, draft: NoticeDraft, *, council: str | None = None, issued_on: date | None = None
) -> Outcome[ImportPreview]:
    """Save every requirement or none. Requirements are matched by reference: new ones are
    added, held ones take the new wording; none is removed (their links stay)."""
    with db.write() as session:
        found, held = _preview(session, draft)
        if not found.ok:
            raise ImportRejected(
                "Nothing was saved; correct these requirements and try again.\n" + found.report(),
                found,
            )
        for position, row in enumerate(draft.requirements):
            record = held.get(row.reference.strip().lower()) or Requirement(
                reference=row.reference.strip()
            )
            record.text, record.heading = row.text.strip(), row.heading.strip()
            record.tracked, record.position = row.tracked, position
            session.add(record)
        _set(session, COUNCIL_KEY, council if council is not None else draft.council or None)
        day = issued_on if issued_on is not None else draft.issued_on
        if day is not None:
            _set(session, NOTICE_KEY, day.isoformat())
    return outcome(found, Area.STOCKTAKE, Area.SETTINGS, Area.MEASURES)


def _set(session: Session, key: str, value: str | None) -> None:
    if value is None:
        return
    setting = session.get(Setting, key) or Setting(key=key)
    setting.value = value
    session.add(setting)


def get_notice(db: Database) -> Notice:
    with db.read() as session:
        council = session.get(Setting, COUNCIL_KEY)
        count = session.scalar(select(func.count(Requirement.id))) or 0
        return Notice(council.value if council else "", read_notice_date(session), count)


def set_notice(db: Database, council: str, issued_on: date | None) -> Outcome[Notice]:
    with db.write() as session:
        _set(session, COUNCIL_KEY, council.strip())
        _set(session, NOTICE_KEY, issued_on.isoformat() if issued_on else "")
    return outcome(get_notice(db), Area.STOCKTAKE, Area.SETTINGS, Area.MEASURES)


def set_tracked(db: Database, requirement_id: int, tracked: bool) -> Outcome[None]:
    with db.write() as session:
        record = load(session, Requirement, requirement_id, "That requirement no longer exists.")
        record.tracked = tracked
    return outcome(None, Area.STOCKTAKE)


_KINDS = {"action": (Action, "actions"), "measure": (Measure, "measures"), "risk": (Risk, "risks")}


def set_links(
    db: Database, requirement_id: int, kind: str, ids: Sequence[int]
) -> Outcome[tuple[int, ...]]:
    """The actions, measures or risks (`kind`) that answer the requirement, replacing the
    previous choice."""
    model, attribute = _KINDS[kind]
    with db.write() as session:
        record = load(session, Requirement, requirement_id, "That requirement no longer exists.")
        read = record.version
        chosen = [load(session, model, i, f"That {kind} no longer exists.") for i in ids]
        before = sorted(r.reference for r in getattr(record, attribute))
        setattr(record, attribute, chosen)
        if before != sorted(r.reference for r in chosen):
            changes = {attribute: (before, sorted(r.reference for r in chosen))}
            versions.count_parts(session, record, read, changes)
    return outcome(tuple(ids), Area.STOCKTAKE)


def link_by_reference(db: Database, links: Sequence[tuple[str, str, str]]) -> Outcome[int]:
    """Add links given as (requirement reference, kind, item reference); all or none."""
    with db.write() as session:
        requirements = {r.reference.lower(): r for r in session.scalars(select(Requirement))}
        made = 0
        for requirement_ref, kind, item_ref in links:
            model, attribute = _KINDS[kind]
            record = requirements.get(requirement_ref.lower())
            item = session.scalar(select(model).where(model.reference == item_ref))
            if record is None or item is None:
                missing = requirement_ref if record is None else item_ref
                raise ValidationError(f"No {kind if record else 'requirement'} {missing}.")
            current = getattr(record, attribute)
            if item not in current:
                current.append(item)
                made += 1
    return outcome(made, Area.STOCKTAKE)


def add_evidence(
    db: Database,
    requirement_id: int,
    title: str,
    note: str = "",
    path: Path | None = None,
    on: date | None = None,
) -> Outcome[int]:
    """A piece of evidence for a requirement: a note, with a file kept inside the database."""
    if not title.strip():
        raise ValidationError("Give the evidence a title.", "title")
    with db.write() as session:
        load(session, Requirement, requirement_id, "That requirement no longer exists.")
        stored = store_path(session, Path(path)) if path is not None else None
        session.flush()
        entry = RequirementEvidence(
            requirement_id=requirement_id,
            title=title.strip(),
            note=note.strip(),
            file_id=stored.id if stored else None,
            original_name=Path(path).name if path is not None else "",
            added_on=on or clock.today(),
        )
        session.add(entry)
        session.flush()
        return outcome(entry.id, Area.STOCKTAKE)
