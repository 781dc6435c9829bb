"""Adding a guest or a substitute: someone from the contact list, or a name and email typed in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sendboard.services.meetings.invitations import GuestInput
from sendboard.services.people import PersonView
from ui.common.errors import problem_label, say_problem

TYPE_IN = "— Someone not in the contact list —"


class GuestDialog(QDialog):
    def __init__(self, people: list[PersonView], title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.addItem(TYPE_IN, None)
        for person in people:
            detail = person.email or "no email"
            self.person.addItem(f"{person.name} ({person.organisation or detail})", person.id)
        self.person.setEditable(False)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.organisation = QLineEdit()
        form.addRow("&Person", self.person)
        form.addRow("&Name", self.name)
        form.addRow("&Email", self.email)
        form.addRow("&Organisation", self.organisation)
        layout.addLayout(form)
        self.message = problem_label("validation")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.person.currentIndexChanged.connect(self._typed_fields)
        self._typed_fields()

    def _typed_fields(self) -> None:
        typed = self.person.currentData() is None
        for field in (self.name, self.email, self.organisation):
            field.setEnabled(typed)

    def value(self) -> GuestInput:
        person_id = self.person.currentData()
        if person_id is not None:
            return GuestInput(person_id=int(person_id))
        return GuestInput(
            name=self.name.text(), email=self.email.text(), organisation=self.organisation.text()
        )

    def show_error(self, text: str) -> None:
        """Validation messages stay in the dialog, beside the fields."""
        say_problem(self.message, text)
