"""A small vector chart of one measure: its values, the target trajectory, and milestones."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from sendboard.outputs.pack.content import MeasureChart
from sendboard.outputs.pack.fonts import BOLD, REGULAR

WIDTH = 62 * mm
HEIGHT = 24 * mm
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 2 * mm, 2 * mm, 3 * mm, 4 * mm
VALUE_INK = colors.HexColor("#1f3a5f")
TRAJECTORY = colors.HexColor("#7a8793")
FRAME = colors.HexColor("#d5dbe1")


def chart_drawing(measure: MeasureChart) -> Drawing:
    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(Rect(0, 0, WIDTH, HEIGHT, fillColor=None, strokeColor=FRAME, strokeWidth=0.4))
    days = [d for d, _ in (*measure.values, *measure.line)]
    numbers = [v for _, v in (*measure.values, *measure.line)]
    if not days:
        drawing.add(
            String(WIDTH / 2, HEIGHT / 2, "No values or targets yet", fontName=REGULAR,
                   fontSize=6.5, fillColor=TRAJECTORY, textAnchor="middle")
        )  # fmt: skip
        return drawing
    first, last = min(days), max(days)
    low, high = min(numbers), max(numbers)
    if high == low:
        low, high = low - 1, high + 1
    span = max((last - first).days, 1)
    margin = (high - low) * 0.08

    def x(day: date) -> float:
        return PAD_LEFT + (WIDTH - PAD_LEFT - PAD_RIGHT) * (day - first).days / span

    def y(value: float) -> float:
        share = (value - low + margin) / (high - low + 2 * margin)
        return PAD_BOTTOM + (HEIGHT - PAD_TOP - PAD_BOTTOM) * share

    if len(measure.line) > 1:
        points = [c for d, v in measure.line for c in (x(d), y(v))]
        drawing.add(
            PolyLine(points, strokeColor=TRAJECTORY, strokeWidth=0.8, strokeDashArray=[2, 1.5])
        )
    for day, value, label in measure.milestones:
        cx, cy, r = x(day), y(value), 1.3
        drawing.add(
            Polygon([cx, cy + r, cx + r, cy, cx, cy - r, cx - r, cy], fillColor=colors.white,
                    strokeColor=TRAJECTORY, strokeWidth=0.6)
        )  # fmt: skip
        drawing.add(
            String(cx, 0.8 * mm, label, fontName=REGULAR, fontSize=5, fillColor=TRAJECTORY,
                   textAnchor="middle")
        )  # fmt: skip
    if measure.values:
        points = [c for d, v in measure.values for c in (x(d), y(v))]
        if len(measure.values) > 1:
            drawing.add(PolyLine(points, strokeColor=VALUE_INK, strokeWidth=1.1))
        day, value = measure.values[-1]
        status = colors.HexColor(measure.status.colour)
        drawing.add(
            Circle(x(day), y(value), 1.6, fillColor=status, strokeColor=VALUE_INK, strokeWidth=0.5)
        )
        drawing.add(
            String(x(day) - 2.2, y(value) + 2.2, measure.status.letter, fontName=BOLD,
                   fontSize=6, fillColor=VALUE_INK, textAnchor="end")
        )  # fmt: skip
    return drawing
