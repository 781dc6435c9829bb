"""Under "Priority area updates", after the BRAG table: the sub-groups' highlight reports since
the board last met, and the escalations awaiting the board's response."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from sendboard.domain.brag import Brag
from sendboard.outputs.pack.content import EscalationNote, HighlightSummary, PriorityProgress
from sendboard.outputs.pack.sections.common import brag_cell, brag_fill
from sendboard.outputs.pack.styles import Styles, grid_style

ORDER: tuple[Brag, ...] = (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)


def render(progress: PriorityProgress, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if progress.reports:
        since = f" since {progress.since:%d/%m/%Y}" if progress.since else ""
        story += [CondPageBreak(40 * mm), Paragraph(f"Highlight reports{since}", styles.h2)]
        for report in progress.reports:
            story.append(KeepTogether(_report(report, styles)))
    story += [CondPageBreak(35 * mm), Paragraph("Escalations to this board", styles.h2)]
    if not progress.escalations:
        story.append(Paragraph("No escalation awaits this board's response.", styles.small))
        return story
    story += [
        Paragraph("Each stays on the agenda until the board records its response.", styles.small),
        Spacer(1, 2 * mm),
        _escalations(progress.escalations, styles),
    ]
    return story


def _report(report: HighlightSummary, styles: Styles) -> list[Flowable]:
    figures = report.figures
    lead = f"; lead {escape(report.lead)}" if report.lead else ""
    out: list[Flowable] = [
        Paragraph(f"<b>{escape(report.area)}</b>", styles.body),
        Paragraph(
            f"{escape(report.board)}, meeting of {report.meeting_day:%d/%m/%Y}{lead}",
            styles.small,
        ),
        Spacer(1, 1.5 * mm),
        _counts(report, styles),
        Spacer(1, 1.5 * mm),
    ]
    for heading, lines in (
        ("Completed since the sub-group last met", figures.completed),
        ("Slipping", figures.slipping),
        ("Measures off track", figures.off_track),
    ):
        text = "; ".join(escape(line) for line in lines) if lines else "none"
        out.append(Paragraph(f"<b>{heading}</b> ({len(lines)}): {text}", styles.cell))
    if report.narrative:
        out += [
            Spacer(1, 1.5 * mm),
            Paragraph(f"<i>Lead's narrative:</i> {escape(report.narrative)}", styles.cell),
        ]
    out.append(Spacer(1, 4 * mm))
    return out


def _counts(report: HighlightSummary, styles: Styles) -> Table:
    cells: list[object] = []
    commands: list[tuple] = []
    for col, brag in enumerate(ORDER):
        cells += [brag_cell(brag, styles), Paragraph(str(report.figures.count(brag)), styles.cell)]
        commands += brag_fill(col * 2, 0, brag)
    cells += [
        Paragraph("Not rated", styles.cell),
        Paragraph(str(report.figures.count(None)), styles.cell),
    ]
    table = Table([cells], colWidths=[6 * mm, 10 * mm] * 4 + [20 * mm, 10 * mm], hAlign="LEFT")
    table.setStyle(grid_style(*commands, header_rows=0, stripes=False))
    return table


def _escalations(rows: tuple[EscalationNote, ...], styles: Styles) -> Table:
    head = ["Kind", "Escalated", "From", "Raised", "Reason", "Ask"]
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in head]]
    for row in rows:
        data.append(
            [
                Paragraph(escape(row.kind), styles.cell),
                Paragraph(f"<b>{escape(row.subject)}</b>", styles.cell),
                Paragraph(escape(row.from_board), styles.cell),
                Paragraph(f"{row.raised_on:%d/%m/%Y}<br/>{escape(row.age)}", styles.cell),
                Paragraph(escape(row.reason), styles.cell),
                Paragraph(escape(row.ask), styles.cell),
            ]
        )
    widths = [13 * mm, 38 * mm, 28 * mm, 21 * mm, None, None]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table
