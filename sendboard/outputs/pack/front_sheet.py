"""The front sheet: what the meeting is, when and where, how the pack is marked, whom to ask."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sendboard.outputs.pack.content import PackContent
from sendboard.outputs.pack.flowables import AnchoredParagraph
from sendboard.outputs.pack.styles import ACCENT, RULE, WARNING, Styles

FRONT_KEY = "front"


def front_sheet(content: PackContent, styles: Styles) -> list[Flowable]:
    kind = content.kind_label
    if content.supplement:
        kind = f"Supplement {content.version} — " + kind.split("— ", 1)[-1]
    story: list[Flowable] = [
        Spacer(1, 18 * mm),
        Paragraph(escape(content.board), styles.subtitle),
        Spacer(1, 3 * mm),
        AnchoredParagraph(escape(content.meeting_title), styles.title, FRONT_KEY),
        Spacer(1, 2 * mm),
        Paragraph(escape(kind), styles.subtitle),
        Spacer(1, 12 * mm),
    ]
    contact = "<br/>".join(
        escape(part)
        for part in (content.secretary_name, content.secretary_email, content.secretary_phone)
        if part
    )
    issued = f"{content.issued_on.day} {content.issued_on:%B %Y}" if content.issued_on else ""
    rows = [
        ("Date and time", escape(content.when)),
        ("Venue", escape(content.venue) or "To be confirmed"),
    ]
    if content.online_link:
        link = escape(content.online_link)
        rows.append(("Join online", f'<link href="{link}" color="#1f3a5f">{link}</link>'))
    rows += [
        ("Classification", f"<b>{escape(content.classification.upper())}</b>"),
        ("Version", f"{_version(content)}, issued {issued}"),
        ("Contact", contact or "The board secretary"),
    ]
    table = Table(
        [
            [Paragraph(label, styles.cell_head), Paragraph(value, styles.body)]
            for label, value in rows
        ],
        colWidths=[38 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    story += [table, Spacer(1, 12 * mm)]
    story.append(_marking_note(content, styles))
    return story


def _marking_note(content: PackContent, styles: Styles) -> Flowable:
    if content.supplement:
        text = (
            "This supplement holds papers received after the pack was issued. "
            "Page numbers run on their own; read it alongside the main pack."
        )
        colour = ACCENT
    elif content.public:
        text = (
            "Public pack. Items containing exempt information are not included; a notice "
            "stands in their place."
        )
        colour = ACCENT
    else:
        text = (
            "CONFIDENTIAL — this pack includes exempt information that is not for "
            "publication. Do not forward or publish it; use the public pack instead."
        )
        colour = WARNING
    box = Table([[Paragraph(text, styles.body)]], colWidths=[None])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colour),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbfbfb")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return box


def _version(content: PackContent) -> str:
    return f"Supplement {content.version}" if content.supplement else f"Version {content.version}"
