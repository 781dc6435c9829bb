import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sendboard.domain.governance import StatutoryRole
from sendboard.services import boards
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import compliance
from tests.invitation_fixtures import sent_without_case_lead
from ui.app import make_context
from ui.context import AppContext
from ui.meetings.compliance_model import ComplianceTableModel
from ui.meetings.compliance_record import ComplianceRecordDialog, file_stem
from ui.meetings.page import MeetingsPage


@pytest.fixture
def demo_db(pinned_demo_db: Database) -> Database:
    """The record names months and counts meetings: the demo as it stood on 23 November 2026."""
    return pinned_demo_db


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def test_model_shows_colour_and_words(demo_db: Database) -> None:
    sent_id = sent_without_case_lead(demo_db)
    report = compliance.build_report(demo_db)
    model = ComplianceTableModel()
    model.set_report(report)
    assert model.columnCount() == 2 + 3 + 1
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (2, 3, 4)] == [
        r.label for r in StatutoryRole
    ]
    row = next(i for i, r in enumerate(report.rows) if r.meeting_id == sent_id)
    lead = model.index(row, 4)
    assert lead.data() == "✗ Not invited"
    assert lead.data(Qt.ItemDataRole.BackgroundRole) == QColor("#FFC7CE")
    assert "No DfE case lead was invited" in lead.data(Qt.ItemDataRole.ToolTipRole)
    adviser = model.index(row, 2)
    # "✓ Tue 3 Nov 14:05": the year goes without saying beside the meeting's date
    assert re.fullmatch(r"✓ [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d\d:\d\d", adviser.data())
    assert adviser.data(Qt.ItemDataRole.BackgroundRole) == QColor("#C6EFCE")
    assert "Robert Kimani" in adviser.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 5).data() == "Not invited: DfE case lead"
    assert model.index(row, 0).data() == "Wed 18 Nov 2026 14:00"
    cancelled = next(i for i, r in enumerate(report.rows) if r.status.value == "cancelled")
    assert model.index(cancelled, 3).data() == "– Cancelled"


def test_dialog_opens_on_the_improvement_board_and_exports(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    sent_without_case_lead(demo_db)
    dialog = ComplianceRecordDialog(ctx, boards.list_boards(demo_db))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 24 + 2 + 1)
    assert dialog.board.currentText() == "SEND Improvement Board"
    assert "13 of 14 meetings had every required role invited" in dialog.summary.text()
    texts = [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())]
    assert texts.count("✗ Not invited") == 1
    assert dialog.export_button.isEnabled()

    target = tmp_path / "record.xlsx"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.saved.text().startswith("Saved to"))
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][4:7] == [r.label for r in StatutoryRole]
    missing = "✗ NOT INVITED — Daniel Osei"
    assert sum(1 for row in sheet.iter_rows(values_only=True) if missing in row) == 1

    group = dialog.board.findText("SEND Delivery Group")
    dialog.board.setCurrentIndex(group)
    qtbot.waitUntil(
        lambda: dialog.report is not None and dialog.report.board_name.endswith("Group")
    )
    assert dialog.model.rowCount() == len(dialog.report.rows)
    assert file_stem("SEND Delivery Group") == "invitation-compliance-send-delivery-group"


def test_page_button_opens_the_record_for_the_filtered_board(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.board_filter.count() > 1)
    page.board_filter.setCurrentIndex(page.board_filter.findText("SEND Delivery Group"))
    opened: list[str] = []

    def fake_exec(dialog: ComplianceRecordDialog) -> int:
        opened.append(dialog.board.currentText())
        ctx.tasks.wait()
        return 0

    monkeypatch.setattr(ComplianceRecordDialog, "exec", fake_exec)
    assert page.compliance_button.isEnabled()
    page.compliance_button.click()
    page.board_filter.setCurrentIndex(0)  # all boards: the Improvement Board
    page.compliance_button.click()
    assert opened == ["SEND Delivery Group", "SEND Improvement Board"]
    assert "Ctrl+Shift+R" in page.compliance_button.toolTip()


def test_model_shows_a_late_role_and_the_later_invitations_beside_the_first(
    demo_db: Database,
) -> None:
    from datetime import UTC, datetime

    from tests.invitation_fixtures import add_meeting, log_hand_off

    on_time = add_meeting(demo_db, datetime(2026, 11, 18, 14))
    log_hand_off(demo_db, on_time, datetime(2026, 11, 4, 9, tzinfo=UTC))
    log_hand_off(demo_db, on_time, datetime(2026, 11, 18, 16, tzinfo=UTC))  # after the start
    late = add_meeting(demo_db, datetime(2026, 11, 25, 14))
    log_hand_off(demo_db, late, datetime(2026, 11, 25, 15, tzinfo=UTC), channel="file")
    report = compliance.build_report(demo_db, now=datetime(2026, 12, 1, 9))
    model = ComplianceTableModel()
    model.set_report(report)
    first = next(i for i, r in enumerate(report.rows) if r.meeting_id == on_time)
    cell = model.index(first, 4)
    assert cell.data() == "✓ Wed 4 Nov 09:00 (+1 later)"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == QColor("#C6EFCE")
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "Invited Wed 4 Nov 2026 09:00" in tip and "Wed 18 Nov 2026 16:00 (outlook, late)" in tip
    row = next(i for i, r in enumerate(report.rows) if r.meeting_id == late)
    cell = model.index(row, 4)
    assert cell.data() == "! Late Wed 25 Nov 15:00"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == QColor("#FFEB9C")
    assert "after the meeting started" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 5).data().startswith("Late: DfE SEND adviser")
