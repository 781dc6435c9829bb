"""Likelihood and impact chosen by name, with the score shown as number, band label and colour."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from sendboard.domain.risk import DEFAULT_MATRIX, IMPACT_LABELS, LIKELIHOOD_LABELS, Matrix, Rating


class ScorePicker(QWidget):
    changed = Signal()

    def __init__(self, name: str, matrix: Matrix = DEFAULT_MATRIX, optional: bool = False) -> None:
        super().__init__()
        self.matrix = matrix
        self.optional = optional
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.likelihood = QComboBox()
        self.impact = QComboBox()
        self.likelihood.setAccessibleName(f"{name} likelihood")
        self.impact.setAccessibleName(f"{name} impact")
        if optional:
            self.likelihood.addItem("— none —", None)
            self.impact.addItem("— none —", None)
        for level, label in LIKELIHOOD_LABELS.items():
            self.likelihood.addItem(f"{level} {label}", level)
        for level, label in IMPACT_LABELS.items():
            self.impact.addItem(f"{level} {label}", level)
        self.result = QLabel()
        self.result.setMinimumWidth(110)
        layout.addWidget(QLabel("L"))
        layout.addWidget(self.likelihood, 1)
        layout.addWidget(QLabel("× I"))
        layout.addWidget(self.impact, 1)
        layout.addWidget(self.result)
        self.likelihood.currentIndexChanged.connect(self._update)
        self.impact.currentIndexChanged.connect(self._update)
        self._update()

    def set_value(self, likelihood: int | None, impact: int | None) -> None:
        self.likelihood.setCurrentIndex(max(0, self.likelihood.findData(likelihood)))
        self.impact.setCurrentIndex(max(0, self.impact.findData(impact)))

    def value(self) -> tuple[int | None, int | None]:
        return self.likelihood.currentData(), self.impact.currentData()

    def rating(self) -> Rating | None:
        likelihood, impact = self.value()
        if likelihood is None or impact is None:
            return None
        return self.matrix.rate(likelihood, impact)

    def _update(self) -> None:
        rating = self.rating()
        if rating is None:
            self.result.setText("no score")
            self.result.setStyleSheet("")
        else:
            self.result.setText(f" {rating.text} ")
            self.result.setStyleSheet(
                f"background: {rating.band.colour}; color: {rating.band.text_colour};"
                " font-weight: bold; padding: 2px 6px; border-radius: 3px;"
            )
        self.changed.emit()
