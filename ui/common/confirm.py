"""Ask before anything is removed, naming exactly what will go."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_remove(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
