"""The action and impact log: highlighted actions first with their reasons, then each area's log."""

from __future__ import annotations

from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from sendboard.domain.wording import counted
from sendboard.outputs.pack.content import ActionLog, ActionRow
from sendboard.outputs.pack.sections.common import brag_cell, brag_fill, brag_key, short_date
from sendboard.outputs.pack.styles import Styles, grid_style

LOG_HEAD = ("Ref", "Action and measurable target", "Owner", "Due", "P", "I", "Latest update")
LOG_WIDTHS = (15 * mm, None, 30 * mm, 17 * mm, 7 * mm, 7 * mm, 44 * mm)
HIGHLIGHT_HEAD = ("Ref", "Action", "Owner", "Why it is highlighted", "P", "I")
HIGHLIGHT_WIDTHS = (15 * mm, None, 30 * mm, 48 * mm, 7 * mm, 7 * mm)


def render(log: ActionLog, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(
            f"{counted(len(log.rows), 'action')}. P is the progress rating and I the impact "
            "rating; "
            "each shows its letter as well as its colour.",
            styles.small,
        ),
        Spacer(1, 2 * mm),
        brag_key(styles),
    ]
    highlighted = [row for row in log.rows if row.highlights]
    story += [CondPageBreak(40 * mm), Paragraph("Highlighted actions", styles.h2)]
    if highlighted:
        story.append(highlight_table(highlighted, styles))
    else:
        story.append(Paragraph("No action is highlighted at this meeting.", styles.body))
    if log.partners:
        story += [
            CondPageBreak(30 * mm),
            Paragraph("Partners whose contributions need strengthening", styles.h2),
            partner_table(log, styles),
        ]
    by_area = sorted(log.rows, key=lambda r: (r.area_code or "~", r.reference))
    for (code, title), rows in groupby(by_area, key=lambda r: (r.area_code, r.area_title)):
        heading = f"{escape(code)} {escape(title)}" if code else "No priority area"
        story += [CondPageBreak(35 * mm), Paragraph(heading, styles.h2)]
        story.append(log_table(list(rows), styles))
    return story


def _due(row: ActionRow) -> str:
    text = short_date(row.original_due)
    if row.revised_due and row.revised_due != row.original_due:
        text = f"<strike>{text}</strike><br/>{short_date(row.revised_due)}" if text else ""
    return text


def _action_text(row: ActionRow) -> str:
    text = escape(row.title)
    if row.target:
        text += f'<br/><font color="#555555">Target: {escape(row.target)}</font>'
    return text


def _owner(row: ActionRow) -> str:
    owner = escape(row.owner)
    if row.organisation:
        owner += f'<br/><font color="#555555">{escape(row.organisation)}</font>'
    return owner


def log_table(rows: list[ActionRow], styles: Styles) -> Table:
    cell = styles.cell
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in LOG_HEAD]]
    fills: list[tuple] = []
    for i, row in enumerate(rows, start=1):
        data.append(
            [
                Paragraph(f"<b>{escape(row.reference)}</b>", cell),
                Paragraph(_action_text(row), cell),
                Paragraph(_owner(row), cell),
                Paragraph(_due(row), cell),
                brag_cell(row.progress, styles),
                brag_cell(row.impact, styles),
                Paragraph(escape(row.update), cell),
            ]
        )
        fills += brag_fill(4, i, row.progress) + brag_fill(5, i, row.impact)
    table = Table(data, colWidths=LOG_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(*fills))
    return table


def partner_table(log: ActionLog, styles: Styles) -> Table:
    data: list[list[object]] = [
        [Paragraph(h, styles.cell_head) for h in ("Organisation", "Why it is highlighted")]
    ]
    data += [
        [
            Paragraph(f"<b>{escape(p.organisation)}</b>", styles.cell),
            Paragraph(escape(p.reason), styles.cell),
        ]
        for p in log.partners
    ]
    table = Table(data, colWidths=(60 * mm, None), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table


def highlight_table(rows: list[ActionRow], styles: Styles) -> Table:
    cell = styles.cell
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in HIGHLIGHT_HEAD]]
    fills: list[tuple] = []
    for i, row in enumerate(rows, start=1):
        reasons = "<br/>".join(f"• {escape(reason)}" for reason in row.highlights)
        data.append(
            [
                Paragraph(f"<b>{escape(row.reference)}</b>", cell),
                Paragraph(_action_text(row), cell),
                Paragraph(_owner(row), cell),
                Paragraph(reasons, cell),
                brag_cell(row.progress, styles),
                brag_cell(row.impact, styles),
            ]
        )
        fills += brag_fill(4, i, row.progress) + brag_fill(5, i, row.impact)
    table = Table(data, colWidths=HIGHLIGHT_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(*fills))
    return table
