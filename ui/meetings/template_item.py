"""One standing item of a board's template: the agenda item form, kept in the template dialog.

It reuses the agenda item form but saves nothing itself: the template dialog writes the whole
list on Save. Exempt items are chosen per meeting, so that box is not offered here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from sendboard.domain import validation
from sendboard.domain.meetings import Purpose
from sendboard.errors import ValidationError
from sendboard.services.meetings.agenda import AgendaItemInput
from ui.context import AppContext
from ui.meetings.agenda_item import AgendaItemDialog


class TemplateItemDialog(AgendaItemDialog):
    def __init__(
        self, ctx: AppContext, item: AgendaItemInput | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, meeting_id=0, parent=parent)
        self.original = item
        self.setWindowTitle("Edit standing item" if item else "Add standing item")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setText("&OK" if item else "&Add item")
        self.form.setRowVisible(self.exempt, False)
        if item:
            self.title.setText(item.title)
            self.lead.setText(item.lead)
            self.purpose.setCurrentIndex(self.purpose.findData(item.purpose))
            self.minutes.setValue(item.minutes)

    def value(self) -> AgendaItemInput:
        return AgendaItemInput(
            title=validation.required(self.title.text(), "Item title", "title"),
            lead=validation.clean(self.lead.text()),
            purpose=Purpose(self.purpose.currentData()),
            minutes=self.minutes.value(),
            standing=self.original.standing if self.original else None,
        )

    def accept(self) -> None:
        """Check the item and hand it back; the template dialog saves the list."""
        try:
            self.result_value = self.value()
        except ValidationError as exc:
            self.show_problem(exc)
            return
        QDialog.accept(self)
