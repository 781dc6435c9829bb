"""The window's notice that the database is open read-only, and the edits it switches off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QToolBar

if TYPE_CHECKING:
    from ui.main_window import MainWindow

NOTICE = (
    "Read-only: {name} cannot be written to (the file or its folder is read-only), so nothing "
    "can be changed here. To make changes, copy it to a folder of your own and open the copy."
)


def show_read_only(window: MainWindow) -> QToolBar:
    """A banner across the top, the status bar saying so, and the File menu's edits disabled.

    Every edit elsewhere is refused by the database with the same reason."""
    name = window.ctx.db.file.name if window.ctx.db.file else window.ctx.db.label
    banner = QToolBar("Read-only", window)
    banner.setObjectName("read-only-banner")
    banner.setMovable(False)
    banner.setFloatable(False)
    note = QLabel(NOTICE.format(name=name))
    note.setObjectName("read-only-note")
    note.setWordWrap(True)
    note.setStyleSheet(
        "QLabel { background: #fff4ce; color: #5c3c00; padding: 6px 10px; font-weight: bold; }"
    )
    banner.addWidget(note)
    window.addToolBar(banner)
    window.database_label.setText(f"Database: {window.ctx.db.label} (read-only)")
    for action in window.edit_actions:
        action.setEnabled(False)
    return banner
