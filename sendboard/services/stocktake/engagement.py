"""The co-production and engagement log: events, who took part, what they said and what
changed as a result ("you said, we did"), linked to priority areas, actions and requirements,
with files attached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.stocktake.engagement import EventFormat, join_groups, split_groups
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.files import store_path
from sendboard.store.models import (
    Action,
    EngagementEvent,
    EngagementFile,
    PriorityArea,
    Requirement,
)


@dataclass(frozen=True)
class EngagementInput:
    held_on: date
    title: str
    format: EventFormat = EventFormat.OTHER
    participants: tuple[str, ...] = ()
    number: int | None = None
    said: str = ""
    changed: str = ""
    areas: tuple[str, ...] = ()  # priority area codes
    actions: tuple[str, ...] = ()  # action references
    requirements: tuple[str, ...] = ()  # requirement references
    reference: str = ""  # blank: the next free "E01", "E02"…


@dataclass(frozen=True)
class EngagementView:
    id: int
    reference: str
    held_on: date
    format: EventFormat
    title: str
    participants: tuple[str, ...]
    number: int | None
    said: str
    changed: str
    areas: tuple[str, ...]
    actions: tuple[str, ...]
    requirements: tuple[str, ...]
    files: tuple[str, ...] = field(default=())
    version: int = 0

    def as_input(self) -> EngagementInput:
        return EngagementInput(
            self.held_on,
            self.title,
            self.format,
            self.participants,
            self.number,
            self.said,
            self.changed,
            self.areas,
            self.actions,
            self.requirements,
            self.reference,
        )


def view_of(event: EngagementEvent) -> EngagementView:
    return EngagementView(
        id=event.id,
        reference=event.reference,
        held_on=event.held_on,
        format=event.format,
        title=event.title,
        participants=split_groups(event.participants),
        number=event.number,
        said=event.said,
        changed=event.changed,
        areas=tuple(a.code for a in event.areas),
        actions=tuple(a.reference for a in event.actions),
        requirements=tuple(r.reference for r in event.requirements),
        files=tuple(f.original_name for f in event.files),
        version=event.version,
    )


def read_events(
    session: Session, since: date | None = None, until: date | None = None
) -> list[EngagementView]:
    query = select(EngagementEvent).options(
        selectinload(EngagementEvent.areas),
        selectinload(EngagementEvent.actions),
        selectinload(EngagementEvent.requirements),
        selectinload(EngagementEvent.files),
    )
    if since is not None:
        query = query.where(EngagementEvent.held_on > since)
    if until is not None:
        query = query.where(EngagementEvent.held_on <= until)
    events = session.scalars(query.order_by(EngagementEvent.held_on, EngagementEvent.id)).all()
    return [view_of(e) for e in events]


def list_events(db: Database) -> tuple[EngagementView, ...]:
    """Every event, oldest first."""
    with db.read() as session:
        return tuple(read_events(session))


def next_reference(session: Session) -> str:
    taken = set(session.scalars(select(EngagementEvent.reference)))
    number = len(taken) + 1
    while f"E{number:02d}" in taken:
        number += 1
    return f"E{number:02d}"


def problems(session: Session, data: EngagementInput) -> list[str]:
    """What is wrong with an event before it is saved (the import names these by row)."""
    found = []
    if not data.title.strip():
        found.append("no title (what the event was)")
    if data.number is not None and data.number < 0:
        found.append("the number who took part cannot be negative")
    for code in data.areas:
        if session.scalar(select(PriorityArea.id).where(PriorityArea.code == code)) is None:
            found.append(f"no priority area {code}")
    for ref in data.actions:
        if session.scalar(select(Action.id).where(Action.reference == ref)) is None:
            found.append(f"no action {ref}")
    for ref in data.requirements:
        if session.scalar(select(Requirement.id).where(Requirement.reference == ref)) is None:
            found.append(f"no requirement {ref} in the notice")
    return found


def apply_input(session: Session, event: EngagementEvent, data: EngagementInput) -> None:
    found = problems(session, data)
    if found:
        raise ValidationError("; ".join(found).capitalize() + ".")
    event.reference = data.reference.strip() or event.reference or next_reference(session)
    event.held_on, event.format, event.title = data.held_on, data.format, data.title.strip()
    event.participants = join_groups(data.participants)
    event.number, event.said, event.changed = data.number, data.said.strip(), data.changed.strip()
    event.areas = list(
        session.scalars(select(PriorityArea).where(PriorityArea.code.in_(data.areas)))
    )
    event.actions = list(session.scalars(select(Action).where(Action.reference.in_(data.actions))))
    event.requirements = list(
        session.scalars(select(Requirement).where(Requirement.reference.in_(data.requirements)))
    )


def create_event(
    db: Database, data: EngagementInput, files: Sequence[Path] = ()
) -> Outcome[EngagementView]:
    """A new event, with any files to keep with it, saved together or not at all."""
    with db.write() as session:
        event = EngagementEvent()
        apply_input(session, event, data)
        session.add(event)
        _attach(session, event, files)
        session.flush()
        return outcome(view_of(event), Area.STOCKTAKE)


def update_event(
    db: Database, event_id: int, data: EngagementInput, files: Sequence[Path] = ()
) -> Outcome[EngagementView]:
    """Change an event; `files` are added to those it has (none is taken away)."""
    with db.write() as session:
        event = load(session, EngagementEvent, event_id, "That event no longer exists.")
        read, links = event.version, _links(event)
        with session.no_autoflush:  # its own columns in one flush: one step of its version
            apply_input(session, event, data)
        if (now := _links(event)) != links:
            changed = {k: (links[k], now[k]) for k in now if now[k] != links[k]}
            versions.count_parts(session, event, read, changed)
        _attach(session, event, files)
        session.flush()
        return outcome(view_of(event), Area.STOCKTAKE)


def _links(event: EngagementEvent) -> dict[str, list[str]]:
    return {
        "areas": sorted(a.code for a in event.areas),
        "actions": sorted(a.reference for a in event.actions),
        "requirements": sorted(r.reference for r in event.requirements),
    }


def delete_event(db: Database, event_id: int) -> Outcome[None]:
    with db.write() as session:
        session.delete(load(session, EngagementEvent, event_id, "That event no longer exists."))
    return outcome(None, Area.STOCKTAKE)


def attach_files(db: Database, event_id: int, paths: Sequence[Path]) -> Outcome[EngagementView]:
    """Keep each file inside the database with the event (the same bytes are stored once)."""
    with db.write() as session:
        event = load(session, EngagementEvent, event_id, "That event no longer exists.")
        _attach(session, event, paths)
        session.flush()
        return outcome(view_of(event), Area.STOCKTAKE)


def _attach(session: Session, event: EngagementEvent, paths: Sequence[Path]) -> None:
    for path in paths:
        stored = store_path(session, Path(path))
        session.flush()
        event.files.append(EngagementFile(file_id=stored.id, original_name=Path(path).name))
