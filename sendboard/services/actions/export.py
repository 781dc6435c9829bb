"""The log out to a spreadsheet: formatted .xlsx for the board, or plain CSV."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sendboard.domain.brag import Brag
from sendboard.errors import SendboardError
from sendboard.outputs.sheets import Fill, write_csv, write_xlsx
from sendboard.services.actions.queries import list_actions
from sendboard.services.actions.views import ActionView
from sendboard.store.database import Database

#: (heading, column width); headings read back by the importer's aliases.
EXPORT_COLUMNS = (
    ("Reference", 10),
    ("Action", 44),
    ("Priority area", 10),
    ("Board", 24),
    ("Owner", 22),
    ("Owner email", 30),
    ("Owner organisation", 24),
    ("Partners", 28),
    ("Measurable target", 36),
    ("Date raised", 12),
    ("Original due date", 12),
    ("Revised due date", 12),
    ("Status", 11),
    ("Progress BRAG", 10),
    ("Impact BRAG", 10),
    ("Latest update", 50),
    ("Last updated", 12),
    ("Evidence of impact", 40),
    ("Date closed", 12),
    ("Highlights", 36),
)
EXPORT_HEADINGS = tuple(h for h, _ in EXPORT_COLUMNS)


def _fill(brag: Brag | None) -> Fill | str:
    if brag is None:
        return ""
    return Fill(f"{brag.letter} {brag.label}", brag.colour, brag.text_colour)


def _row(view: ActionView, *, fills: bool) -> list[Any]:
    def rating(brag: Brag | None) -> Any:
        if fills:
            return _fill(brag)
        return f"{brag.letter} {brag.label}" if brag else ""

    return [
        view.reference,
        view.title,
        view.priority_area_code,
        view.board_name,
        view.owner_name,
        view.owner_email,
        view.owner_organisation,
        "; ".join(view.partners),
        view.target,
        view.raised_on,
        view.original_due,
        view.revised_due,
        view.status.label,
        rating(view.progress),
        rating(view.impact),
        view.last_update,
        view.last_update_on,
        view.evidence,
        view.closed_on,
        "; ".join(view.highlights),
    ]


def export_actions(
    db: Database,
    path: Path,
    *,
    ids: Sequence[int] | None = None,
    today: date | None = None,
) -> int:
    """Write the log (all of it, or the given actions in the given order); returns the count."""
    path = Path(path)
    views = list_actions(db, today=today)
    if ids is not None:
        by_id = {v.id: v for v in views}
        views = [by_id[i] for i in ids if i in by_id]
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            write_xlsx(
                path,
                "Action and impact log",
                EXPORT_HEADINGS,
                (_row(v, fills=True) for v in views),
                widths=[w for _, w in EXPORT_COLUMNS],
            )
        elif suffix == ".csv":
            write_csv(path, EXPORT_HEADINGS, (_row(v, fills=False) for v in views))
        else:
            raise SendboardError(f"{path.name}: export to a .xlsx or .csv file.")
    except OSError as exc:
        raise SendboardError(f"{path.name} could not be written ({exc.strerror}).") from exc
    return len(views)
