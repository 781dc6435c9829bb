"""Recording this cycle's review of a risk: a new row in its history, never an overwrite."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from sendboard import clock
from sendboard.domain.risk import Matrix, trend
from sendboard.domain.wording import ENTRY_DATE_FORMAT
from sendboard.services import risks
from sendboard.services.common.changes import Outcome
from sendboard.services.risks.choices import RiskChoices
from sendboard.services.risks.views import ReviewInput, RiskView
from ui.common.record_dialog import RecordDialog
from ui.common.score_picker import ScorePicker
from ui.context import AppContext


class ReviewDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: RiskChoices,
        matrix: Matrix,
        risk: RiskView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, f"Review {risk.reference}", parent)
        self.risk = risk
        self.setMinimumWidth(560)
        heading = QLabel(f"<b>{risk.reference} {risk.title}</b>")
        heading.setWordWrap(True)
        self.form.addRow(heading)

        form = self.form
        self.day = QDateEdit(QDate(clock.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(ENTRY_DATE_FORMAT)
        self.meeting = QComboBox()
        self.meeting.addItem("— not at a meeting —", None)
        for meeting in choices.meetings:
            self.meeting.addItem(meeting.label, meeting.id)
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.meetings = {m.id: m.day for m in choices.meetings}
        self.inherent = ScorePicker("Inherent", matrix)
        self.inherent.set_value(risk.inherent.likelihood, risk.inherent.impact)
        self.residual = ScorePicker("Residual", matrix)
        self.residual.set_value(risk.residual.likelihood, risk.residual.impact)
        self.movement = QLabel()
        self.movement.setObjectName("movement")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.reviewer = QComboBox()
        self.reviewer.addItem("— not recorded —", None)
        for person in choices.people:
            self.reviewer.addItem(person.label, person.id)
        form.addRow("&Meeting", self.meeting)
        form.addRow("Review &date", self.day)
        form.addRow("&Inherent", self.inherent)
        form.addRow("Resi&dual", self.residual)
        form.addRow("Movement", self.movement)
        form.addRow("&Note", self.note)
        form.addRow("Re&viewer", self.reviewer)
        self.residual.changed.connect(self._show_movement)
        self._show_movement()
        self.residual.likelihood.setFocus()

    def _meeting_chosen(self) -> None:
        day = self.meetings.get(self.meeting.currentData())
        if day is not None:
            self.day.setDate(QDate(day))

    def _show_movement(self) -> None:
        rating = self.residual.rating()
        if rating is None:
            return
        moved = trend(self.risk.residual.score, rating.score)
        self.movement.setText(f"{moved.text}: {self.risk.residual.text} → {rating.text}")

    def data(self) -> ReviewInput:
        il, ii = self.inherent.value()
        rl, ri = self.residual.value()
        return ReviewInput(
            reviewed_on=self.day.date().toPython(),
            inherent_likelihood=il,  # type: ignore[arg-type]
            inherent_impact=ii,  # type: ignore[arg-type]
            residual_likelihood=rl,  # type: ignore[arg-type]
            residual_impact=ri,  # type: ignore[arg-type]
            note=self.note.toPlainText(),
            meeting_id=self.meeting.currentData(),
            reviewer_id=self.reviewer.currentData(),
        )

    def save_call(self) -> Callable[[], Outcome[RiskView]]:
        data, risk_id, db = self.data(), self.risk.id, self.ctx.db
        return lambda: risks.review_risk(db, risk_id, data)
