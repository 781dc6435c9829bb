"""The window is on screen first; the database opens behind it, and a refusal still ends the app."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QLabel, QMessageBox

import ui.app
from sendboard.services import boards
from ui.common.loading import LoadingPlaceholder
from ui.common.tasks import TaskRunner
from ui.main_window import MainWindow
from ui.opening import CANNOT_OPEN, DEMO_NOTE, DatabaseOpener


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "copy.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the app's message box would have said, instead of waiting for a click."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: said.append((title, text))
    )
    return said


def _close(opener: DatabaseOpener) -> None:
    opener.tasks.wait()
    if opener.database is not None:
        opener.database.close()


def test_the_shell_shows_a_quiet_loading_state_then_home_loads(qtbot, demo_copy: Path) -> None:
    window = MainWindow(opening=str(demo_copy))
    qtbot.addWidget(window)
    opener = DatabaseOpener(window, TaskRunner(), str(demo_copy), demo=False)
    with qtbot.waitSignal(window.painted, timeout=5000):
        window.show()
    assert window.ctx is None
    assert isinstance(window.stack.currentWidget(), LoadingPlaceholder)
    assert window.statusBar().currentMessage() == f"Opening {demo_copy}…"
    assert window.nav.count() == len(window.pages) and window.nav.currentRow() == 0

    with qtbot.waitSignal(opener.opened, timeout=10000) as opened:
        opener.start()
    assert opened.args[0] is window.ctx
    assert window.database_label.text() == f"Database: {demo_copy}"
    assert window.statusBar().currentMessage() == ""
    home = window.pages["home"]
    assert window.stack.currentWidget() is home
    warnings = home.findChild(QLabel, "warnings")
    qtbot.waitUntil(lambda: warnings.text() != "", timeout=10000)
    _close(opener)


def test_pages_chosen_while_opening_are_loaded_once_open(qtbot, demo_copy: Path) -> None:
    window = MainWindow(opening=str(demo_copy))
    qtbot.addWidget(window)
    opener = DatabaseOpener(window, TaskRunner(), str(demo_copy), demo=False)
    window.show()
    window.nav.setCurrentRow(list(window.pages).index("settings"))
    assert isinstance(window.stack.currentWidget(), LoadingPlaceholder)
    with qtbot.waitSignal(opener.opened, timeout=10000):
        opener.start()
    assert window.stack.currentWidget() is window.pages["settings"]
    assert not window.pages.is_built("home")
    _close(opener)


def test_demo_first_use_builds_the_demo_with_progress_in_the_window(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "first-demo.db"
    window = MainWindow(opening=str(target))
    qtbot.addWidget(window)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    opener = DatabaseOpener(window, TaskRunner(), str(target), demo=True)
    window.show()
    with qtbot.waitSignal(opener.opened, timeout=60000):
        opener.start()
    assert "Building the demo database…" in messages
    waiting = window.stack.widget(list(window.pages).index("meetings"))
    assert isinstance(waiting, LoadingPlaceholder) and waiting.note.text() == DEMO_NOTE
    assert any(m.startswith("Building people and boards") for m in messages)
    assert "Demo data ready." in messages
    assert not window.progress.isVisible()
    assert boards.list_boards(window.ctx.db)
    _close(opener)


def test_main_opens_the_database_and_exits_cleanly(
    qtbot, demo_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SENDBOARD_EXIT_AFTER_SHOWN", "1")
    assert ui.app.main(db=str(demo_copy)) == 0
    assert capsys.readouterr().out.split() == ["window-shown", "home-ready"]


def test_a_file_that_is_not_a_database_is_refused_with_exit_1(
    qtbot, tmp_path: Path, refusals: list[tuple[str, str]]
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("minutes of the last meeting\n" * 100)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert ui.app.main(db=str(path)) == 1
    assert len(refusals) == 1
    title, text = refusals[0]
    assert title == CANNOT_OPEN
    assert "not a sendboard database" in text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_newer_database_is_refused_with_exit_1(
    qtbot, demo_copy: Path, refusals: list[tuple[str, str]]
) -> None:
    import sqlite3

    with sqlite3.connect(demo_copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert ui.app.main(db=str(demo_copy)) == 1
    assert [title for title, _ in refusals] == [CANNOT_OPEN]
    assert "newer version of sendboard" in refusals[0][1]


def test_a_wait_for_another_sendboard_is_shown_on_the_opening_screen(
    qtbot, demo_copy: Path
) -> None:
    from tests.store.test_lock_waits import held_for

    window = MainWindow(opening=str(demo_copy))
    qtbot.addWidget(window)
    opener = DatabaseOpener(window, TaskRunner(), str(demo_copy), demo=False)
    window.show()
    holder = held_for(demo_copy, 2.5)
    opener.start()
    waiting = window.stack.widget(0)
    assert isinstance(waiting, LoadingPlaceholder)
    qtbot.waitUntil(lambda: "Waiting for another sendboard" in waiting.note.text(), timeout=5000)
    assert window.statusBar().currentMessage().startswith("Waiting for another sendboard")
    with qtbot.waitSignal(opener.opened, timeout=15000):
        pass
    holder.join()
    assert window.statusBar().currentMessage() == ""
    _close(opener)
