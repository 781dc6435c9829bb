"""Read-only tables of frozen views: one base for every table model in the application.

`RowsTableModel` holds the rows (bulk `set_rows`, `row_at`, `row_of`), answers Qt's row, column and
heading questions from `HEADERS`, and asks subclasses only for what differs: `display`, and
optionally `tooltip`, `foreground`, `background` and `role_data` for any other role.
`RowsModel` builds on it for tables described by a list of `Column`s, adding sort keys and
search text.
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


def iso_date(value: date | None, missing: str = "") -> str:
    return value.isoformat() if value else missing


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Rows under the headings in `HEADERS`; subclasses say what each cell shows."""

    HEADERS: Sequence[str] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # -- contents ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row at once (one reset, not a signal per row)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.rows_loaded()
        self.endResetModel()

    def rows_loaded(self) -> None:
        """Called inside the reset once new rows are in, to precompute what they need."""

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        """The row showing the record with this `id`, or None when it is not shown."""
        for number, row in enumerate(self._rows):
            if row.id == record_id:  # type: ignore[attr-defined]
                return number
        return None

    def headers(self) -> Sequence[str]:
        return self.HEADERS

    # -- hooks for subclasses ---------------------------------------------------------------
    def display(self, row: R, column: int) -> Any:
        """What the cell shows; every table overrides this."""
        return None

    def tooltip(self, row: R, column: int) -> Any:
        return None

    def foreground(self, row: R, column: int) -> Any:
        return None

    def background(self, row: R, column: int) -> Any:
        return None

    def role_data(self, row: R, column: int, role: int) -> Any:
        """Any other role (alignment, font, sort keys, ...); None when the cell has nothing."""
        return None

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, column)
        return self.role_data(row, column, role)


class RowsModel(RowsTableModel[R]):
    """Rows are frozen dataclasses with an `id`; columns come from `COLUMNS`."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search: list[str] = []

    def rows_loaded(self) -> None:
        self._search = [self._search_text(row) for row in self._rows]

    def headers(self) -> Sequence[str]:
        return [column.title for column in self.COLUMNS]

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

    # -- cells ------------------------------------------------------------------------------
    def display(self, row: R, column: int) -> str:
        return self.COLUMNS[column].text(row)

    def tooltip(self, row: R, column: int) -> str | None:  # the full text, for cells cut short
        return self.row_tooltip(row) or self.COLUMNS[column].text(row) or None

    def foreground(self, row: R, column: int) -> Any:
        return self.row_foreground(row)

    def role_data(self, row: R, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            spec = self.COLUMNS[column]
            return spec.sort(row) if spec.sort else sort_text(spec.text(row))
        return None
