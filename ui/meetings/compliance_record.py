"""The invitation compliance record of a board: the evidence a secretary shows at a stocktake."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.governance import BoardKind
from sendboard.services.boards import BoardView
from sendboard.services.meetings import compliance
from sendboard.services.meetings.compliance import ComplianceReport
from ui.common.errors import show_error
from ui.context import AppContext
from ui.meetings.compliance_model import ComplianceTableModel


def initial_board(boards: list[BoardView], board_id: int | None) -> int | None:
    """The board chosen on the page, else the Improvement Board, else the first board."""
    if board_id is not None and any(b.id == board_id for b in boards):
        return board_id
    for board in boards:
        if board.kind is BoardKind.IMPROVEMENT_BOARD:
            return board.id
    return boards[0].id if boards else None


def file_stem(board_name: str) -> str:
    return "invitation-compliance-" + re.sub(r"[^a-z0-9]+", "-", board_name.lower()).strip("-")


class ComplianceRecordDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        boards: list[BoardView],
        board_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ComplianceReport | None = None
        self.setWindowTitle("Invitation compliance record")
        self.resize(1180, 620)

        self.board = QComboBox()
        for board in boards:
            self.board.addItem(board.name, board.id)
        self.board.setCurrentIndex(max(self.board.findData(initial_board(boards, board_id)), 0))
        self.board.setMinimumWidth(260)
        self.board.currentIndexChanged.connect(lambda _index: self.load())
        board_label = QLabel("&Board:")
        board_label.setBuddy(self.board)
        explain = QLabel(
            "Whether each role the Improvement Notice requires was invited to every meeting, "
            "and when the first invitation went out before it. A role first invited only after "
            "the meeting started is shown as late; later invitations are listed beside the "
            "first (hover over a cell). Upcoming meetings whose invitations have not been sent "
            "yet, and meetings cancelled before sending, are not counted."
        )
        explain.setWordWrap(True)
        explain.setObjectName("record-count")

        self.model = ComplianceTableModel()
        self.table = QTableView()
        self.table.setObjectName("compliance-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.summary = QLabel("Loading…")
        self.summary.setObjectName("compliance-summary")
        self.summary.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("record-count")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("Save the record as an Excel workbook or CSV file")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)

        top = QHBoxLayout()
        top.addWidget(board_label)
        top.addWidget(self.board)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.table.setFocus()
        self.load()

    def load(self) -> None:
        board_id = self.board.currentData()
        if board_id is None:
            self.summary.setText("There are no boards yet; add one in People & Boards.")
            return
        self.export_button.setEnabled(False)
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: compliance.build_report(db, board_id),
            on_done=self.show_report,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_report(self, report: ComplianceReport) -> None:
        if report.board_id != self.board.currentData():
            return  # an earlier board's answer arriving late
        self.report = report
        self.model.set_report(report)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.result_column, QHeaderView.ResizeMode.Stretch)
        counted_ok = report.compliant == report.counted
        colour = "#006100" if counted_ok else "#9C0006"
        self.summary.setText(f"<b style='color:{colour}'>{report.summary}</b>")
        self.export_button.setEnabled(True)
        self.saved.clear()

    def ask_export_path(self) -> Path | None:
        assert self.report is not None
        name, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the compliance record",
            file_stem(self.report.board_name) + ".xlsx",
            "Excel workbook (*.xlsx);;CSV (*.csv)",
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if "CSV" in chosen else ".xlsx"))
        return path

    def export(self) -> None:
        if self.report is None:
            return
        path = self.ask_export_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the file on a worker thread; the dialog stays responsive."""
        report = self.report
        if report is None:
            return
        self.saved.setText(f"Saving {path.name}…")
        self.ctx.tasks.run(
            lambda: compliance.export_report(report, path),
            on_done=lambda written: self.saved.setText(f"Saved to {written}"),
            on_error=self._export_failed,
        )

    def _export_failed(self, exc: Exception) -> None:
        self.saved.clear()
        show_error(self, exc)
