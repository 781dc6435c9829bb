"""The filter bar of the Actions page: search plus one drop-down per way of slicing the log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.services.actions import ActionOptions
from ui.actions.filter_model import UNRATED, ActionFilter
from ui.actions.options import OptionsModel


def _combo(name: str, width: int = 110) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setMinimumWidth(width)
    box.setMaximumWidth(260)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _brag(data: str | None) -> Brag | str | None:
    """Combo data comes back as plain text (Qt stores str enums as strings)."""
    if not data or data == UNRATED:
        return data or None
    return Brag(data)


class ActionFilterBar(QWidget):
    changed = Signal(object)  # ActionFilter

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.search.setToolTip("Matches reference, action, owner, organisations and target")
        self.area = _combo("filter-area", 80)
        self.board = _combo("filter-board")
        self.owner = _combo("filter-owner")
        self.organisation = _combo("filter-organisation")
        self.brag = _combo("filter-brag", 100)
        self.brag.addItem("Any progress", None)
        for brag in Brag:
            self.brag.addItem(f"{brag.letter} — {brag.label}", brag)
        self.brag.addItem("Not rated", UNRATED)
        self.status = _combo("filter-status", 90)
        self.status.addItem("All statuses", None)
        for status in ActionStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(ActionStatus.OPEN))
        self._models = {}
        for box in (self.area, self.board, self.owner, self.organisation):
            self._models[box] = OptionsModel(parent=box)
            box.setModel(self._models[box])
        self.highlighted = QCheckBox("&Highlighted only")
        self.highlighted.setObjectName("filter-highlighted")
        self.set_options(ActionOptions())

        # Two rows of four, so the bar fits a laptop screen beside the sidebar:
        # search and "highlighted" on the left, then a caption and drop-down per column pair.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.search, 0, 0)
        layout.addWidget(self.highlighted, 1, 0)
        for place, (label, box) in enumerate(
            (
                ("Ar&ea", self.area),
                ("O&wner", self.owner),
                ("BRA&G", self.brag),
                ("Boa&rd", self.board),
                ("Or&ganisation", self.organisation),
                ("Stat&us", self.status),
            )
        ):
            row, pair = divmod(place, 3)
            caption = QLabel(label)
            caption.setBuddy(box)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(caption, row, 1 + 2 * pair)
            layout.addWidget(box, row, 2 + 2 * pair)
        layout.setColumnStretch(0, 3)
        for column in (2, 4, 6):
            layout.setColumnStretch(column, 2)

        self.search.textChanged.connect(self._emit)
        for box in (self.area, self.board, self.owner, self.organisation, self.brag, self.status):
            box.currentIndexChanged.connect(self._emit)
        self.highlighted.toggled.connect(self._emit)

    def set_options(self, options: ActionOptions) -> None:
        """Refill the drop-downs, keeping what was chosen where it still exists."""
        for box, everything, items in (  # type: ignore[assignment]
            (self.area, "All areas", [(o.label, o.id) for o in options.priority_areas]),
            (self.board, "All boards", [(o.label, o.id) for o in options.boards]),
            (self.owner, "All owners", [(o.label, o.id) for o in options.people]),
            (
                self.organisation,
                "All organisations",
                [(o.label, o.label) for o in options.organisations],
            ),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            self._models[box].set_items([(everything, None), *items])
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)

    def value(self) -> ActionFilter:
        return ActionFilter(
            text=self.search.text(),
            priority_area_id=self.area.currentData(),
            board_id=self.board.currentData(),
            owner_id=self.owner.currentData(),
            organisation=self.organisation.currentData(),
            brag=_brag(self.brag.currentData()),
            status=ActionStatus(status) if (status := self.status.currentData()) else None,
            highlighted_only=self.highlighted.isChecked(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.value())
