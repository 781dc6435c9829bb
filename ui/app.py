"""Start the window: open (and migrate) the database, build the context, show the shell."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sendboard import __version__, resources
from sendboard.demo import build_demo
from sendboard.errors import SendboardError
from sendboard.services import boards
from sendboard.services.workspace import Database, open_database, resolve_target
from ui.collector import collect_on_gui_thread
from ui.context import AppContext, ChangeBus
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sendboard")
    app.setOrganizationName("sendboard")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("sendboard")
    app.setWindowIcon(app_icon())
    collect_on_gui_thread(app)
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("icons/sendboard-48.png", "icons/sendboard.png"):
        icon.addFile(str(resources.resource(name)))
    return icon


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
    if os.environ.get("SENDBOARD_EXIT_AFTER_SHOWN"):
        _exit_when_ready(app, window)
    status = app.exec()
    window.ctx.tasks.wait()
    database.close()
    return status


def _exit_when_ready(app: QApplication, window: MainWindow) -> None:
    """Startup benchmark hook (bench/startup.py), on when SENDBOARD_EXIT_AFTER_SHOWN is set.

    Once the window is shown and the first page has received its data, print `window-shown`
    and quit; the benchmark times the process from launch to that line.
    """

    def ready() -> None:
        if window.ctx.tasks.busy():
            return  # the first page's data is still loading; `idle` will call again
        window.ctx.tasks.idle.disconnect(ready)
        app.processEvents()
        print("window-shown", flush=True)
        app.quit()

    window.ctx.tasks.idle.connect(ready)
    QTimer.singleShot(0, ready)


def self_test() -> int:
    """Migrate and fill a temporary database, render every page offscreen, report, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.self_test import run_self_test

    problems = run_self_test(application())
    for problem in problems:
        print(f"self-test problem: {problem}", file=sys.stderr)
    print(f"sendboard {__version__} self-test: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0
