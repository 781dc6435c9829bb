"""File → Restore from backup…: the backups listed, one chosen, confirmed and put back.

The restore runs on the writer after any pending write: the open database is closed, the
backup is checked and swapped in by the same code as `sendboard restore` (the file as it is
now is kept in the backups folder first), and the database is opened again, whether the
restore succeeded or not. Every page then reloads from the restored file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from sendboard.domain.wording import counted, table_time
from sendboard.services.common.changes import Area, Changes
from ui.common.errors import error_text

if TYPE_CHECKING:
    from pathlib import Path

    from sendboard.services.common.workspace import BackupInfo, Database
    from ui.context import AppContext

COLUMNS = ("Taken", "Size", "Schema", "Records", "Usable")


@dataclass(frozen=True)
class _Done:
    database: Database
    restored: Path | None
    kept: Path | None
    failure: Exception | None


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def taken_text(info: BackupInfo) -> str:
    if info.taken is None:
        return "?"
    return table_time(info.taken)


class RestoreDialog(QDialog):
    restored = None  # set to the result once a restore has finished

    def __init__(self, parent: Any, ctx: AppContext) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(760, 420)
        self.ctx = ctx
        self.target = str(ctx.db.file) if ctx.db.file else ctx.db.label
        self.backups: list[BackupInfo] = []
        intro = QLabel(
            "Choose a backup to put back in place of the database. The database as it is now "
            "is kept in the backups folder first, so this can be undone by restoring that copy."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.progress = QProgressBar()
        self.progress.hide()
        self.result = QLabel("Looking for backups…")
        self.result.setObjectName("restore-result")
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.confirm_and_restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        from sendboard.services.common.workspace import list_backups

        target = self.target
        self.ctx.tasks.run(
            lambda: list_backups(target), on_done=self._show, on_error=self._say_error
        )

    def _show(self, found: list[BackupInfo]) -> None:
        self.backups = found
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            counts = ", ".join(f"{n} {label}" for label, n in info.counts.items())
            usable = f"No: {info.problem}" if info.problem else "Yes"
            cells = (taken_text(info), size_text(info.size), info.revision or "-", counts, usable)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(info.path.name)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.result.setText(
            f"{counted(len(found), 'backup')}, newest first."
            if found
            else "There are no backups yet."
        )

    def _say_error(self, exc: Exception) -> None:
        self.result.setText(error_text(exc))

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        info = self.chosen()
        self.restore_button.setEnabled(
            info is not None and info.problem is None and not self.ctx.db.read_only
        )

    def confirm_and_restore(self) -> None:
        info = self.chosen()
        if info is None or info.problem:
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put the backup taken {taken_text(info)} back in place of the database?\n\n"
            "Changes made since then will no longer show. The database as it is now is kept "
            "in the backups folder first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore(info)

    def restore(self, info: BackupInfo) -> None:
        """Close the database, put the backup back, open it again (in the background)."""
        ctx = self.ctx
        target, source = self.target, info.path
        self.table.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.buttons.setEnabled(False)
        self.progress.show()
        self.result.setText("Restoring…")

        def work(progress: Any, _token: Any) -> _Done:
            from sendboard.services.common.workspace import open_database, restore_backup

            ctx.tasks.readers.waitForDone(30000)  # pages' reads of the old file finish first
            ctx.db.close()
            restored = kept = failure = None
            try:
                done = restore_backup(target, source, progress=progress)
                restored, kept = done.restored, done.kept
            except Exception as exc:  # the database is opened again either way
                failure = exc
            progress(0, 0, "Opening the database…")
            return _Done(open_database(target), restored, kept, failure)

        ctx.tasks.run(
            work,
            on_progress=self._progress,
            on_done=self._finished,
            on_error=self._failed,
            write=True,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.result.setText(message)

    def _finished(self, done: _Done) -> None:
        self.ctx.db = done.database
        self.ctx.announce(Changes(frozenset(Area)))
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.table.setEnabled(True)
        if done.failure is not None:
            self.result.setText(f"Nothing was restored. {error_text(done.failure)}")
        else:
            kept = f" The database as it was is kept as {done.kept.name}." if done.kept else ""
            self.result.setText(
                f"Restored {done.restored.name if done.restored else 'the backup'}.{kept}"
            )
        self.restored = done
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(self.result.text(), 10000)
        self.load()

    def _failed(self, exc: Exception) -> None:
        """The database could not be opened again: say so; the window cannot go on with it."""
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.result.setText(
            f"The database could not be opened after the restore: {error_text(exc)} "
            "Close sendboard and open it again."
        )


def run_restore_dialog(parent: Any, ctx: AppContext) -> RestoreDialog:
    dialog = RestoreDialog(parent, ctx)
    dialog.open()
    return dialog
