"""Writing the register and the mitigation plan as formatted .xlsx or plain CSV.

Score cells carry the number and band label on the band colour, so the sheet reads the same
on a grey printer. Text that a spreadsheet would run as a formula is neutralised by the writers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sendboard import clock
from sendboard.domain.risk import Rating
from sendboard.errors import SendboardError
from sendboard.outputs.sheets import Fill, write_csv, write_xlsx
from sendboard.services.risks.register import list_risks, register_as_at
from sendboard.services.risks.views import RiskView
from sendboard.store.database import Database

REGISTER_HEADER = (
    "Ref",
    "Risk",
    "Cause",
    "Event",
    "Consequence",
    "Category",
    "Priority area",
    "Board",
    "Owner",
    "Inherent L",
    "Inherent I",
    "Inherent",
    "Controls",
    "Residual L",
    "Residual I",
    "Residual",
    "Target L",
    "Target I",
    "Target",
    "Target date",
    "Appetite",
    "Trend",
    "Proximity",
    "Status",
    "Date raised",
    "Last reviewed",
    "Not reviewed since last meeting",
    "Mitigating actions",
)
REGISTER_WIDTHS = (8, 40, 30, 30, 30, 16, 10, 22, 20, 6, 6, 13, 36, 6, 6, 13, 6, 6, 13, 12)
REGISTER_WIDTHS += (18, 14, 16, 16, 12, 12, 12, 22)

PLAN_HEADER = (
    "Ref",
    "Risk",
    "Risk owner",
    "Residual",
    "Target",
    "Trend",
    "Action ref",
    "Mitigating action",
    "Action owner",
    "Due",
    "Progress",
)
PLAN_WIDTHS = (8, 40, 20, 13, 13, 14, 10, 45, 20, 12, 14)


def _fill(rating: Rating | None, plain: bool) -> Any:
    if rating is None:
        return ""
    if plain:
        return rating.text
    return Fill(rating.text, rating.band.colour, rating.band.text_colour)


def register_rows(views: Sequence[RiskView], plain: bool = False) -> list[list[Any]]:
    rows = []
    for v in views:
        target = v.target
        rows.append(
            [
                v.reference,
                v.title,
                v.cause,
                v.event,
                v.consequence,
                v.category,
                v.priority_area,
                v.board,
                v.owner,
                v.inherent.likelihood,
                v.inherent.impact,
                _fill(v.inherent, plain),
                v.controls,
                v.residual.likelihood,
                v.residual.impact,
                _fill(v.residual, plain),
                target.likelihood if target else None,
                target.impact if target else None,
                _fill(target, plain),
                v.target_date,
                _appetite_text(v),
                v.trend.text,
                v.proximity.label if v.proximity else "",
                v.status.label,
                v.created_on,
                v.last_reviewed,
                "Yes" if v.not_reviewed else "",
                ", ".join(a.reference for a in v.actions),
            ]
        )
    return rows


def _appetite_text(view: RiskView) -> str:
    if view.appetite is None:
        return ""
    text = f"{view.appetite.level.label} (≤{view.appetite.highest_score})"
    return text + " — above appetite" if view.above_appetite else text


def plan_rows(views: Sequence[RiskView], plain: bool = False) -> list[list[Any]]:
    """One row per mitigating action of each live risk; a risk with none says so."""
    rows = []
    for v in views:
        if not v.live:
            continue
        lead = [v.reference, v.title, v.owner, _fill(v.residual, plain), _fill(v.target, plain)]
        lead.append(v.trend.text)
        if not v.actions:
            rows.append([*lead, "", "No mitigating action linked yet", "", None, ""])
        for action in v.actions:
            progress: Any = action.progress
            if action.brag is not None and not plain:
                progress = Fill(progress, action.brag.colour, action.brag.text_colour)
            rows.append([*lead, action.reference, action.title, action.owner, action.due, progress])
    return rows


def _views(db: Database, as_at: date | None) -> list[RiskView]:
    return list_risks(db) if as_at is None else register_as_at(db, as_at)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SendboardError(f"{path.name}: save the register as .xlsx or .csv.")
    return suffix


def _title(prefix: str, as_at: date | None) -> str:
    return f"{prefix} {(as_at or clock.today()):%d-%m-%Y}"  # sheet names: 31 characters


def export_register(db: Database, path: Path, as_at: date | None = None) -> int:
    """Write the register (today's, or as it stood at the end of `as_at`); returns risks written."""
    kind = _kind(path)
    views = _views(db, as_at)
    if kind == ".csv":
        write_csv(path, REGISTER_HEADER, register_rows(views, plain=True))
    else:
        rows = register_rows(views)
        write_xlsx(path, _title("Risk register", as_at), REGISTER_HEADER, rows, REGISTER_WIDTHS)
    return len(views)


def export_mitigation_plan(db: Database, path: Path, as_at: date | None = None) -> int:
    """Write each live risk with its mitigating actions, owners, due dates and progress."""
    kind = _kind(path)
    views = _views(db, as_at)
    if kind == ".csv":
        rows = plan_rows(views, plain=True)
        write_csv(path, PLAN_HEADER, rows)
    else:
        rows = plan_rows(views)
        write_xlsx(path, _title("Mitigation plan", as_at), PLAN_HEADER, rows, PLAN_WIDTHS)
    return len(rows)
