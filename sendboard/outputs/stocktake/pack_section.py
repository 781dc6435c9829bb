"""The self-assessment as the stocktake pack's section: a summary table of every requirement's
judgement (colour with letter and word), each requirement's reasoning and what answers it, then
the evidence appendix."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.outputs.pack.sections.common import brag_cell, brag_fill
from sendboard.outputs.pack.styles import Styles, grid_style
from sendboard.outputs.stocktake.content import (
    EvidenceSection,
    RequirementJudgement,
    SelfAssessment,
)
from sendboard.outputs.stocktake.content import Table as DataTable


def render(assessment: SelfAssessment, styles: Styles) -> list[Flowable]:
    counts = ", ".join(
        f"{assessment.count(b)} {b.label} ({b.letter})"
        for b in (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)
    )
    story: list[Flowable] = [
        Paragraph(escape(assessment.title), styles.h2),
        Paragraph(
            escape(
                f"{counted(len(assessment.requirements), 'requirement')} of the Improvement "
                "Notice assessed: "
                f"{counts}. Evidence covers {assessment.period_text}."
                + (
                    f" Movement is against the {assessment.previous_title}."
                    if assessment.previous_title
                    else ""
                )
            ),
            styles.body,
        ),
        Spacer(1, 3 * mm),
        _summary(assessment, styles),
    ]
    if assessment.flagged:
        story.append(Paragraph("Requirements that need attention", styles.h3))
        for item in assessment.flagged:
            story.append(
                Paragraph(
                    f"<b>{escape(item.reference)}</b>: {escape('; '.join(item.flags))}",
                    styles.body,
                )
            )
    story.append(Paragraph("Assessment by requirement", styles.h2))
    for item in assessment.requirements:
        story.append(KeepTogether(_requirement(item, styles)))
    story.append(Paragraph("Evidence appendix", styles.h2))
    for part in assessment.evidence:
        story += _evidence(part, styles)
    return story


def _summary(assessment: SelfAssessment, styles: Styles) -> Table:
    head = ["Ref", "Requirement", "Suggested", "Judgement", "Previous", "Movement"]
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in head]]
    commands: list[tuple] = []
    for row, item in enumerate(assessment.requirements, start=1):
        data.append(
            [
                Paragraph(f"<b>{escape(item.reference)}</b>", styles.cell),
                Paragraph(escape(_short(item.text)), styles.cell),
                _rag(item.suggested, styles),
                _rag(item.rag, styles),
                _rag(item.previous, styles),
                Paragraph(escape(item.movement), styles.cell),
            ]
        )
        commands += brag_fill(2, row, item.suggested)
        commands += brag_fill(3, row, item.rag)
        commands += brag_fill(4, row, item.previous)
    widths = (11 * mm, None, 20 * mm, 22 * mm, 20 * mm, 21 * mm)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(*commands))
    return table


def _rag(brag: Brag | None, styles: Styles) -> Paragraph:
    if brag is None:
        return brag_cell(None, styles)
    return Paragraph(
        f'<font color="{brag.text_colour}"><b>{brag.letter}</b> {brag.label}</font>',
        styles.cell_centre,
    )


def _short(text: str, limit: int = 150) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _requirement(item: RequirementJudgement, styles: Styles) -> list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(f"{escape(item.reference)} — {item.rag.letter} {item.rag.label}", styles.h3),
        Paragraph(f"<i>{escape(item.text)}</i>", styles.small),
        Paragraph(
            f"<b>Judgement:</b> {item.rag.label} ({item.rag.letter}). "
            f"<b>{escape(item.suggested_label)}:</b> {escape(item.suggested_text)}",
            styles.body,
        ),
    ]
    if item.reason_text:
        parts.append(
            Paragraph(f"<b>Reason for the difference:</b> {escape(item.reason_text)}", styles.body)
        )
    if item.data_moved:
        parts.append(Paragraph(escape(item.data_moved), styles.body))
    was = f" (was {item.previous.label}, {item.previous.letter})" if item.previous else ""
    parts.append(
        Paragraph(f"<b>Since the previous stocktake:</b> {escape(item.movement)}{was}", styles.body)
    )
    if item.flags:
        parts.append(Paragraph(f"<b>Flagged: {escape('; '.join(item.flags))}</b>", styles.body))
    if item.narrative:
        parts.append(Paragraph(escape(item.narrative), styles.body))
    for label, lines in (
        ("Actions", [a.text for a in item.actions]),
        ("Measures", [m.text for m in item.measures]),
        ("Risks", list(item.risks)),
        ("Evidence", list(item.evidence)),
        ("Co-production", list(item.engagement)),
    ):
        if lines:
            parts.append(Paragraph(f"<b>{label}:</b> " + escape("; ".join(lines)), styles.small))
    parts.append(Spacer(1, 2 * mm))
    return parts


def _evidence(part: EvidenceSection, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(escape(part.title), styles.h3)]
    out += [Paragraph(escape(line), styles.body) for line in part.summary]
    if part.table is not None and part.table.rows:
        out += [Spacer(1, 2 * mm), _table(part.table, styles), Spacer(1, 3 * mm)]
    return out


def _table(table: DataTable, styles: Styles) -> Table:
    data: list[list[object]] = [[Paragraph(escape(h), styles.cell_head) for h in table.header]]
    data += [[Paragraph(escape(cell), styles.cell) for cell in row] for row in table.rows]
    grid = Table(data, repeatRows=1, hAlign="LEFT")
    grid.setStyle(grid_style())
    return grid
