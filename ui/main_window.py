"""The shell: a sidebar of pages, menus, and a status bar showing the open database.

The shell is shown before the database is open (ui/opening.py): until `attach` gives it the
context, each page place shows a quiet loading state. Nothing here loads the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from sendboard import __version__
from ui.common.loading import LoadingPlaceholder
from ui.pages import PAGES
from ui.style import STYLE

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from ui.common.page import Page
    from ui.context import AppContext


class PageSet(Mapping[str, "Page"]):
    """The window's pages by key, each built the first time it is needed, so startup costs the
    same however many pages the app grows."""

    def __init__(self, keys: list[str], build: Callable[[str], Page]) -> None:
        self._keys = keys
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        if key not in self._built:
            if key not in self._keys:
                raise KeyError(key)
            self._built[key] = self._build(key)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._built


#: Where the window's size and place are remembered (QSettings of the user).
GEOMETRY_KEY = "window/geometry"


def fitted(frame: QRect, available: QRect) -> QRect:
    """`frame` made no larger than `available` and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    x = min(max(frame.x(), available.x()), available.x() + available.width() - width)
    y = min(max(frame.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def _settings() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "sendboard", "sendboard")


class MainWindow(QMainWindow):
    """The main window. Built with a context it is ready at once; built without one it is the
    shell shown while the database opens, and `attach(ctx)` makes it ready."""

    painted = Signal()  # the sidebar has been drawn on screen for the first time

    def __init__(self, ctx: AppContext | None = None, *, opening: str = "") -> None:
        super().__init__()
        self.ctx: AppContext = None  # type: ignore[assignment]  # set by attach()
        self.setWindowTitle(f"sendboard — {opening}" if opening else "sendboard")
        self.resize(1280, 800)
        self.setStyleSheet(STYLE)

        self.nav = _Sidebar(self.painted)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.stack = QStackedWidget()
        self.pages = PageSet([spec.key for spec in PAGES], self._build_page)
        for spec in PAGES:  # stands in until the page is first needed
            self.stack.addWidget(LoadingPlaceholder(spec.label))
            self.nav.addItem(spec.label)
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.database_label)
        if opening:
            self.statusBar().showMessage(f"Opening {opening}…")
        self._menus()
        self.nav.setCurrentRow(0)
        saved = _settings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray | bytes) and saved:
            self.restoreGeometry(QByteArray(saved))
        self.fit_to_screen()
        if ctx is not None:
            self.attach(ctx)

    def fit_to_screen(self) -> None:
        """Keep the whole window, status bar included, on the screen it opens on (a size saved
        on a bigger monitor would hang off a laptop's)."""
        if self.isMaximized() or self.isFullScreen():
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        frame = self.frameGeometry()
        # the title bar and borders, known once shown
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        place = fitted(frame, screen.availableGeometry())
        if place != frame:
            self.resize(place.width() - extra_w, place.height() - extra_h)
            self.move(place.topLeft())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_fitted_shown", False):
            self._fitted_shown = True
            self.fit_to_screen()

    def attach(self, ctx: AppContext) -> None:
        """The database is open: show its name, and build and load the current page."""
        self.ctx = ctx
        self.setWindowTitle(f"sendboard — {ctx.db.label}")
        self.database_label.setText(f"Database: {ctx.db.label}")
        if self.statusBar().currentMessage().startswith(("Opening ", "Waiting ")):
            self.statusBar().clearMessage()
        self._show_page(self.nav.currentRow())
        ctx.bus.navigate.connect(self.go_to)
        if getattr(ctx.db, "read_only", False):
            from ui.database.read_only import show_read_only

            name = ctx.db.file.name if ctx.db.file else ctx.db.label
            show_read_only(self, name, self.database_label, self.edit_actions)
        if ctx.db.file is not None:
            from ui.database.share_banner import show_share_warning

            show_share_warning(self, ctx.db.file)
        from ui.common.change_watcher import ChangeWatcher

        self.watcher = ChangeWatcher(ctx, self)
        self.watcher.start()

    def go_to(self, key: str, intent: str = "") -> None:
        """Show the page `key` and open `intent` on it (see ChangeBus.navigate)."""
        if key not in self.pages:
            return
        page = self.show_page(key)
        if intent:
            page.open_intent(intent)

    def _menus(self) -> None:
        # Shortcuts are given as lists: PySide's `setShortcut` (and the `shortcut=` keyword)
        # builds Qt's whole enum namespace on first use, which would hold up the first paint.
        file_menu = self.menuBar().addMenu("&File")
        self.edit_actions: list[QAction] = []  # switched off when the database is read-only
        for text, slot, edits in (
            ("&Import a setup workbook…", self.import_setup, True),
            ("Save a setup workbook &template…", self.save_setup_template, False),
            ("&Restore from backup…", self.restore_from_backup, True),
            ("&Move to a shared server…", self.move_to_server, False),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            file_menu.addAction(action)
            if edits:
                self.edit_actions.append(action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go = self.menuBar().addMenu("&Go")
        for row, spec in enumerate(PAGES):
            action = QAction(spec.label.replace("&", "&&"), self)
            action.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        guide = QAction("&User guide", self)
        guide.setShortcuts([QKeySequence("F1")])
        guide.triggered.connect(self.open_user_guide)
        help_menu.addAction(guide)
        about = QAction("&About sendboard", self)
        about.triggered.connect(
            lambda: self.statusBar().showMessage(f"sendboard {__version__}", 5000)
        )
        help_menu.addAction(about)

    def import_setup(self) -> None:
        if self.ctx is not None:
            from ui.setup.import_dialog import run_setup_import

            run_setup_import(self, self.ctx)

    def restore_from_backup(self) -> None:
        if self.ctx is not None:
            from ui.database.restore_dialog import run_restore_dialog

            run_restore_dialog(self, self.ctx)

    def move_to_server(self) -> None:
        """Settings → Database, where the server is given, tested and moved to."""
        if self.ctx is not None:
            self.go_to("settings", "database")

    def save_setup_template(self) -> None:
        from ui.setup.import_dialog import save_template

        save_template(self)

    def open_user_guide(self) -> None:
        from ui.setup.guide import open_user_guide

        open_user_guide(self)

    def show_waiting(self, text: str) -> None:
        """Say what the window is waiting for, on every page not yet loaded."""
        for row in range(self.stack.count()):
            placeholder = self.stack.widget(row)
            if isinstance(placeholder, LoadingPlaceholder):
                placeholder.note.setText(text)

    def show_page(self, key: str) -> Page:
        self.nav.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def _build_page(self, key: str) -> Page:
        row = list(self.pages).index(key)
        page = PAGES[row].make(self.ctx)
        page.setObjectName(f"page-{key}")
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        return page

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        if self.ctx is None:  # still opening: the page's loading state is shown
            self.stack.setCurrentIndex(row)
            return
        page = self.pages[PAGES[row].key]  # built on first use
        self.stack.setCurrentIndex(row)
        page.activate()

    def show_progress(self, done: int, total: int, message: str) -> None:
        """Long work reports here; total 0 means unknown, done == total hides the bar."""
        self.progress.setVisible(not (total and done >= total))
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.statusBar().showMessage(message, 0 if self.progress.isVisible() else 4000)

    def closeEvent(self, event: QCloseEvent) -> None:
        from ui.common.view_state import save_view_state  # not needed before the first paint

        save_view_state(self)
        _settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Imported at the first key press, not with the shell: building Qt's enum namespace
        # (~15 ms) would hold up the first paint, and the pages load behind it anyway.
        from PySide6.QtCore import Qt

        from ui.common.page import Page

        if event.key() == Qt.Key.Key_F5:
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                page.refresh()
        super().keyPressEvent(event)


class _Sidebar(QListWidget):
    """The navigation list; emits `painted` once, just after its items are first drawn."""

    def __init__(self, painted: SignalInstance) -> None:
        super().__init__()
        self._painted: SignalInstance | None = painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._painted is not None:
            painted, self._painted = self._painted, None
            QTimer.singleShot(0, painted.emit)  # once this paint has been completed
