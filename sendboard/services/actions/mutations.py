"""Changing the log: create and edit actions, close or supersede them, attach evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.actions import ActionSource, ActionStatus, next_reference
from sendboard.errors import ValidationError
from sendboard.outputs.written import write_whole
from sendboard.services.actions.queries import detail, load_action
from sendboard.services.actions.views import ActionDetail, ActionInput
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import save
from sendboard.store.database import Database
from sendboard.store.files import file_bytes, store_path
from sendboard.store.models import (
    Action,
    ActionFile,
    AgendaItem,
    Board,
    Meeting,
    Organisation,
    Person,
    PriorityArea,
)

ORIGINAL_DUE_FIXED = (
    "The original due date is fixed once set ({day}); record a revised due date and the reason "
    "for it instead."
)


def clean_reference(text: str) -> str:
    return "".join(text.split()).upper()


def reference_taken(session: Session, reference: str, other_than: int | None) -> Action | None:
    query = select(Action).where(func.upper(Action.reference) == reference.upper())
    if other_than is not None:
        query = query.where(Action.id != other_than)
    return session.scalar(query)


def allocate_reference(session: Session, area_code: str | None) -> str:
    return next_reference(area_code, session.scalars(select(Action.reference)))


def _check_exists(session: Session, model: type, key: int | None, label: str, field: str) -> None:
    if key is not None and session.get(model, key) is None:
        raise ValidationError(f"The chosen {label} no longer exists.", field)


def _apply(session: Session, action: Action, data: ActionInput) -> None:
    title = validation.required(data.title, "The action", "title")
    if data.owner_id is None:
        raise ValidationError("Every action needs an owner: choose a person.", "owner_id")
    _check_exists(session, Person, data.owner_id, "owner", "owner_id")
    _check_exists(session, PriorityArea, data.priority_area_id, "priority area", "priority_area_id")
    _check_exists(session, Board, data.board_id, "board", "board_id")
    _check_exists(session, Meeting, data.meeting_id, "meeting", "meeting_id")
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or (data.meeting_id is not None and item.meeting_id != data.meeting_id):
            raise ValidationError("Choose an agenda item of the source meeting.", "agenda_item_id")
    if data.source is ActionSource.MEETING and data.meeting_id is None:
        raise ValidationError(
            "Choose the meeting the action came from, or mark it as from the improvement plan.",
            "meeting_id",
        )
    area = session.get(PriorityArea, data.priority_area_id) if data.priority_area_id else None
    reference = clean_reference(data.reference)
    if not reference:
        if action.reference and action.priority_area_id == data.priority_area_id:
            reference = action.reference
        else:
            reference = allocate_reference(session, area.code if area else None)
    clash = reference_taken(session, reference, action.id)
    if clash is not None:
        raise ValidationError(
            f"Reference {reference} is already used by “{clash.title}”.", "reference"
        )
    if action.original_due is not None and data.original_due != action.original_due:
        day = action.original_due.strftime("%d/%m/%Y")
        raise ValidationError(ORIGINAL_DUE_FIXED.format(day=day), "original_due")
    reason = (data.revised_reason or "").strip()
    if data.revised_due is not None and data.revised_due != action.revised_due and not reason:
        raise ValidationError("Give the reason the due date was revised.", "revised_reason")
    if data.revised_due is None:
        reason = ""
    unknown = [p for p in data.partner_ids if session.get(Organisation, p) is None]
    if unknown:
        raise ValidationError("A chosen partner organisation no longer exists.", "partner_ids")
    action.reference = reference
    action.title = title
    action.description = (data.description or "").strip()
    action.priority_area_id = data.priority_area_id
    action.board_id = data.board_id
    action.source = data.source
    action.meeting_id = data.meeting_id if data.source is ActionSource.MEETING else None
    action.agenda_item_id = data.agenda_item_id if data.source is ActionSource.MEETING else None
    action.owner_id = data.owner_id
    action.target = (data.target or "").strip()
    action.original_due = data.original_due
    action.revised_due = data.revised_due
    action.revised_reason = reason
    action.evidence = (data.evidence or "").strip()
    action.raised_on = data.raised_on or action.raised_on or clock.today()
    action.partners = [session.get(Organisation, p) for p in dict.fromkeys(data.partner_ids)]


#: The rules every new or changed action is held to, for services that create actions inside
#: their own transaction (actions arising from minutes).
apply_input = _apply


def create_action(db: Database, data: ActionInput) -> Outcome[ActionDetail]:
    with db.write() as session:
        action = save(session, Action(reference="", status=ActionStatus.OPEN), _apply, data)
        return outcome(detail(session, action.id, clock.today()), Area.ACTIONS)


def update_action(db: Database, action_id: int, data: ActionInput) -> Outcome[ActionDetail]:
    """Change an action's details; its original due date, once set, cannot change."""
    with db.write() as session:
        action = save(session, load_action(session, action_id), _apply, data)
        return outcome(detail(session, action.id, clock.today()), Area.ACTIONS)


def set_status(
    db: Database,
    action_id: int,
    status: ActionStatus,
    *,
    on: date | None = None,
    superseded_by: str = "",
) -> Outcome[ActionDetail]:
    """Complete, close, supersede or reopen an action; finishing it records the date."""
    with db.write() as session:
        action = load_action(session, action_id)
        replacement = None
        if status is ActionStatus.SUPERSEDED and superseded_by.strip():
            replacement = reference_taken(session, clean_reference(superseded_by), None)
            if replacement is None or replacement.id == action.id:
                raise ValidationError(
                    f"There is no other action with reference {superseded_by.strip()}.",
                    "superseded_by",
                )
        action.status = status
        action.closed_on = (on or clock.today()) if status.finished else None
        action.superseded_by_id = replacement.id if replacement else None
        session.flush()
        return outcome(detail(session, action.id, clock.today()), Area.ACTIONS)


def close_action(db: Database, action_id: int, *, on: date | None = None) -> Outcome[ActionDetail]:
    return set_status(db, action_id, ActionStatus.CLOSED, on=on)


def supersede_action(
    db: Database, action_id: int, *, by_reference: str = "", on: date | None = None
) -> Outcome[ActionDetail]:
    return set_status(db, action_id, ActionStatus.SUPERSEDED, on=on, superseded_by=by_reference)


def attach_evidence(
    db: Database, action_id: int, path: Path, *, update_id: int | None = None
) -> Outcome[ActionDetail]:
    """Keep a file inside the database as evidence of the action's impact."""
    with db.write() as session:
        action = load_action(session, action_id)
        stored = store_path(session, path)
        session.flush()
        action.files.append(
            ActionFile(file_id=stored.id, original_name=path.name, update_id=update_id)
        )
        session.flush()
        return outcome(detail(session, action.id, clock.today()), Area.ACTIONS)


def save_evidence(db: Database, action_id: int, evidence_id: int, target: Path) -> Path:
    """Write an attached evidence file out to where the user chose."""
    with db.read() as session:
        attached = session.get(ActionFile, evidence_id)
        if attached is None or attached.action_id != action_id:
            raise ValidationError("That evidence file is no longer attached to the action.")
        content = file_bytes(session, attached.file_id)
    write_whole(target, content)
    return target
