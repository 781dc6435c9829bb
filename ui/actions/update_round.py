"""The update round: action by action, type the update, rate it, press Enter for the next.

Keys: in the update text, Enter saves and moves on (Shift+Enter for a new line). In the rating
boxes, R/A/G/B set progress (first box) or impact (second box); Shift+R/A/G/B sets impact from
either box. Ctrl+Right skips an action; Escape closes the round.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.services import actions
from sendboard.services.actions import ActionView, UpdateInput
from ui.actions.detail import badge
from ui.actions.table import short_date
from ui.common.brag_picker import BragPicker
from ui.common.errors import error_text, problem_label
from ui.context import AppContext

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class UpdateRoundDialog(QDialog):
    def __init__(self, ctx: AppContext, rows: list[ActionView]) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows = rows
        self.position = 0
        self.saved = 0
        self.setWindowTitle("Update round")
        self.setMinimumSize(680, 460)

        self.counter = QLabel()
        self.counter.setObjectName("round-counter")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setTextFormat(Qt.TextFormat.RichText)
        self.previous.setStyleSheet("background: #f4f4f4; padding: 6px;")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            "What happened this cycle, and the evidence of impact on children and families"
        )
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        self.progress = BragPicker()
        self.progress.setObjectName("progress-picker")
        self.impact = BragPicker()
        self.impact.setObjectName("impact-picker")
        for picker in (self.progress, self.impact):
            picker.shifted.connect(self.impact.set_value)
            picker.installEventFilter(self)
        self.error = problem_label()
        self.save_button = QPushButton("&Save and next  (Enter)")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        skip = QPushButton("S&kip  (Ctrl+→)")
        skip.setAutoDefault(False)
        skip.clicked.connect(self.skip)
        close = QPushButton("&Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+Right"), self, activated=self.skip)

        form = QFormLayout()
        update_label = QLabel("&Update")
        update_label.setBuddy(self.text)
        progress_label = QLabel("&Progress  (R/A/G/B)")
        progress_label.setBuddy(self.progress)
        impact_label = QLabel("I&mpact  (Shift+R/A/G/B)")
        impact_label.setBuddy(self.impact)
        form.addRow(update_label, self.text)
        form.addRow(progress_label, self.progress)
        form.addRow(impact_label, self.impact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(skip)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.heading)
        layout.addWidget(self.previous)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setTabOrder(self.text, self.progress)
        self.setTabOrder(self.progress, self.impact)
        self.setTabOrder(self.impact, self.save_button)
        self._show()

    @property
    def current(self) -> ActionView | None:
        return self.rows[self.position] if self.position < len(self.rows) else None

    def _show(self) -> None:
        self.error.hide()
        view = self.current
        if view is None:
            self.counter.setText(f"<b>Round complete</b> — {counted(self.saved, 'update')} saved.")
            self.heading.setText("Every action in this round has an update for this cycle.")
            self.previous.hide()
            for widget in (self.text, self.progress, self.impact, self.save_button):
                widget.setEnabled(False)
            return
        self.counter.setText(
            f"Action {self.position + 1} of {len(self.rows)} · {self.saved} saved this round"
        )
        due = short_date(view.due) or "no due date"
        reasons = "".join(f"<br>⚑ {escape(r)}" for r in view.highlights)
        self.heading.setText(
            f"<h3>{escape(view.reference)} — {escape(view.title)}</h3>"
            f"Owner: <b>{escape(view.owner_name)}</b> · Due {due}"
            f'<span style="color:#8a3b00">{reasons}</span>'
        )
        if view.last_update_on:
            self.previous.setText(
                f"<b>Last update, {short_date(view.last_update_on)}</b> — progress "
                f"{badge(view.progress)}, impact {badge(view.impact)}<br>"
                f"{escape(view.last_update)}"
            )
        else:
            self.previous.setText("<b>No update yet.</b>")
        self.previous.show()
        self.text.clear()
        self.progress.set_value(None)
        self.impact.set_value(None)
        self.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.key() in ENTER:
            if watched is self.text and shift:
                return False  # Shift+Enter: a new line in the update
            self.save()
            return True
        return False

    def set_ratings(self, progress: Brag | None, impact: Brag | None) -> None:
        self.progress.set_value(progress)
        self.impact.set_value(impact)

    def save(self) -> None:
        view = self.current
        if view is None:
            return
        if self.progress.value() is None:
            self._problem("Rate progress first: press R, A, G or B in the Progress box.")
            self.progress.setFocus()
            return
        if not self.text.toPlainText().strip():
            self._problem("Write the update before saving.")
            self.text.setFocus()
            return
        data = UpdateInput(
            action_id=view.id,
            text=self.text.toPlainText(),
            progress=self.progress.value(),
            impact=self.impact.value(),
        )
        self.setEnabled(False)
        self.ctx.mutate(
            lambda: actions.add_update(self.ctx.db, data),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, _detail: object) -> None:
        self.saved += 1
        self.setEnabled(True)
        self.position += 1
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        self._problem(error_text(exc))

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def skip(self) -> None:
        if self.current is not None:
            self.position += 1
            self._show()
