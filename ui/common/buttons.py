"""Push buttons made the same way everywhere: text with a mnemonic, a tooltip, and a slot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

#: The property that holds why a widget is greyed out ("" while it is available).
WHY = "unavailable_why"


def make_button(text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
    made = QPushButton(text)
    made.setToolTip(tip)
    made.clicked.connect(slot)
    return made


def set_available(button: QWidget, enabled: bool, why: str = "") -> None:
    """Enable or disable a button (or any control); while disabled its tooltip also says why,
    and what to do."""
    base = button.property("base_tip")
    if base is None:
        base = button.toolTip()
        button.setProperty("base_tip", base)
    button.setEnabled(enabled)
    button.setProperty(WHY, "" if enabled else why)
    if enabled or not why:
        button.setToolTip(base)
    else:
        button.setToolTip(
            f"{base}\n\nNot available now: {why}" if base else why[:1].upper() + why[1:]
        )
