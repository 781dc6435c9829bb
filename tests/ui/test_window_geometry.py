"""A window size remembered from a bigger screen is fitted to the screen the window opens on, so
the status bar stays in sight; a size that fits is kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from ui.main_window import GEOMETRY_KEY, MainWindow, _settings, fitted


def test_fitted_shrinks_and_moves_inside() -> None:
    screen = QRect(0, 0, 1280, 800)
    assert fitted(QRect(100, 50, 1900, 1100), screen) == QRect(0, 0, 1280, 800)
    assert fitted(QRect(700, 500, 800, 600), screen) == QRect(480, 200, 800, 600)
    assert fitted(QRect(10, 10, 800, 600), screen) == QRect(10, 10, 800, 600)


def test_window_remembered_on_a_big_screen_fits_a_small_one(qtbot: QtBot) -> None:
    big = MainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 3800, 2400)
    big.close()
    assert _settings().value(GEOMETRY_KEY)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.statusBar().isVisible()
    bottom = window.statusBar().mapTo(window, window.statusBar().rect().bottomLeft()).y()
    assert window.geometry().top() + bottom <= available.bottom()
