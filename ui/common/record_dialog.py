"""A form dialog that saves through the writer and shows the service's objection inline.

On Save the subclass builds its service call; while it runs the buttons are disabled. A
`ValidationError` (or any `SendboardError`) keeps the dialog open: the message appears in red
under the form and the field it names is outlined and takes the focus. What the service
returned is kept in `result_value` and sent with `saved`.

Every form opens with the focus in its first field (typing straight away never presses a
button), and Tab goes through the fields as they are laid out, then the buttons.

A form that edits a record sets `ticket` (the record and the version it showed). When someone
else has saved the record since, the save is refused, the form keeps what was typed, and a bar
offers Reload (the record as stored now) or Apply theirs on top (their changes to the fields
they changed, the rest as typed); either way the next save is made from the current version.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sendboard.errors import EditConflict, SendboardError, ValidationError
from sendboard.services.common.changes import Outcome
from sendboard.services.common.editing import Ticket, guarded
from ui.common import field_values
from ui.common.errors import problem_label, show_error
from ui.context import AppContext

Save = Callable[[], Outcome[Any]]


class RecordDialog(QDialog):
    saved = Signal(object)

    #: Each form defines this: the service call for the form as filled in (it may raise
    #: ValidationError for input it can already tell is unusable).
    save_call: Callable[[], Save]

    #: How the field a message names is outlined until the next try.
    MARK_STYLE = "border: 2px solid #b00020;"
    #: Stored column name -> form field key, where they differ (e.g. owner_id -> owner).
    COLUMN_FIELDS: dict[str, str] = {}

    def __init__(
        self, ctx: AppContext, title: str, parent: QWidget | None = None, ok_text: str = "&Save"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self._marked: list[QWidget] = []
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QWidget] = {}
        self.error = problem_label("form-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        #: Below the form: previews, hints and tables that are not form rows.
        self.extra = QVBoxLayout()
        #: The record being edited and the version shown; None for a new record.
        self.ticket: Ticket | None = None
        self._as_read: dict[str, object] | None = None
        self._conflict: EditConflict | None = None
        self.conflict_bar = QWidget()
        bar = QHBoxLayout(self.conflict_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.reload_button = QPushButton("&Reload")
        self.reload_button.setToolTip("Show the record as it is stored now; your changes go")
        self.theirs_button = QPushButton("&Apply theirs on top")
        self.theirs_button.setToolTip(
            "Take their changes to the fields they changed and keep yours in the others"
        )
        self.reload_button.clicked.connect(self.reload_theirs)
        self.theirs_button.clicked.connect(self.apply_theirs)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.theirs_button)
        bar.addStretch(1)
        self.conflict_bar.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.conflict_bar)
        layout.addLayout(self.extra, 1)
        layout.addWidget(self.buttons)

    def start(self, on_saved: Callable[[Any], None] | None = None) -> RecordDialog:
        """Show it (modal to its window, without blocking); it deletes itself once closed."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_saved is not None:
            self.saved.connect(on_saved)
        self.open()
        return self

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add a row; `key` is the ValidationError.field that points at this widget.

        A box the secretary types into takes the form's full width, like a text field: sized
        to its list alone it would be a sliver on a new database with an empty list."""
        if isinstance(widget, QComboBox) and widget.isEditable():
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            widget.setSizePolicy(policy)
        self.form.addRow(label, widget)
        self.fields[key] = widget
        return widget

    def edits(self, entity: str, record_id: int, version: int) -> None:
        """Say which record (and which version of it) the form shows."""
        self.ticket = Ticket(entity, record_id, version)

    def showEvent(self, event: QShowEvent) -> None:
        if self._as_read is None:  # the form as first filled in: the record as read
            self._as_read = {k: field_values.read(w) for k, w in self.fields.items()}
        super().showEvent(event)
        if not getattr(self, "_focus_settled", False):
            self._focus_settled = True
            follow_layout(self)

    def accept(self) -> None:
        """Save pressed (or Enter): save, and close only once the service has agreed."""
        self.save()

    def save(self) -> None:
        self.clear_problem()
        try:
            call = self.save_call()
        except ValidationError as exc:
            self.show_problem(exc)
            return
        self.buttons.setEnabled(False)
        self.ctx.mutate(guarded(self.ticket, call), on_done=self._saved, on_error=self._failed)

    def show_problem(self, exc: SendboardError) -> None:
        self.clear_problem()
        self.error.setText(str(exc))
        self.error.show()
        widget = self.fields.get(getattr(exc, "field", None) or "")
        if widget is not None:
            self.mark(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit | QAbstractSpinBox):
                widget.selectAll()

    def clear_problem(self) -> None:
        self.error.hide()
        self.conflict_bar.hide()
        for widget in self._marked:
            widget.setStyleSheet("")
        self._marked.clear()

    def mark(self, widget: QWidget) -> None:
        """Outline a field; forms whose fields are groups of widgets may leave some unmarked."""
        widget.setStyleSheet(self.MARK_STYLE)
        self._marked.append(widget)

    def _saved(self, value: Any) -> None:
        self.buttons.setEnabled(True)
        self.result_value = value
        self.saved.emit(value)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, EditConflict):
            self.show_problem(exc)
            self._conflict = exc
            self.conflict_bar.show()
            self.reload_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, SendboardError):
            self.show_problem(exc)
        else:
            show_error(self, exc)

    def reload_theirs(self) -> None:
        """The record as stored now: the form as first read, with their changes on it."""
        for key, snapshot in (self._as_read or {}).items():
            field_values.restore(self.fields[key], snapshot)
        self._take_theirs()

    def apply_theirs(self) -> None:
        """Their changes to the fields they changed; what was typed elsewhere stays."""
        self._take_theirs()

    def take_theirs(self, column: str, value: object) -> bool:
        """Show another user's saved `value` of `column`; False when no field shows it. A form
        whose field is a group of widgets (a board's roles, a measure's targets) overrides this
        for that column and calls this for the others."""
        widget = self.fields.get(self.COLUMN_FIELDS.get(column, column))
        return widget is not None and field_values.write(widget, value)

    def _take_theirs(self) -> None:
        conflict = self._conflict
        if conflict is None:
            return
        as_read = self._as_read if self._as_read is not None else {}
        for column, value in conflict.theirs.items():
            key = self.COLUMN_FIELDS.get(column, column)
            if self.take_theirs(column, value) and key in self.fields:
                as_read[key] = field_values.read(self.fields[key])  # theirs is stored now
        self._as_read = as_read
        if self.ticket is not None and conflict.version is not None:
            self.ticket = Ticket(self.ticket.entity, self.ticket.id, conflict.version)
        self._conflict = None
        self.clear_problem()


def _focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def layout_order(layout: QLayout) -> list[QWidget]:
    """The widgets Tab should visit in `layout`, top to bottom and left to right."""
    items = []
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    elif isinstance(layout, QGridLayout):
        placed = sorted((layout.getItemPosition(i)[:2], i) for i in range(layout.count()))
        items = [layout.itemAt(i) for _, i in placed]
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
    order: list[QWidget] = []
    for item in items:
        if item is None:
            continue
        if item.layout() is not None:
            order += layout_order(item.layout())
        elif (widget := item.widget()) is not None:
            if _focusable(widget):
                order.append(widget)
            elif widget.layout() is not None:
                order += layout_order(widget.layout())
    return order


def follow_layout(dialog: QDialog) -> None:
    """Make Tab follow the dialog's layout, and put the focus in its first field, unless the
    dialog has already chosen a field to start in."""
    if dialog.layout() is None:
        return
    order = layout_order(dialog.layout())
    for before, after in pairwise(order):
        QWidget.setTabOrder(before, after)
    chosen = dialog.focusWidget()
    if chosen is not None and not isinstance(chosen, QAbstractButton):
        return
    for widget in order:
        if (
            widget.isEnabled()
            and widget.isVisibleTo(dialog)
            and not isinstance(widget.parentWidget(), QDialogButtonBox)
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
