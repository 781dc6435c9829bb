"""Choose a past day to see the risk register as it stood: a date, or a meeting's date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from sendboard import clock
from sendboard.domain.wording import ENTRY_DATE_FORMAT
from sendboard.services.risks.choices import RiskChoices


class AsAtPicker(QWidget):
    """`changed` fires when the day to show changes, including back to today."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QCheckBox("S&how the register as at")
        self.date = QDateEdit(QDate(clock.today()).addDays(-1))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(ENTRY_DATE_FORMAT)
        self.date.setMaximumDate(QDate(clock.today()))
        self.date.setEnabled(False)
        self.toggle.toggled.connect(self._toggled)
        self.date.dateChanged.connect(lambda _d: self.toggle.isChecked() and self.changed.emit())
        self.meeting = QComboBox()
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(28)
        self.meeting.setAccessibleName("Show the register as at a meeting")
        self.meeting.activated.connect(self._meeting_chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.toggle, self.date, self.meeting):
            layout.addWidget(widget)

    def day(self) -> date | None:
        """The day chosen, or None for the register as it is now."""
        return self.date.date().toPython() if self.toggle.isChecked() else None  # type: ignore[return-value]

    def fill_meetings(self, choices: RiskChoices) -> None:
        """Offer the meetings held so far, once, or again whenever the register is current."""
        if self.meeting.count() and self.day() is not None:
            return
        self.meeting.clear()
        self.meeting.addItem("or at a meeting…", None)
        today = clock.today()
        for meeting in choices.meetings:
            if meeting.day <= today:
                self.meeting.addItem(meeting.label, meeting.day)
        self.meeting.setEnabled(self.meeting.count() > 1)

    def _meeting_chosen(self, _index: int) -> None:
        day = self.meeting.currentData()
        if day is None:
            return
        self.date.blockSignals(True)
        self.date.setDate(QDate(day))
        self.date.blockSignals(False)
        if self.toggle.isChecked():
            self.changed.emit()
        else:
            self.toggle.setChecked(True)

    def _toggled(self, on: bool) -> None:
        self.date.setEnabled(on)
        self.changed.emit()
