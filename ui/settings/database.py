"""Settings → Database: this computer's file or a shared server, tested, saved, moved to.

The choice is this computer's (config.json); the password goes to the keyring only. The
window opens the chosen database from its next start.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from sendboard.domain.wording import counted
from sendboard.services.settings import connection
from sendboard.services.settings.connection import SHARED_SERVER, THIS_COMPUTER, Connection
from ui.common.buttons import set_available
from ui.common.errors import error_text
from ui.context import AppContext

SAVED = "Saved. sendboard opens {where} from its next start."
MOVE_QUESTION = (
    "Copy everything in {source} (every record, the papers and packs stored inside, the audit "
    "trail) to {target}?\n\nThe server's database must be empty. The copy is checked row by "
    "row; then this computer is set to use the shared server from sendboard's next start. "
    "The file here is left as it is."
)


class DatabaseSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Database: this computer or a shared server", parent)
        self.ctx = ctx
        self.setObjectName("database-settings")
        form = QFormLayout(self)
        self.this_computer = QRadioButton("This &computer (a file in the data folder)")
        self.shared = QRadioButton("Shared &server (PostgreSQL, for a secretariat team)")
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.this_computer)
        self.modes.addButton(self.shared)
        form.addRow(self.this_computer)
        form.addRow(self.shared)
        self.host = QLineEdit()
        self.host.setPlaceholderText("e.g. db.council.local")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("kept in this computer's keyring, never in a file")
        self.tls = QCheckBox("Require an encrypted (TLS) connection")
        self.server_fields: list[QWidget] = [
            self.host,
            self.port,
            self.database,
            self.user,
            self.password,
            self.tls,
        ]
        form.addRow("&Host", self.host)
        form.addRow("P&ort", self.port)
        form.addRow("Data&base", self.database)
        form.addRow("&User", self.user)
        form.addRow("Pass&word", self.password)
        form.addRow("", self.tls)
        buttons = QHBoxLayout()
        self.test_button = QPushButton("&Test connection")
        self.save_button = QPushButton("Save database choice")
        self.move_button = QPushButton("&Move to a shared server…")
        for button in (self.test_button, self.save_button, self.move_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.result = QLabel()
        self.result.setObjectName("database-result")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.move_button.clicked.connect(self.move)
        self.shared.toggled.connect(self._enable)
        self.show_choice(connection.load_connection())

    def show_choice(self, choice: Connection) -> None:
        (self.shared if choice.shared else self.this_computer).setChecked(True)
        self.host.setText(choice.host)
        self.port.setValue(choice.port)
        self.database.setText(choice.database)
        self.user.setText(choice.user)
        self.tls.setChecked(choice.tls_required)
        self._enable()

    def _enable(self) -> None:
        shared = self.shared.isChecked()
        why = "" if shared else "choose “Shared server” above first"
        for field in self.server_fields:
            field.setEnabled(shared)
        set_available(self.tls, shared, why)
        set_available(self.test_button, shared, why)
        on_file = self.ctx.db.file is not None
        moving = why or ("" if on_file else "this database is on a shared server already")
        set_available(self.move_button, shared and on_file, moving)

    def choice(self) -> Connection:
        return Connection(
            mode=SHARED_SERVER if self.shared.isChecked() else THIS_COMPUTER,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            tls_required=self.tls.isChecked(),
        )

    def _say(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("" if ok else "QLabel { color: #a4262c; }")

    def test(self) -> None:
        choice, password = self.choice(), self.password.text() or None
        self._say("Connecting…")
        set_available(self.test_button, False, "testing the connection now…")

        def done(text: str, ok: bool = True) -> None:
            set_available(self.test_button, True)
            self._say(text, ok)

        self.ctx.tasks.run(
            lambda: connection.try_connection(choice, password),
            on_done=done,
            on_error=lambda exc: done(error_text(exc), ok=False),
        )

    def save(self) -> None:
        choice = self.choice()
        try:
            connection.save_connection(choice, self.password.text() or None)
        except Exception as exc:
            self._say(error_text(exc), ok=False)
            return
        self.password.clear()
        where = connection.describe(choice)
        self._say(SAVED.format(where=where))

    def move(self) -> None:
        choice, password = self.choice(), self.password.text() or None
        try:
            connection.check(choice)
        except Exception as exc:
            self._say(error_text(exc), ok=False)
            return
        question = MOVE_QUESTION.format(
            source=self.ctx.db.label, target=connection.describe(choice)
        )
        answer = QMessageBox.question(self, "Move to a shared server", question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        set_available(self.move_button, False, "moving the database now…")
        progress = getattr(self.window(), "show_progress", None)

        def copy():  # type: ignore[no-untyped-def]
            from sendboard.services.database.copying import copy_database

            return copy_database(self.ctx.db, connection.server_target(choice, password))

        def done(report) -> None:  # type: ignore[no-untyped-def]
            connection.save_connection(choice, password)
            self._enable()
            self.password.clear()
            self._say(
                f"Moved: {counted(report.rows, 'row')} in {counted(report.tables, 'table')} "
                "copied to "
                f"{report.target} and checked. " + SAVED.format(where=connection.describe(choice))
            )
            if progress:
                progress(1, 1, "Moved to the shared server")

        def failed(exc: Exception) -> None:
            self._enable()
            self._say(error_text(exc), ok=False)
            if progress:
                progress(1, 1, "The move did not finish")

        if progress:
            progress(0, 0, "Copying the database to the shared server…")
        self.ctx.tasks.run(copy, on_done=done, on_error=failed)
