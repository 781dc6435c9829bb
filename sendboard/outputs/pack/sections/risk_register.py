"""The risk register: inherent and residual heat maps, the register by residual score, changes."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from sendboard.domain.highlights import long_date
from sendboard.domain.wording import counted
from sendboard.outputs.pack.content import RiskRegister, RiskRow, ScoreBand
from sendboard.outputs.pack.sections.common import band_for, short_date
from sendboard.outputs.pack.sections.heat_map import heat_map
from sendboard.outputs.pack.styles import Styles, grid_style

HEAD = ("Ref", "Risk and controls", "Owner", "Inherent", "Residual", "Target", "Trend")
WIDTHS = (14 * mm, None, 28 * mm, 19 * mm, 19 * mm, 19 * mm, 15 * mm)


def render(register: RiskRegister, styles: Styles) -> list[Flowable]:
    rows = sorted(register.rows, key=lambda r: (-r.residual_score, -r.inherent_score, r.reference))
    story: list[Flowable] = [
        Paragraph(
            f"{counted(len(rows), 'open risk')}, scored likelihood × impact (1–5 each). "
            "Each cell of a heat map shows how many risks sit there.",
            styles.small,
        ),
        Spacer(1, 3 * mm),
        _maps(rows, register.bands),
        Spacer(1, 2 * mm),
        _band_key(register.bands, styles),
        CondPageBreak(40 * mm),
        Paragraph("Register, highest residual score first", styles.h2),
    ]
    story.append(_register_table(rows, register.bands, styles) if rows else _none(styles))
    story += [CondPageBreak(30 * mm), *_changes(register, [r for r in rows if r.change], styles)]
    return story


def _changes(register: RiskRegister, changed: list[RiskRow], styles: Styles) -> list[Flowable]:
    """What moved since the board's previous meeting, named with its date."""
    board = escape(register.board) if register.board else "board"
    if register.last_review is None:
        return [
            Paragraph("Changes since the last review", styles.h2),
            Paragraph(
                f"The {board} has no earlier meeting on record, so each risk's movement at its "
                "latest review is shown.",
                styles.body,
            ),
            _changes_table(changed, styles)
            if changed
            else Paragraph("No risk moved at its latest review.", styles.body),
        ]
    since = f"the {board} on {long_date(register.last_review)}"
    return [
        Paragraph(f"Changes since {since}", styles.h2),
        _changes_table(changed, styles)
        if changed
        else Paragraph(f"No risk has changed since {since}.", styles.body),
    ]


def _none(styles: Styles) -> Paragraph:
    return Paragraph("There are no open risks on the register.", styles.body)


def _maps(rows: list[RiskRow], bands: tuple[ScoreBand, ...]) -> Table:
    inherent = heat_map("Inherent (before controls)", [r.inherent for r in rows], bands)
    residual = heat_map("Residual (after controls)", [r.residual for r in rows], bands)
    table = Table([[inherent, residual]], hAlign="CENTER", colWidths=[85 * mm, 85 * mm])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _band_key(bands: tuple[ScoreBand, ...], styles: Styles) -> Table:
    cells, commands = [], []
    for i, band in enumerate(bands):
        text = f"<b>{escape(band.label)}</b> {band.lowest}–{band.highest}"
        cells.append(
            Paragraph(f'<font color="{band.text_colour}">{text}</font>', styles.cell_centre)
        )
        commands.append(("BACKGROUND", (i, 0), (i, 0), colors.HexColor(band.colour)))
    table = Table([cells], colWidths=[32 * mm] * len(bands), hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _score(cell: tuple[int, int] | None, bands: tuple[ScoreBand, ...], styles: Styles):
    if cell is None:
        return Paragraph("–", styles.cell_centre), []
    value = cell[0] * cell[1]
    band = band_for(bands, value)
    label = band.label if band else ""
    ink = band.text_colour if band else "#000000"
    text = f'<font color="{ink}"><b>{value}</b> ({cell[0]}×{cell[1]})<br/>{escape(label)}</font>'
    fill = colors.HexColor(band.colour) if band else colors.white
    return Paragraph(text, styles.cell_centre), [fill]


def _register_table(rows: list[RiskRow], bands: tuple[ScoreBand, ...], styles: Styles) -> Table:
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in HEAD]]
    commands: list[tuple] = []
    for i, row in enumerate(rows, start=1):
        text = f"<b>{escape(row.title)}</b>"
        if row.controls:
            text += f'<br/><font color="#555555">Controls: {escape(row.controls)}</font>'
        cells: list[object] = [
            Paragraph(f"<b>{escape(row.reference)}</b>", styles.cell),
            Paragraph(text, styles.cell),
            Paragraph(
                escape(row.owner)
                + (f"<br/>Reviewed {short_date(row.last_reviewed)}" if row.last_reviewed else ""),
                styles.cell,
            ),
        ]
        for col, value in ((3, row.inherent), (4, row.residual), (5, row.target)):
            para, fill = _score(value, bands, styles)
            cells.append(para)
            commands += [("BACKGROUND", (col, i), (col, i), f) for f in fill]
        cells.append(Paragraph(escape(row.trend), styles.cell_centre))
        data.append(cells)
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(*commands))
    return table


def _changes_table(rows: list[RiskRow], styles: Styles) -> Table:
    data: list[list[object]] = [
        [Paragraph(h, styles.cell_head) for h in ("Ref", "Risk", "What changed")]
    ]
    for row in rows:
        data.append(
            [
                Paragraph(f"<b>{escape(row.reference)}</b>", styles.cell),
                Paragraph(escape(row.title), styles.cell),
                Paragraph(escape(row.change), styles.cell),
            ]
        )
    table = Table(data, colWidths=(14 * mm, 70 * mm, None), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table
