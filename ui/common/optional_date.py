"""A date field that may be left empty ("Not set"), with a Clear button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from sendboard import clock
from sendboard.domain.wording import ENTRY_DATE_FORMAT

#: The empty value: QDateEdit cannot be empty, so its minimum date stands for "not set".
_UNSET = QDate(1900, 1, 1)
_PASS_THROUGH = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_Delete}


class _DateEdit(QDateEdit):
    """Starts from today, not from the 'not set' placeholder, once the user starts editing."""

    def _start(self) -> None:
        if self.date() == _UNSET:
            self.setDate(QDate(clock.today()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(_UNSET)
            return
        if event.key() not in _PASS_THROUGH:
            self._start()
        super().keyPressEvent(event)


class OptionalDateEdit(QWidget):
    def __init__(self, clear_text: str = "Clear", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _DateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(ENTRY_DATE_FORMAT)
        self.edit.setMinimumDate(_UNSET)
        self.edit.setSpecialValueText("Not set")
        self.edit.setDate(_UNSET)
        self.edit.setMinimumWidth(130)
        self.edit.setToolTip("Type or pick a date; Delete or Clear leaves it not set")
        self.clear_button = QPushButton(clear_text)
        self.clear_button.setToolTip("Leave this date not set")
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        chosen = self.edit.date()
        return None if chosen == _UNSET else chosen.toPython()  # type: ignore[return-value]

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(QDate(value) if value else _UNSET)

    def clear(self) -> None:
        self.edit.setDate(_UNSET)
