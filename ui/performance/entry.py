"""Entering a period's values for every measure at once, from the keyboard: type a value, press
Enter to go to the next measure; Save writes them all (each a new row; a changed value is a
correction kept beside the one it replaces)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.measures import Frequency
from sendboard.services import measures
from sendboard.services.measures import MeasureView, ValueEntry
from ui.common.errors import show_error
from ui.context import AppContext

REF, NAME, PERIOD, NOW, VALUE, NOTE = range(6)
HEADINGS = ("Ref", "Measure", "Period", "Current", "New value", "Note")
MONTHS_OFFERED = 15


def months_offered(today: date) -> list[date]:
    """Month ends, oldest first: the last fifteen full months, then this month."""
    this = Frequency.MONTHLY.period_end(today)
    ends = [this]
    for _ in range(MONTHS_OFFERED):
        ends.append(Frequency.MONTHLY.previous_end(ends[-1]))
    return [*reversed(ends[1:]), this]


class _Table(QTableWidget):
    """Enter and Return move down the value (or note) column, as in a spreadsheet."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint is QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the editor
            row, col = self.currentRow(), self.currentColumn()
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, col)
                self.editItem(self.item(row + 1, col))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            row, col = self.currentRow(), self.currentColumn()
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, col)
                self.editItem(self.item(row + 1, col))
            return
        super().keyPressEvent(event)


class EntryDialog(QDialog):
    def __init__(
        self, ctx: AppContext, views: tuple[MeasureView, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views = views
        self.setWindowTitle("Enter a period's values")
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.period = QComboBox()
        self.period.setObjectName("entry-period")
        for end in months_offered(clock.today()):
            self.period.addItem(Frequency.MONTHLY.label_for(end), end)
        self.period.currentIndexChanged.connect(self._fill)
        form.addRow("&Period:", self.period)
        layout.addLayout(form)
        note = QLabel(
            "Type each value and press Enter for the next measure. A termly or quarterly "
            "measure takes the value of the term or quarter holding this month. Leave a value "
            "blank to skip it; a changed value is kept as a correction beside the old one."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = _Table(0, len(HEADINGS))
        self.table.setObjectName("entry-table")
        self.table.setHorizontalHeaderLabels(HEADINGS)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.table, 1)
        self.problem = QLabel()
        self.problem.setObjectName("entry-problem")
        self.problem.setStyleSheet("color: #a31515")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        layout.addWidget(buttons)
        self.period.setCurrentIndex(MONTHS_OFFERED - 1)  # the last full month
        self._fill()

    def chosen_period(self) -> date:
        return self.period.currentData()

    def _fill(self) -> None:
        day = self.chosen_period()
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            end = view.frequency.period_end(day)
            current = next((v for v in view.values if v.period_end == end), None)
            cells = (
                view.reference,
                view.name,
                view.frequency.label_for(end),
                view.shown(current.value) if current else "",
                "",
                "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col not in (VALUE, NOTE):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(PERIOD)
        if self.views:
            self.table.setCurrentCell(0, VALUE)
        self.problem.clear()

    def entries(self) -> list[ValueEntry]:
        """What was typed; raises ValueError naming the first cell that is not a number."""
        found = []
        for row, view in enumerate(self.views):
            text = (self.table.item(row, VALUE).text() or "").strip()
            if not text:
                continue
            try:
                value = float(text.replace(",", "").removesuffix("%"))
            except ValueError:
                self.table.setCurrentCell(row, VALUE)
                raise ValueError(f"{view.reference}: '{text}' is not a number") from None
            note = (self.table.item(row, NOTE).text() or "").strip()
            found.append(ValueEntry(view.id, value, note))
        return found

    def save(self) -> None:
        try:
            entries = self.entries()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        if not entries:
            self.problem.setText("Type at least one value, or Cancel.")
            return
        period = self.chosen_period()
        self.save_button.setEnabled(False)
        self.ctx.mutate(
            lambda: measures.record_values(self.ctx.db, entries, period=period),
            on_done=lambda _result: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc)
