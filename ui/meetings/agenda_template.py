"""A board's standing agenda items: the template "Add standing items" puts on an agenda.

Changes are made to a working copy in the dialog and written together on Save, so Cancel
leaves the template as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import counted
from sendboard.errors import SendboardError
from sendboard.services.meetings import agenda
from sendboard.services.meetings.agenda import DEFAULT_TEMPLATE, AgendaItemInput
from ui.common.buttons import make_button, set_available
from ui.common.confirm import confirm_remove
from ui.common.errors import problem_label, show_error
from ui.context import AppContext
from ui.meetings import template_model as columns
from ui.meetings.item_list_tools import ItemListTools
from ui.meetings.template_item import TemplateItemDialog
from ui.meetings.template_model import TemplateTableModel


class AgendaTemplateDialog(QDialog):
    def __init__(
        self, ctx: AppContext, board_id: int, board_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board_id = board_id
        self.board_name = board_name
        self.loaded: list[AgendaItemInput] | None = None
        self.result_value: list[AgendaItemInput] | None = None
        self.setWindowTitle(f"Standing agenda items — {board_name}")
        self.model = TemplateTableModel()

        intro = QLabel(
            "“Add standing items” on a meeting's Agenda tab adds these items, in this order, "
            "where the agenda lacks them. Items filled in from records are completed in the pack."
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("template-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column in (columns.NUMBER, columns.PURPOSE, columns.MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((columns.LEAD, 150), (columns.STANDING, 180)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.tools = ItemListTools(self, self.table)
        self.defaults_button = make_button(
            "Restore de&faults…",
            "Go back to sendboard's standard list of standing items",
            self.restore_defaults,
        )
        self.tools.addWidget(self.defaults_button)

        self.summary = QLabel("Loading…")
        self.summary.setObjectName("template-summary")
        self.error = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.resize(900, 520)
        self._update_buttons()
        self.load()

    # Loading

    def load(self) -> None:
        db, board_id = self.ctx.db, self.board_id
        self.ctx.tasks.run(
            lambda: agenda.agenda_template(db, board_id),
            on_done=self.show_items,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_items(self, items: list[AgendaItemInput]) -> None:
        self.loaded = list(items)
        self._set_items(items, 0 if items else None)

    def items(self) -> list[AgendaItemInput]:
        return self.model.rows()

    def _set_items(self, items: list[AgendaItemInput], select: int | None) -> None:
        self.model.set_rows(items)
        if select is not None and items:
            row = max(0, min(select, len(items) - 1))
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        minutes = sum(i.minutes for i in items)
        if items:
            self.summary.setText(
                f"{counted(len(items), 'standing item')}, {counted(minutes, 'minute')} in all."
            )
        else:
            self.summary.setText("No items: saving brings back the standard standing items.")
        self._update_buttons()

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _update_buttons(self) -> None:
        ready = self.loaded is not None
        loading = "" if ready else "the template is still loading"
        row = self.current_row()
        count = self.model.rowCount()
        set_available(self.tools.add_button, ready, loading)
        set_available(self.defaults_button, ready, loading)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)
        self.tools.enable_for(row, count, loading)

    # Editing the working copy

    def add_item(self) -> None:
        if self.loaded is None:
            return
        dialog = TemplateItemDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            row = self.current_row()
            at = len(self.items()) if row is None else row + 1
            items = self.items()
            items.insert(at, dialog.result_value)
            self._set_items(items, at)

    def edit_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = TemplateItemDialog(self.ctx, self.items()[row], parent=self)
        if dialog.exec() and dialog.result_value is not None:
            items = self.items()
            items[row] = dialog.result_value
            self._set_items(items, row)

    def remove_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        item = self.items()[row]
        question = f"Remove “{item.title}” from the standing items of {self.board_name}?"
        if confirm_remove(self, "Remove standing item", question):
            items = self.items()
            del items[row]
            self._set_items(items, row)

    def shift(self, offset: int) -> None:
        row = self.current_row()
        items = self.items()
        if row is None or not 0 <= row + offset < len(items):
            return
        items.insert(row + offset, items.pop(row))
        self._set_items(items, row + offset)

    def restore_defaults(self) -> None:
        if self.loaded is None:
            return
        question = (
            f"Replace the standing items of {self.board_name} with sendboard's standard list? "
            "Nothing changes until you save."
        )
        if confirm_remove(self, "Restore defaults", question):
            self._set_items(list(DEFAULT_TEMPLATE), 0)

    # Saving

    def changed(self) -> bool:
        return self.loaded is not None and self.items() != self.loaded

    def accept(self) -> None:
        if self.loaded is None:
            return
        self.error.hide()
        items, db, board_id = self.items(), self.ctx.db, self.board_id
        self.buttons.setEnabled(False)
        self.ctx.mutate(
            lambda: agenda.set_agenda_template(db, board_id, items),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, value: list[AgendaItemInput]) -> None:
        self.buttons.setEnabled(True)
        self.result_value = value
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, SendboardError):
            self.error.setText(str(exc))
            self.error.show()
        else:
            show_error(self, exc)

    def reject(self) -> None:
        if self.changed():
            answer = QMessageBox.question(
                self,
                "Discard changes",
                "Close without saving the changes to the standing items?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
