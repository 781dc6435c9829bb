"""A combo of records (people, boards) with an optional "none" entry and type-ahead search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

#: Returned by `value()` when typed text matches no entry.
NO_MATCH = object()


class RecordCombo(QComboBox):
    def __init__(
        self,
        none_label: str | None = None,
        *,
        searchable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.none_label = none_label
        self.setMaxVisibleItems(20)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_choices(self, choices: Iterable[tuple[str, Any]], selected: Any = None) -> None:
        self.clear()
        if self.none_label is not None:
            self.addItem(self.none_label, None)
        for label, data in choices:
            self.addItem(label, data)
        self.set_value(selected)

    def set_value(self, data: Any) -> None:
        none_index = 0 if self.none_label is not None else -1
        index = none_index if data is None else self.findData(data)
        self.setCurrentIndex(index)
        if index < 0 and self.isEditable():
            self.setEditText("")

    def value(self) -> Any:
        """The chosen record's data; None for "none"; NO_MATCH if typed text matches no entry."""
        if not self.isEditable():
            return self.currentData()
        text = " ".join(self.currentText().split()).casefold()
        if not text:
            return None if self.none_label is not None else NO_MATCH
        for row in range(self.count()):
            if " ".join(self.itemText(row).split()).casefold() == text:
                return self.itemData(row)
        return NO_MATCH
