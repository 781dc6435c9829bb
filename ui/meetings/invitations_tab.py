"""The meeting's Invitations tab: compliance badge, who is invited, send, and the evidence log."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.compliance import LATE_NOTE, describe_missing
from sendboard.domain.governance import StatutoryRole
from sendboard.domain.wording import counted
from sendboard.errors import LateHandOffError, ValidationError
from sendboard.services import mail as mail_service
from sendboard.services import people, settings
from sendboard.services.common.changes import Area
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import invitations
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.common.view_state import ColumnMemory, SplitterMemory, fit_columns
from ui.context import AppContext
from ui.meetings.guest import GuestDialog
from ui.meetings.invitation_preview import InvitationPreview
from ui.meetings.invitations_model import HandOffTableModel, InvitationTableModel
from ui.meetings.tabs import MeetingTab

GREEN = "background:#2e8b57;color:white;border-radius:4px;padding:6px 10px;font-weight:bold"
RED = "background:#c0392b;color:white;border-radius:4px;padding:6px 10px;font-weight:bold"


@dataclass(frozen=True)
class _Loaded:
    meeting_id: int
    rows: list[invitations.InvitationView]
    missing: tuple[StatutoryRole, ...]
    log: list[hand_offs.HandOffView]
    organiser_email: str


def _table(model: object, settings_key: str, widest: int) -> QTableView:
    view = QTableView()
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # list order
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    ColumnMemory(view, settings_key, fit=lambda: fit_columns(view, cap=widest))
    return view


class InvitationsTab(MeetingTab):
    title = "&Invitations"
    areas = (Area.MEETINGS, Area.PEOPLE, Area.BOARDS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.built: set[int] = set()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.badge = QLabel()
        self.badge.setObjectName("compliance-badge")
        self.badge.setWordWrap(True)
        top.addWidget(self.badge, 1)
        self.send_button = QPushButton("Sen&d invitation…")
        self.send_button.clicked.connect(lambda: self.send())
        top.addWidget(self.send_button)
        layout.addLayout(top)
        self.send_reason = QLabel()
        self.send_reason.setWordWrap(True)
        self.send_reason.setStyleSheet("color:#a01010")
        self.send_reason.hide()
        layout.addWidget(self.send_reason)

        self.model = InvitationTableModel()
        self.table = _table(self.model, "invited", 230)
        self.log_model = HandOffTableModel()
        self.log = _table(self.log_model, "hand-off-log", 420)

        invitees = QWidget()
        invitees_layout = QVBoxLayout(invitees)
        invitees_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>Invited</b>")
        invitees_layout.addWidget(heading)
        invitees_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_guest_button = QPushButton("Add gu&est…")
        self.add_guest_button.clicked.connect(self.add_guest)
        self.add_substitute_button = QPushButton("Add s&ubstitute…")
        self.add_substitute_button.clicked.connect(self.add_substitute)
        self.remove_button = QPushButton("Remo&ve")
        self.remove_button.clicked.connect(self.remove)
        self.rebuild_button = QPushButton("Update fro&m board")
        self.rebuild_button.setToolTip("Add current members and required-role holders not listed")
        self.rebuild_button.clicked.connect(lambda: self.rebuild(say=True))
        for button in (
            self.add_guest_button,
            self.add_substitute_button,
            self.remove_button,
            self.rebuild_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        invitees_layout.addLayout(buttons)
        #: What "Update from board" last did to the list.
        self.list_note = QLabel()
        self.list_note.setObjectName("list-note")
        self.list_note.setWordWrap(True)
        self.list_note.hide()
        self._noted_meeting: int | None = None
        invitees_layout.addWidget(self.list_note)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.remove)

        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(QLabel("<b>Hand-off log</b> (evidence of every invitation sent)"))
        log_layout.addWidget(self.log, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(invitees)
        split.addWidget(log_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 110])  # invitees first: the log is evidence, read less often
        self.split_memory = SplitterMemory(split, "invitations")
        layout.addWidget(split, 1)
        self.missing: tuple[StatutoryRole, ...] = ()
        self._show_empty()

    # Loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            self._show_empty()
            return
        db = self.ctx.db

        def load() -> _Loaded:
            return _Loaded(
                meeting_id=meeting_id,
                rows=invitations.list_invitations(db, meeting_id),
                missing=invitations.check_gate(db, meeting_id),
                log=hand_offs.list_hand_offs(db, meeting_id),
                organiser_email=settings.get_settings(db).secretary_email,
            )

        self.ctx.tasks.run(load, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show_empty(self) -> None:
        self.model.set_rows([])
        self.log_model.set_rows([])
        self.badge.setText("No meeting chosen")
        self.badge.setStyleSheet("")
        self.send_reason.setText("")
        for button in (
            self.send_button,
            self.add_guest_button,
            self.add_substitute_button,
            self.remove_button,
            self.rebuild_button,
        ):
            set_available(button, False, "select a meeting first")

    def _show(self, loaded: _Loaded) -> None:
        if loaded.meeting_id != self.meeting_id:
            return  # the user moved on to another meeting meanwhile
        if loaded.meeting_id != self._noted_meeting:
            self.list_note.hide()
            self._noted_meeting = loaded.meeting_id
        if not loaded.rows and loaded.meeting_id not in self.built:
            self.built.add(loaded.meeting_id)  # first look: fill the list from the board
            self.rebuild()
        self.missing = loaded.missing
        self.model.organiser_email = loaded.organiser_email
        self.model.set_rows(loaded.rows)
        self.log_model.set_rows(loaded.log)
        if loaded.missing:
            self.badge.setText("✗ " + describe_missing(loaded.missing))
            self.badge.setStyleSheet(RED)
            self.send_reason.setText(
                "Sending is blocked: the Improvement Notice requires these roles to be invited "
                "to every meeting. Add the person with an email address, or as a guest."
            )
        else:
            self.badge.setText("✓ All required roles invited")
            self.badge.setStyleSheet(GREEN)
            self.send_reason.setText("")
        self._enable_send()
        self.send_reason.setVisible(bool(self.send_reason.text()))
        for button in (
            self.add_guest_button,
            self.add_substitute_button,
            self.remove_button,
            self.rebuild_button,
        ):
            set_available(button, True)

    def _enable_send(self) -> None:
        """Send is blocked while a required role is missing, and says so."""
        set_available(self.send_button, not self.missing, self.send_reason.text())

    def selected(self) -> invitations.InvitationView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        proxy = self.table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        return self.model.row_at(proxy.mapToSource(rows[0]).row())

    # Actions -------------------------------------------------------------------------------

    def rebuild(self, say: bool = False) -> None:
        """Update the list from the board; with `say`, tell what changed (or that nothing did)."""
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        self.ctx.mutate(
            lambda: invitations.update_from_board(self.ctx.db, meeting_id),
            on_done=lambda update: say and self._say_updated(meeting_id, update),
            on_error=lambda e: show_error(self, e),
        )

    def _say_updated(self, meeting_id: int, update: invitations.ListUpdate) -> None:
        if meeting_id != self.meeting_id:
            return
        self.list_note.setText(update.summary)
        self.list_note.show()

    def _ask_person(self, title: str, on_input) -> None:  # type: ignore[no-untyped-def]
        def chosen(contacts: list[people.PersonView]) -> None:
            dialog = GuestDialog(contacts, title, self)

            def attempt() -> None:
                data = dialog.value()
                self.ctx.mutate(
                    lambda: on_input(data),
                    on_done=lambda _: QDialog.accept(dialog),
                    on_error=lambda e: dialog.show_error(str(e)),
                )

            dialog.accept = attempt  # type: ignore[method-assign]
            dialog.open()

        self.ctx.tasks.run(lambda: people.list_people(self.ctx.db), on_done=chosen)

    def add_guest(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._ask_person(
            "Add a guest",
            lambda data: invitations.add_guest(self.ctx.db, meeting_id, data),
        )

    def add_substitute(self) -> None:
        meeting_id = self.meeting_id
        original = self.selected()
        if meeting_id is None or original is None:
            QMessageBox.information(
                self, "Add substitute", "Select the member the substitute stands in for first."
            )
            return
        self._ask_person(
            f"Substitute for {original.name}",
            lambda data: invitations.add_substitute(self.ctx.db, meeting_id, original.id, data),
        )

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        warning = ""
        if row.statutory_role is not None:
            warning = (
                f"\n\n{row.name} is the {row.statutory_role.label}: without another holder "
                "invited, invitations for this meeting cannot be sent."
            )
        answer = QMessageBox.question(
            self, "Remove from list", f"Take {row.name} off this meeting's list?{warning}"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.mutate(
            lambda: invitations.remove_invitation(self.ctx.db, row.id),
            on_error=lambda e: show_error(self, e),
        )

    def send(self, late: bool = False) -> None:
        """Prepare and preview the invitation. Once the meeting has started it is refused, and
        the secretary is asked whether she is recording a late invitation (`late`)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        if self.missing:
            show_error(self, ValidationError(describe_missing(self.missing)))
            return
        set_available(self.send_button, False, "preparing the invitation…")

        def prepare():  # type: ignore[no-untyped-def]
            result = hand_offs.prepare_invitation(self.ctx.db, meeting_id, late=late)
            text = mail_service.draft_text(self.ctx.db, result.value)
            return result, text, mail_service.effective_backends()

        def failed(exc: Exception) -> None:
            self._enable_send()
            if isinstance(exc, LateHandOffError) and not late:
                if self.ask_late(str(exc)):
                    self.send(late=True)
                return
            show_error(self, exc)

        self.ctx.tasks.run(
            prepare, on_done=lambda p: self._preview(p, late), on_error=failed, write=True
        )

    def ask_late(self, reason: str) -> bool:
        """Nothing is recorded unless she says, explicitly, that this is a late invitation."""
        box = QMessageBox(QMessageBox.Icon.Warning, "The meeting has started", reason, parent=self)
        box.setInformativeText(
            "If you are recording an invitation that is going out late, record it as late: "
            "the hand-off log and the compliance record will show it as late, beside any "
            "invitation sent before the meeting, never in its place."
        )
        record = box.addButton("Record a &late invitation…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is record

    def _preview(self, prepared, late: bool = False) -> None:  # type: ignore[no-untyped-def]
        result, text, backends = prepared
        self.ctx.announce(result.changes)
        package = result.value
        dialog = InvitationPreview(package, text.subject, text.body, backends, self, late=late)
        self.preview = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._enable_send()
            return
        subject, body = dialog.subject.text(), dialog.body.toPlainText()
        files = tuple(dialog.attachments())
        addressing = dialog.addressing()

        def failed(exc: Exception) -> None:
            self._enable_send()
            show_error(self, exc)

        # Not on the writer: a mail program's own dialog may stay open for minutes, and the
        # evidence is written with its own short transaction when the hand-off returns.
        self.ctx.tasks.run(
            lambda: mail_service.send_invitation(
                self.ctx.db, package, subject, body, files, addressing, late=late
            ),
            on_done=self._sent,
            on_error=failed,
        )

    def _sent(self, outcome) -> None:  # type: ignore[no-untyped-def]
        self.ctx.announce(outcome.changes)
        result = outcome.value
        self._enable_send()
        late = " as a late invitation" if result.log.note.startswith(LATE_NOTE) else ""
        recipients = counted(len(result.log.recipients), "recipient")
        QMessageBox.information(
            self,
            "Invitation handed over",
            f"{result.status}.\n\nLogged{late} for {recipients} at "
            f"{result.log.at.astimezone():%H:%M}. Check the message and send it from your "
            "mail program.",
        )
