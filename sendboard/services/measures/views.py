"""Reading measures: each with its targets dated, its current value per period, and its status.

Three queries however many measures there are (measures, their targets, every value row), so
the Performance page with 200 measures of three years' values opens quickly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from sendboard.domain.measures import (
    TARGET_MONTHS,
    Assessment,
    Direction,
    Frequency,
    Milestone,
    Point,
    Status,
    add_months,
    assess,
    format_value,
)
from sendboard.services.common.records import load
from sendboard.services.measures.notice import read_notice_date
from sendboard.store.database import Database
from sendboard.store.models import Measure, MeasureValue


@dataclass(frozen=True)
class TargetView:
    value: float
    label: str  # "12-month target", or a further milestone's own label
    months: int | None = None  # 3, 6, 12, 24; None for a further milestone
    due: date | None = None  # None while neither the notice date nor a baseline date is set


@dataclass(frozen=True)
class PeriodValue:
    """The current value of one period: the latest row entered for it."""

    period_end: date
    period: str  # "Jun 2027"
    value: float
    note: str = ""
    entered_by: str = ""
    recorded_at: datetime | None = None
    row_id: int = 0
    corrections: int = 0  # earlier rows for the period that this one replaces


@dataclass(frozen=True)
class MeasureView:
    id: int
    reference: str
    name: str
    definition: str
    unit: str
    direction: Direction
    data_source: str
    owner_id: int | None
    owner_name: str
    frequency: Frequency
    area_id: int | None
    area_code: str
    area_title: str
    baseline_value: float | None
    baseline_date: date | None
    targets: tuple[TargetView, ...]
    values: tuple[PeriodValue, ...]
    assessment: Assessment
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def latest(self) -> PeriodValue | None:
        return self.values[-1] if self.values else None

    def target(self, months: int) -> float | None:
        return next((t.value for t in self.targets if t.months == months), None)

    @property
    def further(self) -> tuple[TargetView, ...]:
        return tuple(t for t in self.targets if t.months is None)

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        return tuple(Milestone(t.due, t.value, t.label) for t in self.targets if t.due)

    @property
    def slippage(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.assessment.slippage)

    def shown(self, value: float | None) -> str:
        return format_value(value, self.unit)

    @property
    def area_label(self) -> str:
        return f"{self.area_code} {self.area_title}".strip() or "No priority area"


@dataclass(frozen=True)
class ValueRow:
    """One row of a measure's history, as entered."""

    id: int
    period_end: date
    period: str
    value: float
    note: str
    entered_by: str
    recorded_at: datetime
    corrects_id: int | None
    current: bool


def _targets(measure: Measure, start: date | None) -> tuple[TargetView, ...]:
    rows = []
    for target in measure.targets:
        if target.months is not None:
            due = add_months(start, target.months) if start else None
            rows.append(
                TargetView(target.value, f"{target.months}-month target", target.months, due)
            )
        else:
            label = target.label or (f"Milestone {target.due:%b %Y}" if target.due else "Milestone")
            rows.append(TargetView(target.value, label, None, target.due))
    order = {m: i for i, m in enumerate(TARGET_MONTHS)}
    rows.sort(key=lambda t: (t.months is None, order.get(t.months or 0, 0), t.due or date.max))
    return tuple(rows)


def _current(rows: list[MeasureValue], frequency: Frequency) -> tuple[PeriodValue, ...]:
    """The latest row of each period, periods in order. `rows` come ordered by period, then
    entry order."""
    by_period: dict[date, list[MeasureValue]] = defaultdict(list)
    for row in rows:
        by_period[row.period_end].append(row)
    current = []
    for end in sorted(by_period):
        entered = by_period[end]
        last = entered[-1]
        current.append(
            PeriodValue(
                period_end=end,
                period=frequency.label_for(end),
                value=last.value,
                note=last.note,
                entered_by=last.entered_by,
                recorded_at=last.recorded_at,
                row_id=last.id,
                corrections=len(entered) - 1,
            )
        )
    return tuple(current)


def build_view(measure: Measure, rows: list[MeasureValue], notice: date | None) -> MeasureView:
    targets = _targets(measure, notice or measure.baseline_date)
    values = _current(rows, measure.frequency)
    baseline = (
        Point(measure.baseline_date, measure.baseline_value)
        if measure.baseline_date is not None and measure.baseline_value is not None
        else None
    )
    milestones = [Milestone(t.due, t.value, t.label) for t in targets if t.due is not None]
    assessment = assess(
        baseline=baseline,
        milestones=milestones,
        points=[Point(v.period_end, v.value) for v in values],
        direction=measure.direction,
        frequency=measure.frequency,
        unit=measure.unit,
    )
    area = measure.priority_area
    return MeasureView(
        id=measure.id,
        reference=measure.reference,
        name=measure.name,
        definition=measure.definition,
        unit=measure.unit,
        direction=measure.direction,
        data_source=measure.data_source,
        owner_id=measure.owner_id,
        owner_name=measure.owner.name if measure.owner else "",
        frequency=measure.frequency,
        area_id=measure.priority_area_id,
        area_code=area.code if area else "",
        area_title=area.title if area else "",
        baseline_value=measure.baseline_value,
        baseline_date=measure.baseline_date,
        targets=targets,
        values=values,
        assessment=assessment,
        version=measure.version,
    )


def _value_order():  # type: ignore[no-untyped-def]
    """By period, then in the order entered (ids: whatever a computer's clock said)."""
    return (MeasureValue.measure_id, MeasureValue.period_end, MeasureValue.id)


def read_measures(session: Session, ids: list[int] | None = None) -> list[MeasureView]:
    query = select(Measure).options(
        joinedload(Measure.priority_area), joinedload(Measure.owner), selectinload(Measure.targets)
    )
    rows_query = select(MeasureValue).order_by(*_value_order())
    if ids is not None:
        query = query.where(Measure.id.in_(ids))
        rows_query = rows_query.where(MeasureValue.measure_id.in_(ids))
    measures = session.scalars(query).unique().all()
    rows: dict[int, list[MeasureValue]] = defaultdict(list)
    for row in session.scalars(rows_query):
        rows[row.measure_id].append(row)
    notice = read_notice_date(session)
    views = [build_view(m, rows.get(m.id, []), notice) for m in measures]
    views.sort(key=lambda v: (v.area_code or "~", v.reference))
    return views


def list_measures(db: Database) -> tuple[MeasureView, ...]:
    """Every measure, by priority area then reference."""
    with db.read() as session:
        return tuple(read_measures(session))


def get_measure(db: Database, measure_id: int) -> MeasureView:
    with db.read() as session:
        load(session, Measure, measure_id, "That measure no longer exists.")
        return read_measures(session, [measure_id])[0]


def measure_history(db: Database, measure_id: int) -> tuple[ValueRow, ...]:
    """Every value ever entered for the measure, newest first, corrections included."""
    with db.read() as session:
        measure = load(session, Measure, measure_id, "That measure no longer exists.")
        rows = session.scalars(
            select(MeasureValue)
            .where(MeasureValue.measure_id == measure_id)
            .order_by(*_value_order())
        ).all()
        current = {v.row_id for v in _current(list(rows), measure.frequency)}
        return tuple(
            ValueRow(
                id=r.id,
                period_end=r.period_end,
                period=measure.frequency.label_for(r.period_end),
                value=r.value,
                note=r.note,
                entered_by=r.entered_by,
                recorded_at=r.recorded_at,
                corrects_id=r.corrects_id,
                current=r.id in current,
            )
            for r in reversed(rows)
        )
