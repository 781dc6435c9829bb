"""File → Restore from backup… puts a backup back and reopens it; a read-only file says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from sendboard.errors import ReadOnlyDatabase
from sendboard.services import people
from sendboard.services.common.workspace import open_database
from sendboard.services.people import PersonInput
from sendboard.store import backups
from tests.store.mounts import read_only_copy
from ui.app import make_context
from ui.database.restore_dialog import RestoreDialog
from ui.main_window import MainWindow


def names(db) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.name for p in people.list_people(db)}


def file_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a for a in menu.actions() if a.text() == text)


def test_restore_from_backup_lists_confirms_restores_and_reopens(
    qtbot, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "board.db"
    shutil.copyfile(demo_template, path)
    db = open_database(path)  # an existing file is backed up when it is opened
    kept = backups.list_backups(path)
    assert len(kept) == 1
    broken = tmp_path / "backups" / "board-20200101T000000000000Z.db"
    broken.write_bytes(b"not a database")
    people.create_person(db, PersonInput(name="Added After Backup", email="late@example.org"))
    window = MainWindow(make_context(db))
    qtbot.addWidget(window)
    window.ctx.tasks.wait()

    asked: list[str] = []

    def yes(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    file_action(window, "&Restore from backup…").trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    usable = [dialog.table.item(r, 4).text() for r in range(2)]
    assert usable[0] == "Yes" and usable[1].startswith("No: ")
    assert dialog.table.item(0, 2).text() == db.revision()
    assert "people" in dialog.table.item(0, 3).text()
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()  # an unusable backup cannot be chosen
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()

    dialog.restore_button.click()
    assert asked and "kept in the backups folder" in asked[0]
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=30000)
    result = dialog.findChild(QLabel, "restore-result").text()
    assert result.startswith(f"Restored {kept[0].name}.")
    assert "kept as board-" in result
    assert window.ctx.db is not db
    assert "Added After Backup" not in names(window.ctx.db)
    kept_copy = dialog.restored.kept
    check = open_database(kept_copy)  # the file as it was before the restore
    assert "Added After Backup" in names(check)
    check.close()
    window.ctx.tasks.wait()
    window.ctx.db.close()


def test_a_read_only_database_is_shown_as_such_with_edits_refused(
    qtbot, demo_template: Path, tmp_path: Path
) -> None:
    source = tmp_path / "board.db"
    shutil.copyfile(demo_template, source)
    with read_only_copy(source, tmp_path / "ro") as copy:
        db = open_database(copy)
        window = MainWindow(make_context(db))
        qtbot.addWidget(window)
        banner = window.findChild(QToolBar, "read-only-banner")
        assert banner is not None
        assert "Read-only" in banner.findChild(QLabel, "read-only-note").text()
        assert window.database_label.text().endswith("(read-only)")
        assert not file_action(window, "&Restore from backup…").isEnabled()
        assert not file_action(window, "&Import a setup workbook…").isEnabled()
        errors: list[Exception] = []
        window.ctx.mutate(
            lambda: people.create_person(db, PersonInput(name="Nope", email="no@example.org")),
            on_error=errors.append,
        )
        qtbot.waitUntil(lambda: bool(errors), timeout=10000)
        assert isinstance(errors[0], ReadOnlyDatabase) and "read-only" in str(errors[0])
        window.ctx.tasks.wait()
        db.close()
