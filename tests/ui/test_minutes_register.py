"""The register of interests is kept from the Minutes page (add, edit, end an entry), and a
decision or a declaration can be taken out of draft minutes in the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.minutes_fixtures import OPEN_TEXT, Board1, make_board
from tests.ui.minutes_page import shown_minutes_page
from ui.minutes.interests import InterestForm, InterestsDialog
from ui.minutes.page import MinutesPage

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):
        yield make_board(db)


@pytest.fixture
def page(db: Database, board: Board1, qtbot) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    with shown_minutes_page(db, qtbot) as widget:
        yield widget


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def _save(qtbot, form: InterestForm) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()


def test_the_register_is_kept_from_the_minutes_page(
    page: MinutesPage, board: Board1, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(page.options.people))
    with time_machine.travel(NOW):
        dialog = page.open_register()
        assert isinstance(dialog, InterestsDialog) and page.open_dialog is dialog
        qtbot.waitUntil(lambda: dialog.count.text() == "0 of 0 entries")
        dialog.buttons["add"].click()
        form = dialog.form
        assert isinstance(form, InterestForm) and form.windowTitle() == "New interest"
        form.person.setEditText("Tom Whitcombe — Kingsmere Council")
        form.interest.setText("Trustee")
        form.organisation.setText("Northfield Care Trust")
        form.from_date.set_value(date(2026, 1, 1))
        _save(qtbot, form)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        assert [dialog.table.item(0, c).text() for c in range(6)] == [
            "Tom Whitcombe",
            "Trustee",
            "Northfield Care Trust",
            "Thu 1 Jan 2026",
            "",
            "Sat 20 Mar 2027",  # reviewed today unless changed
        ]

        dialog.table.selectRow(0)
        dialog.buttons["edit"].click()
        dialog.form.organisation.setText("Northfield Care Trust (Kingsmere)")
        _save(qtbot, dialog.form)
        qtbot.waitUntil(lambda: "(Kingsmere)" in dialog.table.item(0, 2).text())

        dialog.table.selectRow(0)
        dialog.buttons["end"].click()
        ending = dialog.form
        assert ending.windowTitle() == "End an interest"
        assert ending.to_date.value() == date(2027, 3, 20)
        ending.to_date.set_value(date(2027, 3, 1))
        _save(qtbot, ending)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)  # ended entries are hidden…
        dialog.show_ended.setChecked(True)
        assert dialog.table.rowCount() == 1  # …until asked for
    [entry] = mins.list_interests(db)
    assert (entry.organisation, entry.to_date) == (
        "Northfield Care Trust (Kingsmere)",
        date(2027, 3, 1),
    )
    assert entry.person_id == board.people["Tom"]


def test_a_person_must_be_chosen_from_the_list(page: MinutesPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(page.options.people))
    dialog = page.open_register()
    dialog.buttons["add"].click()
    dialog.form.person.setEditText("Nobody We Know")
    dialog.form.interest.setText("Director")
    dialog.form.save()
    assert "Choose the person from the list" in dialog.form.error.text()


def test_removing_a_decision_and_a_declaration_from_a_draft(
    page: MinutesPage, board: Board1, db: Database, qtbot, yes
) -> None:  # type: ignore[no-untyped-def]
    item = board.items["strategy"]
    with time_machine.travel(NOW):
        mins.open_minutes(db, board.first)
    mins.add_decision(db, board.first, item, "That the board adopts the strategy.")
    mins.add_decision(db, board.first, item, "That the strategy is published.")
    mins.add_declaration(
        db, board.first, mins.DeclarationInput("Tom Whitcombe", "Trustee", agenda_item_id=item)
    )
    page.refresh()
    page.show_meeting(board.first)
    qtbot.waitUntil(lambda: page.view is not None and page.view.meeting_id == board.first)
    for row in range(page.items.count()):
        if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item:
            page.items.setCurrentRow(row)
    editor = page.editor
    assert editor.decisions.count() == 2 and editor.declarations.count() == 1
    assert not editor.remove_decision.isEnabled()
    editor.decisions.setCurrentRow(0)
    assert editor.remove_decision.isEnabled()
    editor.remove_decision.click()
    qtbot.waitUntil(lambda: editor.decisions.count() == 1)
    assert editor.decisions.item(0).text().endswith("That the strategy is published.")
    editor.declarations.setCurrentRow(0)
    qtbot.keyClick(editor.declarations, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: editor.declarations.count() == 0)
    section = mins.get_minutes(db, board.first).section(item)
    assert [d.text for d in section.decisions] == ["That the strategy is published."]
    assert section.declarations == ()


def test_approved_minutes_offer_no_removal(
    page: MinutesPage, board: Board1, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    item = board.items["strategy"]
    with time_machine.travel(NOW):
        mins.open_minutes(db, board.first)
    mins.save_section(db, board.first, item, OPEN_TEXT)
    mins.add_decision(db, board.first, item, "That the board adopts the strategy.")
    mins.circulate(db, board.first)
    mins.approve(db, board.first)
    page.refresh()
    page.show_meeting(board.first)
    qtbot.waitUntil(lambda: page.view is not None and page.view.locked)
    for row in range(page.items.count()):
        if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item:
            page.items.setCurrentRow(row)
    page.editor.decisions.setCurrentRow(0)
    assert not page.editor.remove_decision.isEnabled()
