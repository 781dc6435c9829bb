"""The Invitations and Attendance tabs, and their table models without a window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from PySide6.QtCore import Qt

from sendboard.domain.invitations import Attendance, InvitationKind, Response
from sendboard.services.common.workspace import Database
from sendboard.services.mail.hand_offs import AttachmentRecord, HandOffView
from sendboard.services.meetings import invitations
from tests.invitation_fixtures import add_meeting
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.meetings.attendance_tab import AttendanceTab
from ui.meetings.invitations_model import (
    AttendanceTableModel,
    HandOffTableModel,
    InvitationTableModel,
)
from ui.meetings.invitations_tab import InvitationsTab
from ui.meetings.view import TABS

pytestmark = pytest.mark.dated


def _row(**changes: object) -> invitations.InvitationView:
    values: dict[str, object] = dict(
        id=1,
        meeting_id=1,
        person_id=2,
        name="Daniel Osei",
        organisation="Department for Education",
        email="daniel.osei@education.example.gov.uk",
        kind=InvitationKind.MEMBER,
        statutory_role=None,
        substitute_for_id=None,
        substitute_for_name="",
        voting=False,
        invited_at=None,
        channel="",
        response=Response.NO_REPLY,
        attendance=None,
    )
    values.update(changes)
    return invitations.InvitationView(**values)  # type: ignore[arg-type]


def test_tabs_are_registered_in_order() -> None:
    assert TABS.index(InvitationsTab) < TABS.index(AttendanceTab)
    assert InvitationsTab.title.replace("&", "") == "Invitations"
    assert AttendanceTab.title.replace("&", "") == "Attendance"


def test_invitation_model_shows_sent_state_and_substitutes() -> None:
    model = InvitationTableModel()
    model.organiser_email = "jack@example.org"
    model.set_rows(
        [
            _row(),
            _row(id=2, name="Jack", email="jack@example.org"),
            _row(id=3, name="Kai", substitute_for_name="Siân Pritchard", email=None),
            _row(id=4, invited_at=datetime(2026, 11, 1, 9, tzinfo=UTC), channel="outlook"),
        ]
    )
    invited = InvitationTableModel.INVITED

    def text(row: int, column: int) -> str:
        return model.data(model.index(row, column))

    assert text(0, invited) == "Not sent"
    assert text(1, invited) == "Organiser"
    assert text(2, InvitationTableModel.NAME) == "Kai (for Siân Pritchard)"
    assert text(2, InvitationTableModel.EMAIL) == "— no email —"
    assert text(3, invited).startswith("Sun 1 Nov 2026") and text(3, invited).endswith("outlook")


def test_attendance_model_edits_through_callback() -> None:
    edits: list[tuple[int, int, object]] = []
    model = AttendanceTableModel(lambda row, column, value: edits.append((row.id, column, value)))
    model.set_rows([_row()])
    cell = model.index(0, AttendanceTableModel.ATTENDANCE)
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, AttendanceTableModel.NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(cell) == "Not recorded"
    assert (model.NOT_RECORDED, None) in model.options(AttendanceTableModel.ATTENDANCE)
    model.setData(cell, Attendance.APOLOGIES)
    assert edits == [(1, AttendanceTableModel.ATTENDANCE, Attendance.APOLOGIES)]


def test_hand_off_model() -> None:
    model = HandOffTableModel()
    model.set_rows(
        [
            HandOffView(
                id=1,
                meeting_id=1,
                at=datetime(2026, 11, 1, 9, tzinfo=UTC),
                channel="eml",
                recipients=("a@example.org", "b@example.org"),
                subject="Invitation",
                attachments=(AttachmentRecord("m.ics", "ab" * 32, 10),),
                sequence=0,
                method="CANCEL",
                note="Draft saved",
            )
        ]
    )
    assert model.data(model.index(0, HandOffTableModel.RECIPIENTS)) == "2"
    assert model.data(model.index(0, HandOffTableModel.CHANNEL)) == "eml (cancel)"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "SHA-256 " + "ab" * 32 in tip


def _context(db: Database) -> AppContext:
    return AppContext(db=db, tasks=TaskRunner(), bus=ChangeBus())


def test_invitations_tab_badge_and_blocked_send(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    meeting_id = add_meeting(demo_db)
    ctx = _context(demo_db)
    tab = InvitationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: "All required roles invited" in tab.badge.text(), timeout=5000)
    assert tab.send_button.isEnabled()
    case_lead = next(r for r in tab.model.rows() if r.name == "Daniel Osei")
    invitations.remove_invitation(demo_db, case_lead.id)
    tab.refresh()
    qtbot.waitUntil(lambda: "DfE case lead" in tab.badge.text(), timeout=5000)
    assert not tab.send_button.isEnabled()
    assert "blocked" in tab.send_button.toolTip()
    ctx.tasks.wait()


def test_update_from_board_puts_back_the_case_lead_and_says_so(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    meeting_id = add_meeting(demo_db)
    listed = invitations.build_invitation_list(demo_db, meeting_id).value
    invitations.remove_invitation(demo_db, next(i.id for i in listed if i.name == "Daniel Osei"))
    ctx = _context(demo_db)
    tab = InvitationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: "DfE case lead" in tab.badge.text(), timeout=5000)
    tab.rebuild_button.click()
    qtbot.waitUntil(lambda: "All required roles invited" in tab.badge.text(), timeout=5000)
    assert "Put back Daniel Osei (DfE case lead)" in tab.list_note.text()
    assert tab.list_note.isVisibleTo(tab)
    assert any(r.name == "Daniel Osei" for r in tab.model.rows())
    ctx.tasks.wait()


def test_attendance_tab_records_and_shows_quorum(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    meeting_id = add_meeting(demo_db)
    listed = invitations.build_invitation_list(demo_db, meeting_id).value
    ctx = _context(demo_db)
    tab = AttendanceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(listed), timeout=5000)
    assert tab.quorum.text().startswith("Not quorate: 0 of 5")
    chair = next(i for i, r in enumerate(tab.model.rows()) if r.name == "Dr Margaret Ellery")
    tab.model.setData(tab.model.index(chair, AttendanceTableModel.ATTENDANCE), Attendance.PRESENT)
    qtbot.waitUntil(lambda: tab.quorum.text().startswith("Not quorate: 1 of 5"), timeout=5000)
    rows = {r.name: r for r in invitations.list_invitations(demo_db, meeting_id)}
    assert rows["Dr Margaret Ellery"].attendance == Attendance.PRESENT
    ctx.tasks.wait()


def test_home_warns_about_upcoming_meeting_blocked_by_the_gate(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from ui.home.page import HomePage

    soon = datetime.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=9)
    meeting_id = add_meeting(demo_db, soon)
    listed = invitations.build_invitation_list(demo_db, meeting_id).value
    invitations.remove_invitation(demo_db, next(i.id for i in listed if i.name == "Daniel Osei"))
    ctx = _context(demo_db)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: "DfE case lead" in page.meeting_warnings.text(), timeout=5000)
    assert "cannot be sent" in page.meeting_warnings.text()
    ctx.tasks.wait()


def test_email_settings_choose_backend_and_refuse_bad_template(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from sendboard.services import mail
    from ui.settings.email import EmailSettings

    ctx = _context(demo_db)
    group = EmailSettings(ctx)
    qtbot.addWidget(group)
    group.refresh()
    qtbot.waitUntil(lambda: "{recipient}" in group.body.toPlainText(), timeout=5000)
    group.backend.setCurrentIndex(group.backend.findData("eml"))
    group.backend.activated.emit(group.backend.currentIndex())
    assert mail.backend_choice() == "eml"
    assert group.order.text().endswith("Email draft file (.eml)")
    group.subject.setText("Meeting {where}")
    group.save_template()
    qtbot.waitUntil(lambda: "{where}" in group.message.text(), timeout=5000)
    assert mail.get_template(demo_db).subject != "Meeting {where}"
    ctx.tasks.wait()


def test_sending_after_the_start_asks_and_records_only_a_late_invitation(
    qtbot, demo_db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    import time_machine

    from PySide6.QtWidgets import QDialog, QMessageBox

    from sendboard.domain.compliance import LATE_NOTE
    from sendboard.mail import eml
    from sendboard.services import mail as mail_service
    from sendboard.services.mail import hand_offs
    from ui.meetings.invitation_preview import InvitationPreview

    meeting_id = add_meeting(demo_db, datetime(2027, 1, 13, 14))
    mail_service.set_backend_choice("eml")
    monkeypatch.setattr(eml, "open_path", lambda path: None)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    previews: list[bool] = []

    def accept(dialog: InvitationPreview) -> int:
        previews.append(not dialog.late_note.isHidden())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(InvitationPreview, "exec", accept)
    ctx = _context(demo_db)
    tab = InvitationsTab(ctx)
    qtbot.addWidget(tab)
    asked: list[str] = []
    answer = [False]

    def ask_late(reason: str) -> bool:
        asked.append(reason)
        return answer[0]

    monkeypatch.setattr(tab, "ask_late", ask_late)
    with time_machine.travel(datetime(2027, 1, 13, 15, tzinfo=ZoneInfo("Europe/London"))):
        tab.set_meeting(meeting_id)
        qtbot.waitUntil(lambda: tab.send_button.isEnabled(), timeout=5000)
        tab.send_button.click()
        qtbot.waitUntil(lambda: bool(asked), timeout=5000)
        ctx.tasks.wait()
        assert "started at 14:00" in asked[0]
        assert previews == [] and hand_offs.list_hand_offs(demo_db, meeting_id) == []
        assert tab.send_button.isEnabled()

        answer[0] = True
        tab.send_button.click()
        qtbot.waitUntil(lambda: bool(told), timeout=5000)
        ctx.tasks.wait()
    assert len(asked) == 2 and previews == [True]
    (logged,) = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert logged.note.startswith(LATE_NOTE) and logged.channel == "eml"
    assert "as a late invitation" in told[0]


def test_preview_chooses_to_cc_or_bcc_for_each_group(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from sendboard.services.mail import Addressing, hand_offs
    from ui.meetings.invitation_preview import InvitationPreview

    package = hand_offs.prepare_invitation(demo_db, add_meeting(demo_db)).value
    dialog = InvitationPreview(package, "Invitation", "Body", ["Email draft file (.eml)"])
    qtbot.addWidget(dialog)
    assert dialog.addressing() == Addressing(required="to", optional="cc")
    optional = sum(1 for a in package.attendees if a.role == "OPT-PARTICIPANT")
    assert f"Cc ({optional}):" in dialog.recipients.text()
    dialog.required_header.setCurrentIndex(dialog.required_header.findData("bcc"))
    dialog.optional_header.setCurrentIndex(dialog.optional_header.findData("bcc"))
    assert dialog.addressing() == Addressing(required="bcc", optional="bcc")
    text = dialog.recipients.text()
    assert f"Bcc ({len(package.attendees)}):" in text
    assert f"To (1):</b> {package.organizer_name}" in text


def test_guest_dialog_takes_a_typed_guest_and_shows_a_problem_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.meetings.guest import GuestDialog

    dialog = GuestDialog([], "Add a guest")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.isHidden()
    qtbot.keyClicks(dialog.name, "Ruth Adeyemi")
    qtbot.keyClicks(dialog.email, "ruth.adeyemi@example.org")
    qtbot.keyClicks(dialog.organisation, "Parent Carer Forum")
    guest = dialog.value()
    assert (guest.name, guest.email, guest.organisation) == (
        "Ruth Adeyemi",
        "ruth.adeyemi@example.org",
        "Parent Carer Forum",
    )
    dialog.show_error("ruth.adeyemi@example is not an email address")
    assert dialog.message.isVisible() and "not an email" in dialog.message.text()
    dialog.show_error("")
    assert dialog.message.isHidden()
