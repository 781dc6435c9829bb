"""A card on the Home dashboard: a title, an optional big figure with its caption, and text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

#: Figure colours, by how urgently the secretary needs to act.
URGENT = "#a61b1b"
WATCH = "#9a5200"
FINE = "#1b6e35"
CALM = "#1d4f91"


def rich_label(name: str = "") -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def link_label(name: str, on_link: Callable[[str], None]) -> QLabel:
    """A rich label whose links ("page:intent") are followed by `on_link`, by mouse or keyboard."""
    label = rich_label(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    label.linkActivated.connect(on_link)
    return label


class Card(QFrame):
    """White panel with a heading; `figure` shows one number in colour, `body` the details."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setObjectName("card-title")
        self.figure = QLabel()
        self.figure.setObjectName("card-figure")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = QLabel()
        self.caption.setObjectName("card-caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.caption.setMaximumWidth(170)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)

        figure_box = QVBoxLayout()
        figure_box.setSpacing(0)
        figure_box.addWidget(self.figure)
        figure_box.addWidget(self.caption)
        figure_box.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(self.body, 1)
        row.addLayout(figure_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self.set_figure("", "")

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def set_figure(self, figure: str, caption: str, colour: str = CALM) -> None:
        self.figure.setText(figure)
        self.figure.setStyleSheet(f"color: {colour};")
        self.caption.setText(caption)
        self.figure.setVisible(bool(figure))
        self.caption.setVisible(bool(caption))
