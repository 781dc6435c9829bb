"""Qt tests collect garbage on the main thread only, as the application does (ui/collector.py),
no test's background reads outlive it, and remembered window settings (QSettings) stay in a
folder of their own. `window` is the main window on the test's database, at a laptop's size."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, QThreadPool

from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def collect_on_main_thread() -> Iterator[None]:
    gc.disable()
    yield
    QThreadPool.globalInstance().waitForDone(30000)
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Path:
    """Each test starts with no remembered tables or splitters, and never touches the user's."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "all"))
    return folder


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    ctx = make_context(db)
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    ctx.tasks.wait()
