"""The main window builds a page only when it is first shown, and the same page thereafter."""

from __future__ import annotations

from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.main_window import MainWindow
from ui.pages import PAGES


def test_only_the_home_page_is_built_at_start(qtbot, demo_db: Database) -> None:
    window = MainWindow(make_context(demo_db))
    qtbot.addWidget(window)
    assert [key for key in window.pages if window.pages.is_built(key)] == ["home"]
    assert list(window.pages) == [spec.key for spec in PAGES]
    window.ctx.tasks.wait()


def test_a_page_is_built_once_when_first_shown(qtbot, demo_db: Database) -> None:
    window = MainWindow(make_context(demo_db))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    assert window.pages.is_built("settings")
    assert window.stack.currentWidget() is page
    assert page.objectName() == "page-settings"
    window.show_page("home")
    assert window.show_page("settings") is page
    assert window.stack.count() == len(PAGES)
    window.ctx.tasks.wait()
