"""A new agenda item goes in before "Any other business" (and the items that close the meeting),
is selected once added, and an item can be moved to the number the secretary chooses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sendboard.domain.meetings import StandingItem, new_item_position
from sendboard.services import meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from ui.app import make_context
from ui.context import AppContext
from ui.meetings.agenda_item import AgendaItemDialog
from ui.meetings.agenda_tab import AgendaTab

pytestmark = pytest.mark.dated


def test_new_item_position_is_before_the_closing_items() -> None:
    aob, nxt = StandingItem.AOB, StandingItem.NEXT_MEETING
    assert new_item_position([StandingItem.WELCOME, None, aob, nxt]) == 2
    assert new_item_position([StandingItem.WELCOME, None, aob]) == 2
    assert new_item_position([StandingItem.WELCOME, None]) == 2
    assert new_item_position([]) == 0
    assert new_item_position([aob, None]) == 2  # AOB in the middle is the secretary's choice


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


@pytest.fixture
def tab(ctx: AppContext, qtbot: QtBot, demo_db: Database) -> AgendaTab:
    view = meetings.next_meeting(demo_db)
    assert view is not None
    tab = AgendaTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_meeting(view.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 3)
    return tab


def _dialog(tab: AgendaTab, qtbot: QtBot) -> AgendaItemDialog:
    qtbot.waitUntil(lambda: tab.findChild(AgendaItemDialog) is not None)
    dialog = tab.findChild(AgendaItemDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_new_item_goes_before_any_other_business_and_is_selected(
    tab: AgendaTab, qtbot: QtBot, demo_db: Database
) -> None:
    items = tab.agenda.items
    aob = next(i for i in items if i.standing is StandingItem.AOB)
    tab.table.selectRow(0)
    tab.add_item()
    dialog = _dialog(tab, qtbot)
    assert dialog.number.value() == aob.number
    dialog.title.setText("EHC plan timeliness")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(items) + 1)
    saved = agenda.get_agenda(demo_db, tab.meeting_id).items
    new = next(i for i in saved if i.title == "EHC plan timeliness")
    assert new.number == aob.number
    assert saved[new.number].standing is StandingItem.AOB
    qtbot.waitUntil(lambda: tab.current_id() == new.id)


def test_item_moves_to_the_number_chosen(tab: AgendaTab, qtbot: QtBot, demo_db: Database) -> None:
    first = tab.agenda.items[0]
    tab.table.selectRow(0)
    tab.edit_item()
    dialog = _dialog(tab, qtbot)
    assert dialog.number.value() == 1 and dialog.number.maximum() == len(tab.agenda.items)
    dialog.number.setValue(4)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: agenda.get_agenda(demo_db, tab.meeting_id).items[3].id == first.id)
    qtbot.waitUntil(lambda: tab.current_id() == first.id)
