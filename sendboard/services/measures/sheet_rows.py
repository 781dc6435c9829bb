"""Checking each row of a measures workbook before anything is written.

Two shapes are read:
- **a row per measure**: its definition (any of the export's columns) and, optionally, one
  column per period ("Apr-26", "May 2026", "2026/27 Q1", "Summer term 2027") holding values;
- **a row per value**: the measure (reference or name), the period, the value and a note.
A measure is found by its reference, else by its name; a row naming a new measure with a
priority area adds it. Every cell that cannot be read is an error naming the cell ("F7").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain.measures import TARGET_MONTHS, Direction, Frequency, format_value
from sendboard.domain.periods import period_end
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date
from sendboard.services.common.imports import RowFinding, RowStatus
from sendboard.services.measures.editing import FurtherMilestone, MeasureInput, check_input
from sendboard.services.measures.editing import input_from as view_input
from sendboard.services.measures.views import MeasureView, read_measures
from sendboard.store.models import Person, PriorityArea

PERIOD_PREFIX = "period:"
#: Columns whose blank cell keeps what the measure has (a return often leaves them empty).
KEPT_WHEN_BLANK = ("name", "reference", "area", "direction", "frequency")


@dataclass
class RowPlan:
    row: int
    key: str
    status: RowStatus = RowStatus.UNCHANGED
    messages: list[str] = field(default_factory=list)
    existing_id: int | None = None
    new_key: str = ""  # a measure this file adds: its reference (or name) in lower case
    data: MeasureInput | None = None  # set when the measure is added or changed
    values: list[tuple[date, float, str]] = field(default_factory=list)  # period end, value, note

    @property
    def finding(self) -> RowFinding:
        return RowFinding(self.row, self.key, self.status, tuple(self.messages))

    def error(self, message: str) -> None:
        self.status = RowStatus.ERROR
        self.messages.append(message)


def period_heading(text: str) -> date | None:
    """The day a period heading stands for (its last day), or None when it names no period."""
    try:
        found = period_end(text)
    except ValueError:
        return None
    if found is not None:
        return found.day
    try:  # a heading typed as a date
        return datetime.fromisoformat(str(text).strip()).date()
    except ValueError:
        return None


def parse_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a number")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", "").removesuffix("%").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"'{value}' is not a number") from None


_FURTHER = re.compile(r"(?P<day>\S+)\s+(?P<value>-?[\d.,]+)%?\s*(?P<label>.*)")


def parse_further(text: str) -> tuple[FurtherMilestone, ...]:
    milestones = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _FURTHER.fullmatch(part)
        day = parse_date(match["day"]) if match else None
        if match is None or day is None:
            raise ValueError(f"'{part}' is not a milestone; write it as 31/03/2029 80 Label")
        value = parse_number(match["value"])
        assert value is not None
        milestones.append(FurtherMilestone(day, value, match["label"].strip()))
    return tuple(milestones)


class Lookup:
    """Measures, priority areas and people, found the way a spreadsheet names them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.views = read_measures(session)
        self.by_reference = {v.reference.lower(): v for v in self.views}
        self.by_name = {v.name.lower(): v for v in self.views}
        self.areas = {a.code.lower(): a.id for a in session.scalars(select(PriorityArea))}
        self.people = {p.name.lower(): p.id for p in session.scalars(select(Person))}
        self.added: dict[str, MeasureInput] = {}  # measures earlier rows of the file add

    def measure(self, reference: str, name: str) -> MeasureView | None:
        found = self.by_reference.get(reference.lower()) if reference else None
        return found or (self.by_name.get(name.lower()) if name else None)

    def area(self, text: str) -> int | None:
        if not text:
            return None
        code = text.split()[0].lower()
        if code not in self.areas:
            known = ", ".join(sorted(c.upper() for c in self.areas)) or "none yet"
            raise ValueError(f"no priority area '{text}' (the areas are {known})")
        return self.areas[code]

    def person(self, text: str) -> int | None:
        if not text:
            return None
        if text.lower() not in self.people:
            raise ValueError(f"no one called '{text}' is in Contacts; add them first")
        return self.people[text.lower()]


