"""Importing a file from any page, the same way everywhere: choose it, read and check it off the
GUI thread, show the preview, and write nothing until the secretary chooses Import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from sendboard.services.common.imports import ImportPreview, RowStatus
from ui.common.errors import show_error
from ui.common.import_preview import ImportCall, ImportPreviewDialog
from ui.context import AppContext

SPREADSHEETS = "Spreadsheets (*.xlsx *.csv)"


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def show_status(parent: QWidget, message: str, msecs: int = 10000) -> None:
    """A line in the main window's status bar, when the page sits in one."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, msecs)


def choose_file(parent: QWidget, title: str, kinds: str = SPREADSHEETS) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, documents_folder(), kinds)
    return Path(chosen) if chosen else None


def preview_then_import(
    parent: QWidget,
    ctx: AppContext,
    title: str,
    path: Path | None,
    read: Callable[[Path], tuple[ImportPreview, ImportCall]],
    *,
    kinds: str = SPREADSHEETS,
    on_dialog: Callable[[ImportPreviewDialog], None] | None = None,
) -> None:
    """Ask for a file (unless given) under `title`; `read` checks it off the GUI thread and returns
    its preview with the call that imports it, which runs only when Import is chosen."""
    source = path or choose_file(parent, title, kinds)
    if source is None:
        return
    show_status(parent, f"Checking {source.name}…")

    def imported(preview: ImportPreview) -> None:
        show_status(
            parent,
            f"Imported {source.name}: {preview.count(RowStatus.NEW)} added, "
            f"{preview.count(RowStatus.UPDATE)} updated, "
            f"{preview.count(RowStatus.UNCHANGED)} unchanged.",
        )

    def previewed(found: tuple[ImportPreview, ImportCall]) -> None:
        show_status(parent, "")
        preview, apply = found
        dialog = ImportPreviewDialog(
            parent, ctx, f"{title} — {source.name}", preview, apply, on_imported=imported
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if on_dialog is not None:
            on_dialog(dialog)

    ctx.tasks.run(
        lambda: read(source),
        on_done=previewed,
        on_error=lambda exc: show_error(parent, exc, title),
    )
