"""Small forms of the Minutes page: a decision, an action arising, a declaration, approval and
an erratum. Each is quick to fill from the keyboard: Ctrl+Enter saves, Escape cancels."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sendboard.services.actions import ActionOptions
from sendboard.services.minutes import (
    ActionArisingInput,
    DeclarationInput,
    InterestView,
    SectionView,
)
from ui.common.date_field import DateField
from ui.common.errors import problem_label


class _Form(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout(self)
        self.problem = problem_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        QShortcut(QKeySequence("Ctrl+Return"), self, self._check)

    def finish(self) -> None:
        self.form.addRow(self.problem)
        self.form.addRow(self.buttons)

    def _check(self) -> None:
        message = self.problem_text()
        if message:
            self.problem.setText(message)
            self.problem.show()
            return
        self.accept()

    def problem_text(self) -> str:
        return ""


def _text_box(lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(22 * lines)
    return box


class DecisionDialog(_Form):
    def __init__(self, parent: QWidget | None, section: SectionView) -> None:
        super().__init__(parent, f"Decision on item {section.number}")
        self.text = _text_box()
        self.text.setPlaceholderText("That the board …")
        self.form.addRow("RESOLVED:", self.text)
        self.finish()

    def problem_text(self) -> str:
        return "" if self.text.toPlainText().strip() else "Type the resolution."

    def value(self) -> str:
        return self.text.toPlainText().strip()


class ActionDialog(_Form):
    def __init__(
        self, parent: QWidget | None, section: SectionView, options: ActionOptions
    ) -> None:
        super().__init__(parent, f"Action arising from item {section.number}")
        self.title = QLineEdit()
        self.title.setPlaceholderText("What is to be done")
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItem("", None)
        for person in options.people:
            self.owner.addItem(person.label, person.id)
        self.owner.setCurrentIndex(0)
        self.due = DateField()
        self.area = QComboBox()
        self.area.addItem("(none)", None)
        for area in options.priority_areas:
            self.area.addItem(f"{area.label} {area.detail}", area.id)
        self.target = QLineEdit()
        self.target.setPlaceholderText("How the board will know it is done (optional)")
        self.form.addRow("&Action:", self.title)
        self.form.addRow("&Owner:", self.owner)
        self.form.addRow("&Due:", self.due)
        self.form.addRow("&Priority area:", self.area)
        self.form.addRow("&Target:", self.target)
        self.finish()

    def _owner_id(self) -> int | None:
        index = self.owner.findText(self.owner.currentText().strip())
        return self.owner.itemData(index) if index > 0 else None

    def problem_text(self) -> str:
        if not self.title.text().strip():
            return "Say what is to be done."
        if self._owner_id() is None:
            return "Every action needs an owner: choose a person from the list."
        try:
            self.due.value()
        except ValueError as exc:
            return str(exc)
        return ""

    def value(self) -> ActionArisingInput:
        due: date | None = self.due.value()
        return ActionArisingInput(
            title=self.title.text().strip(),
            owner_id=self._owner_id(),
            due=due,
            priority_area_id=self.area.currentData(),
            target=self.target.text().strip(),
        )


class DeclarationDialog(_Form):
    def __init__(
        self, parent: QWidget | None, section: SectionView, offered: tuple[InterestView, ...]
    ) -> None:
        super().__init__(parent, f"Declaration of interest on item {section.number}")
        self.section = section
        self.entry = QComboBox()
        self.entry.addItem("(not on the register: type it below)", None)
        for interest in offered:
            label = f"{interest.person}: {interest.interest}, {interest.organisation}"
            self.entry.addItem(label, interest.id)
        if offered:
            self.entry.setCurrentIndex(1)
        self.name = QLineEdit()
        self.text = QLineEdit()
        self.participation = QComboBox()
        self.participation.setEditable(True)
        self.participation.addItems(
            ["", "took no part in the discussion or decision", "left the room for the item"]
        )
        self.form.addRow("&From the register:", self.entry)
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Interest:", self.text)
        self.form.addRow("&Participation:", self.participation)
        self.finish()

    def problem_text(self) -> str:
        if self.entry.currentData() is None and not (
            self.name.text().strip() and self.text.text().strip()
        ):
            return "Choose a register entry, or type who declared what."
        return ""

    def value(self) -> DeclarationInput:
        return DeclarationInput(
            name=self.name.text().strip(),
            text=self.text.text().strip(),
            agenda_item_id=self.section.agenda_item_id,
            interest_id=self.entry.currentData(),
            participation=self.participation.currentText().strip(),
        )


class ApproveDialog(_Form):
    def __init__(self, parent: QWidget | None, meeting_label: str, at_label: str) -> None:
        super().__init__(parent, "Approve the minutes")
        self.amendments = _text_box(3)
        self.amendments.setPlaceholderText("Leave blank when agreed as a true record")
        self.form.addRow("Minutes of:", QLineEdit(meeting_label, readOnly=True))
        self.form.addRow("Approved at:", QLineEdit(at_label, readOnly=True))
        self.form.addRow("&Amendments:", self.amendments)
        self.finish()
        self.amendments.setFocus()  # the two lines above it are for reading, not typing

    def value(self) -> str:
        return self.amendments.toPlainText().strip()


class ErratumDialog(_Form):
    def __init__(self, parent: QWidget | None, sections: tuple[SectionView, ...]) -> None:
        super().__init__(parent, "Add an erratum to approved minutes")
        self.item = QComboBox()
        self.item.addItem("(the minutes as a whole)", None)
        for section in sections:
            self.item.addItem(f"{section.number}. {section.title}", section.agenda_item_id)
        self.text = _text_box()
        self.form.addRow("&Item:", self.item)
        self.form.addRow("&Correction:", self.text)
        self.finish()

    def problem_text(self) -> str:
        return "" if self.text.toPlainText().strip() else "Type the correction."

    def value(self) -> tuple[int | None, str]:
        return self.item.currentData(), self.text.toPlainText().strip()
