"""What the Stocktake page's tabs share: a read-only table, a named button, a file to save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

SHEETS = "Excel workbook (*.xlsx);;CSV (*.csv)"


def table(model, name: str, stretch: int, fixed=()) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in fixed:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    return view


def button(label: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(label)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def save_name(parent: QWidget, title: str, default: str, kinds: str) -> Path | None:
    name, chosen = QFileDialog.getSaveFileName(parent, title, default, kinds)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv", ".docx"):
        path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    return path
