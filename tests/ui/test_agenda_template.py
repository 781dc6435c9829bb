from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from sendboard.domain.meetings import MeetingStatus, Purpose, StandingItem
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from sendboard.services.meetings.agenda import DEFAULT_TEMPLATE, AgendaItemInput
from ui.app import make_context
from ui.context import AppContext
from ui.meetings import agenda_template as template_dialog
from ui.meetings import template_model as columns
from ui.meetings.agenda_template import AgendaTemplateDialog
from ui.meetings.page import MeetingsPage
from ui.meetings.template_item import TemplateItemDialog

BOARD = "SEND Improvement Board"


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Closing with unsaved changes asks first; tests close their dialogs, so answer Discard."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return template_dialog.QMessageBox.StandardButton.Discard

    monkeypatch.setattr(template_dialog.QMessageBox, "question", question)
    return asked


@pytest.fixture
def board_id(demo_db: Database) -> int:
    return next(b.id for b in boards.list_boards(demo_db) if b.name == BOARD)


def _open(ctx: AppContext, qtbot: QtBot, board_id: int) -> AgendaTemplateDialog:
    dialog = AgendaTemplateDialog(ctx, board_id, BOARD)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    return dialog


def _titles(dialog: AgendaTemplateDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, columns.TITLE).data() for r in range(model.rowCount())]


def test_dialog_lists_the_boards_template(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, board_id: int
) -> None:
    dialog = _open(ctx, qtbot, board_id)
    template = agenda.agenda_template(demo_db, board_id)
    assert dialog.windowTitle() == f"Standing agenda items — {BOARD}"
    assert _titles(dialog) == [i.title for i in template]
    model = dialog.model
    assert model.index(0, columns.NUMBER).data() == "1."
    risk = [i.title for i in template].index("Risk register")
    assert model.index(risk, columns.LEAD).data() == "Head of SEND"
    assert model.index(risk, columns.PURPOSE).data() == "Assurance"
    assert model.index(risk, columns.MINUTES).data() == "15"
    assert model.index(risk, columns.STANDING).data() == "Risk register"
    assert f"{len(template)} standing items" in dialog.summary.text()


def test_remove_and_move_then_save_persists_and_feeds_add_standing_items(
    ctx: AppContext,
    qtbot: QtBot,
    demo_db: Database,
    board_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        template_dialog, "confirm_remove", lambda _p, _t, question: asked.append(question) or True
    )
    dialog = _open(ctx, qtbot, board_id)
    before = _titles(dialog)
    dialog.table.setCurrentIndex(dialog.model.index(before.index("Performance dashboard"), 0))
    dialog.remove_item()
    assert asked and "Performance dashboard" in asked[0]
    # Ctrl+Down moves the first item down a place
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    expected = [t for t in before if t != "Performance dashboard"]
    expected[0], expected[1] = expected[1], expected[0]
    assert _titles(dialog) == expected
    assert dialog.current_row() == 1  # the moved item stays selected
    assert agenda.agenda_template(demo_db, board_id) == list(DEFAULT_TEMPLATE)  # not saved yet

    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    saved = agenda.agenda_template(demo_db, board_id)
    assert [i.title for i in saved] == expected
    assert saved[1].standing is StandingItem.WELCOME

    # a meeting of that board with an empty agenda gets the new list from "Add standing items"
    meeting = next(
        m
        for m in meetings.list_meetings(demo_db, include_past=True)
        if m.board_id == board_id and m.status in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
    )
    for item in agenda.get_agenda(demo_db, meeting.id).items:
        agenda.remove_item(demo_db, item.id)
    added = agenda.add_standing_items(demo_db, meeting.id).value
    assert [i.title for i in added.items] == expected


def test_blank_title_shows_the_message_inline_and_keeps_the_item(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, board_id: int
) -> None:
    dialog = _open(ctx, qtbot, board_id)
    item = dialog.items()[0]
    editor = TemplateItemDialog(ctx, item, parent=dialog)
    qtbot.addWidget(editor)
    assert editor.title.text() == item.title and not editor.exempt.isVisibleTo(editor)
    editor.title.setText("   ")
    editor.accept()
    assert editor.error.text() == "Item title is required."
    assert not editor.error.isHidden()
    assert editor.result() == 0 and editor.result_value is None

    editor.title.setText("  Welcome,  introductions and apologies ")
    editor.lead.setText("Vice-chair")
    editor.purpose.setCurrentIndex(editor.purpose.findData(Purpose.DISCUSSION))
    editor.accept()
    assert editor.result_value == AgendaItemInput(
        "Welcome, introductions and apologies",
        "Vice-chair",
        Purpose.DISCUSSION,
        item.minutes,
        standing=StandingItem.WELCOME,
    )
    assert agenda.agenda_template(demo_db, board_id)[0].title == "Welcome and apologies"


def test_service_objection_is_shown_inline_and_nothing_is_saved(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, board_id: int
) -> None:
    dialog = _open(ctx, qtbot, board_id)
    items = dialog.items()
    items[2] = AgendaItemInput("", "Chair")
    dialog.model.set_rows(items)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert dialog.error.text() == "Item title is required."
    assert dialog.result_value is None
    assert agenda.agenda_template(demo_db, board_id) == list(DEFAULT_TEMPLATE)


def test_restore_defaults_after_confirming(
    ctx: AppContext,
    qtbot: QtBot,
    demo_db: Database,
    board_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agenda.set_agenda_template(demo_db, board_id, [AgendaItemInput("Only item", "Chair")])
    answers = [False, True]
    monkeypatch.setattr(template_dialog, "confirm_remove", lambda *_: answers.pop(0))
    dialog = _open(ctx, qtbot, board_id)
    assert _titles(dialog) == ["Only item"]
    dialog.restore_defaults()
    assert _titles(dialog) == ["Only item"]  # declined
    dialog.restore_defaults()
    assert _titles(dialog) == [i.title for i in DEFAULT_TEMPLATE]


def test_meetings_page_opens_the_template_of_the_chosen_board(
    ctx: AppContext, qtbot: QtBot, board_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[AgendaTemplateDialog] = []
    monkeypatch.setattr(AgendaTemplateDialog, "exec", lambda self: opened.append(self) or 0)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.board_filter.count() > 1)
    page.board_filter.setCurrentIndex(page.board_filter.findData(board_id))
    assert page.template_button.isEnabled()
    page.template_button.click()
    assert opened and opened[0].board_id == board_id
    assert opened[0].windowTitle().endswith(BOARD)
