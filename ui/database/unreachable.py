"""The question asked when the shared server cannot be reached as the window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

RETRY, LOCAL, QUIT = "retry", "local", "quit"
TITLE = "sendboard cannot reach the database server"
CHOICES = (
    "\\n\\nTry again once the network or VPN is connected, or work in the database file on this "
    "computer for now (its records are separate from the server's)."
)


def ask_unreachable(parent: QWidget | None, reason: str) -> str:
    """Retry, use this computer's file, or quit: RETRY, LOCAL or QUIT."""
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, reason + CHOICES, parent=parent)
    retry = box.addButton("&Retry", QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton("&Use this computer's file", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else LOCAL if clicked is local else QUIT
