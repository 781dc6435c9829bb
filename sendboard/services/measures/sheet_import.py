"""Taking in the performance team's workbook: a preview first, then every row or none."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from sendboard.errors import ImportRejected, SendboardError
from sendboard.outputs.sheets import Sheet, read_sheet
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowStatus
from sendboard.services.measures.editing import apply_input
from sendboard.services.measures.sheet_columns import MEASURE_ALIASES, VALUE_ALIASES
from sendboard.services.measures.sheet_rows import (
    PERIOD_PREFIX,
    RowPlan,
    period_heading,
    plan_measure_rows,
    plan_value_rows,
    summarise_values,
)
from sendboard.services.measures.values import ValueEntry, default_author, write_values
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.models import Measure


def read_workbook(path: Path) -> tuple[str, Sheet]:
    """("values", sheet) for a row per value, else ("measures", sheet) with any period columns
    read as fields named "period:<heading>"."""
    path = Path(path)
    try:
        return "values", read_sheet(path, VALUE_ALIASES, ("period", "value"))
    except SendboardError as exc:
        if "no header row" not in str(exc):
            raise
    for required in (("name",), ("reference",)):
        try:
            first = read_sheet(path, MEASURE_ALIASES, required)
        except SendboardError as exc:
            if "no header row" not in str(exc):
                raise
            continue
        periods = [h for h in first.unmapped if period_heading(h) is not None]
        if not periods:
            return "measures", first
        aliases = {**MEASURE_ALIASES, **{PERIOD_PREFIX + h: (h,) for h in periods}}
        return "measures", read_sheet(path, aliases, required)
    raise SendboardError(
        f"{path.name}: no header row naming the measure (Reference or Measure) was found in "
        "the first 20 rows."
    )


def _plan(session: Session, path: Path) -> tuple[ImportPreview, list[RowPlan]]:
    shape, sheet = read_workbook(path)
    if shape == "values":
        plans = plan_value_rows(session, sheet)
    else:
        plans = plan_measure_rows(session, sheet)
    summarise_values(plans)
    findings = tuple(p.finding for p in plans)
    unmapped = tuple(h for h in sheet.unmapped if period_heading(h) is None)
    return ImportPreview(Path(path).name, findings, unmapped), plans


def preview_import(db: Database, path: Path) -> ImportPreview:
    """What importing the file would do, row by row; nothing is written."""
    with db.read() as session:
        return _plan(session, Path(path))[0]


def import_measures(
    db: Database, path: Path, *, entered_by: str | None = None
) -> Outcome[ImportPreview]:
    """Import every row, or none: any error leaves the database exactly as it was."""
    author = entered_by if entered_by is not None else default_author(db)
    with db.write() as session:
        preview, plans = _plan(session, Path(path))
        if not preview.ok:
            raise ImportRejected(
                "Nothing was imported; correct these rows and try again.\n" + preview.report(),
                preview,
            )
        entries = []
        for plan in plans:
            measure_id = plan.existing_id
            if plan.data is not None:
                measure = (
                    session.get(Measure, measure_id)
                    if measure_id is not None
                    else Measure(reference=plan.data.reference, name=plan.data.name)
                )
                assert measure is not None
                read = measure.version
                changed = apply_input(measure, plan.data)
                session.add(measure)
                session.flush()
                if changed and measure_id is not None:
                    versions.count_parts(session, measure, read, changed)
                measure_id = measure.id
            if plan.status is RowStatus.ERROR or measure_id is None:
                continue
            entries += [ValueEntry(measure_id, v, n, period=end) for end, v, n in plan.values]
        if entries:
            write_values(session, entries, None, author)
    return outcome(preview, Area.MEASURES)
