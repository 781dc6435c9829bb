"""The register of interests: every person's entries (interest, organisation, from, to, last
reviewed), added, edited and ended from the Minutes page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.wording import counted, table_date
from sendboard.errors import ValidationError
from sendboard.services import minutes
from sendboard.services.actions import Option
from sendboard.services.minutes import InterestInput, InterestView
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.common.optional_date import OptionalDateEdit
from ui.common.record_combo import NO_MATCH, RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext

HEADINGS = ("Person", "Interest", "Organisation", "From", "To", "Reviewed")


def _day(value: date | None) -> str:
    return table_date(value)


def input_of(entry: InterestView) -> InterestInput:
    return InterestInput(
        person_id=entry.person_id,
        interest=entry.interest,
        organisation=entry.organisation,
        from_date=entry.from_date,
        to_date=entry.to_date,
        reviewed_on=entry.reviewed_on,
    )


class InterestForm(RecordDialog):
    """One entry of the register: a new one, or `entry` to change (`ending` sets its end)."""

    def __init__(
        self,
        ctx: AppContext,
        people: Sequence[Option],
        entry: InterestView | None = None,
        *,
        ending: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = "End an interest" if ending else "Edit interest" if entry else "New interest"
        super().__init__(ctx, title, parent)
        self.entry = entry
        data = input_of(entry) if entry else None
        if ending and data is not None and data.to_date is None:
            data = replace(data, to_date=clock.today())
        self.person = RecordCombo(None if entry else "", searchable=True)
        self.person.set_choices(
            ((f"{p.label} — {p.detail}" if p.detail else p.label, p.id) for p in people),
            data.person_id if data else None,
        )
        self.person.lineEdit().setPlaceholderText("Type a name to search")
        self.interest = QLineEdit(data.interest if data else "")
        self.interest.setPlaceholderText("e.g. Trustee, Director, employed by, family member…")
        self.organisation = QLineEdit(data.organisation if data else "")
        self.from_date = OptionalDateEdit()
        self.to_date = OptionalDateEdit()
        self.reviewed = OptionalDateEdit()
        self.from_date.set_value(data.from_date if data else None)
        self.to_date.set_value(data.to_date if data else None)
        self.reviewed.set_value(data.reviewed_on if data else clock.today())
        self.add_field("person_id", "&Person", self.person)
        self.add_field("interest", "&Interest", self.interest)
        self.add_field("organisation", "&Organisation", self.organisation)
        self.add_field("from_date", "&From", self.from_date)
        self.add_field("to_date", "&To (ended)", self.to_date)
        self.add_field("reviewed_on", "&Reviewed", self.reviewed)
        if entry is not None:
            self.edits("Interest", entry.id, entry.version)
        if ending:
            self.to_date.setFocus()

    def input(self) -> InterestInput:
        person = self.person.value()
        if person is None or person is NO_MATCH:
            raise ValidationError("Choose the person from the list.", "person_id")
        return InterestInput(
            person_id=person,
            interest=self.interest.text(),
            organisation=self.organisation.text(),
            from_date=self.from_date.value(),
            to_date=self.to_date.value(),
            reviewed_on=self.reviewed.value(),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.entry is None:
            return lambda: minutes.add_interest(db, data)
        entry_id = self.entry.id
        return lambda: minutes.update_interest(db, entry_id, data)


class InterestsDialog(QDialog):
    """The whole register, with Add, Edit and End; ended entries are shown on request."""

    def __init__(
        self, ctx: AppContext, people: Sequence[Option], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.people = tuple(people)
        self.entries: list[InterestView] = []
        self.form: InterestForm | None = None
        self.setWindowTitle("Register of interests")
        self.resize(860, 480)
        self.search = QLineEdit()
        self.search.setObjectName("interests-search")
        self.search.setPlaceholderText("Find a person, interest or organisation…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.show_ended = QCheckBox("Show &ended entries")
        self.show_ended.toggled.connect(self._fill)
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setObjectName("interests-table")
        self.table.setHorizontalHeaderLabels(HEADINGS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.itemSelectionChanged.connect(self._enable)
        self.count = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, label, slot in (
            ("add", "&Add…", self.add),
            ("edit", "Ed&it…", self.edit),
            ("end", "E&nd…", self.end),
        ):
            button = QPushButton(label)
            button.setObjectName(f"interests-{key}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        self.buttons["end"].setToolTip("Record the date the interest ended; the entry is kept")
        row.addStretch(1)
        row.addWidget(self.count)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_ended)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self._enable()
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: minutes.list_interests(db),
            on_done=self.show_entries,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_entries(self, entries: list[InterestView]) -> None:
        self.entries = list(entries)
        self._fill()

    def shown(self) -> list[InterestView]:
        today, words = clock.today(), self.search.text().casefold().split()
        rows = []
        for entry in self.entries:
            if not self.show_ended.isChecked() and entry.to_date and entry.to_date < today:
                continue
            text = f"{entry.person} {entry.interest} {entry.organisation}".casefold()
            if all(word in text for word in words):
                rows.append(entry)
        return rows

    def _fill(self, *_args: object) -> None:
        chosen = self.chosen()
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            cells = (
                entry.person,
                entry.interest,
                entry.organisation,
                _day(entry.from_date),
                _day(entry.to_date),
                _day(entry.reviewed_on),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
            if chosen is not None and entry.id == chosen.id:
                self.table.selectRow(row)
        self.count.setText(f"{len(rows)} of {counted(len(self.entries), 'entry')}")
        self._enable()

    def chosen(self) -> InterestView | None:
        items = self.table.selectedItems()
        if not items:
            return None
        entry_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.entries if e.id == entry_id), None)

    def _enable(self) -> None:
        chosen = self.chosen()
        why = "select an entry first" if self.entries else "there are no entries yet"
        set_available(self.buttons["edit"], chosen is not None, why)
        ended = why if chosen is None else "this entry has ended already"
        set_available(self.buttons["end"], chosen is not None and chosen.to_date is None, ended)

    def add(self) -> None:
        self._open(None, ending=False)

    def edit(self) -> None:
        if self.chosen() is not None:
            self._open(self.chosen(), ending=False)

    def end(self) -> None:
        if self.chosen() is not None:
            self._open(self.chosen(), ending=True)

    def _open(self, entry: InterestView | None, *, ending: bool) -> None:
        self.form = InterestForm(self.ctx, self.people, entry, ending=ending, parent=self)
        self.form.start(lambda _saved: self.refresh())
