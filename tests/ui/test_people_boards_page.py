"""The People & Boards page on the demo borough: hierarchy, members, warnings, dialogs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sendboard.domain.governance import StatutoryRole
from sendboard.services import boards, people
from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.context import AppContext
from ui.people.board_tree import NAME
from ui.people.page import PeopleBoardsPage

DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole


@pytest.fixture
def ctx(demo_db: Database) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> PeopleBoardsPage:
    widget = PeopleBoardsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignals([widget.loaded, widget.boards_tab.members_loaded], timeout=5000):
        widget.activate()
    return widget


def select_board(qtbot: QtBot, page: PeopleBoardsPage, name: str) -> None:
    board = boards.find_board(page.ctx.db, name)
    tab = page.boards_tab
    if tab.tree.current_id() == board.id and tab.members.model.rowCount():
        return
    with qtbot.waitSignal(tab.members_loaded, timeout=5000):
        tab.tree.select_id(board.id)


def test_tree_shows_the_demo_hierarchy(page: PeopleBoardsPage) -> None:
    tree = page.boards_tab.tree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [t.text(NAME) for t in tops] == ["SEND Improvement Board", "Children's Scrutiny Board"]
    delivery = tops[0].child(0)
    assert tops[0].childCount() == 1 and delivery.text(NAME) == "SEND Delivery Group"
    subs = [delivery.child(i).text(NAME) for i in range(delivery.childCount())]
    assert len(subs) == 5 and all(s.startswith("Sub-group ") for s in subs)
    assert tops[1].childCount() == 0
    assert 1 + 1 + 1 + len(subs) + 0 == 8 == len(boards.list_boards(page.ctx.db))


def test_improvement_board_shows_its_twelve_members(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    select_board(qtbot, page, "SEND Improvement Board")
    tab = page.boards_tab
    assert tab.members.model.rowCount() == 12
    assert tab.summary.heading.text() == "SEND Improvement Board"
    assert "DfE case lead" in tab.summary.values["roles"].text()
    assert tab.summary.values["chair"].text() == "Dr Margaret Ellery"
    assert not tab.banner.isVisible()
    tab.members.search.setText("adviser")
    assert {m.name for m in tab.members.visible_rows()} == {
        "Robert Kimani",
        "Fiona Blackwood",
        "Daniel Osei",
    }


def test_case_lead_warning_follows_who_the_invitations_reach(
    qtbot: QtBot, page: PeopleBoardsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removing the case lead's membership leaves him invited as the role holder, so no warning;
    a case lead nobody can email raises it."""
    select_board(qtbot, page, "SEND Improvement Board")
    tab = page.boards_tab
    board_id = tab.tree.current_id()
    item = tab.tree.item_for(board_id)
    assert not item.data(NAME, DESCRIPTION)
    asked: list[str] = []

    def yes(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    osei = next(m for m in tab.members.model.rows() if m.name == "Daniel Osei")
    assert tab.members.select_id(osei.id)
    with qtbot.waitSignals([page.loaded, tab.members_loaded], timeout=5000):
        qtbot.keyClick(tab.members.table, Qt.Key.Key_Delete)
    assert "Daniel Osei (DfE case lead)" in asked[0]
    assert tab.members.model.rowCount() == 11
    assert not tab.tree.item_for(board_id).data(NAME, DESCRIPTION)
    assert boards.get_board(page.ctx.db, board_id).missing_roles == ()
    person = next(p for p in people.list_people(page.ctx.db) if p.name == "Daniel Osei")
    data = people.PersonInput(
        name=person.name, title=person.title, statutory_role=person.statutory_role, email=None
    )
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.ctx.announce(people.update_person(page.ctx.db, person.id, data).changes)
    item = tab.tree.item_for(board_id)
    assert "DfE case lead" in item.data(NAME, DESCRIPTION)
    assert "DfE case lead" in item.toolTip(NAME)
    assert not item.icon(NAME).isNull()
    assert tab.banner.isVisible()
    assert "No DfE case lead with an email address is invited." in tab.banner.text.text()
    assert boards.get_board(page.ctx.db, board_id).missing_roles == (StatutoryRole.DFE_CASE_LEAD,)


def test_board_dialog_shows_validation_inline(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    select_board(qtbot, page, "SEND Improvement Board")
    tab = page.boards_tab
    tab.edit_board()
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.clear()
    dialog.accept()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text() == "Board name is required."
    assert dialog.isVisible()

    dialog.name.setText("SEND Improvement Board")
    grandchild = boards.find_board(page.ctx.db, "Sub-group 1: Strategic oversight and governance")
    dialog.parent_board.set_value(grandchild.id)
    dialog.error.hide()
    dialog.accept()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "cannot report to itself or to a board below it" in dialog.error.text()
    assert dialog.isVisible()
    assert boards.find_board(page.ctx.db, "SEND Improvement Board").parent_id is None
    dialog.reject()


def test_adding_a_person_through_the_dialog_persists(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    page.tabs.setCurrentWidget(page.contacts_tab)
    page.add()  # Ctrl+N on the Contacts tab
    dialog = page.contacts_tab.dialog
    assert dialog is not None
    dialog.name.setText("Bethan Morgan")
    dialog.title.setText("Designated Social Care Officer")
    dialog.organisation.setEditText("Kingsmere Borough Council")
    dialog.email.setText("Bethan.Morgan@kingsmere.example.gov.uk")
    dialog.statutory_role.set_value(StatutoryRole.NHSE_ADVISER)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.accept()
    saved = next(p for p in people.list_people(page.ctx.db) if p.name == "Bethan Morgan")
    assert saved.email == "bethan.morgan@kingsmere.example.gov.uk"
    assert saved.organisation == "Kingsmere Borough Council"
    assert saved.statutory_role is StatutoryRole.NHSE_ADVISER
    assert page.contacts_tab.panel.current_id() == saved.id  # the new person is selected


def test_person_dialog_keeps_a_bad_email_open(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    page.tabs.setCurrentWidget(page.contacts_tab)
    page.contacts_tab.add()
    dialog = page.contacts_tab.dialog
    dialog.name.setText("Somebody")
    dialog.email.setText("not an email")
    dialog.accept()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "not a valid email address" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()


def test_selection_survives_a_refresh(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    select_board(qtbot, page, "SEND Delivery Group")
    tab = page.boards_tab
    chosen = tab.members.model.rows()[3]
    tab.members.select_id(chosen.id)
    with qtbot.waitSignals([page.loaded, tab.members_loaded], timeout=5000):
        page.refresh()
    assert tab.tree.current_board().name == "SEND Delivery Group"
    assert tab.members.current_id() == chosen.id


def test_keyboard_shortcuts_find_and_add(qtbot: QtBot, page: PeopleBoardsPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    page.boards_tab.members.table.setFocus()
    qtbot.keyClick(page.boards_tab.members.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.boards_tab.members.search.hasFocus()
    qtbot.keyClick(
        page.boards_tab.members.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    dialog = page.boards_tab.dialog
    assert dialog is not None and dialog.windowTitle() == "Add member to SEND Improvement Board"
    dialog.reject()
