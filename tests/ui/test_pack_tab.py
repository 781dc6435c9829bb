"""The Pack tab builds off the GUI thread, lists what was issued (supplements under their
pack), and can be cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import EXEMPT_ITEM, add_paper, make_meeting, paper_pdf
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.meetings import pack_tab
from ui.meetings.pack_tab import PackListModel, PackTab
from ui.meetings.view import TABS


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


def test_supplements_listed_under_their_pack_with_page_numbers(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id = make_meeting(demo_db)
    main = packs.build_pack(demo_db, meeting_id, tmp_path / "pack.pdf").value
    public = packs.build_pack(demo_db, meeting_id, tmp_path / "public.pdf", public=True).value
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    tab = make_tab(qtbot, demo_db)
    tab.set_meeting(meeting_id)
    tab.start_build(tmp_path / "supplement.pdf", public=False, supplement=True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=20000)
    shown = [
        [tab.model.data(tab.model.index(row, column)) for column in (1, 2, 3)] for row in range(3)
    ]
    assert shown == [
        ["Confidential pack", main.pages, f"pages 1–{main.pages}"],
        ["    ↳ Confidential supplement 1", 3, f"pages {main.pages + 1}–{main.pages + 3}"],
        ["Public pack", public.pages, f"pages 1–{public.pages}"],
    ]
    assert tab.selected() == tab.model.row_at(1)  # the one just issued
    assert f"numbered {main.pages + 1}–{main.pages + 3}" in tab.status.text()
    tip = tab.model.data(tab.model.index(1, PackListModel.NUMBERED), Qt.ItemDataRole.ToolTipRole)
    assert f"straight after page {main.pages}" in tip


def test_supplement_before_any_pack_explains_without_asking_for_a_file(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = make_meeting(demo_db)
    tab = make_tab(qtbot, demo_db)
    tab.set_meeting(meeting_id)
    shown: list[str] = []
    asked: list[object] = []
    monkeypatch.setattr(pack_tab, "show_error", lambda parent, exc: shown.append(str(exc)))
    monkeypatch.setattr(
        pack_tab.QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", "")
    )
    qtbot.waitUntil(tab.supplement_button.isEnabled, timeout=20000)
    tab.public_supplement_action.trigger()
    assert shown and "No public pack has been issued" in shown[0]
    assert asked == [] and tab.token is None


def test_public_supplement_status_says_a_notice_stands_in_for_exempt_papers(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id = make_meeting(demo_db)
    public = packs.build_pack(demo_db, meeting_id, tmp_path / "public.pdf", public=True).value
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 2))
    tab = make_tab(qtbot, demo_db)
    tab.set_meeting(meeting_id)
    tab.start_build(tmp_path / "supplement.pdf", public=True, supplement=True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=20000)
    status = tab.status.text()
    assert f"Public supplement 1 saved: 2 pages, numbered {public.pages + 1}–" in status
    assert "Item 6 is exempt: a 'not for publication' notice stands in" in status
    assert "notice stands in" in tab.public_supplement_action.toolTip()
