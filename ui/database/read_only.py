"""The window's notice that the database is open read-only, and the edits it switches off."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from ui.common.banner import add_banner

NOTICE = (
    "Read-only: {name} cannot be written to (the file or its folder is read-only), so nothing "
    "can be changed here. To make changes, copy it to a folder of your own and open the copy."
)


def show_read_only(
    window: QMainWindow, name: str, database_label: QLabel, edits: Iterable[QAction]
) -> QToolBar:
    """A banner across the top, the status bar saying so, and the File menu's edits disabled.

    Every edit elsewhere is refused by the database with the same reason."""
    banner = add_banner(window, "read-only", "Read-only", NOTICE.format(name=name))
    database_label.setText(f"{database_label.text()} (read-only)")
    for action in edits:
        action.setEnabled(False)
    return banner
