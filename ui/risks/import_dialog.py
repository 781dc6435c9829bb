"""Importing a register: a preview with each row's problems first, then all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendboard.services.common.imports import ImportPreview, RowStatus
from sendboard.services.risks import io as risks_io
from ui.common.errors import error_text
from ui.context import AppContext


class RiskImportDialog(QDialog):
    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.setWindowTitle(f"Import risk register — {path.name}")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel("Checking every row…")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setObjectName("findings")
        layout.addWidget(self.details, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import all rows")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ctx.tasks.run(
            lambda: risks_io.preview_import(ctx.db, path),
            on_done=self.show_preview,
            on_error=self.show_failure,
        )

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        lines = [
            f"row {r.row}: {r.key or 'no reference'} — {r.status.value}"
            + (": " + "; ".join(r.messages) if r.messages else "")
            for r in preview.rows
            if r.status is not RowStatus.UNCHANGED or r.warnings
        ]
        if preview.unmapped_columns:
            lines.append("Columns not used: " + ", ".join(preview.unmapped_columns))
        if preview.derived_columns:
            lines.append(preview.derived_note)
        self.details.setPlainText("\n".join(lines) or "Every row matches the register already.")
        if preview.ok:
            self.summary.setText(preview.summary() + ". Nothing is written until you import.")
        else:
            self.summary.setText(
                preview.summary() + ". Correct the rows with errors and try again: "
                "nothing is imported while any row has an error."
            )
        self.import_button.setEnabled(preview.ok)

    def show_failure(self, exc: BaseException) -> None:
        self.summary.setText(error_text(exc))
        self.summary.setStyleSheet("color: #a0281e; font-weight: bold;")
        self.import_button.setEnabled(False)

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self.ctx.mutate(
            lambda: risks_io.import_risks(self.ctx.db, self.path),
            on_done=lambda _preview: self.accept(),
            on_error=self.show_failure,
        )
