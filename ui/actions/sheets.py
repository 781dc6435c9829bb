"""The action log's Import and Export buttons: choose a file, preview, then read or write it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sendboard.services import actions
from sendboard.services.common.imports import ImportPreview
from ui.actions.import_dialog import ImportPreviewDialog
from ui.common.errors import show_error

if TYPE_CHECKING:
    from ui.actions.page import ActionsPage


def import_log(page: ActionsPage) -> None:
    name, _ = QFileDialog.getOpenFileName(
        page, "Import an action log", "", "Spreadsheets (*.xlsx *.xlsm *.csv)"
    )
    if name:
        page.ctx.tasks.run(
            lambda: actions.preview_import(page.ctx.db, Path(name)),
            on_done=lambda preview: _confirm_import(page, Path(name), preview),
            on_error=lambda exc: show_error(page, exc),
        )


def _confirm_import(page: ActionsPage, path: Path, preview: ImportPreview) -> None:
    if ImportPreviewDialog(preview).exec():
        page.ctx.mutate(
            lambda: actions.import_actions(page.ctx.db, path),
            on_done=lambda done: QMessageBox.information(page, "Import", done.summary()),
            on_error=lambda exc: show_error(page, exc),
        )


def export_log(page: ActionsPage) -> None:
    ids: list[int] | None = None
    shown, total = page.proxy.rowCount(), page.model.rowCount()
    if shown < total:
        box = QMessageBox(page)
        box.setWindowTitle("Export the action log")
        box.setText(f"Export the {shown:,} actions in the current view, or all {total:,}?")
        view_button = box.addButton("&Current view", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&All actions", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is None or box.buttonRole(box.clickedButton()) not in (
            QMessageBox.ButtonRole.AcceptRole,
        ):
            return
        if box.clickedButton() is view_button:
            ids = page.proxy.action_ids()
    name, _ = QFileDialog.getSaveFileName(
        page,
        "Export the action log",
        "action-log.xlsx",
        "Excel workbook (*.xlsx);;CSV (*.csv)",
    )
    if name:
        page.ctx.tasks.run(
            lambda: actions.export_actions(page.ctx.db, Path(name), ids=ids),
            on_done=lambda count: QMessageBox.information(
                page, "Export", f"{count:,} actions written to {Path(name).name}."
            ),
            on_error=lambda exc: show_error(page, exc),
        )
