"""The self-assessment as a Word document: real heading styles (so Word's navigation pane and
contents work), tables whose header row repeats on every page, RAG cells in colour with the
letter and word, en-GB proofing language and the document's core properties."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.outputs.stocktake.content import (
    EvidenceSection,
    RequirementJudgement,
    SelfAssessment,
    Table,
)


def write_docx(assessment: SelfAssessment, path: Path, author: str = "") -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    _language(document)
    _properties(document, assessment, author)

    document.add_paragraph(assessment.title, style="Title")
    document.add_paragraph(
        f"For the {assessment.meeting_title}. Evidence covers {assessment.period_text}.",
        style="Subtitle",
    )
    _summary(document, assessment)
    document.add_heading("Assessment by requirement", level=1)
    heading = None
    for item in assessment.requirements:
        if item.heading and item.heading != heading:
            heading = item.heading
            document.add_heading(heading, level=2)
        _requirement(document, item)
    document.add_page_break()
    document.add_heading("Evidence appendix", level=1)
    document.add_paragraph(f"Gathered from the board's records for {assessment.period_text}.")
    for part in assessment.evidence:
        _evidence(document, part)
    document.save(str(path))
    return Path(path)


def _language(document) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for style in document.styles:
        element = getattr(style, "element", None)
        if element is None or style.type != 1:  # paragraph styles
            continue
        rpr = element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "en-GB")


def _properties(document, assessment: SelfAssessment, author: str) -> None:  # type: ignore[no-untyped-def]
    props = document.core_properties
    props.title = assessment.title
    props.subject = f"Self-assessment for the {assessment.meeting_title}"
    props.author = author or assessment.council or assessment.board
    props.keywords = "SEND; Improvement Notice; DfE stocktake; self-assessment"
    props.language = "en-GB"
    props.category = "Self-assessment"
    moment = datetime.combine(assessment.prepared_on, time(9))
    props.created = props.modified = moment
    props.last_modified_by = author or props.author
    props.revision = 1


def _summary(document, assessment: SelfAssessment) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("Summary", level=1)
    notice = (
        f"Improvement Notice issued on {assessment.notice_date:%d %B %Y}. "
        if assessment.notice_date
        else ""
    )
    counts = ", ".join(
        f"{assessment.count(b)} {b.label} ({b.letter})"
        for b in (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)
    )
    document.add_paragraph(
        f"{notice}{counted(len(assessment.requirements), 'requirement')} assessed: {counts}."
    )
    if assessment.previous_title:
        document.add_paragraph(f"Movement is shown against the {assessment.previous_title}.")
    flagged = assessment.flagged
    if flagged:
        document.add_paragraph("Requirements that need attention:", style="Heading 3")
        for item in flagged:
            document.add_paragraph(
                f"{item.reference}: {'; '.join(item.flags)}", style="List Bullet"
            )
    table = Table(
        ("Ref", "Requirement", "Suggested", "Judgement", "Previous", "Movement"),
        tuple(
            (
                r.reference,
                _short(r.text),
                f"{r.suggested.letter} {r.suggested.label}",
                f"{r.rag.letter} {r.rag.label}",
                f"{r.previous.letter} {r.previous.label}" if r.previous else "–",
                r.movement,
            )
            for r in assessment.requirements
        ),
    )
    _table(document, table, widths=(14, 80, 22, 22, 22, 20), rag_columns=(2, 3, 4))


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _requirement(document, item: RequirementJudgement) -> None:  # type: ignore[no-untyped-def]
    document.add_heading(f"{item.reference}  {item.rag.letter} {item.rag.label}", level=3)
    document.add_paragraph(item.text, style="Quote")
    judged = document.add_paragraph()
    judged.add_run("Judgement: ").bold = True
    judged.add_run(f"{item.rag.label} ({item.rag.letter}). ")
    judged.add_run(f"{item.suggested_label}: ").bold = True
    judged.add_run(item.suggested_text)
    if item.reason_text:
        reason = document.add_paragraph()
        reason.add_run("Reason for the difference: ").bold = True
        reason.add_run(item.reason_text)
    if item.data_moved:
        document.add_paragraph(item.data_moved)
    moved = document.add_paragraph()
    moved.add_run("Since the previous stocktake: ").bold = True
    moved.add_run(
        f"{item.movement} (was {item.previous.label} ({item.previous.letter}))"
        if item.previous
        else "not assessed before"
    )
    if item.flags:
        flagged = document.add_paragraph()
        flagged.add_run("Flagged: " + "; ".join(item.flags)).bold = True
    if item.narrative:
        document.add_paragraph(item.narrative)
    for label, lines in (
        ("Actions", [a.text for a in item.actions]),
        ("Measures", [m.text for m in item.measures]),
        ("Risks", list(item.risks)),
        ("Evidence", list(item.evidence)),
        ("Co-production", list(item.engagement)),
    ):
        if lines:
            title = document.add_paragraph()
            title.add_run(f"{label}:").bold = True
            for line in lines:
                document.add_paragraph(line, style="List Bullet")


def _evidence(document, part: EvidenceSection) -> None:  # type: ignore[no-untyped-def]
    document.add_heading(part.title, level=2)
    for line in part.summary:
        document.add_paragraph(line)
    if part.table is not None and part.table.rows:
        _table(document, part.table)


def _table(document, table: Table, widths=None, rag_columns=()) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    header = grid.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, table.header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, "D9E2F3")
    for row in table.rows:
        cells = grid.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
            if index in rag_columns and text[:1] in "BRAG" and text[1:2] == " ":
                colour = Brag(text[:1]).colour.lstrip("#")
                _shade(cell, colour)
                for run in cell.paragraphs[0].runs:
                    run.font.bold = True
    if widths:
        for row in grid.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = Mm(width)
    document.add_paragraph()


def _shade(cell, fill: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
