"""Reading and setting a form field's value whatever its widget, for putting stored values
(another user's saved changes, or the record as first read) back into a form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)


def read(widget: QWidget) -> Any:
    """The widget's value as a snapshot that `write` can put back exactly."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return ("combo", widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateEdit):
        return widget.date()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return None


def restore(widget: QWidget, snapshot: Any) -> None:
    """Put back what `read` took."""
    if isinstance(snapshot, tuple) and isinstance(widget, QComboBox):
        _, index, text = snapshot
        widget.setCurrentIndex(index)
        if widget.isEditable():
            widget.setEditText(text)
    elif snapshot is not None:
        _set(widget, snapshot)


def write(widget: QWidget, stored: Any) -> bool:
    """Show a value as stored in the database (JSON from the audit trail: text, numbers,
    ISO dates, enum values, ids); False when this widget cannot show it."""
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            data = widget.itemData(index)
            if data == stored or getattr(data, "value", object()) == stored:
                widget.setCurrentIndex(index)
                return True
        if widget.isEditable() and isinstance(stored, str):
            widget.setEditText(stored)
            return True
        return False
    if isinstance(widget, QDateEdit) and isinstance(stored, str):
        try:
            day = date.fromisoformat(stored[:10])
        except ValueError:
            return False
        widget.setDate(QDate(day.year, day.month, day.day))
        return True
    if isinstance(widget, QAbstractSpinBox) and not isinstance(stored, int | float):
        return False
    return _set(widget, stored)


def _set(widget: QWidget, value: Any) -> bool:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QDateEdit) and isinstance(value, QDate):
        widget.setDate(value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        return False
    return True
