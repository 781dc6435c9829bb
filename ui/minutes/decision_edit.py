"""Rewording a decision in draft minutes (double-click it, or Enter on it). Its reference stays;
a colleague's rewording saved first is not overwritten: the form keeps the typing and offers
Reload or Apply theirs (ui/common/record_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sendboard.services import minutes
from sendboard.services.minutes import DecisionView
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext


class DecisionEditDialog(RecordDialog):
    def __init__(self, ctx: AppContext, decision: DecisionView, parent: QWidget | None = None):
        super().__init__(ctx, f"Decision {decision.reference}", parent)
        self.decision = decision
        self.text = QPlainTextEdit(decision.text)
        self.text.setObjectName("decision-text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.resize(600, 360)  # room for the refusal's message and choices under the text
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)  # to add to it
        self.add_field("text", "RESOLVED:", self.text)
        self.edits("Decision", decision.id, decision.version)

    def save_call(self) -> Save:
        db, decision_id, text = self.ctx.db, self.decision.id, self.text.toPlainText()
        return lambda: minutes.update_decision(db, decision_id, text)
