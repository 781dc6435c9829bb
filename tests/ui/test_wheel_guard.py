"""The mouse wheel changes a combo box, spin box or date only when it has the focus (otherwise it
scrolls the page), and choosing the mail program says so in the window, with an Undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sendboard.services import mail
from sendboard.services.common.workspace import Database
from ui.app import guard_wheel, make_context
from ui.context import AppContext
from ui.settings.page import SettingsPage


def _wheel(widget: QWidget, down: bool = True) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit]]:
    guard_wheel(QApplication.instance())
    content = QWidget()
    layout = QVBoxLayout(content)
    combo = QComboBox()
    combo.addItems(["Automatic", "Email draft file", "Thunderbird"])
    spin = QSpinBox()
    spin.setRange(0, 99)
    spin.setValue(5)
    day = QDateEdit(QDate(2026, 12, 9))
    for widget in (combo, spin, day):
        layout.addWidget(widget)
    layout.addSpacing(3000)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    yield scroll, combo, spin, day


def test_wheel_over_an_unfocused_control_scrolls_the_page_instead(
    page: tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit],
) -> None:
    scroll, combo, spin, day = page
    scroll.setFocus()
    for widget in (combo, spin, day, spin.lineEdit()):
        _wheel(widget)
    assert combo.currentIndex() == 0
    assert spin.value() == 5
    assert day.date() == QDate(2026, 12, 9)
    assert not (combo.hasFocus() or spin.hasFocus() or day.hasFocus())
    assert scroll.verticalScrollBar().value() > 0


def test_wheel_changes_a_focused_control(
    page: tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit], qtbot: QtBot
) -> None:
    _, combo, spin, _ = page
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, down=False)
    assert spin.value() == 6


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def test_choosing_the_mail_program_says_so_and_can_be_undone(ctx: AppContext, qtbot: QtBot) -> None:
    mail.set_backend_choice("auto")
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.show()
    settings.activate()
    group = settings.email_settings
    combo = group.backend
    qtbot.waitUntil(lambda: combo.currentData() == "auto")
    combo.setCurrentIndex(combo.findData("eml"))
    combo.activated.emit(combo.currentIndex())
    assert mail.backend_choice() == "eml"
    assert group.notice.isVisibleTo(settings)
    assert "Email draft file" in group.notice.text()
    assert group.undo.isVisibleTo(settings)
    qtbot.mouseClick(group.undo, Qt.MouseButton.LeftButton)
    assert mail.backend_choice() == "auto"
    assert combo.currentData() == "auto"
    assert "Automatic" in group.notice.text()
    assert not group.undo.isVisibleTo(settings)
