"""A change refused because another writer held the database offers Retry, and Retry saves it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sendboard.services import boards
from sendboard.services.common.workspace import open_database
from ui.app import make_context
from ui.context import AppContext
from ui.people.page import PeopleBoardsPage


@pytest.fixture
def ctx(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppContext]:
    from sendboard.store import engine

    monkeypatch.setattr(engine, "BUSY_SECONDS", 1)  # a short wait, so the test is quick
    path = tmp_path / "board.db"
    src, dest = sqlite3.connect(demo_template), sqlite3.connect(path)
    src.backup(dest)
    src.close()
    dest.close()
    db = open_database(path)
    context = make_context(db)
    yield context
    context.tasks.wait()
    db.close()


def test_a_change_refused_as_busy_offers_retry_and_retry_saves_it(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = PeopleBoardsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignals([page.loaded, page.boards_tab.members_loaded], timeout=5000):
        page.activate()
    tab = page.boards_tab
    board = boards.find_board(ctx.db, "SEND Improvement Board")
    if tab.tree.current_id() != board.id:
        with qtbot.waitSignal(tab.members_loaded, timeout=5000):
            tab.tree.select_id(board.id)
    assert tab.members.model.rowCount() == 12

    other = sqlite3.connect(ctx.db.file, isolation_level=None)  # another program writing
    other.execute("BEGIN IMMEDIATE")
    shown: list[tuple[str, bool]] = []

    def answer(box: QMessageBox) -> int:
        retry = bool(box.standardButtons() & QMessageBox.StandardButton.Retry)
        shown.append((box.text(), retry))
        if len(shown) == 1:
            other.rollback()  # the other writer finishes; Retry now succeeds
        return QMessageBox.StandardButton.Retry if retry else QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    member = tab.members.model.rows()[0]
    assert tab.members.select_id(member.id)
    with qtbot.waitSignals([page.loaded, tab.members_loaded], timeout=15000):
        qtbot.keyClick(tab.members.table, Qt.Key.Key_Delete)
    other.close()
    assert len(shown) == 1, shown
    text, offered = shown[0]
    assert "is busy" in text and "Nothing was changed" in text
    assert offered
    assert tab.members.model.rowCount() == 11
