"""Open the database behind a window that is already on screen.

The window's shell is shown first (no store, no SQLAlchemy yet); then, off the GUI thread, the
database is opened (backed up and migrated when needed) and the first page's module imported;
a demo database is built on first use, its progress shown in the window; then the window gets
its context and loads its first page. A database that cannot be opened ends the app with the
same message as before the window existed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from sendboard.errors import SendboardError
from sendboard.progress import CancelToken, Progress
from ui.collector import freeze_startup_objects
from ui.common.tasks import TaskRunner
from ui.pages import PAGES, import_page_module

if TYPE_CHECKING:
    from sendboard.services.common.workspace import Database
    from ui.main_window import MainWindow

CANNOT_OPEN = "sendboard cannot open the database"
DEMO_NOTE = (
    "Building the demo database of the fictional borough of Kingsmere. "
    "This happens the first time only and takes a few seconds."
)

WAITING = (
    "Waiting for another sendboard to finish opening or upgrading this database "
    "({seconds:.0f} s so far)… If it does not finish within a minute, sendboard says so."
)


class _Opened(NamedTuple):
    database: Database
    needs_demo: bool


class DatabaseOpener(QObject):
    """Opens `target` for `window`; `opened` carries the context, `failed` the exception."""

    opened = Signal(object)
    failed = Signal(object)
    waiting = Signal(float)  # seconds spent waiting for another sendboard with the file

    def __init__(
        self,
        window: MainWindow,
        tasks: TaskRunner,
        target: str,
        demo: bool,
        *,
        freeze: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.target = target
        self.demo = demo
        self.freeze = freeze  # the app's own start: see ui.collector.freeze_startup_objects
        self.database: Database | None = None  # closed by whoever started the app
        self._started = False
        self.waiting.connect(self._show_waiting)

    def start(self) -> None:
        """Begin opening (once; later calls do nothing)."""
        if self._started:
            return
        self._started = True
        self.tasks.run(self._open, on_done=self._after_open, on_error=self.failed.emit)

    def _open(self) -> _Opened:
        from sendboard.services import boards
        from sendboard.services.common.workspace import open_database

        self._freeze()  # the store's code is loaded: the most of what startup makes
        self.database = open_database(self.target, on_wait=self.waiting.emit)
        needs_demo = self.demo and not boards.list_boards(self.database)
        import_page_module(PAGES[0])  # so the GUI thread does not stall importing it
        self._freeze()
        return _Opened(self.database, needs_demo)

    def _show_waiting(self, seconds: float) -> None:
        text = WAITING.format(seconds=seconds)
        self.window.show_waiting(text)
        self.window.statusBar().showMessage(text)

    def _freeze(self) -> None:
        if self.freeze:
            freeze_startup_objects()

    def _after_open(self, result: _Opened) -> None:
        if not result.needs_demo:
            self._attach(result.database)
            return
        self.window.show_progress(0, 0, "Building the demo database…")
        self.window.show_waiting(DEMO_NOTE)
        self.tasks.run(
            lambda progress, token: _build_demo(result.database, progress, token),
            on_progress=self.window.show_progress,
            on_done=lambda _: self._attach(result.database),
            on_error=self.failed.emit,
            write=True,
        )

    def _attach(self, database: Database) -> None:
        from ui.context import AppContext, ChangeBus

        ctx = AppContext(db=database, tasks=self.tasks, bus=ChangeBus())
        self.window.attach(ctx)
        self.opened.emit(ctx)


def _build_demo(database: Database, progress: Progress, token: CancelToken) -> Any:
    from sendboard.demo import build_demo

    build_demo(database, "small", progress)


def failure_text(exc: BaseException) -> str:
    """What the message box says: a SendboardError speaks for itself."""
    from ui.common.errors import error_text

    return str(exc) if isinstance(exc, SendboardError) else error_text(exc)
