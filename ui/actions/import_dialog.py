"""The import preview: what each row of the spreadsheet would do, before anything is written."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from sendboard.domain.wording import counted
from sendboard.services.common.imports import ImportPreview, RowStatus

STATUS_LABELS = {
    RowStatus.NEW: "New",
    RowStatus.UPDATE: "Update",
    RowStatus.UNCHANGED: "Unchanged",
    RowStatus.ERROR: "Error",
}


class ImportPreviewDialog(QDialog):
    """Accepting it means "import all of these rows"; it cannot be accepted with any error."""

    def __init__(self, preview: ImportPreview) -> None:
        super().__init__()
        self.preview = preview
        self.setWindowTitle(f"Import {preview.source}")
        self.resize(820, 520)
        summary = QLabel(preview.summary())
        summary.setWordWrap(True)
        advice = QLabel(
            "All rows are imported together, or none. Rows marked Update change the action with "
            "that reference and add the update as a new entry in its history: an update with a "
            "new date is kept even when its ratings and text repeat the last one."
            if preview.ok
            else "<b>Nothing can be imported until every row marked Error is corrected in the "
            "spreadsheet.</b>"
        )
        advice.setWordWrap(True)
        if preview.unmapped_columns:
            advice.setText(
                advice.text() + "<br>Columns not used: " + ", ".join(preview.unmapped_columns)
            )
        if preview.derived_columns:
            advice.setText(advice.text() + "<br>" + preview.derived_note)
        self.table = QTableWidget(len(preview.rows), 4)
        self.table.setHorizontalHeaderLabels(["Row", "Reference", "Result", "Details"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        rows = sorted(preview.rows, key=lambda r: (r.status is not RowStatus.ERROR, r.row))
        for number, finding in enumerate(rows):
            cells = [
                str(finding.row),
                finding.key,
                STATUS_LABELS[finding.status],
                "\n".join(finding.messages),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if finding.status is RowStatus.ERROR:
                    item.setForeground(QColor("#a01010"))
                self.table.setItem(number, column, item)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            f"&Import {counted(len(preview.rows), 'row')}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(advice)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
