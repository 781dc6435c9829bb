"""The filter bar above the register: search, category, area, owner, status, band, not reviewed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sendboard.domain.risk import Matrix, RiskStatus
from sendboard.services.risk_views import RiskView
from ui.models.risks import RiskFilter

STATUSES = [("Live", "live"), ("All", None)] + [(s.label, s.value) for s in RiskStatus]


class RiskFilterBar(QWidget):
    changed = Signal(object)  # RiskFilter, without the heat map cell

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search ref, risk or owner")
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.area = QComboBox()
        self.owner = QComboBox()
        self.status = QComboBox()
        for label, value in STATUSES:
            self.status.addItem(label, value)
        self.band = QComboBox()
        self.not_reviewed = QCheckBox("Not &reviewed")
        self.not_reviewed.setToolTip("Only risks not reviewed since the last meeting")
        self.status.setToolTip("Live: open and escalated risks")
        self.clear = QPushButton("&Clear filters")
        for label, widget in (
            ("&Find", self.search),
            ("Categor&y", self.category),
            ("&Area", self.area),
            ("O&wner", self.owner),
            ("&Status", self.status),
            ("Band", self.band),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget, 2 if widget is self.search else 1)
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.not_reviewed)
        layout.addWidget(self.clear)
        self.search.textChanged.connect(self._emit)
        for combo in (self.category, self.area, self.owner, self.status, self.band):
            combo.currentIndexChanged.connect(self._emit)
        self.not_reviewed.toggled.connect(self._emit)
        self.clear.clicked.connect(self.reset)
        self._filling = False

    def set_options(self, views: list[RiskView], matrix: Matrix) -> None:
        """Offer the values the register holds, keeping what was chosen."""
        self._filling = True
        self._fill(self.category, sorted({v.category for v in views if v.category}), "categories")
        self._fill(self.area, sorted({v.priority_area for v in views if v.priority_area}), "areas")
        self._fill(self.owner, sorted({v.owner for v in views}), "owners")
        self._fill(self.band, [b.label for b in matrix.bands], "bands")
        self._filling = False

    def _fill(self, combo: QComboBox, values: list[str], what: str) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(f"All {what}", None)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def value(self) -> RiskFilter:
        return RiskFilter(
            category=self.category.currentData(),
            priority_area=self.area.currentData(),
            owner=self.owner.currentData(),
            status=self.status.currentData(),
            band=self.band.currentData(),
            not_reviewed=self.not_reviewed.isChecked(),
            text=self.search.text(),
        )

    def reset(self) -> None:
        self._filling = True
        self.search.clear()
        for combo in (self.category, self.area, self.owner, self.band):
            combo.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.not_reviewed.setChecked(False)
        self._filling = False
        self._emit()

    def _emit(self) -> None:
        if not self._filling:
            self.changed.emit(replace(self.value()))
