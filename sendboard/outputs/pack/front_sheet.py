"""The front sheet: what the meeting is, when and where, how the pack is marked, whom to ask."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sendboard.outputs.pack.content import IssuedPack, PackContent
from sendboard.outputs.pack.contents import ContentsEntry, contents
from sendboard.outputs.pack.flowables import AnchoredParagraph
from sendboard.outputs.pack.styles import ACCENT, RULE, WARNING, Styles

FRONT_KEY = "front"
LATE_PAPERS_KEY = "late-papers"


def front_sheet(
    content: PackContent, styles: Styles, late: list[ContentsEntry] | None = None
) -> list[Flowable]:
    """The first page; a supplement's also says which pack it follows and lists `late`."""
    story: list[Flowable] = [
        Spacer(1, 10 * mm if content.supplement else 18 * mm),
        Paragraph(escape(content.board), styles.subtitle),
        Spacer(1, 3 * mm),
        AnchoredParagraph(escape(content.meeting_title), styles.title, FRONT_KEY),
        Spacer(1, 2 * mm),
        Paragraph(escape(content.kind_label), styles.subtitle),
    ]
    main = content.main_pack
    if content.supplement and main is not None:
        story += [Spacer(1, 2 * mm), Paragraph(escape(supplement_line(content)), styles.h2)]
    story.append(Spacer(1, 6 * mm if content.supplement else 12 * mm))
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
    if content.online_link and not content.public:  # the join link is for those invited
        link = escape(content.online_link)
        rows.append(("Join online", f'<link href="{link}" color="#1f3a5f">{link}</link>'))
    rows.append(("Classification", f"<b>{escape(content.classification.upper())}</b>"))
    if content.supplement:
        rows.append(("Follows", "<br/>".join(_issued_line(p) for p in content.earlier)))
        rows.append(
            (
                "This supplement",
                f"{_version(content)}, issued {issued}, numbered from page {content.first_page}",
            )
        )
    else:
        rows.append(("Version", f"{_version(content)}, issued {issued}"))
    rows.append(("Contact", contact or "The board secretary"))
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
    story += [table, Spacer(1, 6 * mm if content.supplement else 12 * mm)]
    story.append(_marking_note(content, styles))
    if content.supplement and late:
        story += [
            Spacer(1, 4 * mm),
            *contents(late, styles, "Late papers in this supplement", LATE_PAPERS_KEY, "h2"),
        ]
    return story


def supplement_line(content: PackContent) -> str:
    """ "Supplement 2 to the pack issued on 3 March 2026 (version 1)"."""
    main = content.main_pack
    if main is None:
        return f"Supplement {content.version}"
    return (
        f"Supplement {content.version} to the pack issued on {_day(main.issued_on)} "
        f"(version {main.version})"
    )


def _issued_line(pack: IssuedPack) -> str:
    return escape(f"{pack.label}, issued {_day(pack.issued_on)}, {pack.page_range}")


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _marking_note(content: PackContent, styles: Styles) -> Flowable:
    if content.supplement:
        last = content.earlier[-1] if content.earlier else None
        after = f" {last.label.lower()}, which ends at page {last.last_page}" if last else " it"
        text = (
            "This supplement holds papers received after the pack was issued. Its pages "
            f"are numbered on from{after}: file it straight after, and the page numbers run "
            "on without a break."
        )
        colour = ACCENT
        if content.public:
            text += (
                " Public copy: late papers for items containing exempt information are not "
                "included; a notice stands in their place."
            )
        else:
            text += (
                " <b>Confidential:</b> it may include exempt information; do not forward or "
                "publish it."
            )
            colour = WARNING
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
