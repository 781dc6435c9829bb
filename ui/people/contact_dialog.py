"""Add or edit a person on the contact list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sendboard.domain.governance import StatutoryRole
from sendboard.services import people
from sendboard.services.people import OrganisationView, PersonInput, PersonView
from ui.common.record_combo import RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext


class PersonDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        organisations: Sequence[OrganisationView],
        person: PersonView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "Edit person" if person else "Add person", parent)
        self.person = person
        self.name = QLineEdit(person.name if person else "")
        self.title = QLineEdit(person.title if person else "")
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItems([o.name for o in organisations])
        self.organisation.setEditText(person.organisation if person else "")
        self.organisation.lineEdit().setPlaceholderText("Choose or type a new organisation")
        self.email = QLineEdit((person.email or "") if person else "")
        self.email.setPlaceholderText("name@example.gov.uk")
        self.phone = QLineEdit(person.phone if person else "")
        self.statutory_role = RecordCombo("None")
        self.statutory_role.set_choices(
            ((role.label, role) for role in StatutoryRole),
            person.statutory_role if person else None,
        )
        self.statutory_role.setToolTip(
            "Roles the Improvement Notice requires to be invited to every board meeting"
        )
        self.add_field("name", "&Name", self.name)
        self.add_field("title", "&Title", self.title)
        self.add_field("organisation", "&Organisation", self.organisation)
        self.add_field("email", "&Email", self.email)
        self.add_field("phone", "&Phone", self.phone)
        self.add_field("statutory_role", "Statutory &role", self.statutory_role)
        if person is not None:
            self.edits("Person", person.id, person.version)

    def input(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(),
            title=self.title.text(),
            organisation=self.organisation.currentText(),
            email=self.email.text(),
            phone=self.phone.text(),
            statutory_role=self.statutory_role.value(),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.person is None:
            return lambda: people.create_person(db, data)
        person_id = self.person.id
        return lambda: people.update_person(db, person_id, data)
