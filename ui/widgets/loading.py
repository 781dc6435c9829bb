"""What a page place shows while the database is still opening: its title and a quiet line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.heading import page_heading


class LoadingPlaceholder(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.note = QLabel("Opening the database…")
        self.note.setObjectName("page-subtitle")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(page_heading(title))
        layout.addWidget(self.note)
        layout.addStretch(1)
