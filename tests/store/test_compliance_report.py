"""The invitation compliance record as the secretary shows it: states, counting, files."""

from __future__ import annotations

import csv
from datetime import datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sendboard.domain.governance import StatutoryRole
from sendboard.domain.meetings import MeetingStatus
from sendboard.errors import SendboardError
from sendboard.services import boards
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import compliance, invitations
from sendboard.services.meetings.compliance import CellState
from tests.invitation_fixtures import add_meeting, sent_without_case_lead

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.fixture
def demo_db(pinned_demo_db: Database) -> Database:
    """The record names months and counts meetings: the demo as it stood on 23 November 2026."""
    return pinned_demo_db


def held_meeting(report: compliance.ComplianceReport, month: int) -> compliance.MeetingRow:
    return next(
        r
        for r in report.rows
        if r.starts_at.month == month and r.starts_at.year == 2026 and r.status.value == "held"
    )


def test_default_board_is_the_improvement_board(demo_db: Database) -> None:
    report = compliance.build_report(demo_db, now=NOW)
    assert report.board_name == "SEND Improvement Board"
    assert report.roles == tuple(StatutoryRole)
    assert len(report.rows) == 24 + 2  # monthly meetings and two stocktakes
    assert report.compliant == report.counted == 13  # held, and the two coming already sent
    assert report.summary.startswith("13 of 13 meetings had every required role invited")
    assert "2 cancelled before sending" in report.summary  # no meeting in August


def test_missing_case_lead_is_shown_and_counted(demo_db: Database) -> None:
    meeting_id = sent_without_case_lead(demo_db)
    report = compliance.build_report(demo_db, now=NOW)
    row = next(r for r in report.rows if r.meeting_id == meeting_id)
    cells = {c.role: c for c in row.cells}
    assert cells[StatutoryRole.DFE_CASE_LEAD].state is CellState.MISSING
    assert cells[StatutoryRole.DFE_CASE_LEAD].text == "NOT INVITED"
    assert cells[StatutoryRole.DFE_SEND_ADVISER].state is CellState.INVITED
    assert cells[StatutoryRole.DFE_SEND_ADVISER].text.startswith("invited ")
    assert row.note == "Not invited: DfE case lead"
    assert report.summary.startswith("13 of 14 meetings")


def test_taking_someone_off_the_list_afterwards_leaves_the_evidence(demo_db: Database) -> None:
    october = held_meeting(compliance.build_report(demo_db, now=NOW), 10)
    lead = next(
        i
        for i in invitations.list_invitations(demo_db, october.meeting_id)
        if i.statutory_role is StatutoryRole.DFE_CASE_LEAD
    )
    invitations.remove_invitation(demo_db, lead.id)
    report = compliance.build_report(demo_db, now=NOW)
    row = next(r for r in report.rows if r.meeting_id == october.meeting_id)
    cells = {c.role: c for c in row.cells}
    assert cells[StatutoryRole.DFE_CASE_LEAD].state is CellState.INVITED
    assert cells[StatutoryRole.DFE_CASE_LEAD].holder == "Daniel Osei"
    assert report.summary.startswith("13 of 13 meetings")


def test_upcoming_unsent_meeting_is_listed_but_not_counted(demo_db: Database) -> None:
    future = add_meeting(demo_db, datetime(2027, 3, 10, 14))
    past = add_meeting(demo_db, datetime(2026, 11, 18, 14))  # never sent: counts against
    report = compliance.build_report(demo_db, now=NOW)
    rows = {r.meeting_id: r for r in report.rows}
    assert not rows[future].counted
    assert {c.state for c in rows[future].cells} == {CellState.NOT_YET}
    assert rows[future].cells[0].text == "NOT INVITED (not sent yet)"
    assert rows[past].counted and not rows[past].compliant
    assert {c.state for c in rows[past].cells} == {CellState.MISSING}
    assert report.summary.startswith("13 of 14 meetings")
    assert "12 upcoming not sent yet" in report.summary


def test_other_board_by_id(demo_db: Database) -> None:
    group = boards.find_board(demo_db, "SEND Delivery Group")
    report = compliance.build_report(demo_db, group.id, now=NOW)
    assert report.board_name == "SEND Delivery Group"
    assert all(len(r.cells) == len(group.required_roles) for r in report.rows)


def test_spreadsheet_has_coloured_cells_that_say_what_they_mean(
    demo_db: Database, tmp_path: Path
) -> None:
    sent_without_case_lead(demo_db)
    report = compliance.build_report(demo_db, now=NOW)
    path = compliance.export_report(report, tmp_path / "record.xlsx")
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Date", "Time", "Meeting", "Status"]
    lead_column = header.index("DfE case lead") + 1
    sent_row = next(
        r for r in range(2, sheet.max_row + 1) if "18 November 2026" in str(sheet.cell(r, 3).value)
    )
    missing = sheet.cell(sent_row, lead_column)
    assert missing.value == "✗ NOT INVITED — Daniel Osei"  # on the list, never sent to
    assert missing.fill.fgColor.rgb.endswith("FFC7CE")
    invited = sheet.cell(sent_row, lead_column - 1)
    assert invited.value.startswith("✓ invited ") and "Fiona Blackwood" in invited.value
    assert invited.fill.fgColor.rgb.endswith("C6EFCE")
    assert sheet.freeze_panes == "A2"
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[0] == "Summary" and last[2].startswith("13 of 14 meetings")
    # The filter takes in the meetings only, not the blank and Summary rows under them.
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{len(report.rows) + 1}"
    start = sheet.cell(sent_row, 2)
    assert start.value == time(14, 0) and start.number_format == "HH:MM"


def test_csv_and_unknown_suffix(demo_db: Database, tmp_path: Path) -> None:
    report = compliance.build_report(demo_db, now=NOW)
    path = compliance.export_report(report, tmp_path / "record.csv")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][4:7] == [r.label for r in StatutoryRole]
    assert rows[1][4].startswith("✓ invited ")
    assert rows[-1][2] == report.summary
    with pytest.raises(SendboardError, match=r"\.xlsx or \.csv"):
        compliance.export_report(report, tmp_path / "record.pdf")


def test_cancelled_after_sending_still_counts(demo_db: Database) -> None:
    report = compliance.build_report(demo_db, now=NOW)
    cancelled = next(r for r in report.rows if r.status is MeetingStatus.CANCELLED)
    assert not cancelled.counted
    assert {c.state for c in cancelled.cells} == {CellState.CANCELLED}
