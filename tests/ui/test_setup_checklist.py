"""The first-run checklist on Home: an empty database walked, link by link, to a board that can
send its first invitation; and the setup workbook's import from the same card."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import time_machine
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate

from sendboard import clock
from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.services import boards, people
from sendboard.services.common.workspace import Database
from sendboard.services.meetings.invitation_files import next_meeting_id, write_invitation_files
from sendboard.services.meetings.invitations import check_gate
from ui.home.page import HomePage
from ui.main_window import MainWindow
from ui.meetings.agenda_template import AgendaTemplateDialog
from ui.meetings.page import MeetingsPage
from ui.meetings.schedule_series import ScheduleSeriesDialog
from ui.people.board_dialog import BoardDialog
from ui.people.contact_dialog import PersonDialog
from ui.people.membership_dialog import MembershipDialog
from ui.people.page import PeopleBoardsPage
from ui.settings.page import SettingsPage
from ui.setup.checklist import PLACES

BOARD = "Testshire SEND Improvement Board"
CONTACTS = [
    ("Ada Chair", "ada.chair@testshire.gov.uk", None, MemberRole.CHAIR),
    ("Dee Adviser", "dee@education.gov.uk", StatutoryRole.DFE_SEND_ADVISER, MemberRole.ADVISER),
    ("Nat Adviser", "nat@nhs.net", StatutoryRole.NHSE_ADVISER, MemberRole.ADVISER),
    ("Cas Lead", "cas@education.gov.uk", StatutoryRole.DFE_CASE_LEAD, MemberRole.ADVISER),
]


def _home(qtbot: QtBot, window: MainWindow) -> HomePage:
    window.go_to("home")
    page = window.pages["home"]
    assert isinstance(page, HomePage)
    page.refresh()
    qtbot.waitUntil(lambda: page.checklist.progress is not None)
    window.ctx.tasks.wait()
    qtbot.wait(20)
    return page


def _done(qtbot: QtBot, window: MainWindow, key: str) -> None:
    def ticked() -> bool:
        home = _home(qtbot, window)
        progress = home.checklist.progress
        return progress is not None and next(s for s in progress.steps if s.key == key).done

    qtbot.waitUntil(ticked, timeout=8000)


def _follow(home: HomePage, key: str) -> None:
    """Click the step's link (the label's own signal, as a click sends it)."""
    home.checklist.steps.linkActivated.emit(PLACES[key])


def _wait_dialog(qtbot: QtBot, get, kind):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(get(), kind) and get().isVisible(), timeout=5000)
    return get()


def _save(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)


def test_empty_database_walks_the_checklist_to_a_first_invitation(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path, monkeypatch
) -> None:
    home = _home(qtbot, window)
    assert home.checklist.isVisible()
    assert "1. Your details" in home.checklist.steps.text()
    assert home.compliance_card.figure.text() == "–"  # never green about nothing
    assert "No boards yet" in home.warnings.text() and "✓" not in home.warnings.text()

    # 1. Your details
    _follow(home, "details")
    settings = window.pages["settings"]
    assert isinstance(settings, SettingsPage) and window.stack.currentWidget() is settings
    settings.name.setText("Sam Secretary")
    settings.email.setText("sam.secretary@testshire.gov.uk")
    settings.save()
    _done(qtbot, window, "details")

    # 2. Boards
    _follow(_home(qtbot, window), "boards")
    page = window.pages["people"]
    assert isinstance(page, PeopleBoardsPage)
    tab = page.boards_tab
    dialog = _wait_dialog(qtbot, lambda: tab.dialog, BoardDialog)
    dialog.name.setText(BOARD)
    assert all(box.isChecked() for box in dialog.roles.values())  # the notice's three roles
    _save(qtbot, dialog)
    _done(qtbot, window, "boards")

    # With no contacts yet, Add member says to add contacts first.
    window.go_to("people")
    qtbot.waitUntil(lambda: tab.current_board() is not None)
    assert not tab.members.add_button.isEnabled()
    assert "add contacts first" in tab.members.add_button.toolTip().lower()
    assert tab.no_contacts.isVisible()

    # 3. Contacts: the chair and the three advisers
    contacts = page.contacts_tab
    for number, (name, email, role, _) in enumerate(CONTACTS):
        if number == 0:
            _follow(_home(qtbot, window), "contacts")
        else:
            contacts.add()
        dialog = _wait_dialog(qtbot, lambda: contacts.dialog, PersonDialog)
        dialog.name.setText(name)
        dialog.email.setText(email)
        dialog.statutory_role.set_value(role)
        _save(qtbot, dialog)
    _done(qtbot, window, "contacts")

    # 4. Members and the three advisers
    ids = {p.email: p.id for p in people.list_people(db)}
    for number, (_, email, _, role) in enumerate(CONTACTS):
        if number == 0:
            _follow(_home(qtbot, window), "members")
        else:
            tab.add_member()
        dialog = _wait_dialog(qtbot, lambda: tab.dialog, MembershipDialog)
        dialog.person.set_value(ids[email])
        dialog.role.set_value(role)
        _save(qtbot, dialog)
    _done(qtbot, window, "members")

    # 5. Meeting series
    _follow(_home(qtbot, window), "series")
    meetings_page = window.pages["meetings"]
    assert isinstance(meetings_page, MeetingsPage)
    dialog = _wait_dialog(qtbot, lambda: meetings_page.dialog, ScheduleSeriesDialog)
    start = clock.today() + timedelta(days=14)
    dialog.first.setDate(QDate(start.year, start.month, start.day))
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 10)
    _save(qtbot, dialog)
    _done(qtbot, window, "series")

    # 6. Agenda template: the standard items, saved as the board's own
    def run(self: AgendaTemplateDialog) -> int:
        qtbot.waitUntil(lambda: self.loaded is not None)
        self.accept()
        qtbot.waitUntil(lambda: self.result_value is not None)
        return 1

    monkeypatch.setattr(AgendaTemplateDialog, "exec", run)
    _follow(_home(qtbot, window), "agenda")
    _done(qtbot, window, "agenda")

    home = _home(qtbot, window)
    qtbot.waitUntil(lambda: not home.checklist.isVisible())  # all done: put away
    meeting_id = next_meeting_id(db)
    assert check_gate(db, meeting_id) == ()
    files = write_invitation_files(db, meeting_id, tmp_path / "out").value
    assert len(files.log.recipients) == 4
    assert boards.find_board(db, BOARD).missing_roles == ()


def test_import_a_setup_workbook_from_the_checklist(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    from tests.e2e.test_setup_cli import NOW, _workbook
    from ui.setup.import_dialog import run_setup_import

    book = _workbook(tmp_path / "setup.xlsx")
    with time_machine.travel(NOW):
        home = _home(qtbot, window)
        opened = []
        run_setup_import(home, window.ctx, book, on_dialog=opened.append)
        qtbot.waitUntil(lambda: bool(opened), timeout=8000)
        dialog = opened[0]
        assert dialog.import_button.isEnabled()
        assert dialog.model.index(0, 0).data() == "Boards 2"
        assert "93 new" in dialog.summary.text()
        with qtbot.waitSignal(dialog.finished, timeout=10000):
            dialog.import_button.click()
        for key in ("details", "boards", "contacts", "members", "series"):
            _done(qtbot, window, key)
        home = _home(qtbot, window)
        assert "(advisers invited)" not in home.warnings.text()
        assert home.compliance_card.figure.text() == "✓"
