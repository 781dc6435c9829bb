"""One way to tell the user something went wrong."""

from __future__ import annotations

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
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc), parent=parent)
    details = getattr(exc, "__traceback_text__", None)
    if details and not isinstance(exc, SendboardError):
        box.setDetailedText(details)
    box.exec()


PROBLEM_COLOUR = "#9b1c1c"


def problem_label(object_name: str = "error") -> QLabel:
    """The red line in which a dialog says what stops it saving; hidden until there is one."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR}; font-weight: bold;")
    label.hide()
    return label
