"""A date typed the way a UK secretary writes it (DD/MM/YYYY, 3 March 2027…), or left blank."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from sendboard.domain.wording import entry_date
from sendboard.outputs.sheets import parse_date


class DateField(QLineEdit):
    def __init__(self, placeholder: str = "DD/MM/YYYY") -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(160)

    def value(self) -> date | None:
        """The date entered; blank is None; anything else raises ValueError with a message."""
        return parse_date(self.text())

    def set_value(self, day: date | None) -> None:
        self.setText(entry_date(day))
