"""Importing a setup workbook (a preview first, like every import) and saving the blank template.

The file is read off the GUI thread; nothing is written until the secretary chooses Import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sendboard.services.setup import import_setup, preview_setup_import, write_template
from ui.common.errors import show_error
from ui.common.import_file import documents_folder, preview_then_import, show_status
from ui.common.import_preview import ImportPreviewDialog
from ui.context import AppContext

WORKBOOKS = "Excel workbooks (*.xlsx)"


def run_setup_import(
    parent: QWidget,
    ctx: AppContext,
    path: Path | None = None,
    on_dialog: Callable[[ImportPreviewDialog], None] | None = None,
) -> None:
    """Choose a workbook (unless given), preview every sheet's rows, import on Import."""
    preview_then_import(
        parent,
        ctx,
        "Import a setup workbook",
        path,
        lambda source: (
            preview_setup_import(ctx.db, source),
            lambda: import_setup(ctx.db, source),
        ),
        kinds=WORKBOOKS,
        on_dialog=on_dialog,
    )


def save_template(parent: QWidget, path: Path | None = None) -> Path | None:
    """Ask where to save the blank workbook (unless given) and write it; returns where."""
    if path is None:
        suggested = str(Path(documents_folder()) / "sendboard-setup.xlsx")
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
    show_status(parent, f"Setup workbook template saved to {written}: fill it in, then import it.")
    return written
