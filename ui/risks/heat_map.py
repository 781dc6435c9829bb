"""The 5×5 heat map: impact across, likelihood up, a count of risks in each coloured cell.

Clicking a cell (or Space/Enter on it) selects it and the page filters its table to that cell;
clicking it again clears the filter. Arrow keys move between cells. Each cell shows its count and
its score with the band label, so it reads without colour too. It is laid out compactly (axis
titles in the corner, the band ranges in tooltips) so it fits under the register on a laptop.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.risk import DEFAULT_MATRIX, IMPACT_LABELS, LIKELIHOOD_LABELS, Matrix

KINDS = (("inherent", "&Inherent"), ("residual", "Resi&dual"), ("target", "Tar&get"))


class HeatCell(QToolButton):
    """One cell; arrow keys move to the neighbouring cell."""

    moved = Signal(int, int)

    def __init__(self, likelihood: int, impact: int) -> None:
        super().__init__()
        self.likelihood = likelihood
        self.impact = impact
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(72, 32))
        self.setObjectName(f"cell-{likelihood}-{impact}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
        }
        if event.key() in steps:
            dl, di = steps[Qt.Key(event.key())]
            self.moved.emit(self.likelihood + dl, self.impact + di)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class HeatMap(QWidget):
    """Emits `cell_chosen((likelihood, impact))` or `cell_chosen(None)`, and `kind_changed`."""

    cell_chosen = Signal(object)
    kind_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix = DEFAULT_MATRIX
        self.counts: dict[tuple[int, int], int] = {}
        self.selected: tuple[int, int] | None = None
        self.kind = "residual"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        switch = QHBoxLayout()
        switch.setSpacing(8)
        switch.addWidget(QLabel("Show scores:"))
        self.kind_buttons = QButtonGroup(self)
        for key, label in KINDS:
            button = QRadioButton(label)
            button.setObjectName(f"kind-{key}")
            button.setChecked(key == self.kind)
            button.toggled.connect(lambda on, k=key: on and self.set_kind(k))
            self.kind_buttons.addButton(button)
            switch.addWidget(button)
        switch.addStretch(1)
        self.legend = QLabel("Click a cell to filter")
        self.legend.setObjectName("heat-legend")
        self.legend.setStyleSheet("color: #555555;")
        switch.addWidget(self.legend)
        layout.addLayout(switch)

        grid = QGridLayout()
        grid.setSpacing(2)
        self.cells: dict[tuple[int, int], HeatCell] = {}
        for likelihood in range(5, 0, -1):
            row = 5 - likelihood
            label = QLabel(f"{likelihood} {LIKELIHOOD_LABELS[likelihood]}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            for impact in range(1, 6):
                cell = HeatCell(likelihood, impact)
                cell.clicked.connect(lambda _=False, c=cell: self._clicked(c))
                cell.moved.connect(self._move_focus)
                self.cells[(likelihood, impact)] = cell
                grid.addWidget(cell, row, impact)
        corner = QLabel("<b>Likelihood</b> ↑<br><b>Impact</b> →")
        corner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(corner, 5, 0)
        for impact in range(1, 6):
            label = QLabel(f"{impact} {IMPACT_LABELS[impact]}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, 5, impact)
        layout.addLayout(grid, 1)
        self._paint()

    def set_counts(self, counts: dict[tuple[int, int], int], matrix: Matrix | None = None) -> None:
        self.counts = dict(counts)
        if matrix is not None:
            self.matrix = matrix
        self._paint()

    def set_kind(self, kind: str) -> None:
        if kind == self.kind:
            return
        self.kind = kind
        for button in self.kind_buttons.buttons():
            button.setChecked(button.objectName() == f"kind-{kind}")
        self.kind_changed.emit(kind)

    def clear_selection(self) -> None:
        if self.selected is not None:
            self.selected = None
            self._paint()
            self.cell_chosen.emit(None)

    def _clicked(self, cell: HeatCell) -> None:
        key = (cell.likelihood, cell.impact)
        self.selected = None if self.selected == key else key
        self._paint()
        self.cell_chosen.emit(self.selected)

    def _move_focus(self, likelihood: int, impact: int) -> None:
        cell = self.cells.get((likelihood, impact))
        if cell is not None:
            cell.setFocus(Qt.FocusReason.TabFocusReason)

    def _paint(self) -> None:
        for (likelihood, impact), cell in self.cells.items():
            rating = self.matrix.rate(likelihood, impact)
            count = self.counts.get((likelihood, impact), 0)
            chosen = self.selected == (likelihood, impact)
            cell.setChecked(chosen)
            cell.setText(f"{count if count else '–'}\n{rating.text}")
            border = "3px solid #1f3864" if chosen else "1px solid #8a8a8a"
            weight = "bold" if count else "normal"
            cell.setStyleSheet(
                f"QToolButton {{ background: {rating.band.colour};"
                f" color: {rating.band.text_colour}; border: {border};"
                f" border-radius: 3px; font-weight: {weight}; }}"
                " QToolButton:focus { border: 3px dashed #1f3864; }"
            )
            plural = "risk" if count == 1 else "risks"
            description = (
                f"Likelihood {likelihood} {LIKELIHOOD_LABELS[likelihood]}, impact {impact} "
                f"{IMPACT_LABELS[impact]}: score {rating.text}. {count} {plural}."
            )
            cell.setToolTip(description + (" Click again to show all." if chosen else ""))
            cell.setAccessibleName(description)
        bands = ", ".join(f"{b.label} {b.lowest}–{b.highest}" for b in self.matrix.bands)
        self.legend.setToolTip(
            f"Bands: {bands}. Click a cell to filter the register; click it again to clear."
        )
        self.setToolTip(f"Bands: {bands}")
