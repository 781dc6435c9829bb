"""Importing and exporting the contact list from the People & Boards page.

Both ask for a file, then do the work off the GUI thread: a preview first for imports (nothing is
written until the secretary chooses Import), the whole export for exports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from sendboard.domain.wording import counted
from sendboard.services.common.imports import ImportPreview, RowStatus
from sendboard.services.people.io import export_people, import_people, preview_people_import
from ui.common.errors import show_error
from ui.common.import_preview import ImportPreviewDialog
from ui.context import AppContext

SPREADSHEETS = "Spreadsheets (*.xlsx *.csv)"
EXPORT_FILTERS = {"Excel workbook (*.xlsx)": ".xlsx", "CSV, comma separated (*.csv)": ".csv"}


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 8000)


def run_import(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    """Choose a .csv/.xlsx file (unless given), preview it, and import on the user's say-so."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Import people from a spreadsheet", _documents(), SPREADSHEETS
        )
        if not chosen:
            return
        path = Path(chosen)
    source = path
    _status(parent, f"Checking {source.name}…")

    def imported(preview: ImportPreview) -> None:
        _status(
            parent,
            f"Imported {source.name}: {preview.count(RowStatus.NEW)} added, "
            f"{preview.count(RowStatus.UPDATE)} updated.",
        )

    def previewed(preview: ImportPreview) -> None:
        _status(parent, "")
        dialog = ImportPreviewDialog(
            parent,
            ctx,
            f"Import people — {source.name}",
            preview,
            lambda: import_people(ctx.db, source),
            on_imported=imported,
        )
        dialog.setObjectName("people-import-preview")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    ctx.tasks.run(
        lambda: preview_people_import(ctx.db, source),
        on_done=previewed,
        on_error=lambda exc: show_error(parent, exc, "Import people"),
    )


def run_export(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    """Choose where to save (unless given), then write everyone there off the GUI thread."""
    if path is None:
        suggested = str(Path(_documents()) / "sendboard-people.xlsx")
        chosen, selected = QFileDialog.getSaveFileName(
            parent, "Export people", suggested, ";;".join(EXPORT_FILTERS)
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + EXPORT_FILTERS.get(selected, ".xlsx"))
    target = path
    _status(parent, f"Exporting people to {target.name}…")
    ctx.tasks.run(
        lambda: export_people(ctx.db, target),
        on_done=lambda count: _status(parent, f"{counted(count, 'person')} exported to {target}"),
        on_error=lambda exc: show_error(parent, exc, "Export people"),
    )
