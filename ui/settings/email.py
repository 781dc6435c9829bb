"""The Email group of the Settings page: which mail program, and the invitation template."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sendboard.errors import SendboardError
from sendboard.outputs.email_draft import PLACEHOLDERS, Template
from sendboard.services import mail
from ui.common.errors import show_error
from ui.common.shared_settings import save_shared
from ui.context import AppContext


class EmailSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Email (invitations)", parent)
        self.ctx = ctx
        self.shown: Template | None = None  # as last read, for save_shared
        form = QFormLayout(self)
        self.backend = QComboBox()
        for name, label in mail.backend_choices():
            self.backend.addItem(label, name)
        self.backend.activated.connect(self._save_backend)
        form.addRow("&Mail program (this computer)", self.backend)
        #: Said as soon as the choice is saved, with a way back.
        self.notice = QLabel()
        self.notice.setObjectName("mail-program-saved")
        self.notice.setStyleSheet("color:#006100")
        self.notice.setWordWrap(True)
        self.undo = QPushButton("&Undo")
        self.undo.setObjectName("mail-program-undo")
        self.undo.clicked.connect(self._undo_backend)
        notice_row = QWidget()
        notice_layout = QHBoxLayout(notice_row)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.undo)
        self.notice.hide()
        self.undo.hide()
        self._previous = ""
        form.addRow("", notice_row)
        self.order = QLabel()
        self.order.setWordWrap(True)
        form.addRow("", self.order)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(140)
        form.addRow("Invitation s&ubject", self.subject)
        form.addRow("Invitation &body", self.body)
        hint = QLabel("Placeholders: " + ", ".join("{" + p + "}" for p in PLACEHOLDERS))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.message = QLabel()
        self.message.setStyleSheet("color:#a01010")
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        buttons = QDialogButtonBox()
        save = buttons.addButton("Save &template", QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save-template")
        buttons.accepted.connect(self.save_template)
        form.addRow(buttons)

    def refresh(self) -> None:
        self.backend.setCurrentIndex(max(self.backend.findData(mail.backend_choice()), 0))
        self._show_order()
        self.ctx.tasks.run(lambda: mail.get_template(self.ctx.db), on_done=self._show_template)

    def _show_order(self) -> None:
        self.order.setText("Tries, in order: " + " → ".join(mail.effective_backends()))

    def _show_template(self, template: Template) -> None:
        self.shown = template
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.message.setText("")

    def _save_backend(self) -> None:
        previous = mail.backend_choice()
        if self._choose(self.backend.currentData()) and previous != mail.backend_choice():
            self._previous = previous
            self.undo.show()

    def _undo_backend(self) -> None:
        self.backend.setCurrentIndex(max(self.backend.findData(self._previous), 0))
        self._choose(self.backend.currentData())
        self.undo.hide()

    def _choose(self, name: str) -> bool:
        """Save the mail program chosen and say so; False (and the list put back) if it could
        not be saved."""
        try:
            mail.set_backend_choice(name)
        except OSError as exc:
            show_error(self, SendboardError(f"The choice could not be saved ({exc.strerror})."))
            self.backend.setCurrentIndex(max(self.backend.findData(mail.backend_choice()), 0))
            return False
        finally:
            self._show_order()
        self.notice.setText(f"Saved: invitations now go to “{self.backend.currentText()}”.")
        self.notice.show()
        return True

    def save_template(self) -> None:
        template = Template(self.subject.text(), self.body.toPlainText())
        save_shared(
            self,
            self.ctx,
            lambda read: mail.save_template(self.ctx.db, template, read=read),
            self.shown,
            on_done=self._show_template,
            on_error=lambda exc: self.message.setText(str(exc)),
            reload=self.refresh,
        )
