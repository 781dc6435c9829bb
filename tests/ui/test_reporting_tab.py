"""The meeting's Reporting up tab: a highlight report typed into after a held sub-group meeting,
an issue escalated with it, and the Delivery Group's response recorded from its own meeting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt

from sendboard.domain.escalations import EscalationKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.services import escalations
from sendboard.services.common.workspace import Database
from sendboard.store.models import Board, Meeting
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.meetings.escalation_response import OnwardDialog, ResponseDialog
from ui.meetings.highlight_dialog import HighlightReportDialog
from ui.meetings.reporting_tab import ReportingTab
from ui.meetings.view import TABS

SHOTS = os.environ.get("SENDBOARD_SHOTS")  # a folder: save PNGs of the tab and dialogs there


@pytest.fixture
def demo(pinned_demo_db: Database) -> Database:
    return pinned_demo_db


def _meeting(db: Database, board: str, status: tuple[MeetingStatus, ...], last: bool) -> int:
    with db.read() as session:
        query = (
            select(Meeting.id)
            .join(Board, Board.id == Meeting.board_id)
            .where(Board.name.startswith(board), Meeting.status.in_(status))
            .order_by(Meeting.starts_at.desc() if last else Meeting.starts_at)
            .limit(1)
        )
        return session.scalar(query)  # type: ignore[return-value]


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_tab_is_registered_before_the_pack() -> None:
    assert TABS.index(ReportingTab) == TABS.index(next(t for t in TABS if t.title == "Pack")) - 1


def test_a_highlight_report_is_typed_in_and_an_issue_escalated(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(db=demo, tasks=TaskRunner(), bus=ChangeBus())
    meeting_id = _meeting(demo, "Sub-group 2", (MeetingStatus.HELD,), last=True)
    tab = ReportingTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: tab.area_table.rowCount() == 1, timeout=5000)
    assert tab.report_button.isEnabled()
    assert "Highlight reports to SEND Delivery Group" in tab.reports_heading.text()
    _shot(tab, "reporting-tab-sub-group")

    reports = escalations.meeting_reports(demo, meeting_id)
    [area] = reports.areas
    choices = escalations.escalation_choices(demo, meeting_id, area.area_id)
    dialog = HighlightReportDialog(ctx, meeting_id, area, choices, reports.parent_name)
    qtbot.addWidget(dialog)
    assert (
        "Actions by latest rating" in dialog.findChild(type(tab.reports_heading), "figures").text()
    )
    dialog.narrative.clear()
    qtbot.keyClicks(dialog.narrative, "Local offer relaunched; schools engaged.")
    # An issue with no ask is refused in the dialog, naming what is missing.
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_End)
    assert dialog.current_kind() is EscalationKind.ISSUE
    qtbot.keyClicks(dialog.issue, "Schools cannot see the new referral form")
    qtbot.keyClicks(dialog.reason, "The portal belongs to the ICB")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "ask" in dialog.message.text()
    qtbot.keyClicks(dialog.ask, "ICB to publish the form on the portal")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.listing.count() == len(area.escalations) + 1
    assert dialog.message.text() == ""
    dialog.resize(780, 760)
    _shot(dialog, "highlight-report-dialog")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    saved = dialog.result_value
    assert saved is not None and saved.narrative == "Local offer relaunched; schools engaged."
    issue = [e for e in escalations.list_escalations(demo) if "referral form" in e.title]
    assert len(issue) == 1 and issue[0].to_board == "SEND Delivery Group"


def _delivery_group_tab(qtbot, demo: Database) -> tuple[AppContext, ReportingTab, int]:  # type: ignore[no-untyped-def]
    """The Delivery Group's next meeting on its Reporting up tab, with the demo's two open
    escalations listed."""
    ctx = AppContext(db=demo, tasks=TaskRunner(), bus=ChangeBus())
    upcoming = (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)
    meeting_id = _meeting(demo, "SEND Delivery Group", upcoming, last=False)
    tab = ReportingTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: tab.escalation_table.rowCount() == 2, timeout=5000)
    return ctx, tab, meeting_id


def test_the_board_records_its_response_from_its_meeting(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    ctx, tab, meeting_id = _delivery_group_tab(qtbot, demo)
    assert not tab.report_button.isVisible()
    assert "2 on this meeting's agenda" in tab.escalations_heading.text()
    _shot(tab, "reporting-tab-delivery-group")

    first, second = tab.open
    dialog = ResponseDialog(ctx, first, meeting_id, tab.reports.day, tab.reports.day)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    dialog.save()  # nothing typed: refused in the dialog
    assert "Type the board's response" in dialog.message.text()
    dialog.at_meeting.setChecked(False)
    qtbot.keyClicks(dialog.response, "Agreed: the ICB will fund it from April.")
    _shot(dialog, "record-response-dialog")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    assert [e.id for e in escalations.list_escalations(demo)] == [second.id]
    # The tab hears of the change and reloads.
    qtbot.waitUntil(lambda: tab.escalation_table.rowCount() == 1, timeout=5000)


def test_the_board_passes_an_escalation_on_to_its_own_board(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    ctx, tab, meeting_id = _delivery_group_tab(qtbot, demo)
    assert tab.onward_button.isVisible()
    assert "SEND Improvement Board" in tab.onward_button.toolTip()
    first = tab.open[0]
    dialog = OnwardDialog(ctx, first, "SEND Improvement Board", meeting_id, None, tab.reports.day)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Escalate to SEND Improvement Board"
    qtbot.keyClicks(dialog.reason, "Funding sits with the two chief executives.")
    dialog.save()  # no ask yet: refused in the dialog, the focus where it is missing
    assert dialog.message.text() == "Give the ask for SEND Improvement Board."
    qtbot.keyClicks(dialog.ask, "Agree joint funding at the next Board.")
    _shot(dialog, "escalate-onward-dialog")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    onward = dialog.result_value
    assert onward is not None and onward.to_board == "SEND Improvement Board"
    assert (onward.from_board, onward.reason) == (
        "SEND Delivery Group",
        "Funding sits with the two chief executives.",
    )
    assert first.id not in [e.id for e in escalations.list_escalations(demo, "SEND Delivery Group")]
    qtbot.waitUntil(lambda: tab.escalation_table.rowCount() == 1, timeout=5000)
