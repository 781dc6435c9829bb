"""What a board does with an escalation made to it: records its response, or passes it on to its
own parent board. Either closes the escalation here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import prose_date
from sendboard.errors import SendboardError
from sendboard.services import escalations
from sendboard.services.common.changes import Outcome
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.escalations import EscalationView
from ui.common.errors import problem_label, say_problem
from ui.context import AppContext


class _AnswerDialog(QDialog):
    """The escalation, the fields of the answer, and whether it was given at the board's meeting
    shown: `meeting_id`/`meeting_day`, offered when it has taken place (else dated today)."""

    def __init__(
        self,
        ctx: AppContext,
        view: EscalationView,
        meeting_id: int | None,
        meeting_day: date | None,
        today: date,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.meeting_id = meeting_id
        self.result_value: EscalationView | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        about = QLabel(
            f"<b>{escape(view.subject)}</b><br/>"
            f"From {escape(view.from_board)}, raised {prose_date(view.raised_on)} ({view.age})<br/>"
            f"<b>Reason:</b> {escape(view.reason)}<br/><b>Ask:</b> {escape(view.ask)}"
        )
        about.setWordWrap(True)
        self.layout_.addWidget(about)
        self.add_fields()
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
        self.layout_.addWidget(self.at_meeting)
        self.message = problem_label("validation")
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def add_fields(self) -> None:
        raise NotImplementedError

    def missing(self) -> str:
        """What must still be typed before saving, in words ("" when nothing)."""
        raise NotImplementedError

    def call(self, meeting_id: int | None) -> Callable[[], Outcome[EscalationView]]:
        raise NotImplementedError

    def save(self) -> None:
        missing = self.missing()
        say_problem(self.message, missing)
        if missing:
            return
        view = self.view
        meeting = self.meeting_id if self.at_meeting.isChecked() else None
        self.buttons.setEnabled(False)
        self.ctx.mutate(
            guarded(Ticket("Escalation", view.id, view.version), self.call(meeting)),
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


class ResponseDialog(_AnswerDialog):
    """The board's response, which closes the escalation."""

    def __init__(
        self,
        ctx: AppContext,
        view: EscalationView,
        meeting_id: int | None,
        meeting_day: date | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, view, meeting_id, meeting_day, today, "Record response", parent=parent
        )
        self.response.setFocus()

    def add_fields(self) -> None:
        label = QLabel(f"{escape(self.view.to_board)}'s &response:")
        self.response = QPlainTextEdit()
        self.response.setTabChangesFocus(True)
        label.setBuddy(self.response)
        self.layout_.addWidget(label)
        self.layout_.addWidget(self.response)

    def missing(self) -> str:
        if self.response.toPlainText().strip():
            return ""
        self.response.setFocus()
        return "Type the board's response first."

    def call(self, meeting_id: int | None) -> Callable[[], Outcome[EscalationView]]:
        db, escalation_id, text = self.ctx.db, self.view.id, self.response.toPlainText()
        return lambda: escalations.respond(db, escalation_id, text, meeting_id=meeting_id)


class OnwardDialog(_AnswerDialog):
    """The board passes the escalation to its own parent board, with its own reason and ask."""

    def __init__(
        self,
        ctx: AppContext,
        view: EscalationView,
        onward_to: str,
        meeting_id: int | None,
        meeting_day: date | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        self.onward_to = onward_to
        super().__init__(
            ctx, view, meeting_id, meeting_day, today, f"Escalate to {onward_to}", parent=parent
        )
        self.reason.setFocus()

    def add_fields(self) -> None:
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(f"Why {self.view.to_board} cannot resolve it")
        self.ask = QLineEdit()
        self.ask.setPlaceholderText(f"What {self.view.to_board} asks {self.onward_to} to do")
        form.addRow("Rea&son", self.reason)
        form.addRow("As&k", self.ask)
        self.layout_.addLayout(form)

    def missing(self) -> str:
        for field, name in ((self.reason, "reason"), (self.ask, "ask")):
            if not field.text().strip():
                field.setFocus()
                return f"Give the {name} for {self.onward_to}."
        return ""

    def call(self, meeting_id: int | None) -> Callable[[], Outcome[EscalationView]]:
        db, escalation_id = self.ctx.db, self.view.id
        reason, ask = self.reason.text(), self.ask.text()
        return lambda: escalations.escalate_onward(
            db, escalation_id, reason, ask, meeting_id=meeting_id
        )
