"""Add a piece of evidence to a requirement: what it is, what it shows, when it was gathered,
and a file kept inside the database with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sendboard import clock
from sendboard.errors import ValidationError
from sendboard.services import stocktake
from sendboard.services.common.changes import Outcome
from ui.common.date_field import DateField
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext


class EvidenceDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, requirement_id: int, reference: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, f"Evidence for {reference}", parent, ok_text="&Add")
        self.requirement_id = requirement_id
        self.setMinimumWidth(560)
        self.title = QLineEdit()
        self.title.setObjectName("evidence-title")
        self.title.setPlaceholderText("e.g. Parent carer survey results, spring term")
        self.note = QPlainTextEdit()
        self.note.setObjectName("evidence-note")
        self.note.setPlaceholderText("What it shows")
        self.note.setFixedHeight(90)
        self.on = DateField()
        self.on.setObjectName("evidence-date")
        self.on.set_value(clock.today())
        self.file = QLineEdit()
        self.file.setObjectName("evidence-file")
        self.file.setPlaceholderText("None: the note is the evidence")
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        self.add_field("title", "&Title:", self.title)
        self.add_field("note", "&Note:", self.note)
        self.add_field("on", "&Gathered on:", self.on)
        self.add_field("file", "&File:", holder)
        self.fields["file"] = self.file

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "A file to keep with the evidence")
        if name:
            self.file.setText(name)

    def save_call(self) -> Callable[[], Outcome[int]]:
        try:
            day = self.on.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "on") from exc
        name = self.file.text().strip()
        path = Path(name) if name else None
        if path is not None and not path.is_file():
            raise ValidationError(f"There is no file {path}: choose it again.", "file")
        title, note, owner = self.title.text(), self.note.toPlainText(), self.requirement_id
        return lambda: stocktake.add_evidence(self.ctx.db, owner, title, note, path, day)
