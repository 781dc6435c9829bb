"""A form dialog that saves through the single writer and shows validation messages inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from sendboard.errors import ValidationError
from sendboard.services.changes import Outcome
from ui.context import AppContext
from ui.dialogs.errors import problem_label, show_error


class SubmitDialog(QDialog):
    """Subclasses fill `form`, register fields in `fields`, and implement `call()`."""

    #: Builds the service call from what the form holds; may raise ValidationError.
    call: Callable[[], Callable[[], Outcome[Any]]]

    def __init__(
        self, ctx: AppContext, title: str, parent: QWidget | None = None, ok_text: str = "&Save"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = problem_label()
        layout.addWidget(self.error)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_message(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:
            fn = self.call()
        except ValidationError as exc:
            self.show_message(str(exc), exc.field)
            return
        self.buttons.setEnabled(False)
        self.ctx.mutate(fn, on_done=self._saved, on_error=self._failed)

    def _saved(self, value: Any) -> None:
        self.result_value = value
        self.buttons.setEnabled(True)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_message(str(exc), exc.field)
        else:
            show_error(self, exc)
