"""When a colleague saved the same item's minute first: a bar above the text says who and when,
and offers to keep one's own text (it replaces theirs) or to reload theirs. Until then the
item's typing stays on screen and is not sent."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from sendboard.errors import EditConflict
from ui.minutes.autosave import Autosaver, Key


class MinutesPage(Protocol):
    """What the bar needs of the Minutes page."""

    autosave: Autosaver

    def status(self, text: str, *, error: bool = False) -> None: ...

    def show_text(self, key: Key, text: str) -> None: ...


class TextConflicts(QFrame):
    def __init__(self, page: MinutesPage) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("minutes-conflict")
        self.setStyleSheet("#minutes-conflict { background: #fff4e5; border: 1px solid #d48a1f; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        self.message = QLabel()
        self.message.setObjectName("minutes-conflict-text")
        self.message.setWordWrap(True)
        self.keep_button = QPushButton("&Keep mine")
        self.keep_button.setToolTip("Save your text for this item; it replaces theirs")
        self.reload_button = QPushButton("Re&load theirs")
        self.reload_button.setToolTip("Show their text for this item; your typing in it goes")
        self.keep_button.clicked.connect(self.keep_mine)
        self.reload_button.clicked.connect(self.reload_theirs)
        row.addWidget(self.message, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.reload_button)
        self.key: Key | None = None
        self.hide()
        page.autosave.conflicted.connect(self.arrived)

    def arrived(self, key: Key, conflict: EditConflict) -> None:
        if self.key is None or self.key == key:
            self._show(key, conflict)
        self.page.status(f"Not saved: {conflict.by} saved this item first", error=True)

    def _show(self, key: Key, conflict: EditConflict) -> None:
        self.key = key
        self.message.setText(str(conflict))
        self.show()

    def keep_mine(self) -> None:
        if self.key is None:
            return
        key, self.key = self.key, None
        self.page.autosave.keep_mine(key)
        self._next()

    def reload_theirs(self) -> None:
        if self.key is None:
            return
        key, self.key = self.key, None
        self.page.show_text(key, self.page.autosave.take_theirs(key))
        self._next()

    def _next(self) -> None:
        held = self.page.autosave.held
        if held:
            key = next(iter(held))
            self._show(key, held[key])
        else:
            self.hide()
            self.page.status("")
