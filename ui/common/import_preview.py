"""Any import's preview: a summary, every row with its status, and Import only when all is well.

The dialog does not know what it imports: it is given the preview and a function that runs the
real import (through the single writer) and returns the preview it wrote.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.errors import ImportRejected
from sendboard.services.common.imports import ImportPreview, RowStatus
from ui.common.errors import error_text
from ui.common.import_rows import COL_DETAILS, COL_KEY, COL_ROW, COL_STATUS, ImportRowsModel
from ui.context import AppContext

ImportCall = Callable[[], object]  # returns an Outcome[ImportPreview]


class _ChangesOnly(QSortFilterProxyModel):
    """Hides unchanged rows when asked, so a long file shows what matters."""

    def __init__(self) -> None:
        super().__init__()
        self.changes_only = False

    def set_changes_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.changes_only = on
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.changes_only:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return index.data(Qt.ItemDataRole.UserRole) != RowStatus.UNCHANGED


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AppContext,
        title: str,
        preview: ImportPreview,
        run_import: ImportCall,
        on_imported: Callable[[ImportPreview], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1000, 580)
        self.ctx = ctx
        self.run_import = run_import
        self.on_imported = on_imported

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ImportRowsModel()
        self.proxy = _ChangesOnly()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.changes_only = QCheckBox("&Hide unchanged rows")
        self.changes_only.toggled.connect(self.proxy.set_changes_only)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.advice)
        layout.addWidget(self.changes_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.show_preview(preview)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        wanted = self.table.sizeHintForColumn(COL_KEY) if preview.rows else 0
        self.table.setColumnWidth(COL_KEY, min(440, max(200, wanted)))
        self.table.resizeRowsToContents()
        self.summary.setText(preview.summary())
        unmapped = (
            f"Columns not used: {', '.join(preview.unmapped_columns)}."
            if preview.unmapped_columns
            else ""
        )
        if not preview.rows:
            advice = "The file has no data rows, so there is nothing to import."
        elif preview.errors:
            advice = (
                "Nothing can be imported until every row marked Error is corrected in the "
                "file. Fix them, save the file and import it again."
            )
        else:
            advice = "Check the rows below, then choose Import to save them all at once."
        self.advice.setText(" ".join(t for t in (advice, unmapped) if t))
        self.advice.setStyleSheet("")
        self.changes_only.setChecked(len(preview.rows) > 30)
        self.import_button.setEnabled(preview.ok)
        (self.import_button if preview.ok else self.cancel_button).setDefault(True)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the details column has its real width only now

    def _import(self) -> None:
        if not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.summary.setText("Importing…")
        self.ctx.mutate(self.run_import, on_done=self._imported, on_error=self._failed)

    def _imported(self, preview: ImportPreview) -> None:
        if self.on_imported is not None:
            self.on_imported(preview)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        """Shown inline: the file may have changed since the preview, or the data did."""
        if isinstance(exc, ImportRejected) and isinstance(exc.preview, ImportPreview):
            self.show_preview(exc.preview)
        else:
            self.show_preview(self.preview)
        self.advice.setText(error_text(exc))
        self.advice.setStyleSheet("color: #9c0006;")
