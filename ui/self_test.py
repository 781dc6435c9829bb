"""`sendboard --self-test`: prove a build works end to end, without a screen or a user.

It starts the way `sendboard --demo` does on first use: the window's shell is shown, then a new
temporary database is opened behind it (so Alembic's bundled scripts run) and filled with demo
data; then it renders every page offscreen and checks the bundled files the app needs at run
time. The packaging smoke test runs it inside the frozen bundle.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sendboard import clock, resources
from sendboard.domain.working_days import bank_holiday_name
from sendboard.services import boards
from sendboard.services.common.workspace import Database
from ui.common.tasks import TaskRunner
from ui.main_window import MainWindow
from ui.opening import DatabaseOpener, failure_text

OPEN_TIMEOUT_MS = 120_000


def distinct_colours(image: QImage, step: int = 6) -> int:
    """How many colours a grid of sample points finds: 1 means nothing was drawn."""
    seen = {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    return len(seen)


def _rendered(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    return not image.isNull() and image.width() > 0 and distinct_colours(image) > 1


def _settle(app: QApplication, window: MainWindow) -> None:
    """Let background reads finish and their results reach the page."""
    app.processEvents()
    window.ctx.tasks.wait()
    app.processEvents()


def check_bundled_files() -> Iterator[str]:
    if bank_holiday_name(date(clock.today().year, 12, 25)) != "Christmas Day":  # this year's
        yield "bank holidays for England are not available"
    try:
        import pypdfium2  # noqa: F401  (loads the PDF renderer used for printing packs)
    except (ImportError, OSError) as exc:
        yield f"the PDF renderer for printing could not load ({exc})"
    try:
        import docx  # noqa: F401  (Word minutes and self-assessments)
        import psycopg  # noqa: F401  (a shared server database)
    except (ImportError, OSError) as exc:
        yield f"a bundled library could not load ({exc})"
    for name in ("icons/sendboard.png", "fonts/DejaVuSans.ttf"):
        try:
            resources.resource(name)
        except FileNotFoundError as exc:
            yield str(exc)


def check_window(app: QApplication, window: MainWindow, database: Database) -> Iterator[str]:
    if not boards.list_boards(database):
        yield "the demo data has no boards"
    if app.windowIcon().isNull():
        yield "the application icon did not load"
    for key, page in window.pages.items():
        window.show_page(key)
        _settle(app, window)
        if not _rendered(page):
            yield f"the {key} page did not render"
    warnings = window.pages["home"].findChild(QLabel, "warnings")
    if warnings is None or not warnings.text():
        yield "the home page did not load its data"
    if not _rendered(window):
        yield "the main window did not render"


def open_behind_the_shell(window: MainWindow, opener: DatabaseOpener) -> Iterator[str]:
    """Show the shell, open (and build) the database behind it, as the app starts."""
    failures: list[BaseException] = []
    loop = QEventLoop()
    opener.opened.connect(loop.quit)
    opener.failed.connect(lambda exc: (failures.append(exc), loop.quit()))
    window.painted.connect(opener.start)
    QTimer.singleShot(OPEN_TIMEOUT_MS, loop.quit)
    window.show()
    loop.exec()
    if failures:
        yield f"the database could not be opened: {failure_text(failures[0])}"
    elif window.ctx is None:
        yield "the database did not open behind the window"


def run_self_test(app: QApplication) -> list[str]:
    """Every problem found, in words; an empty list means the build works."""
    problems = list(check_bundled_files())
    with tempfile.TemporaryDirectory(prefix="sendboard-selftest-") as folder:
        target = str(Path(folder) / "selftest.db")
        tasks = TaskRunner()
        window = MainWindow(opening=target)
        opener = DatabaseOpener(window, tasks, target, demo=True)
        try:
            opening = list(open_behind_the_shell(window, opener))
            problems += opening
            if not opening and opener.database is not None:
                problems += check_window(app, window, opener.database)
        finally:
            window.close()
            tasks.wait()
            app.processEvents()
            window.deleteLater()
            if opener.database is not None:
                opener.database.close()
    return problems
