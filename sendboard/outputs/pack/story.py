"""Puts the pack together in agenda order: the flowables, the contents rows and the outline."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreakIfNotEmpty, Paragraph, Spacer

from sendboard.outputs.pack.agenda import AGENDA_KEY, NOT_FOR_PUBLICATION, agenda, agenda_row_key
from sendboard.outputs.pack.agenda import withheld as is_withheld
from sendboard.outputs.pack.content import PackContent, PackItem
from sendboard.outputs.pack.contents import CONTENTS_KEY, ContentsEntry, contents
from sendboard.outputs.pack.document import FRAME_HEIGHT, OutlineEntry
from sendboard.outputs.pack.flowables import AnchoredParagraph, PaperSlot, SlotInfo
from sendboard.outputs.pack.front_sheet import FRONT_KEY, LATE_PAPERS_KEY, front_sheet
from sendboard.outputs.pack.sections import section
from sendboard.outputs.pack.styles import Styles


@dataclass(frozen=True)
class PaperRef:
    """A paper to merge: where it sits on the agenda and how many pages it has."""

    item_index: int
    paper_index: int
    pages: int


#: A public supplement's list of late papers names this under an exempt item, not its papers.
WITHHELD_LATE_PAPERS = "Late papers withheld: exempt information, in the confidential copy only"


def item_key(index: int) -> str:
    return f"item-{index}"


def paper_key(index: int, paper: int) -> str:
    return f"item-{index}-paper-{paper}"


def item_heading(item: PackItem) -> str:
    return f"{item.number}. {item.title}"


@dataclass
class Composition:
    story: list[Flowable]
    outline: list[OutlineEntry]
    papers: list[PaperRef]


def compose(
    content: PackContent, styles: Styles, page_counts: dict[tuple[int, int], int]
) -> Composition:
    """`page_counts[(item, paper)]` is each attached paper's page count, read beforehand."""
    body: list[Flowable] = []
    entries: list[ContentsEntry] = (
        [] if content.supplement else [ContentsEntry("Agenda", AGENDA_KEY)]
    )
    outline = [OutlineEntry("Front sheet", FRONT_KEY, 0)]
    if content.supplement:
        outline.append(OutlineEntry("Late papers", LATE_PAPERS_KEY, 0))
    else:
        outline += [
            OutlineEntry("Contents", CONTENTS_KEY, 0),
            OutlineEntry("Agenda", AGENDA_KEY, 0),
        ]
    papers: list[PaperRef] = []
    for index, item in enumerate(content.items):
        key = item_key(index)
        if is_withheld(content, item):
            title = f"{item.number}. {NOT_FOR_PUBLICATION}"
            body += _withheld(item, styles, key, content.supplement)
            entries.append(ContentsEntry(title, key))
            if content.supplement:
                entries.append(ContentsEntry(WITHHELD_LATE_PAPERS, key, 1))
            outline.append(OutlineEntry(title, key, 0))
            continue
        heading = item_heading(item)
        generated = section(item.standing, content, styles)
        if generated:
            body += [PageBreakIfNotEmpty(), *_heading(item, styles, key), *generated]
        has_papers = bool(item.papers)
        target = key if (generated or has_papers) else agenda_row_key(index)
        if generated or has_papers:
            entries.append(ContentsEntry(heading, key))
        outline.append(OutlineEntry(heading, target, 0))
        for number, paper in enumerate(item.papers):
            pkey = paper_key(index, number)
            version = f" (version {paper.version})" if paper.version > 1 else ""
            label = f"Paper: {paper.title}{version}"
            entries.append(ContentsEntry(label, pkey, 1))
            outline.append(OutlineEntry(label, pkey, 1))
            also = (key,) if number == 0 and not generated else ()
            stamp = (f"Item {item.number}: {item.title}", f"Paper: {paper.title}{version}")
            ref = PaperRef(index, number, page_counts[(index, number)])
            body.append(PageBreakIfNotEmpty())
            for page in range(ref.pages):
                info = SlotInfo(len(papers), page, stamp, pkey, also)
                body.append(PaperSlot(info, FRAME_HEIGHT))
            papers.append(ref)
    # A supplement's front sheet lists its late papers, so it needs no contents page or agenda.
    story: list[Flowable] = front_sheet(content, styles, entries)
    if not content.supplement:
        story += [PageBreakIfNotEmpty(), *contents(entries, styles)]
        story += [PageBreakIfNotEmpty(), *agenda(content, styles)]
    story += body
    return Composition(story, outline, papers)


def _heading(item: PackItem, styles: Styles, key: str) -> list[Flowable]:
    meta = " · ".join(
        part
        for part in (
            f"Lead: {escape(item.lead)}" if item.lead else "",
            escape(item.purpose),
            f"{escape(item.starts)} ({item.minutes} min)" if item.starts else "",
        )
        if part
    )
    running = f"Item {item.number}: {item.title}"
    flowables: list[Flowable] = [
        AnchoredParagraph(escape(item_heading(item)), styles.h1, key, running=running)
    ]
    if meta:
        flowables.append(Paragraph(meta, styles.small))
    flowables.append(Spacer(1, 4 * mm))
    return flowables


def _withheld(item: PackItem, styles: Styles, key: str, supplement: bool) -> list[Flowable]:
    """The notice standing in for an exempt item: its number and nothing of its content."""
    number = escape(item.number)
    if supplement:
        text = (
            f"Item {number} contains exempt information and is not for publication. Late papers "
            "were added to it after the public pack was issued; they are included in the "
            "confidential pack or its supplement only."
        )
    else:
        text = (
            f"Item {number} contains exempt information and is not for publication. "
            "Its report and papers are included in the confidential pack only."
        )
    return [
        PageBreakIfNotEmpty(),
        AnchoredParagraph(
            escape(f"{item.number}. {NOT_FOR_PUBLICATION}"),
            styles.h1,
            key,
            running=f"Item {item.number}: {NOT_FOR_PUBLICATION}",
        ),
        Spacer(1, 4 * mm),
        Paragraph(text, styles.notice),
    ]
