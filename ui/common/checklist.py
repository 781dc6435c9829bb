"""A list to tick, with a filter above it and a count of what is ticked: the actions, measures
or risks a requirement links to, the requirements an item answers, who took part in an event."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sendboard.services.stocktake import Choice

KEY = Qt.ItemDataRole.UserRole


class Checklist(QWidget):
    changed = Signal()

    def __init__(
        self, title: str, name: str, *, filtered: bool = True, counted: str = "ticked"
    ) -> None:
        super().__init__()
        self.title, self.counted = title, counted
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}-caption")
        layout.addWidget(self.caption)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}-filter")
        self.filter.setPlaceholderText("Filter by reference or words…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.setVisible(filtered)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemChanged.connect(self._ticked)
        self.caption.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self._update_caption()

    def set_items(self, items: Sequence[tuple[Any, str]], ticked: Iterable[Any] = ()) -> None:
        """Each item as (key, text); those whose key is in `ticked` start ticked."""
        chosen = set(ticked)
        self.list.blockSignals(True)
        self.list.clear()
        for key, text in items:
            item = QListWidgetItem(text)
            item.setData(KEY, key)
            item.setToolTip(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        self._update_caption()

    def ticked(self) -> list[Any]:
        return [
            self.list.item(r).data(KEY)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, key: Any, on: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY) == key:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def tick_exactly(self, keys: Iterable[Any]) -> None:
        """Tick these keys and no others (the list as someone else saved it)."""
        chosen = set(keys)
        for row in range(self.list.count()):
            item = self.list.item(row)
            on = item.data(KEY) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _ticked(self, _item: QListWidgetItem) -> None:
        self._update_caption()
        self.changed.emit()

    def _update_caption(self) -> None:
        count = len(self.ticked())
        self.caption.setText(f"<b>{self.title}</b> ({count} {self.counted})")

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            shown = all(w in item.text().lower() for w in words)
            # a ticked item stays in sight, so what is linked is never hidden by the filter
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)


def choice_items(choices: tuple[Choice, ...]) -> list[tuple[int, str]]:
    """Records offered for linking, as (id, text) rows of a checklist."""
    return [(c.id, c.text) for c in choices]
