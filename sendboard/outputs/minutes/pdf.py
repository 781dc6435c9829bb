"""Minutes as an A4 PDF in the pack's style: its fonts, headings, tables and page markings."""

from __future__ import annotations

import io
import os
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from sendboard.domain.minutes import EXEMPT_NOTICE, NOT_FOR_PUBLICATION
from sendboard.errors import SendboardError
from sendboard.outputs.minutes.content import MinuteItem, MinutesDocument, Person, paragraphs
from sendboard.outputs.pack.document import LANG, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from sendboard.outputs.pack.fonts import REGULAR, EmbeddedFontCanvas
from sendboard.outputs.pack.styles import MUTED, Styles, grid_style, make_styles

WIDTH = A4[0] - 2 * MARGIN_X


def _table(styles: Styles, header: tuple[str, ...], rows: list[tuple[str, ...]], widths) -> Table:  # type: ignore[no-untyped-def]
    data = [[Paragraph(escape(h), styles.cell_head) for h in header]]
    data += [[Paragraph(escape(c), styles.cell) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table


def _people(
    styles: Styles, heading: str, people: tuple[Person, ...], with_for: bool
) -> list[Flowable]:
    if not people:
        return []
    third = WIDTH / 3
    if with_for:
        rows = [(p.name, p.organisation, p.substitute_for) for p in people]
        header = ("Name", "Organisation", "Substituting for")
    else:
        rows = [(p.name, p.organisation, p.role) for p in people]
        header = ("Name", "Organisation", "Role")
    return [Paragraph(heading, styles.h2), _table(styles, header, rows, [third] * 3)]


def _text(styles: Styles, text: str) -> list[Flowable]:
    return [Paragraph(escape(p), styles.body) for p in paragraphs(text)] + (
        [Spacer(1, 2 * mm)] if text.strip() else []
    )


def _bullets(styles: Styles, lines: tuple[str, ...]) -> list[Flowable]:
    if not lines:
        return []
    items = [ListItem(Paragraph(escape(line), styles.body)) for line in lines]
    return [
        ListFlowable(items, bulletType="bullet", start="•", leftIndent=12, bulletFontName=REGULAR)
    ]


def _item(styles: Styles, item: MinuteItem) -> list[Flowable]:
    if item.withheld:
        return [
            Paragraph(escape(f"{item.number}. {NOT_FOR_PUBLICATION}"), styles.h1),
            Paragraph(escape(EXEMPT_NOTICE), styles.notice),
        ]
    heading = escape(item.heading)
    if item.exempt:
        heading += ' <font color="#a31515" size=10>(exempt: not for publication)</font>'
    story: list[Flowable] = [Paragraph(heading, styles.h1)]
    story += _bullets(styles, item.declarations)
    if item.previous:
        story.append(Paragraph(escape(item.previous), styles.body))
    story += _text(styles, item.text)
    if item.matters_arising:
        story += [Paragraph("Matters arising", styles.h2), *_text(styles, item.matters_arising)]
    if item.decisions:
        story.append(Paragraph("Resolved", styles.h2))
        entries = [
            ListItem(Paragraph(f"<b>{escape(ref)}:</b> {escape(text)}", styles.body))
            for ref, text in item.decisions
        ]
        story.append(ListFlowable(entries, bulletType="1", leftIndent=14, bulletFontName=REGULAR))
    if item.actions:
        rows = [(a.reference, a.title, a.owner, a.due, a.priority_area) for a in item.actions]
        widths = [18 * mm, None, 36 * mm, 22 * mm, 20 * mm]
        header = ("Ref", "Action", "Owner", "Due", "Area")
        story += [Paragraph("Actions arising", styles.h2), _table(styles, header, rows, widths)]
    for line in item.errata:
        story.append(Paragraph(f"<b>Erratum:</b> {escape(line)}", styles.body))
    story.append(Spacer(1, 4 * mm))
    return story


def story(content: MinutesDocument, styles: Styles) -> list[Flowable]:
    flow: list[Flowable] = [
        Paragraph(escape(content.title), styles.title),
        Paragraph(escape(content.when), styles.subtitle),
    ]
    if content.venue:
        flow.append(Paragraph(escape(content.venue), styles.body))
    flow += [Spacer(1, 3 * mm), Paragraph(f"<b>{escape(content.status)}</b>", styles.body)]
    flow.append(Paragraph("Attendance", styles.h1))
    flow += _people(styles, "Present", content.present, False)
    flow += _people(styles, "Substitutes", content.substitutes, True)
    flow += _people(styles, "In attendance", content.in_attendance, False)
    if content.apologies:
        flow.append(Paragraph("Apologies", styles.h2))
        flow += _bullets(
            styles,
            tuple(", ".join(x for x in (p.name, p.organisation) if x) for p in content.apologies),
        )
    flow += [Spacer(1, 2 * mm), Paragraph(escape(content.quorum), styles.body)]
    if content.declarations:
        flow += [Paragraph("Declarations of interest", styles.h2)]
        flow += _bullets(styles, content.declarations)
    for line in content.errata:
        flow.append(Paragraph(f"<b>Erratum:</b> {escape(line)}", styles.body))
    flow.append(Spacer(1, 4 * mm))
    for item in content.open_items:
        flow += _item(styles, item)
    if content.exempt_items:
        part = "Confidential part" + (f": {NOT_FOR_PUBLICATION.lower()}" if content.public else "")
        flow += [PageBreak(), Paragraph(escape(part), styles.h1)]
        for item in content.exempt_items:
            flow += _item(styles, item)
    return flow


def render_pdf(content: MinutesDocument) -> bytes:
    styles = make_styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{content.title}, {content.when}",
        author=content.author or content.board,
        subject=f"Minutes: {content.board}",
        creator="sendboard",
        lang=LANG,
    )

    def page(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        top = A4[1] - 12 * mm
        canvas.drawString(MARGIN_X, top, f"{content.classification} · {content.copy_label}")
        canvas.drawRightString(A4[0] - MARGIN_X, top, content.board)
        canvas.drawString(MARGIN_X, 10 * mm, content.title)
        canvas.drawRightString(A4[0] - MARGIN_X, 10 * mm, f"Page {document.page}")
        canvas.restoreState()

    doc.build(
        story(content, styles),
        onFirstPage=page,
        onLaterPages=page,
        canvasmaker=EmbeddedFontCanvas,
    )
    return buffer.getvalue()


def write_pdf(content: MinutesDocument, out: Path) -> Path:
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        with part.open("wb") as handle:
            handle.write(render_pdf(content))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SendboardError(
            f"The minutes could not be saved as {out} ({exc.strerror}). Choose a folder you can "
            "write to, and close the file if it is open in a viewer."
        ) from exc
    return out
