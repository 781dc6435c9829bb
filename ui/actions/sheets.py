"""The action log's Import and Export buttons: choose a file, preview, then read or write it.

The commands take what they need (the parent widget, the context, the rows in view) as
arguments, so they never import the page that calls them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sendboard.domain.wording import counted, plural_word
from sendboard.services import actions
from sendboard.services.common.imports import ImportPreview
from ui.actions.import_dialog import ImportPreviewDialog
from ui.common.errors import show_error
from ui.context import AppContext


def import_log(parent: QWidget, ctx: AppContext) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import an action log", "", "Spreadsheets (*.xlsx *.xlsm *.csv)"
    )
    if name:
        ctx.tasks.run(
            lambda: actions.preview_import(ctx.db, Path(name)),
            on_done=lambda preview: _confirm_import(parent, ctx, Path(name), preview),
            on_error=lambda exc: show_error(parent, exc),
        )


def _confirm_import(parent: QWidget, ctx: AppContext, path: Path, preview: ImportPreview) -> None:
    if ImportPreviewDialog(preview).exec():
        ctx.mutate(
            lambda: actions.import_actions(ctx.db, path),
            on_done=lambda done: QMessageBox.information(parent, "Import", done.summary()),
            on_error=lambda exc: show_error(parent, exc),
        )


def export_log(
    parent: QWidget, ctx: AppContext, shown: int, total: int, shown_ids: Callable[[], list[int]]
) -> None:
    """Export the log; when a filter hides some of the `total` rows, ask whether to export only
    the `shown` ones (`shown_ids`) or all."""
    ids: list[int] | None = None
    if shown < total:
        box = QMessageBox(parent)
        box.setWindowTitle("Export the action log")
        box.setText(
            f"Export the {shown:,} {plural_word(shown, 'action')} in the current view, "
            f"or all {total:,}?"
        )
        view_button = box.addButton("&Current view", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&All actions", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is None or box.buttonRole(box.clickedButton()) not in (
            QMessageBox.ButtonRole.AcceptRole,
        ):
            return
        if box.clickedButton() is view_button:
            ids = shown_ids()
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export the action log",
        "action-log.xlsx",
        "Excel workbook (*.xlsx);;CSV (*.csv)",
    )
    if name:
        ctx.tasks.run(
            lambda: actions.export_actions(ctx.db, Path(name), ids=ids),
            on_done=lambda count: QMessageBox.information(
                parent, "Export", f"{counted(count, 'action')} written to {Path(name).name}."
            ),
            on_error=lambda exc: show_error(parent, exc),
        )
