"""The A4 page frame of a pack: markings, "Page N of M", metadata, outline and page labels.

Layout runs once. Numbers that depend on the finished layout (each page's "of M", the contents
page's page numbers) are form XObjects drawn where they belong and defined in `PackCanvas.save`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from sendboard.outputs.pack.content import PackContent
from sendboard.outputs.pack.flowables import SlotInfo, ref_form
from sendboard.outputs.pack.fonts import BOLD, REGULAR, EmbeddedFontCanvas
from sendboard.outputs.pack.styles import ACCENT, MUTED, RULE, WARNING
from sendboard.progress import CancelToken, Progress, no_progress

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
#: Paper pages are scaled into the space between the header and footer bands.
BAND = 14 * mm
STAMP_WIDTH = 64 * mm
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
LANG = "en-GB"


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    key: str
    level: int


def page_number_form(page: int) -> str:
    return f"pageno_{page}"


class PackCanvas(EmbeddedFontCanvas):
    """Writes the late-bound forms, the outline and page labels just before saving."""

    def save(self) -> None:
        doc: PackDocTemplate = self.pack_doc  # type: ignore[attr-defined]
        doc.finish(self)
        super().save()


class PackDocTemplate(BaseDocTemplate):
    def __init__(
        self,
        target: Any,
        content: PackContent,
        outline: list[OutlineEntry],
        *,
        progress: Progress = no_progress,
        token: CancelToken | None = None,
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{content.board}: {content.meeting_title} — {content.kind_label}",
            author=content.secretary_name or content.board,
            subject=f"Meeting pack for {content.meeting_title}, {content.when}",
            creator="sendboard",
            lang=LANG,
            invariant=False,
        )
        self.content = content
        self.outline = outline
        self.progress = progress
        self.token = token
        self.marks: dict[str, int] = {}
        self.refs: set[str] = set()
        self.slots: list[tuple[int, SlotInfo]] = []
        self.page_stamp: tuple[str, str] | None = None
        self.running_label: str | None = None
        self.page_count = 0
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            PAGE_WIDTH - 2 * MARGIN_X,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._furniture)])

    def _startBuild(self, filename: Any = None, canvasmaker: Any = PackCanvas) -> None:
        super()._startBuild(filename, canvasmaker)
        self.canv.pack_doc = self  # type: ignore[attr-defined]

    # -- every page ---------------------------------------------------------------------------
    def _furniture(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.token is not None:
            self.token.raise_if_cancelled()
        page = canv.getPageNumber()
        self.page_count = max(self.page_count, page)
        # The total is known only when the layout is done: until then, pages without one.
        self.progress(page, 0, f"Laying out page {page}…")
        content = self.content
        canv.saveState()
        top = PAGE_HEIGHT - 9 * mm
        bottom = 8 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, PAGE_HEIGHT - BAND, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - BAND)
        canv.line(MARGIN_X, BAND, PAGE_WIDTH - MARGIN_X, BAND)
        # Classification marking: top and bottom centre, as government marking guidance asks.
        canv.setFont(BOLD, 9)
        canv.setFillColor(ACCENT)
        canv.drawCentredString(PAGE_WIDTH / 2, top, content.classification.upper())
        canv.drawCentredString(PAGE_WIDTH / 2, bottom, content.classification.upper())
        if not content.public:
            canv.setFillColor(WARNING)
            canv.drawRightString(PAGE_WIDTH - MARGIN_X, top, "CONFIDENTIAL")
        if self.page_stamp:
            # A paper page names its agenda item and paper, shrinking to fit before shortening.
            item, paper = self.page_stamp
            canv.setFillColor(ACCENT)
            size = _shrink(canv, item, BOLD, 8.5, 6.5, STAMP_WIDTH)
            canv.setFont(BOLD, size)
            canv.drawString(MARGIN_X, top + 1.2 * mm, _fit(canv, item, BOLD, size, STAMP_WIDTH))
            canv.setFont(REGULAR, 7)
            canv.drawString(MARGIN_X, top - 2.4 * mm, _fit(canv, paper, REGULAR, 7, STAMP_WIDTH))
            self.page_stamp = None
        else:
            canv.setFont(REGULAR, 8)
            canv.setFillColor(MUTED)
            label = self.running_label or content.board
            canv.drawString(MARGIN_X, top, _fit(canv, label, REGULAR, 8, 62 * mm))
        canv.setFillColor(MUTED)
        room = PAGE_WIDTH / 2 - MARGIN_X - 4 * mm
        room -= canv.stringWidth(content.classification.upper(), BOLD, 9) / 2
        for y, size, text in footer_lines(canv, content, bottom, room):
            canv.setFont(REGULAR, size)
            canv.drawString(MARGIN_X, y, text)
        canv.translate(PAGE_WIDTH - MARGIN_X, bottom)
        canv.doForm(page_number_form(page))
        canv.restoreState()

    # -- once, when the layout is done ---------------------------------------------------------
    def finish(self, canv: Canvas) -> None:
        total = self.page_count
        for page in range(1, total + 1):
            canv.beginForm(page_number_form(page), lowerx=-300, lowery=-4, upperx=0, uppery=12)
            canv.setFillColor(ACCENT)
            number, count = page_number_text(self.content, page, total)
            width = canv.stringWidth(number, BOLD, 8.5) + canv.stringWidth(count, REGULAR, 8)
            line = canv.beginText(-width, 0)  # one line of text, so it reads back as one
            line.setFont(BOLD, 8.5)
            line.textOut(number)
            line.setFont(REGULAR, 8)
            line.textOut(count)
            canv.drawText(line)
            canv.endForm()
        for key in self.refs:
            canv.beginForm(ref_form(key), lowerx=-100, lowery=-4, upperx=0, uppery=14)
            canv.setFont(REGULAR, 10.5)
            canv.setFillColor(ACCENT)
            mark = self.marks.get(key)
            canv.drawRightString(0, 0, "" if mark is None else str(self.content.printed_page(mark)))
            canv.endForm()
        for entry in self.outline:
            if entry.key in self.marks:
                canv.addOutlineEntry(entry.title, entry.key, level=entry.level, closed=False)
        canv.showOutline()
        # Viewers show the printed number, so "go to page 35" finds the page marked 35.
        canv.addPageLabel(0, "ARABIC", self.content.first_page)


def footer_text(content: PackContent) -> tuple[str, str]:
    """The meeting and its date; the date is left out when the meeting's title already has it
    ("Meeting of 9 December 2026")."""
    day = f"{content.starts_at.day} {content.starts_at:%B %Y}"
    return content.meeting_title, "" if day in content.meeting_title else day


def footer_lines(
    canv: Canvas, content: PackContent, bottom: float, room: float
) -> list[tuple[float, float, str]]:
    """(baseline, size, text) of the footer, in the room left of the centred marking: one line
    ("Improvement Board · 9 December 2026") when it fits at a readable size, else the title over
    the date; only a title too long for a line of its own is shortened."""
    title, day = footer_text(content)
    line = f"{title} · {day}" if day else title
    size = _shrink(canv, line, REGULAR, 8, 6.5, room)
    if canv.stringWidth(line, REGULAR, size) <= room or not day:
        return [(bottom, size, _fit(canv, line, REGULAR, size, room))]
    size = _shrink(canv, title, REGULAR, 7, 6, room)
    return [
        (bottom + size * 0.6, size, _fit(canv, title, REGULAR, size, room)),
        (bottom - size * 0.8, size, day),
    ]


def page_number_text(content: PackContent, page: int, total: int) -> tuple[str, str]:
    """The page number in bold and what follows it. A main pack counts "Page N of M"; a
    supplement prints the number that runs on from the pack it follows, and counts its own
    pages beside it: "Page 35 (supplement 1, page 1 of 4)"."""
    if not content.supplement:
        return f"Page {page} of {total}", ""
    printed = content.printed_page(page)
    return f"Page {printed}", f" (supplement {content.version}, page {page} of {total})"


def _shrink(canv: Canvas, text: str, font: str, size: float, least: float, width: float) -> float:
    while size > least and canv.stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _fit(canv: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so a header never runs into the marking beside it."""
    if canv.stringWidth(text, font, size) <= width:
        return text
    while text and canv.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
