"""Texts are not cut off: agenda titles on a 1280×800 laptop, the boxes of Add person and Add
member (even on a new database with nothing in their lists) and the paper-title box; and all of
it again on a 1920×1080 screen at 150% scaling (the common Windows laptop set-up), whose room is
1280×720 in Qt's units, drawn at a fractional pixel ratio."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QStyle, QTableView

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

ROOT = Path(__file__).resolve().parents[2]
#: Set in the run at 150% scaling, which this module starts in a process of its own.
SCALED = "SENDBOARD_TEST_SCALED_SCREEN"
LAPTOP = QSize(1280, 800)


def _window_size() -> QSize:
    """The laptop's 1280×800, or the whole of a smaller screen (1280×720 at 150%)."""
    screen = QApplication.primaryScreen().availableGeometry().size()
    return LAPTOP.boundedTo(screen)


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
    window.resize(_window_size())
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


@pytest.mark.skipif(not os.environ.get(SCALED), reason="only in the run at 150% scaling")
def test_the_scaled_run_has_a_1920_by_1080_screen_at_150_percent() -> None:
    screen = QApplication.primaryScreen()
    assert screen.devicePixelRatio() == 1.5
    assert screen.geometry().size() == QSize(1280, 720)  # 1920×1080 pixels
    assert _window_size() == QSize(1280, 720)


@pytest.mark.skipif(bool(os.environ.get(SCALED)), reason="this is the run at 150% scaling")
def test_nothing_is_clipped_at_150_percent_on_a_1920_by_1080_screen(tmp_path: Path) -> None:
    """Qt takes its scale when it starts, so the tests above run again in a process whose screen
    is 1920×1080 pixels at 150%, as Windows' display settings make it."""
    config = tmp_path / "screen.json"
    screen = {"name": "Laptop", "x": 0, "y": 0, "width": 1920, "height": 1080}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
        SCALED: "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", __file__],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "only in the run at 150% scaling" not in run.stdout  # the screen was checked