def _definition(
    sheet: Sheet, row: SheetRow, plan: RowPlan, lookup: Lookup, base: MeasureInput
) -> MeasureInput:
    """The measure as this row describes it: its own columns over `base`."""
    changes: dict[str, Any] = {}
    targets = dict(base.targets)
    readers = {
        "name": lambda t: t,
        "reference": lambda t: t,
        "definition": lambda t: t,
        "unit": lambda t: t,
        "data_source": lambda t: t,
        "area": lookup.area,
        "owner": lookup.person,
        "direction": lambda t: Direction.parse(t) if t else Direction.HIGHER,
        "frequency": lambda t: Frequency.parse(t) if t else Frequency.MONTHLY,
        "further": parse_further,
    }
    names = {"area": "priority_area_id", "owner": "owner_id"}
    for name, read in readers.items():
        if name not in sheet.columns or (name in KEPT_WHEN_BLANK and not row.text(name)):
            continue
        try:
            changes[names.get(name, name)] = read(row.text(name))
        except ValueError as exc:
            plan.error(f"{sheet.columns[name]} ({sheet.cell(name, row)}): {exc}")
    for name in ("baseline_value", *(f"target_{m}" for m in TARGET_MONTHS)):
        if name not in sheet.columns:
            continue
        try:
            number = parse_number(row.values.get(name))
        except ValueError as exc:
            plan.error(f"{sheet.columns[name]} ({sheet.cell(name, row)}): {exc}")
            continue
        if name == "baseline_value":
            changes[name] = number
        elif number is None:
            targets.pop(int(name.split("_")[1]), None)
        else:
            targets[int(name.split("_")[1])] = number
    if "baseline_date" in sheet.columns:
        try:
            changes["baseline_date"] = parse_date(row.values.get("baseline_date"))
        except ValueError as exc:
            plan.error(
                f"{sheet.columns['baseline_date']} ({sheet.cell('baseline_date', row)}): {exc}"
            )
    values = {**base.__dict__, **changes, "targets": targets}
    return MeasureInput(**values)


def plan_measure_rows(session: Session, sheet: Sheet) -> list[RowPlan]:
    lookup = Lookup(session)
    periods = {
        f: period_heading(h) for f, h in sheet.columns.items() if f.startswith(PERIOD_PREFIX)
    }
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        reference, name = row.text("reference"), row.text("name")
        plan = RowPlan(row.number, reference or name)
        plans.append(plan)
        for problem in row.problems:
            plan.error(problem)
        if not (reference or name):
            plan.error("Give the measure's reference or name.")
            continue
        existing = lookup.measure(reference, name)
        key = (reference or name).lower()
        if key in seen:
            plan.error(f"The measure is also on row {seen[key]}; give each measure one row.")
            continue
        seen[key] = row.number
        if existing is not None:
            plan.existing_id = existing.id
            base = view_input(existing)
        else:
            base = MeasureInput(name=name, reference=reference)
        data = _definition(sheet, row, plan, lookup, base)
        if plan.status is RowStatus.ERROR:
            continue
        if existing is None and data.priority_area_id is None:
            plan.error(
                f"No measure '{reference or name}' exists; to add it, give its priority area."
            )
            continue
        try:
            checked = check_input(session, data, plan.existing_id)
        except ValidationError as exc:
            plan.error(str(exc))
            continue
        if existing is None:
            plan.status, plan.data, plan.new_key = RowStatus.NEW, checked, checked.reference.lower()
            lookup.added[plan.new_key] = checked
        elif checked != view_input(existing):
            plan.status, plan.data = RowStatus.UPDATE, checked
            changed = [
                n for n in ("name", "definition", "unit", "direction", "data_source", "owner_id",
                            "frequency", "baseline_value", "baseline_date", "targets", "further",
                            "priority_area_id", "reference")
                if getattr(checked, n) != getattr(view_input(existing), n)
            ]  # fmt: skip
            plan.messages.append("Changes " + ", ".join(c.replace("_", " ") for c in changed))
        frequency = checked.frequency
        current = {v.period_end: v for v in existing.values} if existing else {}
        taken: dict[date, str] = {}
        for fieldname, day in periods.items():
            heading = sheet.columns[fieldname]
            try:
                number = parse_number(row.values.get(fieldname))
            except ValueError as exc:
                plan.error(f"{heading} ({sheet.cell(fieldname, row)}): {exc}")
                continue
            if number is None or day is None:
                continue
            end = frequency.period_end(day)
            if end in taken:
                plan.error(
                    f"{heading} and {taken[end]} are both {frequency.label_for(end)} "
                    f"for this {frequency.value} measure; keep one"
                )
                continue
            taken[end] = heading
            _add_value(plan, end, number, "", current, checked.unit, frequency)
    return plans


