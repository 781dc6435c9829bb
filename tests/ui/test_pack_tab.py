"""The Pack tab builds off the GUI thread, lists what was issued, and can be cancelled."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from sendboard.services import packs
from sendboard.services.workspace import Database
from tests.outputs.pack_fixture import make_meeting
from ui.context import AppContext, ChangeBus
from ui.tasks import TaskRunner
from ui.widgets.meeting_view import TABS
from ui.widgets.pack_tab import PackListModel, PackTab


def make_tab(qtbot: QtBot, db: Database) -> PackTab:
    ctx = AppContext(db=db, tasks=TaskRunner(), bus=ChangeBus())
    tab = PackTab(ctx)
    qtbot.addWidget(tab)
    return tab


def test_registered_as_a_meeting_tab() -> None:
    assert PackTab in TABS and PackTab.title == "Pack"


def test_build_lists_the_issued_pack(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    tab = make_tab(qtbot, demo_db)
    tab.set_meeting(meeting_id)
    out = tmp_path / "pack.pdf"
    tab.start_build(out, public=True, supplement=False)
    assert not tab.build_button.isEnabled() and tab.cancel_button.isVisibleTo(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20000)
    row = tab.model.row_at(0)
    assert row.public and row.pages == len(PdfReader(out).pages)
    assert tab.model.data(tab.model.index(0, PackListModel.KIND)) == "Public pack"
    assert tab.model.data(tab.model.index(0, PackListModel.SHA)) == row.sha256[:12]
    assert tab.build_button.isEnabled() and tab.open_button.isEnabled()
    assert "saved" in tab.status.text()


def test_cancel_leaves_no_file(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    tab = make_tab(qtbot, demo_db)
    tab.set_meeting(meeting_id)
    tab.start_build(tmp_path / "pack.pdf", public=False, supplement=False)
    tab.cancel()
    qtbot.waitUntil(lambda: tab.token is None, timeout=20000)
    assert "Cancelled" in tab.status.text()
    assert list(tmp_path.glob("pack.pdf*")) == []
    assert packs.list_packs(demo_db, meeting_id) == []
