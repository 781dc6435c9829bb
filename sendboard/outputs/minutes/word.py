"""Minutes as a Word document, written with python-docx in Word's own styles.

Title, Heading 1/2, List Number and List Bullet are the built-in styles, so the document's
navigation pane, contents and restyling work in Word and LibreOffice; tables repeat their header
row on each page; the language is en-GB for the spelling checker.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from sendboard.domain.minutes import EXEMPT_NOTICE, NOT_FOR_PUBLICATION
from sendboard.errors import SendboardError
from sendboard.outputs.minutes.content import MinuteItem, MinutesDocument, Person, paragraphs

LANGUAGE = "en-GB"
WARNING = RGBColor(0xA3, 0x15, 0x15)


def _set_language(document: DocxDocument) -> None:
    """en-GB on the default run properties, so every style inherits it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _repeat_header(table: Table) -> None:
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _table(
    document: DocxDocument,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...] = (5.5, 5.5, 5.5),
) -> Table:
    """A grid with a bold header row that Word repeats on each page; `widths` in cm."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for column, width in zip(table.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    document.add_paragraph()
    return table


def _restart_numbering(document: DocxDocument, paragraph: Paragraph) -> None:
    """Start a List Number list at 1: a new numbering instance of the style's own list."""
    numbering = document.part.numbering_part.element
    style = document.styles["List Number"].element
    style_num = style.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
    abstract = numbering.num_having_numId(int(style_num.get(qn("w:val")))).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num.numId


def _people(
    document: DocxDocument, heading: str, people: tuple[Person, ...], with_for: bool
) -> None:
    if not people:
        return
    document.add_heading(heading, level=2)
    if with_for:
        rows = [(p.name, p.organisation, p.substitute_for) for p in people]
        _table(document, ("Name", "Organisation", "Substituting for"), rows)
    else:
        rows = [(p.name, p.organisation, p.role) for p in people]
        _table(document, ("Name", "Organisation", "Role"), rows)


def _text(document: DocxDocument, text: str) -> None:
    for para in paragraphs(text):
        document.add_paragraph(para)


def _item(document: DocxDocument, item: MinuteItem) -> None:
    if item.withheld:
        document.add_heading(f"{item.number}. {NOT_FOR_PUBLICATION}", level=1)
        notice = document.add_paragraph().add_run(EXEMPT_NOTICE)
        notice.bold = True
        notice.font.color.rgb = WARNING
        return
    heading = item.heading + (" (exempt: not for publication)" if item.exempt else "")
    document.add_heading(heading, level=1)
    if item.declarations:
        for line in item.declarations:
            document.add_paragraph(line, style="List Bullet")
    if item.previous:
        document.add_paragraph(item.previous)
    _text(document, item.text)
    if item.matters_arising:
        document.add_heading("Matters arising", level=2)
        _text(document, item.matters_arising)
    if item.decisions:
        document.add_heading("Resolved", level=2)
        for n, (reference, text) in enumerate(item.decisions):
            para = document.add_paragraph(style="List Number")
            para.add_run(f"{reference}: ").bold = True
            para.add_run(text)
            if n == 0:
                _restart_numbering(document, para)
    if item.actions:
        document.add_heading("Actions arising", level=2)
        rows = [(a.reference, a.title, a.owner, a.due, a.priority_area) for a in item.actions]
        header = ("Ref", "Action", "Owner", "Due", "Priority area")
        _table(document, header, rows, (1.8, 7.6, 3.6, 2.4, 1.6))
    for line in item.errata:
        para = document.add_paragraph()
        para.add_run("Erratum: ").bold = True
        para.add_run(line)


def build_docx(content: MinutesDocument) -> DocxDocument:
    document = Document()
    _set_language(document)
    # A4 with 2.5 cm margins: the blank document python-docx starts from is US Letter.
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    props = document.core_properties
    props.title = f"{content.title}, {content.when}"
    props.author = content.author or content.board
    props.language = LANGUAGE
    props.subject = f"Minutes: {content.board}"
    props.category = content.copy_label
    props.keywords = "minutes"
    props.comments = content.status

    marking = document.sections[0].header.paragraphs[0]
    marking.text = f"{content.classification} · {content.copy_label}"
    document.add_heading(content.title, level=0)
    document.add_paragraph(content.when + (f", {content.venue}" if content.venue else ""))
    status = document.add_paragraph().add_run(content.status)
    status.bold = True

    document.add_heading("Attendance", level=1)
    _people(document, "Present", content.present, with_for=False)
    _people(document, "Substitutes", content.substitutes, with_for=True)
    _people(document, "In attendance", content.in_attendance, with_for=False)
    if content.apologies:
        document.add_heading("Apologies", level=2)
        for person in content.apologies:
            label = ", ".join(p for p in (person.name, person.organisation) if p)
            document.add_paragraph(label, style="List Bullet")
    document.add_paragraph(content.quorum)
    if content.declarations:
        document.add_heading("Declarations of interest", level=2)
        for line in content.declarations:
            document.add_paragraph(line, style="List Bullet")
    for line in content.errata:
        para = document.add_paragraph()
        para.add_run("Erratum: ").bold = True
        para.add_run(line)

    for item in content.open_items:
        _item(document, item)
    if content.exempt_items:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        part = "Confidential part" + (": not for publication" if content.public else "")
        document.add_heading(part, level=1)
        if not content.public:
            document.add_paragraph(
                "The items below contain exempt information and are not for publication. "
                "They are left out of the public copy of these minutes."
            )
        for item in content.exempt_items:
            _item(document, item)
    return document


def write_docx(content: MinutesDocument, out: Path) -> Path:
    """Write the .docx next to `out` and rename it into place only when it is whole."""
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        build_docx(content).save(str(part))
        with part.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SendboardError(
            f"The minutes could not be saved as {out} ({exc.strerror}). Choose a folder you can "
            "write to, and close the file if it is open in Word."
        ) from exc
    return out
