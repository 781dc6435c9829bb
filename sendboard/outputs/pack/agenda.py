"""The agenda table: item number, title, lead, purpose and timing, with exempt items marked."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from sendboard.outputs.pack.content import PackContent, PackItem
from sendboard.outputs.pack.flowables import Anchor, AnchoredParagraph
from sendboard.outputs.pack.styles import Styles, grid_style

AGENDA_KEY = "agenda"
NOT_FOR_PUBLICATION = "Not for publication"


def agenda_row_key(index: int) -> str:
    return f"agenda-{index}"


def withheld(content: PackContent, item: PackItem) -> bool:
    """Exempt items are withheld from the public pack: not even their title appears."""
    return content.public and item.exempt


def agenda(content: PackContent, styles: Styles) -> list[Flowable]:
    head = ["No.", "Item", "Lead", "Purpose", "Time"]
    rows: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in head]]
    for index, item in enumerate(content.items):
        if withheld(content, item):
            title = (
                f"<b>{NOT_FOR_PUBLICATION}</b><br/>"
                "<font size=7>Exempt information: in the confidential pack only.</font>"
            )
            lead = purpose = ""
        else:
            title = f"<b>{escape(item.title)}</b>"
            if item.exempt:
                title += (
                    '<br/><font color="#a31515" size=7><b>EXEMPT</b> — not for publication</font>'
                )
            lead, purpose = escape(item.lead), escape(item.purpose)
            for line in item.notes:
                title += f"<br/><font size=7>• {escape(line)}</font>"
        timing = escape(item.starts)
        if item.minutes:
            timing += f"<br/><font size=7>{item.minutes} min</font>"
        rows.append(
            [
                Paragraph(f"<b>{escape(item.number)}</b>", styles.cell),
                [Anchor(agenda_row_key(index)), Paragraph(title, styles.cell)],
                Paragraph(lead, styles.cell),
                Paragraph(purpose, styles.cell),
                Paragraph(timing, styles.cell),
            ]
        )
    table = Table(
        rows,
        colWidths=[12 * mm, None, 42 * mm, 24 * mm, 16 * mm],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(grid_style())
    return [
        AnchoredParagraph("Agenda", styles.h1, AGENDA_KEY),
        Paragraph(escape(f"{content.meeting_title} — {content.when}"), styles.small),
        Spacer(1, 4 * mm),
        table,
    ]
