"""Every greyed-out button in the window says why (in its tooltip or status tip): on the demo and
on a new, empty database, on every page and every tab of every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QAbstractButton, QTabBar, QTabWidget, QToolBar, QWidget

from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.common.buttons import WHY
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages import PAGES


@pytest.fixture
def demo(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


@pytest.fixture
def empty(db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(db)
    yield context
    context.tasks.wait()


def _settle(window: MainWindow, qtbot: QtBot) -> None:
    """Let the page's background reads arrive and their results be shown."""
    for _ in range(3):
        window.ctx.tasks.wait()
        qtbot.waitUntil(lambda: not window.ctx.tasks.busy(), timeout=30000)
        qtbot.wait(20)


def _says_why(button: QAbstractButton) -> bool:
    """Whether a greyed-out button gives its reason: a status tip, or a reason set with
    `set_available` that its tooltip shows (a tooltip that only says what the button does, as it
    does when enabled, is no reason)."""
    if button.statusTip().strip():
        return True
    why = str(button.property(WHY) or "").strip()
    return bool(why) and why[1:] in button.toolTip()


def _unexplained(window: MainWindow, where: QWidget, label: str) -> list[str]:
    found = []
    for button in where.findChildren(QAbstractButton):
        if isinstance(button.parent(), QTabBar):  # the tab bar's own scroll arrows
            continue
        if not button.isVisibleTo(window) or button.isEnabled():
            continue
        if not _says_why(button):
            found.append(
                f"{label}: {type(button).__name__} {button.text()!r} (tip {button.toolTip()!r})"
            )
    return found


def _unexplained_actions(window: MainWindow, label: str) -> list[str]:
    found = []
    for bar in window.findChildren(QToolBar):
        if not bar.isVisibleTo(window):
            continue
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible() or action.isEnabled():
                continue
            tip = action.toolTip().strip()
            if action.text() and not (
                (tip and tip != action.text().replace("&", "")) or action.statusTip().strip()
            ):
                found.append(f"{label}: toolbar action {action.text()!r}")
    return found


def _visit(window: MainWindow, qtbot: QtBot, key: str) -> list[str]:
    page = window.show_page(key)
    _settle(window, qtbot)
    found = _unexplained(window, page, key) + _unexplained_actions(window, key)
    # tabs inside tabs (a meeting's tabs inside the Meetings page) are visited as they show
    visited: set[int] = set()
    pending = [tabs for tabs in page.findChildren(QTabWidget) if tabs.isVisibleTo(window)]
    while pending:
        tabs = pending.pop(0)
        if id(tabs) in visited:
            continue
        visited.add(id(tabs))
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            _settle(window, qtbot)
            where = f"{key} › {tabs.tabText(index).replace('&', '')}"
            found += _unexplained(window, tabs.widget(index), where)
            found += _unexplained_actions(window, where)
            pending += [
                inner
                for inner in tabs.widget(index).findChildren(QTabWidget)
                if inner.isVisibleTo(window) and id(inner) not in visited
            ]
    return found


def _walk(ctx: AppContext, qtbot: QtBot) -> list[str]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    unexplained: list[str] = []
    for spec in PAGES:
        unexplained += _visit(window, qtbot, spec.key)
    return unexplained


def test_every_disabled_button_on_the_demo_says_why(demo: AppContext, qtbot: QtBot) -> None:
    unexplained = _walk(demo, qtbot)
    assert not unexplained, "disabled with no reason given:\n" + "\n".join(unexplained)


def test_every_disabled_button_on_an_empty_database_says_why(
    empty: AppContext, qtbot: QtBot
) -> None:
    unexplained = _walk(empty, qtbot)
    assert not unexplained, "disabled with no reason given:\n" + "\n".join(unexplained)
