"""Remember how the secretary arranged her tables and panels, from one session to the next.

Each main table's heading state (columns shown, their order, widths and the sort) and each
remembered splitter is kept in QSettings under the application's organisation and name, one
entry per table or splitter, written shortly after each change. Right-click a column heading
(or press the context-menu key in the table) to choose the columns or "Reset columns".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu, QSplitter, QTableView

ORGANISATION = "sendboard"
APPLICATION = "sendboard"
#: Changes are written this long after the last one, so dragging a splitter writes once.
SAVE_DELAY_MS = 300
#: Widest a column gets when sized to its contents; the user may still drag it wider.
MAX_COLUMN_WIDTH = 220


def ui_settings() -> QSettings:
    """The user's own settings for this program (the registry on Windows, an ini file elsewhere)."""
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def _stored_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None


def fit_columns(
    table: QTableView,
    stretch: int | None = None,
    max_widths: Mapping[int, int] | None = None,
    cap: int = MAX_COLUMN_WIDTH,
) -> None:
    """Size every column to its contents (within a cap) and leave it for the user to drag;
    `stretch` takes the spare width (else the last column does)."""
    header = table.horizontalHeader()
    widest = dict(max_widths or {})
    header.setStretchLastSection(stretch is None)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for column in range(header.count()):
        most = widest.get(column, cap)
        if header.sectionSize(column) > most:
            header.resizeSection(column, most)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class _Remembered(QObject):
    """Writes `state()` under `key` a moment after `changed()` is called, and before quitting."""

    def __init__(self, parent: QObject, key: str, state: Callable[[], QByteArray]) -> None:
        super().__init__(parent)
        self.key = key
        self.state = state
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    def changed(self, *_args: object) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Write a pending change now (the window is closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save()

    def save(self) -> None:
        settings = ui_settings()
        settings.setValue(self.key, self.state())
        settings.sync()

    def stored(self) -> QByteArray | None:
        return _stored_bytes(ui_settings(), self.key)

    def forget(self) -> None:
        self._timer.stop()
        settings = ui_settings()
        settings.remove(self.key)
        settings.sync()


class ColumnMemory(_Remembered):
    """One table's columns: restored when built, saved after a change, reset from the menu.

    Build it after the table has its model and its own default columns (hidden, widths, sort):
    that layout is what "Reset columns" goes back to. `fit`, if given, sizes the columns to the
    data whenever new rows arrive, until the secretary arranges them herself (this session or
    a remembered one); after a reset it does so again.
    """

    def __init__(self, table: QTableView, key: str, fit: Callable[[], None] | None = None) -> None:
        header = table.horizontalHeader()
        super().__init__(header, f"tables/{key}/header", header.saveState)
        self.table = table
        self.header = header
        self.count_key = f"tables/{key}/columns"
        self.fit = fit
        self.header.setSectionsMovable(True)
        self.defaults = self.header.saveState()
        self.restored = self._restore()
        self.chosen = self.restored
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self._show_menu)
        self.header.setToolTip("Right-click a heading to choose the columns shown, or reset them")
        # Only what the secretary does is remembered: a drag or click on the headings (resize,
        # move, sort) or a choice in the menu; not the page's own sizing as data arrives.
        self.header_viewport = self.header.viewport()
        self.header_viewport.installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self._rows_arrived)
        model.rowsInserted.connect(self._rows_arrived)
        table.installEventFilter(self)
        self._rows_arrived()

    def save(self) -> None:
        settings = ui_settings()
        settings.setValue(self.key, self.state())
        settings.setValue(self.count_key, self.header.count())
        settings.sync()

    def _restore(self) -> bool:
        settings = ui_settings()
        state = _stored_bytes(settings, self.key)
        count = settings.value(self.count_key)
        if state is None or str(count) != str(self.header.count()):
            return False  # nothing saved, or saved for a different set of columns
        if not self.header.restoreState(state):
            return False
        self._apply_sort()
        return True

    def _apply_sort(self) -> None:
        if self.table.isSortingEnabled():
            self.table.sortByColumn(
                self.header.sortIndicatorSection(), self.header.sortIndicatorOrder()
            )

    def changed(self, *_args: object) -> None:
        self.chosen = True
        super().changed()

    def _rows_arrived(self, *_args: object) -> None:
        if not self.chosen and self.fit is not None and self.table.model().rowCount() > 0:
            self.fit()

    def reset(self) -> None:
        """Back to the table's own columns, and forget the remembered ones."""
        self.header.restoreState(self.defaults)
        self._apply_sort()
        self.forget()
        settings = ui_settings()
        settings.remove(self.count_key)
        settings.sync()
        self.restored = self.chosen = False
        self._rows_arrived()

    # -- the menu ---------------------------------------------------------------------------
    def menu(self) -> QMenu:
        """A tick for each column (the last one shown cannot be hidden), then Reset columns."""
        menu = QMenu(self.table)
        model = self.table.model()
        shown = [c for c in range(self.header.count()) if not self.header.isSectionHidden(c)]
        for visual in range(self.header.count()):
            column = self.header.logicalIndex(visual)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "").strip()
            action = menu.addAction(title or f"Column {column + 1}")
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(not (column in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
        menu.addSeparator()
        reset = menu.addAction("&Reset columns")
        reset.setObjectName("reset-columns")
        reset.triggered.connect(self.reset)
        return menu

    def set_shown(self, column: int, shown: bool) -> None:
        self.header.setSectionHidden(column, not shown)
        if shown and self.header.sectionSize(column) < self.header.minimumSectionSize():
            self.header.resizeSection(column, self.header.defaultSectionSize())
        self.changed()

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.header.mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A mouse release on the headings may have changed them; the context-menu key in a
        table without a menu of its own opens the column menu."""
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            if watched is self.header_viewport:
                self.changed()
            return False
        if (
            kind == QEvent.Type.ContextMenu
            and watched is self.table
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
            and self.table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu
        ):
            self._show_menu(QPoint(0, self.header.height()))
            return True
        return False


class SplitterMemory(_Remembered):
    """A splitter's sizes (and collapsed panes), restored when built and saved after a drag."""

    def __init__(self, splitter: QSplitter, key: str) -> None:
        super().__init__(splitter, f"splitters/{key}", splitter.saveState)
        self.splitter = splitter
        state = self.stored()
        self.restored = state is not None and splitter.restoreState(state)
        splitter.splitterMoved.connect(self.changed)


def remember_flag(key: str, default: bool) -> bool:
    """A remembered on/off choice (e.g. a panel shown or hidden)."""
    value = ui_settings().value(f"flags/{key}", default)
    return value in (True, "true", "1", 1)


def store_flag(key: str, value: bool) -> None:
    settings = ui_settings()
    settings.setValue(f"flags/{key}", value)
    settings.sync()


def save_view_state(root: QObject) -> None:
    """Write every pending table and splitter choice under `root` now (its window is closing)."""
    for memory in root.findChildren(_Remembered):
        memory.flush()
