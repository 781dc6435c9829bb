"""Start the window: show the shell at once, then open (and migrate) the database behind it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from sendboard import __version__, resources
from sendboard.paths import default_db_path, resolve_target, target_label
from ui.collector import collect_on_gui_thread
from ui.common.tasks import TaskRunner
from ui.main_window import MainWindow
from ui.opening import CANNOT_OPEN, DatabaseOpener, failure_text

if TYPE_CHECKING:
    from sendboard.services.common.workspace import Database
    from ui.context import AppContext

# If the first paint never comes (a window opened minimised), open the database anyway.
OPEN_WITHOUT_PAINT_MS = 500


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sendboard")
    app.setOrganizationName("sendboard")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("sendboard")
    app.setWindowIcon(app_icon())
    collect_on_gui_thread(app)
    guard_wheel(app)
    return app  # type: ignore[return-value]


class _WheelGuard(QObject):
    """A wheel turned over a combo box, spin box or date that is not being edited scrolls the
    page around it: a value changes only once the user has clicked or tabbed into it."""

    GUARDED = (QComboBox, QAbstractSpinBox)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, self.GUARDED):
            # Not WheelFocus: a wheel passing over must not take the focus (and so the value).
            watched.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        elif (
            kind == QEvent.Type.Wheel
            and isinstance(watched, self.GUARDED)
            and not watched.hasFocus()
        ):
            _pass_up(watched, event)
            return True
        return False


def _pass_up(widget: QWidget, event: QWheelEvent) -> None:
    """Offer the wheel to the widgets around `widget` until one takes it (the page scrolls)."""
    position = event.position()
    while not widget.isWindow() and (parent := widget.parentWidget()) is not None:
        position = widget.mapToParent(position)
        widget = parent
        offered = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QCoreApplication.sendEvent(widget, offered)
        if offered.isAccepted():
            return


def guard_wheel(app: QCoreApplication) -> None:
    """Install the wheel guard on the application, once."""
    if app.findChild(_WheelGuard) is None:
        app.installEventFilter(_WheelGuard(app))


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("icons/sendboard-48.png", "icons/sendboard.png"):
        icon.addFile(str(resources.resource(name)))
    return icon


def make_context(db: Database) -> AppContext:
    from ui.context import AppContext, ChangeBus

    return AppContext(db=db, tasks=TaskRunner(), bus=ChangeBus())


def main(db: str | None = None, demo: bool = False) -> int:
    """Show the window, open the chosen database behind it (a demo one is built on first use)."""
    app = application()
    target = resolve_target(db, demo=demo)
    tasks = TaskRunner()
    window = MainWindow(opening=target_label(target))
    openers: list[DatabaseOpener] = []

    def opener_for(target: str) -> DatabaseOpener:
        opener = DatabaseOpener(window, tasks, target, demo, freeze=not openers)
        opener.failed.connect(lambda exc: _refuse(app, window, exc, target, reopen))
        openers.append(opener)
        return opener

    def reopen(target: str) -> None:
        window.setWindowTitle(f"sendboard — {target_label(target)}")
        window.statusBar().showMessage(f"Opening {target_label(target)}…")
        opener_for(target).start()

    opener = opener_for(target)
    if os.environ.get("SENDBOARD_EXIT_AFTER_SHOWN"):
        # Connected first: the paint is reported as it completes, before the opener's thread
        # starts competing with this one.
        _report_startup(app, window, opener)
    window.painted.connect(opener.start)
    window.show()
    QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, opener.start)
    status = app.exec()
    tasks.wait()
    for each in openers:
        if each.database is not None:
            each.database.close()
    if window.ctx is not None and all(window.ctx.db is not o.database for o in openers):
        window.ctx.db.close()  # the database opened again after a restore
    window.close()
    window.deleteLater()
    return status


def _refuse(
    app: QApplication,
    window: MainWindow,
    exc: BaseException,
    target: str,
    reopen: Callable[[str], None],
) -> None:
    """The database cannot be opened: say why, and end the app with status 1. An unreachable
    server offers to try again or to use this computer's file instead."""
    from PySide6.QtWidgets import QMessageBox

    from sendboard.errors import ServerUnreachable

    if isinstance(exc, ServerUnreachable):
        from ui.database.unreachable import LOCAL, RETRY, ask_unreachable

        answer = ask_unreachable(window, failure_text(exc))
        if answer == RETRY:
            reopen(target)
        elif answer == LOCAL:
            reopen(str(default_db_path()))
        else:
            app.exit(1)
        return
    QMessageBox.critical(window, CANNOT_OPEN, failure_text(exc))
    app.exit(1)


def _report_startup(app: QApplication, window: MainWindow, opener: DatabaseOpener) -> None:
    """Startup benchmark hook (bench/startup.py), on when SENDBOARD_EXIT_AFTER_SHOWN is set.

    Prints `window-shown` once the main window is on screen with its sidebar drawn, then
    `home-ready` once the database is open and the first page has received its data, and quits.
    """

    def shown() -> None:
        print("window-shown", flush=True)

    def ready() -> None:
        if window.ctx is None or window.ctx.tasks.busy():
            return  # still opening, or the first page's data is loading; `idle` calls again
        opener.tasks.idle.disconnect(ready)
        app.processEvents()
        print("home-ready", flush=True)
        app.quit()

    window.painted.connect(shown)
    opener.tasks.idle.connect(ready)


def self_test() -> int:
    """Migrate and fill a temporary database, render every page offscreen, report, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.self_test import run_self_test

    problems = run_self_test(application())
    for problem in problems:
        print(f"self-test problem: {problem}", file=sys.stderr)
    print(f"sendboard {__version__} self-test: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0
