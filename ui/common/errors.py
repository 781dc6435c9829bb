"""One way to tell the user something went wrong, including when the desktop will not take a
file sendboard hands it (open, show in folder, print): the window says so, and where the file is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sendboard.errors import SendboardError


def error_text(exc: BaseException) -> str:
    if isinstance(exc, SendboardError):
        return str(exc)
    return (
        f"Something unexpected went wrong ({type(exc).__name__}: {exc}). "
        "Nothing was saved from the step that failed."
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str = "sendboard") -> None:
    """Say what went wrong; a write refused because the database was busy offers Retry."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc), parent=parent)
    details = getattr(exc, "__traceback_text__", None)
    if details and not isinstance(exc, SendboardError):
        box.setDetailedText(details)
    retry = getattr(exc, "retry", None)
    if callable(retry):
        box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
    if box.exec() == QMessageBox.StandardButton.Retry and callable(retry):
        retry()


PROBLEM_COLOUR = "#9b1c1c"


def problem_label(object_name: str = "error") -> QLabel:
    """The red line in which a dialog says what stops it saving; hidden until there is one."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR}; font-weight: bold;")
    label.hide()
    return label


def say_problem(label: QLabel, text: str) -> None:
    """Show `text` in a problem label, or hide the label when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


def desktop_failed(parent: QWidget | None, what: str, path: Path, reason: str = "") -> None:
    """Say in the window that a hand-off to the desktop failed, and where the file is."""
    because = f" ({reason})" if reason else ""
    show_error(
        parent,
        SendboardError(f"{what}{because}. The file is saved at {path}; open it from that folder."),
        "sendboard",
    )


def open_file(parent: QWidget | None, path: Path) -> bool:
    """Open a file with the program the computer uses for its kind; say so if none opened it."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    kind = path.suffix.lstrip(".").upper() or "this kind of"
    desktop_failed(
        parent,
        f"No program opened {path.name}: this computer has none set up for {kind} files",
        path,
    )
    return False


def show_in_folder(parent: QWidget | None, path: Path) -> bool:
    """Open the file's folder, with the file selected where the platform allows it."""
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return True
    except OSError as exc:
        desktop_failed(parent, "The folder could not be shown", path, exc.strerror or "")
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
        return True
    desktop_failed(parent, "No file manager opened the folder", path)
    return False
