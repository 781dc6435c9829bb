"""The board's scoring bands and risk appetite per category, edited in one dialog."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.risk import DEFAULT_BANDS, Appetite, Band, Matrix
from sendboard.services.common.changes import Outcome
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.scales import AppetiteView
from ui.common.errors import error_text, problem_label
from ui.context import AppContext

BAND_COLUMNS = ("From", "To", "Label", "Colour", "Text colour")


class RiskScalesDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        matrix: Matrix,
        appetites: list[AppetiteView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Scoring bands and risk appetite")
        self.resize(620, 540)
        layout = QVBoxLayout(self)
        self.problem = problem_label()
        layout.addWidget(self.problem)

        bands_box = QGroupBox("Scoring &bands (scores 1–25, no gaps)")
        bands_layout = QVBoxLayout(bands_box)
        self.bands = QTableWidget(0, len(BAND_COLUMNS))
        self.bands.setHorizontalHeaderLabels(BAND_COLUMNS)
        self.bands.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bands.verticalHeader().hide()
        # As tall as its rows, so the appetite table below gets the spare height.
        self.bands.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.bands.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        bands_layout.addWidget(self.bands)
        defaults = QPushButton("Use the &default council bands")
        defaults.clicked.connect(lambda: self._show_bands(DEFAULT_BANDS))
        bands_layout.addWidget(defaults)
        layout.addWidget(bands_box)

        appetite_box = QGroupBox("Risk &appetite per category (highest acceptable residual score)")
        appetite_layout = QVBoxLayout(appetite_box)
        self.appetites = QTableWidget(len(appetites), 3)
        self.appetites.setHorizontalHeaderLabels(("Category", "Appetite", "Highest score"))
        self.appetites.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.appetites.verticalHeader().hide()
        for row, appetite in enumerate(appetites):
            self.appetites.setItem(row, 0, QTableWidgetItem(appetite.category))
            level = QComboBox()
            for choice in Appetite:
                level.addItem(choice.label, choice)
            level.setCurrentIndex(level.findData(appetite.level))
            score = QSpinBox()
            score.setRange(1, 25)
            score.setValue(appetite.highest_score)
            level.currentIndexChanged.connect(
                lambda _i, c=level, s=score: s.setValue(Appetite(c.currentData()).default_score)
            )
            self.appetites.setCellWidget(row, 1, level)
            self.appetites.setCellWidget(row, 2, score)
            # Rows as tall as their drop-downs, so the category name lines up with them.
            self.appetites.setRowHeight(row, level.sizeHint().height() + 2)
        appetite_layout.addWidget(self.appetites)
        layout.addWidget(appetite_box, 1)
        self.original = {a.category: (a.level, a.highest_score) for a in appetites}

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_bands(matrix.bands)

    def _show_bands(self, bands: tuple[Band, ...]) -> None:
        self.bands.setRowCount(len(bands))
        for row, band in enumerate(bands):
            values = (band.lowest, band.highest, band.label, band.colour, band.text_colour)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column == 2:
                    item.setBackground(QColor(band.colour))
                    item.setForeground(QColor(band.text_colour))
                self.bands.setItem(row, column, item)

    def band_values(self) -> list[Band]:
        bands = []
        for row in range(self.bands.rowCount()):
            cells = [self.bands.item(row, c).text().strip() for c in range(len(BAND_COLUMNS))]
            try:
                lowest, highest = int(cells[0]), int(cells[1])
            except ValueError as exc:
                raise ValueError(f"Band row {row + 1}: From and To must be numbers.") from exc
            bands.append(Band(lowest, highest, cells[2], cells[3].lower(), cells[4].lower()))
        return bands

    def appetite_values(self) -> list[tuple[str, Appetite, int]]:
        values = []
        for row in range(self.appetites.rowCount()):
            category = self.appetites.item(row, 0).text()
            level = Appetite(self.appetites.cellWidget(row, 1).currentData())  # type: ignore[union-attr]
            score = self.appetites.cellWidget(row, 2).value()  # type: ignore[union-attr]
            if self.original.get(category) != (level, score):
                values.append((category, level, score))
        return values

    def save(self) -> None:
        try:
            bands = self.band_values()
        except ValueError as exc:
            self.show_problem(exc)
            return
        appetites = self.appetite_values()
        db = self.ctx.db

        def work() -> Outcome[Matrix]:
            for category, level, score in appetites:
                risk_scales.set_appetite(db, category, level, score)
            return risk_scales.save_bands(db, bands)

        self.buttons.setEnabled(False)
        self.ctx.mutate(work, on_done=lambda _m: self.accept(), on_error=self.show_problem)

    def show_problem(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(error_text(exc) if not isinstance(exc, ValueError) else str(exc))
        self.problem.show()
