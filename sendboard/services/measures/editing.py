"""Adding, changing and deleting measures with their baseline and targets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from sendboard.domain import validation
from sendboard.domain.measures import TARGET_MONTHS, Direction, Frequency
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import delete_or_explain, load
from sendboard.services.measures.views import MeasureView, read_measures
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.models import Measure, MeasureTarget, MeasureValue, Person, PriorityArea

_GONE = "That measure no longer exists."


@dataclass(frozen=True)
class FurtherMilestone:
    due: date
    value: float
    label: str = ""


@dataclass(frozen=True)
class MeasureInput:
    name: str
    priority_area_id: int | None = None
    reference: str = ""  # blank: the next free one in the area ("P2-M3")
    definition: str = ""
    unit: str = ""
    direction: Direction = Direction.HIGHER
    data_source: str = ""
    owner_id: int | None = None
    frequency: Frequency = Frequency.MONTHLY
    baseline_value: float | None = None
    baseline_date: date | None = None
    #: months from the notice date (3, 6, 12, 24) -> target value
    targets: dict[int, float] = field(default_factory=dict)
    further: tuple[FurtherMilestone, ...] = ()


def check_input(session: Session, data: MeasureInput, measure_id: int | None) -> MeasureInput:
    name = validation.clean(data.name)
    if not name:
        raise ValidationError("Give the measure a name.", field="name")
    unit = validation.clean(data.unit)
    if len(unit) > 32:
        raise ValidationError("Keep the unit short (at most 32 characters).", field="unit")
    if (data.baseline_value is None) != (data.baseline_date is None):
        raise ValidationError(
            "Give the baseline's value and the date it was measured, or neither.",
            field="baseline_value" if data.baseline_value is None else "baseline_date",
        )
    wrong = sorted(set(data.targets) - set(TARGET_MONTHS))
    if wrong:
        raise ValidationError(
            f"Targets are set at 3, 6, 12 and 24 months, not at {counted(wrong[0], 'month')}; "
            "add other dates as further milestones.",
            field="targets",
        )
    if data.priority_area_id is not None:
        load(session, PriorityArea, data.priority_area_id, "That priority area no longer exists.")
    if data.owner_id is not None:
        load(session, Person, data.owner_id, "That person no longer exists.")
    reference = validation.clean(data.reference) or _next_reference(session, data.priority_area_id)
    clash = session.execute(
        select(Measure.id, Measure.reference).where(
            func.lower(Measure.reference) == reference.lower()
        )
    ).first()
    if clash is not None and clash.id != measure_id:
        raise ValidationError(
            f"Another measure is already {clash.reference}: choose another reference.",
            field="reference",
        )
    return replace(
        data,
        name=name,
        unit=unit,
        reference=reference,
        definition=data.definition.strip(),
        data_source=validation.clean(data.data_source),
    )


def _next_reference(session: Session, area_id: int | None) -> str:
    area = session.get(PriorityArea, area_id) if area_id else None
    prefix = f"{area.code}-M" if area else "M"
    taken = session.scalars(select(Measure.reference).where(Measure.reference.like(prefix + "%")))
    numbers = [int(m[1]) for r in taken if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", r))]
    return f"{prefix}{max(numbers, default=0) + 1}"


Target = tuple[int | None, date | None, float, str]


def _shown(targets: Iterable[Target]) -> list[dict[str, object]]:
    """Targets as the audit trail keeps them: {"months": 12, "value": 80} for a target from
    the notice date, {"due": "2027-03-31", "value": 85, "label": "Interim"} for a further one."""
    ordered = sorted(targets, key=lambda t: (t[0] or 0, t[1] or date.min))
    return [
        {"months": months, "value": value}
        if months
        else {"due": due.isoformat() if due else None, "value": value, "label": label}
        for months, due, value, label in ordered
    ]


def apply_input(measure: Measure, data: MeasureInput) -> dict[str, tuple[object, object]]:
    """Fill `measure` from `data`; what changed in its targets (empty when nothing did), for
    `versions.count_parts`."""
    for name in (
        "reference",
        "name",
        "priority_area_id",
        "definition",
        "unit",
        "direction",
        "data_source",
        "owner_id",
        "frequency",
        "baseline_value",
        "baseline_date",
    ):
        setattr(measure, name, getattr(data, name))
    wanted: list[Target] = [(m, None, v, "") for m, v in sorted(data.targets.items())]
    wanted += [(None, m.due, m.value, m.label.strip()) for m in data.further]
    kept: set[Target] = {(t.months, t.due, t.value, t.label) for t in measure.targets}
    if kept != set(wanted):  # targets change rarely; only a real change is written (and audited)
        measure.targets.clear()
        session = object_session(measure)
        if session is not None:  # the old rows go before the new: one target per months
            session.flush()
        measure.targets.extend(
            MeasureTarget(months=months, due=due, value=value, label=label)
            for months, due, value, label in wanted
        )
        return {"targets": (_shown(kept), _shown(wanted))}
    return {}


def _view(session: Session, measure: Measure) -> MeasureView:
    session.flush()
    return read_measures(session, [measure.id])[0]


def create_measure(db: Database, data: MeasureInput) -> Outcome[MeasureView]:
    with db.write() as session:
        checked = check_input(session, data, None)
        measure = Measure(reference=checked.reference, name=checked.name)
        apply_input(measure, checked)
        session.add(measure)
        return outcome(_view(session, measure), Area.MEASURES)


def update_measure(db: Database, measure_id: int, data: MeasureInput) -> Outcome[MeasureView]:
    with db.write() as session:
        measure = load(session, Measure, measure_id, _GONE)
        read = measure.version
        if changed := apply_input(measure, check_input(session, data, measure_id)):
            versions.count_parts(session, measure, read, changed)
        return outcome(_view(session, measure), Area.MEASURES)


def delete_measure(db: Database, measure_id: int) -> Outcome[int]:
    """Only a measure with no values: values are evidence and are never deleted."""
    with db.write() as session:
        measure = load(session, Measure, measure_id, _GONE)
        count = session.scalar(
            select(func.count(MeasureValue.id)).where(MeasureValue.measure_id == measure_id)
        )
        blocked = (
            f"{measure.reference} has {counted(count, 'value')} entered; they are kept as "
            "evidence, "
            "so the measure cannot be deleted."
        )
        if count:
            raise ValidationError(blocked)
        delete_or_explain(session, measure, blocked)
    return outcome(measure_id, Area.MEASURES)


def input_from(view: MeasureView) -> MeasureInput:
    """A form's starting values for an existing measure."""
    return MeasureInput(
        name=view.name,
        priority_area_id=view.area_id,
        reference=view.reference,
        definition=view.definition,
        unit=view.unit,
        direction=view.direction,
        data_source=view.data_source,
        owner_id=view.owner_id,
        frequency=view.frequency,
        baseline_value=view.baseline_value,
        baseline_date=view.baseline_date,
        targets={t.months: t.value for t in view.targets if t.months is not None},
        further=tuple(
            FurtherMilestone(t.due, t.value, t.label) for t in view.further if t.due is not None
        ),
    )
