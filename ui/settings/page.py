"""Settings: the secretary's details used on packs and invitations, and where data lives."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sendboard import paths
from sendboard.services import settings
from sendboard.services.common.changes import Area
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.common.shared_settings import save_shared
from ui.context import AppContext
from ui.settings.database import DatabaseSettings
from ui.settings.email import EmailSettings
from ui.settings.highlights import HighlightSettings
from ui.settings.notice import NoticeSettings


class SettingsPage(Page):
    areas = (Area.SETTINGS,)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.shown: settings.BoardSettings | None = None  # as last read, for save_shared
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(page_heading("Settings"))
        secretary = QGroupBox("Secretary (organiser of invitations, contact on packs)")
        form = QFormLayout(secretary)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.organisation = QLineEdit()
        self.classification = QLineEdit()
        form.addRow("&Name", self.name)
        form.addRow("&Email", self.email)
        form.addRow("&Phone", self.phone)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Classification marking", self.classification)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        form.addRow(buttons)
        layout.addWidget(secretary)
        self.highlights = HighlightSettings(ctx)
        layout.addWidget(self.highlights)
        self.notice = NoticeSettings(ctx)
        layout.addWidget(self.notice)
        self.email_settings = EmailSettings(ctx)
        layout.addWidget(self.email_settings)
        self.database = DatabaseSettings(ctx)
        layout.addWidget(self.database)

        where = QGroupBox("Where data lives")
        where_form = QFormLayout(where)
        where_form.addRow("Database", QLabel(ctx.db.label))
        where_form.addRow("Data folder", QLabel(str(paths.data_dir())))
        if ctx.db.file:
            where_form.addRow("Backups", QLabel(str(paths.backups_dir_for(ctx.db.file))))
        layout.addWidget(where)
        layout.addStretch(1)
        self.scroll = scroll = QScrollArea()  # the groups outgrow a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def open_intent(self, intent: str) -> None:
        """ "details": the secretary's own details, ready to type; "database": the choice of
        this computer's file or a shared server."""
        if intent == "database":
            self.scroll.ensureWidgetVisible(self.database)
            self.database.shared.setFocus()
        elif intent == "details":
            self.scroll.ensureWidgetVisible(self.name)
            self.name.setFocus()

    def refresh(self) -> None:
        self.ctx.tasks.run(lambda: settings.get_settings(self.ctx.db), on_done=self._show)
        self.email_settings.refresh()
        self.highlights.refresh()
        self.notice.refresh()

    def _show(self, values: settings.BoardSettings) -> None:
        self.shown = values
        self.name.setText(values.secretary_name)
        self.email.setText(values.secretary_email)
        self.phone.setText(values.secretary_phone)
        self.organisation.setText(values.secretary_organisation)
        self.classification.setText(values.classification)

    def save(self) -> None:
        values = settings.BoardSettings(
            secretary_name=self.name.text(),
            secretary_email=self.email.text(),
            secretary_phone=self.phone.text(),
            secretary_organisation=self.organisation.text(),
            classification=self.classification.text(),
        )
        save_shared(
            self,
            self.ctx,
            lambda read: settings.save_settings(self.ctx.db, values, read),
            self.shown,
            on_done=self._show,
            on_error=lambda exc: show_error(self, exc),
            reload=self.refresh,
        )
