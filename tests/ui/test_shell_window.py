"""The window's shell, built lean for a fast first paint, keeps its keys, titles and F5."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.common.heading import page_heading
from ui.common.loading import LoadingPlaceholder
from ui.main_window import MainWindow
from ui.pages import PAGES


def _menu_actions(window: MainWindow, title: str) -> list:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return menu.actions()


def test_go_menu_keys_reach_every_page(qtbot) -> None:
    window = MainWindow(opening="board.db")
    qtbot.addWidget(window)
    actions = _menu_actions(window, "&Go")
    assert [a.shortcut().toString() for a in actions] == [
        f"Ctrl+{n}" for n in range(1, len(PAGES) + 1)
    ]
    actions[3].trigger()
    assert window.nav.currentRow() == 3


def test_quit_takes_the_platforms_quit_keys(qtbot) -> None:
    window = MainWindow(opening="board.db")
    qtbot.addWidget(window)
    quit_action = _menu_actions(window, "&File")[-1]
    assert quit_action.text() == "&Quit"
    # Every key the platform binds to Quit (Ctrl+Q on most Linux desktops; none offscreen).
    assert quit_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)


def test_loading_titles_read_as_the_pages_headings_do(qtbot) -> None:
    for spec in PAGES:
        placeholder = LoadingPlaceholder(spec.label)
        qtbot.addWidget(placeholder)
        heading = page_heading(spec.label)
        qtbot.addWidget(heading)
        assert placeholder.title.text() == spec.label
        assert not QtGui.Qt.mightBeRichText(spec.label), spec.label  # shown as plain text
        assert placeholder.title.objectName() == heading.objectName() == "page-heading"
        assert (placeholder.title.indent(), placeholder.title.margin()) == (0, 0)


def test_the_sidebar_reports_its_first_paint_once(qtbot) -> None:
    window = MainWindow(opening="board.db")
    qtbot.addWidget(window)
    painted: list[bool] = []
    window.painted.connect(lambda: painted.append(True))
    with qtbot.waitSignal(window.painted, timeout=5000):
        window.show()
    window.nav.viewport().repaint()
    qtbot.wait(20)
    assert painted == [True]


def test_f5_reloads_the_current_page(qtbot, demo_db: Database) -> None:
    window = MainWindow(make_context(demo_db))
    qtbot.addWidget(window)
    window.ctx.tasks.wait()
    qtbot.wait(1)
    home = window.pages["home"]
    reloads: list[bool] = []
    home.refresh = lambda: reloads.append(True)  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert reloads == [True]
    window.ctx.tasks.wait()
