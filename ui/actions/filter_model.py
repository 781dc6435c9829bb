"""Filtering the action log as the secretary types: plain comparisons on precomputed text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from ui.actions.table import ActionsTableModel

#: The BRAG filter value meaning "no rating yet".
UNRATED = "unrated"


@dataclass(frozen=True)
class ActionFilter:
    text: str = ""
    priority_area_id: int | None = None
    board_id: int | None = None
    owner_id: int | None = None
    organisation: str | None = None
    brag: Brag | str | None = None  # a progress rating, UNRATED, or None for any
    status: ActionStatus | None = None
    highlighted_only: bool = False


class ActionsFilterProxy(QSortFilterProxyModel):
    """Filters rows; sorting is handed to the source model, which sorts on plain keys."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = ActionFilter()
        self._tokens: list[str] = []
        self._text_only = True

    @property
    def current(self) -> ActionFilter:
        return self._filter

    def set_filter(self, criteria: ActionFilter) -> None:
        if criteria == self._filter:
            return
        self.beginFilterChange()
        self._filter = criteria
        self._tokens = criteria.text.lower().split()
        self._text_only = replace(criteria, text="") == ActionFilter()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model: ActionsTableModel = self.sourceModel()  # type: ignore[assignment]
        if self._tokens:
            haystack = model.haystack(source_row)
            for token in self._tokens:
                if token not in haystack:
                    return False
        if self._text_only:
            return True
        f = self._filter
        view = model.row_at(source_row)
        if f.highlighted_only and not view.highlights:
            return False
        if f.status is not None and view.status != f.status:
            return False
        if f.priority_area_id is not None and view.priority_area_id != f.priority_area_id:
            return False
        if f.board_id is not None and view.board_id != f.board_id:
            return False
        if f.owner_id is not None and view.owner_id != f.owner_id:
            return False
        if f.organisation is not None and f.organisation not in view.organisations:
            return False
        if f.brag is not None:
            if f.brag == UNRATED:
                return view.progress is None
            return view.progress == f.brag
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def action_ids(self) -> list[int]:
        """The actions shown, in the order shown (what "export the current view" writes)."""
        model: ActionsTableModel = self.sourceModel()  # type: ignore[assignment]
        return [
            model.row_at(self.mapToSource(self.index(row, 0)).row()).id
            for row in range(self.rowCount())
        ]
