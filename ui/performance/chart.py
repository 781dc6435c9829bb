"""Drawing a measure's chart with QPainter: values (solid), trajectory (dashed), milestones (◇)
and the latest value in its status colour with the status letter beside it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from ui.performance.model import ChartData

VALUE_INK = QColor("#1f3a5f")
TRAJECTORY = QColor("#7a8793")
FRAME = QColor("#d5dbe1")


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    chart: ChartData,
    status_colour: str,
    letter: str,
    *,
    labels: bool = True,
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(FRAME, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    inner = rect.adjusted(6, 6, -6, -14 if labels else -6)

    def at(x: float, y: float) -> QPointF:
        return QPointF(inner.left() + x * inner.width(), inner.bottom() - y * inner.height())

    if not chart.values and not chart.line:
        painter.setPen(TRAJECTORY)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No values or targets yet")
        painter.restore()
        return
    if len(chart.line) > 1:
        pen = QPen(TRAJECTORY, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF([at(x, y) for x, y in chart.line]))
    small = QFont(painter.font())
    small.setPointSizeF(max(6.5, small.pointSizeF() * 0.75))
    painter.setFont(small)
    for x, y, label in chart.milestones:
        centre = at(x, y)
        diamond = QPolygonF(
            [centre + QPointF(0, -4), centre + QPointF(4, 0), centre + QPointF(0, 4),
             centre + QPointF(-4, 0)]
        )  # fmt: skip
        painter.setPen(QPen(TRAJECTORY, 1))
        painter.setBrush(QColor("white"))
        painter.drawPolygon(diamond)
        if labels:
            painter.drawText(
                QRectF(centre.x() - 16, rect.bottom() - 13, 32, 12),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
    if chart.values:
        painter.setPen(QPen(VALUE_INK, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(chart.values) > 1:
            path = QPainterPath(at(*chart.values[0]))
            for x, y in chart.values[1:]:
                path.lineTo(at(x, y))
            painter.drawPath(path)
        last = at(*chart.values[-1])
        painter.setBrush(QColor(status_colour))
        painter.setPen(QPen(VALUE_INK, 1))
        painter.drawEllipse(last, 4, 4)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(VALUE_INK)
        painter.drawText(
            QRectF(last.x() - 22, last.y() - 18, 16, 14),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            letter,
        )
    painter.restore()
