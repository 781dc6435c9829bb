"""The compliance record keeps the first invitation before the meeting as its evidence.

Later invitations (re-sends, late ones) are listed beside it and never take its place; a late
invitation is refused unless it is explicitly recorded as late, and a role first invited only
after the start is shown as LATE on the record, in the workbook and in the CSV.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from sendboard.domain.compliance import LATE_NOTE, Sent, is_late, split_evidence
from sendboard.domain.governance import StatutoryRole
from sendboard.errors import LateHandOffError
from sendboard.mail.draft import Draft
from sendboard.services import mail as mail_service
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import compliance, invitations
from sendboard.services.meetings.compliance import CellState
from sendboard.services.meetings.compliance_record import compliance_record
from tests.invitation_fixtures import add_meeting

LONDON = ZoneInfo("Europe/London")
START = datetime(2027, 1, 20, 14, 0)  # London wall-clock time, as meetings are stored
AFTER = datetime(2027, 1, 27, 12, 0)  # when the record is read


@pytest.fixture
def demo_db(pinned_demo_db: Database) -> Database:
    """Meetings added here on set days must not fall on a demo meeting's day."""
    return pinned_demo_db


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def hand_off(db: Database, meeting_id: int, when: datetime, *, late: bool = False) -> None:
    """Record an invitation to everyone on the list at `when`, as the app would."""
    with time_machine.travel(when, tick=False):
        package = hand_offs.prepare_invitation(db, meeting_id, late=late).value
        hand_offs.record_hand_off(
            db,
            meeting_id,
            hand_offs.HandOffInput(
                channel="outlook",
                recipients=tuple(a.email for a in package.attendees),
                subject="Invitation",
                attachments=(("m.ics", b"BEGIN:VCALENDAR"),),
                sequence=package.sequence,
                method=package.method,
                late=late,
            ),
        )


def row_for(db: Database, meeting_id: int) -> compliance.MeetingRow:
    report = compliance.build_report(db, now=AFTER)
    return next(r for r in report.rows if r.meeting_id == meeting_id)


def test_lateness_is_measured_against_the_london_start() -> None:
    summer = datetime(2027, 7, 14, 14, 0)  # 13:00 UTC in British Summer Time
    assert not is_late(datetime(2027, 7, 14, 12, 59, tzinfo=UTC), summer)
    assert is_late(datetime(2027, 7, 14, 13, 0, tzinfo=UTC), summer)
    first = Sent(1, datetime(2027, 1, 1, tzinfo=UTC), "outlook", late=False)
    resend = Sent(2, datetime(2027, 1, 5, tzinfo=UTC), "eml", late=False)
    late = Sent(3, datetime(2027, 1, 14, tzinfo=UTC), "file", late=True)
    assert split_evidence([late, resend, first]) == (first, (resend, late))
    assert split_evidence([late]) == (None, (late,))


def test_a_resend_before_the_meeting_does_not_replace_the_first(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db, START)
    hand_off(demo_db, meeting_id, at(2026, 12, 23, 9, 30))
    hand_off(demo_db, meeting_id, at(2027, 1, 18, 17, 0))  # re-sent, still before the meeting
    (record,) = [
        r for r in compliance_record(demo_db, board_id(demo_db)) if r.meeting_id == meeting_id
    ]
    lead = next(r for r in record.roles if r.role is StatutoryRole.DFE_CASE_LEAD)
    assert lead.first_invited_at == at(2026, 12, 23, 9, 30)
    assert [s.at for s in lead.later] == [at(2027, 1, 18, 17, 0)]
    assert not lead.later[0].late and lead.hand_offs == 2
    row = row_for(demo_db, meeting_id)
    assert row.compliant and row.note == "Every required role invited"
    cell = row.cells[0]
    assert cell.state is CellState.INVITED
    assert cell.text == "invited Wed 23 Dec 2026 09:30 (outlook)"
    assert cell.later_text == "later: Mon 18 Jan 2027 17:00 (outlook)"
    daniel = next(
        i for i in invitations.list_invitations(demo_db, meeting_id) if i.name == "Daniel Osei"
    )
    assert daniel.invited_at == at(2026, 12, 23, 9, 30)  # a re-send does not move it


