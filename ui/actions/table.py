"""The action log as a table model: one bulk `set_rows`, fast sorting in Python on plain keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from sendboard.domain.actions import reference_key
from sendboard.domain.wording import table_date
from sendboard.services.actions import ActionView
from ui.common.brag_delegate import BRAG_ROLE
from ui.common.rows import RowsTableModel


class Column(IntEnum):
    REFERENCE = 0
    TITLE = 1
    AREA = 2
    OWNER = 3
    ORGANISATIONS = 4
    DUE = 5
    PROGRESS = 6
    IMPACT = 7
    STATUS = 8
    LAST_UPDATE = 9
    HIGHLIGHTS = 10
    BOARD = 11


HEADINGS = {
    Column.REFERENCE: "Ref",
    Column.TITLE: "Action",
    Column.AREA: "Area",
    Column.OWNER: "Owner",
    Column.ORGANISATIONS: "Organisations",
    Column.DUE: "Due",
    Column.PROGRESS: "Progress",
    Column.IMPACT: "Impact",
    Column.STATUS: "Status",
    Column.LAST_UPDATE: "Last update",
    Column.HIGHLIGHTS: "Slow to progress",
    Column.BOARD: "Board",
}

#: BRAG_ROLE (from the delegate) gives the BRAG letter (or None) of a rating cell. A letter,
#: because PySide hands a str-based enum across as a plain string.
#: The action id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

HIGHLIGHT_BACKGROUND = QBrush(QColor("#fff3df"))
HIGHLIGHT_TEXT = QBrush(QColor("#8a3b00"))


def short_date(day: date | None) -> str:
    return table_date(day)


def _far(day: date | None) -> date:
    return day or date.max


_SORT_KEYS: dict[Column, Callable[[ActionView], Any]] = {
    Column.REFERENCE: lambda v: reference_key(v.reference),
    Column.TITLE: lambda v: v.title.lower(),
    Column.AREA: lambda v: (reference_key(v.priority_area_code), reference_key(v.reference)),
    Column.OWNER: lambda v: v.owner_name.lower(),
    Column.ORGANISATIONS: lambda v: ", ".join(v.organisations).lower(),
    Column.DUE: lambda v: _far(v.due),
    Column.PROGRESS: lambda v: "RAGB".find(v.progress.letter) if v.progress else 9,
    Column.IMPACT: lambda v: "RAGB".find(v.impact.letter) if v.impact else 9,
    Column.STATUS: lambda v: v.status.value,
    Column.LAST_UPDATE: lambda v: v.last_update_on or date.min,
    Column.HIGHLIGHTS: lambda v: (-len(v.highlights), reference_key(v.reference)),
    Column.BOARD: lambda v: v.board_name.lower(),
}


class ActionsTableModel(RowsTableModel[ActionView]):
    HEADERS = tuple(HEADINGS[column] for column in Column)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._haystacks: list[str] = []

    def rows_loaded(self) -> None:
        self._haystacks = [self._haystack(v) for v in self._rows]

    @staticmethod
    def _haystack(view: ActionView) -> str:
        """Everything the search box matches, lower-cased once rather than per keystroke."""
        parts = (view.reference, view.title, view.owner_name, *view.organisations, view.target)
        return " ".join(parts).lower()

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    # --- cells ----------------------------------------------------------------------------
    def display(self, view: ActionView, column: int) -> str:
        return self._display(view, Column(column))

    def tooltip(self, view: ActionView, column: int) -> str | None:
        return self._tooltip(view, Column(column))

    def background(self, view: ActionView, column: int) -> QBrush | None:
        return HIGHLIGHT_BACKGROUND if view.highlights else None

    def foreground(self, view: ActionView, column: int) -> QBrush | None:
        return HIGHLIGHT_TEXT if column == Column.HIGHLIGHTS else None

    def role_data(self, view: ActionView, column: int, role: int) -> Any:
        if role == BRAG_ROLE:
            brag = {Column.PROGRESS: view.progress, Column.IMPACT: view.impact}.get(Column(column))
            return brag.letter if brag else None
        if role == ID_ROLE:
            return view.id
        return None

    @staticmethod
    def _display(view: ActionView, column: Column) -> str:
        match column:
            case Column.REFERENCE:
                return ("⚑ " if view.highlights else "") + view.reference
            case Column.TITLE:
                return view.title
            case Column.AREA:
                return view.priority_area_code
            case Column.BOARD:
                return view.board_name
            case Column.OWNER:
                return view.owner_name
            case Column.ORGANISATIONS:
                return ", ".join(view.organisations)
            case Column.DUE:
                return short_date(view.due) + (" (rev.)" if view.revised_due else "")
            case Column.PROGRESS:
                return view.progress.letter if view.progress else ""
            case Column.IMPACT:
                return view.impact.letter if view.impact else ""
            case Column.STATUS:
                return view.status.label
            case Column.LAST_UPDATE:
                return short_date(view.last_update_on)
            case Column.HIGHLIGHTS:
                return "; ".join(view.highlights)
        return ""

    @staticmethod
    def _tooltip(view: ActionView, column: Column) -> str | None:
        if column is Column.DUE and view.revised_due:
            original, revised = short_date(view.original_due), short_date(view.revised_due)
            return f"Original due {original}; revised to {revised}"
        if column in (Column.PROGRESS, Column.IMPACT):
            brag = view.progress if column is Column.PROGRESS else view.impact
            return f"{brag.label} — {brag.meaning}" if brag else "Not rated yet"
        if column is Column.ORGANISATIONS and view.organisations:
            return "\n".join(view.organisations)
        if view.highlights:
            return "Slow to progress:\n• " + "\n• ".join(view.highlights)
        if column is Column.TITLE:
            return view.title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on precomputed keys: far faster than a proxy comparing via data()."""
        key = _SORT_KEYS[Column(column) if column >= 0 else Column.REFERENCE]
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in old]
        pairs = sorted(
            zip(self._rows, self._haystacks, strict=True),
            key=lambda pair: key(pair[0]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [p[0] for p in pairs]
        self._haystacks = [p[1] for p in pairs]
        where = {view.id: number for number, view in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[i], o.column()) for i, o in zip(ids, old, strict=True)]
        )
        self.layoutChanged.emit()
