"""The register's Import and Export buttons: choose a file, then read or write it off the GUI
thread; exports follow the "as at" date the page shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from sendboard import clock
from sendboard.services.common.workspace import Database
from sendboard.services.risks import io as risks_io
from ui.common.errors import show_error
from ui.risks.import_dialog import RiskImportDialog

if TYPE_CHECKING:
    from ui.risks.page import RisksPage

SHEETS = "Excel workbook (*.xlsx);;CSV (*.csv)"

Writer = Callable[[Database, Path, date | None], int]


def import_sheet(page: RisksPage) -> None:
    name, _ = QFileDialog.getOpenFileName(
        page, "Import risk register", "", "Spreadsheets (*.xlsx *.csv)"
    )
    if name:
        RiskImportDialog(page.ctx, Path(name), parent=page).exec()


def export_register(page: RisksPage) -> None:
    _export(page, "risk-register", risks_io.export_register, "Risk register")


def export_plan(page: RisksPage) -> None:
    _export(page, "mitigation-plan", risks_io.export_mitigation_plan, "Mitigation plan")


def _export(page: RisksPage, stem: str, writer: Writer, what: str) -> None:
    as_at = page.as_at_day()
    default = f"{stem}-{(as_at or clock.today()):%Y-%m-%d}.xlsx"
    name, chosen = QFileDialog.getSaveFileName(page, f"Export {what.lower()}", default, SHEETS)
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    page.ctx.tasks.run(
        lambda: writer(page.ctx.db, path, as_at),
        on_done=lambda _n: page.show_status(f"{what} written to {path}"),
        on_error=lambda exc: show_error(page, exc),
    )