def test_a_late_invitation_is_refused_without_the_option(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db, START)
    hand_off(demo_db, meeting_id, at(2026, 12, 23, 9, 30))
    with pytest.raises(LateHandOffError, match="started at 14:00"):
        hand_off(demo_db, meeting_id, at(2027, 1, 20, 14, 0))
    # record_hand_off checks again on its own: a package prepared in time is still refused
    package = hand_offs.prepare_invitation(demo_db, meeting_id, late=True).value
    data = hand_offs.HandOffInput(
        channel="file",
        recipients=tuple(a.email for a in package.attendees),
        subject="Invitation",
        attachments=(),
        sequence=0,
        method="REQUEST",
    )
    with (
        time_machine.travel(at(2027, 1, 20, 15, 0), tick=False),
        pytest.raises(LateHandOffError),
    ):
        hand_offs.record_hand_off(demo_db, meeting_id, data)
    assert len(hand_offs.list_hand_offs(demo_db, meeting_id)) == 1


def test_a_late_one_recorded_is_listed_beside_the_evidence(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db, START)
    hand_off(demo_db, meeting_id, at(2026, 12, 23, 9, 30))
    hand_off(demo_db, meeting_id, at(2027, 1, 21, 10, 0), late=True)
    latest, first = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert latest.note.startswith(LATE_NOTE) and not first.note
    row = row_for(demo_db, meeting_id)
    assert row.compliant
    cell = row.cells[0]
    assert cell.state is CellState.INVITED
    assert cell.invited_at == at(2026, 12, 23, 9, 30)
    assert cell.later_text == "later: Thu 21 Jan 2027 10:00 (outlook, late)"


def test_a_role_first_invited_after_the_start_is_late_everywhere(
    demo_db: Database, tmp_path: Path
) -> None:
    before = compliance.build_report(demo_db, now=AFTER)
    meeting_id = add_meeting(demo_db, START)
    hand_off(demo_db, meeting_id, at(2027, 1, 20, 14, 20), late=True)
    hand_off(demo_db, meeting_id, at(2027, 1, 20, 16, 0), late=True)
    report = compliance.build_report(demo_db, now=AFTER)
    row = next(r for r in report.rows if r.meeting_id == meeting_id)
    assert row.counted and not row.compliant
    assert row.note == "Late: DfE SEND adviser, NHS England adviser, DfE case lead"
    assert {c.state for c in row.cells} == {CellState.LATE}
    lead = row.cells[2]
    assert lead.text == "LATE: first invited after the start, Wed 20 Jan 2027 14:20 (outlook)"
    assert lead.later_text == "later: Wed 20 Jan 2027 16:00 (outlook, late)"
    assert "1 had a role first invited only after the meeting started" in report.summary
    assert (report.counted, report.compliant) == (before.counted + 1, before.compliant)

    sheet = load_workbook(compliance.export_report(report, tmp_path / "r.xlsx")).active
    header = [c.value for c in sheet[1]]
    line = next(
        r for r in range(2, sheet.max_row + 1) if "20 January 2027" in str(sheet.cell(r, 3).value)
    )
    cell = sheet.cell(line, header.index("DfE case lead") + 1)
    assert cell.value.startswith("✗ LATE: first invited after the start, Wed 20 Jan 2027 14:20")
    assert cell.value.endswith("— Daniel Osei; later: Wed 20 Jan 2027 16:00 (outlook, late)")
    assert cell.fill.fgColor.rgb.endswith("FFEB9C")
    assert sheet.cell(line, len(header)).value.startswith("Late: ")

    with compliance.export_report(report, tmp_path / "r.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    (text,) = [r for r in rows if "20 January 2027" in r[2]]
    assert text[6].startswith("✗ LATE: first invited after the start")


def test_the_window_path_is_refused_before_a_mail_program_opens(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db, START)
    with time_machine.travel(at(2027, 1, 17, 9, 0), tick=False):
        package = hand_offs.prepare_invitation(demo_db, meeting_id).value
    draft = Draft(package, "Invitation", "Dear all")
    with (
        time_machine.travel(at(2027, 1, 20, 14, 5), tick=False),
        mock.patch("sendboard.mail.eml.open_path") as opener,
    ):
        with pytest.raises(LateHandOffError):
            mail_service.hand_off(demo_db, draft, choice="eml")
        opener.assert_not_called()
        result = mail_service.hand_off(demo_db, draft, choice="eml", late=True).value
    opener.assert_called_once()
    assert result.log.note.startswith(LATE_NOTE)
    assert result.log.at == at(2027, 1, 20, 14, 5)
    (cell, *_) = row_for(demo_db, meeting_id).cells
    assert cell.state is CellState.LATE and cell.invited_at == at(2027, 1, 20, 14, 5)


def board_id(db: Database) -> int:
    from sendboard.services.boards import find_board

    return find_board(db, "SEND Improvement Board").id
