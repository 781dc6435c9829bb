"""Two people minuting the same meeting: a colleague's text saved first is not overwritten by
the autosave; the typing stays on screen, the bar names who changed it and when, and offers to
keep one's own text or reload theirs. A colleague's typing elsewhere reaches the open window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from PySide6.QtCore import Qt

from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database, open_database
from tests.minutes_fixtures import Board1, make_board
from tests.ui.minutes_page import shown_minutes_page
from ui.common.change_watcher import ChangeWatcher
from ui.minutes.page import MinutesPage

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))
MINE = "Priya: the board agreed the strategy."
THEIRS = "Sam: the board noted the strategy."


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):
        made = make_board(db)
        mins.open_minutes(db, made.first)
        yield made


@pytest.fixture
def sam(db: Database) -> Iterator[Database]:
    other = open_database(str(db.file), user="Sam Okafor")
    yield other
    other.close()


@pytest.fixture
def page(db: Database, board: Board1, qtbot) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    MinutesPage.autosave_ms = 300
    with shown_minutes_page(db, qtbot) as widget:
        widget.show_meeting(board.first)
        qtbot.waitUntil(lambda: widget.view is not None and widget.view.meeting_id == board.first)
        yield widget
    MinutesPage.autosave_ms = 2000


def _open_item(page: MinutesPage, item_id: int) -> None:
    for row in range(page.items.count()):
        if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
            page.items.setCurrentRow(row)
    page.editor.text.setFocus()


def _stored(db: Database, board: Board1) -> str:
    return mins.get_minutes(db, board.first).section(board.items["strategy"]).text


def _refused(page: MinutesPage, board: Board1, sam: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open_item(page, board.items["strategy"])
    mins.save_section(sam, board.first, board.items["strategy"], THEIRS, 0)  # Sam saves first
    qtbot.keyClicks(page.editor.text, MINE)
    qtbot.waitUntil(lambda: page.conflicts.isVisible(), timeout=5000)


def test_a_colleagues_text_saved_first_is_kept_and_mine_stays_on_screen(
    page: MinutesPage, board: Board1, db: Database, sam: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _refused(page, board, sam, qtbot)
    message = page.conflicts.message.text()
    assert "Sam Okafor changed the minute of “SEND sufficiency strategy” at" in message
    assert page.editor.text.toPlainText() == MINE  # my typing is still on screen
    assert _stored(db, board) == THEIRS  # and theirs is not overwritten

    qtbot.keyClicks(page.editor.text, " Unanimously.")  # held: not sent while the bar stands
    page.autosave.flush()
    page.ctx.tasks.wait()
    assert _stored(db, board) == THEIRS

    page.conflicts.keep_button.click()
    qtbot.waitUntil(lambda: _stored(db, board) == MINE + " Unanimously.", timeout=5000)
    assert not page.conflicts.isVisible()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"), timeout=5000)


def test_reload_shows_their_text_and_the_next_save_builds_on_it(
    page: MinutesPage, board: Board1, db: Database, sam: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _refused(page, board, sam, qtbot)
    page.conflicts.reload_button.click()
    assert page.editor.text.toPlainText() == THEIRS and not page.conflicts.isVisible()
    page.editor.text.moveCursor(page.editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor.text, " Agreed.")
    qtbot.waitUntil(lambda: _stored(db, board) == THEIRS + " Agreed.", timeout=5000)
    assert not page.conflicts.isVisible()


def test_a_colleagues_typing_reaches_the_open_window(
    page: MinutesPage, board: Board1, sam: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    watcher = ChangeWatcher(page.ctx, interval=100)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.counter is not None)
    try:
        _open_item(page, board.items["strategy"])
        mins.save_section(sam, board.first, board.items["strategy"], THEIRS, 0)
        qtbot.waitUntil(lambda: page.editor.text.toPlainText() == THEIRS, timeout=5000)
        # and my typing after it is saved on top of theirs, not refused
        page.editor.text.moveCursor(page.editor.text.textCursor().MoveOperation.End)
        qtbot.keyClicks(page.editor.text, " Agreed.")
        qtbot.waitUntil(
            lambda: (
                mins.get_minutes(sam, board.first).section(board.items["strategy"]).text
                == THEIRS + " Agreed."
            ),
            timeout=5000,
        )
        assert not page.conflicts.isVisible()
    finally:
        watcher.timer.stop()


def test_a_decision_is_reworded_from_its_list(
    page: MinutesPage, board: Board1, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from ui.minutes.decision_edit import DecisionEditDialog

    made = mins.add_decision(db, board.first, board.items["strategy"], "To adopt it.").value
    page.refresh()
    qtbot.waitUntil(
        lambda: bool(page.view and page.view.section(board.items["strategy"]).decisions)
    )
    _open_item(page, board.items["strategy"])
    listing = page.editor.decisions
    listing.setCurrentRow(0)
    listing.itemActivated.emit(listing.item(0))
    dialog = page.open_dialog
    assert isinstance(dialog, DecisionEditDialog)
    qtbot.keyClicks(dialog.text, " As amended.")
    dialog.save()
    qtbot.waitUntil(lambda: page.open_dialog is None)
    qtbot.waitUntil(lambda: listing.count() == 1 and "As amended." in listing.item(0).text())
    assert listing.item(0).text() == f"{made.reference}: To adopt it. As amended."
