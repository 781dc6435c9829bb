"""Help → User guide shows the bundled guide, pictures included, without going online."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.setup import guide


def test_help_menu_opens_the_guide_with_its_pictures(qtbot: QtBot) -> None:
    window = MainWindow(opening="board.db")
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    (action,) = [a for a in help_menu.actions() if a.text() == "&User guide"]
    action.trigger()
    shown = guide._open[0]
    qtbot.addWidget(shown)
    assert shown.isVisible()
    document = shown.browser.document()
    assert "Getting started with your own board" in document.toPlainText()
    image = document.resource(3, "images/first-run.png")  # QTextDocument.ImageResource
    assert image is not None and not image.isNull()
    shown.close()
