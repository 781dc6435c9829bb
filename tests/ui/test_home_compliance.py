"""Home's invitation compliance card: never green about nothing, and every warning on it is a
link that opens the place where it is fixed."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import time_machine
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from sendboard import clock
from sendboard.domain.governance import BoardKind, StatutoryRole
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import Database
from sendboard.services.setup import import_setup
from tests.e2e.test_setup_cli import BOARD, NOW, _workbook
from ui.common.dashboard_card import CALM, FINE
from ui.home.dashboard_text import boards_html, compliance_figure, gate_html
from ui.home.page import HomePage
from ui.main_window import MainWindow
from ui.meetings.page import MeetingsPage
from ui.meetings.schedule_series import ScheduleSeriesDialog
from ui.people.page import PeopleBoardsPage

REQUIRED = (StatutoryRole.DFE_SEND_ADVISER, StatutoryRole.NHSE_ADVISER)


def _home(qtbot: QtBot, window: MainWindow) -> HomePage:
    window.go_to("home")
    page = window.pages["home"]
    assert isinstance(page, HomePage)
    page.refresh()
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy(), timeout=10000)
    qtbot.wait(20)
    return page


def _links(html: str) -> list[str]:
    return re.findall(r"href='([^']+)'", html)


def _board(db: Database, name: str, roles: tuple[StatutoryRole, ...]) -> int:
    data = boards.BoardInput(name=name, kind=BoardKind.IMPROVEMENT_BOARD, required_roles=roles)
    return boards.create_board(db, data).value.id


def test_boards_but_no_meetings_is_neutral_and_links_to_scheduling(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    book = _workbook(tmp_path / "setup.xlsx")
    sheets = load_workbook(book)
    for row in sheets["Boards"].iter_rows(min_row=2):
        row[4].value = None  # no cadence: no meeting is scheduled
    sheets.save(book)
    with time_machine.travel(NOW):
        import_setup(db, book)
        assert meetings.list_meetings(db) == []
        assert all(not b.missing_roles for b in boards.list_boards(db))
        home = _home(qtbot, window)
        card = home.compliance_card
        assert card.figure.text() != "✓"
        assert "no meetings scheduled" in card.caption.text()
        text = home.warnings.text()
        assert "✓" not in text and FINE not in text  # nothing green
        assert "meetings:schedule-series" in _links(text)
        home.warnings.linkActivated.emit("meetings:schedule-series")
        page = window.pages["meetings"]
        assert isinstance(page, MeetingsPage) and window.stack.currentWidget() is page
        qtbot.waitUntil(
            lambda: isinstance(page.dialog, ScheduleSeriesDialog) and page.dialog.isVisible(),
            timeout=5000,
        )
        page.dialog.reject()


def test_the_figure_is_green_only_with_meetings_ahead_and_people_to_invite(db: Database) -> None:
    _board(db, "Testshire SEND Improvement Board", ())
    views = boards.list_boards(db)
    assert compliance_figure([], [], scheduled=True)[2] == CALM
    nobody = compliance_figure(views, [], scheduled=True)
    assert nobody[0] != "✓" and nobody[2] == CALM and "nobody" in nobody[1]
    assert "✓" not in boards_html(views)  # no member: nothing to tick yet


def test_a_board_missing_a_role_links_to_the_board(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    _board(db, "Testshire SEND Improvement Board", ())
    board_id = _board(db, "Testshire Delivery Group", REQUIRED)
    views = boards.list_boards(db)
    assert len(_links(boards_html(views))) == 1  # the board missing a role; the other is fine
    assert compliance_figure(views, [], scheduled=True)[2] not in (FINE, CALM)
    home = _home(qtbot, window)
    (place,) = _links(home.warnings.text())
    home.warnings.linkActivated.emit(place)  # as a click or Enter on the link sends it
    page = window.pages["people"]
    assert isinstance(page, PeopleBoardsPage) and window.stack.currentWidget() is page
    tab = page.boards_tab
    qtbot.waitUntil(
        lambda: (
            page.tabs.currentWidget() is tab
            and tab.current_board() is not None
            and tab.current_board().id == board_id
        ),
        timeout=5000,
    )


def test_a_meeting_whose_invitations_are_blocked_links_to_the_meeting(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    fine = _board(db, "Testshire Delivery Group", ())
    board_id = _board(db, BOARD, REQUIRED)
    soon = (clock.local_now() + timedelta(days=14)).replace(hour=10, minute=0, second=0)
    for board, starts in ((fine, soon), (board_id, soon + timedelta(days=7))):
        data = meetings.MeetingInput(board, starts, starts + timedelta(hours=2))
        meeting_id = meetings.create_meeting(db, data).value.id  # the later one is blocked
    home = _home(qtbot, window)
    qtbot.waitUntil(lambda: home.meeting_warnings.isVisible(), timeout=5000)
    html = home.meeting_warnings.text()
    assert "blocked" in html
    assert home.compliance_card.figure.text() == "2"  # the board, and its meeting
    (place,) = _links(html)
    home.meeting_warnings.linkActivated.emit(place)
    page = window.pages["meetings"]
    assert isinstance(page, MeetingsPage) and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.current_id() == meeting_id, timeout=5000)
    qtbot.wait(200)
    assert page.current_id() == meeting_id  # not the first meeting, chosen by default


def test_gate_html_is_empty_with_nothing_blocked() -> None:
    assert gate_html([]) == ""
