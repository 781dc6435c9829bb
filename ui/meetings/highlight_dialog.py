"""A priority area's highlight report from a held sub-group meeting: the figures as kept
(read-only), the lead's narrative, and what the sub-group escalates to the board above."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.escalations import EscalationKind
from sendboard.domain.wording import prose_date
from sendboard.errors import SendboardError
from sendboard.services import escalations
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.escalations import AreaReportView, Choice, EscalationInput
from ui.common.confirm import confirm_remove
from ui.common.errors import problem_label, say_problem
from ui.context import AppContext

KINDS = (
    ("An action of this area", EscalationKind.ACTION),
    ("A risk of this area", EscalationKind.RISK),
    ("An issue (type it in)", EscalationKind.ISSUE),
)


def figures_html(area: AreaReportView) -> str:
    f = area.figures
    parts = [f"<b>Actions by latest rating:</b> {escape(f.brag_line)} (total {f.total})"]
    for heading, lines in (
        ("Completed since the sub-group last met", f.completed),
        ("Slipping", f.slipping),
        ("Measures off track", f.off_track),
    ):
        shown = "".join(f"<li>{escape(line)}</li>" for line in lines) or "<li><i>none</i></li>"
        parts.append(f"<b>{heading} ({len(lines)})</b><ul style='margin:0'>{shown}</ul>")
    when = f"Figures as at the meeting, {prose_date(area.figures_on)}"
    kept = "; kept when saved" if area.report_id else "; kept when you save"
    return "<br/>".join(parts) + f"<p style='color:#555'>{when}{kept}.</p>"


#: Where each listed escalation keeps what it is: ("saved", its id) or ("new", its index).
KEY = Qt.ItemDataRole.UserRole


class HighlightReportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        area: AreaReportView,
        choices: tuple[tuple[Choice, ...], tuple[Choice, ...]],
        parent_board: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.area = area
        self.added: list[EscalationInput] = []
        self.removed: list[int] = []
        self.result_value: AreaReportView | None = None
        self.setWindowTitle(f"Highlight report — {area.label}")
        self.setMinimumSize(760, 720)
        layout = QVBoxLayout(self)

        figures = QLabel(figures_html(area))
        figures.setObjectName("figures")
        figures.setWordWrap(True)
        box = QGroupBox("Figures (read-only)")
        QVBoxLayout(box).addWidget(figures)
        layout.addWidget(box)

        narrative_label = QLabel(f"Lead's &narrative{f' ({area.lead})' if area.lead else ''}:")
        self.narrative = QPlainTextEdit(area.narrative)
        self.narrative.setTabChangesFocus(True)
        self.narrative.setFixedHeight(80)
        narrative_label.setBuddy(self.narrative)
        layout.addWidget(narrative_label)
        layout.addWidget(self.narrative)

        to = parent_board or "the board above"
        listed = QGroupBox(f"Escalated to {to}")
        list_layout = QVBoxLayout(listed)
        self.listing = QListWidget()
        self.listing.setObjectName("escalations")
        self.listing.setMinimumHeight(70)
        list_layout.addWidget(self.listing)
        self.remove_button = QPushButton("&Remove from the report…")
        self.remove_button.clicked.connect(self.remove_selected)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        list_layout.addLayout(remove_row)
        layout.addWidget(listed)

        adding = QGroupBox("Add an escalation")
        form = QFormLayout(adding)
        self.kind = QComboBox()
        for label, kind in KINDS:
            self.kind.addItem(label, kind)
        self.subject = QComboBox()
        self.issue = QLineEdit()
        self.issue.setPlaceholderText("What the board above needs to know, in a sentence")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why the sub-group cannot resolve it")
        self.ask = QLineEdit()
        self.ask.setPlaceholderText("What the sub-group asks the board to do")
        form.addRow("&Escalate", self.kind)
        form.addRow("&Which", self.subject)
        form.addRow("&Issue", self.issue)
        form.addRow("Rea&son", self.reason)
        form.addRow("As&k", self.ask)
        self.add_button = QPushButton("&Add to the report")
        self.add_button.clicked.connect(self.add_pending)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        form.addRow(row)
        layout.addWidget(adding)
        self.choices = {EscalationKind.ACTION: choices[0], EscalationKind.RISK: choices[1]}
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.message = problem_label("validation")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._kind_changed()
        self._fill_list()
        self.narrative.setFocus()

    def current_kind(self) -> EscalationKind:
        """The kind chosen (Qt hands the enum back as its plain value)."""
        return EscalationKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.subject.clear()
        options = self.choices.get(kind, ())
        for choice in options:
            self.subject.addItem(choice.label, choice.id)
        is_issue = kind is EscalationKind.ISSUE
        self.subject.setEnabled(not is_issue and bool(options))
        if not is_issue and not options:
            self.subject.addItem(f"No open {kind.value}s in this area", None)
        self.issue.setEnabled(is_issue)

    def _fill_list(self) -> None:
        self.listing.clear()
        for view in self.area.escalations:
            if view.id in self.removed:
                continue
            state = "open" if view.open else f"answered {prose_date(view.responded_on)}"
            item = QListWidgetItem(f"{view.subject} — ask: {view.ask} ({state})")
            item.setData(KEY, ("saved", view.id))
            self.listing.addItem(item)
        for index, data in enumerate(self.added):
            item = QListWidgetItem(f"{self._label(data)} — ask: {data.ask} (new)")
            item.setData(KEY, ("new", index))
            self.listing.addItem(item)
        self.remove_button.setEnabled(self.listing.count() > 0)

    def _label(self, data: EscalationInput) -> str:
        if data.kind is EscalationKind.ISSUE:
            return f"Issue: {data.title}"
        chosen = data.action_id if data.kind is EscalationKind.ACTION else data.risk_id
        found = next((c.label for c in self.choices[data.kind] if c.id == chosen), "")
        return f"{data.kind.label} {found}"

    def add_pending(self) -> None:
        kind = self.current_kind()
        subject = self.subject.currentData()
        if kind is not EscalationKind.ISSUE and subject is None:
            self.show_error(f"Choose the {kind.value} to escalate.")
            return
        if kind is EscalationKind.ISSUE and not self.issue.text().strip():
            self.show_error("Type the issue to escalate.")
            self.issue.setFocus()
            return
        for field, label in ((self.reason, "reason"), (self.ask, "ask")):
            if not field.text().strip():
                self.show_error(f"Give the {label}: the board above needs both.")
                field.setFocus()
                return
        self.added.append(
            EscalationInput(
                kind,
                reason=self.reason.text(),
                ask=self.ask.text(),
                action_id=subject if kind is EscalationKind.ACTION else None,
                risk_id=subject if kind is EscalationKind.RISK else None,
                title=self.issue.text() if kind is EscalationKind.ISSUE else "",
            )
        )
        for field in (self.issue, self.reason, self.ask):
            field.clear()
        self.show_error("")
        self._fill_list()

    def remove_selected(self) -> None:
        item = self.listing.currentItem()
        if item is None:
            self.show_error("Choose the escalation to remove.")
            return
        what, key = item.data(KEY)
        if what == "new":
            del self.added[key]
        elif confirm_remove(
            self,
            "Remove escalation",
            f"Withdraw “{item.text()}”?\nIt leaves the board's agenda when you save; the audit "
            "trail keeps it.",
        ):
            self.removed.append(key)
        self._fill_list()

    def save(self) -> None:
        data = escalations.HighlightInput(
            self.meeting_id,
            self.area.area_id,
            self.narrative.toPlainText(),
            add=tuple(self.added),
            remove=tuple(self.removed),
        )
        db = self.ctx.db
        ticket = (
            Ticket("HighlightReport", self.area.report_id, self.area.version)
            if self.area.report_id
            else None
        )
        self.buttons.setEnabled(False)
        self.ctx.mutate(
            guarded(ticket, lambda: escalations.save_highlight_report(db, data)),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, value: AreaReportView) -> None:
        self.result_value = value
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_error(str(exc) if isinstance(exc, SendboardError) else f"Not saved: {exc}")

    def show_error(self, text: str) -> None:
        say_problem(self.message, text)
