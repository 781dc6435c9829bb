"""The "Action log highlights" group of the Settings page: the board's highlight thresholds.

Each threshold reads as a sentence with the number in it, so the secretary can see what the rule
does; saving announces the action log as changed, so the Actions page highlights afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sendboard.errors import ValidationError
from sendboard.services import actions
from sendboard.services.actions import HighlightThresholds
from ui.common.errors import show_error
from ui.common.shared_settings import save_shared
from ui.context import AppContext

ERROR_STYLE = "color:#a01010"
SAVED_STYLE = "color:#006100"


@dataclass(frozen=True)
class Threshold:
    field: str
    before: str  # the sentence up to the number, with its mnemonic
    after: str  # the rest of the sentence
    low: int
    high: int


THRESHOLDS = (
    Threshold(
        "red_run",
        "Highlight an action when it was rated &Red at the last",
        "meetings in a row",
        1,
        12,
    ),
    Threshold("amber_red_run", "… or rated &Amber or Red at the last", "meetings in a row", 1, 12),
    Threshold(
        "cycle_days",
        "&Days in a meeting cycle, for a board with no meetings recorded",
        "days (an action with no update this cycle is highlighted)",
        1,
        366,
    ),
    Threshold(
        "partner_share",
        "Highlight a partner organisation when ab&ove",
        "% of its open actions are slow, overdue or not updated",
        0,
        99,
    ),
    Threshold("partner_min_actions", "… and it has at &least", "open actions", 1, 500),
)


def to_spin(field: str, thresholds: HighlightThresholds) -> int:
    value = getattr(thresholds, field)
    return round(value * 100) if field == "partner_share" else int(value)


class HighlightSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Action log highlights", parent)
        self.ctx = ctx
        self.shown: HighlightThresholds | None = None  # as last read, for save_shared
        intro = QLabel(
            "An open action is highlighted as slow to progress when it is past its due date, "
            "has had no update this meeting cycle, or has been rated as below. A cycle runs from "
            "one meeting of the board the action reports to until the next, and the latest "
            "update in each cycle counts. These settings are shared by everyone using this "
            "database."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        for row, threshold in enumerate(THRESHOLDS):
            spin = QSpinBox()
            spin.setRange(threshold.low, threshold.high)
            spin.setObjectName(f"threshold-{threshold.field}")
            spin.setMinimumWidth(70)
            label = QLabel(threshold.before)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(QLabel(threshold.after), row, 2)
            self.spins[threshold.field] = spin
            self.labels[threshold.field] = label
        self.message = QLabel()
        self.message.setObjectName("threshold-message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            "Sa&ve highlights", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save-highlights")
        buttons.accepted.connect(self.save)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(footer)

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(lambda: actions.get_thresholds(db), on_done=self.show_thresholds)

    def show_thresholds(self, thresholds: HighlightThresholds) -> None:
        self.shown = thresholds
        for field, spin in self.spins.items():
            spin.setValue(to_spin(field, thresholds))

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def entered(self) -> HighlightThresholds | None:
        """The thresholds as typed, or None after saying (beside the button) what is wrong."""
        for threshold in THRESHOLDS:
            spin = self.spins[threshold.field]
            if not spin.hasAcceptableInput():
                sentence = threshold.before.replace("&", "").lstrip("… ")
                self._say(
                    f"Enter a whole number from {threshold.low} to {threshold.high} for "
                    f"“{sentence}”.",
                    ERROR_STYLE,
                )
                spin.setFocus()
                spin.selectAll()
                return None
        values = {t.field: self.spins[t.field].value() for t in THRESHOLDS}
        try:
            return HighlightThresholds(
                red_run=values["red_run"],
                amber_red_run=values["amber_red_run"],
                cycle_days=values["cycle_days"],
                partner_share=values["partner_share"] / 100,
                partner_min_actions=values["partner_min_actions"],
            )
        except ValueError as exc:
            self._say(str(exc), ERROR_STYLE)
            return None

    def save(self) -> None:
        thresholds = self.entered()
        if thresholds is None:
            return
        db = self.ctx.db
        self._say("Saving…", "")
        save_shared(
            self,
            self.ctx,
            lambda read: actions.save_thresholds(db, thresholds, read),
            self.shown,
            on_done=self._saved,
            on_error=self._failed,
            reload=self.refresh,
        )

    def _saved(self, thresholds: HighlightThresholds) -> None:
        self.show_thresholds(thresholds)
        self._say("Saved: the action log is highlighted with these settings.", SAVED_STYLE)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self._say(str(exc), ERROR_STYLE)
        else:
            self._say("", "")
            show_error(self, exc)
