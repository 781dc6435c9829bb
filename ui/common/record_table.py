"""A toolbar, a search box and a sortable table of records, kept in step with one another.

Enter or double-click edits the selected record, Delete removes it; the selection survives a
reload (by record id). Right-click a column heading to show, hide or reset columns; the
columns as arranged are remembered under `settings_key`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import counted, plural_word
from ui.common.buttons import set_available
from ui.common.rows import RowsModel
from ui.common.search_proxy import SearchProxy
from ui.common.view_state import ColumnMemory, fit_columns


class RecordTable(QTableView):
    edit_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(lambda _index: self.edit_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit()
        elif key == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)


class RecordPanel(QWidget):
    """Add / Edit / Remove buttons, a search box and the table; emits what the user asked for."""

    add_requested = Signal()
    edit_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(
        self,
        model: RowsModel[Any],
        *,
        add_text: str,
        edit_text: str,
        remove_text: str,
        search_hint: str,
        noun: str,
        settings_key: str,
        stretch_column: int | None = None,
        hidden_columns: Sequence[int] = (),
        max_widths: Mapping[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = SearchProxy(model, self)
        self._pending_id: int | None = None
        self._noun = noun  # what a row is, in the singular: "person"
        self._stretch = stretch_column
        self._max_widths = dict(max_widths or {})

        self.add_button = QPushButton(add_text)
        self.edit_button = QPushButton(edit_text)
        self.remove_button = QPushButton(remove_text)
        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setToolTip("Ctrl+F: every word typed must match")
        search_label = QLabel("&Search")
        search_label.setBuddy(self.search)
        self.count = QLabel()
        self.count.setObjectName("record-count")

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.edit_button, self.remove_button):
            self.toolbar.addWidget(button)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(search_label)
        self.toolbar.addWidget(self.search)

        self.table = RecordTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column in hidden_columns:  # secondary columns, offered in the heading's menu
            self.table.setColumnHidden(column, True)
        self.columns = ColumnMemory(self.table, settings_key, fit=self._size_columns)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(self._remove)
        self.table.edit_requested.connect(self._edit)
        self.table.remove_requested.connect(self._remove)
        self.search.textChanged.connect(self._search)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- rows and selection -----------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show new rows, keeping (or moving to a just-saved record) the selection."""
        keep = self._pending_id if self._pending_id is not None else self.current_id()
        self._pending_id = None
        self.model.set_rows(rows)
        if keep is not None:
            self.select_id(keep)
        self._update_count()
        self._update_buttons()

    def select_after_reload(self, record_id: int) -> None:
        """Select this record when the next rows arrive (e.g. one just added)."""
        self._pending_id = record_id

    def current(self) -> Any | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not index.isValid() or not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def current_id(self) -> int | None:
        row = self.current()
        return row.id if row is not None else None

    def select_id(self, record_id: int) -> bool:
        source_row = self.model.row_of(record_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def visible_rows(self) -> list[Any]:
        """Rows as the table shows them: filtered and sorted."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_add_enabled(self, enabled: bool, why: str = "") -> None:
        """Enable Add; while it is disabled, its tooltip says `why`."""
        set_available(self.add_button, enabled, why)

    # -- internals --------------------------------------------------------------------------
    def _size_columns(self) -> None:
        fit_columns(self.table, self._stretch, self._max_widths)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = counted(total, self._noun)
        self.count.setText(text if shown == total else f"{shown} of {text}")

    def _update_buttons(self, *_: QModelIndex) -> None:
        has = self.current() is not None
        why = f"select one of the {plural_word(2, self._noun)} in the list first."
        if not self.model.rowCount():
            why = f"there are no {plural_word(0, self._noun)} yet."
        set_available(self.edit_button, has, why)
        set_available(self.remove_button, has, why)

    def _edit(self) -> None:
        row = self.current()
        if row is not None:
            self.edit_requested.emit(row)

    def _remove(self) -> None:
        row = self.current()
        if row is not None:
            self.remove_requested.emit(row)
