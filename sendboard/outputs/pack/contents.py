"""The contents page: one linked row per part of the pack, page numbers filled in at the end."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from sendboard.outputs.pack.flowables import AnchoredParagraph, PageRef
from sendboard.outputs.pack.fonts import REGULAR
from sendboard.outputs.pack.styles import RULE, Styles

CONTENTS_KEY = "contents"


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    key: str
    level: int = 0


def contents(
    entries: list[ContentsEntry],
    styles: Styles,
    heading: str = "Contents",
    key: str = CONTENTS_KEY,
    heading_style: str = "h1",
) -> list[Flowable]:
    """The linked list of parts; a supplement's front sheet lists its late papers with it."""
    rows = []
    for entry in entries:
        style = styles.contents if entry.level == 0 else styles.contents_sub
        text = f'<a href="#{entry.key}">{escape(entry.title)}</a>'
        if entry.level == 0:
            text = f"<b>{text}</b>"
        rows.append([Paragraph(text, style), PageRef(entry.key, REGULAR, 10.5)])
    table = Table(rows, colWidths=[None, 18 * mm], hAlign="LEFT")
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    commands += [
        ("LINEABOVE", (0, i), (-1, i), 0.4, RULE)
        for i, entry in enumerate(entries)
        if entry.level == 0 and i
    ]
    table.setStyle(TableStyle(commands))
    return [AnchoredParagraph(escape(heading), getattr(styles, heading_style), key), table]
