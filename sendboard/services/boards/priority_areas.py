"""Priority areas of the improvement plan, each with a lead and a sub-group."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain import validation
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import delete_or_explain, load, save
from sendboard.store.database import Database
from sendboard.store.models import Board, Person, PriorityArea

_GONE = "That priority area no longer exists."


@dataclass(frozen=True)
class PriorityAreaView:
    id: int
    code: str
    title: str
    description: str
    responsible_bodies: str
    lead_id: int | None
    lead_name: str
    sub_group_id: int | None
    sub_group_name: str
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


@dataclass(frozen=True)
class PriorityAreaInput:
    code: str
    title: str
    description: str = ""
    responsible_bodies: str = ""
    lead_id: int | None = None
    sub_group_id: int | None = None


def _view(area: PriorityArea) -> PriorityAreaView:
    return PriorityAreaView(
        id=area.id,
        code=area.code,
        title=area.title,
        description=area.description,
        responsible_bodies=area.responsible_bodies,
        lead_id=area.lead_id,
        lead_name=area.lead.name if area.lead else "",
        sub_group_id=area.sub_group_id,
        sub_group_name=area.sub_group.name if area.sub_group else "",
        version=area.version,
    )


def list_priority_areas(db: Database) -> list[PriorityAreaView]:
    with db.read() as session:
        query = select(PriorityArea).options(
            selectinload(PriorityArea.lead), selectinload(PriorityArea.sub_group)
        )
        areas = session.scalars(query).all()
        return sorted((_view(a) for a in areas), key=lambda a: _natural(a.code))


def _natural(code: str) -> tuple[str, int]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (code.rstrip("0123456789"), int(digits) if digits else 0)


def _apply(session: Session, area: PriorityArea, data: PriorityAreaInput) -> None:
    code = validation.required(data.code, "Code", "code").upper()
    clash = session.scalar(
        select(PriorityArea).where(
            func.upper(PriorityArea.code) == code, PriorityArea.id != area.id
        )
    )
    if clash is not None:
        raise ValidationError(f"Code {code} is already used by {clash.title}.", "code")
    if data.lead_id is not None and session.get(Person, data.lead_id) is None:
        raise ValidationError("The chosen lead no longer exists.", "lead_id")
    if data.sub_group_id is not None and session.get(Board, data.sub_group_id) is None:
        raise ValidationError("The chosen sub-group no longer exists.", "sub_group_id")
    area.code = code
    area.title = validation.required(data.title, "Title", "title")
    area.description = (data.description or "").strip()
    area.responsible_bodies = validation.clean(data.responsible_bodies)
    area.lead_id = data.lead_id
    area.sub_group_id = data.sub_group_id


def create_priority_area(db: Database, data: PriorityAreaInput) -> Outcome[PriorityAreaView]:
    with db.write() as session:
        area = save(session, PriorityArea(), _apply, data)
        return outcome(_view(area), Area.BOARDS)


def update_priority_area(
    db: Database, area_id: int, data: PriorityAreaInput
) -> Outcome[PriorityAreaView]:
    with db.write() as session:
        area = save(session, load(session, PriorityArea, area_id, _GONE), _apply, data)
        return outcome(_view(area), Area.BOARDS, Area.ACTIONS)


def delete_priority_area(db: Database, area_id: int) -> Outcome[None]:
    with db.write() as session:
        area = load(session, PriorityArea, area_id, _GONE)
        delete_or_explain(session, area, f"{area.code} still has records that depend on it.")
        return outcome(None, Area.BOARDS, Area.ACTIONS)
