"""The chosen measure in full: what it measures, its chart, targets, values and history."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.measures import Point, expected_at, trajectory
from sendboard.domain.wording import prose_date, table_time
from sendboard.services.measures import MeasureView, ValueRow
from ui.performance.chart import paint_chart
from ui.performance.model import ChartData, chart_data


class ChartView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.chart: ChartData | None = None
        self.colour, self.letter = "#d0d0d0", ""
        self.setMinimumHeight(170)

    def sizeHint(self) -> QSize:
        return QSize(360, 190)

    def show_view(self, view: MeasureView | None) -> None:
        self.chart = chart_data(view) if view else None
        if view:
            self.colour, self.letter = view.status.colour, view.status.letter
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        paint_chart(
            painter,
            QRectF(self.rect().adjusted(1, 1, -2, -2)),
            self.chart,
            self.colour,
            self.letter,
        )
        painter.end()


def _table(headings: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class MeasureDetail(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("measure-detail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel("Choose a measure to see its values and history.")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("measure-status")
        self.status.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.chart = ChartView()
        self.values = _table(("Period", "Value", "Target", "Entered by", "Note"), "measure-values")
        self.history = _table(("Entered", "Period", "Value", "By", "Note"), "measure-history")
        for widget in (self.title, self.status, self.about, self.chart):
            layout.addWidget(widget)
        layout.addWidget(QLabel("Values (latest first)"))
        layout.addWidget(self.values, 2)
        layout.addWidget(QLabel("History: every value entered, corrections included"))
        layout.addWidget(self.history, 1)
        self.view: MeasureView | None = None

    def show_view(self, view: MeasureView | None) -> None:
        self.view = view
        self.chart.show_view(view)
        if view is None:
            self.title.setText("Choose a measure to see its values and history.")
            for label in (self.status, self.about):
                label.clear()
            _fill(self.values, [])
            _fill(self.history, [])
            return
        status = view.status
        self.title.setText(f"{view.reference} {view.name}")
        lines = [f"{status.letter} {status.label}: {view.assessment.reason}"]
        lines += [f"Slippage: {s}" for s in view.slippage]
        self.status.setText("\n".join(lines))
        self.status.setStyleSheet(
            f"background: {status.colour}; color: {status.text_colour}; padding: 4px"
        )
        targets = ", ".join(f"{t.label} {view.shown(t.value)}" for t in view.targets)
        baseline = (
            f"Baseline {view.shown(view.baseline_value)} at {prose_date(view.baseline_date)}. "
            if view.baseline_date and view.baseline_value is not None
            else "No baseline. "
        )
        self.about.setText(
            f"{view.definition}\n{view.direction.label}; {view.frequency.label.lower()}; "
            f"source: {view.data_source or 'not given'}; owner: {view.owner_name or 'none'}.\n"
            f"{baseline}{targets or 'No targets set.'}"
        )
        start = (
            Point(view.baseline_date, view.baseline_value)
            if view.baseline_date and view.baseline_value is not None
            else None
        )
        line = trajectory(start, view.milestones)
        rows = []
        for value in reversed(view.values):
            planned = expected_at(line, value.period_end)
            rows.append(
                (
                    value.period,
                    view.shown(value.value),
                    view.shown(planned) if planned is not None else "",
                    value.entered_by,
                    value.note + (" (corrected)" if value.corrections else ""),
                )
            )
        _fill(self.values, rows)

    def show_history(self, rows: tuple[ValueRow, ...]) -> None:
        shown = self.view.shown if self.view else str
        _fill(
            self.history,
            [
                (
                    table_time(r.recorded_at),
                    r.period,
                    shown(r.value),  # type: ignore[operator]
                    r.entered_by,
                    ("Correction. " if r.corrects_id else "")
                    + ("" if r.current else "Replaced. ")
                    + r.note,
                )
                for r in rows
            ],
        )
