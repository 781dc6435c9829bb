"""The action log import preview, as the secretary sees it before anything is written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from sendboard.services import actions
from sendboard.services.common.workspace import Database
from ui.actions.import_dialog import ImportPreviewDialog

TODAY = date(2026, 11, 23)


def _log(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_repeated_rating_with_a_new_date_shows_as_a_new_update(
    qtbot, demo_db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = next(v for v in actions.list_actions(demo_db, today=TODAY) if v.last_update_on)
    latest = actions.action_history(demo_db, view.id)[-1]
    on = latest.on + timedelta(days=14)
    path = _log(
        tmp_path / "log.xlsx",
        [
            ["Reference", "Action", "Owner", "Timescale", "BRAG", "Impact BRAG", "Update",
             "Update date"],
            [view.reference, view.title, view.owner_name, None,
             latest.progress.letter if latest.progress else None,
             latest.impact.letter if latest.impact else None, latest.text, on],
            [None, "Publish the short breaks offer", "Priya Raman", "Spring term 2027", "G", None,
             None, None],
        ],
    )  # fmt: skip
    dialog = ImportPreviewDialog(actions.preview_import(demo_db, path, today=TODAY))
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Row", "Reference", "Result", "Details",
    ]  # fmt: skip
    shown = {
        table.item(r, 1).text(): (table.item(r, 2).text(), table.item(r, 3).text())
        for r in range(table.rowCount())
    }
    result, details = shown[view.reference]
    assert result == "Update"
    assert f"New update dated {on:%d/%m/%Y}" in details
    new = next(v for k, v in shown.items() if k != view.reference)
    assert new == ("New", "Due date: Spring term 2027 read as 31 March 2027")
    assert dialog.import_button.isEnabled()
