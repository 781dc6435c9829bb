"""A form dialog that saves through the writer and shows the service's objection inline.

On Save the subclass builds its service call; while it runs the buttons are disabled. A
`ValidationError` (or any `SendboardError`) keeps the dialog open: the message appears in red
under the form and the field it names is outlined and takes the focus. What the service
returned is kept in `result_value` and sent with `saved`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sendboard.errors import SendboardError, ValidationError
from sendboard.services.common.changes import Outcome
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
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
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
        """Add a row; `key` is the ValidationError.field that points at this widget."""
        self.form.addRow(label, widget)
        self.fields[key] = widget
        return widget

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
        self.ctx.mutate(call, on_done=self._saved, on_error=self._failed)

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
        if isinstance(exc, SendboardError):
            self.show_problem(exc)
        else:
            show_error(self, exc)
