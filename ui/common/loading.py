"""What a page place shows while the database is still opening: its title and a quiet line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LoadingPlaceholder(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = _title(title)
        self.note = QLabel("Opening the database…")
        self.note.setObjectName("page-subtitle")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addStretch(1)


def _title(text: str) -> QLabel:
    """The page's title, looking as `ui.common.heading.page_heading` makes it.

    Titles here are the sidebar's own words, never markup, so the label keeps Qt's automatic
    text format: naming a format would load Qt's whole enum namespace before the first paint.
    """
    label = QLabel(text)
    label.setObjectName("page-heading")
    label.setIndent(0)
    label.setMargin(0)
    return label
