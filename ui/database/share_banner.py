"""The window's banner when the database file sits on a network share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QToolBar

from sendboard.services.database.shares import share_warning
from ui.common.banner import add_banner


def show_share_warning(window: QMainWindow, file: Path) -> QToolBar | None:
    """A banner across the top saying only one person may use the file; None when local."""
    warning = share_warning(str(file))
    return None if warning is None else add_banner(window, "share", "Network share", warning)
