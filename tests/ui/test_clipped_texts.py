"""Texts are not cut off: agenda titles on a 1280×800 laptop, the boxes of Add person and Add
member (even on a new database with nothing in their lists) and the paper-title box."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QTableView

from sendboard.services import boards, meetings, people
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from ui.app import make_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.meetings import agenda_model as agenda_columns
from ui.meetings.agenda_tab import paper_title_dialog
from ui.meetings.page import MeetingsPage
from ui.people.contact_dialog import PersonDialog
from ui.people.membership_dialog import MembershipDialog


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def _text_room(combo: QComboBox) -> int:
    """The width a combo's line edit has for text."""
    line = combo.lineEdit()
    return line.width() if line is not None else combo.width()


def _fits(table: QTableView, row: int, column: int) -> bool:
    """Whether the cell's text shows in full: on one line, or wrapped within the row's height."""
    text = str(table.model().index(row, column).data() or "")
    metrics = table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(column) - 2 * margin
    if metrics.horizontalAdvance(text) <= room:
        return True
    if not table.wordWrap() or any(metrics.horizontalAdvance(w) > room for w in text.split()):
        return False
    box = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
    return box.height() <= table.rowHeight(row)


def test_agenda_titles_show_in_full_at_1280_by_800(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    everything = meetings.list_meetings(demo_db, include_past=True)
    agendas = [agenda.get_agenda(demo_db, m.id) for m in everything]
    longest = max(agendas, key=lambda a: max((len(i.title) for i in a.items), default=0))
    assert max(len(i.title) for i in longest.items) > 40  # a long title, to be a real test
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)
    page = window.show_page("meetings")
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.show_past.setChecked(True)
    page._select(longest.meeting_id)
    tab = page.panel.tab_pages[0]
    assert tab.meeting_id == longest.meeting_id
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(longest.items))
    qtbot.wait(1)
    clipped = [
        tab.model.index(row, column).data()
        for row in range(tab.model.rowCount())
        for column in (agenda_columns.TITLE, agenda_columns.PAPERS)
        if not _fits(tab.table, row, column)
    ]
    assert not clipped


def test_add_person_organisation_box_shows_its_names_and_hint(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    organisations = people.list_organisations(demo_db)
    for choices in (organisations, []):  # a new database has no organisations yet
        dialog = PersonDialog(ctx, choices)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        box = dialog.organisation
        metrics = box.fontMetrics()
        texts = [box.lineEdit().placeholderText()] + [box.itemText(i) for i in range(box.count())]
        assert _text_room(box) >= max(metrics.horizontalAdvance(t) for t in texts)
        assert box.width() >= dialog.name.width() - 5  # as wide as the other text boxes
        dialog.close()


def test_add_member_person_box_shows_its_hint(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    board = boards.list_boards(demo_db)[0]
    for choices in (people.list_people(demo_db), []):
        dialog = MembershipDialog(ctx, board, choices)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        box = dialog.person
        hint = box.lineEdit().placeholderText()
        assert _text_room(box) >= box.fontMetrics().horizontalAdvance(hint)
        dialog.close()


def test_paper_title_box_shows_a_long_title(qtbot: QtBot) -> None:
    title = "Independent specialist placements contract award report v3 final"
    dialog = paper_title_dialog(None, title)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.findChild(QLineEdit)
    assert line.text() == title
    assert line.width() >= line.fontMetrics().horizontalAdvance(title) + 8
