"""Small flowables the pack needs: anchored headings, forward page references, paper slots.

Page numbers that are not known yet (the contents page, "of M") are drawn as PDF form XObjects
whose content is written when the build ends, so the document is laid out exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Paragraph

if TYPE_CHECKING:
    from sendboard.outputs.pack.document import PackDocTemplate


def ref_form(key: str) -> str:
    return f"ref_{key}"


class AnchoredParagraph(Paragraph):
    """A heading that is a link target: records its page and bookmarks its position."""

    def __init__(self, text: str, style: Any, key: str, running: str | None = None) -> None:
        super().__init__(text, style)
        self.key = key
        self.running = running

    def draw(self) -> None:
        canv = self.canv
        doc = canv.pack_doc
        canv.bookmarkHorizontal(self.key, 0, self.height + 4)
        doc.marks.setdefault(self.key, canv.getPageNumber())
        if self.running is not None:
            doc.running_label = self.running
        super().draw()


class Anchor(Flowable):
    """An invisible link target (e.g. an agenda row that has no section of its own)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 12)
        self.canv.pack_doc.marks.setdefault(self.key, self.canv.getPageNumber())


class PageRef(Flowable):
    """The page number where `key` lands, right-aligned and linked; filled in at the end."""

    def __init__(self, key: str, font: str, size: float) -> None:
        super().__init__()
        self.key, self.font, self.size = key, font, size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.size * 1.25
        return aw, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.pack_doc.refs.add(self.key)
        canv.saveState()
        canv.translate(self.width, self.size * 0.25)
        canv.doForm(ref_form(self.key))
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


@dataclass(frozen=True)
class SlotInfo:
    """Which paper page fills a reserved page, and how the stamp names it."""

    paper_index: int
    page_index: int
    stamp: tuple[str, str]  # (agenda item, paper)
    key: str  # destination of the paper's first page
    #: Further destinations on the first page (the item itself when it has no heading page).
    also: tuple[str, ...] = ()


class PaperSlot(Flowable):
    """Reserves one whole page for a page of an attached paper, merged in after rendering."""

    def __init__(self, info: SlotInfo, frame_height: float) -> None:
        super().__init__()
        self.info = info
        self.frame_height = frame_height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        # Always a whole frame: a slot never shares a page with anything else.
        self.width, self.height = aw, self.frame_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        doc: PackDocTemplate = canv.pack_doc
        page = canv.getPageNumber()
        if self.info.page_index == 0:
            for key in (self.info.key, *self.info.also):
                canv.bookmarkPage(key)
                doc.marks.setdefault(key, page)
        doc.slots.append((page, self.info))
        doc.page_stamp = self.info.stamp
