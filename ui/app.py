"""Start the window: open (and migrate) the database, build the context, show the shell."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sendboard import __version__
from sendboard.demo import build_demo
from sendboard.errors import SendboardError
from sendboard.services import boards
from sendboard.services.workspace import Database, open_database, resolve_target
from ui.context import AppContext, ChangeBus
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sendboard")
    app.setOrganizationName("sendboard")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def make_context(db: Database) -> AppContext:
    return AppContext(db=db, tasks=TaskRunner(), bus=ChangeBus())


def open_target(db: str | None, demo: bool) -> Database:
    """Open the chosen database; a demo database is built on first use."""
    database = open_database(resolve_target(db, demo=demo))
    if demo and not boards.list_boards(database):
        build_demo(database, "small")
    return database


def main(db: str | None = None, demo: bool = False) -> int:
    app = application()
    try:
        database = open_target(db, demo)
    except SendboardError as exc:
        QMessageBox.critical(None, "sendboard cannot open the database", str(exc))
        return 1
    window = MainWindow(make_context(database))
    window.show()
    status = app.exec()
    window.ctx.tasks.wait()
    database.close()
    return status


def self_test() -> int:
    """Migrate and fill a temporary database, render the window offscreen, report, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    with tempfile.TemporaryDirectory(prefix="sendboard-selftest-") as folder:
        database = open_database(Path(folder) / "selftest.db")
        build_demo(database, "small")
        window = MainWindow(make_context(database))
        window.show()
        for key in window.pages:
            window.show_page(key)
            app.processEvents()
        window.ctx.tasks.wait()
        app.processEvents()
        image = window.grab().toImage()
        ok = not image.isNull() and image.width() > 0 and len(boards.list_boards(database)) > 0
        window.close()
        database.close()
    print(f"sendboard {__version__} self-test: {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1
