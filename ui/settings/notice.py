"""The "Improvement Notice" group of the Settings page: the date the notice was issued, from
which every measure's 3, 6, 12 and 24-month targets are counted."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import prose_date
from sendboard.services import measures
from ui.common.errors import show_error
from ui.common.optional_date import OptionalDateEdit
from ui.context import AppContext

SAVED_STYLE = "color:#006100"


class NoticeSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Improvement Notice", parent)
        self.ctx = ctx
        intro = QLabel(
            "The 3, 6, 12 and 24-month targets of every measure are counted from the date the "
            "notice was issued. Until it is set, a measure's targets count from its own "
            "baseline date. Shared by everyone using this database."
        )
        intro.setWordWrap(True)
        self.notice_date = OptionalDateEdit()
        self.notice_date.setObjectName("notice-date")
        caption = QLabel("Notice &issued on")
        caption.setBuddy(self.notice_date.edit)
        self.message = QLabel()
        self.message.setObjectName("notice-message")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            "&Save notice date", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save-notice-date")
        buttons.accepted.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.notice_date)
        row.addWidget(self.message, 1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(lambda: measures.get_notice_date(db), on_done=self.show_date)

    def show_date(self, day: date | None) -> None:
        self.notice_date.set_value(day)

    def save(self) -> None:
        day, db = self.notice_date.value(), self.ctx.db
        self.message.clear()
        self.ctx.mutate(
            lambda: measures.set_notice_date(db, day),
            on_done=self._saved,
            on_error=lambda exc: show_error(self, exc),
        )

    def _saved(self, day: date | None) -> None:
        self.message.setStyleSheet(SAVED_STYLE)
        self.message.setText(
            f"Saved: targets count from {prose_date(day)}." if day else "Saved: not set."
        )
