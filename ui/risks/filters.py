"""The filter bar above the register: search, category, area, owner, status, band, not reviewed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sendboard.domain.risk import Matrix, RiskStatus
from sendboard.services.risks.views import RiskView
from ui.risks.model import RiskFilter

STATUSES = [("Live", "live"), ("All", None)] + [(s.label, s.value) for s in RiskStatus]


class RiskFilterBar(QWidget):
    changed = Signal(object)  # RiskFilter, without the heat map cell

    def __init__(self) -> None:
        super().__init__()
        # Two rows, so every drop-down is wide enough to read on a 1280-px laptop screen.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
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
        self.not_reviewed.setToolTip("Only risks not reviewed since their board last met")
        self.status.setToolTip("Live: open and escalated risks")
        self.clear = QPushButton("&Clear filters")
        for place, (label, widget) in enumerate(
            (
                ("&Find", self.search),
                ("Categor&y", self.category),
                ("&Area", self.area),
                ("O&wner", self.owner),
                ("&Status", self.status),
                ("Band", self.band),
            )
        ):
            row, pair = divmod(place, 3)
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(caption, row, 2 * pair)
            layout.addWidget(widget, row, 2 * pair + 1)
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                widget.setMinimumContentsLength(12)
        layout.addWidget(self.not_reviewed, 0, 6)
        layout.addWidget(self.clear, 1, 6)
        layout.setColumnStretch(1, 3)
        layout.setColumnStretch(3, 2)
        layout.setColumnStretch(5, 2)
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
