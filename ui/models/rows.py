"""A read-only table of frozen views: named columns, bulk `set_rows`, sort keys and search text.

Subclasses list their columns once (with constants naming their positions); the view, the sort
proxy and the search box all read from that one list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")

#: Role holding a plain str/int key, so dates and numbers sort by value, not by their text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], str | int] | None = None
    searchable: bool = True


#: Letters that Unicode does not decompose into a base letter plus an accent.
_PLAIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ß": "ss"})


def sort_text(text: str) -> str:
    """Text as a reader alphabetises it: Łukasz with the Ls, Zoë with the Zs, ignoring case."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def uk_date(value: date | None) -> str:
    """1 Jan 2026 (no platform-specific strftime flags: this runs on Windows too)."""
    return f"{value.day} {value:%b %Y}" if value else ""


def iso_date(value: date | None, missing: str = "") -> str:
    return value.isoformat() if value else missing


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows are frozen dataclasses with an `id`; columns come from `COLUMNS`."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._search: list[str] = []

    # -- contents ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row at once (one reset, not a signal per row)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [self._search_text(row) for row in self._rows]
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == record_id:  # type: ignore[attr-defined]
                return number
        return None

    def search_text(self, row: int) -> str:
        """Searchable columns' text folded like `sort_text` (so "zoe" finds Zoë)."""
        return self._search[row]

    def _search_text(self, row: R) -> str:
        return sort_text("\n".join(c.text(row) for c in self.COLUMNS if c.searchable))

    # -- hooks for subclasses ---------------------------------------------------------------
    def row_foreground(self, row: R) -> Any:
        """A brush for rows that should look different (e.g. past members); None for normal."""
        return None

    def row_tooltip(self, row: R) -> str:
        return ""

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else sort_text(column.text(row))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.row_foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text, for cells cut short
            return self.row_tooltip(row) or column.text(row) or None
        return None
