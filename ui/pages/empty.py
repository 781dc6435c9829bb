"""A page for an area that is not built yet: says what will be here, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.context import AppContext
from ui.pages.base import Page


class EmptyStatePage(Page):
    def __init__(self, ctx: AppContext, title: str, text: str) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(f"<h2>{title}</h2>")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setMaximumWidth(520)
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
