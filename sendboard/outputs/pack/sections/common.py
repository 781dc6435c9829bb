"""Pieces the live-data sections share: BRAG cells that carry colour and letter, band lookups."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from sendboard.domain.brag import Brag
from sendboard.outputs.pack.content import ScoreBand
from sendboard.outputs.pack.styles import RULE, Styles


def brag_cell(brag: Brag | None, styles: Styles) -> Paragraph:
    """The letter in the cell; the colour comes from `brag_fill` (never colour alone)."""
    if brag is None:
        return Paragraph("–", styles.cell_centre)
    return Paragraph(
        f'<font color="{brag.text_colour}"><b>{brag.letter}</b></font>', styles.cell_centre
    )


def brag_fill(col: int, row: int, brag: Brag | None) -> list[tuple]:
    if brag is None:
        return []
    return [("BACKGROUND", (col, row), (col, row), colors.HexColor(brag.colour))]


def band_for(bands: tuple[ScoreBand, ...], score: int) -> ScoreBand | None:
    for band in bands:
        if band.lowest <= score <= band.highest:
            return band
    return None


def brag_key(styles: Styles) -> Flowable:
    """A one-line legend: B Complete, R Off track, A Some slippage, G On track."""
    cells, commands = [], []
    for col, brag in enumerate(Brag):
        cells += [brag_cell(brag, styles), Paragraph(escape(brag.meaning), styles.cell)]
        commands += brag_fill(col * 2, 0, brag)
    widths = [6 * mm, 20 * mm, 6 * mm, 20 * mm, 6 * mm, 54 * mm, 6 * mm, 20 * mm]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (0, 0), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                *commands,
            ]
        )
    )
    return table


def short_date(value: object) -> str:
    return f"{value:%d/%m/%y}" if value else ""
