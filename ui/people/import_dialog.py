"""Importing and exporting the contact list from the People & Boards page.

Both ask for a file, then do the work off the GUI thread: a preview first for imports (nothing is
written until the secretary chooses Import), the whole export for exports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sendboard.domain.wording import counted
from sendboard.services.people.io import export_people, import_people, preview_people_import
from ui.common.errors import show_error
from ui.common.import_file import documents_folder, preview_then_import, show_status
from ui.context import AppContext

EXPORT_FILTERS = {"Excel workbook (*.xlsx)": ".xlsx", "CSV, comma separated (*.csv)": ".csv"}


def run_import(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    """Choose a .csv/.xlsx file (unless given), preview it, and import on the user's say-so."""
    preview_then_import(
        parent,
        ctx,
        "Import people",
        path,
        lambda source: (
            preview_people_import(ctx.db, source),
            lambda: import_people(ctx.db, source),
        ),
    )


def run_export(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    """Choose where to save (unless given), then write everyone there off the GUI thread."""
    if path is None:
        suggested = str(Path(documents_folder()) / "sendboard-people.xlsx")
        chosen, selected = QFileDialog.getSaveFileName(
            parent, "Export people", suggested, ";;".join(EXPORT_FILTERS)
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + EXPORT_FILTERS.get(selected, ".xlsx"))
    target = path
    show_status(parent, f"Exporting people to {target.name}…")
    ctx.tasks.run(
        lambda: export_people(ctx.db, target),
        on_done=lambda count: show_status(
            parent, f"{counted(count, 'person')} exported to {target}"
        ),
        on_error=lambda exc: show_error(parent, exc, "Export people"),
    )
