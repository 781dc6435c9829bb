"""What answers a requirement, seen from either end: one requirement with its linked actions,
measures, risks and evidence (the coverage view's dialog), or one action, measure or risk with
the requirements it answers (their own pages). Evidence is only ever added, never rewritten."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sendboard.errors import NotFoundError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.files import file_bytes
from sendboard.store.models import Action, Measure, Requirement, RequirementEvidence, Risk

KINDS = {"action": (Action, "actions"), "measure": (Measure, "measures"), "risk": (Risk, "risks")}


@dataclass(frozen=True)
class Choice:
    """Something a requirement can be linked to, or a requirement to link to."""

    id: int
    reference: str
    title: str

    @property
    def text(self) -> str:
        return f"{self.reference} {self.title}"


@dataclass(frozen=True)
class EvidenceView:
    id: int
    title: str
    note: str
    added_on: date
    file_name: str  # "" when the evidence is a note alone


@dataclass(frozen=True)
class RequirementDetail:
    id: int
    reference: str
    text: str
    tracked: bool
    actions: tuple[int, ...]
    measures: tuple[int, ...]
    risks: tuple[int, ...]
    evidence: tuple[EvidenceView, ...]
    version: int = 0


def _title(record: Action | Measure | Risk) -> str:
    return record.name if isinstance(record, Measure) else record.title


def link_choices(db: Database, kind: str) -> tuple[Choice, ...]:
    """Every action, measure or risk (`kind`), by reference, for a requirement to link."""
    model, _ = KINDS[kind]
    with db.read() as session:
        return tuple(
            Choice(r.id, r.reference, _title(r))
            for r in session.scalars(select(model).order_by(model.reference))
        )


def requirement_choices(db: Database) -> tuple[Choice, ...]:
    """The notice's requirements in its order; lead-ins are left out (nothing answers them)."""
    with db.read() as session:
        return tuple(
            Choice(r.id, r.reference, r.text)
            for r in session.scalars(
                select(Requirement)
                .where(Requirement.tracked.is_(True))
                .order_by(Requirement.position, Requirement.id)
            )
        )


def find_requirement(db: Database, reference: str) -> int:
    """A requirement's id from its reference as the notice numbers it ("4e", "9d.II")."""
    with db.read() as session:
        found = session.scalar(
            select(Requirement.id).where(
                func.lower(Requirement.reference) == reference.strip().lower()
            )
        )
        if found is None:
            raise NotFoundError(
                f"The notice has no requirement {reference}: see `sendboard notice show`."
            )
        return found


def requirement_detail(db: Database, requirement_id: int) -> RequirementDetail:
    with db.read() as session:
        record = session.scalar(
            select(Requirement)
            .where(Requirement.id == requirement_id)
            .options(
                selectinload(Requirement.actions),
                selectinload(Requirement.measures),
                selectinload(Requirement.risks),
                selectinload(Requirement.evidence),
            )
        )
        if record is None:
            raise NotFoundError("That requirement no longer exists.")
        return RequirementDetail(
            id=record.id,
            reference=record.reference,
            text=record.text,
            tracked=record.tracked,
            actions=tuple(a.id for a in record.actions),
            measures=tuple(m.id for m in record.measures),
            risks=tuple(r.id for r in record.risks),
            evidence=tuple(
                EvidenceView(e.id, e.title, e.note, e.added_on, e.original_name)
                for e in record.evidence
            ),
            version=record.version,
        )


def save_links(
    db: Database,
    requirement_id: int,
    *,
    actions: Sequence[int],
    measures: Sequence[int],
    risks: Sequence[int],
) -> Outcome[None]:
    """The actions, measures and risks that answer a requirement, all replaced at once."""
    with db.write() as session:
        record = load(session, Requirement, requirement_id, "That requirement no longer exists.")
        read, changed = record.version, {}
        for kind, ids in (("action", actions), ("measure", measures), ("risk", risks)):
            model, attribute = KINDS[kind]
            chosen = [load(session, model, i, f"That {kind} no longer exists.") for i in ids]
            before = sorted(r.reference for r in getattr(record, attribute))
            if before != sorted(r.reference for r in chosen):
                changed[attribute] = (before, sorted(r.reference for r in chosen))
            setattr(record, attribute, chosen)
        if changed:
            versions.count_parts(session, record, read, changed)
    return outcome(None, Area.STOCKTAKE)


def requirements_of(db: Database, kind: str, item_id: int) -> tuple[int, ...]:
    """The requirements an action, measure or risk answers."""
    model, attribute = KINDS[kind]
    with db.read() as session:
        load(session, model, item_id, f"That {kind} no longer exists.")
        column = getattr(Requirement, attribute)
        return tuple(
            session.scalars(
                select(Requirement.id)
                .where(column.any(model.id == item_id))
                .order_by(Requirement.position)
            )
        )


def set_requirements_of(
    db: Database, kind: str, item_id: int, requirement_ids: Sequence[int]
) -> Outcome[tuple[int, ...]]:
    """Link an action, measure or risk to these requirements (and unlink it from the rest)."""
    model, attribute = KINDS[kind]
    wanted = set(requirement_ids)
    with db.write() as session:
        item = load(session, model, item_id, f"That {kind} no longer exists.")
        for requirement_id in wanted:
            load(session, Requirement, requirement_id, "That requirement no longer exists.")
        for record in session.scalars(select(Requirement)):
            linked = getattr(record, attribute)
            if record.id in wanted and item not in linked:
                linked.append(item)
            elif record.id not in wanted and item in linked:
                linked.remove(item)
    return outcome(tuple(sorted(wanted)), Area.STOCKTAKE)


def save_evidence_file(db: Database, evidence_id: int, out: Path) -> Path:
    """Write a copy of an evidence file out: to `out`, or under its own name when `out` is a
    folder."""
    with db.read() as session:
        entry = load(session, RequirementEvidence, evidence_id, "That evidence no longer exists.")
        if entry.file_id is None:
            raise NotFoundError(f"{entry.title} is a note: it has no file.")
        content = file_bytes(session, entry.file_id)
        name = entry.original_name or f"evidence-{entry.id}"
    out = Path(out) / name if Path(out).is_dir() else Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return out
