"""Dialogs open with the focus in their first field, typing goes into it, and Tab follows the
layout from top to bottom, ending at the buttons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from sendboard.services import boards, people
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import make_meeting
from ui.app import make_context
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext
from ui.meetings.agenda_item import AgendaItemDialog
from ui.people.board_dialog import BoardDialog


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def _shown(qtbot: QtBot, dialog: RecordDialog) -> RecordDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _tab_chain(dialog: RecordDialog) -> list[QWidget]:
    """The widgets Tab visits from the first field, once round."""
    first = QApplication.focusWidget()
    chain = [first]
    while True:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first or len(chain) > 40:
            return chain
        chain.append(now)


def _owner(widget: QWidget, candidates: list[QWidget]) -> QWidget:
    """The form field a focused widget belongs to (a combo's line edit belongs to the combo)."""
    while widget not in candidates:
        widget = widget.parentWidget()
    return widget


def test_typing_into_add_agenda_item_keeps_every_word(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    meeting_id = make_meeting(demo_db)
    dialog = _shown(qtbot, AgendaItemDialog(ctx, meeting_id))
    QTest.keyClicks(QApplication.focusWidget(), "EHC plan timeliness")
    assert dialog.title.text() == "EHC plan timeliness"
    assert dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    fields = [dialog.title, dialog.lead, dialog.purpose, dialog.minutes, dialog.exempt]
    chain = _tab_chain(dialog)
    assert [_owner(w, [*fields, save, cancel]) for w in chain] == [*fields, save, cancel]


def test_typing_into_new_board_keeps_every_word(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    dialog = _shown(
        qtbot, BoardDialog(ctx, boards.list_boards(demo_db), people.list_people(demo_db))
    )
    QTest.keyClicks(QApplication.focusWidget(), "Northbridge SEND Board")
    assert dialog.name.text() == "Northbridge SEND Board"
    assert dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    fields = [
        dialog.name,
        dialog.kind,
        dialog.parent_board,
        dialog.chair,
        dialog.quorum,
        dialog.deadline,
        dialog.cadence,
        dialog.description,
        *dialog.roles.values(),
    ]
    chain = _tab_chain(dialog)
    assert [_owner(w, [*fields, save, cancel]) for w in chain] == [*fields, save, cancel]
