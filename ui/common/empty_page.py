"""A page for an area that is not built yet: says what will be here, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.common.heading import page_heading
from ui.common.page import Page
from ui.context import AppContext


class EmptyStatePage(Page):
    def __init__(self, ctx: AppContext, title: str, text: str) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = page_heading(title)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setFixedWidth(520)  # a wrapped label centred in a layout needs a set width
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
