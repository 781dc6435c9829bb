"""When the desktop will not take a file (no PDF viewer, no file manager, no printer) the window
says so, and where the file is; nothing is left to the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl

from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import make_meeting
from ui.common import errors
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.meetings import pdf_print
from ui.meetings.pack_tab import PackTab


class _NoHandler:
    asked: list[str] = []

    @staticmethod
    def openUrl(url: QUrl) -> bool:
        _NoHandler.asked.append(url.toLocalFile())
        return False


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(errors, "QDesktopServices", _NoHandler)
    monkeypatch.setattr(errors.sys, "platform", "linux")
    monkeypatch.setattr(errors, "show_error", lambda parent, exc, title="": said.append(str(exc)))
    return said


@pytest.fixture
def tab(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> PackTab:
    meeting_id = make_meeting(demo_db)
    packs.build_pack(demo_db, meeting_id, tmp_path / "pack.pdf")
    ctx = AppContext(db=demo_db, tasks=TaskRunner(), bus=ChangeBus())
    tab = PackTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(meeting_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20000)
    tab.table.selectRow(0)
    return tab


def test_open_with_no_pdf_viewer_says_so_with_the_location(
    tab: PackTab, told: list[str], qtbot: QtBot
) -> None:
    tab.open_selected()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "No program opened" in told[0] and "PDF files" in told[0]
    assert _NoHandler.asked[-1] in told[0]


def test_show_in_folder_with_no_file_manager_says_so_with_the_location(
    tab: PackTab, told: list[str], qtbot: QtBot
) -> None:
    tab.show_in_folder()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "No file manager opened the folder" in told[0]
    assert _NoHandler.asked[-1] in told[0] and ".pdf" in told[0]


def test_print_with_no_printer_says_so_with_the_location(
    tab: PackTab, told: list[str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Accepting:
        DialogCode = pdf_print.QPrintDialog.DialogCode

        def __init__(self, printer: object, parent: object) -> None:
            pass

        def setMinMax(self, first: int, last: int) -> None:
            pass

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> object:
            return pdf_print.QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_print, "QPrintDialog", Accepting)
    monkeypatch.setattr(pdf_print.QPainter, "begin", lambda self, device: False)
    tab.print_selected()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "Printing did not start" in told[0]
    assert "The file is saved at" in told[0] and ".pdf" in told[0]


@pytest.fixture
def mail_told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pack tab's messages, with the .eml draft as the mail program."""
    from sendboard.mail import config
    from ui.meetings import pack_tab

    said: list[str] = []
    monkeypatch.setattr(config, "load_choice", lambda: "eml")
    monkeypatch.setattr(pack_tab, "show_error", lambda parent, exc, title="": said.append(str(exc)))
    return said


def _drafts(tmp_path: Path) -> list[Path]:
    return sorted(Path(tmp_path).rglob("*.eml"))


@pytest.mark.parametrize(
    "opener",
    [
        ["no-such-mail-opener-on-this-computer"],  # the opener cannot be started at all
        [sys.executable, "-c", "raise SystemExit(3)"],  # it starts but finds no mail program
    ],
    ids=["opener-missing", "no-mail-program"],
)
def test_a_failed_mail_hand_off_says_so_with_the_draft_location(
    tab: PackTab,
    mail_told: list[str],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    opener: list[str],
) -> None:
    from sendboard import paths
    from sendboard.mail import eml

    monkeypatch.setattr(eml, "opener_command", lambda path, platform="linux": [*opener, str(path)])
    tab.email_selected()
    qtbot.waitUntil(lambda: bool(mail_told), timeout=20000)
    drafts = _drafts(paths.outbox_dir())
    assert len(drafts) == 1 and drafts[0].exists()
    assert "no program opened it" in mail_told[0]
    assert f"The draft was saved as {drafts[0]}" in mail_told[0]
    assert not tab.status.text().endswith("Check the message and send it.")
