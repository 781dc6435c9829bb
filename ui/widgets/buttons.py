"""Push buttons made the same way everywhere: text with a mnemonic, a tooltip, and a slot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton


def make_button(text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
    made = QPushButton(text)
    made.setToolTip(tip)
    made.clicked.connect(slot)
    return made
