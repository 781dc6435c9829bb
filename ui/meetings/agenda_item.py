"""Adding or editing one agenda item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from sendboard.domain.meetings import Purpose, new_item_position
from sendboard.services.common.changes import Outcome
from sendboard.services.meetings import agenda
from sendboard.services.meetings.agenda import AgendaItemInput, AgendaItemView
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext


class AgendaItemDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        item: AgendaItemView | None = None,
        position: int | None = None,
        parent: QWidget | None = None,
        items: Sequence[AgendaItemView] = (),
    ) -> None:
        """`items` is the agenda as it stands: with it the form offers the item's number, for a
        new item before "Any other business" unless `position` (0-based) says otherwise."""
        title = "Edit agenda item" if item else "Add agenda item"
        super().__init__(ctx, title, parent, "&Save" if item else "&Add item")
        self.meeting_id = meeting_id
        self.item = item
        self.position = position
        self.title = QLineEdit()
        self.lead = QLineEdit()
        self.purpose = QComboBox()
        for purpose in Purpose:
            self.purpose.addItem(purpose.label, purpose)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(10)
        self.exempt = QCheckBox("E&xempt: not for publication (confidential pack only)")
        self.number = QSpinBox()
        self.number.setRange(1, max(1, len(items) + (0 if item else 1)))
        if item:
            self.number.setValue(item.number)
        else:
            at = new_item_position([i.standing for i in items]) if position is None else position
            self.number.setValue(at + 1)
        self.number.setToolTip("The item's place on the agenda; the others are renumbered")
        if item:
            self.title.setText(item.title)
            self.lead.setText(item.lead)
            self.purpose.setCurrentIndex(self.purpose.findData(item.purpose))
            self.minutes.setValue(item.minutes)
            self.exempt.setChecked(item.exempt)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&Lead", self.lead)
        self.form.addRow("&Purpose", self.purpose)
        self.form.addRow("T&iming", self.minutes)
        self.form.addRow("", self.exempt)
        self.form.addRow("Item n&umber", self.number)
        self.form.setRowVisible(self.number, bool(items))
        self.fields = {
            "title": self.title,
            "lead": self.lead,
            "purpose": self.purpose,
            "minutes": self.minutes,
            "exempt": self.exempt,
        }
        if item:
            self.edits("AgendaItem", item.id, item.version)
        self.resize(480, self.sizeHint().height())

    def value(self) -> AgendaItemInput:
        return AgendaItemInput(
            title=self.title.text(),
            lead=self.lead.text(),
            purpose=Purpose(self.purpose.currentData()),
            minutes=self.minutes.value(),
            exempt=self.exempt.isChecked(),
            standing=self.item.standing if self.item else None,
        )

    def save_call(self) -> Callable[[], Outcome[Any]]:
        data, db = self.value(), self.ctx.db
        to = self.number.value() - 1 if self.form.isRowVisible(self.number) else None
        if self.item is None:
            meeting_id, position = self.meeting_id, to if to is not None else self.position
            return lambda: agenda.add_item(db, meeting_id, data, position)
        item_id = self.item.id
        moved = to if to is not None and to != self.item.number - 1 else None
        return lambda: agenda.update_item(db, item_id, data, moved)
