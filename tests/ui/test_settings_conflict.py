"""The Settings page on a shared database: a colleague saved the secretary's details after the
page showed them, so Save is refused naming them; Reload theirs shows their details, and Keep
mine saves what was typed over theirs. Nothing typed is lost while the choice is made."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sendboard.services import settings
from sendboard.services.common.workspace import Database, open_database
from ui.app import make_context
from ui.context import AppContext
from ui.settings.page import SettingsPage


@pytest.fixture
def page(db: Database, qtbot: QtBot) -> Iterator[SettingsPage]:
    settings.save_settings(db, settings.BoardSettings(secretary_name="Jo Bell"))
    ctx: AppContext = make_context(db)
    shown = SettingsPage(ctx)
    qtbot.addWidget(shown)
    shown.refresh()
    qtbot.waitUntil(lambda: shown.name.text() == "Jo Bell")
    yield shown
    ctx.tasks.wait()


def colleague_saves(db: Database, name: str) -> None:
    sam = open_database(str(db.file), user="Sam Okafor")
    try:
        now = settings.get_settings(sam)
        settings.save_settings(sam, replace(now, secretary_name=name), now)
    finally:
        sam.close()


def answer(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """Press `button` in the conflict box as soon as it is shown (it is modal)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, press)


def type_phone_and_save(page: SettingsPage, qtbot: QtBot) -> None:
    page.phone.clear()
    qtbot.keyClicks(page.phone, "0151 496 0000")
    page.save()


def test_reload_theirs_shows_the_colleagues_details(
    page: SettingsPage, qtbot: QtBot, db: Database
) -> None:
    colleague_saves(db, "Sam Okafor")
    seen: list[str] = []
    answer(qtbot, "Reload theirs", seen)
    type_phone_and_save(page, qtbot)
    qtbot.waitUntil(lambda: page.name.text() == "Sam Okafor")
    assert seen and seen[0].startswith("Sam Okafor changed these settings at ")
    assert settings.get_settings(db).secretary_phone == ""


def test_keep_mine_saves_what_was_typed_over_theirs(
    page: SettingsPage, qtbot: QtBot, db: Database
) -> None:
    colleague_saves(db, "Sam Okafor")
    seen: list[str] = []
    answer(qtbot, "Keep mine", seen)
    type_phone_and_save(page, qtbot)
    qtbot.waitUntil(lambda: settings.get_settings(db).secretary_phone == "0151 496 0000")
    assert settings.get_settings(db).secretary_name == "Jo Bell"
    assert page.name.text() == "Jo Bell" and seen
    # Now what is shown is what is stored: the next save goes straight through.
    page.organisation.clear()
    qtbot.keyClicks(page.organisation, "Kingsmere Council")
    page.save()
    qtbot.waitUntil(lambda: settings.get_settings(db).secretary_organisation == "Kingsmere Council")
