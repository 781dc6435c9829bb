"""A meeting whose pack issue date has passed with no pack issued is flagged as overdue on Home
and on the meeting; building a pack for an agenda longer than the meeting warns."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from sendboard.services import meetings, packs
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from sendboard.services.meetings.agenda import AgendaItemInput
from tests.outputs.pack_fixture import make_meeting
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.home.next_meeting import meeting_html
from ui.meetings.pack_tab import PackTab
from ui.meetings.view import header_html


def test_pack_overdue_until_a_pack_is_issued(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    view = meetings.get_meeting(demo_db, meeting_id)
    before, after = view.pack_issue, view.pack_issue + timedelta(days=1)
    assert not view.pack_issued
    assert not view.pack_overdue(before)
    assert view.pack_overdue(after)
    assert "Pack overdue" in meeting_html(view, after)
    assert "Pack overdue" in header_html(view, after)
    assert "Pack overdue" not in meeting_html(view, before)
    packs.build_pack(demo_db, meeting_id, tmp_path / "pack.pdf")
    issued = meetings.get_meeting(demo_db, meeting_id)
    listed = next(v for v in meetings.list_meetings(demo_db) if v.id == meeting_id)
    assert issued.pack_issued and listed.pack_issued
    assert not issued.pack_overdue(after)
    assert "Pack overdue" not in header_html(issued, after)


def test_building_a_pack_for_an_overrunning_agenda_warns(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id = make_meeting(demo_db)
    agenda.add_item(demo_db, meeting_id, AgendaItemInput("Deep dive", minutes=300))
    overrun = agenda.get_agenda(demo_db, meeting_id).overrun
    assert overrun > 0
    tab = PackTab(AppContext(db=demo_db, tasks=TaskRunner(), bus=ChangeBus()))
    qtbot.addWidget(tab)
    tab.set_meeting(meeting_id)
    tab.start_build(tmp_path / "pack.pdf", public=False, supplement=False)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=30000)
    assert f"The agenda runs {overrun} minutes over the meeting's time" in tab.status.text()
