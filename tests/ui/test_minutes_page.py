"""The Minutes page: type a minute, add two decisions and two actions arising from the keyboard,
find the actions in the log with their source; approved minutes are read-only but take errata."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from PySide6.QtCore import Qt

from sendboard.domain.actions import ActionSource
from sendboard.services import actions
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.minutes_fixtures import OPEN_TEXT, Board1, make_board
from tests.ui.minutes_page import shown_minutes_page
from ui.minutes.dialogs import ActionDialog, DecisionDialog, ErratumDialog
from ui.minutes.page import MinutesPage

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):
        yield make_board(db)


@pytest.fixture
def page(db: Database, board: Board1, qtbot) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    MinutesPage.autosave_ms = 300
    with shown_minutes_page(db, qtbot) as widget:
        yield widget
    MinutesPage.autosave_ms = 2000


def _go_to(page: MinutesPage, qtbot, meeting_id: int, item_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
    page.show_meeting(meeting_id)
    qtbot.waitUntil(lambda: page.view is not None and page.view.meeting_id == meeting_id)
    if item_id is not None:
        for row in range(page.items.count()):
            if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                page.items.setCurrentRow(row)
    page.editor.text.setFocus()


def test_typing_a_minute_two_decisions_and_two_actions(
    page: MinutesPage, board: Board1, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page.show_meeting(board.first)
    qtbot.waitUntil(lambda: page.start.isVisible())
    assert "has no minutes yet" in page.empty_text.text()
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    _go_to(page, qtbot, board.first, board.items["strategy"])
    assert page.editor.title.text() == "4. SEND sufficiency strategy"
    qtbot.keyClicks(page.editor.text, OPEN_TEXT)
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"), timeout=5000)
    view = mins.get_minutes(db, board.first)
    assert view.section(board.items["strategy"]).text == OPEN_TEXT

    resolutions = ("That the board adopts the strategy.", "That parents are consulted in March.")
    for number, resolution in enumerate(resolutions):
        qtbot.keyClick(page.editor.text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        dialog = page.open_dialog
        assert isinstance(dialog, DecisionDialog)
        qtbot.keyClicks(dialog.text, resolution)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda n=number: page.editor.decisions.count() == n + 1)
    assert [page.editor.decisions.item(r).text() for r in range(2)] == [
        "IB/2027/1: That the board adopts the strategy.",
        "IB/2027/2: That parents are consulted in March.",
    ]

    for number, title in enumerate(("Publish the strategy", "Brief the Parent Carer Forum")):
        qtbot.keyClick(page.editor.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        form = page.open_dialog
        assert isinstance(form, ActionDialog)
        qtbot.keyClicks(form.title, title)
        form.owner.setEditText("Tom Whitcombe")
        qtbot.keyClicks(form.due, "30/04/2027")
        form.area.setCurrentIndex(1)
        form.buttons.accepted.emit()
        qtbot.waitUntil(lambda n=number: page.editor.actions.count() == n + 1)
    assert page.editor.text.toPlainText() == OPEN_TEXT  # the reload kept the typing

    view = mins.get_minutes(db, board.first)
    arising = view.section(board.items["strategy"]).actions
    log = {a.reference: a for a in actions.list_actions(db)}
    for action in arising:
        assert action.reference in log
        detail = actions.get_action(db, action.id)
        assert detail.source is ActionSource.MEETING
        assert (detail.meeting_id, detail.agenda_item_id) == (board.first, board.items["strategy"])
        assert detail.row.owner_name == "Tom Whitcombe" and detail.row.priority_area_code == "P1"
    assert {a.title for a in arising} == {"Publish the strategy", "Brief the Parent Carer Forum"}
    decided = view.section(board.items["strategy"]).decisions
    assert [d.text for d in decided] == list(resolutions)

    qtbot.keyClick(page.editor.text, Qt.Key.Key_Tab)
    assert page.editor.title.text().startswith("5. Independent placements")
    qtbot.keyClicks(page.editor.text, "Exempt minute.")
    qtbot.keyClick(page.editor.text, Qt.Key.Key_Backtab)
    assert page.editor.title.text() == "4. SEND sufficiency strategy"
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"), timeout=5000)
    view = mins.get_minutes(db, board.first)
    assert view.section(board.items["contract"]).text == "Exempt minute."


def test_approved_minutes_are_read_only_and_take_an_erratum(
    page: MinutesPage, board: Board1, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW):
        mins.open_minutes(db, board.first)
    mins.save_section(db, board.first, board.items["strategy"], OPEN_TEXT)
    mins.circulate(db, board.first)
    mins.approve(db, board.first)
    page.refresh()
    _go_to(page, qtbot, board.first, board.items["strategy"])
    qtbot.waitUntil(lambda: page.view is not None and page.view.locked)
    assert page.editor.text.isReadOnly()
    assert not page.editor.add_decision.isEnabled()
    assert page.buttons["erratum"].isVisible() and not page.buttons["approve"].isVisible()
    assert "locked" in page.state.text()
    qtbot.keyClick(page.editor.text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.open_dialog is None
    assert "approved and locked" in page.saved_label.text()
    qtbot.keyClicks(page.editor.text, " changed")
    assert page.editor.text.toPlainText() == OPEN_TEXT

    qtbot.mouseClick(page.buttons["erratum"], Qt.MouseButton.LeftButton)
    form = page.open_dialog
    assert isinstance(form, ErratumDialog)
    form.item.setCurrentIndex(4)
    qtbot.keyClicks(form.text, "For 'plans' read 'places'.")
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "For 'plans' read 'places'." in page.editor.errata.text())
    section = mins.get_minutes(db, board.first).section(board.items["strategy"])
    assert [e.text for e in section.errata] == ["For 'plans' read 'places'."]
    assert section.text == OPEN_TEXT


def test_page_is_not_cramped_at_laptop_size(
    page: MinutesPage, board: Board1, db: Database, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW):
        mins.open_minutes(db, board.first)
    page.refresh()
    _go_to(page, qtbot, board.first, board.items["strategy"])
    page.resize(1280 - 180, 800 - 60)
    assert page.minimumSizeHint().width() <= 1280 - 180
    assert page.minimumSizeHint().height() <= 800 - 60
    assert page.grab().save(str(tmp_path / "minutes.png"))
