"""The one heading style every page shares (see `QLabel#page-heading` in ui/style.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def page_heading(text: str) -> QLabel:
    """A page's title as plain text, lined up with the page's left edge."""
    label = QLabel(text)
    label.setObjectName("page-heading")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setIndent(0)
    label.setMargin(0)
    return label
