"""The meetings list: one row per meeting, upcoming first, past ones on request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from sendboard import clock
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted, table_date
from sendboard.services.meetings import MeetingView
from sendboard.services.meetings.columns import COLUMNS, meeting_cells
from ui.common.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

DATE, TIME, BOARD, KIND, STATUS, PAPERS_DEADLINE, PACK_ISSUE, MINUTES_DUE, NOTE = range(9)
HEADERS = COLUMNS  # the same columns as `sendboard meetings`
#: Role giving the key the proxy sorts by (upcoming ascending, then past newest first).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2

MUTED = QColor("#6b6b6b")
WARNING = QColor("#8a4b00")


def short_day(day: date | datetime) -> str:
    return table_date(day if not isinstance(day, datetime) else day.date())


class MeetingTableModel(RowsTableModel[MeetingView]):
    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self.today = clock.today()

    def set_rows(self, rows: Sequence[MeetingView], today: date | None = None) -> None:
        self.today = today or clock.today()
        super().set_rows(rows)

    def is_past(self, view: MeetingView) -> bool:
        return view.starts_at.date() < self.today

    def foreground(self, view: MeetingView, column: int) -> Any:
        if view.status is MeetingStatus.CANCELLED or self.is_past(view):
            return MUTED
        if column == NOTE and view.holiday_note:
            return WARNING
        return None

    def tooltip(self, view: MeetingView, column: int) -> str:
        parts = [view.label, view.holiday_note, view.notes]
        return "\n".join(p for p in parts if p)

    def role_data(self, view: MeetingView, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            stamp = view.starts_at.timestamp()
            return (1, -stamp) if self.is_past(view) else (0, stamp)
        if role == VIEW_ROLE:
            return view
        if role == Qt.ItemDataRole.FontRole and view.status is MeetingStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(column == DATE)
            return font
        return None

    def display(self, view: MeetingView, column: int) -> str:
        return meeting_cells(view, short_day)[column]


class MeetingFilterProxy(QSortFilterProxyModel):
    """Filters by board and hides past meetings unless asked; keeps upcoming ones first."""

    def __init__(self) -> None:
        super().__init__()
        self.board_id: int | None = None
        self.show_past = False

    def set_board(self, board_id: int | None) -> None:
        self._refilter(lambda: setattr(self, "board_id", board_id))

    def set_show_past(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "show_past", show))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); use what exists."""
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MeetingTableModel)
        view = model.row_at(source_row)
        if self.board_id is not None and view.board_id != self.board_id:
            return False
        return self.show_past or not model.is_past(view)

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() in (DATE, PAPERS_DEADLINE, PACK_ISSUE, MINUTES_DUE, TIME):
            return left.data(SORT_ROLE) < right.data(SORT_ROLE)
        return str(left.data()).casefold() < str(right.data()).casefold()

    def view_at(self, row: int) -> MeetingView:
        return self.index(row, 0).data(VIEW_ROLE)


def relative_days(target: date, today: date) -> str:
    """'today', 'tomorrow', 'in 5 days', 'yesterday', '3 days ago'."""
    days = (target - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {counted(days, 'day')}" if days > 0 else f"{counted(-days, 'day')} ago"
