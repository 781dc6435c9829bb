"""Entering a period's values: a new row for each value, a correction as a row naming the one it
replaces; a value that repeats the period's current one (and its note) adds nothing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.settings import get_settings
from sendboard.store.audit import os_user
from sendboard.store.database import Database
from sendboard.store.models import Measure, MeasureValue


@dataclass(frozen=True)
class ValueEntry:
    measure_id: int
    value: float
    note: str = ""
    #: Any day in the period; read as the last day of the measure's own period holding it.
    period: date | None = None


@dataclass(frozen=True)
class EntryResult:
    added: int = 0  # first values for their period
    corrected: int = 0  # new rows replacing a period's earlier value
    unchanged: int = 0  # repeated the current value; nothing written

    @property
    def summary(self) -> str:
        return (
            f"{counted(self.added, 'new value')}, {counted(self.corrected, 'correction')}, "
            f"{self.unchanged} unchanged"
        )


def default_author(db: Database) -> str:
    """Who values are entered by, when not said: the secretary named in settings, else the
    computer's user name."""
    return get_settings(db).secretary_name or os_user()


def current_rows(
    session: Session, keys: set[tuple[int, date]]
) -> dict[tuple[int, date], MeasureValue]:
    """The latest row for each (measure, period end) asked about."""
    if not keys:
        return {}
    ids = {k[0] for k in keys}
    ends = {k[1] for k in keys}
    latest: dict[tuple[int, date], MeasureValue] = {}
    query = (
        select(MeasureValue)
        .where(MeasureValue.measure_id.in_(ids), MeasureValue.period_end.in_(ends))
        .order_by(MeasureValue.id)  # entry order, whatever a computer's clock said
    )
    for row in session.scalars(query):
        key = (row.measure_id, row.period_end)
        if key in keys:
            latest[key] = row
    return latest


def write_values(
    session: Session, entries: Sequence[ValueEntry], period: date | None, entered_by: str
) -> EntryResult:
    measures = {
        m.id: m
        for m in session.scalars(
            select(Measure).where(Measure.id.in_({e.measure_id for e in entries}))
        )
    }
    planned: list[tuple[Measure, date, ValueEntry]] = []
    for entry in entries:
        measure = measures.get(entry.measure_id)
        if measure is None:
            raise ValidationError("A measure being entered no longer exists; refresh and retry.")
        if not math.isfinite(entry.value):
            raise ValidationError(f"{measure.reference}: the value must be a number.")
        day = entry.period or period
        if day is None:
            raise ValidationError("Say which period the values are for.")
        planned.append((measure, measure.frequency.period_end(day), entry))
    current = current_rows(session, {(m.id, end) for m, end, _ in planned})
    added = corrected = unchanged = 0
    now = clock.now()
    for measure, end, entry in planned:
        before = current.get((measure.id, end))
        note = entry.note.strip()
        if before is not None and before.value == entry.value and before.note == note:
            unchanged += 1
            continue
        row = MeasureValue(
            measure_id=measure.id,
            period_end=end,
            value=float(entry.value),
            note=note,
            entered_by=entered_by,
            recorded_at=now,
            corrects_id=before.id if before is not None else None,
        )
        session.add(row)
        current[(measure.id, end)] = row
        if before is None:
            added += 1
        else:
            corrected += 1
    session.flush()
    return EntryResult(added, corrected, unchanged)


def record_values(
    db: Database,
    entries: Sequence[ValueEntry],
    *,
    period: date | None = None,
    entered_by: str | None = None,
) -> Outcome[EntryResult]:
    """Enter values, all or none: for one `period` (any day in it; each measure reads it as its
    own period holding that day), or each entry's own period."""
    author = entered_by if entered_by is not None else default_author(db)
    with db.write() as session:
        result = write_values(session, entries, period, author)
    return outcome(result, Area.MEASURES)
