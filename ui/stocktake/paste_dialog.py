"""Paste the notice's text: its paragraphs found by their numbering, shown for correcting
(reference, wording, whether actions are expected), then saved all together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import ENTRY_DATE_FORMAT, counted
from sendboard.services import stocktake
from sendboard.services.stocktake import NoticeDraft, RequirementInput
from ui.common.errors import error_text
from ui.context import AppContext

REF, TEXT, TRACKED = range(3)


class PasteNoticeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Enter the Improvement Notice")
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Paste the notice's text from its PDF. Its numbered paragraphs (3., a., (ii)…) "
                "are found below: correct any reference or wording, untick paragraphs no action "
                "needs to answer, then Save."
            )
        )
        form = QFormLayout()
        self.council = QLineEdit()
        self.issued = QDateEdit()
        self.issued.setCalendarPopup(True)
        self.issued.setDisplayFormat(ENTRY_DATE_FORMAT)
        form.addRow("&Council:", self.council)
        form.addRow("&Issued on:", self.issued)
        layout.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setObjectName("notice-text")
        self.text.setPlaceholderText("Paste the notice here…")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("notice-preview")
        self.table.setHorizontalHeaderLabels(["Ref", "Requirement", "Needs actions"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(self.table)
        splitter.setSizes([220, 380])
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        split = QPushButton("&Find paragraphs")
        split.clicked.connect(self.split)
        row.addWidget(split)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        row.addWidget(self.problem, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self.split)
        self.draft: NoticeDraft | None = None

    def split(self) -> None:
        self.draft = stocktake.draft_from_text(self.text.toPlainText())
        if self.draft.council and not self.council.text():
            self.council.setText(self.draft.council)
        if self.draft.issued_on:
            day = self.draft.issued_on
            self.issued.setDate(self.issued.date().fromString(day.isoformat(), "yyyy-MM-dd"))
        self.table.setRowCount(len(self.draft.requirements))
        for number, found in enumerate(self.draft.requirements):
            self.table.setItem(number, REF, QTableWidgetItem(found.reference))
            text = QTableWidgetItem(found.text)
            if found.guessed:
                text.setToolTip("Numbered by position: the notice gives it no number")
            self.table.setItem(number, TEXT, text)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            state = Qt.CheckState.Checked if found.tracked else Qt.CheckState.Unchecked
            tick.setCheckState(state)
            self.table.setItem(number, TRACKED, tick)
        self.problem.setText(f"{counted(len(self.draft.requirements), 'paragraph')} found.")

    def corrected(self) -> NoticeDraft:
        rows = []
        headings = [r.heading for r in self.draft.requirements] if self.draft else []
        for number in range(self.table.rowCount()):
            rows.append(
                RequirementInput(
                    reference=self.table.item(number, REF).text().strip(),
                    text=self.table.item(number, TEXT).text().strip(),
                    heading=headings[number] if number < len(headings) else "",
                    tracked=self.table.item(number, TRACKED).checkState() == Qt.CheckState.Checked,
                )
            )
        return NoticeDraft(self.council.text().strip(), self.issued.date().toPython(), tuple(rows))

    def save(self) -> None:
        draft = self.corrected()
        if not draft.requirements:
            self.problem.setText("Paste the notice first: no numbered paragraphs were found.")
            return
        self.ctx.mutate(
            lambda: stocktake.save_notice(
                self.ctx.db, draft, council=draft.council, issued_on=draft.issued_on
            ),
            on_done=lambda _preview: self.accept(),
            on_error=lambda exc: self.problem.setText(error_text(exc)),
        )
