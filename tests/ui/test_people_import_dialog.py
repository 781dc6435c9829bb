"""The people import preview dialog and the export action, driven as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from sendboard.services import people as people_service
from sendboard.services.common.changes import Area, Changes
from sendboard.services.common.imports import RowFinding, RowStatus
from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.common import import_file
from ui.common.import_preview import ImportPreviewDialog
from ui.common.import_rows import COL_DETAILS, COL_STATUS, ImportRowsModel
from ui.context import AppContext
from ui.people import import_dialog as people_import
from ui.people.page import PeopleBoardsPage

MARSH = "helen.marsh@kingsmere.example.gov.uk"


@pytest.fixture
def ctx(demo_db: Database) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


@pytest.fixture
def window(qtbot) -> QMainWindow:  # type: ignore[no-untyped-def]
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    qtbot.addWidget(main)
    main.show()
    return main


def preview_dialog(qtbot, window: QWidget) -> ImportPreviewDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=10000)
    return window.findChild(ImportPreviewDialog)


def test_rows_model_shows_status_words_and_colours() -> None:
    model = ImportRowsModel()
    model.set_rows(
        [
            RowFinding(2, "a@x.org", RowStatus.NEW),
            RowFinding(3, "Ben", RowStatus.ERROR, ("Name is missing", "bad email")),
        ]
    )
    assert model.rowCount() == 2
    assert model.index(1, COL_STATUS).data() == "Error"
    assert model.index(1, COL_DETAILS).data() == "Name is missing\nbad email"
    background = model.index(1, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor) and background.red() > background.green()
    assert model.index(0, COL_STATUS).data() == "New"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == RowStatus.NEW


def test_rows_with_errors_cannot_be_imported(qtbot, ctx, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text("Name,Email\nGood,good@x.org\n,nameless@x.org\n", encoding="utf-8")
    people_import.run_import(window.centralWidget(), ctx, path)
    dialog = preview_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled()
    assert "1 with errors" in dialog.summary.text()
    assert "marked Error" in dialog.advice.text()
    assert dialog.proxy.rowCount() == 2
    assert dialog.proxy.index(1, COL_DETAILS).data() == "Name is missing"
    dialog.reject()


def test_importing_from_the_preview_updates_and_announces(
    qtbot, ctx, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "people.xlsx"
    people_import.run_export(window.centralWidget(), ctx, path)
    qtbot.waitUntil(lambda: "exported" in window.statusBar().currentMessage(), timeout=10000)
    book = load_workbook(path)
    row = next(r for r in book.active.iter_rows(min_row=2) if r[3].value == MARSH)
    row[1].value = "Assistant Director, SEND"
    book.save(path)

    announced: list[Changes] = []
    ctx.bus.changed.connect(announced.append)
    people_import.run_import(window.centralWidget(), ctx, path)
    dialog = preview_dialog(qtbot, window)
    assert dialog.import_button.isEnabled()
    assert dialog.changes_only.isChecked()  # a long file opens on what changes
    assert dialog.proxy.rowCount() == 1
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert announced and announced[0].touches(Area.PEOPLE)
    assert "1 updated" in window.statusBar().currentMessage()
    marsh = next(p for p in people_service.list_people(ctx.db) if p.email == MARSH)
    assert marsh.title == "Assistant Director, SEND"


def test_an_unreadable_file_is_reported(qtbot, ctx, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[Exception] = []
    monkeypatch.setattr(import_file, "show_error", lambda parent, exc, title: shown.append(exc))
    people_import.run_import(window.centralWidget(), ctx, tmp_path / "missing.xlsx")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "does not exist" in str(shown[0])
    assert window.findChild(ImportPreviewDialog) is None


@pytest.fixture
def page(qtbot, ctx: AppContext) -> PeopleBoardsPage:  # type: ignore[no-untyped-def]
    widget = PeopleBoardsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.activate()
    widget.tabs.setCurrentWidget(widget.contacts_tab)
    return widget


def test_contacts_tab_buttons_export_and_import(  # type: ignore[no-untyped-def]
    qtbot, page: PeopleBoardsPage, tmp_path: Path, monkeypatch
) -> None:
    tab = page.contacts_tab
    assert tab.import_button.isVisible() and tab.export_button.isVisible()
    chosen = tmp_path / "contacts"  # no suffix typed: the chosen file type adds it
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(chosen), "CSV, comma separated (*.csv)"),
    )
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "contacts.csv"
    qtbot.waitUntil(written.exists, timeout=10000)
    text = written.read_text(encoding="utf-8-sig")
    written.write_text(text.replace("Head of SEND", "Director of SEND"), encoding="utf-8")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = preview_dialog(qtbot, tab)
    assert dialog.proxy.rowCount() == 1  # only Helen Marsh changes
    assert dialog.proxy.index(0, COL_STATUS).data() == "Update"
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    marsh = next(p for p in tab.directory.people if p.email == MARSH)
    assert marsh.title == "Director of SEND"
