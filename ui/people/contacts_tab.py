"""Contacts tab: everyone the secretary writes to, with add / edit / remove, import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from sendboard.services import people
from sendboard.services.people import PersonView
from ui.common.confirm import confirm_remove
from ui.common.errors import show_error
from ui.common.record_dialog import RecordDialog
from ui.common.record_table import RecordPanel
from ui.context import AppContext
from ui.people.contact_dialog import PersonDialog
from ui.people.contacts_model import PeopleModel
from ui.people.directory import Directory
from ui.people.import_dialog import run_export, run_import


class ContactsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.directory = Directory()
        self.dialog: RecordDialog | None = None
        self.panel = RecordPanel(
            PeopleModel(self),
            add_text="&Add person…",
            edit_text="&Edit person…",
            remove_text="Re&move person",
            search_hint="Name, title, organisation, email, role or board",
            noun="person",
            settings_key="contacts",
            # The boards each person sits on take the spare width; the long text columns are
            # capped so that every column fits a laptop screen without scrolling sideways.
            stretch_column=PeopleModel.BOARDS,
            max_widths={
                PeopleModel.TITLE: 170,
                PeopleModel.ORGANISATION: 190,
                PeopleModel.EMAIL: 200,
                PeopleModel.STATUTORY_ROLE: 130,
            },
        )
        self.import_button = QPushButton("&Import contacts…")
        self.import_button.setToolTip("Add or update people from a CSV or Excel contact list")
        self.export_button = QPushButton("E&xport contacts…")
        self.export_button.setToolTip("Save the contact list as a CSV or Excel file")
        self.panel.toolbar.insertSpacing(3, 12)
        self.panel.toolbar.insertWidget(4, self.import_button)
        self.panel.toolbar.insertWidget(5, self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

        self.panel.add_requested.connect(self.add)
        self.panel.edit_requested.connect(self.edit)
        self.panel.remove_requested.connect(self.remove)
        self.import_button.clicked.connect(self.import_contacts)
        self.export_button.clicked.connect(self.export_contacts)

    def set_directory(self, directory: Directory) -> None:
        self.directory = directory
        self.panel.set_rows(directory.people)

    def add(self) -> None:
        dialog = PersonDialog(self.ctx, self.directory.organisations, parent=self)
        self.dialog = dialog.start(lambda p: self.panel.select_after_reload(p.id))

    def edit(self, person: PersonView) -> None:
        dialog = PersonDialog(self.ctx, self.directory.organisations, person, parent=self)
        self.dialog = dialog.start(lambda p: self.panel.select_after_reload(p.id))

    def remove(self, person: PersonView) -> None:
        question = f"Remove {person.name} from the contact list?"
        if person.boards:
            question += f" They will also leave: {', '.join(person.boards)}."
        if confirm_remove(self, "Remove person", question):
            self.ctx.mutate(
                lambda: people.delete_person(self.ctx.db, person.id),
                on_error=lambda exc: show_error(self, exc),
            )

    def import_contacts(self) -> None:
        run_import(self, self.ctx)

    def export_contacts(self) -> None:
        run_export(self, self.ctx)
