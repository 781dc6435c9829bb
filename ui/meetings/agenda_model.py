"""The agenda table: numbered items, dragged to a new place to reorder.

A drop does not move rows itself: it asks (`move_requested`) for the item to be moved by the
service, and the table reloads from what was saved, so screen and database never disagree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from sendboard.domain.wording import counted
from sendboard.services.meetings.agenda import AgendaItemView
from ui.common.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

NUMBER, TITLE, LEAD, PURPOSE, TIMING, EXEMPT, PAPERS = range(7)
HEADERS = ("No.", "Item", "Lead", "Purpose", "Timing", "Exempt", "Papers")
MIME = "application/x-sendboard-agenda-row"
EXEMPT_COLOUR = QColor("#9b1c1c")


class AgendaTableModel(RowsTableModel[AgendaItemView]):
    HEADERS = HEADERS
    #: (agenda item id, new 0-based position)
    move_requested = Signal(int, int)

    def foreground(self, item: AgendaItemView, column: int) -> Any:
        return EXEMPT_COLOUR if column == EXEMPT and item.exempt else None

    def tooltip(self, item: AgendaItemView, column: int) -> str:
        if column == PAPERS and item.papers:
            return "\n".join(p.label for p in item.papers)
        if column == EXEMPT and item.exempt:
            return "Not for publication: only in the confidential pack."
        if item.notes:
            return "\n".join((item.title, *item.notes))
        return item.title

    def role_data(self, item: AgendaItemView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, item: AgendaItemView, column: int) -> str:
        if column == NUMBER:
            return f"{item.number}."
        if column == TITLE and item.notes:
            return f"{item.title} — {counted(len(item.notes), 'escalation')} to answer"
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
