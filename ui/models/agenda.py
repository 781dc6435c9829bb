"""The agenda table: numbered items, dragged to a new place to reorder.

A drop does not move rows itself: it asks (`move_requested`) for the item to be moved by the
service, and the table reloads from what was saved, so screen and database never disagree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from sendboard.services.agenda import AgendaItemView

Index = QModelIndex | QPersistentModelIndex

NUMBER, TITLE, LEAD, PURPOSE, TIMING, EXEMPT, PAPERS = range(7)
HEADERS = ("No.", "Item", "Lead", "Purpose", "Timing", "Exempt", "Papers")
MIME = "application/x-sendboard-agenda-row"
EXEMPT_COLOUR = QColor("#9b1c1c")


class AgendaTableModel(QAbstractTableModel):
    #: (agenda item id, new 0-based position)
    move_requested = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AgendaItemView] = []

    def set_rows(self, rows: list[AgendaItemView] | tuple[AgendaItemView, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item_at(self, row: int) -> AgendaItemView:
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        return next((r for r, i in enumerate(self._rows) if i.id == item_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == EXEMPT and item.exempt:
            return EXEMPT_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PAPERS and item.papers:
                return "\n".join(p.label for p in item.papers)
            if column == EXEMPT and item.exempt:
                return "Not for publication: only in the confidential pack."
            return item.title
        return None

    def _text(self, item: AgendaItemView, column: int) -> str:
        if column == NUMBER:
            return f"{item.number}."
        if column == TITLE:
            return item.title
        if column == LEAD:
            return item.lead
        if column == PURPOSE:
            return item.purpose.label
        if column == TIMING:
            return f"{item.timing} ({item.minutes} min)"
        if column == EXEMPT:
            return "Exempt" if item.exempt else ""
        return "; ".join(p.label for p in item.papers)

    # Drag and drop: rows carry their item id; a drop asks for a move.

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, *args: Any) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode())
        source = self.row_of(item_id)
        if source is None:
            return False
        if row >= 0:  # between rows: before `row`, which shifts up once the item leaves
            target = row - 1 if row > source else row
        elif parent.isValid():  # onto a row: take that row's place
            target = parent.row()
        else:  # below the last row
            target = len(self._rows) - 1
        if target != source:
            self.move_requested.emit(item_id, target)
        return False  # the reload after saving redraws the rows
