"""Checking and editing the invitation before it goes to the mail program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
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

from sendboard.services.hand_offs import InvitationPackage


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
        names = ", ".join(a.name for a in package.attendees)
        to = QLabel(f"<b>To ({len(package.attendees)}):</b> {names}")
        to.setWordWrap(True)
        layout.addWidget(to)
        form = QFormLayout()
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

    def _attach(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        for path in paths:
            self.files.addItem(path)

    def attachments(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]
