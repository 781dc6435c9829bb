"""The window's banner when the database file sits on a network share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QToolBar

from sendboard.services.database.shares import share_warning

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def show_share_warning(window: MainWindow) -> QToolBar | None:
    """A banner across the top saying only one person may use the file; None when local."""
    file = window.ctx.db.file
    warning = share_warning(str(file)) if file is not None else None
    if warning is None:
        return None
    banner = QToolBar("Network share", window)
    banner.setObjectName("share-banner")
    banner.setMovable(False)
    banner.setFloatable(False)
    note = QLabel(warning)
    note.setObjectName("share-note")
    note.setWordWrap(True)
    note.setStyleSheet(
        "QLabel { background: #fff4ce; color: #5c3c00; padding: 6px 10px; font-weight: bold; }"
    )
    banner.addWidget(note)
    window.addToolBar(banner)
    return banner