def _add_value(
    plan: RowPlan,
    end: date,
    number: float,
    note: str,
    current: dict[date, Any],
    unit: str,
    frequency: Frequency,
) -> None:
    before = current.get(end)
    if before is not None and before.value == number and before.note == note:
        return
    plan.values.append((end, number, note))
    if before is not None:
        plan.messages.append(
            f"{frequency.label_for(end)}: {format_value(before.value, unit)} corrected to "
            f"{format_value(number, unit)}"
        )
    if plan.status is RowStatus.UNCHANGED:
        plan.status = RowStatus.UPDATE


def summarise_values(plans: list[RowPlan]) -> None:
    """Say how many new values each row adds (corrections are named one by one)."""
    for plan in plans:
        if plan.status is RowStatus.ERROR:
            continue
        new = len(plan.values) - sum(" corrected to " in m for m in plan.messages)
        if new:
            plan.messages.insert(0, counted(new, "new value"))


def plan_value_rows(session: Session, sheet: Sheet) -> list[RowPlan]:
    """A row per value: the measure, the period, the value and a note."""
    lookup = Lookup(session)
    plans: list[RowPlan] = []
    seen: dict[tuple[int, date], int] = {}
    for row in sheet.rows:
        reference, name = row.text("reference"), row.text("name")
        plan = RowPlan(row.number, reference or name)
        plans.append(plan)
        for problem in row.problems:
            plan.error(problem)
        measure = lookup.measure(reference, name)
        if measure is None:
            plan.error(f"No measure '{reference or name}' exists; add it first.")
            continue
        plan.existing_id = measure.id
        period_text = row.text("period")
        day = period_heading(period_text) if period_text else None
        if day is None:
            try:
                day = parse_date(row.values.get("period"))
            except ValueError:
                day = None
        if day is None:
            where = sheet.cell("period", row)
            plan.error(f"Period ({where}): '{period_text}' is not a period (write e.g. May 2026)")
        try:
            number = parse_number(row.values.get("value"))
        except ValueError as exc:
            plan.error(f"Value ({sheet.cell('value', row)}): {exc}")
            continue
        if day is None:
            continue
        if number is None:
            plan.messages.append("No value given; nothing to add")
            continue
        end = measure.frequency.period_end(day)
        if (measure.id, end) in seen:
            plan.error(
                f"{measure.reference} {measure.frequency.label_for(end)} is also on row "
                f"{seen[(measure.id, end)]}"
            )
            continue
        seen[(measure.id, end)] = row.number
        current = {v.period_end: v for v in measure.values}
        _add_value(plan, end, number, row.text("note"), current, measure.unit, measure.frequency)
        if plan.values and plan.status is RowStatus.UPDATE and end not in current:
            plan.status = RowStatus.NEW
    return plans
