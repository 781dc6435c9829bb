"""The board hierarchy (Improvement Board → Delivery Group → sub-groups), with a warning icon on
any board that has nobody to invite for a role it must invite."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from sendboard.domain.compliance import describe_missing
from sendboard.domain.governance import BoardKind
from sendboard.services.boards import BoardView

ID_ROLE = Qt.ItemDataRole.UserRole
NAME, MEMBERS = range(2)
_TIER = {kind: order for order, kind in enumerate(BoardKind)}


def _improvement_board_first(boards: Sequence[BoardView]) -> list[BoardView]:
    """Top-level boards by tier (the Improvement Board before scrutiny), then the rest in order.

    Every parent still comes before its children, since all top-level boards come first.
    """
    roots = sorted((b for b in boards if b.parent_id is None), key=lambda b: _TIER[b.kind])
    return roots + [b for b in boards if b.parent_id is not None]


class BoardTree(QTreeWidget):
    board_changed = Signal(object)  # board id or None
    edit_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Board", "Members"])
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setIndentation(14)  # deep sub-groups keep room for their names
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(NAME, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(MEMBERS, self.header().ResizeMode.ResizeToContents)
        self._warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(16, 16)
        blank.fill(QColor(0, 0, 0, 0))
        self._blank = QIcon(blank)  # keeps names aligned whether or not a board has a warning
        self._items: dict[int, QTreeWidgetItem] = {}
        self._views: dict[int, BoardView] = {}
        self.currentItemChanged.connect(lambda *_: self.board_changed.emit(self.current_id()))
        self.itemDoubleClicked.connect(lambda *_: self.edit_requested.emit())

    def set_boards(self, boards: Sequence[BoardView], select: int | None = None) -> None:
        """Rebuild the tree (boards come parents first); keep the selection, or pick `select`."""
        keep = select if select is not None else self.current_id()
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        self._views = {b.id: b for b in boards}
        for board in _improvement_board_first(boards):
            parent = self._items.get(board.parent_id) if board.parent_id else None
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self)
            self._fill(item, board)
            self._items[board.id] = item
        self.expandAll()
        self.blockSignals(False)
        target = self._items.get(keep) if keep is not None else None
        if target is None and self.topLevelItemCount():
            target = self.topLevelItem(0)
        self.setCurrentItem(target)
        self.board_changed.emit(self.current_id())

    def _fill(self, item: QTreeWidgetItem, board: BoardView) -> None:
        item.setText(NAME, board.name)
        item.setText(MEMBERS, str(board.member_count))
        item.setTextAlignment(MEMBERS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(NAME, ID_ROLE, board.id)
        if board.missing_roles:
            warning = describe_missing(board.missing_roles)
            item.setIcon(NAME, self._warning)
            item.setToolTip(NAME, f"{board.name} ({board.kind.label})\n{warning}")
            item.setData(NAME, Qt.ItemDataRole.AccessibleDescriptionRole, warning)
        else:
            item.setIcon(NAME, self._blank)
            item.setToolTip(NAME, f"{board.name} ({board.kind.label})")

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(NAME, ID_ROLE) if item is not None else None

    def current_board(self) -> BoardView | None:
        board_id = self.current_id()
        return self._views.get(board_id) if board_id is not None else None

    def item_for(self, board_id: int) -> QTreeWidgetItem | None:
        return self._items.get(board_id)

    def select_id(self, board_id: int) -> None:
        item = self._items.get(board_id)
        if item is not None:
            self.setCurrentItem(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.edit_requested.emit()
        elif key == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)
