"""Measures out to a spreadsheet: one row per measure with its baseline, targets, latest value,
status and slippage (read back unchanged by the import); or one period's values, one row per
measure, for the performance team to fill in and import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sendboard.domain.measures import TARGET_MONTHS, Status
from sendboard.errors import SendboardError
from sendboard.outputs.sheets import Fill, write_csv, write_xlsx
from sendboard.services.measures.sheet_columns import MEASURE_COLUMNS, VALUE_COLUMNS
from sendboard.services.measures.views import MeasureView, TargetView
from sendboard.store.database import Database


def further_text(targets: tuple[TargetView, ...]) -> str:
    """'31/03/2029 80 Exit milestone; …': day, value, label, as the import reads them."""
    return "; ".join(
        f"{t.due:%d/%m/%Y} {_number(t.value)} {t.label}".strip() for t in targets if t.due
    )


def _number(value: float | None) -> Any:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _status(status: Status, fills: bool) -> Any:
    text = f"{status.letter} {status.label}" if status.letter != "–" else status.label
    return Fill(text, status.colour, status.text_colour) if fills else text


def measure_row(view: MeasureView, *, fills: bool) -> list[Any]:
    latest = view.latest
    return [
        view.reference,
        view.area_code,
        view.name,
        view.definition,
        view.unit,
        view.direction.label,
        view.data_source,
        view.owner_name,
        view.frequency.label,
        _number(view.baseline_value),
        view.baseline_date,
        *(_number(view.target(m)) for m in TARGET_MONTHS),
        further_text(view.further),
        _number(latest.value) if latest else None,
        latest.period if latest else "",
        _status(view.status, fills),
        "; ".join(view.slippage),
        view.assessment.trend.label,
    ]


def _write(path: Path, title: str, columns: tuple, rows: list[list[Any]]) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    header = [h for _, h, _ in columns]
    if suffix == ".xlsx":
        write_xlsx(path, title, header, rows, widths=[w for _, _, w in columns])
    elif suffix == ".csv":
        write_csv(path, header, rows)
    else:
        raise SendboardError(f"{path.name}: choose a .xlsx or .csv file name.")


def export_measures(db: Database, path: Path) -> int:
    """Every measure, one row each; returns how many."""
    from sendboard.services.measures.views import list_measures

    views = list_measures(db)
    fills = Path(path).suffix.lower() == ".xlsx"
    _write(path, "Measures", MEASURE_COLUMNS, [measure_row(v, fills=fills) for v in views])
    return len(views)


def export_values(db: Database, path: Path, period: date) -> int:
    """A return for the period holding `period`: each measure's period, and its value when one
    is in, ready to be filled in and imported."""
    from sendboard.services.measures.views import list_measures

    rows = []
    for view in list_measures(db):
        end = view.frequency.period_end(period)
        value = next((v for v in view.values if v.period_end == end), None)
        rows.append(
            [
                view.reference,
                view.name,
                view.unit,
                view.frequency.label_for(end),
                _number(value.value) if value else None,
                value.note if value else "",
            ]
        )
    _write(path, "Values", VALUE_COLUMNS, rows)
    return len(rows)
