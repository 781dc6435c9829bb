"""Adding or editing a risk, with problems shown inline beside the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sendboard import clock
from sendboard.domain.risk import Matrix, Proximity
from sendboard.domain.wording import ENTRY_DATE_FORMAT
from sendboard.errors import ValidationError
from sendboard.services import risks
from sendboard.services.common.changes import Outcome
from sendboard.services.risks.choices import RiskChoices
from sendboard.services.risks.views import RiskInput, RiskView
from ui.common.record_dialog import RecordDialog
from ui.common.score_picker import ScorePicker
from ui.context import AppContext


def _text_box(height: int = 52) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class RiskDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: RiskChoices,
        matrix: Matrix,
        risk: RiskView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, f"Edit risk {risk.reference}" if risk else "New risk", parent)
        self.risk = risk
        self.setMinimumWidth(640)

        form = self.form
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("next free number, e.g. R12")
        self.title = QLineEdit()
        self.cause = _text_box()
        self.event = _text_box()
        self.consequence = _text_box()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *choices.categories])
        self.area = self._combo(choices.priority_areas)
        self.board = self._combo(choices.boards)
        self.owner = self._combo(choices.people, blank="— choose the owner —")
        self.inherent = ScorePicker("Inherent", matrix)
        self.controls = _text_box(64)
        self.residual = ScorePicker("Residual", matrix)
        self.target = ScorePicker("Target", matrix, optional=True)
        self.has_target_date = QCheckBox("by")
        self.target_date = QDateEdit(QDate(clock.today()).addYears(1))
        self.target_date.setCalendarPopup(True)
        self.target_date.setDisplayFormat(ENTRY_DATE_FORMAT)
        self.target_date.setEnabled(False)
        self.has_target_date.toggled.connect(self.target_date.setEnabled)
        self.proximity = QComboBox()
        self.proximity.addItem("— not set —", None)
        for level in Proximity:
            self.proximity.addItem(level.label, level)
        self.raised = QDateEdit(QDate(clock.today()))
        self.raised.setCalendarPopup(True)
        self.raised.setDisplayFormat(ENTRY_DATE_FORMAT)

        form.addRow("&Reference", self.reference)
        form.addRow("Risk &title", self.title)
        form.addRow("&Cause", self.cause)
        form.addRow("E&vent", self.event)
        form.addRow("Conse&quence", self.consequence)
        form.addRow("Cate&gory", self.category)
        form.addRow("&Priority area", self.area)
        form.addRow("&Board register", self.board)
        form.addRow("&Owner", self.owner)
        form.addRow("&Inherent (before controls)", self.inherent)
        form.addRow("Existing contro&ls", self.controls)
        form.addRow("Resi&dual (with controls)", self.residual)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.has_target_date)
        target_row.addWidget(self.target_date)
        form.addRow("T&arget", target_row)
        form.addRow("Pro&ximity", self.proximity)
        form.addRow("Date &raised", self.raised)
        self.fields.update(
            {
                "reference": self.reference,
                "title": self.title,
                "owner_id": self.owner,
                "inherent_likelihood": self.inherent,
                "inherent_impact": self.inherent,
                "residual_likelihood": self.residual,
                "residual_impact": self.residual,
                "target": self.target,
                "target_likelihood": self.target,
                "target_impact": self.target,
                "created_on": self.raised,
                "cause": self.cause,
                "event": self.event,
                "consequence": self.consequence,
                "category": self.category,
                "controls": self.controls,
            }
        )
        if risk is not None:
            self.edits("Risk", risk.id, risk.version)
        self.inherent.changed.connect(self._check_scores)
        self.residual.changed.connect(self._check_scores)
        if risk is not None:
            self._fill(risk)
        else:
            self.inherent.set_value(3, 3)
            self.residual.set_value(2, 3)
        self.title.setFocus()

    def _combo(self, items, blank: str = "— none —") -> QComboBox:  # type: ignore[no-untyped-def]
        combo = QComboBox()
        combo.addItem(blank, None)
        for item in items:
            combo.addItem(item.label, item.id)
        return combo

    def _fill(self, risk: RiskView) -> None:
        self.reference.setText(risk.reference)
        self.title.setText(risk.title)
        self.cause.setPlainText(risk.cause)
        self.event.setPlainText(risk.event)
        self.consequence.setPlainText(risk.consequence)
        self.category.setCurrentText(risk.category)
        self.area.setCurrentIndex(max(0, self.area.findData(risk.priority_area_id)))
        self.board.setCurrentIndex(max(0, self.board.findData(risk.board_id)))
        self.owner.setCurrentIndex(max(0, self.owner.findData(risk.owner_id)))
        self.inherent.set_value(risk.inherent.likelihood, risk.inherent.impact)
        self.controls.setPlainText(risk.controls)
        self.residual.set_value(risk.residual.likelihood, risk.residual.impact)
        if risk.target is not None:
            self.target.set_value(risk.target.likelihood, risk.target.impact)
        if risk.target_date is not None:
            self.has_target_date.setChecked(True)
            self.target_date.setDate(QDate(risk.target_date))
        self.proximity.setCurrentIndex(max(0, self.proximity.findData(risk.proximity)))
        self.raised.setDate(QDate(risk.created_on))

    def _check_scores(self) -> None:
        inherent, residual = self.inherent.rating(), self.residual.rating()
        if inherent and residual and residual.score > inherent.score:
            self.show_problem(
                ValidationError(
                    "The residual score cannot be higher than the inherent score.",
                    "residual_likelihood",
                )
            )
        else:
            self.clear_problem()

    def data(self) -> RiskInput:
        il, ii = self.inherent.value()
        rl, ri = self.residual.value()
        tl, ti = self.target.value()
        owner = self.owner.currentData()
        return RiskInput(
            reference=self.reference.text(),
            title=self.title.text(),
            owner_id=owner if owner is not None else -1,
            inherent_likelihood=il,  # type: ignore[arg-type]
            inherent_impact=ii,  # type: ignore[arg-type]
            residual_likelihood=rl,  # type: ignore[arg-type]
            residual_impact=ri,  # type: ignore[arg-type]
            cause=self.cause.toPlainText(),
            event=self.event.toPlainText(),
            consequence=self.consequence.toPlainText(),
            category=self.category.currentText(),
            priority_area_id=self.area.currentData(),
            board_id=self.board.currentData(),
            controls=self.controls.toPlainText(),
            target_likelihood=tl,
            target_impact=ti,
            target_date=self.target_date.date().toPython()
            if self.has_target_date.isChecked()
            else None,
            proximity=Proximity(self.proximity.currentData())
            if self.proximity.currentData()
            else None,
            created_on=self.raised.date().toPython(),
        )

    def save_call(self) -> Callable[[], Outcome[RiskView]]:
        data, db = self.data(), self.ctx.db
        if self.risk is None:
            return lambda: risks.create_risk(db, data)
        risk_id = self.risk.id
        return lambda: risks.update_risk(db, risk_id, data)

    def mark(self, widget: QWidget) -> None:
        """A score picker is several boxes; an outline on it would frame each one."""
        if not isinstance(widget, ScorePicker):
            super().mark(widget)
