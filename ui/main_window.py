"""The shell: a sidebar of pages, menus, and a status bar showing the open database."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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
from ui.context import AppContext
from ui.pages import PAGES
from ui.pages.base import Page
from ui.style import STYLE
from ui.view_state import save_view_state


class PageSet(Mapping[str, Page]):
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


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(f"sendboard — {ctx.db.label}")
        self.resize(1280, 800)
        self.setStyleSheet(STYLE)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.stack = QStackedWidget()
        self.pages = PageSet([spec.key for spec in PAGES], self._build_page)
        for spec in PAGES:
            self.stack.addWidget(QWidget())  # stands in until the page is first needed
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
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(QLabel(f"Database: {ctx.db.label}"))
        self._menus()
        self.nav.setCurrentRow(0)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go = self.menuBar().addMenu("&Go")
        for row, spec in enumerate(PAGES):
            action = QAction(spec.label.replace("&", "&&"), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About sendboard", self)
        about.triggered.connect(
            lambda: self.statusBar().showMessage(f"sendboard {__version__}", 5000)
        )
        help_menu.addAction(about)

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
        save_view_state(self)
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_F5:
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                page.refresh()
        super().keyPressEvent(event)
