"""The buttons and keys that edit an ordered list of items in a table: add, edit, remove, move.

An agenda and a board's standing-item template are edited the same way; the owner provides
`add_item`, `edit_item`, `remove_item` and `shift(offset)`.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QTableView

from ui.common.buttons import make_button, set_available


class ItemListOwner(Protocol):
    def add_item(self) -> None: ...
    def edit_item(self) -> None: ...
    def remove_item(self) -> None: ...
    def shift(self, offset: int) -> None: ...


class ItemListTools(QHBoxLayout):
    """Labels are given so each place keeps mnemonics that do not clash with its neighbours."""

    def __init__(
        self,
        owner: ItemListOwner,
        table: QTableView,
        *,
        add: str = "&Add item…",
        remove: str = "&Remove",
        down: str = "Move &down",
    ) -> None:
        super().__init__()
        self.add_button = make_button(
            add, "Add an item after the selected one (Insert)", owner.add_item
        )
        self.edit_button = make_button(
            "&Edit…", "Edit the selected item (F2 or Enter)", owner.edit_item
        )
        self.remove_button = make_button(
            remove, "Remove the selected item (Delete)", owner.remove_item
        )
        self.up_button = make_button(
            "Move &up", "Move the item up (Ctrl+Up)", lambda: owner.shift(-1)
        )
        self.down_button = make_button(
            down, "Move the item down (Ctrl+Down)", lambda: owner.shift(1)
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            self.addWidget(button)
        self.addStretch(1)
        for keys, slot in (
            ("Ctrl+Up", lambda: owner.shift(-1)),
            ("Ctrl+Down", lambda: owner.shift(1)),
            ("Insert", owner.add_item),
            ("Delete", owner.remove_item),
            ("F2", owner.edit_item),
            ("Return", owner.edit_item),
        ):
            shortcut = QShortcut(QKeySequence(keys), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def enable_for(self, row: int | None, count: int, locked: str = "") -> None:
        """Edit and remove need a selected item; moves also need room to move. `locked` is why
        the list cannot be changed at all ("" when it can)."""
        why = locked or (
            "" if row is not None else "select an item first" if count else "add an item first"
        )
        for button in (self.edit_button, self.remove_button):
            set_available(button, not why, why)
        set_available(self.up_button, not why and row > 0, why or "this is the first item already")  # type: ignore[operator]
        last = why or "this is the last item already"
        set_available(self.down_button, not why and row < count - 1, last)  # type: ignore[operator]
