"""Adding or editing an action, with problems shown inline beside the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from sendboard import clock
from sendboard.errors import ValidationError
from sendboard.services import actions
from sendboard.services.actions import ActionDetail, ActionInput, ActionOptions, ActionSource
from sendboard.services.common.changes import Outcome
from ui.actions.options import OptionsModel
from ui.common.date_field import DateField
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext


def _combo(items: list[tuple[str, object]], *, editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.setModel(OptionsModel(items, parent=box))
    if editable:
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = box.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return box


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _text_box(height: int = 54) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class ActionDialog(RecordDialog):
    """New action when `detail` is None, else edit it. Saves through the writer, then accepts."""

    def __init__(
        self, ctx: AppContext, options: ActionOptions, detail: ActionDetail | None = None
    ) -> None:
        super().__init__(ctx, f"Edit {detail.row.reference}" if detail else "New action")
        self.options = options
        self.detail = detail
        self.setMinimumWidth(620)

        self.reference = QLineEdit()
        self.reference.setPlaceholderText("Automatic from the priority area, e.g. P2.07")
        self.title = QLineEdit()
        self.description = _text_box()
        self.area = _combo(
            [("(none)", None)] + [(f"{o.label} {o.detail}", o.id) for o in options.priority_areas]
        )
        self.board = _combo([("(none)", None)] + [(o.label, o.id) for o in options.boards])
        self.owner = _combo(
            [("", None)]
            + [(f"{o.label} — {o.detail}" if o.detail else o.label, o.id) for o in options.people],
            editable=True,
        )
        self.owner.lineEdit().setPlaceholderText("Type a name to search")
        self.partners = QListWidget()
        self.partners.setFixedHeight(96)
        for org in options.organisations:
            item = QListWidgetItem(org.label)
            item.setData(Qt.ItemDataRole.UserRole, org.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.target = _text_box()
        self.source = _combo([(s.label, s) for s in ActionSource])
        self.meeting = _combo([("(none)", None)] + [(o.label, o.id) for o in options.meetings])
        self.agenda_item = _combo([("(none)", None)])
        self.raised = DateField()
        self.original_due = DateField()
        self.revised_due = DateField()
        self.revised_reason = QLineEdit()
        self.evidence = _text_box()

        source_row = QHBoxLayout()
        source_row.addWidget(self.source)
        source_row.addWidget(self.meeting, 1)
        source_row.addWidget(self.agenda_item, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.original_due)
        due_row.addWidget(QLabel("Re&vised"))
        due_row.addWidget(self.revised_due)
        due_row.addWidget(self.revised_reason, 1)
        self.revised_reason.setPlaceholderText("Reason for the revised date")
        due_row.itemAt(1).widget().setBuddy(self.revised_due)  # type: ignore[union-attr]

        form = self.form
        form.addRow("&Reference", self.reference)
        form.addRow("&Action", self.title)
        form.addRow("&Description", self.description)
        form.addRow("&Priority area", self.area)
        form.addRow("&Board", self.board)
        form.addRow("&Owner", self.owner)
        form.addRow("Pa&rtners", self.partners)
        form.addRow("Measurable &target", self.target)
        form.addRow("&Source", _wrap(source_row))
        form.addRow("Date ra&ised", self.raised)
        form.addRow("Original d&ue", _wrap(due_row))
        form.addRow("&Evidence of impact", self.evidence)

        self.fields.update(
            {
                "reference": self.reference,
                "title": self.title,
                "owner_id": self.owner,
                "priority_area_id": self.area,
                "board_id": self.board,
                "meeting_id": self.meeting,
                "agenda_item_id": self.agenda_item,
                "original_due": self.original_due,
                "revised_due": self.revised_due,
                "revised_reason": self.revised_reason,
                "raised_on": self.raised,
                "partner_ids": self.partners,
                "description": self.description,
                "target": self.target,
                "evidence": self.evidence,
            }
        )
        if detail is not None:
            self.edits("Action", detail.row.id, detail.row.version)
        self.area.currentIndexChanged.connect(self._area_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self._fill(detail)
        self._source_changed()
        self.title.setFocus()

    def _fill(self, detail: ActionDetail | None) -> None:
        if detail is None:
            self.raised.set_value(clock.today())
            return
        row = detail.row
        self.reference.setText(row.reference)
        self.title.setText(row.title)
        self.description.setPlainText(detail.description)
        _select(self.area, row.priority_area_id)
        _select(self.board, row.board_id)
        _select(self.owner, row.owner_id)
        for number in range(self.partners.count()):
            item = self.partners.item(number)
            if item.data(Qt.ItemDataRole.UserRole) in detail.partner_ids:
                item.setCheckState(Qt.CheckState.Checked)
        self.target.setPlainText(row.target)
        _select(self.source, detail.source)
        _select(self.meeting, detail.meeting_id)
        self._meeting_changed()
        _select(self.agenda_item, detail.agenda_item_id)
        self.raised.set_value(row.raised_on)
        self.original_due.set_value(row.original_due)
        if row.original_due is not None:
            self.original_due.setReadOnly(True)
            self.original_due.setEnabled(False)
            self.original_due.setToolTip(
                "The original due date is fixed once set; use the revised date and give a reason."
            )
        self.revised_due.set_value(row.revised_due)
        self.revised_reason.setText(detail.revised_reason)
        self.evidence.setPlainText(row.evidence)

    def _area_changed(self) -> None:
        """A new area suggests its sub-group as the board, unless a board was already chosen."""
        area_id = self.area.currentData()
        board_id = self.options.area_boards.get(area_id) if area_id is not None else None
        if board_id is not None and (self.board.currentData() is None or self.detail is None):
            _select(self.board, board_id)

    def _source_changed(self) -> None:
        from_meeting = self.source.currentData() == ActionSource.MEETING
        self.meeting.setEnabled(from_meeting)
        self.agenda_item.setEnabled(from_meeting)

    def _meeting_changed(self) -> None:
        meeting_id = self.meeting.currentData()
        items = [(i.label, i.id) for i in self.options.agenda_items if i.meeting_id == meeting_id]
        self.agenda_item.model().set_items([("(no agenda item)", None), *items])  # type: ignore[attr-defined]
        self.agenda_item.setCurrentIndex(0)

    def _owner_id(self) -> int | None:
        """The chosen owner; typed text must match one person exactly (ignoring case)."""
        text = self.owner.currentText().strip().lower()
        if (
            self.owner.currentData() is not None
            and self.owner.itemText(self.owner.currentIndex()).lower() == text
        ):
            return self.owner.currentData()
        for index in range(self.owner.count()):
            label = self.owner.itemText(index).lower()
            if text and (label == text or label.split(" — ")[0] == text):
                return self.owner.itemData(index)
        return None

    def collect(self) -> ActionInput:
        """The form as input for the service; a badly typed date raises ValidationError."""
        dates = {}
        for name, label in (
            ("raised_on", "Date raised"),
            ("original_due", "Original due date"),
            ("revised_due", "Revised due date"),
        ):
            try:
                dates[name] = self.fields[name].value()  # type: ignore[union-attr]
            except ValueError as exc:
                raise ValidationError(f"{label}: {exc}.", name) from exc
        partners = tuple(
            self.partners.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.partners.count())
            if self.partners.item(n).checkState() == Qt.CheckState.Checked
        )
        return ActionInput(
            title=self.title.text(),
            owner_id=self._owner_id(),
            priority_area_id=self.area.currentData(),
            board_id=self.board.currentData(),
            reference=self.reference.text(),
            description=self.description.toPlainText(),
            source=ActionSource(self.source.currentData()),
            meeting_id=self.meeting.currentData(),
            agenda_item_id=self.agenda_item.currentData(),
            partner_ids=partners,
            target=self.target.toPlainText(),
            revised_reason=self.revised_reason.text(),
            evidence=self.evidence.toPlainText(),
            **dates,
        )

    def save_call(self) -> Callable[[], Outcome[ActionDetail]]:
        data = self.collect()
        db = self.ctx.db
        if self.detail is None:
            return lambda: actions.create_action(db, data)
        action_id = self.detail.row.id
        return lambda: actions.update_action(db, action_id, data)


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
