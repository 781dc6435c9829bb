"""Priority area progress: how many actions in each area are Blue, Red, Amber, Green or unrated."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from sendboard.domain.brag import Brag
from sendboard.outputs.pack.content import AreaProgress, PriorityProgress
from sendboard.outputs.pack.fonts import BOLD
from sendboard.outputs.pack.sections.common import brag_cell, brag_fill
from sendboard.outputs.pack.styles import Styles, grid_style

BAR_WIDTH = 46 * mm
ORDER: tuple[Brag, ...] = (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)
UNRATED = "#c8c8c8"


def render(progress: PriorityProgress, styles: Styles) -> list[Flowable]:
    head = [Paragraph("Priority area", styles.cell_head)]
    head += [brag_cell(b, styles) for b in ORDER]
    head += [Paragraph(h, styles.cell_head) for h in ("Not rated", "Total", "Progress")]
    data: list[list[object]] = [head]
    commands: list[tuple] = []
    for col, brag in enumerate(ORDER, start=1):
        commands += brag_fill(col, 0, brag)
    for area in progress.areas:
        data.append(
            [
                Paragraph(
                    f"<b>{escape(area.code)}</b> {escape(area.title)}"
                    + (
                        f'<br/><font color="#555555">Lead: {escape(area.lead)}</font>'
                        if area.lead
                        else ""
                    ),
                    styles.cell,
                ),
                *[Paragraph(str(area.counts.get(b, 0)), styles.cell_centre) for b in ORDER],
                Paragraph(str(area.counts.get(None, 0)), styles.cell_centre),
                Paragraph(f"<b>{area.total}</b>", styles.cell_centre),
                _bar(area),
            ]
        )
    widths = (None, 9 * mm, 9 * mm, 9 * mm, 9 * mm, 15 * mm, 12 * mm, BAR_WIDTH + 4 * mm)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(("VALIGN", (1, 1), (-1, -1), "MIDDLE"), *commands))
    return [
        Paragraph(
            "Actions in each priority area by their latest progress rating "
            "(B complete, G on track, A some slippage, R off track).",
            styles.small,
        ),
        Spacer(1, 3 * mm),
        table,
    ]


def _bar(area: AreaProgress) -> Drawing:
    """A stacked bar in B-G-A-R order, each segment labelled with its letter when wide enough."""
    drawing = Drawing(BAR_WIDTH, 5 * mm)
    total = area.total or 1
    x = 0.0
    for brag in (*ORDER, None):
        count = area.counts.get(brag, 0)
        if not count:
            continue
        width = BAR_WIDTH * count / total
        fill = colors.HexColor(brag.colour if brag else UNRATED)
        drawing.add(Rect(x, 0, width, 5 * mm, fillColor=fill, strokeColor=colors.white))
        if brag is not None and width > 3 * mm:
            ink = colors.HexColor(brag.text_colour)
            drawing.add(
                String(
                    x + width / 2,
                    1.3 * mm,
                    brag.letter,
                    fontName=BOLD,
                    fontSize=7,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
        x += width
    return drawing
