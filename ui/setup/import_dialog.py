"""Importing a setup workbook (a preview first, like every import) and saving the blank template.

The file is read off the GUI thread; nothing is written until the secretary chooses Import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from sendboard.services.common.imports import ImportPreview, RowStatus
from sendboard.services.setup import import_setup, preview_setup_import, write_template
from ui.common.errors import show_error
from ui.common.import_preview import ImportPreviewDialog
from ui.context import AppContext

WORKBOOKS = "Excel workbooks (*.xlsx)"


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 10000)


def run_setup_import(
    parent: QWidget,
    ctx: AppContext,
    path: Path | None = None,
    on_dialog: Callable[[ImportPreviewDialog], None] | None = None,
) -> None:
    """Choose a workbook (unless given), preview every sheet's rows, import on Import."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Import a setup workbook", _documents(), WORKBOOKS
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
            f"{preview.count(RowStatus.UPDATE)} updated, "
            f"{preview.count(RowStatus.UNCHANGED)} unchanged.",
        )

    def previewed(preview: ImportPreview) -> None:
        _status(parent, "")
        dialog = ImportPreviewDialog(
            parent,
            ctx,
            f"Import a setup workbook — {source.name}",
            preview,
            lambda: import_setup(ctx.db, source),
            on_imported=imported,
        )
        dialog.setObjectName("setup-import-preview")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if on_dialog is not None:
            on_dialog(dialog)

    ctx.tasks.run(
        lambda: preview_setup_import(ctx.db, source),
        on_done=previewed,
        on_error=lambda exc: show_error(parent, exc, "Import a setup workbook"),
    )


def save_template(parent: QWidget, path: Path | None = None) -> Path | None:
    """Ask where to save the blank workbook (unless given) and write it; returns where."""
    if path is None:
        suggested = str(Path(_documents()) / "sendboard-setup.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            parent, "Save a setup workbook template", suggested, WORKBOOKS
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
    try:
        written = write_template(path)
    except Exception as exc:  # shown to the secretary, with what to do
        show_error(parent, exc, "Setup workbook template")
        return None
    _status(parent, f"Setup workbook template saved to {written}: fill it in, then import it.")
    return written
