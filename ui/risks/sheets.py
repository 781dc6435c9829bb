"""The register's Import and Export buttons: choose a file, then read or write it off the GUI
thread; exports follow the "as at" date the page shows.

The commands take what they need (the parent widget, the context, the day shown, where to say
it is done) as arguments, so they never import the page that calls them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sendboard import clock
from sendboard.services.common.workspace import Database
from sendboard.services.risks import io as risks_io
from ui.common.errors import show_error
from ui.context import AppContext
from ui.risks.import_dialog import RiskImportDialog

SHEETS = "Excel workbook (*.xlsx);;CSV (*.csv)"

Writer = Callable[[Database, Path, date | None], int]
Status = Callable[[str], None]


def import_sheet(parent: QWidget, ctx: AppContext) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import risk register", "", "Spreadsheets (*.xlsx *.csv)"
    )
    if name:
        RiskImportDialog(ctx, Path(name), parent=parent).exec()


def export_register(parent: QWidget, ctx: AppContext, as_at: date | None, status: Status) -> None:
    what = "Risk register"
    _export(parent, ctx, as_at, status, "risk-register", risks_io.export_register, what)


def export_plan(parent: QWidget, ctx: AppContext, as_at: date | None, status: Status) -> None:
    what = "Mitigation plan"
    _export(parent, ctx, as_at, status, "mitigation-plan", risks_io.export_mitigation_plan, what)


def _export(
    parent: QWidget,
    ctx: AppContext,
    as_at: date | None,
    status: Status,
    stem: str,
    writer: Writer,
    what: str,
) -> None:
    default = f"{stem}-{(as_at or clock.today()):%Y-%m-%d}.xlsx"
    name, chosen = QFileDialog.getSaveFileName(parent, f"Export {what.lower()}", default, SHEETS)
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    ctx.tasks.run(
        lambda: writer(ctx.db, path, as_at),
        on_done=lambda _n: status(f"{what} written to {path}"),
        on_error=lambda exc: show_error(parent, exc),
    )
