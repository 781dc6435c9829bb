"""Checking and editing the invitation before it goes to the mail program."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendboard.services.mail import HEADER_LABELS, HEADERS, Addressing, addressed
from sendboard.services.mail.hand_offs import InvitationPackage


class InvitationPreview(QDialog):
    def __init__(
        self,
        package: InvitationPackage,
        subject: str,
        body: str,
        backends: list[str],
        parent: QWidget | None = None,
        *,
        late: bool = False,
    ) -> None:
        super().__init__(parent)
        verb = "cancellation" if package.cancelled else "invitation"
        if late:
            verb = "late invitation"
        self.setWindowTitle(f"Send {verb}: {package.title}")
        self.resize(720, 600)
        layout = QVBoxLayout(self)
        self.late_note = QLabel(
            "<b>Late invitation.</b> The meeting has started. This will be logged as a late "
            "invitation and shown as late in the compliance record, beside any invitation "
            "sent before the meeting."
        )
        self.late_note.setWordWrap(True)
        self.late_note.setStyleSheet("color:#9C5700")
        self.late_note.setVisible(late)
        layout.addWidget(self.late_note)
        self.package = package
        self.recipients = QLabel()
        self.recipients.setWordWrap(True)
        self.recipients.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.recipients)
        form = QFormLayout()
        default = Addressing()
        self.required_header = self._header_choice(default.required)
        self.required_header.setToolTip(
            "The chair, voting members, substitutes and the statutory advisers"
        )
        self.optional_header = self._header_choice(default.optional)
        self.optional_header.setToolTip(
            "Officers and guests. Bcc for both keeps a long list private; you are then in To."
        )
        headers = QHBoxLayout()
        headers.addWidget(self.required_header)
        others = QLabel("&others in")
        others.setBuddy(self.optional_header)
        headers.addWidget(others)
        headers.addWidget(self.optional_header)
        headers.addStretch(1)
        required = QLabel("&Required invitees in")
        required.setBuddy(self.required_header)
        form.addRow(required, headers)
        self.subject = QLineEdit(subject)
        form.addRow("&Subject", self.subject)
        layout.addLayout(form)
        self.body = QPlainTextEdit(body)
        message_label = QLabel("&Message")
        message_label.setBuddy(self.body)
        layout.addWidget(message_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(QLabel("Attachments (the calendar request is always attached)"))
        row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setMaximumHeight(80)
        row.addWidget(self.files, 1)
        buttons = QVBoxLayout()
        add = QPushButton("&Attach file…")
        add.clicked.connect(self._attach)
        remove = QPushButton("&Remove")
        remove.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)
        how = QLabel("Opens in: " + " → ".join(backends) + ". You check and send it from there.")
        how.setWordWrap(True)
        layout.addWidget(how)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = box.addButton("&Open in mail program", QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.subject.setFocus()
        self._show_recipients()

    def _header_choice(self, current: str) -> QComboBox:
        combo = QComboBox()
        for header in HEADERS:
            combo.addItem(HEADER_LABELS[header], header)
        combo.setCurrentIndex(combo.findData(current))
        combo.currentIndexChanged.connect(self._show_recipients)
        return combo

    def addressing(self) -> Addressing:
        return Addressing(
            required=self.required_header.currentData(),
            optional=self.optional_header.currentData(),
        )

    def _show_recipients(self) -> None:
        lines = [
            f"<b>{HEADER_LABELS[header]} ({len(people)}):</b> "
            + html.escape(", ".join(name or email for name, email in people))
            for header, people in addressed(self.package, self.addressing()).items()
            if people
        ]
        self.recipients.setText("<br>".join(lines))

    def _attach(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        for path in paths:
            self.files.addItem(path)

    def attachments(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]
