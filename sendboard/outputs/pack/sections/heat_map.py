"""A 5×5 risk heat map in reportlab graphics: likelihood across, impact up, counts in cells."""

from __future__ import annotations

from collections import Counter

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from sendboard.outputs.pack.content import ScoreBand
from sendboard.outputs.pack.fonts import BOLD, REGULAR
from sendboard.outputs.pack.sections.common import band_for

CELL = 11 * mm
LEFT = 12 * mm
BOTTOM = 12 * mm
TOP = 8 * mm


def heat_map(title: str, positions: list[tuple[int, int]], bands: tuple[ScoreBand, ...]) -> Drawing:
    """`positions` are (likelihood, impact) pairs; each cell shows how many risks sit there."""
    counts = Counter(positions)
    width = LEFT + 5 * CELL + 2 * mm
    drawing = Drawing(width, BOTTOM + 5 * CELL + TOP)
    drawing.add(String(LEFT, BOTTOM + 5 * CELL + 3 * mm, title, fontName=BOLD, fontSize=9))
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            band = band_for(bands, likelihood * impact)
            fill = colors.HexColor(band.colour) if band else colors.white
            ink = colors.HexColor(band.text_colour) if band else colors.black
            x = LEFT + (likelihood - 1) * CELL
            y = BOTTOM + (impact - 1) * CELL
            drawing.add(
                Rect(x, y, CELL, CELL, fillColor=fill, strokeColor=colors.white, strokeWidth=1.2)
            )
            count = counts.get((likelihood, impact), 0)
            if count:
                drawing.add(
                    String(
                        x + CELL / 2,
                        y + CELL / 2 - 4,
                        str(count),
                        fontName=BOLD,
                        fontSize=11,
                        fillColor=ink,
                        textAnchor="middle",
                    )
                )
            else:
                drawing.add(
                    String(
                        x + CELL - 2,
                        y + 2,
                        str(likelihood * impact),
                        fontName=REGULAR,
                        fontSize=5.5,
                        fillColor=ink,
                        textAnchor="end",
                    )
                )
    for n in range(1, 6):
        drawing.add(_axis_text(LEFT + (n - 0.5) * CELL, BOTTOM - 4 * mm, str(n)))
        drawing.add(_axis_text(LEFT - 2.5 * mm, BOTTOM + (n - 0.5) * CELL - 2.5, str(n)))
    drawing.add(_axis_text(LEFT + 2.5 * CELL, BOTTOM - 9 * mm, "Likelihood →", size=7.5))
    impact_label = _axis_text(0, 0, "Impact →", size=7.5)
    from reportlab.graphics.shapes import Group

    group = Group(impact_label)
    group.transform = (0, 1, -1, 0, LEFT - 7 * mm, BOTTOM + 2.5 * CELL)
    drawing.add(group)
    return drawing


def _axis_text(x: float, y: float, text: str, size: float = 7) -> String:
    """A scale number or axis name, centred on (x, y): both axes are labelled alike."""
    return String(x, y, text, fontName=REGULAR, fontSize=size, textAnchor="middle")
