"""Recording a board's response to an escalation, which closes it."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import prose_date
from sendboard.errors import SendboardError
from sendboard.services import escalations
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.escalations import EscalationView
from ui.common.errors import problem_label, say_problem
from ui.context import AppContext


class ResponseDialog(QDialog):
    """`meeting_id`/`meeting_day`: the board's meeting shown, offered as where it responded
    when it has taken place (else the response is dated today)."""

    def __init__(
        self,
        ctx: AppContext,
        view: EscalationView,
        meeting_id: int | None,
        meeting_day: date | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.meeting_id = meeting_id
        self.result_value: EscalationView | None = None
        self.setWindowTitle("Record response")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        about = QLabel(
            f"<b>{escape(view.subject)}</b><br/>"
            f"From {escape(view.from_board)}, raised {prose_date(view.raised_on)} ({view.age})<br/>"
            f"<b>Reason:</b> {escape(view.reason)}<br/><b>Ask:</b> {escape(view.ask)}"
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        label = QLabel(f"{escape(view.to_board)}'s &response:")
        self.response = QPlainTextEdit()
        self.response.setTabChangesFocus(True)
        label.setBuddy(self.response)
        layout.addWidget(label)
        layout.addWidget(self.response)
        self.at_meeting = QCheckBox()
        held = meeting_day is not None and meeting_day <= today and meeting_id is not None
        if meeting_day is not None:
            self.at_meeting.setText(
                f"Recorded at this board's meeting of {prose_date(meeting_day)}"
            )
        self.at_meeting.setChecked(held)
        self.at_meeting.setEnabled(held)
        self.at_meeting.setVisible(meeting_day is not None)
        if meeting_day is not None and not held:
            self.at_meeting.setToolTip(
                "That meeting is still to come; the response is dated today."
            )
        layout.addWidget(self.at_meeting)
        self.message = problem_label("validation")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.response.setFocus()

    def save(self) -> None:
        text = self.response.toPlainText()
        if not text.strip():
            say_problem(self.message, "Type the board's response first.")
            self.response.setFocus()
            return
        db, view = self.ctx.db, self.view
        meeting = self.meeting_id if self.at_meeting.isChecked() else None
        self.buttons.setEnabled(False)
        self.ctx.mutate(
            guarded(
                Ticket("Escalation", view.id, view.version),
                lambda: escalations.respond(db, view.id, text, meeting_id=meeting),
            ),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, value: EscalationView) -> None:
        self.result_value = value
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        say_problem(
            self.message, str(exc) if isinstance(exc, SendboardError) else f"Not saved: {exc}"
        )
